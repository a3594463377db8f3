"""Role words and the handlers that turn a matched slot pattern into facts."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ocgraph.loaders.relations import Fact, Sentence, allowed, slots

LEADER = (
    r"co-founder|founder|leader|head|boss|chief|commander|kingpin|capo|ringleader|mastermind|jefe|CEO|"
    r"president|President|director|Director|governor|Governor|chairman|Chairman|Administrator|administrator"
)
# a role of one part of a group; listed before LEADER so that "chief of security" is not a "chief"
STAFF = r"(?:chief|head) of (?:security|finances?|operations|logistics|intelligence|staff)"
MEMBER = (
    rf"{STAFF}|second-in-command|plaza boss|security chief|number two|hit man|money launderer|member|"
    r"operative|"
    r"associate|lieutenant|figure|hitman|enforcer|financier|trafficker|accountant|sicario|official|officer|"
    r"agent|spokesperson|spokesman|[A-Z][a-z]+ Minister|Minister|minister|Secretary|secretary|prosecutor|"
    r"deputy|commissioner|ambassador|envoy|writer|researcher|analyst|employee|soldier|operator|lawyer|"
    r"pilot|gunman|recruiter|smuggler|courier|bodyguard|treasurer|Attorney General"
)
CHILD = r"sons|son|daughters|daughter|children|child"
PARENT = r"father|mother|parent"
SIBLING = (
    r"half-brothers|half-brother|half-sisters|half-sister|brothers|brother|sisters|sister|siblings|sibling"
)
FACTION = r"armed wing|wing|faction|cell|branch|arm"
SPLINTER = r"splinter group|splinter|offshoot|breakaway group|breakaway faction|spin-off|spinoff"
SUCCESSOR = r"successor|heir|replacement"
RIVAL = r"archrival|arch-rival|rival|enemy|foe|adversary"
ALLY = r"ally|allies|partner"
PART = r"part|unit|division|component|agency|bureau|office"
ROLE = "|".join(
    [STAFF, LEADER, MEMBER, CHILD, PARENT, SIBLING, FACTION, SPLINTER, SUCCESSOR, RIVAL, ALLY, PART]
)
END = r"(?![\w-])"
FORMER = r"(?P<former>[Ff]ormer |ex-|onetime |late |one-time )?"
FORMER2 = r"(?P<former2>[Ff]ormer |ex-|onetime |late |one-time )?"


def _role_facts(role: str, s: str, o: str, st: str | None, ot: str | None, former: bool) -> list[tuple]:
    """(predicate, subject, object, properties) that `s` being the `role` of `o` implies."""
    r = role.casefold()
    status = {"status": "former"} if former else {}
    if re.fullmatch(CHILD, r):
        return [("child_of", s, o, {})]
    if re.fullmatch(PARENT, r):
        return [("child_of", o, s, {})]
    if re.fullmatch(SIBLING, r):
        return [("sibling_of", s, o, {})]
    if re.fullmatch(SPLINTER, r):
        return [("splinter_of", s, o, {})]
    if re.fullmatch(SUCCESSOR, r):
        return [("succeeded_by", o, s, {})]
    if re.fullmatch(RIVAL, r):
        return [("rival_of", s, o, status)]
    if re.fullmatch(ALLY, r):
        return [("allied_with", s, o, status)]
    if st == "CriminalOrganization" and re.fullmatch(FACTION + "|" + PART, r):
        return [("faction_of", s, o, status)]
    if st in ("GovernmentOrganization", "Organization") and re.fullmatch(PART + "|" + FACTION, r):
        return [("part_of", s, o, {})]
    if re.fullmatch(LEADER, role):
        return [("leader_of", s, o, {**status, "role": role if role[0].isupper() else None})]
    if re.fullmatch(MEMBER, role):
        keep = role if role[0].isupper() or " " in role else None
        return [("member_of", s, o, {**status, "role": keep})]
    return []


# a leader word with one of these before it leads a part of the group: a member of the whole
RANK = re.compile(
    r"\b(?:mid-level|mid-ranking|middle-ranking|low-level|local|regional|district|unit|logistics|finance|"
    r"financial|security|operations|intelligence|plaza|deputy|assistant|branch|cell|area|zone|prison)\b"
)


def _emit(sent: Sentence, triples: list[tuple], rule: str, conf: float) -> Iterator[Fact]:
    for pred, s, o, props in triples:
        for ks in sent.keys(s):
            for ko in sent.keys(o):
                if ks != ko and allowed(pred, sent.type(s), sent.type(o)):
                    yield Fact(ks, pred, ko, conf, rule, {k: v for k, v in props.items() if v})


def _subjects(m: re.Match[str], group: str) -> list[int]:
    """The slots of a matched list; "A, and B, who served as ..." says it of B alone."""
    found = slots(m.group(group))
    if len(found) > 1 and re.match(r",? (?:who|whom|whose)\b", m.string[m.end(group) : m.end()]):
        return found[-1:]
    return found


def role_rule(subject: str, obj: str, rule: str, conf: float = 0.9):
    """A handler: the `role` group says how each `subject` slot relates to each `obj` slot."""

    def handle(m: re.Match[str], sent: Sentence) -> Iterator[Fact]:
        groups = m.groupdict()
        former = bool(groups.get("former") or groups.get("former2")) or "former" in (groups.get("adj") or "")
        triples = []
        for s in _subjects(m, subject):
            for o in slots(m.group(obj)):
                for fact in _role_facts(m.group("role"), s, o, sent.type(s), sent.type(o), former):
                    if fact[0] == "leader_of" and RANK.search(groups.get("adj") or ""):
                        # "a mid-level FARC commander" commands a unit of the group: a member of it
                        fact = ("member_of", *fact[1:])
                    triples.append(fact)
        yield from _emit(sent, triples, rule, conf)

    return handle


def in_appositive(template: str, pos: int) -> bool:
    """Whether the slot at `pos` sits inside an appositive opened by ", a ..." (and no relative clause)."""
    before = template[:pos]
    seg = before[before.rfind(",") :] if "," in before else ""
    return bool(re.match(r",\s*(?:an?|the|one|another|his|her|its|their)\s", seg)) and not re.search(
        r"\b(?:who|whom|which|that)\b", seg
    )


def pair_rule(predicate: str, subject: str, obj: str, rule: str, conf: float = 0.9):
    """A handler: `predicate` from every `subject` slot to every `obj` slot of the match."""

    def handle(m: re.Match[str], sent: Sentence) -> Iterator[Fact]:
        first = min(m.start(subject), m.start(obj))
        own_clause = first == m.start(subject) and re.match(r",? who\b", m.string[m.end(subject) :])
        if in_appositive(sent.template, first) and not own_clause:
            return  # "X, a brother-in-law of Y, was extradited": Y is not the one extradited ("..., of Y, who
            # heads Z" is Y's own clause)
        former = bool(m.groupdict().get("former"))
        props = {"status": "former"} if former and predicate in ("member_of", "leader_of") else {}
        triples = [(predicate, s, o, props) for s in _subjects(m, subject) for o in slots(m.group(obj))]
        yield from _emit(sent, triples, rule, conf)

    return handle


NOT_ADJ = r"(?!(?:with|by|of|in|for|to|and|or|who|which|was|is|were|are|said|says|that|as)\b)"
DESC = (
    rf"(?:one of (?:the |his |her |its |their )?|(?:the|an?|one|another|his|her|its|their|a) )?"
    rf"(?P<adj>(?:{NOT_ADJ}[\w'-]+ ){{0,3}}?)"
)
# an appositive between a subject and its verb: "Los X, a splinter group of Y, are battling..."
APPOS = (
    r"(?:, (?:(?:an?|the|one|another|formerly|once|previously|originally|part of|who|whom) |"
    r"(?=\{[A-Z]\d+\}'s))"
    r"[^,;.{}]*?(?:\{[A-Z]\d+\}[^,;.{}]*?){0,2},)?"
)
VERB_GAP = (
    r"(?:(?:is|are|was|were|has been|have been|had been|has|have|had) )?"
    r"(?:(?:currently|also|now|reportedly|allegedly|still|long|openly) )*"
)
