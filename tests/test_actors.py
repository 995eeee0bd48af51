"""The actors stage: one entity per referent, merged across name variants, resolved to the KB."""

import pytest

from eventwire.annotations.actors import entity_at

STAGES = ["actors"]


def entity_with(doc, text):
    """The one entity one of whose mentions is exactly `text`."""
    found = [e for e in doc.entities if any(m.text == text for m in e.mentions)]
    assert len(found) == 1, (text, [(e.name, [m.text for m in e.mentions]) for e in doc.entities])
    return found[0]


def test_full_name_title_spelling_variant_and_surname_merge(run):
    doc = run("General Qassem Soleimani was killed in a drone strike in 2020. Thousands mourned Qasem Soleimani "
              "in Tehran. Soleimani was buried in his home town.", stages=STAGES)
    ent = entity_with(doc, "Qassem Soleimani")
    assert ent.kind == "person"
    assert {"Qasem Soleimani", "Soleimani"} <= {m.text for m in ent.mentions}
    assert "General" in ent.roles


def test_arabic_article_and_transliteration_variants_merge(run):
    doc = run("Hamas deputy leader Saleh al-Arouri was killed in Beirut on Tuesday. Al-Arouri, 57, was born near "
              "Ramallah. Israel had long accused al-Aroui of planning attacks.", stages=STAGES)
    ent = entity_with(doc, "Saleh al-Arouri")
    assert {"Al-Arouri", "al-Aroui"} <= {m.text for m in ent.mentions}


def test_different_people_sharing_a_surname_stay_apart(run):
    doc = run("Amari Brown was shot dead on Monday night. Police arrested Antonio Brown, 22, on Tuesday. "
              "Brown was charged with murder.", stages=STAGES)
    amari, antonio = entity_with(doc, "Amari Brown"), entity_with(doc, "Antonio Brown")
    assert amari.id != antonio.id
    assert "Brown" in {m.text for m in antonio.mentions}  # the nearest preceding full name


def test_kb_acronym_possessive_and_short_form_merge(run):
    doc = run("The attack targeted Iran's Islamic Revolutionary Guard Corps (IRGC) in Sistan. The Revolutionary "
              "Guards said four members died. The IRGC blamed foreign agents.", stages=STAGES)
    ent = entity_with(doc, "IRGC")
    assert ent.kb_id == "irgc" and ent.name == "Islamic Revolutionary Guard Corps"
    assert {"Islamic Revolutionary Guard Corps", "Revolutionary Guards"} <= {m.text for m in ent.mentions}
    assert ent.kind == "organization" and ent.country_code == "IR"


def test_acronym_defined_in_text_joins_an_unknown_group(run):
    doc = run("The Karen Liberation Council (KLC) attacked a border post on Sunday. A KLC spokesman said the "
              "fighting continued.", stages=STAGES)
    ent = entity_with(doc, "Karen Liberation Council")
    assert ent.kb_id is None and "KLC" in ent.aliases


def test_unknown_group_is_kept_as_an_entity(run):
    doc = run("The Zomi Revolutionary Army claimed responsibility for the ambush near Churachandpur.", stages=STAGES)
    ent = entity_with(doc, "Zomi Revolutionary Army")
    assert ent.kind == "organization" and ent.kb_id is None


def test_islamic_state_short_and_long_forms_merge_and_is_stays_a_verb(run):
    doc = run("Islamic State claimed the bombing. Two IS members detonated explosive belts, the group said, "
              "and it is the deadliest attack this year.", stages=STAGES)
    ent = entity_with(doc, "IS")
    assert ent.kb_id == "islamic-state"
    assert [m.text for m in ent.mentions] == ["Islamic State", "IS"]


def test_lowercase_text_resolves_guerrilla_groups(run):
    doc = run("the farabundo marti national liberation front (fmln) attacked the salvadoran army. the fmln said "
              "it is ready to talk.", stages=STAGES)
    fmln = entity_with(doc, "fmln")
    assert fmln.kb_id == "fmln" and len(fmln.mentions) == 3
    army = entity_with(doc, "salvadoran army")
    assert army.kb_id == "SV-military" and army.country_code == "SV"
    assert not any(e.kb_id == "islamic-state" for e in doc.entities)


