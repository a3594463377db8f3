"""How connected a network is: components, largest-component fraction, Borgatti's F and DF."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from ocgraph.graph.analysis.backend import components, efficiency_sum, pivots, to_igraph, use_igraph

__all__ = [
    "component_sizes",
    "distance_fragmentation",
    "fragmentation",
    "fragmentation_from_sizes",
    "fragmentation_without",
    "largest_component_fraction",
]


def component_sizes(G: nx.Graph, backend: str = "auto") -> list[int]:
    """Sizes of the connected components, largest first.

    Examples
    --------
    >>> component_sizes(nx.Graph([(1, 2), (3, 4), (4, 5)]))
    [3, 2]
    """
    if use_igraph(G, backend):
        g, _ = to_igraph(G)
        return sorted(g.connected_components().sizes(), reverse=True)
    return [len(c) for c in components(G, "networkx")]


def largest_component_fraction(G: nx.Graph, backend: str = "auto") -> float:
    """The share of nodes in the largest connected component (0.0 for an empty graph).

    Examples
    --------
    >>> largest_component_fraction(nx.Graph([(1, 2), (3, 4), (4, 5)]))
    0.6
    """
    n = G.number_of_nodes()
    return component_sizes(G, backend)[0] / n if n else 0.0


def fragmentation_from_sizes(sizes: Iterable[int]) -> float:
    """Borgatti's F from component sizes: 1 − Σ s(s − 1) / (n(n − 1)).

    With fewer than two nodes there is no pair to separate and F is 0.0.

    Examples
    --------
    >>> fragmentation_from_sizes([3, 2])
    0.6
    """
    sizes = list(sizes)
    n = sum(sizes)
    if n < 2:
        return 0.0
    return 1 - sum(s * (s - 1) for s in sizes) / (n * (n - 1))


def fragmentation(G: nx.Graph, backend: str = "auto") -> float:
    """Borgatti's fragmentation F: the share of node pairs that cannot reach each other.

    Examples
    --------
    A star loses everything with its centre:

    >>> G = nx.star_graph(["K", "L1", "L2", "L3", "L4"])
    >>> fragmentation(G), fragmentation(G.subgraph(["L1", "L2", "L3", "L4"]))
    (0.0, 1.0)
    """
    return fragmentation_from_sizes(component_sizes(G, backend))


def fragmentation_without(G: nx.Graph, removed: Iterable[Any], backend: str = "auto") -> float:
    """F of G once the `removed` nodes are gone (G itself is not changed).

    Examples
    --------
    >>> fragmentation_without(nx.path_graph(3), [1])
    1.0
    """
    removed = set(removed)
    if use_igraph(G, backend):
        g, nodes = to_igraph(G)
        keep = [i for i, v in enumerate(nodes) if v not in removed]
        return fragmentation_from_sizes(g.induced_subgraph(keep).connected_components().sizes())
    # a plain walk over the adjacency dicts: KPP-Neg calls this per candidate set, and
    # connected_components on a subgraph view pays a filter call per adjacency entry
    adj = G._adj
    seen = set(removed) & set(adj)
    sizes = []
    for s in adj:
        if s in seen:
            continue
        seen.add(s)
        stack, size = [s], 0
        while stack:
            v = stack.pop()
            size += 1
            for w in adj[v]:
                if w not in seen:
                    seen.add(w)
                    stack.append(w)
        sizes.append(size)
    return fragmentation_from_sizes(sizes)


def distance_fragmentation(G: nx.Graph, k: int | None = None, seed: int = 0, backend: str = "auto") -> float:
    """Borgatti's distance-weighted fragmentation DF = 1 − global efficiency.

    DF = 1 − (Σ_{i≠j} 1/d_ij) / (n(n − 1)); unreachable pairs add nothing. With `k` smaller
    than the number of nodes, the sum runs from `k` seeded source nodes only: an estimate.
    With fewer than two nodes DF is 0.0, like F.

    Examples
    --------
    >>> G = nx.star_graph(["K", "L1", "L2", "L3", "L4"])
    >>> round(distance_fragmentation(G), 6)
    0.3
    >>> round(distance_fragmentation(G, backend="igraph"), 6)
    0.3
    """
    n = G.number_of_nodes()
    if n < 2:
        return 0.0
    sources = list(G) if k is None or k >= n else pivots(G, k, seed)
    return 1 - efficiency_sum(G, sources, backend) / (len(sources) * (n - 1))
