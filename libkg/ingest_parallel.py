"""Parallel ingest: reading and extraction in worker processes, batched writes in the parent.

Extraction is pure Python and CPU-bound, so it scales with processes, not
threads.  The parent streams *work units* (a file path, or one raw JSONL
line) into ``Pool.imap``; each worker reads, extracts and builds the
article's graph and sends back ready-made statements (Oxigraph term syntax,
so nothing is re-parsed); the parent checks ids and writes ``batch_size``
articles per transaction.  A batch commits whole or not at all, so every
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
# an outcome: ("ok", id, source, digest, statements) | ("error", source, problem)
Outcome = tuple

BATCH_TRIPLES = 50_000  # flush earlier than batch_size when articles are big

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


def _statements(article, extractor, base: str | None) -> list[str]:
    from libkg.ingest import extract_graph
    from libkg.store.terms import graph_quads

    graph = extract_graph(article, extractor, base)
    return [f"{q.subject} {q.predicate} {q.object}" for q in graph_quads(graph, None)]


def process_unit(unit: Unit) -> list[Outcome]:
    """Read, extract and serialise one unit (in a worker).  Never raises: failures become outcomes."""
    extractor, base, max_bytes = _worker["extractor"], _worker["base"], _worker["max_bytes"]
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
                stmts = _statements(item, extractor, base)
            except Exception as exc:  # noqa: BLE001 - reported against the article's source
                err = failure(where, exc)
                out.append(("error", err.source, err.problem))
                continue
            out.append(("ok", item.id, where, text_digest(item.text), stmts))
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
        from libkg.rdf.namespaces import article_graph

        self.store, self.report, self.base = store, report, base
        self.batch_size = max(1, batch_size)
        self.progress = progress
        self.graph_iri = article_graph
        self.pending: list[tuple[str, str, str, list[str]]] = []  # id, source, graph IRI, statements
        self.pending_triples = 0

    def add(self, aid: str, where: str, stmts: list[str]) -> None:
        self.pending.append((aid, where, str(self.graph_iri(aid, self.base)), stmts))
        self.pending_triples += len(stmts)
        if len(self.pending) >= self.batch_size or self.pending_triples >= BATCH_TRIPLES:
            self.flush()

    def _write(self, batch: list[tuple[str, str, str, list[str]]]) -> int:
        if hasattr(self.store, "replace_articles"):
            return self.store.replace_articles([(iri, stmts) for _, _, iri, stmts in batch])
        from rdflib import Graph  # another store type: hand it rdflib graphs, one article each

        n = 0
        for _, _, iri, stmts in batch:
            g = Graph()
            if stmts:
                g.parse(data="\n".join(s + " ." for s in stmts), format="nt")
            n += self.store.replace_article(iri, g)
        return n

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
                _, aid, where, digest, stmts = o
                verdict = dupes.check(aid, where, digest)
                if verdict is True:
                    writer.add(aid, where, stmts)
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
