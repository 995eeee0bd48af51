"""Benchmark cross-document merging (events/merge.py) on gvc-dev, and its speed on synthetic reports.

    python tools/bench_merge.py                     # gvc-dev: input order and shuffled, scored
    python tools/bench_merge.py --errors 20         # also list clustering errors
    python tools/bench_merge.py --rebuild           # re-run the pipeline even if cached reports look current
    python tools/bench_merge.py --synthetic 10000 100000 1000000

gvc-dev: runs the pipeline once on ../shared/bench/gvc-dev.input.jsonl.gz, caches the Reports as JSON under
build/merge-cache/ (keyed by a fingerprint of the package sources, so re-runs take seconds), feeds them through
a Merger document by document in input order, writes one `canonical(...)` per line to
build/merge/gvc-dev.export.jsonl and scores it with shared/bench/score.py. Then the same with the documents
shuffled (fixed seeds) to show how much the result depends on input order. The export lists the canonical
events with the most sources first (the scorer takes a document's cluster to be the canonical event holding most
of its reports, ties to the first listed). Says so and exits 0 when ../shared/bench is absent.

--synthetic N: times Merger.add over N synthetic reports (random types, days over years, places over the
world, random actor names and words; 1-4 reports per synthetic event) and prints CPU and wall seconds, reports
per CPU second and peak memory. The days span --years (default five), so a larger N is also a denser feed (more
reports per day and country to compare with): the cost per report follows that density, not N. Prints figures;
asserts nothing.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
BENCH = ROOT.parent / "shared" / "bench"
CACHE = ROOT / "build" / "merge-cache"
OUT = ROOT / "build" / "merge"
SET = "gvc-dev"

from eventwire.events.merge import Merger, Report, canonical  # noqa: E402


def fingerprint() -> str:
    """Changes whenever any package source or data file changes (the reports depend on every stage)."""
    h = hashlib.sha1()
    for p in sorted((ROOT / "src" / "eventwire").rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts:
            h.update(str(p.relative_to(ROOT)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def load_reports(rebuild: bool) -> list[list[Report]]:
    """The reports of each input document, in input order (from the cache when current)."""
    key = fingerprint()
    path = CACHE / f"{SET}.reports.json"
    if path.exists() and not rebuild:
        cached = json.loads(path.read_text(encoding="utf-8"))
        if cached.get("fingerprint") == key:
            return [[Report.from_json(r) for r in doc] for doc in cached["docs"]]
    from eventwire.events.merge import reports_of
    from eventwire.model import Document
    from eventwire.pipeline import Pipeline
    from eventwire.views.contract import document

    with gzip.open(BENCH / f"{SET}.input.jsonl.gz", "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    docs = (Document(id=r["id"], text=r["text"], published=r.get("published"), title=r.get("title"),
                     url=r.get("url"), published_source="given" if r.get("published") else "none") for r in rows)
    t0 = time.perf_counter()
    out = [reports_of(d, document(d)) for d in Pipeline().run(docs)]
    print(f"pipeline: {len(rows)} documents in {time.perf_counter() - t0:.1f}s (cached in {path.relative_to(ROOT)})")
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"fingerprint": key, "docs": [[r.to_json() for r in d] for d in out]}),
                    encoding="utf-8")
    return out


def merge(docs: list[list[Report]]) -> list[dict]:
    """Canonical events of the reports, most sources first (then creation order)."""
    m = Merger()
    for reports in docs:
        for r in reports:
            m.add(r)
    events = [canonical(cid, m.reports(cid)) for cid in m.canon_ids()]
    return sorted(events, key=lambda e: -e["sources"])


def score(events: list[dict], name: str, errors: int) -> str:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    with path.open("w", encoding="utf-8") as fh:
        for e in events:
            fh.write(json.dumps(e) + "\n")
    cmd = [sys.executable, str(BENCH / "score.py"), SET, str(BENCH), str(path)]
    if errors:
        cmd += ["--errors", str(errors)]
    res = subprocess.run(cmd, capture_output=True, text=True, check=False)
    return res.stdout + res.stderr


def bench_gvc(rebuild: bool, errors: int, seeds: list[int]) -> None:
    docs = load_reports(rebuild)
    print(f"{sum(len(d) for d in docs)} reports from {len(docs)} documents "
          f"({sum(1 for d in docs if not d)} documents without events)")
    t0 = time.perf_counter()
    events = merge(docs)
    print(f"merged into {len(events)} canonical events in {time.perf_counter() - t0:.2f}s")
    out = score(events, f"{SET}.export.jsonl", errors)
    print(out.rstrip())
    for seed in seeds:
        shuffled = list(docs)
        random.Random(seed).shuffle(shuffled)
        last = score(merge(shuffled), f"{SET}.shuffled-{seed}.export.jsonl", 0).strip().splitlines()[-1]
        print(f"shuffled (seed {seed}): {last}")


# ----------------------------------------------------------------------------------- synthetic

TYPES = [("violence_against_civilians", "attack"), ("explosions_remote_violence", "suicide_bomb"),
         ("battles", "armed_clash"), ("protests", "peaceful_protest"), ("riots", "mob_violence"),
         ("strategic_developments", "arrests"), ("statement", "condemnation")]
SYLLABLES = ["ka", "ri", "mo", "sa", "ne", "lu", "ta", "vi", "do", "ha", "ze", "po", "mi", "ra", "go", "shi"]


def synthetic(n: int, years: float = 5.0, seed: int = 1) -> list[Report]:
    """n reports of synthetic events, 1-4 reports each, dated over `years`, in random order."""
    rng = random.Random(seed)
    start = date(2019, 1, 1).toordinal()
    vocab = ["".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(20000)]
    people = ["".join(rng.choices(SYLLABLES, k=3)).title() + " " + "".join(rng.choices(SYLLABLES, k=3)).title()
              for _ in range(50000)]
    countries = [("C%02d" % i, rng.uniform(-50, 60), rng.uniform(-120, 140)) for i in range(150)]
    reports: list[Report] = []
    k = 0
    while len(reports) < n:
        typ, sub = rng.choice(TYPES)
        day = start + rng.randrange(max(1, int(years * 365)))
        cc, clat, clon = rng.choice(countries)
        lat, lon = clat + rng.uniform(-4, 4), clon + rng.uniform(-4, 4)
        names = rng.sample(people, 2)
        words = rng.sample(vocab, 30)  # what this event's reports say, beside common words
        killed = rng.choice([None, 1, 2, 3, 5, 12])
        k += 1
        for j in range(rng.randint(1, 4)):
            d = date.fromordinal(day + rng.choice([0, 0, 0, 1, -1]))
            ev = {"id": "e1", "type": typ, "subtype": sub, "date": d.isoformat(), "date_precision": "day",
                  "location": {"name": cc + "-town", "country_code": cc, "admin1": cc + "-a1", "feature": "city",
                               "lat": lat + rng.uniform(-0.05, 0.05), "lon": lon + rng.uniform(-0.05, 0.05)},
                  "killed": {"best": killed} if killed else None, "injured": None, "evidence": []}
            terms = rng.sample(words, 20) + rng.choices(vocab[:300], k=10)
            reports.append(Report(doc_id=f"d{k}-{j}", event_id="e1", published=(d + timedelta(days=1)).isoformat(),
                                  title=None, url=None, primary=True, event=ev, text=" ".join(terms),
                                  country=cc, names=names[: rng.randint(0, 2)], terms=terms))
    reports = reports[:n]
    rng.shuffle(reports)
    return reports


def bench_synthetic(sizes: list[int], years: float) -> None:
    for n in sizes:
        reports = synthetic(n, years)
        m = Merger()
        t0, c0 = time.perf_counter(), time.process_time()
        for r in reports:
            m.add(r)
        secs, cpu = time.perf_counter() - t0, time.process_time() - c0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"synthetic {n:>9,} reports ({n / (years * 365):,.0f}/day): {cpu:7.1f} CPU s ({secs:.1f}s wall), "
              f"{n / cpu:>7,.0f} reports/CPU s, {len(m):,} canonical events, peak RSS {peak:,.0f} MB (process so far)")
        del m, reports


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--synthetic", type=int, nargs="+", metavar="N", help="time the Merger on N synthetic reports")
    ap.add_argument("--years", type=float, default=5.0, help="synthetic dates span this many years (default 5)")
    ap.add_argument("--rebuild", action="store_true", help="re-run the pipeline even if the cache is current")
    ap.add_argument("--errors", type=int, default=0, help="list N scorer error examples")
    ap.add_argument("--seeds", type=int, nargs="*", default=[1, 2, 3], help="shuffle seeds (default 1 2 3)")
    args = ap.parse_args()
    if args.synthetic:
        bench_synthetic(args.synthetic, args.years)
        return
    if not (BENCH / f"{SET}.input.jsonl.gz").exists():
        print(f"{BENCH} is absent: nothing to benchmark")
        return
    bench_gvc(args.rebuild, args.errors, args.seeds)


if __name__ == "__main__":
    main()
