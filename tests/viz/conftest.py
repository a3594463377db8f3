"""A store the size of the demo's: the seed facts and OFAC's SDN excerpt, where OFAC is a hub."""

from __future__ import annotations

from pathlib import Path

import pytest

from ocgraph.graph.model import KnowledgeGraph
from ocgraph.loaders import ofac

OFAC = Path(__file__).resolve().parents[1] / "fixtures" / "ofac"


@pytest.fixture
def ofac_graph(fixture_graph: KnowledgeGraph) -> KnowledgeGraph:
    """The hand-written seed graph with the SDN excerpt merged in (329 entities, 584 relations)."""
    found, errors = ofac.ingest(
        [OFAC / "sdn_2024-05-03_jackdwyer.csv"],
        alt=OFAC / "alt_2021-04_garybogle.csv",
        add=OFAC / "add_2021-04_garybogle.csv",
        known=fixture_graph,
    )
    assert errors == []
    fixture_graph.merge(found)
    return fixture_graph
