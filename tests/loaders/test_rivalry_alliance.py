"""Rivalries (battling, war, at odds, clashes, rival, fighting) and alliances."""

import pytest
from extract_helpers import extract, facts

# Wordings only the slot-template rules found; 94 of those 96 rules added no right fact on the real dev
# articles and were removed (issue 13). Each test here passes again once a frame or the binder covers it.
RULES_GONE = "wording no frame covers yet (the regex rule that found it was removed)"

A, B, P = "Brisa Cartel", "Cartel de Poniente", "Ramiro Fuentes Olvera"


def test_rivalry_wordings():
    for sentence in (
        "The Brisa Cartel is battling the Cartel de Poniente for the port.",
        "The Brisa Cartel has been fighting with the Cartel de Poniente since 2019.",
        "A turf war between the Brisa Cartel and the Cartel de Poniente left 40 dead.",
        "Clashes between the Brisa Cartel and the Cartel de Poniente closed the highway.",
        "The Brisa Cartel and the Cartel de Poniente are bitter rivals.",
        "The Brisa Cartel is at odds with the Cartel de Poniente.",
    ):
        kg = extract("Police said little. " + sentence + "\n")
        assert facts(kg, "rival_of") == {(A, "rival_of", B)}, sentence


def test_rival_of_a_person():
    kg = extract(f"The Brisa Cartel is at war with {P}, a former ally.\n")
    assert facts(kg, "rival_of") == {(A, "rival_of", P)}


def test_alliance_wordings():
    for sentence in (
        "The Brisa Cartel formed an alliance with the Cartel de Poniente last year.",
        "The Brisa Cartel and the Cartel de Poniente forged an alliance in 2020.",
        "An alliance between the Brisa Cartel and the Cartel de Poniente controls the route.",
        "The Brisa Cartel has teamed up with the Cartel de Poniente.",
    ):
        kg = extract(sentence + "\n")
        assert facts(kg, "allied_with") == {(A, "allied_with", B)}, sentence
        assert facts(kg, "rival_of") == set()


def test_no_rivalry_from_a_mere_list():
    kg = extract("The Brisa Cartel and the Cartel de Poniente both sell fentanyl in the city.\n")
    assert facts(kg, "rival_of", "allied_with") == set()


def test_clashed_with_in_the_past_tense():
    kg = extract(
        "The Lobos Negros gang has clashed repeatedly with the Brisa Cartel. The Cartel de Poniente fought "
        "against the Brisa Cartel in 2020.\n"
    )
    assert facts(kg, "rival_of") >= {
        ("Brisa Cartel", "rival_of", "Lobos Negros Gang"),
        ("Brisa Cartel", "rival_of", "Cartel de Poniente"),
    }


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
def test_work_with_and_have_an_alliance_with():
    kg = extract(
        "The Lobos Negros gang works with the Brisa Cartel, while the Halcones Grises have an alliance with "
        "the Cartel de Poniente. The Tigres del Valle gang, formerly part of the Brisa Cartel, are also "
        "allied with the Halcones Grises.\n"
    )
    assert facts(kg, "allied_with") >= {
        ("Brisa Cartel", "allied_with", "Lobos Negros Gang"),
        ("Cartel de Poniente", "allied_with", "Halcones Grises"),
        ("Halcones Grises", "allied_with", "Tigres del Valle Gang"),
    }
    assert ("Tigres del Valle Gang", "splinter_of", "Brisa Cartel") in facts(kg, "splinter_of")


def test_a_person_working_with_a_group_is_no_alliance():
    kg = extract("Rosendo Ibarra Lugo works with the Brisa Cartel, prosecutors say.\n")
    assert facts(kg, "allied_with") == set()


def test_once_united_then_clashed_and_both_factions():
    kg = extract(
        "The Halcones Grises and Zorros gangs, once united, have clashed since 2019 over the port. "
        "Both factions are at war with the Cartel de Poniente.\n"
    )
    got = facts(kg, "rival_of")
    assert ("Halcones Grises", "rival_of", "Zorros") in got
    assert "Both" not in {e.name for e in kg.entities.values()}


def test_dispute_and_turf_war_wordings():
    for sentence in (
        "The Brisa Cartel is in a bitter dispute with the Cartel de Poniente over the port.",
        "The Brisa Cartel is locked in a turf war with the Cartel de Poniente.",
        "The Brisa Cartel has been in a feud with the Cartel de Poniente since 2019.",
    ):
        kg = extract("Police said little. " + sentence + "\n")
        assert facts(kg, "rival_of") == {(A, "rival_of", B)}, sentence


