"""Split a page's text into articles: a headline opens one after an end mark, in a listing, on a new topic."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from ocgraph.loaders.dates import parse_date

# Lines that close an article: reprint notes, bylines at the foot, copyright, press-release end marks.
_END = re.compile(
    r"(?:reprinted|republished|originally published|this (?:article|story) (?:was|first)"
    r"|read the original|read more|continue reading|full story)\b"
    r"|©|\(c\)\s|copyright\b|all rights reserved|#{3}\s*$|-\s?30\s?-|-?\s?end\s?-$",
    re.I,
)
# A rule between stories in plain text: "----", "====", "* * *".
_RULE = re.compile(r"(?:[-=*_~•·]\s*){3,}")
_FOOT_BYLINE = re.compile(
    r"\bis an? (?:staff )?(?:writer|reporter|journalist|correspondent|editor|contributor|researcher)"
    r" (?:with|for|at)\b"
)
_SENTENCE_END = re.compile(r"[.!?]['\")\]]*$")
_TITLE_END = re.compile(r"[.!?;:,]['\")\]]*$")
_BYLINE = re.compile(
    r"^(?:(?:written|reported|reporting|words|text|story|photos?) by|by|por|photo|image|credit|source"
    r"|updated|posted|published)\b",
    re.I,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.\w")
# A credit line: one or more people's names, then the outlet or the role ("Jacqueline Charles, Miami
# Herald", "Steven Dudley and Parker Asmann | InSight Crime", "Ana Pérez - Staff Writer").
_PERSON = r"[A-ZÁÉÍÓÚÑ][\w'’.-]*(?: (?:[A-ZÁÉÍÓÚÑ][\w'’.-]*|de|del|la|van|von|da|dos)){1,4}"
_PEOPLE = re.compile(rf"{_PERSON}(?:(?:,| and| &) {_PERSON})*")
_CREDIT = re.compile(rf"({_PEOPLE.pattern})(?:\s*[,|/—–·-]\s*|\s{{2,}})(.{{2,60}})")
# Words of outlets and newsroom roles, one of which ends a credit line.
_SOURCE_WORDS = frozenset(
    re.findall(
        r"\w+",
        "herald times post news press associated reuters ap afp efe bloomberg journal tribune "
        "gazette guardian observer chronicle telegraph daily weekly magazine radio television tv "
        "bbc cnn npr pbs insight crime monitor wire agency bureau media network newsroom "
        "independent economist politico univision telemundo universal jornada reforma milenio "
        "proceso excélsior infobae país mundo nación sun star mail record courier dispatch examiner "
        "inquirer standard globe express financial staff writer reporter "
        "correspondent editor contributor columnist special",
    )
)
_LINKS = frozenset({"of", "the", "de", "del", "la", "el", "and", "&", "to"})
_WIRE = re.compile(r"[A-Z][A-Z .'-]{2,40},\s+(.{6,30}?\d{4})")
# Latin letters only: twice as fast as any letter ([^\W\d_]), and the texts are English (with Spanish names).
_WORD = re.compile(r"[a-z\u00c0-\u024f]{4,}")  # on lower-cased text
# Frequent words that say nothing about a story's topic (only words of 4+ letters are compared).
_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z\u00e0-\u00ff]+ [A-Z][a-z\u00e0-\u00ff]+")  # two capitalised words
_YEAR = re.compile(r"(?:1[89]|20)\d\d")  # a dateline has a year
_STOP = frozenset(
    re.findall(
        r"\w+",
        "that this with from have been were their there they them said says about after also more than into "
        "would which while when what where will could should other some only over such these those being",
    )
)


@dataclass
class Section:
    """A run of lines [first, last) that forms one article, and its title line."""

    first: int
    title: int | None = None
    body: list[int] = field(default_factory=list)
    ended: int | None = None  # the last end-mark line seen
    listing: bool = False  # started after another article's end: a run of teasers


@dataclass(frozen=True)
class Split:
    """One article of the text: [start, end) in the text, its title and its dateline's date."""

    start: int
    end: int
    title: str | None
    date: str | None


