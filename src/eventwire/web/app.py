"""`eventwire serve`: the store as web pages (server-rendered, no build step) and a JSON API.

One DuckDB database serves the process (DuckDB allows one writing process). Each request
reads through a cursor of its own; writes (POST /api/documents) go through one `Writer`, one
at a time, whose long-lived `Ingest` keeps the merger in step with the store. Extraction runs
in a process of its own, so spaCy never competes with the readers for this interpreter.

Everything from articles and requests is untrusted: templates autoescape, evidence
highlighting escapes each segment itself (render.highlight), links are drawn only for
http(s) URLs, every response carries a Content-Security-Policy that allows only this
server's own scripts, bodies and texts have size limits, query parameters are checked
against the patterns the OpenAPI document states, and no request names a file (SECURITY.md).
"""

import copy
import hmac
import io
import json
import queue
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures.process import BrokenProcessPool
from contextlib import asynccontextmanager
from dataclasses import asdict
from importlib import import_module
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from pydantic import BaseModel, ConfigDict, Field, field_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..store.db import Filters, Store, text_hash
from . import render

HERE = Path(__file__).parent
MAX_BODY = 2 * 1024 * 1024  # bytes of a request body
MAX_TEXT = 200_000  # characters of a posted article (long reports run to ~50,000)
PAGE_LIMIT = 200  # events listed on a page unless the form asks for another limit
MAP_LIMIT = 5000
API_LIMIT = 100
MAX_LIMIT = 10_000
# The query formats, stated in the OpenAPI document too. ASCII digits only: `\d` would take other scripts' digits.
# Spaces around a value, and an empty value (a form's blank field: no filter), are allowed.
DAY_PATTERN = r"^ *([0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?)? *$"
NEAR_PATTERN = (r"^ *$|^ *[-+]?(90(\.0*)?|[1-8]?[0-9](\.[0-9]*)?)"  # latitude
                r" *, *[-+]?(180(\.0*)?|(1[0-7][0-9]|[1-9]?[0-9])(\.[0-9]*)?)"  # longitude
                r" *, *\+?([0-9]*[1-9][0-9]*(\.[0-9]*)?|0*\.[0-9]*[1-9][0-9]*) *$")  # km, above 0
# No control characters or spaces (spelled out: `\s` differs between Python and the schema's ECMAScript).
URL_PATTERN = r"^[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#][^\x00-\x20\x7f]*)?$"
# Something besides white space, by Python's and ECMAScript's definitions both (they differ, so spelled out).
NOT_BLANK_PATTERN = r"[^\t-\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
DAY = re.compile(DAY_PATTERN)
URL = re.compile(URL_PATTERN)
NEAR = re.compile(NEAR_PATTERN)
EXPORT_FORMATS = ("csv", "jsonl", "geojson", "acled", "gtd")  # the streaming ones; parquet needs a file
CSV = "text/csv; charset=utf-8"
EXPORT_TYPES = {"csv": CSV, "acled": CSV, "gtd": CSV, "jsonl": "application/x-ndjson; charset=utf-8",
                "geojson": "application/geo+json"}
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
       " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]
FILTER_FIELDS = ("since", "until", "country", "type", "actor", "near", "text", "limit")


# ---- ASGI middleware ---------------------------------------------------------------------------------

