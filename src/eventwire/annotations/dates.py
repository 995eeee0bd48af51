"""Date expressions: find them with our own English date grammar, then normalise them.

Every expression is matched by patterns compiled once from `data/dates/lexicon.json`
(month and weekday names, number and ordinal words, units). spaCy is used for what
patterns cannot see: DATE entities confirm bare years, part-of-speech tags reject the
modal "may" and the verb "march", and the governing verb's tense decides whether a bare
"Friday" or "March 3" lies before or after the document date. Durations ("15 years",
"a 51-day war") and ages ("57", "57-year-old") never match a pattern, so they never
become dates. Expressions tied to another event ("a day after X", "20 minutes later",
"the fourth anniversary of X") are kept with `anchor="event"` and their offsets;
`resolve_relative` turns them into dates once the events stage knows X's date. Those
that name no event ("20 minutes later", "the following year") get a provisional value
from the date the narrative is at (the latest date before them, else the document
date), as do anaphors ("the same year", "later that day", "the following Sunday").
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from ..model import Document, Time

# Two-digit years ("3 JAN 90"): 00-49 are 20xx, 50-99 are 19xx unless a document date says otherwise.
PIVOT = 50


@dataclass
class Match:
    """A pattern hit before resolution: its kind and the parts it captured."""

    kind: str
    start: int
    end: int
    parts: dict


def _alt(words) -> str:
    """A regex alternation of `words`, longest first so 'sept' wins over 'sep'."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def lexicon() -> dict:
    path = resources.files("eventwire") / "data" / "dates" / "lexicon.json"
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def grammar() -> list[tuple[str, re.Pattern]]:
    """The date patterns, as (kind, compiled regex) pairs. Longest non-overlapping hits win."""
    lx = lexicon()
    abbrevs = [k for k in lx["months"] if any(o != k and o.startswith(k) for o in lx["months"])]
    fulls = [k for k in lx["months"] if k not in abbrevs]
    mon = rf"(?P<mon>(?:{_alt(fulls)})\b|(?:{_alt(abbrevs)})\b\.?)"
    wd_full = _alt(k for k in lx["weekdays"] if k not in lx["weekday_abbrev_need_date"])
    wd_any = _alt(lx["weekdays"])
    ordw = _alt(lx["ordinals"])
    day = rf"(?P<day>(?:[0-3]?\d)(?:st|nd|rd|th)?|{ordw})\b"
    to_day = r"(?:\s*(?:-|–|to|and|through)\s*[0-3]?\d(?:st|nd|rd|th)?\b)?"  # "16-23 january": the first day
    words = {w: v for w, v in lx["numbers"].items() if w.isalpha() and w not in ("a", "an", "several")}
    tens = _alt(w for w, v in words.items() if v >= 20 and v % 10 == 0)
    units = _alt(w for w, v in words.items() if 1 <= v <= 9)
    teens = _alt(w for w, v in words.items() if 10 <= v <= 19)
    spelled = (rf"nineteen[\s-]+(?:hundred[\s-]+(?:and[\s-]+)?)?(?:{tens})(?:[\s-]+(?:{units}))?\b"
               rf"|two\s+thousand(?:[\s-]+(?:and[\s-]+)?(?:{teens}|{units}))?\b")
    y4 = rf"(?:(?P<year>1[0-9]\d\d|20\d\d)(?!\d|,\d|s\b|'s\b)|(?P<syear>{spelled}))"
    # Two-digit years only where a dateline's date ends ("3 JAN 90 --"), not "2 february 20 people".
    y24 = rf"(?:{y4}|(?P<yy>'?\d\d)(?=[ \t]*(?:[(\[,;:]|\.(?!\d)|--|-|—|–|$)))"
    num = rf"(?P<n>\d+|{_alt(lx['numbers'])})"
    hedge = rf"(?:(?:{_alt(lx['hedges'])})\s+)?"
    unit = rf"(?P<unit>{_alt(lx['units'])})\b"
    pmod = rf"(?P<pmod>(?:{_alt(lx['period_modifiers'])})(?:\s+|(?<=-)))?"
    wd_pre = rf"(?:(?P<wdpre>{wd_any})\b\.?,?\s+)?"
    rel = r"(?P<rel>last|this|next|the\s+past|the\s+previous|the\s+coming|past|previous|coming|the\s+current|the\s+full|the)"
    dayw = _alt(lx["day_words"])
    holiday = "|".join(re.escape(h).replace("'", "['’]?") for h in sorted(lx["holidays"], key=len, reverse=True))
    b = r"(?<![\w$#-])"  # a date never continues a word, an amount or a number
    pats = {
        "iso": rf"{b}(?P<year>1[0-9]\d\d|20\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b",
        "numeric": rf"{b}(?P<month>[0-3]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{{4}}|\d\d)\b(?!/)",
        "mdy": rf"{b}{wd_pre}{mon}\s*{day}(?:\s*,\s*|\s+){y4}",
        "dmy": rf"{b}{wd_pre}{day}{to_day}(?:\s+of)?\s+{mon}(?:\s*,\s*|\s+){y24}",
        "md": rf"{b}{wd_pre}{mon}\s*{day}{to_day}(?!\s*(?:%|[:.,]\d))",
        "dm": rf"{b}{wd_pre}(?:the\s+)?{day}{to_day}(?:\s+of)?\s+{mon}",
        "my": rf"{b}{pmod}{mon},?\s+(?:of\s+)?{y4}",
        "myrel": rf"{b}{pmod}{mon},?\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b",
        "month": rf"{b}(?:(?P<mrel>last|next|this\s+coming|this\s+past|this|coming|past)\s+)?{pmod}{mon}",
        "weekday": rf"{b}(?:(?P<wrel>last|next|this\s+coming|this\s+past|this|coming|past|previous|early|late|earlier|later)\s+)?(?P<wd>{wd_full})\b",
        "decade": rf"{b}(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<decade>1[0-9]\d0|20\d0)'?s\b",
        "year": rf"{b}{pmod}(?:(?P<fiscal>fiscal)\s+)?(?P<theyear>the\s+year\s+)?{y4}",
        "holiday": rf"{b}(?P<hol>{holiday})(?!\s+island)(?:,?\s+{y4})?\b",
        "dayword": rf"{b}(?:(?P<tmod>early|late|earlier|later)\s+)?(?P<dw>{dayw})\b",
        "weekend": rf"{b}(?:(?P<wrel>last|this\s+past|this|next|coming|past|the\s+past|the)\s+)?weekend\b",
        "period": rf"{b}(?:(?P<tmod>early|late|earlier|later)\s+(?:in\s+)?)?{rel}\s+(?P<fiscal>fiscal\s+)?(?P<unit>year|month|week)\b(?!-)",
        "adjrel": rf"{b}(?P<unit>year|month|week)-(?:earlier|ago)\b",
        "ago": rf"{b}{hedge}{num}\s+{unit}\s+(?:or\s+so\s+)?ago\b",
        "evrel": rf"{b}{hedge}{num}[\s-]+{unit}\s+(?:or\s+so\s+)?(?P<rel>after|before|later|earlier|afterwards?|previously)\b",
        "evnext": r"\b(?P<rel>the\s+(?:next|following|previous|preceding))\s+(?P<unit>day|morning|evening|night|week|month|year)\b",
        "same": r"\b(?:(?:earlier|later)\s+(?:in\s+the|that)|the\s+same|that)\s+(?P<unit>year|month|day)\b(?!-)",
        "evweekday": rf"\bthe\s+(?P<rel>following|next|previous|preceding)\s+(?P<wd>{wd_full})\b",
        "dayafter": r"\bthe\s+(?P<unit>day|week|month|year)\s+(?P<rel>after|before)\b",
        "anniversary": rf"\b(?:the\s+)?(?P<ord>{ordw}|\d+(?:st|nd|rd|th))\s+(?:(?:death|founding|wedding)\s+)?anniversary\b",
        "ordday": rf"\b(?:on|by|since|until|till|from)\s+the\s+(?P<day>[0-3]?\d(?:st|nd|rd|th)|{ordw})\b(?!\s*(?:of\s+)?[a-z])",
    }
    return [(k, re.compile(_gated(p), re.I)) for k, p in pats.items()]


