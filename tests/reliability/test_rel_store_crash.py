"""Crash safety and locking of the store: a killed writer leaves the previous store; two writers never mix."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from ocgraph.cli import main
from ocgraph.graph.resolution import resolve
from ocgraph.graph.store import FILENAME, read_graph, write_graph

REPO = Path(__file__).resolve().parents[2]
FIXTURE_GRAPH = REPO / "data" / "fixture-graph.jsonl"
OCGRAPH = Path(sys.executable).parent / "ocgraph"
sys.path.insert(0, str(REPO / "bench"))
from synthetic import make_graph  # noqa: E402 - bench/ is a folder of scripts, not a package


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "OCGRAPH_HOME": str(home)}


def _wait_for(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.005)


@pytest.fixture(scope="module")
def big_store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store file of a synthetic graph big enough that writing it takes a while (about 10 MB)."""
    path = tmp_path_factory.mktemp("big") / "big.jsonl"
    write_graph(make_graph(10_000, 40_000, seed=7), path)
    return path


@pytest.mark.slow
def test_merge_killed_mid_write_leaves_the_previous_store(
    big_store_file: Path, ocgraph_home: Path, tmp_path: Path
) -> None:
    assert CliRunner().invoke(main, ["merge", str(FIXTURE_GRAPH)]).exit_code == 0
    store = ocgraph_home / FILENAME
    before = store.read_bytes()

    proc = subprocess.Popen(
        [str(OCGRAPH), "merge", str(big_store_file)],
        env=_env(ocgraph_home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )

    # kill it while it is writing: its temporary file exists and holds part of the new graph
    def writing() -> bool:
        assert proc.poll() is None, f"merge finished before it could be killed: {proc.stderr.read()}"
        return any(p.stat().st_size > 1_000_000 for p in ocgraph_home.glob(f".{FILENAME}.*.tmp"))

    _wait_for(writing, 120, "the merge to start writing")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    assert store.read_bytes() == before
    assert read_graph(store) == read_graph(FIXTURE_GRAPH)
    # the lock died with the process: the next merge works and gives the full graph
    result = CliRunner().invoke(main, ["merge", str(big_store_file)])
    assert result.exit_code == 0, result.output
    expected = read_graph(FIXTURE_GRAPH)
    expected.merge(read_graph(big_store_file))
    assert read_graph(store) == resolve(expected).graph  # a store write resolves entities


HOLD_LOCK = """
import sys
from ocgraph import settings
with settings.store().transaction() as kg:
    print("locked", flush=True)
    sys.stdin.readline()
    kg.add_entity("Person", "Dámaso Peña Guzmán")
"""


def test_second_writer_gets_a_clear_message_and_nothing_is_mixed(ocgraph_home: Path) -> None:
    assert CliRunner().invoke(main, ["merge", str(FIXTURE_GRAPH)]).exit_code == 0
    store = ocgraph_home / FILENAME
    before = store.read_bytes()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK],
        env=_env(ocgraph_home),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline() == "locked\n"
        result = CliRunner().invoke(main, ["merge", str(FIXTURE_GRAPH)])
        assert result.exit_code == 1
        assert result.output == (
            f"error: {ocgraph_home}: another ocgraph process is writing this store; wait for it to finish\n"
        )
        assert store.read_bytes() == before
    finally:
        holder.communicate("go\n", timeout=60)
    assert holder.returncode == 0
    # the first writer's change landed whole, on top of what was there
    expected = read_graph(FIXTURE_GRAPH)
    expected.add_entity("Person", "Dámaso Peña Guzmán")
    assert read_graph(store) == expected


@pytest.mark.slow
def test_two_merges_at_once_give_one_of_the_serial_outcomes(
    big_store_file: Path, ocgraph_home: Path, tmp_path: Path
) -> None:
    small = tmp_path / "small.jsonl"
    kg = read_graph(FIXTURE_GRAPH)
    write_graph(kg, small)
    procs = [
        subprocess.Popen(
            [str(OCGRAPH), "merge", str(path)],
            env=_env(ocgraph_home),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in (big_store_file, small)
    ]
    outcomes = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    lock_message = (
        f"error: {ocgraph_home}: another ocgraph process is writing this store; wait for it to finish\n"
    )
    for code, err in outcomes:
        assert (code, err) == (0, "") or (code, err) == (1, lock_message), (code, err)
    assert any(code == 0 for code, _ in outcomes)
    loaded = [path for path, (code, _) in zip((big_store_file, small), outcomes, strict=True) if code == 0]
    expected = read_graph(loaded[0])
    for path in loaded[1:]:
        expected.merge(read_graph(path))
    assert read_graph(ocgraph_home / FILENAME) == resolve(expected).graph
