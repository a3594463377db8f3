"""An article's title is its headline, never its byline, credit line, e-mail, dateline or deck."""

from __future__ import annotations

from pathlib import Path

import pytest

from ocgraph.loaders.documents import read_document
from ocgraph.loaders.sections import _is_byline

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "bylines"


@pytest.mark.parametrize(
    ("name", "title"),
    [
        (
            "herald-credit-line.html",
            "Haiti's gangs join forces as Viv Ansanm, tightening their hold on the capital",
        ),
        ("byline-with-email.html", "US offers reward for CJNG leader's son"),
        ("insight-pipe-credit.md", "CJNG splinter groups fight for Jalisco"),
        ("name-only-byline.txt", "UN sanctions Haitian gang leader Jimmy Chérizier"),
        ("ap-caps-byline.txt", "Mexican army says troops killed 19 cartel gunmen in Sinaloa"),
        ("wire-by-line.txt", "Mexico extradites cartel figures to the United States"),
        ("comma-headline.txt", "Ovidio Guzmán, Son of El Chapo, Extradited to US Courts"),
    ],
)
def test_the_headline_is_the_title(name: str, title: str) -> None:
    doc = read_document(PAGES / name)
    assert [s.title for s in doc.sections] == [title]
    assert doc.title == title


def test_a_marked_headline_keeps_the_title_from_its_deck(tmp_path: Path) -> None:
    page = tmp_path / "deck.html"
    page.write_text(
        "<article><h1>Sinaloa Cartel splits after the arrest of its founder</h1>"
        "<p>Two factions now fight over the routes into Arizona</p>"
        "<p>The faction led by the sons of Joaquín Guzmán Loera is at war with the one loyal to "
        "Ismael Zambada García, officials said on Monday.</p></article>",
        encoding="utf-8",
    )
    assert read_document(page).title == "Sinaloa Cartel splits after the arrest of its founder"


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("Jacqueline Charles, Miami Herald", True),
        ("Jacqueline Charles and Jay Weaver | McClatchy Washington Bureau", True),
        ("Ana Pérez - Staff Writer", True),
        ("Written by Ana Pérez", True),
        ("Por Ana Pérez", True),
        ("Mexico, US Sign Security Pact", False),
        ("Sinaloa Cartel, CJNG Clash Over Chiapas Routes", False),
        ("Ovidio Guzmán, Son of El Chapo, Extradited", False),
        ("Press freedom groups condemn killing of reporter", False),
    ],
)
def test_byline_lines(line: str, byline: bool) -> None:
    assert _is_byline(line) is byline
