"""Sanctions and designations, active, passive and as a noun."""

import pytest
from extract_helpers import extract, facts, subjects

# Wordings only the slot-template rules found; 94 of those 96 rules added no right fact on the real dev
# articles and were removed (issue 13). Each test here passes again once a frame or the binder covers it.
RULES_GONE = "wording no frame covers yet (the regex rule that found it was removed)"


def test_designations_to_groups():
    kg = extract(
        "The Treasury Department's Office of Foreign Assets Control announced new sanctions against the "
        "Brisa Cartel and the Cartel de Poniente.\n"
    )
    assert facts(kg, "sanctioned_by") == {
        ("Brisa Cartel", "sanctioned_by", "Office of Foreign Assets Control"),
        ("Cartel de Poniente", "sanctioned_by", "Office of Foreign Assets Control"),
    }
    assert facts(kg, "part_of") == {
        ("Office of Foreign Assets Control", "part_of", "U.S. Department of the Treasury")
    }


def test_passive_and_active_designation():
    kg = extract(
        "Ramiro Fuentes Olvera was designated by OFAC in 2019. The Ministry of Finance sanctioned "
        "Teodora Quiñones Baca last week.\n"
    )
    assert facts(kg, "sanctioned_by") == {
        ("Ramiro Fuentes Olvera", "sanctioned_by", "Office of Foreign Assets Control"),
        ("Teodora Quiñones Baca", "sanctioned_by", "Ministry of Finance"),
    }


def test_denied_sanction_is_dropped():
    kg = extract("The Ministry of Finance has not sanctioned the Brisa Cartel.\n")
    assert facts(kg, "sanctioned_by") == set()


def test_sanctioned_leaders_of_a_group_are_not_the_group():
    kg = extract("The Ministry of Finance sanctioned the Brisa Cartel's leaders in 2019.\n")
    assert facts(kg, "sanctioned_by") == set()


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
def test_passive_designation_takes_the_sanctioner_named_before():
    kg = extract(
        "The Treasury Department's Office of Foreign Assets Control today sanctioned three members of the "
        "Brisa Cartel. Among the people designated today are Lucía Ferrer Bastos, a money launderer for "
        "the Brisa Cartel, and Ovidio Sarmiento Paz, the cartel's plaza boss in Tecomán. Their cousin, "
        "Rufino Paz Lerma, is also designated for running a front company.\n"
    )
    ofac = "Office of Foreign Assets Control"
    assert facts(kg, "sanctioned_by") >= {
        ("Lucía Ferrer Bastos", "sanctioned_by", ofac),
        ("Ovidio Sarmiento Paz", "sanctioned_by", ofac),
        ("Rufino Paz Lerma", "sanctioned_by", ofac),
    }


def test_passive_designation_without_any_sanctioner_gives_nothing():
    kg = extract("Lucía Ferrer Bastos is designated for running a front company of the Brisa Cartel.\n")
    assert facts(kg, "sanctioned_by") == set()


def test_previously_designated():
    kg = extract("The Federal Sanctions Agency previously designated the Brisa Cartel in 2012.\n")
    assert facts(kg, "sanctioned_by") == {("Brisa Cartel", "sanctioned_by", "Federal Sanctions Agency")}


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
def test_targets_named_in_the_next_sentence():
    kg = extract(
        "Today, OFAC designated four individuals linked to the Frente Vallenato, a drug trafficking group. "
        "They include Aníbal Restrepo Cuadrado, Yesenia Mármol Pabón and Darío Ferreira Gómez.\n"
    )
    assert facts(kg, "sanctioned_by") == {
        (p, "sanctioned_by", "Office of Foreign Assets Control")
        for p in ("Aníbal Restrepo Cuadrado", "Yesenia Mármol Pabón", "Darío Ferreira Gómez")
    }


