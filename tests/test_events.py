"""Event assembly on real text: the whole pipeline, checked on the events it builds."""

from __future__ import annotations

import pytest

BOMBING = (
    "Car bomb kills 12 in Kabul\n\n"
    "A car bomb exploded near a police station in Kabul on Monday, killing 12 people. "
    "The blast also wounded 30 others, officials said. "
    "The Taliban claimed responsibility for the attack.\n\n"
    "In 2019, a suicide bomber killed 63 people at a wedding hall in Kabul."
)


@pytest.fixture(scope="module")
def bombing(run):
    return run(BOMBING, published="2024-03-06")


def violent(doc):
    return [e for e in doc.events if e.type != "statement"]


def test_mentions_of_one_bombing_become_one_event_with_its_counts(bombing):
    main = bombing.events[0]
    assert main.type == "explosions_remote_violence"
    assert main.killed is not None and main.killed.best == 12
    assert main.injured is not None and main.injured.best == 30
    assert sum(1 for e in violent(bombing) if e.date == "2024-03-04") == 1


def test_main_event_is_dated_by_the_weekday_and_placed_in_the_city(bombing):
    main = bombing.events[0]
    assert main.date == "2024-03-04"
    assert main.location is not None and main.location.country_code == "AF"
    assert main.location.name == "Kabul"


def test_claim_of_responsibility_makes_the_group_a_claimed_perpetrator(bombing):
    perps = {p.name: p for p in bombing.events[0].perpetrators}
    assert "Taliban" in perps
    assert perps["Taliban"].attribution == "claimed"


def test_recalled_attack_is_a_separate_background_event_with_its_own_year(bombing):
    older = [e for e in violent(bombing) if e.date == "2019"]
    assert len(older) == 1
    assert older[0].killed is not None and older[0].killed.best == 63
    assert older[0].subtype == "suicide_bomb"


def test_every_event_has_evidence_pointing_into_the_text(bombing):
    for e in bombing.events:
        assert e.evidence
        for s in e.evidence:
            assert bombing.text[s.start : s.end] == s.text


def test_day_after_dates_the_earlier_event_from_the_later_one(run):
    doc = run(
        "Gunmen attacked a market in Maiduguri on Friday, killing five traders. "
        "The attack came a day after soldiers clashed with Boko Haram fighters near Bama.",
        published="2024-06-09",
    )
    dates = {e.date for e in violent(doc)}
    assert "2024-06-07" in dates
    assert "2024-06-06" in dates


def test_an_attack_one_side_denies_is_kept_as_disputed_but_one_that_did_not_happen_is_not(run):
    disputed = run("A rebel radio said guerrillas attacked the farm. The army denied that guerrillas attacked the farm.")
    assert violent(disputed)
    absent = run("No one was killed and nobody attacked the convoy, police said.")
    assert not violent(absent)


def test_participants_in_a_markdown_heading_leave_the_markup_out(run):
    doc = run("# Suicide bomber kills 30 in Kohat\n\nA suicide bomber killed 30 people in Kohat on Friday.",
              published="2009-09-19")
    mentions = [p.mention for e in doc.events for p in e.perpetrators]
    assert mentions and not any(m.startswith("#") for m in mentions)


@pytest.mark.parametrize("text, kind", [
    ("Militants attacked an army checkpoint near Gao on Sunday, killing four soldiers.", "battles"),
    ("Gunmen attacked a police patrol in Zamfara on Sunday, killing two policemen.", "battles"),
    ("Gunmen attacked a village near Gao on Sunday, killing four farmers.", "violence_against_civilians"),
])
def test_an_attack_on_armed_forces_is_a_battle_and_on_civilians_is_violence_against_them(run, text, kind):
    [event] = violent(run(text, published="2024-03-06"))
    assert event.type == kind
    assert (event.subtype == "armed_clash") == (kind == "battles")


@pytest.mark.parametrize("text, accused", [
    ("Two car bombs exploded at a ministry in Mogadishu on Saturday, killing 20 people. "
     "The president blamed al-Shabaab.", "al-Shabaab"),
    ("A bomb exploded at a market in Kabul on Saturday, killing nine people. "
     "The government blamed the attack on the Taliban, who denied involvement.", "Taliban"),
])
def test_an_actor_blamed_after_the_attack_is_its_accused_perpetrator(run, text, accused):
    event = violent(run(text, published="2024-03-06"))[0]
    assert (accused, "accused") in {(p.name, p.attribution) for p in event.perpetrators}


def test_a_blamed_actor_who_is_no_named_actor_is_not_made_a_perpetrator(run):
    event = violent(run("A bomb exploded at a market in Kabul on Saturday, killing nine people. "
                        "Residents blamed poor security.", published="2024-03-06"))[0]
    assert all("security" not in p.mention for p in event.perpetrators)


def test_a_charge_for_the_act_is_the_same_event_not_a_new_one_on_the_charge_date(run):
    doc = run("A gunman killed 50 people at two mosques in Christchurch, New Zealand, on Friday. "
              "Brenton Tarrant, 28, was charged with murder on Saturday.", published="2019-03-16")
    [event] = violent(doc)
    assert event.date == "2019-03-15"
    assert ("Brenton Tarrant", "accused") in {(p.name, p.attribution) for p in event.perpetrators}


@pytest.mark.parametrize("text, kind", [
    ("Thousands of protesters clashed with police in Nairobi on Tuesday. At least 23 people were killed.",
     ("riots", "violent_demonstration")),
    ("Police shot dead five protesters in Khartoum on Monday.", ("protests", "excessive_force_against_protesters")),
    ("A mob lynched two men in Lagos on Sunday.", ("riots", "mob_violence")),
])
def test_violence_by_or_against_protesters_is_typed_as_acled_codes_it(run, text, kind):
    event = violent(run(text, published="2024-03-06"))[0]
    assert (event.type, event.subtype) == kind


def test_a_toll_of_a_natural_disaster_in_a_sentence_of_its_own_is_not_the_attacks(run):
    doc = run("The death toll from Sunday's landslide climbed to 40. Meanwhile, suspected Boko Haram fighters "
              "abducted 20 women near Gwoza on Monday.", published="2024-05-02")
    [event] = violent(doc)
    assert event.subtype == "abduction_forced_disappearance" and event.killed is None


def test_a_toll_in_a_sentence_of_its_own_is_the_main_attacks(run):
    doc = run("A car bomb exploded at a market in Kabul on Monday. The death toll climbed to 40.",
              published="2024-05-02")
    assert violent(doc)[0].killed.best == 40


def test_a_toll_after_an_arson_is_the_arsons_but_not_a_death_it_followed(run):
    doc = run("On 12 March 2016, gunmen stopped two buses near Temuco, ordered the passengers off and set the buses "
              "on fire. One driver was injured.", published="2016-03-13")
    assert doc.events[0].subtype == "looting_property_destruction" and doc.events[0].injured.best == 1
    doc = run("A crowd set fire to a police post in Gaya last night after a man held for questioning died in custody. "
              "Police said nobody was hurt.", published="2016-03-13")
    assert doc.events[0].subtype == "looting_property_destruction" and doc.events[0].killed is None


def test_the_ends_of_a_route_are_not_where_a_hijacking_near_a_town_was(run):
    doc = run("On 2 May 2017, gunmen hijacked a truck travelling from Kano to Maiduguri near Potiskum, Yobe state, "
              "Nigeria.")
    assert doc.events[0].location.name == "Potiskum"


def test_a_village_the_gazetteer_lacks_opening_an_address_is_where(run):
    doc = run("On 4 June 2017, assailants set fire to a school in Nijhumpara, Sunamganj district, Bangladesh.")
    location = doc.events[0].location
    assert location.name == "Nijhumpara" and location.country_code == "BD" and location.lat is not None


def test_a_day_in_the_lead_inside_a_vague_week_dates_the_event(run):
    doc = run("The sheriff's office identified the man who died in a shooting late last week.\n\n"
              "According to a news release, the man was shot once Friday at a home on Archer Road.",
              published="2016-11-07")
    assert violent(doc)[0].date == "2016-11-04"


def test_an_undated_unplaced_headline_is_the_leads_event_not_one_of_its_own(run):
    doc = run("3 Afghan Police Killed in Suicide Attack\n\nA suicide car bombing near a police training center in "
              "southern Afghanistan has killed three police officers, officials said on Monday.",
              published="2016-05-03")
    [event] = violent(doc)
    assert event.location is not None and event.location.country_code == "AF"


def test_the_day_a_siege_ended_does_not_date_it(run):
    doc = run("On Saturday, gunmen entered a shopping mall in Nairobi. "
              "At least 67 people were killed in the siege, which lasted until Tuesday.", published="2024-03-06")
    assert violent(doc)[0].date == "2024-03-02"


