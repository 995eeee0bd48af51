"""The contract's JSON (shared/CONTRACT.md) as a view of the data model.

Fields are only ever added here, never renamed or dropped: outside scorers read them.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ..model import Count, Document, Entity, Event, Participant, Place, Span, Time


def span(s: Span) -> dict[str, Any]:
    return {"text": s.text, "start": s.start, "end": s.end}


def place(p: Place) -> dict[str, Any]:
    return asdict(p)


def time(t: Time) -> dict[str, Any]:
    return {
        "mention": t.mention,
        "start": t.start,
        "end": t.end,
        "value": t.value,
        "precision": t.precision,
        "anchor": t.anchor,
    }


def count(c: Count | None) -> dict[str, Any] | None:
    return None if c is None else asdict(c)


def participant(p: Participant) -> dict[str, Any]:
    return asdict(p)


def entity(e: Entity) -> dict[str, Any]:
    out = asdict(e)
    out["mentions"] = [span(m) for m in e.mentions]
    return out


def event(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "type": e.type,
        "subtype": e.subtype,
        "date": e.date,
        "date_precision": e.date_precision,
        "location": place(e.location) if e.location else None,
        "perpetrators": [participant(p) for p in e.perpetrators],
        "targets": [participant(p) for p in e.targets],
        "weapons": [span(w) for w in e.weapons],
        "killed": count(e.killed),
        "injured": count(e.injured),
        "evidence": [span(s) for s in e.evidence],
        "confidence": round(e.confidence, 3),
        "trigger": span(e.trigger) if e.trigger else None,
    }


def document(d: Document) -> dict[str, Any]:
    out: dict[str, Any] = {
        "doc_id": d.id,
        "published": d.published,
        "published_source": d.published_source,
        "events": [event(e) for e in d.events],
        "entities": [entity(e) for e in d.entities],
        "places": [place(p) for p in d.places],
        "times": [time(t) for t in d.times],
        "warnings": list(d.warnings),
    }
    if d.title:
        out["title"] = d.title
    if d.url:
        out["url"] = d.url
    if d.html:
        out["text"] = d.text
    if d.posts:
        out["posts"] = [asdict(p) for p in d.posts]
    return out
