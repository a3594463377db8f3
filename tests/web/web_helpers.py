"""Helpers of the workbench tests: the real command line, and screenshots kept in tests/artifacts/."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OCGRAPH = Path(sys.executable).parent / "ocgraph"
ARTIFACTS = REPO / "tests" / "artifacts"
# what tests/viz uses, plus the flags without which Chromium stalls on a closed network
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
]


def ocgraph(home: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command line from the repository (document paths are kept relative to it)."""
    done = subprocess.run(
        [str(OCGRAPH), *args],
        cwd=REPO,
        env={**os.environ, "OCGRAPH_HOME": str(home), **(env or {})},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return done


def shot(page, name: str) -> Path:
    """Keep a screenshot under tests/artifacts/ (git-ignored) and check it is a real picture."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=False)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000
    return path


def same(home: Path, other: Path, name: str) -> bool:
    """Whether the file `name` has the same bytes in two data directories."""
    return (home / name).read_bytes() == (other / name).read_bytes()
