"""Shared helper for the quality tests: `ocgraph extract` on texts, scored by `ocgraph evaluate`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from ocgraph.cli import main


def extract_and_score(texts: list[Path], golds: list[Path], tmp_path: Path) -> dict[str, Any]:
    """`evaluate --json --show` on the predictions `extract` writes: the figures, misses and wrong ones.

    The two steps are run apart so the contract file between them is exercised as users have it.
    """
    out = tmp_path / "pred.jsonl"
    runner = CliRunner()
    result = runner.invoke(main, ["extract", *map(str, texts), "-o", str(out)])
    assert result.exit_code == 0, result.output
    scored = runner.invoke(main, ["evaluate", "--pred", str(out), *map(str, golds), "--json", "--show"])
    assert scored.exit_code == 0, scored.output
    figures = json.loads(scored.stdout)
    figures["misses"] = [
        f"{m['document']}: {m['subject']} -{m['predicate']}-> {m['object']}" for m in figures["missed"]
    ]
    figures["documents"] = {json.loads(x)["doc"] for x in out.read_text(encoding="utf-8").splitlines()}
    return figures
