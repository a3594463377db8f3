"""A Neo4j load killed mid-way and run again gives the same graph as a clean load."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ocgraph.graph import neo4j_connect
from ocgraph.graph.neo4j_writer import Neo4jWriter
from ocgraph.graph.store import FILENAME, write_graph

REPO = Path(__file__).resolve().parents[2]
OCGRAPH = Path(sys.executable).parent / "ocgraph"
sys.path.insert(0, str(REPO / "bench"))
from synthetic import make_graph  # noqa: E402 - bench/ is a folder of scripts, not a package

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]


@pytest.fixture
def neo4j(neo4j_server):
    """Connection settings and an open driver to the session's server, with an empty database."""
    cs = neo4j_connect.ConnectionSettings(neo4j_server.uri, "neo4j", neo4j_server.password())
    with neo4j_connect.driver(cs) as drv:
        neo4j_connect.run(drv, cs, "MATCH (n) DETACH DELETE n", write=True)
        yield cs, drv
        neo4j_connect.run(drv, cs, "MATCH (n) DETACH DELETE n", write=True)


def _relationships(cs, drv) -> int:
    _, rows = neo4j_connect.run(drv, cs, "MATCH ()-[r]->() RETURN count(r)")
    return rows[0][0]


def test_load_killed_mid_way_then_rerun_equals_a_clean_load(neo4j, ocgraph_home: Path) -> None:
    cs, drv = neo4j
    kg = make_graph(1_000, 5_000, seed=3)
    write_graph(kg, ocgraph_home / FILENAME)
    env = {
        **os.environ,
        "OCGRAPH_HOME": str(ocgraph_home),
        "NEO4J_URI": cs.uri,
        "NEO4J_USERNAME": cs.username,
        "NEO4J_PASSWORD": cs.password,
    }
    env.pop("NEO4J_DATABASE", None)
    load = [str(OCGRAPH), "load", "--batch-size", "1000"]

    # small batches for the run that is killed, so it dies between two of many transactions
    proc = subprocess.Popen(
        [*load[:-1], "50"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 300
    while _relationships(cs, drv) == 0:
        assert proc.poll() is None, (
            f"the load ended before any relationship was written: {proc.stderr.read()}"
        )
        assert time.monotonic() < deadline, "no relationship written in 300 s"
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _relationships(cs, drv)

    rerun = subprocess.run(load, env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    after_crash = Neo4jWriter(drv).dump()
    total = _relationships(cs, drv)

    neo4j_connect.run(drv, cs, "MATCH (n) DETACH DELETE n", write=True)
    clean = subprocess.run(load, env=env, capture_output=True, text=True, timeout=600)
    assert clean.returncode == 0, clean.stderr
    after_clean = Neo4jWriter(drv).dump()

    assert 0 < partial < total, "the kill did not land mid-way"
    assert _relationships(cs, drv) == total
    assert after_crash.to_records() == after_clean.to_records()
    # and both are the store's graph exactly (the writer's dump is lossless)
    assert after_clean.to_records() == kg.to_records()
