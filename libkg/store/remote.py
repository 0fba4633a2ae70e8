"""Any SPARQL 1.1 endpoint as the store: the scale-out path.

Queries and updates are SPARQL 1.1 Protocol requests (``urllib``; HTTP basic
or digest authentication); writes are SPARQL 1.1 Update requests, one named
graph per article, several articles per request (``batch_triples``).  A
request is applied by Oxigraph, Fuseki, GraphDB and Virtuoso as one
transaction, so an article is never half-written there either.

As in the embedded store, queries that name no graph see the *set* union of
the named graphs (all but the evidence graphs: :func:`libkg.rdf.namespaces.in_union`),
kept up to date by the same requests: the bundled queries must see a fact
stated by three articles once, not three times.  Where that
union lives depends on the server (its :class:`Engine`, detected from the
``Server`` header of its first answer, or chosen with ``engine=``):

``sparql11`` (Oxigraph, Fuseki)
    The server's plain default graph holds the union (do not turn on a
    "union default graph" option, which counts the fact once per graph).
``virtuoso``
    Virtuoso has no plain default graph (a query without ``FROM`` sees every
    graph, a fact once per graph, and an update without ``GRAPH`` is refused),
    so the union is an ordinary named graph, :data:`UNION_GRAPH`, which every
    update names and every query gets as its default graph through the
    protocol's ``default-graph-uri``.  Virtuoso's ``GRAPH ?g`` ranges over
    every graph whatever the dataset says, so each ``GRAPH ?g {`` of a query
    gets a ``FILTER(?g NOT IN (...))`` keeping out the union graph and
    Virtuoso's own system graphs (its ``input:named-graph-exclude`` pragma
    would do it, but it takes the graph out of the default graph too); and
    since Virtuoso 7.2 finds nothing in ``GRAPH <iri>`` once a query names its
    default graph, each such pattern is sent with a graph variable and a
    ``FILTER`` instead (a ``SELECT *`` shows that ``?_libkg_graphN``).

An error from the server is summarised in one line: the URL, the HTTP status,
the engine's message (never the request echoed back) and which graphs the
failed update was writing.

It implements the same :class:`~libkg.store.base.Store` interface as
:class:`~libkg.store.embedded.EmbeddedStore`, so every command runs against
either; its capability flags say what it lacks (no bulk loader in the
protocol, no dataset selection per query).  Virtuoso's own bulk loader is
driven by :mod:`libkg.store.virtuoso`.
"""

from __future__ import annotations

import io
import itertools
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, Any

from rdflib import Dataset, Graph, URIRef
from rdflib.query import Result

from libkg import __version__
from libkg.rdf.namespaces import PREFIXES, bind_prefixes, in_union
from libkg.store.base import Answer, GraphData, Store, StoreError, select_rows
from libkg.store.embedded import EXPORT_FORMATS
from libkg.store.sparql_text import DROP_FROM_UNION, inject_values
from libkg.store.terms import statements

__all__ = ["ENGINES", "UNION_GRAPH", "Engine", "RemoteStore", "summarise_error"]

USER_AGENT = f"libkg/{__version__} (+https://w3id.org/libkg)"

#: the named graph holding the union of the article graphs on a server without a plain default graph
UNION_GRAPH = "https://w3id.org/libkg/graph/union"

#: Virtuoso's own graphs in a new database (its RDF views' metadata, LDP, URIQA), never libkg's
VIRTUOSO_SYSTEM_GRAPHS = ("http://www.openlinksw.com/schemas/virtrdf#", "http://www.w3.org/ns/ldp#",
                          "http://localuriqaserver/sparql")


def _prefix_block() -> str:
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


CHUNK = 500  # graph IRIs per VALUES block (contains_graphs)
MESSAGE_CHARS = 300  # of a server's error message, in a StoreError


