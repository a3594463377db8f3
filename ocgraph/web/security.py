"""Who may use the workbench: Host header, access token, CSRF tokens, and headers that confine pages."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from urllib.parse import urlsplit

from starlette.datastructures import URL
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from ocgraph.errors import InputError

LOOPBACK = ("127.0.0.1", "localhost", "::1")
TOKEN_COOKIE = "ocgraph_token"
SESSION_COOKIE = "ocgraph_session"
# Every script and style comes from the workbench itself: a script smuggled into a document's text
# would not run even if it escaped the templates.
POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def needs_token(host: str) -> bool:
    """Any address but the loopback one is reachable from other machines: a token is required."""
    return host not in LOOPBACK


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Guard:
    """ASGI middleware in front of every request.

    - the Host header must name this server (a page of another site resolved to 127.0.0.1, "DNS
      rebinding", cannot read the workbench);
    - with a token, a request carries it in its cookie (set when the address printed by `ocgraph
      serve`, with `?token=`, is opened) or as `Authorization: Bearer`; others get 401;
    - every visitor gets a random session cookie; forms carry `csrf_token(session)`, and a POST
      whose token or Origin does not match is refused (`check_csrf`);
    - responses carry a strict Content-Security-Policy, no-sniff, no-frame and same-origin referrer
      headers.
    """

    def __init__(self, app: ASGIApp, host: str, token: str | None, secret: bytes) -> None:
        self.app, self.token, self.secret = app, token, secret
        wildcard = host in ("0.0.0.0", "::", "")
        self.hosts = None if wildcard else {h.lower() for h in (*LOOPBACK, host)}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        response = self._refuse(request)
        if response is None:
            session = request.cookies.get(SESSION_COOKIE) or secrets.token_urlsafe(18)
            scope.setdefault("state", {})["csrf"] = csrf_token(self.secret, session)
            fresh = SESSION_COOKIE not in request.cookies

            async def send_with_headers(message):
                if message["type"] == "http.response.start":
                    headers = message.setdefault("headers", [])
                    headers.extend(_headers())
                    if fresh:
                        cookie = f"{SESSION_COOKIE}={session}; Path=/; HttpOnly; SameSite=Strict"
                        headers.append((b"set-cookie", cookie.encode()))
                await send(message)

            await self.app(scope, receive, send_with_headers)
            return
        response.headers.update(dict((k.decode(), v.decode()) for k, v in _headers()))
        await response(scope, receive, send)

    def _refuse(self, request: Request) -> Response | None:
        host = (request.headers.get("host") or "").rsplit(":", 1)[0].strip("[]").lower()
        if self.hosts is not None and host not in self.hosts:
            return PlainTextResponse(f"unknown host {host!r}: open the address ocgraph serve printed", 421)
        if not self.token:
            return None
        given = request.query_params.get("token")
        if given is not None and hmac.compare_digest(given, self.token):
            # once: the token moves into a cookie and out of the address bar and history
            clean = URL(str(request.url)).remove_query_params("token")
            response = RedirectResponse(str(clean), 303)
            cookie = f"{TOKEN_COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict"
            response.headers.append("set-cookie", cookie)
            return response
        held = request.cookies.get(TOKEN_COOKIE) or request.headers.get("authorization", "")
        held = held.removeprefix("Bearer ").strip()
        if held and hmac.compare_digest(held, self.token):
            return None
        return PlainTextResponse(
            "this workbench needs its token: open the address ocgraph serve printed", 401
        )


def _headers() -> list[tuple[bytes, bytes]]:
    return [
        (b"content-security-policy", POLICY.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"DENY"),
        # same-origin: forms send their Origin (no-referrer would make it "null"), other sites get nothing
        (b"referrer-policy", b"same-origin"),
        (b"cache-control", b"no-store"),
    ]


def csrf_token(secret: bytes, session: str) -> str:
    """The token a form of this session must send back (an HMAC of the session cookie)."""
    return hmac.new(secret, session.encode(), hashlib.sha256).hexdigest()


def check_csrf(request: Request, form, secret: bytes) -> None:
    """Refuse a state-changing request from another site: its token must match the session's.

    The Origin (or Referer) header, when the browser sends one, must also be this server.
    """
    session = request.cookies.get(SESSION_COOKIE, "")
    sent = str(form.get("csrf") or "")
    if not session or not hmac.compare_digest(sent, csrf_token(secret, session)):
        raise InputError("the form's security token does not match: reload the page and try again")
    origin = request.headers.get("origin") or request.headers.get("referer")
    if origin and urlsplit(origin).netloc != request.headers.get("host"):
        raise InputError("the form came from another site: refused")
