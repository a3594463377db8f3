"""Rivalries (battling, war, at odds, clashes, rival, fighting) and alliances."""

from extract_helpers import extract, facts

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
