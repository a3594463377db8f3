"""The README's CLI reference matches the commands (regenerate with `make readme`)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from ocgraph.cli import main
from ocgraph.cli.reference import reference

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_cli_reference_is_current() -> None:
    assert reference() in README.read_text(encoding="utf-8"), "CLI reference drifted: make readme"


def test_every_command_is_in_the_reference_with_one_line_help() -> None:
    table = reference()
    for name, cmd in main.commands.items():
        assert f"`ocgraph {name} " in table
        assert cmd.get_short_help_str(limit=300) and "\n" not in cmd.get_short_help_str(limit=300)


def test_help_lists_every_command_untruncated() -> None:
    out = CliRunner().invoke(main, ["--help"], terminal_width=200).output
    for name, cmd in main.commands.items():
        assert name in out
        assert cmd.get_short_help_str(limit=300) in out
