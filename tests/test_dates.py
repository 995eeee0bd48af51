"""The dates stage on sentences of the kinds news texts contain."""

from eventwire.annotations.dates import resolve_relative
from eventwire.model import Time

STAGES = ["docdate", "dates"]


def times(run, text, published="2024-01-04"):
    return {t.mention: t for t in run(text, stages=STAGES, published=published).times}


def test_past_weekday_is_the_latest_such_day_on_or_before_the_document_date(run):
    t = times(run, "Two gunmen detonated their belts in the crowd on Wednesday, officials said.")
    assert t["Wednesday"].value == "2024-01-03"
    assert t["Wednesday"].anchor == "published" and t["Wednesday"].precision == "day"


def test_weekday_of_the_document_date_itself_is_that_day(run):
    assert times(run, "The minister said Thursday that talks had failed.")["Thursday"].value == "2024-01-04"


def test_future_weekday_is_the_next_such_day(run):
    assert times(run, "The delegation will travel to Cairo on Monday.")["Monday"].value == "2024-01-08"


def test_yesterday_today_and_tomorrow_count_from_the_document_date(run):
    t = times(run, "Police said yesterday that the suspect fled; he will appear in court tomorrow.")
    assert t["yesterday"].value == "2024-01-03"
    assert t["tomorrow"].value == "2024-01-05"


def test_explicit_full_date_is_absolute(run):
    t = times(run, "Soleimani was killed in a US airstrike at Baghdad airport on January 3, 2020.")
    assert (t["January 3, 2020"].value, t["January 3, 2020"].anchor) == ("2020-01-03", "absolute")


def test_bare_year_keeps_year_precision(run):
    t = times(run, "In 2014, Israel accused him of planning the kidnapping.")
    assert (t["2014"].value, t["2014"].precision) == ("2014", "year")


def test_ages_durations_and_counts_are_not_dates(run):
    text = ("Al-Aroui, 57, spent 15 years in prison. The 57-year-old led a 51-day war. "
            "A second bomb went off 20 minutes after the first. Some 1500 troops arrived.")
    mentions = set(times(run, text))
    assert not {"57", "57-year-old", "15 years", "51-day", "1500"} & mentions


def test_a_clock_time_given_again_in_another_zone_is_no_year(run):
    text = "The planes have been strafing the rebel positions since 1330 (1930 GMT), and fighting began in 1932."
    mentions = set(times(run, text))
    assert "1330" not in mentions and "1932" in mentions


def test_a_day_after_is_recorded_relative_to_another_event(run):
    t = times(run, "The attacks came a day after a Hamas leader was killed in Beirut.")["a day after"]
    assert (t.anchor, t.relation, t.offset_days, t.value) == ("event", "after", 1, None)


def test_anniversary_records_its_years(run):
    t = times(run, "People gathered to mark the fourth death anniversary of the general.")
    t = t["the fourth death anniversary"]
    assert (t.anchor, t.relation, t.offset_years) == ("event", "anniversary", 4)


def test_minutes_later_takes_the_day_the_narrative_is_at(run):
    t = times(run, "The first bomb exploded on Wednesday. Another bomb detonated 20 minutes later.")
    later = t["20 minutes later"]
    assert (later.anchor, later.relation, later.offset_days, later.value) == ("event", "later", 0, "2024-01-03")


def test_month_without_year_takes_the_nearest_plausible_year(run):
    t = times(run, "The group was founded in December and held elections in March.", published="2024-01-04")
    assert t["December"].value == "2023-12"
    assert times(run, "Elections are scheduled for March.", published="2023-11-20")["March"].value == "2024-03"


def test_month_and_day_without_year_follow_the_document_date(run):
    t = times(run, "The ceasefire, agreed on Sept. 30, collapsed.", published="1989-10-26")
    assert t["Sept. 30"].value == "1989-09-30"


def test_lowercase_day_month_and_two_digit_years(run):
    t = times(run, "the attack on 2 february was claimed in lima, 10 jan 90.", published="1990-02-18")
    assert t["2 february"].value == "1990-02-02"
    assert t["10 jan 90"].value == "1990-01-10"


def test_relative_periods(run):
    t = times(run, "Exports fell last month after rising earlier this year, less than last year.",
              published="1998-02-27")
    assert t["last month"].value == "1998-01"
    assert t["earlier this year"].value == "1998"
    assert t["last year"].value == "1997"


def test_modal_may_and_a_woman_named_may_are_not_months(run):
    text = "Prime Minister Theresa May said the talks may resume. Protesters march on the capital."
    assert not times(run, text)


def test_resolve_relative_applies_offsets_to_the_reference_date():
    after = Time("a day after", 0, 11, None, anchor="event", relation="after", offset_days=1)
    assert resolve_relative(after, "2024-01-02") == ("2024-01-03", "day")
    anniversary = Time("the fourth anniversary", 0, 22, None, anchor="event", relation="anniversary", offset_years=4)
    assert resolve_relative(anniversary, "2020-01-03") == ("2024-01-03", "day")
    assert resolve_relative(after, "2014") == ("2014", "year")
    assert resolve_relative(after, None) == (None, None)


def test_the_same_year_and_the_following_year_follow_the_narrative(run):
    text = ("In 2014, Israel accused him of the kidnapping. The same year, he was deported. "
            "On May 22, 1995, he was promoted, and the following year he retired.")
    t = times(run, text)
    assert (t["The same year"].value, t["The same year"].anchor) == ("2014", "absolute")
    assert (t["the following year"].value, t["the following year"].anchor) == ("1996", "event")


