"""Negation, speculation and attribution lower confidence or drop the fact."""

from extract_helpers import extract, facts, relation

P, G = "Ramiro Fuentes Olvera", "Brisa Cartel"


def test_denial_and_negation_drop_the_fact():
    for sentence in (
        f"{P} denied being a member of the {G}.",
        f"{P} is not a member of the {G}.",
        f"{P} was never a leader of the {G}.",
    ):
        kg = extract(sentence + "\n")
        assert facts(kg, "member_of", "leader_of") == set(), sentence


def test_speculation_drops_the_fact():
    for sentence in (
        f"It is unclear whether {P} is a member of the {G}.",
        f"{P} may be a member of the {G}.",
    ):
        kg = extract(sentence + "\n")
        assert facts(kg, "member_of") == set(), sentence


def test_attribution_lowers_confidence():
    plain = relation(extract(f"{P} is a member of the {G}.\n"), P, "member_of", G)
    hedged = relation(extract(f"{P} is reportedly a member of the {G}.\n"), P, "member_of", G)
    # the confidence is the learned scorer's probability; "reportedly" keeps 0.85 of it
    assert 0 < hedged.properties["confidence"] < plain.properties["confidence"] <= 1
