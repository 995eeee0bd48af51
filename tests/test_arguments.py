"""The arguments stage: perpetrators, targets and weapons read off the parse, as minimal noun phrases."""

import pytest

STAGES = ["triggers", "arguments"]
FULL = ["places", "actors", "triggers", "arguments"]


@pytest.fixture
def roles(run):
    """head word of a trigger -> (perpetrators, targets, weapons) as (mention, kind) / text lists."""

    def _roles(text, stages=STAGES):
        doc = run(text, stages=stages)
        out = {}
        for t in doc.triggers:
            assert all(doc.text[p.start:p.end] == p.mention for p in t.perpetrators + t.targets)
            assert all(doc.text[w.start:w.end] == w.text for w in t.weapons)
            out[t.span.text.split()[-1].lower()] = (
                {(p.mention, p.kind) for p in t.perpetrators},
                {(p.mention, p.kind) for p in t.targets},
                {w.text for w in t.weapons},
            )
        return out

    return _roles


def trigger(doc, text):
    """The document's trigger written `text`."""
    return next(t for t in doc.triggers if t.span.text == text)


def attributed(trig):
    """A trigger's perpetrators as (mention, kind, attribution), in order."""
    return [(p.mention, p.kind, p.attribution) for p in trig.perpetrators]


def test_active_subject_is_perpetrator_and_object_physical_target(roles):
    perps, targets, _ = roles("Guerrillas attacked the presidential farm on Tuesday.")["attacked"]
    assert perps == {("Guerrillas", "individual")}
    assert targets == {("presidential farm", "physical")}


def test_passive_by_agent_and_named_victim_without_title(roles):
    perps, targets, _ = roles("Jesuit priest Ignacio Ellacuria was murdered by uniformed men.")["murdered"]
    assert perps == {("uniformed men", "individual")}
    assert targets == {("Ignacio Ellacuria", "human")}


def test_weapon_from_with_phrase(roles):
    perps, targets, weapons = roles("Rebels attacked an electric power substation with rifles and grenades.")["attacked"]
    assert targets == {("electric power substation", "physical")}
    assert weapons == {"rifles", "grenades"}


def test_compound_state_actor_of_a_drone_strike(roles):
    perps, targets, _ = roles("The commander was killed by a US drone in 2020.")["killed"]
    assert perps == {("US", "organization")}
    assert targets == {("commander", "human")}


def test_demonym_on_nominal_trigger_names_the_state(run):
    doc = run("The leader died in an Israeli drone strike.", stages=STAGES)
    strike = trigger(doc, "drone strike")
    assert [(p.name, p.kind) for p in strike.perpetrators] == [("Israel", "organization")]


def test_group_members_give_individual_and_organization(roles):
    perps, targets, weapons = roles("Two IS members detonated their explosive belts in the crowd.")["detonated"]
    assert perps == {("Two IS members", "individual"), ("IS", "organization")}
    assert targets == {("crowd", "human")}
    assert weapons == {"explosive belts"}


def test_members_of_a_front_keep_the_of_phrase(roles):
    perps, _, _ = roles("members of the farabundo marti national liberation front attacked a bus.")["attacked"]
    assert ("members of the farabundo marti national liberation front", "individual") in perps
    assert ("farabundo marti national liberation front", "organization") in perps


def test_lowercase_text_shared_subject_and_physical_object(roles):
    found = roles("guerrillas killed a peasant in the town and burned a tank truck.")
    assert found["killed"][0] == {("guerrillas", "individual")}
    assert found["killed"][1] == {("peasant", "human")}
    assert found["burned"] == ({("guerrillas", "individual")}, {("tank truck", "physical")}, set())


def test_exploding_bomb_is_a_weapon_not_a_perpetrator(roles):
    perps, targets, weapons = roles("A car bomb exploded outside the embassy.")["exploded"]
    assert perps == set()
    assert targets == {("embassy", "physical")}
    assert weapons == {"car bomb"}


def test_claimed_responsibility_names_the_claimant(run):
    doc = run("The extraditables claimed responsibility for the kidnapping.", stages=STAGES)
    (kidnap,) = [t for t in doc.triggers if t.span.text == "kidnapping"]
    assert [(p.mention, p.attribution) for p in kidnap.perpetrators] == [("extraditables", "claimed")]


def test_accused_party_is_perpetrator_of_the_act(run):
    doc = run("The president blamed the rebels for the assassination of the mayor.", stages=STAGES)
    (act,) = [t for t in doc.triggers if t.span.text == "assassination"]
    assert [(p.mention, p.attribution) for p in act.perpetrators] == [("rebels", "accused")]
    assert [(p.mention, p.kind) for p in act.targets] == [("mayor", "human")]


def test_apposition_name_replaces_description(roles):
    _, targets, _ = roles("A senior Hamas leader, Saleh al-Arouri, was killed in Beirut.")["killed"]
    assert targets == {("Saleh al-Arouri", "human")}


def test_statement_speaker_behind_we_is_the_one_who_said_it(run):
    doc = run("The spokesman Randhir Jaiswal said: \u201cWe are shocked and saddened by the bombings.\u201d", stages=STAGES)
    (cond,) = [t for t in doc.triggers if t.subtype == "condolence"]
    assert [p.mention for p in cond.perpetrators] == ["Randhir Jaiswal"]


def test_place_and_time_attached_by_syntax(run):
    doc = run("Gunmen killed two farmers in Kabul on Wednesday.", stages=["dates", "places", "triggers", "arguments"],
              published="2024-01-04")
    (killed,) = [t for t in doc.triggers if t.span.text == "killed"]
    assert [doc.places[i].mention for i in killed.places] == ["Kabul"]
    assert [doc.times[i].value for i in killed.times] == ["2024-01-03"]


def test_attack_blamed_on_a_group_gives_an_accused_perpetrator(run):
    doc = run("The attack on the convoy has been blamed on members of the northern front.", stages=STAGES)
    (attack,) = [t for t in doc.triggers if t.span.text == "attack"]
    assert ("members of the northern front", "accused") in {(p.mention, p.attribution) for p in attack.perpetrators}


def test_commander_of_perpetrating_troops_is_a_perpetrator_too(roles):
    perps, targets, _ = roles("the peasants were captured by army troops commanded by colonel canas.")["captured"]
    assert ("army troops", "individual") in perps and ("army", "organization") in perps
    assert ("colonel canas", "individual") in perps  # a perpetrator keeps his rank


def test_hedges_and_ideologies_leave_the_group_name(roles):
    perps, _, _ = roles("Two engineers were kidnapped by the so-called maoist shining path group.")["kidnapped"]
    assert perps == {("shining path", "organization")}


def test_physical_target_keeps_owner_and_drops_quantity(roles):
    found = roles("the terrorists set fire to the offices of the local development corporation and damaged several homes.")
    assert ("offices of the local development corporation", "physical") in found["fire"][1]
    assert found["damaged"][1] == {("homes", "physical")}


def test_target_behind_a_part_noun(roles):
    _, targets, weapons = roles("A car-bomb exploded in front of the Chinese embassy.")["exploded"]
    assert targets == {("embassy", "physical")}  # minimal noun phrase: the demonym is left out
    assert weapons == {"car-bomb"}


def test_dates_and_places_are_not_participants(roles):
    perps, targets, _ = roles("On Saturday, gunmen attacked Kabul and killed two guards.")["attacked"]
    assert perps == {("gunmen", "individual")}
    assert targets == set()


def test_subject_of_died_is_a_victim(roles):
    perps, targets, _ = roles("Six soldiers died when a bomb exploded near their convoy.")["died"]
    assert perps == set() and targets == {("Six soldiers", "human")}


def test_bare_group_is_no_perpetrator_without_a_resolved_entity(roles):
    perps, _, _ = roles("The group attacked a police station with grenades.")["attacked"]
    assert perps == set()


def test_state_actors_act_but_cities_do_not(run):
    doc = run("The US drone strike killed him. The Manchester attack killed 22 people.",
              stages=["places", "actors", "triggers", "arguments"])
    by_text = {t.span.text: [p.name for p in t.perpetrators] for t in doc.triggers}
    assert by_text["drone strike"] == ["Military Forces of the United States"]  # a state strikes through its military
    assert by_text["attack"] == []


def test_who_planted_the_bomb_is_the_perpetrator(roles):
    perps, _, weapons = roles("The mayor died when a bomb planted by urban guerrillas exploded.")["planted"]
    assert perps == {("urban guerrillas", "individual")}
    assert weapons == {"bomb"}


def test_including_and_together_with_add_victims(roles):
    _, targets, _ = roles("Gunmen killed eight people, including two children and the mayor.")["killed"]
    assert {("two children", "human"), ("mayor", "human")} <= targets
    _, targets, _ = roles("The engineer, together with his driver, was kidnapped by rebels.")["kidnapped"]
    assert {("engineer", "human"), ("driver", "human")} <= targets


def test_by_phrase_the_parser_hung_on_the_noun_above_is_the_agent(roles):
    perps, _, _ = roles("The bodies of the priests murdered last friday by uniformed men were buried today.")["murdered"]
    assert perps == {("uniformed men", "individual")}


