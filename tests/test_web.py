"""The web app: JSON API, pages, token-guarded ingest, and untrusted article text kept inert."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.model import Document
from eventwire.store.db import Store
from eventwire.store.ingest import Ingest
from eventwire.web import app as web
from eventwire.web.render import Span, event_spans, highlight, http_url, timeline

TOKEN = "s3cret-token"
PESHAWAR = """Suicide bomber kills 12 at market in Peshawar
A suicide bomber killed 12 people and wounded 30 at a crowded market in Peshawar, Pakistan, on Tuesday, police said.
The Pakistani Taliban claimed responsibility for the bombing, which Tehrik-i-Taliban Pakistan (TTP) said hit police.
"""
NAIROBI = """Protesters march in Nairobi
Thousands of protesters marched in Nairobi, Kenya, on Thursday against new taxes, witnesses said.
"""
HOSTILE = """Gunmen kill five in Kano <script>alert(1)</script>
Gunmen killed five villagers in Kano, Nigeria, on Monday, police said. <img src=x onerror=alert(2)>
Witnesses said the attackers fled on motorcycles. <a href="javascript:alert(3)">more</a>
"""
LAGOS = """Police arrest 20 protesters in Lagos
Police arrested 20 protesters in Lagos, Nigeria, on Friday during a march against fuel prices, witnesses said.
"""


def doc(doc_id: str, text: str, published: str, **kw) -> Document:
    return Document(id=doc_id, text=text, published=published, published_source="given", **kw)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = Store(tmp_path_factory.mktemp("web") / "web.duckdb")
    Ingest(s).run([
        doc("peshawar", PESHAWAR, "2024-03-06", url="https://example.org/peshawar"),
        doc("nairobi", NAIROBI, "2024-03-08"),
        doc("kano", HOSTILE, "2024-03-05", title="<img src=x onerror=alert(4)>Kano", url="javascript:alert(5)"),
    ])
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(store):
    with TestClient(web.create_app(store, token=TOKEN, extract_process=False)) as c:
        yield c


def event_of(client, country: str, text: str | None = None) -> dict:
    (event,) = client.get("/api/events", params={"country": country, "text": text}).json()
    return event


def auth(token: str = TOKEN) -> dict:
    return {"Authorization": f"Bearer {token}"}


# ---- API ---------------------------------------------------------------------------------------------

def test_events_api_applies_the_filters_of_the_events_command(client):
    assert len(client.get("/api/events").json()) == 3
    assert [e["location"]["country_code"] for e in client.get("/api/events?country=pk").json()] == ["PK"]
    assert {e["type"] for e in client.get("/api/events?type=protests").json()} == {"protests"}
    assert [e["location"]["name"] for e in client.get("/api/events?since=2024-03-06").json()] == ["Nairobi"]
    assert {e["location"]["name"] for e in client.get("/api/events?near=33.99,71.5,50").json()} == {"Peshawar"}
    assert {e["location"]["name"] for e in client.get("/api/events?text=motorcycles").json()} == {"Kano"}
    assert {e["location"]["name"] for e in client.get("/api/events?actor=TTP").json()} == {"Peshawar"}
    assert len(client.get("/api/events?limit=1").json()) == 1


def test_unreadable_filters_are_refused_with_the_reason(client):
    response = client.get("/api/events?since=March&near=1,2")
    assert response.status_code == 422
    problems = {tuple(p["loc"]): p["msg"] for p in response.json()["detail"]}
    assert "YYYY-MM-DD" in problems["query", "since"] and "LAT,LON,KM" in problems["query", "near"]


def test_event_api_returns_the_canonical_event_and_404_for_unknown_ids(client, store):
    event = event_of(client, "PK")
    assert client.get(f"/api/events/{event['id']}").json() == store.event(event["id"])
    missing = client.get("/api/events/ev-000000000000")
    assert missing.status_code == 404 and "ev-000000000000" in missing.json()["detail"]


def test_sources_api_gives_each_text_with_spans_that_match_it(client):
    event = event_of(client, "PK")
    (source,) = client.get(f"/api/events/{event['id']}/sources").json()
    assert source["doc_id"] == "peshawar" and source["text"] == PESHAWAR
    fields = {f for s in source["spans"] for f in s["fields"]}
    assert {"evidence", "killed", "place"} <= fields
    killed = next(s for s in source["spans"] if "killed" in s["fields"])
    assert source["text"][killed["start"]:killed["end"]] == "12"


def test_stats_count_events_per_day_and_type(client):
    rows = client.get("/api/stats").json()
    assert sum(r["count"] for r in rows) == 3
    assert {"date": "2024-03-07", "type": "protests", "count": 1} in rows
    assert sum(r["count"] for r in client.get("/api/stats?country=KE").json()) == 1


def test_actors_api_finds_an_actor_by_alias_with_its_events_and_role(client):
    (found,) = client.get("/api/actors", params={"q": "TTP"}).json()
    assert found["name"] == "Tehrik-i-Taliban Pakistan" and "Pakistani Taliban" in found["aliases"]
    assert found["events"] == 1
    actor = client.get(f"/api/actors/{found['name']}").json()
    assert [e["location"]["name"] for e in actor["events"]] == ["Peshawar"]
    assert {"role": "perpetrators", "attribution": "claimed"} in actor["events"][0]["roles"]
    assert client.get("/api/actors/Nobody%20Known").status_code == 404


def test_openapi_documents_every_api_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/events/{event_id}/sources",
                 "/api/events/{event_id}/brief", "/api/actors",
                 "/api/actors/{name}", "/api/stats", "/api/documents"):
        assert path in paths
    (scheme,) = paths["/api/documents"]["post"]["security"][0]
    assert client.get("/openapi.json").json()["components"]["securitySchemes"][scheme]["scheme"] == "bearer"


def test_docs_page_uses_only_vendored_files(client):
    html = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html
    assert not re.search(r"""(src|href)=["']https?://""", html)
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