def _gated(pattern: str) -> str:
    """`pattern` with a lookahead on the characters a hit can start with, after its leading
    boundary: the same hits, but the regex engine leaves most word starts at once instead of
    trying every alternative there (a third of the stage's time)."""
    lead = re.match(r"\(\?<!\[\\w\$#-\]\)|\\b", pattern)
    chars = _first_chars(re._parser.parse(pattern, re.I))
    if lead is None or chars is None or chars[1]:
        return pattern
    return f"{lead.group()}(?=[{''.join(sorted(set(chars[0])))}]){pattern[lead.end():]}"


def _first_chars(items) -> tuple[list[str], bool] | None:
    """The class items (regex syntax) a hit of the parsed sequence `items` can start with, and
    whether it can be empty; None where the sequence uses a construct not followed here."""
    c, out = re._constants, []
    for op, av in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero-width: the next item starts the hit
            continue
        if op is c.LITERAL:
            return [*out, re.escape(chr(av))], False
        if op is c.IN:
            cats = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_WORD: r"\w", c.CATEGORY_SPACE: r"\s"}
            for o, a in av:
                if o is c.LITERAL:
                    out.append(re.escape(chr(a)))
                elif o is c.RANGE:
                    out.append(f"{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}")
                elif o is c.CATEGORY and a in cats:
                    out.append(cats[a])
                else:
                    return None
            return out, False
        if op is c.SUBPATTERN:
            subs, least = [av[3]], 1
        elif op is c.BRANCH:
            subs, least = av[1], 1
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            subs, least = [av[2]], av[0]
        else:
            return None
        found = [_first_chars(s) for s in subs]
        if any(f is None for f in found):
            return None
        out += [x for f in found for x in f[0]]
        if least and not any(f[1] for f in found):
            return out, False
    return out, True


