"""Text normalised for matching, with a map from every character back to the raw file text."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import repeat
from typing import overload

# One character for one: the map stays linear, only the text changes.
_ONE_FOR_ONE = str.maketrans(
    {
        **dict.fromkeys(
            "\u00a0\u202f\u2007\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a", " "
        ),
        **dict.fromkeys("\u3000\u205f\t\v\f", " "),
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2212", "-"),
        "\u2028": "\n",
        "\u2029": "\n",
        "\r": "\n",  # a lone CR ends a line; CR LF is handled below (the CR is dropped)
    }
)
_ONE_FOR_ONE_RE = re.compile("[" + re.escape("".join(map(chr, _ONE_FOR_ONE))) + "]")


def _straighten(text: str) -> str:
    # str.translate looks up every character (about 5 MB/s); these characters are rare, so find them instead.
    return _ONE_FOR_ONE_RE.sub(lambda m: _ONE_FOR_ONE[ord(m.group())], text)


# Characters that vanish or become several: these break the linear map.
_EXPAND = {"\u2026": "...", "\ufb01": "fi", "\ufb02": "fl", "\ufb00": "ff", "\ufb03": "ffi", "\ufb04": "ffl"}
_SPECIAL = re.compile(
    "[\r\u00ad\u200b\u200c\u200d\u2060\ufeff\u0000-\u0008\u000e-\u001f\u007f"
    + "".join(_EXPAND)
    + "]|.[\u0300-\u036f]+",
    re.DOTALL,
)
# The same without the combining-mark clusters, for text already in NFC (most text): twice as fast.
_SPECIAL_NFC = re.compile(_SPECIAL.pattern.rsplit("|", 1)[0], re.DOTALL)


class OffsetMap(Sequence[int]):
    """offsets[i] is the raw index of text character i; the last entry is the raw end.

    Stored as segments, not one integer per character, so a 20 MB file costs a few kilobytes.
    A segment is linear (text and raw advance together) or constant (several text characters
    stand for one raw run, such as an HTML entity or a collapsed run of spaces).

    >>> m = OffsetMap.build([(0, 2, None), (2, 10, "é"), (10, 12, None)])  # raw "ab&eacute;ef"
    >>> list(m), m.end(2)
    ([0, 1, 2, 10, 11, 12], 10)
    """

    def __init__(
        self, starts: list[int], raws: list[int], raw_ends: list[int], linear: list[bool], length: int
    ):
        self._starts, self._raws, self._raw_ends, self._linear = starts, raws, raw_ends, linear
        self._length = length
        self._total = length
        self._shift = 0

    @classmethod
    def build(cls, pieces: Iterable[tuple[int, int, str | None]]) -> OffsetMap:
        """Map the concatenation of pieces; a piece is raw[a:b] itself (text None) or replaced by text."""
        starts: list[int] = []
        raws: list[int] = []
        ends: list[int] = []
        linear: list[bool] = []
        pos = 0
        for a, b, text in pieces:
            n = b - a if text is None else len(text)
            if not n:
                continue
            lin = text is None
            if lin and linear and linear[-1] and ends[-1] == a and starts[-1] + (ends[-1] - raws[-1]) == pos:
                ends[-1] = b  # contiguous with the previous linear segment
            else:
                starts.append(pos)
                raws.append(a)
                ends.append(b)
                linear.append(lin)
            pos += n
        return cls(starts, raws, ends, linear, pos)

    def __len__(self) -> int:
        return self._length + 1

    def _start_at(self, t: int) -> int:
        """Raw index of global text position t (t may be the global end)."""
        if t >= self._total:
            return self._raw_ends[-1] if self._raw_ends else 0
        k = bisect_right(self._starts, t) - 1
        return self._raws[k] + (t - self._starts[k]) if self._linear[k] else self._raws[k]

    def _end_at(self, t: int) -> int:
        """Raw index just after the source of global text position t."""
        k = bisect_right(self._starts, t) - 1
        return self._raws[k] + (t - self._starts[k]) + 1 if self._linear[k] else self._raw_ends[k]

    @overload
    def __getitem__(self, i: int) -> int: ...
    @overload
    def __getitem__(self, i: slice) -> list[int]: ...
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        if i == self._length and i:
            return self._end_at(i - 1 + self._shift)
        return self._start_at(i + self._shift)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash((len(self), self[0], self[len(self) - 1]))

    def __repr__(self) -> str:
        return f"OffsetMap(len={len(self)}, raw {self[0]}..{self[len(self) - 1]})"

    def __iter__(self) -> Iterator[int]:
        # segment by segment, not one bisect per character: list(offsets) of a 10 MB file stays fast
        t, stop = self._shift, self._shift + self._length
        k = bisect_right(self._starts, t) - 1
        while t < stop:
            upto = min(self._starts[k + 1] if k + 1 < len(self._starts) else self._total, stop)
            if self._linear[k]:
                yield from range(self._raws[k] + t - self._starts[k], self._raws[k] + upto - self._starts[k])
            else:
                yield from repeat(self._raws[k], upto - t)
            t, k = upto, k + 1
        yield self[self._length]

    def end(self, i: int) -> int:
        """The raw index just after the source of text character i."""
        return self._end_at(i + self._shift)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The raw [a, b) whose text is text[start:end]."""
        if end <= start:
            return self[start], self[start]
        return self[start], self.end(end - 1)

    def window(self, start: int, end: int) -> OffsetMap:
        """The map of text[start:end], sharing this map's segments."""
        view = OffsetMap(self._starts, self._raws, self._raw_ends, self._linear, end - start)
        view._total = self._total
        view._shift = self._shift + start
        return view


