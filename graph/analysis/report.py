"""The fragmentation report: every measure as one JSON-ready dict, and its Markdown rendering."""

from __future__ import annotations

from collections.abc import Iterable
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
from ocgraph.graph.analysis.backend import edge_count, gc_paused

__all__ = ["SCHEMA_VERSION", "analyze", "to_markdown"]

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


def _r(x: float | None) -> float | None:
    # six decimals: enough to read, and the same bytes on every run and both backends
    return None if x is None else round(float(x), 6)


def _name(G: nx.Graph, n: Any) -> str:
    return G.nodes[n].get("name", str(n)) if n in G else str(n)


def _people(G: nx.Graph, nodes: Iterable[Any]) -> list[dict[str, str]]:
    return [{"id": str(n), "name": _name(G, n)} for n in nodes]


@gc_paused()
def analyze(
    G: Any,
    as_of: str | None = None,
    remove: Iterable[str] = (),
    strategy: str | None = None,
    k: int = 3,
    seed: int = 0,
    backend: str = "auto",
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
    conn = {}
    for label, net in (("criminal_network", C), ("person_network", P)):
        m = decapitation.metrics(net, seed, backend)
        if m.pop("DF_estimate"):
            estimates.append(f"connectivity.{label}.DF")
        conn[label] = {key: _r(v) if isinstance(v, float) else v for key, v in m.items()}
    out["connectivity"] = conn

    # concentration
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
    }

    # key players on the person network
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


def _table(headers: list[str], rows: list[list[Any]]) -> list[str]:
    def cell(x: Any) -> str:
        text = "—" if x is None else (f"{x:g}" if isinstance(x, float) else str(x))
        return text.replace("|", "\\|")

    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell(x) for x in row) + " |" for row in rows]
    return [*lines, ""]


def _leaves(tree: dict[str, Any]) -> str:
    more = tree["leaf_count"] - len(tree["leaves"])
    return ", ".join(tree["leaves"]) + (f" and {more} more" if more else "")


