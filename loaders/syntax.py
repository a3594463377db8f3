"""What a token of a parsed sentence stands for: the actors behind names, lists, pronouns and nominals."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ocgraph.loaders.mentions import Mention, given_names, type_by_heads, words

PERSONAL = {"he": "Person", "him": "Person", "his": "Person", "she": "Person", "her": "Person"}
GROUPISH = ("CriminalOrganization", "GovernmentOrganization", "Organization", "State")
BODIES = GROUPISH[:3]  # "its": a group or a body before a state ("X, based in Mexico. Its leader")
RELATIVE = {"who", "whom", "whose", "which", "that"}
PLACE_NOUNS = {"city", "town", "state", "province", "region", "department", "municipality", "port", "country"}
NAMED_DEPS = {"oprd", "dobj", "attr", "prep", "pobj", "xcomp"}
COPULAS = ("be", "become", "remain")  # "X became the first Honduran extradited to the United States"
NAMING = ("name", "call", "know", "dub", "nickname")  # the verbs that give a noun its name
# a common noun heads a phrase that names an actor through these children ("the Los Choneros drug
# cartel", "the gang MS-13", "the Mexican government") when the noun can denote such an actor: a group
# noun names a group, a government noun a state or body, a plan noun a policy; "a CJNG operative", "the
# Mendoza family" and "its Peruvian branch" name none of the actors inside them
NAMING_DEPS = {"compound", "nmod", "amod", "appos", "npadvmod"}
GROUP_NOUNS = words(
    "cartel cartels gang gangs group groups organization organisation organizations clan clans mafia "
    "network syndicate militia faction factions cell cells coalition alliance federation clique cliques"
)
GOVERNMENT_NOUNS = words(
    "government governments authorities authority officials state administration forces military army "
    "navy police troops regime prosecutors"
)
PLAN_NOUNS = words(
    "plan initiative framework strategy program programme agreement policy law act operation "
    "plans initiatives programs programmes operations"  # "CBSI programs are managed by USAID"
)
HEAD_NOUNS = {
    **dict.fromkeys(GROUP_NOUNS, ("CriminalOrganization", "Organization", "GovernmentOrganization")),
    **dict.fromkeys(GOVERNMENT_NOUNS, ("State", "GovernmentOrganization")),
    **dict.fromkeys(PLAN_NOUNS, ("Policy",)),
}


@dataclass
class Context:
    """The actors a section has named so far (newest last), for pronouns that point back."""

    mentions: list[Mention] = field(default_factory=list)
    subject: Mention | None = None  # the subject of the last sentence: "He" most often means this one
    previous: list[Mention] = field(default_factory=list)  # the mentions of the sentence before
    lists: list[tuple[str, ...]] = field(default_factory=list)  # people named together, newest last
    # the lists of people the section names after this sentence, in the next paragraph that names any
    # ("The individuals named today are top leaders of X. … The targets announced today are: A, B, …")
    ahead: list[tuple[str, ...]] = field(default_factory=list)
    topic: bool = False  # the last two sentences had one subject: the section is about it
    page: Mention | None = None  # the group the page is about (an encyclopedia's profile), if any
    person: Mention | None = None  # the person the page is about (a biography), if any


class Binder:
    """Maps tokens of one parsed paragraph to the mentions (resolved actors) they stand for.

    `mentions` are the paragraph's mentions with keys, sorted by start offset (character offsets into
    the paragraph text the spaCy `doc` was made from), coreference mentions included.
    """

    def __init__(
        self,
        doc: Any,
        mentions: Sequence[Mention],
        types: dict[str, str],
        context: Context,
        within: dict[str, str] | None = None,
    ):
        self.doc = doc
        self.mentions = [m for m in mentions if m.keys]
        self.starts = [m.start for m in self.mentions]
        self.types = types
        self.context = context
        self.within = within or {}  # place id -> the id of the state that holds it (from the gazetteer)

    def state_of(self, token: Any) -> Mention | None:
        """The state a place stands in: "Cartagena, Colombia", "Miami, Florida", "the city of Cartagena,
        Colombia" (for facts that need a state: arrested in, extradited to)."""
        if token.pos_ == "NOUN" and token.lower_ in PLACE_NOUNS:  # "the city of X"
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            token = next((g for g in of.children if g.dep_ == "pobj"), token) if of is not None else token
        m = self.covering(token)
        if m is None:
            return None
        kind = self.types.get(m.keys[0])
        if kind == "State":
            return m
        if kind != "Place":
            return None
        if m.keys[0] in self.within:
            return Mention(m.start, m.end, m.text, "State", "context", keys=(self.within[m.keys[0]],))
        for child in token.children:  # "Cartagena, Colombia"
            if child.dep_ in ("appos", "npadvmod", "conj") and (found := self.state_of(child)) is not None:
                return found
        return None

    def covering(self, token: Any) -> Mention | None:
        """The mention whose span holds the token, if any."""
        i = bisect.bisect_right(self.starts, token.idx)
        return next((m for m in self.mentions[max(0, i - 3) : i] if token.idx < m.end), None)

    def name_head(self, token: Any) -> Any:
        """The token that heads the name the token is in: the one whose head lies outside the name."""
        m = self.covering(token)
        while token.head.i != token.i and self.covering(token.head) is m:
            token = token.head
        return token

    def actors(self, token: Any, expand: bool = True, beyond: bool = True) -> list[Mention]:
        """The mentions a token stands for: its own name, a name inside its noun phrase, what a pronoun
        or relative pronoun points back to; with `expand`, every conjunct too ("A, B and C"), and with
        `beyond` the names coordinated after an appositive or an alias as well."""
        if token.dep_ == "nummod" and token.head.tag_ in ("NNS", "NNPS") and self.covering(token) is None:
            return self._listed(token.head)  # "the four sons of B": the four people last named together
        if token.pos_ == "NUM" and self.covering(token) is None:
            # "sanctioned one of Ecuador's most violent gangs, Los Choneros": the name given to the plural
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            noun = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
            if noun is not None and noun.tag_ in ("NNS", "NNPS"):
                # "seven of its key members, including its leaders A, B and C": its examples
                named = self._appositive_names(noun) or self._listed(noun)
                if named:  # "…, Los Choneros, and its leader, A": what is coordinated with it too
                    also = [*conjuncts(noun), *(conjuncts(token) if expand else ())]
                    more = [m for c in also for m in self.actors(c, expand=False)]
                    return [*named, *(m for m in more if all(m is not x for x in named))]
        if token.lower_ in RELATIVE and token.dep_ != "mark":
            noun = _antecedent(token)
            if noun is not None and noun.tag_ in ("NNS", "NNPS") and self.covering(noun) is None:
                # "the four leaders who were also designated": the people the plural stands for
                listed = self._listed(noun)
                if listed:
                    return listed
        out: list[Mention] = []
        for t in [token, *(conjuncts(token) if expand else ())]:
            if not beyond and t is not token and any(c.dep_ == "appos" for c in t.children):
                continue  # "A, the U.S. Attorney; B, the Commissioner of C": B's role is his own
            for m in self._listed(t) or [self._one(t)]:
                if m is not None and all(m is not x for x in out):
                    out.append(m)
        if expand and out and out[0] is self.covering(token):
            out += [m for m in self._listed_on(token, out[0]) if all(m is not x for x in out)]
        if expand and beyond and len(out) == 1:
            out += [m for m in self._after_appositive(token, out[0]) if all(m is not x for x in out)]
        if expand and beyond and len(out) == 1:
            out += [m for m in self._named_after(token, out[0]) if all(m is not x for x in out)]
        return out

    def _listed_on(self, token: Any, first: Mention) -> list[Mention]:
        """The names of the first one's kind listed right after it ("A, B, C and D") where the parser
        broke the coordination ("Rica" of "Costa Rica" read as a modifier of the name before). A name
        that starts a clause of its own ("A, and B fought C") ends the list."""
        kind = self.types.get(first.keys[0]) if first.keys else None
        doc = token.doc
        start = next(t.i for t in doc[token.sent.start : token.i + 1] if self.covering(t) is first)
        listed = self._enumeration(doc[start : token.sent.end])
        out: list[Mention] = []
        for m in listed[1:]:
            inside = next((t for t in doc[start : token.sent.end] if self.covering(t) is m), None)
            head = self.name_head(inside) if inside is not None else None
            if not m.keys or self.types.get(m.keys[0]) != kind or head is None:
                break
            if head.dep_ in ("nsubj", "nsubjpass") or head.dep_ == "ROOT":
                break
            if head.i + 1 < len(doc) and _possessive_mark(doc[head.i + 1]):
                break  # "Emma Coronel Aispuro, Guzman Loera's third wife": an owner, no one listed
            out.append(m)
        return out

    def _named_after(self, token: Any, first: Mention) -> list[Mention]:
        """The people listed after a person's name when aliases break the parse: "A, alias "X", and his
        brother, B, alias "Y"", "A, alias "X"; B, alias "Y"; and C" (the parser hangs "alias" and what
        follows anywhere). Only names of the first one's type, one after another, count."""
        kind = self.types.get(first.keys[0]) if first.keys else first.type
        if kind != "Person":
            return []
        doc, found = token.doc, []
        i, end = token.i, token.sent.end
        while i < end and self.covering(doc[i]) is first:
            i += 1
        last = first
        while i < end:
            start = i
            while i < end:  # what may stand between two names: separators, an alias, "his brother,"
                if doc[i].text in (",", ";") or doc[i].lower_ == "and" or doc[i].is_quote:
                    i += 1
                elif doc[i].lower_ in ALIAS_MARKS:  # the alias of the name before: its nickname's tokens
                    i += 1
                    while i < end and (
                        doc[i].is_quote or ((m := self.covering(doc[i])) is not None and m.keys == last.keys)
                    ):
                        i += 1
                elif i + 1 < end and doc[i].lower_ in POSSESSIVES and doc[i + 1].lower_ in KIN:
                    i += 2
                elif (m := self.covering(doc[i])) is not None and m.keys == last.keys:
                    i += 1  # the nickname in brackets or quotes
                else:
                    break
            m = self.covering(doc[i]) if i < end and i > start else None
            if m is None or not m.keys or self.types.get(m.keys[0]) != kind or m.keys == last.keys:
                break
            head = i
            while i < end and self.covering(doc[i]) is m:
                if self.covering(doc[i].head) is not m:
                    head = i
                i += 1
            if doc[head].dep_ in ("nsubj", "nsubjpass"):
                break  # "X was the leader, and B joined later": B starts a clause of its own
            if i < end and _possessive_mark(doc[i]):
                break  # an owner, no one listed (as in _listed_on)
            found.append(m)
            last = m
        return found

    def _after_appositive(self, token: Any, first: Mention) -> list[Mention]:
        """The names coordinated after an appositive, which the parser hangs on the appositive: "A, the
        former President of Paraguay, and B, the current Vice President" (B is a conjunct of
        "President"). Only names of the first one's type count."""
        kind = self.types.get(first.keys[0]) if first.keys else first.type
        found: list[Mention] = []
        for appos in (c for c in token.children if c.dep_ == "appos" and self.covering(c) is None):
            for t in conjuncts(appos):
                m = self.covering(t)
                if m is not None and m.keys and self.types.get(m.keys[0]) == kind:
                    found.append(m)
        return found

    def _listed(self, token: Any) -> list[Mention]:
        """The names a plural noun stands for: the list after it ("fourteen countries have participated:
        A, B and C", "gangs such as A and B"), the list it is equated with ("the defendants are A, B and C"),
        or the people last named together ("the brothers", "the four men")."""
        if token.tag_ not in ("NNS", "NNPS") or self.covering(token) is not None:
            return []
        doc = token.doc
        counted = self._counted_after_colon(token)
        if counted:
            return counted
        # "countries – Belize, Costa Rica and ...", "two of the individuals, Mexican nationals A and B"
        holders = [token]
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NUM":
            holders.append(token.head.head)
        for holder in holders:
            named = self._appositive_names(holder)
            if named:
                return named
        of = [  # what the noun is "of"
            o
            for p in token.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children
            if o.dep_ == "pobj"
        ]
        # "two leaders of the Bagdad gang named A and B": the parser may hang the naming on the group
        given = [m for v in [*token.children, *(c for o in of for c in o.children)] for t in _given_names(v)
                 if (m := self.covering(t)) is not None and m.keys]  # fmt: skip
        if given:
            return given
        # "two principal leaders of La Familia, A and B": the parser makes the people conjuncts of the group,
        # or its appositives ("two leaders of the Bagdad gang, A and B")
        for obj in of:
            group = self.covering(obj)
            if group is None or not group.keys or self.types.get(group.keys[0]) == "Person":
                continue
            appended = [t for a in obj.children if a.dep_ == "appos" for t in [a, *conjuncts(a)]]
            people = [
                m
                for t in [*conjuncts(obj), *appended]
                if (m := self.covering(t)) is not None and m.keys and self.types.get(m.keys[0]) == "Person"
            ]
            if people:
                return people
        # "smaller gangs – such as A, B and C", "groups including A and B": the examples the noun is given
        for prep in (c for c in token.children if c.dep_ == "prep"):
            obj = _example_object(prep)
            if obj is not None:
                listed = self._enumeration(doc[obj.left_edge.i : obj.sent.end])
                if not listed and obj.pos_ == "NOUN" and obj is not token:
                    listed = self._listed(obj)  # "key members, including its Irish leaders A, B and C"
                if not listed and obj.pos_ == "PROPN" and self.covering(obj) is not None:
                    # "three nationals, including A, who is a trafficker, as well as his brother, B": one
                    # example, then a clause of its own, before the rest of the coordination
                    listed = self.actors(obj)
                if listed:
                    return listed
        # the list after the noun, or after the clause the noun is the subject of ("Fourteen countries have
        # participated: A, B and C", which the parser may cut into two sentences at the colon)
        ends = [token.right_edge.i + 1]
        if token.dep_ in ("nsubj", "nsubjpass"):  # the clause's last token may be the colon itself
            ends += [token.head.right_edge.i, token.head.right_edge.i + 1]
        for n, nxt in enumerate(ends):
            # "the leaders of those organizations, A, B and C": a comma too, right after the noun phrase,
            # when people of one kind follow
            comma = n == 0 and nxt < len(doc) and doc[nxt].text == ","
            if nxt < len(doc) and (doc[nxt].text in LIST_MARKS or doc[nxt].lower_ in LIST_WORDS or comma):
                begin = nxt + 1
                if doc[nxt].text in LIST_MARKS and doc[begin : begin + 2].text.lower() in LIST_WORDS:
                    begin += 2  # "smaller gangs – such as A, B and C"
                elif doc[nxt].text in LIST_MARKS and begin < len(doc) and doc[begin].lower_ in LIST_WORDS:
                    begin += 1  # "gangs – including A and B"
                stop = doc[nxt + 1].sent.end if nxt + 1 < len(doc) else nxt
                listed = self._enumeration(doc[begin:stop])
                if not comma or len({self.types.get(m.keys[0]) for m in listed if m.keys}) == 1:
                    return listed
            if nxt + 1 < len(doc) and doc[nxt : nxt + 2].text.lower() in LIST_WORDS:
                return self._enumeration(doc[nxt + 2 : doc[nxt].sent.end])
        kinds = HEAD_NOUNS.get(token.lower_, ())
        for mod in (c for c in token.children if c.dep_ in ("nmod", "compound") and c.i < token.i):
            # "the Rojos and Guerreros Unidos crime groups": the names coordinated before the noun
            named = self._enumeration(token.doc[mod.left_edge.i : token.i])
            if named and all(self.types.get(m.keys[0]) in kinds for m in named):
                return named
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ in ("be", "include"):
            # "the defendants are A, B and C", "Companies designated today include A and B"
            dep = "attr" if token.head.lemma_ == "be" else "dobj"
            attr = next((c for c in token.head.children if c.dep_ == dep), None)
            if attr is not None and self.covering(attr) is not None:
                return [m for t in [attr, *conjuncts(attr)] if (m := self.covering(t)) is not None]
        if token.lower_ in PEOPLE and any(c.dep_ in ("det", "nummod", "predet") for c in token.children):
            count = next((_number(c.lower_) for c in token.children if c.dep_ == "nummod"), None)
            # "the Galeano brothers": a family the names listed before must carry
            family = [c.text for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            for keys in reversed(self.context.lists):
                if family and not all(any(f in self._name(k) for f in family) for k in keys):
                    continue
                if count in (None, len(keys)):
                    return [Mention(0, 0, "", "Person", "coref", keys=(k,)) for k in keys]
            later = self._announced(token, count)
            if later:
                return [Mention(0, 0, "", "Person", "coref", keys=(k,)) for k in later]
        return []

    def list_closed(self, token: Any) -> list[Mention]:
        """ "A, B and C, leaders of the Norte Valle Cartel": the people listed right before the comma, when
        the parser made the plural one more conjunct of them (the list's "and" comes before it)."""
        comma = token.left_edge.i - 1
        if token.dep_ != "conj" or comma < 1 or token.doc[comma].text != ",":
            return []
        found: list[Mention] = []
        joined = False
        for t in reversed(token.doc[token.sent.start : comma]):
            m = self.covering(t)
            if m is not None and m.keys and self.types.get(m.keys[0]) == "Person":
                if not found or found[-1] is not m:
                    found.append(m)
            elif t.text == "," or t.lower_ in ("and", "or"):
                joined = joined or t.lower_ in ("and", "or")
            else:
                break
        return found[::-1] if joined and len(found) > 1 else []

    def _counted_after_colon(self, token: Any) -> list[Mention]:
        """ "designated two entities and three individuals: A, three of its members – B, C and D – and
        its core clan, E": the actors named after the colon, when there are as many as the nouns count."""
        first = token.head if token.dep_ == "conj" else token
        nouns = [first, *conjuncts(first)]
        counts = [next((_number(c.lower_) for c in n.children if c.dep_ == "nummod"), None) for n in nouns]
        if any(n.tag_ not in ("NNS", "NNPS", "NN") for n in nouns) or None in counts:
            return []
        colon = max(n.i for n in nouns) + 1
        doc = token.doc
        if colon >= len(doc) or doc[colon].text != ":":
            return []
        named: list[Mention] = []
        for t in doc[colon + 1 : doc[colon].sent.end]:
            m = self.covering(t)
            if m is None or not m.keys or any(m.keys == x.keys for x in named):
                continue
            if self.types.get(m.keys[0]) in ("Person", "CriminalOrganization", "Organization"):
                named.append(m)
        return named if len(named) == sum(c or 0 for c in counts) else []

    def _announced(self, token: Any, count: int | None) -> tuple[str, ...]:
        """The people a release lists after naming them in the plural ("The individuals named today are
        top leaders of X", "the ten new targets"), when no list came before: the lists that follow, if
        they hold as many people as the noun counts, or the noun says they are named or designated here."""
        listed = tuple(k for keys in self.context.ahead for k in keys)
        if not listed:
            return ()
        if count is not None:
            return listed if count == len(listed) else ()
        named = any(c.dep_ == "acl" and c.lemma_ in ANNOUNCING for c in token.children)
        return listed if named or token.lower_ == "targets" else ()

    def listed_after(self, token: Any) -> list[Mention]:
        """The people a plural noun is followed by after a comma, colon or dash ("its co-leaders, A and
        B"), and no others: a role noun with no list after it stands for no one."""
        if token.tag_ not in ("NNS", "NNPS"):
            return []
        doc = token.doc
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "as"):
            # "key FARC commanders such as A and B": the examples the noun is given
            obj = _example_object(prep)
            if obj is not None:
                listed = self._enumeration(doc[obj.left_edge.i : obj.sent.end])
                if listed and {self.types.get(m.keys[0]) for m in listed if m.keys} == {"Person"}:
                    return listed
        # the noun's own phrase ends before the names the parser may hang on it ("the Lo Russo brothers,
        # Salvatore, Vincenzo and Giuseppe": the names are its apposition, inside its subtree)
        apart = ("appos", "conj", "cc", "punct", "relcl")
        own = [c.right_edge.i for c in token.rights if c.dep_ not in apart]
        nxt = max([token.i, *own]) + 1
        if nxt + 1 >= len(doc) or doc[nxt].text not in (",", ":", "–", "—"):
            return []
        listed = self._enumeration(doc[nxt + 1 : doc[nxt].sent.end])
        return listed if {self.types.get(m.keys[0]) for m in listed if m.keys} == {"Person"} else []

    def _appositive_names(self, token: Any) -> list[Mention]:
        """The names in apposition to a noun, directly or through a noun of their kind ("A and B",
        "Mexican nationals A and B")."""
        for appos in (c for c in token.children if c.dep_ == "appos"):
            if self.covering(appos) is None and appos.pos_ == "NOUN":
                appos = next((c for c in appos.children if c.dep_ == "appos"), appos)
            named = [m for t in [appos, *conjuncts(appos)] if (m := self.covering(t)) is not None]
            # the parser often breaks a long list ("Belize, Costa Rica, El Salvador, …" with "Rica" as a
            # modifier of "Belize"): the names listed one after another from the first, of its kind
            first = self.covering(appos)
            if first is not None and first.keys:
                kind = self.types.get(first.keys[0])
                listed = self._enumeration(token.doc[appos.left_edge.i : appos.sent.end])
                if len(listed) > len(named) and all(self.types.get(m.keys[0]) == kind for m in listed):
                    named = listed
            if named:
                # "The eight individuals, A (a.k.a. "X"), B, C and D": the brackets cut the list into two
                # appositions; the later ones of the same kind belong to it too
                kind = self.types.get(named[0].keys[0]) if named[0].keys else None
                for more in (c for c in token.children if c.dep_ == "appos" and c.i > appos.i):
                    rest = [m for t in [more, *conjuncts(more)] if (m := self.covering(t)) is not None]
                    if rest and all(m.keys and self.types.get(m.keys[0]) == kind for m in rest):
                        named += [m for m in rest if all(m is not x for x in named)]
                return named
        return []

    def _name(self, key: str) -> str:
        """The words an actor was named by in this section (its id's name part when none is at hand)."""
        named = [m.text for m in self.mentions if m.keys == (key,)]
        return " ".join(named) or key.split("/", 1)[-1].replace("-", " ").title()

    def _enumeration(self, span: Any) -> list[Mention]:
        """The names listed at the start of a span, joined by commas and "and" ("A, B, C and the D"); a
        name's alias in brackets or after "alias" is no other name ("A (Johnny Hurtado) and B"), nor is a
        nickname given before the next comma ("Ciro known as o Scellone, Gennaro and Vincenzo")."""
        out: list[Mention] = []
        aside = False
        for t in span:
            if aside:
                aside = t.text not in (",", ";")
                continue
            if out and t.lower_ in ("known", "alias", "aka") and self.covering(t) is None:
                aside = True
                continue
            m = self.covering(t)
            if m is not None:
                if not out or (out[-1] is not m and (not m.keys or m.keys != out[-1].keys)):
                    out.append(m)
            elif not (t.is_punct and t.text in ",;–—-()") and t.lower_ not in (
                "and",
                "or",
                "the",
                "as",
                "well",
            ):
                break
        return out if len(out) > 1 else []

    def _one(self, token: Any, depth: int = 0) -> Mention | None:
        predicated = self._predicated(token)  # "X is a Camorra clan headed by Y": the clan is X
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
        if predicated is not None and indefinite:
            return predicated  # after "a", before the name that premodifies the noun
        premodified = self._premodified(token)  # "the San Pedro Locos Salvatrucha clique, ... known as"
        if premodified is not None:
            return premodified
        named = self._named(token)  # "another Sinaloan named Joaquin Guzman Loera"
        if named is not None:
            return named
        m = self.covering(token)
        if m is not None and token.dep_ != "poss":
            return self._unit_of(token, m) or m
        if m is not None or depth > 2:
            return m
        lower = token.lower_
        if lower in RELATIVE and token.dep_ != "mark":
            noun = _antecedent(token)
            return self._one(noun, depth + 1) if noun is not None else None
        if token.pos_ == "PRON":
            return self._pronoun(token)
        if predicated is not None:
            return predicated
        if token.pos_ == "NOUN" and token.dep_ == "appos":
            # "the Prince Group, a Cambodia-based network led by Chen Zhi": the network is the group;
            # "Beto Paz, a trafficker linked to X": a singular noun after a person is that person
            found = self.covering(token.head)
            kind = self.types.get(found.keys[0]) if found is not None and found.keys else None
            if kind in HEAD_NOUNS.get(token.lower_, ()) or (
                kind == "Person" and token.tag_ == "NN" and token.lower_ not in HEAD_NOUNS
            ):
                return found
        if token.pos_ == "PROPN":
            # "the Cartel de los Soles (CDLS)": a name not found, its acronym in brackets found
            for child in token.children:
                if child.dep_ == "appos" and token.doc[child.i - 1].text == "(":
                    found = self.covering(child)
                    if found is not None:
                        return found
        if token.pos_ == "NOUN":
            kinds = HEAD_NOUNS.get(token.lower_, ())
            for child in token.children:
                if child.dep_ == "appos":  # "the president of Honduras, Juan Orlando Hernandez"
                    found = self._one(child, depth + 1)
                elif child.dep_ in NAMING_DEPS and child.i < token.i + 4:
                    found = self._naming(child, kinds)
                elif child.dep_ == "prep" and child.lower_ == "in" and token.lower_ in GOVERNMENT_NOUNS:
                    # "authorities in Argentina": the state they serve ("police in Santa Catarina" may
                    # serve a province, so a place is not enough)
                    place = next((g for g in child.children if g.dep_ == "pobj"), None)
                    found = self.covering(place) if place is not None else None
                    found = found if found is not None and self.types.get(found.keys[0]) == "State" else None
                else:
                    continue
                if found is not None:
                    return found
            # "the president of Honduras, Juan Orlando Hernandez": the parser hangs the person's name on
            # the country; a person in apposition to a body or place inside the noun's phrase is the noun's
            for d in token.subtree:
                if d.dep_ != "appos" or d.head is token or d.i < token.i:
                    continue
                named, owner = self.covering(d), self.covering(d.head)
                if (
                    named is not None
                    and owner is not None
                    and named.keys
                    and owner.keys
                    and self.types.get(named.keys[0]) == "Person"
                    and self.types.get(owner.keys[0]) in ("State", "Place", "GovernmentOrganization")
                ):
                    return named
        return None

    def _predicated(self, token: Any) -> Mention | None:
        """The named subject a noun is said to be: "X is a Venezuela-based criminal group headed by Y"
        (after "a", a name before the noun says which kind: "X is a Camorra clan" is X, not the Camorra;
        "the main clans were the Licciardi clan" is the Licciardi clan)."""
        if token.pos_ != "NOUN" or token.dep_ not in ("attr", "appos") or token.head.lemma_ not in COPULAS:
            return None
        subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return self.covering(subject) if subject is not None else None

    def _unit_of(self, token: Any, body: Mention) -> Mention | None:
        """ "The U.S. Department of the Treasury's Office of Foreign Assets Control designated": the parser
        heads the phrase with the department, but the office named after its possessive is who acts."""
        if self.types.get(body.keys[0]) != "GovernmentOrganization":
            return None
        text = self.doc.text
        if not text.startswith("'s ", body.end) and not text.startswith("\u2019s ", body.end):
            return None
        i = bisect.bisect_left(self.starts, body.end + 3)
        unit = self.mentions[i] if i < len(self.mentions) else None
        if unit is None or unit.start != body.end + 3 or not unit.keys:
            return None
        if self.types.get(unit.keys[0]) != "GovernmentOrganization":
            return None
        inside = any(t.idx == unit.start for t in token.subtree)
        return unit if inside else None

    def _premodified(self, token: Any) -> Mention | None:
        """The name right before a group noun that names it ("the Los Choneros gang"): it wins over a
        "known as" the parser may hang on the noun from further away. A capitalised group noun the
        model left out of the name counts too ("the LNFM Cartel")."""
        if token.pos_ not in ("NOUN", "PROPN") or self.covering(token) is not None:
            return None
        if token.pos_ == "PROPN" and token.lower_ not in GROUP_NOUNS:
            return None
        kinds = HEAD_NOUNS.get(token.lower_, ())
        before = token.doc[token.i - 1] if token.i > 0 else None
        if before is None or before.head.i != token.i or before.dep_ not in ("compound", "nmod"):
            return None
        return self._naming(before, kinds)

    def _naming(self, token: Any, kinds: Iterable[str]) -> Mention | None:
        """The name on a token that modifies a noun, if its actor is of a kind the noun can denote (one
        name before a plural group noun is whose groups they are: "Camorra clans")."""
        if _several_groups(token.head):
            return None
        found = self.covering(token)
        if found is None or self.types.get(found.keys[0]) not in kinds:
            return None
        if found.demonym and token.head.lower_ in GOVERNMENT_NOUNS:
            # "Colombian authorities", "the Mexican government": the state itself, not a nationality
            return Mention(found.start, found.end, found.text, "State", "context", keys=found.keys)
        return found

    def _named(self, token: Any) -> Mention | None:
        """The name a noun is given by "named", "known as", "called" ("a group known as Los Huistas").

        The parser often hangs the naming verb on the name that ends the noun's "of" phrase ("a faction of
        the Sinaloa Cartel known as the SNO"): a name needs no naming, so it names the noun, if the name
        given is of a kind the noun can denote."""
        kinds = HEAD_NOUNS.get(token.lower_) if token.pos_ == "NOUN" else None
        if not self._names_its_owner(token):
            for child in token.children:
                if child.dep_ == "acl" and child.lemma_ in NAMING:
                    found = self._given(child)
                    # "two leaders of the gang named A and B": the parser hangs the people on the gang
                    kind = self.types.get(found.keys[0]) if found is not None and found.keys else None
                    if found is not None and not (kinds and kind and kind not in kinds):
                        return found
        if not kinds:
            return None
        if token.dep_ == "nsubjpass" and token.head.lemma_ in NAMING:
            # "One faction is known as the Metros and was once headed by A": the name the clause gives
            found = self._given(token.head)
            if found is not None and found.keys and self.types.get(found.keys[0]) in kinds:
                return found
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for owner in prep.children:
                if owner.dep_ != "pobj" or self.covering(owner) is None:
                    continue
                for child in owner.children:
                    if child.dep_ == "acl" and child.lemma_ in NAMING:
                        found = self._given(child)
                        if found is not None and found.keys and self.types.get(found.keys[0]) in kinds:
                            return found
        return None

    def _names_its_owner(self, token: Any) -> bool:
        """Whether a naming verb on this name names the group noun whose "of" phrase the name ends."""
        owner = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
        return (
            owner is not None
            and owner.pos_ == "NOUN"
            and owner.lower_ in HEAD_NOUNS
            and self.covering(token) is not None
        )

    def _given(self, verb: Any) -> Mention | None:
        """The name a naming verb gives ("known as X", "named X", "called X")."""
        named = [g for c in verb.children for g in (c, *c.children) if c.dep_ in NAMED_DEPS]
        return next((m for g in named if (m := self.covering(g)) is not None), None)

    def _speaker(self, m: Mention, pronoun: Any) -> bool:
        """Whether the mention is who reports what the pronoun's clause says ("spokesman X indicated that
        his rival ..."): a speaker is seldom the "his" of their own report."""
        head = _head_of(m, pronoun.sent)
        if head is None or head.dep_ != "nsubj" or head.head.lemma_ not in REPORTING:
            return False
        return pronoun in head.head.subtree and pronoun not in head.subtree

    def _modifier(self, m: Mention, pronoun: Any) -> bool:
        """Whether the mention only modifies a common noun in the pronoun's sentence ("The McClellan
        hearings named it … since he was the boss": the hearings, not a man named there)."""
        head = _head_of(m, pronoun.sent)
        return (
            head is not None
            and head.dep_ == "compound"
            and head.head.pos_ == "NOUN"
            and head.head.idx >= m.end
        )

    def other(self, token: Any, than: Iterable[Mention]) -> list[Mention]:
        """What a pronoun stands for when it cannot be `than` ("X took his place": not X himself)."""
        if token.pos_ != "PRON":
            return []
        keys = {k for m in than for k in m.keys}
        found = self._pronoun(token, exclude=keys)
        return [found] if found is not None else []

    def _people_together(self, token: Any) -> list[Mention]:
        """The last people coordinated before a token in its sentence ("A and B"), or none."""
        sentence = token.sent
        for t in reversed(sentence[: token.i - sentence.start]):
            m = self.covering(t)
            if (
                m is None
                or self.types.get(m.keys[0] if m.keys else "") != "Person"
                or self.name_head(t) is not t
            ):
                continue
            people = [
                x for x in self.actors(t, beyond=False) if x.keys and self.types.get(x.keys[0]) == "Person"
            ]
            if len(people) > 1:
                return people
        return []

    def _pronoun(self, token: Any, exclude: set[str] | frozenset[str] = frozenset()) -> Mention | None:
        wanted = PERSONAL.get(token.lower_)
        if wanted is None and token.lower_ not in ("its", "it", "their", "they", "them"):
            return None
        plural = token.lower_ in ("their", "they", "them")
        if plural and token.dep_ == "poss" and token.head.lower_ in KIN:
            # "A and B … their father, C": the people coordinated before, never a body ("OFAC designated
            # A and B for … their father")
            people = self._people_together(token)
            if people:
                return Mention(0, 0, "", "Person", "coref", keys=tuple(k for m in people for k in m.keys))

        def fits(m: Mention, states: bool = False) -> bool:
            if exclude and set(m.keys) & exclude:
                return False
            kind = self.types.get(m.keys[0])
            if wanted:
                return kind == wanted and len(m.keys) == 1
            if plural:
                return len(m.keys) > 1 or kind in GROUPISH
            return (kind in GROUPISH if states else kind in BODIES) and len(m.keys) == 1

        if wanted:
            # "his" most often points at the subject of its own clause ("X ran the clan with his two
            # sons"), else at the nearest fitting name before it in the sentence
            clause = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
            deps = ("nsubj", "nsubjpass")
            subject = next((c for c in clause.children if c.dep_ in deps), None) if clause else None
            if subject is not None and subject.i < token.i and token not in subject.subtree:
                m = self.covering(subject)
                if m is not None and fits(m):
                    return m
            first = _first_conjunct(token.head) if token.dep_ == "poss" else None
            if first is not None and (m := self.covering(first)) is not None and fits(m):
                return m  # "A, as well as his brother, B, and his associate, C": each "his" is A's
        here = [m for m in self.mentions if m.end <= token.idx and token.sent.start_char <= m.start]
        near = [m for m in here if fits(m) and not self._speaker(m, token) and not self._modifier(m, token)]
        if near:
            return near[-1]
        # the sentence before: its one fitting actor; with two ("X is at war with Y. Its leader"), none
        # unless one was its subject ("He" after "X met Y" most often means X)
        before = {m.keys: m for m in self.context.previous if fits(m)}
        last = self.context.subject
        # a sentence that opens with "Its" after two sentences about one subject continues it ("The
        # Juárez Cartel is ... The cartel fights its rivals, the Sinaloa Cartel. Its leader is X")
        # and "It"/"They" opening a sentence is the subject of the one before ("X is a cartel that ... Y.
        # It is headed by Z"): a subject continues a subject
        opens = token.i == token.sent.start and (self.context.topic or token.dep_ in ("nsubj", "nsubjpass"))
        if last is not None and last.keys and fits(last) and (len(before) < 2 or wanted or opens):
            return last
        if len(before) > 1:
            return None
        if before:
            return next(iter(before.values()))
        person = self.context.person
        if wanted == "Person" and person is not None and fits(person):
            return person  # "he" with no subject to continue, in a biography: the page's person
        found = next((m for m in reversed(self.context.mentions) if fits(m)), None)
        if found is None and not wanted:  # "its" of a state only when no group or body fits
            found = next((m for m in reversed(self.context.mentions) if fits(m, states=True)), None)
        return found


