"""The casualties stage on sentences written for each pattern, qualifier and number form."""

from __future__ import annotations

import pytest

from eventwire.annotations.casualties import combine
from eventwire.annotations.numbers import find_figures
from eventwire.model import Casualty, Count

STAGES = ["casualties"]


@pytest.fixture
def figures(run):
    """figures(text) -> [(kind, best, low, high, count text)] in text order."""

    def _figures(text: str):
        doc = run(text, stages=STAGES)
        for c in doc.casualties:
            assert doc.text[c.count.start:c.count.end] == c.count.text
        return [(c.kind, c.count.best, c.count.low, c.count.high, c.count.text) for c in doc.casualties]

    return _figures


def test_active_verb_object_is_counted(figures):
    assert figures("A suicide bomber killed 12 people at the market.") == [("killed", 12, 12, 12, "12")]


def test_passive_subject_and_elided_second_figure(figures):
    assert figures("12 people were killed and 30 wounded in the attack.") == [
        ("killed", 12, 12, 12, "12"), ("injured", 30, 30, 30, "30")]


def test_headline_figures_before_the_trigger(figures):
    assert figures("Market bombing: 12 dead, dozens injured") == [
        ("killed", 12, 12, 12, "12"), ("injured", 24, 24, None, "dozens")]


def test_over_and_more_than_give_a_lower_bound_one_above_and_keep_the_figure_as_best(figures):
    assert figures("The blasts led to the death of over 100 people.") == [("killed", 100, 101, None, "over 100")]
    assert figures("More than 40 civilians were wounded.") == [("injured", 40, 41, None, "More than 40")]


def test_at_least_and_upper_and_approximate_qualifiers(figures):
    assert figures("Gunmen killed at least five villagers.") == [("killed", 5, 5, None, "at least five")]
    assert figures("Up to 30 people were injured.") == [("injured", 30, None, 30, "Up to 30")]
    assert figures("Nearly 30 soldiers died in the ambush.") == [("killed", 30, None, 30, "Nearly 30")]
    assert figures("Some 30 people were hurt.") == [("injured", 30, None, None, "Some 30")]


def test_number_words_and_vague_quantities(figures):
    assert figures("The blast killed twenty-five people and injured a dozen others.") == [
        ("killed", 25, 25, 25, "twenty-five"), ("injured", 12, 12, 12, "a dozen")]
    assert figures("Hundreds of people were wounded.") == [("injured", 200, 200, None, "Hundreds")]
    assert figures("The shelling wounded several others.") == [("injured", 3, 3, None, "several")]
    assert figures("A number of civilians were killed.") == [("killed", None, 2, None, "A number")]


def test_revised_toll_is_marked_as_revision(run):
    doc = run("The death toll has risen to 103 after the twin blasts.", stages=STAGES)
    [c] = doc.casualties
    assert (c.kind, c.count.best, c.revision, c.trigger.text) == ("killed", 103, True, "death toll")


def test_left_dead_and_gerund_objects(figures):
    assert figures("The gunmen stormed the village, killing 7 people and injuring dozens.") == [
        ("killed", 7, 7, 7, "7"), ("injured", 24, 24, None, "dozens")]
    assert figures("The ambush left three soldiers dead.") == [("killed", 3, 3, 3, "three")]


def test_ages_are_not_counts(figures):
    assert figures("A 7-year-old boy was shot and killed on Monday.") == [
        ("killed", 1, 1, 1, "A 7-year-old boy")]
    assert figures("Al-Aroui, 57, was from a village near Ramallah.") == []


def test_named_person_and_pronoun_count_one(figures):
    assert figures("Soleimani was killed in a US airstrike.") == [("killed", 1, 1, 1, "Soleimani")]
    assert figures("The Pentagon said the US military had killed him.") == [("killed", 1, 1, 1, "him")]


def test_raising_verb_between_subject_and_trigger(figures):
    text = "The blasts came a day after a top leader, Saleh al-Aroui, was believed to have been killed."
    assert [f[:4] for f in figures(text)] == [("killed", 1, 1, 1)]


