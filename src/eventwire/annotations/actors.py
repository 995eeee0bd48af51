"""Actors stage: one `Entity` per real-world referent, with all its mentions merged.

Mentions come from spaCy's named entities (PERSON, ORG, NORP, GPE, PRODUCT) and from the
knowledge base (kb.py), which also finds actors in lower-cased text where spaCy sees
nothing. News refers to one person in several ways ("General Qassem Soleimani", "Qasem
Soleimani", "Soleimani"), and to one group by name, acronym and possessive ("Iran's
Islamic Revolutionary Guard Corps (IRGC)", "Revolutionary Guards"): mentions are joined
(union-find) by KB identity, by person-name compatibility (titles and al-/el- particles
ignored, transliterations within a similarity threshold, a bare surname going to the
nearest compatible full name), by acronyms defined in the text, and by social handles
printed under an author's name. spaCy's slips on rare names (a surname tagged GPE, a
name tagged PRODUCT) are repaired from the other mentions of the same name. Forces that both fight and
police ("security forces") are the country's police where their clause polices (arrests, a crowd of
protesters, tear gas) and no army is named beside them, as ACLED codes them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache, lru_cache

from spacy.lang.en.stop_words import STOP_WORDS as STOPWORDS

from ..model import Document, Entity, Span
from .kb import KB, Actor, actors_data, caseless, load_kb

LABELS = {"PERSON", "ORG", "NORP", "GPE", "PRODUCT"}
ARMS = {"military", "police"}  # kinds of force words: a bare "Army" or "Police" is no name of its own
KIND_OF_LABEL = {"PERSON": "person", "ORG": "organization", "GPE": "location", "NORP": "other", "PRODUCT": "other"}
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
ACRONYM_DEF = re.compile(r"\(\s*([A-Z][A-Z0-9&]{1,9})\s*\)")
AND = re.compile(r"\s+(?:and|&)\s+")
COMMA = re.compile(r",\s*")
NEXT_WORD = re.compile(r"[ \t]+([A-Z]\w*)")
FOLLOWING_WORD = re.compile(r"[ \t]+(\w+)")
NONSPACE = re.compile(r"\S+")
TRAILING = re.compile(r"(?:\s+(?:of|the|and|for|in|on|at))+$")
PLACE_AFTER = re.compile(r"[ \t]+([a-z][\w-]*)\b|,[ \t]+[A-Z]")
PLACE_BEFORE = re.compile(r"\b(\w+)[ \t]+$")
HANDLE = re.compile(r"(?m)^[ \t]*(@\w{2,30})\b")
NAME_SIM = 0.84  # Qassem/Qasem 0.91, Aroui/Arouri 0.91, Brown/Braun 0.8
KIND_ORDER = ["person", "organization", "location", "other"]  # ties go to the first
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}


@dataclass
class Mention:
    start: int
    end: int
    kind: str  # person | organization | location | other
    actor: Actor | None = None
    label: str = ""
    roles: list[tuple[str, int, int]] = field(default_factory=list)  # text, start, end
    link: int | None = None  # another mention this one names too (handle -> author, acronym -> name)


@cache
def load_names() -> dict[str, frozenset[str]]:
    names = actors_data()["names"]
    return {k: frozenset(v) for k, v in names.items() if isinstance(v, list)}


@cache
def load_policing() -> dict:
    """The policing words of data/actors.json, indexed: force words as token tuples, clause words padded
    with spaces and split at hyphens as the parse splits them ('tear - gas')."""
    pol = actors_data()["policing"]
    forces = {tuple(f.split()) for f in pol["forces"]}
    return {"forces": forces, "heads": {f[-1] for f in forces}, "lengths": sorted({len(f) for f in forces}, reverse=True),
            "verbs": frozenset(pol["verbs"]), "armies": frozenset(pol["armies"]),
            "words": [f" {' - '.join(w.split('-'))} " for w in pol["words"]]}


@lru_cache(maxsize=1 << 16)  # called on every token of a document, most of them seen before
def fold(w: str) -> str:
    w = unicodedata.normalize("NFKD", w)
    return "".join(c for c in w if not unicodedata.combining(c)).lower().replace("'", "").replace("’", "")


def occurrences(text: str, word: str):
    """Start offsets of `word` in `text` as a whole word."""
    i = text.find(word)
    while i != -1:
        j = i + len(word)
        if (i == 0 or not text[i - 1].isalnum()) and (j == len(text) or not text[j].isalnum()):
            yield i
        i = text.find(word, j)


def similar(a: str, b: str) -> bool:
    """Same name up to transliteration; short names must be equal."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5:
        return False
    return SequenceMatcher(None, a, b).ratio() >= NAME_SIM


