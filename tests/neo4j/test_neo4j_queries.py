"""Every named Cypher query on a small hand-built graph, rows checked by hand."""

from __future__ import annotations

import pytest

from ocgraph.graph.model import Evidence, KnowledgeGraph
from ocgraph.graph.neo4j_writer import Neo4jWriter
from ocgraph.queries.library import available, run_cypher

pytestmark = pytest.mark.neo4j

OFAC = "Office of Foreign Assets Control"


def hand_graph() -> KnowledgeGraph:
    """Cártel Alfa with a faction tree, leaders past and present, sanctions, rewards and successions."""
    kg = KnowledgeGraph()
    ids = {}

    def add(type_, name, aliases=(), **kw):
        ids[name] = kg.add_entity(type_, name, aliases, **kw).id

    for name, aliases in [
        ("Cártel Alfa", ["CA"]),
        ("Facción Beta", []),
        ("Célula Gamma", []),
        ("Splinter Delta", []),
        ("Grupo Épsilon", []),
        ("Zeta Sucesor", []),
    ]:
        add("CriminalOrganization", name, aliases)
    add("Person", "José Núñez", ["El Jefe"])
    for name in ("Ana Ruiz", "Luis Peña", "Marta Díaz"):
        add("Person", name)
    add("GovernmentOrganization", OFAC, ["OFAC"])
    add("State", "United States", ["U.S."])
    for name in ("Plan Uno", "Plan Dos", "Plan Tres"):
        add("Policy", name)
    add("Document", "Test Report", id="doc/test", properties={"date": "2024-01-02"})
    ids["Test Report"] = "doc/test"

    def rel(s, p, o, props=None, evidence=()):
        kg.add_relation(ids[s], p, ids[o], props or {}, evidence)

    rel("Facción Beta", "faction_of", "Cártel Alfa")
    rel("Célula Gamma", "faction_of", "Facción Beta")
    rel("Splinter Delta", "splinter_of", "Cártel Alfa", {"date": "2020"})
    rel(
        "José Núñez",
        "leader_of",
        "Cártel Alfa",
        {"role": "boss", "status": "current", "start": "2015"},
        [
            Evidence("doc/test", 10, 40, "José Núñez leads Cártel Alfa.", "manual", None),
            Evidence("doc/test", 100, 130, "El Jefe, boss of the cartel", "spacy", 0.75),
        ],
    )
    rel("Ana Ruiz", "leader_of", "Cártel Alfa", {"status": "former", "start": "2005", "end": "2015"})
    rel("Luis Peña", "member_of", "Cártel Alfa", {"role": "financial operator"})
    rel("Luis Peña", "leader_of", "Grupo Épsilon", {"status": "former"})
    rel("Marta Díaz", "member_of", "Facción Beta")
    rel("Ana Ruiz", "succeeded_by", "José Núñez", {"date": "2015"})
    rel("Grupo Épsilon", "succeeded_by", "Zeta Sucesor")
    rel("Plan Uno", "succeeded_by", "Plan Dos", {"date": "2010"})
    rel("Plan Dos", "succeeded_by", "Plan Tres", {"start": "2018"})
    programs = ["SDNTK", "ILLICIT-DRUGS-EO14059"]
    rel("José Núñez", "sanctioned_by", OFAC, {"program": programs, "date": "2021-03"})
    rel("Cártel Alfa", "sanctioned_by", OFAC, {"program": "SDNTK"})
    rel(
        "José Núñez",
        "reward_offered_by",
        "United States",
        {"amount": 5000000, "currency": "USD", "amount_scope": "each"},
    )
    rel("Luis Peña", "reward_offered_by", "United States", {"amount": 1000000, "currency": "USD"})
    rel("Grupo Épsilon", "rival_of", "Cártel Alfa", {"status": "current"})
    rel("Zeta Sucesor", "allied_with", "Cártel Alfa")
    return kg


@pytest.fixture(scope="module")
def loaded(neo4j_session_driver, neo4j_settings):
    """The hand graph in an emptied database, loaded once: every query here only reads."""
    drv = neo4j_session_driver
    drv.execute_query("MATCH (n) DETACH DELETE n")
    Neo4jWriter(drv).load(hand_graph())
    return lambda query, **params: run_cypher(drv, neo4j_settings, query, params)[1]


