"""Search over names and aliases: folded (no case, accents or punctuation) and tolerant of typos."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from ocgraph.graph.ids import fold
from ocgraph.graph.model import Entity

# a fuzzy match needs this WRatio score (0-100): "el myo" finds "El Mayo", "zambda" finds Zambada
CUTOFF = 78
# documents are sources, not actors: they come after actors that match as well
_LAST = {"Document": 1}


@dataclass(frozen=True)
class Hit:
    """One entity found: the name or alias that matched and how well (100 = the same folded name)."""

    entity: Entity
    matched: str
    score: float


class NameIndex:
    """Every name and alias of a graph's entities, folded once.

    Examples
    --------
    >>> from ocgraph.graph.model import KnowledgeGraph
    >>> kg = KnowledgeGraph()
    >>> _ = kg.add_entity("Person", "Ismael Zambada García", aliases=["El Mayo"])
    >>> _ = kg.add_entity("Person", "Joaquín Guzmán Loera", aliases=["El Chapo"])
    >>> index = NameIndex(kg.entities.values())
    >>> [(h.entity.name, h.matched, h.score) for h in index.search("el mayo")]
    [('Ismael Zambada García', 'El Mayo', 100.0)]
    >>> [h.entity.name for h in index.search("Zambda Garcia")]
    ['Ismael Zambada García']
    """

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.labels: list[str] = []
        self.names: list[tuple[Entity, str]] = []
        for entity in entities:
            for name in entity.names():
                self.labels.append(fold(name))
                self.names.append((entity, name))
        self.words = [frozenset(label.split()) for label in self.labels]

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        """The entities whose names match `query` best: exact, then prefix, then words, then fuzzy."""
        key = fold(query)
        if not key:
            return []
        words = set(key.split())
        best: dict[str, Hit] = {}

        def offer(i: int, score: float) -> None:
            entity, name = self.names[i]
            if entity.id not in best or score > best[entity.id].score:
                best[entity.id] = Hit(entity, name, round(float(score), 1))

        for i, label in enumerate(self.labels):
            if label == key:
                offer(i, 100.0)
            elif label.startswith(key):
                offer(i, 96.0)
            elif words <= self.words[i]:
                offer(i, 92.0)
        for _label, score, i in process.extract(
            key, self.labels, scorer=fuzz.WRatio, limit=limit * 4, score_cutoff=CUTOFF
        ):
            offer(i, min(score, 90.0))  # a fuzzy match never outranks a spelled one
        hits = sorted(
            best.values(),
            key=lambda h: (_LAST.get(h.entity.type, 0), -h.score, fold(h.entity.name), h.entity.id),
        )
        return hits[:limit]
