"""Factions, wings and cells; splinters (split from, broke away, splinter, offshoot, formerly part of)."""

import pytest
from extract_helpers import extract, facts

# Wordings only the slot-template rules found; 94 of those 96 rules added no right fact on the real dev
# articles and were removed (issue 13). Each test here passes again once a frame or the binder covers it.
RULES_GONE = "wording no frame covers yet (the regex rule that found it was removed)"
# a pair no frame backs, which the fact model (trained on real dev, loaders/data/fact_model.json) scores
# on the wrong side of its cut

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


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
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


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
def test_divided_into_rival_factions_and_a_listed_group_name():
    kg = extract(
        "The Brisa Cartel is itself divided into two rival factions, the Halcones Grises and the Zorros, "
        "which have fought since 2015.\n"
    )
    assert facts(kg, "faction_of") >= {
        ("Halcones Grises", "faction_of", "Brisa Cartel"),
        ("Zorros", "faction_of", "Brisa Cartel"),
    }
    assert ("Halcones Grises", "rival_of", "Zorros") in facts(kg, "rival_of")


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
def test_possessive_unit_headed_by_and_armed_fronts():
    kg = extract(
        "In the valley, the Brisa Cartel's Lucio Manzano Front, a unit headed by Edgar Pino Sauce, has "
        "clashed with the 12th Front. Rebeca Solano Ruiz commands the Panteras (Panteras Negras), the "
        "Brisa Cartel's armed wing in the port.\n"
    )
    assert ("Lucio Manzano Front", "faction_of", "Brisa Cartel") in facts(kg, "faction_of")
    assert ("Edgar Pino Sauce", "leader_of", "Lucio Manzano Front") in facts(kg, "leader_of")
    assert ("Rebeca Solano Ruiz", "leader_of", "Panteras") in facts(kg, "leader_of")
    assert ("Panteras", "faction_of", "Brisa Cartel") in facts(kg, "faction_of")


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
def test_a_group_that_split_from_and_commanding_a_cell():
    kg = extract(
        "The Halcones Grises, a group that split from the Brisa Cartel in 2019, operate in the north. "
        "Police say Rubí Olmos Tapia and Cruz Olmos Tapia command a cell of the Halcones Grises.\n"
    )
    assert ("Halcones Grises", "splinter_of", "Brisa Cartel") in facts(kg, "splinter_of")
    assert facts(kg, "member_of") >= {
        ("Rubí Olmos Tapia", "member_of", "Halcones Grises"),
        ("Cruz Olmos Tapia", "member_of", "Halcones Grises"),
    }


def test_a_mid_level_commander_is_a_member():
    kg = extract("Ulpiano Rey Sosa, a former mid-level Brisa Cartel commander, now leads the Zorros gang.\n")
    assert ("Ulpiano Rey Sosa", "member_of", "Brisa Cartel") in facts(kg, "member_of")
    assert ("Ulpiano Rey Sosa", "leader_of", "Brisa Cartel") not in facts(kg, "leader_of")


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
def test_forms_part_of_and_an_acronym_after_the_head_word():
    kg = extract(
        "Police say Ulises Moro Vidal runs the Loma Verde clique (LVC), one of the most violent cells of "
        "the Brisa Cartel. The Ferrante clan, a family clan that forms part of the Camorra, ships cocaine.\n"
    )
    assert facts(kg, "faction_of") >= {
        ("Loma Verde", "faction_of", "Brisa Cartel"),
        ("Ferrante Clan", "faction_of", "Camorra"),
    }


def test_broke_away_from_it():
    kg = extract(
        "The Nueva Brisa emerged from the remnants of the Brisa Cartel, which collapsed after the Halcones "
        "Grises gang broke away from it in 2011.\n"
    )
    assert ("Halcones Grises Gang", "splinter_of", "Brisa Cartel") in facts(kg, "splinter_of")


def test_an_appositive_list_commands_a_cell():  # frame member-leads-part
    kg = extract(
        "Police say the boss's two nephews, Rubí Olmos Tapia and Cruz Olmos Tapia, command a cell of the "
        "Brisa Cartel in the port.\n"
    )
    assert facts(kg, "member_of") == {
        ("Rubí Olmos Tapia", "member_of", "Brisa Cartel"),
        ("Cruz Olmos Tapia", "member_of", "Brisa Cartel"),
    }


def test_the_groups_armed_wing_named_after_it():
    kg = extract(
        "The Vallenato Cartel grew fast. The Vallenato Cartel's armed wing, the Bloque Guajiro, killed 12.\n"
    )
    assert facts(kg, "faction_of") == {("Bloque Guajiro", "faction_of", "Vallenato Cartel")}


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
def test_emerged_as_the_armed_wing_of_and_part_of_in_an_appositive():
    kg = extract(
        "Los Cuervos del Sur emerged in 2017 as the armed wing of the Gran Alianza del Pacífico, a "
        "trafficking coalition. Prosecutors say the Esposito clan, part of the Camorra, extorts shops "
        "in Naples.\n"
    )
    assert facts(kg, "faction_of") == {
        ("Los Cuervos del Sur", "faction_of", "Gran Alianza del Pacífico"),
        ("Esposito Clan", "faction_of", "Camorra"),
    }


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
def test_a_front_answers_to_a_general_staff():
    kg = extract(
        "The Jaime Martínez Front answers to the Central General Staff (EMC), the largest dissident "
        "coalition, which is led by Néstor Iguarán Mora, alias Cucaracha.\n"
    )
    assert facts(kg, "faction_of") == {("Jaime Martínez Front", "faction_of", "Central General Staff")}
    assert facts(kg, "leader_of") == {("Néstor Iguarán Mora", "leader_of", "Central General Staff")}


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
def test_a_faction_calling_itself_x_broke_with_and_is_now_aligned_with():
    kg = extract(
        "A faction of the Carteles Unidos coalition calling itself Los Viagras Nuevos has broken with its "
        "former partners and is now aligned with the Jalisco New Generation Cartel (CJNG).\n"
    )
    assert facts(kg, "splinter_of") == {("Los Viagras Nuevos", "splinter_of", "Carteles Unidos")}
    assert facts(kg, "allied_with") == {
        ("Jalisco New Generation Cartel", "allied_with", "Los Viagras Nuevos")
    }


def test_a_faction_known_by_a_name():
    # the parser hangs "known as" on the cartel's name: the name is the faction's, a group's, and the
    # acronym is the one name of the text whose initials it spells
    kg = extract(
        "The Varga brothers allegedly operate a faction of the Brisa Cartel known as the VBO, which "
        "stands for the Varga Brothers Organization.\n"
    )
    assert facts(kg, "faction_of") == {("Varga Brothers Organization", "faction_of", "Brisa Cartel")}
    vbo = next(e for e in kg.entities.values() if e.name == "Varga Brothers Organization")
    assert (vbo.type, sorted(vbo.aliases)) == ("CriminalOrganization", ["VBO"])


def test_groups_sharing_the_head_drug_cartels_are_each_a_group():
    # a sentence of a real Treasury release (test9/si-treasury-2013-colombia-los-rastrojos-diego-rastrojo)
    kg = extract("Los Rastrojos emerged from the now extinct Cali and North Valle drug cartels in Colombia.")
    groups = {"Cali", "North Valle"}
    assert {o for _, _, o in facts(kg, "splinter_of")} == groups
    assert {e.type for e in kg.entities.values() if e.name in groups} == {"CriminalOrganization"}
