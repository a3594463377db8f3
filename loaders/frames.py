"""Frames: the predicates' trigger words and argument attachments (loaders/data/frames.yaml), written
in spaCy's DependencyMatcher notation and matched on dependency parses from each trigger word."""

from __future__ import annotations

import copy
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from ocgraph.errors import OcgraphError

VERSION = 2
EXTRACTOR = f"ocgraph-frames/{VERSION}"
ARGUMENTS = ("T", "A", "B")


@dataclass(frozen=True)
class Frame:
    id: str
    predicate: str
    subject: str  # "A" or "B": which argument is the fact's subject
    triggers: tuple[str, ...]
    shapes: tuple[str, ...]
    preps: tuple[str, ...] = ()
    narrowed: str | None = None
    nationality: bool = False  # "Mexican Foreign Minister": a demonym names the state of the role
    positive: tuple[tuple[str, tuple[str, str]], ...] = ()
    negative: tuple[str, ...] = ()
    # the predicate a match states when the two ends' types rule out `predicate`: "an associate of El
    # Chapo" is no membership of a person, it is a link between two people
    fallback: str | None = None
    # the fact's object is a body one belongs to, never a country: "left the Gulf Cartel", not "left Mexico"
    bodies_only: bool = False


@dataclass(frozen=True)
class Match:
    """One frame matched in a sentence: the trigger token and the tokens of its arguments."""

    frame: Frame
    shape: str
    attachments: str  # e.g. "holder-copula+in-prep"
    trigger: Any
    a: Any | None  # None when the doer is implicit: the authority named before ("was designated")
    b: Any | None  # None for a mutual shape: `a` holds both sides
    a_is_place: bool = False  # the A token is a place, which stands for the state that holds it

    @property
    def rule(self) -> str:
        return f"{self.frame.id}:{self.attachments}"


@dataclass(frozen=True)
class Pattern:
    """What a pattern key stands for: its frame, shape, attachments and node names."""

    frame: Frame
    shape: str
    label: str  # the attachments, e.g. "holder-copula+in-prep"
    names: list[str]  # the node of each matched token
    unless: tuple[str, ...]  # dependency labels the trigger must not have
    words: tuple[str, ...]  # the trigger words of the pattern
    a_is_place: bool
    subjectless: tuple[str, ...] = ()  # helper nodes that must have no subject of their own
    # helper nodes that, being one of the verbs listed, must have no direct object
    objectless: tuple[tuple[str, frozenset[str]], ...] = ()


@dataclass
class Grammar:
    """The frames file, compiled: each pattern key leads to its pattern."""

    frames: dict[str, Frame]
    patterns: dict[str, Pattern] = field(default_factory=dict)


def _attrs(attrs: dict[str, Any], preps: tuple[str, ...]) -> dict[str, Any]:
    out = copy.deepcopy(attrs)
    for value in out.values():
        if isinstance(value, dict) and value.get("IN") == "$preps":
            value["IN"] = list(preps)
    return out


def _merge(*trigger_attrs: dict[str, Any]) -> dict[str, Any] | None:
    """The trigger's attributes required by several attachments; None when they contradict.

    >>> _merge({"DEP": {"IN": ["dobj", "nsubjpass"]}}, {"DEP": "nsubjpass"})
    {'DEP': {'IN': ['nsubjpass']}}
    >>> _merge({"DEP": "appos"}, {"DEP": "nsubj"}) is None
    True
    """
    out: dict[str, Any] = {}
    for attrs in trigger_attrs:
        for k, v in attrs.items():
            allowed = set(v["IN"]) if isinstance(v, dict) else {v}
            if k in out:
                allowed &= set(out[k]["IN"])
                if not allowed:
                    return None
            out[k] = {"IN": sorted(allowed)}
    return out


def fixed(trigger: str) -> bool:
    """Whether a trigger is a fixed phrase the pipeline reads as one token before parsing
    ("second-in-command", "right-hand man"): its words are no head and modifiers the parser would find."""
    return "-" in trigger or len(trigger.split()) >= 3


def phrase_lemma(text: str) -> str:
    """The lemma of a fixed phrase, whichever of hyphens and spaces it is written with."""
    return " ".join(re.split(r"[\s-]+", text.lower()))


def trigger_lemma(trigger: str) -> str:
    """The word a trigger is matched on: a fixed phrase whole, else its last word."""
    return phrase_lemma(trigger) if fixed(trigger) else trigger.split()[-1].lower()


