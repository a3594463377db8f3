"""Resolution through the CLI on the real files: the demo's one CJNG node, review merge/split, explain."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ocgraph import settings
from ocgraph.cli import main

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "data" / "seed-kingpin-strategy.txt"
OFAC = REPO / "tests" / "fixtures" / "ofac"
TEXT = ["ingest", str(SEED)]
LIST = [
    "ingest",
    "--format",
    "ofac-sdn",
    str(OFAC / "sdn_2024-05-03_jackdwyer.csv"),
    "--alt",
    str(OFAC / "alt_2021-04_garybogle.csv"),
    "--add",
    str(OFAC / "add_2021-04_garybogle.csv"),
]
CJNG = "crimorg/jalisco-new-generation-cartel"


def _run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture
def demo(ocgraph_home: Path) -> Path:
    """The demo's store: the seed article, then the OFAC excerpt (as `make demo` builds it)."""
    _run(*TEXT)
    _run(*LIST)
    return ocgraph_home


def test_the_demo_store_has_one_cjng_with_its_designation(demo: Path) -> None:
    kg = settings.store().load()
    found = (
        kg.find("CJNG")
        + kg.find("Jalisco New Generation Cartel")
        + kg.find("Cartel de Jalisco Nueva Generacion")
    )
    assert {e.id for e in found} == {CJNG}
    facts = {(r.subject, r.predicate, r.object) for r in kg.relations_of(CJNG)}
    # the article's "organized crime leaders: … Nemesio Oseguera Cervantes, alias “El Mencho,” of the
    # Jalisco New Generation Cartel": his leadership, on the one node that also holds OFAC's designation
    assert ("person/nemesio-oseguera-cervantes", "leader_of", CJNG) in facts
    assert (CJNG, "sanctioned_by", "govorg/office-of-foreign-assets-control") in facts  # OFAC entry 17671
    assert kg.entities[CJNG].properties["source_ids"] == ["ofac-sdn:17671"]
    out = _run("explain", "CJNG")
    assert out.splitlines()[:3] == [
        "Jalisco New Generation Cartel [CriminalOrganization] crimorg/jalisco-new-generation-cartel "
        "(also: Cartel de Jalisco Nueva Generacion, CJNG, New Generation Cartel of Jalisco)",
        "  typed by gazetteer",  # the article's reading; OFAC's entry says a type, not why
        "  merged from crimorg/cartel-de-jalisco-nueva-generacion: Cartel de Jalisco Nueva Generacion = "
        "Jalisco New Generation Cartel (same name in Spanish and English)",
    ]
    assert "  Jalisco New Generation Cartel -sanctioned_by-> Office of Foreign Assets Control program=" in out
    # the id merged away still finds its node
    assert (
        _run("explain", "crimorg/cartel-de-jalisco-nueva-generacion").splitlines()[0] == out.splitlines()[0]
    )


def test_the_demo_store_has_one_ivan_archivaldo_with_text_and_list_facts(demo: Path) -> None:
    kg = settings.store().load()
    (ivan,) = kg.find("Iván Archivaldo Guzmán Salazar")
    assert kg.find("Archivaldo Ivan Guzman Salazar") == [ivan]  # OFAC's other order (ALT.CSV)
    assert ivan.properties["source_ids"] == ["ofac-sdn:13148"]
    facts = {(r.predicate, r.object) for r in kg.relations_of(ivan.id)}
    assert {
        ("sanctioned_by", "govorg/office-of-foreign-assets-control"),
        ("member_of", "crimorg/los-chapitos"),
        ("child_of", "person/joaquin-guzman-loera"),
    } <= facts


def test_either_ingest_order_gives_the_same_store(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = (demo / "graph.jsonl").read_bytes()
    monkeypatch.setenv("OCGRAPH_HOME", str(tmp_path / "other"))
    _run(*LIST)
    _run(*TEXT)
    assert (tmp_path / "other" / "graph.jsonl").read_bytes() == first
    again = _run(*TEXT)  # ingesting an article again changes nothing
    counts = settings.store().load().counts()
    entities, relations = (sum(counts[k].values()) for k in ("entities", "relations"))
    assert f"entities: {entities} (+0)" in again and f"relations: {relations} (+0)" in again


def test_review_merge_split_and_explain(demo: Path) -> None:
    merged = _run(
        "review", "merge", "El Mayo", "Jesus Alfredo Guzman Salazar", "--reason", "test", "--author", "ana"
    )
    # two people the resolver keeps apart, made one by the analyst; the better-ranked id (the longer
    # name) survives
    mayo, alfredo = "person/ismael-zambada-garcia", "person/jesus-alfredo-guzman-salazar"
    assert merged == f"merged {mayo} and {alfredo} into {alfredo}\n"
    out = _run("explain", mayo)
    assert out.startswith("Jesús Alfredo Guzmán Salazar [Person] person/jesus-alfredo-guzman-salazar")
    assert (
        "  merged from person/ismael-zambada-garcia: Ismael Zambada García = Jesús Alfredo Guzmán Salazar "
        "(analyst merge by ana: test)" in out
    )
    split = _run("review", "split", mayo, "--reason", "no", "--author", "ana")
    assert split == f"split {mayo} from {alfredo}; they stay apart\n"
    with open(demo / "decisions.csv", encoding="utf-8") as f:
        rows = [(r["action"], r["subject"], r["object"], r["reason"]) for r in csv.DictReader(f)]
    assert rows == [("split", mayo, alfredo, "no")]  # the split replaced the merge of the same pair
    out = _run("explain", "El Mayo")
    assert out.startswith("Ismael Zambada García [Person] person/ismael-zambada-garcia (also: El Mayo")
    assert f"  kept apart from {alfredo} (split by ana " in out
    assert "-sanctioned_by-> Office of Foreign Assets Control" in out  # his own fact came back with him
    # the CJNG merge the resolver made can be split too, and stays split after the next ingest
    _run("review", "split", CJNG, "--reason", "check", "--author", "ana")
    _run(*LIST)
    kg = settings.store().load()
    assert {CJNG, "crimorg/cartel-de-jalisco-nueva-generacion"} <= kg.entities.keys()
    # 353: "Justice" of the seed's "Justice in Mexico Project" is no organization any more
    assert _run(*TEXT).startswith("entities: 353 (+0)")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("merge", "crimorg/no-such-group", "CJNG"), "error: no entity 'crimorg/no-such-group' in the store"),
        (("merge", "El Mayo", "CJNG"), "error: cannot merge a Person (person/ismael-zambada-garcia) with a "),
        (("split", "person/no-one"), "error: no entity 'person/no-one' in the store (nor merged into one)"),
        (("split", "El Mayo"), "error: person/ismael-zambada-garcia was not merged with anything"),
    ],
)
def test_a_bad_merge_or_split_is_one_line_and_changes_nothing(demo: Path, args: tuple, message: str) -> None:
    before = (demo / "graph.jsonl").read_bytes()
    out = _run("review", *args, "--reason", "x", "--author", "ana", code=1)
    assert out.startswith(message) and out.count("\n") == 1
    assert (demo / "graph.jsonl").read_bytes() == before
    assert not (demo / "decisions.csv").exists()


