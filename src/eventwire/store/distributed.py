"""Corpus scale: extraction with Ray Data, merging in the store's own process.

Ray reads sharded JSONL or Parquet, runs one eventwire pipeline per actor (the very
`extracted` function a local ingest uses) and writes Parquet; this process then reads those
files and merges them into the store with the same `Ingest.save`, in a fixed order
(published date, then doc_id), so the store does not depend on how many workers ran.
Documents already stored are filtered out before Ray parses them, so a re-run or a resumed
backfill only pays for what is new. Needs the optional extra: pip install 'eventwire[ray]'.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from ..events.merge import Report
from ..news.readers import BadInput, ReadError, record_document
from .db import text_hash
from .ingest import Extracted, Ingest, IngestStats, extracted

RAY_SUFFIXES = (".jsonl", ".jsonl.gz", ".parquet")
FIELDS = ("id", "text", "published", "title", "url")


class RayUnavailable(RuntimeError):
    pass


class Extractor:
    """A Ray actor's work: one pipeline, loaded once, over batches of records."""

    def __init__(self, known: set[str]):
        from ..pipeline import shared

        self.pipeline = shared()
        self.known = known  # text hashes already in the store: not parsed again

    def __call__(self, batch):
        out: dict[str, list] = {"doc_id": [], "published": [], "contract": [], "text": [], "reports": [],
                                "error": [], "stored": [], "url": [], "title": [], "hash": []}
        docs = []
        for row in batch.to_pylist():
            record = {k: row.get(k) for k in FIELDS if row.get(k) is not None}
            digest = text_hash(record.get("text") or "")
            if digest in self.known:  # not parsed again; the driver still records it as a copy when it is one
                out_row(out, doc_id=str(record.get("id")), stored=True, hash=digest,
                        **{k: str(record[k]) for k in ("url", "title", "published") if k in record})
                continue
            try:
                docs.append(record_document(record, f"{row.get('_source', '?')}: id {record.get('id')!r}"))
            except BadInput as exc:
                out_row(out, doc_id=str(record.get("id")), error=f"{row.get('_source', '?')}: {exc}")
        for doc in self.pipeline.run(docs):
            result = extracted(doc)
            out_row(out, doc_id=doc.id, published=doc.published, contract=json.dumps(result.contract),
                    text=doc.text, reports=json.dumps([r.to_json() for r in result.reports]), hash=text_hash(doc.text))
        import pyarrow as pa  # Ray Data's own dependency: one fixed schema, whatever the input shards were

        types = {"stored": pa.bool_()}
        return pa.table({k: pa.array(v, type=types.get(k, pa.string())) for k, v in out.items()})


def out_row(out: dict[str, list], **values) -> None:
    for key, column in out.items():
        column.append(values.get(key, {"published": None, "url": None, "title": None, "stored": False}.get(key, "")))


def ray_inputs(paths: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """JSONL and Parquet shards under the given files and folders."""
    jsonl, parquet = [], []
    for p in map(Path, paths):
        files = sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
        for f in files:
            name = f.name.lower()
            if name.endswith(".parquet"):
                parquet.append(str(f.resolve()))
            elif name.endswith((".jsonl", ".jsonl.gz")):
                jsonl.append(str(f.resolve()))
            elif not p.is_dir():
                raise BadInput(f"{f}: --engine ray reads {', '.join(RAY_SUFFIXES)} shards, not {f.suffix or 'this'}")
    if not jsonl and not parquet:
        raise BadInput(f"{', '.join(paths)}: no {', '.join(RAY_SUFFIXES)} shards found")
    return jsonl, parquet


def ray_temp_dir() -> str:
    """Ray's session files inside the work tree, unless that path is too long for its sockets."""
    path = Path.cwd() / ".ray-tmp"
    if len(str(path)) > 60:
        path = Path(tempfile.gettempdir()) / f"eventwire-ray-{os.getuid()}"
    return str(path)


def ingest_with_ray(job: Ingest, paths: tuple[str, ...], *, workers: int, address: str | None,
                    on_error: Callable[[ReadError], None], on_document: Callable[[IngestStats], None]) -> IngestStats:
    try:
        import ray
        import ray.data
    except ImportError:
        raise RayUnavailable("--engine ray needs Ray: pip install 'eventwire[ray]'") from None
    jsonl, parquet = ray_inputs(paths)
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    quiet = {"log_to_driver": False, "logging_level": logging.WARNING, "configure_logging": True}
    if address:
        ray.init(address=address, **quiet)
    else:
        # One CPU per extracting actor, and one more so reading never waits for them.
        ray.init(num_cpus=workers + 1, _temp_dir=ray_temp_dir(), include_dashboard=False, **quiet)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    out = Path(tempfile.mkdtemp(prefix="eventwire-ray-out-"))
    try:
        parts = [ray.data.read_json(jsonl, lines=True, include_paths=True)] if jsonl else []
        parts += [ray.data.read_parquet(parquet, include_paths=True)] if parquet else []
        # JSON arrives in pandas blocks, Parquet in Arrow ones: one block type before they meet in a batch.
        parts = [p.map_batches(lambda batch: batch, batch_format="pyarrow") for p in parts]
        ds = parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]
        ds = ds.rename_columns({"path": "_source"})
        ds = ds.map_batches(Extractor, fn_constructor_kwargs={"known": job.store.known_hashes()},
                            batch_format="pyarrow", batch_size=16, compute=ray.data.ActorPoolStrategy(size=workers))
        ds.write_parquet(str(out))
        ray.shutdown()
        stats = IngestStats()
        job.save_all(stored_results(job, out, stats, on_error), stats, on_document)
        return stats
    finally:
        if ray.is_initialized():
            ray.shutdown()
        shutil.rmtree(out, ignore_errors=True)


def stored_results(job: Ingest, out: Path, stats: IngestStats, on_error: Callable[[ReadError], None]
                   ) -> Iterator[Extracted]:
    """Ray's output, in (published, doc_id) order, less errors and documents seen already."""
    import duckdb

    con = duckdb.connect()
    cur = con.execute("SELECT doc_id, contract, text, reports, error, stored, url, title, published, hash"
                      f" FROM read_parquet('{out}/*.parquet') ORDER BY published NULLS LAST, doc_id")
    while rows := cur.fetchmany(256):
        for doc_id, contract, text, reports, error, stored, url, title, published, digest in rows:
            if stored:
                stats.read += 1
                stats.skipped += 1
                job.admit(doc_id, url, digest, title, published)  # None: stored; a copy is recorded as such
                continue
            if error:
                stats.failed += 1
                on_error(ReadError(error.split(": ", 1)[0], error.split(": ", 1)[-1]))
                continue
            stats.read += 1
            contract = json.loads(contract)
            new_id = job.admit(doc_id, contract.get("url"), digest, contract.get("title"), contract.get("published"))
            if new_id is None:
                stats.skipped += 1
                continue
            contract["doc_id"] = new_id
            found = [Report.from_json(r) for r in json.loads(reports)]
            for r in found:
                r.doc_id = contract["doc_id"]
            yield Extracted(contract, text, found)
    con.close()
