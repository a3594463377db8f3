"""Neo4jWriter against the real server: counts, idempotence, lossless round trip, injection, crashes."""

from __future__ import annotations

import pytest

from ocgraph.errors import ValidationError
from ocgraph.graph.model import Evidence, KnowledgeGraph
from ocgraph.graph.neo4j_connect import run
from ocgraph.graph.neo4j_writer import Neo4jWriter, template
from ocgraph.graph.store import dumps_records

pytestmark = pytest.mark.neo4j

SNAPSHOT = """
MATCH (n) OPTIONAL MATCH (n)-[r]->(m)
RETURN labels(n) AS labels, properties(n) AS node, type(r) AS type, properties(r) AS rel, m.id AS to
ORDER BY node.id, type, to, rel.id
"""

INJECTIONS = [
    'x"}) DETACH DELETE n //',
    "Robert'); MATCH (n) DETACH DELETE n; --",
    "`Backtick` {brace: 1} $param",
    "}]->(x) CREATE (:Pwned) WITH 1 AS a MATCH (b",
]


def snapshot(drv, cs):
    return run(drv, cs, SNAPSHOT)[1]


def test_counts_per_label_and_type_equal_the_model(neo4j_db, neo4j_settings, fixture_graph):
    writer = Neo4jWriter(neo4j_db)
    done = writer.load(fixture_graph)
    assert done["nodes"] == 22 and done["relationships"] == 37
    assert writer.counts() == fixture_graph.counts()
    # an independent count by label and type, with the numbers read off data/fixture-graph.jsonl
    rows = run(neo4j_db, neo4j_settings, "MATCH (n:Person:Entity) RETURN count(n)")[1]
    assert rows == [[8]]
    rows = run(neo4j_db, neo4j_settings, "MATCH ()-[r:MEMBER_OF]->() RETURN count(r)")[1]
    assert rows == [[10]]


def test_loading_twice_changes_nothing(neo4j_db, neo4j_settings, fixture_graph):
    writer = Neo4jWriter(neo4j_db)
    writer.load(fixture_graph)
    first = snapshot(neo4j_db, neo4j_settings)
    writer.load(fixture_graph)
    assert snapshot(neo4j_db, neo4j_settings) == first
    assert writer.counts() == fixture_graph.counts()


def test_store_to_neo4j_to_store_is_lossless(neo4j_db, fixture_graph):
    writer = Neo4jWriter(neo4j_db)
    writer.load(fixture_graph)
    back = writer.dump()
    assert back.to_records() == fixture_graph.to_records()
    assert "".join(dumps_records(back)) == "".join(dumps_records(fixture_graph))


def test_evidence_and_documents_in_neo4j(neo4j_db, neo4j_settings, fixture_graph):
    Neo4jWriter(neo4j_db).load(fixture_graph)
    rows = run(
        neo4j_db,
        neo4j_settings,
        """
        MATCH (:Entity {id: 'person/joaquin-guzman-loera'})-[r:LEADER_OF]->(o:Entity)
        WHERE o.id = 'crimorg/sinaloa-cartel'
        RETURN r.status, r.evidence_document, r.evidence_start, r.evidence_end, r.evidence_sentence,
               r.evidence_extractor, r.evidence_confidence""",
    )[1]
    assert rows == [
        [
            "former",
            ["doc/seed-kingpin-strategy"],
            [1926],
            [1975],
            ["former Sinaloa Cartel leader Joaquín Guzmán Loera"],
            ["fixture"],
            [0.9],
        ]
    ]
    # every entity at either end of a relation with evidence is MENTIONED by the document
    expected = {e for r in fixture_graph.relations.values() if r.evidence for e in (r.subject, r.object)}
    rows = run(
        neo4j_db, neo4j_settings, "MATCH (d:Document:Entity)-[:MENTIONS]->(e) RETURN d.id, e.id ORDER BY e.id"
    )[1]
    assert rows == [["doc/seed-kingpin-strategy", e] for e in sorted(expected)]
    rows = run(
        neo4j_db,
        neo4j_settings,
        "MATCH (n:Entity {id: 'person/joaquin-guzman-loera'}) RETURN n.search_names, labels(n)",
    )[1]
    assert rows == [[["el chapo", "joaquin guzman loera"], ["Entity", "Person"]]] or rows == [
        [["el chapo", "joaquin guzman loera"], ["Person", "Entity"]]
    ]


def test_missing_confidence_round_trips(neo4j_db):
    kg = KnowledgeGraph()
    a = kg.add_entity("Person", "Ana").id
    b = kg.add_entity("CriminalOrganization", "Grupo").id
    kg.add_relation(
        a,
        "member_of",
        b,
        {},
        [Evidence("doc/x", 1, 2, "s", "manual", None), Evidence("doc/x", 3, 4, "t", "spacy", 0.5)],
    )
    writer = Neo4jWriter(neo4j_db)
    writer.load(kg)
    assert writer.dump().to_records() == kg.to_records()


def test_a_reload_updates_changed_relations_in_place(neo4j_db, neo4j_settings):
    kg = KnowledgeGraph()
    a = kg.add_entity("Person", "Ana").id
    b = kg.add_entity("CriminalOrganization", "Grupo").id
    c = kg.add_entity("CriminalOrganization", "Banda").id
    kg.add_relation(a, "member_of", b, {"role": "sicario"})
    writer = Neo4jWriter(neo4j_db)
    writer.load(kg)
    query = "MATCH ()-[r:MEMBER_OF]->() RETURN r.role, keys(r) ORDER BY r.role"
    assert run(neo4j_db, neo4j_settings, query)[1] == [["sicario", ["id", "role"]]]
    # the same relation gains evidence and a new role; a second one is new: one update, one create
    kg.add_relation(a, "member_of", b, {"role": "jefe de plaza"}, [Evidence("doc/x", 0, 3, "Ana")])
    kg.add_relation(a, "member_of", c, {"role": "halcon"})
    assert writer.load(kg)["relationships"] == 2
    rows = run(neo4j_db, neo4j_settings, query)[1]
    assert [r[0] for r in rows] == ["halcon", "jefe de plaza"]
    assert "evidence_sentence" in rows[1][1] and "evidence_sentence" not in rows[0][1]
    assert writer.dump().to_records() == kg.to_records()


