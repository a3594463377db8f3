"""Within one document: which mentions name the same actor, and what each actor is called."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ocgraph.graph.ids import entity_id, fold
from ocgraph.graph.names import given_and_surname, initials
from ocgraph.loaders.gazetteer import Entry, Gazetteer
from ocgraph.loaders.mentions import ALIAS_MARK, ALIAS_WORDS, Mention, given_names, type_by_heads, words

ALIAS_LINK = re.compile(rf"""^\s*,?\s*(?:\d{{1,3}},\s*)?{ALIAS_WORDS}\s+["']$""")
# "the Gaitanistas, also known as the Clan del Golfo": two names of one group, no quotes needed
NAME_LINK = re.compile(
    r"^\s*\)?\s*,?\s*\(?(?:(?:also |better )?known (?:in [A-Z][a-z]+ )?as|also called|a\.k\.a\.|a/k/a|aka)"
    r"\s+(?:the\s+)?$"
    # "First Capital Command (Primeiro Comando da Capital)", "Juárez Cartel (Spanish: Cártel de Juárez)":
    # the same group's name in another language
    r"|^\s*\((?:[A-Z][a-z]+:\s*)?$"
)
# "a faction of the Sinaloa Cartel known as the SNO": with no comma, the name is the faction's
PART_OF_BEFORE = re.compile(
    r"\b(?:faction|wing|cell|branch|offshoot|splinter|spin-?off|arm|clique|unit|division)s? of (?:the )?$"
)
# "the San Pedro Locos clique (SPLS)", "the Coastal Watch program (CWP)": the acronym of the name before
HEAD_PAREN = re.compile(
    r"[\"”']? (?:(?:clique|gang|cartel|clan|faction|cell|group|network|program|programme|policy|initiative|"
    r"strategy|plan) )?\("
)
# "Luciano Marín Arango, a.k.a. Iván Márquez": a second name of the person before, no quotes needed
PERSON_ALIAS = re.compile(rf"^\s*,?\s*\(?{ALIAS_WORDS}\s+$")
# the gap between two names of a list, an alias of the first one allowed: ', ', ' and ',
# ', alias "Comba," '
LISTED = re.compile(rf"""^(?:,? {ALIAS_MARK} ["“][^"”]{{1,30}}["”],?(?= ))?(?:,? and |, | )$""")
GOVERNMENT = re.compile(r"^(?:[Tt]he )?(\w+) [Gg]overnment$")
ARTICLE = re.compile(r"^(?:the|los|las|la|el|les)\s+")
# Rank of the evidence a type comes from: the curated gazetteer beats naming rules beats the model.
SOURCE_RANK = {"gazetteer": 0, "collective": 1, "rule": 2, "nickname": 3, "acronym": 3, "ner": 4}


ORG_TYPES = ("CriminalOrganization", "Organization", "GovernmentOrganization")


def _translated_name(text: str, before: Mention, m: Mention) -> bool:
    """Whether the model's person in brackets right after a body's name is that body's name in its own
    language: "the Colombian Communist Party Youth Organization (Juventud Comunista Colombiana – JUCO)"."""
    return (
        m.type == "Person"
        and m.source == "ner"
        and before.type in ORG_TYPES
        and len(m.text.split()) >= 2
        and re.fullmatch(r"\s*\(\s*", text[before.end : m.start]) is not None
        and re.match(r"\s*(?:[–—-]\s*[A-Z][A-Za-z]{1,9}\s*)?\)", text[m.end :]) is not None
    )


def _names_the_whole(text: str, first: Mention, second: Mention) -> bool:
    """Whether "known as" after the first name names the phrase it ends ("a faction of the Sinaloa Cartel
    known as the SNO"), not the first name: no comma before it, and a part noun's "of" before the name."""
    return "," not in text[first.end : second.start] and bool(
        PART_OF_BEFORE.search(text[max(0, first.start - 40) : first.start])
    )


