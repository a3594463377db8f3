"""The splinter and faction forest: which groups came out of which, over how many generations."""

from __future__ import annotations

from typing import Any

import networkx as nx

__all__ = ["LINEAGE_PREDICATES", "lineage", "lineage_forest"]

LINEAGE_PREDICATES = ("splinter_of", "faction_of")


def lineage_forest(G: nx.MultiDiGraph) -> nx.DiGraph:
    """Parent → child edges from ``splinter_of`` and ``faction_of`` (child splinter_of parent).

    Edges carry ``kind`` (the predicate); both kinds between one pair give ``splinter_of``,
    the stronger break.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("C1", "P", predicate="splinter_of")
    >>> list(lineage_forest(G).edges(data="kind"))
    [('P', 'C1', 'splinter_of')]
    """
    F = nx.DiGraph()
    for child, parent, p in sorted(G.edges(data="predicate"), key=lambda e: (e[0], e[1], str(e[2]))):
        if p in LINEAGE_PREDICATES and child != parent:
            for n in (parent, child):
                if n not in F:
                    F.add_node(n, **G.nodes[n])
            if not F.has_edge(parent, child) or p == "splinter_of":
                F.add_edge(parent, child, kind=p)
    return F


def lineage(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One record per root of the forest: descendants, depth, generation widths, leaves.

    Roots are groups that came out of no other; a cycle of claims (A from B, B from A) with no
    root is entered at its smallest id. Generations count by shortest descent from the root.
    Records are sorted by number of descendants (most first), then root id.

    Examples
    --------
    The design note's example 4:

    >>> G = nx.MultiDiGraph()
    >>> for child, parent in [("C1", "P"), ("C2", "P"), ("C1a", "C1"), ("C1b", "C1"), ("C1a-i", "C1a")]:
    ...     _ = G.add_edge(child, parent, predicate="splinter_of")
    >>> tree = lineage(G)[0]
    >>> tree["root"], tree["descendants"], tree["depth"], tree["widths"], tree["leaves"]
    ('P', 5, 3, [1, 2, 2, 1], ['C1a-i', 'C1b', 'C2'])
    """
    F = lineage_forest(G)
    roots = sorted(n for n in F if F.in_degree(n) == 0)
    reached = set().union(*(nx.descendants(F, r) | {r} for r in roots)) if roots else set()
    for n in sorted(F):  # groups only reachable through a cycle
        if n not in reached:
            roots.append(n)
            reached |= nx.descendants(F, n) | {n}
    out = []
    for root in roots:
        depth_of = nx.single_source_shortest_path_length(F, root)
        widths = [0] * (max(depth_of.values()) + 1)
        for d in depth_of.values():
            widths[d] += 1
        out.append(
            {
                "root": root,
                "descendants": len(depth_of) - 1,
                "depth": len(widths) - 1,
                "widths": widths,
                "leaves": sorted(n for n in depth_of if F.out_degree(n) == 0),
            }
        )
    return sorted(out, key=lambda r: (-r["descendants"], r["root"]))
