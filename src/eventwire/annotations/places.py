"""Toponyms: find every place name in the parse and resolve it against the gazetteer.

Mentions come from spaCy's GPE/LOC/FAC entities and from gazetteer matches on capitalised
token runs the model missed or mislabelled ("Rapides Parish" inside an ORG, a country tagged
PERSON), plus demonyms of countries, states and regions ("Iraqi", "Ohioans"), kept apart by `Place.demonym` since LGL-style
corpora count them as toponyms while an event location should not come from one.

Resolution scores each candidate by population, feature (countries first, then states),
and the document's context: a container written next to the name ("Paris, Texas",
"Alexandria, La."), the countries and states the document names (re-counted as its names
resolve), and nearness to the places it resolves unambiguously, and a town and the county it
lies in when both are named ("Paris ... Henry County": Tennessee). A world city in a country the
document names outranks a village namesake abroad however the other names cluster. A place
entity the gazetteer does not know whole is cut to the name inside it ("Orange County
Sanitation District"). ACLED-style "Village (Admin1)", "Town (Admin2, Admin1)" and
"Village (Town, Admin2, Admin1)" resolve the bracket's last name as a state (or country, or
province) and only namesakes inside it; a name the gazetteer does not know there (or in "Dantewada
district, Chhattisgarh", or GTD's "Baga, Kukawa district, Borno state") becomes feature "other" at
the point of the most specific name of its address that resolves, so the event still lands near.
A division named in another transliteration ("Lower Shabelle") is found by its squeezed spelling,
and a name followed by "governorate", "region" or "province" is the division, not its town. The
armed groups a text names ("Hamas", "Al Shabaab") vote for their countries like demonyms. Any
other name no candidate fits stays with null coordinates.

Rivers, ranges, seas, islands, informal regions (feature "region") and landmarks ("site") come from the
gazetteer's hand-kept list, also when a lowercase feature noun completes the name ("the Musi river"). A
word of a longer place name the gazetteer lacks stands for it only where the document is ("Sligo Town
Hall"); a namesake elsewhere is not meant ("Rod" of "Rod Laver Arena"), and the whole name stays unresolved.
"X near Y" takes the namesake of X near one of Y's, and beside another national capital a capital is meant
rather than a town of its name abroad ("London ... the Federal Reserve in Washington"). "Victoria, in the
Seychelles" is placed like "Victoria, Seychelles", and a description in apposition naming a country places every
name of the list before it there ("Toronto and Vancouver, the Canadian host cities"). A name opening with a
generic word ("Puerto Resistencia") never shrinks to the rest of it, a namesake abroad; an address over divisions
the gazetteer lacks ("Madi, Chitwan district, Central region, Nepal", "Inata, Soum province, Sahel region") places its
first name in the first area it names that resolves, and a division written as such ("Meme, Far North region") holds
the town before it, which keeps that sense when repeated. South Asian "upazila" and "tehsil" and GTD's "X area, Y city"
address a place like "district" ("Chauddagram upazila of Comilla" too); a direction that names a division only with
its designator ("Southern governorate") is found with it. "The Ixelles district of Brussels", a quarter of a big city,
takes the city's point; "Anka LGA" is its seat; a lone big town in a bracket ("(Duhok)") stands for its area; "Mayo
district, Pattani" is the Mayo of Pattani province, which its capital's name had hidden.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from ..model import Document, Place
from .gazetteer import Entry, Gazetteer, distance_km, norm
from .kb import Actor, load_kb

PLACE_LABELS = {"GPE", "LOC", "FAC"}
ARTICLES = {"the", "a", "an"}
PLURAL_DESIGNATORS = {"counties": "County", "parishes": "Parish"}
DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern",
              "southern", "eastern", "western", "central", "upper", "lower", "greater", "downtown", "rural", "historic"}
# Labels whose tokens may still hide a place name spaCy missed.
SCAN_LABELS = {"", "ORG", "NORP", "PERSON", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LOC", "GPE", "CARDINAL", "DATE"}
MAX_WORDS = 4
SCAN_TOKENS = 5  # a name of MAX_WORDS words and a possessive: "People's Republic of China"
EZAFE = {"e", "i", "ye"}  # the Dari/Persian ezafe inside names: "Sar-e Pul", "Qala-i-Naw"
# Lowercase words inside names.
CONNECTORS = {"of", "de", "del", "la", "le", "du", "upon", "on", "the", "al", "el", "es", "da", "do", "dos", "das",
              "di", *EZAFE}
# Designators that may trail a name the gazetteer holds without them ("Kerman City").
DESIGNATORS = {"city", "province", "state", "town", "village", "governorate", "district", "region", "county",
               "parish", "township", "borough", "regency"}
# ... and "Zaatari camp", named after the town it lies by or the gazetteer holds; a frontier's "Uri sector"; a
# Nigerian "Kankara LGA", a local government area named after its seat, which the gazetteer holds as a town
SUFFIXES = DESIGNATORS | {"camp", "sector", "lga"}
# A capitalised run spaCy did not call a place counts when it names a big place, a sizeable one
# in front of what it names ("Oxford Police"), one after a locative preposition, or one in a
# state the document names or near its other places.
BIG_POP = 100_000
CONFIRM_POP = 10_000
LOCATIVE = {"in", "near", "at", "from", "outside", "to", "into", "across", "toward", "towards"}
ADDRESS_PREPOSITIONS = LOCATIVE | {"off"}  # "off Forcados, Delta state": what opens an address
DATELINE_MARKS = {"--", "—", "–", "-", "("}
WORLD_POP, WORLD_RATIO = 1_000_000, 30  # a world city, and how much smaller a namesake must be to yield to it
LINK_BONUS = 4.0  # a town and the county it lies in, both named ("Paris ... Henry County")
LIST_BONUS = 3.0  # an item in a list of countries or states is likely one too
NEAR_KM = 200.0  # a town this close to a place the document pins down is likely meant
REGION_KM = 500.0  # ... or this close to the point of a country or state it names

AREAS = ("country", "admin1")
# "Pusht Rod district, Farah province", "Malita municipality, Davao Occidental province"
ADDRESS_WORDS = {"district", "village", "town", "city", "subdistrict", "municipality", "commune", "department",
                 "territory", "circle", "prefecture", "zone", "regency", "upazila", "tehsil", "area"}
# ... of which those that also end a phrase ("the Dallas area, police said"): an address only if a name follows
LOOSE_ADDRESS_WORDS = {"area"}
AREA_DESIGNATORS = {"district", "county", "province", "governorate", "region", "parish", "municipality", "oblast",
                    "department", "territory", "circle", "zone", "prefecture", "regency", "upazila", "tehsil"}
# "Kirkuk governorate", "Tillaberi region": the division, not its namesake town.
DIVISION_DESIGNATORS = {"province", "governorate", "region", "state", "district", "county", "parish", "oblast",
                        "department", "division", "regency"}
LOCAL_ACTORS = {"armed_group", "militia", "criminal"}  # actor types (data/actors.json) that act in their own country
GROUP_TYPES = LOCAL_ACTORS | {"political_party"}  # a name these actors bear is theirs, not a namesake town's
# The lowercase words that link the names of an address ("Kofa village, Konduga local government area,
# Borno state"), and those naming a first-order division, whose name is the place's admin1 as the text has it.
ADDRESS_LINK_WORDS = DESIGNATORS | AREA_DESIGNATORS | {"commune", "territory", "division", "department", "prefecture",
                                                       "local", "government", "area", "subdistrict", "neighborhood",
                                                       "neighbourhood", "kebele", "locality", "ward", "upazila",
                                                       "tehsil"}
SETTLED = {"city", "town", "village"}
HAMLETS = {"village", "hamlet", "kebele"}  # what a name so called cannot be a big city
FIRST_ORDER = {"province", "state", "region", "governorate", "department", "oblast", "prefecture", "division"}
SQUEEZE_MIN = 6  # shorter names ("Keep", "Teen") squeeze into too many others to be looked up so
CHAIN_KM = 100.0  # a namesake this close to the town or district of its bracket is the one meant
QUARTER_KM = 25.0  # a quarter of a big city lies this close to its point
FAR_CHAIN_KM = 300.0  # ... and one farther than this from its town is none
MAX_BRACKET_ITEMS = 3  # "(Gimbi, West Wellega, Oromia)"
PART_NOUNS = {"district", "districts", "area", "neighbourhood", "neighborhood", "suburb", "slum", "slums", "favela",
              "favelas", "quarter", "township", "village", "camp", "zone", "valley", "sector", "tehsil", "locality",
              "upazila"}
NAME_PARTICLES = {"and", "do", "da", "dos", "das", "de", "del", "di", "du"}  # inside names spaCy may cut short
PARTICLES = NAME_PARTICLES - {"and"}
LIST_JOINS = {",", "and", ", and", "or", ", or"}
# Lowercase words between a settlement's name and its bracket: "Tole kebele (Gimbi, ...)".
SETTLEMENT_WORDS = DESIGNATORS | PART_NOUNS | {"kebele", "locality", "commune", "ward", "sector", "settlement",
                                               "island", "hamlet"}
FEATURE_BONUS = {"country": 4.0, "admin1": 2.5, "region": 10.0, "site": 10.0, "admin2": 0.5, "city": 0.0}
FIXED = ("country", "admin1", "region", "site")  # names a reader takes as places wherever they stand
# The words between a town and the area it lies in: "Victoria, in the Seychelles", "Walewale in the North East Region".
PLACED_IN = [[",", "in"], [",", "in", "the"], ["in"], ["in", "the"]]
# What opens a description in apposition after a list of places: ", the Canadian host cities", ", both Kenyan towns".
APPOSITION_OPENERS = [[], ["the"], ["both"], ["all"], ["all", "the"], ["the", "two"], ["the", "three"], ["two"], ["three"]]


@dataclass
class Mention:
    start: int  # character offsets into Document.text
    end: int
    text: str
    tagged: bool  # spaCy labelled it a place; untagged ones need the document's confirmation
    demonym: Entry | None = None  # the country, state or region a demonym names
    candidates: list[Entry] = field(default_factory=list)
    primary: set[int] = field(default_factory=set)  # ids whose main name (not an alias) matched
    container: Mention | None = None  # "Paris, Texas": the mention after the comma
    holds: Mention | None = None  # the other way round: Texas holds Paris
    listed: bool = False  # an item in a list of countries or states
    located: bool = False  # follows a locative preposition: "in Laconia", "near Lanexa"
    key: str = ""  # the gazetteer key the mention was looked up by
    modifier: bool = False  # names what a longer entity belongs to: "Oxford Police", not "Chamber of Commerce"
    inside_org: bool = False  # a word in an organisation's name after its head ("Government of National Accord")
    # Placed in a region the text states ("Dogon Kirie (Mopti)", "Dantewada district, Chhattisgarh"):
    # only a namesake inside it fits, and with none the place takes the region's point.
    regional: bool = False
    home: Entry | None = None  # the town a name the gazetteer lacks lies near: the one the story is about
    addressed: bool = False  # written as an address's first name: "Bodo town, Far North region"
    # The inner names of "Town (Admin2, Admin1)" / "Village (Town, Admin2, Admin1)", most specific first.
    chain: list[Mention] = field(default_factory=list)
    choice: Entry | None = None
    # A place entity cut to the name inside it ("Halls" of "Halls Gap"): the whole entity's (start, end, text),
    # which the mention takes back, unresolved, when the name inside is only a far namesake.
    cut: tuple[int, int, str] | None = None
    tail: bool = False  # the name cut out ends the entity: its head noun ("Gap" of "Halls Gap"), no modifier
    skeletal: bool = False  # found by its consonant skeleton only ("Tal Tamer": Tall Tamr)
    bracketed: bool = False  # an inner name of an ACLED-style bracket: another spelling of its state's town counts


class Places:
    """Annotates `doc.places` (text order) from `doc.doc`."""

    def __init__(self) -> None:
        self.gaz = Gazetteer.get()
        k = self.gaz.knowledge
        self.not_places = set(k["not_places"])
        self.non_place_heads = set(k["non_place_heads"])
        self.place_of_heads = set(k["place_of_heads"])
        self.facility_words = set(k["facility_words"])
        self.work_words = self.facility_words - DESIGNATORS  # "Estadio", "Hotel"; not "Village" ("SOS Village Malakal")
        self.bare_provinces = set(k["bare_province_countries"])
        self.borrowed_heads = set(k["borrowed_name_heads"])
        self.town_site_heads = set(k["town_site_heads"])
        self.street_heads = set(k["street_heads"])
        self.name_prefixes = set(k["name_prefixes"])
        self.apposition_nouns = set(k["apposition_nouns"])
        self.demonyms = self._demonyms()
        self.kb = load_kb()

    def _demonyms(self) -> dict[str, Entry]:
        """Normalised demonym -> what it names: countries (generated) and hand-kept ones (states, regions)."""
        out = {norm(d): self.gaz.countries[cc] for d, cc in self.gaz.demonyms.items() if cc in self.gaz.countries}
        for d, (name, cc) in self.gaz.knowledge["place_demonyms"].items():
            hit = [e for e in self.gaz.entries(norm(name))
                   if e.feature in ("country", "admin1", "region") and (not cc or e.country_code == cc)]
            if hit:
                for form in (d, d if d.endswith(("s", "z")) else d + "s"):
                    out.setdefault(norm(form), hit[0])
        return out

    def __call__(self, doc: Document) -> None:
        sdoc = doc.doc
        if sdoc is None:
            return
        mentions = self._mentions(doc, sdoc)
        for m in mentions:
            self._candidates(m)
            self._named_work(doc, sdoc, m)
        mentions = self._brackets(doc, sdoc, mentions)
        persons = {t.text for e in sdoc.ents if e.label_ == "PERSON" for t in e}
        actors = self.kb.find(doc.clean or doc.text)
        groups = [(a, b, actor) for a, b, actor in actors if actor.type in GROUP_TYPES]
        # Unresolvable entity mentions stay (null coordinates) unless they look like a person's name
        # (a bracket's names stay: "Kolofata (Mayo-Sava, Extreme-Nord)" is an address, not a person).
        mentions = [m for m in mentions if (m.candidates or m.demonym or m.regional or m.addressed
                    or (m.tagged and m.text[:1].isupper() and m.text not in persons)) and not self._group(m)
                    and not self._in_group_name(m, groups)]
        self._containers(doc.clean or doc.text, mentions)
        self._capital_pairs(doc.clean or doc.text, mentions)
        self._described(doc.clean or doc.text, mentions)
        mentions = self._resolve(mentions, self._group_countries(actors))
        # A surname the document also writes in full ("Rhonda Welch" ... "Welch said") is the person,
        # unless it resolves to a country, a state or a big city, or to a town placed by a comma.
        surnames = {e[-1].text for e in sdoc.ents if e.label_ == "PERSON" and len(e) > 1
                    and e[0].pos_ == "PROPN" and e[0].lower_ not in DIRECTIONS}
        mentions = [m for m in mentions if m.text not in surnames or m.demonym or m.container or m.addressed or (
            m.choice is not None and (m.choice.feature in AREAS or m.choice.population >= BIG_POP))]
        # A name the gazetteer lacks in a story about one town (a street, a neighbourhood, a park) most
        # likely lies in or near that town.
        home = _home(mentions)
        for m in mentions:
            if m.choice is None and not m.regional and not m.demonym:
                m.home = home
        stated = _stated_divisions(doc.clean or doc.text, mentions)
        doc.places.extend(self._place(m, stated.get(id(m))) for m in mentions)

    def _named_work(self, doc: Document, sdoc, m: Mention) -> None:
        """ "Kashirskoye highway", "the Erawan shrine": a name before a lowercase road or work noun names that
        road or work, and stands for a town only where one of its name is near (see `_local`)."""
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if m.cut is not None or m.demonym or span is None or span.end >= len(sdoc) \
                or not all(e.feature == "city" and e.population < BIG_POP for e in m.candidates):
            return  # "the Mississippi river bridge": the river; "the Kabul-Kandahar highway": the cities
        head = sdoc[span.end]
        if head.is_lower and head.lower_ in self.borrowed_heads:
            end = head.idx + len(head.text)
            m.cut = (m.start, end, doc.text[m.start:end])

    # -- finding mentions ---------------------------------------------------------------------
    def _mentions(self, doc: Document, sdoc) -> list[Mention]:
        letters = list(filter(str.isalpha, doc.text[:5000]))
        upper_ratio = sum(map(str.isupper, letters)) / max(len(letters), 1)
        mixed_case = 0.005 < upper_ratio < 0.5  # else MUC-style lowercase or all-caps text
        taken = [False] * len(sdoc)
        found: list[Mention] = self._county_lists(doc, sdoc, taken) if mixed_case else []
        for ent in sdoc.ents:
            if ent.label_ not in PLACE_LABELS and not (ent.label_ == "NORP" and mixed_case):
                continue
            toks = list(ent)
            # A name starts at a capital: "the", and "east" in "east Africa", are no part of it.
            while toks and (toks[0].lower_ in ARTICLES
                            or (mixed_case and ((toks[0].is_alpha and toks[0].is_lower) or toks[0].text == "-"))):
                toks = toks[1:]
            while toks and (toks[-1].is_punct or toks[-1].lower_ in ("'s", "’s")):
                toks = toks[:-1]
            if not toks or any(taken[t.i] for t in toks) or self._names_other(sdoc, toks):
                continue
            end = toks[-1].i + 1
            # "Guinea-Bissau", "Newfoundland and Labrador", "Rio Grande do Sul": spaCy often stops at
            # the hyphen, the "and" or the particle.
            if end + 1 < len(sdoc) and _capitalised(sdoc[end + 1]) and (
                    (_joiner(sdoc[end]) and not toks[-1].whitespace_) or sdoc[end].lower_ in NAME_PARTICLES):
                joined = sdoc[toks[0].i : end + 2]
                if self.gaz.entries(norm(joined.text)):
                    toks = list(joined)
            first, end = toks[0].i, toks[-1].i + 1
            label = ent.label_
            if label == "NORP":  # "French Guiana", "British Columbia": a demonym opening an area's name
                for j in range(min(len(sdoc), end + 2), end, -1):
                    known = self.gaz.entries(norm(sdoc[first:j].text))
                    if all(_capitalised(t) and not taken[t.i] for t in sdoc[end:j]) and any(
                            e.feature in ("country", "admin1", "region") for e in known):
                        toks, end, label = list(sdoc[first:j]), j, "GPE"
                        break
            # "near Goz Beida" with only "Beida" tagged: the gazetteer knows the longer name.
            if first > 0 and not taken[first - 1] and _capitalised(sdoc[first - 1]) and not toks[0].is_sent_start \
                    and sdoc[first - 1].ent_type_ in ("", ent.label_) and sdoc[first - 1].lower_ not in ARTICLES \
                    and self.gaz.entries(norm(sdoc[first - 1 : end].text)):
                toks = [sdoc[first - 1], *toks]
            if first > 1 and sdoc[first - 1].lower_ in NAME_PARTICLES and _capitalised(sdoc[first - 2]) \
                    and not taken[first - 2] and not toks[0].is_sent_start and any(
                        e.feature in AREAS for e in self._bare_entries(norm(sdoc[first - 2 : end].text))):
                toks = [sdoc[first - 2], sdoc[first - 1], *toks]  # "Sistan and Baluchestan province", "Sistan" a person's
            if first > 1 and sdoc[first - 1].lower_ in ("'s", "’s") and _capitalised(sdoc[first - 2]) \
                    and not taken[first - 2] and len(toks) == 1 and toks[0].lower_ in self.not_places:
                toks = [sdoc[first - 2], sdoc[first - 1], *toks]  # "Hawke's Bay": a name with its owner, not a bay
            # "Passo Fundo" with only "Passo" tagged: the town the gazetteer knows by the longer name.
            # "Padre Las Casas" split into two place entities: the town the gazetteer knows whole.
            if end < len(sdoc) and not taken[end] and _capitalised(toks[-1]) and _capitalised(sdoc[end]) \
                    and not sdoc[end].is_sent_start and sdoc[end].lower_ not in DESIGNATORS and (
                        not sdoc[end].ent_type_ or sdoc[end].ent_iob_ == "B" and sdoc[end].ent_type_ in PLACE_LABELS
                        and not self._known(norm(sdoc[toks[0].i : end].text))):
                key = norm(sdoc[toks[0].i : end + 1].text)  # "Tal Abyad" with "Tal" tagged: Tall Abyad
                if any(e.feature == "city" and norm(e.name) == key for e in self.gaz.entries(key)) or (
                        not self.gaz.entries(key) and self.gaz.skeletal(key)):
                    toks = [*toks, sdoc[end]]
            if self._prefix_only(sdoc, toks):
                continue
            toks = self._featured(sdoc, toks)
            whole = toks
            toks = self._narrow(sdoc, toks)
            text = doc.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
            after = toks[0].idx + len(text)
            if doc.text[after : after + 1] == "." and self.gaz.state(text + "."):
                text += "."  # a sentence-final "Tex." lost its dot to the tokenizer
            named = self.demonyms.get(norm(text))
            if label == "NORP" or (named and not self.gaz.entries(norm(text))):  # "Angolan" tagged GPE
                if named:
                    found.append(Mention(toks[0].idx, toks[0].idx + len(text), text, False, demonym=named))
                    for t in toks:
                        taken[t.i] = True
                continue
            if toks[0].i and sdoc[toks[0].i - 1].like_num and text.rstrip(".") in ("B.C", "BC"):
                continue  # an era ("500 B.C."), not British Columbia
            if ent.label_ == "FAC" and not self.gaz.lookup(text) and not self._street(text):
                continue  # buildings: kept only when the gazetteer knows them
            if not mixed_case and norm(text) in self.not_places:
                continue
            mention = Mention(toks[0].idx, toks[0].idx + len(text), text, True)
            _mark_cut(doc.text, mention, sdoc[whole[0].i : whole[-1].i + 1], sdoc[toks[0].i : toks[-1].i + 1])
            found.append(mention)
            for t in toks:
                taken[t.i] = True
        if mixed_case or upper_ratio >= 0.5:
            # In all-caps text every word looks like a name: only countries and states are sought.
            found.extend(self._scan(doc, sdoc, taken, strict=not mixed_case))
        if mixed_case:
            found.extend(self._elided(doc.text, found))
            found = self._addressed(doc, sdoc, found)
        found.sort(key=lambda m: m.start)
        return found

    @staticmethod
    def _addressed(doc: Document, sdoc, found: list[Mention]) -> list[Mention]:
        """GTD's "in Pusht Rod district, Farah province": the capitalised words before "district",
        "village", "town", "city", "upazila", "tehsil" or (before another name) "area" and a comma are a place's
        name, whatever spaCy made of them (a person, or "Ali" alone out of "Nad Ali"); so are those before such a
        word and "of" and a name ("Chauddagram upazila of Comilla"); the address places it (`_containers`)."""
        out = found
        for tok in sdoc:
            then = sdoc[tok.i + 2] if tok.i + 2 < len(sdoc) else None  # what the address goes on with
            if tok.text not in ADDRESS_WORDS and tok.text not in FIRST_ORDER or tok.i + 1 >= len(sdoc) \
                    or sdoc[tok.i + 1].text not in (",", "of") or tok.text in LOOSE_ADDRESS_WORDS and not (
                        then is not None and _capitalised(then)) or sdoc[tok.i + 1].text == "of" and not (
                        tok.text in ADDRESS_WORDS and then is not None and _capitalised(then)):
                continue
            first = tok.i
            while first > tok.i - 8 and first > 0 and not sdoc[first - 1].is_sent_start and (
                    _capitalised(sdoc[first - 1]) and sdoc[first - 1].lower_ not in ARTICLES
                    or first < tok.i and (_joiner(sdoc[first - 1]) or sdoc[first - 1].lower_ in EZAFE
                                          or _particle(sdoc[first - 1])
                                          or sdoc[first - 1].lower_ in PARTICLES and _capitalised(sdoc[first - 2]))):
                # "Qala-e-Naw city", "Saint-Etienne-du-Rouvray town", "San Vicente del Caguan municipality": hyphens,
                # the ezafe and particles inside the name
                first -= 1
            while first < tok.i and not _capitalised(sdoc[first]):
                first += 1
            if first == tok.i:
                continue
            start, end = sdoc[first].idx, sdoc[tok.i - 1].idx + len(sdoc[tok.i - 1].text)
            out = Places._placed_before(doc, sdoc, first, out)
            same = next((m for m in out if m.start == start and m.end == end), None)
            if tok.text not in ADDRESS_WORDS:
                continue  # "off Forcados, Delta state": a state's name is spaCy's to find, the one before it ours
            if same is not None:
                same.tagged = same.addressed = True  # the address confirms a name the scan found
                continue
            out = [m for m in out if m.end <= start or m.start >= end]
            out.append(Mention(start, end, doc.text[start:end], True, located=True, addressed=True))
        return out

    @staticmethod
    def _placed_before(doc: Document, sdoc, first: int, found: list[Mention]) -> list[Mention]:
        """GTD's "a base in Semuliki, Beni territory, North Kivu province": the capitalised words between a
        locative preposition and the comma before an address's first name (token `first`) name the place it
        locates, even where spaCy saw no name; a mention covering part of them stands."""
        k = first - 2
        if k < 1 or sdoc[first - 1].text != ",":
            return found
        j = k
        while j > max(0, k - MAX_WORDS) and _capitalised(sdoc[j]):
            j -= 1
        start, end = sdoc[j + 1].idx, sdoc[k].idx + len(sdoc[k].text)
        if j == k or sdoc[j].lower_ not in ADDRESS_PREPOSITIONS or any(m.start < end and start < m.end for m in found):
            return found
        return [*found, Mention(start, end, doc.text[start:end], True, located=True, addressed=True)]

    def _elided(self, text: str, found: list[Mention]) -> list[Mention]:
        """'Central and South America', 'North and South Dakota': the first direction word names
        the place its partner's name completes."""
        out = []
        at = {m.start: m for m in found}
        for m in found:
            first, _, rest = m.text.partition(" ")
            if not rest or first.lower() not in DIRECTIONS:
                continue
            before = text[max(0, m.start - 24) : m.start].split()
            if len(before) < 2 or before[-1] not in ("and", "or") or before[-2].lower() not in DIRECTIONS \
                    or not before[-2][:1].isupper():
                continue
            word = before[-2]
            start = text.rfind(word, 0, m.start)
            key = norm(f"{word} {rest}")
            if not self.gaz.entries(key):
                continue
            if start in at:  # the scan took the word alone ("East" in Cameroon)
                if at[start].end == start + len(word) and not at[start].demonym:
                    at[start].key = key
            else:
                out.append(Mention(start, start + len(word), word, m.tagged, key=key))
        return out

    def _known(self, key: str) -> bool:
        """Whether `_candidates` finds entries for the key (designators and directions aside)."""
        words = key.split()
        return bool(self.gaz.entries(key) or (len(key) >= SQUEEZE_MIN and self.gaz.skeletal(key))
                    or (len(words) > 1 and words[-1] in SUFFIXES and self.gaz.entries(" ".join(words[:-1])))
                    or (len(words) > 1 and words[0] in DIRECTIONS and self.gaz.entries(" ".join(words[1:]))))

    def _bare_entries(self, key: str) -> list[Entry]:
        """Entries under the key, or under it without a trailing designator ('sistan and baluchestan province')."""
        words = key.split()
        return self.gaz.entries(key) or (
            self.gaz.entries(" ".join(words[:-1])) if len(words) > 1 and words[-1] in DESIGNATORS else [])

    def _featured(self, sdoc, toks: list) -> list:
        """'the Musi river', 'the Qandil mountains': a name and the lowercase feature noun after it that
        the gazetteer knows together."""
        end = toks[-1].i + 1
        if end < len(sdoc) and sdoc[end].is_lower and sdoc[end].lower_ in self.gaz.feature_words \
                and self.gaz.entries(norm(sdoc[toks[0].i : end + 1].text)):
            return list(sdoc[toks[0].i : end + 1])
        return toks

    def _narrow(self, sdoc, toks: list) -> list:
        """A place entity the gazetteer does not know whole: the longer country or state name it
        starts ('Democratic Republic of the' + 'Congo'), else the name inside it ('Orange County
        Sanitation District', 'City of Santa Ana', 'Sumatra province'), else the entity as it is."""
        if self._known(norm(sdoc[toks[0].i : toks[-1].i + 1].text)):
            return toks
        first, end = toks[0].i, toks[-1].i + 1
        for j in range(min(len(sdoc), end + 3), end, -1):
            span = sdoc[first:j]
            if "\n" not in span.text and _capitalised(sdoc[j - 1]) and any(
                    e.feature in ("country", "admin1") for e in self.gaz.entries(norm(span.text))):
                return list(span)
        for size in range(len(toks) - 1, 0, -1):
            for a in range(len(toks) - size + 1):
                part = toks[a : a + size]
                if not (_capitalised(part[0]) and _capitalised(part[-1])) or part[0].lower_ in ARTICLES \
                        or (a and toks[a - 1].lower_ in self.name_prefixes) or self._names_other(sdoc, part):
                    # "Victoria Day"; "Resistencia" of "Puerto Resistencia" is no Argentine city
                    continue
                key = norm(sdoc[part[0].i : part[-1].i + 1].text)
                if key in self.not_places or key in DIRECTIONS or len(key) < 3:
                    continue
                entries = self.gaz.entries(key)
                primary = self._primary(key, entries)
                if any(e.feature in FIXED
                       or (e.id in primary and (e.feature == "admin2" or e.population >= CONFIRM_POP)) for e in entries):
                    return part
        return toks

    def _scan(self, doc: Document, sdoc, taken: list[bool], strict: bool) -> list[Mention]:
        """Longest gazetteer matches on capitalised runs no place entity covers."""
        out = []
        persons = {t.text for e in sdoc.ents if len(e) > 1 and self._person_name(e) for t in e}
        ent_of = {t.i: e for e in sdoc.ents for t in e}
        toks = list(sdoc)
        caps = [_capitalised(t) for t in toks]
        # Words the text capitalises mid-sentence too are names wherever they stand ("Esperance recorded").
        opening = _openings(sdoc)
        names = {t.text for t, c in zip(toks, caps) if c and t.i not in opening}
        i, n = 0, len(toks)
        while i < n:
            tok = toks[i]
            if taken[i] or not caps[i] or tok.ent_type_ not in SCAN_LABELS or tok.lower_ in ARTICLES:
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
            code = self._state_code(sdoc, i)
            if code:
                out.append(Mention(tok.idx, tok.idx + len(code), code, True))
                i += 1 + (code != tok.text)
                continue
            head = tok.text.split("-")[0]
            if "." in head and len(head) < len(tok.text) and any(
                    e.feature == "country" for e in self.gaz.entries(norm(head))):
                out.append(Mention(tok.idx, tok.idx + len(head), head, True))  # "U.S.-led", one token
                i += 1
                continue
            # "the American Farm Bureau", "the Sri Lankan army": demonyms inside names count too. A
            # one-word one spaCy calls a person may be a surname ("John French"); "Sri Lankan" is none.
            demonym = next((sdoc[i:j] for j in range(min(n, i + 3), i + 1, -1)
                            if all(caps[k] and not taken[k] for k in range(i + 1, j))
                            and norm(sdoc[i:j].text) in self.demonyms), None)
            if demonym is None and tok.ent_type_ != "PERSON" and norm(tok.text) in self.demonyms:
                demonym = sdoc[i : i + 1]
            if demonym is not None:
                end = demonym[-1].idx + len(demonym[-1].text)
                out.append(Mention(tok.idx, end, doc.text[tok.idx : end], False,
                                   demonym=self.demonyms[norm(demonym.text)]))
                i = demonym.end
                continue
            # The run of name-like tokens from i: capitalised words, connectors ("of"), split-off
            # hyphens and dots, a possessive ("People's Republic of China").
            end = i + 1
            while end < min(n, i + SCAN_TOKENS) and not taken[end] and (
                    caps[end] or toks[end].lower_ in CONNECTORS or toks[end].lower_ in ("'s", "’s")
                    or _elided_article(toks[end]) or _joiner(toks[end])):
                end += 1
            hit = None
            featured = self._featured(sdoc, list(sdoc[i:end]))
            if len(featured) > end - i and not self._names_other(sdoc, featured):
                hit = sdoc[i : end + 1]
            elif self._generic_division(sdoc[i:end]):
                hit = sdoc[i : end + 1]  # "Southern governorate": no place as a word alone, a division with the word
            for j in range(end if hit is None else i, i, -1):
                if not caps[j - 1] and not _elided_article(toks[j - 1]):
                    continue
                span = sdoc[i:j]
                if "\n" in span.text or self._names_other(sdoc, span):
                    continue
                if self._acceptable(span, persons, ent_of.get(i), names, opening):
                    hit = span
                    break
            if hit is None or self._prefix_only(sdoc, hit):
                # "Puerto Resistencia", unknown whole: neither "Puerto" nor "Resistencia" alone
                i = end if self._prefix_only(sdoc, sdoc[i : i + 1]) else i + 1
                continue
            ent = ent_of.get(i)
            if ent is not None and ent.label_ == "ORG" and ent.start < i and \
                    toks[i - 1].lower_ in self.work_words \
                    and not self._known(norm(sdoc[i - 1 : hit.end].text)):
                i = hit.end  # "the Estadio Akron", "Hotel Sheraton": a name the work bears, not a town's
                continue
            start = hit[0].idx
            # "the mountains of Poso regency": a name its division word follows is a place's
            located = (i > 0 and sdoc[i - 1].lower_ in LOCATIVE) or _dateline(hit) or (
                hit.end < n and toks[hit.end].is_lower and toks[hit.end].lower_ in DIVISION_DESIGNATORS) or (
                i > 1 and sdoc[i - 1].lower_ == "of" and sdoc[i - 2].lower_ in self.place_of_heads)
            # "Oxford Police" is the town's; "Planalto Palace", like a bridge or a river, may bear a name from elsewhere
            modifier = ent is not None and hit.end <= ent.root.i and not (
                ent.root.lower_ in self.borrowed_heads and ent.root.lower_ not in self.street_heads)
            mention = Mention(start, start + len(hit.text), doc.text[start : start + len(hit.text)], False,
                              located=located, modifier=modifier,
                              inside_org=ent is not None and ent.label_ == "ORG" and not modifier)
            if ent is not None and ent.label_ in PLACE_LABELS:  # "Rod" of a "Rod Laver Arena" the gazetteer lacks
                _mark_cut(doc.text, mention, ent, hit)
            out.append(mention)
            i = hit.end
        return out

    def _generic_division(self, span) -> bool:
        """'Southern governorate', 'Northern province': a common word (a direction) that names a division
        only with the lowercase designator after it."""
        doc, end = span.doc, span.end
        return end < len(doc) and doc[end].lower_ in DIVISION_DESIGNATORS and doc[end].is_lower \
            and not (span.start and _joiner(doc[span.start - 1])) \
            and (norm(span.text) in self.not_places or norm(span.text) in DIRECTIONS) \
            and any(e.feature in ("admin1", "admin2") for e in self._bare_entries(norm(doc[span.start : end + 1].text)))

    def _prefix_only(self, sdoc, toks) -> bool:
        """'Abu' of 'Abu Salim', 'Tal' of an unknown 'Tal Hamis': the opening word of a longer name alone."""
        end = toks[-1].i + 1
        return len(toks) == 1 and toks[0].lower_ in self.name_prefixes and end < len(sdoc) \
            and _capitalised(sdoc[end]) and not sdoc[end].is_sent_start

    def _person_name(self, ent) -> bool:
        """A PERSON entity that reads as a name: capitalised words and particles ('Saheb al-Zaman'),
        none of them a facility's ('Randwick Racecourse') or a common word ('Sri Lanka - approximately')."""
        return ent.label_ == "PERSON" and all(
            (_capitalised(t) or t.lower_ in CONNECTORS) and t.lower_ not in self.facility_words
            for t in ent if any(c.isalpha() for c in t.text))

    def _names_other(self, sdoc, toks) -> bool:
        """'West Nile virus', 'Lyme disease': the name modifies a noun that is no place. A country
        stays one ('the United States flu season')."""
        after = toks[-1].i + 1
        return after < len(sdoc) and sdoc[after].lower_ in self.non_place_heads and not any(
            e.feature == "country" for e in self.gaz.entries(norm(sdoc[toks[0].i : after].text)))

    def _county_lists(self, doc: Document, sdoc, taken: list[bool]) -> list[Mention]:
        """'Clarke, Madison and Oconee counties': each name is a county of that name. A lone state
        before the word ('Indiana counties') names the state whose counties they are."""
        out = []
        lowered = doc.text.lower()
        if not any(word in lowered for word in PLURAL_DESIGNATORS):
            return out
        for tok in sdoc:
            designator = PLURAL_DESIGNATORS.get(tok.lower_)
            if designator is None or tok.i == 0:
                continue
            i = tok.i - 1
            names = []
            while i >= 0 and (_capitalised(sdoc[i]) or sdoc[i].text == "," or sdoc[i].lower_ in ("and", "or")):
                t = sdoc[i]
                if _capitalised(t) and not taken[i] and self.gaz.entries(norm(f"{t.text} {designator}")):
                    names.append(t)
                i -= 1
            if len(names) == 1 and any(e.feature in AREAS for e in self.gaz.entries(norm(names[0].text))):
                continue
            for t in names:
                out.append(Mention(t.idx, t.idx + len(t.text), t.text, True, key=norm(f"{t.text} {designator}")))
                taken[t.i] = True
        return out

    def _state_code(self, sdoc, i: int) -> str | None:
        """A state abbreviation, as written: 'Alexandria, La.', 'Gainesville, GA', 'D-S.C.', 'the N.Y. police',
        'KINGSTON, Ont.' (its dot split off by the tokenizer). One-dot forms ('Miss.', 'Ind.') and postal codes
        count only after a place and a comma."""
        tok = sdoc[i]
        code = tok.text
        if i + 1 < len(sdoc) and sdoc[i + 1].text == "." and not tok.whitespace_ and "." not in code:
            code += "."
        if not ("." in code or (len(code) == 2 and tok.is_upper)) or self.gaz.state(code) is None:
            return None
        if (code.count(".") >= 2 or (i >= 1 and sdoc[i - 1].text == "-")) and self.gaz.state(code).country_code == "US":
            return code  # a province's 'B.C.' may be an era: only after a town
        return code if i >= 2 and sdoc[i - 1].text == "," and _capitalised(sdoc[i - 2]) else None

    def _acceptable(self, span, persons: set[str], ent, names: set[str], opening: set[int]) -> bool:
        """Whether a capitalised run (inside entity `ent`, if any) names a place."""
        key = norm(span.text)
        if not key:
            return False
        entries = self.gaz.entries(key)
        located = span.start > 0 and span.doc[span.start - 1].lower_ in LOCATIVE  # "in Birgunj" (Birgañj)
        located = located or self._town_site(span)
        if not entries and located and len(key) >= SQUEEZE_MIN:
            # "near Tal Tamr" (Tall Tamr): another spelling, kept where the document names its country;
            # "in Mandibahauddin": a two-word name run together
            return (len(span) > 1 and bool(self.gaz.skeletal(key))) or bool(self.gaz.joined(key))
        if not entries:
            return False
        if key in self.not_places:
            # "from Reading", "near Hamilton": after a locative preposition a big town is meant.
            after = span.end < len(span.doc) and span.doc[span.end].text[:1].isupper()
            if not (span.start > 0 and span.doc[span.start - 1].lower_ in LOCATIVE and not after
                    and any(e.population >= BIG_POP for e in entries)):
                return False
        first = span[0]
        # "LYON, France" is a dateline, not an acronym
        acronym = first.is_upper and len(first.text) <= 4 and "." not in span.text and not _dateline(span)
        if len(span) == 1 and len(first.text) < 3 and not (
                acronym and any(e.feature in ("country", "region") for e in entries)):
            return False  # but "US" and "EU" name places
        # Through a main name, an alias of a country or state ("Hamas" is an alias of Hamm), or a
        # name of several words for a sizeable town ("Beni Suef" for Banī Suwayf).
        primary = self._primary(key, entries)
        entries = [e for e in entries if e.id in primary or e.feature in FIXED
                   or ((len(span) > 1 or located) and e.population >= CONFIRM_POP)]
        if not entries:
            return False
        ent_label = first.ent_type_
        if ent_label == "PERSON":
            # A person's full name ("Paris Hilton") is no place; a lone token spaCy calls a
            # person is a town ("Gainesville") unless the document uses it inside a person's name.
            # ("Anderson County Sheriff Greg Taylor" is tagged a person whole; "Sri Lanka - approximately"
            # and "Randwick Racecourse" are no person's names.)
            if ent is not None and len(ent) > len(span) and not any(e.feature == "admin2" for e in entries) \
                    and self._person_name(ent):
                return False
            if span.text in persons:
                return any(e.feature in ("country", "admin1") for e in entries)
        if acronym:
            return any(e.feature in ("country", "admin1", "region") for e in entries)  # acronyms (FBI) unless DRC
        if first.i in opening and len(span) == 1 and not ent_label and not _dateline(span) and first.text not in names:
            return any(e.feature in ("country", "admin1") or e.population >= BIG_POP for e in entries)
        return True

    def _town_site(self, span) -> bool:
        """'at the Torkham border crossing': a name between a locative and its article and a lowercase
        crossing or post noun names the town the post stands at, as a name right after 'at' would."""
        doc, i = span.doc, span.start
        return i > 1 and doc[i - 1].lower_ in ARTICLES and doc[i - 2].lower_ in LOCATIVE and span.end < len(doc) \
            and doc[span.end].is_lower and doc[span.end].lower_ in self.town_site_heads

    # -- candidates -----------------------------------------------------------------------------
    @staticmethod
    def _primary(name: str, entries: list[Entry]) -> set[int]:
        """Ids of the entries whose main name (not an alias) is `name`."""
        key = norm(name)
        return {e.id for e in entries if norm(e.name) == key}

    def _candidates(self, m: Mention) -> None:
        if m.demonym:
            m.candidates = [m.demonym]
            return
        key = m.key or norm(m.text)
        entries = self.gaz.entries(key)
        state = self.gaz.state(m.text) if "." in m.text or (len(m.text) == 2 and m.text.isupper()) else None
        if state is not None and not any(e.feature in ("country", "admin1") for e in entries):
            entries = [state]  # "La.", "W. Va.", a postal code after a comma
        words = key.split()
        if not entries and len(words) > 1 and words[-1] in SUFFIXES:
            key = " ".join(words[:-1])
            entries = self.gaz.entries(key)
            if words[-1] in DIVISION_DESIGNATORS:
                entries = [e for e in entries if e.feature in ("admin1", "admin2")] or entries
        if not entries and len(words) > 1 and words[0] in DIRECTIONS:
            key = " ".join(words[1:])  # "North Texas", "Northeast Georgia": a part of the place
            entries = [e for e in self.gaz.entries(key) if e.feature != "city" or e.population >= BIG_POP]
        if not entries and len(key) >= SQUEEZE_MIN:  # "Lower Shabelle" for "Lower Shabeelle" (divisions only)
            entries = self.gaz.squeezed(key)
        if not entries and len(key) >= SQUEEZE_MIN:  # "Chapainawabganj" for "Chapai Nawabganj"
            entries = self.gaz.joined(key)
        if not entries and len(key) >= SQUEEZE_MIN:  # "Tal Tamer" for "Tall Tamr"
            entries = self.gaz.skeletal(key)
            m.skeletal = bool(entries)
        entries = [e for e in entries if e.lat is not None] or entries  # pointless namesakes last resort
        m.key = key
        m.primary = self._primary(key, entries)
        if not (len(words) > 1 and words[-1] in DESIGNATORS - SETTLED):
            # Outside the US a city and its province or district share a name (Kerman, Baghdad, Dhaka):
            # news means the city, save where provinces are named bare ("in Quebec": Canada's province). A
            # national capital outranks a state of its name too ("Washington"). A spelling that is the main name of
            # neither ("Idleb" for GeoNames' Idlib) means the city just as well.
            cities = {(e.country_code, e.admin1_code) for e in entries
                      if e.feature == "city" and (e.id in m.primary or not m.primary)}
            capitals = {e.country_code for e in self._capitals(m, entries)}
            entries = [e for e in entries if not (
                (e.feature == "admin1" and e.country_code in capitals)
                or (e.feature in ("admin1", "admin2") and e.country_code != "US"
                    and (e.country_code, e.admin1_code) in cities
                    and not (e.feature == "admin1" and e.country_code in self.bare_provinces)))]
        m.candidates = entries[:40]

    def _containers(self, text: str, mentions: list[Mention]) -> None:
        """'Paris, Texas' / 'Alexandria, La.': the second name contains the first, unless both are
        items of a list of countries or states ('Utah, Washington, West Virginia and Wyoming'), where
        each likely names the area. 'Washington state' and 'the state of Washington' name the state."""
        listed = self._area_lists(text, mentions)
        self._designations(text, mentions, listed)
        for i, (a, b) in enumerate(zip(mentions, mentions[1:])):
            gap = text[a.end : b.start]
            if _settled(gap) and any(e.feature in AREAS or e.feature == "admin2"
                                     or (e.feature == "city" and not a.candidates) for e in b.candidates):
                # GTD-style "Hillah city, Babil governorate"; a namesake outside it is not meant ("Waza town,
                # Far North region": the region's point stands in for a town the gazetteer lacks there; "Kofa
                # village, Konduga local government area": the town's point)
                a.container, b.holds, a.regional = b, a, True
            elif gap.strip() == "," and len(gap) <= 3 and not (listed[i] and listed[i + 1]):
                # A country lies in no other area: "China, Japan" is a list.
                if any(e.feature in AREAS for e in b.candidates) and not any(
                        e.feature == "country" and e.id in a.primary for e in a.candidates):
                    a.container, b.holds = b, a
                elif not a.demonym and not any(e.feature in FIXED for e in a.candidates) and any(
                        _within(e, h) for e in a.candidates for h in b.candidates if _held_region(h)):
                    # "Bara, Khyber Agency": a region of one country holds its towns near its point, so a namesake
                    # elsewhere is not meant (a list of regions is no address)
                    a.container, b.holds, a.regional = b, a, True
                else:
                    self._own_province(a, b)
            elif _placed_in(gap) and not (a.demonym or b.demonym) and any(e.feature in AREAS for e in b.candidates) \
                    and text[b.end : b.end + 2] not in ("'s", "’s") and self._placed_there(a, b, gap):
                # "a flight from Victoria, in the Seychelles", "Bole, in the Savannah Region": the area holds the town,
                # and a namesake outside it is not meant (the area's point stands in for a town the gazetteer lacks)
                a.container, b.holds, a.regional = b, a, True
            elif _designated(gap) and not (a.demonym or b.demonym) and self._named_province(a, b):
                pass  # "Mayo district, Pattani": Pattani province's Mayo, not Ireland's County Mayo
            elif _designated(gap) and any(e.feature in AREAS or _held_region(e) for e in b.candidates) and not (
                    any(e.feature in ("admin1", "admin2") for e in a.candidates)
                    and not {e.country_code for e in a.candidates} & {e.country_code for e in b.candidates}
                    and not self._country_follows(text, mentions, i + 1)):
                # (not when the first name is a division of another country: "Ituri district, Orientale
                # province" is no Moroccan L'Oriental's; unless the country written after the second agrees with
                # it: "Mayo district, Pattani province, Thailand" is no Irish county)
                # "Dantewada district, Chhattisgarh": the district (admin2) if the gazetteer has it
                a.container, b.holds, a.regional = b, a, True
                a.candidates = [e for e in a.candidates if e.feature == "admin2"] or a.candidates
            if gap.strip() == "near" and len(a.candidates) > 1 and b.candidates:
                # "El Palmar near Murcia": the namesake near one of the other name's
                near = [e for e in a.candidates if any(distance_km(e, c) <= CHAIN_KM for c in b.candidates[:10])]
                a.candidates = near or a.candidates
            # a region beyond countries has no point to be near; one inside a country (Khyber Agency) has
            wholes = [c for c in b.candidates[:10] if c.feature != "region" or c.country_code]
            if _part_of(gap) and a.candidates and wholes and not a.demonym and a.container is None:
                # "Gulshan diplomatic zone of Dhaka": the part lies in the whole, so a namesake outside it
                # is not meant, and with none inside, the part takes the whole's point.
                near = [e for e in a.candidates if any(_lies_in(e, c) for c in wholes)]
                if near and not _quarter(text, a, b, near):
                    a.candidates = near
                else:
                    a.candidates, a.container, b.holds, a.regional = [], b, a, True
            if (a.container is None or a.container is b and not a.regional) and _abroad_before_city(text, a, b, gap):
                a.candidates, a.container, b.holds, a.regional = [], b, a, True
            if (not a.candidates or a.skeletal) and not a.demonym and b.candidates and (
                    (gap.strip() == "," and len(gap) <= 3) or _part_of(gap)):
                # A name the gazetteer lacks, placed in one it knows ("Greenlane, Auckland", "the
                # Adhamiyah district of Baghdad"): it takes that place's point.
                a.container, b.holds, a.regional = b, a, True
        for i, (a, b) in enumerate(zip(mentions, mentions[1:])):
            gap = text[a.end : b.start]
            if not a.candidates and a.container is None and not a.demonym and _unknown_division(gap) and any(
                    e.feature in AREAS for e in b.candidates):
                # "Koshobe village, Jere local government area, Borno state": a division the gazetteer lacks
                # between the town and its state; the state's point stands in
                a.container, b.holds, a.regional = b, a, True
            if a.container is None and not a.demonym:
                self._addressed_in(text, mentions, i)
            elif a.container is b and not a.regional and a.candidates and gap.strip() == "," \
                    and _designation(b, text)[1] in AREA_DESIGNATORS | FIRST_ORDER and not any(
                        e.feature in AREAS and e.id in a.primary for e in a.candidates) and not any(
                        _within(e, h) for e in a.candidates for h in b.candidates if h.feature in AREAS):
                # "Meme, Far North region": a division written as such holds the town; a namesake abroad (Même,
                # Ivory Coast) is not meant, and with none inside, the division's point stands in
                a.regional = True
            if (gap.strip() == "," and len(gap) <= 3 or _settled(gap)) and a.container is None and not a.demonym \
                    and b.regional and b.container is not None and _designated(text[b.end : b.container.start]):
                # GTD-style "Baga, Kukawa district, Borno state", "Xitaxi village, Muidumbe district, Cabo Delgado
                # province": the town lies in the state too, near its district.
                a.container, a.regional, a.chain = b.container, True, [b]

    def _named_province(self, a: Mention, b: Mention) -> bool:
        """ "Mayo district, Pattani": a state of b's main name that its town of the name had hidden holds a namesake
        of a, where none of a's candidates lies in it; then a is that namesake and b the state (True)."""
        states = [e for e in self.gaz.entries(b.key) if e.feature == "admin1" and norm(e.name) == b.key]
        if not states or any(_within(e, h) for e in a.candidates for h in states):
            return False
        inside = [e for e in self.gaz.entries(norm(_bare(a.text))) if any(_within(e, h) for h in states)]
        if inside:
            a.candidates, b.candidates = inside, states
            a.container, b.holds, a.regional = b, a, True
        return bool(inside)

    def _own_province(self, a: Mention, b: Mention) -> None:
        """ "Rueso, Narathiwat": a town, then the name of the state it lies in, whose town of the name had hidden
        the state: b is the state, and a its namesake there. Not after a big city of b's own name ("Motijheel, Dhaka"),
        whose quarters are so addressed."""
        if any(e.feature == "city" and e.population >= BIG_POP and e.id in b.primary for e in b.candidates):
            return
        states = [e for e in self.gaz.entries(b.key) if e.feature == "admin1" and norm(e.name) == b.key]
        inside = [e for e in a.candidates if e.feature not in AREAS and any(_within(e, h) for h in states)]
        if inside:
            a.candidates, b.candidates = inside, states
            a.container, b.holds = b, a

    @staticmethod
    def _addressed_in(text: str, mentions: list[Mention], i: int) -> None:
        """GTD's "near Madi, Chitwan district, Central region, Nepal", "near Tintay Puncu, Tayacaja province,
        Huancavelica region, Peru": the first name of an address whose inner divisions the gazetteer lacks lies in
        the first area the address names that resolves, near its last town (`chain`). A namesake outside that
        area is not meant: a cut name ("Tintay" of "Tintay Puncu") takes its whole name back, and with no
        namesake inside, the place takes the point of the chain's town or the area."""
        a, lettered, j = mentions[i], False, i + 1
        if any(e.feature in AREAS and e.id in a.primary for e in a.candidates):
            return
        while j < len(mentions):
            gap = text[a.cut[1] if j == i + 1 and a.cut else mentions[j - 1].end : mentions[j].start]
            if mentions[j].demonym or not _address_run(gap):
                return
            lettered = lettered or bool(gap.replace(",", "").strip()) or (
                j > i + 1 and _designation(mentions[j - 1], text)[1] != "")  # "Inata, Soum province, Sahel region"
            if any(e.feature in AREAS for e in mentions[j].candidates):
                break
            j += 1
        else:
            return
        if a.candidates and not lettered:
            return  # "Oslo, Stockholm, Sweden" is a list
        area = mentions[j]
        areas = [e for e in area.candidates if e.feature in AREAS]
        if a.cut is not None and not any(_within(e, h) for e in a.candidates for h in areas):
            (a.start, a.end, a.text), a.cut = a.cut, None
            a.candidates, a.key = [], norm(a.text)
        a.container, a.regional, a.chain = area, True, [m for m in mentions[i + 1 : j] if m.candidates]

    @staticmethod
    def _placed_there(a: Mention, b: Mention, gap: str) -> bool:
        """Whether 'a in b' places a in the area b: a namesake of a lies there, or a has none, or, set off by a
        comma ('Bole, in the Savannah Region'), a names no area itself ('Michigan, in Utah', 'Africa in Morocco')."""
        areas = [h for h in b.candidates if h.feature in AREAS]
        if not a.candidates or any(_within(e, h) for e in a.candidates for h in areas):
            return True
        return gap.lstrip().startswith(",") and not any(
            e.feature in ("country", "admin1", "region") and e.id in a.primary for e in a.candidates)

    @staticmethod
    def _country_follows(text: str, mentions: list[Mention], k: int) -> bool:
        """Whether a country one of mention k's namesakes lies in follows it after a comma."""
        if k + 1 >= len(mentions) or _address_link(text[mentions[k].end : mentions[k + 1].start]) is None:
            return False
        ccs = {e.country_code for e in mentions[k].candidates}
        return any(e.feature == "country" and e.country_code in ccs for e in mentions[k + 1].candidates)

    def _designations(self, text: str, mentions: list[Mention], listed: list[bool]) -> None:
        """What the word after a name says it is: "Washington state", "Kirkuk governorate" (the division),
        "Bali town" (a town, not Indonesia's province); items of a list of areas may be areas."""
        for i, m in enumerate(mentions):
            after = text[m.end : m.end + 14].split(maxsplit=1)
            if after and after[0].rstrip(".,;") in HAMLETS or text[max(0, m.start - 11) : m.start].lower() in (
                    "village of ", "hamlet of "):
                # "Atali village of Ballabhgarh": no city of a hundred thousand, whatever it is also called
                m.candidates = [e for e in m.candidates if e.feature == "city" and e.population < BIG_POP]
            if text[m.end : m.end + 6] == " state" or text[max(0, m.start - 9) : m.start] == "state of ":
                m.candidates = self._areas(m) or m.candidates
            elif after and after[0].rstrip(".,;") in DIVISION_DESIGNATORS and text[m.end : m.end + 1] == " ":
                # "Kirkuk governorate", "Tillaberi region": the division, even where its town was preferred
                # (and a sense of its own: "Kirkuk city, Kirkuk governorate" names two places); but "the
                # Charlotte region" is a city's, not a parish abroad a hundredth its size.
                entries = self.gaz.entries(m.key)
                if after[0].rstrip(".,;") == "region" and any(e.feature == "region" for e in m.candidates):
                    continue  # "the Kurdistan region": the region the name means
                town = max((e.population for e in entries if e.feature == "city"), default=0)
                divisions = [e for e in entries
                             if e.feature in ("admin1", "admin2") and e.population * WORLD_RATIO >= town]
                if divisions:
                    m.candidates, m.key = divisions, f"{m.key} {after[0].rstrip('.,;')}"
                    prev = mentions[i - 1] if i else None
                    if prev is not None and not prev.demonym and any(e.feature == "admin1" for e in divisions) and (
                            prev.container is m or (prev.container is None and len(text[prev.end : m.start]) <= 3
                                                    and text[prev.end : m.start].strip() == ",")):
                        # "Pisky, Donetsk oblast": the town lies in the division; no namesake elsewhere is meant
                        prev.container, m.holds, prev.regional = m, prev, True
            elif after and after[0].endswith(",") and after[0][:-1] in SETTLED and text[m.end : m.end + 1] == " ":
                # An address's "Bali town, Northwest region": a town, not Indonesia's province; "Cotabato city,":
                # the city the gazetteer knows by the longer name, not its namesake province ("U.S. city
                # initiatives" are no town's)
                towns = [e for e in m.candidates if e.feature == "city"] or [
                    e for e in self.gaz.entries(f"{m.key} {after[0][:-1]}") if e.feature == "city"]
                m.candidates = towns or m.candidates
            elif listed[i]:
                m.listed = True
                hidden = [e for e in self._areas(m) if e not in m.candidates]
                m.candidates = m.candidates + hidden
                m.primary |= {e.id for e in hidden}

    def _brackets(self, doc: Document, sdoc, mentions: list[Mention]) -> list[Mention]:
        """ACLED-style 'Village (Admin1)' / 'Town (Admin2, Admin1)' / '(Town, Admin2, Admin1)': the
        bracket's last name is a state (or a country, or a province such as Burkina Faso's Yagha), and
        the names before it (found here even if spaCy missed them or the gazetteer does not know them)
        lie inside it. The first name, if unknown there, takes the point of the most specific name of
        the bracket that resolves."""
        text = doc.clean or doc.text  # what spaCy parsed (`sdoc.text` would rebuild it token by token)
        at = text.find("(")
        while at != -1:  # found in the text: walking every token of a long story costs more than the rest
            span, at = sdoc.char_span(at, at + 1), text.find("(", at + 1)
            if span is None or span[0].text != "(" or span.start == 0:
                continue
            tok = span[0]
            items = _bracket_items(sdoc, tok.i, self._whole_division)
            if not items:
                continue
            head = _bracket_head(sdoc, tok.i)
            if head is None:
                continue
            if head.start > 1 and sdoc[head.start - 1].lower_ in ("'s", "’s") and _capitalised(sdoc[head.start - 2]) \
                    and self.gaz.entries(norm(sdoc[head.start - 2 : head.end].text)):
                head = sdoc[head.start - 2 : head.end]  # "Cox's Bazar (Chittagong)": a name with its owner, known whole
            held = self.gaz.entries(norm(head.text)) or self.gaz.squeezed(norm(head.text))
            # a head its settlement word calls a part ("the Uri sector (Baramulla)") lies in a bracket's lone town too
            address = len(items) > 1 or head[-1].lower_ in SETTLEMENT_WORDS
            areas = self._bracket_area(norm(items[-1].text), address, held)
            # a name spaCy took for a person's is a town when the bracket's state has one of its spelling
            # ("Tal Rifaat (Azaz, Aleppo)": GeoNames' Tall Rif'at), unlike "Sen. John Cornyn (Texas)"
            if not areas or head[0].pos_ == "PRON" or (self._person(head) and not any(
                    self.gaz.respelled(norm(head.text), a.country_code, a.admin1_code)
                    for a in areas if a.feature == "admin1")):
                continue
            parts = [self._mention_at(doc, mentions, span) for span in (head, *items)]
            region = parts[-1]
            region.candidates, region.key, region.primary = areas, norm(region.text), self._primary(region.text, areas)
            for inner in parts[:-1]:
                inner.container, inner.regional, inner.bracketed = region, True, True
            region.holds = parts[0]
            parts[0].chain = parts[1:-1]
        mentions.sort(key=lambda m: m.start)
        return mentions

    def _whole_division(self, name: str, bare: str) -> bool:
        """Whether `name` ('Federal District') is a country or state that `bare` ('Federal') is not, or the
        main name of a place with its designator ('Cape Town')."""
        key = norm(name)
        if any(norm(e.name) == key for e in self.gaz.entries(key)):
            return True
        areas = {e.id for e in self.gaz.entries(key) if e.feature in AREAS}
        return bool(areas - {e.id for e in self.gaz.entries(norm(bare)) if e.feature in AREAS})

    def _bracket_area(self, key: str, address: bool, held: list[Entry]) -> list[Entry]:
        """What the last name of a bracket may be: a state or a country, else a province (admin2), else,
        ending an address of several names, a town standing for its area ("(Ainkawa, Erbil)"). ACLED's
        halves of a state ("Shan-North") are the state. A town of the name near a place the bracket
        follows (`held`: its namesakes) outranks a state of the name that holds none of them: "Khan
        Younis (Gaza)" is Gaza City's neighbour, not a village in Mozambique's Gaza province."""
        words = key.split()
        if len(words) > 1 and words[-1] in DIRECTIONS and not self.gaz.entries(key):
            key = " ".join(words[:-1])
        entries = self.gaz.entries(key) or self.gaz.squeezed(key) or [  # "(Jawzjan)": GeoNames' Jowzjan
            e for e in self.gaz.skeletal(key) if e.feature in ("admin1", "admin2")]
        # A state spelled like its capital ("(Misrata)": GeoNames' Misratah city and Misratah state) is found squeezed;
        # a big town alone in the bracket of a name the gazetteer lacks stands for its area ("Amadiya (Duhok)").
        areas = ([e for e in entries if e.feature in AREAS] or [e for e in entries if e.feature == "admin2"]
                 or [e for e in (self.gaz.squeezed(key) if len(key) >= SQUEEZE_MIN else ()) if e.feature in AREAS]
                 or [e for e in entries if (address and e.population >= CONFIRM_POP or not held
                                            and e.population >= BIG_POP) and e.feature == "city"][:1])
        if held and not any(_within(h, a) for h in held for a in areas):
            return [e for e in entries if e.feature == "city" and any(_within(h, e) for h in held)][:1] or areas
        return areas

    def _person(self, head) -> bool:
        """'Sen. John Cornyn (Texas)': a person's name the gazetteer does not know, with no
        preposition, designator or place noun ('the town of Kolofata') to say it is a place."""
        if not any(t.ent_type_ == "PERSON" for t in head) or self._known(norm(head.text)):
            return False
        doc, i = head.doc, head.start
        before = doc[i - 1].lower_ if i > 0 else ""
        placed = before == "of" and i > 1 and doc[i - 2].lower_ in self.place_of_heads
        return before not in LOCATIVE and not placed and head[-1].lower_ not in SETTLEMENT_WORDS

    def _mention_at(self, doc: Document, mentions: list[Mention], span) -> Mention:
        """The mention covering exactly `span`, made (with its candidates) in place of any it overlaps."""
        start, end = span[0].idx, span[-1].idx + len(span[-1].text)
        for m in mentions:
            if (m.start, m.end) == (start, end):
                if not m.tagged:  # a word the scan found: the bracket confirms all its senses
                    m.tagged = True
                    self._candidates(m)
                return m
        mentions[:] = [m for m in mentions if m.end <= start or m.start >= end]
        m = Mention(start, end, doc.text[start:end], True, located=True)
        self._candidates(m)
        mentions.append(m)
        return m

    def _areas(self, m: Mention) -> list[Entry]:
        """The countries and states among the mention's candidates that it is the main name of,
        or the state `_candidates` set aside for a capital of its name (Washington state)."""
        areas = [e for e in m.candidates if e.feature in AREAS and e.id in m.primary]
        capitals = {e.country_code for e in m.candidates if e.id in self.gaz.capitals}
        return areas or [e for e in self.gaz.entries(m.key)
                         if e.feature == "admin1" and e.country_code in capitals and norm(e.name) == m.key]

    def _capitals(self, m: Mention, entries: list[Entry] | None = None) -> list[Entry]:
        """The national capitals among a mention's candidates (or `entries`) that it names by their main name."""
        pool = m.candidates if entries is None else entries
        return [e for e in pool if e.id in self.gaz.capitals and e.id in m.primary]

    def _capital_pairs(self, text: str, mentions: list[Mention]) -> None:
        """'London and Washington agreed a deal': a name joined to a national capital is the capital of
        its name too, whatever town of that name the other names' country has."""
        capitals = [self._capitals(m) for m in mentions]
        for i, (a, b) in enumerate(zip(mentions, mentions[1:])):
            gap = text[a.end : b.start].strip()
            if capitals[i] and capitals[i + 1] and gap in ("and", "or") and not (a.container or b.container or b.holds):
                a.candidates, b.candidates = capitals[i], capitals[i + 1]

    def _described(self, text: str, mentions: list[Mention]) -> None:
        """'Toronto and Vancouver, the Canadian host cities', 'Eldoret and Kitale, both Kenyan towns': a
        description in apposition whose demonym names a country or state places every name of the list
        before it there, whatever namesakes the story's other places pull towards."""
        for k, d in enumerate(mentions):
            area = d.demonym
            if k == 0 or area is None or area.feature not in AREAS or not self._describes(text, d):
                continue
            gap = text[mentions[k - 1].end : d.start].split(",")
            if len(gap) != 2 or gap[0].strip() or gap[1].split() not in APPOSITION_OPENERS:
                continue
            j = k - 1
            while j > 0 and not mentions[j - 1].demonym and _joins(text[mentions[j - 1].end : mentions[j].start]):
                j -= 1
            for m in mentions[j:k]:
                inside = [e for e in m.candidates if _lies_in(e, area)]
                if inside and not m.demonym:
                    m.candidates = inside

    def _describes(self, text: str, d: Mention) -> bool:
        """Whether lowercase words after a demonym end in a place noun: 'Canadian host cities', not
        'Canadian and British capitals' nor 'the Canadian Prime Minister'."""
        for word in text[d.end : d.end + 40].split()[:3]:
            bare = word.rstrip(".,;:")
            if not bare.isalpha() or not bare.islower() or bare in ("and", "or"):
                return False
            if _singular(bare) in self.apposition_nouns:
                return True
            if bare != word:
                return False
        return False

    def _area_lists(self, text: str, mentions: list[Mention]) -> list[bool]:
        """Per mention, whether it is an item in a list of areas: three or more, or two joined by
        'and'/'or' ('Washington, Pennsylvania and California'; not 'Washington, Pennsylvania'). Paired with
        a national capital an item is a capital too ('Washington and Tokyo')."""
        area = [not m.demonym and bool(self._areas(m)) for m in mentions]
        capital = [bool(self._capitals(m)) for m in mentions]
        listed = [False] * len(mentions)
        i = 0
        while i < len(mentions):
            j, words = i, False
            while j + 1 < len(mentions) and area[j] and area[j + 1] and _joins(text[mentions[j].end : mentions[j + 1].start]):
                words = words or text[mentions[j].end : mentions[j + 1].start].strip() != ","
                j += 1
            if j > i and (j - i >= 2 or words):
                for k in range(i, j + 1):  # a pair with a capital is of capitals; a longer list, of areas
                    listed[k] = j - i >= 2 or not any(capital[x] for x in range(i, j + 1) if x != k)
            i = j + 1
        return listed

    # -- resolution -----------------------------------------------------------------------------
    def _group(self, m: Mention) -> bool:
        """'Hamas', 'Fano', 'JAS', 'Badr': the name of an armed group or party (data/actors.json),
        not of the town it spells ('Hamm', 'Fano' in Italy), unless an ACLED bracket places it."""
        if m.demonym or m.regional:
            return False
        actor = self.kb.match(m.text, head=False)
        return actor is not None and actor.type in GROUP_TYPES

    @staticmethod
    def _in_group_name(m: Mention, groups: list[tuple[int, int, Actor]]) -> bool:
        """'Boko' of 'Boko Haram': a word spaCy did not call a place, inside a group's name, is
        no town; a country or state there still is ('Sudan' of the 'Sudan Liberation Army')."""
        return not m.tagged and any(a <= m.start and m.end <= b for a, b, _ in groups) \
            and not any(e.feature in AREAS for e in m.candidates)

    def _group_countries(self, actors: list[tuple[int, int, Actor]]) -> dict[str, tuple[dict, dict]]:
        """The countries of the armed groups, militias and gangs the text names ("Hamas", "Al Shabaab",
        "the Taliban"), and of the missions serving in one country ("UNMISS"), one vote each, like a
        demonym's: ACLED and GTD notes often name the group and only the town ("Hamas fired rockets
        from Gaza"). Names are found by the knowledge base, not by spaCy's labels, which call "Boko
        Haram" a person. A state's forces act abroad too ("a US general visits Georgia"): they do not vote."""
        found = {actor.country if actor.type in LOCAL_ACTORS else actor.operates_in for _, _, actor in actors}
        return {f"\0{cc}": ({}, {cc: 1.0}) for cc in found if cc in self.gaz.countries}

    def _resolve(self, mentions: list[Mention], groups: dict[str, tuple[dict, dict]]) -> list[Mention]:
        """Prior first (population, feature), then three rounds with the document's support (the
        place names' votes and those of the groups the text names)."""
        linked = _links(mentions)
        armed = {key[1:] for key in groups}  # the countries of the armed groups the text names
        for m in mentions:
            m.choice = self._best(m, None, linked)
        first = self._votes(mentions, linked) | groups
        support = _Support(first)
        for rnd in range(3):
            if rnd:
                # Place names vote again with their resolved senses ("Delano" and "Rochester" in
                # Minnesota); capitalised words spaCy did not call places keep their first vote, so
                # names of people ("Adrian", "Sterling") cannot pull each other into one state.
                votes = self._votes([m for m in mentions if m.tagged or m.demonym], linked)
                support = _Support(first | votes)
            sure = [m.choice for m in mentions if m.choice is not None
                    and (len(m.candidates) == 1 or m.container is not None or m.choice.id in linked
                         or m.choice.feature in ("country", "admin1"))]
            support.pin([*{e.id: e for e in sure}.values(), *(self.gaz.countries[k[1:]] for k in groups)])
            support.capitals = {m.key for m in mentions if m.choice is not None and m.choice.id in self.gaz.capitals}
            for m in mentions:
                m.choice = self._best(m, support, linked)
        # One sense per discourse: a name repeated means one place, the one its most telling
        # mention ("Paris, Texas") chose, else the one most of its mentions chose.
        groups: dict[str, list[Mention]] = {}
        for m in mentions:
            if m.choice is not None and not m.demonym:
                groups.setdefault(m.key, []).append(m)
        for group in groups.values():
            told = [m.choice for m in group if m.container is not None or m.holds is not None]
            choices = [m.choice for m in group]
            sense = told[0] if told else max(choices, key=choices.count)
            for m in group:
                if m.container is None and m.holds is None:  # "Springfield, Ill." and "Springfield, Mass." stay apart
                    m.choice = sense
        # "in Meme, Far North region ... two attacks in Meme": a name its address places where the gazetteer
        # knows none of its namesakes keeps that sense when repeated bare, not a namesake abroad.
        unknown = {m.key: m for m in mentions if m.choice is None and m.regional and m.container is not None}
        for m in mentions:
            told = unknown.get(m.key)
            if told is not None and m.choice is not None and m.container is None and m.holds is None \
                    and not m.demonym and m.choice.feature == "city":
                m.choice, m.regional, m.container, m.chain = None, True, told.container, told.chain
        # "County Tyrone ... parts of Tyrone": the bare name is the county the story names in full; but not
        # one its address calls a town ("in Antrim town, County Antrim").
        counties = {m.key[7:]: m.choice for m in mentions if m.key.startswith("county ") and m.choice is not None
                    and m.choice.feature != "city"}
        for m in mentions:
            if m.key in counties and m.container is None and not m.demonym and not m.addressed:
                m.choice = counties[m.key]
        # "Halls Gap" is no part of Halls, Tennessee: the whole name stays, unresolved, once, and not
        # beside a name inside it that resolves well ("Mornington" of "the Mornington Peninsula").
        alone = {m.key for m in mentions if m.cut is None}  # "Sligo Town Hall" and "Sligo" elsewhere: Sligo
        far = [m for m in mentions if m.cut is not None and m.choice is not None and m.key not in alone
               and not self._local(m, support, m.cut[2].split()[-1].lower() in self.borrowed_heads)]
        spans = {(m.start, m.end) for m in mentions if m not in far}
        for m in far:
            start, end, text = m.cut
            if (start, end) in spans or any(start <= a < end for a, _ in spans):
                mentions.remove(m)
                continue
            m.choice, m.start, m.end, m.text = None, start, end, text
            m.tagged = True  # the whole name is a place entity of spaCy's
            spans.add((start, end))
        tagged = {norm(m.text) for m in mentions if m.tagged}
        return [m for m in mentions if m.tagged or m.demonym or norm(m.text) in tagged
                or self._confirmed(m, support, armed)
                or (m.regional and m.container is not None)]

    @staticmethod
    def _confirmed(m: Mention, support: _Support, armed: set[str]) -> bool:
        """A capitalised word spaCy did not call a place ('Bank', 'Leader', 'Superior') counts
        when it names a big place, a state or country, or one where the document already is, or a
        sizeable town by its own name in the country of an armed group the text names ("MNLA rebels
        seized control of Kidal", "FARDC forces retook Rutshuru from M23")."""
        e = m.choice
        if e is None:
            return False
        if e.country_code in armed and e.id in m.primary and e.population >= CONFIRM_POP:
            return True
        # "at Jantar Mantar": the preposition locates the whole name, not a village its first word names
        if e.feature != "city" or m.container or m.located and not m.modifier or e.population >= BIG_POP:
            return True
        if m.modifier and e.population >= CONFIRM_POP:
            return True
        return support.state_support(m.key, e) >= 1.0 or support.near(e)

    def _votes(self, mentions: list[Mention], linked: set[int]) -> dict[str, tuple[dict, dict]]:
        """Per distinct name, its vote for states and countries: whole when it names a country or
        state (or carries a container), else spread evenly over where its namesakes lie. A small
        town's name read inside an organisation's has none ("Accord" in "Government of National Accord")."""
        votes: dict[str, tuple[dict, dict]] = {}
        for m in mentions:
            key = m.key
            if key in votes or not m.candidates or m.choice is None or self._org_word(m) or m.skeletal:
                continue
            e = m.choice
            if e.feature in ("country", "admin1") or m.container is not None or len(m.candidates) == 1 or e.id in linked:
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

    @staticmethod
    def _org_word(m: Mention) -> bool:
        return m.inside_org and not m.tagged and m.choice.feature == "city" and m.choice.population < CONFIRM_POP

    def _best(self, m: Mention, support: _Support | None, linked: set[int]) -> Entry | None:
        cands = m.candidates
        if not cands and not (m.regional and m.container is not None):
            return None
        inside = []
        if m.container is not None:
            holders = self._holders(m)
            inside = [e for e in cands if any(_within(e, h) for h in holders)]
            if not inside and m.holds is not None and holders and all(h.feature == "country" for h in holders) \
                    and not any(e.feature == "country" for e in cands):  # (a list of countries is no address)
                return None  # "Caracas city, Federal District, Venezuela": Brazil's Federal District is not meant
            if not inside and m.bracketed and len(m.key) >= SQUEEZE_MIN:
                # "Thiban town (Al Mayadin, Deir-ez-Zor)": the state's town of another spelling (GeoNames' Dhiban);
                # a bracket's lone town stands for its state ("Amadiya (Duhok)": GeoNames' Al Amadiyah near Dihok)
                inside = [e for h in holders if h.feature in ("admin1", "city")
                          for e in self.gaz.respelled(m.key, h.country_code, h.admin1_code)]
            if not inside and m.bracketed:
                inside = _beside(cands, m.primary, holders)
            if inside and m.chain:  # "Argelia (Argelia, Cauca)": the namesake in or near the bracket's town or district
                near = [c.choice for c in m.chain if c.choice is not None]
                close = [e for e in inside if any(norm(e.admin2) == c.key for c in m.chain) or any(
                    distance_km(e, c) <= CHAIN_KM for c in near)]
                # "Bamba (Bourem, Gao)": a namesake a GeoNames row files in the state but far from the
                # bracket's town is not meant either.
                towns = [c for c in near if c.feature == "city"]
                far = towns and all(distance_km(e, c) > FAR_CHAIN_KM for e in inside for c in towns)
                inside = close or ([] if far else inside)
            if m.regional and not inside:
                return None  # a namesake elsewhere is not meant: the region's point stands in
            cands = inside or cands
        if m.skeletal and not inside:
            # another spelling's places: only those in a country the document names otherwise
            cands = [e for e in cands if support is not None and support.country_support(m.key, e) >= 1.0]
        if not cands:
            return None
        if m.holds is not None:  # an area holding a place named before it: "Stroud, Ontario"
            areas = [e for e in cands if e.feature in AREAS]
            cands = [e for e in areas if any(_within(c, e) for c in m.holds.candidates)] or cands
        if len(cands) == 1:
            return cands[0]
        key = m.key
        best, best_score = None, -math.inf
        for e in cands:
            if support is not None and not m.tagged and e.feature == "city" and e.id not in m.primary \
                    and support.country_support(key, e) <= 0.0:
                continue  # a capitalised word is no alias of a town in a country nothing else hints at ("the Cano
                # Limon pipeline" in Colombia is no Kano, Nigeria)
            s = math.log10(e.population + 10) + self._feature_bonus(e)
            if e.id in m.primary:
                s += 1.5
            if e.id in self.gaz.capitals:
                s += 1.0
            if e.id in linked:
                s += LINK_BONUS
            if m.listed and e.feature in AREAS:
                s += LIST_BONUS
            if support is not None:
                s += support.bonus(key, e)
            if s > best_score:
                best, best_score = e, s
        if best is None:
            return None
        if support is not None and m.container is None and best.feature == "city" and best.id not in linked:
            # A world city in a country the text names is meant over a village namesake abroad that
            # other names merely surround ("Toronto" in a round-up naming Canada and Australia), and
            # a national capital over a village of its country; within a country, the states
            # the text names decide ("Dallas" among North Carolina towns).
            world = max((e for e in cands if e.feature == "city" and e.id in m.primary and (
                e.id in self.gaz.capitals or (e.population >= WORLD_POP and e.country_code != best.country_code))
                and support.country_support(key, e) > 0.5), key=lambda e: e.population, default=None)
            if world is not None and best.population * WORLD_RATIO < world.population:
                return world
            # A village abroad nothing else in the text hints at yields to its namesake in a country the other
            # names or the armed groups point to ("TNLA fighters seized villages near Muse": Myanmar's, not Muse, PA).
            if best.population < CONFIRM_POP and support.country_support(key, best) <= 0.0:
                cued = [e for e in cands if e.feature == "city" and e.id in m.primary
                        and support.country_support(key, e) >= 1.0]
                if cued:
                    return max(cued, key=lambda e: e.population)
            # Beside another national capital a capital is meant, not a town of its name abroad far from the
            # document's towns ("rates in London, while the Federal Reserve in Washington").
            if support.capitals - {key} and best.id not in self.gaz.capitals and best.population < BIG_POP \
                    and not support.near(best, areas=False):
                capital = max((e for e in self._capitals(m, cands) if e.country_code != best.country_code),
                              key=lambda e: e.population, default=None)
                if capital is not None and capital.population >= 10 * best.population:
                    return capital
        return best

    @staticmethod
    def _holders(m: Mention) -> list[Entry]:
        """The areas that may hold a mention: its container's sense, or while that is unknown any of its
        namesakes ("North-West": Cameroon's or South Africa's); a bracket's province or town stands for its
        area ("Djibo (Djibo, Soum)"). A container that fits none of its own container's areas gives way to
        them ("Caracas city, Federal District, Venezuela": Venezuela, not Brazil's Federal District)."""
        c = m.container
        while c is not None:
            holder = c.choice
            holders = [holder] if holder is not None and holder.feature in AREAS else [
                e for e in c.candidates if e.feature in AREAS] or ([holder] if holder and m.regional else [])
            up = c.container
            if up is None:
                return holders
            ups = [up.choice] if up.choice is not None and up.choice.feature in AREAS else [
                e for e in up.candidates if e.feature in AREAS]
            fitting = [h for h in holders if not ups or any(h.id == u.id or _within(h, u) for u in ups)]
            if fitting:
                return fitting
            c = up
        return []

    @staticmethod
    def _local(m: Mention, support: _Support, borrowed: bool) -> bool:
        """Whether the name inside a cut entity may stand for it: an area, a big town, or a town near the
        places the document pins down or in a state it names, or, named first ("Sligo Town Hall"), in a
        country it names; a namesake abroad of a word of a longer name is not ("Eden Gardens" in Kolkata),
        nor a town named like the head noun of one ("Gap" of "Halls Gap") elsewhere in the country, nor a
        division of a country no other name is in when others name another ("Afar" of "Tal Afar" in Iraq). Roads,
        rivers and parks (`borrowed`) are often named after places elsewhere ("Washington Avenue" in Portland,
        "London Liverpool Street"): their word must name a town near the document's, a state or country."""
        e = m.choice
        if e.feature in ("admin1", "admin2") and m.container is None and support.country_support(m.key, e) < 1.0 \
                and any(cc != e.country_code and w >= 1.0 for cc, w in support.countries.items()):
            return False  # "Afar" of "Tal Afar" in a story about Iraq is no Ethiopian region
        if borrowed:
            return e.feature in AREAS or m.container is not None or support.near(e, areas=False) \
                or support.state_support(m.key, e) >= 1.0
        return e.feature != "city" or e.population >= BIG_POP or m.container is not None \
            or support.near(e, areas=False) or support.state_support(m.key, e) >= 1.0 \
            or (not m.tail and support.main_country(m.key, e))

    @staticmethod
    def _feature_bonus(e: Entry) -> float:
        if e.feature == "admin1" and e.country_code != "US":
            return 1.0  # provinces abroad are named less often than their namesake towns
        return FEATURE_BONUS.get(e.feature, 0.0)

    def _street(self, text: str) -> bool:
        words = text.split()
        return len(words) > 1 and words[-1].lower().rstrip(".") in self.street_heads

    def _place(self, m: Mention, stated: str | None = None) -> Place:
        """The mention as a Place; `stated` is the first-order division its address names, which is
        its admin1 as the text has it (GTD's "Davao Occidental province" where GeoNames' admin1 is the
        region, "North Kivu" for GeoNames' "Nord-Kivu")."""
        place = self._placed(m)
        if stated and place.country_code and norm(stated) != norm(place.admin1 or ""):  # "Babil" is GeoNames' "Bābil"
            place.admin1 = stated
        return place

    def _placed(self, m: Mention) -> Place:
        e = m.choice
        region = m.home
        if m.regional and m.container is not None:
            up = m.container  # "Madi, Chitwan district, ... Nepal": past a container the gazetteer lacks too
            while up.choice is None and up.regional and up.container is not None:
                up = up.container
            region = up.choice
        if e is None and region is not None:  # the most specific name of its bracket that resolved
            region = next((c.choice for c in m.chain if c.choice is not None and c.choice.lat is not None
                           and _within(c.choice, region)), region)
            if region.lat is None and region.feature == "admin2":  # a province without a point: its state's
                region = self.gaz.admin1.get((region.country_code, region.admin1_code), region)
        if e is None and region is not None and region.lat is not None:
            # Unknown to the gazetteer but placed in a region or town: feature "other" at its point.
            return Place(mention=m.text, start=m.start, end=m.end, name=_bare(m.text),
                         country_code=region.country_code or None, lat=region.lat, lon=region.lon,
                         admin1=self.gaz.admin1_name(region) if region.feature not in ("country", "region") else None)
        if e is None:
            return Place(mention=m.text, start=m.start, end=m.end, name=m.text)
        if e.lat is None:  # a division without a point ("Jhenaidah town, Khulna division"): its address's or state's
            around = region if region is not None and region.lat is not None else self.gaz.admin1.get(
                (e.country_code, e.admin1_code))
            if around is not None and around.lat is not None:
                return Place(mention=m.text, start=m.start, end=m.end, name=e.name, country_code=e.country_code or None,
                             lat=around.lat, lon=around.lon, admin1=self.gaz.admin1_name(e))
        return Place(
            mention=m.text, start=m.start, end=m.end, name=e.name, country_code=e.country_code or None,
            admin1=self.gaz.admin1_name(e) if e.feature not in ("country", "region", "site") else None,
            lat=e.lat, lon=e.lon, geonames_id=e.id if e.id > 0 else None, feature=e.feature,
            admin2=e.admin2 or None, population=e.population or None, demonym=bool(m.demonym),
        )


