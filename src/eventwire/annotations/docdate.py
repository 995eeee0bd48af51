"""The document date: given, or inferred from the text, because every relative date needs it.

Inference looks, in order of trust, at a news dateline (`LIMA, 10 JAN 90 (EFE) --`,
`WASHINGTON, Jan 4 (Reuters) -`), at timestamps of embedded social posts
(`11:41 AM · Jan 4, 2024`: the latest one, since an article quotes posts up to its own
writing), and at the latest explicit full date in the text. Dates are read with the same
grammar as the `dates` stage.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Document
from .dates import Match, find, parse_iso, resolve

_FULL = ("iso", "numeric", "mdy", "dmy")
_DAY = _FULL + ("md", "dm")
# A dateline: place (optionally with an agency in parentheses), comma, the date, then a dash.
_DATELINE_HEAD = re.compile(r"\s*[^\W\d][^\n,]{0,60}(?:\s*\([^)\n]{1,30}\))?,\s*$")
_DATELINE_TAIL = re.compile(r"\s*(?:\([^)\n]{1,30}\))?\s*(?:--|—|–|-|_|:)")
_POST_STAMP = re.compile(r"\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*[·•|-]\s*$")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def _day_value(m: Match, year_hint: int | None = None) -> str | None:
    """The ISO day of a date hit; a dateline without a year takes `year_hint`."""
    if m.kind not in _FULL:
        if year_hint is None:
            return None
        m = Match("dmy", m.start, m.end, {**m.parts, "year": str(year_hint)})
    res = resolve(m, None, None)
    return res["value"] if res else None


def dateline(text: str, hits: list[Match]) -> str | None:
    """The date of a dateline opening a news text, if there is one; without a year in the
    dateline, the year the text names most often."""
    for m in hits:
        if m.start > 120:
            break
        if m.kind not in _DAY:
            continue
        head, tail = text[:m.start], text[m.end:m.end + 40]
        if (_DATELINE_HEAD.fullmatch(head) or not head.strip()) and _DATELINE_TAIL.match(tail):
            years = Counter(int(y) for y in _YEAR.findall(text))
            return _day_value(m, max(years, key=lambda y: (years[y], y)) if years else None)
    return None


def post_date(doc: Document, hits: list[Match]) -> str | None:
    """The latest date among embedded social-post timestamps."""
    dates = [p.posted for p in doc.posts if p.posted]
    for m in hits:
        if m.kind in _FULL and _POST_STAMP.search(doc.text[max(0, m.start - 20):m.start]):
            dates.append(_day_value(m))
    dates = [d for d in dates if d]
    return max(dates) if dates else None


def latest_full_date(hits: list[Match]) -> str | None:
    dates = [v for v in (_day_value(m) for m in hits if m.kind in _FULL) if v]
    return max(dates) if dates else None


def infer(doc: Document) -> str | None:
    text = doc.clean or doc.text
    hits = find(text)
    return dateline(text, hits) or post_date(doc, hits) or latest_full_date(hits)


class DocumentDate:
    """Keeps a given `published` date; otherwise infers one (`published_source` says which)."""

    def __call__(self, doc: Document) -> None:
        given = parse_iso(doc.published)
        if given:
            doc.published = given[0].isoformat() if given[1] == "day" else doc.published
            doc.published_source = "given"
            return
        value = infer(doc)
        doc.published = value
        doc.published_source = "inferred" if value else "none"
