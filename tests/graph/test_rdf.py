"""RDF export and import: round trip per format, repeatable bytes, the evidence shape, bad input."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic

from ocgraph.errors import InputError
from ocgraph.graph import rdf
from ocgraph.graph.model import Evidence, KnowledgeGraph

SUFFIX = {"turtle": ".ttl", "nt": ".nt", "jsonld": ".jsonld", "trig": ".trig", "xml": ".rdf"}
RDFLIB_NAME = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld", "trig": "trig", "xml": "xml"}
ID = "https://w3id.org/ocgraph/id/"
OCG = rdflib.Namespace("https://w3id.org/ocgraph/ontology#")
SDO = rdflib.Namespace("https://schema.org/")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
XSD = rdflib.namespace.XSD


def _export(kg: KnowledgeGraph, fmt: str) -> bytes:
    out = io.BytesIO()
    rdf.write(kg, out, fmt)
    return out.getvalue()


def _parse(data: bytes, fmt: str) -> rdflib.Graph:
    """rdflib's own parser: an independent reader of what pyoxigraph wrote."""
    if fmt == "trig":
        ds = rdflib.Dataset()
        ds.parse(data=data, format="trig")
        merged = rdflib.Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            merged.add((s, p, o))
        return merged
    return rdflib.Graph().parse(data=data, format=RDFLIB_NAME[fmt])


@pytest.fixture
def small() -> KnowledgeGraph:
    """Two people, a cartel, one fact read in two documents, one symmetric rivalry, a reward."""
    kg = KnowledgeGraph()
    mayo = kg.add_entity(
        "Person", "Ismael Zambada García", aliases=["El Mayo"], properties={"birth_date": "1948"}
    )
    chapo = kg.add_entity("Person", "Joaquín Guzmán Loera", aliases=["El Chapo"])
    cartel = kg.add_entity("CriminalOrganization", "Sinaloa Cartel")
    us = kg.add_entity("State", "United States")
    ev1 = Evidence("doc/aaaa", 10, 40, "El Mayo, of the Sinaloa Cartel", "fixture", 0.9)
    ev2 = Evidence("doc/bbbb", 0, 22, "Zambada leads Sinaloa", "spacy", None)
    kg.add_relation(mayo.id, "member_of", cartel.id, {"role": "co-founder"}, [ev1])
    kg.add_relation(mayo.id, "member_of", cartel.id, {"confidence": 0.75}, [ev2])
    kg.add_relation(mayo.id, "rival_of", chapo.id, {"status": "former"})
    kg.add_relation(chapo.id, "reward_offered_by", us.id, {"amount": 5000000, "currency": "USD"})
    return kg


@pytest.mark.parametrize("fmt", sorted(rdf.FORMATS))
def test_round_trip_gives_the_same_graph(fixture_graph: KnowledgeGraph, fmt: str, tmp_path: Path) -> None:
    data = _export(fixture_graph, fmt)
    path = tmp_path / f"graph{SUFFIX[fmt]}"
    path.write_bytes(data)
    back = rdf.read(path)
    assert back.to_records() == fixture_graph.to_records()
    assert _export(back, fmt) == data
    assert isomorphic(_parse(data, fmt), rdf.to_rdflib(fixture_graph))
    assert rdf.from_rdflib(_parse(data, fmt)).to_records() == fixture_graph.to_records()


@pytest.mark.parametrize("fmt", sorted(rdf.FORMATS))
def test_round_trip_keeps_properties_and_evidence(small: KnowledgeGraph, fmt: str, tmp_path: Path) -> None:
    path = tmp_path / f"small{SUFFIX[fmt]}"
    path.write_bytes(_export(small, fmt))
    assert rdf.read(path).to_records() == small.to_records()


