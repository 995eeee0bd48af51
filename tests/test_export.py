"""Export: canonical events out as csv, jsonl, geojson, parquet, ACLED and GTD tables.

The events are real pipeline output on sentences written here, shaped as canonical events
(contract event + reports + count_history + sources) the way merge.canonical shapes them."""

from __future__ import annotations

import copy
import csv
import io
import json

import duckdb
import pytest

from eventwire.views import contract
from eventwire.views.export import ACLED_COLUMNS, FLAT_COLUMNS, FORMATS, GTD_COLUMNS, export

TEXTS = {
    "kunduz": "A suicide bomber killed 12 people and wounded 30 at a mosque in Kunduz, Afghanistan, on Friday. "
              "The Islamic State group claimed responsibility for the attack.",
    "maiduguri": "Gunmen kidnapped two aid workers in Maiduguri, Nigeria, on Thursday.",
    "nairobi": "Hundreds of people protested peacefully in Nairobi, Kenya, on Saturday.",
    "bama": "Nigerian troops clashed with Boko Haram fighters near Bama on Sunday, killing 5 militants.",
}


@pytest.fixture(scope="module")
def events(run) -> dict[str, dict]:
    """The main event of each text, as a canonical event dict, keyed by text name."""
    out = {}
    for name, text in TEXTS.items():
        doc = run(text, published="2024-01-06", doc_id=name)
        e = contract.event(doc.events[0])
        e["id"] = f"ev-{name}"
        e["reports"] = [{"doc_id": name, "event_id": doc.events[0].id, "published": "2024-01-06",
                         "title": f"{name} story", "url": f"https://www.example.org/{name}"}]
        e["count_history"] = []
        e["sources"] = 1
        out[name] = e
    return out


def write(events: list[dict], fmt: str) -> tuple[int, bytes]:
    buf = io.BytesIO()
    n = export(events, fmt, buf)
    return n, buf.getvalue()


def rows(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def test_the_pipeline_gives_the_events_these_tests_read(events):
    assert events["kunduz"]["subtype"] == "suicide_bomb"
    assert events["maiduguri"]["subtype"] == "abduction_forced_disappearance"
    assert events["nairobi"]["type"] == "protests"
    assert events["bama"]["type"] == "battles"


def test_jsonl_writes_every_event_whole_one_per_line(events):
    evs = list(events.values())
    n, data = write(evs, "jsonl")
    lines = data.decode("utf-8").splitlines()
    assert n == len(lines) == len(evs)
    assert [json.loads(line) for line in lines] == evs


def test_csv_flattens_places_participants_counts_and_reports(events):
    n, data = write([events["kunduz"]], "csv")
    [row] = rows(data)
    assert n == 1 and tuple(row) == FLAT_COLUMNS
    assert row["country_code"] == "AF" and row["place"] == "Kunduz"
    assert "Islamic State (claimed)" in row["perpetrators"].split("; ")
    assert (row["killed_best"], row["injured_best"]) == ("12", "30")
    assert row["reports"] == "kunduz" and row["sources"] == "1"


def test_geojson_is_a_point_collection_that_counts_events_it_cannot_place(events):
    unplaced = copy.deepcopy(events["maiduguri"])
    unplaced["location"] = None
    n, data = write([events["kunduz"], unplaced], "geojson")
    fc = json.loads(data)
    assert n == 1 and fc["type"] == "FeatureCollection" and fc["omitted_without_coordinates"] == 1
    [feature] = fc["features"]
    loc = events["kunduz"]["location"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]}
    assert feature["properties"]["id"] == "ev-kunduz" and feature["properties"]["killed_best"] == 12


def test_parquet_reads_back_with_typed_columns_and_the_whole_event(events, tmp_path):
    path = tmp_path / "events.parquet"
    assert export(list(events.values()), "parquet", str(path)) == len(events)
    con = duckdb.connect()
    got = con.execute(f"SELECT id, killed_best, lat, event FROM read_parquet('{path}') ORDER BY id").fetchall()
    assert [r[0] for r in got] == sorted(e["id"] for e in events.values())
    kunduz = next(r for r in got if r[0] == "ev-kunduz")
    assert kunduz[1] == 12 and isinstance(kunduz[2], float)
    assert json.loads(kunduz[3]) == events["kunduz"]
    cols = [d[0] for d in con.execute(f"SELECT * FROM read_parquet('{path}') LIMIT 0").description]
    assert cols == [*FLAT_COLUMNS, "event"]


