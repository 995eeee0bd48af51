"""Run the extractor on the shared development sets and score it with shared/bench/score.py.

    python tools/bench.py                  # every set
    python tools/bench.py lgl geovirus     # some sets
    python tools/bench.py muc4 --stages events --errors 20

Reads ../shared/bench when present (says so and exits 0 when absent). Writes predictions
to build/bench/<set>.pred.jsonl. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench"
OUT = ROOT / "build" / "bench"
SETS = ["seed", "muc4", "wikievents", "lgl", "geovirus", "timebank"]


def read_inputs(name: str) -> list[dict]:
    with gzip.open(BENCH / f"{name}.input.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def extract(name: str, stages: list[str] | None, limit: int | None) -> Path:
    sys.path.insert(0, str(ROOT / "src"))
    from eventwire.model import Document
    from eventwire.pipeline import Pipeline
    from eventwire.views.contract import document

    if name == "seed":
        path = BENCH.parent / "examples" / "kerman-twin-blasts.txt"
        rows = [{"id": "kerman-twin-blasts", "text": path.read_text(encoding="utf-8")}]
    else:
        rows = read_inputs(name)[:limit]
    docs = [Document(id=r["id"], text=r["text"], published=r.get("published"), title=r.get("title"),
                     published_source="given" if r.get("published") else "none") for r in rows]
    pipe = Pipeline(stages)
    OUT.mkdir(parents=True, exist_ok=True)
    pred = OUT / f"{name}.pred.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        for d in pipe.run(docs):
            fh.write(json.dumps(document(d)) + "\n")
    return pred


def score(name: str, pred: Path, errors: int) -> None:
    gold = BENCH.parent / "examples" if name == "seed" else BENCH
    cmd = [sys.executable, str(BENCH / "score.py"), name, str(gold), str(pred)]
    if errors:
        cmd += ["--errors", str(errors)]
    subprocess.run(cmd, check=False)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="*", default=SETS)
    ap.add_argument("--stages", help="comma-separated stages to run (default: all)")
    ap.add_argument("--limit", type=int, help="first N documents only")
    ap.add_argument("--errors", type=int, default=0, help="list N example errors")
    args = ap.parse_args()
    if not BENCH.is_dir():
        print(f"bench: {BENCH} is absent; nothing to measure (the shared development sets live there)")
        return
    stages = args.stages.split(",") if args.stages else None
    for name in args.sets:
        print(f"== {name}", flush=True)
        score(name, extract(name, stages, args.limit), args.errors)


if __name__ == "__main__":
    main()
