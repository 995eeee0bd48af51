"""Feeds: RSS and Atom entries become documents from their linked pages; failures become errors;
private addresses and other schemes are refused. Everything is served from 127.0.0.1 by a
local test server; no test reaches any other address."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from eventwire.model import Document
from eventwire.news import feeds
from eventwire.news.readers import ReadError

ARTICLE = """<!doctype html><html><head><meta charset="utf-8"><title>{title} | Example News</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>
<p>{lead}</p>
<p>Witnesses said the area was sealed off by the security forces within minutes, and ambulances took the
wounded to the main hospital of the town, where doctors appealed for blood donations.</p>
<p>Local officials said an investigation had been opened and that more details would be released later in
the day. Residents described hearing a loud noise followed by several minutes of confusion in the streets.</p>
</article><footer>Copyright Example News. All rights reserved.</footer></body></html>"""


def page(title: str, lead: str) -> bytes:
    return ARTICLE.format(title=title, lead=lead).encode()


def routes(base: str) -> dict[str, tuple[int, dict, bytes]]:
    rss = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example World</title><link>{base}/</link><description>World news</description>
<item><title>Bomb kills five in market</title><link>{base}/market.html</link>
<pubDate>Thu, 04 Jan 2024 10:00:00 GMT</pubDate></item>
<item><title>Page that is gone</title><link>{base}/gone.html</link>
<pubDate>Thu, 04 Jan 2024 09:00:00 GMT</pubDate></item>
<item><title>Same story again</title><link>{base}/market.html</link></item>
<item><title>Relative link</title><link>/moved</link></item>
</channel></rss>"""
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title><id>urn:example:feed</id>
<updated>2024-01-05T08:00:00Z</updated>
<entry><title>Gunmen kidnap aid workers</title><id>urn:example:1</id>
<link href="{base}/kidnap.html"/><updated>2024-01-05T08:00:00Z</updated></entry>
</feed>"""
    html = {"Content-Type": "text/html; charset=utf-8"}
    return {
        "/rss.xml": (200, {"Content-Type": "application/rss+xml"}, rss.encode()),
        "/atom.xml": (200, {"Content-Type": "application/atom+xml"}, atom.encode()),
        "/broken.xml": (200, {"Content-Type": "text/plain"}, b"this is not <a feed at all"),
        "/market.html": (200, html, page("Bomb kills five in market",
                                         "A bomb exploded in a crowded market on Wednesday, killing five people.")),
        "/kidnap.html": (200, html, page("Gunmen kidnap aid workers",
                                         "Gunmen kidnapped two aid workers on the road to the camp on Thursday.")),
        "/moved": (302, {"Location": "/market2.html"}, b""),
        "/market2.html": (200, html, page("Moved story", "Police said a grenade was thrown at a checkpoint.")),
        "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
        "/to-ftp": (302, {"Location": "ftp://127.0.0.1/feed.xml"}, b""),
        "/big.html": (200, html, b"<p>" + b"x" * 5000 + b"</p>"),
    }


@pytest.fixture(scope="module")
def server():
    """A local HTTP server on 127.0.0.1 at a random port, serving the fixture feeds and pages."""
    table: dict[str, tuple[int, dict, bytes]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            status, headers, body = table.get(self.path, (404, {"Content-Type": "text/plain"}, b"not found"))
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    table.update(routes(base))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()
    httpd.server_close()


def read(base: str, *paths: str, **kw) -> list[Document | ReadError]:
    return list(feeds.read_feeds([base + p for p in paths], allow_private=True, **kw))


def test_rss_entries_become_documents_with_the_entry_title_date_and_link(server):
    docs = [d for d in read(server, "/rss.xml") if isinstance(d, Document)]
    market = docs[0]
    assert market.url == f"{server}/market.html"
    assert market.title == "Bomb kills five in market"
    assert market.published == "2024-01-04" and market.published_source == "given"
    assert "killing five people" in market.text and "All rights reserved" not in market.text
    assert market.html


def test_document_ids_are_stable_and_derived_from_the_link(server):
    first = [d.id for d in read(server, "/rss.xml") if isinstance(d, Document)]
    again = [d.id for d in read(server, "/rss.xml") if isinstance(d, Document)]
    assert first == again
    assert first[0] == feeds.doc_id(f"{server}/market.html") and first[0].startswith("127.0.0.1-")


def test_an_entry_whose_page_is_missing_is_an_error_and_the_others_still_come_out(server):
    items = read(server, "/rss.xml")
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [e.source for e in errors] == [f"{server}/gone.html"]
    assert "404" in errors[0].reason
    assert sum(isinstance(i, Document) for i in items) == 2  # market, and the relative link's page


def test_a_link_seen_before_is_read_once(server):
    items = read(server, "/rss.xml", "/rss.xml")
    urls = [d.url for d in items if isinstance(d, Document)]
    assert urls.count(f"{server}/market.html") == 1


def test_relative_links_resolve_against_the_feed_and_redirects_are_followed(server):
    docs = [d for d in read(server, "/rss.xml") if isinstance(d, Document)]
    moved = next(d for d in docs if d.title == "Relative link")
    assert moved.url == f"{server}/moved"
    assert "grenade was thrown" in moved.text
    assert moved.published is None and moved.published_source == "none"


def test_atom_entries_use_their_updated_date(server):
    [doc] = read(server, "/atom.xml")
    assert isinstance(doc, Document)
    assert doc.title == "Gunmen kidnap aid workers"
    assert doc.published == "2024-01-05"
    assert "two aid workers" in doc.text


def test_a_broken_feed_is_one_error_naming_it(server):
    [err] = read(server, "/broken.xml")
    assert isinstance(err, ReadError)
    assert err.source == f"{server}/broken.xml"
    assert "not an RSS or Atom feed" in err.reason or "no entries" in err.reason


def test_a_missing_feed_is_an_error_and_later_feeds_still_come_out(server):
    items = read(server, "/nofeed.xml", "/atom.xml")
    assert isinstance(items[0], ReadError) and "404" in items[0].reason
    assert isinstance(items[1], Document)


def test_responses_over_the_size_cap_are_refused(server):
    fetch = feeds.fetcher(allow_private=True, max_bytes=1000)
    with pytest.raises(feeds.FetchError, match="too large"):
        fetch(f"{server}/big.html")


def test_a_redirect_to_another_scheme_is_refused(server):
    fetch = feeds.fetcher(allow_private=True)
    with pytest.raises(feeds.FetchError, match="only http and https"):
        fetch(f"{server}/to-ftp")
    with pytest.raises(feeds.FetchError, match="file:///etc/passwd' is not allowed"):  # urllib's own refusal
        fetch(f"{server}/to-file")


def test_loopback_feeds_are_refused_without_allow_private(server):
    [err] = feeds.read_feeds([f"{server}/rss.xml"])
    assert isinstance(err, ReadError)
    assert err.reason == "refused: 127.0.0.1 is a loopback address; pass --allow-private to fetch it"


@pytest.mark.parametrize("url, kind", [
    ("http://10.1.2.3/feed.xml", "private"),
    ("http://192.168.0.10/feed.xml", "private"),
    ("http://169.254.169.254/latest/meta-data", "link-local"),
    ("http://[::1]:8080/feed.xml", "loopback"),
    ("http://[::ffff:127.0.0.1]/feed.xml", "loopback"),
    ("http://0.0.0.0/feed.xml", "unspecified"),
    ("http://224.0.0.1/feed.xml", "multicast"),
    ("http://240.0.0.1/feed.xml", "reserved"),
    ("http://100.64.0.1/feed.xml", "non-public"),
])
def test_private_and_special_addresses_are_refused(url, kind):
    """IP literals: resolving them sends nothing over the network, and the refusal comes before any connection."""
    with pytest.raises(feeds.FetchError, match=f"is a {kind} address; pass --allow-private"):
        feeds.check_url(url, allow_private=False)


def test_public_addresses_pass_the_check():
    feeds.check_url("http://93.184.215.14/feed.xml", allow_private=False)  # an IP literal: nothing is sent


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/feed.xml", "gopher://127.0.0.1/", "feed.xml"])
def test_other_schemes_are_refused_even_with_allow_private(url):
    [err] = feeds.read_feeds([url], allow_private=True)
    assert isinstance(err, ReadError) and err.source == url
    assert err.reason.startswith("refused: only http and https")


def test_the_connected_address_is_checked_too(server, monkeypatch):
    """A name whose DNS answer changes after the check (rebinding) still cannot reach a loopback peer."""
    monkeypatch.setattr(feeds, "check_url", lambda url, allow_private: None)
    fetch = feeds.fetcher(allow_private=False)
    with pytest.raises(feeds.FetchError, match="127.0.0.1 is a loopback address"):
        fetch(f"{server}/market.html")


def test_a_custom_fetch_replaces_http():
    pages = {"https://news.example/rss": b"""<rss version="2.0"><channel><title>t</title>
