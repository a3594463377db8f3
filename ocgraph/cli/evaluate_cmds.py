"""`ocgraph evaluate`: extraction quality against gold annotations (precision, recall, resolution)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ocgraph.cli import main
from ocgraph.cli.text_cmds import warnings_as_lines


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--gold", "golds", multiple=True, type=click.Path(), help="Gold file or folder (repeatable).")
@click.option(
    "--pred", "preds", multiple=True, type=click.Path(), help="JSON Lines predictions (repeatable)."
)
@click.option("--predicates", help="Comma-separated predicates to score (default: those in the gold files).")
@click.option("--show", is_flag=True, help="List missed and wrong facts with their sentences.")
@click.option("--by-document", is_flag=True, help="Add one row of figures per document.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of tables.")
@click.option("--no-model", is_flag=True, help="Extract with the rule-only pipeline (no spaCy model).")
@click.option(
    "--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Processes that extract."
)
def evaluate(
    paths: tuple[str, ...],
    golds: tuple[str, ...],
    preds: tuple[str, ...],
    predicates: str | None,
    show: bool,
    by_document: bool,
    as_json: bool,
    no_model: bool,
    jobs: int,
) -> None:
    """Score extraction against gold annotations: extract PATHS (articles or folders) and compare.

    Gold files (`*.gold.json`) and prediction files (`*.jsonl`, as `extract` writes them) may also be
    given among PATHS, so `--gold dir/*.gold.json` works in a shell; a folder gives both its articles
    and its gold files. With predictions, nothing is extracted: they are scored as they are.
    """
    from ocgraph.errors import InputError
    from ocgraph.loaders import jsonl, scoring
    from ocgraph.loaders.gold import SUFFIX, read_all_gold

    folders = [p for p in paths if Path(p).is_dir()]
    gold_paths = [*golds, *(p for p in paths if p.endswith(SUFFIX)), *folders]
    pred_paths = [*preds, *(p for p in paths if p.endswith(".jsonl"))]
    docs = [p for p in paths if not p.endswith((SUFFIX, ".jsonl")) and not (pred_paths and p in folders)]
    if not gold_paths:
        raise InputError("no gold annotations given (--gold FILE or a folder of *.gold.json)")
    if docs and pred_paths:
        raise InputError("give articles to extract or predictions to score, not both")
    if not docs and not pred_paths:
        raise InputError("nothing to score: give articles (or folders) to extract, or --pred FILE")
    with warnings_as_lines():
        gold = read_all_gold(gold_paths)
    errors: list[str] = []
    if pred_paths:
        entities, relations = jsonl.read(pred_paths)
    else:
        entities, relations = jsonl.group(_extract(docs, no_model, jobs, errors))
    chosen = [p.strip() for p in predicates.split(",")] if predicates else None
    result = scoring.score(gold, entities, relations, chosen)
    figures = scoring.summary(result)
    if as_json:
        if show:
            figures["missed"] = [f.__dict__ for f in result.missed]
            figures["wrong"] = [f.__dict__ for f in result.wrong]
        click.echo(json.dumps(figures, ensure_ascii=False))
    else:
        _print(figures, result, show, by_document)
    unscored = sorted({d for d in entities} - set(gold))
    if unscored:
        click.echo(f"warning: no gold for {len(unscored)} document(s): {', '.join(unscored)}", err=True)
    for line in errors:
        click.echo(f"error: {line}", err=True)
    if errors:
        sys.exit(1)


def _extract(docs: list[str], no_model: bool, jobs: int, errors: list[str]):
    """The records `extract` writes for these articles (entities resolved across them)."""
    from ocgraph.loaders.text import extract_all, resolved_records

    notes: list[str] = []
    with warnings_as_lines():
        found = extract_all(docs, errors, notes, model=None if no_model else "default", jobs=jobs)
        graphs = [(doc.name, graph) for doc, graph in found]
    return resolved_records(graphs)


def _table(rows: dict[str, dict], total: dict, label: str) -> None:
    width = max([len(label), 5, *map(len, rows)])
    click.echo(f"{label:{width}} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for name, v in [*rows.items(), ("ALL", total)]:
        click.echo(
            f"{name:{width}} {v['precision']:6.2f} {v['recall']:6.2f} {v['f1']:6.2f} "
            f"{v['tp']:4} {v['fp']:4} {v['fn']:4}"
        )


def _print(figures: dict, result, show: bool, by_document: bool) -> None:
    _table(figures["by_predicate"], figures, "predicate")
    click.echo(
        f"entities in gold relations found: {figures['entity_recall']:.2f}, "
        f"typed correctly: {figures['entity_type_accuracy']:.2f}"
    )
    cross = figures["cross_document"]
    multi, split = cross["entities_in_several_documents"], cross["split"]
    share = f" ({split / multi:.0%})" if multi else ""
    click.echo(
        f"across documents: {multi} gold entities found in 2+ documents, {split} split over several "
        f"ids{share}; {len(cross['merged_ids'])} id(s) merge different gold entities"
    )
    if by_document:
        click.echo()
        _table(figures["by_document"], figures, "document")
    if show:
        for gid, ids in cross["split_entities"].items():
            click.echo(f"split: {gid} -> {', '.join(ids)}")
        for pid, gids in cross["merged_ids"].items():
            click.echo(f"merged: {pid} <- {', '.join(gids)}")
        click.echo("\nmissed:")
        for f in result.missed:
            click.echo(f"  {f.document}: {f.subject} -{f.predicate}-> {f.object}")
            if f.sentence:
                click.echo(f'      "{f.sentence}"')
        click.echo("\nwrong:")
        for f in result.wrong:
            click.echo(f"  {f.document}: {f.subject} -{f.predicate}-> {f.object}  [{f.rule or '?'}]")
            if f.sentence:
                click.echo(f'      "{f.sentence}"')


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--gold", "golds", multiple=True, type=click.Path(), help="Gold file or folder (repeatable).")
@click.option(
    "--decisions", type=click.Path(exists=True, dir_okay=False), help="Review decisions to learn from too."
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True, help="Model file to write.")
def train(paths: tuple[str, ...], golds: tuple[str, ...], decisions: str | None, output: str) -> None:
    """Train the scorer of candidate facts on annotated articles (and analysts' review decisions).

    PATHS are articles or folders; a folder's gold files are read too. The model (JSON) is used by
    extraction when OCGRAPH_FACT_MODEL names it; `make train` rebuilds the one ocgraph ships.
    """
    from ocgraph.errors import InputError
    from ocgraph.graph import review
    from ocgraph.graph.store import atomic_output
    from ocgraph.loaders.gold import SUFFIX, read_all_gold
    from ocgraph.loaders.spacy_extractor import SpacyExtractor
    from ocgraph.loaders.training import train as fit

    gold_paths = [*golds, *(p for p in paths if p.endswith(SUFFIX) or Path(p).is_dir())]
    docs = [p for p in paths if not p.endswith(SUFFIX)]
    if not gold_paths and not decisions:
        raise InputError("nothing to learn from: give gold files (or folders of them) or --decisions FILE")
    gold = read_all_gold(gold_paths) if gold_paths else {}
    with warnings_as_lines():
        extractor = SpacyExtractor(fact_model=None)
    verdicts = review.read(Path(decisions)) if decisions else []
    model, report, errors = fit(docs, gold, extractor, verdicts)
    with atomic_output(output) as out:
        out.write(model.to_json().encode("utf-8"))
    oof = report["out_of_fold"]
    click.echo(
        f"trained on {report['examples']} candidates ({report['positives']} right); out of fold: "
        f"P {oof['precision']:.2f} R {oof['recall']:.2f} F1 {oof['f1']:.2f} at cut-offs "
        f"{oof['backed_cut']} (backed) and {oof['pair_cut']} (pairs); wrote {output}"
    )
    for line in errors:
        click.echo(f"error: {line}", err=True)
    if errors:
        sys.exit(1)
