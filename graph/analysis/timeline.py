"""Time: slice the graph as of a date, count groups active and splinter events per year."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from itertools import chain, repeat
from typing import Any

import networkx as nx
import numpy as np

from ocgraph.errors import InputError
from ocgraph.graph.analysis import edgetable

__all__ = [
    "active_per_year",
    "as_of",
    "is_dated",
    "parse_period",
    "splinters_per_year",
    "undated_edges",
    "yearly",
]

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
DATE_KEYS = ("start", "end", "date")


@lru_cache(maxsize=65536)  # big graphs repeat the same few thousand dates
def parse_period(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day a possibly partial ISO date covers.

    Examples
    --------
    >>> parse_period("2021-02")
    (datetime.date(2021, 2, 1), datetime.date(2021, 2, 28))
    >>> parse_period("2021-02-31")
    Traceback (most recent call last):
    ...
    ocgraph.errors.InputError: '2021-02-31' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)
    """
    m = _DATE.match(str(value).strip())
    try:
        if not m:
            raise ValueError
        year = int(m[1])
        month = int(m[2]) if m[2] else None
        day = int(m[3]) if m[3] else None
        if month is not None and day is not None:
            d = dt.date(year, month, day)
            return d, d
        if month is not None:
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        raise InputError(f"{value!r} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)") from None


def is_dated(data: dict[str, Any]) -> bool:
    """Whether an edge's data has a ``start``, ``end`` or ``date``."""
    return any(data.get(k) for k in DATE_KEYS)


def undated_edges(G: nx.MultiDiGraph) -> int:
    """How many edges have no ``start``, ``end`` or ``date``.

    Examples
    --------
    >>> G = nx.MultiDiGraph([("a", "b", {"start": "2010"}), ("b", "c", {})])
    >>> undated_edges(G)
    1
    """
    return yearly(G)["undated"]


def _holds(data: dict[str, Any], lo: dt.date, hi: dt.date) -> bool:
    # the edge holds at some moment of the as_of period: start <= as_of <= end, open ends allowed;
    # an event with only a `date` holds from that date on (a designation stays made)
    start = data.get("start") or data.get("date")
    end = data.get("end")
    if start and parse_period(start)[0] > hi:
        return False
    return not (end and parse_period(end)[1] < lo)


def as_of(G: nx.MultiDiGraph, when: str) -> nx.MultiDiGraph:
    """The typed graph as it stood on `when`: edges whose start ≤ when ≤ end (open ends allowed).

    Undated edges are kept. Every node is kept. The copy's ``graph["as_of"]`` says how many
    edges were kept, dropped, and kept without dates.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", start="2010", end="2015")
    >>> _ = G.add_edge("b", "c", start="2018")
    >>> _ = G.add_edge("a", "c")
    >>> H = as_of(G, "2016-06-01")
    >>> H.number_of_edges(), H.graph["as_of"]
    (1, {'date': '2016-06-01', 'edges': 3, 'kept': 1, 'dropped': 2, 'kept_undated': 1})
    """
    lo, hi = parse_period(when)
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    H.add_nodes_from(G.nodes(data=True))
    undated = 0
    for u, v, key, d in G.edges(keys=True, data=True):
        if not is_dated(d):
            undated += 1
            H.add_edge(u, v, key=key, **d)
        elif _holds(d, lo, hi):
            H.add_edge(u, v, key=key, **d)
    kept = H.number_of_edges()
    total = G.number_of_edges()
    H.graph["as_of"] = {
        "date": when,
        "edges": total,
        "kept": kept,
        "dropped": total - kept,
        "kept_undated": undated,
    }
    return H


def active_per_year(G: nx.MultiDiGraph) -> dict[int, int]:
    """Criminal organizations active each year: those with a dated edge holding that year.

    An open-ended edge holds until the last year any edge mentions. Undated edges say nothing
    about time and are left out (see `undated_edges`).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from(["O1", "O2"], type="CriminalOrganization")
    >>> G.add_node("K", type="Person")
    >>> _ = G.add_edge("K", "O1", predicate="leader_of", start="2007", end="2009")
    >>> _ = G.add_edge("O2", "O1", predicate="splinter_of", date="2009")
    >>> active_per_year(G)
    {2007: 1, 2008: 1, 2009: 2}
    """
    return yearly(G)["active_per_year"]


