"""Pausing Python's cycle collector while big graphs are built or walked."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector inside the block (also usable as a decorator).

    Reference counting still frees everything that is not in a cycle, and whatever cycles the
    block leaves are collected once the collector runs again. Work over a big graph makes
    millions of small dicts, lists and tuples; each few hundred new objects set off a
    collection, and the oldest generation's walks the whole heap, the typed graph included: on
    the 100k-node bench that was about a quarter of the fragmentation report's time
    (bench/analyze.py), and 5 s of a 1M-relationship Neo4j load (bench/neo4j_load.py).

    Examples
    --------
    >>> import gc
    >>> with gc_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
