"""Commands for Neo4j (local server, load, dump, named and ad-hoc queries) and named SPARQL queries."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

import click

from ocgraph import settings
from ocgraph.cli import main
from ocgraph.cli.progress import Progress
from ocgraph.errors import InputError


def _connection_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--uri/--username/--password/--database, defaulting to NEO4J_* and then the local server."""

    @click.option("--database", default=None, help="Database (default: NEO4J_DATABASE or the server's).")
    @click.option(
        "--password", default=None, help="Password (default: NEO4J_PASSWORD or the local server's)."
    )
    @click.option("--username", default=None, help="User (default: NEO4J_USERNAME or neo4j).")
    @click.option(
        "--uri", default=None, help="bolt://, neo4j:// or +s variants (default: NEO4J_URI or local)."
    )
    @functools.wraps(func)
    def wrapper(
        *args: Any,
        uri: str | None,
        username: str | None,
        password: str | None,
        database: str | None,
        **kwargs: Any,
    ) -> Any:
        from ocgraph.graph import neo4j_connect

        # resolved only when a command connects, so `query --list` works with no server settings
        def settings_() -> neo4j_connect.ConnectionSettings:
            return neo4j_connect.resolve(uri, username, password, database)

        return func(*args, connection=settings_, **kwargs)

    return wrapper


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InputError(f"--param {pair!r} must look like key=value")
        out[key.strip()] = value
    return out


def _print(columns: list[str], rows: list[list[Any]], fmt: str) -> None:
    from ocgraph.queries.library import cell, csv_text

    if fmt == "json":
        click.echo(
            json.dumps([dict(zip(columns, r, strict=True)) for r in rows], ensure_ascii=False, indent=2)
        )
    elif fmt == "csv":
        click.echo(csv_text(columns, rows), nl=False)
    else:
        cells = [[cell(v) for v in r] for r in rows]
        widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
        click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
        click.echo("  ".join("-" * w for w in widths))
        for r in cells:
            click.echo("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip())
        click.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})", err=True)


_FORMAT = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="Output format.",
)
_PARAM = click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter.")


# -- the local server ------------------------------------------------------------------------
@main.group()
def neo4j() -> None:
    """Run the project's own local Neo4j server (fetched through Maven on first start)."""


def _server(port: int | None = None, http_port: int | None = None):
    from ocgraph.graph.neo4j_server import LocalServer

    return LocalServer(settings.data_home(), port, http_port)


@neo4j.command()
@click.option(
    "--port", type=int, default=None, help="Bolt port on 127.0.0.1 (default: OCGRAPH_NEO4J_PORT or 7687)."
)
@click.option(
    "--http-port",
    type=int,
    default=None,
    help="Neo4j Browser's port on 127.0.0.1 (default: OCGRAPH_NEO4J_HTTP_PORT, else 7474 or a free one).",
)
@click.option("--heap", default="1g", show_default=True, help="Java heap size.")
def start(port: int | None, http_port: int | None, heap: str) -> None:
    """Start the local Neo4j server and Neo4j Browser (harmless when it already runs)."""
    server = _server(port, http_port)
    if not server.lib.exists():
        click.echo("fetching Neo4j through Maven (first start only)...", err=True)
    click.echo(server.start(heap=heap).describe())


@neo4j.command()
def stop() -> None:
    """Stop the local Neo4j server cleanly."""
    click.echo("stopped" if _server().stop() else "not running")


@neo4j.command()
def status() -> None:
    """Tell whether the local Neo4j server runs, where, and which version."""
    click.echo(_server().status().describe())


# -- load and dump ---------------------------------------------------------------------------
def _phases(bar: Progress, verb: str, totals: dict[str, int]) -> Callable[[str, int], None]:
    """A writer's progress callback (phase, rows done) shown on `bar`, one phase after the other."""

    def progress(kind: str, done: int) -> None:
        label = f"{verb} {kind.replace('mentions', 'document links')}"
        if bar.label != label:
            bar.phase(label, totals.get(kind), kind.replace("mentions", "links"))
        bar.update(done)

    return progress


@main.command()
@click.option(
    "--batch-size", type=click.IntRange(1), default=5000, show_default=True, help="Rows per transaction."
)
@click.option(
    "--prune",
    is_flag=True,
    help="Then delete the ocgraph nodes and relationships the store no longer has.",
)
@_connection_options
def load(batch_size: int, prune: bool, connection: Callable[[], Any]) -> None:
    """Write the store into Neo4j (batched, idempotent: loading twice changes nothing)."""
    from ocgraph.graph.neo4j_connect import driver, neo4j_errors
    from ocgraph.graph.neo4j_writer import Neo4jWriter

    kg = settings.store().load()
    cs = connection()
    with driver(cs) as drv, neo4j_errors(cs), Progress() as bar:
        writer = Neo4jWriter(drv, cs.database, batch_size)
        totals = {"nodes": len(kg.entities), "relationships": len(kg.relations)}
        done = writer.load(kg, progress=_phases(bar, "loading", totals))
        pruned = writer.prune(kg) if prune else None
    click.echo(
        f"loaded {done['nodes']} nodes, {done['relationships']} relationships, "
        f"{done['mentions']} document links into {cs.describe()}"
    )
    if pruned is not None:
        click.echo(
            f"pruned {pruned['nodes']} nodes, {pruned['relationships']} relationships, "
            f"{pruned['mentions']} document links the store no longer has"
        )


