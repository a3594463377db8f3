"""Plots: titles, axis labels, legends, readable names, and the same bytes on every run."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from ocgraph.graph.analysis import plots, projection
from ocgraph.graph.analysis.report import analyze


@pytest.fixture
def seed_typed(fixture_graph):
    return projection.from_knowledge_graph(fixture_graph)


def _check_axes(fig) -> None:
    ax = fig.axes[0]
    assert ax.get_title()
    assert ax.get_xlabel()
    assert ax.get_ylabel()
    assert ax.get_legend() is not None


def test_seed_figures_are_labelled_and_readable(seed_typed) -> None:
    report = analyze(seed_typed)
    fig = plots.robustness_figure(report)
    _check_axes(fig)
    assert plots.label_overlaps(fig) == 0
    # the seed graph has no dates on its groups: the timeline is a titled message (tested below)
    fig = plots.timeline_figure(report)
    assert fig.axes[0].get_title() and len(fig.axes[0].texts) == 1
    fig = plots.lineage_figure(seed_typed)
    _check_axes(fig)
    names = sorted(t.get_text() for t in fig.axes[0].texts)
    assert names == ["Los Chapitos", "Sinaloa Cartel"]
    assert plots.label_overlaps(fig) == 0
    # the seed has a faction and no splinter: the legend names only what is drawn
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend == ["faction of"]


def test_robustness_legend_gives_r(seed_typed) -> None:
    report = analyze(seed_typed)
    fig = plots.robustness_figure(report)
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    R = {s: report["robustness"][s]["R"] for s in ("betweenness", "degree", "random")}
    assert legend == [
        f"highest betweenness first: R = {R['betweenness']:.3f}",
        f"highest degree first: R = {R['degree']:.3f}",
        f"random order: R = {R['random']:.3f}",
    ]
    assert fig.axes[0].get_ylabel() == "largest group, share of all persons"
    assert fig.axes[0].child_axes[0].get_ylabel() == "largest group, persons"


def test_robustness_axis_is_scaled_to_low_curves() -> None:
    # 20 persons: one organization of a leader and 2 members, 17 persons tied to it only through
    # OFAC; every curve stays at or under 3/20 = 0.15, which a 0-1 axis draws as flat lines
    G = nx.MultiDiGraph()
    G.add_node("O", type="CriminalOrganization", name="Org")
    G.add_node("OFAC", type="GovernmentOrganization", name="OFAC")
    for i in range(20):
        G.add_node(f"p{i}", type="Person", name=f"Person {i}")
        G.add_edge(f"p{i}", "O" if i < 3 else "OFAC", predicate="leader_of" if i == 0 else "member_of")
        if i >= 3:
            G.add_edge(f"p{i}", "O", predicate="associated_with")  # in the person network, alone
    report = analyze(G)
    assert report["robustness"]["nodes"] == 20
    assert report["robustness"]["betweenness"]["largest_fraction"][0] == 0.15
    ax = plots.robustness_figure(report).axes[0]
    assert ax.get_ylim() == pytest.approx((0.0, 0.165))
    assert ax.get_xlim() == (0.0, 1.0)


def test_wide_lineage_names_do_not_collide() -> None:
    G = nx.MultiDiGraph()
    G.add_node("P", name="Beltrán Leyva Organization")
    for i in range(6):
        G.add_node(f"C{i}", name=f"Cártel Independiente Número {i}")
        G.add_edge(f"C{i}", "P", predicate="splinter_of")
        G.add_node(f"C{i}x", name=f"Facción de Cártel {i}")
        G.add_edge(f"C{i}x", f"C{i}", predicate="faction_of")
    fig = plots.lineage_figure(G)
    assert len(fig.axes[0].texts) == 13
    assert plots.label_overlaps(fig) == 0


def test_layout_puts_parents_over_children() -> None:
    F = nx.DiGraph([("P", "C1"), ("P", "C2"), ("C1", "C1a"), ("C1", "C1b"), ("C1a", "C1a-i")])
    pos = plots.lineage_layout(F)
    # leaves C1a-i, C1b, C2 take slots 0, 1, 2; each parent sits at the mean of its children
    assert pos["C1a-i"] == (0.0, -3.0)
    assert pos["C1a"] == (0.0, -2.0)
    assert pos["C1"] == (0.5, -1.0)
    assert pos["C2"] == (2.0, -1.0)
    assert pos["P"] == (1.25, 0.0)


def test_pngs_are_byte_identical(seed_typed, tmp_path: Path) -> None:
    report = analyze(seed_typed)
    first = plots.write_plots(seed_typed, report, tmp_path / "a")
    second = plots.write_plots(seed_typed, report, tmp_path / "b")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_empty_report_writes_nothing(tmp_path: Path) -> None:
    assert plots.write_plots(nx.MultiDiGraph(), analyze(nx.MultiDiGraph()), tmp_path) == []


def test_undated_timeline_is_a_message_without_axes() -> None:
    G = nx.MultiDiGraph()
    G.add_node("o1", type="CriminalOrganization", name="Org One")
    G.add_node("o2", type="CriminalOrganization", name="Org Two")
    G.add_node("p", type="Person", name="Boss")
    G.add_edge("p", "o1", key="r1", predicate="leader_of")
    G.add_edge("o2", "o1", key="r2", predicate="splinter_of")
    report = analyze(G)
    assert report["timeline"]["active_per_year"] == {}
    fig = plots.timeline_figure(report)
    [ax] = fig.axes
    assert not ax.axison  # no ticks from -0.04 to 0.04, no negative counts
    assert ax.get_legend() is None
    assert [t.get_text() for t in ax.texts] == [
        "No dated relations: none of the 2 relations has a start, end\nor date: no yearly counts."
    ]
    assert ax.get_title() == "Criminal organizations per year (2 relations undated)"


def test_dated_timeline_has_whole_years_and_counts() -> None:
    G = nx.MultiDiGraph()
    G.add_nodes_from(["O1", "O2"], type="CriminalOrganization")
    G.add_node("K", type="Person", name="K")
    G.add_edge("K", "O1", key="r1", predicate="leader_of", start="2007", end="2009")
    G.add_edge("O2", "O1", key="r2", predicate="splinter_of", date="2009")
    report = analyze(G)
    assert report["timeline"]["active_per_year"] == {"2007": 1, "2008": 1, "2009": 2}
    fig = plots.timeline_figure(report)
    _check_axes(fig)
    [ax] = fig.axes
    fig.canvas.draw()
    assert all(float(v).is_integer() for v in ax.get_xticks())
    assert all(float(v).is_integer() and v >= 0 for v in ax.get_yticks() if v >= ax.get_ylim()[0])
    assert ax.get_ylim()[0] == 0


def test_plots_with_nothing_to_show_are_skipped_with_the_reason(seed_typed, tmp_path: Path) -> None:
    report = analyze(seed_typed)
    # the seed's five dated relations (the Mérida Initiative, four rewards) involve no criminal
    # organization, and its lineage is one faction: neither plot would show anything
    assert plots.skipped(seed_typed, report) == {
        "timeline.png": "5 of 37 relations are dated, but none involves a criminal organization: "
        "no yearly counts",
        "lineage.png": "one lineage relation only (Los Chapitos faction of Sinaloa Cartel): "
        "the report lists it",
    }
    assert plots.write_plots(seed_typed, report, tmp_path) == [tmp_path / "robustness.png"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["robustness.png"]
    lonely = nx.MultiDiGraph()
    lonely.add_node("p", type="Person", name="Alone")
    lonely.add_node("o", type="CriminalOrganization", name="Org")
    lonely.add_edge("p", "o", predicate="member_of", start="2001")
    assert plots.skipped(lonely, analyze(lonely)) == {
        "robustness.png": "the person network has no ties: every attack leaves single persons",
        "lineage.png": "no splinter or faction relations",
    }
