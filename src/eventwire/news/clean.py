"""Markup to plain text without moving a single character.

Markdown markers are blanked to spaces, so `Document.clean` has the length of
`Document.text` and every offset found in the parse is an offset into the original.
"""

from __future__ import annotations

import re

from ..model import Document

_MARKUP = [
    re.compile(r"^[ \t]*#{1,6}[ \t]+", re.M),  # headings
    re.compile(r"^[ \t]*[-*+][ \t]+", re.M),  # bullets
    re.compile(r"\*\*|__"),  # bold
    re.compile(r"(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])"),  # italics
]


def blank(text: str, pattern: re.Pattern) -> str:
    return pattern.sub(lambda m: " " * len(m.group()), text)


def clean_document(doc: Document) -> Document:
    text = doc.text
    for pattern in _MARKUP:
        text = blank(text, pattern)
    doc.clean = text
    return doc
