"""Attributions: who claims, accuses, suspects or confirms an act, and over which stretch of text.

Each `Claim` says how the text ties perpetrators mentioned inside its scope to the act there:
- claimed: "X claimed responsibility for", "IS claimed it", "the gunmen identified themselves as X",
  "X said it carried out", "in a statement, the group
  said two of its members had detonated..."; a statement by the claimant after its claim
  ("The group posted a statement", "the group said two IS members had detonated") continues it.
- accused: "Israel accused al-Aroui of planning", "blamed the attack on", "attributed it to".
- suspected: "suspected militants", "alleged", "presumed", "reportedly", "was believed to have".
- confirmed: an official's statement of an act ("the Pentagon said the US military had killed
  him", "according to police"), officials confirming, arrests and convictions ("police
  arrested X for").
- denials ("the army denied that guerrillas attacked", "denied responsibility", "bears no
  responsibility", "has nothing to do with", "was not involved in") are Claims with
  `denied=True` (attribution "reported"): the events stage may mark the act in scope negated.
`reported` is the default and needs no claim. The cue words live in data/claims.json.

Scopes: a claimant is itself the perpetrator, so a claim's scope is its whole sentence (and
the sentences that continue it); other attributions govern the clause they introduce, without
the accuser or official who speaks, and reach back to the paragraph's start when they name their act
only as one told before ("was suspected of carrying out the attack"), that stretch exempt. `attribution_for`
picks the claim for a mention.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from ..model import Claim, Document, Span

_RELATIVE = frozenset({"who", "that", "which"})
_BULLETS = "-*•#>|"
_ANAPHORIC = frozenset({"the", "this", "that", "these", "those"})


@dataclass(frozen=True)
class _Lexicon:
    responsibility: frozenset[str]
    claim_verbs: frozenset[str]
    act_nouns: frozenset[str]
    act_pronouns: frozenset[str]
    self_naming: frozenset[str]
    reflexives: frozenset[str]
    act_verbs: frozenset[str]
    say_verbs: frozenset[str]
    self_words: frozenset[str]
    group_nouns: frozenset[str]
    statement_nouns: frozenset[str]
    accuse_verbs: frozenset[str]
    suspect_modifiers: frozenset[str]
    suspect_adverbs: frozenset[str]
    suspect_verbs: frozenset[str]
    suspect_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    confirm_verbs: frozenset[str]
    arrest_verbs: frozenset[str]
    officials: frozenset[str]
    deny_verbs: frozenset[str]
    deny_objects: frozenset[str]
    disown_predicates: frozenset[str]
    state_forces: frozenset[str]
    continuation: int


@cache
def _lexicon() -> _Lexicon:
    raw = json.loads((files("eventwire") / "data" / "claims.json").read_text(encoding="utf-8"))
    return _Lexicon(continuation=raw["continuation_sentences"], **{
        name: frozenset(raw[key]) for name, key in (
            ("responsibility", "responsibility_nouns"), ("claim_verbs", "claim_verbs"), ("act_nouns", "act_nouns"),
            ("act_pronouns", "act_pronouns"), ("self_naming", "self_naming_verbs"), ("reflexives", "reflexives"),
            ("act_verbs", "act_verbs"), ("say_verbs", "say_verbs"), ("self_words", "self_words"),
            ("group_nouns", "group_nouns"), ("statement_nouns", "statement_nouns"),
            ("accuse_verbs", "accuse_verbs"), ("suspect_modifiers", "suspect_modifiers"),
            ("suspect_adverbs", "suspect_adverbs"), ("suspect_verbs", "suspect_verbs"),
            ("suspect_nouns", "suspect_nouns"), ("reporting_verbs", "reporting_verbs"),
            ("confirm_verbs", "confirm_verbs"),
            ("arrest_verbs", "arrest_verbs"), ("officials", "officials"), ("deny_verbs", "deny_verbs"),
            ("deny_objects", "deny_objects"), ("disown_predicates", "disown_predicates"),
            ("state_forces", "state_forces"))})


def state_force_words() -> frozenset[str]:
    """Lemmas that name a state's forces ("police", "soldier", "troop")."""
    return _lexicon().state_forces


