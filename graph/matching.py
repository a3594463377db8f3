"""Scored comparison of two entity profiles: which rule says they are one actor, and what keeps them apart."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import OSA, Levenshtein

from ocgraph.graph.ids import fold
from ocgraph.graph.names import STOPWORDS, Profile, given_and_surname

__all__ = ["THRESHOLD", "Match", "compare", "dates_disagree", "keep_apart", "types_clash"]

# A match at or above THRESHOLD merges; from WEAK up (a nickname, an acronym, a name without its middle
# initial) it merges only when the short name can stand for exactly one actor (graph/clustering.py);
# below WEAK, never on its own.
# The same full date of birth, or a shared nickname, adds CORROBORATION.
THRESHOLD = 0.8
WEAK = 0.75
# "Iván Guzmán Salazar" for "Iván Archivaldo Guzmán Salazar": right when one of them is known only by
# the shorter form, wrong for two namesakes; on synthetic Mexican name frequencies (bench/resolve.py)
# four such merges in ten joined two people, so it needs a date of birth or a nickname to agree.
SHORTER = 0.6
CORROBORATION = 0.25
# "Archibaldo"/"Archivaldo": right for one man, wrong when namesakes differ by a letter sources also
# misspell; merges only when each of the two names fits the other alone (graph/clustering.py)
TYPO = 0.78
CORE = 0.85  # group names that differ only by the words for the kind of group (names.KIND_WORDS)
# kinds of organization that are never one body
_CLASH = {frozenset({"CriminalOrganization", "GovernmentOrganization"})}


@dataclass(frozen=True)
class Match:
    """Why two entities are taken for one: the two names compared, the rule and its score."""

    score: float
    rule: str
    name_a: str
    name_b: str
    # below THRESHOLD: 1 when a's name is the short form (nickname, acronym), 2 when b's, 0 for
    # neither (a spelling variant: each name must fit only the other)
    short: int = 0

    def swapped(self) -> Match:
        return Match(self.score, self.rule, self.name_b, self.name_a, (0, 2, 1)[self.short])


def types_clash(a: str, b: str, family_a: str, family_b: str) -> bool:
    """True when entities of types `a` and `b` can never be one node."""
    return family_a != family_b or frozenset({a, b}) in _CLASH


def dates_disagree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when both have dates of birth and none agree (a year agrees with a full date in it).

    >>> dates_disagree(("1954-12-25",), ("1954",)), dates_disagree(("1964-08-31",), ("1956-11-10",))
    (False, True)
    """
    return bool(a and b) and not any(x.startswith(y) or y.startswith(x) for x in a for y in b)


def _names_conflict(a: Profile, b: Profile) -> bool:
    """Two full canonical names where neither's words all occur among the other's names.

    "Joaquín Guzmán Loera" and "Joaquín Guzmán López" are two people, however their nicknames
    agree; "López Obrador" is a shorter form of "Andrés Manuel López Obrador", not a conflict.
    """
    if a.primary is None or b.primary is None:
        return False
    if set(a.primary) <= b.tokens or set(b.primary) <= a.tokens:
        return False
    if _surnames_and_nickname(a, b):
        return False
    return not _spelt_apart(tuple(sorted(a.primary)), tuple(sorted(b.primary)))


def _surnames_and_nickname(a: Profile, b: Profile) -> tuple[str, str] | None:
    """The two names when both surnames and a nickname agree and only the given names differ
    ("Nemesio Oseguera Cervantes" and "Rubén Oseguera Cervantes", both "El Mencho")."""
    if not a.nicks.keys() & b.nicks.keys():
        return None
    tails = {w[-2:]: n for n, w in a.full.values() if len(w) >= 3}
    return next(((tails[w[-2:]], n) for n, w in b.full.values() if len(w) >= 3 and w[-2:] in tails), None)


def _spelt_apart(x: tuple[str, ...], y: tuple[str, ...]) -> tuple[str, str] | None:
    """The two differing words when sorted word lists differ in one long word, spelt two ways."""
    if len(x) != len(y) or len(x) < 3:
        return None
    rest_x, rest_y = list(x), list(y)
    for t in x:
        if t in rest_y:
            rest_x.remove(t)
            rest_y.remove(t)
    if len(rest_x) != 1:
        return None
    return (rest_x[0], rest_y[0]) if _typo(rest_x[0], rest_y[0]) else None


