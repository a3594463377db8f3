"""Lists: "X Cartel members A, B, C and D" gives four member_of; "rewards for A, B and C" gives three."""

import pytest
from extract_helpers import extract, facts

# Wordings only the slot-template rules found; 94 of those 96 rules added no right fact on the real dev
# articles and were removed (issue 13). Each test here passes again once a frame or the binder covers it.
RULES_GONE = "wording no frame covers yet (the regex rule that found it was removed)"

PEOPLE = {"Ramiro Fuentes Olvera", "Teodora Quiñones Baca", "Lisandro Peña Urías", "Maximino Arce Dávila"}


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
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
