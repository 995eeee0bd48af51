"""Inputs to `Document`s: text, Markdown, HTML and JSONL files, directories, and stdin.

`read(paths)` yields, in input order, a `Document` for every good input and a
`ReadError` for every bad one (naming the input and the reason), so one broken file
never costs the others. Text is decoded as strict UTF-8 from the bytes, nothing
normalised (not even `\\r\\n`): output offsets index exactly what was read.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from ..model import Document

DEFAULT_MAX_BYTES = 10_000_000
TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
STDIN = "-"

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SNIFF = 8192  # bytes looked at for NUL bytes: binary files have them early


@dataclass
class ReadError:
    """An input that gave no document; `source` is a path, `path:line` or `<stdin>:line`."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class BadInput(ValueError):
    """Raised inside the readers; turned into a `ReadError` for its input."""


def check_published(value: object) -> str | None:
    """A `YYYY-MM-DD` that is a real calendar day, or None; anything else is an error."""
    if value is None:
        return None
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
        raise BadInput(f"invalid published date {value!r} (expected YYYY-MM-DD)")
    try:
        date.fromisoformat(value)
    except ValueError as exc:
        raise BadInput(f"invalid published date {value!r} ({exc})") from None
    return value


def refuse_binary(data: bytes) -> bytes:
    if b"\0" in data[:_SNIFF]:
        raise BadInput("binary file (contains NUL bytes), not text")
    return data


def decode(data: bytes) -> str:
    """Strict UTF-8, refusing binary data and empty input with reasons a person can act on."""
    refuse_binary(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadInput(f"invalid UTF-8 at byte {exc.start} ({exc.reason}); save the file as UTF-8") from None
    if not text.strip():
        raise BadInput("empty (no text)")
    return text


def too_large(size: int, max_bytes: int) -> BadInput:
    return BadInput(f"too large ({size:,} bytes > {max_bytes:,}); raise --max-bytes to read it")


def read_bytes(path: Path, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if size > max_bytes:
        raise too_large(size, max_bytes)
    if size == 0:
        raise BadInput("empty file")
    return path.read_bytes()


def html_document(path: Path, data: bytes) -> Document:
    """Main text of a page (boilerplate removed by trafilatura), with its title, URL and date."""
    import trafilatura

    refuse_binary(data)
    try:
        page = trafilatura.bare_extraction(
            data,  # bytes: trafilatura honours the page's declared charset
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            # Only dates the page states in its metadata: no guessing from the text.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # a parser failure on one page must not end the run
        raise BadInput(f"HTML could not be parsed ({type(exc).__name__}: {exc})") from None
    text = page.text if page is not None else None
    if not text or not text.strip():
        raise BadInput("no main text found in the HTML page")
    try:
        published = check_published(page.date)
    except BadInput:
        published = None
    return Document(
        id=path.stem, text=text, title=page.title or None, url=page.url or None, html=True,
        published=published, published_source="given" if published else "none", source=str(path),
    )


def json_document(line: bytes, source: str) -> Document:
    """One JSONL record `{"id", "text", "published"?, "title"?, "url"?}`."""
    try:
        obj = json.loads(decode(line))
    except json.JSONDecodeError as exc:
        raise BadInput(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:  # "[[[[…": Python's decoder recurses once per level
        raise BadInput("invalid JSON: nested too deeply") from None
    return record_document(obj, source)


def record_document(obj: object, source: str) -> Document:
    """A record (a parsed JSONL line, a Parquet row) checked field by field."""
    if not isinstance(obj, dict):
        raise BadInput(f"expected a JSON object, got {type(obj).__name__}")
    for key in ("id", "text"):
        if key not in obj:
            raise BadInput(f'missing "{key}"')
    doc_id, text = obj["id"], obj["text"]
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise BadInput('"id" must be a non-empty string')
    if not isinstance(text, str):
        raise BadInput(f'"text" of {doc_id!r} must be a string')
    if not text.strip():
        raise BadInput(f'"text" of {doc_id!r} is empty')
    for key in ("title", "url"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise BadInput(f'"{key}" of {doc_id!r} must be a string')
    for key in ("id", "text", "title", "url"):  # a JSON escape like "\\ud800" is no character: no UTF-8 for it
        if isinstance(obj.get(key), str) and (bad := _SURROGATE.search(obj[key])):
            raise BadInput(f'"{key}" of {doc_id!a} has an unpaired surrogate {bad.group()!a} at character {bad.start()}')
    published = check_published(obj.get("published"))
    return Document(
        id=doc_id, text=text, published=published, published_source="given" if published else "none",
        title=obj.get("title"), url=obj.get("url"), source=source,
    )


def read_line(fh: BinaryIO, max_bytes: int) -> tuple[bytes, int]:
    """The next line (at most `max_bytes` kept) and its full length; a longer one is skipped whole."""
    line = fh.readline(max_bytes + 1)
    size = len(line)
    if size > max_bytes and not line.endswith(b"\n"):
        while chunk := fh.readline(1 << 20):
            size += len(chunk)
            if chunk.endswith(b"\n"):
                break
    return line, size


def jsonl_documents(fh: BinaryIO, name: str, max_bytes: int) -> Iterator[Document | ReadError]:
    """Every line of a JSONL stream; each bad line is its own error, with its line number."""
    number = 0
    while True:
        line, size = read_line(fh, max_bytes)
        if not size:
            return
        number += 1
        source = f"{name}:{number}"
        if size > max_bytes:
            yield ReadError(source, str(too_large(size, max_bytes)))
            continue
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark some editors write
        if not line.strip():
            continue
        try:
            yield json_document(line, source)
        except BadInput as exc:
            yield ReadError(source, str(exc))


def file_documents(path: Path, max_bytes: int) -> Iterator[Document | ReadError]:
    """One file, by its suffix."""
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            if path.stat().st_size == 0:
                raise BadInput("empty file")
            with path.open("rb") as fh:
                yield from jsonl_documents(fh, str(path), max_bytes)
            return
        data = read_bytes(path, max_bytes)
        if suffix in HTML_SUFFIXES:
            yield html_document(path, data)
        else:
            yield Document(id=path.stem, text=decode(data), source=str(path))
    except BadInput as exc:
        yield ReadError(str(path), str(exc))
    except OSError as exc:
        yield ReadError(str(path), exc.strerror or str(exc))


def directory_files(root: Path) -> list[Path]:
    """Supported files under a directory, recursively, in name order; hidden ones skipped."""
    return sorted(
        p for p in root.rglob("*")
        if p.suffix.lower() in SUFFIXES and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


def read(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
         ) -> Iterator[Document | ReadError]:
    """Documents and errors from every input, in order; `-` is JSONL on stdin."""
    for arg in paths:
        if arg == STDIN:
            yield from jsonl_documents(stdin or sys.stdin.buffer, "<stdin>", max_bytes)
            continue
        path = Path(arg)
        if path.is_dir():
            files = directory_files(path)
            if not files:
                yield ReadError(arg, f"directory has no {', '.join(sorted(SUFFIXES))} files")
            for file in files:
                yield from file_documents(file, max_bytes)
        elif not path.exists():
            yield ReadError(arg, "no such file or directory")
        elif path.suffix.lower() not in SUFFIXES:
            yield ReadError(arg, f"unsupported file type {path.suffix or '(none)'!r}; "
                                 f"expected {', '.join(sorted(SUFFIXES))} or - for JSONL on stdin")
        else:
            yield from file_documents(path, max_bytes)
