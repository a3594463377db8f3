"""Conversions between a KnowledgeGraph and a NetworkX MultiDiGraph, types and properties as attributes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx

from ocgraph import ontology
from ocgraph.errors import InputError, OcgraphError
from ocgraph.graph.model import Evidence, KnowledgeGraph

__all__ = ["from_networkx", "to_networkx"]

# node attributes that are not entity properties
_NODE_KEYS = ("type", "label", "name", "aliases")
# edge attributes that are not relation properties
_EDGE_KEYS = ("predicate", "rel_type", "symmetric", "evidence")


def to_networkx(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """The graph as a MultiDiGraph: one node per entity, one edge per relation, keyed by relation id.

    Node attributes: `type`, `label` (Neo4j label), `name`, `aliases` (list) and every entity
    property. Edge attributes: `predicate`, `rel_type`, `symmetric`, every relation property and
    `evidence` (a list of dicts: document, start, end, sentence, extractor, confidence). A
    symmetric relation is one edge, from the smaller id, with `symmetric=True`. Nodes and edges
    are added in id order, so iteration order is the same on every run.

    Examples
    --------
    >>> kg = KnowledgeGraph()
    >>> mayo = kg.add_entity("Person", "Ismael Zambada García", aliases=["El Mayo"])
    >>> cartel = kg.add_entity("CriminalOrganization", "Sinaloa Cartel")
    >>> rel = kg.add_relation(mayo.id, "leader_of", cartel.id, {"status": "current"})
    >>> g = to_networkx(kg)
    >>> g.nodes["person/ismael-zambada-garcia"]["aliases"]
    ['El Mayo']
    >>> [(u, v, d["predicate"], d["status"]) for u, v, d in g.edges(data=True)]
    [('person/ismael-zambada-garcia', 'crimorg/sinaloa-cartel', 'leader_of', 'current')]
    >>> from_networkx(g) == kg
    True
    """
    onto = ontology.load()
    g = nx.MultiDiGraph(ontology_version=onto.version)
    for eid in sorted(kg.entities):
        e = kg.entities[eid]
        attrs = {k: _copy(v) for k, v in sorted(e.properties.items())}
        attrs.update(type=e.type, label=onto.types[e.type].label, name=e.name, aliases=list(e.aliases))
        g.add_node(eid, **attrs)
    for rid in sorted(kg.relations):
        r = kg.relations[rid]
        pred = onto.predicates[r.predicate]
        attrs = {k: _copy(v) for k, v in sorted(r.properties.items())}
        attrs.update(
            predicate=r.predicate,
            rel_type=pred.rel_type,
            symmetric=pred.symmetric,
            evidence=[ev.to_dict() for ev in r.evidence],
        )
        g.add_edge(r.subject, r.object, key=rid, **attrs)
    return g


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


def _evidence(raw: Evidence | Mapping[str, Any]) -> Evidence:
    return raw if isinstance(raw, Evidence) else Evidence.from_dict(raw)


def from_networkx(g: nx.MultiDiGraph | nx.DiGraph | nx.Graph) -> KnowledgeGraph:
    """Rebuild a KnowledgeGraph from a graph made by `to_networkx` (or built by hand the same way).

    Every node needs `type` and `name`; every edge needs `predicate`. Other attributes are
    entity or relation properties and are checked against the ontology; `label`, `rel_type` and
    `symmetric` are derived, so they are ignored. A bad node or edge raises InputError naming it.
    """
    kg = KnowledgeGraph()
    for node, data in sorted(g.nodes(data=True), key=lambda item: str(item[0])):
        try:
            if "type" not in data or "name" not in data:
                raise InputError("a node needs 'type' and 'name' attributes")
            props = {k: v for k, v in data.items() if k not in _NODE_KEYS}
            kg.add_entity(data["type"], data["name"], data.get("aliases", ()), props, id=str(node))
        except OcgraphError as exc:
            raise InputError(f"node {node!r}: {exc}") from None
    if g.is_multigraph():
        edges = [(u, v, k, d) for u, v, k, d in g.edges(keys=True, data=True)]
    else:
        edges = [(u, v, None, d) for u, v, d in g.edges(data=True)]
    for u, v, key, data in sorted(edges, key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        where = f"edge {u!r} -> {v!r}" + (f" ({key})" if key is not None else "")
        try:
            if "predicate" not in data:
                raise InputError("an edge needs a 'predicate' attribute")
            props = {k: val for k, val in data.items() if k not in _EDGE_KEYS}
            evidence = [_evidence(ev) for ev in data.get("evidence", ())]
            kg.add_relation(str(u), data["predicate"], str(v), props, evidence)
        except OcgraphError as exc:
            raise InputError(f"{where}: {exc}") from None
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"{where}: bad evidence ({exc})") from None
    return kg
