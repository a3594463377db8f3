"""Family: son, daughter, brother, half-brother; in-laws and nephews are not sibling_of/child_of."""

import pytest
from extract_helpers import extract, facts, subjects, types

# Wordings only the slot-template rules found; 94 of those 96 rules added no right fact on the real dev
# articles and were removed (issue 13). Each test here passes again once a frame or the binder covers it.
RULES_GONE = "wording no frame covers yet (the regex rule that found it was removed)"

F, S = "Ramiro Fuentes Olvera", "Teodora Fuentes Baca"


def test_child_wordings():
    for sentence in (
        f"{S}, the daughter of {F}, runs the money side.",
        f"{F}'s son {S} was arrested.",
        f"{S} is the son of {F}.",
    ):
        kg = extract(sentence + "\n")
        assert facts(kg, "child_of") == {(S, "child_of", F)}, sentence


def test_sibling_wordings():
    for sentence in (
        f"{S}, the younger brother of {F}, was arrested.",
        f"{S} is a half-brother of {F}.",
        f"{F} and {S} are brothers.",
    ):
        kg = extract(sentence + "\n")
        assert facts(kg, "sibling_of") == {(F, "sibling_of", S)}, sentence


def test_in_laws_and_nephews_are_not_family_edges():
    for sentence in (
        f"{S}, the brother-in-law of {F}, was arrested.",
        f"{S}, a nephew of {F}, was arrested.",
        f"{S} is the son-in-law of {F}.",
    ):
        kg = extract(sentence + "\n")
        assert facts(kg, "sibling_of", "child_of") == set(), sentence


def test_his_brother_refers_back():
    kg = extract(f"{F} was arrested in 2017. His brother, {S}, is a member of the Brisa Cartel.\n")
    assert facts(kg, "sibling_of") == {(F, "sibling_of", S)}
    assert facts(kg, "member_of") == {(S, "member_of", "Brisa Cartel")}


def test_one_of_the_sons_and_plural_brothers():
    kg = extract(
        f"{S}, one of the sons of {F}, was arrested. His brothers, Lino Fuentes Baca and Rubén Fuentes Baca, "
        "remain fugitives.\n"
    )
    assert facts(kg, "child_of") == {(S, "child_of", F)}
    # "His brothers, A and B": brothers of his, and so of each other
    assert facts(kg, "sibling_of") == {
        ("Lino Fuentes Baca", "sibling_of", S),
        ("Rubén Fuentes Baca", "sibling_of", S),
        ("Lino Fuentes Baca", "sibling_of", "Rubén Fuentes Baca"),
    }


def test_led_by_brothers_are_siblings_and_leaders():
    kg = extract(
        'The Cerro Alto Cartel is led by brothers Fermín Ocaña Brito, alias "El Mono," and Lázaro Ocaña '
        'Brito, alias "El Gato," who took control of it last year.\n'
    )
    assert ("Fermín Ocaña Brito", "sibling_of", "Lázaro Ocaña Brito") in facts(kg, "sibling_of")
    assert facts(kg, "leader_of") >= {
        ("Fermín Ocaña Brito", "leader_of", "Cerro Alto Cartel"),
        ("Lázaro Ocaña Brito", "leader_of", "Cerro Alto Cartel"),
    }


def test_relative_appositive_before_any_verb():
    kg = extract(
        "Fermín Ocaña Brito runs the Cerro Alto Cartel. His half-brother, Justo Paredes Brito, alias "
        '"Nueve," oversees its shipments.\n'
    )
    assert ("Fermín Ocaña Brito", "sibling_of", "Justo Paredes Brito") in facts(kg, "sibling_of")


def test_whose_father():
    kg = extract(
        "The Zorros gang is led by Benigno Alcázar Prieto, whose father, Tomás Alcázar Vela, died in 2001.\n"
    )
    assert ("Benigno Alcázar Prieto", "child_of", "Tomás Alcázar Vela") in facts(kg, "child_of")


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
def test_another_son_and_a_cousin():
    kg = extract(
        "Anselmo Ríos Becerra's son, Cristian Ríos Tapia, recruits for the gang, and another son, Marco Ríos "
        "Tapia, was arrested in October. A cousin, Fabiola Ríos Sic, was not charged.\n"
    )
    assert facts(kg, "child_of") == {
        ("Cristian Ríos Tapia", "child_of", "Anselmo Ríos Becerra"),
        ("Marco Ríos Tapia", "child_of", "Anselmo Ríos Becerra"),
    }
    assert facts(kg, "sibling_of") == set()


def test_two_sons_listed_after_the_parent():
    kg = extract(
        "Marco Antonio Guamán Ortiz runs a farm. Police say Guamán's two sons, Darío Guamán Torres and "
        "Kevin Guamán Torres, command a cell of Los Lobos in the province of El Oro.\n"
    )
    assert facts(kg, "child_of") == {
        ("Darío Guamán Torres", "child_of", "Marco Antonio Guamán Ortiz"),
        ("Kevin Guamán Torres", "child_of", "Marco Antonio Guamán Ortiz"),
    }
    assert "El Oro" not in {e.name for e in kg.entities.values() if e.type == "Person"}


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
def test_who_are_brothers():
    kg = extract(
        "Two other clique members, Kevin Portillo Reyes and Bryan Portillo Reyes, who are brothers, were "
        "convicted in May. Nelson Ávalos and Kevin Portillo Reyes are not brothers.\n"
    )
    assert facts(kg, "sibling_of") == {("Bryan Portillo Reyes", "sibling_of", "Kevin Portillo Reyes")}


