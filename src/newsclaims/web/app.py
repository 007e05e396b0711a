"""The web application: pages and the JSON API over one store, read-only, safe by default.

Every response carries a Content-Security-Policy that allows scripts, styles and images
from this server only (no inline script), and ``nosniff``/``DENY`` headers. Request
bodies (only analyze takes one) are limited before they are read whole. A bad parameter
is answered 4xx with a message, on pages as an HTML page and under ``/api`` as JSON.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsclaims import __version__
from newsclaims.store.errors import StoreError
from newsclaims.web.analysis import AnalysisRefused, Analyzer, Limits
from newsclaims.web.cache import ResponseCache
from newsclaims.web.params import BadParameter
from newsclaims.web.reads import open_readonly

HERE = Path(__file__).resolve().parent
DEFAULT_CACHE_MB = 64
WARM_JOIN_SECONDS = 5.0  # how long shutdown waits for a view being computed ahead
LOG = logging.getLogger("newsclaims.web")
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]


@dataclass
class Settings:
    """What a server is started with."""

    db_url: str | None
    allow_store: bool = False  # analyze may store texts when asked (needs a writable store)
    limits: Limits = field(default_factory=Limits)
    model: str | None = None
    cache_mb: int = DEFAULT_CACHE_MB  # answers kept per process (web/cache.py); 0: none


def create_app(
    db_url: str | None,
    *,
    allow_store: bool = False,
    limits: Limits | None = None,
    model: str | None = None,
    cache_mb: int = DEFAULT_CACHE_MB,
    warm: bool = False,
) -> FastAPI:
    """The application over the store at ``db_url`` (opened read-only; it must exist).

    ``allow_store`` lets ``/analyze`` store a text when the user asks (off by default);
    ``cache_mb`` bounds the answers kept until the store changes (0 keeps none); ``warm``
    computes the views the pages open with in the background as the server starts.
    """
    from newsclaims.web import api, pages

    settings = Settings(db_url, allow_store, limits or Limits(), model, cache_mb)
    engine = open_readonly(db_url)
    app = FastAPI(
        title="newsclaims",
        version=__version__,
        description=(
            "Who said what, which figures are claimed by whom, and what happened between "
            "whom, each item with the sentence it came from. Read-only over one store."
        ),
        docs_url=None,  # the Swagger UI loads from a CDN: /docs is served from here instead
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=_lifespan(engine, warm),
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.analyzer = Analyzer(settings.limits, model)
    app.state.templates = templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _handle_errors(app)
    app.add_middleware(ResponseCache, engine=engine, max_bytes=cache_mb * 1_000_000)
    app.add_middleware(BodyLimit, max_bytes=request_limit(settings.limits))
    app.add_middleware(SecurityHeaders)

    return app


# How `newsclaims serve --workers N` hands its settings to each worker process.
SERVE_ENV = {
    "db": "NEWSCLAIMS_DB",
    "allow_store": "NEWSCLAIMS_SERVE_ALLOW_STORE",
    "max_bytes": "NEWSCLAIMS_SERVE_MAX_BYTES",
    "cache_mb": "NEWSCLAIMS_SERVE_CACHE_MB",
}


def app_from_environment() -> FastAPI:
    """The app of one worker process of ``newsclaims serve --workers N`` (a uvicorn factory)."""
    return create_app(
        os.environ.get(SERVE_ENV["db"]),
        allow_store=os.environ.get(SERVE_ENV["allow_store"]) == "1",
        limits=Limits(max_bytes=int(os.environ.get(SERVE_ENV["max_bytes"], "200000"))),
        cache_mb=int(os.environ.get(SERVE_ENV["cache_mb"], str(DEFAULT_CACHE_MB))),
        warm=True,
    )


def _lifespan(engine: Engine, warm: bool) -> Any:
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        stop = threading.Event()
        warming = threading.Thread(target=_warm, args=(engine, stop), name="warm views")
        # A daemon, so that a view still being computed never holds the process at exit;
        # told to stop and given up to WARM_JOIN_SECONDS to end the view it is computing,
        # so the store is closed under a running view only when that view is very slow.
        warming.daemon = True
        if warm:
            warming.start()
        yield
        stop.set()
        if warming.is_alive():
            warming.join(WARM_JOIN_SECONDS)
        engine.dispose()

    return lifespan


def _warm(engine: Engine, stop: threading.Event) -> None:
    """Compute the opening views; a failure here is the first request's to report."""
    from newsclaims.web.views import warm_views

    try:
        warm_views(engine, stop)
    except Exception as error:  # only a head start: log and go on
        LOG.warning("could not compute the views ahead: %s", error)