def test_parquet_needs_a_path_and_unknown_formats_are_refused(events):
    with pytest.raises(ValueError, match="needs a file path"):
        export([events["kunduz"]], "parquet", io.BytesIO())
    with pytest.raises(ValueError, match="unknown export format"):
        export([events["kunduz"]], "xlsx", io.BytesIO())
    assert set(FORMATS) == {"csv", "jsonl", "geojson", "parquet", "acled", "gtd"}


def test_a_path_output_is_written_and_closed(events, tmp_path):
    path = tmp_path / "out.csv"
    assert export([events["bama"]], "csv", path) == 1
    assert rows(path.read_bytes())[0]["id"] == "ev-bama"


def test_acled_codes_a_claimed_suicide_bombing_of_civilians(events):
    n, data = write([events["kunduz"]], "acled")
    [row] = rows(data)
    assert tuple(row) == ACLED_COLUMNS
    assert (row["event_type"], row["sub_event_type"], row["disorder_type"]) == (
        "Explosions/Remote violence", "Suicide bomb", "Political violence")
    assert (row["actor1"], row["inter1"]) == ("Islamic State", "2")
    assert (row["actor2"], row["inter2"], row["interaction"]) == ("Civilians (Afghanistan)", "7", "27")
    assert row["civilian_targeting"] == "Civilian targeting"
    assert (row["iso"], row["country"], row["region"]) == ("4", "Afghanistan", "South Asia")
    assert (row["geo_precision"], row["time_precision"]) == ("1", "1")
    assert row["event_date"] == events["kunduz"]["date"] and row["year"] == events["kunduz"]["date"][:4]
    assert row["fatalities"] == "12" and row["source"] == "example.org"
    assert row["notes"].startswith(f"On {events['kunduz']['date']}, A suicide bomber")


def test_acled_names_unidentified_attackers_and_solo_protesters_by_country(events):
    _, data = write([events["maiduguri"], events["nairobi"]], "acled")
    kidnap, protest = rows(data)
    assert kidnap["sub_event_type"] == "Abduction/forced disappearance"
    assert (kidnap["actor1"], kidnap["inter1"]) == ("Unidentified Armed Group (Nigeria)", "3")
    assert kidnap["assoc_actor_2"] == "two aid workers" and kidnap["fatalities"] == "0"
    assert (protest["event_type"], protest["sub_event_type"]) == ("Protests", "Peaceful protest")
    assert (protest["actor1"], protest["inter1"], protest["interaction"]) == ("Protesters (Kenya)", "6", "60")
    assert protest["disorder_type"] == "Demonstrations" and protest["civilian_targeting"] == ""


def test_acled_codes_state_forces_as_inter_1(events):
    [row] = rows(write([events["bama"]], "acled")[1])
    assert (row["actor1"], row["inter1"]) == ("Military Forces of Nigeria", "1")
    assert row["event_type"] == "Battles" and row["sub_event_type"] == "Armed clash"


def test_acled_skips_statements_and_codes_month_dates_to_mid_month(events):
    statement = copy.deepcopy(events["kunduz"])
    statement.update(type="statement", subtype="condemnation")
    month = copy.deepcopy(events["maiduguri"])
    month.update(date="2024-01", date_precision="month")
    n, data = write([statement, month], "acled")
    [row] = rows(data)
    assert n == 1 and row["event_id_cnty"] == "ev-maiduguri"
    assert (row["event_date"], row["time_precision"]) == ("2024-01-15", "3")