def act_nouns() -> frozenset[str]:
    """Nouns naming an act ("the attack", "the bombing"): what "blamed the attack on X" blames."""
    return _lexicon().act_nouns


def attribution_for(claims: Iterable[Claim], start: int, end: int) -> Claim | None:
    """The claim governing a perpetrator mentioned at [start, end): the narrowest non-denial
    scope that covers it. An accuser, suspecting or confirming official is not its own
    perpetrator, so a claim never applies to its actor unless the actor claimed."""
    best: Claim | None = None
    for c in claims:
        if c.denied or not (c.scope_start <= start and end <= c.scope_end):
            continue
        if c.actor is not None and c.attribution != "claimed" and c.actor.start < end and start < c.actor.end:
            continue
        if any(s < end and start < e for s, e in c.exempt):  # "shot dead by security forces" after a group's claim
            continue
        if best is None or governed(c) < governed(best):
            best = c
    return best


def governed(c: Claim) -> int:
    """How much text a claim governs: its scope without the stretches exempt from it."""
    return c.scope_end - c.scope_start - sum(e - s for s, e in c.exempt)


class Claims:
    """Appends every attribution cue of the text to `doc.claims`, in text order."""

    def __init__(self) -> None:
        self.lex = _lexicon()

    def __call__(self, doc: Document) -> None:
        if doc.doc is None:
            return
        finder = _Finder(self.lex, doc)
        for tok in doc.doc:
            finder.visit(tok)
        finder.continue_claims()
        finder.exempt_state_forces()
        doc.claims.extend(sorted(finder.claims, key=lambda c: (c.cue.start, c.scope_start)))


