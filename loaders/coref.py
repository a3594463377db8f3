"""Pronouns and descriptions ("they", "the group", "the four sons", "the new plan") that point back."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ocgraph.loaders.mentions import ALIAS_MARK, FAMILY_WORDS, POSSESSIVE, Mention

THEY = re.compile(r"^\s*(They|Their)\b")
HE = re.compile(r"^\s*(He|She)\b")
HIS = re.compile(r"^\s*(His|Her)(?= (?:older |younger |eldest |half-|former |new |top )?[a-z-]+, )")
ITS = re.compile(r"^\s*(Its|Their)(?= (?:former |new |current |top |late |founding )?[a-z-]+, )")
# "the criminal group", "the powerful cartel": one word may describe it, unless that word may point to
# another group than the one named last ("the rival gang", "the parent organization", "the dissident group")
GROUP = re.compile(
    r"\b[Tt]he (?:(?!(?:rival|other|opposing|enemy|parent|original|mother|larger|bigger|allied|new|former|"
    r"dissident|splinter|breakaway)\b)[a-z]+(?:-[a-z]+)? )?"
    r"(?:group|cartel|gang|organi[sz]ation|syndicate|clan|clique|mafia|militia|network|alliance|federation|coalition|"
    r"family)(?:'s)?"
    r"(?!\s+[A-Z\"])"
)
POLICY = re.compile(
    r"\b[Tt]he (?:new |same |latest |binational )?(?:plan|initiative|framework|strategy|agreement|"
    r"program|programme|policy|pact)\b(?!\s+[A-Z])"
)
NUMBERED = re.compile(
    r"\b(?:[Tt]he|[Tt]hese|[Tt]hose|[Hh]is|[Hh]er|[Tt]heir) (two|three|four|five|six|seven|eight|"
    r"nine|ten)(?= [a-z])"
)
GROUP_NOUN = re.compile(
    r" (?:(?:rival|main|largest|biggest|warring) )?(?:factions|groups|gangs|cartels|clans|organi[sz]ations)\b"
    r"| (?:have|had|are|were)\b"
)
NUMBERS = {w: i for i, w in enumerate("two three four five six seven eight nine ten".split(), 2)}  # noqa: SIM905
ALIAS_ASIDE = re.compile(rf" ?\((?:{ALIAS_MARK}|also known as)\s[^)]*\)")
LIST_GAP = re.compile(r"^(?:,? and |, |,? as well as )$")


@dataclass
class History:
    """What a section has mentioned so far, newest last."""

    mentions: list[Mention] = field(default_factory=list)
    lists: list[tuple[str, ...]] = field(default_factory=list)  # people named together
    collective: dict[tuple[str, ...], Mention] = field(default_factory=dict)  # people -> group they form
    last_subject: Mention | None = None
    last_groups: set[str] = field(default_factory=set)  # criminal groups of the sentence before
    group_sentence: list[Mention] = field(default_factory=list)  # the last sentence that named a group
    page: Mention | None = None  # the group the page is about (an encyclopedia's profile), if any
    person: Mention | None = None  # the person the page is about (a biography), if any


def _virtual(m: re.Match[str], group: int, ref: Mention, keys: tuple[str, ...] | None = None) -> Mention:
    return Mention(m.start(group), m.end(group), m.group(group), ref.type, "coref", keys=keys or ref.keys)


def _a_family(group: Mention) -> bool:
    """Whether a group is a family by its name: "the Catania Mafia family", "the Pesce 'ndrina", "the
    Valle Valle clan", a surname in the plural ("the Reñazcos")."""
    words = group.text.casefold().replace("’", "'").split()
    kin = FAMILY_WORDS | {"clan", "'ndrina", "cosca"}
    return bool(words) and (bool(kin & set(words)) or (len(words) <= 2 and words[-1].endswith("s")))


def _names_its_kind(description: str) -> bool:
    """Whether a group's name always carries the description's noun ("the Secondigliano Alliance"), so
    that noun finds it even past a sentence about another group (a gang's name seldom says "gang")."""
    return description.removesuffix("'s").split()[-1].casefold() in ("alliance", "federation", "coalition")


