"""Actor-page load of `ocgraph serve` on a 10k-entity store: server time and in Chromium (target < 1 s)."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path

from ocgraph.graph.neo4j_server import free_port
from ocgraph.graph.store import write_graph

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import make_graph  # bench/ is a folder of scripts, not a package

NODES, EDGES, PAGES = 10_000, 30_000, 40
OCGRAPH = Path(sys.executable).parent / "ocgraph"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]
FLAGS += ["--disable-background-networking", "--disable-component-update", "--disable-sync"]


def fetch(url: str) -> float:
    t0 = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as answer:
        answer.read()
    return time.perf_counter() - t0


def figures(label: str, seconds: list[float]) -> None:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    print(f"{label:42} median {statistics.median(ms):7.1f} ms  p95 {p95:7.1f} ms  max {ms[-1]:7.1f} ms")


def main() -> None:
    kg = make_graph(NODES, EDGES, seed=5)
    facts = Counter(e for r in kg.relations.values() for e in (r.subject, r.object))
    actors = sorted(
        (e.id for e in kg.entities.values() if e.type in ("Person", "CriminalOrganization")),
        key=lambda eid: (-facts[eid], eid),
    )
    # the busiest actor apart; the sample spread over the others, from busy to quiet
    busiest, sample = actors[0], actors[1 :: max(1, len(actors) // PAGES)][:PAGES]
    degree = facts[busiest]
    print(f"store: {len(kg.entities)} entities, {len(kg.relations)} relations (synthetic, seed 5)")
    with tempfile.TemporaryDirectory(prefix="ocgraph-bench-serve-") as home:
        write_graph(kg, Path(home) / "graph.jsonl")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [str(OCGRAPH), "serve", "--port", str(port)],
            env={**os.environ, "OCGRAPH_HOME": home},
            stdout=subprocess.DEVNULL,
        )
        try:
            while True:
                try:
                    fetch(base + "/favicon.ico")
                    break
                except OSError:
                    time.sleep(0.1)
            print(f"serve answers after {time.perf_counter() - t0:.1f} s (store read, indexes built)")
            figures("actor page (HTML, server)", [fetch(f"{base}/entity/{a}") for a in sample])
            figures("graph data (JSON, server)", [fetch(f"{base}/graph-data/{a}") for a in sample])
            figures(
                f"busiest actor's page ({degree} facts)",
                [fetch(f"{base}/entity/{busiest}") for _ in range(5)],
            )
            figures("search 'garsia' (one letter wrong)", [fetch(f"{base}/?q=garsia") for _ in range(10)])
            browser(base, sample[:10], busiest)
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def browser(base: str, sample: list[str], busiest: str) -> None:
    """Navigation to a drawn graph in Debian's chromium: HTML, CSS, scripts, graph data and drawing."""
    exe = shutil.which("chromium")
    if exe is None:
        print("chromium: not installed, browser figures skipped")
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=exe, args=FLAGS)
        page = chromium.new_page()
        page.goto(f"{base}/entity/{sample[0]}")  # warm the cache of static files, as a session would
        page.wait_for_selector("#graph[data-nodes]")
        times = []
        for eid in [*sample, busiest]:
            t0 = time.perf_counter()
            page.goto(f"{base}/entity/{eid}")
            page.wait_for_selector("#graph[data-nodes]")
            times.append(time.perf_counter() - t0)
        figures("actor page in Chromium, graph drawn", times[:-1])
        print(f"{'busiest actor in Chromium, graph drawn':42} {times[-1] * 1000:7.1f} ms")
        chromium.close()


if __name__ == "__main__":
    main()
