"""The workbench's state-changing requests: review facts (confirm, reject, edit), merge or split
entities, reload from Neo4j."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ocgraph import ontology
from ocgraph.errors import InputError
from ocgraph.graph import review
from ocgraph.graph.entity_review import parse_entity
from ocgraph.web.security import check_csrf

if TYPE_CHECKING:
    from ocgraph.web.app import Web


def _today() -> str:
    return dt.datetime.now(dt.UTC).date().isoformat()


def _back(form, fallback: str, message: str) -> RedirectResponse:
    target = str(form.get("back") or fallback)
    if not target.startswith("/") or target.startswith("//"):  # only pages of this server
        target = fallback
    sep = "&" if "?" in target else "?"
    return RedirectResponse(f"{target}{sep}done={quote(message)}", 303)


def _properties(text: str) -> dict[str, str]:
    out = {}
    for line in text.splitlines():
        if line.strip():
            key, sep, value = line.partition("=")
            if not sep or not key.strip():
                raise InputError(f"property line {line.strip()!r}: expected KEY=VALUE")
            out[key.strip()] = value.strip()
    return out


def routes(web: Web) -> list[Route]:
    async def _form(request: Request):
        if web.bench.read_only:
            raise HTTPException(403, "this workbench is read-only (ocgraph serve --read-only)")
        form = await request.form()
        check_csrf(request, form, web.secret)
        who = str(form.get("author") or "").strip()
        if not who:
            raise InputError("give an author: who decides is kept with the decision")
        if not str(form.get("reason") or "").strip():
            raise InputError("give a reason: why is kept with the decision")
        return form, who

    def _fact(rid: str):
        rel = web.bench.snapshot().kg.relations.get(rid)
        if rel is None:
            raise HTTPException(404, f"no fact {rid!r} (it may have been rejected meanwhile)")
        return rel

    async def decide(request: Request) -> Response:
        form, who = await _form(request)
        rel = _fact(request.path_params["rid"])
        action = str(form.get("action"))
        if action not in ("confirm", "reject"):
            raise InputError(f"unknown review action {action!r}")
        reason = str(form["reason"])
        ((d, _),) = await run_in_threadpool(
            web.bench.decide,
            lambda kg: [
                review.Decision(action, rel.subject, rel.predicate, rel.object, reason, who, _today())
            ],
        )
        return _back(form, f"/entity/{rel.subject}", f"{action}ed {d.subject} {d.predicate} {d.object}")

    def edit_form(request: Request) -> Response:
        rel = _fact(request.path_params["rid"])
        snap = web.bench.snapshot()
        first = rel.evidence[0].document if rel.evidence else ""
        doc = snap.entity(first)
        source = (doc.properties.get("url") or doc.properties.get("title") or doc.name) if doc else ""
        props = "\n".join(
            f"{k}={v}" for k, v in sorted(rel.properties.items()) if k not in ("confidence", "review")
        )
        return web.render(
            request,
            "edit.html",
            snap=snap,
            rel=rel,
            predicates=list(ontology.load().predicates),
            source=source,
            props=props,
            back=request.query_params.get("back", f"/entity/{rel.subject}"),
        )

    async def edit(request: Request) -> Response:
        """An edit is two decisions, as the CLI would write them: reject the fact, add the corrected one."""
        form, who = await _form(request)
        rel = _fact(request.path_params["rid"])
        reason, day, source = str(form["reason"]), _today(), str(form.get("source") or "").strip()
        props = _properties(str(form.get("properties") or ""))

        def make(kg):
            s_id, s_name = parse_entity(str(form.get("subject") or rel.subject), kg)
            o_id, o_name = parse_entity(str(form.get("object") or rel.object), kg)
            predicate = str(form.get("predicate") or rel.predicate)
            new = review.Decision(
                "add", s_id, predicate, o_id, reason, who, day, source, s_name, o_name, props
            )
            old = review.Decision("reject", rel.subject, rel.predicate, rel.object, reason, who, day)
            # the same fact with new properties or source: one add (a fact has one decision)
            return [new] if new.normalised().key == old.normalised().key else [old, new]

        done = await run_in_threadpool(web.bench.decide, make)
        what = "; ".join(f"{d.action} {d.subject} {d.predicate} {d.object}" for d, _ in done)
        return _back(form, f"/entity/{rel.subject}", what)

    async def merge(request: Request) -> Response:
        form, who = await _form(request)
        eid = request.path_params["eid"]
        other, reason = str(form.get("other") or ""), str(form["reason"])
        decision, into = await run_in_threadpool(web.bench.merge, eid, other, reason, who, _today())
        done = "already one node" if decision is None else f"merged {decision.subject} and {decision.object}"
        return _back({"back": f"/entity/{into}"}, f"/entity/{into}", done)

    async def split(request: Request) -> Response:
        form, who = await _form(request)
        part = str(form.get("part") or request.path_params["eid"])
        done = await run_in_threadpool(web.bench.split, part, str(form["reason"]), who, _today())
        what = "; ".join(f"split {d.subject} from {d.object}" for d in done)
        return _back(form, f"/entity/{part}", what)

    async def reload(request: Request) -> Response:
        form = await request.form()
        check_csrf(request, form, web.secret)
        snap = await run_in_threadpool(web.bench.reload)
        return _back(form, "/", f"read {len(snap.kg.entities)} entities from {web.bench.describe()}")

    return [
        Route("/review/{rid:path}", decide, methods=["POST"]),
        Route("/fact/{rid:path}/edit", edit_form, methods=["GET"]),
        Route("/fact/{rid:path}/edit", edit, methods=["POST"]),
        Route("/merge/{eid:path}", merge, methods=["POST"]),
        Route("/split/{eid:path}", split, methods=["POST"]),
        Route("/reload", reload, methods=["POST"]),
    ]
