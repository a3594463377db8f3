"""From frame matches to facts: arguments bound to actors, the ontology's types checked, modality applied."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from itertools import combinations, pairwise
from typing import Any

from ocgraph import ontology
from ocgraph.loaders.frames import EXTRACTOR, Match, load_raw
from ocgraph.loaders.mentions import Mention, words
from ocgraph.loaders.relations import Fact, cues
from ocgraph.loaders.syntax import HEAD_NOUNS, Binder, conjuncts

BASE_CONFIDENCE = 0.9
# predicates whose doer may be left to the context: "X was designated a terrorist organization" after
# a paragraph about what OFAC did
IMPLICIT = ("sanctioned_by", "reward_offered_by")
RANKS = words(
    "mid level mid-level midlevel regional local deputy assistant associate vice second junior lower low "
    "middle municipal cell plaza area zone district branch field unit division section squad team station"
)
# nouns before a role that name the whole trade the group is in, not one task: "crime boss", "mob boss"
WHOLE_TRADE = words("crime mob mafia drug drugs narco narcotics underworld")
FORMER = words("former onetime one-time late then then-head ex erstwhile")
IRREALIS = words(
    "seek request demand want order call avoid evade escape resist plan attempt try threaten fear warrant "
    "elude flee prevent urge"
)


class Authorities:
    """The body that last sanctioned or offered a reward in a section, for sentences that leave it out."""

    def __init__(self) -> None:
        self.last: dict[str, str] = {}  # predicate -> actor id

    def note(self, fact: Fact) -> None:
        if fact.predicate in IMPLICIT and fact.object:
            self.last[fact.predicate] = fact.object


def facts(match: Match, binder: Binder, sentence: Any, authorities: Authorities) -> Iterator[Fact]:
    """The facts one frame match states, in the ontology's direction; none when it is negated."""
    frame = match.frame
    if _named(binder, match.trigger):
        return  # "Office" in "Office of Foreign Assets Control" names a body, it states nothing
    if frame.predicate == "detained_by" and _irrealis(match.trigger):
        return
    authority: list[Mention] = []  # who sanctions or offers a reward, when the target is not bound
    itself = match.attachments.startswith("holder-itself")  # the people listed after the role noun
    if match.shape == "mutual":  # "A and B are rivals"
        sides = binder.actors(match.a)
        pairs = [(x, y) for x, y in combinations(sides, 2)]
    elif itself and frame.predicate == "sibling_of":  # "the Mazzarella brothers, Ciro, Gennaro and Vincenzo"
        pairs = list(combinations(binder.listed_after(match.trigger), 2))
    elif match.a is None and _has_doer(match.trigger) and not itself:
        return  # the doer is named: another match binds it
    else:
        if itself:
            # only the people the noun is followed by, or the list it closes ("A, B and C, leaders of X")
            a_side = binder.listed_after(match.trigger) or binder.list_closed(match.trigger)
        elif match.a is None or (match.a.lower_ == "we" and frame.predicate in IMPLICIT):
            # "We are also designating A": the body whose release it is, the one that acted before
            a_side = _implied(frame.predicate, authorities)
        elif match.a_is_place:  # "arrested in Miami, Florida": the state that holds the place
            a_side = [m for m in [binder.state_of(match.a)] if m is not None]
        elif (last := _appositive_of_last(match)) is not None:
            a_side = binder.actors(last, expand=False)
        else:
            # "A, the U.S. Attorney for X, and B, Special Agent in Charge of Y": an appositive role is
            # its head's alone, not that of the names coordinated after it
            a_side = binder.actors(match.a, beyond=not match.attachments.startswith("holder-appos"))
        # "Fourteen countries have participated": in what, the policy the section is about says
        if match.b is not None:
            b_side = binder.actors(match.b)
        elif frame.predicate in ("leader_of", "member_of"):
            # "former leader A", "Notable members included A and B", not "paramilitary leader A": a word
            # that says which kind of leader names another body than the section's group
            kinds = [c for c in match.trigger.children if c.dep_ in ("amod", "compound", "nmod")]
            plain = all(c.lower_ in FORMER or c.lower_ in PLAIN_LEADER for c in kinds)
            b_side = _salient(binder, "CriminalOrganization") if plain else []
        elif frame.predicate in ("rival_of", "allied_with"):  # "Rival gangs include A": the section's group
            b_side = _salient(binder, "CriminalOrganization")
        else:
            b_side = _topic(binder, "Policy")
        if match.b is not None and any(x is y for x in a_side for y in b_side):
            # "X took his place": no one stands in a relation to themselves, so "his" is someone else
            b_side = [y for y in b_side if all(y is not x for x in a_side)] or binder.other(match.b, a_side)
        subjects, objects = (a_side, b_side) if frame.subject == "A" else (b_side, a_side)
        acting = match.trigger.lemma_ not in ("target", "hold")  # "the DEA targets" need not sanction
        if (
            frame.predicate in IMPLICIT
            and match.a is not None
            and match.b is not None
            and not subjects
            and acting
        ):
            authority = objects
        if _respectively(match.trigger) and len(subjects) == len(objects) > 1:
            # "the Sinaloa Cartel and Los Zetas, led respectively by A and B": the first by the first
            pairs = list(zip(subjects, objects, strict=True))
        else:
            pairs = [(s, o) for s in subjects for o in objects]
    if not pairs:
        # "OFAC today designated three individuals": no target bound, but who designates here is noted
        # for the sentences that name the targets and leave the body out ("Also designated today is X")
        for m in authority[:1]:
            if m.keys and binder.types.get(m.keys[0]) in ("GovernmentOrganization", "State"):
                yield Fact("", frame.predicate, m.keys[0], BASE_CONFIDENCE, match.rule)
        return
    tokens = [t for t in (match.trigger, match.a, match.b) if t is not None]
    start = min(t.idx for t in tokens) - sentence.start_char
    end = max(t.idx + len(t) for t in tokens) - sentence.start_char
    factor = cues(sentence.text, start, end)
    if factor is None:
        return
    confidence = round(
        BASE_CONFIDENCE * factor * (0.8 if match.a is None and match.b is not None else 1.0), 2
    )
    predicate = frame.predicate
    if predicate == "sanctioned_by" and _rewards_program(match.trigger):
        # "the designation of ten new targets of its Narcotics Rewards Program": a reward offered
        predicate = "reward_offered_by"
    properties = {}
    if frame.narrowed and _narrowed(binder, match.trigger):
        predicate = frame.narrowed
        properties["role"] = _role(binder, match.trigger)
    if predicate in ("leader_of", "member_of") and _former(match.trigger):
        properties["status"] = "former"
    pred = ontology.predicate(predicate)
    fallback = ontology.predicate(frame.fallback) if frame.fallback else None
    types = binder.types
    premodified_state = match.attachments.split("+")[-1].startswith("in-premodifier")
    for s, o in pairs:
        if s is o or ((s.demonym or o.demonym) and not frame.nationality):
            continue  # "Italian mafia boss": a nationality, not the state the boss serves
        if (
            premodified_state
            and not frame.nationality
            and "State" in (types.get(s.keys[0]), types.get(o.keys[0]))
        ):
            continue  # "U.S. Attorney X": an office of the state, which the title does not name
        for ks in s.keys:
            for ko in o.keys:
                st, ot = binder.types.get(ks), binder.types.get(ko)
                if ks == ko or not st or not ot or (frame.bodies_only and ot == "State"):
                    continue
                if pred.allows(st, ot):
                    yield Fact(ks, predicate, ko, confidence, match.rule, dict(properties), factor)
                elif fallback is not None and ot == "Person" and fallback.allows(st, ot):
                    # only a person's man ("a lieutenant of Ana Ruiz"), never one body "member" of another
                    yield Fact(ks, fallback.name, ko, confidence, match.rule, {}, factor)