def test_a_perpetrator_keeps_his_military_rank_a_victim_loses_his_title(roles):
    perps, targets, _ = roles("Colonel Rene Ponce ordered the murder of President Juan Cerezo.")["murder"]
    assert ("Colonel Rene Ponce", "individual") in perps
    assert targets == {("Juan Cerezo", "human")}


def test_bare_counts_are_human_targets(roles):
    _, targets, _ = roles("The bomb killed 13 people and wounded 71.")["wounded"]
    assert targets == {("71", "human")}


def test_an_apposition_describing_a_named_victim_is_no_second_victim(roles):
    _, targets, _ = roles("Gunmen killed Jaime Pardo Leal, leader of the party, and his driver.")["killed"]
    assert ("Jaime Pardo Leal", "human") in targets and ("driver", "human") in targets
    assert ("leader", "human") not in targets


def test_a_bare_participle_reports_a_victim_not_an_actor(roles):
    _, targets, _ = roles("Two soldiers were killed and three wounded near the border.")["wounded"]
    assert targets == {("three", "human")}


def test_a_capture_of_weapons_during_a_battle_blames_nobody_for_the_battle(roles):
    found = roles("During the battle our units captured 46 rifles and two machineguns.")
    assert found["battle"] == (set(), set(), set())


def test_a_suicide_bomber_is_his_own_perpetrator_with_the_explosives_he_carried(roles):
    found = roles("A suicide bomber riding a motorcycle loaded with explosives hit a foot patrol.")
    perps, _, weapons = found["bomber"]
    assert perps == {("suicide bomber", "individual")}
    assert weapons == {"explosives"}
    _, _, weapons = roles("Police seized a truck loaded with dynamite after the attack.")["attack"]
    assert weapons == set()


def test_the_threatened_party_is_the_target_of_a_threat(roles):
    perps, targets, _ = roles("The rebels threatened the mayor of the town.")["threatened"]
    assert perps == {("rebels", "individual")} and targets == {("mayor", "human")}


def test_hostages_held_are_victims_and_not_blamed_for_their_captivity(roles):
    perps, targets, _ = roles("Ambassador Jesus Fernandez and two diplomats are still being held hostage.")["hostage"]
    assert perps == set()
    assert ("Jesus Fernandez", "human") in targets and ("two diplomats", "human") in targets


def test_members_named_after_their_group_in_brackets_are_individual_perpetrators(roles):
    perps, _, _ = roles("CPI (Maoist) cadres killed a villager in Dantewada.")["killed"]
    assert ("cadres", "individual") in perps and any(k == "organization" and "CPI" in m for m, k in perps)
    perps, _, _ = roles("Suspected Revolutionary Armed Forces of Colombia (FARC) members opened fire on soldiers.", FULL)["fire"]
    assert ("members", "individual") in perps and any(k == "organization" and "Revolutionary" in m for m, k in perps)


def test_unidentified_group_is_no_named_organization(roles):
    perps, _, _ = roles("An unidentified armed group killed two civilians.")["killed"]
    assert perps == {("unidentified armed group", "individual")}


def test_both_sides_of_a_clash_are_perpetrators(roles):
    perps, _, _ = roles("Clashes between the ELN and FARC dissidents left three dead.", FULL)["clashes"]
    assert {m for m, _ in perps} >= {"ELN", "FARC dissidents"}
    perps, _, _ = roles("Russian and Ukrainian forces exchanged artillery fire.")["fire"]
    assert perps and all(k == "organization" for _, k in perps)


def test_a_person_named_in_part_takes_the_full_name_of_the_report(roles):
    found = roles("Gunmen shot Senator Bernardo Jaramillo Ossa at the airport on Thursday. "
                  "Jaramillo was killed instantly.", stages=FULL)
    assert found["killed"][1] == {("Bernardo Jaramillo Ossa", "human")}


def test_a_lowercase_name_the_parse_splits_is_completed_from_its_words(roles):
    found = roles("unidentified men murdered jaime pardo leal on sunday. the assassins shot pardo leal three times.")
    assert found["shot"][1] == {("jaime pardo leal", "human")}


def test_a_part_two_full_names_share_is_left_alone(roles):
    found = roles("Jairo Otalora and his wife Stela Torrado de Otalora were in the car. "
                  "Otalora was killed by the gunmen.", stages=FULL)
    assert found["killed"][1] == {("Otalora", "human")}


def test_a_definite_description_takes_the_earlier_fuller_mention(roles):
    found = roles("Rebels burned a cargo plane at the airport on Monday. "
                  "Witnesses said the rebels destroyed the plane with grenades.")
    assert found["destroyed"][1] == {("cargo plane", "physical")}


def test_an_acronym_outside_the_actors_mentions_is_linked_to_its_entity(run):
    doc = run("the tupac amaru revolutionary movement (mrta) attacked the embassy. police said the mrta bombed the bank.",
              stages=FULL)
    ids = {p.mention: p.entity for t in doc.triggers for p in t.perpetrators}
    assert ids["mrta"] is not None and ids["mrta"] == ids["tupac amaru revolutionary movement"]


def test_an_activity_is_no_victim(roles):
    _, targets, _ = roles("the army waged a battle against drug trafficking.")["battle"]
    assert targets == set()


def test_armed_forces_keep_their_adjective(roles):
    perps, _, _ = roles("Witnesses said members of the armed forces shot three farmers near the border.")["shot"]
    assert ("armed forces", "organization") in perps


def test_nobody_claiming_responsibility_names_no_perpetrator(roles):
    found = roles("No group has claimed responsibility for the bombing of the market.")
    assert found["bombing"][0] == set()
    found = roles("The rebels have not claimed responsibility for the attack on the convoy.")
    assert found["attack"][0] == set()


def test_possessive_name_of_a_killing_is_not_its_doer(roles):
    found = roles("After Mendoza's assassination, the opposition suspended the talks.", stages=FULL)
    assert found["assassination"][0] == set()


def test_pronoun_we_is_not_the_united_states(roles):
    found = roles("The ministry tried to blame us for the attack on the hospital.", stages=FULL)
    assert found["attack"][0] == set()


def test_date_and_wire_section_mark_are_no_part_of_the_doer(roles):
    found = roles("Officials said that on 10 March suspected cartel gunmen murdered a judge.")
    assert ("cartel gunmen", "individual") in found["murdered"][0]
    found = roles("[TEXT] Unidentified individuals shot a journalist outside his home.")
    assert found["shot"][0] == {("Unidentified individuals", "individual")}


def test_attack_planned_and_carried_out_by_a_force(roles):
    found = roles("The kidnapping of the students was planned and carried out by the national police.")
    assert ("national police", "organization") in found["kidnapping"][0]


def test_bombings_of_an_air_force_are_its_acts(roles):
    found = roles("The bishop condemned the bombings of the air force in the northern provinces.")
    assert found["bombings"][0] == {("air force", "organization")}


def test_descriptive_group_keeps_its_head(roles):
    perps, _, _ = roles("A local businessman was kidnapped by a criminal group on Monday.")["kidnapped"]
    assert perps == {("criminal group", "organization")}


def test_reporter_pronoun_stands_for_the_reporter(roles):
    found = roles("The army reported that it arrested fifteen people in the capital.")
    assert ("army", "organization") in found["arrested"][0]
    found = roles('The army said that "they will arrest anyone" in the capital.')
    assert found["arrest"][0] == set()


def test_people_involved_in_an_act_are_its_perpetrators(roles):
    found = roles("Investigators said that two officers were involved in the murder of the judge.")
    assert ("two officers", "individual") in found["murder"][0]
    found = roles("Police are searching for the men involved in the attack on the mosque.")
    assert ("men", "individual") in found["attack"][0]


def test_people_suspected_of_an_act_are_suspects_not_a_group(run):
    doc = run("Police arrested ten people suspected of having detonated a car bomb.", stages=STAGES)
    assert attributed(trigger(doc, "detonated")) == [("ten people", "individual", "suspected")]


def test_an_unknown_number_of_fighters_are_individuals(roles):
    perps, _, _ = roles("An unknown number of rebels attacked the army post at dawn.")["attacked"]
    assert perps == {("unknown number of rebels", "individual")}


def test_road_after_on_is_the_scene_not_the_target(roles):
    found = roles("A bus driver was shot dead on the coastal highway.")
    assert found["shot"][1] == {("bus driver", "human")}
    found = roles("Rebels dynamited the road to the port.")
    assert ("road", "physical") in found["dynamited"][1]


def test_group_reporting_its_own_units_claims_their_act(run):
    doc = run("The rebel front reported that commando units attacked the garrison.", stages=STAGES)
    attacked = trigger(doc, "attacked")
    assert ("rebel front", "organization", "claimed") in {(p.mention, p.kind, p.attribution) for p in attacked.perpetrators}
    doc = run("Police said gunmen attacked the bank.", stages=STAGES)
    attacked = trigger(doc, "attacked")
    assert [(p.mention, p.kind) for p in attacked.perpetrators] == [("gunmen", "individual")]


