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


def pipeline():
    from .pipeline import shared

    return shared()


def good_documents(items: Iterable[Document | ReadError], published: str | None,
                   failures: list[ReadError]) -> Iterator[Document]:
    """Documents only, given `published` where they carry none; errors reported as they come."""
    for item in items:
        if isinstance(item, ReadError):
            failures.append(item)
            click.echo(f"error: {item}", err=True)
            continue
        yield with_published(item, published) if published and not item.published else item


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


# ---- the store: ingest, watch, events, show, export ----------------------------------------------------

def db_option(fn):
    return click.option("--db", default=lambda: os.environ.get("EVENTWIRE_DB", "eventwire.duckdb"),
                        show_default="eventwire.duckdb, or $EVENTWIRE_DB", metavar="FILE",
                        help="The DuckDB store file (created when missing).")(fn)


def open_store(path: str, read_only: bool = False):
    from .store.db import Store, StoreError

    try:
        return Store(path, read_only=read_only)
    except StoreError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)


def is_url(path: str) -> bool:
    return path.startswith(("http://", "https://"))


def store_inputs(paths: tuple[str, ...], max_bytes: int, allow_private: bool) -> Iterator[Document | ReadError]:
    """Files, folders and stdin through the readers; http(s) URLs as RSS or Atom feeds."""
    files = [p for p in paths if not is_url(p)]
    urls = [p for p in paths if is_url(p)]
    if files:
        yield from read(files, max_bytes=max_bytes)
    if urls:
        from .news.feeds import read_feeds

        yield from read_feeds(urls, allow_private=allow_private, max_bytes=max_bytes)


def run_ingest(db: str, paths: tuple[str, ...], published: str | None, max_bytes: int, allow_private: bool,
               workers: int = 1, engine: str = "local", ray_address: str | None = None) -> int:
    """One ingest pass; returns the number of inputs that failed."""
    import time

    from .store.ingest import Ingest

    def report_error(error: ReadError) -> None:
        click.echo(f"error: {error}", err=True)

    with open_store(db) as store:
        job = Ingest(store, workers=workers)
        started = time.monotonic()
        with ingest_progress() as bar:
            def tick(stats) -> None:
                if bar:
                    done = stats.stored + stats.skipped
                    bar.update(bar.task_ids[0], completed=done, stored=stats.stored, skipped=stats.skipped,
                               rate=f"{done / max(time.monotonic() - started, 1e-3):.1f} docs/s")
            if engine == "ray":
                from .news.readers import BadInput
                from .store.distributed import RayUnavailable, ingest_with_ray

                try:
                    stats = ingest_with_ray(job, paths, workers=workers, address=ray_address,
                                            on_error=report_error, on_document=tick)
                except (BadInput, RayUnavailable) as exc:
                    click.echo(f"error: {exc}", err=True)
                    sys.exit(1)
            else:
                items = (item if isinstance(item, ReadError) or not published or item.published
                         else with_published(item, published)
                         for item in store_inputs(paths, max_bytes, allow_private))
                stats = job.run(items, on_error=report_error, on_document=tick)
        totals = store.counts()
    copies = f" ({job.copies} of them copies of a stored text, kept as sources)" if job.copies else ""
    click.echo(f"eventwire: {stats.read} document(s) read: {stats.stored} stored, {stats.skipped} already in the"
               f" store{copies}, {stats.failed} input(s) failed; {stats.reports} event report(s), {stats.events} new"
               f" event(s). {db} now holds {totals['documents']} documents and {totals['events']} events"
               f" from {totals['reports']} reports.", err=True)
    return stats.failed


def with_published(doc: Document, published: str) -> Document:
    doc.published, doc.published_source = published, "given"
    return doc


def ingest_progress():
    """Documents done and their rate, on stderr when a person watches it."""
    if not sys.stderr.isatty():
        return nullcontext()
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    bar = Progress(SpinnerColumn(), TextColumn("{task.completed} documents ({task.fields[stored]} stored,"
                                               " {task.fields[skipped]} already stored)"),
                   TextColumn("[cyan]{task.fields[rate]}"),
                   TimeElapsedColumn(), console=Console(stderr=True), transient=True)
    bar.add_task("ingest", total=None, stored=0, skipped=0, rate="")
    return bar


INPUT_HELP = """\b
Inputs (any mix):
  .txt .md .html .jsonl files, directories (recursively), - (JSONL on stdin),
  http(s) URLs of RSS or Atom feeds (each entry's linked page is fetched and its text extracted)"""


