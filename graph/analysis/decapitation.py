"""Decapitation: remove named leaders or the top k by a strategy; what splits and who is left leading."""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import Any

import networkx as nx

from ocgraph.errors import InputError
from ocgraph.graph.analysis import keyplayers
from ocgraph.graph.analysis.backend import edge_count
from ocgraph.graph.analysis.connectivity import (
    component_sizes,
    distance_fragmentation,
    fragmentation_from_sizes,
)
from ocgraph.graph.analysis.projection import edge_triples, leaders, without
from ocgraph.graph.ids import closest, fold

__all__ = ["STRATEGIES", "disruption", "leaderless", "metrics", "resolve_persons", "select"]

STRATEGIES = ("betweenness", "degree", "kpp", "random")


def resolve_persons(G: nx.Graph, names: Iterable[str]) -> list[str]:
    """The person nodes named `names` (by id, name or alias, ignoring case and accents).

    Raises InputError naming the closest persons when a name matches nobody, and listing the
    candidates when it matches several.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_node("person/k", type="Person", name="Kiko Kingpin", aliases=["El Rey"])
    >>> resolve_persons(G, ["el rey"])
    ['person/k']
    >>> resolve_persons(G, ["Kiko Kingpn"])
    Traceback (most recent call last):
    ...
    ocgraph.errors.InputError: --remove 'Kiko Kingpn' matches no person; closest: Kiko Kingpin
    """
    people = {n: d for n, d in G.nodes(data=True) if d.get("type", "Person") == "Person"}
    by_name: dict[str, set[str]] = {}
    for n, d in people.items():
        for label in [str(n), d.get("name", str(n)), *d.get("aliases", ())]:
            by_name.setdefault(fold(label), set()).add(n)
    out: list[str] = []
    for name in names:
        found = sorted(by_name.get(fold(name), ()))
        if not found:
            # match against names and aliases alike, then show each hit by its canonical name
            hint = closest(
                name,
                (
                    (d.get("name", str(n)), [d.get("name", str(n)), *d.get("aliases", ())])
                    for n, d in sorted(people.items())
                ),
            )
            tail = f"closest: {', '.join(hint)}" if hint else "no person has a similar name"
            raise InputError(f"--remove {name!r} matches no person; {tail}")
        if len(found) > 1:
            raise InputError(
                f"--remove {name!r} matches {len(found)} persons: {', '.join(found)}; give an id"
            )
        if found[0] not in out:
            out.append(found[0])
    return out


def select(P: nx.Graph, strategy: str, k: int, seed: int = 0, backend: str = "auto") -> list[Any]:
    """The `k` persons a strategy removes: top by betweenness or degree, KPP-Neg, or seeded random.

    Examples
    --------
    >>> G = nx.Graph([("A", "B"), ("B", "C"), ("A", "C"), ("D", "E"), ("E", "F"), ("D", "F"),
    ...               ("C", "X"), ("X", "D")])
    >>> select(G, "betweenness", 2), select(G, "kpp", 2)
    (['X', 'C'], ['C', 'D'])
    """
    if strategy not in STRATEGIES:
        raise InputError(f"--strategy must be one of {', '.join(STRATEGIES)}, not {strategy!r}")
    if k < 0:
        raise InputError(f"--k must be 0 or more, not {k}")
    if strategy == "random":
        return random.Random(seed).sample(sorted(P, key=str), min(k, P.number_of_nodes()))
    if strategy == "kpp":
        return keyplayers.kpp_neg(P, k, backend=backend)[0]
    if strategy == "degree":
        scores = keyplayers.degree(P)
    else:
        scores = keyplayers.betweenness(P, k=keyplayers.sample_size(P), seed=seed, backend=backend)
    return [v for v, _ in keyplayers.top(scores, k)]


def metrics(P: nx.Graph, seed: int = 0, backend: str = "auto") -> dict[str, Any]:
    """Nodes, edges, components, largest-component fraction, F and DF (DF sampled on big graphs).

    Examples
    --------
    >>> metrics(nx.star_graph(["K", "L1", "L2", "L3", "L4"]))  # doctest: +NORMALIZE_WHITESPACE
    {'nodes': 5, 'edges': 4, 'components': 1, 'largest_fraction': 1.0, 'F': 0.0, 'DF': 0.3,
     'DF_estimate': False}
    """
    n = P.number_of_nodes()
    sizes = component_sizes(P, backend) if n else []
    k = keyplayers.sample_size(P)
    return {
        "nodes": n,
        "edges": edge_count(P),
        "components": len(sizes),
        "largest_fraction": sizes[0] / n if n else 0.0,
        "F": fragmentation_from_sizes(sizes),
        "DF": round(distance_fragmentation(P, k=k, seed=seed, backend=backend), 12),
        "DF_estimate": k is not None,
    }


def leaderless(G: nx.MultiDiGraph, removed: Iterable[str]) -> list[dict[str, Any]]:
    """Organizations that lose a leader: who is left leading, and successors when no one is.

    A successor is a person the removed leader is ``succeeded_by`` who is not removed too.

    Examples
    --------
    Example 5 of docs/fragmentation.md, removing K:

    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from(["K", "L1", "M"], type="Person")
    >>> G.add_nodes_from(["O1", "O2"], type="CriminalOrganization")
    >>> for u, p, v in [("K", "leader_of", "O1"), ("L1", "member_of", "O1"), ("M", "leader_of", "O2"),
    ...                 ("K", "succeeded_by", "L1")]:
    ...     _ = G.add_edge(u, v, predicate=p)
    >>> leaderless(G, ["K"])  # doctest: +NORMALIZE_WHITESPACE
    [{'organization': 'O1', 'removed_leaders': ['K'], 'remaining_leaders': [], 'leaderless': True,
      'successors': ['L1']}]
    """
    gone = set(removed)
    successors: dict[str, set[str]] = {}
    for u, v, p in edge_triples(G):
        if p == "succeeded_by" and G.nodes[u].get("type") == "Person" and G.nodes[v].get("type") == "Person":
            successors.setdefault(u, set()).add(v)
    out = []
    for org, heads in leaders(G).items():
        lost = [h for h in heads if h in gone]
        if not lost:
            continue
        left = [h for h in heads if h not in gone]
        next_up = (
            sorted({s for h in lost for s in successors.get(h, ()) if s not in gone}) if not left else []
        )
        out.append(
            {
                "organization": org,
                "removed_leaders": lost,
                "remaining_leaders": left,
                "leaderless": not left,
                "successors": next_up,
            }
        )
    return out


def disruption(
    G: nx.MultiDiGraph, P: nx.Graph, removed: Iterable[str], seed: int = 0, backend: str = "auto"
) -> dict[str, Any]:
    """Person-network metrics before and after removing `removed`, and the organizations hit.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from(["K", "L1", "L2"], type="Person")
    >>> G.add_node("O", type="CriminalOrganization")
    >>> for u, p in [("K", "leader_of"), ("L1", "member_of"), ("L2", "member_of")]:
    ...     _ = G.add_edge(u, "O", predicate=p)
    >>> P = nx.Graph([("K", "L1"), ("K", "L2")])
    >>> d = disruption(G, P, ["K"])
    >>> d["before"]["F"], d["after"]["F"], d["organizations"][0]["leaderless"]
    (0.0, 1.0, True)
    """
    removed = list(removed)
    after = without(P, removed)
    return {
        "removed": removed,
        "before": metrics(P, seed, backend),
        "after": metrics(after, seed, backend),
        "organizations": leaderless(G, removed),
    }
