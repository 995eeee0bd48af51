"""The event store: one DuckDB file holding documents, their annotations, canonical events,
their source reports, actors with aliases, places and count history.

Documents are written in small batches, each one transaction together with their reports and
the canonical events they touch, so a store is always whole: a killed ingest loses at most the
batch it was writing (16 documents, or a second's worth), and the next run redoes it. The schema carries a version; `MIGRATIONS`
brings an older file forward step by step when it is opened.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import duckdb

DEFAULT_DB = "eventwire.duckdb"

# Each entry moves the schema from version i to i + 1; never edit a released step, append one.
MIGRATIONS: list[list[str]] = [
    [
        "CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
        """CREATE TABLE documents (
            doc_id VARCHAR PRIMARY KEY, url VARCHAR, text_hash VARCHAR NOT NULL, title VARCHAR,
            published DATE, published_source VARCHAR, source VARCHAR, text VARCHAR NOT NULL,
            extract JSON NOT NULL, ingested_at TIMESTAMP NOT NULL)""",
        "CREATE INDEX documents_hash ON documents (text_hash)",
        "CREATE INDEX documents_url ON documents (url)",
        """CREATE TABLE entities (
            doc_id VARCHAR NOT NULL, entity_id VARCHAR NOT NULL, name VARCHAR NOT NULL, kind VARCHAR,
            aliases JSON, mentions INTEGER, PRIMARY KEY (doc_id, entity_id))""",
        """CREATE TABLE places (
            doc_id VARCHAR NOT NULL, n INTEGER NOT NULL, mention VARCHAR, start_char INTEGER, end_char INTEGER,
            name VARCHAR, country_code VARCHAR, admin1 VARCHAR, lat DOUBLE, lon DOUBLE, geonames_id BIGINT,
            feature VARCHAR, PRIMARY KEY (doc_id, n))""",
        """CREATE TABLE reports (
            doc_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL, canon_id VARCHAR NOT NULL, seq BIGINT NOT NULL,
            report JSON NOT NULL, PRIMARY KEY (doc_id, event_id))""",
        "CREATE INDEX reports_canon ON reports (canon_id)",
        """CREATE TABLE events (
            canon_id VARCHAR PRIMARY KEY, type VARCHAR, subtype VARCHAR, date VARCHAR, country_code VARCHAR,
            place VARCHAR, lat DOUBLE, lon DOUBLE, killed INTEGER, injured INTEGER, sources INTEGER,
            event JSON NOT NULL, updated_at TIMESTAMP NOT NULL)""",
        """CREATE TABLE event_actors (
            canon_id VARCHAR NOT NULL, name VARCHAR NOT NULL, role VARCHAR NOT NULL, attribution VARCHAR)""",
        "CREATE INDEX event_actors_canon ON event_actors (canon_id)",
        """CREATE TABLE count_history (
            canon_id VARCHAR NOT NULL, doc_id VARCHAR, published VARCHAR, killed INTEGER, injured INTEGER)""",
        "CREATE INDEX count_history_canon ON count_history (canon_id)",
        """CREATE TABLE actors (
            name VARCHAR PRIMARY KEY, kind VARCHAR, aliases JSON NOT NULL, documents INTEGER NOT NULL,
            first_seen VARCHAR, last_seen VARCHAR)""",
    ],
    [  # 2: a syndicated copy (same text, another id or URL) is another source of the same events
        """CREATE TABLE copies (
            doc_id VARCHAR PRIMARY KEY, same_as VARCHAR NOT NULL, url VARCHAR, title VARCHAR, published VARCHAR,
            ingested_at TIMESTAMP NOT NULL)""",
        "CREATE INDEX copies_same_as ON copies (same_as)",
    ],
]
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(Exception):
    """A store that cannot be opened or used, with what to do about it."""


def text_hash(text: str) -> str:
    """The same article with other spacing or case is the same document."""
    return hashlib.sha1(" ".join(text.lower().split()).encode("utf-8")).hexdigest()


@dataclass
class Filters:
    """What `eventwire events` and `export` select; every field optional."""

    since: str | None = None
    until: str | None = None
    country: str | None = None
    type: str | None = None
    actor: str | None = None
    near: tuple[float, float, float] | None = None  # lat, lon, km
    text: str | None = None
    limit: int | None = None

    def sql(self) -> tuple[str, list[Any]]:
        where, args = ["TRUE"], []
        if self.since:
            where.append("e.date >= ?")
            args.append(self.since)
        if self.until:
            where.append("left(e.date, ?) <= ?")  # "2024-01" is within --until 2024-01-31
            args += [len(self.until), self.until]
        if self.country:
            where.append("upper(e.country_code) = upper(?)")
            args.append(self.country)
        if self.type:
            where.append("(e.type = ? OR e.subtype = ?)")
            args += [self.type, self.type]
        if self.actor:
            where.append("EXISTS (SELECT 1 FROM event_actors a WHERE a.canon_id = e.canon_id"
                         " AND (a.name ILIKE ? OR a.name IN (SELECT name FROM actors,"
                         " unnest(CAST(aliases AS VARCHAR[])) AS t(alias) WHERE alias ILIKE ?)))")
            args += [f"%{self.actor}%", self.actor]
        if self.near:
            lat, lon, km = self.near
            dlat = km / 111.0
            dlon = km / max(1e-6, 111.0 * math.cos(math.radians(lat)))
            where.append("e.lat BETWEEN ? AND ? AND 2 * 6371 * asin(sqrt(power(sin(radians(e.lat - ?) / 2), 2)"
                         " + cos(radians(?)) * cos(radians(e.lat)) * power(sin(radians(e.lon - ?) / 2), 2))) <= ?")
            args += [lat - dlat, lat + dlat, lat, lat, lon, km]
            if dlon < 180:
                where.append("((e.lon BETWEEN ? AND ?) OR (e.lon BETWEEN ? AND ?) OR (e.lon BETWEEN ? AND ?))")
                args += [lon - dlon, lon + dlon, lon - dlon + 360, lon + dlon + 360, lon - dlon - 360,
                         lon + dlon - 360]
        if self.text:
            where.append("EXISTS (SELECT 1 FROM reports r JOIN documents d USING (doc_id)"
                         " WHERE r.canon_id = e.canon_id AND (d.text ILIKE ? OR d.title ILIKE ?))")
            args += [f"%{self.text}%"] * 2
        return " AND ".join(where), args


def actors_of(doc: dict) -> dict[str, tuple[str, set[str]]]:
    """A document's people and organisations: name -> (kind, its other names here)."""
    out: dict[str, tuple[str, set[str]]] = {}
    for e in doc.get("entities", []):
        if e.get("kind") in ("person", "organization"):
            out.setdefault(e["name"], (e["kind"], set()))[1].update(set(e.get("aliases") or []) - {e["name"]})
    return out


