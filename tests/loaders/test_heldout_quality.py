"""Regression guard: `ocgraph extract` on the held-out articles, scored by the shared scorer."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from scoring import extract_and_score

REPO = Path(__file__).resolve().parents[2]
HELDOUT = REPO / "tests" / "fixtures" / "heldout"
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
# 2026-12-06: the regex rules that added nothing on real dev text were removed; these articles were
# written after them and lost what only they found: P 1.00, R 0.52, F1 0.68 (61/0/57).
F1_FLOOR = 0.66


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
    result = extract_and_score([t for t, _ in pairs], [g for _, g in pairs], tmp_path)
    assert result["documents"] == {t.name for t, _ in pairs}
    assert result["tp"] + result["fn"] == 118  # every gold relation is counted once
    assert result["precision"] >= PRECISION_FLOOR, result["wrong"]
    assert result["f1"] >= F1_FLOOR, result["misses"]