def test_same_bytes_in_another_process(fixture_graph: KnowledgeGraph, tmp_path: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from ocgraph.graph import rdf; "
        "from ocgraph.graph.store import read_graph; "
        "kg = read_graph(Path(sys.argv[1])); "
        "[rdf.write(kg, open(sys.argv[2] + f, 'wb'), f) for f in rdf.FORMATS]"
    )
    source = Path(__file__).resolve().parents[2] / "data" / "fixture-graph.jsonl"
    subprocess.run([sys.executable, "-c", code, str(source), str(tmp_path / "out.")], check=True)
    for fmt in rdf.FORMATS:
        assert (tmp_path / f"out.{fmt}").read_bytes() == _export(fixture_graph, fmt), fmt


def test_a_fact_from_two_documents_is_one_assertion_with_two_evidence_nodes(small: KnowledgeGraph) -> None:
    g = rdf.to_rdflib(small)
    mayo, cartel = (
        rdflib.URIRef(ID + "person/ismael-zambada-garcia"),
        rdflib.URIRef(ID + "crimorg/sinaloa-cartel"),
    )
    assert list(g.objects(mayo, OCG.memberOf)) == [cartel]
    (assertion,) = g.subjects(rdflib.RDF.predicate, OCG.memberOf)
    rel = next(iter(small.relations.values()))
    assert assertion == rdflib.URIRef(ID + rel.id)
    assert set(g.predicate_objects(assertion)) - {
        (PROV.wasDerivedFrom, e) for e in g.objects(assertion, PROV.wasDerivedFrom)
    } == {
        (rdflib.RDF.type, OCG.Assertion),
        (rdflib.RDF.subject, mayo),
        (rdflib.RDF.predicate, OCG.memberOf),
        (rdflib.RDF.object, cartel),
        (rdflib.URIRef("http://www.w3.org/ns/org#role"), rdflib.Literal("co-founder")),
        (OCG.confidence, rdflib.Literal("0.75", datatype=XSD.decimal)),
    }
    evidence = sorted(g.objects(assertion, PROV.wasDerivedFrom))
    assert len(evidence) == 2
    by_doc = {str(g.value(e, PROV.hadPrimarySource)): e for e in evidence}
    first = by_doc[ID + "doc/aaaa"]
    assert set(g.predicate_objects(first)) == {
        (rdflib.RDF.type, OCG.Evidence),
        (PROV.hadPrimarySource, rdflib.URIRef(ID + "doc/aaaa")),
        (OCG.sentence, rdflib.Literal("El Mayo, of the Sinaloa Cartel")),
        (OCG.startOffset, rdflib.Literal("10", datatype=XSD.integer)),
        (OCG.endOffset, rdflib.Literal("40", datatype=XSD.integer)),
        (OCG.extractor, rdflib.Literal("fixture")),
        (OCG.confidence, rdflib.Literal("0.9", datatype=XSD.decimal)),
    }
    assert (by_doc[ID + "doc/bbbb"], OCG.confidence, None) not in g


def test_symmetric_relation_is_one_direct_triple(small: KnowledgeGraph) -> None:
    g = rdf.to_rdflib(small)
    rivals = list(g.subject_objects(OCG.rivalOf))
    # joaquin < ismael is false: "person/i..." < "person/j...", so Zambada is the subject
    assert rivals == [
        (
            rdflib.URIRef(ID + "person/ismael-zambada-garcia"),
            rdflib.URIRef(ID + "person/joaquin-guzman-loera"),
        )
    ]


def test_entity_triples(small: KnowledgeGraph) -> None:
    g = rdf.to_rdflib(small)
    mayo = rdflib.URIRef(ID + "person/ismael-zambada-garcia")
    assert g.value(mayo, rdflib.RDF.type) == OCG.Person
    assert g.value(mayo, SDO.name) == rdflib.Literal("Ismael Zambada García")
    assert list(g.objects(mayo, SDO.alternateName)) == [rdflib.Literal("El Mayo")]
    assert list(g.objects(mayo, SDO.birthDate)) == [rdflib.Literal("1948")]
    reward = next(r for r in small.relations.values() if r.predicate == "reward_offered_by")
    assert g.value(rdflib.URIRef(ID + reward.id), SDO.value) == rdflib.Literal(
        "5000000", datatype=XSD.decimal
    )