# Letters that sound alike in Spanish names, written one for the other ("Archibaldo"/"Archivaldo",
# "Gonzales"/"Gonzalez"). Any other changed letter can make another name: "Hernández"/"Fernández".
_SOUNDS_ALIKE = {frozenset(p) for p in ("bv", "sz", "cs", "cz", "iy", "jg", "ck", "kq")}


def _typo(u: str, v: str) -> bool:
    """Whether two long words are one spelling of a name: a letter that sounds alike, two letters
    swapped, a letter doubled or not, a silent h; only a letter that sounds alike at the end
    ("Gonzales"/"Gonzalez", never "Daniel"/"Daniela")."""
    if min(len(u), len(v)) < 6 or OSA.distance(u, v, score_cutoff=1) > 1:
        return False
    ops = Levenshtein.editops(u, v)
    if len(ops) == 2:  # a swap of two neighbours (one edit for OSA, two for Levenshtein)
        return max(op.src_pos for op in ops) < len(u) - 1
    (op,) = ops
    if op.tag == "replace":
        return frozenset((u[op.src_pos], v[op.dest_pos])) in _SOUNDS_ALIKE
    longer, at = (u, op.src_pos) if op.tag == "delete" else (v, op.dest_pos)
    c = longer[at]
    return at < len(longer) - 1 and (c == "h" or c in (longer[at - 1 : at] + longer[at + 1 : at + 2]))