def test_surname_tagged_as_another_type_joins_the_person(run):
    doc = run("Mourners marked the anniversary of Soleimani's death on Wednesday. General Qassem Soleimani "
              "was killed in Baghdad in 2020.", stages=STAGES)
    ent = entity_with(doc, "Qassem Soleimani")
    assert ent.kind == "person" and "Soleimani" in {m.text for m in ent.mentions}


def test_name_after_a_role_word_is_a_person_with_that_role(run):
    doc = run("Taking to X, Ministry of External Affairs spokesperson Randhir Jaiswal said India stood with "
              "Iran.", stages=STAGES)
    ent = entity_with(doc, "Randhir Jaiswal")
    assert ent.kind == "person"
    assert any("spokesperson" in r for r in ent.roles)


def test_social_handle_under_a_name_is_an_alias_of_the_author(run):
    doc = run("Randhir Jaiswal\n\n@MEAIndia · Follow\n\nWe are shocked and saddened by the bombings in Kerman.\n",
              stages=STAGES)
    ent = entity_with(doc, "@MEAIndia")
    assert ent.name == "Randhir Jaiswal" and ent.kind == "person"


def test_roles_from_copula_and_apposition(run):
    doc = run("General Qassem Soleimani died in 2020. Soleimani was the commander of the Quds Force. The strike "
              "came a day after a top Hamas leader, "
              "Saleh al-Arouri, was killed in Beirut.", stages=STAGES)
    assert "commander of the Quds Force" in entity_with(doc, "Soleimani").roles
    assert "top Hamas leader" in entity_with(doc, "Saleh al-Arouri").roles


def test_country_is_a_location_that_keeps_its_kb_identity(run):
    doc = run("Israel accused Hamas of planning the kidnapping. An Israeli drone struck the building.",
              stages=STAGES)
    israel = entity_with(doc, "Israel")
    assert israel.kind == "location" and israel.kb_id == "IL" and israel.actor_type == "state"
    assert "Israeli" in {m.text for m in israel.mentions}
    hamas = entity_with(doc, "Hamas")
    assert hamas.kind == "organization" and hamas.actor_type == "armed_group"


def test_state_force_phrases_resolve_to_forces_not_the_country(run):
    doc = run("The Pentagon said the US military had killed him. The Iranian government vowed revenge.",
              stages=STAGES)
    assert entity_with(doc, "US military").name == "Military Forces of the United States"
    assert entity_with(doc, "Iranian government").kb_id == "IR-government"
    assert entity_with(doc, "Pentagon").kb_id == "pentagon"


@pytest.mark.parametrize("mention", ["IS", "members"])
def test_entity_at_finds_the_entity_under_a_span(run, mention):
    text = "Two IS members detonated their belts."
    doc = run(text, stages=STAGES)
    start = text.index("IS members") if mention == "members" else text.index("IS")
    ent = entity_at(doc, start, start + len("IS members" if mention == "members" else "IS"))
    assert ent is not None and ent.kb_id == "islamic-state"
    assert entity_at(doc, text.index("belts"), len(text)) is None


def test_roles_link_a_person_to_the_group_they_speak_for(run):
    doc = run("Taliban spokesman Zabiullah Mujahid said the group had carried out the attack.", stages=STAGES)
    person = entity_with(doc, "Zabiullah Mujahid")
    taliban = entity_with(doc, "Taliban")
    assert taliban.id in person.affiliations


def test_generational_suffixes_keep_father_and_son_apart(run):
    doc = run("George Bush Sr. met Chinese leaders in 1989. His son George Bush Jr. later ordered the invasion "
              "of Iraq.", stages=STAGES)
    people = [e for e in doc.entities if e.kind == "person"]
    assert len(people) == 2, [(e.name, [m.text for m in e.mentions]) for e in people]


def test_undefined_acronym_spelling_an_unknown_groups_initials_joins_it(run):
    doc = run("The Syrian Observatory for Human Rights reported 12 dead. SOHR said the toll could rise.",
              stages=STAGES)
    ent = entity_with(doc, "Syrian Observatory for Human Rights")
    assert "SOHR" in ent.aliases


def test_nickname_of_the_given_name_is_the_same_person(run):
    doc = run("Joshua Guzman, 19, was arrested on Friday. Police said Josh Guzman had fled the scene.",
              stages=STAGES)
    ent = entity_with(doc, "Joshua Guzman")
    assert "Josh Guzman" in ent.aliases


