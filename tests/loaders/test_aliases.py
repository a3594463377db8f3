"""Aliases: alias "Y", known as "Y", First "Y" Last, X ("Y"), acronyms, Los X / X; every alias resolves."""

import pytest
from extract_helpers import extract, facts, types

# Wordings only the slot-template rules found; 94 of those 96 rules added no right fact on the real dev
# articles and were removed (issue 13). Each test here passes again once a frame or the binder covers it.
RULES_GONE = "wording no frame covers yet (the regex rule that found it was removed)"


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
def test_alias_comma_form_resolves_later_mentions():
    kg = extract(
        'Rodrigo Salas Ibarra, alias "El Tordo," leads the Cartel de los Llanos. '
        "Prosecutors say El Tordo ordered the attack.\n"
    )
    person = kg.find("El Tordo")
    assert [e.name for e in person] == ["Rodrigo Salas Ibarra"]
    assert "El Tordo" in person[0].aliases
    assert facts(kg, "leader_of") == {("Rodrigo Salas Ibarra", "leader_of", "Cartel de los Llanos")}


def test_known_as_and_inner_nickname():
    kg = extract(
        'Police arrested Benigno "El Gato" Rendón in Culiacán on Monday. '
        'Óscar Villafaña Torres, known as "La Sombra," is a leader of the Brisa Cartel.\n'
    )
    assert [e.name for e in kg.find("El Gato")] == ["Benigno Rendón"]
    assert [e.name for e in kg.find("La Sombra")] == ["Óscar Villafaña Torres"]
    assert facts(kg, "leader_of") == {("Óscar Villafaña Torres", "leader_of", "Brisa Cartel")}


def test_acronym_in_parentheses_is_an_alias():
    kg = extract(
        "The National Anti-Smuggling Agency (NASA) said on Friday that the Brisa Cartel moved fuel. "
        "NASA did not give details.\n"
    )
    agency = kg.find("NASA")
    assert [(e.name, e.type) for e in agency] == [
        ("National Anti-Smuggling Agency", "GovernmentOrganization")
    ]


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
def test_spanish_article_forms_are_one_group():
    kg = extract(
        "The Cartel de Poniente and Los Tigrillos are at war in the state. "
        "Residents say the Tigrillos control the port.\n"
    )
    names = types(kg)
    assert names.get("Los Tigrillos") == "CriminalOrganization"
    assert "Tigrillos" not in names
    assert facts(kg, "rival_of") == {("Cartel de Poniente", "rival_of", "Los Tigrillos")}


def test_gazetteer_aliases_join_one_entity():
    kg = extract("Treasury said OFAC and the Office of Foreign Assets Control act together.\n")
    assert [e.name for e in kg.find("OFAC")] == ["Office of Foreign Assets Control"]


def test_group_also_known_as_without_quotes():
    kg = extract(
        "Los Tigrillos, also known as the Brisa Cartel, control the port. "
        "The Brisa Cartel is at war with the Cartel de Poniente.\n"
    )
    group = kg.find("Brisa Cartel")
    assert [e.name for e in group] == ["Los Tigrillos"] and group == kg.find("Los Tigrillos")
    assert facts(kg, "rival_of") == {("Cartel de Poniente", "rival_of", "Los Tigrillos")}


def test_its_former_leader_refers_to_the_group():
    kg = extract(
        "The Brisa Cartel controls the port. Its former leader, Ramiro Fuentes Olvera, was captured in "
        "2021 and extradited to the United States in 2022.\n"
    )
    assert facts(kg, "leader_of", "detained_by") == {
        ("Ramiro Fuentes Olvera", "leader_of", "Brisa Cartel"),
        ("Ramiro Fuentes Olvera", "detained_by", "United States"),
    }


def test_better_known_as_on_a_surname_and_known_in_spanish_as_on_a_group():
    kg = extract(
        'Police arrested Rigoberto Chitay Alvarado, a trafficker. Chitay, better known as "El Tecolote," '
        "was captured by the National Civil Police.\n\n"
        'The Cartel de los Altos, known in Spanish as "Los Alteños," is led by Fermín Zúñiga Oropeza. '
        "Residents describe clashes between the Alteños and Los Mezcaleros.\n"
    )
    people = {e.name: e for e in kg.entities.values()}
    assert "El Tecolote" in people["Rigoberto Chitay Alvarado"].aliases
    assert {"Los Alteños", "Alteños"} <= set(people["Cartel de los Altos"].aliases)
    assert ("Rigoberto Chitay Alvarado", "detained_by", "National Civil Police") in facts(kg, "detained_by")
    assert facts(kg, "rival_of") == {("Cartel de los Altos", "rival_of", "Los Mezcaleros")}


