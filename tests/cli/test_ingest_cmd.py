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
