"""The on-disk store: exact lines, atomic replacement, errors naming file and line, the writer lock."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ocgraph.errors import StoreError
from ocgraph.graph.model import KnowledgeGraph
from ocgraph.graph.store import FILENAME, Store, atomic_output, read_graph, write_graph

FIXTURE = Path(__file__).resolve().parents[2] / "data" / "fixture-graph.jsonl"


def _small() -> KnowledgeGraph:
    kg = KnowledgeGraph()
    a = kg.add_entity("Person", "Ana Pérez", ["La Güera"])
    b = kg.add_entity("CriminalOrganization", "Los Rojos")
    kg.add_relation(a.id, "member_of", b.id, {"role": "lookout"})
    return kg


def test_exact_lines(tmp_path: Path) -> None:
    path = tmp_path / FILENAME
    write_graph(_small(), path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == '{"format": "ocgraph-store", "kind": "header", "version": 1}'
    assert json.loads(lines[1]) == {
        "kind": "entity",
        "id": "crimorg/los-rojos",
        "type": "CriminalOrganization",
        "name": "Los Rojos",
        "aliases": [],
        "properties": {},
    }
    assert '"La Güera"' in lines[2]  # UTF-8, not \\u escapes
    assert json.loads(lines[3])["properties"] == {"role": "lookout"}
    assert len(lines) == 4


def test_fixture_reads_and_writes_back_byte_for_byte(tmp_path: Path) -> None:
    kg = read_graph(FIXTURE)
    out = tmp_path / FILENAME
    write_graph(kg, out)
    assert out.read_bytes() == FIXTURE.read_bytes()


def _store_with(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_malformed_line_names_file_and_line_and_returns_nothing(tmp_path: Path) -> None:
    good = FIXTURE.read_text(encoding="utf-8").splitlines()
    path = _store_with(tmp_path, [*good[:5], '{"kind": "entity", "id": ', *good[5:]])
    with pytest.raises(StoreError) as info:
        read_graph(path)
    assert str(info.value).startswith(f"{path}:6: not JSON")


def test_record_against_the_ontology_names_the_line(tmp_path: Path) -> None:
    header = '{"format": "ocgraph-store", "kind": "header", "version": 1}'
    path = _store_with(tmp_path, [header, '{"kind": "entity", "type": "Cartel", "name": "X", "id": "x/x"}'])
    with pytest.raises(StoreError, match=r"bad\.jsonl:2: unknown node type 'Cartel'"):
        read_graph(path)
    path = _store_with(tmp_path, [header, '{"kind": "entity", "type": "Person"}'])
    with pytest.raises(StoreError, match=r"bad\.jsonl:2: 'name'"):
        read_graph(path)


def test_header_is_required_and_versioned(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"bad\.jsonl:1: not an ocgraph store"):
        read_graph(_store_with(tmp_path, ['{"kind": "entity"}']))
    with pytest.raises(StoreError, match="store version 9 is not supported"):
        read_graph(_store_with(tmp_path, ['{"format": "ocgraph-store", "kind": "header", "version": 9}']))


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(b'{"format": "ocgraph-store", "kind": "header", "version": 1}\n{"name": "Pe\xf1a"}\n')
    with pytest.raises(StoreError, match="not UTF-8"):
        read_graph(path)


def test_missing_store_is_empty(tmp_path: Path) -> None:
    assert len(read_graph(tmp_path / "absent.jsonl")) == 0


def test_failed_transaction_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    store = Store(tmp_path / "home")
    store.save(_small())
    before = store.path.read_bytes()
    with pytest.raises(RuntimeError), store.transaction() as kg:
        kg.add_entity("State", "Mexico")
        raise RuntimeError("crash in the middle")
    assert store.path.read_bytes() == before
    assert [p.name for p in store.home.iterdir() if p.name.endswith(".tmp")] == []


def test_transaction_writes_on_success(tmp_path: Path) -> None:
    store = Store(tmp_path / "home")
    with store.transaction() as kg:
        kg.add_entity("State", "Mexico")
    assert list(store.load().entities) == ["state/mexico"]


def test_second_writer_is_refused_while_the_first_holds_the_lock(tmp_path: Path) -> None:
    store = Store(tmp_path / "home")
    with store.transaction(), pytest.raises(StoreError, match="another ocgraph process is writing"):
        Store(tmp_path / "home").save(KnowledgeGraph())


def test_store_in_a_path_under_a_file_is_one_line_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError) as info:
        Store(blocker / "home").save(_small())
    assert "\n" not in str(info.value) and str(blocker / "home") in str(info.value)


def test_atomic_output_appears_only_on_success(tmp_path: Path) -> None:
    target = tmp_path / "out.ttl"
    with pytest.raises(ValueError), atomic_output(target) as out:
        out.write(b"half")
        raise ValueError("writer failed")
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []
    with atomic_output(target) as out:
        out.write(b"whole")
    assert target.read_bytes() == b"whole"
    assert target.stat().st_mode & 0o777 == 0o644
