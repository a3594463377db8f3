"""Facts in key-value lines about the page's subject: an encyclopedia infobox as text ("- Allies: Mexican
Mafia, Sureños", "- Founded by: A, B", "- Leaders: C (imprisoned), D"); the keys and what they state are
declared with the frames (loaders/data/frames.yaml, `fields`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from ocgraph import ontology
from ocgraph.loaders.frames import load_raw
from ocgraph.loaders.gold import fold
from ocgraph.loaders.mentions import CAP, Mention, given_names, type_by_heads, words
from ocgraph.loaders.relations import Fact

# "- Allies: A, B", and a table row as text: "| Successor | Rogelio González Pizaña |"
LINE = re.compile(
    r"^[ \t]*[-*•|]?[ \t]*(?P<key>[A-Z][A-Za-z/() ]{1,30}?)[ \t]*[:|]"
    r"[ \t]*(?P<value>[^|\s][^|]*?)[ \t]*\|?[ \t]*$",
    re.M,
)
ITEM = re.compile(r"[^,;/]+")
ASIDE = re.compile(r"\s*\([^)]*\)|\s*\[[^\]]*\]")  # "(imprisoned)", "[3]"
CITATION = re.compile(r"\[\d{1,3}\]")
NO_ONE = frozenset({"none", "unknown", "n/a", "independent", "various", "nobody"})
INNER_LABEL = re.compile(r"(?:^|,\s*)([A-Z][A-Za-z ]{1,30}):")
ALIAS = re.compile(r",?\s+(?:alias|aka|a\.k\.a\.)\s+.*$")
AND = re.compile(r"\s+and\s+(?:(?:his|her|their)\s+(?:\w+\s+)?(?:brothers?|sons?|sisters?|cousins?)\s+)?")
# capitalised words, names' small words and a group noun after them; or a number and capitals ("14K")
# a capitalised word of a listed name, initials ("Black P. Stones", "D.C. Blacks", "Public Enemy No. 1") and
# an elided word ("Dominicans Don't Play") included
WORD = rf"(?:{CAP}(?:['’][a-z]{{1,2}})?|[A-Z](?:\.[A-Z])*\.|No\.)"
NAME = re.compile(
    rf"\d{{1,4}}[A-Z]{{1,3}}|"
    rf"(?:\d{{1,4}}\w{{0,2}} )?'?{WORD}(?: (?:{WORD}|de|del|la|las|los|el|da|do|dos|das|di|della|delle|dei|"
    r"degli|du|des|van|von|der|of|the|and|y|e|\d{1,4}))*"
    r"(?: (?:crime |mafia )?(?:gang|cartel|clan|mafia|family|group|crew|posse|syndicate|['’]ndrina|cosca))?"
)
# Keys only a group's infobox has: a page that lists two of them in a paragraph about crime is a
# criminal group's ("Founded: 1919", "Territory: Hong Kong", "Rivals: 14K")
GROUP_KEYS = words(
    "founded founded_by founder founders founding_location territory membership membership_est allies rivals "
    "leaders criminal_activities activities headquarters"
)
# words that make a listed name a group's, whatever its first word ("Simon City Royals", "Diablos MC")
GROUP_WORDS = words("nation club mc city gang crew posse boys syndicate mob")


@dataclass(frozen=True)
class Field:
    key: str
    predicates: tuple[str, ...]  # the first one the two types allow is the fact's
    page_is: str  # "subject" or "object" of the fact
    kind: str  # the type a listed name has when nothing else says


def fields() -> dict[str, Field]:
    out = {}
    for f in load_raw().get("fields", []):
        for key in f["keys"]:
            out[key.casefold()] = Field(key, tuple(f["predicates"]), f["page"], f["kind"])
    return out


@cache
def bare_lines() -> re.Pattern[str]:
    """A known key run into its value without a colon, as infoboxes copied as text have them
    ("Rivals Comando Vermelho, Família do Norte", "AlliesLos Chone Killers, Los Lobos")."""
    keys = "|".join(sorted((re.escape(f.key) for f in fields().values()), key=len, reverse=True))
    return re.compile(rf"^[ \t]*[-*•]?[ \t]*(?P<key>{keys})[ \t]*(?P<value>['A-ZÁÉÍÓÚÑ].*)$", re.M)


def items(text: str) -> Iterator[tuple[re.Match[str], Field, int, int]]:
    """(line, field, start, end) for every listed name of a known key in a paragraph's text."""
    known = fields()
    lines = list(LINE.finditer(text))
    lines += [b for b in bare_lines().finditer(text) if all(b.start() != x.start() for x in lines)]
    for line in sorted(lines, key=lambda x: x.start()):
        field = known.get(line["key"].strip().casefold())
        if field is None:
            continue
        value = line["value"]
        # "Allies: The alliances shifted, but included: A, B": the names follow the value's last colon;
        # "Allies: Current:, A, B, Historical:, C": colons that label parts of the list end no prose
        labels = [m.start() for m in re.finditer(":", value)]
        offset = 0 if all(value[i + 1 :].lstrip().startswith(",") for i in labels) else value.rfind(":") + 1
        # "Jalisco New Generation Cartel[4] Los Tiguerones": a citation mark ends a listed name, as a comma
        value = CITATION.sub(lambda c: "," * len(c.group(0)), value)
        # "Rivals: A, B, Former allies: , C, D": a label of another key starts that key's list
        switches = [
            (m.end(), known[key])
            for m in INNER_LABEL.finditer(value)
            if (key := re.sub(r"^(?:former|current|historical|past) ", "", m.group(1).casefold())) in known
        ]
        for item in ITEM.finditer(value, offset):
            field = next((f for at, f in reversed(switches) if at <= item.start()), field)
            # "Osvaldo Villalba †": the mark of one who died is no part of the name
            name = ALIAS.sub("", ASIDE.sub("", item.group(0))).strip(" '\"“”.·•*-†‡")
            if name.casefold() in NO_ONE or name.casefold().startswith("no "):
                continue  # "Allies: No Allies", "Rivals: None": an empty list, written out
            # "Terry Adams and his brothers Tommy and Patrick": names joined by "and" within one item
            parts = [name] if NAME.fullmatch(name) else [p for p in AND.split(name) if NAME.fullmatch(p)]
            parts = [q for p in parts for q in _run_together(p)]
            for part in parts:  # "Sinaloa Cartel", "38th Street gang" are names; "Mexican drug war" is not
                at = item.group(0).find(part)
                if at < 0:
                    continue  # "Ana (née Paz) Ruiz": an aside cut from inside a name leaves no span
                start = line.start("value") + item.start() + at
                yield line, field, start, start + len(part)
        yield from _continued(text, line, field, lines)


