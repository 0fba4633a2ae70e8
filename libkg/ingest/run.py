"""One ingest run: pass 1 prepares every article, identity is decided once, pass 2 writes.

See :mod:`libkg.ingest` for why there are two passes.  Pass 2 writes
``batch_size`` articles per store write; a batch that fails is retried one
article at a time, so one bad article is reported against its file and the
others still land.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from rdflib import Graph

from libkg.extract.pipeline import Extractor
from libkg.ingest.memory import limit_arenas, release_free_memory
from libkg.ingest.report import DuplicateCheck, IngestReport, failure
from libkg.ingest.spool import Spool
from libkg.ingest.tenures import refresh_tenures, write_tenure_graphs
from libkg.ingest.workers import prepared
from libkg.ingest.write import (
    decide_run,
    existing_articles,
    identity_graphs,
    load_reference_data,
    renamed_articles,
)
from libkg.rdf.namespaces import article_iri, evidence_graph, ontology_graph
from libkg.rdf.provenance import run_time_setting
from libkg.rdf.tenures import PostRecord, TenureCollector
from libkg.read import DEFAULT_MAX_BYTES, ReadError, ReadWarning
from libkg.resolve.iris import Minter
from libkg.resolve.places import gazetteer_graph_iri
from libkg.resolve.plan import RunIdentity
from libkg.resources import ontology_dir
from libkg.store.base import GraphData, Store

__all__ = ["holds_articles", "ingest_paths", "load_ontology"]

Progress = Callable[[int], object]
# each bulk load adds files RocksDB must merge: a few hundred (one per batch of 256 at ~100k articles) stalled
# its writes (stop 13), so a big run's batches grow to give about this many loads, up to a --bulk segment's size
FRESH_LOADS = 128
FRESH_MAX_BATCH = 1024
Pending = tuple[str, str, list[tuple[str, bytes]], int]  # article id, source, its graphs, its triples
Substitutions = list[tuple[str, str]]


def ingest_paths(store: Store, paths: Iterable[str | Path], *, extractor: Extractor | None = None,
                 base: str | None = None, progress: Progress | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES, jobs: int = 1, batch_size: int = 256,
                 extract_progress: Progress | None = None, bulk: bool = False,
                 status: Callable[[str], object] | None = None) -> IngestReport:
    """Ingest every article under ``paths`` into ``store``.

    Parameters
    ----------
    store
        Any :class:`~libkg.store.Store` (embedded or remote).
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
        Let a store that ``supports_bulk_load`` (the embedded one) load the new articles with Oxigraph's bulk loader,
        in segments: several times faster, but not isolated from
        readers of the same store while it loads, and a crash is undone (all
        the run's new articles removed) when the store is next opened (see
        :meth:`~libkg.store.EmbeddedStore.bulk_load_graphs`), then compact
        the store (:meth:`~libkg.store.EmbeddedStore.optimize`) so queries
        right after the load are as fast as later ones.  For first loads of
        big corpora.
    status
        Called with a line of text when a long step without a count starts
        (the compaction after a bulk load).

    Returns
    -------
    IngestReport
        Counts, the ids written, and every error against its file.
    """
    limit_arenas()  # before the write and load threads start: memory flat with the corpus (see libkg.ingest.memory)
    report = IngestReport()
    dupes = DuplicateCheck()
    run = RunIdentity(base)
    empty = not holds_articles(store, base)  # then the run's own statements give the tenures: no read-back
    fresh = not bulk and store.supports_bulk_load and empty
    load_ontology(store)
    load_reference_data(store, base)
    with Spool() as spool:
        for item in prepared(paths, jobs=jobs, base=base, max_bytes=max_bytes, run_time=run_time_setting(),
                             extractor=extractor):
            if isinstance(item, ReadError):
                report.errors.append(item)
                continue
            if isinstance(item, ReadWarning):
                report.warnings.append(item)
                continue
            verdict = dupes.check(item.id, item.source, item.digest)
            if verdict is not True:
                if verdict is False:
                    report.duplicates += 1
                else:
                    report.errors.append(verdict)
                continue
            run.add(item.id, item.mentions)
            spool.put((item.id, item.source, item.statements, item.activity, item.evidence, item.triples, item.posts))
            if extract_progress:
                extract_progress(1)
        existing = existing_articles(store, run.ids, base)
        decide_run(store, run, existing)
        if fresh and status:
            status("a new store: each batch goes to the bulk loader")
        writer = _Writer(store, report, run, batch_size, progress, existing, fresh=fresh, collect=empty)
        bulk_loaded = 0
        if bulk and store.supports_bulk_load:
            bulk_loaded = writer.bulk(spool, existing)
        else:
            for record in spool:
                writer.add(*record)
        writer.flush()
        writer.wait()
    writer.finish()
    release_free_memory()
    touched = [*report.article_ids, *run.stored_renames]
    if not bulk_loaded:
        writer.tenures(touched)  # the terms of the posts touched
        return report
    # only a bulk load leaves files to merge; Oxigraph compacts without the GIL, so the terms are
    # recomputed (Python, one core) while it does (RocksDB, the other core)
    if status:
        status("compacting the store after the bulk load")
    with ThreadPoolExecutor(1, thread_name_prefix="libkg-optimize") as pool:
        compaction = pool.submit(store.optimize)
        writer.tenures(touched)
        compaction.result()
    return report


class _Writer:
    """Pass 2: articles with resolved identity, written in batches (or one bulk load).

    On a store with ``concurrent_writes`` > 1 (the embedded one), batches of
    articles new to the store are written from that many threads at once: the
    store releases the GIL while it loads, so the next batch loads while one
    commits.  Such batches only insert, so they commute; a batch that replaces
    an article already stored waits for the others and runs alone.  Results
    are taken in batch order, so the report is the same as one at a time.
    With ``fresh`` (a store that held no articles: nothing to protect) each
    batch is one :meth:`~libkg.store.EmbeddedStore.bulk_load_graphs` call, with
    its own journal: a failed batch is undone by the store and retried one
    article at a time like a failed transaction, and a crash undoes only the
    batches in flight.
    """

    def __init__(self, store: Store, report: IngestReport, run: RunIdentity, batch_size: int,
                 progress: Progress | None, existing: set[str] | None = None, fresh: bool = False,
                 collect: bool = False) -> None:
        self.store, self.report, self.run = store, report, run
        # a store that held no articles: what the run's articles say about posts is all there is to know
        self.posts: dict[str, list[PostRecord]] | None = {} if collect else None
        self.fresh = fresh  # a store that held no articles: batches go to the bulk loader
        self.m = Minter(run.base)
        self.batch_size = max(1, batch_size)
        if fresh:  # about FRESH_LOADS loads for a big run, at most FRESH_MAX_BATCH articles (~300k quads) each
            self.batch_size = max(self.batch_size, min(len(run.ids) // FRESH_LOADS, FRESH_MAX_BATCH))
        self.progress = progress
        self.pending: list[Pending] = []
        self.existing = existing or set()
        self.threads = max(1, store.concurrent_writes)
        self._pool: ThreadPoolExecutor | None = None
        self._in_flight: deque[Future] = deque()

    def graphs(self, aid: str, statements: bytes, activity: bytes, evidence: bytes) -> list[tuple[str, bytes]]:
        """The article's graphs (facts, run, evidence), its person IRIs rewritten as the run decided."""
        for old, new in self.run.substitutions(aid):  # UTF-8 is self-synchronising: same as on text
            statements = statements.replace(old.encode("utf-8"), new.encode("utf-8"))
            evidence = evidence.replace(old.encode("utf-8"), new.encode("utf-8"))
        return [(str(self.m.graph(aid)), statements), (str(self.m.activity_graph(aid)), activity),
                (str(evidence_graph(aid, self.run.base)), evidence)]

    def add(self, aid: str, source: str, statements: bytes, activity: bytes, evidence: bytes, triples: int,
            posts: Sequence[PostRecord] = ()) -> None:
        self.pending.append((aid, source, self.graphs(aid, statements, activity, evidence), triples))
        self.keep_posts(aid, posts)
        if len(self.pending) >= self.batch_size:
            self.flush()

    def keep_posts(self, aid: str, posts: Sequence[PostRecord]) -> None:
        """Keep what the article says about posts (its person IRIs rewritten), when collecting."""
        if self.posts is not None and posts:
            subs = self.run.substitutions(aid)
            self.posts[aid] = [(_renamed(pos, subs), _renamed(member, subs), role, org, values)
                               for pos, member, role, org, values in posts]

    def tenures(self, touched: list[str]) -> None:
        """Write the tenure graphs: from the kept statements, or read back from the store."""
        if self.posts is None:
            refresh_tenures(self.store, touched, self.run.base)
            return
        collector = TenureCollector()
        for aid in self.report.article_ids:  # the articles written
            collector.add(str(article_iri(aid, self.run.base)), self.posts.get(aid, ()))
        write_tenure_graphs(self.store, collector.graphs())

    def _write(self, batch: list[Pending]) -> None:
        graphs = [g for _, _, gs, _ in batch for g in gs]
        if self.fresh:  # its own journal: after a crash, only the batches in flight are undone
            self.store.bulk_load_graphs(graphs, [iri for iri, _ in graphs])
            return
        self.store.replace_articles(graphs)
        self.store.flush()  # a remote store queues writes: send them now; the embedded one frees memory

    def _attempt(self, batch: list[Pending]) -> tuple[list[Pending], list[ReadError]]:
        """Write the batch; if it fails, each article alone, to find the one that broke it."""
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

    def _settle(self, outcome: tuple[list[Pending], list[ReadError]]) -> None:
        done, errors = outcome
        self.report.errors.extend(errors)
        self._done([(aid, n) for aid, _, _, n in done])
        release_free_memory()  # a batch's statements and load buffers are freed: give the pages back

    def flush(self) -> None:
        """Write the pending batch (in a thread when it only adds new articles and the store allows)."""
        batch, self.pending = self.pending, []
        if not batch:
            return
        if self.threads == 1 or any(aid in self.existing for aid, _, _, _ in batch):
            self.wait()
            self._settle(self._attempt(batch))
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self.threads, thread_name_prefix="libkg-write")
        while len(self._in_flight) >= self.threads:
            self._settle(self._in_flight.popleft().result())
        self._in_flight.append(self._pool.submit(self._attempt, batch))

    def wait(self) -> None:
        """Wait for the batches in flight and record them, in order."""
        while self._in_flight:
            self._settle(self._in_flight.popleft().result())
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    def _done(self, done: list[tuple[str, int]], progressed: bool = False) -> None:
        self.report.articles += len(done)
        self.report.triples_written += sum(n for _, n in done)
        self.report.article_ids.extend(aid for aid, _ in done)
        if self.progress and done and not progressed:
            self.progress(len(done))

    def bulk(self, spool: Spool, existing: set[str]) -> int:
        """Articles already in the store through batches; all new ones through the bulk loader.

        If the bulk load fails, the store removes what it wrote and the new
        articles go through batches instead, so a bad article is still
        reported against its file and the others land.  Returns the number of
        articles the bulk loader wrote.
        """
        for record in spool:
            if record[0] in existing:
                self.add(*record)
        self.flush()
        self.wait()
        new = [aid for aid in sorted(self.run.ids) if aid not in existing]
        if not new:
            return 0
        names = [str(iri) for aid in new
                 for iri in (self.m.graph(aid), self.m.activity_graph(aid), evidence_graph(aid, self.run.base))]
        loaded: list[tuple[str, int]] = []

        def stream():
            for aid, _, statements, activity, evidence, triples, posts in spool:
                if aid in existing:
                    continue
                yield from self.graphs(aid, statements, activity, evidence)
                self.keep_posts(aid, posts)
                loaded.append((aid, triples))
                if self.progress:
                    self.progress(1)

        try:
            self.store.bulk_load_graphs(stream(), names)
        except Exception:  # noqa: BLE001 - the store undid the load: write the new articles in batches
            for record in spool:
                if record[0] not in existing:
                    self.add(*record)
            self.flush()
            self.wait()
            return 0
        self._done(loaded, progressed=True)
        return len(loaded)

    def finish(self) -> None:
        """The identity graphs of the run's names, and stored articles renamed by its decisions."""
        graphs: list[tuple[str, GraphData]] = [*renamed_articles(self.store, self.run.stored_renames, self.m),
                                               *identity_graphs(self.run)]
        for i in range(0, len(graphs), self.batch_size):
            self.store.replace_articles(graphs[i:i + self.batch_size])
        self.store.flush()


def _renamed(iri: str, subs: Substitutions) -> str:
    """``iri`` after the run's rewrites (N-Triples forms: ``<iri>`` whole, or ``<prefix`` of IRIs;
    see :meth:`~libkg.resolve.plan.RunIdentity.substitutions`)."""
    term = f"<{iri}>"
    for old, new in subs:
        if term == old or (not old.endswith(">") and term.startswith(old)):
            return (new + term[len(old):])[1:-1]
    return iri


def holds_articles(store: Store, base: str | None = None) -> bool:
    """Whether ``store`` holds any graph but the ontology and the reference data (which every run rewrites).

    A store that holds none has nothing a failed or interrupted load could
    damage, so :func:`ingest_paths` writes its batches with the bulk loader.
    """
    own = {str(ontology_graph()), str(gazetteer_graph_iri(base))}
    rows = store.select_values("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 3")
    return any(r.get("g") not in own for r in rows)


def load_ontology(store: Store) -> None:
    """Put the ontology and vocabularies in their own named graph, so queries can use labels."""
    g = Graph()
    for f in sorted(ontology_dir().rglob("*.ttl")):
        if f.name != "shapes.ttl":
            g.parse(f, format="turtle")
    store.replace_article(ontology_graph(), g)
