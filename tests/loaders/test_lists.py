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
