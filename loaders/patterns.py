"""The English wordings of each predicate, as slot patterns over a sentence template."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ocgraph.loaders.relations import Fact, Sentence, allowed, expand, slots

LEADER = (
    r"co-founder|founder|leader|head|boss|chief|commander|kingpin|capo|ringleader|mastermind|jefe|CEO|"
    r"president|President|director|Director|governor|Governor|chairman|Chairman"
)
MEMBER = (
    r"second-in-command|plaza boss|security chief|number two|hit man|money launderer|member|operative|"
    r"associate|lieutenant|figure|hitman|enforcer|financier|trafficker|accountant|sicario|official|officer|"
    r"agent|spokesperson|spokesman|[A-Z][a-z]+ Minister|Minister|minister|Secretary|secretary|prosecutor|"
    r"deputy|commissioner|ambassador|envoy|writer|researcher|analyst|employee|soldier|operator|lawyer|"
    r"pilot|gunman|Attorney General"
)
CHILD = r"sons|son|daughters|daughter|children|child"
PARENT = r"father|mother|parent"
SIBLING = (
    r"half-brothers|half-brother|half-sisters|half-sister|brothers|brother|sisters|sister|siblings|sibling"
)
FACTION = r"armed wing|wing|faction|cell|branch|arm"
SPLINTER = r"splinter group|splinter|offshoot|breakaway group|breakaway faction|spin-off|spinoff"
SUCCESSOR = r"successor|heir|replacement"
RIVAL = r"archrival|arch-rival|rival|enemy|foe|adversary"
ALLY = r"ally|allies|partner"
PART = r"part|unit|division|component|agency|bureau|office"
ROLE = "|".join([LEADER, MEMBER, CHILD, PARENT, SIBLING, FACTION, SPLINTER, SUCCESSOR, RIVAL, ALLY, PART])
END = r"(?![\w-])"
FORMER = r"(?P<former>[Ff]ormer |ex-|onetime |late |one-time )?"
FORMER2 = r"(?P<former2>[Ff]ormer |ex-|onetime |late |one-time )?"


def _role_facts(role: str, s: str, o: str, st: str | None, ot: str | None, former: bool) -> list[tuple]:
    """(predicate, subject, object, properties) that `s` being the `role` of `o` implies."""
    r = role.casefold()
    status = {"status": "former"} if former else {}
    if re.fullmatch(CHILD, r):
        return [("child_of", s, o, {})]
    if re.fullmatch(PARENT, r):
        return [("child_of", o, s, {})]
    if re.fullmatch(SIBLING, r):
        return [("sibling_of", s, o, {})]
    if re.fullmatch(SPLINTER, r):
        return [("splinter_of", s, o, {})]
    if re.fullmatch(SUCCESSOR, r):
        return [("succeeded_by", o, s, {})]
    if re.fullmatch(RIVAL, r):
        return [("rival_of", s, o, status)]
    if re.fullmatch(ALLY, r):
        return [("allied_with", s, o, status)]
    if st == "CriminalOrganization" and re.fullmatch(FACTION + "|" + PART, r):
        return [("faction_of", s, o, status)]
    if st in ("GovernmentOrganization", "Organization") and re.fullmatch(PART + "|" + FACTION, r):
        return [("part_of", s, o, {})]
    if re.fullmatch(LEADER, role):
        return [("leader_of", s, o, {**status, "role": role if role[0].isupper() else None})]
    if re.fullmatch(MEMBER, role):
        keep = role if role[0].isupper() or " " in role else None
        return [("member_of", s, o, {**status, "role": keep})]
    return []


def _emit(sent: Sentence, triples: list[tuple], rule: str, conf: float) -> Iterator[Fact]:
    for pred, s, o, props in triples:
        for ks in sent.keys(s):
            for ko in sent.keys(o):
                if ks != ko and allowed(pred, sent.type(s), sent.type(o)):
                    yield Fact(ks, pred, ko, conf, rule, {k: v for k, v in props.items() if v})


def role_rule(subject: str, obj: str, rule: str, conf: float = 0.9):
    """A handler: the `role` group says how each `subject` slot relates to each `obj` slot."""

    def handle(m: re.Match[str], sent: Sentence) -> Iterator[Fact]:
        groups = m.groupdict()
        former = bool(groups.get("former") or groups.get("former2")) or "former" in (groups.get("adj") or "")
        triples = []
        for s in slots(m.group(subject)):
            for o in slots(m.group(obj)):
                triples += _role_facts(m.group("role"), s, o, sent.type(s), sent.type(o), former)
        yield from _emit(sent, triples, rule, conf)

    return handle


def in_appositive(template: str, pos: int) -> bool:
    """Whether the slot at `pos` sits inside an appositive opened by ", a ..." (and no relative clause)."""
    before = template[:pos]
    seg = before[before.rfind(",") :] if "," in before else ""
    return bool(re.match(r",\s*(?:an?|the|one|another|his|her|its|their)\s", seg)) and not re.search(
        r"\b(?:who|whom|which|that)\b", seg
    )


def pair_rule(predicate: str, subject: str, obj: str, rule: str, conf: float = 0.9):
    """A handler: `predicate` from every `subject` slot to every `obj` slot of the match."""

    def handle(m: re.Match[str], sent: Sentence) -> Iterator[Fact]:
        if in_appositive(sent.template, min(m.start(subject), m.start(obj))):
            return  # "X, a brother-in-law of Y, was extradited": Y is not the one extradited
        former = bool(m.groupdict().get("former"))
        props = {"status": "former"} if former and predicate in ("member_of", "leader_of") else {}
        triples = [(predicate, s, o, props) for s in slots(m.group(subject)) for o in slots(m.group(obj))]
        yield from _emit(sent, triples, rule, conf)

    return handle


NOT_ADJ = r"(?!(?:with|by|of|in|for|to|and|or|who|which|was|is|were|are|said|says|that|as)\b)"
DESC = (
    rf"(?:one of (?:the |his |her |its |their )?|(?:the|an?|one|another|his|her|its|their|a) )?"
    rf"(?P<adj>(?:{NOT_ADJ}[\w'-]+ ){{0,3}}?)"
)
# an appositive between a subject and its verb: "Los X, a splinter group of Y, are battling..."
APPOS = r"(?:, (?:an?|the|one|another) [^,;.{}]*?(?:\{[A-Z]\d+\}[^,;.{}]*?){0,2},)?"
VERB_GAP = (
    r"(?:(?:is|are|was|were|has been|have been|had been|has|have|had) )?"
    r"(?:(?:currently|also|now|reportedly|allegedly|still|long|openly) )*"
)
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
            rf"(?: (?![a-z]+ed\b)[a-z]+)? (?:of|in|with|for|at|to|within) <*:o>"
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
            rf"<P+:s>,? (?:the |his |her )?(?:(?:[a-z]+) )?(?P<role>{CHILD}) of (?:[^,;.{{}}]*?"
            rf"\{{[CGSDO]\d+\}}[^,;.{{}}]*?)?<P:o>"
        ),
        role_rule("s", "o", "children-of"),
    ),
    # "His brother, X, ..." (his = the person named before), "Y's son, X,"
    (
        "relative-appositive",
        expand(
            rf"<PC:o>(?:'s)? {FORMER}(?:(?:older|younger|eldest|half|new|current|top|founding) )?"
            rf"(?P<role>{ROLE}), <P+:s>(?=,| (?:remain|remains|is|are|was|were|has|have|had)\b)"
        ),
        role_rule("s", "o", "relative-appositive"),
    ),
    # leadership and membership by verb
    (
        "leads",
        expand(
            rf"<P+:s>{APPOS},? (?:who )?(?:(?:allegedly|reportedly|currently|once|now|still|also|later) )*"
            r"(?:leads|led|heads|headed|runs|ran|"
            r"commands|commanded|founded|co-founded|controls|controlled) <C:o>(?!')"
        ),
        pair_rule("leader_of", "s", "o", "leads"),
    ),
    (
        "joined",
        expand(
            rf"<P+:s>{APPOS},? (?:who )?"
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
            rf"<C:o>{APPOS},? (?:which is |which was |is |was |has been )?"
            r"(?:led|headed|run|commanded|founded|co-founded) by <P+:s>"
        ),
        pair_rule("leader_of", "s", "o", "led-by"),
    ),
    (
        "collective",
        expand(r"^<P+:s>[^.;]*? (?:are|were) (?:known )?collectively (?:known )?as <C:o>"),
        pair_rule("member_of", "s", "o", "collective"),
    ),
    # rivalry
    (
        "battling",
        expand(
            rf"<PC+:a>{APPOS} {VERB_GAP}(?:battling|fighting|warring|feuding|clashing|competing|vying|at war|"
            rf"at odds|in conflict|locked in a [a-z ]*?(?:war|battle|struggle|dispute)|engaged in a [a-z ]*?"
            rf"(?:war|battle|struggle))(?:(?! (?:and|but|while|said)\b)[^.;:{{}}]|\{{[CG]\d+\}})*? "
            rf"(?:with|against) <PC+:b>"
        ),
        pair_rule("rival_of", "a", "b", "battling"),
    ),
    (
        "battling-direct",
        expand(rf"<PC+:a>{APPOS} {VERB_GAP}(?:battling|fighting|confronting) <PC+:b>"),
        pair_rule("rival_of", "a", "b", "battling-direct"),
    ),
    (
        "war-between",
        expand(
            r"(?i:war|clashes|fighting|rivalry|feud|conflict|turf war|dispute|violence) between "
            r"<PC:a> and <PC:b>"
        ),
        pair_rule("rival_of", "a", "b", "war-between"),
    ),
    (
        "are-rivals",
        expand(
            r"<PC:a> and <PC:b> (?:are|were|became|have been|had been) (?:bitter |long-time |longtime )?"
            r"(?:rivals|enemies|at war|at odds|fighting|battling|feuding)"
        ),
        pair_rule("rival_of", "a", "b", "are-rivals"),
    ),
    (
        "have-fought",
        expand(r"<PC:a> and <PC:b> (?:have |had )?(?:long )?(?:fought|battled|clashed|feuded|warred)\b"),
        pair_rule("rival_of", "a", "b", "have-fought"),
    ),
    (
        "who-at-odds",
        expand(
            r"<PC:b>,? (?:who|whom|which|that) <PC+:a> (?:are|is|were|was|have been|has been) "
            r"(?:(?:also|reportedly|allegedly|now|still) )*(?:at odds|at war|fighting|battling|feuding) "
            r"with"
        ),
        pair_rule("rival_of", "a", "b", "who-at-odds"),
    ),
    (
        "who-at-odds-appositive",
        expand(
            r"<P:b>, [^.;{}]*?(?:\{[A-Z]\d+\}[^.;{}]*?)*[a-z]+ (?:who|whom) <PC+:a> (?:are|is|"
            r"were|was|have been|has been) (?:(?:also|reportedly|allegedly|now|still) )*"
            r"(?:at odds|at war|fighting|battling|feuding) with\b"
        ),
        pair_rule("rival_of", "a", "b", "who-at-odds-appositive"),
    ),
    (
        "rival-premod",
        expand(r"<PC:a>(?:'s|,) (?:rival|rivals|enemy|archrival) <PC+:b>"),
        pair_rule("rival_of", "a", "b", "rival-premod"),
    ),
    # alliances
    (
        "allied",
        expand(
            rf"<PC+:a>{APPOS} {VERB_GAP}"
            r"(?:allied|teamed up|partnered|joined forces|formed an alliance|forged an "
            rf"alliance|struck an alliance|in an alliance|in alliance|working together|cooperating) "
            rf"with <PC+:b>"
        ),
        pair_rule("allied_with", "a", "b", "allied"),
    ),
    (
        "alliance-between",
        expand(r"(?i:alliance|pact|truce|partnership) (?:between|of) <PC:a> and <PC:b>"),
        pair_rule("allied_with", "a", "b", "alliance-between"),
    ),
    (
        "formed-alliance",
        expand(
            r"<PC:a> and <PC:b> (?:have |had )?(?:formed|forged|struck|sealed|agreed) an? "
            r"(?:[a-z]+ )?(?:alliance|pact|partnership)"
        ),
        pair_rule("allied_with", "a", "b", "formed"),
    ),
    # factions and splinters
    (
        "internal-control",
        expand(
            r"<C+:a> [^.;]*?(?:battling|fighting|vying|struggling|competing) for (?:internal )"
            r"control of <C:b>"
        ),
        pair_rule("faction_of", "a", "b", "internal-control"),
    ),
    (
        "faction-of-premod",
        expand(r"<C:a> (?:faction|wing|cell) of <C:b>"),
        pair_rule("faction_of", "a", "b", "faction"),
    ),
    (
        "premod-faction",
        expand(r"<C:b>(?:'s)? (?:faction|wing|cell|armed wing) (?:known as |called )?<C:a>"),
        pair_rule("faction_of", "a", "b", "premod-faction"),
    ),
    (
        "split-from",
        expand(
            rf"<C:a>{APPOS},? (?:which |that )?(?:has |had )?(?:split|broke away|broke off|splintered|"
            r"splintered off|separated|emerged|was formed|formed) (?:off |away )?from <C:b>"
        ),
        pair_rule("splinter_of", "a", "b", "split-from"),
    ),
    (
        "formerly-part",
        expand(
            r"<C:a>,? (?:which |that )?(?:was |were )?(?:formerly|once|previously|originally) "
            r"(?:a )?part of <C:b>"
        ),
        pair_rule("splinter_of", "a", "b", "formerly-part"),
    ),
    # succession: A succeeded_by B
    (
        "replaced",
        expand(
            r"<PCY:b> (?:has |had )?(?:replaced|replaces|succeeded|succeeds|superseded|supersedes|took over "
            r"from|took the reins from) <PCY:a>"
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
    (
        "took-over-after",
        expand(r"<P:b> took (?:over|control) (?:of )?<C>?[^.;{}]*? after <P:a>"),
        pair_rule("succeeded_by", "a", "b", "took-over"),
    ),
    # family by verb
    (
        "are-siblings",
        expand(rf"<P:a> and <P:b> (?:are|were) (?:(?:twin|half|older|younger) )?(?:{SIBLING}){END}"),
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
            r"(?: [a-z]+){0,2}? (?:in|by|to) <GS:b>"
        ),
        pair_rule("detained_by", "a", "b", "jailed"),
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
        expand(r"<GSD:b>(?: [a-z]+)? (?:arrested|captured|detained|extradited|apprehended|jailed) <P+:a>"),
        pair_rule("detained_by", "a", "b", "arrested"),
    ),
    # sanctions
    (
        "sanctioned",
        expand(
            r"<GS:b> (?:has |have |had |also )?(?:sanctioned|designated|blacklisted|sanctions|designates|"
            r"targeted)(?: [a-z-]+){0,2}? <PCO+:a>(?!')"
        ),
        pair_rule("sanctioned_by", "a", "b", "sanctioned"),
    ),
    (
        "sanctions-on",
        expand(
            r"<GS:b>,? [^.;{}]*?(?:announced|imposed|issued|unveiled|levied|placed) (?:new |fresh |"
            r"additional )?(?:sanctions|designations|financial sanctions) (?:on|against|to|targeting|"
            r"of|for) <PCO+:a>"
        ),
        pair_rule("sanctioned_by", "a", "b", "sanctions-on"),
    ),
    (
        "sanctioned-by",
        expand(
            r"<PCO+:a> (?:was|were|has been|have been|had been) (?:also )?(?:sanctioned|designated|"
            r"blacklisted|placed under sanctions)(?: [a-z-]+){0,3}? by <GS:b>"
        ),
        pair_rule("sanctioned_by", "a", "b", "sanctioned-by"),
    ),
    # government structure: "the Treasury Department's Office of Foreign Assets Control"
    ("possessive-part", expand(r"<GS:b>'s <G:a>"), pair_rule("part_of", "a", "b", "possessive")),
    # policies
    (
        "launched",
        expand(r"<PSGD:b> (?:launched|unveiled|introduced|created|enacted|proposed|announced) <Y:a>"),
        pair_rule("launched_by", "a", "b", "launched"),
    ),
    (
        "launched-by",
        expand(
            r"<Y:a>,? (?:which was |was |were |, )?(?:launched|unveiled|introduced|created|enacted|"
            r"proposed) by <PSG:b>"
        ),
        pair_rule("launched_by", "a", "b", "launched-by"),
    ),
    (
        "launched-known-as",
        expand(r"<PSG:b> launched an? [^.;]{0,220}?(?:known as|called|dubbed|named) <Y:a>"),
        pair_rule("launched_by", "a", "b", "launched-known-as", 0.8),
    ),
]
