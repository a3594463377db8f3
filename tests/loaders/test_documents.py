"""read_document: formats, encodings, normalisation with offsets, article splitting and bad input."""

from __future__ import annotations

import hashlib
import re
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocgraph.errors import InputError
from ocgraph.loaders.documents import iter_paths, read_document
from ocgraph.loaders.textmap import normalise

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "data" / "seed-kingpin-strategy.txt"
DOCS = Path(__file__).resolve().parents[1] / "fixtures" / "documents"


def _surface(doc, section, needle: str) -> str:
    """The raw text behind the first occurrence of needle in a section's normalised text."""
    i = section.text.index(needle)
    a, b = section.original_span(i, i + len(needle))
    return doc.raw[a:b]


def _tiles(doc, start: int = 0) -> None:
    """Sections cover the raw text end to end, in order, and every offsets list has len(text) + 1 entries."""
    assert doc.sections[0].offsets[0] == start
    for before, after in zip(doc.sections, doc.sections[1:], strict=False):
        assert before.offsets[len(before.text)] == after.offsets[0]
    for s in doc.sections:
        assert len(s.offsets) == len(s.text) + 1
    assert [s.index for s in doc.sections] == list(range(len(doc.sections)))


def test_seed_is_one_article_and_three_blurbs():
    doc = read_document(SEED)
    assert doc.name == "seed-kingpin-strategy.txt"
    assert doc.id == "doc/" + hashlib.sha256(SEED.read_bytes()).hexdigest()[:16]
    assert (doc.encoding, doc.warnings, doc.date) == ("utf-8", (), "2022-12-08")
    assert [s.title for s in doc.sections] == [
        "Failed 'kingpin strategy' at heart of new Mexico-US security plans",
        "2 foreign-owned manufacturing facilities open in northern Mexico",
        "Mexico's last World War II veteran dies at 98",
        "Impunity for homicides and femicides remains sky-high, new report finds",
    ]
    assert doc.title == doc.sections[0].title
    assert [s.date for s in doc.sections] == ["2022-12-08"] * 4
    main, factory, veteran, impunity = doc.sections
    assert main.text.startswith("Thursday, December 8, 2022\n\nFailed")
    # "InSight Crime analysis" is a subheading: the article goes on to its reprint note
    assert "InSight Crime analysis" in main.text
    assert main.text.rstrip().endswith("dedicated to the study of organized crime.")
    # each blurb starts at its photo caption, which sits before its headline
    assert factory.text.startswith("Mergon CEO Pat Beirne (far left)")
    assert veteran.text.startswith("Horacio Castilleja Albarrán during his time")
    assert impunity.text.startswith("Residents of San Simón de la Laguna")
    assert "Sinaloa" not in factory.text + veteran.text + impunity.text
    assert doc.sections[-1].offsets[len(impunity.text)] == len(doc.raw)
    _tiles(doc)


def test_seed_offsets_point_at_the_original_surface():
    doc = read_document(SEED)
    main = doc.sections[0]
    assert 'alias "El Chapo"' in main.text and "\u201c" not in main.text and "\u00a0" not in main.text
    assert (
        _surface(doc, main, 'Joaquín Guzmán Loera, alias "El Chapo"')
        == "Joaquín Guzmán Loera, alias “El Chapo”"
    )
    assert _surface(doc, main, "in early October during") == "in\u00a0early October\u00a0during"
    assert _surface(doc, main, "Treasury Department's") == "Treasury Department’s"
    a, b = main.original_span(0, 26)
    assert (a, b, doc.raw[a:b]) == (0, 26, "Thursday, December 8, 2022")
    # the text is the raw text with typography straightened
    table = {"\u00a0": " ", "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2026": "..."}
    a, b = main.original_span(0, len(main.text))
    assert main.text == "".join(table.get(c, c) for c in doc.raw[a:b])