def test_plural_victims_and_dead_modifier(figures):
    assert figures("Two peasants were murdered by the patrol.") == [("killed", 2, 2, 2, "Two")]
    assert figures("The army reported one dead terrorist.") == [("killed", 1, 1, 1, "one")]


def test_conjoined_victims_are_summed(figures):
    assert figures("The bomb killed two policemen and a civilian.") == [
        ("killed", 3, 3, 3, "two policemen and a civilian")]


def test_negations_give_zero(figures):
    assert figures("Police said no one was hurt in the explosion.") == [("injured", 0, 0, 0, "no one")]
    assert figures("There were no casualties.") == [
        ("injured", 0, 0, 0, "no casualties"), ("killed", 0, 0, 0, "no casualties")]


def test_casualties_are_a_mixed_figure(run):
    doc = run("The guerrillas inflicted three casualties on the army.", stages=STAGES)
    [c] = doc.casualties
    assert (c.kind, c.count.best, c.mixed) == ("injured", 3, True)


def test_lives_bodies_and_injury_nouns(figures):
    assert figures("The quake claimed 50 lives.") == [("killed", 50, 50, 50, "50")]
    assert figures("The bodies of 12 peasants were found.") == [("killed", 12, 12, 12, "12")]
    assert figures("Four are being treated for injuries.") == [("injured", 4, 4, 4, "Four")]
    assert figures("The man was listed in critical condition.") == [("injured", 1, 1, 1, "The man")]


def test_fatally_shot_is_a_death(figures):
    assert figures("A man was fatally shot early Sunday.") == [("killed", 1, 1, 1, "A man")]


def test_lowercased_wire_text(figures):
    assert figures("guerrillas killed at least 12 peasants and wounded 30 others.") == [
        ("killed", 12, 12, None, "at least 12"), ("injured", 30, 30, 30, "30")]


def test_non_victims_are_not_counted(figures):
    assert figures("The guerrillas executed the attack at dawn.") == []
    assert figures("The attack killed the peace talks.") == []


def test_numbers_skip_times_distances_and_years():
    words = "at 3 pm , 820 kilometres away , in 2020 , 12 people".split()
    assert [(f.best, " ".join(words[f.start:f.end])) for f in find_figures(words)] == [(12, "12")]


def test_number_ranges():
    words = "between 10 and 15 , two or three , rose from 95 to 103".split()
    found = [(f.best, f.low, f.high) for f in find_figures(words)]
    assert found == [(10, 10, 15), (2, 2, 3), (95, 95, 95), (103, 103, 103)]


def _fig(best, low, high, revision=False, mixed=False, text=""):
    return Casualty("killed", Count(best, low, high, text=text), revision=revision, mixed=mixed)


def test_combine_latest_revision_is_best_and_stated_lower_bound_is_low():
    count = combine([_fig(101, 101, None, text="over 100"), _fig(103, 103, 103, revision=True, text="103")])
    assert (count.best, count.low, count.high, count.text) == (103, 101, 103, "103")


def test_combine_without_revision_takes_the_largest_figure():
    count = combine([_fig(12, 12, 12), _fig(3, 3, 3), _fig(5, 5, None)])
    assert (count.best, count.low, count.high) == (12, 5, 12)


def test_combine_prefers_explicit_figures_over_mixed_ones():
    assert combine([_fig(9, 9, 9, mixed=True), _fig(2, 2, 2)]).best == 2
    assert combine([_fig(9, 9, 9, mixed=True)]).best == 9
    assert combine([]) is None


def test_number_of_people_killed_is_a_toll(run):
    doc = run("The number of guerrillas killed by the troops has risen to 26.", stages=STAGES)
    assert [(c.kind, c.count.best, c.revision) for c in doc.casualties] == [("killed", 26, True)]


def test_a_total_of_counts_its_object(figures):
    assert figures("A total of 12 people were killed.") == [("killed", 12, 12, 12, "12")]


