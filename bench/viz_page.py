"""How long `ocgraph viz` takes to lay out and write pages of seeded synthetic graphs, and their size."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from ocgraph.graph import viz

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import make_graph  # bench/ is a folder of scripts, not a package


def main() -> None:
    print(f"{'nodes':>6} {'edges':>6} {'drawn':>6} {'layout s':>9} {'page s':>7} {'page KB':>8}")
    for nodes, edges in ((100, 250), (300, 750), (1000, 2500), (3000, 7500)):
        kg = make_graph(nodes, edges, seed=1)
        part = viz.select(kg)
        start = time.perf_counter()
        viz.layout(part)
        laid = time.perf_counter() - start
        start = time.perf_counter()
        page = viz.to_html(kg)
        total = time.perf_counter() - start
        size = len(page.encode("utf-8")) / 1024
        print(f"{nodes:>6} {edges:>6} {len(part.entities):>6} {laid:>9.2f} {total:>7.2f} {size:>8.0f}")


if __name__ == "__main__":
    main()
