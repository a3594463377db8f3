"""A curated gazetteer of well-known actors: names, aliases, types and the public source of each."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ocgraph import ontology
from ocgraph.errors import InputError

RESOURCE = "data/gazetteer.jsonl"


@dataclass(frozen=True)
class Entry:
    """One curated actor: type, canonical name, aliases, demonyms (states), parent body and source."""

    type: str
    name: str
    aliases: tuple[str, ...]
    source: str
    demonyms: tuple[str, ...] = ()
    parent: str | None = None

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def strip_accents(text: str) -> str:
    """`text` without combining accents ("Mérida" -> "Merida"), same length for Latin text."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def parse(lines: Iterator[str], where: str) -> list[Entry]:
    """Entries from JSON Lines; a bad line raises InputError naming `where` and the line."""
    entries = []
    types = ontology.load().types
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            entry = Entry(
                type=raw["type"],
                name=raw["name"],
                aliases=tuple(raw.get("aliases", ())),
                source=raw["source"],
                demonyms=tuple(raw.get("demonyms", ())),
                parent=raw.get("parent"),
            )
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(f"{where}:{number}: not a gazetteer entry ({exc})") from None
        if entry.type not in types or not entry.source.strip():
            raise InputError(f"{where}:{number}: unknown type {entry.type!r} or empty source")
        entries.append(entry)
    return entries


@cache
def load() -> tuple[Entry, ...]:
    """The gazetteer shipped with ocgraph (read once per process)."""
    text = resources.files("ocgraph.loaders").joinpath(RESOURCE).read_text(encoding="utf-8")
    return tuple(parse(iter(text.splitlines()), RESOURCE))


class Gazetteer:
    """Finds curated names in text, case-sensitively, with or without accents.

    Examples
    --------
    >>> gaz = Gazetteer()
    >>> [(m.group(0), gaz.entry_for(m.group(0)).name) for m in gaz.finditer("the Merida Initiative and OFAC")]
    [('Merida Initiative', 'Mérida Initiative'), ('OFAC', 'Office of Foreign Assets Control')]
    """

    def __init__(self, entries: tuple[Entry, ...] | None = None) -> None:
        self.entries = load() if entries is None else entries
        self._by_surface: dict[str, Entry] = {}
        self.demonyms: dict[str, Entry] = {}
        for entry in self.entries:
            for name in entry.names():
                for variant in {name, strip_accents(name)}:
                    self._by_surface.setdefault(variant, entry)
            for demonym in entry.demonyms:
                for variant in {demonym, strip_accents(demonym)}:
                    self.demonyms.setdefault(variant, entry)
        # matched without accents, so a name written with some of its accents ("Cartel de Jalisco Nueva
        # Generación" for "Cártel de Jalisco Nueva Generación") is found too
        surfaces = sorted(
            {strip_accents(s) for s in (*self._by_surface, *self.demonyms)}, key=lambda s: (-len(s), s)
        )
        self._pattern = re.compile(r"(?<![\w.-])(?:" + "|".join(map(re.escape, surfaces)) + r")(?![\w-])")

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Every longest, non-overlapping curated name in `text`: offsets into `text`, `group(0)` the
        name without accents (read the surface as written from `text`)."""
        plain = strip_accents(text)
        return self._pattern.finditer(plain if len(plain) == len(text) else text)

    def entry_for(self, surface: str) -> Entry | None:
        """The entry a surface form belongs to (exact, then without accents)."""
        return self._by_surface.get(surface) or self._by_surface.get(strip_accents(surface))

    def by_name(self, name: str) -> Entry | None:
        """The entry whose canonical name is `name`."""
        return next((e for e in self.entries if e.name == name), None)