def normalise(raw: str, pieces: Iterable[tuple[int, int, str | None]] | None = None) -> tuple[str, OffsetMap]:
    """Normalise raw text (or the given pieces of it) for matching; return the text and its offset map.

    Spaces of every width become " ", smart quotes straight quotes, soft hyphens, zero-width and
    control characters vanish, CR LF becomes LF, an ellipsis three dots, accents compose (NFC).

    >>> raw = "El\u00a0Chapo\u2019s \u201cson\u201d\u2026 Guz\u00admán"
    >>> text, m = normalise(raw)
    >>> text
    'El Chapo\\'s "son"... Guzmán'
    >>> a, b = m.span(20, 26)
    >>> raw[a:b] == "Guz\u00admán"
    True
    """
    out: list[tuple[int, int, str | None]] = []
    parts: list[str] = []
    for a, b, text in pieces if pieces is not None else [(0, len(raw), None)]:
        if text is not None:
            fixed = _fix(text)
            out.append((a, b, fixed))
            parts.append(fixed)
            continue
        chunk = raw[a:b]
        pos = 0
        special = _SPECIAL_NFC if unicodedata.is_normalized("NFC", chunk) else _SPECIAL
        for m in special.finditer(chunk):
            s, e = m.span()
            if m.group() == "\r" and not chunk.startswith("\n", e):
                continue  # a lone CR stays, and _straighten makes it a line end
            if s > pos:
                out.append((a + pos, a + s, None))
                parts.append(chunk[pos:s])
            repl = _EXPAND.get(m.group()) or (unicodedata.normalize("NFC", m.group()) if e - s > 1 else "")
            if repl:
                out.append((a + s, a + e, repl))
                parts.append(repl)
            pos = e
        if pos < len(chunk):
            out.append((a + pos, b, None))
            parts.append(chunk[pos:])
    # straightening is one character for one, so it can run once over the whole text
    return _straighten("".join(parts)), OffsetMap.build(out)


def _fix(text: str) -> str:
    """Normalise a replacement string (an HTML entity, say) the same way as raw text."""
    text = unicodedata.normalize("NFC", _straighten(text))
    return _SPECIAL.sub(lambda m: _EXPAND.get(m.group()) or (m.group() if len(m.group()) > 1 else ""), text)