def _pattern(triggers: list[str], pos: list[str], frame: Frame, parts: list[tuple[str, dict]]):
    """A DependencyMatcher pattern: the trigger words (one word each; or one trigger of two words, whose
    first must modify the last) and the relations of each attachment, helper tokens renamed apart."""
    words = [triggers[0]] if fixed(triggers[0]) else triggers[0].split()
    extra = _merge(*(att.get("trigger", {}) for _, att in parts))
    if extra is None:
        return None, []
    # a proper noun keeps its capital in the lemma ("Minister" in "Foreign Minister Marcelo Ebrard")
    heads = {trigger_lemma(t) for t in triggers}
    # "co-founder", "ex-leader", "vice-president" are one token (loaders/spacy_extractor.py)
    heads |= {f"{p}-{h}" for h in heads for p in ("co", "ex", "vice")}
    lemmas = sorted({x for h in heads for x in (h, h.capitalize())})
    head = {"LEMMA": {"IN": lemmas}, "POS": {"IN": pos}, **extra}
    pattern: list[dict[str, Any]] = [{"RIGHT_ID": "T", "RIGHT_ATTRS": head}]
    names = ["T"]
    for n, word in enumerate(words[:-1]):
        name = f"w{n}"
        pattern.append({"LEFT_ID": "T", "REL_OP": ">", "RIGHT_ID": name, "RIGHT_ATTRS": {"LOWER": word}})
        names.append(name)
    for tag, att in parts:
        rename = {
            x: x if x in ARGUMENTS else f"{tag}{x}" for node in att["nodes"] for x in (node[0], node[2])
        }
        if any(rename[left] not in names for left, *_ in att["nodes"][:1]):
            return None, []  # "A's possessive" after an attachment that names no A: no such match
        for left, op, right, attrs in att["nodes"]:
            pattern.append(
                {"LEFT_ID": rename[left], "REL_OP": op, "RIGHT_ID": rename[right],
                 "RIGHT_ATTRS": _attrs(attrs, frame.preps)}
            )  # fmt: skip
            names.append(rename[right])
    return pattern, names


def parse(raw: dict[str, Any]) -> tuple[Grammar, list[tuple[str, list[dict]]]]:
    """The frames file as a Grammar and the patterns, by key."""
    if raw.get("version") != VERSION:
        raise OcgraphError(f"frames file version {raw.get('version')!r}, expected {VERSION}")
    attach, shapes = raw["attach"], raw["shapes"]
    grammar = Grammar(frames={})
    to_add = []
    for f in raw["frames"]:
        frame = Frame(
            f["id"], f["predicate"], f.get("subject", "A"), tuple(f["trigger"]), tuple(f["shapes"]),
            tuple(f.get("preps", ())), f.get("narrowed"), bool(f.get("nationality")),
            tuple((text, tuple(fact)) for text, fact in f.get("positive", [])), tuple(f.get("negative", [])),
            f.get("fallback"), bool(f.get("bodies_only")),
        )  # fmt: skip
        if frame.id in grammar.frames:
            raise OcgraphError(f"frames file: frame {frame.id!r} is declared twice")
        grammar.frames[frame.id] = frame
        # one pattern for all one-word triggers, one for each trigger of two words
        groups = [[t for t in frame.triggers if " " not in t or fixed(t)]]
        groups += [[t] for t in frame.triggers if " " in t and not fixed(t)]
        for shape in frame.shapes:
            sides = shapes[shape]
            combos = itertools.product(sides["A"], sides.get("B", [None]))
            for (a_name, b_name), triggers in itertools.product(combos, [g for g in groups if g]):
                parts = [("a", attach[a_name])] + ([("b", attach[b_name])] if b_name else [])
                pattern, names = _pattern(triggers, sides["pos"], frame, parts)
                if pattern is None:
                    continue
                label = a_name + (f"+{b_name}" if b_name else "")
                key = f"{frame.id}|{shape}|{label}|{triggers[0] if len(triggers) == 1 else ''}"
                unless = tuple(attach[a_name].get("unless", ())) + tuple(
                    attach[b_name].get("unless", ()) if b_name else ()
                )
                place = bool(attach[a_name].get("place"))
                lone = tuple(f"a{x}" for x in attach[a_name].get("subjectless", ())) + tuple(
                    f"b{x}" for x in (attach[b_name].get("subjectless", ()) if b_name else ())
                )
                bare = tuple(
                    (f"{side}{node}", frozenset(verbs))
                    for side, name in (("a", a_name), ("b", b_name))
                    if name
                    for node, verbs in attach[name].get("objectless", {}).items()
                )
                grammar.patterns[key] = Pattern(
                    frame, shape, label, names, unless, tuple(triggers), place, lone, bare
                )
                to_add.append((key, [pattern]))
    return grammar, to_add


