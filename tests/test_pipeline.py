"""The pipeline itself: stage order, selection, and failure isolation."""

from __future__ import annotations

import pytest

from eventwire.model import Document
from eventwire.pipeline import STAGES, Pipeline


def test_unknown_stage_name_is_refused_with_the_known_names():
    with pytest.raises(ValueError, match="dates"):
        Pipeline(["dates", "no-such-stage"])


def test_stages_run_in_pipeline_order_whatever_order_they_are_asked_in():
    pipe = Pipeline(["places", "dates"])
    assert pipe.names == ["dates", "places"]
    assert list(STAGES).index("dates") < list(STAGES).index("places")


def test_a_failing_stage_becomes_a_warning_and_the_document_still_comes_out():
    pipe = Pipeline(["dates"])

    def broken(doc):
        raise RuntimeError("boom")

    pipe.stages.insert(0, ("broken", broken))
    docs = list(pipe.run([Document(id="a", text="Rebels attacked a village on Monday."), Document(id="b", text="Calm.")]))
    assert [d.id for d in docs] == ["a", "b"]
    assert any("stage broken failed" in w and "boom" in w for w in docs[0].warnings)


def test_newlines_end_sentences_so_headlines_stay_apart_from_the_lead():
    pipe = Pipeline([])
    doc = pipe(Document(id="h", text="Blast hits market\n\nA bomb exploded in the market on Monday."))
    first = next(iter(doc.doc.sents))
    assert first.text.strip() == "Blast hits market"


def test_a_full_stop_after_a_figure_ends_the_sentence_before_a_figure_or_a_capital():
    pipe = Pipeline([])
    doc = pipe(Document(id="n", text="Gunmen killed 1 civilian and injured 3. 1 fatality. Police came at 10. They left."))
    assert [s.text.strip() for s in doc.doc.sents] == [
        "Gunmen killed 1 civilian and injured 3.", "1 fatality.", "Police came at 10.", "They left."]


def test_markdown_is_blanked_without_moving_offsets():
    pipe = Pipeline([])
    text = "## Why\n\n- **Islamic State** claimed the attack."
    doc = pipe(Document(id="m", text=text))
    assert len(doc.clean) == len(text)
    start = doc.clean.index("Islamic State")
    assert text[start : start + len("Islamic State")] == "Islamic State"
