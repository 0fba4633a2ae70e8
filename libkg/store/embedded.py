"""An embedded, persistent Oxigraph store holding one named graph per article.

Oxigraph keeps data in a directory (RocksDB) and allows one writer per
directory; opening a directory in use raises :class:`StoreLockedError` naming
the path, instead of pyoxigraph's low-level lock message.

Layout: each article's triples live in its own named graph (the source of
truth, replaced as a whole), and the store's default graph is kept equal to
the *set* union of all named graphs but the evidence graphs (where facts were read is not a
fact: :func:`libkg.rdf.namespaces.in_union`), updated in the same transaction.  Queries
run against that default graph, so a triple stated by three articles matches
once (Oxigraph's own ``use_default_graph_as_union`` would match it three times
and multiply joins).  Do not write to the default graph directly; use
:meth:`EmbeddedStore.rebuild_union` after raw updates to named graphs.

Query results are rdflib :class:`rdflib.query.Result` objects (SELECT: iterate
rows, ``row.var`` / ``row[i]``; ASK: ``bool(result)``; CONSTRUCT/DESCRIBE:
``result.graph``), so code written against rdflib works unchanged.

Example
-------
>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph(); _ = g.add((URIRef("urn:x"), URIRef("urn:p"), Literal("1")))
>>> with EmbeddedStore() as st:
...     st.replace_article("urn:g", g), st.replace_article("urn:g", g), st.triple_count()
(1, 1, 1)
"""

from __future__ import annotations

import gc
import itertools
import os
import threading
import warnings
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import IO, Any, cast

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.query import Result
from rdflib.term import IdentifiedNode

from libkg.rdf.namespaces import EVIDENCE_GRAPHS, PREFIXES, bind_prefixes, in_union
from libkg.store.base import Answer, GraphData, Store, StoreError, StoreLockedError
from libkg.store.solutions import Unordered, select_result, split_order
from libkg.store.sparql_text import COPY_TO_UNION, DROP_FROM_UNION, inject_values
from libkg.store.terms import from_ox, graph_quads, nt_document, statements, term_converter, to_ox_graph_name

__all__ = ["EXPORT_FORMATS", "EmbeddedStore", "StoreError", "StoreLockedError"]

EXPORT_FORMATS = ("ttl", "nt", "trig", "nq", "jsonld")
JOURNAL = "libkg-unfinished-load"  # + "-{n}.txt": in the store's folder while a bulk load runs


def unfinished_loads(path: str | Path) -> list[Path]:
    """The journals of bulk loads that never finished in the store at ``path`` (empty: none).

    ``EmbeddedStore.bulk_load_graphs`` writes a journal before loading and removes it at the end;
    one left behind means the load was killed and some articles may be half there.  Opening the
    store for writing undoes them; a read-only open cannot.
    """
    return sorted(Path(path).glob(f"{JOURNAL}-*.txt"))
_LOADS = itertools.count()  # gives each bulk load of this process its own journal
BULK_QUADS_PER_LOAD = 300_000  # under the loader's batch of 1M quads: see bulk_load_graphs
BULK_PARALLEL = min(2, os.cpu_count() or 1)  # segments loading at once
WRITE_PARALLEL = min(2, os.cpu_count() or 1)  # transactions adding new graphs at once


