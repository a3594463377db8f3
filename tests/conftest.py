"""Shared fixtures: a private data directory per test, the seed text and the hand-written graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from ocgraph.graph.model import KnowledgeGraph
from ocgraph.graph.store import read_graph

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def ocgraph_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty data directory, so none touches ./ocgraph-data."""
    home = tmp_path / "ocgraph-home"
    monkeypatch.setenv("OCGRAPH_HOME", str(home))
    return home


@pytest.fixture
def seed_text() -> str:
    return (DATA / "seed-kingpin-strategy.txt").read_text(encoding="utf-8")


@pytest.fixture
def fixture_graph() -> KnowledgeGraph:
    """The hand-written graph of the seed article's main facts (data/fixture-graph.jsonl)."""
    return read_graph(DATA / "fixture-graph.jsonl")


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory):
    """The project's own Neo4j, started once per test session on a free port in a temporary directory.

    The first start fetches Neo4j through Maven (from ~/.m2 when cached). Yields the
    `ocgraph.graph.neo4j_server.LocalServer`; connect with `neo4j_connect.resolve(server.uri,
    "neo4j", server.password())`, or use the `neo4j_env` fixture in tests/neo4j/conftest.py.
    Tests that use it should empty the database first (`MATCH (n) DETACH DELETE n`).
    """
    from ocgraph.graph.neo4j_server import LocalServer, free_port

    server = LocalServer(tmp_path_factory.mktemp("neo4j-home"), port=free_port(), http_port=free_port())
    server.start(heap="1g", pagecache_mib=256)
    yield server
    server.stop()
