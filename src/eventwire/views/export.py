"""Canonical events out as files other tools read: csv, jsonl, geojson, parquet, and ACLED- and
GTD-shaped tables.

Every writer streams: rows go out as the events come in (parquet batches them into an
in-memory DuckDB table and copies that to the file). `export` returns the number of
rows written; events a format cannot hold are left out and not counted:
- geojson: events without coordinates (the FeatureCollection says how many, in its
  foreign member `omitted_without_coordinates`);
- acled: `statement` events (ACLED has no such type);
- gtd: events GTD would not hold: types that are not terrorism-like attacks (protests,
  riots, statements, most strategic developments, territory changes, sexual violence),
  air and drone strikes, and events whose every resolved perpetrator is a state or its
  forces, or battles a state's forces started (GTD covers non-state actors only).

ACLED and GTD columns follow their codebooks (ACLED 2023 column set; GTD codebook variable
names). The codings (type names, inter codes, weapon, target and attack types, regions)
live in data/export.json. Their ids cannot be allocated here, so `event_id_cnty` and
`eventid` carry the canonical event id, which joins back to the jsonl export.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timezone
from functools import cache, lru_cache
from importlib import resources
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from ..annotations import kb
from ..news.clean import plain

FORMATS = ("csv", "jsonl", "geojson", "parquet", "acled", "gtd")

FLAT_COLUMNS = (
    "id", "type", "subtype", "date", "date_precision", "country_code", "admin1", "place", "lat", "lon",
    "perpetrators", "targets", "weapons", "killed_best", "killed_low", "killed_high",
    "injured_best", "injured_low", "injured_high", "sources", "reports", "confidence",
)
# DuckDB types of the parquet columns: the flat row plus the whole event as JSON, so nothing is lost.
PARQUET_TYPES = {"lat": "DOUBLE", "lon": "DOUBLE", "confidence": "DOUBLE", "sources": "INTEGER"} | {
    f"{k}_{b}": "INTEGER" for k in ("killed", "injured") for b in ("best", "low", "high")
}
PARQUET_BATCH = 1000

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
GTD_COLUMNS = (
    "eventid", "iyear", "imonth", "iday", "approxdate", "extended", "country_txt", "region", "region_txt",
    "provstate", "city", "latitude", "longitude", "specificity", "summary", "success", "suicide",
    "attacktype1", "attacktype1_txt", "targtype1", "targtype1_txt", "target1", "gname", "guncertain1", "claimed",
    "weaptype1", "weaptype1_txt", "weapdetail", "nkill", "nwound", "scite1", "scite2", "scite3", "dbsource",
)
NOTES_CHARS = 600
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_WORD = re.compile(r"[\w'-]+")


@cache
def codings() -> dict[str, Any]:
    with resources.files("eventwire.data").joinpath("export.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    # word and phrase indexes, built once: {"soldiers": 1, "police officers": 1, ...}
    data["acled"]["inter_index"] = _index(data["acled"]["inter_by_word"])
    data["acled"]["police_index"] = _index({"police": data["acled"]["police_words"]})
    data["gtd"]["target_index"] = _index(data["gtd"]["target_words"])
    order = data["gtd"]["weapon_order"]
    data["gtd"]["weapon_index"] = _index({k: data["gtd"]["weapon_words"][k] for k in order})
    return data


def _index(groups: dict[str, list[str]]) -> dict[str, str]:
    """Word or phrase -> its group's code; a word listed twice keeps its first group."""
    out: dict[str, str] = {}
    for code, words in groups.items():
        for w in words:
            out.setdefault(w, code)
    return out


def lookup(text: str, index: dict[str, str]) -> str | None:
    """The code of the first word or two-word phrase of `text` in `index`, from its head (the last word) back."""
    words = _WORD.findall(text.lower())
    for i in range(len(words) - 1, -1, -1):
        if i and f"{words[i - 1]} {words[i]}" in index:
            return index[f"{words[i - 1]} {words[i]}"]
        if words[i] in index:
            return index[words[i]]
    return None


# ---- shared helpers over one canonical event -------------------------------------------------------


