"""Times in text ("in 2006", "since 2007", "last November", "Dec. 8, 2022") resolved to ISO dates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ]
    )
    for name in names
}
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_NUMBERS |= {"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "fifteen": 15}
_START_CUES = {"since", "from", "starting", "starting in", "beginning", "beginning in", "after"}
_END_CUES = {"until", "till", "through", "by", "before", "to", "up to"}

# Month and weekday names are matched capitalised only: "may" and "march" are also verbs.
_ABBREVIATIONS = "|".join(n for n in _MONTHS if len(n) < 5 and n != "May")
MONTH = rf"(?P<mon>(?:{_ABBREVIATIONS})\.|(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b)"
WEEKDAY = r"(?P<wd>" + "|".join(_WEEKDAYS) + r")\b"
YEAR = r"(?P<y>1[89]\d\d|20\d\d)(?![\d,.]\d)"
_CUE_WORDS = "since|from|starting(?: in)?|beginning(?: in)?|until|till|through|by|before|after|as of|up to"
_CUE_WORDS += "|to|in|on|during|of|at"
_CUE = rf"(?:(?P<cue>(?i:{_CUE_WORDS}))\s+)"
_SEASONS = "end|beginning|start|middle|spring|summer|fall|autumn|winter"
_QUAL = rf"(?:(?P<qual>(?i:early|mid|late|the (?:{_SEASONS}) of))[\s-]+)"
_REL = r"(?:(?P<rel>(?i:last|this|next|past|previous))\s+)"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b"


@dataclass(frozen=True)
class TimeMention:
    """A time expression in a sentence: its span, how it bounds a fact, and its ISO value (None if vague)."""

    start: int
    end: int
    text: str
    kind: str  # "point", "start" or "end"
    iso: str | None

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


def _date(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _doc(document_date: str | None) -> tuple[int | None, int | None, int | None]:
    parts = [int(p) for p in re.findall(r"\d+", document_date or "")[:3]]
    y, m, d = [*parts, None, None, None][:3]
    return y, m, d


def _nearest_year(month: int, day: int | None, doc: tuple) -> int | None:
    """The year that puts month (and day) nearest the document date; news mostly looks back, so a
    date ahead of the document counts four times its distance ("in May" in December is last May)."""
    y, m, d = doc
    if y is None:
        return None
    if m is None:
        return y
    here = y * 400 + m * 32 + (d or 15)
    return min(
        (y, y - 1, y + 1),
        key=lambda c: (
            abs(c * 400 + month * 32 + (day or 15) - here)
            * (1 + 3 * (c * 400 + month * 32 + (day or 15) > here))
        ),
    )


def _explicit(g: dict, doc: tuple) -> str | None:
    month = _MONTHS[g["mon"].rstrip(".")] if g.get("mon") else int(g["m"]) if g.get("m") else None
    y = int(g["y"]) if g.get("y") else None
    if month is None:
        return f"{y:04d}" if y else None
    if y is None:
        rel = (g.get("rel") or "").lower()
        if rel == "last":
            y = doc[0] - 1 if doc[0] else None
        elif rel == "next" and doc[0] and doc[1]:
            y = doc[0] + (month <= doc[1])
        else:
            y = _nearest_year(month, int(g["d"]) if g.get("d") else None, doc)
        if y is None:
            return None
    return _date(y, month, int(g["d"])) if g.get("d") else f"{y:04d}-{month:02d}"


def _relative(g: dict, doc: tuple) -> str | None:
    y, m, d = doc
    rel, unit = (g.get("rel") or "").lower(), (g.get("unit") or "").lower().rstrip("s")
    step = {"last": -1, "previous": -1, "this": 0, "next": 1}.get(rel)
    if g.get("n"):  # "two years ago"
        word = g["n"].lower()
        step = -(int(word) if word.isdigit() else _NUMBERS.get(word, 0))
    if step is None or y is None:
        return None
    if unit == "year":
        return f"{y + step:04d}" if 1 <= y + step <= 9999 else None  # not "2021 years ago"
    if unit == "month" and m:
        k = y * 12 + m - 1 + step
        return f"{k // 12:04d}-{k % 12 + 1:02d}" if 1 <= k // 12 <= 9999 else None
    if unit == "day" and m and d:
        try:
            return (dt.date(y, m, d) + dt.timedelta(days=step)).isoformat()
        except OverflowError:
            return None
    return None


def _day_word(g: dict, doc: tuple) -> str | None:
    y, m, d = doc
    if not (y and m and d):
        return None
    today = dt.date(y, m, d)
    if g.get("rd"):
        return (
            today + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[g["rd"].lower()])
        ).isoformat()
    back = (today.weekday() - _WEEKDAYS.index(g["wd"])) % 7
    if (g.get("rel") or "").lower() == "next":
        return (today + dt.timedelta(days=(7 - back) % 7 or 7)).isoformat()
    if (g.get("rel") or "").lower() == "last" and back == 0:
        back = 7
    return (today - dt.timedelta(days=back)).isoformat()  # news reports the past: the latest such day


_Resolver = Callable[[dict, tuple], "str | None"]
# (pattern, resolver, whether a cue, "last" or "early" must precede: a bare "May" or "2000" is no time)
_PATTERNS: list[tuple[str, _Resolver | None, bool]] = [
    (rf"{_CUE}?\b(?P<y>\d{{4}})-(?P<m>0[1-9]|1[0-2])(?:-(?P<d>[0-2]\d|3[01]))?(?![\d-])", _explicit, False),
    (rf"{_CUE}?(?:{WEEKDAY},?\s+)?{_QUAL}?{_REL}?\b{MONTH}\s+{_DAY}(?:,?\s+{YEAR})?", _explicit, False),
    (rf"{_CUE}?(?:{WEEKDAY},?\s+)?(?:the\s+)?\b{_DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?", _explicit, False),
    (rf"{_CUE}?{_QUAL}?\b{MONTH},?\s+(?:of\s+)?{YEAR}", _explicit, False),
    (rf"{_CUE}?{_REL}?{_QUAL}?\b{MONTH}", _explicit, True),
    (rf"{_CUE}?{_QUAL}?(?:the\s+year\s+)?\b{YEAR}", _explicit, True),
    (r"\b(?P<rd>(?i:yesterday|today|tomorrow))\b", _day_word, False),
    (rf"{_CUE}?{_REL}?\b{WEEKDAY}", _day_word, False),
    (rf"{_CUE}?\b(?P<rel>(?i:last|this|next|previous))\s+(?P<unit>(?i:week|month|year))\b", _relative, False),
    (
        r"\b(?P<n>(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+))\s+"
        r"(?P<unit>(?i:years?|months?|weeks?|days?))\s+ago\b",
        _relative,
        False,
    ),
    (
        r"(?i:\b(?:in|over|during|for|within)\s+the\s+(?:last|past|previous|next|coming)\s+(?:\w+\s+)?"
        r"(?:years?|months?|weeks?|days?|decades?)\b)",
        None,
        False,
    ),
    (r"(?i:\b(?:in\s+)?(?:recent\s+years|(?:the\s+)?(?:1[89]|20)\d0s)\b)", None, False),
]
# Every pattern needs a digit, a capitalised month or weekday, or one of these words: skip other sentences.
_GATE = re.compile(
    r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b"
    r"|(?i:yesterday|today|tomorrow|recent|last|this|next|previous|past|ago|early|mid|late)"
)
_COMPILED = [(re.compile(p), f, cued) for p, f, cued in _PATTERNS]
_RANGE = re.compile(
    r"(?i:\b(?P<c1>from|between)\s+)?\b(?P<y1>1[89]\d\d|20\d\d)\s*(?P<sep>-|–|—|(?i:to|and|until|through))\s*"
    r"(?P<y2>1[89]\d\d|20\d\d|\d\d)\b(?![\d-])"
)


_COUNTED = re.compile(r"\s+(?:[a-z]+s|people|police|staff)\b")


def _is_count(g: dict, sentence: str, end: int) -> bool:
    """A bare year-like number after "of", "to" or "by" and before a plural is a count: "of 2000 troops"."""
    if (
        g.get("mon")
        or g.get("m")
        or not g.get("y")
        or (g.get("cue") or "").lower() not in ("of", "to", "up to", "by", "at")
    ):
        return False
    return _COUNTED.match(sentence, end) is not None


def _kind(cue: str | None) -> str:
    cue = (cue or "").lower()
    return "start" if cue in _START_CUES else "end" if cue in _END_CUES else "point"


def find_times(sentence: str, document_date: str | None) -> list[TimeMention]:
    """Every time expression in the sentence, left to right, resolved against the document date.

    Parameters
    ----------
    sentence : str
        Any text; offsets in the result are offsets into it.
    document_date : str or None
        ISO date (possibly partial) that relative times ("last November", "yesterday") count from.

    Returns
    -------
    list of TimeMention
        Non-overlapping mentions (the longest wins), each with its span, its kind ("start" after
        since/from, "end" after until/by, else "point") and its ISO value, None when vague ("in the
        last 15 years") or when it needs a document date that is missing. A year range gives two.

    Examples
    --------
    >>> times = find_times("Launched in 2007, it ran until last November.", "2022-12-08")
    >>> [(t.text, t.kind, t.iso) for t in times]
    [('in 2007', 'point', '2007'), ('until last November', 'end', '2021-11')]
    >>> [(t.text, t.kind, t.iso) for t in find_times("committed 2016-2021", None)]
    [('2016', 'start', '2016'), ('2021', 'end', '2021')]
    """
    if not _GATE.search(sentence):
        return []
    doc = _doc(document_date)
    found: list[tuple[int, int, list[TimeMention]]] = []
    for m in _RANGE.finditer(sentence):
        y1, raw2 = int(m["y1"]), m["y2"]
        y2 = int(raw2) if len(raw2) == 4 else y1 // 100 * 100 + int(raw2)
        if (
            y2 <= y1
            or (m["sep"].lower() == "and" and not m["c1"])
            or (m["sep"] in "-–—" and m["c1"] == "between")
        ):
            continue
        first = TimeMention(m.start(), m.end("y1"), sentence[m.start() : m.end("y1")], "start", f"{y1:04d}")
        at = m.start("sep") if m["sep"].isalpha() else m.start("y2")  # "to 2012", but "2021" of "2016-2021"
        second = TimeMention(at, m.end(), sentence[at : m.end()], "end", f"{y2:04d}")
        found.append((m.start(), m.end(), [first, second]))
    for pattern, resolve, cued in _COMPILED:
        for m in pattern.finditer(sentence):
            g = m.groupdict()
            if cued and not (g.get("cue") or g.get("rel") or g.get("qual")):
                continue
            if _is_count(g, sentence, m.end()):
                continue
            iso = resolve(g, doc) if resolve else None
            found.append(
                (m.start(), m.end(), [TimeMention(m.start(), m.end(), m.group(), _kind(g.get("cue")), iso)])
            )
    # Longest match first among overlaps, then left to right.
    chosen: list[tuple[int, int, list[TimeMention]]] = []
    for item in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        if all(item[1] <= c[0] or item[0] >= c[1] for c in chosen):
            chosen.append(item)
    return [t for _, _, ts in sorted(chosen, key=lambda c: c[0]) for t in ts]


def resolve_time(expression: str, document_date: str | None) -> str | None:
    """The ISO date (possibly partial) an expression names, or None when it names no point in time.

    Parameters
    ----------
    expression : str
        A time expression, such as "in 2006", "since 2007", "last November" or "December 14".
    document_date : str or None
        The date relative expressions count from.

    Returns
    -------
    str or None
        "YYYY", "YYYY-MM" or "YYYY-MM-DD" (the first time in the expression).

    Examples
    --------
    >>> resolve_time("last November", "2022-12-08"), resolve_time("December 14", "2022-12-08")
    ('2021-11', '2022-12-14')
    >>> resolve_time("in the last 15 years", "2022-12-08") is None
    True
    """
    times = find_times(expression, document_date)
    return times[0].iso if times else None


def parse_date(text: str) -> str | None:
    """The first explicit date in text with a year and a month (a dateline or a metadata value).

    >>> parse_date("Thursday, December 8, 2022"), parse_date("2022-12-08T14:05:00-06:00")
    ('2022-12-08', '2022-12-08')
    >>> parse_date("Dec. 8") is None, parse_date("In 2006, he left") is None
    (True, True)
    """
    # only the explicit patterns (ISO, day-month-year, month-year): no range or relative time has a month
    hits = [(m.start(), -m.end(), m) for pattern, _, _ in _COMPILED[:4] for m in pattern.finditer(text)]
    for _, _, m in sorted(hits, key=lambda h: h[:2]):
        iso = _explicit(m.groupdict(), (None, None, None)) if m["y"] else None
        if iso and len(iso) >= 7:
            return iso
    return None
