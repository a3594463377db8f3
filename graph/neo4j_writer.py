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
from ocgraph.graph.gcpause import gc_paused
from ocgraph.graph.ids import fold
from ocgraph.graph.model import Evidence, KnowledgeGraph

# Node properties the writer owns; every other node property is an ontology node property.
RESERVED_NODE = ("id", "name", "aliases", "search_names")
# Evidence is kept on the relationship as parallel lists, one item per piece of evidence, so
# `r.evidence_sentence[0]` is the first sentence; a missing confidence is -1 (real ones are 0..1).
EVIDENCE_FIELDS = ("document", "start", "end", "sentence", "extractor", "confidence")
NO_CONFIDENCE = -1.0
# the templates `queries/load/relations_<step>.cypher` that write one batch of relations
RELATION_STEPS = ("existing", "create", "update")
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
    # no evidence, no lists: six empty ones would cost the store a property each, for nothing
    if rel.evidence:
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
        links += max(1, len(entities))  # a document with no links still costs a row
        if links >= size:
            yield batch
            batch, links = [], 0
    if batch:
        yield batch


def _rows_work(query: str, rows: list[Any]) -> Callable[[Any], int]:
    # one query over one batch of rows
    def work(tx: Any) -> int:
        return tx.run(query, rows=rows).single()["written"]

    return work


def _relations_work(existing: str | None, create: str, update: str, rels: list[Any]) -> Callable[[Any], int]:
    # Three steps in one transaction: find which ids exist, create the others, update those.
    # A plain CREATE is about a quarter cheaper for the server than a conditional write per row
    # (which needs a locking lookup and two eager passes). Without `existing` (the type had no
    # relationships when the load began) every row is created.
    def work(tx: Any) -> int:
        rows = [relation_row(rel) for rel in rels]
        have = set(tx.run(existing, ids=[row["id"] for row in rows]).value("id")) if existing else set()
        new = [row for row in rows if row["id"] not in have]
        old = [row for row in rows if row["id"] in have]
        written = 0
        for query, batch in ((create, new), (update, old)):
            if batch:
                written += tx.run(query, rows=batch).single()["written"]
        return written

    return work


