"""Hands big graphs to python-igraph behind the networkx functions, with the same answers."""

from __future__ import annotations

import contextlib
import random
import weakref
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any, TypeVar

import networkx as nx

from ocgraph.graph.gcpause import gc_paused

__all__ = [
    "IGRAPH_THRESHOLD",
    "betweenness",
    "cache_scope",
    "components",
    "degree_centrality",
    "edge_arrays",
    "edge_count",
    "efficiency_sum",
    "gc_paused",
    "louvain",
    "memo",
    "pivots",
    "prime",
    "to_igraph",
    "use_igraph",
]

# Above this many nodes "auto" hands the work to igraph: below it networkx is fast enough and
# stays the reference implementation.
IGRAPH_THRESHOLD = 2000
BACKENDS = ("auto", "networkx", "igraph")
# Exact betweenness and DF cost O(nm): about 0.3 s in networkx at 200 nodes, 3 s at 1k, so "auto" hands them
# over sooner than the rest.
BETWEENNESS_IGRAPH_THRESHOLD = 200

# What the measures derive from each graph (its edge table, its igraph copy, ...), kept only
# inside a `cache_scope`: networkx graphs carry no edit counter, and a key such as the node and
# edge counts stays the same when an edge's predicate changes, so nothing is kept across scopes.
_MEMO: ContextVar[weakref.WeakKeyDictionary[nx.Graph, dict[str, Any]] | None] = ContextVar(
    "ocgraph_analysis_memo", default=None
)
T = TypeVar("T")


@contextlib.contextmanager
def cache_scope() -> Iterator[None]:
    """Let the measures inside share what they derive from a graph; forget it all on leaving.

    The report's measures each need a graph's edge table or igraph copy; inside a scope each is
    built once per graph object. The graphs must not be edited inside the scope (the report
    edits none: it builds new ones); outside every scope nothing is kept, so a graph edited
    between two analyses is always read afresh. Scopes nest: the outermost one owns the memory.
    Also usable as a decorator.

    Examples
    --------
    >>> G = nx.path_graph(3)
    >>> with cache_scope():
    ...     to_igraph(G)[0] is to_igraph(G)[0]
    True
    >>> to_igraph(G)[0] is to_igraph(G)[0]
    False
    """
    if _MEMO.get() is not None:
        yield
        return
    token = _MEMO.set(weakref.WeakKeyDictionary())
    try:
        yield
    finally:
        _MEMO.reset(token)


def memo(G: nx.Graph, kind: str, build: Callable[[], T]) -> T:
    """``build()``, computed once per graph and `kind` inside a `cache_scope`, on every call outside.

    Examples
    --------
    >>> calls = []
    >>> def count():
    ...     calls.append(1)
    ...     return len(calls)
    >>> G = nx.Graph()
    >>> with cache_scope():
    ...     memo(G, "n", count), memo(G, "n", count)
    (1, 1)
    >>> memo(G, "n", count), memo(G, "n", count)
    (2, 3)
    """
    store = _MEMO.get()
    if store is None:
        return build()
    kept = store.setdefault(G, {})
    if kind not in kept:
        kept[kind] = build()
    return kept[kind]


def _remember(G: nx.Graph, kind: str, value: Any) -> None:
    store = _MEMO.get()
    if store is not None:
        store.setdefault(G, {})[kind] = value


def _pending(G: nx.Graph) -> tuple[list[Any], Any] | None:
    # the (names, pair codes) of a projection.DeferredGraph whose adjacency is not filled yet:
    # its edges, as the graph itself holds them (no cache), and no edit can have happened
    return G.__dict__.get("_pending")


def use_igraph(G: nx.Graph, backend: str = "auto") -> bool:
    """Whether to run on igraph: ``backend`` says so, or "auto" and G is big.

    Examples
    --------
    >>> use_igraph(nx.path_graph(3)), use_igraph(nx.path_graph(3), "igraph")
    (False, True)
    """
    if backend not in BACKENDS:
        raise ValueError(f"backend must be one of {', '.join(BACKENDS)}, not {backend!r}")
    return backend == "igraph" or (backend == "auto" and G.number_of_nodes() >= IGRAPH_THRESHOLD)


def edge_count(G: nx.Graph) -> int:
    """The number of edges of an undirected simple graph, from adjacency lengths (see `shape`).

    Examples
    --------
    >>> G = nx.Graph([(1, 2), (2, 3), (3, 3)])
    >>> edge_count(G) == G.number_of_edges() == 3
    True
    """
    if G.is_directed() or G.is_multigraph():
        return G.number_of_edges()
    if getattr(G, "deferred_shape", None) is not None:
        return G.deferred_shape[1] // 2  # the pairs of a deferred projection: distinct, no loops
    loops = sum(1 for u, nbrs in G._adj.items() if u in nbrs)
    return (sum(map(len, G._adj.values())) + loops) // 2


