"""as_of slicing and yearly counts on a small dated typed graph built through the real model."""

from __future__ import annotations

import pytest

from ocgraph.errors import InputError
from ocgraph.graph.analysis import projection, timeline
from ocgraph.graph.analysis.report import analyze
from ocgraph.graph.model import KnowledgeGraph


@pytest.fixture
def dated() -> KnowledgeGraph:
    kg = KnowledgeGraph()
    p = {n: kg.add_entity("Person", n).id for n in ("Boss", "Heir", "Hitman")}
    o = {n: kg.add_entity("CriminalOrganization", n).id for n in ("Old Cartel", "Splinter", "Cell")}
    kg.add_relation(p["Boss"], "leader_of", o["Old Cartel"], {"start": "2005", "end": "2012-06"})
    kg.add_relation(p["Heir"], "leader_of", o["Old Cartel"], {"start": "2012-07"})
    kg.add_relation(p["Hitman"], "member_of", o["Old Cartel"])
    kg.add_relation(o["Splinter"], "splinter_of", o["Old Cartel"], {"date": "2010-03"})
    kg.add_relation(o["Cell"], "faction_of", o["Splinter"], {"start": "2011"})
    kg.add_relation(p["Boss"], "succeeded_by", p["Heir"], {"date": "2012-07"})
    return kg


def test_as_of_keeps_what_held_that_day(dated: KnowledgeGraph) -> None:
    G = projection.from_knowledge_graph(dated)
    H = timeline.as_of(G, "2010-01-15")
    kept = sorted((H.nodes[u]["name"], d["predicate"]) for u, _, d in H.edges(data=True))
    assert kept == [("Boss", "leader_of"), ("Hitman", "member_of")]
    assert H.graph["as_of"] == {"date": "2010-01-15", "edges": 6, "kept": 2, "dropped": 4, "kept_undated": 1}
    H = timeline.as_of(G, "2012")  # a year covers both leaders: Boss until June, Heir from July
    leaders = sorted(H.nodes[u]["name"] for u, _, d in H.edges(data=True) if d["predicate"] == "leader_of")
    assert leaders == ["Boss", "Heir"]
    assert H.number_of_nodes() == G.number_of_nodes()


def test_yearly_counts(dated: KnowledgeGraph) -> None:
    G = projection.from_knowledge_graph(dated)
    # Old Cartel 2005..2012 (and on, open-ended, to the last year mentioned: 2012); Splinter 2010
    # (its splinter date) and 2011..2012 (the cell's open faction_of); Cell 2011..2012
    assert timeline.active_per_year(G) == {
        2005: 1, 2006: 1, 2007: 1, 2008: 1, 2009: 1, 2010: 2, 2011: 3, 2012: 3,
    }  # fmt: skip
    assert timeline.splinters_per_year(G) == {2010: 1, 2011: 1}
    assert timeline.undated_edges(G) == 1


def test_report_as_of_decapitation_uses_the_leader_of_that_time(dated: KnowledgeGraph) -> None:
    early = analyze(dated, as_of="2008", remove=["Boss"])
    [org] = early["decapitation"]["organizations"]
    # in 2008 Boss was the only leader; the succession to Heir is dated 2012 and not yet known
    assert (org["name"], org["leaderless"], org["successors"]) == ("Old Cartel", True, [])
    late = analyze(dated, remove=["Boss"])
    [org] = late["decapitation"]["organizations"]
    assert (org["remaining_leaders"], org["leaderless"]) == (["Heir"], False)


def test_bad_dates_in_the_graph_name_the_value() -> None:
    with pytest.raises(InputError, match="'2010-00' is not a date"):
        timeline.parse_period("2010-00")


def _yearly_by_definition(G) -> dict:
    # the yearly figures edge by edge, written from the docstrings: the array version must agree
    undated, years, splinters, spans = 0, [], {}, set()
    for u, v, d in G.edges(data=True):
        start, end, date = d.get("start"), d.get("end"), d.get("date")
        if not (start or end or date):
            undated += 1
            continue
        years += [timeline.parse_period(x)[1].year for x in (start, end, date) if x]
        when = date or start
        if when and d.get("predicate") in ("splinter_of", "faction_of"):
            y = timeline.parse_period(when)[0].year
            splinters[y] = splinters.get(y, 0) + 1
        if date and not start:
            first = final = timeline.parse_period(date)[0].year
        else:
            first = timeline.parse_period(start)[0].year if start else timeline.parse_period(end)[1].year
            final = timeline.parse_period(end)[1].year if end else None
        spans |= {(n, first, final) for n in (u, v) if G.nodes[n].get("type") == "CriminalOrganization"}
    active: dict[int, set] = {}
    for n, first, final in spans:
        for y in range(first, (max(max(years), first) if final is None else final) + 1):
            active.setdefault(y, set()).add(n)
    return {
        "undated": undated,
        "active_per_year": {y: len(active[y]) for y in sorted(active)},
        "splinters_per_year": dict(sorted(splinters.items())),
    }


def test_yearly_equals_the_edge_by_edge_definition(dated: KnowledgeGraph) -> None:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from synthetic import make_graph

    G = projection.from_knowledge_graph(dated)
    # corners: an end before its start, a date with an end, an end alone, a self-loop, a
    # splinter dated by start only, a group that is only ever the subject
    cell, splinter, old = "crimorg/cell", "crimorg/splinter", "crimorg/old-cartel"
    corners = [
        (cell, splinter, {"predicate": "rival_of", "start": "2015", "end": "2013"}),
        (cell, old, {"predicate": "allied_with", "date": "2009", "end": "2011"}),
        (cell, cell, {"predicate": "allied_with", "end": "2004-02"}),
        ("crimorg/new", cell, {"predicate": "splinter_of", "start": "2016-05"}),
    ]
    for u, v, d in corners:
        G.add_node(u, type="CriminalOrganization")
        G.add_edge(u, v, **d)
    graphs = [G] + [projection.from_knowledge_graph(make_graph(500, 3000, seed=s)) for s in range(3)]
    for H in graphs:
        expected = _yearly_by_definition(H)
        assert timeline.yearly(H) == expected
        assert expected["active_per_year"] and expected["splinters_per_year"] and expected["undated"]
    assert timeline.yearly(G)["active_per_year"][2004] == 1  # the self-loop's group, once
