"""Readers turn every supported input into Documents whose text is exactly what was read."""

from __future__ import annotations

import io
import json

from eventwire.model import Document
from eventwire.news.readers import ReadError, read

HTML = """<html><head><title>Bomb hits market in Quetta</title>
<meta property="article:published_time" content="2023-05-02T10:00:00Z"></head>
<body><nav>Home | World | Sports | Weather</nav>
<article><h1>Bomb hits market in Quetta</h1>
<p>A bomb exploded near a police van in Quetta on Tuesday, killing 12 people and wounding 30, officials said.</p>
<p>No group has claimed responsibility for the attack, which police suspect was carried out by militants.</p></article>
<footer>Copyright 2023 Example News. All rights reserved.</footer></body></html>
"""


def docs(paths, **kw) -> list[Document | ReadError]:
    return list(read([str(p) for p in paths], **kw))


def test_text_and_markdown_files_use_the_stem_as_id_and_keep_text_exactly(tmp_path):
    (tmp_path / "a.txt").write_bytes("Gunmen attacked a bus.\r\nTwo died.\n".encode())
    (tmp_path / "b.md").write_text("# Title\n\nA *bomb* went off.\n", encoding="utf-8")
    a, b = docs([tmp_path / "a.txt", tmp_path / "b.md"])
    assert (a.id, a.text) == ("a", "Gunmen attacked a bus.\r\nTwo died.\n")  # CRLF kept: offsets index the file
    assert (b.id, b.text, b.html) == ("b", "# Title\n\nA *bomb* went off.\n", False)


def test_html_gives_main_text_title_and_date_and_is_flagged_for_output(tmp_path):
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    [d] = docs([tmp_path / "page.html"])
    assert d.html and d.id == "page"
    assert "A bomb exploded near a police van in Quetta" in d.text
    assert "Copyright" not in d.text and "Weather" not in d.text
    assert d.title == "Bomb hits market in Quetta"
    assert (d.published, d.published_source) == ("2023-05-02", "given")


def test_jsonl_reads_every_field_in_order(tmp_path):
    rows = [{"id": "x1", "text": "Rebels shelled the town.", "published": "2024-01-04", "title": "T", "url": "u"},
            {"id": "x2", "text": "Police arrested two men."}]
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    x1, x2 = docs([tmp_path / "in.jsonl"])
    assert (x1.id, x1.published, x1.published_source, x1.title, x1.url) == ("x1", "2024-01-04", "given", "T", "u")
    assert (x2.id, x2.published, x2.published_source) == ("x2", None, "none")
    assert x2.source.endswith("in.jsonl:2")


def test_stdin_dash_is_jsonl():
    stream = io.BytesIO(b'{"id": "s1", "text": "A mortar hit the base."}\n')
    [d] = list(read(["-"], stdin=stream))
    assert (d.id, d.text, d.source) == ("s1", "A mortar hit the base.", "<stdin>:1")


def test_directory_is_read_recursively_in_name_order_skipping_other_and_hidden_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "sub" / "a.md").write_text("Nested.", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden" / "c.txt").write_text("Hidden.", encoding="utf-8")
    assert [d.id for d in docs([tmp_path])] == ["b", "a"]
