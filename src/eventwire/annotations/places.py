"""Toponyms: find every place name in the parse and resolve it against the gazetteer.

Mentions come from spaCy's GPE/LOC/FAC entities and from gazetteer matches on capitalised
token runs the model missed or mislabelled ("Rapides Parish" inside an ORG, a country tagged
PERSON), plus country demonyms ("Iraqi"), kept apart by `Place.demonym` since LGL-style
corpora count them as toponyms while an event location should not come from one.

Resolution scores each candidate by population, feature (countries first, then states),
and the document's context: a container written next to the name ("Paris, Texas",
"Alexandria, La."), the countries and states the document names, and nearness to the
places it resolves unambiguously. A name no candidate fits stays with null coordinates.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..model import Document, Place
from .gazetteer import Entry, Gazetteer, distance_km, norm

PLACE_LABELS = {"GPE", "LOC", "FAC"}
ARTICLES = {"the", "a", "an"}
PLURAL_DESIGNATORS = {"counties": "County", "parishes": "Parish"}
DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern",
              "southern", "eastern", "western", "central", "upper", "lower", "greater", "downtown", "rural"}
# Labels whose tokens may still hide a place name spaCy missed.
SCAN_LABELS = {"", "ORG", "NORP", "PERSON", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LOC", "GPE"}
MAX_WORDS = 4
CONNECTORS = {"of", "de", "del", "la", "le", "du", "upon", "on", "the", "al", "el", "es"}
# Designators that may trail a name the gazetteer holds without them ("Kerman City").
DESIGNATORS = {"city", "province", "state", "town", "village", "governorate", "district", "region", "county",
               "parish", "township", "borough"}
# A capitalised run spaCy did not call a place counts when it names a big place, a sizeable one
# in front of what it names ("Oxford Police"), one after a locative preposition, or one in a
# state the document names or near its other places.
BIG_POP = 100_000
CONFIRM_POP = 10_000
LOCATIVE = {"in", "near", "at", "from", "outside", "to", "into", "across", "toward", "towards"}
NEAR_KM = 200.0  # a town this close to a place the document pins down is likely meant
REGION_KM = 500.0  # ... or this close to the point of a country or state it names

FEATURE_BONUS = {"country": 4.0, "admin1": 2.5, "region": 10.0, "admin2": 0.5, "city": 0.0}


@dataclass
class Mention:
    start: int  # character offsets into Document.text
    end: int
    text: str
    tagged: bool  # spaCy labelled it a place; untagged ones need the document's confirmation
    demonym: str | None = None  # country code when the mention is a demonym
    candidates: list[Entry] = field(default_factory=list)
    primary: set[int] = field(default_factory=set)  # ids whose main name (not an alias) matched
    container: Mention | None = None  # "Paris, Texas": the mention after the comma
    located: bool = False  # follows a locative preposition: "in Laconia", "near Lanexa"
    key: str = ""  # the gazetteer key the mention was looked up by
    modifier: bool = False  # names what a longer entity belongs to: "Oxford Police", not "Chamber of Commerce"
    choice: Entry | None = None


class Places:
    """Annotates `doc.places` (text order) from `doc.doc`."""

    def __init__(self) -> None:
        self.gaz = Gazetteer.get()
        k = self.gaz.knowledge
        self.not_places = set(k["not_places"])
        self.non_place_heads = set(k["non_place_heads"])
        self.demonyms = {norm(d): cc for d, cc in self.gaz.demonyms.items()}

    def __call__(self, doc: Document) -> None:
        sdoc = doc.doc
        if sdoc is None:
            return
        mentions = self._mentions(doc, sdoc)
        for m in mentions:
            self._candidates(m)
        persons = {t.text for e in sdoc.ents if e.label_ == "PERSON" for t in e}
        # Unresolvable entity mentions stay (null coordinates) unless they look like a person's name.
        mentions = [m for m in mentions if m.candidates or m.demonym
                    or (m.tagged and m.text[:1].isupper() and m.text not in persons)]
        self._containers(doc.clean or doc.text, mentions)
        mentions = self._resolve(mentions)
        doc.places.extend(self._place(m) for m in mentions)

    # -- finding mentions ---------------------------------------------------------------------
    def _mentions(self, doc: Document, sdoc) -> list[Mention]:
        letters = [c for c in doc.text[:5000] if c.isalpha()]
        upper_ratio = sum(c.isupper() for c in letters) / max(len(letters), 1)
        mixed_case = 0.005 < upper_ratio < 0.5  # else MUC-style lowercase or all-caps text
        taken = [False] * len(sdoc)
        found: list[Mention] = self._county_lists(doc, sdoc, taken) if mixed_case else []
        for ent in sdoc.ents:
            if ent.label_ not in PLACE_LABELS and not (ent.label_ == "NORP" and mixed_case):
                continue
            toks = list(ent)
            while toks and toks[0].lower_ in ARTICLES:
                toks = toks[1:]
            while toks and (toks[-1].is_punct or toks[-1].lower_ in ("'s", "’s")):
                toks = toks[:-1]
            if not toks or any(taken[t.i] for t in toks) or self._names_other(sdoc, toks[-1].i + 1):
                continue
            end = toks[-1].i + 1
            # "Guinea-Bissau", "Saxony-Anhalt": spaCy often stops at the hyphen.
            if end + 1 < len(sdoc) and _joiner(sdoc[end]) and not toks[-1].whitespace_ and _capitalised(sdoc[end + 1]):
                joined = sdoc[toks[0].i : end + 2]
                if self.gaz.entries(norm(joined.text)):
                    toks = list(joined)
            text = doc.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
            after = toks[0].idx + len(text)
            if doc.text[after : after + 1] == "." and self.gaz.state(text + "."):
                text += "."  # a sentence-final "Tex." lost its dot to the tokenizer
            cc = self.demonyms.get(norm(text))
            if ent.label_ == "NORP" or (cc and not self.gaz.entries(norm(text))):  # "Angolan" tagged GPE
                if cc:
                    found.append(Mention(toks[0].idx, toks[0].idx + len(text), text, False, demonym=cc))
                    for t in toks:
                        taken[t.i] = True
                continue
            if ent.label_ == "FAC" and not self.gaz.lookup(text):
                continue  # streets and buildings: kept only when the gazetteer knows them
            if not mixed_case and norm(text) in self.not_places:
                continue
            found.append(Mention(toks[0].idx, toks[0].idx + len(text), text, True))
            for t in toks:
                taken[t.i] = True
        if mixed_case or upper_ratio >= 0.5:
            # In all-caps text every word looks like a name: only countries and states are sought.
            found.extend(self._scan(doc, sdoc, taken, strict=not mixed_case))
        found.sort(key=lambda m: m.start)
        return found

    def _scan(self, doc: Document, sdoc, taken: list[bool], strict: bool) -> list[Mention]:
        """Longest gazetteer matches on capitalised runs no place entity covers."""
        out = []
        persons = {t.text for e in sdoc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
        ent_of = {t.i: e for e in sdoc.ents for t in e}
        i, n = 0, len(sdoc)
        while i < n:
            tok = sdoc[i]
            if taken[i] or not _capitalised(tok) or tok.ent_type_ not in SCAN_LABELS or tok.lower_ in ARTICLES:
                i += 1
                continue
            if strict:
                key = norm(tok.text)
                generic = len(key) <= 3 or key in self.not_places or key in DIRECTIONS
                entries = [] if generic else self.gaz.entries(key)
                if any(e.feature in ("country", "admin1") and e.id in self._primary(tok.text, entries) for e in entries):
                    out.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, True))
                i += 1
                continue
            if self._state_code(sdoc, i):
                out.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, True))
                i += 1
                continue
            cc = self.demonyms.get(norm(tok.text)) if tok.ent_type_ != "PERSON" else None
            if cc:  # "the American Farm Bureau": demonyms inside names count too
                out.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, False, demonym=cc))
                i += 1
                continue
            hit = None
            for j in range(min(n, i + MAX_WORDS), i, -1):
                span = sdoc[i:j]
                last = sdoc[j - 1]
                if any(taken[t.i] for t in span) or not _capitalised(last):
                    continue
                if any(not _capitalised(t) and t.lower_ not in CONNECTORS and not _joiner(t) for t in span):
                    continue
                if "\n" in span.text or self._names_other(sdoc, j):
                    continue
                if self._acceptable(span, persons, ent_of.get(i)):
                    hit = span
                    break
            if hit is None:
                i += 1
                continue
            start = hit[0].idx
            located = i > 0 and sdoc[i - 1].lower_ in LOCATIVE
            ent = ent_of.get(i)
            modifier = ent is not None and hit.end <= ent.root.i
            out.append(Mention(start, start + len(hit.text), doc.text[start : start + len(hit.text)], False,
                               located=located, modifier=modifier))
            i = hit.end
        return out

    def _names_other(self, sdoc, after: int) -> bool:
        """'West Nile virus', 'Lyme disease': the name modifies a noun that is no place."""
        return after < len(sdoc) and sdoc[after].lower_ in self.non_place_heads

    def _county_lists(self, doc: Document, sdoc, taken: list[bool]) -> list[Mention]:
        """'Clarke, Madison and Oconee counties': each name is a county of that name."""
        out = []
        for tok in sdoc:
            designator = PLURAL_DESIGNATORS.get(tok.lower_)
            if designator is None or tok.i == 0:
                continue
            i = tok.i - 1
            while i >= 0 and (_capitalised(sdoc[i]) or sdoc[i].text == "," or sdoc[i].lower_ in ("and", "or")):
                t = sdoc[i]
                if _capitalised(t) and not taken[i] and self.gaz.entries(norm(f"{t.text} {designator}")):
                    out.append(Mention(t.idx, t.idx + len(t.text), t.text, True, key=norm(f"{t.text} {designator}")))
                    taken[i] = True
                i -= 1
        return out

    def _state_code(self, sdoc, i: int) -> bool:
        """A state abbreviation: 'Alexandria, La.', 'Gainesville, GA', 'D-S.C.', 'the N.Y. police'.
        One-dot forms ('Miss.', 'Ind.') and postal codes count only after a place and a comma."""
        tok = sdoc[i]
        if not ("." in tok.text or (len(tok.text) == 2 and tok.is_upper)) or self.gaz.state(tok.text) is None:
            return False
        if tok.text.count(".") >= 2 or (i >= 1 and sdoc[i - 1].text == "-"):
            return True
        return i >= 2 and sdoc[i - 1].text == "," and _capitalised(sdoc[i - 2])

    def _acceptable(self, span, persons: set[str], ent) -> bool:
        """Whether a capitalised run (inside entity `ent`, if any) names a place."""
        key = norm(span.text)
        if not key or key in self.not_places:
            return False
        entries = self.gaz.entries(key)
        if not entries:
            return False
        first = span[0]
        if len(span) == 1 and len(first.text) < 3:
            return False
        # Through a main name, or an alias of a country or state ("Hamas" is an alias of Hamm).
        primary = self._primary(key, entries)
        entries = [e for e in entries if e.id in primary or e.feature in ("country", "admin1", "region")]
        if not entries:
            return False
        ent_label = first.ent_type_
        if ent_label == "PERSON":
            # A person's full name ("Paris Hilton") is no place; a lone token spaCy calls a
            # person is a town ("Gainesville") unless the document uses it inside a person's name.
            if ent is not None and len(ent) > len(span) and not any(e.feature == "admin2" for e in entries):
                return False  # ("Anderson County Sheriff Greg Taylor" is tagged a person whole)
            if span.text in persons:
                return any(e.feature in ("country", "admin1") for e in entries)
        if first.is_upper and len(first.text) <= 4 and "." not in span.text:
            return any(e.feature in ("country", "admin1") for e in entries)  # acronyms (FBI) unless DRC
        if first.is_sent_start and len(span) == 1 and not ent_label:
            return any(e.feature in ("country", "admin1") or e.population >= BIG_POP for e in entries)
        return True

    # -- candidates -----------------------------------------------------------------------------
    @staticmethod
    def _primary(name: str, entries: list[Entry]) -> set[int]:
        """Ids of the entries whose main name (not an alias) is `name`."""
        key = norm(name)
        return {e.id for e in entries if norm(e.name) == key}

    def _candidates(self, m: Mention) -> None:
        if m.demonym:
            country = self.gaz.countries.get(m.demonym)
            m.candidates = [country] if country else []
            return
        key = m.key or norm(m.text)
        entries = self.gaz.entries(key)
        state = self.gaz.state(m.text) if "." in m.text or (len(m.text) == 2 and m.text.isupper()) else None
        if state is not None and not any(e.feature in ("country", "admin1") for e in entries):
            entries = [state]  # "La.", "W. Va.", a postal code after a comma
        words = key.split()
        if not entries and len(words) > 1 and words[-1] in DESIGNATORS:
            key = " ".join(words[:-1])
            entries = self.gaz.entries(key)
        if not entries and len(words) > 1 and words[0] in DIRECTIONS:
            key = " ".join(words[1:])  # "North Texas", "Northeast Georgia": a part of the place
            entries = [e for e in self.gaz.entries(key) if e.feature != "city" or e.population >= BIG_POP]
        entries = [e for e in entries if e.lat is not None] or entries  # pointless namesakes last resort
        m.key = key
        m.primary = self._primary(key, entries)
        if not (len(words) > 1 and words[-1] in DESIGNATORS - {"city", "town", "village"}):
            # Outside the US a city and its province share a name (Kerman, Baghdad): news means the city.
            # A national capital outranks a state of its name too ("Washington").
            cities = {(e.country_code, e.admin1_code) for e in entries if e.feature == "city"}
            capitals = {e.country_code for e in entries if e.id in self.gaz.capitals and e.id in m.primary}
            entries = [e for e in entries if not (e.feature == "admin1" and (
                e.country_code in capitals
                or (e.country_code != "US" and (e.country_code, e.admin1_code) in cities)))]
        m.candidates = entries[:40]

    def _containers(self, text: str, mentions: list[Mention]) -> None:
        """'Paris, Texas' / 'Alexandria, La.': the second name contains the first."""
        for a, b in zip(mentions, mentions[1:]):
            gap = text[a.end : b.start]
            if gap.strip() == "," and len(gap) <= 3 and b.candidates:
                if any(e.feature in ("country", "admin1") for e in b.candidates):
                    a.container = b

    # -- resolution -----------------------------------------------------------------------------
    def _resolve(self, mentions: list[Mention]) -> list[Mention]:
        """Prior first (population, feature), then twice with the document's support."""
        for m in mentions:
            m.choice = self._best(m, None)
        votes = self._votes(mentions)
        support = _Support(votes)
        for _ in range(2):
            sure = [m.choice for m in mentions if m.choice is not None
                    and (len(m.candidates) == 1 or m.container is not None or m.choice.feature in ("country", "admin1"))]
            support.pin({e.id: e for e in sure}.values())
            for m in mentions:
                m.choice = self._best(m, support)
        # One sense per discourse: a name repeated means one place, the one its most telling
        # mention ("Paris, Texas") chose, else the one most of its mentions chose.
        groups: dict[str, list[Mention]] = {}
        for m in mentions:
            if m.choice is not None and not m.demonym:
                groups.setdefault(m.key, []).append(m)
        for group in groups.values():
            told = [m.choice for m in group if m.container is not None]
            choices = [m.choice for m in group]
            sense = told[0] if told else max(choices, key=choices.count)
            for m in group:
                if m.container is None:  # "Springfield, Ill." and "Springfield, Mass." stay apart
                    m.choice = sense
        tagged = {norm(m.text) for m in mentions if m.tagged}
        return [m for m in mentions if m.tagged or m.demonym or norm(m.text) in tagged or self._confirmed(m, support)]

    @staticmethod
    def _confirmed(m: Mention, support: _Support) -> bool:
        """A capitalised word spaCy did not call a place ('Bank', 'Leader', 'Superior') counts
        when it names a big place, a state or country, or one where the document already is."""
        e = m.choice
        if e is None:
            return False
        if e.feature != "city" or m.container or m.located or e.population >= BIG_POP:
            return True
        if m.modifier and e.population >= CONFIRM_POP:
            return True
        return support.state_support(m.key, e) >= 1.0 or support.near(e)

    def _votes(self, mentions: list[Mention]) -> dict[str, tuple[dict, dict]]:
        """Per distinct name, its vote for states and countries: whole when it names a country or
        state (or carries a container), else spread evenly over where its namesakes lie."""
        votes: dict[str, tuple[dict, dict]] = {}
        for m in mentions:
            key = m.key
            if key in votes or not m.candidates or m.choice is None:
                continue
            e = m.choice
            if e.feature in ("country", "admin1") or m.container is not None or len(m.candidates) == 1:
                states = {} if e.feature == "country" else {(e.country_code, e.admin1_code): 1.0}
                votes[key] = (states, {e.country_code: 1.0})
                continue
            # Half for the likeliest namesake, half spread over where all of them lie.
            st = {(c.country_code, c.admin1_code) for c in m.candidates if c.feature != "country"}
            cs = {c.country_code for c in m.candidates}
            states = {k: 0.5 / len(st) for k in st}
            countries = {k: 0.5 / len(cs) for k in cs}
            states[(e.country_code, e.admin1_code)] = states.get((e.country_code, e.admin1_code), 0) + 0.5
            countries[e.country_code] = countries.get(e.country_code, 0) + 0.5
            votes[key] = (states, countries)
        return votes

    def _best(self, m: Mention, support: _Support | None) -> Entry | None:
        cands = m.candidates
        if not cands:
            return None
        if m.container is not None and m.container.candidates:
            holder = m.container.choice or m.container.candidates[0]
            inside = [e for e in cands if e.country_code == holder.country_code
                      and (holder.feature == "country" or e.admin1_code == holder.admin1_code)]
            cands = inside or cands
        if len(cands) == 1:
            return cands[0]
        key = m.key
        best, best_score = None, -math.inf
        for e in cands:
            s = math.log10(e.population + 10) + self._feature_bonus(e)
            if e.id in m.primary:
                s += 1.5
            if e.id in self.gaz.capitals:
                s += 1.0
            if support is not None:
                s += support.bonus(key, e)
            if s > best_score:
                best, best_score = e, s
        return best

    @staticmethod
    def _feature_bonus(e: Entry) -> float:
        if e.feature == "admin1" and e.country_code != "US":
            return 1.0  # provinces abroad are named less often than their namesake towns
        return FEATURE_BONUS.get(e.feature, 0.0)

    def _place(self, m: Mention) -> Place:
        e = m.choice
        if e is None:
            return Place(mention=m.text, start=m.start, end=m.end, name=m.text)
        return Place(
            mention=m.text, start=m.start, end=m.end, name=e.name, country_code=e.country_code or None,
            admin1=self.gaz.admin1_name(e) if e.feature not in ("country", "region") else None,
            lat=e.lat, lon=e.lon, geonames_id=e.id if e.id > 0 else None, feature=e.feature,
            admin2=e.admin2 or None, population=e.population or None, demonym=bool(m.demonym),
        )


