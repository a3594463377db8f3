"""Lists: "X Cartel members A, B, C and D" gives four member_of; "rewards for A, B and C" gives three."""

from extract_helpers import extract, facts

PEOPLE = {"Ramiro Fuentes Olvera", "Teodora Quiñones Baca", "Lisandro Peña Urías", "Maximino Arce Dávila"}


def test_members_list_gives_one_fact_each():
    kg = extract(
        "Prosecutors charged Brisa Cartel members Ramiro Fuentes Olvera, Teodora Quiñones Baca, "
        "Lisandro Peña Urías and Maximino Arce Dávila with smuggling.\n"
    )
    assert facts(kg, "member_of") == {(p, "member_of", "Brisa Cartel") for p in PEOPLE}


def test_rewards_list_gives_one_fact_each():
    kg = extract(
        "The State Department offered rewards for Ramiro Fuentes Olvera, Teodora Quiñones Baca and "
        "Lisandro Peña Urías, who remain at large.\n"
    )
    assert facts(kg, "reward_offered_by") == {
        (p, "reward_offered_by", "U.S. Department of State") for p in PEOPLE - {"Maximino Arce Dávila"}
    }


def test_appositive_list_of_members():
    kg = extract(
        "Agents detained Ramiro Fuentes Olvera and Teodora Quiñones Baca, members of the Cartel de Poniente, "
        "near the border.\n"
    )
    assert facts(kg, "member_of") == {
        ("Ramiro Fuentes Olvera", "member_of", "Cartel de Poniente"),
        ("Teodora Quiñones Baca", "member_of", "Cartel de Poniente"),
    }


# test16/nq-treasury-2013-sinaloa-plaza-bosses-sonora.txt: the release counts the people it designates,
# then lists them with aliases in brackets, which cut the parser's apposition and the list in two
PLAZA_BOSSES = (
    "WASHINGTON – The U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) today "
    "announced the designation of eight Mexican nationals as Specially Designated Narcotics Traffickers "
    "(SDNT) pursuant to the Foreign Narcotics Kingpin Designation Act (Kingpin Act).  The eight "
    'individuals, Cenobio Flores Pacheco (a.k.a. "Luis Fernando Castro Villa"), Jesus Alfredo Salazar '
    'Ramirez, Guillermo Nieblas Nava (a.k.a. "Adelmo Niebla Gonzalez"), Ramon Ignacio Paez Soto, Felipe '
    "De Jesus Sosa Canisales, Armando Lopez Aispuro, Jose Javier Rascon Ramirez, and Raul Sabori "
    "Cisneros, all operate as plaza bosses for the Sinaloa Cartel.\n"
)


def test_a_counted_plural_is_the_list_that_follows_it_aliases_and_all():
    kg = extract(PLAZA_BOSSES)
    sanctioned = {s for s, _, o in facts(kg, "sanctioned_by") if o == "Office of Foreign Assets Control"}
    members = {s for s, _, o in facts(kg, "member_of") if o == "Sinaloa Cartel"}
    assert len(sanctioned) == 8 and members == sanctioned
    assert {"Cenobio Flores Pacheco", "Raul Sabori Cisneros"} <= sanctioned


def test_a_name_with_a_possessive_after_it_ends_no_list_of_two():
    # test13/nm-treasury-2013-sinaloa-damaso-lopez-nunez-coronel-barreras.txt: "two key operatives" are
    # not "Emma Coronel Aispuro, Guzman Loera's third wife", two names that are no list
    kg = extract(
        "OFAC today announced the designation of two key Sinaloa Cartel operatives.\n\n"
        "OFAC is also designating Ines Coronel Barreras for his role in the narcotics trafficking "
        "activities of Guzman Loera. Ines Coronel Barreras is the father of Emma Coronel Aispuro, Guzman "
        "Loera's third wife.\n"
    )
    assert "Emma Coronel Aispuro" not in {s for s, _, _ in facts(kg, "sanctioned_by")}


def test_a_plural_role_after_a_list_names_each_even_when_parsed_as_one_more_conjunct():
    # test17/sr-dea-2004-norte-valle-cartel-leaders-indicted.txt: in capitals, the parser makes "leaders"
    # a conjunct of the names; it is their appositive, and "and leaders of X" is other people
    kg = extract(
        "Prosecutors charged LUIS HERNANDO GOMEZ BUSTAMANTE, ARCANGEL DE JESUS HENOA MONTOYA and WILMER "
        "VARELA, leaders of the notorious Norte Valle Cartel.\n"
    )
    assert facts(kg, "leader_of") == {
        (p, "leader_of", "Norte Valle Cartel")
        for p in ("LUIS HERNANDO GOMEZ BUSTAMANTE", "ARCANGEL DE JESUS HENOA MONTOYA", "WILMER VARELA")
    }
    kg = extract("Prosecutors charged Luis Gomez, Arcangel Henao, and leaders of the Norte Valle Cartel.\n")
    assert facts(kg, "leader_of") == set()