def test_reading_twice_gives_the_same_document():
    one, two = read_document(SEED), read_document(SEED)
    assert one.id == two.id
    assert [(s.text, list(s.offsets)) for s in one.sections] == [
        (s.text, list(s.offsets)) for s in two.sections
    ]
    assert one.sections == two.sections
    assert one.sections[0].offsets == list(one.sections[0].offsets)
    assert one.sections[0].offsets != one.sections[1].offsets


def test_two_articles_split_on_topic_change_but_not_on_a_subheading():
    doc = read_document(DOCS / "two-articles.txt")
    assert [s.title for s in doc.sections] == [
        "Arrests split the Halcones del Norte network in Tamalpa state",
        "City library reopens after two years of repairs",
    ]
    assert "A divided network" in doc.sections[0].text
    assert doc.sections[1].text.startswith("City library reopens")
    assert [s.date for s in doc.sections] == ["2023-03-03", "2023-03-03"]
    _tiles(doc)


def test_a_subheading_on_a_new_aspect_of_the_story_does_not_split_it():
    doc = read_document(DOCS / "feature-with-subheads.txt")
    assert [s.title for s in doc.sections] == [
        "How the Valle Rojo Cartel rebuilt itself after its founder's arrest"
    ]
    assert "The money trail\n\nInvestigators followed the money" in doc.sections[0].text


def test_press_releases_split_on_end_marks_and_keep_their_own_datelines():
    doc = read_document(DOCS / "press-releases.txt")
    assert [(s.title, s.date) for s in doc.sections] == [
        ("Treasury Sanctions Leaders of the Invented Costa Verde Cartel", "2023-02-14"),
        ("State Department Announces Rewards in Smuggling Case", "2023-02-15"),
    ]
    assert doc.date == "2023-02-14"
    assert doc.sections[0].text.startswith("FOR IMMEDIATE RELEASE")  # a kicker, not a title
    assert doc.sections[0].text.rstrip().endswith("###")
    _tiles(doc)


_SAME_GANG = (
    "Gang leaders meet in Bahía Clara\n\n"
    "Leaders of Grupo Serrano met in Bahía Clara to divide the port's smuggling routes between its factions, "
    "police said, and the meeting ended without violence between the factions of Grupo Serrano.\n\n"
    "{rule}"
    "Grupo Serrano factions divide the port routes\n\n"
    "The factions of Grupo Serrano divided the smuggling routes of the port of Bahía Clara after the leaders "
    "met, police said; each faction keeps its own routes and leaders.\n"
)


@pytest.mark.parametrize(("rule", "titles"), [("", 1), ("* * *\n\n", 2), ("----------\n\n", 2)])
def test_a_rule_line_separates_stories_on_the_same_topic(tmp_path: Path, rule: str, titles: int):
    path = tmp_path / "gang.txt"
    path.write_text(_SAME_GANG.format(rule=rule), encoding="utf-8")
    doc = read_document(path)
    assert len(doc.sections) == titles
    assert doc.sections[-1].title == (
        "Grupo Serrano factions divide the port routes" if titles == 2 else doc.title
    )


def test_a_page_of_teasers_ending_in_read_more(tmp_path: Path):
    page = (
        "Latest news\n\n"
        "Port police seize cocaine in banana crates\n\n"
        "Police at the port of Bahía Clara found 300 kilos of cocaine hidden in banana crates on Friday.\n"
        "Read more\n\n"
        "Ex-mayor of Tamalpa charged with laundering cartel money\n\n"
        "Prosecutors charged the former mayor with laundering money for Grupo Serrano since 2019.\n"
        "Read more\n\n"
        "Drought forces farmers to sell cattle early\n\n"
        "Cattle prices fell as farmers in the valley sold herds before the dry season.\n"
        "Read more\n"
    )
    path = tmp_path / "latest.txt"
    path.write_text(page, encoding="utf-8")
    doc = read_document(path)
    assert [s.title for s in doc.sections] == [
        "Port police seize cocaine in banana crates",  # "Latest news" is a label: no text follows it
        "Ex-mayor of Tamalpa charged with laundering cartel money",
        "Drought forces farmers to sell cattle early",
    ]
    assert doc.sections[1].text.startswith("Ex-mayor") and doc.sections[1].text.rstrip().endswith("Read more")
    _tiles(doc)


