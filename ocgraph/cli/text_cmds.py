"""Commands on articles: extract (JSON Lines), ingest (into the store), explain (what the store knows).

`ocgraph ingest --format F` dispatches through `INGESTERS`: each entry is "module:function" for a
`fn(paths: Sequence[Path], **options) -> tuple[KnowledgeGraph, list[str]]` that returns the graph to
merge and one-line errors.  To add a format, add an entry; to give it options, add a click option to
`ingest` with default None and list its name in `INGEST_OPTIONS`: options left at None are not passed,
so every ingester only receives what it understands (the text ingester also takes `progress`).
Every ingester is also given `known`, the store's graph it will be merged into, already read under
the store's lock (the OFAC reader resolves its entries against it instead of reading the store again).
"""

from __future__ import annotations

import contextlib
import json
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import click

from ocgraph import settings
from ocgraph.cli import main, resolve
from ocgraph.cli.progress import Progress

INGESTERS = {
    "text": "ocgraph.loaders.text:ingest",
    "ofac-sdn": "ocgraph.loaders.ofac:ingest",
    "ftm": "ocgraph.loaders.ftm:ingest",
}
# click parameter names of `ingest` that are handed on to the ingester when given
INGEST_OPTIONS: list[str] = ["alt", "add", "max_bytes", "jobs"]
MAX_BYTES_HELP = "Refuse larger files (default 20,000,000); a bigger file's error says what to pass."


