"""An on-disk cache of authority answers, so a second run asks the endpoint nothing.

Public endpoints (query.wikidata.org) ask clients to be sparing; linking a
store again after a few new articles should only send the new questions.
Each answer is a JSON file named by the SHA-256 of the endpoint URL and the
query text, so a changed query (new labels, new classes) is a new question
and an unchanged one is never sent twice.  Entries do not expire: delete the
folder (or pass ``--cache`` another one) to ask again.

>>> import tempfile
>>> c = QueryCache(tempfile.mkdtemp())
>>> c.get("http://x/sparql", "ASK {}") is None
True
>>> c.put("http://x/sparql", "ASK {}", {"boolean": True})
>>> c.get("http://x/sparql", "ASK {}")
{'boolean': True}
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

__all__ = ["QueryCache", "default_cache_dir"]


def default_cache_dir() -> Path:
    """``$LIBKG_CACHE``, else ``$XDG_CACHE_HOME/libkg/authority``, else ``~/.cache/libkg/authority``."""
    env = os.environ.get("LIBKG_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    root = Path(xdg) if xdg else Path.home() / ".cache"
    return root / "libkg" / "authority"


class QueryCache:
    """SPARQL JSON results stored under ``folder``, keyed by (endpoint, query).

    Parameters
    ----------
    folder
        Where the entries live (created on first write).
    """

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(endpoint: str, query: str) -> str:
        """The entry's name: the hash of what was asked and where."""
        return hashlib.sha256(f"{endpoint}\n{query}".encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, endpoint: str, query: str) -> dict[str, Any] | None:
        """The stored answer, or None (a damaged entry counts as missing)."""
        p = self._path(self.key(endpoint, query))
        try:
            entry = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.misses += 1
            return None
        self.hits += 1
        return entry["result"]

    def put(self, endpoint: str, query: str, result: dict[str, Any]) -> None:
        """Store an answer atomically (write a temporary file, then rename), so an interrupted
        run never leaves half an entry behind."""
        p = self._path(self.key(endpoint, query))
        p.parent.mkdir(parents=True, exist_ok=True)
        entry = {"endpoint": endpoint, "query": query, "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                 "result": result}
        tmp = p.with_suffix(f".{os.getpid()}.part")
        tmp.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
        tmp.replace(p)
