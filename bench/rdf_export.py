"""Times RDF export of a ~1M-triple synthetic graph per format, against rdflib's own Turtle writer."""

from __future__ import annotations

import argparse
import gc
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import make_graph

from ocgraph.graph import rdf

TARGETS = {"nt": 2.0, "turtle": 5.0, "jsonld": 5.0}  # seconds, from issue 2
PEAK_TARGET_MB = 500
SPEEDUP_TARGET = 10


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _time_export(kg, fmt: str, folder: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds: on a shared machine the wall time also counts waiting for a core."""
    path = folder / f"graph.{fmt}"
    gc.collect()
    start, cpu = time.perf_counter(), time.process_time()
    with path.open("wb") as out:
        rdf.write(kg, out, fmt)
    return time.perf_counter() - start, time.process_time() - cpu, path.stat().st_size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, default=40_000)
    parser.add_argument("--edges", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-rdflib", action="store_true", help="Do not time rdflib's Turtle writer.")
    args = parser.parse_args()

    start = time.perf_counter()
    kg = make_graph(args.nodes, args.edges, seed=args.seed)
    built = time.perf_counter() - start
    n_triples = sum(1 for _ in rdf.triples(kg))
    base_rss = _rss_mb()
    print(
        f"graph: {len(kg.entities):,} entities, {len(kg.relations):,} relations -> {n_triples:,} triples "
        f"(built in {built:.1f} s; process RSS {base_rss:.0f} MB before exporting)"
    )

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for fmt in ("nt", "turtle", "jsonld", "trig", "xml"):
            seconds, cpu, size = _time_export(kg, fmt, folder)
            rows.append((f"ocgraph {fmt}", seconds, cpu, size, TARGETS.get(fmt)))

        # Python-side peak while streaming N-Triples (tracemalloc slows the run, so timed apart)
        gc.collect()
        tracemalloc.start()
        with (folder / "traced.nt").open("wb") as out:
            rdf.write(kg, out, "nt")
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        export_rss = _rss_mb()

        rdflib_seconds = rdflib_cpu = None
        if not args.skip_rdflib:
            gc.collect()
            start, cpu = time.perf_counter(), time.process_time()
            g = rdf.to_rdflib(kg)
            graph_seconds = time.perf_counter() - start
            with (folder / "rdflib.ttl").open("wb") as out:
                g.serialize(out, format="turtle")
            rdflib_seconds = time.perf_counter() - start
            rdflib_cpu = time.process_time() - cpu
            rows.append(
                (
                    "rdflib turtle (build Graph + serialize)",
                    rdflib_seconds,
                    rdflib_cpu,
                    (folder / "rdflib.ttl").stat().st_size,
                    None,
                )
            )
            del g

    print()
    print(f"{'export':42} {'wall s':>7} {'cpu s':>7} {'MB':>7} {'Mtriples/cpu s':>14}  target (cpu)")
    for name, seconds, cpu, size, target in rows:
        verdict = "" if target is None else f"< {target:.0f} s {'ok' if cpu < target else 'MISSED'}"
        rate = n_triples / cpu / 1e6
        print(f"{name:42} {seconds:7.2f} {cpu:7.2f} {size / 1e6:7.1f} {rate:14.2f}  {verdict}")
    print(
        f"(load average while running: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
        "wall time includes waiting for a core, so targets are judged on CPU time)"
    )
    print()
    print(f"python-side peak while streaming nt (tracemalloc): {traced_peak / 1e6:.1f} MB")
    print(
        f"process peak RSS after all ocgraph exports: {export_rss:.0f} MB "
        f"(of which {export_rss - base_rss:.0f} MB beyond the graph itself; target < {PEAK_TARGET_MB} MB)"
    )
    if rdflib_seconds is not None:
        ocgraph_turtle = next(cpu for n, _, cpu, _, _ in rows if n == "ocgraph turtle")
        ratio = rdflib_cpu / ocgraph_turtle
        print(
            f"turtle speed-up over rdflib: {ratio:.1f}x (target >= {SPEEDUP_TARGET}x: "
            f"{'ok' if ratio >= SPEEDUP_TARGET else 'MISSED'}); "
            f"rdflib graph build alone {graph_seconds:.1f} s"
        )
        print(f"process peak RSS after rdflib: {_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
