"""Officials named with their titles: "DEA Administrator Anne Milgram", "Secretary of the Treasury Scott
Bessent", "Adolphus Wright, Special Agent in Charge of the Miami Division of the DEA". The title words,
which of them head a body and which narrow a title to a rank below the head, are declared with the frames
(loaders/data/frames.yaml, `titles`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any

from ocgraph.graph.ids import entity_id
from ocgraph.loaders.frames import load_raw
from ocgraph.loaders.relations import Fact
from ocgraph.loaders.syntax import Binder

BODIES = ("GovernmentOrganization", "Organization", "State")
LINKS = {"of", "for", "at", "in", "and", "the", "'s", "’s", "-"}  # "-": "Special Agent-in-Charge"
LEAD_IN = {",", "the", "former", "then", "current", "acting", "a", "an", "now"}
STATE_WORDS = {"republic", "kingdom", "government", "federation", "commonwealth"}  # "of the Republic of X"


@dataclass(frozen=True)
class Titles:
    words: frozenset[str]  # every word of a title, lower case
    heads: frozenset[str]  # titles that head the body they name ("administrator", "attorney general")
    ranks: frozenset[str]  # words that make a title a rank below the head ("deputy", "assistant")
    national: frozenset[str]  # titles that make a person a member of their state ("minister", "senator")
    state_heads: frozenset[str] = frozenset()  # titles that head the state itself ("president")
    implied: tuple[tuple[str, str], ...] = ()  # (title, the id of the one body it heads)
    qualifiers: frozenset[str] = frozenset()  # words that only complete a title ("Financial Intelligence")


@cache
def titles() -> Titles:
    raw = load_raw()["titles"]
    heads = frozenset(t.lower() for t in raw["heads"])
    ranks = frozenset(t.lower() for t in raw["ranks"])
    members = frozenset(t.lower() for t in raw["members"])
    national = frozenset(t.lower() for t in raw["national"])
    qualifiers = frozenset(t.lower() for t in raw.get("qualifiers", ()))
    words = frozenset(w for t in heads | ranks | members | national | qualifiers for w in t.split())
    state_heads = frozenset(t.lower() for t in raw.get("state_heads", ()))
    implied = tuple(
        (t.lower(), entity_id("GovernmentOrganization", body)) for t, body in raw.get("implied", {}).items()
    )
    return Titles(
        words | {w for t in state_heads for w in t.split()},
        heads,
        ranks,
        national,
        state_heads,
        implied,
        qualifiers,
    )


def title_facts(sentence: Any, binder: Binder) -> Iterator[Fact]:
    """leader_of or member_of between each person of a sentence and the bodies their title names."""
    lead = _titles_lead(sentence, binder)
    for token in sentence:
        m = binder.covering(token)
        if m is None or binder.types.get(m.keys[0]) != "Person" or m.source == "coref":
            continue
        if token.i + 1 < sentence.end and binder.covering(token.doc[token.i + 1]) is m:
            continue  # read each name once, from its last word
        first = token
        while first.i > sentence.start and binder.covering(token.doc[first.i - 1]) is m:
            first = token.doc[first.i - 1]
        # in a list whose titles lead ("Title of A, Name, Title of B, Name"), the title after a name
        # and its comma is the next name's
        spans = [_before(first, binder, lead), ([], []) if lead else _after(token, binder)]
        if spans[0][0] and not spans[1][1]:
            # "Special Agent in Charge James J. Hunt of the DEA": the title before, the body after
            spans.append((spans[0][0], _of_after(token, binder)))
        found = False
        for words, bodies in spans:
            for fact in _facts(m.keys[0], words, bodies, binder):
                found = found or binder.types.get(fact.object) != "State"
                yield fact
        if not found:
            yield from _implied(m.keys[0], spans, binder)


def _implied(person: str, spans: list, binder: Binder) -> Iterator[Fact]:
    """ "said Attorney General Pamela Bondi" in a release that names the Justice Department: the one body
    the title heads, when the document names it and nothing around the title names another state
    ("Mexican Attorney General", "of the Republic of Guatemala") or body; never in a headline."""
    every = [b for _, bodies in spans for b in bodies]
    if any(b.keys[0] != "state/united-states" for b in every):
        return
    for words, _ in spans:
        if not words:
            continue
        sentence = words[0].sent
        before = words[0].doc[max(sentence.start, words[0].i - 2) : words[0].i]
        if any((m := binder.covering(t)) is not None and m.keys[0] != "state/united-states" for t in before):
            return  # "Mexican Attorney General Medina Mora"
        capitals = [t.text[0].isupper() for t in sentence if t.is_alpha and len(t) > 3]
        if capitals and sum(capitals) > 0.7 * len(capitals):
            return  # a headline: "Guatemalan Attorney General Visits Eastern District of Texas"
        phrase = " ".join(w.lower_ for w in words if w.lower_ != "the")
        for title, body in titles().implied:
            if phrase == title and body in binder.types:
                role = {"role": " ".join(w.text for w in words)}
                yield Fact(person, "leader_of", body, 0.8, "title:head", role)
                return


def _titles_lead(sentence: Any, binder: Binder) -> bool:
    """Whether the sentence's first person is named after their title and a comma, as releases list
    officials: "United States Attorney for the Southern District of New York, Jay Clayton, Special Agent
    in Charge of …, Louis A. D'Ambrosio, …" (every title in that list is the next name's)."""
    first = next((t for t in sentence if _person(t, binder)), None)
    if first is None or first.i - 1 <= sentence.start or first.doc[first.i - 1].text != ",":
        return False
    words, bodies = _before(first, binder, True)
    before = sentence[: first.i - sentence.start]
    return _titled(words) and bool(bodies) and not any(_person(t, binder) for t in before)


def _person(token: Any, binder: Binder) -> bool:
    mention = binder.covering(token)
    return mention is not None and binder.types.get(mention.keys[0]) == "Person" and mention.source != "coref"


def _before(token: Any, binder: Binder, lead: bool = False) -> tuple[list[Any], list[Any]]:
    """The title words and bodies right before a name ("DEA Special Agent in Charge" Raymond Donovan);
    with `lead`, across the comma after a title that leads its name."""
    t = titles()
    words: list[Any] = []  # the title's tokens
    bodies: list[Any] = []
    unit: set[int] = set()  # the tokens of a unit named in passing
    i = token.i - 1
    comma = i > token.sent.start and token.doc[i].text == ","
    if comma and (lead or binder.name_head(token).dep_ == "appos"):
        i -= 1  # "the United States Attorney for the Central District of California, André Birotte"
    while i >= token.sent.start:
        tok = token.doc[i]
        body = binder.covering(tok)
        if body is not None and binder.types.get(body.keys[0]) in BODIES:
            if not bodies or bodies[-1].keys != body.keys:
                bodies.append(body)
        elif _title_word(tok.lower_) and (tok.text[:1].isupper() or tok.lower_ in t.ranks):
            if words and words[-1].i in unit:
                unit.add(tok.i)  # "New York Field Office": a title's word inside a unit's name
            words.append(tok)
        elif _around_acronym(tok, bool(bodies), binder):
            pass  # "Drug Enforcement Administration (DEA) Acting Administrator", "(“DEA”)": an acronym
        elif tok.lower_ == "and" and words and i > token.sent.start and _named(token.doc[i - 1], binder):
            break  # "Caldwell of the Criminal Division and Assistant Director X": the body is Caldwell's
        elif tok.lower_ in LINKS and (words or bodies):
            words.append(tok)  # "Special Agent in Charge", "Secretary of the Treasury"
        elif bodies and words and (words[-1].lower_ in LINKS or words[-1].i in unit) and _unit(tok, binder):
            words.append(tok)  # "… of the Houston Field Office of the FBI": a unit named in passing
            unit.add(tok.i)
        else:
            break
        i -= 1
    return sorted(words, key=lambda w: w.i), bodies


def _after(token: Any, binder: Binder) -> tuple[list[Any], list[Any]]:
    """The title and bodies in an apposition after a name (", the Director of the FBI")."""
    doc = token.doc
    i = token.i + 1
    if i < token.sent.end and doc[i].text == "(":  # "Hugo Velazquez Moreno (Velazquez), the …": an aside
        close = next((j for j in range(i + 1, min(i + 8, token.sent.end)) if doc[j].text == ")"), None)
        i = close + 1 if close is not None else i
    if i >= len(doc) or doc[i].text != ",":
        return [], []
    words: list[Any] = []
    bodies: list[Any] = []
    named_first: Any | None = None  # ", Acting OFAC Director": the body its title follows
    while i < token.sent.end:
        tok = doc[i]
        body = binder.covering(tok)
        if body is not None and binder.types.get(body.keys[0]) in BODIES:
            after = _past(body, tok, binder)
            if not bodies and named_first is None and after < token.sent.end and _head_or_member(doc[after]):
                named_first = body
                i = after
                continue
            if not words:
                break  # "X, DEA said": no title between
            if _possessor(tok, body):
                i += 1
                continue  # "BiH's Intelligence Security Agency": the agency, not BiH
            if not bodies and words[-1].lower_ in LINKS and _of_body(doc, after, binder):
                # "Special Agent in Charge of the Special Operations Division of the DEA": a unit read as a
                # body of its own, on the way to the body that holds it; the official serves in both
                bodies.append(body)
                words.append(doc[after])
                i = after + 1
                continue
            if not bodies or bodies[-1].keys != body.keys:
                bodies.append(body)
        elif _title_word(tok.lower_) and (words or tok.lower_ not in LINKS):  # ", of the Republic": no title
            if bodies:
                break  # a second title: another person's
            words.append(tok)
        elif tok.lower_ in LINKS and words:
            words.append(tok)
        elif (
            tok.text == "," and words and not bodies and i + 1 < token.sent.end and _body(doc[i + 1], binder)
        ):
            pass  # "ANTHONY P. PLACIDO, Special Agent-in-Charge, Drug Enforcement Administration"
        elif words and words[-1].lower_ in LINKS and tok.text[:1].isupper() and _unnamed(tok, binder):
            # "Special Agent in Charge of the New York Division of the DEA": a unit the title names in
            # passing, on the way to its body
            while i < token.sent.end and doc[i].text[:1].isupper() and _unnamed(doc[i], binder):
                words.append(doc[i])
                i += 1
            continue
        elif not (tok.lower_ in LEAD_IN and not words):
            break
        i += 1
    if bodies or named_first is None:
        return words, bodies
    if not words or (i < token.sent.end and _person(doc[i], binder)):
        return [], []  # ", FBI Director Robert Mueller": the next person's title
    return words, [named_first]


def _head_or_member(token: Any) -> bool:
    """Whether a word starts or makes a title ("Director", "Spokesman"), not one that only completes a
    title ("Affairs") or links its words ("of")."""
    t = titles()
    return token.lower_ in t.words and token.lower_ not in t.qualifiers and token.lower_ not in LINKS


def _past(body: Any, token: Any, binder: Binder) -> int:
    """The index of the first token after a body's name that starts at `token`."""
    i = token.i
    while i < token.sent.end and binder.covering(token.doc[i]) is body:
        i += 1
    return i