class _Loader(yaml.SafeLoader):
    """YAML as of version 1.2: only true and false are booleans, so "on", "off", "yes" and "no" stay the
    English words the frames list (YAML 1.1 would read the preposition "on" as True)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


@cache
def fixed_phrases() -> re.Pattern[str] | None:
    """Every fixed phrase of the frames' triggers, as the text may write it (hyphens or spaces)."""
    phrases = {phrase_lemma(t) for f in load_raw()["frames"] for t in f["trigger"] if fixed(t)}
    if not phrases:
        return None
    alternatives = sorted((r"[\s-]+".join(map(re.escape, p.split())) for p in phrases), key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])", re.I)


@cache
def load_raw() -> dict[str, Any]:
    text = resources.files("ocgraph.loaders").joinpath("data/frames.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=_Loader)  # a SafeLoader: no Python objects are built


_OPS = {
    ">": lambda t: t.children,
    "<": lambda t: () if t.head.i == t.i else (t.head,),
    ">>": lambda t: (x for x in t.subtree if x.i != t.i),
    ";": lambda t: (t.doc[t.i - 1],) if t.i > 0 else (),  # the token right before
}
_ATTRS = {
    "DEP": "dep_",
    "LEMMA": "lemma_",
    "POS": "pos_",
    "LOWER": "lower_",
    "TAG": "tag_",
    "IS_LOWER": "is_lower",
}


SUBJECTS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True)
class _Node:
    left: int  # the earlier node this one is reached from (-1 for the trigger)
    op: str
    tests: tuple[tuple[str, frozenset[str]], ...]  # token attribute, allowed values

    def admits(self, token: Any) -> bool:
        for attr, allowed in self.tests:  # noqa: SIM110 (a loop, not all(): it runs a million times a corpus)
            if getattr(token, attr) not in allowed:
                return False
        return True


def _node(spec: dict[str, Any], index: dict[str, int]) -> _Node:
    tests = []
    for key, value in spec["RIGHT_ATTRS"].items():
        if key not in _ATTRS:
            raise OcgraphError(f"frames file: unknown token attribute {key!r}")
        tests.append((_ATTRS[key], frozenset(value["IN"] if isinstance(value, dict) else [value])))
    op = spec.get("REL_OP", "")
    if op and op not in _OPS:
        raise OcgraphError(f"frames file: unknown relation {op!r}")
    return _Node(index[spec["LEFT_ID"]] if op else -1, op, tuple(tests))


class _Tree:
    """One pattern in spaCy's DependencyMatcher notation, matched from its trigger: each node is reached
    from an earlier one by a relation (">" a child, "<" the head, ">>" a descendant, ";" the token right
    before), and every way to give all nodes a token is a match (the matcher's semantics, without
    matching every node's attributes on every token of the sentence first)."""

    def __init__(self, key: str, pattern: list[dict[str, Any]]) -> None:
        self.key = key
        index: dict[str, int] = {}
        self.nodes: list[_Node] = []
        for spec in pattern:
            if spec["RIGHT_ID"] in index:
                raise OcgraphError(f"frames file: node {spec['RIGHT_ID']!r} named twice in {key}")
            self.nodes.append(_node(spec, index))
            index[spec["RIGHT_ID"]] = len(index)

    def matches(self, trigger: Any) -> Iterator[list[Any]]:
        if self.nodes[0].admits(trigger):
            yield from self._extend([trigger])

    def _extend(self, chosen: list[Any]) -> Iterator[list[Any]]:
        if len(chosen) == len(self.nodes):
            yield list(chosen)
            return
        node = self.nodes[len(chosen)]
        # spaCy yields children, heads and subtrees in the text's order already
        for token in _OPS[node.op](chosen[node.left]):
            if node.admits(token):
                chosen.append(token)
                yield from self._extend(chosen)
                chosen.pop()


