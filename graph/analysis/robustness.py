"""Robustness under attack: the largest-component curve and R (Schneider et al. 2011)."""

from __future__ import annotations

import heapq
import itertools
import math
import random
from typing import Any

import networkx as nx
import numpy as np

from ocgraph.graph.analysis import backend as _backend

__all__ = ["STRATEGIES", "attack_order", "largest_component_curve", "robustness"]

STRATEGIES = ("betweenness", "degree", "random")
# An adaptive attack recomputes betweenness after every removal, O(n²m) in all: "auto" hands it
# to igraph well below backend.IGRAPH_THRESHOLD (the two give the same order, tests check it).
ATTACK_IGRAPH_THRESHOLD = 200


def attack_order(
    G: nx.Graph,
    strategy: str,
    seed: int = 0,
    rounds: int | None = None,
    k: int | None = None,
    backend: str = "auto",
) -> list[Any]:
    """The order in which an attack removes every node of G.

    ``betweenness`` and ``degree`` are adaptive: scores are recomputed on what is left, and the
    highest goes next (ties to the smaller node, as text). With `rounds`, scores are
    recomputed only that many times, removing ⌈n / rounds⌉ nodes per round (an estimate for big
    graphs); `k` samples betweenness pivots. ``random`` is a seeded shuffle.

    Examples
    --------
    >>> G = nx.Graph([("A", "B"), ("B", "C"), ("A", "C"), ("D", "E"), ("E", "F"), ("D", "F"),
    ...               ("C", "X"), ("X", "D")])
    >>> attack_order(G, "betweenness")
    ['X', 'A', 'B', 'C', 'D', 'E', 'F']
    >>> attack_order(G, "degree")
    ['C', 'D', 'A', 'E', 'B', 'F', 'X']
    """
    if strategy not in STRATEGIES:
        raise ValueError(f"strategy must be one of {', '.join(STRATEGIES)}, not {strategy!r}")
    nodes = sorted(G, key=str)
    if strategy == "random":
        return random.Random(seed).sample(nodes, len(nodes))
    step = 1 if not rounds else max(1, math.ceil(len(nodes) / rounds))
    if backend == "igraph" or (backend == "auto" and len(nodes) > ATTACK_IGRAPH_THRESHOLD):
        return _attack_igraph(G, strategy, seed, step, k)
    if strategy == "degree":
        return _attack_degree(G, step)
    if k and k < len(nodes):
        return _attack_sampled(G, seed, step, k)
    return _attack_betweenness(G, step)


def _attack_sampled(G: nx.Graph, seed: int, step: int, k: int) -> list[Any]:
    # sampled pivots are drawn over the whole graph: every round recomputes everything
    H = G.copy()
    order: list[Any] = []
    while H.number_of_nodes():
        kk = k if k < H.number_of_nodes() else None
        scores = _backend.betweenness(H, k=kk, seed=seed + len(order), backend="networkx")
        # rounded so float noise in sums of path shares cannot break a true tie differently
        take = sorted(H, key=lambda v: (-round(scores[v], 9), str(v)))[:step]
        order += take
        H.remove_nodes_from(take)
    return order


def _attack_degree(G: nx.Graph, step: int) -> list[Any]:
    # a lazy heap: removing a node changes only its neighbours' degrees, so only they are
    # pushed again; stale entries are skipped when popped
    adj = {v: set(G.adj[v]) - {v} for v in G}
    deg = {v: len(adj[v]) + (2 if v in G.adj[v] else 0) for v in G}  # networkx counts a loop twice
    heap = [(-d, str(v), i, v) for i, (v, d) in enumerate(deg.items())]
    heapq.heapify(heap)
    order: list[Any] = []
    while heap:
        take: list[Any] = []
        while heap and len(take) < step:
            d, _, _, v = heapq.heappop(heap)
            if v in deg and -d == deg[v] and v not in take:
                take.append(v)
        order += take
        touched = set()
        for v in take:
            del deg[v]
        for v in take:
            for w in adj.pop(v):
                if w in deg:
                    adj[w].discard(v)
                    deg[w] -= 1
                    touched.add(w)
        for i, w in enumerate(sorted(touched, key=str)):
            heapq.heappush(heap, (-deg[w], str(w), len(order) * len(G) + i, w))
    return order