def test_aka_with_dots():
    kg = extract('The gang is run by Yesenia Mármol Pabón, a.k.a. "La Patrona," who was arrested in 2020.\n')
    person = next(e for e in kg.entities.values() if e.name == "Yesenia Mármol Pabón")
    assert "La Patrona" in person.aliases


def test_a_nickname_of_two_words_used_alone_is_its_owner():
    # "Don Berna" has two capitalised words like a full name; after the alias it names Murillo
    kg = extract(
        'Diego Fernando Murillo, alias "Don Berna," was the leader of the Oficina de Envigado. '
        "After leaving the EPL in the 1980s, Don Berna began working for the Galeano crime family.\n"
    )
    assert [e.name for e in kg.find("Don Berna")] == ["Diego Fernando Murillo"]
    assert not [e for e in kg.entities.values() if e.name == "Don Berna"]


def test_a_headings_label_is_no_part_of_a_name():
    kg = extract(
        "The cartel grew in Medellin.\n\nDon Berna Factbox\n\n"
        "Don Berna was arrested by Colombian police in 2005.\n"
    )
    assert not [e for e in kg.entities.values() if "Factbox" in e.name]
    assert facts(kg, "detained_by") == {("Don Berna", "detained_by", "Colombia")}


def test_a_k_a_does_not_end_the_sentence_or_join_the_name():
    kg = extract(
        "The State Department also named FARC-SM leader Luciano Marin Arango, a.k.a. Ivan Marquez, and "
        "now-deceased leaders Hernan Dario Velasquez Saldarriaga, a.k.a. El Paisa, and Henry Castellanos "
        "Garzon, a.k.a. Romana.\n"
    )
    assert [e.name for e in kg.find("Ivan Marquez")] == ["Luciano Marin Arango"]
    assert not [e for e in kg.entities.values() if e.name.lower().startswith("a.k.a")]
    assert ("Hernan Dario Velasquez Saldarriaga", "leader_of", "FARC-SM") in facts(kg, "leader_of")


def test_a_shared_surname_names_the_person_named_in_full_most_and_first():
    kg = extract(
        "Edgar Valdez Villarreal was born in Laredo, Texas. Edgar Valdez Villarreal worked as a lieutenant "
        "alongside his nephew Fernando Valdez. Following the death of cartel boss Arturo Beltran Leyva, "
        "Valdez fought a gang war for control of the cartel. He employed torture.\n\n"
        "On August 30, 2010, he was arrested by the Mexican Federal Police.\n"
    )
    assert ("Edgar Valdez Villarreal", "detained_by", "Mexican Federal Police") in facts(kg, "detained_by")
    assert not [f for f in facts(kg, "detained_by") if f[0] == "Arturo Beltran Leyva"]


def test_a_k_a_written_with_slashes_gives_an_alias():
    # test17/nr-doj-2018-la-barbie-valdez-villareal-sentenced.txt and
    # sr-doj-2008-norte-valle-rasguno-guilty-plea.txt: federal releases write "a/k/a"; "Like" opening a
    # sentence is no part of the name after it
    kg = extract(
        "ATLANTA - Edgar Valdez-Villareal, a/k/a La Barbie, who was born in the U.S., rose to be a leader "
        'of the Beltran-Leyva Cartel. Luis Hernando Gomez-Bustamante, a/k/a "Rasguno," pleaded guilty '
        "today. Like La Barbie, they will be held accountable.\n"
    )
    people = {e.name: e.aliases for e in kg.entities.values() if e.type == "Person"}
    assert people == {
        "Edgar Valdez-Villareal": ["La Barbie"],
        "Luis Hernando Gomez-Bustamante": ["Rasguno"],
    }


def test_an_acronym_the_text_gives_a_group_is_that_groups_not_the_gazetteers():
    # the gazetteer knows "CDG" as the Gulf Cartel's (Cártel del Golfo); this text gives it to the
    # Clan del Golfo, and its later mentions follow the text (DOJ, Otoniel's sentencing, 2023)
    kg = extract(
        'He led the drug trafficking organization known as the "Clan del Golfo" (CDG). '
        "The CDG controlled the routes. The Gulf Cartel is a rival of the CDG.\n"
    )
    assert [e.name for e in kg.find("CDG")] == ["Clan del Golfo"]
    assert "CDG" not in kg.find("Gulf Cartel")[0].aliases
    assert facts(kg, "rival_of") == {("Clan del Golfo", "rival_of", "Gulf Cartel")}
    # where the text gives it to the Gulf Cartel, it stays the Gulf Cartel's
    kg = extract("The Gulf Cartel (CDG) controls Reynosa. The CDG fought the Zetas.\n")
    assert [e.name for e in kg.find("CDG")] == ["Gulf Cartel"]
