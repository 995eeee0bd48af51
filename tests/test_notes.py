"""Event notes in the style of conflict datasets, one for each ACLED sub-event type, written for these
tests (tests/data/event_notes.jsonl): each note's first event must carry the sub-event type, the day and
the country it tells."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

NOTES = [json.loads(line) for line in (Path(__file__).parent / "data" / "event_notes.jsonl").open(encoding="utf-8")]


@pytest.fixture(scope="module")
def first_events(run):
    return {n["subtype"]: next((e for e in run(n["text"], published=n["published"]).events if e.type != "statement"),
                               None) for n in NOTES}


@pytest.mark.parametrize("note", NOTES, ids=[n["subtype"] for n in NOTES])
def test_a_note_is_typed_as_the_sub_event_it_tells(first_events, note):
    event = first_events[note["subtype"]]
    assert event is not None and event.subtype == note["subtype"]


@pytest.mark.parametrize("note", NOTES, ids=[n["subtype"] for n in NOTES])
def test_a_note_is_dated_and_placed_as_it_says(first_events, note):
    event = first_events[note["subtype"]]
    assert event is not None and event.date == note["date"]
    assert event.location is not None and event.location.country_code == note["country"]