def _attack_betweenness(G: nx.Graph, step: int) -> list[Any]:
    # Exact adaptive betweenness, recomputed only inside the components that lost a node:
    # betweenness never crosses components. Scores are networkx's unnormalized ones (the scale
    # igraph uses), so the ranking and the tie rule are those of the igraph path. Once every
    # score is zero, every component is a clique and stays one: the rest go by name.
    H = G.copy()
    score: dict[Any, float] = {}
    ranked: dict[int, list[tuple[float, str, Any]]] = {}  # component id -> its nodes, best first
    comp_of: dict[Any, int] = {}
    next_id = 0

    def rank(nodes: set[Any], zero: bool) -> None:
        nonlocal next_id
        if zero or len(nodes) <= 2:
            b = dict.fromkeys(nodes, 0.0)
        else:
            # a real graph, not a subgraph view: a view pays a filter call per adjacency entry
            sub = nx.Graph()
            sub.add_nodes_from(v for v in H if v in nodes)
            sub.add_edges_from((u, w) for u in sub for w in H._adj[u])
            b = nx.betweenness_centrality(sub, normalized=False)
        score.update(b)
        ranked[next_id] = sorted((-round(b[v], 9), str(v), v) for v in nodes)
        for v in nodes:
            comp_of[v] = next_id
        next_id += 1

    for c in nx.connected_components(H):
        rank(c, False)
    order: list[Any] = []
    while H.number_of_nodes():
        if all(r[0][0] == 0 for r in ranked.values()):
            return order + sorted(H, key=str)
        take = [v for _, _, v in itertools.islice(heapq.merge(*ranked.values()), step)]
        order += take
        dirty = {comp_of[v] for v in take}
        was_zero = {c: ranked[c][0][0] == 0 for c in dirty}
        members = {c: {v for _, _, v in ranked.pop(c)} for c in dirty}
        H.remove_nodes_from(take)
        for c in sorted(dirty):
            rest = members[c] - set(take)
            for part in sorted(nx.connected_components(H.subgraph(rest)), key=lambda p: min(map(str, p))):
                rank(part, was_zero[c])
    return order


def _attack_igraph(G: nx.Graph, strategy: str, seed: int, step: int, k: int | None) -> list[Any]:
    g, nodes = _backend.to_igraph(G)
    g = g.copy()
    g.vs["key"] = list(range(len(nodes)))
    # equal names share a rank: the stable sort then keeps vertex order, as sorted() does
    name_rank = np.unique(np.array([str(v) for v in nodes], dtype=object), return_inverse=True)[1]
    rng = random.Random(seed)
    order: list[Any] = []
    while g.vcount():
        n = g.vcount()
        if strategy == "degree":
            scores = g.degree()
        elif k and k < n:
            # ranking only: raw sums over sampled sources need no rescaling
            scores = g.betweenness(directed=False, sources=rng.sample(range(n), k))
        else:
            scores = g.betweenness(directed=False)
        keys = g.vs["key"]
        if (k is None or k >= n) and max(scores) == 0:
            # exact scores all zero: every component is a clique and stays one, the rest go by name
            return order + sorted((nodes[i] for i in keys), key=str)
        ranked = _best(scores, keys, name_rank, step)
        order += [nodes[keys[i]] for i in ranked]
        g.delete_vertices(ranked)
    return order


def _best(scores: list[float], keys: list[int], name_rank: Any, step: int) -> list[int]:
    # The `step` best vertices by score rounded to 9 decimals, ties to the smaller name (name_rank:
    # each node's place among the names). Rounding moves a score by at most 5e-10, so no vertex
    # below the step-th highest raw score minus a margin can make the cut: only the contenders
    # are rounded (with Python's round, as the networkx path does; zeros stay zero) and sorted.
    s = np.asarray(scores, dtype=np.float64)
    n = len(s)
    cand = np.arange(n) if step >= n else np.flatnonzero(s >= np.partition(s, n - step)[n - step] - 1e-8)
    rounded = np.zeros(len(cand))
    nonzero = np.flatnonzero(s[cand] != 0)
    rounded[nonzero] = [round(x, 9) for x in s[cand[nonzero]].tolist()]
    return cand[np.lexsort((name_rank[np.asarray(keys)[cand]], -rounded))[:step]].tolist()


