"""The Starlette application: routes, templates, static files and the error pages.

Everything a client sees is decided here: which paths exist, that an error
never carries a stack trace (the full error goes to the server log), and the
security headers every answer carries.  The query work itself happens in the
backend (:mod:`libkg.serve.workers`).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from libkg import __version__
from libkg.rdf.namespaces import data_base
from libkg.serve import browse, i18n, network_view, pages, publish, search, sparql_protocol, timeline
from libkg.serve.config import ServeConfig
from libkg.serve.links import local_path, shorten, web_url
from libkg.serve.workers import (
    Backend,
    Busy,
    JobError,
    QuerySyntaxError,
    QueryTimeout,
    WorkerDied,
    backend_for,
)

log = logging.getLogger("libkg.serve")

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
SHARED_STATIC_DIR = HERE.parent / "static"  # vis-network, shared with libkg/network/html.py
TEMPLATES_DIR = HERE / "templates"

# Scripts and styles come from this server only; nothing is fetched from elsewhere.
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"SAMEORIGIN"),
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
     b"connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'"),
]


class SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` to every response (pure ASGI, so streaming is untouched)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def vendored(pattern: str) -> str:
    """The URL of a vendored library (versions live in the file names): ``libkg/serve/static/``
    first, then the package-wide ``libkg/static/``."""
    for folder, prefix in ((STATIC_DIR, "/static/"), (SHARED_STATIC_DIR, "/static/lib/")):
        found = sorted(p.name for p in folder.glob(pattern)) if folder.is_dir() else []
        if found:
            return prefix + found[-1]
    raise FileNotFoundError(f"no {pattern} in {STATIC_DIR} or {SHARED_STATIC_DIR}")


def static_files() -> dict[str, str]:
    return {"yasgui_js": vendored("yasgui-*.min.js"), "yasgui_css": vendored("yasgui-*.min.css"),
            "vis_js": vendored("vis-network-*.min.js")}


async def _error_page(request: Request, status: int, title: str, message: str,
                      headers: Mapping[str, str] | None = None) -> Response:
    state = request.app.state
    wants_html = "text/html" in request.headers.get("accept", "")
    if not wants_html or request.url.path.startswith("/sparql"):
        return PlainTextResponse(message + "\n", status_code=status, headers=headers)
    return state.templates.TemplateResponse(request, "error.html",
                                            {"title": title, "status": status, "message": message},
                                            status_code=status, headers=headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        return await pages.not_found(request)
    return await _error_page(request, exc.status_code, f"Lỗi {exc.status_code}", str(exc.detail), exc.headers)


async def _busy(request: Request, exc: Exception) -> Response:
    return await _error_page(request, 503, "Máy chủ đang bận · Busy", str(exc), {"Retry-After": "2"})


async def _timeout(request: Request, exc: Exception) -> Response:
    return await _error_page(request, 504, "Quá thời gian · Timed out", str(exc))


async def _worker_died(request: Request, exc: Exception) -> Response:
    return await _error_page(request, 500, "Lỗi máy chủ · Server error", str(exc))


async def _bad_query(request: Request, exc: Exception) -> Response:
    return await _error_page(request, 400, "Truy vấn sai · Bad query", str(exc))


async def _internal(request: Request, exc: Exception) -> Response:
    # the traceback is for the operator's log only
    log.error("error answering %s %s", request.method, request.url.path, exc_info=exc)
    with contextlib.suppress(Exception):
        return await _error_page(request, 500, "Lỗi máy chủ · Server error",
                                 "Có lỗi trong máy chủ; nhật ký của người vận hành có chi tiết. "
                                 "Something went wrong inside the server; the operator's log has the details.")
    return PlainTextResponse("Internal Server Error\n", status_code=500)


async def _redirect_editor(request: Request) -> Response:
    return RedirectResponse("/sparql" + (f"?{request.url.query}" if request.url.query else ""), 303)


async def _no_icon(request: Request) -> Response:
    return Response(status_code=204)


async def _robots(request: Request) -> Response:
    # the SPARQL endpoint is expensive to crawl; entity pages are fine
    return PlainTextResponse("User-agent: *\nDisallow: /sparql\nDisallow: /network.json\n")


def create_app(config: ServeConfig, backend: Backend | None = None) -> Starlette:
    """The application for ``config``; ``backend`` overrides the default (processes or threads)."""
    base = data_base(config.base)
    the_backend = backend or backend_for(config)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        await the_backend.start()
        try:
            yield
        finally:
            await the_backend.stop()

    templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
    env: Any = templates.env
    # link: this server's own path for an IRI; web_url: an outside http(s) URL, or None (shown as text)
    env.globals.update(link=lambda iri: local_path(iri, base), web_url=web_url, shorten=shorten,
                       version=__version__, base=base)
    i18n.install(env)  # t(vi, en), url_with(...), switch_url(lang): one language per page

    routes = [
        Route("/", pages.home),
        Route("/search", search.search_page),
        Route("/browse/{what}", browse.list_page),
        Route("/sparql", sparql_protocol.handle, methods=["GET", "POST", "OPTIONS"]),
        Route("/query", _redirect_editor),
        Route("/network", network_view.network_page),
        Route("/network.json", network_view.network_json),
        Route("/timeline", timeline.timeline_page),
        Route("/resource", pages.resource_by_query),
        Route("/robots.txt", _robots),
        Route("/favicon.ico", _no_icon),
        Mount("/static/lib", app=StaticFiles(directory=str(SHARED_STATIC_DIR), check_dir=False), name="lib"),
        Mount("/static", app=StaticFiles(directory=str(STATIC_DIR)), name="static"),
        *publish.ROUTES,  # /.well-known/void, /ontology, /vocab/..., /graph/... (libkg/serve/publish.py)
        Route("/{path:path}", pages.entity),  # everything else is an IRI under the base
    ]
    handlers = {HTTPException: _http_error, Busy: _busy, QueryTimeout: _timeout,
                QuerySyntaxError: _bad_query, JobError: _internal, WorkerDied: _worker_died, Exception: _internal}
    app = Starlette(debug=False, routes=routes, exception_handlers=handlers, lifespan=lifespan,
                    middleware=[Middleware(SecurityHeaders), Middleware(i18n.LanguageCookie)])
    app.state.config = config
    app.state.base = base
    app.state.backend = the_backend
    app.state.templates = templates
    app.state.static_files = static_files()
    return app
