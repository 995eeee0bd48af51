"""Ingest: documents in, stored and merged into canonical events, committed in small batches.

A document already in the store (same URL, or the same text up to spacing and case) is
skipped before it is parsed, so re-running an ingest adds nothing and an interrupted one
resumes where it stopped. The merger is rebuilt from the stored reports when the store
opens, so a new report can join an event ingested in any earlier run.

Extraction (the costly part) can run in worker processes, one pipeline each; merging and
writing stay in this process, the store's only writer, in input order, so the result does
not depend on the number of workers.
"""

from __future__ import annotations

import multiprocessing
import time
from itertools import islice
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from ..events.merge import Merger, Report, canonical, reports_of
from ..model import Document
from ..news.readers import ReadError
from ..pipeline import shared
from ..views.contract import document as contract_of
from .db import Store, text_hash


class Extracted(NamedTuple):
    """What the store needs of a processed document; small and picklable, unlike a parsed Document."""

    contract: dict
    text: str
    reports: list[Report]


def extracted(doc: Document) -> Extracted:
    contract = contract_of(doc)
    if doc.source:
        contract["source"] = doc.source
    return Extracted(contract, doc.text, reports_of(doc, contract))


def extract_local(docs: Iterable[Document]) -> Iterator[Extracted]:
    for doc in shared().run(docs):
        yield extracted(doc)


def extract_batch(docs: list[Document]) -> list[Extracted]:
    """In a worker process: its pipeline loads on the first batch and stays; a batch goes through one
    `nlp.pipe`, as it does in-process."""
    return [extracted(doc) for doc in shared().run(docs)]


def extract_parallel(docs: Iterable[Document], workers: int, batch: int = 64, task: int = 4) -> Iterator[Extracted]:
    """Documents extracted by `workers` processes, yielded in input order. The documents are drawn here, a
    batch ahead, not by the pool's feeder thread: drawing one asks the store (this thread's connection).
    Small tasks keep the workers evenly loaded up to the last document."""
    docs = iter(docs)
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        running = None
        while True:
            chunk = list(islice(docs, batch))
            tasks = [chunk[i:i + task] for i in range(0, len(chunk), task)]
            queued = pool.imap(extract_batch, tasks) if tasks else None
            if running is not None:
                for results in running:
                    yield from results
            if queued is None:
                return
            running = queued


@dataclass
class IngestStats:
    read: int = 0  # documents offered
    stored: int = 0
    skipped: int = 0  # already in the store
    failed: int = 0  # inputs that gave no document
    reports: int = 0  # document-level events stored
    events: int = 0  # canonical events created by this run


class Ingest:
    """Extracts documents into `store`, merging their events with the stored ones."""

    def __init__(self, store: Store, workers: int = 1, batch: int = 16):
        self.store = store
        self.workers = workers
        self.batch = batch  # documents per transaction, at most
        self.merger = Merger()
        self.seen: dict[str, str] = {}  # text hash or URL -> doc_id, for this run
        self.ids: set[str] = set()  # doc_ids given in this run
        self.copies = 0
        for canon_id, report in store.reports():
            self.merger.add(Report.from_json(report), canon_id)

    def run(self, items: Iterable[Document | ReadError], *, on_error: Callable[[ReadError], None] = lambda e: None,
            on_document: Callable[[IngestStats], None] = lambda s: None) -> IngestStats:
        stats = IngestStats()
        docs = self.fresh(items, stats, on_error, on_document)
        results = extract_parallel(docs, self.workers) if self.workers > 1 else extract_local(docs)
        self.save_all(results, stats, on_document)
        return stats

    def fresh(self, items: Iterable[Document | ReadError], stats: IngestStats,
              on_error: Callable[[ReadError], None], on_document: Callable[[IngestStats], None]) -> Iterator[Document]:
        """The documents not stored yet (nor seen earlier in this run), each given a free doc_id."""
        for item in items:
            if isinstance(item, ReadError):
                stats.failed += 1
                on_error(item)
                continue
            stats.read += 1
            doc_id = self.admit(item.id, item.url, text_hash(item.text), item.title, item.published)
            if doc_id is None:
                stats.skipped += 1
                on_document(stats)
                continue
            item.id = doc_id
            yield item

    def admit(self, doc_id: str, url: str | None, digest: str, title: str | None, published: str | None
              ) -> str | None:
        """The id to store a new document under (its own, unless another document holds it), or None when it is
        stored or seen in this run already, by URL or normalised text (`digest`, its `text_hash`). A known text
        under another id and URL (the same wire story from another outlet) is recorded as one more source of
        that document's events."""
        by_url = (url and self.seen.get(url)) or (url and self.store.known(url, "-"))
        if by_url:
            return None
        original = self.seen.get(digest) or self.store.known(None, digest)
        if original is None:
            doc_id = self.store.free_id(doc_id, digest)
            if doc_id in self.ids:  # taken by a document of this run not stored yet
                doc_id = f"{doc_id}~{digest[:8]}"
            self.ids.add(doc_id)
            self.seen.update({key: doc_id for key in (digest, url) if key})
            return doc_id
        if doc_id != original and not self.store.copy_known(doc_id, url):
            self.store.add_copy(doc_id, original, url, title, published)
            self.copies += 1
        return None

    def save_all(self, results: Iterable[Extracted], stats: IngestStats,
                 on_document: Callable[[IngestStats], None], wait: float = 1.0) -> None:
        """Save in batches of up to `self.batch` documents, each batch one transaction: the writer is the serial
        step of a parallel ingest, and per-statement costs dominate a single document's writes. A batch is
        also flushed once its first document has waited `wait` seconds, so a slow stream is stored as it
        comes. Batch boundaries change nothing stored: merging is in input order either way."""
        pending: list[Extracted] = []
        since = 0.0
        for result in results:
            if not pending:
                since = time.monotonic()
            pending.append(result)
            if len(pending) >= self.batch or time.monotonic() - since >= wait:
                self.save(pending, stats, on_document)
                pending = []
        if pending:
            self.save(pending, stats, on_document)

    def save(self, results: list[Extracted], stats: IngestStats,
             on_document: Callable[[IngestStats], None] = lambda s: None) -> None:
        """Merge and store documents, all or none. A store failure ends the run: the merger would no longer
        match it."""
        placed: list[list[tuple[str, dict]]] = []
        for result in results:
            placed.append([])
            for report in result.reports:
                canon_id = self.merger.add(report)
                stats.events += len(self.merger.reports(canon_id)) == 1
                placed[-1].append((canon_id, report.to_json()))
        # A report can show that canonical events are one: the merger folds them together, and the store must
        # too (move their reports, drop the absorbed events) or it keeps stale events listing moved reports.
        moved = {old: self.merger.resolve(old) for old, _ in self.merger.absorbed()}
        docs = [(result.contract, result.text, [(self.merger.resolve(c), r) for c, r in reports])
                for result, reports in zip(results, placed)]
        touched = sorted({c for _, _, reports in docs for c, _ in reports} | set(moved.values()))
        canons = {c: canonical(c, self.merger.reports(c)) for c in touched}
        self.store.add_documents(docs, canons, moved)
        for _, _, reports in docs:
            stats.stored += 1
            stats.reports += len(reports)
            on_document(stats)
