"""Reading RDF files: into triples, into an rdflib Graph as is, or into a KnowledgeGraph."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox
import rdflib

from ocgraph.errors import InputError
from ocgraph.graph.model import KnowledgeGraph
from ocgraph.graph.rdf.convert import rdflib_term
from ocgraph.graph.rdf.formats import guess_format, oxigraph_format
from ocgraph.graph.rdf.importer import from_triples
from ocgraph.graph.rdf.vocab import RDF, XSD_STRING, Lit, Triple

__all__ = ["parse", "read", "read_rdflib"]


def _ox_term(term: Any) -> str | Lit:
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        return Lit(term.value, None if dt in (XSD_STRING, RDF + "langString") else dt)
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    raise InputError(f"unsupported RDF term {term}")


def parse(path: str | Path, format: str | None = None) -> list[Triple]:
    """The triples of an RDF file (every graph of a TriG file), in the form `triples` yields.

    A syntax error raises InputError naming the file and the parser's line and column.
    """
    fmt_name = format or guess_format(path)
    fmt = oxigraph_format(fmt_name)
    try:
        quads = ox.parse(path=str(path), format=fmt)
        return [(_ox_term(q.subject), q.predicate.value, _ox_term(q.object)) for q in quads]  # type: ignore[misc]
    except SyntaxError as exc:
        raise InputError(f"{path}: not valid {fmt_name}: {exc.msg}") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def read(path: str | Path, format: str | None = None) -> KnowledgeGraph:
    """Read an RDF file written by `write` (or by hand, in the same vocabulary) into a KnowledgeGraph.

    A syntax error raises InputError naming the file and the parser's line and column; data the
    ontology refuses raises InputError naming the file and the node.
    """
    return from_triples(parse(path, format), source=str(path))


def read_rdflib(path: str | Path, format: str | None = None) -> rdflib.Graph:
    """An RDF file as an rdflib Graph, as is (for SHACL: nothing is checked or dropped on the way)."""
    g = rdflib.Graph()
    g.addN((rdflib_term(s), rdflib_term(p), rdflib_term(o), g) for s, p, o in parse(path, format))
    return g
