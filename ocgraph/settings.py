"""Where ocgraph keeps its data, read from the environment."""

from __future__ import annotations

import os
from pathlib import Path


def data_home() -> Path:
    """The data directory: `OCGRAPH_HOME` when set, else `./ocgraph-data`."""
    return Path(os.environ.get("OCGRAPH_HOME") or "ocgraph-data")


def store():  # -> ocgraph.graph.store.Store; imported here so `settings` stays import-light
    """The store under the data directory."""
    from ocgraph.graph.store import Store

    return Store(data_home())
