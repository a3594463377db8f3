"""The typed graph's edges as numpy arrays, and the projections' node pairs computed from them."""

from __future__ import annotations

from collections.abc import Iterable
from operator import itemgetter
from typing import Any, NamedTuple

import networkx as nx
import numpy as np

from ocgraph.graph.analysis import backend

__all__ = [
    "ORGANIZATION",
    "PERSON",
    "EdgeTable",
    "criminal_pairs",
    "edge_records",
    "edge_table",
    "memberships",
    "person_pairs",
    "ranges",
    "signed_pairs",
]

# node kinds in EdgeTable.kind
OTHER, PERSON, ORGANIZATION = 0, 1, 2
_KINDS = {"Person": PERSON, "CriminalOrganization": ORGANIZATION}


class EdgeTable(NamedTuple):
    """Every edge of a typed graph as integers: one Python walk, then numpy for each projection."""

    nodes: list[Any]  # G's nodes, in G's order: a node's index is its position here
    kind: Any  # per node: OTHER, PERSON or ORGANIZATION
    src: Any  # per edge, in G.edges order: the subject's index
    dst: Any  # the object's index
    pred: Any  # the predicate's code: an index into `predicates`
    predicates: list[Any]  # predicate names in order of first appearance
    dates: tuple[tuple[Any, ...], tuple[Any, ...], tuple[Any, ...]]  # per edge: start, end, date


def edge_records(G: nx.MultiDiGraph) -> list[tuple[Any, Any, dict[str, Any]]]:
    """Every edge as (subject, object, data), in G.edges order (read once per graph in a cache scope).

    Examples
    --------
    >>> edge_records(nx.MultiDiGraph([("K", "O", {"predicate": "leader_of"})]))
    [('K', 'O', {'predicate': 'leader_of'})]
    """
    return backend.memo(G, "records", lambda: _records(G))


def _records(G: nx.Graph) -> list[tuple[Any, Any, dict[str, Any]]]:
    if G.is_multigraph() and G.is_directed():
        # the adjacency read directly, in the edge view's order: the view costs a generator step
        # per edge
        return [(u, v, d) for u, nbrs in G._adj.items() for v, kd in nbrs.items() for d in kd.values()]
    # iter(): list() of the view itself first asks its length, a second walk over every edge
    return list(iter(G.edges(data=True)))


def edge_table(G: nx.MultiDiGraph) -> EdgeTable:
    """G's edges as index arrays (built once per graph in a `backend.cache_scope`).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("K", {"type": "Person"}), ("O", {"type": "CriminalOrganization"})])
    >>> _ = G.add_edge("K", "O", predicate="leader_of", start="2010")
    >>> t = edge_table(G)
    >>> t.kind.tolist(), t.src.tolist(), t.dst.tolist(), [t.predicates[p] for p in t.pred], t.dates
    ([1, 2], [0], [1], ['leader_of'], (('2010',), (None,), (None,)))
    """
    return backend.memo(G, "table", lambda: _table(G))


def _table(G: nx.MultiDiGraph) -> EdgeTable:
    nodes = list(G)
    index = {n: i for i, n in enumerate(nodes)}
    kind = np.fromiter((_KINDS.get(t, OTHER) for _, t in G.nodes(data="type")), np.int8, len(nodes))
    records = edge_records(G)
    m = len(records)
    src = np.fromiter(map(index.__getitem__, map(itemgetter(0), records)), np.int64, m)
    dst = np.fromiter(map(index.__getitem__, map(itemgetter(1), records)), np.int64, m)
    # each edge dict read once, for everything the measures need from it: on big graphs the
    # dicts lie all over memory and reaching them is most of the cost
    rows = [(d.get("predicate"), d.get("start"), d.get("end"), d.get("date")) for _, _, d in records]
    preds, starts, ends, dates = zip(*rows, strict=True) if rows else ((), (), (), ())
    codes = {p: i for i, p in enumerate(dict.fromkeys(preds))}
    pred = np.fromiter(map(codes.__getitem__, preds), np.int64, m)
    return EdgeTable(nodes, kind, src, dst, pred, list(codes), (starts, ends, dates))


def _is(t: EdgeTable, names: Iterable[str]) -> Any:
    # per edge: whether its predicate is one of `names`
    names = set(names)
    wanted = [i for i, p in enumerate(t.predicates) if p in names]
    return np.isin(t.pred, wanted)