def test_a_short_note_tells_its_event_first_and_what_followed_after(run):
    doc = run("On 10 May 2021, militants fired dozens of rockets at Tel Aviv. "
              "Air strikes on Rafah later that day killed 20 people and wounded 40 others.",
              published="2021-05-12")
    assert doc.events[0].perpetrators and doc.events[0].perpetrators[0].mention == "militants"
    assert doc.events[0].killed is None


def test_what_rioters_burn_is_part_of_their_riot(run):
    doc = run("On Tuesday, rioters burned tyres and a bank in Shiraz over fuel prices.", published="2019-11-20")
    assert (doc.events[0].type, doc.events[0].subtype) == ("riots", "violent_demonstration")


def test_an_act_alleged_of_the_victims_is_not_the_act_of_the_sentence(run):
    doc = run("On Sunday, a mob lynched five men suspected of child kidnapping in a village near Dhule.",
              published="2018-07-02")
    assert (doc.events[0].type, doc.events[0].subtype) == ("riots", "mob_violence")
    assert len(violent(doc)) == 1


def test_the_attackers_own_dead_join_the_toll_of_their_attack(run):
    doc = run("Gunmen stormed a police post in Quetta on Monday. Two attackers were killed. "
              "The attack also killed one police officer.", published="2024-03-06")
    events = violent(doc)
    assert len(events) == 1 and events[0].killed is not None and events[0].killed.best == 3


def test_an_actor_officials_suspect_after_the_attack_is_its_suspected_perpetrator(run):
    doc = run("A bomb exploded at a market in Maiduguri on Tuesday, killing five people. "
              "Officials suspected Boko Haram.", published="2020-03-05")
    assert [(p.name, p.attribution) for p in doc.events[0].perpetrators] == [("Boko Haram", "suspected")]


def test_what_a_suspect_is_suspected_of_is_no_part_of_its_name(run):
    doc = run("A bomb exploded at a market in Maiduguri on Tuesday, killing five people. "
              "Officials suspected Boko Haram of being involved in the attack.", published="2020-03-05")
    assert [p.mention for p in doc.events[0].perpetrators] == ["Boko Haram"]


def test_the_group_blamed_is_the_armed_group_named_before(run):
    doc = run("Al-Shabaab has threatened hotels in the capital for months. On Monday, gunmen killed 12 people "
              "at a hotel in Mogadishu. The government blamed the group for the attack.", published="2024-03-06")
    attack = violent(doc)[0]
    assert ("al-Shabaab", "accused") in {(p.name, p.attribution) for p in attack.perpetrators}


def test_a_village_the_gazetteer_lacks_names_the_event_place_at_its_regions_point(run):
    doc = run("On 3 March 2021, Al Shabaab militants attacked an army base in Awdheegle (Lower Shabelle).",
              published="2021-03-05")
    place = doc.events[0].location
    assert place is not None and place.mention == "Awdheegle" and place.country_code == "SO"


@pytest.mark.parametrize("text, kind", [
    ("On 3 March 2021, rioters clashed with police in Shiraz. Police used batons and pepper spray to disperse them.",
     ("riots", "violent_demonstration")),
    ("On 3 March 2021, hundreds of people protested in Lagos against police brutality. "
     "Police fired live rounds at the crowd, killing two protesters.", ("protests", "excessive_force_against_protesters")),
    ("On 3 March 2021, a mob rioted and burned a police station in Jos.", ("riots", "mob_violence")),
])
def test_a_protest_and_the_violence_it_meets_or_turns_into_are_one_event(run, text, kind):
    doc = run(text, published="2021-03-04")
    assert [(e.type, e.subtype) for e in doc.events if e.type != "statement"] == [kind]


def test_a_word_for_the_role_is_no_target(run):
    doc = run("Gunmen shot and killed the victim in Kano on Monday.", published="2024-03-06")
    assert violent(doc) and "victim" not in {p.mention.lower() for e in doc.events for p in e.targets}


def test_tear_gas_used_to_disperse_a_protest_is_an_intervention_with_its_toll(run):
    doc = run("Thousands of students marched through Lagos on Friday to protest against rising fuel prices.\n"
              "Police fired tear gas to disperse the crowd, injuring five people.", published="2023-06-10")
    events = [e for e in doc.events if e.type != "statement"]
    assert [(e.subtype, e.injured.best if e.injured else None) for e in events] == [
        ("protest_with_intervention", 5)]


def test_a_shot_is_placed_where_it_struck_not_where_it_came_from(run):
    doc = run("On 4 May 2020, two rockets were fired from Gaza towards Sderot. No injuries were reported.",
              published="2020-05-05")
    assert doc.events[0].location.name == "Sderot"


def test_the_country_owning_a_target_is_not_where_it_was_hit(run):
    doc = run("A rocket was launched at the US embassy in Baghdad on Monday.", published="2020-05-05")
    assert doc.events[0].location.name == "Baghdad"


@pytest.mark.parametrize("text, kind", [
    ("Police clashed with opposition activists in Satkhira on Monday. 15 people were injured.",
     ("riots", "violent_demonstration")),
    ("Party supporters set fire to a bus in Chittagong on Monday.", ("riots", "violent_demonstration")),
    ("Villagers beat a suspected thief to death in Rangpur on Monday.", ("riots", "mob_violence")),
    ("Police shot dead two students in Dhaka on Monday.", ("violence_against_civilians", "attack")),
])
def test_crowds_doing_violence_riot_and_crowds_hurt_are_no_protest(run, text, kind):
    event = run(text, published="2015-03-04").events[0]
    assert (event.type, event.subtype) == kind


def test_a_city_attacked_in_an_address_places_the_event_in_its_province(run):
    doc = run("05/12/2017: Assailants attacked Farah city, Farah province, Afghanistan. No casualties were reported.",
              published="2017-05-13")
    assert doc.events[0].location.country_code == "AF" and doc.events[0].location.feature != "country"


@pytest.mark.parametrize("text, name", [
    ("On 1 May 2020, teachers held a rally in Lahore (Punjab) demanding salaries.", "Protesters (Pakistan)"),
    ("On 3 May 2020, a mob attacked a police station in Jos (Plateau).", "Rioters (Nigeria)"),
    ("On 3 May 2020, unidentified armed men killed a farmer in Tsafe (Zamfara).", "Unidentified Armed Group (Nigeria)"),
    ("On 2 May 2020, militants lobbed a grenade at a police post in Sopore (Jammu and Kashmir).",
     "Unidentified Armed Group (India)"),
    ("On 3 May 2015, opposition parties staged a sit-in in Birgunj demanding a new constitution.", "Protesters (Nepal)"),
])
def test_unnamed_actors_are_named_as_acled_codes_them(run, text, name):
    event = run(text, published="2020-05-04").events[0]
    assert name in [p.name for p in event.perpetrators]


def test_workers_who_protested_are_the_protesters_not_its_targets(run):
    event = run("Around 500 garment workers protested in Gazipur demanding unpaid wages.", published="2015-03-04").events[0]
    assert [p.mention for p in event.perpetrators] == ["Around 500 garment workers"] and not event.targets


def test_protesters_arrested_after_a_baton_charge_are_one_protest_with_intervention(run):
    doc = run("On 5 May 2020, doctors protested in Quetta over the lack of protective equipment. Police "
              "baton-charged the protesters and arrested several doctors.", published="2020-05-06")
    assert [(e.type, e.subtype) for e in doc.events] == [("protests", "protest_with_intervention")]


def test_an_ambush_that_kills_passengers_is_violence_against_civilians(run):
    event = run("Gunmen ambushed a bus near Kandahar on Monday, killing five passengers.", published="2020-05-06").events[0]
    assert event.type == "violence_against_civilians"
    event = run("Taliban fighters ambushed an army convoy in Helmand, killing five soldiers.", published="2020-05-06").events[0]
    assert event.type == "battles"


def test_the_towns_a_road_joins_do_not_place_a_protest_on_it(run):
    doc = run("On 27 April 2020, RMG workers blocked the Dhaka-Mymensingh highway at Gazipur (Gazipur, Dhaka) "
              "demanding unpaid wages.", published="2020-04-28")
    assert doc.events[0].location.name == "Gazipur"


