"""RSS and Atom feeds to `Document`s: each entry's linked article, fetched and reduced to its main text.

`read_feeds(urls)` yields, feed by feed and entry by entry, a `Document` for every article
it could read and a `ReadError` for every feed or article it could not (naming the URL and
the reason), so one dead link never costs the rest.

Feed URLs come from users and article links from third parties, so fetching is guarded:
only http and https, and no host that resolves to a private, loopback, link-local,
multicast, reserved or unspecified address unless `allow_private` (a feed on the local
network, or a test server). Every resolved address is checked before connecting, every
redirect target again, and the address actually connected to once more, so DNS that
changes its answer between the check and the connection gains nothing. Responses are
capped at `max_bytes` and fetches time out. Proxies from the environment are not used:
the address check must see the real peer.
"""

from __future__ import annotations

import hashlib
import http.client
import ipaddress
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from .. import __version__
from ..model import Document
from .readers import DEFAULT_MAX_BYTES, BadInput, ReadError, html_document

TIMEOUT = 20.0  # seconds per connection attempt and per read
DEADLINE = 4  # a whole response must arrive within this many TIMEOUTs (no endless trickle)
MAX_REDIRECTS = 5
SCHEMES = ("http", "https")
USER_AGENT = f"eventwire/{__version__} (news event extraction; feed reader)"
CHUNK = 1 << 16

Fetch = Callable[[str], bytes]


class FetchError(Exception):
    """A URL that gave no usable response; the message is the reason, for a `ReadError`."""


def address_problem(addr: str) -> str | None:
    """Why an IP address may not be fetched without `allow_private` ("a loopback address"), or None."""
    ip = ipaddress.ip_address(addr.split("%", 1)[0])  # IPv6 zone ids ("fe80::1%eth0") are not part of the address
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    for test, kind in ((ip.is_loopback, "loopback"), (ip.is_link_local, "link-local"),
                       (ip.is_multicast, "multicast"), (ip.is_unspecified, "unspecified"),
                       (ip.is_reserved, "reserved"), (ip.is_private, "private"),
                       (not ip.is_global, "non-public")):  # shared (100.64/10), documentation ranges
        if test:
            return f"a {kind} address"
    return None


def refuse(addr: str, problem: str) -> FetchError:
    return FetchError(f"refused: {addr} is {problem}; pass --allow-private to fetch it")


