"""The SPARQL twins of the named Cypher queries return the same rows, on the seed graph and the hand graph."""

from __future__ import annotations

import pytest
from test_neo4j_queries import hand_graph

from ocgraph.graph.neo4j_writer import Neo4jWriter
from ocgraph.graph.rdf import to_oxigraph
from ocgraph.queries.library import available, run_cypher, run_sparql

pytestmark = pytest.mark.neo4j

SEED_PARAMS = {
    "members": [{"org": "Sinaloa Cartel"}, {"org": "los chapitos"}, {"org": "nobody"}],
    "leaders": [{"org": "SINALOA CARTEL"}, {"org": "CJNG"}],
    "rivals_allies": [{"actor": "Los Chapitos"}, {"actor": "el mayo"}, {"actor": "Ismael Zambada Garcia"}],
    "sanctions_rewards": [{}, {"actor": "United States"}, {"actor": "ofac"}, {"actor": "el guano"}],
    "leaderless": [{}],
}
HAND_PARAMS = {
    "members": [{"org": "cartel alfa"}, {"org": "Facción Beta"}],
    "leaders": [{"org": "CA"}],
    "rivals_allies": [{"actor": "cartel alfa"}, {"actor": "grupo epsilon"}],
    "sanctions_rewards": [{}, {"actor": "ofac"}, {"actor": "el jefe"}],
    "leaderless": [{}],
}


def test_five_queries_have_sparql_twins():
    assert sorted(available("sparql")) == sorted(SEED_PARAMS)
    for name, query in available("sparql").items():
        assert [p.name for p in query.params] == [p.name for p in available("cypher")[name].params]


@pytest.mark.parametrize("graph", ["seed", "hand"])
def test_cypher_and_sparql_return_the_same_rows(neo4j_db, neo4j_settings, fixture_graph, graph):
    kg, cases = (fixture_graph, SEED_PARAMS) if graph == "seed" else (hand_graph(), HAND_PARAMS)
    Neo4jWriter(neo4j_db).load(kg)
    store = to_oxigraph(kg)
    nonempty = 0
    for name, grid in cases.items():
        for params in grid:
            cypher_cols, cypher_rows = run_cypher(neo4j_db, neo4j_settings, name, params)
            sparql_cols, sparql_rows = run_sparql(kg, name, params, store=store)
            assert sparql_cols == cypher_cols, name
            assert sparql_rows == cypher_rows, (name, params)
            nonempty += bool(cypher_rows)
    assert nonempty >= len(cases)  # the comparison is not between empty answers