@main.command(epilog=INPUT_HELP)
@click.argument("paths", nargs=-1, required=True, metavar="PATH|FEED_URL...")
@db_option
@click.option("--published", metavar="YYYY-MM-DD", callback=valid_published,
              help="Publication date for inputs that carry none.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Largest document read.")
@click.option("--allow-private", is_flag=True,
              help="Let feed URLs reach private, loopback and link-local addresses (refused by default).")
@click.option("--workers", type=click.IntRange(min=0), default=1, show_default=True,
              help="Extraction processes, one model each (0: one per CPU core).")
@click.option("--engine", type=click.Choice(("local", "ray")), default="local", show_default=True,
              help="ray: extract sharded JSONL/Parquet with Ray Data (pip install 'eventwire[ray]'), then merge here.")
@click.option("--ray-address", metavar="ADDR", help="A running Ray cluster (default: Ray in local mode).")
def ingest(paths: tuple[str, ...], db: str, published: str | None, max_bytes: int, allow_private: bool,
           workers: int, engine: str, ray_address: str | None) -> None:
    """Extract events from articles and feeds into the store, merging reports of the same event.

    Documents are committed with their events in small batches (16, or a second's worth),
    so an interrupted ingest keeps what it committed and the next run resumes. A document already stored (same URL, or the same
    text up to spacing and case) is skipped: re-running an ingest adds nothing. Reports of
    one real-world event from different articles join one canonical event that keeps every
    source and the history of its tolls.

    \b
    Examples:
      eventwire ingest examples/
      eventwire ingest articles.jsonl --db news.duckdb --workers 4
      eventwire ingest shards/ --engine ray --workers 8
      eventwire ingest https://example.org/world/rss.xml
      eventwire events --db news.duckdb
    """
    if run_ingest(db, paths, published, max_bytes, allow_private, workers or os.cpu_count() or 1, engine,
                  ray_address):
        sys.exit(1)


def valid_interval(ctx: click.Context, param: click.Parameter, value: str) -> float:
    import re

    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([smhd]?)", value.strip())
    if not m or float(m[1]) <= 0:
        raise click.BadParameter(f"{value!r} is not an interval: write e.g. 90s, 15m, 2h or 1d")
    return float(m[1]) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m[2]]


@main.command()
@click.argument("urls", nargs=-1, required=True, metavar="FEED_URL...")
@db_option
@click.option("--every", default="15m", show_default=True, callback=valid_interval, metavar="INTERVAL",
              help="Time between polls: 90s, 15m, 2h, 1d.")
@click.option("--times", type=click.IntRange(min=0), default=0, show_default=True,
              help="Stop after this many polls (0: run until interrupted).")
@click.option("--allow-private", is_flag=True, help="Let feed URLs reach private and loopback addresses.")
def watch(urls: tuple[str, ...], db: str, every: float, times: int, allow_private: bool) -> None:
    """Keep a store current: poll RSS or Atom feeds and ingest what is new, until interrupted.

    \b
    Example:
      eventwire watch https://example.org/world/rss.xml --every 15m --db news.duckdb
    """
    import time

    bad = [u for u in urls if not is_url(u)]
    if bad:
        raise click.BadParameter(f"{', '.join(bad)}: not an http(s) feed URL", param_hint="FEED_URL")
    polls = 0
    try:
        while True:
            polls += 1
            click.echo(f"eventwire: poll {polls} of {', '.join(urls)}", err=True)
            run_ingest(db, urls, None, DEFAULT_MAX_BYTES, allow_private)
            if times and polls >= times:
                return
            time.sleep(every)
    except KeyboardInterrupt:
        click.echo("eventwire: watch stopped", err=True)


