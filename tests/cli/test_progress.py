"""Progress on stderr: a bar on a terminal, a line every few seconds otherwise, for long commands."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from ocgraph.cli import main, progress
from ocgraph.graph.analysis.report import STEPS

LATIN1 = Path(__file__).resolve().parents[1] / "fixtures" / "bad" / "latin1.txt"
SEED = Path(__file__).resolve().parents[2] / "data" / "seed-kingpin-strategy.txt"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock()
    monkeypatch.setattr(progress.time, "monotonic", c)
    return c


def test_lines_every_few_seconds_when_not_a_terminal(clock: Clock) -> None:
    out = io.StringIO()
    with progress.Progress(out, every=5) as bar:
        bar.phase("loading relationships", total=60_000, unit="relationships")
        for t, done in ((1, 5_000), (5.5, 25_000), (6, 30_000), (11, 55_000), (12, 60_000)):
            clock.now = 100 + t
            bar.update(done)
    # one line at 5.5 s and one at 11 s: not one per batch, and nothing for a quick job
    assert out.getvalue() == (
        "loading relationships: 25,000/60,000 relationships (41%)\n"
        "loading relationships: 55,000/60,000 relationships (91%)\n"
    )


def test_a_bar_on_a_terminal(clock: Clock) -> None:
    out = Terminal()
    with progress.Progress(out) as bar:
        bar.phase("extracting", total=4, unit="files")
        bar.update(1)  # at once: no bar for what ends in half a second
        assert out.getvalue() == ""
        clock.now += 0.6
        bar.update(2)
    bar_half = "[" + "#" * 15 + "." * 15 + "]"
    assert out.getvalue() == (
        f"\r\x1b[Kextracting {bar_half} 2/4 files (50%)" + f"\r\x1b[Kextracting {bar_half} 2/4 files (50%)\n"
    )


def test_analyze_reports_its_steps(
    ocgraph_home: Path, fixture_graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ocgraph.graph.store import Store

    Store(ocgraph_home).save(fixture_graph)
    monkeypatch.setenv(progress.EVERY, "0")
    result = CliRunner().invoke(main, ["analyze", "--remove", "El Chapo", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("{")  # the report alone on stdout
    assert result.stderr.splitlines() == [
        f"analyzing: {i}/{len(STEPS)} steps ({100 * i // len(STEPS)}%) {step}" for i, step in enumerate(STEPS)
    ]
    assert STEPS[-1] == "decapitation" and len(STEPS) == 10


def test_ingest_counts_files(ocgraph_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(progress.EVERY, "0")
    result = CliRunner().invoke(main, ["ingest", str(LATIN1), str(SEED)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("extracting")]
    # the seed file holds one article, latin1.txt one: a line per file, whatever their articles
    assert lines == ["extracting: 1/2 files (50%)", "extracting: 2/2 files (100%)"]
    assert result.stdout.startswith("entities: ")
