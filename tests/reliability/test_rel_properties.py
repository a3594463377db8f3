"""Property tests (hypothesis): name folding, slugs, ids, order independence and the RDF round trip."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from ocgraph import ontology
from ocgraph.graph import rdf
from ocgraph.graph.ids import entity_id, fold, slug
from ocgraph.graph.model import Evidence, KnowledgeGraph
from ocgraph.graph.store import dumps_records

ONTO = ontology.load()

# Names as reporters write them: Latin letters with Spanish accents, quotes, dots, hyphens, spaces.
PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
ACCENTED = {
    "á": "a",
    "é": "e",
    "í": "i",
    "ó": "o",
    "ú": "u",
    "ñ": "n",
    "ü": "u",
    "Á": "A",
    "É": "E",
    "Ñ": "N",
}
PUNCT = " .,'’“”-\"()\u00a0"
latin_names = st.text(alphabet=PLAIN + "".join(ACCENTED) + PUNCT, max_size=40)
any_text = st.text(max_size=40)


@given(any_text)
def test_fold_is_idempotent_and_normalised(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded
    assert folded == folded.strip()
    assert "  " not in folded
    assert folded == folded.casefold()


@given(latin_names)
def test_fold_ignores_case_accents_quotes_and_spacing(name: str) -> None:
    # the accent table is written out by hand: an independent route from unicodedata
    unaccented = "".join(ACCENTED.get(c, c) for c in name)
    straight = name.replace("’", "'").replace("“", '"').replace("”", '"')
    assert fold(name) == fold(unaccented) == fold(name.swapcase()) == fold(straight)
    assert fold(name) == fold("  " + name.replace(" ", "   ") + "\t")
    assert re.fullmatch(r"([a-z0-9]+( [a-z0-9]+)*)?", fold(name))


@given(any_text)
def test_slug_is_the_fold_with_hyphens(text: str) -> None:
    s = slug(text)
    assert "--" not in s and not s.startswith("-") and not s.endswith("-")
    assert not re.search(r"\s", s)
    assert s == ("unnamed" if not fold(text) else fold(text).replace(" ", "-"))


@given(st.sampled_from(sorted(ONTO.types)), latin_names, latin_names)
def test_entity_id_is_stable_and_tells_names_apart(type_name: str, a: str, b: str) -> None:
    prefix = ONTO.types[type_name].id_prefix
    assert entity_id(type_name, a) == entity_id(type_name, a) == f"{prefix}/{slug(a)}"
    # the same id exactly when the folded names agree (or both are empty)
    assert (entity_id(type_name, a) == entity_id(type_name, b)) == (fold(a) == fold(b))


@given(latin_names, st.text(min_size=1, max_size=20), st.text(min_size=1, max_size=20))
def test_entity_id_key_separates_namesakes(name: str, key1: str, key2: str) -> None:
    plain = entity_id("Person", name)
    with_key = entity_id("Person", name, key=key1)
    assert with_key.startswith(plain + "-") and len(with_key) == len(plain) + 9
    assert with_key == entity_id("Person", name, key=key1)
    assert (with_key == entity_id("Person", name, key=key2)) == (key1 == key2)


# -- random graphs that respect the ontology ----------------------------------------------------

DATES = st.builds(
    lambda y, m, d, k: [f"{y:04d}", f"{y:04d}-{m:02d}", f"{y:04d}-{m:02d}-{d:02d}"][k],
    st.integers(1900, 2030),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(0, 2),
)
# Text for values: printable, including quotes, backslashes, newlines and non-Latin scripts.
VALUES = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t\"'\\<>&"), max_size=30
)


def _value(prop: ontology.Property) -> st.SearchStrategy:
    if prop.values:
        one: st.SearchStrategy = st.sampled_from(prop.values)
    elif prop.pattern and "\\d{4}" in prop.pattern:
        one = DATES
    elif prop.pattern:  # a currency code, a page map
        one = st.from_regex(prop.pattern, fullmatch=True)
    elif prop.datatype == "xsd:decimal":
        lo = prop.min if prop.min is not None else -1e9
        hi = prop.max if prop.max is not None else 1e9
        one = st.integers(int(lo), int(hi)) | st.floats(lo, hi, allow_nan=False).map(lambda x: round(x, 6))
    else:
        one = VALUES.filter(str.strip)
    return st.lists(one, min_size=1, max_size=3) if prop.many else one


@st.composite
def graphs(draw: st.DrawFn, names: st.SearchStrategy[str] | None = None) -> KnowledgeGraph:
    kg = KnowledgeGraph()
    n = draw(st.integers(1, 8))
    for _ in range(n):
        type_name = draw(st.sampled_from(sorted(ONTO.types)))
        name = draw(names if names is not None else VALUES.filter(lambda s: s.split()))
        keys = draw(
            st.lists(st.sampled_from(sorted(set(ONTO.node_properties) - {"name", "aliases"})), max_size=3)
        )
        props = {k: draw(_value(ONTO.node_properties[k])) for k in keys}
        aliases = draw(st.lists(VALUES, max_size=2))
        kg.add_entity(type_name, name, aliases, props)
    ids = sorted(kg.entities)
    for _ in range(draw(st.integers(0, 10))):
        s, o = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
        options = [
            p
            for p in ONTO.predicates.values()
            if p.allows(kg.entities[s].type, kg.entities[o].type) and s != o
        ]
        if not options:
            continue
        pred = draw(st.sampled_from(options))
        names = draw(st.lists(st.sampled_from((*pred.properties, *ONTO.common_edge_properties)), max_size=3))
        props = {k: draw(_value(ONTO.edge_properties[k])) for k in names}
        evidence = draw(
            st.lists(
                st.builds(
                    Evidence,
                    document=st.just("doc/0123456789abcdef"),
                    start=st.integers(0, 10_000),
                    end=st.integers(0, 10_000),
                    sentence=VALUES,
                    extractor=st.sampled_from(("manual", "spacy-rules/1")),
                    confidence=st.none() | st.floats(0, 1).map(lambda x: round(x, 4)),
                ),
                max_size=2,
            )
        )
        kg.add_relation(s, pred.name, o, props, evidence)
    return kg


def _store_bytes(kg: KnowledgeGraph) -> bytes:
    return "".join(dumps_records(kg)).encode("utf-8")


SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SLOW
@given(graphs())
def test_rdf_round_trip_through_rdflib(kg: KnowledgeGraph) -> None:
    back = rdf.from_rdflib(rdf.to_rdflib(kg))
    assert back.to_records() == kg.to_records()
    assert _store_bytes(back) == _store_bytes(kg)


@SLOW
@given(graphs(), st.sampled_from(["nt", "turtle"]))
def test_rdf_round_trip_through_files(
    tmp_path_factory: pytest.TempPathFactory, kg: KnowledgeGraph, fmt: str
) -> None:
    out = io.BytesIO()
    rdf.write(kg, out, fmt)
    path = Path(tmp_path_factory.mktemp("rdf")) / f"graph.{'nt' if fmt == 'nt' else 'ttl'}"
    path.write_bytes(out.getvalue())
    assert _store_bytes(rdf.read(path)) == _store_bytes(kg)
    # rdflib parses the same file to the same triples as our own graph builder (isomorphic)
    parsed = rdflib.Graph().parse(path, format=fmt)
    assert isomorphic(parsed, rdf.to_rdflib(kg))


@SLOW
@given(graphs(), st.randoms(use_true_random=False))
def test_insertion_order_does_not_change_the_bytes(kg: KnowledgeGraph, random) -> None:
    records = kg.to_records()
    entities = [r for r in records if r["kind"] == "entity"]
    relations = [r for r in records if r["kind"] == "relation"]
    random.shuffle(entities)
    random.shuffle(relations)
    again = KnowledgeGraph()
    for record in entities + relations:
        again.add_record(record)
    assert _store_bytes(again) == _store_bytes(kg)
    out1, out2 = io.BytesIO(), io.BytesIO()
    rdf.write(kg, out1, "turtle")
    rdf.write(again, out2, "turtle")
    assert out1.getvalue() == out2.getvalue()


# Few names and types, so two graphs share entities and relations and disagree on their values.
FEW = st.sampled_from(["Ana Soto", "Los Rojos", "Mexico", "Beta"])


@SLOW
@given(graphs(FEW), graphs(FEW))
def test_merge_order_does_not_change_the_bytes(a: KnowledgeGraph, b: KnowledgeGraph) -> None:
    ab, ba = KnowledgeGraph(), KnowledgeGraph()
    for target, parts in ((ab, (a, b)), (ba, (b, a))):
        for part in parts:
            try:
                target.merge(part)
            except ontology.OntologyError:
                return  # the same name with two types: refused either way
    assert _store_bytes(ab) == _store_bytes(ba)


@given(st.sampled_from([p for p in ONTO.predicates.values() if p.symmetric]), latin_names, latin_names)
def test_symmetric_relation_is_stored_once(pred: ontology.Predicate, a: str, b: str) -> None:
    if not (fold(a) and fold(b)) or fold(a) == fold(b):
        return
    type_name = pred.domain[0]
    forward, backward = KnowledgeGraph(), KnowledgeGraph()
    for kg, (x, y) in ((forward, (a, b)), (backward, (b, a))):
        ex, ey = kg.add_entity(type_name, x), kg.add_entity(type_name, y)
        rel = kg.add_relation(ex.id, pred.name, ey.id)
        assert rel.subject < rel.object
    assert _store_bytes(forward) == _store_bytes(backward)