def _by_head(
    description: str, named: list[Mention], fits: Callable[[Mention], bool], page: Mention | None
) -> Mention | None:
    """The group a description names by its noun, when no group was named in its sentence: the one group
    so far whose name ends in the noun ("the alliance": the Secondigliano Alliance, though the sentence
    before named the Camorra), else the page's own group if its name does ("The drug cartel was led by",
    in the Norte del Valle Cartel's profile)."""
    noun = description.removesuffix("'s").split()[-1].casefold()
    if noun in ("group", "organization", "organisation", "network"):
        return None  # every kind of group is one of these

    def ends(x: Mention) -> bool:
        return bool(x.text) and x.text.split()[-1].casefold() == noun

    if page is not None and fits(page) and ends(page):
        return page  # in a cartel's own profile, "the cartel" is that cartel
    keys = {x.keys for x in named if fits(x) and ends(x)}
    return next(x for x in named if x.keys in keys) if len(keys) == 1 else None


def lists_in(text: str, mentions: list[Mention]) -> list[list[Mention]]:
    """Runs of people joined by commas and "and" ("A, B, C and D"); an alias in brackets after a name
    is no break ("A (a.k.a. "X"), B and C")."""
    asides = [a.span() for a in ALIAS_ASIDE.finditer(text)]
    mentions = [m for m in mentions if not any(s < m.start and m.end <= e for s, e in asides)]
    runs: list[list[Mention]] = []
    run: list[Mention] = []
    for m in mentions:
        if (
            run
            and m.type == "Person"
            and run[-1].type == "Person"
            and LIST_GAP.match(ALIAS_ASIDE.sub("", text[run[-1].end : m.start]))
            and not POSSESSIVE.match(text, m.end)  # "A, B's third wife": B's, no list
        ):
            run.append(m)
            continue
        if len(run) > 1:
            runs.append(run)
        run = [m] if m.type == "Person" else []
    if len(run) > 1:
        runs.append(run)
    return runs


