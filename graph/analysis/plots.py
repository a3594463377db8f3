"""PNG plots of the report: robustness curves, the yearly timeline and the lineage forest."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import networkx as nx

from ocgraph.graph.analysis.lineage import lineage_forest
from ocgraph.graph.analysis.markdown import timeline_gap

__all__ = ["label_overlaps", "lineage_layout", "skipped", "write_plots"]

STYLES = {"betweenness": "-o", "degree": "--s", "random": ":^"}
ATTACKS = {
    "betweenness": "highest betweenness first",
    "degree": "highest degree first",
    "random": "random order",
}


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")  # files only: no display, the same pixels on every machine
    import matplotlib.pyplot as plt

    return plt


def lineage_layout(F: nx.DiGraph) -> dict[Any, tuple[float, float]]:
    """Positions for a forest drawn top-down: leaves one slot apart, parents over their children.

    A group with two parents is placed under the first (by id) that reaches it.

    Examples
    --------
    >>> F = nx.DiGraph([("P", "C1"), ("P", "C2")])
    >>> lineage_layout(F)
    {'C1': (0.0, -1.0), 'C2': (1.0, -1.0), 'P': (0.5, 0.0)}
    """
    children: dict[Any, list[Any]] = {}
    placed: set[Any] = set()
    roots = sorted((n for n in F if F.in_degree(n) == 0), key=str)
    roots += (
        [n for n in sorted(F, key=str) if n not in nx.descendants(F, roots[0]) | set(roots)] if roots else []
    )
    for root in roots:
        if root in placed:
            continue
        placed.add(root)
        for parent, child in nx.bfs_edges(F, root, sort_neighbors=lambda ns: sorted(ns, key=str)):
            if child not in placed:
                placed.add(child)
                children.setdefault(parent, []).append(child)
    pos: dict[Any, tuple[float, float]] = {}
    slot = [0.0]

    def place(node: Any, depth: int) -> float:
        kids = children.get(node, [])
        if kids:
            x = sum(place(c, depth + 1) for c in kids) / len(kids)
        else:
            x, slot[0] = slot[0], slot[0] + 1
        pos[node] = (x, -float(depth) if depth else 0.0)
        return x

    for root in roots:
        if root not in pos:
            place(root, 0)
            slot[0] += 0.5  # a gap between trees
    return dict(sorted(pos.items(), key=lambda kv: str(kv[0])))


def label_overlaps(fig: Any) -> int:
    """How many pairs of text labels overlap on a drawn figure (0 means all readable).

    Examples
    --------
    >>> plt = _pyplot()
    >>> fig, ax = plt.subplots()
    >>> _ = ax.text(0.1, 0.5, "one"), ax.text(0.1, 0.5, "two"), ax.text(0.8, 0.1, "three")
    >>> label_overlaps(fig)
    1
    >>> plt.close(fig)
    """
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for ax in fig.axes for t in ax.texts if t.get_text().strip()]
    return sum(bool(boxes[i].overlaps(boxes[j])) for i in range(len(boxes)) for j in range(i + 1, len(boxes)))


def robustness_figure(report: dict[str, Any]) -> Any:
    """The largest-component curve under each attack, with R in the legend.

    The share axis ends a little above the highest point: on a sparse network every curve
    starts low, and on a 0–1 axis they would read as flat lines. The right axis gives the same
    heights in persons.
    """
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7, 4.5))
    rob = report["robustness"]
    n = max(rob["nodes"], 1)
    for strat, style in STYLES.items():
        xs = [q / n for q in rob[strat]["removed"]]
        est = " (estimate)" if f"robustness.{strat}" in report["estimates"] else ""
        # markers only when there are few points, so coinciding curves stay visible without clutter
        ax.plot(
            xs,
            rob[strat]["largest_fraction"],
            style if len(xs) <= 40 else style.rstrip("os^"),
            markersize=7 if strat == "betweenness" else 4,
            fillstyle="none" if strat == "betweenness" else "full",
            label=f"{ATTACKS[strat]}: R = {rob[strat]['R']:.3f}{est}",
        )
    top = max(max(rob[s]["largest_fraction"]) for s in STYLES)
    ax.set_title(f"Largest connected group as persons are removed ({rob['nodes']} persons)")
    ax.set_xlabel("share of the persons removed, in attack order")
    ax.set_ylabel("largest group, share of all persons")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, min(1.02, max(top, 1 / n) * 1.1))
    right = ax.secondary_yaxis("right", functions=(lambda y: y * n, lambda p: p / n))
    right.set_ylabel("largest group, persons")
    ax.legend(title="attack (R: the curve's mean height)")
    fig.tight_layout()
    return fig


def timeline_figure(report: dict[str, Any]) -> Any:
    """Organizations active and splinter events per year; a plain message when there are none."""
    plt = _pyplot()
    from matplotlib.ticker import MaxNLocator

    fig, ax = plt.subplots(figsize=(7, 4.5))
    t = report["timeline"]
    years = sorted(set(t["active_per_year"]) | set(t["splinters_per_year"]), key=int)
    undated = t["undated_relations"]
    ax.set_title(f"Criminal organizations per year ({undated} relations undated)")
    gap = timeline_gap(t)
    if gap:
        # no axes at all: empty ticks around a message read as data (negative counts, fractional years)
        ax.axis("off")
        ax.text(
            0.5, 0.5, textwrap.fill(gap, 60), ha="center", va="center", fontsize=11, transform=ax.transAxes
        )
        fig.tight_layout()
        return fig
    xs = [int(y) for y in years]
    ax.bar(xs, [t["active_per_year"].get(y, 0) for y in years], color="#9ab", label="organizations active")
    ax.plot(
        xs, [t["splinters_per_year"].get(y, 0) for y in years], "o-", color="#c33", label="splinter events"
    )
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(bottom=0)
    ax.set_xlabel("year")
    ax.set_ylabel("count")
    ax.legend()
    fig.tight_layout()
    return fig


def lineage_figure(G: nx.MultiDiGraph) -> Any:
    """The splinter and faction forest, roots at the top, one label per group."""
    plt = _pyplot()
    F = lineage_forest(G)
    pos = lineage_layout(F)
    slots = max((x for x, _ in pos.values()), default=0) + 1
    depth = -min((y for _, y in pos.values()), default=0) + 1
    fig, ax = plt.subplots(figsize=(min(4 + 1.8 * slots, 40), 2 + 1.4 * depth))
    for kind, style in (("splinter_of", "-"), ("faction_of", "--")):
        edges = [(u, v) for u, v, k in F.edges(data="kind") if k == kind]
        for u, v in edges:
            (x1, y1), (x2, y2) = pos[u], pos[v]
            ax.plot([x1, x2], [y1, y2], style, color="#555", zorder=1)
        if edges:  # the legend names only what is drawn
            ax.plot([], [], style, color="#555", label=kind.replace("_", " "))
    if pos:
        ax.scatter([x for x, _ in pos.values()], [y for _, y in pos.values()], s=60, color="#c33", zorder=2)
    seen_on_level: dict[float, int] = {}
    for node, (x, y) in sorted(pos.items(), key=lambda kv: kv[1]):
        # under its node; every other label on a level drops lower so neighbours do not collide
        i = seen_on_level[y] = seen_on_level.get(y, -1) + 1
        name = F.nodes[node].get("name", str(node))
        ax.text(
            x,
            y - 0.1 - 0.25 * (i % 2),
            name,
            ha="center",
            va="top",
            fontsize=9,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
            zorder=3,
        )
    if not pos:
        ax.text(
            0.5, 0.5, "no splinter or faction relations", ha="center", va="center", transform=ax.transAxes
        )
    ax.set_title("Splinter and faction lineage (parents above their offshoots)")
    ax.set_xlabel("groups")
    ax.set_ylabel("generation (0 = root)")
    ax.set_yticks([-d for d in range(int(depth))], [str(d) for d in range(int(depth))])
    ax.set_xticks([])
    ax.set_xlim(-0.8, slots - 0.2)
    ax.set_ylim(-depth + 0.3, 0.5)
    if F.number_of_edges():
        ax.legend(loc="lower right")
    fig.tight_layout()
    return fig


def skipped(G: nx.MultiDiGraph, report: dict[str, Any]) -> dict[str, str]:
    """The plots `write_plots` leaves out because they would show nothing, each with the reason.

    Examples
    --------
    >>> from ocgraph.graph.analysis.report import analyze
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("K", {"type": "Person"}), ("L", {"type": "Person"})])
    >>> G.add_nodes_from([("O", {"type": "CriminalOrganization", "name": "Old Cartel"}),
    ...                   ("S", {"type": "CriminalOrganization", "name": "Its Splinter"})])
    >>> _ = G.add_edge("K", "O", predicate="leader_of", start="2001")
    >>> _ = G.add_edge("L", "O", predicate="member_of")
    >>> _ = G.add_edge("S", "O", predicate="splinter_of")
    >>> skipped(G, analyze(G))
    {'lineage.png': 'one lineage relation only (Its Splinter splinter of Old Cartel): the report lists it'}
    """
    out = {}
    if report["graph"]["person_network"]["edges"] == 0:
        out["robustness.png"] = "the person network has no ties: every attack leaves single persons"
    gap = timeline_gap(report["timeline"])
    if gap:
        out["timeline.png"] = gap[0].lower() + gap[1:].removesuffix(".")
    F = lineage_forest(G)
    if F.number_of_edges() == 0:
        out["lineage.png"] = "no splinter or faction relations"
    elif F.number_of_edges() == 1:
        [(parent, child, kind)] = F.edges(data="kind")
        names = [F.nodes[n].get("name", str(n)) for n in (child, parent)]
        out["lineage.png"] = (
            f"one lineage relation only ({names[0]} {kind.replace('_', ' ')} {names[1]}): the report lists it"
        )
    return out


def write_plots(G: nx.MultiDiGraph, report: dict[str, Any], folder: str | Path) -> list[Path]:
    """Write robustness.png, timeline.png and lineage.png into `folder`; return their paths.

    A plot with nothing to show is left out (`skipped` says which and why); an empty report has
    no curves: nothing is written.
    """
    plt = _pyplot()
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    if report.get("empty"):
        return []
    leave_out = skipped(G, report)
    written = []
    for name, draw in (
        ("robustness.png", lambda: robustness_figure(report)),
        ("timeline.png", lambda: timeline_figure(report)),
        ("lineage.png", lambda: lineage_figure(G)),
    ):
        if name in leave_out:
            continue
        fig = draw()
        path = out / name
        # no timestamp in the PNG metadata, so the same report gives the same bytes
        fig.savefig(path, dpi=100, metadata={"Software": None})
        plt.close(fig)
        written.append(path)
    return written
