"""Drift guard: the OWL, SHACL and README tables committed equal what schema.toml generates now."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SH

from ocgraph.ontology import derive, load

REPO = Path(__file__).resolve().parents[2]
OCG = rdflib.Namespace("https://w3id.org/ocgraph/ontology#")


def test_owl_file_is_up_to_date() -> None:
    assert derive.OWL_FILE.read_text(encoding="utf-8") == derive.owl_text(load()), "run `make ontology`"


def test_shapes_file_is_up_to_date() -> None:
    assert derive.SHAPES_FILE.read_text(encoding="utf-8") == derive.shapes_text(load()), "run `make ontology`"


def test_readme_tables_are_up_to_date() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert derive.update_readme(readme, load()) == readme, "run `make ontology`"


def test_generation_is_repeatable_in_another_process() -> None:
    code = (
        "from ocgraph.ontology import derive, load; import sys; sys.stdout.write(derive.shapes_text(load()))"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out == derive.shapes_text(load())


def test_owl_parses_and_declares_every_type_and_predicate() -> None:
    onto = load()
    g = rdflib.Graph().parse(derive.OWL_FILE, format="turtle")
    classes = set(g.subjects(RDF.type, OWL.Class)) - {
        n for n in g.subjects(RDF.type, OWL.Class) if isinstance(n, rdflib.BNode)
    }
    assert classes == {rdflib.URIRef(t.iri) for t in onto.types.values()} | {OCG.Assertion, OCG.Evidence}
    for pred in onto.predicates.values():
        iri = rdflib.URIRef(pred.iri)
        assert (iri, RDF.type, OWL.ObjectProperty) in g
        assert ((iri, RDF.type, OWL.SymmetricProperty) in g) == pred.symmetric
        assert g.value(iri, rdflib.URIRef("http://www.w3.org/2004/02/skos/core#notation")) == rdflib.Literal(
            pred.rel_type
        )
        assert g.value(iri, RDFS.domain) is not None and g.value(iri, RDFS.range) is not None
    # alignments a Semantic Web user expects
    assert (OCG.memberOf, RDFS.subPropertyOf, rdflib.URIRef("http://www.w3.org/ns/org#memberOf")) in g
    assert (OCG.leaderOf, RDFS.subPropertyOf, rdflib.URIRef("http://www.w3.org/ns/org#headOf")) in g
    assert (OCG.Person, OWL.equivalentClass, rdflib.URIRef("https://schema.org/Person")) in g
    assert (OCG.Assertion, RDFS.subClassOf, RDF.Statement) in g


def test_owl_union_range_lists_the_declared_types() -> None:
    g = rdflib.Graph().parse(derive.OWL_FILE, format="turtle")
    union = g.value(g.value(OCG.memberOf, RDFS.range), OWL.unionOf)
    members = list(rdflib.collection.Collection(g, union))
    assert members == [OCG.CriminalOrganization, OCG.GovernmentOrganization, OCG.Organization, OCG.State]


def test_shapes_cover_every_type_and_predicate() -> None:
    onto = load()
    g = rdflib.Graph().parse(derive.SHAPES_FILE, format="turtle")
    targets = set(g.objects(None, SH.targetClass))
    assert {rdflib.URIRef(t.iri) for t in onto.types.values()} <= targets
    subjects_of = list(g.objects(None, SH.targetSubjectsOf))
    for pred in onto.predicates.values():
        # a domain shape and a range shape each (and a pairs shape for succeeded_by)
        assert subjects_of.count(rdflib.URIRef(pred.iri)) == (3 if pred.pairs else 2), pred.name


def test_missing_readme_markers_are_reported() -> None:
    with pytest.raises(Exception, match="model-table:start"):
        derive.update_readme("# no markers here\n", load())