def to_markdown(report: dict[str, Any]) -> str:
    """The report as Markdown: short sections with tables, estimates flagged.

    Examples
    --------
    >>> print(to_markdown(analyze(nx.MultiDiGraph())))
    # Fragmentation report
    <BLANKLINE>
    - the graph is empty: there is nothing to analyze
    <BLANKLINE>
    """
    md = ["# Fragmentation report", ""]
    md += [f"- {note}" for note in report["notes"]]
    if report["notes"]:
        md.append("")
    if report["empty"]:
        return "\n".join(md)
    est = set(report["estimates"])
    g = report["graph"]
    md += ["## Graph", ""]
    md += _table(
        ["network", "nodes", "edges"],
        [
            ["typed graph", g["entities"], g["relations"]],
            ["criminal network", g["criminal_network"]["nodes"], g["criminal_network"]["edges"]],
            ["person network", g["person_network"]["nodes"], g["person_network"]["edges"]],
            ["signed network", g["signed_network"]["nodes"], g["signed_network"]["edges"]],
        ],
    )
    md += ["## Connectivity", ""]
    rows = []
    for label, m in report["connectivity"].items():
        df = f"{m['DF']:g}" + (" (estimate)" if f"connectivity.{label}.DF" in est else "")
        rows.append([label.replace("_", " "), m["components"], m["largest_fraction"], m["F"], df])
    md += _table(["network", "components", "largest component", "F", "DF"], rows)
    c = report["concentration"]
    md += ["## Concentration", ""]
    md += [
        f"{c['organizations_with_members']} organizations with known members; "
        f"HHI {c['hhi'] if c['hhi'] is not None else '—'}, effective number of groups "
        f"{c['effective_number'] if c['effective_number'] is not None else '—'}.",
        "",
    ]
    md += _table(["organization", "members"], [[o["name"], o["members"]] for o in c["largest"]])
    md += ["## Splinter and faction lineage", ""]
    lin = report["lineage"]
    if not lin["roots"]:
        md += ["No splinter or faction relations.", ""]
    else:
        md += [f"{lin['groups']} groups descend from {lin['roots']} roots; the largest trees:", ""]
        md += _table(
            ["root", "descendants", "depth", "generation widths", "leaves"],
            [[t["root"], t["descendants"], t["depth"], t["widths"], _leaves(t)] for t in lin["largest"]],
        )
    t = report["timeline"]
    md += ["## Timeline", "", f"{t['undated_relations']} relations have no dates.", ""]
    years = sorted(set(t["active_per_year"]) | set(t["splinters_per_year"]))
    if not years:
        md += ["No dated relations: no yearly counts.", ""]
    md += (
        []
        if not years
        else _table(
            ["year", "organizations active", "splinter events"],
            [[y, t["active_per_year"].get(y, 0), t["splinters_per_year"].get(y, 0)] for y in years],
        )
    )
    kp = report["key_players"]
    md += ["## Key players (person network)", ""]
    if kp["betweenness_pivots"]:
        md += [f"Betweenness is an estimate from {kp['betweenness_pivots']} sampled pivots.", ""]
    rows = []
    for i in range(max(len(kp["degree"]), len(kp["betweenness"]))):
        d = kp["degree"][i] if i < len(kp["degree"]) else None
        b = kp["betweenness"][i] if i < len(kp["betweenness"]) else None
        rows.append([i + 1, d and d["name"], d and d["score"], b and b["name"], b and b["score"]])
    md += _table(["rank", "degree", "score", "betweenness", "score"], rows)
    if kp["kpp_neg"]:
        kpp = kp["kpp_neg"]
        names = ", ".join(p["name"] for p in kpp["set"]) or "—"
        md += [
            f"Best {kpp['k']} to fragment the network (KPP-Neg): {names}; F after removal {kpp['F']:g}.",
            "",
        ]
    cm = report["communities"]
    md += ["## Communities (criminal network, Louvain)", ""]
    md += [f"{cm['count']} communities, modularity {cm['modularity']} (seed {cm['seed']}).", ""]
    md += _table(
        ["size", "members (first 10)"], [[x["size"], ", ".join(x["members"])] for x in cm["largest"]]
    )
    b = report["balance"]
    md += ["## Structural balance (alliances +, rivalries −)", ""]
    md += [
        f"{b['positive_edges']} alliances, {b['negative_edges']} rivalries; balanced share of triangles: "
        f"{b['balanced_ratio'] if b['balanced_ratio'] is not None else '— (no triangles)'}.",
        "",
    ]
    md += _table(["+++", "++−", "+−−", "−−−"], [[b["triangles"][p] for p in balance.PATTERNS]])
    if b["rivalries"]:
        md += _table(["rival", "rival"], b["rivalries"])
    r = report["robustness"]
    md += ["## Robustness of the person network", ""]
    md += _table(
        ["attack", "R"],
        [[s + (" (estimate)" if f"robustness.{s}" in est else ""), r[s]["R"]] for s in robustness.STRATEGIES],
    )
    d = report["decapitation"]
    if d:
        md += ["## Decapitation", ""]
        how = f"top {d['k']} by {d['strategy']}" if d["strategy"] else "named"
        md += [f"Removed ({how}): {', '.join(p['name'] for p in d['removed']) or 'nobody'}.", ""]
        md += _table(
            ["", "nodes", "components", "largest component", "F", "DF"],
            [
                [phase, m["nodes"], m["components"], m["largest_fraction"], m["F"], m["DF"]]
                for phase, m in (("before", d["before"]), ("after", d["after"]))
            ],
        )
        md += _table(
            ["organization", "removed leaders", "remaining leaders", "leaderless", "successors"],
            [
                [
                    o["name"],
                    ", ".join(o["removed_leaders"]),
                    ", ".join(o["remaining_leaders"]) or "—",
                    "yes" if o["leaderless"] else "no",
                    ", ".join(o["successors"]) or ("none" if o["leaderless"] else "—"),
                ]
                for o in d["organizations"]
            ],
        )
    if report["estimates"]:
        md += ["Estimates (sampled): " + ", ".join(report["estimates"]) + ".", ""]
    return "\n".join(md)
