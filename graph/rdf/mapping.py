"""The one mapping from the graph model to RDF triples, shared by every writer and converter."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from ocgraph.graph.model import KnowledgeGraph
from ocgraph.graph.rdf.vocab import (
    PROV_DERIVED,
    RDF_OBJECT,
    RDF_PREDICATE,
    RDF_SUBJECT,
    RDF_TYPE,
    XSD,
    Lit,
    Triple,
    entity_iri,
    evidence_iri,
    vocab,
)

__all__ = ["statements", "triples"]


def _number_text(value: Any) -> str:
    if type(value) is int:
        return str(value)
    text = str(value)
    # plain decimal notation: str(1e-05) would not be a valid xsd:decimal
    return text if "e" not in text and "n" not in text else format(Decimal(text), "f")


def _literal(datatype: str, value: Any) -> tuple[str, str | None]:
    """Lexical form and datatype IRI (None for xsd:string) of a property value."""
    if datatype == "xsd:string":
        return str(value), None
    if datatype == "xsd:decimal":
        return _number_text(value), XSD + "decimal"
    if datatype == "xsd:integer":
        return str(int(value)), XSD + "integer"
    return str(value), XSD + datatype.partition(":")[2]


def statements(
    kg: KnowledgeGraph, iri: Callable[[str], Any], lit: Callable[[str, str | None], Any]
) -> Iterator[Any]:
    """The triples of `kg` as (s, p, o) made by the term factories `iri` and `lit` (see `triples`).

    Each writer passes its own factories (plain strings, N-Triples text, pyoxigraph terms), so
    there is one mapping from the model to RDF. Terms that repeat are made once.
    """
    v = vocab()
    onto = v.onto
    made: dict[str, Any] = {}

    def term(full: str) -> Any:
        found = made.get(full)
        if found is None:
            found = made[full] = iri(full)
        return found

    entities: dict[str, Any] = {}

    def entity(eid: str) -> Any:
        found = entities.get(eid)
        if found is None:
            found = entities[eid] = term(entity_iri(eid))
        return found

    def literal(datatype: str, value: Any) -> Any:
        return lit(*_literal(datatype, value))

    rdf_type = term(RDF_TYPE)
    types = {name: term(full) for name, full in v.type_iri.items()}
    preds = {name: term(full) for name, full in v.pred_iri.items()}
    node_props = {name: (term(full), onto.node_properties[name]) for name, full in v.node_iri.items()}
    edge_props = {name: (term(full), onto.edge_properties[name]) for name, full in v.edge_iri.items()}
    ev = {name: term(full) for name, full in v.ev_iri.items()}
    name_p, alias_p = node_props["name"][0], node_props["aliases"][0]

    outgoing: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for rel in kg.relations.values():
        outgoing[rel.subject].append((rel.predicate, rel.object))
    for eid in sorted(kg.entities):
        e = kg.entities[eid]
        s = entity(eid)
        yield s, rdf_type, types[e.type]
        yield s, name_p, lit(e.name, None)
        for alias in e.aliases:
            yield s, alias_p, lit(alias, None)
        for key in sorted(e.properties):
            p, prop = node_props[key]
            value = e.properties[key]
            for item in value if prop.many else [value]:
                yield s, p, literal(prop.datatype, item)
        # ordered by predicate IRI, then object id: the order does not depend on insertion
        for pred_name, obj in sorted(outgoing.get(eid, ()), key=lambda po: (v.pred_iri[po[0]], po[1])):
            yield s, preds[pred_name], entity(obj)

    assertion, evidence = term(v.assertion), term(v.evidence)
    subject_p, predicate_p, object_p = term(RDF_SUBJECT), term(RDF_PREDICATE), term(RDF_OBJECT)
    derived = term(PROV_DERIVED)
    for rid in sorted(kg.relations):
        rel = kg.relations[rid]
        a = iri(entity_iri(rid))
        yield a, rdf_type, assertion
        yield a, subject_p, entity(rel.subject)
        yield a, predicate_p, preds[rel.predicate]
        yield a, object_p, entity(rel.object)
        for key in sorted(rel.properties):
            p, prop = edge_props[key]
            value = rel.properties[key]
            for item in value if prop.many else [value]:
                yield a, p, literal(prop.datatype, item)
        nodes = [(iri(evidence_iri(rid, item)), item) for item in rel.evidence]
        for n, _ in nodes:
            yield a, derived, n
        for n, item in nodes:
            yield n, rdf_type, evidence
            yield n, ev["document"], entity(item.document)
            yield n, ev["sentence"], lit(item.sentence, None)
            yield n, ev["start"], literal("xsd:integer", item.start)
            yield n, ev["end"], literal("xsd:integer", item.end)
            yield n, ev["extractor"], lit(item.extractor, None)
            if item.confidence is not None:
                yield n, ev["confidence"], literal("xsd:decimal", item.confidence)


def triples(kg: KnowledgeGraph) -> Iterator[Triple]:
    """Every triple of `kg`, in a fixed order (entities by id, then relations by id).

    Each entity gives `rdf:type`, `schema:name`, one `schema:alternateName` per alias, its
    properties (IRIs from schema.toml) and the direct triples of the relations it is the subject
    of (`person ocg:memberOf crimorg`; a symmetric relation once, from the smaller id). Each
    relation then gives an `ocg:Assertion` node, IRI `.../id/rel/<hex>`, with `rdf:subject`,
    `rdf:predicate`, `rdf:object`, its edge properties and `prov:wasDerivedFrom` links to one
    `ocg:Evidence` node per piece of evidence (`prov:hadPrimarySource` the document,
    `ocg:sentence`, `ocg:startOffset`, `ocg:endOffset`, `ocg:extractor`, `ocg:confidence`).
    Every node has an IRI (no blank nodes), so the output is the same bytes on every run and
    reading it back gives the same graph.

    Examples
    --------
    >>> kg = KnowledgeGraph()
    >>> _ = kg.add_entity("State", "Mexico")
    >>> for s, p, o in triples(kg):
    ...     print(s.rsplit("/", 2)[-2:], p.rsplit("/", 1)[-1], o)
    ['state', 'mexico'] 22-rdf-syntax-ns#type https://w3id.org/ocgraph/ontology#State
    ['state', 'mexico'] name Lit(value='Mexico', datatype=None)
    """
    return statements(kg, str, Lit)
