"""Rebuilding a KnowledgeGraph from triples: entities, reified assertions with evidence, direct triples."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import unquote

from ocgraph import ontology
from ocgraph.errors import InputError, OcgraphError
from ocgraph.graph.model import Evidence, KnowledgeGraph
from ocgraph.graph.rdf.vocab import (
    PROV_DERIVED,
    RDF_OBJECT,
    RDF_PREDICATE,
    RDF_SUBJECT,
    RDF_TYPE,
    Lit,
    Triple,
    vocab,
)

__all__ = ["from_triples"]


class _Reader:
    """Turns triples grouped by subject into entities and relations, with errors naming the node."""

    def __init__(self, triples: Iterable[Triple], source: str) -> None:
        self.v = vocab()
        self.source = source
        self.by_subject: dict[str, list[tuple[str, str | Lit]]] = defaultdict(list)
        for s, p, o in triples:
            self.by_subject[s].append((p, o))

    def fail(self, node: str, message: str) -> InputError:
        return InputError(f"{self.source}: <{node}>: {message}")

    def entity_id(self, iri: str | Lit, where: str) -> str:
        ns = self.v.onto.entity_namespace
        if isinstance(iri, Lit) or not iri.startswith(ns):
            raise self.fail(where, f"{iri} is not an ocgraph entity IRI (expected one under {ns})")
        return unquote(iri[len(ns) :])

    def one(self, node: str, predicate: str, label: str) -> str | Lit:
        values = [o for p, o in self.by_subject.get(node, ()) if p == predicate]
        if len(values) != 1:
            raise self.fail(node, f"needs exactly one {label}, found {len(values)}")
        return values[0]

    def value(self, prop: ontology.Property, obj: str | Lit, node: str) -> Any:
        if not isinstance(obj, Lit):
            raise self.fail(node, f"{prop.name} must be a literal, found <{obj}>")
        if prop.datatype in ("xsd:decimal", "xsd:integer"):
            try:
                number = Decimal(obj.value)
            except InvalidOperation:
                raise self.fail(node, f"{prop.name} must be a number, found {obj.value!r}") from None
            return int(number) if number == number.to_integral_value() else float(number)
        return obj.value

    def types(self) -> tuple[dict[str, str], list[str]]:
        v = self.v
        types: dict[str, str] = {}
        assertions = []
        known = {v.assertion, v.evidence}
        for s, pos in self.by_subject.items():
            for p, o in pos:
                if p != RDF_TYPE or isinstance(o, Lit):
                    continue
                if o in v.type_by_iri:
                    if s in types and types[s] != v.type_by_iri[o]:
                        raise self.fail(s, f"has two types, {types[s]} and {v.type_by_iri[o]}")
                    types[s] = v.type_by_iri[o]
                elif o == v.assertion:
                    assertions.append(s)
                elif o.startswith(v.onto.namespace) and o not in known:
                    raise self.fail(s, f"unknown type <{o}> (known: {', '.join(v.type_iri)})")
        return types, sorted(assertions)

    def add_entity(self, kg: KnowledgeGraph, node: str, type_name: str) -> None:
        v = self.v
        names: list[str] = []
        aliases: list[str] = []
        props: dict[str, list[Any]] = defaultdict(list)
        for p, o in self.by_subject[node]:
            if p == v.node_iri["name"]:
                names.append(self.value(v.onto.node_properties["name"], o, node))
            elif p == v.node_iri["aliases"]:
                aliases.append(self.value(v.onto.node_properties["aliases"], o, node))
            elif p in v.node_by_iri:
                prop = v.onto.node_properties[v.node_by_iri[p]]
                props[prop.name].append(self.value(prop, o, node))
            elif p.startswith(v.onto.namespace) and p not in v.pred_by_iri:
                raise self.fail(node, f"unknown property <{p}>")
        if not names:
            raise self.fail(node, f"a {type_name} needs a name (schema:name)")
        names.sort()
        properties: dict[str, Any] = {}
        for key, values in props.items():
            if v.onto.node_properties[key].many:
                properties[key] = values
            elif len(values) > 1:
                raise self.fail(node, f"{key} takes one value, found {len(values)}")
            else:
                properties[key] = values[0]
        kg.add_entity(type_name, names[0], [*names[1:], *aliases], properties, id=self.entity_id(node, node))

    def evidence(self, node: str) -> Evidence:
        v = self.v
        found: dict[str, str | Lit] = {}
        for p, o in self.by_subject.get(node, ()):
            if p in v.ev_by_iri:
                found[v.ev_by_iri[p]] = o
        missing = [n for n, prop in v.onto.evidence_properties.items() if prop.required and n not in found]
        if missing:
            raise self.fail(node, f"evidence lacks {', '.join(missing)}")
        props = v.onto.evidence_properties
        return Evidence(
            document=self.entity_id(found["document"], node),
            start=self.value(props["start"], found["start"], node),
            end=self.value(props["end"], found["end"], node),
            sentence=self.value(props["sentence"], found["sentence"], node),
            extractor=self.value(props["extractor"], found["extractor"], node),
            confidence=self.value(props["confidence"], found["confidence"], node)
            if "confidence" in found
            else None,
        )

    def add_assertion(self, kg: KnowledgeGraph, node: str) -> None:
        v = self.v
        pred_iri = self.one(node, RDF_PREDICATE, "rdf:predicate")
        if isinstance(pred_iri, Lit) or pred_iri not in v.pred_by_iri:
            raise self.fail(node, f"unknown predicate {pred_iri} (known: {', '.join(v.pred_iri)})")
        predicate = v.pred_by_iri[pred_iri]
        subject = self.entity_id(self.one(node, RDF_SUBJECT, "rdf:subject"), node)
        obj = self.entity_id(self.one(node, RDF_OBJECT, "rdf:object"), node)
        props: dict[str, list[Any]] = defaultdict(list)
        evidence = []
        for p, o in self.by_subject[node]:
            if p in v.edge_by_iri:
                prop = v.onto.edge_properties[v.edge_by_iri[p]]
                props[prop.name].append(self.value(prop, o, node))
            elif p == PROV_DERIVED and isinstance(o, str):
                evidence.append(self.evidence(o))
        properties = {k: vals if v.onto.edge_properties[k].many else max(vals) for k, vals in props.items()}
        kg.add_relation(subject, predicate, obj, properties, evidence)

    def read(self) -> KnowledgeGraph:
        kg = KnowledgeGraph()
        types, assertions = self.types()
        for node in sorted(types):
            self._guard(node, lambda n=node: self.add_entity(kg, n, types[n]))
        for node in assertions:
            self._guard(node, lambda n=node: self.add_assertion(kg, n))
        # direct triples with no assertion (RDF written by hand) are relations without evidence
        for s in sorted(self.by_subject):
            for p, o in sorted(self.by_subject[s], key=str):
                if p in self.v.pred_by_iri and s in types:
                    pred = self.v.pred_by_iri[p]
                    self._guard(
                        s,
                        lambda s=s, o=o, pred=pred: kg.add_relation(
                            self.entity_id(s, s), pred, self.entity_id(o, s)
                        ),
                    )
        return kg

    def _guard(self, node: str, action: Callable[[], object]) -> None:
        try:
            action()
        except InputError:
            raise
        except OcgraphError as exc:
            raise self.fail(node, str(exc)) from None


def from_triples(triples: Iterable[Triple], source: str = "RDF") -> KnowledgeGraph:
    """Rebuild a KnowledgeGraph from triples in the form `triples` yields.

    Entities come from nodes typed with an ontology class, relations from `ocg:Assertion` nodes
    (with their evidence) and from direct triples whose predicate is in the ontology. Terms
    outside the ocgraph namespaces are ignored; an unknown `ocg:` type or property, a missing
    name, or an edge the ontology refuses raises InputError naming `source` and the node.

    Examples
    --------
    >>> from ocgraph.graph.rdf import triples
    >>> kg = KnowledgeGraph()
    >>> _ = kg.add_entity("Person", "Ismael Zambada García", aliases=["El Mayo"])
    >>> from_triples(triples(kg)) == kg
    True
    """
    return _Reader(triples, source).read()