class SecurityHeaders:
    """A Content-Security-Policy that allows only this server's scripts, and friends, on every response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_secured(message):
            if message["type"] == "http.response.start":
                names = {name for name, _ in SECURITY_HEADERS}
                message["headers"] = [h for h in message.get("headers", []) if h[0].lower() not in names] \
                    + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_secured)


class BodyLimit:
    """Refuses request bodies over `limit` bytes with a 413 that states the limit, before the app reads
    them: by Content-Length when sent, else by counting the chunks as they arrive."""

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.limit:
            return await self.refuse(scope, receive, send, int(length))
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":  # the client left
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            more = message.get("more_body", False)
            if size > self.limit:
                return await self.refuse(scope, receive, send, None)
        body = b"".join(chunks)

        async def replay():
            nonlocal body
            if body is None:
                return await receive()
            message, body = {"type": "http.request", "body": body, "more_body": False}, None
            return message

        await self.app(scope, replay, send)

    async def refuse(self, scope, receive, send, length: int | None) -> None:
        said = f"{length:,} bytes" if length is not None else "over the limit"
        response = JSONResponse({"detail": f"request body too large ({said}); the limit is {self.limit:,} bytes"},
                                status_code=413, headers={"Connection": "close"})
        await response(scope, receive, send)


# ---- filters -----------------------------------------------------------------------------------------

def parse_filters(params: Mapping[str, Any], default_limit: int | None) -> tuple[Filters, dict[str, str]]:
    """Filters from query parameters as `eventwire events` takes them (empty fields ignored), and the
    problems with the ones that could not be read, by parameter."""
    values = {k: v for k in FILTER_FIELDS if (v := str(params.get(k) or "").strip(" "))}
    errors = {}
    for key in ("since", "until"):
        if key in values and not DAY.fullmatch(values[key]):
            errors[key] = f"{key}: {values.pop(key)!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"
    near = None
    if "near" in values:
        if NEAR.fullmatch(values["near"]):
            lat, lon, km = (float(x) for x in values["near"].split(","))
            near = (lat, lon, km)
        else:
            errors["near"] = (f"near: {values['near']!r}; write LAT,LON,KM with latitude within ±90, longitude"
                              " within ±180 and KM above 0, e.g. 30.28,57.08,50")
    limit = default_limit
    if "limit" in values:
        if values["limit"].isascii() and values["limit"].isdigit() and 1 <= int(values["limit"]) <= MAX_LIMIT:
            limit = int(values["limit"])
        else:
            errors["limit"] = f"limit: {values['limit']!r}; write a whole number from 1 to {MAX_LIMIT}"
    return Filters(since=values.get("since"), until=values.get("until"), country=values.get("country"),
                   type=values.get("type"), actor=values.get("actor"), near=near, text=values.get("text"),
                   limit=limit), errors


def invalid(errors: Mapping[str, str], where: str = "query") -> RequestValidationError:
    """Our own checks' problems in FastAPI's 422 shape, so every 422 of the API reads alike."""
    return RequestValidationError([{"type": "value_error", "loc": (where, key), "msg": msg, "input": None}
                                   for key, msg in errors.items()])


def filter_query(default_limit: int | None):
    """The dependency reading the filters, listing at most `default_limit` events unless `limit` says."""

    def api_filters(
        since: Annotated[str | None, Query(description="Events on or after this date (YYYY[-MM[-DD]]).",
                                           json_schema_extra={"pattern": DAY_PATTERN})] = None,
        until: Annotated[str | None, Query(description="Events on or before this date (YYYY[-MM[-DD]]).",
                                           json_schema_extra={"pattern": DAY_PATTERN})] = None,
        country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2 code of the event's place, e.g. IR.")]
        = None,
        type: Annotated[str | None, Query(description="Event type or subtype, e.g. battles, suicide_bomb.")] = None,
        actor: Annotated[str | None, Query(description="A perpetrator or target by name or alias (part of it).")]
        = None,
        near: Annotated[str | None, Query(description="LAT,LON,KM: events within KM (above 0) of a point, latitude"
                                                      " within ±90, longitude within ±180.",
                                          json_schema_extra={"pattern": NEAR_PATTERN})] = None,
        text: Annotated[str | None, Query(description="Events whose source articles contain these words.")] = None,
        limit: Annotated[int | None, Query(ge=1, le=MAX_LIMIT, description="At most this many events.")] = None,
    ) -> Filters:
        """The `eventwire events` filters as query parameters (422 with the reasons when one cannot be read)."""
        filters, errors = parse_filters(locals(), default_limit)
        if errors:
            raise invalid(errors)
        return filters

    return api_filters


# ---- reading the store -------------------------------------------------------------------------------

def count_events(store: Store, filters: Filters) -> int:
    where, args = filters.sql()
    return store.con.execute(f"SELECT count(*) FROM events e WHERE {where}", args).fetchone()[0]


def stats(store: Store, filters: Filters) -> list[dict]:
    """Events per date (as precise as known) and type."""
    where, args = filters.sql()
    rows = store.con.execute(f"SELECT e.date, e.type, count(*) FROM events e WHERE {where}"
                             " GROUP BY ALL ORDER BY 1 NULLS FIRST, 2", args).fetchall()
    return [{"date": d, "type": t, "count": n} for d, t, n in rows]


def map_points(store: Store, filters: Filters) -> list[dict]:
    where, args = filters.sql()
    cur = store.con.execute(
        f"SELECT canon_id, lat, lon, type, subtype, date, place, country_code, killed FROM events e WHERE {where}"
        f" AND e.lat IS NOT NULL AND e.lon IS NOT NULL ORDER BY e.date DESC NULLS LAST, e.canon_id LIMIT"
        f" {int(filters.limit or MAP_LIMIT)}", args)
    keys = ("id", "lat", "lon", "type", "subtype", "date", "place", "country_code", "killed")
    return [dict(zip(keys, row)) for row in cur.fetchall()]


def actors(store: Store, q: str | None, limit: int) -> list[dict]:
    """Actors whose name or an alias contains `q`, most documents first, with their number of events."""
    rows = store.con.execute(
        "SELECT a.name, a.kind, CAST(a.aliases AS VARCHAR[]), a.documents, a.first_seen, a.last_seen,"
        " (SELECT count(DISTINCT ea.canon_id) FROM event_actors ea WHERE ea.name = a.name"
        "  OR list_contains(CAST(a.aliases AS VARCHAR[]), ea.name))"
        " FROM actors a WHERE ? IS NULL OR a.name ILIKE ? OR CAST(a.aliases AS VARCHAR) ILIKE ?"
        " ORDER BY a.documents DESC, a.name LIMIT ?", [q, f"%{q}%", f"%{q}%", limit]).fetchall()
    keys = ("name", "kind", "aliases", "documents", "first_seen", "last_seen", "events")
    return [dict(zip(keys, row)) for row in rows]


def actor(store: Store, name: str) -> dict | None:
    """An actor (or a participant name with no actor record) with its events and roles in them."""
    row = store.con.execute("SELECT name, kind, CAST(aliases AS VARCHAR[]), documents, first_seen, last_seen"
                            " FROM actors WHERE name = ?", [name]).fetchone()
    info = dict(zip(("name", "kind", "aliases", "documents", "first_seen", "last_seen"), row)) if row else None
    roles: dict[str, list[dict]] = {}
    for canon_id, role, attribution in store.con.execute(
            "SELECT DISTINCT canon_id, role, attribution FROM event_actors WHERE name = ? OR name IN"
            " (SELECT unnest(CAST(aliases AS VARCHAR[])) FROM actors WHERE name = ?) ORDER BY 1, 2, 3 NULLS LAST",
            [name, name]).fetchall():
        roles.setdefault(canon_id, []).append({"role": role, "attribution": attribution})
    if info is None and not roles:
        return None
    events = [json.loads(e) for (e,) in store.con.execute(
        "SELECT event FROM events WHERE canon_id IN (SELECT unnest(?)) ORDER BY date DESC NULLS LAST, canon_id",
        [list(roles)]).fetchall()] if roles else []
    info = info or {"name": name, "kind": None, "aliases": [], "documents": None, "first_seen": None,
                    "last_seen": None}
    return {**info, "events": [{**e, "roles": roles[e["id"]]} for e in events]}


def sources(store: Store, event: dict) -> list[tuple[dict, list[render.Span]]]:
    """The event's source documents, each with the spans of the event found in its text."""
    return [(doc, render.event_spans(event, doc["doc_id"], doc["text"])) for doc in store.documents_of(event["id"])]


