"""Seeded generators of synthetic graphs and synthetic articles with known facts, for benchmarks."""

from __future__ import annotations

import datetime as dt
import random
import re
import sys
from collections.abc import Iterator
from itertools import accumulate
from typing import Any

from ocgraph import ontology
from ocgraph.graph.ids import entity_id, slug
from ocgraph.graph.model import Evidence, KnowledgeGraph

__all__ = ["PREDICATE_MIX", "TYPE_MIX", "group_name", "make_corpus", "make_graph", "person_name"]

# Share of each node type; Place and Document take part in no predicate, so they stay isolated
# (Documents are the sources that evidence points to).
TYPE_MIX = {
    "Person": 0.55,
    "CriminalOrganization": 0.25,
    "GovernmentOrganization": 0.05,
    "Organization": 0.05,
    "Place": 0.04,
    "Document": 0.03,
    "Policy": 0.02,
    "State": 0.01,
}

# Share of each predicate among edges, roughly as they occur in news about organized crime.
PREDICATE_MIX = {
    "member_of": 0.28,
    "associated_with": 0.14,
    "rival_of": 0.10,
    "allied_with": 0.07,
    "sanctioned_by": 0.06,
    "leader_of": 0.05,
    "detained_by": 0.04,
    "faction_of": 0.04,
    "child_of": 0.03,
    "sibling_of": 0.03,
    "reward_offered_by": 0.03,
    "splinter_of": 0.02,
    "succeeded_by": 0.02,
    "part_of": 0.02,
    "party_to": 0.015,
    "launched_by": 0.015,
}

FIRST = (  # noqa: SIM905 - word lists read better as one string
    "Alejandro Alfredo Aureliano Benito Carlos César Dámaso Eduardo Emilio Ernesto Fausto Felipe Fernando "
    "Francisco Gabriel Gerardo Gilberto Gonzalo Héctor Hilario Ignacio Iván Jaime Javier Jesús Joaquín Jorge "
    "José Juan Julio Leonel Luis Manuel Marco Mario Miguel Nemesio Óscar Ovidio Pablo Pedro Rafael Ramón "
    "Raúl Ricardo Roberto Rodolfo Rogelio Salvador Santiago Sergio Teodoro Tomás Víctor Ana Beatriz Carmen "
    "Claudia Elena Gloria Guadalupe Isabel Laura Lucía María Patricia Rosa Sandra Teresa"
).split()
SURNAMES = (  # noqa: SIM905 - word lists read better as one string
    "Acosta Aguilar Alvarado Arellano Ávila Barrera Beltrán Bernal Caro Carrillo Castillo Castro Cervantes "
    "Contreras Cruz Delgado Díaz Domínguez Duarte Escobar Espinoza Estrada Félix Fernández Flores Fuentes "
    "Gallardo García Garza Gómez González Guerrero Gutiérrez Guzmán Herrera Hernández Ibarra Jiménez Leyva "
    "López Loera Lozano Luna Maldonado Márquez Martínez Medina Mendoza Meza Molina Morales Moreno Navarro "
    "Núñez Ochoa Ortega Ortiz Osorio Palma Pérez Quintero Ramírez Reyes Ríos Rivera Rodríguez Rojas Romero "
    "Ruiz Salazar Sánchez Serrano Soto Torres Treviño Valdez Vargas Vega Zambada Zetina"
).split()
# Syllables for invented one-word names (cartels, places, nicknames), written so they read as Spanish.
SYLLABLES = tuple(
    "ba ca da fa ga la ma na pa ra sa ta va za be ce de le me ne re te to lo mo no ro so co ri".split()  # noqa: SIM905
)
GROUP_PATTERNS = ("{w} Cartel", "Los {w}s", "Cartel del {w}", "{w} Organization", "Guerreros del {w}")
MONTHS = "January February March April May June July August September October November December".split()  # noqa: SIM905


def _bijection(i: int, size: int, salt: int) -> int:
    # an affine map modulo `size` with a multiplier prime to it: distinct i give distinct names
    return (i * 7_919 + salt * 104_729) % size


