"""The workbench's web application: routes, templates, static files and error pages (Starlette)."""

from __future__ import annotations

import secrets
from importlib import resources
from typing import Any

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from ocgraph.errors import OcgraphError
from ocgraph.web import actions, pages
from ocgraph.web.security import Guard
from ocgraph.web.state import Workbench, default_author

VENDORED = "vendor/cytoscape.min.js"


def _environment() -> jinja2.Environment:
    # autoescape everywhere: every text that came from a document is escaped on the way out
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("ocgraph.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["percent"] = lambda x: "" if x is None else f"{float(x) * 100:.0f}%"
    env.filters["signed"] = lambda x: f"{x:+.4f}"
    return env


class Web:
    """What every handler needs: the workbench, the templates and the settings of this run."""

    def __init__(self, bench: Workbench, secret: bytes, author: str, browser_url: str | None) -> None:
        self.bench, self.secret, self.author, self.browser_url = bench, secret, author, browser_url
        self.env = _environment()

    def render(self, request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        snap = context.pop("snap", None)
        page = self.env.get_template(name).render(
            request=request,
            csrf=request.scope.get("state", {}).get("csrf", ""),
            read_only=self.bench.read_only,
            serving=self.bench.describe(),
            neo4j=self.bench.source == "neo4j",
            browser_url=self.browser_url,
            author=self.author,
            snap=snap,
            **context,
        )
        return HTMLResponse(page, status_code=status)


def create_app(
    bench: Workbench,
    host: str = "127.0.0.1",
    token: str | None = None,
    author: str | None = None,
    browser_url: str | None = None,
) -> Starlette:
    """The ASGI application `ocgraph serve` runs (uvicorn); tests and benchmarks may run it too."""
    static = resources.files("ocgraph.web").joinpath("static")
    if not static.joinpath(VENDORED).is_file():
        raise OcgraphError(f"the workbench's graph library is missing ({VENDORED}): run make setup")
    web = Web(bench, secrets.token_bytes(32), author if author is not None else default_author(), browser_url)

    async def failed(request: Request, exc: Exception) -> Response:
        if isinstance(exc, HTTPException):
            status, message = exc.status_code, str(exc.detail)
        elif isinstance(exc, OcgraphError):
            status, message = 400, str(exc)
        else:  # a bug still gets a page saying what broke, as the CLI's last resort does
            status, message = 500, f"internal error: {type(exc).__name__}: {exc}"
        return web.render(request, "error.html", status, message=message)

    routes = [
        *pages.routes(web),
        *actions.routes(web),
        Mount("/static", StaticFiles(directory=str(static), follow_symlink=True)),
    ]
    return Starlette(
        routes=routes,
        middleware=[Middleware(Guard, host=host, token=token, secret=web.secret)],
        exception_handlers={OcgraphError: failed, HTTPException: failed, Exception: failed},
    )
