"""From the typed knowledge graph to the networks the measures run on: criminal, person, signed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from operator import itemgetter
from typing import Any

import networkx as nx
import numpy as np

from ocgraph import ontology
from ocgraph.graph.analysis import backend, edgetable

__all__ = [
    "AUTHORITY_PREDICATES",
    "DeferredGraph",
    "criminal_network",
    "edge_records",
    "edge_triples",
    "from_knowledge_graph",
    "leaders",
    "members",
    "person_projection",
    "signed_network",
    "typed_graph",
    "without",
]

# Edges to the authorities that confront the groups: they are not channels between criminals,
# and a shared sanctioning office would otherwise tie every designated group into one component.
AUTHORITY_PREDICATES = frozenset({"sanctioned_by", "reward_offered_by", "detained_by"})
CRIMINAL_TYPES = frozenset({"Person", "CriminalOrganization"})
# Person-to-person links that stay in the person projection (family and declared ties);
# rivalry is not a channel and succession is a fact about roles, not a contact.
PERSON_LINKS = frozenset({"child_of", "sibling_of", "allied_with", "associated_with"})


def edge_triples(G: nx.MultiDiGraph) -> list[tuple[Any, Any, Any]]:
    """Every edge as (subject, object, predicate) (read once per graph in a `backend.cache_scope`).

    The report's measures each walk the typed edges; a list is many times faster to walk than
    networkx's edge view, and big graphs have hundreds of thousands of edges.

    Examples
    --------
    >>> G = nx.MultiDiGraph([("K", "O", {"predicate": "leader_of"})])
    >>> edge_triples(G)
    [('K', 'O', 'leader_of')]
    """
    return backend.memo(G, "triples", lambda: _triples(G))


def _triples(G: nx.MultiDiGraph) -> list[tuple[Any, Any, Any]]:
    t, records = edgetable.edge_table(G), edge_records(G)
    # the predicates the table already read: the edge dicts are not reached again
    preds = map(t.predicates.__getitem__, t.pred.tolist())
    return list(zip(map(itemgetter(0), records), map(itemgetter(1), records), preds, strict=True))


def edge_records(G: nx.MultiDiGraph) -> list[tuple[Any, Any, dict[str, Any]]]:
    """Every edge as (subject, object, data) (see `edge_triples`)."""
    return edgetable.edge_records(G)


@backend.gc_paused()
def from_knowledge_graph(kg: Any) -> nx.MultiDiGraph:
    """The typed graph of a `KnowledgeGraph` as a MultiDiGraph keyed by entity and relation ids.

    Nodes carry ``type``, ``name`` and ``aliases``; each edge is keyed by its relation id and
    carries ``predicate`` and the relation's properties (``start``, ``end``, ``status``...).

    Parameters
    ----------
    kg : ocgraph.graph.model.KnowledgeGraph

    Returns
    -------
    networkx.MultiDiGraph

    Examples
    --------
    >>> from ocgraph.graph.model import KnowledgeGraph
    >>> kg = KnowledgeGraph()
    >>> k = kg.add_entity("Person", "K")
    >>> o = kg.add_entity("CriminalOrganization", "O1")
    >>> _ = kg.add_relation(k.id, "leader_of", o.id, {"start": "2010"})
    >>> G = from_knowledge_graph(kg)
    >>> [(u, v, d["predicate"], d["start"]) for u, v, d in G.edges(data=True)]
    [('person/k', 'crimorg/o1', 'leader_of', '2010')]
    """
    G = nx.MultiDiGraph()
    for eid in sorted(kg.entities):
        e = kg.entities[eid]
        G.add_node(eid, type=e.type, name=e.name, aliases=list(e.aliases))
    for rid in sorted(kg.relations):
        r = kg.relations[rid]
        G.add_edge(r.subject, r.object, key=rid, predicate=r.predicate, **r.properties)
    return G


def typed_graph(G_or_kg: Any) -> nx.MultiDiGraph:
    """`G_or_kg` itself when it is already a MultiDiGraph, else its typed graph."""
    if isinstance(G_or_kg, nx.MultiDiGraph):
        return G_or_kg
    return from_knowledge_graph(G_or_kg)


def _edges_by(G: nx.MultiDiGraph, predicate: str) -> list[tuple[str, str]]:
    return sorted((u, v) for u, v, p in edge_triples(G) if p == predicate)


def leaders(G: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Each criminal organization's leaders (persons with ``leader_of``), sorted.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("K", {"type": "Person"}), ("O", {"type": "CriminalOrganization"})])
    >>> _ = G.add_edge("K", "O", predicate="leader_of")
    >>> leaders(G)
    {'O': ['K']}
    """
    return _role(G, "leader_of")


