"""Cross-document merging: reports of one incident from several articles become one canonical event."""

from __future__ import annotations

import json
import random

import pytest

from eventwire.events.merge import Merger, Report, canonical, new_canon_id, reports_of
from eventwire.views.contract import document

ARTICLES = {
    "kerman-first": ("2024-01-03", "Twin blasts kill 95 in Kerman",
                     "Two bombs exploded near the tomb of Qasem Soleimani in Kerman, Iran, on Wednesday, killing 95 "
                     "people and wounding 211, officials said."),
    "kerman-toll": ("2024-01-04", "Kerman death toll rises",
                    "The death toll from Wednesday's twin bombings at the Soleimani memorial in Kerman has risen to "
                    "103, Iranian state media said. Islamic State said it killed 300 people in the attack."),
    "kerman-claim": ("2024-01-05", "Islamic State claims Kerman bombing",
                     "Islamic State claimed responsibility for the twin bombings in Kerman on Wednesday. The group "
                     "said its fighters killed 150 people."),
    "kerman-stale": ("2024-01-05", "Iran mourns",
                     "Iranians mourned on Friday. An earlier report said 95 people were killed in the Kerman bombings "
                     "on Wednesday."),
    "kano-market": ("2024-01-03", "Gunmen attack Kano market",
                    "Gunmen opened fire at a crowded market in Kano, Nigeria, on Wednesday, killing four traders, "
                    "police said."),
    "kerman-later": ("2024-03-21", "Car bomb in Kerman",
                     "A car bomb exploded outside a police station in Kerman on Thursday, killing two officers."),
}


@pytest.fixture(scope="module")
def articles(run):
    """doc_id -> its reports, each article run through the real pipeline once."""
    out = {}
    for doc_id, (published, title, text) in ARTICLES.items():
        doc = run(text, published=published, doc_id=doc_id)
        doc.title = title
        out[doc_id] = reports_of(doc, document(doc))
    return out


def merge(reports: list[Report]) -> dict[str, list[Report]]:
    m = Merger()
    for r in reports:
        m.add(r)
    return {cid: m.reports(cid) for cid in m.canon_ids()}


def partition(groups: dict[str, list[Report]]) -> set[frozenset]:
    return {frozenset((r.doc_id, r.event_id) for r in rs) for rs in groups.values()}


def violent(reports: list[Report]) -> list[Report]:
    return [r for r in reports if r.event["type"] != "statement"]


def cluster_of(groups: dict[str, list[Report]], doc_id: str, event_id: str = "e1") -> str:
    return next(cid for cid, rs in groups.items() if any((r.doc_id, r.event_id) == (doc_id, event_id) for r in rs))


# ---------------------------------------------------------------------------------------------- reports


def test_report_of_main_event_carries_headline_people_country_and_terms(articles):
    r = articles["kerman-first"][0]
    assert r.primary and r.event_id == "e1" and r.published == "2024-01-03"
    assert r.text.startswith("Twin blasts kill 95 in Kerman")
    assert "Qasem Soleimani" in r.names
    assert r.country == "IR"
    assert "kerman" in r.terms and "the" not in r.terms


def test_count_inside_claimant_scope_is_flagged_claimed(articles):
    claimed = [r for r in articles["kerman-toll"] if (r.event.get("killed") or {}).get("best") == 300]
    assert claimed and claimed[0].claimed == ["killed"]
    assert all("killed" not in r.claimed for r in articles["kerman-first"])


def test_toll_revision_is_flagged_revised(articles):
    revised = [r for r in articles["kerman-toll"] if (r.event.get("killed") or {}).get("best") == 103]
    assert revised and "killed" in revised[0].revised


def test_report_survives_json_round_trip(articles):
    r = articles["kerman-toll"][0]
    assert Report.from_json(json.loads(json.dumps(r.to_json()))) == r


# ---------------------------------------------------------------------------------------------- merging


def test_reports_of_one_bombing_from_four_articles_merge(articles):
    groups = merge([r for rs in articles.values() for r in rs])
    cid = cluster_of(groups, "kerman-first")
    docs = {r.doc_id for r in groups[cid]}
    assert docs == {"kerman-first", "kerman-toll", "kerman-claim", "kerman-stale"}


def test_other_incidents_stay_apart(articles):
    groups = merge([r for rs in articles.values() for r in rs])
    kerman = cluster_of(groups, "kerman-first")
    assert cluster_of(groups, "kano-market") != kerman  # same day, another country
    assert cluster_of(groups, "kerman-later") != kerman  # same city, months later


def test_statement_never_merges_with_an_attack(articles):
    groups = merge([r for rs in articles.values() for r in rs])
    for rs in groups.values():
        assert len({r.event["type"] == "statement" for r in rs}) == 1


def test_every_document_event_is_in_exactly_one_canonical_event(articles):
    reports = [r for rs in articles.values() for r in rs]
    groups = merge(reports)
    listed = [(r.doc_id, r.event_id) for rs in groups.values() for r in rs]
    assert sorted(listed) == sorted((r.doc_id, r.event_id) for r in reports)


def test_result_does_not_depend_on_input_order(articles):
    docs = list(articles.values())
    expected = partition(merge([r for rs in docs for r in rs]))
    for seed in range(3):
        random.Random(seed).shuffle(docs)
        assert partition(merge([r for rs in docs for r in rs])) == expected


def test_rebuild_puts_report_where_told_without_scoring(articles):
    m = Merger()
    r = articles["kano-market"][0]
    assert m.add(r, canon_id="ev-stored") == "ev-stored"
    assert m.reports("ev-stored") == [r]