def test_an_owner_of_the_responsibility_is_the_doer(roles):
    found = roles("The commission established the army's responsibility for the massacre of the villagers.")
    assert ("army", "organization") in found["massacre"][0]


def test_people_detained_in_raids_are_not_charged_with_the_raids(roles):
    found = roles("Hundreds of people were detained by the police in raids across the city.")
    assert found["raids"][0] == set()
    found = roles("Police arrested two men in connection with the murder of the judge.")
    assert ("two men", "individual") in found["murder"][0]


def test_spokesman_claiming_an_act_gives_his_group(run):
    doc = run("A spokesman of the Sinaloa cartel claimed responsibility for the assassination of the mayor.", stages=FULL)
    assert attributed(trigger(doc, "assassination")) == [("Sinaloa cartel", "organization", "claimed")]


def test_quoted_group_name_before_group_is_the_name(run):
    doc = run('The killing of the two aid workers was claimed by a self-styled "Red Dawn Brigades" group.', stages=STAGES)
    act = trigger(doc, "killing")
    assert [(p.mention, p.attribution) for p in act.perpetrators] == [("Red Dawn Brigades", "claimed")]


def test_what_unknown_attackers_wore_stays_in_their_mention(roles):
    perps, _, _ = roles("Gunmen dressed in black attacked the bus near the market.")["attacked"]
    assert perps == {("Gunmen dressed in black", "individual")}


@pytest.mark.parametrize("text, doers", [
    ("Five soldiers killed in Mali ambush", set()),
    ("Iraq bombing kills 12", set()),
    ("A US drone strike killed a commander in Somalia.", {"US"}),
    ("An Israeli ambush killed two fighters.", {"Israeli"}),
])
def test_a_country_before_an_act_is_its_doer_only_for_strikes_from_afar(run, text, doers):
    doc = run(text, published="2016-05-01")
    assert {p.mention for e in doc.events for p in e.perpetrators} == doers


def test_a_headline_without_were_makes_its_counted_subject_the_victims(run):
    doc = run("3 Afghan Police Killed in Suicide Attack", published="2016-05-01")
    assert not any("Police" in p.mention for e in doc.events for p in e.perpetrators)


def test_a_vehicle_named_before_the_act_in_a_headline_is_no_perpetrator(run):
    doc = run("Minibus bombing in Iraq kills nine, injures 24", published="2009-06-08")
    assert not any(p.mention == "Minibus" for e in doc.events for p in e.perpetrators)


@pytest.mark.parametrize("text, named", [
    ("Gunmen shot dead two men outside a bar in Tulsa on Saturday. The victims were identified as David Lecky, 34, "
     "and James Donnelly, 29.", {"David Lecky", "James Donnelly"}),
    ("guerrillas kidnapped two teachers in medellin. the victims were identified as david lecky, director of the "
     "columbus school, and james donnelly.", {"david lecky", "james donnelly"}),
])
def test_victims_identified_by_name_after_the_act_are_its_human_targets(run, text, named):
    doc = run(text, published="2016-05-01")
    assert named <= {p.mention for e in doc.events for p in e.targets if p.kind == "human"}


@pytest.mark.parametrize("text, doer", [
    ("A woman died Friday after her husband shot her during an argument at their home in Tulsa.", "husband"),
    ("Two people were wounded when a teenager fired into a crowd in Dayton.", "teenager"),
])
def test_a_person_word_who_does_the_act_is_an_individual_perpetrator(run, text, doer):
    doc = run(text, published="2016-06-20")
    assert (doer, "individual") in {(p.mention, p.kind) for e in doc.events for p in e.perpetrators}


# ---- GTD-/ACLED-style summaries -------------------------------------------------------------


def union(doc):
    """Every trigger's (targets, weapons) of a document, as (mention, kind) / text sets."""
    return ({(p.mention, p.kind) for t in doc.triggers for p in t.targets},
            {w.text for t in doc.triggers for w in t.weapons})


def test_admin_unit_word_is_never_a_target(roles):
    _, targets, _ = roles("Gunmen burned a clinic in Mosul city, Nineveh governorate, Iraq.")["burned"]
    assert targets == {("clinic", "physical")}


def test_object_of_targeting_is_the_target_of_the_act(roles):
    _, targets, weapons = roles("Assailants detonated an explosive device targeting a police vehicle in Basra.")["detonated"]
    assert targets == {("police vehicle", "physical")}
    assert weapons == {"explosive device"}


def test_car_bomb_targeting_a_convoy(roles):
    _, targets, weapons = roles("Militants detonated a car bomb targeting a military convoy near Sirte.")["detonated"]
    assert ("military convoy", "physical") in targets
    assert weapons == {"car bomb"}


def test_detonated_laden_vehicle_is_the_weapon_not_a_target(roles):
    _, targets, weapons = roles("A suicide bomber detonated an explosives-laden truck at a checkpoint.")["detonated"]
    assert targets == {("checkpoint", "physical")}
    assert weapons == {"explosives-laden truck"}


def test_booby_trapped_car_is_a_weapon(roles):
    _, targets, weapons = roles("A booby-trapped car exploded near the market, killing four shoppers.")["exploded"]
    assert targets == {("market", "physical")}
    assert weapons == {"booby-trapped car"}


def test_assailant_killed_with_the_victims_is_no_target(run):
    doc = run("Gunmen opened fire on a minibus near Jalalabad. Three passengers and one assailant were killed in the attack.",
              stages=STAGES)
    targets, _ = union(doc)
    assert ("Three passengers", "human") in targets
    assert not any("assailant" in m for m, _ in targets)


def test_bomber_counted_among_the_dead_is_no_target(run):
    doc = run("A suicide bomber blew himself up at a wedding. Nine people, including the bomber, were killed.",
              stages=STAGES)
    targets, _ = union(doc)
    assert ("Nine people", "human") in targets
    assert not any("bomber" in m for m, _ in targets)


def test_dead_fighters_called_by_the_attackers_word_are_no_targets(run):
    doc = run("Rebel militants stormed an army post in Beni. Two soldiers and six militants were killed.", stages=STAGES)
    targets, _ = union(doc)
    assert ("Two soldiers", "human") in targets
    assert ("six militants", "human") not in targets


def test_attacker_shot_by_police_stays_the_target_of_that_act(roles):
    found = roles("A gunman opened fire in a mall. Police shot the gunman.")
    perps, targets, _ = found["shot"]
    assert ("gunman", "human") in targets


def test_a_failed_plan_names_no_attackers(run):
    doc = run("Five militants were killed in an accidental blast. The militants tried to plant a bomb on a road.",
              stages=STAGES)
    targets, _ = union(doc)
    assert ("Five militants", "human") in targets


def test_multiword_weapons_keep_their_modifiers(run):
    doc = run("Police fired tear gas and rubber bullets at protesters in Nairobi.", stages=STAGES)
    _, weapons = union(doc)
    assert weapons == {"tear gas", "rubber bullets"}


def test_improvised_explosive_device_keeps_improvised(roles):
    _, _, weapons = roles("Insurgents detonated an improvised explosive device near a school.")["detonated"]
    assert weapons == {"improvised explosive device"}


def test_whoever_planted_the_mine_is_the_perpetrator(roles):
    perps, targets, weapons = roles(
        "A landmine planted by the Taliban struck a vehicle in Helmand, killing four civilians.")["killing"]
    assert ("Taliban", "organization") in perps
    assert targets == {("vehicle", "physical"), ("four civilians", "human")}
    assert weapons == {"landmine"}


def test_weapon_of_the_clause_an_outcome_hangs_on(roles):
    _, targets, weapons = roles("Police responded with tear gas and live ammunition, injuring 10 protesters.")["injuring"]
    assert targets == {("10 protesters", "human")}
    assert weapons == {"tear gas", "live ammunition"}


def test_weapons_the_attackers_used_told_after_the_act(run):
    doc = run("Militants attacked a hotel in Nairobi. The assailants used firearms and grenades.", stages=STAGES)
    _, weapons = union(doc)
    assert weapons == {"firearms", "grenades"}


def test_a_habit_of_using_weapons_is_no_act(run):
    doc = run("Militants attacked a hotel in Nairobi. Militants have been using grenades for years.", stages=STAGES)
    _, weapons = union(doc)
    assert weapons == set()


def test_village_chief_is_a_human_target(roles):
    _, targets, _ = roles("Assailants shot and killed a village chief in Kidal.")["killed"]
    assert targets == {("village chief", "human")}


def test_soldiers_killed_after_soldiers_attacked_stay_targets(run):
    doc = run("Soldiers attacked a rebel camp in Kivu. Four soldiers were killed.", stages=STAGES)
    targets, _ = union(doc)
    assert ("Four soldiers", "human") in targets


def test_named_building_is_a_physical_target_not_a_place(roles):
    _, targets, _ = roles("A suicide bomber detonated a bomb at the Serena Hotel in Kabul.")["detonated"]
    assert ("Serena Hotel", "physical") in targets


def test_warplanes_carrying_out_strikes_are_no_target_and_their_owner_acts(roles):
    perps, targets, _ = roles("Saudi-led coalition warplanes carried out air strikes on Houthi positions in Marib.")["strikes"]
    assert ("Saudi-led coalition", "organization") in perps
    assert targets == {("Houthi positions", "physical")}