LIST_MARKS = {":", "–", "—"}
LIST_OPENERS = LIST_MARKS | {"--"}  # what opens a list after its noun: "two factions -- A and B"
ALIAS_MARKS = {"alias", "aka", "a.k.a.", "a.k.a", "a/k/a"}
POSSESSIVES = {"his", "her", "their"}
KIN = words(
    "brother brothers sister son sons daughter cousin nephew father uncle wife husband partner associate"
)
LIST_WORDS = {"including", "namely", "such as", "among them"}
ANNOUNCING = words("name designate announce identify target sanction charge indict")
PEOPLE = words(
    "brothers sons daughters siblings men women defendants suspects fugitives targets individuals leaders "
    "traffickers members heirs nationals citizens persons people associates operatives lieutenants"
)
NUMBERS = {
    w: n for n, w in enumerate(("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"), 2)
}
REPORTING = words("say tell indicate report announce add state note explain claim believe")


def _head_of(m: Mention, sentence: Any) -> Any | None:
    """The token that heads a mention's words in a sentence (the one whose head lies outside them), or
    None when the mention is not in the sentence."""
    head = next((t for t in sentence if t.idx == m.start), None)
    while head is not None and head.head.i != head.i and m.start <= head.head.idx < m.end:
        head = head.head
    return head


