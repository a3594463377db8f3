"""Extraction in several processes: each loads its own spaCy pipeline once and reads whole files."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ocgraph.errors import OcgraphError
from ocgraph.graph.model import KnowledgeGraph
from ocgraph.loaders.documents import SourceDocument, read_document
from ocgraph.loaders.text import extract_one

_EXTRACTOR: Any = None


def _start(model: str | None) -> None:
    global _EXTRACTOR  # one extractor per worker process, loaded once
    from ocgraph.loaders.spacy_extractor import SpacyExtractor

    _EXTRACTOR = SpacyExtractor(model=model)


def _work(job: tuple[str, int | None]) -> tuple[SourceDocument | None, KnowledgeGraph | None, str]:
    path, max_bytes = job
    try:
        doc = read_document(Path(path), **({} if max_bytes is None else {"max_bytes": max_bytes}))
    except OcgraphError as exc:
        return None, None, str(exc)
    errors: list[str] = []
    graph = extract_one(_EXTRACTOR, doc, errors)
    return (doc, graph, "") if graph is not None else (None, None, errors[0])


def extract_in_processes(
    files: list[Path],
    jobs: int,
    errors: list[str],
    notes: list[str],
    max_bytes: int | None,
    progress: Callable[[Path], None] | None,
    model: str | None,
) -> Iterator[tuple[SourceDocument, KnowledgeGraph]]:
    """Each file's document and graph, in the order of `files`, extracted by `jobs` worker processes."""
    context = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    )
    with context.Pool(jobs, initializer=_start, initargs=(model,)) as pool:
        for doc, graph, error in pool.imap(_work, [(str(f), max_bytes) for f in files], chunksize=1):
            if doc is None or graph is None:
                errors.append(error)
                continue
            notes.extend(doc.warnings)
            yield doc, graph
            if progress is not None:
                progress(doc.path)
