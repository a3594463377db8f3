"""Seed-graph scenarios: what the report says about the facts of the kingpin-strategy article."""

from __future__ import annotations

import pytest

from ocgraph.graph.analysis import decapitation, projection
from ocgraph.graph.analysis.report import analyze, to_markdown
from ocgraph.graph.model import KnowledgeGraph

CHAPO = "person/joaquin-guzman-loera"
MAYO = "person/ismael-zambada-garcia"
SINALOA = "crimorg/sinaloa-cartel"
CHAPITOS = "crimorg/los-chapitos"


@pytest.fixture
def G(fixture_graph: KnowledgeGraph):
    return projection.from_knowledge_graph(fixture_graph)


def test_authorities_are_not_in_the_criminal_network(G) -> None:
    C = projection.criminal_network(G)
    assert {d["type"] for _, d in C.nodes(data=True)} == {"Person", "CriminalOrganization"}
    # the groups tied only to OFAC (Los Rojos, Guerreros Unidos) stay isolated
    assert C.degree("crimorg/los-rojos") == 0
    assert C.degree("crimorg/guerreros-unidos") == 0


def test_person_projection_by_hand(G) -> None:
    P = projection.person_projection(G)
    # Sinaloa's two leaders (El Chapo, El Mayo) each link to the five other members and to each
    # other: 6 + 5 = 11; family ties repeat those pairs; El Mencho leads CJNG alone
    assert P.number_of_nodes() == 8
    assert P.number_of_edges() == 11
    assert sorted(P[MAYO]) == sorted(
        [
            CHAPO,
            "person/aureliano-guzman-loera",
            "person/ivan-archivaldo-guzman-salazar",
            "person/jesus-alfredo-guzman-salazar",
            "person/joaquin-guzman-lopez",
            "person/ovidio-guzman-lopez",
        ]
    )
    assert P.edges[CHAPO, "person/ovidio-guzman-lopez"]["via"] == ["child_of", f"organization:{SINALOA}"]
    assert P.degree("person/nemesio-oseguera-cervantes") == 0


def test_removing_el_chapo_leaves_sinaloa_with_el_mayo(G) -> None:
    P = projection.person_projection(G)
    removed = decapitation.resolve_persons(G, ["el chapo"])
    assert removed == [CHAPO]
    d = decapitation.disruption(G, P, removed)
    assert d["organizations"] == [
        {
            "organization": SINALOA,
            "removed_leaders": [CHAPO],
            "remaining_leaders": [MAYO],
            "leaderless": False,
            "successors": [],
        }
    ]
    # components 7 + 1 before (F = 1 − 42/56); 6 + 1 after (F = 1 − 30/42)
    assert d["before"]["F"] == pytest.approx(0.25, abs=1e-12)
    assert d["after"]["F"] == pytest.approx(2 / 7, abs=1e-12)
    assert d["after"]["components"] == 2


def test_removing_both_leaders_leaves_sinaloa_leaderless(G) -> None:
    d = decapitation.disruption(G, projection.person_projection(G), [CHAPO, MAYO])
    sinaloa = d["organizations"][0]
    assert (sinaloa["organization"], sinaloa["leaderless"], sinaloa["successors"]) == (SINALOA, True, [])
    # the five sons and the brother lose every tie but family: Chapo was the family hub
    assert d["after"]["components"] == 6


def test_chapitos_el_mayo_rivalry_is_a_negative_edge(G) -> None:
    S = projection.signed_network(G)
    assert S.edges[CHAPITOS, MAYO]["sign"] == -1
    report = analyze(G)
    assert ["Los Chapitos", "Ismael Zambada García"] in report["balance"]["rivalries"]
    assert report["balance"]["negative_edges"] == 2
    assert report["balance"]["balanced_ratio"] is None  # two rivalries make no triangle


def test_report_reads_like_the_article(G) -> None:
    report = analyze(G, remove=["El Chapo"])
    assert report["schema_version"] == 1
    assert report["estimates"] == []
    assert report["lineage"] == {
        "roots": 1,
        "groups": 2,
        "largest": [
            {
                "root": "Sinaloa Cartel",
                "descendants": 1,
                "depth": 1,
                "widths": [1, 1],
                "leaf_count": 1,
                "leaves": ["Los Chapitos"],
            }
        ],
    }
    sizes = {o["name"]: o["members"] for o in report["concentration"]["largest"]}
    assert sizes == {"Sinaloa Cartel": 7, "Los Chapitos": 4, "Jalisco New Generation Cartel": 1}
    # HHI of [7, 4, 1] = (49 + 16 + 1) / 144
    assert report["concentration"]["hhi"] == round(66 / 144, 6)
    [sinaloa] = report["decapitation"]["organizations"]
    assert sinaloa["name"] == "Sinaloa Cartel"
    assert sinaloa["remaining_leaders"] == ["Ismael Zambada García"]
    md = to_markdown(report)
    assert "| Sinaloa Cartel | Joaquín Guzmán Loera | Ismael Zambada García | no | — |" in md
    assert "| Los Chapitos | Ismael Zambada García |" in md


def test_as_of_counts_the_undated_relations(G) -> None:
    report = analyze(G, as_of="2000")
    # 37 relations; 32 undated (kept); Mérida starts 2007 and four rewards are dated 2022-12
    assert report["as_of"] == {"date": "2000", "edges": 37, "kept": 32, "dropped": 5, "kept_undated": 32}
    assert report["notes"] == [
        "as of 2000: kept 32 of 37 relations, 32 of them without dates"
        " (kept because nothing says when they held)"
    ]
