"""A document's source text, re-read from its file, cut into pieces with the evidence spans marked."""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass
from pathlib import Path

from ocgraph.errors import InputError
from ocgraph.graph.model import Entity
from ocgraph.loaders.documents import SUFFIXES, read_document

MAX_SHOWN = 400_000  # characters shown whole; a longer text is shown around the evidence asked for
WINDOW = 5_000  # characters either side of that evidence


@dataclass(frozen=True)
class Piece:
    """A run of text, marked when evidence covers it (`focus`: the evidence the link pointed at)."""

    start: int
    text: str
    marked: bool
    focus: bool


def source_text(doc: Entity, root: Path) -> tuple[str | None, list[str]]:
    """The text evidence offsets point into (the decoded file, or a PDF's or Word file's extracted text).

    The file is read from the path kept at ingest, relative to `root` (where `ocgraph serve` runs).
    Returns the text (None when it cannot be read) and notes for the reader.
    """
    path = doc.properties.get("path")
    if not path:
        return None, ["ocgraph keeps no file for this document: only its evidence sentences are known"]
    file = Path(path) if Path(path).is_absolute() else root / path
    try:
        data = file.read_bytes()
    except OSError as exc:
        return None, [
            f"{path}: cannot be read from {root} ({exc.strerror or exc}); run serve where you ingested"
        ]
    notes = []
    if doc.properties.get("sha256") and hashlib.sha256(data).hexdigest() != doc.properties["sha256"]:
        notes.append(f"{path} has changed since it was ingested: the marks may be off")
    if file.suffix.lower() in SUFFIXES:
        try:
            return read_document(file).raw, notes
        except InputError as exc:
            return None, [*notes, str(exc)]
    try:  # structured sources (OFAC's CSV files) are read as their loaders read them
        return data.decode("utf-8"), notes
    except UnicodeDecodeError:
        return data.decode("latin-1"), notes


def pieces(text: str, spans: list[tuple[int, int]], focus: tuple[int, int] | None = None) -> list[Piece]:
    """`text` cut at every span boundary, each piece marked if a span covers it.

    >>> [(p.text, p.marked, p.focus) for p in pieces("El Mayo leads.", [(0, 7), (3, 13)], (0, 7))]
    [('El ', True, True), ('Mayo', True, True), (' leads', True, False), ('.', False, False)]
    """
    n = len(text)
    cuts = {0, n}
    spans = [(max(0, a), min(n, b)) for a, b in spans if a < b]
    for a, b in [*spans, *([focus] if focus else [])]:
        cuts.update((max(0, min(n, a)), max(0, min(n, b))))
    bounds = sorted(cuts)
    out = []
    for a, b in itertools.pairwise(bounds):
        if a == b:
            continue
        marked = any(s <= a and b <= e for s, e in spans)
        in_focus = bool(focus) and focus[0] <= a and b <= focus[1]
        out.append(Piece(a, text[a:b], marked or in_focus, in_focus))
    return out


def window(text: str, spans: list[tuple[int, int]], focus: tuple[int, int] | None) -> tuple[int, int]:
    """The part of a long text to show: all of it up to MAX_SHOWN characters, else around the focus."""
    if len(text) <= MAX_SHOWN:
        return 0, len(text)
    a, b = focus or (spans[0] if spans else (0, 0))
    return max(0, a - WINDOW), min(len(text), b + WINDOW)