@pytest.mark.parametrize("text, name", [
    ("12/16/2016: Assailants attacked a military post in Nassoumbou village, Sahel region, Burkina Faso.", "Nassoumbou"),
    ("01/25/2016: Bombers detonated explosives at a market in Bodo town, Far North region, Cameroon.", "Bodo"),
    ("05/07/2016: Assailants abducted 14 passengers from a bus on the Kunduz-Takhar highway in Ali Abad district, "
     "Kunduz province, Afghanistan.", "Ali Abad"),
])
def test_the_first_name_of_an_address_places_the_event(run, text, name):
    assert run(text, published="2018-01-01").events[0].location.name == name


def test_a_missile_fired_and_intercepted_is_disrupted_weapons_use(run):
    doc = run("On 1 May 2020, the Houthis fired a ballistic missile towards Marib city. Saudi air defences "
              "intercepted the missile. No casualties were reported.", published="2020-05-02")
    assert [(e.type, e.subtype) for e in doc.events] == [("strategic_developments", "disrupted_weapons_use")]


@pytest.mark.parametrize("text, subtype", [
    ("On 30 April 2020, a roadside bomb struck a civilian vehicle in Kandahar, killing two civilians.",
     "remote_explosive_landmine_ied"),
    ("On 7 May 2020, artillery shells landed in a village in Rakhine. Two civilians were killed.",
     "shelling_artillery_missile_attack"),
    ("On 4 May 2020, an army vehicle hit an IED near Gao. Three soldiers were killed.", "remote_explosive_landmine_ied"),
    ("On 5 May 2020, Afghan Air Force airstrikes targeted Taliban hideouts in Helmand, killing 12 militants.",
     "air_drone_strike"),
])
def test_the_weapon_that_struck_types_the_killing(run, text, subtype):
    event = run(text, published="2020-05-08").events[0]
    assert (event.type, event.subtype) == ("explosions_remote_violence", subtype)


def test_an_attack_on_an_army_position_is_a_battle(run):
    event = run("On 5 May 2020, militiamen attacked an army position near Bunia. Four were killed.",
                published="2020-05-08").events[0]
    assert event.type == "battles"


def test_forces_who_killed_the_attackers_did_not_do_the_attack(run):
    doc = run("05/12/2017: Assailants opened fire on a checkpoint in Kandahar city, Kandahar province, Afghanistan. "
              "Security forces killed two of the assailants. No group claimed responsibility.", published="2017-05-13")
    event = doc.events[0]
    assert [p.mention for p in event.perpetrators] == ["Assailants"]
    assert "assailants" not in [t.mention for t in event.targets]
    alone = run("Police shot dead two gunmen in Karachi on Monday.", published="2020-05-05").events[0]
    assert (alone.type, [p.mention for p in alone.perpetrators]) == ("battles", ["Police"])


def test_blame_reaches_an_arson(run):
    doc = run("05/14/2018: Assailants set fire to a school in Kumba city, Cameroon. No group claimed responsibility "
              "for the incident; however, sources attributed the incident to Boko Haram.", published="2018-05-15")
    assert ("Boko Haram", "accused") in {(p.name, p.attribution) for p in doc.events[0].perpetrators}


def test_a_groups_spokesperson_claiming_names_the_group(run):
    doc = run("05/12/2017: Assailants attacked a checkpoint in Ghazni city, Ghazni province, Afghanistan. Taliban "
              "spokesperson Qari Yousuf Ahmadi claimed responsibility for the incident.", published="2017-05-13")
    assert ("Taliban", "claimed") in {(p.name, p.attribution) for p in doc.events[0].perpetrators}


def test_police_firing_on_protesters_who_only_blocked_roads_is_excessive_force(run):
    doc = run("On 3 May 2021, police fired tear gas and live ammunition at protesters blocking roads in Cali. "
              "Three protesters were killed.", published="2021-05-04")
    assert (doc.events[0].type, doc.events[0].subtype) == ("protests", "excessive_force_against_protesters")
    riot = run("On 3 May 2021, protesters threw stones at police blocking roads in Cali. Police fired tear gas. "
               "Three protesters were killed.", published="2021-05-04")
    assert riot.events[0].type == "riots"


def test_an_attack_on_a_forces_headquarters_is_a_battle(run):
    doc = run("On 4 November 2020, TPLF forces attacked the ENDF Northern Command headquarters in Mekele.",
              published="2020-11-05")
    assert doc.events[0].type == "battles"
    charity = run("Gunmen attacked the headquarters of a charity in Kabul, killing four.", published="2020-11-05")
    assert charity.events[0].type == "violence_against_civilians"


@pytest.mark.parametrize("suspects, kind", [("dissident republicans", "individual"),
                                             ("right-wing death squads", "organization"),
                                             ("the Bangsamoro Islamic Freedom Fighters", "organization")])
def test_doers_suspected_by_description_are_suspected_perpetrators(run, suspects, kind):
    doc = run("04/02/2011: An explosive device detonated under a car, killing a police officer in Omagh town, "
              f"Tyrone county, Northern Ireland. No group claimed responsibility; however, {suspects} were suspected.",
              published="2011-04-03")
    found = {(p.mention, p.kind, p.attribution) for p in doc.events[0].perpetrators}
    assert (suspects, kind, "suspected") in found


def test_acts_joined_under_one_subject_are_one_event(run):
    doc = run("On 28 May 2020, rioters stormed and set fire to the Minneapolis Police Department's Third Precinct "
              "in Minneapolis (Hennepin, Minnesota).", published="2020-05-29")
    assert len([e for e in doc.events if e.type == "riots"]) == 1


def test_a_death_the_act_came_after_is_an_event_of_its_own(run):
    doc = run("Rioters set fire to a police station in Minneapolis on Thursday following the death of George Floyd.",
              published="2020-05-29")
    riot, death = doc.events[0], doc.events[1]
    assert riot.type == "riots" and riot.killed is None
    assert "George Floyd" in {p.mention for p in death.targets} and death.killed.best == 1
    fought = run("On 3 May 2020, army forces recaptured the town from the rebels after heavy fighting. "
                 "Six militants were killed.", published="2020-05-04")
    assert fought.events[0].subtype == "government_regains_territory" and fought.events[0].killed.best == 6


def test_a_group_the_writer_says_was_responsible_is_the_perpetrator(run):
    doc = run("02/11/2009: Assailants detonated a bomb at a market in Kandahar city, Kandahar province, Afghanistan. "
              "Four people were killed. Hezb-i-Islami was responsible for the incident.", published="2009-02-12")
    assert ("Hezb-i-Islami", "reported") in {(p.mention, p.attribution) for p in doc.events[0].perpetrators}
    held = run("A bomb exploded at a market in Kandahar, killing four. The governor holds nobody responsible for "
               "the attack yet.", published="2009-02-12")
    assert not [p for p in held.events[0].perpetrators if p.mention == "governor"]


@pytest.mark.parametrize("text, kind", [
    ("05/12/2017: Assailants destroyed a telecommunications tower in Andar district, Ghazni province, Afghanistan.",
     "strategic_developments"),
    ("05/12/2017: Two assailants on a motorcycle shot dead a journalist in Dhaka city, Dhaka division, Bangladesh.",
     "violence_against_civilians"),
])
def test_armed_men_destroying_or_shooting_dead_is_an_event(run, text, kind):
    assert run(text, published="2017-05-13").events[0].type == kind
    assert not run("The storm destroyed 40 houses in the village.", published="2017-05-13").events


@pytest.mark.parametrize("text, kind", [
    ("On 3 May 2020, protesters threw Molotov cocktails at the army in Tripoli.", ("riots", "violent_demonstration")),
    ("On 3 May 2020, militants hurled a grenade at a police post in Srinagar.", ("explosions_remote_violence", "grenade")),
    ("On 5 May 2020, police beat traders in Nairobi for violating the curfew.", ("violence_against_civilians", "attack")),
    ("On 5 May 2020, fighting between two militias in Ndele left 25 people dead.", ("battles", "armed_clash")),
    ("On 3 May 2020, a police officer shot dead a rider at a checkpoint in Lagos.", ("violence_against_civilians", "attack")),
    ("On 3 May 2020, police exchanged fire with gang members in Cali. Three suspects were killed.",
     ("battles", "armed_clash")),
])
def test_acled_types_of_news_notes(run, text, kind):
    event = run(text, published="2020-05-06").events[0]
    assert (event.type, event.subtype) == kind
    assert not run("Liverpool beat Chelsea on Sunday.", published="2020-05-06").events


def test_a_sit_in_names_its_protesters_and_a_may_day_rally_keeps_its_day(run):
    event = run("On 4 May 2020, health workers held a sit-in in Patiala.", published="2020-05-06").events[0]
    assert [p.mention for p in event.perpetrators][:1] == ["health workers"]
    event = run("On 1 May 2020, nurses held a May Day demonstration outside a hospital in Sacramento.",
                published="2020-05-06").events[0]
    assert event.date == "2020-05-01"


