"""The English wordings of facts about people: membership, leadership, family, succession, detention."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ocgraph.loaders.relations import Fact, Sentence, allowed, expand, slots
from ocgraph.loaders.roles import (
    APPOS,
    CHILD,
    DESC,
    END,
    FORMER,
    FORMER2,
    LEADER,
    MEMBER,
    NOT_ADJ,
    ROLE,
    SIBLING,
    pair_rule,
    role_rule,
)


def led_by(m: re.Match[str], sent: Sentence) -> Iterator[Fact]:
    """ "X is led by A and B", and "led by brothers A and B": the brothers are also siblings."""
    yield from pair_rule("leader_of", "s", "o", "led-by")(m, sent)
    if m.group("kin"):
        people = slots(m.group("s"))
        for i, a in enumerate(people):
            for b in people[i + 1 :]:
                for ka in sent.keys(a):
                    for kb in sent.keys(b):
                        if ka != kb and allowed("sibling_of", sent.type(a), sent.type(b)):
                            yield Fact(ka, "sibling_of", kb, 0.9, "led-by-siblings")


def took_over(m: re.Match[str], sent: Sentence) -> Iterator[Fact]:
    """succeeded_by from the one before to each who took over; the one before led the group named."""
    yield from pair_rule("succeeded_by", "a", "b", "took-over")(m, sent)
    if m.group("prev") and m.group("g"):
        for ka in sent.keys(int(m.group("a"))):
            for kg in sent.keys(int(m.group("g"))):
                if allowed("leader_of", sent.type(int(m.group("a"))), sent.type(int(m.group("g")))):
                    yield Fact(ka, "leader_of", kg, 0.9, "took-over-predecessor", {"status": "former"})


IRREALIS = re.compile(
    r"\b(?:demand\w*|call\w* for|sought|seek\w*|order\w*|request\w*|warrants? for|push\w* for|urg\w*|"
    r"want\w*|avoid\w*|evad\w*|escap\w*|resist\w*)\s+(?:the\s+)?$"
)


def _real_arrest(m: re.Match[str], sent: Sentence) -> Iterator[Fact]:
    """ "the arrest of A by B" is an arrest unless it was only demanded, sought or ordered."""
    if not IRREALIS.search(sent.template[: m.start()]):
        yield from pair_rule("detained_by", "a", "b", "arrest-of-by")(m, sent)


def _its_leader(m: re.Match[str], sent: Sentence) -> Iterator[Fact]:
    """ "its founder, A" names the group's leader only when one group comes before "its"."""
    if len(re.findall(r"\{C\d+\}", sent.template[: m.end("o") + 1])) == 1:
        yield from pair_rule("leader_of", "s", "o", "its-leader")(m, sent)


def _its_part(m: re.Match[str], sent: Sentence) -> Iterator[Fact]:
    """ "B leads its branch": B is a member of the one group named before in the sentence."""
    groups = {sent.keys(int(n)) for n in re.findall(r"\{C(\d+)\}", sent.template[: m.start("s")])}
    if len(groups) == 1:
        yield from pair_rule("member_of", "s", "o", "leads-its-part")(m, sent)


