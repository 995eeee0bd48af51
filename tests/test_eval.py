"""`eventwire eval`: scoring against an analyst's own gold, fuzzy names, alignment, bad gold lines."""

from __future__ import annotations

import copy
import json

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.evaluate import read_gold, same_name, score

TEXT = ("A suicide bomber killed 12 people at a mosque in Kabul on Monday, police said.\n"
        "The Islamic State group claimed responsibility for the attack, which also wounded 30 worshippers.\n")

GOLD = {
    "id": "kabul-blast", "text": TEXT, "published": "2024-03-05",
    "events": [{
        "type": "explosions_remote_violence", "subtype": "suicide_bomb", "date": "2024-03-04",
        "location": {"name": "Kabul", "lat": 34.53, "lon": 69.17},
        "perpetrators": [{"name": "Islamic State", "kind": "organization", "attribution": "claimed"}],
        "targets": [{"name": "12 people", "kind": "human"}, {"name": "mosque", "kind": "physical"}],
        "weapons": ["suicide bomber"], "killed": 12, "injured": {"best": 30},
    }],
    "places": [{"mention": "Kabul", "lat": 34.53, "lon": 69.17}],
    "times": [{"mention": "on Monday", "value": "2024-03-04"}],
}


def participant(name, kind, attribution="reported", entity=None):
    return {"name": name, "mention": name, "kind": kind, "entity": entity, "attribution": attribution}


KABUL = {"mention": "Kabul", "name": "Kabul", "country_code": "AF", "lat": 34.5253, "lon": 69.1783,
         "feature": "city", "start": 49, "end": 54}

PRED = {  # what a perfect extractor writes for TEXT, in the contract's shape
    "doc_id": "kabul-blast", "published": "2024-03-05", "published_source": "given",
    "events": [{
        "id": "e1", "type": "explosions_remote_violence", "subtype": "suicide_bomb", "date": "2024-03-04",
        "location": KABUL,
        "perpetrators": [participant("Islamic State", "organization", "claimed", "ent-1")],
        "targets": [participant("12 people", "human"), participant("mosque", "physical")],
        "weapons": [{"text": "suicide bomber", "start": 2, "end": 16}],
        "killed": {"best": 12, "low": 12, "high": 12}, "injured": {"best": 30, "low": 30, "high": 30},
    }],
    "entities": [{"id": "ent-1", "name": "Islamic State", "kind": "organization", "aliases": ["IS"]}],
    "places": [KABUL],
    "times": [{"mention": "Monday", "start": 58, "end": 64, "value": "2024-03-04"}],
    "warnings": [],
}


def write_jsonl(path, rows):
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


def evaluate(tmp_path, gold_rows, pred_rows=None, *args):
    gold = write_jsonl(tmp_path / "gold.jsonl", gold_rows)
    extra = ["--pred", str(write_jsonl(tmp_path / "pred.jsonl", pred_rows))] if pred_rows is not None else []
    return CliRunner().invoke(main, ["eval", str(gold), *extra, "--format", "json", *map(str, args)],
                              catch_exceptions=False)


def scores(result) -> dict:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_perfect_predictions_score_100_on_every_field(tmp_path):
    out = scores(evaluate(tmp_path, [GOLD], [PRED]))
    assert set(out["fields"]) == {"event", "type", "subtype", "date", "location", "perpetrators", "attribution",
                                  "targets", "weapons", "killed", "injured", "places", "times"}
    assert {name: f["f1"] for name, f in out["fields"].items()} == dict.fromkeys(out["fields"], 100.0)
    assert out["misses"] == []


def test_a_wrong_date_is_a_miss_but_the_event_still_aligns(tmp_path):
    pred = copy.deepcopy(PRED)
    pred["events"][0]["date"] = "2024-03-03"
    out = scores(evaluate(tmp_path, [GOLD], [pred]))
    assert out["fields"]["event"]["f1"] == 100.0
    assert out["fields"]["date"] == {"gold": 1, "predicted": 1, "correct": 0, "precision": 0.0, "recall": 0.0,
                                     "f1": 0.0}
    assert out["misses"] == [{"doc_id": "kabul-blast", "field": "date", "gold": "2024-03-04",
                              "predicted": "2024-03-03"}]
    out = scores(evaluate(tmp_path, [GOLD], [pred], "--misses", 0))
    assert (out["misses"], out["misses_total"]) == ([], 1)


