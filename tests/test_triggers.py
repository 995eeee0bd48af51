"""The triggers stage: event words found, typed by lexicon and instrument, negation and hypotheticals marked."""

import pytest

STAGES = ["triggers"]


@pytest.fixture
def triggers(run):
    def _triggers(text):
        return {t.span.text.lower(): t for t in run(text, stages=STAGES).triggers}

    return _triggers


def test_killing_in_a_drone_strike_is_typed_by_the_instrument(triggers):
    found = triggers("The commander was killed in an Israeli drone strike in Beirut.")
    assert (found["killed"].type, found["killed"].subtype) == ("explosions_remote_violence", "air_drone_strike")
    assert found["drone strike"].subtype == "air_drone_strike"


def test_plain_killing_is_violence_against_civilians(triggers):
    found = triggers("Gunmen killed a farmer near the village on Monday.")
    assert (found["killed"].type, found["killed"].subtype) == ("violence_against_civilians", "attack")


def test_detonating_explosive_belts_is_a_suicide_bombing(triggers):
    found = triggers("Two attackers detonated their explosive belts in the crowd.")
    assert found["detonated"].subtype == "suicide_bomb"


def test_strike_needs_air_context_else_it_is_a_labour_strike(triggers):
    assert "strike" not in triggers("The striker scored and the team celebrated the strike.")
    labour = triggers("Bus drivers went on strike in the capital.")
    assert labour["strike"].type == "protests"


def test_denied_attack_is_negated(triggers):
    found = triggers("The army denied that guerrillas attacked the presidential farm.")
    assert found["attacked"].negated
    assert found["denied"].type == "statement" and found["denied"].subtype == "denial"


def test_no_one_killed_is_negated(triggers):
    assert triggers("No one was killed in the explosion.")["killed"].negated


def test_threatened_attack_is_hypothetical_and_the_threat_a_statement(triggers):
    found = triggers("The rebels threatened to attack the embassy.")
    assert found["attack"].hypothetical and not found["attack"].negated
    assert (found["threatened"].type, found["threatened"].subtype) == ("statement", "threat")


def test_modal_attack_is_hypothetical(triggers):
    assert triggers("Officials said militants would bomb the bridge.")["bomb"].hypothetical


def test_lowercase_wire_text_is_matched(triggers):
    found = triggers("urban guerrillas set fire to a bus and kidnapped two businessmen yesterday.")
    assert found["fire"].subtype == "looting_property_destruction"
    assert found["kidnapped"].subtype == "abduction_forced_disappearance"


def test_statements_are_typed(triggers):
    found = triggers("The minister condemned the bombing and expressed condolences to the families.")
    assert found["condemned"].subtype == "condemnation"
    assert found["condolences"].subtype == "condolence"


def test_deaths_count_only_beside_violence(triggers):
    assert "died" not in triggers("The former president died peacefully at home.")
    assert "died" in triggers("Three people died when a bomb exploded at the market.")


def test_disease_and_culling_are_not_violence(triggers):
    assert "killed" not in triggers("The H5N1 strain killed several hundred ducks near Moscow.")
    assert "killed" not in triggers("Thousands of birds have been killed to contain the outbreak.")
    assert "killing" not in triggers("A cholera epidemic swept the country, killing at least 80 people.")


def test_a_warning_is_a_statement_but_no_threat(triggers):
    found = triggers("The minister warned that the economy would shrink next year.")
    assert (found["warned"].type, found["warned"].subtype) == ("statement", "other")


def test_a_warning_of_retaliation_is_a_threat(triggers):
    assert triggers("The rebels warned of retaliation against the army.")["warned"].subtype == "threat"


def test_no_before_a_number_abbreviates_number_and_negates_nothing(triggers):
    found = triggers("The farmer was captured by troops of military detachment no 4 on Monday.")
    assert not found["captured"].negated


def test_planting_or_throwing_a_bomb_reports_an_explosion(triggers):
    found = triggers("A man planted a bomb under the bridge and another threw a grenade at the police station.")
    assert found["planted"].type == "explosions_remote_violence"
    assert found["threw"].subtype == "grenade"
    assert "placed" not in triggers("She placed the book on the table.")


def test_retaking_control_of_a_town_is_government_regaining_territory(triggers):
    found = triggers("AMISOM and SNA forces retook control of Janaale.")
    assert (found["retook"].type, found["retook"].subtype) == ("battles", "government_regains_territory")
    assert triggers("Troops regained control of the town.")["regained"].subtype == "government_regains_territory"


def test_protesters_gathering_is_a_protest(triggers):
    found = triggers("Hundreds of protesters gathered in front of the parliament in Bamako.")
    assert (found["gathered"].type, found["gathered"].subtype) == ("protests", "peaceful_protest")
    assert "gathered" not in triggers("Villagers gathered firewood near the river.")


@pytest.mark.parametrize("text, word, kind", [
    ("Israeli strikes on an aid convoy killed seven aid workers.", "strikes", "explosions_remote_violence"),
    ("Russian strikes hit Kharkiv overnight.", "strikes", "explosions_remote_violence"),
    ("Teachers went on strike on Monday over unpaid wages.", "strike", "protests"),
    ("Dock workers are on strike in Rotterdam.", "strike", "protests"),
])
def test_strikes_on_a_place_are_attacks_and_going_on_strike_is_a_protest(triggers, text, word, kind):
    assert triggers(text)[word].type == kind


def test_taking_people_hostage_is_an_abduction_however_far_the_verb(triggers):
    found = triggers("Houthi rebels seized a cargo ship and took its 25 crew members hostage.")
    assert found["hostage"].subtype == "abduction_forced_disappearance"


def test_machinegunned_is_an_attack_though_the_lemmatizer_garbles_it(triggers):
    assert triggers("Gunmen machinegunned a bus near Medellin.")["machinegunned"].subtype == "attack"


def test_firing_into_a_crowd_is_an_attack_and_firing_workers_is_not(triggers):
    assert triggers("A teenager fired into a crowd in Dayton.")["fired"].type == "violence_against_civilians"
    assert "fired" not in triggers("The company fired 200 workers on Monday.")


def test_violence_told_as_a_habit_is_habitual(triggers):
    text = ("Rebels attacked a bus on Monday.\n"
            "The opposition accused the regime, which assassinates priests, of lying. "
            "It demanded that the army stop assassinations. "
            "Militias generally attack army posts at night.")
    found = triggers(text)
    assert found["assassinates"].habitual and found["assassinations"].habitual and found["attack"].habitual
    assert not found["attacked"].habitual


