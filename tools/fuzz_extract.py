"""Coverage-guided fuzzing of `extract`: bytes -> readers -> pipeline -> contract JSON, checked.

Every input must give either a reader's `BadInput` (a reported, skipped input) or documents
whose contract JSON validates against the schema, with every offset inside the text and
every span's text equal to the text it points at (`check` of tests/test_fuzz.py). Anything
else is a crash for libFuzzer; `-timeout` turns a hang into one.

    pip install atheris==3.0.0   # the `fuzz` extra
    .venv/bin/python tools/fuzz_extract.py /tmp/fuzz-corpus -max_total_time=900 -timeout=60 \\
        -max_len=8192 -print_final_stats=1

The first byte of an input picks the reader (text, Markdown, JSONL, HTML); the rest is the
file. An empty corpus directory is seeded with the pathological families of docs/fuzzing.md.
The slowest input so far is kept as `slowest.bin` (with its time) beside the corpus.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["eventwire"]):
    from eventwire.model import Document
    from eventwire.news.readers import BadInput, decode, html_document, jsonl_documents
    from eventwire.pipeline import Pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from test_fuzz import check  # noqa: E402  (one definition of a valid output, shared with the tests)

READERS = ("txt", "md", "jsonl", "html")
SEEDS = [
    b"Gunmen killed 3 people in Kabul on Monday, police said. The Taliban claimed the attack.",
    b"Attack" + b"!" * 3000, b"1," * 2000, b"." * 3000, b"9" * 2000, b"-" * 3000, b"[" * 2000,
    b"<div>" * 2000 + b"Rebels shelled Goma." + b"</div>" * 2000,
    "\u202eKabul\u200b\u0301\u200d bomb\u2028killed 12\u00a0people".encode(),
    b'{"id": "a", "text": "Bomb in Aleppo \\ud800 killed 5", "published": "9999-12-31"}\n',
    b"on 31 February 2024, 12/31/9999, 0000-00-00, tomorrow, 5 years ago, the 1990s.",
    b"@handle \xc2\xb7 Follow\nShots fired\n11:41 AM \xc2\xb7 Jan 4, 2024\n",
]

PIPELINE: Pipeline | None = None
SLOWEST = [0.0]


def documents(data: bytes) -> list[Document]:
    kind, body = READERS[data[0] % len(READERS)] if data else "txt", data[1:]
    try:
        if kind == "jsonl":
            return [d for d in jsonl_documents(io.BytesIO(body), "<fuzz>", 10_000_000) if isinstance(d, Document)]
        if kind == "html":
            return [html_document(Path("fuzz.html"), body)]
        return [Document(id="fuzz", text=decode(body), source=f"fuzz.{kind}")]
    except BadInput:
        return []


def test_one_input(data: bytes) -> None:
    t = time.perf_counter()
    for doc in PIPELINE.run(documents(data)):
        check(doc)
    elapsed = time.perf_counter() - t
    if elapsed > SLOWEST[0]:
        SLOWEST[0] = elapsed
        Path(CORPUS.parent / "slowest.bin").write_bytes(data)
        Path(CORPUS.parent / "slowest.txt").write_text(f"{elapsed:.3f} s, {len(data)} bytes\n")


def main() -> None:
    global PIPELINE, CORPUS
    dirs = [Path(a) for a in sys.argv[1:] if not a.startswith("-")]
    CORPUS = dirs[0] if dirs else Path("fuzz-corpus")
    CORPUS.mkdir(parents=True, exist_ok=True)
    if not any(CORPUS.iterdir()):
        for i, seed in enumerate(SEEDS):
            for r in range(len(READERS)):
                (CORPUS / f"seed-{i}-{READERS[r]}").write_bytes(bytes([r]) + seed)
    with atheris.instrument_imports(include=["eventwire"]):  # the stages are imported by name here
        PIPELINE = Pipeline()
    atheris.Setup(sys.argv if dirs else [*sys.argv, str(CORPUS)], test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