def _first_conjunct(noun: Any) -> Any | None:
    """The conjunct a later conjunct's "his" stands for: the one before it, past the name of a role noun
    ("A, as well as his brother, B, and his associate, C": A, though the parser hangs "associate" on B,
    the brother's name; "A, B and his son C": B), or None when the noun is no conjunct."""
    if noun.dep_ != "conj":
        return None
    top = noun.head
    while top.dep_ == "appos" and top.head.pos_ == "NOUN" and top.head.dep_ == "conj":
        top = top.head.head  # past "his brother, B" to whom the brother's "his" stands for
    return top


def _antecedent(relative: Any) -> Any | None:
    """The noun a relative pronoun's clause hangs on ("the four leaders who were designated": leaders)."""
    clause = next((a for a in relative.ancestors if a.dep_ in ("relcl", "acl")), None)
    return clause.head if clause is not None else None


def _possessive_mark(token: Any) -> bool:
    """Whether a token is the "'s" of a possessive."""
    return token.tag_ == "POS" or token.dep_ == "case"


def _several_groups(noun: Any) -> bool:
    """Whether a noun is a plural group noun ("Camorra clans", "Sinaloa cells"): one name before it is
    whose groups they are, not their name (a list of names before it is: "the Rojos and Guerreros Unidos
    crime groups")."""
    return noun.tag_ == "NNS" and noun.lower_ in GROUP_NOUNS