def test_violence_as_the_means_of_a_present_habit_is_habitual(triggers):
    found = triggers("Rebels attacked a bus on Monday.\n"
                     "The group finances itself by kidnapping businessmen and extorting ranchers. "
                     "It is not by blowing up pipelines that the rebels will win. "
                     "Last year the gang kidnapped two traders by posing as police officers.")
    assert found["kidnapping"].habitual and found["blowing up"].habitual
    assert not found["kidnapped"].habitual


def test_a_time_told_for_a_joined_verb_does_not_make_a_habit_an_act(triggers):
    found = triggers("Rebels attacked a bus on Monday.\n"
                     "We must evict the dictatorship which assassinates priests and which bombed the capital "
                     "early this morning.")
    assert found["assassinates"].habitual and not found["bombed"].habitual


def test_violence_someone_is_to_stop_is_hypothetical_but_an_attack_stopped_happened(triggers):
    found = triggers("Stop bombing civilian targets. We ask the president to stop the repression, kidnapping "
                     "and the use of torture. Police stopped the attack on the bank.")
    assert found["bombing"].hypothetical and found["kidnapping"].hypothetical and found["torture"].hypothetical
    assert not found["attack"].hypothetical


def test_violence_demanded_to_cease_is_hypothetical_but_a_shooting_that_stopped_happened(triggers):
    found = triggers("Rebels demand that the killings cease. The shooting stopped after an hour.")
    assert found["killings"].hypothetical and not found["shooting"].hypothetical


def test_an_act_a_noun_of_intent_looks_ahead_to_is_hypothetical(triggers):
    found = triggers("The decision to bomb the bridge was taken on Friday. He was the first journalist to be killed "
                     "this year.")
    assert found["bomb"].hypothetical and not found["killed"].hypothetical


def test_an_act_in_a_report_called_unfounded_is_negated(triggers):
    found = triggers("The report that the ambassador's daughter was wounded by gunfire is absolutely unfounded. "
                     "The report that two soldiers were killed was confirmed by the army.")
    assert found["wounded"].negated and found["gunfire"].negated
    assert not found["killed"].negated


def test_an_act_whose_light_verb_is_negated_is_negated(triggers):
    found = triggers("Since 1984, a battle of such proportions had not been staged in daylight. "
                     "The army did not launch an attack on the town. The rebels launched an assault on the base.")
    assert found["battle"].negated and found["attack"].negated
    assert not found["assault"].negated


def test_acts_called_constant_are_a_habit_unless_a_time_is_told(triggers):
    found = triggers("Rebels attacked a bus on Monday.\n"
                     "Mayors are concerned about the constant raids by subversive groups. "
                     "Daily shellings hit the town on 3 May.")
    assert found["raids"].habitual and not found["shellings"].habitual


def test_a_bomb_about_to_explode_is_hypothetical(triggers):
    found = triggers("The country is a social time bomb about to explode. A bomb exploded in the market.")
    assert found["explode"].hypothetical and not found["exploded"].hypothetical


def test_dated_or_past_reports_and_headlines_are_single_acts(triggers):
    found = triggers("Gunman kills two at mall\n"
                     "Gunmen attacked the village. Bombings in the capital killed 20 people last year. "
                     "The attacks today come after a week of calm.")
    assert not found["kills"].habitual and not found["bombings"].habitual and not found["attacks"].habitual


def test_firing_on_people_is_an_attack_but_firing_on_a_day_is_not(triggers):
    assert "fired" in triggers("Police fired on protesters in the capital on Monday.")
    assert "fired" not in triggers("The minister was fired on Monday.")


def test_intercepted_or_downed_missiles_are_disrupted_weapons_use(triggers):
    for text, word in (("Air defences intercepted two cruise missiles over the city.", "intercepted"),
                       ("Soldiers shot down a drone near the border.", "shot down")):
        found = triggers(text)[word]
        assert (found.type, found.subtype) == ("strategic_developments", "disrupted_weapons_use"), text
    assert "intercepted" not in triggers("Police intercepted a phone call between the suspects.")


def test_breaking_into_premises_is_looting_or_part_of_an_attack(triggers):
    assert triggers("Youths broke into a warehouse and looted food.")["broke"].subtype == "looting_property_destruction"
    assert triggers("Gunmen broke into the house of a councillor and shot him dead.")["broke"].subtype == "attack"
    assert "broke" not in triggers("The crowd broke into song.")


def test_terrorist_act_is_an_attack(triggers):
    assert triggers("The government called the bombing a terrorist act.")["act"].type == "violence_against_civilians"


def test_trigger_word_classifying_a_weapon_or_unit_is_no_event(triggers):
    assert "assault" not in triggers("Assailants armed with assault rifles attacked diners.")
    assert "riot" not in triggers("Riot police dispersed the crowd.")


def test_vehicle_and_landmine_attacks_are_found(triggers):
    assert triggers("An assailant drove a truck into crowds on the promenade.")["drove"].type == "violence_against_civilians"
    assert "drove" not in triggers("The family drove into the city on Sunday.")
    assert triggers("A military vehicle struck a landmine near the village.")["struck"].subtype == "remote_explosive_landmine_ied"
    assert triggers("Helicopters dropped barrel bombs on the town.")["dropped"].subtype == "air_drone_strike"


def test_hijacking_is_an_abduction(triggers):
    assert triggers("Gunmen hijacked a bus carrying 30 passengers.")["hijacked"].subtype == "abduction_forced_disappearance"


def test_rape_is_found_where_the_lemmatizer_mangles_it(triggers):
    assert triggers("Soldiers raped two women in the village.")["raped"].subtype == "sexual_violence"


def test_the_object_of_a_preposition_is_context_for_a_sense(triggers):
    assert triggers("Assailants hacked three villagers to death with machetes.")["hacked"].type == "violence_against_civilians"


def test_taking_control_of_a_town_is_a_territorial_change(triggers):
    assert triggers("Rebels took control of the town after soldiers withdrew.")["took"].type == "battles"


def test_a_participle_describing_destroyed_things_tells_no_act(triggers):
    assert "razed" not in triggers("It means razed towns, devastated economies and misery.")
    assert triggers("Soldiers razed the village on Tuesday.")["razed"].subtype == "looting_property_destruction"