def test_numeric_dates_read_month_first_unless_impossible(run):
    t = times(run, "The permit ran from 1/4/2024 to 25/12/2024.")
    assert t["1/4/2024"].value == "2024-01-04"
    assert t["25/12/2024"].value == "2024-12-25"


def test_the_following_weekday_counts_from_the_narrative_date(run):
    t = times(run, "He was arrested on March 3, 2023. The following Sunday, protesters marched. Later that day police left.")
    assert t["The following Sunday"].value == "2023-03-05"
    assert t["Later that day"].value == "2023-03-05"


def test_a_numeric_date_leading_an_incident_summary_is_kept_whatever_ner_labels_it(run):
    # The small English model labels this leading date an organisation.
    t = times(run, "05/02/2016: Unknown gunmen opened fire on a bus carrying pilgrims in Mastung district.",
              published="2016-05-03")
    assert t["05/02/2016"].value == "2016-05-02"


def test_the_weekend_is_its_saturday_before_or_after_the_document_date_by_tense(run):
    assert times(run, "Gunmen killed five villagers over the weekend.", published="2024-03-14")["the weekend"].value \
        == "2024-03-09"
    assert times(run, "Protesters will march this weekend.", published="2024-03-14")["this weekend"].value \
        == "2024-03-16"


def test_a_week_takes_the_month_that_holds_it_never_the_document_day(run):
    t = times(run, "Gunmen killed five villagers last week.", published="2024-03-14")["last week"]
    assert (t.value, t.precision) == ("2024-03", "month")
    t = times(run, "Gunmen killed five villagers last week.", published="2024-03-04")["last week"]
    assert (t.value, t.precision) == ("2024", "year")  # 26 February to 3 March


def test_a_holiday_is_its_latest_day_before_the_report(run):
    t = times(run, "A man was shot dead on Christmas Eve and two people died in a Father's Day murder-suicide.",
              published="2015-06-22")
    assert t["Christmas Eve"].value == "2014-12-24"
    assert t["Father's Day"].value == "2015-06-21"


def test_floating_holidays_follow_their_calendar_rule(run):
    t = times(run, "He was shot on Thanksgiving; the church was attacked on Easter Sunday 2019.",
              published="2019-12-02")
    assert t["Thanksgiving"].value == "2019-11-28"
    assert t["Easter Sunday 2019"].value == "2019-04-21"


def test_a_holiday_calendars_place_apart_is_the_day_nearest_the_story(run):
    t = times(run, "Police arrested dozens of workers at a Labor Day march in Jakarta.", published="2020-05-02")
    assert t["Labor Day"].value == "2020-05-01"
    t = times(run, "Four people were shot in Brooklyn on Labor Day.", published="2016-09-06")
    assert t["Labor Day"].value == "2016-09-05"
    assert times(run, "Thousands joined a May Day rally in Manila.", published="2019-05-03")["May Day"].value == "2019-05-01"


def test_an_island_named_for_a_holiday_is_no_date(run):
    assert times(run, "Boats reached Christmas Island and Easter Island.", published="2019-12-02") == {}


def test_a_holiday_naming_a_place_or_season_is_no_date(run):
    t = times(run, "A car drove into the Christmas market on Friday; during the Easter holidays a church was bombed.",
              published="2024-01-04")
    assert "Christmas" not in t and "Easter" not in t
    t = times(run, "A Christmas Day attack on a church killed five.", published="2024-01-04")
    assert t["Christmas Day"].value == "2023-12-25"



def test_march_heading_a_capitalised_name_is_no_month(run):
    doc = run("Police fired tear gas at the end of the Freedom March, and veterans of the Long March "
              "attended the Women's March. Rebels raided the town in March and again in late March. "
              "Analysts compared it with Russia's March offensive.", stages=STAGES, published="2024-06-10")
    assert [(x.mention, x.value) for x in doc.times] == [("March", "2024-03"), ("late March", "2024-03"),
                                                          ("March", "2024-03")]


def events_dated(run, text, published="2024-01-04"):
    return [(e.type, e.date) for e in run(text, published=published).events]


def test_a_date_in_a_relative_clause_on_an_argument_dates_that_clause_not_the_act(run):
    text = ("On 9 August 2021, government troops advanced into the valley and recaptured the border post "
            "from the militants, who had occupied it since 2017.")
    dates = [d for kind, d in events_dated(run, text) if kind == "battles"]
    assert dates and set(dates) == {"2021-08-09"}
    text = "The ambush, which happened on 2 March 2022, killed four soldiers near Gao."  # a clause on the act
    assert {d for _, d in events_dated(run, text)} == {"2022-03-02"}
    text = "Two gunmen opened fire on the worshippers who had gathered at the shrine in Herat on Friday."
    assert {d for _, d in events_dated(run, text)} == {"2023-12-29"}  # the only date the sentence gives


def test_the_date_of_what_an_anniversary_marks_does_not_date_the_act(run):
    text = ("On 12 October 2022, merchants in Mahabad joined a two-day general strike to mark the anniversary "
            "of the September 2021 killings.")
    dates = [d for kind, d in events_dated(run, text) if kind == "protests"]
    assert dates and set(dates) == {"2022-10-12"}
