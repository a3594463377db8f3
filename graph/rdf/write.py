"""Writing a KnowledgeGraph as turtle, nt, jsonld, trig or xml, streaming and byte-for-byte repeatable."""

from __future__ import annotations

from typing import BinaryIO

import pyoxigraph as ox

from ocgraph import ontology
from ocgraph.graph.model import KnowledgeGraph
from ocgraph.graph.rdf import text
from ocgraph.graph.rdf.convert import ox_triples
from ocgraph.graph.rdf.formats import oxigraph_format
from ocgraph.graph.rdf.mapping import statements
from ocgraph.graph.rdf.vocab import prefixes

__all__ = ["write"]


def write(kg: KnowledgeGraph, out: BinaryIO, format: str) -> None:
    """Serialise `kg` to `out` as turtle, nt, jsonld, trig or xml, streaming and byte-for-byte repeatable.

    TriG puts every triple in the default graph (the evidence is reified, not in named graphs).
    """
    fmt = oxigraph_format(format)
    # Text formats are written by our own streaming writers (2-3x faster than building
    # pyoxigraph terms in Python); TriG is Turtle, with every triple in the default graph.
    onto = ontology.load()
    if format == "nt":
        text.write_lines(statements(kg, text.nt_iri, text.nt_literal), out)
        return
    if format in ("turtle", "trig"):
        terms = text.TurtleTerms(prefixes(), onto.entity_namespace)
        text.write_turtle(statements(kg, terms.iri, terms.literal), out, prefixes())
        return
    if format == "jsonld":
        json_terms = text.JsonLdTerms(prefixes(), onto.entity_namespace)
        text.write_jsonld(statements(kg, json_terms.iri, json_terms.literal), out, prefixes())
        return
    ox.serialize(ox_triples(kg, xml_safe=True), out, fmt, prefixes=prefixes())