class _Finder:
    """Collects the claims of one document, visiting its tokens in order."""

    def __init__(self, lex: _Lexicon, doc: Document):
        self.lex, self.doc, self.sdoc = lex, doc, doc.doc
        self.sents = list(self.sdoc.sents)
        self.sent_of = [0] * len(self.sdoc)
        for k, s in enumerate(self.sents):
            for i in range(s.start, s.end):
                self.sent_of[i] = k
        self.claims: list[Claim] = []
        self.cue_sents: list[int] = []  # sentence index of each claim's cue
        self.claim_sents: list[int] = []  # sentence index of each claimed claim

    # -- helpers ----------------------------------------------------------------------------
    def span(self, first, last) -> Span:
        return self.doc.span(first.idx, last.idx + len(last.text))

    def phrase(self, tok) -> Span:
        """A noun phrase up to its head ("the militant Sunni Muslim group"); a name read as a clause whole
        ("Shining Path")."""
        if tok.dep_ == "csubj":
            return self.span(tok, max((c for c in tok.children if c.dep_ == "dobj"), key=lambda c: c.i, default=tok))
        return self.span(tok.left_edge, tok)

    @staticmethod
    def subject(verb):
        """The verb's subject, or its head's for conjoined and controlled verbs; a relative's antecedent; a
        name the parser read as a clause ("Shining Path (SL) claimed": "Shining" a verb) or as a verb ("IS
        claimed responsibility": "is")."""
        for v in (verb, verb.head) if verb.dep_ in ("conj", "xcomp") else (verb,):
            subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")
                         or c.dep_ == "csubj" and c.text.istitle() and any(t.pos_ == "PROPN" for t in c.subtree)
                         or c.dep_ in ("aux", "auxpass") and c.text == "IS" and c.i == c.sent.start
                         and v.text.islower()), None)
            if subj is not None:
                return v.head if subj.lower_ in _RELATIVE and v.dep_ == "relcl" else subj
        return None

    @staticmethod
    def agent(verb):
        by = next((c for c in verb.children if c.dep_ == "agent"), None)
        return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None

    @staticmethod
    def passive(verb) -> bool:
        """"it was driven and detonated": a conjoined verb shares its head's passive."""
        heads = (verb, verb.head) if verb.dep_ == "conj" else (verb,)
        return any(c.dep_ == "auxpass" for v in heads for c in v.children)

    @staticmethod
    def negated(verb) -> bool:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return any(c.dep_ == "neg" for c in verb.children) or (
            subj is not None and (subj.lower_ in ("nobody", "none") or any(
                c.dep_ == "det" and c.lower_ == "no" for c in subj.children)))

    def trim(self, start: int, end: int) -> tuple[int, int]:
        """Without the blank lines and bullet marks a sentence drags along."""
        text = self.doc.text
        while end > start and (text[end - 1].isspace() or text[end - 1] in _BULLETS):
            end -= 1
        while start < end and (text[start].isspace() or text[start] in _BULLETS):
            start += 1
        return start, end

    def sentence(self, tok) -> tuple[int, int]:
        s = self.sents[self.sent_of[tok.i]]
        return self.trim(s[0].idx, s[-1].idx + len(s[-1].text))

    def about_earlier_act(self, tok, act) -> tuple[int, int]:
        """The sentence of `tok`, reaching back to its paragraph's start when the act it is
        about was told before: "the/this attack", "the incident", or no act at all ("X claimed
        responsibility."). GTD-style summaries report the act, then "X claimed responsibility
        for the incident"."""
        start, end = self.sentence(tok)
        det = {c.lower_ for c in act.children if c.dep_ == "det"} if act is not None else set()
        if act is None or det & _ANAPHORIC:
            start = self.doc.text.rfind("\n", 0, start) + 1
        return self.trim(start, end)

    def named_act_scope(self, verb, act) -> tuple[int, int]:
        """Where an act the words name ("said it carried out the attack") may have been told: back to
        the paragraph's start for "the attack"; with no act named, the sentence only."""
        return self.about_earlier_act(verb, act) if act is not None else self.sentence(verb)

    def blame(self, attribution: str, verb, actor, scope: tuple[int, int], about) -> None:
        """An accusation or suspicion. When it names its act only as one told before ("was suspected of
        carrying out the attack", "attributed the incident to X"), its scope reaches back to the paragraph's
        start, so that it governs that act; the actors told there are not thereby accused (exempt)."""
        if any(t.lemma_.lower() in self.lex.act_nouns and t.pos_ == "NOUN"
               and any(c.dep_ == "det" and c.lower_ in _ANAPHORIC for c in t.children) for t in about.subtree):
            start = self.about_earlier_act(verb, None)[0]
            if start < scope[0]:
                self.add(attribution, (verb, verb), actor, (start, scope[1]), exempt=(start, scope[0]))
                return
        self.add(attribution, (verb, verb), actor, scope)

    def extent(self, tok) -> tuple[int, int]:
        """The characters of the token's subtree (a clause or phrase)."""
        return self.trim(tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text))

    def clause_without(self, verb, actor) -> tuple[int, int]:
        """The verb's clause, starting after its actor when the actor comes first."""
        start, end = self.extent(verb)
        if actor is not None and actor.head.i == verb.i and actor.i < verb.i:
            start = min(actor.right_edge.i + 1, verb.i)
            start = self.sdoc[start].idx
        return start, end

    def is_official(self, tok) -> bool:
        words = {tok.lemma_.lower(), tok.lower_} | {c.lower_ for c in tok.children if c.dep_ == "compound"}
        return bool(words & self.lex.officials)

    def add(self, attribution: str, cue: tuple, actor, scope: tuple[int, int], denied: bool = False,
            exempt: tuple[int, int] | None = None) -> None:
        """Record a claim whose cue runs over tokens cue[0]..cue[1]."""
        actor_span = self.phrase(actor) if actor is not None else None
        self.claims.append(Claim(attribution, self.span(*cue), actor_span, scope[0], scope[1], denied=denied,
                                 exempt=[exempt] if exempt else []))
        self.cue_sents.append(self.sent_of[cue[0].i])
        if attribution == "claimed" and not denied:
            self.claim_sents.append(self.sent_of[cue[0].i])

    def acts_in(self, tok) -> bool:
        """Whether the clause reports an act ("that the rebels had attacked the convoy")."""
        return any(self.is_act(t) for t in tok.subtree)

    def is_act(self, t) -> bool:
        """A verb of violence, alone or with its particle ("set off the mine")."""
        lemma = t.lemma_.lower()
        return t.pos_ in ("VERB", "AUX") and (lemma in self.lex.act_verbs or any(
            c.dep_ == "prt" and f"{lemma} {c.lower_}" in self.lex.act_verbs for c in t.children))

    # -- cues -------------------------------------------------------------------------------
    def visit(self, tok) -> None:
        lemma, lower, pos = tok.lemma_.lower(), tok.lower_, tok.pos_
        lex = self.lex
        disowned = (lemma in lex.deny_objects or lemma in lex.responsibility or lower == "nothing") \
            and self.disowned(tok)
        if pos in ("NOUN", "PROPN") and lemma in lex.responsibility and not disowned:
            self.responsibility(tok)
        if lower in lex.disown_predicates:
            self.involvement(tok)
        if pos == "VERB" or (pos == "AUX" and tok.dep_ != "aux"):
            stated = lemma in lex.say_verbs and self.statement(tok)
            if lemma == "claim":
                self.claimed_act(tok)
            if lemma in lex.self_naming:
                self.self_named(tok)
            if lemma in lex.deny_verbs:
                self.denial(tok)
            elif lemma in lex.accuse_verbs and not stated:
                self.accusation(tok)
            if lemma in lex.suspect_verbs:
                self.suspicion(tok)
            if lemma in lex.confirm_verbs or lemma in lex.arrest_verbs:
                self.confirmation(tok)
        if lower in lex.suspect_modifiers and tok.dep_ in ("amod", "compound", "advmod") \
                and tok.head.pos_ in ("NOUN", "PROPN"):
            self.add("suspected", (tok, tok), None, self.extent(tok.head))  # "suspected militants"
        elif lower in lex.suspect_adverbs and tok.dep_ == "advmod" and tok.head.pos_ in ("VERB", "AUX"):
            self.add("suspected", (tok, tok), None, self.extent(tok.head))  # "reportedly carried out"
        elif pos == "NOUN" and lemma in lex.suspect_nouns:
            self.add("suspected", (tok, tok), None, self.extent(tok))  # "two suspects"
        if lower == "according":
            self.according_to(tok)

    def claimed_act(self, verb) -> None:
        """"the FMLN claimed the attack", "the attack was claimed by JNIM"; "IS claimed it": a pronoun
        for the act told before, as "the attack" is."""
        agent = self.agent(verb)
        obj = next((c for c in verb.children if c.dep_ == "dobj" or c.dep_ == "nsubjpass" and agent is not None), None)
        if self.negated(verb):
            return
        if obj is None:
            self.bare_claim(verb)
            return
        actor = agent if obj.dep_ == "nsubjpass" else self.subject(verb) or agent
        if obj.lemma_.lower() in self.lex.act_nouns:
            self.add("claimed", (verb, verb), actor, self.about_earlier_act(verb, obj))
        elif obj.lower_ in self.lex.act_pronouns and actor is not None:
            self.add("claimed", (verb, obj), actor, self.about_earlier_act(verb, None))

    def bare_claim(self, verb) -> None:
        """A note's "ISKP claimed.", "X and IS both claimed.": a claim with nothing after it is of the act told
        before, by each group named as its subject (the parse reads a later "IS" as the passive's "is")."""
        kids = list(verb.children)
        if any(c.dep_ not in ("nsubj", "nsubjpass", "punct", "advmod", "dep", "auxpass") or c.i > verb.i
               and not c.is_punct for c in kids):
            return
        subj = self.subject(verb)
        actors = [subj, *(c for c in subj.conjuncts)] if subj is not None else []
        actors += [c for c in kids if c.dep_ == "auxpass" and c.text == "IS"]
        for actor in actors:
            if actor.pos_ == "PROPN" or not actor.text[1:].islower():  # a name ("LeJ", "ISKP"), not "They"
                self.add("claimed", (verb, verb), actor, self.about_earlier_act(verb, None))

    def self_named(self, verb) -> None:
        """"the assailants identified themselves as X", "called themselves X": the doers claim to be X, so
        X claims the act told before (scope as for "X claimed responsibility.")."""
        kids = list(verb.children)
        if self.negated(verb) or not any(c.dep_ == "dobj" and c.lower_ in self.lex.reflexives for c in kids):
            return
        name = next((p for c in kids if c.dep_ == "prep" and c.lower_ == "as" for p in c.children
                     if p.dep_ == "pobj"), None) or next((c for c in kids if c.dep_ in ("oprd", "attr")), None)
        if name is not None and name.pos_ == "PROPN":
            self.add("claimed", (verb, verb), name, self.about_earlier_act(verb, None))

    def confirmation(self, verb) -> None:
        """"officials confirmed that the rebels attacked" (the clause), "police arrested X for",
        "X was convicted of" (the clause without the arresting official)."""
        if self.negated(verb) or verb.tag_ == "VB":  # not "to prosecute"
            return
        if verb.lemma_.lower() in self.lex.confirm_verbs:
            comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
            if comp is not None and self.acts_in(comp):
                self.add("confirmed", (verb, verb), self.subject(verb), self.extent(comp))
        else:
            passive = self.passive(verb)
            actor = self.agent(verb) if passive else self.subject(verb)
            scope = self.extent(verb) if passive else self.clause_without(verb, actor)
            self.add("confirmed", (verb, verb), actor, scope)

    def according_to(self, tok) -> None:
        """"according to police, guerrillas dynamited the tower": the clause, by an official."""
        to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        src = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if src is not None and self.is_official(src):
            head = tok.head if tok.head.pos_ in ("VERB", "AUX") else None
            self.add("confirmed", (tok, to), src, self.extent(head) if head is not None else self.sentence(tok))

    def responsibility(self, tok) -> None:
        """"X claimed responsibility for", "responsibility was claimed by X"."""
        verb = tok.head
        if tok.dep_ not in ("dobj", "nsubjpass", "attr") or verb.lemma_.lower() not in self.lex.claim_verbs:
            return
        if self.negated(verb) or verb.tag_ == "VB":  # not "had to admit responsibility"
            return
        actor = self.agent(verb) if tok.dep_ == "nsubjpass" else self.subject(verb)
        act = next((p for h in (tok, verb) for c in h.children if c.dep_ == "prep" and c.lower_ == "for"
                    for p in c.children if p.dep_ == "pobj"), None)  # "responsibility for the incident"
        self.add("claimed", (verb, tok) if tok.i > verb.i else (verb, verb), actor, self.about_earlier_act(tok, act))

    def statement(self, verb) -> bool:
        """A saying verb whose clause reports an act: claimed by the speaker when the act's
        subject is the speaker itself ("said it carried out", "two of its members") or when
        the speaker's earlier claim is near; confirmed when the speaker is an official;
        accused when the speaker alleges. Returns whether it made a claim."""
        comps = [c for c in verb.children if c.dep_ == "ccomp" and self.acts_in(c)]
        acts = [t for c in comps for t in c.subtree if self.is_act(t)]
        if not acts or self.negated(verb):
            return False
        sayer = self.subject(verb) or self.agent(verb)
        if sayer is None or sayer.lower_ in _RELATIVE:
            return False
        own = any((subj := self.subject(a)) is not None and not self.passive(a)
                  and any(t.lower_ in self.lex.self_words for t in subj.subtree) for a in acts)
        k = self.sent_of[verb.i]
        near_claim = any(0 <= k - s <= self.lex.continuation for s in self.claim_sents)
        cue = (verb, verb)
        if own or (near_claim and sayer.lemma_.lower() in self.lex.group_nouns and not self.is_official(sayer)):
            told = next((o for a in acts for o in a.children
                         if o.dep_ == "dobj" and o.lemma_.lower() in self.lex.act_nouns), None)
            self.add("claimed", cue, sayer, self.named_act_scope(verb, told))  # "said it carried out the attack"
        elif not self.is_official(sayer) and (doer := self.named_doer(acts)) is not None:
            self.add("claimed", cue, doer[1], self.named_act_scope(verb, doer[0]))
        elif self.is_official(sayer):
            self.add("confirmed", cue, sayer, (self.extent(comps[0])[0], self.extent(comps[-1])[1]))
        elif verb.lemma_.lower() in ("claim", "allege", "charge"):
            self.add("accused", cue, sayer, (self.extent(comps[0])[0], self.extent(comps[-1])[1]))
        else:
            return False
        return True

    def named_doer(self, acts):
        """(act noun, doer) of "the operation was carried out by X" in a group's statement: the group
        vouches for X as the doer, as a claim does ("AQIM said the attack was carried out by its ally")."""
        for a in acts:
            subj, doer = self.subject(a), self.agent(a)
            if self.passive(a) and doer is not None and doer.pos_ == "PROPN" and subj is not None \
                    and subj.lemma_.lower() in self.lex.act_nouns:
                return subj, doer
        return None

    def accusation(self, verb) -> None:
        """"Israel accused al-Aroui of planning", "blamed the attack on", "held X responsible"."""
        lemma = verb.lemma_.lower()
        kids = list(verb.children)
        if lemma == "hold" and not any(c.lower_ == "responsible" for c in kids):
            return
        # "attributed the attack to X": the parser may hang "to X" on the act rather than on the verb
        tos = kids + [g for c in kids if c.dep_ in ("dobj", "nsubjpass") for g in c.children]
        if lemma in ("link", "tie", "attribute") and not any(c.dep_ == "prep" and c.lower_ == "to" for c in tos):
            return
        if self.negated(verb) or verb.tag_ == "VB":  # not "refused to blame"
            return
        passive = self.passive(verb)
        actor = self.agent(verb) if passive else self.subject(verb)
        self.blame("accused", verb, actor, self.extent(verb) if passive else self.clause_without(verb, actor), verb)

    def suspicion(self, verb) -> None:
        """"was believed to have been killed", "is suspected of", "police suspect the FMLN"."""
        kids = list(verb.children)
        comp = next((c for c in kids if c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "of")), None)
        if self.passive(verb):
            if comp is None and verb.lemma_.lower() == "suspect" and self.subject(verb) is not None:
                self.add("suspected", (verb, verb), self.agent(verb), self.extent(verb))  # "Boko Haram was suspected."
                return
            if comp is None or (verb.lemma_.lower() in self.lex.reporting_verbs and comp.dep_ != "xcomp"):
                return  # "it was reported that ..." is plain reporting
            self.blame("suspected", verb, self.agent(verb), self.extent(verb), comp)
        elif verb.lemma_.lower() in ("suspect", "believe", "think", "presume") and not self.negated(verb):
            actor = self.subject(verb)
            if comp is not None and comp.dep_ == "ccomp" and self.acts_in(comp):
                self.add("suspected", (verb, verb), actor, self.extent(comp))
            elif verb.lemma_.lower() == "suspect" and any(c.dep_ == "dobj" for c in kids):
                self.blame("suspected", verb, actor, self.clause_without(verb, actor), verb)

    def denial(self, verb) -> None:
        """"the army denied that guerrillas attacked" (scope: the clause), "Hamas denied
        responsibility" / "denied carrying out" (scope: the whole clause, the denier included)."""
        kids = list(verb.children)
        comp = next((c for c in kids if c.dep_ in ("ccomp", "xcomp")), None)
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        actor = self.subject(verb)
        cue = (verb, verb)
        comp_subj = self.subject(comp) if comp is not None else None
        if comp_subj is not None and (actor is None or comp_subj.i != actor.i):
            self.add("reported", cue, actor, self.extent(comp), denied=True)
        elif comp is not None or (obj is not None and (obj.lemma_.lower() in self.lex.deny_objects
                                                       or obj.lemma_.lower() in self.lex.act_nouns)):
            self.add("reported", cue, actor, self.extent(verb), denied=True)

    def disowned(self, tok) -> bool:
        """"X bears no responsibility", "had no role in", "has nothing to do with": a denial by the
        verb's subject over its clause. Returns whether it made one."""
        verb = tok.head
        if tok.dep_ != "dobj" or verb.pos_ not in ("VERB", "AUX"):
            return False
        if tok.lower_ == "nothing":  # "nothing to do with"
            if not any(c.lemma_.lower() == "do" and any(g.lower_ == "with" for g in c.children) for c in tok.children):
                return False
        elif not any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            return False
        self.add("reported", (verb, tok), self.speaker(verb), self.extent(verb), denied=True)
        return True

    def involvement(self, tok) -> None:
        """"X was not involved in", "it is not responsible for": a denial by X; "the group said it was
        behind the attack": a claim, when the speaker tells of itself."""
        verb = tok if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "acomp" else tok.head
        subj = self.subject(verb)
        if verb.pos_ not in ("VERB", "AUX") or subj is None:
            return
        if not any(c.dep_ == "prep" for c in tok.children) and tok.dep_ != "prep":
            if tok.lower_ == "responsible" and self.plain_statement(verb, subj) and tok.i + 1 < len(tok.doc) \
                    and tok.nbor(1).text in (".", ";") and not any(c.dep_ == "neg" for c in verb.children):
                # GTD-style "The Abu Sayyaf Group (ASG) was responsible." closing the summary of the act
                self.add("reported", (verb, tok), subj, self.about_earlier_act(tok, None))
            return  # "responsible for ...", "involved in ...", "behind the attack": about an act
        cue = (verb, tok) if tok.i > verb.i else (tok, tok)
        if any(c.dep_ == "neg" for c in (*tok.children, *verb.children)):
            self.add("reported", cue, self.speaker(verb), self.extent(verb), denied=True)
            return
        speaker = self.speaker(verb)
        act = next((p for t in (tok, *tok.children) for p in t.children
                    if p.dep_ == "pobj" and p.lemma_.lower() in self.lex.act_nouns), None)
        if subj.lower_ in self.lex.self_words and speaker is not subj and not self.is_official(speaker):
            self.add("claimed", cue, speaker, self.named_act_scope(verb, act))
        elif tok.lower_ == "responsible" and act is not None and self.plain_statement(verb, subj):
            # GTD-style "Shining Path (SL) was responsible for the incident": the writer names the doer
            # of the act told before, as plainly as a claim would.
            self.add("reported", cue, subj, self.about_earlier_act(tok, act))

    def plain_statement(self, verb, subj) -> bool:
        """ "X was responsible": the writer's own word, not what someone said, about a named doer."""
        return self.speaker(verb).i == subj.i and subj.pos_ != "PRON" and verb.dep_ == "ROOT" and verb.lemma_ == "be"

    def speaker(self, verb):
        """The subject of `verb`; for a pronoun in a reported clause, the one who says it ("the ADF said it ...")."""
        subj = self.subject(verb)
        head = verb.head
        if subj is not None and subj.pos_ == "PRON" and verb.dep_ == "ccomp" and \
                head.lemma_.lower() in self.lex.say_verbs:
            return self.subject(head) or subj
        return subj

    # -- continuation -----------------------------------------------------------------------
    def continue_claims(self) -> None:
        """Extend a responsibility claim over the sentences right after it in which the
        claimant (a group word or pronoun) goes on making statements ("The group posted a statement")."""
        for n, c in enumerate(self.claims):
            if c.attribution != "claimed" or c.denied:
                continue
            k = self.cue_sents[n]
            while k + 1 < len(self.sents) and self.states(self.sents[k + 1]):
                k += 1
                end = self.sentence(self.sents[k][0])[1]
                self.claims[n] = c = Claim(c.attribution, c.cue, c.actor, c.scope_start, max(c.scope_end, end))

    def exempt_state_forces(self) -> None:
        """A group claims its own men's acts, not those of the police or army it fought ("The assailant
        was shot dead by security forces. IS claimed responsibility"): their mentions in a claimed
        scope are exempt from it, unless the claimant is itself an official force."""
        for c in self.claims:
            if c.attribution != "claimed" or c.denied:
                continue
            actor = self.sdoc.char_span(c.actor.start, c.actor.end, alignment_mode="expand") if c.actor else None
            if actor is not None and len(actor) and self.is_official(actor.root):
                continue
            span = self.sdoc.char_span(c.scope_start, c.scope_end, alignment_mode="expand")
            c.exempt = [(t.left_edge.idx, t.idx + len(t.text)) for t in span or ()
                        if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in self.lex.state_forces
                        and t.dep_ != "compound"]

    def states(self, sent) -> bool:
        """Whether the sentence is a statement by a group word or pronoun ("The group said")."""
        for t in sent:
            if t.lemma_.lower() in self.lex.say_verbs and t.pos_ == "VERB" or \
                    t.lemma_.lower() in self.lex.statement_nouns and t.dep_ == "dobj":
                verb = t if t.pos_ == "VERB" else t.head
                subj = self.subject(verb)
                return subj is not None and subj.lemma_.lower() in self.lex.group_nouns and not self.is_official(subj)
        return False