def members(G: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Each criminal organization's members (persons with ``member_of``), sorted."""
    return _role(G, "member_of")


def _role(G: nx.MultiDiGraph, predicate: str) -> dict[str, list[str]]:
    return {org: sorted(people) for org, people in sorted(_roles(G, _types(G))[predicate].items())}


def _types(G: nx.MultiDiGraph) -> dict[Any, Any]:
    return dict(G.nodes(data="type"))


def _roles(G: nx.MultiDiGraph, types: dict[Any, Any]) -> dict[str, dict[str, set[str]]]:
    # one pass over the edges for both roles: big graphs have hundreds of thousands
    out: dict[str, dict[str, set[str]]] = {"leader_of": defaultdict(set), "member_of": defaultdict(set)}
    for u, v, p in edge_triples(G):
        if p in out and types[v] == "CriminalOrganization" and types[u] == "Person":
            out[p][v].add(u)
    return out


@backend.gc_paused()
def criminal_network(G: nx.MultiDiGraph) -> nx.Graph:
    """The undirected network of criminal actors, authorities left out.

    Nodes are every criminal organization and every person with at least one non-authority tie
    to a person or criminal organization; edges are those ties, with their ``predicates``.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("K", {"type": "Person"}), ("O", {"type": "CriminalOrganization"}),
    ...                   ("OFAC", {"type": "GovernmentOrganization"})])
    >>> _ = G.add_edge("K", "O", predicate="leader_of")
    >>> _ = G.add_edge("O", "OFAC", predicate="sanctioned_by")
    >>> C = criminal_network(G)
    >>> sorted(C.nodes), C.edges["K", "O"]["predicates"]
    (['K', 'O'], ['leader_of'])
    """
    names, kept, codes, preds = edgetable.criminal_pairs(edgetable.edge_table(G), AUTHORITY_PREDICATES)
    C = nx.Graph()
    attrs = G._node  # the node attribute dicts, read directly: a NodeView lookup per node costs more
    C.add_nodes_from((names[i], attrs[names[i]]) for i in kept.tolist())
    _fill(C, names, codes, [{"predicates": p} for p in preds])
    if backend.use_igraph(C):
        # C's nodes are the kept actors: a pair's ranks among all actors become positions in C
        at = np.full(len(names), -1, dtype=np.int64)
        at[kept] = np.arange(len(kept))
        lo, hi = np.divmod(codes, max(1, len(names)))
        backend.prime(C, at[lo], at[hi])
    return C


@backend.gc_paused()
def person_projection(G: nx.MultiDiGraph, reasons: bool = True) -> nx.Graph:
    """The person network on which disruption is measured.

    Each criminal organization becomes links from each of its leaders to its members and
    co-leaders; family and declared person-to-person ties stay; the leaders of allied
    organizations are linked. Without it the organization node keeps everyone connected and
    removing a leader never registers. With `reasons`, edges carry ``via``: why the two people
    are linked (on big graphs leave it off: millions of small lists cost time and memory).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The typed graph (see `from_knowledge_graph`).

    Returns
    -------
    networkx.Graph
        Persons of the criminal network; nodes keep the typed graph's attributes.

    Examples
    --------
    The typed graph of example 5 of docs/fragmentation.md:

    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from(["K", "L1", "L2", "M", "L3"], type="Person")
    >>> G.add_nodes_from(["O1", "O2"], type="CriminalOrganization")
    >>> for u, p, v in [("K", "leader_of", "O1"), ("L1", "member_of", "O1"), ("L2", "member_of", "O1"),
    ...                 ("M", "leader_of", "O2"), ("L3", "member_of", "O2"), ("O1", "allied_with", "O2"),
    ...                 ("K", "succeeded_by", "L1")]:
    ...     _ = G.add_edge(u, v, predicate=p)
    >>> sorted(tuple(sorted(e)) for e in person_projection(G).edges)
    [('K', 'L1'), ('K', 'L2'), ('K', 'M'), ('L3', 'M')]
    """
    if not reasons:
        names, all_codes = edgetable.person_pairs(edgetable.edge_table(G), AUTHORITY_PREDICATES, PERSON_LINKS)
        P = DeferredGraph()
        P.add_nodes_from((n, G._node[n]) for n in names)
        if backend.use_igraph(P):
            # the measures of a big network read its igraph copy: the networkx adjacency (millions
            # of entries to build and to free) waits until something asks for it
            P.defer(names, all_codes)  # before anything reads the adjacency
            backend.prime(P, *np.divmod(all_codes, len(names)))
        else:
            _fill(P, names, all_codes)
        return P
    # the reference build, pair by pair with the reasons; the one above gives the same pairs
    # (tests/analysis check it) with numpy, for big graphs
    types = _types(G)
    # persons of the criminal network: those with a non-authority tie to a person or group
    people: set[str] = set()
    for u, v, p in edge_triples(G):
        if p not in AUTHORITY_PREDICATES and types[u] in CRIMINAL_TYPES and types[v] in CRIMINAL_TYPES:
            people.update(n for n in (u, v) if types[n] == "Person")
    roles = _roles(G, types)
    heads, crew = roles["leader_of"], roles["member_of"]
    names = sorted(people)
    rank = {n: i for i, n in enumerate(names)}
    why: dict[tuple[int, int], set[str]] = defaultdict(set)

    def link(a: str, b: str, reason: str) -> None:
        if a != b and a in rank and b in rank:
            i, j = rank[a], rank[b]
            why[(i, j) if i < j else (j, i)].add(reason)

    for org, bosses in heads.items():
        for boss in bosses:
            for other in crew.get(org, set()) | bosses:
                link(boss, other, f"organization:{org}")
    for u, v, p in edge_triples(G):
        tu, tv = types[u], types[v]
        if p in PERSON_LINKS and tu == tv == "Person":
            link(u, v, p)
        elif p == "allied_with":
            # an alliance binds the people who lead each side (a person ally counts as their own leader)
            side_u = heads.get(u, ()) if tu == "CriminalOrganization" else [u]
            side_v = heads.get(v, ()) if tv == "CriminalOrganization" else [v]
            for a in side_u:
                for b in side_v:
                    link(a, b, "alliance")
    P = nx.Graph()
    P.add_nodes_from((n, G.nodes[n]) for n in names)
    # filled as networkx's add_edges_from does (one data dict shared by both directions), without
    # its per-edge checks: the pairs are already distinct, sorted and between known nodes
    adj = P._adj
    for i, j in sorted(why):
        a, b = names[i], names[j]
        data = {"via": sorted(why[(i, j)])}
        adj[a][b] = data
        adj[b][a] = data
    return P


class DeferredGraph(nx.Graph):
    """A `networkx.Graph` whose adjacency is filled the first time anything reads it.

    A big person projection has millions of edges; the report's measures on it run on its
    igraph copy and read only its nodes, so building (and later freeing) the networkx adjacency
    is left until some code asks for it. Until then `deferred_shape` gives the nodes and
    adjacency entries the graph will have (see `backend.edge_count`).

    Examples
    --------
    >>> import numpy as np
    >>> P = DeferredGraph()
    >>> P.add_nodes_from(["a", "b", "c"])
    >>> P.defer(["a", "b", "c"], np.array([1, 5]))  # pairs a-b and b-c, coded i * 3 + j
    >>> P.deferred_shape
    (3, 4)
    >>> sorted(P.edges()), P.deferred_shape
    ([('a', 'b'), ('b', 'c')], None)
    """

    @property
    def _adj(self) -> dict[Any, dict[Any, dict[str, Any]]]:
        state = self.__dict__
        pending = state.get("_pending")
        if pending is not None:
            state["_pending"] = None
            _fill(self, *pending)
        return state["_adjacency"]

    @_adj.setter
    def _adj(self, value: dict[Any, dict[Any, dict[str, Any]]]) -> None:
        self.__dict__["_adjacency"] = value

    def defer(self, names: list[Any], codes: Any) -> None:
        """Fill the adjacency from sorted pair codes i * N + j (i < j, ranks in `names`) when first read."""
        self.__dict__["_pending"] = (names, codes)

    @property
    def deferred_shape(self) -> tuple[int, int] | None:
        """(nodes, adjacency entries) while the adjacency is not filled yet, else None."""
        pending = self.__dict__.get("_pending")
        return None if pending is None else (len(self), 2 * len(pending[1]))


def without(P: nx.Graph, removed: Iterable[Any]) -> nx.Graph:
    """A copy of P without the `removed` nodes: the graph ``P.subgraph(rest).copy()`` gives.

    A big deferred projection (see `DeferredGraph`) is cut from its edge arrays and stays
    deferred, nodes and neighbours in P's order: copying millions of adjacency entries only to
    count components would cost seconds.

    Examples
    --------
    >>> sorted(without(nx.path_graph(["a", "b", "c"]), ["b"]))
    ['a', 'c']
    """
    gone = set(removed)
    if getattr(P, "deferred_shape", None) is None:
        return P.subgraph(v for v in P if v not in gone).copy()
    names = list(P)
    keep = np.fromiter((v not in gone for v in names), dtype=bool, count=len(names))
    at = np.cumsum(keep) - 1  # a kept node's position among the kept
    a, b = backend.edge_arrays(P)
    both = keep[a] & keep[b]
    i, j = at[a[both]], at[b[both]]
    i, j = np.minimum(i, j), np.maximum(i, j)
    rest = [v for v in names if v not in gone]
    codes = i * len(rest) + j
    if len(codes) > 1 and not (codes[1:] > codes[:-1]).all():
        codes = np.sort(codes)
    H = DeferredGraph()
    H.graph.update(P.graph)
    H.add_nodes_from((v, P._node[v]) for v in rest)
    H.defer(rest, codes)
    if backend.use_igraph(H):
        backend.prime(H, *np.divmod(codes, max(1, len(rest))))
    else:
        _ = H.adj  # a small graph: reading the adjacency fills it now
    return H


def _fill(P: nx.Graph, names: list[str], codes: Any, data: list[dict[str, Any]] | None = None) -> None:
    # The adjacency add_edges_from would build from the sorted pair codes i * N + j (i < j), with
    # data[e] (default: a new empty dict) on edge e: one data dict shared by both directions, each
    # node's neighbours in rank order. Built per node with dict(zip(...)) from numpy-sorted
    # arrays instead of two dict writes per edge in Python.
    N = len(names)
    m = len(codes)
    i, j = np.divmod(codes, N)
    # node r's neighbours in rank order: first the x < r (pairs (x, r), by x), then the y > r
    # (pairs (r, y), already sorted by y); the codes are sorted by (i, j), so only the first
    # part needs a sort, a stable one by j
    by_j = np.argsort(j, kind="stable")
    names_arr = np.array(names, dtype=object)
    datas = np.empty(m, dtype=object)
    datas[:] = [{} for _ in range(m)] if data is None else data
    low_starts = np.searchsorted(j[by_j], np.arange(N + 1)).tolist()
    low_names, low_data = names_arr[i[by_j]].tolist(), datas[by_j].tolist()
    high_starts = np.searchsorted(i, np.arange(N + 1)).tolist()
    high_names, high_data = names_arr[j].tolist(), datas.tolist()
    adj = P._adj
    for r, name in enumerate(names):
        lo, hi = low_starts[r], low_starts[r + 1]
        if lo < hi:
            adj[name].update(zip(low_names[lo:hi], low_data[lo:hi], strict=True))
        lo, hi = high_starts[r], high_starts[r + 1]
        if lo < hi:
            adj[name].update(zip(high_names[lo:hi], high_data[lo:hi], strict=True))


def signed_network(G: nx.MultiDiGraph) -> nx.Graph:
    """Actors linked by alliances (``sign=+1``) and rivalries (``sign=-1``), undirected.

    Signs come from the ontology's predicate ``sign``. A pair both allied and rival (at
    different times, when not sliced with ``as_of``) counts as rival: open conflict is what
    breaks balance, and an alliance that turned to war is no longer an alliance.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from(["A", "B"], type="CriminalOrganization")
    >>> _ = G.add_edge("A", "B", predicate="rival_of")
    >>> signed_network(G).edges["A", "B"]["sign"]
    -1
    """
    onto = ontology.load()
    signs = {name: p.sign for name, p in onto.predicates.items() if p.sign}
    names, codes, sign = edgetable.signed_pairs(edgetable.edge_table(G), signs)
    S = nx.Graph()
    S.add_nodes_from((n, G._node[n]) for n in names)
    lo, hi = np.divmod(codes, max(1, len(names)))
    pairs = zip(lo.tolist(), hi.tolist(), sign.tolist(), strict=True)
    S.add_edges_from((names[i], names[j], {"sign": s}) for i, j, s in pairs)
    return S
