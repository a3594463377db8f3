"""Search over names and aliases: folded (no case, accents or punctuation) and tolerant of typos."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from ocgraph.graph.ids import fold
from ocgraph.graph.model import Entity

# a fuzzy match needs this WRatio score (0-100): "el myo" finds "El Mayo", "zambda" finds Zambada
CUTOFF = 78
WORD_CUTOFF = 75  # fuzz.ratio of one word to a word of a name: "garsia" and "garcia" score 83
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
    >>> [h.entity.name for h in index.search("Zambda Garsia")]
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
        self.vocabulary: dict[str, list[int]] = {}  # each word of the names: the names that hold it
        for i, words in enumerate(self.words):
            for word in words:
                self.vocabulary.setdefault(word, []).append(i)
        self.vocabulary_words = list(self.vocabulary)

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
        for i, score in self._word_by_word(words).items():
            offer(i, min(score, 90.0))
        hits = sorted(
            best.values(),
            key=lambda h: (_LAST.get(h.entity.type, 0), -h.score, fold(h.entity.name), h.entity.id),
        )
        return hits[:limit]

    def _word_by_word(self, words: set[str]) -> dict[int, float]:
        """Names in which every word of the query has a look-alike ("zambda garsia" and Zambada García).

        Each query word is matched against the names' vocabulary (one-letter slips in a long word
        pass, short words must be spelled right); a name's score is its words' mean similarity.
        """
        found: dict[int, list[float]] = {}
        for n, word in enumerate(sorted(words)):
            cutoff = WORD_CUTOFF if len(word) >= 4 else 100
            near: dict[int, float] = {}
            for _w, score, j in process.extract(
                word, self.vocabulary_words, scorer=fuzz.ratio, limit=50, score_cutoff=cutoff
            ):
                for i in self.vocabulary[self.vocabulary_words[j]]:
                    near[i] = max(near.get(i, 0.0), score)
            found = {i: [*found.get(i, []), s] for i, s in near.items() if n == 0 or i in found}
        return {i: sum(scores) / len(scores) for i, scores in found.items()}