def to_igraph(G: nx.Graph) -> tuple[Any, list[Any]]:
    """An undirected igraph copy of G and the networkx node of each igraph vertex index.

    Built once per graph inside a `cache_scope`, so several measures share one copy.

    Examples
    --------
    >>> g, nodes = to_igraph(nx.path_graph(["a", "b", "c"]))
    >>> g.vcount(), g.ecount(), nodes
    (3, 2, ['a', 'b', 'c'])
    """
    return memo(G, "igraph", lambda: _build_igraph(G))


def _build_igraph(G: nx.Graph) -> tuple[Any, list[Any]]:
    import igraph as ig
    import numpy as np

    pending = _pending(G)
    if pending is not None:  # from the pairs, without filling the networkx adjacency
        first, second = np.divmod(pending[1], max(1, len(pending[0])))
        return _from_arrays(G, first, second), list(G)
    nodes = list(G)
    index = {n: i for i, n in enumerate(nodes)}
    return ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in G.edges() if u != v]), nodes


def _from_arrays(G: nx.Graph, first: Any, second: Any) -> Any:
    import igraph as ig

    # plain lists: igraph reads a numpy array element by element, far slower
    return ig.Graph(n=G.number_of_nodes(), edges=list(zip(first.tolist(), second.tolist(), strict=True)))


def prime(G: nx.Graph, first: Any, second: Any) -> None:
    """Inside a `cache_scope`, give G the igraph copy built from the edges ``(first[e], second[e])``.

    `first` and `second` are numpy integer arrays of indices into ``list(G)``. A projection
    that already holds its pairs as integers saves `to_igraph` a second walk over millions of
    edges, and `edge_arrays` a copy of them back out of igraph. Outside a scope nothing would
    keep the copy: nothing is built.

    Examples
    --------
    >>> import numpy as np
    >>> G = nx.path_graph(["a", "b", "c"])
    >>> with cache_scope():
    ...     prime(G, np.array([0, 1]), np.array([1, 2]))
    ...     to_igraph(G)[0].ecount(), edge_arrays(G)[1].tolist()
    (2, [1, 2])
    """
    if _MEMO.get() is None:
        return
    _remember(G, "igraph", (_from_arrays(G, first, second), list(G)))
    _remember(G, "arrays", (first, second))


