"""Run the extractor on the shared development sets and score it with shared/bench/score.py.

    python tools/bench.py                  # every set
    python tools/bench.py lgl geovirus     # some sets
    python tools/bench.py muc4 --stages events --errors 20
    python tools/bench.py --speed          # throughput and memory only
    python tools/bench.py --workers        # ingest speed-up from 1 to 2 worker processes (all dev texts)

Reads ../shared/bench when present (says so and exits 0 when absent). Writes predictions
to build/bench/<set>.pred.jsonl. With no set named, the scores are followed by speed and
memory over a fixed corpus (SPEED_SETS), measured in a fresh process: end-to-end words per
second and per CPU-second (one core's worth), spaCy alone on the same cleaned texts, their
ratio, documents per second and the peak resident memory. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench"
OUT = ROOT / "build" / "bench"
SETS = ["seed", "muc4", "wikievents", "lgl", "geovirus", "timebank", "gvc-doc-dev", "gvc-dev"]
INPUTS = {"gvc-doc-dev": "gvc-dev"}  # scored per document from another set's files
EXPORT_SETS = {"gvc-dev"}  # scored from `eventwire export` after `eventwire ingest`
SPEED_SETS = ["muc4", "wikievents", "timebank"]  # news text of three kinds, ~130k words
DEV_SETS = ["muc4", "wikievents", "lgl", "geovirus", "timebank", "gvc-dev"]  # every development text, ~450k words


def read_inputs(name: str) -> list[dict]:
    with gzip.open(BENCH / f"{INPUTS.get(name, name)}.input.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def to_document(r: dict):
    from eventwire.model import Document

    return Document(id=r["id"], text=r["text"], published=r.get("published"), title=r.get("title"),
                    published_source="given" if r.get("published") else "none")


def extract(name: str, stages: list[str] | None, limit: int | None) -> Path:
    from eventwire.pipeline import Pipeline
    from eventwire.views.contract import document

    if name == "seed":
        path = BENCH.parent / "examples" / "kerman-twin-blasts.txt"
        rows = [{"id": "kerman-twin-blasts", "text": path.read_text(encoding="utf-8")}]
    else:
        rows = read_inputs(name)[:limit]
    docs = [to_document(r) for r in rows]
    pipe = Pipeline(stages)
    OUT.mkdir(parents=True, exist_ok=True)
    # A file of this process's own: concurrent runs of the same set must not interleave lines.
    pred = OUT / f"{name}.pred.jsonl.{os.getpid()}"
    with pred.open("w", encoding="utf-8") as fh:
        for d in pipe.run(docs):
            fh.write(json.dumps(document(d)) + "\n")
    return pred


def ingest_and_export(name: str) -> Path:
    """Cross-document sets are scored from an export: ingest into a fresh store with the real CLI, then export."""
    OUT.mkdir(parents=True, exist_ok=True)
    tag = f"{name}.{os.getpid()}"
    source, db = OUT / f"{tag}.input.jsonl", OUT / f"{tag}.duckdb"
    source.write_text("".join(json.dumps(r) + "\n" for r in read_inputs(name)), encoding="utf-8")
    cli = [sys.executable, "-m", "eventwire"]
    wall, _ = timed(lambda: subprocess.run([*cli, "ingest", str(source), "--db", str(db)], check=True))
    pred = OUT / f"{name}.pred.jsonl.{os.getpid()}"
    with pred.open("wb") as fh:
        subprocess.run([*cli, "export", "--format", "jsonl", "--db", str(db)], stdout=fh, check=True)
    print(f"ingest: {wall:.1f} s wall for {sum(1 for _ in source.open())} documents (model load included)")
    source.unlink()
    db.unlink()
    return pred


def score(name: str, pred: Path, errors: int) -> None:
    gold = BENCH.parent / "examples" if name == "seed" else BENCH
    cmd = [sys.executable, str(BENCH / "score.py"), name, str(gold), str(pred)]
    if errors:
        cmd += ["--errors", str(errors)]
    subprocess.run(cmd, check=False)


def timed(work) -> tuple[float, float]:
    """Wall and CPU seconds (all threads) that `work()` takes."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def speed() -> None:
    """Throughput of the whole extractor and of spaCy alone over the same texts, and peak memory."""
    from eventwire.news.clean import clean_document
    from eventwire.pipeline import Pipeline, load_nlp
    from eventwire.views.contract import document

    rows = [r for name in SPEED_SETS for r in read_inputs(name)]
    words = sum(len(r["text"].split()) for r in rows)
    pipe = Pipeline()
    for d in pipe.run([to_document(rows[0])]):  # warm-up: lazy loads happen outside the timing
        document(d)

    def end_to_end():
        for d in pipe.run(to_document(r) for r in rows):  # streamed: nothing is kept
            json.dumps(document(d))

    texts = [clean_document(to_document(r)).clean for r in rows]
    nlp = load_nlp()

    def spacy_alone():
        for _ in nlp.pipe(texts, batch_size=pipe.batch_size):
            pass

    # Both timings on the same warm vocabulary: the first pass over a corpus adds its words to
    # the vocabulary and the tokenizer's cache (some 2 s here); untimed, it would be charged to
    # whichever ran first (end-to-end), and spaCy alone would reuse what it left.
    spacy_alone()
    e_wall, e_cpu = timed(end_to_end)
    s_wall, s_cpu = timed(spacy_alone)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB
    print(f"== speed ({', '.join(SPEED_SETS)}: {len(rows)} docs, {words:,} words; one process)")
    print(f"end-to-end:  {words / e_cpu:,.0f} words/s per core (CPU time), {words / e_wall:,.0f} words/s wall, "
          f"{len(rows) / e_wall:.1f} docs/s")
    print(f"spaCy alone: {words / s_cpu:,.0f} words/s per core (CPU time), {words / s_wall:,.0f} words/s wall "
          f"({pipe.nlp.meta['lang']}_{pipe.nlp.meta['name']} {pipe.nlp.meta['version']}, nlp.pipe over the same cleaned texts, "
          f"the pipeline's own components: {', '.join(nlp.pipe_names)})")
    print(f"end-to-end speed as a share of spaCy alone: {s_cpu / e_cpu:.2f} (CPU time), {s_wall / e_wall:.2f} (wall)")
    print(f"peak memory (RSS high-water mark): {peak_mb:,.0f} MB")