def word(i: int) -> str:
    """An invented capitalised word for index `i`; distinct indices give distinct words.

    >>> word(0), word(1), word(900)
    ('Baba', 'Caba', 'Bababa')
    """
    n, length = len(SYLLABLES), 2
    while i >= n**length:  # 2-syllable words first, then 3-syllable words, ...
        i -= n**length
        length += 1
    out = []
    for _ in range(length):
        i, r = divmod(i, n)
        out.append(SYLLABLES[r])
    return "".join(out).capitalize()


# Words of two or three syllables: short enough to read as names.
WORDS = len(SYLLABLES) ** 2 + len(SYLLABLES) ** 3


def _word_index(i: int, salt: int) -> int:
    # shuffle within each block of WORDS indices, so neighbouring indices do not share syllables
    return _bijection(i % WORDS, WORDS, salt) + WORDS * (i // WORDS)


def person_name(i: int, salt: int = 0) -> str:
    """An invented 'First Surname Surname' name; unique for i below len(FIRST) * len(SURNAMES) ** 2."""
    f, s = len(FIRST), len(SURNAMES)
    size = f * s * s
    j = _bijection(i % size, size, salt)
    name = f"{FIRST[j % f]} {SURNAMES[(j // f) % s]} {SURNAMES[j // (f * s)]}"
    return name if i < size else f"{name} {word(i // size)}"


def group_name(i: int, salt: int = 0) -> str:
    """An invented criminal group name; distinct indices give distinct names."""
    k = len(GROUP_PATTERNS)
    return GROUP_PATTERNS[i % k].format(w=word(_word_index(i // k, salt)))


def nickname(i: int) -> str:
    """An invented alias such as 'El Bamo'."""
    return "El " + word(_bijection(i % WORDS, WORDS, 7))


def _name(type_name: str, i: int, salt: int) -> str:
    if type_name == "Person":
        return person_name(i, salt)
    if type_name == "CriminalOrganization":
        return group_name(i, salt)
    if type_name == "GovernmentOrganization":
        return f"{word(i)} {('Ministry', 'Police', 'Prosecutor', 'Army', 'Agency')[i % 5]}"
    if type_name == "State":
        return f"Republic of {word(i + 500)}"
    if type_name == "Policy":
        return f"{word(i + 900)} {('Initiative', 'Framework', 'Strategy', 'Plan')[i % 4]}"
    if type_name == "Organization":
        return f"{word(i + 300)} {('Foundation', 'Institute', 'Holdings', 'Times', 'University')[i % 5]}"
    if type_name == "Place":
        return f"San {word(i + 700)}"
    return f"Report {i}"


def _shares(n: int, mix: dict[str, float]) -> dict[str, int]:
    """Split n by the shares in `mix`, rounding so the parts add up to n exactly."""
    raw = {k: n * v / sum(mix.values()) for k, v in mix.items()}
    out = {k: int(v) for k, v in raw.items()}
    for k in sorted(raw, key=lambda k: out[k] - raw[k])[: n - sum(out.values())]:
        out[k] += 1
    return out


def _fitness(rng: random.Random, count: int) -> list[float]:
    # Pareto fitness gives a heavy-tailed degree spread: a few cartels and kingpins collect many
    # edges, most actors have one or two, as in reporting and in sanctions lists.
    return list(accumulate(rng.paretovariate(1.2) for _ in range(count)))


def make_graph(n_nodes: int, n_edges: int, seed: int = 0) -> KnowledgeGraph:
    """A synthetic graph of exactly `n_nodes` entities and `n_edges` relations, the same for a seed.

    Types follow `TYPE_MIX`, predicates `PREDICATE_MIX` (restricted to those whose types exist),
    every edge respects the ontology's domain and range, endpoints are drawn with heavy-tailed
    weights, about 30% of edges carry dates and 40% carry evidence from a Document node.

    Examples
    --------
    >>> kg = make_graph(200, 500, seed=1)
    >>> len(kg.entities), len(kg.relations)
    (200, 500)
    """
    rng = random.Random(seed)
    onto = ontology.load()
    kg = KnowledgeGraph()
    pools: dict[str, list[str]] = {}
    for type_name, count in _shares(n_nodes, TYPE_MIX).items():
        ids = pools.setdefault(type_name, [])
        for i in range(count):
            name = _name(type_name, i, seed)
            aliases = [nickname(i + seed)] if type_name == "Person" and i % 3 == 0 else ()
            eid = entity_id(type_name, name)
            if eid in kg.entities:  # a name collision past the name space: keep the node distinct
                eid = entity_id(type_name, name, key=str(i))
            ids.append(kg.add_entity(type_name, name, aliases, id=eid).id)
    weights = {t: _fitness(rng, len(ids)) for t, ids in pools.items() if ids}
    documents = pools.get("Document", [])

    # For each predicate, the (subject type, object type) pairs that exist in this graph.
    choices = {}
    for pred in onto.predicates.values():
        pairs = [
            (s, o)
            for s in pred.domain
            for o in pred.range
            if pred.allows(s, o) and s in weights and o in weights
        ]
        if pairs and PREDICATE_MIX.get(pred.name):
            choices[pred.name] = pairs
    if not choices:
        raise ValueError(f"{n_nodes} nodes are too few to hold any relation")
    mix = {p: PREDICATE_MIX[p] for p in choices}

    stalled = 0
    while len(kg.relations) < n_edges and stalled < 20:
        before = len(kg.relations)
        for pred_name, count in _shares(n_edges - before, mix).items():
            pairs = choices[pred_name]
            for k, (s_type, o_type) in enumerate(pairs):
                share = count // len(pairs) + (1 if k < count % len(pairs) else 0)
                subjects = rng.choices(pools[s_type], cum_weights=weights[s_type], k=share)
                objects = rng.choices(pools[o_type], cum_weights=weights[o_type], k=share)
                pred = onto.predicates[pred_name]
                for subject, object in zip(subjects, objects, strict=True):
                    if subject == object:
                        continue
                    props = _edge_properties(rng, pred)
                    evidence = _evidence(rng, documents, subject, pred_name, object) if documents else ()
                    kg.add_relation(subject, pred_name, object, props, evidence)
                    if len(kg.relations) == n_edges:
                        return kg
        stalled = stalled + 1 if len(kg.relations) == before else 0
    if len(kg.relations) < n_edges:
        raise ValueError(f"{n_nodes} nodes cannot hold {n_edges} distinct relations")
    return kg


def _edge_properties(rng: random.Random, pred: ontology.Predicate) -> dict[str, Any]:
    props: dict[str, Any] = {}
    allowed = pred.properties
    if rng.random() < 0.3:
        year = rng.randint(1985, 2024)
        if "start" in allowed:
            props["start"] = f"{year}-{rng.randint(1, 12):02d}"
            if "end" in allowed and rng.random() < 0.4:
                props["end"] = str(year + rng.randint(0, 10))
        elif "date" in allowed:
            props["date"] = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if "status" in allowed and rng.random() < 0.2:
        props["status"] = rng.choice(("current", "former", "alleged"))
    if pred.name == "reward_offered_by":
        props.update(
            amount=rng.choice((1, 2, 5, 10, 15, 20)) * 1_000_000, currency="USD", amount_scope="each"
        )
    elif pred.name == "sanctioned_by":
        props["program"] = ["SDNTK"] if rng.random() < 0.7 else ["ILLICIT-DRUGS-EO14059"]
    return props


def _evidence(rng: random.Random, documents: list[str], s: str, p: str, o: str) -> tuple[Evidence, ...]:
    if rng.random() >= 0.4:
        return ()
    start = rng.randrange(0, 20_000)
    sentence = f"{s} {p.replace('_', ' ')} {o}."
    confidence = round(rng.uniform(0.5, 1.0), 2)
    return (Evidence(rng.choice(documents), start, start + len(sentence), sentence, "synthetic", confidence),)


# --- corpus -------------------------------------------------------------------------------------

FILLER = (
    "Security analysts say the violence has spread to new regions over the past year.",
    "Officials did not respond to requests for comment on the operation.",
    "The announcement comes amid growing pressure on both governments to show results.",
    "Homicide figures in the region have risen sharply since the group fractured.",
    "Local residents describe checkpoints set up by armed men along the main highway.",
    "Experts warn that removing leaders has often triggered internal disputes and new waves of violence.",
    "Drug seizures at the border reached record levels last year, according to official data.",
    "The strategy has been criticised by researchers who study organized crime in the region.",
    "Prosecutors have accused the network of laundering money through front companies.",
    "Authorities have yet to explain how the suspects evaded capture for so long.",
)
HEADLINES = (
    "{g} leaders targeted in new security push",
    "Rewards offered for {g} figures as violence rises",
    "Sanctions hit {g} amid turf war",
    "Split in {g} fuels fresh violence",
)


def _pick(rng: random.Random, limit: int) -> int:
    # heavy-tailed index: recurring kingpins and cartels, a long tail of minor figures
    return min(int(rng.paretovariate(0.8)) - 1, limit - 1)


def _distinct(rng: random.Random, count: int, limit: int) -> list[int]:
    out: list[int] = []
    while len(out) < count:
        k = _pick(rng, limit)
        if k not in out:
            out.append(k)
    return out


def make_corpus(n_docs: int, seed: int = 0) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield `n_docs` synthetic articles as `(file name, text, facts)`.

    Each article has a dateline, a headline and paragraphs that state facts in the seed article's
    wordings (aliases, "a leader of", "rewards for A, B and C", "designated by OFAC", "battling
    with", "split from", ...) around filler sentences.  `facts` has the gold format
    that `ocgraph evaluate` reads (document, entities with names, relations with the sentence as
    evidence and its offsets), so an extractor can be scored on it.  Document `i` depends
    only on `seed` and `i`, so a prefix of a longer corpus is the shorter corpus.

    Examples
    --------
    >>> name, text, facts = next(make_corpus(1, seed=3))
    >>> name
    'synthetic-3-00000.txt'
    >>> all(text[r["start"]:r["end"]] == r["evidence"] for r in facts["relations"])
    True
    """
    for i in range(n_docs):
        yield _article(random.Random(f"{seed}:{i}"), f"synthetic-{seed}-{i:05d}.txt", seed)


class _Writer:
    """Builds an article while recording the facts and where their sentences sit in the text."""

    def __init__(self, name: str) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.entities: dict[str, dict[str, Any]] = {}
        self.relations: list[dict[str, Any]] = []
        self.name = name

    def entity(self, type_name: str, name: str, alias: str | None = None) -> str:
        eid = slug(name).replace("-", "_")
        names = self.entities.setdefault(eid, {"id": eid, "type": type_name, "names": [name]})["names"]
        if alias and alias not in names:
            names.append(alias)
        return eid

    def paragraph(self, sentences: list[tuple[str, list[tuple[str, str, str, dict[str, Any]]]]]) -> None:
        if self.parts:
            self._add("\n\n")
        for k, (sentence, facts) in enumerate(sentences):
            if k:
                self._add(" ")
            start = self.length
            self._add(sentence)
            for s, p, o, props in facts:
                self.relations.append(
                    {
                        "subject": s,
                        "predicate": p,
                        "object": o,
                        "evidence": sentence,
                        "start": start,
                        "end": self.length,
                        **props,
                    }
                )

    def _add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def result(self) -> tuple[str, str, dict[str, Any]]:
        facts = {
            "document": self.name,
            "entities": list(self.entities.values()),
            "relations": self.relations,
            "uncertain": [],
        }
        return self.name, "".join(self.parts) + "\n", facts


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _article(rng: random.Random, name: str, seed: int) -> tuple[str, str, dict[str, Any]]:
    w = _Writer(name)
    day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(0, 3650))
    people = _distinct(rng, 6, len(FIRST) * len(SURNAMES) ** 2)
    groups = _distinct(rng, 5, len(GROUP_PATTERNS) * WORDS)
    g = [group_name(k, seed) for k in groups]
    gid = [w.entity("CriminalOrganization", n) for n in g]
    p = [person_name(k, seed) for k in people]
    nick = [nickname(k + seed) for k in people]

    w.paragraph([(f"{day:%A}, {MONTHS[day.month - 1]} {day.day}, {day.year}", [])])
    w.paragraph([(HEADLINES[rng.randrange(len(HEADLINES))].format(g=g[0]), [])])

    def filler() -> tuple[str, list]:
        return FILLER[rng.randrange(len(FILLER))], []

    def background() -> None:
        # fact-free paragraphs bring the length near the seed article's (about 450 words here)
        w.paragraph([filler() for _ in range(rng.randint(3, 5))])

    def the(k: int, start: bool = False) -> str:
        # "the Sinaloa Cartel" but "Los Chapitos", as reporters write them
        article = "" if g[k].startswith("Los ") else ("The " if start else "the ")
        return article + g[k]

    leader = w.entity("Person", p[0], nick[0])
    w.paragraph(
        [
            (
                f"{p[0]}, alias “{nick[0]}”, a leader of {the(0)}, remains at large.",
                [(leader, "leader_of", gid[0], {})],
            ),
            filler(),
        ]
    )
    state_dept = w.entity("GovernmentOrganization", "U.S. State Department")
    amount = rng.choice((5, 10, 15, 20))
    mids = [w.entity("Person", m) for m in p[1:4]]
    facts = [(m, "member_of", gid[0], {}) for m in mids]
    reward = {"amount_usd": amount * 1_000_000, "amount_scope": "total"}
    facts += [(m, "reward_offered_by", state_dept, reward) for m in mids]
    w.paragraph(
        [
            (
                f"The U.S. State Department offered rewards for {_and(p[1:4])}, members of {the(0)}, "
                f"totalling up to ${amount} million.",
                facts,
            ),
            filler(),
        ]
    )
    background()
    ofac = w.entity("GovernmentOrganization", "Office of Foreign Assets Control", "OFAC")
    w.paragraph(
        [
            (
                f"{the(1, True)} was designated by OFAC in {MONTHS[rng.randrange(12)]} {day.year} for moving "
                f"drugs into the United States.",
                [(gid[1], "sanctioned_by", ofac, {})],
            ),
            filler(),
        ]
    )
    place = f"San {word(rng.randrange(2000) + 700)}"
    w.paragraph(
        [
            (
                f"{the(0, True)} has been battling with {the(2)} for control of {place}.",
                [(gid[0], "rival_of", gid[2], {})],
            ),
            filler(),
        ]
    )
    background()
    year = rng.randint(2005, day.year)
    w.paragraph(
        [
            (
                f"{the(3, True)} split from {the(0)} in {year}.",
                [(gid[3], "splinter_of", gid[0], {"date": str(year)})],
            ),
            filler(),
        ]
    )
    army = w.entity("GovernmentOrganization", "Mexican Army")
    arrested, brother = w.entity("Person", p[4]), w.entity("Person", p[5])
    w.paragraph(
        [
            (
                f"{p[4]} was arrested by the Mexican Army in {day.year}.",
                [(arrested, "detained_by", army, {})],
            ),
            (
                f"His brother, {p[5]}, is a member of {the(0)}.",
                [(brother, "member_of", gid[0], {}), (arrested, "sibling_of", brother, {})],
            ),
        ]
    )
    w.paragraph(
        [
            (
                f"Officials say {the(4)} formed an alliance with {the(1)} last year.",
                [(gid[4], "allied_with", gid[1], {})],
            ),
            filler(),
            filler(),
        ]
    )
    background()
    background()
    return w.result()


def words(text: str) -> int:
    """Whitespace-separated words, the unit of the extraction benchmark."""
    return len(re.findall(r"\S+", text))


if __name__ == "__main__":
    import time

    n, m = (int(a) for a in sys.argv[1:3]) if len(sys.argv) > 2 else (100_000, 1_000_000)
    t0 = time.perf_counter()
    kg = make_graph(n, m)
    print(f"make_graph({n}, {m}): {time.perf_counter() - t0:.1f} s, {kg.counts()}")
    t0 = time.perf_counter()
    total = sum(words(text) for _, text, _ in make_corpus(1000))
    print(f"make_corpus(1000): {time.perf_counter() - t0:.2f} s, {total} words")