@main.command()
@click.option("--replace", is_flag=True, help="Replace the store instead of merging into it.")
@_connection_options
def dump(replace: bool, connection: Callable[[], Any]) -> None:
    """Read the graph in Neo4j back into the store (merged, or replacing it with --replace)."""
    from ocgraph.graph.neo4j_connect import driver, neo4j_errors
    from ocgraph.graph.neo4j_writer import Neo4jWriter

    cs = connection()
    with driver(cs) as drv, neo4j_errors(cs), Progress() as bar:
        writer = Neo4jWriter(drv, cs.database)
        counts = writer.counts()  # the totals for the progress, one cheap query
        totals = {
            "nodes": sum(counts["entities"].values()),
            "relationships": sum(counts["relations"].values()),
        }
        kg = writer.dump(progress=_phases(bar, "reading", totals))
    store = settings.store()
    if replace:
        store.save(kg)
    else:
        with store.transaction() as current:
            current.merge(kg)
    click.echo(f"dumped {len(kg.entities)} entities and {len(kg.relations)} relations from {cs.describe()}")


# -- queries ---------------------------------------------------------------------------------
def _list(language: str) -> None:
    from ocgraph.queries.library import available

    for name, q in available(language).items():
        click.echo(f"{name:18} {q.purpose}")
        for p in q.params:
            about = [f"{p.low} to {p.high}"] if p.low is not None else []
            about += [] if p.required else [f"default {p.default!r}"]
            extra = f" ({', '.join(about)})" if about else ""
            click.echo(f"{'':18}   --param {p.name}=...  {p.doc}{extra}")


@main.command()
@click.argument("name", required=False)
@click.option("--list", "show", is_flag=True, help="List the named queries.")
@_PARAM
@_FORMAT
@_connection_options
def query(
    name: str | None, show: bool, params: tuple[str, ...], fmt: str, connection: Callable[[], Any]
) -> None:
    """Run a named Cypher query from queries/ (names match case- and accent-insensitively)."""
    from ocgraph.queries.library import get, run_cypher, unmatched_names

    if show or not name:
        _list("cypher")
        return
    raw = _params(params)
    notes: list[str] = []
    get(name, "cypher").bind(raw, notes)  # unknown names and bad parameters fail before connecting
    for note in notes:
        click.echo(note, err=True)
    from ocgraph.graph.neo4j_connect import driver

    cs = connection()
    with driver(cs) as drv:
        columns, rows = run_cypher(drv, cs, name, raw)
        missing = unmatched_names(drv, cs, name, raw) if not rows else []
    _print(columns, rows, fmt)
    _no_match(missing, raw, "in Neo4j")


def _no_match(missing: list[str], raw: dict[str, str], where: str) -> None:
    for param in missing:
        click.echo(
            f"no actor {where} has the name or alias {raw[param]!r} (--param {param}; "
            "case and accents are ignored)",
            err=True,
        )


@main.command()
@click.argument("statement")
@click.option("--write", is_flag=True, help="Allow writes (otherwise the server refuses them).")
@_PARAM
@_FORMAT
@_connection_options
def cypher(
    statement: str, write: bool, params: tuple[str, ...], fmt: str, connection: Callable[[], Any]
) -> None:
    """Run ad-hoc Cypher, in READ access mode unless --write."""
    from ocgraph.graph.neo4j_connect import describe_changes, driver, execute

    cs = connection()
    with driver(cs) as drv:
        columns, rows, changes = execute(drv, cs, statement, _params(params), write=write)
    if columns:  # a statement that returns nothing (`... DELETE n`) has no table to print
        _print(columns, rows, fmt)
    if write:
        click.echo(describe_changes(changes), err=True)


@main.command()
@click.argument("name", required=False)
@click.option("--list", "show", is_flag=True, help="List the named SPARQL queries.")
@_PARAM
@_FORMAT
def sparql(name: str | None, show: bool, params: tuple[str, ...], fmt: str) -> None:
    """Run a named SPARQL query from queries/ over the store's RDF."""
    from ocgraph.queries.library import get, name_params, run_sparql

    if show or not name:
        _list("sparql")
        return
    raw = _params(params)
    get(name, "sparql").bind(raw)
    kg = settings.store().load()
    columns, rows = run_sparql(kg, name, raw)
    _print(columns, rows, fmt)
    missing = [p for p, v in name_params(name, raw, "sparql").items() if not rows and not kg.find(v)]
    _no_match(missing, raw, "in the store")