GROUP_TAIL = re.compile(r" (?:crime |mafia )?(?:family|clan|gang|cartel|['’]ndrina)")
# a line of its own that goes on a key's list: "AlliesJuárez Cartel" then "Jalisco New Generation Cartel[2]"
NEXT_LINE = re.compile(r"\n(?P<name>[^\n]{2,60}?)(?:\[\d{1,3}\])*[ \t]*(?=\n|$)")


def _continued(text: str, line: re.Match[str], field: Field, lines: list[re.Match[str]]) -> Iterator[tuple]:
    """The names an infobox copied as text lists one per line under a key, after the key's own line,
    up to the next key or a blank line."""
    at = line.end()
    starts = {x.start() for x in lines}
    while (nxt := NEXT_LINE.match(text, at)) is not None:
        if nxt.start("name") in starts or not NAME.fullmatch(nxt["name"].strip()):
            return
        if nxt["name"].strip().casefold() in fields():
            return  # "Rivals" on a line of its own: the next key, its names on the lines after it
        name = nxt["name"].strip()
        start = nxt.start("name") + nxt["name"].find(name)
        yield line, field, start, start + len(name)
        at = nxt.end()


ARTICLES = frozenset({"Los", "Las", "El", "La"})
HEAD_WORDS = words("cartel gang clan mafia family")


def _run_together(name: str) -> list[str]:
    """Names an infobox copied as text runs together with no comma: "Los Tiguerones Los Chone Killers"
    is two, cut before an article that follows a capitalised word ("Cártel de Los Soles" is one);
    "Guadalajara Cartel Milenio Cartel" is two, cut after the word that ends a group's name."""
    words_ = name.split(" ")
    cuts = [
        i
        for i in range(1, len(words_) - 1)
        if (
            words_[i] in ARTICLES
            and words_[i - 1][:1].isupper()
            and words_[i - 1].casefold() not in ("de", "del", "y")  # "Los Blancos De La Troya" is one
            and words_[i + 1][:1].isupper()
        )
        or (words_[i - 1].casefold() in HEAD_WORDS and words_[i][:1].isupper())
    ]
    return [" ".join(words_[a:b]) for a, b in zip([0, *cuts], [*cuts, len(words_)], strict=True)]


def _group_shaped(name: str) -> bool:
    """Whether listed words are a group's name by their shape alone: "Los Chone Killers", "Sonora Cartel"
    (not "The Sixth" of "The Sixth Yamaguchi-gumi")."""
    parts = name.split(" ")
    return (
        len(parts) > 1
        and NAME.fullmatch(name) is not None
        and (parts[0] in ARTICLES or parts[-1].casefold() in HEAD_WORDS)
    )