@dataclass
class Actor:
    """An actor of one document: its id, type, canonical name and the surface forms seen."""

    key: str
    type: str
    name: str
    surfaces: list[str] = field(default_factory=list)
    entry: Entry | None = None
    local: bool = False  # a person named by a given name only: this document's, not any namesake's

    def add_surface(self, surface: str) -> None:
        if surface not in self.surfaces:
            self.surfaces.append(surface)


def _join(m: Mention, target: Actor) -> None:
    """The mention names the target actor from now on."""
    m.keys, m.type = (target.key,), target.type
    target.add_surface(m.text)


def _move(mentions: list[Mention], old: tuple[str, ...], target: Actor) -> None:
    """Every mention of the actor `old` names the target actor instead: two names found to be one."""
    for m in mentions:
        if m.keys == old:
            _join(m, target)


DESCRIBED = re.compile(r"^(.+) (?:gang|clan|cartel|mafia|crime family)$")  # folded: "hard livings gang"


def _join_described(mentions: list[Mention], actors: dict[str, Actor]) -> None:
    """ "the Hard Livings gang" and "the Hard Livings" in one text are one group: the name with the group
    noun is kept (it says what "Kotor" or "Juárez" names), unless the gazetteer knows the shorter one."""
    groups = {m.keys[0] for m in mentions if m.keys and actors[m.keys[0]].type == "CriminalOrganization"}
    bare = {_org_key(actors[k].name): k for k in sorted(groups)}
    for key in sorted(groups):
        long = actors[key]
        hit = DESCRIBED.match(_org_key(long.name))
        if hit and " " in hit.group(1) and long.entry is None:
            long.add_surface(long.name.rsplit(" ", 1)[0])  # "Unión Soviética" of "the Unión Soviética gang"
        short = bare.get(hit.group(1)) if hit else None
        if short is None or short == key or (long.entry is not None and actors[short].entry is not None):
            continue
        keep, drop = (actors[short], long) if actors[short].entry is not None else (long, actors[short])
        _move(mentions, (drop.key,), keep)


ACRONYM = re.compile(r"[A-Z]{2,6}")


def _join_initials(mentions: list[Mention], actors: dict[str, Actor]) -> None:
    """An acronym no sentence tied to a name ("It was also known by the initials NCO") is the one group
    or body of the document whose initials it spells (the Nuova Camorra Organizzata): across documents
    a bare acronym could join any name with those initials."""
    named = {m.keys[0] for m in mentions if m.keys and m.keys[0] in actors}
    bodies = [actors[k] for k in sorted(named) if actors[k].type not in ("Person", "Place", "State")]
    for short in bodies:
        if not ACRONYM.fullmatch(short.name) or short.entry is not None or len(short.surfaces) > 1:
            continue
        letters = "".join(sorted(short.name.casefold()))
        fits = [
            b
            for b in bodies
            if b is not short
            and not ACRONYM.fullmatch(b.name)
            and letters in initials(b.name)
            and short.type in (b.type, "Organization")  # the name's reading of its kind, unless at odds
        ]
        if len(fits) != 1:
            continue
        _move(mentions, (short.key,), fits[0])


def _org_key(name: str) -> str:
    return ARTICLE.sub("", fold(name))


def _another_generation(short: str, name: str) -> bool:
    """Whether folded `short`, a given name and a surname, names another generation than folded `name`
    ("Nicolo Rizzuto" and "Nicolo Rizzuto Jr.", "Carmine Persico" and "Carmine John Persico Sr."): a
    father and a son, or a grandson. A surname alone may still be either."""
    words, own = name.split(), short.split()
    return len(words) > 1 and len(own) > 1 and words[-1] in FOLDED_GENERATIONS and own[-1] != words[-1]


def _inside(short: str, name: str) -> bool:
    """Whether the folded words of `short` run, in order, inside the longer folded `name`."""
    return short != name and f" {short} " in f" {name} "