def _stated_divisions(text: str, mentions: list[Mention]) -> dict[int, str]:
    """Per mention (by id), the first-order division its address states: in "Malita municipality,
    Davao Occidental province, Philippines" or "Digana town, Kandy district, Central province" the last
    name followed by "province", "state", "region", "governorate"... of the comma-linked names after it,
    when that division lies in the mention's country (or is unknown to the gazetteer)."""
    out: dict[int, str] = {}
    for i, m in enumerate(mentions):
        if m.demonym:
            continue
        found, last, j = None, None, i
        while j + 1 < len(mentions) and _address_link(text[mentions[j].end : mentions[j + 1].start]) is not None:
            j += 1
            name, word = _designation(mentions[j], text)
            if word in FIRST_ORDER and not mentions[j].demonym:
                found = (name, word)
            elif mentions[j].choice is not None and mentions[j].choice.feature == "country":
                # "Caracas city, Federal District, Venezuela": the undesignated name before the country
                found = found or last
            last = (name, word) if not word and not mentions[j].demonym else None
        own = m.choice or (m.container.choice if m.container is not None else None)
        if found is None or own is None or any(c.choice is not None and c.choice.country_code != own.country_code
                                               for c in mentions[i + 1 : j + 1]):
            continue  # "Bali town, Northwest region, Cameroon" read as Indonesia's Bali: no Cameroonian region
        name, word = found
        # "Central province", "Northwest region": a direction alone names no division
        out[id(m)] = f"{name} {word.capitalize()}" if word and name.lower() in DIRECTIONS else name
    return out