def valid_near(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[float, float, float] | None:
    if value is None:
        return None
    try:
        lat, lon, km = (float(x) for x in value.split(","))
    except ValueError:
        raise click.BadParameter(f"{value!r}: write LAT,LON,KM, e.g. 30.28,57.08,50") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise click.BadParameter(f"{value!r}: latitude within ±90, longitude within ±180, KM above 0")
    return lat, lon, km


def valid_day(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    import re

    if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise click.BadParameter(f"{value!r}: write YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def filter_options(fn):
    """The selection shared by `events` and `export`."""
    options = [
        click.option("--since", callback=valid_day, metavar="DATE", help="Events on or after DATE (YYYY[-MM[-DD]])."),
        click.option("--until", callback=valid_day, metavar="DATE", help="Events on or before DATE."),
        click.option("--country", metavar="CC", help="ISO country code of the event's place, e.g. IR."),
        click.option("--type", "type_", metavar="TYPE", help="Event type or subtype, e.g. battles, suicide_bomb."),
        click.option("--actor", metavar="NAME", help="A perpetrator or target by name or alias (part of it)."),
        click.option("--near", callback=valid_near, metavar="LAT,LON,KM", help="Events within KM of a point."),
        click.option("--text", metavar="WORDS", help="Events whose source articles contain WORDS."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def make_filters(since, until, country, type_, actor, near, text, limit=None):
    from .store.db import Filters

    return Filters(since=since, until=until, country=country, type=type_, actor=actor, near=near, text=text,
                   limit=limit)


@main.command()
@db_option
@filter_options
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="At most this many.")
@click.option("--format", "fmt", type=click.Choice(("table", "json", "jsonl")), default="table", show_default=True)
def events(db: str, since, until, country, type_, actor, near, text, limit: int, fmt: str) -> None:
    """List canonical events in the store, newest first.

    \b
    Examples:
      eventwire events --country IR --since 2024-01
      eventwire events --type suicide_bomb --near 30.28,57.08,100
      eventwire events --actor "Islamic State" --format json
    """
    with open_store(db, read_only=True) as store:
        found = list(store.events(make_filters(since, until, country, type_, actor, near, text, limit)))
    if fmt == "table":
        from rich.console import Console

        from .views.table import events_table

        Console(file=sys.stdout, soft_wrap=False).print(events_table(found, f"{len(found)} event(s) in {db}"))
    elif fmt == "json":
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
    else:
        for e in found:
            click.echo(json.dumps(e, ensure_ascii=False))


@main.command()
@click.argument("event_id")
@db_option
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True)
def show(event_id: str, db: str, fmt: str) -> None:
    """Show one canonical event with its count history and every source's evidence.

    EVENT_ID is an id from `eventwire events` (ev-…).
    """
    with open_store(db, read_only=True) as store:
        event = store.event(event_id)
        if event is None:
            click.echo(f"error: {db}: no event {event_id!r}; list them with `eventwire events --db {db}`", err=True)
            sys.exit(1)
        documents = store.documents_of(event_id)
    if fmt == "json":
        click.echo(json.dumps({**event, "documents": documents}, ensure_ascii=False, indent=2))
        return
    from rich.console import Console

    from .views.table import render_event

    render_event(event, documents, Console(file=sys.stdout, soft_wrap=False))


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(("csv", "jsonl", "geojson", "parquet", "acled", "gtd")),
              default="jsonl", show_default=True, help="See below.")
@click.option("-o", "--output", metavar="FILE", help="Write to FILE (default: standard output; parquet needs a FILE).")
@filter_options
def export(db: str, fmt: str, output: str | None, since, until, country, type_, actor, near, text) -> None:
    """Export canonical events, each with all its source reports.

    \b
    Formats:
      jsonl    one canonical event per line: the contract's Event plus reports and count_history
      csv      one flat row per event
      geojson  a FeatureCollection of points (events without coordinates left out)
      parquet  a Parquet file (needs --output)
      acled    ACLED's columns and codings (event_type, sub_event_type, actor1, fatalities, ...)
      gtd      the Global Terrorism Database's columns (attacktype1_txt, gname, nkill, claimed, ...)

    \b
    Examples:
      eventwire export --format jsonl > events.jsonl
      eventwire export --format acled --country NG --since 2024-01 -o nigeria.csv
      eventwire export --format parquet -o events.parquet
    """
    from .views.export import export as write_export

    if fmt == "parquet" and not output:
        raise click.BadParameter("parquet is binary: give a file with --output FILE", param_hint="--format")
    with open_store(db, read_only=True) as store:
        selected = store.events(make_filters(since, until, country, type_, actor, near, text), order="sources")
        n = write_export(selected, fmt, output or sys.stdout.buffer)
    click.echo(f"eventwire: {n} event(s) exported" + (f" to {output}" if output else ""), err=True)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(min=0, max=65535), default=8000, show_default=True, help="Port.")
@click.option("--token", envvar="EVENTWIRE_TOKEN", show_envvar=True, metavar="T",
              help="Bearer token that POST /api/documents requires; without one, writes are refused.")
def serve(db: str, host: str, port: int, token: str | None) -> None:
    """Serve the store in a browser: event list, map, timeline, event pages with highlighted evidence,
    actors, briefs, and a JSON API (OpenAPI docs at /docs).

    The server holds the store open for writing, so stop it before running `eventwire ingest`
    on the same file; while it runs, ingest through POST /api/documents with the token.

    \b
    Examples:
      eventwire serve --db news.duckdb
      EVENTWIRE_TOKEN=s3cret eventwire serve --port 8080
      curl -H "Authorization: Bearer s3cret" -H "Content-Type: application/json" \\
           -d '{"id": "a1", "text": "..."}' http://127.0.0.1:8080/api/documents
    """
    import uvicorn

    from .web.app import create_app

    with open_store(db) as store:
        click.echo(f"eventwire: serving {db} on http://{host}:{port}/ (API docs at /docs;"
                   f" writes {'need the bearer token' if token else 'disabled: no --token'})", err=True)
        uvicorn.run(create_app(store, token=token), host=host, port=port, log_level="info")


@main.command()
@click.argument("event_id", required=False)
@click.option("--doc", "doc_path", metavar="FILE", type=click.Path(exists=True, dir_okay=False),
              help="Brief the main event of this article (.txt .md .html .jsonl: its first document) without a store.")
@db_option
@click.option("--format", "fmt", type=click.Choice(("md", "html")), default="md", show_default=True,
              help="md: Markdown; html: a standalone page (article text escaped, only http(s) links).")
@click.option("-o", "--output", metavar="FILE", help="Write to FILE (default: standard output).")
def brief(event_id: str | None, doc_path: str | None, db: str, fmt: str, output: str | None) -> None:
    """Write a brief of one event: why it is in the news, key facts, timeline, profiles, all sourced.

    EVENT_ID is an id from `eventwire events` (ev-…), briefed from the store; or give --doc FILE
    to extract one article and brief its main event. Every fact, role and timeline entry cites
    its source document with character offsets and the quoted sentence; nothing is added that
    the stored data does not say.

    \b
    Examples:
      eventwire brief --doc examples/kerman-twin-blasts.txt
      eventwire brief ev-5d14a6f3e066 --db news.duckdb --format html -o brief.html
    """
    from .views.brief import brief_file, gather, render

    if bool(event_id) == bool(doc_path):
        raise click.UsageError("give either EVENT_ID or --doc FILE")
    if doc_path:
        try:
            result = brief_file(doc_path)
        except ValueError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)
    else:
        with open_store(db, read_only=True) as store:
            if store.event(event_id) is None:
                click.echo(f"error: {db}: no event {event_id!r}; list them with `eventwire events --db {db}`", err=True)
                sys.exit(1)
            result = gather(store, event_id)
    text = render(result, fmt)
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
        click.echo(f"eventwire: brief of {result.event_id} written to {output}", err=True)
    else:
        click.echo(text, nl=False)