def test_a_hard_wrapped_government_release_is_one_article_under_its_letterhead():
    doc = read_document(DOCS / "doj-style-release.txt")
    (s,) = doc.sections
    assert s.title == "Leaders of the Invented Valle Rojo Cartel Indicted for Fentanyl Trafficking"
    assert (doc.title, doc.date, s.date) == (s.title, "2023-09-12", "2023-09-12")
    assert s.text.startswith("Department of Justice\nOffice of Public Affairs")
    assert s.text.rstrip().endswith("Press Release Number: 23-000")
    # the text keeps the file's line breaks: offsets stay one for one
    i = s.text.index('also known as "El Ingeniero,"')
    a, b = s.original_span(i, i + 29)
    assert doc.raw[a:b] == 'also known as "El Ingeniero,"'


def test_a_wire_dateline_on_a_wrapped_first_line(tmp_path: Path):
    path = tmp_path / "wire.txt"
    path.write_text(
        "Cartel accountant extradited\n\nMEXICO CITY, Jan. 9, 2024 (Wire) - Mexico extradited the clerk\n"
        "of the invented Valle Rojo Cartel to the United States on Tuesday,\nofficials said.\n"
    )
    assert read_document(path).sections[0].date == "2024-01-09"


def test_markdown_markup_goes_and_offsets_stay():
    doc = read_document(DOCS / "listing.md")
    assert (doc.title, doc.date) == ("Weekly security roundup", "2023-06-09")
    assert [s.title for s in doc.sections] == [
        "Weekly security roundup: Grupo Serrano splits",
        "Harvest fair breaks attendance record",
        "New bridge opens over the Río Claro",
    ]
    main, fair, bridge = doc.sections
    assert "said on Thursday that Grupo Serrano has split" in main.text
    assert "led by\nIván Serrano, the founder's nephew" in main.text
    for mark in ("**", "](", "#", "*Grupo", "![", "---"):
        assert mark not in "".join(s.text for s in doc.sections)
    assert _surface(doc, main, "Thursday") == "Thursday"
    assert _surface(doc, main, "on Thursday that Grupo Serrano") == "on **Thursday** that *Grupo Serrano"
    assert _surface(doc, main, "Iván Serrano, the") == "Iván Serrano](https://example.org/ivan), the"
    assert "Why the split matters" in main.text  # subheading of the same story
    assert fair.text.startswith("Visitors crowd the main square")  # caption after the reprint note
    # the line between a teaser's lede and the next headline is the next teaser's caption
    assert bridge.text.startswith("Workers paint the railings")
    _tiles(doc, start=doc.raw.index("---\n", 3) + 4)  # after the front matter


@pytest.mark.parametrize(
    ("name", "encoding"), [("cp1252.txt", "cp1252"), ("latin1.txt", "latin-1"), ("bom-crlf.txt", "utf-8")]
)
def test_encodings_are_detected(name: str, encoding: str):
    doc = read_document(DOCS / name)
    assert doc.encoding == encoding
    if encoding == "utf-8":
        assert doc.warnings == ()
    else:
        assert doc.warnings == (f"{DOCS / name}: decoded as {encoding} (not UTF-8)",)
    assert "Peña" in doc.raw or "Guzmán" in doc.raw


def test_utf16_with_a_byte_order_mark_is_read_with_a_warning(tmp_path: Path):
    path = tmp_path / "notepad.txt"
    path.write_bytes("Guzmán López was detained in Culiacán.\r\n".encode("utf-16"))
    doc = read_document(path)
    assert (doc.encoding, doc.warnings) == ("utf-16", (f"{path}: decoded as UTF-16 (byte order mark)",))
    assert doc.sections[0].text == "Guzmán López was detained in Culiacán.\n"


