"""Any SPARQL 1.1 endpoint as the store: the scale-out path.

Queries go through SPARQLWrapper (SPARQL 1.1 Protocol); writes are SPARQL 1.1
Update requests, one named graph per article, several articles per request
(``batch_triples``).  A request is applied by Oxigraph, Fuseki, GraphDB and
Virtuoso as one transaction, so an article is never half-written there either.

As in the embedded store, the default graph holds the *set* union of the
article graphs, kept up to date by the same requests: the bundled queries
read the default graph and must see a fact stated by three articles once,
not three times (a server's own "union default graph" option counts it once
per graph on some servers).  Run the server with a plain default graph
(Oxigraph's and Fuseki's default).

It implements the same :class:`~libkg.store.base.Store` interface as
:class:`~libkg.store.embedded.EmbeddedStore`, so every command runs against
either; its capability flags say what it lacks (no bulk loader, no dataset
selection per query).
"""

from __future__ import annotations

import io
import json
import urllib.error
from collections.abc import Iterable
from typing import IO, Any

from rdflib import Dataset, Graph, URIRef
from rdflib.query import Result

from libkg import __version__
from libkg.rdf.namespaces import PREFIXES, bind_prefixes
from libkg.store.base import Answer, GraphData, Store, StoreError, select_rows
from libkg.store.embedded import EXPORT_FORMATS
from libkg.store.sparql_text import DROP_FROM_UNION, inject_values
from libkg.store.terms import statements

USER_AGENT = f"libkg/{__version__} (+https://w3id.org/libkg)"


def _prefix_block() -> str:
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


CHUNK = 500  # graph IRIs per VALUES block (contains_graphs)