def brief_maker():
    """`gather(store, canon_id) -> Brief` of `eventwire.views.brief`, if that module is there."""
    try:
        module = import_module("eventwire.views.brief")
    except ImportError:
        return None
    return getattr(module, "gather", None)


class _Pipe(io.RawIOBase):
    """A write end whose chunks a response reads from another thread, a few at a time (so an export
    streams in bounded memory); writing fails once the reader has gone."""

    def __init__(self):
        self.chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=16)
        self.gone = threading.Event()

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        chunk = bytes(data)
        while not self.gone.is_set():
            try:
                self.chunks.put(chunk, timeout=0.5)
                return len(chunk)
            except queue.Full:
                continue
        raise BrokenPipeError("the client stopped reading the export")


def export_stream(open_view: Callable[[], Store], filters: Filters, fmt: str) -> Iterator[bytes]:
    """`views.export` output of the selected events, chunk by chunk. The export runs in its own thread
    on a store view of its own (`open_view()`, closed at the end), writing into a pipe that this
    generator drains; a failed export ends the response early rather than look complete."""
    from ..views.export import export

    pipe = _Pipe()
    failed: list[Exception] = []

    def produce() -> None:
        try:
            view = open_view()
            try:
                export(view.events(filters, order="sources"), fmt, pipe)
            finally:
                view.con.close()
        except BrokenPipeError:
            pass
        except Exception as exc:  # raised again in the response's thread
            failed.append(exc)
        finally:
            while not pipe.gone.is_set():
                try:
                    pipe.chunks.put(None, timeout=0.5)
                    break
                except queue.Full:
                    continue

    worker = threading.Thread(target=produce, name="eventwire-export", daemon=True)
    worker.start()
    try:
        while (chunk := pipe.chunks.get()) is not None:
            yield chunk
        if failed:
            raise failed[0]
    finally:
        pipe.gone.set()
        worker.join()


