"""The fragmentation report as a page (Markdown rendered, plots as PNG) and the decapitation scenario."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

from ocgraph.web.snapshot import Snapshot

# raw HTML in the Markdown (a name that holds markup) is shown as text, never as markup
_MD = MarkdownIt("commonmark", {"html": False}).enable("table")


def analysis(snap: Snapshot, remove: tuple[str, ...] = (), as_of: str | None = None) -> dict[str, Any]:
    """The report for the snapshot (kept with it), with the persons in `remove` taken out."""
    key = ("report", remove, as_of)
    if key not in snap.cache:
        from ocgraph.graph.analysis.projection import from_knowledge_graph
        from ocgraph.graph.analysis.report import analyze, to_markdown

        G = from_knowledge_graph(snap.kg)
        report = analyze(G, as_of=as_of, remove=remove)
        snap.cache[key] = {"report": report, "html": _MD.render(to_markdown(report)), "graph": G}
    return snap.cache[key]


def plots(snap: Snapshot, as_of: str | None = None) -> dict[str, Path]:
    """The report's PNG plots, written once per snapshot into a temporary folder; by file name."""
    key = ("plots", as_of)
    if key not in snap.cache:
        from ocgraph.graph.analysis.plots import write_plots
        from ocgraph.graph.analysis.timeline import as_of as slice_graph

        done = analysis(snap, (), as_of)
        folder = Path(tempfile.mkdtemp(prefix="ocgraph-serve-plots-"))
        G = slice_graph(done["graph"], as_of) if as_of else done["graph"]
        written = [] if done["report"]["empty"] else write_plots(G, done["report"], folder)
        snap.cache[key] = {Path(p).name: Path(p) for p in written}
    return snap.cache[key]


def persons(snap: Snapshot) -> list[tuple[str, str]]:
    """The persons a decapitation can remove (those of the person network), as (id, name) by name."""
    from ocgraph.graph.analysis.projection import person_projection

    G = analysis(snap)["graph"]
    P = person_projection(G, reasons=False)
    return sorted(((str(n), G.nodes[n].get("name", str(n))) for n in P.nodes), key=lambda p: p[1].casefold())
