"""The ocgraph ontology: node types, predicates and properties, read once from schema.toml."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources
from typing import Any

# The one import of ours: a leaf module holding the root exception, so the CLI can report
# ontology errors like every other error.
from ocgraph.errors import ValidationError

__all__ = [
    "NodeType",
    "Ontology",
    "OntologyError",
    "Predicate",
    "Property",
    "RdfClass",
    "load",
    "node_type",
    "predicate",
]


class OntologyError(ValidationError):
    """A type, predicate or property that the ontology does not allow."""


@dataclass(frozen=True)
class Property:
    """A node or edge property: its datatype, cardinality and allowed values."""

    name: str
    datatype: str
    iri: str
    comment: str = ""
    many: bool = False
    required: bool = False
    pattern: str | None = None
    values: tuple[str, ...] = ()
    min: float | None = None
    max: float | None = None

    def check(self, value: Any, where: str) -> Any:
        """Return `value` normalised to this property's datatype, or raise OntologyError."""
        if self.many:
            items = [value] if isinstance(value, (str, int, float, Decimal)) else list(value)
            return sorted({self._check_one(v, where) for v in items}, key=str)
        return self._check_one(value, where)

    def _check_one(self, value: Any, where: str) -> Any:
        if self.datatype == "xsd:decimal":
            if isinstance(value, bool):
                raise OntologyError(f"{where}: {self.name} must be a number, got {value!r}")
            try:
                number = Decimal(str(value))
            except InvalidOperation:
                raise OntologyError(f"{where}: {self.name} must be a number, got {value!r}") from None
            if (self.min is not None and number < Decimal(str(self.min))) or (
                self.max is not None and number > Decimal(str(self.max))
            ):
                raise OntologyError(
                    f"{where}: {self.name} must be between {self.min} and {self.max}, got {value!r}"
                )
            # ints stay ints, so 20000000 is not written as 20000000.0
            return int(number) if number == number.to_integral_value() else float(number)
        if not isinstance(value, str):
            raise OntologyError(f"{where}: {self.name} must be text, got {value!r}")
        if self.pattern and not re.match(self.pattern, value):
            raise OntologyError(f"{where}: {self.name} {value!r} does not match {self.pattern}")
        if self.values and value not in self.values:
            raise OntologyError(
                f"{where}: {self.name} must be one of {', '.join(self.values)}, got {value!r}"
            )
        return value


@dataclass(frozen=True)
class NodeType:
    """A node type, with the Neo4j label and IRI derived from its declaration."""

    name: str
    label: str
    id_prefix: str
    iri: str
    actor: bool
    comment: str
    subclass_of: tuple[str, ...] = ()
    equivalent: tuple[str, ...] = ()


@dataclass(frozen=True)
class Predicate:
    """A relation type: domain, range, symmetry and the properties its edges may carry."""

    name: str
    rel_type: str
    iri: str
    domain: tuple[str, ...]
    range: tuple[str, ...]
    comment: str
    symmetric: bool = False
    sign: int = 0
    properties: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    subproperty_of: tuple[str, ...] = ()

    def allows(self, subject_type: str, object_type: str) -> bool:
        """Whether an edge from `subject_type` to `object_type` respects domain and range."""
        if self.pairs:
            return (subject_type, object_type) in self.pairs
        return subject_type in self.domain and object_type in self.range


