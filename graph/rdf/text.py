"""Fast streaming writers of N-Triples, Turtle and JSON-LD text, from subject-grouped terms."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import Any, BinaryIO

__all__ = [
    "JsonLdTerms",
    "TurtleTerms",
    "nt_iri",
    "nt_literal",
    "write_jsonld",
    "write_lines",
    "write_turtle",
]

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

# N-Triples escapes, as pyoxigraph's canonical writer does (tests compare the two byte for byte);
# Turtle accepts the same string syntax
_ESCAPES = {
    ord("\\"): "\\\\",
    ord('"'): '\\"',
    ord("\n"): "\\n",
    ord("\r"): "\\r",
    ord("\t"): "\\t",
    ord("\b"): "\\b",
    ord("\f"): "\\f",
}
_ESCAPES.update({c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F) if c not in _ESCAPES})
_TABLE = str.maketrans(_ESCAPES)
# most text needs no escape, and searching is cheaper than translating
_NEEDS_ESCAPE = re.compile('[\\\\"\x00-\x1f\x7f]').search


def _quoted(value: str) -> str:
    return '"' + (value.translate(_TABLE) if _NEEDS_ESCAPE(value) else value) + '"'


# a local name that needs no escaping in a Turtle prefixed name
_PLAIN_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*").fullmatch
_BATCH = 4096


def nt_iri(iri: str) -> str:
    return f"<{iri}>"


def nt_literal(value: str, datatype: str | None) -> str:
    text = _quoted(value)
    return text if datatype is None else f"{text}^^<{datatype}>"


def _flush(out: BinaryIO, parts: list[str]) -> None:
    out.write("".join(parts).encode("utf-8"))
    parts.clear()


def write_lines(triples: Iterable[tuple[str, str, str]], out: BinaryIO) -> None:
    """N-Triples from terms made by `nt_iri` and `nt_literal`, written in batches."""
    parts: list[str] = []
    for s, p, o in triples:
        parts.append(f"{s} {p} {o} .\n")
        if len(parts) == _BATCH:
            _flush(out, parts)
    _flush(out, parts)


class TurtleTerms:
    """Term factories for Turtle: prefixed names for vocabulary terms, `<...>` for the rest."""

    def __init__(self, prefixes: dict[str, str], entity_namespace: str) -> None:
        # longest namespace first, so the most specific prefix wins
        self.prefixes = sorted(prefixes.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        self.entity_namespace = entity_namespace

    def iri(self, iri: str) -> str:
        if iri == RDF_TYPE:
            return "a"
        if not iri.startswith(self.entity_namespace):
            for prefix, ns in self.prefixes:
                if iri.startswith(ns) and _PLAIN_LOCAL(iri[len(ns) :]):
                    return f"{prefix}:{iri[len(ns) :]}"
        return f"<{iri}>"

    def literal(self, value: str, datatype: str | None) -> str:
        text = _quoted(value)
        return text if datatype is None else f"{text}^^{self.iri(datatype)}"


def write_turtle(triples: Iterable[tuple[str, str, str]], out: BinaryIO, prefixes: dict[str, str]) -> None:
    """Turtle from subject-grouped terms made by a TurtleTerms: one block per subject, `;` between pairs.

    An object IRI "a" cannot occur (only rdf:type as a predicate is shortened), and a subject never
    comes back after another one started, so every subject is written once.
    """
    parts = [f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes.items()]
    last = None
    for s, p, o in triples:
        if s is last or s == last:
            parts.append(f" ;\n\t{p} {o}")
        else:
            parts.append(f"{' .' if last is not None else ''}\n{s} {p} {o}")
            last = s
        if len(parts) >= _BATCH:
            _flush(out, parts)
    parts.append(" .\n" if last is not None else "")
    _flush(out, parts)


class JsonLdTerms:
    """Term factories for JSON-LD: compact IRIs for vocabulary terms, node and value objects."""

    def __init__(self, prefixes: dict[str, str], entity_namespace: str) -> None:
        self.turtle = TurtleTerms(prefixes, entity_namespace)

    def key(self, iri: str) -> str:
        if iri == RDF_TYPE:
            return "@type"
        short = self.turtle.iri(iri)
        return iri if short.startswith("<") else short

    def iri(self, iri: str) -> tuple[str, str]:
        # (key when used as a predicate, value when used as a subject or object)
        return self.key(iri), iri

    def literal(self, value: str, datatype: str | None) -> Any:
        return value if datatype is None else {"@value": value, "@type": self.key(datatype)}


def write_jsonld(triples: Iterable[tuple[Any, Any, Any]], out: BinaryIO, prefixes: dict[str, str]) -> None:
    """A JSON-LD document `{"@context": prefixes, "@graph": [node, ...]}`, one node object per line."""
    dumps: Callable[[Any], str] = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    parts = ['{"@context":', dumps(prefixes), ',"@graph":[']
    node: dict[str, Any] | None = None
    subject = None
    first = True
    for s, p, o in triples:
        if s is not subject and s != subject:
            if node is not None:
                parts.append(("\n" if first else ",\n") + dumps(node))
                first = False
            subject, node = s, {"@id": s[1]}
        key = p[0]
        if key == "@type":
            value: Any = o[0]
        elif isinstance(o, tuple):
            value = {"@id": o[1]}
        else:
            value = o
        node.setdefault(key, []).append(value)  # type: ignore[union-attr]
        if len(parts) >= _BATCH:
            _flush(out, parts)
    if node is not None:
        parts.append(("\n" if first else ",\n") + dumps(node))
    parts.append("\n]}\n")
    _flush(out, parts)
