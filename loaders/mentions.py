"""Mentions of actors in a paragraph: curated names, naming rules and spaCy entities, typed by head words."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from itertools import pairwise

from ocgraph.loaders.gazetteer import Entry, Gazetteer


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Head words that type a name (the list, plus close synonyms).
CRIME_HEADS = words(
    "brotherhood cartel cartels cell clan clique faction gang mafia maffia mafiya mara syndicate"
)
UNION_HEADS = words("alliance federation confederation coalition")  # groups of groups, in a crime text
FAMILY_WORDS = words("family famiglia familia família")  # "the Galeano crime family", "Nuova Famiglia"
ARTICLES = words("la el los las il lo le the")
CONNECTORS = words("in on for of at")  # "the Brisa Cartel in March": a name ends before them
BODIES = ("CriminalOrganization", "GovernmentOrganization")
# Heads that name an armed group only in a paragraph about crime ("the 36th Front", "Bloque Norte")
ARMED_HEADS = words("front frente bloque bloques bloc brigade boys crew crews posse mob staff")
GROUP_HEADS = ARMED_HEADS | CRIME_HEADS
UNIT_HEADS = words("front frente bloc bloque block column brigade")  # a unit of an armed group
GOV_HEADS = words(
    "administration agency army attorney bureau cabinet command commission committee congress court "
    "department directorate division enforcement force forces government guard investigations marines "
    "ministry navy office parliament police prosecutor prosecutors secretariat section senate service "
    "system treasury unit"
)
POLICY_HEADS = words(
    "accord accords act agreement framework initiative law pact plan policy program programme strategy"
)
# a rebel army is an armed group, not a state's: "Popular Liberation Army", "Self-Defense Forces of Colombia"
REBEL_WORDS = words(
    "liberation revolutionary guerrilla guerrillas self-defense self-defence autodefensas rebel rebels "
    "insurgent gaitanista gaitanistas popular people's"
)
REBEL_HEADS = words("army forces front movement")
# Spanish and Portuguese group names lead with their head noun ("Comando Vermelho", "Família do Norte",
# "La Oficina", "Alianza Fronteriza"): in a paragraph about crime, such a name is a criminal group
CRIME_FIRST = words(
    "alianza amigos banda bloque cartel cártel clan comando família familia frente guardiões guardianes mara "
    "oficina empresa facção faccao primeiro terceiro"
)
POLICY_FIRST = words("operation campaign operación operação plan")
PARTY_HEADS = words("party partido")
POLICY_LINKS = words("against for to")
ORG_HEADS = words(
    "association bank center centre company corp council foundation group inc institute journal "
    "network news post project society times university"
)
# Capitalised words that start a sentence or a title, never a name part.
NOT_NAME = words(
    "A According After All Also An And As At Attorney Before Both But By CEO Chief Commander Director Dr "
    "Each Few For Many Most Other Several Some "
    "Foreign Former From General Governor He Her His However If In It Its Judge Leader Minister Mr "
    "Mrs Ms Not Officials On Or President Reprinted Secretary Senator She Since Specifically That The "
    "Their These They This Those We When While With Rival Rivals Allied Although Though Despite Because "
    "Meanwhile Like Unlike During Until Whether Whereas"
)
CAP = r"[A-ZÁÉÍÓÚÜÑ][\w\-]*"
POSSESSIVE = re.compile(r"['’]s\b")  # right after a name: the name owns what follows
CONNECT = r"(?:of|de|del|la|el|los|las|for|the|y|on|in|di|della|da|do|dos)"
CAP_SEQ = re.compile(rf"{CAP}(?:\s(?:{CONNECT}\s)*{CAP})*")
ORDINAL_BEFORE = re.compile(r"(?<![\w.,])\d{1,3}(?:st|nd|rd|th) $")
# the forces and chambers a state's name or its demonym may go before in lowercase ("the Mexican army")
STATE_FORCE = re.compile(
    r"(?:['’]s)? (?:(?:special|military|armed|naval) )?"
    r"(?:army|military|navy|air force|armed forces|special forces|national guard|coast guard|parliament"
    r"|congress|senate|federal police|national police)(?![\w-])"
)  # "Colombian police" alone stands for the state, as the corpus annotates it
# a people's mafia, as organized crime of that origin is named ("the Russian mafia", "the Albanian Mafia")
# (not a role in it: "an Italian mafia boss" says of which kind the boss is, not which group)
NATION_MAFIA = re.compile(
    r" [Mm]afia(?![\w-])(?! (?:boss|bosses|don|dons|member|members|figure|figures|leader|leaders|kingpin|"
    r"godfather|clan|clans|family|families|group|groups|network|networks)\b)"
)
MANY_MAFIAS = frozenset({"Italian"})  # the 'Ndrangheta, the Camorra, Cosa Nostra, the Sacra Corona Unita
# "OUMAR ISSA, HAROUNA TOURÉ, and IDRISS ABELRAHMAN arrived": releases print defendants' names in capitals,
# which the model reads as bodies or not at all
CAPS_NAME = re.compile(r"(?<![\w-])[A-ZÁÉÍÓÚÜÑ][A-ZÁÉÍÓÚÜÑ'-]+(?: [A-ZÁÉÍÓÚÜÑ][A-ZÁÉÍÓÚÜÑ'-]+){1,4}(?![\w-])")
CAPS_NOT_NAME = words(
    "AND THE OF FOR ALL ARE AS TO IN ON BY WITH AT FROM OR NOT IS USA FACT SHEET NEWS PRESS RELEASE "
    "IMMEDIATE UPDATE BREAKING ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE TEN II III IV VI"
)
# a company by its legal form: "Tabacos USA Inc.", "Grupo Cinjab, S.A. de C.V." (a name inside is no actor)
COMPANY = re.compile(
    rf"(?<![\w-])({CAP}(?:\s(?:{CONNECT}\s)*{CAP}){{0,5}},?\s(?:Inc\.|LLC|Ltd\.|Corp\.|S\.A\.(?:\s[Dd][Ee]\sC\.V\.)?|"
    r"S\.A\.[ES]\.|S\.R\.L\.|S\.A\.S\.|GmbH|B\.V\.|N\.V\.))(?![\w-])"
)
# a group's name joins its words by these, or by "the" after one of them ("Knights of the Temple"); a bare
# "the" starts another phrase ("named the New Jersey Mafia the DeCavalcante crime family")
LINK = rf"(?:(?!the\s){CONNECT}\s(?:{CONNECT}\s)*)"
# "the Rojos and Guerreros Unidos crime groups", "the Sinaloa cartel", "the Gulf Clan gang"
GROUP_LIST = re.compile(
    rf"((?:(?:\d{{1,4}}\s)?{CAP}(?:\s{LINK}?{CAP})*)(?:(?:,\s|,?\sand\s)(?:{CAP}(?:\s{LINK}?{CAP})*))*)\s"
    r"(crime groups?|crime famil(?:y|ies)|criminal groups?|criminal organi[sz]ations?|(?:drug )?cartels?|"
    r"Cartels|gangs?|factions?|cells?|clans?|cliques?|criminal gangs?|drug trafficking organi[sz]ations?|"
    r"gang coalitions?|coalitions?|['’]ndrin[ae]|cosc(?:a|he)|families|drug trafficking family|family)\b"
)
COUNTS = words("One Two Three Four Five Six Seven Eight Nine Ten Another")
# an Italian clan's noun is part of its name, lowercase as the texts write it: "the Pesce 'ndrina"
KEPT_HEADS = {"'ndrina", "’ndrina", "cosca", "family", "trafficking family"}
NAMED_BY_HEAD = {"cartel", "gang", "clan", "crime family"}  # "the Sinaloa cartel" is the Sinaloa Cartel
# a group noun in the singular names one group, the one right before it, whatever names precede that one
SINGULAR_HEADS = words("cartel gang faction cell clan clique coalition cosca").union(
    {
        "'ndrina",
        "’ndrina",
        "crime group",
        "crime family",
        "family",
        "trafficking family",
        "criminal group",
        "criminal organization",
        "criminal organisation",
        "criminal gang",
        "drug trafficking organization",
        "drug trafficking organisation",
        "gang coalition",
    }
)
PLACE_FIRST = words("Ciudad Puerto")  # Spanish town names' head words ("Ciudad Juárez", "Puerto Cortés")
# verbs a headline capitalises, which the model reads as one-word names
HEADLINE_VERBS = words(
    "killed arrested captured extradited sentenced charged indicted sanctioned designated convicted "
    "released detained wanted jailed accused seized named murdered shot expelled deported targeted"
)
# the statuses US designations give, which the model reads as organizations
DESIGNATION = re.compile(
    r"^(?:(?:Foreign )?Terrorist Organi[sz]ations?|Transnational Criminal Organi[sz]ations?"
    r"|Specially Designated (?:Global Terrorists?|Narcotics Traffickers?|Nationals?)"
    r"|Significant Foreign Narcotics Traffickers?)$"
)
DESCRIBING_WORDS = "based|linked|born|led|backed|allied"
DESCRIBING = re.compile(rf"-(?:{DESCRIBING_WORDS})$")  # "Mexico-based": no name's word
CRIME_NETWORK = re.compile(
    rf"\b({CAP}(?: (?:{CONNECT} )*{CAP}){{0,3}}) (?:(?:trafficking|smuggling|criminal) )?"
    r"(?:network|organisation|organization)\b"
)
NEW_GROUP = re.compile(
    r"(?<![\w-])(?:(?:La|El|Los|Las|The) )?(?:Nueva|Nuevo|Nuevos|Nuevas|Nuova|Nuovo|New)(?: Grande)? $"
)
NAMED_POLICY = re.compile(
    rf'"({CAP}(?: {CAP}){{0,4}})[,.]?" (?:policy|plan|strategy|initiative|program|programme|doctrine)\b'
    rf"|\b({CAP}(?: (?:{CONNECT} )*'?{CAP}){{1,5}})(?: \([A-Z][A-Z-]+\))? "
    r"(?:policy|strategy|initiative|program|programme)\b"
)
# the offices releases name by their seat: "Manhattan U.S. Attorney Geoffrey S. Berman"
SEAT_ATTORNEY = re.compile(r"\b(Manhattan|Brooklyn) ((?:U\.\s?S\.|US|United States) Attorney)\b")
SEATS = {"Manhattan": "Southern District of New York", "Brooklyn": "Eastern District of New York"}
# "alias", "a.k.a.", "better known as", "known in Spanish as": a second name of the actor just named
# "the Departments of Justice, State and Treasury": one body per name after the plural
PLURAL_BODIES = re.compile(
    rf"\b(Departments|Ministries|Secretariats)\sof\s((?:the\s)?{CAP}(?:\s{CAP})*"
    rf"(?:(?:,\s|,?\sand\s)(?:the\s)?{CAP}(?:\s{CAP})*)+)"
    # "Justice, Treasury, and State Departments"
    rf"|\b({CAP}(?:(?:,\s|,?\sand\s){CAP})+)\s(Departments|Ministries)\b"
)
SINGULAR = {"Departments": "Department", "Ministries": "Ministry", "Secretariats": "Secretariat"}
# "the United States Attorney for the Southern District of New York", "U.S. Attorney Jane Roe for the
# District of Columbia": the district names the attorney's office. The district is a state or territory
# (the federal judicial districts), so a name right after it is no part of it: "U.S. Attorney for the
# Southern District of New York Preet Bharara".
US_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
    "Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
    "Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|"
    "North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|"
    "South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|"
    "Columbia|Puerto Rico|Guam|the Virgin Islands|the Northern Mariana Islands"
)
ATTORNEY_FOR = re.compile(
    rf"\b((?:U\.\s?S\.|US|United States) Attorney)(?:['’]s Office)?"
    rf"(?: {CAP}(?: (?:[A-Z]\.|{CAP})){{1,3}})?"
    # "for the Southern District of Texas", or after the name and a comma: "X, Southern District of Texas"
    rf"(?:,? (?:for|of|in) the |, (?=(?:Northern|Southern|Eastern|Western|Middle|Central) ))"
    rf"((?:(?:Northern|Southern|Eastern|Western|Middle|Central) )?District of (?:{US_STATES})\b)"
)
# the marks that put a second name after a first ("A, a/k/a B"); ALIAS_WORDS adds the wordings
ALIAS_MARK = r"(?:alias|aka|a\.k\.a\.|a/k/a)"
ALIAS_WORDS = (
    rf"(?:{ALIAS_MARK}|(?:also |better |more commonly |widely )?known (?:in [A-Z][a-z]+ )?as|"
    r"known by the (?:nickname|alias|name)|nicknamed|dubbed)"
)
NICKNAME = re.compile(
    rf"\b(?:{ALIAS_WORDS}|known collectively as(?: the)?)"
    r"""\s+(?:"([^"]{2,40}?)[,.]?"|'([^"']{2,40}?)[,.]?')"""
)
# kin named by their given names after the word for them: "four siblings: Benedetto, Filippo, Giuseppe and
# Nunzia", "his three brothers, Alex, Basel, and Abdala" (each a person, though the model runs two together)
_KIN_NAME = r"[A-ZÁÉÍÓÚÜÑ][a-záéíóúüñ'’-]+(?: [A-ZÁÉÍÓÚÜÑ][a-záéíóúüñ'’-]+){0,3}(?: Jr\.?)?"
# each name whole (never the first words or letters of a longer one) and a person's ("Campbell brothers,
# Detroit Partnership, Genovese crime family" lists groups)
_KIN = rf"(?>{_KIN_NAME})(?! [A-ZÁÉÍÓÚÜÑ]| (?:crime|mafia|mob|gang|cartel|clan|family|crew|syndicate)\b)"
KIN_LIST = re.compile(
    rf"\b(?:siblings|brothers|sisters|sons|daughters|children)\s?[:,]\s?"
    rf"(?P<names>{_KIN}(?:(?:,\s|,?\sand\s){_KIN})+)"
)
INNER_NICK = re.compile(rf'\b({CAP}(?:\s{CAP})?)\s"([^"]{{2,30}}?)"\s({CAP}(?:\s{CAP}){{0,2}})')
# "(DEA)", "(MS-13)", "(TdA)": at least two capitals
ACRONYM = re.compile(r"\s\(([A-Z](?=[a-z.&\-]?[A-Z])[A-Za-z0-9.&\-]{1,9})\)")
SPANISH_PLURAL = re.compile(r"^(?:Los|Las)\s")
# Only groups are members' organisations, split from one another or form alliances: a name in these
# places is a criminal group even when nothing in the name says so ("the Guerreros del Cavata").
GROUP_CONTEXT_BEFORE = re.compile(
    r"\b(?:members?|leaders?|head|boss|faction|wing|cell|splinter|offshoot|operatives?|hitmen|"
    r"founders?) of (?:the )?$|\b(?:commands|commanded|leads|heads|headed) the $|"
    r"\b(?:rival |two |three |several )*(?:factions|wings|cells|cliques),? (?:the )?$|"
    r"\b(?:split|splintered|broke away|broke off) from (?:the )?$|"
    r"\b(?:alliance|allied|allies|ally|war|battling|fighting|feuding|clashing|dispute|conflict|feud) with "
    r"(?:the )?$|\b(?:with|against|and|by) (?:the |a |its )?(?:rival|rivals|archrival|enemy) $"
)
GROUP_CONTEXT_AFTER = re.compile(
    r"^,? (?:an? (?:[a-z-]+ )?(?:cell|faction|group|gang|offshoot|splinter group) (?:that|which) )?"
    r"(?:split|splintered|broke away|broke off)(?: off| away)? from\b|"
    # "the Bonde do Norte, a gang from Pará", "the Sacra Corona Unita (SCU), a mafia-type organization"
    r"^(?: \([A-Z][\w.&-]+\))?, (?:an?|the) (?:[a-z-]+ ){0,2}(?:gang|cartel|crime group|criminal group|"
    r"faction|militia|clan|mafia|(?:criminal|crime|mafia|mafia-type|mafia-style|drug trafficking) "
    r"(?:organi[sz]ation|syndicate|network))\b(?!['’])"  # "X, the gang's leader": the gang is another
    # "After Kakuji Inagawa, the gang was led by": the noun starts a clause of its own, no description
    r"(?! (?:was|is|were|are|has|had|have|will|would|could|then|later|soon|also|now|still)\b)"
)
LIST_GAP = re.compile(r"^(?:,? and |, )$")

CALENDAR = words(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December"
)

TYPE_CODES = {
    "Person": "P",
    "CriminalOrganization": "C",
    "GovernmentOrganization": "G",
    "State": "S",
    "Policy": "Y",
    "Organization": "O",
    "Place": "L",
}


@dataclass
class Mention:
    """A span of a paragraph naming (or referring to) one or more actors."""

    start: int
    end: int
    text: str
    type: str | None
    source: str  # gazetteer, rule, nickname, ner, coref
    entry: Entry | None = None
    keys: tuple[str, ...] = ()  # entity keys, set by resolution
    demonym: bool = False  # "Mexican" in "Mexican Foreign Minister": the state as a modifier
    alias_of: str | None = None  # for nicknames: the surface of the name they belong to
    extras: dict[str, str | tuple[str, ...]] = field(default_factory=dict)  # "also": other names

    @property
    def code(self) -> str:
        return "D" if self.demonym else TYPE_CODES.get(self.type or "", "X")


def type_by_heads(name: str, crime_context: bool = False) -> str | None:
    """The node type a name's head words imply, or None.

    >>> type_by_heads("Jalisco New Generation Cartel"), type_by_heads("Ministry of Defense")
    ('CriminalOrganization', 'GovernmentOrganization')
    >>> type_by_heads("Bicentennial Framework"), type_by_heads("Cartel del Noreste")
    ('Policy', 'CriminalOrganization')
    >>> type_by_heads("Kinahan Organised Crime Group")
    'CriminalOrganization'
    >>> type_by_heads("Primer Cartel Uruguayo"), type_by_heads("La Oficina", crime_context=True)
    ('CriminalOrganization', 'CriminalOrganization')
    >>> type_by_heads("Secondigliano Alliance", crime_context=True), type_by_heads("Pacific Alliance")
    ('CriminalOrganization', None)
    >>> type_by_heads("Pagans Motorcycle Club", True), type_by_heads("Rockers MC", True)
    ('CriminalOrganization', 'CriminalOrganization')
    >>> type_by_heads("Yamaken Gumi"), type_by_heads("Kodo-kai"), type_by_heads("Tang Kriang Kai")
    ('CriminalOrganization', 'CriminalOrganization', None)
    >>> type_by_heads("Brisa Cartel in March"), type_by_heads("La Oficina")
    (None, None)
    """
    words = [w.strip("'’").casefold() for w in re.findall(r"[\w'’-]+", name)]
    if not words:
        return None
    first, last = words[0], words[-1].removesuffix("'s").removesuffix("’s")
    # "La Empresa", "El Comando": a Spanish head noun after its article
    lead = words[1] if first in ARTICLES and len(words) > 1 else first
    if last in CRIME_HEADS or first in {"cartel", "cártel"}:
        return "CriminalOrganization"
    if (last.endswith(("-gumi", "-kai")) and len(last) > 5) or (last == "gumi" and len(words) > 1):
        return "CriminalOrganization"  # "Yamaguchi-gumi", "Kodo-kai", "Yamaken Gumi": a yakuza group's suffix
    inner = next((i for i, w in enumerate(words[1:-1], 1) if w in {"cartel", "cártel"}), None)
    if inner is not None and last not in GOV_HEADS and words[inner + 1] not in CONNECTORS:
        return "CriminalOrganization"  # "Primer Cartel Uruguayo": the head noun inside a Spanish name
    if len(words) > 2 and words[-2] == "crime" and last in {"group", "family", "syndicate", "network"}:
        return "CriminalOrganization"  # "Kinahan Organised Crime Group", "the Gambino Crime Family"
    # "Revolutionary Armed Forces of Colombia": the head is the word before "of"
    head = words[words.index("of", 1) - 1] if "of" in words[1:] else last
    if REBEL_HEADS & {last, head} and any(w in REBEL_WORDS for w in words) and len(words) > 1:
        return "CriminalOrganization"
    if (first in CRIME_FIRST or lead in CRIME_FIRST) and len(words) > 1 and crime_context:
        return "CriminalOrganization"
    if last in FAMILY_WORDS and len(words) > 1 and crime_context:
        return "CriminalOrganization"  # "the Valle Valle family", "the Galeano crime family"
    if last in UNION_HEADS and len(words) > 1 and crime_context:
        return "CriminalOrganization"  # "the Secondigliano Alliance" of Camorra clans
    if (
        (last == "mc" or words[-2:] in (["motorcycle", "club"], ["motor", "club"]))
        and len(words) > 1
        and crime_context
    ):
        return "CriminalOrganization"  # "the Pagans Motorcycle Club", "Rockers MC": an outlaw biker club
    if first in POLICY_FIRST and len(words) > 1:
        return "Policy"  # "Operation Black Tie", "Campaign Martillo"
    if head != last:  # "Armed Forces of Colombia", "Office of the Attorney General"
        for heads, kind in ((CRIME_HEADS, "CriminalOrganization"), (GOV_HEADS, "GovernmentOrganization")):
            if head in heads:
                return kind
    if last in PARTY_HEADS:
        return "Organization"
    # "Bloque Norte", "the 36th Front", "Frente Vallenato": the armed-group noun leads in Spanish names
    if (last in ARMED_HEADS or first in ARMED_HEADS) and crime_context:
        return "CriminalOrganization"
    if last == "organization" or last == "organisation":
        return "CriminalOrganization" if crime_context else "Organization"
    if last in POLICY_HEADS or first in {"plan"}:
        return "Policy"
    # "Comprehensive Plan Against Extortion", "National Strategy for Security"
    if any(w in POLICY_HEADS and nxt in POLICY_LINKS for w, nxt in pairwise(words[1:])):
        return "Policy"
    if last in GOV_HEADS or first in {
        "department",
        "ministry",
        "court",
        "secretariat",
        "office",
        "bureau",
        "attorney",
        # Spanish, Italian and Portuguese names of bodies lead with their head noun
        "guardia",
        "policía",
        "polícia",
        "polizia",
        "fiscalía",
        "procuraduría",
        "ministerio",
        "ministero",
        "secretaría",
        "procura",
    }:
        return "GovernmentOrganization"
    if last in ORG_HEADS or first in {"university"}:
        return "Organization"
    return None


def _clean(text: str, start: int) -> tuple[str, int, int]:
    """Drop a leading "the" and a trailing possessive from a span; return text and new bounds."""
    end = start + len(text)
    m = re.match(r"[•·▪◦‣*\-–—]\s*", text)  # a list's bullet, which the model keeps in the name
    if m:
        start, text = start + m.end(), text[m.end() :]
    m = re.match(r"(?:[Tt]he|[AaFf]\.[Kk]\.[Aa]\.)\s+", text)  # "a.k.a. Ivan Marquez": the alias mark
    if m:
        start, text = start + m.end(), text[m.end() :]
    m = re.search(r"['’]s?$|-(?:and|or)$", text)  # "Los Viagras-and seven individuals": a dash for a comma
    if m:
        end, text = end - len(m.group(0)), text[: m.start()]
    return text, start, end


CRIME_WORDS = re.compile(
    r"\b(?:crime|criminal|cartels?|drugs?|trafficking|gangs?|narco\w*|armed groups?|dissidents?|guerrillas?|"
    r"factions?|mafias?|clans?|cocaine|extortion|splinter|split from|broke away|commanders?|hashish|heroin|"
    r"fentanyl|methamphetamine|marijuana|smuggl\w*|launder\w*|extort\w*|hitm[ae]n|sicarios?|racketeering)\b",
    re.I,
)


def find_mentions(text: str, gaz: Gazetteer, ents: Iterable[tuple[int, int, str]]) -> list[Mention]:
    """Every actor mention in a paragraph, longest and most trusted first, without overlaps.

    `ents` are spaCy entities as (start, end, label); an empty list runs the rule-only pipeline.
    """
    crime = bool(CRIME_WORDS.search(text))
    found: list[tuple[int, Mention]] = []  # (priority, mention); lower priority wins ties on overlap

    for m in NICKNAME.finditer(text):
        g = 1 if m.group(1) else 2  # double or single quotes
        if m.group(0).startswith("known collectively"):  # a name for the group the subject forms
            entry = gaz.entry_for(m.group(g))  # "the Chapitos": the curated Los Chapitos
            entry = entry if entry is not None and entry.type == "CriminalOrganization" else None
            group = Mention(m.start(g), m.end(g), m.group(g), "CriminalOrganization", "collective", entry)
            found.append((0, group))
        else:
            found.append((0, Mention(m.start(g), m.end(g), m.group(g), None, "nickname")))
    for m in NAMED_POLICY.finditer(text):
        # '"Total Peace" policy', 'the Frontera Segura (FS) program': the name before a policy noun
        g = 1 if m.group(1) else 2
        start, name = m.start(g), m.group(g)
        if name.startswith("The ") and m.group(2):  # "The OCDETF program" opening a sentence
            start, name = start + 4, name[4:]
        entry = gaz.entry_for(name)
        if entry is not None and entry.type != "Policy":
            continue  # "the OCDETF program": a body's program, named by the body
        if name not in NOT_NAME:
            found.append((0, Mention(start, start + len(name), name, "Policy", "rule")))
    for m in COMPANY.finditer(text):
        name, start, end = _clean(m.group(1), m.start(1))
        if name.split()[0] not in NOT_NAME:
            found.append((0, Mention(start, end, name, "Organization", "rule")))
    for m in PLURAL_BODIES.finditer(text):
        names, plural = (2, 1) if m.group(1) else (3, 4)
        for part in re.finditer(rf"(?:the\s)?{CAP}(?:\s{CAP})*", m.group(names)):
            words = part.group(0).split()
            start = m.start(names) + part.start() + (4 if words[0] == "the" else 0)
            name = f"{SINGULAR[m.group(plural)]} of {' '.join(words)}"
            entry = gaz.entry_for(name) or gaz.entry_for(name.replace(" of ", " of the ", 1))
            kind, source = (entry.type, "gazetteer") if entry else ("GovernmentOrganization", "rule")
            found.append((0, Mention(start, m.start(names) + part.end(), name, kind, source, entry)))
    for m in ATTORNEY_FOR.finditer(text):
        called = f"{m.group(1)} for the {m.group(2)}"  # the office as the text calls it
        found.append((0, _attorney_office(m.start(2), m.end(2), m.group(2), called)))
    for m in SEAT_ATTORNEY.finditer(text):
        # the seat alone is the mention: the title after it is read by loaders/titles.py
        found.append((0, _attorney_office(m.start(1), m.end(1), SEATS[m.group(1)], m.group(0))))
    for m in ACRONYM.finditer(text):
        found.append((1, Mention(m.start(1), m.end(1), m.group(1), None, "acronym")))
    for m in KIN_LIST.finditer(text):
        for name in re.finditer(_KIN_NAME, m.group("names")):
            start = m.start("names") + name.start()
            if len(name.group(0).removesuffix(" Jr.").removesuffix(" Jr").split()) > 2:
                continue  # "Juan Carlos Montes Bobadilla": a full name, the model's to read
            if name.group(0) not in NOT_NAME and gaz.entry_for(name.group(0)) is None:
                found.append((0, Mention(start, start + len(name.group(0)), name.group(0), "Person", "rule")))
    for m in INNER_NICK.finditer(text):
        if m.group(1) in NOT_NAME:
            continue
        full = f"{m.group(1)} {m.group(3)}"
        found.append((0, Mention(m.start(), m.end(), full, "Person", "rule", extras={"nick": m.group(2)})))
    for m in gaz.finditer(text):
        surface = text[m.start() : m.end()]
        entry = gaz.entry_for(surface)
        renewed = NEW_GROUP.search(text[max(0, m.start() - 20) : m.start()])
        if entry is not None and entry.type == "CriminalOrganization" and renewed:
            # "La Nueva Familia Michoacana" is a successor group, not the curated La Familia Michoacana
            start = m.start() - len(renewed.group(0)) + (4 if renewed.group(0).startswith("The ") else 0)
            # "Nuova Camorra Organizzata", "Nuova Grande Camorra Pugliese": its last word too
            tail = re.match(r" [A-Z][a-z]+(?![\w-])", text[m.end() :])
            end = m.end() + (len(tail.group(0)) if tail and tail.group(0).strip() not in NOT_NAME else 0)
            found.append((0, Mention(start, end, text[start:end], entry.type, "rule")))
        elif entry is not None:
            found.append((1, Mention(m.start(), m.end(), surface, entry.type, "gazetteer", entry)))
        elif m.group(0) in gaz.demonyms and (
            re.search(r"\b(?:in|into|from) $", text[max(0, m.start() - 6) : m.start()])
            or text[m.end() : m.end() + 1] == ":"
        ):
            continue  # "known in Spanish as", "(Spanish: Cártel de Juárez)": a language, not the state
        elif m.group(0) in gaz.demonyms:
            # below naming rules, so "Guatemalan Army" stays one body
            demonym = Mention(m.start(), m.end(), surface, "State", "gazetteer", gaz.demonyms[m.group(0)])
            demonym.demonym = True
            found.append((3, demonym))
        mafia = NATION_MAFIA.match(text, m.end()) if m.group(0) in gaz.demonyms else None
        if mafia and surface not in MANY_MAFIAS:
            name = text[m.start() : mafia.end()]
            known = gaz.entry_for(name)
            kind = known.type if known else "CriminalOrganization"
            found.append((0, Mention(m.start(), mafia.end(), name, kind, "rule", known)))
        force = STATE_FORCE.match(text, m.end())
        if force and (m.group(0) in gaz.demonyms or (entry is not None and entry.type in ("State", "Place"))):
            # "the Mexican army", "Venezuela's military", "Brazilian federal police": the state's body
            name = text[m.start() : force.end()]
            known = gaz.entry_for(name)
            found.append((0, Mention(m.start(), force.end(), name, "GovernmentOrganization", "rule", known)))
    for m in GROUP_LIST.finditer(text):
        # "the Cali and North Valle drug cartels", "the Tijuana and Sinaloa Cartels"
        head = m.group(2).removeprefix("drug ").replace("Cartels", "cartels")
        if head == "families" and " and " not in m.group(1):
            continue  # "the Moran and Pettingill families" are two; "the Arellano families" may be kin
        if head == "family" and not re.fullmatch(
            r"(?:[A-Z]\S* )+[Mm]afia", re.split(r",\s|,?\sand\s", m.group(1))[-1]
        ):
            continue  # "the Catania Mafia family" is a group's name; "the Guzmán family" may be kin
        parts = list(re.finditer(rf"(?:\d{{1,4}}\s)?{CAP}(?:\s(?:{CONNECT}\s)*{CAP})*", m.group(1)))
        if head in SINGULAR_HEADS:
            parts = parts[-1:]  # "Allies: Armenian Power, Gambino crime family": only the last is a family
        for part in parts:
            # "History\nThe clan was founded": a heading's line is no part of the name after it
            line = part.group(0).rfind("\n") + 1
            name = part.group(0)[line:]
            if name in NOT_NAME or name in gaz.demonyms or name in COUNTS:
                continue  # "One faction is known as", "Two cartels": a count names no group
            if DESCRIBING.search(name):
                continue  # "a Mexico-based cartel" describes a group, it does not name one
            end = m.start(1) + part.end()
            # "Fabio Ochoa Vásquez of the Medellin cartel": a person's name, then the group's; "the
            # Guatemala-based Lorenzana … organization": a base, then the name
            owner = re.match(r"(.+) of (?:the )?(?=\S)", name)
            # in the singular the noun names only what follows the last "of" ("Elio Lorenzana of the
            # Lorenzana crime family")
            cut = (
                owner.end()
                if owner and (head in SINGULAR_HEADS or owner.group(1).split()[0] in given_names())
                else 0
            )
            described = re.match(rf"\S+-(?:{DESCRIBING_WORDS}) (?=\S)", name)
            cut = described.end() if described else cut
            name = name[cut:]
            named = head in NAMED_BY_HEAD and " and " not in m.group(1)
            if named:
                name, end = f"{name} {head.title()}", m.end(2)  # "the Sinaloa cartel" is its name
            elif head == "trafficking organization" and " and " not in m.group(1):
                # "the Lorenzana drug trafficking organization", as OFAC names such groups
                name, end = f"{name} Drug Trafficking Organization", m.end(2)
            elif head in KEPT_HEADS:
                name, end = f"{name} {m.group(2)}", m.end(2)  # "Morabito 'ndrina", as written
            start = m.start(1) + part.start() + line + cut
            # (and an infobox label run into its value: "Allies Cuntrera-Caruana Mafia clan")
            lead = re.match(
                r"(?:(?:The|A|An|In|And|But|While|When|After|Although|Rival|Allied|Allies|Rivals|Membership|"
                r"Allegiance)\s)+",
                name,
            )
            if lead:
                start, name = start + lead.end(), name[lead.end() :]
            typed: dict[str, str | tuple[str, ...]] = {
                "typed": f"{name} {head}" if end < m.end(2) else text[start : m.end(2)]
            }
            # "the Tijuana, Juárez and Sinaloa cartels": each is "<name> Cartel", the gazetteer's when it
            # knows that name, so one cartel is one node whatever the sentence shares between them
            single = head[:-3] + "y" if head.endswith("ies") else head.removesuffix("s")
            single = {"'ndrine": "'ndrina", "’ndrine": "’ndrina", "cosche": "cosca"}.get(single, single)
            whole = f"{name} {single.title()}" if end < m.end(2) and single in NAMED_BY_HEAD else None
            whole = f"{name} {single}" if end < m.end(2) and single in KEPT_HEADS else whole
            entry = gaz.entry_for(whole or name) if whole or named else None
            if whole and entry is None:
                typed["also"] = (whole,)
            kind = entry.type if entry else "CriminalOrganization"
            # a known cartel's name outranks the place it shares it with ("Sinaloa" in "… Sinaloa cartels");
            # so does a place's name right after "the" that the noun follows ("the La Guajira cartel"), where
            # "a Camorra clan", "the strongest Camorra clan" only describe a group
            known = gaz.entry_for(name[: -len(head) - 1]) if named else None  # the words before the noun
            place = known is None or known.type in ("Place", "State")
            rank = 0 if entry else 1 if named and place and text[max(0, start - 4) : start] == "the " else 2
            found.append((rank, Mention(start, end, name, kind, "rule", entry, extras=typed)))
    for run, at in _capital_runs(text):
        name, s, e = _clean(run, at)
        for link in re.finditer(r" of (?:the )?(?=[A-Z])", name):
            # "Secretary Gregg Hershberger of the Maryland Department of Public Safety": a person, then
            # the body of a state or a place, which outranks the place
            body = name[link.end() :].split()
            if (
                len(body) > 2
                and _place_first(body, gaz)
                and type_by_heads(" ".join(body)) == "GovernmentOrganization"
            ):
                # "… of Public Safety and Correctional Services": one department's name
                more = re.match(rf" and {CAP}(?: {CAP})*", text[e:])
                end = e + (more.end() if more else 0)
                body_name = text[s + link.end() : end]
                found.append((0, Mention(s + link.end(), end, body_name, "GovernmentOrganization", "rule")))
        cut = re.search(r" (?:in|on|for) ", name)
        if cut and type_by_heads(name[: cut.start()]) and not type_by_heads(name, crime):
            name = name[: cut.start()]  # "National Police in San Pedro Sula": the body, then a place
        unit = re.search(r" (of|in) ", name)
        head = name[: unit.start()].split()[-1].casefold() if unit else ""
        if crime and unit and (head in UNIT_HEADS or (unit.group(1) == "in" and head in GROUP_HEADS)):
            # "the 30th Front of the FARC", "the Calima Bloc of the AUC", "the 27th Front … in the Eastern
            # Bloc", "the Greek Mob in Philadelphia": a unit's or a group's name ends at its head noun; what
            # it belongs to or works in is a name of its own ("the Independent Cartel of Acapulco" is one)
            name = name[: unit.start()]
        words = name.split()
        if MIDDLE_INITIAL.search(text[max(0, s - 40) : s]) and len(words) > 1:
            # "Lanny A. Breuer of the Criminal Division": the initial cut the run; its first word is the
            # person's surname, not the body's
            s += len(words[0]) + 1
            words = words[1:]
        # "Director of the RS Administration": a title word, then the links that tied it to the name
        while words and (
            words[0] in NOT_NAME or (words[0].islower() and len(words) > 1 and not words[0][0].isdigit())
        ):
            s += len(words[0]) + 1
            words = words[1:]
        # "Colombian National Police Director Jorge Luis Vargas": the body, then its head's title and name
        at_title = next((i for i, w in enumerate(words[1:], 1) if w in OFFICE_HEADS), 0)
        if at_title and type_by_heads(" ".join(words[:at_title])) == "GovernmentOrganization":
            words = words[:at_title]
        name = " ".join(words)
        if DESIGNATION.search(name) or DESIGNATION.search(f"Foreign {name}"):
            continue  # "a designated Foreign Terrorist Organization": a status, no actor's name
        kind = type_by_heads(name, crime) if len(words) > 1 else type_by_heads(name) if words else None
        vague = kind is None or (kind == "Organization" and words[-1].casefold().startswith("organi"))
        if (
            vague
            and words
            and not POSSESSIVE.match(text, s + len(name))  # "members of Pablo Escobar's cartel"
            and (
                GROUP_CONTEXT_BEFORE.search(text[max(0, s - 40) : s])
                or GROUP_CONTEXT_AFTER.match(text[s + len(name) :])
            )
        ):
            found.append((3, Mention(s, s + len(name), name, "CriminalOrganization", "rule")))
        elif kind and kind != "Person" and (len(words) > 1 or "-" in name):  # "Kodo-kai" is one word
            # "Maryland Department of Public Safety": a state's or a place's body outranks the place
            placed = kind == "GovernmentOrganization" and len(words) > 2 and _place_first(words, gaz)
            found.append((0 if placed else 3, Mention(s, s + len(name), name, kind, "rule")))
        elif (
            kind is None
            and crime
            and SPANISH_PLURAL.match(name)
            and len(words) > 2
            and not re.search(r" (?:in|on|for|of|the|y) ", name)  # "Los Marejadas in April"
            and not PLACE_BEFORE.search(text[max(0, s - 40) : s])
        ):
            # "Los Cuervos del Sur": people are not called "Los ..."; the model keeps only "Los Cuervos"
            found.append((3, Mention(s, s + len(name), name, "CriminalOrganization", "rule")))
        elif (
            kind is None
            and _looks_like_name(name)
            and (words[0] in given_names() or _person_context(text, s, s + len(name)))
        ):
            # "led by Ana Ruiz Peña", "Ana Ruiz Peña, alias "La Güera"": the model missed a person; a
            # name told only by its given name yields to the model's span ("Geoffrey S. Berman")
            particle = ARABIC_PARTICLE.match(text, s + len(name))  # "Samer Kamal al-Assad"
            name = text[s : particle.end()] if particle else name
            trusted = _person_context(text, s, s + len(name))
            found.append((3 if trusted else 5, Mention(s, s + len(name), name, "Person", "rule")))
    if crime:
        # "the Albanian Kola network", "the Atlántico Norte network": in a crime paragraph, a group's name
        for m in CRIME_NETWORK.finditer(text):
            start, words = m.start(1), m.group(1).split()
            while words and (words[0] in NOT_NAME or words[0] in gaz.demonyms):
                start += len(words.pop(0)) + 1
            if words and not DESCRIBING.search(words[-1]):  # "a Tamaulipas-based network" names none
                found.append(
                    (2, Mention(start, m.end(), text[start : m.end()], "CriminalOrganization", "rule"))
                )
    places = [
        m for _, m in found if m.source == "gazetteer" and m.type in ("Place", "State") and not m.demonym
    ]
    # "the Colima Cartel" from the capitalised run outranks "Colima" the place, as the model's would
    found = [
        (1 if p == 3 and m.type in BODIES and _named_after_place(text, m, places) else p, m) for p, m in found
    ]
    for m in CAPS_NAME.finditer(text):
        if _caps_person(text, m, gaz):
            found.append((3, Mention(m.start(), m.end(), m.group(0), "Person", "rule")))
    for s, e, label in ents:
        while s > 0 and text[s - 1].isdigit():
            s -= 1  # "14K": the model's "K" is the end of a name that starts with digits
        found.extend(
            (1 if label == "ORG" and _named_after_place(text, m, places) else 4, m)
            for m in _from_ner(text, s, e, label, crime)
        )
    for m in given_name_runs().finditer(text):
        # "Secretary of the Treasury Scott Bessent": a known given name and capitalised words after it
        if type_by_heads(m.group(0)) is None:
            found.append((5, Mention(m.start(), m.end(), m.group(0), "Person", "rule")))
    chosen = _complete_lists(text, _people_by_context(text, _join_people(text, _select(found))))
    people = [_trim_person(text, m) if m.type == "Person" and m.source in ("ner", "rule") else m
              for m in chosen]  # fmt: skip
    # "John P. Gilbride, Special Agent-in-Charge, …": what is left of a title is no one's name
    return [m for m in people if m.type != "Person" or not _title_only(m.text)]


# Capitalised words of titles and offices that run into a person's name in releases ("DEA Special Agent
# in Charge Raymond Donovan", "Under Secretary for Terrorism and Financial Intelligence Brian Nelson")
TITLE_WORDS = words(
    "Acting Admiral Administrator Agent Alleged Ambassador Assistant Associate Attorney Brig Capt "
    "Captain Charge Chief Col Colonel Commander Commerce Commissioner Congressman Congresswoman "
    "Defense Department Deputy Director Dr Enforcement Executive Financial Foreign Former Gen General "
    "Governor Inspector Intelligence Interior Judge Justice Late Lieutenant Lt Magistrate Major "
    "Manhattan Marine Mayor Minister Mr Mrs Ms Officer President Prosecutor Rep Representative "
    "Secretary Security Sen Senator Senior Sergeant Special Spokesman Spokesperson Superintendent "
    "Terrorism Treasury Under Vice"
)


# the titles of those who head a body, said right after its name
OFFICE_HEADS = words("Director Commissioner Secretary Administrator Chief Minister Superintendent Commander")
TITLE_NEXT = re.compile(rf" (?:{'|'.join(sorted(TITLE_WORDS))})\b")


@cache
def given_names() -> frozenset[str]:
    """Common given names (loaders/data/given_names.txt): a name that holds one starts there."""
    text = resources.files("ocgraph.loaders").joinpath("data/given_names.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def _demonyms() -> frozenset[str]:
    return frozenset(_gazetteer().demonyms)


@cache
def _place(word: str) -> bool:
    """Whether a word is a state's or place's name in the gazetteer ("Honduras")."""
    entry = _gazetteer().entry_for(word)
    return entry is not None and entry.type in ("State", "Place")


@cache
def _gazetteer() -> Gazetteer:
    return Gazetteer()


def _nationality(word: str) -> bool:
    """Whether a word is a nationality ("Italian", "Bosnian-Dutch") and so no part of a person's name."""
    return all(part in _demonyms() for part in word.split("-"))