_ENGINE_ERROR = re.compile(r"Virtuoso \w+ Error ")
_GRAPH_VAR = re.compile(r"\bGRAPH\s+([?$]\w+)\s*\{", re.IGNORECASE)
_BNODE = re.compile(r"(?:^|\s)_:")  # a blank node in an N-Triples statement
_GRAPH_IRI = re.compile(r"\bGRAPH\s+<([^<>\s]*)>\s*\{", re.IGNORECASE)


@dataclass(frozen=True)
class Engine:
    """How a server keeps the union of the article graphs, and what each query must say about it.

    ``union_graph`` None: the server's plain default graph is the union.  Otherwise that named
    graph is, named in every update and sent as each query's ``default-graph-uri``, and the
    graphs of ``hidden_graphs`` (the union graph among them) are kept out of every ``GRAPH ?g``.
    ``graph_iri_as_variable``: each ``GRAPH <iri> {`` of a query is sent as ``GRAPH ?_libkg_graphN
    { FILTER(?_libkg_graphN = <iri>)`` (Virtuoso 7.2 finds nothing in ``GRAPH <iri>`` once the
    query's default graph is named, and answers true to such an ASK).  ``bnodes_in_template``:
    statements with a blank node are written with ``INSERT { GRAPH <g> { ... } } WHERE {}``, then
    copied into the union graph, so both hold the same node (Virtuoso refuses a blank node in
    ``INSERT DATA``, and fails on a template with two ``GRAPH`` blocks).  Needs ``union_graph``.
    """

    name: str
    union_graph: str | None = None
    hidden_graphs: tuple[str, ...] = ()
    graph_iri_as_variable: bool = False
    bnodes_in_template: bool = False

    def prepare(self, query: str) -> str:
        """``query`` with each ``GRAPH ?g {`` opening on a filter keeping out ``hidden_graphs``.

        >>> ENGINES["virtuoso"].prepare("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")[:70]
        'SELECT ?g WHERE { GRAPH ?g { FILTER(?g NOT IN (<https://w3id.org/libkg'
        >>> ENGINES["virtuoso"].prepare("ASK { GRAPH <urn:g> { ?s ?p ?o } }")
        'ASK { GRAPH ?_libkg_graph1 { FILTER(?_libkg_graph1 = <urn:g>) ?s ?p ?o } }'
        >>> ENGINES["sparql11"].prepare("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        'SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }'
        """
        if not self.hidden_graphs:
            return query
        hidden = ", ".join(f"<{g}>" for g in self.hidden_graphs)
        query = _GRAPH_VAR.sub(lambda m: f"{m.group(0)} FILTER({m.group(1)} NOT IN ({hidden}))", query)
        if not self.graph_iri_as_variable:
            return query
        counter = itertools.count(1)

        def variable(m: re.Match) -> str:
            v = f"?_libkg_graph{next(counter)}"
            return f"GRAPH {v} {{ FILTER({v} = <{m.group(1)}>)"

        return _GRAPH_IRI.sub(variable, query)

    def drop_from_union(self, graph: str) -> str:
        """The update removing from the union the triples only ``graph`` (an IRI in <>) states."""
        if self.union_graph is None:
            return DROP_FROM_UNION.replace("$G", graph)
        u = f"<{self.union_graph}>"
        return (f"DELETE {{ GRAPH {u} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} "
                f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER(?h != {graph} && ?h != {u}) }} }}")

    def insert_data(self, graph: str, body: str, union: bool = True) -> str:
        """``INSERT DATA`` of ``body`` (N-Triples) into ``graph`` (an IRI in <>) and, if ``union``, into the union."""
        if not union:
            template = _BNODE.search(body) and self.bnodes_in_template
            return f"INSERT {{ GRAPH {graph} {{\n{body}}} }} WHERE {{}}" if template else \
                f"INSERT DATA {{ GRAPH {graph} {{\n{body}}} }}"
        if self.bnodes_in_template:
            lines = body.splitlines(keepends=True)
            blank = "".join(ln for ln in lines if _BNODE.search(ln))
            if blank:  # into the graph by a template of one GRAPH block, then copied: one node in both
                plain = "".join(ln for ln in lines if not _BNODE.search(ln))
                ops = [self._insert("INSERT DATA", graph, plain)] if plain else []
                ops.append(f"INSERT {{ GRAPH {graph} {{\n{blank}}} }} WHERE {{}}")
                ops.append(f"INSERT {{ GRAPH <{self.union_graph}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH {graph} "
                           "{ ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) } }")
                return " ;\n".join(ops)
        return self._insert("INSERT DATA", graph, body)

    def _insert(self, verb: str, graph: str, body: str) -> str:
        union = body if self.union_graph is None else f"GRAPH <{self.union_graph}> {{\n{body}}}\n"
        return f"{verb} {{\n{union} GRAPH {graph} {{\n{body}}} }}"


