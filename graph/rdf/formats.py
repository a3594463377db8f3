"""The RDF formats ocgraph reads and writes: their names, file suffixes and pyoxigraph formats."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from ocgraph.errors import InputError

__all__ = ["FORMATS", "SUFFIXES", "guess_format", "oxigraph_format"]

# format name (as `ocgraph export --format` spells it) -> pyoxigraph format
FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
    "xml": ox.RdfFormat.RDF_XML,
}
# file suffix -> format name (`validate` and `export` read the format from the name)
SUFFIXES = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".jsonld": "jsonld",
    ".json": "jsonld",
    ".trig": "trig",
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
}


def oxigraph_format(name: str) -> ox.RdfFormat:
    """The pyoxigraph format of a format name; InputError listing the known names for any other.

    >>> oxigraph_format("nt")
    <RdfFormat N-Triples>
    """
    try:
        return FORMATS[name]
    except KeyError:
        raise InputError(f"unknown RDF format {name!r} (known: {', '.join(FORMATS)})") from None


def guess_format(path: str | Path) -> str:
    """The format name for a file, from its suffix; InputError when the suffix says nothing."""
    try:
        return SUFFIXES[Path(path).suffix.lower()]
    except KeyError:
        raise InputError(
            f"{path}: cannot tell the RDF format from the name (use one of {', '.join(sorted(SUFFIXES))})"
        ) from None
