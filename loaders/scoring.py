"""Scoring predicted facts against gold annotations: the matching rules of `ocgraph evaluate`.

A predicted entity stands for the gold entity whose folded names contain its name, or, failing
that, one of its aliases; a name that fits two gold entities stands for neither. A predicted fact is
right when its predicate and the gold entities of its ends form a gold fact (either way round for a
symmetric predicate); facts equal to an `uncertain` gold fact are neither right nor wrong. Facts whose
ends stand for no gold entity are counted once per predicate and matched end, as the reference
scorer of the annotation guide counts them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ocgraph import ontology
from ocgraph.loaders.gold import GoldDocument, fold

Key = tuple[str | None, ...]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(frozen=True)
class Finding:
    """A missed or wrong fact, for `--show`: names as the text gives them, the sentence, the rule."""

    document: str
    subject: str
    predicate: str
    object: str
    sentence: str = ""
    rule: str = ""


@dataclass
class Score:
    by_predicate: dict[str, Counts] = field(default_factory=dict)
    by_document: dict[str, Counts] = field(default_factory=dict)
    entities_in_gold: int = 0
    entities_found: int = 0
    entities_typed: int = 0
    missed: list[Finding] = field(default_factory=list)
    wrong: list[Finding] = field(default_factory=list)
    # predicted id -> the gold ids it stood for, and gold id -> the predicted ids that stood for it,
    # over every document: the raw material of the cross-document figures
    gold_of: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    predicted_of: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    documents_of: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def total(self) -> Counts:
        out = Counts()
        for c in self.by_predicate.values():
            out.add(c)
        return out

    def splits(self) -> tuple[int, int, list[str]]:
        """Gold entities found in two or more documents; how many of them, and which, got several ids."""
        multi = sorted(g for g, docs in self.documents_of.items() if len(docs) > 1)
        split = [g for g in multi if len(self.predicted_of[g]) > 1]
        return len(multi), len(split), split

    def merges(self) -> list[str]:
        """Predicted ids that stood for two or more different gold entities."""
        return sorted(p for p, golds in self.gold_of.items() if len(golds) > 1)


def symmetric_predicates() -> frozenset[str]:
    return frozenset(p.name for p in ontology.load().predicates.values() if p.symmetric)


def key(s: str | None, p: str, o: str | None, symmetric: frozenset[str]) -> Key:
    """A fact's identity; a symmetric fact's ends in a fixed order (an unmatched end, None, last)."""
    if p in symmetric:
        a, b = sorted((s, o), key=lambda x: (x is None, x or ""))
        return (p, a, b)
    return (p, s, o)


def score(
    gold: dict[str, GoldDocument],
    entities: dict[str, dict[str, dict[str, Any]]],
    relations: dict[str, list[dict[str, Any]]],
    predicates: Iterable[str] | None = None,
) -> Score:
    """Score predictions (per document: entity records by id, relation records) against gold."""
    sym = symmetric_predicates()
    scored = set(predicates or {r.predicate for g in gold.values() for r in g.relations})
    result = Score()
    for doc, g in sorted(gold.items()):
        index = g.name_index()
        preds = entities.get(doc, {})
        mapping = {pid: _gold_id(pe, index) for pid, pe in preds.items()}
        for pid, gid in mapping.items():
            if gid:
                result.gold_of[pid].add(gid)
                result.predicted_of[gid].add(pid)
                result.documents_of[gid].add(doc)
        golds = {key(r.subject, r.predicate, r.object, sym): r for r in g.relations if r.predicate in scored}
        unsure = {key(r.subject, r.predicate, r.object, sym) for r in g.uncertain}
        counts = result.by_document.setdefault(doc, Counts())
        found: set[Key] = set()
        for r in relations.get(doc, []):
            p = r.get("predicate")
            if p not in scored:
                continue
            k = key(mapping.get(r.get("subject", "")), p, mapping.get(r.get("object", "")), sym)
            if k in found:
                continue
            found.add(k)
            if k in golds:
                result.by_predicate.setdefault(p, Counts()).tp += 1
                counts.tp += 1
            elif k not in unsure:
                result.by_predicate.setdefault(p, Counts()).fp += 1
                counts.fp += 1
                s, o = (preds.get(r.get(end), {}).get("name", r.get(end)) for end in ("subject", "object"))
                result.wrong.append(Finding(doc, s, p, o, r.get("evidence", ""), r.get("extractor", "")))
        for k in sorted(set(golds) - found, key=lambda k: tuple(x or "" for x in k)):
            rel = golds[k]
            result.by_predicate.setdefault(rel.predicate, Counts()).fn += 1
            counts.fn += 1
            result.missed.append(Finding(doc, rel.subject, rel.predicate, rel.object, rel.evidence))
        involved = {x for k in golds for x in k[1:] if x}
        hit = {gid for gid in mapping.values() if gid}
        result.entities_in_gold += len(involved)
        result.entities_found += len(involved & hit)
        result.entities_typed += len(
            {
                gid
                for pid, gid in mapping.items()
                if gid in involved and preds[pid].get("type") == g.types[gid]
            }
        )
    return result


def _gold_id(entity: dict[str, Any], index: dict[str, set[str]]) -> str | None:
    """The gold id a predicted entity stands for: its name decides; aliases only when the name fits none."""
    ids = set(index.get(fold(entity.get("name", "")), ()))
    if not ids:
        for alias in entity.get("aliases") or ():
            ids |= index.get(fold(alias), set())
    return next(iter(ids)) if len(ids) == 1 else None


def summary(result: Score) -> dict[str, Any]:
    """The figures as one JSON-ready object (the reference scorer's fields, then the project's own)."""
    total = result.total()
    p, r, f = total.prf()

    def row(c: Counts) -> dict[str, Any]:
        cp, cr, cf = c.prf()
        return {"precision": round(cp, 4), "recall": round(cr, 4), "f1": round(cf, 4),
                "tp": c.tp, "fp": c.fp, "fn": c.fn}  # fmt: skip

    multi, split, which = result.splits()
    found = result.entities_found
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "tp": total.tp,
        "fp": total.fp,
        "fn": total.fn,
        "documents": len(result.by_document),
        "entity_recall": round(found / result.entities_in_gold, 4) if result.entities_in_gold else 0.0,
        "entity_type_accuracy": round(result.entities_typed / found, 4) if found else 0.0,
        "by_predicate": {k: row(v) for k, v in sorted(result.by_predicate.items())},
        "by_document": {k: row(v) for k, v in sorted(result.by_document.items())},
        "cross_document": {
            "entities_in_several_documents": multi,
            "split": split,
            "split_entities": {g: sorted(result.predicted_of[g]) for g in which},
            "merged_ids": {pid: sorted(result.gold_of[pid]) for pid in result.merges()},
        },
    }