def test_passive_trigger_conjoined_to_a_clause_takes_its_subject(figures):
    assert figures("The nine soldiers were on a visit and were wounded when a bomb exploded.") == [
        ("injured", 9, 9, 9, "nine")]


def test_wounds_count_sufferers_not_wounds(figures):
    assert figures("She suffered two gunshot wounds.") == [("injured", 1, 1, 1, "She")]
    assert figures("He suffered a fatal gunshot wound.") == [("killed", 1, 1, 1, "He")]


def test_years_and_dates_are_not_counts(figures):
    assert figures("The city recorded 2013 homicides.") == []
    assert figures("Minibus bombing kills nine, injures 24\n\nMonday, June 8, 2009") == [
        ("killed", 9, 9, 9, "nine"), ("injured", 24, 24, 24, "24")]


def test_upper_case_wire_text(figures):
    assert figures("OFFICIAL SOURCES ADDED THAT TWO PARAMILITARY MEN WERE MURDERED BY FMLN UNITS.") == [
        ("killed", 2, 2, 2, "TWO")]


def test_neither_nor_is_zero(figures):
    assert [f[:4] for f in figures("However, neither Trushin nor his wife were injured.")] == [("injured", 0, 0, 0)]


def test_shooting_death_of_counts_the_victim_of_the_misattached_of(figures):
    assert figures("Police are investigating the Sunday shooting death of a 17-month-old child.") == [
        ("killed", 1, 1, 1, "a 17-month-old child")]


def test_found_dead_counts_the_small_clause_subject(figures):
    assert figures("When officers arrived, they found the girl dead in her room.") == [
        ("killed", 1, 1, 1, "the girl")]


def test_an_age_used_as_a_noun_is_one_person(figures):
    assert figures("The 13-year-old died a short time later at the hospital.") == [
        ("killed", 1, 1, 1, "The 13-year-old")]


def test_took_her_own_life_and_a_body_of_someone(figures):
    assert figures("An 11-year-old girl took her own life.") == [("killed", 1, 1, 1, "An 11-year-old girl")]
    assert figures("The man's body was discovered on a dirt road.") == [("killed", 1, 1, 1, "The man")]


def test_fatalities_label_heads_its_figure(figures):
    assert figures("A mob beat a suspected thief in the market. Fatalities 1.") == [("killed", 1, 1, 1, "1")]
    assert figures("Gunmen abducted a village chief. Fatalities: 0") == [("killed", 0, 0, 0, "0")]


def test_shot_alone_is_a_wound(figures):
    assert figures("A man was shot in the leg on Sunday.") == [("injured", 1, 1, 1, "A man")]
    assert figures("The gunman shot 3 times at the house.") == []


def test_shot_is_the_fatal_wound_where_someone_died(figures):
    assert figures("A man was shot on Sunday night. He died at the hospital.") == [("killed", 1, 1, 1, "He")]


def test_the_wounded_victim_who_died_is_counted_once(figures):
    assert figures("The toddler has died. Police said the child was critically injured on Tuesday.") == [
        ("killed", 1, 1, 1, "The toddler")]


def test_distinct_victims_stay_counted(figures):
    assert figures("Gunmen killed the driver and wounded the passenger.") == [
        ("killed", 1, 1, 1, "the driver"), ("injured", 1, 1, 1, "the passenger")]
    assert figures("John Smith was killed. Mark Jones was wounded.") == [
        ("killed", 1, 1, 1, "John Smith"), ("injured", 1, 1, 1, "Mark Jones")]
    assert figures("A man was killed. Another man was wounded.") == [
        ("killed", 1, 1, 1, "A man"), ("injured", 1, 1, 1, "Another man")]


@pytest.fixture
def toll(run):
    """toll(text, kind) -> the best figure `combine` makes of all the text's figures of that kind."""

    def _toll(text: str, kind: str = "killed"):
        count = combine([c for c in run(text, stages=STAGES).casualties if c.kind == kind])
        return count.best if count else None

    return _toll


def test_attackers_killed_apart_from_their_victims_are_added(toll):
    assert toll("Two attackers were killed when they stormed a police station. The attack killed one police officer.") == 3
    assert toll("Gunmen stabbed two guards. One guard died of his wounds. The assailant was shot dead by police.") == 2