def _abroad_before_city(text: str, a: Mention, b: Mention, gap: str) -> bool:
    """ "at a cafe in Gulshan, Dhaka", "in Tahrir Square in Baghdad": a quarter or landmark written before the big
    city that holds it; its namesakes in other countries (landmarks, villages, towns it is only another name of)
    are not meant, and the city's point stands in. Not inside a list of cities ("in Gulshan, Dhaka and Sylhet"), nor
    for a word of a longer name neither a place entity nor placed by a preposition ("Mantar" of "at Jantar Mantar in
    New Delhi")."""
    if a.demonym or b.demonym or not (a.tagged or a.located) or not a.candidates:
        return False
    if not (gap.strip() == "," and len(gap) <= 3 or _placed_in(gap)):
        return False
    cities = [e for e in b.candidates if e.feature == "city" and e.id in b.primary and e.population >= BIG_POP]
    if not cities or re.match(r"\s*(?:,\s*[A-Z]|and\b|or\b)", text[b.end : b.end + 8]):
        return False
    return all((e.feature == "site" or e.feature == "city" and (e.population < CONFIRM_POP or e.id not in a.primary))
               and all(e.country_code != c.country_code for c in cities) for e in a.candidates)


def _address_link(gap: str) -> str | None:
    """The designator words and comma between two names of an address (" district, ", ", "), else None."""
    words = gap.replace(",", " , ").split()
    if not words or words[-1] != "," or len(words) > 4 or not all(w in ADDRESS_LINK_WORDS for w in words[:-1]):
        return None
    return " ".join(words[:-1])


