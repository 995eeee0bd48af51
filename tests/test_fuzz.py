"""Whatever the input, `extract` gives contract JSON that validates, with every offset inside
the text and every span's text equal to the text it points at; it never raises, and it
stays within its size and time bounds, saying so in the document's warnings."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.model import Document
from eventwire.news.readers import read
from eventwire.pipeline import Pipeline
from eventwire.views.contract import document
from eventwire.views.schema import problems

FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = ["Gunmen", "killed", "12", "people", "in", "Kabul", "on", "Monday", "the", "Taliban", "claimed",
         "bomb", "attack", "police", "said", "injured", "three", "yesterday", "2024-01-04", "@handle",
         "<div>", "</p>", "[link](http://x.org)", "**", "Islamic State", "Boko Haram", "Nigeria", "1,000",
         "hundreds", "accused", "suspected", "shelled", "Aleppo", ".", "!", "\n", "\n\n", "- "]
# Zero-width, bidi and line separators, combining marks, NUL, lone surrogates, astral and RTL letters.
ODD = "\0\u200b\u200d\u200e\u200f\u202e\u2028\u2029\u0301\u0308\ufeff\ud800\udfff\U0001f600\u0627\u05d0\u4e00" \
      "\n\r\t !?.,-:;\"'()[]<>*_#@`/\u00b7"
texts = st.lists(st.sampled_from(WORDS) | st.text(ODD, min_size=1, max_size=6) | st.text(max_size=8),
                 max_size=60).map(" ".join)
days = st.none() | st.dates().map(lambda d: d.isoformat())


def check(doc: Document) -> dict:
    """The document's contract JSON, asserted valid with every offset pointing at its own text."""
    out = document(doc)
    assert problems(out) == []
    stack = [out]
    while stack:
        obj = stack.pop()
        if isinstance(obj, list):
            stack += obj
        elif isinstance(obj, dict):
            stack += obj.values()
            start, end = obj.get("start"), obj.get("end")
            if isinstance(start, int) and isinstance(end, int):
                assert 0 <= start <= end <= len(doc.text), obj
                for key in ("text", "mention"):
                    if isinstance(obj.get(key), str) and obj[key]:
                        assert obj[key] == doc.text[start:end], (key, obj)
    return out


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline()


def bounded(pipe: Pipeline, **bounds) -> Pipeline:
    """The same loaded pipeline with other bounds."""
    other = copy.copy(pipe)
    vars(other).update(bounds)
    return other


def run(pipe: Pipeline, text: str, published: str | None = None) -> Document:
    return pipe(Document(id="fuzz", text=text, published=published,
                         published_source="given" if published else "none"))


@FUZZ
@given(text=texts, published=days)
def test_any_text_and_published_day_give_valid_output(pipe, text, published):
    check(run(pipe, text, published))


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl"]))
def test_any_bytes_through_the_readers_give_errors_or_valid_output(pipe, data, suffix):
    with TemporaryDirectory() as tmp:
        path = Path(tmp) / f"in{suffix}"
        path.write_bytes(data)
        items = list(read([str(path)]))
        for doc in pipe.run(d for d in items if isinstance(d, Document)):
            check(doc)


@FUZZ
@given(record=st.fixed_dictionaries({"id": st.text(ODD, min_size=1, max_size=5), "text": texts},
                                    optional={"published": st.text(max_size=12) | days, "title": st.text(ODD)}))
def test_any_jsonl_record_gives_an_error_or_valid_output(pipe, record):
    with TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.jsonl"
        path.write_text(json.dumps(record) + "\n", encoding="utf-8")
        for doc in pipe.run(d for d in read([str(path)]) if isinstance(d, Document)):
            out = check(doc)
            json.dumps(out, ensure_ascii=False).encode("utf-8")  # what the CLI writes