def test_a_total_naming_the_attackers_is_not_added_to(toll):
    assert toll("At least 12 people, including the bomber, were killed. The bomber was killed instantly.") == 12
    assert toll("Sixteen people and the two bombers were killed. Both bombers were killed in the blasts.") == 18


def test_attackers_named_in_addition_to_the_victims_are_added(toll):
    assert toll("At least 21 people were killed, in addition to five attackers.") == 26


def test_members_of_a_group_killed_in_a_strike_are_its_targets_not_attackers(toll):
    assert toll("A drone strike killed four militants near the town. Fatalities: 4.") == 4


def test_one_definite_person_may_be_the_attacker_so_nothing_is_added(toll):
    assert toll("The gunman was shot dead by police. The man died at the scene.") == 1


def test_revised_toll_still_wins_beside_attackers_counted_in_it(toll):
    assert toll("Reports said over 100 people were killed. The death toll has risen to 103, including the gunmen.") == 103


def test_a_closing_tally_is_the_count_over_larger_figures_told_before(toll):
    text = ("Gunmen attacked two villages, killing about 100 civilians. In the first village, around 70 people "
            "were killed. 70 fatalities.")
    assert toll(text) == 70
    assert toll("Gunmen attacked two villages, killing about 100 civilians. In the first, 70 people died.") == 100


def test_those_killed_along_with_the_victims_add(toll):
    assert toll("Gemayel was killed along with one of his bodyguards.") == 2
    assert toll("Eight Spaniards and two Yemeni drivers were killed along with the bomber.") == 11


def test_a_wounded_attacker_is_no_victim_who_died_later(toll):
    assert toll("Eleven people were killed and six others were wounded. The assailant was wounded and arrested.",
                "injured") == 7


def test_a_toll_excluding_the_attackers_gets_them_added(toll):
    assert toll("At least 88 people were killed, excluding the bomber, and more than 250 were wounded.") == 89
    assert toll("Twelve people were killed, not including the two gunmen.") == 14
    assert toll("Twelve people were killed, including the two gunmen.") == 12


def test_a_second_title_of_one_victim_adds_no_one(figures):
    assert [f[:2] for f in figures("Armed men shot dead a social leader and president of a community board.")] \
        == [("killed", 1)]
    assert [f[:2] for f in figures("A journalist and father of three was killed in the blast.")] == [("killed", 1)]
    assert [f[:2] for f in figures("A teacher and student were killed in the blast.")] == [("killed", 2)]


def test_attackers_listed_among_those_a_figure_includes_add_to_it(figures):
    text = "Five security personnel including a colonel and a major and two militants were killed in the encounter."
    assert [f[:2] for f in figures(text)] == [("killed", 7)]
    text = "Five people including a colonel and two militants were killed in the encounter."
    assert [f[:2] for f in figures(text)] == [("killed", 5)]


def test_people_burned_are_injured_and_people_burned_alive_killed(figures):
    assert [f[:2] for f in figures("Fifteen people, most of them schoolgirls, were burned by acid.")] == [("injured", 15)]
    assert [f[:2] for f in figures("Two villagers were burned alive.")] == [("killed", 2)]
    assert [f[:2] for f in figures("Militants burned 30 houses and burned a man alive.")] == [("killed", 1)]
    assert figures("Rioters burned the police station.") == []


def test_a_bare_plural_sharing_a_figure_adds_nothing_and_the_next_figure_adds(figures):
    text = "Sixty-five Ethiopian guards and workers and nine Chinese employees were killed."
    assert [f[:2] for f in figures(text)] == [("killed", 74)]


def test_a_list_after_a_comma_that_the_parse_makes_second_subjects_adds_up(figures):
    assert [f[:2] for f in figures("Four tourists, their Yemeni guide and the bomber died.")] == [("killed", 6)]
    text = "Seven players, an assistant coach and a reserve umpire were wounded."
    assert [f[:2] for f in figures(text)] == [("injured", 9)]