class FrameMatcher:
    """Finds every frame in a parsed spaCy Doc. Patterns are looked up by the trigger's lemma and
    matched from the trigger outwards (matching every pattern on every token costs seconds a page)."""

    def __init__(self, raw: dict[str, Any] | None = None) -> None:
        self.grammar, patterns = parse(raw or load_raw())
        self.by_lemma: dict[str, list[_Tree]] = {}
        for key, (pattern,) in patterns:
            tree = _Tree(key, pattern)
            lemmas = next(allowed for attr, allowed in tree.nodes[0].tests if attr == "lemma_")
            for lemma in sorted(lemmas):
                self.by_lemma.setdefault(lemma, []).append(tree)

    @property
    def frames(self) -> dict[str, Frame]:
        return self.grammar.frames

    def matches(self, doc: Any) -> Iterator[Match]:
        """Every match in the doc, in a stable order (by trigger, then frame and attachments)."""
        found = []
        phrases: set[int] = set()  # triggers matched as two words ("plaza boss")
        for trigger in doc:
            for tree in self.by_lemma.get(trigger.lemma_, ()):
                for chosen in tree.matches(trigger):
                    p = self.grammar.patterns[tree.key]
                    tokens = dict(zip(p.names, chosen, strict=True))
                    if p.unless and any(c.dep_ in p.unless for c in trigger.children):
                        continue
                    if any(c.dep_ in SUBJECTS for n in p.subjectless for c in tokens[n].children):
                        continue  # "A referred to X, and B is the leader": the copula has its own subject
                    if any(
                        tokens[n].lemma_ in verbs and any(c.dep_ == "dobj" for c in tokens[n].children)
                        for n, verbs in p.objectless
                    ):
                        continue  # "A identified B as the leader": the leader is B, the verb's object
                    word = p.words[0] if len(p.words) == 1 else _word_of(trigger, p.words)
                    if not whole_word(trigger, word):
                        continue  # "son" of "son-in-law"
                    if "w0" in tokens:
                        phrases.add(trigger.i)
                    a, b = tokens.get("A"), tokens.get("B")
                    found.append(Match(p.frame, p.shape, p.label, trigger, a, b, p.a_is_place))
        found = [m for m in found if m.trigger.i not in phrases or " " in trigger_word(m)]
        found.sort(key=lambda m: (m.trigger.i, m.frame.id, m.attachments, _i(m.a), _i(m.b)))
        return iter(found)


def _word_of(token: Any, words: tuple[str, ...]) -> str:
    """Which of a pattern's one-word triggers the token is (by its lemma, or as a hyphenated word)."""
    lemma = token.lemma_.lower()
    by_lemma = next((w for w in words if trigger_lemma(w) == lemma), lemma)
    return next((w for w in words if w == lemma), by_lemma)


def _i(token: Any | None) -> int:
    return -1 if token is None else token.i


# prefixes that keep a hyphenated word's meaning ("co-founder", "ex-leader", "half-brother")
PREFIXES = {"co", "ex", "vice", "arch", "half", "step", "self", "then", "one-time", "onetime"}


def whole_word(token: Any, trigger: str) -> bool:
    """Whether the token is the trigger as a whole word: not part of a longer hyphenated word ("son" in
    "son-in-law"), unless the trigger is that word ("second-in-command") or a prefix only qualifies it
    ("co-founder", "ex-leader")."""
    doc = token.doc
    start = end = token.i
    while (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 2].whitespace_
        and not doc[start - 1].whitespace_
    ):
        start -= 2
    while (
        end + 2 < len(doc)
        and doc[end + 1].text == "-"
        and not doc[end].whitespace_
        and not doc[end + 1].whitespace_
    ):
        end += 2
    if start == end:  # a word of its own ("co-founder" is one token: loaders/spacy_extractor.py)
        return token.text.count("-") == trigger.split()[-1].count("-") or "-" in token.text
    word = doc[start : end + 1].text.lower()
    last = trigger.split()[-1]
    return word == last or (end == token.i and start == token.i - 2 and doc[start].lower_ in PREFIXES)


def trigger_word(match: Match) -> str:
    """The trigger as the frame wrote it: two words when its modifier makes a trigger phrase."""
    for child in match.trigger.children:
        phrase = f"{child.lower_} {match.trigger.lemma_.lower()}"
        if phrase in match.frame.triggers:
            return phrase
    return match.trigger.lemma_.lower()
