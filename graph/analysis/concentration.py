"""How concentrated the criminal landscape is: HHI over group sizes and the effective number of groups."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import networkx as nx
import numpy as np

from ocgraph.graph.analysis import edgetable

__all__ = ["effective_number", "hhi", "organization_sizes"]


def organization_sizes(G: nx.MultiDiGraph) -> dict[str, int]:
    """Each criminal organization's size: distinct persons that are members or leaders of it.

    Leaders count as members: a group led by one person and no one else still has one person.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from(["K", "L"], type="Person")
    >>> G.add_node("O", type="CriminalOrganization")
    >>> _ = G.add_edge("K", "O", predicate="leader_of")
    >>> _ = G.add_edge("K", "O", predicate="member_of")
    >>> _ = G.add_edge("L", "O", predicate="member_of")
    >>> organization_sizes(G)
    {'O': 2}
    """
    t = edgetable.edge_table(G)
    V = max(1, len(t.nodes))
    role = edgetable.memberships(t)
    # distinct (organization, person) pairs, then persons per organization
    orgs, counts = np.unique(np.unique(t.dst[role] * V + t.src[role]) // V, return_counts=True)
    sizes = {t.nodes[o]: c for o, c in zip(orgs.tolist(), counts.tolist(), strict=True)}
    return {org: sizes[org] for org in sorted(sizes)}


def hhi(sizes: Mapping[str, int] | Iterable[int]) -> float | None:
    """Herfindahl–Hirschman index Σ share² over group sizes (None when no group has members).

    Examples
    --------
    >>> hhi([10])
    1.0
    >>> round(hhi([4, 3, 2, 1]), 6)
    0.3
    """
    values = list(sizes.values()) if isinstance(sizes, Mapping) else list(sizes)
    total = sum(values)
    if total <= 0:
        return None
    return sum((v / total) ** 2 for v in values)


def effective_number(sizes: Mapping[str, int] | Iterable[int]) -> float | None:
    """The effective number of groups, 1 / HHI (None when no group has members).

    Examples
    --------
    >>> effective_number([10])
    1.0
    >>> round(effective_number([4, 3, 2, 1]), 3)
    3.333
    """
    index = hhi(sizes)
    return 1 / index if index else None
