"""The `eventwire` command: read inputs, run the pipeline, write the contract's JSON or a table.

Bad inputs are reported on stderr (naming the input and why) and skipped; every good
document is still written, in input order. Exit status: 0 all read, 1 some input failed,
2 usage error.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from itertools import chain
from contextlib import nullcontext
from functools import cache

import click

from . import __version__
from .model import Document
from .news.readers import DEFAULT_MAX_BYTES, BadInput, ReadError, check_published, read

FORMATS = ("jsonl", "json", "table")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="eventwire")
def main() -> None:
    """eventwire: news articles in, structured event records out (offline, on a CPU).

    \b
    Try:
      eventwire extract examples/kerman-twin-blasts.txt --format table
      eventwire extract --help
    """


def valid_published(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    try:
        return check_published(value)
    except BadInput as exc:
        raise click.BadParameter(str(exc)) from None


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
              help="jsonl: one JSON object per document; json: one JSON array; table: a readable summary.")
@click.option("--published", metavar="YYYY-MM-DD", callback=valid_published,
              help="Publication date for inputs that carry none (relative dates resolve against it).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Largest document read: a .txt/.md/.html file or one JSONL line.")
def extract(paths: tuple[str, ...], fmt: str, published: str | None, max_bytes: int) -> None:
    """Extract events from news articles: PATH is a file, a directory or - (JSONL on stdin).

    \b
    Inputs (any mix):
      .txt .md       the whole file is the text; doc_id is the file name without suffix
      .html .htm     main text extracted (boilerplate removed); the output repeats it as "text"
      .jsonl         one {"id", "text", "published"?, "title"?, "url"?} per line
      -              the same JSONL read from standard input
      directory      its supported files, recursively, in name order

    \b
    Examples:
      eventwire extract examples/kerman-twin-blasts.txt --format table
      eventwire extract articles/ --published 2024-01-04 > events.jsonl
      zcat articles.jsonl.gz | eventwire extract - --format json
      eventwire extract big.txt --max-bytes 60000000

    Output follows the contract (shared/CONTRACT.md): per document its doc_id, published
    date and where it came from, events (type, subtype, date, location, perpetrators with
    attribution, targets, weapons, killed, injured, evidence), entities, places, times and
    warnings. An input that cannot be read is reported on stderr and skipped; the exit
    status is then 1.
    """
    from .views.contract import document

    failures: list[ReadError] = []
    docs = good_documents(read(paths, max_bytes=max_bytes), published, failures)
    written = 0
    first = next(docs, None)  # no good input: no need to load the model
    try:
        with progress() as bar, Writer(fmt) as write:
            for doc in pipeline().run(chain([first], docs)) if first else ():
                write(document(doc))
                written += 1
                if bar:
                    bar.advance(bar.task_ids[0])
    except BrokenPipeError:  # `eventwire extract ... | head`: the reader has gone, stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    if failures:
        click.echo(f"eventwire: {written} document(s) written; {len(failures)} input(s) failed", err=True)
        sys.exit(1)


@cache
def pipeline():
    """One pipeline per process: its model and data load once, however often `extract` runs."""
    from .pipeline import Pipeline

    return Pipeline()


def good_documents(items: Iterable[Document | ReadError], published: str | None,
                   failures: list[ReadError]) -> Iterator[Document]:
    """Documents only, given `published` where they carry none; errors reported as they come."""
    for item in items:
        if isinstance(item, ReadError):
            failures.append(item)
            click.echo(f"error: {item}", err=True)
            continue
        if published and not item.published:
            item.published, item.published_source = published, "given"
        yield item


def progress():
    """A live document counter on stderr, only when a person watches stderr but not stdout."""
    if not (sys.stderr.isatty() and not sys.stdout.isatty()):
        return nullcontext()
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    bar = Progress(SpinnerColumn(), TextColumn("{task.completed} documents"), TimeElapsedColumn(),
                   console=Console(stderr=True), transient=True)
    bar.add_task("extract", total=None)
    return bar


class Writer:
    """Writes contract objects as JSONL, a JSON array or tables, streaming as they come."""

    def __init__(self, fmt: str):
        self.fmt = fmt
        self.out = sys.stdout.buffer
        self.count = 0

    def __enter__(self):
        if self.fmt == "table":
            from rich.console import Console

            from .views.table import render

            console = Console(file=sys.stdout, soft_wrap=False)
            return lambda obj: render(obj, console)
        return self.write_json

    def write_json(self, obj: dict) -> None:
        line = json.dumps(obj, ensure_ascii=False)
        if self.fmt == "json":
            line = ("[\n" if self.count == 0 else ",\n") + line
        else:
            line += "\n"
        self.out.write(line.encode("utf-8"))
        self.out.flush()
        self.count += 1

    def __exit__(self, *exc) -> None:
        if self.fmt == "json" and exc[0] is None:
            self.out.write(b"\n]\n" if self.count else b"[]\n")
            self.out.flush()
