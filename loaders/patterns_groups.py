"""The English wordings of facts about groups and bodies: rivalry, alliance, factions, sanctions, policy."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ocgraph.loaders.relations import Fact, Sentence, allowed, expand, slots
from ocgraph.loaders.roles import (
    APPOS,
    VERB_GAP,
    pair_rule,
)


def unnamed_sanctioner(m: re.Match[str], sent: Sentence) -> Iterator[Fact]:
    """sanctioned_by with the object left empty: the sanctioner named earlier in the section. A list
    broken by appositives ("are A, a broker for X, and B, X's plaza boss") continues after ", and"."""
    targets = slots(m.group("a"))
    rule = "designated-next" if m.re.pattern.startswith("^") else "designated-passive"
    if m.re.pattern.startswith("(?:designated"):
        for later in re.finditer(r"(?:,? and |; )\{([PCO])(\d+)\}", sent.template[m.end() :]):
            targets.append(int(later.group(2)))
    for t in targets:
        if allowed("sanctioned_by", sent.type(t), "GovernmentOrganization"):
            for k in sent.keys(t):
                yield Fact(k, "sanctioned_by", "", 0.8, rule)


def sanctioner(m: re.Match[str], sent: Sentence) -> Iterator[Fact]:
    """No fact, only a note (empty subject) of who sanctions in this section, for the passive rules."""
    b = int(m.group("b"))
    if sent.type(b) in ("GovernmentOrganization", "State") and not sent.mentions[b].demonym:
        for k in sent.keys(b):
            yield Fact("", "sanctioned_by", k, 1.0, "sanctioner")


def divided_into(m: re.Match[str], sent: Sentence) -> Iterator[Fact]:
    """ "X is divided into two rival factions, A and B": each is a faction of X; "rival" makes them rivals."""
    yield from pair_rule("faction_of", "a", "b", "divided-into")(m, sent)
    if " rival" in m.group(0):
        parts = slots(m.group("a"))
        for i, a in enumerate(parts):
            for c in parts[i + 1 :]:
                for ka in sent.keys(a):
                    for kc in sent.keys(c):
                        if ka != kc:
                            yield Fact(ka, "rival_of", kc, 0.9, "divided-into-rivals")


# "with the rival Mariano clan", "with the Ecuadorian gang Los Manglares": a describing noun before the name
RIVAL_NOUN = (
    r"(?:(?:the )?(?:rival|enemy|archrival|allied) )?(?:\{D\d+\} )?"
    r"(?:(?:gang|cartel|group|clan|faction|mafia) )?(?:(?:known as|called|named) )?"
)


def _sanctions_on(m: re.Match[str], sent: Sentence) -> Iterator[Fact]:
    """sanctions on the targets listed, and on those added after "and two of his lieutenants, A and B"."""
    yield from pair_rule("sanctioned_by", "a", "b", "sanctions-on")(m, sent)
    more = re.match(
        r",? and (?:(?:two|three|four|five|six|several|some|other) )?(?:of )?(?:his|her|their|its) [a-z-]+,? "
        r"(\{[PCO]\d+\}(?:(?:,? and |, )\{[PCO]\d+\})*)",
        sent.template[m.end() :],
    )
    if more:
        b = int(m.group("b"))
        for t in slots(more.group(1)):
            for kt in sent.keys(t):
                for kb in sent.keys(b):
                    if kt != kb and allowed("sanctioned_by", sent.type(t), sent.type(b)):
                        yield Fact(kt, "sanctioned_by", kb, 0.9, "sanctions-on-appended")


def _pair_within(m: re.Match[str], sent: Sentence) -> Iterator[Fact]:
    """rival_of between the two groups one slot stands for ("the two factions have fought")."""
    keys = sent.keys(int(m.group("a")))
    if len(keys) == 2:
        yield Fact(keys[0], "rival_of", keys[1], 0.9, "two-groups-fight")


RULES = [
    # rivalry
    (
        "battling",
        expand(
            rf"<PC+:a>{APPOS} {VERB_GAP}(?:battling|fighting|warring|feuding|clashing|competing|vying|at war|"
            rf"at odds|at loggerheads|in conflict|"
            rf"locked in a [a-z ]*?(?:war|battle|struggle|dispute|feud|conflict)|"
            rf"in an? (?:[a-z-]+ ){{0,2}}?(?:dispute|feud|conflict|war)|engaged in a [a-z ]*?"
            rf"(?:war|battle|struggle))"
            rf"(?:(?! (?:and|but|while|said|that|which|who)\b)[^.;:{{}}]|\{{[CG]\d+\}})*? "
            rf"(?:with|against) {RIVAL_NOUN}<PC+:b>"
        ),
        pair_rule("rival_of", "a", "b", "battling"),
    ),
    (
        "clashed-with",
        expand(
            rf"<PC+:a>{APPOS} {VERB_GAP}(?:clashed|fought|battled|feuded|warred|skirmished|competed|competes)"
            r"(?: (?:repeatedly|often|frequently|violently|bitterly|openly|again))?"
            r"(?: (?:since|in|for) [^.;:{}]*?)? (?:with|against) <PC+:b>"
        ),
        pair_rule("rival_of", "a", "b", "clashed-with"),
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
        expand(
            r"<PC:a> and <PC:b>(?: (?:gangs|cartels|groups|factions|clans|cells))?(?:, [^,;.{}]*?,)? "
            r"(?:have |had )?(?:long )?(?:fought|battled|clashed|feuded|"
            r"warred)\b"
        ),
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
            r"(?:allied|teamed up|partnered|joined forces|(?:formed|forged|struck|sealed|entered into) an? "
            r"(?:[a-z-]+ )?(?:alliance|partnership|pact)|in an alliance|in alliance|working together|"
            r"cooperating) "
            rf"with {RIVAL_NOUN}<PC+:b>"
        ),
        pair_rule("allied_with", "a", "b", "allied"),
    ),
    # "X is at war with Y and has formed a partnership with Z": the second verb keeps the subject
    (
        "and-allied",
        expand(
            r"(?:^|(?:calling itself|called|known as) )<C+:a> (?:is|are|was|were|has|have|had) "
            r"[^.;:,{}]*?(?:\{[CS]\d+\}[^.;:,{}]*?)? and (?:has |have |had |is |are )?(?:also |now )?"
            r"(?:allied|aligned|teamed up|partnered|joined forces|"
            r"(?:formed|forged|struck|sealed) an? (?:[a-z-]+ )?(?:alliance|partnership|pact)) with <PC+:b>"
        ),
        pair_rule("allied_with", "a", "b", "and-allied"),
    ),
    (
        "and-battling",
        expand(
            r"^<C+:a> (?:is|are|was|were|has|have|had) [^.;:,{}]*?(?:\{[CS]\d+\}[^.;:,{}]*?)? and "
            r"(?:is |are |has been |have been )?(?:also )?(?:at war|battling|fighting|feuding|clashing|"
            r"at odds) (?:with |against )?<PC+:b>"
        ),
        pair_rule("rival_of", "a", "b", "and-battling"),
    ),
    # "Los Mezcales, a local gang that was once allied with the Sinaloa Cartel"
    (
        "appositive-allied",
        expand(
            r"<PC:a>, (?:an?|the|one) (?:[a-z-]+ ){0,3}?(?:that|which|who) "
            r"(?:is|was|are|were|has|have|had) (?:(?:once|previously|formerly|long|also|now|still) )*"
            r"(?:been )?(?:allied|aligned|partnered) with "
            rf"{RIVAL_NOUN}<PC+:b>"
        ),
        pair_rule("allied_with", "a", "b", "appositive-allied"),
    ),
    (
        "appositive-battling",
        expand(
            r"<PC:a>, (?:an?|the|one) (?:[a-z-]+ ){0,3}?(?:that|which|who) "
            r"(?:is|was|are|were|has|have|had) (?:(?:once|long|also|now|still) )*(?:been )?"
            r"(?:at war|at odds|fighting|battling|feuding|clashing|"
            rf"locked in a [a-z ]*?(?:war|feud|dispute)) (?:with |against )?{RIVAL_NOUN}<PC+:b>"
        ),
        pair_rule("rival_of", "a", "b", "appositive-battling"),
    ),
    # "the Jaime Martínez Front answers to the Central General Staff": a unit under a larger group
    (
        "answers-to",
        expand(
            r"<C:a>(?:,[^.;{}]*?,)? (?:answers|answered|reports|reported|is subordinate|are subordinate|"
            r"was subordinate|belongs|belonged) to <C:b>"
        ),
        pair_rule("faction_of", "a", "b", "answers-to"),
    ),
    (
        "works-with",
        expand(
            rf"<C+:a>{APPOS} {VERB_GAP}(?:work|works|worked|working|cooperate|cooperates|cooperated|"
            rf"collaborate|collaborates|collaborated) (?:closely )?with {RIVAL_NOUN}<C+:b>"
        ),
        pair_rule("allied_with", "a", "b", "works-with"),
    ),
    (
        "has-alliance-with",
        expand(
            rf"<C+:a>{APPOS} (?:have|has|had|maintain|maintains|keep|keeps) (?:an?|the) (?:[a-z-]+ )?"
            r"(?:alliance|partnership|pact) with <C+:b>"
        ),
        pair_rule("allied_with", "a", "b", "has-alliance-with"),
    ),
    (
        "alliance-between",
        expand(r"(?i:alliance|pact|truce|partnership) (?:between|of) <PC:a> and <PC:b>"),
        pair_rule("allied_with", "a", "b", "alliance-between"),
    ),
    (
        "formed-alliance",
        expand(
            r"<PC:a> and <PC:b>,? (?:have |had )?(?:(?:formed|forged|struck|sealed|agreed) an? "
            r"(?:[a-z]+ )?(?:alliance|pact|partnership)|joined forces|teamed up|allied)(?! with)"
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
        "divided-into",
        expand(
            r"<C:b> (?:is|was|has been|became|had been) (?:itself |now |since |long )?(?:divided|split) into "
            r"(?:[a-z0-9-]+ ){0,2}(?:factions|wings|cells|cliques|groups),? <C+:a>"
        ),
        divided_into,
    ),
    (
        "possessive-faction",
        expand(r"<C:b>'s <C:a>(?!')"),
        pair_rule("faction_of", "a", "b", "possessive-faction", 0.8),
    ),
    (
        "appositive-wing",
        expand(
            r"<C:a>, <C:b>'s (?:(?:armed|military|enforcement|financial|political|youth|local) )?"
            r"(?:wing|faction|cell|arm|branch)\b"
        ),
        pair_rule("faction_of", "a", "b", "appositive-wing"),
    ),
    # "X emerged in 2017 as the armed wing of Y", "X began as a cell of Y"
    (
        "began-as-wing",
        expand(
            r"<C:a> (?:emerged|began|started|was (?:founded|formed|created|born)|arose)(?: in \d{4})? as "
            r"(?:the|an?|one) (?:[a-z-]+ )?(?:wing|faction|cell|arm|branch|unit) of <C:b>"
        ),
        pair_rule("faction_of", "a", "b", "began-as-wing"),
    ),
    # "X, part of the Camorra, ...": a part given in an appositive
    (
        "appositive-part-of",
        expand(r"<C:a>, (?:itself |also |now )?(?:a )?part of <C:b>,"),
        pair_rule("faction_of", "a", "b", "appositive-part-of"),
    ),
    # "X was formed in 2011 by inmates who broke away from Y"
    (
        "formed-by-defectors",
        expand(
            r"<C:a> (?:was|were) (?:formed|founded|created|set up|established)(?: in \d{4})? by "
            r"(?:[a-z-]+ ){1,3}(?:who|that) (?:had )?(?:broke away|split|splintered|broke off|defected|"
            r"deserted)(?: off| away)? from <C:b>"
        ),
        pair_rule("splinter_of", "a", "b", "formed-by-defectors"),
    ),
    # "the two factions have fought ..." (a slot that stands for two groups named before)
    (
        "two-groups-fight",
        expand(
            r"<C:a>,? (?:have |had |are |were )?(?:long |since |also )?(?:been )?(?:fought|battled|"
            r"clashed|feuded|warred|fighting|battling|feuding|clashing|at war|at odds|rivals)\b"
            r"(?! (?:with|against)\b)"
        ),
        _pair_within,
    ),
    # "a faction of X calling itself Y has broken with its former partners"
    (
        "calling-itself-broke",
        expand(
            r"(?:faction|wing|cell|splinter group|offshoot) of <C:b> (?:[a-z]+ )?"
            r"(?:calling itself|called|known as) <C:a>,? (?:has |have |had )?"
            r"(?:broken|broke|split|splintered)(?: away| off)? (?:with|from)\b"
        ),
        pair_rule("splinter_of", "a", "b", "calling-itself-broke"),
    ),
    # "the group's armed wing, the Bloque Norte"
    (
        "possessive-wing-named",
        expand(
            r"<C:b>'s (?:(?:armed|military|enforcement|financial|political|youth|local) )?"
            r"(?:wing|faction|cell|arm|branch), <C:a>"
        ),
        pair_rule("faction_of", "a", "b", "possessive-wing-named"),
    ),
    (
        "unit-headed-by",
        expand(
            r"<C:o>, (?:an?|the|one) (?:[a-z-]+ ){0,2}?(?:unit|faction|cell|wing|group|clique|gang|front) "
            r"(?:that is |which is )?(?:headed|led|run|commanded) by <P+:s>"
        ),
        pair_rule("leader_of", "s", "o", "unit-headed-by"),
    ),
    (
        "command-a-cell",
        expand(
            r"<P+:s>,? (?:command|commands|commanded|lead|leads|led|run|runs|ran|head|heads|headed) "
            r"(?:an?|one) (?:[a-z-]+ )?(?:cell|faction|unit|wing|branch|clique|squad) of <C:o>"
        ),
        pair_rule("member_of", "s", "o", "command-a-cell"),
    ),
    (
        "forms-part-of",
        expand(
            r"<C:a>(?:, an? [^,;.{}]*?)?,? (?:that |which )?(?:forms|form|formed|is|are|was|were) "
            r"(?:also |still )?(?:a )?part of <C:b>"
        ),
        pair_rule("faction_of", "a", "b", "forms-part-of"),
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
            rf"<C:a>{APPOS},? (?:(?:an?|the) (?:[a-z-]+ )?(?:group|faction|gang|organi[sz]ation|cell|"
            rf"offshoot|splinter) )?(?:which |that )?(?:has |had )?(?:split|broke away|broke off|splintered|"
            r"splintered off|separated|emerged|was formed|formed) (?:off |away )?from <C:b>"
        ),
        pair_rule("splinter_of", "a", "b", "split-from"),
    ),
    (
        "broke-away-from-it",
        expand(
            r"<C:b>, which [^.;{}]*? <C:a> (?:split|broke away|broke off|splintered)(?: off| away)? from it\b"
        ),
        pair_rule("splinter_of", "a", "b", "broke-away-from-it"),
    ),
    (
        "formerly-part",
        expand(
            r"<C:a>,? (?:which |that )?(?:was |were )?(?:formerly|once|previously|originally) "
            r"(?:a )?part of <C:b>"
        ),
        pair_rule("splinter_of", "a", "b", "formerly-part"),
    ),
    # sanctions
    (
        "sanctioned",
        expand(
            r"<GS:b> (?:has |have |had )?(?:(?:also|previously|today|recently|formally|first|again|"
            r"already|subsequently) )?(?:sanctioned|designated|blacklisted|sanctions|designates|"
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
        _sanctions_on,
    ),
    # "B, whom the United Nations sanctioned in 2022"
    (
        "whom-sanctioned",
        expand(
            r"<PCO:a>,? whom <GS:b> (?:has |had |have )?(?:also |previously |already )?"
            r"(?:sanctioned|designated|blacklisted)\b"
        ),
        pair_rule("sanctioned_by", "a", "b", "whom-sanctioned"),
    ),
    (
        "sanctioned-by",
        expand(
            r"<PCO+:a> (?:was|were|has been|have been|had been) (?:also )?(?:sanctioned|designated|"
            r"blacklisted|placed under sanctions)(?: [a-z-]+){0,3}? by <GS:b>"
        ),
        pair_rule("sanctioned_by", "a", "b", "sanctioned-by"),
    ),
    # passive with no agent: "Among those designated today are A and B", "A is also designated for ...";
    # the sanctioner is the body that last sanctioned in the section (filled in by the extractor)
    (
        "designated-are",
        expand(
            r"(?:designated|sanctioned|targeted|blacklisted)(?: today| on [A-Z][a-z]+ \d+| this week)? "
            r"(?:are|were|is|was|include|included) (?:(?:two|three|four|five|six|both) [a-z-]+,? )?<PCO:a>"
        ),
        unnamed_sanctioner,
    ),
    # "OFAC designated six people. They include A, B and C.": the extractor keeps this only right
    # after a sentence that sanctions
    (
        "designated-next",
        expand(r"^(?:They|These|Those) (?:include|included|are|were)(?: [a-z]+){0,2}? <PCO+:a>"),
        unnamed_sanctioner,
    ),
    (
        "sanctioner",
        expand(
            r"<GS:b> (?:has |have |had )?(?:(?:also|previously|today|recently|formally|first|again|"
            r"already|subsequently) )?(?:sanctioned|designated|sanctions|designates|blacklisted)\b"
        ),
        sanctioner,
    ),
    (
        "is-designated",
        expand(
            r"<PCO+:a>,? (?:is|are|was|were|has been|have been) (?:also )?(?:designated|sanctioned)"
            r"(?! (?:by|as|a|an|the)\b)"
        ),
        unnamed_sanctioner,
    ),
    # government structure: "the Treasury Department's Office of Foreign Assets Control"
    ("possessive-part", expand(r"<GS:b>'s <G:a>"), pair_rule("part_of", "a", "b", "possessive")),
    # policies
    (
        "launched",
        expand(
            r"<PSGD:b> (?:(?:also|has|have|had|recently|formally|first) )*(?:launched|unveiled|introduced|"
            r"created|enacted|proposed|announced) <Y:a>"
        ),
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
        "which-launched",
        expand(
            r"<Y:a>(?: (?:policy|plan|program|programme|strategy|initiative))?,? (?:which|that) <PSG:b> "
            r"(?:has |had )?(?:launched|unveiled|introduced|created|established|set up|enacted|started)\b"
        ),
        pair_rule("launched_by", "a", "b", "which-launched"),
    ),
    (
        "own-policy-launched",
        expand(
            r"<PSG:b>'s <Y:a>(?: (?:policy|plan|program|programme|strategy|initiative))?,? (?:which|that) "
            r"(?:he|she|they|it) (?:has |had )?(?:launched|unveiled|introduced|created|established|set up)\b"
        ),
        pair_rule("launched_by", "a", "b", "own-policy-launched"),
    ),
    (
        "launched-known-as",
        expand(r"<PSG:b> launched an? [^.;]{0,220}?(?:known as|called|dubbed|named) <Y:a>"),
        pair_rule("launched_by", "a", "b", "launched-known-as", 0.8),
    ),
]