def schema_version(con: duckdb.DuckDBPyConnection, path: str) -> int:
    """The schema version of an open DuckDB file: 0 when empty; a file of other tables is refused."""
    has_meta = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchone()[0]
    if not has_meta:
        if con.execute("SELECT count(*) FROM information_schema.tables").fetchone()[0]:
            raise StoreError(f"{path}: a DuckDB file but not an eventwire store (it has no meta table)")
        return 0
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


class Store:
    """A DuckDB event store, opened (and migrated) on construction."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False):
        self.path = str(path)
        self.seq: int | None = None  # the last report's merge order, read once: this is the only writer
        if read_only and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such store; create one with `eventwire ingest PATH --db {self.path}`")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            hint = "another eventwire process may be writing it; wait for it to finish" \
                if "lock" in str(exc).lower() else "check the path and its permissions"
            raise StoreError(f"{self.path}: cannot open the store ({hint}): {exc}") from None
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: not an eventwire store (DuckDB says: {exc})") from None
        if not read_only:
            self.migrate()
        elif self.version() != SCHEMA_VERSION:
            raise StoreError(f"{self.path}: schema version {self.version()}, this eventwire needs"
                             f" {SCHEMA_VERSION}; open it once for writing (eventwire ingest) to migrate it")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def version(self) -> int:
        return schema_version(self.con, self.path)

    def migrate(self) -> None:
        version = self.version()
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: schema version {version} is newer than this eventwire's"
                             f" ({SCHEMA_VERSION}); upgrade eventwire")
        for step in range(version, SCHEMA_VERSION):
            with self.transaction():
                for ddl in MIGRATIONS[step]:
                    self.con.execute(ddl)
                self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(step + 1)])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN … COMMIT, or ROLLBACK when the block raises."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    # ---- writing -------------------------------------------------------------------------------------

    def known(self, url: str | None, digest: str) -> str | None:
        """The doc_id of a stored document with this URL or this normalised text, if any."""
        row = self.con.execute("SELECT doc_id FROM documents WHERE text_hash = ? OR (url IS NOT NULL AND url = ?)"
                               " LIMIT 1", [digest, url]).fetchone()
        return row[0] if row else None

    def known_hashes(self) -> set[str]:
        return {h for (h,) in self.con.execute("SELECT text_hash FROM documents").fetchall()}

    def free_id(self, doc_id: str, digest: str) -> str:
        """`doc_id`, or `doc_id~hash` when another document already holds that id."""
        taken = self.con.execute("SELECT 1 FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
        return f"{doc_id}~{digest[:8]}" if taken else doc_id

    def add_documents(self, docs: list[tuple[dict, str, list[tuple[str, dict]]]], canons: dict[str, dict],
                      moved: dict[str, str] | None = None) -> None:
        """Store extracted documents, each as (contract object, text, its reports as (canon_id, report)), the
        canonical events absorbed into others (`moved`: absorbed id -> absorbing id) and the canonical events
        they changed, all or nothing: a handful of statements, however many documents."""
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        with self.transaction():
            self.insert("documents", [
                [doc["doc_id"], doc.get("url"), text_hash(text), doc.get("title"), doc.get("published"),
                 doc.get("published_source"), doc.get("source"), text, json.dumps(doc, ensure_ascii=False), now]
                for doc, text, _ in docs])
            self.insert("entities", [
                [doc["doc_id"], e["id"], e["name"], e.get("kind"), json.dumps(e.get("aliases") or []),
                 len(e.get("mentions") or [])] for doc, _, _ in docs for e in doc.get("entities", [])])
            self.insert("places", [
                [doc["doc_id"], n, p.get("mention"), p.get("start"), p.get("end"), p.get("name"),
                 p.get("country_code"), p.get("admin1"), p.get("lat"), p.get("lon"), p.get("geonames_id"),
                 p.get("feature")] for doc, _, _ in docs for n, p in enumerate(doc.get("places", []))])
            if self.seq is None:
                self.seq = self.con.execute("SELECT coalesce(max(seq), 0) FROM reports").fetchone()[0]
            placed = [(doc["doc_id"], canon_id, r) for doc, _, reports in docs for canon_id, r in reports]
            self.insert("reports", [[doc_id, r["event_id"], canon_id, seq, json.dumps(r, ensure_ascii=False)]
                                    for seq, (doc_id, canon_id, r) in enumerate(placed, start=self.seq + 1)])
            self.seq += len(placed)  # a rolled-back batch leaves a gap: merge order is all `seq` keeps
            for old, new in (moved or {}).items():
                self.con.execute("UPDATE reports SET canon_id = ? WHERE canon_id = ?", [new, old])
            self.drop_events(list(moved or {}))
            self.put_events(canons, now)
            self.add_actors([doc for doc, _, _ in docs])

    def drop_events(self, canon_ids: list[str]) -> None:
        if canon_ids:
            marks = ", ".join("?" * len(canon_ids))
            for table in ("events", "event_actors", "count_history"):
                self.con.execute(f"DELETE FROM {table} WHERE canon_id IN ({marks})", canon_ids)

    def put_events(self, events: dict[str, dict], now: datetime) -> None:
        """Write (or rewrite) canonical events, by canon_id, with their actor and count-history rows."""
        if not events:
            return
        events = self.with_copies(events)
        self.drop_events(list(events))
        rows = []
        for canon_id, event in events.items():
            loc = event.get("location") or {}
            rows.append([canon_id, event.get("type"), event.get("subtype"), event.get("date"),
                         loc.get("country_code"), loc.get("name"), loc.get("lat"), loc.get("lon"),
                         best(event.get("killed")), best(event.get("injured")), event["sources"],
                         json.dumps(event, ensure_ascii=False), now])
        self.insert("events", rows)
        self.insert("event_actors", [[canon_id, p.get("name") or p.get("mention"), role, p.get("attribution")]
                                     for canon_id, event in events.items()
                                     for role in ("perpetrators", "targets") for p in event.get(role, [])
                                     if p.get("name") or p.get("mention")])
        self.insert("count_history", [[canon_id, h.get("doc_id"), h.get("published"), h.get("killed"),
                                       h.get("injured")] for canon_id, event in events.items()
                                      for h in event.get("count_history", [])])

    def with_copies(self, events: dict[str, dict]) -> dict[str, dict]:
        """The events, each with a report for every stored copy of its documents (marked `copy_of`) and its
        count of distinct sources."""
        own = {c: [r for r in e.get("reports", []) if not r.get("copy_of")] for c, e in events.items()}
        doc_ids = sorted({r["doc_id"] for reports in own.values() for r in reports})
        copies: dict[str, list[tuple]] = {}
        if doc_ids:
            for c, same_as, url, title, published in self.con.execute(
                    "SELECT doc_id, same_as, url, title, published FROM copies"
                    f" WHERE same_as IN ({', '.join('?' * len(doc_ids))}) ORDER BY doc_id", doc_ids).fetchall():
                copies.setdefault(same_as, []).append((c, url, title, published))
        out = {}
        for canon_id, event in events.items():
            extra = [{"doc_id": c, "event_id": r["event_id"], "published": published, "title": title, "url": url,
                      "copy_of": r["doc_id"]}
                     for r in own[canon_id] for c, url, title, published in copies.get(r["doc_id"], [])]
            reports = own[canon_id] + sorted(extra, key=lambda r: r["doc_id"])
            out[canon_id] = {**event, "reports": reports, "sources": len({r["doc_id"] for r in reports})}
        return out

    def add_copy(self, doc_id: str, same_as: str, url: str | None, title: str | None, published: str | None) -> None:
        """Record a copy of a stored document and list it as a source of that document's events."""
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        with self.transaction():
            self.con.execute("INSERT INTO copies VALUES (?, ?, ?, ?, ?, ?)", [doc_id, same_as, url, title, published, now])
            self.put_events({canon_id: json.loads(event) for canon_id, event in self.con.execute(
                "SELECT e.canon_id, e.event FROM events e WHERE e.canon_id IN"
                " (SELECT canon_id FROM reports WHERE doc_id = ?)", [same_as]).fetchall()}, now)

    def copy_known(self, doc_id: str, url: str | None) -> bool:
        """Whether this id (or URL) is already stored, as a document or as a copy."""
        return self.con.execute(
            "SELECT 1 FROM documents WHERE doc_id = ? OR (url IS NOT NULL AND url = ?) UNION ALL"
            " SELECT 1 FROM copies WHERE doc_id = ? OR (url IS NOT NULL AND url = ?) LIMIT 1",
            [doc_id, url, doc_id, url]).fetchone() is not None

    def insert(self, table: str, rows: list[list], replace: bool = False) -> None:
        """All rows in one statement: DuckDB's executemany prepares and runs a statement per row."""
        if rows:
            one = f"({', '.join('?' * len(rows[0]))})"
            verb = "INSERT OR REPLACE" if replace else "INSERT"
            self.con.execute(f"{verb} INTO {table} VALUES {', '.join([one] * len(rows))}",
                             [value for row in rows for value in row])

    def add_actors(self, docs: list[dict]) -> None:
        """People and organisations across the corpus: the documents naming them, their aliases unioned, first
        and last seen; one read and one upsert for the lot."""
        seen: dict[str, list] = {}  # name -> [kind, aliases, documents, days]
        for doc in docs:
            for name, (kind, aliases) in actors_of(doc).items():
                entry = seen.setdefault(name, [kind, set(), 0, []])
                entry[1] |= aliases
                entry[2] += 1
                entry[3] += [doc.get("published")]
        if not seen:
            return
        names = sorted(seen)
        stored = {row[0]: row[1:] for row in self.con.execute(
            "SELECT name, kind, aliases, documents, first_seen, last_seen FROM actors"
            f" WHERE name IN ({', '.join('?' * len(names))})", names).fetchall()}
        rows = []
        for name in names:
            kind, aliases, documents, days = seen[name]
            kind, old_aliases, before, first, last = stored.get(name, (kind, "[]", 0, None, None))
            days = [d for d in [first, last, *days] if d]
            rows.append([name, kind, json.dumps(sorted(aliases | set(json.loads(old_aliases)))), before + documents,
                         min(days, default=None), max(days, default=None)])
        self.insert("actors", rows, replace=True)

    # ---- reading -------------------------------------------------------------------------------------

    def reports(self) -> Iterator[tuple[str, dict]]:
        """Every stored report with its canonical event, in the order they were merged."""
        cur = self.con.execute("SELECT canon_id, report FROM reports ORDER BY seq")
        while rows := cur.fetchmany(10_000):
            for canon_id, report in rows:
                yield canon_id, json.loads(report)

    ORDERS = {"date": "e.date DESC NULLS LAST, e.canon_id",
              "sources": "e.sources DESC, e.date DESC NULLS LAST, e.canon_id"}

    def events(self, filters: Filters | None = None, order: str = "date") -> Iterator[dict]:
        """Canonical events, each with its reports and count history: newest first, or (exports) the
        best-sourced first, so a reader that keeps the first event naming a document keeps the fullest."""
        where, args = (filters or Filters()).sql()
        sql = f"SELECT event FROM events e WHERE {where} ORDER BY {self.ORDERS[order]}"
        if filters and filters.limit:
            sql += f" LIMIT {int(filters.limit)}"
        cur = self.con.execute(sql, args)
        while rows := cur.fetchmany(1_000):
            for (event,) in rows:
                yield json.loads(event)

    def event(self, canon_id: str) -> dict | None:
        row = self.con.execute("SELECT event FROM events WHERE canon_id = ?", [canon_id]).fetchone()
        return json.loads(row[0]) if row else None

    def documents_of(self, canon_id: str) -> list[dict]:
        """The source documents of an event: id, title, url, published and text."""
        cur = self.con.execute(
            "SELECT DISTINCT d.doc_id, d.title, d.url, CAST(d.published AS VARCHAR), d.text FROM reports r"
            " JOIN documents d USING (doc_id) WHERE r.canon_id = ? ORDER BY 4 NULLS LAST, 1", [canon_id])
        return [dict(zip(("doc_id", "title", "url", "published", "text"), row)) for row in cur.fetchall()]

    def problems(self) -> list[str]:
        """What would make the store inconsistent; empty when it is whole."""
        checks = {
            "reports of a missing event": "SELECT count(*) FROM reports r ANTI JOIN events e USING (canon_id)",
            "reports of a missing document": "SELECT count(*) FROM reports r ANTI JOIN documents d USING (doc_id)",
            "events without reports": "SELECT count(*) FROM events e ANTI JOIN reports r USING (canon_id)",
            "events whose report list disagrees with the reports table":
                "SELECT count(*) FROM events e WHERE json_array_length(e.event->'reports')"
                " <> (SELECT count(*) FROM reports r WHERE r.canon_id = e.canon_id)"
                " + (SELECT count(*) FROM reports r JOIN copies c ON c.same_as = r.doc_id WHERE r.canon_id = e.canon_id)",
            "reports listed by an event they are not stored under":
                "SELECT count(*) FROM (SELECT canon_id, unnest(from_json(event->'reports', '[{\"doc_id\": \"VARCHAR\","
                " \"event_id\": \"VARCHAR\", \"copy_of\": \"VARCHAR\"}]'), recursive := true) FROM events) l"
                " ANTI JOIN reports r ON r.canon_id = l.canon_id AND r.doc_id = coalesce(l.copy_of, l.doc_id)"
                " AND r.event_id = l.event_id",
            "documents stored twice": "SELECT count(*) - count(DISTINCT text_hash) FROM documents",
        }
        out = []
        for what, sql in checks.items():
            n = self.con.execute(sql).fetchone()[0]
            if n:
                out.append(f"{n} {what}")
        return out

    def counts(self) -> dict[str, int]:
        return {table: self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("documents", "reports", "events", "actors")}


def best(count: dict | None) -> int | None:
    return count.get("best") if count else None

