"""The `roles` stage: a trained tagger second-guesses the parse's role fillers.

The `arguments` stage reads roles off the dependency parse, which cannot tell a victim of an
attack from a combatant killed in a clash, nor the group behind an act from one that only
speaks of it, and misses fillers the parse hangs elsewhere. A small spaCy
NER trained on MUC-4 training texts (tools/train_roles.py, lowercased: casing is no cue)
marks perpetrators (individual/organization), targets (human/physical) and weapons in
running text. In a sentence where the tagger marks roles, rule fillers of the roles the parse
gets most wrong stay only where it marks them too (people a toll counts, people the text
names and the objects of the violent verb always stay: the tagger misses lowercase names the
parse reads, and its MUC-4 notion of a victim, named people only, would empty other news); a
tagged span that no trigger has yet is given to the nearest violent trigger of its sentence
(trimmed to its noun phrase). Last, every filler takes its referent's fullest mention in the document
(`Arguments.complete_mentions`), so the tagger's names complete the parse's and back.
Only sentences with words of violence are tagged. The tagger reads the lowercased words of the
existing parse, so its spans map back to exact offsets of `Document.text`.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from ..model import Document, Participant, Trigger
from .arguments import Arguments, verb_keys
from .triggers import lemma

VIOLENT = {"battles", "explosions_remote_violence", "violence_against_civilians", "riots"}
KINDS = {"PERPIND": "individual", "PERPORG": "organization", "TARGET": "physical", "VICTIM": "human"}
LABELS = {kind: label for label, kind in KINDS.items()}
# Measured on MUC-4 dev: the parse's human targets are often combatants or bystanders (Victim
# precision 12%), so they need the tagger's word; its groups fill gaps the parse leaves, while
# its extra individuals, physical targets and weapons cost more precision than they bring.
# Sentences the tagger marks nothing in are not judged: its MUC-4 notion of a victim must not
# empty other news. A beam-scored tagger (shares of 8 parses as confidence) was measured too:
# its shares are near 0 or 1, so thresholds add nothing, and it was slower and no better.
ADD = {"PERPORG", "VICTIM"}  # roles whose tagged spans are added
CONFIRM = {"VICTIM"}  # roles whose rule fillers stay only where the tagger marks them too
JOINERS = {"-", "'", "’", "/", "&"}  # punctuation inside a name or compound ("4-wheel", "o'higgins")
EDGES = {"ADP", "DET", "CCONJ", "SCONJ", "PUNCT", "PART", "PRON", "SPACE"}  # never the first or last word


@cache
def tagger():
    """The packaged tagger, loaded on first use, once per process."""
    import spacy

    return spacy.load(str(files("eventwire").joinpath("data/models/roles")))


def tag(doc: Document, sents) -> list[tuple[int, int, int, str]]:
    """(first token, start, end, label) of each span tagged in `sents`, offsets into `doc.text`.

    The tagger reads the lowercased words of the existing parse: no second tokenization,
    and its tokens map back to exact offsets whatever the casing of the text."""
    from spacy.tokens import Doc

    nlp, toks = tagger(), doc.doc
    index = [t.i for s in sents for t in s]
    if not index:
        return []
    words = [" " if toks[i].is_space else toks[i].lower_ for i in index]
    spaces = [bool(toks[i].whitespace_) or k + 1 == len(index) or index[k + 1] != i + 1 for k, i in enumerate(index)]
    out = []
    for e in nlp(Doc(nlp.vocab, words=words, spaces=spaces)).ents:
        first, last = index[e.start], index[e.end - 1]
        if last - first != e.end - 1 - e.start:  # across two sentences
            continue
        span = trim(toks[first : last + 1])
        if span:
            out.append((span[0].i, span[0].idx, span[-1].idx + len(span[-1].text), e.label_))
    return out


def trim(span):
    """The noun phrase of a tagged span: up to its first break ("offices of the tribunal, the
    police said"), without function words or a trailing verb at its edges ("armed men wearing")."""
    for k, t in enumerate(span):
        if k and (t.is_space or t.is_punct and t.text not in JOINERS):
            span = span[:k]
            break
    start, end = 0, len(span)
    while start < end and span[start].pos_ in EDGES:
        start += 1
    while end > start and (span[end - 1].pos_ in EDGES or span[end - 1].pos_ in ("VERB", "AUX")):
        end -= 1
    return span[start:end]


class Roles:
    """Tags the sentences of the document's event words; in those where it marks something,
    drops rule fillers of the roles in CONFIRM that the tagger does not mark; adds tagged spans
    of the roles in ADD that no trigger has to the nearest violent trigger of their sentence;
    then completes every filler's mention."""

    def __init__(self):
        self.arguments = Arguments()

    def __call__(self, doc: Document) -> None:
        violent = [t for t in doc.triggers if t.type in VIOLENT]
        if doc.doc is None or not violent:
            return  # its roles are those of violence: sentences of statements and protests are not tagged
        sents = list({doc.doc[t.head].sent.start: doc.doc[t.head].sent for t in violent}.values())
        tags = tag(doc, sents)
        marked = {doc.doc[i].sent.start for i, *_ in tags}  # the tagger read roles there
        judged = [(s.start_char, s.end_char) for s in sents if s.start in marked]
        confirmed = {(label, s, e) for _, s, e, label in tags}

        def keep(start, end, label) -> bool:
            if label not in CONFIRM or start is None or not any(a <= start < b for a, b in judged):
                return True
            return any(lab == label and s < end and start < e for lab, s, e in confirmed)

        self.arguments.index_document(doc)
        heads = {t.head for t in violent}
        for t in doc.triggers:
            t.perpetrators = [p for p in t.perpetrators if keep(p.start, p.end, LABELS[p.kind])]
            t.targets = [p for p in t.targets if counted(doc, p) or self.named(doc, p) or undergoes(doc, heads, p)
                         or keep(p.start, p.end, LABELS[p.kind])]
        self.add(doc, [(i, s, e, label) for i, s, e, label in tags if label in ADD
                       and not (label == "VICTIM" and self.bystander(doc, heads, s, e))])
        self.arguments.complete_mentions(doc)  # the tagger's names complete the parse's and back

    def named(self, doc: Document, p: Participant) -> bool:
        """A person the text names: the parse reads names well, so the tagger does not judge them. A
        lowercase name of English words ("christopher anderson") is known by the actors stage's person."""
        span = doc.doc.char_span(p.start, p.end, alignment_mode="expand") if p.start is not None else None
        if span is None:
            return False
        ent = self.arguments.entity_at(span.root)
        return self.arguments.person_name(span) or ent is not None and ent.kind == "person"

    def bystander(self, doc: Document, heads: set[int], start: int, end: int) -> bool:
        """A tagged victim the sentence gives another part: the one who acts in a clause that is no act
        ("General X has reported that the attacks...", "the rector of the university, father X, has
        described"), one charged with it ("neither X nor Y were tried for the bombing"), or a place or a
        group ("On Victor Hugo street, police removed the cordon", "members of the Oscar Romero
        federation"), a relative of the victim ("the victim, married to major X") or one met ("a talk with
        minister X"). A victim acts only by undergoing ("X died", "X survived an attack")."""
        span = doc.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        tok = span.root
        w, key = self.arguments.w, lemma(tok)
        if key in w.place_heads or self.arguments.place(tok):
            return True
        if key in w.organization and key not in w.human and key not in w.individual:
            return True  # "the Oscar Romero federation": a group, no person
        while tok.dep_ == "compound" and tok.head.i not in heads:
            tok = tok.head  # "minister general manuel jaime [guerrero paz]": the tagger cut the name short
        if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "to") and (
                lemma(tok.head.head) in w.kin or tok.head.head.lower_ in w.kin):
            return True  # "the victim, married to major X", "the wife of X was shot": X is a relative
        if tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.pos_ == "NOUN" \
                and tok.head.head.i not in heads and self.arguments.target_kind(tok.head.head) != "human":
            return True  # "during a talk with minister X": met, not hit
        while tok.dep_ in ("appos", "conj") or (
                tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i not in heads):
            if any(c.i in heads for c in tok.children):
                return False  # "X – shot dead by police –", "X, who was killed": told as undergoing the act
            tok = tok.head if tok.dep_ != "pobj" else tok.head.head  # "the rector of the university, father X"
        verb = tok.head
        if verb.i in heads or verb.pos_ not in ("VERB", "AUX"):
            return False
        if tok.dep_ == "nsubjpass":  # "neither X nor Y were tried for the bombing": charged, not hit
            return bool(verb_keys(verb) & w.blame.keys())
        return tok.dep_ == "nsubj" and not verb_keys(verb) & (w.undergoers | w.undergo_verbs)

    @staticmethod
    def add(doc: Document, tags) -> None:
        violent = [t for t in doc.triggers if t.type in VIOLENT and not t.negated]
        taken = [(p.start, p.end) for t in doc.triggers for p in (*t.perpetrators, *t.targets) if p.start is not None]
        taken += [(w.start, w.end) for t in doc.triggers for w in t.weapons]
        for i, start, end, label in tags:
            trig = nearest(doc, violent, i)
            if trig is None or any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            if label == "WEAPON":
                trig.weapons.append(doc.span(start, end))
                continue
            text = doc.text[start:end]
            part = Participant(name=text, mention=text, kind=KINDS[label], start=start, end=end)
            (trig.perpetrators if label.startswith("PERP") else trig.targets).append(part)


