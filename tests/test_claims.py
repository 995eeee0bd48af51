"""The claims stage on sentences written for each attribution, its actor and its scope."""

from __future__ import annotations

import pytest

from eventwire.annotations.claims import attribution_for

STAGES = ["claims"]


@pytest.fixture
def claims(run):
    """claims(text) -> (doc, [(attribution, cue, actor, scope text, denied)])."""

    def _claims(text: str):
        doc = run(text, stages=STAGES)
        return doc, [(c.attribution, c.cue.text, c.actor.text if c.actor else None,
                      doc.text[c.scope_start:c.scope_end], c.denied) for c in doc.claims]

    return _claims


def scope_of(doc, mention: str):
    start = doc.text.index(mention)
    claim = attribution_for(doc.claims, start, start + len(mention))
    return claim.attribution if claim else "reported"


def test_claimed_responsibility_covers_the_sentence(claims):
    doc, found = claims("Islamic State claimed responsibility for two explosions in Kerman.")
    assert found == [("claimed", "claimed responsibility", "Islamic State",
                      "Islamic State claimed responsibility for two explosions in Kerman.", False)]
    assert scope_of(doc, "Islamic State") == "claimed"


def test_passive_responsibility_names_the_agent(claims):
    _, found = claims("Responsibility for the bombing was claimed by the Medellin cartel.")
    assert [(a, actor) for a, _, actor, _, _ in found] == [("claimed", "the Medellin cartel")]


def test_negated_claim_is_no_claim(claims):
    assert claims("No group has claimed responsibility for the attack.")[1] == []


def test_said_it_carried_out_is_a_claim(claims):
    _, found = claims("The group said it carried out the attack on the convoy.")
    assert [(a, actor) for a, _, actor, _, _ in found] == [("claimed", "The group")]


def test_statement_about_its_members_is_a_claim(claims):
    _, found = claims("In a statement, the group said two of its members had detonated explosive belts.")
    assert [a for a, *_ in found] == ["claimed"]


def test_statement_after_a_claim_continues_it(claims):
    doc, found = claims(
        "Islamic State claimed responsibility for the twin blasts. The group posted a statement on Telegram. "
        "Crowds had gathered at the cemetery. In a statement, the militant group said two members had "
        "detonated explosive belts in the crowd.")
    assert [a for a, *_ in found] == ["claimed", "claimed"]
    assert found[0][3].endswith("posted a statement on Telegram.")
    assert scope_of(doc, "two members") == "claimed"


def test_accusation_scope_leaves_out_the_accuser(claims):
    doc, found = claims("In 2014, Israel accused al-Aroui of planning the kidnapping of three teenagers.")
    assert [(a, cue, actor) for a, cue, actor, _, _ in found] == [("accused", "accused", "Israel")]
    assert scope_of(doc, "al-Aroui") == "accused"
    assert scope_of(doc, "Israel") == "reported"


def test_blame_and_attribution_are_accusations(claims):
    assert [a for a, *_ in claims("Police blamed the attack on the ELN.")[1]] == ["accused"]
    assert [a for a, *_ in claims("The attack was attributed to the Shining Path.")[1]] == ["accused"]


def test_suspected_modifiers_scope_their_noun_phrase(claims):
    doc, found = claims("Suspected militants opened fire on a bus in the north.")
    assert [(a, scope) for a, _, _, scope, _ in found] == [("suspected", "Suspected militants")]
    assert scope_of(doc, "militants") == "suspected"


def test_believed_to_have_is_suspected(claims):
    doc, found = claims("Al-Aroui was believed to have been killed in an Israeli drone strike.")
    assert [a for a, *_ in found] == ["suspected"]
    assert scope_of(doc, "Israeli") == "suspected"


def test_reportedly_and_alleged_are_suspected(claims):
    assert [a for a, *_ in claims("The bombing was reportedly carried out by the FMLN.")[1]] == ["suspected"]
    assert [a for a, *_ in claims("He is suspected of planting the bomb.")[1]] == ["suspected"]


def test_official_statement_confirms(claims):
    doc, found = claims("The Pentagon said the US military had killed him.")
    assert [(a, actor, scope) for a, _, actor, scope, _ in found] == [
        ("confirmed", "The Pentagon", "the US military had killed him")]
    assert scope_of(doc, "US military") == "confirmed"


def test_officials_confirmed_and_according_to_police(claims):
    assert [a for a, *_ in claims("Officials confirmed that the rebels had attacked the convoy.")[1]] == ["confirmed"]
    assert [a for a, *_ in claims("According to police, guerrillas dynamited the tower.")[1]] == ["confirmed"]


def test_arrest_for_an_act_confirms(claims):
    doc, found = claims("Police arrested two men for the killing.")
    assert [(a, actor) for a, _, actor, _, _ in found] == [("confirmed", "Police")]
    assert scope_of(doc, "two men") == "confirmed"