def check_url(url: str, allow_private: bool) -> None:
    """Refuse a URL whose scheme is not http(s) or whose host resolves to a guarded address."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        raise FetchError(f"refused: only http and https URLs are fetched, not {parts.scheme or 'a bare path'!r}")
    host = parts.hostname
    if not host:
        raise FetchError("refused: the URL has no host")
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except ValueError as exc:  # a port out of range
        raise FetchError(f"bad URL ({exc})") from None
    except OSError as exc:
        raise FetchError(f"cannot resolve host {host!r} ({exc.strerror or exc})") from None
    for info in infos:
        addr = info[4][0]
        problem = address_problem(addr)
        if problem:
            raise refuse(addr, problem)


def _guarded_connection(cls, allow_private: bool):
    """`cls` whose sockets check the address they reached before a byte is sent."""

    def create(address, *args, **kwargs):
        sock = socket.create_connection(address, *args, **kwargs)
        if not allow_private:
            addr = sock.getpeername()[0]
            problem = address_problem(addr)
            if problem:
                sock.close()
                raise refuse(addr, problem)
        return sock

    class Guarded(cls):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._create_connection = create  # http.client sets this per instance, so set it after

    return Guarded


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, allow_private: bool):
        super().__init__()
        self.conn = _guarded_connection(http.client.HTTPConnection, allow_private)

    def http_open(self, req):
        return self.do_open(self.conn, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, allow_private: bool):
        super().__init__()
        self.conn = _guarded_connection(http.client.HTTPSConnection, allow_private)

    def https_open(self, req):
        return self.do_open(self.conn, req, context=self._context)


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follow at most MAX_REDIRECTS redirects, each to a URL that passes `check_url`."""

    max_redirections = MAX_REDIRECTS

    def __init__(self, allow_private: bool):
        super().__init__()
        self.allow_private = allow_private

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_url(urljoin(req.full_url, newurl), self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetcher(allow_private: bool = False, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = TIMEOUT) -> Fetch:
    """A guarded `fetch(url) -> bytes` (see the module docstring); failures raise `FetchError`."""
    opener = urllib.request.build_opener(
        urllib.request.ProxyHandler({}), _HTTPHandler(allow_private), _HTTPSHandler(allow_private),
        _RedirectHandler(allow_private),
    )

    def fetch(url: str) -> bytes:
        check_url(url, allow_private)
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
        try:
            with opener.open(request, timeout=timeout) as resp:
                length = resp.headers.get("Content-Length")
                if length and length.isdigit() and int(length) > max_bytes:
                    raise FetchError(f"too large ({int(length):,} bytes > {max_bytes:,}); raise --max-bytes to read it")
                chunks, size, give_up = [], 0, time.monotonic() + DEADLINE * timeout
                while chunk := resp.read(CHUNK):
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchError(f"too large (over {max_bytes:,} bytes); raise --max-bytes to read it")
                    if time.monotonic() > give_up:
                        raise FetchError(f"too slow (not complete after {DEADLINE * timeout:g}s)")
                    chunks.append(chunk)
        except urllib.error.HTTPError as exc:
            raise FetchError(f"HTTP {exc.code} {exc.reason}") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            raise FetchError(f"cannot fetch ({getattr(reason, 'strerror', None) or reason})") from None
        except TimeoutError:
            raise FetchError(f"timed out after {timeout:g}s") from None
        except (http.client.HTTPException, OSError) as exc:
            raise FetchError(f"cannot fetch ({type(exc).__name__}: {exc})") from None
        if not chunks:
            raise FetchError("empty response")
        return b"".join(chunks)

    return fetch


def doc_id(link: str) -> str:
    """A stable id from the article's URL: its site and a hash, e.g. `example.org-3f2a9c0b1d4e`."""
    host = (urlsplit(link).hostname or "feed").removeprefix("www.")
    return f"{host}-{hashlib.sha1(link.encode('utf-8')).hexdigest()[:12]}"


def entry_day(entry) -> str | None:
    """The entry's publication (else update) day as YYYY-MM-DD, in UTC as feedparser gives it."""
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", stamp) if stamp else None


def article(link: str, entry, fetch: Fetch) -> Document:
    """The linked page's main text (as readers.py reads .html), with the entry's title and date."""
    ident = doc_id(link)
    page = html_document(Path(ident), fetch(link))  # the path names nothing here: id and source are set below
    published = entry_day(entry)
    return replace(
        page, id=ident, url=link, source=link, title=entry.get("title") or page.title,
        published=published or page.published,
        published_source="given" if published or page.published else "none",
    )


def feed_documents(url: str, fetch: Fetch, seen: set[str]) -> Iterator[Document | ReadError]:
    """Every entry of one feed; links already read (in this or an earlier feed) are skipped."""
    import feedparser

    try:
        data = fetch(url)
    except FetchError as exc:
        yield ReadError(url, str(exc))
        return
    parsed = feedparser.parse(data)  # bytes: feedparser parses them and never fetches anything itself
    if not parsed.entries:
        reason = parsed.get("bozo_exception") if parsed.get("bozo") else None
        yield ReadError(url, f"not an RSS or Atom feed ({reason})" if reason else "feed has no entries")
        return
    for number, entry in enumerate(parsed.entries, 1):
        link = entry.get("link")
        if not link:
            yield ReadError(f"{url} entry {number}", "entry has no link")
            continue
        link = urljoin(url, link)
        if link in seen:
            continue
        seen.add(link)
        try:
            yield article(link, entry, fetch)
        except (FetchError, BadInput) as exc:
            yield ReadError(link, str(exc))


def read_feeds(urls: Iterable[str], *, fetch: Fetch | None = None, allow_private: bool = False,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | ReadError]:
    """Documents and errors from every feed's entries, in feed and entry order.

    `fetch(url) -> bytes` (raising `FetchError`) replaces the guarded HTTP fetcher, e.g.
    for a cache; `allow_private` and `max_bytes` configure the default one.
    """
    fetch = fetch or fetcher(allow_private=allow_private, max_bytes=max_bytes)
    seen: set[str] = set()
    for url in urls:
        yield from feed_documents(url, fetch, seen)