def test_a_death_that_dates_the_act_is_no_outcome_of_it(triggers):
    found = triggers("Protesters set fire to a police station after a man died in custody.")
    assert "died" not in found and found["fire"].subtype == "looting_property_destruction"
    assert "died" in triggers("Two soldiers died when their vehicle struck a landmine.")


def test_an_act_told_as_a_purpose_is_hypothetical(triggers):
    assert triggers("The army moved into the area to take control of the city.")["take"].hypothetical
    assert not triggers("Gunmen stormed the hotel and killed five guards.")["killed"].hypothetical


def test_dispersing_protesters_is_an_intervention_in_the_protest(triggers):
    found = triggers("Riot police dispersed the demonstrators outside the parliament.")
    assert (found["dispersed"].type, found["dispersed"].subtype) == ("protests", "protest_with_intervention")
    assert triggers("Police broke up the rally on the main square.")["broke up"].subtype == "protest_with_intervention"


def test_a_crowd_that_disperses_of_itself_tells_no_intervention(triggers):
    assert "dispersed" not in triggers("The marchers dispersed peacefully at dusk.")


def test_tear_gas_pepper_spray_and_water_cannon_are_crowd_control(triggers):
    fired = triggers("Officers fired tear gas outside the university to end the sit-in.")["fired"]
    assert (fired.type, fired.subtype) == ("protests", "protest_with_intervention")
    at_people = triggers("Officers fired tear gas at the students outside the university.")["fired"]
    assert at_people.type == "violence_against_civilians"  # whom it hit decides (excessive force)
    used = triggers("Police used pepper spray and water cannon against the farmers.")["used"]
    assert used.subtype == "protest_with_intervention"


def test_throwing_stones_is_a_violent_demonstration(triggers):
    found = triggers("Demonstrators threw stones at the police station.")
    assert (found["threw"].type, found["threw"].subtype) == ("riots", "violent_demonstration")


def test_property_burned_in_a_riot_is_part_of_the_riot(triggers):
    found = triggers("Youths burned tyres and threw rocks at officers in the old town.")
    assert (found["burned"].type, found["burned"].subtype) == ("riots", "violent_demonstration")


def test_armed_men_fighting_is_an_armed_clash(triggers):
    found = triggers("Soldiers fought the rebels for six hours near the border post.")
    assert (found["fought"].type, found["fought"].subtype) == ("battles", "armed_clash")
    assert "fight" not in triggers("The minister promised to fight corruption in the ports.")


def test_a_base_or_camp_set_up_is_a_headquarters_established(triggers):
    assert triggers("The militia established a base near the river.")["established"].subtype \
        == "headquarters_or_base_established"
    assert triggers("Rebels set up a camp in the forest.")["set up"].subtype == "headquarters_or_base_established"
    assert "established" not in triggers("The ministry established a committee on water.")


def test_territory_taken_without_a_fight_is_a_non_violent_transfer(triggers):
    found = triggers("The rebels took over the town without a fight.")
    assert (found["took over"].type, found["took over"].subtype) == (
        "strategic_developments", "non_violent_transfer_of_territory")
    assert triggers("The army handed over control of the district to the militia.")["handed over"].subtype \
        == "non_violent_transfer_of_territory"


def test_withdrawing_from_a_place_is_a_transfer_but_not_from_talks(run):
    def found(text):
        return {t.span.text: t.subtype for t in run(text, stages=["places", "triggers"]).triggers}

    withdrew = found("Government troops withdrew from Kandahar on Friday.")["withdrew"]
    assert withdrew == "non_violent_transfer_of_territory"
    assert "withdrew" not in found("The party withdrew from the talks on Friday.")


def test_curfews_emergencies_and_new_leaders_change_group_activity(triggers):
    assert triggers("The governor imposed a curfew on the city.")["imposed"].subtype == "change_to_group_activity"
    assert triggers("The cabinet declared a state of emergency in the north.")["declared"].subtype \
        == "change_to_group_activity"
    assert "declared" not in triggers("The court declared the state's claim void.")
    assert triggers("The group announced a new leader after the raid.")["announced"].subtype \
        == "change_to_group_activity"
    assert triggers("Boko Haram named Abu Musab as its new leader.")["named"].subtype == "change_to_group_activity"
    assert "announced" not in triggers("The group announced the death of its leader.")


def test_a_past_whose_form_is_the_base_is_no_habit(triggers):
    found = triggers("Unknown men arrived at dawn. Assailants set off a bomb at the market in the city.")
    assert not found["set off"].habitual
    assert triggers("Nothing changed. The regime tortures dissidents.")["tortures"].habitual


def test_a_participle_accused_of_something_is_no_accusation(triggers):
    found = triggers("Villagers set fire to the shop of a trader accused of theft.")
    assert "accused" not in found
    assert triggers("The minister accused the rebels of the massacre.")["accused"].subtype == "accusation"


def test_a_curfew_that_might_be_imposed_is_hypothetical(triggers):
    assert triggers("Talks failed. A state of siege might be imposed at any moment.")["imposed"].hypothetical


def test_the_verb_above_a_prepositional_object_is_its_context(triggers):
    found = triggers("The woman took two nurses as hostages inside the clinic.")
    assert found["hostages"].subtype == "abduction_forced_disappearance"


def test_an_infinitive_predicate_tells_no_act(triggers):
    assert triggers("It was hard. Their aim was to kill the governor.")["kill"].hypothetical


def test_fighting_a_named_group_is_an_armed_clash(run):
    found = {t.span.text: t for t in run("Local militiamen fought Boko Haram near the market for two hours.",
                                         stages=["actors", "triggers"]).triggers}
    assert found["fought"].subtype == "armed_clash"


def test_a_town_taken_after_troops_withdrew_is_one_peaceful_handover(run):
    found = {t.span.text: t.subtype for t in run("JNIM took control of the town of Boni after the army withdrew "
                                                 "from its positions.", stages=["places", "triggers"]).triggers}
    assert found["took"] == found["withdrew"] == "non_violent_transfer_of_territory"


def test_a_withdrawal_told_with_a_fight_is_no_peaceful_transfer(run):
    found = {t.span.text for t in run("The rebels attacked the army post in Rutshuru and then withdrew from the town.",
                                      stages=["places", "triggers"]).triggers}
    assert "withdrew" not in found


def test_a_capitalised_plural_weapon_opening_a_sentence_is_a_weapon(triggers):
    found = triggers("Rockets were fired at Sderot on Monday.")
    assert found["fired"].type == "explosions_remote_violence"


