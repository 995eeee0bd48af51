"""The document date: kept when given, else inferred from datelines, post stamps, full dates."""

STAGES = ["docdate"]


def test_given_date_is_kept(run):
    doc = run("Police said on Sept. 30, 2019 that the attack was planned.", stages=STAGES, published="2024-01-04")
    assert (doc.published, doc.published_source) == ("2024-01-04", "given")


def test_wire_dateline_with_agency_gives_the_date(run):
    doc = run("LIMA, 10 JAN 90 (EFE) -- [TEXT] Police arrested two suspects today.", stages=STAGES)
    assert (doc.published, doc.published_source) == ("1990-01-10", "inferred")


def test_lowercased_dateline_without_agency(run):
    doc = run("san salvador, 3 jan 90 -- [report] the army said guerrillas attacked a post.", stages=STAGES)
    assert doc.published == "1990-01-03"


def test_dateline_without_year_takes_the_year_in_the_text(run):
    text = "WASHINGTON, Jan 4 (Reuters) - The 2024 budget talks stalled on Thursday."
    assert run(text, stages=STAGES).published == "2024-01-04"


def test_dateline_without_date_infers_nothing_from_it(run):
    doc = run("BEIRUT (AP) — A drone strike hit an apartment on Tuesday.", stages=STAGES)
    assert (doc.published, doc.published_source) == (None, "none")


def test_latest_post_timestamp_dates_the_article(run):
    text = ("The ministry condemned the bombings.\n\nWe are shocked and saddened.\n\n11:41 AM · Jan 4, 2024\n\n"
            "Our thoughts are with the victims.\n\n9:02 PM · Jan 3, 2024\n\n"
            "The general was killed on January 3, 2020.")
    doc = run(text, stages=STAGES)
    assert (doc.published, doc.published_source) == ("2024-01-04", "inferred")


def test_latest_explicit_full_date_when_nothing_else(run):
    text = "The treaty was signed on May 22, 1995 and ratified on 3 March 1996 by parliament."
    assert run(text, stages=STAGES).published == "1996-03-03"


def test_inferred_date_resolves_relative_dates(run):
    text = "Two bombs exploded on Wednesday.\n\n11:41 AM · Jan 4, 2024"
    doc = run(text, stages=["docdate", "dates"])
    assert [t.value for t in doc.times if t.mention == "Wednesday"] == ["2024-01-03"]