def store_error(fn):
    """Run a store operation, turning StoreError into a one-line error and exit status 1."""
    from .store.db import StoreError

    try:
        return fn()
    except StoreError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)


@main.command()
@click.argument("file", metavar="FILE", type=click.Path(dir_okay=False))
@db_option
def backup(file: str, db: str) -> None:
    """Copy the store to FILE, a new file: a consistent snapshot that `eventwire restore` brings back.

    The store must not be in use: an ingest, watch or serve on it makes the backup stop with an
    error rather than copy a file that is changing. FILE is a DuckDB file (the store itself,
    checkpointed), so it restores to an identical store at the same schema version.

    \b
    Examples:
      eventwire backup backups/news-2024-06-30.duckdb --db news.duckdb
    """
    from .store.backup import backup as make_backup

    done = store_error(lambda: make_backup(db, file))
    click.echo(f"eventwire: {db} backed up to {file} (schema version {done.version}, {done.size:,} bytes"
               + (f", {done.counts['documents']} documents, {done.counts['events']} events" if done.counts else "")
               + ")", err=True)


@main.command()
@click.argument("file", metavar="FILE", type=click.Path(dir_okay=False))
@db_option
@click.option("--force", is_flag=True, help="Replace the store at --db if one exists.")
def restore(file: str, db: str, force: bool) -> None:
    """Make the store at --db a copy of FILE, a backup made by `eventwire backup`.

    An existing store is replaced only with --force. FILE is refused when it is not an
    eventwire store, when it is inconsistent, or when a newer eventwire made it (a newer
    schema version than this one reads).

    \b
    Examples:
      eventwire restore backups/news-2024-06-30.duckdb --db news.duckdb --force
    """
    from .store.backup import restore as do_restore

    done = store_error(lambda: do_restore(file, db, force=force))
    click.echo(f"eventwire: {file} restored to {db} (schema version {done.version}"
               + (f", {done.counts['documents']} documents, {done.counts['events']} events" if done.counts else "")
               + ")", err=True)