ENGINES = {
    "sparql11": Engine("sparql11"),
    "virtuoso": Engine("virtuoso", UNION_GRAPH, (UNION_GRAPH, *VIRTUOSO_SYSTEM_GRAPHS), graph_iri_as_variable=True,
                       bnodes_in_template=True),
}


def engine_from_server_header(header: str | None) -> Engine:
    """The engine a ``Server`` HTTP header names (Virtuoso says ``Virtuoso/07.20...``), else SPARQL 1.1's.

    >>> engine_from_server_header("Virtuoso/07.20.3229 (Linux) x86_64-pc-linux-gnu").name
    'virtuoso'
    >>> engine_from_server_header("Oxigraph/0.4.9").name
    'sparql11'
    """
    return ENGINES["virtuoso" if header and header.lower().startswith("virtuoso") else "sparql11"]


def summarise_error(url: str, status: int, body: bytes | str, what: str = "") -> str:
    """One line for an error answer: URL, status, the engine's message, what was being done.

    A server's message often echoes the request (Virtuoso prints the whole query after
    ``SPARQL query:``); only the message is kept, at most ``MESSAGE_CHARS`` characters.

    >>> summarise_error("http://h/sparql", 400, "Virtuoso 37000 Error SP031: SPARQL compiler: bad\\n\\n"
    ...                 "SPARQL query:\\nINSERT DATA { <a> <b> <c> }", "the update of graph <g>")
    'http://h/sparql answered HTTP 400 to the update of graph <g>: Virtuoso 37000 Error SP031: SPARQL compiler: bad'
    """
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    engine_error = _ENGINE_ERROR.search(text)  # Virtuoso may send part of the answer before its error
    if engine_error:
        text = text[engine_error.start():]
    for marker in ("SPARQL query:", "\nQuery:", "\nUpdate:"):
        text = text.split(marker, 1)[0]
    message = " ".join(text.split())
    if len(message) > MESSAGE_CHARS:
        message = message[:MESSAGE_CHARS] + "…"
    doing = f" to {what}" if what else ""
    return f"{url} answered HTTP {status}{doing}: {message or '(no message)'}"


def describe_graphs(iris: list[str], shown: int = 3) -> str:
    """``the update of 5 graph(s): <a>, <b>, <c> and 2 more`` (which articles a failed request wrote)."""
    names = ", ".join(f"<{g}>" for g in iris[:shown])
    more = f" and {len(iris) - shown} more" if len(iris) > shown else ""
    return f"the update of {len(iris)} graph(s): {names}{more}"


