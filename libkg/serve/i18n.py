"""One language per page: Vietnamese (the default) or English, chosen with ``?lang=vi|en``.

The choice is kept in a ``lang`` cookie (set by :class:`LanguageCookie` when a
page is asked for with ``?lang=``), so the switch is a plain link and works
without JavaScript.  Templates write ``t("Người", "Persons")``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from jinja2 import pass_context
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["LANGS", "LanguageCookie", "install", "lang_of", "switch_url", "t", "url_with"]

LANGS = ("vi", "en")


def lang_of(request: Request) -> str:
    """The page language: ``?lang=`` first, then the ``lang`` cookie, else Vietnamese."""
    asked = request.query_params.get("lang")
    if asked in LANGS:
        return asked
    kept = request.cookies.get("lang")
    return kept if kept in LANGS else "vi"


@pass_context
def t(ctx: Any, vi: str, en: str) -> str:
    """The text in the page's language."""
    request = ctx.get("request")
    return en if request is not None and lang_of(request) == "en" else vi


@pass_context
def page_lang(ctx: Any) -> str:
    request = ctx.get("request")
    return lang_of(request) if request is not None else "vi"


def _path(request: Request) -> str:
    """The request's path, percent-encoded again (Starlette decodes it), for a link back to it."""
    from urllib.parse import quote

    return quote(request.url.path, safe="/:@!$&'()*+,;=-._~")


@pass_context
def switch_url(ctx: Any, lang: str) -> str:
    """This page's URL in ``lang`` (the other query parameters kept)."""
    from urllib.parse import urlencode

    request: Request = ctx["request"]
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"] + [("lang", lang)]
    return _path(request) + "?" + urlencode(params)


@pass_context
def url_with(ctx: Any, **changes: Any) -> str:
    """This page's URL with some query parameters changed (``None`` or ``""`` drops one); changing
    anything but ``page`` goes back to the first page."""
    from urllib.parse import urlencode

    request: Request = ctx["request"]
    params = dict(request.query_params)
    if "page" not in changes:
        params.pop("page", None)
    for k, v in changes.items():
        if v is None or v == "":
            params.pop(k, None)
        else:
            params[k] = str(v)
    return _path(request) + ("?" + urlencode(params) if params else "")


def install(env: Any) -> None:
    """Make the helpers available to every template."""
    env.globals.update(t=t, page_lang=page_lang, switch_url=switch_url, url_with=url_with)


def _vary_cookie(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """An HTML page's language depends on the cookie: say so to caches (``Vary: Cookie``)."""
    if not any(k.lower() == b"content-type" and v.startswith(b"text/html") for k, v in headers):
        return headers
    out, done = [], False
    for k, v in headers:
        if k.lower() == b"vary" and not done:
            v, done = v + b", Cookie", True
        out.append((k, v))
    return out if done else [*out, (b"vary", b"Cookie")]


class LanguageCookie:
    """Remembers ``?lang=vi|en`` in a cookie and marks HTML answers ``Vary: Cookie`` (pure ASGI, so
    streaming answers are untouched)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        asked = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("lang", [""])[-1]
        cookie = f"lang={asked}; Path=/; Max-Age=31536000; SameSite=Lax".encode() if asked in LANGS else None

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = _vary_cookie(list(message.get("headers", [])))
                message["headers"] = [*headers, (b"set-cookie", cookie)] if cookie else headers
            await send(message)

        await self.app(scope, receive, send_with_cookie)