# ---- API models --------------------------------------------------------------------------------------

class DocumentIn(BaseModel):
    # Python's regular expressions, as the readers' checks (str.strip) see white space.
    model_config = ConfigDict(regex_engine="python-re")

    id: str = Field(pattern=NOT_BLANK_PATTERN, description="The document's id (made unique if another document has"
                                                           " it).")
    text: str = Field(pattern=NOT_BLANK_PATTERN, description="The article's plain text.")
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD.", examples=["2024-01-04"],
                                  json_schema_extra={"format": "date"})
    title: str | None = None
    url: str | None = Field(None, description="The article's http(s) address (host name or IPv4 address, no user"
                                              " name).", json_schema_extra={"pattern": URL_PATTERN})

    @field_validator("published")
    @classmethod
    def real_day(cls, value: str | None) -> str | None:
        from ..news.readers import BadInput, check_published

        try:
            return check_published(value)
        except BadInput as exc:
            raise ValueError(str(exc)) from None

    @field_validator("url")
    @classmethod
    def web_address(cls, value: str | None) -> str | None:
        if value is not None and not (URL.fullmatch(value) and render.http_url(value)):
            raise ValueError("write an http(s) address such as https://example.org/news/1")
        return value


class Problem(BaseModel):
    detail: str = Field(description="What went wrong, and what to do about it.")


class Ingested(BaseModel):
    doc_id: str
    stored: bool = Field(description="False when the same document (URL or text) was already in the store.")
    events: list[str] = Field(description="Canonical events the document reports.")


class Actor(BaseModel):
    name: str
    kind: str | None
    aliases: list[str]
    documents: int | None
    first_seen: str | None
    last_seen: str | None
    events: int


class StatRow(BaseModel):
    date: str | None = Field(description="YYYY-MM-DD, or YYYY-MM / YYYY for events known only that precisely.")
    type: str | None
    count: int


def _load_pipeline() -> None:
    """In the extractor process: load the model before the first document needs it."""
    from ..pipeline import shared

    shared()


