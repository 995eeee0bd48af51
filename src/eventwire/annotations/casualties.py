"""Killed and injured figures: every stated toll, tied to its trigger word and its victims.

A casualty trigger (killed, dead, died, death toll, wounded, ...; data/casualties.json) is
followed through the dependency parse to its victims ("killed 12 people", "12 people were
killed", "the death of over 100 people", "left three dead", "the toll has risen to 103",
"the number of guerrillas killed rose to 26", "the boy suffered injuries", "is in critical
condition"), and the figure is read from them (annotations/numbers.py); conjoined victims
add up ("two policemen and a civilian" = 3). Where no number is written, a singular person
or a named one counts 1 ("a 7-year-old boy was killed", "Soleimani was killed"), and a
negated victim counts 0 ("no one was hurt", "no casualties"); "both" counts 2, and captives
with no figure ("the bodies of the hostages were found") count the people of the abduction told
before. When the parse gives no victim (headlines, lower-cased wire text), the figure right before
or after the trigger is taken, and a label heading its sentence reads the figure after it
("Fatalities 3.").
Negated or near-miss triggers ("were not hurt", "was almost killed") give nothing.

The wounded who died are counted once, as dead: an injured figure whose victims are also
reported killed (same words, or one definite person in another sentence), and, in a text
reporting any death, a bare "was shot", are dropped (`died_later`).

A murder-suicide counts the killer with his victims ("kills wife and stepdaughter in murder-suicide" is
3); a sentence of a figure alone ("9 fatalities.", as ACLED notes end) tallies every side, so the sides it
sums are not added to it.

"casualties" counts the dead and the wounded together: such a figure is filed under
`injured` with `mixed=True`, so that explicit figures win (see `combine`); "no casualties"
is 0 killed and 0 injured.

`combine` merges the figures of one event into the Count the event reports.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from ..model import Casualty, Count, Document, Span
from .numbers import Figure, find_figures, lexicon

# Dates are left to numbers.py: the parser's DATE entities swallow neighbouring counts
# ("injures 24\n\nMonday, June 8").
_NOT_COUNT_ENTS = frozenset({"TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
_NOT_PERSON_ENTS = frozenset({"GPE", "ORG", "NORP", "LOC", "FAC", "DATE", "TIME", "EVENT", "PRODUCT", "LAW"})
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_PRONOUNS_ONE = frozenset({"he", "she", "him", "her", "himself", "herself"})
_PRONOUNS = frozenset({"he", "she", "they"})
_REFLEXIVE = frozenset({"himself", "herself", "themselves"})
_AGE_UNITS = frozenset({"year", "month", "week", "day"})
_DEFINITE = frozenset({"the", "this", "that"})
_OTHER = frozenset({"other", "another", "second", "third", "fourth", "one", "two", "three"})
_DEFINITE_PLURAL = frozenset({"the", "these", "those"})
_TOLL_PREPS = frozenset({"of", "at", "to", "as"})  # "a toll of 12", "put at 12", "rose to 12", "coded as 12"
_LOOK_BACK = 200  # tokens searched for the figure of a definite plural ("the hostages")


@dataclass(frozen=True)
class _Lexicon:
    kind_of: dict[tuple[str, str], str]  # (role, lemma) -> killed | injured
    object_nouns: dict[str, frozenset[str]]
    mixed: frozenset[str]
    person_only: frozenset[str]
    unless_dead: frozenset[str]
    revision_verbs: frozenset[str]
    revision_adverbs: frozenset[str]
    toll_kinds: dict[str, str]
    toll_idiom_verbs: frozenset[str]
    suffer_verbs: frozenset[str]
    count_nouns: frozenset[str]
    fatal_modifiers: frozenset[str]
    sufferer_only: frozenset[str]
    fatal_verbs: frozenset[str]
    condition_adjectives: frozenset[str]
    raising: frozenset[str]
    persons: frozenset[str]
    suffixes: tuple[str, ...]
    not_persons: frozenset[str]
    negators: frozenset[str]
    attackers: frozenset[str]
    armed_group: frozenset[str]
    inclusion: frozenset[str]
    contrast: frozenset[str]
    coded: frozenset[str]
    totals: frozenset[str]
    counted_collectives: frozenset[str]
    additive: frozenset[str]
    captives: frozenset[str]
    abduction_verbs: frozenset[str]
    murder_words: frozenset[str]
    summary_nouns: frozenset[str]
    multipliers: dict[str, int]


@cache
def _lexicon() -> _Lexicon:
    lex = lexicon()
    kind_of: dict[tuple[str, str], str] = {}
    for kind in ("killed", "injured"):
        for role in ("verbs", "intransitive", "adjectives", "nouns"):
            for word in lex[kind][role]:
                kind_of[(role, word)] = kind
        for word in lex[kind].get("object_nouns", {}):
            kind_of[("object_nouns", word)] = kind
    return _Lexicon(
        kind_of=kind_of,
        object_nouns={k: frozenset(v) for k, v in lex["killed"]["object_nouns"].items()},
        mixed=frozenset(lex["mixed"]),
        person_only=frozenset(lex["person_only"]),
        unless_dead=frozenset(lex["unless_dead"]),
        revision_verbs=frozenset(lex["revision_verbs"]),
        revision_adverbs=frozenset(lex["revision_adverbs"]),
        toll_kinds=lex["toll_kinds"],
        toll_idiom_verbs=frozenset(lex["toll_idiom_verbs"]),
        suffer_verbs=frozenset(lex["suffer_verbs"]),
        count_nouns=frozenset(lex["count_nouns"]),
        fatal_modifiers=frozenset(lex["fatal_modifiers"]),
        sufferer_only=frozenset(lex["sufferer_only"]),
        fatal_verbs=frozenset(lex["fatal_verbs"]),
        condition_adjectives=frozenset(lex["condition_adjectives"]),
        raising=frozenset(lex["raising_verbs"]),
        persons=frozenset(lex["persons"]),
        suffixes=tuple(lex["person_suffixes"]),
        not_persons=frozenset(lex["not_persons"]),
        negators=frozenset(lex["negators"]),
        attackers=frozenset(lex["attackers"]),
        armed_group=frozenset(lex["armed_group"]) | frozenset(lex["attackers"]),
        inclusion=frozenset(lex["inclusion"]),
        contrast=frozenset(lex["contrast"]),
        coded=frozenset(lex["coded"]),
        totals=frozenset(lex["totals"]),
        counted_collectives=frozenset(lex["counted_collectives"]),
        additive=frozenset(lex["additive"]),
        captives=frozenset(lex["captive_nouns"]),
        abduction_verbs=frozenset(lex["abduction_verbs"]),
        murder_words=frozenset(lex["murder_suicide"]["murders"]),
        summary_nouns=frozenset(lex["summary_nouns"]),
        multipliers=lex["murder_suicide"]["multipliers"],
    )


ADDED = ("attackers", "also")  # sides whose dead add to the rest: the attackers', "7 Taliban were also killed"


def attacker_words() -> frozenset[str]:
    """Nouns that name the doer of an attack ("assailant", "gunmen")."""
    return _lexicon().attackers


def combine(figures: Iterable[Casualty]) -> Count | None:
    """One Count from the figures of one kind (killed or injured) reported for one event.

    The attackers' own dead, told apart from their victims ("Two attackers were killed ... The
    attack killed one police officer"), and victims the text says were "also" killed, are added to
    them, as GTD and ACLED count every death,
    unless a figure already names both ("12 people, including the bomber") or may be the attacker
    under another name ("the man died"); otherwise figures may count the same people and
    `one_side` keeps one."""
    figs = list(figures)
    stated = {f.count.best for f in figs if f.side not in ADDED}
    # "three others injured ... Three other men were also wounded": a figure told again is not added
    figs = [replace(f, side=None) if f.side == "also" and f.count.best in stated else f for f in figs]
    sides = [[f for f in figs if f.side not in ADDED]] + [[f for f in figs if f.side == s] for s in ADDED]
    counts = [one_side(side) for side in sides if side]
    if len(counts) > 1 and not any(f.side in ("all", "one") for f in figs) and all(
            c is not None and c.best is not None for c in counts):
        first = counts[0]
        return Count(best=sum(c.best for c in counts),
                     low=None if any(c.low is None for c in counts) else sum(c.low for c in counts),
                     high=None if any(c.high is None for c in counts) else sum(c.high for c in counts),
                     text=first.text, start=first.start, end=first.end)
    return one_side(figs)


def one_side(figs: list[Casualty]) -> Count | None:
    """One Count from figures of one kind that may count the same people.

    Rules, over the figures in text order:
    - Figures from "casualties" (`mixed`) are used only when no explicit figure exists.
    - best: the best of the last revision ("the toll has risen to 103"); without a
      revision, that of the last tally ("About 100 were killed in two villages ... 70 fatalities."),
      else the largest best (later sentences break a toll down: "including 3 children").
    - low: the largest lower bound stated as such by an open-ended figure ("over 100" -> 101,
      "at least 12", "dozens") that does not exceed best; without one, the low of the
      figure that gave best.
    - high: the largest stated upper bound or exact figure that is at least best, else None.
    - text/start/end: those of the figure that gave best.
    So "the death of over 100 people" then "the death toll has risen to 103" gives
    best 103, low 101, high 103.
    """
    if any(not f.mixed for f in figs):
        figs = [f for f in figs if not f.mixed]
    if not figs:
        return None
    counted = [f for f in figs if f.count.best is not None]
    revisions = [f for f in counted if f.revision] or [f for f in counted if f.tally]
    if revisions:
        chosen = revisions[-1]
    elif counted:
        chosen = max(counted, key=lambda f: f.count.best)
    else:
        chosen = max(figs, key=lambda f: f.count.low or 0)
    best = chosen.count.best
    ceiling = best if best is not None else float("inf")
    open_lows = [f.count.low for f in figs if f.count.high is None and f.count.low is not None
                 and f.count.low <= ceiling]
    low = max(open_lows) if open_lows else chosen.count.low
    highs = [f.count.high for f in figs if f.count.high is not None and (best is None or f.count.high >= best)]
    high = max(highs) if highs else None
    c = chosen.count
    return Count(best=best, low=low, high=high, text=c.text, start=c.start, end=c.end)


class Casualties:
    """Appends every killed / injured figure of the text to `doc.casualties`, in text order."""

    def __init__(self) -> None:
        self.lex = _lexicon()

    def __call__(self, doc: Document) -> None:
        sdoc = doc.doc
        if sdoc is None:
            return
        skip = frozenset(t.i for e in sdoc.ents if e.label_ in _NOT_COUNT_ENTS and not misread_percent(e) for t in e)
        figures = find_figures([t.lower_ for t in sdoc], skip)
        at = {i: f for f in figures for i in range(f.start, f.end)}
        finder = _Finder(self.lex, doc, at)
        found: dict[tuple[str, int, int], Casualty] = {}
        for tok in sdoc:
            for cas in finder.casualties(tok):
                found.setdefault((cas.kind, cas.count.start, cas.count.end), cas)
        found = murder_suicides(list(found.values()), doc, self.lex)
        kept = [c for c in found if not finder.died_later(c, found)]
        doc.casualties.extend(sorted(killer_added(kept, doc), key=lambda c: (c.count.start, c.kind)))


def murder_suicide(tok, lex: _Lexicon) -> bool:
    """ "murder-suicide", "murder/suicide", "homicide-suicide"."""
    parts = tok.lower_.replace("/", "-").split("-")
    if len(parts) == 2:
        return parts[0] in lex.murder_words and parts[1] == "suicide"
    return tok.lower_ == "suicide" and any(c.lemma_.lower() in lex.murder_words for c in tok.children
                                           if c.dep_ in ("compound", "amod", "nmod"))


def deaths_told(sent, name, lex: _Lexicon) -> bool:
    """Whether the sentence tells a death besides naming the murder-suicide ("killed", "dead", "shot")."""
    named = {t.i for t in name.subtree}
    roles = ("verbs", "intransitive", "adjectives", "nouns")
    return any(t.i not in named and (t.lemma_.lower() in lex.unless_dead or any(
        lex.kind_of.get((role, t.lemma_.lower())) == "killed" for role in roles)) for t in sent)


def murder_suicides(figures: list[Casualty], doc: Document, lex: _Lexicon) -> list[Casualty]:
    """ "Husband kills wife and stepdaughter in murder-suicide", "shot his wife and then himself in a murder-suicide":
    the killer died too, and those he shot. A sentence naming a murder-suicide counts the objects of its killing
    and shooting verbs and the killer, or as many victims as "double" or "triple" says where that is more ("Boy,
    3, killed by father in double murder-suicide" is 3), else one. A figure of the dead ("the deaths of a couple")
    already counts him."""
    out = list(figures)
    for sent in doc.doc.sents:
        name = next((t for t in sent if murder_suicide(t, lex)), None)
        if name is None or not deaths_told(sent, name, lex) or any(
                c.dep_ == "neg" for a in (name, *name.ancestors) for c in a.children):
            continue  # "wounded in the attempted murder-suicide", "have not ruled out a murder-suicide"
        told = [c for c in out if c.trigger and sent.start_char <= c.trigger.start < sent.end_char and not c.mixed]
        verbs = {id(c): doc.doc.char_span(c.trigger.start, c.trigger.end, alignment_mode="expand").root for c in told}
        if any(c.kind == "killed" and not (verbs[id(c)].pos_ == "VERB" and ("verbs", verbs[id(c)].lemma_.lower())
                                           in lex.kind_of) for c in told):
            continue  # "the deaths of a couple", "two people died"
        victims = [c for c in told if c.count.best and (
            c.kind == "killed" or verbs[id(c)].lemma_.lower() in lex.unless_dead)]
        killer = [c for c in victims if c.count.text.lower() in _REFLEXIVE]
        victims = [c for c in victims if c not in killer]
        told_many = next((lex.multipliers[c.lower_] for c in name.subtree if c.lower_ in lex.multipliers), 1)
        if victims and sum(c.count.best for c in victims) >= told_many:
            n = sum(c.count.best for c in victims) + 1
            first = min(victims, key=lambda c: c.count.start)
            start, end = first.count.start, max(c.count.end for c in victims + killer)
            trigger, who = first.trigger, first.victims
        else:
            n = told_many + 1
            start, end = name.left_edge.idx, name.idx + len(name.text)
            trigger = who = doc.span(start, end)
        out = [c for c in out if c not in victims and c not in killer]
        count = Count(best=n, low=n, high=n, text=doc.text[start:end], start=start, end=end)
        out.append(Casualty("killed", count, trigger=trigger, victims=who, side="all"))
    return out


def killer_added(figures: list[Casualty], doc: Document) -> list[Casualty]:
    """ "A man fatally shot a woman and a girl, then killed himself": one toll of three. The killer's
    death is added to his victims' in the sentence that tells both, so that a toll told elsewhere
    ("the three people") is not taken for a count without him."""
    out = list(figures)
    for own in [c for c in figures if c.kind == "killed" and c.count.text.lower() in _REFLEXIVE and c.trigger]:
        sent = doc.doc.char_span(own.trigger.start, own.trigger.end, alignment_mode="expand").sent
        victims = [c for c in out if c.kind == "killed" and c is not own and c.trigger and c.count.best
                   and sent.start_char <= c.trigger.start < sent.end_char and c.count.text.lower() not in _REFLEXIVE]
        if not victims or own.count.best is None:
            continue
        first = min(victims, key=lambda c: c.count.start)
        start, end = first.count.start, max(own.count.end, *(c.count.end for c in victims))
        n = sum(c.count.best for c in victims) + own.count.best
        total = Count(best=n, low=n, high=n, text=doc.text[start:end], start=start, end=end)
        out = [c for c in out if c is not own and c not in victims] + [replace(first, count=total)]
    return out


def misread_percent(ent) -> bool:
    """ "13 United States service members" tagged PERCENT: a share names its percent."""
    return ent.label_ == "PERCENT" and not any(t.text == "%" or t.lower_ in ("percent", "per", "pc") for t in ent)


class _Finder:
    """Reads the casualties one trigger token states; `at` maps token index -> figure."""

    def __init__(self, lex: _Lexicon, doc: Document, at: dict[int, Figure]):
        self.lex, self.doc, self.at = lex, doc, at
        # The actors stage's entities, when it ran, overrule spaCy's entity types.
        self.entity_kind: dict[int, str] = {}
        for ent in doc.entities:
            for m in ent.mentions:
                span = doc.doc.char_span(m.start, m.end, alignment_mode="expand")
                for t in span or ():
                    self.entity_kind[t.i] = ent.kind

    # -- the wounded who died -------------------------------------------------------------
    def died_later(self, cas: Casualty, found: Iterable[Casualty]) -> bool:
        """Whether an injured figure counts someone the text also reports dead: the same words
        ("a man was shot and died"), or one definite person ("the victim", "he", a name) wounded
        in another sentence than a death ("Pinkerton was critically injured ... has died").
        Distinct victims of one sentence ("killed the driver and wounded the passenger") stay.
        Where anyone died, a bare "was shot" is taken for the fatal wound."""
        if cas.kind != "injured" or cas.victims is None:
            return False
        deaths = [k for k in found if k.kind == "killed" and k.victims is not None and (k.count.best or 0) >= 1]
        trigger = self.root(cas.trigger) if cas.trigger is not None else None
        if deaths and trigger is not None and trigger.lemma_.lower() in self.lex.unless_dead:
            return True
        if cas.side == "attackers" and not any(k.side in ("attackers", "one") for k in deaths):
            return False  # "Eleven people were killed ... The assailant was wounded"
        if any(k.victims.start < cas.victims.end and cas.victims.start < k.victims.end for k in deaths):
            return True
        if cas.victims.text.lower() == "both" and any(k.count.best == 2 for k in deaths):
            return True  # "Joe and Jen Knarr were deceased, both having suffered gunshot wounds"
        if cas.count.best != 1 or not deaths:
            return False
        victim = self.root(cas.victims)
        if victim is None or not self.definite(victim):
            return False
        for k in deaths:
            dead = self.root(k.victims)
            if dead is None or dead.sent.start == victim.sent.start:
                continue
            if self.is_named(victim) and self.is_named(dead) and \
                    not {t.lower_ for t in victim.subtree} & {t.lower_ for t in dead.subtree}:
                continue  # two different names
            return True
        return False

    def root(self, s: Span):
        span = self.doc.doc.char_span(s.start, s.end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def is_named(self, tok) -> bool:
        return tok.pos_ == "PROPN" and self.is_person(tok)

    def definite(self, tok) -> bool:
        """One person already introduced: a pronoun, a name, or "the/this" + a person noun."""
        if tok.lower_ in _PRONOUNS_ONE or self.is_named(tok):
            return True
        mods = {c.lower_ for c in tok.children if c.dep_ in ("det", "amod", "poss", "nummod")}
        return bool(mods & _DEFINITE) and not mods & _OTHER and self.is_person(tok)

    # -- triggers -------------------------------------------------------------------------
    def role(self, tok) -> tuple[str, str] | None:
        """(role, kind) of a trigger token, or None."""
        k = self.lex.kind_of
        lemma, lower, pos = tok.lemma_.lower(), tok.lower_, tok.pos_
        if lemma == "toll" and pos in ("NOUN", "PROPN"):
            return "toll", "killed"
        if lemma in self.lex.toll_kinds and pos == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass") and any(
                c.dep_ == "prep" and c.lower_ in _TOLL_PREPS and any(g.i in self.at for g in c.children)
                for c in tok.head.children):
            return "toll", self.lex.toll_kinds[lemma]  # "Fatalities coded as 30", "deaths put at 12"
        if lemma in self.lex.count_nouns and pos == "NOUN":  # "the number of guerrillas killed"
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            objects = [p for p in of.children if p.dep_ == "pobj"] if of is not None else []
            if objects:
                acl = [c for c in tok.children if c.dep_ in ("acl", "relcl")]
                for t in (*objects, *objects[0].children, *acl):
                    role = self.role(t)
                    if role is not None and role[0] != "toll":
                        return "toll", role[1]
        if lemma == "condition" and any(c.lower_ in self.lex.condition_adjectives for c in tok.children):
            return "condition", "injured"
        if pos == "VERB" or (pos == "AUX" and tok.tag_.startswith("VB")):
            # "gunned down", "fatally shot", "burned alive": particle, manner adverb and predicate adjective
            # (after the object, where the parse may hang it: "burned a man alive") make the verb a trigger
            after = [g for c in tok.children if c.dep_ == "dobj" for g in c.children if g.dep_ == "amod" and g.i > c.i]
            keys = [f"{lemma} {c.lower_}" for c in (*tok.children, *after)
                    if c.dep_ in ("prt", "advmod", "oprd") or c in after] + [lemma]
            for key in keys:
                if ("verbs", key) in k:
                    return "verb", k[("verbs", key)]
                if ("intransitive", key) in k:
                    return "intransitive", k[("intransitive", key)]
        if pos in ("ADJ", "VERB") and ("adjectives", lower) in k:
            return "adjective", k[("adjectives", lower)]
        if pos in ("NOUN", "PROPN"):
            if ("object_nouns", lemma) in k:
                return "object_noun", k[("object_nouns", lemma)]
            if ("nouns", lemma) in k:
                fatal = any(c.lower_ in self.lex.fatal_modifiers for c in tok.children if c.dep_ == "amod")
                return "noun", "killed" if fatal else k[("nouns", lemma)]  # "a fatal gunshot wound"
            if ("adjectives", lower) in k:  # "12 dead" parsed as a noun
                return "noun", k[("adjectives", lower)]
        return None

    def casualties(self, tok) -> list[Casualty]:
        role = self.role(tok)
        if role is None:
            return []
        role_name, kind = role
        if any(c.dep_ == "neg" or c.lower_ in ("almost", "nearly") for c in tok.children):
            return []  # "were not hurt", "was almost killed": no figure to report
        if role_name == "toll":
            return self.toll(tok, kind)
        lemma = tok.lemma_.lower()
        victim = self.victim(tok, role_name)
        # a trigger noun standing for its own figure ("12 deaths") is no person to count as 1
        read = None if victim is None else self.read(
            victim, person_only=lemma in self.lex.person_only, single=victim.i != tok.i, trigger=tok)
        side = self.side(victim if read is not None else None, tok)
        extra = self.besides(tok, victim, kind) if read is not None else None
        if extra is not None:  # "21 people were killed, in addition to five attackers"
            part, also = extra
            read = (*(None if a is None or b is None else a + b for a, b in zip(read[:3], part[:3])), read[3], read[4])
            side = "all" if also != side else side
        if read is None and (role_name in ("verb", "intransitive", "adjective") or
                             (role_name == "noun" and victim is not None)):  # not "died of his wounds"
            read = self.adjacent(tok, role_name)
        if read is None:
            return []
        best, low, high, (cs, ce), (vs, ve) = read
        trigger = self.span(tok.i, tok.i + 1)
        victims = self.span(vs, ve)
        count = Count(best=best, low=low, high=high, **self.offsets(cs, ce))
        if lemma in self.lex.mixed:
            if best == 0:
                return [Casualty("killed", count, trigger=trigger, victims=victims),
                        Casualty("injured", count, trigger=trigger, victims=victims)]
            return [Casualty("injured", count, trigger=trigger, victims=victims, mixed=True, side=side)]
        return [Casualty(kind, count, trigger=trigger, victims=victims, side=side, tally=self.tally(tok))]

    # -- attackers among the dead ---------------------------------------------------------
    def side(self, victim, tok) -> str | None:
        """Whose deaths a figure counts, as `combine` needs it: "attackers" when the victims are the
        perpetrators themselves ("two attackers were killed", "two of the assailants"); "all" when the
        figure already sums both sides, naming them among others ("sixteen people and the two
        bombers", "12 people, including the bomber") or as a label ("Fatalities: 4"); "one" for one
        definite person ("the man died"), who may be the attacker told of by another name; "also" for
        victims the text adds to others ("while 7 Taliban were also killed", "Five soldiers were killed ... while 12
        militants were killed"). A sentence of a figure and a noun alone ("9 fatalities.", as ACLED notes end)
        is a tally of every side too."""
        if self.attackers_included(tok.sent) or self.tally(tok):
            return "all"
        if any(c.dep_ == "advmod" and c.lower_ == "also" for c in tok.children) or (
                tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.lex.contrast for c in tok.children)):
            return "also"  # "... while 12 militants were killed": the other side's dead
        if victim is None:
            return None
        own = [self.attacker(v) for v in (victim, *(c for c in victim.conjuncts if c.i > victim.i))]
        if all(own):
            return "attackers"
        if any(own):
            return "all"
        return "one" if not victim.conjuncts and self.definite(victim) and not self.by_attacker(tok) else None

    def tally(self, tok) -> bool:
        """A noun labelling a figure as its own sentence ("70 fatalities.", "Fatalities: 4") or as the coders'
        figure ("(coded as 4 fatalities)"), or a trigger told as the sum ("in all, 150 people died"): the text's
        count of every side, as ACLED notes and bulletins end."""
        if any(c.dep_ in ("prep", "advmod", "npadvmod") and " ".join(t.lower_ for t in c.subtree) in self.lex.totals
               for c in tok.children):
            return True
        return tok.pos_ == "NOUN" and (
            tok.i == tok.sent.start or all(t.i == tok.i or t.i in self.at or t.is_punct for t in tok.sent)
            or tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.lower_ in self.lex.coded)

    def by_attacker(self, tok) -> bool:
        """ "The gunman killed the judge": the victim of a named attacker is not the attacker told of by
        another name."""
        doer = next((c for v in (tok, tok.head) if v is tok or tok.dep_ == "conj"
                     for c in v.children if c.dep_ == "nsubj"), None)
        return doer is not None and self.attacker(doer)

    def besides(self, tok, victim, kind: str):
        """The figure and side of victims added by a preposition ("in addition to five attackers",
        "besides the bomber", "excluding the bomber": a toll that leaves them out) to the trigger or its
        victims, or None; not those told with a toll of another kind ("in addition to the two officers
        killed, three civilians were injured")."""
        for head in (tok, victim):
            for c in head.children:
                obj = self.additive_object(c) if c.dep_ == "prep" else None
                if obj is not None and any((r := self.role(x)) is not None and r[1] != kind
                                           for x in obj.children if x.dep_ in ("acl", "relcl")):
                    continue
                part = self.read(obj) if obj is not None else None
                if part is not None and part[0] is not None:
                    return part, self.side(obj, tok)
        return None

    def additive_object(self, prep):
        """The object of an additive preposition, single or multi-word ("in addition to": in -> addition -> to;
        "not including", "along with", whose adverb the parse hangs on the verb)."""
        words, node = ["not"] * any(c.dep_ == "neg" for c in prep.children) + [prep.lower_], prep
        before = prep.nbor(-1).lower_ + " " if prep.i else ""
        for _ in range(3):
            obj = next((c for c in node.children if c.dep_ == "pobj"), None)
            if obj is None:  # "along" -> "with" -> "the bomber"
                node = next((c for c in node.children if c.dep_ == "prep"), None)
                if node is None:
                    return None
                words.append(node.lower_)
                continue
            if " ".join(words) in self.lex.additive or before + prep.lower_ in self.lex.additive:
                return obj
            node = next((c for c in obj.children if c.dep_ == "prep"), None)
            if node is None:
                return None
            words += [obj.lower_, node.lower_]
        return None

    def attacker(self, v) -> bool:
        """A doer's noun ("the gunman", "two of the assailants"), or a pronoun for the subject of the clause
        above ("an assailant opened fire ... before he was shot dead"). Not "shot himself": murder-suicide
        tolls mostly count the shooter already, and children shoot themselves by accident."""
        if v.lemma_.lower() in self.lex.attackers:
            return True
        if v.lower_ in _PRONOUNS and v.dep_ in ("nsubjpass", "nsubj"):
            above = next((c for a in list(v.head.ancestors)[:3] for c in a.children if c.dep_ == "nsubj"), None)
            return above is not None and above.lemma_.lower() in self.lex.attackers
        of = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "of"), None)  # "two of the gunmen"
        return of is not None and any(p.dep_ == "pobj" and p.lemma_.lower() in self.lex.attackers for p in of.children)

    def attackers_included(self, sent) -> bool:
        """"including the bomber", "among them two gunmen" (not "not including the gunman"); read off the
        words, as the parse often misplaces "among them"."""
        for t in sent:
            if t.lower_ in self.lex.inclusion and not (t.i > sent.start and t.doc[t.i - 1].lower_ == "not") and \
                    any(d.lemma_.lower() in self.lex.attackers for d in t.doc[t.i + 1:min(t.i + 6, sent.end)]):
                return True
        return False

    # -- victims --------------------------------------------------------------------------
    def victim(self, tok, role: str):
        """The token naming who was killed / injured by trigger `tok`, or None."""
        if role in ("verb", "intransitive"):
            deps = ("dobj", "nsubjpass") if role == "verb" else ("nsubj", "nsubjpass")
            for c in tok.children:
                if c.dep_ in deps:
                    return tok.head if c.lower_ in _RELATIVE and tok.dep_ == "relcl" else c
            if tok.dep_ in ("acl", "relcl") and not any(c.dep_ == "nsubj" for c in tok.children):
                head = tok.head  # "people killed in the attack", "12 killed" (headline)
                while head.dep_ == "conj" and tok.i > head.i:  # "3 soldiers and 5 militants killed": the list
                    head = head.head
                return head
            subj = max((c for c in tok.children if c.dep_ == "nsubj"), key=lambda c: (c.i < tok.i, c.i), default=None)
            if subj is not None and role == "verb" and (self.quantified(subj) or not any(
                    c.dep_ in ("aux", "auxpass") for c in tok.children) and any(map(self.quantified, subj.conjuncts))):
                return subj  # "12 killed, 30 wounded": the nearest figure before the verb; "X and 18 others killed"
            if subj is not None and role == "verb" and tok.tag_ in ("VBD", "VBN") and not any(
                    c.dep_ in ("aux", "auxpass", "dobj") for c in tok.children) and any(
                    c.dep_ == "conj" and self.role(c) and any(self.quantified(x) for x in c.children
                                                              if x.dep_ in ("nsubj", "nsubjpass")) for c in tok.children):
                return subj  # a note's "a boy killed and more than 100 injured": passives without "was"
            if tok.dep_ in ("conj", "xcomp"):
                # "was shot and killed", "was believed to have been killed": the head's victim;
                # from another trigger only its passive subject ("12 were killed and 30 injured").
                deps = ("nsubjpass",) if self.role(tok.head) else ("nsubjpass", "dobj")
                left = self.subject_on_left(tok) if any(c.dep_ == "auxpass" for c in tok.children) else None
                if left is not None and left.i > tok.head.i and self.quantified(left):
                    return left  # "ended after 2 militants and 5 soldiers were killed": the parse hung them on "after"
                if any(c.dep_ == "auxpass" for c in tok.children) or role == "intransitive":
                    deps += ("nsubj",)  # "were on a visit and were wounded", "shot himself and died"
                inherited = next((c for c in tok.head.children if c.dep_ in deps), None)
                if inherited is not None:
                    return inherited
            if role == "intransitive" or any(c.dep_ == "auxpass" for c in tok.children):
                return self.subject_on_left(tok)
            return None
        if role == "adjective":
            if tok.dep_ == "amod":
                return tok.head  # "one dead terrorist"
            if tok.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "advmod", "attr", "dep", "advcl") or (
                    tok.dep_ == "conj" and tok.head.pos_ == "VERB"):  # "[shot the assailant] dead" parsed as a conjunct
                own = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                if own is not None:
                    return own  # "found [the girl dead]": a small clause has its own subject
                head = tok.head  # "left three dead", "were shot dead", "12 people are dead", "found him, deceased"
                for dep in ("dobj", "nsubjpass", "nsubj"):
                    c = next((c for c in head.children if c.dep_ == dep), None)
                    if c is not None:
                        return c
                return self.subject_on_left(tok)
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj  # "gunmen on a motorbike shot dead a trader": the parse took "shot" for a noun
            return tok
        if role == "condition":  # "one person is listed in critical condition"
            verb = tok.head.head if tok.head.dep_ == "prep" else tok.head
            return self.subject(verb)
        if role == "noun":
            if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in self.lex.inclusion:
                # "Total fatalities include six assailants and four police officers"
                return next((c for c in tok.head.children if c.dep_ == "dobj"), None)
            verb = tok.head.head if tok.dep_ == "pobj" else tok.head
            suffered = {verb.lemma_.lower(), verb.head.lemma_.lower() if verb.dep_ == "conj" else ""}
            if tok.dep_ in ("dobj", "pobj") and suffered & self.lex.suffer_verbs:
                return self.subject(verb)  # "suffered injuries", "was treated and released for injuries"
            if (tok.dep_ == "pobj" and verb.lemma_.lower() in self.lex.fatal_verbs) or \
                    tok.lemma_.lower() in self.lex.sufferer_only:
                return None  # "died of his wounds": the verb counts the death; "two gunshot wounds"
            # "the kidnapping and murder of three teenagers": the 'of' hangs on the first noun
            owners = (tok, tok.head) if tok.dep_ == "conj" and tok.head.pos_ == "NOUN" else (tok,)
            for c in (c for owner in owners for c in owner.children):
                if c.dep_ == "poss" and c.lower_ not in ("their", "its", "his", "her"):
                    return c  # "Soleimani's death"
                if c.dep_ == "prep" and c.lower_ == "of":
                    return next((p for p in c.children if p.dep_ == "pobj"), None)
            after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
            if after is not None and after.lower_ == "of" and after.dep_ == "prep" and after.head.i == tok.head.i:
                # "the shooting death of a child": the parser hangs the 'of' on "shooting"
                return next((p for p in after.children if p.dep_ == "pobj"), None)
            if tok.head.dep_ == "prep" and tok.head.lower_ == "to" and tok.head.head.pos_ == "VERB":
                verb = tok.head.head  # "stabbed to death"; a note's "X hacked to death", with no "was", is X
                return self.victim(verb, "verb") or next((c for c in verb.children if c.dep_ == "nsubj"), None)
            return tok
        if role == "object_noun":
            verb = tok.head
            if tok.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr") or \
                    verb.lemma_.lower() not in self.lex.object_nouns.get(tok.lemma_.lower(), ()):
                return None
            if tok.dep_ == "nsubjpass" and tok.lemma_.lower() in self.lex.captives:
                return None  # "the victims were taken across the border": moved, not killed
            if verb.lemma_.lower() == "lose" or any(c.lower_ == "own" for c in tok.children):
                # "50 people lost their lives", "the girl took her own life"
                return next((c for c in verb.children if c.dep_ == "nsubj"), None)
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner  # "the man's body was found", "the shooting claimed his life"
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if of is not None and not self.quantified(tok):  # "the bodies of 12 people", not "107 bodies of ..."
                return next((p for p in of.children if p.dep_ == "pobj"), None)
            return tok
        return None

    @staticmethod
    def subject(verb):
        """The subject of `verb` or of the verb it is conjoined to; a relative pronoun's antecedent."""
        for v in (verb, verb.head) if verb.dep_ == "conj" else (verb,):
            subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return v.head if subj.lower_ in _RELATIVE and v.dep_ == "relcl" else subj
        return None

    def subject_on_left(self, tok):
        """The noun before a verb group ("al-Aroui, was believed to have been killed")."""
        sent_start = tok.sent.start
        j = tok.i - 1
        while j >= sent_start and tok.i - j <= 8:
            t = tok.doc[j]
            if t.dep_ in ("aux", "auxpass", "neg", "advmod") or t.pos_ in ("AUX", "PART", "ADV") or \
                    t.lemma_.lower() in self.lex.raising or t.lower_ == "to" or t.lower_.endswith("ly"):
                j -= 1
                continue
            if t.lower_ == "," and j - 1 >= sent_start and tok.doc[j - 1].pos_ in ("NOUN", "PROPN"):
                return self.list_head(tok.doc[j - 1])  # "Saleh al-Aroui, was believed to have been killed"
            return self.list_head(t) if t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") else None
        return None

    def list_head(self, t):
        """The first of the list a noun closes, past what a figure includes: "after 2 militants and 5 security
        personnel, including an army colonel, were killed" is the militants' list, not the colonel."""
        while True:
            if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ in self.lex.inclusion:
                t = t.head.head
            elif t.dep_ == "conj" and t.head.i < t.i:
                t = t.head
            else:
                return t

    # -- figures --------------------------------------------------------------------------
    def quantified(self, tok) -> bool:
        return tok.i in self.at or any(c.i in self.at for c in tok.children if c.i < tok.i)

    def read(self, v, person_only: bool = False, single: bool = True, trigger=None):
        """best, low, high, count token range, victims token range for victim token `v`,
        summing conjoined victims ("two policemen and a civilian", "3 soldiers and 5 militants
        killed", "five people, including a soldier, and four assailants") but not those a figure includes
        ("7 people including an SP and the 3 militants")."""
        if v.lemma_.lower() in self.lex.count_nouns and not self.quantified(v):  # "a total of 12 people"
            of = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            v = next((p for p in of.children if p.dep_ == "pobj"), v) if of is not None else v
        first = self.read_one(v, person_only, single)
        if first is None and any(c.lower_ == "others" and any(d.i in self.at for d in c.subtree) for c in v.conjuncts):
            first = 1, 1, 1, (v.i, v.i + 1), (v.left_edge.i, v.i + 1)  # "Fonseka and 27 others": one of them
        if first is None or first[0] in (None, 0):  # a negation covers the coordination: "neither X nor Y"
            return first
        parts = [first]
        inclusion = next((c for c in v.children if c.dep_ == "prep" and c.lower_ in self.lex.inclusion), None)
        included = len(v.doc) if inclusion is None else inclusion.i
        # "Thirteen people, including seven students, and the two gunmen": a comma closes what the figure
        # includes, and those after it add to it
        after = inclusion.right_edge.i + 1 if inclusion is not None else len(v.doc)
        closed = after < len(v.doc) and v.doc[after].text == ","
        own = -1 if trigger is None else trigger.i
        # not "100,000 who were murdered, 40,000 who were kidnapped"
        for c in (*v.conjuncts, *self.listed_appositive(v), *self.split_conjuncts(v)):
            if self.described_again(v, c):
                continue
            if v.i < c.i and (c.i < included or closed and c.i > after) and not any(
                    self.role(x) or x.dep_ in ("relcl", "acl") and any(self.role(y) for y in x.subtree if y.i != own)
                    for x in (*v.children, *c.subtree) if x.i != own):  # "five Afghans traveling with him" count
                part = self.read_one(c, person_only, single)
                if part is None and c.tag_ == "NNS" and c.i == v.i + 2 and c.left_edge.i == c.i:
                    continue  # "sixty-five guards and workers and nine employees": the figure counts both
                if part is None or part[0] is None:
                    return first
                parts.append(part)
        parts += self.other_side_listed(v, inclusion, person_only, single)
        if len(parts) == 1 or v.lemma_.lower() in self.lex.summary_nouns and first[0] == sum(
                p[0] or 0 for p in parts[1:]):
            return first  # "five people, two soldiers and three civilians": a total, then its parts

        def total(i):
            values = [p[i] for p in parts]
            return None if None in values else sum(values)

        return total(0), total(1), total(2), (first[3][0], parts[-1][3][1]), (first[4][0], parts[-1][4][1])

    def other_side_listed(self, v, inclusion, person_only: bool, single: bool) -> list:
        """ "Five security personnel including a colonel and a major and two militants were killed": the
        parse lists the attackers among those the figure includes, but they are not of its kind and add."""
        armed = self.lex.armed_group
        if inclusion is None or v.lemma_.lower() in armed | self.lex.summary_nouns:
            return []
        listed = [c for p in inclusion.children if p.dep_ == "pobj" for c in p.conjuncts if c.i > p.i]
        parts = [self.read_one(c, person_only, single) for c in listed
                 if c.lemma_.lower() in armed and any(d.dep_ == "nummod" for d in c.children)]
        return [p for p in parts if p is not None and p[0] is not None]

    @staticmethod
    def described_again(v, c) -> bool:
        """ "a social leader and president of a community board", "a journalist and father of three was
        killed": a bare singular title after one person names that person again, not a second victim
        (not "a mother, father and toddler were found dead")."""
        if v.tag_ != "NN" or c.tag_ != "NN" or not any(d.dep_ == "det" for d in v.children) \
                or any(d.dep_ in ("det", "poss", "nummod") for d in c.children):
            return False
        verb = v.head if v.dep_ in ("nsubj", "nsubjpass") else None
        one = verb is not None and any(a.dep_ in ("aux", "auxpass") and a.lower_ in ("was", "is", "has") for a in verb.children)
        return one or c.i + 1 < len(c.doc) and c.nbor(1).lower_ == "of"

    @staticmethod
    def split_conjuncts(v) -> list:
        """ "More than 100 security personnel and 30 civilians were killed": the parse may make the second
        conjunct a second subject (or object) of the verb, leaving "and" on the first; "Four tourists, their
        guide and the bomber died": or the rest of a list after a comma, with its "and"."""
        if v.conjuncts:
            return []
        if any(c.dep_ == "cc" for c in v.children):
            return [c for c in v.head.children if c.dep_ == v.dep_ and c.i > v.i]
        after = v.right_edge.i + (v.right_edge.text != ",")  # the parse may hang the comma on the noun
        if after < len(v.doc) and v.doc[after].text == ",":
            rest = next((c for c in v.head.children if c.dep_ == v.dep_ and c.left_edge.i == after + 1
                         and c.conjuncts), None)
            return [rest, *rest.conjuncts] if rest is not None else []
        return []

    def listed_appositive(self, v) -> list:
        """ "A mother, father, and toddler were found dead", "Twenty hostages, two police officers and five
        assailants were killed": the parse hangs the rest of the list on an appositive; after a name, one that
        starts with a determiner ("Papademos, his driver and a bank employee"), not a bare title ("Pizarro,
        political leader and former commander"). An appositive closed by a comma describes the victim ("a man,
        a father of three, was killed") and adds no one, as does one a figure includes ("Eighteen people, among
        them the assailant and a police officer, died")."""
        plural = v.tag_ == "NNS"
        for c in v.children:
            if c.dep_ == "appos" and c.conjuncts and c.pos_ == "NOUN" and self.is_person(v, plural) \
                    and self.is_person(c, plural) and (v.pos_ == "NOUN" or any(d.dep_ in ("det", "poss")
                                                                               for d in c.children)):
                after = c.right_edge.i + (c.right_edge.text != ",")  # the parse may hang the comma on the noun
                if after < len(v.doc) and v.doc[after].text == "," or any(
                        d.dep_ == "prep" and d.lower_ in self.lex.inclusion for d in c.children):
                    return []
                return [c, *c.conjuncts]
        return []

    def read_one(self, v, person_only: bool, single: bool):
        lemma = v.lemma_.lower()
        if lemma in self.lex.not_persons and v.i not in self.at and not (  # "2 police were killed": counted people
                lemma in self.lex.counted_collectives and any(i in self.at for i in range(v.left_edge.i, v.i))):
            return None
        # the figure is the victim or sits in its left modifiers ("two paramilitary men", "at least 12 people")
        # "both the driver and the passenger": the list counts, not "both"
        fig = self.at.get(v.i) or next((self.at[i] for i in range(v.left_edge.i, v.i)
                                        if i in self.at and v.doc[i].dep_ != "preconj"), None)
        vs, ve = v.left_edge.i, v.i + 1
        if fig is not None and fig.start != v.i and v.doc[fig.start].lower_ == "both" \
                and not self.is_person(v, plural=True):
            return None  # "both sides", "both attacks": two of something, not two victims
        if fig is not None:
            if person_only and v.i not in self.at and not self.is_person(v, plural=True):
                return None
            of = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if v.i in self.at and of is not None:
                ve = of.right_edge.i + 1  # "dozens of people"
            fig = self.paired(fig, v)
            return fig.best, fig.low, fig.high, (fig.start, fig.end), (min(vs, fig.start), max(ve, fig.end))
        if any(c.dep_ in ("det", "preconj") and c.lower_ in self.lex.negators for c in v.children):
            return 0, 0, 0, (vs, ve), (vs, ve)  # "no civilians", "no casualties", "neither X nor Y"
        if self.dateline(v) or (person_only and v.pos_ == "PROPN" and v.i not in self.entity_kind):
            return None  # "NASHVILLE, Tenn. - A boy was shot"; "investigate shooting Share"
        if single and (self.is_person(v) or (v.dep_ == "nsubjpass" and v.tag_ in ("NN", "NNP")
                                             and v.ent_type_ not in _NOT_PERSON_ENTS)):
            return 1, 1, 1, (vs, ve), (vs, ve)  # "vargas was murdered" (lower-cased names)
        if v.lower_ == "another" and v.dep_ in ("nsubjpass", "dobj"):
            return 1, 1, 1, (vs, ve), (vs, ve)  # "one person was killed and another was injured", "wounded another"
        fig = self.antecedent(v)
        if fig is not None:
            return fig.best, fig.low, fig.high, (fig.start, fig.end), (vs, ve)
        return None

    def paired(self, fig: Figure, v) -> Figure:
        """ "Four American and four Nigerien soldiers": two figures, each with its own modifier, on one noun
        add up (not "four or five soldiers", a range)."""
        more = [self.at[i] for i in range(fig.end, v.i) if i in self.at and self.at[i].start >= fig.end]
        joins = [i for i in range(fig.end + 1, more[0].start) if v.doc[i].lower_ == "and"] if len(more) == 1 else []
        if not joins or None in (fig.best, more[0].best):
            return fig
        other = more[0]
        add = [None if a is None or b is None else a + b for a, b in ((fig.low, other.low), (fig.high, other.high))]
        return Figure(fig.start, other.end, fig.best + other.best, *add)

    def antecedent(self, v) -> Figure | None:
        """ "Assailants abducted six laborers ... The bodies of the hostages were found": captives named by a
        definite plural with no figure ("the hostages", "the victims") are the people of the latest abduction
        told in an earlier sentence, counted by its object's figure. (Other definite plurals are often a part
        of those told before: "six gunshot victims ... the victims died".)"""
        if v.tag_ != "NNS" or v.lemma_.lower() not in self.lex.captives or \
                not any(c.dep_ == "det" and c.lower_ in _DEFINITE_PLURAL for c in v.children):
            return None
        for t in reversed(v.doc[max(0, v.sent.start - _LOOK_BACK):v.sent.start]):
            if t.tag_ == "NNS" and t.dep_ in ("dobj", "nsubjpass") and self.is_person(t, plural=True) \
                    and t.head.lemma_.lower() in self.lex.abduction_verbs:
                fig = self.at.get(t.i) or next((self.at[i] for i in range(t.left_edge.i, t.i) if i in self.at), None)
                if fig is not None:
                    return fig
        return None

    @staticmethod
    def dateline(v) -> bool:
        """An all-capitals place opening a story ("YONKERS, N.Y. (PIX11) -"), which the parser
        may take for the subject of the lead."""
        nxt = v.nbor(1) if v.i + 1 < len(v.doc) else None
        return v.is_upper and len(v) > 2 and nxt is not None and nxt.text in (",", "-", "—", "–")

    def is_person(self, v, plural: bool = False) -> bool:
        """Whether `v` names one person (or, with `plural`, people)."""
        lower, lemma = v.lower_, v.lemma_.lower()
        if lemma in self.lex.not_persons:
            return False
        if lower in _PRONOUNS_ONE:
            return True
        if lemma == "old" and any(c.lemma_.lower() in _AGE_UNITS for c in v.children):
            return True  # "the 13-year-old died"
        if v.i in self.entity_kind:
            return self.entity_kind[v.i] == "person" and v.tag_ != "NNPS"
        if v.tag_ == "NNP" or (v.pos_ == "PROPN" and v.tag_ != "NNPS"):
            return v.ent_type_ not in _NOT_PERSON_ENTS
        if v.i >= 2 and v.nbor(-1).text == "-" and v.nbor(-2).head == v:  # "a passer-by": the parse heads it with "by"
            return f"{v.nbor(-2).lower_}-{v.lower_}" in self.lex.persons
        if v.tag_ == "NN" or (plural and v.tag_ == "NNS"):
            return lemma in self.lex.persons or lemma == "people" or lemma.endswith(self.lex.suffixes)
        return False

    def adjacent(self, tok, role: str):
        """A figure written right before ("12 dead", "12 people killed") or, for verbs, right
        after the trigger ("killing at least 5"), when the parse gave no victim."""
        sent = tok.sent
        before = self.at.get(tok.i - 1)
        if before is None and tok.i - 2 >= sent.start and tok.doc[tok.i - 1].pos_ == "NOUN" and \
                self.is_person(tok.doc[tok.i - 1], plural=True):
            before = self.at.get(tok.i - 2)
        if before is not None and before.start >= sent.start:
            return before.best, before.low, before.high, (before.start, before.end), (before.start, tok.i)
        nxt = tok.i + 2 if tok.i + 1 < sent.end and tok.doc[tok.i + 1].lower_ == ":" else tok.i + 1
        after = self.at.get(nxt)
        # after a verb ("killing at least 5", not "shot 3 times"), or a noun heading its sentence as
        # a label ("Fatalities 3.", "Deaths: 12")
        label = role == "noun" and tok.i == sent.start
        if (label or (role == "verb" and tok.lemma_.lower() not in self.lex.person_only)) and \
                after is not None and after.start == nxt and after.end <= sent.end:
            return after.best, after.low, after.high, (after.start, after.end), (after.start, after.end)
        return None

    # -- tolls ----------------------------------------------------------------------------
    def toll(self, tok, kind: str) -> list[Casualty]:
        """"the death toll has risen to 103", "a toll of 12", "raised the toll to 40",
        "brings to 21 the number of guerrillas killed"."""
        kind = next((self.lex.toll_kinds[c.lemma_.lower()] for c in tok.children
                     if c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in self.lex.toll_kinds), kind)
        start = min([tok.i] + [c.i for c in tok.children if c.dep_ == "compound"])
        revision = any(c.lower_ in ("new", "updated", "revised", "latest") for c in tok.children)
        verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") else None
        if verb is not None and verb.lemma_.lower() in self.lex.toll_idiom_verbs:
            return []
        fig = self.toll_figure(tok)
        if verb is not None:
            revision = revision or verb.lemma_.lower() in self.lex.revision_verbs or any(
                c.lower_ in self.lex.revision_adverbs for c in verb.children if c.dep_ == "advmod")
        if fig is None:
            return []
        count = Count(best=fig.best, low=fig.low, high=fig.high, **self.offsets(fig.start, fig.end))
        side = "all" if self.attackers_included(tok.sent) else None
        return [Casualty(kind, count, revision=revision, trigger=self.span(start, tok.i + 1), side=side)]

    def toll_figure(self, tok) -> Figure | None:
        """The figure of a toll: after its 'of', or after the 'to'/'at' of its verb, or the
        verb's object; on broken parses, the first figure shortly after the toll."""

        def after_preposition(head) -> Figure | None:
            return next((self.at[p.i] for c in head.children if c.dep_ in ("prep", "prt")
                         and c.lower_ in _TOLL_PREPS for p in c.children if p.i in self.at), None)

        fig = after_preposition(tok)
        if fig is None and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
            verb = tok.head
            fig = after_preposition(verb) or next((self.at[c.i] for c in verb.children
                                                   if c.i in self.at and c.dep_ in ("dobj", "attr", "npadvmod")), None)
        if fig is None:
            fig = next((self.at[i] for i in range(tok.i + 1, min(tok.i + 9, tok.sent.end)) if i in self.at), None)
        return fig

    # -- offsets --------------------------------------------------------------------------
    def offsets(self, start_tok: int, end_tok: int) -> dict:
        s = self.span(start_tok, end_tok)
        return {"text": s.text, "start": s.start, "end": s.end}

    def span(self, start_tok: int, end_tok: int) -> Span:
        sdoc = self.doc.doc
        start = sdoc[start_tok].idx
        last = sdoc[end_tok - 1]
        return self.doc.span(start, last.idx + len(last.text))
