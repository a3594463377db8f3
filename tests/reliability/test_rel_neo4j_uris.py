"""Beyond one machine, as far as one machine can show it: neo4j:// routing URIs and database selection."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ocgraph.cli import main
from ocgraph.graph import neo4j_connect
from ocgraph.graph.neo4j_writer import Neo4jWriter
from ocgraph.graph.store import read_graph

FIXTURE_GRAPH = Path(__file__).resolve().parents[2] / "data" / "fixture-graph.jsonl"

pytestmark = pytest.mark.neo4j


@pytest.fixture
def routed(neo4j_server, monkeypatch: pytest.MonkeyPatch):
    """NEO4J_* settings with the routing scheme (neo4j://) to the session's server, emptied."""
    cs = neo4j_connect.ConnectionSettings(neo4j_server.uri, "neo4j", neo4j_server.password())
    with neo4j_connect.driver(cs) as drv:
        neo4j_connect.run(drv, cs, "MATCH (n) DETACH DELETE n", write=True)
    routing = "neo4j://" + neo4j_server.uri.partition("://")[2]
    monkeypatch.setenv("NEO4J_URI", routing)
    monkeypatch.setenv("NEO4J_USERNAME", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", cs.password)
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    return neo4j_connect.ConnectionSettings(routing, "neo4j", cs.password)


def test_load_through_a_routing_uri_into_a_named_database(routed) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["merge", str(FIXTURE_GRAPH)]).exit_code == 0
    result = runner.invoke(main, ["load", "--database", "neo4j"])
    assert result.exit_code == 0, result.output
    assert f"into {routed.uri} as neo4j, database neo4j" in result.stdout
    # the routing driver asked the server for its routing table and wrote to the leader (itself)
    with neo4j_connect.driver(routed) as drv:
        assert Neo4jWriter(drv, "neo4j").dump() == read_graph(FIXTURE_GRAPH)


def test_a_database_that_does_not_exist_is_one_line(routed) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["merge", str(FIXTURE_GRAPH)]).exit_code == 0
    result = runner.invoke(main, ["load", "--database", "nosuchdb"])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("error: ")
    assert "nosuchdb" in result.stderr