def _vote_types(mentions: list[Mention]) -> None:
    """One name, one type in a document: where the same words were typed apart (the model's PERSON
    "Comando Vermelho" in a title line, a naming rule's criminal group below), the most trusted reading
    types them all (the gazetteer, then naming rules, then the model)."""
    by_name: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.type and not m.demonym and m.source != "coref":
            by_name.setdefault(_org_key(m.text), []).append(m)
    for same in by_name.values():
        if len({m.type for m in same}) > 1:
            best = min(same, key=lambda m: (SOURCE_RANK.get(m.source, 5), m.start))
            rank = SOURCE_RANK.get(best.source, 5)
            if rank > SOURCE_RANK["rule"] or any(
                m.type != best.type and SOURCE_RANK.get(m.source, 5) <= rank for m in same
            ):
                continue  # only a naming rule or the gazetteer overrules the model's readings
            for m in same:
                if m.entry is None:
                    m.type = best.type


def _share_surnames(text: str, ms: list[Mention]) -> None:
    """Given names listed before a full name share its surnames: "Miguel Ángel, Juan Francisco and Omar
    Treviño Morales", "the brothers Javier, alias "Comba," Luis Enrique and Juan Carlos Calle Serna"."""
    given = given_names()
    names = [m for m in ms if m.source not in ("nickname", "acronym") and not m.demonym]
    chain: list[Mention] = []
    for m in [*names, None]:
        if m is not None and chain and LISTED.match(text[chain[-1].end : m.start]):
            chain.append(m)
            continue
        if len(chain) > 1 and chain[-1].type == "Person":
            full = chain[-1].text.split()
            while full and full[-1].rstrip(".") in GENERATIONS:
                full.pop()  # "Joseph Jr." gives no one the surname "Jr"
            first = next((i for i, w in enumerate(full) if w not in given), len(full))
            surnames = " ".join(full[first:])
            if 0 < first < len(full) and full[first][:1].isupper():  # "Juan de Dios" has no surname
                for x in chain[:-1]:
                    parts = x.text.split()
                    if x.entry is None and len(parts) <= 2 and all(w in given for w in parts):
                        x.text, x.type = f"{x.text} {surnames}", "Person"
        chain = [m] if m is not None else []


GENERATIONS = frozenset({"Jr", "Sr", "II", "III", "IV"})
FOLDED_GENERATIONS = frozenset(g.casefold() for g in GENERATIONS)
FAMILY_LIST = re.compile(r"^ (?:brothers|sisters|siblings|sons|daughters),? (?:[:–—] ?)?$")
# between two listed given names, an aside may give the first one's nickname ("Ciro known as o Scellone,")
NICKNAMED_GAP = re.compile(rf"^ (?:(?:also )?known as|{ALIAS_MARK}) [^,]{{1,30}}(?:,? and |, )$")
NICKNAME_BEFORE = re.compile(rf"(?:known as|{ALIAS_MARK}) (?:[a-z]+ )?$")


def _family_names(text: str, ms: list[Mention]) -> None:
    """Given names listed after "the X brothers" take the family's name: "the Lo Russo brothers,
    Salvatore, Vincenzo and Giuseppe", "the Mazzarella brothers, Ciro, Gennaro and Vincenzo"."""
    given = given_names()
    names = [m for m in ms if m.source not in ("nickname", "acronym") and not m.demonym]
    for i, family in enumerate(names[:-1]):
        if family.type != "Person" or not FAMILY_LIST.match(text[family.end : names[i + 1].start]):
            continue
        if family.text.split()[0] in given:
            continue  # "Juan Pérez brothers" is no family's name
        previous = family
        for m in names[i + 1 :]:
            parts = m.text.split()
            if NICKNAME_BEFORE.search(text[max(0, m.start - 16) : m.start]):
                continue  # "o Scellone" in "Ciro known as o Scellone"
            gap = text[previous.end : m.start]
            if previous is not family and not (LISTED.match(gap) or NICKNAMED_GAP.match(gap)):
                break
            if m.entry is not None or len(parts) > 2 or not all(w in given for w in parts):
                break
            m.text, m.type = f"{m.text} {family.text}", "Person"
            previous = m


