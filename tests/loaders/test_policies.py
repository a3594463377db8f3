"""Policies: parties (sign, start, within) and launchers."""

import pytest
from extract_helpers import extract, facts, types

# Wordings only the slot-template rules found; 94 of those 96 rules added no right fact on the real dev
# articles and were removed (issue 13). Each test here passes again once a frame or the binder covers it.
RULES_GONE = "wording no frame covers yet (the regex rule that found it was removed)"
# a pair no frame backs, which the fact model (trained on real dev, loaders/data/fact_model.json) scores
# on the wrong side of its cut
MODEL_CUT = "an unbacked pair the fact model scores on the wrong side of its cut"

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


@pytest.mark.xfail(strict=True, reason=MODEL_CUT)
def test_place_is_not_a_party():
    kg = extract(f"Violence in Honduras grew under the {POL}.\n")
    assert facts(kg, "party_to") == set()


@pytest.mark.xfail(strict=True, reason=RULES_GONE)
def test_which_launched_and_quoted_policy_names():
    kg = extract(
        'The raids are a test for President Aurora Villalba\'s "Safe Roads" policy, which she launched in '
        "2021. The operation was coordinated with the Coastal Watch (CW) program, which the Ministry of "
        "Fisheries set up in 2019. Five countries, including Guatemala, take part in the program.\n"
    )
    assert facts(kg, "launched_by") >= {
        ("Safe Roads", "launched_by", "Aurora Villalba"),
        ("Coastal Watch", "launched_by", "Ministry of Fisheries"),
    }
    assert ("Guatemala", "party_to", "Coastal Watch") in facts(kg, "party_to")
    assert types(kg)["Safe Roads"] == types(kg)["Coastal Watch"] == "Policy"


def test_also_unveiled_and_plan_against():
    kg = extract("President Aurora Villalba also unveiled the National Plan Against Kidnapping.\n")
    assert facts(kg, "launched_by") == {
        ("National Plan Against Kidnapping", "launched_by", "Aurora Villalba")
    }


def test_an_acronym_the_text_defined_names_the_policy_again():
    # test/po-state-cbsi.txt: "CBSI programs" a sentence after "(CBSI)" defined it
    kg = extract(
        "The Caribbean Basin Security Initiative (CBSI) is a partnership. CBSI programs are managed by "
        "USAID and the State Department.\n"
    )
    assert {s for s, p, o in facts(kg, "party_to") if o == "Caribbean Basin Security Initiative"} == {
        "U.S. Agency for International Development",
        "U.S. Department of State",
    }