def test_dispute_negated_or_speculative_is_dropped():
    for sentence in (
        "The Brisa Cartel is not in a dispute with the Cartel de Poniente, officials said.",
        "Analysts wonder whether the Brisa Cartel is in a dispute with the Cartel de Poniente.",
    ):
        assert facts(extract(sentence + "\n"), "rival_of") == set(), sentence


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
def test_second_verb_of_the_same_subject():
    kg = extract(
        "The Brisa Cartel is at war with the Cartel de Poniente and has formed a partnership with the "
        "Lobos Negros gang.\n"
    )
    assert facts(kg, "rival_of") == {(A, "rival_of", B)}
    assert facts(kg, "allied_with") == {("Brisa Cartel", "allied_with", "Lobos Negros Gang")}


def test_a_relative_clause_does_not_lend_its_verb():
    # the comma-free coordination rule must not read through "which"
    kg = extract(
        "The Brisa Cartel is at war with the Cartel de Poniente, which has formed a partnership with the "
        "Lobos Negros gang.\n"
    )
    assert ("Brisa Cartel", "allied_with", "Lobos Negros Gang") not in facts(kg, "allied_with")


def test_loggerheads_feud_with_the_rival_and_alliance_with_a_described_gang():
    kg = extract(
        "The Brisa Cartel has been at loggerheads with the Cartel de Poniente since 2020. The Lobos Negros "
        "gang has been locked in a bloody feud with the rival Halcones Grises. The Brisa Cartel has also "
        "struck an alliance with the Ecuadorian gang Los Manglares.\n"
    )
    assert facts(kg, "rival_of") == {
        (A, "rival_of", B),
        ("Halcones Grises", "rival_of", "Lobos Negros Gang"),
    }
    assert facts(kg, "allied_with") == {("Brisa Cartel", "allied_with", "Los Manglares")}


def test_no_evidence_of_cooperation_is_no_alliance():
    kg = extract(
        "Investigators said there was no evidence that the Brisa Cartel worked with the Cartel de Poniente.\n"
    )
    assert facts(kg, "allied_with") == set()


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
def test_a_listed_pair_joined_forces_and_the_two_factions_fought():
    kg = extract(
        "Two of the port's strongest gangs, the Grand Ravine Boys and the 400 Lakou, have joined forces. "
        "Police moved leaders of the Comando Litoral. The Comando Litoral was formed in 2011 by inmates who "
        "broke away from the Primeiro Grupo Catarinense, and the two factions have fought ever since.\n"
    )
    assert facts(kg, "allied_with") == {("400 Lakou", "allied_with", "Grand Ravine Boys")}
    assert facts(kg, "rival_of") == {("Comando Litoral", "rival_of", "Primeiro Grupo Catarinense")}
    assert facts(kg, "splinter_of") == {("Comando Litoral", "splinter_of", "Primeiro Grupo Catarinense")}


def test_the_two_with_three_groups_before_is_nobody():
    kg = extract(
        "The Brisa Cartel, the Cartel de Poniente and the Lobos Negros gang sell cocaine. The two have "
        "been fighting for years.\n"
    )
    assert facts(kg, "rival_of") == set()


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
def test_worked_closely_with_a_gang_known_as():
    kg = extract("The Medway Crew worked closely with the Dutch gang known as the Rotterdam Boys.\n")
    assert facts(kg, "allied_with") == {("Medway Crew", "allied_with", "Rotterdam Boys")}


def test_an_appositive_relative_clause_names_the_appositive_groups_ally_not_the_subjects_rival():
    kg = extract(
        "The Brisa Cartel has been fighting Los Mezcales, a local gang that was once allied with the Cartel "
        "de Poniente, for control of the port.\n"
    )
    assert facts(kg, "rival_of") == {("Brisa Cartel", "rival_of", "Los Mezcales")}
    assert facts(kg, "allied_with") == {("Cartel de Poniente", "allied_with", "Los Mezcales")}


def test_a_group_that_is_at_war_with_another_in_an_appositive():
    kg = extract(
        "Police raided Los Mezcales, a local gang that has long been at war with the Brisa Cartel.\n"
    )
    assert facts(kg, "rival_of") == {("Brisa Cartel", "rival_of", "Los Mezcales")}


def test_the_groups_a_plural_gang_noun_lists_are_groups_and_allies():
    # no name in the list is one the language model reads; the list after "such as" names them
    kg = extract(
        "The Brisa Cartel is allied with numerous smaller motorcycle gangs – such as the Devils Varoso, "
        "the Orlos, El Tornero, the Sons of Quiet, and the Warlocks – across the region.\n"
    )
    allies = {o if s == "Brisa Cartel" else s for s, _, o in facts(kg, "allied_with")}
    assert allies == {"Devils Varoso", "Orlos", "El Tornero", "Sons of Quiet", "Warlocks"}
    assert {e.type for e in kg.entities.values() if e.name in allies} == {"CriminalOrganization"}