def _appositive_of_last(match: Match) -> Any | None:
    """The last of coordinated names when a singular appositive role follows it: "A and B, then
    Colombia's High Commissioner for Peace" is B's title, though the parser hangs it on A; None else."""
    if match.attachments.split("+")[0] != "holder-appos" or match.trigger.tag_ not in ("NN", "NNP"):
        return None
    joined = conjuncts(match.a)
    return joined[-1] if joined and joined[-1].i < match.trigger.i else None


def _rewards_program(trigger: Any) -> bool:
    """Whether a designation names targets of a rewards program (its phrase says "Rewards Program")."""
    words = [t.lower_ for t in trigger.subtree]
    return any(w in ("reward", "rewards") and nxt in ("program", "programs") for w, nxt in pairwise(words))


def _respectively(trigger: Any) -> bool:
    """Whether the two lists a trigger joins pair up in order ("led respectively by A and B")."""
    near = [*trigger.children, *trigger.head.children]
    return any(t.lower_ == "respectively" for t in near)


def _former(trigger: Any) -> bool:
    """Whether a role noun is one held before ("former leader", "ex-chief", "the late boss", "then-head")."""
    if trigger.lower_.startswith("ex-"):
        return True
    near = [c for c in trigger.children if c.dep_ in ("amod", "advmod", "compound", "nmod")]
    near += [g for c in near if c.dep_ in ("compound", "nmod") for g in c.children if g.dep_ == "amod"]
    return any(c.lower_ in FORMER for c in near)