def test_names_joined_by_and_are_two_people(run):
    doc = run("Detectives Mark Ahlstrom and Sarah Soule interviewed the witnesses on Monday.", stages=STAGES)
    names = {e.name for e in doc.entities if e.kind == "person"}
    assert {"Mark Ahlstrom", "Sarah Soule"} <= names, names


def test_a_surname_that_is_also_a_month_is_not_read_in_a_date(run):
    doc = run("Prime Minister Theresa May promised a review. The bombing happened on May 22 in Manchester. "
              "May said the threat level would stay high.", stages=STAGES)
    ent = entity_with(doc, "Theresa May")
    starts = {m.start for m in ent.mentions}
    assert doc.text.index("May 22") not in starts


def test_a_person_whose_name_is_also_an_alias_stays_a_person(run):
    doc = run("Detective John Wagner said the suspect fled. Wagner added that no shots were fired.",
              stages=STAGES)
    ent = entity_with(doc, "John Wagner")
    assert ent.kind == "person" and ent.kb_id is None
    assert "Wagner" in ent.aliases


def test_a_name_written_as_a_place_is_a_location(run):
    doc = run("Militants attacked a checkpoint in Raqqa, Ar Raqqah governorate, Syria. Troops clashed with rebels "
              "in Beighpora district. A mine exploded in Avdiivka, Donetsk oblast.", stages=STAGES)
    kinds = {e.name: e.kind for e in doc.entities}
    assert all(kinds.get(n, "location") == "location" for n in ("Ar Raqqah", "Beighpora", "Avdiivka"))


def test_a_person_before_a_comma_or_a_verb_stays_a_person(run):
    doc = run("Police said John Smith, a local farmer, was killed near his home.", stages=STAGES)
    assert entity_with(doc, "John Smith").kind == "person"


def test_a_unit_of_a_states_forces_is_named_with_the_force_it_belongs_to(run):
    doc = run("Two CRPF jawans and a BGB soldier were hurt in separate incidents on Sunday.", stages=STAGES)
    assert entity_with(doc, "CRPF").name == "Central Reserve Police Force (Police Forces of India)"
    assert entity_with(doc, "BGB").name == "Border Guard Bangladesh (Military Forces of Bangladesh)"


def test_a_faction_written_in_brackets_after_an_acronym_is_its_own_group(run):
    doc = run("Suspected NDFB(S) cadres set fire to a school in Chirang on Friday.", stages=STAGES)
    ent = entity_with(doc, "NDFB(S)")
    assert ent.name == "National Democratic Front of Bodoland (Songbijit)" and ent.actor_type == "armed_group"


def test_an_acronym_shared_with_another_army_needs_its_militants(run):
    doc = run("PLA militants ambushed an Assam Rifles patrol near the border on Monday.", stages=STAGES)
    assert entity_with(doc, "PLA militants").name == "People's Liberation Army of Manipur"


def test_spla_after_independence_is_the_army_of_south_sudan(run):
    doc = run("The SPLA recaptured the town from the rebels.", stages=STAGES)
    assert entity_with(doc, "SPLA").name == "Military Forces of South Sudan"


def test_acronym_groups_carry_their_full_name(run):
    doc = run("M23 rebels took control of the town after the army withdrew.", stages=STAGES)
    assert entity_with(doc, "M23 rebels").name == "March 23 Movement"


def test_forces_loyal_to_a_leader_are_his_faction(run):
    doc = run("Airstrikes by forces loyal to Haftar hit positions in the city.", stages=STAGES)
    assert "Haftar" in entity_with(doc, "forces loyal to Haftar").name


def test_town_and_ethnic_militias_are_named_as_communal_and_ethnic_militias(run):
    doc = run("Misrata militias clashed with Zintan brigades near the airport. Murle gunmen raided a cattle camp.",
              stages=STAGES)
    assert entity_with(doc, "Misrata militias").name == "Misrata Communal Militia"
    assert entity_with(doc, "Zintan brigades").name == "Zintan Communal Militia"
    assert entity_with(doc, "Murle gunmen").name == "Murle Ethnic Militia"


def test_ukraine_security_service_acronym_is_a_state_force(run):
    doc = run("The SBU detained a man in Kharkiv who was spying for Russia.", stages=STAGES)
    ent = entity_with(doc, "SBU")
    assert "Security Service of Ukraine" in ent.name and ent.actor_type == "state_force"