def test_bare_police_and_troops_are_the_event_countrys_forces(run):
    event = run("On 4 May 2020, police arrested 20 people for violating the curfew in Lahore.", published="2020-05-05").events[0]
    assert [p.name for p in event.perpetrators] == ["Police Forces of Pakistan"]


@pytest.mark.parametrize("text, kind", [
    ("On 4 May 2020, police fired live bullets at residents peacefully protesting the demolition of their homes "
     "in Nairobi. 3 people were injured.", ("protests", "excessive_force_against_protesters")),
    ("On 28 April 2020, residents threw stones at police in Cape Town during protests over food parcels.",
     ("riots", "violent_demonstration")),
    ("On 2 May 2020, migrant workers gathered near the station in Ahmedabad demanding trains. Police resorted "
     "to a lathi charge to disperse the crowd.", ("protests", "protest_with_intervention")),
    ("On 2 May 2020, the SDF dismantled an IED planted by ISIS cells near Al-Busayrah.",
     ("strategic_developments", "disrupted_weapons_use")),
])
def test_protests_met_with_force_and_foiled_bombs(run, text, kind):
    event = run(text, published="2020-05-10").events[0]
    assert (event.type, event.subtype) == kind


def test_suspected_militants_are_an_unidentified_armed_group_and_cadres_who_trigger_a_blast_did_it(run):
    event = run("On 7 May 2020, suspected militants lobbed a grenade at a police vehicle in Sopore (Baramulla, "
                "Jammu and Kashmir).", published="2020-05-10").events[0]
    assert "Unidentified Armed Group (India)" in [p.name for p in event.perpetrators]
    event = run("On 8 May 2020, CPI (Maoist) cadres triggered an IED blast targeting a CRPF patrol near Sukma.",
                published="2020-05-10").events[0]
    assert any("Maoist" in p.name for p in event.perpetrators)


@pytest.mark.parametrize("text, kind", [
    ("A 12 hour bandh was observed in Agartala.", ("protests", "peaceful_protest")),
    ("Agitators torched a police post in Gaur.", ("riots", "violent_demonstration")),
])
def test_south_asian_protest_words(run, text, kind):
    event = run(text, published="2015-03-04").events[0]
    assert (event.type, event.subtype) == kind


def test_strikers_are_protesters_and_security_forces_the_countrys_military(run):
    event = run("Nurses went on strike in Thiruvananthapuram demanding pay revision.", published="2015-03-04").events[0]
    assert [p.name for p in event.perpetrators] == ["Protesters (India)"]
    event = run("Security forces killed 3 militants in an exchange of fire in Quetta.", published="2015-03-04").events[0]
    assert [p.name for p in event.perpetrators] == ["Military Forces of Pakistan"]


def test_a_murder_suicide_is_a_killing_not_a_suicide_bombing(run):
    doc = run("Officials identified three people in an apparent murder-suicide in San Diego. "
              "A family of four died in a murder-suicide at their home.", published="2015-01-21")
    assert violent(doc) and all(e.type == "violence_against_civilians" for e in violent(doc))
    bombing = run("A suicide attack killed 12 soldiers in Kabul.", published="2015-01-21")
    assert violent(bombing)[0].subtype == "suicide_bomb"


def test_a_gun_that_went_off_fired_a_shot_not_a_bomb(run):
    doc = run("Three boys were playing with a gun when it went off in a home in Miami, police said.",
              published="2016-03-01")
    assert [e.type for e in violent(doc)] == ["violence_against_civilians"]
    blast = run("A bomb went off in a market in Kabul, killing five people.", published="2016-03-01")
    assert violent(blast)[0].type == "explosions_remote_violence"


def test_a_day_on_the_verb_of_saying_does_not_date_the_act_however_it_is_parsed(run):
    doc = run("17-year-old dies in shooting at a mall\n"
              "NAPLES, Fla. - A 17-year-old died after being shot in a car at the mall, the Naples Police "
              "Department said Tuesday.\n"
              "The shooting happened Monday evening at a parking garage.", published="2016-08-16")
    assert [e.date for e in violent(doc)] == ["2016-08-15"]


def test_a_day_on_a_later_step_of_the_story_does_not_date_the_act(run):
    doc = run("Officials Wednesday identified three people killed in an apparent murder-suicide in San Diego. "
              "The bodies were discovered during a welfare check late Tuesday morning.", published="2015-01-21")
    assert violent(doc)[0].date == "2015-01-20"


def test_the_definite_act_told_later_is_the_act_the_story_told_before(run):
    doc = run("The pastor for the family says they need prayer after a three-year-old shot himself in the chest "
              "Tuesday morning in Paulding County. (SOURCE: Pastor for family)\n\n\n"
              "The 911 call made after a 3-year-old boy shot and killed himself has been released.\n\n"
              "The shooting happened around 7 a.m. Tuesday at a home on Camp Circle in Dallas.\n\n"
              "The boy was taken to a hospital where he was pronounced dead.", published="2016-04-27")
    assert len(violent(doc)) == 1
    assert violent(doc)[0].date == "2016-04-26"
    assert violent(doc)[0].location is not None and violent(doc)[0].location.name == "Dallas"


def test_a_story_whose_lead_names_no_place_is_set_in_the_town_it_names_most(run):
    doc = run("A teenager is recovering after he was accidentally shot by a friend on Saturday night.\n\n"
              "The boy was taken to a hospital with a wound to his leg, police said.\n\n"
              "The friend told officers the gun went off while they were cleaning it.\n\n"
              "Neighbors said they heard a single shot. The family asked for privacy.\n\n"
              "Bristol police said no charges have been filed. The Bristol Police Department asks anyone "
              "with information to call. Officers from Harwinton assisted.", published="2016-05-02")
    main = violent(doc)[0]
    assert main.location is not None and main.location.name == "Bristol"


def test_a_day_the_act_governs_dates_it_before_the_day_of_the_clause_around_it(run):
    doc = run("Police arrested a man Monday in connection with a shooting that killed a teenager on Saturday night.",
              published="2016-04-12")
    assert [e.date for e in doc.events if e.type == "violence_against_civilians"] == ["2016-04-09"]


def test_an_attack_on_an_army_detachment_is_a_battle(run):
    doc = run("BIFF fighters attacked an army detachment in Datu Piang, Maguindanao.", published="2015-03-04")
    assert (violent(doc)[0].type, violent(doc)[0].subtype) == ("battles", "armed_clash")


def test_crude_bombs_hurled_by_party_workers_are_their_riot(run):
    doc = run("Party workers hurled crude bombs at each other in Bardhaman, injuring six people.", published="2015-03-04")
    assert violent(doc)[0].type == "riots"
    bombing = run("Militants exploded a bomb in a market in Peshawar, killing five people.", published="2015-03-04")
    assert violent(bombing)[0].type == "explosions_remote_violence"


def test_a_named_groups_gunmen_keep_the_groups_name_not_an_unidentified_one(run):
    doc = run("Abu Sayyaf gunmen killed two farmers in Patikul, Sulu.", published="2015-03-04")
    names = [p.name for p in violent(doc)[0].perpetrators]
    assert names and not any(n.startswith("Unidentified") for n in names)
    unnamed = run("Unidentified gunmen killed two farmers in Patikul, Sulu.", published="2015-03-04")
    assert [p.name for p in violent(unnamed)[0].perpetrators] == ["Unidentified Armed Group (Philippines)"]


def test_a_landmark_that_speaks_is_not_where_the_act_happened(run):
    doc = run("The Pentagon said a US drone strike killed five militants in Idlib province on Sunday.",
              published="2020-05-04")
    assert violent(doc)[0].location is not None and violent(doc)[0].location.name != "Pentagon"


def test_a_border_line_does_not_outrank_the_town_an_act_happened_in(run):
    doc = run("Pakistani troops shelled Indian posts along the Line of Control in Poonch.", published="2015-03-04")
    assert violent(doc)[0].location is not None and violent(doc)[0].location.feature == "city"


def test_the_story_town_is_in_the_country_and_state_most_of_its_places_are_in(run):
    doc = run("A mother and her two children were shot dead in their home on Sunday.\n\n"
              "Relatives said the family had no known history of disputes.\n\n"
              "Neighbors described them as quiet. A vigil is planned for Tuesday evening.\n\n"
              "The family had returned from a trip to Paris, and planned another to Paris.\n\n"
              "She grew up in Layton and moved to Roy, Utah, in 2010. Police in Roy are investigating.",
              published="2015-06-22")
    main = violent(doc)[0]
    assert main.location is not None and main.location.admin1 == "Utah"


