"""Prepared articles parked on disk between the two passes of a run.

Pass 1 must see every article before identity is decided, and pass 2 writes
them; holding 100,000 built articles in memory would take gigabytes, so they
wait in an anonymous temporary file (removed by the OS even if the process
dies), one pickle each, and are read back in the same order.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from typing import Any

__all__ = ["Spool"]


class Spool:
    """Append records, then iterate them once, in order.

    >>> with Spool() as sp:
    ...     sp.put(("a1", "text")); sp.put(("a2", "more"))
    ...     list(sp), len(sp)
    ([('a1', 'text'), ('a2', 'more')], 2)
    """

    def __init__(self, folder: str | None = None) -> None:
        self._file = tempfile.TemporaryFile(prefix="libkg-ingest-", dir=folder)
        self._n = 0

    def put(self, record: Any) -> None:
        pickle.dump(record, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._n += 1

    def __len__(self) -> int:
        return self._n

    def __iter__(self) -> Iterator[Any]:
        self._file.flush()
        self._file.seek(0)
        for _ in range(self._n):
            yield pickle.load(self._file)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