def _designation(m: Mention, text: str) -> tuple[str, str]:
    """A name of an address and the designator that follows it or ends it: ('Davao Occidental', 'province')."""
    words = m.text.split()
    if len(words) > 1 and words[-1] in ADDRESS_LINK_WORDS:
        return " ".join(words[:-1]), words[-1]
    after = text[m.end : m.end + 20].split(",")[0].split()
    return m.text, (after[-1] if after and all(w in ADDRESS_LINK_WORDS for w in after) else "")


def _home(mentions: list[Mention]) -> Entry | None:
    """The town a local story is about: the one it names most often, at least twice; on a tie, the one
    named more often outside the dateline ("MOSCOW -- ... Moscow denied ... in Kharkiv ... Kharkiv")."""
    counts: dict[int, tuple[int, int]] = {}
    towns: dict[int, Entry] = {}
    for m in mentions:
        e = m.choice
        if e is not None and e.feature == "city" and not m.demonym and e.lat is not None:
            n, body = counts.get(e.id, (0, 0))
            counts[e.id] = (n + 1, body + (not m.text.isupper()))
            towns.setdefault(e.id, e)
    best = max(counts, key=lambda i: counts[i], default=None)  # dicts keep first-named order on ties
    return towns[best] if best is not None and counts[best][0] >= 2 else None