def _number(word: str) -> int | None:
    """A count written in words or digits ("four", "50"); None for another word."""
    return int(word) if word.isdigit() else NUMBERS.get(word)


def conjuncts(token: Any) -> list[Any]:
    """The tokens coordinated after this one ("A, B and C" from A), not those it is coordinated with:
    in "X, and the brothers B and C", the brothers are B and C, not X."""
    out: list[Any] = []
    todo = [c for c in token.children if c.dep_ == "conj"]
    while todo:
        t = todo.pop(0)
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ == "conj")
    return out


# roles held in a group ("members of X", "a faction of X") and nouns that name one ("the X gang")
GROUP_ROLES = words(
    "member members leader leaders boss bosses faction factions wing splinter offshoot cell cells "
    "lieutenant lieutenants affiliate affiliates clique cliques founders"
)
GROUP_KINDS = words("gang gangs cartel clan mafia syndicate coalition federation faction clique militia")
GROUP_PARTS = GROUP_KINDS | words("wing splinter offshoot cell branch")  # what a group is known as


def groups_by_place(sdoc: Any, mentions: list[Mention]) -> None:
    """A name the model typed as a person, place or body that the parse puts where only a group stands
    is a criminal group: "members of Viv Ansanm", "the Gran Grif gang", "Viv Ansanm, a coalition of
    gangs", "Viv Ansanm is a gang coalition". The reason is kept on the mention (`extras["typed"]`).
    A place only by a role in it or a copula: "a Chicago gang" is a gang of a place."""
    given = given_names()
    for m in mentions:
        if _armed_body(sdoc, m):
            continue
        if (
            m.source != "ner"
            or m.entry is not None
            or m.demonym
            or m.type not in ("Person", "Place", "Organization")
        ):
            continue
        if type_by_heads(m.text) is not None or m.text.split()[0] in given:
            continue
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root, why = span.root, None
        head = root.head
        if any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in root.children):
            continue  # "the Brothers’ Circle": the model's name is the end of a longer one
        if root.dep_ == "pobj" and head.lower_ in ("of", "within") and head.head.lower_ in GROUP_ROLES:
            why = f"{head.head.text} {head.text} {m.text}"
        elif root.dep_ in ("nsubj", "nsubjpass") and head.lemma_ == "be":
            attr = next((c for c in head.children if c.dep_ == "attr"), None)
            if attr is not None and attr.lower_ in GROUP_KINDS:
                why = f"{m.text} is a {attr.text}"
        elif (named := _named_noun(root)) is not None and (
            named.lower_.split("-")[-1] in GROUP_PARTS or named.lemma_ == "group"
        ):
            why = f"{named.text} known as {m.text}"  # "mega-gangs, known as Tren del Llano"
        elif _listed_as_group(root):
            why = f"{_category(root).text} including {m.text}"
        elif m.type != "Place" and root.dep_ == "conj" and head.lower_ in GROUP_KINDS:
            why = f"the {head.text} and {m.text}"
        elif m.type != "Place" and root.dep_ in ("compound", "nmod") and head.lower_ in GROUP_KINDS:
            why = f"{m.text} {head.text}"
        elif m.type != "Place" and root.dep_ == "appos" and _group_kind(head):
            why = f"{head.text}, {m.text}"  # "the gang, X", "the criminal organization X"
        elif m.type == "Person" and (led := _led_by(root)) is not None:
            why = f"{m.text}, {led.text} by"  # "Barrio King, led by Gerson Gálvez Calle"
        elif m.type != "Place" and any(c.dep_ == "appos" and c.lower_ in GROUP_KINDS for c in root.children):
            why = f"{m.text}, a {next(c for c in root.children if c.dep_ == 'appos').text}"
        if why:
            m.type, m.source = "CriminalOrganization", "rule"
            m.extras["typed"] = why