# Words of a body's name that every state has one of: "National Police", "Supreme Court", "Navy"
GENERIC_BODY = words(
    "national police army navy guard court supreme ministry office attorney general prosecutor prosecutors "
    "air force forces armed intelligence service agency federal civil military special security public "
    "of the defense defence interior justice finance foreign affairs directorate anti-narcotics "
    "antinarcotics anti-drug customs border immigration"
)


def _of_state(text: str, before: Mention, m: Mention) -> None:
    """A body every state has is named with the state that owns it ("Panama's National Police" is the
    National Police of Panama), so two countries' police are two nodes."""
    if (
        before.type != "State"
        or before.demonym
        or text[before.end : m.start] not in ("’s ", "'s ", "’ ", "' ")
    ):
        return
    if not all(w.casefold() in GENERIC_BODY for w in m.text.split()):
        return
    state = before.entry.name if before.entry is not None else before.text
    m.text = f"{m.text} of {state}"


def _lead(keys: set[str], first_seen: dict[str, int], named: Counter, actors: dict[str, Actor]) -> str | None:
    """Of several people a short name fits, the one named first, if the text names them in full more
    often than any other (the person a profile or a story is about)."""
    if not keys:
        return None
    order = sorted(keys, key=lambda k: first_seen.get(fold(actors[k].name), 1 << 30))
    counts = [named.get(fold(actors[k].name), 0) for k in order]
    return order[0] if counts[0] >= 2 and all(counts[0] > c for c in counts[1:]) else None


def _alias_owner(m: Mention, mentions: list[Mention]) -> Mention | None:
    """The resolved mention a nickname or acronym belongs to ("A, alias "X"": A), if any."""
    if not m.alias_of:
        return None
    return next((x for x in mentions if x.text == m.alias_of and x.keys), None)


def _redefine_acronyms(mentions: list[Mention], actors: dict[str, Actor]) -> None:
    """An acronym the text gives to a name ("the "Clan del Golfo" (CDG)") stands for that name in this
    document, though the gazetteer knows it as another group's (the Gulf Cartel's "CDG"), when it spells
    that name's initials: every mention of it is an alias of the name, and the curated actor loses it."""
    for m in mentions:
        if m.source != "acronym" or not m.alias_of:
            continue
        owner = next((x for x in mentions if x.text == m.alias_of), None)
        if owner is None or owner.type in (None, "Person", "Place", "State"):
            continue
        key = fold(m.text)
        if "".join(sorted(key.replace(" ", ""))) not in initials(owner.text):
            continue  # "(FARC-EP)" after the fragment "People's Army" is not that fragment's
        for x in mentions:
            if x.entry is None or x.entry is owner.entry or fold(x.text) != key:
                continue
            for k in x.keys:
                if k in actors and x.text in actors[k].surfaces:
                    actors[k].surfaces.remove(x.text)
            x.entry, x.keys, x.alias_of, x.type = None, (), m.alias_of, owner.type


def _is_nickname(name: str) -> bool:
    return bool(re.fullmatch(r"(?:El|La|Los|Las)\s\S+", name))


