"""The collector's HTTP side (FastAPI on uvicorn): POST /summaries from the branches, and the
rollup for head office at GET /rollup (HTML) and GET /rollup.json.

Handlers are plain `def`s: FastAPI runs them in its thread pool, so the blocking database calls
never stall the event loop."""

from __future__ import annotations

import logging

import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from sqlalchemy.engine import Engine
from starlette.concurrency import run_in_threadpool

from relmgr_hq import intake, rollup, rollup_page, store

log = logging.getLogger("relmgr_hq")
DRAIN_LIMIT = 4 * intake.MAX_BODY


def create_app(engine: Engine) -> FastAPI:
    app = FastAPI(title="relmgr-hq", docs_url=None, redoc_url=None, openapi_url=None)

    async def read_body(request: Request) -> bytes | None:
        """The body, or None when it passes the limit. A body somewhat over the limit is read
        and dropped, so the sender gets its 413 instead of a reset connection; one declared far
        over it is answered at once."""
        declared = request.headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > DRAIN_LIMIT):
            return None
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > DRAIN_LIMIT:
                return None
            if size <= intake.MAX_BODY:
                chunks.append(chunk)
        return None if size > intake.MAX_BODY else b"".join(chunks)

    @app.post("/summaries")
    async def summaries(request: Request) -> JSONResponse:
        body = await read_body(request)
        source = f"http {request.client.host if request.client else '?'}"
        if body is None:
            reason = f"the body is larger than {intake.MAX_BODY // 1024} KiB"
            log.warning("rejected a summary from %s: %s", source, reason)
            await run_in_threadpool(store.log_rejection, engine, source, None, reason)
            return JSONResponse({"accepted": False, "reason": reason}, status_code=413)
        try:
            verdict = await run_in_threadpool(intake.receive, engine, body, source=source)
        except sa.exc.SQLAlchemyError as error:
            log.error("could not store a summary from %s: %s", source, error.__class__.__name__)
            return JSONResponse({"accepted": False, "reason": "the collector cannot reach its "
                                 "database; send again later"}, status_code=503)
        return JSONResponse(verdict.answer(), status_code=verdict.status)

    @app.get("/rollup.json")
    def rollup_json() -> JSONResponse:
        return JSONResponse(rollup.build(engine))

    @app.get("/rollup")
    def rollup_html() -> HTMLResponse:
        return HTMLResponse(rollup_page.render(rollup.build(engine)))

    @app.get("/health")
    def health() -> dict[str, bool]:
        return {"ok": True}

    return app