class RemoteStore(Store):
    """A SPARQL 1.1 endpoint (query URL, and an update URL for writes).

    Parameters
    ----------
    endpoint
        The query endpoint, e.g. ``http://localhost:7878/query``.
    update_endpoint
        The update endpoint (``http://localhost:7878/update``); default: ``endpoint``.
    user, password
        HTTP basic authentication, when the server asks for it.
    batch_triples
        Articles are buffered and sent together until this many triples wait.
    timeout
        Seconds to wait for one HTTP request.
    """

    supports_bulk_load = False
    supports_transactions = False  # each request is one transaction on the server, but writes are queued
    supports_graph_selection = False
    read_only = False

    def __init__(self, endpoint: str, update_endpoint: str | None = None, *, user: str | None = None,
                 password: str | None = None, batch_triples: int = 20000, timeout: float = 60) -> None:
        self.endpoint = endpoint
        self.update_endpoint = update_endpoint or endpoint
        self.user, self.password = user, password
        self.batch_triples = batch_triples
        self.timeout = timeout
        self._pending: list[tuple[str, list[str]]] = []
        self._pending_triples = 0

    # ----------------------------------------------------------- lifecycle
    @property
    def location(self) -> str | None:
        """The query endpoint's URL."""
        return self.endpoint

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Send what is still buffered."""
        self.flush()

    def _wrapper(self, url: str):
        from SPARQLWrapper import SPARQLWrapper

        sw = SPARQLWrapper(url, agent=USER_AGENT)
        sw.setTimeout(int(self.timeout))
        if self.user is not None:
            sw.setCredentials(self.user, self.password or "")
        return sw

    def _fail(self, url: str, exc: Exception) -> StoreError:
        if isinstance(exc, urllib.error.HTTPError):
            body = exc.read().decode("utf-8", "replace")[:500]
            return StoreError(f"{url} answered HTTP {exc.code}: {body.strip() or exc.reason}")
        if isinstance(exc, urllib.error.URLError):
            return StoreError(f"cannot reach the SPARQL endpoint {url}: {exc.reason}")
        return StoreError(f"{url}: {type(exc).__name__}: {exc}")

    # --------------------------------------------------------------- write
    def update(self, sparql: str) -> None:
        """Send one SPARQL 1.1 Update request."""
        from SPARQLWrapper import POST, POSTDIRECTLY

        sw = self._wrapper(self.update_endpoint)
        sw.setMethod(POST)
        sw.setRequestMethod(POSTDIRECTLY)
        sw.setQuery(sparql)
        try:
            sw.query()
        except Exception as exc:  # noqa: BLE001 - reported with the endpoint's URL
            raise self._fail(self.update_endpoint, exc) from None

    def replace_article(self, graph_iri: str, graph: GraphData) -> int:
        """Queue the replacement of named graph ``graph_iri`` by ``graph``; sent in batches.

        ``graph`` takes the forms :meth:`EmbeddedStore.replace_articles` takes.
        """
        stmts = statements(graph)
        self._pending.append((str(graph_iri), stmts))
        self._pending_triples += len(stmts)
        if self._pending_triples >= self.batch_triples:
            self.flush()
        return len(stmts)

    replace_graph = replace_article

    def replace_articles(self, items: Iterable[tuple[str, GraphData]]) -> int:
        """Queue several graph replacements (sent with the next batch); return the triples queued."""
        return sum(self.replace_article(iri, g) for iri, g in items)

    def flush(self) -> None:
        """Send every queued article in one update request."""
        if not self._pending:
            return
        ops = []
        for iri, g in self._pending:
            ops.append(DROP_FROM_UNION.replace("$G", f"<{iri}>"))
            ops.append(f"DROP SILENT GRAPH <{iri}>")
            body = "".join(t + " .\n" for t in g)
            if body:
                ops.append(f"INSERT DATA {{\n{body} GRAPH <{iri}> {{\n{body}}} }}")
        self._pending, self._pending_triples = [], 0
        self.update(" ;\n".join(ops))

    def bulk_load_graphs(self, graphs: Iterable[tuple[str, str | bytes]], names: list[str]) -> int:
        """Not supported (``supports_bulk_load`` is False): a SPARQL endpoint has no bulk loader."""
        raise StoreError(f"{self.endpoint} is a SPARQL endpoint: it has no bulk loader; write in batches")

    def optimize(self) -> None:
        """Nothing to do: the server manages its own files."""

    def remove_graph(self, graph_iri: str) -> None:
        """Delete a named graph and the union triples only it stated."""
        self.update(DROP_FROM_UNION.replace("$G", f"<{graph_iri}>") + f" ; DROP SILENT GRAPH <{graph_iri}>")

    # ---------------------------------------------------------------- read
    def query(self, sparql: str, bindings: dict[str, Any] | None = None, union: bool = True) -> Result:
        """Run a query on the endpoint; same result type as the embedded store (rdflib ``Result``).

        ``bindings`` become a ``VALUES`` block of RDF terms; the libkg
        prefixes are declared for the query.  ``union`` is the server's
        setting (see the module docstring) and is accepted for symmetry.
        """
        from SPARQLWrapper import JSON, POST, TURTLE

        self.flush()
        if bindings:
            sparql = inject_values(sparql, bindings)
        sw = self._wrapper(self.endpoint)
        sw.setMethod(POST)
        sw.setQuery(_prefix_block() + sparql)
        kind = sw.queryType
        sw.setReturnFormat(TURTLE if kind in ("CONSTRUCT", "DESCRIBE") else JSON)
        try:
            raw = sw.query().response.read()
        except Exception as exc:  # noqa: BLE001
            raise self._fail(self.endpoint, exc) from None
        if kind in ("CONSTRUCT", "DESCRIBE"):
            out = Result("CONSTRUCT")
            g = Graph()
            bind_prefixes(g)
            g.parse(data=raw, format="turtle")
            out.graph = g
            return out
        return Result.parse(io.BytesIO(raw), format="json")

    def select_values(self, sparql: str) -> list[dict[str, str]]:
        """A SELECT's rows as ``{variable: string value}`` dicts (unbound variables left out)."""
        res = self.query(sparql)
        names = [str(v) for v in res.vars or []]
        return [{n: str(v) for n, v in zip(names, row, strict=True) if v is not None} for row in select_rows(res)]

    def answer(self, sparql: str, default_graphs: list[str] | None = None,
               named_graphs: list[str] | None = None) -> Answer:
        """The answer of :meth:`query`, as an :class:`~libkg.store.base.Answer` (dataset selection unsupported)."""
        if default_graphs or named_graphs:
            raise ValueError("default-graph-uri / named-graph-uri are not supported over a remote endpoint")
        res = self.query(sparql)
        if res.type == "ASK":
            return Answer("ASK", boolean=bool(res.askAnswer))
        if res.type == "SELECT":
            return Answer("SELECT", [str(v) for v in res.vars or []], rows=(tuple(r) for r in select_rows(res)))
        return Answer("CONSTRUCT", triples=iter(res.graph or ()))

    def contains_graphs(self, graph_iris: Iterable[str]) -> set[str]:
        """Those of ``graph_iris`` the endpoint holds, asked ``CHUNK`` at a time."""
        iris = sorted({str(g) for g in graph_iris})
        out: set[str] = set()
        for i in range(0, len(iris), CHUNK):
            part = iris[i:i + CHUNK]
            q = ("SELECT DISTINCT ?g WHERE { VALUES ?g { " + " ".join(f"<{g}>" for g in part)
                 + " } GRAPH ?g { ?s ?p ?o } }")
            out |= {str(r[0]) for r in select_rows(self.query(q))}
        return out

    def _count(self, sparql: str) -> int:
        rows = list(select_rows(self.query(sparql)))
        return int(rows[0][0]) if rows else 0

    def triple_count(self) -> int:
        """Quads in the named graphs plus triples in the default graph."""
        return (self._count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"))

    def named_graphs(self) -> list[str]:
        return sorted(str(r[0]) for r in select_rows(self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")))

    def graph(self, graph_iri: str) -> Graph:
        """One named graph as an rdflib Graph (a copy)."""
        g = Graph()
        bind_prefixes(g)
        for r in select_rows(self.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}")):
            g.add((r[0], r[1], r[2]))
        return g

    def to_dataset(self) -> Dataset:
        """Every named graph as an rdflib Dataset (fine for exports of moderate size)."""
        ds = Dataset()
        bind_prefixes(ds)
        for r in select_rows(self.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")):
            ds.graph(URIRef(str(r[0]))).add((r[1], r[2], r[3]))
        return ds

    def export(self, fmt: str, out: IO[bytes]) -> None:
        """Write the endpoint's named graphs in ``fmt`` (see ``EXPORT_FORMATS``)."""
        fmt = fmt.lower().lstrip(".")
        names = {"ttl": "turtle", "turtle": "turtle", "nt": "nt", "trig": "trig", "nq": "nquads",
                 "nquads": "nquads", "jsonld": "json-ld", "json-ld": "json-ld"}
        if fmt not in names:
            raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
        ds = self.to_dataset()
        if names[fmt] in ("turtle", "nt"):
            union = Graph()
            bind_prefixes(union)
            for s, p, o, _ in ds.quads((None, None, None, None)):
                union.add((s, p, o))
            out.write(union.serialize(format=names[fmt]).encode("utf-8"))
        elif names[fmt] == "json-ld":
            out.write(json.dumps(json.loads(ds.serialize(format="json-ld")), ensure_ascii=False,
                                 indent=1).encode("utf-8"))
        else:
            out.write(ds.serialize(format=names[fmt]).encode("utf-8"))