def memberships(t: EdgeTable) -> Any:
    """Per edge: whether it makes a person part of a criminal organization (member or leader).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("K", type="Person")
    >>> G.add_node("O", type="CriminalOrganization")
    >>> _ = G.add_edge("K", "O", predicate="leader_of")
    >>> _ = G.add_edge("O", "K", predicate="sanctioned_by")
    >>> memberships(edge_table(G)).tolist()
    [True, False]
    """
    role = (t.kind[t.src] == PERSON) & (t.kind[t.dst] == ORGANIZATION)
    return role & _is(t, ["member_of", "leader_of"])


def ranges(starts: Any, counts: Any) -> Any:
    """The indices starts[i] .. starts[i] + counts[i] - 1 for every i, one after the other.

    Examples
    --------
    >>> ranges(np.array([5, 0, 2]), np.array([2, 0, 3])).tolist()
    [5, 6, 2, 3, 4]
    """
    counts = np.asarray(counts, dtype=np.int64)
    ends = np.cumsum(counts)
    return np.repeat(np.asarray(starts, dtype=np.int64) - (ends - counts), counts) + np.arange(
        int(ends[-1]) if len(ends) else 0
    )


def _ranked(t: EdgeTable, chosen: Any) -> tuple[list[Any], Any]:
    # the chosen nodes sorted by id, and each node's rank among them (-1 when not chosen)
    order = sorted(chosen.tolist(), key=t.nodes.__getitem__)
    rank = np.full(len(t.nodes), -1, dtype=np.int64)
    rank[order] = np.arange(len(order))
    return [t.nodes[i] for i in order], rank


def _codes(lo: Any, hi: Any, n: int) -> Any:
    # unordered pairs of ranks as one integer (smaller rank first), pairs of a node with itself dropped
    a, b = np.minimum(lo, hi), np.maximum(lo, hi)
    keep = a != b
    return a[keep] * n + b[keep]


def _by_node(owner: Any, member: Any, n_nodes: int) -> tuple[Any, Any, Any]:
    # the distinct (owner, member) pairs sorted by owner, with each owner's slice start and length
    pairs = np.unique(owner * n_nodes + member)
    owners, members = np.divmod(pairs, n_nodes)
    counts = np.bincount(owners, minlength=n_nodes)
    return members, np.cumsum(counts) - counts, counts


def person_pairs(
    t: EdgeTable, authority: Iterable[str], person_links: Iterable[str]
) -> tuple[list[Any], Any]:
    """The person projection's nodes (sorted ids) and its edges as sorted distinct pair codes.

    A pair of ranks i < j is coded i * N + j, N the number of persons. Persons are those with a
    non-`authority` tie to a person or criminal organization; each organization links its leaders
    to its members and co-leaders, `person_links` between persons stay, and ``allied_with`` links
    the leaders of each side (a person ally standing for themself): as
    `projection.person_projection` describes.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from(["K", "L"], type="Person")
    >>> G.add_node("O", type="CriminalOrganization")
    >>> _ = G.add_edge("K", "O", predicate="leader_of")
    >>> _ = G.add_edge("L", "O", predicate="member_of")
    >>> names, codes = person_pairs(edge_table(G), ["sanctioned_by"], ["child_of"])
    >>> names, codes.tolist()
    (['K', 'L'], [1])
    """
    kind, src, dst, V = t.kind, t.src, t.dst, max(1, len(t.nodes))
    criminal = kind != OTHER
    ties = ~_is(t, authority) & criminal[src] & criminal[dst]
    ends = np.concatenate([src[ties], dst[ties]])
    names, rank = _ranked(t, np.unique(ends[kind[ends] == PERSON]))
    N = len(names)
    crew = memberships(t)
    lead = crew & _is(t, ["leader_of"])
    chunks = []
    # every leader with everyone in the group (members and leaders), one slice per leader
    members, start, count = _by_node(dst[crew], src[crew], V)
    boss, org = src[lead], dst[lead]
    chunks.append(_codes(np.repeat(rank[boss], count[org]), rank[members[ranges(start[org], count[org])]], N))
    # person-to-person ties
    link = _is(t, person_links) & (kind[src] == PERSON) & (kind[dst] == PERSON)
    chunks.append(_codes(rank[src[link]], rank[dst[link]], N))
    # alliances: each side is its leaders (an organization) or itself (a person of the network)
    alone = np.flatnonzero((kind != ORGANIZATION) & (rank >= 0))
    side, s_start, s_count = _by_node(
        np.concatenate([dst[lead], alone]), np.concatenate([src[lead], alone]), V
    )
    ally = _is(t, ["allied_with"])
    u, v = src[ally], dst[ally]
    rows = np.repeat(np.arange(len(u)), s_count[u])  # one row per (alliance, leader on u's side)
    a = side[ranges(s_start[u], s_count[u])]
    w = v[rows]
    b = side[ranges(s_start[w], s_count[w])]
    chunks.append(_codes(np.repeat(rank[a], s_count[w]), rank[b], N))
    # sorted, duplicates dropped: a sort and a mask (np.unique's hash table is several times slower)
    codes = np.sort(np.concatenate(chunks))
    if len(codes):
        codes = codes[np.concatenate(([True], codes[1:] != codes[:-1]))]
    return names, codes