def find(text: str, keep: Callable[[Match], bool] | None = None) -> list[Match]:
    """Every longest, non-overlapping pattern hit in `text` that `keep` accepts, in text order."""
    hits = list(_hits(text))
    if keep is not None:
        hits = [h for h in hits if keep(h)]
    hits.sort(key=lambda h: (h.start - h.end, h.start))
    used = bytearray(len(text))
    taken: list[Match] = []
    for h in hits:
        if not any(used[h.start:h.end]):
            used[h.start:h.end] = b"\x01" * (h.end - h.start)
            taken.append(h)
    return sorted(taken, key=lambda h: h.start)


@lru_cache(maxsize=2)
def _hits(text: str) -> tuple[Match, ...]:
    """Every pattern hit in `text`, overlapping: the scan costs most of the stage, and the
    `docdate` stage scans the same text just before (hits are read, never changed)."""
    return tuple(Match(kind, m.start(), m.end(), _parts(m)) for kind, rx in grammar() for m in rx.finditer(text))


def _parts(m: re.Match) -> dict:
    """The groups a hit captured; a spelled-out year ('nineteen ninety-six') becomes digits."""
    parts = {k: v for k, v in m.groupdict().items() if v}
    if "yy" in parts:
        parts["year"] = parts["yy"]
    if "syear" in parts:
        words = re.split(r"[\s-]+", parts["syear"].lower())
        base = 1900 if words[0] == "nineteen" else 2000
        parts["year"] = str(base + sum(lexicon()["numbers"].get(w, 0) for w in words[1:] if w not in ("thousand", "hundred")))
    return parts


# ---------------------------------------------------------------------------------------------
# arithmetic on dates


def parse_iso(value: str | None) -> tuple[dt.date, str] | None:
    """'2024', '2024-01' or '2024-01-04' (a time part is ignored) -> (first day, precision)."""
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return None
    y, mo, d = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    try:
        return dt.date(y, mo, d), ("day" if m[3] else "month" if m[2] else "year")
    except ValueError:
        return None


def fmt(d: dt.date, precision: str) -> str:
    return {"day": d.isoformat(), "month": d.isoformat()[:7], "year": f"{d.year:04d}"}[precision]


def add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def resolve_relative(time: Time, reference_iso: str | None) -> tuple[str | None, str | None]:
    """The date of an event-relative `time` given the date of the event it refers to.

    "a day after X" with X on 2024-01-02 gives ("2024-01-03", "day"); offsets finer than
    the reference's precision keep the reference's value ("a day after" a year-only date).
    """
    ref = parse_iso(reference_iso)
    if ref is None:
        return None, None
    d, precision = ref
    if time.offset_years:
        d = add_months(d, 12 * time.offset_years)
    if time.offset_months:
        d = add_months(d, time.offset_months)
        precision = "month" if precision == "day" and time.offset_days is None else precision
    if time.offset_days and precision == "day":
        d += dt.timedelta(days=time.offset_days)
    return fmt(d, precision), precision


