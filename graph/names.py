"""Names as entity resolution compares them: folded tokens, nicknames, acronyms, groups' English forms."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ocgraph.graph.ids import fold
from ocgraph.graph.model import Entity

__all__ = [
    "FAMILY",
    "Profile",
    "block_keys",
    "english_words",
    "initials",
    "is_nickname",
    "person_keys",
    "profile",
]

# Which types may ever be one node: a Person only with a Person, a Place only with a Place, and the
# three kinds of organization with each other (graph/matching.py keeps crime groups and governments
# apart). Documents are never resolved.
FAMILY = {
    "Person": "person",
    "CriminalOrganization": "org",
    "Organization": "org",
    "GovernmentOrganization": "org",
    "State": "state",
    "Policy": "policy",
    "Place": "place",
}
ARTICLES = frozenset({"el", "la", "los", "las", "the"})
STOPWORDS = ARTICLES | {"de", "del", "of", "y", "and", "e", "da", "do", "dos", "das", "for"}
STOPWORDS |= {"di", "della", "delle", "dei", "degli"}  # Italian: "Banda della Magliana"
# Spanish words of crime-group, government and policy names, as the English form of the same name
# writes them ("Cártel de Jalisco Nueva Generación" / "Jalisco New Generation Cartel"; "Ejército
# Mexicano" / "Mexican Army"; "Iniciativa Mérida" / "Mérida Initiative").
SPANISH = {
    "nueva": "new",
    "nuevo": "new",
    "generacion": "generation",
    "golfo": "gulf",
    "noreste": "northeast",
    "pacifico": "pacific",
    "norte": "north",
    "valle": "valley",
    "sur": "south",
    "familia": "family",
    "caballeros": "knights",
    "templarios": "templar",
    "guerreros": "warriors",
    "unidos": "united",
    "estados": "states",
    "hermanos": "brothers",
    "organizacion": "organization",
    "federacion": "federation",
    "carteles": "cartels",
    "iniciativa": "initiative",
    "estrategia": "strategy",
    "departamento": "department",
    "ejercito": "army",
    "marina": "navy",
    "guardia": "guard",
    "nacional": "national",
    "policia": "police",
    "mexicano": "mexican",
    "mexicana": "mexican",
    "mexicanos": "mexican",
    "independiente": "independent",
    "unidas": "united",
    "revolucionarias": "revolutionary",
    "fuerzas": "forces",
    "armadas": "armed",
    "liberacion": "liberation",
    "frente": "front",
    "oficina": "office",
    "sindicato": "syndicate",
    # Portuguese, as Brazilian groups' English forms write it ("First Capital Command", "Red Command")
    "comando": "command",
    "primeiro": "first",
    "terceiro": "third",
    "vermelho": "red",
    "puro": "pure",
    "amigos": "friends",
    # Italian and transliterated Russian ("Banda della Magliana" / "Magliana Gang", "Solntsevskaya
    # Bratva" / "Solntsevskaya Brotherhood"); "banda" is a gang in Spanish too
    "banda": "gang",
    "bratva": "brotherhood",
}
# Words that name a kind of body, not one body: a name made only of them ("the cartel", "Police")
# identifies nothing, so it is never a key.
GENERIC = frozenset(
    {
        *("cartel", "cartels", "gang", "gangs", "group", "groups", "organization", "organizations"),
        *("clan", "faction", "factions", "cell", "cells", "network", "mafia", "federation"),
        *("government", "department", "office", "ministry", "agency", "police", "army", "navy"),
        *("guard", "authorities", "initiative", "strategy", "plan", "program", "policy"),
        *("national", "federal", "new"),
    }
)
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}")
# Words that say what kind of group a name is, which texts add or leave out: "the Bellocco clan" and
# "the Bellocco 'ndrina", "the Bonanno crime family" and "the Bonanno family", "Nomads MC" and "Nomads",
# "the Mongrel Mob gang" and "the Mongrel Mob", "the Lorenzana DTO" and "the Lorenzanas". "Cartel" is not
# one of them: the Gulf Cartel and the Gulf Clan are two groups.
KIND_WORDS = frozenset(
    {"ndrina", "clan", "cosca", "crime", "family", "mafia", "gang", "mc", "motorcycle", "club", "dto"}
)


@dataclass
class Profile:
    """What resolution reads of one entity: its folded names, split into kinds, and its keys."""

    id: str
    type: str
    family: str
    primary: tuple[str, ...] | None  # the canonical name's tokens, None when it is a nickname
    full: dict[tuple[str, ...], tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    nicks: dict[str, str] = field(default_factory=dict)  # folded nickname -> as written
    words: dict[tuple[str, ...], str] = field(default_factory=dict)  # group name in English words
    cores: dict[tuple[str, ...], str] = field(default_factory=dict)  # those words without KIND_WORDS
    acronyms: dict[str, str] = field(default_factory=dict)  # sorted letters -> as written
    initials: dict[str, str] = field(default_factory=dict)  # sorted initials of a name -> the name
    tokens: frozenset[str] = frozenset()
    births: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # ids in source datasets ("ofac-sdn:13148")

    @property
    def short_only(self) -> bool:
        """True when every name is a nickname or an acronym (no full name to tell people apart)."""
        return not self.full and not self.words


def english_words(name: str) -> tuple[str, ...]:
    """The content words of a group's name, Spanish words put in English, sorted.

    >>> english_words("Cártel de Jalisco Nueva Generación") == english_words("Jalisco New Generation Cartel")
    True
    >>> english_words("Cartel del Golfo"), english_words("Clan del Golfo")
    (('cartel', 'gulf'), ('clan', 'gulf'))
    """
    return tuple(sorted({SPANISH.get(t, t) for t in fold(name).split() if t not in STOPWORDS}))


def core_words(name: str) -> tuple[str, ...]:
    """A group name's English words without the words for its kind that end it, or () when nothing
    else is left. Only the end: "Clan del Golfo" and "Familia do Norte" keep their first word.

    >>> core_words("Bellocco 'ndrina") == core_words("the Bellocco clan") == core_words("Bellocco")
    True
    >>> core_words("Gulf Cartel"), core_words("Clan del Golfo"), core_words("Crime Family")
    (('cartel', 'gulf'), ('clan', 'gulf'), ())
    """
    tokens = [t for t in fold(name).split() if t not in STOPWORDS]
    while tokens and tokens[-1] in KIND_WORDS:
        tokens.pop()
    core = tuple(sorted({SPANISH.get(t, t) for t in tokens}))
    return core if core and not set(core) <= GENERIC else ()


def _family_of(name: str) -> tuple[str, ...]:
    """A one-word plural's singular, the family a group of that name is ("the Valles": the Valle Valle
    clan; "the Lorenzanas": the Lorenzana organization), or ().

    >>> _family_of("Valles"), _family_of("the Morabitos"), _family_of("Gulf Cartel")
    (('valley',), ('morabito',), ())
    """
    tokens = [t for t in fold(name).split() if t not in STOPWORDS]
    if len(tokens) != 1 or not tokens[0].endswith("s") or len(tokens[0]) < 5:
        return ()
    return core_words(tokens[0][:-1])


def initials(name: str) -> set[str]:
    """The sorted initials a group's name may be shortened to, with and without its small words.

    >>> sorted(initials("Cartel del Golfo")), sorted(initials("Office of Foreign Assets Control"))
    (['cdg'], ['acfo', 'acfoo'])
    """
    tokens = fold(name).split()
    out = set()
    for kept in ([t for t in tokens if t not in ARTICLES], [t for t in tokens if t not in STOPWORDS]):
        if len(kept) >= 3:
            out.add("".join(sorted(t[0] for t in kept)))
    english = [SPANISH.get(t, t) for t in tokens if t not in STOPWORDS]
    if len(english) >= 3:
        out.add("".join(sorted(t[0] for t in english)))
    return out


def given_and_surname(short: tuple[str, ...] | list[str], full: tuple[str, ...] | list[str]) -> bool:
    """Whether `short` is the first given name of `full` (three words or more) and one of its two
    surnames (its last two words): "Ernesto Fonseca" of "Ernesto Fonseca Carrillo", "José Villamar" of
    "José Adolfo Macías Villamar"; "José Adolfo" is two given names. Namesakes share such pairs often:
    across documents the resolver merges one only when something else agrees (graph/matching.py)."""
    return len(short) == 2 and len(full) >= 3 and short[0] == full[0] and short[1] in full[-2:]


def is_nickname(tokens: tuple[str, ...] | list[str]) -> bool:
    # "El Mayo", "La Señora", "Chapito": one word, or a Spanish article in front
    return len(tokens) == 1 or tokens[0] in ARTICLES


def profile(e: Entity) -> Profile:
    """The profile of an entity (names folded once; the keys of graph/resolution.py come from it)."""
    family = FAMILY[e.type]
    births = tuple(str(d) for d in e.properties.get("birth_date", ()))
    p = Profile(e.id, e.type, family, None, births=births, sources=tuple(e.properties.get("source_ids", ())))
    tokens: set[str] = set()
    for i, name in enumerate(e.names()):
        folded = fold(name).split()
        if not folded:
            continue
        tokens.update(folded)
        if family == "person":
            if is_nickname(folded):
                key = " ".join(folded[1:] if len(folded) > 1 else folded)
                p.nicks.setdefault(key, name)
            else:
                p.full.setdefault(tuple(sorted(folded)), (name, tuple(folded)))
                if i == 0:
                    p.primary = tuple(folded)
            continue
        stripped = name.replace(".", "").strip()
        if len(folded) == 1 and _ACRONYM.fullmatch(stripped) and len(folded[0]) >= 3:
            p.acronyms.setdefault("".join(sorted(folded[0])), name)
            continue
        words = english_words(name)
        if words and not set(words) <= GENERIC:
            p.words.setdefault(words, name)
            for core in (core_words(name), _family_of(name)):
                if core:
                    p.cores.setdefault(core, name)
        for letters in initials(name):
            p.initials.setdefault(letters, name)
    p.tokens = frozenset(tokens)
    return p


def person_keys(words: tuple[str, ...] | list[str]) -> list[tuple[tuple, str, str]]:
    """The blocking keys of one person's name (folded words as written), or its nickname key."""
    if is_nickname(words):
        return [(("n", " ".join(words[1:] if len(words) > 1 else words)), "=", "")]
    keys: list[tuple[tuple, str, str]] = [(("p", tuple(sorted(words))), "=", "")]
    for i, t in enumerate(words):
        rest = tuple(sorted((*words[:i], *words[i + 1 :])))
        if len(words) >= 3 and len(t) >= 6:
            keys.append((("p", rest), "-", t))
        if len(words) >= 4 and 0 < i < len(words) - 2:
            keys.append((("p", rest), "~", t))
    if len(words) >= 4:  # "Florindo Eleuterio Flores" of "Florindo Eleuterio Flores Hala": no second surname
        keys.append((("p", tuple(sorted(words[:-1]))), "~", words[-1]))
    if len(words) >= 3:  # "Ernesto Fonseca" of "Ernesto Fonseca Carrillo": the first name and a surname
        keys.extend((("p", tuple(sorted((words[0], t)))), "~", t) for t in words[-2:])
    return keys


def block_keys(p: Profile) -> list[tuple[tuple, str, str]]:
    """The blocking keys of a profile as (key, role, word); graph/clustering.py pairs them by role.

    Roles: "=" a name's own key (pairs with "=" and "~"); "~" a name without one inner word, or its
    first word with one of its last two (pairs with "=": "Iván Guzmán Salazar" meets "Iván Archivaldo
    Guzmán Salazar", "Ernesto Fonseca" meets "Ernesto Fonseca Carrillo"); "-" a name without one
    long word, that word kept (pairs with "-" when the two words are one letter apart: a typo);
    "a" an acronym and "i" a name's initials (an acronym pairs with both, initials never with initials).
    """
    keys: list[tuple[tuple, str, str]] = []
    if p.family == "person":
        for _, written in p.full.values():
            keys.extend(person_keys(written))
        keys.extend((("n", k), "=", "") for k in p.nicks)
        return keys
    keys.extend(((p.family, "w", w), "=", "") for w in p.words)
    keys.extend(((p.family, "c", c), "=", "") for c in p.cores)
    keys.extend(((p.family, "l", a), "a", "") for a in p.acronyms)
    keys.extend(((p.family, "l", a), "i", "") for a in p.initials)
    return keys