def test_report_matching_two_canonical_events_joins_them(articles):
    m = Merger()
    for r in articles["kano-market"] + articles["kerman-later"]:  # other news, as in any store
        m.add(r)
    m.add(articles["kerman-first"][0], canon_id="ev-a")
    m.add(articles["kerman-stale"][0], canon_id="ev-b")  # kept apart, as an old store might have them
    cid = m.add(next(r for r in articles["kerman-toll"] if (r.event.get("killed") or {}).get("best") == 103))
    moved = m.absorbed()
    assert len(moved) == 1 and moved[0][1] == cid
    assert {r.doc_id for r in m.reports(cid)} == {"kerman-first", "kerman-stale", "kerman-toll"}
    assert m.reports(moved[0][0]) == m.reports(cid) and m.absorbed() == []


def test_canon_id_is_deterministic(articles):
    r = articles["kerman-first"][0]
    assert new_canon_id(r) == new_canon_id(Report.from_json(r.to_json()))
    assert new_canon_id(r).startswith("ev-") and len(new_canon_id(r)) == 15


# ---------------------------------------------------------------------------------------------- canonical counts


def killed(reports: list[Report]) -> dict:
    return canonical("ev-x", reports)["killed"]


def test_best_count_is_the_latest_credible_figure(articles):
    assert killed(violent(articles["kerman-first"]) + violent(articles["kerman-toll"]))["best"] == 103


def test_low_and_high_span_the_credible_sources(articles):
    k = killed(violent(articles["kerman-first"]) + violent(articles["kerman-toll"]))
    assert (k["low"], k["high"]) == (95, 103)


def test_revision_beats_a_later_stale_copy_of_the_figure_it_revised(articles):
    reports = violent(articles["kerman-first"]) + violent(articles["kerman-toll"]) + violent(articles["kerman-stale"])
    assert killed(reports)["best"] == 103


def test_claimant_figure_is_never_best(articles):
    reports = violent(articles["kerman-first"]) + violent(articles["kerman-claim"])
    assert killed(reports)["best"] == 95  # the claimant's 150 is later, but only the claimant gives it
    alone = killed(violent(articles["kerman-claim"]))
    assert alone["best"] is None and alone["claimed"] and (alone["low"], alone["high"]) == (150, 150)


def test_claimant_figure_counts_once_a_non_claimant_gives_it(run, articles):
    doc = run("Health officials said on Saturday that 150 people were killed in the Kerman bombings on Wednesday.",
              published="2024-01-06", doc_id="kerman-officials")
    reports = violent(articles["kerman-claim"]) + violent(reports_of(doc, document(doc)))
    assert killed(reports)["best"] == 150


def test_count_history_keeps_every_figure_by_published_date(articles):
    reports = [r for d in ("kerman-claim", "kerman-first", "kerman-toll") for r in violent(articles[d])]
    history = canonical("ev-x", reports)["count_history"]
    assert [h["published"] for h in history] == sorted(h["published"] for h in history)
    assert {h["killed"] for h in history} >= {95, 103, 300, 150}
    assert any(h["killed"] == 300 and h["claimed"] == ["killed"] for h in history)


# ---------------------------------------------------------------------------------------------- canonical fields


def test_canonical_event_merges_fields_and_tags_evidence(articles):
    reports = [r for d in ("kerman-first", "kerman-toll", "kerman-stale") for r in violent(articles[d])]
    ev = canonical("ev-x", reports)
    assert ev["id"] == "ev-x" and ev["sources"] == 3 and ev["merged"]
    assert ev["date"] == "2024-01-03" and ev["date_precision"] == "day"
    assert ev["location"]["name"] == "Kerman"
    assert {e["doc_id"] for e in ev["evidence"]} == {"kerman-first", "kerman-toll", "kerman-stale"}
    assert {(r["doc_id"], r["event_id"]) for r in ev["reports"]} == {(r.doc_id, r.event_id) for r in reports}
    names = [p["name"].lower() for p in ev["targets"] + ev["perpetrators"]]
    assert len(names) == len(set(names))


def test_location_is_the_most_precise_place_most_reports_agree_on(articles):
    first = violent(articles["kerman-first"])[0]
    vague = Report.from_json(dict(first.to_json(), doc_id="vague", event={
        **first.event, "location": {**first.event["location"], "name": "Iran", "feature": "country",
                                    "admin1": None}}))
    ev = canonical("ev-x", [vague, first])
    assert ev["location"]["name"] == "Kerman"


def test_date_is_the_day_most_reports_give(articles):
    reports = violent(articles["kerman-first"]) + violent(articles["kerman-stale"])
    odd = Report.from_json(dict(reports[0].to_json(), doc_id="odd", primary=False,
                                event={**reports[0].event, "date": "2024-01-02"}))
    assert canonical("ev-x", reports + [odd])["date"] == "2024-01-03"


def test_the_writers_toll_beside_a_claim_is_not_the_claimants(run):
    doc = run("Gunmen stormed a hotel in Mogadishu on Friday, killing 20 people and wounding 30, police said. "
              "Al-Shabaab claimed responsibility for the attack.", published="2024-03-16", doc_id="mogadishu")
    [report] = [r for r in reports_of(doc, document(doc)) if r.event["type"] != "statement"]
    assert report.event["killed"]["best"] == 20
    assert report.claimed == []


def test_canonical_event_does_not_depend_on_the_order_of_its_reports(articles):
    reports = [r for doc in ("kerman-first", "kerman-toll", "kerman-claim", "kerman-stale") for r in articles[doc]]
    expected = canonical("ev-x", reports)
    for seed in range(3):
        random.Random(seed).shuffle(reports)
        assert canonical("ev-x", reports) == expected
