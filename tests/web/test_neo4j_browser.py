"""Neo4j Browser on the project's own server, and the workbench over Neo4j, in headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from web_helpers import ocgraph, shot

from ocgraph.graph import neo4j_connect
from ocgraph.graph.neo4j_writer import Neo4jWriter
from ocgraph.queries.library import run_cypher

pytestmark = [pytest.mark.neo4j, pytest.mark.browser, pytest.mark.slow]

MAYO, MEMBERS = "person/ismael-zambada-garcia", "members"


@pytest.fixture
def loaded(neo4j_server, fixture_graph):
    """The session's server holding the hand-written seed graph only."""
    cs = neo4j_connect.ConnectionSettings(neo4j_server.uri, "neo4j", neo4j_server.password())
    with neo4j_connect.driver(cs) as drv:
        neo4j_connect.run(drv, cs, "MATCH (n) DETACH DELETE n", write=True)
        Neo4jWriter(drv).load(fixture_graph)
        columns, rows = run_cypher(drv, cs, "members", {"org": "Sinaloa Cartel"})
    return cs, columns, rows


def test_neo4j_browser_logs_in_and_runs_a_named_query_from_the_guide(neo4j_server, loaded, page) -> None:
    _, _, rows = loaded
    status = neo4j_server.status()
    assert status.browser_url == (
        f"http://127.0.0.1:{status.http_port}/browser/?dbms=bolt://neo4j@127.0.0.1:{neo4j_server.port}"
    )
    pg = page.page
    pg.goto(status.browser_url)
    pg.get_by_test_id("password").fill(neo4j_server.password())
    pg.get_by_test_id("connect").click()
    # after the login the Browser plays ocgraph's guide: one slide per named query
    pg.get_by_text("ocgraph named queries").first.wait_for(timeout=60_000)
    for _ in range(15):
        if pg.locator("h3", has_text="members").first.is_visible():
            break
        pg.get_by_test_id("nextSlide").first.click()
    blocks = pg.locator("pre.runnable:visible")
    assert blocks.nth(0).inner_text().strip() == ':params {org: "sinaloa cartel"}'
    for k in range(2):  # set the parameters, then run the query
        blocks.nth(k).click()
        pg.keyboard.press("Control+Enter")
        pg.wait_for_timeout(1500)
    frame = pg.locator("[data-testid='frameCommand']", has_text="MATCH (o:Entity)").first
    assert frame.is_visible()
    table = pg.locator("[data-testid='frame']").filter(has_text="member").first
    names = sorted({row[1] for row in rows})
    assert len(rows) == 8 and "Ismael Zambada García" in names
    for name in names:
        table.get_by_text(name).first.wait_for(timeout=30_000)
    assert pg.get_by_text(f"Started streaming {len(rows)} records").count() == 1
    shot(pg, "neo4j-browser-members.png")


def test_the_workbench_over_neo4j(tmp_path: Path, neo4j_server, loaded, serve, page) -> None:
    cs, _, rows = loaded
    env = {"NEO4J_URI": cs.uri, "NEO4J_USERNAME": "neo4j", "NEO4J_PASSWORD": cs.password}
    served = serve(tmp_path / "home", "--from", "neo4j", env=env)
    assert served.printed[0].endswith(f"(Neo4j at {cs.uri})")
    pg = page.page
    pg.goto(served.base + "/?q=el%20mayo")
    pg.locator("#hits li a").first.click()
    assert pg.locator("h1#name").inner_text().startswith("Ismael Zambada García")
    pg.goto(f"{served.base}/queries/{MEMBERS}?org=Sinaloa%20Cartel")
    assert f"from Neo4j at {cs.uri}" in pg.locator("#summary").inner_text()
    got = pg.locator("#results tbody tr").evaluate_all(
        "trs => trs.map(tr => Array.from(tr.cells).map(td => td.textContent))"
    )
    assert [r[:3] for r in got] == [[str(v) for v in r[:3]] for r in rows]
    # a rejection is recorded beside the (empty) store; Neo4j keeps the fact until the next load
    pg.goto(f"{served.base}/entity/{MAYO}")
    fact = pg.locator("li.fact").first
    rid = fact.get_attribute("data-id")
    fact.locator("input[name=reason]").fill("checking")
    fact.locator("button[value=reject]").click()
    pg.wait_for_selector("#done")
    assert "rejected" in pg.locator(f'li.fact[data-id="{rid}"] .state').inner_text()
    decisions = (tmp_path / "home" / "decisions.csv").read_text(encoding="utf-8")
    assert decisions.count("\nreject,") == 1 and ",ana," in decisions
    shot(pg, "serve-from-neo4j.png")
    listed = ocgraph(tmp_path / "home", "review", "list").stdout  # the CLI reads what the page wrote
    assert listed.startswith("reject ") and "[ana " in listed and listed.count("\n") == 1