def test_a_missile_launched_at_something_is_an_attack_but_a_launch_alone_is_not(triggers):
    assert triggers("A rocket was launched at the embassy on Monday.")["launched"].subtype == \
        "shelling_artillery_missile_attack"
    assert "launched" not in triggers("The country launched a ballistic missile on Monday, officials said.")


@pytest.mark.parametrize("text, word", [
    ("Teachers held a rally in Lahore demanding salaries.", "rally"),
    ("Doctors staged a sit-in outside the health ministry.", "sit"),
    ("Farmers formed a human chain on the highway.", "chain"),
    ("Opposition workers staged a dharna in Karachi.", "dharna"),
])
def test_protest_forms_are_protests(triggers, text, word):
    assert triggers(text)[word].type == "protests"


@pytest.mark.parametrize("text, word, kind", [
    ("Hundreds of protesters gathered at the Capitol to protest the stay-at-home order.", "protest", "protests"),
    ("Workers blocked the highway at Gazipur demanding unpaid wages.", "blocked", "protests"),
    ("The body of a man with gunshot wounds was found in Tijuana.", "wounds", "violence_against_civilians"),
    ("Two militants were killed in an encounter with security forces in Pulwama.", "encounter", "battles"),
    ("Police baton-charged the protesters outside the assembly.", "charged", "protests"),
])
def test_act_words_of_news_notes(triggers, text, word, kind):
    found = triggers(text)[word]
    assert found.type == kind and not found.hypothetical


def test_a_protest_only_planned_stays_hypothetical_and_troops_blocking_a_road_are_no_protest(triggers):
    assert triggers("The union plans to protest against the layoffs next week.")["protest"].hypothetical
    assert "blocked" not in triggers("Troops blocked the road to the airport on Monday.")


def test_an_arrest_misparsed_as_a_modifier_keeps_its_doer(triggers):
    found = triggers("On 5 May 2020, RAB arrested cartoonist Ahmed Kabir Kishore and writer Mushtaq Ahmed in Dhaka.")
    assert found["arrested"].subtype == "arrests"


def test_a_violated_ceasefire_is_fighting_not_an_agreement(triggers):
    found = triggers("Troops violated the ceasefire and fired at border posts overnight.")
    assert found["ceasefire"].type == "battles"
    assert triggers("The two sides agreed to a ceasefire on Sunday.")["ceasefire"].subtype == "agreement"


def test_a_bomb_that_hit_something_is_an_explosion(triggers):
    assert triggers("A roadside bomb hit a police van near the market.")["hit"].type == "explosions_remote_violence"
    assert "hit" not in triggers("The storm hit the coast on Monday.")


def test_bodies_found_with_marks_of_violence_are_a_killing(triggers):
    assert triggers("Five bullet-riddled bodies were found near the highway.")["found"].type == "violence_against_civilians"
    assert "found" not in triggers("The body of a missing swimmer was found on the beach.")


def test_recovered_arms_caches_and_released_land(triggers):
    assert triggers("Police recovered a cache of arms in the forest.")["recovered"].subtype == "disrupted_weapons_use"
    assert triggers("The navy released 200 acres of land to farmers.")["released"].subtype == \
        "non_violent_transfer_of_territory"


def test_street_protest_words(triggers):
    assert triggers("Traders observed a shutter-down strike across the city.")["strike"].type == "protests"
    assert triggers("Opposition activists brought out a procession in the town.")["procession"].type == "protests"
    assert "procession" not in triggers("Thousands joined the religious procession on Sunday.")
    assert triggers("Angry demonstrators blocked the gate of the district office.")["blocked"].type == "protests"
    crackdown = triggers("Police cracked down on protesters outside the parliament.")
    assert crackdown["cracked down"].subtype == "protest_with_intervention"


def test_capturing_an_outpost_is_taking_territory(triggers):
    assert triggers("Rebels captured an army outpost after heavy fighting.")["captured"].type == "battles"


def test_a_raid_by_officers_making_arrests_is_an_arrest_not_an_attack(triggers):
    assert triggers("Counter-terror officers raided a flat and arrested two men.")["raided"].subtype == "arrests"
    assert triggers("Gunmen raided a village, killing 12 people.")["raided"].type == "violence_against_civilians"


def test_clashes_of_communities_or_factions_are_mob_violence_and_of_armed_men_battles(triggers):
    assert triggers("Villagers of two communities clashed over a land dispute.")["clashed"].type == "riots"
    assert triggers("Two factions of the student wing clashed on the campus.")["clashed"].type == "riots"
    assert triggers("Troops clashed with rebels near the border.")["clashed"].type == "battles"


def test_fighting_between_two_sides_read_as_a_verb_is_a_battle(triggers):
    assert triggers("Fighting between the army and the rebels near the town.")["fighting"].type == "battles"


def test_a_sniper_shot_is_an_attack(triggers):
    assert triggers("A sniper shot and injured a shopkeeper in the old city.")["shot"].type == "violence_against_civilians"


def test_communities_fighting_with_sticks_is_mob_violence(triggers):
    found = triggers("Members of two clans fought with sticks and knives near the well.")
    assert (found["fought"].type, found["fought"].subtype) == ("riots", "mob_violence")


def test_capturing_a_named_town_is_taking_territory_not_an_arrest(run, triggers):
    found = run("Rebels captured Goma after fighting with the army.", stages=["places", "triggers"]).triggers
    took = next(t for t in found if t.span.text == "captured")
    assert (took.type, took.subtype) == ("battles", "non_state_actor_overtakes_territory")
    assert triggers("Police captured two suspects in a raid.")["captured"].subtype == "arrests"


def test_repelling_an_attack_is_a_battle(triggers):
    found = triggers("Soldiers repelled an attack by insurgents on the town.")
    assert found["repelled"].type == "battles"


def test_taking_to_the_streets_is_a_protest(triggers):
    found = triggers("Protesters took to the streets of the capital against the fuel price rise.")
    assert found["took"].type == "protests"


def test_killing_a_protest_is_about_is_no_event_of_the_report(triggers):
    found = triggers("Students protested in the city over the killing of a journalist.")
    assert found["protested"].type == "protests"
    assert "killing" not in found