def test_cp1252_typography_is_normalised_with_offsets_into_the_decoded_file():
    doc = read_document(DOCS / "cp1252.txt")
    (s,) = doc.sections
    assert s.text == (
        'December 1, 2022\n\nOfficials in Peña Blanca said the café owner paid "fees" '
        "to the Cártel del Río – about 500 pesos a week ... since 2019.\n"
    )
    assert _surface(doc, s, '"fees"') == "“fees”"
    assert _surface(doc, s, "week ... since") == "week … since"
    assert s.date == "2022-12-01"


def test_bom_crlf_soft_hyphen_and_zero_width_space():
    doc = read_document(DOCS / "bom-crlf.txt")
    (s,) = doc.sections
    assert not doc.raw.startswith("\ufeff")
    assert s.text == "December 3, 2022\n\nEl Chapo's son, Ovidio Guzmán López, was detained in Culiacán.\n"
    assert _surface(doc, s, "detained") == "de\u00adtained"
    assert _surface(doc, s, "El Chapo's") == "El\u00a0Chapo’s"
    assert _surface(doc, s, "Culiacán.\n") == "Culiacán.\u200b\r\n"


_TOKENS = [
    "a",
    "Z",
    "é",
    "e\u0301",
    " ",
    "\n",
    "\r\n",
    "\r",
    "\u00a0",
    "\u202f",
    "\u00ad",
    "\u200b",
    "\ufeff",
]
_TOKENS += ["\u2019", "\u201c", "\u2026", "\ufb01", "\t", "\x07", "-"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=30))
def test_any_span_of_the_text_is_the_normalised_raw_behind_it(tokens: list[str]):
    raw = "".join(tokens)
    text, offsets = normalise(raw)
    assert len(offsets) == len(text) + 1
    assert list(offsets) == [offsets[i] for i in range(len(offsets))]
    if len(text) > 2:
        window = offsets.window(1, len(text) - 1)
        assert list(window) == [window[i] for i in range(len(window))]
        assert (
            list(window)[:-1] == offsets[1 : len(text) - 1]
        )  # the last entry is the end of the last character
    # boundaries: positions where the map moves on (not inside "..." made from one ellipsis)
    cuts = [i for i in range(len(text) + 1) if i in (0, len(text)) or offsets[i] != offsets[i - 1]]
    for i, s in enumerate(cuts):
        for e in cuts[i:]:
            a, b = offsets.span(s, e)
            assert normalise(raw[a:b])[0] == text[s:e]


# --- bad input -------------------------------------------------------------------------------------


def _error(path: Path, **kwargs) -> str:
    with pytest.raises(InputError) as caught:
        read_document(path, **kwargs)
    message = str(caught.value)
    assert "\n" not in message and str(path) in message
    return message


