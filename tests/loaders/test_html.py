"""HTML pages: article text without boilerplate, metadata, entities, and offsets into the page source."""

from __future__ import annotations

import html
from pathlib import Path

from ocgraph.loaders.documents import read_document
from ocgraph.loaders.html import extract_html

DOCS = Path(__file__).resolve().parents[1] / "fixtures" / "documents"


def _text(page: str) -> str:
    return "".join(page[a:b] if t is None else t for a, b, t in extract_html(page).pieces)


def test_news_page_keeps_the_article_and_drops_the_rest():
    doc = read_document(DOCS / "news-page.html")
    (s,) = doc.sections
    assert s.text == (
        "Prosecutors charge Grupo Serrano leaders\n\n"
        "By Lucía Fernández · April 11, 2023\n\n"
        "Federal prosecutors on Monday charged two leaders of Grupo Serrano, the gang that controls the "
        "fictional port of Bahía Clara, with extortion and money laundering.\n\n"
        'Aurelio "El Capitán" Serrano, the group\'s founder, has been detained since 2021. His son, '
        "Damián Serrano, was arrested last November at a ranch outside the city & handed to federal "
        "agents.\n\n"
        "Investigators say the gang moved cocaine through the portside warehouses."
    )
    assert (doc.title, doc.date, s.title, s.date) == (
        "Prosecutors charge Grupo Serrano leaders",
        "2023-04-11",
        "Prosecutors charge Grupo Serrano leaders",
        "2023-04-11",
    )


def test_entities_map_back_to_their_source():
    doc = read_document(DOCS / "news-page.html")
    (s,) = doc.sections
    for needle, source in [
        ('"El Capitán"', "&ldquo;El&nbsp;Capit&aacute;n&rdquo;"),
        ("group's", "group&#8217;s"),
        ("Damián", "Dami&#225;n"),
        ("city & handed", "city &amp; handed"),
        ("portside warehouses", "port&shy;side ware&shy;houses"),
        ("the gang that controls", "the\n         gang that controls"),
    ]:
        i = s.text.index(needle)
        a, b = s.original_span(i, i + len(needle))
        assert doc.raw[a:b] == source
    # every word of the text is, unescaped, the word in the page source
    for word in s.text.split():
        i = s.text.index(word)
        a, b = s.original_span(i, i + len(word))
        assert html.unescape(doc.raw[a:b]).replace("\u00ad", "").translate(
            {0x201C: '"', 0x201D: '"', 0x2019: "'"}
        ) in (
            word,
            word.replace(" ", "\u00a0"),
        )


def test_each_article_element_is_a_section():
    doc = read_document(DOCS / "two-articles.html")
    assert [(s.title, s.date) for s in doc.sections] == [
        ("Customs officers seize rifles at northern crossing", "2023-05-02"),  # wire dateline in the text
        ("Harvest festival returns to the valley", "2023-05-02"),  # no date of its own: the file's
    ]
    assert "cookies" not in "".join(s.text for s in doc.sections)
    assert "Regional briefs" not in "".join(s.text for s in doc.sections)


def test_boilerplate_elements_are_dropped_without_article_or_main():
    page = (
        "<body><header><a>Site</a></header><nav><ul><li>Home</li></ul></nav>"
        "<div class='share-buttons'>Share this</div><div role='navigation'>Sections</div>"
        "<h1>Gang leader detained</h1><p>Police detained  the\n leader<br>on Friday.</p>"
        "<aside>Popular</aside><form><label>Search</label></form><menu><li>Menu</li></menu>"
        "<style>p{}</style><script>var x = '<p>no</p>';</script><noscript>Enable JS</noscript>"
        "<footer>Contact us</footer></body>"
    )
    assert _text(page) == "Gang leader detained\n\nPolice detained the leader\non Friday."
    assert extract_html(page).headings == {page.index("Gang")}


def test_main_is_preferred_and_metadata_read():
    page = (
        "<html><head><title>Site | Story</title><meta name='pubdate' content='2021-07-30'></head>"
        "<body><div>Top stories: other things</div><main><p>The story itself.</p></main></body></html>"
    )
    out = extract_html(page)
    assert _text(page) == "The story itself."
    assert (out.title, out.date) == ("Site | Story", "2021-07-30")


def test_time_element_dates_a_page_without_metadata():
    page = (
        "<article><h1>Title of it</h1><time datetime='2020-02-29T10:00'>Feb 29</time><p>Body.</p></article>"
    )
    assert extract_html(page).date == "2020-02-29T10:00"
    assert _text(page) == "Title of it\n\nFeb 29\n\nBody."