def test_a_country_that_names_the_actor_does_not_place_the_act(run):
    doc = run("A US drone strike near Barawe killed Al Shabaab leader Ahmed Godane.", published="2014-09-02")
    location = violent(doc)[0].location
    assert location is None or location.country_code != "US"


def test_state_forces_firing_after_a_protest_is_the_protests_repression_with_its_toll(run):
    doc = run("Protesters took to the streets of Khartoum against the lifting of fuel subsidies. "
              "Security forces opened fire, killing 10.", published="2013-09-25")
    main = violent(doc)[0]
    assert (main.type, main.subtype) == ("protests", "excessive_force_against_protesters")
    assert main.killed is not None and main.killed.best == 10


def test_the_toll_told_after_a_crowds_arson_is_the_riots(run):
    doc = run("Protesters burned churches in Zinder over the cartoons. 5 killed.", published="2015-01-17")
    main = violent(doc)[0]
    assert main.type == "riots" and main.killed is not None and main.killed.best == 5


def test_an_attack_on_the_other_sides_positions_is_a_battle_whoever_attacks(run):
    rebels = run("SPLA-IO forces attacked government positions near Nasir.", published="2015-03-04")
    army = run("Government forces attacked rebel positions near Nasir.", published="2015-03-04")
    assert violent(rebels)[0].type == violent(army)[0].type == "battles"
    own_post = run("Soldiers opened fire at an army checkpoint in Kabul, killing a driver.", published="2015-03-04")
    assert violent(own_post)[0].type == "violence_against_civilians"


def test_who_fired_as_the_attacker_was_killed_did_not_do_the_attack(run):
    doc = run("A suicide bomber detonated explosives near a police station in Kabul. "
              "The assailant was killed after police opened fire.", published="2016-06-01")
    assert [p.mention for p in violent(doc)[0].perpetrators] == ["suicide bomber"]


STORY = ("{head}\nA 35-year-old man {lead}, police said.\nThe man's wife told reporters that he loved hunting.\n"
         "Neighbors described him as a quiet father of three.\nThe friend is cooperating with investigators.\n{late}")


def test_an_undated_shooting_takes_the_day_police_responded(run):
    doc = run(STORY.format(head="Man dies after accidental shooting in Dayton",
                           lead="died after he was accidentally shot by a friend",
                           late="Police got a 911 call from the home on Elm Street on Friday evening."),
              published="2016-10-24")
    assert violent(doc)[0].date == "2016-10-21"


def test_a_court_day_does_not_date_the_act(run):
    doc = run(STORY.format(head="Man charged in shooting of his friend",
                           lead="who accidentally shot his friend was in custody",
                           late="The man was arraigned on Friday."),
              published="2016-10-24")
    assert violent(doc)[0].date == "2016-10-24"


def test_the_pages_posting_date_does_not_date_the_act(run):
    doc = run("Posted 3:57 AM, May 26, 2015, by a staff writer\n\n"
              "YONKERS, N.Y. — A 4-year-old girl is in critical condition after she accidentally shot herself, "
              "a police source said.\n\nThe incident happened about 10:30 p.m. Monday in a multi-family home, police said.",
              published="2015-05-26")
    assert violent(doc)[0].date == "2015-05-25"


def test_a_time_closing_the_subjects_relative_clause_dates_that_clause(run):
    doc = run("Police identify boy killed by officer\nThe Columbus officer who shot and killed a 13-year-old in the "
              "east side neighborhood Wednesday night was identified as John Smith, a 9-year veteran.",
              published="2016-09-15")
    assert violent(doc)[0].date == "2016-09-14"


def test_a_day_after_the_act_a_charge_names_dates_the_act(run):
    doc = run("Police searching for man accused in deadly shooting\n"
              "Police in Waterbury are searching for a man accused in the deadly shooting of a 17-year-old on Saturday.",
              published="2016-11-10")
    assert violent(doc)[0].date == "2016-11-05"


def test_the_day_the_incident_was_reported_dates_it(run):
    doc = run("4 dead in shooting at hotel in Fairbanks\n\n"
              "The incident was reported at about 1:25 p.m. on Friday when an employee at the hotel called 911.",
              published="2016-11-26")
    assert violent(doc)[0].date == "2016-11-25"


def test_a_later_day_on_which_he_was_shot_dates_the_shooting_told_before(run):
    doc = run("The sheriff's office on Friday continued to investigate the accidental shooting of 3-year-old Gavin "
              "Stiles in Steamboat Springs.\n\nInvestigators plan to interview the parents, who were at home with "
              "Gavin when he was shot Thursday morning.", published="2016-07-15")
    main = violent(doc)
    assert main[0].date == "2016-07-14" and len(main) == 1


def test_the_town_a_given_title_names_places_the_act(run):
    text = ("ST. LOUIS (AP) — A teen was accidentally shot in the face at a home on Monday, deputies said. "
            "She was taken to a hospital in Poplar Bluff and then airlifted to St. Louis.")
    untitled = run(text, published="2015-12-22")
    titled = run(text, published="2015-12-22", title="Poplar Bluff teen recovering after accidentally being shot - KFVS12")
    assert untitled.events[0].location.name == "St. Louis"
    assert titled.events[0].location.name == "Poplar Bluff"


def test_a_title_name_inside_a_longer_name_places_nothing(run):
    text = "Deputies said a boy, 14, was fatally shot while hunting with his father near Collbran. Mesa is far away."
    doc = run(text, published="2016-10-24", title="Mesa County authorities: Boy fatally shot while hunting")
    assert doc.events[0].location.name != "Mesa"


def test_an_earlier_day_of_the_background_does_not_date_the_act(run):
    doc = run(STORY.format(head="Man dies after accidental shooting in Dayton",
                           lead="died after he was accidentally shot by a friend",
                           late="The family moved to Dayton on Oct. 3.\\nPolice got a 911 call from the home on "
                                "Friday evening."),
              published="2016-10-24")
    assert violent(doc)[0].date == "2016-10-21"


def test_an_act_placed_in_a_county_takes_the_county_town_the_story_names(run):
    doc = run("KNOXVILLE (WATE) – A man is dead after an apparent accidental shooting Friday afternoon in East Knox "
              "County. The Knox County Sheriff's Office was called to the home.", published="2016-10-24")
    assert violent(doc)[0].location.name == "Knoxville"


@pytest.mark.parametrize("summary", [
    "More than 8,000 people have been killed in the northwest since 2011.",
    "The violence has killed more than 8,000 people over the past decade.",
    "Bandits have killed 300 people in the state so far this year.",
    "Last year, more than 3,000 civilians were killed in such attacks across the country.",
])
def test_a_toll_summed_over_a_period_is_no_event_nor_its_count(run, summary):
    doc = run("Gunmen killed three villagers in Zamfara on Monday. " + summary, published="2020-05-04")
    assert [(e.killed.best if e.killed else None) for e in violent(doc)] == [3]


def test_a_recent_toll_in_the_perfect_is_still_an_event(run):
    doc = run("Gunmen have killed five people in an attack on a village in Zamfara, police said on Monday.",
              published="2020-05-04")
    assert violent(doc)[0].killed.best == 5


def test_people_killed_in_airstrikes_on_a_day_are_one_event(run):
    doc = run("Five civilians were killed in Saudi-led airstrikes on Saada on Monday.", published="2020-05-04")
    assert violent(doc)[0].killed.best == 5


@pytest.mark.parametrize("text", [
    "Al-Shabaab has carried out numerous attacks in Mogadishu.",
    "The Taliban have stepped up attacks on Afghan forces since the deal was signed in February.",
    "Boko Haram has killed more than 30,000 people in a decade-long insurgency.",
    "They have killed many people and they want to impose a new government.",
    "The constitution was drafted after the killing of over 70,000 Salvadorans.",
    "Arms have not changed an army that murdered the archbishop and thousands of civilians.",
])
def test_a_tally_of_many_acts_is_no_event(run, text):
    assert violent(run(text, published="2020-05-04")) == []


def test_victims_described_again_with_the_same_noun_are_one_target_unless_they_differ(run):
    from eventwire.events.assemble import one_per_referent
    from eventwire.model import Participant

    text = ("The nine US soldiers were wounded in the attack against US soldiers. Guerrillas wounded two "
            "policemen and three policemen. They hit Atlacatl battalion troops and Belloso battalion troops.")
    doc = run(text, stages=["docdate"])

    def victims(*mentions):
        found = [Participant(name=m, mention=m, kind="human", start=text.index(m), end=text.index(m) + len(m))
                 for m in mentions]
        return [p.mention for p in one_per_referent(found, doc)]

    assert victims("US soldiers", "The nine US soldiers") == ["The nine US soldiers"]
    assert victims("two policemen", "three policemen") == ["two policemen", "three policemen"]
    assert victims("Atlacatl battalion troops", "Belloso battalion troops") == [
        "Atlacatl battalion troops", "Belloso battalion troops"]


