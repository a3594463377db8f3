"""Succession: replaced, took over, successor, heir; policies "leaving X behind", "replaces"."""

from extract_helpers import extract, facts

OLD, NEW = "Ramiro Fuentes Olvera", "Teodora Quiñones Baca"


def test_people_succession_wordings():
    for sentence in (
        f"{NEW} replaced {OLD} at the head of the Brisa Cartel.",
        f"{OLD} was succeeded by {NEW} in 2018.",
        f"{NEW}, the successor of {OLD}, moved the cartel's base.",
    ):
        kg = extract(sentence + "\n")
        assert facts(kg, "succeeded_by") == {(OLD, "succeeded_by", NEW)}, sentence


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