def _of_body(doc: Any, i: int, binder: Binder) -> bool:
    """Whether "of (the) <body>" starts at token i."""
    if i >= len(doc) or doc[i].lower_ != "of":
        return False
    j = i + 1 + (i + 1 < len(doc) and doc[i + 1].lower_ == "the")
    return j < len(doc) and _body(doc[j], binder)


def _around_acronym(token: Any, after_body: bool, binder: Binder) -> bool:
    """Whether a bracket or quote encloses a body's acronym ("(DEA)", "(“JTFV”)"), read from the right:
    an opening one once a body was read, a closing one around an acronym of the body just before it."""
    doc, start = token.doc, token.sent.start
    if token.text == "(" or (token.is_quote and after_body):
        return after_body or (token.i > start and _body(doc[token.i - 1], binder))
    if token.is_quote and token.i - 1 > start and doc[token.i - 1].text == "(":
        return _body(doc[token.i - 2], binder)  # the opening quote of "(“JTFV”)"
    if token.text.isupper() and token.i + 1 < token.sent.end and doc[token.i + 1].text in (")", "”", '"'):
        return _around_acronym(doc[token.i + 1], after_body, binder)  # the acronym no mention covers
    if token.text != ")" and not token.is_quote:
        return False

    def skip_quotes(i: int) -> int:
        while i > start and doc[i].is_quote:
            i -= 1
        return i

    i = skip_quotes(token.i - 1)
    if _body(doc[i], binder):
        return True
    if not doc[i].text.isupper():  # an acronym no mention covers: the body before its bracket
        return False
    i = skip_quotes(i - 1)
    return i > start and doc[i].text == "(" and _body(doc[i - 1], binder)


