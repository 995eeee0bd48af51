"""The `eventwire` command: formats, stdin, --published, help and version."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire import __version__
from eventwire.cli import main

ARTICLE = "Gunmen attacked a police post in Kandahar on Tuesday, killing three officers, officials said.\n"


@pytest.fixture()
def article(tmp_path):
    path = tmp_path / "kandahar-attack.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def invoke(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


def test_jsonl_is_the_default_one_object_per_document_in_input_order(article, tmp_path):
    other = tmp_path / "b.md"
    other.write_text("Protesters marched in Dhaka on Friday.\n", encoding="utf-8")
    result = invoke("extract", article, other)
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["doc_id"] for d in lines] == ["kandahar-attack", "b"]
    assert all("events" in d and "warnings" in d for d in lines)


def test_json_format_is_one_array(article):
    result = invoke("extract", article, "--format", "json")
    assert result.exit_code == 0
    [doc] = json.loads(result.stdout)
    assert doc["doc_id"] == "kandahar-attack"


def test_table_format_shows_each_document(article):
    result = invoke("extract", article, "--format", "table")
    assert result.exit_code == 0
    assert "kandahar-attack" in result.stdout


def test_stdin_dash_reads_jsonl():
    rows = [{"id": "one", "text": ARTICLE}, {"id": "two", "text": "Troops clashed with rebels.", "published": "2020-05-01"}]
    result = invoke("extract", "-", input="\n".join(json.dumps(r) for r in rows))
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(d["doc_id"], d["published"], d["published_source"]) for d in out] == [
        ("one", None, "none"), ("two", "2020-05-01", "given")]


def test_published_option_dates_inputs_that_carry_no_date_only():
    rows = [{"id": "undated", "text": ARTICLE}, {"id": "dated", "text": ARTICLE, "published": "2019-02-03"}]
    result = invoke("extract", "-", "--published", "2024-01-04", input="\n".join(json.dumps(r) for r in rows))
    out = {d["doc_id"]: (d["published"], d["published_source"]) for d in map(json.loads, result.stdout.splitlines())}
    assert out == {"undated": ("2024-01-04", "given"), "dated": ("2019-02-03", "given")}


def test_html_output_carries_the_extracted_text(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(f"<html><body><nav>Home | News</nav><article><p>{ARTICLE}</p>"
                    "<p>The Taliban claimed responsibility for the attack on the post.</p></article></body></html>",
                    encoding="utf-8")
    [doc] = map(json.loads, invoke("extract", page).stdout.splitlines())
    assert doc["text"].startswith("Gunmen attacked a police post")
    for span in (p for p in doc["places"]):
        assert doc["text"][span["start"]:span["end"]] == span["mention"]


def test_help_teaches_with_examples_and_version_is_printed():
    help_text = invoke("extract", "--help").stdout
    assert "Examples:" in help_text and "eventwire extract" in help_text and "--max-bytes" in help_text
    assert __version__ in invoke("--version").stdout


@pytest.mark.parametrize("args", [["extract"], ["extract", "x.txt", "--format", "xml"],
                                  ["extract", "x.txt", "--published", "04/01/2024"]])
def test_usage_errors_exit_2(args):
    assert invoke(*args).exit_code == 2