# ---------------------------------------------------------------------------------------------
# context from the parse

def tense(span) -> str | None:
    """'past', 'future' or None for the clause governing a date span (its nearest verb)."""
    lx = lexicon()
    tok = span.root
    via_noun = False  # "Tuesday's declaration": the verb describes the noun, not the date
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            break
        if tok.head is tok:
            return None
        tok = tok.head
        via_noun |= tok.pos_ in ("NOUN", "PROPN")
    else:
        return None
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in auxes} | {tok.lower_}
    if words & set(lx["future_aux"]):
        return "future"
    if tok.tag_ == "VB" and any(c.lower_ == "to" for c in auxes):
        gov = tok.head
        if gov.lemma_.lower() in lx["future_governors"] or gov.lower_ in ("is", "are"):
            return "future"
    if tok.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes):
        return "past"
    if tok.tag_ == "VBN" and any(c.lemma_ == "have" for c in auxes):
        return "past"
    if tok.lemma_.lower() in lx["future_governors"] and (
            tok.tag_ in ("VBZ", "VBP") or any(c.lower_ in ("is", "are", "be") for c in auxes)):
        return "future"  # "is scheduled for Monday", "expects to finish by March"
    past_nearby = any(t.tag_ == "VBD" for t in tok.sent)
    if tok.tag_ in ("VBZ", "VBP") and not auxes and not via_noun and not past_nearby \
            and tok.lemma_.lower() not in lx["reporting_verbs"]:
        return "future"  # "they meet Monday": news uses the present for scheduled events
    return None


# ---------------------------------------------------------------------------------------------
# resolution of one match


def _norm(words: str) -> str:
    return " ".join(words.lower().split())


def _num(word: str) -> int | None:
    word = _norm(word)
    if word.isdigit():
        return int(word)
    return lexicon()["numbers"].get(word)


def _day(word: str) -> int | None:
    word = word.lower()
    m = re.match(r"(\d+)", word)
    return int(m[1]) if m else lexicon()["ordinals"].get(word)


def _month(word: str) -> int:
    return lexicon()["months"][word.lower().rstrip(".")]


def _year(word: str, pub: dt.date | None) -> int:
    """Four digits as given; two digits ('90, 90) in the century nearest the document date."""
    word = word.lstrip("'")
    if len(word) == 4:
        return int(word)
    yy = int(word)
    if pub is None:
        return (1900 if yy >= PIVOT else 2000) + yy
    y = pub.year - pub.year % 100 + yy
    return y - 100 if y > pub.year + 10 else y


def _choose(cands: list[dt.date], pub: dt.date, when: str | None) -> dt.date:
    """The candidate date (same month/day in adjacent years) that fits the tense.

    Tense picks the side of `pub` unless that side is most of a year away (the tense
    found may belong to a reporting verb); without tense, news talks of the past, so the
    earlier candidate wins when within seven months.
    """
    before = max((c for c in cands if c <= pub), default=None)
    after = min((c for c in cands if c >= pub), default=None)
    if before is None or after is None:
        return before or after
    gap_before, gap_after = (pub - before).days, (after - pub).days
    if when == "past" and gap_before <= 300:
        return before
    if when == "future" and gap_after <= 300:
        return after
    if when is None and gap_before <= 215:
        return before
    return before if gap_before <= gap_after else after


@cache
def holidays() -> dict[str, str | list[str]]:
    """Holiday rules by name without apostrophes: "New Years Eve" is "New Year's Eve"."""
    return {name.replace("'", ""): rule for name, rule in lexicon()["holidays"].items()}


def holiday_date(rule: str, year: int) -> dt.date:
    """The day a holiday rule of lexicon.json ('12-25', '11:3:4', '11:3:4:+1', 'easter:-2') gives in `year`."""
    if rule.startswith("easter"):
        return easter(year) + dt.timedelta(days=int(rule.split(":")[1]))
    if ":" not in rule:
        return dt.date(year, *map(int, rule.split("-")))
    month, weekday, nth, *shift = rule.split(":")
    month, weekday, nth = int(month), int(weekday), int(nth)
    if nth > 0:
        first = dt.date(year, month, 1)
        day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    else:
        last = add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
        day = last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    return day + dt.timedelta(days=int(shift[0]) if shift else 0)


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


