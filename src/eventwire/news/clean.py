"""Markup to plain text without moving a single character.

Markdown markers, link targets and embedded-post chrome are blanked to spaces (newlines
kept), so `Document.clean` has the length of `Document.text` and every offset found in
the parse is an offset into the original. Embedded social-media posts (author line,
`@handle · Follow`, post text, `11:41 AM · Jan 4, 2024`) also become `Post` records: their
timestamps date the article.
"""

from __future__ import annotations

import bisect
import json
import re
import string
from datetime import datetime
from importlib.resources import files

from ..model import Document, Post, Span

# Markup whose every character except a `keep` group is blanked. No scan runs past the
# next opener ("[", "(", "<!--"): an unclosed one costs a line, not a line per opener
# ("[[[[…" would otherwise take quadratic time).
_MARKUP = [
    re.compile(r"\ufeff|\r(?=\n)"),  # byte-order mark, CR of CRLF
    re.compile(r"<!--(?:(?!<!--).)*?-->", re.S),  # HTML comments
    re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]*)?/?>"),  # inline HTML tags
    re.compile(r"!\[[^\[\]\n]*\]\([^()\n]*\)"),  # images
    re.compile(r"\[(?P<keep>[^\[\]\n]+)\]\([^()\s]*(?:\s+\"[^\"\n]*\")?\)"),  # [text](url "title")
    re.compile(r"\[(?P<keep>[^\[\]\n]+)\]\[[^\[\]\n]*\]"),  # [text][ref]
    re.compile(r"^[ \t]*\[[^\]\n]+\]:[ \t]+\S+.*$", re.M),  # [ref]: url
    re.compile(r"^[ \t]*#{1,6}[ \t]+", re.M),  # headings
    re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M),  # block quotes
    re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.M),  # horizontal rules
    re.compile(r"^[ \t]*[-*+][ \t]+", re.M),  # bullets
    re.compile(r"`+"),  # code
    re.compile(r"\*\*|__"),  # bold
    re.compile(r"(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])"),  # italics
]

# An embedded post: an optional author line, the handle line, then up to a timestamp line.
_HANDLE = re.compile(r"^[ \t]*(?P<handle>@\w{1,30})(?:[ \t]*·[ \t]*Follow)?[ \t]*$", re.M)
_AUTHOR = re.compile(r"(?:^|\n)[ \t]*(?P<author>[^\n@.!?:;]{2,60}?)[ \t]*\n(?:[ \t]*\n){0,3}[ \t]*\Z")
_TIMESTAMP = re.compile(
    r"^[ \t]*(?P<stamp>\d{1,2}:\d{2}[ \t]*[AaPp]\.?[Mm]\.?[ \t]*·[ \t]*"
    r"(?:(?P<mon>[A-Z][a-z]{2,8})\.?[ \t]+(?P<day>\d{1,2}),?|(?P<day2>\d{1,2})[ \t]+(?P<mon2>[A-Z][a-z]{2,8})\.?,?)"
    r"[ \t]+(?P<year>\d{4}))",
    re.M,
)
_POST_REACH = 3000  # characters from the handle within which a post's timestamp is looked for
_FOLLOW = re.compile(r"(?<=\w)[ \t]*·[ \t]*Follow\b")
_CHROME = "|".join(json.loads(files("eventwire").joinpath("data/posts.json").read_text(encoding="utf-8"))["chrome_lines"])
_CHROME_LINE = re.compile(rf"^[ \t]*(?:{_CHROME})[ \t]*$", re.M | re.I)
_TRAILING_CHROME = re.compile(rf"(?:\s*\n[ \t]*(?:{_CHROME})[ \t]*(?=\n|\Z))*", re.I)  # buttons after the timestamp
_NOT_NEWLINE = re.compile(r"[^\n]")


def blank(text: str, pattern: re.Pattern) -> str:
    """Spaces for every matched character outside the `keep` group; newlines stay."""

    def repl(m: re.Match) -> str:
        whole = _NOT_NEWLINE.sub(" ", m.group())
        if "keep" not in pattern.groupindex or m.start("keep") < 0:
            return whole
        a, b = m.start("keep") - m.start(), m.end("keep") - m.start()
        return whole[:a] + m.group("keep") + whole[b:]

    return pattern.sub(repl, text)


def iso_day(mon: str, day: str, year: str) -> str | None:
    for fmt in ("%b %d %Y", "%B %d %Y"):
        try:
            return datetime.strptime(f"{mon[:9]} {day} {year}", fmt).date().isoformat()
        except ValueError:
            continue
    return None


def find_posts(text: str) -> list[Post]:
    """Embedded posts, each from its author line (when there is one) to its timestamp."""
    posts = []
    stamps = list(_TIMESTAMP.finditer(text))  # once: a search from every handle is quadratic on "@a\n@a\n…"
    stamp_starts = [s.start() for s in stamps]
    for h in _HANDLE.finditer(text):
        author = _AUTHOR.search(text, max(0, h.start() - 200), h.start())
        start = author.start("author") if author else h.start("handle")
        i = bisect.bisect_left(stamp_starts, h.end())
        stamp = stamps[i] if i < len(stamps) and stamps[i].end() <= h.end() + _POST_REACH else None
        if posts and start < posts[-1].end:
            continue  # a handle quoted inside the previous post
        post = Post(start=start, end=h.end(), author=author.group("author").strip() if author else None,
                    handle=h.group("handle"))
        if stamp:
            day = stamp.group("day") or stamp.group("day2")
            post.posted = iso_day(stamp.group("mon") or stamp.group("mon2"), day, stamp.group("year"))
            post.timestamp = Span(stamp.group("stamp"), stamp.start("stamp"), stamp.end("stamp"))
            post.end = _TRAILING_CHROME.match(text, stamp.end("stamp")).end()
        posts.append(post)
    return posts


def blank_post_chrome(text: str, posts: list[Post]) -> str:
    """Blank `· Follow` and button lines inside posts: they are page furniture, not prose."""
    out = []
    last = 0
    for post in posts:
        part = blank(blank(text[post.start:post.end], _CHROME_LINE), _FOLLOW)
        out += [text[last:post.start], part]
        last = post.end
    out.append(text[last:])
    return "".join(out)


def plain(text: str) -> str:
    """`text` with its markup blanked (same length), e.g. to show an evidence span."""
    for pattern in _MARKUP:
        text = blank(text, pattern)
    return text


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def unshout(text: str) -> str:
    """All-capitals wire copy ("GUERRILLAS ATTACKED THE EMBASSY") parses as a string of proper
    nouns; the parser does far better on it in lower case. Same length, so offsets hold."""
    letters = sum(c.isalpha() for c in text)
    upper = sum(c.isupper() for c in text)
    return text.translate(_ASCII_LOWER) if letters > 40 and upper > 0.8 * letters else text


def clean_document(doc: Document) -> Document:
    """Fill `doc.clean` (same length as `doc.text`) and `doc.posts`."""
    text = plain(doc.text)
    doc.posts = find_posts(text)
    doc.clean = unshout(blank_post_chrome(text, doc.posts))
    return doc
