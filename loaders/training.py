"""Training the fact scorer: candidates of annotated articles labelled by their gold, a logistic model
fitted with cross-validation by document, its cut-off and reliability measured out of fold."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ocgraph.loaders import scoring
from ocgraph.loaders.fact_model import FactModel
from ocgraph.loaders.gold import GoldDocument, fold

FOLDS = 5
STRENGTHS = (0.1, 0.3, 1.0, 3.0)  # inverse regularisation strengths tried
MIN_PRECISION = 0.85  # the cut-off keeps out-of-fold precision at or above this where it can
PRUNE = 1e-3  # weights smaller than this are dropped from the model file


@dataclass
class Example:
    document: str
    key: tuple[str | None, str, str | None]  # in gold ids (None: an end that is no gold entity)
    features: list[str]
    label: int


def label_document(gold: GoldDocument, kg: Any, items: Iterable[Any]) -> list[Example]:
    """The candidates of one article as examples: positive where the gold holds the fact and its evidence
    is in that sentence; negative where the gold does not hold it; left out where it is uncertain, or
    gold but stated in another sentence (the sentence at hand may not say it)."""
    sym = scoring.symmetric_predicates()
    index = gold.name_index()
    to_gold = {
        eid: scoring._gold_id({"name": e.name, "aliases": e.aliases}, index) for eid, e in kg.entities.items()
    }
    golds: dict[tuple, list[str]] = defaultdict(list)
    for r in gold.relations:
        golds[scoring.key(r.subject, r.predicate, r.object, sym)].append(fold(r.evidence))
    unsure = {scoring.key(r.subject, r.predicate, r.object, sym) for r in gold.uncertain}
    out = []
    for item in items:
        c = item.candidate
        key = scoring.key(to_gold.get(c.subject), c.predicate, to_gold.get(c.object), sym)
        if key in unsure:
            continue
        if key in golds:
            sentence = fold(item.para.text[item.start : item.end])
            if not any(_overlaps(ev, sentence) for ev in golds[key]):
                continue
            out.append(Example(gold.document, key, item.features, 1))
        else:
            out.append(Example(gold.document, key, item.features, 0))
    return out


def _overlaps(evidence: str, sentence: str) -> bool:
    """Whether a gold evidence clause and a sentence share a run of text (either may hold the other)."""
    if not evidence or evidence in sentence or sentence in evidence:
        return True
    m = difflib.SequenceMatcher(None, evidence, sentence, autojunk=False)
    match = m.find_longest_match(0, len(evidence), 0, len(sentence))
    return match.size >= min(30, len(evidence) // 2)


def fit(examples: list[Example], gold_total: int) -> tuple[FactModel, dict[str, Any]]:
    """The model fitted on every example, with the strength and cut-off chosen out of fold.

    `gold_total` counts every gold fact of the corpus (found or not), the denominator of recall.
    """
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    examples = sorted(examples, key=lambda e: (e.document, tuple(x or "" for x in e.key), e.features))
    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([dict.fromkeys(e.features, 1) for e in examples]).tocsr()
    x.indices, x.indptr = x.indices.astype(np.int32), x.indptr.astype(np.int32)  # liblinear wants int32
    y = np.array([e.label for e in examples])
    groups = [e.document for e in examples]
    folds = list(GroupKFold(n_splits=min(FOLDS, len(set(groups)))).split(x, y, groups))

    def model(c: float) -> Any:
        return LogisticRegression(C=c, solver="liblinear", random_state=0, max_iter=1000)

    best = None
    for c in STRENGTHS:
        oof = np.zeros(len(examples))
        for train, test in folds:
            oof[test] = model(c).fit(x[train], y[train]).predict_proba(x[test])[:, 1]
        curve = _curve(examples, oof, gold_total)
        top = max(curve, key=lambda row: (row["precision"] >= MIN_PRECISION, row["f1"]))
        if best is None or (top["precision"] >= MIN_PRECISION, top["f1"]) > (
            best[1]["precision"] >= MIN_PRECISION,
            best[1]["f1"],
        ):
            best = (c, top, oof)
    c, chosen, oof = best
    final = model(c).fit(x, y)
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vec.get_feature_names_out(), final.coef_[0], strict=True)
        if abs(w) >= PRUNE
    }
    report = {
        "examples": len(examples),
        "positives": int(y.sum()),
        "strength": c,
        "out_of_fold": {k: round(v, 4) if isinstance(v, float) else v for k, v in chosen.items()},
        "reliability": _reliability(oof, y),
    }
    fm = FactModel(weights, round(float(final.intercept_[0]), 4), chosen["threshold"], {"training": report})
    return fm, report


def _curve(examples: list[Example], prob: Any, gold_total: int) -> list[dict[str, Any]]:
    """Fact-level precision, recall and F1 (distinct facts per document) at each cut-off."""
    best: dict[tuple, tuple[float, int]] = {}
    for e, p in zip(examples, prob, strict=True):
        k = (e.document, e.key)
        if k not in best or p > best[k][0]:
            best[k] = (float(p), max(e.label, best.get(k, (0, 0))[1]))
    rows = []
    for t in [x / 100 for x in range(20, 96, 2)]:
        tp = sum(1 for p, lab in best.values() if p >= t and lab)
        fp = sum(1 for p, lab in best.values() if p >= t and not lab)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / gold_total if gold_total else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append({"threshold": t, "precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp})
    return rows


def _reliability(prob: Any, y: Any) -> list[dict[str, Any]]:
    """Out-of-fold calibration: for each band of predicted probability, how many were right."""
    rows = []
    for lo in [x / 10 for x in range(0, 10)]:
        hi = lo + 0.1
        inside = [(p, t) for p, t in zip(prob, y, strict=True) if lo <= p < hi or (hi >= 1.0 and p == 1.0)]
        if inside:
            rows.append(
                {"band": f"{lo:.1f}-{hi:.1f}", "candidates": len(inside),
                 "mean_probability": round(sum(p for p, _ in inside) / len(inside), 3),
                 "observed": round(sum(int(t) for _, t in inside) / len(inside), 3)}
            )  # fmt: skip
    return rows


def train(
    paths: list[str | Path], gold: dict[str, GoldDocument], extractor: Any
) -> tuple[FactModel, dict[str, Any], list[str]]:
    """Read the articles under `paths`, label their candidates with `gold` and fit the model."""
    from ocgraph.loaders.text import read_all

    errors: list[str] = []
    examples: list[Example] = []
    for doc in read_all(paths, errors):
        if doc.name not in gold:
            continue
        kg, items = extractor.read(doc)
        examples += label_document(gold[doc.name], kg, items)
    total = sum(len(g.relations) for g in gold.values())
    model, report = fit(examples, total)
    return model, report, errors