def test_turkish_backed_factions_are_the_syrian_national_army(run):
    doc = run("Turkish-backed factions shelled Kurdish villages near the border.", stages=STAGES)
    assert entity_with(doc, "Turkish-backed factions").name == "Syrian National Army"


def test_resolved_place_spacy_took_for_a_person_is_a_location(run):
    doc = run("Gunmen attacked a checkpoint on the outskirts of Tal Rifaat (Azaz, Aleppo).", stages=["places", *STAGES])
    assert entity_with(doc, "Tal Rifaat").kind == "location"


@pytest.mark.parametrize("text, name", [
    ("Dissident republicans were blamed for the pipe bomb found under a car in Derry.", "Dissident republicans"),
    ("Anarchists claimed the arson of two police cars in Athens on Friday.", "Anarchists"),
    ("Sinhalese Buddhist extremists attacked Muslim-owned shops in Ampara overnight.", "Sinhalese Buddhist extremists"),
    ("A statement from Soldiers in T-shirts said the group had flown the drones.", "Soldiers in T-shirts"),
    ("Malay Muslim separatists were blamed for the roadside bomb in Pattani.", "Malay Muslim separatists"),
    ("Individualists Tending Toward the Wild said it sent the parcel bomb to the professor.",
     "Individualists Tending Toward the Wild"),
])
def test_descriptive_group_names_are_known_organisations(run, text, name):
    doc = run(text, stages=STAGES)
    ent = next(e for e in doc.entities if e.name == name)
    assert ent.kind == "organization" and ent.kb_id is not None


PLACED = ["places", "actors"]


def kb_ids(doc):
    return {e.kb_id for e in doc.entities if e.kb_id}


def test_a_force_alias_several_countries_bear_is_the_documents_countrys(run):
    pakistan = run("Paramilitary Rangers detained an opposition leader outside a court in Lahore.", stages=PLACED)
    thailand = run("Paramilitary rangers were ambushed near a school in Narathiwat.", stages=PLACED)
    assert "rangers-pk" in kb_ids(pakistan) and "TH-military" not in kb_ids(pakistan)
    assert "TH-military" in kb_ids(thailand)
    texas = run("Rangers arrested three men in Austin, Texas.", stages=PLACED)  # a third country's: none of them
    assert not kb_ids(texas) & {"rangers-pk", "TH-military"}


def test_a_force_word_alone_is_the_force_of_the_documents_country(run):
    iran = run("Regime forces fired on mourners in Zahedan, Iran.", stages=PLACED)
    assert "IR-military" in kb_ids(iran) and "SY-military" not in kb_ids(iran)
    lebanon = run("The IDF shelled Khiam in southern Lebanon.", stages=PLACED)
    assert "IL-military" in kb_ids(lebanon)  # a country's own name for its army stays its own abroad


def test_a_group_name_tagged_as_a_person_with_its_article_is_still_the_group(run):
    doc = run("An al-Shabaab drone strike hit a market in Baidoa.", stages=STAGES)
    assert "al-shabaab" in kb_ids(doc)


def test_a_groups_forces_or_troops_are_the_group_but_a_named_bodys_troops_stay_its_men(run):
    doc = run("TPLF forces attacked a base near Mekele. Wagner troops and Atlacatl Battalion troops arrived later. "
              "SSA-N and Tatmadaw troops clashed.", stages=STAGES)
    assert entity_with(doc, "TPLF forces").kb_id == "tplf"
    assert entity_with(doc, "Wagner troops").kb_id == "wagner"
    assert entity_with(doc, "Atlacatl Battalion").kb_id == "atlacatl"
    assert entity_with(doc, "Tatmadaw").kb_id == "MM-military"  # the troops of both


def test_security_forces_that_police_a_protest_or_arrest_people_are_the_countrys_police(run):
    fired = run("Security forces fired tear gas and live rounds at protesters in Basra, Iraq.", stages=PLACED)
    assert "IQ-police" in kb_ids(fired) and "IQ-military" not in kb_ids(fired)
    arrested = run("Security agents arrested a journalist at her home in Shiraz, Iran.", stages=PLACED)
    assert "IR-police" in kb_ids(arrested)
    dispersed = run("The rally was dispersed by security forces in Nairobi, Kenya.", stages=PLACED)
    assert "KE-police" in kb_ids(dispersed)
    named = run("Iraqi security forces used water cannon against demonstrators in Baghdad.", stages=PLACED)
    assert "IQ-police" in kb_ids(named) and "IQ-military" not in kb_ids(named)


