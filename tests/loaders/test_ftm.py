"""FollowTheMoney: export validated by the followthemoney package, JSON Lines import, round trips."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from followthemoney import model

from ocgraph.cli import main
from ocgraph.graph.ftm_export import ftm_id as ftm
from ocgraph.graph.ftm_export import write
from ocgraph.graph.model import KnowledgeGraph
from ocgraph.loaders.ftm import ingest
from ocgraph.loaders.ofac import ingest as ingest_ofac

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "ofac"


def _export(kg: KnowledgeGraph) -> bytes:
    out = io.BytesIO()
    write(kg, out, "ftm")
    return out.getvalue()


def _check_with_followthemoney(line: str) -> str:
    """Validate one exported line with followthemoney itself: schema, properties, required, values."""
    data = json.loads(line)
    schema = model.get(data["schema"])
    assert schema is not None
    assert set(data["properties"]) <= set(schema.properties), data
    assert all(data["properties"].get(p) for p in schema.required), data
    schema.validate(data)  # raises InvalidData on a bad value
    # cleaning by followthemoney changes nothing: the values were already clean
    assert model.get_proxy(data, cleaned=False).to_dict()["properties"] == data["properties"]
    return schema.name


def _import(tmp_path: Path, data: bytes, name: str = "entities.ftm.json") -> tuple[KnowledgeGraph, list[str]]:
    path = tmp_path / name
    path.write_bytes(data)
    kg, errors = ingest([path])
    (doc,) = [e for e in kg.entities.values() if e.name == f"FollowTheMoney entities ({name})"]
    kg.remove_entity(doc.id)
    return kg, errors


def test_export_is_valid_ftm(fixture_graph: KnowledgeGraph) -> None:
    lines = _export(fixture_graph).decode("utf-8").splitlines()
    assert len(lines) == len(fixture_graph.entities) + len(fixture_graph.relations)
    schemata = sorted({_check_with_followthemoney(line) for line in lines})
    assert schemata == [
        "Directorship",
        "Document",
        "Family",
        "Membership",
        "Organization",
        "Person",
        "Project",
        "PublicBody",
        "Sanction",
        "UnknownLink",
    ]
    by_id = {json.loads(line)["id"]: json.loads(line) for line in lines}
    ovidio = by_id["person.ovidio-guzman-lopez"]
    assert ovidio["schema"] == "Person"
    child = next(
        d
        for d in by_id.values()
        if d["schema"] == "Family" and d["properties"]["person"] == ["person.ovidio-guzman-lopez"]
    )
    assert child["properties"]["relative"] == ["person.joaquin-guzman-loera"]
    assert child["properties"]["relationship"] == ["parent"]
    sanction = next(d for d in by_id.values() if d["schema"] == "Sanction")
    assert sanction["properties"]["authority"] == ["Office of Foreign Assets Control"]
    cartel = by_id["crimorg.sinaloa-cartel"]
    assert (cartel["schema"], cartel["properties"]["topics"]) == ("Organization", ["crime"])


def test_succession_between_actors() -> None:
    kg = KnowledgeGraph()
    a = kg.add_entity("CriminalOrganization", "Guadalajara Cartel").id
    b = kg.add_entity("CriminalOrganization", "Sinaloa Cartel").id
    kg.add_relation(a, "succeeded_by", b, {"date": "1989"})
    lines = _export(kg).decode("utf-8").splitlines()
    assert [_check_with_followthemoney(line) for line in lines] == [
        "Organization",
        "Organization",
        "Succession",
    ]
    props = json.loads(lines[2])["properties"]
    assert (props["predecessor"], props["successor"], props["date"]) == ([ftm(a)], [ftm(b)], ["1989"])


def test_round_trip_fixture(fixture_graph: KnowledgeGraph, tmp_path: Path) -> None:
    data = _export(fixture_graph)
    assert _export(fixture_graph) == data  # same graph, same bytes
    back, errors = _import(tmp_path, data)
    assert errors == []
    assert [e.to_dict() for e in back.entities.values()] == [
        fixture_graph.entities[k].to_dict() for k in back.entities
    ]
    assert sorted(back.entities) == sorted(fixture_graph.entities)
    assert sorted(back.relations) == sorted(fixture_graph.relations)
    for rid, rel in fixture_graph.relations.items():
        got = back.relations[rid]
        assert got.properties == rel.properties, rid
        # FtM keeps the sentences and their documents, not the character offsets
        assert sorted(e.sentence for e in got.evidence) == sorted({e.sentence for e in rel.evidence})
        assert {e.document for e in got.evidence} == {e.document for e in rel.evidence}


@pytest.mark.slow  # followthemoney loads its country tables on first use (seconds on a busy machine)
def test_round_trip_ofac(tmp_path: Path) -> None:
    kg, _ = ingest_ofac(
        [FIX / "sdn_2024-05-03_jackdwyer.csv"],
        alt=FIX / "alt_2021-04_garybogle.csv",
        add=FIX / "add_2021-04_garybogle.csv",
        known=KnowledgeGraph(),
    )
    data = _export(kg).decode("utf-8")
    lines = data.splitlines()
    for line in lines:
        _check_with_followthemoney(line)
    identifiers = sum(len(e.properties.get("identifiers", ())) for e in kg.entities.values())
    assert sum(json.loads(line)["schema"] == "Identification" for line in lines) == identifiers
    back, errors = _import(tmp_path, data.encode("utf-8"))
    assert errors == []
    assert sorted(back.entities) == sorted(kg.entities)
    for eid, entity in kg.entities.items():
        want, got = entity.to_dict(), back.entities[eid].to_dict()
        # followthemoney normalises URLs ("www.hotelito.com" -> "http://www.hotelito.com/")
        want["properties"].pop("url", None)
        got["properties"].pop("url", None)
        assert got == want, eid
    assert back.entities["org/hotelito-desconocido"].properties["url"] == "http://www.hotelito.com/"
    assert {r.id: r.properties for r in back.relations.values()} == {
        r.id: r.properties for r in kg.relations.values()
    }


# Hand-written records in the shape OpenSanctions publishes (ids, topics, Sanction, Family).
OPENSANCTIONS_STYLE = [
    {
        "id": "NK-ovidio",
        "schema": "Person",
        "properties": {
            "name": ["Ovidio GUZMAN LOPEZ"],
            "alias": ["El Raton"],
            "birthDate": ["1990-03-29"],
            "nationality": ["mx"],
            "gender": ["male"],
            "topics": ["sanction", "crime.traffick.drug"],
        },
    },
    {
        "id": "NK-chapo",
        "schema": "Person",
        "properties": {"name": ["Joaquin Guzman Loera"], "birthDate": ["1957-04-04"]},
    },
    {
        "id": "NK-cartel",
        "schema": "Organization",
        "properties": {"name": ["Sinaloa Cartel"], "topics": ["crime", "sanction"], "country": ["mx"]},
    },
    {
        "id": "NK-shop",
        "schema": "Company",
        "properties": {"name": ["Grupo Cinjab, S.A. de C.V."], "topics": ["sanction"]},
    },
    {"id": "NK-boat", "schema": "Vessel", "properties": {"name": ["Some Boat"]}},
    {
        "id": "NK-family",
        "schema": "Family",
        "properties": {"person": ["NK-chapo"], "relative": ["NK-ovidio"], "relationship": ["son"]},
    },
    {
        "id": "NK-member",
        "schema": "Membership",
        "properties": {"member": ["NK-ovidio"], "organization": ["NK-cartel"], "role": ["faction leader"]},
    },
    {
        "id": "NK-sanction",
        "schema": "Sanction",
        "properties": {
            "entity": ["NK-ovidio"],
            "authority": ["Office of Foreign Assets Control"],
            "program": ["SDNTK"],
            "startDate": ["2021-12-06T00:00:00"],
        },
    },
    {
        "id": "NK-passport",
        "schema": "Passport",
        "properties": {"holder": ["NK-ovidio"], "number": ["G123"], "type": ["Passport"], "country": ["mx"]},
    },
]


def test_import_opensanctions_style(tmp_path: Path) -> None:
    lines = [json.dumps(r) for r in OPENSANCTIONS_STYLE]
    lines.insert(3, '{"id": "NK-bad", "schema": "Person", ')  # a truncated line
    data = ("\n".join(lines) + "\n").encode("utf-8")
    kg, errors = _import(tmp_path, data)
    path = tmp_path / "entities.ftm.json"
    assert len(errors) == 1 and errors[0].startswith(f"{path}:4: not JSON")
    ovidio = kg.entities["person/ovidio-guzman-lopez"]
    assert ovidio.name == "Ovidio GUZMAN LOPEZ"
    assert ovidio.properties["source_ids"] == ["ftm:NK-ovidio"]
    assert (ovidio.properties["nationality"], ovidio.properties["gender"]) == (["Mexico"], "Male")
    assert ovidio.properties["identifiers"] == ["Passport: G123 (Mexico)"]
    assert kg.entities["crimorg/sinaloa-cartel"].type == "CriminalOrganization"
    assert kg.entities["org/grupo-cinjab-sa-de-cv"].type == "Organization"
    assert not kg.find("Some Boat")  # a vessel is not in the ontology
    facts = sorted(
        (r.subject, r.predicate, r.object, tuple(sorted(r.properties.items()))) for r in kg.relations.values()
    )
    assert facts == [
        ("person/ovidio-guzman-lopez", "child_of", "person/joaquin-guzman-loera", ()),
        ("person/ovidio-guzman-lopez", "member_of", "crimorg/sinaloa-cartel", (("role", "faction leader"),)),
        (
            "person/ovidio-guzman-lopez",
            "sanctioned_by",
            "govorg/office-of-foreign-assets-control",
            (("program", ["SDNTK"]), ("start", "2021-12-06")),
        ),
    ]
    # evidence points at the FtM line the fact came from
    rel = next(r for r in kg.relations.values() if r.predicate == "member_of")
    (ev,) = rel.evidence
    assert json.loads(ev.sentence)["id"] == "NK-member"
    assert data.decode("utf-8")[ev.start : ev.end] == ev.sentence


def test_import_merges_with_text_actors(tmp_path: Path) -> None:
    kg, _ = _import(tmp_path, "\n".join(json.dumps(r) for r in OPENSANCTIONS_STYLE).encode("utf-8"))
    store = KnowledgeGraph()
    store.add_entity("Person", "Ovidio Guzmán López", ["El Ratón"])
    store.merge(kg)
    assert store.find("Ovidio Guzmán López") == [store.entities["person/ovidio-guzman-lopez"]]
    assert store.entities["person/ovidio-guzman-lopez"].name == "Ovidio Guzmán López"


def test_not_utf8_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(b'{"id": "x", "schema": "Person", "properties": {"name": ["\xe9"]}}\n')
    with pytest.raises(Exception, match=r"bad\.json: not UTF-8"):
        ingest([path])


def test_cli_export(tmp_path: Path) -> None:
    fixture = Path(__file__).resolve().parents[2] / "data" / "fixture-graph.jsonl"
    runner = CliRunner()
    assert runner.invoke(main, ["merge", str(fixture)]).exit_code == 0
    out = tmp_path / "graph.ftm.json"
    result = runner.invoke(main, ["export", "--format", "ftm", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 22 + 37


def test_review_mark_round_trips(tmp_path: Path) -> None:
    kg = KnowledgeGraph()
    son = kg.add_entity("Person", "Ovidio Guzmán López").id
    father = kg.add_entity("Person", "Joaquín Guzmán Loera").id
    cartel = kg.add_entity("CriminalOrganization", "Sinaloa Cartel").id
    kg.add_relation(son, "child_of", father, {"review": "confirmed"})  # Family: no status property
    kg.add_relation(son, "member_of", cartel, {"review": "confirmed", "status": "former"})
    back, errors = _import(tmp_path, _export(kg))
    assert errors == []
    assert {r.id: r.properties for r in back.relations.values()} == {
        r.id: r.properties for r in kg.relations.values()
    }


def test_import_nested_entities(tmp_path: Path) -> None:
    """OpenSanctions' nested exports put links inside the entity, often without the way back."""
    record = {
        "id": "NK-ovidio",
        "schema": "Person",
        "caption": "Ovidio Guzman Lopez",
        "datasets": ["us_ofac_sdn"],
        "properties": {
            "name": ["Ovidio Guzman Lopez"],
            "sanctions": [
                {
                    "id": "NK-s",
                    "schema": "Sanction",
                    "properties": {"authority": ["Office of Foreign Assets Control"], "program": ["SDNTK"]},
                }
            ],
            "membershipMember": [
                {
                    "id": "NK-m",
                    "schema": "Membership",
                    "properties": {
                        "organization": [
                            {
                                "id": "NK-o",
                                "schema": "Organization",
                                "properties": {"name": ["Sinaloa Cartel"], "topics": ["crime"]},
                            }
                        ]
                    },
                }
            ],
        },
    }
    kg, errors = _import(tmp_path, (json.dumps(record) + "\n").encode("utf-8"))
    assert errors == []
    assert sorted((r.subject, r.predicate, r.object) for r in kg.relations.values()) == [
        ("person/ovidio-guzman-lopez", "member_of", "crimorg/sinaloa-cartel"),
        ("person/ovidio-guzman-lopez", "sanctioned_by", "govorg/office-of-foreign-assets-control"),
    ]
