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


def ingest(
    paths: Sequence[Path],
    *,
    extractor: Any = None,
    progress: Callable[[Path], None] | None = None,
    max_bytes: int | None = None,
    **_options: Any,
) -> tuple[KnowledgeGraph, list[str]]:
    """Extract every article under `paths` into one graph; bad files become one-line errors.

    `progress` is called with each file once it is done (the CLI's progress bar); files over
    `max_bytes` are refused (None: read_document's default).
    """
    if extractor is None:
        from ocgraph.loaders.spacy_extractor import SpacyExtractor

        extractor = SpacyExtractor()
    kg = KnowledgeGraph()
    errors: list[str] = []
    notes: list[str] = []
    for doc in read_all(paths, errors, notes, max_bytes):
        kg.merge(extractor.extract(doc))
        if progress is not None:
            progress(doc.path)
    for note in notes:  # e.g. a file decoded as cp1252; the CLI prints each as a `warning:` line
        warnings.warn(note, stacklevel=2)
    return kg, errors
