"""The workbench's source of truth: the store (re-read when it changes) or Neo4j, and the review writes."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ocgraph.errors import InputError
from ocgraph.graph import review
from ocgraph.graph.model import KnowledgeGraph
from ocgraph.graph.store import Store
from ocgraph.web.snapshot import Snapshot

SOURCES = ("store", "neo4j")


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


class Workbench:
    """What `ocgraph serve` serves: a `Snapshot` of the graph, fresh on every request that needs one.

    From the store, the snapshot is read again whenever `graph.jsonl` changes (an ingest in another
    terminal, a review decision); from Neo4j, it is read at start and on `reload()`. Review
    decisions go to `decisions.csv` beside the store, as `ocgraph review` writes them.
    """

    def __init__(
        self,
        home: Path,
        source: str = "store",
        read_only: bool = False,
        connection: Callable[[], Any] | None = None,
        documents: Path | None = None,
    ) -> None:
        if source not in SOURCES:
            raise InputError(f"unknown source {source!r} (known: {', '.join(SOURCES)})")
        self.store = Store(Path(home))
        self.source = source
        self.read_only = read_only
        self.connection = connection  # Neo4j settings, called when Neo4j is needed
        self.documents = Path(documents or Path.cwd())  # where relative document paths are read from
        self.decisions_path = review.decisions_path(self.store.home)
        self._lock = threading.Lock()
        self._snap: Snapshot | None = None
        self._stamp: Any = None
        self._decisions_stamp: Any = ("unread",)
        self._loads = 0

    # -- reading -------------------------------------------------------------------------------
    def snapshot(self) -> Snapshot:
        with self._lock:
            stamp = _stamp(self.store.path) if self.source == "store" else self._loads
            if self._snap is None or (self.source == "store" and stamp != self._stamp):
                self._snap = Snapshot.of(self._read(), self._version(stamp))
                self._stamp, self._decisions_stamp = stamp, ("unread",)
            seen = _stamp(self.decisions_path)
            if seen != self._decisions_stamp:
                self._snap.decisions = {d.key: d for d in review.read(self.decisions_path)}
                self._decisions_stamp = seen
            return self._snap

    def _version(self, stamp: Any) -> str:
        return f"{self.source}-{stamp[0] if isinstance(stamp, tuple) else stamp}"

    def _read(self) -> KnowledgeGraph:
        if self.source == "store":
            return self.store.load()
        from ocgraph.graph import neo4j_connect
        from ocgraph.graph.neo4j_writer import Neo4jWriter

        cs = self.connection() if self.connection else neo4j_connect.resolve()
        with neo4j_connect.driver(cs) as drv, neo4j_connect.neo4j_errors(cs):
            self._loads += 1
            return Neo4jWriter(drv, cs.database).dump()

    def reload(self) -> Snapshot:
        """Read the graph again now (from Neo4j: the only way to see what a load changed)."""
        with self._lock:
            self._snap = None
            self._stamp = None
        return self.snapshot()

    # -- review ----------------------------------------------------------------------------------
    def decide(self, make: Callable[[KnowledgeGraph], list[review.Decision]]) -> list[tuple[Any, bool]]:
        """Record decisions made on the graph; returns each with whether its fact is in the graph.

        On the store this is `review.commit` (the write applies them at once). Over Neo4j the
        decisions are checked against the graph shown and recorded; the store's next write applies
        them and `ocgraph load --prune` takes them to Neo4j.
        """
        if self.read_only:
            raise InputError("this workbench is read-only (ocgraph serve --read-only)")
        if self.source == "store":
            return review.commit(self.store, make)
        kg = self.snapshot().kg
        decisions = [d.normalised() for d in make(kg)]
        for d in decisions:
            review.check(d, kg)
        review.write(self.decisions_path, [*review.read(self.decisions_path), *decisions])
        return [(d, review.relation_id(*d.key) in kg.relations) for d in decisions]

    def merge(self, a: str, b: str, reason: str, author: str, date: str) -> tuple[Any, str]:
        """Make two entities one node, as `ocgraph review merge`; returns the decision and the node's id."""
        from ocgraph.graph.entity_review import commit_merge

        return commit_merge(self._entity_store(), a, b, reason, author, date)

    def split(self, text: str, reason: str, author: str, date: str) -> list[review.Decision]:
        """Take an entity out of the node it was merged into, as `ocgraph review split`."""
        from ocgraph.graph.entity_review import commit_split

        return commit_split(self._entity_store(), text, reason, author, date)

    def _entity_store(self) -> Store:
        if self.read_only:
            raise InputError("this workbench is read-only (ocgraph serve --read-only)")
        if self.source != "store":
            # merges live in the store's merge records: made there, then loaded into Neo4j
            raise InputError("merge and split work on the store: run ocgraph review merge|split, then load")
        return self.store

    def describe(self) -> str:
        if self.source == "store":
            return f"the store in {self.store.home}"
        cs = self.connection() if self.connection else None
        return f"Neo4j at {cs.uri}" if cs else "Neo4j"


def default_author() -> str:
    """Who decides, unless the form says otherwise: $OCGRAPH_AUTHOR, else $USER."""
    return os.environ.get("OCGRAPH_AUTHOR") or os.environ.get("USER") or ""
