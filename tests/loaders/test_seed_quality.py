"""End to end: `ocgraph extract` on the seed and on our own articles, scored by the shared scorer."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from scoring import extract_and_score

from ocgraph.cli import main

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"


def test_seed_precision_and_f1(tmp_path: Path) -> None:
    result = extract_and_score(
        [REPO / "data" / "seed-kingpin-strategy.txt"],
        [FIXTURES / "gold" / "seed-kingpin-strategy.gold.json"],
        tmp_path,
    )
    # F1 was 0.99 while 94 regular expressions written after this article's sentences ran; they added
    # nothing on the real dev articles and were removed (2026-12-06): P 0.96, R 0.68, F1 0.80 then;
    # P 1.00, R 0.82, F1 0.90 with "one of the ..." holders and groups people are "known collectively as";
    # P 0.97, R 0.87, F1 0.92 with the people listed after "leaders:" (e8e00cf); P 1.00, R 0.92, F1 0.96
    # with a second appositive role, "of" phrases kept to their own names and fights for a group's
    # internal control (the floor for the seed: F1 0.95)
    assert result["precision"] >= 0.95, result["wrong"]
    assert result["f1"] >= 0.95, result["misses"]


def test_own_articles_precision_and_f1(tmp_path: Path) -> None:
    golds = sorted((FIXTURES / "articles").glob("*.gold.json"))
    texts = [g.with_name(g.name.replace(".gold.json", ".txt")) for g in golds]
    assert golds and all(t.exists() for t in texts)
    result = extract_and_score(texts, golds, tmp_path)
    assert result["precision"] >= 0.95, result["wrong"]
    assert result["f1"] >= 0.85, result["misses"]


def test_contract_lines(tmp_path: Path) -> None:
    out = tmp_path / "seed.jsonl"
    seed = REPO / "data" / "seed-kingpin-strategy.txt"
    assert CliRunner().invoke(main, ["extract", str(seed), "-o", str(out)]).exit_code == 0
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    kinds = [x["kind"] for x in lines]
    assert kinds == sorted(kinds)  # entity lines, then relation lines
    raw = seed.read_text(encoding="utf-8")
    ids = {x["id"] for x in lines if x["kind"] == "entity"}
    for rel in (x for x in lines if x["kind"] == "relation"):
        assert rel["doc"] == "seed-kingpin-strategy.txt"
        assert rel["subject"] in ids and rel["object"] in ids
        assert raw[rel["start"] : rel["end"]] == rel["evidence"]
        assert 0 < rel["confidence"] <= 1
    chapo = next(x for x in lines if x["kind"] == "entity" and x["name"] == "Joaquín Guzmán Loera")
    assert chapo["id"] == "person/joaquin-guzman-loera" and "El Chapo" in chapo["aliases"]
    reward = next(
        x
        for x in lines
        if x["kind"] == "relation"
        and x["predicate"] == "reward_offered_by"
        and x["subject"] == "person/ovidio-guzman-lopez"
    )
    assert (reward["amount"], reward["currency"], reward["amount_scope"]) == (20000000, "USD", "total")
    # same input, same bytes
    again = tmp_path / "again.jsonl"
    assert CliRunner().invoke(main, ["extract", str(seed), "-o", str(again)]).exit_code == 0
    assert again.read_bytes() == out.read_bytes()


def test_same_bytes_across_processes(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    outs = []
    for seed in ("1", "2"):  # different string hashing in each process
        out = tmp_path / f"run{seed}.jsonl"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [
                sys.executable,
                "-c",
                "from ocgraph.cli import main; main()",
                "extract",
                str(REPO / "data" / "seed-kingpin-strategy.txt"),
                str(FIXTURES / "articles"),
                "-o",
                str(out),
            ],
            check=True,
            env=env,
            capture_output=True,
        )
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and outs[0].count(b"\n") > 50
