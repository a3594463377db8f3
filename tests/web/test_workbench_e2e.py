"""The workbench end to end: a real `ocgraph serve` on the seed article, driven in headless Chromium.

Search "El Mayo", open his page, read his evidence highlighted in the seed article, expand a
neighbour in the graph, reject a fact and see it stay gone after a re-ingest, run the `members`
query. Expected values come from the store file and the article itself, not from the pages.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import urllib.request
from pathlib import Path

import pytest
from web_helpers import REPO, ocgraph, same, shot

from ocgraph.graph.store import read_graph

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SEED = "data/seed-kingpin-strategy.txt"
# a real encyclopedia article (CC BY-SA 4.0, see tests/fixtures/real/SOURCES.md) with a dated split
COSTILLA = "tests/fixtures/real/dev/mx-wikipedia-jorge-eduardo-costilla-sanchez.txt"
MAYO = "person/ismael-zambada-garcia"
SINALOA = "crimorg/sinaloa-cartel"


def neighbours(kg, eid: str) -> set[str]:
    return {
        other
        for r in kg.relations.values()
        if eid in (r.subject, r.object)
        for other in (r.object if r.subject == eid else r.subject,)
        if kg.entities[other].type != "Document"
    }


def test_search_read_expand_reject_reingest_and_query(tmp_path: Path, serve, page) -> None:
    home = tmp_path / "home"
    ocgraph(home, "ingest", SEED)
    kg = read_graph(home / "graph.jsonl")
    served = serve(home)
    assert served.printed[0] == f"ocgraph workbench on {served.base}/ (the store in {home})"
    pg = page.page

    # search: folded and typo-tolerant, with type badges
    pg.goto(served.base + "/")
    pg.fill("input[name=q]", "el MAYO")
    pg.press("input[name=q]", "Enter")
    first = pg.locator("#hits li").first
    assert first.locator(".badge").inner_text() == "Person"
    assert first.locator("a").inner_text() == "Ismael Zambada García"
    assert "matched “El Mayo”" in first.inner_text()
    shot(pg, "serve-search.png")
    pg.goto(served.base + "/?q=Zambda%20Garsia")  # two typos
    assert pg.locator("#hits li a").first.inner_text() == "Ismael Zambada García"
    pg.goto(served.base + "/?q=el%20mayo")
    pg.locator("#hits li a").first.click()

    # his page: every fact the store has on him, grouped by predicate, with evidence and extractor
    pg.wait_for_url(f"{served.base}/entity/{MAYO}")
    assert pg.locator("h1#name").inner_text().startswith("Ismael Zambada García")
    mine = [r for r in kg.relations.values() if MAYO in (r.subject, r.object)]
    assert pg.locator("li.fact").count() == len(mine) == 4
    groups = pg.locator("section.group").evaluate_all("els => els.map(e => e.dataset.predicate)")
    assert sorted(groups) == sorted({r.predicate for r in mine})
    member = next(r for r in mine if r.predicate == "member_of")
    fact = pg.locator(f'li.fact[data-id="{member.id}"]')
    quotes = fact.locator("blockquote")  # one per sentence that states it
    assert quotes.count() == len(member.evidence)
    assert quotes.first.inner_text() == member.evidence[0].sentence
    assert member.evidence[0].extractor in fact.locator(".extractor").first.inner_text()
    assert "2022-12-08" in fact.locator(".source").first.inner_text()
    shown = f"confidence {member.properties['confidence'] * 100:.0f}%"  # the store's, as a percentage
    assert shown in fact.inner_text() and "unreviewed" in fact.inner_text()

    # the graph panel: him and his neighbours; a click on the Sinaloa Cartel expands it
    box = pg.locator("#graph")
    near = neighbours(kg, MAYO)
    expected = str(1 + len(near))
    pg.wait_for_selector(f'#graph[data-nodes="{expected}"]')
    shot(pg, "serve-actor.png")
    at = pg.evaluate(f"() => window.ocgraphCy.getElementById('{SINALOA}').renderedPosition()")
    corner = box.bounding_box()
    pg.mouse.click(corner["x"] + at["x"], corner["y"] + at["y"])
    # El Chapo comes in by leader_of
    both = {MAYO} | near | neighbours(kg, SINALOA)
    pg.wait_for_selector(f'#graph[data-nodes="{len(both)}"]')
    assert SINALOA in box.get_attribute("data-expanded").split()
    box.scroll_into_view_if_needed()
    shot(pg, "serve-graph-expanded.png")

    # the evidence in the seed article, marked at its offsets (checked against the file itself)
    fact.locator("a.doc").first.click()  # the first sentence that states it
    pg.wait_for_selector("mark#focus")
    ev = member.evidence[0]
    text = (REPO / SEED).read_text(encoding="utf-8")
    focus = pg.locator("mark.focus").evaluate_all("els => els.map(e => e.textContent).join('')")
    assert focus == text[ev.start : ev.end]
    assert pg.locator("mark#focus").get_attribute("data-start") == str(ev.start)
    assert "Ismael Zambada García, alias “El Mayo,”" in focus
    shot(pg, "serve-document.png")

    # from a page with no filter box for leader_of (Ovidio Guzmán López's), the expanded Sinaloa Cartel
    # still brings El Chapo, who comes in by leader_of
    ovidio = "person/ovidio-guzman-lopez"
    assert "leader_of" not in {r.predicate for r in kg.relations.values() if ovidio in (r.subject, r.object)}
    pg.goto(f"{served.base}/entity/{ovidio}")
    pg.wait_for_selector(f'#graph[data-nodes="{1 + len(neighbours(kg, ovidio))}"]')
    at = pg.evaluate(f"() => window.ocgraphCy.getElementById('{SINALOA}').renderedPosition()")
    corner = box.bounding_box()
    pg.mouse.click(corner["x"] + at["x"], corner["y"] + at["y"])
    around = {ovidio} | neighbours(kg, ovidio) | neighbours(kg, SINALOA)
    assert "person/joaquin-guzman-loera" in around
    pg.wait_for_selector(f'#graph[data-nodes="{len(around)}"]')

    # reject his rivalry with Los Chapitos: the page drops it, decisions.csv has the CLI's row
    rival = next(r for r in mine if r.predicate == "rival_of")
    pg.goto(f"{served.base}/entity/{MAYO}")
    form = pg.locator(f'li.fact[data-id="{rival.id}"] form.review')
    form.locator("input[name=reason]").fill("the article says they battle for control, not who")
    form.locator("button[value=reject]").click()
    pg.wait_for_selector("#done")
    assert f"rejected {rival.subject} rival_of {rival.object}" in pg.locator("#done").inner_text()
    assert pg.locator(f'li.fact[data-id="{rival.id}"]').count() == 0
    cli_home = tmp_path / "cli"
    ocgraph(cli_home, "ingest", SEED)
    today = dt.datetime.now(dt.UTC).date().isoformat()
    reason = "the article says they battle for control, not who"
    ocgraph(cli_home, "review", "reject", rival.id, "--author", "ana", "--date", today, "--reason", reason)
    assert same(home, cli_home, "decisions.csv")

    # a re-ingest of the same article does not bring it back
    ocgraph(home, "ingest", SEED)
    assert rival.id not in read_graph(home / "graph.jsonl").relations
    pg.goto(f"{served.base}/entity/{MAYO}")
    assert pg.locator("li.fact").count() == 3
    assert pg.locator(f'li.fact[data-id="{rival.id}"]').count() == 0

    # the members query as a form; its rows are the store's members and leaders of the cartel
    pg.goto(served.base + "/queries")
    pg.locator("#query-members input[name=org]").fill("sinaloa CARTEL")
    pg.locator("#query-members button").click()
    pg.wait_for_selector("#results")
    rows = pg.locator("#results tbody tr").evaluate_all(
        "trs => trs.map(tr => Array.from(tr.cells).map(td => td.textContent))"
    )
    now = read_graph(home / "graph.jsonl")
    expected_rows = sorted(
        ["Sinaloa Cartel", now.entities[r.subject].name, r.predicate.upper()]
        for r in now.relations.values()
        if r.object == SINALOA and r.predicate in ("member_of", "leader_of")
    )
    # 8: the seven of before and Aureliano Guzmán Loera, "another major Sinaloa Cartel figure"
    assert sorted(row[:3] for row in rows) == expected_rows and len(rows) == 8
    shot(pg, "serve-query-members.png")
    csv_url = pg.locator("#csv").get_attribute("href")
    got = pg.request.get(served.base + csv_url)
    assert got.headers["content-type"].startswith("text/csv")
    cli = ocgraph(home, "sparql", "members", "--param", "org=Sinaloa Cartel", "--format", "csv")
    assert got.text() == cli.stdout
    assert [r[:3] for r in csv.reader(io.StringIO(got.text()))][1:] == [r[:3] for r in rows]

    # the review queue: the unreviewed facts under 85% confidence
    pg.goto(served.base + "/queue")
    low = [r for r in now.relations.values() if r.properties.get("confidence", 1) < 0.85]
    assert pg.locator("#queue tbody tr").count() == len(low) > 0
    shot(pg, "serve-queue.png")

    # the fragmentation report with its plot, and the decapitation scenario for El Mayo
    pg.goto(served.base + "/report")
    assert pg.locator("#report h2").first.is_visible()
    assert pg.locator("img[src$='robustness.png']").evaluate("i => i.naturalWidth") > 100
    pg.select_option("select[name=remove]", MAYO)
    pg.locator("#decapitation button").click()
    pg.wait_for_url(f"**/report?remove={MAYO.replace('/', '%2F')}")
    assert "In short" in pg.locator("#report").inner_text()
    shot(pg, "serve-report.png")
    assert page.errors == [] and page.dialogs == []


def test_read_only_has_no_review(tmp_path: Path, serve, page) -> None:
    home = tmp_path / "home"
    ocgraph(home, "ingest", SEED)
    served = serve(home, "--read-only")
    assert served.printed[1] == "read-only: review is off"
    pg = page.page
    pg.goto(f"{served.base}/entity/{MAYO}")
    assert pg.locator("li.fact").count() == 4
    assert pg.locator("form.review").count() == 0
    rid = next(iter(read_graph(home / "graph.jsonl").relations))
    answer = pg.request.post(f"{served.base}/review/{rid}", form={"action": "reject"}, max_redirects=0)
    assert answer.status == 403
    assert not (home / "decisions.csv").exists()


def test_the_vendored_graph_library_and_its_licence_are_served(tmp_path: Path, serve) -> None:
    home = tmp_path / "home"
    ocgraph(home, "ingest", SEED)
    served = serve(home)
    with urllib.request.urlopen(served.base + "/static/" + "vendor/cytoscape.LICENSE") as got:
        assert "The Cytoscape Consortium" in got.read().decode()


def test_an_edit_is_written_as_a_rejection_and_an_added_fact(tmp_path: Path, serve, page) -> None:
    home, cli_home = tmp_path / "home", tmp_path / "cli"
    for h in (home, cli_home):
        ocgraph(h, "ingest", SEED)
    kg = read_graph(home / "graph.jsonl")
    leads = next(r for r in kg.relations.values() if r.subject == MAYO and r.predicate == "member_of")
    served = serve(home)
    pg = page.page
    pg.goto(f"{served.base}/entity/{MAYO}")
    pg.locator(f'li.fact[data-id="{leads.id}"] a', has_text="Edit").click()
    pg.select_option("select[name=predicate]", "associated_with")
    pg.fill("input[name=source]", "https://example.org/court-filing")
    pg.fill("input[name=reason]", "a partner of the cartel, not a member")
    pg.locator("form.edit button").click()
    pg.wait_for_selector("#done")
    now = read_graph(home / "graph.jsonl")
    assert leads.id not in now.relations
    added = next(
        r
        for r in now.relations.values()
        if r.predicate == "associated_with" and MAYO in (r.subject, r.object)
    )
    assert {added.subject, added.object} == {MAYO, SINALOA}
    assert added.evidence[0].extractor == "analyst" and added.properties["review"] == "confirmed"
    # the same two decisions through the command line give the same file
    today = dt.datetime.now(dt.UTC).date().isoformat()
    why = ["--author", "ana", "--date", today, "--reason", "a partner of the cartel, not a member"]
    ocgraph(cli_home, "review", "reject", leads.id, *why)
    source = ["--source", "https://example.org/court-filing"]
    ocgraph(cli_home, "review", "add", MAYO, "associated_with", SINALOA, *source, *why)
    assert same(home, cli_home, "decisions.csv")
    assert page.errors == []


def test_the_graph_filters_by_predicate_and_date(tmp_path: Path, serve, page) -> None:
    home = tmp_path / "home"
    ocgraph(home, "ingest", SEED, COSTILLA)
    kg = read_graph(home / "graph.jsonl")
    mine = [r for r in kg.relations.values() if MAYO in (r.subject, r.object)]
    served = serve(home)
    pg = page.page
    pg.goto(f"{served.base}/entity/{MAYO}")
    pg.wait_for_selector(f'#graph[data-edges="{len(mine)}"]')
    for box in pg.locator("input.pred").all():
        if box.get_attribute("value") != "member_of":
            box.uncheck()
    members = [r for r in mine if r.predicate == "member_of"]
    pg.wait_for_selector(f'#graph[data-edges="{len(members)}"]')
    assert pg.locator("#graph").get_attribute("data-nodes") == str(1 + len(members))
    # the encyclopedia's dated fact: the Zetas split from the Gulf Cartel in 2010
    dated = next(r for r in kg.relations.values() if r.predicate == "splinter_of")
    assert (dated.subject, dated.object, dated.properties["date"]) == (
        "crimorg/los-zetas",
        "crimorg/gulf-cartel",
        "2010",
    )
    his = [r for r in kg.relations.values() if dated.object in (r.subject, r.object)]
    pg.goto(f"{served.base}/entity/{dated.object}")
    pg.wait_for_selector(f'#graph[data-edges="{len(his)}"]')
    pg.locator("#dated").check()
    for year in ("2000", "2010"):
        shown = sum(
            1 for r in his if (r.properties.get("start") or r.properties.get("date") or "0")[:4] <= year
        )
        pg.locator("#as-of").fill(year)
        pg.locator("#as-of").dispatch_event("change")
        pg.wait_for_selector(f'#graph[data-edges="{shown}"]')
        assert pg.locator("#as-of-year").inner_text() == year
    assert page.errors == []


def test_merge_and_split_from_an_actor_page_as_the_cli_writes_them(tmp_path: Path, serve, page) -> None:
    home, cli_home = tmp_path / "home", tmp_path / "cli"
    for h in (home, cli_home):
        ocgraph(h, "ingest", SEED)
    # two people the article never links: an analyst says they are one (then takes it back)
    a, b = "person/parker-asmann", "person/jaime-lopez"
    served = serve(home)
    pg = page.page
    pg.goto(f"{served.base}/entity/{a}")
    pg.locator("#merge input[name=other]").fill("Jaime López")
    pg.locator("#merge input[name=reason]").fill("one byline, two spellings")
    pg.locator("#merge button").click()
    pg.wait_for_selector("#done")
    merged = read_graph(home / "graph.jsonl")
    assert (a in merged.entities) != (b in merged.entities)  # one node now
    node = a if a in merged.entities else b
    gone = b if node == a else a
    assert pg.url.startswith(f"{served.base}/entity/{node}")
    assert pg.locator(".merged").first.inner_text().startswith(f"merged from {gone}: ")
    shot(pg, "serve-merged.png")
    split = pg.locator(f"form.split:has(input[value='{gone}'])")
    split.locator("input[name=reason]").fill("two people after all")
    split.locator("button").click()
    pg.wait_for_selector("#done")
    assert {a, b} <= set(read_graph(home / "graph.jsonl").entities)
    # the command line's merge and split leave the same decisions file
    today = dt.datetime.now(dt.UTC).date().isoformat()
    who = ["--author", "ana", "--date", today]
    ocgraph(cli_home, "review", "merge", a, "Jaime López", *who, "--reason", "one byline, two spellings")
    ocgraph(cli_home, "review", "split", gone, *who, "--reason", "two people after all")
    assert same(home, cli_home, "decisions.csv") and same(home, cli_home, "graph.jsonl")
    assert page.errors == []
