"""What a section has said so far, and the facts each of its sentences backs: the English rules over
slot templates, the frames over the parse, and what carries across sentences (references, the
authority that sanctions, the sentence that names targets after a sanction)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ocgraph.loaders import coref, events, patterns
from ocgraph.loaders.facts import Authorities, facts, listed_roles
from ocgraph.loaders.frames import Match
from ocgraph.loaders.links import link_facts
from ocgraph.loaders.mentions import Mention
from ocgraph.loaders.relations import Fact, allowed, build, cues
from ocgraph.loaders.syntax import Binder, Context
from ocgraph.loaders.titles import title_facts


@dataclass
class Section:
    """The running state of one article section while its sentences are read in order."""

    history: coref.History = field(default_factory=coref.History)
    authorities: Authorities = field(default_factory=Authorities)
    previous: list[Mention] = field(default_factory=list)  # the mentions of the sentence before
    sanctioned_at: int = -10  # number of the last sentence that stated a sanction
    number: int = 0
    earlier_subject: tuple[str, ...] = ()  # the subject of the sentence before the last one
    # the section's lists of people, as (paragraph number, offset, ids), for plurals that point ahead
    upcoming: list[tuple[int, int, tuple[str, ...]]] = field(default_factory=list)
    paragraph: int = 0  # the number of the paragraph being read

    def read(
        self,
        text: str,
        sentence: Any,
        mentions: list[Mention],
        types: dict[str, str],
        matches: list[Match],
        listing: bool = False,
        within: dict[str, str] | None = None,
    ) -> tuple[list[Fact], Binder]:
        """The facts rules and frames back in one sentence of a paragraph (a fact may come more than once,
        from several of them), and the binder of its tokens. A `listing` (key-value lines the parser reads
        as one sentence) backs none: its lines are read as fields."""
        self.number += 1
        s, e = sentence.start_char, sentence.end_char
        inside = [m for m in mentions if s <= m.start and m.end <= e and m.keys]
        hist = self.history
        last = hist.last_subject.keys if hist.last_subject is not None else ()
        topic = bool(last) and last == self.earlier_subject
        here = (self.paragraph, e)
        later = [(p, keys) for p, at, keys in self.upcoming if (p, at) >= here]
        ahead = [keys for p, keys in later if p == later[0][0]] if later else []
        context = Context(
            list(hist.mentions),
            hist.last_subject,
            self.previous,
            list(hist.lists),
            topic=topic,
            ahead=ahead,
            page=hist.page,
            person=hist.person,
        )
        self.earlier_subject = last
        refs = coref.refer(text, s, e, inside, hist)
        earlier = hist.mentions[: len(hist.mentions) - len([*inside, *refs])]
        binder = Binder(
            sentence.doc, sorted([*mentions, *refs], key=lambda m: m.start), types, context, within or {}
        )
        follows_sanction = self.sanctioned_at == self.number - 1
        found: list[Fact] = []
        said = self.authorities
        frame_facts = (f for match in matches for f in facts(match, binder, sentence, said))
        backed = (
            [
                *rule_facts(text[s:e], [*inside, *refs], s, earlier),
                *frame_facts,
                *title_facts(sentence, binder),
                *listed_roles(sentence, binder),
                *link_facts(sentence, binder),
                *_collective(hist.collective, inside, types),
            ]
            if not listing
            else []
        )
        for fact in backed:
            if fact.predicate == "sanctioned_by":
                if fact.rule == "designated-next" and not follows_sanction:
                    continue  # "They include A" names targets only right after a sanction
                self.sanctioned_at = self.number
            if not fact.subject:  # only a note of who sanctions or offers a reward here
                said.note(fact)
                continue
            if fact.predicate == "sanctioned_by" and not fact.object:
                # "those designated today are ...": the body named before
                fact.object = said.last.get("sanctioned_by", "")
                if not fact.object or fact.object == fact.subject:
                    continue
            said.note(fact)
            found.append(fact)
        self.previous = [*inside, *refs]
        subject = _main_subject(sentence, binder)
        was = hist.last_subject
        one_person = was is None or (len(was.keys) == 1 and types.get(was.keys[0]) == "Person")
        if subject is not None and one_person:  # a list or a group the sentence opened with stays
            # "Following the death of cartel boss A, B fought a war. He employed torture": the sentence is
            # about B, its main clause's subject, though A is named first
            hist.last_subject = subject
        return found, binder


def _main_subject(sentence: Any, binder: Binder) -> Mention | None:
    """The one person the main clause of a sentence is about: its root's subject, a name or a pronoun
    bound to one."""
    root = sentence.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    bound = binder.actors(subject, expand=False)
    if len(bound) != 1 or len(bound[0].keys) != 1 or binder.types.get(bound[0].keys[0]) != "Person":
        return None
    return bound[0]


def _collective(
    formed: dict[tuple[str, ...], Mention], here: list[Mention], types: dict[str, str]
) -> Iterator[Fact]:
    """Membership in the group a sentence says its people form: "the four sons of X are known
    collectively as G", "A, B and C, known collectively as G" (each person a member of G). `formed` maps
    people to the group name they were given (coref.History.collective); only a name given in this
    sentence (one of its mentions, `here`) states the fact here."""
    for people, group in formed.items():
        if not any(group is m for m in here):
            continue
        for person in people:
            for key in group.keys:
                if types.get(person) == "Person" and allowed("member_of", "Person", types.get(key)):
                    yield Fact(person, "member_of", key, 0.8, "collective")


def rule_facts(text: str, mentions: list[Mention], offset: int, earlier: list[Mention]) -> Iterator[Fact]:
    """The facts the slot-template rules find in one sentence (text, with mentions at paragraph offsets)."""
    local = [
        Mention(m.start - offset, m.end - offset, m.text, m.type, m.source, m.entry, m.keys, m.demonym)
        for m in mentions
    ]
    sent = build(text, local)
    if len(sent.mentions) < 1:
        return
    for _name, regex, handler in patterns.RULES:
        for match in _overlapping(regex, sent.template):
            factor = cues(sent.template, match.start(), match.end())
            if factor is None:
                continue
            for fact in handler(match, sent):
                fact.confidence, fact.modality = round(fact.confidence * factor, 2), factor
                yield fact
    factor = cues(sent.template, 0, len(sent.template))
    if factor is not None:
        for fact in [*events.rewards(sent, earlier), *events.parties(sent)]:
            fact.confidence, fact.modality = round(fact.confidence * factor, 2), factor
            yield fact


def _overlapping(regex: re.Pattern[str], template: str) -> Iterator[re.Match[str]]:
    """Every match, also those starting inside an earlier one ("{P0} leads {C1}, a faction of {C2}": the
    faction fact starts inside the leadership match)."""
    pos = 0
    while (m := regex.search(template, pos)) is not None:
        yield m
        pos = m.start() + 1