@cache
def given_name_runs() -> re.Pattern[str]:
    """A known given name followed by one to four more parts of a name (initials, particles, surnames)."""
    names = "|".join(sorted(map(re.escape, given_names()), key=len, reverse=True))
    part = rf"(?:[A-Z]\.|{CAP}|(?:de|del|la|los|da|dos|do|di|van|von)(?= [A-Z]))"
    return re.compile(rf"(?<![\w-])(?:{names})(?: {part}){{1,4}}(?![\w-])")


def person_start(name: str) -> int:
    """How many leading words of a person's name are a title or office, not the name.

    >>> person_start("Financial Intelligence Brian E. Nelson"), person_start("Charge Raymond Donovan")
    (2, 1)
    >>> person_start("Joaquín Guzmán Loera"), person_start("Treasury Scott Bessent")
    (0, 1)
    >>> person_start("Judge Smith")
    1
    """
    parts = name.split()
    i = 0
    while i < len(parts) - 1 and (parts[i].rstrip(".") in TITLE_WORDS or _nationality(parts[i])):
        i += 1
    given = given_names()
    if parts[i] not in given:
        # "Law Enforcement Affairs Kirsten D. Madison": an office's words before a known given name; one
        # unknown word before it is more often a given name the list lacks ("Naji Ibrahim Sharifi")
        first = i + 1 if _place(parts[i]) else i + 2  # "Ambassador to Honduras James Nealon"
        later = next((j for j in range(first, len(parts) - 1) if parts[j] in given), None)
        if later is not None and all(p[:1].isupper() for p in parts[i:later]):
            i = later
    return i


