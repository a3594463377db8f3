"""Entity resolution: one node per real-world actor across documents and sources, each merge with its why."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ocgraph.graph import records
from ocgraph.graph.clustering import Clusters, fits, specific
from ocgraph.graph.gcpause import gc_paused
from ocgraph.graph.ids import fold
from ocgraph.graph.matching import Match, types_clash
from ocgraph.graph.merging import Links, merge
from ocgraph.graph.model import KnowledgeGraph
from ocgraph.graph.names import FAMILY, STOPWORDS, english_words
from ocgraph.graph.records import redirects
from ocgraph.graph.splitting import split

__all__ = ["Merge", "Resolution", "project", "rank", "resolve", "resolve_in_place"]

_KEYED = re.compile(r"-[0-9a-f]{8}$")  # an id told apart from a namesake's by a digest (graph/ids.py)
_SPANISH_SMALL = frozenset({"de", "del", "la", "las", "los", "el", "y"})


@dataclass(frozen=True)
class Merge:
    """One entity merged into another: the two names compared and the rule, as `explain` shows it."""

    absorbed: str
    survivor: str
    match: Match

    @property
    def reason(self) -> str:
        return f"{self.absorbed}: {self.match.name_a} = {self.match.name_b} ({self.match.rule})"


@dataclass
class Resolution:
    """The resolved graph, every old id mapped to the id that holds it now, and why each merge was made.

    It unpacks as ``graph, mapping, merges = resolve(kg)``.
    """

    graph: KnowledgeGraph
    mapping: dict[str, str]
    merges: list[Merge]

    def __iter__(self) -> Iterator[Any]:
        return iter((self.graph, self.mapping, self.merges))


def rank(kg: KnowledgeGraph, eid: str) -> tuple:
    """The order in which a cluster picks the id that survives (smallest first), from the id and name only.

    The more specific type, then an id without a namesake's digest, a full name before a nickname or
    an acronym, a group's English form before its Spanish one, more words (articles and "of" not
    counted), a name written with its accents and in mixed case, the smaller id: the
    survivor depends on what was merged, never on the order the documents came in.
    """
    e = kg.entities[eid]
    words = fold(e.name).split()
    short = len(words) == 1 or words[0] in ("el", "la", "los", "las")
    plain = tuple(sorted({t for t in words if t not in STOPWORDS}))
    spanish = english_words(e.name) != plain or not _SPANISH_SMALL.isdisjoint(words)
    foreign = FAMILY.get(e.type, "person") != "person" and spanish
    written = (-sum(not c.isascii() for c in e.name), -sum(c.islower() for c in e.name))
    return (specific(e.type), bool(_KEYED.search(eid)), short, foreign, -len(plain), *written, eid)


def resolve(kg: KnowledgeGraph, decisions: Iterable[Any] = ()) -> Resolution:
    """Resolve a copy of `kg`: merge the entities that name one actor; `kg` itself is not changed.

    `decisions` are analyst decisions (graph/review.py); their `merge` and `split` actions apply.

    Examples
    --------
    >>> kg = KnowledgeGraph()
    >>> ofac = kg.add_entity("CriminalOrganization", "Cartel de Jalisco Nueva Generacion", ["CJNG"])
    >>> text = kg.add_entity("CriminalOrganization", "Jalisco New Generation Cartel")
    >>> graph, mapping, merges = resolve(kg)
    >>> mapping
    {'crimorg/cartel-de-jalisco-nueva-generacion': 'crimorg/jalisco-new-generation-cartel'}
    >>> print(*graph.entities["crimorg/jalisco-new-generation-cartel"].properties["merged_from"])
    crimorg/cartel-de-jalisco-nueva-generacion: Cartel de Jalisco Nueva Generacion = Jalisco New Generation
    Cartel (same name in Spanish and English)
    """
    out = KnowledgeGraph()
    for record in kg.to_records():
        out.add_record(record)
    mapping, merges = resolve_in_place(out, decisions)
    return Resolution(out, mapping, merges)


@gc_paused()  # profiles, blocks and pairs are millions of small objects (bench/resolve.py)
def resolve_in_place(
    kg: KnowledgeGraph, decisions: Iterable[Any] = (), affected: Iterable[str] | None = None
) -> tuple[dict[str, str], list[Merge]]:
    """Resolve `kg` in place; `affected` limits the comparisons to those entities and their neighbours.

    Steps: ids merged before that came back (a document ingested again) rejoin their node; analyst
    merges, then analyst splits; then the resolver, which never joins what a split keeps apart.
    Returns the map from every id merged away to the id that holds it, and the merges made.
    """
    records.tidy(kg)  # two stores merged may hold two records of one id
    links = Links(kg)
    run = _Run(kg, links)
    merges_, splits = [], []
    for d in decisions:
        if d.action in ("merge", "split"):
            (merges_ if d.action == "merge" else splits).append(d)
    apart = [(d.subject, d.object) for d in splits]
    held = redirects(kg)
    for old in sorted(held):
        if old in kg.entities and held[old] in kg.entities and (old, held[old]) not in run.apart(apart):
            run.merge(old, held[old], Match(1.0, "merged before", old, held[old]))
    for d in sorted(merges_, key=lambda d: d.key):
        a, b = run.current(d.subject), run.current(d.object)
        if a in kg.entities and b in kg.entities and a != b and (a, b) not in run.apart(apart):
            x, y = kg.entities[a], kg.entities[b]
            # a merge that the data now forbids (a fact links the two, a relation the merged type
            # cannot take) waits, as a decision on a fact not yet in the store does
            clash = types_clash(x.type, y.type, FAMILY.get(x.type, x.type), FAMILY.get(y.type, y.type))
            if not clash and not links.related(a, b) and fits(kg, links, a, b):
                run.merge(a, b, Match(1.0, f"analyst merge by {d.author}: {d.reason}", x.name, y.name))
    for d in sorted(splits, key=lambda d: d.key):
        holder = run.current(d.subject)
        if holder == run.current(d.object) and holder in kg.entities:
            split(kg, links, holder, d.subject if d.object == holder else d.object)
            run.moved = redirects(kg)
    clusters = Clusters(kg, links, run.apart(apart))
    clusters.run(None if affected is None else sorted({run.current(e) for e in affected}))
    run.apply(clusters)
    records.tidy(kg)  # keys naming an entity merged since name the node that holds it
    return run.mapping(), run.merges


def project(doc: KnowledgeGraph, resolution: Resolution) -> KnowledgeGraph:
    """One document's graph under the ids of a resolution of many (`ocgraph extract a.txt b.txt`).

    Each entity takes the id and type of the node it was merged into and keeps the document's own
    names; entities of the document that became one node are one entity; relations follow.
    """
    out = KnowledgeGraph()
    for eid in sorted(doc.entities, key=lambda e: rank(doc, e)):
        e = doc.entities[eid]
        into = resolution.mapping.get(eid, eid)
        node = resolution.graph.entities.get(into, e)
        props = {k: v for k, v in e.properties.items() if k not in ("merged_from", "merge_record")}
        out.add_entity(node.type, e.name, e.aliases, props, id=into)
    for rel in doc.relations.values():
        s, o = (resolution.mapping.get(x, x) for x in (rel.subject, rel.object))
        if s != o:
            out.add_relation(s, rel.predicate, o, rel.properties, rel.evidence)
    return out


class _Run:
    """The merges of one resolution, with the map of every id merged away."""

    def __init__(self, kg: KnowledgeGraph, links: Links) -> None:
        self.kg, self.links = kg, links
        self.merges: list[Merge] = []
        self.moved = redirects(kg)
        self.original = set(kg.entities)

    def current(self, eid: str) -> str:
        while eid not in self.kg.entities and eid in self.moved:
            eid = self.moved[eid]
        return eid

    def apart(self, pairs: list[tuple[str, str]]) -> set[tuple[str, str]]:
        out = set()
        for a, b in pairs:
            x, y = self.current(a), self.current(b)
            out.update({(x, y), (y, x)})
        return out

    def merge(self, a: str, b: str, match: Match) -> None:
        keep, drop = sorted((a, b), key=lambda e: rank(self.kg, e))
        if drop != a:
            match = match.swapped()
        merge(self.kg, self.links, keep, drop, Merge(drop, keep, match).reason)
        self.merges.append(Merge(drop, keep, match))
        self.moved[drop] = keep

    def apply(self, clusters: Clusters) -> None:
        """Merge every cluster into its best-ranked member, each member with the match that joined it."""
        tree: dict[str, list[tuple[str, Match]]] = defaultdict(list)
        for x, y, m in clusters.edges:
            tree[x].append((y, m.swapped()))
            tree[y].append((x, m))
        for members in sorted(clusters.members.values()):
            keep = min(members, key=lambda e: rank(self.kg, e))
            seen, queue = {keep}, [keep]
            while queue:  # breadth first from the survivor: each member keeps the match that reached it
                at = queue.pop(0)
                for other, m in sorted(tree[at], key=lambda t: t[0]):
                    if other not in seen:
                        seen.add(other)
                        queue.append(other)
                        # m was stored as seen from `other`'s side
                        merge(self.kg, self.links, keep, other, Merge(other, keep, m).reason)
                        self.merges.append(Merge(other, keep, m))
                        self.moved[other] = keep

    def mapping(self) -> dict[str, str]:
        return {old: self.current(old) for old in sorted(self.original) if old not in self.kg.entities}
