"""Shared fixtures: one real spaCy model per test session, and a way to run chosen stages."""

from __future__ import annotations

import pytest

from eventwire.model import Document
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="session")
def run():
    """run(text, stages=None, published=None, title=None) -> Document through the real pipeline."""
    cache: dict[tuple, Pipeline] = {}

    def _run(text: str, stages=None, published: str | None = None, doc_id: str = "t",
             title: str | None = None) -> Document:
        key = tuple(stages) if stages else None
        if key not in cache:
            cache[key] = Pipeline(stages)
        source = "given" if published else "none"
        return cache[key](Document(id=doc_id, text=text, published=published, published_source=source, title=title))

    return _run