def test_a_note_whose_toll_follows_a_figure_keeps_the_dead_and_the_wounded_apart(run):
    doc = run("On 7 May 2020, LNA forces fired Grad rockets on the Zawiyat al-Dahmani area of Tripoli (Tripoli, "
              "Tripoli), killing 2 civilians and injuring 3. 2 fatalities.", published="2020-05-08")
    main = violent(doc)[0]
    assert (main.killed.best, main.injured.best) == (2, 3)


@pytest.mark.parametrize("text, town", [
    ("09/02/2016: An explosive device detonated at a night market on Roxas Avenue in Davao city, Davao del Sur "
     "province, Philippines. At least 15 people were killed.", "Davao"),
    ("04/20/2017: An assailant opened fire on a police van on the Champs-Elysees avenue in Paris city, "
     "Ile-de-France region, France. One police officer was killed.", "Paris"),
])
def test_a_town_the_text_calls_a_city_places_the_act_before_streets_and_works_named_with_it(run, text, town):
    assert violent(run(text))[0].location.name == town


def test_an_attack_on_the_members_of_a_known_force_is_a_battle(run):
    doc = run("On 29 April 2020, Taliban militants attacked ANDSF checkpoints in Chahar Bolak district (Chahar Bolak, "
              "Balkh). 6 ANDSF members were killed and 3 wounded.", published="2020-05-01")
    assert (violent(doc)[0].type, violent(doc)[0].subtype) == ("battles", "armed_clash")


def test_killing_a_named_commander_of_an_armed_group_is_a_battle_and_a_party_member_a_civilian(run):
    commander = run("On 6 May 2020, security forces killed Hizbul Mujahideen commander Riyaz Naikoo in Beighpora "
                    "(Awantipora, Jammu and Kashmir). 1 fatality.", published="2020-05-08")
    politician = run("On 6 May 2020, gunmen shot dead village head Ram Singh, a member of the ruling party, in Kupwara "
                     "(Kupwara, Jammu and Kashmir). 1 fatality.", published="2020-05-08")
    assert violent(commander)[0].type == "battles" and violent(politician)[0].type == "violence_against_civilians"


def test_many_killed_on_a_day_told_is_still_one_act(run):
    doc = run("Gunmen have killed many people in an attack on the village of Kuka on Sunday.", published="2020-05-04")
    assert violent(doc)[0].date == "2020-05-03"


def test_an_act_planned_since_a_month_is_still_an_act(run):
    doc = run("The car bomb attack on 6 December had been planned since September, police said.",
              published="2019-12-10")
    assert violent(doc)[0].date == "2019-12-06"


def test_a_road_between_two_towns_does_not_place_an_act_in_a_third(run):
    doc = run("On 27 April 2020, Taliban fighters ambushed a police convoy on the Kabul-Kandahar highway in Qalat, "
              "killing 4 policemen.", published="2020-05-01")
    assert violent(doc)[0].location.mention == "Qalat"


def test_armed_groups_clashing_as_factions_fight_a_battle(run):
    doc = run("On 1 May 2020, SDF fighters clashed with Turkish-backed factions near Ain Issa.", published="2020-05-02")
    assert (violent(doc)[0].type, violent(doc)[0].subtype) == ("battles", "armed_clash")


def test_rival_supporters_clashing_is_mob_violence_and_students_against_police_a_violent_demonstration(run):
    rivals = run("On 2 May 2020, supporters of two party factions clashed over relief distribution in Feni. "
                 "One person was killed.", published="2020-05-03")
    students = run("On 2 May 2020, students clashed with police in Dhaka.", published="2020-05-03")
    assert violent(rivals)[0].subtype == "mob_violence"
    assert violent(students)[0].subtype == "violent_demonstration"


def test_clashes_breaking_out_between_two_communities_are_mob_violence_by_both(run):
    doc = run("Clashes broke out between two communities in Ballabhgarh over construction of a mosque. "
              "Several houses were torched and 15 people injured.", published="2015-10-10")
    riot = violent(doc)[0]
    assert (riot.type, riot.subtype) == ("riots", "mob_violence")
    assert [p.mention for p in riot.perpetrators] == ["two communities"]


def test_a_death_in_the_attack_told_after_an_arson_is_the_arsons(run):
    doc = run("Assailants set fire to a mosque in Digana town, Kandy district, Sri Lanka, on Monday. "
              "One person was killed in the attack.", published="2018-03-06")
    acts = [e for e in doc.events if e.type != "statement"]
    assert len(acts) == 1 and acts[0].subtype == "looting_property_destruction" and acts[0].killed.best == 1


def test_a_protest_against_a_killing_does_not_take_its_toll(run):
    doc = run("Lawyers boycotted courts and staged a protest rally in Lahore against the killing of a colleague.",
              published="2015-03-06")
    assert doc.events[0].type == "protests" and doc.events[0].killed is None


def test_police_in_a_later_shootout_with_the_attacker_did_not_do_the_attack(run):
    doc = run("An assailant opened fire at a synagogue in Pittsburgh on Saturday. Eleven people were killed. "
              "The assailant was arrested after a shootout with police.", published="2018-10-28")
    assert [p.mention for p in violent(doc)[0].perpetrators] == ["assailant"]


def test_the_day_a_victim_died_of_his_injuries_does_not_date_the_blast(run):
    doc = run("03/04/2016: An explosive device detonated under a vehicle in Belfast city. The officer was injured "
              "in the blast and died of his injuries on March 15, 2016.", published="2016-03-20")
    assert [e.date for e in violent(doc)] == ["2016-03-04"]


def test_dying_of_a_gunshot_wound_on_a_day_dates_the_shooting(run):
    doc = run("A Woodville man died Sunday afternoon from a gunshot wound to his chest, deputies said.",
              published="2016-08-30")
    assert violent(doc)[0].date == "2016-08-28"


def test_villagers_wrecking_an_office_with_demands_is_a_violent_demonstration(run):
    doc = run("On 29 April 2020, villagers vandalised the office of the union chairman in Kaunia demanding relief.",
              published="2020-05-01")
    assert (doc.events[0].type, doc.events[0].subtype) == ("riots", "violent_demonstration")


def test_the_first_name_of_a_long_address_places_the_act(run):
    doc = run("01/28/2017: Assailants attacked a military detachment in Malita municipality, Davao Occidental "
              "province, Philippines. One soldier was killed.", published="2017-02-01")
    assert violent(doc)[0].location.mention == "Malita"


def test_a_country_over_the_border_is_not_where_the_act_was(run):
    doc = run("On 2 June 2022, militants attacked Tamboura Kibsi (Seytenga, Seno, Sahel), near the border with Niger, killing 10 "
              "civilians. 10 fatalities.", published="2022-06-03")
    assert violent(doc)[0].location.country_code == "BF"


def test_a_town_named_alone_places_an_act_before_one_inside_a_works_name(run):
    doc = run("On 4 May 2022, a mob beat a student to death at Shehu Shagari College of Education in Sokoto, "
              "Nigeria. 1 fatality.", published="2022-05-05")
    assert violent(doc)[0].location.name == "Sokoto"


def test_a_village_the_gazetteer_lacks_is_where_by_its_own_name_at_its_district_point(run):
    doc = run("02/14/2019: A suicide bomber attacked a convoy near Lethpora village, Pulwama district, Jammu and Kashmir "
              "state, India. Forty personnel were killed.", published=None)
    where = violent(doc)[0].location
    assert where.name == "Lethpora" and where.lat is not None


def test_those_killed_since_a_month_are_a_tally_not_the_act_the_note_tells(run):
    doc = run("On 30 May 2018, police opened fire on a march in Managua honouring mothers of protesters killed since "
              "April. 8 people were killed. 8 fatalities.", published="2018-06-01")
    act = violent(doc)[0]
    assert act.date == "2018-05-30" and act.killed.best == 8
    assert len(violent(doc)) == 1


def test_where_a_force_was_heading_is_not_where_it_acted(run):
    doc = run("On 4 April 2019, LNA forces advancing towards Tripoli entered Gharyan (Gharyan, Jabal al Gharbi) and "
              "took control of the town after brief skirmishes with local forces.", published="2019-04-05")
    assert violent(doc)[0].location.name == "Gharyan"


# ---------------------------------------------------------------- event types and sub-types (ACLED 2020)


