"""The graph model: merge rules, symmetric edges, deterministic ids, refusals that name what is wrong."""

from __future__ import annotations

import hashlib

import pytest

from ocgraph.graph.ids import digest, document_id, entity_id, fold, relation_id, slug
from ocgraph.graph.model import Evidence, KnowledgeGraph
from ocgraph.ontology import OntologyError

EV_A = Evidence("doc/aaaa", 0, 30, "El Mayo of the Sinaloa Cartel", "fixture", 0.9)
EV_B = Evidence("doc/bbbb", 5, 40, "Zambada, a Sinaloa Cartel founder", "spacy", 0.6)


@pytest.fixture
def kg() -> KnowledgeGraph:
    kg = KnowledgeGraph()
    kg.add_entity("Person", "Ismael Zambada García", aliases=["El Mayo"])
    kg.add_entity("Person", "Joaquín Guzmán Loera", aliases=["El Chapo"])
    kg.add_entity("CriminalOrganization", "Sinaloa Cartel")
    kg.add_entity("State", "United States")
    return kg


MAYO, CHAPO, SINALOA, US = (
    "person/ismael-zambada-garcia",
    "person/joaquin-guzman-loera",
    "crimorg/sinaloa-cartel",
    "state/united-states",
)


def test_same_fact_from_two_documents_is_one_edge_with_two_evidence(kg: KnowledgeGraph) -> None:
    first = kg.add_relation(MAYO, "member_of", SINALOA, {"confidence": 0.9}, [EV_A])
    second = kg.add_relation(MAYO, "member_of", SINALOA, {"confidence": 0.6, "role": "co-founder"}, [EV_B])
    assert first is second
    assert len(kg.relations) == 1
    assert first.evidence == [EV_A, EV_B]  # sorted by document
    assert first.properties == {"confidence": 0.9, "role": "co-founder"}  # the highest confidence
    # the same evidence again adds nothing
    kg.add_relation(MAYO, "member_of", SINALOA, evidence=[EV_B])
    assert first.evidence == [EV_A, EV_B]


def test_symmetric_predicate_is_stored_once_from_the_smaller_id(kg: KnowledgeGraph) -> None:
    one = kg.add_relation(CHAPO, "rival_of", MAYO, evidence=[EV_A])
    other = kg.add_relation(MAYO, "rival_of", CHAPO, evidence=[EV_B])
    assert one is other
    assert (one.subject, one.object) == (MAYO, CHAPO)  # "person/i..." < "person/j..."
    assert len(kg.relations) == 1
    assert one.id == relation_id(MAYO, "rival_of", CHAPO)


def test_directed_predicate_keeps_both_directions(kg: KnowledgeGraph) -> None:
    kg.add_relation(MAYO, "succeeded_by", CHAPO)
    kg.add_relation(CHAPO, "succeeded_by", MAYO)
    assert len(kg.relations) == 2


def test_edge_breaking_domain_or_range_is_refused_naming_all_three(kg: KnowledgeGraph) -> None:
    with pytest.raises(OntologyError) as info:
        kg.add_relation(SINALOA, "member_of", MAYO)
    assert str(info.value).startswith("member_of cannot link CriminalOrganization to Person")
    with pytest.raises(OntologyError, match="succeeded_by cannot link Person to CriminalOrganization"):
        kg.add_relation(MAYO, "succeeded_by", SINALOA)
    assert kg.relations == {}


def test_unknown_type_predicate_and_property_are_refused(kg: KnowledgeGraph) -> None:
    with pytest.raises(OntologyError, match="unknown node type 'Cartel'"):
        kg.add_entity("Cartel", "Sinaloa")
    with pytest.raises(OntologyError, match="unknown predicate 'boss_of'"):
        kg.add_relation(MAYO, "boss_of", SINALOA)
    with pytest.raises(OntologyError, match="unknown node property 'height'"):
        kg.add_entity("Person", "Ana", properties={"height": "1.6"})
    with pytest.raises(OntologyError, match="member_of does not take property 'amount'"):
        kg.add_relation(MAYO, "member_of", SINALOA, {"amount": 5})
    with pytest.raises(OntologyError, match="no entity with id 'person/nobody'"):
        kg.add_relation("person/nobody", "member_of", SINALOA)
    with pytest.raises(OntologyError, match="cannot be linked to itself"):
        kg.add_relation(MAYO, "rival_of", MAYO)


def test_edge_property_values_are_checked(kg: KnowledgeGraph) -> None:
    with pytest.raises(OntologyError, match="start 'July 2007' does not match"):
        kg.add_relation(MAYO, "member_of", SINALOA, {"start": "July 2007"})
    with pytest.raises(OntologyError, match="status must be one of current, former, alleged"):
        kg.add_relation(MAYO, "member_of", SINALOA, {"status": "ongoing"})
    with pytest.raises(OntologyError, match=r"confidence must be between 0\.0 and 1\.0"):
        kg.add_relation(MAYO, "member_of", SINALOA, {"confidence": 1.5})
    rel = kg.add_relation(CHAPO, "reward_offered_by", US, {"amount": "5000000", "currency": "USD"})
    assert rel.properties == {"amount": 5000000, "currency": "USD"}


