"""What the pages draw, computed in Python: evidence highlighting and the timeline's bars.

Article text is untrusted. `highlight` is the only place where article text becomes markup:
it escapes every text segment and every attribute itself and adds nothing but `<mark>`
elements, so a page never has to mark article text safe.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache

from markupsafe import Markup, escape

from ..views.brief import safe_url
from ..views.schema import schema

# Outer fields first: an evidence sentence contains the spans of the fields it supports.
FIELD_RANK = {"evidence": 0, "trigger": 1, "place": 2, "perpetrator": 3, "target": 4, "weapon": 5, "killed": 6,
              "injured": 7}


@cache
def event_types() -> tuple[list[str], list[str]]:
    """The contract's event types and subtypes, for the filter form."""
    props = schema()["$defs"]["event"]["properties"]
    return list(props["type"]["enum"]), [s for s in props["subtype"]["enum"] if s]


def http_url(url: object) -> str | None:
    """`url` if it is an http(s) address a page may link to, else None (javascript:, data:, relative...)."""
    return safe_url(url) if isinstance(url, str) else None


@dataclass
class Span:
    start: int
    end: int
    fields: list[str]
    labels: list[str]
    children: list[Span] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "fields": self.fields, "labels": self.labels}


def _participant_label(role: str, p: dict) -> str:
    name = p.get("name") or p.get("mention") or ""
    return f"{role}: {name} ({p['attribution']})" if p.get("attribution") else f"{role}: {name}"


def _count_label(kind: str, c: dict) -> str:
    low, high = c.get("low"), c.get("high")
    bounds = f" ({low}-{high})" if low is not None and high is not None and low != high else ""
    return f"{kind}: {c.get('best')}{bounds}"


def event_spans(event: dict, doc_id: str, text: str) -> list[Span]:
    """The spans of `event` that lie in document `doc_id`, checked against its text (a span whose text does
    not match is left out rather than marking the wrong words), one per distinct offset pair."""
    found: list[tuple[dict, str, str, str | None]] = []  # span, field, label, expected text
    found += [(s, "evidence", "evidence", s.get("text")) for s in event.get("evidence") or []]
    if event.get("trigger"):
        found.append((event["trigger"], "trigger", f"trigger: {event['trigger'].get('text')}",
                      event["trigger"].get("text")))
    for role, name in (("perpetrators", "perpetrator"), ("targets", "target")):
        found += [(p, name, _participant_label(name, p), p.get("mention")) for p in event.get(role) or []]
    found += [(w, "weapon", f"weapon: {w.get('text')}", w.get("text")) for w in event.get("weapons") or []]
    for kind in ("killed", "injured"):
        if event.get(kind):
            found.append((event[kind], kind, _count_label(kind, event[kind]), event[kind].get("text")))
    loc = event.get("location")
    if loc:
        found.append((loc, "place", f"place: {loc.get('name')}, {loc.get('country_code')}", loc.get("mention")))
    merged: dict[tuple[int, int], Span] = {}
    for s, name, label, expected in found:
        start, end = s.get("start"), s.get("end")
        if s.get("doc_id", doc_id) != doc_id or not isinstance(start, int) or not isinstance(end, int):
            continue
        if not 0 <= start < end <= len(text) or (expected is not None and text[start:end] != expected):
            continue
        span = merged.setdefault((start, end), Span(start, end, [], []))
        if name not in span.fields:
            span.fields.append(name)
        if label not in span.labels:
            span.labels.append(label)
    for span in merged.values():
        span.fields.sort(key=FIELD_RANK.__getitem__)
    return sorted(merged.values(), key=lambda s: (s.start, -s.end, FIELD_RANK[s.fields[0]]))


def nest(spans: list[Span]) -> list[Span]:
    """Spans (sorted by start, longest first) as a forest; a span that crosses its parent's end is cut there."""
    roots: list[Span] = []
    stack: list[Span] = []
    for span in spans:
        span.children = []
        while stack and stack[-1].end <= span.start:
            stack.pop()
        if stack and span.end > stack[-1].end:
            span.end = stack[-1].end
        if span.start >= span.end:
            continue
        (stack[-1].children if stack else roots).append(span)
        stack.append(span)
    return roots