def test_merging_what_is_already_one_node(demo: Path) -> None:
    out = _run(
        "review",
        "merge",
        "CJNG",
        "crimorg/cartel-de-jalisco-nueva-generacion",
        "--reason",
        "x",
        "--author",
        "a",
    )
    assert out == "CJNG and crimorg/cartel-de-jalisco-nueva-generacion are already one node\n"


def _extracted(tmp_path: Path, articles: dict[str, str]) -> list[dict]:
    """The records `ocgraph extract` writes for these articles (file name: text), read together."""
    paths = []
    for name, text in articles.items():
        paths.append(tmp_path / name)
        paths[-1].write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    _run("extract", *map(str, paths), "-o", str(out))
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_extract_gives_an_actor_one_id_in_every_document(tmp_path: Path) -> None:
    lines = _extracted(
        tmp_path,
        {
            "c.txt": "Mexico City, Thursday, December 8, 2022\n\nThe Tierra Caliente Cartel is led by "
            "Juan Carlos Mendoza Ríos, the U.S. Treasury said on Thursday.\n",
            "d.txt": "Guadalajara, Friday, December 9, 2022\n\nPedro Mendoza Ruiz is a member of the "
            "Cartel de Tierra Caliente, prosecutors said.\n",
        },
    )
    groups = {
        (r["doc"], r["id"], r["name"])
        for r in lines
        if r["kind"] == "entity" and r["type"] == "CriminalOrganization"
    }
    assert groups == {
        ("c.txt", "crimorg/tierra-caliente-cartel", "Tierra Caliente Cartel"),
        ("d.txt", "crimorg/tierra-caliente-cartel", "Cartel de Tierra Caliente"),
    }


def test_a_given_name_alone_in_two_articles_is_two_people_and_a_surname_alone_is_one(tmp_path: Path) -> None:
    # test25 had two men each called only "Frank" (Frank Cotroni's and Frank Papalia's families): one id
    lines = _extracted(
        tmp_path,
        {
            "a.txt": "The Cotroni crime family was run by the brothers Vic, Frank and Pep Cotroni. "
            "Obama spoke.\n",
            "b.txt": "The Papalia crime family was led by Johnny Papalia. His brothers Frank and Dominic "
            "helped him. Obama spoke too.\n",
        },
    )
    ids = {(r["doc"], r["name"]): r["id"] for r in lines if r["kind"] == "entity"}
    assert ids[("a.txt", "Frank")] != ids[("b.txt", "Frank")]
    assert ids[("a.txt", "Obama")] == ids[("b.txt", "Obama")]


def test_every_export_carries_why_the_demo_merged(demo: Path, tmp_path: Path) -> None:
    why = (
        "crimorg/cartel-de-jalisco-nueva-generacion: Cartel de Jalisco Nueva Generacion = Jalisco New "
        "Generation Cartel (same name in Spanish and English)"
    )
    _run("export", "--format", "ftm", "-o", str(tmp_path / "graph.ftm.json"))
    ftm = [
        json.loads(line) for line in (tmp_path / "graph.ftm.json").read_text(encoding="utf-8").splitlines()
    ]
    (cjng,) = [e for e in ftm if e["id"] == "crimorg.jalisco-new-generation-cartel"]
    keywords = cjng["properties"]["keywords"]
    assert f"ocgraph:merged_from={why}" in keywords
    assert not [k for k in keywords if k.startswith("ocgraph:merge_record=")]  # the store keeps it
    _run("export", "--format", "nt", "-o", str(tmp_path / "graph.nt"))
    line = f'<https://w3id.org/ocgraph/id/{CJNG}> <https://w3id.org/ocgraph/ontology#mergedFrom> "{why}" .'
    assert line in (tmp_path / "graph.nt").read_text(encoding="utf-8").splitlines()
    assert _run("validate").startswith("the store conforms to the shapes")