def _office_words(before: str) -> bool:
    """Whether capitalised words that follow `before` end an office's name ("Secretary of Public
    Security", "Assistant Secretary of State for International Narcotics and Law Enforcement Affairs"):
    they follow "of", "for" or "and" after a title word."""
    hit = re.search(r"(\S+(?: \S+){0,8}) (?:of|for|and) $", before[-90:])
    return hit is not None and any(w.rstrip(",.") in TITLE_WORDS for w in hit.group(1).split())


def _names_an_office(run: str, before: str) -> bool:
    """Whether the capitalised words before a person's name are an office's ("Secretary of Public
    Security Garcia Luna"), not given names the model cut off ("…, and Hugo Adalberto Velazquez")."""
    words = run.split()
    return len(words) > 1 and not any(w in given_names() for w in words) and _office_words(before)


LABELS = re.compile(r" (?:Factbox|Profile|Timeline|Explainer|Obituary|Fact Sheet)\s*$")  # a heading's label


def _trim_person(text: str, m: Mention) -> Mention:
    label = LABELS.search(m.text)  # "Don Berna Factbox": a heading's label is no part of the name
    if label and label.start():
        m = replace(m, end=m.start + label.start(), text=m.text[: label.start()])
    cut = person_start(m.text)
    if not cut and _office_words(text[: m.start]):
        # "Secretary of State John Kerry": the model ran the office's last word into the name
        parts, given = m.text.split(), given_names()
        cut = next((j for j in range(1, len(parts) - 1) if parts[j] in given and parts[0] not in given), 0)
    if not cut:
        return m
    start = m.start + [w.start() for w in re.finditer(r"\S+", m.text)][cut]
    return replace(m, start=start, text=text[start : m.end])