def request_limit(limits: Limits) -> int:
    """The largest request body: a form percent-encodes a byte as up to 3, plus the form."""
    return 3 * limits.max_bytes + 64_000


def templates() -> Jinja2Templates:
    found = Jinja2Templates(directory=str(HERE / "templates"))
    found.env.auto_reload = False  # templates are package data: no stat() per render
    found.env.globals["version"] = __version__
    return found


def connection(request: Request) -> Iterator[Connection]:
    """A read-only connection for one request (a FastAPI dependency)."""
    engine: Engine = request.app.state.engine
    with engine.connect() as connected:
        yield connected


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def error_response(request: Request, status: int, message: str) -> Response:
    """The error as JSON under /api, else as a page."""
    if wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    page = request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status
    )
    return page


def _handle_errors(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, error: RequestValidationError) -> Response:
        return error_response(request, 422, validation_message(error.errors()))

    @app.exception_handler(BadParameter)
    async def _bad(request: Request, error: BadParameter) -> Response:
        return error_response(request, 422, str(error))

    @app.exception_handler(StoreError)
    async def _store(request: Request, error: StoreError) -> Response:
        return error_response(request, 400, str(error))

    @app.exception_handler(AnalysisRefused)
    async def _refused(request: Request, error: AnalysisRefused) -> Response:
        return error_response(request, error.status, str(error))

    @app.exception_handler(DBAPIError)
    async def _database(request: Request, error: DBAPIError) -> Response:
        LOG.warning("database error on %s: %s", request.url.path, error)
        reason = str(error.orig or error).strip().splitlines()[0]
        return error_response(request, 503, f"the database could not answer: {reason}")

    @app.exception_handler(Exception)
    async def _bug(request: Request, error: Exception) -> Response:
        LOG.exception("unexpected error on %s", request.url.path, exc_info=error)
        return error_response(request, 500, "internal error: this is a bug, please report it")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, error: StarletteHTTPException) -> Response:
        return error_response(request, error.status_code, str(error.detail))


def validation_message(errors: Any) -> str:
    """FastAPI's validation errors as one line: ``page: Input should be ... ; ...``."""
    parts = []
    for error in errors:
        where = ".".join(
            str(part) for part in error.get("loc", ()) if part not in ("query", "body")
        )
        parts.append(f"{where or 'request'}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


class SecurityHeaders:
    """Adds the CSP and related headers to every response (a plain ASGI middleware)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyLimit:
    """Answers 413 to a request whose body is larger than ``max_bytes``, unread."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(scope, send)
            return
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                await self._refuse(scope, send)
                return
            if not message.get("more_body", False):
                break
        replay = iter(messages)

        async def replayed() -> Message:
            return next(replay, None) or await receive()

        await self.app(scope, replayed, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        message = f"the request is larger than this server accepts ({self.max_bytes:,} bytes)"
        path = str(scope.get("path", ""))
        if path.startswith("/api/"):
            response: Response = JSONResponse({"detail": message}, status_code=413)
        else:
            response = Response(
                f"413: {message}", status_code=413, media_type="text/plain; charset=utf-8"
            )
        await response(scope, _empty_receive, send)


async def _empty_receive() -> Message:
    return {"type": "http.disconnect"}