def _named(token: Any, binder: Binder) -> bool:
    """Whether a token ends a name: "Caldwell", the bracket of "the Drug Enforcement Administration (DEA)"."""
    return binder.covering(token) is not None or token.text == ")"


def _body(token: Any, binder: Binder) -> bool:
    """Whether a token is part of the name of a body (or a state)."""
    mention = binder.covering(token)
    return mention is not None and binder.types.get(mention.keys[0]) in BODIES


def _title_word(word: str) -> bool:
    """A word of a title, with a prefix ("Co-Director", "Vice-Chairman") or without."""
    return word in titles().words or word.partition("-")[2] in titles().words


def _titled(tokens: list[Any]) -> bool:
    """Whether a title's tokens hold a title word, not only links and the name of a unit."""
    return any(w.lower_ not in LINKS and _title_word(w.lower_) for w in tokens)


def _unit(token: Any, binder: Binder) -> bool:
    """A capitalised word that names no actor (a place aside): "Houston Field Office" on the way to a body."""
    return token.text[:1].isupper() and token.text.isalpha() and _unnamed(token, binder)


def _unnamed(token: Any, binder: Binder) -> bool:
    """Whether a token names no actor (a place aside): "New York" of "the New York Division"."""
    mention = binder.covering(token)
    return mention is None or binder.types.get(mention.keys[0]) == "Place"


