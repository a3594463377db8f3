"""The named queries as forms: Cypher in Neo4j, or over the store through their SPARQL twins."""

from __future__ import annotations

from typing import Any

from ocgraph.errors import OcgraphError, ServiceError
from ocgraph.queries import library
from ocgraph.web.snapshot import Snapshot
from ocgraph.web.state import Workbench


def forms() -> list[dict[str, Any]]:
    """Every named Cypher query with its parameters, for the forms page."""
    sparql = library.available("sparql")
    out = []
    for name, query in library.available("cypher").items():
        hints = query.example_values()  # shown as placeholders
        params = [
            {
                "name": p.name,
                "doc": p.doc,
                "required": p.required,
                "default": "" if p.default is None else str(p.default),
                "example": hints.get(p.name, ""),
                "kind": p.kind,
            }
            for p in query.params
        ]
        out.append({"name": name, "purpose": query.purpose, "params": params, "sparql": name in sparql})
    return out


def run(bench: Workbench, snap: Snapshot, name: str, raw: dict[str, str]) -> dict[str, Any]:
    """Run a named query on what the workbench serves; returns columns, rows and where it ran.

    Over Neo4j, the Cypher query runs there (read access). Over the store, a query with a SPARQL
    twin runs on the store's RDF (the same columns and rows, tests check it); the others need Neo4j
    (the NEO4J_* settings, else the local server).
    """
    query = library.get(name, "cypher")
    optional = {p.name for p in query.params if not p.required}
    raw = {k: v for k, v in raw.items() if not (v == "" and k in optional)}  # empty: the default
    notes: list[str] = []
    query.bind(raw, notes)  # unknown or missing parameters fail before anything runs
    if bench.source == "store" and name in library.available("sparql"):
        if "oxigraph" not in snap.cache:
            from ocgraph.graph.rdf import to_oxigraph

            snap.cache["oxigraph"] = to_oxigraph(snap.kg)
        columns, rows = library.run_sparql(snap.kg, name, raw, store=snap.cache["oxigraph"])
        return {
            "columns": columns,
            "rows": rows,
            "where": bench.describe() + " (its SPARQL twin)",
            "notes": notes,
        }
    from ocgraph.graph import neo4j_connect

    cs = bench.connection() if bench.connection else neo4j_connect.resolve()
    try:
        with neo4j_connect.driver(cs) as drv, neo4j_connect.neo4j_errors(cs):
            columns, rows = library.run_cypher(drv, cs, name, raw)
    except OcgraphError as exc:
        raise ServiceError(f"{name} runs in Neo4j: {exc}") from None
    return {"columns": columns, "rows": rows, "where": f"Neo4j at {cs.uri}", "notes": notes}