def edge_arrays(G: nx.Graph) -> tuple[Any, Any]:
    """G's edges as two numpy arrays of vertex indices into `to_igraph`'s node list.

    Examples
    --------
    >>> a, b = edge_arrays(nx.path_graph(["a", "b", "c"]))
    >>> a.tolist(), b.tolist()
    ([0, 1], [1, 2])
    """
    import numpy as np

    def build() -> tuple[Any, Any]:
        pending = _pending(G)
        if pending is not None:
            return tuple(np.divmod(pending[1], max(1, len(pending[0]))))
        g, _ = to_igraph(G)
        flat = np.array(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
        return flat[:, 0], flat[:, 1]

    return memo(G, "arrays", build)


def degree_centrality(G: nx.Graph) -> dict[Any, float]:
    """networkx's degree centrality; a deferred projection's from its edge arrays (not filled).

    Examples
    --------
    >>> degree_centrality(nx.star_graph(["K", "L1", "L2"]))
    {'K': 1.0, 'L1': 0.5, 'L2': 0.5}
    """
    if getattr(G, "deferred_shape", None) is None or len(G) <= 1:
        return nx.degree_centrality(G)
    import numpy as np

    a, b = edge_arrays(G)
    degrees = np.bincount(a, minlength=len(G)) + np.bincount(b, minlength=len(G))
    s = 1.0 / (len(G) - 1.0)  # as networkx computes it, for the same floats
    return {n: d * s for n, d in zip(G, degrees.tolist(), strict=True)}


def components(G: nx.Graph, backend: str = "auto") -> list[set[Any]]:
    """Connected components, largest first (ties by smallest node), as sets of nodes.

    Examples
    --------
    >>> G = nx.Graph([(1, 2), (3, 4), (4, 5)])
    >>> components(G) == components(G, "igraph") == [{3, 4, 5}, {1, 2}]
    True
    """
    if use_igraph(G, backend):
        g, nodes = to_igraph(G)
        comps = [{nodes[i] for i in c} for c in g.connected_components()]
    else:
        comps = [set(c) for c in nx.connected_components(G)]
    return sorted(comps, key=lambda c: (-len(c), min(map(str, c))))


def pivots(G: nx.Graph, k: int, seed: int) -> list[Any]:
    """The `k` source nodes networkx samples for ``betweenness_centrality(G, k, seed=seed)``.

    Examples
    --------
    >>> pivots(nx.path_graph(10), 3, seed=1)
    [2, 1, 4]
    """
    return random.Random(seed).sample(list(G.nodes()), k)


def betweenness(G: nx.Graph, k: int | None = None, seed: int = 0, backend: str = "auto") -> dict[Any, float]:
    """Normalized betweenness, exact or from `k` seeded pivots, rescaled as networkx does.

    With igraph the pivots are the ones networkx would draw and the subset betweenness is
    rescaled by networkx's rule (networkx 3.6: sources ``1/((k-1)(n-2))``, others
    ``1/(k(n-2))``), so both give the same figures.

    Examples
    --------
    >>> G = nx.star_graph(4)
    >>> betweenness(G)[0] == betweenness(G, backend="igraph")[0] == 1.0
    True
    """
    n = G.number_of_nodes()
    if k is not None and k >= n:
        k = None
    if backend == "auto" and k is None and n >= BETWEENNESS_IGRAPH_THRESHOLD:
        backend = "igraph"  # exact betweenness is O(nm): igraph's is ~20x faster, same figures
    if not use_igraph(G, backend):
        return nx.betweenness_centrality(G, k=k, seed=seed)
    g, nodes = to_igraph(G)
    if n <= 2:
        return dict.fromkeys(nodes, 0.0)
    if k is None:
        raw = g.betweenness(directed=False)
        # igraph counts each unordered pair once; networkx normalizes by unordered pairs too
        scale = 2 / ((n - 1) * (n - 2))
        return {nodes[i]: b * scale for i, b in enumerate(raw)}
    sources = pivots(G, k, seed)
    index = {v: i for i, v in enumerate(nodes)}
    raw = g.betweenness(directed=False, sources=[index[s] for s in sources], targets=None)
    chosen = set(sources)
    # igraph halves the subset sum on undirected graphs (as networkx's betweenness_centrality_subset
    # does); networkx's sampled betweenness accumulates ordered (pivot, target) pairs: hence the 2
    s_src = 2 / ((k - 1) * (n - 2)) if k > 1 else float("nan")
    s_other = 2 / (k * (n - 2))
    return {v: raw[i] * (s_src if v in chosen else s_other) for i, v in enumerate(nodes)}


def efficiency_sum(G: nx.Graph, sources: list[Any], backend: str = "auto") -> float:
    """The sum over `sources` s and all other nodes t of 1/d(s, t) (unreachable t add 0).

    Examples
    --------
    >>> G = nx.path_graph(3)
    >>> efficiency_sum(G, [0]) == efficiency_sum(G, [0], "igraph") == 1.5
    True
    """
    if backend == "auto" and G.number_of_nodes() >= BETWEENNESS_IGRAPH_THRESHOLD:
        backend = "igraph"  # one BFS per source: O(nm) like exact betweenness
    if use_igraph(G, backend):
        g, nodes = to_igraph(G)
        index = {v: i for i, v in enumerate(nodes)}
        # harmonic centrality of s is exactly the sum of 1/d(s, t)
        return float(sum(g.harmonic_centrality(vertices=[index[s] for s in sources], normalized=False)))
    total = 0.0
    for s in sources:
        total += sum(1 / d for d in nx.single_source_shortest_path_length(G, s).values() if d)
    return total


def louvain(G: nx.Graph, seed: int = 0, backend: str = "auto") -> list[set[Any]]:
    """Louvain communities with a fixed seed, largest first (ties by smallest node).

    networkx and igraph implement Louvain differently and may part a graph differently when
    several partitions are almost as good; on graphs with clear communities they agree.

    Examples
    --------
    >>> G = nx.connected_caveman_graph(3, 4)
    >>> louvain(G) == louvain(G, backend="igraph")
    True
    >>> sorted(sorted(c) for c in louvain(G))
    [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]
    """
    if use_igraph(G, backend):
        g, nodes = to_igraph(G)
        # python-igraph draws from Python's `random` module: seed a private state and put the
        # caller's back afterwards
        saved = random.getstate()
        random.seed(seed)
        try:
            parts = g.community_multilevel()
        finally:
            random.setstate(saved)
        comms = [{nodes[i] for i in part} for part in parts]
    else:
        comms = [set(c) for c in nx.community.louvain_communities(G, seed=seed)]
    return sorted(comms, key=lambda c: (-len(c), min(map(str, c))))
