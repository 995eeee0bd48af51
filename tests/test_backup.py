"""Backups: `eventwire backup` then `restore` gives back the same store; what is not a store, a store made by a
newer eventwire, and an existing store without --force are refused with a message saying why."""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.store.db import SCHEMA_VERSION, Store

FLOOD_PROTEST = """Residents protest over flood response in Porto Alegre
Hundreds of residents marched in Porto Alegre, Brazil, on Friday to demand faster help after floods, witnesses said.
"""
AMBUSH_1 = """Soldiers killed in ambush in Mali
Gunmen ambushed an army convoy near Gao, Mali, on Sunday, killing nine soldiers, the army said.
"""
AMBUSH_2 = """Mali army says 11 soldiers died in Gao ambush
The death toll from Sunday's ambush on a military convoy near Gao, Mali, has risen to 11 soldiers, the army said on
Monday. A jihadist group linked to al-Qaeda claimed the attack.
"""


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("backup")
    corpus = folder / "news.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "ambush-1", "text": AMBUSH_1, "published": "2024-05-06", "url": "https://example.org/ambush"},
        {"id": "ambush-2", "text": AMBUSH_2, "published": "2024-05-07"},
        {"id": "flood-protest", "text": FLOOD_PROTEST, "published": "2024-05-10"},
    ]), encoding="utf-8")
    db = folder / "news.duckdb"
    result = invoke("ingest", corpus, "--db", db)
    assert result.exit_code == 0, result.stderr
    return db


def contents(db: Path) -> dict:
    """Every table of the store, rows in a fixed order, and its schema version."""
    with Store(db, read_only=True) as s:
        tables = [t for (t,) in s.con.execute("SELECT table_name FROM information_schema.tables ORDER BY 1").fetchall()]
        out = {t: s.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables}
        out["version"] = s.version()
        out["events"] = list(s.events())
    return out


def test_a_restored_backup_is_the_same_store_at_the_same_schema_version(store, tmp_path):
    file = tmp_path / "news.backup"
    made = invoke("backup", file, "--db", store)
    assert made.exit_code == 0, made.stderr
    assert "3 documents" in made.stderr
    restored = tmp_path / "restored.duckdb"
    back = invoke("restore", file, "--db", restored)
    assert back.exit_code == 0, back.stderr
    before, after = contents(store), contents(restored)
    assert after["version"] == SCHEMA_VERSION
    assert after == before
    assert {len(e["reports"]) for e in after["events"]} >= {1}
    assert {tuple(sorted(r["doc_id"] for r in e["reports"])) for e in after["events"]} >= {("flood-protest",)}
    with Store(restored) as s:  # and it is a working store
        assert s.problems() == []


def test_restore_refuses_to_replace_a_store_without_force(store, tmp_path):
    file = tmp_path / "news.backup"
    assert invoke("backup", file, "--db", store).exit_code == 0
    other = tmp_path / "other.duckdb"
    with Store(other) as s:
        s.con.execute("INSERT INTO meta VALUES ('marker', 'kept')")
    refused = invoke("restore", file, "--db", other)
    assert refused.exit_code == 1
    assert "already exists" in refused.stderr and "--force" in refused.stderr
    with Store(other, read_only=True) as s:
        assert s.counts()["documents"] == 0  # untouched
    forced = invoke("restore", file, "--db", other, "--force")
    assert forced.exit_code == 0, forced.stderr
    assert contents(other) == contents(store)


def test_a_backup_never_overwrites_a_file(store, tmp_path):
    file = tmp_path / "taken.backup"
    file.write_text("keep me", encoding="utf-8")
    result = invoke("backup", file, "--db", store)
    assert result.exit_code == 1 and "already exists" in result.stderr
    assert file.read_text(encoding="utf-8") == "keep me"


def test_backing_up_a_missing_store_is_an_error(tmp_path):
    result = invoke("backup", tmp_path / "b.backup", "--db", tmp_path / "none.duckdb")
    assert result.exit_code == 1 and "no such store" in result.stderr
    assert not (tmp_path / "b.backup").exists()


def test_a_file_that_is_not_a_duckdb_store_is_not_restored(tmp_path):
    text = tmp_path / "notes.backup"
    text.write_text("these are my notes, not a database\n" * 100, encoding="utf-8")
    result = invoke("restore", text, "--db", tmp_path / "s.duckdb")
    assert result.exit_code == 1
    assert "not an eventwire backup" in result.stderr
    assert not (tmp_path / "s.duckdb").exists()


def test_a_duckdb_file_of_other_tables_is_not_restored(tmp_path):
    foreign = tmp_path / "sales.duckdb"
    con = duckdb.connect(str(foreign))
    con.execute("CREATE TABLE sales (n INTEGER)")
    con.close()
    result = invoke("restore", foreign, "--db", tmp_path / "s.duckdb")
    assert result.exit_code == 1
    assert "not an eventwire store" in result.stderr
    assert not (tmp_path / "s.duckdb").exists()


def test_a_backup_from_a_newer_schema_version_is_refused(store, tmp_path):
    file = tmp_path / "news.backup"
    assert invoke("backup", file, "--db", store).exit_code == 0
    con = duckdb.connect(str(file))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    con.close()
    target = tmp_path / "s.duckdb"
    result = invoke("restore", file, "--db", target)
    assert result.exit_code == 1
    assert f"schema version {SCHEMA_VERSION + 1} is newer" in result.stderr
    assert not target.exists()


def test_a_backup_after_a_crash_keeps_what_was_committed_to_the_write_ahead_log(tmp_path):
    db = tmp_path / "crashed.duckdb"
    pid = os.fork()
    if pid == 0:  # a writer that commits, then dies without closing: its commit is only in the .wal file
        code = 1
        try:
            store = Store(db)
            store.con.execute("INSERT INTO meta VALUES ('marker', 'committed before the crash')")
            code = 0 if Path(str(db) + ".wal").stat().st_size else 2
        finally:
            os._exit(code)
    assert os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0
    file = tmp_path / "crashed.backup"
    assert invoke("backup", file, "--db", db).exit_code == 0
    restored = tmp_path / "restored.duckdb"
    assert invoke("restore", file, "--db", restored).exit_code == 0
    with Store(restored, read_only=True) as s:
        assert s.con.execute("SELECT value FROM meta WHERE key = 'marker'").fetchone() == ("committed before the crash",)