def test_security_forces_in_combat_or_beside_an_army_stay_the_military(run):
    clash = run("Iraqi security forces clashed with Islamic State fighters near Mosul, Iraq.", stages=PLACED)
    assert "IQ-military" in kb_ids(clash) and "IQ-police" not in kb_ids(clash)
    bare = run("Security forces killed four militants in a gunfight in Kupwara, India.", stages=PLACED)
    assert "IN-police" not in kb_ids(bare)
    army = run("Security forces and army troops arrested three men in Sopore, India.", stages=PLACED)
    assert "IN-police" not in kb_ids(army)
    national = run("Afghan security forces detained two Taliban commanders in Kunduz.", stages=PLACED)
    assert "AF-military" in kb_ids(national)  # a nation's named umbrella force, outside crowd control


def test_a_foreign_forces_military_police_are_its_military(run):
    doc = run("Russian military police took up positions at a base outside Manbij, Syria.", stages=PLACED)
    assert "RU-military" in kb_ids(doc) and "SY-police" not in kb_ids(doc)


def test_a_name_ending_in_a_word_for_a_causes_fighters_is_a_group_not_a_person(run):
    doc = run("Officials blamed Baloch Separatists for the bombing in Quetta.", stages=STAGES)
    assert entity_with(doc, "Baloch Separatists").kind == "organization"


def test_an_acronym_the_text_defines_is_not_a_foreign_namesake_in_the_knowledge_base(run):
    doc = run("Gunmen attacked an office of the United People's Democratic Front (UPDF) in Khagrachhari, Bangladesh. "
              "The UPDF blamed a rival faction.", stages=["places", "actors"])
    ent = entity_with(doc, "United People's Democratic Front")
    assert ent.kb_id is None and {m.text for m in ent.mentions} >= {"UPDF"}
    spelled = run("Militants of the Tehreek-e-Taliban Pakistan (TTP) attacked a checkpoint in Bannu, Pakistan. "
                  "The TTP said it carried out the attack.", stages=["places", "actors"])
    assert entity_with(spelled, "Tehreek-e-Taliban Pakistan").kb_id == "ttp"  # a spelling the base lacks


def test_a_partys_student_wing_keeps_its_own_name(run):
    doc = run("Members of the Bangladesh Chhatra League attacked a procession in Feni.", stages=STAGES)
    assert entity_with(doc, "Bangladesh Chhatra League").name == "Bangladesh Chhatra League"


def test_a_force_word_alone_is_no_named_group(run):
    doc = run("Army troops and Navy commandos overran a rebel camp in Sulu after a long firefight.", stages=STAGES)
    assert not {"Army", "Navy"} & {m.text for e in doc.entities for m in e.mentions}


def test_capitalised_words_an_acronym_defines_are_an_organization(run):
    doc = run("A firebomb damaged a bank in Valparaiso. Friends of the Burning Earth (FBE) claimed the attack.",
              stages=STAGES)
    ent = entity_with(doc, "Friends of the Burning Earth")
    assert ent.kind == "organization"
    assert "FBE" in {m.text for m in ent.mentions}


def test_acronym_after_a_country_name_makes_no_organization(run):
    doc = run("Fighting resumed in the Democratic Republic of the Congo (DRC) on Monday.", stages=STAGES)
    assert not any(e.kind == "organization" and "Republic" in e.name for e in doc.entities)


def test_fc_personnel_are_the_frontier_corps(run):
    doc = run("FC personnel raided a compound near Khuzdar on Sunday and arrested three men.", stages=STAGES)
    ent = entity_with(doc, "FC personnel")
    assert ent.kb_id == "frontier-corps"


@pytest.mark.parametrize("text, mention, force", [
    ("Mumbai Police detained two journalists in Mumbai on Friday.", "Mumbai Police", "Police Forces of India"),
    ("On 2 June, Punjab Police arrested three men after a brawl in Lahore, Punjab.", "Punjab Police",
     "Police Forces of Pakistan"),
])
def test_a_citys_police_is_its_countrys_police_force(run, text, mention, force):
    doc = run(text, stages=["places", "actors"])
    assert entity_with(doc, mention).name == force
