"""The store: ingest into a real DuckDB file, merge reports across articles, query, show, export, survive kills."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.store.db import SCHEMA_VERSION, Store, StoreError

KERMAN_1 = """Twin blasts kill over 100 in Kerman
Two explosions struck a crowd marking the anniversary of Qasem Soleimani's death in Kerman, Iran, on Wednesday,
killing more than 100 people and wounding 141, state media said.
"""
KERMAN_2 = """Islamic State claims Kerman bombings
Islamic State claimed responsibility on Thursday for the twin suicide bombings in Kerman, Iran, on Wednesday.
The death toll from the blasts has risen to 103, and 188 people were wounded, officials said.
"""
LAGOS = """Protesters march in Lagos
Thousands of protesters marched in Lagos, Nigeria, on Monday against rising fuel prices, witnesses said.
"""


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture()
def corpus(tmp_path):
    return write_jsonl(tmp_path / "news.jsonl", [
        {"id": "kerman-a", "text": KERMAN_1, "published": "2024-01-03", "url": "https://example.org/a"},
        {"id": "kerman-b", "text": KERMAN_2, "published": "2024-01-04", "url": "https://example.org/b"},
        {"id": "lagos", "text": LAGOS, "published": "2024-02-06"},
    ])


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def ingested(corpus: Path, db: Path):
    result = invoke("ingest", corpus, "--db", db)
    assert result.exit_code == 0, result.stderr
    return result


def test_ingest_merges_two_reports_of_one_bombing_and_keeps_both_sources(corpus, tmp_path):
    db = tmp_path / "s.duckdb"
    ingested(corpus, db)
    events = [json.loads(line) for line in invoke("export", "--db", db).stdout.splitlines()]
    kerman = [e for e in events if {r["doc_id"] for r in e["reports"]} == {"kerman-a", "kerman-b"}]
    assert len(kerman) == 1
    event = kerman[0]
    assert event["date"] == "2024-01-03"
    assert event["killed"]["best"] == 103  # the later, revised toll
    assert event["killed"]["low"] <= 101
    assert [h["doc_id"] for h in event["count_history"]][:2] == ["kerman-a", "kerman-b"]
    assert not any("lagos" in {r["doc_id"] for r in e["reports"]} for e in kerman)


def test_every_document_event_is_in_exactly_one_canonical_event(corpus, tmp_path):
    db = tmp_path / "s.duckdb"
    ingested(corpus, db)
    events = [json.loads(line) for line in invoke("export", "--db", db).stdout.splitlines()]
    reports = [(r["doc_id"], r["event_id"]) for e in events for r in e["reports"]]
    assert len(reports) == len(set(reports))
    with Store(db) as store:
        stored = {(d["doc_id"], e["id"]) for d in map(json.loads, [row[0] for row in store.con.execute(
            "SELECT extract FROM documents").fetchall()]) for e in d["events"]}
        assert store.problems() == []
    assert set(reports) == stored


def test_reingesting_the_same_corpus_adds_nothing(corpus, tmp_path):
    db = tmp_path / "s.duckdb"
    ingested(corpus, db)
    with Store(db) as store:
        before = store.counts()
    again = ingested(corpus, db)
    assert "0 stored, 3 already in the store" in again.stderr
    with Store(db) as store:
        assert store.counts() == before


def test_the_same_text_under_another_id_is_not_parsed_again_but_kept_as_a_source(corpus, tmp_path):
    db = tmp_path / "s.duckdb"
    ingested(corpus, db)
    copy = write_jsonl(tmp_path / "copy.jsonl", [{"id": "syndicated", "text": "  " + LAGOS.upper().replace(" ", "  ")}])
    result = ingested(copy, db)
    assert "0 stored, 1 already in the store (1 of them copies" in result.stderr
    [protest] = [json.loads(line) for line in invoke("events", "--db", db, "--format", "jsonl", "--type", "protests")
                 .stdout.splitlines()]
    assert {(r["doc_id"], r.get("copy_of")) for r in protest["reports"]} == {("lagos", None), ("syndicated", "lagos")}
    assert protest["sources"] == 2
    again = ingested(copy, db)
    assert "copies" not in again.stderr
    with Store(db) as store:
        assert store.problems() == []


def test_another_text_under_a_taken_id_is_kept_under_a_suffixed_id(corpus, tmp_path):
    db = tmp_path / "s.duckdb"
    ingested(corpus, db)
    clash = write_jsonl(tmp_path / "clash.jsonl", [{"id": "lagos", "text": "Police arrested two men in Accra, Ghana."}])
    ingested(clash, db)
    with Store(db) as store:
        ids = sorted(row[0] for row in store.con.execute("SELECT doc_id FROM documents").fetchall())
    assert "lagos" in ids and any(i.startswith("lagos~") for i in ids)


def test_a_later_ingest_joins_an_event_stored_earlier(tmp_path):
    db = tmp_path / "s.duckdb"
    first = write_jsonl(tmp_path / "1.jsonl", [{"id": "kerman-a", "text": KERMAN_1, "published": "2024-01-03"}])
    second = write_jsonl(tmp_path / "2.jsonl", [{"id": "kerman-b", "text": KERMAN_2, "published": "2024-01-04"}])
    ingested(first, db)
    ingested(second, db)
    events = [json.loads(line) for line in invoke("export", "--db", db).stdout.splitlines()]
    assert any({r["doc_id"] for r in e["reports"]} == {"kerman-a", "kerman-b"} for e in events)


def test_events_filters_by_country_type_text_date_and_distance(corpus, tmp_path):
    db = tmp_path / "s.duckdb"
    ingested(corpus, db)

    def ids(*args):
        result = invoke("events", "--db", db, "--format", "jsonl", *args)
        assert result.exit_code == 0, result.output
        return [json.loads(line)["type"] for line in result.stdout.splitlines()]
    assert "protests" in ids("--country", "NG") and "explosions_remote_violence" not in ids("--country", "NG")
    assert ids("--country", "IR") and all(t != "protests" for t in ids("--country", "IR"))
    assert ids("--type", "protests") == ["protests"]
    assert "explosions_remote_violence" in ids("--near", "30.28,57.08,50")  # Kerman
    assert "protests" not in ids("--near", "30.28,57.08,50")
    assert ids("--text", "fuel prices") == ["protests"]
    assert "protests" not in ids("--until", "2024-01-31")
    assert ids("--since", "2024-02") == ["protests"]


def test_events_table_and_show_name_the_sources(corpus, tmp_path):
    db = tmp_path / "s.duckdb"
    ingested(corpus, db)
    table = invoke("events", "--db", db)
    assert "Kerman" in table.stdout and "Lagos" in table.stdout
    [event] = [json.loads(line) for line in invoke("events", "--db", db, "--format", "jsonl", "--country", "NG")
               .stdout.splitlines()]
    shown = invoke("show", event["id"], "--db", db)
    assert shown.exit_code == 0
    assert "lagos" in shown.stdout and "fuel prices" in shown.stdout


def test_show_of_an_unknown_event_says_how_to_list_them(corpus, tmp_path):
    db = tmp_path / "s.duckdb"
    ingested(corpus, db)
    result = invoke("show", "ev-nope", "--db", db)
    assert result.exit_code == 1
    assert "no event 'ev-nope'" in result.stderr and "eventwire events" in result.stderr


def test_querying_a_missing_store_says_how_to_create_one(tmp_path):
    result = invoke("events", "--db", tmp_path / "none.duckdb")
    assert result.exit_code == 1
    assert "no such store" in result.stderr and "eventwire ingest" in result.stderr


def test_a_foreign_duckdb_file_is_refused_not_written(tmp_path):
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE sales (n INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not an eventwire store"):
        Store(path)


def test_a_new_store_is_at_the_current_schema_version(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        assert store.version() == SCHEMA_VERSION
        assert store.problems() == []


def test_bad_inputs_are_named_and_the_good_ones_still_stored(tmp_path):
    db = tmp_path / "s.duckdb"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(LAGOS, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02")
    result = invoke("ingest", folder, "--db", db)
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr and "binary.txt" in result.stderr
    assert "1 stored" in result.stderr


ARTICLE = ("{city} shooting\nA gunman shot and killed {n} people outside a bar in {city} on {day} night, police said. "
           "Officers arrested a {age}-year-old man at the scene, and {m} other people were taken to hospital.\n")
CITIES = ["Houston", "Denver", "Chicago", "Atlanta", "Phoenix", "Seattle", "Boston", "Memphis", "Detroit", "Omaha"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def many_articles(path: Path, n: int) -> Path:
    rows = [{"id": f"doc-{k:03d}", "published": f"2023-{1 + k % 12:02d}-{1 + k % 27:02d}",
             "text": ARTICLE.format(city=CITIES[k % len(CITIES)], n=1 + k % 4, day=DAYS[k % 7], age=18 + k, m=k % 3)}
            for k in range(n)]
    return write_jsonl(path, rows)


def eventwire(*args) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "eventwire", *map(str, args)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env=env)


def test_an_ingest_killed_mid_way_resumes_to_a_complete_store_without_duplicates(tmp_path):
    db = tmp_path / "s.duckdb"
    corpus = many_articles(tmp_path / "many.jsonl", 80)
    proc = eventwire("ingest", corpus, "--db", db)
    wal = Path(str(db) + ".wal")
    deadline = time.monotonic() + 120
    # Kill once documents are being committed: the write-ahead log has grown past the schema.
    while proc.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > 50_000:
            break
        time.sleep(0.05)
    killed = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    resumed = eventwire("ingest", corpus, "--db", db)
    _, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, err.decode()
    with Store(db) as store:
        assert store.counts()["documents"] == 80
        assert store.problems() == []
        reports = store.con.execute("SELECT count(*), count(DISTINCT (doc_id, event_id)) FROM reports").fetchone()
        assert reports[0] == reports[1]
    skipped = int(re.search(r"(\d+) already in the store", err.decode())[1])
    assert skipped > 0 or not killed  # the second run resumed after what the first had committed


def test_a_store_from_an_older_schema_is_migrated_when_opened_for_writing(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store(path) as store:  # made current, then taken back to version 1 as an older eventwire left it
        store.con.execute("DROP TABLE copies")
        store.con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="schema version 1"):
        Store(path, read_only=True)
    with Store(path) as store:
        assert store.version() == SCHEMA_VERSION == 2
        assert store.con.execute("SELECT count(*) FROM copies").fetchone()[0] == 0


def test_events_filter_by_actor_name_or_alias(tmp_path):
    db = tmp_path / "s.duckdb"
    ingested(write_jsonl(tmp_path / "k.jsonl", [{"id": "kerman-b", "text": KERMAN_2, "published": "2024-01-04"}]), db)

    def types(name):
        return {json.loads(line)["type"] for line in
                invoke("events", "--db", db, "--format", "jsonl", "--actor", name).stdout.splitlines()}
    assert "explosions_remote_violence" in types("Islamic State")
    assert "explosions_remote_violence" in types("islamic")
    assert types("Boko Haram") == set()


def test_two_worker_processes_store_what_one_process_stores(tmp_path):
    corpus = many_articles(tmp_path / "many.jsonl", 70)  # more than one batch of documents handed to the workers
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    ingested(corpus, one)
    result = invoke("ingest", corpus, "--db", two, "--workers", "2")
    assert result.exit_code == 0, result.stderr
    assert invoke("export", "--db", one).stdout == invoke("export", "--db", two).stdout
    with Store(two) as store:
        assert store.counts()["documents"] == 70 and store.problems() == []
