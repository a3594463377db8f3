"""The `analyze` command: the fragmentation report of the store or of Neo4j."""

from __future__ import annotations

import json
import sys

import click

from ocgraph import settings
from ocgraph.cli import main
from ocgraph.cli.progress import Progress
from ocgraph.errors import InputError

STRATEGIES = ("betweenness", "degree", "kpp", "random")
# --from of `analyze` and `serve`
FROM = click.option(
    "--from",
    "source",
    type=click.Choice(["store", "neo4j"]),
    default="store",
    show_default=True,
    help="Where to read the graph.",
)


def _load(source: str):  # -> KnowledgeGraph
    if source == "store":
        return settings.store().load()
    from ocgraph.graph import neo4j_connect

    try:
        from ocgraph.graph.neo4j_writer import Neo4jWriter
    except ImportError:
        raise InputError("--from neo4j needs ocgraph.graph.neo4j_writer, which this install lacks") from None
    cs = neo4j_connect.resolve()
    drv = neo4j_connect.driver(cs)
    try:
        with neo4j_connect.neo4j_errors(cs):
            return Neo4jWriter(drv, database=cs.database).dump()
    finally:
        drv.close()


@main.command()
@click.option("--as-of", "as_of", metavar="DATE", help="Only relations holding on DATE (YYYY[-MM[-DD]]).")
@click.option(
    "--remove", multiple=True, metavar="NAME", help="Remove this person (name, alias or id); repeat."
)
@click.option(
    "--strategy", type=click.Choice(STRATEGIES), help="Remove the top --k persons by this strategy."
)
@click.option(
    "--k", "k", type=click.IntRange(min=0), default=3, show_default=True, help="How many to remove."
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for sampling, Louvain, random.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "markdown"]),
    default="markdown",
    show_default=True,
    help="Output format.",
)
@click.option("--plots", type=click.Path(file_okay=False), help="Write PNG plots into this folder.")
@FROM
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), default="-", help="Output file (default: stdout)."
)
def analyze(
    as_of: str | None,
    remove: tuple[str, ...],
    strategy: str | None,
    k: int,
    seed: int,
    fmt: str,
    plots: str | None,
    source: str,
    output: str,
) -> None:
    """Measure fragmentation and what removing leaders does (report as Markdown or JSON)."""
    from ocgraph.graph.analysis.backend import cache_scope
    from ocgraph.graph.analysis.projection import from_knowledge_graph
    from ocgraph.graph.analysis.report import STEPS, to_markdown
    from ocgraph.graph.analysis.report import analyze as build
    from ocgraph.graph.analysis.timeline import parse_period

    if as_of:
        parse_period(as_of)  # a bad date fails before the graph is read
    G = from_knowledge_graph(_load(source))
    with cache_scope(), Progress() as bar:  # the plots reuse what the report read from G
        bar.phase("analyzing", total=len(STEPS), unit="steps")
        report = build(
            G,
            as_of=as_of,
            remove=remove,
            strategy=strategy,
            k=k,
            seed=seed,
            progress=lambda step: bar.update(STEPS.index(step), step),
        )
        bar.close()
        text = (
            json.dumps(report, ensure_ascii=False, indent=2) + "\n" if fmt == "json" else to_markdown(report)
        )
        if output == "-":
            sys.stdout.write(text)
        else:
            from ocgraph.graph.store import atomic_output

            with atomic_output(output) as out:
                out.write(text.encode("utf-8"))
            click.echo(f"wrote the {fmt} report to {output}", err=True)
        if plots:
            from ocgraph.graph.analysis.plots import skipped, write_plots
            from ocgraph.graph.analysis.timeline import as_of as slice_graph

            H = slice_graph(G, as_of) if as_of else G
            for path in write_plots(H, report, plots):
                click.echo(f"wrote {path}", err=True)
            for name, why in ({} if report["empty"] else skipped(H, report)).items():
                click.echo(f"skipped {name}: {why}", err=True)
