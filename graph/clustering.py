"""Which entities are one actor: blocking on name keys, scored pairs, then clusters that respect vetoes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ocgraph import ontology
from ocgraph.graph.blocking import Blocking
from ocgraph.graph.matching import CORROBORATION, SHORTER, THRESHOLD, WEAK, Match, compare, keep_apart
from ocgraph.graph.merging import Links
from ocgraph.graph.model import KnowledgeGraph
from ocgraph.graph.names import Profile, profile

__all__ = ["Clusters", "fits", "specific"]


def specific(type_name: str) -> int:
    """0 for the more specific types; Organization (a sanctions list's catch-all) yields to them."""
    return 1 if type_name == "Organization" else 0


def fits(kg: KnowledgeGraph, links: Links, x: str, y: str) -> bool:
    """Whether the relations of `x` and `y` all stay allowed once the two are one node of the more
    specific type (an Organization "part of" a ministry cannot become a crime group)."""
    tx, ty = kg.entities[x].type, kg.entities[y].type
    if tx == ty:
        return True
    eid, new_type = (x, ty) if specific(tx) else (y, tx)
    predicates = ontology.load().predicates
    for rel in links.of(eid):
        s = new_type if rel.subject == eid else kg.entities[rel.subject].type
        o = new_type if rel.object == eid else kg.entities[rel.object].type
        if not predicates[rel.predicate].allows(s, o):
            return False
    return True


class Clusters:
    """Union-find over the entities of one graph, joined only when no two members are kept apart."""

    def __init__(self, kg: KnowledgeGraph, links: Links, apart: Iterable[tuple[str, str]] = ()) -> None:
        self.kg, self.links = kg, links
        self.apart = {frozenset(p) for p in apart}
        self.parent: dict[str, str] = {}
        self.members: dict[str, list[str]] = {}
        self.edges: list[tuple[str, str, Match]] = []
        self.profiles: dict[str, Profile] = {}
        self.skipped_blocks = 0

    def profile(self, eid: str) -> Profile:
        if eid not in self.profiles:
            self.profiles[eid] = profile(self.kg.entities[eid])
        return self.profiles[eid]

    def find(self, eid: str) -> str:
        root = eid
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while eid != root:
            self.parent[eid], eid = root, self.parent[eid]
        return root

    # -- what keeps two entities apart --------------------------------------------------------
    def vetoed(self, x: str, y: str) -> bool:
        a, b = self.profile(x), self.profile(y)
        if frozenset((x, y)) in self.apart or keep_apart(a, b) or self.links.related(x, y):
            return True
        if not fits(self.kg, self.links, x, y):
            return True
        return self._parents_differ(x, y)

    def _parents_differ(self, x: str, y: str) -> bool:
        px, py = self.links.parents(x), self.links.parents(y)
        if not px or not py:
            return False
        for p in px:
            for q in py:
                if self.find(p) == self.find(q):
                    return False
                m = compare(self.profile(p), self.profile(q))
                if m is not None and m.score >= THRESHOLD:  # two records of one parent
                    return False
        return True

    # -- joining -------------------------------------------------------------------------------
    def join(self, x: str, y: str, match: Match) -> bool:
        """Join the clusters of x and y unless two of their members are kept apart."""
        rx, ry = self.find(x), self.find(y)
        if rx == ry:
            return False
        mx, my = self.members.get(rx, [rx]), self.members.get(ry, [ry])
        if any(self.vetoed(a, b) for a in mx for b in my):
            return False
        root, other = min(rx, ry), max(rx, ry)
        self.parent[other] = root
        self.members[root] = sorted(mx + my)
        self.members.pop(other, None)
        self.edges.append((x, y, match))
        return True

    def run(self, focus: Iterable[str] | None = None) -> None:
        """Compare `focus` (default: every entity) with whatever shares a name key, and join matches."""
        blocking = Blocking(self.kg, self.profile)
        pairs, near = blocking.pairs(focus)
        self.skipped_blocks = blocking.skipped
        strong, weak, shorter = [], defaultdict(list), []
        for x, y in pairs:
            m = compare(self.profile(x), self.profile(y))
            if m is not None and SHORTER <= m.score < WEAK:
                shorter.append((x, y, m))
            if m is None or m.score < WEAK:
                continue
            if m.score >= THRESHOLD:
                strong.append((-m.score, x, y, m))
                continue
            # the side of the short form keeps a weak match; a typo has no short side: both keep it
            if m.short in (0, 1):
                weak[x].append((y, m))
            if m.short in (0, 2):
                weak[y].append((x, m.swapped()))
        for _, x, y, m in sorted(strong, key=lambda t: t[:3]):
            self.join(x, y, m)
        for x, y, m in shorter:
            shared = self._shared_neighbour(x, y)
            if shared:
                score = min(1.0, round(m.score + CORROBORATION, 2))
                self.join(x, y, Match(score, f"{m.rule}, {shared}", m.name_a, m.name_b, m.short))
        # a nickname or an acronym joins only the one actor it can stand for, and a spelling variant
        # only when each side fits the other alone (only an entity whose every candidate was
        # compared can tell: all of them, or those near a write)
        chosen = []
        for x in sorted(weak if near is None else weak.keys() & near):
            roots = self._roots(weak[x], x)
            if len(roots) == 1:
                y, m = min(((y, m) for y, m in weak[x] if self.find(y) in roots), key=lambda t: t[0])
                if m.short == 0 and (y not in weak or self._roots(weak[y], y) != {self.find(x)}):
                    continue
                chosen.append((x, y, m))
        for x, y, m in chosen:
            self.join(x, y, m)

    def _shared_neighbour(self, x: str, y: str) -> str | None:
        """What both entities say of one other actor ("member of the Tijuana Cartel"), when that actor
        is a person or a crime group: a short form that agrees with the full name on the company it
        keeps is the same person. Hubs that half the graph points at (states, agencies) prove nothing."""
        said: dict[tuple[str, str], str] = {}
        for eid in (x, y):
            for rel in self.links.of(eid):
                other = rel.object if rel.subject == eid else rel.subject
                if self.kg.entities[other].type not in ("Person", "CriminalOrganization"):
                    continue
                fact = (rel.predicate, rel.subject == eid, self.find(other))
                if eid == x:
                    said.setdefault(fact, self.kg.entities[other].name)
                elif fact in said:
                    return f"same {rel.predicate} {said[fact]}"
        return None

    def _roots(self, candidates: list[tuple[str, Match]], x: str) -> set[str]:
        return {self.find(y) for y, _ in candidates} - {self.find(x)}
