"""The operator's settings for one server, in one object passed everywhere."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ServeConfig:
    """Limits and sources of a ``libkg serve`` instance.

    The limits exist because the SPARQL endpoint runs text from anyone who can
    reach it: ``query_timeout`` bounds CPU per query, ``max_rows`` bounds the
    answer's size, ``workers`` + ``max_queue`` bound how much work is accepted
    at once (beyond it the server answers 503 instead of piling up requests).
    The pages have their own ``page_workers`` (and ``page_queue``), so slow
    ``/sparql`` queries never hold them up.  Memory: each worker process is
    capped at ``worker_memory_mb``, so queries use at most
    ``(workers + 1 + page_workers) * worker_memory_mb`` MiB (the 1: a spare query
    worker; default 4 x 320 MiB = 1.25 GiB), plus the server process itself
    (~100 MiB).  ``allow_service`` lets queries use
    SERVICE (federated query), i.e. make the server send HTTP requests: off by
    default, see ``docs/SECURITY.md``.
    """

    store_path: Path | None = None  # embedded store folder (opened read-only)
    endpoint: str | None = None  # or a remote SPARQL endpoint
    user: str | None = None
    password: str | None = None
    base: str | None = None  # data base IRI; default $LIBKG_BASE or https://w3id.org/libkg/
    query_timeout: float = 10.0
    max_rows: int = 10000
    workers: int = 2
    max_queue: int = 32
    max_body: int = 1_000_000  # bytes of a POSTed query
    worker_memory_mb: int = 320  # memory cap (RLIMIT_DATA) of each worker process (0: none)
    page_workers: int = 1  # worker processes for the page queries only
    page_queue: int = 16  # page requests that may wait for a page worker
    long_after: float = 2.0  # a query running longer is "long": at most workers - 1 of those at once
    allow_service: bool = False  # SERVICE clauses (outbound HTTP requests) allowed
    license: str | None = None  # the graph's licence at /.well-known/void (SPDX id or IRI); default CC BY 4.0
