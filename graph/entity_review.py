"""Analyst decisions on entities: `merge A B` and `split ID` checked against the store, and how they read."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ocgraph import ontology
from ocgraph.errors import InputError
from ocgraph.graph import records
from ocgraph.graph.clustering import fits
from ocgraph.graph.ids import entity_id
from ocgraph.graph.matching import types_clash
from ocgraph.graph.merging import Links
from ocgraph.graph.model import Entity, KnowledgeGraph
from ocgraph.graph.names import FAMILY
from ocgraph.graph.records import REASONS, redirects
from ocgraph.graph.review import Decision

__all__ = [
    "commit_merge",
    "commit_split",
    "history",
    "locate",
    "merge_decision",
    "parse_entity",
    "split_decisions",
]


def locate(kg: KnowledgeGraph, text: str) -> tuple[str, str]:
    """(the id given, the id of the node that holds it now) for an id, a merged-away id or a known name."""
    held = redirects(kg)
    if text in kg.entities:
        return text, text
    if text in held:
        return text, held[text]
    if "/" in text and ":" not in text:
        raise InputError(f"no entity {text!r} in the store (nor merged into one)")
    eid, _ = parse_entity(text, kg)
    if eid not in kg.entities:
        raise InputError(f"no entity {text!r} in the store (nor merged into one)")
    return eid, eid


def merge_decision(
    kg: KnowledgeGraph, a: str, b: str, reason: str, author: str, date: str
) -> Decision | None:
    """The decision to make `a` and `b` one node; None when they already are one. Bad pairs raise."""
    (x, hx), (y, hy) = locate(kg, a), locate(kg, b)
    if hx == hy:
        return None
    ex, ey = kg.entities[hx], kg.entities[hy]
    if ex.type == "Document" or ey.type == "Document":
        raise InputError("documents are never merged")
    if types_clash(ex.type, ey.type, FAMILY[ex.type], FAMILY[ey.type]):
        raise InputError(f"cannot merge a {ex.type} ({hx}) with a {ey.type} ({hy})")
    links = Links(kg)
    linked = [r.predicate for r in links.of(hx) if hy in (r.subject, r.object)]
    if linked:
        raise InputError(f"{hx} and {hy} are linked ({', '.join(linked)}): reject that fact first")
    if not fits(kg, links, hx, hy):
        raise InputError(f"{hx} and {hy}: a relation of one cannot be held by a node of the other's type")
    return Decision("merge", x, "", y, reason, author, date, subject_name=ex.name, object_name=ey.name)


def split_decisions(kg: KnowledgeGraph, text: str, reason: str, author: str, date: str) -> list[Decision]:
    """The decisions that take `text` out of the node it was merged into (or, for a node, all it absorbed)."""
    eid, holder = locate(kg, text)
    name = kg.entities[holder].name
    merged = sorted(records.read(kg.entities[holder]))
    if eid != holder:
        if eid not in merged:  # a store rebuilt from FtM, which keeps why but not what was merged
            raise InputError(
                f"{eid} was merged into {holder}, but its merge record is missing: it cannot be split"
            )
        return [Decision("split", eid, "", holder, reason, author, date, object_name=name)]
    if not merged:
        raise InputError(f"{holder} was not merged with anything; nothing to split")
    return [Decision("split", m, "", holder, reason, author, date, object_name=name) for m in merged]


def commit_merge(
    store: Any, a: str, b: str, reason: str, author: str, date: str
) -> tuple[Decision | None, str]:
    """Merge `a` and `b` in the store and record it, as `ocgraph review merge` and the workbench do.

    Returns the decision (None when they already are one node) and the id of the node that holds
    both now.
    """
    from ocgraph.graph import review
    from ocgraph.graph.resolution import resolve_in_place

    with store.transaction() as kg:
        decision = merge_decision(kg, a, b, reason, author, date)
        if decision is None:
            return None, locate(kg, a)[1]
        decision = decision.normalised()
        mapping, _ = resolve_in_place(kg, [decision], affected=())
        review.record(review.decisions_path(store.home), decision)
    return decision, mapping.get(decision.subject, decision.subject)


def commit_split(store: Any, text: str, reason: str, author: str, date: str) -> list[Decision]:
    """Split `text` from the node it was merged into (a node: undo its merges) and record it."""
    from ocgraph.graph import review
    from ocgraph.graph.resolution import resolve_in_place

    with store.transaction() as kg:
        decisions = [d.normalised() for d in split_decisions(kg, text, reason, author, date)]
        resolve_in_place(kg, decisions, affected=())
        path = review.decisions_path(store.home)
        review.write(path, [*review.read(path), *decisions])
    return decisions


def history(entity: Entity, decisions: Iterable[Decision]) -> list[str]:
    """Lines for `explain`: why the entity has its type, what was merged into it and why, and the
    analyst's splits on it."""
    lines = [f"typed by {line}" for line in entity.properties.get("typed_by", ())]
    lines += [f"merged from {line}" for line in entity.properties.get(REASONS, ())]
    mine = {entity.id} | {line.split(": ", 1)[0] for line in entity.properties.get(REASONS, ())}
    for d in decisions:
        if d.action == "split" and (d.subject in mine or d.object in mine):
            other = d.object if d.subject in mine else d.subject
            lines.append(f"kept apart from {other} (split by {d.author} {d.date}: {d.reason})")
    return lines


def parse_entity(text: str, kg: KnowledgeGraph) -> tuple[str, str]:
    """An entity given on the command line: an id in `kg`, a `Type:Name` pair, or a unique name.

    Returns the id and the name to record (empty for an id already in the store).
    """
    if text in kg.entities:
        return text, kg.entities[text].name
    type_name, sep, name = text.partition(":")
    if sep and type_name in ontology.load().types and name.strip():
        name = " ".join(name.split())
        eid = entity_id(type_name, name)
        if eid in kg.entities:
            return eid, kg.entities[eid].name
        found = kg.find(name, type_name)
        return (found[0].id, found[0].name) if len(found) == 1 else (eid, name)
    found = kg.find(text)
    if len(found) == 1:
        return found[0].id, found[0].name
    if len(found) > 1:
        raise InputError(
            f"{text!r} names {len(found)} entities ({', '.join(e.id for e in found)}); give an id"
        )
    raise InputError(f"{text!r} is not in the store; give an id or Type:Name (e.g. Person:Juan Pérez)")
