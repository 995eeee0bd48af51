"""A terminal view of the contract's JSON: per document, its events as short readable cards.

It reads the contract object (not the model), so what a person sees is exactly what the
JSON says.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from ..news.clean import plain

EVIDENCE_CHARS = 160


def folded(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


def place(loc: dict | None) -> str:
    """`Kerman, IR`, `Quetta, Balochistan, PK`: the admin1 only when it adds something."""
    if not loc:
        return "-"
    name = loc.get("name") or loc.get("mention") or "?"
    admin1 = loc.get("admin1") if loc.get("admin1") and folded(loc["admin1"]) != folded(name) else None
    country = loc.get("country_code") if loc.get("feature") != "country" else None
    return ", ".join(x for x in (name, admin1, country) if x)


def participants(items: list[dict], with_attribution: bool) -> str:
    if not items:
        return "-"
    out = []
    for p in items:
        label = escape(p.get("name") or p.get("mention") or "?")
        if p.get("mention") and p.get("name") and p["mention"] != p["name"]:
            label += f' [dim]("{escape(p["mention"])}")[/]'
        if with_attribution and p.get("attribution"):
            label += f" [italic]({p['attribution']})[/]"
        out.append(label)
    return "; ".join(out)


def count(c: dict | None) -> str:
    if not c or c.get("best") is None:
        return "-"
    low, high = c.get("low"), c.get("high")
    bounds = f" ({low}-{high})" if low is not None and high is not None and low != high else ""
    return f"{c['best']}{bounds}"


def shorten(text: str, limit: int = EVIDENCE_CHARS) -> str:
    text = " ".join(plain(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def event_card(e: dict[str, Any]) -> Table:
    """One event as a two-column grid: field names on the left."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold cyan", no_wrap=True)
    grid.add_column()
    date = e.get("date") or "-"
    if e.get("date") and e.get("date_precision") not in (None, "day"):
        date += f" ({e['date_precision']})"
    rows = [
        (f"event {e.get('id', '?')}", f"[bold]{e.get('type', '?')}/{e.get('subtype', '?')}[/]"),
        ("date", f"{date}  [dim](confidence {e.get('confidence', 0):.2f})[/]"),
        ("place", escape(place(e.get("location")))),
        ("perpetrators", participants(e.get("perpetrators") or [], with_attribution=True)),
        ("targets", participants(e.get("targets") or [], with_attribution=False)),
        ("weapons", escape(", ".join(w["text"] for w in e.get("weapons") or []) or "-")),
        ("killed / injured", f"{count(e.get('killed'))} / {count(e.get('injured'))}"),
    ]
    for label, value in rows:
        grid.add_row(label, value)
    for span in (e.get("evidence") or [])[:2]:
        grid.add_row("evidence", f'[dim]"{escape(shorten(span["text"]))}"[/]')
    return grid


def render(doc: dict[str, Any], console: Console) -> None:
    """Print one document: a title line, then a card per event (or why there are none)."""
    published = doc.get("published") or "unknown date"
    title = f"[bold]{escape(str(doc.get('doc_id')))}[/]  published {published} ({doc.get('published_source')})"
    events = doc.get("events") or []
    parts: list = []
    for e in events:
        parts += [""] if parts else []
        parts.append(event_card(e))
    if not events:
        parts.append("[dim]no events found[/]")
    parts += [f"[yellow]warning:[/] {escape(w)}" for w in doc.get("warnings") or []]
    subtitle = f"{len(events)} event(s), {len(doc.get('places') or [])} place(s), {len(doc.get('entities') or [])} entities"
    console.print(Panel(Group(*parts), title=title, title_align="left", subtitle=subtitle, subtitle_align="right"))


def events_table(events: list[dict[str, Any]], title: str) -> Table:
    """Canonical events as one row each: what `eventwire events` prints, narrow enough for 100 columns."""
    table = Table(title=title, title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("what", overflow="fold")
    table.add_column("where", overflow="fold")
    table.add_column("killed", justify="right")
    table.add_column("injured", justify="right")
    table.add_column("by", overflow="fold")
    table.add_column("src", justify="right")
    for e in events:
        by = "; ".join(escape(p.get("name") or p.get("mention") or "?") + (
            f" [dim]({p['attribution']})[/]" if p.get("attribution") not in (None, "reported") else "")
            for p in e.get("perpetrators") or []) or "-"
        table.add_row(escape(e.get("id") or "?"), e.get("date") or "-", (e.get("subtype") or "?").replace("_", " "),
                      escape(place(e.get("location"))), count(e.get("killed")), count(e.get("injured")), by,
                      str(e.get("sources", 0)))
    return table


def render_event(event: dict[str, Any], documents: list[dict[str, Any]], console: Console) -> None:
    """One canonical event: its card, its count history, then every source with its evidence."""
    parts: list = [event_card(event)]
    history = event.get("count_history") or []
    if history:
        rows = Table("published", "document", "killed", "injured", title="count history", title_justify="left")
        for h in history:
            rows.add_row(h.get("published") or "-", escape(str(h.get("doc_id"))),
                         *("-" if h.get(k) is None else str(h[k]) for k in ("killed", "injured")))
        parts += ["", rows]
    by_doc: dict[str, list[str]] = {}
    for span in event.get("evidence") or []:
        by_doc.setdefault(span.get("doc_id"), []).append(span["text"])
    for d in documents:
        parts += ["", f"[bold]source[/] {escape(d['doc_id'])}  {d.get('published') or 'undated'}  "
                      f"{escape(d.get('title') or '')}  [link]{escape(d.get('url') or '')}[/]"]
        parts += [f'  [dim]"{escape(shorten(text))}"[/]' for text in by_doc.get(d["doc_id"], [])[:3]]
    console.print(Panel(Group(*parts), title=f"[bold]{escape(event.get('id') or '?')}[/]", title_align="left",
                        subtitle=f"{len(documents)} source(s)", subtitle_align="right"))