# Each family at 200,000 characters, parsed up to a small token bound to keep the test fast.
FAMILIES = {
    "exclamations": "Attack" + "!" * 200_000,
    "1,1,1": "1," * 100_000,
    "dots": "." * 200_000,
    "digits": "9" * 200_000,
    "digits and words": "killed 99999999999999999999999999 people " * 5000,
    "hyphens": "-" * 200_000,
    "brackets": "[" * 200_000,
    "links": "[a](" * 50_000,
    "comments": "<!--" * 50_000,
    "handles": "@ab\n" * 50_000,
    "zero-width and bidi": "\u200b\u202e\u0301K\u200dabul\u2028" * 25_000,
    "deep html as text": "<div>" * 10_000 + "Rebels shelled Goma." + "</div>" * 10_000,
    "many sentences": "Gunmen killed 3 people in Kabul on Monday. " * 5000,
    "many entities": ", ".join(["Hamas", "Kabul", "Islamic State", "John Smith", "Taliban"] * 8000),
}


@pytest.mark.parametrize("name", FAMILIES)
def test_pathological_family_gives_valid_output_within_the_token_bound(pipe, name):
    doc = run(bounded(pipe, max_tokens=600), FAMILIES[name], "2024-01-04")
    check(doc)
    assert any(w.startswith("document truncated") and "tokens" in w for w in doc.warnings) or len(doc.doc) <= 600


def test_overlong_document_is_cut_at_the_character_bound_with_a_warning(pipe):
    text = "Gunmen killed 3 people in Kabul on Monday.\n" * 50
    doc = run(bounded(pipe, max_chars=1000), text)
    check(doc)
    assert len(doc.text) <= 1000 and doc.text.endswith("Monday.") and text.startswith(doc.text)
    assert doc.warnings[0].startswith(f"document truncated: {len(text):,} characters, over the limit of 1,000")


def test_spent_time_budget_skips_the_remaining_stages_and_names_them(pipe):
    doc = run(bounded(pipe, time_budget=0), "Gunmen killed 3 people in Kabul on Monday.")
    check(doc)
    [warning] = [w for w in doc.warnings if "time budget" in w]
    prefix = "time budget of 0 s spent: skipped stage(s) "
    skipped = warning.removeprefix(prefix).split(", ")
    assert warning.startswith(prefix) and skipped == pipe.names[-len(skipped):] and not doc.events


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01", None])
def test_dates_at_the_calendar_ends_resolve_or_stay_unresolved_without_failing(pipe, published):
    text = ("Gunmen killed 3 people tomorrow. Next year, last year, yesterday, 5 years ago, on 31 February 2024, "
            "on 0000-00-00, in the year 99999, on 12/31/9999, the 1990s, two months after the attack.")
    doc = run(pipe, text, published)
    check(doc)
    assert not [w for w in doc.warnings if "failed" in w]


def test_deeply_nested_html_page_is_read_or_refused_but_never_crashes(pipe, tmp_path):
    page = "<html><body>" + "<div>" * 10_000 + "<p>Rebels shelled Goma on Monday.</p>" + "</div>" * 10_000
    (tmp_path / "deep.html").write_text(page + "</body></html>", encoding="utf-8")
    for doc in pipe.run(d for d in read([str(tmp_path / "deep.html")]) if isinstance(d, Document)):
        check(doc)


def test_jsonl_nested_too_deeply_or_with_a_lone_surrogate_is_a_reported_error(tmp_path):
    lines = [b"[" * 100_000, b'{"id": "a", "text": "Bomb in Aleppo \\ud800 killed 5"}']
    (tmp_path / "in.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    errors = [str(e) for e in read([str(tmp_path / "in.jsonl")])]
    assert "in.jsonl:1: invalid JSON: nested too deeply" in errors[0]
    assert "in.jsonl:2: \"text\" of 'a' has an unpaired surrogate '\\ud800' at character 15" in errors[1]


def test_ten_megabyte_single_line_through_the_cli_gives_output_and_a_warning(pipe, tmp_path, monkeypatch):
    import eventwire.cli

    line = "Gunmen killed three people in Kabul on Monday!!!! 1,1,1,1 ---- ...."
    (tmp_path / "line.txt").write_text(line * (10_000_000 // len(line)), encoding="utf-8")
    monkeypatch.setattr(eventwire.cli, "pipeline", lambda: bounded(pipe, max_tokens=600))
    result = CliRunner().invoke(eventwire.cli.main, ["extract", str(tmp_path / "line.txt")], catch_exceptions=False)
    assert result.exit_code == 0
    out = json.loads(result.stdout)
    assert problems(out) == []
    assert out["warnings"][0].startswith("document truncated: 9,999,9")
    assert "over the limit of 1,000,000" in out["warnings"][0]
