"""Cleaning blanks markup without moving offsets, and turns embedded posts into Post records."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eventwire.model import Document
from eventwire.news.clean import clean_document

POST = """The ministry reacted within hours.

Jane Doe

@FooMinistry · Follow

We condemn the attack on the market in Kabul.

9:05 PM · Mar 2, 2023

Officials said the toll could rise.
"""


def clean(text: str) -> Document:
    doc = clean_document(Document(id="t", text=text))
    assert len(doc.clean) == len(doc.text)
    assert [i for i, c in enumerate(doc.clean) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    return doc


def test_markdown_link_keeps_its_text_where_it_was():
    text = "Read [the police report](https://example.org/r \"Report\") on the blast."
    doc = clean(text)
    i = text.index("the police report")
    assert doc.clean[i:i + 17] == "the police report"
    assert "https" not in doc.clean and "[" not in doc.clean and ")" not in doc.clean


def test_markdown_markers_and_images_become_spaces():
    doc = clean("## Attack\n\n> **Three** *soldiers* died. ![map](m.png)\n- `Item`\n---\n")
    assert doc.clean.split() == ["Attack", "Three", "soldiers", "died.", "Item"]


def test_crlf_and_byte_order_mark_are_blanked_but_lines_stay():
    doc = clean("\ufeffTwo killed.\r\nThree hurt.\r\n")
    assert doc.clean == " Two killed. \nThree hurt. \n"


def test_embedded_post_becomes_metadata_with_its_timestamp():
    [post] = clean(POST).posts
    assert (post.author, post.handle, post.posted) == ("Jane Doe", "@FooMinistry", "2023-03-02")
    assert POST[post.timestamp.start:post.timestamp.end] == "9:05 PM · Mar 2, 2023"
    assert POST[post.start:post.end].startswith("Jane Doe") and POST[post.start:post.end].endswith("2023")


def test_post_follow_chrome_is_blanked_but_handle_and_words_stay():
    doc = clean(POST)
    assert "Follow" not in doc.clean and "@FooMinistry" in doc.clean
    assert "We condemn the attack on the market in Kabul." in doc.clean


def test_day_first_timestamp_and_no_author_line():
    doc = clean("Statement:\n@agency\nTroops withdrew.\n10:15 am · 4 Jan 2024\n")
    [post] = doc.posts
    assert (post.handle, post.posted) == ("@agency", "2024-01-04")


def test_prose_with_at_signs_is_not_a_post():
    assert clean("Write to press@example.org or @someone said nothing.").posts == []


def test_post_buttons_after_the_timestamp_belong_to_the_post_and_are_blanked():
    text = POST.replace("2023\n", "2023\n\nRead 1,204 replies\nCopy link\n")
    doc = clean(text)
    [post] = doc.posts
    assert text[:post.end].endswith("Copy link")
    assert "replies" not in doc.clean and "Copy link" not in doc.clean
    assert "Officials said the toll could rise." in doc.clean


PIECES = st.sampled_from(list("ab @#*_-[]()!<>/`·:\r\n\t\ufeff") + ["Follow", "11:41 AM", "Jan 4, 2024", "@x"])


@given(st.lists(PIECES, max_size=40).map("".join))
def test_any_text_keeps_its_length_and_line_breaks(text):
    doc = clean(text)
    for post in doc.posts:
        assert 0 <= post.start < post.end <= len(text)