def test_denial_of_a_clause_is_marked_denied(claims):
    doc, found = claims("The army denied that guerrillas attacked the base.")
    assert found == [("reported", "denied", "The army", "that guerrillas attacked the base", True)]
    assert scope_of(doc, "guerrillas") == "reported"  # denials give no attribution


def test_denial_of_responsibility_covers_the_denier(claims):
    _, found = claims("Hamas denied responsibility for the blast.")
    assert found == [("reported", "denied", "Hamas", "Hamas denied responsibility for the blast.", True)]


def test_plain_reporting_makes_no_claim(claims):
    assert claims("Gunmen attacked a police station on Monday, witnesses said.")[1] == []
    assert claims("It was reported that the city has no electricity.")[1] == []


def test_lowercased_claim(claims):
    _, found = claims("the fmln claimed responsibility for the attack.")
    assert [(a, actor) for a, _, actor, _, _ in found] == [("claimed", "the fmln")]


def test_claim_for_the_incident_reaches_back_over_its_paragraph(claims):
    text = ("A roadside bomb struck a police vehicle in Helmand province. Two officers were killed. "
            "The Taliban claimed responsibility for the incident.")
    _, found = claims(text)
    assert [(a, actor, scope) for a, _, actor, scope, _ in found] == [("claimed", "The Taliban", text)]


def test_anaphoric_claim_stops_at_the_paragraph_break(claims):
    _, found = claims("Rebels shelled the town.\nThe group claimed the attack on Monday.")
    assert [scope for *_, scope, _ in found] == ["The group claimed the attack on Monday."]


def test_claim_for_a_new_act_keeps_its_sentence(claims):
    _, found = claims("Police patrolled the city. The group claimed responsibility for a bombing in Kabul.")
    assert [scope for *_, scope, _ in found] == ["The group claimed responsibility for a bombing in Kabul."]


def test_no_group_claimed_responsibility_for_the_incident_is_no_claim(claims):
    assert claims("Gunmen killed two farmers. No group claimed responsibility for the incident.")[1] == []


def test_bare_was_suspected_is_a_suspicion(claims):
    doc, found = claims("Three bombers attacked a market in Konduga. Boko Haram was suspected.")
    assert [a for a, *_ in found] == ["suspected"]
    assert scope_of(doc, "Boko Haram") == "suspected"


def test_bearing_no_responsibility_is_a_denial_not_a_claim(claims):
    doc, found = claims("Gunmen attacked a church in Kaya. In a statement, the group said, "
                        "'We confirm that Ansar al-Islam bears no responsibility for the attack.'")
    assert [(a, denied) for a, *_, denied in found] == [("reported", True)]
    assert scope_of(doc, "Ansar al-Islam") == "reported"


def test_denying_any_involvement_is_a_denial(claims):
    _, found = claims("Boko Haram denied any involvement in the attack.")
    assert [(a, actor, denied) for a, _, actor, _, denied in found] == [("reported", "Boko Haram", True)]


def test_having_nothing_to_do_with_an_attack_is_a_denial_by_the_speaker(claims):
    _, found = claims("The ADF said it has nothing to do with the killings.")
    assert [(actor, scope, denied) for _, _, actor, scope, denied in found] == [
        ("The ADF", "it has nothing to do with the killings", True)]


def test_not_being_involved_or_responsible_is_a_denial(claims):
    for text in ("The Taliban said they were not involved in the attack.",
                 "The group said it was not responsible for the blast.", "Hamas said it had no role in the bombing."):
        assert [denied for *_, denied in claims(text)[1]] == [True], text


def test_unclear_responsibility_and_no_claim_are_no_denials(claims):
    assert claims("It was not immediately clear who was responsible for the attack.")[1] == []
    assert claims("No group claimed responsibility for the attack.")[1] == []


def test_a_groups_claim_does_not_cover_the_security_forces_that_fought_it(claims):
    doc, _ = claims("Gunmen stabbed two officers. One gunman was shot dead by security forces. "
                    "The Islamic State claimed responsibility for the attack.")
    assert scope_of(doc, "Gunmen") == "claimed"
    assert scope_of(doc, "security forces") == "reported"


def test_saying_it_carried_out_the_attack_claims_the_act_told_before(claims):
    doc, _ = claims("Militants stormed a police checkpoint and killed five officers. The Taliban said it carried out the attack.")
    assert scope_of(doc, "Militants") == "claimed"


def test_an_attack_claimed_by_a_group_in_the_passive_is_claimed(claims):
    _, found = claims("Gunmen attacked a convoy. The attack was claimed by Jamaat Nusrat al-Islam wal Muslimin.")
    assert [(a, actor) for a, _, actor, *_ in found] == [("claimed", "Jamaat Nusrat al-Islam wal Muslimin")]


def test_a_group_saying_it_was_behind_the_attack_claims_it(claims):
    doc, found = claims("Gunmen killed two soldiers. The group said it was behind the attack.")
    assert [(a, actor, denied) for a, _, actor, _, denied in found] == [("claimed", "The group", False)]
    assert scope_of(doc, "Gunmen") == "claimed"
    assert claims("Police said he was behind the attack.")[1] == []


