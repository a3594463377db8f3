"""Plain text out of Markdown, as pieces that keep offsets into the file: markup goes, words stay."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?$\n?", re.S | re.M)
_FENCE = re.compile(r"[ ]{0,3}(?:```|~~~)")
_BREAK = re.compile(r"[ ]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_SETEXT = re.compile(r"[ ]{0,3}(?:=+|-+)[ \t]*$")
_REFDEF = re.compile(r"[ ]{0,3}\[[^\]]+\]:\s*\S")
_HEADING = re.compile(r"[ ]{0,3}#{1,6}(?:[ \t]+|$)")
_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?")
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
_INLINE = re.compile(
    r"(?P<img>!\[[^\]]*\]\([^)]*\))"
    r"|(?P<link>\[(?P<text>[^\]]+)\](?:\([^)]*\)|\[[^\]]*\]))"
    r"|(?P<auto><(?P<url>(?:https?|mailto):[^>\s]+)>)"
    r"|(?P<tag></?[A-Za-z][^>\n]*>)"
    r"|(?P<esc>\\(?P<ch>[\\`*_{}\[\]()#+\-.!|>~]))"
    r"|(?P<mark>\*+|~~|`+|(?<![^\W_])_+|_+(?![^\W_]))"
    r"|(?P<pipe>\|)"
)

_MARKUP_START = re.compile(r"[!\[<\\*~`_|]")


@dataclass
class MarkdownText:
    """What a Markdown file yields: text pieces over the raw file, heading starts, front-matter metadata."""

    pieces: list[tuple[int, int, str | None]] = field(default_factory=list)
    headings: set[int] = field(default_factory=set)
    title: str | None = None
    date: str | None = None


def _matches(raw: str, a: int, b: int) -> Iterator[re.Match[str]]:
    """_INLINE's matches in raw[a:b], tried only where markup can start (much faster than finditer)."""
    at = a
    for c in _MARKUP_START.finditer(raw, a, b):
        if c.start() < at:
            continue
        m = _INLINE.match(raw, c.start(), b)
        if m:
            yield m
            at = m.end()


def _inline(raw: str, a: int, b: int, out: list[tuple[int, int, str | None]]) -> None:
    pos = a
    for m in _matches(raw, a, b):
        if m.start() > pos:
            out.append((pos, m.start(), None))
        if m["link"]:
            _inline(raw, m.start("text"), m.end("text"), out)
        elif m["auto"]:
            out.append((m.start("url"), m.end("url"), None))
        elif m["esc"]:
            out.append((m.start("ch"), m.end("ch"), None))
        elif m["pipe"]:
            out.append((m.start(), m.end(), " "))
        pos = m.end()
    if pos < b:
        out.append((pos, b, None))


def extract_markdown(raw: str) -> MarkdownText:
    """The text of a Markdown file: headings, emphasis, links, images and code marks removed.

    >>> md = "# Cartel *news*\\n\\nSee [the report](http://x.org) by **Ana**.\\n"
    >>> out = extract_markdown(md)
    >>> "".join(md[a:b] if t is None else t for a, b, t in out.pieces)
    'Cartel news\\n\\nSee the report by Ana.\\n'
    """
    out = MarkdownText()
    start = 0
    front = _FRONT.match(raw)
    if front:
        for key, value in re.findall(r"^(title|date)[ \t]*:[ \t]*(.+?)[ \t]*$", front[1], re.M | re.I):
            setattr(out, key.lower(), value.strip("'\" "))
        start = front.end()
    in_code = False
    previous: tuple[int, int] | None = None  # the last line's text span, for a Setext underline
    for m in re.finditer(r"[^\n]*(?:\n|$)", raw[start:]):
        if not m.group():
            break
        a = start + m.start()
        body_end = start + m.end() - (m.group().endswith("\n"))
        line = raw[a:body_end].rstrip("\r")
        newline = (a + len(line), start + m.end())
        if _FENCE.match(line):
            in_code = not in_code
        elif in_code:
            out.pieces.append((a, a + len(line), None))
        elif previous and line.strip() and _SETEXT.match(line):
            out.headings.add(previous[0])
        elif _BREAK.match(line) or _REFDEF.match(line):
            pass
        else:
            heading = _HEADING.match(line)
            lead = heading or _PREFIX.match(line)
            content_start, content_end = a + lead.end(), a + len(line)
            if heading:
                closing = _CLOSING_HASHES.search(line)
                content_end = a + closing.start() if closing else content_end
                out.headings.add(content_start)
            _inline(raw, content_start, content_end, out.pieces)
            previous = (content_start, content_end) if line.strip() else None
            out.pieces.append((*newline, None))
            continue
        previous = None
        out.pieces.append((*newline, None))
    return out
