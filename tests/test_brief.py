"""Event briefs: why in news, sourced key facts, timeline and profiles, from the store or one article."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.events.merge import reports_of
from eventwire.news.clean import plain
from eventwire.store.db import Store
from eventwire.store.ingest import Extracted, Ingest, IngestStats
from eventwire.pipeline import load_nlp
from eventwire.views.brief import brief_file, gather, html, markdown, md, roles_in, safe_url, why_sentence
from eventwire.views.contract import document as contract_of

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "kerman-twin-blasts.txt"

MOGADISHU_1 = """Car bombs kill 20 in Mogadishu
Two car bombs exploded outside the education ministry in Mogadishu, Somalia, on Saturday, killing 20 people
and wounding 30, police said. Al-Shabaab claimed responsibility for the attack.
"""
MOGADISHU_2 = """Mogadishu bombing toll rises
The death toll from Saturday's twin car bombings in Mogadishu has risen to 32, officials said on Monday.
Al-Shabaab, the al-Qaeda affiliate that has fought the Somali government for years, said it carried out the attack.
"""
MOGADISHU_EARLIER = """Gunmen attack Mogadishu hotel
Al-Shabaab gunmen attacked a hotel in Mogadishu, Somalia, on Friday, killing five people, police said.
"""


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def kerman():
    """The bundled example article, briefed without a store."""
    return brief_file(EXAMPLE)


@pytest.fixture(scope="module")
def mogadishu(tmp_path_factory):
    """A store with two reports of one bombing (the second revises the toll) and an earlier attack nearby."""
    tmp = tmp_path_factory.mktemp("brief")
    rows = [{"id": "mog-a", "text": MOGADISHU_1, "published": "2024-10-05", "url": "https://example.org/a"},
            {"id": "mog-b", "text": MOGADISHU_2, "published": "2024-10-07", "url": "https://example.org/b"},
            {"id": "mog-hotel", "text": MOGADISHU_EARLIER, "published": "2024-09-28"}]
    (tmp / "news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp / "s.duckdb"
    assert invoke("ingest", tmp / "news.jsonl", "--db", db).exit_code == 0
    with Store(db, read_only=True) as store:
        bombing = next(e for e in store.events() if e.get("sources") == 2)
    return db, bombing


def test_kerman_brief_states_the_bombing_its_date_the_claim_and_the_toll_with_sources(kerman):
    text = markdown(kerman)
    assert kerman.title.startswith("Suicide bombing in Kerman") and "3 January 2024" in kerman.title
    assert re.search(r"Islamic State claimed the suicide bombing that killed 103 people and injured 188 in Kerman",
                     kerman.why.text)
    assert kerman.why.cites and all(c.quote for c in kerman.why.cites)
    facts = {f.label: f for f in kerman.facts}
    assert facts["Date"].text.startswith("2024-01-03") and facts["Date"].cites
    assert facts["Killed"].text.startswith("103") and facts["Injured"].text.startswith("188")
    assert any(p.text.startswith("Islamic State — claimed") for p in facts["Perpetrators"].children)
    assert "## Sources" in text and "kerman-twin-blasts" in text


def test_kerman_brief_lists_who_was_targeted_not_the_bare_counts_again(kerman):
    targets = [t.text for t in {f.label: f for f in kerman.facts}["Targets"].children]
    assert targets and not any(t.endswith(("people", "others", "victims")) for t in targets)


def test_kerman_brief_profiles_soleimani_and_al_aroui_with_roles_from_the_parse(kerman):
    profiles = {p.name: p for p in kerman.profiles}
    soleimani = next(p for n, p in profiles.items() if "Soleimani" in n)
    aroui = next(p for n, p in profiles.items() if "Aroui" in n)
    assert soleimani.kind == aroui.kind == "person"
    assert "commander of the Quds Force" in [r.text for r in soleimani.roles]  # copula: "was the commander of"
    assert "top Hamas leader" in [r.text for r in aroui.roles]  # apposition: "a top Hamas leader, Saleh al-Aroui"
    assert "Hamas ambassador to Hezbollah" in [r.text for r in aroui.roles]  # "where he acted as", same sentence
    assert any(r.text.startswith("one of the best-connected Hamas leaders") for r in aroui.roles)  # next: "He was"
    assert any("drone strike" in e.text for e in aroui.events)
    assert all(r.cites and r.cites[0].quote for p in (soleimani, aroui) for r in p.roles)


def test_kerman_timeline_holds_the_background_strikes_of_the_same_article_in_date_order(kerman):
    dates = [line.text.split(" — ")[0] for line in kerman.timeline]
    assert dates == sorted(dates)
    assert any(line.text.startswith("2020-01-03") and "Baghdad" in line.text for line in kerman.timeline)
    assert any(line.text.startswith("2024-01-02") and "Beirut" in line.text for line in kerman.timeline)
    assert [line.strong for line in kerman.timeline].count(True) == 1


def test_every_citation_quotes_the_article_at_its_offsets(kerman):
    text = plain(EXAMPLE.read_text(encoding="utf-8"))
    lines = [kerman.why, *kerman.facts, *kerman.timeline]
    lines += [x for p in kerman.profiles for x in (*p.lines, *p.roles, *p.events)]
    cites = [c for line in lines for x in (line, *line.children) for c in x.cites if c.start is not None]
    assert len(cites) > 20
    for c in cites:
        quoted = " ".join(text[c.start:c.end].split())
        assert re.sub(r"\s+([.,;:!?])", r"\1", quoted).startswith(c.quote.rstrip("…")), c


@pytest.mark.parametrize("sentence, role", [
    ("Omar Haddad, the mayor of Tikrit, said the road was closed.", "mayor of Tikrit"),
    ("The mayor of Tikrit, Omar Haddad, said the road was closed.", "mayor of Tikrit"),
    ("Omar Haddad was the mayor of Tikrit until 2019.", "mayor of Tikrit"),
    ("A former teacher, Omar Haddad was elected mayor in 2019.", "former teacher"),
    ("Omar Haddad, who is a lawyer, said the road was closed.", "lawyer"),
    ("Omar Haddad served as police chief in Mosul for a decade.", "police chief in Mosul"),
    ("Police chief Omar Haddad said the road was closed.", "Police chief"),
    ("Omar Haddad, 61, said the road was closed.", "aged 61"),
])
def test_roles_come_from_appositions_copulas_and_titles_in_the_parse(sentence, role):
    sent = load_nlp()(sentence)
    start = sentence.index("Omar Haddad")
    found = roles_in(sent, sent.char_span(start, start + len("Omar Haddad")), person=True)
    assert role in [text for text, _, _ in found]
    s, e = next((s, e) for text, s, e in found if text == role)
    assert sentence[s:e] == role or role.startswith("aged")


def test_why_in_news_words_the_attribution_and_names_a_single_victim():
    event = {"type": "explosions_remote_violence", "subtype": "air_drone_strike", "date": "2024-01-02",
             "location": {"name": "Beirut", "country_code": "LB", "feature": "city"},
             "perpetrators": [{"name": "Israel", "entity": "ent-1", "attribution": "suspected"}],
             "targets": [{"name": "Saleh al-Aroui", "kind": "human", "entity": "ent-2"}],
             "killed": {"best": 1}}
    assert why_sentence(event) == ("Israel is suspected of the air/drone strike that killed Saleh al-Aroui"
                                   " in Beirut, Lebanon, on 2 January 2024.")
    unclaimed = dict(event, perpetrators=[], subtype="suicide_bomb", date="2024-03", killed={"best": 12},
                     injured={"best": 40}, targets=[])
    assert why_sentence(unclaimed) == ("A suicide bombing killed 12 people and injured 40 in Beirut, Lebanon,"
                                       " in March 2024.")


def test_store_brief_keeps_both_sources_the_count_history_and_a_nearby_earlier_attack(mogadishu):
    db, bombing = mogadishu
    result = invoke("brief", bombing["id"], "--db", db)
    assert result.exit_code == 0
    text = result.stdout
    assert "Mogadishu, Somalia" in text.splitlines()[0]
    assert "**Killed:** 32 (sources range 20–32)" in text
    assert re.search(r"- 2024-10-05: killed 20.*\n\s+- 2024-10-07: killed 32", text)
    assert re.search(r"Al-Shabaab .*claimed", text)
    hotel = re.search(r"- 2024-09-27 — .*Mogadishu.*within 100 km", text)
    assert hotel, text
    assert "<https://example.org/a>" in text and "<https://example.org/b>" in text


def test_html_brief_escapes_article_text_and_links_only_http_urls(tmp_path):
    rows = [{"id": "x", "published": "2024-05-04", "url": "javascript:alert(1)",
             "title": "<script>alert('t')</script> Kano attack",
             "text": "Gunmen <b onmouseover=alert(1)>killed</b> three villagers near Kano, Nigeria, on Friday,"
                     " police said."},
            {"id": "y", "published": "2024-05-05", "url": "https://example.org/kano?a=1&b=2",
             "text": "Gunmen killed three villagers near Kano, Nigeria, on Friday, police said on Saturday."}]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert invoke("ingest", src, "--db", db).exit_code == 0
    with Store(db, read_only=True) as store:
        event_id = next(store.events())["id"]
    out = tmp_path / "b.html"
    assert invoke("brief", event_id, "--db", db, "--format", "html", "-o", out).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page and "<b " not in page
    assert "&lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt; Kano attack" in page  # the title, as text
    assert 'href="javascript' not in page and "javascript:alert(1)" in page  # shown, not linked
    assert 'href="https://example.org/kano?a=1&amp;b=2"' in page


@pytest.mark.parametrize("linked", [True, False], ids=["victim-of-the-event", "described-only"])
def test_a_person_the_ner_took_for_a_place_is_still_profiled_by_context(run, tmp_path, linked):
    text = ("A drone strike killed Ahmed Karimi, the commander of the Northern Brigade, in Kirkuk, Iraq, on Monday, "
            "officials said.")
    doc = run(text, published="2024-06-04", doc_id="kirkuk")
    contract = contract_of(doc)
    victim = next(e for e in contract["entities"] if e["name"] == "Ahmed Karimi")
    victim["kind"] = "location"  # what an NER slip would store
    if not linked:  # and the event no longer knows him: only his description says he is a person
        for ev in contract["events"]:
            for p in ev["targets"]:
                p["entity"] = None
    with Store(tmp_path / "s.duckdb") as store:
        Ingest(store).save([Extracted(contract, doc.text, reports_of(doc, contract))], IngestStats())
        event_id = store.con.execute("SELECT canon_id FROM reports ORDER BY seq LIMIT 1").fetchone()[0]
        brief = gather(store, event_id)
    profile = next(p for p in brief.profiles if p.name == "Ahmed Karimi")
    assert profile.kind == "person"
    assert "commander of the Northern Brigade" in [r.text for r in profile.roles]


def test_brief_needs_one_event_id_or_doc_and_reports_unknown_events(tmp_path, mogadishu):
    db, _ = mogadishu
    assert invoke("brief", "--db", db).exit_code == 2
    assert invoke("brief", "ev-1", "--doc", EXAMPLE).exit_code == 2
    result = invoke("brief", "ev-nope", "--db", db)
    assert result.exit_code == 1 and "no event 'ev-nope'" in result.stderr


def test_markdown_makes_article_markup_inert_and_refuses_non_http_links():
    assert md("**bold** [x](javascript:alert(1)) <img>") == r"\*\*bold\*\* \[x\](javascript:alert(1)) \<img\>"
    assert safe_url("javascript:alert(1)") is None and safe_url("file:///etc/passwd") is None
    assert safe_url("https://example.org/a") == "https://example.org/a"


def test_html_page_is_standalone_and_escapes_the_brief(kerman):
    page = html(kerman)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "Islamic State claimed the suicide bombing" in page and "<q>" in page