def date_parts(value: str | None) -> tuple[int | None, int | None, int | None]:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` as (year, month, day), None for what is missing."""
    parts = [int(p) for p in (value or "").split("-") if p.isdigit()]
    parts += [None] * (3 - len(parts))
    return parts[0], parts[1], parts[2]


def count(c: dict | None, key: str = "best") -> int | None:
    return c.get(key) if c else None


def names(items: list[dict] | None, attribution: bool = False) -> str:
    out = []
    for p in items or []:
        label = p.get("name") or p.get("mention") or ""
        if attribution and p.get("attribution"):
            label += f" ({p['attribution']})"
        out.append(label)
    return "; ".join(out)


def report_ids(e: dict) -> list[str]:
    return list(dict.fromkeys(r.get("doc_id") for r in e.get("reports") or [] if r.get("doc_id")))


def sources(e: dict) -> int:
    return e.get("sources") if e.get("sources") is not None else len(report_ids(e))


def evidence_text(e: dict, limit: int = NOTES_CHARS) -> str:
    text = " ".join(" ".join(plain(s.get("text") or "").split()) for s in e.get("evidence") or [])
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def country(cc: str | None) -> list:
    """[name, ISO numeric, ACLED region, GTD region code] of an ISO alpha-2 code (Nones when unknown)."""
    return codings()["countries"].get(cc or "", [None, None, None, None])


def flat(e: dict) -> dict[str, Any]:
    """One event as a flat row (csv, geojson properties, parquet)."""
    loc = e.get("location") or {}
    killed, injured = e.get("killed"), e.get("injured")
    return {
        "id": e.get("id"), "type": e.get("type"), "subtype": e.get("subtype"), "date": e.get("date"),
        "date_precision": e.get("date_precision"), "country_code": loc.get("country_code"),
        "admin1": loc.get("admin1"), "place": loc.get("name") or loc.get("mention"),
        "lat": loc.get("lat"), "lon": loc.get("lon"),
        "perpetrators": names(e.get("perpetrators"), attribution=True), "targets": names(e.get("targets")),
        "weapons": "; ".join(w.get("text", "") for w in e.get("weapons") or []),
        "killed_best": count(killed), "killed_low": count(killed, "low"), "killed_high": count(killed, "high"),
        "injured_best": count(injured), "injured_low": count(injured, "low"), "injured_high": count(injured, "high"),
        "sources": sources(e), "reports": "; ".join(report_ids(e)), "confidence": e.get("confidence"),
    }


# ---- ACLED -------------------------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def actor(name: str) -> kb.Actor | None:
    """The knowledge-base actor a participant's name resolves to (names recur: looked up once)."""
    return kb.match(name)


def _acled_actor(p: dict, cc: str | None, where: str, etype: str | None, target: bool
                 ) -> tuple[str, int, str, bool]:
    """(actor, inter, assoc_actor, known) of a participant, named as ACLED names actors: a state
    that acts is its forces ("Israel" in an airstrike: Military Forces of Israel); soldiers or
    police the text ties to no state are the event country's; armed men the knowledge base does
    not know are `Unidentified Armed Group (Country)`, their words kept as the associated actor;
    unknown victims are civilians."""
    acled = codings()["acled"]
    name = p.get("name") or p.get("mention") or ""
    known = actor(name)
    if known and known.is_country:
        known = kb.load_kb().get(f"{known.id}-{acled['state_acts_as'].get(etype or '', 'government')}") or known
    if known and known.type in acled["inter_by_actor_type"]:
        code = acled["inter_by_actor_type"][known.type]
        if code == 1 and known.country and cc and known.country != cc:
            code = acled["foreign_state_inter"]  # another state's forces are external forces
        return known.name, code, "", True
    word = lookup(name, acled["inter_index"])
    if word == "1" and cc:
        force = kb.load_kb().get(f"{cc}-{'police' if lookup(name, acled['police_index']) else 'military'}")
        if force:
            return force.name, 1, name, True
    if word in ("2", "3") or (word is None and not target):
        template, inter = acled["unidentified_actor"]
        return template.format(country=where), inter, name, word is not None
    return name, int(word or 7), "", word is not None


def _first(rows: list[tuple]) -> tuple | None:
    """The participant that best stands for a side: a known one whose attribution is claimed
    or confirmed, then any known one, then the first. Rows end with (known, participant)."""
    for ok in (lambda r: r[-2] and r[-1].get("attribution") in ("claimed", "confirmed"), lambda r: r[-2],
               lambda r: True):
        for r in rows:
            if ok(r):
                return r
    return None


def acled_actors(e: dict, cc: str | None, cname: str | None) -> tuple[str, str, int | None, str, str, int | None]:
    """(actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2) by ACLED's conventions:
    demonstrators as `Protesters (Country)` / `Rioters (Country)`, the perpetrator that best
    stands for the attackers as actor1 (the others associated), a targeted force or group as
    actor2, else victims as `Civilians (Country)` with the victims named in assoc_actor_2."""
    acled = codings()["acled"]
    etype = e.get("type")
    where = cname or "International"
    perps = e.get("perpetrators") or []
    rows = [(*_acled_actor(p, cc, where, etype, False), p) for p in perps]
    lead = _first(rows)
    solo = acled["solo_actor_by_type"].get(etype or "")
    if solo:
        actor1, inter1, assoc1 = solo[0].format(country=where), solo[1], names(perps)
    elif lead:
        actor1, inter1, assoc1 = lead[:3]
        others = (r[-1].get("name") or r[-1].get("mention") for r in rows if r is not lead)
        assoc1 = "; ".join(x for x in dict.fromkeys((assoc1, *others)) if x and x != actor1)
    elif etype == "strategic_developments":
        actor1, inter1, assoc1 = "", None, ""
    else:
        template, inter1 = acled["unidentified_actor"]
        actor1, assoc1 = template.format(country=where), ""
    humans = [p for p in e.get("targets") or [] if p.get("kind") == "human"]
    victims = [_acled_actor(p, cc, where, etype, True) for p in humans]
    armed = [v for v in victims if v[1] != 7]
    if armed:
        actor2, inter2, assoc2 = armed[0][:3]
    elif victims:
        template, inter2 = acled["civilian_actor"]
        actor2, assoc2 = template.format(country=where), names(humans)
    else:
        others = [r for r in rows if r is not lead and r[-2] and r[0] != actor1] if etype == "battles" else []
        actor2, inter2, assoc2 = others[0][:3] if others else ("", None, "")
    return actor1, assoc1, inter1, actor2, assoc2, inter2


def _timestamp(e: dict) -> int | None:
    """Unix time of the latest report's publication day: when the event was last updated."""
    days = [r["published"] for r in e.get("reports") or [] if r.get("published")]
    try:
        return int(datetime.combine(date.fromisoformat(max(days)), datetime.min.time(), timezone.utc).timestamp())
    except ValueError:
        return None


def _hosts(e: dict) -> list[str]:
    """Where the reports came from: the sites of their URLs, else their document ids."""
    out = []
    for r in e.get("reports") or []:
        host = urlsplit(r.get("url") or "").hostname
        out.append(host.removeprefix("www.") if host else r.get("doc_id"))
    return [h for h in dict.fromkeys(out) if h]


def acled_row(e: dict) -> dict[str, Any] | None:
    """The event as an ACLED row, or None for a type ACLED does not code (statements).

    Dates known only to the month are coded to its 15th and years to 1 July, with a
    time_precision of 3; `fatalities` is 0 when no figure is known, as in ACLED.
    """
    acled = codings()["acled"]
    etype, subtype = e.get("type"), e.get("subtype")
    if etype not in acled["event_types"]:
        return None
    loc = e.get("location") or {}
    cc = loc.get("country_code")
    cname, iso, region, _ = country(cc)
    year, month, day = date_parts(e.get("date"))
    event_date = date(year, month or 7, day or (15 if month else 1)).isoformat() if year else None
    actor1, assoc1, inter1, actor2, assoc2, inter2 = acled_actors(e, cc, cname)
    codes = sorted(c for c in (inter1, inter2) if c)
    interaction = codes[0] * 10 + (codes[1] if len(codes) > 1 else 0) if codes else None
    civilians = 7 in (inter1, inter2) and etype in ("battles", "explosions_remote_violence",
                                                     "violence_against_civilians")
    feature = loc.get("feature") or "other"
    notes = evidence_text(e)
    return {
        "event_id_cnty": e.get("id"), "event_date": event_date, "year": year,
        "time_precision": acled["time_precision"].get(e.get("date_precision") or "", 3) if year else None,
        "disorder_type": acled["disorder_types"].get(subtype) or acled["disorder_types"].get(etype),
        "event_type": acled["event_types"][etype], "sub_event_type": acled["sub_event_types"].get(subtype, "Other"),
        "actor1": actor1, "assoc_actor_1": assoc1, "inter1": inter1,
        "actor2": actor2, "assoc_actor_2": assoc2, "inter2": inter2, "interaction": interaction,
        "civilian_targeting": acled["civilian_targeting"] if civilians else "",
        "iso": iso, "region": region, "country": cname,
        "admin1": loc.get("admin1"), "admin2": loc.get("admin2"), "admin3": None,
        "location": loc.get("name") or loc.get("mention"), "latitude": loc.get("lat"), "longitude": loc.get("lon"),
        "geo_precision": acled["geo_precision"].get(feature, 2) if loc else None,
        "source": "; ".join(_hosts(e)), "source_scale": None,
        "notes": f"On {event_date}, {notes}" if event_date and notes else notes,
        "fatalities": count(e.get("killed")) or 0, "tags": None, "timestamp": _timestamp(e),
    }


# ---- GTD ---------------------------------------------------------------------------------------------


def _gtd_attack(e: dict, weapon: str) -> int | None:
    """GTD's attack type, or None for an event GTD leaves out."""
    gtd = codings()["gtd"]
    if e.get("subtype") in gtd["state_only_subtypes"]:
        return None
    by_type = gtd["attack_by_type"]
    code = by_type.get(f"{e.get('type')}/{e.get('subtype')}") or by_type.get(e.get("type") or "")
    if code == 2 and weapon == "6":  # an "attack" carried out with a bomb is a bombing
        code = 3
    targets = e.get("targets") or []
    if code in (2, 3) and weapon == "8" and targets and all(t.get("kind") == "physical" for t in targets):
        code = 7  # arson on buildings
    return code


def _gtd_weapon(e: dict) -> str:
    gtd = codings()["gtd"]
    found = {lookup(w.get("text") or "", gtd["weapon_index"]) for w in e.get("weapons") or []}
    for code in gtd["weapon_order"]:
        if code in found:
            return code
    return gtd["weapon_by_subtype"].get(e.get("subtype") or "", "13")


def _gtd_target(e: dict) -> tuple[str, str | None]:
    """(GTD target type, the target's name): the first target whose words tell its type, else
    private citizens when any target is human, else unknown."""
    gtd = codings()["gtd"]
    targets = [t.get("name") or t.get("mention") or "" for t in e.get("targets") or []]
    for name in targets:
        code = lookup(name, gtd["target_index"])
        if code:
            return code, name
    human = any(t.get("kind") == "human" for t in e.get("targets") or [])
    return gtd["target_human"] if human else gtd["target_unknown"], targets[0] if targets else None


def _state_only(e: dict) -> bool:
    """All the perpetrators the knowledge base knows are states or state forces (and there are some);
    in a battle, the side that started it is ("troops clashed with Boko Haram fighters")."""
    perps = e.get("perpetrators") or []
    if e.get("type") == "battles":
        perps = perps[:1]
    kinds = [a.type for a in (actor(p.get("name") or "") for p in perps) if a]
    return bool(kinds) and all(k in codings()["gtd"]["state_actor_types"] for k in kinds)


def gtd_row(e: dict) -> dict[str, Any] | None:
    """The event as a GTD row, or None when GTD would not hold it (see the module docstring).

    Unknown day or month is 0, as in GTD, with the known part in `approxdate`; nkill and
    nwound are blank when no figure is known; `gname` is the first non-state perpetrator
    the text names ("Unknown" without one), `claimed` 1 when any perpetrator claimed it.
    """
    gtd = codings()["gtd"]
    weapon = _gtd_weapon(e)
    attack = _gtd_attack(e, weapon)
    if attack is None or _state_only(e):
        return None
    loc = e.get("location") or {}
    cname, _, _, region = country(loc.get("country_code"))
    year, month, day = date_parts(e.get("date"))
    approx = None
    if year and not day:
        approx = f"{MONTHS[month - 1]} {year}" if month else str(year)
    target, target_name = _gtd_target(e)
    group = next((p for p in e.get("perpetrators") or [] if p.get("kind") == "organization"
                  and not ((a := actor(p.get("name") or "")) and a.type in gtd["state_actor_types"])), None)
    feature = loc.get("feature") or "other"
    summary = evidence_text(e)
    # GTD cites '"Title," Outlet, date.': here the title, the URL (else the document id) and the day
    cites = [", ".join(x for x in (f'"{r["title"]}"' if r.get("title") else None, r.get("url") or r.get("doc_id"),
                                  r.get("published")) if x) for r in (e.get("reports") or [])[:3]]
    cites += [None] * (3 - len(cites))
    return {
        "eventid": e.get("id"), "iyear": year, "imonth": month or 0, "iday": day or 0, "approxdate": approx,
        "extended": 0, "country_txt": cname, "region": region,
        "region_txt": gtd["regions"].get(str(region)) if region else None,
        "provstate": loc.get("admin1"), "city": loc.get("name") if feature in ("city", "site") else None,
        "latitude": loc.get("lat"), "longitude": loc.get("lon"),
        "specificity": gtd["specificity"].get(feature, 5) if loc else 5,
        "summary": f"{e.get('date')}: {summary}" if e.get("date") and summary else summary,
        "success": 1, "suicide": int(e.get("subtype") == "suicide_bomb"),
        "attacktype1": attack, "attacktype1_txt": gtd["attack_types"][str(attack)],
        "targtype1": int(target), "targtype1_txt": gtd["target_types"][target],
        "target1": target_name,
        "gname": group.get("name") if group else "Unknown",
        "guncertain1": int(group.get("attribution") in ("suspected", "accused")) if group else None,
        "claimed": int(any(p.get("attribution") == "claimed" for p in e.get("perpetrators") or [])),
        "weaptype1": int(weapon), "weaptype1_txt": gtd["weapon_types"][weapon],
        "weapdetail": "; ".join(w.get("text", "") for w in e.get("weapons") or []) or None,
        "nkill": count(e.get("killed")), "nwound": count(e.get("injured")),
        "scite1": cites[0], "scite2": cites[1], "scite3": cites[2], "dbsource": "eventwire",
    }


# ---- writers -----------------------------------------------------------------------------------------


@contextmanager
def binary(out: BinaryIO | str | os.PathLike) -> Iterator[BinaryIO]:
    """`out` as a binary stream: a path is opened (and closed), a stream is used as is."""
    if isinstance(out, (str, os.PathLike)):
        with open(out, "wb") as fh:
            yield fh
    else:
        yield out


def write_jsonl(events: Iterable[dict], fh: BinaryIO) -> int:
    n = 0
    for e in events:
        fh.write(json.dumps(e, ensure_ascii=False).encode("utf-8") + b"\n")
        n += 1
    return n


def write_table(rows: Iterable[dict | None], columns: tuple[str, ...], fh: BinaryIO) -> int:
    """CSV with a header; None rows (events the format cannot hold) are skipped."""
    text = io.TextIOWrapper(fh, encoding="utf-8", newline="")
    try:
        writer = csv.DictWriter(text, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        n = 0
        for row in rows:
            if row is not None:
                writer.writerow(row)
                n += 1
        text.flush()
        return n
    finally:
        text.detach()  # leave the caller's stream open


def write_geojson(events: Iterable[dict], fh: BinaryIO) -> int:
    """A FeatureCollection of points, written feature by feature."""
    fh.write(b'{"type": "FeatureCollection", "features": [\n')
    n = skipped = 0
    for e in events:
        row = flat(e)
        if row["lat"] is None or row["lon"] is None:
            skipped += 1
            continue
        feature = {"type": "Feature", "id": row["id"],
                   "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]}, "properties": row}
        fh.write((b",\n" if n else b"") + json.dumps(feature, ensure_ascii=False).encode("utf-8"))
        n += 1
    fh.write(f'\n], "omitted_without_coordinates": {skipped}}}\n'.encode())
    return n


def write_parquet(events: Iterable[dict], path: str | os.PathLike) -> int:
    """The flat rows plus each whole event as JSON (`event`), through an in-memory DuckDB table
    filled a batch at a time, one typed list per column (far faster than row inserts)."""
    import duckdb

    columns = (*FLAT_COLUMNS, "event")
    types = [PARQUET_TYPES.get(c, "VARCHAR") for c in columns]
    con = duckdb.connect()
    try:
        con.execute("CREATE TABLE events (" + ", ".join(f'"{c}" {t}' for c, t in zip(columns, types)) + ")")
        insert = "INSERT INTO events SELECT " + ", ".join(f"UNNEST(?::{t}[])" for t in types)
        batch: list[list] = []
        n = 0
        for e in events:
            row = flat(e)
            batch.append([row[c] for c in FLAT_COLUMNS] + [json.dumps(e, ensure_ascii=False)])
            n += 1
            if len(batch) >= PARQUET_BATCH:
                con.execute(insert, [list(col) for col in zip(*batch)])
                batch.clear()
        if batch:
            con.execute(insert, [list(col) for col in zip(*batch)])
        target = os.fspath(path).replace("'", "''")
        con.execute(f"COPY events TO '{target}' (FORMAT parquet)")
    finally:
        con.close()
    return n


def export(events: Iterable[dict], fmt: str, out: BinaryIO | str | os.PathLike) -> int:
    """Write canonical events (merge.canonical dicts) in `fmt` to `out` (a binary stream or a
    path; parquet needs a path); return the number of rows or features written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if not isinstance(out, (str, os.PathLike)):
            raise ValueError("parquet export needs a file path (--output FILE), not a stream")
        return write_parquet(events, out)
    rows: dict[str, Callable[[dict], dict | None]] = {"csv": flat, "acled": acled_row, "gtd": gtd_row}
    columns = {"csv": FLAT_COLUMNS, "acled": ACLED_COLUMNS, "gtd": GTD_COLUMNS}
    with binary(out) as fh:
        if fmt == "jsonl":
            return write_jsonl(events, fh)
        if fmt == "geojson":
            return write_geojson(events, fh)
        return write_table(map(rows[fmt], events), columns[fmt], fh)