def _role(binder: Binder, trigger: Any) -> str:
    """The words of a narrowed role: "chief of security", "logistics chief", "plaza boss"."""
    words = [c for c in trigger.children if c.dep_ in ("compound", "amod", "nmod") and c.i < trigger.i]
    words = [c for c in words if binder.covering(c) is None and c.lower_ not in FORMER]
    after = []
    for c in trigger.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            objects = [g for g in c.children if g.dep_ == "pobj"]
            if objects and not any(binder.actors(g) for g in objects):
                after = [c, *objects]
    return " ".join(t.text for t in sorted([*words, trigger, *after], key=lambda t: t.i))


def extractor_id(rule: str) -> str:
    return f"{EXTRACTOR}#{rule}"


def _named(binder: Binder, token: Any) -> bool:
    m = binder.covering(token)
    return m is not None and m.source != "coref"


def _narrowed(binder: Binder, trigger: Any) -> bool:
    """Whether the role noun is narrowed to one task or rank: a plain noun before it ("logistics chief",
    "plaza boss"; not "gang leader"), a rank ("mid-level commander", "deputy head"), or "of" a task
    ("chief of security"; not "head of the cartel"), or a prefixed rank ("vice-chairman", "deputy-head")."""
    if "-" in trigger.text and trigger.lower_.split("-")[0] in RANKS:
        return True
    for c in trigger.children:
        plain = (
            c.pos_ == "NOUN"
            and c.lower_ not in HEAD_NOUNS
            and c.lower_ not in WHOLE_TRADE
            and not any(p.dep_ == "punct" and p.text == "-" for p in c.children)  # "long-time boss"
            and binder.covering(c) is None
        )
        if c.dep_ == "compound" and plain:
            return True
        if c.dep_ in ("amod", "compound", "nmod") and c.lower_ in RANKS:
            return True
        if c.dep_ == "prep" and c.lower_ == "of":
            objects = [g for g in c.children if g.dep_ == "pobj"]
            if objects and all(
                g.pos_ == "NOUN" and g.lower_ not in HEAD_NOUNS and not binder.actors(g) for g in objects
            ):
                return True
    return False


def _irrealis(trigger: Any) -> bool:
    """Whether the event was only sought, demanded, ordered or escaped ("called for the arrest of X",
    "a warrant for his capture", "evaded capture")."""
    return any(a.lemma_.lower() in IRREALIS for a in [*trigger.ancestors][:3])


def _topic(binder: Binder, kind: str) -> list[Mention]:
    """The actor of that type the section named last, for a sentence that leaves it out."""
    found = next((m for m in reversed(binder.context.mentions) if binder.types.get(m.keys[0]) == kind), None)
    return [found] if found is not None else []


