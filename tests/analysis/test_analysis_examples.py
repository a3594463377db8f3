"""The five hand-checked example graphs of docs/fragmentation.md, one test each."""

from __future__ import annotations

import networkx as nx
import pytest

from ocgraph.graph.analysis import balance, concentration, decapitation, keyplayers, lineage, projection
from ocgraph.graph.analysis.communities import modularity
from ocgraph.graph.analysis.connectivity import (
    component_sizes,
    distance_fragmentation,
    fragmentation,
    fragmentation_without,
    largest_component_fraction,
)
from ocgraph.graph.analysis.robustness import robustness

TIGHT = {"abs": 1e-6}


def without(G: nx.Graph, *nodes: str) -> nx.Graph:
    return G.subgraph(n for n in G if n not in nodes).copy()


@pytest.mark.parametrize("backend", ["networkx", "igraph"])
def test_example_1_star(backend: str) -> None:
    G = nx.Graph([("K", f"L{i}") for i in range(1, 5)])
    assert fragmentation(G, backend) == 0.0
    assert distance_fragmentation(G, backend=backend) == pytest.approx(0.3, **TIGHT)
    assert keyplayers.betweenness(G, backend=backend)["K"] == pytest.approx(1.0, **TIGHT)
    H = without(G, "K")
    assert component_sizes(H, backend) == [1, 1, 1, 1]
    assert fragmentation(H, backend) == 1.0
    assert distance_fragmentation(H, backend=backend) == 1.0
    # the note's 0.2 is the largest component's share of the original five nodes (as s(Q) in
    # robustness); of the four left, it is 0.25
    assert component_sizes(H, backend)[0] / G.number_of_nodes() == pytest.approx(0.2, **TIGHT)
    assert largest_component_fraction(H, backend) == 0.25
    _, curve, order = robustness(G, "betweenness", backend=backend)
    assert order[0] == "K"
    assert curve[1] == pytest.approx(0.2, **TIGHT)


@pytest.fixture
def two_cells() -> nx.Graph:
    return nx.Graph(
        [("A", "B"), ("B", "C"), ("A", "C"), ("D", "E"), ("E", "F"), ("D", "F"), ("C", "X"), ("X", "D")]
    )


@pytest.mark.parametrize("backend", ["networkx", "igraph"])
def test_example_2_two_cells_and_a_broker(two_cells: nx.Graph, backend: str) -> None:
    G = two_cells
    assert fragmentation(G, backend) == 0.0
    assert distance_fragmentation(G, backend=backend) == pytest.approx(7 / 18, **TIGHT)
    b = keyplayers.betweenness(G, backend=backend)
    assert b["X"] == pytest.approx(0.6, **TIGHT)
    assert b["C"] == pytest.approx(8 / 15, **TIGHT)
    assert b["D"] == pytest.approx(8 / 15, **TIGHT)
    assert fragmentation(without(G, "X"), backend) == pytest.approx(3 / 5, **TIGHT)
    assert distance_fragmentation(without(G, "X"), backend=backend) == pytest.approx(0.6, **TIGHT)
    assert fragmentation(without(G, "C"), backend) == pytest.approx(8 / 15, **TIGHT)
    assert distance_fragmentation(without(G, "C"), backend=backend) == pytest.approx(0.6, **TIGHT)
    top_two = [v for v, _ in keyplayers.top(b, 2)]
    assert top_two == ["X", "C"]
    assert fragmentation_without(G, top_two, backend) == pytest.approx(0.6, **TIGHT)
    best, f = keyplayers.kpp_neg(G, 2, backend=backend)
    assert best == ["C", "D"]
    assert f == pytest.approx(0.8, **TIGHT)
    assert modularity(G, [{"A", "B", "C", "X"}, {"D", "E", "F"}], backend) == pytest.approx(0.367188, **TIGHT)
    r, curve, order = robustness(G, "betweenness", backend=backend)
    assert order == ["X", "A", "B", "C", "D", "E", "F"]
    assert curve == pytest.approx([1, 3 / 7, 3 / 7, 3 / 7, 3 / 7, 2 / 7, 1 / 7, 0], **TIGHT)
    assert r == pytest.approx(15 / 49, **TIGHT)
    assert r == pytest.approx(0.306122, **TIGHT)
    r_degree, _, _ = robustness(G, "degree", backend=backend)
    assert r_degree == pytest.approx(11 / 49, **TIGHT)
    assert r_degree == pytest.approx(0.224490, **TIGHT)


def _signed(edges: list[tuple[str, str, int]]) -> nx.Graph:
    S = nx.Graph()
    for u, v, s in edges:
        S.add_edge(u, v, sign=s)
    return S