class Writer:
    """The store's one writer: documents are stored one at a time (merger and store stay in step), and
    extracted in a process of their own when `separate` (spaCy there holds no lock the readers here
    need, so a long article slows no page) or else in this one. The process is started on first use."""

    def __init__(self, store: Store, separate: bool):
        self.store = store
        self.separate = separate
        self.lock = threading.Lock()
        self.job = None  # the Ingest, made on the first write and remade after a failure
        self.pool = None
        self.closed = False

    def extractor(self):
        if self.pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self.pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        return self.pool

    def warm_up(self) -> None:
        with self.lock:
            if self.closed:
                return
            if self.separate:
                self.extractor().submit(_load_pipeline)
            else:
                _load_pipeline()

    def extract(self, doc):
        from ..store.ingest import extract_batch

        if not self.separate:
            return extract_batch([doc])[0]
        try:
            return self.extractor().submit(extract_batch, [doc]).result()[0]
        except BrokenProcessPool:
            self.pool = None  # the process died (e.g. out of memory): the next write starts another
            raise

    def write(self, doc) -> Ingested:
        """Store one document, or find it already stored, and say which events it reports."""
        from ..store.ingest import Ingest, IngestStats

        with self.lock:
            stats = IngestStats()
            try:
                if self.job is None:
                    self.job = Ingest(self.store)
                for fresh in self.job.fresh([doc], stats, lambda error: None, lambda stats: None):
                    self.job.save([self.extract(fresh)], stats)
            except Exception:
                self.job = None  # its merger may be ahead of the store: rebuild it from the store next time
                raise
            doc_id = doc.id if stats.stored else self.store.known(doc.url, text_hash(doc.text))
            events = [c for (c,) in self.store.con.execute(
                "SELECT DISTINCT canon_id FROM reports WHERE doc_id = ? ORDER BY 1", [doc_id]).fetchall()]
        return Ingested(doc_id=doc_id, stored=bool(stats.stored), events=events)

    def close(self) -> None:
        """Stop the extractor process once the write in progress, if any, is stored."""
        with self.lock:
            self.closed = True
            if self.pool is not None:
                self.pool.shutdown(cancel_futures=True)
                self.pool = None


# ---- the app -----------------------------------------------------------------------------------------

def templates() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["http_url"] = render.http_url
    env.globals["event_types"] = render.event_types
    return env