def test_weapons_the_attackers_were_armed_with_told_after_the_act(run):
    doc = run("Gunmen stormed a hospital in Kabul. The attackers were armed with rifles and grenades.", stages=STAGES)
    _, weapons = union(doc)
    assert weapons == {"rifles", "grenades"}


def test_vehicle_driven_into_a_crowd_is_the_weapon(roles):
    _, targets, weapons = roles("An assailant drove a truck into a crowded market in Nice.")["drove"]
    assert weapons == {"truck"}
    assert ("crowded market", "physical") in targets


def test_light_verb_act_inside_a_building_hits_it(roles):
    _, targets, _ = roles("A gunman opened fire inside a nightclub in Orlando.")["fire"]
    assert targets == {("nightclub", "physical")}


def test_live_rounds_and_ballistic_missiles_are_weapons(run):
    doc = run("Police fired live rounds at demonstrators. Rebels fired a ballistic missile at the airport.", stages=STAGES)
    _, weapons = union(doc)
    assert weapons == {"live rounds", "ballistic missile"}


def test_hyphenated_weapon_modifiers_stay_whole(run):
    doc = run("A gunman killed 51 worshippers with semi-automatic rifles. Rebels attacked trucks with rocket-propelled grenades.",
              stages=STAGES)
    _, weapons = union(doc)
    assert weapons == {"semi-automatic rifles", "rocket-propelled grenades"}


def test_the_owner_of_a_firing_weapon_is_the_perpetrator(roles):
    perps, _, weapons = roles("Russian artillery shelled Kherson, killing two civilians.")["shelled"]
    assert ("Russian", "organization") in perps
    assert weapons == {"artillery"}
    perps, _, _ = roles("Russian army artillery shelled Kherson, killing two civilians.")["shelled"]
    assert ("Russian army", "organization") in perps


def test_an_arrested_gunman_stays_the_target_of_the_arrest(run):
    doc = run("A gunman killed two people in a bar. Police arrested the gunman on Friday.", stages=STAGES)
    arrest = next(t for t in doc.triggers if t.subtype == "arrests")
    assert [p.mention for p in arrest.targets] == ["gunman"]


def test_two_verbs_share_the_object_of_the_second(roles):
    found = roles("Villagers attacked and torched a police post in Kandhamal.")
    assert found["attacked"][1] == {("police post", "physical")}
    assert found["torched"][1] == {("police post", "physical")}


def test_whom_one_side_clashed_with_is_a_perpetrator_too(roles):
    perps, _, _ = roles("Nigerian troops clashed with Boko Haram militants near Gwoza on Friday.", FULL)["clashed"]
    assert {m for m, _ in perps} >= {"Nigerian troops", "Boko Haram militants"}


def test_supporters_of_parties_who_clash_are_individual_perpetrators(run):
    doc = run("Supporters of the BNP and the Awami League clashed in Feni, injuring 15 people.", stages=FULL)
    clash = trigger(doc, "clashed")
    assert ("Supporters of the BNP", "individual") in {(p.mention, p.kind) for p in clash.perpetrators}


def test_shot_dead_is_the_verbs_result_not_part_of_the_victims(run):
    doc = run("Police shot dead two students in Dhaka on Monday.", published="2015-03-04")
    assert [t.mention for t in doc.events[0].targets] == ["two students"]


def test_the_side_a_fight_was_with_is_its_perpetrator(roles):
    found = roles("Three rebels were killed in an encounter with DRG personnel in Bijapur on Monday.", FULL)
    assert ("DRG personnel", "individual") in found["encounter"][0]
    assert ("DRG personnel", "individual") in found["killed"][0]


def test_killed_in_crossfire_with_police_names_the_police(roles):
    perps, targets, _ = roles("A young man was killed in crossfire with police in Teknaf.", FULL)["killed"]
    assert ("police", "organization") in perps and ("young man", "human") in targets


def test_killed_with_a_weapon_names_no_perpetrator(roles):
    perps, _, weapons = roles("A shopkeeper was killed with a machete in the market.", FULL)["killed"]
    assert not perps and weapons == {"machete"}


def test_who_observed_went_on_or_called_a_strike_held_it(roles):
    assert ("Shopkeepers", "individual") in roles("Shopkeepers observed a shutter-down strike in Quetta.")["strike"][0]
    assert ("Teachers", "individual") in roles("Teachers of the state schools went on strike in Patna.")["strike"][0]
    perps = roles("A dawn-to-dusk bandh called by the opposition parties was observed in Imphal.")["bandh"][0]
    assert ("opposition parties", "organization") in perps


def test_a_group_word_after_a_known_group_is_that_group(run):
    doc = run("KIA forces attacked a military outpost in Hpakant on Friday.", stages=FULL)
    perps = trigger(doc, "attacked").perpetrators
    assert [(p.name, p.mention) for p in perps] == [("Kachin Independence Army", "KIA forces")]


def test_aircraft_that_pounded_a_target_are_their_forces_weapon_not_a_target(roles):
    perps, targets, _ = roles("Air force jets pounded militant hideouts in the valley, killing 12 militants.", FULL)["pounded"]
    assert not any(kind == "physical" and "jets" in m for m, kind in targets)
    assert any(kind == "organization" for _, kind in perps)


def test_a_passive_auxiliary_after_the_verb_is_a_misparse(roles):
    perps, _, _ = roles("Indonesian police arrested 5 suspected IS militants in Surabaya.", FULL)["arrested"]
    assert ("Indonesian police", "organization") in perps


def test_who_survived_an_attack_is_its_target_not_its_doer(roles):
    perps, targets, _ = roles("The governor survived an attack on his convoy near the border.")["attack"]
    assert not perps and ("governor", "human") in targets


def test_the_owner_of_a_vehicle_that_hit_a_mine_is_no_perpetrator(roles):
    found = roles("An army truck hit a landmine near the border, killing two soldiers.", FULL)
    assert not any(kind == "organization" for t in found.values() for _, kind in t[0])


def test_fire_from_a_group_names_the_group(roles):
    perps, _, _ = roles("A farmer was killed by sniper fire from the rebels near the river.", FULL)["killed"]
    assert ("rebels", "individual") in perps or ("rebels", "organization") in perps


def test_armed_men_of_any_description_who_attack_are_perpetrators(roles):
    perps, _, _ = roles("Armed herders attacked farmers in a village on Sunday.", FULL)["attacked"]
    assert ("Armed herders", "individual") in perps


def test_sides_of_fighting_that_broke_out_between_two_groups(roles):
    found = roles("Fighting broke out between the army and rebels in the north.")
    assert {m for m, _ in found["fighting"][0]} == {"army", "rebels"}


def test_bare_count_of_protesters_is_the_crowd(roles):
    found = roles("Thousands protested in the capital demanding the resignation of the president.")
    assert ("Thousands", "individual") in found["protested"][0]


def test_counted_dead_in_a_note_without_were_are_victims(roles):
    found = roles("Militants stormed a prison in the town. 8 guards killed.")
    assert found["killed"] == (set(), {("8 guards", "human")}, set())


def test_counted_dead_in_a_note_clause_after_a_semicolon_are_victims(roles):
    perps, targets, _ = roles("A mine struck an army truck near the border; one soldier killed, three wounded.")["killed"]
    assert not perps and ("one soldier", "human") in targets


@pytest.mark.parametrize("text, victim", [
    ("Journalist Omar Khan stabbed to death outside his home in the capital on Monday.", "Omar Khan"),
    ("Five pilgrims burned to death when their van was set on fire.", "Five pilgrims"),
])
def test_whoever_an_act_left_to_death_without_an_object_is_its_victim(run, text, victim):
    doc = run(text, stages=STAGES)
    assert not any(victim in p.mention or p.mention in victim for t in doc.triggers for p in t.perpetrators)
    assert any(p.mention == victim for t in doc.triggers for p in t.targets)


def test_elements_of_a_group_are_its_members(roles):
    perps = roles("Rebel elements looted shops in the town.")["looted"][0]
    assert ("Rebel elements", "individual") in perps


def test_coordinated_group_names_before_one_head_are_two_sides(roles):
    found = roles("Fighting broke out between SPLA and SPLA-IO forces in Malakal.", stages=FULL)
    assert {m for m, _ in found["fighting"][0]} == {"SPLA", "SPLA-IO forces"}


@pytest.mark.parametrize("text, victims, doer", [
    ("Three shepherds set off a mine left by the Taliban near Kandahar.", "Three shepherds", "Taliban"),
    ("Two farmers set off an explosive device planted by the rebels near the village.", "Two farmers", "rebels"),
])
def test_people_who_set_off_a_mine_someone_left_are_its_victims(roles, text, victims, doer):
    perps, targets, _ = roles(text, stages=FULL)["off"]
    assert (victims, "human") in targets
    assert {m for m, _ in perps} == {doer}


def test_armed_men_who_set_off_a_landmine_are_its_perpetrators(roles):
    perps, targets, _ = roles("Militants set off a landmine as an army patrol passed, killing two soldiers.")["off"]
    assert ("Militants", "individual") in perps


