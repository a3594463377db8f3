"""`ocgraph ingest` tells about files it had to decode as cp1252/Latin-1, as `extract` does."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from ocgraph import settings
from ocgraph.cli import main

LATIN1 = Path(__file__).resolve().parents[1] / "fixtures" / "bad" / "latin1.txt"


def test_ingest_warns_about_a_latin1_file_and_still_loads_it() -> None:
    result = CliRunner().invoke(main, ["ingest", str(LATIN1)])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "latin1.txt" in warnings[0] and "not UTF-8" in warnings[0]
    assert settings.store().load().counts()["entities"]["Document"] == 1


def test_ingest_of_a_missing_file_is_the_error_alone(tmp_path: Path) -> None:
    missing = tmp_path / "nonexistent.txt"
    result = CliRunner().invoke(main, ["ingest", str(missing)])
    assert result.exit_code == 1
    # no "entities: 0 (+0)" before it: nothing was read, so there is nothing to count
    assert (result.stdout, result.stderr) == (
        "",
        f"error: {missing}: cannot read (No such file or directory)\n",
    )
    # with one good file beside it, the counts of what did load come first
    both = CliRunner().invoke(main, ["ingest", str(missing), str(LATIN1)])
    assert both.exit_code == 1
    assert both.stdout.startswith("entities: ") and "Document" in both.stdout
    assert both.stderr.endswith(f"error: {missing}: cannot read (No such file or directory)\n")