class Actors:
    def __init__(self) -> None:
        self.kb: KB = load_kb()
        self.names = load_names()
        self.titles = self.names["titles"]
        # 'TPLF forces', 'Wagner troops': a group's men named as a body are the group itself
        self.collective = {w for w in self.kb.member_words if (w,) in self.kb.force_kinds}
        self.policing = load_policing()

    # -- mentions ---------------------------------------------------------------------
    def __call__(self, doc: Document) -> None:
        text = doc.clean or doc.text
        nocase = caseless(text)
        hits = [Mention(s, e, "location" if a.is_country else "organization", a, "KB")
                for s, e, a in self.kb.find(text, nocase)]
        hits = self._localise(doc, text, hits, nocase)
        if not nocase:  # lower-cased text parses too poorly to read the clause
            hits = self._policing(doc, hits)
        for h in hits:
            self._collective(doc, text, h)
        ments = self._combine(hits, self._spacy(doc, text), text)
        self._local_police(doc, text, ments)
        self._handles(text, ments)
        self._repair(doc, text, ments)
        self._bare_surnames(doc, text, ments, nocase)
        self._acronyms(doc, text, ments)
        self._initials(text, ments)
        if not nocase:  # lower-cased text parses too poorly for roles
            self._roles(doc, ments)
        doc.entities = self._entities(doc, ments, self._cluster(ments, text))

    def _collective(self, doc: Document, text: str, h: Mention) -> None:
        """'TPLF forces' are the TPLF: the mention takes in the word for its men as a body. Not 'army
        troops', men of a body already named, nor 'SSA-N and Tatmadaw troops', two groups' men."""
        nxt = FOLLOWING_WORD.match(text, h.end)
        if (nxt is None or h.actor.is_country or fold(nxt.group(1)) not in self.collective
                or fold(text[h.start : h.end].split()[-1]) in self.names["org_heads"]):
            return
        span = doc.doc.char_span(h.start, h.end, alignment_mode="expand") if doc.doc is not None else None
        if span is None or not any(c.i < span.start or c.i >= span.end for t in span for c in t.conjuncts):
            h.end = nxt.end()

    def _local_police(self, doc: Document, text: str, ments: list[Mention]) -> None:
        """"Delhi Police", "Punjab police": a city's or province's police is its country's police force, as
        ACLED codes it; the place before the force word, placed there or elsewhere in the text, says which country."""
        for m in ments:
            words = [fold(w) for w in WORD.findall(text[m.start : m.end])]
            if m.actor is not None or m.kind not in ("organization", "person") or len(words) < 2:
                continue
            n = next((n for n in (2, 1) if self.kb.force_kinds.get(tuple(words[-n:])) == "police"), 0)
            place = next((p for p in doc.places if p.country_code and not p.demonym and p.feature != "country"
                          and [fold(w) for w in WORD.findall(p.mention)] == words[:-n]), None) if n else None
            if place is not None:  # the parser may read "Delhi Police" as a person's name
                m.actor, m.kind = self.kb.get(f"{place.country_code}-police"), "organization"

    def _localise(self, doc: Document, text: str, hits: list[Mention], nocase: bool) -> list[Mention]:
        """An alias that several countries' forces bear ("Rangers": Pakistan's and Thailand's; a force
        word alone, "border police": every state's) names the force of the country the document is
        placed in, as "the army" does; in a document placed elsewhere, in countries it never names,
        it names none of them. A country's own name for its force ("IDF") stays its own abroad."""
        home = Counter(p.country_code for p in doc.places if p.country_code and not p.demonym)
        if not home:
            return hits
        shared = {id(h): self.kb.namesakes(text[h.start : h.end], nocase) for h in hits
                  if h.actor.country and not h.actor.is_country and h.actor.country not in home}
        named = {p.country_code for p in doc.places} | {h.actor.country for h in hits if shared.get(id(h)) is None}
        out = []
        for h in hits:
            bearers = shared.get(id(h))
            if bearers is None or h.actor.country in named:
                out.append(h)
                continue
            h.actor = next((bearers[cc] for cc, _ in home.most_common() if cc in bearers), None)
            if h.actor is not None:
                out.append(h)
        return out

    def _policing(self, doc: Document, hits: list[Mention]) -> list[Mention]:
        """'Security forces fired tear gas at protesters', 'security agents arrested a journalist': forces that
        both fight and police are the country's police where the clause they act in polices and their sentence
        names no army (ACLED codes them so), its military elsewhere. A bare force word names the force of the
        country the document is placed in. A nation's named 'Iraqi security forces' are its umbrella force, the
        military, in all but crowd control: their arrests and raids are counter-insurgency."""
        home = Counter(p.country_code for p in doc.places if p.country_code and not p.demonym)
        sdoc, pol = doc.doc, self.policing
        if sdoc is None:
            return hits
        for tok in sdoc:
            if tok.lower_ not in pol["heads"]:
                continue
            n = next((n for n in pol["lengths"] if n <= tok.i + 1
                      and tuple(t.lower_ for t in sdoc[tok.i - n + 1 : tok.i + 1]) in pol["forces"]), None)
            act = self._polices(tok, sdoc[tok.i - n + 1 : tok.i + 1]) if n is not None else None
            if act is None:
                continue
            start, end = sdoc[tok.i - n + 1].idx, tok.idx + len(tok.text)
            inside = [h for h in hits if h.start < end and start < h.end]
            if inside:
                h = inside[0]
                police = self.kb.get(f"{h.actor.country}-police")
                if act == "crowd" and len(inside) == 1 and h.end == end and police \
                        and h.actor.id == f"{h.actor.country}-military":
                    h.actor = police  # 'Iraqi security forces fired tear gas at protesters'
            elif home:
                police = self.kb.get(f"{home.most_common(1)[0][0]}-police")
                if police is not None:
                    hits.append(Mention(start, end, "organization", police, "KB"))
        return sorted(hits, key=lambda h: h.start)

    def _polices(self, tok, span) -> str | None:
        """What policing the force `span` (headed by `tok`) does in its clause: 'crowd' control (a crowd of
        protesters or riot-control means in the clause), an 'arrest', or None; never where its sentence
        names an army beside it."""
        pol = self.policing
        verb = tok.head if tok.dep_ == "nsubj" else None
        while tok.dep_ == "conj" and verb is None and tok.head is not tok:
            tok = tok.head
            verb = tok.head if tok.dep_ == "nsubj" else None
        if tok.dep_ == "pobj" and tok.head.lower_ == "by":  # "were dispersed by security forces"
            verb = tok.head.head
        if verb is None:
            return None
        outside = {t.i for t in span}
        if any(t.lower_ in pol["armies"] for t in verb.sent if t.i not in outside):
            return None
        verbs = [verb, *(c for c in verb.conjuncts if c.pos_ in ("VERB", "AUX"))]
        skip = {t.i for v in verbs for c in v.children if c.dep_ in ("nsubj", "advcl", "relcl", "ccomp", "mark")
                for t in c.subtree}
        words = " " + " ".join(t.lower_ for v in verbs for t in v.subtree if t.i not in skip) + " "
        if any(w in words for w in pol["words"]):
            return "crowd"
        if any(v.lemma_.lower() in pol["verbs"] or v.lower_ in pol["verbs"] for v in verbs):
            return "arrest"
        return None

    def _spacy(self, doc: Document, text: str) -> list[Mention]:
        out = []
        for ent in getattr(doc.doc, "ents", ()):
            if ent.label_ not in LABELS:
                continue
            s, e = self._trim(text, ent.start_char, ent.end_char)
            if e <= s:
                continue
            if ent.label_ == "PERSON":
                s, e = self._longest_part(text, s, e)
            for s, e in self._parts(text, s, e, AND) if ent.label_ == "PERSON" else [(s, e)]:
                if not text[s:e].strip():
                    continue
                m = Mention(s, e, KIND_OF_LABEL[ent.label_], label=ent.label_)
                if ent.label_ == "PERSON":
                    self._strip_titles(text, m)
                words = [fold(w) for w in WORD.findall(text[m.start : m.end])]
                if m.kind == "person" and any(c.isdigit() for c in text[m.start : m.end]):
                    m.kind = "other"  # 'm-16': a rifle
                if m.kind == "organization" and len(words) == 1 and self.kb.force_kinds.get(tuple(words)) in ARMS:
                    continue  # "Army troops", "the Navy": a force word alone names the force of no one state
                if (words and " ".join(words) not in self.titles and not all(w in self.titles for w in words)
                        and not (len(words) == 1 and (len(words[0]) <= 2 or words[0] in STOPWORDS))):
                    out.append(m)
        return out

    @classmethod
    def _longest_part(cls, text: str, s: int, e: int) -> tuple[int, int]:
        """The name in 'Kokomo, Sieyumbe Arrington' or 'John Smith, Jr.'."""
        return max(cls._parts(text, s, e, COMMA), key=lambda p: len(text[p[0] : p[1]].split()))

    @staticmethod
    def _parts(text: str, s: int, e: int, sep_re: re.Pattern) -> list[tuple[int, int]]:
        """The stretches between separators: 'Ahlstrom and Soule' is two people."""
        out = []
        for sep in sep_re.finditer(text, s, e):
            out.append((s, sep.start()))
            s = sep.end()
        return out + [(s, e)]

    @staticmethod
    def _trim(text: str, s: int, e: int) -> tuple[int, int]:
        """Cut an entity before a bracket ('Vorderbruggen[897') or line break, after a
        caption dash ('FILE - Salman Abedi'); drop edge punctuation, 'the' and "'s"."""
        s += len(text[s:e]) - len(text[s:e].lstrip())
        for stop in ("[", "(", "\n", " / ", " | "):
            i = text.find(stop, s, e)
            if i > s:
                e = i
        dash = text.rfind(" - ", s, e)
        if dash != -1:
            s = dash + 3
        while s < e and not text[s].isalnum():
            s += 1
        while e > s and not text[e - 1].isalnum():
            e -= 1
        if text[s : s + 4].lower() == "the ":
            s += 4
        if text[e - 2 : e] in ("'s", "’s"):
            e -= 2
        tail = TRAILING.search(text, s, e)  # 'Northwest Frontier Province of (NWFP)'
        return s, tail.start() if tail and tail.start() > s else e

    def _strip_titles(self, text: str, m: Mention) -> None:
        """'General Qassem Soleimani' -> mention 'Qassem Soleimani', role 'General'."""
        while True:
            words = list(NONSPACE.finditer(text[m.start : m.end]))
            if len(words) < 2:
                return
            if fold(words[0].group()) in self.names["not_names"]:  # 'Saturday Dan Caron'
                m.start += words[1].start()
                continue
            for n in (3, 2, 1):
                if n < len(words) and " ".join(fold(w.group().rstrip(".")) for w in words[:n]) in self.titles:
                    end = m.start + words[n - 1].end()
                    m.roles.append((text[m.start : end].rstrip("."), m.start, end))
                    m.start += words[n].start()
                    break
            else:
                return

    def _combine(self, hits: list[Mention], ents: list[Mention], text: str) -> list[Mention]:
        """KB matches win over spaCy's spans, except a person whose name holds an alias
        ("Jordan Peterson", "John Wagner", and "Wagner" alone after it) and an unknown
        organization named after a country ("Iranian Red Crescent")."""
        full_names = [self._name(text[m.start : m.end]) for m in ents if m.label == "PERSON"
                      and self.kb.match(text[m.start : m.end], head=False) is None]  # not "An al-Shabaab"
        surnames = {toks[-1] for toks in full_names if len(toks) >= 2}
        dropped = {i for i, h in enumerate(hits) if " ".join(self._name(text[h.start : h.end])) in surnames}
        keep = []
        starts, ends = [h.start for h in hits], [h.end for h in hits]  # sorted, no overlaps
        for m in ents:
            inside = [i for i in range(bisect_right(ends, m.start), bisect_left(starts, m.end)) if i not in dropped]
            first = hits[inside[0]] if inside else None
            rest = text[first.end : m.end].strip() if first else ""
            # 'nicaraguan luis ordonez', 'Hamas leader Ismail Haniyeh': the actor, then the person
            if (m.label == "PERSON" and rest and first.start == m.start
                    and (self._demonym(text, first) or fold(rest.split()[0]) in self.titles)):
                m.start = text.index(rest, first.end)
                self._strip_titles(text, m)
                inside = inside[1:]
            if not inside:
                keep.append(m)
                continue
            longer = all(m.end - m.start > hits[i].end - hits[i].start for i in inside)
            countries = all(hits[i].actor.is_country for i in inside)
            if m.label == "PERSON" and longer and self.kb.match(text[m.start : m.end], head=False) is None:
                dropped.update(inside)
                keep.append(m)
            elif m.label == "ORG" and countries and longer and self.kb.match(text[m.start : m.end], head=False) is None:
                keep.append(m)
        return [h for i, h in enumerate(hits) if i not in dropped] + keep

    def _demonym(self, text: str, hit: Mention) -> bool:
        return " ".join(fold(w) for w in WORD.findall(text[hit.start : hit.end])) in self.kb.demonyms

    def _handles(self, text: str, ments: list[Mention]) -> None:
        """'Randhir Jaiswal\\n@MEAIndia · Follow': the handle names the author on the line above."""
        for hm in HANDLE.finditer(text):
            above = text[: hm.start()].rstrip()
            line_start = above.rfind("\n") + 1
            author = above[line_start:].strip(" \t*#>-")
            if not author or len(author.split()) > 5 or not author[0].isupper():
                continue
            s = text.index(author, line_start)
            e = s + len(author)
            i = next((i for i, m in enumerate(ments) if m.start == s and m.end == e), None)
            if i is None:
                i = len(ments)
                ments.append(Mention(s, e, "person", label="AUTHOR"))
            elif ments[i].actor is None:
                ments[i].kind = "person"
            ments.append(Mention(hm.start(1), hm.end(1), ments[i].kind, ments[i].actor, "HANDLE", link=i))

    def _repair(self, doc: Document, text: str, ments: list[Mention]) -> None:
        """Fix spaCy's type slips from the rest of the document."""
        heads_org, heads_fac = self.names["org_heads"], self.names["facility_heads"]
        heads = heads_org | heads_fac
        for m in ments:
            if m.label == "ORG" and fold(text[m.start : m.end].split()[-1]) in heads_fac:
                m.kind = "other"
            if m.label != "PERSON":
                continue
            last = fold(text[m.start : m.end].split()[-1])
            nxt = NEXT_WORD.match(text, m.end)
            if nxt and fold(nxt.group(1)) in heads:
                m.end = nxt.end()
                last = fold(nxt.group(1))
            if last in heads_fac:
                m.kind = "other"
            elif last in heads_org:
                m.kind = "organization"
        for m in ments:
            if m.label == "PERSON" and self._placed(text, m):
                m.kind, m.label = "location", "GPE"
        places = {(p.start, p.end) for p in doc.places if getattr(p, "lat", None) is not None}
        # surnames of the persons named elsewhere: "Ain Issa" is no surname to itself
        _, surnames = self._person_names(text, [m for m in ments if (m.start, m.end) not in places])
        for m in ments:  # a place spaCy took for a person or group ('Manchester'), unless a surname here
            if (m.label in ("PERSON", "ORG") and m.kind != "location" and (m.start, m.end) in places
                    and self._name(text[m.start : m.end])[-1] not in surnames):
                m.kind, m.label = "location", "GPE"
        known, _ = self._person_names(text, ments)
        for m in ments:
            if m.kind == "person" or m.actor is not None or m.label in ("HANDLE", "KB", "AUTHOR"):
                continue
            toks = self._name(text[m.start : m.end])
            orgish = set(toks) & self.names["org_heads"]
            if (" ".join(toks) in known or (m.label in ("PRODUCT", "ORG") and not orgish and self._titled(text, m))
                    or (m.label == "ORG" and 2 <= len(toks) <= 4 and toks[-1] in known and not orgish)):
                m.kind = "person"
                m.label = "PERSON"
                m.start, m.end = self._longest_part(text, m.start, m.end)
                self._strip_titles(text, m)
        for m in ments:
            if m.kind == "person" and m.label != "HANDLE":
                self._extend_left(doc, text, m)

    def _placed(self, text: str, m: Mention) -> bool:
        """A name written as a place: before a place word ("Ar Raqqah governorate"), or after
        "in"/"near" and before a comma and a capitalised word ("in Avdiivka, Donetsk oblast")."""
        after = PLACE_AFTER.match(text, m.end)
        if after is None:
            return False
        if after.group(1) is not None:
            return fold(after.group(1)) in self.names["place_heads"]
        before = PLACE_BEFORE.search(text, max(0, m.start - 12), m.start)
        return before is not None and fold(before.group(1)) in self.names["place_prepositions"]

    def _person_names(self, text: str, ments: list[Mention]) -> tuple[set[str], set[str]]:
        """The person names of the document (full names and surnames), and the surnames."""
        full, last = set(), set()
        for m in ments:
            if m.kind == "person":
                toks = self._name(text[m.start : m.end])
                full.add(" ".join(toks))
                if len(toks) >= 2:
                    last.update(toks[1:] if len(toks) >= 3 else toks[-1:])  # double surnames
        return full | last, last

    def _bare_surnames(self, doc: Document, text: str, ments: list[Mention], nocase: bool) -> None:
        """A full name's surname found again where spaCy tagged nothing ('Soleimani was the
        commander'): a mention of a person too, with its particle ('al-' in 'al-Aroui')."""
        if doc.doc is None:
            return
        surnames = set()
        for m in ments:
            toks = self._name(text[m.start : m.end]) if m.kind == "person" else []
            if len(toks) >= 2 and len(toks[-1]) >= 3 and toks[-1] not in self.titles:
                surnames.add(toks[-1])
        if not surnames:
            return
        taken = sorted((m.start, m.end) for m in ments)
        for t in doc.doc:
            plain = t.text.isascii() and "'" not in t.text  # most words: their lower case is their fold
            if (t.lower_ if plain else fold(t.text)) not in surnames or t.ent_type_ not in ("", "PERSON"):  # 'May 24'
                continue
            if not nocase and not (t.text[0].isupper() and t.pos_ == "PROPN"):  # 'Brown' the colour
                continue
            s, e = t.idx, t.idx + len(t.text)
            if t.i >= 2 and doc.doc[t.i - 1].text in "-‐" and fold(doc.doc[t.i - 2].text) in self.names["particles"]:
                s = doc.doc[t.i - 2].idx
            if not any(a < e and s < b for a, b in taken):
                ments.append(Mention(s, e, "person", label="SURNAME"))

    def _titled(self, text: str, m: Mention) -> bool:
        """A name right after a title or role word ('spokesperson Randhir Jaiswal')."""
        before = WORD.findall(text[max(0, m.start - 40) : m.start])
        return bool(before) and fold(before[-1]) in self.titles and text[m.start].isupper()

    def _extend_left(self, doc: Document, text: str, m: Mention) -> None:
        """Take in given names spaCy left out: 'Randhir' before 'Jaiswal'."""
        if doc.doc is None:
            return
        span = doc.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return
        i = span.start
        while i > 0:
            t = doc.doc[i - 1]
            if not (t.pos_ == "PROPN" and t.is_alpha and t.text[0].isupper() and not t.ent_type_
                    and fold(t.text) not in self.titles and "\n" not in t.whitespace_):
                break
            i -= 1
        if i < span.start:
            m.start = doc.doc[i].idx

    def _acronyms(self, doc: Document, text: str, ments: list[Mention]) -> None:
        """'Islamic Revolutionary Guard Corps (IRGC)': every 'IRGC' names what precedes it."""
        named = {p.country_code for p in doc.places if p.country_code}
        self._defined_names(text, ments)
        by_end = {m.end: i for i, m in enumerate(ments) if m.kind in ("organization", "other")}
        for d in ACRONYM_DEF.finditer(text):
            j = d.start()
            while j > 0 and text[j - 1].isspace():
                j -= 1
            if j not in by_end:
                continue
            target = by_end[j]
            acr = d.group(1)
            at = {(m.start, m.end): i for i, m in enumerate(ments)}
            for s in occurrences(text, acr):
                i = at.get((s, s + len(acr)))
                if i is None:
                    ments.append(Mention(s, s + len(acr), ments[target].kind, ments[target].actor, "ACRONYM",
                                         link=target))
                elif ments[i].actor is None or self._namesake(ments[i].actor, ments[target].actor, named):
                    ments[i].actor, ments[i].link = ments[target].actor, target

    def _defined_names(self, text: str, ments: list[Mention]) -> None:
        """A run of capitalised words that an acronym defines is the name of an organization even where spaCy
        saw none ('Individualists Tending toward the Wild (ITS)') or took it for a person: people are not
        given acronyms; spaCy's shorter organization yields when the acronym spells the whole run. Not where
        a place or a known actor is part of the run ('Democratic Republic of Congo (DRC)')."""
        joiners = self.names["name_joiners"]
        for d in ACRONYM_DEF.finditer(text):
            words = list(NONSPACE.finditer(text, max(0, d.start() - 120), d.start()))
            run: list[re.Match] = []
            for w in reversed(words):
                if w.group()[0].isupper() and w.group()[-1].isalnum() or run and w.group() in joiners:
                    run.insert(0, w)
                else:
                    break
            while run and (run[0].group() in joiners or fold(run[0].group()) in STOPWORDS):
                run.pop(0)  # 'The', 'In', 'of'
            if sum(w.group()[0].isupper() for w in run) < 2:
                continue
            s, e = run[0].start(), run[-1].end()
            inside = [m for m in ments if m.start < e and s < m.end]
            initials, acr = "".join(w.group()[0] for w in run if w.group()[0].isupper()), d.group(1)
            if acr[0] not in initials or any(m.kind == "location" or m.actor is not None for m in inside):
                continue  # 'Police Say Two Killed (UPDATE)' defines nothing
            if any(m.kind == "person" for m in inside) and not set(acr) <= set(initials):
                continue  # 'John Smith (AP)': a byline, not a group's name
            if any(m.kind == "organization" and m.end == e and not (initials == acr and m.start > s) for m in inside):
                continue  # spaCy's name stands, unless the acronym spells the longer run ('Friends of the ...')
            for m in inside:
                ments.remove(m)
            ments.append(Mention(s, e, "organization", label="ACRONYM_DEF"))

    @staticmethod
    def _namesake(known: Actor, defined: Actor | None, named: set[str]) -> bool:
        """An acronym the text defines as another actor than the knowledge base's bearer of it: one the base
        knows by the defining name, or, for a name it does not know, where its bearer is another country's,
        of one the text never names ("United People's Democratic Front (UPDF)" in Bangladesh, not Uganda's
        army); a spelling the base lacks ("Tehreek-e-Taliban Pakistan (TTP)" in Pakistan) keeps its actor."""
        if defined is not None:
            return defined != known
        return bool(known.country) and known.country not in named

    def _initials(self, text: str, ments: list[Mention]) -> None:
        """An undefined acronym that spells an unknown group's initials: 'SOHR' for the
        'Syrian Observatory for Human Rights'."""
        full: dict[str, int] = {}
        for i, m in enumerate(ments):
            words = [w for w in WORD.findall(text[m.start : m.end]) if fold(w) not in STOPWORDS]
            if m.actor is None and m.kind == "organization" and len(words) >= 2:
                full.setdefault("".join(w[0] for w in words).upper(), i)
        for i, m in enumerate(ments):
            word = text[m.start : m.end]
            if m.actor is None and m.link is None and word.isupper() and word.isalpha() and word in full:
                m.link = full[word]

    # -- merging ----------------------------------------------------------------------
    def _name(self, s: str) -> list[str]:
        """Comparable name tokens: folded, without titles, suffixes (Jr) and Arabic articles
        ('al Aroui', 'al-Aroui', 'ash-Sham'; but 'An' in 'An Nguyen' is a name)."""
        words, keep = [], []
        for w in WORD.finditer(s):
            f = fold(w.group())
            words.append(f)
            article = f in self.names["particles"] and (f in ("al", "el") or s[w.end() : w.end() + 1] == "-")
            keep.append(not article and f not in self.names["suffixes"])
        while len(words) > 1 and words[0] in self.titles:
            words, keep = words[1:], keep[1:]
        return [w for w, k in zip(words, keep) if k] or words

    def _suffix(self, s: str) -> str | None:
        words = [fold(w) for w in WORD.findall(s)]
        return words[-1] if words and words[-1] in self.names["suffixes"] else None

    @staticmethod
    def _same_person(a: list[str], b: list[str]) -> bool:
        """Two full names of one person: same surname and given name up to spelling
        ('Qassem'/'Qasem'), or one name inside the other ('Musa Jibril', 'Ahmad Musa Jibril')."""
        if not similar(a[-1], b[-1]):
            return False
        short, long_ = (a, b) if len(a) <= len(b) else (b, a)
        first_a, first_b = sorted((a[0], b[0]), key=len)
        nickname = len(first_a) >= 4 and first_b.startswith(first_a)  # Josh / Joshua
        return similar(a[0], b[0]) or nickname or set(short) <= set(long_)

    def _cluster(self, ments: list[Mention], text: str) -> list[int]:
        parent = list(range(len(ments)))
        kb_of = [m.actor.id if m.actor else None for m in ments]

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        def union(i: int, j: int) -> None:
            a, b = find(i), find(j)
            if a != b and (kb_of[a] is None or kb_of[b] is None or kb_of[a] == kb_of[b]):
                parent[max(a, b)] = min(a, b)
                kb_of[min(a, b)] = kb_of[a] or kb_of[b]

        for i, m in enumerate(ments):
            if m.link is not None:
                union(m.link, i)
        first: dict[tuple, int] = {}
        for i, m in enumerate(ments):
            if m.kind == "person":
                continue
            key = ("kb", m.actor.id) if m.actor else ("name", tuple(self._name(text[m.start : m.end])))
            if key in first:
                union(first[key], i)
            else:
                first[key] = i
        self._persons(ments, text, union)
        return [find(i) for i in range(len(ments))]

    def _persons(self, ments: list[Mention], text: str, union) -> None:
        """Full names join when first and last names agree; a lone surname joins the full
        name mentioned most recently before it (or, failing that, the first one after)."""
        people = [(i, self._name(text[m.start : m.end])) for i, m in enumerate(ments) if m.kind == "person"]
        suffix = {i: self._suffix(text[ments[i].start : ments[i].end]) for i, _ in people}
        clusters: list[tuple[int, list[list[str]]]] = []  # (mention index, name variants)
        for i, toks in people:
            if len(toks) < 2:
                continue
            for c, variants in clusters:
                if suffix[i] and suffix[c] and suffix[i] != suffix[c]:  # George Bush Sr / Jr
                    continue
                if any(self._same_person(toks, v) for v in variants):
                    union(c, i)
                    variants.append(toks)
                    break
            else:
                clusters.append((i, [toks]))
        members = {c: [i for i, toks in people if len(toks) >= 2 and toks in variants] for c, variants in clusters}
        lone: dict[str, int] = {}
        for i, toks in people:
            if len(toks) != 1:
                continue
            if any(toks[0] == v[-1] + "s" for _, variants in clusters for v in variants):
                continue  # 'the Tsarnaevs': a family, not one of them
            cands = [c for c, variants in clusters if any(similar(toks[0], v[-1]) for v in variants)
                     and not (suffix[i] and suffix[c] and suffix[i] != suffix[c])]
            if not cands:  # 'Rivera' of 'Roberto Armando Rivera Escobar': Spanish double surnames
                cands = [c for c, variants in clusters if any(len(v) >= 3 and toks[0] in v[1:] for v in variants)]
            if not cands:  # a given name alone ('Dzhokhar'), when only one person bears it
                firsts = [c for c, variants in clusters if any(toks[0] == v[0] for v in variants)
                          and min(ments[j].start for j in members[c]) < ments[i].start]
                cands = firsts if len(firsts) == 1 else []
            if cands:
                start = ments[i].start
                before = [(max(ments[j].start for j in members[c] if ments[j].start < start), c)
                          for c in cands if any(ments[j].start < start for j in members[c])]
                union(max(before)[1] if before else cands[0], i)
                continue
            key = next((k for k in lone if similar(k, toks[0])), toks[0])
            if key in lone:
                union(lone[key], i)
            else:
                lone[key] = i

    # -- output -----------------------------------------------------------------------
    def _roles(self, doc: Document, ments: list[Mention]) -> None:
        """Appositions and copulas: 'a top Hamas leader, Saleh al-Aroui', 'Soleimani was the
        commander of the Quds Force', 'Ministry of External Affairs spokesperson Randhir Jaiswal'."""
        sdoc = doc.doc
        if sdoc is None:
            return
        for m in ments:
            if m.kind != "person" or m.label == "HANDLE":
                continue
            span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            inner = set(range(span.start, span.end))
            heads = [c for c in root.children if c.dep_ == "appos"]
            if root.dep_ == "appos":
                heads.append(root.head)
                inner |= {t.i for t in root.subtree}
            if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ == "be":
                heads += [c for c in root.head.children if c.dep_ == "attr"]
            phrases = [self._phrase(h, inner) for h in heads if h.pos_ == "NOUN" or h.lower_ in self.titles]
            left = [t for t in root.lefts if t.i < span.start and t.dep_ in ("compound", "nmod", "amod")]
            if left and (sdoc[span.start - 1].pos_ == "NOUN" or sdoc[span.start - 1].lower_ in self.titles):
                phrases.append(self._clean_role(list(sdoc[left[0].left_edge.i : span.start])))
            m.roles += [p for p in phrases if p]

    @staticmethod
    def _phrase(head, exclude: set[int]) -> tuple[str, int, int] | None:
        """The noun phrase headed by `head`, without what follows it in appositions,
        coordinations and clauses ('commander of the Quds Force', not its appositive)."""
        skip = set(exclude)
        for t in head.subtree:
            if t.i > t.head.i and t.dep_ in ("appos", "conj", "cc", "relcl", "acl", "punct") and t.i != head.i:
                skip |= {u.i for u in t.subtree}
        return Actors._clean_role([t for t in head.subtree if t.i not in skip])

    @staticmethod
    def _clean_role(toks) -> tuple[str, int, int] | None:
        while toks and (toks[0].lower_ in DETERMINERS or toks[0].is_punct or toks[0].is_space):
            toks = toks[1:]
        while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].dep_ in ("case", "cc")):
            toks = toks[:-1]
        if not toks or len(toks) > 14 or not any(t.is_alpha for t in toks):
            return None
        out = "".join(t.text_with_ws for t in toks)
        return " ".join(out.split()), toks[0].idx, toks[-1].idx + len(toks[-1].text)

    def _entities(self, doc: Document, ments: list[Mention], roots: list[int]) -> list[Entity]:
        groups: dict[int, list[Mention]] = {}
        for m, r in zip(ments, roots):
            groups.setdefault(r, []).append(m)
        ents = []
        ordered = sorted(groups.values(), key=lambda g: min(m.start for m in g))
        for group in ordered:
            group.sort(key=lambda m: (m.start, -m.end))
            actor = next((m.actor for m in group if m.actor), None)
            kinds = [m.kind for m in group if m.label not in ("HANDLE", "ACRONYM")] or [group[0].kind]
            texts = [doc.text[m.start : m.end] for m in group]
            if actor:
                name = self._canonical(actor)
                kind = "location" if actor.is_country else "organization"
            else:
                real = [k for k in kinds if k != "other"] or kinds
                kind = max(KIND_ORDER, key=lambda k: (real.count(k), -KIND_ORDER.index(k)))
                named = [t for m, t in zip(group, texts) if m.label != "HANDLE"] or texts
                name = max(named, key=lambda t: (len(t.split()), -texts.index(t)))
            seen: list[str] = []
            for t in texts:
                if t != name and t not in seen:
                    seen.append(t)
            roles: list[str] = []
            for r, _, _ in (r for m in group for r in m.roles):
                if r not in roles:
                    roles.append(r)
            ents.append(Entity(
                id=f"ent-{len(ents) + 1}", name=name, kind=kind, aliases=seen,
                mentions=[Span(t, m.start, m.end) for m, t in zip(group, texts)],
                kb_id=actor.id if actor else None, actor_type=actor.type if actor else None,
                country_code=actor.country if actor else None, roles=roles,
            ))
        self._affiliations(ents, ordered)
        return ents

    def _canonical(self, actor: Actor) -> str:
        """A unit of a state's forces is named with the force it belongs to, "Central Reserve Police
        Force (Police Forces of India)": event counts by state force (ACLED codes the CRPF, BSF or RAB
        as the country's police or military) and by unit both find it."""
        parent = self.kb.get(actor.parent)
        derived = parent is not None and parent.id.startswith(f"{parent.country}-")  # "IN-police"
        if derived and actor.type == parent.type == "state_force":
            return f"{actor.name} ({parent.name})"
        return actor.name

    @staticmethod
    def _affiliations(ents: list[Entity], groups: list[list[Mention]]) -> None:
        """Link a person to the groups and states named in its roles."""
        actors = sorted((m.start, m.end, e.id) for e, g in zip(ents, groups) for m in g
                        if e.kind == "organization" or e.kb_id)
        for e, g in zip(ents, groups):
            for _, rs, rend in (r for m in g for r in m.roles):
                for s, t, eid in actors:
                    if rs <= s and t <= rend and eid != e.id and eid not in e.affiliations:
                        e.affiliations.append(eid)


def entity_at(doc: Document, start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping [start, end): the largest overlap, then the
    tightest mention ('IS' in 'two IS members')."""
    best, key = None, None
    for ent in doc.entities:
        for m in ent.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > 0:
                k = (overlap, -(m.end - m.start))
                if key is None or k > key:
                    best, key = ent, k
    return best