def main_event(run, text, published="2021-03-10"):
    return run(text, published=published).events[0]


def test_entering_a_town_without_a_fight_is_a_non_violent_transfer_by_the_force_that_entered(run):
    e = main_event(run, "On 4 March 2021, government troops entered Tarhuna (Tarhuna, Murqub) without fighting "
                        "after the last militia convoys had left for Sirte.")
    assert (e.type, e.subtype) == ("strategic_developments", "non_violent_transfer_of_territory")
    assert any("troops" in (p.mention or "") for p in e.perpetrators)
    assert e.location is not None and e.location.name != "Sirte"


def test_forces_clearing_the_last_held_ground_regain_territory(run):
    e = main_event(run, "On 2 March 2021, the governor declared victory after army troops cleared the last pockets "
                        "of resistance in the eastern districts of the city.")
    assert (e.type, e.subtype) == ("battles", "government_regains_territory")
    e = main_event(run, "Soldiers cleared the last compound held by the rebels near the river on Monday.")
    assert (e.type, e.subtype) == ("battles", "government_regains_territory")


def test_police_clearing_an_area_is_no_territory_regained(run):
    doc = run("Police cleared the area around the station on Monday after a suspicious bag was found.",
              published="2021-03-10")
    assert not any(e.subtype == "government_regains_territory" for e in doc.events)


def test_a_town_overrun_after_an_army_raid_is_the_militants_territory_not_the_raid(run):
    e = main_event(run, "On 8 March 2021, ADF fighters overran the town of Kamango after a failed army raid "
                        "on their camp, taking over the market.")
    assert (e.type, e.subtype) == ("battles", "non_state_actor_overtakes_territory")


def test_who_takes_territory_decides_the_territory_subtype(run):
    e = main_event(run, "On 6 March 2021, Taliban fighters recaptured the district centre of Dand after heavy fighting.")
    assert e.subtype == "non_state_actor_overtakes_territory"
    e = main_event(run, "On 6 March 2021, Afghan army troops captured the district centre of Dand after heavy fighting.")
    assert e.subtype == "government_regains_territory"


def test_taking_up_positions_at_an_abandoned_base_establishes_a_base(run):
    e = main_event(run, "On 5 March 2021, Turkish troops took up positions at an airfield near Kobani that had been "
                        "vacated by French forces.")
    assert (e.type, e.subtype) == ("strategic_developments", "headquarters_or_base_established")


def test_tear_gas_and_rubber_bullets_that_injure_marchers_are_an_intervention(run):
    e = main_event(run, "On 3 March 2021, thousands of farmers marched on the capital. Police fired tear gas and "
                        "rubber bullets and used water cannon to push them back; several people were injured.")
    assert (e.type, e.subtype) == ("protests", "protest_with_intervention")


def test_live_fire_that_kills_protesters_is_excessive_force(run):
    e = main_event(run, "On 3 March 2021, thousands of people protested against the coup in Mandalay. Soldiers opened "
                        "fire with live ammunition on the crowd, killing four protesters.")
    assert (e.type, e.subtype) == ("protests", "excessive_force_against_protesters")


def test_protesters_arrested_is_a_protest_with_intervention(run):
    e = main_event(run, "On 7 March 2021, state troopers arrested 40 protesters outside the governor's mansion.")
    assert (e.type, e.subtype) == ("protests", "protest_with_intervention")


def test_angry_residents_who_block_a_road_and_vandalise_shops_are_a_mob(run):
    e = main_event(run, "On 9 March 2021, angry villagers blocked the highway and vandalised shops owned by migrants "
                        "in the town, a day after the killing of a local farmer.")
    assert (e.type, e.subtype) == ("riots", "mob_violence")


def test_workers_demanding_wages_who_vandalise_a_factory_riot(run):
    e = main_event(run, "On 9 March 2021, garment workers demanding unpaid wages clashed with police and vandalised "
                        "a factory in the industrial zone. 12 people were injured.")
    assert e.type == "riots"


def test_a_chlorine_cylinder_dropped_from_a_helicopter_is_a_chemical_weapon(run):
    e = main_event(run, "On 1 March 2021, a cylinder dropped by a government helicopter hit a house in the village. "
                        "Doctors said chlorine had been used. Six people were killed.")
    assert (e.type, e.subtype) == ("explosions_remote_violence", "chemical_weapon")


def test_intercepting_missiles_fired_by_a_group_is_one_disrupted_weapons_use(run):
    doc = run("On 5 March 2021, Saudi air defences intercepted two drones launched by the Houthis towards Jizan.",
              published="2021-03-10")
    violent_or_strategic = [e for e in doc.events if e.type != "statement"]
    assert len(violent_or_strategic) == 1
    e = violent_or_strategic[0]
    assert (e.type, e.subtype) == ("strategic_developments", "disrupted_weapons_use")
    assert any("Saudi" in (p.mention or "") for p in e.perpetrators)


def test_missiles_fired_then_intercepted_in_one_sentence_are_one_disrupted_event(run):
    doc = run("Militants fired three rockets at Ashkelon on Sunday, which were intercepted by air defences.",
              published="2021-03-10")
    kinds = [(e.type, e.subtype) for e in doc.events if e.type != "statement"]
    assert kinds == [("strategic_developments", "disrupted_weapons_use")]


def test_a_unilateral_ceasefire_is_a_change_of_activity_dated_when_announced(run):
    e = main_event(run, "On 2 March 2021, the president announced a unilateral ceasefire with the rebels from "
                        "15 March until the end of Ramadan.")
    assert (e.type, e.subtype) == ("strategic_developments", "change_to_group_activity")
    assert e.date == "2021-03-02"


def test_an_attack_that_only_burned_houses_is_property_destruction(run):
    e = main_event(run, "On 4 March 2021, soldiers raided the village of Kyauk Kan and set fire to some 40 houses "
                        "after the residents had fled.")
    assert (e.type, e.subtype) == ("strategic_developments", "looting_property_destruction")
    e = main_event(run, "On 4 March 2021, gunmen raided the village of Kyauk Kan and set fire to houses, "
                        "killing five villagers.")
    assert e.type == "violence_against_civilians"


def test_a_crowd_attacking_residents_with_machetes_is_mob_violence(run):
    e = main_event(run, "On 6 March 2021, youths armed with machetes attacked residents of a neighbouring "
                        "community, killing four people.")
    assert (e.type, e.subtype) == ("riots", "mob_violence")


def test_mobs_that_torch_houses_and_clash_with_each_other_are_mob_violence_despite_tear_gas(run):
    e = main_event(run, "On 6 March 2021, mobs torched shops and clashed with each other in the old town. "
                        "Police fired tear gas.")
    assert (e.type, e.subtype) == ("riots", "mob_violence")


def test_an_armed_strike_announced_by_a_group_is_a_change_of_activity(run):
    e = main_event(run, "On 5 March 2021, the ELN announced a three-day armed strike across Choco department.")
    assert (e.type, e.subtype) == ("strategic_developments", "change_to_group_activity")


def test_forces_entering_a_town_the_enemy_left_regain_it(run):
    e = main_event(run, "On 11 March 2021, Azerbaijani troops entered the town of Lachin after Armenian forces "
                        "withdrew from the area.")
    assert (e.type, e.subtype) == ("battles", "government_regains_territory")


def test_one_state_force_taking_a_base_of_another_keeps_the_verb_subtype(run):
    e = main_event(run, "On 12 March 2021, the RSF seized the SAF garrison headquarters in El Fasher after a "
                        "week-long siege.")
    assert e.subtype == "non_state_actor_overtakes_territory"


def test_vendors_clashing_with_municipal_police_riot(run):
    e = main_event(run, "On 2 March 2021, street vendors clashed with municipal police in the city centre over "
                        "evictions.")
    assert e.type == "riots"


def test_stone_pelting_answered_with_pellets_that_injure_is_a_riot(run):
    e = main_event(run, "On 6 March 2021, youths pelted stones at police in the old town. Police fired tear gas "
                        "and pellets, injuring several.")
    assert (e.type, e.subtype) == ("riots", "violent_demonstration")


def test_a_missile_launched_towards_a_city_is_shelling(run):
    e = main_event(run, "On 8 March 2021, the rebels launched a ballistic missile towards Jizan, which fell in a "
                        "farm, wounding two workers.")
    assert (e.type, e.subtype) == ("explosions_remote_violence", "shelling_artillery_missile_attack")


def test_a_raid_told_by_its_arrests_is_arrests(run):
    e = main_event(run, "On 7 March 2021, the SDF carried out a raid in the village of Thiban and arrested four "
                        "suspected ISIS members.")
    assert (e.type, e.subtype) == ("strategic_developments", "arrests")
    e = main_event(run, "On 7 March 2021, soldiers raided the village of Thiban, killing two men and arresting four.")
    assert e.subtype != "arrests"


