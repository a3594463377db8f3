"""Text out of PDF (its text layer, page by page) and Word .docx files, with a page map for PDFs."""

from __future__ import annotations

import io
import itertools
import logging
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field

from ocgraph.errors import InputError

_LETTERS = re.compile(r"[^\W\d_]{2}")  # a page with no two letters in a row has no text to read
_DIGITS = re.compile(r"\d+")
_HEADING_STYLE = re.compile(r"(?:Title|Heading \d)$")


@dataclass
class FileText:
    """The text a PDF or Word file yields: paragraphs separated by blank lines, and what is known of it.

    `text` is what evidence offsets point into (the file's bytes are not text). `pages[k]` is the
    offset in `text` where page k + 1 starts (PDF only; a page without text starts where the next
    text does).
    """

    text: str
    headings: set[int] = field(default_factory=set)  # offsets in text where a heading starts
    title: str | None = None
    pages: tuple[int, ...] = ()
    warnings: list[str] = field(default_factory=list)


def read_pdf(data: bytes, name: str) -> FileText:
    """The text layer of a PDF, page by page, with wrapped lines joined into paragraphs.

    Running heads and feet (a line at the top or bottom of most pages, page numbers aside) are
    dropped. A page without a text layer (a scanned image) gives no text and is named in one
    warning; a PDF with no text at all, an encrypted one or a damaged one raises InputError.
    """
    import pypdf

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its notes on odd but readable files
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{name}: the PDF is encrypted with a password; save an unprotected copy")
        pages = [_page_lines(page) for page in reader.pages]
        meta = reader.metadata
        title = " ".join(str(meta.title).split()) if meta and meta.title else None
    except InputError:
        raise
    except Exception as e:  # pypdf raises many kinds on damaged files (PdfReadError, KeyError, ...)
        raise InputError(f"{name}: not a readable PDF ({type(e).__name__}: {e})") from None
    running = _running_lines([[text for text, _ in lines] for lines in pages])
    out, starts, empty = "", [], []
    for k, lines in enumerate(pages, 1):
        text = _paragraphs([(text, y) for text, y in lines if _shape(text) not in running])
        if not _LETTERS.search(text):
            empty.append(k)
            starts.append(len(out))
            continue
        sep = "\n\n" if out else ""
        starts.append(len(out) + len(sep))
        out += sep + text
    if not out:
        raise InputError(
            f"{name}: no text layer on any of its {len(pages)} page(s) (a scan?); run OCR on it first "
            "(e.g. ocrmypdf) and read the result"
        )
    warnings = []
    if empty:
        warnings.append(
            f"{name}: {_pages(empty)} no text layer (a scanned image?), so nothing on it was read; "
            "run OCR on the file (e.g. ocrmypdf) to read it"
        )
    title = title if title and not re.search(r"\.\w{2,4}$|^untitled$", title, re.I) else None
    return FileText(out, title=title, pages=tuple(starts), warnings=warnings)


def _pages(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"page {numbers[0]} has"
    return f"pages {', '.join(map(str, numbers))} have"


def _shape(line: str) -> str:
    return _DIGITS.sub("#", line.lower())


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines at the top or bottom of most pages ("Case 1:23-cr-180 Document 1 Filed 04/14/23 Page 3")."""
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_shape(x) for x in [*lines[:2], *lines[-2:]]})
    return {s for s, n in counts.items() if n >= 3 and n >= len(pages) / 2}


def _page_lines(page) -> list[tuple[str, float | None]]:
    """The page's lines (spaces collapsed), each with the height of its baseline on the page."""
    chunks: list[tuple[str, float]] = []
    page.extract_text(
        # pypdf hands each run of text with its matrices: the baseline's height is tm times cm
        visitor_text=lambda text, cm, tm, *_: chunks.append((text, tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))
    )
    lines: list[list] = [["", None]]
    for text, y in chunks:
        for j, part in enumerate(text.split("\n")):
            if j:
                lines.append(["", None])
            if part.strip() and lines[-1][1] is None:
                lines[-1][1] = y
            lines[-1][0] += part
    return [(" ".join(text.split()), y) for text, y in lines if text.strip()]


def _paragraphs(lines: list[tuple[str, float | None]]) -> str:
    """Join a page's lines into paragraphs separated by blank lines.

    A line goes on in the next one unless the gap between them is wider than the page's usual line
    spacing (or goes up: a new column), or the line is short (a paragraph's last line, a heading).
    """
    if not lines:
        return ""
    lengths = sorted(len(text) for text, _ in lines)
    full = 0.75 * lengths[int(0.9 * (len(lengths) - 1))]
    gaps = sorted(
        a - b for (_, a), (_, b) in itertools.pairwise(lines) if a is not None and b is not None and a > b
    )
    # the lower quartile: on a short page the gaps between paragraphs may be half of all gaps
    spacing = gaps[len(gaps) // 4] if gaps else None
    out = lines[0][0]
    for (prev, y0), (line, y1) in itertools.pairwise(lines):
        wide = y0 is not None and y1 is not None and spacing and not 0 < y0 - y1 <= 1.3 * spacing
        if len(prev) < full or wide:
            out += "\n\n" + line
        elif prev.endswith("-") and prev[-2:-1].isalpha() and line[:1].islower():
            out += line  # a word broken at the line's end
        else:
            out += " " + line
    return out


def read_docx(data: bytes, name: str) -> FileText:
    """The paragraphs and tables of a Word .docx file in reading order; Title and Heading styles
    mark headings, and the document's title property (else its Title paragraph) is its title."""
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, docx.opc.exceptions.PackageNotFoundError) as e:
        raise InputError(f"{name}: not a readable Word .docx file ({type(e).__name__}: {e})") from None
    parts: list[str] = []
    headings: set[int] = set()
    styled_title = None
    pos = 0
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            texts = [" | ".join(_cells(row)) for row in block.rows]
            heading = False
        else:
            texts = [block.text]
            style = block.style.name if block.style is not None else ""
            heading = bool(_HEADING_STYLE.match(style))
            if style == "Title" and styled_title is None and block.text.strip():
                styled_title = " ".join(block.text.split())
        for text in texts:
            text = text.strip()
            if not text:
                continue
            pos += 2 if parts else 0
            if heading:
                headings.add(pos)
            parts.append(text)
            pos += len(text)
    out = "\n\n".join(parts)
    title = " ".join((document.core_properties.title or "").split()) or styled_title
    return FileText(out, headings=headings, title=title)


def _cells(row) -> list[str]:
    """The texts of a table row, a merged cell once."""
    out: list[str] = []
    for cell in row.cells:
        text = " ".join(cell.text.split())
        if text and (not out or out[-1] != text):
            out.append(text)
    return out
