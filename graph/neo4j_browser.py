"""Neo4j Browser for the local server: the release unpacked from its Maven jar, and a named-query guide."""

from __future__ import annotations

import contextlib
import html
import json
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from ocgraph.errors import ServiceError

# The Browser ships on Maven Central as org.neo4j.client:neo4j-browser. Neo4j 5.26.0 bundles a 5.26
# Browser that is not published there; 5.24.0 is the newest published 5.x release (any 5.x Browser
# speaks to any 5.x server).
BROWSER_VERSION = os.environ.get("OCGRAPH_NEO4J_BROWSER_VERSION", "5.24.0")
APP = "browser-app"  # under the server's lib/: a folder on the class path holding browser/
GUIDE = "ocgraph/guide.html"  # under browser/, where the server serves the Browser from


def unpack(lib: Path) -> Path:
    """Unpack the Browser's `browser/` folder from its jar in `lib` into `lib/browser-app`, once.

    The server's web server serves the first `browser/` folder on its class path, so the folder
    must be a real one (the jar's own would hide the guide added beside it).
    """
    app = lib / APP
    if (app / "browser" / "index.html").exists():
        return app
    jar_path = lib / f"neo4j-browser-{BROWSER_VERSION}.jar"
    if not jar_path.exists():
        raise ServiceError(f"{lib}: no {jar_path.name}; delete the folder and start again to fetch it")
    shutil.rmtree(app, ignore_errors=True)  # a folder left without its index is not the app
    work = Path(tempfile.mkdtemp(prefix=".browser-", dir=lib))
    try:
        with zipfile.ZipFile(jar_path) as jar:
            for info in jar.infolist():
                name = info.filename
                # only the app's files, and none that would climb out of the folder
                if name.startswith("browser/") and os.pardir not in Path(name).parts:
                    jar.extract(info, work)
        os.replace(work, app)
    except (OSError, zipfile.BadZipFile) as exc:
        raise ServiceError(f"cannot unpack Neo4j Browser from {jar_path.name}: {exc}") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return app


def _cypher_value(value) -> str:
    # JSON strings and numbers are Cypher literals too (Cypher reads \\uXXXX escapes)
    return json.dumps(value)


def guide_html() -> str:
    """A Neo4j Browser guide: one slide per named Cypher query, its example ready to run.

    Each slide has two code blocks: the example's parameters (`:params`) and the query; a click puts
    one in the Browser's editor. Name parameters are given folded, as `ocgraph query` passes them.

    >>> page = guide_html()
    >>> page.count("<slide"), ':params {org: &quot;sinaloa cartel&quot;}</pre>' in page
    (12, True)
    """
    from ocgraph.queries.library import available

    slides = []
    for name, query in available("cypher").items():
        bound = query.bind(query.example_values())
        params = ", ".join(f"{k}: {_cypher_value(v)}" for k, v in bound.items())
        # the header comment is on the slide already; the editor gets the statement alone
        lines = query.cypher().strip().splitlines()
        body = "\n".join(lines[next(i for i, x in enumerate(lines) if not x.startswith("//")) :])
        listed = "".join(
            f"<li><code>{html.escape(p.name)}</code>: {html.escape(p.doc)}</li>" for p in query.params
        )
        steps = [("Run the query", body)]
        if params:
            steps.insert(0, ("Set the parameters (change the values as you like)", f":params {{{params}}}"))
        blocks = "".join(
            f"<p>{k}. {html.escape(what)}:</p>"
            f'<pre class="runnable pre-scrollable code">{html.escape(code)}</pre>'
            for k, (what, code) in enumerate(steps, 1)
        )
        slides.append(
            f'<slide class="row-fluid"><div class="col-sm-12">'
            f"<h3>{html.escape(name)}</h3><p>{html.escape(query.purpose)}</p>"
            + (f"<ul>{listed}</ul>" if listed else "")
            + f"<p>A click puts the code in the editor; run it there.</p>{blocks}</div></slide>"
        )
    head = (
        '<slide class="row-fluid"><div class="col-sm-12"><h3>ocgraph named queries</h3>'
        f"<p>{len(slides)} queries from ocgraph's <code>queries/</code> folder, one per slide. Names are "
        "matched folded (lower case, no accents), as <code>ocgraph query</code> does.</p></div></slide>"
    )
    return (
        '<!doctype html><html><head><meta charset="utf-8"><title>ocgraph named queries</title></head><body>'
        '<article class="guide"><carousel class="deck container-fluid">'
        + head
        + "".join(slides)
        + "</carousel></article></body></html>\n"
    )


def write_guide(app: Path) -> Path:
    """Write the guide into the unpacked Browser (replaced atomically, and only when it changed)."""
    target = app / "browser" / GUIDE
    text = guide_html()
    with contextlib.suppress(OSError):
        if target.read_text(encoding="utf-8") == text:
            return target
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".guide-", suffix=".tmp", dir=target.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    os.chmod(tmp, 0o644)
    os.replace(tmp, target)
    return target
