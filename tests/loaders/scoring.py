"""Shared helper for the quality tests: `ocgraph extract` on texts, scored by the shared scorer."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner

from ocgraph.cli import main

REPO = Path(__file__).resolve().parents[2]
# CI lays the shared folder beside the clone, as on the development machine
SCORER = REPO.parent / "shared" / "eval" / "score.py"


@cache
def scorer() -> ModuleType:
    """The shared scorer, with its symmetric-relation key made safe for unmatched ends."""
    if not SCORER.exists():
        pytest.fail(f"shared scorer not found at {SCORER}: extraction quality cannot be measured without it")
    spec = importlib.util.spec_from_file_location("ocgraph_shared_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    symmetric = module.SYMMETRIC

    def key(s: str | None, p: str, o: str | None) -> tuple:
        # the scorer sorts the two ends of a symmetric relation, which fails when one end matched no gold
        # entity (None); such a prediction can never be right, so any stable order counts it as wrong
        return (p, *sorted((s, o), key=lambda x: (x is None, x or ""))) if p in symmetric else (p, s, o)

    module.key = key
    return module


def extract_and_score(texts: list[Path], golds: list[Path], tmp_path: Path) -> dict[str, Any]:
    """Micro tp/fp/fn, precision, recall, F1, the misses and wrong ones, and the documents predicted."""
    out = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(main, ["extract", *map(str, texts), "-o", str(out)])
    assert result.exit_code == 0, result.output
    score = scorer()
    ents, rels = score.load_pred([str(out)])
    counts, _, misses, wrong = score.score(score.load_gold([str(g) for g in golds]), ents, rels)
    tp, fp, fn = (sum(c[i] for c in counts.values()) for i in range(3))
    p, r, f = score.prf(tp, fp, fn)
    return {
        "tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f,
        "misses": misses, "wrong": wrong, "documents": set(ents),
    }  # fmt: skip
