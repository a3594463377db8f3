"""Communities: Louvain with a fixed seed, and modularity."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from ocgraph.graph.analysis import backend as _backend

__all__ = ["louvain", "modularity"]


def louvain(G: nx.Graph, seed: int = 0, backend: str = "auto") -> list[set[Any]]:
    """Louvain communities with a fixed seed, largest first (big graphs run on igraph).

    Examples
    --------
    >>> G = nx.connected_caveman_graph(2, 3)
    >>> sorted(sorted(c) for c in louvain(G))
    [[0, 1, 2], [3, 4, 5]]
    """
    return _backend.louvain(G, seed=seed, backend=backend)


def modularity(G: nx.Graph, communities: Iterable[Iterable[Any]], backend: str = "auto") -> float:
    """Newman's modularity of a partition of G (every node in exactly one community).

    Examples
    --------
    Example 2 of docs/fragmentation.md, parted {A, B, C, X} | {D, E, F}:

    >>> G = nx.Graph([("A", "B"), ("B", "C"), ("A", "C"), ("D", "E"), ("E", "F"), ("D", "F"),
    ...               ("C", "X"), ("X", "D")])
    >>> round(modularity(G, [{"A", "B", "C", "X"}, {"D", "E", "F"}]), 6)
    0.367188
    """
    parts = [set(c) for c in communities]
    if G.number_of_edges() == 0:
        return 0.0
    if _backend.use_igraph(G, backend):
        g, nodes = _backend.to_igraph(G)
        where = {v: i for i, part in enumerate(parts) for v in part}
        return float(g.modularity([where[v] for v in nodes]))
    return nx.community.modularity(G, parts)
