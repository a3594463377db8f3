"""Shared helpers for the extractor tests: one spaCy pipeline per process, facts as readable triples."""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

from ocgraph import ontology
from ocgraph.graph.model import KnowledgeGraph
from ocgraph.loaders.documents import read_document
from ocgraph.loaders.spacy_extractor import MODEL, SpacyExtractor


@cache
def extractor(model: str | None = MODEL) -> SpacyExtractor:
    return SpacyExtractor(model=model)


def extract(text: str, name: str = "article.txt", model: str | None = MODEL) -> KnowledgeGraph:
    """The graph of `text`, read from a real file as the CLI would."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_text(text, encoding="utf-8")
        return extractor(model).extract(read_document(path))


def facts(kg: KnowledgeGraph, *predicates: str) -> set[tuple[str, str, str]]:
    """(subject name, predicate, object name); symmetric ones with the names in sorted order."""
    out = set()
    for rel in kg.relations.values():
        if predicates and rel.predicate not in predicates:
            continue
        s, o = kg.entities[rel.subject].name, kg.entities[rel.object].name
        if ontology.predicate(rel.predicate).symmetric:
            s, o = sorted((s, o))
        out.add((s, rel.predicate, o))
    return out


def subjects(kg: KnowledgeGraph, predicate: str, obj: str) -> set[str]:
    """The names of the actors that stand in `predicate` to the actor named `obj`."""
    return {s for s, _, o in facts(kg, predicate) if o == obj}


def relation(kg: KnowledgeGraph, subject: str, predicate: str, obj: str):
    """The one relation between the named actors."""
    found = [
        r
        for r in kg.relations.values()
        if r.predicate == predicate
        and {kg.entities[r.subject].name, kg.entities[r.object].name} == {subject, obj}
    ]
    assert len(found) == 1, found
    return found[0]


def types(kg: KnowledgeGraph) -> dict[str, str]:
    return {e.name: e.type for e in kg.entities.values() if e.type != "Document"}