# Where only a person can stand: the model's ORG "Lisandro Peña Urías" in these places is a person.
TITLED = re.compile(
    r"\b(?:Minister|President|Governor|Secretary|Administrator|Director|Commissioner|Senator|Judge|Ambassador|"
    rf"Prosecutor|General|Mayor|Mr\.|Ms\.|Mrs\.|Dr\.) ({CAP}(?: {CAP}){{1,4}})"
)
PERSON_BEFORE = re.compile(
    r"(?:\b(?:leader|boss|chief|head|member|members|lieutenant|son|daughter|brother|sister|wife|founder|"
    r"chairman|chairwoman|deputy|cousins?|nephews?|uncle|father|mother|husband|godfather|kingpin|capo|"
    r"financier|accountant|operatives?|associates?|sons|brothers|thief in law|"
    r"Minister|President|Governor|Secretary|Mr\.|Ms\.|Mrs\.|Dr\.),? |\b(?:succeeded|replaced|led|headed|"
    r"commanded|run|founded)(?: (?:since|from|in) \d{4})? by |"
    r"\b(?:arrest|conviction|capture|whereabouts)(?: and/or \w+)? of |\binformation (?:on|about) )$"
)
_ROLES = (
    r"(?:member|leader|boss|chief|lieutenant|son|daughter|brother|sister|father|mother|successor|founder|"
    r"operative|hitman|operator|launderer|financier|associate|accountant|enforcer|plaza boss|trafficker|"
    r"smuggler|recruiter|commander)\b"
)
PERSON_AFTER = re.compile(
    rf"^(?:,? (?:who|alias|aka|a/k/a)\b|, \d{{1,3}},|,? (?:the|a|an) (?:[a-z'-]+ ){{0,3}}?{_ROLES}"
    r"| (?:founded|leads|led|heads|headed|joined|replaced|succeeded|runs|ran|commands|commanded)\b"
    r"| (?:has|had) (?:led|headed|run|commanded)\b| took (?:over|control|charge|command)\b"
    r"|'s (?:(?:older|younger|eldest|half-|late) ?)?(?:son|daughter|brother|sister|father|mother|wife|"
    r"husband|nephew|niece|cousin|widow)s?\b"
    rf"| (?:is|was) (?:a|an|the) (?:[a-z-]+ ){{0,3}}?{_ROLES}"
    r"| (?:was|were|has been) (?:arrested|extradited|sentenced|killed|captured|detained|succeeded|"
    r"replaced)\b)"
)


