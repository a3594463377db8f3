"""Key players: degree, betweenness (sampled on big graphs) and Borgatti's KPP-Neg set."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from ocgraph.graph.analysis import backend as _backend
from ocgraph.graph.analysis.connectivity import distance_fragmentation, fragmentation_without

__all__ = ["SAMPLE_PIVOTS", "SAMPLE_THRESHOLD", "betweenness", "degree", "kpp_neg", "sample_size", "top"]

# Exact betweenness is O(nm): about 3 s at 1k nodes. Above this many nodes it is estimated from
# SAMPLE_PIVOTS seeded sources (Brandes & Pich 2007), and the report says so.
SAMPLE_THRESHOLD = 2000
SAMPLE_PIVOTS = 64
# KPP-Neg evaluates F once per candidate set. Up to KPP_EXHAUSTIVE nodes every node is a
# candidate and DF (O(nm) each time) breaks ties; above, only the KPP_CANDIDATES best-connected
# nodes are tried, on F alone.
KPP_EXHAUSTIVE = 100
KPP_CANDIDATES = 30


def sample_size(G: nx.Graph, threshold: int = SAMPLE_THRESHOLD, pivots: int = SAMPLE_PIVOTS) -> int | None:
    """How many pivots to sample from G: None (exact) up to `threshold` nodes, else `pivots`.

    Examples
    --------
    >>> sample_size(nx.path_graph(10)), sample_size(nx.path_graph(10), threshold=5, pivots=3)
    (None, 3)
    """
    return None if G.number_of_nodes() <= threshold else min(pivots, G.number_of_nodes())


def degree(G: nx.Graph) -> dict[Any, float]:
    """Normalized degree centrality: neighbours / (n − 1).

    Examples
    --------
    >>> degree(nx.star_graph(["K", "L1", "L2"]))["K"]
    1.0
    """
    return _backend.degree_centrality(G)


def betweenness(G: nx.Graph, k: int | None = None, seed: int = 0, backend: str = "auto") -> dict[Any, float]:
    """Normalized betweenness, exact or estimated from `k` seeded pivots (same seed, same figures).

    Examples
    --------
    Example 2 of docs/fragmentation.md: two triangles joined through broker X.

    >>> G = nx.Graph([("A", "B"), ("B", "C"), ("A", "C"), ("D", "E"), ("E", "F"), ("D", "F"),
    ...               ("C", "X"), ("X", "D")])
    >>> b = betweenness(G)
    >>> round(b["X"], 6), round(b["C"], 6), round(b["D"], 6)
    (0.6, 0.533333, 0.533333)
    """
    return _backend.betweenness(G, k=k, seed=seed, backend=backend)


def top(scores: dict[Any, float], n: int = 10) -> list[tuple[Any, float]]:
    """The `n` highest scores, ties broken by node (as text), highest first.

    Examples
    --------
    >>> top({"b": 1.0, "a": 1.0, "c": 2.0}, 2)
    [('c', 2.0), ('a', 1.0)]
    """
    return sorted(scores.items(), key=lambda kv: (-kv[1], str(kv[0])))[:n]


def kpp_neg(
    G: nx.Graph,
    k: int,
    candidates: Iterable[Any] | None = None,
    max_rounds: int = 10,
    backend: str = "auto",
) -> tuple[list[Any], float]:
    """The k nodes whose removal fragments G most (Borgatti's KPP-Neg, greedy plus swaps).

    Starts from the greedy set (each step adds the node that raises F most) and then swaps a
    member for an outsider while that raises F, as Borgatti (2006) does; on graphs up to
    SAMPLE_THRESHOLD nodes DF breaks ties in F, then the smaller node (as text).
    `candidates` limits the nodes tried (all by default).

    Returns
    -------
    (nodes, F) : the chosen nodes, sorted, and F once they are removed.

    Examples
    --------
    Example 2 of docs/fragmentation.md: the top two by betweenness leave F = 0.6, the best pair 0.8.

    >>> G = nx.Graph([("A", "B"), ("B", "C"), ("A", "C"), ("D", "E"), ("E", "F"), ("D", "F"),
    ...               ("C", "X"), ("X", "D")])
    >>> nodes, f = kpp_neg(G, 2)
    >>> nodes, round(f, 6)
    (['C', 'D'], 0.8)
    """
    if candidates is None and G.number_of_nodes() > KPP_EXHAUSTIVE:
        candidates = [v for v, _ in top(degree(G), KPP_CANDIDATES)]
    pool = sorted(G if candidates is None else set(candidates) & set(G), key=str)
    k = min(k, len(pool))
    if k <= 0:
        return [], fragmentation_without(G, [], backend)

    # F alone has wide plateaus (many sets cut the same pairs); DF, which also counts how far
    # apart the remaining pairs are, breaks them and lets the swaps walk off a plateau. On big
    # graphs DF is too dear to evaluate per candidate set, and F alone is used.
    use_df = G.number_of_nodes() <= KPP_EXHAUSTIVE

    def score(chosen: Iterable[Any]) -> tuple[float, float]:
        f = fragmentation_without(G, chosen, backend)
        if not use_df:
            return f, 0.0
        gone = set(chosen)
        return f, distance_fragmentation(G.subgraph(v for v in G if v not in gone), backend="networkx")

    chosen: list[Any] = []
    for _ in range(k):
        best = max((v for v in pool if v not in chosen), key=lambda v: (score([*chosen, v]), _neg(v)))
        chosen.append(best)
    current = score(chosen)
    for _ in range(max_rounds):
        improved = False
        for i in range(len(chosen)):
            for v in pool:
                if v in chosen:
                    continue
                trial = [*chosen[:i], v, *chosen[i + 1 :]]
                f = score(trial)
                if f[0] > current[0] + 1e-12 or (
                    abs(f[0] - current[0]) <= 1e-12 and f[1] > current[1] + 1e-12
                ):
                    chosen, current, improved = trial, f, True
        if not improved:
            break
    return sorted(chosen, key=str), current[0]


def _better(a: tuple[float, float], b: tuple[float, float]) -> bool:
    # strictly better by more than rounding noise, F first, then DF
    if abs(a[0] - b[0]) > 1e-12:
        return a[0] > b[0]
    return a[1] > b[1] + 1e-12


def _neg(v: Any) -> tuple[int, ...]:
    # `max` keeps the largest key: invert the text so the smallest name wins a tie; the final 1
    # ranks a name above its own extensions ("A" before "AB")
    return (*(-ord(c) for c in str(v)), 1)
