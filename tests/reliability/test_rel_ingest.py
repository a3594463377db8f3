"""`ocgraph ingest` under stress: a mixed batch, re-ingesting, a locked store, two ingests at once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from ocgraph.cli import main
from ocgraph.graph.ids import fold, relation_id
from ocgraph.graph.model import KnowledgeGraph
from ocgraph.graph.records import redirects
from ocgraph.graph.store import FILENAME, read_graph

REPO = Path(__file__).resolve().parents[2]
BAD = REPO / "tests" / "fixtures" / "bad"
SEED = REPO / "data" / "seed-kingpin-strategy.txt"
FIXTURE_GRAPH = REPO / "data" / "fixture-graph.jsonl"
OCGRAPH = Path(sys.executable).parent / "ocgraph"
sys.path.insert(0, str(REPO / "bench"))
from synthetic import make_corpus  # noqa: E402 - bench/ is a folder of scripts, not a package


def _articles(folder: Path, n: int, seed: int = 5) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text, _ in make_corpus(n, seed):
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    return paths


def _contains(after: KnowledgeGraph, before: KnowledgeGraph) -> None:
    """Every entity, alias, property, relation and evidence of `before` is still in `after`, in the
    node it was merged into when entity resolution merged it (its name then one of the node's)."""
    moved = redirects(after)
    for eid, e in before.entities.items():
        now = after.entities[moved.get(eid, eid)]
        assert now.type == e.type or moved.get(eid)
        assert {fold(n) for n in e.names()} <= {fold(n) for n in now.names()}
        for key, value in e.properties.items():
            if key in ("merged_from", "merge_record"):
                continue
            assert (
                set(value) <= set(now.properties[key]) if isinstance(value, list) else key in now.properties
            )
    for r in before.relations.values():
        s, o = moved.get(r.subject, r.subject), moved.get(r.object, r.object)
        now = (
            after.relations.get(relation_id(s, r.predicate, o))
            or after.relations[relation_id(o, r.predicate, s)]
        )
        assert set(r.evidence) <= set(now.evidence)


def test_mixed_batch_loads_the_good_files_lists_the_bad_and_keeps_the_store(
    ocgraph_home: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["merge", str(FIXTURE_GRAPH)]).exit_code == 0
    before = read_graph(ocgraph_home / FILENAME)
    batch = tmp_path / "batch"
    good = _articles(batch, 2)
    for name in ("empty.txt", "binary.txt", "truncated-utf8.txt", "latin1.txt", "script-page.html"):
        shutil.copyfile(BAD / name, batch / name)

    result = runner.invoke(main, ["ingest", str(batch)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert errors == [
        f"error: {batch / 'binary.txt'}: binary file, not text (it holds NUL or control bytes)",
        f"error: {batch / 'empty.txt'}: empty file",
        f"error: {batch / 'truncated-utf8.txt'}: not valid UTF-8 (truncated at the end); re-save it as UTF-8",
    ]
    after = read_graph(ocgraph_home / FILENAME)
    documents = sorted(
        e.name for e in after.entities.values() if e.type == "Document" and e.id not in before.entities
    )
    assert documents == sorted(["latin1.txt", "script-page.html", *(p.name for p in good)])
    # the Latin-1 file was read right: its accented names came through whole
    assert after.find("Efraín Rosales Núñez", "Person")
    planted = ("falso", "fantasma", "phantom", "ghost")
    assert not [n for e in after.entities.values() for n in e.names() if any(w in fold(n) for w in planted)]
    _contains(after, before)


def _export(fmt: str) -> bytes:
    result = CliRunner().invoke(main, ["export", "--format", fmt])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


@pytest.mark.slow
def test_ingesting_the_same_corpus_twice_gives_byte_identical_exports(
    ocgraph_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    _articles(corpus, 3)
    shutil.copyfile(SEED, corpus / SEED.name)
    runner = CliRunner()
    formats = ("nt", "turtle", "jsonld")

    assert runner.invoke(main, ["ingest", str(corpus)]).exit_code == 0
    first_store = (ocgraph_home / FILENAME).read_bytes()
    first = {fmt: _export(fmt) for fmt in formats}
    result = runner.invoke(main, ["ingest", str(corpus)])
    assert result.exit_code == 0
    assert "entities: " in result.stdout and "(+0)" in result.stdout
    assert (ocgraph_home / FILENAME).read_bytes() == first_store
    assert {fmt: _export(fmt) for fmt in formats} == first

    # a fresh store, files given one by one in reverse order: the same bytes again
    monkeypatch.setenv("OCGRAPH_HOME", str(tmp_path / "other-home"))
    for path in sorted(corpus.iterdir(), reverse=True):
        assert runner.invoke(main, ["ingest", str(path)]).exit_code == 0
    assert (tmp_path / "other-home" / FILENAME).read_bytes() == first_store
    assert {fmt: _export(fmt) for fmt in formats} == first


HOLD_LOCK = """
import sys
from ocgraph import settings
with settings.store().transaction() as kg:
    print("locked", flush=True)
    sys.stdin.readline()
"""


def test_ingest_into_a_store_being_written_stops_with_one_line(ocgraph_home: Path, tmp_path: Path) -> None:
    assert CliRunner().invoke(main, ["merge", str(FIXTURE_GRAPH)]).exit_code == 0
    before = (ocgraph_home / FILENAME).read_bytes()
    article = _articles(tmp_path / "in", 1)[0]
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK],
        env={**os.environ, "OCGRAPH_HOME": str(ocgraph_home)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline() == "locked\n"
        result = CliRunner().invoke(main, ["ingest", str(article)])
        assert result.exit_code == 1
        assert result.stderr == (
            f"error: {ocgraph_home}: another ocgraph process is writing this store; wait for it to finish\n"
        )
    finally:
        holder.communicate("go\n", timeout=60)
    assert (ocgraph_home / FILENAME).read_bytes() == before


@pytest.mark.slow
def test_two_ingests_at_once_end_in_a_serial_outcome(ocgraph_home: Path, tmp_path: Path) -> None:
    batches = [_articles(tmp_path / f"batch{k}", 3, seed=20 + k)[0].parent for k in range(2)]
    env = {**os.environ, "OCGRAPH_HOME": str(ocgraph_home)}
    procs = [
        subprocess.Popen(
            [str(OCGRAPH), "ingest", str(b)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for b in batches
    ]
    outcomes = [(p.wait(timeout=600), p.stderr.read()) for p in procs]
    lock_message = (
        f"error: {ocgraph_home}: another ocgraph process is writing this store; wait for it to finish"
    )
    for code, err in outcomes:
        assert code == 0 or (code == 1 and err.rstrip().splitlines()[-1] == lock_message), (code, err)
    loaded = [b for b, (code, _) in zip(batches, outcomes, strict=True) if code == 0]
    assert loaded
    # the same batches ingested one after the other into a fresh store give the same bytes
    serial = {**os.environ, "OCGRAPH_HOME": str(tmp_path / "serial")}
    for b in loaded:
        subprocess.run([str(OCGRAPH), "ingest", str(b)], env=serial, check=True, capture_output=True)
    assert (ocgraph_home / FILENAME).read_bytes() == (tmp_path / "serial" / FILENAME).read_bytes()