def test_hundreds_of_people_demanding_relief_who_vandalise_an_office_riot(run):
    e = main_event(run, "On 9 March 2021, hundreds of people demanding food aid vandalised the council office.")
    assert (e.type, e.subtype) == ("riots", "violent_demonstration")


def test_a_toll_sentence_right_after_a_bombing_is_the_bombings(run):
    doc = run("A truck bomb exploded outside a hotel in Mogadishu on Sunday, where Minister Hassan Adan was meeting "
              "elders. At least 20 people, including Adan and the driver, were killed and dozens were wounded.",
              published="2024-03-06")
    found = violent(doc)
    assert len(found) == 1 and found[0].type == "explosions_remote_violence"
    assert found[0].killed.best == 20 and found[0].injured is not None


def test_a_verbless_tally_closing_a_report_is_the_reports(run):
    doc = run("Migrant-owned shops were looted in Pietermaritzburg during xenophobic violence. 3 people killed.",
              published="2024-03-06")
    assert len(violent(doc)) == 1
    main = doc.events[0]
    assert main.type == "riots" and main.killed.best == 3


def test_deaths_in_the_clash_told_later_add_to_the_fight(run):
    doc = run("On 3 May 2021, Taliban fighters attacked army posts in Marja, killing 4 soldiers. "
              "7 Taliban were killed in the clash.", published="2021-05-04")
    found = violent(doc)
    assert len(found) == 1 and found[0].type == "battles" and found[0].killed.best == 11


def test_an_encounter_with_a_force_is_a_clash(run):
    [event] = violent(run("Three gangsters were killed in an encounter with Rangers in Karachi on Monday.",
                          published="2024-03-06"))
    assert (event.type, event.subtype) == ("battles", "armed_clash")


def test_killing_a_former_soldier_at_home_is_violence_against_a_civilian(run):
    [event] = violent(run("Gunmen shot dead a former soldier at his home in Gao on Sunday.", published="2024-03-06"))
    assert event.type == "violence_against_civilians"


def test_demonstrators_who_beat_people_riot(run):
    event = violent(run("Supporters of the governor demonstrating outside the court in Lagos on Monday kicked and "
                        "punched two reporters.", published="2024-03-06"))[0]
    assert (event.type, event.subtype) == ("riots", "violent_demonstration")


def test_bombs_a_crowd_is_only_suspected_of_throwing_are_an_explosion_not_a_riot(run):
    event = violent(run("Assailants threw crude bombs at a rally in Dhaka on Monday, injuring five people. Activists "
                        "of a rival party were suspected of carrying out the attack.", published="2024-03-06"))[0]
    assert event.type == "explosions_remote_violence"


def test_live_fire_on_protesters_denouncing_something_is_excessive_force(run):
    event = violent(run("Soldiers opened fire with live ammunition on protesters denouncing the government in Basra "
                        "on Sunday, killing two.", published="2024-03-06"))[0]
    assert (event.type, event.subtype) == ("protests", "excessive_force_against_protesters")


def test_a_killing_protesters_demand_justice_for_is_no_event_of_the_report(run):
    doc = run("On Sunday, thousands of demonstrators gathered in the main square of Basra, calling for justice for "
              "the killing of activists last year.", published="2024-03-06")
    assert [(e.type, e.subtype) for e in doc.events] == [("protests", "peaceful_protest")]


def test_mortars_and_small_arms_against_a_base_with_fighting_is_a_clash(run):
    [event] = violent(run("On Monday, militants attacked a police base in Afgooye with mortars and small arms, and "
                          "fighting went on for two hours.", published="2024-03-06"))
    assert (event.type, event.subtype) == ("battles", "armed_clash")


def test_a_town_given_with_its_district_places_the_event_not_the_district(run):
    doc = run("On 20 March 2021, 4 soldiers were killed when a landmine struck their truck near Turbat in Kech "
              "district (Balochistan).", published="2021-03-21")
    assert doc.events[0].location.name == "Turbat"


def test_a_crowd_counted_in_lakhs_is_the_people_counted(run):
    event = run("On 3 March 2015, lakhs of farmers marched in Delhi demanding loan waivers.").events[0]
    assert [p.mention for p in event.perpetrators] == ["farmers"]


def test_who_deploys_in_positions_handed_over_takes_them(run):
    doc = run("On Friday, Russian military police deployed in two posts near Tal Tamr handed over by the Kurdish militia.")
    (event,) = doc.events
    assert event.subtype == "non_violent_transfer_of_territory"
    assert event.perpetrators[0].mention == "Russian military police"


def test_an_act_of_unknown_doer_amid_a_fight_is_by_an_unidentified_group_not_the_sides(run):
    doc = run("On Sunday, a mortar round struck a house near Kyauktaw, killing two children. "
              "It is unclear who fired the round amid clashes between the army and the rebels.")
    (event,) = doc.events
    assert event.subtype == "shelling_artillery_missile_attack"
    assert [(p.mention, p.name) for p in event.perpetrators] == [("who", "Unidentified Armed Group (Myanmar)")]


def test_what_an_act_spread_is_attributed_to_is_its_accused_doer(run):
    doc = run("On Tuesday, pamphlets attributed to al-Shabaab were distributed in Mandera, urging teachers to leave.")
    event = next(e for e in doc.events if e.trigger.text == "distributed")
    assert [(p.mention, p.attribution) for p in event.perpetrators] == [("al-Shabaab", "accused")]


@pytest.mark.parametrize("text", [
    "On Monday, an assailant stabbed two police officers outside the station in Lyon. "
    "Police shot the assailant in the arm and arrested him.",
    "On Monday, an assailant stabbed a shopkeeper in Lyon and then hid in a flat. "
    "Police stormed the flat and shot the assailant dead.",
])
def test_police_who_shot_and_arrested_an_assailant_are_not_the_attackers(run, text):
    event = run(text).events[0]
    assert event.perpetrators and not any("Police" in p.name for p in event.perpetrators)


def test_a_takeover_with_no_fighting_told_is_a_non_violent_transfer(run):
    doc = run("On Monday, the rebels took over three villages near the border after government troops withdrew. "
              "No fighting was reported.")
    event = doc.events[0]
    assert (event.type, event.subtype) == ("strategic_developments", "non_violent_transfer_of_territory")


def test_a_death_a_crowd_is_angered_by_is_not_its_riots_toll(run):
    event = run("On Monday, villagers angered by the killing of a teacher threw stones at the police station.").events[0]
    assert event.type == "riots"
    assert event.killed is None or event.killed.best == 0


def test_a_crowd_that_throws_firebombs_is_the_rioting_perpetrator(run):
    event = run("On Friday, a crowd threw petrol bombs at the town hall in Sfax, setting its doors on fire.").events[0]
    assert (event.type, event.subtype) == ("riots", "violent_demonstration")
    assert [p.mention for p in event.perpetrators] == ["crowd"]


def test_state_forces_firing_beside_a_protest_use_excessive_force_not_riot(run):
    event = run("On 7 May 2021, protesters in Karbala renewed demonstrations; riot police opened fire, killing 2.").events[0]
    assert (event.type, event.subtype) == ("protests", "excessive_force_against_protesters")


def test_arrests_by_a_named_police_force_beside_a_rally_are_an_intervention(run):
    doc = run("On 8 March 2021, teachers held a protest in Constitucion Square, Santiago; Carabineros arrested 20 "
              "people for breaking the curfew.")
    assert [(e.type, e.subtype) for e in doc.events] == [("protests", "protest_with_intervention")]


def test_a_truce_extended_to_the_end_of_a_month_is_dated_when_declared(run):
    event = run("On 4 May 2021, the rebels declared a unilateral ceasefire to the end of June.").events[0]
    assert event.date == "2021-05-04"


def test_raiders_killed_by_the_navy_were_armed_so_it_is_a_clash(run):
    event = run("On 12 May 2021, the navy intercepted gunmen arriving by boat near Puerto Cabello; six of the raiders "
                "were killed.").events[0]
    assert (event.type, event.subtype) == ("battles", "armed_clash")


def test_a_gathered_crowd_an_attack_hit_is_not_among_its_doers(run):
    doc = run("The group said two of its fighters had detonated their explosive vests in the crowd which had gathered "
              "at the shrine in Quetta on Friday for the anniversary of the saint's death.")
    event = next(e for e in doc.events if e.type == "explosions_remote_violence")
    assert event.perpetrators and not any("crowd" in p.mention for p in event.perpetrators)
