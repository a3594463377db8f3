"""The splinter and faction forest: which groups came out of which, over how many generations."""

from __future__ import annotations

from typing import Any

import networkx as nx

from ocgraph.graph.analysis.projection import edge_triples

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
    claims = sorted(e for e in edge_triples(G) if e[2] in LINEAGE_PREDICATES)
    for child, parent, p in claims:
        if child != parent:
            for n in (parent, child):
                if n not in F:
                    F.add_node(n, **G.nodes[n])
            if not F.has_edge(parent, child) or p == "splinter_of":
                F.add_edge(parent, child, kind=p)
    return F


def lineage(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One record per root of the forest: descendants, depth, generation widths, leaves.

    Roots are groups that came out of no other, taken in id order; each root claims the groups
    below it that no earlier root has claimed, so a group that split from two parents counts
    once, under the first root that reaches it (this keeps the work linear on big graphs). A
    cycle of claims (A from B, B from A) with no root is entered at its smallest id.
    Generations count by shortest descent from the root; leaves are groups nothing split from.
    Records are sorted by number of descendants (most first), then root id.

    Examples
    --------
    Example 4 of docs/fragmentation.md:

    >>> G = nx.MultiDiGraph()
    >>> for child, parent in [("C1", "P"), ("C2", "P"), ("C1a", "C1"), ("C1b", "C1"), ("C1a-i", "C1a")]:
    ...     _ = G.add_edge(child, parent, predicate="splinter_of")
    >>> tree = lineage(G)[0]
    >>> tree["root"], tree["descendants"], tree["depth"], tree["widths"], tree["leaves"]
    ('P', 5, 3, [1, 2, 2, 1], ['C1a-i', 'C1b', 'C2'])
    """
    F = lineage_forest(G)
    claimed: set[Any] = set()
    out = []

    def grow(root: Any) -> None:
        claimed.add(root)
        members, frontier, widths = [root], [root], [1]
        while frontier:
            below = []
            for n in frontier:
                for child in F.successors(n):
                    if child not in claimed:
                        claimed.add(child)
                        below.append(child)
            if below:
                widths.append(len(below))
                members += below
            frontier = below
        out.append(
            {
                "root": root,
                "descendants": len(members) - 1,
                "depth": len(widths) - 1,
                "widths": widths,
                "leaves": sorted(n for n in members if F.out_degree(n) == 0),
            }
        )

    for root in sorted(n for n in F if F.in_degree(n) == 0):
        grow(root)
    for n in sorted(F):  # groups only reachable through a cycle
        if n not in claimed:
            grow(n)
    return sorted(out, key=lambda r: (-r["descendants"], r["root"]))
