"""Facts between two names one of which modifies the other: "the Justice Department's Criminal Division"
(part_of), "the Department of State's Narcotics Rewards Program" (party_to), "the Miami Division of the
DEA"; what each pair of types states is declared with the frames (loaders/data/frames.yaml, `links`)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from ocgraph.loaders.frames import load_raw
from ocgraph.loaders.relations import Fact
from ocgraph.loaders.syntax import Binder, conjuncts

APOSTROPHES = ("'", "’")


def _plural_possessive(token: Any) -> bool:
    """A name ending in "s" and an apostrophe, which the parser reads as a modifier ("the Rastrojos'
    Javier Calle Serna")."""
    doc = token.doc
    return (
        token.dep_ == "nmod"
        and token.i + 1 < len(doc)
        and doc[token.i + 1].text in APOSTROPHES
        and token.lower_.endswith("s")
        and not token.whitespace_
    )


@cache
def links() -> tuple[dict[str, Any], ...]:
    return tuple(load_raw().get("links", []))


def link_facts(sentence: Any, binder: Binder) -> Iterator[Fact]:
    """The facts of every possessive ("A's B") and "of" phrase ("B of A") between two names."""
    for token in sentence:
        owned = binder.covering(token)
        if owned is None or owned.source == "coref" or not _root(token, owned, binder):
            continue
        for child in token.children:
            if binder.covering(child) is owned:
                continue  # "of the Treasury" inside "Department of the Treasury"
            if child.dep_ == "poss" or _plural_possessive(child):
                owner, how = binder.covering(child), "poss"
                between = token.doc[child.i + 1 : token.i]
                if owner is not None and any(
                    binder.covering(t) is not owned
                    and t.dep_ != "case"
                    and t.text not in APOSTROPHES
                    and not _owners_acronym(t, owner, binder)
                    for t in between
                ):
                    continue  # "the FBI's Field Office and HSI": the possessive is the first name's
            elif child.dep_ == "prep" and child.lower_ == "of":
                # "“Los Chapitos” and “El Mayo” of X and Y, alias Z, of W": W is not Los Chapitos', though
                # the parser hangs it there; "the brothers Dario and Juan de Dios, of the Urabeños" share it
                listed = [binder.covering(t) for t in conjuncts(token)]
                between = token.doc[token.i + 1 : child.i]
                if any(
                    (m := binder.covering(t)) is not None
                    and m.keys != owned.keys
                    and all(m is not x for x in listed)
                    for t in between
                ):
                    continue
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                owner, how = (binder.covering(obj) if obj is not None else None), "of"
            else:
                continue
            if owner is None or owner is owned or owner.source == "coref" or owner.demonym:
                continue
            yield from _facts(owned, owner, how, binder)


def _owners_acronym(token: Any, owner: Any, binder: Binder) -> bool:
    """Whether a token is the owner's acronym in brackets after its possessive ("the Drug Enforcement
    Administration’s (DEA) Washington Field Division"), or one of those brackets."""
    if token.text in "()":
        return True
    m = binder.covering(token)
    return m is not None and m.keys == owner.keys


def _root(token: Any, m: Any, binder: Binder) -> bool:
    """Whether the token heads its name (the name's other tokens hang on it)."""
    return binder.covering(token.head) is not m or token.head.i == token.i


def _facts(owned: Any, owner: Any, how: str, binder: Binder) -> Iterator[Fact]:
    for ko in owner.keys:
        for kd in owned.keys:
            a, b = binder.types.get(ko), binder.types.get(kd)
            for link in links():
                if a in link["owner"] and b in link["owned"] and ko != kd:
                    s, o = (kd, ko) if link["subject"] == "owned" else (ko, kd)
                    yield Fact(s, link["predicate"], o, 0.85, f"link:{how}")
                    break
