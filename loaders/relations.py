"""Relations from a sentence: actors become slots ({P0}, {C1}...) and English patterns match over them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ocgraph import ontology
from ocgraph.loaders.mentions import ALIAS_WORDS, Mention

SLOT = re.compile(r"\{([A-Z])(\d+)\}")
MACRO = re.compile(r"<([A-Z*]+)(\+?):(\w+)>")
LIST_JOIN = r"(?:,? and |, |,? as well as |,? along with )"
NEGATION = re.compile(
    r"\b(?:not|never|no longer|denied|denies|deny|denying|neither|nor|falsely|"
    r"no (?:evidence|indication|sign|proof))\b|n't\b",
    re.I,
)
# case matters here: "May" is also a month
SPECULATION = re.compile(
    r"\b(?:unclear|unconfirmed|rumou?r(?:s|ed)?|speculat\w*|may|might|possibly|perhaps|"
    r"whether|if)\b"
)
HEDGE = re.compile(
    r"\b(?:reportedly|allegedly|alleged|purported(?:ly)?|according to|said|says|claimed|believes?|"
    r"believed|suspected|thought to)\b",
    re.I,
)
COUNTED = re.compile(r"both|(?:the|these|those) (?:two|three|four|five|six)")
IDIOM = re.compile(r"\b(?:anyone|those|people|persons?) (?:who|that) (?:could|may|might|can) \w+")


def expand(pattern: str) -> re.Pattern[str]:
    """Compile a pattern written with slot macros: <PC:a> is one Person or group slot named a,
    <P+:a> a list of them ("{P1}, {P2} and {P3}"), <*:a> any slot.

    >>> expand("<C:org> members <P+:who>").search("{C0} members {P1}, {P2} and {P3}.").group("org", "who")
    ('0', '{P1}, {P2} and {P3}')
    """
    out, pos = [], 0
    for m in MACRO.finditer(pattern):
        out.append(pattern[pos : m.start()])
        types = "A-Z" if m.group(1) == "*" else m.group(1)
        if m.group(2):
            one = rf"\{{[{types}]\d+\}}"
            out.append(rf"(?P<{m.group(3)}>{one}(?:{LIST_JOIN}{one})*)")
        else:
            out.append(rf"\{{[{types}](?P<{m.group(3)}>\d+)\}}")
        pos = m.end()
    out.append(pattern[pos:])
    return re.compile("".join(out))


def slots(text: str | None) -> list[int]:
    """Slot numbers in a matched group: "5" -> [5]; "{P1}, {P2} and {P3}" -> [1, 2, 3]."""
    if not text:
        return []
    return [int(text)] if text.isdigit() else [int(n) for _, n in SLOT.findall(text)]


@dataclass
class Fact:
    """One extracted relation between two actor ids, before it enters a graph."""

    subject: str
    predicate: str
    object: str
    confidence: float
    rule: str
    properties: dict[str, Any] = field(default_factory=dict)
    modality: float = 1.0  # what the words around it say: 1 plain, 0.85 reported, 0.4 wondered about

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.subject, self.predicate, self.object)


@dataclass
class Sentence:
    """A sentence as slots: the template text and the mention behind each slot."""

    text: str
    template: str
    mentions: list[Mention]

    def keys(self, slot: int) -> tuple[str, ...]:
        return self.mentions[slot].keys

    def type(self, slot: int) -> str | None:
        return self.mentions[slot].type


def build(text: str, mentions: list[Mention]) -> Sentence:
    """The slot template of a sentence; alias and acronym repeats collapse into their owner's slot."""
    parts, pos, used = [], 0, []
    for m in sorted(mentions, key=lambda m: m.start):
        if not m.keys or m.start < pos:
            continue
        parts.append(text[pos : m.start])
        parts.append(f"{{{m.code}{len(used)}}}")
        used.append(m)
        pos = m.end
    parts.append(text[pos:])
    t = "".join(parts)
    # "Both factions are at war with X": "both" already stands for the groups, the noun adds nothing
    t = re.sub(
        r"(\{[A-Z](\d+)\}) (?:factions|groups|gangs|cartels|clans|cells|organizations)\b",
        lambda m: m.group(1) if COUNTED.fullmatch(used[int(m.group(2))].text.casefold()) else m.group(0),
        t,
    )
    t = re.sub(r'"(\{[A-Z]\d+\})', r"\1", t)
    t = re.sub(r"(?<=\s)'(\{[A-Z]\d+\})([,.]?)'", r"\1\2", t)  # 'Pichi' in single quotes
    t = re.sub(r'(\{[A-Z]\d+\})([,.]?)"', r"\1\2", t)
    t = re.sub(r"\b[Tt]he (\{[A-Z]\d+\})", r"\1", t)

    def same(a: str, b: str) -> bool:
        return used[slots(a)[0]].keys == used[slots(b)[0]].keys

    def drop_alias(m: re.Match[str]) -> str:
        return m.group(1) if same(m.group(1), m.group(2)) else m.group(0)

    t = re.sub(
        r"(\{[A-Z]\d+\}) (?:(?:clique|gang|cartel|clan|faction|cell|group|network|program|programme|policy|"
        r"initiative|strategy|plan) )?\((\{[A-Z]\d+\})\)",
        drop_alias,
        t,
    )
    # "X, 41, known as ...": an age in commas says nothing about relations
    t = re.sub(r"(\{P\d+\}), \d{1,3},", r"\1,", t)
    # "X, alias Y, leads": drop the alias and both its commas, so X meets its verb (an appositive that
    # follows, "X, alias Y, the brother of Z", keeps its comma)
    t = re.sub(
        rf"(\{{[A-Z]\d+\}}), {ALIAS_WORDS} (\{{[A-Z]\d+\}}),"
        r"(?= (?!(?:the|an?|one|another|his|her|its|their|who|whom|which|and)\b)[a-z])",
        drop_alias,
        t,
    )
    t = re.sub(
        rf"(\{{[A-Z]\d+\}}),? {ALIAS_WORDS} (\{{[A-Z]\d+\}})",
        drop_alias,
        t,
    )
    # "the Scorpions (Escorpiones)": a translation in brackets, with no actor in it, says nothing
    t = re.sub(r"(\{[A-Z]\d+\}) \((?:[A-Z]|\{[A-Z]\d+\} [A-Z])[^(){}]*\)", r"\1", t)
    t = re.sub(r"\s+", " ", t).strip()
    return Sentence(text, t, used)


Handler = Callable[[re.Match[str], Sentence], Iterator[Fact]]


@lru_cache(maxsize=4096)
def cues(template: str, start: int, end: int) -> float | None:
    """The confidence factor the words around a match imply: None (negated), low (speculative), 1.0."""
    window = IDIOM.sub("", template[max(0, start - 60) : end])
    if NEGATION.search(window):
        return None
    if SPECULATION.search(window):
        return 0.4
    if HEDGE.search(template[max(0, start - 60) : end]):
        return 0.85
    return 1.0


def allowed(predicate: str, subject_type: str | None, object_type: str | None) -> bool:
    pred = ontology.predicate(predicate)
    return subject_type is not None and object_type is not None and pred.allows(subject_type, object_type)