def test_attributing_an_act_to_a_group_accuses_it_when_to_hangs_on_the_act(claims):
    doc, found = claims("The Islamic State claimed responsibility for the blast; however, officials "
                        "attributed the attack to the Haqqani Network.")
    assert scope_of(doc, "Haqqani Network") == "accused"
    assert scope_of(doc, "The Islamic State") == "claimed"


def test_suspicion_about_the_attack_reaches_back_to_the_act_told_before(claims):
    doc, found = claims("Gunmen set fire to a clinic in Logar. Nobody was hurt. "
                        "The Taliban was suspected of carrying out the attack.")
    assert [(a, scope) for a, _, _, scope, _ in found] == [("suspected", doc.text)]
    assert scope_of(doc, "Gunmen") == "reported"  # the act's own doers are not the suspected


def test_attributing_the_incident_reaches_back_but_a_new_act_stays_in_its_clause(claims):
    doc, found = claims("Men torched a bus in Kano. Officials attributed the incident to Boko Haram.")
    assert [(a, scope) for a, _, _, scope, _ in found] == [("accused", doc.text)]
    _, found = claims("Men torched a bus in Kano. Officials accused Boko Haram of planning more attacks.")
    assert [(a, scope) for a, _, _, scope, _ in found] == [("accused", "accused Boko Haram of planning more attacks.")]


def test_a_name_the_parser_reads_as_a_clause_still_claims(claims):
    _, found = claims("Assailants burned ballot boxes at the electoral office in Chuschi village. "
                      "Shining Path (SL) claimed responsibility for the incident.")
    assert ("claimed", "Shining Path") in {(a, actor) for a, _, actor, _, _ in found}


def test_is_read_as_a_verb_still_claims(claims):
    _, found = claims("Two suicide bombers detonated explosives outside the cathedral in Jolo. IS claimed responsibility.")
    assert ("claimed", "IS") in {(a, actor) for a, _, actor, _, _ in found}
    _, none = claims("The bridge is closed. It is claimed that the army blew it up.")
    assert not [f for f in none if f[2] == "is"]


def test_a_closing_plain_statement_that_a_group_was_responsible_names_the_doer_of_the_act_told(claims):
    doc, found = claims("Gunmen seized three aid workers in Patikul town. The Abu Sayyaf Group was responsible.")
    assert [(a, actor) for a, _, actor, _, _ in found] == [("reported", "The Abu Sayyaf Group")]
    assert scope_of(doc, "Gunmen") == "reported" and found[0][3].startswith("Gunmen")
    assert claims("Gunmen seized three aid workers. The minister said the group was responsible.")[1] == []
    assert claims("Gunmen seized three aid workers. The group was not responsible.")[1] == []


def test_a_group_admitting_its_own_cadres_set_off_the_mine_claims_it(claims):
    _, found = claims("A bus drove over a landmine near Madi. The Maoist party admitted that its cadres had set off "
                      "the mine and apologized.")
    assert [(a, cue, actor) for a, cue, actor, _, _ in found] == [("claimed", "admitted", "The Maoist party")]
    assert claims("A bus drove over a landmine near Madi. The party said the sun set off the alarm.")[1] == []


def test_claimed_it_claims_the_act_told_before(claims):
    doc, found = claims("A roadside bomb hit a police truck near Kirkuk, wounding three officers. "
                        "The Islamic State claimed it in a statement.")
    assert [(a, cue, actor) for a, cue, actor, _, _ in found] == [("claimed", "claimed it", "The Islamic State")]
    assert scope_of(doc, "roadside bomb") == "claimed"


def test_doers_naming_themselves_claim_the_act_for_their_group(claims):
    doc, found = claims("Masked men set fire to a bus depot in Lyon on Sunday. "
                        "The attackers identified themselves as the Black Rose Brigade.")
    assert [(a, actor) for a, _, actor, _, _ in found] == [("claimed", "the Black Rose Brigade")]
    assert scope_of(doc, "Masked men") == "claimed"


@pytest.mark.parametrize("text, groups", [
    ("A bomb went off at a checkpoint in Jalalabad. ISKP claimed.", ["ISKP"]),
    ("Gunmen raided a shrine in Quetta. LeJ and IS both claimed.", ["LeJ", "IS"]),
])
def test_a_bare_claimed_in_a_note_claims_the_act_told_before_for_each_group(claims, text, groups):
    doc, found = claims(text)
    assert [actor for att, _, actor, _, _ in found if att == "claimed"] == groups
    assert scope_of(doc, "A bomb" if "bomb" in text else "Gunmen") == "claimed"


def test_a_group_saying_its_ally_carried_out_the_act_claims_it_for_the_ally(claims):
    doc, found = claims("Gunmen stormed a police post near Gao on Friday. The Macina Liberation Front said the "
                        "raid was carried out by Ansar Dine.")
    assert [(a, actor) for a, _, actor, _, _ in found] == [("claimed", "Ansar Dine")]
    assert scope_of(doc, "Gunmen") == "claimed"