def _inner_word_dropped(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether `short` is `full` (4 words or more, as written) without one word between the first
    and the two surnames: "Iván Guzmán Salazar" of "Iván Archivaldo Guzmán Salazar" (people go by
    their first given name; "Archivaldo Guzmán Salazar" would be a brother as often as not)."""
    if len(short) != len(full) - 1 or len(short) < 3:
        return False
    return any(full[:i] + full[i + 1 :] == short for i in range(1, len(full) - 2))


def _initial_dropped(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether `short` is `full` without its middle initials: "Adam Szubin" of "Adam J. Szubin"."""
    kept = (full[0], *(t for t in full[1:-1] if len(t) > 1), full[-1])
    return len(full) > len(kept) == len(short) >= 2 and kept == short


def _second_surname_dropped(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether `short` (three words or more) is `full` without its last word, as the press names people
    by their first surname alone: "Florindo Eleuterio Flores" of "Florindo Eleuterio Flores Hala"."""
    return len(short) >= 3 and full[:-1] == short


def _reordered(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two orders of the same words can be one name: surnames first ("GUZMAN SALAZAR Ivan
    Archivaldo") or given names swapped ("Archivaldo Ivan Guzman Salazar"), the surnames in the same
    order. "Benito Arellano Acosta" and "Benito Acosta Arellano" are two families."""
    return any((b[i:] + b[:i])[-2:] == a[-2:] for i in range(len(b)))


def _person(a: Profile, b: Profile) -> Match | None:
    for key in sorted(a.full.keys() & b.full.keys()):
        (na, ta), (nb, tb) = a.full[key], b.full[key]
        if ta == tb:
            return Match(1.0, "same name", na, nb)
        if _reordered(ta, tb):
            return Match(0.95, "same words in another order", na, nb)
    best: Match | None = None
    for ka, (na, wa) in sorted(a.full.items()):
        for kb, (nb, wb) in sorted(b.full.items()):
            if _spelt_apart(ka, kb):
                return Match(TYPO, "spelling variant of one word", na, nb)
            short = 1 if len(wa) < len(wb) else 2  # which side is the shorter form, for the rules below
            if _initial_dropped(wa, wb) or _initial_dropped(wb, wa):
                return Match(WEAK, "the full name without a middle initial", na, nb, short)
            if _second_surname_dropped(wa, wb) or _second_surname_dropped(wb, wa):
                return Match(WEAK, "the full name without its second surname", na, nb, short)
            if best is None and (_inner_word_dropped(wa, wb) or _inner_word_dropped(wb, wa)):
                best = Match(SHORTER, "the full name without a second given name", na, nb, short)
            elif best is None and (given_and_surname(wa, wb) or given_and_surname(wb, wa)):
                best = Match(SHORTER, "the first given name and one surname", na, nb, short)
    if best is not None:
        return best
    shared = sorted(a.nicks.keys() & b.nicks.keys())
    same = _surnames_and_nickname(a, b)
    if same is not None:
        return Match(0.9, "same surnames and nickname", *same)
    if shared and (a.short_only or b.short_only):
        if a.short_only and b.short_only:
            return Match(0.9, "same nickname", a.nicks[shared[0]], b.nicks[shared[0]])
        return Match(WEAK, "same nickname", a.nicks[shared[0]], b.nicks[shared[0]], 1 if a.short_only else 2)
    return None


def _group(a: Profile, b: Profile) -> Match | None:
    for words in sorted(a.words.keys() & b.words.keys()):
        na, nb = a.words[words], b.words[words]
        if fold(na) == fold(nb):
            return Match(1.0, "same name", na, nb)
        rule = "same name in Spanish and English" if _translated(na, nb) else "same words in another order"
        return Match(0.9, rule, na, nb)
    for core in sorted(a.cores.keys() & b.cores.keys()):
        # "Bellocco clan" and "Bellocco 'ndrina": one name, told with another word for its kind
        return Match(CORE, "same name but for the word for its kind", a.cores[core], b.cores[core])
    if a.words and b.words:
        return None  # two full names that differ: a shared acronym does not make them one
    for short, full in ((a, b), (b, a)):
        letters = sorted(short.acronyms.keys() & (full.initials.keys() | full.acronyms.keys()))
        if letters and not short.words:  # an acronym-only name stands for the group that fits it
            other = full.initials.get(letters[0]) or full.acronyms[letters[0]]
            m = Match(WEAK, "acronym", short.acronyms[letters[0]], other, 1)
            return m if short is a else m.swapped()
    return None


def _translated(a: str, b: str) -> bool:
    plain = [sorted(t for t in fold(n).split() if t not in STOPWORDS) for n in (a, b)]
    return plain[0] != plain[1]


def compare(a: Profile, b: Profile) -> Match | None:
    """The best rule saying `a` and `b` are one actor, or None (different names, types or births).

    Examples
    --------
    >>> from ocgraph.graph.model import KnowledgeGraph
    >>> from ocgraph.graph.names import profile
    >>> kg = KnowledgeGraph()
    >>> ofac = kg.add_entity("Person", "Archivaldo Ivan Guzman Salazar", properties={"birth_date": "1980"})
    >>> text = kg.add_entity("Person", "Iván Archivaldo Guzmán Salazar")
    >>> m = compare(profile(ofac), profile(text))
    >>> m.score, m.rule, m.name_a, m.name_b
    (0.95, 'same words in another order', 'Archivaldo Ivan Guzman Salazar', 'Iván Archivaldo Guzmán Salazar')
    >>> compare(profile(kg.add_entity("Person", "Joaquín Guzmán Loera", ["El Chapo"])),
    ...         profile(kg.add_entity("Person", "Joaquín Guzmán López", ["El Chapo"]))) is None
    True
    """
    if keep_apart(a, b):
        return None
    m = _person(a, b) if a.family == "person" else _group(a, b)
    if m is None or m.score >= THRESHOLD:
        return m
    if _same_full_birth(a, b):
        also = "same date of birth"
    elif m.rule != "same nickname" and set(a.nicks) & set(b.nicks):
        also = "same nickname"
    else:
        return m
    score = min(1.0, round(m.score + CORROBORATION, 2))
    return Match(score, f"{m.rule}, {also}", m.name_a, m.name_b, m.short)


def keep_apart(a: Profile, b: Profile) -> bool:
    """True when what the two profiles say rules out one actor: types, births, full names, source records.

    Two entries of one source list (OFAC's 13148 and 13149) are two actors by the list's own word,
    whatever names they share ("El Viejo Luis" is the trade name of two designated companies).
    """
    if types_clash(a.type, b.type, a.family, b.family) or dates_disagree(a.births, b.births):
        return True
    if a.sources and b.sources and _separate_records(a.sources, b.sources):
        return True
    return a.family == "person" and _names_conflict(a, b)


def _separate_records(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when both come from one dataset under different record ids and share none."""
    if set(a) & set(b):
        return False
    return bool({s.partition(":")[0] for s in a} & {s.partition(":")[0] for s in b})


def _same_full_birth(a: Profile, b: Profile) -> bool:
    return any(len(d) == 10 for d in set(a.births) & set(b.births))
