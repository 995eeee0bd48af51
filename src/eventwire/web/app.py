"""`eventwire serve`: the store as web pages (server-rendered, no build step) and a JSON API.

One DuckDB connection serves the process (DuckDB allows one writing process). Each request
reads through its own cursor of that connection; writes (POST /api/documents) run the
pipeline and the store's transaction under one lock, through one long-lived `Ingest` whose
merger stays in step with the store.

Everything from articles is untrusted: templates autoescape, evidence highlighting escapes
each segment itself (render.highlight), links are drawn only for http(s) URLs, and every
response carries a Content-Security-Policy that allows only this server's own scripts.
"""

import copy
import hmac
import json
import re
import threading
from collections.abc import Iterator, Mapping
from dataclasses import asdict
from importlib import import_module
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..store.db import Filters, Store, text_hash
from . import render

HERE = Path(__file__).parent
MAX_BODY = 2 * 1024 * 1024
PAGE_LIMIT = 200  # events listed on a page unless the form asks for another limit
MAP_LIMIT = 5000
API_LIMIT = 100
MAX_LIMIT = 10_000
DAY = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
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


# ---- filters -----------------------------------------------------------------------------------------

def parse_filters(params: Mapping[str, Any], default_limit: int | None) -> tuple[Filters, list[str]]:
    """Filters from query parameters as `eventwire events` takes them (empty fields ignored), and the
    problems with the ones that could not be read."""
    values = {k: v for k in FILTER_FIELDS if (v := str(params.get(k) or "").strip())}
    errors = []
    for key in ("since", "until"):
        if key in values and not DAY.fullmatch(values[key]):
            errors.append(f"{key}: {values.pop(key)!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    near = None
    if "near" in values:
        try:
            lat, lon, km = (float(x) for x in values["near"].split(","))
            if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
                raise ValueError
            near = (lat, lon, km)
        except ValueError:
            errors.append(f"near: {values['near']!r}; write LAT,LON,KM with latitude within ±90, longitude"
                          " within ±180 and KM above 0, e.g. 30.28,57.08,50")
    limit = default_limit
    if "limit" in values:
        if values["limit"].isdigit() and 1 <= int(values["limit"]) <= MAX_LIMIT:
            limit = int(values["limit"])
        else:
            errors.append(f"limit: {values['limit']!r}; write a whole number from 1 to {MAX_LIMIT}")
    return Filters(since=values.get("since"), until=values.get("until"), country=values.get("country"),
                   type=values.get("type"), actor=values.get("actor"), near=near, text=values.get("text"),
                   limit=limit), errors


def api_filters(
    since: Annotated[str | None, Query(description="Events on or after this date (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, Query(description="Events on or before this date.")] = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2 code of the event's place, e.g. IR.")] = None,
    type: Annotated[str | None, Query(description="Event type or subtype, e.g. battles, suicide_bomb.")] = None,
    actor: Annotated[str | None, Query(description="A perpetrator or target by name or alias (part of it).")] = None,
    near: Annotated[str | None, Query(description="LAT,LON,KM: events within KM of a point.")] = None,
    text: Annotated[str | None, Query(description="Events whose source articles contain these words.")] = None,
    limit: Annotated[int | None, Query(ge=1, le=MAX_LIMIT, description="At most this many events.")] = None,
) -> Filters:
    """The `eventwire events` filters as query parameters (422 with the reasons when one cannot be read)."""
    filters, errors = parse_filters(locals(), API_LIMIT)
    if errors:
        raise HTTPException(422, detail=errors)
    return filters


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


# ---- API models --------------------------------------------------------------------------------------

class DocumentIn(BaseModel):
    id: str = Field(min_length=1, description="The document's id (made unique if another document has it).")
    text: str = Field(min_length=1, description="The article's plain text.")
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD.", examples=["2024-01-04"])
    title: str | None = None
    url: str | None = Field(None, description="The article's http(s) address.")


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


# ---- the app -----------------------------------------------------------------------------------------

def templates() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["http_url"] = render.http_url
    env.globals["event_types"] = render.event_types
    return env


def create_app(store: Store, token: str | None = None, max_body: int = MAX_BODY) -> FastAPI:
    """The web app over an open, writable `store`; POST /api/documents needs `token` as a bearer token."""
    app = FastAPI(title="eventwire", version="1", docs_url=None, redoc_url=None, max_body_size=max_body,
                  description="Canonical events extracted from news articles, with their sources and evidence.")
    env = templates()
    model_lock = threading.Lock()  # the store's writer and the spaCy model serve one request at a time
    ingest_job: list = []  # the one Ingest, made on the first write
    bearer = HTTPBearer(auto_error=False, description="The token given to `eventwire serve --token`"
                                                      " (or $EVENTWIRE_TOKEN).")

    def reader() -> Iterator[Store]:
        """The store seen through a cursor of its one connection, for this request."""
        view = copy.copy(store)
        view.con = store.con.cursor()
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

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def authorise(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
        if not token:
            raise HTTPException(403, "writing is disabled: this server has no token; start it with"
                                     " `eventwire serve --token T` or set EVENTWIRE_TOKEN")
        if credentials is None or not hmac.compare_digest(credentials.credentials.encode(), token.encode()):
            raise HTTPException(401, "missing or wrong bearer token (send `Authorization: Bearer T`)",
                                headers={"WWW-Authenticate": "Bearer"})

    # ---- API ----

    @app.get("/api/events", tags=["events"], summary="Canonical events, newest first")
    def api_events(view: Reader, filters: Annotated[Filters, Depends(api_filters)]) -> list[dict]:
        return list(view.events(filters))

    @app.get("/api/events/{event_id}", tags=["events"], summary="One canonical event")
    def api_event(view: Reader, event_id: str) -> dict:
        event = view.event(event_id)
        if event is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return event

    @app.get("/api/events/{event_id}/sources", tags=["events"],
             summary="The event's source documents: text, and the spans of its fields in that text")
    def api_sources(view: Reader, event_id: str) -> list[dict]:
        event = api_event(view, event_id)
        return [{**doc, "spans": [s.to_json() for s in spans]} for doc, spans in sources(view, event)]

    @app.get("/api/actors", tags=["actors"], summary="Actors (people, organisations) across the corpus")
    def api_actors(view: Reader, q: Annotated[str | None, Query(description="Part of a name or alias.")] = None,
                   limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = API_LIMIT) -> list[Actor]:
        return [Actor(**a) for a in actors(view, q or None, limit)]

    @app.get("/api/actors/{name:path}", tags=["actors"], summary="An actor: aliases and events")
    def api_actor(view: Reader, name: str) -> dict:
        found = actor(view, name)
        if found is None:
            raise HTTPException(404, f"no actor {name!r}")
        return found

    @app.get("/api/stats", tags=["events"], summary="Events per date and type")
    def api_stats(view: Reader, filters: Annotated[Filters, Depends(api_filters)]) -> list[StatRow]:
        return [StatRow(**row) for row in stats(view, filters)]

    @app.post("/api/documents", tags=["documents"], status_code=201, dependencies=[Depends(authorise)],
              summary="Ingest an article (bearer token required)",
              responses={200: {"description": "Already in the store", "model": Ingested},
                         401: {"description": "Missing or wrong token"},
                         403: {"description": "Writing disabled: the server has no token"},
                         413: {"description": "Body over the size limit"}})
    def api_ingest(document: DocumentIn) -> JSONResponse:
        from ..news.readers import BadInput, record_document
        from ..store.ingest import Ingest

        if document.url is not None and render.http_url(document.url) is None:
            raise HTTPException(422, "url: only http(s) addresses are accepted")
        try:
            doc = record_document(document.model_dump(), "api")
        except BadInput as exc:
            raise HTTPException(422, str(exc)) from None
        with model_lock:
            if not ingest_job:
                ingest_job.append(Ingest(store))
            try:
                result = ingest_job[0].run([doc])
            except Exception:
                ingest_job.clear()  # its merger may be ahead of the store: rebuild it from the store next time
                raise
            doc_id = doc.id if result.stored else store.known(doc.url, text_hash(doc.text))
            events = [c for (c,) in store.con.execute(
                "SELECT DISTINCT canon_id FROM reports WHERE doc_id = ? ORDER BY 1", [doc_id]).fetchall()]
        body = Ingested(doc_id=doc_id, stored=bool(result.stored), events=events)
        return JSONResponse(body.model_dump(), status_code=201 if result.stored else 200)

    # ---- pages ----

    def filter_page(request: Request, default_limit: int | None):
        filters, errors = parse_filters(request.query_params, default_limit)
        form = {k: request.query_params.get(k, "") for k in FILTER_FIELDS}
        return filters, {"form": form, "errors": errors, "query": request.url.query}

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
        with model_lock:
            return gather(view, event_id)

    @app.get("/api/events/{event_id}/brief", tags=["events"],
             summary="The event's brief: why it is in the news, key facts, timeline, profiles, each line cited",
             responses={501: {"description": "This eventwire has no brief writer"}})
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

    app.add_middleware(SecurityHeaders)
    return app