def refer(text: str, start: int, end: int, mentions: list[Mention], hist: History) -> list[Mention]:
    """Mentions for the references in sentence text[start:end]; updates `hist` with the sentence."""
    sentence = text[start:end]
    out: list[Mention] = []
    taken = [(m.start - start, m.end - start) for m in mentions]

    def free(s: int, e: int) -> bool:
        return not any(s < te and ts < e for ts, te in taken)

    m = THEY.match(sentence)
    if m and hist.last_subject is not None:
        ref = hist.last_subject
        group = hist.collective.get(ref.keys)
        if group is not None:
            out.append(_virtual(m, 1, group))
        elif len(ref.keys) > 1 or ref.type == "CriminalOrganization":
            out.append(_virtual(m, 1, ref))
    one_person = (
        hist.last_subject is not None
        and hist.last_subject.type == "Person"
        and len(hist.last_subject.keys) == 1
    )
    for pronoun in (HE, HIS):  # "He ..." and "His brother, X" both point back to one person
        m = pronoun.match(sentence)
        if m and one_person:
            out.append(_virtual(m, 1, hist.last_subject))
    m = ITS.match(sentence)
    if (
        m
        and hist.last_subject is not None
        and hist.last_subject.type == "CriminalOrganization"
        and hist.last_groups == set(hist.last_subject.keys)  # "its" is unambiguous only with one group
    ):
        out.append(_virtual(m, 1, hist.last_subject))
    for m in NUMBERED.finditer(sentence):
        n = NUMBERS[m.group(1)]
        if GROUP_NOUN.match(sentence, m.end()):
            # "the two factions", "the two have been fighting": the n groups named in this sentence or,
            # failing that, in the last one that named groups
            here = {
                x.keys for x in mentions if x.type == "CriminalOrganization" and x.end - start <= m.start()
            }
            there = {x.keys for x in hist.group_sentence if x.type == "CriminalOrganization"}
            for found in (here, there):
                if len(found) == n and all(len(k) == 1 for k in found):
                    keys = tuple(sorted(k[0] for k in found))
                    ref = Mention(0, 0, "", "CriminalOrganization", "coref", keys=keys)
                    out.append(Mention(m.start(), m.end(), m.group(0), ref.type, "coref", keys=keys))
                    break
                if found:
                    break
            continue
        if not free(m.start(), m.end()) or any(len(r) == n for r in lists_in(text, mentions)):
            continue
        match = next((keys for keys in reversed(hist.lists) if len(keys) == n), None)
        if match:
            ref = Mention(0, 0, "", "Person", "coref", keys=match)
            out.append(_virtual(m, 0, ref))
    unresolved = False  # a "the group" here that could name several makes this sentence useless as a referent
    first_group = GROUP.search(sentence)
    cut = first_group.start() if first_group else len(sentence)
    # "the group" is not the sentence's own subject ("They are battling for control of the group")
    firsts = sorted([*((v.start, v.keys) for v in out), *((x.start - start, x.keys) for x in mentions)])
    bound = set(firsts[0][1]) if firsts and firsts[0][0] < cut else set()
    for m in GROUP.finditer(sentence):
        if not free(m.start(), m.end()):
            continue

        # the nearest group named before in this sentence, else the one group of the last sentence that
        # named any; after a sentence with several groups "the group" is left unresolved (its subject is
        # a poor guess: "X were at war with Y, which lost its leader. His brother now runs the group": Y)
        def fits(x: Mention) -> bool:
            return x.type == "CriminalOrganization" and len(x.keys) == 1 and x.keys[0] not in bound

        here = [x for x in mentions if x.end - start <= m.start() and fits(x)]
        before = [x for x in hist.group_sentence if fits(x)]
        # "Carrozza's son ran the clan's business": the group named after a family named here
        names = {
            w for x in mentions if x.type == "Person" and x.end - start <= m.start() for w in x.text.split()
        }
        family = [x for x in reversed(hist.mentions) if fits(x) and names & set(x.text.split())]
        if family and not here and not _names_its_kind(m.group(0)):  # "Licciardi's sister ran the alliance"
            ref = family[0]
        elif here:
            ref = here[-1]
        else:
            so_far = [*hist.mentions, *(x for x in mentions if x.end - start <= m.start())]
            ref = _by_head(m.group(0), so_far, fits, hist.page)
            one_before = len({x.keys for x in before}) == 1
            if one_before and (ref is None or not (_names_its_kind(m.group(0)) or ref is hist.page)):
                ref = before[0]  # "the gang" after a sentence about one gang: that one, whatever its name
            elif ref is None and hist.page is not None and fits(hist.page):
                ref = hist.page
            unresolved = unresolved or (ref is None and len({x.keys for x in before}) > 1)
        if ref and m.group(0).removesuffix("'s").endswith("family") and not _a_family(ref):
            ref = None  # "the family moved to Brooklyn": kin, unless the group named is a family
        if ref:
            out.append(
                Mention(
                    m.start(),
                    m.end() - (2 if m.group(0).endswith("'s") else 0),
                    m.group(0).removesuffix("'s"),
                    ref.type,
                    "coref",
                    keys=ref.keys,
                )
            )
    for m in POLICY.finditer(sentence):
        if not free(m.start(), m.end()):
            continue
        ref = next((x for x in reversed(hist.mentions) if x.type == "Policy"), None)
        if ref:
            out.append(_virtual(m, 0, ref))
    for v in out:
        v.start, v.end = v.start + start, v.end + start
    # remember the sentence
    everything = sorted([*mentions, *out], key=lambda x: x.start)
    for run in lists_in(text, [x for x in everything if len(x.keys) == 1]):
        hist.lists.append(tuple(k for x in run for k in x.keys))
    if everything:
        first = everything[0]
        # "Y's son, X, was arrested": the sentence is about X
        if len(everything) > 1 and re.fullmatch(
            r"'s (?:[a-z-]+ ){0,2}[a-z-]+, ", text[first.end : everything[1].start]
        ):
            first = everything[1]
        runs = lists_in(text, [x for x in everything if len(x.keys) == 1])
        if runs and runs[0][0] is first:
            first = Mention(
                first.start,
                runs[0][-1].end,
                "",
                "Person",
                "coref",
                keys=tuple(k for x in runs[0] for k in x.keys),
            )
        collective = next((x for x in everything if x.source == "collective"), None)
        if collective is not None and collective.keys:
            if first is not collective:
                hist.collective[first.keys] = collective
            elif runs and runs[0][0].start > collective.end:
                # "The defendants, known collectively as the Chapitos, are A, B, C and D"
                hist.collective[tuple(k for x in runs[0] for k in x.keys)] = collective
        hist.last_subject = first
    hist.last_groups = {k for x in everything if x.type == "CriminalOrganization" for k in x.keys}
    if unresolved:
        hist.group_sentence = []
    elif hist.last_groups:
        hist.group_sentence = [x for x in everything if x.keys]
    hist.mentions.extend(x for x in everything if x.keys)
    return out