CASES = {
    "members": [
        (
            {"org": "cartel alfa"},
            [
                ["Cártel Alfa", "Ana Ruiz", "LEADER_OF", None, "former", "2005", "2015"],
                ["Cártel Alfa", "José Núñez", "LEADER_OF", "boss", "current", "2015", None],
                ["Cártel Alfa", "Luis Peña", "MEMBER_OF", "financial operator", None, None, None],
            ],
        ),
        ({"org": "Facción Beta"}, [["Facción Beta", "Marta Díaz", "MEMBER_OF", None, None, None, None]]),
        ({"org": "nobody"}, []),
    ],
    "leaders": [
        (
            {"org": "CA"},
            [
                ["Cártel Alfa", "José Núñez", "boss", "current", "2015", None, True],
                ["Cártel Alfa", "Ana Ruiz", None, "former", "2005", "2015", False],
            ],
        ),
    ],
    "rivals_allies": [
        (
            {"actor": "cartel alfa"},
            [
                ["Cártel Alfa", "ally", "Zeta Sucesor", None, None, None],
                ["Cártel Alfa", "rival", "Grupo Épsilon", "current", None, None],
            ],
        ),
        ({"actor": "GRUPO EPSILON"}, [["Grupo Épsilon", "rival", "Cártel Alfa", "current", None, None]]),
    ],
    "faction_tree": [
        (
            {"org": "cártel alfa"},
            [
                ["Cártel Alfa", "Facción Beta", 1, ["FACTION_OF"], ["Facción Beta", "Cártel Alfa"]],
                ["Cártel Alfa", "Splinter Delta", 1, ["SPLINTER_OF"], ["Splinter Delta", "Cártel Alfa"]],
                [
                    "Cártel Alfa",
                    "Célula Gamma",
                    2,
                    ["FACTION_OF", "FACTION_OF"],
                    ["Célula Gamma", "Facción Beta", "Cártel Alfa"],
                ],
            ],
        ),
    ],
    "sanctions_rewards": [
        (
            {},
            [
                ["Cártel Alfa", "sanction", OFAC, None, None, None, ["SDNTK"], None],
                ["José Núñez", "reward", "United States", 5000000, "USD", "each", [], None],
                [
                    "José Núñez",
                    "sanction",
                    OFAC,
                    None,
                    None,
                    None,
                    ["ILLICIT-DRUGS-EO14059", "SDNTK"],
                    "2021-03",
                ],
                ["Luis Peña", "reward", "United States", 1000000, "USD", None, [], None],
            ],
        ),
        (
            {"actor": "ofac"},
            [
                ["Cártel Alfa", "sanction", OFAC, None, None, None, ["SDNTK"], None],
                [
                    "José Núñez",
                    "sanction",
                    OFAC,
                    None,
                    None,
                    None,
                    ["ILLICIT-DRUGS-EO14059", "SDNTK"],
                    "2021-03",
                ],
            ],
        ),
    ],
    "succession": [
        ({"name": "plan dos"}, [[["Plan Uno", "Plan Dos", "Plan Tres"], ["2010", "2018"], 2]]),
        ({"name": "el jefe"}, [[["Ana Ruiz", "José Núñez"], ["2015"], 1]]),
        ({"name": "Zeta Sucesor"}, [[["Grupo Épsilon", "Zeta Sucesor"], [None], 1]]),
    ],
    "shortest_path": [
        (
            {"source": "marta diaz", "target": "OFAC"},
            [
                [
                    "Marta Díaz",
                    OFAC,
                    3,
                    ["Marta Díaz", "Facción Beta", "Cártel Alfa", OFAC],
                    ["MEMBER_OF", "FACTION_OF", "SANCTIONED_BY"],
                ],
            ],
        ),
    ],
    "neighborhood": [
        (
            {"actor": "el jefe", "hops": "1"},
            [
                ["José Núñez", "Ana Ruiz", "Person", 1],
                ["José Núñez", "Cártel Alfa", "CriminalOrganization", 1],
                ["José Núñez", OFAC, "GovernmentOrganization", 1],
                ["José Núñez", "United States", "State", 1],
            ],
        ),
        (
            {"actor": "marta díaz"},
            [
                ["Marta Díaz", "Facción Beta", "CriminalOrganization", 1],
                ["Marta Díaz", "Cártel Alfa", "CriminalOrganization", 2],
                ["Marta Díaz", "Célula Gamma", "CriminalOrganization", 2],
            ],
        ),
    ],
    "evidence": [
        (
            {"subject": "el jefe", "object": "cartel alfa"},
            [
                [
                    "José Núñez",
                    "LEADER_OF",
                    "Cártel Alfa",
                    "José Núñez leads Cártel Alfa.",
                    "doc/test",
                    "Test Report",
                    10,
                    40,
                    "manual",
                    None,
                ],
                [
                    "José Núñez",
                    "LEADER_OF",
                    "Cártel Alfa",
                    "El Jefe, boss of the cartel",
                    "doc/test",
                    "Test Report",
                    100,
                    130,
                    "spacy",
                    0.75,
                ],
            ],
        ),
        ({"subject": "el jefe", "object": "cartel alfa", "predicate": "member_of"}, []),
    ],
    "leaderless": [
        (
            {},
            [
                ["Célula Gamma", []],
                ["Facción Beta", []],
                ["Grupo Épsilon", ["Luis Peña"]],
                ["Splinter Delta", []],
                ["Zeta Sucesor", []],
            ],
        ),
    ],
    "most_targeted": [
        (
            {},
            [
                ["José Núñez", 1, 1, 2, 5000000],
                ["Luis Peña", 0, 1, 1, 1000000],
                ["Cártel Alfa", 1, 0, 1, 0],
            ],
        ),
        ({"limit": "2"}, [["José Núñez", 1, 1, 2, 5000000], ["Luis Peña", 0, 1, 1, 1000000]]),
    ],
}


def test_every_named_query_has_a_case():
    assert sorted(CASES) == sorted(available("cypher"))


@pytest.mark.parametrize("name", sorted(CASES))
def test_named_query_rows(loaded, name):
    for params, expected in CASES[name]:
        assert loaded(name, **params) == expected, (name, params)
