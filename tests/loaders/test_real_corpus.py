"""The real-article corpus (tests/fixtures/real) is what extraction quality is measured on: every gold file
must read cleanly, quote its own article, and every article must have a gold file and a source."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from ocgraph.loaders.gold import fold, read_gold

REAL = Path(__file__).parent.parent / "fixtures" / "real"
SPLITS = (
    "dev",
    "test",
    "test2",
    "test3",
    "test4",
    "test5",
    "test6",
    "test7",
    "test8",
    "test9",
    "test10",
    "test11",
    "test12",
    "test13",
    "test14",
    "test15",
    "test16",
    "test17",
    "test18",
    "test19",
    "test20",
    "test21",
    "test22",
    "test23",
    "test24",
    "test25",
    "test26",
    "test27",
)
ARTICLES = sorted(p for split in SPLITS for p in (REAL / split).glob("*.txt"))


def _squash(text: str) -> str:
    """Whitespace as one space, so a quotation may run across the article's line breaks."""
    return " ".join(text.split())


def test_every_split_holds_articles_each_with_its_gold_file() -> None:
    for split in SPLITS:
        texts = {p.stem for p in (REAL / split).glob("*.txt")}
        golds = {p.name.removesuffix(".gold.json") for p in (REAL / split).glob("*.gold.json")}
        assert len(texts) >= 15, split  # test3 holds 18
        assert texts == golds, split


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_gold_reads_and_quotes_its_article(article: Path) -> None:
    gold = read_gold(article.with_name(article.stem + ".gold.json"))  # types and predicates checked
    assert gold.document == article.name
    text = _squash(article.read_text(encoding="utf-8"))
    folded = fold(text)
    for r in gold.relations:
        assert r.evidence, f"{article.name}: {r} has no evidence"
    for r in [*gold.relations, *gold.uncertain]:  # an uncertain fact may be background, unquoted
        quoted = not r.evidence or _squash(r.evidence) in text
        assert quoted, f"{article.name}: evidence not in the article: {r.evidence!r}"
    for gid, names in gold.names.items():
        if any(gid in (r.subject, r.object) for r in gold.relations):
            # an entity of a certain fact is named in the article (an uncertain one may be implied)
            assert any(fold(n) in folded for n in names), f"{article.name}: {gid} {names}"


def test_no_article_is_in_two_splits() -> None:
    seen: dict[str, Path] = {}
    for article in ARTICLES:
        digest = hashlib.sha256(_squash(article.read_text(encoding="utf-8")).encode()).hexdigest()
        assert digest not in seen, f"{article} repeats {seen.get(digest)}"
        seen[digest] = article
    stems = [a.stem for a in ARTICLES]
    assert len(stems) == len(set(stems))


def test_every_article_has_a_source_row() -> None:
    sources = (REAL / "SOURCES.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| (\w+/[\w.-]+\.txt) \|", sources, flags=re.M))
    assert rows == {f"{a.parent.name}/{a.name}" for a in ARTICLES}