def test_a_killing_that_only_tells_whom_protesters_want_prosecuted_is_no_event_of_the_report(triggers):
    found = triggers("Dozens of demonstrators gathered in the square to renew demands for early elections and the "
                     "prosecution of those who killed protesters. Soldiers fired on demonstrators who had attacked "
                     "banks.")
    assert "killed" not in found and "attacked" in found


def test_an_act_naming_a_place_tells_no_act(triggers):
    found = triggers("Youths pelted stones at troops near the encounter site.")
    assert "encounter" not in found and "pelted" in found


def test_taking_control_without_resistance_is_a_peaceful_transfer(triggers):
    found = triggers("STC forces took control of the port without resistance. Houthi forces took control of "
                     "Qaniyah after heavy fighting.")
    assert [t.subtype for t in found.values() if t.span.text == "took"] == ["non_state_actor_overtakes_territory"]
    assert any(t.subtype == "non_violent_transfer_of_territory" for t in
               triggers("STC forces took control of the port without resistance.").values())


def test_beating_up_supporters_is_violence_against_civilians(triggers):
    found = triggers("Militiamen beat up opposition supporters in the town.")
    assert found["beat up"].type == "violence_against_civilians"


def test_driving_into_plural_crowd_words_is_an_attack(triggers):
    found = triggers("A man drove a van into cyclists and pedestrians on a busy street in Toronto.")
    assert (found["drove"].type, found["drove"].subtype) == ("violence_against_civilians", "attack")


def test_set_is_a_blast_only_with_its_own_particle_off(triggers):
    found = triggers("The gunmen ordered the passengers off and set the bus on fire.")
    assert "set" not in found and found["fire"].subtype == "looting_property_destruction"
    assert triggers("Militants set off a bomb near the bus.")["set off"].type == "explosions_remote_violence"


def test_a_firebomb_thrown_at_a_building_destroys_property_at_people_or_killing_them_attacks(triggers):
    found = triggers("Youths threw petrol bombs at a community center in Derry.")
    assert (found["threw"].type, found["threw"].subtype) == ("strategic_developments", "looting_property_destruction")
    assert triggers("Youths threw petrol bombs at police officers in Derry.")["threw"].type \
        == "violence_against_civilians"
    assert triggers("Men hurled petrol bombs at a bus in Comilla, killing seven passengers.")["hurled"].type \
        == "violence_against_civilians"


def test_poisoning_water_or_people_is_an_attack_not_poisoning_oneself(triggers):
    assert triggers("Unknown men poisoned the drinking water of a girls' school in Takhar.")["poisoned"].type \
        == "violence_against_civilians"
    assert "poison" not in triggers("No society can allow its children to poison themselves with drugs.")


def test_hanging_people_or_throwing_acid_on_them_is_an_attack(triggers):
    assert triggers("Militants hanged two village elders in Zabul.")["hanged"].subtype == "attack"
    assert triggers("A man threw acid on a schoolgirl in Lahore.")["threw"].subtype == "attack"
    assert not triggers("Protesters hung banners on the gate of the ministry.")


def test_stepping_on_or_triggering_a_mine_is_a_landmine_explosion(run):
    doc = run("Three shepherds died when they stepped on a landmine near the border on Tuesday.")
    event = doc.events[0]
    assert (event.type, event.subtype) == ("explosions_remote_violence", "remote_explosive_landmine_ied")
    assert [w.text for w in event.weapons] == ["landmine"]
    event = run("A herder triggered a mine while grazing his goats and was seriously injured.").events[0]
    assert (event.type, event.subtype) == ("explosions_remote_violence", "remote_explosive_landmine_ied")


def test_a_gold_mine_is_no_weapon(triggers):
    found = triggers("Gunmen attacked a gold mine near the town, killing two guards.")
    assert found["attacked"].type == "violence_against_civilians"
    assert found["killing"].type == "violence_against_civilians"


def test_seizing_people_is_an_abduction_unless_they_are_suspects(triggers):
    found = triggers("Men in plain clothes seized two journalists outside their office.")
    assert found["seized"].subtype == "abduction_forced_disappearance"
    assert triggers("Police seized four suspects at a checkpoint.")["seized"].subtype == "arrests"


def test_regaining_control_of_a_building_is_a_fight_not_territory(triggers):
    assert triggers("Commandos regained control of the hotel after a long siege.")["regained"].subtype == "armed_clash"
    assert triggers("Troops retook the hospital from the gunmen.")["retook"].subtype == "armed_clash"
    assert triggers("The army regained control of the district.")["regained"].subtype == "government_regains_territory"


def test_play_fighting_is_no_battle(triggers):
    found = triggers("The cousins were play fighting when the pistol discharged.")
    assert not any(t.type == "battles" for t in found.values())


def test_a_new_military_post_is_a_base_established(triggers):
    found = triggers("Russian forces established a new military post near the airport.")
    assert found["established"].subtype == "headquarters_or_base_established"
    assert "established" not in triggers("The ministry established a post of deputy director.")


def test_a_release_of_prisoners_is_an_agreement_when_done(triggers):
    found = triggers("The government released 40 rebel prisoners on Sunday.")
    assert (found["released"].type, found["released"].subtype) == ("strategic_developments", "agreement")
    assert "release" not in triggers("They demanded that the government release all prisoners.")
    assert "released" not in triggers("The hostages were released after the raid.")


def test_a_crowd_destroying_property_while_demanding_is_a_violent_demonstration(triggers):
    found = triggers("Residents vandalised the police post demanding the arrest of the killers.")
    assert (found["vandalised"].type, found["vandalised"].subtype) == ("riots", "violent_demonstration")


def test_uprooting_trees_is_property_destruction(triggers):
    assert triggers("Settlers uprooted about 50 olive trees near the village.")["uprooted"].subtype == \
        "looting_property_destruction"


def test_a_killing_clause_takes_the_instrument_of_the_clause_it_follows(triggers):
    found = triggers("An Israeli drone targeted a motorcycle near the border, killing its rider.")
    assert (found["killing"].type, found["killing"].subtype) == ("explosions_remote_violence", "air_drone_strike")
    found = triggers("The militia sent a missile toward the market, wounding six people.")
    assert found["wounding"].subtype == "shelling_artillery_missile_attack"
    found = triggers("Unknown men hurled a petrol bomb into the shop, injuring two.")
    assert found["injuring"].type == "violence_against_civilians"


def test_destroying_a_drone_in_flight_disrupts_a_weapon(triggers):
    found = triggers("Air defences intercepted and destroyed a drone over the city.")
    assert found["intercepted"].subtype == "disrupted_weapons_use"
    assert found["destroyed"].subtype == "disrupted_weapons_use"


