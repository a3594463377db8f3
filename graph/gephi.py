"""GraphML and GEXF for Gephi and other network tools, via networkx; GEXF carries dates for the timeline."""

from __future__ import annotations

import calendar
import io
from typing import Any, BinaryIO

from ocgraph import ontology
from ocgraph.errors import InputError
from ocgraph.graph.model import KnowledgeGraph

__all__ = ["LIST_SEPARATOR", "to_networkx", "write"]

# GraphML and GEXF attributes are scalars: a list (aliases, programs) becomes one string.
LIST_SEPARATOR = "; "


def _scalar(value: Any) -> str | float | int | bool:
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, bool | str):
        return value
    if isinstance(value, int | float):
        return float(value)  # one type per attribute key: 1 and 0.9 must both be doubles
    return str(value)


def _day(iso: str, last: bool) -> str:
    """A partial ISO date widened to a day, as GEXF's `date` timeformat needs (first or last day)."""
    parts = iso.split("-")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else (12 if last else 1)
    if len(parts) > 2:
        return iso
    day = calendar.monthrange(year, month)[1] if last else 1
    return f"{year:04d}-{month:02d}-{day:02d}"


def to_networkx(kg: KnowledgeGraph, timeline: bool = False):
    """The graph as a networkx MultiDiGraph: node and edge attributes are scalars, ids are keys.

    With `timeline`, an edge with a `start`/`end` (or an event `date`) gets GEXF spell bounds
    `start`/`end` as full days, so Gephi's timeline can filter it; the ISO values stay as
    attributes (`start_date`, `end_date`, `date`).

    Examples
    --------
    >>> kg = KnowledgeGraph()
    >>> a = kg.add_entity("Person", "Ovidio Guzmán López", ["El Ratón"]).id
    >>> b = kg.add_entity("CriminalOrganization", "Los Chapitos").id
    >>> _ = kg.add_relation(a, "leader_of", b, {"start": "2016"})
    >>> g = to_networkx(kg, timeline=True)
    >>> g.nodes[a]["label"], g.nodes[a]["type"], g.nodes[a]["aliases"]
    ('Ovidio Guzmán López', 'Person', 'El Ratón')
    >>> [(u, v, d["label"], d["start"]) for u, v, d in g.edges(data=True)]
    [('person/ovidio-guzman-lopez', 'crimorg/los-chapitos', 'leader_of', '2016-01-01')]
    """
    import networkx as nx

    onto = ontology.load()
    g = nx.MultiDiGraph(name="ocgraph")
    for eid in sorted(kg.entities):
        e = kg.entities[eid]
        attrs: dict[str, Any] = {"label": e.name, "type": e.type, "aliases": _scalar(e.aliases)}
        attrs.update({k: _scalar(v) for k, v in sorted(e.properties.items())})
        g.add_node(eid, **attrs)
    for rid in sorted(kg.relations):
        r = kg.relations[rid]
        pred = onto.predicate(r.predicate)
        attrs = {
            "label": r.predicate,
            "predicate": r.predicate,
            "rel_type": pred.rel_type,
            "symmetric": pred.symmetric,
            "evidence_count": len(r.evidence),
            "documents": _scalar(sorted({ev.document for ev in r.evidence})),
        }
        for key, value in sorted(r.properties.items()):
            # `start`/`end` are the GEXF writer's spell keys; keep the ISO text under other names
            name = {"start": "start_date", "end": "end_date"}.get(key, key)
            attrs[name] = _scalar(value)
        if timeline:
            begin = r.properties.get("start") or r.properties.get("date")
            if begin:
                attrs["start"] = _day(begin, last=False)
            if r.properties.get("end"):
                attrs["end"] = _day(r.properties["end"], last=True)
        g.add_edge(r.subject, r.object, key=rid, **attrs)
    return g


def _stamp(kg: KnowledgeGraph) -> str:
    """A deterministic `lastmodifieddate`: the latest date the graph holds, else the epoch."""
    dates = [str(e.properties["date"]) for e in kg.entities.values() if e.properties.get("date")]
    dates += [
        str(r.properties[k])
        for r in kg.relations.values()
        for k in ("date", "start", "end")
        if r.properties.get(k)
    ]
    return _day(max(dates), last=True) if dates else "1970-01-01"


def write(kg: KnowledgeGraph, out: BinaryIO, format: str = "graphml") -> None:
    """Write `kg` as GraphML or GEXF 1.2 (an exporter for `ocgraph export`); same graph, same bytes."""
    import networkx as nx
    from networkx.readwrite.gexf import GEXFWriter

    if format == "graphml":
        buffer = io.BytesIO()
        nx.write_graphml_xml(to_networkx(kg), buffer, encoding="utf-8", prettyprint=True)
        out.write(buffer.getvalue())
    elif format == "gexf":
        writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
        # networkx stamps today's date into <meta>; a fixed, data-derived one keeps exports identical
        writer.xml.find("meta").set("lastmodifieddate", _stamp(kg))
        g = to_networkx(kg, timeline=True)
        for _, _, key, data in g.edges(keys=True, data=True):
            data["id"] = key  # the relation id as the GEXF edge id (networkx would number them)
        writer.add_graph(g)
        buffer = io.BytesIO()
        writer.write(buffer)
        out.write(buffer.getvalue())
    else:
        raise InputError(f"unknown Gephi format {format!r} (graphml or gexf)")
