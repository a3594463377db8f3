"""Detention and extradition."""

import pytest
from extract_helpers import extract, facts

# Wordings only the slot-template rules found; 94 of those 96 rules added no right fact on the real dev
# articles and were removed (issue 13). Each test here passes again once a frame or the binder covers it.
RULES_GONE = "wording no frame covers yet (the regex rule that found it was removed)"

P = "Ramiro Fuentes Olvera"


def test_detention_wordings():
    for sentence, authority in (
        (f"{P} was arrested by the Federal Investigations Bureau in 2019.", "Federal Investigations Bureau"),
        (f"{P} was extradited to the United States in 2020.", "United States"),
        (f"{P}, now jailed in Mexico, still gives orders.", "Mexico"),
        (f"The National Guard captured {P} in Sinaloa.", "National Guard"),
    ):
        kg = extract(sentence + "\n")
        assert facts(kg, "detained_by") == {(P, "detained_by", authority)}, sentence


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
def test_the_state_an_active_extradition_hands_a_person_to_holds_them():
    for sentence, sender in (
        (f"Guatemala extradited {P} to the United States on Friday.", "Guatemala"),
        (f'Mexican authorities extradited {P}, alias "El Tordo," to the United States last week.', "Mexico"),
    ):
        kg = extract(sentence + "\n")
        # the sending state held the person too, until the handover
        expected = {(P, "detained_by", "United States"), (P, "detained_by", sender)}
        assert facts(kg, "detained_by") == expected, sentence


def test_escape_and_denial_are_not_detentions():
    kg = extract(f"{P} was never arrested by the National Guard.\n")
    assert facts(kg, "detained_by") == set()


def test_person_inside_an_appositive_is_not_the_subject():
    kg = extract(
        f"{P}, a brother-in-law of Brisa Cartel leader Eulalio Tapia Ruelas, was extradited to the "
        "United States in 2021.\n"
    )
    assert facts(kg, "detained_by") == {(P, "detained_by", "United States")}
    assert facts(kg, "leader_of") == {("Eulalio Tapia Ruelas", "leader_of", "Brisa Cartel")}


def test_demonym_forces_are_their_state():
    kg = extract(f"{P} was arrested by Guatemalan security forces in Petén.\n")
    assert facts(kg, "detained_by") == {(P, "detained_by", "Guatemala")}


def test_national_police_in_a_city_is_the_body():
    kg = extract("Ramiro Ocón Vidal was arrested by Honduran National Police in San Pedro Sula in 2022.\n")
    assert facts(kg, "detained_by") == {("Ramiro Ocón Vidal", "detained_by", "Honduran National Police")}


def test_arrested_in_a_place_and_month_by_a_body():
    kg = extract(
        "Ramiro Ocón Vidal was arrested in Puerto Zacate in March by the Federal Investigation Agency, "
        "which accused him of laundering money.\n"
    )
    assert facts(kg, "detained_by") == {("Ramiro Ocón Vidal", "detained_by", "Federal Investigation Agency")}


def test_active_extradition_with_an_appositive_naming_a_group():
    kg = extract(
        "Guatemala extradited Rigoberto Chitay Alvarado, the alleged leader of the Los Serranos trafficking "
        "group, to the United States on Thursday.\n"
    )
    assert facts(kg, "detained_by") == {
        ("Rigoberto Chitay Alvarado", "detained_by", "Guatemala"),
        ("Rigoberto Chitay Alvarado", "detained_by", "United States"),
    }


def test_extradition_refused_or_speculated_is_not_a_detention():
    for sentence in (
        "Guatemala has not extradited Rigoberto Chitay Alvarado to the United States.",
        "It is unclear whether Guatemala extradited Rigoberto Chitay Alvarado to the United States.",
    ):
        assert facts(extract(sentence + "\n"), "detained_by") == set(), sentence


def test_the_arrest_of_a_by_a_body():
    kg = extract(
        "Fermín Zúñiga Oropeza took control of the Altos Cartel after the arrest of its previous boss, "
        "Gerardo Lemus Vidal, by the Mexican Army.\n"
    )
    # the gazetteer names the Mexican Army by its ministry
    assert facts(kg, "detained_by") == {
        ("Gerardo Lemus Vidal", "detained_by", "Secretariat of National Defense")
    }


def test_a_call_for_an_arrest_is_no_arrest():
    kg = extract("Activists demanded the arrest of Gerardo Lemus Vidal by the Mexican Army, but none came.\n")
    assert facts(kg, "detained_by") == set()


def test_demonym_police_on_a_day_arrested():
    kg = extract("Italian police on Monday arrested Salvatore Esposito Ranieri in a dawn raid in Naples.\n")
    assert facts(kg, "detained_by") == {("Salvatore Esposito Ranieri", "detained_by", "Italy")}


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
def test_detained_by_agents_of_a_body_and_a_name_with_de():
    kg = extract(
        "Óscar Funes Lemus leads an MS-13 cell. His wife, Marta Alvarado de Funes, was detained in the same "
        "operation by agents of the Attorney General's Office.\n"
    )
    assert facts(kg, "detained_by") == {
        ("Marta Alvarado de Funes", "detained_by", "Attorney General's Office")
    }


def test_an_arrest_in_a_clause_of_its_own_is_its_subjects():
    # tests/fixtures/heldout/heldout-state-rewards-gulf-cartel.txt: the clause after "after" has its own
    # subject, so the arrest is not the main clause's subject's
    kg = extract(
        "Garza Villarreal became head of the Metros after his predecessor, Mario Cantú Rocha, was arrested "
        "by the Mexican Army in 2019.\n"
    )
    assert {s for s, _, _ in facts(kg, "detained_by")} == {"Mario Cantú Rocha"}


def test_authorities_in_a_country_and_two_leaders_named_after_their_group():
    kg = extract(
        "Panamanian authorities have arrested two leaders of the powerful Bagdad gang, Ariel Isidro "
        "Rodriguez and Javier Armando Guevara. Authorities in Argentina arrested Claudio Insaurralde.\n"
    )
    leaders = facts(kg, "leader_of")
    assert ("Ariel Isidro Rodriguez", "leader_of", "Bagdad Gang") in leaders
    assert ("Javier Armando Guevara", "leader_of", "Bagdad Gang") in leaders
    assert ("Claudio Insaurralde", "detained_by", "Argentina") in facts(kg, "detained_by")


def test_police_in_a_province_are_not_the_state():
    kg = extract(
        "Brazil moved gang bosses. Police in Santa Catarina also detained Vanessa Lima Rocha, a lawyer.\n"
    )
    assert ("Vanessa Lima Rocha", "detained_by", "Brazil") not in facts(kg, "detained_by")
