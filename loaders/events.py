"""Facts spread over a sentence: rewards (who offers how much for whom) and the parties to a policy."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ocgraph.loaders.mentions import Mention
from ocgraph.loaders.relations import SLOT, Fact, Sentence, allowed

REWARD = re.compile(r"\b(?:rewards?|bount(?:y|ies))\b")
OFFER = re.compile(r"\b(?:offer(?:s|ed|ing)?|pledged?|pledges|pledging|put up)\b")
PURPOSE = re.compile(r"\b(?:information|arrests?|capture|conviction|whereabouts)\b|\bfor \{[PC]\d+\}")
TARGET_INTRO = re.compile(
    r"\b(?:arrests?|arresting|capture|capturing|conviction|whereabouts|location|locating|"
    r"information (?:on|about|regarding)|for)\b"
)
MONEY = re.compile(
    r"(?:US\s?\$|USD\s?|\$)\s?(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<mult>million|billion|thousand|m\b|bn\b)?"
    r"|(?P<n2>\d[\d,]*(?:\.\d+)?)\s*(?P<mult2>million|billion|thousand)?\s*(?P<cur>pesos|dollars|euros|lempiras|quetzales|soles|colones)"
)
MULTIPLIERS = {"million": 10**6, "m": 10**6, "billion": 10**9, "bn": 10**9, "thousand": 10**3, None: 1, "": 1}
CURRENCIES = {
    "pesos": "MXN",
    "dollars": "USD",
    "euros": "EUR",
    "lempiras": "HNL",
    "quetzales": "GTQ",
    "soles": "PEN",
    "colones": "CRC",
}
# "the arrest and/or conviction of C" names a further target, unlike "the brother of C"
TARGET_OF = re.compile(
    r"\b(?:arrest|conviction|capture|whereabouts|location|extradition)(?: and/or \w+)? of\s*$"
)
TARGET_AFTER = re.compile(r"^'s? (?:arrest|capture|conviction|whereabouts|location|extradition)\b")
MODIFIER_AFTER = re.compile(
    r"^(?:'s)? (?:members?|leaders?|operatives?|figures?|bosses|associates?|lieutenants?|"
    r"factions?|cells?|commanders?)\b"
)
PARTY_TRIGGER = re.compile(
    r"\b(?:sign(?:ed|s|ing)?|launch(?:ed|es|ing)?|start(?:ed|s)?|adopt(?:ed|s)?|implement(?:ed|s|ing)?|"
    r"agree(?:d|s)? (?:to|on|upon)|negotiat\w+|join(?:ed|s)?|enter(?:ed)? into|ratif\w+|"
    r"(?:the )?(?:official )?start of|within|under|committed to|(?:take|takes|took|taking) part in|"
    r"participat(?:e|es|ed|ing) in)\b(?:(?! said\b)[^.;{}]){0,40}$"
)
GOVERNMENT_NOUN = re.compile(
    r"^ (?:[A-Z]|officials|authorities|government|leaders|counterparts|president|forces)"
)


def amount(template: str) -> tuple[int | float, str] | None:
    """The first sum of money in a sentence, as (number, ISO currency).

    >>> amount("offer up to $20 million in total"), amount("a reward of 5 million pesos")
    ((20000000, 'USD'), (5000000, 'MXN'))
    """
    m = MONEY.search(template)
    if not m:
        return None
    number = Decimal((m.group("n") or m.group("n2")).replace(",", ""))
    value = number * MULTIPLIERS[(m.group("mult") or m.group("mult2") or "").casefold() or None]
    currency = CURRENCIES.get(m.group("cur") or "", "USD")
    return (int(value) if value == value.to_integral_value() else float(value)), currency


def rewards(sent: Sentence, earlier: list[Mention]) -> Iterator[Fact]:
    """reward_offered_by facts: targets after "arrest of"/"for", the offerer before the offer or earlier."""
    t = sent.template
    trigger = REWARD.search(t) or (OFFER.search(t) if MONEY.search(t) and PURPOSE.search(t) else None)
    if trigger is None:
        return
    intro = TARGET_INTRO.search(t, trigger.end())
    if intro is None:
        return
    targets: list[int] = []
    for m in SLOT.finditer(t, intro.start()):
        slot = int(m.group(2))
        # "leading to Quiroga's arrest" names a target; "the cartel's leaders" does not
        owner = t.startswith("'", m.end()) and not TARGET_AFTER.match(t[m.end() :])
        if m.group(1) not in "PC" or MODIFIER_AFTER.match(t[m.end() :]) or owner:
            continue
        if (
            targets
            and re.search(r"(?:,? of|'s)\s*$", t[: m.start()])
            and not TARGET_OF.search(t[: m.start()])
        ):
            continue  # "El Mayo of the Sinaloa Cartel": an affiliation, not a second target
        targets.append(slot)
    offerers = [int(m.group(2)) for m in SLOT.finditer(t[: trigger.start()]) if m.group(1) in "GSD"]
    offerer_keys: tuple[str, ...] = ()
    offerer_type = None
    if offerers:
        offerer_keys, offerer_type = sent.keys(offerers[-1]), sent.type(offerers[-1])
    elif SLOT.search(t[: trigger.start()]):
        return  # someone else offers ("Washington offered", a place): no guessing from earlier sentences
    else:  # "officials said they would offer": the authority of the sentences before
        ref = next(
            (x for x in reversed(earlier) if x.type in ("GovernmentOrganization", "State") and x.keys), None
        )
        if ref is None:
            return
        offerer_keys, offerer_type = ref.keys, ref.type
    positions = {int(m.group(2)): m.start() for m in SLOT.finditer(t)}
    sums = [m.start() for m in MONEY.finditer(t)]
    for slot in targets:
        # "up to $5 million each for A and B, and up to $2 million for C": each target takes the sum
        # named last before it, and "each"/"in total" from its own clause
        before = [p for p in sums if p < positions[slot]]
        start = before[-1] if before else 0
        later = [p for p in sums if p > start]
        clause = t[start : later[0]] if later else t[start:]
        together = sum(1 for x in targets if start <= positions[x] < (later[0] if later else len(t)))
        props: dict = {}
        money = amount(t[start:]) if sums else None
        if money:
            props = {"amount": money[0], "currency": money[1]}
            if re.search(r"\b(?:each|apiece|per person)\b", clause):
                props["amount_scope"] = "each"
            elif (
                re.search(r"\b(?:in total|total|combined|collectively|altogether)\b", clause) or together > 1
            ):
                props["amount_scope"] = "total"
        for ks in sent.keys(slot):
            for ko in offerer_keys:
                if ks != ko and allowed("reward_offered_by", sent.type(slot), offerer_type):
                    yield Fact(ks, "reward_offered_by", ko, 0.9 if offerers else 0.8, "reward", dict(props))


def parties(sent: Sentence) -> Iterator[Fact]:
    """party_to facts: states and bodies that sign, launch, start or act within a named policy."""
    t = sent.template
    for m in SLOT.finditer(t):
        if m.group(1) != "Y":
            continue
        trig = PARTY_TRIGGER.search(t[: m.start()])
        if trig is None:
            continue
        for p in SLOT.finditer(t[: trig.start()]):
            kind, slot = p.group(1), int(p.group(2))
            if kind not in "SGD":
                continue
            if kind == "D" and not GOVERNMENT_NOUN.match(t[p.end() :]):
                continue
            if re.search(r"\b(?:in|of|from|to|against)\s*$", t[: p.start()]):
                continue  # "violence in Mexico": a place, not an actor
            for ks in sent.keys(slot):
                for ko in sent.keys(int(m.group(2))):
                    if allowed("party_to", sent.type(slot), "Policy"):
                        yield Fact(ks, "party_to", ko, 0.8, "party", {})
