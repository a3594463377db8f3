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


def chromium(tmp_path: Path, page: Path, *args: str, fragment: str = "") -> str:
    exe = shutil.which("chromium")
    assert exe, "the browser test needs Debian's chromium (apt-get install chromium; .ci/run installs it)"
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    done = subprocess.run(
        [exe, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri() + fragment],
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
    dom = chromium(tmp_path, page, "--dump-dom")
    attrs = body_attributes(dom)
    assert (attrs["data-nodes-drawn"], attrs["data-edges-drawn"], attrs["data-errors"]) == ("4", "6", "[]")
    # a node is labelled with its canonical name only; its aliases are in the hover card
    assert names_drawn(dom)["person/ismael-zambada-garcia"] == ["Ismael Zambada García"]
    assert "El Mayo" not in [t for texts in names_drawn(dom).values() for t in texts]


def names_drawn(dom: str) -> dict[str, list[str]]:
    """Each drawn node's text elements (its name, and its "+N" when it has more)."""
    nodes = re.findall(r'<g class="ocg-node[^"]*" data-id="([^"]+)".*?</g>', dom, re.S)
    texts = re.findall(r'<g class="ocg-node[^"]*" data-id="[^"]+".*?</g>', dom, re.S)
    return {
        node: [t for t in re.findall(r"<text[^>]*>([^<]*)</text>", text) if t]
        for node, text in zip(nodes, texts, strict=True)
    }


OFAC = "govorg/office-of-foreign-assets-control"


def test_overview_of_a_big_store_draws_groups_and_leaders_and_counts_the_hub(
    ofac_graph: KnowledgeGraph, tmp_path: Path
) -> None:
    page = tmp_path / "overview.html"
    viz.write_html(ofac_graph, page)
    dom = chromium(tmp_path, page, "--dump-dom")
    attrs = body_attributes(dom)
    assert json.loads(attrs["data-errors"].replace("&quot;", '"')) == []
    assert json.loads(attrs["data-hubs"].replace("&quot;", '"')) == [OFAC]
    drawn = names_drawn(dom)
    groups = {e for e, x in ofac_graph.entities.items() if x.type == "CriminalOrganization"}
    leaders = {
        r.subject for r in ofac_graph.relations.values() if r.predicate == "leader_of" and r.object in groups
    }
    assert set(drawn) == groups | leaders and attrs["data-nodes-drawn"] == "24"
    between = [r for r in ofac_graph.relations.values() if {r.subject, r.object} <= set(drawn)]
    assert attrs["data-edges-drawn"] == str(len(between))
    # OFAC is not drawn: the legend counts its 302 relations, a button away
    hub = re.search(r'<button class="hub" type="button" data-id="([^"]+)">(.*?)</button>', dom, re.S)
    assert hub.group(1) == OFAC
    assert "Office of Foreign Assets Control" in hub.group(
        2
    ) and "302 relations: sanctioned by 301" in hub.group(2)
    # each group shows how many neighbours a click would add (the Sinaloa Cartel: its members)
    near = {r.subject for r in ofac_graph.relations.values() if r.object == "crimorg/sinaloa-cartel"}
    near |= {r.object for r in ofac_graph.relations.values() if r.subject == "crimorg/sinaloa-cartel"}
    more = near - set(drawn) - {OFAC}
    assert drawn["crimorg/sinaloa-cartel"] == ["Sinaloa Cartel", f"+{len(more)}"]

    shot = tmp_path / "overview.png"
    chromium(tmp_path, page, f"--screenshot={shot}")
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(shot, ARTIFACTS / "viz-overview.png")

    # a click on the Sinaloa Cartel (here as a link that opens the page on it) draws those neighbours
    opened = chromium(tmp_path, page, "--dump-dom", fragment="#open=crimorg/sinaloa-cartel")
    assert set(names_drawn(opened)) == set(drawn) | more
    assert body_attributes(opened)["data-nodes-drawn"] == str(24 + len(more))
    assert names_drawn(opened)["crimorg/sinaloa-cartel"] == ["Sinaloa Cartel"]  # nothing more to show


def test_search_focuses_a_node_and_its_card_gives_the_aliases(
    ofac_graph: KnowledgeGraph, tmp_path: Path
) -> None:
    page = tmp_path / "overview.html"
    viz.write_html(ofac_graph, page)
    # an OFAC alias of the Sinaloa Cartel, typed without capitals
    dom = chromium(tmp_path, page, "--dump-dom", fragment="#find=guadalajara%20cartel")
    attrs = body_attributes(dom)
    assert attrs["data-found"] == "crimorg/sinaloa-cartel" and attrs["data-errors"] == "[]"
    tip = re.search(r'<div id="ocg-tip" role="tooltip"[^>]*>(.*?)</div>\s*<script', dom, re.S)
    assert tip and "hidden" not in tip.group(0)[:60]
    assert "<h3>Sinaloa Cartel</h3>" in tip.group(1)
    assert "Also known as: Guadalajara Cartel; Mexican Federation" in tip.group(1)
    assert names_drawn(dom)["crimorg/sinaloa-cartel"] == ["Sinaloa Cartel"]
    # a person reached only through the search is drawn with the neighbours of its own
    hugo = chromium(tmp_path, page, "--dump-dom", fragment="#find=Hugo%20Ivan%20Carranza%20Zepeda")
    assert body_attributes(hugo)["data-found"] == "person/hugo-ivan-carranza-zepeda"
    assert "person/hugo-ivan-carranza-zepeda" in names_drawn(hugo)
    nobody = chromium(tmp_path, page, "--dump-dom", fragment="#find=Nobody%20Atall")
    assert "No entity is called \u201cNobody Atall\u201d." in nobody


def test_a_broken_page_is_caught(fixture_graph: KnowledgeGraph, tmp_path: Path) -> None:
    # The error hook must see what goes wrong, or the checks above could not fail.
    page = tmp_path / "broken.html"
    html = viz.to_html(fixture_graph)
    page.write_text(html.replace('id="ocg-data">{', 'id="ocg-data">{oops', 1), encoding="utf-8")
    attrs = body_attributes(chromium(tmp_path, page, "--dump-dom"))
    assert "data-nodes-drawn" not in attrs
    assert "JSON" in attrs["data-errors"]