PLAIN_LEADER = frozenset(
    {"current", "new", "top", "principal", "main", "alleged", "reputed", "longtime", "founding", "notable",
     "prominent", "key", "senior", "historical", "early", "later", "successive", "subsequent", "important"}
)  # fmt: skip


def _salient(binder: Binder, kind: str) -> list[Mention]:
    """The actor of that type the section is about: named at least twice, and more often than any
    other ("former leader A" in an article about one group); none when two compete, unless one of them
    is the group the page is about (a profile's "a faction within the Corleone family of the Sicilian
    Mafia … Notable leaders included A" names the faction's)."""
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for m in binder.context.mentions:
        if m.keys and len(m.keys) == 1 and binder.types.get(m.keys[0]) == kind:
            counts[m.keys[0]] = counts.get(m.keys[0], 0) + 1
            first.setdefault(m.keys[0], m)
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2:
        return []
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        page = binder.context.page
        tied = {key for key, n in ranked if n == ranked[0][1]}
        return [first[page.keys[0]]] if page is not None and page.keys and page.keys[0] in tied else []
    return [first[ranked[0][0]]]


def _has_doer(trigger: Any) -> bool:
    """Whether the sentence names who does what the trigger says ("OFAC designated", "OFAC's sanctions",
    "the State Department offered a reward")."""
    doers = ("nsubj", "agent", "poss")
    if any(c.dep_ in doers for c in trigger.children):
        return True
    return trigger.dep_ in ("dobj", "nsubjpass") and any(c.dep_ in doers for c in trigger.head.children)


def _implied(predicate: str, authorities: Authorities) -> list[Mention]:
    key = authorities.last.get(predicate)
    return [Mention(0, 0, "", None, "context", keys=(key,))] if key else []


LISTING = words("and alias aka a.k.a.")  # what may stand between the names of a list


@cache
def _role_nouns() -> dict[str, tuple[str, str]]:
    """The one-word role nouns of the leadership and membership frames: lemma -> (frame id, predicate)."""
    out: dict[str, tuple[str, str]] = {}
    for f in load_raw()["frames"]:
        if f["id"] in ("leader-role", "member-role"):
            for t in f["trigger"]:
                if " " not in t:
                    out.setdefault(t, (f["id"], f["predicate"]))
    return out


def listed_roles(sentence: Any, binder: Binder) -> Iterator[Fact]:
    """People listed after a plural role noun and a colon, each with the group named after them:
    "organized crime leaders: “El Mayo” of the Sinaloa Cartel and Nemesio Oseguera Cervantes, alias “El
    Mencho,” of the Jalisco New Generation Cartel". The people before an "of <group>" hold the role in
    it; a group listed among them ("“Los Chapitos” and “El Mayo” of the Sinaloa Cartel") is passed over."""
    nouns, doc = _role_nouns(), sentence.doc
    for t in sentence:
        if t.tag_ != "NNS" or t.lemma_ not in nouns or t.i + 1 >= sentence.end or doc[t.i + 1].text != ":":
            continue
        frame_id, predicate = nouns[t.lemma_]
        pending: list[Mention] = []
        i = t.i + 2
        while i < sentence.end:
            tok = doc[i]
            m = binder.covering(tok)
            kind = binder.types.get(m.keys[0]) if m is not None and m.keys else None
            if kind == "Person":
                if not pending or pending[-1].keys != m.keys:  # an alias is the same person
                    pending.append(m)
            elif tok.lower_ == "of" and pending:
                j = i + 1 + (doc[i + 1].lower_ == "the" if i + 1 < sentence.end else 0)
                group = binder.covering(doc[j]) if j < sentence.end else None
                if (
                    group is None
                    or not group.keys
                    or binder.types.get(group.keys[0]) != "CriminalOrganization"
                ):
                    break
                for person in pending:
                    for key in person.keys:
                        yield Fact(key, predicate, group.keys[0], 0.7, f"{frame_id}:listed-of")
                pending, i = [], j
                while i < sentence.end and binder.covering(doc[i]) is group:
                    i += 1
                continue
            elif not (kind is not None or tok.is_punct or tok.is_quote or tok.lower_ in LISTING):
                break
            i += 1
