"""Candidate facts of a sentence and what a learned scorer reads of each: who, what, and how English
links them (dependency path, trigger words, the frames and rules that state it, hedging)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from ocgraph import ontology
from ocgraph.loaders.frames import load_raw, trigger_lemma, whole_word
from ocgraph.loaders.mentions import Mention
from ocgraph.loaders.relations import Fact, cues
from ocgraph.loaders.syntax import Binder

MAX_PATH = 7  # longer dependency paths between two names rarely state a fact between them


@dataclass
class Candidate:
    """A possible fact of one sentence, the tokens of its two ends, and the facts that back it."""

    subject: str
    predicate: str
    object: str
    s_token: Any | None = None
    o_token: Any | None = None
    backing: list[Fact] = field(default_factory=list)  # frames and rules that state it

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.subject, self.predicate, self.object)


@cache
def trigger_words() -> dict[str, frozenset[str]]:
    """Lemma -> the predicates whose frames it triggers (the scorer's notion of a trigger word)."""
    out: dict[str, set[str]] = {}
    for f in load_raw()["frames"]:
        for word in f["trigger"]:
            out.setdefault(trigger_lemma(word), set()).add(f["predicate"])
    return {k: frozenset(v) for k, v in out.items()}


def anchors(sentence: Any, binder: Binder) -> list[tuple[Any, Mention]]:
    """(token, mention) for every actor a token of the sentence stands for: the head of each name, and
    pronouns or nominals that point back ("he", "the group", "who")."""
    out: list[tuple[Any, Mention]] = []
    seen: set[int] = set()
    for token in sentence:
        m = binder.covering(token)
        if m is not None:
            if id(m) in seen or (token.head.i != token.i and binder.covering(token.head) is m):
                continue  # only the head token of a name
            seen.add(id(m))
            out.append((token, m))
        elif token.pos_ == "PRON" or token.lower_ in ("who", "which", "whose", "whom"):
            for bound in binder.actors(token, expand=False):
                out.append((token, bound))
    return out


def generate(
    sentence: Any, binder: Binder, backing: Iterable[Fact], types: dict[str, str]
) -> list[Candidate]:
    """Every typed fact between two actors of the sentence, plus the facts frames and rules found (which
    may reach outside it: an authority named earlier, a list bound to "the six men")."""
    found: dict[tuple[str, str, str], Candidate] = {}
    points = anchors(sentence, binder)
    for i, (ta, ma) in enumerate(points):
        for tb, mb in points[i + 1 :]:
            if ma is mb or _path_length(ta, tb) > MAX_PATH:
                continue
            for ka in ma.keys:
                for kb in mb.keys:
                    if ka == kb:
                        continue
                    for name, symmetric in _allowed(types.get(ka), types.get(kb)):
                        for (s, ts), (o, to) in (((ka, ta), (kb, tb)), ((kb, tb), (ka, ta))):
                            if symmetric and s > o:
                                continue
                            if name in _allowed_names(types.get(s), types.get(o)):
                                found.setdefault((s, name, o), Candidate(s, name, o, ts, to))
    for fact in backing:
        c = found.setdefault(fact.key, Candidate(*fact.key))
        c.backing.append(fact)
    return sorted(found.values(), key=lambda c: c.key)


@cache
def _allowed_names(subject: str | None, object_: str | None) -> frozenset[str]:
    """The predicates the ontology allows from one type to another."""
    if not subject or not object_:
        return frozenset()
    return frozenset(p.name for p in ontology.load().predicates.values() if p.allows(subject, object_))


@cache
def _allowed(a: str | None, b: str | None) -> tuple[tuple[str, bool], ...]:
    """(predicate, symmetric) for every predicate the two types allow in either direction, in the
    ontology's order."""
    either = _allowed_names(a, b) | _allowed_names(b, a)
    return tuple((p.name, p.symmetric) for p in ontology.load().predicates.values() if p.name in either)


def features(c: Candidate, sentence: Any) -> list[str]:
    """The features of a candidate, each a string conjoined with its predicate where that matters."""
    p = c.predicate
    f = [f"p={p}", f"bias|{p}"]
    for fact in c.backing:
        frame = fact.rule.split(":")[0] if ":" in fact.rule else f"rule:{fact.rule}"
        f += [f"src={frame}|{p}", f"srcfull={fact.rule}|{p}", f"backed|{p}"]
    if not c.backing:
        f.append(f"unbacked|{p}")
    if c.s_token is None or c.o_token is None:
        f.append(f"outside|{p}")
        return f
    a, b = c.s_token, c.o_token
    path, lemmas = _path(a, b)
    f.append(f"len={min(len(path), 8)}|{p}")
    f.append(f"path={'/'.join(path)}|{p}")
    triggers = trigger_words()
    for lemma in lemmas:
        f.append(f"via={lemma}|{p}")
        if p in triggers.get(lemma, ()):
            f.append(f"trigger-on-path|{p}")
        elif lemma in triggers:
            f.append(f"other-trigger-on-path|{p}")
    lo, hi = sorted((a.i, b.i))
    between = sentence.doc[lo + 1 : hi]
    f.append(f"order={'so' if a.i < b.i else 'os'}|{p}")
    f.append(f"gap={min(hi - lo, 12) // 3}|{p}")
    for t in between:
        if t.pos_ in ("NOUN", "VERB", "ADP", "ADJ") and _lemma(t) in triggers:
            f.append(f"between={_lemma(t)}|{p}")
    f.append(f"sdep={a.dep_}|odep={b.dep_}|{p}")
    factor = _cue(c, sentence)
    f.append(f"cue={factor}|{p}")
    return f


def field_features(fact: Fact) -> list[str]:
    """The features of a fact read from a key-value line (no sentence to parse)."""
    p = fact.predicate
    return [f"p={p}", f"bias|{p}", f"src={fact.rule}|{p}", f"backed|{p}", f"field|{p}"]


def _ancestors(t: Any) -> list[Any]:
    return [t, *t.ancestors]


def _path(a: Any, b: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The dependency path from a to b as arcs ("nsubj^", "dobj_"), and the lemmas of the tokens between
    (one pair has a candidate per predicate its types allow: the path is found once)."""
    return _path_in(a.doc, a.i, b.i)


@lru_cache(maxsize=4096)
def _path_in(doc: Any, i: int, j: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    a, b = doc[i], doc[j]
    up_a, up_b = _ancestors(a), _ancestors(b)
    common = next((t for t in up_a if t in up_b), None)
    if common is None:  # different sentences' roots: no path
        return ("none",), ()
    left = up_a[: up_a.index(common)]
    right = up_b[: up_b.index(common)]
    arcs = [f"{t.dep_}^" for t in left] + [f"{t.dep_}_" for t in reversed(right)]
    middle = [*left[1:], common, *right[1:]] if common not in (a, b) else [*left[1:], *right[1:]]
    return tuple(arcs), tuple(_lemma(t) for t in middle if t.pos_ in ("NOUN", "VERB", "PROPN", "ADJ", "ADP"))


def _lemma(t: Any) -> str:
    """The token's lemma, or a mark that it is part of a longer hyphenated word ("brother" of
    "brother-in-law" is no trigger word)."""
    return _lemmas(t.doc)[t.i]


@lru_cache(maxsize=4)
def _lemmas(doc: Any) -> list[str]:
    """Every token's lemma as `_lemma` gives it, computed once per parsed paragraph."""
    out = []
    for t in doc:
        lemma = t.lemma_.lower()
        i = t.i
        hyphened = (i + 1 < len(doc) and doc[i + 1].text == "-") or (i > 0 and doc[i - 1].text == "-")
        inside = hyphened and t.is_alpha and not whole_word(t, lemma)
        out.append(f"{lemma}-in-compound" if inside else lemma)
    return out


def _path_length(a: Any, b: Any) -> int:
    return len(_path(a, b)[0])


def backed(facts: Iterable[Fact]) -> list[Candidate]:
    """The candidates of the facts frames and rules found, without the pairs of names around them."""
    found: dict[tuple[str, str, str], Candidate] = {}
    for fact in facts:
        found.setdefault(fact.key, Candidate(*fact.key)).backing.append(fact)
    return sorted(found.values(), key=lambda c: c.key)


def candidate_facts(
    candidates: Iterable[Candidate], sentence: Any = None
) -> Iterator[tuple[Candidate, Fact]]:
    """Each candidate with the best backing fact (its rule and properties), or a bare one named by the
    dependency path between its two names (`sentence`: the one the candidates were read from)."""
    for c in candidates:
        best = max(c.backing, key=lambda f: f.confidence, default=None)
        for other in sorted(c.backing, key=lambda f: -f.confidence):
            for key, value in other.properties.items():  # a title's role beside a frame's fact
                if best is not None and key not in best.properties:
                    best.properties[key] = value
        if best is None:
            path = "/".join(_path(c.s_token, c.o_token)[0]) if c.s_token is not None else "outside"
            # its confidence before the model is what the words around it say (denied: none)
            cue = _cue(c, sentence)
            best = Fact(c.subject, c.predicate, c.object, cue, f"pair:{path}", modality=cue)
        yield c, best


def _cue(c: Candidate, sentence: Any = None) -> float:
    if c.s_token is None or c.o_token is None:
        return 0.0
    if sentence is None or not sentence.start <= c.s_token.i < sentence.end:
        sentence = c.s_token.sent  # Token.sent walks the document: passed in where it is known
    a, b = c.s_token, c.o_token
    start = min(a.idx, b.idx) - sentence.start_char
    end = max(a.idx + len(a), b.idx + len(b)) - sentence.start_char
    return cues(_text(sentence), start, end) or 0.0


@lru_cache(maxsize=8)
def _text(sentence: Any) -> str:
    """A sentence's text, built once for all its candidates (spaCy joins its tokens at each call)."""
    return str(sentence.text)