@pytest.mark.parametrize("text, word, kind", [
    ("A military jet bombed the market, killing 30 people.", "bombed", "air_drone_strike"),
    ("Insurgents bombed the police station overnight.", "bombed", "remote_explosive_landmine_ied"),
    ("Demonstrators threw fireworks and hammers at police outside the palace.", "threw", "violent_demonstration"),
    ("Protesters pulled down the statue of a slave trader.", "pulled down", "violent_demonstration"),
    ("The crowd tore down metal barriers around the parliament.", "tore down", "looting_property_destruction"),
    ("Police dissolved the rally for violating distancing rules.", "dissolved", "protest_with_intervention"),
    ("Burundian troops set up positions in the town after the rebels withdrew.", "set up",
     "headquarters_or_base_established"),
])
def test_what_the_crowd_or_the_aircraft_did_types_the_act(triggers, text, word, kind):
    assert triggers(text)[word].subtype == kind


def test_a_rally_nobody_broke_up_and_a_ruling_dissolved_are_no_intervention(triggers):
    assert "dissolved" not in triggers("The president dissolved parliament on Monday.")
    assert "pulled down" not in triggers("The company pulled down its forecast for the year.")


def test_beating_a_refugee_or_a_monk_is_an_attack(triggers):
    for text in ("Assailants beat a Syrian refugee with iron bars in Kos town.", "Soldiers beat two monks in the temple."):
        assert triggers(text)["beat"].type == "violence_against_civilians"


def test_capturing_a_person_is_an_arrest_and_capturing_a_town_a_takeover(triggers):
    found = triggers("The army and police captured the cartel leader Dairo Antonio Usuga in a rural area of Necocli.")
    assert found["captured"].subtype == "arrests"
    named = triggers("The army captured Clan del Golfo leader Dairo Antonio Usuga in a rural area of Necocli.")
    assert named["captured"].subtype == "arrests"
    assert triggers("Rebels captured the town of Kidal after heavy fighting.")["captured"].type == "battles"


def test_thousands_gathering_or_blocking_a_road_is_a_protest(triggers):
    found = triggers("Thousands of residents gathered on the main square of the town on Sunday.")
    assert (found["gathered"].type, found["gathered"].subtype) == ("protests", "peaceful_protest")
    assert triggers("Hundreds of people blocked the coastal highway near the port.")["blocked"].type == "protests"
    assert "gathered" not in triggers("Some relatives gathered at the house on Sunday.")


def test_a_march_of_chanting_women_is_a_protest(triggers):
    assert triggers("About 30 women marched to the ministry chanting slogans.")["marched"].type == "protests"


def test_setting_up_a_protest_camp_is_a_protest_and_a_camp_of_rebels_a_base(triggers):
    assert triggers("Farmers set up a protest camp outside the parliament.")["set up"].type == "protests"
    assert triggers("The rebels set up a camp in the forest.")["set up"].subtype == "headquarters_or_base_established"


def test_a_missile_striking_is_a_missile_attack_and_a_drone_striking_an_air_strike(triggers):
    assert triggers("A ballistic missile struck the station.")["struck"].subtype == "shelling_artillery_missile_attack"
    assert triggers("A drone struck the convoy.")["struck"].subtype == "air_drone_strike"


def test_launching_drones_at_a_city_is_an_air_strike(triggers):
    found = triggers("The militia launched drones at the airport overnight.")
    assert (found["launched"].type, found["launched"].subtype) == ("explosions_remote_violence", "air_drone_strike")


def test_angry_residents_blocking_a_road_protest(triggers):
    assert triggers("Angry local residents blocked the main road near the camp.")["blocked"].type == "protests"
    assert "blocked" not in triggers("A landslide blocked the main road near the camp.")


def test_entering_without_fighting_beyond_a_parenthesis_is_a_non_violent_transfer(triggers):
    found = triggers("Rebel units entered Tal Abyad (Raqqa province) without fighting on Friday.")
    assert found["entered"].subtype == "non_violent_transfer_of_territory"


def test_the_past_overran_is_a_territory_taken(triggers):
    found = triggers("Insurgents overran the garrison town on Sunday.")
    assert found["overran"].subtype == "non_state_actor_overtakes_territory"


def test_clearing_ground_held_by_militants_is_regained_but_clearing_rubble_is_not(triggers):
    found = triggers("Troops cleared the last building held by the militants.")
    assert found["cleared"].subtype == "government_regains_territory"
    assert "cleared" not in triggers("Workers cleared the rubble from the road.")


def test_taking_up_positions_establishes_a_base_and_taking_up_arms_does_not(triggers):
    assert triggers("Soldiers took up positions at the old airfield.")["took up"].subtype == \
        "headquarters_or_base_established"
    assert "took up" not in triggers("The villagers took up arms.")


def test_a_participle_after_and_joining_verbs_is_an_act(triggers):
    found = triggers("Angry residents blocked the road and vandalised shops near the market.")
    assert found["vandalised"].type == "riots"
    assert found["blocked"].type == "riots"


def test_the_launch_of_intercepted_missiles_is_no_act_of_its_own(triggers):
    found = triggers("Air defences intercepted two missiles fired by the rebels at the city.")
    assert found["intercepted"].subtype == "disrupted_weapons_use"
    assert "fired" not in found


def test_using_chlorine_is_a_chemical_weapon(triggers):
    found = triggers("Investigators concluded that chlorine had been used in the attack.")
    assert found["used"].subtype == "chemical_weapon"


def test_a_unilateral_ceasefire_is_a_change_of_activity_and_an_agreed_one_is_an_agreement(triggers):
    assert triggers("The army announced a unilateral ceasefire.")["ceasefire"].subtype == "change_to_group_activity"
    assert triggers("The two sides agreed a ceasefire.")["ceasefire"].subtype == "agreement"


def test_seizing_counted_people_or_employees_is_an_abduction_not_territory(triggers):
    found = triggers("Gunmen seized four Red Cross of the relief agency workers as they left the jail in Kolo town.")
    assert found["seized"].subtype == "abduction_forced_disappearance"
    found = triggers("Gunmen seized six employees of a mining firm from their homes in Tessa town and drove them away.")
    assert found["seized"].subtype == "abduction_forced_disappearance"
    assert triggers("Rebels seized the town of Kolo on Sunday.")["seized"].type == "battles"


