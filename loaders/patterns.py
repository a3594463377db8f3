"""The slot-template rules left beside the frames: regular expressions over a sentence whose actors are
slots ("{P0} was jailed in {S1}"). Each rule stays only while `ocgraph evaluate` shows it adds right
facts on the real dev articles beyond what the frames, the pair model and the other rules find
(leave-one-rule-out); the other 94 of the 96 rules there were removed that way."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ocgraph.loaders.relations import Fact, Sentence, allowed, expand, slots

# an appositive between a subject and its verb: "A, a former police officer, was jailed in ..."
APPOS = (
    r"(?:, (?:(?:an?|the|one|another|formerly|once|previously|originally|part of|who|whom) |"
    r"(?=\{[A-Z]\d+\}'s))"
    r"[^,;.{}]*?(?:\{[A-Z]\d+\}[^,;.{}]*?){0,2},)?"
)


def in_appositive(template: str, pos: int) -> bool:
    """Whether the slot at `pos` sits inside an appositive opened by ", a ..." (and no relative clause)."""
    before = template[:pos]
    seg = before[before.rfind(",") :] if "," in before else ""
    return bool(re.match(r",\s*(?:an?|the|one|another|his|her|its|their)\s", seg)) and not re.search(
        r"\b(?:who|whom|which|that)\b", seg
    )


def _subjects(m: re.Match[str], group: str) -> list[int]:
    """The slots of a matched list; "A, and B, who served as ..." says it of B alone."""
    found = slots(m.group(group))
    if len(found) > 1 and re.match(r",? (?:who|whom|whose)\b", m.string[m.end(group) : m.end()]):
        return found[-1:]
    return found


def pair_rule(predicate: str, subject: str, obj: str, rule: str, conf: float = 0.9):
    """A handler: `predicate` from every `subject` slot to every `obj` slot of the match."""

    def handle(m: re.Match[str], sent: Sentence) -> Iterator[Fact]:
        first = min(m.start(subject), m.start(obj))
        own_clause = first == m.start(subject) and re.match(r",? who\b", m.string[m.end(subject) :])
        if in_appositive(sent.template, first) and not own_clause:
            return  # "X, a brother-in-law of Y, was extradited": Y is not the one extradited
        for s in _subjects(m, subject):
            for o in slots(m.group(obj)):
                for ks in sent.keys(s):
                    for ko in sent.keys(o):
                        if ks != ko and allowed(predicate, sent.type(s), sent.type(o)):
                            yield Fact(ks, predicate, ko, conf, rule, {})

    return handle


RULES = [
    # "A, who was jailed in the United States", "A was extradited to Colombia"
    (
        "jailed-in",
        expand(
            rf"<P+:a>{APPOS},?(?: —| -)? "
            r"(?:who (?:is|was) |was |were |is |has been |had been |after being |after )?"
            # "was captured in 2021 and extradited to the United States"
            r"(?:(?:captured|arrested|detained|convicted|sentenced|tried)[^.;{}]{0,40}? and "
            r"(?:later |then )?)?"
            r"(?:now |later |currently |recently |subsequently |since )?(?:jailed|imprisoned|incarcerated|"
            r"detained|arrested|captured|apprehended|held|extradited|behind bars|serving [a-z ]+)"
            r"(?: [a-z]+){0,2}?(?: from \{[SL]\d+\})? (?:in|by|to) <GS:b>"
        ),
        pair_rule("detained_by", "a", "b", "jailed"),
    ),
    # "the Treasury sanctioned A", "OFAC designated A and B"
    (
        "sanctioned",
        expand(
            r"<GS:b> (?:has |have |had )?(?:(?:also|previously|today|recently|formally|first|again|"
            r"already|subsequently) )?(?:sanctioned|designated|blacklisted|sanctions|designates|"
            r"targeted)(?: [a-z-]+){0,2}? <PCO+:a>(?!')"
        ),
        pair_rule("sanctioned_by", "a", "b", "sanctioned"),
    ),
]