PERSON_NAMED_AFTER = re.compile(
    rf"""^,? (?:{ALIAS_MARK}|also known as|known as|nicknamed|"""
    r"""known by the (?:nickname|alias)) ["'\u201c]"""
)
PERSON_NAMED_BEFORE = re.compile(
    r"\b(?:(?:led|headed|commanded|run|founded|replaced|succeeded)(?: (?:since|from|in) \d{4})? by|"
    r"leaders?|brothers?|sons?|daughters?|sisters?|father|mother|nephew|cousin|wife|husband)(?: [a-z]+)?,? $"
)


def _person_context(text: str, start: int, end: int) -> bool:
    """Whether only a person can stand at text[start:end] (a nickname follows, or "led by" precedes)."""
    return bool(
        PERSON_NAMED_AFTER.match(text[end:])
        or PERSON_BEFORE.search(text[max(0, start - 40) : start])
        or PERSON_AFTER.match(text[end:])
        or PERSON_NAMED_BEFORE.search(text[max(0, start - 30) : start])
    )


ARABIC_PARTICLE = re.compile(r"(?: (?:al|el|bin|ibn|abu)-?[A-Z][\w'’-]+)+")
NAME_LINKS = words("de del la las los y da do dos di van von")  # "Marta Alvarado de Funes"