def _group_kind(noun: Any) -> bool:
    """Whether a singular noun is a kind of crime group: "gang", "cartel", "criminal organization"."""
    return noun.lower_ in GROUP_KINDS or (
        noun.lemma_ in ("group", "organization", "organisation", "network")
        and any(c.lower_ in CRIME_MODIFIERS for c in noun.children if c.dep_ in ("amod", "compound"))
    )


LEADING = words("lead head run command found")


def _led_by(root: Any) -> Any | None:
    """The participle that says who leads a name ("X, led by Y", "X, founded by Y"): what is led is a
    body, not a person."""
    return next(
        (
            c
            for c in root.children
            if c.dep_ == "acl"
            and c.tag_ == "VBN"
            and c.lemma_ in LEADING
            and any(g.dep_ == "agent" for g in c.children)
        ),
        None,
    )


def groups_in_lists(sdoc: Any, mentions: list[Mention]) -> None:
    """The names a plural crime-group noun lists as its examples are groups, though the model read none
    of them: "smaller motorcycle gangs – such as the Devils Diciples, the Diablos, …", "Rival gangs
    include the Bandidos, the Breed and the Mongols". Each new name keeps its reason."""
    starts = sorted((m.start, m.end) for m in mentions)
    added: list[Mention] = []
    for token in sdoc:
        if token.tag_ != "NNS" or not _crime_group_noun(token):
            continue
        for first in _examples(token):
            for t in [first, *conjuncts(first)]:
                span = _proper_name(t)
                if span is None:
                    continue
                a, b = span.start_char, span.end_char
                quoted = [m for m in mentions if m.start < b and a < m.end]
                if len(quoted) == 1 and quoted[0].source == "nickname" and quoted[0].type is None:
                    # "two factions: “Los Torcidos” and …": a quoted name no person bears is a listed group
                    quoted[0].type = "CriminalOrganization"
                    quoted[0].extras["typed"] = f"{token.text} listed: {quoted[0].text}"
                    continue
                if any(s < b and a < e for s, e in starts):
                    continue  # named already (a model's reading is retyped by groups_by_place)
                m = Mention(a, b, span.text, "CriminalOrganization", "rule")
                m.extras["typed"] = f"{token.text} listed: {span.text}"
                added.append(m)
                starts.append((a, b))
    if added:
        mentions.extend(added)
        mentions.sort(key=lambda m: m.start)