def _links(mentions: list[Mention]) -> set[int]:
    """Ids of the towns and counties that name each other: a candidate town lying in a candidate
    county of another mention ("Paris and Henry County" is Paris, Tennessee, and Tennessee's Henry County)."""
    counties: dict[tuple[str, str, str], list[tuple[str, int]]] = {}
    for m in mentions:
        for e in m.candidates:
            if e.feature == "admin2":
                counties.setdefault((e.country_code, e.admin1_code, norm(e.name)), []).append((m.key, e.id))
    linked: set[int] = set()
    if not counties:
        return linked
    for m in mentions:
        for e in m.candidates:
            if e.feature == "city" and e.admin2:
                for key, county in counties.get((e.country_code, e.admin1_code, norm(e.admin2)), ()):
                    if key != m.key:
                        linked.update((e.id, county))
    return linked


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
        self.capitals: set[str] = set()  # keys of the names resolved to national capitals

    def pin(self, sure) -> None:
        self.anchors = [e for e in sure if e.feature in ("city", "admin2")]
        self.areas = [e for e in sure if e.feature in ("country", "admin1")]
        self._near = {}

    def state_support(self, key: str, e: Entry) -> float:
        state = (e.country_code, e.admin1_code)
        return self.states.get(state, 0.0) - self.votes.get(key, ({}, {}))[0].get(state, 0.0)

    def near(self, e: Entry, areas: bool = True) -> bool:
        if not areas:  # near a town, not merely inside a big country's or state's radius
            return any(a.id != e.id and distance_km(a, e) < NEAR_KM for a in self.anchors)
        hit = self._near.get(e.id)
        if hit is None:
            hit = self._near[e.id] = any(a.id != e.id and distance_km(a, e) < NEAR_KM for a in self.anchors) or any(
                a.id != e.id and distance_km(a, e) < REGION_KM for a in self.areas)
        return hit

    def main_country(self, key: str, e: Entry) -> bool:
        """Whether `e` lies in a country the document is mostly about (not one a few namesakes hint at)."""
        return self.country_support(key, e) >= max(1.0, 0.5 * max(self.countries.values(), default=0.0))

    def country_support(self, key: str, e: Entry) -> float:
        own = self.votes.get(key, ({}, {}))[1]
        return self.countries.get(e.country_code, 0.0) - own.get(e.country_code, 0.0)

    def bonus(self, key: str, e: Entry) -> float:
        b = min(self.country_support(key, e), 4.0)
        if e.feature != "country":
            b += 1.5 * min(self.state_support(key, e), 3.0)
        if e.feature not in ("country", "admin1") and self.near(e):
            b += 1.5
        return b


