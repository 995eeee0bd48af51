"""Train the `roles` tagger: a small spaCy NER that marks MUC-4 role fillers in running text.

    python tools/train_roles.py [--epochs N] [--negatives SHARE] [--holdout N] [--out DIR]

Reads ../shared/bench/muc4-train.{input,gold}.jsonl.gz (exits with a message when absent).
Texts are lowercased and their hard line breaks joined, as in the lowercased copy the
pipeline reads, so casing is never a cue. Every whole-word occurrence of every gold mention
of a role is a training span (longest first, no overlaps): the same words are labelled alike
wherever they stand. Examples are paragraphs: all with a filler, a seeded share of the rest to
teach what is not one. Tokens come from the pipeline's own tokenizer, so the tagger sees at
run time what it saw here. Fixed seed; 8 epochs take ~15-20 min on 2 shared cores; writes
the trained pipeline (6.7 MB) to src/eventwire/data/models/roles/ after every epoch.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench"
OUT = ROOT / "src" / "eventwire" / "data" / "models" / "roles"
LABELS = {"PerpInd": "PERPIND", "PerpOrg": "PERPORG", "Target": "TARGET", "Victim": "VICTIM", "Weapon": "WEAPON"}
SEED = 0


def read(name: str) -> dict[str, dict]:
    with gzip.open(BENCH / name, "rt", encoding="utf-8") as fh:
        return {r["id"]: r for r in map(json.loads, fh)}


def paragraphs(text: str) -> list[str]:
    """The lowercased story without its dateline header, a paragraph a string, lines joined."""
    low = text.lower()
    cut = low.find("[text]")
    if 0 <= cut < 200:
        low = low[cut + len("[text]"):]
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", low) if p.strip()]


def spans(text: str, ree: dict) -> list[tuple[int, int, str]]:
    """Whole-word occurrences of each role's mentions, longest first, without overlaps."""
    found = []
    for role, ents in ree.items():
        for ent in ents:
            for mention in {m[0].lower().strip() for m in ent if m and m[0].strip()}:
                pat = r"(?<!\w)" + re.escape(mention) + r"(?!\w)"
                found += [(m.start(), m.end(), LABELS[role]) for m in re.finditer(pat, text)]
    found.sort(key=lambda s: (s[0] - s[1], s[0]))
    taken: list[tuple[int, int, str]] = []
    for s in found:
        if all(s[1] <= t[0] or t[1] <= s[0] for t in taken):
            taken.append(s)
    return sorted(taken)


def examples(nlp, tokenizer, rows, golds, rng, negatives: float):
    """One example per paragraph: every paragraph with a filler, a seeded share of those without
    (the tagger reads sentences near event words at run time, so paragraphs are its context)."""
    from spacy.tokens import Doc
    from spacy.training import Example

    out, lost = [], 0
    for rid, row in rows:
        for text in paragraphs(row["text"]):
            found = spans(text, golds[rid]["ree"])
            if not found and rng.random() >= negatives:
                continue
            toks = tokenizer(text)
            doc = Doc(nlp.vocab, words=[t.text for t in toks], spaces=[bool(t.whitespace_) for t in toks])
            ents = []
            for s, e, label in found:
                span = doc.char_span(s, e, label=label, alignment_mode="strict")
                if span is None:
                    lost += 1
                else:
                    ents.append(span)
            ref = doc.copy()
            ref.ents = ents
            out.append(Example(doc, ref))
    return out, lost


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--holdout", type=int, default=0, help="score the last N training documents, train on the rest")
    ap.add_argument("--negatives", type=float, default=0.3, help="share of paragraphs without fillers kept")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    if not (BENCH / "muc4-train.gold.jsonl.gz").exists():
        print(f"training data not found: {BENCH}/muc4-train.*.jsonl.gz (the shared bench folder); nothing trained")
        return 1

    import spacy
    from spacy.util import fix_random_seed, minibatch

    sys.path.insert(0, str(ROOT / "src"))
    from eventwire.pipeline import load_nlp

    fix_random_seed(SEED)
    inputs, golds = read("muc4-train.input.jsonl.gz"), read("muc4-train.gold.jsonl.gz")
    rows = sorted(inputs.items())
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner", config={"model": {
        "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
        "hidden_width": 64, "maxout_pieces": 2, "use_upper": True, "nO": None,
        "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None, "width": 96,
                    "depth": 4, "embed_size": 5000, "window_size": 1, "maxout_pieces": 3,
                    "subword_features": True}}})
    for label in LABELS.values():
        ner.add_label(label)
    train_rows, held_rows = (rows[:-args.holdout], rows[-args.holdout:]) if args.holdout else (rows, [])
    tokenizer = load_nlp().tokenizer
    rng = random.Random(SEED)
    train, lost = examples(nlp, tokenizer, train_rows, golds, rng, args.negatives)
    held, _ = examples(nlp, tokenizer, held_rows, golds, rng, 1.0)
    n_spans = sum(len(eg.reference.ents) for eg in train)
    print(f"{len(train)} paragraphs, {n_spans} spans ({lost} not on token boundaries)", flush=True)
    optimizer = nlp.initialize(lambda: train[:200])
    args.out.mkdir(parents=True, exist_ok=True)
    for epoch in range(args.epochs):
        t0, losses = time.time(), {}
        rng.shuffle(train)
        for batch in minibatch(train, size=16):
            nlp.update(batch, drop=0.2, sgd=optimizer, losses=losses)
        line = f"epoch {epoch + 1}: loss {losses['ner']:.0f}, {time.time() - t0:.0f}s"
        if held:
            scores = nlp.evaluate(held)
            line += f", held-out ents P {scores['ents_p']:.3f} R {scores['ents_r']:.3f} F {scores['ents_f']:.3f}"
        print(line, flush=True)
        nlp.to_disk(args.out)  # after every epoch: a long run can be inspected or cut short
    if held:
        for label, s in sorted(nlp.evaluate(held)["ents_per_type"].items()):
            print(f"  {label}: P {s['p']:.3f} R {s['r']:.3f} F {s['f']:.3f}")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
