"""Entity resolution of 100k entities, real name parts, seeded duplicates: time, peak memory, quality.

Each actor is a true identity; the graph holds one entity per *record* of it (an article's mention,
a sanctions-list row), with the variations sources really show: OFAC's upper-case unaccented names,
given names in another order, a second given name dropped, a one-letter typo in a long word, a
nickname-only mention, a group's Spanish or English form or its acronym. Names are drawn with
Zipf-like weights from real Spanish given names and surnames (bench/synthetic.py), so namesakes are
about as common as in a real population: two people share a full name, and only a date of birth (on list
records) tells them apart. Every entity has its own id, so all merging is done by the resolver.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import FIRST, SURNAMES, word

from ocgraph.graph.ids import entity_id
from ocgraph.graph.model import KnowledgeGraph
from ocgraph.graph.resolution import resolve_in_place

SEED = 5
# (English, Spanish) forms of a group's name; {a} and {b} are invented words unique to the group
GROUP_FORMS = (
    ("{a} {b} Cartel", "Cártel de {a} {b}"),
    ("{a} New Generation Cartel", "Cártel de {a} Nueva Generación"),
    ("{a} Gulf Cartel", "Cártel del Golfo {a}"),
    ("{a} {b} Organization", "Organización {a} {b}"),
)


def _zipf(rng: random.Random, items: tuple[str, ...]) -> str:
    # rank r drawn with weight 1/(r + 10): the commonest given name is about 5% of people and the
    # commonest surname about 4%, close to José and Hernández in Mexico's population
    return rng.choices(items, weights=[1 / (r + 10) for r in range(len(items))])[0]


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _typo(rng: random.Random, name: str) -> str:
    words = name.split()
    long = [i for i, w in enumerate(words) if len(w) >= 7]
    if not long:
        return name
    i = rng.choice(long)
    w = words[i]
    k = rng.randrange(1, len(w) - 2)
    words[i] = w[:k] + w[k + 1] + w[k] + w[k + 2 :] if rng.random() < 0.5 else w[:k] + w[k + 1 :]
    return " ".join(words)


def person_records(rng: random.Random, actor: int) -> list[tuple[str, list[str], dict]]:
    given = [_zipf(rng, FIRST)] + ([_zipf(rng, FIRST)] if rng.random() < 0.4 else [])
    surnames = [_zipf(rng, SURNAMES), _zipf(rng, SURNAMES)]
    full = " ".join(given + surnames)
    nick = f"El {word(rng.randrange(20_000))}" if rng.random() < 0.3 else None
    born = f"{rng.randrange(1940, 2000)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    out = [(full, [nick] if nick else [], {})]
    for _ in range(rng.choices((0, 1, 2, 3), weights=(55, 30, 10, 5))[0]):
        kind = rng.choice(("list", "order", "short", "typo", "nick", "same"))
        if kind == "list":  # a sanctions-list row: upper case, no accents, with a date of birth
            out.append((_plain(full).upper(), [nick.upper()] if nick else [], {"birth_date": [born]}))
        elif kind == "order" and len(given) == 2:
            out.append((" ".join([given[1], given[0], *surnames]), [], {}))
        elif kind == "short" and len(given) == 2:
            out.append((" ".join([given[0], *surnames]), [], {}))
        elif kind == "typo":
            out.append((_typo(rng, full), [], {}))
        elif kind == "nick" and nick:
            out.append((nick, [], {}))
        else:
            out.append((full, [], {}))
    return out


def group_records(rng: random.Random, actor: int) -> list[tuple[str, list[str], dict]]:
    english, spanish = rng.choice(GROUP_FORMS)
    # distinct invented words, spread so that neighbouring groups do not share syllables
    a, b = (word((2 * actor + k) * 7_919 % 900_007) for k in (0, 1))
    en, es = english.format(a=a, b=b), spanish.format(a=a, b=b)
    acronym = "".join(w[0] for w in es.split() if w.lower() not in ("de", "del")).upper()
    out = [(en, [], {})]
    for _ in range(rng.choices((0, 1, 2), weights=(50, 35, 15))[0]):
        out.append(rng.choice([(es, [acronym], {}), (es, [], {}), (acronym, [], {}), (en, [], {})]))
    return out


def build(n_entities: int, seed: int) -> tuple[KnowledgeGraph, dict[str, list[int]]]:
    """A graph of `n_entities` entities, and the true actors behind each (one per record).

    Ids are made as the loaders make them: a text mention gets the plain id of its name, so two
    namesakes mentioned in text are one node before any resolution (as in the store); a list row
    gets an id of its own (OFAC's entries are told apart by entry number).
    """
    rng = random.Random(seed)
    kg = KnowledgeGraph()
    truth: dict[str, list[int]] = defaultdict(list)
    actor = 0
    while len(kg.entities) < n_entities:
        person = rng.random() < 0.8
        records = person_records(rng, actor) if person else group_records(rng, actor)
        type_name = "Person" if person else rng.choice(("CriminalOrganization", "Organization"))
        for name, aliases, props in records:
            if len(kg.entities) >= n_entities:
                break
            key = f"record:{len(truth)}" if props else None
            eid = kg.add_entity(type_name, name, aliases, props, id=entity_id(type_name, name, key)).id
            truth[eid].append(actor)
        actor += 1
    return kg, truth


def quality(mapping: dict[str, str], truth: dict[str, list[int]]) -> dict[str, int]:
    """Pairs of records of one actor put in one node, and pairs of two actors put in one node,
    before resolution (by id: namesakes in text) and after it."""
    out = {}
    for when, node_of in (("before", lambda e: e), ("after", lambda e: mapping.get(e, e))):
        by_node, by_actor = defaultdict(list), defaultdict(int)
        for eid, actors in truth.items():
            by_node[node_of(eid)].extend(actors)
            for a in actors:
                by_actor[a] += 1
        same = wrong = 0
        for actors in by_node.values():
            counts = defaultdict(int)
            for a in actors:
                counts[a] += 1
            pairs = sum(c * (c - 1) // 2 for c in counts.values())
            same += pairs
            wrong += len(actors) * (len(actors) - 1) // 2 - pairs
        out[f"same_{when}"], out[f"wrong_{when}"] = same, wrong
    out["true"] = sum(c * (c - 1) // 2 for c in by_actor.values())
    return out


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--write", type=int, default=50, help="entities of the incremental write")
    args = parser.parse_args()
    t0 = time.perf_counter()
    everything, truth = build(args.entities + args.write, args.seed)
    kg, later = KnowledgeGraph(), KnowledgeGraph()
    for i, record in enumerate(everything.to_records()):  # to_records sorts by id: a random split
        (later if i % (args.entities // args.write + 1) == 0 and len(later) < args.write else kg).add_record(
            record
        )
    del everything
    built, rss_built = time.perf_counter() - t0, _rss_mb()
    t0 = time.perf_counter()
    mapping, merges = resolve_in_place(kg)
    seconds = time.perf_counter() - t0
    t0 = time.perf_counter()
    kg.merge(later)  # a store write: the new entities, then resolution over what they touch
    write_mapping, write_merges = resolve_in_place(kg, affected=sorted(later.entities))
    write_seconds = time.perf_counter() - t0
    mapping = {**{old: write_mapping.get(new, new) for old, new in mapping.items()}, **write_mapping}
    q = quality(mapping, truth)
    print(f"resolve: {args.entities:,} entities (seed {args.seed}), built in {built:.1f} s (not timed)")
    print()
    print("| entities | nodes after | merges | time (s) | entities/s | peak RSS (MB) | graph built (MB) |")
    print("|" + " ---: |" * 7)
    print(
        f"| {args.entities:,} | {len(kg.entities):,} | {len(merges):,} | {seconds:.1f} "
        f"| {args.entities / seconds:,.0f} | {_rss_mb():.0f} | {rss_built:.0f} |"
    )
    print()
    print(
        f"a write of {len(later):,} more entities into that graph, resolved over what they touch: "
        f"{write_seconds:.2f} s ({len(write_merges):,} merges)"
    )
    print()
    print("pairs of records (one actor's records should share a node; two actors' never):")
    print()
    print("| | one actor, one node | two actors, one node |")
    print("| --- | ---: | ---: |")
    for when in ("before", "after"):
        same, wrong = q[f"same_{when}"], q[f"wrong_{when}"]
        print(
            f"| {when} resolution | {same:,} of {q['true']:,} ({100 * same / q['true']:.1f}%) "
            f"| {wrong:,} ({100 * wrong / max(same + wrong, 1):.2f}% of pairs in one node) |"
        )
    right, wrong = q["same_after"] - q["same_before"], q["wrong_after"] - q["wrong_before"]
    print()
    print(
        f"resolution itself put {right + wrong:,} more pairs of records in one node: {right:,} of one "
        f"actor, {wrong:,} of two ({100 * wrong / max(right + wrong, 1):.1f}%); before it, namesakes "
        "mentioned in text already share an id (one node), as in the store"
    )
    print()
    print("merges by rule (wrong: the merged entity and the node it joined share no actor):")
    print()
    print("| rule | merges | wrong |")
    print("| --- | ---: | ---: |")
    by_rule: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for m in merges:
        by_rule[m.match.rule][0] += 1
        by_rule[m.match.rule][1] += not set(truth[m.absorbed]) & set(truth[m.survivor])
    for rule, (n, bad) in sorted(by_rule.items(), key=lambda t: -t[1][0]):
        print(f"| {rule} | {n:,} | {bad:,} ({100 * bad / n:.1f}%) |")
    print()
    print(f"target: under 30 s for 100,000 entities: {'met' if seconds < 30 else 'NOT met'}")


if __name__ == "__main__":
    main()
