"""Ontology consistency: domains and ranges, derived names and IRIs, the types and predicates of issue 2."""

from __future__ import annotations

import re

import pytest

from ocgraph.ontology import OntologyError, load, node_type, parse, predicate

ONTO = load()


def test_the_issue_types_and_predicates_are_declared() -> None:
    assert set(ONTO.types) == {
        "Person",
        "CriminalOrganization",
        "GovernmentOrganization",
        "State",
        "Policy",
        "Organization",
        "Place",
        "Document",
    }
    assert set(ONTO.predicates) == {
        "member_of",
        "leader_of",
        "faction_of",
        "splinter_of",
        "part_of",
        "rival_of",
        "allied_with",
        "associated_with",
        "sanctioned_by",
        "reward_offered_by",
        "succeeded_by",
        "child_of",
        "sibling_of",
        "detained_by",
        "party_to",
        "launched_by",
    }
    symmetric = {p.name for p in ONTO.predicates.values() if p.symmetric}
    assert symmetric == {"rival_of", "allied_with", "associated_with", "sibling_of"}


@pytest.mark.parametrize("name", sorted(ONTO.predicates))
def test_every_predicate_has_domain_range_and_derived_names(name: str) -> None:
    pred = ONTO.predicates[name]
    assert pred.domain and pred.range
    assert set(pred.domain) <= set(ONTO.types) and set(pred.range) <= set(ONTO.types)
    assert pred.rel_type == name.upper()
    assert re.fullmatch(r"[A-Z]+(_[A-Z]+)*", pred.rel_type)
    # IRI: ocg: + lowerCamelCase of the snake_case name
    head, *rest = name.split("_")
    assert pred.iri == ONTO.namespace + head + "".join(w.capitalize() for w in rest)
    for prop in pred.properties:
        assert prop in ONTO.edge_properties
    if pred.symmetric:
        assert set(pred.domain) == set(pred.range)
    for a, b in pred.pairs:
        assert a in pred.domain and b in pred.range


@pytest.mark.parametrize("name", sorted(ONTO.types))
def test_every_type_has_label_iri_and_prefix(name: str) -> None:
    t = ONTO.types[name]
    assert re.fullmatch(r"(?:[A-Z][a-z]+)+", t.label)
    assert t.label == name
    assert t.iri == ONTO.namespace + name
    assert t.comment
    assert re.fullmatch(r"[a-z]+", t.id_prefix)
    for curie in (*t.subclass_of, *t.equivalent):
        assert ONTO.expand(curie).startswith("http")


def test_id_prefixes_and_iris_are_unique() -> None:
    assert len({t.id_prefix for t in ONTO.types.values()}) == len(ONTO.types)
    assert len({p.iri for p in ONTO.predicates.values()}) == len(ONTO.predicates)
    assert len({p.rel_type for p in ONTO.predicates.values()}) == len(ONTO.predicates)
    for props in (ONTO.node_properties, ONTO.edge_properties, ONTO.evidence_properties):
        assert len({p.iri for p in props.values()}) == len(props)


def test_every_property_iri_expands() -> None:
    for props in (ONTO.node_properties, ONTO.edge_properties, ONTO.evidence_properties):
        for prop in props.values():
            iri = ONTO.expand(prop.iri)
            assert re.fullmatch(r"https?://\S+[#/][A-Za-z][A-Za-z0-9]*", iri), iri
            assert prop.datatype in ("xsd:string", "xsd:decimal", "xsd:integer", "xsd:anyURI", "iri")


def test_no_type_is_equivalent_to_a_superclass_of_another() -> None:
    # with OWL reasoning, Policy ⊑ schema:CreativeWork ≡ Document would make every policy a document
    for t in ONTO.types.values():
        for other in ONTO.types.values():
            if other is not t:
                assert not set(t.equivalent) & set(other.subclass_of), (t.name, other.name)
                assert not set(t.equivalent) & set(other.equivalent), (t.name, other.name)


def test_unknown_names_raise_with_the_known_ones() -> None:
    with pytest.raises(OntologyError, match="unknown node type 'Cartel' \\(known: Person, "):
        node_type("Cartel")
    with pytest.raises(OntologyError, match="unknown predicate 'boss_of'"):
        predicate("boss_of")
    with pytest.raises(OntologyError, match="undeclared prefix in 'foo:bar'"):
        ONTO.expand("foo:bar")


def test_domain_and_range_checks() -> None:
    assert ONTO.check_edge("member_of", "Person", "State").name == "member_of"
    with pytest.raises(OntologyError, match="member_of cannot link CriminalOrganization to Person"):
        ONTO.check_edge("member_of", "CriminalOrganization", "Person")
    assert ONTO.predicates["succeeded_by"].allows("Policy", "Policy")
    assert not ONTO.predicates["succeeded_by"].allows("Policy", "Person")


def test_a_schema_naming_an_unknown_type_is_refused() -> None:
    text = (
        '[meta]\nnamespace = "x#"\nprefix = "x"\nentity_namespace = "y/"\nversion = "0"\ntitle = "t"\n'
        "[prefixes]\n[types]\n[node_properties]\n[edge_properties]\n[common_edge_properties]\nnames = []\n"
        '[predicates.p]\nrel_type = "P"\niri = "x:p"\ndomain = ["Ghost"]\nrange = []\ncomment = ""\n'
    )
    with pytest.raises(OntologyError, match="predicate p names unknown type 'Ghost'"):
        parse(text)
