"""The actor knowledge base (data/actors.json): states, their forces, armed groups.

News names the same actor in many ways ("IS", "ISIL", "Daesh"; "Iran's army", "Iranian
forces"), and event records need one canonical name, type and country for each. The
knowledge base is indexed once into a token trie; `find` scans a whole text for the
longest alias matches and `match` resolves a noun phrase.

Case matters only where it disambiguates: in mixed-case text an all-caps alias token must
be all-caps ("IS" the group, never "is"), a capitalised one capitalised ("Islamic State",
not "an Islamic state"). All-lowercase text (MUC-4) is matched without case, except for
tokens that are English words or common names when lowercased (`exact` in the data,
all-caps tokens of at most two letters such as IS and US, inner capitals such as LeT):
those always need their exact case.

One alias may name actors of several countries ("Rangers": Pakistan's and Thailand's; a
force word alone, "border police": every state's): `namesakes` lists them by country, and
the actors stage picks the one of the country the document is placed in.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

# Words (with apostrophes inside: Kata'ib, Qa'ida), dotted abbreviations (U.S.), the
# possessive 's, and any other single character. Hyphens, inner apostrophes and
# possessives are transparent; other punctuation is a barrier no alias crosses.
TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:['’](?!s\b)[^\W_]+)*|['’]s\b|\S")
TRANSPARENT = {"-", "'", "’", "'s", "’s", "‐"}
EXACT, CAPS, TITLE, ANY = 3, 2, 1, 0  # what a text token must satisfy, per alias token
COUNTRY_TYPES = {"state"}


@lru_cache(maxsize=1 << 16)  # every document's words are normed, most of them seen before
def norm_word(w: str) -> str:
    """Lower-case, accent-free, without dots or apostrophes: 'Qa'ida' -> 'qaida', 'U.S.' -> 'us'."""
    w = unicodedata.normalize("NFKD", w)
    w = "".join(c for c in w if not unicodedata.combining(c))
    return w.lower().replace(".", "").replace("'", "").replace("’", "")


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str  # state | state_force | armed_group | militia | political_party | criminal | international
    country: str | None = None
    parent: str | None = None
    operates_in: str | None = None  # the one country a mission serves in (UNMISS: South Sudan), not its own

    @property
    def is_country(self) -> bool:
        """A state itself (a location that can act), as opposed to its forces or government."""
        return self.type == "state" and self.id == self.country


class Token(NamedTuple):  # a tuple: every word of every document becomes one
    norm: str
    text: str  # as written, dots removed
    start: int
    end: int
    dotted: bool = False  # an abbreviation written with dots: "U.S."


def tokenize(text: str) -> list[Token]:
    out = []
    for m in TOKEN.finditer(text):
        t = m.group()
        if t in TRANSPARENT:
            continue
        dotted = len(t) > 2 and t.endswith(".")
        out.append(Token(norm_word(t), t.replace(".", "") if dotted else t, m.start(), m.end(), dotted))
    return out


def caseless(text: str) -> bool:
    """Text whose case carries no information: all lower case (MUC-4) or all capitals."""
    upper = sum(map(str.isupper, text))
    lower = sum(map(str.islower, text))
    return upper <= 0.01 * (upper + lower) or lower <= 0.05 * (upper + lower)