@dataclass(frozen=True)
class RdfClass:
    """A class used only in the RDF form of the graph (the reified assertion, its evidence)."""

    name: str
    iri: str
    comment: str
    subclass_of: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ontology:
    """The whole declaration: prefixes, types, predicates and properties."""

    namespace: str
    prefix: str
    entity_namespace: str
    version: str
    title: str
    prefixes: dict[str, str]
    types: dict[str, NodeType]
    predicates: dict[str, Predicate]
    node_properties: dict[str, Property]
    edge_properties: dict[str, Property]
    common_edge_properties: tuple[str, ...] = field(default=())
    rdf_classes: dict[str, RdfClass] = field(default_factory=dict)
    evidence_properties: dict[str, Property] = field(default_factory=dict)

    def node_type(self, name: str) -> NodeType:
        try:
            return self.types[name]
        except KeyError:
            raise OntologyError(f"unknown node type {name!r} (known: {', '.join(self.types)})") from None

    def predicate(self, name: str) -> Predicate:
        try:
            return self.predicates[name]
        except KeyError:
            raise OntologyError(f"unknown predicate {name!r} (known: {', '.join(self.predicates)})") from None

    def by_rel_type(self, rel_type: str) -> Predicate:
        for pred in self.predicates.values():
            if pred.rel_type == rel_type:
                return pred
        raise OntologyError(f"unknown relationship type {rel_type!r}")

    def by_label(self, label: str) -> NodeType:
        for node in self.types.values():
            if node.label == label:
                return node
        raise OntologyError(f"unknown label {label!r}")

    def expand(self, curie: str) -> str:
        """Turn `prefix:local` into a full IRI, using the declared prefixes."""
        prefix, _, local = curie.partition(":")
        if prefix == self.prefix:
            return self.namespace + local
        if prefix == "xsd":
            return "http://www.w3.org/2001/XMLSchema#" + local
        try:
            return self.prefixes[prefix] + local
        except KeyError:
            raise OntologyError(f"undeclared prefix in {curie!r}") from None

    def edge_property(self, predicate: Predicate, name: str) -> Property:
        """The edge property `name`, if `predicate` allows it, else OntologyError."""
        if name not in predicate.properties and name not in self.common_edge_properties:
            allowed = ", ".join((*predicate.properties, *self.common_edge_properties))
            raise OntologyError(f"{predicate.name} does not take property {name!r} (allowed: {allowed})")
        return self.edge_properties[name]

    def node_property(self, name: str) -> Property:
        try:
            return self.node_properties[name]
        except KeyError:
            raise OntologyError(
                f"unknown node property {name!r} (known: {', '.join(self.node_properties)})"
            ) from None

    def check_edge(self, predicate: str, subject_type: str, object_type: str) -> Predicate:
        """Return the predicate if the edge respects domain and range, else raise naming all three."""
        pred = self.predicate(predicate)
        if not pred.allows(subject_type, object_type):
            raise OntologyError(
                f"{predicate} cannot link {subject_type} to {object_type} "
                f"(domain: {' | '.join(pred.domain)}; range: {' | '.join(pred.range)})"
            )
        return pred


def _property(name: str, raw: dict[str, Any]) -> Property:
    return Property(
        name=name,
        datatype=raw["datatype"],
        iri=raw["iri"],
        comment=raw.get("comment", ""),
        many=raw.get("many", False),
        required=raw.get("required", False),
        pattern=raw.get("pattern"),
        values=tuple(raw.get("values", ())),
        min=raw.get("min"),
        max=raw.get("max"),
    )


def parse(text: str) -> Ontology:
    """Build an Ontology from the text of a schema.toml."""
    raw = tomllib.loads(text)
    meta = raw["meta"]
    ns = meta["namespace"]
    types = {
        name: NodeType(
            name=name,
            label=t["label"],
            id_prefix=t["id_prefix"],
            iri=ns + name,
            actor=t["actor"],
            comment=t["comment"],
            subclass_of=tuple(t.get("subclass_of", ())),
            equivalent=tuple(t.get("equivalent", ())),
        )
        for name, t in raw["types"].items()
    }
    predicates = {}
    for name, p in raw["predicates"].items():
        for t in (*p["domain"], *p["range"]):
            if t not in types:
                raise OntologyError(f"predicate {name} names unknown type {t!r}")
        predicates[name] = Predicate(
            name=name,
            rel_type=p["rel_type"],
            iri=p["iri"].replace(meta["prefix"] + ":", ns, 1),
            domain=tuple(p["domain"]),
            range=tuple(p["range"]),
            comment=p["comment"],
            symmetric=p.get("symmetric", False),
            sign=p.get("sign", 0),
            properties=tuple(p.get("properties", ())),
            pairs=tuple(tuple(pair) for pair in p.get("pairs", ())),
            subproperty_of=tuple(p.get("subproperty_of", ())),
        )
    return Ontology(
        namespace=ns,
        prefix=meta["prefix"],
        entity_namespace=meta["entity_namespace"],
        version=meta["version"],
        title=meta["title"],
        prefixes=dict(raw["prefixes"]),
        types=types,
        predicates=predicates,
        node_properties={k: _property(k, v) for k, v in raw["node_properties"].items()},
        edge_properties={k: _property(k, v) for k, v in raw["edge_properties"].items()},
        common_edge_properties=tuple(raw["common_edge_properties"]["names"]),
        rdf_classes={
            k: RdfClass(
                k,
                v["iri"].replace(meta["prefix"] + ":", ns, 1),
                v["comment"],
                tuple(v.get("subclass_of", ())),
            )
            for k, v in raw.get("rdf_classes", {}).items()
        },
        evidence_properties={k: _property(k, v) for k, v in raw.get("evidence_properties", {}).items()},
    )


@cache
def load() -> Ontology:
    """The ontology shipped with ocgraph (parsed once per process)."""
    return parse(resources.files(__name__).joinpath("schema.toml").read_text(encoding="utf-8"))


def node_type(name: str) -> NodeType:
    """The node type called `name`; OntologyError when there is none."""
    return load().node_type(name)


def predicate(name: str) -> Predicate:
    """The predicate called `name`; OntologyError when there is none."""
    return load().predicate(name)
