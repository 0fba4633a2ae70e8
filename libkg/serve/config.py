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
    worker_memory_mb: int = 4096  # address-space cap of each query worker (0: none)