class KB:
    """Actors by id and a trie of their aliases (token tuples -> actor id + case needs)."""

    def __init__(self, data: dict):
        self.actors: dict[str, Actor] = {}
        self.exact = set(data["exact"])
        self.caseless_ok = set(data["caseless_ok"])
        self.member_words = set(data.get("member_words", []))
        self.unit_words = set(data.get("unit_words", []))
        self.demonyms: set[str] = set()  # folded: 'iranian', 'nicaraguans'
        self.countries = [st["id"] for st in data["states"]]
        # alias tokens -> [(actor id, case need per token, token as written), ...]: one alias may be
        # several actors' ("Rangers": Pakistan's and Thailand's), the last one listed the default
        self.index: dict[tuple[str, ...], list[tuple[str, tuple[int, ...], tuple[str, ...]]]] = {}
        self.force_kinds: dict[tuple[str, ...], str] = {}  # a force word alone ('regime forces') -> its kind
        self.prefixes: set[tuple[str, ...]] = set()
        self._last: tuple = (None, None, [])  # the last text `find` read, its casing and what it found
        derived: list[tuple[str, str]] = []
        for kind, spec in data["force_words"].items():
            self.force_kinds.update((tuple(t.norm for t in tokenize(w)), kind) for w in spec["words"])
        for st in data["states"]:
            forms = [st["name"], *st["aliases"]]
            people = [*st["demonyms"], *(d + "s" for d in st["demonyms"] if d.endswith(("an", "i")))]
            self._add(Actor(st["id"], st["name"], "state", st["id"]), forms + people)
            self.demonyms.update(" ".join(t.norm for t in tokenize(p)) for p in people)
            for kind, spec in data["force_words"].items():
                fid = f"{st['id']}-{kind}"
                name = spec["name"].format(name=st.get("formal", st["name"]))
                self.actors[fid] = Actor(fid, name, spec["type"], st["id"])
                names = [f"{f} {w}" for f in forms + st["demonyms"] for w in spec["words"]]
                names += [f"{w} of {the}{f}" for f in forms for w in spec["words"] for the in ("", "the ")]
                derived += [(fid, n) for n in names]
        for a in data["actors"]:
            if a["id"] in self.actors and "name" not in a:  # more names for a derived force
                self._add(self.actors[a["id"]], a["aliases"])
                continue
            actor = Actor(a["id"], a["name"], a["type"], a.get("country"), a.get("parent"), a.get("operates_in"))
            self._add(actor, [a["name"], *a["aliases"]])
        for fid, name in derived:  # curated names win over generated ones
            self._alias(fid, name, override=False)

    def _add(self, actor: Actor, names: list[str]) -> None:
        self.actors[actor.id] = actor
        for n in names:
            self._alias(actor.id, n)

    def _alias(self, aid: str, name: str, override: bool = True) -> None:
        toks = tokenize(name)
        key = tuple(t.norm for t in toks)
        owners = self.index.setdefault(key, []) if key else []
        if not key or (not override and any(a != aid for a, _, _ in owners)):
            return  # a generated name adds its casing to a curated one ("Malian armed forces")
        owners.append((aid, tuple(self._need(t.text) for t in toks), tuple(t.text for t in toks)))
        for i in range(1, len(key) + 1):
            self.prefixes.add(key[:i])

    def _need(self, w: str) -> int:
        short_caps = w.isupper() and len(w) <= 2 and w.isalpha() and w not in self.caseless_ok  # 'IS', 'US'
        inner_caps = w[1:] != w[1:].lower() and not w.isupper()  # 'LeT', 'JeM'
        if w in self.exact or short_caps or inner_caps:
            return EXACT
        if len(w) >= 2 and w.isupper():
            return CAPS
        return TITLE if w[:1].isupper() else ANY

    @staticmethod
    def _fits(tok: Token, need: int, form: str, nocase: bool) -> bool:
        if tok.dotted or need == ANY:  # "u.s." is unambiguous in any case
            return True
        if need == EXACT:
            return tok.text == form
        if nocase:
            return True
        if need == CAPS:
            return tok.text.isupper()
        return tok.text[:1].isupper()

    def _bearers(self, toks: list[Token], nocase: bool) -> list[str]:
        """The actors whose alias these tokens are, written as the text writes them ("JeM", not "JEM")."""
        owners = self.index.get(tuple(t.norm for t in toks), ())
        return list(dict.fromkeys(aid for aid, needs, forms in owners
                                  if all(self._fits(t, n, f, nocase) for t, n, f in zip(toks, needs, forms))))

    def _longest(self, toks: list[Token], i: int, nocase: bool) -> tuple[int, str] | None:
        """The longest alias starting at token i whose case fits: (end index, actor id), the
        actor listed last where several bear it."""
        best = None
        key: tuple[str, ...] = ()
        for j in range(i, len(toks)):
            key += (toks[j].norm,)
            if key not in self.prefixes:
                break
            bearers = self._bearers(toks[i : j + 1], nocase) if key in self.index else []
            if bearers:
                best = (j + 1, bearers[-1])
        return best

    def find(self, text: str, nocase: bool | None = None) -> list[tuple[int, int, Actor]]:
        """Leftmost-longest, non-overlapping alias matches in `text`: (start, end, actor). The places and
        actors stages both ask of each document: the last answer is kept."""
        nocase = caseless(text) if nocase is None else nocase
        if self._last[:2] == (text, nocase):
            return list(self._last[2])
        found = self._find(text, nocase)
        self._last = (text, nocase, found)
        return list(found)

    def _find(self, text: str, nocase: bool) -> list[tuple[int, int, Actor]]:
        toks = tokenize(text)
        out = []
        i = 0
        while i < len(toks):
            hit = self._longest(toks, i, nocase) if (toks[i].norm,) in self.prefixes else None  # most words start no alias
            if hit and not self._shouting(toks, i, hit[0]):
                out.append((toks[i].start, toks[hit[0] - 1].end, self.actors[hit[1]]))
                i = hit[0]
            else:
                i += 1
        return out

    def _shouting(self, toks: list[Token], i: int, j: int) -> bool:
        """A lone short capitalised token ("IS", "US") next to capitalised words that name no
        actor ("WHAT IS NEXT", not "US CENTCOM"): a shouted word."""
        if j - i != 1 or len(toks[i].text) > 3 or not toks[i].text.isupper():
            return False
        near = toks[max(0, i - 1) : i] + toks[j : j + 1]
        return any(t.text.isalpha() and len(t.text) > 1 and t.text.isupper() and (t.norm,) not in self.prefixes
                   for t in near)

    def match(self, phrase: str, head: bool = True) -> Actor | None:
        """The actor a noun phrase names: the whole phrase ("the Iranian government"), or
        with `head`, its last words ("two IS members", "Houthi fighters" -> the group)."""
        toks = tokenize(phrase)
        nocase = caseless(phrase)
        while toks and toks[0].norm in {"the", "a", "an"}:
            toks = toks[1:]
        # ACLED-style qualifiers name no other actor: "Military Forces of Nigeria (2015-2023)",
        # "Boko Haram (JAS)"
        if len(toks) > 2 and toks[-1].text == ")" and any(t.text == "(" for t in toks[1:]):
            toks = toks[: max(i for i, t in enumerate(toks) if t.text == "(")]
        bare = toks
        while bare and bare[-1].norm in self.member_words:
            bare = bare[:-1]
        # the whole phrase first: "Fulani militia", "Bangsamoro Islamic Freedom Fighters"
        for words in (toks, bare) if len(bare) < len(toks) else (toks,):
            for i in range(len(words) if head else min(1, len(words))):
                hit = self._longest(words, i, nocase)
                if hit and hit[0] == len(words):
                    return self.actors[hit[1]]
        return None

    def namesakes(self, alias: str, nocase: bool) -> dict[str, Actor] | None:
        """The countries' actors that bear `alias` as written, by country, when more than one
        country's do: an explicit namesake ("Rangers": Pakistan's and Thailand's), or a force word
        alone, which every state's force bears ("border police"). None for one country's own name
        ("IDF", "Pentagon"), which stays that country's wherever it acts."""
        toks = tokenize(alias)
        found = [a for a in map(self.actors.get, self._bearers(toks, nocase)) if a.country and not a.is_country]
        kind = self.force_kinds.get(tuple(t.norm for t in toks))
        if kind is None and len({a.country for a in found}) < 2:
            return None
        out = {a.country: a for a in reversed(found)}  # the first listed of a country
        if kind is not None:
            out = {cc: self.actors[f"{cc}-{kind}"] for cc in self.countries} | out
        return out

    def get(self, aid: str | None) -> Actor | None:
        return self.actors.get(aid) if aid else None


@cache
def actors_data() -> dict:
    """data/actors.json, read once per process: the knowledge base, name words and policing words."""
    with resources.files("eventwire.data").joinpath("actors.json").open(encoding="utf-8") as fh:
        return json.load(fh)


@cache
def load_kb() -> KB:
    return KB(actors_data())


def match(phrase: str, head: bool = True) -> Actor | None:
    """Module-level shortcut for the events stage: `kb.match("Iran's Revolutionary Guards")`."""
    return load_kb().match(phrase, head)
