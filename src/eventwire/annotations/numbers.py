"""Head-count figures in running text: digits, number words, vague quantities and qualifiers.

Works on lower-cased token strings (as spaCy splits them), so it serves any stage and
lower-cased sources alike. A figure carries the bounds the words state, following the
contract's Count: "over 100" -> low 101 and best 100, the figure given, as ACLED and GTD coders
record it; "at least 12" -> best/low 12; "up to 30" ->
best/high 30; "about 30" -> best 30 only; "several" -> best/low 3; "a number of" -> low 2.
Ages, clock times, distances and money are not head counts and are skipped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)$")
_RANGE_JOINERS = {"to", "-", "–", "or"}


@dataclass(frozen=True)
class Figure:
    """A figure over tokens [start, end): its qualifier, number and any range or tail."""

    start: int
    end: int
    best: int | None
    low: int | None
    high: int | None


@cache
def lexicon() -> dict:
    """The casualties data file (numbers, triggers, person words), read once per process."""
    return json.loads((files("eventwire") / "data" / "casualties.json").read_text(encoding="utf-8"))


@cache
def _tables() -> tuple[dict, dict, dict, dict, dict, dict, frozenset, frozenset, frozenset]:
    num = lexicon()["numbers"]

    def phrases(d: dict) -> dict[tuple[str, ...], object]:
        return _Phrases({tuple(k.split()): v for k, v in d.items() if not k.startswith("_")})

    return (num["units"], num["tens"], num["scales"], phrases(num["vague"]), phrases(num["qualifiers"]),
            phrases(num["after"]), frozenset(num["units_not_counts"]), frozenset(num["age_before"]),
            frozenset(num["months"]))


class _Phrases(dict):
    """Phrase (word tuple) -> value, knowing the words a phrase can start with: most words
    start none, and are passed over without building the 4 tuples to look up."""

    def __init__(self, items: dict) -> None:
        super().__init__(items)
        self.firsts = frozenset(k[0] for k in items)


def _longest(table: _Phrases, words: Sequence[str], i: int) -> tuple[object, int]:
    """The longest phrase of `table` starting at word i: (value, index after it), else (None, i)."""
    if i >= len(words) or words[i] not in table.firsts:
        return None, i
    for n in (4, 3, 2, 1):
        key = tuple(words[i:i + n])
        if len(key) == n and key in table:
            return table[key], i + n
    return None, i


def parse_number(words: Sequence[str], i: int) -> tuple[int, int] | None:
    """An exact number starting at word i ("12", "1,000", "twenty - five", "two hundred and ten",
    "3.5 million", "a dozen"): (value, index after it), or None."""
    units, tens, scales = _tables()[:3]
    n = len(words)
    if i < n and _DIGITS.match(words[i]):
        value, j = float(words[i].replace(",", "")), i + 1
        while j < n and words[j] in scales:
            value, j = value * scales[words[j]], j + 1
        return (int(value), j) if value < 1e15 and value == int(value) else None  # no infinity from "9" * 400
    total = current = 0
    j, last = i, None  # last: what the previous word was (unit, tens, scale)
    while j < n:
        w, nxt = words[j], words[j + 1] if j + 1 < n else ""
        if w in ("a", "an") and last is None and nxt in scales:  # "a dozen", "a hundred"
            current, last = 1, "unit"
        elif w in units and last in (None, "tens", "scale"):
            current, last = current + units[w], "unit"
        elif w in tens and last in (None, "scale"):
            current, last = current + tens[w], "tens"
        elif w == "-" and last == "tens" and nxt in units:  # "twenty - five"
            pass
        elif w in scales and last is not None:
            current, last = current * scales[w], "scale"
            if scales[w] >= 1000:  # "one thousand two hundred"
                total, current = total + current, 0
        elif w == "and" and last == "scale" and (nxt in units or nxt in tens):  # "two hundred and ten"
            pass
        else:
            break
        j += 1
    return (total + current, j) if last is not None else None


def _quantity(words: Sequence[str], i: int) -> tuple[int | None, int | None, int | None, int, bool] | None:
    """best, low, high, end and whether it is exact, for the quantity at word i."""
    scales = _tables()[2]
    vague, j = _longest(_tables()[3], words, i)
    if vague is not None:
        best, low, high = vague
        if j < len(words) and words[j] in scales and low is not None:  # "several dozen", "a few hundred"
            best = low = low * scales[words[j]]
            j += 1
        return best, low, high, j, False
    parsed = parse_number(words, i)
    if parsed is None:
        return None
    value, j = parsed
    return value, value, value, j, True


def _not_a_count(words: Sequence[str], start: int, end: int) -> bool:
    """Ages ("a 7-year-old", "aged 57"), dates, times, distances, money and years are not head counts."""
    units_not_counts, age_before, months = _tables()[6:]
    nxt = words[end] if end < len(words) else ""
    prev = words[start - 1] if start else ""
    hyphenated = nxt == "-" and end + 1 < len(words) and words[end + 1] in units_not_counts  # "7 - year - old"
    if nxt in units_not_counts or nxt in months or prev in months or hyphenated:
        return True
    if prev in age_before or prev in ("$", "£", "€", "#", "no.", "number"):
        return True
    word = words[end - 1]  # a bare 1800-2100 is a year ("in 2020", "2013 homicides"); tolls write "2,000"
    return end - start == 1 and len(word) == 4 and word.isdigit() and 1800 <= int(word) <= 2100


def find_figures(words: Sequence[str], skip: frozenset[int] = frozenset()) -> list[Figure]:
    """Every head-count figure in `words` (lower-cased tokens), left to right, non-overlapping.

    `skip` holds indices that are not counts whatever they look like (dates, money found by NER).
    """
    qualifiers, after = _tables()[4], _tables()[5]
    out: list[Figure] = []
    i, n = 0, len(words)
    while i < n:
        qual, j = _longest(qualifiers, words, i)
        q = _quantity(words, j) if j not in skip else None
        if q is None and qual is not None:  # "some" / "about" that qualify nothing
            qual, j = None, i
            q = _quantity(words, j) if j not in skip else None
        if q is None or _not_a_count(words, j, q[3]):
            i = max(i + 1, q[3] if q else i + 1)
            continue
        best, low, high, end, exact = q
        if exact and end + 1 < n and words[end] in _RANGE_JOINERS and (not j or words[j - 1] != "from"):
            second = parse_number(words, end + 1)  # "10 to 15", "two or three"
            if second and second[0] > best and not _not_a_count(words, end + 1, second[1]):
                low, high, end = best, second[0], second[1]
        elif qual == "range" and end + 1 < n and words[end] == "and":  # "between 10 and 15"
            second = parse_number(words, end + 1)
            if second and second[0] > best:
                low, high, end = best, second[0], second[1]
        tail, tail_end = _longest(after, words, end)
        if tail is not None and qual is None:
            qual, end = tail, tail_end
        if best is not None and low == high == best:
            best, low, high = _qualify(qual, best)
        elif best is not None and qual in ("gt", "ge"):
            low = best + (qual == "gt")
        out.append(Figure(i, end, best, low, high))
        i = end
    return out


def _qualify(qual: object, n: int) -> tuple[int | None, int | None, int | None]:
    """best, low, high of an exact number under a qualifier (see the module docstring)."""
    return {
        "gt": (n, n + 1, None),
        "ge": (n, n, None),
        "le": (n, None, n),
        "lt": (None, None, n - 1),
        "near": (n, None, n),
        "approx": (n, None, None),
    }.get(qual, (n, n, n))  # type: ignore[arg-type]