_REL_STEP = {"last": -1, "past": -1, "previous": -1, "the past": -1, "the previous": -1,
             "this": 0, "the current": 0, "the full": 0, "the": 0, "next": 1, "coming": 1, "the coming": 1}
_UNIT_DAYS = {"minute": 0, "hour": 0, "day": 1, "week": 7, "fortnight": 14}
_UNIT_MONTHS = {"month": 1, "year": 12, "decade": 120}


def _relative(parts: dict) -> dict:
    """Offsets of an event-relative expression: 'two days before' -> relation before, offset_days -2."""
    rel = _norm(parts["rel"])
    sign = -1 if rel in ("before", "earlier", "previously") or rel.startswith("the previous") \
        or rel.startswith("the preceding") else 1
    relation = {"afterwards": "later", "afterward": "later", "previously": "earlier"}.get(rel, rel)
    if relation.startswith("the "):
        relation = "before" if sign < 0 else "after"
    n = _num(parts["n"]) if "n" in parts else 1
    unit = lexicon()["units"].get(parts["unit"].lower(), "day")
    out = {"relation": relation, "offset_days": None, "offset_years": None, "offset_months": None}
    if unit in _UNIT_DAYS:
        out["offset_days"] = sign * n * _UNIT_DAYS[unit]
    elif unit == "month":
        out["offset_months"] = sign * n
    else:
        out["offset_years"] = sign * n * (10 if unit == "decade" else 1)
    return out