def test_blowing_oneself_up_is_a_suicide_bombing(triggers):
    found = triggers("Two gunmen stormed the ministry; one of them blew himself up at the gate.")
    assert any(k.startswith("blew") and t.subtype == "suicide_bomb" for k, t in found.items())
    assert all(t.subtype != "suicide_bomb" for t in triggers("Militants blew up a bridge near the border.").values())


def test_armed_sides_joined_by_and_that_fought_are_a_clash(triggers):
    found = triggers("Government troops and the rebels fought near the border town on Friday.")
    assert (found["fought"].type, found["fought"].subtype) == ("battles", "armed_clash")
    assert "fought" not in triggers("The mayor and the governor fought over the budget on Friday.")


def test_confronting_a_group_of_armed_men_is_a_clash(triggers):
    assert triggers("Soldiers confronted a group of armed men near the river.")["confronted"].type == "battles"
    assert "confronted" not in triggers("Reporters confronted the minister about the budget.")


def test_a_kill_in_the_exchange_is_a_clash(triggers):
    found = triggers("The gunmen opened fire and two of them were killed in the exchange.")
    assert (found["exchange"].type, found["exchange"].subtype) == ("battles", "armed_clash")


def test_captives_released_in_a_swap_are_an_agreement(triggers):
    found = triggers("The rebels released 15 captured soldiers on Sunday as part of a swap with the government.")
    assert found["released"].subtype == "agreement"


def test_setting_up_a_military_post_establishes_a_base(triggers):
    found = triggers("The army set up a new military post near the village on Tuesday.")
    assert found["set up"].subtype == "headquarters_or_base_established"


def test_an_announced_end_to_a_unilateral_truce_is_a_decision_made_not_a_hypothesis(triggers):
    found = triggers("The rebel group announced on Friday that it would end its unilateral truce.")
    assert found["truce"].subtype == "change_to_group_activity" and not found["truce"].hypothetical


def test_a_mass_grave_found_is_a_strategic_development(triggers):
    found = triggers("Investigators found a mass grave with 12 bodies outside the town on Friday.")
    assert (found["grave"].type, found["grave"].subtype) == ("strategic_developments", "other")


def test_a_passive_joined_to_another_shares_its_subject_as_the_victim(triggers):
    assert triggers("Three journalists were dragged from their car and beaten by a crowd.")["beaten"].type \
        == "violence_against_civilians"
    assert triggers("A crowd beat two lawmakers outside parliament.")["beat"].type == "violence_against_civilians"


def test_dispersing_people_with_rubber_bullets_is_an_intervention(triggers):
    found = triggers("Police dispersed them with tear gas and rubber bullets.")
    assert (found["dispersed"].type, found["dispersed"].subtype) == ("protests", "protest_with_intervention")


def test_students_continuing_their_strike_is_a_protest_not_an_air_strike(triggers):
    assert triggers("Students continued their strike in Lahore on Monday.")["strike"].type == "protests"


def test_what_a_doer_or_a_shell_carries_is_the_instrument(triggers):
    found = triggers("Government forces fired shells containing chlorine at the town.")
    assert found["fired"].subtype == "chemical_weapon"
    found = triggers("Three attackers wearing explosive vests stormed a hotel in the capital.")
    assert found["stormed"].subtype == "suicide_bomb"
    assert triggers("The second attacker detonated his vest at the gate.")["detonated"].subtype == "suicide_bomb"


def test_protesters_denouncing_something_protest_they_make_no_statement(triggers):
    found = triggers("Soldiers opened fire on protesters denouncing the government.")
    assert found["denouncing"].type == "protests"


def test_a_cacerolazo_is_a_protest(triggers):
    found = triggers("Neighbours in Valparaiso held a cacerolazo against the water cuts on Friday.")
    assert found["cacerolazo"].type == "protests"


def test_workers_who_picket_protest(triggers):
    found = triggers("Nurses picketed outside the provincial health department in Durban over unpaid bonuses.")
    assert found["picketed"].type == "protests"


def test_protesters_returning_to_a_square_protest(triggers):
    found = triggers("Hundreds of protesters returned to Martyrs Square on Sunday, calling for the cabinet to resign.")
    assert found["returned"].type == "protests"
    assert "returned" not in triggers("The protesters returned home after the police lifted the cordon.")


def test_a_crowd_gathered_denouncing_something_is_one_protest(triggers):
    found = triggers("Scores of traders gathered outside the central bank in Harare, condemning the new currency rules.")
    assert found["gathered"].type == "protests" and found["condemning"].type == "protests"


def test_burning_tyres_is_a_protest_not_destruction(triggers):
    found = triggers("Farmers blocked the highway near Ludhiana and burned tyres over crop prices.")
    assert (found["burned"].type, found["burned"].subtype) == ("protests", "peaceful_protest")
    assert triggers("Rioters burned tyres and two shops in the market.")["burned"].type != "protests"


def test_distributing_leaflets_is_a_strategic_development(triggers):
    found = triggers("Leaflets signed by the insurgents were distributed in the market of Menaka, threatening traders.")
    assert (found["distributed"].type, found["distributed"].subtype) == ("strategic_developments", "other")


def test_assuming_power_or_accepting_a_mandate_to_rule_changes_who_rules(triggers):
    found = triggers("The colonel said he had accepted a popular mandate to rule the country.")
    assert found["accepted"].subtype == "change_to_group_activity"
    assert triggers("The junta leader assumed power in the capital.")["assumed"].subtype == "change_to_group_activity"
    assert "accepted" not in triggers("The minister accepted the invitation to lead the delegation.")


def test_an_attack_with_mortars_and_small_arms_is_no_shelling(triggers):
    found = triggers("Rebels attacked the army camp with mortars and small arms.")
    assert found["attacked"].type != "explosions_remote_violence"
    assert triggers("Rebels attacked the army camp with mortars.")["attacked"].subtype == \
        "shelling_artillery_missile_attack"


def test_police_dispersing_them_intervene(triggers):
    found = triggers("Traders marched to the town hall in Kano. Police dispersed them near the market.")
    assert found["dispersed"].subtype == "protest_with_intervention"
    assert "dispersed" not in triggers("The crowd dispersed quietly after police arrived.")


def test_exchanging_several_kinds_of_fire_is_a_clash(triggers):
    found = triggers("Army troops and the rebels exchanged small arms and grenade launcher fire near the border post.")
    assert (found["exchanged"].type, found["exchanged"].subtype) == ("battles", "armed_clash")


