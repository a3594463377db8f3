"""Structural balance of the signed network: triangles by sign pattern and the balanced share."""

from __future__ import annotations

import networkx as nx

__all__ = ["PATTERNS", "balance_ratio", "triangle_signs"]

# Sign patterns of a triangle, by number of negative edges; "+--" is "the enemy of my enemy".
PATTERNS = ("+++", "++-", "+--", "---")
BALANCED = ("+++", "+--")


def triangle_signs(S: nx.Graph) -> dict[str, int]:
    """Count the triangles of a signed graph (edge attribute ``sign`` ±1) by sign pattern.

    Examples
    --------
    >>> S = nx.Graph()
    >>> S.add_edge("A", "B", sign=1)
    >>> S.add_edge("B", "C", sign=-1)
    >>> S.add_edge("A", "C", sign=-1)
    >>> triangle_signs(S)
    {'+++': 0, '++-': 0, '+--': 1, '---': 0}
    """
    counts = dict.fromkeys(PATTERNS, 0)
    order = {n: i for i, n in enumerate(sorted(S, key=str))}
    for u in S:
        for v in S[u]:
            if order[v] <= order[u]:
                continue
            for w in S[u].keys() & S[v].keys():
                if order[w] > order[v]:
                    negatives = sum(S.edges[a, b].get("sign", 1) < 0 for a, b in ((u, v), (v, w), (u, w)))
                    counts[PATTERNS[negatives]] += 1
    return counts


def balance_ratio(counts: dict[str, int]) -> float | None:
    """The share of balanced triangles (an even number of negative edges); None with no triangle.

    Examples
    --------
    >>> balance_ratio({"+++": 1, "++-": 0, "+--": 1, "---": 2})
    0.5
    """
    total = sum(counts.values())
    return sum(counts[p] for p in BALANCED) / total if total else None
