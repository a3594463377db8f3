"""The RDF vocabulary: namespaces, the closed `ocg:` namespace, the ontology's IRIs both ways, node IRIs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple
from urllib.parse import quote

from rdflib.namespace import ClosedNamespace

from ocgraph import ontology
from ocgraph.graph.ids import digest
from ocgraph.graph.model import Evidence

__all__ = ["OCG", "Lit", "Triple", "Vocab", "entity_iri", "evidence_iri", "prefixes", "vocab"]

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = RDF + "type"
RDF_SUBJECT, RDF_PREDICATE, RDF_OBJECT = RDF + "subject", RDF + "predicate", RDF + "object"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
XSD_STRING = XSD + "string"


class Lit(NamedTuple):
    """A literal: its lexical form and datatype IRI (None for a plain string, i.e. xsd:string)."""

    value: str
    datatype: str | None = None


# (subject IRI, predicate IRI, object IRI or literal); blank nodes are written "_:<label>"
Triple = tuple[str, str, "str | Lit"]


def _closed_namespace() -> ClosedNamespace:
    """Every `ocg:` term the ontology declares; any other name raises AttributeError."""
    onto = ontology.load()
    iris = [t.iri for t in onto.types.values()]
    iris += [p.iri for p in onto.predicates.values()]
    iris += [c.iri for c in onto.rdf_classes.values()]
    for prop in (
        *onto.node_properties.values(),
        *onto.edge_properties.values(),
        *onto.evidence_properties.values(),
    ):
        iris.append(onto.expand(prop.iri))
    terms = sorted({iri[len(onto.namespace) :] for iri in iris if iri.startswith(onto.namespace)})
    return ClosedNamespace(onto.namespace, terms)


OCG = _closed_namespace()


@dataclass(frozen=True)
class Vocab:
    """The ontology's names and IRIs, both ways, for a fast export and import."""

    onto: ontology.Ontology
    type_iri: dict[str, str]
    type_by_iri: dict[str, str]
    pred_iri: dict[str, str]
    pred_by_iri: dict[str, str]
    node_iri: dict[str, str]
    node_by_iri: dict[str, str]
    edge_iri: dict[str, str]
    edge_by_iri: dict[str, str]
    ev_iri: dict[str, str]
    ev_by_iri: dict[str, str]
    assertion: str
    evidence: str


@cache
def vocab() -> Vocab:
    """The ontology's vocabulary, read once."""
    onto = ontology.load()

    def both(names: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
        return names, {iri: name for name, iri in names.items()}

    type_iri, type_by_iri = both({n: t.iri for n, t in onto.types.items()})
    pred_iri, pred_by_iri = both({n: p.iri for n, p in onto.predicates.items()})
    node_iri, node_by_iri = both({n: onto.expand(p.iri) for n, p in onto.node_properties.items()})
    edge_iri, edge_by_iri = both({n: onto.expand(p.iri) for n, p in onto.edge_properties.items()})
    ev_iri, ev_by_iri = both({n: onto.expand(p.iri) for n, p in onto.evidence_properties.items()})
    return Vocab(
        onto,
        type_iri,
        type_by_iri,
        pred_iri,
        pred_by_iri,
        node_iri,
        node_by_iri,
        edge_iri,
        edge_by_iri,
        ev_iri,
        ev_by_iri,
        assertion=str(OCG.Assertion),
        evidence=str(OCG.Evidence),
    )


def prefixes() -> dict[str, str]:
    """The prefixes written into Turtle, TriG and RDF/XML: the ontology's own and those it declares."""
    onto = ontology.load()
    return {onto.prefix: onto.namespace, **dict(sorted(onto.prefixes.items()))}


# ids are slugs and hex digests, so quoting (slow) is almost never needed
_PLAIN_ID = re.compile(r"[A-Za-z0-9/._~-]*").fullmatch


def entity_iri(eid: str) -> str:
    """The IRI of an entity, relation or evidence id (characters outside an id's alphabet are %-escaped).

    >>> entity_iri("person/joaquin-guzman-loera")
    'https://w3id.org/ocgraph/id/person/joaquin-guzman-loera'
    """
    if _PLAIN_ID(eid) is None:
        eid = quote(eid, safe="/-._~")
    return ontology.load().entity_namespace + eid


def evidence_iri(relation_id: str, ev: Evidence) -> str:
    """The IRI of one piece of evidence of one relation: a digest of both, so it is stable across runs."""
    key = digest(
        relation_id, ev.document, str(ev.start), str(ev.end), ev.sentence, ev.extractor, str(ev.confidence)
    )
    return entity_iri(f"evidence/{key}")
