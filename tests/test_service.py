"""The service under hostile use: schemathesis over the OpenAPI document, the write token, size limits,
content types, paths from requests, the export stream, and reads that a long write does not hold up.

Outgoing URL fetching (SSRF: private and link-local addresses, other schemes) is guarded in news/feeds.py
and tested in tests/test_feeds.py; the API itself never fetches a URL, which the last test shows.
"""

from __future__ import annotations

import csv
import io
import json
import socket
import threading

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, seed, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.core.failures import FailureGroup

from eventwire.model import Document
from eventwire.store.db import Filters, Store
from eventwire.store.ingest import Ingest
from eventwire.views.export import export
from eventwire.web import app as web

TOKEN = "service-test-token"
EXAMPLES = 25  # per operation and generation mode: about 350 requests in all
SEED = 20241125
ARTICLES = {
    "mogadishu": ("2024-02-18", "A car bomb exploded outside a hotel in Mogadishu, Somalia, on Saturday, killing at"
                                " least nine people and wounding 14, police said. Al-Shabaab claimed the attack."),
    "khartoum": ("2024-02-20", "Fighting between the army and the Rapid Support Forces killed 23 civilians in"
                               " Omdurman, Sudan, on Monday, medics said."),
    "santiago": ("2024-02-22", "Thousands of students marched through Santiago, Chile, on Wednesday to demand free"
                               " university education, organisers said."),
}
POSTED = ("Gunmen killed four farmers in Benue State, Nigeria, on Tuesday, a local official said. The attackers"
          " escaped before soldiers arrived.")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = Store(tmp_path_factory.mktemp("service") / "service.duckdb")
    Ingest(s).run([Document(id=k, text=t, published=p, published_source="given") for k, (p, t) in ARTICLES.items()])
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(store):
    with TestClient(web.create_app(store, token=TOKEN, max_body=4096, max_text=1000, extract_process=False)) as c:
        yield c


def auth(token: str = TOKEN) -> dict:
    return {"Authorization": f"Bearer {token}"}


# ---- schemathesis ------------------------------------------------------------------------------------

def test_schemathesis_finds_no_server_errors_and_no_responses_breaking_the_schema(store):
    """Every operation, with schema-valid and schema-breaking requests: all default checks (no 5xx, documented
    status codes, content types and response schemas, valid data accepted, invalid data refused, auth enforced)
    pass. The seed is fixed; Hypothesis also draws on string constants of the loaded modules, so the requests
    are the same from run to run of the same test selection."""
    app = web.create_app(store, token=TOKEN, extract_process=False)  # the default size limits
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures, examples = [], 0
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            @seed(SEED)
            @settings(max_examples=EXAMPLES, database=None, deadline=None, suppress_health_check=list(HealthCheck))
            @given(case=operation.as_strategy(generation_mode=mode))
            def check(case):
                nonlocal examples
                examples += 1
                case.call_and_validate(headers=auth())

            try:
                check()
            except Unsatisfiable:  # a free-form path parameter has no schema-breaking values
                pass
            except (Exception, FailureGroup) as exc:  # collected, so that one run reports every operation
                failures.append(f"{operation.label} ({mode.value}): {exc}")
    print(f"schemathesis: {examples} requests, {len(failures)} failing operation(s)")
    assert examples > 200
    assert not failures, "\n\n".join(failures)


# ---- the write token ---------------------------------------------------------------------------------

def test_writes_without_the_token_are_refused_with_401_before_the_document_is_read(client):
    body = {"id": "benue", "text": POSTED}
    for headers in ({}, auth("wrong-token"), auth(TOKEN + "x"), {"Authorization": f"Basic {TOKEN}"},
                    {"Authorization": TOKEN}):
        response = client.post("/api/documents", json=body, headers=headers)
        assert response.status_code == 401, headers
        assert response.headers["www-authenticate"] == "Bearer" and "bearer token" in response.json()["detail"]
    assert client.post(f"/api/documents?token={TOKEN}", json=body).status_code == 401
    assert client.post("/api/documents", content=b"not json", headers={"Content-Type": "text/plain"}).status_code \
        == 401
    assert client.post("/api/documents", json={"id": 3}).status_code == 401
    assert client.get("/api/events", params={"text": "Benue"}).json() == []


