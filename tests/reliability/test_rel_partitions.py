"""Extraction over processes: partitions ingested into their own stores, then merged, equal one ingest."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ocgraph.graph.store import FILENAME

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "data" / "seed-kingpin-strategy.txt"
OCGRAPH = Path(sys.executable).parent / "ocgraph"
sys.path.insert(0, str(REPO / "bench"))
from synthetic import make_corpus  # noqa: E402 - bench/ is a folder of scripts, not a package


def _ocgraph(home: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "OCGRAPH_HOME": str(home)}
    return subprocess.Popen(
        [str(OCGRAPH), *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _ok(proc: subprocess.Popen) -> None:
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err


@pytest.mark.slow
def test_partitioned_ingest_then_merge_is_byte_identical_to_one_ingest(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    files = [(name, text) for name, text, _ in make_corpus(6, seed=31)]
    files.append((SEED.name, SEED.read_text(encoding="utf-8")))
    for name, text in files:
        (corpus / name).write_text(text, encoding="utf-8")
    # two partitions of the same files (a document's path is one of its properties)
    paths = sorted(str(p) for p in corpus.iterdir())
    parts = [paths[0::2], paths[1::2]]

    # the map step: one process per partition, each into its own store, at the same time
    workers = [_ocgraph(tmp_path / f"store{k}", "ingest", *part) for k, part in enumerate(parts)]
    for proc in workers:
        _ok(proc)
    # the reduce step: merge the partition stores
    _ok(_ocgraph(tmp_path / "merged", "merge", *(str(tmp_path / f"store{k}" / FILENAME) for k in range(2))))
    _ok(_ocgraph(tmp_path / "serial", "ingest", str(corpus)))

    merged = (tmp_path / "merged" / FILENAME).read_bytes()
    assert merged == (tmp_path / "serial" / FILENAME).read_bytes()
    assert merged.count(b'"kind": "entity"') > 40
