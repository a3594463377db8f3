"""The graph panel's data: an entity and its neighbours as Cytoscape.js elements, styled as `ocgraph viz`."""

from __future__ import annotations

from typing import Any

from ocgraph import ontology
from ocgraph.graph.viz import EDGE_KINDS, HIDDEN_TYPES, STYLES, holds_on, parse_date
from ocgraph.web.actor import confidence, label
from ocgraph.web.snapshot import Snapshot

MAX_NEIGHBOURS = 150  # per expanded node: a hub (OFAC, with hundreds) shows its first ones and a count


def _node(snap: Snapshot, eid: str) -> dict[str, Any]:
    e = snap.kg.entities[eid]
    shape, colour = STYLES.get(e.type, ("circle", "#bab0ac"))
    return {"data": {"id": eid, "label": e.name, "type": e.type, "shape": shape, "colour": colour}}


def _edge(snap: Snapshot, rid: str) -> dict[str, Any]:
    rel = snap.kg.relations[rid]
    pred = ontology.load().predicate(rel.predicate)
    return {
        "data": {
            "id": rid,
            "source": rel.subject,
            "target": rel.object,
            "predicate": rel.predicate,
            "label": label(rel.predicate),
            "kind": EDGE_KINDS[pred.sign],
            "symmetric": pred.symmetric,
            "confidence": confidence(rel),
        }
    }


def neighbourhood(
    snap: Snapshot,
    eid: str,
    predicates: set[str] | None = None,
    as_of: str | None = None,
    without: set[str] | None = None,
) -> dict[str, Any]:
    """`eid`, its neighbours and the relations between them, after the predicate and date filters.

    Parameters
    ----------
    predicates : only relations of these predicates (None: every one)
    without : no relations of these predicates (what the page's unticked boxes hide: a neighbour
        expanded later may have predicates the focus has not, and those stay shown)
    as_of : only relations holding on this date (see `ocgraph.graph.viz.holds_on`)

    Returns
    -------
    dict
        ``elements`` (Cytoscape nodes then edges), ``more`` (neighbours left out past
        MAX_NEIGHBOURS), ``predicates`` (those present before filtering, for the filter boxes).
    """
    if as_of:
        parse_date(as_of)
    kept, seen_predicates = [], set()
    for rel in snap.relations_of(eid):
        other = rel.object if rel.subject == eid else rel.subject
        if snap.kg.entities[other].type in HIDDEN_TYPES:
            continue
        seen_predicates.add(rel.predicate)
        if predicates is not None and rel.predicate not in predicates:
            continue
        if without and rel.predicate in without:
            continue
        if as_of and not holds_on(rel, as_of):
            continue
        kept.append((other, rel.id))
    others = list(dict.fromkeys(o for o, _ in kept))
    shown = set(others[:MAX_NEIGHBOURS]) | {eid}
    nodes = [_node(snap, n) for n in [eid, *others[:MAX_NEIGHBOURS]]]
    edges = [_edge(snap, rid) for other, rid in kept if other in shown]
    return {
        "focus": eid,
        "elements": nodes + edges,
        "more": max(0, len(others) - MAX_NEIGHBOURS),
        "predicates": sorted(seen_predicates),
    }


def legend() -> list[dict[str, str]]:
    """Node types with their shape and colour, in the ontology's order."""
    return [
        {"type": t, "shape": STYLES[t][0], "colour": STYLES[t][1]}
        for t in ontology.load().types
        if t in STYLES and t not in HIDDEN_TYPES
    ]