def test_a_server_without_a_token_refuses_every_write_with_403(store):
    for configured in (None, ""):
        with TestClient(web.create_app(store, token=configured)) as c:
            for headers in ({}, auth(""), auth("None"), auth(TOKEN)):
                response = c.post("/api/documents", json={"id": "benue", "text": POSTED}, headers=headers)
                assert response.status_code == 403 and "--token" in response.json()["detail"], (configured, headers)


def test_a_write_with_the_token_is_stored(client):
    response = client.post("/api/documents", json={"id": "benue", "text": POSTED, "published": "2024-02-21"},
                           headers=auth())
    assert response.status_code == 201 and response.json()["stored"], response.text
    assert [e["location"]["country_code"] for e in client.get("/api/events", params={"text": "Benue"}).json()] \
        == ["NG"]


# ---- sizes and content types -------------------------------------------------------------------------

def test_a_body_over_the_limit_is_refused_with_413_naming_the_limit(client):
    response = client.post("/api/documents", json={"id": "big", "text": "word " * 1000}, headers=auth())
    assert response.status_code == 413 and "4,096 bytes" in response.json()["detail"]


def test_a_chunked_body_without_a_length_is_cut_off_at_the_limit(client):
    def chunks():
        yield b'{"id": "big", "text": "'
        for _ in range(100):
            yield b"word " * 20
        yield b'"}'

    response = client.post("/api/documents", content=chunks(), headers={**auth(), "Content-Type": "application/json"})
    assert response.status_code == 413 and "4,096 bytes" in response.json()["detail"]


def test_a_document_over_the_text_limit_is_refused_with_413_naming_the_limit(client):
    text = "Police said the market was crowded. " * 40  # 1,440 characters: under the body limit, over the text one
    response = client.post("/api/documents", json={"id": "long", "text": text}, headers=auth())
    assert response.status_code == 413 and "1,000 characters" in response.json()["detail"]


def test_bodies_that_are_not_json_documents_are_refused_with_415_or_422(client):
    form = client.post("/api/documents", data={"id": "x", "text": POSTED}, headers=auth())
    assert form.status_code == 415 and "application/json" in form.json()["detail"]
    assert client.post("/api/documents", content=POSTED.encode(), headers={**auth(), "Content-Type": "text/plain"}
                       ).status_code == 415
    assert client.post("/api/documents", content=b'{"id": ', headers={**auth(), "Content-Type": "application/json"}
                       ).status_code in (400, 422)
    for body in ([], {"id": "x"}, {"id": "x", "text": " \n"}, {"id": "x", "text": POSTED, "published": "2024-02-30"},
                 {"id": "x", "text": POSTED, "url": "file:///etc/passwd"}, {"id": 3, "text": POSTED}):
        response = client.post("/api/documents", json=body, headers=auth())
        assert response.status_code == 422 and all("loc" in p for p in response.json()["detail"]), body


# ---- query parameters and ids ------------------------------------------------------------------------

@pytest.mark.parametrize("query", ["since=2024-13", "since=24-01-01", "until=2024-02-31x", "since=٢٠٢٤",
                                   "near=91,0,10", "near=0,181,10", "near=0,0,0", "near=0,0,-5", "near=nan,0,1",
                                   "near=0,0,inf", "near=1,2", "limit=0", "limit=10001", "limit=ten"])
def test_unreadable_query_parameters_are_422_naming_the_parameter(client, query):
    for path in ("/api/events", "/api/stats", "/api/export?format=csv"):
        response = client.get(path + ("&" if "?" in path else "?") + query)
        assert response.status_code == 422, (path, query)
        assert [p["loc"] for p in response.json()["detail"]] == [["query", query.split("=")[0]]]


def test_the_edges_of_each_range_are_accepted(client):
    for query in ("since=2024", "until=2024-02", "since=2024-02-29", "near=-90,-180,0.5", "near=90,180,20000",
                  "limit=1", "limit=10000"):
        assert client.get(f"/api/events?{query}").status_code == 200, query


def test_unknown_ids_and_names_are_404_with_a_reason(client):
    for path in ("/api/events/ev-000000000000", "/api/events/ev-000000000000/sources",
                 "/api/events/ev-000000000000/brief", "/api/actors/Nobody%20Known", "/api/events/%2e%2e"):
        response = client.get(path)
        assert response.status_code == 404 and response.json()["detail"].startswith("no "), path


# ---- paths from requests -----------------------------------------------------------------------------

