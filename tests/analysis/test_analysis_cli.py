"""`ocgraph analyze` end to end on a real store file, with click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ocgraph.cli import main
from ocgraph.graph.model import KnowledgeGraph
from ocgraph.graph.store import Store

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def seeded(ocgraph_home: Path, fixture_graph: KnowledgeGraph) -> Path:
    Store(ocgraph_home).save(fixture_graph)
    return ocgraph_home


def run(*args: str):
    return CliRunner().invoke(main, ["analyze", *args])


def test_json_report_with_a_removal(seeded: Path) -> None:
    result = run("--remove", "El Chapo", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["schema_version"] == 1
    assert [p["name"] for p in report["decapitation"]["removed"]] == ["Joaquín Guzmán Loera"]
    [sinaloa] = report["decapitation"]["organizations"]
    assert (sinaloa["name"], sinaloa["remaining_leaders"], sinaloa["leaderless"]) == (
        "Sinaloa Cartel",
        ["Ismael Zambada García"],
        False,
    )


def test_json_is_byte_identical_across_runs(seeded: Path) -> None:
    first = run("--format", "json", "--strategy", "random", "--k", "2", "--seed", "7")
    second = run("--format", "json", "--strategy", "random", "--k", "2", "--seed", "7")
    assert first.exit_code == 0, first.output
    assert first.stdout == second.stdout


def test_markdown_is_the_default(seeded: Path) -> None:
    result = run("--strategy", "betweenness", "--k", "1")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Fragmentation report\n")
    assert "## Decapitation" in result.stdout
    # El Mayo and El Chapo tie on betweenness; the tie goes to the smaller id (ismael < joaquin)
    assert "Removed (top 1 by betweenness): Ismael Zambada García." in result.stdout


def test_unknown_name_lists_the_closest(seeded: Path) -> None:
    result = run("--remove", "Ismael Zambada Garcya")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: --remove 'Ismael Zambada Garcya' matches no person; closest: Ismael Zambada García\n"
    )
    assert result.stdout == ""


def test_empty_store_says_so(ocgraph_home: Path) -> None:
    result = run("--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "schema_version": 1,
        "as_of": None,
        "empty": True,
        "notes": ["the graph is empty: there is nothing to analyze"],
    }
    assert "the graph is empty" in run().stdout


def test_as_of_on_an_undated_graph_counts_what_it_kept(seeded: Path) -> None:
    result = run("--as-of", "1999-06-30")
    assert result.exit_code == 0, result.output
    assert "- as of 1999-06-30: kept 32 of 37 relations, 32 of them without dates" in result.stdout


def test_bad_date_is_one_line(seeded: Path) -> None:
    result = run("--as-of", "June 2020")
    assert result.exit_code == 1
    assert result.stderr == "error: 'June 2020' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)\n"


def test_plots_and_output_file(seeded: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = run("--plots", str(tmp_path / "plots"), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("# Fragmentation report")
    assert [p.name for p in (tmp_path / "plots").iterdir()] == ["robustness.png"]
    assert (tmp_path / "plots" / "robustness.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert result.stderr.splitlines()[1:] == [
        f"wrote {tmp_path / 'plots' / 'robustness.png'}",
        "skipped timeline.png: 5 of 37 relations are dated, but none involves a criminal organization: "
        "no yearly counts",
        "skipped lineage.png: one lineage relation only (Los Chapitos faction of Sinaloa Cartel): "
        "the report lists it",
    ]


def test_help_is_one_line_in_the_command_list() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert "analyze" in result.output
    assert "Measure fragmentation and what removing leaders does" in result.output


@pytest.mark.neo4j
@pytest.mark.slow
def test_from_neo4j_matches_the_store(
    seeded: Path, fixture_graph: KnowledgeGraph, neo4j_server, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ocgraph.graph import neo4j_connect
    from ocgraph.graph.neo4j_writer import Neo4jWriter

    cs = neo4j_connect.resolve(neo4j_server.uri, "neo4j", neo4j_server.password())
    drv = neo4j_connect.driver(cs)
    try:
        neo4j_connect.run(drv, cs, "MATCH (n) DETACH DELETE n", write=True)
        Neo4jWriter(drv).load(fixture_graph)
    finally:
        drv.close()
    monkeypatch.setenv("NEO4J_URI", neo4j_server.uri)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server.password())
    from_neo4j = run("--from", "neo4j", "--format", "json", "--remove", "El Mayo")
    from_store = run("--from", "store", "--format", "json", "--remove", "El Mayo")
    assert from_neo4j.exit_code == 0, from_neo4j.output
    assert from_neo4j.stdout == from_store.stdout


def test_from_neo4j_unreachable_is_one_line(seeded: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")  # discard port: nothing listens
    monkeypatch.setenv("NEO4J_PASSWORD", "x")
    result = run("--from", "neo4j")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: cannot reach Neo4j at bolt://127.0.0.1:9")
    assert result.stderr.count("\n") == 1


def test_json_is_the_same_under_any_hash_seed(seeded: Path) -> None:
    import os
    import subprocess
    import sys

    ocgraph = str(Path(sys.executable).with_name("ocgraph"))
    outputs = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run(
            [ocgraph, "analyze", "--format", "json", "--strategy", "kpp"],
            env=env, capture_output=True, check=True,
        )  # fmt: skip
        outputs.add(done.stdout)
    assert len(outputs) == 1
