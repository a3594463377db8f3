"""The viz page in a real headless Chromium: it draws the expected nodes with no script error."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ocgraph.graph import viz
from ocgraph.graph.model import KnowledgeGraph

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-extensions",
    "--window-size=1400,1000",
]


def chromium(tmp_path: Path, page: Path, *args: str) -> str:
    exe = shutil.which("chromium")
    assert exe, "the browser test needs Debian's chromium (apt-get install chromium; .ci/run installs it)"
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    done = subprocess.run(
        [exe, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def body_attributes(dom: str) -> dict[str, str]:
    body = re.search(r"<body([^>]*)>", dom)
    assert body, dom[:500]
    return dict(re.findall(r'(data-[a-z-]+)="([^"]*)"', body.group(1)))


def test_seed_graph_draws_every_node_without_errors(fixture_graph: KnowledgeGraph, tmp_path: Path) -> None:
    page = tmp_path / "graph.html"
    viz.write_html(fixture_graph, page)
    dom = chromium(tmp_path, page, "--dump-dom")
    attrs = body_attributes(dom)
    assert json.loads(attrs["data-errors"].replace("&quot;", '"')) == []
    # 22 entities in the fixture minus its one Document; 37 relations
    assert (attrs["data-nodes-drawn"], attrs["data-edges-drawn"]) == ("21", "37")
    assert dom.count('class="ocg-node"') == 21
    assert dom.count('class="ocg-edge rivalry" data-id=') == 2  # the two rival_of edges: dashed red
    legend = re.search(r'<aside id="ocg-legend">(.*?)</aside>', dom, re.S).group(1)
    for entry in (
        "Person (8)",
        "Criminal Organization (6)",
        "Government Organization (3)",
        "State (2)",
        "Policy (2)",
        "rivalry (rival of)",
        "alliance (allied with)",
    ):
        assert entry in legend

    shot = tmp_path / "viz.png"
    chromium(tmp_path, page, f"--screenshot={shot}")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(shot, ARTIFACTS / "viz-seed.png")
    print(f"screenshot: {ARTIFACTS / 'viz-seed.png'}")


def test_focus_page_draws_the_neighbourhood(fixture_graph: KnowledgeGraph, tmp_path: Path) -> None:
    page = tmp_path / "mayo.html"
    viz.write_html(fixture_graph, page, focus="El Mayo", hops=1)
    attrs = body_attributes(chromium(tmp_path, page, "--dump-dom"))
    assert (attrs["data-nodes-drawn"], attrs["data-edges-drawn"], attrs["data-errors"]) == ("4", "6", "[]")


def test_a_broken_page_is_caught(fixture_graph: KnowledgeGraph, tmp_path: Path) -> None:
    # The error hook must see what goes wrong, or the checks above could not fail.
    page = tmp_path / "broken.html"
    html = viz.to_html(fixture_graph)
    page.write_text(html.replace('id="ocg-data">{', 'id="ocg-data">{oops', 1), encoding="utf-8")
    attrs = body_attributes(chromium(tmp_path, page, "--dump-dom"))
    assert "data-nodes-drawn" not in attrs
    assert "JSON" in attrs["data-errors"]
