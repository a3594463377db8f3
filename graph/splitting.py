"""An analyst's split: an entity merged into a node taken out again, with what its merge record kept."""

from __future__ import annotations

from typing import Any

from ocgraph.graph import records
from ocgraph.graph.ids import fold
from ocgraph.graph.merging import Links
from ocgraph.graph.model import Entity, KnowledgeGraph
from ocgraph.graph.records import REASONS

__all__ = ["split"]


def split(kg: KnowledgeGraph, links: Links, holder: str, drop: str) -> bool:
    """Restore `drop` out of `holder` as its own entity: its names, values, facts and evidence.

    The holder keeps its own and what the other merged ids brought: a name `drop` brought stays on
    the holder when another record has it or the holder's remaining evidence says it ("Ismael
    Zambada García, alias El Mayo" keeps "El Mayo" when a nickname-only "El Mayo" is split off); a
    value both had leaves with `drop` unless another record has it; a fact both had keeps the edge
    properties it had merged on the holder.
    """
    h = kg.entities[holder]
    held = records.read(h)
    if drop not in held:
        return False  # no record to restore it from (graph/entity_review.py says so to the analyst)
    rec = held.pop(drop)
    kg.add_entity(rec["type"], rec["name"], rec["aliases"], rec["properties"], id=drop)
    _move_facts(kg, links, holder, drop, rec)
    _take_back(h, rec, held, [ev.sentence for rel in links.of(holder) for ev in rel.evidence])
    return True


def _move_facts(kg: KnowledgeGraph, links: Links, holder: str, drop: str, rec: dict[str, Any]) -> None:
    moved = records.redirects(kg)
    wanted = {records.current(key, moved) for key in rec["evidence"]}
    facts = {records.current(h, moved): p for h, p in rec["facts"].items()}
    for rel in links.of(holder):
        keys = records.keys(kg, rel, holder)
        if rel.evidence:
            pairs = list(zip(keys, rel.evidence, strict=True))
            ours = [ev for key, ev in pairs if key in wanted]
            stays = [ev for key, ev in pairs if key not in wanted]
            if not ours:
                continue
        elif keys[0] in wanted:  # a fact without evidence leaves whole
            ours, stays = [], []
        else:
            continue
        s = drop if rel.subject == holder else rel.subject
        o = drop if rel.object == holder else rel.object
        props = facts.get(records.head(kg, rel, holder), rel.properties)
        links.add(kg.add_relation(s, rel.predicate, o, props, ours))
        if stays:
            rel.evidence = stays
        else:
            del kg.relations[rel.id]
            links.remove(rel)


def _take_back(h: Entity, rec: dict[str, Any], others: dict[str, dict[str, Any]], said: list[str]) -> None:
    """Remove from the holder the names and values that only `rec`'s entity brought, and its records."""
    keep = {fold(n) for r in others.values() for n in (r["name"], *r["aliases"])} | {fold(h.name)}
    text = " ".join(f" {fold(s)} " for s in said)
    gone = {f for n in (rec["name"], *rec["aliases"]) if (f := fold(n)) not in keep and f" {f} " not in text}
    h.aliases = [a for a in h.aliases if fold(a) not in gone]
    for key, value in rec["properties"].items():
        elsewhere = set()
        for r in others.values():
            v = r["properties"].get(key)
            elsewhere.update(v if isinstance(v, list) else [] if v is None else [v])
        current = h.properties.get(key)
        if isinstance(value, list) and isinstance(current, list):
            left = [v for v in current if v not in value or v in elsewhere]
            if left:
                h.properties[key] = left
            else:
                del h.properties[key]
        elif current == value and value not in elsewhere:
            del h.properties[key]
    reasons = [x for x in h.properties.get(REASONS, ()) if x.split(": ", 1)[0] != rec["id"]]
    if reasons:
        h.properties[REASONS] = reasons
    else:
        h.properties.pop(REASONS, None)
    records.write(h, others)
