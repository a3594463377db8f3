"""SHACL: the shapes accept what the model writes and catch, in words, what it would refuse."""

from __future__ import annotations

import rdflib

from ocgraph.graph import rdf, shacl
from ocgraph.graph.model import KnowledgeGraph

ID = "https://w3id.org/ocgraph/id/"
OCG = rdflib.Namespace("https://w3id.org/ocgraph/ontology#")
SDO = rdflib.Namespace("https://schema.org/")


def _node(eid: str) -> rdflib.URIRef:
    return rdflib.URIRef(ID + eid)


def _hand_graph(text: str) -> rdflib.Graph:
    prefixes = (
        "@prefix ocg: <https://w3id.org/ocgraph/ontology#> .\n@prefix schema: <https://schema.org/> .\n"
        "@prefix id: <https://w3id.org/ocgraph/id/> .\n"
    )
    return rdflib.Graph().parse(data=prefixes + text, format="turtle")


def test_fixture_graph_conforms(fixture_graph: KnowledgeGraph) -> None:
    assert shacl.validate(rdf.to_rdflib(fixture_graph)) == []


def test_member_of_from_an_organization_to_a_person_is_caught() -> None:
    # the model refuses this edge, so the bad RDF is written by hand
    g = _hand_graph(
        'id:crimorg\\/sinaloa-cartel a ocg:CriminalOrganization ; schema:name "Sinaloa Cartel" ;\n'
        "    ocg:memberOf id:person\\/joaquin-guzman-loera .\n"
        'id:person\\/joaquin-guzman-loera a ocg:Person ; schema:name "Joaquín Guzmán Loera" .\n'
    )
    assert [str(v) for v in shacl.validate(g)] == [
        "Sinaloa Cartel (crimorg/sinaloa-cartel): member_of must point from a Person, "
        "found CriminalOrganization",
        "Sinaloa Cartel (crimorg/sinaloa-cartel): member_of must point to a CriminalOrganization, "
        "GovernmentOrganization, Organization or State, found Person Joaquín Guzmán Loera "
        "(person/joaquin-guzman-loera)",
    ]


def test_succeeded_by_across_kinds_is_caught_by_the_pairs_shape() -> None:
    g = _hand_graph(
        'id:policy\\/merida a ocg:Policy ; schema:name "Mérida Initiative" ;\n'
        "    ocg:succeededBy id:person\\/a .\n"
        'id:person\\/a a ocg:Person ; schema:name "Ana" .\n'
    )
    assert [str(v) for v in shacl.validate(g)] == [
        "Mérida Initiative (policy/merida): succeeded_by only links Person to Person; "
        "CriminalOrganization to CriminalOrganization; Policy to Policy, found Policy to Person"
    ]


def test_missing_name_and_wrong_datatype() -> None:
    g = _hand_graph("id:state\\/mexico a ocg:State ; schema:birthDate 3 .\n")
    assert [str(v) for v in shacl.validate(g)] == [
        "State state/mexico: birth_date (schema:birthDate) must be text, found '3' (integer)",
        "State state/mexico: name (schema:name) must be text, exactly one value, found none",
    ]


def test_bad_edge_property_on_an_assertion(fixture_graph: KnowledgeGraph) -> None:
    g = rdf.to_rdflib(fixture_graph)
    rel = next(r for r in fixture_graph.relations.values() if r.properties.get("start") == "2007")
    g.set((_node(rel.id), SDO.startDate, rdflib.Literal("July 2007")))
    g.set((_node(rel.id), OCG.status, rdflib.Literal("ongoing")))
    assert [str(v) for v in shacl.validate(g)] == [
        f"Assertion {rel.id}: start (schema:startDate) must be text matching "
        "^\\d{4}(-\\d{2}(-\\d{2})?)?$, at most one value, found 'July 2007'",
        f"Assertion {rel.id}: status (ocg:status) must be one of current, former, alleged, "
        "at most one value, found 'ongoing'",
    ]


def test_evidence_without_offsets_is_caught(fixture_graph: KnowledgeGraph) -> None:
    g = rdf.to_rdflib(fixture_graph)
    rel = next(iter(sorted(fixture_graph.relations)))
    evidence = next(g.objects(_node(rel), rdflib.URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")))
    g.remove((evidence, OCG.startOffset, None))
    (violation,) = shacl.validate(g)
    assert violation.focus == str(evidence)
    assert (
        violation.message == "start (ocg:startOffset) must be a whole number, exactly one value, found none"
    )
