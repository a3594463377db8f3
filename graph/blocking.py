"""Blocking for entity resolution: which pairs of entities are worth comparing, from their name keys."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from ocgraph.graph.ids import fold
from ocgraph.graph.model import KnowledgeGraph
from ocgraph.graph.names import FAMILY, Profile, block_keys, person_keys

__all__ = ["MAX_BLOCK", "Blocking"]

# A key shared by more entities than this ("jose luis" of a million-name list) blocks nothing
# useful and would cost a quadratic number of comparisons; it is skipped (Blocking.skipped counts).
MAX_BLOCK = 200

Entry = tuple[str, str, str]  # (entity id, role, word) under one key: see names.block_keys


class Blocking:
    """The candidate pairs of a graph: all of them, or those a write's entities take part in."""

    def __init__(self, kg: KnowledgeGraph, profile: Callable[[str], Profile]) -> None:
        self.kg, self.profile = kg, profile
        self.keys: dict[str, list[Entry]] = {}
        self.skipped = 0
        self._index: dict[tuple, set[str]] | None = None

    def pairs(self, focus: Iterable[str] | None = None) -> tuple[list[tuple[str, str]], set[str] | None]:
        """Sorted candidate pairs, and the entities whose candidates were all paired (None: every one).

        With `focus` (a write's new or renamed entities), pairs involve the focus or an entity that
        shares a key with it: those neighbours' own candidates are paired too, so a nickname is not
        taken for unique when another actor outside the write also bears it.
        """
        if focus is not None and not (focus := {e for e in focus if self._resolvable(e)}):
            return [], set()
        if focus is not None and len(focus) * 20 > len(self.kg.entities):
            focus = None  # a write that touches much of the graph: comparing everything is cheaper
        blocks = self._blocks(self._candidates(focus))
        if focus is None:
            return self._pairs(blocks, None), None
        near = set(focus)
        for eid in focus:
            for key, _, _ in self._keys(eid):
                if len(blocks[key]) <= MAX_BLOCK:
                    near.update(e for e, _, _ in blocks[key])
        blocks = self._blocks(self._candidates(near))
        wanted = {key for eid in near for key, _, _ in self._keys(eid)}
        return self._pairs({key: blocks[key] for key in sorted(wanted)}, near), near

    def _resolvable(self, eid: str) -> bool:
        # a write may add a Document (the source of an analyst's fact): documents are never resolved
        return eid in self.kg.entities and self.kg.entities[eid].type in FAMILY

    def _blocks(self, ids: list[str]) -> dict[tuple, list[Entry]]:
        blocks: dict[tuple, list[Entry]] = defaultdict(list)
        for eid in ids:
            for key, role, word in self._keys(eid):
                blocks[key].append((eid, role, word))
        return blocks

    def _candidates(self, focus: set[str] | None) -> list[str]:
        """The entities to block: all of them, or (for a write) those a focus entity could match.

        Two entities match only when they share a blocking key; people's keys come from their
        folded words alone, so people who share none with the focus are never profiled.
        """
        if focus is None:
            return sorted(e.id for e in self.kg.entities.values() if e.type in FAMILY)
        if self._index is None:
            self._index = defaultdict(set)
            for e in self.kg.entities.values():
                if e.type in FAMILY:
                    for hook in self._hooks_of(e.id):
                        self._index[hook].add(e.id)
        out = set(focus)
        for eid in focus:
            for hook in self._hooks_of(eid):
                out.update(self._index.get(hook, ()))
        return sorted(out)

    def _hooks_of(self, eid: str) -> list[tuple]:
        e = self.kg.entities[eid]
        if e.type == "Person":  # the keys of names.block_keys, from the words alone (no profile)
            return [key for name in e.names() if (w := fold(name).split()) for key, _, _ in person_keys(w)]
        return [key for key, _, _ in self._keys(eid)]

    def _keys(self, eid: str) -> list[Entry]:
        if eid not in self.keys:
            self.keys[eid] = sorted(set(block_keys(self.profile(eid))))
        return self.keys[eid]

    def _pairs(self, blocks: dict, near: set[str] | None) -> list[tuple[str, str]]:
        """Candidate pairs, by the roles of names.block_keys; a block too big to pair is skipped."""
        pairs: set[tuple[str, str]] = set()

        def add(xs: list[str], ys: list[str] | None = None) -> None:
            if len(xs) > MAX_BLOCK or (ys is not None and len(ys) > MAX_BLOCK):
                self.skipped += 1
                return
            for i, x in enumerate(xs):
                for y in xs[i + 1 :] if ys is None else ys:
                    if x != y and (near is None or x in near or y in near):
                        pairs.add((x, y) if x < y else (y, x))

        for entries in blocks.values():
            if len(entries) < 2:
                continue
            by_role = defaultdict(list)
            for eid, role, word in entries:
                by_role[role].append((eid, word))
            same = [e for e, _ in by_role["="]]
            add(same)
            add([e for e, _ in by_role["~"]], same)
            acronyms = [e for e, _ in by_role["a"]]
            add(acronyms)
            add(acronyms, [e for e, _ in by_role["i"]])
            typos = defaultdict(list)  # words one edit apart share a word with one letter deleted
            for eid, word in by_role["-"]:
                for k in {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}:
                    typos[k].append(eid)
            for group in typos.values():
                add(sorted(set(group)))
        return sorted(pairs)
