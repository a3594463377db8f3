"""`ocgraph evaluate`: the matching rules on hand-computed cases, its output, and bad gold or predictions."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from ocgraph.cli import main
from ocgraph.errors import InputError
from ocgraph.loaders import scoring
from ocgraph.loaders.gold import read_all_gold, read_gold

GOLD = {
    "document": "a.txt",
    "entities": [
        {"id": "ana", "type": "Person", "names": ["Ana Pérez", "La Jefa"]},
        {"id": "beto", "type": "Person", "names": ["Beto Ruiz", "Ruiz"]},
        {"id": "rio", "type": "CriminalOrganization", "names": ["Cartel del Río", "CDR"]},
        {"id": "sol", "type": "CriminalOrganization", "names": ["Los Soles", "Ruiz"]},
        {"id": "ofac", "type": "GovernmentOrganization", "names": ["OFAC"]},
    ],
    "relations": [
        {"subject": "ana", "predicate": "leader_of", "object": "rio", "evidence": "Ana Pérez leads the CDR."},
        {"subject": "rio", "predicate": "rival_of", "object": "sol", "evidence": "It fights Los Soles."},
        {"subject": "beto", "predicate": "member_of", "object": "rio"},
        {"subject": "rio", "predicate": "sanctioned_by", "object": "ofac"},
    ],
    "uncertain": [{"subject": "ana", "predicate": "member_of", "object": "rio", "note": "implied"}],
}


def entity(pid: str, name: str, type_: str = "Person", aliases: tuple[str, ...] = (), doc: str = "a.txt"):
    return {"kind": "entity", "doc": doc, "id": pid, "type": type_, "name": name, "aliases": list(aliases)}


def relation(s: str, p: str, o: str, doc: str = "a.txt", **extra):
    return {"kind": "relation", "doc": doc, "subject": s, "predicate": p, "object": o, **extra}


def write(tmp_path: Path, name: str, records) -> Path:
    path = tmp_path / name
    if name.endswith(".jsonl"):
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    else:
        path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


def evaluate(tmp_path: Path, preds, *args: str, gold=GOLD) -> dict:
    g = write(tmp_path, "a.gold.json", gold)
    p = write(tmp_path, "pred.jsonl", preds)
    result = CliRunner().invoke(main, ["evaluate", "--pred", str(p), "--gold", str(g), "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


PREDS = [
    entity("p/ana", "ana perez"),  # folded: case and accent
    entity("p/jefa", "Someone", aliases=["La Jefa"]),  # the alias decides when the name fits no one
    entity("p/beto", "Ruiz"),  # fits beto and sol: stands for neither
    entity("c/rio", "the Cártel del Rio", "CriminalOrganization"),
    entity("c/sol", "Los Soles", "Person"),  # found, wrongly typed
    relation("p/ana", "leader_of", "c/rio", evidence="Ana Pérez leads the CDR.", extractor="x#lead"),
    relation("p/jefa", "leader_of", "c/rio"),  # the same fact again: counted once
    relation("c/sol", "rival_of", "c/rio"),  # symmetric, the other way round: right
    relation("p/ana", "member_of", "c/rio"),  # uncertain: neither right nor wrong
    relation("p/beto", "member_of", "c/rio", evidence="Ruiz joined.", extractor="x#join"),  # unmatched end
    relation("p/beto", "member_of", "c/sol"),  # wrong too, and a different key: counted
    relation("p/ana", "child_of", "p/beto"),  # child_of is in no gold relation: not scored
]


def test_hand_computed_case(tmp_path: Path) -> None:
    out = evaluate(tmp_path, PREDS, "--show")
    # tp: leader_of, rival_of; fp: member_of(None, rio), member_of(None, sol);
    # fn: member_of(beto, rio), sanctioned_by(rio, ofac)
    assert (out["tp"], out["fp"], out["fn"]) == (2, 2, 2)
    assert (out["precision"], out["recall"], out["f1"]) == (0.5, 0.5, 0.5)
    assert out["by_predicate"]["member_of"] == {
        "precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 2, "fn": 1,
    }  # fmt: skip
    assert "child_of" not in out["by_predicate"]
    # entities of gold relations: ana, rio, sol, beto, ofac; found ana, rio, sol; typed ana, rio
    assert out["entity_recall"] == round(3 / 5, 4) and out["entity_type_accuracy"] == round(2 / 3, 4)
    wrong = {(w["subject"], w["object"], w["rule"], w["sentence"]) for w in out["wrong"]}
    assert ("Ruiz", "the Cártel del Rio", "x#join", "Ruiz joined.") in wrong
    assert {(m["subject"], m["predicate"]) for m in out["missed"]} == {
        ("beto", "member_of"),
        ("rio", "sanctioned_by"),
    }


def test_predicates_option_scores_what_is_named(tmp_path: Path) -> None:
    out = evaluate(tmp_path, PREDS, "--predicates", "child_of,leader_of")
    assert set(out["by_predicate"]) == {"child_of", "leader_of"}
    assert (out["tp"], out["fp"], out["fn"]) == (1, 1, 0)  # child_of ana->None is wrong


def test_the_two_uses_of_one_name_are_told_apart_by_type_only_in_gold(tmp_path: Path) -> None:
    # "Ruiz" is a name of two gold entities: a prediction named so matches neither, even typed right
    out = evaluate(tmp_path, [entity("p/r", "Ruiz"), entity("c/r", "CDR", "CriminalOrganization"),
                              relation("p/r", "member_of", "c/r")])  # fmt: skip
    assert (out["tp"], out["fp"]) == (0, 1)


def test_cross_document_splits_and_merges(tmp_path: Path) -> None:
    other = {
        "document": "b.txt",
        "entities": [
            {"id": "ana", "type": "Person", "names": ["Ana Pérez"]},
            {"id": "rio", "type": "CriminalOrganization", "names": ["Cartel del Río"]},
            {"id": "ofac", "type": "GovernmentOrganization", "names": ["OFAC"]},
            {"id": "sol", "type": "CriminalOrganization", "names": ["Los Soles"]},
        ],
        "relations": [{"subject": "rio", "predicate": "sanctioned_by", "object": "ofac"}],
    }
    g1, g2 = write(tmp_path, "a.gold.json", GOLD), write(tmp_path, "b.gold.json", other)
    preds = [
        entity("person/ana", "Ana Pérez"),
        entity("crimorg/rio", "Cartel del Río", "CriminalOrganization"),
        entity("person/ana", "Ana Pérez", doc="b.txt"),  # the same id in both: not split
        entity("place/rio", "Cartel del Río", "Place", doc="b.txt"),  # another id: rio is split
        entity("govorg/ofac", "OFAC", "GovernmentOrganization", doc="b.txt"),
        entity("crimorg/rio", "Los Soles", "CriminalOrganization", doc="b.txt"),  # one id, two gold: merged
    ]
    p = write(tmp_path, "pred.jsonl", preds)
    result = CliRunner().invoke(main, ["evaluate", "--pred", str(p), str(g1), str(g2), "--json"])
    cross = json.loads(result.stdout)["cross_document"]
    assert cross["entities_in_several_documents"] == 2  # ana and rio; ofac is found in one document
    assert cross["split"] == 1 and cross["split_entities"] == {"rio": ["crimorg/rio", "place/rio"]}
    assert cross["merged_ids"] == {"crimorg/rio": ["rio", "sol"]}
    text = CliRunner().invoke(main, ["evaluate", "--pred", str(p), str(g1), str(g2), "--by-document"]).output
    assert "2 gold entities found in 2+ documents, 1 split over several ids (50%); 1 id(s) merge" in text
    assert "a.txt" in text and "b.txt" in text


def test_extracts_and_scores_in_one_go(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("OFAC sanctioned the Cartel del Río on Monday.\n", encoding="utf-8")
    out = CliRunner().invoke(
        main, ["evaluate", str(doc), "--gold", str(write(tmp_path, "a.gold.json", GOLD))]
    )
    assert out.exit_code == 0, out.output
    assert out.output.splitlines()[0].split() == ["predicate", "P", "R", "F1", "tp", "fp", "fn"]
    assert any(line.split()[:1] == ["ALL"] for line in out.output.splitlines())


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda g: g["relations"].append({"subject": "ana", "predicate": "loves", "object": "rio"}),
         "relation 5: unknown predicate 'loves'"),
        (lambda g: g["entities"].append({"id": "x", "type": "Gang", "names": ["X"]}),
         "entity 6 (x): unknown node type 'Gang'"),
        (lambda g: g["relations"].append({"subject": "ana", "predicate": "member_of", "object": "nobody"}),
         "relation 5: object 'nobody' is not an entity id of this file"),
        (lambda g: g["uncertain"].append({"subject": "zed", "predicate": "member_of", "object": "rio"}),
         "uncertain relation 2: subject 'zed' is not an entity id"),
        (lambda g: g["entities"].append({"id": "ana", "type": "Person", "names": ["A"]}),
         "entity 6: id 'ana' is declared twice"),
    ],
)  # fmt: skip
def test_bad_gold_names_file_and_problem(tmp_path: Path, change, message: str) -> None:
    gold = json.loads(json.dumps(GOLD))
    change(gold)
    path = write(tmp_path, "a.gold.json", gold)
    with pytest.raises(InputError, match=re.escape(message)):
        read_gold(path)
    p = write(tmp_path, "pred.jsonl", PREDS)
    result = CliRunner().invoke(main, ["evaluate", "--pred", str(p), "--gold", str(path)])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1
    assert result.output.startswith(f"error: {path}: {message}")


def test_gold_that_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "a.gold.json"
    path.write_text('{"entities": [\n  {"id": "a",}\n]}', encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", "--pred", str(write(tmp_path, "p.jsonl", [])), str(path)])
    assert result.exit_code == 1
    assert (
        result.output.strip()
        == f"error: {path}: not JSON: Expecting property name enclosed in double quotes (line 2)"
    )


def test_prediction_file_with_a_broken_line(tmp_path: Path) -> None:
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(entity("p/ana", "Ana Pérez")) + "\n\n{broken\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["evaluate", "--pred", str(pred), str(write(tmp_path, "a.gold.json", GOLD))]
    )
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {pred}:3: not JSON")


def test_two_gold_files_for_one_article(tmp_path: Path) -> None:
    a = write(tmp_path, "a.gold.json", GOLD)
    (tmp_path / "sub").mkdir()
    b = write(tmp_path / "sub", "a.gold.json", GOLD)
    with pytest.raises(InputError, match=r"a\.txt is already annotated by"):
        read_all_gold([a, b])


def test_nothing_to_score(tmp_path: Path) -> None:
    g = str(write(tmp_path, "a.gold.json", GOLD))
    assert "nothing to score" in CliRunner().invoke(main, ["evaluate", g]).output
    assert "no gold annotations" in CliRunner().invoke(main, ["evaluate", "x.txt"]).output


def test_symmetric_key_with_an_unmatched_end_is_stable() -> None:
    sym = scoring.symmetric_predicates()
    assert sym == {"rival_of", "allied_with", "sibling_of", "associated_with"}
    assert (
        scoring.key(None, "rival_of", "b", sym)
        == scoring.key("b", "rival_of", None, sym)
        == ("rival_of", "b", None)
    )