def _forest(G: nx.Graph, order: list[Any]) -> tuple[Any, Any]:
    # G's edges as pairs of positions in `order` (first < later), cut down to a spanning forest
    # that keeps the largest `first`: walking back from the end of the attack, an edge joins the
    # graph when its endpoint at `first` comes back. In a maximum spanning forest by that weight,
    # the forest edges with weight >= Q connect exactly what all edges with weight >= Q connect,
    # at every Q, so the union-find below sees the same components from n - 1 edges instead of
    # millions (the forest is computed in C by scipy).
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import minimum_spanning_tree

    n = len(order)
    _, nodes = _backend.to_igraph(G)
    where = {v: i for i, v in enumerate(nodes)}
    pos_of = np.empty(len(nodes), dtype=np.int64)
    pos_of[[where[v] for v in order]] = np.arange(n)
    a, b = _backend.edge_arrays(G)
    pa, pb = pos_of[a], pos_of[b]
    first, later = np.minimum(pa, pb), np.maximum(pa, pb)
    keep = first != later
    first, later = first[keep], later[keep]
    if G.is_multigraph():
        # scipy adds up the weights of repeated pairs: keep each pair once
        code = np.unique(first * n + later)
        first, later = np.divmod(code, n)
    # weights n - first >= 1 (scipy reads a zero as no edge): the minimum keeps the largest first
    weights = (n - first).astype(np.float64)
    tree = minimum_spanning_tree(coo_matrix((weights, (first, later)), shape=(n, n))).tocoo()
    lo, hi = np.minimum(tree.row, tree.col), np.maximum(tree.row, tree.col)
    return lo.astype(np.int64), hi.astype(np.int64)


def largest_component_curve(G: nx.Graph, order: list[Any], backend: str = "auto") -> list[float]:
    """s(Q) for Q = 0..N: the largest component's share of the N nodes after removing order[:Q].

    Computed backwards (adding nodes in reverse order with union-find), in one pass over edges;
    on big graphs over a spanning forest that connects the same nodes at every Q.

    Examples
    --------
    >>> largest_component_curve(nx.path_graph(3), [1, 0, 2])
    [1.0, 0.3333333333333333, 0.3333333333333333, 0.0]
    """
    n = len(order)
    if n == 0:
        return [0.0]
    if _backend.use_igraph(G, backend):
        first, later = _forest(G, order)
        by = np.argsort(first, kind="stable")
        starts = np.searchsorted(first[by], np.arange(n + 1)).tolist()
        flat = later[by].tolist()

        def neighbours(q: int) -> list[int]:
            return flat[starts[q] : starts[q + 1]]
    else:
        index = {v: i for i, v in enumerate(order)}
        adj = G.adj

        def neighbours(q: int) -> list[int]:
            return [index[w] for w in adj[order[q]]]

    parent = list(range(n))
    size = [1] * n
    largest = 0
    curve = [0.0] * (n + 1)
    # node q joins after every node placed later in `order`: its present neighbours are those
    # with j > q, so each edge is merged once; finds are inlined (path halving), as this loop
    # runs once per edge of graphs with millions of them
    for q in range(n - 1, -1, -1):
        root = q
        for j in neighbours(q):
            if j > q:
                while parent[j] != j:
                    parent[j] = parent[parent[j]]
                    j = parent[j]
                if j != root:
                    if size[root] < size[j]:
                        root, j = j, root
                    parent[j] = root
                    size[root] += size[j]
        largest = max(largest, size[root])
        curve[q] = largest / n
    return curve


def robustness(
    G: nx.Graph,
    strategy: str,
    seed: int = 0,
    rounds: int | None = None,
    k: int | None = None,
    backend: str = "auto",
) -> tuple[float, list[float], list[Any]]:
    """Schneider's R = (1/N) Σ_{Q=1..N} s(Q) under an attack, with its curve and order.

    Examples
    --------
    >>> G = nx.Graph([("A", "B"), ("B", "C"), ("A", "C"), ("D", "E"), ("E", "F"), ("D", "F"),
    ...               ("C", "X"), ("X", "D")])
    >>> r, curve, order = robustness(G, "betweenness")
    >>> round(r, 6), [round(s * 7) for s in curve]
    (0.306122, [7, 3, 3, 3, 3, 2, 1, 0])
    >>> round(robustness(G, "degree")[0], 6)
    0.22449
    """
    order = attack_order(G, strategy, seed=seed, rounds=rounds, k=k, backend=backend)
    curve = largest_component_curve(G, order, backend)
    n = len(order)
    return (sum(curve[1:]) / n if n else 0.0), curve, order