def _lines(text: str) -> list[tuple[int, int, bool]]:
    """Non-blank lines as (start, end, alone): alone when blank lines (or the text's ends) surround it."""
    pieces = text.split("\n")
    blank = [not p or p.isspace() for p in pieces]
    out: list[tuple[int, int, bool]] = []
    pos = 0
    for i, line in enumerate(pieces):
        if not blank[i]:
            alone = (i == 0 or blank[i - 1]) and (i + 1 == len(pieces) or blank[i + 1])
            out.append((pos + len(line) - len(line.lstrip()), pos + len(line.rstrip()), alone))
        pos += len(line) + 1
    return out


def _is_dateline(line: str) -> bool:
    # cheap tests first: parse_date runs every time pattern, and most lines are long paragraphs
    if len(line) > 80 or len(line.split()) > 8 or not _YEAR.search(line):
        return False
    rest = _WORD.findall(re.sub(r"[A-Z][a-z]+day|[A-Z][a-z]{2}\.?\s+\d|\d{4}", " ", line).lower())
    return len(rest) <= 3 and parse_date(line) is not None


def _is_end(line: str) -> bool:
    if _RULE.fullmatch(line):
        return True
    return len(line) < 400 and bool(_END.match(line) or (" is a" in line and _FOOT_BYLINE.search(line)))


def _is_byline(line: str) -> bool:
    """A line that names who wrote the story, not what it is about ("By X", "X, Miami Herald", an e-mail).

    >>> [_is_byline(x) for x in ["Jacqueline Charles, Miami Herald", "Mexico, US Sign Security Pact"]]
    [True, False]
    """
    if _BYLINE.match(line) or _EMAIL.search(line):
        return True
    credit = _CREDIT.fullmatch(line)
    if credit is None:
        return False
    words = re.findall(r"[\w&'’.-]+", credit[2])
    return all(w[0].isupper() or w.lower() in _LINKS for w in words) and any(
        w.lower().strip(".") in _SOURCE_WORDS for w in words
    )


def _is_title(line: str, alone: bool) -> bool:
    if not alone or len(line) > 150:
        return False
    words = line.split()
    return (
        2 <= len(words) <= 16
        and not _TITLE_END.search(line)
        and (line[0].isupper() or line[0].isdigit() or line[0] in "\"'")
        and not _is_byline(line)
    )


def _is_name(line: str) -> bool:
    """A line of names only ("Marcos Vizcarra", "Dave Graham and Diego Oré"): a byline after a headline."""
    return _PEOPLE.fullmatch(line) is not None and len(line.split()) <= 10


def _words(text: str) -> Counter[str]:
    counts = Counter(_WORD.findall(text.lower()))
    for word in _STOP.intersection(counts):
        del counts[word]
    return counts