def resolve(m: Match, pub: dt.date | None, when: str | None) -> dict | None:
    """Value, precision, anchor (and offsets) of one match; None when it is not a date after all."""
    p, k = m.parts, m.kind
    if k in ("iso", "numeric", "mdy", "dmy"):
        mo, day = int(p["month"]) if "month" in p else _month(p["mon"]), _day(p["day"]) or 0
        if mo > 12 >= day:
            mo, day = day, mo  # "25/12/2023" is day first
        d = _safe_date(_year(p["year"], pub), mo, day)
        return d and {"value": d.isoformat(), "precision": "day", "anchor": "absolute"}
    if k == "my":
        return {"value": f"{int(p['year']):04d}-{_month(p['mon']):02d}", "precision": "month", "anchor": "absolute"}
    if k == "myrel" and pub:
        year = pub.year + _REL_STEP[p["rel"].lower()]
        return {"value": f"{year:04d}-{_month(p['mon']):02d}", "precision": "month", "anchor": "published"}
    if k == "year":
        return {"value": p["year"], "precision": "year", "anchor": "absolute"}
    if k == "decade":
        return {"value": None, "precision": None, "anchor": "absolute"}
    if k in ("same", "evweekday"):
        return {"value": None, "precision": None, "anchor": "none"}
    if k == "anniversary":
        return {"value": None, "precision": None, "anchor": "event", "relation": "anniversary",
                "offset_years": _day(p["ord"])}
    if k in ("evrel", "evnext", "dayafter"):
        return {"value": None, "precision": None, "anchor": "event", **_relative(p)}
    if pub is None:
        return {"value": None, "precision": None, "anchor": "none"}
    out = {"anchor": "published"}
    if k in ("md", "dm", "ordday"):
        d = _day(p["day"])
        if "mon" in p:
            cands = [_safe_date(pub.year + i, _month(p["mon"]), d) for i in (-1, 0, 1)]
        else:
            cands = [_safe_date(x.year, x.month, d) for x in (add_months(pub, -1), pub.replace(day=1))]
        cands = [c for c in cands if c]
        if not cands:
            return None
        return {**out, "value": _choose(cands, pub, when).isoformat(), "precision": "day"}
    if k == "month":
        mo = _month(p["mon"])
        rel = _norm(p.get("mrel", ""))
        cands = [dt.date(pub.year + i, mo, 1) for i in (-1, 0, 1)]
        cur = pub.replace(day=1)
        if rel in ("last", "past", "this past"):
            d = max(c for c in cands if c < cur)
        elif rel in ("next", "coming", "this coming"):
            d = min(c for c in cands if c > cur)
        elif rel == "this":
            d = cands[1]
        else:
            d = _choose(cands, cur, when)
        return {**out, "value": fmt(d, "month"), "precision": "month"}
    if k == "weekday":
        target = lexicon()["weekdays"][p["wd"].lower()]
        rel = _norm(p.get("wrel", ""))
        back = (pub.weekday() - target) % 7
        fwd = (target - pub.weekday()) % 7
        if rel in ("last", "past", "this past", "previous"):
            delta = -(back or 7)
        elif rel in ("next", "coming", "this coming"):
            delta = fwd or 7
        elif when == "future" or rel == "this" and fwd < back:
            delta = fwd
        else:
            delta = -back
        return {**out, "value": (pub + dt.timedelta(days=delta)).isoformat(), "precision": "day"}
    if k == "weekend":  # its Saturday (as ACLED dates an event within a range): the last one, or the next
        rel = _norm(p.get("wrel", ""))
        last = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)  # on or before the document date
        if rel in ("next", "coming") or when == "future" and rel in ("this", "the", ""):
            last = pub if pub.weekday() == 5 else last + dt.timedelta(days=7)
        elif rel == "last" and pub.weekday() >= 5:
            last -= dt.timedelta(days=7)  # said on a weekend, "last weekend" is the one before
        return {**out, "value": last.isoformat(), "precision": "day", "days": 2}
    if k == "holiday":
        rules = holidays()[re.sub("['’]", "", _norm(p["hol"]))]
        years = [int(p["year"])] if "year" in p else [pub.year - 1, pub.year, pub.year + 1]
        # a name several calendars give a day ("Labor Day": May 1 in most countries, September in the US):
        # the day nearest the story, as for any holiday
        day = _choose([holiday_date(r, y) for r in ([rules] if isinstance(rules, str) else rules) for y in years],
                      pub, when)
        return {**out, "value": day.isoformat(), "precision": "day"}
    if k == "dayword":
        delta = lexicon()["day_words"][_norm(p["dw"])]
        return {**out, "value": (pub + dt.timedelta(days=delta)).isoformat(), "precision": "day"}
    if k in ("period", "adjrel"):
        unit, rel = p["unit"].lower(), _norm(p.get("rel", "last"))
        if rel == "the" and unit != "year":
            return None  # "the month", "the week": which one is anaphoric
        if unit == "week":  # no week precision here: the month (else year) that holds the whole week
            monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(days=7 * _REL_STEP[rel])
            sunday = monday + dt.timedelta(days=6)
            if (monday.year, monday.month) == (sunday.year, sunday.month):
                return {**out, "value": fmt(monday, "month"), "precision": "month"}
            return {**out, "value": str(monday.year), "precision": "year"} if monday.year == sunday.year else None
        step = _REL_STEP[rel]
        if unit == "month":
            return {**out, "value": fmt(add_months(pub, step), "month"), "precision": "month"}
        return {**out, "value": str(pub.year + step), "precision": "year"}
    if k == "ago":
        n = _num(p["n"])
        unit = lexicon()["units"][p["unit"].lower()]
        if n is None:
            return None
        if unit in _UNIT_DAYS:
            if unit in ("minute", "hour"):
                return None  # "20 minutes ago": a time, not a date
            return {**out, "value": (pub - dt.timedelta(days=n * _UNIT_DAYS[unit])).isoformat(), "precision": "day"}
        d = add_months(pub, -n * _UNIT_MONTHS[unit])
        precision = "month" if unit == "month" else "year"
        return {**out, "value": fmt(d, precision), "precision": precision}
    return None


# ---------------------------------------------------------------------------------------------
# filters that need the parse


_DAY_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?\s+$")
_NAMES = {"PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART"}
# A clock time is followed by its zone, or by the same time in another zone: "since 1330 (1930 GMT)".
_CLOCK = re.compile(r"\s*(?:hours|hrs|h\b|gmt|utc|local|\(\s*\d{3,4}\s*(?:gmt|utc|z)\b)", re.I)


def _prev_word(text: str, start: int) -> str:
    return (text[max(0, start - 14):start].lower().split() or [""])[-1]


def _inside(m: Match, ents: list[tuple[int, int]]) -> bool:
    """Whether the hit lies within one of the sorted, disjoint (start, end) entity spans."""
    i = bisect.bisect_right(ents, (m.start, float("inf"))) - 1
    return i >= 0 and ents[i][0] <= m.start and m.end <= ents[i][1]


