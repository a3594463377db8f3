"""The workbench's pages: search, actor, document, graph data, review queue, named queries, report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from ocgraph.graph import entity_review, records
from ocgraph.graph.model import Entity
from ocgraph.queries import library
from ocgraph.web import actor, documents, graphdata, queries, report, triage

if TYPE_CHECKING:
    from ocgraph.web.app import Web


def _entity(web: Web, eid: str) -> tuple[object, Entity]:
    snap = web.bench.snapshot()
    entity = snap.entity(eid)
    if entity is None:
        raise HTTPException(404, f"no entity {eid!r} in {web.bench.describe()}")
    return snap, entity


def routes(web: Web) -> list[Route]:
    def home(request: Request) -> Response:
        snap = web.bench.snapshot()
        query = request.query_params.get("q", "").strip()
        hits = snap.names.search(query) if query else []
        counts = snap.kg.counts()
        return web.render(request, "index.html", snap=snap, q=query, hits=hits, counts=counts)

    def entity_page(request: Request) -> Response:
        snap, eid = web.bench.snapshot(), request.path_params["eid"]
        held = records.redirects(snap.kg).get(eid) if snap.entity(eid) is None else None
        if held is not None:
            return RedirectResponse(f"/entity/{held}", 303)  # merged into another node since
        snap, entity = _entity(web, request.path_params["eid"])
        if entity.type == "Document":
            return RedirectResponse(f"/document/{entity.id}", 303)
        view = actor.actor_view(snap, entity, None if request.query_params.get("all") else actor.SHOWN)
        predicates = sorted({r.predicate for r in snap.relations_of(entity.id)})
        return web.render(
            request,
            "actor.html",
            snap=snap,
            view=view,
            merges=entity_review.history(entity, snap.decisions.values()),
            parts=sorted(records.read(entity)),
            predicates=predicates,
            legend=graphdata.legend(),
            done=request.query_params.get("done", ""),
        )

    def document_page(request: Request) -> Response:
        snap, doc = _entity(web, request.path_params["eid"])
        spans = [(a, b) for a, b, _ in snap.by_document.get(doc.id, ())]
        focus = None
        if request.query_params.get("start", "").isdigit() and request.query_params.get("end", "").isdigit():
            focus = (int(request.query_params["start"]), int(request.query_params["end"]))
        text, notes = documents.source_text(doc, web.bench.documents)
        cut, lo, hi = [], 0, 0
        if text is not None:
            lo, hi = documents.window(text, spans, focus)
            if (lo, hi) != (0, len(text)):
                notes.append(f"a long text: characters {lo:,} to {hi:,} of {len(text):,} are shown")
            inside = [(max(a, lo) - lo, min(b, hi) - lo) for a, b in spans if a < hi and b > lo]
            cut = documents.pieces(text[lo:hi], inside, (focus[0] - lo, focus[1] - lo) if focus else None)
        facts = sorted({rid for _, _, rid in snap.by_document.get(doc.id, ())})
        return web.render(
            request, "document.html", snap=snap, doc=doc, pieces=cut, offset=lo, notes=notes, facts=facts
        )

    def graph_data(request: Request) -> Response:
        snap, entity = _entity(web, request.path_params["eid"])
        given = request.query_params.get("predicates")
        wanted = {p for p in given.split(",") if p} if given is not None else None
        hidden = {p for p in request.query_params.get("without", "").split(",") if p}
        as_of = request.query_params.get("as_of") or None
        return JSONResponse(graphdata.neighbourhood(snap, entity.id, wanted, as_of, hidden))

    def queue_page(request: Request) -> Response:
        snap = web.bench.snapshot()
        threshold = float(request.query_params.get("threshold") or triage.THRESHOLD)
        return web.render(request, "queue.html", snap=snap, queue=triage.review_queue(snap, threshold))

    def queries_page(request: Request) -> Response:
        return web.render(request, "queries.html", forms=queries.forms())

    def query_run(request: Request) -> Response:
        name = request.path_params["name"]
        as_csv = name.endswith(".csv")
        name = name.removesuffix(".csv")
        library.get(name, "cypher")  # an unknown name is a clear error
        raw = dict(request.query_params)
        result = queries.run(web.bench, web.bench.snapshot(), name, raw)
        if as_csv:
            headers = {"content-disposition": f'attachment; filename="{name}.csv"'}
            return Response(library.csv_text(result["columns"], result["rows"]), 200, headers, "text/csv")
        form = next(f for f in queries.forms() if f["name"] == name)
        cells = [[library.cell(v) for v in row] for row in result["rows"]]
        csv_url = f"/queries/{name}.csv?{request.url.query}"
        return web.render(
            request, "query.html", form=form, raw=raw, result=result, cells=cells, csv_url=csv_url
        )

    def report_page(request: Request) -> Response:
        snap = web.bench.snapshot()
        person = request.query_params.get("remove", "")
        as_of = request.query_params.get("as_of") or None
        done = report.analysis(snap, (person,) if person else (), as_of)
        shots = [] if person else sorted(report.plots(snap, as_of))
        people = report.persons(snap)
        return web.render(
            request, "report.html", snap=snap, html=done["html"], plots=shots, people=people, person=person
        )

    def plot(request: Request) -> Response:
        found = report.plots(web.bench.snapshot(), request.query_params.get("as_of") or None)
        path = found.get(request.path_params["name"])
        if path is None:
            raise HTTPException(404, "no such plot")
        return FileResponse(path, media_type="image/png")

    def no_icon(request: Request) -> Response:
        return Response(status_code=204)

    return [
        Route("/", home),
        Route("/favicon.ico", no_icon),
        Route("/entity/{eid:path}", entity_page),
        Route("/document/{eid:path}", document_page),
        Route("/graph-data/{eid:path}", graph_data),
        Route("/queue", queue_page),
        Route("/queries", queries_page),
        Route("/queries/{name}", query_run),
        Route("/report", report_page),
        Route("/plots/{name}", plot),
    ]
