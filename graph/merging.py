"""Two entities of a graph made one: names, values, relations and evidence moved, with a record of each."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ocgraph.graph import records
from ocgraph.graph.ids import fold
from ocgraph.graph.model import KnowledgeGraph, Relation
from ocgraph.graph.records import REASONS, RECORDS

__all__ = ["Links", "merge"]


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


def merge(kg: KnowledgeGraph, links: Links, keep: str, drop: str, reason: str) -> None:
    """Merge entity `drop` into `keep`: names, properties, relations and evidence; `reason` is recorded.

    `keep` gets a record of what `drop` itself brought (its names, values, facts with their edge
    properties, and the key of each piece of evidence), so an analyst's split can restore it; what
    `drop` held from earlier merges keeps its own records, moved to `keep`.
    """
    k, d = kg.entities[keep], kg.entities[drop]
    held = records.read(d)
    record = _own(kg, links, drop, held)
    for rel in links.of(drop):
        del kg.relations[rel.id]
        links.remove(rel)
        s = keep if rel.subject == drop else rel.subject
        o = keep if rel.object == drop else rel.object
        links.add(kg.add_relation(s, rel.predicate, o, rel.properties, rel.evidence))
    reasons = list(d.properties.get(REASONS, ()))
    if not any(line.startswith(f"{drop}: ") for line in k.properties.get(REASONS, ())):
        reasons.append(reason)
    props = {key: v for key, v in d.properties.items() if key not in (REASONS, RECORDS)}
    del kg.entities[drop]
    kg.add_entity(k.type, k.name, d.names(), {**props, REASONS: reasons}, id=keep)
    mine = records.read(k)
    for rid, rec in [*held.items(), (drop, record)]:
        mine[rid] = records.combine(mine.get(rid), rec)
    records.write(k, mine)


def _own(kg: KnowledgeGraph, links: Links, eid: str, held: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The record of entity `eid`: what it has, less what the ids merged into it before brought."""
    e = kg.entities[eid]
    theirs = {fold(n) for r in held.values() for n in (r["name"], *r["aliases"])}
    values: dict[str, set] = defaultdict(set)
    for r in held.values():
        for key, value in r["properties"].items():
            values[key].update(value if isinstance(value, list) else [value])
    props: dict[str, Any] = {}
    for key, value in e.properties.items():
        if key in (REASONS, RECORDS):
            continue
        if isinstance(value, list):
            if mine := [v for v in value if v not in values[key]]:
                props[key] = mine
        elif value not in values[key]:
            props[key] = value
    evidence = {key for rel in links.of(eid) for key in records.keys(kg, rel, eid)}
    evidence -= {key for r in held.values() for key in r["evidence"]}
    return {
        "id": eid,
        "type": e.type,
        "name": e.name,
        "aliases": [a for a in e.aliases if fold(a) not in theirs],
        "properties": props,
        "evidence": sorted(evidence),
        "facts": {records.head(kg, rel, eid): rel.properties for rel in links.of(eid)},
    }
