"""The web app in a real browser (the system Chromium through Playwright) over a store of the examples:
list, filter, event evidence, map markers, timeline, brief, and a hostile article that must stay inert.
Screenshots go to build/screenshots/ (`make screenshots` refreshes the ones in docs/screenshots/)."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

playwright = pytest.importorskip("playwright.sync_api")
uvicorn = pytest.importorskip("uvicorn")

from eventwire.news.readers import read  # noqa: E402
from eventwire.store.db import Store  # noqa: E402
from eventwire.store.ingest import Ingest  # noqa: E402
from eventwire.web.app import create_app  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]
SHOTS = Path(os.environ.get("EVENTWIRE_SCREENSHOTS", ROOT / "build" / "screenshots"))
TOKEN = "browser-test-token"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOSTILE = {
    "id": "hostile-kano",
    "published": "2024-03-05",
    "title": "<img src=x onerror=alert('title')> Gunmen kill five in Kano",
    "url": "https://example.org/kano",
    "text": "Gunmen kill five in Kano <script>alert(1)</script>\n"
            "Gunmen killed five villagers in Kano, Nigeria, on Monday, police said. <img src=x onerror=alert(2)>\n"
            'Witnesses said the attackers fled on motorcycles. <a href="javascript:alert(3)">more</a>\n',
}

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs the system Chromium at /usr/bin/chromium")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    """A live server on a free loopback port over a store ingested from examples/."""
    examples = [p for p in sorted((ROOT / "examples").iterdir())
                if p.suffix in (".txt", ".md", ".html") and p.name != "SOURCES.md"]
    store = Store(tmp_path_factory.mktemp("browser") / "demo.duckdb")
    stats = Ingest(store).run(read([str(p) for p in examples]))
    assert stats.stored == len(examples)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(store, token=TOKEN), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(10)
    sock.close()
    store.close()


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Watch:
    """What a page did that it must not: dialogs opened, CSP violations, requests leaving this machine."""

    def __init__(self):
        self.dialogs: list[str] = []
        self.console_errors: list[str] = []
        self.outside: list[str] = []


@pytest.fixture(scope="module")
def session(browser, base_url):
    context = browser.new_context(viewport={"width": 1200, "height": 760})
    watch = Watch()

    def guard(route):
        if route.request.url.startswith(base_url):
            route.continue_()
        else:
            watch.outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.on("dialog", lambda d: (watch.dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: watch.console_errors.append(m.text) if m.type == "error" else None)
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield page, watch
    context.close()


def shot(page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_event_list_loads_and_filters_by_country(session, base_url):
    page, watch = session
    page.goto(base_url + "/")
    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 5
    shot(page, "events")
    page.fill("input[name=country]", "IR")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**country=IR**")
    assert 1 <= rows.count() < 5
    assert all(", IR" in text for text in rows.all_inner_texts())
    assert not watch.console_errors and not watch.outside


def test_event_page_shows_sources_with_evidence_marked(session, base_url):
    page, watch = session
    page.goto(base_url + "/?text=Kerman&type=suicide_bomb")
    page.locator("table.events tbody tr a").first.click()
    page.wait_for_url("**/events/ev-*")
    assert page.locator("section.source pre.text").count() >= 1
    assert page.locator("pre.text mark[data-field~=evidence]").count() >= 1
    killed = page.locator("pre.text mark[data-field~=killed]")
    assert killed.count() >= 1 and killed.first.inner_text().strip().isdigit()
    assert "killed:" in killed.first.get_attribute("title")
    page.locator("pre.text mark[data-field~=killed]").first.scroll_into_view_if_needed()
    shot(page, "event")
    assert not watch.console_errors and not watch.outside


def test_map_draws_a_marker_per_located_event_over_country_outlines(session, base_url):
    page, watch = session
    located = [e for e in page.request.get(base_url + "/api/events?limit=1000").json()
               if (e.get("location") or {}).get("lat") is not None]
    page.goto(base_url + "/map")
    page.wait_for_selector("#map[data-ready=true]")
    assert page.locator("#map path.country").count() > 100
    assert page.locator("#map circle.marker").count() == len(located) > 0
    shot(page, "map")
    page.locator("#map circle.marker").last.click()
    page.wait_for_url("**/events/ev-*")
    assert not watch.console_errors and not watch.outside


def test_timeline_draws_bars_by_type(session, base_url):
    page, watch = session
    page.goto(base_url + "/timeline")
    assert page.locator("svg.timeline rect.bar").count() >= 1
    shot(page, "timeline")
    assert not watch.console_errors and not watch.outside


def test_brief_opens_from_the_event_page(session, base_url):
    page, watch = session
    page.goto(base_url + "/?text=Kerman&type=suicide_bomb")
    page.locator("table.events tbody tr a").first.click()
    page.get_by_role("link", name="Brief").click()
    page.wait_for_url("**/brief")
    assert page.locator("article.brief, #no-brief").count() == 1
    shot(page, "brief")
    assert not watch.console_errors and not watch.outside


def test_actor_page_lists_aliases_and_events(session, base_url):
    page, watch = session
    page.goto(base_url + "/actors?q=Islamic")
    page.get_by_role("link", name="Islamic State", exact=True).click()
    assert "ISIS" in page.locator("dl.facts").inner_text()
    assert page.locator("table.events tbody tr").count() >= 1
    shot(page, "actor")
    assert not watch.console_errors and not watch.outside


def test_api_docs_render_offline(session, base_url):
    page, watch = session
    page.goto(base_url + "/docs")
    page.wait_for_selector(".swagger-ui .opblock")
    assert page.locator(".swagger-ui .opblock").count() >= 8
    shot(page, "api")
    assert not watch.console_errors and not watch.outside


def test_hostile_article_is_shown_as_text_and_runs_nothing(session, base_url):
    page, watch = session
    response = page.request.post(base_url + "/api/documents", data=HOSTILE,
                                 headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status == 201, response.text()
    event_id = response.json()["events"][0]
    for path in (f"/events/{event_id}", f"/events/{event_id}/brief", "/?text=motorcycles"):
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        assert page.locator("img").count() == 0
        assert page.locator("a[href^='javascript:' i]").count() == 0
        assert page.evaluate("[...document.scripts].filter(s => !s.src && s.type !== 'application/json').length") == 0
        assert page.evaluate("typeof window.alert === 'function'")
    assert page.get_by_text("<img src=x onerror=alert('title')>", exact=False).first.is_visible()
    page.goto(base_url + f"/events/{event_id}")
    assert page.get_by_text("<script>alert(1)", exact=False).first.is_visible()
    assert page.get_by_text('<a href="javascript:alert(3)">more</a>', exact=False).first.is_visible()
    shot(page, "hostile")
    assert watch.dialogs == []
    assert not watch.console_errors and not watch.outside
