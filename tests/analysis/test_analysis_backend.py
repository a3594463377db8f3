"""networkx and igraph give the same answers on small seeded random graphs."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from ocgraph.graph.analysis import backend, communities, connectivity, keyplayers, robustness

SEEDS = range(6)


def random_graph(seed: int) -> nx.Graph:
    # string names, a few isolated nodes and several components, as in real projections
    rng = random.Random(seed)
    G = nx.gnm_random_graph(rng.randint(30, 80), rng.randint(30, 160), seed=seed)
    return nx.relabel_nodes(G, {i: f"n{i:03d}" for i in G})


@pytest.mark.parametrize("seed", SEEDS)
def test_components_agree(seed: int) -> None:
    G = random_graph(seed)
    assert backend.components(G, "networkx") == backend.components(G, "igraph")
    assert connectivity.component_sizes(G, "networkx") == connectivity.component_sizes(G, "igraph")
    assert connectivity.fragmentation(G, "networkx") == connectivity.fragmentation(G, "igraph")


@pytest.mark.parametrize("seed", SEEDS)
def test_distance_fragmentation_agrees_with_global_efficiency(seed: int) -> None:
    G = random_graph(seed)
    reference = 1 - nx.global_efficiency(G)  # networkx's own, independent route
    assert connectivity.distance_fragmentation(G, backend="networkx") == pytest.approx(reference, abs=1e-12)
    assert connectivity.distance_fragmentation(G, backend="igraph") == pytest.approx(reference, abs=1e-12)
    sampled = [
        connectivity.distance_fragmentation(G, k=10, seed=seed, backend=b) for b in ("networkx", "igraph")
    ]
    assert sampled[0] == pytest.approx(sampled[1], abs=1e-12)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("k", [None, 5, 20])
def test_betweenness_agrees_exact_and_sampled(seed: int, k: int | None) -> None:
    G = random_graph(seed)
    reference = nx.betweenness_centrality(G, k=k, seed=seed)  # networkx's own sampling
    fast = keyplayers.betweenness(G, k=k, seed=seed, backend="igraph")
    assert fast.keys() == reference.keys()
    for v in G:
        assert fast[v] == pytest.approx(reference[v], abs=1e-12), v


@pytest.mark.parametrize("seed", SEEDS)
def test_modularity_agrees(seed: int) -> None:
    G = random_graph(seed)
    parts = backend.louvain(G, seed=seed, backend="networkx")
    assert communities.modularity(G, parts, "igraph") == pytest.approx(
        nx.community.modularity(G, parts), abs=1e-12
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_louvain_agrees_on_planted_communities(seed: int) -> None:
    # clear communities: both implementations must find the planted blocks
    G = nx.planted_partition_graph(4, 12, 0.9, 0.01, seed=seed)
    planted = sorted(sorted(b) for b in G.graph["partition"])
    for b in ("networkx", "igraph"):
        assert sorted(sorted(c) for c in communities.louvain(G, seed=seed, backend=b)) == planted


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("strategy", ["betweenness", "degree", "random"])
def test_attacks_agree(seed: int, strategy: str) -> None:
    G = random_graph(seed)
    orders = [robustness.attack_order(G, strategy, seed=seed, backend=b) for b in ("networkx", "igraph")]
    assert orders[0] == orders[1]
    assert sorted(orders[0]) == sorted(G)
    curves = [robustness.largest_component_curve(G, orders[0], b) for b in ("networkx", "igraph")]
    assert curves[0] == curves[1]
    # and an independent route: networkx's components after each removal
    for q in (0, len(G) // 3, len(G) // 2):
        rest = G.subgraph(orders[0][q:])
        largest = max((len(c) for c in nx.connected_components(rest)), default=0)
        assert curves[0][q] == largest / len(G)


def test_louvain_does_not_disturb_the_callers_random_state() -> None:
    random.seed(42)
    expected = random.random()
    random.seed(42)
    backend.louvain(nx.karate_club_graph(), seed=1, backend="igraph")
    assert random.random() == expected


def test_auto_uses_igraph_only_on_big_graphs() -> None:
    assert not backend.use_igraph(nx.path_graph(backend.IGRAPH_THRESHOLD - 1))
    assert backend.use_igraph(nx.path_graph(backend.IGRAPH_THRESHOLD))
    with pytest.raises(ValueError, match="backend must be one of"):
        backend.use_igraph(nx.path_graph(3), "graph-tool")


def test_primed_igraph_copy_of_a_big_projection_matches_a_fresh_one() -> None:
    from ocgraph.graph.analysis import projection

    rng = random.Random(5)
    G = nx.MultiDiGraph()
    people = [f"person/p{i:04d}" for i in range(backend.IGRAPH_THRESHOLD + 200)]
    groups = [f"crimorg/g{i:03d}" for i in range(300)]
    G.add_nodes_from(people, type="Person")
    G.add_nodes_from(groups, type="CriminalOrganization")
    for p in people:
        G.add_edge(p, rng.choice(groups), predicate="member_of")
    for g in groups:
        G.add_edge(rng.choice(people), g, predicate="leader_of")
    with backend.cache_scope():  # as in the report: the projections prime their igraph copies
        nets = [projection.person_projection(G, reasons=False), projection.criminal_network(G)]
        copies = [(backend.to_igraph(net), backend.edge_arrays(net)) for net in nets]
    for net, ((primed, nodes), (a, b)) in zip(nets, copies, strict=True):
        assert backend.use_igraph(net)
        assert sorted(zip(a.tolist(), b.tolist(), strict=True)) == sorted(primed.get_edgelist())
        fresh, fresh_nodes = backend.to_igraph(net)  # out of the scope: built again from the graph
        assert fresh is not primed
        assert nodes == fresh_nodes == list(net)
        assert sorted(map(sorted, primed.get_edgelist())) == sorted(map(sorted, fresh.get_edgelist()))
        assert primed.ecount() == net.number_of_edges()


def _naive_attack(G: nx.Graph, strategy: str) -> list:
    # the definition: recompute on the whole remaining graph after every removal
    H = G.copy()
    order = []
    while len(H):
        degree = strategy == "degree"
        scores = dict(H.degree()) if degree else nx.betweenness_centrality(H, normalized=False)
        v = min(H, key=lambda u: (-round(scores[u], 9), str(u)))
        order.append(v)
        H.remove_node(v)
    return order


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("strategy", ["betweenness", "degree"])
def test_incremental_attack_equals_full_recomputation(seed: int, strategy: str) -> None:
    # sparse and split into pieces, so components, cliques and ties all occur
    G = nx.gnm_random_graph(60, 70 + 10 * seed, seed=seed)
    G.add_edge(0, 0)
    assert robustness.attack_order(G, strategy, backend="networkx") == _naive_attack(G, strategy)


@pytest.mark.parametrize("seed", range(3))
def test_numpy_projection_equals_the_pair_by_pair_one(seed: int, fixture_graph) -> None:
    # the big-graph build (numpy, no reasons) and the reference build (pair by pair, with
    # reasons) give the same nodes, edges and adjacency order; both directions share one dict
    import sys
    from pathlib import Path

    from ocgraph.graph.analysis import projection

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from synthetic import make_graph

    for kg in (fixture_graph, make_graph(400, 2000, seed=seed)):
        G = projection.from_knowledge_graph(kg)
        fast = projection.person_projection(G, reasons=False)
        slow = projection.person_projection(G, reasons=True)
        assert list(fast) == list(slow)
        order = {n: list(nbrs) for n, nbrs in slow.adj.items()}
        assert {n: list(nbrs) for n, nbrs in fast.adj.items()} == order
        assert all(fast[u][v] is fast[v][u] == {} for u, v in fast.edges)
        assert fast.number_of_edges() > 0


@pytest.mark.parametrize("seed", range(3))
def test_criminal_network_equals_a_plain_build(seed: int, fixture_graph) -> None:
    # the numpy build against the definition, written out edge by edge with networkx
    import sys
    from pathlib import Path

    from ocgraph.graph.analysis import projection

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from synthetic import make_graph

    for kg in (fixture_graph, make_graph(600, 4000, seed=seed)):
        G = projection.from_knowledge_graph(kg)
        actors = {n for n, t in G.nodes(data="type") if t in ("Person", "CriminalOrganization")}
        plain = nx.Graph()
        plain.add_nodes_from(n for n in actors if G.nodes[n]["type"] == "CriminalOrganization")
        for u, v, p in G.edges(data="predicate"):
            if u in actors and v in actors and u != v and p not in projection.AUTHORITY_PREDICATES:
                plain.add_edge(u, v)
                plain.edges[u, v].setdefault("predicates", set()).add(p)
        C = projection.criminal_network(G)
        assert list(C) == sorted(plain)
        assert all(C.nodes[n] == G.nodes[n] for n in C)
        assert {frozenset(e) for e in C.edges} == {frozenset(e) for e in plain.edges}
        for u, v, preds in C.edges(data="predicates"):
            assert preds == sorted(plain.edges[u, v]["predicates"])
        assert all(list(C.adj[n]) == sorted(C.adj[n]) for n in C)
        assert C.number_of_edges() > 0


def test_numpy_projection_alliance_corners() -> None:
    # a person ally, an organization allied with itself, an ally outside the criminal network,
    # a leader who is also listed as a member: the numpy build and the pair-by-pair one agree
    from ocgraph.graph.analysis import projection

    G = nx.MultiDiGraph()
    G.add_nodes_from(["K", "K2", "L", "M", "Pa", "X"], type="Person")
    G.add_nodes_from(["O1", "O2"], type="CriminalOrganization")
    G.add_node("Gov", type="GovernmentOrganization")
    for u, p, v in [("K", "leader_of", "O1"), ("K2", "leader_of", "O1"), ("K", "member_of", "O1"),
                    ("L", "member_of", "O1"), ("M", "leader_of", "O2"), ("Pa", "allied_with", "O2"),
                    ("O1", "allied_with", "O1"), ("X", "allied_with", "Gov"), ("O2", "allied_with", "O1"),
                    ("L", "child_of", "M"), ("M", "sanctioned_by", "Gov")]:  # fmt: skip
        G.add_edge(u, v, predicate=p)
    fast = projection.person_projection(G, reasons=False)
    slow = projection.person_projection(G)
    assert list(fast) == list(slow) == ["K", "K2", "L", "M", "Pa"]
    assert {n: list(nbrs) for n, nbrs in fast.adj.items()} == {n: list(nbrs) for n, nbrs in slow.adj.items()}
    assert sorted(tuple(sorted(e)) for e in fast.edges) == [
        ("K", "K2"), ("K", "L"), ("K", "M"), ("K2", "L"), ("K2", "M"), ("L", "M"), ("M", "Pa"),
    ]  # fmt: skip


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("strategy", ["betweenness", "degree"])
def test_attacks_in_rounds_agree(seed: int, strategy: str) -> None:
    # several removals per recomputation, as the report does on big graphs: igraph ranks only
    # the vertices that can make each round's cut, and must take the same ones
    G = random_graph(seed)
    for rounds in (3, 7):
        orders = [
            robustness.attack_order(G, strategy, rounds=rounds, backend=b) for b in ("networkx", "igraph")
        ]
        assert orders[0] == orders[1]


@pytest.mark.parametrize("seed", range(2))
def test_signed_network_and_sizes_equal_plain_builds(seed: int) -> None:
    # the numpy builds against the definitions, edge by edge
    import sys
    from pathlib import Path

    from ocgraph.graph.analysis import concentration, projection

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from synthetic import make_graph

    G = projection.from_knowledge_graph(make_graph(600, 4000, seed=seed))
    sign: dict[frozenset, int] = {}
    people: dict[str, set] = {}
    for u, v, p in G.edges(data="predicate"):
        if p in ("allied_with", "rival_of") and u != v:
            sign[frozenset((u, v))] = min(sign.get(frozenset((u, v)), 1), 1 if p == "allied_with" else -1)
        types = G.nodes[u]["type"], G.nodes[v]["type"]
        if p in ("member_of", "leader_of") and types == ("Person", "CriminalOrganization"):
            people.setdefault(v, set()).add(u)
    S = projection.signed_network(G)
    assert list(S) == sorted({n for pair in sign for n in pair})
    assert {frozenset((u, v)): s for u, v, s in S.edges(data="sign")} == sign
    assert -1 in sign.values() and 1 in sign.values()
    assert concentration.organization_sizes(G) == {o: len(people[o]) for o in sorted(people)}


def test_deferred_projection_is_the_reference_projection_when_read() -> None:
    # a big projection keeps its networkx adjacency unbuilt while the measures read its igraph
    # copy; whatever reads it later sees exactly the pair-by-pair build
    import sys
    from pathlib import Path

    from ocgraph.graph.analysis import decapitation, projection

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from synthetic import make_graph

    G = projection.from_knowledge_graph(make_graph(6000, 30000, seed=1))
    reference = projection.person_projection(G)  # with reasons: a plain nx.Graph, filled at once
    P = projection.person_projection(G, reasons=False)
    assert isinstance(P, projection.DeferredGraph) and backend.use_igraph(P)
    # what the report reads on a big network leaves it unfilled, with the reference's figures
    assert keyplayers.degree(P) == nx.degree_centrality(reference)
    assert backend.edge_count(P) == reference.number_of_edges()
    assert decapitation.metrics(P) == decapitation.metrics(reference)
    assert P.deferred_shape == (len(reference), 2 * reference.number_of_edges())
    with backend.cache_scope():
        g, _ = backend.to_igraph(P)
        # read: filled, the same adjacency in the same order, the igraph copy still kept in the scope
        assert {n: list(nbrs) for n, nbrs in P.adj.items()} == {
            n: list(nbrs) for n, nbrs in reference.adj.items()
        }
        assert P.deferred_shape is None and backend.to_igraph(P)[0] is g
    # a decapitation on a fresh deferred projection equals the one on the reference
    fresh = projection.person_projection(G, reasons=False)
    removed = [v for v, _ in keyplayers.top(keyplayers.degree(fresh), 3)]
    assert decapitation.disruption(G, fresh, removed) == decapitation.disruption(G, reference, removed)


def test_removing_nodes_from_a_deferred_projection_equals_a_subgraph_copy() -> None:
    import sys
    from pathlib import Path

    from ocgraph.graph.analysis import projection

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from synthetic import make_graph

    G = projection.from_knowledge_graph(make_graph(6000, 30000, seed=2))
    reference = projection.person_projection(G)
    P = projection.person_projection(G, reasons=False)
    for removed in ([v for v, _ in keyplayers.top(keyplayers.degree(P), 5)], list(P)[: len(P) - 50]):
        gone = set(removed)
        cut = projection.without(P, removed)
        expected = reference.subgraph(v for v in reference if v not in gone).copy()
        big = len(cut) >= backend.IGRAPH_THRESHOLD  # a big cut stays deferred, a small one is filled
        assert cut.deferred_shape == ((len(cut), 2 * expected.number_of_edges()) if big else None)
        assert connectivity.component_sizes(cut) == connectivity.component_sizes(expected)
        # nodes and neighbours in the projection's order (networkx's copy walks a set of the kept
        # nodes instead when fewer than half remain)
        assert list(cut) == [v for v in reference if v not in gone]
        assert all(cut.nodes[v] == G.nodes[v] for v in cut)
        order = {n: [w for w in reference.adj[n] if w not in gone] for n in cut}
        assert {n: list(nbrs) for n, nbrs in cut.adj.items()} == order
        assert {frozenset(e) for e in cut.edges} == {frozenset(e) for e in expected.edges}
    assert P.deferred_shape is not None  # cutting read only the arrays


def test_an_edit_between_two_analyses_is_seen() -> None:
    # node and edge counts stay the same when a predicate changes: nothing may be kept by them
    from ocgraph.graph.analysis import projection, report

    G = nx.MultiDiGraph()
    G.add_nodes_from(["K", "L"], type="Person")
    G.add_node("O", type="CriminalOrganization")
    G.add_edge("K", "O", key="r1", predicate="member_of")
    G.add_edge("L", "O", key="r2", predicate="member_of")
    assert projection.edge_triples(G) == [("K", "O", "member_of"), ("L", "O", "member_of")]
    first = report.analyze(G)
    assert first["graph"]["person_network"] == {"nodes": 2, "edges": 0}  # two members, nobody leads
    G.edges["K", "O", "r1"]["predicate"] = "leader_of"
    assert projection.edge_triples(G) == [("K", "O", "leader_of"), ("L", "O", "member_of")]
    second = report.analyze(G)
    assert second["graph"]["person_network"] == {"nodes": 2, "edges": 1}  # the leader now links L
    assert projection.leaders(G) == {"O": ["K"]}
    # the same on a graph big enough for igraph: an edge moved keeps both counts
    n = backend.IGRAPH_THRESHOLD + 10
    H = nx.path_graph(n)
    assert [len(c) for c in backend.components(H)] == [n]
    H.remove_edge(5, 6)
    H.add_edge(0, 2)
    assert [len(c) for c in backend.components(H)] == [n - 6, 6]