def test_example_3_signed_blocs() -> None:
    edges = [("A", "B", 1), ("C", "D", 1)] + [(a, b, -1) for a in "AB" for b in "CD"]
    counts = balance.triangle_signs(_signed(edges))
    assert counts == {"+++": 0, "++-": 0, "+--": 4, "---": 0}
    assert balance.balance_ratio(counts) == 1.0
    flipped = [("A", "B", -1), *edges[1:]]
    counts = balance.triangle_signs(_signed(flipped))
    assert counts == {"+++": 0, "++-": 0, "+--": 2, "---": 2}
    assert balance.balance_ratio(counts) == 0.5
    lone = balance.triangle_signs(_signed([("A", "B", 1), ("B", "C", 1), ("A", "C", -1)]))
    assert lone == {"+++": 0, "++-": 1, "+--": 0, "---": 0}
    assert balance.balance_ratio(lone) == 0.0


def test_example_3_signs_come_from_the_typed_graph() -> None:
    G = nx.MultiDiGraph()
    G.add_nodes_from("ABCD", type="CriminalOrganization")
    G.add_edge("A", "B", predicate="allied_with")
    G.add_edge("C", "D", predicate="allied_with")
    for a in "AB":
        for b in "CD":
            G.add_edge(a, b, predicate="rival_of")
    counts = balance.triangle_signs(projection.signed_network(G))
    assert counts == {"+++": 0, "++-": 0, "+--": 4, "---": 0}


def test_example_4_lineage_and_concentration() -> None:
    G = nx.MultiDiGraph()
    for child, parent in [("C1", "P"), ("C2", "P"), ("C1a", "C1"), ("C1b", "C1"), ("C1a-i", "C1a")]:
        G.add_edge(child, parent, predicate="splinter_of")
    trees = lineage.lineage(G)
    assert trees == [
        {"root": "P", "descendants": 5, "depth": 3, "widths": [1, 2, 2, 1], "leaves": ["C1a-i", "C1b", "C2"]}
    ]
    assert concentration.hhi([10]) == 1.0
    assert concentration.effective_number([10]) == 1.0
    assert concentration.hhi([4, 3, 2, 1]) == pytest.approx(0.30, **TIGHT)
    assert concentration.effective_number([4, 3, 2, 1]) == pytest.approx(10 / 3, **TIGHT)


@pytest.fixture
def typed_example_5() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_nodes_from(["K", "L1", "L2", "M", "L3"], type="Person")
    G.add_nodes_from(["O1", "O2"], type="CriminalOrganization")
    for u, p, v in [
        ("K", "leader_of", "O1"),
        ("L1", "member_of", "O1"),
        ("L2", "member_of", "O1"),
        ("M", "leader_of", "O2"),
        ("L3", "member_of", "O2"),
        ("O1", "allied_with", "O2"),
        ("K", "succeeded_by", "L1"),
    ]:
        G.add_edge(u, v, predicate=p)
    return G


@pytest.mark.parametrize("backend", ["networkx", "igraph"])
def test_example_5_typed_graph(typed_example_5: nx.MultiDiGraph, backend: str) -> None:
    G = typed_example_5
    P = projection.person_projection(G)
    assert sorted(tuple(sorted(e)) for e in P.edges) == [("K", "L1"), ("K", "L2"), ("K", "M"), ("L3", "M")]
    before = decapitation.metrics(P, backend=backend)
    assert before["F"] == 0.0
    assert before["DF"] == pytest.approx(1 / 3, **TIGHT)

    d = decapitation.disruption(G, P, ["K"], backend=backend)
    assert d["after"]["components"] == 3
    assert d["after"]["F"] == pytest.approx(5 / 6, **TIGHT)
    assert d["after"]["DF"] == pytest.approx(5 / 6, **TIGHT)
    assert d["organizations"] == [
        {
            "organization": "O1",
            "removed_leaders": ["K"],
            "remaining_leaders": [],
            "leaderless": True,
            "successors": ["L1"],
        }
    ]

    d = decapitation.disruption(G, P, ["M"], backend=backend)
    assert d["after"]["F"] == pytest.approx(0.5, **TIGHT)
    assert d["after"]["DF"] == pytest.approx(0.583333, **TIGHT)
    assert d["organizations"] == [
        {
            "organization": "O2",
            "removed_leaders": ["M"],
            "remaining_leaders": [],
            "leaderless": True,
            "successors": [],
        }
    ]

    d = decapitation.disruption(G, P, ["K", "M"], backend=backend)
    assert d["after"]["F"] == 1.0
    assert d["after"]["DF"] == 1.0
    assert [o["organization"] for o in d["organizations"]] == ["O1", "O2"]
    # L1 succeeds K but is not removed: O1 keeps a successor, O2 has none
    assert [o["successors"] for o in d["organizations"]] == [["L1"], []]