def _mark_cut(text: str, m: Mention, whole, part) -> None:
    """Record on `m` the place entity `whole` when `part` (its span) leaves capitalised words of it out
    ("Halls" or "Gap" of "Halls Gap"), but not designators ("City of Santa Ana") nor a longer name it
    completes ("Democratic Republic of the Congo")."""
    if part.end <= whole.end and any(not (part.start <= t.i < part.end) and _capitalised(t)
                                     and t.lower_ not in DESIGNATORS | DIRECTIONS for t in whole):
        start, end = whole[0].idx, whole[-1].idx + len(whole[-1].text)
        m.cut, m.tail = (start, end, text[start:end]), part.end == whole.end


def _lies_in(e: Entry, whole: Entry) -> bool:
    if whole.feature == "country":
        return e.country_code == whole.country_code
    if whole.feature == "admin1":
        return (e.country_code, e.admin1_code) == (whole.country_code, whole.admin1_code)
    return distance_km(e, whole) <= CHAIN_KM


def _quarter(text: str, a: Mention, b: Mention, near: list[Entry]) -> bool:
    """ "the Schaerbeek district of Brussels", "the Estacio neighborhood of Rio de Janeiro": a quarter written as
    part of a big city (its namesakes there all within QUARTER_KM of it) stands for the city, as datasets code
    it; the quarter then takes the city's point."""
    if text[max(0, a.start - 4) : a.start].lower() != "the ":
        return False
    cities = [c for c in b.candidates[:3] if c.feature == "city" and c.population >= BIG_POP]
    return any(all(distance_km(e, c) <= QUARTER_KM for e in near) for c in cities)


