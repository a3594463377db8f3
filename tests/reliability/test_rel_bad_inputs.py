"""The bad-input corpus (tests/fixtures/bad/): each file gives one clear line, and nothing stored is lost."""

from __future__ import annotations

import shutil
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from ocgraph.cli import main
from ocgraph.errors import InputError, StoreError
from ocgraph.graph.model import KnowledgeGraph
from ocgraph.graph.store import FILENAME, read_graph
from ocgraph.loaders import ofac
from ocgraph.loaders.documents import read_document

BAD = Path(__file__).resolve().parent.parent / "fixtures" / "bad"
FIXTURE_GRAPH = Path(__file__).resolve().parents[2] / "data" / "fixture-graph.jsonl"


def _one_line(message: str) -> str:
    assert message and "\n" not in message.strip(), f"not one line: {message!r}"
    assert "Traceback" not in message
    return message.strip()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("empty.txt", "empty.txt: empty file"),
        ("binary.txt", "binary.txt: binary file, not text (it holds NUL or control bytes)"),
        (
            "truncated-utf8.txt",
            "truncated-utf8.txt: not valid UTF-8 (truncated at the end); re-save it as UTF-8",
        ),
    ],
)
def test_unreadable_document_gives_one_line_naming_the_file(name: str, expected: str) -> None:
    with pytest.raises(InputError) as info:
        read_document(BAD / name)
    assert _one_line(str(info.value)) == f"{BAD / name}: {expected.split(': ', 1)[1]}"


def test_latin1_document_is_decoded_with_a_one_line_warning() -> None:
    doc = read_document(BAD / "latin1.txt")
    assert doc.encoding == "latin-1"
    assert doc.warnings == (f"{BAD / 'latin1.txt'}: decoded as latin-1 (not UTF-8)",)
    text = doc.sections[0].text
    assert "Efraín Rosales Núñez" in text and "Apatzingán" in text
    # offsets still point into the decoded file: the name's span in the raw text reads the same
    start = text.index("Efraín")
    a, b = doc.sections[0].original_span(start, start + len("Efraín Rosales Núñez"))
    assert doc.raw[a:b] == "Efraín Rosales Núñez"


def test_html_scripts_styles_and_navigation_never_reach_the_text() -> None:
    doc = read_document(BAD / "script-page.html")
    text = " ".join(s.text for s in doc.sections)
    for planted in (
        "Ignacio Falso Ruiz",
        "Phantom Cartel",
        "Rafael Fantasma",
        "Ghost Cartel",
        "document.write",
    ):
        assert planted not in text
    assert "Efraín Rosales Núñez" in text and "Cártel de Tepalcatepec" in text


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "huge-archive.txt"
    line = (
        "The Sinaloa Cartel has been battling with the Jalisco New Generation Cartel. " * 10 + "\n"
    ).encode()
    with big.open("wb") as out:
        for _ in range(50 * 2**20 // len(line) + 1):
            out.write(line)
    assert big.stat().st_size >= 50 * 2**20
    tracemalloc.start()
    try:
        with pytest.raises(InputError) as info:
            read_document(big)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    message = _one_line(str(info.value))
    assert message.startswith(f"{big}: {big.stat().st_size:,} bytes is over the 20,000,000-byte limit")
    # refused from its size alone: reading it would have cost 50 MB
    assert peak < 1_000_000


def test_malformed_ofac_rows_are_reported_by_line_and_the_rest_loads() -> None:
    path = BAD / "ofac-malformed-sdn.csv"
    kg, errors = ofac.ingest([path], known=KnowledgeGraph())
    assert errors == [f"{path}:2: expected 12 fields, found 4", f"{path}:3: ent_num 'X6708' is not a number"]
    people = sorted(e.name for e in kg.entities.values() if e.type == "Person")
    assert people == ["Benjamin Alberto Arellano Felix", "Ramon Eduardo Arellano Felix"]
    assert kg.counts()["relations"] == {"sanctioned_by": 2}


@pytest.fixture
def stored(ocgraph_home: Path) -> bytes:
    """A store holding the hand-written seed graph; returns its bytes."""
    result = CliRunner().invoke(main, ["merge", str(FIXTURE_GRAPH)])
    assert result.exit_code == 0, result.output
    return (ocgraph_home / FILENAME).read_bytes()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("broken-store-line.jsonl", ":3: not JSON (Unterminated string starting at column 57)"),
        (
            "wrong-typed-edge.jsonl",
            ":5: member_of cannot link CriminalOrganization to Person (domain: Person; range: "
            "CriminalOrganization | GovernmentOrganization | Organization | State)",
        ),
    ],
)
def test_bad_store_file_is_refused_and_the_store_keeps_every_byte(
    name: str, expected: str, stored: bytes, ocgraph_home: Path
) -> None:
    result = CliRunner().invoke(main, ["merge", str(BAD / name)])
    assert result.exit_code == 1
    message = _one_line(result.output)
    assert message.startswith(f"error: {BAD / name}{expected}")
    assert (ocgraph_home / FILENAME).read_bytes() == stored


def test_a_damaged_store_is_reported_and_never_overwritten(ocgraph_home: Path, tmp_path: Path) -> None:
    ocgraph_home.mkdir(parents=True)
    store = ocgraph_home / FILENAME
    shutil.copyfile(BAD / "broken-store-line.jsonl", store)
    before = store.read_bytes()
    for args in (["stats"], ["merge", str(FIXTURE_GRAPH)]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1
        assert (
            _one_line(result.output)
            == f"error: {store}:3: not JSON (Unterminated string starting at column 57)"
        )
    # a merge into a damaged store must not "repair" it by writing what it could read
    assert store.read_bytes() == before
    with pytest.raises(StoreError):
        read_graph(store)


def test_malformed_ofac_rows_through_the_cli_keep_the_store(stored: bytes, ocgraph_home: Path) -> None:
    before = read_graph(ocgraph_home / FILENAME)
    path = BAD / "ofac-malformed-sdn.csv"
    result = CliRunner().invoke(main, ["ingest", "--format", "ofac-sdn", str(path)])
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("error: ")] == [
        f"error: {path}:2: expected 12 fields, found 4",
        f"error: {path}:3: ent_num 'X6708' is not a number",
    ]
    after = read_graph(ocgraph_home / FILENAME)
    assert after.find("Ramon Eduardo Arellano Felix", "Person")
    assert after.find("Benjamin Alberto Arellano Felix", "Person")
    assert not after.find("Rafael Caro Quintero") and not after.find("Vicente Carrillo Fuentes")
    assert set(before.entities) <= set(after.entities) and set(before.relations) <= set(after.relations)