def mentions(text: str, found: list[Mention], crime: bool) -> list[Mention]:
    """Mentions for listed names no other reader found ("Avenues", "Bloods" in a list of rivals)."""
    extra, dropped = [], []
    listed = list(items(text))
    for m in found:
        # "Los Tiguerones Los Chone Killers" read as one name: the listed names it runs together win
        if m.entry is None and sum(m.start <= a and b <= m.end for _, _, a, b in listed) > 1:
            dropped.append(m)
    found = [m for m in found if all(m is not d for d in dropped)]
    for line, field, start, end in listed:
        inside = [m for m in found if m.start < end and start < m.end]
        if inside and all(
            m.source == "ner"
            and m.entry is None
            and start <= m.start
            and m.end <= end
            and m.end - m.start < end - start
            for m in inside
        ):
            # "Piromalli 'ndrina": the model's "Piromalli" is part of the listed name
            dropped.extend(inside)
            inside = []
        elif (
            inside
            and NAME.fullmatch(text[start:end])
            and all(m.type in ("Place", "State") and m.start == start and m.end < end for m in inside)
        ):
            # "Allies: Texas Syndicate, Catania Mafia family": a place read at the start of a listed name
            # names where the listed group is from; the name is all of it ("MEX Mexico" is a flag's code)
            dropped.extend(inside)
            inside = []
        if (
            len(inside) == 1
            and inside[0].start == start
            and inside[0].entry is None
            and GROUP_TAIL.fullmatch(text[inside[0].end : end])
        ):
            # "Pietraperzia Mafia family": the name read without the lowercase word that ends it
            inside[0].end, inside[0].text = end, text[start:end]
        for m in inside:
            if line.start("key") <= m.start < line.start("value") <= start < m.end:
                # "AlliesJalisco New Generation Cartel": a key run into its value is no part of the name
                m.start, m.text = start, text[start : m.end]
            if m.start >= start and m.end > line.end() and "\n" in text[m.start : m.end]:
                # "Leaders: A, Bao Aichan" then "Dates active": a listed name ends with its line
                m.end = line.end()
                m.text = text[m.start : m.end].rstrip()
                m.end = m.start + len(m.text)
            whole = (m.start, m.end) == (start, end)  # "Santa Monica" of "Santa Monica 13" is no name
            guessed = m.source == "ner" or (m.source == "rule" and m.type == "Person")  # not a gazetteer's
            if whole and guessed and m.entry is None and _retyped(m, field.kind):
                # "Allies: Aryan Nations, Bloods": what the line lists is of the kind its key says
                m.type, m.source = field.kind, "rule"
                m.extras["typed"] = f"{line['key'].strip()}: {m.text}"
        if inside:
            # "Los Chone Killers Albanian mafia": the listed words before the first name read are a name
            first = min(m.start for m in inside)
            lead = text[start:first].rstrip()
            if first > start and _group_shaped(lead):
                extra.append(
                    Mention(start, start + len(lead), lead, type_by_heads(lead, crime) or field.kind, "rule")
                )
            continue
        name = text[start:end]
        extra.append(Mention(start, end, name, type_by_heads(name, crime) or field.kind, "rule"))
    kept = [m for m in found if all(m is not d for d in dropped)]
    return sorted([*kept, *extra], key=lambda m: m.start)


def _retyped(m: Mention, kind: str) -> bool:
    """Whether the model's type gives way to the kind a listed name's key says: an organisation or
    place always; a "person" only when the name is not shaped like one ("Gangster Disciples")."""
    return m.type in ("Organization", "Place") or (m.type == "Person" != kind and not person_shaped(m.text))


def person_shaped(name: str) -> bool:
    """A known given name and one to three more words, none a group's ("Simon City Royals" is not)."""
    parts = name.split()
    return (
        2 <= len(parts) <= 4
        and parts[0] in given_names()
        and not any(p.casefold() in GROUP_WORDS for p in parts)
    )


# "Black Power (New Zealand)", "Klaas Bruinsma (drug lord)": an encyclopedia's page name with what tells
# it from its namesakes in brackets; the name is the words before them
QUALIFIED = re.compile(r"(?P<name>[^()]+?)\s*\((?P<qualifier>[^()]{1,40})\)\s*")

DISAMBIGUATED = re.compile(
    r"(.+?) \(((?:[\w-]+ ){0,2}(?:gang|cartel|crime group|criminal (?:group|organi[sz]ation)|mafia|"
    r"crime family|criminal organi[sz]ation|syndicate|triad|clan|mob|organi[sz]ed crime group))\)"
)