def _keeps(m: Match, text: str, span, date_ents: list[tuple[int, int]]) -> bool:
    """False for hits the parse shows are not dates: 'Theresa May', modal 'may', a protest
    'march', clock times ('at 1800'), and numbers that count or address ('1500 troops')."""
    lx = lexicon()
    inside_ent = _inside(m, date_ents)
    prev = _prev_word(text, m.start)
    if span is not None and not inside_ent and span[0].ent_type_ in _NAMES and m.kind not in ("iso", "numeric", "holiday"):
        # "Theresa May", "the Sunday Times", "Euro 2016"; never "05/02/2016" or "Easter Sunday", whatever NER says
        return False
    if m.kind == "month" and text[m.end:m.end + 4].lower() == " day":
        return False  # "a May Day rally": the holiday's name, not the month
    if m.kind == "holiday" and span is not None and len(span):
        return not _names_a_thing(span[-1])
    if "mon" in m.parts and span is not None:
        word = m.parts["mon"].lower().rstrip(".")
        tok = next((t for t in span if t.lower_.rstrip(".") == word), None)
        if tok is None:
            return True
        if m.kind == "month" and word in lx["ambiguous_months"] and _heads_a_name(tok, m):
            return False  # NER often calls these DATE, so this comes before trusting it
        if inside_ent:
            return True
        if tok.ent_type_ in _NAMES or tok.tag_ == "MD":
            return False
        after = span.doc[span.end] if span.end < len(span.doc) else None
        if m.kind == "md" and after is not None and after.tag_ == "NNS" and _DAY_BEFORE.search(text[max(0, m.start - 8):m.start]):
            return False  # "on 2 february 20 people were killed": the day came first
        if word not in lx["ambiguous_months"]:
            return True
        if m.kind != "month":  # with a day: "March 3" is a date, "a second march" is not
            return m.parts.get("day", "0")[0].isdigit() or tok.pos_ not in ("VERB", "NOUN")
        if tok.pos_ in ("VERB", "NOUN") and word != "may":
            return False
        # A lone "May"/"March" needs a cue word before it, or a capital in cased text.
        capital = not text.islower() and m.parts["mon"][0].isupper() and not tok.is_sent_start
        return bool(m.parts.get("mrel") or m.parts.get("pmod")) or prev in lx["month_cues"] or capital
    if m.kind == "period" and _norm(m.parts["rel"]) == "the" and m.parts["unit"].istitle() and not text.isupper():
        return False  # "Citizen of the Year": a title
    if m.kind == "year":
        if prev == "at" or _CLOCK.match(text, m.end):
            return False
        if inside_ent or "fiscal" in m.parts or "pmod" in m.parts or "theyear" in m.parts:
            return True
        if m.parts.get("syear", "").lower().startswith("two"):
            return prev in lx["old_year_cues"]  # "two thousand" is a count unless "in two thousand"
        if span is not None:
            t = span[-1]
            if t.head.pos_ in ("NOUN", "PROPN") and t.i < t.head.i < span.end + 3:
                return False
            if re.match(r"\s?%|\.\d", text[m.end:m.end + 2]):
                return False
        return 1800 <= int(m.parts["year"]) <= 2099 or prev in lx["old_year_cues"]
    return True


def _heads_a_name(tok, m: Match) -> bool:
    """ "the Tribal Solidarity March", "the Long March", "the Women's March": a lone "March" that ends a
    phrase of capitalised modifiers is the name of a march, not the month; "Russia's March offensive",
    where it modifies a noun after it, is still the month."""
    return not (m.parts.get("mrel") or m.parts.get("pmod")) and tok.head.i <= tok.i and any(
        c.dep_ in ("compound", "amod", "nummod", "poss", "nmod") and c.text[:1].isupper() for c in tok.lefts)


def _names_a_thing(tok) -> bool:
    """A holiday naming a place, season or custom ("the Christmas market", "Christmas holidays") tells no
    day; one naming a time of day or an act ("Christmas morning", "a Father's Day murder-suicide") does."""
    head = tok
    while head.dep_ in ("compound", "nmod") and head.head.i > head.i:
        head = head.head
    dated = holiday_dated_heads()
    return head.i != tok.i and not any(t.lemma_.lower() in dated or t.lower_ in dated
                                       for t in tok.doc[tok.i + 1 : head.i + 1])