def _attorney_office(start: int, end: int, district: str, called: str) -> Mention:
    """A U.S. Attorney's office, under its full name, keeping what the text calls it and its district
    alone, which releases also name it by ("the Western District of Texas" in "U.S. Attorney John F. Bash
    for the Western District of Texas")."""
    office = Mention(
        start, end, f"U.S. Attorney's Office for the {district}", "GovernmentOrganization", "rule"
    )
    office.extras["also"] = (called, district)
    return office


def _title_only(name: str) -> bool:
    """Whether a name is a title's words alone ("Special Agent-in-Charge")."""
    return all(w in TITLE_WORDS or w == "in" for w in re.split(r"[\s-]+", name))


def _looks_like_name(name: str) -> bool:
    words = name.split()
    return (
        2 <= len(words) <= 5
        and all(w[0].isupper() or w in NAME_LINKS for w in words[1:-1])
        and words[0][0].isupper()
        and words[-1][0].isupper()
        and type_by_heads(name) is None
        and not SPANISH_PLURAL.match(name)  # "Los Tigres" is a group
    )


def _people_by_context(text: str, chosen: list[Mention]) -> list[Mention]:
    """The model's ORG or place that stands where only a person can is a person."""
    for m in chosen:
        weak = m.source == "ner" and m.type in ("Organization", "Place") and _looks_like_name(m.text)
        if weak and (
            PERSON_BEFORE.search(text[max(0, m.start - 30) : m.start]) or PERSON_AFTER.match(text[m.end :])
        ):
            m.type = "Person"
    return chosen