def test_entity_merge_adds_aliases_and_properties(kg: KnowledgeGraph) -> None:
    again = kg.add_entity(
        "Person", "Ismael Zambada García", ["EL MAYO", "Mayo Zambada"], {"nationality": ["Mexico"]}
    )
    assert again.aliases == ["El Mayo", "Mayo Zambada"]  # "EL MAYO" folds to a known name
    kg.add_entity(
        "Person", "Ismael Zambada", properties={"nationality": "Mexico", "birth_date": "1948"}, id=MAYO
    )
    assert kg.entities[MAYO].aliases == ["El Mayo", "Ismael Zambada", "Mayo Zambada"]
    assert kg.entities[MAYO].properties == {"nationality": ["Mexico"], "birth_date": ["1948"]}
    with pytest.raises(OntologyError, match="is a Person, cannot be added again as a State"):
        kg.add_entity("State", "Mexico", id=MAYO)


def test_aliases_do_not_depend_on_the_order_they_arrive_in() -> None:
    """Two spellings of one alias keep the better one, and an alias of marks only (it folds to nothing)
    is dropped, whichever source came first (a property test found both)."""
    seen = set()
    for order in (["EL MAYO", "El Mayo", "\u0301"], ["\u0301", "El Mayo", "EL MAYO"]):
        g = KnowledgeGraph()
        for alias in order:
            g.add_entity("Person", "Ismael Zambada García", [alias])
        seen.add(tuple(g.entities[entity_id("Person", "Ismael Zambada García")].aliases))
    assert seen == {("El Mayo",)}


def test_find_folds_case_accents_and_quotes(kg: KnowledgeGraph) -> None:
    assert [e.id for e in kg.find("“el mayo”")] == [MAYO]
    assert [e.id for e in kg.find("JOAQUIN GUZMAN LOERA", type="Person")] == [CHAPO]
    assert kg.find("El Mayo", type="State") == []


def test_ids_are_deterministic_and_documented() -> None:
    assert entity_id("Person", "Joaquín “El Chapo” Guzmán") == "person/joaquin-el-chapo-guzman"
    assert entity_id("GovernmentOrganization", "U.S. Treasury Department") == "govorg/us-treasury-department"
    key_digest = hashlib.sha256(b"1970-01-01").hexdigest()[:8]
    assert entity_id("Person", "Juan Pérez", key="1970-01-01") == f"person/juan-perez-{key_digest}"
    assert document_id(b"hello") == "doc/" + hashlib.sha256(b"hello").hexdigest()[:16]
    expected = hashlib.sha256(b"a\x1fmember_of\x1fb").hexdigest()[:16]
    assert relation_id("a", "member_of", "b") == "rel/" + expected == "rel/" + digest("a", "member_of", "b")
    assert slug("!!!") == "unnamed"
    assert fold("Ñoño  DÍAZ") == "nono diaz"


def test_remove_entity_takes_its_relations(kg: KnowledgeGraph) -> None:
    kg.add_relation(MAYO, "member_of", SINALOA)
    kg.add_relation(CHAPO, "member_of", SINALOA)
    kg.remove_entity(MAYO)
    assert sorted(kg.entities) == [SINALOA, CHAPO, US]
    assert [r.subject for r in kg.relations.values()] == [CHAPO]


def test_records_round_trip_and_counts(fixture_graph: KnowledgeGraph) -> None:
    copy = KnowledgeGraph()
    for record in fixture_graph.to_records():
        copy.add_record(record)
    assert copy == fixture_graph
    counts = fixture_graph.counts()
    assert counts["entities"] == {
        "CriminalOrganization": 6,
        "Document": 1,
        "GovernmentOrganization": 3,
        "Person": 8,
        "Policy": 2,
        "State": 2,
    }
    assert sum(counts["relations"].values()) == 37
    assert counts["relations"]["member_of"] == 10


def test_merge_of_two_graphs_unions_evidence(kg: KnowledgeGraph) -> None:
    kg.add_relation(MAYO, "member_of", SINALOA, evidence=[EV_A])
    other = KnowledgeGraph()
    other.add_entity("Person", "Ismael Zambada García")
    other.add_entity("CriminalOrganization", "Sinaloa Cartel")
    other.add_relation(MAYO, "member_of", SINALOA, evidence=[EV_B])
    kg.merge(other)
    (rel,) = kg.relations.values()
    assert rel.evidence == [EV_A, EV_B]
