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