def _join_people(text: str, chosen: list[Mention]) -> list[Mention]:
    """The model cuts "Eulalio Tapia Ruelas" into "Eulalio Tapia" + "Ruelas": join people one space apart."""
    out: list[Mention] = []
    for m in chosen:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.type == m.type == "Person"
            and prev.source == m.source == "ner"
            and text[prev.end : m.start] == " "
        ):
            out[-1] = Mention(prev.start, m.end, text[prev.start : m.end], "Person", "ner")
        else:
            out.append(m)
    return out


def _complete_lists(text: str, chosen: list[Mention]) -> list[Mention]:
    """In "A, B and C" where A and C are people, B is a person too (the model often misses one)."""
    people = [m for m in chosen if m.type == "Person"]
    extra = []
    for m in CAP_SEQ.finditer(text):
        words = m.group(0).split()
        if not 2 <= len(words) <= 5 or words[0] in NOT_NAME or type_by_heads(m.group(0)):
            continue
        inside = [c for c in chosen if c.start < m.end() and m.start() < c.end]
        if inside and not (
            len(inside) == 1
            and inside[0].source == "ner"
            and inside[0].type == "Organization"
            and (inside[0].start, inside[0].end) == m.span()
        ):
            continue
        near = any(
            LIST_GAP.match(text[p.end : m.start()]) or LIST_GAP.match(text[m.end() : p.start]) for p in people
        )
        if near:
            if inside:
                inside[0].type = "Person"
            else:
                extra.append(Mention(m.start(), m.end(), m.group(0), "Person", "rule"))
    # "the Metros and the Scorpions": an unnamed capitalised name listed with a group is a group
    groups = [m for m in chosen if m.type == "CriminalOrganization"]
    # ("the 400 Lakou": a number may lead the name; the model's guess inside it gives way)
    dropped: list[Mention] = []
    for m in re.finditer(
        rf"(?<=\band the )(?:\d{{1,4}} )?{CAP}(?: {CAP}){{0,3}}|"
        rf"(?:\d{{1,4}} )?{CAP}(?: {CAP}){{0,3}}(?= and the )",
        text,
    ):
        inside = [c for c in [*chosen, *extra] if c.start < m.end() and m.start() < c.end]
        weak = all(c.source == "ner" and m.start() <= c.start and c.end <= m.end() for c in inside)
        if m.group(0) in NOT_NAME or (inside and not (weak and m.group(0)[0].isdigit())):
            continue
        if any(
            re.fullmatch(r",? and the ", text[g.end : m.start()])
            or re.fullmatch(r" and (?:the )?", text[m.end() : g.start])
            for g in groups
        ):
            dropped.extend(inside)
            extra.append(Mention(m.start(), m.end(), m.group(0), "CriminalOrganization", "rule"))
    chosen = [c for c in chosen if all(c is not d for d in dropped)]
    # "DEA Administrator Jane Roe": a name right after a title is a person's
    for m in TITLED.finditer(text):
        s, e = m.span(1)
        if not type_by_heads(m.group(1)) and not any(c.start < e and s < c.end for c in [*chosen, *extra]):
            extra.append(Mention(s, e, m.group(1), "Person", "rule"))
    return sorted([*chosen, *extra], key=lambda x: x.start)


# Where a name is a place, not a person: "in Tamaulipas", "Reynosa, Tamaulipas", "the port of X"
PLACE_BEFORE = re.compile(
    rf"(?:\b(?:port|province|state|city|town|municipality|department|region|village|district) of|"
    rf"\b(?:in|near|across|throughout|outside|into)|\b(?:in|near|outside) {CAP}(?: {CAP})*,|"
    rf"\b(?:in|near) {CAP}(?: {CAP})* (?:and|or)) $"
)


GENERIC = CRIME_HEADS | GOV_HEADS | ORG_HEADS | POLICY_HEADS
ABSTRACT = re.compile(r"(?:ism|ity|ence|ance|ment|ness|tion)$")


def _line(text: str, start: int, end: int) -> str:
    """The whole line (or lines) that text[start:end] stands on."""
    after = text.find("\n", end)
    return text[text.rfind("\n", 0, start) + 1 : after if after >= 0 else len(text)]


def _short_line_end(text: str, start: int, end: int) -> int:
    """Where a short line (a title, a label: "Lo Hsing Han" / "Native name", "Biography") ends inside
    text[start:end], or -1; the long lines of a hard-wrapped text ("Attorney General Douglas" /
    "Meléndez") run on."""
    brk = text.find("\n", start, end)
    return brk if brk > start and brk - (text.rfind("\n", 0, start) + 1) < 60 else -1


