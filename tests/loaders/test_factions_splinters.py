"""Factions, wings and cells; splinters (split from, broke away, splinter, offshoot, formerly part of)."""

from extract_helpers import extract, facts

A, B = "Los Tigrillos", "Brisa Cartel"


def test_faction_wordings():
    for sentence in (
        "Los Tigrillos, a faction of the Brisa Cartel, control the port.",
        "Los Tigrillos are the armed wing of the Brisa Cartel.",
        "Los Tigrillos are fighting for internal control of the Brisa Cartel.",
    ):
        kg = extract(sentence + "\n")
        assert facts(kg, "faction_of") == {(A, "faction_of", B)}, sentence
        assert facts(kg, "splinter_of") == set()


def test_splinter_wordings():
    for sentence in (
        "Los Tigrillos split from the Brisa Cartel in 2011.",
        "Los Tigrillos broke away from the Brisa Cartel after the arrest.",
        "Los Tigrillos, a splinter group of the Brisa Cartel, grew fast.",
        "Los Tigrillos, an offshoot of the Brisa Cartel, grew fast.",
        "Los Tigrillos, which was formerly part of the Brisa Cartel, grew fast.",
    ):
        kg = extract(sentence + "\n")
        assert facts(kg, "splinter_of") == {(A, "splinter_of", B)}, sentence
        assert facts(kg, "faction_of") == set()


def test_unnamed_splinters_give_nothing():
    kg = extract("Many factions have splintered off from the Brisa Cartel and the Cartel de Poniente.\n")
    assert facts(kg, "splinter_of", "faction_of") == set()


def test_split_date_is_kept():
    from extract_helpers import relation

    kg = extract("Los Tigrillos split from the Brisa Cartel in 2011.\n")
    assert relation(kg, A, "splinter_of", B).properties["date"] == "2011"