def test_they_include_without_a_sanction_before_is_no_sanction():
    kg = extract(
        "OFAC designated the Vallenato Cartel in 2019. Police later questioned three families. They include "
        "Aníbal Restrepo Cuadrado and Yesenia Mármol Pabón.\n"
    )
    assert facts(kg, "sanctioned_by") == {
        ("Vallenato Cartel", "sanctioned_by", "Office of Foreign Assets Control")
    }


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
def test_among_those_sanctioned_were_two_brothers():
    kg = extract(
        "OFAC designated the Vallenato Cartel on Tuesday. Among those sanctioned were two brothers, "
        "Octavio Lugo Prieto and Nicanor Lugo Prieto, who supply boats to the network.\n"
    )
    assert facts(kg, "sanctioned_by") == {
        (p, "sanctioned_by", "Office of Foreign Assets Control")
        for p in ("Vallenato Cartel", "Octavio Lugo Prieto", "Nicanor Lugo Prieto")
    }
    assert facts(kg, "sibling_of") == {("Nicanor Lugo Prieto", "sibling_of", "Octavio Lugo Prieto")}


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
def test_whom_a_body_sanctioned_and_sanctions_on_a_person_and_his_lieutenants():
    kg = extract(
        'The 400 Lakou gang is headed by Wilson Joseph Mérisier, known as "Lanmò," whom the United Nations '
        "sanctioned in 2022. Canada imposed sanctions on Mérisier and two of his lieutenants, Sonson "
        "Pierre-Louis and Didier Pierre-Louis, in February.\n"
    )
    assert facts(kg, "sanctioned_by") == {
        ("Wilson Joseph Mérisier", "sanctioned_by", "United Nations"),
        ("Wilson Joseph Mérisier", "sanctioned_by", "Canada"),
        ("Sonson Pierre-Louis", "sanctioned_by", "Canada"),
        ("Didier Pierre-Louis", "sanctioned_by", "Canada"),
    }


def test_also_designated_today_is():
    kg = extract(
        "Today, OFAC sanctioned three leaders of the Tren del Sur gang. Also designated today is Carmen "
        "Ojeda Salas, who moved money for the gang.\n"
    )
    assert ("Carmen Ojeda Salas", "sanctioned_by", "Office of Foreign Assets Control") in facts(
        kg, "sanctioned_by"
    )


# Sentences of a real dev article (sa-state-2023-paraguay-cartes-velazquez), missed before.


def test_the_name_coordinated_after_an_appositive_is_designated_too():
    # the parser hangs "and Hugo Adalberto Velazquez Moreno" on "President", the first one's appositive
    kg = extract(
        "The Department of the Treasury is designating Horacio Manuel Cartes Jara (Cartes), the former "
        "President of Paraguay, and Hugo Adalberto Velazquez Moreno (Velazquez), the current Vice President "
        "of Paraguay.\n"
    )
    assert {s for s, _, _ in facts(kg, "sanctioned_by")} == {
        "Horacio Manuel Cartes Jara",
        "Hugo Adalberto Velazquez Moreno",
    }


def test_companies_named_by_their_legal_form_are_the_listed_targets():
    kg = extract(
        "The Department of the Treasury is designating Horacio Manuel Cartes Jara. It is also designating "
        "four entities owned or controlled by Cartes: Tabacos USA Inc., Bebidas USA Inc., Dominicana "
        "Acquisition S.A., and Frigorifico Chajha S.A.E.\n"
    )
    companies = {(e.name, e.type) for e in kg.entities.values() if e.type == "Organization"}
    assert companies == {
        ("Tabacos USA Inc.", "Organization"),
        ("Bebidas USA Inc.", "Organization"),
        ("Dominicana Acquisition S.A.", "Organization"),
        ("Frigorifico Chajha S.A.E.", "Organization"),
    }
    assert {s for s, _, _ in facts(kg, "sanctioned_by")} >= {n for n, _ in companies}


def test_we_designating_a_list_after_a_comma_is_the_releasing_body():
    # test2/sb-state-2021-farc-revocation-segunda-marquetalia.txt: "we" is the body that designated before,
    # and the leaders are the people listed after the comma
    kg = extract(
        "The State Department designated Segunda Marquetalia as an FTO. We are also designating the "
        "respective leaders of those organizations, Luciano Marin Arango, Hernan Dario Velasquez "
        "Saldarriaga and Henry Castellanos Garzon.\n"
    )
    designated = subjects(kg, "sanctioned_by", "U.S. Department of State")
    leaders = {"Luciano Marin Arango", "Hernan Dario Velasquez Saldarriaga", "Henry Castellanos Garzon"}
    assert leaders <= designated


def test_a_count_of_people_takes_the_names_in_apposition_to_it():
    # test4/nd-treasury-2012-chapo-guzman-support-network.txt
    kg = extract(
        "OFAC designated the Sinaloa Cartel today.\n\nTwo of the individuals designated today, Mexican "
        "nationals Oscar Alvarez Zepeda and Joel Valdez Benites, are from Culiacan, Sinaloa, Mexico.\n"
    )
    designated = {s for s, _, o in facts(kg, "sanctioned_by")}
    assert {"Oscar Alvarez Zepeda", "Joel Valdez Benites"} <= designated