def test_deploying_in_positions_handed_over_is_taking_them(triggers):
    found = triggers("On Friday, Russian military police deployed in two posts near Tal Tamr handed over by the Kurdish militia.")
    assert found["deployed"].subtype == "non_violent_transfer_of_territory"


@pytest.mark.parametrize("text, word", [
    ("Tenants in Quito banged pots and pans from their balconies to demand lower rents.", "banged"),
    ("Taxi drivers honked their horns outside the ministry to protest against fuel prices.", "honked"),
])
def test_making_noise_to_demand_something_is_a_protest(triggers, text, word):
    assert (triggers(text)[word].type, triggers(text)[word].subtype) == ("protests", "peaceful_protest")


def test_a_horn_honked_in_celebration_is_no_protest(triggers):
    assert "honked" not in triggers("Fans honked their horns after the team won the cup.")


def test_a_rally_held_with_a_motorcade_is_a_protest(triggers):
    found = triggers("Farmers held a convoy and rally near the port on Friday.")
    assert found["rally"].subtype == "peaceful_protest"
    assert triggers("Backers of the mayor held a motorcade across the city.")["motorcade"].type == "protests"


def test_a_killing_that_tells_who_protesters_want_tried_is_their_grievance(triggers):
    found = triggers("Hundreds of demonstrators returned to the square, renewing their calls for the trial "
                     "of those responsible for shooting students.")
    assert found["returned"].subtype == "peaceful_protest"
    assert "shooting" not in found


def test_residents_who_demonstrate_protest(triggers):
    found = triggers("Residents of the old quarter demonstrated on Sunday.")
    assert (found["demonstrated"].type, found["demonstrated"].subtype) == ("protests", "peaceful_protest")


@pytest.mark.parametrize("text, lead, earlier", [
    ("Students marched through the town after a soldier shot a farmer at a checkpoint.", "marched", "shot"),
    ("Shopkeepers staged a protest in the bazaar following the bombing of a mosque.", "protest", "bombing"),
    ("Troops recaptured the border town on Tuesday after two weeks of shelling.", "recaptured", "shelling"),
    ("The army retook a ridge held by the rebels after three days of shelling.", "retook", "shelling"),
])
def test_an_act_a_crowd_act_or_a_capture_came_after_is_its_backdrop(triggers, text, lead, earlier):
    found = triggers(text)
    assert lead in found
    assert earlier not in found


def test_an_act_a_crowd_is_angered_by_is_no_act_of_the_report(triggers):
    found = triggers("Villagers angered by the murder of a teacher threw stones at the police station on Monday.")
    assert found["threw"].type == "riots"
    assert "murder" not in found


def test_a_killing_named_in_the_demands_of_a_protest_is_its_grievance(triggers):
    found = triggers("Hundreds of demonstrators gathered in the square to renew their demands for justice for "
                     "murdered journalists.")
    assert found["gathered"].subtype == "peaceful_protest"
    assert "murdered" not in found


def test_a_crowd_throwing_firebombs_riots_but_a_grenade_thrown_into_a_crowd_is_a_grenade(triggers):
    found = triggers("A mob threw petrol bombs at the town hall on Friday night.")
    assert (found["threw"].type, found["threw"].subtype) == ("riots", "violent_demonstration")
    assert triggers("Gunmen threw a grenade into a crowd at the bus stand.")["threw"].subtype == "grenade"


def test_a_car_caravan_held_is_a_protest(triggers):
    found = triggers("Taxi drivers held a car caravan through the capital on Monday.")
    assert (found["caravan"].type, found["caravan"].subtype) == ("protests", "peaceful_protest")


def test_gathering_to_mark_an_anniversary_is_a_protest(triggers):
    found = triggers("Activists gathered outside the parliament on Sunday to mark the anniversary of the massacre.")
    assert found["gathered"].type == "protests"


def test_an_armed_group_that_set_up_a_council_changed_its_activity(triggers):
    found = triggers("The rebels said they had set up a council to run the district.")
    assert (found["set up"].type, found["set up"].subtype) == ("strategic_developments", "change_to_group_activity")


def test_parties_agreeing_on_a_matter_reach_an_agreement(triggers):
    found = triggers("On 4 June 2021, the government and the FRF agreed on the sharing of ministerial posts in Bamako.")
    assert (found["agreed"].type, found["agreed"].subtype) == ("strategic_developments", "agreement")


def test_moving_into_a_post_without_fighting_is_a_non_violent_transfer(triggers):
    found = triggers("On 12 March 2021, the soldiers withdrew from the outpost at Kariba; Ansarul Islam fighters moved "
                     "into the empty camp without fighting.")
    assert found["moved"].subtype == "non_violent_transfer_of_territory"


def test_banning_gatherings_is_a_strategic_development_but_banning_smoking_none(triggers):
    found = triggers("On 6 June 2021, the Lyon police prefecture banned rallies in the city centre ahead of the vote.")
    assert (found["banned"].type, found["banned"].subtype) == ("strategic_developments", "other")
    assert "banned" not in triggers("The ministry banned smoking in public offices.")


def test_a_toxic_gas_released_is_a_chemical_weapon(triggers):
    found = triggers("On 3 March 2021, villagers near Idlib reported a toxic gas released from a shell; twelve people "
                     "were treated.")
    assert (found["released"].type, found["released"].subtype) == ("explosions_remote_violence", "chemical_weapon")


def test_protested_misread_as_an_adjective_still_protests(triggers):
    found = triggers("On 15 May 2021, dozens, some armed, protested mask mandates at the courthouse in Boise (Idaho).")
    assert found["protested"].type == "protests"


def test_unions_marking_a_day_protest_but_an_attack_marking_a_day_does_not(triggers):
    found = triggers("On 8 March 2021, teachers' unions marked Women's Day in Constitucion Square, Santiago.")
    assert found["marked"].subtype == "peaceful_protest"
    assert "marked" not in triggers("The attack marked the deadliest day for the city since 2015.")


def test_a_truce_announced_is_made_when_the_parse_hangs_the_verb_on_its_subject(triggers):
    found = triggers("On 4 May 2021, the KNU-allied armed groups announced from Mandalay (Mandalay) that they would "
                     "extend their unilateral truce to the end of June due to the floods.")
    assert not found["truce"].hypothetical