def test_ran_a_clan_with_his_two_sons():
    kg = extract(
        "Baltazar Orellana Pinto, whom prosecutors described as a ruthless trafficker, ran the Orellana clan "
        "with his two sons, Josué Orellana Díaz and Mynor Orellana Díaz, according to the ruling.\n"
    )
    assert facts(kg, "child_of") == {
        ("Josué Orellana Díaz", "child_of", "Baltazar Orellana Pinto"),
        ("Mynor Orellana Díaz", "child_of", "Baltazar Orellana Pinto"),
    }
    assert ("Baltazar Orellana Pinto", "leader_of", "Orellana Clan") in facts(kg, "leader_of")


def test_a_possessive_after_a_name_is_its_owner_not_a_listed_person():
    kg = extract("Ines Coronel Barreras is the father of Emma Coronel Aispuro, Guzman Loera’s third wife.\n")
    assert facts(kg, "child_of") == {("Emma Coronel Aispuro", "child_of", "Ines Coronel Barreras")}


def test_their_father_is_the_father_of_the_people_named_together_not_of_a_body():
    # test17/cr-treasury-2012-guatemala-lorenzana-family.txt: "their" is the two designated, not OFAC
    kg = extract(
        "OFAC designated Ovaldino Lorenzana Cordon and Marta Julia Lorenzana Cordon for their role in the "
        "drug trafficking activities of their father, Lorenzana Lima.\n"
    )
    assert facts(kg, "child_of") == {
        ("Ovaldino Lorenzana Cordon", "child_of", "Lorenzana Lima"),
        ("Marta Julia Lorenzana Cordon", "child_of", "Lorenzana Lima"),
    }


def test_given_names_listed_after_a_familys_brothers_take_its_name_and_are_brothers():
    # test19/et-wikipedia-lo-russo-clan.txt and test9/si-wikipedia-mazzarella-clan.txt (under a heading
    # line, which is no part of "The clan"; a nickname between two names does not end the list)
    kg = extract(
        "The Lo Russo clan was formed in the late seventies by the Lo Russo brothers, Salvatore, Vincenzo "
        'and Giuseppe aka "i Capitoni" (The Captains).\n'
    )
    assert facts(kg, "sibling_of") == {
        ("Giuseppe Lo Russo", "sibling_of", "Salvatore Lo Russo"),
        ("Giuseppe Lo Russo", "sibling_of", "Vincenzo Lo Russo"),
        ("Salvatore Lo Russo", "sibling_of", "Vincenzo Lo Russo"),
    }
    kg = extract(
        "Mazzarella clan\n\nHistory\nThe clan was founded in the 1960s by the Mazzarella brothers, Ciro "
        "known as o Scellone, Gennaro and Vincenzo, as a branch of the Zaza clan.\n"
    )
    assert ("Gennaro Mazzarella", "sibling_of", "Vincenzo Mazzarella") in facts(kg, "sibling_of")
    assert ("Ciro Mazzarella", "sibling_of", "Gennaro Mazzarella") in facts(kg, "sibling_of")
    assert not kg.find("History The Clan")


def test_kin_listed_by_given_names_are_each_a_person():
    # test24/ew-wikipedia-undated-graviano-family.txt and sw-insightcrime-2010-colombia-makled-extradition-
    # venezuela.txt: the model misses some of the names and runs others together ("Alex, Basel")
    kg = extract(
        "The Graviano family is a Sicilian Mafia clan composed of four mafioso siblings: Benedetto, Filippo, "
        "Giuseppe and Nunzia. Their father was Michele Graviano.\n"
    )
    assert subjects(kg, "child_of", "Michele Graviano") == {"Benedetto", "Filippo", "Giuseppe", "Nunzia"}
    kg = extract(
        "Venezuela announced the arrest of Walid Makled and his three brothers, Alex, Basel, and Abdala.\n"
    )
    assert {s for s, _, o in facts(kg, "sibling_of") if o == "Walid Makled"} == {"Abdala", "Alex", "Basel"}


def test_a_generation_suffix_is_no_surname_for_the_names_before_it():
    # test22/wy-wikipedia-undated-carlos-marcello.txt: "Peter, …, Joseph Jr., Anthony" gave "Peter Jr"
    kg = extract(
        "Carlos Marcello had eight siblings: Peter, Rose, Mary, Pascal, Vincent, Joseph Jr., Anthony and "
        "Salvador Marcello.\n"
    )
    siblings = {
        s if o == "Carlos Marcello" else o
        for s, _, o in facts(kg, "sibling_of")
        if "Carlos Marcello" in (s, o)
    }
    assert {"Peter", "Rose", "Mary", "Pascal", "Vincent", "Anthony", "Salvador Marcello"} <= siblings
    assert not any(name.endswith("Jr") for name in siblings - {"Joseph Jr"})


def test_a_list_of_groups_after_brothers_names_no_kin():
    # test21/wx-wikipedia-undated-winter-hill-gang.txt: "Allies: Campbell brothers, Detroit Partnership, …"
    kg = extract(
        "Winter Hill Gang\n\n- Founded: 1955\n- Territory: Boston\n"
        "- Allies: Campbell brothers, Detroit Partnership, Genovese crime family, Mullen Gang\n\n"
        "The Winter Hill Gang is a criminal organization in Boston.\n"
    )
    assert types(kg).get("Genovese") is None
