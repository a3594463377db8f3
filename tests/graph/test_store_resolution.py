"""Resolution on every store write: what a write merges, what a second write keeps, and analyst decisions."""

from __future__ import annotations

from pathlib import Path

from ocgraph.graph import review
from ocgraph.graph.ids import document_id
from ocgraph.graph.model import Evidence, KnowledgeGraph
from ocgraph.graph.resolution import resolve
from ocgraph.graph.store import Store


def _article(*facts: tuple[str, str, str, str, str]) -> KnowledgeGraph:
    """A document's graph: (subject type, subject name, predicate, object type, object name) per fact."""
    kg = KnowledgeGraph()
    doc = kg.add_entity("Document", f"article on {facts[0][1]}", id=document_id(repr(facts).encode())).id
    for n, (st, sn, pred, ot, on) in enumerate(facts):
        s, o = kg.add_entity(st, sn).id, kg.add_entity(ot, on).id
        kg.add_relation(s, pred, o, evidence=[Evidence(doc, 100 * n, 100 * n + 9, f"sentence {n}", "test")])
    return kg


def _decided(home: Path, *decisions: review.Decision) -> Store:
    """A store under `home` whose decisions file holds `decisions`."""
    review.write(review.decisions_path(home), decisions)
    return Store(home)


def _write(store: Store, graph: KnowledgeGraph) -> None:
    with store.transaction() as kg:
        kg.merge(graph)


def test_a_write_merges_with_what_the_store_holds_and_a_second_write_changes_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path)
    cjng_es = ("CriminalOrganization", "Cártel de Jalisco Nueva Generación")
    cjng_en = ("CriminalOrganization", "Jalisco New Generation Cartel")
    one = _article(("Person", "Nemesio Oseguera Cervantes", "leader_of", *cjng_es))
    two = _article(("Person", "Rubén Oseguera González", "member_of", *cjng_en))
    _write(store, one)
    _write(store, two)
    kg = store.load()
    cjng = kg.entities["crimorg/jalisco-new-generation-cartel"]
    assert cjng.aliases == ["Cártel de Jalisco Nueva Generación"]
    assert sorted((r.subject, r.predicate) for r in kg.relations.values()) == [
        ("person/nemesio-oseguera-cervantes", "leader_of"),
        ("person/ruben-oseguera-gonzalez", "member_of"),
    ]
    stored = store.path.read_bytes()
    _write(store, one)  # the first article again: its id comes back and rejoins the node it was merged into
    _write(store, two)
    assert store.path.read_bytes() == stored


def test_the_store_is_the_same_whichever_article_came_first(tmp_path: Path) -> None:
    one = _article(
        ("Person", "Ismael Zambada García", "leader_of", "CriminalOrganization", "Cartel de Sinaloa")
    )
    two = _article(("Person", "El Mayo", "leader_of", "CriminalOrganization", "Sinaloa Cartel"))
    three = KnowledgeGraph()
    three.add_entity("Person", "Ismael Zambada Garcia", ["El Mayo"], {"birth_date": ["1948"]})
    outputs = set()
    for order in ((one, two, three), (three, two, one), (two, three, one)):
        store = Store(tmp_path / str(len(outputs)) / "x")
        for graph in order:
            _write(store, graph)
        outputs.add(store.path.read_bytes())
    assert len(outputs) == 1
    kg = Store(tmp_path / "0" / "x").load()
    # one write with all three gives the same graph as three writes
    together = KnowledgeGraph()
    for graph in (one, two, three):
        together.merge(graph)
    assert resolve(together).graph.to_records() == kg.to_records()
    assert sorted(e.id for e in kg.entities.values() if e.type != "Document") == [
        "crimorg/sinaloa-cartel",
        "person/ismael-zambada-garcia",
    ]


def test_decisions_apply_on_every_write(tmp_path: Path) -> None:
    store = Store(tmp_path)
    _write(store, _article(("Person", "El Mayo", "leader_of", "CriminalOrganization", "Sinaloa Cartel")))
    path = review.decisions_path(tmp_path)
    review.write(
        path,
        [
            review.Decision("split", "person/el-mayo", "", "person/ismael-zambada-garcia", "two men", "ana"),
            review.Decision(
                "reject", "person/el-mayo", "leader_of", "crimorg/sinaloa-cartel", "rumour", "ana"
            ),
            review.Decision("merge", "crimorg/sinaloa-cartel", "", "org/la-empresa", "one group", "ana"),
        ],
    )
    mayo = KnowledgeGraph()
    mayo.add_entity("Person", "Ismael Zambada García", ["El Mayo"])
    _write(store, mayo)  # a nickname the resolver would merge, split by the analyst
    kg = store.load()
    assert {"person/el-mayo", "person/ismael-zambada-garcia"} <= kg.entities.keys()
    assert kg.relations == {}  # the rejected fact is gone
    # the merge waits for its second entity, then applies: the Organization joins the crime group
    _write(store, _article(("Person", "Juan Pérez", "member_of", "Organization", "La Empresa")))
    kg = store.load()
    assert "org/la-empresa" not in kg.entities
    assert kg.entities["crimorg/sinaloa-cartel"].aliases == ["La Empresa"]
    assert [(r.subject, r.object) for r in kg.relations.values()] == [
        ("person/juan-perez", "crimorg/sinaloa-cartel")
    ]


def test_a_fact_decided_on_an_id_merged_since_applies_to_its_node(tmp_path: Path) -> None:
    store = _decided(
        tmp_path,
        review.Decision("confirm", "person/el-mencho", "leader_of", "crimorg/cjng", "court record", "ana"),
    )
    _write(store, _article(("Person", "El Mencho", "leader_of", "CriminalOrganization", "CJNG")))
    assert next(iter(store.load().relations.values())).properties["review"] == "confirmed"
    nemesio = KnowledgeGraph()
    nemesio.add_entity("Person", "Nemesio Oseguera Cervantes", ["El Mencho"])
    nemesio.add_entity("CriminalOrganization", "Cártel de Jalisco Nueva Generación")
    _write(store, nemesio)
    (rel,) = store.load().relations.values()
    assert (rel.subject, rel.object, rel.properties) == (
        "person/nemesio-oseguera-cervantes",
        "crimorg/cartel-de-jalisco-nueva-generacion",
        {"review": "confirmed"},
    )


def test_a_merge_decision_the_data_now_forbids_waits_and_writes_go_on(tmp_path: Path) -> None:
    store = _decided(
        tmp_path, review.Decision("merge", "person/ana-soto", "", "person/beatriz-soto", "one woman", "ana")
    )
    _write(store, _article(("Person", "Ana Soto", "sibling_of", "Person", "Beatriz Soto")))
    kg = store.load()  # written, and the two sisters stay two while a fact links them
    assert {"person/ana-soto", "person/beatriz-soto"} <= kg.entities.keys()
    assert [r.predicate for r in kg.relations.values()] == ["sibling_of"]
