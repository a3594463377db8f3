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

__all__ = ["active_per_year", "as_of", "is_dated", "parse_period", "splinters_per_year", "undated_edges"]

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
    return sum(not is_dated(d) for _, _, d in edge_records(G))


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


def _years(data: dict[str, Any], last: int) -> range:
    if data.get("date") and not data.get("start"):
        y = parse_period(data["date"])[0].year
        return range(y, y + 1)
    start, end = data.get("start"), data.get("end")
    if not start and not end:
        return range(0)
    first = parse_period(start)[0].year if start else parse_period(end)[1].year
    final = parse_period(end)[1].year if end else max(last, first)
    return range(first, final + 1)


def _last_year(G: nx.MultiDiGraph) -> int:
    years = [parse_period(d[k])[1].year for _, _, d in edge_records(G) for k in DATE_KEYS if d.get(k)]
    return max(years, default=0)


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
    last = _last_year(G)
    active: dict[int, set[str]] = {}
    for u, v, d in edge_records(G):
        groups = [n for n in (u, v) if G.nodes[n].get("type") == "CriminalOrganization"]
        if not groups:
            continue
        for y in _years(d, last):
            active.setdefault(y, set()).update(groups)
    return {y: len(active[y]) for y in sorted(active)}


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
    counts: Counter[int] = Counter()
    for _, _, d in edge_records(G):
        when = d.get("date") or d.get("start")
        if d.get("predicate") in ("splinter_of", "faction_of") and when:
            counts[parse_period(when)[0].year] += 1
    return dict(sorted(counts.items()))
