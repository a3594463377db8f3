"""The workbench's defences, against a real `ocgraph serve`: escaping, tokens, CSRF, the Host header.

A hostile article is ingested (a <script> title and sentence, an <img onerror> alias, javascript:
links, an HTML page with inline handlers); in Chromium nothing of it runs and it reads as text.
"""

from __future__ import annotations

import http.client
import re
import urllib.parse
from pathlib import Path

import pytest
from web_helpers import ocgraph, shot

from ocgraph.graph.store import read_graph

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HOSTILE_TXT = """Cartel figure named in leak <script>window.__pwned = 1; alert("title")</script>

Thursday, December 8, 2022

Ovidio Guzmán López, alias "<img src=x onerror=alert('alias')>", is a leader of Los Chapitos. \
<script>alert("body")</script>

Los Chapitos are rivals of Ismael Zambada García, according to \
<a href="javascript:alert('link')">a leaked file</a> and <img src=x onerror="window.__pwned=2">.
"""
HOSTILE_HTML = """<html><head><title>Leak <script>alert("head")</script></title></head><body>
<h1>Sinaloa leak</h1>
<p>Iván Archivaldo Guzmán Salazar is a member of the Sinaloa Cartel, says
<a href="javascript:alert('html-link')">this link</a>.</p>
<script>window.__pwned = 3; alert("html")</script>
<p onmouseover="alert('hover')">Jesús Alfredo Guzmán Salazar is a leader of Los Chapitos.</p>
</body></html>
"""
OVIDIO, MAYO = "person/ovidio-guzman-lopez", "person/ismael-zambada-garcia"
STATIC = "/static/"


def _no_active_markup(pg) -> None:
    """Nothing the documents held became a script, an event handler or a javascript: link."""
    assert pg.locator("script:not([src])").count() == 0
    scripts = pg.locator("script[src]").evaluate_all("s => s.map(x => x.getAttribute('src'))")
    assert scripts in ([], [STATIC + "vendor/cytoscape.min.js", STATIC + "graph.js"])
    assert pg.locator("[onerror], [onmouseover], [onclick], [onload]").count() == 0
    assert pg.locator("a[href^='javascript:' i]").count() == 0
    images = pg.locator("img").evaluate_all("imgs => imgs.map(i => i.getAttribute('src'))")
    # the report's own plots only
    assert all(src.startswith("/plots/") and src.endswith(".png") for src in images)
    assert pg.evaluate("() => window.__pwned === undefined")


def test_hostile_documents_are_shown_as_text_and_nothing_runs(tmp_path: Path, serve, page) -> None:
    home, articles = tmp_path / "home", tmp_path / "articles"
    articles.mkdir()
    (articles / "hostile.txt").write_text(HOSTILE_TXT, encoding="utf-8")
    (articles / "hostile.html").write_text(HOSTILE_HTML, encoding="utf-8")
    ocgraph(home, "ingest", str(articles))
    kg = read_graph(home / "graph.jsonl")
    ovidio = kg.entities[OVIDIO]
    assert ovidio.aliases == ["<img src=x onerror=alert('alias')>"]  # the markup is in the data
    served = serve(home)
    pg = page.page

    # the search finds him by the hostile alias, and lists it as text
    pg.goto(served.base + "/?q=" + urllib.parse.quote("<img src=x onerror=alert('alias')>"))
    assert "matched “<img src=x onerror=alert('alias')>”" in pg.locator("#hits").inner_text()
    _no_active_markup(pg)

    # his page: the alias and the evidence sentences read as written
    pg.goto(f"{served.base}/entity/{OVIDIO}")
    pg.wait_for_selector("#graph[data-nodes]")
    assert pg.locator("#aliases").inner_text() == "<img src=x onerror=alert('alias')>"
    leads = next(r for r in kg.relations.values() if r.subject == OVIDIO and r.predicate == "leader_of")
    quote = pg.locator(f'li.fact[data-id="{leads.id}"] blockquote').inner_text()
    assert quote == leads.evidence[0].sentence and "<img src=x onerror=alert('alias')>" in quote
    _no_active_markup(pg)
    shot(pg, "serve-hostile-actor.png")

    # the documents: the text file and the HTML page's source, markup and all, as plain text
    shown = {}
    for doc in (e for e in kg.entities.values() if e.type == "Document"):
        pg.goto(f"{served.base}/document/{doc.id}")
        name = Path(doc.properties["path"]).name
        shown[name] = pg.locator("#text").inner_text()
        assert shown[name] == (articles / name).read_text(encoding="utf-8")
        _no_active_markup(pg)
    assert '<script>window.__pwned = 3; alert("html")</script>' in shown["hostile.html"]
    assert "<img src=x onerror=alert('alias')>" in shown["hostile.txt"]
    shot(pg, "serve-hostile-document.png")

    # the report, the queue and the query results carry the same names
    for path in ("report", "queue", "queries/leaders?org=los%20chapitos"):
        pg.goto(f"{served.base}/{path}")
        _no_active_markup(pg)
    assert "Ovidio Guzmán López" in pg.locator("#results").inner_text()
    assert page.dialogs == [] and page.errors == []


