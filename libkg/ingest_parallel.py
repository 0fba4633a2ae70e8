"""Parallel ingest: reading and extraction in worker processes, batched writes in the parent.

Extraction is pure Python and CPU-bound, so it scales with processes, not
threads.  The parent streams *work units* (a file path, or one raw JSONL
line) into ``Pool.imap``; each worker reads and extracts and sends back the
article and its facts; the parent checks ids, resolves identities against
the store (which only it may read: identity depends on what is already
there) and writes ``batch_size`` articles per transaction.  A batch commits whole or not at all, so every
article is still complete or absent after a crash.

Memory is bounded by the work in flight, not the corpus: ``Pool.imap``
drains its input eagerly in a feeder thread, so the input is gated by a
semaphore allowing at most ``in_flight`` units between reading and writing,
and a JSONL corpus is read one line at a time.
"""

from __future__ import annotations

import multiprocessing as mp
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from libkg.ingest import DuplicateCheck, IngestReport, failure, load_ontology, text_digest
from libkg.read import DEFAULT_MAX_BYTES, ReadError, iter_sources, read_file
from libkg.read.records import article_from_jsonl_line, iter_jsonl_lines

# a unit of work: ("file", path) | ("line", path, lineno, raw bytes) | ("error", source, problem)
Unit = tuple
# an outcome: ("ok", id, source, digest, (article, facts)) | ("error", source, problem)
Outcome = tuple

_worker: dict[str, Any] = {}


def iter_units(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Unit]:
    """The corpus as small units of work, streamed (JSONL one line at a time)."""
    for src in iter_sources(paths):
        if isinstance(src, ReadError):
            yield ("error", src.source, src.problem)
        elif src.suffix.lower() == ".jsonl":
            try:
                for n, raw in iter_jsonl_lines(src, max_bytes):
                    if isinstance(raw, ReadError):
                        yield ("error", raw.source, raw.problem)
                    else:
                        yield ("line", str(src), n, raw)
            except OSError as exc:
                yield ("error", str(src), f"cannot be read ({exc.strerror or exc})")
        else:
            yield ("file", str(src))


def _init_worker(base: str | None, max_bytes: int) -> None:
    from libkg.extract.pipeline import RuleExtractor

    _worker.update(extractor=RuleExtractor(), base=base, max_bytes=max_bytes)


def _extracted(article, extractor):
    facts = extractor(article)
    article.gold = None  # annotations are not needed past this point; keep the pickle small
    return (article, facts)


def process_unit(unit: Unit) -> list[Outcome]:
    """Read and extract one unit (in a worker).  Never raises: failures become outcomes."""
    extractor, max_bytes = _worker["extractor"], _worker["max_bytes"]
    kind = unit[0]
    if kind == "error":
        return [("error", unit[1], unit[2])]
    if kind == "line":
        path = Path(unit[1])
        try:
            items = [article_from_jsonl_line(unit[3], path=path, lineno=unit[2])]
        except ReadError as exc:
            items = [exc]
    else:
        path = Path(unit[1])
        items = read_file(path, max_bytes)
    out: list[Outcome] = []
    try:
        for item in items:
            if isinstance(item, ReadError):
                out.append(("error", item.source, item.problem))
                continue
            where = item.source or str(path)
            try:
                extracted = _extracted(item, extractor)
            except Exception as exc:  # noqa: BLE001 - reported against the article's source
                err = failure(where, exc)
                out.append(("error", err.source, err.problem))
                continue
            out.append(("ok", item.id, where, text_digest(item.text), extracted))
    except Exception as exc:  # noqa: BLE001 - a reader bug must not kill the worker pool
        err = failure(str(path), exc)
        out.append(("error", err.source, err.problem))
    return out


def _gated(units: Iterator[Unit], gate: threading.Semaphore, stop: threading.Event) -> Iterator[Unit]:
    # runs in Pool's feeder thread: blocks there, never in the parent's main loop
    for u in units:
        while not gate.acquire(timeout=0.5):
            if stop.is_set():
                return
        if stop.is_set():
            return
        yield u


class _Writer:
    """Collects finished articles and writes them in batches, one transaction per batch."""

    def __init__(self, store, report: IngestReport, base: str | None, batch_size: int,
                 progress: Callable[[int], object] | None) -> None:
        self.store, self.report, self.base = store, report, base
        self.batch_size = max(1, batch_size)
        self.progress = progress
        self.pending: list[tuple[str, str, Any]] = []  # id, source, (article, facts)

    def add(self, aid: str, where: str, item: Any) -> None:
        self.pending.append((aid, where, item))
        if len(self.pending) >= self.batch_size:
            self.flush()

    def _write(self, batch: list[tuple[str, str, Any]]) -> int:
        from libkg.resolve import write_articles

        return write_articles(self.store, [item for _, _, item in batch], base=self.base)

    def flush(self) -> None:
        batch, self.pending, self.pending_triples = self.pending, [], 0
        if not batch:
            return
        try:
            self.report.triples_written += self._write(batch)
            done = batch
        except Exception:  # noqa: BLE001 - find the article that broke the batch, keep the others
            done = []
            for one in batch:
                try:
                    self.report.triples_written += self._write([one])
                    done.append(one)
                except Exception as exc:  # noqa: BLE001
                    self.report.errors.append(failure(one[1], exc))
        self.report.articles += len(done)
        self.report.article_ids.extend(aid for aid, *_ in done)
        if self.progress and done:
            self.progress(len(done))


def ingest_parallel(store, paths: Iterable[str | Path], *, jobs: int, base: str | None = None,
                    progress: Callable[[int], object] | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                    batch_size: int = 64, chunksize: int = 4, in_flight: int | None = None) -> IngestReport:
    """:func:`libkg.ingest.ingest_paths` with ``jobs`` extraction processes (see the module docstring)."""
    report = IngestReport()
    dupes = DuplicateCheck()
    writer = _Writer(store, report, base, batch_size, progress)
    load_ontology(store)
    from libkg.resolve import prepare_store

    prepare_store(store, base)
    in_flight = max(in_flight or 8 * jobs * chunksize, 2 * jobs * chunksize)
    gate, stop = threading.Semaphore(in_flight), threading.Event()
    # spawn, not fork: the parent holds an open RocksDB store and its threads
    ctx = mp.get_context("spawn")
    pool = ctx.Pool(jobs, initializer=_init_worker, initargs=(base, max_bytes))
    try:
        for outcomes in pool.imap(process_unit, _gated(iter_units(paths, max_bytes), gate, stop), chunksize):
            gate.release()
            for o in outcomes:
                if o[0] == "error":
                    report.errors.append(ReadError(o[1], o[2]))
                    continue
                _, aid, where, digest, extracted = o
                verdict = dupes.check(aid, where, digest)
                if verdict is True:
                    writer.add(aid, where, extracted)
                elif verdict is False:
                    report.duplicates += 1
                else:
                    report.errors.append(verdict)
        writer.flush()
        pool.close()
    finally:
        stop.set()
        pool.terminate()
        pool.join()
    return report
