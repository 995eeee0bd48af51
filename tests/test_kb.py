"""The actor knowledge base: alias matching with the case rules that keep 'is' from being IS."""

from eventwire.annotations.kb import load_kb, match


def ids(text):
    return [(text[s:e], a.id) for s, e, a in load_kb().find(text)]


def test_short_acronym_needs_capitals_in_mixed_case_text():
    assert ids("Two IS members blew themselves up. What is known is little.") == [("IS", "islamic-state")]


def test_shouted_headline_does_not_read_is_as_the_group():
    assert ids("WHAT IS NEXT FOR THE REGION") == []


def test_lowercase_text_matches_names_and_acronyms_but_not_english_words():
    text = "the fmln and shining path guerrillas said this is a warning to us. let them come."
    assert ids(text) == [("fmln", "fmln"), ("shining path", "shining-path")]


def test_capitalised_name_is_not_matched_as_a_common_phrase():
    assert ids("The party wants an Islamic state in the region.") == []
    assert ids("Islamic State claimed the attack.") == [("Islamic State", "islamic-state")]


def test_demonyms_and_force_words_give_state_forces():
    assert match("the Iranian government").id == "IR-government"
    assert match("Israeli troops").id == "IL-military"
    assert match("Iran's army").id == "IR-military"
    assert match("the armed forces of El Salvador").id == "SV-military"
    assert match("Military Forces of Israel").name == "Military Forces of Israel"


def test_institutions_resolve_to_their_state():
    assert match("IDF").id == "IL-military"
    pentagon = match("the Pentagon")
    assert pentagon.country == "US" and pentagon.parent == "US-military"


def test_spelling_and_transliteration_variants():
    assert match("Daesh").id == "islamic-state"
    assert match("al-Qaida").id == match("Al Qaeda").id == "al-qaeda"
    assert match("Tehreek-e-Taliban Pakistan").id == "ttp"
    assert match("Kataib Hezbollah").id == match("Kata'ib Hezbollah").id


def test_dotted_abbreviation_matches_in_any_case():
    assert ids("u.s. embassy officials") == [("u.s.", "US")]
    assert ids("U.S. troops landed") == [("U.S. troops", "US-military")]


def test_member_phrases_resolve_to_the_group():
    assert match("two IS members").id == "islamic-state"
    assert match("Houthi fighters").id == "houthis"


def test_generic_perpetrators_are_not_actors():
    assert match("unidentified gunmen") is None
    assert match("armed men") is None


def test_a_country_is_a_state_actor_and_its_government_is_not_the_country():
    israel = match("Israel")
    assert israel.is_country and israel.type == "state"
    assert not match("the Israeli government").is_country


def test_provinces_point_to_their_parent_group():
    assert match("ISWAP").parent == "islamic-state"
    assert match("Islamic State Khorasan Province").id == "iskp"


def test_short_acronym_next_to_another_actor_acronym_is_not_shouting():
    assert ids("US CENTCOM said the strike hit an IS commander.") == [
        ("US", "US"), ("CENTCOM", "centcom"), ("IS", "islamic-state")]


def test_acled_style_qualifiers_in_parentheses_are_dropped():
    assert match("Military Forces of Nigeria (2015-2023)").id == "NG-military"
    assert match("Boko Haram (JAS)").id == "boko-haram"
    assert match("Fulani Ethnic Militia (Nigeria)").id == "fulani-militia"
    assert match("Abu Sayyaf Group (ASG)").id == "abu-sayyaf"


def test_whole_name_is_tried_before_dropping_member_words():
    assert match("Fulani militia").id == "fulani-militia"
    assert match("Bangsamoro Islamic Freedom Fighters").id == "biff"
    assert match("DPR forces").id == "lpr-dpr"
    assert match("Taliban forces").id == "taliban"


def test_forces_of_the_country_and_lowercase_variant_of_a_curated_name():
    assert match("Armed Forces of the Philippines").id == "PH-military"
    assert ids("Malian armed forces repelled the attack.") == [("Malian armed forces", "ML-military")]


