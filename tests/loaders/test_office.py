"""PDF and Word input: real files written in the test (PDF by fpdf2, .docx by python-docx), read back.

A PDF's text layer is read with pypdf, a .docx with python-docx; evidence offsets point into the
extracted text, and a PDF keeps the page each piece of it came from.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from fpdf import FPDF
from fpdf.enums import EncryptionMethod
from PIL import Image, ImageDraw

from ocgraph.cli import main
from ocgraph.errors import InputError
from ocgraph.graph.store import read_graph
from ocgraph.loaders.documents import page_of, read_document

TITLE = "Treasury Sanctions Sinaloa Cartel Operatives"
LEAD = (
    "WASHINGTON - Today, the U.S. Department of the Treasury's Office of Foreign Assets Control "
    "(OFAC) sanctioned Ovidio Guzmán López, a leader of the Sinaloa Cartel. The action targets a "
    "network that traffics fentanyl into the United States and launders its proceeds."
)
MAYO = 'Ismael Zambada García, alias "El Mayo", is a co-founder of the Sinaloa Cartel.'
CHAPO = "Joaquín Guzmán Loera, known as El Chapo, was detained by Mexican authorities in 2016."


def _pdf(path: Path, pages: list[list[str] | None], head: str | None = None) -> Path:
    """A PDF of the given pages (paragraphs each; None: a page holding only a scanned image)."""
    pdf = FPDF()
    pdf.set_creation_date(datetime(2024, 5, 3, tzinfo=UTC))  # the same bytes on every run
    scan = path.with_suffix(".png")
    image = Image.new("L", (600, 200), 255)
    ImageDraw.Draw(image).text((20, 20), "AFFIDAVIT (signed)", fill=0)
    image.save(scan)
    for k, paragraphs in enumerate(pages, 1):
        pdf.add_page()
        if head:
            pdf.set_font("helvetica", size=8)
            pdf.cell(0, 5, head.format(k=k), new_x="LMARGIN", new_y="NEXT")
        if paragraphs is None:
            pdf.image(str(scan), x=10, y=30, w=180)
            continue
        for i, text in enumerate(paragraphs):
            pdf.set_font("helvetica", "B" if text == TITLE else "", 16 if text == TITLE else 12)
            pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
            if i + 1 < len(paragraphs):
                pdf.ln(4)
    pdf.output(str(path))
    return path


def test_pdf_text_pages_and_a_scanned_page(tmp_path: Path):
    path = _pdf(tmp_path / "designation.pdf", [[TITLE, LEAD, MAYO], None, [CHAPO]])
    doc = read_document(path)
    assert doc.encoding == "pdf"
    # wrapped lines are joined into paragraphs; pages are separated like paragraphs
    assert doc.raw == f"{TITLE}\n\n{LEAD}\n\n{MAYO}\n\n{CHAPO}"
    third = doc.raw.index(CHAPO)
    assert doc.pages == (0, third - 2, third)
    assert doc.page_starts == f"0 {third - 2} {third}"
    assert [page_of(doc.page_starts, x) for x in (0, doc.raw.index(MAYO), third)] == [1, 1, 3]
    assert doc.title == TITLE
    assert doc.warnings == (
        f"{path}: page 2 has no text layer (a scanned image?), so nothing on it was read; "
        "run OCR on the file (e.g. ocrmypdf) to read it",
    )


def test_ingest_and_explain_a_pdf_show_the_page(tmp_path: Path, ocgraph_home: Path):
    path = _pdf(tmp_path / "designation.pdf", [[TITLE, LEAD, MAYO], None, [CHAPO]])
    runner = CliRunner()
    done = runner.invoke(main, ["ingest", str(path)])
    assert done.exit_code == 0, done.output
    assert "page 2 has no text layer" in done.stderr
    kg = read_graph(ocgraph_home / "graph.jsonl")
    document = next(e for e in kg.entities.values() if e.type == "Document")
    raw = read_document(path).raw
    assert document.properties["page_starts"] == f"0 {raw.index(CHAPO) - 2} {raw.index(CHAPO)}"
    for rel in kg.relations.values():
        for ev in rel.evidence:
            assert raw[ev.start : ev.end] == ev.sentence
    shown = runner.invoke(main, ["explain", "El Chapo"])
    a = raw.index(CHAPO)
    assert f'    "{CHAPO}" [designation.pdf, page 3, chars {a}-{a + len(CHAPO)}]' in shown.stdout.splitlines()
    shown = runner.invoke(main, ["explain", "El Mayo"])
    assert re.search(r"\[designation\.pdf, page 1, chars \d+-\d+\]", shown.stdout)


def test_running_heads_are_dropped(tmp_path: Path):
    head = "Case 1:23-cr-00180-KPF Document 12 Filed 04/14/23 Page {k} of 3"
    path = _pdf(tmp_path / "filing.pdf", [[TITLE, LEAD], [MAYO], [CHAPO]], head=head)
    assert read_document(path).raw == f"{TITLE}\n\n{LEAD}\n\n{MAYO}\n\n{CHAPO}"


def test_a_pdf_without_any_text_layer_is_one_error(tmp_path: Path):
    path = _pdf(tmp_path / "scan.pdf", [None, None])
    with pytest.raises(InputError) as e:
        read_document(path)
    assert str(e.value) == (
        f"{path}: no text layer on any of its 2 page(s) (a scan?); run OCR on it first "
        "(e.g. ocrmypdf) and read the result"
    )


def test_damaged_pdf_and_docx_are_one_line_each(tmp_path: Path):
    good = _pdf(tmp_path / "good.pdf", [[CHAPO]]).read_bytes()
    (tmp_path / "cut.pdf").write_bytes(good[: len(good) // 3])
    (tmp_path / "fake.docx").write_text("not a zip file")
    locked = FPDF()
    locked.add_page()
    locked.set_font("helvetica", size=12)
    locked.cell(0, 10, CHAPO)
    locked.set_encryption(owner_password="o", user_password="secret", encryption_method=EncryptionMethod.RC4)
    locked.output(str(tmp_path / "locked.pdf"))
    done = CliRunner().invoke(main, ["read", str(tmp_path)])
    assert done.exit_code == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert errors[0].startswith(f"error: {tmp_path / 'cut.pdf'}: not a readable PDF (")
    assert errors[1].startswith(f"error: {tmp_path / 'fake.docx'}: not a readable Word .docx file (")
    assert errors[2] == (
        f"error: {tmp_path / 'locked.pdf'}: the PDF is encrypted with a password; save an unprotected copy"
    )
    assert errors[3] == "error: 3 file(s) could not be read"
    assert "good.pdf" in done.stdout


def _docx(path: Path) -> Path:
    d = docx.Document()
    d.add_heading("Indictment unsealed against Sinaloa Cartel leaders", 0)  # the Title style
    d.add_paragraph("Unsealed on Friday in the Southern District of New York.")
    d.add_heading("The defendants", 1)
    d.add_paragraph(MAYO)
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Name", "Alias"
    table.cell(1, 0).text, table.cell(1, 1).text = "Ismael Zambada García", "El Mayo"
    d.add_paragraph("")  # empty paragraphs are left out
    d.add_paragraph(CHAPO)
    d.save(str(path))
    return path


def test_docx_paragraphs_headings_and_tables(tmp_path: Path):
    path = _docx(tmp_path / "indictment.docx")
    doc = read_document(path)
    assert doc.encoding == "docx"
    assert doc.raw == (
        "Indictment unsealed against Sinaloa Cartel leaders\n\n"
        "Unsealed on Friday in the Southern District of New York.\n\n"
        f"The defendants\n\n{MAYO}\n\nName | Alias\n\nIsmael Zambada García | El Mayo\n\n{CHAPO}"
    )
    assert doc.title == "Indictment unsealed against Sinaloa Cartel leaders"
    assert doc.pages == () and doc.page_starts is None


def test_extract_reads_pdf_and_docx_with_evidence_in_their_text(tmp_path: Path):
    pdf = _pdf(tmp_path / "designation.pdf", [[TITLE, LEAD, MAYO], None, [CHAPO]])
    word = _docx(tmp_path / "indictment.docx")
    out = tmp_path / "facts.jsonl"
    done = CliRunner().invoke(main, ["extract", str(tmp_path), "-o", str(out)])
    assert done.exit_code == 0, done.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    facts = {(r["doc"], r["subject"], r["predicate"], r["object"]) for r in rows if r["kind"] == "relation"}
    for name in ("designation.pdf", "indictment.docx"):
        assert (name, "person/joaquin-guzman-loera", "detained_by", "state/mexico") in facts
        # a co-founder is a member (tests/fixtures/real/README.md: leader_of needs a stated lead)
        assert (name, "person/ismael-zambada-garcia", "member_of", "crimorg/sinaloa-cartel") in facts
    texts = {"designation.pdf": read_document(pdf).raw, "indictment.docx": read_document(word).raw}
    for r in rows:
        if r["kind"] == "relation":
            assert texts[r["doc"]][r["start"] : r["end"]] == r["evidence"]