def _part_of(gap: str) -> bool:
    """The text between a neighbourhood and its town: ' district of ', ' slums in ', ' diplomatic zone of '."""
    words = gap.split()
    return 2 <= len(words) <= 3 and words[-2] in PART_NOUNS and words[-1] in ("of", "in") \
        and all(w.isalpha() and w.islower() for w in words)


def _placed_in(gap: str) -> bool:
    """The text between 'Victoria' and 'Seychelles' in 'Victoria, in the Seychelles' (or 'Walewale in the North
    East Region')."""
    return gap.replace(",", " , ").split() in PLACED_IN


def _designated(gap: str) -> bool:
    """The text between 'Dantewada' and 'Chhattisgarh' in 'Dantewada district, Chhattisgarh'."""
    words = gap.replace(",", " , ").split()
    return len(words) == 2 and words[0] in AREA_DESIGNATORS and words[1] == ","


def _unknown_division(gap: str) -> bool:
    """The text between 'Koshobe' and 'Borno' in 'Koshobe village, Jere local government area, Borno state': a
    settlement word, then a name no mention took and the designators of a division."""
    words = gap.replace(",", " , ").split()
    if len(words) < 5 or words[0] not in SETTLED or words[1] != "," or words[-1] != ",":
        return False
    inner = words[2:-1]
    k = next((i for i, w in enumerate(inner) if not w[:1].isupper()), len(inner))
    return 0 < k < len(inner) and all(w in ADDRESS_LINK_WORDS for w in inner[k:])


