"""GraphML and GEXF exports read back by networkx: nodes, edges, attributes, timeline dates, same bytes."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from ocgraph.cli import main
from ocgraph.errors import InputError
from ocgraph.graph.gephi import write
from ocgraph.graph.model import KnowledgeGraph

REWARD = "rel/01ca71ee91974bb1"  # Joaquín Guzmán López reward_offered_by US State Department, 2022-12


def _bytes(kg: KnowledgeGraph, fmt: str) -> bytes:
    out = io.BytesIO()
    write(kg, out, fmt)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_read_back_by_networkx(fixture_graph: KnowledgeGraph, fmt: str) -> None:
    data = _bytes(fixture_graph, fmt)
    g = nx.read_graphml(io.BytesIO(data)) if fmt == "graphml" else nx.read_gexf(io.BytesIO(data))
    assert isinstance(g, nx.MultiDiGraph)
    assert sorted(g.nodes) == sorted(fixture_graph.entities)
    edges = {key: (u, v, d) for u, v, key, d in g.edges(keys=True, data=True)}
    assert sorted(edges) == sorted(fixture_graph.relations)
    for rid, rel in fixture_graph.relations.items():
        u, v, d = edges[rid]
        assert (u, v, d["predicate"]) == (rel.subject, rel.object, rel.predicate)
        assert d["evidence_count"] == len(rel.evidence)
    chapo = g.nodes["person/joaquin-guzman-loera"]
    assert chapo["label"] == "Joaquín Guzmán Loera"
    assert chapo["type"] == "Person"
    assert chapo["aliases"] == "; ".join(fixture_graph.entities["person/joaquin-guzman-loera"].aliases)
    reward = edges[REWARD][2]
    assert (reward["date"], reward["amount"], reward["currency"]) == ("2022-12", 20000000.0, "USD")


def test_gexf_has_a_timeline(fixture_graph: KnowledgeGraph) -> None:
    text = _bytes(fixture_graph, "gexf").decode("utf-8")
    assert '<graph defaultedgetype="directed" mode="dynamic" name="ocgraph" timeformat="date">' in text
    # a month-precision date starts on the month's first day
    assert f'id="{REWARD}" label="reward_offered_by" start="2022-12-01"' in text
    dated = [
        r for r in fixture_graph.relations.values() if r.properties.get("start") or r.properties.get("date")
    ]
    assert text.count(' start="') == len(dated)
    g = nx.read_gexf(io.StringIO(text))
    (_, _, d) = next((u, v, d) for u, v, k, d in g.edges(keys=True, data=True) if k == REWARD)
    assert d["start"] == "2022-12-01"


def test_partial_dates_widen_to_days() -> None:
    kg = KnowledgeGraph()
    a = kg.add_entity("Person", "Ovidio Guzmán López").id
    b = kg.add_entity("CriminalOrganization", "Los Chapitos").id
    kg.add_relation(a, "member_of", b, {"start": "2016", "end": "2023-02"})
    g = nx.read_gexf(io.BytesIO(_bytes(kg, "gexf")))
    (d,) = [d for _, _, d in g.edges(data=True)]
    assert (d["start"], d["end"], d["start_date"], d["end_date"]) == (
        "2016-01-01",
        "2023-02-28",
        "2016",
        "2023-02",
    )


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_same_graph_same_bytes(fixture_graph: KnowledgeGraph, fmt: str) -> None:
    first = _bytes(fixture_graph, fmt)
    rebuilt = KnowledgeGraph()
    for record in reversed(fixture_graph.to_records()[:22]):  # entities, in another order
        rebuilt.add_record(record)
    for record in fixture_graph.to_records()[22:]:
        rebuilt.add_record(record)
    assert _bytes(rebuilt, fmt) == first
    if fmt == "gexf":
        assert (
            b'lastmodifieddate="2022-12-08"' in first
        )  # the latest date in the data (the article), not today


def test_cli_export(tmp_path: Path) -> None:
    fixture = Path(__file__).resolve().parents[2] / "data" / "fixture-graph.jsonl"
    runner = CliRunner()
    assert runner.invoke(main, ["merge", str(fixture)]).exit_code == 0
    out = tmp_path / "graph.gexf"
    result = runner.invoke(main, ["export", "--format", "gexf", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert nx.read_gexf(out).number_of_edges() == 37
    result = runner.invoke(main, ["export", "--format", "graphml"])
    assert nx.read_graphml(io.BytesIO(result.stdout_bytes)).number_of_nodes() == 22


def test_unknown_format(fixture_graph: KnowledgeGraph) -> None:
    with pytest.raises(InputError, match="unknown Gephi format 'dot'"):
        write(fixture_graph, io.BytesIO(), "dot")
