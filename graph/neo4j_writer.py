"""Neo4jWriter: the store into Neo4j in batched, idempotent transactions, and back out again."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from typing import Any

from ocgraph import ontology
from ocgraph.errors import ServiceError, ValidationError
from ocgraph.graph.ids import fold
from ocgraph.graph.model import Evidence, KnowledgeGraph

# Node properties the writer owns; every other node property is an ontology node property.
RESERVED_NODE = ("id", "name", "aliases", "search_names")
# Evidence is kept on the relationship as parallel lists, one item per piece of evidence, so
# `r.evidence_sentence[0]` is the first sentence; a missing confidence is -1 (real ones are 0..1).
EVIDENCE_FIELDS = ("document", "start", "end", "sentence", "extractor", "confidence")
NO_CONFIDENCE = -1.0
_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def template(name: str, label: str | None = None, rel_type: str | None = None) -> str:
    """The Cypher in `queries/load/<name>.cypher`, with `{{label}}`/`{{type}}` filled from the ontology."""
    text = resources.files("ocgraph.queries").joinpath("load", f"{name}.cypher").read_text(encoding="utf-8")
    return fill(text, label, rel_type)


def fill(text: str, label: str | None = None, rel_type: str | None = None) -> str:
    """Write a label and/or relationship type into Cypher text, after checking the ontology declares them.

    Cypher cannot take labels or relationship types as parameters, so they go into the text; only
    names the ontology declares (plain identifiers) ever do.
    """
    onto = ontology.load()
    if label is not None:
        if not _IDENTIFIER.match(label) or label not in {t.label for t in onto.types.values()}:
            raise ValidationError(f"{label!r} is not a label of the ontology")
        text = text.replace("{{label}}", label)
    if rel_type is not None:
        if not _IDENTIFIER.match(rel_type) or rel_type not in {p.rel_type for p in onto.predicates.values()}:
            raise ValidationError(f"{rel_type!r} is not a relationship type of the ontology")
        text = text.replace("{{type}}", rel_type)
    return text


def statements(text: str) -> list[str]:
    """The `;`-separated statements of a Cypher file, without its `//` comment lines."""
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return [s.strip() for s in body.split(";") if s.strip()]


def node_row(entity: Any) -> dict[str, Any]:
    """The properties of an entity's node: id, names, the folded names for matching, the rest."""
    props: dict[str, Any] = {
        "id": entity.id,
        "name": entity.name,
        "aliases": list(entity.aliases),
        "search_names": sorted({fold(n) for n in entity.names()} - {""}),
    }
    props.update(entity.properties)
    return {"id": entity.id, "props": props}


def relation_row(rel: Any) -> dict[str, Any]:
    """The properties of a relation's relationship: id, ontology properties, evidence lists."""
    props: dict[str, Any] = {"id": rel.id, **rel.properties}
    for key in EVIDENCE_FIELDS:
        values = [getattr(ev, key) for ev in rel.evidence]
        if key == "confidence":
            values = [NO_CONFIDENCE if v is None else float(v) for v in values]
        props[f"evidence_{key}"] = values
    return {"id": rel.id, "subject": rel.subject, "object": rel.object, "props": props}


