"""One ingest run: pass 1 prepares every article, identity is decided once, pass 2 writes.

See :mod:`libkg.ingest` for why there are two passes.  Pass 2 writes
``batch_size`` articles per store write; a batch that fails is retried one
article at a time, so one bad article is reported against its file and the
others still land.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from libkg.extract.pipeline import Extractor
from libkg.ingest.report import DuplicateCheck, IngestReport, failure
from libkg.ingest.spool import Spool
from libkg.ingest.workers import prepared
from libkg.read import DEFAULT_MAX_BYTES, ReadError
from libkg.resolve.iris import Minter

__all__ = ["ingest_paths", "load_ontology"]

Progress = Callable[[int], object]


def ingest_paths(store, paths: Iterable[str | Path], *, extractor: Extractor | None = None,
                 base: str | None = None, progress: Progress | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES, jobs: int = 1, batch_size: int = 256,
                 extract_progress: Progress | None = None, bulk: bool = False) -> IngestReport:
    """Ingest every article under ``paths`` into ``store``.

    Parameters
    ----------
    store
        An :class:`~libkg.store.EmbeddedStore` or :class:`~libkg.store.RemoteStore`.
    paths
        Files (.txt, .html, .json, .jsonl) and folders (searched recursively).
    extractor
        Your own extractor (``jobs`` must be 1); default: the rule extractor.
    progress, extract_progress
        Called with a count as articles are written, and as they are
        extracted (pass 1), e.g. ``tqdm.update``.
    jobs
        Extraction processes.
    batch_size
        Articles per store write.
    bulk
        Let an embedded store load new articles with Oxigraph's bulk loader:
        about twice as fast, but a batch is not isolated from readers of the
        same store while it loads, and a crash is undone when the store is
        next opened (see :meth:`~libkg.store.EmbeddedStore.replace_articles`).
        For first loads of big corpora.

    Returns
    -------
    IngestReport
        Counts, the ids written, and every error against its file.
    """
    from libkg.resolve import prepare_store
    from libkg.resolve.plan import RunIdentity, existing_articles
    from libkg.resolve.resolver import run_time_setting

    report = IngestReport()
    dupes = DuplicateCheck()
    run = RunIdentity(base)
    load_ontology(store)
    prepare_store(store, base)
    with Spool() as spool:
        for item in prepared(paths, jobs=jobs, base=base, max_bytes=max_bytes, run_time=run_time_setting(),
                             extractor=extractor):
            if isinstance(item, ReadError):
                report.errors.append(item)
                continue
            verdict = dupes.check(item.id, item.source, item.digest)
            if verdict is not True:
                if verdict is False:
                    report.duplicates += 1
                else:
                    report.errors.append(verdict)
                continue
            run.add(item.id, item.mentions)
            spool.put((item.id, item.source, item.statements, item.activity, item.triples))
            if extract_progress:
                extract_progress(1)
        run.decide(store, existing_articles(store, run.ids, base))
        # bulk loads release the GIL and the workers are done by now: load on every core
        writer = _Writer(store, report, run, batch_size, progress, bulk, writers=jobs if bulk else 1)
        for record in spool:
            writer.add(*record)
        writer.flush()
        writer.drain()
    writer.finish()
    return report


class _Writer:
    """Pass 2: articles with resolved identity, written in batches.

    With ``writers`` > 1, batches are written by that many threads at once
    (bulk loads only: they release the GIL and touch distinct new graphs);
    results are still counted in input order, and at most ``writers``
    batches wait, so memory stays bounded.
    """

    def __init__(self, store, report: IngestReport, run, batch_size: int, progress: Progress | None,
                 bulk: bool = False, writers: int = 1) -> None:
        self.store, self.report, self.run, self.bulk = store, report, run, bulk
        self.m = Minter(run.base)
        self.batch_size = max(1, batch_size)
        self.progress = progress
        self.pending: list[tuple[str, str, list, int]] = []  # id, source, graphs, triples
        self.writers = max(1, writers)
        self.pool = ThreadPoolExecutor(self.writers, thread_name_prefix="libkg-write") if self.writers > 1 else None
        self.inflight: deque[Future] = deque()

    def add(self, aid: str, source: str, statements: str, activity: str, triples: int) -> None:
        for old, new in self.run.substitutions(aid):
            statements = statements.replace(old, new)
        graphs = [(str(self.m.graph(aid)), statements), (str(self.m.activity_graph(aid)), activity)]
        self.pending.append((aid, source, graphs, triples))
        if len(self.pending) >= self.batch_size:
            self.flush()

    def _write(self, batch) -> None:
        from libkg.resolve.resolver import _write

        _write(self.store, [g for _, _, graphs, _ in batch for g in graphs], bulk=self.bulk)
        send = getattr(self.store, "flush", None)  # a remote store queues writes: send them now
        if send is not None:
            send()

    def _commit(self, batch) -> tuple[list, list[ReadError]]:
        """Write a batch; if it fails, each article alone, to find the one that broke it."""
        try:
            self._write(batch)
            return batch, []
        except Exception:  # noqa: BLE001 - keep the others
            done, errors = [], []
            for one in batch:
                try:
                    self._write([one])
                    done.append(one)
                except Exception as exc:  # noqa: BLE001
                    errors.append(failure(one[1], exc))
            return done, errors

    def _account(self, result: tuple[list, list[ReadError]]) -> None:
        done, errors = result
        self.report.errors.extend(errors)
        self.report.articles += len(done)
        self.report.triples_written += sum(n for *_, n in done)
        self.report.article_ids.extend(aid for aid, *_ in done)
        if self.progress and done:
            self.progress(len(done))

    def flush(self) -> None:
        batch, self.pending = self.pending, []
        if not batch:
            return
        if self.pool is None:
            self._account(self._commit(batch))
            return
        self.inflight.append(self.pool.submit(self._commit, batch))
        while len(self.inflight) > self.writers:
            self._account(self.inflight.popleft().result())

    def drain(self) -> None:
        """Wait for the batches being written."""
        while self.inflight:
            self._account(self.inflight.popleft().result())
        if self.pool is not None:
            self.pool.shutdown()

    def finish(self) -> None:
        """The identity graphs of the run's names, and stored articles renamed by its decisions."""
        from libkg.resolve.resolver import _write, renamed_articles

        self.drain()
        graphs = renamed_articles(self.store, self.run.stored_renames, self.m) + self.run.identity_graphs()
        for i in range(0, len(graphs), self.batch_size):
            _write(self.store, graphs[i:i + self.batch_size])
        send = getattr(self.store, "flush", None)
        if send is not None:
            send()


def load_ontology(store) -> None:
    """Put the ontology and vocabularies in their own named graph, so queries can use labels."""
    from rdflib import Graph

    from libkg.rdf.namespaces import ontology_graph
    from libkg.resources import ontology_dir

    g = Graph()
    for f in sorted(ontology_dir().rglob("*.ttl")):
        if f.name != "shapes.ttl":
            g.parse(f, format="turtle")
    store.replace_article(ontology_graph(), g)
