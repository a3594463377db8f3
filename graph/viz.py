"""A self-contained HTML picture of a knowledge graph: layout in Python, drawing by a small inline script."""

from __future__ import annotations

import html
import json
import math
import re
from collections import deque
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from ocgraph import ontology
from ocgraph.errors import InputError
from ocgraph.graph.model import KnowledgeGraph, Relation

__all__ = [
    "STYLES",
    "holds_on",
    "iframe",
    "layout",
    "overview",
    "parse_date",
    "select",
    "to_html",
    "view_data",
    "write_html",
]

# Shape and colour per node type (colour-blind safe Tableau 10 hues).  tests/viz checks that every
# type the ontology declares has an entry, so a new type cannot be drawn in a default grey.
STYLES: dict[str, tuple[str, str]] = {
    "Person": ("circle", "#4e79a7"),
    "CriminalOrganization": ("diamond", "#e15759"),
    "GovernmentOrganization": ("square", "#59a14f"),
    "State": ("hexagon", "#76b7b2"),
    "Policy": ("triangle", "#b07aa1"),
    "Organization": ("square", "#9c755f"),
    "Place": ("triangle", "#edc948"),
    "Document": ("square", "#bab0ac"),
}
# Documents are the sources of facts, not actors: no predicate links them, so they are not drawn;
# their titles show with the evidence on hover.
HIDDEN_TYPES = frozenset({"Document"})
EDGE_KINDS = {-1: "rivalry", 1: "alliance", 0: "other"}

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_EDGE = 150.0  # pixels drawn per relation on a shortest path
_STRESS_MAX = 600  # larger components use a spring layout (the stress layout needs n x n matrices)
_GAP = 60.0  # pixels between packed components
_ASPECT = 1.6  # width / height the packed components aim for
# A page with more entities than this opens on an overview: criminal organizations and their
# leaders, up to OVERVIEW_MAX of them; the rest appear by clicking a node's "+N" or by search.
OVERVIEW_MIN = 60
OVERVIEW_MAX = 100
# An authority, state, company or policy with this many relations (OFAC has hundreds) is a hub:
# drawn, it ties everything into one knot. The page counts its relations in the legend and
# draws it only when asked for.
HUB_MIN = 25
ACTOR_TYPES = frozenset({"Person", "CriminalOrganization"})


def parse_date(text: str) -> tuple[int, ...]:
    """An ISO 8601 date, possibly partial (year, year-month), as a tuple of ints.

    >>> parse_date("2021-12")
    (2021, 12)
    >>> parse_date("Dec 2021")
    Traceback (most recent call last):
    ...
    ocgraph.errors.InputError: date 'Dec 2021' is not ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)
    """
    match = _DATE.match(str(text))
    if not match:
        raise InputError(f"date {text!r} is not ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)")
    return tuple(int(g) for g in match.groups() if g is not None)


def holds_on(rel: Relation, as_of: str) -> bool:
    """Whether a relation holds on `as_of`: its start (or event date) <= as_of <= its end.

    Undated relations hold at every date.  Dates of different precision are compared on the
    precision they share, so a fact that started in "2021" holds on "2021-06-01" and one that
    ended in "2021-12" still holds on "2021".

    >>> from ocgraph.graph.model import Relation
    >>> rel = Relation("rel/x", "a", "rival_of", "b", {"start": "2019-05", "end": "2023"})
    >>> [holds_on(rel, d) for d in ("2019", "2019-04-30", "2023-12-31", "2024")]
    [True, False, True, False]
    """
    when = parse_date(as_of)
    start = rel.properties.get("start") or rel.properties.get("date")
    end = rel.properties.get("end")
    if start:
        first = parse_date(start)
        n = min(len(first), len(when))
        if first[:n] > when[:n]:
            return False
    if end:
        last = parse_date(end)
        n = min(len(last), len(when))
        if last[:n] < when[:n]:
            return False
    return True


