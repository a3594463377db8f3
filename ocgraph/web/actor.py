"""An actor's page: facts by predicate, each with evidence, source, confidence, extractor and review."""

from __future__ import annotations

from typing import Any

from ocgraph import ontology
from ocgraph.graph.model import Entity, Relation
from ocgraph.loaders.documents import page_of
from ocgraph.web.snapshot import Snapshot

SHOWN = 50  # facts listed per predicate before "show all"


def label(predicate: str) -> str:
    return predicate.replace("_", " ")


def confidence(rel: Relation) -> float | None:
    """The fact's confidence: its own property, else the best of its evidence's."""
    value = rel.properties.get("confidence")
    if value is None:
        given = [ev.confidence for ev in rel.evidence if ev.confidence is not None]
        value = max(given) if given else None
    return value


def evidence_rows(snap: Snapshot, rel: Relation) -> list[dict[str, Any]]:
    """Each piece of evidence with its document's title and date (and page, for a PDF)."""
    rows = []
    for ev in rel.evidence:
        doc = snap.entity(ev.document)
        props = doc.properties if doc is not None else {}
        rows.append(
            {
                "sentence": ev.sentence,
                "document": ev.document,
                "title": str(props.get("title") or (doc.name if doc else ev.document)),
                "date": props.get("date") or "",
                "page": page_of(props.get("page_starts"), ev.start),
                "start": ev.start,
                "end": ev.end,
                "extractor": ev.extractor,
                "confidence": ev.confidence,
                "known": doc is not None,
            }
        )
    return rows


def fact_row(snap: Snapshot, rel: Relation, eid: str) -> dict[str, Any]:
    """A fact as seen from `eid`: the other end, the direction, properties and evidence."""
    outgoing = rel.subject == eid
    other = snap.entity(rel.object if outgoing else rel.subject)
    props = {k: v for k, v in sorted(rel.properties.items()) if k not in ("confidence", "review")}
    return {
        "id": rel.id,
        "subject": snap.entity(rel.subject),
        "object": snap.entity(rel.object),
        "other": other,
        "outgoing": outgoing,
        "predicate": rel.predicate,
        "properties": props,
        "confidence": confidence(rel),
        "review": snap.review_state(rel),
        "evidence": evidence_rows(snap, rel),
        "extractors": sorted({ev.extractor for ev in rel.evidence}),
    }


def _other_name(snap: Snapshot, rel: Relation, eid: str) -> str:
    other = snap.entity(rel.object if rel.subject == eid else rel.subject)
    return other.name.casefold() if other else ""


def actor_view(snap: Snapshot, entity: Entity, shown: int | None = SHOWN) -> dict[str, Any]:
    """The page's data: the entity, its properties and its facts grouped by predicate (ontology order).

    Each group lists its first `shown` facts (by the other end's name; None: all of them), so a
    hub's page (OFAC: hundreds of designations) stays quick to open. A fact with a rejection
    recorded but still in the source (over Neo4j, before the next load) is listed with its state.
    """
    order = {name: i for i, name in enumerate(ontology.load().predicates)}
    groups: dict[str, list[Relation]] = {}
    for rel in snap.relations_of(entity.id):
        groups.setdefault(rel.predicate, []).append(rel)
    out = []
    for p in sorted(groups, key=lambda p: (order.get(p, len(order)), p)):
        rels = sorted(groups[p], key=lambda r: (_other_name(snap, r, entity.id), r.id))
        facts = [fact_row(snap, r, entity.id) for r in rels[:shown]]
        out.append({"predicate": p, "label": label(p), "facts": facts, "total": len(rels)})
    return {
        "entity": entity,
        "properties": sorted(entity.properties.items()),
        "groups": out,
        "count": sum(g["total"] for g in out),
        "complete": all(len(g["facts"]) == g["total"] for g in out),
    }
