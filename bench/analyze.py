"""Times the full fragmentation report on a synthetic graph: auto backend (igraph) and NetworkX alone."""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

import networkx as nx

from ocgraph.graph.analysis import backend, keyplayers, report
from ocgraph.graph.analysis.projection import from_knowledge_graph

sys.path.insert(0, str(Path(__file__).resolve().parent))


def synthetic(n_nodes: int, n_edges: int, seed: int) -> tuple[nx.MultiDiGraph, str]:
    """The typed graph of bench/synthetic.py's make_graph, or of a small stand-in when it is absent."""
    try:
        from synthetic import make_graph
    except ImportError:
        return _stand_in(n_nodes, n_edges, seed), "bench/analyze.py stand-in"
    return from_knowledge_graph(make_graph(n_nodes, n_edges, seed)), "bench/synthetic.py make_graph"


def _stand_in(n_nodes: int, n_edges: int, seed: int) -> nx.MultiDiGraph:
    # persons and groups in a 3:1 ratio; memberships, leaders, family, alliances, rivalries, splinters
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    n_groups = max(1, n_nodes // 4)
    groups = [f"crimorg/g{i}" for i in range(n_groups)]
    people = [f"person/p{i}" for i in range(n_nodes - n_groups)]
    G.add_nodes_from(groups, type="CriminalOrganization")
    G.add_nodes_from(people, type="Person")
    for n in G:
        G.nodes[n]["name"] = n.split("/")[1]
    kinds = [("member_of", 0.5), ("leader_of", 0.05), ("child_of", 0.15), ("allied_with", 0.1),
             ("rival_of", 0.15), ("splinter_of", 0.05)]  # fmt: skip
    for i in range(n_edges):
        p = rng.choices([k for k, _ in kinds], [w for _, w in kinds])[0]
        if p in ("member_of", "leader_of"):
            u, v = rng.choice(people), rng.choice(groups)
        elif p == "child_of":
            u, v = rng.sample(people, 2)
        else:
            u, v = rng.sample(groups, 2)
        G.add_edge(u, v, key=f"rel/{i}", predicate=p)
    return G


def _load() -> str:
    # other processes on the machine stretch the wall clock and, on shared cores, the CPU time too
    return f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--edges", type=int, default=500_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--nx-pivots",
        type=int,
        default=8,
        help="betweenness/DF pivots for the NetworkX-only run (fewer, so it finishes)",
    )
    parser.add_argument("--skip-networkx", action="store_true", help="Time the auto backend only.")
    args = parser.parse_args()

    t = time.perf_counter()
    G, source = synthetic(args.nodes, args.edges, args.seed)
    built = time.perf_counter() - t
    print(f"graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges from {source} "
          f"(seed {args.seed}), built in {built:.1f} s (not part of the report)")  # fmt: skip

    t = time.perf_counter()
    import igraph  # noqa: F401 - imported once per process (it looks for matplotlib): not the report's cost

    print(f"importing igraph: {time.perf_counter() - t:.1f} s (once per process, not timed below)")
    # CPU time next to wall time: on a shared machine other processes stretch the wall clock
    t, c = time.perf_counter(), time.process_time()
    fast = report.analyze(G, seed=args.seed, backend="auto")
    auto_s = time.perf_counter() - t
    auto_cpu = time.process_time() - c
    person, crim = fast["graph"]["person_network"], fast["graph"]["criminal_network"]
    print(f"person network: {person['nodes']} nodes, {person['edges']} edges; "
          f"criminal network: {crim['nodes']} nodes, {crim['edges']} edges")  # fmt: skip
    small, big = backend.BETWEENNESS_IGRAPH_THRESHOLD, backend.IGRAPH_THRESHOLD
    print(f"full report, auto backend (igraph from {small} nodes for betweenness, DF and attacks, "
          f"from {big} for the rest): {auto_s:.1f} s wall, {auto_cpu:.1f} s CPU "
          f"(issue 5 target at the default 100k/500k: under 15 s; load average {_load()})")  # fmt: skip
    print(f"  estimates: {', '.join(fast['estimates']) or 'none'}")
    if args.skip_networkx:
        return
    # NetworkX alone: the same report with the same thresholds but fewer pivots, so it finishes
    saved = keyplayers.SAMPLE_PIVOTS, report.ROBUSTNESS_PIVOTS
    keyplayers.SAMPLE_PIVOTS = args.nx_pivots
    report.ROBUSTNESS_PIVOTS = min(report.ROBUSTNESS_PIVOTS, args.nx_pivots)
    try:
        t, c = time.perf_counter(), time.process_time()
        report.analyze(G, seed=args.seed, backend="networkx")
        nx_s, nx_cpu = time.perf_counter() - t, time.process_time() - c
    finally:
        keyplayers.SAMPLE_PIVOTS, report.ROBUSTNESS_PIVOTS = saved
    print(f"full report, NetworkX only ({args.nx_pivots} pivots instead of {saved[0]}): {nx_s:.1f} s wall, "
          f"{nx_cpu:.1f} s CPU ({nx_cpu / auto_cpu:.1f}x the auto backend's CPU time; "
          f"load average {_load()})")  # fmt: skip


if __name__ == "__main__":
    main()