def test_bad_gold_lines_are_reported_with_file_and_line_and_nothing_is_scored(tmp_path):
    bad_count = copy.deepcopy(GOLD) | {"id": "two"}
    bad_count["events"][0]["killed"] = "twelve"
    result = evaluate(tmp_path, [GOLD, bad_count, "{not json", {"id": "four", "text": TEXT}], [PRED])
    gold = tmp_path / "gold.jsonl"
    assert result.exit_code == 1
    assert f"{gold}:2: events[0].killed: expected a count" in result.stderr
    assert f"{gold}:3: not valid JSON" in result.stderr
    assert f"{gold}:4: document 'four' needs \"events\"" in result.stderr
    assert result.stdout == ""


def test_gold_without_text_is_an_error_only_when_the_pipeline_must_run(tmp_path):
    textless = {k: v for k, v in GOLD.items() if k != "text"}
    assert scores(evaluate(tmp_path, [textless], [PRED]))["fields"]["event"]["f1"] == 100.0
    result = evaluate(tmp_path, [textless])
    assert result.exit_code == 1 and 'has no "text"' in result.stderr


def test_partial_gold_scores_only_the_coded_fields(tmp_path):
    gold = {"doc_id": "kabul-blast", "text": TEXT, "events": [{"type": "explosions_remote_violence", "killed": 12}]}
    out = scores(evaluate(tmp_path, [gold], [PRED]))
    assert set(out["fields"]) == {"event", "type", "killed"}
    assert out["fields"]["killed"]["f1"] == 100.0


def test_a_spurious_event_lowers_precision_and_is_listed(tmp_path):
    pred = copy.deepcopy(PRED)
    pred["events"].append({"id": "e2", "type": "statement", "subtype": "condemnation", "date": "2024-03-05",
                           "location": None, "perpetrators": [], "targets": [], "weapons": [],
                           "killed": None, "injured": None})
    out = scores(evaluate(tmp_path, [GOLD], [pred]))
    assert out["fields"]["event"] == {"gold": 1, "predicted": 2, "correct": 1, "precision": 50.0,
                                      "recall": 100.0, "f1": 66.67}
    assert [m["field"] for m in out["misses"]] == ["event"]
    out = scores(evaluate(tmp_path, [GOLD], [pred], "--skip-type", "statement"))
    assert out["fields"]["event"]["precision"] == 100.0


def test_perpetrators_match_through_entity_aliases_and_need_the_right_kind(tmp_path):
    pred = copy.deepcopy(PRED)
    pred["events"][0]["perpetrators"] = [participant("Daesh", "organization", "suspected", "ent-1")]
    pred["entities"][0] = {"id": "ent-1", "name": "Daesh", "kind": "organization", "aliases": ["Islamic State"]}
    out = scores(evaluate(tmp_path, [GOLD], [pred]))
    assert out["fields"]["perpetrators"]["f1"] == 100.0
    assert out["fields"]["attribution"]["correct"] == 0  # found, but "suspected" where the gold says "claimed"
    pred["events"][0]["perpetrators"][0]["kind"] = "individual"
    assert scores(evaluate(tmp_path, [GOLD], [pred]))["fields"]["perpetrators"]["correct"] == 0


def test_location_within_km_or_by_country_when_gold_has_no_point(tmp_path):
    pred = copy.deepcopy(PRED)
    pred["events"][0]["location"] = KABUL | {"name": "Charikar", "lat": 35.0135, "lon": 69.1714}  # ~54 km north
    assert scores(evaluate(tmp_path, [GOLD], [pred]))["fields"]["location"]["correct"] == 0
    assert scores(evaluate(tmp_path, [GOLD], [pred], "--km", 60))["fields"]["location"]["correct"] == 1
    gold = copy.deepcopy(GOLD)
    gold["events"][0]["location"] = {"country_code": "af"}
    assert scores(evaluate(tmp_path, [gold], [pred]))["fields"]["location"]["correct"] == 1