def test_triple_count_is_what_the_design_says(small: KnowledgeGraph) -> None:
    # entities: 4 types + 4 names + 2 aliases + 1 birth date = 11; direct triples: 3;
    # assertions: 3 x (type, subject, predicate, object) = 12, properties 2 + 1 + 2 = 5,
    # evidence links 2; evidence nodes: 7 (with confidence) + 6 = 13.  Total 46.
    assert len(list(rdf.triples(small))) == 46
    assert len(rdf.to_rdflib(small)) == 46
    assert len(rdf.to_oxigraph(small)) == 46


def test_oxigraph_store_answers_sparql(fixture_graph: KnowledgeGraph) -> None:
    store = rdf.to_oxigraph(fixture_graph)
    query = (
        "PREFIX ocg: <https://w3id.org/ocgraph/ontology#> "
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ocg:memberOf ?o }"
    )
    (row,) = store.query(query)
    members = sum(1 for r in fixture_graph.relations.values() if r.predicate == "member_of")
    assert int(row["n"].value) == members == 10


def test_closed_namespace_refuses_a_misspelt_term() -> None:
    assert str(rdf.OCG.memberOf) == "https://w3id.org/ocgraph/ontology#memberOf"
    with pytest.raises(AttributeError):
        _ = rdf.OCG.memberof


def test_unparsable_file_names_file_and_position(tmp_path: Path) -> None:
    path = tmp_path / "broken.ttl"
    path.write_text('<http://a> <http://b> "one" .\n<http://a> <http://b> "two .\n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        rdf.read(path)
    message = str(info.value)
    assert message.startswith(f"{path}: not valid turtle: ")
    assert "line 2" in message
    assert "\n" not in message


def test_unknown_suffix_and_format(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot tell the RDF format"):
        rdf.read(tmp_path / "graph.txt")
    with pytest.raises(InputError, match="unknown RDF format 'csv'"):
        rdf.write(KnowledgeGraph(), io.BytesIO(), "csv")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        rdf.read(tmp_path / "absent.ttl")


def _read_text(tmp_path: Path, text: str) -> KnowledgeGraph:
    path = tmp_path / "hand.ttl"
    path.write_text(
        "@prefix ocg: <https://w3id.org/ocgraph/ontology#> .\n@prefix schema: <https://schema.org/> .\n"
        "@prefix id: <https://w3id.org/ocgraph/id/> .\n" + text,
        encoding="utf-8",
    )
    return rdf.read(path)


def test_hand_written_rdf_with_direct_triples_only(tmp_path: Path) -> None:
    kg = _read_text(
        tmp_path,
        'id:person\\/a a ocg:Person ; schema:name "Ana" ; ocg:memberOf id:crimorg\\/x .\n'
        'id:crimorg\\/x a ocg:CriminalOrganization ; schema:name "X" .\n',
    )
    (rel,) = kg.relations.values()
    assert (rel.subject, rel.predicate, rel.object, rel.evidence) == (
        "person/a",
        "member_of",
        "crimorg/x",
        [],
    )


def test_unknown_type_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"<https://w3id.org/ocgraph/id/person/a>: unknown type .*Persn"):
        _read_text(tmp_path, 'id:person\\/a a ocg:Persn ; schema:name "Ana" .\n')


def test_missing_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"person/a>: a Person needs a name"):
        _read_text(tmp_path, "id:person\\/a a ocg:Person .\n")


def test_edge_against_the_ontology_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="member_of cannot link CriminalOrganization to Person"):
        _read_text(
            tmp_path,
            'id:person\\/a a ocg:Person ; schema:name "Ana" .\n'
            'id:crimorg\\/x a ocg:CriminalOrganization ; schema:name "X" ; ocg:memberOf id:person\\/a .\n',
        )


