"""Neo4j load speed: a 100k-node / 1M-relationship synthetic graph batched, against per-row transactions."""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import make_graph

from ocgraph.graph import neo4j_connect
from ocgraph.graph.model import KnowledgeGraph
from ocgraph.graph.neo4j_server import LocalServer, free_port
from ocgraph.graph.neo4j_writer import Neo4jWriter


def sample(kg: KnowledgeGraph, n_nodes: int, n_rels: int) -> KnowledgeGraph:
    """The first `n_rels` relations (by id) among the first `n_nodes`-ish entities they need."""
    out = KnowledgeGraph()
    for rid in sorted(kg.relations):
        rel = kg.relations[rid]
        if len(out.relations) >= n_rels:
            break
        for eid in (rel.subject, rel.object):
            if eid not in out.entities:
                e = kg.entities[eid]
                out.add_entity(e.type, e.name, e.aliases, e.properties, id=e.id)
        out.add_relation(rel.subject, rel.predicate, rel.object, rel.properties, rel.evidence)
    for eid in sorted(kg.entities):
        if len(out.entities) >= n_nodes:
            break
        e = kg.entities[eid]
        out.add_entity(e.type, e.name, e.aliases, e.properties, id=e.id)
    return out


def timed_load(writer: Neo4jWriter, kg: KnowledgeGraph) -> dict[str, float]:
    """Load and time the node phase and the relationship phase separately (from the progress calls)."""
    marks: dict[str, float] = {}
    start = time.perf_counter()

    def progress(kind: str, total: int) -> None:
        marks[kind] = time.perf_counter()

    done = writer.load(kg, progress=progress)
    end = time.perf_counter()
    nodes_end = marks.get("nodes", start)
    rels_end = marks.get("relationships", nodes_end)
    return {
        "nodes": done["nodes"],
        "rels": done["relationships"],
        "mentions": done["mentions"],
        "node_s": nodes_end - start,
        "rel_s": rels_end - nodes_end,
        "total_s": end - start,
        "transactions": writer.transactions,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--rels", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=2_000, help="relations in the per-row baseline")
    parser.add_argument(
        "--batch-size", type=int, default=20_000, help="rows per transaction (load's default is 5000)"
    )
    parser.add_argument("--heap", default="3g")
    parser.add_argument("--pagecache", type=int, default=1024, help="page cache in MiB")
    args = parser.parse_args()

    # neo4j-rust-ext installs neo4j._rust, which the driver uses by itself when present
    rust = "yes" if importlib.util.find_spec("neo4j._rust") else "no"
    t0 = time.perf_counter()
    kg = make_graph(args.nodes, args.rels, seed=7)
    print(
        f"synthetic graph: {len(kg.entities)} nodes, {len(kg.relations)} relationships "
        f"(generated in {time.perf_counter() - t0:.1f} s, seed 7)"
    )
    small = sample(kg, args.sample, args.sample)

    with tempfile.TemporaryDirectory(prefix="ocgraph-bench-neo4j-") as home:
        server = LocalServer(Path(home), port=free_port(), http_port=free_port())
        t0 = time.perf_counter()
        server.start(heap=args.heap, pagecache_mib=args.pagecache)
        print(
            f"server: Neo4j {server.version()} started in {time.perf_counter() - t0:.1f} s "
            f"(heap {args.heap}, page cache {args.pagecache} MiB); neo4j-rust-ext: {rust}"
        )
        try:
            cs = neo4j_connect.ConnectionSettings(server.uri, "neo4j", server.password())
            drv = neo4j_connect.driver(cs)
            # warm-up: compile every query plan once, so neither run pays for it
            Neo4jWriter(drv).load(sample(kg, 200, 200))
            drv.execute_query("MATCH (n) DETACH DELETE n")

            base = timed_load(Neo4jWriter(drv, batch_size=1), small)
            drv.execute_query("MATCH (n) DETACH DELETE n")
            full = timed_load(Neo4jWriter(drv, batch_size=args.batch_size), kg)
            drv.close()
        finally:
            server.stop()

    def rate(n: float, s: float) -> float:
        return n / s if s > 0 else float("inf")

    rows = [
        ("per-row transactions (sample)", base),
        (f"batched UNWIND, {args.batch_size} rows/tx", full),
    ]
    print()
    print(
        "| load | nodes | relationships | transactions | node phase (s) | rel phase (s) | nodes/s | rels/s |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, r in rows:
        print(
            f"| {label} | {r['nodes']} | {r['rels']} | {r['transactions']} | {r['node_s']:.1f} | "
            f"{r['rel_s']:.1f} | {rate(r['nodes'], r['node_s']):,.0f} | {rate(r['rels'], r['rel_s']):,.0f} |"
        )
    node_ratio = rate(full["nodes"], full["node_s"]) / rate(base["nodes"], base["node_s"])
    rel_ratio = rate(full["rels"], full["rel_s"]) / rate(base["rels"], base["rel_s"])
    print()
    print(
        f"document links (MENTIONS) after the relationships: {full['mentions']} in "
        f"{full['total_s'] - full['node_s'] - full['rel_s']:.1f} s"
    )
    print(
        f"speed-up, batched over per-row: nodes {node_ratio:.0f}x, relationships {rel_ratio:.0f}x "
        f"(target >= 20x)"
    )
    print(
        f"1M-relationship target: relationship phase {full['rel_s']:.1f} s, "
        f"whole load {full['total_s']:.1f} s (target < 60 s)"
    )


if __name__ == "__main__":
    main()
