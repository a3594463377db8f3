"""`ocgraph read`: show how files are read: encoding, date, and the articles a page is split into."""

from __future__ import annotations

import json
import sys

import click

from ocgraph.cli import main


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print one JSON line per article instead of a summary.")
@click.option("--max-bytes", type=int, default=20_000_000, show_default=True, help="Refuse larger files.")
def read(paths: tuple[str, ...], as_json: bool, max_bytes: int) -> None:
    """Show the articles, titles and dates ocgraph reads from files or folders (no extraction)."""
    from ocgraph.errors import InputError
    from ocgraph.loaders.documents import read_document
    from ocgraph.loaders.text import files_to_read

    failed: list[str] = []
    nothing: list[str] = []
    notes: list[str] = []
    files = files_to_read(paths, nothing, notes)
    for line in notes:
        click.echo(f"warning: {line}", err=True)
    for line in nothing:
        click.echo(f"error: {line}", err=True)
    for path in files:
        try:
            doc = read_document(path, max_bytes=max_bytes)
        except InputError as e:
            failed.append(str(e))
            click.echo(f"error: {e}", err=True)
            continue
        for warning in doc.warnings:
            click.echo(f"warning: {warning}", err=True)
        if as_json:
            for s in doc.sections:
                a, b = s.original_span(0, len(s.text))
                row = {"doc": doc.name, "id": doc.id, "section": s.index, "title": s.title, "date": s.date}
                click.echo(
                    json.dumps({**row, "start": a, "end": b, "chars": len(s.text)}, ensure_ascii=False)
                )
            continue
        click.echo(
            f"{doc.name}  {doc.id}  {doc.encoding}  date {doc.date or '-'}  {len(doc.sections)} article(s)"
        )
        for s in doc.sections:
            words = len(s.text.split())
            click.echo(f"  [{s.index}] {s.date or '-':10}  {words:6} words  {s.title or '(no title)'}")
    if failed:
        # one line per bad file was printed above; the exit code says the batch was not clean
        click.echo(f"error: {len(failed)} file(s) could not be read", err=True)
    if failed or nothing:
        sys.exit(1)
