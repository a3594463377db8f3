"""stats, export, merge and validate through click's CliRunner, on real files and a real store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ocgraph import __version__, settings
from ocgraph.cli import main
from ocgraph.graph import rdf
from ocgraph.graph.model import KnowledgeGraph
from ocgraph.graph.store import FILENAME, read_graph

FIXTURE = Path(__file__).resolve().parents[2] / "data" / "fixture-graph.jsonl"
SUFFIX = {"turtle": ".ttl", "nt": ".nt", "jsonld": ".jsonld", "trig": ".trig", "xml": ".rdf"}


def _run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def loaded(ocgraph_home: Path) -> Path:
    result = _run("merge", str(FIXTURE))
    assert result.exit_code == 0, result.output
    assert result.output == "entities: 22 (+22)\nrelations: 37 (+37)\n"
    return ocgraph_home


def test_help_lists_the_store_commands_and_version() -> None:
    result = _run("--help")
    assert result.exit_code == 0
    for command in ("stats", "export", "merge", "validate"):
        assert f"  {command} " in result.output
    assert _run("--version").output == f"ocgraph, version {__version__}\n"


def test_stats(loaded: Path) -> None:
    result = _run("stats", "--json")
    counts = json.loads(result.output)
    assert counts["entities"]["Person"] == 8
    assert sum(counts["relations"].values()) == 37
    table = _run("stats").output.splitlines()
    assert table[0] == "entities: 22"
    assert "relations: 37" in table


def test_merge_twice_adds_nothing(loaded: Path) -> None:
    assert _run("merge", str(FIXTURE)).output == "entities: 22 (+0)\nrelations: 37 (+0)\n"


def test_merge_of_a_malformed_file_names_the_line_and_changes_nothing(loaded: Path, tmp_path: Path) -> None:
    before = (loaded / FILENAME).read_bytes()
    bad = tmp_path / "bad.jsonl"
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    bad.write_text("\n".join([*lines[:3], "not json", *lines[3:]]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["merge", str(bad)])
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {bad}:4: not JSON")
    assert result.output.count("\n") == 1
    assert (loaded / FILENAME).read_bytes() == before


@pytest.mark.parametrize("fmt", sorted(SUFFIX))
def test_export_to_file_reads_back_as_the_store(loaded: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"graph{SUFFIX[fmt]}"
    result = _run("export", "--format", fmt, "-o", str(out))
    assert result.exit_code == 0
    assert rdf.read(out).to_records() == read_graph(FIXTURE).to_records()
    again = tmp_path / f"again{SUFFIX[fmt]}"
    _run("export", "--format", fmt, "-o", str(again))
    assert again.read_bytes() == out.read_bytes()


def test_export_takes_the_format_from_the_suffix(loaded: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.jsonld"
    result = _run("export", "-o", str(out))
    assert result.output == f"wrote jsonld to {out}\n"
    assert json.loads(out.read_text(encoding="utf-8"))["@context"]["ocg"] == str(rdf.OCG)
    assert rdf.read(out).to_records() == read_graph(FIXTURE).to_records()
    assert _run("validate", str(out)).exit_code == 0
    ftm = tmp_path / "graph.ftm.json"
    assert _run("export", "-o", str(ftm)).output == f"wrote ftm to {ftm}\n"


def test_export_refuses_a_format_the_suffix_contradicts(loaded: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.jsonld"
    result = CliRunner().invoke(main, ["export", "--format", "turtle", "-o", str(out)])
    assert result.exit_code == 1
    assert result.output == (
        f"error: --format turtle contradicts the name {out} (a .jsonld file holds jsonld): "
        "rename the file or drop --format\n"
    )
    assert not out.exists()
    # a suffix two formats share is no contradiction: FtM files are JSON, GraphML is XML
    assert _run("export", "--format", "ftm", "-o", str(tmp_path / "g.json")).exit_code == 0
    assert _run("export", "--format", "graphml", "-o", str(tmp_path / "g.xml")).exit_code == 0


def test_export_to_stdout(loaded: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--format", "nt"])
    assert result.exit_code == 0
    path = tmp_path / "stdout.nt"
    path.write_bytes(result.stdout_bytes)
    assert rdf.read(path) == read_graph(FIXTURE)


def test_export_to_an_unwritable_path_is_one_line(loaded: Path, tmp_path: Path) -> None:
    target = tmp_path / "no-such-dir" / "graph.ttl"
    result = CliRunner().invoke(main, ["export", "-o", str(target)])
    assert result.exit_code == 1
    assert result.output == f"error: {target}: cannot write here: No such file or directory\n"


def test_export_of_an_empty_store(tmp_path: Path) -> None:
    out = tmp_path / "empty.ttl"
    assert _run("export", "-o", str(out)).exit_code == 0
    assert len(rdf.read(out)) == 0


def test_validate_store(loaded: Path) -> None:
    result = _run("validate")
    assert result.exit_code == 0
    assert result.output == "the store conforms to the shapes (567 triples checked)\n"
    assert len(rdf.to_rdflib(read_graph(FIXTURE))) == 567


def test_validate_a_file_with_violations(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix ocg: <https://w3id.org/ocgraph/ontology#> .\n@prefix schema: <https://schema.org/> .\n"
        "<https://w3id.org/ocgraph/id/crimorg/sinaloa-cartel> a ocg:CriminalOrganization ;\n"
        '    schema:name "Sinaloa Cartel" ; ocg:memberOf <https://w3id.org/ocgraph/id/person/a> .\n'
        '<https://w3id.org/ocgraph/id/person/a> a ocg:Person ; schema:name "Ana" .\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["validate", str(bad)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "Sinaloa Cartel (crimorg/sinaloa-cartel): member_of must point from a Person, "
        "found CriminalOrganization",
        "Sinaloa Cartel (crimorg/sinaloa-cartel): member_of must point to a CriminalOrganization, "
        "GovernmentOrganization, Organization or State, found Person Ana (person/a)",
        f"2 violation(s) in {bad}",
    ]


def test_validate_a_file_that_does_not_parse(tmp_path: Path) -> None:
    bad = tmp_path / "broken.nt"
    bad.write_text('<http://a> <http://b> "ok" .\n<http://a> <http://b> "open .\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(bad)])
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {bad}: not valid nt: ")
    assert "line 2" in result.output
    assert result.output.count("\n") == 1


def test_validate_with_explicit_format(tmp_path: Path) -> None:
    path = tmp_path / "graph.data"
    kg = KnowledgeGraph()
    kg.add_entity("State", "Mexico")
    with path.open("wb") as out:
        rdf.write(kg, out, "xml")
    assert CliRunner().invoke(main, ["validate", str(path)]).exit_code == 1  # cannot tell the format
    result = _run("validate", "--format", "xml", str(path))
    assert result.exit_code == 0
    assert result.output == f"{path} conforms to the shapes (2 triples checked)\n"


def test_merge_loads_the_good_files_and_names_the_bad_one(tmp_path: Path) -> None:
    bad = tmp_path / "broken.jsonl"
    bad.write_text(FIXTURE.read_text(encoding="utf-8").splitlines()[0] + "\n{not json\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["merge", str(bad), str(FIXTURE)])
    assert result.exit_code == 1
    assert f"error: {bad}:2: not JSON" in result.output
    assert settings.store().load() == read_graph(FIXTURE)