def _from_ner(text: str, s: int, e: int, label: str, crime: bool) -> list[Mention]:
    cut = _short_line_end(text, s, e)
    if cut >= 0:
        e = cut  # a title's or label's line ends the name
    name, s, e = _clean(text[s:e], s)
    stripped = name.strip(' \n\t,.()"')
    if stripped and stripped != name:
        s += name.index(stripped)
        name, e = stripped, s + len(stripped)
    name = stripped
    if " (" in name:  # "The Texas Syndicate (Sindicato Tejano": the name ends where its gloss opens
        name = name[: name.index(" (")]
        e = s + len(name)
    if not name or name in NOT_NAME or name.casefold() in GENERIC:
        return []  # "the Organization", "the Department": a head word alone names no one
    if label == "ORG" and _title_only(name):
        return []  # "Magistrate Judge Deborah A. Robinson": a title's words name no one
    if label == "ORG" and " " not in name and ABSTRACT.search(name) and not name.isupper():
        return []  # "for Terrorism and Financial Intelligence": an abstract noun of a title, no body
    if label == "PERSON" and name.casefold() in HEADLINE_VERBS:
        return []  # "Los Pachenca Leader Killed": a headline's capitalised verb
    if DESIGNATION.search(name):
        return []  # "a designated Foreign Terrorist Organization": a status, no actor's name
    place = PLACE_BEFORE.search(text[max(0, s - 40) : s])
    # after "in" only a one-word name ("in Tamaulipas"; "in Ana Ruiz's trial" names a person)
    if label == "PERSON" and place and (" " not in name or place.group(0).rstrip().endswith(" of")):
        return [Mention(s, e, name, "Place", "ner")]  # "violence in Tamaulipas", "the port of Gioia Tauro"
    if label == "PERSON":
        # the model's "LNFM traffics fentanyl": a name stops at its first lowercase word
        lower = re.search(
            rf" (?!(?:{CONNECT}) |(?:al|el|ad|as|ash|ar|az)-|(?:bin|ibn|van|von|der) )[a-z]", name
        )
        if lower:
            name = name[: lower.start()]
            e = s + len(name)
        # the model cuts "Ovidio Guzmán López" to "Guzmán López": take capitalised words just before
        before = re.search(rf"((?:{CAP} )+)$", text[:s])  # not past a line break ("Biography")
        if before and _names_an_office(before.group(1), text[: s - len(before.group(1))]):
            before = None  # "Secretary of Public Security Garcia Luna": the office's words, not his names
        if before:
            extra = [w for w in before.group(1).split()]
            while extra and (extra[0] in NOT_NAME or not extra[0][0].isupper()):
                extra = extra[1:]
            if extra and all(w not in NOT_NAME for w in extra):
                s -= len(" ".join(extra)) + 1
                name = text[s:e]
        # ... and cuts "Salvatore Esposito Ranieri" to "Salvatore": take the surnames just after
        tail = re.match(rf"(?: {CAP}){{1,3}}", text[e : e + 60]) if len(name.split()) < 4 else None
        for w in tail.group(0).split() if tail else []:
            if w in NOT_NAME or w in CALENDAR or type_by_heads(w) or len(name.split()) >= 4:
                break
            e += len(w) + 1
            name = text[s:e]
        kind = type_by_heads(name, crime) if len(name.split()) > 1 else None
        if kind is None and SPANISH_PLURAL.match(name):
            kind = "CriminalOrganization"  # people are not called "Los ..."; groups are
        parts = name.split()
        if (
            kind is None
            and crime
            and len(parts) >= 3
            and parts[1] in ("de", "del")
            and parts[0] not in given_names()
        ):
            kind = "CriminalOrganization"  # "Tren del Llano": no given name before "del", a group's name
        if kind is None and parts[0] in PLACE_FIRST and len(parts) > 1:
            kind = "Place"  # "Ciudad Juárez", "Puerto Cortés": a town, whatever the model says
        return [Mention(s, e, name, kind or "Person", "ner")]
    if label == "ORG":
        if re.fullmatch(rf"(?:El|La)\s{CAP}", name):  # the model's "El Chapo" as ORG: a nickname
            # ... unless a place noun precedes it ("the province of El Oro")
            return [Mention(s, e, name, "Place" if place else "Person", "ner")]
        # "NCA Branch Commander Jane Roe": the unit word belongs to the title that follows, not the body
        unit = re.fullmatch(r"(.+?) (?:Branch|Field|Unit|Division|Section|Regional|Area)", name)
        if unit and TITLE_NEXT.match(text[e:]) and re.fullmatch(CAP, unit[1]):
            name, e = unit[1], s + len(unit[1])
        owner = re.match(rf"({CAP}(?: {CAP}){{1,3}})['’]s ", name)
        if owner and owner[1].split()[0] in given_names():
            # "Pablo Escobar's Medellin Cartel": a person's group, two actors
            person = Mention(s, s + len(owner[1]), owner[1], "Person", "ner")
            rest = _from_ner(text, s + owner.end(), e, label, crime)
            return [person, *rest]
        titled = person_start(name)
        rest = " ".join(name.split()[titled:])
        if titled and type_by_heads(name) is None and _looks_like_name(rest):
            # the model's ORG "Acting Administrator Uttam Dhillon": a title, then a person's name
            return [Mention(e - len(rest), e, rest, "Person", "ner")]
        kind = type_by_heads(name, crime)
        if kind is None and crime and SPANISH_PLURAL.match(name):
            kind = "CriminalOrganization"
        if kind is None and name.split()[0] in given_names() and _looks_like_name(name):
            kind = "Person"  # the model's ORG "Ridouan Taghi": a known given name starts a person's name
        return [Mention(s, e, name, kind or "Organization", "ner")]
    if label in {"GPE", "LOC"}:
        if SPANISH_PLURAL.match(name) and not re.search(r"\b(?:in|near|at|from|to)\s$", text[:s]):
            return [Mention(s, e, name, "CriminalOrganization", "ner")]  # "Los Chapitos" as a place
        if " " in name and name.split()[0] in given_names() and _looks_like_name(name) and not place:
            return [Mention(s, e, name, "Person", "ner")]  # "under the leadership of Darko Šarić" as a place
        return [Mention(s, e, name, "Place", "ner")]
    if label in {"FAC", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT"}:
        kind = type_by_heads(name, crime)
        return [Mention(s, e, name, kind, "ner")] if kind else []
    return []


MIDDLE_INITIAL = re.compile(rf"(?<![\w-]){CAP} [A-Z]\. $")  # "Lanny A. " right before a capitalised run


def _capital_runs(text: str) -> Iterator[tuple[str, int]]:
    """Runs of capitalised words, each with its offset; a short line (a heading: "Biography") ends its
    run, a hard-wrapped long line does not."""
    for m in CAP_SEQ.finditer(text):
        at, end = m.start(), m.end()
        if ordinal := ORDINAL_BEFORE.search(text, max(0, at - 6), at):
            at = ordinal.start()  # "the 7th Front", "the 101st Airborne Division": the number is the name's
        # a line ending in a link word runs on ("the U.S. Department of" / "Justice")
        while (cut := _short_line_end(text, at, end)) >= 0 and not re.search(
            rf"\b(?:{CONNECT})$", text[at:cut]
        ):
            yield text[at:cut], at
            at = end - len(text[cut:end].lstrip())
        yield text[at:end], at


def _caps_person(text: str, m: re.Match[str], gaz: Gazetteer) -> bool:
    """Whether a run of words in capitals is a person's name: in a line with lowercase text (not a
    heading), no common word or count in it, and no word or the whole a known body, place or acronym
    ("ICE HSI", "NEW YORK", "SIX ELN")."""
    if (
        not re.search(r"[a-z]{3}", _line(text, m.start(), m.end()))
        or TITLE_NEXT.match(text[m.end() :])
        or re.match(r" \d", text[m.end() :])
    ):
        return False  # a heading, a title's words, a programme's version ("EL PACCTO 2.0")
    parts = m.group(0).split()
    if parts[0] in ("EL", "LA", "LOS", "LAS"):
        return False  # a group's or programme's name, not a person's
    if any(w in CAPS_NOT_NAME or w.title() in TITLE_WORDS for w in parts):
        return False
    return gaz.entry_for(m.group(0).title()) is None and not any(gaz.entry_for(w) for w in parts)


def _named_after_place(text: str, m: Mention, places: list[Mention]) -> bool:
    """Whether a body is named by a place and the capitalised nouns after it: "the Texas
    Syndicate", "the Orange County Sheriff", "the Sinaloa Federation" are bodies, where the place alone
    would win. Not a title after a place ("United States Magistrate Judge"), a place inside a name
    ("U.S.-Mexico Bicentennial Framework") or a headline's capitalised words."""
    if m.type in ("Person", "Place"):
        return False
    place = next((p for p in places if p.start == m.start and p.end < m.end), None)
    rest = text[place.end : m.end].split() if place else []
    if not rest or not all(re.fullmatch(r"[A-Z][a-z]+", w) and w not in TITLE_WORDS for w in rest):
        return False
    if rest[-1] in ("Government", "Administration", "Authorities"):  # the state itself
        return False
    if re.search(r"[\w.-]$", text[: m.start]) or TITLE_NEXT.match(text[m.end :]):
        return False
    line = _line(text, m.start, m.end).split()
    return any(w[:1].islower() and len(w) > 3 for w in line)  # a headline capitalises every word


def _place_first(words: list[str], gaz: Gazetteer) -> bool:
    """Whether a body's name is a place, a state or a demonym and a body the gazetteer does not know
    ("Maryland Department of Public Safety", "Colombian National Police"; not "U.S. Drug Enforcement
    Administration", which is the DEA)."""
    entry = gaz.entry_for(words[0])
    place = words[0] in gaz.demonyms or (entry is not None and entry.type in ("Place", "State"))
    return place and gaz.entry_for(" ".join(words[1:])) is None


def _select(found: list[tuple[int, Mention]]) -> list[Mention]:
    """Keep the most trusted, then longest, mention of each stretch of text."""
    chosen: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for _, m in sorted(found, key=lambda pm: (pm[0], -(pm[1].end - pm[1].start), pm[1].start)):
        if m.end <= m.start or any(m.start < e and s < m.end for s, e in taken):
            continue
        chosen.append(m)
        taken.append((m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)