def _chunks(rows: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _link_batches(per_document: dict[str, list[str]], size: int) -> Iterator[list[dict[str, Any]]]:
    # whole documents per batch, about `size` links each (a document's links stay in one transaction)
    batch: list[dict[str, Any]] = []
    links = 0
    for document, entities in per_document.items():
        batch.append({"document": document, "entities": entities})
        links += len(entities)
        if links >= size:
            yield batch
            batch, links = [], 0
    if batch:
        yield batch


class Neo4jWriter:
    """Write a KnowledgeGraph into Neo4j, and read one back.

    Parameters
    ----------
    driver : neo4j.Driver
        An open driver (see `ocgraph.graph.neo4j_connect.driver`).
    database : str, optional
        The database to use; the server's default when None.
    batch_size : int
        Rows per transaction. Each batch is one managed write transaction, retried by the driver
        on transient errors, so an interrupted load leaves whole batches only; every write is a
        MERGE on an id, so running the load again completes the graph without duplicates.
    """

    def __init__(self, driver: Any, database: str | None = None, batch_size: int = 5000) -> None:
        self.driver = driver
        self.database = database
        self.batch_size = max(1, batch_size)
        self.onto = ontology.load()
        self.transactions = 0

    def _session(self) -> Any:
        return self.driver.session(database=self.database)

    def _write(self, query: str, rows: list[dict[str, Any]]) -> int:
        def work(tx: Any) -> int:
            return tx.run(query, rows=rows).single()["written"]

        with self._session() as session:
            written = session.execute_write(work)
        self.transactions += 1
        return written

    def ensure_constraints(self) -> None:
        """Create the uniqueness constraints (Entity.id, each relationship type's id) if missing."""
        todo = []
        for stmt in statements(template("constraints")):
            if "{{type}}" in stmt:
                todo.extend(fill(stmt, rel_type=p.rel_type) for p in self.onto.predicates.values())
            else:
                todo.append(stmt)
        with self._session() as session:
            for stmt in todo:
                session.run(stmt).consume()

    def load(self, kg: KnowledgeGraph, progress: Callable[[str, int], None] | None = None) -> dict[str, int]:
        """Write every entity, then every relation, then the document links; return what was written."""
        self.ensure_constraints()
        # rows are built one batch at a time, so memory stays at one batch and writing starts at once
        by_label: dict[str, list[str]] = defaultdict(list)
        for eid in sorted(kg.entities):
            by_label[self.onto.node_type(kg.entities[eid].type).label].append(eid)
        by_type: dict[str, list[str]] = defaultdict(list)
        for rid in sorted(kg.relations):
            by_type[self.onto.predicate(kg.relations[rid].predicate).rel_type].append(rid)
        done = {"nodes": 0, "relationships": 0, "mentions": 0}
        for label in sorted(by_label):
            query = template("nodes", label=label)
            for ids in _chunks(by_label[label], self.batch_size):
                done["nodes"] += self._write(query, [node_row(kg.entities[eid]) for eid in ids])
                if progress:
                    progress("nodes", done["nodes"])
        mentions: set[tuple[str, str]] = set()
        for rel_type in sorted(by_type):
            query = template("relations", rel_type=rel_type)
            for ids in _chunks(by_type[rel_type], self.batch_size):
                rels = [kg.relations[rid] for rid in ids]
                written = self._write(query, [relation_row(rel) for rel in rels])
                if written != len(rels):
                    lost = len(rels) - written
                    raise ServiceError(f"{rel_type}: {lost} relations have an endpoint missing from Neo4j")
                for rel in rels:
                    for ev in rel.evidence:
                        mentions.update({(ev.document, rel.subject), (ev.document, rel.object)})
                done["relationships"] += written
                if progress:
                    progress("relationships", done["relationships"])
        per_document: dict[str, list[str]] = defaultdict(list)
        for d, e in sorted(mentions):
            if d in kg.entities:
                per_document[d].append(e)
        query = template("mentions")
        for chunk in _link_batches(per_document, self.batch_size):
            done["mentions"] += self._write(query, chunk)
        return done

    def counts(self) -> dict[str, dict[str, int]]:
        """Nodes per ontology label and relationships per ontology type, like `KnowledgeGraph.counts()`."""
        types = [p.rel_type for p in self.onto.predicates.values()]
        with self._session() as session:
            records = list(session.run(template("counts"), types=types))
        out: dict[str, dict[str, int]] = {"entities": {}, "relations": {}}
        for rec in records:
            if rec["kind"] == "label":
                out["entities"][self.onto.by_label(rec["name"]).name] = rec["n"]
            else:
                out["relations"][self.onto.by_rel_type(rec["name"]).name] = rec["n"]
        return {k: dict(sorted(v.items())) for k, v in out.items()}

    def dump(self) -> KnowledgeGraph:
        """Read every `:Entity` node and every ontology relationship back into a KnowledgeGraph."""
        kg = KnowledgeGraph()
        labels = {t.label: t.name for t in self.onto.types.values()}
        types = {p.rel_type: p.name for p in self.onto.predicates.values()}
        with self._session() as session:
            for rec in session.run(template("dump_nodes")):
                eid, props = rec["id"], dict(rec["props"])
                kinds = sorted(labels[x] for x in rec["labels"] if x in labels)
                if len(kinds) != 1:
                    raise ValidationError(
                        f"node {eid!r}: expected one ontology label, found {kinds or 'none'}"
                    )
                extra = {k: v for k, v in props.items() if k not in RESERVED_NODE}
                try:
                    kg.add_entity(
                        kinds[0], props.get("name") or "", props.get("aliases") or (), extra, id=eid
                    )
                except ValidationError as exc:
                    raise ValidationError(f"node {eid!r}: {exc}") from None
            for rec in session.run(template("dump_relations"), types=sorted(types)):
                props = dict(rec["props"])
                evidence = _evidence(props)
                props = {k: v for k, v in props.items() if k != "id" and not k.startswith("evidence_")}
                try:
                    kg.add_relation(rec["subject"], types[rec["type"]], rec["object"], props, evidence)
                except ValidationError as exc:
                    raise ValidationError(f"relationship {rec['id']!r}: {exc}") from None
        return kg


def _evidence(props: dict[str, Any]) -> Iterable[Evidence]:
    columns = [props.get(f"evidence_{key}") or [] for key in EVIDENCE_FIELDS]
    for document, start, end, sentence, extractor, confidence in zip(*columns, strict=True):
        missing = confidence is None or confidence == NO_CONFIDENCE or math.isnan(confidence)
        yield Evidence(document, int(start), int(end), sentence, extractor, None if missing else confidence)
