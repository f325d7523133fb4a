"""The app factory: the database, routers by area, error pages, static files and security headers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote

import anyio
from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from govwatch.services import isolated
from govwatch.store.db import Database
from govwatch.web.config import WebConfig
from govwatch.web.deps import CountyCache
from govwatch.web.rendering import templates
from govwatch.web.routes import (
    api,
    auth,
    crawl_issues,
    overview,
    prepublish,
    rectify,
    review,
    sitecheck,
    units,
)

_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    # Everything is served from here (vendored, no CDN); charts are inline SVG, hence inline styles only.
    "Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                               "form-action 'self'; frame-ancestors 'none'",
}


class SecurityHeaders:
    """Pure ASGI middleware (no per-request task, unlike @app.middleware) adding the headers above."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in _HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    isolated.start_in_background()  # the processes that proofread drafts (先审后发)
    yield


def create_app(db: Database, config: WebConfig | None = None) -> FastAPI:
    """A web app over `db` (already migrated)."""
    app = FastAPI(title="govwatch 政府网站与政务新媒体监管", version="1", docs_url=None, redoc_url=None,
                  lifespan=_lifespan)
    app.state.db = db
    app.state.config = config or WebConfig()
    app.state.counties = CountyCache(app.state.config.county)
    app.state.proofread_limiter = anyio.CapacityLimiter(app.state.config.proofread_workers)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    for module in (auth, overview, units, review, prepublish, rectify, sitecheck, api, crawl_issues):
        app.include_router(module.router)
    app.include_router(crawl_issues.api_router)

    app.add_middleware(SecurityHeaders)

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, exc.status_code, headers=exc.headers)
        if exc.status_code == 401:
            target = quote(request.url.path + (f"?{request.url.query}" if request.url.query else ""), safe="")
            return RedirectResponse(f"/login?next={target}", status_code=303)
        return templates.TemplateResponse(request, "error.html", {"status": exc.status_code, "message": exc.detail},
                                          status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": jsonable_encoder(exc.errors())}, 422)
        return templates.TemplateResponse(request, "error.html", {"status": 422, "message": "提交的内容不完整或格式不正确"},
                                          status_code=422)

    return app
