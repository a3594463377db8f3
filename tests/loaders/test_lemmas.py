"""The pipeline's remembered lemmas are spaCy's own: the same word forms get the same lemmas as the
model's rule lemmatizer gives them, on a real article."""

from __future__ import annotations

from pathlib import Path

import spacy

from ocgraph.loaders.spacy_extractor import MODEL, load_pipeline

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
ARTICLE = REAL / "dev" / "mx-doj-2023-chapitos-indicted.txt"


def test_remembered_lemmas_are_the_lemmatizers_own() -> None:
    ours = load_pipeline()
    assert "ocgraph_lemmas" in ours.pipe_names and "lemmatizer" not in ours.pipe_names
    theirs = spacy.load(MODEL, exclude=["senter"])
    text = ARTICLE.read_text(encoding="utf-8")
    twice = [ours(text), ours(text)]  # the second reading takes every lemma from what it remembers
    expected = [(t.text, t.lemma_) for t in theirs(text)]
    for doc in twice:
        # the tokenizer's own special cases differ ("a.k.a."), so compare where the tokens agree
        got = dict(((t.idx, t.text), t.lemma_) for t in doc)
        same = [(t.idx, t.text, t.lemma_) for t in theirs(text) if (t.idx, t.text) in got]
        assert len(same) > 0.95 * len(expected)
        assert [lemma for *_, lemma in same] == [got[(i, w)] for i, w, _ in same]
