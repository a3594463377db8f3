"""Time expressions found in sentences and resolved against the document's date."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocgraph.loaders.dates import find_times, parse_date, resolve_time

DOC = "2022-12-08"  # a Thursday


@pytest.mark.parametrize(
    ("expression", "iso"),
    [
        ("in 2006", "2006"),
        ("since 2007", "2007"),
        ("last November", "2021-11"),
        ("December 14", "2022-12-14"),
        ("early October", "2022-10"),
        ("in the last 15 years", None),
        ("in recent years", None),
        ("the 1990s", None),
        ("Dec. 8, 2022", "2022-12-08"),
        ("Thursday, December 8, 2022", "2022-12-08"),
        ("8 December 2022", "2022-12-08"),
        ("the 8th of December, 2022", "2022-12-08"),
        ("2022-12-08", "2022-12-08"),
        ("October 2022", "2022-10"),
        ("Sept. 2019", "2019-09"),
        ("in May", "2022-05"),  # news looks back: the last May, not the next
        ("March 3", "2022-03-03"),
        ("next November", "2023-11"),
        ("on Wednesday", "2022-12-07"),
        ("Thursday", "2022-12-08"),
        ("last Thursday", "2022-12-01"),
        ("next Monday", "2022-12-12"),
        ("yesterday", "2022-12-07"),
        ("today", "2022-12-08"),
        ("last year", "2021"),
        ("this year", "2022"),
        ("next year", "2023"),
        ("last month", "2022-11"),
        ("next month", "2023-01"),
        ("two years ago", "2020"),
        ("3 days ago", "2022-12-05"),
        ("18 months ago", "2021-06"),
        ("mid-2019", "2019"),
        ("late 2020", "2020"),
        ("the end of 2020", "2020"),
        ("the spring of 2019", "2019"),
        ("by the end of 2024", "2024"),
        ("until March 2010", "2010-03"),
        ("as of 2019", "2019"),
        ("the elections of 2018", "2018"),
        ("extradited to the US in 2017", "2017"),
        ("February 30, 2020", None),  # no such day
        ("2023 years ago", None),  # before year 1 (found by a property test)
        ("99999999 days ago", None),
    ],
)
def test_resolve_time(expression: str, iso: str | None):
    assert resolve_time(expression, DOC) == iso


@pytest.mark.parametrize(
    "expression", ["last November", "December 14", "yesterday", "on Wednesday", "last year"]
)
def test_relative_times_need_a_document_date(expression: str):
    assert resolve_time(expression, None) is None


def test_a_year_only_document_date_still_resolves_years_and_months():
    assert resolve_time("last November", "2022") == "2021-11"
    assert resolve_time("last year", "2022") == "2021"
    assert resolve_time("yesterday", "2022") is None


@pytest.mark.parametrize(
    ("expression", "kind"),
    [
        ("since 2007", "start"),
        ("from March 2010", "start"),
        ("starting in 2015", "start"),
        ("after 2012", "start"),
        ("until 2010", "end"),
        ("through 2019", "end"),
        ("before 2001", "end"),
        ("in 2006", "point"),
        ("during 2006", "point"),
        ("last November", "point"),
    ],
)
def test_kind(expression: str, kind: str):
    (t,) = find_times(expression, DOC)
    assert t.kind == kind


def test_spans_and_several_times_in_one_sentence():
    s = "Ebrard met them December 14. First announced in early October, it replaces a plan launched in 2007."
    times = find_times(s, DOC)
    assert [(t.text, t.kind, t.iso) for t in times] == [
        ("December 14", "point", "2022-12-14"),
        ("in early October", "point", "2022-10"),
        ("in 2007", "point", "2007"),
    ]
    assert all(s[t.start : t.end] == t.text and t.span == (t.start, t.end) for t in times)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("homicides committed 2016-2021", [("2016", "start", "2016"), ("2021", "end", "2021")]),
        ("from 2007 to 2012", [("from 2007", "start", "2007"), ("to 2012", "end", "2012")]),
        ("between 2016 and 2021", [("between 2016", "start", "2016"), ("and 2021", "end", "2021")]),
        ("the 2006–09 offensive", [("2006", "start", "2006"), ("09", "end", "2009")]),
    ],
)
def test_year_ranges(sentence: str, expected: list):
    assert [(t.text, t.kind, t.iso) for t in find_times(sentence, DOC)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "He may testify.",
        "March on the capital",
        "They reported 34,515 murders and almost 1,000 femicides.",
        "the 2018 election",
        "a reward of $2,000",
        "2020-2012 is no range",
        "Room 2019B was searched",
        "a total of 2000 troops",
        "up to 1500 pesos",
        "raised the force by 1800 police",
    ],
)
def test_no_time_where_there_is_none(sentence: str):
    assert [t for t in find_times(sentence, DOC) if t.iso] == []


def test_bare_years_count_only_after_a_cue():
    times = find_times("They reported 34,515 murders and almost 1,000 femicides in 2020.", DOC)
    assert [(t.text, t.iso) for t in times] == [("in 2020", "2020")]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Thursday, December 8, 2022", "2022-12-08"),
        ("2023-04-11T09:30:00-06:00", "2023-04-11"),
        ("Updated: Feb. 14, 2023", "2023-02-14"),
        ("14 February 2023", "2023-02-14"),
        ("June 2021", "2021-06"),
        ("In 2006, the war began", None),
        ("December 8", None),
        ("no date here", None),
    ],
)
def test_parse_date(text: str, iso: str | None):
    assert parse_date(text) == iso


_WORDS = [
    "in",
    "since",
    "until",
    "last",
    "next",
    "early",
    "May",
    "may",
    "December",
    "Dec.",
    "14",
    "2007",
    "1,000",
]
_WORDS += [
    "2016-2021",
    "from",
    "to",
    "between",
    "and",
    "Wednesday",
    "yesterday",
    "ago",
    "two",
    "years",
    "the",
    ",",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14), st.sampled_from([None, "2022-12-08", "2020"]))
def test_mentions_are_ordered_disjoint_spans_of_the_sentence(words: list[str], date: str | None):
    sentence = " ".join(words)
    times = find_times(sentence, date)
    for t in times:
        assert sentence[t.start : t.end] == t.text and t.kind in ("point", "start", "end")
        assert t.iso is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", t.iso)
    assert all(a.end <= b.start for a, b in pairwise(times))
