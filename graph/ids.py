"""Deterministic ids: the same name and type give the same id in every run and every document."""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from ocgraph import ontology

_QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\u00ad": ""}
)


# Names recur across thousands of documents and every merge folds them again: a third of the
# store ingest's time went here before the cache (bench/store_ingest.py).
@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Fold a name for matching: no accents, no case, quotes and punctuation reduced to spaces.

    >>> fold("Joaquín “El Chapo” Guzmán")
    'joaquin el chapo guzman'
    >>> fold("U.S. Treasury Department's")
    'us treasury departments'
    """
    text = text.translate(_QUOTES)
    if not text.isascii():  # plain ASCII has no accents to strip (half of resolution's time was here)
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.casefold()
    # dots and apostrophes join their neighbours ("U.S." -> "us"); every other mark separates
    text = re.sub(r"[.'`´]", "", text)
    return " ".join(re.findall(r"[^\W_]+", text))


def closest(name: str, candidates: Iterable[tuple[str, Iterable[str]]], n: int = 5) -> list[str]:
    """Names to suggest when `name` matched nothing: those holding all its words, then look-alikes.

    `candidates` are (name to show, its names and aliases) pairs; a folded label two candidates
    share goes to the first.

    >>> people = [("Ismael Zambada García", ["Ismael Zambada García", "El Mayo"]),
    ...           ("Vicente Zambada Niebla", ["Vicente Zambada Niebla"]),
    ...           ("Joaquín Guzmán Loera", ["Joaquín Guzmán Loera", "El Chapo"])]
    >>> closest("Zambada", people)
    ['Ismael Zambada García', 'Vicente Zambada Niebla']
    >>> closest("El Chap", people), closest("Nobody", people)
    (['Joaquín Guzmán Loera', 'Ismael Zambada García'], [])
    """
    labels: dict[str, str] = {}
    for shown, names in candidates:
        for label in names:
            labels.setdefault(fold(label), shown)
    key = fold(name)
    words = set(key.split())
    holding = sorted({shown for label, shown in labels.items() if words and words <= set(label.split())})
    alike = difflib.get_close_matches(key, list(labels), n=8, cutoff=0.5)
    return list(dict.fromkeys([*holding, *(labels[a] for a in alike)]))[:n]


def slug(text: str) -> str:
    """A readable id part: the folded name with hyphens.

    >>> slug("Ismael Zambada García")
    'ismael-zambada-garcia'
    """
    return fold(text).replace(" ", "-") or "unnamed"


def digest(*parts: str, size: int = 16) -> str:
    """A short, stable hex digest of the parts (sha256, parts joined by a separator no text holds)."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:size]


def entity_id(type_name: str, name: str, key: str | None = None) -> str:
    """The id of an entity: its type's prefix and the slug of its canonical name.

    `key` tells apart two entities of the same type and name (a date of birth, an OFAC entry
    number); it adds a short digest so the id stays stable.

    >>> entity_id("Person", "Joaquín Guzmán Loera")
    'person/joaquin-guzman-loera'
    >>> entity_id("Person", "Juan Pérez", key="1970-01-01")
    'person/juan-perez-85c14296'
    """
    prefix = ontology.node_type(type_name).id_prefix
    base = f"{prefix}/{slug(name)}"
    return f"{base}-{digest(key, size=8)}" if key else base


def document_id(content: bytes) -> str:
    """The id of a document: a digest of its bytes, so re-reading the same file gives the same id."""
    return "doc/" + hashlib.sha256(content).hexdigest()[:16]


def relation_id(subject: str, predicate: str, object: str) -> str:
    """The id of a relation; for symmetric predicates the caller passes the ends in sorted order."""
    return "rel/" + digest(subject, predicate, object)