def test_a_peacekeeping_mission_is_its_own_actor_under_its_parent():
    mission = match("UNMISS")
    assert mission is not None and mission.operates_in == "SS" and mission.parent == "un-peacekeepers"
    assert match("AMISOM troops").name == "African Union Mission in Somalia"


def test_national_army_acronyms_name_the_forces_but_not_english_words():
    assert match("ENDF").name == "Military Forces of Ethiopia"
    assert not [a for _, _, a in load_kb().find("a fan of the club attacked the soldiers") if a.id == "NE-military"]


def test_finding_the_same_text_twice_gives_the_same_matches_and_a_new_text_its_own():
    kb = load_kb()
    first = kb.find("Hamas fired rockets from Gaza.")
    assert kb.find("Hamas fired rockets from Gaza.") == first and first[0][2].name == "Hamas"
    assert [a.name for _, _, a in kb.find("Boko Haram attacked Baga.")] == ["Boko Haram"]


def test_an_alias_that_forces_of_several_countries_bear_keeps_each_owner():
    rangers = load_kb().namesakes("Rangers", nocase=False)
    assert rangers["PK"].id == "rangers-pk" and rangers["TH"].id == "TH-military"
    assert load_kb().namesakes("IDF", nocase=False) is None  # one country's own name for its army


def test_a_force_word_alone_is_every_states_force():
    border_police = load_kb().namesakes("Border Police", nocase=False)
    assert border_police["IL"].id == "border-police-il" and border_police["IR"].id == "IR-police"


def test_namesakes_told_apart_by_case_keep_their_own_casing():
    assert ids("JeM militants attacked a camp.") == [("JeM", "jaish-e-mohammed")]
    assert ids("JEM rebels attacked a camp.") == [("JEM", "jem")]


def test_a_demonym_with_a_branch_or_agents_of_a_force_names_the_states_forces():
    assert match("Ukrainian air defence forces").id == "UA-military"
    assert match("Russian air defense").id == "RU-military"
    assert match("Iranian security agents").id == match("Iranian intelligence agents").id == "IR-military"


def test_more_national_force_acronyms():
    assert [match(a).id for a in ("TSK", "RDF", "SANDF", "FACA", "EDF", "KPA", "BIR")] == [
        "TR-military", "RW-military", "ZA-military", "CF-military", "ER-military", "KP-military", "bir-cm"]
    assert match("Rapid Intervention Battalion").parent == "CM-military"


def test_a_countrys_military_police_are_its_military_and_intelligence_police_its_police():
    assert match("Russian military police").id == "RU-military"
    sebin = match("the SEBIN")
    assert sebin.country == "VE" and sebin.parent == "VE-police"


def test_a_coalitions_member_gang_is_its_own_actor():
    assert ids("The 400 Mawozo gang claimed the kidnapping.") == [("400 Mawozo", "400-mawozo")]
    gang = match("the 400 Mawozo gang")
    assert gang.name == "400 Mawozo" and gang.parent == "viv-ansanm"


def test_incident_databases_own_spellings_of_groups_name_them():
    assert match("Basque Fatherland and Freedom (ETA)").id == "eta"
    assert match("JNIM: Group for Support of Islam and Muslims".split(": ")[1]).id == "jnim"
    assert match("Khorasan Chapter of the Islamic State").id == "iskp"
    assert match("Sipah-e-Sahaba/Pakistan (SSP)").id == "sipah-e-sahaba"
    assert [match(n).id for n in ("Free Aceh Movement (GAM)", "Islamic Movement of Uzbekistan (IMU)",
                                  "Islamic Army in Iraq (IAI)", "Jammu and Kashmir Liberation Front")] == [
        "gam", "imu", "iai", "jklf"]


def test_rebels_of_a_region_without_a_state_are_one_group():
    assert ids("Chechen separatists seized a school.") == [("Chechen separatists", "chechen-rebels")]


def test_anarchists_in_running_text_name_the_movement():
    assert ids("Police attributed the bombing of the bank to anarchists.") == [("anarchists", "anarchists")]


def test_donbas_separatist_forces_bear_the_incident_databases_name():
    assert match("DPR").name == "United Armed Forces of Novorossia"
    assert match("Novorossiya Armed Forces").id == "lpr-dpr"