def test_prune_leaves_exactly_what_a_clean_load_of_the_smaller_store_gives(
    neo4j_db, neo4j_settings, fixture_graph
):
    writer = Neo4jWriter(neo4j_db, batch_size=4)
    writer.load(fixture_graph)
    run(neo4j_db, neo4j_settings, "CREATE (:Note {text: 'an analyst note, not ocgraph data'})", write=True)
    smaller = KnowledgeGraph()
    smaller.merge(fixture_graph)
    person = next(e for e in sorted(smaller.entities) if e.startswith("person/"))
    gone = {r.id for r in smaller.relations_of(person)}
    smaller.remove_entity(person)
    dropped = sorted(set(smaller.relations) - gone)[0]
    del smaller.relations[dropped]
    assert writer.load(smaller)["nodes"] == len(smaller.entities)
    pruned = writer.prune(smaller)
    assert pruned["nodes"] == 1 and pruned["relationships"] == len(gone) + 1 and gone
    pruned_view = snapshot(neo4j_db, neo4j_settings)
    assert writer.dump().to_records() == smaller.to_records()
    assert writer.prune(smaller) == {"relationships": 0, "nodes": 0, "mentions": 0}
    run(neo4j_db, neo4j_settings, "MATCH (n:Entity) DETACH DELETE n", write=True)
    Neo4jWriter(neo4j_db).load(smaller)
    assert snapshot(neo4j_db, neo4j_settings) == pruned_view  # the analyst's note is still there too
    assert run(neo4j_db, neo4j_settings, "MATCH (n:Note) RETURN count(n)")[1] == [[1]]


def test_injection_strings_are_stored_and_matched_literally(neo4j_db, neo4j_settings):
    kg = KnowledgeGraph()
    org = kg.add_entity("CriminalOrganization", INJECTIONS[0], aliases=INJECTIONS[1:2]).id
    for name in INJECTIONS[2:]:
        person = kg.add_entity("Person", name, properties={"description": name}).id
        kg.add_relation(person, "member_of", org, {"role": name}, [Evidence("doc/x", 0, 1, name)])
    writer = Neo4jWriter(neo4j_db)
    writer.load(kg)
    assert writer.dump().to_records() == kg.to_records()
    for name in INJECTIONS:
        rows = run(
            neo4j_db,
            neo4j_settings,
            "MATCH (n:Entity) WHERE n.name = $name OR $name IN n.aliases RETURN n.id",
            {"name": name},
        )[1]
        assert len(rows) == 1, name
    assert run(neo4j_db, neo4j_settings, "MATCH (n) RETURN count(n)")[1] == [[3]]
    assert run(neo4j_db, neo4j_settings, "MATCH (n:Pwned) RETURN count(n)")[1] == [[0]]
    rows = run(
        neo4j_db,
        neo4j_settings,
        "MATCH (p)-[r:MEMBER_OF]->() RETURN p.name, r.role, r.evidence_sentence ORDER BY p.name",
    )[1]
    assert rows == [[n, n, [n]] for n in sorted(INJECTIONS[2:])]
    # a named query finds the organization by its injection-laden alias, folded like any name
    from ocgraph.queries.library import run_cypher

    _, rows = run_cypher(neo4j_db, neo4j_settings, "members", {"org": INJECTIONS[1]})
    assert [row[:3] for row in rows] == [[INJECTIONS[0], n, "MEMBER_OF"] for n in sorted(INJECTIONS[2:])]


def test_a_killed_load_leaves_whole_batches_and_a_rerun_completes_it(neo4j_db, neo4j_settings, fixture_graph):
    clean = snapshot(neo4j_db, neo4j_settings)  # empty
    assert clean == []
    writer = Neo4jWriter(neo4j_db, batch_size=5)
    committed = []

    def crash(kind, total):
        committed.append(total)
        if len(committed) == 2:
            raise KeyboardInterrupt  # as if the process were stopped here

    with pytest.raises(KeyboardInterrupt):
        writer.load(fixture_graph, progress=crash)
    # labels load in sorted order: CriminalOrganization (6) first, in batches of 5 and 1
    assert committed == [5, 6]
    assert run(neo4j_db, neo4j_settings, "MATCH (n) RETURN count(n)")[1] == [[6]]
    writer.load(fixture_graph)
    partial_then_full = snapshot(neo4j_db, neo4j_settings)
    run(neo4j_db, neo4j_settings, "MATCH (n) DETACH DELETE n", write=True)
    Neo4jWriter(neo4j_db).load(fixture_graph)
    assert snapshot(neo4j_db, neo4j_settings) == partial_then_full
    assert writer.dump().to_records() == fixture_graph.to_records()


@pytest.mark.parametrize("label", ["Foo", "Person`) DETACH DELETE n //", "Entity"])
def test_templates_take_only_ontology_labels(label):
    with pytest.raises(ValidationError):
        template("nodes", label=label)


@pytest.mark.parametrize("rel_type", ["MENTIONS", "MEMBER_OF]->() DELETE r //", "member_of"])
def test_templates_take_only_ontology_types(rel_type):
    with pytest.raises(ValidationError):
        template("relations_create", rel_type=rel_type)
