"""Read a .txt, .md, .html, .pdf or .docx file into clean articles whose every character maps back."""

from __future__ import annotations

import os
import re
import shlex
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ocgraph.errors import InputError
from ocgraph.graph.ids import document_id
from ocgraph.loaders.dates import TimeMention, find_times, parse_date, resolve_time
from ocgraph.loaders.html import extract_html
from ocgraph.loaders.markdown import extract_markdown
from ocgraph.loaders.office import read_docx, read_pdf
from ocgraph.loaders.sections import split_sections
from ocgraph.loaders.textmap import OffsetMap, normalise

__all__ = [
    "Section",
    "SourceDocument",
    "TimeMention",
    "find_times",
    "iter_paths",
    "page_of",
    "read_document",
    "resolve_time",
    "skipped_note",
]

SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
MAX_BYTES = 20_000_000  # the default size limit of a file (--max-bytes)
# Files whose bytes are not text: their text is extracted, and evidence offsets point into that text.
_EXTRACTED = {".pdf": read_pdf, ".docx": read_docx}
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


@dataclass(frozen=True)
class Section:
    """One article of a file."""

    text: str  # normalised for matching: NBSP -> space, smart quotes -> straight, soft hyphens removed
    offsets: Sequence[int]  # offsets[i] = index in SourceDocument.raw of text[i]; len == len(text) + 1
    title: str | None
    date: str | None  # ISO date of this article: its dateline, else the file's
    index: int  # 0-based position of the section in the file

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The [a, b) of SourceDocument.raw whose text is text[start:end] (markup inside the span kept)."""
        if isinstance(self.offsets, OffsetMap):
            return self.offsets.span(start, end)
        return self.offsets[start], self.offsets[end]


@dataclass(frozen=True)
class SourceDocument:
    """A file as read: its decoded text, where it came from, and its articles."""

    path: Path
    name: str  # the file name, e.g. "seed-kingpin-strategy.txt" (the JSONL "doc" field)
    id: str  # document_id(raw bytes)
    raw: str  # the decoded original text (a PDF's or Word file's extracted text); offsets point into it
    encoding: str  # "utf-8", "utf-16", "cp1252" or "latin-1"; "pdf" or "docx" for extracted text
    title: str | None
    date: str | None
    sections: tuple[Section, ...]
    warnings: tuple[str, ...]
    pages: tuple[int, ...] = ()  # PDF: pages[k] is the offset in raw where page k + 1 starts
    # HTML and Markdown: raw[a:b] is text (t None) or markup standing for t ("" for a tag, "é" for
    # &eacute;); None when raw is all text
    pieces: tuple[tuple[int, int, str | None], ...] | None = None

    @property
    def page_starts(self) -> str | None:
        """The page map as the Document node keeps it (ontology property `page_starts`), or None."""
        return " ".join(map(str, self.pages)) if self.pages else None

    @cached_property
    def _piece_starts(self) -> list[int]:
        return [a for a, _, _ in self.pieces or ()]

    def text_of(self, start: int, end: int) -> str:
        """The clean text of raw[start:end]: markup left out and entities decoded, otherwise as written.

        Examples
        --------
        >>> import tempfile
        >>> with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False) as f:
        ...     _ = f.write("<p>Ovidio Guzm&aacute;n, a <b>leader</b>, fled.</p>")
        >>> doc = read_document(f.name)
        >>> doc.raw[3:34], doc.text_of(3, 34)
        ('Ovidio Guzm&aacute;n, a <b>lead', 'Ovidio Guzmán, a lead')
        >>> os.unlink(f.name)
        """
        if self.pieces is None:
            return self.raw[start:end]
        out = []
        k = max(bisect_right(self._piece_starts, start) - 1, 0)
        for a, b, text in self.pieces[k:]:
            if a >= end:
                break
            if text is None:
                if max(a, start) < min(b, end):
                    out.append(self.raw[max(a, start) : min(b, end)])
            elif start <= a and b <= end and (a < b or start < a):
                out.append(text)  # an entity, a collapsed space, or a break inside the span
        return "".join(out)


def page_of(page_starts: str | None, offset: int) -> int | None:
    """The page (from 1) at `offset` of a document's text, given its page map; None without one.

    >>> page_of("0 120 120 300", 150), page_of("0 120 120 300", 12), page_of(None, 5)
    (3, 1, None)
    """
    if not page_starts:
        return None
    return bisect_right([int(x) for x in page_starts.split()], offset) or 1


def iter_paths(
    paths: str | os.PathLike | Iterable[str | os.PathLike], skipped: Counter[str] | None = None
) -> Iterator[Path]:
    """Each file named, and every file of a type ocgraph reads under each directory named (sorted, recursive).

    Parameters
    ----------
    paths : path or iterable of paths
        Files and folders, as given on a command line.
    skipped : Counter, optional
        Counts the other files found in those folders by suffix (`skipped_note` says it in a line).

    Returns
    -------
    Iterator[Path]
        Files named directly come out whatever their type (or existence), so that reading them
        reports the problem; hidden files and folders under a directory are skipped; a file named
        twice comes out once.

    Examples
    --------
    >>> [p.name for p in iter_paths(["README.md", "README.md"])]
    ['README.md']
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    seen: set[Path] = set()
    for given in paths:
        root = Path(given)
        if root.is_dir():
            found = [
                p
                for p in root.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
            ]
            readable = [p for p in found if p.suffix.lower() in SUFFIXES]
            candidates = sorted(readable, key=lambda p: p.relative_to(root).as_posix())
            if skipped is not None:
                others = (p for p in found if p.suffix.lower() not in SUFFIXES)
                skipped.update(p.suffix.lower() or "(no suffix)" for p in others)
        else:
            candidates = [root]
        for p in candidates:
            if p not in seen:
                seen.add(p)
                yield p


