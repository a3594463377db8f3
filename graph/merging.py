"""Two entities of a graph made one (relations, evidence, names moved, with a record), and split again."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from ocgraph.graph.ids import fold
from ocgraph.graph.model import KnowledgeGraph, Relation

__all__ = ["REASONS", "RECORDS", "Links", "merge", "records", "redirects", "split"]

REASONS = "merged_from"
RECORDS = "merge_record"


class Links:
    """The relations at each entity, kept current while merges move them (one scan of the graph)."""

    def __init__(self, kg: KnowledgeGraph) -> None:
        self.kg = kg
        self.at: dict[str, set[str]] = defaultdict(set)
        for rel in kg.relations.values():
            self.add(rel)

    def add(self, rel: Relation) -> None:
        self.at[rel.subject].add(rel.id)
        self.at[rel.object].add(rel.id)

    def remove(self, rel: Relation) -> None:
        self.at[rel.subject].discard(rel.id)
        self.at[rel.object].discard(rel.id)

    def of(self, eid: str) -> list[Relation]:
        return [self.kg.relations[rid] for rid in sorted(self.at.get(eid, ()))]

    def related(self, a: str, b: str) -> bool:
        return any(b in (r.subject, r.object) for r in self.of(a))

    def parents(self, eid: str) -> set[str]:
        return {r.object for r in self.of(eid) if r.predicate == "child_of" and r.subject == eid}


def redirects(kg: KnowledgeGraph) -> dict[str, str]:
    """Every id merged into another entity -> the id of the entity that holds it now."""
    return {
        line.split(": ", 1)[0]: e.id for e in kg.entities.values() for line in e.properties.get(REASONS, ())
    }


def records(holder: Any) -> dict[str, dict[str, Any]]:
    """The merge records kept on an entity, by the id each one restores."""
    return {r["id"]: r for r in map(json.loads, holder.properties.get(RECORDS, ()))}


def _head(kg: KnowledgeGraph, rel: Relation, eid: str) -> str:
    """`rel` as seen from `eid`: predicate, which end `eid` is (> subject, < object, = either), other end."""
    other = rel.object if rel.subject == eid else rel.subject
    end = "=" if kg._onto.predicates[rel.predicate].symmetric else (">" if rel.subject == eid else "<")
    return f"{rel.predicate}{end}{other}|"


def _keys(kg: KnowledgeGraph, rel: Relation, eid: str) -> list[str]:
    """One key per piece of evidence of `rel` as seen from `eid`: its head and the evidence's span."""
    head = _head(kg, rel, eid)
    return [f"{head}{ev.document}@{ev.start}-{ev.end}" for ev in rel.evidence] or [head]


def merge(kg: KnowledgeGraph, links: Links, keep: str, drop: str, reason: str) -> None:
    """Merge entity `drop` into `keep`: names, properties, relations and evidence; `reason` is recorded.

    The record (merge_record) keeps what `drop` was and what it brought, so `split` can undo it.
    """
    k, d = kg.entities[keep], kg.entities[drop]
    ours = {key for rel in links.of(keep) for key in _keys(kg, rel, keep)}
    theirs = {key for rel in links.of(drop) for key in _keys(kg, rel, drop)}
    known = {fold(n) for n in k.names()}
    props = {key: v for key, v in d.properties.items() if key not in (REASONS, RECORDS)}
    brought: dict[str, Any] = {"names": sorted({n for n in d.names() if fold(n) not in known})}
    for key, value in props.items():
        old = k.properties.get(key)
        if isinstance(value, list):
            if extra := sorted(set(value) - set(old or ()), key=str):
                brought[key] = extra
        elif old is None:
            brought[key] = value
    # the edge properties of each fact on both sides, as they were: a split gives each its own back
    facts = {_head(kg, rel, drop): rel.properties for rel in links.of(drop)}
    record = {
        "id": drop,
        "into": keep,
        "type": d.type,
        "name": d.name,
        "aliases": list(d.aliases),
        "properties": props,
        "brought": brought,
        "evidence": sorted(theirs),
        "shared": sorted(theirs & ours),
        "facts": dict(facts),
        # (only where the two differ: the same values need no restoring)
        "kept": {
            h: rel.properties
            for rel in links.of(keep)
            if (h := _head(kg, rel, keep)) in facts and rel.properties != facts[h]
        },
    }
    for rel in links.of(drop):
        del kg.relations[rel.id]
        links.remove(rel)
        s = keep if rel.subject == drop else rel.subject
        o = keep if rel.object == drop else rel.object
        links.add(kg.add_relation(s, rel.predicate, o, rel.properties, rel.evidence))
    old_records = records(k)
    if drop in old_records:  # merged before and back again (a document ingested twice): one record
        record = _combine(old_records[drop], record)
    reasons = [line for line in d.properties.get(REASONS, ())]
    if not any(line.startswith(f"{drop}: ") for line in k.properties.get(REASONS, ())):
        reasons.append(reason)
    del kg.entities[drop]
    kg.add_entity(k.type, k.name, d.names(), {**props, REASONS: reasons}, id=keep)
    old_records.update(records(d))
    old_records[drop] = record
    k.properties[RECORDS] = sorted(
        json.dumps(r, ensure_ascii=False, sort_keys=True) for r in old_records.values()
    )


