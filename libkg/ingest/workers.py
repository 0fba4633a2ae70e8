"""Pass 1 in parallel: a pool of worker processes prepares articles, streamed in order.

Extraction is pure Python and CPU-bound, so it scales with processes, not
threads.  Units of work (:func:`libkg.ingest.prepare.iter_units`) go to
``Pool.imap``; the outcomes come back in input order.  ``Pool.imap`` drains
its input eagerly in a feeder thread, so the input is gated by a semaphore
allowing at most ``in_flight`` units between reading and the parent, and a
JSONL corpus is read one line at a time: memory is bounded by the work in
flight, not by the corpus.  ``jobs=1`` runs the same code in this process.
"""

from __future__ import annotations

import multiprocessing as mp
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from libkg.extract.pipeline import Extractor
from libkg.ingest.prepare import Prepared, Unit, init_worker, iter_units, process_unit
from libkg.read import ReadError, ReadWarning

__all__ = ["prepared"]


def _gated(units: Iterator[Unit], gate: threading.Semaphore, stop: threading.Event) -> Iterator[Unit]:
    # runs in Pool's feeder thread: blocks there, never in the parent's main loop
    for u in units:
        while not gate.acquire(timeout=0.5):
            if stop.is_set():
                return
        if stop.is_set():
            return
        yield u


def prepared(paths: Iterable[str | Path], *, jobs: int = 1, base: str | None = None, max_bytes: int,
             run_time: str | None = None, extractor: Extractor | None = None,
             chunksize: int = 4, in_flight: int | None = None) -> Iterator[Prepared | ReadError | ReadWarning]:
    """Every article under ``paths`` prepared (or the error that stopped it, or a warning), in input order.

    A custom ``extractor`` runs in this process only (``jobs`` must be 1):
    workers build their own :class:`~libkg.extract.pipeline.RuleExtractor`.
    """
    units = iter_units(paths, max_bytes)
    if jobs <= 1:
        init_worker(base, max_bytes, run_time, extractor)
        for u in units:
            yield from process_unit(u)
        return
    if extractor is not None:
        raise ValueError("jobs > 1 uses the default RuleExtractor in each worker; pass no extractor")
    in_flight = max(in_flight or 8 * jobs * chunksize, 2 * jobs * chunksize)
    gate, stop = threading.Semaphore(in_flight), threading.Event()
    # spawn, not fork: the parent holds an open RocksDB store and its threads
    pool = mp.get_context("spawn").Pool(jobs, initializer=init_worker, initargs=(base, max_bytes, run_time))
    try:
        for outcomes in pool.imap(process_unit, _gated(units, gate, stop), chunksize):
            gate.release()
            yield from outcomes
        pool.close()
    finally:
        stop.set()
        pool.terminate()
        pool.join()