def _resolve(kg: KnowledgeGraph, focus: str) -> str:
    if focus in kg.entities:
        return focus
    found = [e for e in kg.find(focus) if e.type not in HIDDEN_TYPES]
    if not found:
        raise InputError(f"focus {focus!r}: no entity has that name, alias or id")
    if len(found) > 1:
        raise InputError(
            f"focus {focus!r} names {len(found)} entities ({', '.join(e.id for e in found)}); give an id"
        )
    return found[0].id


def select(
    kg: KnowledgeGraph, focus: str | None = None, hops: int = 1, as_of: str | None = None
) -> KnowledgeGraph:
    """The part of `kg` to draw: documents left out, then the date filter, then the focus.

    Parameters
    ----------
    kg : KnowledgeGraph
        The whole graph (not changed; the result shares its entity and relation objects).
    focus : str, optional
        A name, alias or id; keep only entities within `hops` relations of it.
    hops : int
        How many relations away from `focus` to go (0 keeps the focus alone).
    as_of : str, optional
        An ISO 8601 date; keep only relations that hold on it (see `holds_on`), and drop the
        entities that had relations but have none left.

    Examples
    --------
    >>> from ocgraph.graph.model import KnowledgeGraph
    >>> kg = KnowledgeGraph()
    >>> a, b, c = (kg.add_entity("Person", n).id for n in ("Ana", "Bea", "Cid"))
    >>> _ = kg.add_relation(a, "sibling_of", b)
    >>> _ = kg.add_relation(b, "sibling_of", c)
    >>> sorted(select(kg, focus="ana", hops=1).entities)
    ['person/ana', 'person/bea']
    """
    if hops < 0:
        raise InputError(f"hops must be 0 or more, got {hops}")
    keep = {eid for eid, e in kg.entities.items() if e.type not in HIDDEN_TYPES}
    rels = [r for _, r in sorted(kg.relations.items()) if r.subject in keep and r.object in keep]
    if as_of is not None:
        linked = {end for r in rels for end in (r.subject, r.object)}
        rels = [r for r in rels if holds_on(r, as_of)]
        still = {end for r in rels for end in (r.subject, r.object)}
        keep -= linked - still
    if focus is not None:
        start = _resolve(kg, focus)
        if start not in keep:
            raise InputError(f"focus {focus!r}: {start} has no relation on {as_of}")
        neighbours: dict[str, set[str]] = {}
        for r in rels:
            neighbours.setdefault(r.subject, set()).add(r.object)
            neighbours.setdefault(r.object, set()).add(r.subject)
        seen = {start: 0}
        queue = deque([start])
        while queue:
            here = queue.popleft()
            if seen[here] == hops:
                continue
            for there in sorted(neighbours.get(here, ())):
                if there not in seen:
                    seen[there] = seen[here] + 1
                    queue.append(there)
        keep &= set(seen)
    out = KnowledgeGraph()
    for eid in sorted(keep):
        out.entities[eid] = kg.entities[eid]
    for r in rels:
        if r.subject in keep and r.object in keep:
            out.relations[r.id] = r
    return out