def test_every_name_of_a_listed_apposition_is_a_victim(roles):
    text = ("The two Italians, Roberto Roascio of Milan and Mario Accurso of Rome, together with "
            "Spaniard Francisco Puja, were taken hostage from the work site.")
    targets = {m for m, _ in roles(text, stages=FULL)["hostage"][1]}
    assert {"Roberto Roascio", "Mario Accurso", "Francisco Puja"} <= targets


def test_a_bombed_population_is_a_human_target(roles):
    targets = roles("Helicopters have been bombing the civilian population in the area.")["bombing"][1]
    assert ("civilian population", "human") in targets


def test_any_plural_crowd_that_protests_is_the_protest(roles):
    perps = roles("Entrepreneurs protested outside the city hall in Lviv against the lockdown.")["protested"][0]
    assert ("Entrepreneurs", "individual") in perps


def test_a_group_named_right_before_its_men_is_theirs_when_the_parse_reads_it_as_a_verb(run):
    doc = run("On 1 May 2020, IS militants attacked a police checkpoint in Khanaqin, killing 2 policemen.",
              published="2020-05-02")
    assert "Islamic State" in {p.name for p in doc.events[0].perpetrators}


def test_taking_hostages_claims_nothing(run):
    doc = run("Two assailants took hostages at a church in the town on Tuesday.", published="2016-07-27")
    assert {p.attribution for p in doc.events[0].perpetrators} == {"reported"}


def test_a_mine_stepped_on_is_a_weapon_and_no_target(run):
    doc = run("Two children were killed when they stepped on a mine in Kandahar province on Monday.",
              published="2020-05-05")
    event = doc.events[0]
    assert [w.text for w in event.weapons] == ["mine"] and "mine" not in {p.mention for p in event.targets}


def test_people_after_their_noun_killed_are_victims_of_the_killing(roles):
    perps, targets, _ = roles("We mourn with the families of the two police officers killed and of all those wounded.")["killed"]
    assert ("two police officers", "human") in targets and not perps


def test_a_device_abandoned_by_a_group_makes_those_who_set_it_off_its_victims(roles):
    perps, targets, _ = roles("Two farmers set off an explosive device abandoned by the rebels near the river.")["off"]
    assert ("Two farmers", "human") in targets
    assert ("rebels", "individual") in perps and ("Two farmers", "individual") not in perps


def test_what_an_act_is_said_to_follow_is_no_target(roles):
    _, targets, _ = roles("The bombing of the bridge follows the same line as earlier raids.")["bombing"]
    assert ("line", "physical") not in targets and ("bridge", "physical") in targets


def test_what_an_act_damaged_is_still_its_target(roles):
    _, targets, _ = roles("The explosion rocked the courthouse shortly after noon.")["explosion"]
    assert ("courthouse", "physical") in targets


def test_the_centre_of_a_city_is_where_a_bomb_went_off_not_what_it_hit(roles):
    _, targets, weapons = roles("A bomb exploded in the center of Cali on Sunday.", stages=FULL)["exploded"]
    assert ("center", "physical") not in targets and "bomb" in weapons


def test_those_the_responsibility_is_placed_on_are_accused_not_hit(run):
    doc = run("The report places the responsibility for the murder of the priests on two army officers.",
              stages=STAGES)
    murder = trigger(doc, "murder")
    assert ("two army officers", "individual", "accused") in attributed(murder)
    assert {p.mention for p in murder.targets} == {"priests"}


def test_a_truck_rigged_with_explosives_is_the_weapon_not_a_target(roles):
    _, targets, weapons = roles("A truck rigged with explosives exploded outside the ministry.")["exploded"]
    assert "truck" in weapons and ("truck", "physical") not in targets


def test_a_hyphenated_kinship_word_is_one_victim(roles):
    _, targets, _ = roles("The senator's brother-in-law was kidnapped on Monday.")["kidnapped"]
    assert ("brother-in-law", "human") in targets


def test_a_range_of_numbers_stays_in_the_perpetrators_mention(roles):
    perps, _, _ = roles("About 40 or 50 rebels attacked the garrison at dawn.")["attacked"]
    assert ("About 40 or 50 rebels", "individual") in perps


def test_a_past_tense_hung_on_a_noun_with_a_by_agent_is_passive():
    """The tagger may read "shot" in "Omar Haddad – shot dead by police –" as a past tense (VBD)."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from eventwire.events.arguments import passive

    words = ["Haddad", "–", "shot", "dead", "by", "police", "–", "fled"]
    doc = Doc(Vocab(), words=words, tags=["NNP", ":", "VBD", "JJ", "IN", "NNS", ":", "VBD"],
              deps=["nsubj", "punct", "acl", "oprd", "agent", "pobj", "punct", "ROOT"], heads=[7, 0, 0, 2, 2, 4, 0, 7])
    assert passive(doc[2])


def test_a_name_described_as_a_town_is_a_place_not_a_victim(roles):
    _, targets, _ = roles("in aucayacu, a small town 300 km from lima, guerrillas burned a clinic and a school, both of "
                          "them belonging to the mayor.")["burned"]
    assert targets == {("clinic", "physical"), ("school", "physical")}


def test_a_name_described_as_a_village_leader_is_still_a_victim(roles):
    _, targets, _ = roles("gunmen killed pedro ruiz, a village leader, on monday.")["killed"]
    assert ("pedro ruiz", "human") in targets


def test_a_group_an_attack_is_believed_to_have_been_carried_out_by_is_suspected(run):
    doc = run("No one claimed it, but the bombing is widely believed to have been carried out by the Red Brigades.",
              stages=FULL)
    assert ("Red Brigades", "organization", "suspected") in attributed(trigger(doc, "bombing"))


def test_people_who_were_neither_tried_nor_charged_are_not_accused(run):
    doc = run("Neither Juan Perez nor Ana Gil was charged with the killing of the judge.", stages=STAGES)
    assert attributed(trigger(doc, "killing")) == []


def test_police_hunting_a_bomber_are_not_the_doers_of_the_wounding(roles):
    perps, targets, _ = roles("Italian police are searching for a man thought to have left a rucksack holding a device "
                              "that went off on Sunday, wounding 9 people on a crowded shopping street in Turin.",
                              stages=FULL)["wounding"]
    assert ("9 people", "human") in targets and not perps


def test_the_authors_of_an_act_point_at_its_doers_and_are_none_themselves(roles):
    perps, _, _ = roles("The authors of the massacre were members of the army.")["massacre"]
    assert ("members of the army", "individual") in perps and ("authors", "individual") not in perps


def test_a_clause_with_its_subject_after_when_or_after_is_active_whatever_its_tag():
    """The tagger may read "attacked" in "after army troops attacked in the hamlet" as a participle (VBN)."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from eventwire.events.arguments import passive

    words = ["clashes", "began", "after", "troops", "attacked", "in", "hamlet"]
    doc = Doc(Vocab(), words=words, tags=["NNS", "VBD", "IN", "NNS", "VBN", "IN", "NN"],
              deps=["nsubj", "ROOT", "mark", "nsubj", "advcl", "prep", "pobj"], heads=[1, 1, 4, 4, 1, 4, 5])
    assert not passive(doc[4])


def test_all_of_a_list_held_responsible_are_accused(run):
    doc = run("we hold jose azcona's government and the armed forces high command responsible for this new terrorist "
              "attack.", stages=STAGES)
    found = attributed(trigger(doc, "attack"))
    assert ("government", "organization", "accused") in found and ("high command", "organization", "accused") in found


def test_the_group_the_doers_are_said_to_be_members_of_is_a_perpetrator(roles):
    perps, _, _ = roles("The gunmen who attacked the bus were members of the Zeta cartel.", stages=FULL)["attacked"]
    assert ("gunmen", "individual") in perps and ("Zeta cartel", "organization") in perps


def test_those_accused_of_being_the_authors_of_an_act_are_accused_of_it(run):
    doc = run("The minister accused two army officers of being the authors of the massacre.", stages=STAGES)
    assert ("two army officers", "individual", "accused") in attributed(trigger(doc, "massacre"))


def test_a_name_in_apposition_to_a_street_is_a_place_not_a_victim(roles):
    _, targets, _ = roles("The blast targeted a pharmacy on the main street Rue Victor Hugo, in what the mayor called "
                          "an attack.", stages=FULL + ["roles"])["blast"]
    assert ("pharmacy", "physical") in targets and not any(kind == "human" for _, kind in targets)


def test_a_hyphenated_title_is_no_part_of_the_name(run):
    doc = run("salvadoran president-elect juan ortiz condemned the killing of the judge.", stages=STAGES)
    assert attributed(trigger(doc, "condemned")) == [("juan ortiz", "individual", "reported")]


def test_a_bare_name_after_in_is_where_the_act_happened_not_a_victim(roles):
    _, targets, _ = roles("in addition, fmln fighters attacked atlacatl battalion troops in tonacatepeque.",
                          stages=FULL)["attacked"]
    assert targets == {("atlacatl battalion troops", "human")}


