"""The store interface every layer above the store is typed against.

:class:`Store` is a :class:`typing.Protocol` listing the operations libkg
needs from wherever the graph is kept, plus *capability flags* that say
what a given store can do (the model is rdflib's ``Store`` with its
``context_aware`` / ``transaction_aware`` / ``graph_aware`` flags).  Code that
needs a capability tests the flag, never the concrete class or the presence
of a method:

>>> from libkg.store import EmbeddedStore, RemoteStore, Store
>>> def loader(st: Store) -> str:
...     return "bulk" if st.supports_bulk_load else "batches"
>>> with EmbeddedStore() as st:
...     loader(st), st.supports_transactions, st.read_only
('bulk', True, False)
>>> loader(RemoteStore("http://localhost:7878/query"))
'batches'

Implementations: :class:`~libkg.store.embedded.EmbeddedStore` (Oxigraph in
this process) and :class:`~libkg.store.remote.RemoteStore` (any SPARQL 1.1
endpoint).  Both subclass :class:`Store` explicitly, so mypy checks that they
implement all of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any, Protocol, Self, TypeAlias, cast

from rdflib import Dataset, Graph
from rdflib.query import Result, ResultRow
from rdflib.term import Node

__all__ = ["Answer", "GraphData", "Store", "StoreError", "StoreLockedError", "select_rows"]

GraphData: TypeAlias = Graph | set[tuple[Node, Node, Node]] | list[str] | str | bytes
"""What a store writes as one named graph: an rdflib Graph, a set of rdflib triples, a list of
N-Triples statements without their final dot (``<s> <p> "o"``), those statements as one
newline-separated string, or an N-Triples document in bytes (see :func:`libkg.store.terms.statements`)."""


def select_rows(result: Result) -> Iterator[ResultRow]:
    """The rows of a SELECT result (rdflib types a result's items as rows, triples or a boolean).

    >>> from libkg.store import EmbeddedStore
    >>> with EmbeddedStore() as st:
    ...     [int(r.n) for r in select_rows(st.query("SELECT (1 AS ?n) WHERE {}"))]
    [1]
    """
    if result.type != "SELECT":
        raise ValueError(f"a {result.type} result has no rows")
    return cast(Iterator[ResultRow], iter(result))


class StoreError(RuntimeError):
    """The store could not be opened, read or written."""


class StoreLockedError(StoreError):
    """Another process (or another open store in this process) holds the directory."""


@dataclass
class Answer:
    """A query's answer read lazily, term by term (what a server streams out, up to a limit).

    ``kind`` is ``"ASK"`` (see ``boolean``), ``"SELECT"`` (``variables`` and
    ``rows``, tuples of rdflib terms or None, in the variables' order) or
    ``"CONSTRUCT"`` (``triples``, also for DESCRIBE).
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: Iterator[tuple[Node | None, ...]] = field(default_factory=lambda: iter(()))
    boolean: bool = False
    triples: Iterator[tuple[Node, Node, Node]] = field(default_factory=lambda: iter(()))


class Store(Protocol):
    """Where the graph is kept: one named graph per article, the default graph their set union.

    Capability flags
    ----------------
    supports_bulk_load
        :meth:`bulk_load_graphs` and :meth:`optimize` do real work (Oxigraph's
        bulk loader); otherwise ingest writes in batches.
    supports_transactions
        Each write call is applied atomically by this process's store (for a
        remote store the server decides: SPARQL servers apply one update
        request as one transaction, but writes are queued until :meth:`flush`).
    supports_graph_selection
        :meth:`answer` accepts ``default_graphs`` / ``named_graphs`` (the SPARQL
        protocol's dataset parameters).
    concurrent_writes
        How many :meth:`replace_articles` calls that only add new graphs may run
        at once from different threads (1: one at a time; the embedded store
        releases the GIL while it loads, so ingest overlaps its batches).
    read_only
        Every write raises.
    sparql_dialect
        Whose SPARQL the store answers: ``"sparql11"`` (the standard, as Oxigraph
        does), or an engine whose planner needs its own text for some bundled
        queries (``"virtuoso"``: :meth:`libkg.query.library.BundledQuery.text_for`).
    """

    supports_bulk_load: bool
    supports_transactions: bool
    supports_graph_selection: bool
    concurrent_writes: int = 1
    read_only: bool
    sparql_dialect: str = "sparql11"

    @property
    def location(self) -> str | None:
        """Where the data is, for messages: a folder, an endpoint URL, or None (in memory)."""
        ...

    # ----------------------------------------------------------- lifecycle
    def close(self) -> None:
        """Send or flush what is pending and release the store.  Safe to call twice."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...

    # --------------------------------------------------------------- write
    def replace_article(self, graph_iri: str, graph: GraphData) -> int:
        """Make named graph ``graph_iri`` hold exactly ``graph``; return its number of triples."""
        ...

    def replace_graph(self, graph_iri: str, graph: GraphData) -> int:
        """The same as :meth:`replace_article`, for any named graph (the ontology, links)."""
        ...

    def replace_articles(self, items: Iterable[tuple[str, GraphData]]) -> int:
        """:meth:`replace_article` for several graphs; return the triples written."""
        ...

    def bulk_load_graphs(self, graphs: Iterable[tuple[str, str | bytes]], names: list[str]) -> int:
        """Load many *new* graphs fast (only when ``supports_bulk_load``); return the statements loaded."""
        ...

    def optimize(self) -> None:
        """Compact the store's files after a bulk load (nothing to do where not supported)."""
        ...

    def flush(self) -> None:
        """Send queued writes now (nothing to do for a store that writes at once)."""
        ...

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update."""
        ...

    def remove_graph(self, graph_iri: str) -> None:
        """Delete a named graph and the union triples only it stated."""
        ...

    # ---------------------------------------------------------------- read
    def query(self, sparql: str, bindings: dict[str, Any] | None = None, union: bool = True) -> Result:
        """Run a SPARQL query; an rdflib ``Result``."""
        ...

    def select_values(self, sparql: str) -> list[dict[str, str]]:
        """A SELECT's rows as ``{variable: string value}`` (unbound ones left out), without rdflib terms."""
        ...

    def answer(self, sparql: str, default_graphs: list[str] | None = None,
               named_graphs: list[str] | None = None) -> Answer:
        """A query's answer read lazily (see :class:`Answer`)."""
        ...

    def contains_graphs(self, graph_iris: Iterable[str]) -> set[str]:
        """Those of ``graph_iris`` the store holds a named graph of."""
        ...

    def triple_count(self) -> int:
        """Statements in the named graphs."""
        ...

    def named_graphs(self) -> list[str]:
        """IRIs of the named graphs, sorted."""
        ...

    def graph(self, graph_iri: str) -> Graph:
        """One named graph as an rdflib Graph (a copy)."""
        ...

    def to_dataset(self) -> Dataset:
        """Every named graph as an rdflib Dataset (a copy)."""
        ...

    def export(self, fmt: str, out: IO[bytes]) -> None:
        """Write the store to ``out`` in ``fmt`` (see ``EXPORT_FORMATS``)."""
        ...