def overview(kg: KnowledgeGraph, focus: str | None = None) -> tuple[list[str], list[str]]:
    """The hubs of `kg` (already selected) and the entities its page draws at first, both sorted.

    Hubs are entities other than persons and criminal organizations with `HUB_MIN` relations or
    more (a sanctioning office, a state); they are not drawn at first. On a page of at most
    `OVERVIEW_MIN` other entities everything else is drawn; on a bigger one the criminal
    organizations come first (most relations first), each with its leaders, up to
    `OVERVIEW_MAX`, and the `focus` with its neighbours. With no criminal organization, the
    entities with the most relations come first.

    Examples
    --------
    >>> from ocgraph.graph.model import KnowledgeGraph
    >>> kg = KnowledgeGraph()
    >>> ofac = kg.add_entity("GovernmentOrganization", "OFAC").id
    >>> cartel = kg.add_entity("CriminalOrganization", "Cartel").id
    >>> boss = kg.add_entity("Person", "Boss").id
    >>> _ = kg.add_relation(boss, "leader_of", cartel)
    >>> for i in range(HUB_MIN + OVERVIEW_MIN):
    ...     p = kg.add_entity("Person", f"Member {i:02d}").id
    ...     _ = kg.add_relation(p, "member_of", cartel)
    ...     if i < HUB_MIN:
    ...         _ = kg.add_relation(p, "sanctioned_by", ofac)
    >>> overview(kg)
    (['govorg/ofac'], ['crimorg/cartel', 'person/boss'])
    >>> len(overview(kg, focus="person/member-07")[1])  # the member and its two neighbours
    3
    """
    degree = _degrees(kg)
    hubs = sorted(
        eid
        for eid, e in kg.entities.items()
        if e.type not in ACTOR_TYPES and degree[eid] >= HUB_MIN and eid != focus
    )
    rest = sorted(set(kg.entities) - set(hubs))
    if len(rest) <= OVERVIEW_MIN:
        return hubs, rest
    hub_set = set(hubs)
    near = _neighbours(kg, hub_set)
    busy = {eid: len(near.get(eid, ())) for eid in rest}
    leaders: dict[str, list[str]] = {}
    for r in kg.relations.values():
        if r.predicate == "leader_of" and kg.entities[r.object].type == "CriminalOrganization":
            leaders.setdefault(r.object, []).append(r.subject)
    groups = sorted(
        (e for e in rest if kg.entities[e].type == "CriminalOrganization"), key=lambda e: (-busy[e], e)
    )
    first: dict[str, None] = {}
    for group in groups:
        if len(first) >= OVERVIEW_MAX:
            break
        first.update(dict.fromkeys([group, *sorted(leaders.get(group, ()))]))
    if not first:
        first = dict.fromkeys(sorted(rest, key=lambda e: (-busy[e], e))[:OVERVIEW_MIN])
    if focus is not None:
        first.update(dict.fromkeys([focus, *sorted(near.get(focus, ()))]))
    return hubs, sorted(first)


def _neighbours(kg: KnowledgeGraph, leave_out: set[str]) -> dict[str, set[str]]:
    """Each entity's neighbours, relations to the `leave_out` entities not counted."""
    near: dict[str, set[str]] = {}
    for r in kg.relations.values():
        if r.subject not in leave_out and r.object not in leave_out:
            near.setdefault(r.subject, set()).add(r.object)
            near.setdefault(r.object, set()).add(r.subject)
    return near


def layout(
    kg: KnowledgeGraph, seed: int = 7, degree: dict[str, int] | None = None
) -> dict[str, tuple[float, float]]:
    """Pixel positions for every entity: a stress layout per connected component, packed in rows.

    The same graph and seed give the same positions (rounded to 0.1 px) on every run. `degree`
    sizes the nodes (default: their relations in `kg`).

    Examples
    --------
    >>> from ocgraph.graph.model import KnowledgeGraph
    >>> kg = KnowledgeGraph()
    >>> a, b = kg.add_entity("Person", "Ana").id, kg.add_entity("Person", "Bea").id
    >>> _ = kg.add_relation(a, "sibling_of", b)
    >>> pos = layout(kg)
    >>> round(math.dist(pos[a], pos[b]))  # see _edge_length
    141
    """
    graph = nx.Graph()
    graph.add_nodes_from(sorted(kg.entities))
    graph.add_edges_from(sorted((r.subject, r.object) for r in kg.relations.values()))
    components = sorted(nx.connected_components(graph), key=lambda c: (-len(c), min(c)))
    placed = []
    for comp in components:
        # a fresh graph in sorted order: a subgraph view iterates its nodes in set (hash) order,
        # which would make the layout differ from one process to the next
        sub = nx.Graph()
        sub.add_nodes_from(sorted(comp))
        sub.add_edges_from(sorted(tuple(sorted(e)) for e in graph.subgraph(comp).edges))
        placed.append(_component_layout(sub, seed))
    degree = degree if degree is not None else _degrees(kg)
    boxes = {eid: _box(e.name, degree[eid]) for eid, e in kg.entities.items()}
    for pos in placed:
        _spread(pos, boxes)
    return _pack(placed, kg)