def test_fast_ntriples_equal_pyoxigraph_canonical_output() -> None:
    import pyoxigraph as ox

    from ocgraph.graph.rdf.convert import ox_triples

    kg = KnowledgeGraph()
    # every ASCII character, some beyond, in a sentence (names lose their whitespace in the model)
    weird = "".join(chr(c) for c in range(1, 0x80)) + "é€😀\u2028\ufeff"
    a = kg.add_entity("Person", "Ana Ñ", aliases=[weird], properties={"url": "https://example.org/a?b=c"})
    b = kg.add_entity("CriminalOrganization", "X")
    ev = Evidence("doc/1", 0, 1, weird, "manual", 1e-05)
    kg.add_relation(a.id, "member_of", b.id, {"confidence": 0.000001}, [ev])
    reference = io.BytesIO()
    ox.serialize(ox_triples(kg), reference, ox.RdfFormat.N_TRIPLES)
    assert _export(kg, "nt") == reference.getvalue()
    assert b'"0.00001"^^<http://www.w3.org/2001/XMLSchema#decimal>' in reference.getvalue()


def test_entity_iri_escapes_unusual_ids_and_reads_them_back(tmp_path: Path) -> None:
    kg = KnowledgeGraph()
    kg.add_entity("Person", "Ana", id="person/ana pérez#1")
    assert rdf.entity_iri("person/ana pérez#1") == ID + "person/ana%20p%C3%A9rez%231"
    path = tmp_path / "odd.nt"
    path.write_bytes(_export(kg, "nt"))
    assert list(rdf.read(path).entities) == ["person/ana pérez#1"]


def _weird_graph() -> KnowledgeGraph:
    kg = KnowledgeGraph()
    weird = "".join(chr(c) for c in range(1, 0x80)) + "é€😀\u2028\ufeff"
    a = kg.add_entity(
        "Person", "Ana Ñ", aliases=['El "Güero"'], properties={"url": "https://example.org/a?b=c"}
    )
    b = kg.add_entity("CriminalOrganization", "X")
    kg.add_entity("Person", "Ana", id="person/ana pérez#1")
    ev = Evidence("doc/1", 0, 1, weird, "manual", 1e-05)
    kg.add_relation(a.id, "member_of", b.id, {"confidence": 0.000001, "role": weird}, [ev])
    return kg


@pytest.mark.parametrize("fmt", sorted(set(rdf.FORMATS) - {"xml"}))
def test_every_character_survives_every_text_format(fmt: str, tmp_path: Path) -> None:
    kg = _weird_graph()
    path = tmp_path / f"weird{SUFFIX[fmt]}"
    path.write_bytes(_export(kg, fmt))
    assert rdf.read(path).to_records() == kg.to_records()
    assert isomorphic(_parse(path.read_bytes(), fmt), rdf.to_rdflib(kg))


@pytest.mark.parametrize("fmt", sorted(rdf.FORMATS))
def test_empty_graph_in_every_format(fmt: str, tmp_path: Path) -> None:
    path = tmp_path / f"empty{SUFFIX[fmt]}"
    path.write_bytes(_export(KnowledgeGraph(), fmt))
    assert rdf.read(path).to_records() == []


def test_rdfxml_refuses_control_characters_and_keeps_the_rest() -> None:
    with pytest.raises(InputError, match=r"holds U\+0001, which RDF/XML cannot carry"):
        _export(_weird_graph(), "xml")
    kg = KnowledgeGraph()
    kg.add_entity("Person", 'Ana "Ñ" <&> 😀')
    assert rdf.from_rdflib(_parse(_export(kg, "xml"), "xml")) == kg


def test_readme_sparql_example_finds_the_evidence_of_every_membership(fixture_graph: KnowledgeGraph) -> None:
    import re

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    query = re.search(r"```sparql\n(.*?)```", readme, re.S).group(1)
    rows = list(rdf.to_oxigraph(fixture_graph).query(query))
    expected = sorted(
        (ev.sentence, ID + ev.document)
        for r in fixture_graph.relations.values()
        if r.predicate == "member_of"
        for ev in r.evidence
    )
    assert len(rows) == 10
    assert sorted((row["sentence"].value, row["doc"].value) for row in rows) == expected
