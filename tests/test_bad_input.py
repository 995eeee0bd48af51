"""A bad input is reported on stderr, named with its reason; the other documents still come out; exit 1."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire.cli import main

GOOD = "Rebels ambushed an army convoy near Goma on Monday, killing four soldiers.\n"


def run_with(tmp_path, make_bad):
    """Extract a good file, the bad input, and another good file; return (exit code, doc ids, stderr)."""
    (tmp_path / "first.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "last.txt").write_text(GOOD, encoding="utf-8")
    bad = make_bad(tmp_path)
    args = [str(tmp_path / "first.txt"), str(bad), str(tmp_path / "last.txt")]
    result = CliRunner().invoke(main, ["extract", *args], catch_exceptions=False)
    ids = [json.loads(line)["doc_id"] for line in result.stdout.splitlines()]
    return result.exit_code, ids, result.stderr


def write(name: str, data: bytes):
    def make(tmp_path):
        (tmp_path / name).write_bytes(data)
        return tmp_path / name

    return make


def huge(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: 50 MB in an instant
        fh.truncate(50_000_000)
    return path


def missing(tmp_path):
    return tmp_path / "nowhere.txt"


CASES = {
    "empty": (write("empty.txt", b""), "empty.txt: empty"),
    "blank": (write("blank.md", b" \n\n \n"), "blank.md: empty"),
    "binary": (write("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), "image.txt: binary file"),
    "latin-1": (write("latin.txt", "Explosión en Bogotá".encode("latin-1")), "latin.txt: invalid UTF-8 at byte 7"),
    "too large": (huge, "huge.txt: too large (50,000,000 bytes > 10,000,000); raise --max-bytes"),
    "missing": (missing, "nowhere.txt: no such file or directory"),
    "unsupported": (write("report.pdf", b"%PDF-1.4"), "report.pdf: unsupported file type '.pdf'"),
    "bad html": (write("page.html", b"<html><body></body></html>"), "page.html: no main text found"),
}


@pytest.mark.parametrize("name", CASES)
def test_bad_file_is_named_with_its_reason_and_the_rest_still_come_out(tmp_path, name):
    make_bad, message = CASES[name]
    code, ids, stderr = run_with(tmp_path, make_bad)
    assert message in stderr
    assert ids == ["first", "last"]
    assert code == 1
    assert "1 input(s) failed" in stderr


JSONL_CASES = {
    "not json": (b"{id: 1}", "bad.jsonl:2: invalid JSON"),
    "not an object": (b'["id", "text"]', "bad.jsonl:2: expected a JSON object, got list"),
    "no text": (b'{"id": "a"}', 'bad.jsonl:2: missing "text"'),
    "no id": (b'{"text": "Shelling hit Kharkiv."}', 'bad.jsonl:2: missing "id"'),
    "id not a string": (b'{"id": 7, "text": "Shelling hit Kharkiv."}', 'bad.jsonl:2: "id" must be a non-empty string'),
    "empty text": (b'{"id": "a", "text": "  "}', "bad.jsonl:2: \"text\" of 'a' is empty"),
    "bad date": (b'{"id": "a", "text": "x", "published": "2024-02-30"}', "bad.jsonl:2: invalid published date '2024-02-30'"),
    "date format": (b'{"id": "a", "text": "x", "published": "4 Jan 2024"}', "bad.jsonl:2: invalid published date"),
    "bad utf-8": (b'{"id": "a", "text": "caf\xe9"}', "bad.jsonl:2: invalid UTF-8"),
}


@pytest.mark.parametrize("name", JSONL_CASES)
def test_bad_jsonl_line_is_named_by_line_number_and_the_other_lines_still_come_out(tmp_path, name):
    line, message = JSONL_CASES[name]
    good = [json.dumps({"id": i, "text": GOOD}).encode() for i in ("j1", "j3")]
    (tmp_path / "bad.jsonl").write_bytes(b"\n".join([good[0], line, good[1]]) + b"\n")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "bad.jsonl")], catch_exceptions=False)
    assert message in result.stderr
    assert [json.loads(x)["doc_id"] for x in result.stdout.splitlines()] == ["j1", "j3"]
    assert result.exit_code == 1


def test_overlong_jsonl_line_is_skipped_and_reading_resumes_after_it(tmp_path):
    lines = [json.dumps({"id": "a", "text": GOOD}), json.dumps({"id": "big", "text": "x" * 5000}),
             json.dumps({"id": "c", "text": GOOD})]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "in.jsonl"), "--max-bytes", "1000"])
    assert "in.jsonl:2: too large" in result.stderr
    assert [json.loads(x)["doc_id"] for x in result.stdout.splitlines()] == ["a", "c"]
    assert result.exit_code == 1


def test_raising_max_bytes_reads_a_large_file(tmp_path):
    (tmp_path / "long.txt").write_text(GOOD * 40, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "long.txt"), "--max-bytes", "100"])
    assert result.exit_code == 1 and "raise --max-bytes" in result.stderr
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "long.txt"), "--max-bytes", "100000"])
    assert result.exit_code == 0 and json.loads(result.stdout)["doc_id"] == "long"


def test_empty_directory_is_an_error(tmp_path):
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "empty")])
    assert result.exit_code == 1 and "empty: directory has no" in result.stderr
