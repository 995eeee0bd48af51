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
      eventwire eval docs/eval-example.gold.jsonl
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


GOLD_HELP = """Score the extractor against your own gold annotations: per-field precision, recall, F1 and misses.

\b
GOLD.jsonl holds one document per line in the contract's shape (shared/CONTRACT.md) plus its text:
  {"id": "kabul-blast", "text": "A suicide bomber killed 12 people in Kabul on Monday. ...",
   "published": "2024-03-05",
   "events": [{"type": "explosions_remote_violence", "subtype": "suicide_bomb",
               "date": "2024-03-04",
               "location": {"name": "Kabul", "lat": 34.53, "lon": 69.17},
               "perpetrators": [{"name": "Islamic State", "kind": "organization",
                                 "attribution": "claimed"}],
               "targets": [{"name": "people", "kind": "human"}],
               "weapons": ["explosive vest"], "killed": 12, "injured": null}],
   "places": [{"mention": "Kabul", "lat": 34.53, "lon": 69.17}],
   "times": [{"mention": "on Monday", "value": "2024-03-04"}],
   "entities": [{"name": "Islamic State", "aliases": ["IS", "ISIS"]}]}
(written on one line). "doc_id" may stand for "id"; "published", "places", "times" and
"entities" are optional. Gold events may be partial: only the keys present are scored
(null means "coded as none"). Counts are a number or {"best": n}; participants and weapons
may be plain strings; a location may be a name, a point, or a country_code only.
A minimal line, coding only type, date and deaths:

\b
  {"id": "kano-1", "text": "Gunmen killed three villagers near Kano on Friday.", "published": "2024-05-04", "events": [{"type": "violence_against_civilians", "date": "2024-05-03", "killed": 3}]}

\b
Scoring, per field (P = correct / predicted, R = correct / gold):
  event         gold events aligned one to one with predicted ones (type, date, location,
                shared participants); unaligned ones are misses
  type subtype  equal        date  equal at the gold's precision (2024-03 accepts any day of it)
  location      within --km of the gold point (or its own "within_km"), else the same
                country_code, else a matching name
  perpetrators  fuzzy name match (name, mention or entity alias) with the same kind
  targets       the same              weapons  fuzzy match of their text
  attribution   of the perpetrators found, the same attribution
  killed        best equal (0 and null both mean none), and so injured
  places        mention overlap (offsets, or the same text) and within 161 km
  times         mention overlap and the same value
Names match when, lower-cased without accents, punctuation and articles, they are equal,
one's words contain the other's, one is the other's acronym, or difflib ratio >= 0.85.
Bad gold or prediction lines are reported as "error: FILE:LINE: why" and nothing is
scored (exit status 1); otherwise the exit status is 0, whatever the scores.

\b
Examples:
  eventwire eval gold.jsonl
  eventwire eval gold.jsonl --pred extracted.jsonl --format json
  eventwire eval gold.jsonl --km 50 --misses 100 --skip-type statement
"""


def valid_event_types(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    from .views.schema import schema

    known = schema()["$defs"]["event"]["properties"]["type"]["enum"]
    unknown = [t for t in value if t not in known]
    if unknown:
        raise click.BadParameter(f"unknown event type {', '.join(unknown)}; known: {', '.join(known)}")
    return value


@main.command("eval", help=GOLD_HELP, short_help="Score against your own gold: P/R/F1 per field, and misses.")
@click.argument("gold_path", metavar="GOLD.jsonl", type=click.Path(exists=True, dir_okay=False))
@click.option("--pred", "pred_path", metavar="PRED.jsonl", type=click.Path(exists=True, dir_okay=False),
              help="Score this `extract --format jsonl` output instead of running the pipeline.")
@click.option("--km", type=click.FloatRange(min=0), default=25.0, show_default=True,
              help="Largest distance (km) from the gold event location that still counts.")
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True,
              help="table: readable tables; json: one JSON object.")
@click.option("--misses", "n_misses", type=click.IntRange(min=0), default=20, show_default=True,
              help="How many misses (gold vs predicted) to list.")
@click.option("--published", metavar="YYYY-MM-DD", callback=valid_published,
              help="Publication date for gold documents that carry none.")
@click.option("--skip-type", "skip_types", multiple=True, metavar="TYPE", callback=valid_event_types,
              help="Leave events of this type out of gold and predictions (repeatable), e.g. statement.")
def eval_command(gold_path: str, pred_path: str | None, km: float, fmt: str, n_misses: int,
                 published: str | None, skip_types: tuple[str, ...]) -> None:
    from . import evaluate

    errors: list[str] = []
    if (lines := text_lines(gold_path, errors)) is not None:
        golds, gold_errors = evaluate.read_gold(lines, gold_path, need_text=pred_path is None)
        errors += gold_errors
    if pred_path and (lines := text_lines(pred_path, errors)) is not None:
        preds, pred_errors = evaluate.read_predictions(lines, pred_path)
        errors += pred_errors
    if errors:
        for error in errors:
            click.echo(f"error: {error}", err=True)
        click.echo(f"eventwire: nothing scored: fix the {len(errors)} problem(s) above", err=True)
        sys.exit(1)
    if not pred_path:
        preds = predictions(golds, published)
    report = evaluate.score(golds, preds, km=km, skip_types=skip_types)
    for doc_id in report.missing:
        click.echo(f"warning: {pred_path}: no prediction for gold document {doc_id!r} (scored as empty)", err=True)
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(n_misses), ensure_ascii=False, indent=2))
    else:
        render_report(report, n_misses)


def text_lines(path: str, errors: list[str]) -> list[str] | None:
    """The lines of a UTF-8 (optionally gzipped) file; None, with an error, when it cannot be read."""
    import gzip

    try:
        with (gzip.open if path.endswith(".gz") else open)(path, "rt", encoding="utf-8") as f:
            return f.read().splitlines()
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        errors.append(f"{path}: cannot read: {exc}")
        return None


def predictions(golds: list[dict], published: str | None) -> dict[str, dict]:
    """Run the pipeline on the gold documents' texts: their contract objects by id."""
    from .views.contract import document

    docs = []
    for g in golds:
        date = g["published"] or published
        docs.append(Document(id=g["id"], text=g["text"], published=date, title=g["title"],
                             published_source="given" if date else "none"))
    with progress() as bar:
        out = {}
        for doc in pipeline().run(docs):
            out[doc.id] = document(doc)
            if bar:
                bar.advance(bar.task_ids[0])
    return out


def render_report(report, n_misses: int) -> None:
    """The scores as a table of fields, then the first misses, on stdout."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    def pct(x: float | None) -> str:
        return "-" if x is None else f"{x:.1f}"

    scores = Table(title=f"eventwire eval: {report.documents} document(s)", title_justify="left")
    for col in ("field", "gold", "predicted", "correct", "P", "R", "F1"):
        scores.add_column(col, justify="left" if col == "field" else "right")
    for name, t in report.tallies.items():
        if t.gold or t.predicted:
            scores.add_row(name, str(t.gold), str(t.predicted), str(t.correct), pct(t.precision), pct(t.recall),
                           pct(t.f1))
    console = Console(file=sys.stdout, soft_wrap=False)
    console.print(scores)
    shown = report.misses[:n_misses]
    if shown:
        misses = Table(title=f"misses: {len(shown)} of {len(report.misses)}", title_justify="left")
        for col in ("document", "field", "gold", "predicted"):
            misses.add_column(col, overflow="fold")
        for m in shown:
            misses.add_row(escape(m.doc_id), m.field, escape(m.gold), escape(m.predicted))
        console.print(misses)
