"""How long `ocgraph viz` takes to write pages of seeded synthetic graphs, what they draw first, and size."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from ocgraph.graph import viz

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import make_graph  # bench/ is a folder of scripts, not a package


def main() -> None:
    # entities: all in the page's data (search and hover cards read them); first: drawn, and laid
    # out in Python, when the page opens (viz.overview); hubs: counted in the legend, not drawn
    print(f"{'nodes':>6} {'edges':>6} {'entities':>8} {'first':>6} {'hubs':>5} {'page s':>7} {'page KB':>8}")
    for nodes, edges in ((100, 250), (300, 750), (1000, 2500), (3000, 7500)):
        kg = make_graph(nodes, edges, seed=1)
        part = viz.select(kg)
        hubs, first = viz.overview(part)
        start = time.perf_counter()
        page = viz.to_html(kg)
        total = time.perf_counter() - start
        size = len(page.encode("utf-8")) / 1024
        print(
            f"{nodes:>6} {edges:>6} {len(part.entities):>8} {len(first):>6} {len(hubs):>5} "
            f"{total:>7.2f} {size:>8.0f}"
        )


if __name__ == "__main__":
    main()