def test_a_person_and_others_counts_the_person(figures):
    text = "Ten people were killed and Fonseka and 27 others were wounded."
    assert [f[:2] for f in figures(text)] == [("killed", 10), ("injured", 28)]


def test_a_named_victim_and_an_associate_are_two(figures):
    assert [f[:2] for f in figures("Commander Riyaz Naikoo and an associate were killed in an encounter.")] \
        == [("killed", 2)]


def test_a_killer_who_killed_himself_is_not_added_to_a_toll_that_may_count_him(toll):
    assert toll("A woman killed her two daughters and herself. The three people were found dead.") == 3


def test_among_them_the_attacker_names_him_in_the_total(toll):
    assert toll("Six people were killed, among them the attacker. The attacker was shot by a guard.") == 6


def test_a_pronoun_for_the_attacker_killed_in_a_later_clause_is_added(toll):
    assert toll("An assailant opened fire in the square, killing four civilians before he was shot dead by police.") == 5
    assert toll("A man shot his neighbour before he was killed by police.") == 1


def test_a_thief_beaten_to_death_is_one_killed(run):
    doc = run("Villagers beat a suspected thief to death in Rangpur on Monday.", stages=["casualties"])
    assert [(c.kind, c.count.best) for c in doc.casualties] == [("killed", 1)]


def test_victims_also_killed_add_to_the_toll(run):
    doc = run("On 2 May 2020, Taliban militants attacked a checkpoint in Ghazni. 4 soldiers were killed and 2 injured, "
              "while 7 Taliban were also killed.", published="2020-05-03")
    assert doc.events[0].killed.best == 11


def test_a_figure_told_again_with_also_is_not_added(run):
    doc = run("A shooting on Tuesday left one man dead and three others injured. Police said the shooting followed "
              "an argument. Three other men were also wounded.", published="2016-03-02")
    assert doc.events[0].injured.best == 3


def test_who_shot_himself_and_died_is_one_dead_not_one_wounded(figures):
    assert [f[:2] for f in figures("While cleaning his rifle, he accidentally shot himself and died.")] == [("killed", 1)]


def test_a_juvenile_who_died_of_injuries_counts_one(figures):
    assert [f[:2] for f in figures("Police say a juvenile injured in a shooting Monday has died of his injuries.")] == \
        [("killed", 1)]


def test_discovered_deceased_counts_the_person_discovered(figures):
    assert [f[:2] for f in figures("Upon arrival, deputies discovered a 20-year-old man, deceased from a gunshot wound.")] \
        == [("killed", 1)]


def test_a_list_the_parse_hangs_on_an_appositive_adds_up(figures):
    assert [f[:2] for f in figures("A mother, father, and toddler were found dead in the house.")] == [("killed", 3)]
    assert [f[:2] for f in figures("A man, a resident and father of three, was killed on Monday.")] == [("killed", 1)]


def test_a_killer_who_killed_himself_adds_to_his_victims_in_the_same_sentence(figures):
    assert [f[:2] for f in figures("A man fatally shot a woman and a girl, then killed himself.")] == [("killed", 3)]
    assert [f[:2] for f in figures("A 4-year-old girl accidentally shot herself in the face.")] == [("injured", 1)]


def test_a_headline_list_of_the_dead_adds_up(figures):
    assert [f[:2] for f in figures("TTP militants attacked a checkpost. 3 soldiers and 5 militants killed.")] == \
        [("killed", 8)]


def test_those_a_toll_includes_are_not_added_to_it(figures):
    assert [f[:2] for f in figures("7 people including an SP and the 3 militants were killed in the gunfight.")] == \
        [("killed", 7)]


def test_a_headline_toll_pair_reads_each_figure_before_its_word(figures):
    assert [f[:2] for f in figures("12 killed, 30 wounded in Kabul blast.")] == [("killed", 12), ("injured", 30)]