MERGERS = words("fusion merger amalgamation federation confederation coalition alliance")


def _crime_group_noun(noun: Any) -> bool:
    """Whether a plural noun names crime groups: "gangs", "cartels", "criminal groups", "motorcycle
    clubs", "the groups" a fusion or coalition is made of."""
    if noun.lemma_ in ("gang", "cartel", "syndicate", "mafia", "clan", "militia", "faction"):
        return True
    of = noun.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if noun.lemma_ == "group" and of is not None and of.head.lower_ in MERGERS:
        return True  # "a fusion of the groups A, B and C"
    return noun.lemma_ in ("group", "organization", "organisation", "club") and any(
        c.lower_ in CRIME_MODIFIERS | {"motorcycle", "rival"}
        for c in noun.children
        if c.dep_ in ("amod", "compound")
    )


def _examples(noun: Any) -> list[Any]:
    """The first listed example of a plural noun: "gangs such as A, …", "gangs including A", "gangs
    include A, …"."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("including", "like", "as"):
            if prep.lower_ == "as" and noun.doc[prep.i - 1].lower_ != "such":
                continue
            return [c for c in prep.children if c.dep_ == "pobj"]
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "include":
        return [c for c in noun.head.children if c.dep_ == "dobj"]
    doc, j = noun.doc, noun.i + 1
    if j < len(doc) and doc[j].text in LIST_OPENERS:
        # "split into two factions: “Los Torcidos” and “La Resistencia”": the first name after the mark
        j += 1
        while j < len(doc) and doc[j].is_punct:
            j += 1
        while j < len(doc) and doc[j].dep_ == "compound" and doc[j].head.i > j:
            j = doc[j].head.i
        return [doc[j]] if j < len(doc) and doc[j].pos_ == "PROPN" else []
    return [c for c in noun.children if c.dep_ == "appos"]  # "the groups A, B and C"


def _proper_name(token: Any) -> Any | None:
    """The proper name a listed token heads ("the Sons of Silence", "El Forastero"), without its article;
    None for anything but a capitalised name of at most six words."""
    if token.pos_ != "PROPN" or not token.text[:1].isupper():
        return None
    left = token
    while left.i > 0 and token.doc[left.i - 1].dep_ == "compound" and token.doc[left.i - 1].head == token:
        left = token.doc[left.i - 1]
    right = token
    prep = next(
        (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == token.i + 1), None
    )
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is not None and obj.pos_ == "PROPN" and obj.i == prep.i + 1:
        right = obj  # "the Sons of Silence"
    span = token.doc[left.i : right.i + 1]
    if len(span) > 6 or not all(t.pos_ == "PROPN" or t.lower_ == "of" for t in span):
        return None
    return span


FAMILY = words("brother sister son daughter cousin nephew niece father mother uncle aunt wife husband")
# roles only a person holds: a name the parse gives one of them is a person's ("Noboru Yamaguchi, the
# Yamaguchi-gumi's boss", "mob boss Luciano Leggio")
PERSON_ROLES = words(
    "boss founder kingpin lord trafficker capo godfather patriarch mobster gangster hitman businessman "
    "underboss consigliere"
)


def people_by_role(sdoc: Any, mentions: list[Mention]) -> None:
    """A name the model typed as a place or body that the parse names as someone's kin, or gives a role
    only a person holds, is a person: "his brothers Salvatore and Antonino", "his son, Ovidio", "Noboru
    Yamaguchi, the Yamaguchi-gumi's boss". The reason is kept on the mention."""
    for m in mentions:
        if m.source != "ner" or m.entry is not None or m.demonym or m.type not in ("Place", "Organization"):
            continue
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) > 4:
            continue
        token = span.root
        while token.dep_ == "conj":
            token = token.head
        role = next((c for c in token.children if c.dep_ == "compound" and c.lemma_ in FAMILY), None)
        if role is None and token.dep_ in ("appos", "compound") and token.head.lemma_ in FAMILY:
            role = token.head  # "his son, Ovidio"; "the Mazzarella brothers": a family's name is a person's
        if role is None:
            role = next((c for c in token.children if c.dep_ == "appos" and c.lemma_ in PERSON_ROLES), None)
        if role is not None:
            m.type, m.source = "Person", "rule"
            m.extras["typed"] = f"{role.text} {m.text}"