class _LoadGate:
    """Bulk loads run side by side; undoing a failed one waits for the others and holds new ones back.

    An undo deletes union triples no graph states, and a load in progress may
    have written its union copy before its graphs: it must not run meanwhile.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._loading = 0
        self._undoing = 0

    def begin(self) -> None:
        with self._cond:
            self._cond.wait_for(lambda: not self._undoing)
            self._loading += 1

    def end(self, failed: bool) -> None:
        with self._cond:
            self._loading -= 1
            if failed:
                self._undoing += 1
                self._cond.wait_for(lambda: self._loading == 0)
            self._cond.notify_all()

    def undone(self) -> None:
        with self._cond:
            self._undoing -= 1
            self._cond.notify_all()


class EmbeddedStore(Store):
    """A pyoxigraph ``Store`` at ``path`` (a directory, created if missing), or in memory if None.

    :meth:`open_read_only` opens an existing store without its lock, for a server.
    """

    supports_bulk_load = True
    supports_transactions = True
    supports_graph_selection = True
    concurrent_writes = WRITE_PARALLEL  # loads of new graphs only insert, so concurrent ones commute

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = False
        self.recovered: list[str] = []  # graphs dropped on opening, left incomplete by a crash
        self._gate = _LoadGate()
        self._store: ox.Store | None
        if self.path is None:
            self._store = ox.Store()
            return
        self.path.mkdir(parents=True, exist_ok=True)
        try:
            self._store = ox.Store(str(self.path))
            self._recover()
            self._ensure_union()
        except OSError as e:
            if "lock" in str(e).lower():
                raise StoreLockedError(
                    f"the store at {self.path} is in use by another process or another open "
                    f"EmbeddedStore; close it first (Oxigraph allows one writer per directory)"
                ) from e
            raise StoreError(f"cannot open the store at {self.path}: {e}") from e

    @classmethod
    def open_read_only(cls, path: str | Path) -> EmbeddedStore:
        """The store at ``path`` (which must exist) opened read-only: no lock taken, every write refused.

        Nothing is recovered on opening (that needs a write): check for an
        interrupted bulk load first (``JOURNAL`` files in the folder).
        """
        p = Path(path)
        st = cls.__new__(cls)
        st.path, st.recovered, st.read_only, st._gate = p, [], True, _LoadGate()
        try:
            st._store = ox.Store.read_only(str(p))
        except OSError as exc:
            raise StoreError(f"cannot open the store at {p} read-only: {exc}") from exc
        return st

    # ----------------------------------------------------------- lifecycle
    @property
    def location(self) -> str | None:
        """The store's folder, or None for an in-memory store."""
        return str(self.path) if self.path is not None else None

    @property
    def store(self) -> ox.Store:
        """The underlying pyoxigraph store (for what this adapter does not cover)."""
        if self._store is None:
            raise StoreError(f"the store at {self.path or '(memory)'} is closed")
        return self._store

    @property
    def _writer(self) -> ox.Store:
        """The underlying store, for a write: a read-only store refuses it."""
        if self.read_only:
            raise StoreError(f"the store at {self.location} is open read-only: it cannot be written")
        return self.store

    def close(self) -> None:
        """Flush and release the directory lock.  Safe to call twice."""
        if self._store is None:
            return
        if self.path is not None and not self.read_only:  # a read-only store has nothing to flush
            self._store.flush()
        self._store = None
        gc.collect()  # pyoxigraph releases the lock when the Store object is freed

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --------------------------------------------------------------- write
    def replace_article(self, graph_iri: str, graph: GraphData) -> int:
        """Make named graph ``graph_iri`` hold exactly the triples of ``graph``; return their number.

        Dropping the old contents and inserting the new ones is one SPARQL
        update, which Oxigraph applies in one transaction: re-ingesting an
        article replaces its facts, never duplicates them, and a failure leaves
        the previous version in place.
        """
        return self.replace_articles([(graph_iri, graph)])

    replace_graph = replace_article  # the same operation for any named graph (e.g. the ontology)

    def replace_articles(self, items: Iterable[tuple[str, GraphData]]) -> int:
        """:meth:`replace_article` for several graphs at once; return the triples written.

        A graph is an rdflib Graph, a set of rdflib triples, a list of ready
        statements ``"<s> <p> "o""`` in N-Triples term syntax, those
        statements as one newline-separated string, or an N-Triples document in
        bytes (:func:`~libkg.store.terms.nt_document`, what ingest workers send,
        so the parent never rebuilds rdflib terms).

        Graphs the store already holds are replaced by one SPARQL update (drop,
        insert, keep the union; one transaction).  New graphs -- nearly all of
        them in a first ingest -- go to Oxigraph's loader as one TriG document,
        ``<g> { document }`` for each, then their union copy with each triple
        once (entities recur from article to article, and every repeated copy
        costs the loader a parse and an index lookup), in one more transaction;
        that is several times faster than an update.  Either way each graph is
        whole or absent.  Documents and graphs were built from checked terms
        (:func:`~libkg.store.terms.to_ox`), so the loader skips re-validating
        their IRIs, unless a graph came as raw statements.  (A first load of
        many articles: :meth:`bulk_load_graphs`.)
        """
        ops: list[str] = []
        new: list[bytes] = []
        union: dict[bytes, None] = {}  # the new graphs' union copy, each triple once, in order
        checked = True  # every new graph built from terms pyoxigraph has validated
        total = 0
        for graph_iri, graph in items:
            g = str(to_ox_graph_name(graph_iri))
            if not self.store.contains_named_graph(ox.NamedNode(str(graph_iri))):
                doc = graph if isinstance(graph, bytes) else nt_document(statements(graph))
                checked = checked and not isinstance(graph, (str, list))
                lines = doc.split(b"\n")
                n = len(lines) - (lines[-1] == b"")
                total += n
                if n:
                    new += (g.encode("utf-8"), b" {\n", doc, b"}\n" if doc.endswith(b"\n") else b"\n}\n")
                    if in_union(graph_iri):
                        union.update(dict.fromkeys(lines))
                continue
            stmts = statements(graph)
            total += len(stmts)
            union_kept = in_union(graph_iri)
            if union_kept:
                ops.append(DROP_FROM_UNION.replace("$G", g))
            ops.append(f"DROP SILENT GRAPH {g}")
            if stmts:
                # the statements are parsed once, into the named graph; the union copy is made
                # from the stored graph (same terms, blank nodes included) in the same transaction
                ops.append(f"INSERT DATA {{ GRAPH {g} {{ {' . '.join(stmts)} . }} }}")
                if union_kept:
                    ops.append(COPY_TO_UNION.replace("$G", g))
        if ops:
            self._writer.update(" ;\n".join(ops))
        if new:
            union.pop(b"", None)
            new += (b"\n".join(union), b"\n")
            self._writer.load(b"".join(new), format=ox.RdfFormat.TRIG, lenient=checked)
        return total

    def bulk_load_graphs(self, graphs: Iterable[tuple[str, str | bytes]], names: list[str],
                         quads_per_load: int = BULK_QUADS_PER_LOAD, parallel: int = BULK_PARALLEL) -> int:
        """Load many new graphs with a few streamed bulk loads; return the statements loaded.

        ``graphs`` yields (graph IRI, statements) pairs and is consumed while
        Oxigraph loads, so it may be a generator over far more data than fits
        in memory; ``names`` lists every graph it will yield, for the journal.
        The statements are best an N-Triples document in bytes
        (:func:`~libkg.store.terms.nt_document`, what ingest workers make):
        each segment is then a TriG document joined from them, ``<g> { document }``
        for each graph, then the segment's union copy with each triple once
        (entities recur in many articles, and every copy would cost Oxigraph
        a write).  Any form :meth:`replace_articles` takes works too.

        Why segments of ``quads_per_load`` quads (each graph plus its union
        copy), cut between graphs: Oxigraph's bulk loader holds up to a million
        quads per batch and per thread in memory, so one load of a big corpus
        peaks above 2 GB, while every load adds files to the database, and a
        few hundred loads make RocksDB stall writes until compaction catches
        up.  Segments under one batch keep memory near one batch per load and
        the number of loads near a hundred for 100,000 articles.  A load under
        one batch runs on one thread, so ``parallel`` segments load at once
        (Oxigraph releases the GIL while loading bytes) while the next one is
        built.  The statements come from
        libkg's own serializer, already valid, so Oxigraph parses them
        leniently (no IRI re-validation, a fifth faster).

        The bulk loader writes straight to the database files and is not
        transactional, so the graphs' names are first written to a journal
        (``JOURNAL-{n}.txt`` in the store's folder, synced to disk), removed
        once every load has returned.  If a load fails, what the earlier
        segments and it wrote is removed before the error is raised; a store
        opened with a journal left behind by a crash drops those graphs
        (:meth:`_recover`), and rerunning the interrupted ingest adds them again.
        """
        writer = self._writer
        journal = self._journal(names)
        count = 0
        pending = iter(graphs)

        def segment() -> bytes | None:
            nonlocal count
            parts: list[bytes] = []
            union: dict[bytes, None] = {}  # the segment's union copy, each triple once, in order
            quads = 0
            for iri, stmts in pending:
                nt = stmts if isinstance(stmts, bytes) else nt_document(statements(stmts))
                lines = nt.split(b"\n")
                n = len(lines) - (lines[-1] == b"")  # a document ends with a newline, or its last line
                count += n
                parts += (str(to_ox_graph_name(iri)).encode("utf-8"), b" {\n", nt, b"}\n")
                if in_union(iri):  # not the evidence graphs
                    quads += 2 * n
                    union.update(dict.fromkeys(lines))
                else:
                    quads += n
                if quads >= quads_per_load:
                    break
            if not parts:
                return None
            union.pop(b"", None)
            parts += (b"\n".join(union), b"\n")
            return b"".join(parts)

        def load(data: bytes) -> None:
            writer.bulk_load(data, format=ox.RdfFormat.TRIG, lenient=True)

        parallel = max(1, parallel)
        in_flight: list[Future] = []
        self._gate.begin()
        try:
            with ThreadPoolExecutor(parallel) as pool:  # leaving it waits for every load, even on an error
                while (data := segment()) is not None:
                    if len(in_flight) >= parallel:
                        in_flight.pop(0).result()
                    in_flight.append(pool.submit(load, data))
                    del data
                for f in in_flight:
                    f.result()
        except BaseException:
            self._gate.end(failed=True)  # waits for other threads' loads, holds new ones back
            try:
                if journal is not None:
                    self._undo([journal])
                else:  # a store in memory keeps no journal: the names are at hand
                    self._drop_loaded(names)
            finally:
                self._gate.undone()
            raise
        self._gate.end(failed=False)
        if journal is not None:
            self.store.flush()
            journal.unlink()
        return count

    def flush(self) -> None:
        """Move what the database holds in memory to its files (every write is applied when made).

        RocksDB keeps recent writes in memory tables as well as in its log and,
        as Oxigraph sets it up, did not move them to disk on its own soon
        enough: a 30,000-article ingest grew to 2.7 GB.  Ingest calls this after
        each batch, which keeps its memory flat whatever the corpus size.
        """
        if self.path is not None and self._store is not None and not self.read_only:
            self._store.flush()

    def optimize(self) -> None:
        """Compact the database files (RocksDB), e.g. after :meth:`bulk_load_graphs`.

        Each bulk load adds files whose key ranges overlap the earlier ones,
        and every index lookup checks them all until RocksDB merges them, which
        it does only in the background of an open store: right after a
        10k-article bulk ingest, lookups ran 2-4x slower than after this call,
        which took about a tenth of the load's time.
        """
        self._writer.optimize()

    def _journal(self, graphs: list[str]) -> Path | None:
        journal = self.path / f"{JOURNAL}-{next(_LOADS)}.txt" if self.path is not None else None
        if journal is not None:
            with open(journal, "w", encoding="utf-8") as f:
                f.write("\n".join(graphs) + "\n")
                f.flush()
                os.fsync(f.fileno())
        return journal

    def _undo(self, journals: list[Path]) -> list[str]:
        """Drop the graphs the journals name, and union triples no graph states any more."""
        graphs = sorted({g for j in journals for g in j.read_text(encoding="utf-8").split("\n") if g})
        self._drop_loaded(graphs)
        for j in journals:
            j.unlink()
        return graphs

    def _drop_loaded(self, graphs: Iterable[str]) -> None:
        """Drop ``graphs`` and the union triples no graph states any more (one transaction)."""
        ops = [f"DROP SILENT GRAPH {to_ox_graph_name(g)}" for g in graphs]
        ops.append("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }")
        self.store.update(" ;\n".join(ops))
        if self.path is not None:
            self.store.flush()

    def _recover(self) -> None:
        """Undo bulk loads a crash interrupted (their journals are still there)."""
        journals = unfinished_loads(self.path) if self.path is not None else []
        if not journals:
            return
        graphs = self._undo(journals)
        self.recovered = graphs
        warnings.warn(f"{self.path}: an interrupted ingest left {len(graphs)} graph(s) possibly incomplete; "
                      f"they were removed: ingest those articles again", stacklevel=3)

    def add_graph(self, graph_iri: str, graph: Graph) -> int:
        """Add the triples of ``graph`` to named graph ``graph_iri`` (and the union), in one transaction.

        Unlike :meth:`replace_article` nothing is removed.  Returns the number
        of triples given.
        """
        quads = list(graph_quads(graph, graph_iri))
        self._writer.extend(quads + [ox.Quad(q.subject, q.predicate, q.object) for q in quads])
        return len(graph)

    def update(self, sparql: str, rebuild_union: bool = True) -> None:
        """Run a SPARQL 1.1 Update (one transaction) on the named graphs, then rebuild the union.

        Pass ``rebuild_union=False`` for a batch of updates and call
        :meth:`rebuild_union` once at the end.
        """
        self._writer.update(sparql)
        if rebuild_union:
            self.rebuild_union()

    def remove_graph(self, graph_iri: str) -> None:
        """Delete a named graph and its triples (e.g. an article withdrawn)."""
        g = str(to_ox_graph_name(graph_iri))
        self._writer.update(DROP_FROM_UNION.replace("$G", g) + f" ; DROP SILENT GRAPH {g}")

    def rebuild_union(self) -> None:
        """Recompute the default graph as the union of the named graphs (one transaction)."""
        self._writer.update("DROP SILENT DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } "
                            f'FILTER(!CONTAINS(STR(?g), "{EVIDENCE_GRAPHS}")) }}')

    def _ensure_union(self) -> None:
        # stores written before the union was kept (or by other tools) get it on open
        st = self.store
        if not bool(st.query("ASK { ?s ?p ?o }")) and bool(st.query("ASK { GRAPH ?g { ?s ?p ?o } }")):
            self.rebuild_union()

    # ---------------------------------------------------------------- read
    def query(self, sparql: str, bindings: dict[str, Any] | None = None, union: bool = True) -> Result:
        """Run a SPARQL query; the result is an rdflib ``Result`` (see the module docstring).

        ``bindings`` pre-bind variables (name without '?' -> rdflib term or
        Python value), as rdflib's ``initBindings`` does: a ``VALUES`` block is
        put at the start of the outermost ``WHERE`` group, so a bound variable
        need not be projected.  The default graph is the union of all graphs
        (each triple once); ``GRAPH ?g { }`` reaches single articles;
        ``union=False`` leaves the default graph empty (only ``GRAPH``
        patterns match), as for a store without a union.  The prefixes of
        :data:`libkg.rdf.namespaces.PREFIXES` are predeclared.  A closing
        ``ORDER BY`` over returned variables sorts the converted rows in
        Python (same order; Oxigraph re-reads long strings at each comparison),
        see :mod:`libkg.store.solutions`.
        """
        if bindings:
            sparql = inject_values(sparql, bindings)
        kwargs: dict[str, Any] = {} if union else {"default_graph": []}
        res = None
        ordered = split_order(sparql)
        if ordered is not None:  # a closing ORDER BY is done here, on the converted rows, when it can be
            try:
                res = self.store.query(ordered[0], prefixes=PREFIXES, **kwargs)
                if isinstance(res, ox.QuerySolutions):
                    return select_result(res, ordered[1])
            except (Unordered, SyntaxError):
                res = None
        if res is None:
            res = self.store.query(sparql, prefixes=PREFIXES, **kwargs)
        if isinstance(res, ox.QueryBoolean):
            out = Result("ASK")
            out.askAnswer = bool(res)
            return out
        if isinstance(res, ox.QuerySolutions):
            return select_result(res)  # each distinct term converted once: listing queries return thousands of rows
        out = Result("CONSTRUCT")
        g = Graph()
        bind_prefixes(g)
        convert = term_converter()
        for t in res:
            g.add((convert(t.subject), convert(t.predicate), convert(t.object)))
        out.graph = g
        return out

    def select_values(self, sparql: str) -> list[dict[str, str]]:
        """A SELECT's rows as ``{variable: string value}`` dicts (unbound variables left out).

        The query goes straight to pyoxigraph: turning every value into an
        rdflib term first cost five times the query itself on large networks
        (see ``scripts/bench_network.py``), and projections only need the strings.
        """
        sols = self.store.query(sparql, prefixes=PREFIXES)
        if not isinstance(sols, ox.QuerySolutions):
            raise ValueError("select_values runs SELECT queries only")
        names = [v.value for v in sols.variables]
        return [{n: t.value for n in names if (t := sol[n]) is not None} for sol in sols]

    def answer(self, sparql: str, default_graphs: list[str] | None = None,
               named_graphs: list[str] | None = None) -> Answer:
        """The answer read lazily from Oxigraph; ``default_graphs`` / ``named_graphs`` set the dataset.

        A bad graph IRI raises ValueError, a bad query SyntaxError.
        """
        kwargs: dict[str, Any] = {"prefixes": PREFIXES}
        if default_graphs:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        if named_graphs:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        res = self.store.query(sparql, **kwargs)
        if isinstance(res, ox.QueryBoolean):
            return Answer("ASK", boolean=bool(res))
        if isinstance(res, ox.QuerySolutions):
            names = [v.value for v in res.variables]
            sols = res
            return Answer("SELECT", names, rows=(tuple(from_ox(sol[n]) for n in names) for sol in sols))
        triples = res
        return Answer("CONSTRUCT", triples=((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object))
                                            for t in triples))

    def contains_graphs(self, graph_iris: Iterable[str]) -> set[str]:
        """Those of ``graph_iris`` the store holds (an index lookup each)."""
        return {g for g in graph_iris if self.store.contains_named_graph(ox.NamedNode(str(g)))}

    def triple_count(self) -> int:
        """Number of statements in the named graphs (a triple stated in two graphs counts twice;
        the union copy in the default graph is not counted)."""
        return len(self.store) - self.union_count()

    def union_count(self) -> int:
        """Number of distinct triples over all graphs (the size of the default graph)."""
        res = self.store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert isinstance(res, ox.QuerySolutions)
        return int(next(iter(res))["n"].value)

    def _named_quads(self) -> Iterator[ox.Quad]:
        return (q for q in self.store if not isinstance(q.graph_name, ox.DefaultGraph))

    def named_graphs(self) -> list[str]:
        """IRIs of the named graphs, sorted."""
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def graph(self, graph_iri: str) -> Graph:
        """One named graph as an rdflib Graph (a copy)."""
        g = Graph()
        bind_prefixes(g)
        for q in self.store.quads_for_pattern(None, None, None, to_ox_graph_name(graph_iri)):
            g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
        return g

    def to_dataset(self) -> Dataset:
        """Everything as an rdflib Dataset (a copy; fine for exports, not for huge stores)."""
        ds = Dataset()
        bind_prefixes(ds)
        for q in self._named_quads():
            ds.graph(cast(IdentifiedNode, from_ox(cast(ox.NamedNode, q.graph_name)))).add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
        return ds

    def export(self, fmt: str, out: IO[bytes]) -> None:
        """Write the store to ``out`` (a binary stream).

        ``ttl`` and ``nt`` write the union of all graphs (graph names are lost,
        duplicates across graphs merge); ``trig``, ``nq`` and ``jsonld`` keep the
        named graphs.  JSON-LD goes through rdflib's serializer.
        """
        fmt = fmt.lower().lstrip(".")
        if fmt in ("ttl", "turtle"):
            self.store.dump(out, ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=PREFIXES)
        elif fmt in ("nt", "ntriples"):
            self.store.dump(out, ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        elif fmt == "trig":
            ox.serialize(self._named_quads(), out, ox.RdfFormat.TRIG, prefixes=PREFIXES)
        elif fmt in ("nq", "nquads"):
            ox.serialize(self._named_quads(), out, ox.RdfFormat.N_QUADS)
        elif fmt in ("jsonld", "json-ld"):
            out.write(self.to_dataset().serialize(format="json-ld", auto_compact=True).encode("utf-8"))
        else:
            raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