def highlight(text: str, spans: list[Span]) -> Markup:
    """`text` escaped, with a `<mark data-field=... title=...>` around each span (nested as the spans nest)."""
    out: list[str] = []

    def emit(start: int, end: int, children: list[Span]) -> None:
        pos = start
        for child in children:
            out.append(str(escape(text[pos:child.start])))
            out.append(f'<mark class="f-{escape(child.fields[0])}" data-field="{escape(" ".join(child.fields))}"'
                       f' title="{escape("; ".join(child.labels))}">')
            emit(child.start, child.end, child.children)
            out.append("</mark>")
            pos = child.end
        out.append(str(escape(text[pos:end])))

    emit(0, len(text), nest(spans))
    return Markup("".join(out))


# ---- timeline ----------------------------------------------------------------------------------------

@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    type: str  # coloured by the stylesheet
    label: str


@dataclass
class Timeline:
    unit: str  # day, month or year
    width: int
    height: int
    bars: list[Bar]
    ticks: list[tuple[float, str]]  # x, label
    y_ticks: list[tuple[float, int]]
    legend: list[tuple[str, int]]  # type, events
    left_out: int  # events whose date is coarser than the unit, or missing
    total: int


def _parse(day: str) -> tuple[date, str] | None:
    """A contract date as (first day, precision)."""
    try:
        if len(day) == 10:
            return date.fromisoformat(day), "day"
        if len(day) == 7:
            return date.fromisoformat(day + "-01"), "month"
        if len(day) == 4:
            return date(int(day), 1, 1), "year"
    except ValueError:
        pass
    return None


def _bin(d: date, unit: str) -> int:
    return {"day": d.toordinal(), "month": d.year * 12 + d.month - 1, "year": d.year}[unit]


def _bin_label(key: int, unit: str) -> str:
    if unit == "day":
        return date.fromordinal(key).isoformat()
    return f"{key // 12}-{key % 12 + 1:02d}" if unit == "month" else str(key)


PRECISION = {"day": 0, "month": 1, "year": 2}


def timeline(rows: list[tuple[str | None, str | None, int]], width: int = 960, height: int = 280) -> Timeline:
    """Stacked bars of events per period by type, from (date, type, count) rows. The period is a day when the
    dated events span at most four months, a month up to eight years, else a year, so a store of a few weeks
    reads per day and background events from years back do not squeeze it into slivers."""
    parsed = [(p, t or "unknown", n) for d, t, n in rows if d and (p := _parse(d))]
    days = [p[0] for p, _, _ in parsed if p[1] == "day"]
    span = (max(days) - min(days)).days if days else 0
    unit = "day" if days and span <= 122 else "month" if days and span <= 8 * 366 else "year"
    if not days and parsed and all(p[1] != "year" for p, _, _ in parsed):
        unit = "month"
    counts: dict[int, dict[str, int]] = {}
    for (d, precision), kind, n in parsed:
        if PRECISION[precision] <= PRECISION[unit]:
            counts.setdefault(_bin(d, unit), {}).setdefault(kind, 0)
            counts[_bin(d, unit)][kind] += n
    total = sum(n for _, _, n in rows)
    placed = sum(sum(c.values()) for c in counts.values())
    margin_left, margin_bottom, top = 40, 40, 10
    if not counts:
        return Timeline(unit, width, height, [], [], [], [], total - placed, total)
    first, last = min(counts), max(counts)
    n_bins = last - first + 1
    plot_w, plot_h = width - margin_left - 10, height - margin_bottom - top
    step = plot_w / n_bins
    peak = max(sum(c.values()) for c in counts.values())
    types = [t for t in event_types()[0] if any(t in c for c in counts.values())]
    types += sorted({t for c in counts.values() for t in c} - set(types))
    bars = []
    for key, by_type in sorted(counts.items()):
        y = top + plot_h
        for kind in types:
            n = by_type.get(kind, 0)
            if n:
                h = plot_h * n / peak
                y -= h
                bars.append(Bar(margin_left + (key - first) * step + step * 0.1, y, max(step * 0.8, 1.0), h, kind,
                                f"{_bin_label(key, unit)}: {n} {kind}"))
    every = max(1, round(n_bins / 10))
    ticks = [(margin_left + (k - first + 0.5) * step, _bin_label(k, unit)) for k in range(first, last + 1, every)]
    y_every = max(1, round(peak / 5))
    y_ticks = [(top + plot_h - plot_h * v / peak, v) for v in range(0, peak + 1, y_every)]
    legend = [(t, sum(c.get(t, 0) for c in counts.values())) for t in types]
    return Timeline(unit, width, height, bars, ticks, y_ticks, legend, total - placed, total)