TRAVERSALS = ["/static/../app.py", "/static/%2e%2e/app.py", "/static/%2e%2e%2fapp.py", "/static/..%2fapp.py",
              "/static/..%2f..%2f..%2fpyproject.toml", "/static/%2e%2e%2f%2e%2e%2ftemplates/base.html",
              "/static/vendor/../../app.py", "/static/vendor/%2e%2e/%2e%2e/app.py", "/static//etc/passwd",
              "/static/%2fetc%2fpasswd", "/static/..%5capp.py", "/static/%252e%252e%252fapp.py",
              "/static/....//app.py", "/static/%c0%ae%c0%ae/app.py", "/static/" + "../" * 12 + "etc/passwd",
              "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/api/export?format=../../etc/passwd",
              "/api/export?format=%2fetc%2fpasswd", "/actors/..%2f..%2f..%2fetc%2fpasswd",
              "/api/actors/../../../etc/passwd", "/events/..%2fapp.py"]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_no_request_path_reaches_a_file_outside_the_static_directory(client, path):
    response = client.get(path)
    assert response.status_code in (404, 405, 422), (path, response.status_code)
    assert "root:" not in response.text and "def create_app" not in response.text
    assert "[project]" not in response.text and "{% block" not in response.text


def test_static_files_inside_the_directory_are_served(client):
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/vendor/%2e%2e/style.css").status_code in (200, 404)  # normalised inside, or refused


# ---- export ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["csv", "jsonl", "geojson", "acled", "gtd"])
def test_export_streams_what_the_export_command_writes(client, store, fmt):
    response = client.get("/api/export", params={"format": fmt})
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    expected = io.BytesIO()
    export(store.events(Filters()), fmt, expected)
    assert response.content == expected.getvalue()


def test_export_applies_the_filters(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export?format=csv&country=SO").text)))
    assert [r["country_code"] for r in rows] == ["SO"]
    lines = client.get("/api/export?format=jsonl&limit=1").text.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["id"].startswith("ev-")


def test_export_offers_no_file_formats_and_takes_no_paths(client):
    assert client.get("/api/export?format=parquet").status_code == 422
    assert client.get("/api/export").status_code == 422
    params = client.get("/openapi.json").json()["paths"]["/api/export"]["get"]["parameters"]
    assert not {p["name"] for p in params} & {"output", "path", "file", "filename", "o"}


# ---- concurrency -------------------------------------------------------------------------------------

def test_reads_are_served_while_a_long_write_holds_the_writer(store, monkeypatch):
    """As `eventwire serve` runs it (extraction in a process of its own): while a write holds the writer (here,
    until released), reads go on through cursors of their own, and the write then completes."""
    entered, release = threading.Event(), threading.Event()
    real_extract = web.Writer.extract

    def slow_extract(self, doc):
        entered.set()
        assert release.wait(60)
        return real_extract(self, doc)

    monkeypatch.setattr(web.Writer, "extract", slow_extract)
    with TestClient(web.create_app(store, token=TOKEN)) as c:
        result = {}
        body = {"id": "kivu", "text": "Soldiers killed two rebels in Rutshuru, Congo, on Sunday, the army said.",
                "published": "2024-02-19"}
        writer = threading.Thread(target=lambda: result.setdefault(
            "write", c.post("/api/documents", json=body, headers=auth())))
        writer.start()
        assert entered.wait(60)
        try:
            for path in ("/api/events", "/", "/map", "/timeline", "/api/stats", "/api/export?format=csv"):
                assert c.get(path).status_code == 200, path
            assert writer.is_alive()
        finally:
            release.set()
            writer.join(120)
        assert result["write"].status_code == 201, result["write"].text
        assert c.get(f"/api/events/{result['write'].json()['events'][0]}").status_code == 200


# ---- no fetching ---------------------------------------------------------------------------------------

def test_the_api_never_fetches_the_urls_it_is_given(client, monkeypatch):
    """A posted url is metadata: no connection is made, so an address like the cloud metadata service's cannot
    be reached through the service (feeds, which are fetched, are checked by news/feeds.check_url)."""
    def no_network(*args, **kwargs):
        raise AssertionError("the service tried to connect")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    body = {"id": "meta", "text": "Rebels shelled a village near Goma, Congo, on Friday, killing three people,"
                                  " residents said.", "url": "http://169.254.169.254/latest/meta-data/"}
    response = client.post("/api/documents", json=body, headers=auth())
    assert response.status_code == 201, response.text
    paths = client.get("/openapi.json").json()["paths"]
    assert not any("feed" in p or "fetch" in p for p in paths)