class RemoteStore(Store):
    """A SPARQL 1.1 endpoint (query URL, and an update URL for writes).

    Parameters
    ----------
    endpoint
        The query endpoint, e.g. ``http://localhost:7878/query``.
    update_endpoint
        The update endpoint (``http://localhost:7878/update``); default: ``endpoint``.
    user, password
        HTTP authentication (basic, or digest when the server asks for it: Virtuoso's
        ``/sparql-auth``).
    batch_triples
        Articles are buffered and sent together until this many triples wait.
    timeout
        Seconds to wait for one HTTP request.
    engine
        ``"auto"`` (from the server's ``Server`` header, asked once), ``"sparql11"`` or
        ``"virtuoso"``, or an :class:`Engine`: where the union of the article graphs lives.
    """

    supports_bulk_load = False
    supports_transactions = False  # each request is one transaction on the server, but writes are queued
    supports_graph_selection = False
    read_only = False

    def __init__(self, endpoint: str, update_endpoint: str | None = None, *, user: str | None = None,
                 password: str | None = None, batch_triples: int = 20000, timeout: float = 60,
                 engine: str | Engine = "auto") -> None:
        self.endpoint = endpoint
        self.update_endpoint = update_endpoint or endpoint
        self.user, self.password = user, password
        self.batch_triples = batch_triples
        self.timeout = timeout
        if isinstance(engine, str) and engine != "auto" and engine not in ENGINES:
            raise ValueError(f"unknown engine {engine!r}; use auto or one of {', '.join(ENGINES)}")
        self._engine: Engine | None = ENGINES.get(engine) if isinstance(engine, str) else engine
        self._opener = self._make_opener()
        self._pending: list[tuple[str, list[str]]] = []
        self._pending_triples = 0

    # ----------------------------------------------------------- lifecycle
    @property
    def location(self) -> str | None:
        """The query endpoint's URL."""
        return self.endpoint

    @property
    def engine(self) -> Engine:
        """The server's :class:`Engine` (asked from its ``Server`` header on first use when ``"auto"``)."""
        if self._engine is None:
            url = self.endpoint + ("&" if "?" in self.endpoint else "?") + "query=" + urllib.parse.quote("ASK {}")
            try:
                with self._open(urllib.request.Request(url, headers=self._headers("application/sparql-results+json"))) as r:
                    header = r.headers.get("Server")
            except urllib.error.HTTPError as exc:  # an answer all the same: its Server header counts
                header = exc.headers.get("Server")
            except (urllib.error.URLError, OSError) as exc:
                raise StoreError(f"cannot reach the SPARQL endpoint {self.endpoint}: "
                                 f"{getattr(exc, 'reason', exc)}") from None
            self._engine = engine_from_server_header(header)
        return self._engine

    @property
    def sparql_dialect(self) -> str:  # type: ignore[override]
        """The engine's name (``sparql11`` or ``virtuoso``): bundled queries written for it are sent."""
        return self.engine.name

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Send what is still buffered."""
        self.flush()

    # ---------------------------------------------------------------- HTTP
    def _make_opener(self) -> urllib.request.OpenerDirector:
        handlers: list[urllib.request.BaseHandler] = []
        if self.user is not None:
            mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in {self.endpoint, self.update_endpoint}:
                mgr.add_password(None, url, self.user, self.password or "")
            handlers += [urllib.request.HTTPBasicAuthHandler(mgr), urllib.request.HTTPDigestAuthHandler(mgr)]
        return urllib.request.build_opener(*handlers)

    def _headers(self, accept: str, content_type: str | None = None) -> dict[str, str]:
        headers = {"Accept": accept, "User-Agent": USER_AGENT}
        if content_type:
            headers["Content-Type"] = content_type
        return headers  # credentials: the opener answers the server's challenge, basic or digest

    def _open(self, req: urllib.request.Request):
        return self._opener.open(req, timeout=self.timeout)

    def _post(self, url: str, data: bytes, content_type: str, accept: str, what: str) -> tuple[bytes, Any]:
        req = urllib.request.Request(url, data=data, method="POST", headers=self._headers(accept, content_type))
        try:
            with self._open(req) as r:
                return r.read(), r.headers
        except urllib.error.HTTPError as exc:
            raise StoreError(summarise_error(url, exc.code, exc.read(), what)) from None
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"cannot reach the SPARQL endpoint {url}: {getattr(exc, 'reason', exc)}") from None

    # --------------------------------------------------------------- write
    def update(self, sparql: str, what: str = "an update") -> None:
        """Send one SPARQL 1.1 Update request (``what`` names it in an error message)."""
        self._post(self.update_endpoint, sparql.encode("utf-8"), "application/sparql-update; charset=utf-8",
                   "*/*", what)

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
        engine = self.engine
        pending, self._pending, self._pending_triples = self._pending, [], 0
        ops = []
        for iri, g in pending:
            union = in_union(iri)  # the evidence graphs stay out of the union, as in the embedded store
            if union:
                ops.append(engine.drop_from_union(f"<{iri}>"))
            ops.append(f"DROP SILENT GRAPH <{iri}>")
            body = "".join(t + " .\n" for t in g)
            if body:
                ops.append(engine.insert_data(f"<{iri}>", body, union))
        self.update(" ;\n".join(ops), describe_graphs([iri for iri, _ in pending]))

    def bulk_load_graphs(self, graphs: Iterable[tuple[str, str | bytes]], names: list[str]) -> int:
        """Not supported (``supports_bulk_load`` is False): the SPARQL protocol has no bulk loader."""
        raise StoreError(f"{self.endpoint} is a SPARQL endpoint: it has no bulk loader; write in batches "
                         "(or, for Virtuoso, `libkg push --bulk`)")

    def optimize(self) -> None:
        """Nothing to do: the server manages its own files."""

    def remove_graph(self, graph_iri: str) -> None:
        """Delete a named graph and the union triples only it stated."""
        drop = self.engine.drop_from_union(f"<{graph_iri}>") + " ; " if in_union(graph_iri) else ""
        self.update(drop + f"DROP SILENT GRAPH <{graph_iri}>",
                    describe_graphs([graph_iri]).replace("the update", "the removal"))

    # ---------------------------------------------------------------- read
    def query(self, sparql: str, bindings: dict[str, Any] | None = None, union: bool = True) -> Result:
        """Run a query on the endpoint; same result type as the embedded store (rdflib ``Result``).

        ``bindings`` become a ``VALUES`` block of RDF terms; the libkg
        prefixes are declared for the query.  ``union`` is the server's
        setting (see the module docstring) and is accepted for symmetry.
        """
        from SPARQLWrapper import SPARQLWrapper

        self.flush()
        if bindings:
            sparql = inject_values(sparql, bindings)
        text = _prefix_block() + sparql
        probe = SPARQLWrapper(self.endpoint)
        probe.setQuery(text)
        kind = probe.queryType  # SELECT, ASK, CONSTRUCT, DESCRIBE (read from the text, nothing sent)
        graph_result = kind in ("CONSTRUCT", "DESCRIBE")
        raw = self._query_bytes(text, "text/turtle" if graph_result else "application/sparql-results+json")
        if graph_result:
            out = Result("CONSTRUCT")
            g = Graph()
            bind_prefixes(g)
            g.parse(data=raw, format="turtle")
            out.graph = g
            return out
        return Result.parse(io.BytesIO(raw), format="json")

    def _query_bytes(self, text: str, accept: str) -> bytes:
        engine = self.engine
        params = [("query", engine.prepare(text))]
        if engine.union_graph:
            params.append(("default-graph-uri", engine.union_graph))
        raw, headers = self._post(self.endpoint, urllib.parse.urlencode(params).encode("ascii"),
                                  "application/x-www-form-urlencoded", accept, "a query")
        partial = headers.get("X-SQL-State")  # Virtuoso's "anytime" answer: what it found before its time limit
        if partial:
            raise StoreError(f"{self.endpoint} answered in part ({partial}: {headers.get('X-SQL-Message', '')}; "
                             "Virtuoso's [SPARQL] MaxQueryExecutionTime in virtuoso.ini)")
        cut = headers.get("X-SPARQL-MaxRows")  # Virtuoso's ResultSetMaxRows cut the answer short
        if cut:
            raise StoreError(f"{self.endpoint} cut the answer at {cut} rows (Virtuoso's [SPARQL] "
                             "ResultSetMaxRows in virtuoso.ini): raise it, or the counts and copies libkg "
                             "reads would be wrong")
        return raw

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
        """Quads in the named graphs (the union graph, where it is a named graph, left out)."""
        return self._count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")

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
