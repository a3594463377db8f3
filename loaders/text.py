"""Text ingestion: files and folders of articles in, one merged graph and a list of one-line errors out."""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ocgraph.errors import OcgraphError
from ocgraph.graph.model import KnowledgeGraph
from ocgraph.loaders.documents import SUFFIXES, SourceDocument, iter_paths, read_document, skipped_note


def files_to_read(paths: Iterable[str | Path], errors: list[str], warnings: list[str] | None) -> list[Path]:
    """The files under `paths` (iter_paths); files of folders it does not read are counted in one
    warning, and folders holding nothing to read are an error."""
    paths = list(paths)
    skipped: Counter[str] = Counter()
    files = list(iter_paths(paths, skipped))
    if skipped and warnings is not None:
        warnings.append(skipped_note(skipped))
    if paths and not files:
        errors.append(f"nothing to read in {', '.join(map(str, paths))}: no {', '.join(SUFFIXES)} file")
    return files


def read_all(
    paths: Iterable[str | Path],
    errors: list[str],
    warnings: list[str] | None = None,
    max_bytes: int | None = None,
) -> Iterator[SourceDocument]:
    """Every readable document under `paths`; a bad file adds its one-line message to `errors`.

    `max_bytes` is read_document's size limit (None: its default)."""
    limit = {} if max_bytes is None else {"max_bytes": max_bytes}
    for path in files_to_read(paths, errors, warnings):
        try:
            doc = read_document(path, **limit)
        except OcgraphError as exc:
            errors.append(str(exc))
            continue
        if warnings is not None:
            warnings.extend(doc.warnings)
        yield doc


def extract_all(
    paths: Iterable[str | Path],
    errors: list[str],
    notes: list[str],
    *,
    extractor: Any = None,
    model: str | None = "default",
    jobs: int = 1,
    max_bytes: int | None = None,
    progress: Callable[[Path], None] | None = None,
) -> Iterator[tuple[SourceDocument, KnowledgeGraph]]:
    """Each readable document under `paths` with its extracted graph, in order; with `jobs` > 1 in that
    many processes, each loading an extractor of the spaCy `model` (the default one unless given)."""
    from ocgraph.loaders.spacy_extractor import MODEL, SpacyExtractor

    model = MODEL if model == "default" else model
    if jobs > 1:
        from ocgraph.loaders.parallel import extract_in_processes

        files = files_to_read(paths, errors, notes)
        yield from extract_in_processes(files, jobs, errors, notes, max_bytes, progress, model)
        return
    if extractor is None:
        extractor = SpacyExtractor(model=model)
    for doc in read_all(paths, errors, notes, max_bytes):
        graph = extract_one(extractor, doc, errors)
        if graph is None:
            continue
        yield doc, graph
        if progress is not None:
            progress(doc.path)


def extract_one(extractor: Any, doc: SourceDocument, errors: list[str]) -> KnowledgeGraph | None:
    """The document's graph; a fault of the extractor on one document is that file's one-line error, and
    the rest of the batch goes on."""
    try:
        return extractor.extract(doc)
    except Exception as exc:  # any fault on one document must not lose the batch
        errors.append(f"{doc.path}: extraction failed, the file was skipped ({type(exc).__name__}: {exc})")
        return None


def resolved_records(graphs: Sequence[tuple[str, KnowledgeGraph]]) -> Iterator[dict[str, Any]]:
    """The JSON Lines records of several documents' graphs, entities resolved across them: one actor
    has one id in every document's lines."""
    from ocgraph.graph.resolution import project, resolve
    from ocgraph.loaders import jsonl

    union = KnowledgeGraph()
    for _, graph in graphs:
        union.merge(graph)
    resolution = resolve(union)
    for name, graph in graphs:
        yield from jsonl.records(project(graph, resolution), name)


def ingest(
    paths: Sequence[Path],
    *,
    extractor: Any = None,
    progress: Callable[[Path], None] | None = None,
    max_bytes: int | None = None,
    jobs: int = 1,
    **_options: Any,
) -> tuple[KnowledgeGraph, list[str]]:
    """Extract every article under `paths` into one graph; bad files become one-line errors.

    `progress` is called with each file once it is done (the CLI's progress bar); files over
    `max_bytes` are refused (None: read_document's default); `jobs` processes extract at once.
    """
    kg = KnowledgeGraph()
    errors: list[str] = []
    notes: list[str] = []
    found = extract_all(
        paths, errors, notes, extractor=extractor, jobs=jobs, max_bytes=max_bytes, progress=progress
    )
    for _doc, graph in found:
        kg.merge(graph)
    for note in notes:  # e.g. a file decoded as cp1252; the CLI prints each as a `warning:` line
        warnings.warn(note, stacklevel=2)
    return kg, errors
