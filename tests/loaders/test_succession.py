"""Succession: replaced, took over, successor, heir; policies "leaving X behind", "replaces"."""

import pytest
from extract_helpers import extract, facts

# Wordings only the slot-template rules found; 94 of those 96 rules added no right fact on the real dev
# articles and were removed (issue 13). Each test here passes again once a frame or the binder covers it.
RULES_GONE = "wording no frame covers yet (the regex rule that found it was removed)"

OLD, NEW = "Ramiro Fuentes Olvera", "Teodora Quiñones Baca"


def test_people_succession_wordings():
    for sentence in (
        f"{NEW} replaced {OLD} at the head of the Brisa Cartel.",
        f"{OLD} was succeeded by {NEW} in 2018.",
        f"{NEW}, the successor of {OLD}, moved the cartel's base.",
    ):
        kg = extract(sentence + "\n")
        assert facts(kg, "succeeded_by") == {(OLD, "succeeded_by", NEW)}, sentence


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
def test_policy_replaces_and_leaving_behind():
    kg = extract("The Frontera Segura Initiative replaces the Coastal Security Plan.\n")
    assert facts(kg, "succeeded_by") == {
        ("Coastal Security Plan", "succeeded_by", "Frontera Segura Initiative")
    }
    kg = extract(
        "The Frontera Segura Initiative was announced on Monday. The minister said the new plan meant "
        "leaving the Coastal Security Plan behind.\n"
    )
    assert facts(kg, "succeeded_by") == {
        ("Coastal Security Plan", "succeeded_by", "Frontera Segura Initiative")
    }


def test_took_control_after():
    kg = extract(f"{NEW} took control of the Brisa Cartel after {OLD} was arrested.\n")
    assert facts(kg, "succeeded_by") == {(OLD, "succeeded_by", NEW)}


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
def test_took_over_after_the_fall_of_a_named_predecessor():
    kg = extract(
        f"{NEW} took over the Brisa Cartel after its longtime boss, {OLD}, was captured by the army.\n"
    )
    assert ("Ramiro Fuentes Olvera", "succeeded_by", NEW) in facts(kg, "succeeded_by")
    assert (OLD, "leader_of", "Brisa Cartel") in facts(kg, "leader_of")


def test_became_head_after_death_of_predecessor_and_who_succeeded():
    kg = extract(
        f"{NEW} became head of the Brisa Cartel after the death of her predecessor, {OLD}. "
        "The Lobos Negros gang is led by Anselmo Ybarra Cruz, who succeeded Julio Prats Gil in 2020. "
        "Cosme Arenas Dolz ran the port for years, replacing his uncle, Baldo Arenas Ruiz.\n"
    )
    assert facts(kg, "succeeded_by") >= {
        (OLD, "succeeded_by", NEW),
        ("Julio Prats Gil", "succeeded_by", "Anselmo Ybarra Cruz"),
        ("Baldo Arenas Ruiz", "succeeded_by", "Cosme Arenas Dolz"),
    }


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
def test_a_list_took_control_after_the_previous_leader():
    kg = extract(
        "The Brisa Cartel is run by Elías Mora Pinto and Rebeca Mora Pinto, who took control of the "
        f"Brisa Cartel after the 2015 arrest of its previous leader, {OLD}.\n"
    )
    assert facts(kg, "succeeded_by") >= {
        (OLD, "succeeded_by", "Elías Mora Pinto"),
        (OLD, "succeeded_by", "Rebeca Mora Pinto"),
    }
    assert (OLD, "leader_of", "Brisa Cartel") in facts(kg, "leader_of")


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
def test_when_he_replaced_its_founder():
    kg = extract(
        f"{NEW} had led the Brisa Cartel since 2020, when she replaced its founder, {OLD}, who died.\n"
    )
    assert (OLD, "succeeded_by", NEW) in facts(kg, "succeeded_by")


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
def test_son_and_heir_of_and_deputy_took_the_reins():
    kg = extract(
        "Police arrested Salvatore Esposito Ranieri, the son and heir of jailed Camorra boss Vincenzo "
        "Esposito, in a raid. Edgar Maldonado Quispe was captured by the army in 2022, and his deputy, "
        "Raúl Ccama Huamán, took the reins.\n"
    )
    assert facts(kg, "child_of") == {("Salvatore Esposito Ranieri", "child_of", "Vincenzo Esposito")}
    assert facts(kg, "succeeded_by") == {
        ("Vincenzo Esposito", "succeeded_by", "Salvatore Esposito Ranieri"),
        ("Edgar Maldonado Quispe", "succeeded_by", "Raúl Ccama Huamán"),
    }


def test_a_deputy_who_did_not_take_over_is_no_successor():
    kg = extract(
        "Edgar Maldonado Quispe was captured by the army in 2022, and his deputy, Raúl Ccama Huamán, fled "
        "to Ecuador.\n"
    )
    assert facts(kg, "succeeded_by") == set()


def test_took_over_a_group_from_a_relative():
    kg = extract(
        'Fidel Macías Loor, known by the nickname "Pulpo Mayor," took over Los Pulpos in 2021 from his '
        "uncle, Segundo Macías Vera, who was killed in a prison massacre.\n"
    )
    assert facts(kg, "succeeded_by") == {("Segundo Macías Vera", "succeeded_by", "Fidel Macías Loor")}
    assert facts(kg, "leader_of") == {("Fidel Macías Loor", "leader_of", "Los Pulpos")}


def test_whom_prosecutors_described_as_the_successor_of():
    kg = extract(
        "Baltazar Orellana Pinto, whom prosecutors described as the successor of the late trafficker Efraín "
        "Lemus Cano, ran the Orellana clan.\n"
    )
    assert facts(kg, "succeeded_by") == {("Efraín Lemus Cano", "succeeded_by", "Baltazar Orellana Pinto")}
