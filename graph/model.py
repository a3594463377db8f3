"""The in-memory knowledge graph: typed entities, typed relations and the evidence behind each."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ocgraph import ontology
from ocgraph.graph.ids import entity_id, fold, relation_id
from ocgraph.ontology import OntologyError


@dataclass(frozen=True, order=True)
class Evidence:
    """Where a fact was read: the document, the sentence and its character offsets in the file."""

    document: str
    start: int
    end: int
    sentence: str
    extractor: str = "manual"
    confidence: float | None = None

    def __post_init__(self) -> None:
        # 1.0 and 1 are one confidence: keep one spelling, so the store, RDF and Neo4j round trips
        # give the same bytes (JSON writes 1.0 and 1 differently; xsd:decimal and Neo4j do not).
        if isinstance(self.confidence, float) and self.confidence.is_integer():
            object.__setattr__(self, "confidence", int(self.confidence))

    def sort_key(self) -> tuple:
        """The order of evidence in a relation; a missing confidence sorts before any number."""
        c = self.confidence
        return (self.document, self.start, self.end, self.sentence, self.extractor, c is not None, c or 0)

    def to_dict(self) -> dict[str, Any]:
        out = {
            "document": self.document,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "extractor": self.extractor,
        }
        if self.confidence is not None:
            out["confidence"] = self.confidence
        return out

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> Evidence:
        return cls(
            document=str(raw["document"]),
            start=int(raw["start"]),
            end=int(raw["end"]),
            sentence=str(raw["sentence"]),
            extractor=str(raw.get("extractor", "manual")),
            confidence=raw.get("confidence"),
        )


@dataclass
class Entity:
    """A node: id, type, canonical name, other names and typed properties."""

    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    properties: dict[str, Any] = field(default_factory=dict)

    def names(self) -> list[str]:
        """The canonical name followed by every alias."""
        return [self.name, *self.aliases]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "aliases": list(self.aliases),
            "properties": dict(sorted(self.properties.items())),
        }


@dataclass
class Relation:
    """An edge: subject, predicate, object, typed properties and the evidence list."""

    id: str
    subject: str
    predicate: str
    object: str
    properties: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "subject": self.subject,
            "predicate": self.predicate,
            "object": self.object,
            "properties": dict(sorted(self.properties.items())),
            "evidence": [e.to_dict() for e in self.evidence],
        }


def _merge_values(old: Any, new: Any, many: bool, latest: bool = False) -> Any:
    if many:
        return sorted({*old, *new}, key=str)
    if old is None or new is None:
        return new if old is None else old
    # Two sources disagree on a single value (two reward amounts, two dates): keep the smallest
    # (the latest for an `end`), so the result does not depend on the order documents are merged.
    pick = max if latest else min
    return pick(old, new, key=lambda v: (isinstance(v, str), v))


def merge_edge_properties(into: dict[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """Add checked edge properties `new` to `into` as one fact seen twice: lists joined, the highest
    confidence, the smallest single value (the latest `end`), whatever the order."""
    onto = ontology.load()
    for key, value in new.items():
        prop = onto.edge_properties[key]
        if key == "confidence":
            into[key] = max(into.get(key, 0), value)
        else:
            into[key] = _merge_values(
                into.get(key, [] if prop.many else None), value, prop.many, key == "end"
            )
    return into


def spelling_rank(name: str) -> tuple[int, int, str]:
    """The better of two spellings of one name sorts first: accents kept, then mixed case (OFAC writes
    "GUZMAN"), then the smaller string.

    >>> min("Ivan Guzman", "Iván Guzmán", "IVAN GUZMAN", key=spelling_rank)
    'Iván Guzmán'
    """
    return (-sum(not c.isascii() for c in name), -sum(c.islower() for c in name), name)


class KnowledgeGraph:
    """Entities and relations, merged by id, checked against the ontology.

    Adding an entity that already exists merges its aliases and properties; adding a relation
    that already exists (same subject, predicate and object) adds its evidence instead of a
    second edge. Symmetric predicates are stored once, with the smaller id as subject.

    Examples
    --------
    >>> kg = KnowledgeGraph()
    >>> chapo = kg.add_entity("Person", "Joaquín Guzmán Loera", aliases=["El Chapo"])
    >>> sinaloa = kg.add_entity("CriminalOrganization", "Sinaloa Cartel")
    >>> rel = kg.add_relation(chapo.id, "leader_of", sinaloa.id, {"status": "former"})
    >>> rel.subject, rel.predicate, rel.object
    ('person/joaquin-guzman-loera', 'leader_of', 'crimorg/sinaloa-cartel')
    >>> kg.add_relation(sinaloa.id, "member_of", chapo.id)
    Traceback (most recent call last):
    ...
    ocgraph.ontology.OntologyError: member_of cannot link CriminalOrganization to Person (domain: ...)
    """

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.relations: dict[str, Relation] = {}
        self._onto = ontology.load()

    # -- entities -------------------------------------------------------------------------
    def add_entity(
        self,
        type: str,
        name: str,
        aliases: Iterable[str] = (),
        properties: Mapping[str, Any] | None = None,
        id: str | None = None,
    ) -> Entity:
        """Add an entity, or merge names and properties into the one with the same id."""
        self._onto.node_type(type)
        name = " ".join(name.split())
        if not name:
            raise OntologyError(f"a {type} needs a non-empty name")
        eid = id or entity_id(type, name)
        props = self._check_node_properties(eid, properties or {})
        existing = self.entities.get(eid)
        if existing is None:
            entity = Entity(eid, type, name, [], {})
            self.entities[eid] = entity
        else:
            entity = existing
            if existing.type != type:
                raise OntologyError(f"{eid} is a {existing.type}, cannot be added again as a {type}")
            if fold(name) == fold(existing.name):
                # one name spelt two ways: keep the same spelling whichever source came first
                entity.name = min(name, existing.name, key=spelling_rank)
            else:
                aliases = [name, *aliases]
        self._add_aliases(entity, aliases)
        for key, value in props.items():
            many = self._onto.node_properties[key].many
            entity.properties[key] = _merge_values(
                entity.properties.get(key, [] if many else None), value, many, latest=key == "end"
            )
        return entity

    def _add_aliases(self, entity: Entity, aliases: Iterable[str]) -> None:
        """One alias per folded spelling, the better spelling whichever came first; an alias that folds
        to nothing (only marks or symbols) names nothing a search could find, and is left out."""
        by_fold = {fold(a): a for a in entity.aliases}
        name = fold(entity.name)
        for alias in aliases:
            alias = " ".join(alias.split())
            key = fold(alias)
            if key and key != name:
                by_fold[key] = min(alias, by_fold.get(key, alias), key=spelling_rank)
        by_fold.pop(name, None)
        entity.aliases[:] = sorted(by_fold.values(), key=lambda a: (fold(a), a))

    def _check_node_properties(self, where: str, properties: Mapping[str, Any]) -> dict[str, Any]:
        out = {}
        for key, value in properties.items():
            if key in ("name", "aliases"):
                raise OntologyError(f"{where}: pass {key} as an argument, not as a property")
            if value is None or value == [] or value == "":
                continue
            out[key] = self._onto.node_property(key).check(value, where)
        return out

    def entity(self, eid: str) -> Entity:
        try:
            return self.entities[eid]
        except KeyError:
            raise OntologyError(f"no entity with id {eid!r}") from None

    def find(self, name: str, type: str | None = None) -> list[Entity]:
        """Entities whose name or an alias equals `name` after folding case, accents and quotes."""
        key = fold(name)
        return sorted(
            (
                e
                for e in self.entities.values()
                if (type is None or e.type == type) and any(fold(n) == key for n in e.names())
            ),
            key=lambda e: e.id,
        )

    # -- relations ------------------------------------------------------------------------
    def add_relation(
        self,
        subject: str,
        predicate: str,
        object: str,
        properties: Mapping[str, Any] | None = None,
        evidence: Iterable[Evidence] = (),
    ) -> Relation:
        """Add a relation, or add evidence and properties to the same one already present."""
        subj, obj = self.entity(subject), self.entity(object)
        pred = self._onto.check_edge(predicate, subj.type, obj.type)
        if subject == object:
            raise OntologyError(f"{predicate}: {subject} cannot be linked to itself")
        if pred.symmetric and object < subject:
            subject, object = object, subject
        rid = relation_id(subject, predicate, object)
        props = {}
        for key, value in (properties or {}).items():
            if value is None or value == [] or value == "":
                continue
            prop = self._onto.edge_property(pred, key)
            props[key] = prop.check(value, f"{subject} {predicate} {object}")
        rel = self.relations.get(rid)
        if rel is None:
            rel = self.relations[rid] = Relation(rid, subject, predicate, object, {}, [])
        merge_edge_properties(rel.properties, props)
        # rel.evidence stays sorted, so a binary search finds duplicates: a fact reported in
        # thousands of articles must not cost a scan and a sort of its whole evidence per article.
        for ev in evidence:
            at = bisect.bisect_left(rel.evidence, ev.sort_key(), key=Evidence.sort_key)
            if at == len(rel.evidence) or rel.evidence[at] != ev:
                rel.evidence.insert(at, ev)
        return rel

    def relations_of(self, eid: str) -> Iterator[Relation]:
        """Every relation with `eid` at either end, in id order."""
        for rid in sorted(self.relations):
            rel = self.relations[rid]
            if eid in (rel.subject, rel.object):
                yield rel

    # -- whole graph ----------------------------------------------------------------------
    def merge(self, other: KnowledgeGraph) -> None:
        """Add every entity and relation of `other` (entities first)."""
        for e in other.entities.values():
            self.add_entity(e.type, e.name, e.aliases, e.properties, id=e.id)
        for r in other.relations.values():
            self.add_relation(r.subject, r.predicate, r.object, r.properties, r.evidence)

    def remove_entity(self, eid: str) -> None:
        """Remove an entity and every relation that touches it."""
        self.entity(eid)
        for rel in list(self.relations_of(eid)):
            del self.relations[rel.id]
        del self.entities[eid]

    def counts(self) -> dict[str, dict[str, int]]:
        """Entities per type and relations per predicate, each sorted by name."""
        types: dict[str, int] = {}
        preds: dict[str, int] = {}
        for e in self.entities.values():
            types[e.type] = types.get(e.type, 0) + 1
        for r in self.relations.values():
            preds[r.predicate] = preds.get(r.predicate, 0) + 1
        return {"entities": dict(sorted(types.items())), "relations": dict(sorted(preds.items()))}

    def __len__(self) -> int:
        return len(self.entities)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, KnowledgeGraph):
            return NotImplemented
        return self.to_records() == other.to_records()

    def to_records(self) -> list[dict[str, Any]]:
        """Every entity then every relation as plain dicts, in id order (the store's line order)."""
        ents = [{"kind": "entity", **self.entities[k].to_dict()} for k in sorted(self.entities)]
        rels = [{"kind": "relation", **self.relations[k].to_dict()} for k in sorted(self.relations)]
        return ents + rels

    def add_record(self, record: Mapping[str, Any]) -> None:
        """Add one dict made by `to_records` (entities must come before their relations)."""
        kind = record.get("kind")
        if kind == "entity":
            self.add_entity(
                record["type"],
                record["name"],
                record.get("aliases", ()),
                record.get("properties"),
                id=record["id"],
            )
        elif kind == "relation":
            self.add_relation(
                record["subject"],
                record["predicate"],
                record["object"],
                record.get("properties"),
                [Evidence.from_dict(e) for e in record.get("evidence", ())],
            )
        else:
            raise OntologyError(f"unknown record kind {kind!r}")
