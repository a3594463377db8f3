"""The `viz` command: draw the store as one self-contained HTML page."""

from __future__ import annotations

import click

from ocgraph import settings
from ocgraph.cli import main


@main.command()
@click.option("--focus", metavar="NAME", help="Draw only what is near this entity (name, alias or id).")
@click.option(
    "--hops",
    type=click.IntRange(min=0),
    default=None,
    metavar="N",
    help="With --focus: how many relations away to go (default 1).",
)
@click.option(
    "--as-of",
    "as_of",
    metavar="DATE",
    help="Keep relations that hold on this ISO date (start <= DATE <= end; undated kept).",
)
@click.option("--title", help="The page heading.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    default="graph.html",
    show_default=True,
    help="The HTML file to write.",
)
def viz(focus: str | None, hops: int | None, as_of: str | None, title: str | None, output: str) -> None:
    """Write the graph as one self-contained, interactive HTML page."""
    from ocgraph.graph.viz import parse_date, write_html

    if hops is not None and focus is None:
        raise click.UsageError("--hops needs --focus")
    if as_of is not None:
        parse_date(as_of)  # a bad date is reported before the store is read
    part = write_html(
        settings.store().load(),
        output,
        focus=focus,
        hops=1 if hops is None else hops,
        as_of=as_of,
        title=title,
    )
    click.echo(f"wrote {output}: {len(part.entities)} entities, {len(part.relations)} relations")