def test_unclosed_tags_do_not_swallow_the_page():
    page = "<div class='menu'><ul><li>Home<li>News</div><p>First paragraph<p>Second paragraph</body>"
    assert _text(page) == "First paragraph\n\nSecond paragraph"


def test_sidebar_teasers_in_article_elements_do_not_hide_the_story():
    story = " ".join(["The cartel's accountant was extradited to the United States on Tuesday."] * 12)
    page = (
        f"<body><div class='story'><h1>Accountant extradited</h1><p>{story}</p></div>"
        "<div class='more'><article><a href='/a'>Harvest fair opens</a></article></div></body>"
    )
    text = _text(page)
    assert (
        text.startswith("Accountant extradited\n\nThe cartel's accountant") and "Harvest fair opens" in text
    )
    short = "<body><p>Site-wide notice</p><article><h1>Short story</h1><p>It rained.</p></article></body>"
    assert _text(short) == "Short story\n\nIt rained."


def test_line_breaks_outside_the_article_add_nothing():
    assert _text("<body>Menu<br>Login<br><main><p>Story text.</p></main></body>") == "Story text."


def test_recirculation_comments_and_hidden_elements_are_dropped():
    page = (
        "<body><div class='entry-content'><p>The cartel split in two.</p>"
        "<div class='related-posts'><p>More on cartels</p></div>"
        "<section id='comments'><p>Great article!</p></section>"
        "<p hidden>Hidden text</p><span style='display: none'>Invisible</span>"
        "<div class='newsletter-signup'>Sign up</div><p>Both factions claim the port.</p></div></body>"
    )
    assert _text(page) == "The cartel split in two.\n\nBoth factions claim the port."


def test_class_names_on_the_page_frame_do_not_drop_the_story():
    story = "Prosecutors said the two factions of the cartel now fight over the port. " * 10
    page = f"<body class='single has-sidebar'><div class='content-with-sidebar'><p>{story}</p></div></body>"
    assert _text(page) == story


def test_each_article_takes_the_date_of_its_own_time_element(tmp_path):
    page = (
        "<html><head><meta property='article:published_time' content='2023-05-03'></head><body>"
        "<article><h2>Rifles seized at the northern crossing</h2><time datetime='2023-05-01'>May 1</time>"
        "<p>Customs officers seized forty rifles hidden in furniture.</p></article>"
        "<article><h2>Harvest festival returns to the valley</h2>"
        "<p>The grape harvest festival returns with music and a parade.</p></article></body></html>"
    )
    path = tmp_path / "briefs.html"
    path.write_text(page, encoding="utf-8")
    doc = read_document(path)
    assert doc.date == "2023-05-03"
    assert [s.date for s in doc.sections] == ["2023-05-01", "2023-05-03"]


PAGE = (
    "<html><head><title>Sinaloa heir extradited | The Border Desk</title></head><body><article>"
    "<h1>Sinaloa heir extradited</h1>\n"
    '<p><a href="https://example.org/people/ovidio">Ovidio Guzm&aacute;n L&oacute;pez</a>, a <b>leader</b>'
    " of the Sinaloa Cartel, was extradited to the United States on Friday.</p>\n"
    "<p>His father, Joaqu&iacute;n Guzm&aacute;n Loera, known as &ldquo;El Chapo&rdquo;, "
    "<em>founded</em> the cartel.</p></article></body></html>"
)


def test_evidence_from_html_is_clean_text_whose_offsets_point_into_the_page(tmp_path: Path):
    import json
    import re

    from click.testing import CliRunner

    from ocgraph.cli import main

    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    runner = CliRunner()
    done = runner.invoke(main, ["extract", str(page)])
    assert done.exit_code == 0, done.output
    rows = [json.loads(x) for x in done.stdout.splitlines()]
    evidence = {r["evidence"] for r in rows if r["kind"] == "relation"}
    assert evidence == {
        "Ovidio Guzmán López, a leader of the Sinaloa Cartel, was extradited to the United States on Friday.",
        "His father, Joaquín Guzmán Loera, known as “El Chapo”, founded the cartel.",
    }
    for r in rows:
        if r["kind"] == "relation":  # the other route: strip the tags and decode the span of the file
            assert html.unescape(re.sub(r"<[^>]*>", "", PAGE[r["start"] : r["end"]])) == r["evidence"]
    assert runner.invoke(main, ["ingest", str(page)]).exit_code == 0
    shown = runner.invoke(main, ["explain", "El Chapo"]).stdout
    assert "“El Chapo”" in shown and "&ldquo;" not in shown and "<em>" not in shown
