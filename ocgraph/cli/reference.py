"""The README's CLI reference, generated from the commands themselves (`python -m ocgraph.cli.reference`)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from ocgraph.cli import main

START, END = "<!-- cli-reference:start -->", "<!-- cli-reference:end -->"


def _rows(group: click.Group, prefix: str) -> list[tuple[str, str]]:
    rows = []
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        if cmd is None or cmd.hidden:
            continue
        usage = " ".join(cmd.collect_usage_pieces(ctx))
        rows.append((f"{prefix} {name} {usage}".strip(), cmd.get_short_help_str(limit=300)))
        if isinstance(cmd, click.Group):
            rows += _rows(cmd, f"{prefix} {name}")
    return rows


def reference() -> str:
    """A Markdown table of every command with its usage and one-line help."""
    lines = [START, "", "| command | what it does |", "|---|---|"]
    for usage, text in _rows(main, "ocgraph"):
        cell = text.replace("|", "\\|")
        lines.append(f"| `{usage}` | {cell} |")
    lines += ["", "Every command takes `-h`/`--help`; `ocgraph --debug COMMAND` shows tracebacks.", END]
    return "\n".join(lines)


def update(readme: Path) -> bool:
    """Rewrite the block between the markers; True when the file changed."""
    text = readme.read_text(encoding="utf-8")
    new = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: reference(), text, flags=re.S)
    if new != text:
        readme.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "README.md")
    print(f"{path}: {'updated' if update(path) else 'up to date'}")
