"""Commands on the store itself: stats, export, validate."""

from __future__ import annotations

import json
import sys

import click

from ocgraph import settings
from ocgraph.cli import main, resolve


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def stats(as_json: bool) -> None:
    """Count the store's entities per type and relations per predicate."""
    counts = settings.store().load().counts()
    if as_json:
        click.echo(json.dumps(counts, indent=2))
        return
    for section, rows in counts.items():
        click.echo(f"{section}: {sum(rows.values())}")
        for name, n in rows.items():
            click.echo(f"  {name:24} {n}")


# format name -> "module:function"; each function is `write(kg, out: BinaryIO, format: str)`.
# Imported only when that format is asked for.
EXPORTERS = {
    "turtle": "ocgraph.graph.rdf:write",
    "nt": "ocgraph.graph.rdf:write",
    "jsonld": "ocgraph.graph.rdf:write",
    "trig": "ocgraph.graph.rdf:write",
    "xml": "ocgraph.graph.rdf:write",
    "graphml": "ocgraph.graph.gephi:write",
    "gexf": "ocgraph.graph.gephi:write",
    "ftm": "ocgraph.graph.ftm_export:write",
    # a zip of nodes.csv + relationships.csv + IMPORT.txt, so `-o FILE.zip` stays one atomic file
    "neo4j-csv": "ocgraph.graph.neo4j_csv:write",
}


# file suffixes of the formats that are not RDF (the RDF ones are ocgraph.graph.rdf.SUFFIXES)
_SUFFIXES = {".graphml": "graphml", ".gexf": "gexf", ".ftm": "ftm", ".ftm.json": "ftm", ".zip": "neo4j-csv"}
# suffixes that more than one format uses: FtM files are JSON, GraphML and GEXF are XML
_ALSO = {".json": {"ftm"}, ".xml": {"graphml", "gexf"}}


def export_format(output: str, fmt: str | None) -> str:
    """The format to write: --format, else the one the file's suffix names, else Turtle.

    A --format that contradicts the suffix (`--format turtle -o graph.jsonld`) is refused: the file
    would be read back as the format its name says.
    """
    from ocgraph.errors import InputError
    from ocgraph.graph.rdf import SUFFIXES

    table = {**SUFFIXES, **_SUFFIXES}
    suffix = max((s for s in table if output.lower().endswith(s)), key=len, default="")
    named = table.get(suffix) if output != "-" else None
    if fmt is None:
        return named or "turtle"
    if named is not None and fmt != named and fmt not in _ALSO.get(suffix, ()):
        raise InputError(
            f"--format {fmt} contradicts the name {output} (a {suffix} file holds {named}): "
            f"rename the file or drop --format"
        )
    return fmt


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(EXPORTERS)),
    default=None,
    help="Output format (default: from the output file's suffix, else turtle).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    default="-",
    help="Output file (default: stdout).",
)
def export(fmt: str | None, output: str) -> None:
    """Export the store (RDF and other formats)."""
    from ocgraph.graph.store import atomic_output

    fmt = export_format(output, fmt)  # a contradiction fails before the store is read
    kg = settings.store().load()
    writer = resolve(EXPORTERS[fmt])
    if output == "-":
        writer(kg, sys.stdout.buffer, fmt)
        sys.stdout.buffer.flush()
        return
    with atomic_output(output) as out:
        writer(kg, out, fmt)
    click.echo(f"wrote {fmt} to {output}", err=True)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
def merge(files: tuple[str, ...]) -> None:
    """Merge ocgraph store files (JSON Lines) into the store."""
    from pathlib import Path

    from ocgraph.errors import StoreError
    from ocgraph.graph.store import read_graph

    # Each file is read whole before anything is merged, so a bad file is skipped entirely
    # (never half-merged) and the good ones still load.
    graphs, failed = [], []
    for name in files:
        try:
            graphs.append(read_graph(Path(name)))
        except StoreError as exc:
            failed.append(str(exc))
    for message in failed:
        click.echo(f"error: {message}", err=True)
    if not graphs:
        raise SystemExit(1)
    store = settings.store()
    with store.transaction() as kg:
        before = kg.counts()
        for graph in graphs:
            kg.merge(graph)
        store.apply_review(kg)  # count what will be written: rejected facts stay out
        after = kg.counts()
    for section in ("entities", "relations"):
        added = sum(after[section].values()) - sum(before[section].values())
        click.echo(f"{section}: {sum(after[section].values())} ({added:+d})")
    if failed:
        raise SystemExit(1)


@main.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["turtle", "nt", "jsonld", "trig", "xml"]),
    default=None,
    help="RDF format of FILE (default: from its suffix).",
)
def validate(file: str | None, fmt: str | None) -> None:
    """Check the store (or an RDF FILE) against the SHACL shapes; exit 1 on any violation."""
    from ocgraph.graph import rdf, shacl

    if file is None:
        data = rdf.to_rdflib(settings.store().load())
        where = "the store"
    else:
        data = rdf.read_rdflib(file, fmt)
        where = file
    violations = shacl.validate(data)
    for violation in violations:
        click.echo(str(violation))
    if violations:
        click.echo(f"{len(violations)} violation(s) in {where}")
        sys.exit(1)
    click.echo(f"{where} conforms to the shapes ({len(data)} triples checked)")