def test_empty_and_blank_files(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_bytes(b"  \n\t\r\n")
    assert _error(tmp_path / "empty.txt").endswith("empty file")
    assert _error(tmp_path / "blank.md").endswith("empty file")


def test_html_with_only_scripts_has_no_text(tmp_path: Path):
    (tmp_path / "s.html").write_text("<html><script>var a = 'Sinaloa Cartel';</script><nav>Home</nav></html>")
    assert "no text" in _error(tmp_path / "s.html")


def test_binary_file(tmp_path: Path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary file" in _error(tmp_path / "image.txt")


def test_truncated_and_corrupt_utf8_are_refused_not_misread_as_cp1252(tmp_path: Path):
    good = "Joaquín Guzmán Loera, alias “El Chapo”, led the Sinaloa Cartel.".encode()
    (tmp_path / "cut.txt").write_bytes(good[:-3] + "é".encode()[:1])
    (tmp_path / "bad.txt").write_bytes(good[:10] + b"\xff" + good[10:])
    assert "truncated at the end" in _error(tmp_path / "cut.txt")
    assert "invalid at byte 10" in _error(tmp_path / "bad.txt")


def test_unsupported_missing_and_directory(tmp_path: Path):
    (tmp_path / "report.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "folder.txt").mkdir()
    assert "unsupported file type '.xlsx'; ocgraph reads .txt, .md, .html, .htm, .pdf, .docx" in _error(
        tmp_path / "report.xlsx"
    )
    assert "report.pdf: not a readable PDF (" in _error(tmp_path / "report.pdf")
    assert _error(tmp_path / "missing.txt").endswith("cannot read (No such file or directory)")
    assert _error(tmp_path / "missing").endswith("cannot read (No such file or directory)")
    assert "is a folder, not a file" in _error(tmp_path / "folder.txt")


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path: Path):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:  # sparse: 50 MB on paper, nothing on disk
        f.truncate(50 * 1024 * 1024)
    tracemalloc.start()
    message = _error(big)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "52,428,800 bytes is over the 20,000,000-byte limit; read it with --max-bytes 52428800" in message
    assert peak < 1_000_000


def test_the_limit_is_configurable(tmp_path: Path):
    path = tmp_path / "small.txt"
    path.write_text("Sinaloa Cartel members met in Culiacán. " * 30)
    assert "1,230 bytes is over the 1,000-byte limit" in _error(path, max_bytes=1000)
    assert read_document(path, max_bytes=2000).sections[0].text.startswith("Sinaloa Cartel")


def test_a_folder_mixing_good_and_bad_files(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "good.md").write_text("# Title here\n\nText.\n")
    (tmp_path / "a-empty.txt").write_text("")
    (tmp_path / "c.html").write_text("<p>Paragraph one about a cartel.</p>")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text("secret")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("x")
    paths = list(iter_paths([tmp_path, tmp_path / "b" / "good.md", tmp_path / "notes.pdf"]))
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == [
        "a-empty.txt",
        "b/good.md",
        "c.html",
        "notes.pdf",
    ]
    read, failed = [], []
    for p in paths:
        try:
            read.append(read_document(p).name)
        except InputError as e:
            failed.append(str(e).split(":")[0])
    assert read == ["good.md", "c.html"]
    assert failed == [str(tmp_path / "a-empty.txt"), str(tmp_path / "notes.pdf")]


def test_iter_paths_takes_one_path_too():
    assert [p.name for p in iter_paths(str(SEED))] == ["seed-kingpin-strategy.txt"]
    names = [p.name for p in iter_paths(DOCS)]
    assert names == sorted(names) and len(names) == 10 and "cp1252.txt" in names


def test_no_title_when_nothing_looks_like_one(tmp_path: Path):
    path = tmp_path / "plain.txt"
    path.write_text("The cartel paid the police. Nobody was arrested.\n")
    doc = read_document(path)
    assert (doc.title, doc.date, len(doc.sections)) == (None, None, 1)
    assert re.fullmatch(r"doc/[0-9a-f]{16}", doc.id)


_PIECES = [
    "<p>",
    "</p>",
    "<a href='x'>",
    "<script>",
    "</script>",
    "&amp;",
    "&#x27;",
    "&bogus;",
    "<!--",
    "-->",
]
_PIECES += [
    "# ",
    "**",
    "[",
    "](",
    ")",
    "\n",
    "\n\n",
    "Title line",
    "A sentence.",
    "é",
    "\u2019",
    "\x00",
    "\xff",
]
_PIECES += ["<![CDATA[", "<!DOCTYPE html>", "<?xml?>", "<", ">", "---\n", "\r\n", "December 8, 2022"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.sampled_from([".txt", ".md", ".html"]))
def test_any_input_gives_a_document_or_an_input_error(tmp_path_factory, pieces: list[str], suffix: str):
    path = tmp_path_factory.mktemp("fuzz") / f"f{suffix}"
    path.write_bytes("".join(pieces).encode("utf-8", "surrogateescape").replace(b"\xc3\xbf", b"\xff"))
    try:
        doc = read_document(path)
    except InputError as e:
        assert "\n" not in str(e) and str(path) in str(e)
        return
    for s in doc.sections:
        assert len(s.offsets) == len(s.text) + 1
        a, b = s.original_span(0, len(s.text))
        assert 0 <= a <= b <= len(doc.raw)
