"""Analyst review: confirm, reject, add facts, merge or split entities; a CSV applied on every write."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ocgraph import ontology
from ocgraph.errors import InputError
from ocgraph.graph.ids import document_id, relation_id
from ocgraph.graph.model import Evidence, KnowledgeGraph
from ocgraph.graph.records import redirects
from ocgraph.ontology import OntologyError

__all__ = [
    "ACTIONS",
    "ENTITY_ACTIONS",
    "FILENAME",
    "Decision",
    "apply",
    "check",
    "commit",
    "decisions_path",
    "read",
    "record",
    "write",
]

FILENAME = "decisions.csv"
FACT_ACTIONS = ("confirm", "reject", "add")
# on two entities, with no predicate: `merge` makes them one node, `split` keeps them two
# (applied by graph/resolution.py on every store write)
ENTITY_ACTIONS = ("merge", "split")
ACTIONS = FACT_ACTIONS + ENTITY_ACTIONS
COLUMNS = (
    "action",
    "subject",
    "predicate",
    "object",
    "reason",
    "author",
    "date",
    "source",
    "subject_name",
    "object_name",
    "properties",
)
EXTRACTOR = "analyst"


@dataclass(frozen=True)
class Decision:
    """One analyst decision on the fact `subject predicate object` (entity ids and a predicate name).

    `merge` and `split` decisions name two entities and no predicate (the two ids in sorted order).
    `add` decisions also carry a `source` (where the analyst read the fact), the names of the two
    entities (so the fact can be rebuilt in an empty store) and optional edge properties.
    """

    action: str
    subject: str
    predicate: str
    object: str
    reason: str
    author: str
    date: str = ""
    source: str = ""
    subject_name: str = ""
    object_name: str = ""
    properties: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.subject, self.predicate, self.object)

    def normalised(self) -> Decision:
        """The decision with a symmetric predicate's ends (or a merge's, a split's) in sorted order."""
        if self.action not in ACTIONS:
            raise InputError(f"unknown review action {self.action!r} (known: {', '.join(ACTIONS)})")
        entities = self.action in ENTITY_ACTIONS
        if entities and (
            self.predicate or not self.subject or not self.object or self.subject == self.object
        ):
            raise InputError(f"{self.action} names two different entities and no predicate")
        symmetric = entities or ontology.predicate(self.predicate).symmetric
        fact = " ".join(x for x in (self.action, self.subject, self.predicate, self.object) if x)
        if not self.author.strip():
            raise InputError(f"{fact}: an author is needed")
        if self.date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", self.date):
            raise InputError(f"date {self.date!r} is not an ISO 8601 day (YYYY-MM-DD)")
        if self.action == "add" and not self.source.strip():
            raise InputError(f"{fact}: a source is needed")
        if symmetric and self.object < self.subject:
            return replace(
                self,
                subject=self.object,
                object=self.subject,
                subject_name=self.object_name,
                object_name=self.subject_name,
            )
        return self

    def to_row(self) -> dict[str, str]:
        row = {c: str(getattr(self, c)) for c in COLUMNS if c != "properties"}
        row["properties"] = (
            json.dumps(self.properties, sort_keys=True, ensure_ascii=False) if self.properties else ""
        )
        return row


def decisions_path(home: Path) -> Path:
    """Where the decisions of the store under `home` are kept."""
    return Path(home) / FILENAME