def _of_after(token: Any, binder: Binder) -> list[Any]:
    """The bodies named right after a name by "of", "for" or "with" ("James J. Hunt of the DEA",
    "Captain Les Gogerty with the Costa Mesa Police Department")."""
    doc, i = token.doc, token.i + 1
    if i + 1 < token.sent.end and doc[i].text == "," and doc[i + 1].lower_ == "of":
        i += 1  # "Attorney General Maria Porras, of the Republic of Guatemala"
    elif i + 1 < token.sent.end and doc[i].text == ",":
        return _office_after_comma(doc[i + 1], binder)
    if i >= token.sent.end or doc[i].lower_ not in ("of", "for", "with", "in"):
        return []
    # "Magistrate Judge X in the U.S. District Court": a body, never a state ("Ambassador X in Colombia")
    kinds = ("GovernmentOrganization", "Organization") if doc[i].lower_ == "in" else BODIES
    bodies: list[Any] = []
    for tok in doc[i + 1 : token.sent.end]:
        body = binder.covering(tok)
        if body is not None and binder.types.get(body.keys[0]) in BODIES:
            if binder.types.get(body.keys[0]) in kinds and (not bodies or bodies[-1].keys != body.keys):
                bodies.append(body)
        elif tok.lower_ not in LINKS and tok.lower_ not in STATE_WORDS:
            break
    return bodies


def _office_after_comma(first: Any, binder: Binder) -> list[Any]:
    """The office named after a name and a comma, where it ends that item of a list: "U.S. Attorney
    Kenneth Magidson, Southern District of Texas;". Not the next item's body ("Eric Holder, DEA
    Administrator Michele Leonhart")."""
    body = binder.covering(first)
    if body is None or binder.types.get(body.keys[0]) != "GovernmentOrganization":
        return []
    end = _past(body, first, binder)
    if end < first.sent.end and first.doc[end].text not in (";", ",", ".") and first.doc[end].lower_ != "and":
        return []
    return [body]


def _facts(person: str, tokens: list[Any], bodies: list[Any], binder: Binder) -> Iterator[Fact]:
    if not bodies or not _titled(tokens):
        return  # "the US Embassy in Guatemala, Walther Overdick": a link word alone is no title
    t = titles()
    words = [w.lower_.removeprefix("co-") for w in tokens]  # a co-director heads the body too
    phrase = f" {' '.join(words)} "
    # the role as written, without the links at its ends ("the", "of") and the bodies it names
    kept = list(tokens)
    while kept and kept[0].lower_ in LINKS:
        kept.pop(0)
    while kept and kept[-1].lower_ in LINKS:
        kept.pop()
    head = any(f" {h} " in phrase for h in t.heads) and not any(r in words for r in t.ranks)
    national = any(f" {n} " in phrase for n in t.national)
    heads_state = any(f" {h} " in phrase for h in t.state_heads) and not any(r in words for r in t.ranks)
    rule = f"title:{'head' if head else 'member'}"
    n = 0  # the bodies named so far that the title may be of
    # "Inter-American Development Bank U.S. Executive Director X": a state named after the body narrows
    # the title to that state's seat in it, which heads nothing
    states = [b for b in bodies if all(binder.types.get(k) == "State" for k in b.keys) and not national]
    for body in bodies:
        if any(s.start >= body.end for s in states):
            head = heads_state = False
        for key in body.keys:
            kind = binder.types.get(key)
            if kind == "State" and not national:
                continue  # "U.S. Attorney X" works for an office of the state, which the title does not name
            # the title heads the first body named ("the U.S. Department of Justice", even when "U.S." is
            # read as a name of its own); the bodies after it ("of the DEA") contain that one
            leads = n == 0 and ((head and kind != "State") or (heads_state and kind == "State"))
            role = {"role": _written(kept)} if kept else {}
            yield Fact(person, "leader_of" if leads else "member_of", key, 0.85, rule, role)
        n += any(binder.types.get(k) != "State" or national for k in body.keys)


def _written(tokens: list[Any]) -> str:
    """A title as written: "Special Agent-in-Charge", its words one space apart where bodies were cut out."""
    joints = [t.whitespace_ if t.i + 1 == n.i else " " for t, n in pairwise(tokens)]
    return "".join(t.text + joint for t, joint in zip(tokens, [*joints, ""], strict=True))


def _possessor(token: Any, body: Any) -> bool:
    """Whether the body is named as the possessor of the next name ("BiH's Intelligence Agency")."""
    doc = token.doc
    end = token.i
    while end + 1 < len(doc) and doc[end + 1].idx < body.end:
        end += 1
    return end + 1 < len(doc) and doc[end + 1].lower_ in ("'s", "’s", "'")
