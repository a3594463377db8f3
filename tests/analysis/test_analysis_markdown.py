"""The Markdown report reads as prose: what each measure means, rounded figures, a closing summary."""

from __future__ import annotations

import re

import networkx as nx
import pytest

from ocgraph.graph.analysis.markdown import to_markdown
from ocgraph.graph.analysis.report import analyze


@pytest.fixture
def chapo_report(fixture_graph):
    return analyze(fixture_graph, remove=["El Chapo"])


def _sections(md: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for block in md.split("\n## ")[1:]:
        title, *body = block.splitlines()
        out[title] = [line for line in body if line.strip()]
    return out


def test_every_section_opens_with_what_its_measure_means(chapo_report) -> None:
    sections = _sections(to_markdown(chapo_report))
    assert list(sections) == [
        "Graph",
        "Connectivity",
        "Concentration",
        "Splinter and faction lineage",
        "Timeline",
        "Key players (person network)",
        "Communities (criminal network, Louvain)",
        "Structural balance (alliances +, rivalries −)",
        "Robustness of the person network",
        "Decapitation",
        "In short",
    ]
    for title, lines in sections.items():
        if title == "In short":
            continue
        first = lines[0]
        # a sentence of prose, not a table row or a count: no digits, capitalised, long enough to explain
        assert first[0].isupper() and first.endswith(".") and len(first.split()) >= 20, (title, first)
        assert not re.search(r"\d{2,}", first), (title, first)


def test_figures_are_rounded_for_reading_and_json_keeps_them(chapo_report) -> None:
    md = to_markdown(chapo_report)
    assert not re.search(r"\d\.\d{4,}", md)
    # the person network of the seed facts: 8 persons in components of 7 and 1, so
    # F = 1 - 7·6 / (8·7) = 0.25; without El Chapo 7 persons in 6 and 1: F = 1 - 6·5 / (7·6) = 0.2857…
    assert "| before | 8 | 2 | 87.5% | 0.25 | 0.429 |" in md
    assert "| after | 7 | 2 | 85.7% | 0.286 | 0.524 |" in md
    assert "| person network | 2 | 87.5% | 0.25 | 0.429 |" in md
    after = chapo_report["decapitation"]["after"]
    assert (after["largest_fraction"], after["F"]) == (round(6 / 7, 6), round(1 - 30 / 42, 6))
    assert chapo_report["decapitation"]["before"]["DF"] == 0.428571


def test_the_report_ends_with_what_the_removal_changed(chapo_report, fixture_graph) -> None:
    md = to_markdown(chapo_report)
    assert md.endswith(
        "## In short\n\n"
        "- Removing Joaquín Guzmán Loera kept the person network at 2 groups; the largest group went "
        "from 7 persons (87.5%) to 6 persons (85.7%).\n"
        "- Fragmentation F rose from 0.25 to 0.286: more pairs of persons cannot reach each other.\n"
        "- Sinaloa Cartel lost Joaquín Guzmán Loera but is still led by Ismael Zambada García.\n"
    )
    both = to_markdown(analyze(fixture_graph, strategy="betweenness", k=2))
    assert both.endswith(
        "- Removing Ismael Zambada García and Joaquín Guzmán Loera (the top 2 by betweenness) split the "
        "person network from 2 groups into 6; the largest group went from 7 persons (87.5%) to "
        "1 person (16.7%).\n"
        "- Fragmentation F rose from 0.25 to 1: no person can reach any other any more.\n"
        "- Sinaloa Cartel lost all its leaders (Ismael Zambada García and Joaquín Guzmán Loera) and no "
        "successor is recorded.\n"
    )
    assert "## In short" not in to_markdown(analyze(fixture_graph))


def test_timeline_counts_the_one_dated_relation() -> None:
    # 3 relations, one dated, none of the dated ones touching a criminal organization
    G = nx.MultiDiGraph()
    G.add_node("policy/k", type="Policy", name="Kingpin Strategy")
    G.add_node("person/c", type="Person", name="Felipe Calderón")
    G.add_node("person/b", type="Person", name="Boss")
    G.add_node("crimorg/o", type="CriminalOrganization", name="Org")
    G.add_edge("policy/k", "person/c", key="r1", predicate="launched_by", date="2006")
    G.add_edge("person/b", "crimorg/o", key="r2", predicate="leader_of")
    G.add_edge("person/c", "person/b", key="r3", predicate="associated_with")
    report = analyze(G)
    assert (report["timeline"]["undated_relations"], report["timeline"]["dated_relations"]) == (2, 1)
    timeline = _sections(to_markdown(report))["Timeline"]
    assert timeline[1:] == [
        "1 of 3 relations is dated, but it involves no criminal organization: no yearly counts."
    ]
