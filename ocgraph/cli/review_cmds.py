"""Commands for analyst review: confirm, reject, add facts; merge and split entities; list decisions."""

from __future__ import annotations

import datetime as dt
import json
import os

import click

from ocgraph import settings
from ocgraph.cli import main
from ocgraph.errors import InputError


@main.group()
def review() -> None:
    """Confirm, reject or add facts, merge or split entities; decisions.csv beside the store keeps them."""


def _today() -> str:
    return dt.datetime.now(dt.UTC).date().isoformat()


def _author(author: str | None) -> str:
    author = author or os.environ.get("OCGRAPH_AUTHOR") or os.environ.get("USER") or ""
    if not author.strip():
        raise InputError("give --author (or set OCGRAPH_AUTHOR)")
    return author.strip()


def _fact(kg, fact: tuple[str, ...]) -> tuple[str, str, str]:
    """A fact as (subject id, predicate, object id), from a relation id or SUBJECT PREDICATE OBJECT."""
    from ocgraph.graph.entity_review import parse_entity

    if len(fact) == 1:
        rel = kg.relations.get(fact[0])
        if rel is None:
            raise InputError(f"no fact with id {fact[0]!r} in the store")
        return rel.subject, rel.predicate, rel.object
    if len(fact) == 3:
        subject, _ = parse_entity(fact[0], kg)
        obj, _ = parse_entity(fact[2], kg)
        return subject, fact[1], obj
    raise InputError("give a fact as REL_ID or as SUBJECT PREDICATE OBJECT")


_common = [
    click.option("--reason", required=True, help="Why (kept in the decisions file)."),
    click.option("--author", default=None, help="Who decides (default: $OCGRAPH_AUTHOR, then $USER)."),
    click.option("--date", "when", default=None, help="Decision date, ISO 8601 (default: today, UTC)."),
]


def _with_common(func):
    for option in reversed(_common):
        func = option(func)
    return func


def _decide(action: str, fact: tuple[str, ...], reason: str, author: str | None, when: str | None) -> None:
    from ocgraph.graph import review as rv

    who, day = _author(author), when or _today()
    # a fact that breaks the ontology can never appear: commit refuses it, as add does
    ((decision, present),) = rv.commit(
        settings.store(), lambda kg: [rv.Decision(action, *_fact(kg, fact), reason, who, day)]
    )
    state = "" if present else " (not in the store yet; applies when it appears)"
    click.echo(f"{action}ed {decision.subject} {decision.predicate} {decision.object}{state}")


@review.command()
@click.argument("fact", nargs=-1, required=True)
@_with_common
def confirm(fact: tuple[str, ...], reason: str, author: str | None, when: str | None) -> None:
    """Confirm a fact (REL_ID, or SUBJECT PREDICATE OBJECT): it is marked review=confirmed."""
    _decide("confirm", fact, reason, author, when)


@review.command()
@click.argument("fact", nargs=-1, required=True)
@_with_common
def reject(fact: tuple[str, ...], reason: str, author: str | None, when: str | None) -> None:
    """Reject a fact: it leaves the store and no later ingest adds it back."""
    _decide("reject", fact, reason, author, when)


@review.command()
@click.argument("subject")
@click.argument("predicate")
@click.argument("object")
@click.option("--source", required=True, help="Where the fact comes from (URL or citation).")
@click.option("--property", "props", multiple=True, metavar="KEY=VALUE", help="Edge property (repeatable).")
@_with_common
def add(
    subject: str,
    predicate: str,
    object: str,
    source: str,
    props: tuple[str, ...],
    reason: str,
    author: str | None,
    when: str | None,
) -> None:
    """Add a fact of your own (entities as id, Type:Name or a known name) with its source."""
    from ocgraph.graph import review as rv
    from ocgraph.graph.entity_review import parse_entity

    properties = {}
    for item in props:
        key, sep, value = item.partition("=")
        if not sep:
            raise InputError(f"--property {item!r}: expected KEY=VALUE")
        properties[key.strip()] = value
    who, day = _author(author), when or _today()

    def make(kg):
        (s_id, s_name), (o_id, o_name) = parse_entity(subject, kg), parse_entity(object, kg)
        return [
            rv.Decision("add", s_id, predicate, o_id, reason, who, day, source, s_name, o_name, properties)
        ]

    ((decision, _),) = rv.commit(settings.store(), make)  # a bad fact fails before the file changes
    click.echo(f"added {decision.subject} {decision.predicate} {decision.object}")


@review.command()
@click.argument("a")
@click.argument("b")
@_with_common
def merge(a: str, b: str, reason: str, author: str | None, when: str | None) -> None:
    """Make two entities one node (ids, merged-away ids or names); no later write splits them."""
    from ocgraph.graph.entity_review import commit_merge

    decision, into = commit_merge(settings.store(), a, b, reason, _author(author), when or _today())
    if decision is None:
        click.echo(f"{a} and {b} are already one node")
        return
    click.echo(f"merged {decision.subject} and {decision.object} into {into}")


@review.command()
@click.argument("entity")
@_with_common
def split(entity: str, reason: str, author: str | None, when: str | None) -> None:
    """Take an entity out of the node it was merged into (a node: undo its merges); they stay apart."""
    from ocgraph.graph.entity_review import commit_split

    decisions = commit_split(settings.store(), entity, reason, _author(author), when or _today())
    for d in decisions:
        click.echo(f"split {d.subject} from {d.object}; they stay apart")


@review.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines instead of a table.")
def list_(as_json: bool) -> None:
    """List the decisions, one per fact, in the file's order."""
    from ocgraph.graph import review as rv

    for d in rv.read(rv.decisions_path(settings.data_home())):
        if as_json:
            click.echo(json.dumps(d.to_row(), ensure_ascii=False, sort_keys=True))
        else:
            fact = " ".join(x for x in (d.subject, d.predicate, d.object) if x)
            click.echo(f"{d.action:8} {fact}  [{d.author} {d.date}] {d.reason}")


@review.command(name="import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def import_(file: str) -> None:
    """Merge a decisions CSV written elsewhere (same columns) into the store's decisions."""
    from pathlib import Path

    from ocgraph.graph import review as rv

    incoming = rv.read(Path(file))  # a bad row fails here, before anything changes
    store = settings.store()
    with store.transaction() as kg:
        for decision in incoming:
            rv.check(decision, kg)
        rv.apply(kg, incoming)  # an add that cannot be built fails here, before the file changes
        path = rv.decisions_path(store.home)
        rv.write(path, [*rv.read(path), *incoming])  # later decisions on a fact replace earlier ones
    click.echo(f"imported {len(incoming)} decision(s) from {file}")
