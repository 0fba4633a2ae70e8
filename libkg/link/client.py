"""A polite SPARQL client for authority endpoints (Wikidata's query service or any look-alike).

Polite means: a descriptive User-Agent (the Wikimedia policy requires one),
at most one request per ``min_interval`` seconds, a retry after HTTP 429/503
honouring ``Retry-After``, and every answer cached on disk so that nothing
is asked twice.  ``requests`` counts what was really sent; tests use it to
show that a second run is served from the cache.
"""

from __future__ import annotations

import time
import urllib.error
from typing import Any

from libkg import __version__
from libkg.link.cache import QueryCache

__all__ = ["AuthorityClient", "AuthorityError", "USER_AGENT"]

USER_AGENT = f"libkg/{__version__} (authority linking; +https://w3id.org/libkg) SPARQLWrapper"


class AuthorityError(RuntimeError):
    """The authority endpoint could not be asked (unreachable, refused, malformed answer)."""


class AuthorityClient:
    """SELECT queries against one endpoint, rate-limited and cached.

    Parameters
    ----------
    endpoint
        The SPARQL query URL, e.g. ``https://query.wikidata.org/sparql``.
    cache
        Where answers are kept; None asks every time (not recommended for public endpoints).
    min_interval
        Seconds to wait between two requests (1 s is gentle on query.wikidata.org).
    timeout
        Seconds to wait for one answer.
    user_agent
        Sent with every request; public endpoints block anonymous clients.
    retries
        How many times a request answered 429 or 503 is tried again.
    """

    def __init__(self, endpoint: str, cache: QueryCache | None = None, *, min_interval: float = 1.0,
                 timeout: float = 60, user_agent: str = USER_AGENT, retries: int = 2) -> None:
        self.endpoint = endpoint
        self.cache = cache
        self.min_interval = max(0.0, min_interval)
        self.timeout = timeout
        self.user_agent = user_agent
        self.retries = retries
        self.requests = 0
        self._last = 0.0

    def select(self, query: str) -> list[dict[str, str]]:
        """Run a SELECT query; rows map variable names to plain strings (IRIs and literal values)."""
        raw = self.cache.get(self.endpoint, query) if self.cache is not None else None
        if raw is None:
            raw = self._send(query)
            if self.cache is not None:
                self.cache.put(self.endpoint, query, raw)
        try:
            return [{k: v["value"] for k, v in b.items()} for b in raw["results"]["bindings"]]
        except (KeyError, TypeError) as exc:
            raise AuthorityError(f"{self.endpoint} answered something that is not a SPARQL SELECT result") from exc

    def _wait(self) -> None:
        gap = time.monotonic() - self._last
        if gap < self.min_interval:
            time.sleep(self.min_interval - gap)
        self._last = time.monotonic()

    def _send(self, query: str) -> dict[str, Any]:
        from SPARQLWrapper import JSON, POST, SPARQLWrapper

        attempt = 0
        while True:
            self._wait()
            sw = SPARQLWrapper(self.endpoint, agent=self.user_agent)
            sw.setMethod(POST)  # long VALUES lists do not fit in a GET URL
            sw.setReturnFormat(JSON)
            sw.setTimeout(int(self.timeout))
            sw.setQuery(query)
            self.requests += 1
            try:
                res = sw.query().convert()
            except urllib.error.HTTPError as exc:
                if exc.code in (429, 503) and attempt < self.retries:
                    attempt += 1
                    time.sleep(min(60.0, _retry_after(exc.headers.get("Retry-After")) or 5.0 * attempt))
                    continue
                body = exc.read().decode("utf-8", "replace")[:300].strip()
                raise AuthorityError(f"{self.endpoint} answered HTTP {exc.code}: {body or exc.reason}") from None
            except urllib.error.URLError as exc:
                raise AuthorityError(f"cannot reach the authority endpoint {self.endpoint}: {exc.reason}") from None
            except Exception as exc:  # noqa: BLE001 - SPARQLWrapper raises its own exception types
                raise AuthorityError(f"{self.endpoint}: {type(exc).__name__}: {exc}") from None
            if not isinstance(res, dict):
                raise AuthorityError(f"{self.endpoint} did not answer in SPARQL JSON")
            return res


def _retry_after(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None