RULES = [
    # "Sinaloa Cartel members A, B and C", "Mexican Foreign Minister Marcelo Ebrard", "El Chapo's son Ovidio"
    (
        "premodifier",
        expand(
            rf"{FORMER}<CGSDOP:o>(?:'s)? {FORMER2}(?:[a-z-]+ )?(?P<role>{ROLE})s?{END}"
            rf" <P+:s>"
        ),
        role_rule("s", "o", "premodifier"),
    ),
    # "X, the older brother of Y", "X is a member of Y", "X, who leads..."
    (
        "of-role",
        expand(
            rf"<PCGO+:s>(?:, |,? (?:is|was|are|were|became|remains|has been|had been) (?:also |now |still |"
            rf"reportedly |allegedly )?|, who (?:is|was|are|were) ){DESC}(?P<role>{ROLE})s?{END}"
            # "head of Mexico's Attorney General's Office": the office, not its possessor
            rf"(?: (?![a-z]+ed\b)[a-z]+)? (?:of|in|with|for|at|to|within) (?:\{{[A-Z]\d+\}}'s? )?<*:o>(?!')"
        ),
        role_rule("s", "o", "of-role"),
    ),
    # "X, another major Sinaloa Cartel figure", "X and another Sinaloa Cartel figure"
    (
        "appositive-premod",
        expand(
            rf"<PC:s>, [^.;:]*?(?:, |\band )(?:an?|another|the|one) (?P<adj>(?:{NOT_ADJ}[\w'-]+ ){{0,2}}?)"
            rf"<CGSDO:o>(?:'s)? {FORMER}(?P<role>{ROLE})s?{END}"
        ),
        role_rule("s", "o", "appos2"),
    ),
    (
        "appositive-premod0",
        expand(
            rf"<PC:s>, (?:an?|another|the|one) (?P<adj>(?:{NOT_ADJ}[\w'-]+ ){{0,2}}?)"
            rf"<CGSDO:o>(?:'s)? {FORMER}(?P<role>{ROLE})s?{END}"
        ),
        role_rule("s", "o", "appos"),
    ),
    # "X, the Brisa Cartel's top lieutenant" / "X, Brisa Cartel's top lieutenant"
    (
        "appositive-possessive",
        expand(
            rf"<P:s>, <CGSO:o>'s? {FORMER}(?:(?:top|senior|chief|main|longtime|second|current|new|acting) )?"
            rf"(?P<role>{ROLE}){END}(?! \{{)"
        ),
        role_rule("s", "o", "appos-possessive"),
    ),
    (
        "copula-premod",
        expand(
            rf"<PC+:s> (?:is|was|are|were|became) (?:also |now |reportedly |allegedly )?"
            rf"(?:an?|another|the|one) (?P<adj>(?:{NOT_ADJ}[\w'-]+ ){{0,2}}?)<CGSDO:o>(?:'s)? {FORMER}"
            rf"(?P<role>{ROLE})s?{END}"
        ),
        role_rule("s", "o", "copula"),
    ),
    # "X, one of the group's oldest members"
    (
        "one-of",
        expand(rf"<P:s>, (?:[^.;:]*?, )?one of <CGSO:o>'s? (?:[a-z]+ ){{0,2}}(?P<role>{ROLE})s?{END}"),
        role_rule("s", "o", "one-of"),
    ),
    # "the four sons of former Sinaloa Cartel leader Joaquín Guzmán Loera"
    (
        "children-of",
        expand(
            rf"<P+:s>,? (?:the |his |her )?(?:(?:[a-z]+) )?(?P<role>{CHILD})(?: and (?:heir|successor))? of "
            rf"(?:[^,;.{{}}]*?"
            rf"\{{[CGSDO]\d+\}}[^,;.{{}}]*?)?<P:o>"
        ),
        role_rule("s", "o", "children-of"),
    ),
    # "His brother, X, ..." (his = the person named before), "Y's son, X,"
    (
        "relative-appositive",
        expand(
            rf"<PC:o>(?:'s)? {FORMER}(?:(?:two|three|four|five|older|younger|eldest|half|new|current|top|"
            rf"founding) )?(?P<role>{ROLE}), <P+:s>"
            r"(?=,| (?:remain|remains|is|are|was|were|has|have|had|[a-z]+(?:s|ed))\b)"
        ),
        role_rule("s", "o", "relative-appositive"),
    ),
    # "X, whose father, Y, ..."
    (
        "whose-relative",
        expand(rf"<P:o>, whose (?:(?:older|younger|eldest|half|late) )?(?P<role>{ROLE}), <P:s>"),
        role_rule("s", "o", "whose-relative"),
    ),
    # "X serves as the Metros' chief of security", "X acted as the cartel's accountant"
    (
        "serves-as",
        expand(
            r"<P+:s>,? (?:who )?(?:(?:allegedly|reportedly|also|previously|once) )?"
            r"(?:serves|served|acts|acted|works|worked|operates|operated) as (?:an? |the )?<C:o>'s? "
            r"(?:(?:top|senior|chief|main|longtime|local|financial|security|operations) ){0,2}"
            rf"(?P<role>{ROLE}){END}"
        ),
        role_rule("s", "o", "serves-as"),
    ),
    # leadership and membership by verb
    (
        "leads",
        expand(
            rf"<P+:s>(?:{APPOS},? |,? who )(?:(?:allegedly|reportedly|currently|once|now|still|also|later) )*"
            r"(?:(?:has|have|had) (?:(?:long|also) )?)?(?:leads|led|heads|headed|runs|ran|run|"
            r"commands|commanded|founded|co-founded|controls|controlled) "
            r"(?:(?:the )?(?:original|old|new|main|so-called|powerful) )?<C:o>(?!')"
        ),
        pair_rule("leader_of", "s", "o", "leads"),
    ),
    (
        "joined",
        expand(
            rf"<P+:s>(?:{APPOS},? |,? who )"
            r"(?:joined|belongs to|belonged to|worked for|works for|fought for) <C:o>(?!')"
        ),
        pair_rule("member_of", "s", "o", "joined"),
    ),
    (
        "members-including",
        expand(
            r"(?:members|leaders|operatives|associates) of <C:o>,? (?:including|among them|such as) <P+:s>"
        ),
        pair_rule("member_of", "s", "o", "members-including"),
    ),
    (
        "led-by",
        expand(
            rf"<C:o>{APPOS},? (?:which is |which was |is |was |are |were |has been |have been )?"
            r"(?:led|headed|run|commanded|founded|co-founded) (?:(?:since|from|in) \d{4} )?by "
            # "headed by a former police officer, A": a description of the leader, then the name
            r"(?:an? (?:[a-z-]+ ){0,3}?[a-z-]+, )?"
            rf"(?:(?:the )?(?P<kin>{SIBLING}) )?<P+:s>"
        ),
        led_by,
    ),
    (
        "collective",
        expand(r"^<P+:s>[^.;]*? (?:are|were) (?:known )?collectively (?:known )?as <C:o>"),
        pair_rule("member_of", "s", "o", "collective"),
    ),
    # "X ... when he replaced its founder, A": "its" is the one group named before it in the sentence
    (
        "its-leader",
        expand(
            r"<C:o>(?:[^.;{}]|\{[PLSGD]\d+\})*?\bits (?:late |former |first |previous |longtime )?"
            r"(?:founder|co-founder|leader|boss|chief|head|commander), <P:s>"
        ),
        _its_leader,
    ),
    # "the arrest of its previous boss, A, by the army"
    (
        "arrest-of-by",
        expand(
            r"\b(?:arrest|capture|detention|apprehension) of (?:(?:his|her|its|their|the) (?:[a-z-]+ ){0,2}?"
            r"[a-z-]+, )?<P+:a>,? (?:by|at the hands of) <GS:b>"
        ),
        _real_arrest,
    ),
    # "A took over Los Pulpos in 2021 from his uncle, B"
    (
        "took-over-from",
        expand(
            r"<P:b>,? (?:[^.;{}]*? )?took (?:over|control of|charge of|command of) <C:g>(?: in \d{4})? from "
            r"(?:(?:his|her|its|their|the) (?:[a-z-]+ ){0,2}?[a-z-]+, )?<P:a>"
        ),
        pair_rule("succeeded_by", "a", "b", "took-over-from"),
    ),
    # "the gang's operations in Santiago, and B leads its Peruvian branch": "its" is the one group before
    (
        "leads-its-part",
        expand(
            r"<C:o>[^.;]*? <P+:s> (?:(?:also|now) )?(?:leads|led|heads|headed|runs|ran|commands|commanded|"
            r"oversees|oversaw|manages|managed) its (?:\{D\d+\} |[A-Za-z-]+ ){0,2}"
            r"(?:branch|operations|cell|wing|faction|unit|network)\b"
        ),
        _its_part,
    ),
    # "A took control of the group in 2020", "A, his brother, took over the cartel"
    (
        "took-control",
        expand(
            rf"<P+:s>(?:{APPOS},? |,? who )(?:later |then |has |had )?(?:took (?:over|control of|charge of|"
            r"command of)|assumed (?:control|command|leadership) of|seized control of) <C:o>(?!')"
        ),
        pair_rule("leader_of", "s", "o", "took-control"),
    ),
    # "X is the group's main recruiter", "X was the cartel's top enforcer"
    (
        "copula-possessive",
        expand(
            rf"<P+:s>,? (?:is|was|are|were|has been|had been|remains) (?:also |now |still )?"
            rf"(?:(?:considered|regarded as|seen as|described as) )?<CGO:o>'s "
            rf"{FORMER}(?:(?:top|senior|chief|main|longtime|second|current|new|acting|principal|local) )?"
            rf"(?P<role>{ROLE}){END}(?! of\b)"
        ),
        role_rule("s", "o", "copula-possessive"),
    ),
    # "the group's logistics chief, A", "the cartel's top enforcer, A"
    (
        "group-role-appositive",
        expand(
            rf"<C:o>'s {FORMER}(?P<adj>(?:[a-z-]+ ){{0,2}}?)(?P<role>{LEADER}|{MEMBER}), <P+:s>"
            r"(?=,| (?:remain|remains|is|are|was|were|has|have|had|[a-z]+(?:s|ed))\b)"
        ),
        role_rule("s", "o", "group-role-appositive"),
    ),
    # "X is a commander of the group's armed wing, the Bloque Y": the role is in the wing named after
    (
        "role-of-wing",
        expand(
            rf"<P+:s>,? (?:is|was|are|were|has been|had been) (?:also )?(?:an?|the|one) (?:[a-z-]+ )?"
            rf"(?P<role>{ROLE}){END} of \{{C\d+\}}'s (?:[a-z-]+ )?(?:wing|faction|cell|arm|branch|unit), "
            r"<C:o>"
        ),
        role_rule("s", "o", "role-of-wing"),
    ),
    # "A, the son and heir of jailed boss B": B was succeeded by A
    (
        "heir-of",
        expand(
            r"<P:s>, (?:(?:who|whom) [a-z ]{0,40}?(?:described|called|named|identified|considered|regarded) "
            r"as )?(?:the |his |her )?(?:(?:son|daughter|nephew|brother) and )?"
            r"(?:heir|successor|heir apparent) (?:apparent )?(?:to|of) "
            r"(?:[^,;.{}]{0,60}?(?:\{[CGSDO]\d+\}[^,;.{}]*?)?)?<P:o>"
        ),
        pair_rule("succeeded_by", "o", "s", "heir-of"),
    ),
    # "A was captured in 2022, and his deputy, B, took the reins": B succeeded A
    (
        "deputy-took-over",
        expand(
            r"<P:a> [^.;{}]*?(?:\{[GSLD]\d+\}[^.;{}]*?)*\band (?:his|her) (?:[a-z-]+ )?(?:deputy|lieutenant|"
            r"second-in-command|number two|right-hand man|brother|son|daughter|sister|successor), <P:b>, "
            r"(?:then |later |quickly )?(?:took (?:over|the reins|control|command|charge)|stepped in|assumed "
            r"(?:control|command|leadership))"
        ),
        pair_rule("succeeded_by", "a", "b", "deputy-took-over"),
    ),
    # "the Cuervos went their own way under A", "the cartel expanded under the leadership of A"
    (
        "under-leader",
        expand(
            r"<C:o> (?:[^.;{}]|\{[LSD]\d+\})*?\bunder (?:the (?:leadership|command|control) of )?<P:s>(?!')"
        ),
        pair_rule("leader_of", "s", "o", "under-leader"),
    ),
    # "A ran the Orellana clan with his two sons, B and C": "his" is the sentence's subject
    (
        "with-his-relatives",
        expand(
            rf"^<P:o>{APPOS},? [^.;{{}}]*?(?:\{{[CGLS]\d+\}}[^.;{{}}]*?)?\b(?:with|and) (?:his|her) "
            rf"(?:(?:two|three|four|five|older|younger|eldest) )?(?P<role>{CHILD}|{SIBLING}), <P+:s>"
        ),
        role_rule("s", "o", "with-his-relatives"),
    ),
    # "B was detained in the same operation by agents of the Attorney General's Office"
    (
        "detained-by-agents-of",
        expand(
            rf"<P+:a>{APPOS},? (?:was|were|has been|had been) (?:arrested|captured|detained|apprehended)"
            r"[^.;{}]{0,40}? by (?:agents|officers|members|officials|troops|soldiers|investigators|police) "
            r"(?:of|from) <GS:b>"
        ),
        pair_rule("detained_by", "a", "b", "detained-by-agents-of"),
    ),
    # "A allegedly ran drug sales and extortion for the CJNG": work done for a group is membership
    (
        "ran-for",
        expand(
            rf"<P+:s>(?:{APPOS},? |,? who )(?:(?:allegedly|reportedly|also|once) )?"
            r"(?:ran|runs|managed|manages|oversaw|oversees|handled|handles|coordinated|coordinates|"
            r"organi[sz]ed|organi[sz]es) "
            r"(?:the )?[a-z ,-]{3,60}? for <C:o>(?!')"
        ),
        pair_rule("member_of", "s", "o", "ran-for"),
    ),
    # "A, who heads the cartel's operations in Michoacán": a part of the group, so a member of it
    (
        "heads-part",
        expand(
            r"<P+:s>,? (?:who )?(?:(?:allegedly|reportedly|also|now) )?(?:heads|headed|runs|ran|leads|led|"
            r"oversees|oversaw|manages|managed|controls|controlled|commands|commanded) <C:o>'s "
            r"(?:[a-z-]+ ){0,2}"
            r"(?:operations|finances|network|logistics|wing|cell|business|sales|security|money|branch)\b"
        ),
        pair_rule("member_of", "s", "o", "heads-part"),
    ),
    # "Y's son, A, is ..., and another son, B, was arrested": B is Y's child too
    (
        "another-relative",
        expand(
            rf"<P:o>'s (?:(?:older|younger|eldest) )?(?P<role>{CHILD}|{SIBLING}), \{{P\d+\}},[^.;]*?,? and "
            rf"(?:another|a second|a third|(?:his|her) other) (?:(?:older|younger) )?(?:{CHILD}|{SIBLING}), "
            r"<P:s>"
        ),
        role_rule("s", "o", "another-relative"),
    ),
    # "two brothers, A and B", "the sisters A and B"
    (
        "siblings-pair",
        expand(
            r"\b(?:[Tt]wo|[Bb]oth|[Tt]he) (?:half-)?(?:brothers|sisters|siblings),? <P:a>(?:,? and ) ?<P:b>"
        ),
        pair_rule("sibling_of", "a", "b", "siblings-pair"),
    ),
    # succession: A succeeded_by B
    (
        "replaced",
        expand(
            r"<PCY:b>(?:,? who)? (?:has |had )?(?:replaced|replaces|succeeded|succeeds|superseded|"
            r"supersedes|took over from|took the reins from) <PCY:a>"
        ),
        pair_rule("succeeded_by", "a", "b", "replaced"),
    ),
    (
        "replaced-by",
        expand(r"<PCY:a> (?:was|is|has been|had been) (?:replaced|succeeded|superseded) by <PCY:b>"),
        pair_rule("succeeded_by", "a", "b", "replaced-by"),
    ),
    (
        "leaving-behind",
        expand(r"<Y:b>[^.;]*?\bleaving <Y:a> behind"),
        pair_rule("succeeded_by", "a", "b", "leaving"),
    ),
    # "A took over the X after its longtime boss, B, was captured"; "A became head of X after the death
    # of his predecessor, B": B was succeeded by A, and led X before
    (
        "took-over-after",
        expand(
            r"<P+:b>,? (?:who )?(?:took (?:over|control|charge|command)|assumed (?:control|command|"
            r"leadership)|became (?:the )?(?:new )?(?:leader|head|boss|chief|commander))(?: of)? "
            r"(?:<C:g> )?[^.;{}]*?(?:after|following|when) (?:the (?:[0-9a-z-]+ )?(?:death|arrest|capture|"
            r"killing|extradition|fall|imprisonment|murder) of )?(?:(?:his|her|its|their|the) (?:[a-z-]+ )?"
            rf"(?P<prev>predecessor|{LEADER}), )?<P:a>"
        ),
        took_over,
    ),
    # "A had led the gang since 2020, when he replaced its founder, B"
    (
        "when-he-replaced",
        expand(
            r"<P:b> (?:[^.;{}]|\{[CGSL]\d+\})*?\b(?:when|after|as) (?:he|she) "
            r"(?:replaced|succeeded|took over from) "
            r"(?:(?:his|her|its|their|the) (?:[a-z-]+ ){0,2}?[a-z-]+, )?<P:a>"
        ),
        pair_rule("succeeded_by", "a", "b", "when-he-replaced"),
    ),
    (
        "replacing",
        expand(
            r"<P:b> [^.;{}]*?, (?:replacing|succeeding) (?:(?:his|her|its|their|the) (?:[a-z-]+ ){0,2}?"
            r"[a-z-]+, )?<P:a>"
        ),
        pair_rule("succeeded_by", "a", "b", "replacing"),
    ),
    # family by verb
    (
        "are-siblings",
        expand(
            rf"<P:a> and <P:b>,? (?:who |both of whom )?(?:are|were) (?:(?:twin|half|older|younger) )?"
            rf"(?:{SIBLING}){END}"
        ),
        pair_rule("sibling_of", "a", "b", "are-siblings"),
    ),
    # detention
    (
        "jailed-in",
        expand(
            rf"<P+:a>{APPOS},?(?: —| -)? "
            r"(?:who (?:is|was) |was |were |is |has been |had been |after being |after )?"
            # "was captured in 2021 and extradited to the United States"
            r"(?:(?:captured|arrested|detained|convicted|sentenced|tried)[^.;{}]{0,40}? and "
            r"(?:later |then )?)?"
            r"(?:now |later |currently |recently |subsequently |since )?(?:jailed|imprisoned|incarcerated|"
            r"detained|arrested|captured|apprehended|held|extradited|behind bars|serving [a-z ]+)"
            r"(?: [a-z]+){0,2}?(?: from \{[SL]\d+\})? (?:in|by|to) <GS:b>"
        ),
        pair_rule("detained_by", "a", "b", "jailed"),
    ),
    # "A was arrested in Medellín in March by the Attorney General's Office"
    (
        "arrested-where-by",
        expand(
            rf"<P+:a>{APPOS},? (?:was|were|has been|had been) "
            r"(?:arrested|captured|detained|apprehended|jailed)"
            r"(?: (?:in|on|at|near) (?:\{L\d+\}|[A-Z][a-z]+(?: \d{1,4})?|\d{4}))+ by <GS:b>"
        ),
        pair_rule("detained_by", "a", "b", "arrested-where-by"),
    ),
    (
        "jailed-by-demonym",
        expand(
            r"<P+:a>,? (?:was |were |has been |had been )?(?:arrested|captured|detained|apprehended|jailed) "
            r"(?:[a-z0-9]+ ){0,2}by <D:b> (?:security |armed |federal |military |naval )?"
            r"(?:forces|authorities|police|troops|marines|soldiers|officials|army|navy|agents|prosecutors)\b"
        ),
        pair_rule("detained_by", "a", "b", "jailed-by-demonym"),
    ),
    (
        "arrested-obj",
        expand(
            r"<GSD:b>(?: [a-z]+)?(?: (?:on|last|this|early|late) [A-Za-z]+)? "
            r"(?:arrested|captured|detained|extradited|apprehended|jailed) <P+:a>"
        ),
        pair_rule("detained_by", "a", "b", "arrested"),
    ),
    # "Honduras extradited A, alias "B," to the United States": A ends up held by the receiving state
    (
        "extradited-obj-to",
        expand(r"\bextradited <P+:a>(?:,(?:[^.;{}]|\{[A-Z]\d+\}){0,80}?,)? to <GS:b>"),
        pair_rule("detained_by", "a", "b", "extradited-to"),
    ),
]
