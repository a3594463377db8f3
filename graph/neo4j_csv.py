"""Node and relationship CSVs for `neo4j-admin database import`, packed in one deterministic zip."""

from __future__ import annotations

import csv
import io
import zipfile
from typing import Any, BinaryIO

from ocgraph import ontology
from ocgraph.errors import ValidationError
from ocgraph.graph.ids import fold
from ocgraph.graph.model import KnowledgeGraph

__all__ = ["ARRAY_DELIMITER", "IMPORT_COMMAND", "node_header", "relationship_header", "tables", "write"]

# Sentences hold `;` and `,`; the ASCII unit separator never occurs in text, so arrays split cleanly.
ARRAY_DELIMITER = "\x1f"
ENTITY_LABEL = "Entity"  # every node also carries it, as `ocgraph load` does (its id constraint is on it)
EVIDENCE_COLUMNS = (
    ("evidence_document", "string[]"),
    ("evidence_start", "long[]"),
    ("evidence_end", "long[]"),
    ("evidence_sentence", "string[]"),
    ("evidence_extractor", "string[]"),
    ("evidence_confidence", "double[]"),
)
NO_CONFIDENCE = -1.0  # as in Neo4jWriter: a missing confidence, since arrays cannot hold nulls
IMPORT_COMMAND = (
    "neo4j-admin database import full --overwrite-destination "
    "--nodes=nodes.csv --relationships=relationships.csv "
    "--array-delimiter=U+001F --multiline-fields=true neo4j"
)
_TYPES = {"xsd:string": "string", "xsd:anyURI": "string", "xsd:decimal": "double"}
_FIXED_DATE = (1980, 1, 1, 0, 0, 0)  # zip entries carry a date; a fixed one keeps the bytes identical


def _column(name: str, prop: ontology.Property) -> tuple[str, str]:
    kind = _TYPES.get(prop.datatype, "string")
    return name, kind + ("[]" if prop.many else "")


def node_columns() -> list[tuple[str, str]]:
    """(property, neo4j type) for every node column after `id:ID` and `:LABEL`, in ontology order."""
    onto = ontology.load()
    cols = [("name", "string"), ("aliases", "string[]"), ("search_names", "string[]")]
    cols += [_column(k, p) for k, p in onto.node_properties.items() if k not in ("name", "aliases")]
    return cols


def relationship_columns() -> list[tuple[str, str]]:
    """(property, neo4j type) for every relationship column after the start, end and type columns."""
    onto = ontology.load()
    return [("id", "string"), *(_column(k, p) for k, p in onto.edge_properties.items()), *EVIDENCE_COLUMNS]


def _header_name(name: str, kind: str) -> str:
    return name if kind == "string" else f"{name}:{kind}"


def node_header() -> list[str]:
    """The nodes.csv header, e.g. ``id:ID, :LABEL, name, aliases:string[], ...``.

    >>> node_header()[:4]
    ['id:ID', ':LABEL', 'name', 'aliases:string[]']
    """
    return ["id:ID", ":LABEL", *(_header_name(n, k) for n, k in node_columns())]


def relationship_header() -> list[str]:
    """The relationships.csv header.

    >>> relationship_header()[:4]
    [':START_ID', ':END_ID', ':TYPE', 'id']
    """
    return [":START_ID", ":END_ID", ":TYPE", *(_header_name(n, k) for n, k in relationship_columns())]


def _cell(value: Any, kind: str, where: str) -> str:
    if value is None or value == []:
        return ""
    if kind.endswith("[]"):
        items = [_cell(v, kind[:-2], where) for v in value]
        if any(ARRAY_DELIMITER in item for item in items):
            raise ValidationError(f"{where}: a value holds the array delimiter U+001F")
        return ARRAY_DELIMITER.join(items)
    if kind == "double":
        return repr(float(value))
    if kind == "long":
        return str(int(value))
    return str(value)


def tables(kg: KnowledgeGraph) -> tuple[list[list[str]], list[list[str]]]:
    """The rows of nodes.csv and relationships.csv (headers first), nodes and relations in id order."""
    onto = ontology.load()
    ncols = node_columns()
    nodes = [node_header()]
    for eid in sorted(kg.entities):
        e = kg.entities[eid]
        values = {
            "name": e.name,
            "aliases": list(e.aliases),
            "search_names": sorted({fold(n) for n in e.names()} - {""}),
            **e.properties,
        }
        label = onto.node_type(e.type).label
        # neo4j-admin splits several labels on the array delimiter too
        nodes.append(
            [
                eid,
                f"{ENTITY_LABEL}{ARRAY_DELIMITER}{label}",
                *(_cell(values.get(n), k, eid) for n, k in ncols),
            ]
        )
    rcols = relationship_columns()
    rels = [relationship_header()]
    for rid in sorted(kg.relations):
        r = kg.relations[rid]
        values = {"id": rid, **r.properties}
        values["evidence_document"] = [ev.document for ev in r.evidence]
        values["evidence_start"] = [ev.start for ev in r.evidence]
        values["evidence_end"] = [ev.end for ev in r.evidence]
        values["evidence_sentence"] = [ev.sentence for ev in r.evidence]
        values["evidence_extractor"] = [ev.extractor for ev in r.evidence]
        values["evidence_confidence"] = [
            NO_CONFIDENCE if ev.confidence is None else ev.confidence for ev in r.evidence
        ]
        rel_type = onto.predicate(r.predicate).rel_type
        rels.append([r.subject, r.object, rel_type, *(_cell(values.get(n), k, rid) for n, k in rcols)])
    return nodes, rels


def _csv_bytes(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL).writerows(rows)
    return buffer.getvalue().encode("utf-8")


def write(kg: KnowledgeGraph, out: BinaryIO, format: str = "neo4j-csv") -> None:
    """Write a zip of nodes.csv, relationships.csv and IMPORT.txt (the neo4j-admin command line).

    One file keeps `ocgraph export -o graph.zip` atomic like every other format; unzip it into
    Neo4j's import folder and run the command in IMPORT.txt.
    """
    nodes, rels = tables(kg)
    readme = (
        "Bulk import of an ocgraph export into an empty Neo4j 5 database (stop the database first):\n\n"
        f"  {IMPORT_COMMAND}\n\n"
        "Array values are separated by U+001F; every node is also labelled Entity, so the\n"
        "constraints `ocgraph load` creates (Entity.id unique) apply after the import.\n"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in (
            ("nodes.csv", _csv_bytes(nodes)),
            ("relationships.csv", _csv_bytes(rels)),
            ("IMPORT.txt", readme.encode("utf-8")),
        ):
            info = zipfile.ZipInfo(name, date_time=_FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    out.write(buffer.getvalue())