def _address_run(gap: str) -> bool:
    """The text between two names of an address, over divisions no mention took: ", ", " district, ",
    " district, Central region, ", ", Tayacaja province, "."""
    segments = gap.split(",")
    if not 2 <= len(segments) <= 4 or segments[-1].strip():
        return False
    for k, seg in enumerate(segments[:-1]):
        words = seg.split()
        if k == 0 and not all(w in ADDRESS_LINK_WORDS for w in words):
            return False
        if k and not (1 < len(words) <= MAX_WORDS + 1 and words[0][:1].isupper() and words[-1] in ADDRESS_LINK_WORDS):
            return False
    return True


def _settled(gap: str) -> bool:
    """The text between 'Hillah' and 'Babil' in 'Hillah city, Babil governorate'."""
    words = gap.replace(",", " , ").split()
    return len(words) == 2 and words[0] in SETTLED and words[1] == ","


def _bare(name: str) -> str:
    """A name without a trailing lowercase designator ('Mala Kaumari village')."""
    words = name.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1] in SETTLEMENT_WORDS else name


def _bracket_items(sdoc, i: int, whole) -> list:
    """The one to three capitalised names between the bracket at token i and its closing one
    ('(Mopti)', '(Bama, Borno)', '(Gao region)', '(Pulwama, Jammu and Kashmir)', '(Deir-ez-Zor)'); [] for
    anything else ('(Reuters)' passes, '(AP)' does not). A designator is cut off unless `whole` says the
    name with it is a division the name without it is not: '(Federal District)' is Brazil's, no town 'Federal';
    or a place's own name: '(City of Cape Town, ...)' names Cape Town."""
    items, first = [], i + 1
    for j in range(i + 1, min(len(sdoc), i + 2 + MAX_BRACKET_ITEMS * (MAX_WORDS + 1))):
        t = sdoc[j]
        if t.text in (",", ")"):
            span = sdoc[first:j]
            if len(span) > 2 and span[0].text == "City" and span[1].text == "of":
                span = span[2:]  # South Africa's metropolitan "(City of Cape Town, Western Cape)": the city
            if len(span) > 1 and span[-1].lower_ in DESIGNATORS and not whole(span.text, span[:-1].text):
                span = span[:-1]  # "(Gao region)"
            if not (0 < len(span) <= MAX_WORDS + 2) or not (_capitalised(span[0]) and _capitalised(span[-1])) \
                    or span.text.isupper() or any(not _capitalised(x) and x.lower_ not in CONNECTORS
                                                  and x.lower_ != "and" and not _joiner(x) and not _particle(x)
                                                  for x in span):
                return []
            items.append(span)
            first = j + 1
            if t.text == ")":
                return items if len(items) <= MAX_BRACKET_ITEMS else []
        elif "\n" in t.text:
            return []
    return []


def _bracket_head(sdoc, i: int):
    """The capitalised name (and any designator after it) right before the bracket at token i; a name
    before one or two other nouns is the place they lie in: 'the Inata gold mine (Tongomayel, Soum)'."""
    j = i - 1
    designated = sdoc[j].lower_ in SETTLEMENT_WORDS and not _capitalised(sdoc[j])
    end = stop = j if designated else i
    while not designated and stop - end < 2 and end > 1 and sdoc[end - 1].is_lower and sdoc[end - 1].pos_ == "NOUN":
        end -= 1  # "gold mine": the name before the nouns, without them
    if end < stop:
        if not _capitalised(sdoc[end - 1]):
            return None
        stop = end
    else:
        stop = i  # the name and its designator ("Tole kebele")
    j = end - 1
    while j >= 0 and end - j <= MAX_WORDS + 2 and (_capitalised(sdoc[j]) or sdoc[j].lower_ in CONNECTORS
                                                   or _joiner(sdoc[j]) or _particle(sdoc[j])) \
            and sdoc[j].lower_ not in ARTICLES and not sdoc[j + 1].is_sent_start:
        j -= 1  # "Qala-e-Zal (Kunduz)": hyphens inside the name
    start = j + 1
    while start < end and not _capitalised(sdoc[start]):
        start += 1
    if start >= end or "\n" in sdoc[start:i].text:
        return None
    return sdoc[start:stop]


def _singular(word: str) -> str:
    """'cities' -> 'city', 'towns' -> 'town' (the plurals of place nouns)."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _joins(gap: str) -> bool:
    """The text between two items of a list (', and the' before 'United Kingdom' too)."""
    gap = gap.strip()
    if gap.endswith(" the"):
        gap = gap[:-4]
    return len(gap) <= 5 and gap in LIST_JOINS


def _within(e: Entry, area: Entry) -> bool:
    """Whether `e` lies in the country or state `area`, or near the point of the province or town `area`
    (in its state, if the province has no point). A hand-kept site carries no state: any of its country's may
    hold it ("Bagram prison (Bagram, Parwan)"); a hand-kept region of one country holds its towns near its point."""
    same_state = e.admin1_code == area.admin1_code or (e.feature == "site" and not e.admin1_code) or _held_region(area)
    return e.id != area.id and e.country_code == area.country_code and (area.feature == "country" or (
        same_state and (area.feature in AREAS or area.lat is None or distance_km(e, area) <= CHAIN_KM)))


def _held_region(e: Entry) -> bool:
    """A hand-kept region inside one country, of no state ("Bara tehsil, Khyber Agency"): it holds the towns of
    its country near its point."""
    return e.feature == "region" and bool(e.country_code) and not e.admin1_code


def _beside(cands: list[Entry], primary: set[int], holders: list[Entry]) -> list[Entry]:
    """A bracket's town its state does not hold, though the country holds one of its name only, near the
    state: a state split or merged since the note's admin names ("Beoga (Puncak, Papua)", now in Central
    Papua), or GeoNames filing the town apart from its state ("Belgrade (Stari Grad, Belgrade)")."""
    for h in holders:
        same = [e for e in cands if e.country_code == h.country_code and e.feature == "city" and e.id in primary]
        if h.feature == "admin1" and len(same) == 1 and (h.lat is None or distance_km(same[0], h) <= REGION_KM):
            return same
    return []


def _dateline(span) -> bool:
    """A news dateline: a capitals-only name opening the story, then a dash or a comma and its
    state ('BYESVILLE --', 'March 29, 2009 PATASKALA --', 'CARTHAGE, N.C. (AP)')."""
    doc, first, end = span.doc, span[0], span.end
    if end >= len(doc) or not all(t.is_upper or not t.is_alpha for t in span) or len(first.text) < 3:
        return False
    if not (first.is_sent_start or (first.i > 0 and doc[first.i - 1].like_num)):
        return False
    after = doc[end].text
    return after in DATELINE_MARKS or (after == "," and end + 1 < len(doc) and doc[end + 1].text[:1].isupper())


def _joiner(tok) -> bool:
    """The hyphen inside a hyphenated name, or the dot of an abbreviation ('Ft. Worth'), that
    the tokenizer split off."""
    if tok.i == 0 or tok.doc[tok.i - 1].whitespace_:
        return False
    return (tok.text == "-" and not tok.whitespace_) or (tok.text == "." and len(tok.doc[tok.i - 1].text) <= 3)


def _particle(tok) -> bool:
    """An article or ezafe between the hyphens of one name: 'ez' of 'Deir-ez-Zor', 'i' of 'Qala-i-Naw'."""
    doc, i = tok.doc, tok.i
    return tok.is_lower and len(tok.text) <= 3 and 0 < i < len(doc) - 1 and not tok.whitespace_ \
        and doc[i - 1].text == "-" and doc[i + 1].text == "-" and not doc[i - 1].whitespace_


def _elided_article(tok) -> bool:
    """A name's elided French or Italian article: "d'Alene" of "Coeur d'Alene", "d'Ivoire"."""
    t = tok.text
    return len(t) > 3 and t[0] in "dl" and t[1] in "'’" and t[2].isupper()


def _openings(sdoc) -> set[int]:
    """Indices of the words whose capital says nothing: each sentence's first, and every word of a
    title-case headline ("Court Convicts Friend of Boston Bombing Suspect": no town called Friend)."""
    out = {t.i for t in sdoc if t.is_sent_start}
    text, start = sdoc.text, 0
    for line in text.split("\n"):
        words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
        if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words):
            span = sdoc.char_span(start, start + len(line), alignment_mode="expand")
            out.update(range(span.start, span.end) if span is not None else ())
        start += len(line) + 1
    return out


def _capitalised(tok) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)
