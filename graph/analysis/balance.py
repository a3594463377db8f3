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
    # each triangle once, from its first node in `order`; plain sets and a sign table keep it fast
    later = {u: {v for v in S[u] if order[v] > order[u]} for u in S}
    negative = {(u, v) for u, v, s in S.edges(data="sign", default=1) if s < 0}
    negative |= {(v, u) for u, v in negative}
    for u, ahead in later.items():
        for v in ahead:
            for w in ahead & later[v]:
                counts[PATTERNS[((u, v) in negative) + ((v, w) in negative) + ((u, w) in negative)]] += 1
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