def test_a_gold_document_without_prediction_is_scored_empty_with_a_warning(tmp_path):
    result = evaluate(tmp_path, [GOLD], [PRED | {"doc_id": "other"}])
    assert "no prediction for gold document 'kabul-blast'" in result.stderr
    assert scores(result)["fields"]["event"]["recall"] == 0.0


def test_the_table_lists_fields_and_misses(tmp_path):
    pred = copy.deepcopy(PRED)
    pred["events"][0]["killed"]["best"] = 11
    gold = write_jsonl(tmp_path / "gold.jsonl", [GOLD])
    result = CliRunner().invoke(main, ["eval", str(gold), "--pred", str(write_jsonl(tmp_path / "p.jsonl", [pred]))])
    assert result.exit_code == 0
    assert "perpetrators" in result.stdout and "misses: 1 of 1" in result.stdout and "11" in result.stdout


def test_eval_runs_the_pipeline_on_the_gold_text(tmp_path):
    gold = {"id": "kabul-blast", "text": TEXT, "published": "2024-03-05",
            "events": [{"type": "explosions_remote_violence", "killed": 12,
                        "location": {"name": "Kabul", "lat": 34.53, "lon": 69.17}}]}
    out = scores(evaluate(tmp_path, [gold]))
    assert out["fields"]["event"]["recall"] == 100.0
    assert out["fields"]["killed"]["correct"] == 1
    assert out["fields"]["location"]["correct"] == 1


@pytest.mark.parametrize(("a", "b"), [
    ("the Taliban", "Taliban"),                        # article dropped
    ("Qassem Soleimani", "Qasem Soleimani"),           # spelling variant (difflib)
    ("Bogotá", "bogota"),                              # accents and case
    ("gunmen", "unidentified gunmen"),                 # token containment
    ("TTP", "Tehrik-i-Taliban Pakistan"),              # acronym
    ("AQIM", "al-Qaeda in the Islamic Maghreb"),       # acronym skipping function words
    ("LeT", "Lashkar-e-Taiba"),                        # acronym of every word
])
def test_same_name_accepts_variants_an_analyst_would(a, b):
    assert same_name(a, b) and same_name(b, a)


@pytest.mark.parametrize(("a", "b"), [("Hamas", "Hezbollah"), ("Kerman", "Kirkuk"), ("", "Taliban")])
def test_same_name_rejects_different_names(a, b):
    assert not same_name(a, b)


def test_score_is_pure_and_aligns_events_one_to_one():
    gold = copy.deepcopy(GOLD)
    gold["events"].append(copy.deepcopy(gold["events"][0]) | {"date": "2024-02-01", "location": "Herat"})
    golds, errors = read_gold([json.dumps(gold)], "gold.jsonl")
    assert errors == []
    report = score(golds, {"kabul-blast": PRED})
    event = report.tallies["event"]
    assert (event.gold, event.predicted, event.correct) == (2, 1, 1)
    assert report.tallies["date"].correct == 1  # the Kabul gold event took the prediction, not the Herat one
    assert [m.field for m in report.misses] == ["event"]


def test_places_without_offsets_count_each_toponym_once_and_skip_demonyms(tmp_path):
    pred = copy.deepcopy(PRED)
    pred["places"] = [KABUL, KABUL | {"start": 90, "end": 95},
                      {"mention": "Afghan", "name": "Afghanistan", "country_code": "AF", "lat": 33.0, "lon": 65.0,
                       "demonym": True}]
    gold = copy.deepcopy(GOLD)
    gold["places"] = [{"mention": "Kabul", "country_code": "AF"}]
    assert scores(evaluate(tmp_path, [gold], [pred]))["fields"]["places"]["precision"] == 100.0


def test_the_help_documents_the_gold_format_with_a_valid_example_line():
    result = CliRunner().invoke(main, ["eval", "--help"])
    [line] = [x.strip() for x in result.stdout.splitlines() if x.strip().startswith('{"id": "kano-1"')]
    golds, errors = read_gold([line], "help")
    assert errors == [] and golds[0]["events"][0]["killed"] == 3
