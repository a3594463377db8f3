"""The fragmentation report: every measure as one JSON-ready dict (Markdown in analysis.markdown)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import networkx as nx

from ocgraph.graph.analysis import (
    balance,
    communities,
    concentration,
    decapitation,
    keyplayers,
    lineage,
    projection,
    robustness,
    timeline,
)
from ocgraph.graph.analysis.backend import cache_scope, edge_count, gc_paused
from ocgraph.graph.analysis.markdown import to_markdown

__all__ = ["SCHEMA_VERSION", "STEPS", "analyze", "to_markdown"]

SCHEMA_VERSION = 1
TOP = 10
CURVE_POINTS = 101
# On big graphs adaptive attacks recompute scores this many times (not after every removal),
# with betweenness from ROBUSTNESS_PIVOTS pivots: the curves are then estimates.
ROBUSTNESS_ROUNDS = 20
ROBUSTNESS_PIVOTS = 16
# Exact adaptive attacks (a recomputation after every removal, O(n²m)) up to this many persons;
# above, ROBUSTNESS_ROUNDS rounds with exact scores, and pivots only above SAMPLE_THRESHOLD.
ROBUSTNESS_EXACT = 500
# The steps `analyze` reports to its `progress` callback, in order (big graphs take minutes).
STEPS = (
    "networks",
    "connectivity",
    "concentration, lineage and time",
    "key players",
    "communities",
    "balance",
    *(f"robustness under {s} attack" for s in robustness.STRATEGIES),
    "decapitation",
)


def _r(x: float | None) -> float | None:
    # six decimals: enough to read, and the same bytes on every run and both backends
    return None if x is None else round(float(x), 6)


def _name(G: nx.Graph, n: Any) -> str:
    return G.nodes[n].get("name", str(n)) if n in G else str(n)


def _people(G: nx.Graph, nodes: Iterable[Any]) -> list[dict[str, str]]:
    return [{"id": str(n), "name": _name(G, n)} for n in nodes]


@gc_paused()
@cache_scope()  # the measures share each graph's edge table and igraph copy, for this report only
def analyze(
    G: Any,
    as_of: str | None = None,
    remove: Iterable[str] = (),
    strategy: str | None = None,
    k: int = 3,
    seed: int = 0,
    backend: str = "auto",
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """The full fragmentation report of a typed graph (or a KnowledgeGraph).

    Parameters
    ----------
    G : networkx.MultiDiGraph or KnowledgeGraph
    as_of : str, optional
        Slice every measure to edges holding on this date (YYYY, YYYY-MM or YYYY-MM-DD).
    remove : names or ids of persons to remove (decapitation scenario)
    strategy : {"betweenness", "degree", "kpp", "random"}, optional
        Remove the top `k` persons by this strategy instead (or as well).
    seed : fixes sampled pivots, Louvain and random removal.
    progress : called with each of `STEPS` as it starts.

    Examples
    --------
    >>> report = analyze(nx.MultiDiGraph())
    >>> report["schema_version"], report["empty"], report["notes"]
    (1, True, ['the graph is empty: there is nothing to analyze'])
    """
    G = projection.typed_graph(G)
    out: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "as_of": None, "empty": False, "notes": []}
    estimates: list[str] = []
    if G.number_of_nodes() == 0:
        out["empty"] = True
        out["notes"].append("the graph is empty: there is nothing to analyze")
        return out
    if as_of:
        G = timeline.as_of(G, as_of)
        info = G.graph["as_of"]
        out["as_of"] = info
        out["notes"].append(
            f"as of {as_of}: kept {info['kept']} of {info['edges']} relations, "
            f"{info['kept_undated']} of them without dates (kept because nothing says when they held)"
        )
    starting = progress or (lambda _name: None)
    starting(STEPS[0])
    C = projection.criminal_network(G)
    P = projection.person_projection(G, reasons=False)
    S = projection.signed_network(G)
    names = G

    years = timeline.yearly(G)  # one pass over the edge dicts for all the time figures
    out["graph"] = {
        "entities": G.number_of_nodes(),
        "relations": len(projection.edge_triples(G)),
        "undated_relations": years["undated"],
        "criminal_network": {"nodes": C.number_of_nodes(), "edges": edge_count(C)},
        "person_network": {"nodes": P.number_of_nodes(), "edges": edge_count(P)},
        "signed_network": {"nodes": S.number_of_nodes(), "edges": edge_count(S)},
    }
    if P.number_of_nodes() == 0:
        out["notes"].append("no persons in the criminal network: person measures are empty")

    # connectivity
    starting("connectivity")
    conn = {}
    for label, net in (("criminal_network", C), ("person_network", P)):
        m = decapitation.metrics(net, seed, backend)
        if m.pop("DF_estimate"):
            estimates.append(f"connectivity.{label}.DF")
        conn[label] = {key: _r(v) if isinstance(v, float) else v for key, v in m.items()}
    out["connectivity"] = conn

    # concentration
    starting("concentration, lineage and time")
    sizes = concentration.organization_sizes(G)
    biggest = sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
    out["concentration"] = {
        "organizations_with_members": len(sizes),
        "hhi": _r(concentration.hhi(sizes)),
        "effective_number": _r(concentration.effective_number(sizes)),
        "largest": [{"id": o, "name": _name(names, o), "members": n} for o, n in biggest],
    }

    # lineage and time
    trees = lineage.lineage(G)
    out["lineage"] = {
        "roots": len(trees),
        "groups": sum(t["descendants"] + 1 for t in trees),
        "largest": [
            {
                "root": _name(names, t["root"]),
                "descendants": t["descendants"],
                "depth": t["depth"],
                "widths": t["widths"],
                "leaf_count": len(t["leaves"]),
                "leaves": [_name(names, leaf) for leaf in t["leaves"][: TOP * 2]],
            }
            for t in trees[:TOP]
        ],
    }
    out["timeline"] = {
        "active_per_year": {str(y): n for y, n in years["active_per_year"].items()},
        "splinters_per_year": {str(y): n for y, n in years["splinters_per_year"].items()},
        "undated_relations": out["graph"]["undated_relations"],
        "dated_relations": out["graph"]["relations"] - out["graph"]["undated_relations"],
    }

    # key players on the person network
    starting("key players")
    pivots = keyplayers.sample_size(P)
    btw = keyplayers.betweenness(P, k=pivots, seed=seed, backend=backend)
    if pivots:
        estimates.append("key_players.betweenness")
    key: dict[str, Any] = {
        "network": "person_network",
        "degree": [
            {**_people(P, [v])[0], "score": _r(s)} for v, s in keyplayers.top(keyplayers.degree(P), TOP)
        ],
        "betweenness": [{**_people(P, [v])[0], "score": _r(s)} for v, s in keyplayers.top(btw, TOP)],
        "betweenness_pivots": pivots,
    }
    if P.number_of_nodes() <= keyplayers.SAMPLE_THRESHOLD:
        chosen, f = keyplayers.kpp_neg(P, k, backend=backend)
        key["kpp_neg"] = {"k": k, "set": _people(P, chosen), "F": _r(f)}
    else:
        key["kpp_neg"] = None
        out["notes"].append(
            "KPP-Neg is skipped on big networks in the full report; ask for it with --strategy kpp"
        )
    out["key_players"] = key

    # communities on the criminal network: groups and people together show the factions
    starting("communities")
    comms = communities.louvain(C, seed=seed, backend=backend) if C.number_of_nodes() else []
    out["communities"] = {
        "network": "criminal_network",
        "seed": seed,
        "count": len(comms),
        "modularity": _r(communities.modularity(C, comms, backend)) if comms else None,
        "largest": [
            {"size": len(c), "members": [_name(C, v) for v in sorted(c, key=str)[:TOP]]} for c in comms[:TOP]
        ],
    }

    # signed balance
    starting("balance")
    tri = balance.triangle_signs(S)
    negative = sorted((u, v) for u, v, s in S.edges(data="sign") if s < 0)
    out["balance"] = {
        "positive_edges": edge_count(S) - len(negative),
        "negative_edges": len(negative),
        "triangles": tri,
        "balanced_ratio": _r(balance.balance_ratio(tri)),
        "rivalries": [[_name(S, u), _name(S, v)] for u, v in negative[: TOP * 2]],
    }

    # robustness of the person network
    big = P.number_of_nodes() > keyplayers.SAMPLE_THRESHOLD
    rounded = P.number_of_nodes() > ROBUSTNESS_EXACT
    rob = {}
    for strat in robustness.STRATEGIES:
        starting(f"robustness under {strat} attack")
        rounds = ROBUSTNESS_ROUNDS if rounded and strat != "random" else None
        r, curve, _ = robustness.robustness(
            P, strat, seed=seed, rounds=rounds, k=ROBUSTNESS_PIVOTS if big else None, backend=backend
        )
        if rounds:
            estimates.append(f"robustness.{strat}")
        step = max(1, (len(curve) - 1) // (CURVE_POINTS - 1))
        points = list(range(0, len(curve), step))
        if points[-1] != len(curve) - 1:
            points.append(len(curve) - 1)
        rob[strat] = {"R": _r(r), "removed": points, "largest_fraction": [_r(curve[q]) for q in points]}
    out["robustness"] = {"network": "person_network", "nodes": P.number_of_nodes(), **rob}

    # decapitation scenario
    starting("decapitation")
    removed = decapitation.resolve_persons(G, remove) if remove else []
    if strategy:
        extra = decapitation.select(P, strategy, k, seed=seed, backend=backend)
        removed += [v for v in extra if v not in removed]
    if remove or strategy:
        d = decapitation.disruption(G, P, removed, seed=seed, backend=backend)
        for phase in ("before", "after"):
            d[phase] = {key: _r(v) if isinstance(v, float) else v for key, v in d[phase].items()}
        out["decapitation"] = {
            "strategy": strategy,
            "k": k if strategy else None,
            "removed": _people(G, removed),
            "before": d["before"],
            "after": d["after"],
            "organizations": [
                {
                    "id": o["organization"],
                    "name": _name(G, o["organization"]),
                    "removed_leaders": [_name(G, p) for p in o["removed_leaders"]],
                    "remaining_leaders": [_name(G, p) for p in o["remaining_leaders"]],
                    "leaderless": o["leaderless"],
                    "successors": [_name(G, p) for p in o["successors"]],
                }
                for o in d["organizations"]
            ],
        }
    else:
        out["decapitation"] = None
    out["estimates"] = sorted(estimates)
    return out