def test_a_person_named_after_near_with_his_title_is_still_a_victim(roles):
    _, targets, _ = roles("A bomb exploded near Mayor Gomez, wounding him.", stages=FULL)["exploded"]
    assert ("Gomez", "human") in targets


def test_a_participle_before_an_act_is_no_group_whatever_its_stem(roles):
    perps, _, _ = roles("The commission on forced disappearances met on Monday.")["disappearances"]
    assert perps == set()


def test_the_bare_name_after_a_battle_is_where_it_was_fought(roles):
    found = roles("eighteen soldiers captured during the battle of el nisperal were released.", stages=FULL)
    assert found["battle"][0] == set()
    found = roles("during the el nisperal battle our units captured 46 rifles.", stages=FULL)
    assert found["battle"][0] == set()


def test_a_known_group_after_a_clash_fought_in_it(roles):
    perps, _, _ = roles("the clashes of the fmln with the army left ten dead.")["clashes"]
    assert ("fmln", "organization") in perps


def test_a_units_number_stays_in_its_name_when_the_parse_hangs_it_on_the_men(roles):
    found = roles("According to the report, 1st infantry brigade soldiers arrested the 24 coup plotters.")
    perps = found["arrested"][0]
    assert ("1st infantry brigade", "organization") in perps


def test_a_calibre_stays_in_the_weapon_but_a_count_does_not(roles):
    _, _, weapons = roles("Guerrillas shot the guard with a .38 caliber revolver and two 60 mm mortars.")["shot"]
    assert weapons == {".38 caliber revolver", "60 mm mortars"}


def test_the_leaders_of_an_act_named_across_a_copula_did_it(roles):
    perps, targets, _ = roles("Officials said the leaders of the riot were Juan Perez and Pedro Gomez.")["riot"]
    assert perps == {("Juan Perez", "individual"), ("Pedro Gomez", "individual")} and targets == set()


def test_people_held_as_suspects_in_an_act_are_its_suspected_perpetrators(run):
    doc = run("The police detained two men who are being held as suspects in the murder of the mayor. "
              "Two soldiers are suspects in the killing of the priest.", stages=STAGES)
    assert attributed(trigger(doc, "murder")) == [("two men", "individual", "suspected")]
    assert attributed(trigger(doc, "killing")) == [("Two soldiers", "individual", "suspected")]


def test_a_units_number_after_no_stays_in_its_name(roles):
    found = roles("maclovia gonzalez was captured on 4 january by military detachment no 4 troops at dawn.")
    perps = found["captured"][0]
    assert ("military detachment no 4", "organization") in perps


def test_weapons_said_to_have_been_used_after_an_act_are_its_weapons(roles):
    found = roles("A bomb exploded at a market, killing five people. Police said 20 kg of dynamite had been used.")
    assert "dynamite" in found["killing"][2]


def test_weapons_in_use_as_a_habit_are_no_acts(roles):
    found = roles("A bomb exploded at a market, killing five people. Rifles have been used in the region for years.")
    assert "Rifles" not in found["killing"][2]


def test_a_with_phrase_before_a_bare_participle_names_who_suffered_it(roles):
    found = roles("Six soldiers were killed with two other Americans and an Afghani injured.")
    assert found["injured"][1] == {("two other Americans", "human"), ("Afghani", "human")}
    assert found["killed"][1] == {("Six soldiers", "human")}


def test_people_named_by_their_nation_are_human_targets(roles):
    _, targets, _ = roles("Two Americans were killed by a roadside bomb.")["killed"]
    assert targets == {("Two Americans", "human")}


def test_a_group_with_its_acronym_in_brackets_before_its_men_is_a_perpetrator(run):
    doc = run("On 28 November 2020, Boko Haram (JAS) militants tied up and killed at least 43 rice farmers working in "
              "fields near Zabarmari (Jere, Borno).", published="2020-11-29")
    assert "Boko Haram" in {p.name for p in doc.events[0].perpetrators if p.kind == "organization"}


def test_guards_of_an_embassy_name_no_group(run):
    for t in ("The farmer was shot dead by Cuban embassy guards outside the gate.",
              "the farmer was shot dead by cuban embassy guards outside the gate."):
        doc = run(t, stages=FULL)
        perps = {(p.mention.lower(), p.kind) for tr in doc.triggers for p in tr.perpetrators}
        assert perps == {("cuban embassy guards", "individual")}


def test_a_unit_keeps_the_words_the_parse_hung_on_its_men(run):
    for t in ("Three smugglers were detained by Carabineros OS-9 department personnel near the port.",
              "three smugglers were detained by carabineros os-9 department personnel near the port."):
        doc = run(t, stages=FULL)
        orgs = {p.mention.lower() for tr in doc.triggers for p in tr.perpetrators if p.kind == "organization"}
        assert "carabineros os-9 department" in orgs and "department" not in orgs


def test_one_craft_of_a_model_is_no_group(run):
    for t in ("An F-5 has been strafing the guerrilla camps since noon.",
              "an f-5 has been strafing the guerrilla camps since noon."):
        doc = run(t, stages=FULL)
        assert not [p for tr in doc.triggers for p in tr.perpetrators]


def test_a_tie_to_the_inquiry_into_an_act_is_no_suspicion(run):
    for t in ("The vote on the loan to Peru, which is linked to the findings of the investigation of the murder "
              "of the judge, was delayed.",
              "the vote on the loan to peru, which is linked to the findings of the investigation of the murder "
              "of the judge, was delayed."):
        doc = run(t, stages=FULL)
        assert not trigger(doc, "murder").perpetrators
    doc = run("Two officers were linked to the murder of the judge.", stages=FULL)
    assert attributed(trigger(doc, "murder")) == [("Two officers", "individual", "suspected")]


def test_a_name_with_a_person_word_before_it_is_an_individual(run):
    doc = run("Police broke up a march organized by radical preacher Mizanur Rahman, a convicted recruiter.", stages=FULL)
    assert attributed(trigger(doc, "march")) == [("Mizanur Rahman", "individual", "reported")]


def test_a_leaders_name_is_no_group_inside_it(run):
    for t in ("The leaders of the riot were Carlos Reyes Granados, Marco Santizo Linares, and Victor Veliz Duarte.",
              "the leaders of the riot were carlos reyes granados, marco santizo linares, and victor veliz duarte."):
        doc = run(t, stages=FULL)
        assert all(p.kind == "individual" for p in trigger(doc, "riot").perpetrators)


def test_a_cartel_boss_is_a_named_individual_and_his_cartel_a_group(run):
    for t in ("The bomb was planted by Medellin Cartel boss Pablo Escobar.",
              "the bomb was planted by medellin cartel boss pablo escobar."):
        doc = run(t, stages=FULL)
        assert {(p.mention.lower(), p.kind) for p in trigger(doc, "planted").perpetrators} == {
            ("pablo escobar", "individual"), ("medellin cartel", "organization")}


def test_an_act_the_parse_hangs_on_an_address_takes_the_clauses_doer_not_the_place(run):
    doc = run("Assailants on motorcycles attacked Birane village, Zurmi local government area, Zamfara state, "
              "Nigeria, shooting residents.", stages=FULL)
    assert [p.mention for p in trigger(doc, "shooting").perpetrators] == ["Assailants"]


def test_a_man_acting_outside_his_force_does_not_make_it_the_perpetrator(run):
    for t in ("An off-duty police officer shot and killed the ambassador at the exhibition.",
              "an off-duty police officer shot and killed the ambassador at the exhibition."):
        doc = run(t, stages=FULL)
        assert {p.kind for p in trigger(doc, "shot").perpetrators} == {"individual"}
    doc = run("FMLN guerrillas attacked a police post in San Miguel.", stages=FULL)
    assert "organization" in {p.kind for p in trigger(doc, "attacked").perpetrators}


def test_the_craft_of_an_air_strike_is_no_target_and_its_force_the_doer(run):
    doc = run("On 3 May 2023, a military jet bombed a crowd gathered for a meeting in a village in Sagaing, Myanmar.",
              published="2023-05-04")
    strike = next(t for t in doc.triggers if t.span.text == "bombed")
    assert not any("jet" in p.mention for p in strike.targets)
    assert [p.mention for p in strike.perpetrators] == ["military"]


def test_the_parties_to_an_agreement_are_its_actors(roles):
    signed = roles("The government and the rebel front signed an agreement in Addis Ababa.")["agreement"][0]
    assert {m for m, _ in signed} == {"government", "rebel front"}
    agreed = roles("The army agreed to a ceasefire with the militia.")["ceasefire"][0]
    assert {m for m, _ in agreed} == {"army", "militia"}


def test_tying_up_victims_is_no_charge_and_the_noun_the_parse_made_the_doer_acts(run):
    doc = run("11/28/2020: Assailants tied up and killed farmers harvesting rice near Koshobe village, Jere local "
              "government area, Borno state, Nigeria.")
    killed = next(t for t in doc.triggers if t.span.text == "killed")
    assert [(p.mention, p.attribution) for p in killed.perpetrators] == [("Assailants", "reported")]


