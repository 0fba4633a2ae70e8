"""Where the graph is kept: an embedded Oxigraph store, or any SPARQL 1.1 endpoint.

:func:`open_store` opens the store at ``path``, else at ``$LIBKG_STORE``, else
at ``./.libkg/store`` (relative to the working directory, so each project
checkout has its own graph).  Use ``EmbeddedStore(None)`` for a throw-away
in-memory store.  Code above this package is typed against :class:`Store`
(:mod:`libkg.store.base`), never against a concrete store.
"""

from __future__ import annotations

import os
from pathlib import Path

from libkg.store.base import Answer, GraphData, Store, StoreError, StoreLockedError, select_rows
from libkg.store.embedded import EXPORT_FORMATS, EmbeddedStore
from libkg.store.remote import RemoteStore

__all__ = ["DEFAULT_STORE", "EXPORT_FORMATS", "Answer", "EmbeddedStore", "GraphData", "RemoteStore", "Store",
           "StoreError", "StoreLockedError", "default_store_path", "open_store", "select_rows",
           "store_exists"]

DEFAULT_STORE = Path(".libkg") / "store"


def default_store_path() -> Path:
    """``$LIBKG_STORE`` if set, else ``./.libkg/store``."""
    env = os.environ.get("LIBKG_STORE")
    return Path(env) if env else DEFAULT_STORE


def store_exists(path: str | Path) -> bool:
    """Whether ``path`` holds an embedded store already (a folder with Oxigraph's files), without opening it.

    Commands that only read use it to refuse a mistyped ``--store`` instead of
    creating an empty store there and answering "0 rows".
    """
    return (Path(path) / "CURRENT").is_file()


def open_store(path: str | os.PathLike[str] | None = None, *, endpoint: str | None = None,
               update_endpoint: str | None = None, user: str | None = None,
               password: str | None = None) -> Store:
    """Open the store: a SPARQL endpoint when ``endpoint`` is given, else the embedded
    persistent store at ``path`` or the default location (created if needed)."""
    if endpoint:
        return RemoteStore(endpoint, update_endpoint, user=user, password=password)
    return EmbeddedStore(Path(path) if path is not None else default_store_path())