CRIME_MODIFIERS = words("criminal crime armed trafficking drug gang mafia")
ARMED_KINDS = words("militia guerrilla guerrillas rebel rebels insurgent paramilitary armed criminal")


def _armed_body(sdoc: Any, m: Mention) -> bool:
    """An "army" or "front" its appositive calls a militia or an armed group ("the Karen National Army, a
    militia group in Burma") is no state's body but an armed group: retyped in place, with its reason."""
    if m.source != "rule" or m.entry is not None or m.type != "GovernmentOrganization":
        return False
    if m.text.split()[-1].casefold() not in ("army", "forces", "front"):
        return False
    span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    for appos in (c for c in span.root.children if c.dep_ == "appos" and c.pos_ == "NOUN"):
        kinds = {appos.lower_, *(c.lower_ for c in appos.children if c.dep_ in ("amod", "compound"))}
        if kinds & ARMED_KINDS:
            m.type, m.source = "CriminalOrganization", "rule"
            phrase = " ".join(t.text for t in appos.subtree if t.i <= appos.i and t.dep_ != "det")
            m.extras["typed"] = f"{m.text}, a {phrase}"
            return True
    return False


def _named_noun(token: Any) -> Any | None:
    """The noun a name is given to by "known as" ("a gang known as X"; "a faction of B known as X", where
    the parser hangs the naming on B; "one faction is known as X")."""
    verb = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "as" else None
    if verb is None or verb.lemma_ not in NAMING:
        return None
    if verb.dep_ != "acl":  # "One faction is known as the Metros": the noun the clause is about
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        return subject if subject is not None and subject.pos_ == "NOUN" else None
    noun = verb.head
    if noun.pos_ == "PROPN" and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head
    return noun if noun.pos_ == "NOUN" else None