@cache
def holiday_dated_heads() -> frozenset:
    """Nouns after a holiday that keep it a date: times of day and events (any word of the triggers lexicon)."""
    events = json.loads((resources.files("eventwire") / "data" / "triggers.json").read_text(encoding="utf-8"))["lemmas"]
    return frozenset(lexicon()["holiday_dated_heads"]) | {k for k in events if " " not in k}


# Expressions whose year, month or week depends on the tense of their clause.
_TENSED = {"md", "dm", "ordday", "month", "weekday", "weekend", "holiday"}


class Dates:
    """Appends every date expression in the text to `doc.times`, in text order."""

    def __init__(self) -> None:
        grammar()

    def __call__(self, doc: Document) -> None:
        text = doc.clean or doc.text
        pub_parsed = parse_iso(doc.published)
        # Relative dates are not resolved against a date at the calendar's ends ("0001-01-01").
        pub = pub_parsed[0] if pub_parsed and pub_parsed[1] == "day" and 1000 < pub_parsed[0].year < 9000 else None
        sdoc = doc.doc
        date_ents = [(e.start_char, e.end_char) for e in sdoc.ents if e.label_ == "DATE"] if sdoc is not None else []
        # The time the narrative is at, by precision: the latest date at least that precise.
        start = Time("", 0, 0, pub.isoformat(), "day", "published") if pub else None
        refs = {"year": start, "month": start, "day": start}
        spans = {}

        def keep(m: Match) -> bool:
            spans[m.start, m.end] = sdoc.char_span(m.start, m.end, alignment_mode="expand") if sdoc is not None else None
            return _keeps(m, text, spans[m.start, m.end], date_ents)

        for m in find(text, keep):
            span = spans[m.start, m.end]
            when = tense(span) if m.kind in _TENSED and span is not None and len(span) else None
            res = resolve(m, pub, when)
            if res is None:
                continue
            time = Time(mention=doc.text[m.start:m.end], start=m.start, end=m.end, **res)
            if m.kind in ("same", "evweekday"):
                _follow_narrative(time, m, refs)
            elif time.anchor == "event" and time.relation != "anniversary" and not _names_event(time, text):
                # "the following month", "20 minutes later": relative to the time the text is at.
                ref = refs["month" if time.offset_months else "day"]
                time.value, time.precision = _coarsen(*resolve_relative(time, ref and ref.value), time)
            if time.value and time.precision:
                for level in _ORDER:
                    if _ORDER[level] <= _ORDER[time.precision]:
                        refs[level] = time
            doc.times.append(time)


def _follow_narrative(time: Time, m: Match, refs: dict[str, Time | None]) -> None:
    """'the same year', 'later that day', 'the following Sunday': the date the narrative is
    at (at that precision, or the next/previous such weekday), anchored as that date is."""
    unit = "day" if m.kind == "evweekday" else m.parts["unit"].lower()
    ref = refs[unit]
    if ref is None:
        return
    if m.kind == "same":
        time.value = ref.value[:{"year": 4, "month": 7, "day": 10}[unit]]
    else:
        day = dt.date.fromisoformat(ref.value)
        target = lexicon()["weekdays"][m.parts["wd"].lower()]
        if _norm(m.parts["rel"]) in ("previous", "preceding"):
            day -= dt.timedelta(days=(day.weekday() - target) % 7 or 7)
        else:
            day += dt.timedelta(days=(target - day.weekday()) % 7 or 7)
        time.value = day.isoformat()
    time.precision, time.anchor = unit, ref.anchor


def _names_event(time: Time, text: str) -> bool:
    """True for 'a day after <the attack>': the reference event is named right after the span."""
    return bool(re.search(r"(?:after|before)$", time.mention, re.I)) and bool(re.match(r"[ \t]*[\w\"'“‘]", text[time.end:]))


_ORDER = {"year": 0, "month": 1, "day": 2}


def _coarsen(value: str | None, precision: str | None, time: Time) -> tuple[str | None, str | None]:
    """No finer than the offset's unit: 'the following year' after a day-level date is a year."""
    if value is None:
        return None, None
    unit = "year" if time.offset_years else "month" if time.offset_months else "day"
    if _ORDER[unit] < _ORDER[precision]:
        precision = unit
        value = value[:{"year": 4, "month": 7}[unit]]
    return value, precision