def workers() -> None:
    """Ingest of every development text with 1 and 2 extraction workers, each into a fresh store: wall time
    with the model loads (each process loads once), the steady rate once documents are being stored (what a
    long backfill sees), the speed-ups, and the largest process."""
    OUT.mkdir(parents=True, exist_ok=True)
    rows = [r for name in DEV_SETS for r in read_inputs(name)]
    words = sum(len(r["text"].split()) for r in rows)
    source = OUT / f"workers.{os.getpid()}.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    print(f"== workers ({len(rows)} docs, {words:,} words: every development text ({', '.join(DEV_SETS)});"
          f" `ingest` into a fresh store)")
    walls, rates = {}, {}
    for n in (1, 2):
        db = OUT / f"workers.{os.getpid()}.{n}.duckdb"
        cmd = [sys.executable, __file__, "--ingest-run", str(source), str(db), str(n)]
        out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
        run = json.loads(out)
        db.unlink()
        walls[n] = run["wall"]
        rates[n] = (run["stored"] - run["first_stored"]) / (run["last"] - run["first"])
        memory = f"peak RSS {run['main_mb']:,.0f} MB" if n == 1 else \
            f"peak RSS {run['main_mb']:,.0f} MB merging and writing, {run['worker_mb']:,.0f} MB per worker"
        print(f"{n} worker(s): {walls[n]:.1f} s wall with model loads ({len(rows) / walls[n]:.1f} docs/s,"
              f" {words / walls[n]:,.0f} words/s); steady {rates[n]:.1f} docs/s after the first commit at"
              f" {run['first']:.1f} s; {memory}")
    print(f"speed-up from 1 to 2 workers: {walls[1] / walls[2]:.2f}x wall with model loads,"
          f" {rates[2] / rates[1]:.2f}x steady (on {os.cpu_count()} cores)")
    source.unlink()


def ingest_run(source: str, db: str, workers: int) -> None:
    """One timed ingest, in this fresh process, printed as JSON for `workers()`."""
    from eventwire.news.readers import read
    from eventwire.store.db import Store
    from eventwire.store.ingest import Ingest

    t0 = time.perf_counter()
    marks: list[tuple[float, int]] = []
    with Store(db) as store:
        Ingest(store, workers).run(read([source]), on_document=lambda s: marks.append(
            (time.perf_counter() - t0, s.stored)))
    first = next(m for m in marks if m[1])
    rss = {who: resource.getrusage(who).ru_maxrss / 1024 for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)}
    print(json.dumps({"wall": time.perf_counter() - t0, "first": first[0], "first_stored": first[1],
                      "last": marks[-1][0], "stored": marks[-1][1], "main_mb": rss[resource.RUSAGE_SELF],
                      "worker_mb": rss[resource.RUSAGE_CHILDREN]}))


def merge_scaling() -> None:
    """The merge step alone on synthetic reports: how its time grows with the number of reports."""
    subprocess.run([sys.executable, str(ROOT / "tools" / "bench_merge.py"), "--synthetic", "10000", "100000",
                    "1000000"], check=False)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="*", help=f"default: all ({' '.join(SETS)}), then speed and memory")
    ap.add_argument("--stages", help="comma-separated stages to run (default: all)")
    ap.add_argument("--limit", type=int, help="first N documents only")
    ap.add_argument("--errors", type=int, default=0, help="list N example errors")
    ap.add_argument("--speed", action="store_true", help="measure speed and memory only")
    ap.add_argument("--workers", action="store_true", help="measure the 1 -> 2 worker speed-up only")
    ap.add_argument("--ingest-run", nargs=3, metavar=("SOURCE", "DB", "N"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not BENCH.is_dir():
        print(f"bench: {BENCH} is absent; nothing to measure (the shared development sets live there)")
        return
    sys.path.insert(0, str(ROOT / "src"))
    if args.speed:
        speed()
        return
    if args.workers:
        workers()
        return
    if args.ingest_run:
        ingest_run(args.ingest_run[0], args.ingest_run[1], int(args.ingest_run[2]))
        return
    stages = args.stages.split(",") if args.stages else None
    for name in args.sets or SETS:
        print(f"== {name}", flush=True)
        pred = ingest_and_export(name) if name in EXPORT_SETS else extract(name, stages, args.limit)
        score(name, pred, args.errors)
        os.replace(pred, OUT / f"{name}.pred.jsonl")
    if not args.sets:  # fresh processes, so the memory figures are the extractor's own
        subprocess.run([sys.executable, __file__, "--speed"], check=False)
        subprocess.run([sys.executable, __file__, "--workers"], check=False)
        merge_scaling()


if __name__ == "__main__":
    main()
