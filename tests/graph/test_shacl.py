"""SHACL: the shapes accept what the model writes and catch, in words, what it would refuse."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

from ocgraph import ontology
from ocgraph.cli import main
from ocgraph.errors import InputError
from ocgraph.graph import rdf, shacl
from ocgraph.graph.model import KnowledgeGraph
from ocgraph.graph.store import FILENAME, read_graph
from ocgraph.ontology import OntologyError

REPO = Path(__file__).resolve().parents[2]
BAD = REPO / "tests" / "fixtures" / "bad"

ID = "https://w3id.org/ocgraph/id/"
OCG = rdflib.Namespace("https://w3id.org/ocgraph/ontology#")
SDO = rdflib.Namespace("https://schema.org/")


def _node(eid: str) -> rdflib.URIRef:
    return rdflib.URIRef(ID + eid)


def _hand_graph(text: str) -> rdflib.Graph:
    prefixes = (
        "@prefix ocg: <https://w3id.org/ocgraph/ontology#> .\n@prefix schema: <https://schema.org/> .\n"
        "@prefix id: <https://w3id.org/ocgraph/id/> .\n"
        "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
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
    assert (rel.subject, rel.predicate, rel.object) == (
        "state/mexico",
        "party_to",
        "policy/merida-initiative",
    )
    g.set((_node(rel.id), SDO.startDate, rdflib.Literal("July 2007")))
    # party_to takes no status, so 'ongoing' breaks two rules: two lines
    g.set((_node(rel.id), OCG.status, rdflib.Literal("ongoing")))
    about = f"Assertion {rel.id} (Mexico party_to Mérida Initiative)"
    assert [str(v) for v in shacl.validate(g)] == [
        f"{about}: start (schema:startDate) must be text matching "
        "^\\d{4}(-\\d{2}(-\\d{2})?)?$, at most one value, found 'July 2007'",
        f"{about}: status (ocg:status) must be one of current, former, alleged, "
        "at most one value, found 'ongoing'",
        f"{about}: status (ocg:status) only goes on member_of, leader_of, faction_of, rival_of or "
        "allied_with, found party_to",
    ]


def test_edge_property_on_the_wrong_predicate_is_one_line() -> None:
    # written by hand outside ocgraph: the model would refuse it, so only SHACL can say what is wrong
    path = BAD / "edge-property-on-wrong-predicate.ttl"
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "Assertion rel/sanction (Ismael Zambada García sanctioned_by Office of Foreign Assets Control): "
        "role (org:role) only goes on member_of, leader_of, associated_with or detained_by, "
        "found sanctioned_by",
        f"1 violation(s) in {path}",
    ]
    with pytest.raises(InputError, match="sanctioned_by does not take property 'role'"):
        rdf.read(path)


# a valid value of each edge property, written by hand, so only the predicate can be wrong
EDGE_VALUES = {
    "start": '"2020"',
    "end": '"2021-03"',
    "date": '"2019-12-01"',
    "role": '"plaza boss"',
    "amount": '"5000000"^^xsd:decimal',
    "currency": '"USD"',
    "amount_scope": '"each"',
    "status": '"former"',
    "program": '"SDNTK"',
    "confidence": '"0.5"^^xsd:decimal',
    "review": '"confirmed"',
}


def test_every_edge_property_on_every_predicate_agrees_with_the_model() -> None:
    """One assertion per (predicate, edge property): SHACL flags exactly the pairs the model refuses."""
    onto = ontology.load()
    assert set(EDGE_VALUES) == set(onto.edge_properties)
    lines, refused = [], {}
    for pred in onto.predicates.values():
        for name, prop in onto.edge_properties.items():
            node = f"id:rel\\/{pred.name}-{name}"
            lines.append(
                f"{node} a ocg:Assertion ; rdf:subject id:x ; rdf:object id:y ; "
                f"rdf:predicate <{pred.iri}> ; <{onto.expand(prop.iri)}> {EDGE_VALUES[name]} ."
            )
            try:
                onto.edge_property(pred, name)
            except OntologyError:
                refused[f"{ID}rel/{pred.name}-{name}"] = (pred.name, name)
    g = _hand_graph("\n".join(lines))
    violations = shacl.validate(g)
    assert {v.focus: v.message for v in violations} == {
        focus: f"{name} ({onto.edge_properties[name].iri}) only goes on "
        f"{_or([p for p in onto.predicates if name in onto.predicates[p].properties])}, found {pred}"
        for focus, (pred, name) in refused.items()
    }
    # 16 predicates x 9 properties (confidence and review go on any), less the 42 pairs schema.toml
    # declares (4+4+3+2+2+3+3+3+4+4+2+0+0+4+2+2, counted by hand)
    assert len(refused) == 16 * 9 - 42 == 102


def _or(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def test_the_demo_graph_conforms(ocgraph_home: Path) -> None:
    """The seed article and the OFAC excerpt, ingested as `make demo` does, pass every shape."""
    runner = CliRunner()
    ofac = REPO / "tests" / "fixtures" / "ofac"
    for args in (
        [str(REPO / "data" / "seed-kingpin-strategy.txt")],
        [
            *("--format", "ofac-sdn", str(ofac / "sdn_2024-05-03_jackdwyer.csv")),
            *("--alt", str(ofac / "alt_2021-04_garybogle.csv")),
            *("--add", str(ofac / "add_2021-04_garybogle.csv")),
        ],
    ):
        result = runner.invoke(main, ["ingest", *args])
        assert result.exit_code == 0, result.output
    kg = read_graph(ocgraph_home / FILENAME)
    # the graph exercises the per-predicate shapes: edge properties on several predicates, and node
    # properties sharing an edge property's IRI (a document's dcterms:date, an entity's ocg:program)
    used = {(r.predicate, k) for r in kg.relations.values() for k in r.properties}
    assert {("member_of", "role"), ("sanctioned_by", "program"), ("reward_offered_by", "amount")} <= used
    assert any("programs" in e.properties for e in kg.entities.values())
    assert any("date" in e.properties for e in kg.entities.values() if e.type == "Document")
    result = runner.invoke(main, ["validate"])
    assert result.exit_code == 0, result.output
    assert result.output == f"the store conforms to the shapes ({len(rdf.to_rdflib(kg))} triples checked)\n"


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
