"""Progress of long commands on stderr: a bar on a terminal, a line every few seconds otherwise."""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

# Seconds between progress lines when stderr is not a terminal (a log file, CI); a terminal's bar
# is redrawn at most ten times a second, and only once a phase has run for half a second, so
# quick commands print nothing.
EVERY = "OCGRAPH_PROGRESS_SECONDS"
BAR_AFTER = 0.5
BAR_WIDTH = 30


class Progress:
    """Counts through named phases (``loading nodes``, ``extracting``...) and shows how far it is.

    Examples
    --------
    >>> import io
    >>> out = io.StringIO()
    >>> with Progress(out, every=0) as p:
    ...     p.phase("loading nodes", total=3, unit="nodes")
    ...     p.update(2)
    ...     p.phase("analyzing", total=2, unit="steps")
    ...     p.update(1, step="robustness")
    >>> print(out.getvalue(), end="")
    loading nodes: 2/3 nodes (66%)
    analyzing: 1/2 steps (50%) robustness
    """

    def __init__(self, stream: TextIO | None = None, every: float | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.every = float(os.environ.get(EVERY, "5")) if every is None else every
        self.label, self.total, self.unit, self.step = "", None, "", ""
        self.done = 0
        self.started = self.shown = time.monotonic()
        self.drawn = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def phase(self, label: str, total: int | None = None, unit: str = "") -> None:
        """Start counting something new (the previous bar, if any, is finished on its line)."""
        self._end_bar()
        self.label, self.total, self.unit, self.step, self.done = label, total, unit, "", 0
        self.started = self.shown = time.monotonic()

    def update(self, done: int, step: str | None = None) -> None:
        """`done` of the phase's total are done (and `step` is what runs now)."""
        self.done = done
        if step is not None:
            self.step = step
        now = time.monotonic()
        if self.tty:
            if now - self.started >= BAR_AFTER and (now - self.shown >= 0.1 or done == self.total):
                self._bar()
                self.shown = now
        elif now - self.shown >= self.every:
            self._line()
            self.shown = now

    def close(self) -> None:
        """Finish the bar's line (lines need nothing)."""
        self._end_bar()

    def _text(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        if self.total:
            count = f"{self.done:,}/{self.total:,}{unit} ({100 * self.done // self.total}%)"
        else:
            count = f"{self.done:,}{unit}"
        return f"{count} {self.step}".rstrip()

    def _line(self) -> None:
        self.stream.write(f"{self.label}: {self._text()}\n")
        self.stream.flush()

    def _bar(self) -> None:
        filled = BAR_WIDTH * self.done // self.total if self.total else 0
        bar = f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] " if self.total else ""
        self.stream.write(f"\r\x1b[K{self.label} {bar}{self._text()}")
        self.stream.flush()
        self.drawn = True

    def _end_bar(self) -> None:
        if self.drawn:
            self._bar()  # its last count, then a new line
            self.stream.write("\n")
            self.stream.flush()
            self.drawn = False
