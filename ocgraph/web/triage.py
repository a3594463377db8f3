"""The review queue: low-confidence facts, those whose rejection would change fragmentation most first."""

from __future__ import annotations

from typing import Any

import networkx as nx

from ocgraph.graph.analysis.connectivity import fragmentation
from ocgraph.graph.analysis.projection import criminal_network, from_knowledge_graph, person_projection
from ocgraph.web.actor import confidence
from ocgraph.web.snapshot import Snapshot

THRESHOLD = 0.85  # facts below this confidence wait for review
LIMIT = 200  # at most this many (the least confident) are weighed: each costs two projections


def _figures(G: nx.MultiDiGraph) -> tuple[float, float]:
    """Borgatti's F of the criminal network and of the person network, as the report gives them."""
    return fragmentation(criminal_network(G)), fragmentation(person_projection(G, reasons=False))


def impacts(snap: Snapshot, rel_ids: list[str]) -> dict[str, tuple[float, float]]:
    """For each relation, how F of the criminal and of the person network would move without it.

    Each fact is taken out of the typed graph and put back, and both networks are projected again:
    the figures are exactly those `ocgraph analyze` would report once the fact is rejected.

    Examples
    --------
    >>> from ocgraph.graph.model import KnowledgeGraph
    >>> kg = KnowledgeGraph()
    >>> k, m = (kg.add_entity("Person", n).id for n in ("K", "M"))
    >>> o = kg.add_entity("CriminalOrganization", "O").id
    >>> r1, r2 = kg.add_relation(k, "leader_of", o).id, kg.add_relation(m, "member_of", o).id
    >>> moved = impacts(Snapshot.of(kg, "v"), [r2])
    >>> [round(x, 3) for x in moved[r2]]  # M drops out of both networks: the rest stays whole
    [0.0, 0.0]
    """
    G = from_knowledge_graph(snap.kg)
    base_c, base_p = _figures(G)
    out = {}
    for rid in rel_ids:
        rel = snap.kg.relations[rid]
        data = G.edges[rel.subject, rel.object, rid]
        G.remove_edge(rel.subject, rel.object, key=rid)
        try:
            c, p = _figures(G)
        finally:
            G.add_edge(rel.subject, rel.object, key=rid, **data)
        out[rid] = (c - base_c, p - base_p)
    return out


def review_queue(snap: Snapshot, threshold: float = THRESHOLD) -> dict[str, Any]:
    """Unreviewed facts under `threshold`, sorted by |ΔF| of both networks, then by confidence.

    The weights are kept with the snapshot: they change only when the graph does.
    """
    waiting = [
        (c, rid)
        for rid, rel in snap.kg.relations.items()
        if (c := confidence(rel)) is not None
        and c < threshold
        and snap.review_state(rel)["state"] == "unreviewed"
    ]
    waiting.sort()
    weighed = [rid for _, rid in waiting[:LIMIT]]
    key = ("queue", threshold, tuple(weighed))
    if key not in snap.cache:
        snap.cache[key] = impacts(snap, weighed)
    moved = snap.cache[key]
    rows = [
        {
            "rel": snap.kg.relations[rid],
            "subject": snap.kg.entities[snap.kg.relations[rid].subject],
            "object": snap.kg.entities[snap.kg.relations[rid].object],
            "confidence": c,
            "delta_criminal": moved[rid][0],
            "delta_person": moved[rid][1],
            "impact": abs(moved[rid][0]) + abs(moved[rid][1]),
        }
        for c, rid in waiting[:LIMIT]
    ]
    rows.sort(key=lambda r: (-round(r["impact"], 9), r["confidence"], r["rel"].id))
    return {"rows": rows, "waiting": len(waiting), "weighed": len(weighed), "threshold": threshold}