def counted(doc: Document, p: Participant) -> bool:
    """A toll's people ("13 people", "four bus workers"): the text itself counts them as victims."""
    return p.start is not None and doc.doc.char_span(p.start, p.end, alignment_mode="expand")[0].like_num


def undergoes(doc: Document, heads: set[int], p: Participant) -> bool:
    """The object of a violent verb ("shot and killed a village chief", "worshippers were killed", "a boy
    set off a mine and was killed"): the parse is sure of these, so the tagger does not judge them,
    unless a name in apposition stands for them ("murdered the mayor, Pedro Gomez")."""
    span = doc.doc.char_span(p.start, p.end, alignment_mode="expand") if p.start is not None else None
    if span is None:
        return False
    root = span.root
    shared = root.dep_ == "nsubj" and any(  # "a boy set off a landmine and was killed"
        c.dep_ == "conj" and c.i in heads and any(a.dep_ == "auxpass" for a in c.children)
        and not any(a.dep_ in ("nsubj", "nsubjpass") for a in c.children) for c in root.head.children)
    return (shared or root.head.i in heads and root.dep_ in ("dobj", "nsubjpass")) \
        and not any(c.dep_ in ("appos", "conj") and c.pos_ == "PROPN" for c in root.children)


def nearest(doc: Document, triggers: list[Trigger], i: int) -> Trigger | None:
    sent = doc.doc[i].sent
    here = [t for t in triggers if sent.start <= t.head < sent.end]
    return min(here, key=lambda t: abs(t.head - i), default=None)