def test_an_actor_before_the_means_of_an_act_noun_did_it(run):
    doc = run("On 13 August 2023, an ENDF drone strike hit a square in Finote Selam.", published="2023-08-14")
    strike = next(t for t in doc.triggers if t.span.text == "drone strike")
    assert [p.mention for p in strike.perpetrators] == ["ENDF"]


def test_men_armed_with_weapons_the_parse_made_the_subject_attacked(roles):
    doers = roles("On 25 August 2017, ARSA militants armed with guns, knives and homemade bombs attacked around 30 "
                  "police posts in Maungdaw.")["attacked"][0]
    assert "ARSA" in {m for m, _ in doers} or "militants" in {m for m, _ in doers}


def test_a_crowd_that_marches_is_the_protest_and_its_protesters(run):
    doc = run("On 16 June 2019, a crowd marched to the parliament demanding the withdrawal of the bill.",
              published="2019-06-17")
    march = next(t for t in doc.triggers if t.span.text == "marched")
    assert march.type == "protests" and [p.mention for p in march.perpetrators] == ["crowd"]


def test_the_subject_of_a_passive_held_responsible_is_accused(run):
    doc = run("A bomb exploded in a market in Quetta. Agents of a rival state were held responsible for the bombing.",
              stages=FULL)
    bombing = next(t for t in doc.triggers if t.span.text == "bombing")
    assert ("Agents of a rival state", "accused") in {(p.mention, p.attribution) for p in bombing.perpetrators}


def test_who_launched_the_weapon_that_then_struck_did_the_act(roles):
    found = roles("Houthi forces launched a ballistic missile towards Marib city, which landed in a residential "
                  "area, wounding 4 civilians.", stages=FULL)
    assert ("Houthi forces", "organization") in found["wounding"][0]
    mine = roles("A truck hit an IED, which exploded, killing 3 passengers.", stages=FULL)
    assert not any(p for p, _, _ in mine.values())  # the truck hit the mine; it set nothing off


def test_followers_named_by_their_cause_are_a_movement_unless_counted(roles):
    found = roles("The attack on the mosque was carried out by anti-Muslim extremists.", stages=FULL)
    assert ("anti-Muslim extremists", "organization") in found["attack"][0]
    counted = roles("Two extremists attacked a church in Lahore.", stages=FULL)
    assert ("Two extremists", "individual") in counted["attacked"][0]


def test_the_crowd_of_a_protest_is_who_gathered_for_it_or_whom_an_act_met_during_it(roles):
    gathered = roles("Police detained dozens of people who gathered in Hamburg for a demonstration against rent "
                     "increases.", stages=FULL)
    assert ("people", "individual") in gathered["demonstration"][0]
    met = roles("Police fired tear gas at nurses during a protest in Harare.", stages=FULL)
    assert ("nurses", "individual") in met["protest"][0]
    bombed = roles("A bomb exploded during a protest in Kabul, killing 5 people.", stages=FULL)
    assert not bombed["protest"][0]


def test_a_state_named_on_its_weapon_or_strike_acted_through_its_military(run):
    doc = run("Ukrainian drones struck an oil depot in Bryansk, Russia.", stages=FULL)
    struck = next(t for t in doc.triggers if t.span.text == "struck")
    assert ("Ukrainian", "Military Forces of Ukraine") in {(p.mention, p.name) for p in struck.perpetrators}


def test_a_sentences_verb_sunk_into_a_phrase_after_its_subject_still_has_that_subject(roles):
    found = roles("Gunmen riding on several motorcycles shot at shoppers and traders in the market of Zamfara.",
                  stages=FULL)
    assert ("Gunmen", "individual") in found["shot"][0]
    dated = roles("03/12/2019: Gunmen riding on several motorcycles shot at shoppers in the market of Zamfara.",
                  stages=FULL)
    assert ("Gunmen", "individual") in dated["shot"][0]  # the dateline is a root of the sentence too
    passive = roles("Families living in tents near the camp attacked by gunmen at night.", stages=FULL)
    assert passive["attacked"][0] == {("gunmen", "individual")}  # a by-agent keeps the participle passive


def test_the_earlier_act_an_act_answers_lends_it_no_doers_or_victims(roles):
    found = roles("Gunmen stormed a market near Kaduna and shot 12 traders in retaliation for the killing of "
                  "one of their herders by farmers.", stages=FULL)
    assert found["killing"] == (set(), set(), set())
    assert ("Gunmen", "individual") in found["shot"][0]
    avenged = roles("Soldiers raided the camp to avenge the killing of their commander by rebels.", stages=FULL)
    assert not avenged["killing"][0]
    told = roles("Officials said the raid was revenge for the killing of five herders.", stages=FULL)
    assert ("five herders", "human") in told["killing"][1]  # a clause that names the earlier act tells it


def test_who_the_doers_passed_for_did_nothing(roles):
    found = roles("Gunmen disguised as soldiers stopped a bus near Herat and shot dead 9 passengers.", stages=FULL)
    assert found["shot"][0] == {("Gunmen", "individual")}
    bomb = roles("A truck bomb driven into the army base by a man posing as a courier exploded at the gate.",
                 stages=FULL)
    assert ("courier", "individual") not in bomb["exploded"][0]


def test_a_bare_regime_on_its_craft_is_the_military_of_the_documents_country(run):
    doc = run("A barrel bomb dropped by a regime helicopter hit a bakery in Maarat al-Numan, Idlib, Syria.", stages=FULL)
    names = {p.name for t in doc.triggers for p in t.perpetrators}
    assert "Military Forces of Syria" in names


def test_a_group_acronym_read_as_an_auxiliary_leaves_the_verb_active(run):
    doc = run("On Tuesday, IS fighters launched an assault on army posts near Baiji, killing four soldiers.", stages=FULL)
    assert ("IS", "organization", "reported") in attributed(trigger(doc, "assault"))


def test_an_outcome_hung_on_the_scene_of_an_act_is_not_the_act_of_the_people_there(run):
    doc = run("A car bomb exploded near a mosque in Kirkuk as worshippers were leaving after prayers, killing 12 "
              "people.", stages=FULL)
    assert "worshippers" not in {p.mention for p in trigger(doc, "killing").perpetrators}
    fired = run("Police opened fire on the crowd as protesters were marching to the palace, wounding 9 people.",
                stages=FULL)
    assert "Police" in {p.mention for p in trigger(fired, "wounding").perpetrators}


def test_who_a_weapon_is_believed_to_have_been_planted_by_is_suspected(run):
    doc = run("A bomb believed to have been planted by the rebels exploded under a bus near Kandahar, killing six "
              "passengers.", stages=FULL)
    assert ("rebels", "individual", "suspected") in attributed(trigger(doc, "exploded"))


def test_the_group_the_doers_are_believed_to_be_from_is_suspected(run):
    doc = run("Five gunmen suspected to be members of Boko Haram attacked a village near Maiduguri, killing three "
              "farmers.", stages=FULL)
    assert ("Boko Haram", "organization", "suspected") in attributed(trigger(doc, "attacked"))
    masked = run("Masked men believed to be from al-Shabaab abducted two aid workers near Mandera.", stages=FULL)
    assert ("al-Shabaab", "organization", "suspected") in attributed(trigger(masked, "abducted"))


def test_a_body_of_a_forces_men_that_an_act_hits_is_a_target_named_as_the_force(run):
    doc = run("Naxalites ambushed a CRPF team near Dantewada, India, killing five jawans.", stages=FULL)
    assert "Central Reserve Police Force (Police Forces of India)" in {p.name for p in trigger(doc, "ambushed").targets}
    bare = run("Militants attacked a police patrol in Pulwama, India, injuring three policemen.", stages=FULL)
    assert ("police patrol", "Police Forces of India", "human") in {
        (p.mention, p.name, p.kind) for p in trigger(bare, "attacked").targets}


def test_a_fights_other_side_named_as_a_team_of_a_force_is_that_force(run):
    doc = run("Two militants died in an encounter with a team of the BSF near Kathua, India.", stages=FULL)
    assert ("BSF", "organization", "reported") in attributed(trigger(doc, "died"))


def test_an_armed_group_counted_is_its_men(run):
    doc = run("Three Maoists were killed in a gunfight with police in Gadchiroli, India.", stages=FULL)
    killed = trigger(doc, "killed")
    assert ("Maoists", "human") in {(p.mention, p.kind) for p in killed.targets}
    assert "Maoists" not in {p.mention for p in killed.perpetrators}


def test_an_armed_groups_men_counted_as_victims_are_named_as_the_group(run):
    doc = run("Soldiers killed five members of the New People's Army in a clash in Samar, Philippines.", stages=FULL)
    assert ("five members", "New People's Army") in {(p.mention, p.name) for p in trigger(doc, "killed").targets}


def test_the_group_the_doers_are_believed_to_belong_to_is_suspected(run):
    doc = run("Masked gunmen believed to belong to al-Shabaab kidnapped three teachers near Garissa, Kenya.", stages=FULL)
    assert ("al-Shabaab", "organization", "suspected") in attributed(trigger(doc, "kidnapped"))