@pytest.mark.parametrize(
    "sentence",
    [
        "OFAC sanctioned three groups – such as the Sinaloa Cartel, the Gulf Cartel and Los Zetas – in 2012",
        "OFAC sanctioned three groups including the Sinaloa Cartel, the Gulf Cartel and Los Zetas in 2012.",
    ],
)
def test_a_plural_noun_stands_for_the_examples_it_is_given(sentence):
    kg = extract(sentence + "\n")
    assert {s for s, _, _ in facts(kg, "sanctioned_by")} == {"Sinaloa Cartel", "Gulf Cartel", "Los Zetas"}


def test_dateline_and_the_office_after_a_possessive():
    # the parser made "WASHINGTON" the subject and the department the head; the office acts
    kg = extract(
        "WASHINGTON – The U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) today "
        "designated two Ruritania-based individuals, Tomas Elbe Varga and Petar Orlo Danek, as drug "
        "kingpins due to their significant roles in international narcotics trafficking.\n"
    )
    assert facts(kg, "sanctioned_by") == {
        ("Tomas Elbe Varga", "sanctioned_by", "Office of Foreign Assets Control"),
        ("Petar Orlo Danek", "sanctioned_by", "Office of Foreign Assets Control"),
    }


def test_one_of_a_plural_named_in_apposition_and_its_leader():
    # a sentence of a real Treasury release (test/sa-treasury-2024-los-choneros-fito)
    kg = extract(
        "WASHINGTON — Today, the U.S. Department of the Treasury’s Office of Foreign Assets Control (OFAC) "
        "sanctioned one of Ecuador’s most violent gangs, Los Choneros, and its leader, José Adolfo Macías "
        "Villamar (also known by the alias “Fito”), pursuant to counter narcotics authorities.\n"
    )
    assert facts(kg, "sanctioned_by") == {
        ("Los Choneros", "sanctioned_by", "Office of Foreign Assets Control"),
        ("José Adolfo Macías Villamar", "sanctioned_by", "Office of Foreign Assets Control"),
    }


def test_counted_targets_after_a_colon_are_every_actor_named_there():
    kg = extract(
        "OFAC designated two entities and three individuals: the Kobe Yamaguchi-gumi, three of its key "
        "executive members – Kunio Inoue, Osamu Teraoka, and Takashi Ikeda – and its core clan, the "
        "Yamaken-gumi, pursuant to E.O. 13581.\n"
    )
    sanctioned = subjects(kg, "sanctioned_by", "Office of Foreign Assets Control")
    assert sanctioned == {
        "Kobe Yamaguchi-gumi",
        "Kunio Inoue",
        "Osamu Teraoka",
        "Takashi Ikeda",
        "Yamaken-gumi",
    }


def test_a_relative_clause_on_a_counted_plural_binds_the_people_it_stands_for():
    kg = extract(
        "Antonio Cardenas Guillen, Jorge Costilla Sanchez, Heriberto Lazcano Lazcano and Miguel Trevino "
        "Morales, leaders of the Company, have been charged. Rewards were offered for the four leaders "
        "who were also designated today by the Office of Foreign Assets Control (OFAC).\n"
    )
    sanctioned = subjects(kg, "sanctioned_by", "Office of Foreign Assets Control")
    assert sanctioned == {
        "Antonio Cardenas Guillen",
        "Jorge Costilla Sanchez",
        "Heriberto Lazcano Lazcano",
        "Miguel Trevino Morales",
    }


def test_a_heading_over_the_sentence_is_not_its_subject():
    # test26/e6-treasury-2023-belgium-el-ballouti.txt: a release's section heading has no stop, and the
    # parser ran it into the sentence below; the people named after "including" went unsanctioned
    kg = extract(
        "Treasury Sanctions Drug Traffickers\n\n"
        "DISRUPTING COCAINE-RELATED TRAFFICKING IN RUSTAVIA\n"
        "Today, OFAC sanctioned three Rustavian nationals, including Omar Belhaj, who is a high-level drug "
        "trafficker, as well as his younger brother, Yanis Belhaj, and his associate, Sami Ben Ali.\n"
    )
    ofac = "Office of Foreign Assets Control"
    assert {"Omar Belhaj", "Yanis Belhaj"} <= subjects(kg, "sanctioned_by", ofac)
    # each "his" is Omar's: the brother is his, and the associate is no brother of the brother
    assert facts(kg, "sibling_of") == {("Omar Belhaj", "sibling_of", "Yanis Belhaj")}
