"""Policies: parties (sign, start, within) and launchers."""

from extract_helpers import extract, facts

POL = "Frontera Segura Initiative"


def test_parties_to_a_policy():
    kg = extract(f"Guatemala and Honduras signed the {POL} in March.\n")
    assert facts(kg, "party_to") == {("Guatemala", "party_to", POL), ("Honduras", "party_to", POL)}


def test_demonym_officials_are_their_state():
    kg = extract(f"Guatemalan officials met Honduran officials to mark the official start of the {POL}.\n")
    assert facts(kg, "party_to") == {("Guatemala", "party_to", POL), ("Honduras", "party_to", POL)}


def test_launched_by():
    for sentence in (
        f"President Eulalio Tapia Ruelas launched the {POL} in 2015.",
        f"The {POL} was launched by Eulalio Tapia Ruelas in 2015.",
    ):
        kg = extract(sentence + "\n")
        assert facts(kg, "launched_by") == {(POL, "launched_by", "Eulalio Tapia Ruelas")}, sentence


def test_place_is_not_a_party():
    kg = extract(f"Violence in Honduras grew under the {POL}.\n")
    assert facts(kg, "party_to") == set()