def test_the_state_a_craft_is_believed_to_be_of_is_suspected_through_its_military(run):
    doc = run("Unmarked drones, thought to be Turkish, bombed a convoy near Sirte, Libya.", stages=FULL)
    assert ("Military Forces of Turkey", "suspected") in {
        (p.name, p.attribution) for p in trigger(doc, "bombed").perpetrators}


def test_whom_an_act_or_its_weapon_is_attributed_to_is_accused(run):
    doc = run("A bombing attributed to Boko Haram killed 5 farmers near Maiduguri, Nigeria.", stages=FULL)
    assert ("Boko Haram", "organization", "accused") in attributed(trigger(doc, "bombing"))
    bomb = run("A roadside bomb blamed on the Taliban killed 3 policemen in Helmand.", stages=FULL)
    assert ("Taliban", "organization", "accused") in attributed(trigger(bomb, "killed"))


def test_group_whose_leaflets_were_found_at_the_scene_is_a_suspected_perpetrator(run):
    doc = run("A bomb exploded outside the town hall of Ocana on Sunday. Leaflets of the Popular Liberation Army "
              "were found at the site.", stages=FULL)
    bomb = [t for t in doc.triggers if t.type in ("explosions_remote_violence",)]
    assert any(p.mention == "Popular Liberation Army" and p.kind == "organization" and p.attribution == "suspected"
               for t in bomb for p in t.perpetrators)


def test_group_whose_pamphlets_the_attackers_left_is_a_suspected_perpetrator(run):
    doc = run("Gunmen attacked a police post in Tarapoto on Friday. The attackers left pamphlets with slogans "
              "of the Tupac Amaru Revolutionary Movement.", stages=FULL)
    assert any("Tupac Amaru Revolutionary Movement" in p.mention and p.kind == "organization"
               for t in doc.triggers for p in t.perpetrators)


def test_people_a_report_lists_the_victims_as_are_victims(run):
    doc = run("Gunmen kidnapped two engineers near Cucuta on Tuesday. The army report lists the hostages as "
              "Peter Hallam and Marcus Oyelaran.", stages=FULL)
    taken = {p.mention for t in doc.triggers for p in t.targets}
    assert {"Peter Hallam", "Marcus Oyelaran"} <= taken


@pytest.mark.parametrize("again", ["engineers", "Canadians"])  # the victims' noun, or as many names as victims
def test_names_in_apposition_to_victims_told_before_are_victims(run, again):
    doc = run(f"Two Canadian engineers were shot dead by gunmen near Oruro on Monday. The {again} -- Paul "
              "Whitcombe and Daniel Ostrowski -- worked for a mining company.", stages=FULL)
    shot = [t for t in doc.triggers if t.span.text.endswith("shot")]
    assert {"Paul Whitcombe", "Daniel Ostrowski"} <= {p.mention for t in shot for p in t.targets}


def test_victims_named_later_in_a_lowercase_wire_keep_their_first_names(run):
    doc = run("two british engineers -- aged 30 and 34 -- were shot to death last night by a group of terrorists."
              "    the british nationals -- todd ray wilson pennington and jeffrey brent hale -- were engineers of "
              "the national mining company of bolivia.", stages=FULL)
    taken = {p.mention for t in doc.triggers for p in t.targets}
    assert {"todd ray wilson pennington", "jeffrey brent hale"} <= taken


def test_the_group_whose_supporters_act_is_a_perpetrator(run):
    doc = run("Strike supporters of the BNP hurled petrol bombs at a truck on the Sylhet highway on Friday, "
              "burning 2 people to death.", stages=FULL)
    assert "BNP" in {p.mention for t in doc.triggers for p in t.perpetrators}  # even with the verb read as an adjective


def test_the_group_whose_factions_clash_is_a_perpetrator(run):
    doc = run("Two rival factions of the Awami League clashed in Sylhet on Friday over a tender.", stages=FULL)
    assert "Awami League" in {p.mention for t in doc.triggers for p in t.perpetrators}


def test_who_acted_in_protest_are_the_protesters(roles):
    found = roles("Shopkeepers in Karachi closed their shops and blocked the road for a day in protest against a new tax.")
    assert ("Shopkeepers", "individual") in found["protest"][0]


def test_group_that_signed_the_leaflets_left_at_an_arson_is_a_suspected_perpetrator(run):
    doc = run("Unknown attackers burned a logging truck near Temuco, Chile, on Friday. Flyers signed by the "
              "Lafkenche Resistance Front were left beside the wreck.", stages=FULL)
    assert any(p.mention == "Lafkenche Resistance Front" and p.attribution == "suspected"
               for t in doc.triggers for p in t.perpetrators)


def test_group_that_signed_pamphlets_found_at_the_scene_is_a_suspected_perpetrator(run):
    doc = run("Gunmen shot at a sawmill near Cañete, wounding a guard. Pamphlets found at the scene were signed "
              "by the Southern Mapuche Coordinator.", stages=FULL)
    assert any(p.mention == "Southern Mapuche Coordinator" and p.attribution == "suspected"
               for t in doc.triggers for p in t.perpetrators)


def test_group_named_in_a_note_style_suspected_sentence_is_a_suspected_perpetrator(run):
    doc = run("Two bombs exploded outside a court in Pune on Monday. 4 injured. Indian Mujahideen suspected.",
              stages=FULL)
    bomb = [t for t in doc.triggers if t.type == "explosions_remote_violence"]
    assert any(p.mention == "Indian Mujahideen" and p.attribution == "suspected" for t in bomb for p in t.perpetrators)


def test_police_suspecting_a_motive_name_no_suspect(run):
    doc = run("A trader was stabbed to death in Pune on Monday. Police suspected robbery.", stages=FULL)
    assert not any(p.attribution == "suspected" for t in doc.triggers for p in t.perpetrators)


def test_shot_dead_read_as_a_noun_keeps_its_subject_and_object(run):
    doc = run("Unknown gunmen on a motorbike shot dead a trader in Mardan on Monday.", stages=FULL)
    shot = next(t for t in doc.triggers if t.span.text == "shot")
    assert [p.mention for p in shot.perpetrators] == ["Unknown gunmen"]
    assert [p.mention for p in shot.targets] == ["trader"]


def test_pots_banged_read_as_an_adjective_are_banged_by_the_first_verbs_subject(run):
    doc = run("On 5 June 2020, street vendors of Kennedy (Bogota) blocked an avenue and banged pots to demand "
              "relief during the lockdown.", stages=FULL)
    banged = next(t for t in doc.triggers if t.span.text == "banged")
    assert [p.mention for p in banged.perpetrators] == ["street vendors"]



def test_explosive_that_went_off_with_no_doer_named_is_an_unidentified_groups(run):
    doc = run("A crude bomb exploded outside a bus stand in Khulna, Bangladesh on Sunday. Two people were hurt.",
              stages=FULL)
    bomb = next(t for t in doc.triggers if t.span.text == "exploded")
    assert [(p.name, p.mention) for p in bomb.perpetrators] == [("Unidentified Armed Group (Bangladesh)", "crude bomb")]


def test_explosive_of_a_report_that_names_doers_gets_no_unidentified_group(run):
    doc = run("A bomb exploded outside a bank in Khulna, Bangladesh on Sunday. Later, gunmen shot a guard.",
              stages=FULL)
    bomb = next(t for t in doc.triggers if t.span.text == "exploded")
    assert bomb.perpetrators == []


@pytest.mark.parametrize("text, verb, weapon", [
    ("A grenade was lobbed at a rally in Sylhet, Bangladesh on Friday; nine people were hurt.", "lobbed", "grenade"),
    ("A petrol bomb was thrown at a police van in Rajshahi, Bangladesh, injuring two officers.", "thrown",
     "petrol bomb"),
])
def test_thrown_explosive_with_no_doer_named_is_an_unidentified_groups(run, text, verb, weapon):
    doc = run(text, stages=FULL)
    act = next(t for t in doc.triggers if t.span.text == verb)
    assert [(p.name, p.mention) for p in act.perpetrators] == [("Unidentified Armed Group (Bangladesh)", weapon)]


def test_group_suspected_after_a_semicolon_is_a_suspected_perpetrator(run):
    doc = run("Two bombs exploded outside a court in Pune on Monday; Indian Mujahideen suspected.", stages=FULL)
    bomb = [t for t in doc.triggers if t.type == "explosions_remote_violence"]
    assert any(p.mention == "Indian Mujahideen" and p.attribution == "suspected" for t in bomb for p in t.perpetrators)


def test_an_address_the_parse_joined_to_the_doers_names_no_doer(run):
    doc = run("06/11/2016: Assailants hacked to death a Hindu teacher as he walked to a school in Kaliganj village, "
              "Jhenaidah district, Khulna division, Bangladesh.", stages=FULL)
    shot = next(t for t in doc.triggers if t.type == "violence_against_civilians")
    assert [p.mention for p in shot.perpetrators] == ["Assailants"]


def test_a_noun_joined_to_a_notes_bare_participle_is_the_next_passives_subject(roles):
    found = roles("Police raided a house in Quetta; three suspects detained and explosives seized.")
    assert not any(m == "three suspects" for m, _ in found["seized"][0])
    assert ("three suspects", "human") in found["detained"][1]