def _mentions(kg: KnowledgeGraph) -> dict[str, list[str]]:
    # the entities each document's evidence names, for the document's MENTIONS links
    links: set[tuple[str, str]] = set()
    for rel in kg.relations.values():
        for ev in rel.evidence:
            links.update({(ev.document, rel.subject), (ev.document, rel.object)})
    per_document: dict[str, list[str]] = defaultdict(list)
    for document, entity in sorted(links):
        if document in kg.entities:
            per_document[document].append(entity)
    return per_document


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
        on transient errors, so an interrupted load leaves whole batches only; every write finds
        its node or relationship by id first (MERGE, or a lookup before CREATE), so running the
        load again completes the graph without duplicates.
    """

    def __init__(self, driver: Any, database: str | None = None, batch_size: int = 5000) -> None:
        self.driver = driver
        self.database = database
        self.batch_size = max(1, batch_size)
        self.onto = ontology.load()
        self.transactions = 0

    def _session(self) -> Any:
        return self.driver.session(database=self.database)

    def _run(self, work: Callable[[Any], int]) -> int:
        """Run `work(tx)` as one managed write transaction (retried by the driver when transient).

        One transaction at a time: a second one in flight made a 1M-relationship load many times slower,
        because both wait for (and spin on) the locks of the same hub nodes.
        """
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

    @gc_paused()
    def load(self, kg: KnowledgeGraph, progress: Callable[[str, int], None] | None = None) -> dict[str, int]:
        """Write every entity, then every relation, then the document links; return what was written.

        After each batch `progress` is called with the phase (``nodes``, ``relationships``,
        ``mentions``) and how many of its rows are written so far.
        """
        self.ensure_constraints()
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
                rows = [node_row(kg.entities[eid]) for eid in ids]
                done["nodes"] += self._run(_rows_work(query, rows))
                if progress:
                    progress("nodes", done["nodes"])

        for rel_type in sorted(by_type):
            existing, create, update = (template(f"relations_{s}", rel_type=rel_type) for s in RELATION_STEPS)
            with self._session() as session:
                # a type with no relationships yet: nothing to look up (this load writes them all)
                if session.run(template("relations_count", rel_type=rel_type)).single()["n"] == 0:
                    existing = None
            for ids in _chunks(by_type[rel_type], self.batch_size):
                written = self._run(
                    _relations_work(existing, create, update, [kg.relations[rid] for rid in ids])
                )
                if written != len(ids):
                    lost = len(ids) - written
                    raise ServiceError(f"{rel_type}: {lost} relations have an endpoint missing from Neo4j")
                done["relationships"] += written
                if progress:
                    progress("relationships", done["relationships"])

        query = template("mentions")
        for chunk in _link_batches(_mentions(kg), self.batch_size):
            done["mentions"] += self._run(_rows_work(query, chunk))
            if progress:
                progress("mentions", done["mentions"])
        return done

    @gc_paused()
    def prune(self, kg: KnowledgeGraph) -> dict[str, int]:
        """Delete the ocgraph nodes, relationships and document links that `kg` no longer has.

        Only what ocgraph writes is touched: `:Entity` nodes, the ontology's relationship types
        and `MENTIONS`; anything else in the database stays. Each batch is one transaction.
        """
        types = sorted(p.rel_type for p in self.onto.predicates.values())
        stale_nodes: list[str] = []
        stale_rels: dict[str, list[str]] = defaultdict(list)
        with self._session() as session:
            for rec in session.run(template("ids"), types=types):
                if rec["type"] is None:
                    if rec["id"] not in kg.entities:
                        stale_nodes.append(rec["id"])
                elif rec["id"] not in kg.relations:
                    stale_rels[rec["type"]].append(rec["id"])
        done = {"relationships": 0, "nodes": 0, "mentions": 0}
        for rel_type in sorted(stale_rels):
            query = template("prune_relations", rel_type=rel_type)
            for chunk in _chunks(sorted(stale_rels[rel_type]), self.batch_size):
                done["relationships"] += self._run(_rows_work(query, chunk))
        query = template("prune_nodes")
        for chunk in _chunks(sorted(stale_nodes), self.batch_size):
            done["nodes"] += self._run(_rows_work(query, chunk))
        cited = _mentions(kg)
        documents = {d: cited.get(d, []) for d in sorted(kg.entities) if kg.entities[d].type == "Document"}
        query = template("prune_mentions")
        for chunk in _link_batches(documents, self.batch_size):
            done["mentions"] += self._run(_rows_work(query, chunk))
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

    @gc_paused()
    def dump(self, progress: Callable[[str, int], None] | None = None) -> KnowledgeGraph:
        """Read every `:Entity` node and every ontology relationship back into a KnowledgeGraph.

        `progress` is called as in `load` (``nodes``, ``relationships``), every `batch_size` rows read.
        """
        kg = KnowledgeGraph()

        def tick(kind: str, n: int) -> None:
            if progress and (n % self.batch_size == 0):
                progress(kind, n)

        labels = {t.label: t.name for t in self.onto.types.values()}
        types = {p.rel_type: p.name for p in self.onto.predicates.values()}
        with self._session() as session:
            for n, rec in enumerate(session.run(template("dump_nodes")), 1):
                tick("nodes", n)
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
            if progress:
                progress("nodes", len(kg.entities))
            for n, rec in enumerate(session.run(template("dump_relations"), types=sorted(types)), 1):
                tick("relationships", n)
                props = dict(rec["props"])
                evidence = _evidence(props)
                props = {k: v for k, v in props.items() if k != "id" and not k.startswith("evidence_")}
                try:
                    kg.add_relation(rec["subject"], types[rec["type"]], rec["object"], props, evidence)
                except ValidationError as exc:
                    raise ValidationError(f"relationship {rec['id']!r}: {exc}") from None
            if progress:
                progress("relationships", len(kg.relations))
        return kg


def _evidence(props: dict[str, Any]) -> Iterable[Evidence]:
    columns = [props.get(f"evidence_{key}") or [] for key in EVIDENCE_FIELDS]
    for document, start, end, sentence, extractor, confidence in zip(*columns, strict=True):
        missing = confidence is None or confidence == NO_CONFIDENCE or math.isnan(confidence)
        yield Evidence(document, int(start), int(end), sentence, extractor, None if missing else confidence)
