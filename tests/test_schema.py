"""The contract's JSON Schema holds for real `extract` output and catches contract breaches."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import ValidationError

from eventwire.cli import main
from eventwire.views.schema import problems, schema, validate

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def outputs():
    result = CliRunner().invoke(main, ["extract", str(EXAMPLES / "kerman-twin-blasts.txt"),
                                       str(EXAMPLES / "voa-helmand-police-attack.html")], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_real_extract_output_satisfies_the_schema(outputs):
    assert [d["doc_id"] for d in outputs] == ["kerman-twin-blasts", "voa-helmand-police-attack"]
    for doc in outputs:
        assert problems(doc) == []


def test_schema_is_draft_2020_12_and_lists_every_event_type():
    assert schema()["$schema"].endswith("2020-12/schema")
    assert set(schema()["$defs"]["event"]["properties"]["type"]["enum"]) == {
        "battles", "explosions_remote_violence", "violence_against_civilians", "protests", "riots",
        "strategic_developments", "statement"}


EVENT = {"id": "e1", "type": "battles", "subtype": "armed_clash", "date": "2024-01-03", "date_precision": "day",
         "location": None, "perpetrators": [{"name": "Army", "mention": "troops", "kind": "organization",
                                             "entity": None, "attribution": "reported", "start": 0, "end": 6}],
         "targets": [], "weapons": [], "killed": {"best": 3, "low": 3, "high": 3, "text": "three", "start": 1, "end": 6},
         "injured": None, "evidence": [], "confidence": 0.5, "extra_field": "allowed"}
DOC = {"doc_id": "d", "published": None, "published_source": "none", "events": [EVENT], "entities": [],
       "places": [], "times": [], "warnings": []}


def broken(path: list, value):
    doc = copy.deepcopy(DOC)
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return doc


def test_a_valid_document_with_extra_fields_passes():
    validate(DOC)


@pytest.mark.parametrize("path,value", [
    (["events", 0, "subtype"], "suicide_bomb"),  # a subtype of another type
    (["events", 0, "type"], "bombing"),
    (["events", 0, "perpetrators", 0, "attribution"], "rumoured"),
    (["events", 0, "perpetrators", 0, "kind"], "human"),  # a target kind
    (["events", 0, "killed", "best"], "3"),  # numbers must be numbers
    (["events", 0, "date"], "3 Jan 2024"),
    (["published_source"], "guessed"),
])
def test_contract_breaches_are_caught(path, value):
    with pytest.raises(ValidationError):
        validate(broken(path, value))


def test_missing_required_field_is_named():
    doc = copy.deepcopy(DOC)
    del doc["events"][0]["confidence"]
    assert any("'confidence' is a required property" in p for p in problems(doc))
