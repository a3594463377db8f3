"""One read of the graph, indexed for the pages: relations per entity, evidence per document, names."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ocgraph.graph import review
from ocgraph.graph.model import Entity, KnowledgeGraph, Relation
from ocgraph.web.search import NameIndex


@dataclass
class Snapshot:
    """The graph as read at one moment (`version` changes when the source does), and its indexes."""

    kg: KnowledgeGraph
    version: str
    by_entity: dict[str, list[str]]
    by_document: dict[str, list[tuple[int, int, str]]]
    names: NameIndex
    decisions: dict[tuple[str, str, str], review.Decision] = field(default_factory=dict)
    cache: dict[Any, Any] = field(default_factory=dict)  # derived pages (report, queue) of this version

    @classmethod
    def of(cls, kg: KnowledgeGraph, version: str) -> Snapshot:
        by_entity: dict[str, list[str]] = defaultdict(list)
        by_document: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for rid in sorted(kg.relations):
            rel = kg.relations[rid]
            by_entity[rel.subject].append(rid)
            by_entity[rel.object].append(rid)
            for ev in rel.evidence:
                by_document[ev.document].append((ev.start, ev.end, rid))
        for spans in by_document.values():
            spans.sort()
        return cls(kg, version, dict(by_entity), dict(by_document), NameIndex(kg.entities.values()))

    def entity(self, eid: str) -> Entity | None:
        return self.kg.entities.get(eid)

    def relations_of(self, eid: str) -> list[Relation]:
        return [self.kg.relations[r] for r in self.by_entity.get(eid, ())]

    def review_state(self, rel: Relation) -> dict[str, str]:
        """'confirmed', 'rejected' (decided, still in the source) or 'unreviewed'; with who and why."""
        decision = self.decisions.get((rel.subject, rel.predicate, rel.object))
        if decision is not None:
            state = "confirmed" if decision.action in ("confirm", "add") else "rejected"
            return {
                "state": state,
                "author": decision.author,
                "reason": decision.reason,
                "date": decision.date,
            }
        if rel.properties.get("review") == "confirmed":
            return {"state": "confirmed", "author": "", "reason": "", "date": ""}
        return {"state": "unreviewed", "author": "", "reason": "", "date": ""}