def create_app(store: Store, token: str | None = None, max_body: int = MAX_BODY, max_text: int = MAX_TEXT,
               extract_process: bool = True) -> FastAPI:
    """The web app over an open, writable `store`; POST /api/documents needs `token` as a bearer token and
    takes bodies of at most `max_body` bytes holding at most `max_text` characters of text, extracted in a
    process of their own unless `extract_process` is False."""
    reads = store.con.cursor()  # readers' cursors come from this connection; the store's own one only writes
    cursor_lock = threading.Lock()
    writer = Writer(store, extract_process)
    # The brief writer parses with this process's spaCy model, one request at a time (and, when extraction runs
    # here too, not while a write does).
    brief_lock = threading.Lock() if extract_process else writer.lock

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if token:  # load the model while the first readers are served, not in the first write
            threading.Thread(target=writer.warm_up, name="eventwire-warm-up", daemon=True).start()
        yield
        writer.close()
        with cursor_lock:
            reads.close()

    app = FastAPI(title="eventwire", version="1", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Canonical events extracted from news articles, with their sources and evidence.")
    env = templates()
    bearer = HTTPBearer(auto_error=False, description="The token given to `eventwire serve --token`"
                                                      " (or $EVENTWIRE_TOKEN).")

    def open_view() -> Store:
        """The store seen through a new cursor (a DuckDB connection of its own), for one thread's reads."""
        view = copy.copy(store)
        with cursor_lock:
            view.con = reads.cursor()
        return view

    def reader() -> Iterator[Store]:
        """The store seen through a cursor of its own, for this request."""
        view = open_view()
        try:
            yield view
        finally:
            view.con.close()

    Reader = Annotated[Store, Depends(reader)]

    def page(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
        html = env.get_template(name).render(path=request.url.path, **context)
        return HTMLResponse(html, status_code=status_code)

    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith(("/api/", "/openapi.json"))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if wants_html(request):
            return page(request, "error.html", exc.status_code, status=exc.status_code, message=exc.detail)
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    # Starlette's StaticFiles resolves each path and serves only files inside this directory.
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def authorise(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
        if not token:
            raise HTTPException(403, "writing is disabled: this server has no token; start it with"
                                     " `eventwire serve --token T` or set EVENTWIRE_TOKEN")
        if credentials is None or not hmac.compare_digest(credentials.credentials.encode(), token.encode()):
            raise HTTPException(401, "missing or wrong bearer token (send `Authorization: Bearer T`)",
                                headers={"WWW-Authenticate": "Bearer"})

    def json_only(request: Request) -> None:
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind != "application/json":
            raise HTTPException(415, f"send the document as JSON (Content-Type: application/json), not {kind!r}")

    def not_found(what: str) -> dict:
        return {404: {"description": f"No such {what}", "model": Problem}}

    # ---- API ----

    api_filters = filter_query(API_LIMIT)

    @app.get("/api/events", tags=["events"], summary="Canonical events, newest first")
    def api_events(view: Reader, filters: Annotated[Filters, Depends(api_filters)]) -> list[dict]:
        return list(view.events(filters))

    @app.get("/api/events/{event_id}", tags=["events"], summary="One canonical event", responses=not_found("event"))
    def api_event(view: Reader, event_id: str) -> dict:
        event = view.event(event_id)
        if event is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return event

    @app.get("/api/events/{event_id}/sources", tags=["events"], responses=not_found("event"),
             summary="The event's source documents: text, and the spans of its fields in that text")
    def api_sources(view: Reader, event_id: str) -> list[dict]:
        event = api_event(view, event_id)
        return [{**doc, "spans": [s.to_json() for s in spans]} for doc, spans in sources(view, event)]

    @app.get("/api/actors", tags=["actors"], summary="Actors (people, organisations) across the corpus")
    def api_actors(view: Reader, q: Annotated[str | None, Query(description="Part of a name or alias.")] = None,
                   limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = API_LIMIT) -> list[Actor]:
        return [Actor(**a) for a in actors(view, q or None, limit)]

    @app.get("/api/actors/{name:path}", tags=["actors"], summary="An actor: aliases and events",
             responses=not_found("actor"))
    def api_actor(view: Reader, name: str) -> dict:
        found = actor(view, name)
        if found is None:
            raise HTTPException(404, f"no actor {name!r}")
        return found

    @app.get("/api/stats", tags=["events"], summary="Events per date and type")
    def api_stats(view: Reader, filters: Annotated[Filters, Depends(api_filters)]) -> list[StatRow]:
        return [StatRow(**row) for row in stats(view, filters)]

    @app.get("/api/export", tags=["events"], summary="The selected events as a file, streamed",
             description="What `eventwire export` writes: csv (flat rows), jsonl (canonical events with their"
                         " reports), geojson (points), acled or gtd (those datasets' columns). All events unless"
                         " `limit` says; parquet is not offered (it needs a file).",
             response_class=StreamingResponse,
             responses={200: {"content": {t.split(";")[0]: {} for t in EXPORT_TYPES.values()},
                              "description": "The export, streamed as it is written"}})
    def api_export(format: Annotated[Literal[EXPORT_FORMATS], Query(description="The file format.")],
                   filters: Annotated[Filters, Depends(filter_query(None))]) -> StreamingResponse:
        name = f"eventwire-events.{ {'acled': 'csv', 'gtd': 'csv'}.get(format, format)}"
        return StreamingResponse(export_stream(open_view, filters, format), media_type=EXPORT_TYPES[format],
                                 headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @app.post("/api/documents", tags=["documents"], status_code=201, dependencies=[Depends(authorise),
                                                                                   Depends(json_only)],
              summary="Ingest an article (bearer token required)",
              responses={200: {"description": "Already in the store", "model": Ingested},
                         400: {"description": "The body is not JSON", "model": Problem},
                         401: {"description": "Missing or wrong token", "model": Problem},
                         403: {"description": "Writing disabled: the server has no token", "model": Problem},
                         413: {"description": "Body or text over the size limit", "model": Problem},
                         415: {"description": "Body not sent as application/json", "model": Problem}})
    def api_ingest(document: DocumentIn) -> JSONResponse:
        from ..news.readers import BadInput, record_document

        if len(document.text) > max_text:
            raise HTTPException(413, f"text too long ({len(document.text):,} characters); the limit is"
                                     f" {max_text:,} characters: split the article or extract it with"
                                     " `eventwire ingest`")
        try:
            doc = record_document(document.model_dump(), "api")
        except BadInput as exc:
            raise invalid({"document": str(exc)}, "body") from None
        done = writer.write(doc)
        return JSONResponse(done.model_dump(), status_code=201 if done.stored else 200)

    # ---- pages ----

    def filter_page(request: Request, default_limit: int | None):
        filters, errors = parse_filters(request.query_params, default_limit)
        form = {k: request.query_params.get(k, "") for k in FILTER_FIELDS}
        return filters, {"form": form, "errors": list(errors.values()), "query": request.url.query}

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, view: Reader):
        filters, context = filter_page(request, PAGE_LIMIT)
        found = list(view.events(filters))
        return page(request, "events.html", events=found, total=count_events(view, filters), **context)

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request, view: Reader):
        filters, context = filter_page(request, MAP_LIMIT)
        points = map_points(view, filters)
        return page(request, "map.html", points=points, total=count_events(view, filters), **context)

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request, view: Reader):
        filters, context = filter_page(request, None)
        chart = render.timeline([(r["date"], r["type"], r["count"]) for r in stats(view, filters)])
        return page(request, "timeline.html", chart=chart, **context)

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, view: Reader, event_id: str):
        event = view.event(event_id)
        if event is None:
            raise HTTPException(404, f"no event {event_id!r}")
        docs = [{**doc, "fields": sorted({f for s in spans for f in s.fields}, key=render.FIELD_RANK.get),
                 "html": render.highlight(doc["text"], spans)} for doc, spans in sources(view, event)]
        known = {name for (name,) in view.con.execute(
            "SELECT name FROM actors WHERE name IN (SELECT unnest(?))",
            [[p.get("name") for r in ("perpetrators", "targets") for p in event.get(r) or []]]).fetchall()}
        return page(request, "event.html", event=event, documents=docs, actors=known)

    def make_brief(view: Store, event_id: str):
        """The event's brief, or None when this eventwire has no brief writer."""
        if view.event(event_id) is None:
            raise HTTPException(404, f"no event {event_id!r}")
        gather = brief_maker()
        if gather is None:
            return None
        with brief_lock:
            return gather(view, event_id)

    @app.get("/api/events/{event_id}/brief", tags=["events"],
             summary="The event's brief: why it is in the news, key facts, timeline, profiles, each line cited",
             responses={**not_found("event"), 501: {"description": "This eventwire has no brief writer",
                                                    "model": Problem}})
    def api_brief(view: Reader, event_id: str) -> dict:
        brief = make_brief(view, event_id)
        if brief is None:
            raise HTTPException(501, "brief not available: this eventwire has no brief writer")
        return asdict(brief)

    @app.get("/events/{event_id}/brief", response_class=HTMLResponse, include_in_schema=False)
    def brief_page(request: Request, view: Reader, event_id: str):
        return page(request, "brief.html", event=view.event(event_id), brief=make_brief(view, event_id))

    @app.get("/actors", response_class=HTMLResponse, include_in_schema=False)
    def actors_page(request: Request, view: Reader, q: str = ""):
        return page(request, "actors.html", actors=actors(view, q.strip() or None, 500), q=q)

    @app.get("/actors/{name:path}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, view: Reader, name: str):
        found = actor(view, name)
        if found is None:
            raise HTTPException(404, f"no actor {name!r}")
        return page(request, "actor.html", actor=found)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs_page(request: Request):
        """Swagger UI from vendored files (nothing fetched from elsewhere), started by static/docs.js."""
        return page(request, "docs.html")

    app.add_middleware(BodyLimit, limit=max_body)
    app.add_middleware(SecurityHeaders)
    return app
