"""Gold annotations of articles: reading, checking and name folding for `ocgraph evaluate`."""

from __future__ import annotations

import json
import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ocgraph import ontology
from ocgraph.errors import InputError
from ocgraph.ontology import OntologyError

SUFFIX = ".gold.json"
QUOTES = re.compile(r"[\u2018\u2019\u201c\u201d'\"`´]")


def fold(name: object) -> str:
    """A name as the scorer compares it: no accents, case, quotes or punctuation, no leading "the".

    >>> fold("the Cártel de Jalisco “Nueva Generación”")
    'cartel de jalisco nueva generacion'
    >>> fold("U.S. State Department") == fold("US State Department")
    False
    """
    s = unicodedata.normalize("NFKD", str(name))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = QUOTES.sub("", s)
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    return re.sub(r"^the ", "", s)


@dataclass(frozen=True)
class GoldRelation:
    subject: str
    predicate: str
    object: str
    evidence: str = ""


@dataclass
class GoldDocument:
    """One annotated article: its entities (id -> type, names) and its certain and uncertain facts."""

    document: str  # the article's file name, which predictions name in their "doc" field
    path: Path
    types: dict[str, str] = field(default_factory=dict)
    names: dict[str, list[str]] = field(default_factory=dict)
    relations: list[GoldRelation] = field(default_factory=list)
    uncertain: list[GoldRelation] = field(default_factory=list)

    def name_index(self) -> dict[str, set[str]]:
        """Folded name -> the gold ids that carry it (more than one id: the name is ambiguous)."""
        index: dict[str, set[str]] = {}
        for gid, names in self.names.items():
            for n in names:
                index.setdefault(fold(n), set()).add(gid)
        return index


def gold_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The gold files named, a folder standing for every `*.gold.json` in it (sorted)."""
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(p.glob(f"*{SUFFIX}"))
        else:
            yield p


def read_gold(path: Path) -> GoldDocument:
    """One gold file, checked: InputError naming the file and the first problem found."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{path}: cannot read gold file: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not JSON: {exc.msg} (line {exc.lineno})") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("entities"), list):
        raise InputError(f"{path}: not a gold file: an object with an 'entities' list is needed")
    name = raw.get("document") or path.name.removesuffix(SUFFIX) + ".txt"
    gold = GoldDocument(Path(str(name)).name, path)
    onto = ontology.load()
    for n, e in enumerate(raw["entities"], 1):
        where = f"{path}: entity {n}"
        if not isinstance(e, dict) or not e.get("id"):
            raise InputError(f"{where}: no id")
        gid = str(e["id"])
        try:
            onto.node_type(str(e.get("type")))
        except OntologyError as exc:
            raise InputError(f"{where} ({gid}): {exc}") from None
        names = e.get("names")
        if not isinstance(names, list) or not names or not all(isinstance(x, str) for x in names):
            raise InputError(f"{where} ({gid}): 'names' must be a non-empty list of strings")
        if gid in gold.types:
            raise InputError(f"{where}: id {gid!r} is declared twice")
        gold.types[gid], gold.names[gid] = str(e["type"]), names
    gold.relations = _relations(raw.get("relations", []), "relation", gold, check_range=True)
    gold.uncertain = _relations(raw.get("uncertain", []), "uncertain relation", gold, check_range=False)
    return gold


def _relations(items: Any, what: str, gold: GoldDocument, check_range: bool) -> list[GoldRelation]:
    if not isinstance(items, list):
        raise InputError(f"{gold.path}: '{what}s' must be a list")
    out = []
    for n, r in enumerate(items, 1):
        where = f"{gold.path}: {what} {n}"
        if not isinstance(r, dict):
            raise InputError(f"{where}: not an object")
        try:
            pred = ontology.predicate(str(r.get("predicate")))
        except OntologyError as exc:
            raise InputError(f"{where}: {exc}") from None
        for end in ("subject", "object"):
            if r.get(end) not in gold.types:
                raise InputError(f"{where}: {end} {r.get(end)!r} is not an entity id of this file")
        s, o = str(r["subject"]), str(r["object"])
        if check_range and not pred.allows(gold.types[s], gold.types[o]):
            # the fact cannot be predicted in the ontology; scored all the same, as the user wrote it
            warnings.warn(
                f"{where}: {s} ({gold.types[s]}) -{pred.name}-> {o} ({gold.types[o]}) breaks the "
                "ontology's domain or range",
                stacklevel=2,
            )
        out.append(GoldRelation(s, pred.name, o, str(r.get("evidence", ""))))
    return out


def read_all_gold(paths: Iterable[str | Path]) -> dict[str, GoldDocument]:
    """Gold files by the article they annotate; two files for one article is an error."""
    docs: dict[str, GoldDocument] = {}
    for path in gold_files(paths):
        gold = read_gold(path)
        if gold.document in docs:
            raise InputError(f"{path}: {gold.document} is already annotated by {docs[gold.document].path}")
        docs[gold.document] = gold
    if not docs:
        raise InputError("no gold files found (give *.gold.json files or folders holding them)")
    return docs
