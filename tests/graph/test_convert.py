"""NetworkX conversion: attributes, counts checked by hand, round trip, bad graphs."""

from __future__ import annotations

import networkx as nx
import pytest

from ocgraph.errors import InputError
from ocgraph.graph.convert import from_networkx, to_networkx
from ocgraph.graph.model import Evidence, KnowledgeGraph


def test_fixture_round_trip(fixture_graph: KnowledgeGraph) -> None:
    g = to_networkx(fixture_graph)
    assert g.number_of_nodes() == 22
    assert g.number_of_edges() == 37
    assert from_networkx(g).to_records() == fixture_graph.to_records()


def test_attributes() -> None:
    kg = KnowledgeGraph()
    chapo = kg.add_entity("Person", "Joaquín Guzmán Loera", ["El Chapo"], {"nationality": "Mexico"})
    aureliano = kg.add_entity("Person", "Aureliano Guzmán Loera")
    us = kg.add_entity("State", "United States")
    ev = Evidence("doc/x", 5, 9, "jailed", "fixture", 0.5)
    rid = kg.add_relation(chapo.id, "detained_by", us.id, {"date": "2017-01"}, [ev]).id
    sib = kg.add_relation(chapo.id, "sibling_of", aureliano.id).id
    g = to_networkx(kg)
    assert dict(g.nodes[chapo.id]) == {
        "type": "Person",
        "label": "Person",
        "name": "Joaquín Guzmán Loera",
        "aliases": ["El Chapo"],
        "nationality": ["Mexico"],
    }
    assert dict(g.edges[chapo.id, us.id, rid]) == {
        "predicate": "detained_by",
        "rel_type": "DETAINED_BY",
        "symmetric": False,
        "date": "2017-01",
        "evidence": [
            {
                "document": "doc/x",
                "start": 5,
                "end": 9,
                "sentence": "jailed",
                "extractor": "fixture",
                "confidence": 0.5,
            }
        ],
    }
    # symmetric: one edge, from the smaller id ("person/aureliano..." < "person/joaquin...")
    assert list(g.edges(keys=True)) == [(aureliano.id, chapo.id, sib), (chapo.id, us.id, rid)]
    assert g.edges[aureliano.id, chapo.id, sib]["symmetric"] is True
    assert from_networkx(g) == kg


def test_changing_the_networkx_graph_leaves_the_knowledge_graph_alone() -> None:
    kg = KnowledgeGraph()
    e = kg.add_entity("Person", "Ana Pérez", ["La Güera"])
    g = to_networkx(kg)
    g.nodes[e.id]["aliases"].append("Other")
    assert kg.entities[e.id].aliases == ["La Güera"]


def test_hand_built_graph_is_checked() -> None:
    g = nx.MultiDiGraph()
    g.add_node("crimorg/x", type="CriminalOrganization", name="X")
    g.add_node("person/a", type="Person", name="A")
    g.add_edge("crimorg/x", "person/a", predicate="member_of")
    with pytest.raises(InputError, match=r"edge 'crimorg/x' -> 'person/a' \(0\): member_of cannot link"):
        from_networkx(g)


def test_node_without_type_is_refused() -> None:
    g = nx.DiGraph()
    g.add_node("person/a", name="A")
    with pytest.raises(InputError, match="node 'person/a': a node needs 'type' and 'name'"):
        from_networkx(g)


def test_plain_digraph_and_evidence_objects() -> None:
    g = nx.DiGraph()
    g.add_node("person/a", type="Person", name="A")
    g.add_node("crimorg/x", type="CriminalOrganization", name="X")
    ev = Evidence("doc/1", 0, 1, "A", "manual")
    g.add_edge("person/a", "crimorg/x", predicate="member_of", role="boss", evidence=[ev])
    kg = from_networkx(g)
    (rel,) = kg.relations.values()
    assert (rel.properties, rel.evidence) == ({"role": "boss"}, [ev])
