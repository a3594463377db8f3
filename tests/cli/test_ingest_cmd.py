"""`ocgraph ingest` tells about files it had to decode as cp1252/Latin-1, as `extract` does."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from click.testing import CliRunner

from ocgraph import settings
from ocgraph.cli import main

LATIN1 = Path(__file__).resolve().parents[1] / "fixtures" / "bad" / "latin1.txt"


def test_ingest_warns_about_a_latin1_file_and_still_loads_it() -> None:
    result = CliRunner().invoke(main, ["ingest", str(LATIN1)])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "latin1.txt" in warnings[0] and "not UTF-8" in warnings[0]
    assert settings.store().load().counts()["entities"]["Document"] == 1


SKIPPED = (
    "warning: skipped 3 file(s) of types ocgraph does not read: 2 .xlsx, 1 .pptx "
    "(it reads .txt, .md, .html, .htm, .pdf, .docx)"
)


def _unsupported(folder: Path) -> Path:
    (folder / "deck").mkdir(parents=True)
    (folder / "ledger.xlsx").write_bytes(b"PK\x03\x04 a spreadsheet")
    (folder / "budget.xlsx").write_bytes(b"PK\x03\x04 another")
    (folder / "deck" / "briefing.pptx").write_bytes(b"PK\x03\x04 slides")
    (folder / ".DS_Store").write_bytes(b"\x00\x00")  # hidden: not the user's document
    return folder


def test_a_folder_of_only_unsupported_files_is_not_skipped_silently(tmp_path: Path) -> None:
    folder = _unsupported(tmp_path / "case-files")
    runner = CliRunner()
    nothing = f"error: nothing to read in {folder}: no .txt, .md, .html, .htm, .pdf, .docx file"
    for command in ("ingest", "extract", "read"):
        result = runner.invoke(main, [command, str(folder)])
        assert result.exit_code == 1, command
        assert result.stderr.splitlines() == [SKIPPED, nothing], command
    assert not settings.store().path.exists()  # nothing was written


def test_skipped_files_beside_readable_ones_are_counted_and_the_rest_loads(tmp_path: Path) -> None:
    folder = _unsupported(tmp_path / "case-files")
    (folder / "note.txt").write_text("Ismael Zambada García is a leader of the Sinaloa Cartel.\n")
    result = CliRunner().invoke(main, ["ingest", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [SKIPPED]
    assert settings.store().load().counts()["relations"] == {"leader_of": 1}


def test_the_advice_for_a_file_over_the_limit_works_when_followed(tmp_path: Path) -> None:
    big = tmp_path / "dossier file.txt"  # a space in the name: the advice quotes it for the shell
    lines = [f"Report {n}: Ismael Zambada García is a leader of the Sinaloa Cartel.\n" for n in range(40)]
    big.write_text("".join(lines), encoding="utf-8")
    size = big.stat().st_size
    runner = CliRunner()
    for command in ("ingest", "extract"):
        refused = runner.invoke(main, [command, "--max-bytes", "1000", str(big)])
        assert refused.exit_code == 1
        (error,) = refused.stderr.splitlines()
        assert error.startswith(f"error: {big}: {size:,} bytes is over the 1,000-byte limit; ")
    assert "Document" not in settings.store().load().counts()["entities"]

    # the first way: raise the limit as told
    raise_to = re.search(r"read it with (--max-bytes \d+)", error)[1].split()
    whole = runner.invoke(main, ["ingest", *raise_to, str(big)])
    assert whole.exit_code == 0 and whole.stderr == ""
    assert settings.store().load().counts()["relations"] == {"leader_of": 1}

    # the second way: run the split command as printed, then read the parts with the same limit
    split = re.search(r"read those: (split .*)$", error)[1]
    subprocess.run(split, shell=True, check=True, cwd=tmp_path)
    parts = sorted(tmp_path.glob("dossier file-part-*.txt"))
    assert len(parts) == 3 and all(p.stat().st_size <= 1000 for p in parts)
    assert "".join(p.read_text(encoding="utf-8") for p in parts) == big.read_text(encoding="utf-8")
    done = runner.invoke(main, ["ingest", "--max-bytes", "1000", *map(str, parts)])
    assert done.exit_code == 0 and "error" not in done.stderr, done.stderr
    assert settings.store().load().counts()["entities"]["Document"] == 4  # the whole file and 3 parts


def test_ingest_of_a_missing_file_is_the_error_alone(tmp_path: Path) -> None:
    missing = tmp_path / "nonexistent.txt"
    result = CliRunner().invoke(main, ["ingest", str(missing)])
    assert result.exit_code == 1
    # no "entities: 0 (+0)" before it: nothing was read, so there is nothing to count
    assert (result.stdout, result.stderr) == (
        "",
        f"error: {missing}: cannot read (No such file or directory)\n",
    )
    # with one good file beside it, the counts of what did load come first
    both = CliRunner().invoke(main, ["ingest", str(missing), str(LATIN1)])
    assert both.exit_code == 1
    assert both.stdout.startswith("entities: ") and "Document" in both.stdout
    assert both.stderr.endswith(f"error: {missing}: cannot read (No such file or directory)\n")
