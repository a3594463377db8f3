"""Regression guard: `ocgraph extract` on the held-out articles, scored by the shared scorer."""

from __future__ import annotations

import importlib.util
import json
import tomllib
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from ocgraph.cli import main

REPO = Path(__file__).resolve().parents[2]
HELDOUT = REPO / "tests" / "fixtures" / "heldout"
# CI lays the shared folder beside the clone, as on the development machine
SCORER = REPO.parent / "shared" / "eval" / "score.py"
SCHEMA = REPO / "ontology" / "schema.toml"

# Measured with the shared scorer (6 articles, 118 gold relations):
# - 2026-11-27 23:50, the first run, before the extractor's author had seen these texts (truly held out):
#   micro P 0.86, R 0.21, F1 0.34 (25 tp, 4 fp, 93 fn);
# - 2026-11-28 00:28, after rule commits that name wordings of these texts (no longer held out):
#   micro P 1.00, R 0.56, F1 0.72 (66 tp, 0 fp, 52 fn).
# - 2026-11-28 02:15, after the unseen-wording work (rules tested on tests/fixtures/unseen, no sentence
#   of these texts quoted): P 1.00, R 0.75, F1 0.85 (88 tp, 0 fp, 30 fn).
# The floors sit just below the latest run, as a regression guard; raise them as the extractor
# improves, never lower them to make a change pass.
PRECISION_FLOOR = 1.0
F1_FLOOR = 0.83


def _scorer() -> ModuleType:
    if not SCORER.exists():
        pytest.fail(f"shared scorer not found at {SCORER}: held-out quality cannot be measured without it")
    spec = importlib.util.spec_from_file_location("ocgraph_shared_score_heldout", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    symmetric = module.SYMMETRIC

    def key(s: str | None, p: str, o: str | None) -> tuple:
        # the scorer sorts the two ends of a symmetric relation, which fails when one end matched no gold
        # entity (None); such a prediction can never be right, so any stable order counts it as wrong
        return (p, *sorted((s, o), key=lambda x: (x is None, x or ""))) if p in symmetric else (p, s, o)

    module.key = key
    return module


def _pairs() -> list[tuple[Path, Path]]:
    golds = sorted(HELDOUT.glob("*.gold.json"))
    return [(g.with_name(g.name.replace(".gold.json", ".txt")), g) for g in golds]


def test_heldout_set_is_complete_and_consistent() -> None:
    schema = tomllib.loads(SCHEMA.read_text(encoding="utf-8"))
    pairs = _pairs()
    assert len(pairs) == 6
    for text_path, gold_path in pairs:
        text = text_path.read_text(encoding="utf-8")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        assert gold["document"] == text_path.name
        types = {e["id"]: e["type"] for e in gold["entities"]}
        for rel in gold["relations"] + gold["uncertain"]:
            pred = schema["predicates"][rel["predicate"]]
            where = f"{gold_path.name}: {rel['subject']} -{rel['predicate']}-> {rel['object']}"
            assert rel["evidence"] in text, where
            assert types[rel["subject"]] in pred["domain"], where
            assert types[rel["object"]] in pred["range"], where


def test_heldout_precision_and_f1(tmp_path: Path) -> None:
    pairs = _pairs()
    out = tmp_path / "heldout.jsonl"
    result = CliRunner().invoke(main, ["extract", *(str(t) for t, _ in pairs), "-o", str(out)])
    assert result.exit_code == 0, result.output
    score = _scorer()
    ents, rels = score.load_pred([str(out)])
    assert set(ents) == {t.name for t, _ in pairs}
    counts, _, misses, wrong = score.score(score.load_gold([str(g) for _, g in pairs]), ents, rels)
    tp, fp, fn = (sum(c[i] for c in counts.values()) for i in range(3))
    assert tp + fn == 118  # every gold relation is counted once
    precision, _, f1 = score.prf(tp, fp, fn)
    assert precision >= PRECISION_FLOOR, wrong
    assert f1 >= F1_FLOOR, misses