def _component_layout(graph: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Stress majorization: place nodes so drawn distances match graph distances (times _EDGE px).

    Graph distances make a layout easier to read than a spring model on small, hub-heavy graphs:
    a cartel with twenty members does not pull them into one blot.  Components too large for an
    n-by-n matrix fall back to networkx's seeded spring layout.
    """
    import numpy as np

    nodes = list(graph.nodes)
    n = len(nodes)
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    if n > _STRESS_MAX:
        raw = nx.spring_layout(graph, seed=seed, k=1.5 / math.sqrt(n))
        scale = _EDGE * math.sqrt(n) / 2
        return {v: (float(raw[v][0]) * scale, float(raw[v][1]) * scale) for v in nodes}
    index = {v: i for i, v in enumerate(nodes)}
    dist = np.zeros((n, n))
    # Relations between busy nodes are drawn longer, which opens room around hubs for their labels.
    for u, v in graph.edges:
        graph.edges[u, v]["px"] = _edge_length(graph.degree[u], graph.degree[v])
    for v, lengths in nx.all_pairs_dijkstra_path_length(graph, weight="px"):
        for w, d in lengths.items():
            dist[index[v], index[w]] = d
    weight = np.zeros((n, n))
    mask = dist > 0
    weight[mask] = dist[mask] ** -2
    xy = np.random.default_rng(seed).uniform(-1, 1, (n, 2)) * _EDGE * math.sqrt(n)
    total = weight.sum(axis=1)[:, None]
    for _ in range(400):
        norm = np.hypot(xy[:, None, 0] - xy[None, :, 0], xy[:, None, 1] - xy[None, :, 1])
        np.fill_diagonal(norm, 1.0)
        norm[norm < 1e-9] = 1e-9
        # each node moves to the weighted mean of where every other node says it should be:
        # sum_j w_ij (x_j + d_ij (x_i - x_j) / |x_i - x_j|), written as matrix products
        c = weight * dist / norm
        target = (weight @ xy + xy * c.sum(axis=1)[:, None] - c @ xy) / total
        # half a step: moving every node the whole way at once overshoots and can oscillate
        new = 0.5 * xy + 0.5 * target
        done = np.abs(new - xy).max() < 0.05
        xy = new
        if done:
            break
    xy -= xy.mean(axis=0)
    # the wider spread horizontal, since labels are wide
    cov = np.cov(xy.T)
    _, vecs = np.linalg.eigh(cov)
    xy = xy @ vecs[:, ::-1]
    xy[:, 0] *= 1 if xy[np.argmax(np.abs(xy[:, 0])), 0] > 0 else -1
    xy[:, 1] *= 1 if xy[np.argmax(np.abs(xy[:, 1])), 1] > 0 else -1
    return {v: (float(xy[index[v], 0]), float(xy[index[v], 1])) for v in nodes}


def _label_width(name: str) -> float:
    """About how wide a node's label is drawn, in px (12 px sans-serif)."""
    return 6.8 * len(name) + 18


def _edge_length(degree_a: int, degree_b: int) -> float:
    """How long to draw a relation between nodes of these degrees, in px."""
    return _EDGE * min(1.8, 0.8 + 0.07 * (degree_a + degree_b))


def _degrees(kg: KnowledgeGraph) -> dict[str, int]:
    """Relations per entity (two relations between the same pair count twice)."""
    degree = dict.fromkeys(kg.entities, 0)
    for r in kg.relations.values():
        degree[r.subject] += 1
        degree[r.object] += 1
    return degree


def _radius(degree: int) -> float:
    """A node's drawn radius in px: busier nodes are bigger."""
    return round(9 + 3 * math.sqrt(degree), 1)


def _box(name: str, degree: int) -> tuple[float, float, float]:
    """Half the width, the height above and the height below a node with its label, in px."""
    r = _radius(degree) * 1.25  # the widest shape (diamond) reaches 1.25 r
    return max(_label_width(name), 2 * r) / 2 + 4, r + 4, r + 18


def _spread(pos: dict[str, tuple[float, float]], boxes: dict[str, tuple[float, float, float]]) -> None:
    """Push apart nodes whose boxes (shape plus labels, see `_box`) overlap.

    Every overlapping pair moves apart along the axis that needs the smaller move, all pairs at
    once (numpy), half a step per round so crowds settle instead of bouncing.
    """
    import numpy as np

    nodes = sorted(pos)
    n = len(nodes)
    if n < 2 or n > _STRESS_MAX:
        return
    xy = np.array([pos[v] for v in nodes], dtype=float)
    half = np.array([boxes[v][0] for v in nodes])
    above = np.array([boxes[v][1] for v in nodes])
    below = np.array([boxes[v][2] for v in nodes])
    pairs = np.triu(np.ones((n, n), dtype=bool), k=1)  # a = row, b = column, each pair once
    for round_ in range(400):
        if round_ and round_ % 50 == 0:
            # still crowded: give the whole component a little more room
            centre = xy.mean(axis=0)
            xy = centre + (xy - centre) * 1.1
        dx = xy[None, :, 0] - xy[:, None, 0]
        dy = xy[None, :, 1] - xy[:, None, 1]
        over_x = half[:, None] + half[None, :] - np.abs(dx)
        # b below a: a's labels against b's top; b above a: b's labels against a's top
        over_y = np.where(dy >= 0, below[:, None] + above[None, :] - dy, below[None, :] + above[:, None] + dy)
        hit = pairs & (over_x > 0) & (over_y > 0)
        if not hit.any():
            break
        vertical = over_y < over_x
        step_x = np.where(hit & ~vertical, (over_x / 2 + 1) * np.where(dx >= 0, 1.0, -1.0), 0.0)
        step_y = np.where(hit & vertical, (over_y / 2 + 1) * np.where(dy >= 0, 1.0, -1.0), 0.0)
        move = np.stack(
            [step_x.sum(axis=0) - step_x.sum(axis=1), step_y.sum(axis=0) - step_y.sum(axis=1)], axis=1
        )
        xy += 0.5 * move
    for i, v in enumerate(nodes):
        pos[v] = (float(xy[i, 0]), float(xy[i, 1]))


def _pack(placed: list[dict[str, tuple[float, float]]], kg: KnowledgeGraph) -> dict[str, tuple[float, float]]:
    """Place components left to right in rows, biggest first, with room for the labels."""
    out: dict[str, tuple[float, float]] = {}
    boxes = []
    for pos in placed:
        half_label = {n: _label_width(kg.entities[n].name) / 2 for n in pos}
        left = min(p[0] - half_label[n] for n, p in pos.items())
        right = max(p[0] + half_label[n] for n, p in pos.items())
        top = min(p[1] for p in pos.values()) - 30
        bottom = max(p[1] for p in pos.values()) + 45
        boxes.append((left, top, right - left, bottom - top))
    # rows about as wide as a landscape screen needs for the total area, never narrower than the biggest
    area = sum((w + _GAP) * (h + _GAP) for _, _, w, h in boxes)
    row_width = max(max(w for _, _, w, _ in boxes), math.sqrt(area * _ASPECT))
    x = y = row_height = 0.0
    for pos, (left, top, width, height) in zip(placed, boxes, strict=True):
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height + _GAP, 0.0
        for n, (px, py) in pos.items():
            out[n] = (round(px - left + x, 1), round(py - top + y, 1))
        x += width + _GAP
        row_height = max(row_height, height)
    return out


def _label(predicate: str) -> str:
    return predicate.replace("_", " ")


def view_data(
    kg: KnowledgeGraph, title: str = "ocgraph", subtitle: str = "", seed: int = 7, focus: str | None = None
) -> dict[str, Any]:
    """Everything the page's script needs to draw `kg` (already selected), as JSON-ready data.

    Every entity and relation is in the data (the hover cards and the search read them); nodes
    have a position only when drawn at first (`shown`, see `overview`), the script places the
    others when they are asked for.
    """
    onto = ontology.load()
    hubs, first = overview(kg, focus)
    hub_set, drawn = set(hubs), KnowledgeGraph()
    for eid in first:
        drawn.entities[eid] = kg.entities[eid]
    for r in kg.relations.values():
        if r.subject in drawn.entities and r.object in drawn.entities:
            drawn.relations[r.id] = r
    # nodes are sized by their relations, drawn or not; relations to hubs do not count but
    # for the hubs themselves
    everything = _degrees(kg)
    degree = dict(everything)
    for r in kg.relations.values():
        for end, other in ((r.subject, r.object), (r.object, r.subject)):
            if other in hub_set and end not in hub_set:
                degree[end] -= 1
    pos = layout(drawn, seed, degree)
    counts = kg.counts()["entities"]
    types = [
        {
            "type": t,
            "shape": STYLES.get(t, ("circle", "#bab0ac"))[0],
            "colour": STYLES.get(t, ("circle", "#bab0ac"))[1],
            "count": counts[t],
        }
        for t in onto.types
        if t in counts
    ]
    nodes = [
        {
            "id": e.id,
            "type": e.type,
            "name": e.name,
            "aliases": list(e.aliases),
            "x": pos[e.id][0] if e.id in pos else None,
            "y": pos[e.id][1] if e.id in pos else None,
            "r": _radius(degree[e.id]),
            "shown": e.id in pos,
            "hub": e.id in hub_set,
            "relations": everything[e.id],
            "properties": e.properties,
        }
        for e in (kg.entities[k] for k in sorted(kg.entities))
    ]
    # Two or more relations between the same pair are drawn as arcs bending to either side.
    pairs: dict[tuple[str, str], list[str]] = {}
    for rid in sorted(kg.relations):
        r = kg.relations[rid]
        pairs.setdefault(tuple(sorted((r.subject, r.object))), []).append(rid)
    bend = {}
    for ids in pairs.values():
        for i, rid in enumerate(ids):
            bend[rid] = 0 if len(ids) == 1 else round((i - (len(ids) - 1) / 2) * 40, 1)
    edges = []
    for rid in sorted(kg.relations):
        r = kg.relations[rid]
        pred = onto.predicate(r.predicate)
        # bends are measured from the sorted pair, so flip them for an edge drawn the other way
        flip = -1 if r.subject > r.object else 1
        edges.append(
            {
                "id": r.id,
                "source": r.subject,
                "target": r.object,
                "predicate": r.predicate,
                "label": _label(r.predicate),
                "kind": EDGE_KINDS[pred.sign],
                "symmetric": pred.symmetric,
                "bend": bend[rid] * flip,
                "properties": r.properties,
                "evidence": [
                    {"document": ev.document, "sentence": ev.sentence, "start": ev.start, "end": ev.end}
                    for ev in r.evidence
                ],
            }
        )
    return {
        "title": title,
        "subtitle": subtitle,
        "focus": focus,
        "types": types,
        "nodes": nodes,
        "edges": edges,
    }


def _documents(kg: KnowledgeGraph) -> dict[str, str]:
    return {
        e.id: str(e.properties.get("title") or e.name) for e in kg.entities.values() if e.type == "Document"
    }


def _script_json(data: Any) -> str:
    """JSON that cannot end the <script> element it sits in, whatever names the graph holds."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def to_html(
    kg: KnowledgeGraph,
    focus: str | None = None,
    hops: int = 1,
    as_of: str | None = None,
    title: str | None = None,
    seed: int = 7,
) -> str:
    """The whole page: one HTML file with the data, the style and the drawing script inline.

    Parameters
    ----------
    kg : KnowledgeGraph
        The graph; `focus`, `hops` and `as_of` select the part drawn (see `select`).
    title : str, optional
        The page heading (default: "ocgraph").
    seed : int
        The layout seed; the same graph and seed give byte-identical pages.

    Returns
    -------
    str
        A page that needs no network: no external script, stylesheet, font or image.
    """
    return _page(kg, select(kg, focus=focus, hops=hops, as_of=as_of), focus, hops, as_of, title, seed)


def write_html(
    kg: KnowledgeGraph,
    path: str | Path,
    focus: str | None = None,
    hops: int = 1,
    as_of: str | None = None,
    title: str | None = None,
    seed: int = 7,
) -> KnowledgeGraph:
    """Write the page for `kg` to `path` atomically; return the part of the graph it draws."""
    from ocgraph.graph.store import atomic_output

    part = select(kg, focus=focus, hops=hops, as_of=as_of)
    page = _page(kg, part, focus, hops, as_of, title, seed)
    with atomic_output(path) as out:
        out.write(page.encode("utf-8"))
    return part


def _page(
    kg: KnowledgeGraph,
    part: KnowledgeGraph,
    focus: str | None,
    hops: int,
    as_of: str | None,
    title: str | None,
    seed: int,
) -> str:
    if not part.entities:
        raise InputError("nothing to draw: the graph has no entities (ingest or merge something first)")
    bits = []
    if focus is not None:
        bits.append(f"within {hops} hop{'s' if hops != 1 else ''} of {kg.entities[_resolve(kg, focus)].name}")
    if as_of is not None:
        bits.append(f"as of {as_of}")
    subtitle = f"{len(part.entities)} entities, {len(part.relations)} relations" + (
        f" ({'; '.join(bits)})" if bits else ""
    )
    data = view_data(
        part,
        title=title or "ocgraph",
        subtitle=subtitle,
        seed=seed,
        focus=_resolve(kg, focus) if focus else None,
    )
    data["documents"] = _documents(kg)
    assets = resources.files(__package__)
    return _PAGE.format(
        title=html.escape(data["title"]),
        css=assets.joinpath("viz.css").read_text(encoding="utf-8"),
        data=_script_json(data),
        js=assets.joinpath("viz.js").read_text(encoding="utf-8"),
    )


def iframe(page: str, height: int = 640) -> str:
    """`page` in an <iframe srcdoc>, so a notebook can show several views without their scripts clashing.

    Examples
    --------
    >>> iframe('<p class="x">a & b</p>', height=300)[:85]
    '<div class="ocgraph-viz"><iframe srcdoc="&lt;p class=&quot;x&quot;&gt;a &amp; b&lt;/p'
    """
    return (
        f'<div class="ocgraph-viz"><iframe srcdoc="{html.escape(page, quote=True)}" '
        f'style="width:100%;height:{int(height)}px;border:1px solid #ddd" sandbox="allow-scripts">'
        "</iframe></div>"
    )


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
{css}</style>
</head>
<body>
<div id="ocg-errors" hidden></div>
<script>
// Installed first, so any later error is written into the page (the browser test reads it).
window.ocgErrors = [];
function ocgRecord(message) {{
  window.ocgErrors.push(String(message));
  document.body.setAttribute("data-errors", JSON.stringify(window.ocgErrors));
}}
window.addEventListener("error", function (ev) {{ ocgRecord(ev.message); }});
var ocgConsoleError = console.error;
console.error = function () {{
  ocgRecord(Array.prototype.join.call(arguments, " "));
  return ocgConsoleError.apply(console, arguments);
}};
</script>
<header><h1 id="ocg-title"></h1><p id="ocg-subtitle"></p></header>
<main id="ocg-main"></main>
<div id="ocg-tip" role="tooltip" hidden></div>
<script type="application/json" id="ocg-data">{data}</script>
<script>
{js}</script>
</body>
</html>
"""