def skipped_note(skipped: Counter[str]) -> str:
    """One line on the files of folders that were not read, counted by type.

    >>> skipped_note(Counter({".xlsx": 2, ".jpg": 1}))[:58]
    'skipped 3 file(s) of types ocgraph does not read: 2 .xlsx,'
    """
    by_count = sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0]))
    kinds = ", ".join(f"{n} {suffix}" for suffix, n in by_count)
    return (
        f"skipped {skipped.total()} file(s) of types ocgraph does not read: {kinds} "
        f"(it reads {', '.join(SUFFIXES)})"
    )


def _too_big_advice(p: Path, size: int, limit: int) -> str:
    """What to do about a file over the limit: raise it, or (plain text) split the file into parts that
    keep the suffix, at line ends (GNU split), and read those."""
    advice = f"read it with --max-bytes {size}"
    if p.suffix.lower() in (".txt", ".md"):  # markup or a PDF cut in pieces would not read
        stem = shlex.quote(str(p.with_name(p.stem + "-part-")))
        advice += (
            f", or split it into parts and read those: split -C {limit} "
            f"--additional-suffix={p.suffix} {shlex.quote(str(p))} {stem}"
        )
    return advice


def _decode(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """Decode bytes as UTF-8 (BOM or not), else as cp1252 or Latin-1 when that is plausible."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", [f"{name}: decoded as UTF-16 (byte order mark)"]
        except UnicodeDecodeError as e:
            raise InputError(f"{name}: invalid UTF-16 at byte {e.start}") from None
    if b"\x00" in data or len(_CONTROL.findall(data[:65536])) > 0.01 * min(len(data), 65536):
        raise InputError(f"{name}: binary file, not text (it holds NUL or control bytes)")
    try:
        return data.decode("utf-8-sig"), "utf-8", []
    except UnicodeDecodeError as e:
        error = e
    # Valid multi-byte sequences mean the file is UTF-8 that is broken, not text in a legacy code page.
    high = sum(b >= 0x80 for b in data)
    if high and len(_UTF8_SEQUENCE.findall(data)) * 4 >= high:
        where = "truncated at the end" if error.start >= len(data) - 3 else f"invalid at byte {error.start}"
        raise InputError(f"{name}: not valid UTF-8 ({where}); re-save it as UTF-8")
    if re.search(rb"[\x80-\x9f]", data):
        try:
            raw = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(f"{name}: neither UTF-8 nor cp1252 text (byte {error.start})") from None
        encoding = "cp1252"
    else:
        raw, encoding = data.decode("latin-1"), "latin-1"
    letters = sum(
        c.isalpha() or c in "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0\u20ac\u00b0"
        for c in raw
        if ord(c) >= 0x80
    )
    if letters < 0.5 * sum(ord(c) >= 0x80 for c in raw):
        raise InputError(f"{name}: not UTF-8, and its bytes do not read as {encoding} text either")
    return raw, encoding, [f"{name}: decoded as {encoding} (not UTF-8)"]


def read_document(path: str | os.PathLike, *, max_bytes: int = MAX_BYTES) -> SourceDocument:
    """Read one file into articles (sections) of normalised text with offsets into the decoded file.

    Parameters
    ----------
    path : str or PathLike
        A .txt, .md, .html, .htm, .pdf or .docx file.
    max_bytes : int
        Larger files are refused; the size is checked before reading, so a huge file costs no memory.

    Returns
    -------
    SourceDocument
        The decoded text (`raw`), its encoding and warnings, date, title and `sections`; each
        section's `offsets` point into `raw`.

    Raises
    ------
    InputError
        With a one-line message naming the file: missing or unreadable, a folder, an unsupported
        type, empty, binary, over `max_bytes`, or text in no encoding it can recognise.
    """
    p = Path(path)
    name = p.name
    if p.is_dir():
        raise InputError(f"{p}: is a folder, not a file (pass it to iter_paths to read the files in it)")
    if p.exists() and p.suffix.lower() not in SUFFIXES:
        raise InputError(
            f"{p}: unsupported file type {p.suffix or '(none)'!r}; ocgraph reads {', '.join(SUFFIXES)}"
        )
    try:
        size = p.stat().st_size
        if size > max_bytes:
            advice = _too_big_advice(p, size, max_bytes)
            raise InputError(f"{p}: {size:,} bytes is over the {max_bytes:,}-byte limit; {advice}")
        with p.open("rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as e:
        raise InputError(f"{p}: cannot read ({e.strerror or e})") from None
    if len(data) > max_bytes:  # grew while we looked
        raise InputError(f"{p}: over the {max_bytes:,}-byte limit (it grew while being read)")
    if not data.strip():
        raise InputError(f"{p}: empty file")
    headings: set[int] = set()
    articles: list[int] = []
    meta_title = meta_date = None
    pieces = None
    pages: tuple[int, ...] = ()
    times: list[tuple[int, str]] = []
    suffix = p.suffix.lower()
    if suffix in _EXTRACTED:
        got = _EXTRACTED[suffix](data, str(p))
        raw, encoding, warnings = got.text, suffix[1:], got.warnings
        headings, meta_title, pages = got.headings, got.title, got.pages
    else:
        raw, encoding, warnings = _decode(data, str(p))
    if suffix in (".html", ".htm"):
        page = extract_html(raw)
        pieces, headings, articles, meta_title, meta_date = (
            page.pieces,
            page.headings,
            page.articles,
            page.title,
            page.date,
        )
        times = page.times
    elif suffix == ".md":
        md = extract_markdown(raw)
        pieces, headings, meta_title, meta_date = md.pieces, md.headings, md.title, md.date
    text, offsets = normalise(raw, pieces)
    if not text.strip():
        raise InputError(f"{p}: no text (only markup or white space)")
    splits = split_sections(text, offsets.__getitem__, headings, articles)
    doc_date = (parse_date(meta_date) if meta_date else None) or splits[0].date

    def own_time(start: int, end: int) -> str | None:
        """The date of the first HTML <time> inside this article (each <article> of a page has its own)."""
        a, b = offsets.span(start, end)
        return next((d for at, value in times if a <= at < b and (d := parse_date(value))), None)

    sections = tuple(
        Section(
            text[s.start : s.end],
            offsets.window(s.start, s.end),
            s.title,
            s.date or own_time(s.start, s.end) or doc_date,
            k,
        )
        for k, s in enumerate(splits)
    )
    # A Markdown front matter title or a Word file's is the author's own; an HTML <title> often carries
    # the site's name, and a PDF's is often the name of the file it was printed from.
    meta_title = " ".join(meta_title.split()) if meta_title else None
    title = (meta_title if suffix in (".md", ".docx") else None) or sections[0].title or meta_title
    return SourceDocument(
        p,
        name,
        document_id(data),
        raw,
        encoding,
        title,
        doc_date,
        sections,
        tuple(warnings),
        pages,
        tuple(pieces) if pieces is not None else None,
    )