def test_both_counts_two_people_unless_it_heads_a_list_or_names_the_dead_again(figures):
    assert figures("Police shot and killed both gunmen.") == [("killed", 2, 2, 2, "both")]
    assert [(k, best) for k, best, *_ in figures("Joe and Jen were found dead, both having suffered gunshot wounds.")] \
        == [("killed", 2)]  # their fatal wounds
    assert [f[1] for f in figures("Both the driver and his passenger were killed.")] == [2]
    assert figures("Both sides suffered casualties in the fighting.") == []


def test_a_name_followed_by_a_list_of_companions_counts_them_all_not_a_bare_title(figures):
    assert [f[1] for f in figures("John Papadakis, his driver and a bank employee were injured in the blast.")] == [3]
    title = "Senator Carlos Pizarro, political leader and former commander of the group, was killed."
    assert [f[1] for f in figures(title)] == [1]


def test_the_bodies_of_the_hostages_count_the_people_abducted_before(figures):
    found = figures("Gunmen abducted four engineers near the dam. The bodies of the hostages were found later.")
    assert [(k, best) for k, best, *_ in found] == [("killed", 4)]
    assert figures("Gunmen seized two towns in the north. The victims were killed.") == []


def test_the_victim_of_a_named_attacker_is_not_the_attacker_so_the_deaths_add(run):
    doc = run("The gunman killed the judge outside the court. The gunman was later shot dead by police.", stages=STAGES)
    assert combine(c for c in doc.casualties if c.kind == "killed").best == 2


def test_another_as_a_victim_counts_one(figures):
    assert [(k, best) for k, best, *_ in figures("One guard was killed and another was injured in the raid.")] \
        == [("killed", 1), ("injured", 1)]


def test_a_toll_of_another_kind_is_not_added_to_the_figure(figures):
    found = figures("In addition to the two police officers killed, three civilians were injured.")
    assert [(k, best) for k, best, *_ in found] == [("killed", 2), ("injured", 3)]


def test_those_named_after_what_a_toll_includes_add_to_it(figures):
    assert [f[:2] for f in figures("Five people, including a soldier, and four assailants were killed.")] == \
        [("killed", 9)]


def test_fatalities_that_include_people_count_them(figures):
    assert [(k, best) for k, best, *_ in figures("The fatalities included three soldiers and a civilian.")] \
        == [("killed", 4)]


def test_a_second_subject_after_and_is_a_conjunct_the_parse_split_off(figures):
    assert [f[1] for f in figures("Over 200 security personnel and 40 civilians were killed in the fighting.")] == [240]


def test_a_list_hung_on_an_appositive_adds_up(figures):
    assert figures("Ten students, two police officers and three assailants were killed.")[0][1] == 15
    assert figures("Forty passengers, three crew members and two hijackers died.")[0][1] == 45


def test_a_total_of_people_then_its_parts_is_not_added(figures):
    assert figures("Six people, four soldiers and two civilians were killed.")[0][1] == 6


def test_a_murder_suicide_counts_the_killer(figures):
    assert figures("Father kills son and daughter in murder-suicide")[0][1] == 3
    assert figures("Ogden woman shoots her husband, then herself in murder-suicide")[0][1] == 2
    assert figures("Girl, 6, killed by mother in triple murder-suicide")[0][1] == 4
    assert figures("Police are treating the deaths of the two brothers as a murder-suicide.")[0][1] == 2


def test_a_closing_tally_is_not_added_to_the_sides_it_sums(run):
    doc = run("Rebels attacked a police station, killing 6 policemen. 3 rebels were also killed. 9 fatalities.",
              published="2020-05-04")
    assert doc.events[0].killed.best == 9
    doc = run("Troops ambushed bandits near the river, killing 4 bandits. 4 fatalities.", published="2020-05-04")
    assert doc.events[0].killed.best == 4


def test_two_figures_on_one_noun_add_up_but_a_range_does_not(figures):
    assert figures("Four American and four Nigerien soldiers were killed.")[0][:2] == ("killed", 8)
    assert figures("Four or five soldiers were killed.")[0][:2] == ("killed", 4)