def _request(base: str, method: str, path: str, headers: dict[str, str] | None = None, body: str = ""):
    """One HTTP request, no redirect followed: (status, headers, text)."""
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    extra = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
    conn.request(method, path, body=body or None, headers={**extra, **(headers or {})})
    answer = conn.getresponse()
    text = answer.read().decode("utf-8", "replace")
    conn.close()
    return answer.status, answer.headers, text


def test_any_other_host_needs_the_printed_token(tmp_path: Path, serve) -> None:
    home = tmp_path / "home"
    ocgraph(home, "ingest", "data/seed-kingpin-strategy.txt")
    # another loopback address: not 127.0.0.1, so a token is generated, and nothing leaves the machine
    served = serve(home, host="127.0.0.2")
    printed = re.fullmatch(
        r"ocgraph workbench on (http://127\.0\.0\.2:\d+/)\?token=(\S+) \(.*\)", served.printed[0]
    )
    assert printed, served.printed
    token = printed.group(2)
    assert len(token) >= 32
    assert _request(served.base, "GET", "/")[0] == 401
    assert _request(served.base, "GET", "/?token=wrong")[0] == 401
    status, headers, _ = _request(served.base, "GET", f"/entity/{MAYO}?token={token}")
    assert status == 303 and headers["location"] == f"{served.base}/entity/{MAYO}"
    cookie = headers["set-cookie"]
    assert (
        cookie.startswith(f"ocgraph_token={token};") and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    )
    status, headers, text = _request(served.base, "GET", "/", {"Cookie": f"ocgraph_token={token}"})
    assert status == 200 and "ocgraph workbench" in text
    assert "script-src 'self'" in headers["content-security-policy"]
    assert _request(served.base, "GET", "/", {"Authorization": f"Bearer {token}"})[0] == 200


def test_state_changes_need_the_session_csrf_token_and_our_origin(tmp_path: Path, serve) -> None:
    home = tmp_path / "home"
    ocgraph(home, "ingest", "data/seed-kingpin-strategy.txt")
    served = serve(home)
    rid = next(r.id for r in read_graph(home / "graph.jsonl").relations.values() if r.predicate == "rival_of")
    status, headers, text = _request(served.base, "GET", f"/entity/{MAYO}")
    session = re.search(r"ocgraph_session=([^;]+)", headers["set-cookie"]).group(1)
    csrf = re.search(r'name="csrf" value="([0-9a-f]{64})"', text).group(1)
    form = {"action": "reject", "author": "ana", "reason": "test"}
    host = urllib.parse.urlsplit(served.base).netloc

    def post(fields: dict[str, str], headers: dict[str, str]):
        return _request(served.base, "POST", f"/review/{rid}", headers, urllib.parse.urlencode(fields))

    # a form of another site: no session cookie, or a token of its own, or another Origin
    assert post({**form, "csrf": csrf}, {})[0] == 400
    assert post({**form, "csrf": "0" * 64}, {"Cookie": f"ocgraph_session={session}"})[0] == 400
    forged = post(
        {**form, "csrf": csrf}, {"Cookie": f"ocgraph_session={session}", "Origin": "http://evil.test"}
    )
    assert forged[0] == 400 and "another site" in forged[2]
    assert not (home / "decisions.csv").exists()
    # the page's own form
    status, headers, _ = post(
        {**form, "csrf": csrf}, {"Cookie": f"ocgraph_session={session}", "Origin": served.base}
    )
    assert status == 303 and headers["location"].startswith("/entity/")
    assert rid not in read_graph(home / "graph.jsonl").relations
    assert (home / "decisions.csv").read_text(encoding="utf-8").count("\nreject,") == 1
    # a page of another name resolved to this address (DNS rebinding) is refused
    assert _request(served.base, "GET", "/", {"Host": "evil.test"})[0] == 421
    assert _request(served.base, "GET", "/", {"Host": host})[0] == 200