def _example_object(prep: Any) -> Any | None:
    """The first example a preposition gives ("such as A and B", "including A", "like A"), or None."""
    if prep.lower_ not in ("as", "including", "like") or (
        prep.lower_ == "as" and prep.doc[prep.i - 1].lower_ != "such"
    ):
        return None
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _given_names(verb: Any) -> list[Any]:
    """The tokens a naming participle gives ("named A and B", "identified as A and B"), if it is one."""
    if verb.dep_ != "acl" or verb.lemma_ not in ("name", "identify"):
        return []
    given = [c for c in verb.children if c.dep_ in ("oprd", "dobj")]
    given += [
        o
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "as"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    return [t for g in given for t in [g, *conjuncts(g)]]


def _category(token: Any) -> Any | None:
    """The plural noun a list of examples hangs on ("gangs, including A and B", "groups such as A"), for
    a token of the list."""
    while token.dep_ == "conj":
        token = token.head
    prep = token.head
    if token.dep_ == "appos" and prep.tag_ == "NNS":  # "the groups A, B and C"
        return prep
    mark = token.left_edge.i - 1
    if mark > 0 and token.doc[mark].text in LIST_OPENERS and token.doc[mark - 1].tag_ == "NNS":
        return token.doc[mark - 1]  # "split into two factions: A and B", "two major factions -- A and B"
    if token.dep_ == "dobj" and prep.lemma_ == "include":  # "Rival gangs include A, B and C"
        noun = next((c for c in prep.children if c.dep_ == "nsubj"), None)
        return noun if noun is not None and noun.tag_ == "NNS" else None
    if token.dep_ != "pobj" or prep.lower_ not in ("including", "like", "as"):
        return None
    noun = prep.head.head if prep.lower_ == "as" and prep.head.lower_ == "such" else prep.head
    return noun if noun.tag_ in ("NNS", "NNPS") else None


def _listed_as_group(token: Any) -> bool:
    """Whether a token is one of the examples of a plural crime-group noun: "Haitian gangs, including
    Gran Grif", "criminal groups such as La Constru"."""
    noun = _category(token)
    return noun is not None and _crime_group_noun(noun)
