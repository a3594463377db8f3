"""Merge records: what each entity merged into a node brought (names, values, facts, evidence), per id."""

from __future__ import annotations

import json
from typing import Any

from ocgraph.graph.ids import fold
from ocgraph.graph.model import Entity, KnowledgeGraph, Relation, merge_edge_properties, spelling_rank

__all__ = ["REASONS", "RECORDS", "combine", "head", "keys", "read", "redirects", "tidy", "write"]

REASONS = "merged_from"
RECORDS = "merge_record"


def redirects(kg: KnowledgeGraph) -> dict[str, str]:
    """Every id merged into another entity -> the id of the entity that holds it now."""
    return {
        line.split(": ", 1)[0]: e.id for e in kg.entities.values() for line in e.properties.get(REASONS, ())
    }


def read(holder: Entity) -> dict[str, dict[str, Any]]:
    """The merge records kept on an entity, by the id each one restores."""
    return {r["id"]: r for r in map(json.loads, holder.properties.get(RECORDS, ()))}


def write(holder: Entity, records: dict[str, dict[str, Any]]) -> None:
    lines = sorted(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records.values())
    if lines:
        holder.properties[RECORDS] = lines
    else:
        holder.properties.pop(RECORDS, None)


def head(kg: KnowledgeGraph, rel: Relation, eid: str) -> str:
    """`rel` as seen from `eid`: predicate, which end `eid` is (> subject, < object, = either), other end."""
    other = rel.object if rel.subject == eid else rel.subject
    end = "=" if kg._onto.predicates[rel.predicate].symmetric else (">" if rel.subject == eid else "<")
    return f"{rel.predicate}{end}{other}|"


def keys(kg: KnowledgeGraph, rel: Relation, eid: str) -> list[str]:
    """One key per piece of evidence of `rel` as seen from `eid`: its head and the evidence's span."""
    h = head(kg, rel, eid)
    return [f"{h}{ev.document}@{ev.start}-{ev.end}" for ev in rel.evidence] or [h]


def current(key: str, moved: dict[str, str]) -> str:
    """A recorded key with its other end renamed to the entity that holds it now."""
    front, _, span = key.partition("|")
    at = next(i for i, c in enumerate(front) if c in "<>=")
    other = front[at + 1 :]
    return f"{front[: at + 1]}{moved.get(other, other)}|{span}"


def combine(old: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any]:
    """One record of an id seen twice (merged again, or kept by two stores merged): the union of both,
    merged as the graph merges values, so the result does not depend on which came first."""
    if old is None:
        return new
    out = dict(old)
    out["name"] = min(old["name"], new["name"], key=spelling_rank)
    aliases: dict[str, str] = {}  # one spelling per folded name, the smallest
    for a in sorted({*old["aliases"], *new["aliases"], old["name"], new["name"]}):
        aliases.setdefault(fold(a), a)
    aliases.pop(fold(out["name"]), None)
    out["aliases"] = sorted(aliases.values(), key=lambda a: (fold(a), a))
    out["evidence"] = sorted({*old["evidence"], *new["evidence"]})
    props = dict(old["properties"])
    for key, value in new["properties"].items():
        if isinstance(value, list):
            props[key] = sorted({*props.get(key, ()), *value}, key=str)
        else:  # the smaller of two single values, as graph/model.py keeps them
            props[key] = min(props.get(key, value), value, key=lambda v: (isinstance(v, str), v))
    out["properties"] = props
    facts = {h: dict(p) for h, p in old["facts"].items()}
    for h, p in new["facts"].items():
        merge_edge_properties(facts.setdefault(h, {}), p)
    out["facts"] = facts
    return out


def tidy(kg: KnowledgeGraph) -> None:
    """Records in one canonical form: one per id (two stores merged may hold two), other ends renamed."""
    moved = redirects(kg)
    for e in kg.entities.values():
        if RECORDS not in e.properties:
            continue
        merged: dict[str, dict[str, Any]] = {}
        for line in sorted(e.properties[RECORDS]):
            r = json.loads(line)
            r["evidence"] = sorted({current(k, moved) for k in r["evidence"]})
            facts: dict[str, dict[str, Any]] = {}
            for h, p in sorted(r["facts"].items()):
                merge_edge_properties(facts.setdefault(current(h, moved), {}), p)
            r["facts"] = facts
            merged[r["id"]] = combine(merged.get(r["id"]), r)
        write(e, merged)