def test_gtd_codes_a_claimed_suicide_bombing(events):
    n, data = write([events["kunduz"]], "gtd")
    [row] = rows(data)
    assert tuple(row) == GTD_COLUMNS
    assert (row["attacktype1"], row["attacktype1_txt"]) == ("3", "Bombing/Explosion")
    assert (row["suicide"], row["claimed"], row["gname"]) == ("1", "1", "Islamic State")
    assert (row["weaptype1"], row["weaptype1_txt"]) == ("6", "Explosives")
    assert row["targtype1_txt"] == "Religious Figures/Institutions"  # the mosque
    assert (row["country_txt"], row["region_txt"], row["provstate"]) == ("Afghanistan", "South Asia", "Kunduz")
    assert (row["nkill"], row["nwound"], row["specificity"]) == ("12", "30", "1")
    year, month, day = (int(x) for x in events["kunduz"]["date"].split("-"))
    assert (row["iyear"], row["imonth"], row["iday"]) == (str(year), str(month), str(day))
    assert row["scite1"] == '"kunduz story", https://www.example.org/kunduz, 2024-01-06'
    assert row["target1"] == "mosque" and row["dbsource"] == "eventwire"


def test_gtd_codes_kidnappings_and_leaves_out_protests_and_state_battles(events):
    n, data = write([events["maiduguri"], events["nairobi"], events["bama"]], "gtd")
    [row] = rows(data)
    assert n == 1 and row["eventid"] == "ev-maiduguri"
    assert row["attacktype1_txt"] == "Hostage Taking (Kidnapping)"
    assert (row["gname"], row["claimed"]) == ("Unknown", "0")
    assert row["targtype1_txt"] == "NGO" and row["nkill"] == ""


def test_gtd_marks_unknown_days_as_zero_with_an_approximate_date(events):
    month = copy.deepcopy(events["kunduz"])
    month.update(date="2024-01", date_precision="month")
    [row] = rows(write([month], "gtd")[1])
    assert (row["iyear"], row["imonth"], row["iday"], row["approxdate"]) == ("2024", "1", "0", "January 2024")


def test_writing_to_a_stream_leaves_it_open(events):
    buf = io.BytesIO()
    for fmt in ("csv", "acled", "gtd", "jsonl", "geojson"):
        export([events["kunduz"]], fmt, buf)
    assert not buf.closed


@pytest.fixture(scope="module")
def more(run) -> dict[str, dict]:
    texts = {
        "makurdi": "Attackers armed with machetes killed seven villagers in Makurdi, Nigeria, on Monday.",
        "quetta": "Gunmen opened fire with AK-47 rifles on a police checkpoint in Quetta, Pakistan, on Monday, "
                  "killing three policemen.",
        "rafah": "An Israeli airstrike killed four people in Rafah on Monday.",
    }
    out = {}
    for name, text in texts.items():
        e = contract.event(run(text, published="2024-01-06", doc_id=name).events[0])
        e.update(id=f"ev-{name}", reports=[{"doc_id": name, "event_id": "e1", "published": "2024-01-06",
                                            "title": None, "url": None}], count_history=[], sources=1)
        out[name] = e
    return out


def test_gtd_types_weapons_and_targets_from_their_words(more):
    _, data = write([more["makurdi"], more["quetta"]], "gtd")
    machete, checkpoint = rows(data)
    assert (machete["attacktype1_txt"], machete["weaptype1_txt"]) == ("Armed Assault", "Melee")
    assert machete["targtype1_txt"] == "Private Citizens & Property"
    assert (checkpoint["weaptype1_txt"], checkpoint["targtype1_txt"]) == ("Firearms", "Police")
    assert checkpoint["scite1"] == "quetta, 2024-01-06"  # no title or URL: the document id cites it


def test_gtd_leaves_out_a_state_airstrike_that_acled_codes_as_foreign_forces(more):
    assert write([more["rafah"]], "gtd")[0] == 0
    [row] = rows(write([more["rafah"]], "acled")[1])
    assert row["sub_event_type"] == "Air/drone strike"
    assert (row["actor1"], row["inter1"]) == ("Military Forces of Israel", "8")  # Israel's forces, not in Israel
    assert (row["actor2"], row["inter2"]) == ("Civilians (Palestine)", "7")


def test_acled_names_targeted_police_as_the_country_police_force(more):
    [row] = rows(write([more["quetta"]], "acled")[1])
    assert (row["actor1"], row["inter1"]) == ("Unidentified Armed Group (Pakistan)", "3")
    assert (row["actor2"], row["inter2"], row["assoc_actor_2"]) == ("Police Forces of Pakistan", "1", "three policemen")
    assert row["interaction"] == "13" and row["civilian_targeting"] == ""