def split_sections(
    text: str,
    raw_start: Callable[[int], int],
    headings: Collection[int] = (),
    articles: Sequence[int] = (),
) -> list[Split]:
    """Split text into articles.

    A headline-like line (short, alone, no final punctuation; or a marked heading) starts a new
    article when the current one has ended ("Reprinted from ...", "###", a foot byline), when the
    current one is a teaser of a listing (caption, headline, lede; the line before the next headline
    is that teaser's caption), or when the text after it shares few content words with the current
    article. A subheading inside an article shares its words and stays. `raw_start` maps a text
    offset to the raw file, for `headings` and `articles` (raw offsets of marked headings and of
    <article> elements, which always start a new article).
    """
    lines = _lines(text)
    kinds: list[str] = []
    marked: set[int] = set()  # lines that are headings by markup (<h1>, "# ", a Heading style)
    for a, b, alone in lines:
        line = text[a:b]
        if headings and raw_start(a) in headings and not _is_byline(line):
            kinds.append("head")
            marked.add(len(kinds) - 1)
        elif _is_end(line):
            kinds.append("end")
        elif _is_dateline(line):
            kinds.append("date")
        else:
            kinds.append("head" if _is_title(line, alone) else "body")
    breaks = sorted(articles)
    sections = [Section(0)]
    for i, kind in enumerate(kinds):
        cur = sections[-1]
        crossed = None
        while breaks and breaks[0] <= raw_start(lines[i][0]):
            crossed = breaks.pop(0)
        if crossed is not None and i and raw_start(lines[i - 1][0]) < crossed:  # a new <article>
            sections.append(cur := Section(i))
        if kind == "head":
            if not any(
                kinds[j] == "body" and _SENTENCE_END.search(text[lines[j][0] : lines[j][1]]) for j in cur.body
            ):
                # No text yet: the last title-like line before the text is the headline; any before it
                # are labels and kickers ("FOR IMMEDIATE RELEASE", "Latest news"). After a headline, a
                # line of names is the byline, and a line without markup under a marked headline is
                # its deck: neither takes the title.
                deck = cur.title in marked and i not in marked
                if cur.title is None or not (deck or _is_name(text[lines[i][0] : lines[i][1]])):
                    cur.title = i
                continue
            split = None
            if cur.ended is not None:
                split = cur.ended + 1
            elif cur.listing and cur.title is not None and len(cur.body) <= 2:
                split = i - 1 if len(cur.body) == 2 else i
            elif _topic_changes(text, lines, kinds, sections[-1], i):
                split = i - 1 if kinds[i - 1] == "date" and i - 1 > (cur.title or cur.first) else i
            if split is not None:
                cur.body = [j for j in cur.body if j < split]
                sections.append(Section(split, title=i, listing=cur.ended is not None or cur.listing))
                continue
        if kind == "end":
            cur.ended = i
        if kind != "date":
            cur.body.append(i)
    return _spans(text, lines, kinds, sections)


def _topic_changes(text: str, lines: list, kinds: list[str], cur: Section, i: int) -> bool:
    j = i + 1
    while j < len(lines) and kinds[j] not in ("head", "end"):
        j += 1
    # Compare windows, not whole texts, so a long book of chapters costs linear time.
    new = _words(text[lines[i][0] : min(lines[j - 1][1], lines[i][0] + 2_000)])
    old = set(_words(text[max(lines[cur.first][0], lines[i - 1][1] - 2_000) : lines[i - 1][1]]))
    # Share of the new part's content words (counted with repeats, so its key words weigh most) that
    # the article so far has used: about a third under a subheading, a few percent for a new story;
    # the bar sits low because a wrong split cuts pronouns off from their names.
    # Too few words to judge: keep the heading inside the article (a wrong split loses context).
    total = sum(new.values())
    shared = sum(n for w, n in new.items() if w in old)
    # Names ("Montes Vidal", "Valle Rojo") tie a part to its story more than words do: three each.
    names = _NAME.findall(text, lines[i][0], min(lines[j - 1][1], lines[i][0] + 2_000))
    old_text = text[max(lines[cur.first][0], lines[i - 1][1] - 2_000) : lines[i - 1][1]]
    known = sum(name in old_text for name in names)
    return total >= 15 and (shared + 3 * known) / (total + 3 * len(names)) < 0.1


def _spans(text: str, lines: list, kinds: list[str], sections: list[Section]) -> list[Split]:
    out = []
    for k, s in enumerate(sections):
        start = 0 if k == 0 else lines[s.first][0]
        end = lines[sections[k + 1].first][0] if k + 1 < len(sections) else len(text)
        last = sections[k + 1].first if k + 1 < len(sections) else len(lines)
        title = text[lines[s.title][0] : lines[s.title][1]] if s.title is not None else None
        # the dateline comes before the first sentence of text (letterhead lines may come before it)
        body = next(
            (
                j
                for j in range(s.first, last)
                if kinds[j] == "body" and _SENTENCE_END.search(text[lines[j][0] : lines[j][1]])
            ),
            last,
        )
        dated = [j for j in range(s.first, body) if kinds[j] == "date"]
        date = parse_date(text[lines[dated[0]][0] : lines[dated[0]][1]]) if dated else None
        for j in range(s.first, min(body + 1, last)):
            wire = _WIRE.match(text, lines[j][0]) if kinds[j] == "body" and date is None else None
            if wire:  # "MEXICO CITY, Dec. 8, 2022 (AP) -"
                date = parse_date(wire[1])
        out.append(Split(start, end, title, date))
    return out
