"""The Ray path (Ray in local mode): sharded JSONL and Parquet in, the same store as a local ingest out."""

from __future__ import annotations

import json

import duckdb
import pytest
from click.testing import CliRunner

from eventwire.cli import main

pytest.importorskip("ray", reason="the Ray path needs the optional extra eventwire[ray]")

ROWS = [
    {"id": "a1", "published": "2024-03-02",
     "text": "Gunmen killed five villagers in Zamfara, Nigeria, on Friday, police said."},
    {"id": "a2", "published": "2024-03-03",
     "text": "The death toll from Friday's attack by gunmen on villagers in Zamfara, Nigeria, rose to seven."},
    {"id": "b1", "published": "2024-03-05",
     "text": "Thousands of protesters marched in Dhaka, Bangladesh, on Tuesday demanding higher wages."},
    {"id": "c1", "published": "2024-03-06", "text": "   "},  # empty: an error naming it, the rest stored
]


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def export(db) -> list[dict]:
    return sorted((json.loads(line) for line in invoke("export", "--db", db).stdout.splitlines()),
                  key=lambda e: e["id"])


@pytest.fixture()
def shards(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # Ray's session files go under the working directory
    folder = tmp_path / "shards"
    folder.mkdir()
    (folder / "part-0.jsonl").write_text("".join(json.dumps(r) + "\n" for r in ROWS[:2]), encoding="utf-8")
    con = duckdb.connect()
    con.execute("CREATE TABLE t (id VARCHAR, published VARCHAR, text VARCHAR)")
    con.executemany("INSERT INTO t VALUES (?, ?, ?)", [[r["id"], r["published"], r["text"]] for r in ROWS[2:]])
    con.execute(f"COPY t TO '{folder / 'part-1.parquet'}' (FORMAT parquet)")
    return folder


def test_ray_ingest_stores_what_a_local_ingest_stores_and_a_rerun_adds_nothing(shards, tmp_path):
    local_input = tmp_path / "all.jsonl"
    local_input.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    local = invoke("ingest", local_input, "--db", tmp_path / "local.duckdb")
    ray = invoke("ingest", shards, "--engine", "ray", "--workers", "2", "--db", tmp_path / "ray.duckdb")
    assert ray.exit_code == 1 and local.exit_code == 1  # the empty record
    assert "c1" in ray.stderr and "empty" in ray.stderr
    assert "3 stored" in ray.stderr
    assert export(tmp_path / "ray.duckdb") == export(tmp_path / "local.duckdb")
    again = invoke("ingest", shards, "--engine", "ray", "--workers", "2", "--db", tmp_path / "ray.duckdb")
    assert "0 stored, 3 already in the store" in again.stderr


def test_ray_refuses_inputs_it_cannot_read_and_says_which(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "a.txt"
    article.write_text("Protesters marched in Dhaka.", encoding="utf-8")
    result = invoke("ingest", article, "--engine", "ray", "--db", tmp_path / "s.duckdb")
    assert result.exit_code == 1
    assert "a.txt" in result.stderr and ".jsonl" in result.stderr


def test_ray_ingest_keeps_a_stored_text_under_another_id_as_one_more_source(shards, tmp_path):
    invoke("ingest", shards, "--engine", "ray", "--workers", "1", "--db", tmp_path / "ray.duckdb")
    wire = tmp_path / "wire"
    wire.mkdir()
    copy = {**ROWS[2], "id": "b1-wire", "url": "https://wire.example/b1", "text": ROWS[2]["text"].upper()}
    (wire / "part-0.jsonl").write_text(json.dumps(copy) + "\n", encoding="utf-8")
    result = invoke("ingest", wire, "--engine", "ray", "--workers", "1", "--db", tmp_path / "ray.duckdb")
    assert "0 stored, 1 already in the store (1 of them copies" in result.stderr
    [protest] = [json.loads(line) for line in invoke("events", "--db", tmp_path / "ray.duckdb", "--format", "jsonl",
                                                      "--type", "protests").stdout.splitlines()]
    assert {(r["doc_id"], r.get("copy_of")) for r in protest["reports"]} == {("b1", None), ("b1-wire", "b1")}
