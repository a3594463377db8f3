"""The on-disk store: one versioned JSON Lines file, replaced atomically, guarded by a lock."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ocgraph.errors import StoreError
from ocgraph.graph import review
from ocgraph.graph.model import KnowledgeGraph
from ocgraph.graph.resolution import resolve_in_place
from ocgraph.ontology import OntologyError

FORMAT = "ocgraph-store"
VERSION = 1
FILENAME = "graph.jsonl"


def dumps_records(kg: KnowledgeGraph) -> Iterator[str]:
    """The store's lines: a header, then entities and relations in id order."""
    yield json.dumps({"kind": "header", "format": FORMAT, "version": VERSION}, sort_keys=True) + "\n"
    # one record at a time (the lines of `kg.to_records()`): building the whole list first
    # doubled the peak memory of every store write (bench/store_ingest.py)
    for kind, table in (("entity", kg.entities), ("relation", kg.relations)):
        for key in sorted(table):
            record = {"kind": kind, **table[key].to_dict()}
            yield json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"


def read_graph(path: Path) -> KnowledgeGraph:
    """Read a store file; a bad line raises StoreError naming the file and line, and nothing is returned."""
    kg = KnowledgeGraph()
    try:
        handle = path.open(encoding="utf-8")
    except FileNotFoundError:
        return kg
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the store: {exc.strerror}") from None
    with handle:
        try:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    # without its newline, a line cut mid-string reads "Unterminated string", not
                    # "Invalid control character"
                    record = json.loads(line.rstrip("\r\n"))
                except json.JSONDecodeError as exc:
                    where = f"column {exc.colno}" if exc.msg.endswith(" at") else f"at column {exc.colno}"
                    raise StoreError(f"{path}:{number}: not JSON ({exc.msg} {where})") from None
                if number == 1:
                    _check_header(path, record)
                    continue
                try:
                    kg.add_record(record)
                except (OntologyError, KeyError, TypeError, ValueError) as exc:
                    raise StoreError(f"{path}:{number}: {exc}") from None
        except UnicodeDecodeError as exc:
            raise StoreError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    return kg


def _check_header(path: Path, record: object) -> None:
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise StoreError(f"{path}:1: not an ocgraph store (no header line)")
    if record.get("version") != VERSION:
        raise StoreError(
            f"{path}:1: store version {record.get('version')} is not supported (expected {VERSION})"
        )


def _names(kg: KnowledgeGraph) -> dict[str, int]:
    # an entity's names only grow (graph/model.py), so their count tells whether it gained one
    return {eid: len(e.aliases) for eid, e in kg.entities.items()}


def write_graph(kg: KnowledgeGraph, path: Path) -> None:
    """Write atomically: a temporary file in the same folder, flushed, then renamed over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.writelines(dumps_records(kg))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise StoreError(f"{path}: cannot write the store: {exc.strerror}") from None


class Store:
    """The graph kept under a data directory (`OCGRAPH_HOME`, default `./ocgraph-data`).

    Use `with store.transaction() as kg:` to change it: the graph is read under an exclusive
    lock and written back atomically only if the block finishes without an error.
    """

    def __init__(self, home: Path) -> None:
        self.home = Path(home)
        self.path = self.home / FILENAME
        # inside a transaction: how many names each entity had when last resolved, so a write
        # resolves only the entities it added or renamed (and what shares a name key with them)
        self._names: dict[str, int] | None = None

    def load(self) -> KnowledgeGraph:
        """The stored graph (empty when nothing was stored yet)."""
        return read_graph(self.path)

    def save(self, kg: KnowledgeGraph) -> None:
        with self._lock():
            write_graph(kg, self.path)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[KnowledgeGraph]:
        with self._lock():
            kg = read_graph(self.path)
            self._names = _names(kg)
            try:
                yield kg
                self.apply_review(kg)
                write_graph(kg, self.path)
            finally:
                self._names = None

    def apply_review(self, kg: KnowledgeGraph) -> dict[str, int]:
        """Resolve entities and apply the analyst decisions (decisions.csv beside the store), as writes do.

        Entities that name one actor become one node (graph/resolution.py), with the analyst's merges
        and splits; then fact decisions win over every ingest path: a rejected fact is dropped again,
        a confirmed one marked. Commands that report counts call it before counting, so the counts
        are what gets written.
        """
        decisions = review.read(review.decisions_path(self.home))
        seen = self._names
        affected = (
            None if seen is None else [e for e, x in kg.entities.items() if seen.get(e) != len(x.aliases)]
        )
        resolve_in_place(kg, decisions, affected)
        if seen is not None:
            self._names = _names(kg)
        return review.apply(kg, decisions)

    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        try:
            self.home.mkdir(parents=True, exist_ok=True)
            handle = (self.home / ".lock").open("a")
        except OSError as exc:
            raise StoreError(f"{self.home}: cannot use the data directory: {exc.strerror}") from None
        with handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise StoreError(
                    f"{self.home}: another ocgraph process is writing this store; wait for it to finish"
                ) from None
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[object]:
    """A binary file that appears at `path` only once the block has finished without error."""
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    except OSError as exc:
        raise StoreError(f"{target}: cannot write here: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; an export is meant to be shared
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