class Resolver:
    """Gives every mention of a document the id of its actor (or none when it is ambiguous)."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz

    def resolve(self, paragraphs: list[tuple[str, list[Mention]]], scope: str = "") -> dict[str, Actor]:
        """Set `keys` on every mention; return the document's actors by id.

        A person the document names by a given name only ("his brothers Frank and Dominic") gets an id of
        this document (`scope`, its id): two articles' "Frank" are two actors (a surname alone, "Obama",
        names the same man across articles far more often)."""
        actors: dict[str, Actor] = {}
        aliases: dict[str, str] = {}  # folded nickname or acronym -> actor id
        mentions = [m for _, ms in paragraphs for m in ms]
        for text, ms in paragraphs:
            _share_surnames(text, ms)
            _family_names(text, ms)
        _vote_types(mentions)
        links: list[tuple[Mention, Mention]] = []

        def actor(type_name: str, name: str, entry: Entry | None = None) -> Actor:
            local = bool(scope) and type_name == "Person" and entry is None and name in given_names()
            key = entity_id(type_name, name, key=scope if local else None)
            if key not in actors:
                actors[key] = Actor(key, type_name, name, [], entry, local)
            return actors[key]

        # 1. curated names, and names given to another mention ("X, alias "Y"", "X (Y)")
        for text, ms in paragraphs:
            for i, m in enumerate(ms):
                if m.entry is None and not m.demonym:
                    self._as_state(m)
                if i > 0 and m.type == "GovernmentOrganization" and m.entry is None:
                    _of_state(text, ms[i - 1], m)
                if m.entry is not None:
                    a = actor(m.entry.type, m.entry.name, m.entry)
                    m.keys = (a.key,)
                    if not m.demonym:
                        a.add_surface(m.text)
                if i > 0 and _translated_name(text, ms[i - 1], m):
                    m.type = ms[i - 1].type  # "Youth Organization (Juventud Comunista Colombiana – JUCO)"
                if (
                    i > 0
                    and m.type not in (None, "Person", "State", "Place")
                    and ms[i - 1].type not in ("Person", "State", "Place")
                    and not (m.demonym or ms[i - 1].demonym)
                    and NAME_LINK.match(text[ms[i - 1].end : m.start])
                    and not _names_the_whole(text, ms[i - 1], m)
                ):
                    links.append((ms[i - 1], m))
                if m.source in {"nickname", "acronym"} and i > 0:
                    prev = ms[i - 1]
                    gap = text[prev.end : m.start]
                    named = (m.source == "acronym" and HEAD_PAREN.fullmatch(gap)) or ALIAS_LINK.match(gap)
                    # "United Self-Defense Forces of Colombia (AUC)": the longer name's, not Colombia's
                    before = text[max(0, prev.start - 5) : prev.start]
                    inside = prev.type in ("State", "Place") and re.search(r"\b(?:of|de|del) $", before)
                    if named and not (m.source == "acronym" and inside):
                        m.alias_of = prev.text
                elif (
                    i > 0
                    and m.type == ms[i - 1].type == "Person"
                    and m.entry is None
                    and (
                        PERSON_ALIAS.match(text[ms[i - 1].end : m.start])
                        # "Nazario Moreno Gonzalez (El Chayo)": a nickname in brackets, no quotes
                        or (text[ms[i - 1].end : m.start] == " (" and text[m.end : m.end + 1] == ")")
                    )
                ):
                    m.alias_of = ms[i - 1].text
        _redefine_acronyms(mentions, actors)
        # 2. full names of people and names of groups, merged when they fold alike
        # ("Don Berna" after "Diego Fernando Murillo, alias "Don Berna"" is that nickname, not a full name)
        nicknames = {fold(m.text) for m in mentions if m.alias_of}
        people = [
            m
            for m in mentions
            if m.type == "Person" and not m.keys and not m.alias_of and fold(m.text) not in nicknames
        ]
        full = {}
        for m in people:
            if len(m.text.split()) >= 2 and not _is_nickname(m.text):
                full.setdefault(fold(m.text), m.text)
        for m in mentions:  # curated people named in this document hold their short names too
            if m.entry is not None and m.entry.type == "Person" and not m.alias_of:
                full.setdefault(fold(m.entry.name), m.entry.name)
        # a name inside a longer one ("Tapia Ruelas" in "Eulalio Tapia Ruelas") is that person when only
        # one name holds it; when two do ("Joaquín Guzmán") it is left for step 4, which drops it
        for short in sorted(full, key=len):
            longer = {
                full[f]
                for f in full
                if f != short
                and (_inside(short, f) or given_and_surname(short.split(), f.split()))
                and not _another_generation(short, f)
            }
            if len(longer) == 1:
                full[short] = longer.pop()
            elif len(longer) > 1:
                del full[short]
        # where each full name is first seen, for short names that several people share
        first_seen: dict[str, int] = {}
        person_ids = {id(m) for m in people}
        for i, m in enumerate(mentions):
            if id(m) in person_ids and len(m.text.split()) >= 2 and fold(m.text) in full:
                first_seen.setdefault(fold(full[fold(m.text)]), i)
        # the model's ORG "Ebrard": a short name of exactly one person, or of a person named before it, is
        # a person (step 4 decides which, or leaves it when several fit)
        names = [*full, *sorted(nicknames), *(fold(a.name) for a in actors.values() if a.type == "Person")]
        for i, m in enumerate(mentions):
            if m.source == "ner" and m.type in ("Organization", "Place") and not m.keys:
                short = fold(m.text)
                holders = {f for f in names if _inside(short, f)}
                if short in names or len(holders) == 1 or any(first_seen.get(h, i) < i for h in holders):
                    m.type = "Person"
        for m in people:
            if fold(m.text) in full:
                a = actor("Person", self._canonical_person(full[fold(m.text)]))
                _join(m, a)
                if "nick" in m.extras:
                    aliases[fold(m.extras["nick"])] = a.key
                    a.add_surface(m.extras["nick"])
        orgs: dict[str, list[Mention]] = {}
        for m in mentions:
            if not m.keys and not m.alias_of and m.type not in (None, "Person"):
                orgs.setdefault(_org_key(m.text), []).append(m)
        for ms in orgs.values():
            best = min(
                ms, key=lambda m: (SOURCE_RANK.get(m.source, 5), m.type == "Place", m.type == "Organization")
            )
            name = max((m.text for m in ms), key=lambda t: (len(t), t))
            a = actor(best.type or "Organization", name)
            for m in ms:
                _join(m, a)
                for other in m.extras.get("also", ()):  # other names the rule that found it knows
                    a.add_surface(other)
        # 3. nicknames and acronyms take their owner's id
        for m in mentions:
            owner = _alias_owner(m, mentions)
            if owner is not None:
                _join(m, actors[owner.keys[0]])
                aliases[fold(m.text)] = owner.keys[0]
        # 4. short names ("Ebrard", "Guzmán") and bare nicknames: only when one actor fits, or when
        # only one of those that fit was named before ("Chitay, ..." after "Rigoberto Chitay Alvarado" and
        # before his brother "Ernesto Chitay Alvarado" appears); once a bare surname has named someone,
        # it keeps naming them (news writers call the namesake introduced later by full or first name)
        settled: dict[str, str] = {}
        named = Counter(fold(full[fold(m.text)]) for m in people if fold(m.text) in full)
        for i, m in enumerate(mentions):
            if m.keys or m.type not in (None, "Person"):
                continue
            key = aliases.get(fold(m.text))
            if key is None:
                entry = self.gaz.entry_for(m.text)
                if entry is not None:
                    key = actor(entry.type, entry.name, entry).key
            if key is None and not _is_nickname(m.text):
                words = fold(m.text)
                fits = {
                    actors[k].key
                    for k in actors
                    if actors[k].type == "Person"
                    and (
                        _inside(words, fold(actors[k].name))
                        or any(_inside(words, fold(s)) for s in actors[k].surfaces)
                    )
                }
                earlier = {k for k in fits if first_seen.get(fold(actors[k].name), i) < i}
                later = fits - earlier - {k for k in fits if fold(actors[k].name) not in first_seen}
                if len(fits) == 1 and not later:
                    key = fits.pop()
                elif len(fits) > 1 and len(earlier) == 1:
                    key = earlier.pop()
                elif len(fits) > 1 and settled.get(words) in earlier:
                    key = settled[words]
                elif len(fits) > 1 and (lead := _lead(earlier, first_seen, named, actors)) is not None:
                    # "Valdez" after Edgar Valdez Villarreal and his nephew Fernando Valdez: the one named
                    # first among them, when the text names them in full more often than the others
                    key = lead
                if key:
                    settled.setdefault(words, key)
                elif not fits and m.type == "Person":
                    key = actor("Person", m.text).key
            elif key is None and m.type == "Person":
                key = actor("Person", m.text).key
            if key:
                _join(m, actors[key])
        for m in mentions:  # a nickname of a short name resolved only in step 4 ("Chitay, better known as")
            owner = _alias_owner(m, mentions) if not m.keys else None
            if owner is not None:
                _join(m, actors[owner.keys[0]])
        self._link(mentions, actors, links)
        self._rejoin(mentions, actors, aliases)
        _join_described(mentions, actors)
        _join_initials(mentions, actors)
        return actors

    def _link(self, mentions: list[Mention], actors: dict[str, Actor], links: list) -> None:
        """Two names given as one ("X, also known as Y") become one actor: the curated one, else the first."""
        for a, b in links:
            if not a.keys or not b.keys or a.keys == b.keys:
                continue
            if actors[a.keys[0]].entry is not None and actors[b.keys[0]].entry is not None:
                continue  # two curated actors: trust the gazetteer over the sentence
            keep, drop = (b, a) if actors[b.keys[0]].entry is not None else (a, b)
            _move(mentions, drop.keys, actors[keep.keys[0]])

    def _rejoin(self, mentions: list[Mention], actors: dict[str, Actor], aliases: dict[str, str]) -> None:
        """A weak mention ("NASA" typed ORG by the model, "the Tigrillos" as a PERSON) whose name is an
        acronym, nickname or article-less form of exactly one group joins that group."""
        index: dict[str, set[str]] = {}
        for a in actors.values():
            if a.type not in ("Person", "Place"):
                for surface in a.surfaces:
                    index.setdefault(_org_key(surface), set()).add(a.key)
        for alias, owner in aliases.items():
            index.setdefault(alias, set()).add(owner)
        for m in mentions:
            if m.source != "ner" or not m.keys or m.keys[0] not in actors:
                continue
            current = actors[m.keys[0]]
            weak = current.type in ("Organization", "Place") or (
                current.type == "Person" and " " not in m.text
            )
            fits = index.get(_org_key(m.text), set()) - {current.key}
            if weak and len(fits) == 1 and current.entry is None:
                _join(m, actors[fits.pop()])

    def _as_state(self, m: Mention) -> None:
        """A country named as a place ("the Mexico-Guatemala border") or by its government ("the
        Colombian Government") is the one state the gazetteer knows."""
        entry = None
        if m.type == "Place":
            entry = self.gaz.entry_for(" ".join(m.text.split()))
        elif m.type in ("GovernmentOrganization", "Organization"):
            ruled = GOVERNMENT.match(m.text)
            entry = self.gaz.demonyms.get(ruled.group(1)) if ruled else None
        if entry is not None and entry.type == "State":
            m.entry, m.type = entry, "State"

    def _canonical_person(self, name: str) -> str:
        entry = self.gaz.entry_for(name)
        return entry.name if entry is not None and entry.type == "Person" else name


def type_reason(actor: Actor, mentions: Iterable[Mention]) -> str:
    """Why an actor has its type, from its most trusted mention: the line `explain` shows as `typed_by`."""
    if actor.entry is not None:
        return "gazetteer"
    own = [m for m in mentions if m.keys == (actor.key,) and m.type == actor.type]
    best = min(own, key=lambda m: (SOURCE_RANK.get(m.source, 5), m.start), default=None)
    if best is None:
        return "another document's reading"
    if "typed" in best.extras:
        return f"context: {best.extras['typed']}"
    if best.source == "rule" and actor.type != "Person" and type_by_heads(best.text, True) == actor.type:
        return f"head word: {best.text}"
    return {
        "rule": "naming rule (context or name shape)",
        "collective": "named as a group its members form",
        "nickname": "alias of a typed name",
        "acronym": "acronym of a typed name",
        "ner": "language model (spaCy)",
    }.get(best.source, f"{best.source} reading")
