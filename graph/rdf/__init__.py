"""RDF export and import: entities, direct triples, and a reified assertion per relation with its evidence."""

from __future__ import annotations

from ocgraph.graph.rdf.convert import from_rdflib, to_oxigraph, to_rdflib
from ocgraph.graph.rdf.formats import FORMATS, SUFFIXES, guess_format
from ocgraph.graph.rdf.importer import from_triples
from ocgraph.graph.rdf.mapping import triples
from ocgraph.graph.rdf.parse import parse, read, read_rdflib
from ocgraph.graph.rdf.vocab import OCG, Lit, Triple, entity_iri, evidence_iri, prefixes
from ocgraph.graph.rdf.write import write

# The modules: vocab (namespaces and IRIs), mapping (the model as triples), formats (names and
# suffixes), write and text (files out), parse and importer (files and triples in), convert (rdflib
# and pyoxigraph). Callers import from here.
__all__ = [
    "FORMATS",
    "OCG",
    "SUFFIXES",
    "Lit",
    "Triple",
    "entity_iri",
    "evidence_iri",
    "from_rdflib",
    "from_triples",
    "guess_format",
    "parse",
    "prefixes",
    "read",
    "read_rdflib",
    "to_oxigraph",
    "to_rdflib",
    "triples",
    "write",
]
