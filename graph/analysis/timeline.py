"""Time: slice the graph as of a date, count groups active and splinter events per year."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from functools import lru_cache
from typing import Any

import networkx as nx

from ocgraph.errors import InputError
from ocgraph.graph.analysis.projection import edge_records

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
    types = dict(G.nodes(data="type"))
    undated = 0
    last = 0
    splinters: Counter[int] = Counter()
    # (group, first year, last year or None when open-ended): many edges share one
    spans: set[tuple[Any, int, int | None]] = set()
    for u, v, d in edge_records(G):
        start, end, date = d.get("start"), d.get("end"), d.get("date")
        if not (start or end or date):
            undated += 1
            continue
        for value in (start, end, date):
            if value:
                last = max(last, parse_period(value)[1].year)
        when = date or start
        if when and d.get("predicate") in ("splinter_of", "faction_of"):
            splinters[parse_period(when)[0].year] += 1
        if date and not start:
            first = final = parse_period(date)[0].year
        elif start or end:
            first = parse_period(start)[0].year if start else parse_period(end)[1].year
            final = parse_period(end)[1].year if end else None
        else:
            continue
        for n in (u, v):
            if types.get(n) == "CriminalOrganization":
                spans.add((n, first, final))
    active: dict[int, set[Any]] = {}
    for n, first, final in spans:
        # an open-ended edge holds until the last year any edge mentions
        for y in range(first, (max(last, first) if final is None else final) + 1):
            active.setdefault(y, set()).add(n)
    return {
        "undated": undated,
        "active_per_year": {y: len(active[y]) for y in sorted(active)},
        "splinters_per_year": dict(sorted(splinters.items())),
    }
