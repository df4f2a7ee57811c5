"""The FastAPI application: the /api routes, the dashboard at / and its static files.

Everything the app needs (settings, store, ingestor, cache) is built here and
kept on ``app.state``; nothing is global, so tests build as many apps as they
like, each with its own fake store.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from warwire import __version__
from warwire.api.correction_routes import router as correction_router
from warwire.api.deps import ResponseCache
from warwire.api.ingest import Ingestor
from warwire.api.middleware import BodyLimitMiddleware, SecurityHeadersMiddleware
from warwire.api.problems import ProblemResponse, problem
from warwire.api.report_routes import router as report_router
from warwire.api.routes import router
from warwire.api.schemas import PROBLEM_RESPONSES
from warwire.config import Settings
from warwire.errors import (
    BlockedAddressError,
    CorrectionError,
    FetchError,
    InputError,
    ModelError,
    PipelineError,
    StoreError,
    WarwireError,
)
from warwire.store.base import Store
from warwire.taxonomy import SUB_EVENT_TYPES
from warwire.types import Hedge

log = logging.getLogger(__name__)

WEB_DIR = Path(str(files("warwire").joinpath("web")))
STATIC_DIR = WEB_DIR / "static"
VENDOR_DIR = STATIC_DIR / "vendor"


def create_app(settings: Settings, store: Store | None = None) -> FastAPI:
    """Build the app; without ``store`` it opens ``settings.db`` and closes it on shutdown."""
    owned = store is None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            app.state.store.close()

    app = FastAPI(
        title="warwire",
        version=__version__,
        summary="Conflict events with who says so and the sentence it came from.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        responses=PROBLEM_RESPONSES,
    )
    if store is None:
        from warwire.store import open_store

        store = open_store(settings.db)
    app.state.settings = settings
    app.state.store = store
    app.state.ingestor = Ingestor(settings)
    app.state.cache = ResponseCache()

    app.include_router(router)
    app.include_router(report_router)
    app.include_router(correction_router)
    _add_dashboard(app, settings)
    _add_error_handlers(app)

    app.add_middleware(BodyLimitMiddleware, limit=settings.max_body_bytes)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(SecurityHeadersMiddleware, tile_origin=_origin(settings.tile_url))
    return app


def _add_dashboard(app: FastAPI, settings: Settings) -> None:
    templates = Jinja2Templates(directory=str(WEB_DIR / "templates"))
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR), check_dir=False), name="static")
    vendored = (VENDOR_DIR / "leaflet.js").is_file()
    if not vendored:
        log.warning("dashboard vendor assets missing; run scripts/web_assets.sh")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def dashboard(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(
            request,
            "index.html",
            {
                "tile_url": settings.tile_url or "",
                "tile_attribution": "",
                "vendored": vendored,
                "event_types": [*SUB_EVENT_TYPES],
                "hedges": [h.value for h in Hedge],
                "writes": bool(settings.token),  # the panel offers corrections
            },
        )

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs() -> HTMLResponse:
        if (VENDOR_DIR / "swagger-ui-bundle.js").is_file():
            return get_swagger_ui_html(
                openapi_url="/openapi.json",
                title="warwire API",
                swagger_js_url="/static/vendor/swagger-ui-bundle.js",
                swagger_css_url="/static/vendor/swagger-ui.css",
                swagger_favicon_url="/static/favicon.svg",
            )
        return get_swagger_ui_html(openapi_url="/openapi.json", title="warwire API")


_STATUS: tuple[tuple[type[WarwireError], int], ...] = (
    (BlockedAddressError, 422),
    (CorrectionError, 422),
    (FetchError, 502),
    (InputError, 422),
    (StoreError, 503),
    (ModelError, 503),
    (PipelineError, 500),
)


def _add_error_handlers(app: FastAPI) -> None:
    """Every error as RFC 9457 problem details (see :mod:`warwire.api.problems`)."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> ProblemResponse:
        headers = exc.headers
        if exc.status_code == 405:  # Starlette names only the first route's methods
            headers = {**(headers or {}), "Allow": _allowed(request.url.path)}
        return problem(exc.status_code, str(exc.detail), request.url.path, headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> ProblemResponse:
        errors = exc.errors()
        detail = "; ".join(_message(e) for e in errors)
        return problem(422, detail, request.url.path, errors=_plain(errors))

    @app.exception_handler(OverflowError)
    async def out_of_range(request: Request, exc: OverflowError) -> ProblemResponse:
        # a parameter past what the store can hold (offset >= 2**63): the
        # client's number, not our failure
        return problem(422, "a number in the request is out of range", request.url.path)

    @app.exception_handler(WarwireError)
    async def library_error(request: Request, exc: WarwireError) -> ProblemResponse:
        status = next((code for kind, code in _STATUS if isinstance(exc, kind)), 500)
        if isinstance(exc, InputError) and exc.reason == "bad_url":
            status = 422  # the client's URL, not the remote server, is at fault
        if status >= 500:
            log.error("%s %s failed: %s", request.method, request.url.path, exc)
        if isinstance(exc, InputError):
            return problem(status, str(exc), request.url.path, reason=exc.reason)
        return problem(status, str(exc), request.url.path)


def _allowed(path: str) -> str:
    """Every method some /api route serves at ``path`` (GET and POST /api/documents
    are two routes)."""
    routes = (*router.routes, *report_router.routes, *correction_router.routes)
    methods = {
        method
        for route in routes
        if isinstance(route, APIRoute) and route.path_regex.match(path)
        for method in route.methods or ()
    }
    return ", ".join(sorted(methods))


def _message(error: Any) -> str:
    """``body.text: Field required`` rather than a nested structure."""
    where = ".".join(str(p) for p in error.get("loc", ()) if p != "body") or "body"
    msg = str(error.get("msg", "invalid"))
    msg = msg.removeprefix("Value error, ")
    return msg if where in ("body", "") else f"{where}: {msg}"


def _plain(errors: Any) -> list[dict[str, Any]]:
    """Validation errors without the non-JSON ``ctx``/``input`` members."""
    return [
        {"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in errors
    ]


def _origin(url: str | None) -> str | None:
    if not url:
        return None
    parts = urlsplit(url.replace("{s}", "a"))
    if not parts.scheme or not parts.netloc:
        return None
    host = parts.netloc
    if "{s}" in url:
        host = "*." + host.split(".", 1)[1] if "." in host else host
    return f"{parts.scheme}://{host}"