def read(path: Path) -> list[Decision]:
    """The decisions in `path` (none when it does not exist); a bad row raises InputError naming file:line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the decisions file: {exc}") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [
        c
        for c in ("action", "subject", "predicate", "object", "author")
        if c not in (reader.fieldnames or ())
    ]
    if missing:
        raise InputError(f"{path}:1: the header lacks {', '.join(missing)}")
    out = []
    for row in reader:
        where = f"{path}:{reader.line_num}"
        try:
            props = json.loads(row.get("properties") or "{}")
            if not isinstance(props, dict):
                raise ValueError("properties must be a JSON object")
            decision = Decision(
                action=(row.get("action") or "").strip(),
                subject=(row.get("subject") or "").strip(),
                predicate=(row.get("predicate") or "").strip(),
                object=(row.get("object") or "").strip(),
                reason=row.get("reason") or "",
                author=row.get("author") or "",
                date=row.get("date") or "",
                source=row.get("source") or "",
                subject_name=row.get("subject_name") or "",
                object_name=row.get("object_name") or "",
                properties=props,
            ).normalised()
        except (InputError, OntologyError, ValueError) as exc:
            raise InputError(f"{where}: {exc}") from None
        out.append(decision)
    return out


def write(path: Path, decisions: Iterable[Decision]) -> None:
    """Write the decisions sorted by fact (one row per fact), atomically, so the file diffs well in git."""
    rows = sorted({d.key: d for d in decisions}.values(), key=lambda d: (d.key, d.action))
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for d in rows:
        writer.writerow(d.to_row())
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(buffer.getvalue())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise InputError(f"{path}: cannot write the decisions file: {exc.strerror}") from None


def record(path: Path, decision: Decision) -> list[Decision]:
    """Add `decision` to the file at `path`, replacing an earlier decision on the same fact."""
    decision = decision.normalised()
    decisions = {d.key: d for d in read(path)}
    decisions[decision.key] = decision
    write(path, decisions.values())
    return sorted(decisions.values(), key=lambda d: d.key)


def apply(kg: KnowledgeGraph, decisions: Iterable[Decision]) -> dict[str, int]:
    """Apply decisions to `kg` in place: rejected facts are removed, confirmed and added ones marked.

    A decision on a fact the graph does not hold (yet) waits: it applies when the fact appears.
    Returns how many facts each action touched.

    Examples
    --------
    >>> kg = KnowledgeGraph()
    >>> a = kg.add_entity("Person", "Ovidio Guzmán López").id
    >>> b = kg.add_entity("CriminalOrganization", "Los Chapitos").id
    >>> c = kg.add_entity("CriminalOrganization", "Sinaloa Cartel").id
    >>> _ = kg.add_relation(a, "leader_of", b), kg.add_relation(a, "leader_of", c)
    >>> apply(kg, [Decision("confirm", a, "leader_of", b, "court records", "ana"),
    ...            Decision("reject", a, "leader_of", c, "he leads a faction", "ana")])
    {'confirm': 1, 'reject': 1, 'add': 0}
    >>> sorted((r.object, r.properties.get("review")) for r in kg.relations.values())
    [('crimorg/los-chapitos', 'confirmed')]
    """
    counts = dict.fromkeys(FACT_ACTIONS, 0)
    decisions = [d.normalised() for d in decisions if d.action not in ENTITY_ACTIONS]
    moved = redirects(kg) if decisions else {}
    for d in decisions:
        # a fact decided on an entity that was merged since is the same fact on the merged node
        d = replace(d, subject=moved.get(d.subject, d.subject), object=moved.get(d.object, d.object))
        d = d.normalised()
        if d.action == "add":
            _add(kg, d)
        rel = _find(kg, d)
        if rel is None:
            continue
        if d.action == "reject":
            del kg.relations[rel.id]
        else:
            rel.properties["review"] = "confirmed"
        counts[d.action] += 1
    return counts


def _find(kg: KnowledgeGraph, d: Decision):
    # normalised() put a symmetric fact's ends in the store's order, so the id is the store's
    return kg.relations.get(relation_id(*d.key))


def _add(kg: KnowledgeGraph, d: Decision) -> None:
    for eid, name in ((d.subject, d.subject_name), (d.object, d.object_name)):
        if eid not in kg.entities:
            if not name:
                raise InputError(
                    f"add {d.subject} {d.predicate} {d.object}: {eid} is not in the store and has no name"
                )
            kg.add_entity(_type_of(eid), name, id=eid)
    raw = d.source.encode("utf-8")
    doc = kg.add_entity(
        "Document",
        d.source,
        properties={"url": d.source if d.source.startswith(("http://", "https://")) else None},
        id=document_id(raw),
    )
    # the evidence is the analyst's statement of the fact and why; the source is its document
    names = (kg.entities[d.subject].name, d.predicate.replace("_", " "), kg.entities[d.object].name)
    sentence = " ".join(names) + (f": {d.reason.strip()}" if d.reason.strip() else "")
    evidence = Evidence(doc.id, 0, len(sentence), sentence, EXTRACTOR)
    kg.add_relation(d.subject, d.predicate, d.object, d.properties, [evidence])


def check(d: Decision, kg: KnowledgeGraph) -> None:
    """Raise when the decision's fact breaks the ontology: it could never be in the store.

    A confirm or reject of such a fact would wait for ever ("applies when it appears"); an add
    is refused the same way by the graph itself.
    """
    types = [kg.entities[e].type if e in kg.entities else _type_of(e) for e in (d.subject, d.object)]
    try:
        ontology.load().check_edge(d.predicate, *types)
    except OntologyError as exc:
        raise OntologyError(f"{d.action} {d.subject} {d.predicate} {d.object}: {exc}") from None


def _type_of(eid: str) -> str:
    prefix = eid.partition("/")[0]
    for node in ontology.load().types.values():
        if node.id_prefix == prefix:
            return node.name
    raise InputError(f"{eid}: the id prefix {prefix!r} names no node type")


def commit(store: Any, make: Callable[[KnowledgeGraph], list[Decision]]) -> list[tuple[Decision, bool]]:
    """Record fact decisions as `ocgraph review` and the workbench do: in one write of the store.

    `make` builds the decisions from the stored graph (read under the store's lock). Each is
    checked first (a fact the ontology forbids is refused; an added fact is built, so a bad one
    fails) and nothing changes unless all pass; then they go to decisions.csv, and the store write
    that ends the transaction applies them. Returns each decision with whether its fact was in the
    store (a confirm or reject of a fact not there yet applies when it appears).
    """
    with store.transaction() as kg:
        decisions = [d.normalised() for d in make(kg)]
        for d in decisions:
            if d.action != "add":
                check(d, kg)
        apply(kg, [d for d in decisions if d.action == "add"])
        present = [relation_id(*d.key) in kg.relations for d in decisions]
        path = decisions_path(store.home)
        write(path, [*read(path), *decisions])  # a later decision on a fact replaces an earlier one
    return list(zip(decisions, present, strict=True))
