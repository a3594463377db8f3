"""`ocgraph read`: the articles of each file, bad files listed with a non-zero exit."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

from click.testing import CliRunner

from ocgraph.cli import main

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "data" / "seed-kingpin-strategy.txt"


def test_read_prints_the_articles_of_the_seed():
    result = CliRunner().invoke(main, ["read", str(SEED)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("seed-kingpin-strategy.txt  doc/") and lines[0].endswith("4 article(s)")
    assert lines[1].endswith("Failed 'kingpin strategy' at heart of new Mexico-US security plans")
    assert lines[4].endswith("Impunity for homicides and femicides remains sky-high, new report finds")


def test_read_json_gives_spans_that_tile_the_file():
    result = CliRunner().invoke(main, ["read", "--json", str(SEED)])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["section"], r["date"]) for r in rows] == [(k, "2022-12-08") for k in range(4)]
    assert rows[0]["start"] == 0 and rows[-1]["end"] == len(SEED.read_text(encoding="utf-8"))
    assert all(a["end"] == b["start"] for a, b in pairwise(rows))


def test_read_lists_bad_files_and_exits_non_zero(tmp_path: Path):
    (tmp_path / "good.txt").write_text("Title of the story\n\nThe cartel paid the police in 2019.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "latin.txt").write_bytes("Se\xf1or Ib\xe1\xf1ez paid the cartel.".encode("latin-1"))
    result = CliRunner().invoke(main, ["read", str(tmp_path)])
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'empty.txt'}: empty file" in result.output
    assert f"warning: {tmp_path / 'latin.txt'}: decoded as latin-1 (not UTF-8)" in result.output
    assert "good.txt  doc/" in result.output and "Title of the story" in result.output
    assert result.output.rstrip().endswith("error: 1 file(s) could not be read")