def _combine(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """One record of an entity merged again: what it brought then, and what it brings now.

    What the holder has because of the first merge (its evidence, its facts) is not the holder's own.
    """
    out = dict(old)
    for field in ("evidence", "aliases"):
        out[field] = sorted({*old.get(field, ()), *new.get(field, ())})
    out["shared"] = sorted(
        {*old.get("shared", ()), *(set(new.get("shared", ())) - set(old.get("evidence", ())))}
    )
    out["facts"] = {**new.get("facts", {}), **old.get("facts", {})}
    fresh = {h: p for h, p in new.get("kept", {}).items() if h not in old.get("facts", {})}
    out["kept"] = {**fresh, **old.get("kept", {})}
    brought = dict(old.get("brought", {}))
    for key, value in new.get("brought", {}).items():
        if isinstance(value, list):
            brought[key] = sorted({*brought.get(key, ()), *value}, key=str)
        else:
            brought.setdefault(key, value)
    out["brought"] = brought
    return out


def split(kg: KnowledgeGraph, links: Links, holder: str, drop: str) -> None:
    """Restore `drop` out of `holder` as its own entity, with its names and the evidence it brought."""
    h = kg.entities[holder]
    held = records(h)
    rec = held[drop]
    # entities merged into `drop` before `drop` was merged into `holder` leave with it
    group = {drop}
    while more := {i for i, r in held.items() if r["into"] in group} - group:
        group |= more
    lines = h.properties.get(REASONS, ())
    restored = {**rec["properties"], REASONS: [x for x in lines if x.split(": ", 1)[0] in group - {drop}]}
    kg.add_entity(rec["type"], rec["name"], rec["aliases"], restored, id=drop)
    mine = [json.dumps(held[i], ensure_ascii=False, sort_keys=True) for i in sorted(group - {drop})]
    if mine:
        kg.entities[drop].properties[RECORDS] = mine
    _take_back(h, rec, group)
    moved = redirects(kg)
    wanted = {_current(key, moved) for key in rec["evidence"]}
    shared = {_current(key, moved) for key in rec["shared"]}
    facts = {_current(h, moved): p for h, p in rec.get("facts", {}).items()}
    kept = {_current(h, moved): p for h, p in rec.get("kept", {}).items()}
    for rel in links.of(holder):
        keys = _keys(kg, rel, holder)
        head = _head(kg, rel, holder)
        if rel.evidence:
            ours = [ev for key, ev in zip(keys, rel.evidence, strict=True) if key in wanted]
            stays = [
                ev for key, ev in zip(keys, rel.evidence, strict=True) if key not in wanted or key in shared
            ]
            if not ours:
                continue
        elif keys[0] in wanted:  # a fact without evidence: it leaves, or both keep it when both had it
            ours, stays = [], ([] if keys[0] not in shared else None)
        else:
            continue
        s = drop if rel.subject == holder else rel.subject
        o = drop if rel.object == holder else rel.object
        links.add(kg.add_relation(s, rel.predicate, o, facts.get(head, rel.properties), ours))
        if head in kept:
            rel.properties = dict(kept[head])
        if stays is None:
            continue
        if stays:
            rel.evidence = stays
        else:
            del kg.relations[rel.id]
            links.remove(rel)


def _current(key: str, moved: dict[str, str]) -> str:
    """A recorded key with its other end renamed to the entity that holds it now."""
    head, _, span = key.partition("|")
    at = next(i for i, c in enumerate(head) if c in "<>=")
    other = head[at + 1 :]
    return f"{head[: at + 1]}{moved.get(other, other)}|{span}"


def _take_back(h: Any, rec: dict[str, Any], group: set[str]) -> None:
    """Remove from the holder the names, values and records that `rec`'s entity brought."""
    brought = dict(rec.get("brought", {}))
    names = {fold(n) for n in brought.pop("names", ())}
    h.aliases = [a for a in h.aliases if fold(a) not in names]
    for key, value in brought.items():
        current = h.properties.get(key)
        if isinstance(value, list) and isinstance(current, list):
            left = [v for v in current if v not in value]
            if left:
                h.properties[key] = left
            else:
                h.properties.pop(key, None)
        elif current == value:
            h.properties.pop(key, None)
    reasons = [x for x in h.properties.get(REASONS, ()) if x.split(": ", 1)[0] not in group]
    kept = [r for r in h.properties.get(RECORDS, ()) if json.loads(r)["id"] not in group]
    for key, value in ((REASONS, reasons), (RECORDS, kept)):
        if value:
            h.properties[key] = value
        else:
            h.properties.pop(key, None)