@contextlib.contextmanager
def warnings_as_lines() -> Iterator[None]:
    """Python warnings raised inside (no spaCy model, ...) are shown as one `warning:` line each."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    for w in caught:
        click.echo(f"warning: {w.message}", err=True)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), default="-", help="Output file (default: stdout)."
)
@click.option("--no-model", is_flag=True, help="Run the rule-only pipeline (no spaCy model).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None, help=MAX_BYTES_HELP)
@click.option(
    "--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Processes that extract."
)
def extract(paths: tuple[str, ...], output: str, no_model: bool, max_bytes: int | None, jobs: int) -> None:
    """Extract actors and relations from articles as JSON Lines (the scoring contract).

    Entities are resolved across the documents given: one actor has one id in every document.
    """
    import io

    from ocgraph.graph.store import atomic_output
    from ocgraph.loaders.text import extract_all, resolved_records

    errors: list[str] = []
    notes: list[str] = []
    buffer = io.StringIO()
    with warnings_as_lines():
        model = None if no_model else "default"
        found = extract_all(paths, errors, notes, model=model, jobs=jobs, max_bytes=max_bytes)
        graphs = [(doc.name, graph) for doc, graph in found]
    for record in resolved_records(graphs):
        buffer.write(json.dumps(record, ensure_ascii=False) + "\n")
    done = len(graphs)
    for line in notes:
        click.echo(f"warning: {line}", err=True)
    if output == "-":
        sys.stdout.write(buffer.getvalue())
        sys.stdout.flush()
    else:
        with atomic_output(output) as out:
            out.write(buffer.getvalue().encode("utf-8"))
        click.echo(f"wrote {done} document(s) to {output}", err=True)
    for line in errors:
        click.echo(f"error: {line}", err=True)
    if errors:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(INGESTERS)),
    default="text",
    show_default=True,
    help="What the files are.",
)
@click.option(
    "--alt",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="ofac-sdn: OFAC's ALT.CSV (alternate names).",
)
@click.option(
    "--add",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="ofac-sdn: OFAC's ADD.CSV (addresses).",
)
@click.option("--max-bytes", type=click.IntRange(min=1), default=None, help="text: " + MAX_BYTES_HELP)
@click.option(
    "--jobs", type=click.IntRange(min=1), default=None, help="text: processes that extract (default 1)."
)
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], fmt: str, **extra: object) -> None:
    """Extract files and merge them into the store; re-ingesting a file changes nothing."""
    from ocgraph.errors import InputError
    from ocgraph.loaders.text import files_to_read

    fn = resolve(INGESTERS[fmt])
    options = {k: v for k, v in extra.items() if k in INGEST_OPTIONS and v is not None}
    files = [Path(p) for p in paths]
    if fmt == "text":
        nothing: list[str] = []
        notes: list[str] = []
        files = files_to_read(paths, nothing, notes)
        for line in notes:
            click.echo(f"warning: {line}", err=True)
        if nothing:  # folders with no file to read: said before the store is touched
            raise InputError(nothing[0])
    store = settings.store()
    # The store's lock is taken before extracting, so a second ingest into the same store stops at
    # once with the lock message instead of after minutes of extraction.
    with store.transaction() as kg:
        with warnings_as_lines(), Progress() as bar:
            if fmt == "text":
                bar.phase("extracting", total=len(files), unit="files")
                done: set[Path] = set()  # a file may hold several articles: count files once

                def step(path: Path) -> None:
                    done.add(path)
                    bar.update(len(done))

                graph, errors = fn(files, known=kg, progress=step, **options)
            else:
                graph, errors = fn(files, known=kg, **options)
        before = kg.counts()
        kg.merge(graph)
        store.apply_review(kg)  # count what will be written: rejected facts stay out
        after = kg.counts()
    # when every file failed there is nothing to count: the errors alone say what happened
    for section in ("entities", "relations") if graph.entities or not errors else ():
        total = sum(after[section].values())
        added = total - sum(before[section].values())
        click.echo(f"{section}: {total} ({added:+d})")
        for name, n in after[section].items():
            delta = n - before[section].get(name, 0)
            if delta:
                click.echo(f"  {name:24} {delta:+d}")
    for line in errors:
        click.echo(f"error: {line}", err=True)
    if errors:
        sys.exit(1)


@main.command()
@click.argument("name")
def explain(name: str) -> None:
    """Everything the store knows about an actor, each fact with its evidence and source."""
    from ocgraph.errors import InputError
    from ocgraph.graph import review
    from ocgraph.graph.entity_review import history
    from ocgraph.graph.ids import closest
    from ocgraph.graph.records import redirects
    from ocgraph.loaders.documents import page_of

    store = settings.store()
    kg = store.load()
    held = redirects(kg).get(name)
    found = [kg.entities[name]] if name in kg.entities else [kg.entities[held]] if held else kg.find(name)
    if not found:
        actors = sorted((e for e in kg.entities.values() if e.type != "Document"), key=lambda e: e.id)
        hint = closest(name, ((e.name, e.names()) for e in actors))
        tail = f"; closest: {', '.join(hint)}" if hint else ""
        raise InputError(f"no actor called {name!r} in the store ({settings.data_home()}){tail}")
    decisions = review.read(review.decisions_path(store.home))
    for entity in found:
        aliases = f" (also: {', '.join(entity.aliases)})" if entity.aliases else ""
        click.echo(f"{entity.name} [{entity.type}] {entity.id}{aliases}")
        for line in history(entity, decisions):
            click.echo(f"  {line}")
        for rel in kg.relations_of(entity.id):
            subject, obj = kg.entities[rel.subject], kg.entities[rel.object]
            props = {k: v for k, v in rel.properties.items() if k != "confidence"}
            extra = "".join(f" {k}={v}" for k, v in sorted(props.items()))
            conf = rel.properties.get("confidence")
            click.echo(
                f"  {subject.name} -{rel.predicate}-> {obj.name}{extra}"
                + (f" (confidence {conf})" if conf is not None else "")
            )
            for ev in rel.evidence:
                doc = kg.entities.get(ev.document)
                source = ev.document
                if doc is not None:
                    source = doc.name + (f", {doc.properties['date']}" if doc.properties.get("date") else "")
                    page = page_of(doc.properties.get("page_starts"), ev.start)
                    source += f", page {page}" if page else ""
                click.echo(f'    "{ev.sentence}" [{source}, chars {ev.start}-{ev.end}]')