class _Support:
    """The document's support for a candidate's state and country, from the other names."""

    def __init__(self, votes: dict[str, tuple[dict, dict]]) -> None:
        self.votes = votes
        self.states: dict[tuple[str, str], float] = {}
        self.countries: dict[str, float] = {}
        for st, cs in votes.values():
            for k, w in st.items():
                self.states[k] = self.states.get(k, 0.0) + w
            for k, w in cs.items():
                self.countries[k] = self.countries.get(k, 0.0) + w
        self.anchors: list[Entry] = []  # towns the document pins down
        self.areas: list[Entry] = []  # countries and states it names
        self._near: dict[int, bool] = {}  # memo per pass: repeated names share candidates

    def pin(self, sure) -> None:
        self.anchors = [e for e in sure if e.feature in ("city", "admin2")]
        self.areas = [e for e in sure if e.feature in ("country", "admin1")]
        self._near = {}

    def state_support(self, key: str, e: Entry) -> float:
        state = (e.country_code, e.admin1_code)
        return self.states.get(state, 0.0) - self.votes.get(key, ({}, {}))[0].get(state, 0.0)

    def near(self, e: Entry) -> bool:
        hit = self._near.get(e.id)
        if hit is None:
            hit = self._near[e.id] = any(a.id != e.id and distance_km(a, e) < NEAR_KM for a in self.anchors) or any(
                a.id != e.id and distance_km(a, e) < REGION_KM for a in self.areas)
        return hit

    def bonus(self, key: str, e: Entry) -> float:
        own_countries = self.votes.get(key, ({}, {}))[1]
        s_country = self.countries.get(e.country_code, 0.0) - own_countries.get(e.country_code, 0.0)
        b = min(s_country, 4.0)
        if e.feature != "country":
            b += 1.5 * min(self.state_support(key, e), 3.0)
        if e.feature not in ("country", "admin1") and self.near(e):
            b += 1.5
        return b


def _joiner(tok) -> bool:
    """The hyphen inside a hyphenated name, or the dot of an abbreviation ('Ft. Worth'), that
    the tokenizer split off."""
    if tok.i == 0 or tok.doc[tok.i - 1].whitespace_:
        return False
    return (tok.text == "-" and not tok.whitespace_) or (tok.text == "." and len(tok.doc[tok.i - 1].text) <= 3)


def _capitalised(tok) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)