<item><title>Clash</title><link>https://news.example/a</link></item></channel></rss>""",
             "https://news.example/a": page("Clash", "Troops clashed with rebels near the border on Monday.")}

    def fetch(url: str) -> bytes:
        return pages[url]

    [doc] = feeds.read_feeds(["https://news.example/rss"], fetch=fetch)
    assert doc.title == "Clash" and "clashed with rebels" in doc.text


def test_ingest_and_watch_store_a_feed_once_and_later_polls_add_nothing(server, tmp_path):
    from click.testing import CliRunner

    from eventwire.cli import main
    from eventwire.store.db import Store

    db = tmp_path / "feeds.duckdb"
    cli = CliRunner()
    first = cli.invoke(main, ["ingest", f"{server}/atom.xml", "--db", str(db), "--allow-private"])
    assert first.exit_code == 0, first.stderr
    assert "1 stored" in first.stderr
    polls = cli.invoke(main, ["watch", f"{server}/atom.xml", f"{server}/rss.xml", "--db", str(db), "--allow-private",
                              "--every", "1s", "--times", "2"])
    assert "poll 2" in polls.stderr
    assert polls.stderr.count("1 already in the store") >= 1  # the Atom story, stored by the first ingest
    with Store(db) as store:
        urls = sorted(url for (url,) in store.con.execute("SELECT url FROM documents").fetchall())
    assert len(urls) == len(set(urls)) == 3  # kidnap, market, the moved market story: each once
    refused = cli.invoke(main, ["ingest", f"{server}/rss.xml", "--db", str(db)])
    assert refused.exit_code == 1 and "--allow-private" in refused.stderr