def headline(sections: list[tuple[str, list[Mention]]], title: str | None, crime: bool) -> None:
    """Read a criminal group's page name as that group: an infobox that lists two of a group's keys
    ("Founded", "Territory", "Rivals") in a text about crime says what its page is about.

    `sections` are the texts and mentions of one section's paragraphs, changed in place: the model's
    mentions of the title take the group's type, and a title nothing read becomes a mention.
    """
    first = sections[0][0].strip().partition("\n")[0].strip() if sections else ""
    name = (title or first).strip()
    # "Black Axe (organized crime group)": an encyclopedia's page name says what kind of thing it is
    kind_of = DISAMBIGUATED.fullmatch(name)
    if kind_of is not None:
        name = kind_of.group(1)
    elif (qualified := QUALIFIED.fullmatch(name)) is not None:
        name = qualified["name"]  # "(New Zealand)" says where, not what: the infobox's keys must say it
    if not crime or len(name.split()) > 6 or not NAME.fullmatch(name):
        return
    keys = {fold(line["key"]).replace(" ", "_") for text, _ in sections for line in LINE.finditer(text)}
    found = sorted(keys & GROUP_KEYS)
    if kind_of is not None:
        found = [f"({kind_of.group(2)})"]
    elif len(found) < 2:
        return
    wanted = fold(name)
    why = f"page name: {found[0]}" if kind_of is not None else f"infobox: {', '.join(found[:3])}"
    same = [m for _, ms in sections for m in ms if fold(m.text) == wanted]
    for m in same:
        if m.source == "ner" and m.entry is None and _retyped(m, "CriminalOrganization"):
            m.type, m.source = "CriminalOrganization", "rule"
            m.extras["typed"] = why
    if same:
        return
    text, ms = sections[0]
    at = text.find(name)
    if at < 0:
        return
    inside = [m for m in ms if m.start < at + len(name) and at < m.end]
    if any(m.entry is not None or m.start < at or m.end > at + len(name) for m in inside):
        return
    # "Catania Mafia" of "Catania Mafia family": a reading of part of the name gives way to all of it
    ms[:] = [m for m in ms if all(m is not x for x in inside)]
    kind = type_by_heads(name, crime) or "CriminalOrganization"
    ms.append(Mention(at, at + len(name), name, kind, "rule", extras={"typed": why}))
    ms.sort(key=lambda m: m.start)


def page_subject(titles: Iterable[str | None], mentions_: list[Mention], types: dict[str, str]) -> str | None:
    """The actor a page is about: the one the first of its titles that names an actor names, with or
    without what its brackets add ("Black Power (New Zealand)"), else none (an infobox's label lines
    can pass for the headline; the page's first line is its name)."""
    for title in titles:
        qualified = QUALIFIED.fullmatch(title) if title else None
        names = [title, qualified["name"]] if qualified else [title]
        for wanted in [fold(n) for n in names if n]:
            for m in mentions_:
                if m.keys and fold(m.text) == wanted:
                    return m.keys[0]
    return None


def lead_subject(title: str | None, paragraphs: list[tuple[str, list[Mention]]]) -> str | None:
    """The actor a page is about when its title names none the text reads ("Moroccan mafia"): the name
    in brackets right after the title where the lead repeats it ("The Moroccan mafia (…, Mocro Maffia)
    is a collection of criminal organisations")."""
    if not title:
        return None
    lead = re.compile(rf"(?:The\s+)?{re.escape(title.strip())}\s*\(", re.IGNORECASE)
    for text, ms in paragraphs:
        hit = lead.match(text)
        close = text.find(")", hit.end()) if hit else -1
        if close < 0:
            continue
        inside = [m for m in ms if hit.end() <= m.start and m.end <= close and m.keys]
        groups = [m for m in inside if m.type in ("CriminalOrganization", "Organization")]
        return groups[0].keys[0] if groups else None
    return None


def facts(
    text: str, found: list[Mention], page: str, types: dict[str, str]
) -> Iterator[tuple[Fact, int, int]]:
    """The facts of the key-value lines of a paragraph, with the span of the line that states each."""
    onto = ontology.load()
    listed: list[tuple[re.Match[str], Field, Mention]] = []
    for line, field, start, end in items(text):
        m = next((m for m in found if m.start <= start and end <= m.end and m.keys), None)
        inside = [m] if m is not None else [m for m in found if start <= m.start and m.end <= end and m.keys]
        # "Los Tiguerones Los Chone Killers": names run together with nothing between them are each listed
        listed += [(line, field, m) for m in inside if all(m is not x or ln != line for ln, _, x in listed)]
    for line, field, m in listed:
        for key in m.keys:
            if key == page:
                continue
            s, o = (page, key) if field.page_is == "subject" else (key, page)
            for name in field.predicates:
                pred = onto.predicate(name)
                if pred.allows(types.get(s, ""), types.get(o, "")):
                    yield Fact(s, name, o, 0.9, f"field:{fold(field.key).replace(' ', '-')}"), *line.span()
                    break