@pytest.mark.parametrize("text, best", [
    ("Assailants shot and killed six aid workers, their guide and their driver.", 8),
    ("Assailants shot and killed a Buddhist monk and a novice in the temple.", 2),
])
def test_guides_novices_and_monks_are_counted_in_lists(figures, text, best):
    assert figures(text)[0][:2] == ("killed", best)


def test_fatalities_coded_or_put_at_a_figure_are_a_toll(figures):
    assert figures("Heavy fighting broke out in the capital. Fatalities coded as 30.") == [("killed", 30, 30, 30, "30")]
    assert figures("A bomb went off at the market. Deaths were put at 12.") == [("killed", 12, 12, 12, "12")]


def test_a_figure_before_a_country_name_spacy_calls_a_percent_still_counts(figures):
    found = figures("At least 170 civilians and 13 United States service members were killed, and at least 150 "
                    "others were wounded.")
    assert ("killed", 183) in [(k, best) for k, best, *_ in found]


def test_conjoined_victims_with_a_clause_of_no_act_on_them_add_up(figures):
    found = figures("Tanaka and five Afghans traveling with him, including his driver, were killed.")
    assert [(k, best) for k, best, *_ in found] == [("killed", 6)]


def test_the_attacker_killed_along_with_the_victims_adds_to_the_toll(toll):
    assert toll("Two police officers were killed, along with the bomber.") == 3


def test_the_dead_of_a_while_clause_are_another_sides_and_add(toll):
    assert toll("Five Afghan soldiers were killed and three others were wounded, while 12 militants "
                "were killed in the fighting.") == 17


def test_captives_taken_away_are_not_counted_dead(figures):
    assert figures("Gunmen abducted six villagers near the market. The victims were taken across the border.") == []
    assert figures("The blast took 12 victims.") == [("killed", 12, 12, 12, "12")]


def test_the_figure_coders_give_is_the_tally_over_the_claims(toll):
    assert toll("Officials said 3 rebels were killed, while the rebels claimed to have killed 12 soldiers. "
                "(coded as 3 fatalities)") == 3


def test_a_body_of_people_under_a_figure_is_counted(figures):
    assert figures("2 police were killed and 3 injured.") == [("killed", 2, 2, 2, "2"), ("injured", 3, 3, 3, "3")]
    assert figures("Police said three crew died when the boat was hit.") == [("killed", 3, 3, 3, "three")]


def test_a_list_the_parse_hangs_on_after_is_still_the_passive_verbs_dead(toll):
    assert toll("The operation ended after 3 militants and 2 soldiers, including a captain, were killed.") == 5


def test_a_passer_by_is_a_person_the_toll_counts(toll):
    assert toll("A grenade went off outside a bakery in Tirana, wounding a passer-by.", "injured") == 1


def test_shot_dead_that_the_parse_reads_as_a_noun_still_counts_its_object(toll):
    assert toll("Two men on a scooter shot dead a shopkeeper in Lyari on Friday.") == 1


def test_an_attacker_police_shot_dead_in_a_conjunct_clause_adds_to_the_toll(toll):
    assert toll("An assailant killed a teacher at a school near Osorno. Soldiers stormed the school and shot the "
                "assailant dead; three soldiers were wounded in the exchange of fire.") == 2


def test_an_appositive_a_figure_includes_adds_no_one(toll):
    assert toll("Twelve people, among them the gunman and a guard, died and 30 were hurt.") == 12


def test_a_figure_told_in_all_is_the_toll_of_every_side(toll):
    assert toll("Six attackers were killed in the gunfight; in all, 40 people died.") == 40


def test_a_named_victim_and_counted_others_in_a_note_are_summed(toll):
    assert toll("The district governor and 6 others killed when a bomb hit his convoy near Khost.") == 7


def test_a_note_passive_without_was_counts_its_subject(toll):
    assert toll("Crude bombs hurled at a rally in Sylhet on Monday; a girl killed and more than 25 injured.") == 1


def test_a_note_that_someone_was_hacked_to_death_counts_that_person(toll):
    assert toll("Publisher Faisal Arefin hacked to death in his office in Dhaka on Saturday.") == 1