def criminal_pairs(t: EdgeTable, authority: Iterable[str]) -> tuple[list[Any], Any, Any, list[list[Any]]]:
    """The criminal network: actors (sorted ids), kept ranks, sorted pair codes, their predicates.

    Actors are all persons and criminal organizations; kept are the organizations and every
    actor with a non-`authority` tie to another actor. Each distinct pair (coded as in
    `person_pairs`) has the sorted list of predicates that link it.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("K", {"type": "Person"}), ("O", {"type": "CriminalOrganization"})])
    >>> _ = G.add_edge("K", "O", predicate="member_of")
    >>> _ = G.add_edge("K", "O", predicate="leader_of")
    >>> names, kept, codes, preds = criminal_pairs(edge_table(G), ["sanctioned_by"])
    >>> names, kept.tolist(), codes.tolist(), preds
    (['K', 'O'], [0, 1], [1], [['leader_of', 'member_of']])
    """
    kind, src, dst = t.kind, t.src, t.dst
    names, rank = _ranked(t, np.flatnonzero(kind != OTHER))
    N = len(names)
    tie = ~_is(t, authority) & (rank[src] >= 0) & (rank[dst] >= 0) & (src != dst)
    # predicates ranked by name, so sorting a pair's codes sorts its names
    by_name = sorted(range(len(t.predicates)), key=lambda p: (t.predicates[p] is None, str(t.predicates[p])))
    p_rank = np.empty(len(by_name), dtype=np.int64)
    p_rank[by_name] = np.arange(len(by_name))
    lo, hi = np.minimum(rank[src[tie]], rank[dst[tie]]), np.maximum(rank[src[tie]], rank[dst[tie]])
    K = max(1, len(by_name))
    rows = np.unique((lo * N + hi) * K + p_rank[t.pred[tie]])
    pair, p = np.divmod(rows, K)
    preds: list[list[Any]] = []
    last = -1
    for code, name in zip(pair.tolist(), (t.predicates[by_name[i]] for i in p.tolist()), strict=True):
        if code != last:
            preds.append([name])
            last = code
        else:
            preds[-1].append(name)
    codes = pair[np.concatenate(([True], pair[1:] != pair[:-1]))] if len(pair) else pair
    org_ranks = rank[kind == ORGANIZATION]
    kept = np.unique(np.concatenate([org_ranks, *np.divmod(codes, max(1, N))]))
    return names, kept, codes, preds


def signed_pairs(t: EdgeTable, signs: dict[str, int]) -> tuple[list[Any], Any, Any]:
    """The signed network: nodes (sorted ids), sorted pair codes and each pair's sign.

    Pairs are coded as in `person_pairs`; a pair with edges of both signs is negative.

    Examples
    --------
    >>> G = nx.MultiDiGraph([("B", "A", {"predicate": "allied_with"}), ("A", "B", {"predicate": "rival_of"}),
    ...                      ("B", "C", {"predicate": "allied_with"})])
    >>> names, codes, sign = signed_pairs(edge_table(G), {"allied_with": 1, "rival_of": -1})
    >>> names, codes.tolist(), sign.tolist()
    (['A', 'B', 'C'], [1, 5], [-1, 1])
    """
    per_edge = np.array([signs.get(p, 0) if isinstance(p, str) else 0 for p in t.predicates], dtype=np.int64)
    sign = per_edge[t.pred] if len(t.pred) else np.empty(0, dtype=np.int64)
    keep = (sign != 0) & (t.src != t.dst)
    src, dst, sign = t.src[keep], t.dst[keep], sign[keep]
    names, rank = _ranked(t, np.unique(np.concatenate([src, dst])))
    N = max(1, len(names))
    code = np.minimum(rank[src], rank[dst]) * N + np.maximum(rank[src], rank[dst])
    # by pair, then sign: the first row of each pair has its smallest sign
    rows = np.lexsort((sign, code))
    code, sign = code[rows], sign[rows]
    first = np.concatenate(([True], code[1:] != code[:-1])) if len(code) else np.zeros(0, dtype=bool)
    return names, code[first], sign[first]
