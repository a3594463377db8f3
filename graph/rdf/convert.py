"""Conversions between a KnowledgeGraph and rdflib or pyoxigraph, both built from the one mapping."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pyoxigraph as ox
import rdflib

from ocgraph.errors import InputError
from ocgraph.graph.model import KnowledgeGraph
from ocgraph.graph.rdf.importer import from_triples
from ocgraph.graph.rdf.mapping import statements, triples
from ocgraph.graph.rdf.vocab import XSD, XSD_STRING, Lit, prefixes

__all__ = ["from_rdflib", "ox_triples", "rdflib_term", "to_oxigraph", "to_rdflib"]

# characters XML 1.0 cannot carry, even escaped
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _ox_terms(
    kg: KnowledgeGraph, xml_safe: bool = False
) -> Iterator[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]]:
    def literal(value: str, datatype: str | None) -> ox.Literal:
        if xml_safe and (bad := _NOT_XML.search(value)):
            raise InputError(
                f"the text {value[:40]!r} holds U+{ord(bad.group()):04X}, which RDF/XML cannot carry; "
                "export as turtle, nt, jsonld or trig instead"
            )
        return ox.Literal(value) if datatype is None else ox.Literal(value, datatype=datatypes[datatype])

    datatypes = {XSD + n: ox.NamedNode(XSD + n) for n in ("decimal", "integer", "anyURI", "string")}
    return statements(kg, ox.NamedNode, literal)


def ox_triples(kg: KnowledgeGraph, xml_safe: bool = False) -> Iterator[ox.Triple]:
    """The triples of `kg` as pyoxigraph terms (with `xml_safe`, InputError on text RDF/XML cannot hold)."""
    return (ox.Triple(s, p, o) for s, p, o in _ox_terms(kg, xml_safe))


def to_oxigraph(kg: KnowledgeGraph) -> ox.Store:
    """The graph loaded into an in-memory pyoxigraph Store (default graph), ready for SPARQL."""
    default = ox.DefaultGraph()
    store = ox.Store()
    store.bulk_extend(ox.Quad(s, p, o, default) for s, p, o in _ox_terms(kg))
    return store


def rdflib_term(term: str | Lit) -> rdflib.term.Identifier:
    """An IRI, blank node (`_:label`) or literal in the form `triples` yields, as an rdflib term."""
    if isinstance(term, Lit):
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype) if term.datatype else None)
    if term.startswith("_:"):
        return rdflib.BNode(term[2:])
    return rdflib.URIRef(term)


def to_rdflib(kg: KnowledgeGraph) -> rdflib.Graph:
    """The graph as an rdflib Graph (same triples as `write`), with the ontology's prefixes bound."""
    g = rdflib.Graph()
    for prefix, ns in prefixes().items():
        g.bind(prefix, ns, override=True)
    g.addN((rdflib_term(s), rdflib_term(p), rdflib_term(o), g) for s, p, o in triples(kg))
    return g


def from_rdflib(g: rdflib.Graph, source: str = "RDF graph") -> KnowledgeGraph:
    """Rebuild a KnowledgeGraph from an rdflib Graph (or Dataset: every graph is read)."""

    def term(t: Any) -> str | Lit:
        if isinstance(t, rdflib.Literal):
            dt = str(t.datatype) if t.datatype is not None else None
            return Lit(str(t), None if dt == XSD_STRING else dt)
        if isinstance(t, rdflib.BNode):
            return "_:" + str(t)
        return str(t)

    quads = g.quads((None, None, None, None)) if isinstance(g, rdflib.Dataset) else ((*t, None) for t in g)
    return from_triples(((term(s), str(p), term(o)) for s, p, o, _ in quads), source=source)  # type: ignore[misc]