def splinters_per_year(G: nx.MultiDiGraph) -> dict[int, int]:
    """Splinter and faction events per year (by ``date``, else ``start``; undated ones left out).

    Examples
    --------
    >>> G = nx.MultiDiGraph([("C1", "P", {"predicate": "splinter_of", "date": "2010-03"}),
    ...                      ("C2", "P", {"predicate": "faction_of", "start": "2010"}),
    ...                      ("C3", "P", {"predicate": "splinter_of"})])
    >>> splinters_per_year(G)
    {2010: 2}
    """
    return yearly(G)["splinters_per_year"]


def yearly(G: nx.MultiDiGraph) -> dict[str, Any]:
    """Undated edges, organizations active and splinter events per year, in one pass over the edges.

    `undated_edges`, `active_per_year` and `splinters_per_year` read their figure from here: on
    big graphs each pass over hundreds of thousands of edge dicts costs seconds.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from(["O1", "O2"], type="CriminalOrganization")
    >>> _ = G.add_edge("K", "O1", predicate="leader_of", start="2007", end="2009")
    >>> _ = G.add_edge("O2", "O1", predicate="splinter_of", date="2009")
    >>> _ = G.add_edge("K", "O2", predicate="member_of")
    >>> yearly(G)
    {'undated': 1, 'active_per_year': {2007: 1, 2008: 1, 2009: 2}, 'splinters_per_year': {2009: 1}}
    """
    t = edgetable.edge_table(G)
    rows = list(zip(*t.dates, strict=True))
    # each distinct value parsed once, in order of first appearance (a bad one is named as the
    # edge-by-edge walk would name it); then every figure is array arithmetic over the edges
    values = [v for v in dict.fromkeys(chain.from_iterable(rows)) if v]
    spans = [parse_period(v) for v in values]
    index = {v: i for i, v in enumerate(values)}
    first_year = np.array([lo.year for lo, _ in spans] + [0], dtype=np.int64)  # [-1]: no value
    last_year = np.array([hi.year for _, hi in spans] + [0], dtype=np.int64)
    m = len(rows)
    # missing values (None, "") are not in `index`: -1
    s, e, d = (np.fromiter(map(index.get, col, repeat(-1, m)), np.int64, m) for col in t.dates)
    has_s, has_e, has_d = s >= 0, e >= 0, d >= 0
    dated = has_s | has_e | has_d
    last = int(max((last_year[c[c >= 0]].max() for c in (s, e, d) if (c >= 0).any()), default=0))
    # splinter events, by date, else start
    when = np.where(has_d, d, s)
    lineage_preds = [i for i, p in enumerate(t.predicates) if p in ("splinter_of", "faction_of")]
    split = (when >= 0) & np.isin(t.pred, lineage_preds)
    split_years, split_counts = np.unique(first_year[when[split]], return_counts=True)
    # (group, first year, last year): a dated event holds from its date; an open end (-1) lasts
    # until the last year any edge mentions
    event = has_d & ~has_s
    first = np.where(event, first_year[d], np.where(has_s, first_year[s], last_year[e]))
    final = np.where(event, first_year[d], np.where(has_e, last_year[e], -1))
    groups, firsts, finals = [], [], []
    for end in (t.src, t.dst):
        org = dated & (t.kind[end] == edgetable.ORGANIZATION)
        groups.append(end[org])
        firsts.append(first[org])
        finals.append(final[org])
    group, first, final = np.concatenate(groups), np.concatenate(firsts), np.concatenate(finals)
    final = np.where(final < 0, np.maximum(last, first), final)
    # distinct (group, year) pairs, counted per year
    count = np.maximum(final - first + 1, 0)
    years = edgetable.ranges(first, count)
    span = max(1, int(years.max()) - int(years.min()) + 1) if len(years) else 1
    base = int(years.min()) if len(years) else 0
    pairs = np.sort(np.repeat(group, count) * span + (years - base))  # a sort: np.unique hashes, slower
    pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))] if len(pairs) else pairs
    active_years, active_counts = np.unique(pairs % span + base, return_counts=True)
    return {
        "undated": int(m - dated.sum()),
        "active_per_year": dict(zip(active_years.tolist(), active_counts.tolist(), strict=True)),
        "splinters_per_year": dict(zip(split_years.tolist(), split_counts.tolist(), strict=True)),
    }