# ---- writing (token, size limits, content types: tests/test_service.py) ----------------------------------

def test_posted_document_is_ingested_once_and_its_event_listed(client):
    body = {"id": "lagos", "text": LAGOS, "published": "2024-03-09", "url": "https://example.org/lagos"}
    first = client.post("/api/documents", json=body, headers=auth())
    assert first.status_code == 201, first.text
    assert first.json()["stored"] and first.json()["doc_id"] == "lagos" and first.json()["events"]
    event_id = first.json()["events"][0]
    assert client.get(f"/api/events/{event_id}").json()["location"]["country_code"] == "NG"
    again = client.post("/api/documents", json=body, headers=auth())
    assert again.status_code == 200 and not again.json()["stored"] and again.json()["events"] == first.json()["events"]


def test_bad_documents_are_refused_with_422(client):
    for body in ({"id": "x", "text": LAGOS, "published": "2024-13-01"}, {"id": "x", "text": "  "},
                 {"id": "x", "text": LAGOS, "url": "javascript:alert(1)"}, {"text": LAGOS}):
        assert client.post("/api/documents", json=body, headers=auth()).status_code == 422, body


# ---- pages -------------------------------------------------------------------------------------------

def test_every_page_renders(client):
    event = event_of(client, "PK")
    for path in ("/", "/map", "/timeline", f"/events/{event['id']}", f"/events/{event['id']}/brief", "/actors",
                 "/actors/Tehrik-i-Taliban Pakistan", "/?country=PK&since=2024-01", "/map?type=protests"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")


def test_pages_carry_a_content_security_policy_allowing_only_own_scripts(client):
    for path in ("/", "/api/events", "/docs"):
        csp = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_event_page_marks_each_fields_evidence(client):
    event = event_of(client, "PK")
    html = client.get(f"/events/{event['id']}").text
    killed = r'<mark class="f-\w+" data-field="[^"]*\bkilled\b[^"]*" title="[^"]*killed: 12[^"]*">12</mark>'
    assert re.search(killed, html)
    assert re.search(r'<mark class="f-place" data-field="place"[^>]*>Peshawar</mark>', html)
    assert 'data-field="evidence"' in html
    assert '<a href="https://example.org/peshawar"' in html


def test_hostile_article_text_is_shown_as_text_and_never_as_markup(client):
    event = event_of(client, "NG", "motorcycles")
    for path in (f"/events/{event['id']}", f"/events/{event['id']}/brief", "/", "/map", "/actors/Gunmen"):
        html = client.get(path).text
        assert "<script>alert" not in html and "<img src=x" not in html, path
        assert 'href="javascript:' not in html, path
    page = client.get(f"/events/{event['id']}").text
    assert "&lt;script&gt;alert(1)" in page and "&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "javascript:alert(5)" in page  # the stored URL is shown, not linked


def test_unknown_pages_are_404_pages_and_bad_filters_are_explained(client):
    response = client.get("/events/ev-000000000000")
    assert response.status_code == 404 and "no event" in response.text
    assert "write YYYY, YYYY-MM or YYYY-MM-DD" in client.get("/?since=March").text


def test_brief_page_and_api_tell_why_the_event_is_in_the_news_with_citations(client):
    event = event_of(client, "PK")
    brief = client.get(f"/api/events/{event['id']}/brief").json()
    assert brief["event_id"] == event["id"] and brief["why"]["text"] and brief["sources"][0]["doc_id"] == "peshawar"
    html = client.get(f"/events/{event['id']}/brief").text
    assert "Why in news" in html and 'href="#src-1"' in html
    assert client.get("/api/events/ev-000000000000/brief").status_code == 404


def test_brief_page_says_when_no_brief_writer_exists(client, monkeypatch):
    monkeypatch.setattr(web, "brief_maker", lambda: None)
    event = event_of(client, "PK")
    assert "Brief not available" in client.get(f"/events/{event['id']}/brief").text
    assert client.get(f"/api/events/{event['id']}/brief").status_code == 501


def test_templates_autoescape_and_never_mark_text_safe():
    assert web.templates().autoescape is True
    for template in (Path(web.__file__).parent / "templates").glob("*.html"):
        assert "|safe" not in template.read_text().replace(" ", ""), template.name


def test_vendored_files_ship_with_their_licences():
    vendor = Path(web.__file__).parent / "static" / "vendor"
    for name in ("d3-array", "d3-geo", "topojson-client", "world-atlas"):
        assert (vendor / f"LICENSE.{name}").is_file()
    assert json.loads((vendor / "countries-110m.json").read_text())["objects"]["countries"]
    assert (vendor / "swagger-ui" / "LICENSE").is_file()


def test_serve_command_serves_the_store_and_takes_the_token_from_the_environment(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "eventwire", "serve", "--db", str(tmp_path / "s.duckdb"), "--port", str(port)],
        env={**os.environ, "EVENTWIRE_TOKEN": TOKEN}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(400):
            assert server.poll() is None, server.stderr.read().decode()
            try:
                assert json.loads(urllib.request.urlopen(url + "/api/stats", timeout=5).read()) == []
                break
            except urllib.error.URLError:
                time.sleep(0.05)
        else:
            pytest.fail("the server did not answer within 20 s")
        request = urllib.request.Request(url + "/api/documents", data=b'{"id": "x", "text": "y"}', method="POST",
                                         headers={"Content-Type": "application/json"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=5)
        assert refused.value.code == 401  # a token is configured (403 would mean none)
    finally:
        server.terminate()
        server.wait(10)


# ---- rendering helpers -------------------------------------------------------------------------------

def test_highlight_escapes_text_and_nests_marks():
    text = "A <b>bomb</b> killed 3 & more."
    spans = [Span(0, len(text), ["evidence"], ["evidence"]), Span(5, 9, ["weapon"], ['weapon: "bomb"']),
             Span(21, 22, ["killed"], ["killed: 3"])]
    html = str(highlight(text, spans))
    assert html.startswith('<mark class="f-evidence"') and html.endswith("</mark>")
    assert '&lt;b&gt;<mark class="f-weapon" data-field="weapon" title="weapon: &#34;bomb&#34;">bomb</mark>&lt;/b&gt;' \
        in html
    assert ">3</mark> &amp; more." in html


def test_a_span_crossing_its_parent_is_cut_at_the_parents_end():
    html = str(highlight("abcdef", [Span(0, 3, ["evidence"], ["e"]), Span(2, 5, ["target"], ["t"])]))
    assert html == '<mark class="f-evidence" data-field="evidence" title="e">ab' \
                   '<mark class="f-target" data-field="target" title="t">c</mark></mark>def'


def test_spans_that_do_not_match_the_text_are_left_out():
    event = {"evidence": [{"text": "Boom.", "start": 0, "end": 5, "doc_id": "a"}],
             "weapons": [{"text": "gun", "start": 0, "end": 3, "doc_id": "a"}],
             "killed": {"best": 2, "text": "2", "start": 0, "end": 1, "doc_id": "b"}}
    assert [s.fields for s in event_spans(event, "a", "Boom. 2")] == [["evidence"]]


def test_only_http_urls_are_linkable():
    assert http_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "/relative", "http://", None, 3):
        assert http_url(bad) is None


def test_timeline_bins_by_day_for_weeks_and_by_year_for_decades():
    days = timeline([("2024-03-01", "battles", 2), ("2024-03-03", "protests", 1), ("2024-03", "battles", 1)])
    assert days.unit == "day" and days.left_out == 1 and days.total == 4
    assert {b.type for b in days.bars} == {"battles", "protests"} and len(days.bars) == 2
    years = timeline([("2009-06-08", "battles", 1), ("2024-01-03", "battles", 1), ("2014", "riots", 1),
                      (None, "riots", 1)])
    assert years.unit == "year" and years.left_out == 1 and len(years.bars) == 3
