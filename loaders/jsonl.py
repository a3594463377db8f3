"""The extraction contract: one document's graph as JSON Lines (entity lines, then relation lines)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ocgraph.errors import InputError
from ocgraph.graph.model import KnowledgeGraph

# Edge properties copied onto a relation line when the text gave them.  The contract's `start`/`end`
# are character offsets, so the edge's time bounds go out as `start_date`/`end_date`.
OPTIONAL = {
    "amount": "amount",
    "currency": "currency",
    "amount_scope": "amount_scope",
    "role": "role",
    "date": "date",
    "start": "start_date",
    "end": "end_date",
    "status": "status",
}


def records(kg: KnowledgeGraph, doc: str) -> Iterator[dict[str, Any]]:
    """The contract's records for the graph of one document `doc` (its file name), in a stable order.

    Examples
    --------
    >>> kg = KnowledgeGraph()
    >>> a = kg.add_entity("Person", "Ana Pérez", aliases=["La Jefa"])
    >>> g = kg.add_entity("CriminalOrganization", "Cartel del Río")
    >>> _ = kg.add_relation(a.id, "leader_of", g.id, {"confidence": 0.9})
    >>> [r["kind"] for r in records(kg, "x.txt")]
    ['entity', 'entity', 'relation']
    """
    for eid in sorted(kg.entities):
        e = kg.entities[eid]
        if e.type == "Document":
            continue
        line = {
            "kind": "entity",
            "doc": doc,
            "id": e.id,
            "type": e.type,
            "name": e.name,
            "aliases": list(e.aliases),
        }
        if e.properties.get("typed_by"):
            line["typed_by"] = list(e.properties["typed_by"])  # why the entity has its type
        yield line
    for rid in sorted(
        kg.relations,
        key=lambda r: (kg.relations[r].subject, kg.relations[r].predicate, kg.relations[r].object),
    ):
        rel = kg.relations[rid]
        best = max(rel.evidence, key=lambda ev: (ev.confidence or 0, -ev.start), default=None)
        line: dict[str, Any] = {
            "kind": "relation",
            "doc": doc,
            "subject": rel.subject,
            "predicate": rel.predicate,
            "object": rel.object,
        }
        if best is not None:
            line.update(evidence=best.sentence, start=best.start, end=best.end, extractor=best.extractor)
        line["confidence"] = rel.properties.get("confidence", best.confidence if best else None)
        for key, out in OPTIONAL.items():
            if key in rel.properties:
                line[out] = rel.properties[key]
        yield line


def write(kg: KnowledgeGraph, doc: str, out: IO[str]) -> int:
    """Write one document's records to a text stream; return how many lines were written."""
    n = 0
    for record in records(kg, doc):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


Predictions = tuple[dict[str, dict[str, dict[str, Any]]], dict[str, list[dict[str, Any]]]]


def group(records_: Iterable[dict[str, Any]], where: str = "") -> Predictions:
    """Records by document (the file name of their "doc" field): entity records by id, relation records.

    >>> ents, rels = group([{"kind": "entity", "doc": "a/x.txt", "id": "e1", "name": "Ana"}])
    >>> ents["x.txt"]["e1"]["name"], dict(rels)
    ('Ana', {})
    """
    entities: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    relations: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for n, r in enumerate(records_, 1):
        doc = Path(str(r.get("doc", ""))).name
        kind = r.get("kind")
        if kind == "entity":
            if "id" not in r:
                raise InputError(f"{where or 'record'} {n}: an entity record without an id")
            entities[doc][r["id"]] = r
        elif kind == "relation":
            relations[doc].append(r)
    return entities, relations


def read(paths: Iterable[str | Path]) -> Predictions:
    """The records of JSON Lines files; a broken line is an InputError naming file and line."""
    lines: list[dict[str, Any]] = []
    for path in map(Path, paths):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: cannot read predictions: {exc}") from None
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}: not JSON: {exc.msg}") from None
            if not isinstance(record, dict):
                raise InputError(f"{path}:{n}: not a JSON object")
            if record.get("kind") == "entity" and "id" not in record:
                raise InputError(f"{path}:{n}: an entity record without an id")
            lines.append(record)
    return group(lines)
