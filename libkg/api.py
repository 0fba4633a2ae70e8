"""The Python API for researchers: one object over the store and the pipeline.

:func:`open` gives a :class:`KnowledgeGraph`; its methods do what the
``libkg`` commands do (the commands are a thin layer over them):

========================  ====================================================
``kg.ingest(paths)``      read, extract and store articles (:class:`IngestReport`)
``kg.extract(x)``         facts of one article, file or text, without storing
``kg.query(q, **params)`` a bundled query by name, a ``.rq`` file or SPARQL
                          text; parameters bound as RDF terms (:class:`QueryResult`)
``kg.network(kind)``      a networkx projection (institutions, persons, ...)
``kg.link()``             authority links (Wikidata), when :mod:`libkg.link` is there
``kg.export(path)``       the whole graph as Turtle, TriG, N-Quads, N-Triples, JSON-LD
``kg.stats()``            what the store holds
========================  ====================================================

Examples
--------
>>> import libkg
>>> from libkg.resources import samples_dir
>>> with libkg.open(":memory:") as kg:
...     report = kg.ingest(samples_dir() / "articles" / "d01.json")
...     result = kg.query("person-timeline", name="Kiều Thúy Nga")
>>> report.articles, report.errors
(1, [])
>>> result.columns[:3]
['person', 'from', 'first']
>>> sorted({row.person for row in result})
['Kiều Thúy Nga']
"""

from __future__ import annotations

import builtins
import datetime as _dt
import hashlib
import html
import io
import os
import re
from collections import namedtuple
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from libkg.ingest import IngestReport
from libkg.query.library import BundledQuery, bind_params, find_param, get_query
from libkg.query.results import FORMATS, ResultTable
from libkg.read import DEFAULT_MAX_BYTES, SUFFIXES, Article

if TYPE_CHECKING:  # imported lazily at run time: networkx, pandas and the extractor are heavy
    import networkx as nx
    import pandas as pd
    from rdflib import Graph

    from libkg.extract.facts import Facts
    from libkg.store import Store

__all__ = ["MEMORY", "IngestReport", "KnowledgeGraph", "QueryResult", "open", "prepare_query", "to_python"]

MEMORY = ":memory:"
"""Pass as ``store`` to :func:`open` for a throw-away in-memory store."""

_EXPORT_SUFFIXES = {".ttl": "ttl", ".turtle": "ttl", ".trig": "trig", ".nq": "nq", ".nquads": "nq",
                    ".nt": "nt", ".ntriples": "nt", ".jsonld": "jsonld", ".json": "jsonld"}
_NAME = re.compile(r"[\w./\\-]+")  # a query name or a path without spaces; SPARQL always has some

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = {_XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                        "positiveInteger", "negativeInteger", "nonPositiveInteger",
                                        "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}
_FLOAT_TYPES = {_XSD + t for t in ("decimal", "double", "float")}
_DATE_TYPES = {_XSD + t for t in ("date", "dateTime", "dateTimeStamp", "gYear", "gYearMonth")}


# --------------------------------------------------------------------------- values
def to_python(term: Node | None) -> Any:
    """An RDF term as a plain Python value.

    IRIs and blank nodes become ``str``; ``xsd:date`` a :class:`datetime.date`,
    ``xsd:dateTime`` a :class:`datetime.datetime`; integers ``int``;
    ``xsd:decimal`` / ``double`` / ``float`` ``float``; ``xsd:boolean``
    ``bool``.  Everything else (strings, language-tagged text, partial dates
    ``xsd:gYear`` / ``xsd:gYearMonth``, ill-formed literals) is its lexical
    form as ``str``; an unbound variable is ``None``.

    Examples
    --------
    >>> from rdflib import Literal, URIRef
    >>> from rdflib.namespace import XSD
    >>> to_python(URIRef("https://w3id.org/libkg/id/person/x"))
    'https://w3id.org/libkg/id/person/x'
    >>> to_python(Literal("2023-07-06", datatype=XSD.date))
    datetime.date(2023, 7, 6)
    >>> to_python(Literal("12", datatype=XSD.integer)), to_python(Literal("2023-07", datatype=XSD.gYearMonth))
    (12, '2023-07')
    """
    if term is None:
        return None
    if not isinstance(term, Literal):
        return str(term)
    dt = str(term.datatype) if term.datatype is not None else None
    if dt is None or term.language:
        return str(term)
    try:
        if dt in _INTEGER_TYPES:
            return int(str(term).strip())
        if dt in _FLOAT_TYPES:
            return float(str(term).strip())
        if dt == _XSD + "boolean":
            return str(term).strip() in ("true", "1")
        if dt == _XSD + "date":
            return _dt.date.fromisoformat(str(term).strip()[:10])
        if dt in (_XSD + "dateTime", _XSD + "dateTimeStamp"):
            return _dt.datetime.fromisoformat(str(term).strip().replace("Z", "+00:00"))
    except ValueError:
        pass
    return str(term)


def _param_text(value: Any) -> str:
    """A Python value as the text ``--param`` would give for it."""
    if isinstance(value, URIRef):
        return f"<{value}>"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _dt.date):  # datetime too
        return value.isoformat()
    if isinstance(value, str | int | float | Decimal):
        return str(value)
    raise TypeError(f"cannot bind a {type(value).__name__} ({value!r}) as a query parameter; "
                    f"give a str, int, float, date, or an rdflib term")


def _inline(sparql: str) -> BundledQuery:
    return BundledQuery("inline", Path("-"), "inline", "", sparql)


def _resolve(text: str) -> BundledQuery:
    """A bundled query's name, a ``.rq`` file, or SPARQL text, told apart by their shape."""
    s = text.strip()
    if s.endswith(".rq") and "{" not in s and "\n" not in s:
        if not Path(s).is_file():
            raise FileNotFoundError(f"no query file {s}")
        return get_query(s)
    if _NAME.fullmatch(s):
        return get_query(s)
    return _inline(text)


def prepare_query(sparql_or_name: str | os.PathLike[str] | BundledQuery,
                  params: Mapping[str, Any] | None = None) -> tuple[BundledQuery, dict[str, Node]]:
    """Resolve a query and bind its parameters as RDF terms; nothing is run.

    ``sparql_or_name`` is a bundled query's name (``libkg queries`` lists
    them), a path to a ``.rq`` file, SPARQL text, or a :class:`BundledQuery`.
    Each parameter becomes an RDF term through
    :func:`libkg.query.library.bind_params`, as the command line's ``--param``
    does: strings (``<...>`` is an IRI) and other values of a declared
    parameter are converted to the type the query declares for it; values of
    undeclared parameters (SPARQL text) become literals of their own XSD type
    (``int``, ``float``, ``bool``, :class:`datetime.date`); rdflib terms are
    used as they are.  Values are never pasted into the query text.

    Raises
    ------
    KeyError
        No bundled query of that name, or a parameter the query does not declare
        (the message suggests the closest name).  A parameter's old name (``kindName``
        for ``kind``, ``provinceName`` for ``province``) still works, with a ``FutureWarning``.
    ValueError
        A value that is not of the parameter's declared type (an IRI, a date...).

    Examples
    --------
    >>> q, b = prepare_query("events", {"kind": "Conference"})   # binds the query's ?kindName
    >>> q.name, b
    ('events', {'kindName': rdflib.term.Literal('Conference')})
    >>> prepare_query("SELECT ?x WHERE { ?x ?p ?o }")[0].name
    'inline'
    """
    if isinstance(sparql_or_name, BundledQuery):
        q = sparql_or_name
    elif isinstance(sparql_or_name, os.PathLike):
        q = get_query(os.fspath(sparql_or_name))
    else:
        q = _resolve(sparql_or_name)
    declared = {p.name for p in q.params} | {p.var for p in q.params}
    as_text: dict[str, str] = {}
    terms: dict[str, Node] = {}
    for key, value in (params or {}).items():
        k = key.lstrip("?$")
        if isinstance(value, str) and not isinstance(value, Node):  # (rdflib terms are str too)
            as_text[k] = value
        elif isinstance(value, Node) and not isinstance(value, URIRef):
            terms[k] = value
        elif k in declared or isinstance(value, URIRef):
            as_text[k] = _param_text(value)  # converted as the query declares the parameter
        else:
            _param_text(value)  # refuses what cannot be a term
            terms[k] = Literal(value)  # an undeclared parameter: the value's own XSD type
    bindings = bind_params(q, as_text)
    for k, term in terms.items():
        # declared names are checked (and old names mapped) as for strings; the terms are used as given
        p = find_param(q, k)
        bindings[p.var if p is not None else k] = term
    return q, bindings


# --------------------------------------------------------------------------- results
class QueryResult:
    """The answer to a query: rows of plain Python values, tables, CSV, pandas.

    A SELECT result iterates over its rows; each row is a named tuple
    (``row.person`` or ``row[0]``) of plain values (see :func:`to_python`).
    ``.table`` keeps the RDF terms themselves (a
    :class:`~libkg.query.results.ResultTable`).  An ASK result is truthy or
    not (``.answer``); a CONSTRUCT or DESCRIBE result has ``.graph``.

    Examples
    --------
    >>> from rdflib import Literal, URIRef
    >>> from rdflib.namespace import XSD
    >>> table = ResultTable(["org", "n", "day"], [
    ...     [URIRef("https://w3id.org/libkg/id/org/a"), Literal(3), Literal("2023-07-06", datatype=XSD.date)]])
    >>> r = QueryResult.from_table(table)
    >>> r.rows
    [Row(org='https://w3id.org/libkg/id/org/a', n=3, day=datetime.date(2023, 7, 6))]
    >>> print(r.to_csv(), end="")
    org,n,day
    https://w3id.org/libkg/id/org/a,3,2023-07-06
    """

    def __init__(self, kind: str, table: ResultTable | None = None, *, answer: bool | None = None,
                 graph: Graph | None = None, name: str = "inline") -> None:
        self.type = kind
        self.table = table if table is not None else ResultTable([], [])
        self.answer = answer
        self.graph = graph
        self.name = name
        self._rows: list[tuple[Any, ...]] | None = None

    @classmethod
    def from_table(cls, table: ResultTable, name: str = "inline") -> QueryResult:
        """A SELECT result from a :class:`~libkg.query.results.ResultTable`."""
        return cls("SELECT", table, name=name)

    @classmethod
    def from_rdflib(cls, res: Any, name: str = "inline") -> QueryResult:
        """Wrap the rdflib ``Result`` that ``store.query`` returns."""
        if res.type == "ASK":
            return cls("ASK", answer=bool(res.askAnswer), name=name)
        if res.type in ("CONSTRUCT", "DESCRIBE"):
            return cls(res.type, graph=res.graph, name=name)
        table = ResultTable([str(v) for v in res.vars], [list(row) for row in res])
        return cls("SELECT", table, name=name)

    # ----------------------------------------------------------- rows
    @property
    def columns(self) -> list[str]:
        """The SELECT variables, in order."""
        return list(self.table.vars)

    @property
    def rows(self) -> list[tuple[Any, ...]]:
        """Every row as a named tuple of plain Python values."""
        if self._rows is None:
            row_type = namedtuple("Row", self.table.vars, rename=True)  # type: ignore[misc]
            self._rows = [row_type(*(to_python(t) for t in r)) for r in self.table.rows]
        return self._rows

    def records(self) -> list[dict[str, Any]]:
        """Every row as a dict ``{variable: plain value}``."""
        return [dict(zip(self.table.vars, r, strict=True)) for r in self.rows]

    def column(self, name: str) -> list[Any]:
        """The plain values of one variable."""
        i = self.table.vars.index(name)
        return [r[i] for r in self.rows]

    def head(self, n: int) -> QueryResult:
        """The first ``n`` rows as a new result."""
        return QueryResult(self.type, ResultTable(self.table.vars, self.table.rows[:n]), answer=self.answer,
                           graph=self.graph, name=self.name)

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self.rows)

    def __len__(self) -> int:
        if self.type == "SELECT":
            return len(self.table.rows)
        return len(self.graph) if self.graph is not None else int(bool(self.answer))

    def __bool__(self) -> bool:
        return bool(self.answer) if self.type == "ASK" else len(self) > 0

    def __repr__(self) -> str:
        if self.type == "SELECT":
            return f"<QueryResult {self.name}: {len(self)} row(s) x {self.columns}>"
        if self.type == "ASK":
            return f"<QueryResult {self.name}: {self.answer}>"
        return f"<QueryResult {self.name}: {self.type} graph of {len(self)} triple(s)>"

    # ----------------------------------------------------------- formats
    def format(self, fmt: str = "table") -> str:
        """The result as text: ``table``, ``csv``, ``tsv`` or ``json`` (SPARQL 1.1 results JSON).

        ASK gives ``true``/``false``; CONSTRUCT and DESCRIBE give Turtle.  This is
        exactly what ``libkg query --format FMT`` prints.
        """
        if self.type == "ASK":
            return "true" if self.answer else "false"
        if self.type in ("CONSTRUCT", "DESCRIBE"):
            return self.graph.serialize(format="turtle") if self.graph is not None else ""
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
        return FORMATS[fmt](self.table)

    def to_table(self, max_width: int = 60) -> str:
        """An aligned text table for people (long cells cut with '…')."""
        from libkg.query.results import to_table

        return to_table(self.table, max_width=max_width) if self.type == "SELECT" else self.format()

    def to_csv(self, path: str | os.PathLike[str] | None = None, *, delimiter: str = ",") -> str:
        """CSV text (a header, then plain values); written to ``path`` too when given."""
        from libkg.query.results import to_csv

        text = to_csv(self.table, delimiter=delimiter)
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    def to_json(self) -> str:
        """SPARQL 1.1 Query Results JSON."""
        return self.format("json")

    def to_dataframe(self, parse_dates: Iterable[str] = ()) -> pd.DataFrame:
        """The rows as a pandas DataFrame with typed columns.

        A column whose values are all dates (``xsd:date``, ``xsd:dateTime``, and
        the partial dates ``xsd:gYear`` / ``xsd:gYearMonth``, read as their first
        day) becomes ``datetime64``; all integers an integer column (nullable
        ``Int64`` when some are unbound); all numbers ``float64``; all booleans
        ``boolean``; IRIs and text stay strings.  ``parse_dates`` names more
        columns to read as dates (queries that ``STR()`` their dates).

        Needs pandas: ``pip install 'libkg[pandas]'``.

        Examples
        --------
        >>> from rdflib import Literal
        >>> from rdflib.namespace import XSD
        >>> t = ResultTable(["day", "n"], [[Literal("2023-07-06", datatype=XSD.date), Literal(2)],
        ...                                 [Literal("2024", datatype=XSD.gYear), None]])
        >>> df = QueryResult.from_table(t).to_dataframe()
        >>> [str(df[c].dtype) for c in df.columns]
        ['datetime64[us]', 'Int64']
        """
        try:
            import pandas as pd
        except ImportError:
            raise ImportError("QueryResult.to_dataframe needs pandas, an optional extra: "
                              "pip install 'libkg[pandas]' (or pip install pandas)") from None
        if self.type != "SELECT":
            raise ValueError(f"a {self.type} result has no rows; use .answer or .graph")
        wanted_dates = set(parse_dates)
        unknown = wanted_dates - set(self.table.vars)
        if unknown:
            raise KeyError(f"parse_dates names no column of this result: {', '.join(sorted(unknown))}")
        data: dict[str, Any] = {}
        for i, var in enumerate(self.table.vars):
            terms = [r[i] for r in self.table.rows]
            data[var] = _typed_column(pd, terms, force_date=var in wanted_dates)
        return pd.DataFrame(data, columns=self.table.vars)

    def _repr_html_(self) -> str:
        """A small HTML table for notebooks (the first 50 rows)."""
        if self.type != "SELECT":
            return f"<pre>{html.escape(self.format())}</pre>"
        head = "".join(f"<th>{html.escape(v)}</th>" for v in self.table.vars)
        body = "".join("<tr>" + "".join(f"<td>{html.escape('' if v is None else str(v))}</td>" for v in r)
                       + "</tr>" for r in self.rows[:50])
        more = f"<p>… {len(self) - 50} more row(s)</p>" if len(self) > 50 else ""
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"


def _typed_column(pd: Any, terms: list[Node | None], *, force_date: bool) -> Any:
    present = [t for t in terms if t is not None]
    types = {str(t.datatype) if isinstance(t, Literal) and t.datatype is not None and not t.language else
             ("iri" if isinstance(t, URIRef | BNode) else "string") for t in present}
    values = [to_python(t) for t in terms]

    if not present:
        return pd.Series(values, dtype=object)
    if force_date or types <= _DATE_TYPES:
        text = pd.Series([None if t is None else str(t) for t in terms], dtype=object)
        try:
            return pd.to_datetime(text, format="ISO8601", errors="coerce" if force_date else "raise")
        except (ValueError, TypeError):  # e.g. mixed time zones: leave the values as they are
            return pd.Series(values, dtype=object)
    numeric_ok = all(isinstance(v, int | float) and not isinstance(v, bool) for v in values if v is not None)
    if types <= _INTEGER_TYPES and numeric_ok:
        return pd.array(values, dtype="Int64") if len(present) < len(terms) else pd.array(values, dtype="int64")
    if types <= _INTEGER_TYPES | _FLOAT_TYPES and numeric_ok:
        return pd.array([float("nan") if v is None else float(v) for v in values], dtype="float64")
    if types == {_XSD + "boolean"}:
        return pd.array(values, dtype="boolean")
    return values


# --------------------------------------------------------------------------- the graph
class KnowledgeGraph:
    """A knowledge graph in a store, with the pipeline and the analyses around it.

    Get one from :func:`libkg.open`; close it (or use ``with``) so an
    embedded store releases its directory lock.  ``kg.store`` is the
    underlying :class:`~libkg.store.EmbeddedStore` or
    :class:`~libkg.store.RemoteStore` for anything this class does not cover.

    Parameters
    ----------
    store
        An open store (from :func:`libkg.store.open_store`).
    base
        The base IRI under which entities are minted (default
        ``$LIBKG_BASE``, else ``https://w3id.org/libkg/``).
    owns_store
        Whether :meth:`close` closes ``store`` too (true for :func:`open`).
    """

    def __init__(self, store: Store, *, base: str | None = None,
                 owns_store: bool = True) -> None:
        self.store = store
        self.base = base if base is not None else os.environ.get("LIBKG_BASE") or None
        self._owns = owns_store
        self._closed = False

    # ----------------------------------------------------------- lifecycle
    def close(self) -> None:
        """Close the store (flushes and releases an embedded store's lock).  Safe to call twice."""
        if not self._closed and self._owns:
            self.store.close()
        self._closed = True

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        where = self.store.location or MEMORY
        return f"<KnowledgeGraph {where}{' (closed)' if self._closed else ''}>"

    # ----------------------------------------------------------- pipeline
    def ingest(self, paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], jobs: int = 1,
               progress: bool | Callable[[int], object] = False, *, max_bytes: int = DEFAULT_MAX_BYTES,
               batch_size: int = 256, bulk: bool = False) -> IngestReport:
        """Read articles, extract their facts and store them, one named graph per article.

        Parameters
        ----------
        paths
            A file (``.txt``, ``.html``, ``.json``, ``.jsonl``) or folder (searched
            recursively), or several.
        jobs
            Extraction processes; 0 means one per CPU.
        progress
            ``True`` for a progress bar on stderr, or a callable ``progress(n)``.
        max_bytes
            Files (``.jsonl``: lines) bigger than this are refused unread.
        batch_size
            Articles per store write (one transaction each).
        bulk
            Load new articles with Oxigraph's bulk loader (embedded store; see
            ``libkg ingest --bulk``): faster for a first load of a big corpus.

        Returns
        -------
        IngestReport
            ``articles``, ``triples_written``, ``errors`` (each file that was
            skipped, with the reason), ``article_ids``; ``summary()`` is the
            line ``libkg ingest`` prints.  Errors are reported, not raised.

        Examples
        --------
        >>> from libkg.resources import samples_dir
        >>> with open(MEMORY) as kg:
        ...     report = kg.ingest([samples_dir() / "articles" / "d01.json"])
        >>> report.summary()
        'ingested 1 article(s), ... triples written, 0 error(s)'
        """
        from libkg.ingest import ingest_paths

        files = [os.fspath(p) for p in ([paths] if isinstance(paths, str | os.PathLike) else paths)]
        jobs = jobs or os.cpu_count() or 1
        bar = None
        callback: Callable[[int], object] | None
        if progress is True:
            import sys

            from tqdm import tqdm

            bar = tqdm(desc="ingest", unit=" article", file=sys.stderr, mininterval=0.5)
            callback = bar.update
        else:
            callback = progress or None
        try:
            return ingest_paths(self.store, files, base=self.base, progress=callback, max_bytes=max_bytes,
                                jobs=jobs, batch_size=batch_size, bulk=bulk)
        finally:
            if bar is not None:
                bar.close()

    def extract(self, source: Article | str | os.PathLike[str]) -> Facts:
        """The facts of one article, without storing them.

        ``source`` is an :class:`~libkg.read.Article`, a path to an article file
        (which must hold exactly one article), or the article's text itself.

        Examples
        --------
        >>> with open(MEMORY) as kg:
        ...     facts = kg.extract("Bà Kiều Thúy Nga, Vụ trưởng Vụ Thư viện, dự Hội nghị tại Hà Nội ngày 5/3/2024.")
        >>> [p.name for p in facts.persons]
        ['Kiều Thúy Nga']
        >>> sorted(facts.to_gold())
        ['events', 'organizations', 'persons', 'places', 'positions']
        """
        from libkg.extract import extract

        return extract(_article(source))

    # ----------------------------------------------------------- questions
    def query(self, sparql_or_name: str | os.PathLike[str] | BundledQuery, /, **params: Any) -> QueryResult:
        """Run a bundled query (by name), a ``.rq`` file, or SPARQL text.

        Keyword arguments bind the query's variables as RDF terms (see
        :func:`prepare_query`); ``kg.queries()`` lists the bundled queries and
        their parameters.  The prefixes ``lkg:``, ``schema:``, ``org:``,
        ``skos:``, ``prov:``, ``foaf:``, ``rdfs:``, ``xsd:`` ... are predeclared.

        Examples
        --------
        >>> from libkg.resources import samples_dir
        >>> with open(MEMORY) as kg:
        ...     _ = kg.ingest(samples_dir() / "articles" / "d01.json")
        ...     conf = kg.query("events", kind="Conference")
        ...     n = kg.query("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a lkg:Person }")
        >>> [(r.start, r.end) for r in conf]
        [(datetime.date(2023, 7, 6), datetime.date(2023, 7, 8))]
        >>> n.rows[0].n
        6
        """
        q, bindings = prepare_query(sparql_or_name, params)
        return self.execute(q, bindings)

    def execute(self, query: BundledQuery, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        """Run a prepared query (see :func:`prepare_query`) on the store.

        Names bound to its name parameters are matched as everywhere in libkg
        (:func:`libkg.normalize.match_names`): a name typed without diacritics, or
        without "tỉnh", finds the entity (:mod:`libkg.query.names`); one that fits
        several different names raises :class:`libkg.query.names.AmbiguousName`.
        """
        from libkg.query.names import resolve_bindings

        if bindings:
            bindings = resolve_bindings(self.store, query, dict(bindings))
        res = self.store.query(query.text_for(self.store.sparql_dialect), bindings=dict(bindings) if bindings else None)
        return QueryResult.from_rdflib(res, name=query.name)

    @staticmethod
    def queries() -> list[BundledQuery]:
        """The bundled queries (``name``, ``title``, ``question``, ``params``), sorted by name."""
        from libkg.query.library import list_queries

        return list_queries()

    def network(self, kind: str = "institutions", **filters: Any) -> nx.Graph:
        """A network projected from the graph (a networkx graph whose nodes are IRIs).

        Parameters
        ----------
        kind
            ``institutions`` (organisations sharing events), ``persons``
            (persons sharing events), ``affiliations`` (persons and the
            organisations they hold posts in), ``hierarchy``
            (``org:subOrganizationOf``, directed) or ``events-places``.
        **filters
            ``date_from`` / ``date_to`` (``YYYY[-MM[-DD]]``; an impossible date
            raises ``ValueError``), ``kinds`` (event kinds, e.g.
            ``["Conference"]``), ``province`` (any spelling: "Lao Cai"),
            ``min_weight``, and for institutions ``through_staff`` (an
            organisation also takes part through its staff), as the projection
            accepts them (``libkg network --help``).

        Examples
        --------
        >>> from libkg.resources import samples_dir
        >>> with open(MEMORY) as kg:
        ...     _ = kg.ingest(samples_dir() / "articles" / "d01.json")
        ...     g = kg.network("persons", kinds=["Conference"])
        >>> sorted(d["label"] for _, d in g.nodes(data=True))[:2]
        ['Kiều Thúy Nga', 'Lê Ngọc Linh']
        """
        import inspect

        from libkg.network import PROJECTIONS

        name = kind.replace("_", "-")
        if name not in PROJECTIONS:
            raise ValueError(f"unknown network {kind!r}; use one of {', '.join(PROJECTIONS)}")
        fn = PROJECTIONS[name]
        accepted = [p for p in inspect.signature(fn).parameters if p != "store"]
        bad = sorted(set(filters) - set(accepted))
        if bad:
            raise ValueError(f"the {name} network has no {', '.join(bad)} filter "
                             f"(it takes: {', '.join(accepted)})")
        if isinstance(filters.get("kinds"), str):
            filters["kinds"] = [filters["kinds"]]
        for key in ("date_from", "date_to"):
            if isinstance(filters.get(key), _dt.date):
                filters[key] = filters[key].isoformat()
        return fn(self.store, **filters)

    def link(self, offline: bool = True, authority_endpoint: str | None = None, *, endpoint: str | None = None,
             **options: Any) -> Any:
        """Link organisations, places and persons to authority records (Wikidata), as ``libkg link`` does.

        Delegates to :mod:`libkg.link`.  ``offline=True`` uses the identifiers
        shipped with libkg (provinces and national institutions), with no
        network; ``offline=False`` asks ``authority_endpoint`` (default Wikidata's
        query service) politely, caching every answer on disk.  Links are written to
        the store in their own named graph, with provenance.

        Parameters
        ----------
        offline
            Link from the shipped tables only.
        authority_endpoint
            A Wikidata-shaped SPARQL endpoint for online linking (``libkg link
            --authority-endpoint``).  ``endpoint=`` is its old name, kept with a
            ``FutureWarning``: an endpoint is the store everywhere else.
        **options
            Passed on: ``write`` (default True); online also ``threshold``,
            ``kinds``, ``cache_dir``, ``min_interval``, ``progress``.

        Returns
        -------
        libkg.link.LinkReport
            ``linked``, ``review`` (doubtful cases), ``unmatched``, ``decisions``.

        Raises
        ------
        RuntimeError
            When this installation of libkg has no :mod:`libkg.link` module.
        """
        import importlib
        import importlib.util
        import warnings

        if endpoint is not None:
            warnings.warn("kg.link(endpoint=...) is now kg.link(authority_endpoint=...)", FutureWarning,
                          stacklevel=2)
            authority_endpoint = authority_endpoint or endpoint
        endpoint = authority_endpoint
        if importlib.util.find_spec("libkg.link") is None:
            raise RuntimeError("authority linking is not available: this installation of libkg has no "
                               "libkg.link module (it arrives with `libkg link`; upgrade libkg)")
        mod = importlib.import_module("libkg.link")
        if offline and endpoint is None and hasattr(mod, "link_offline"):
            return _call(mod.link_offline, self.store, base=self.base, **options)
        if not offline and hasattr(mod, "link_online"):
            cache_dir = options.pop("cache_dir", None)
            client_opts = {k: options.pop(k) for k in ("min_interval", "timeout", "retries") if k in options}
            cache = mod.QueryCache(cache_dir or mod.default_cache_dir())
            client = mod.AuthorityClient(endpoint or "https://query.wikidata.org/sparql", cache, **client_opts)
            return _call(mod.link_online, self.store, client, base=self.base, **options)
        if offline and endpoint is not None:
            raise ValueError("an endpoint is for online linking: pass offline=False with it")
        raise RuntimeError(f"{mod.__name__} has no {'link_offline' if offline else 'link_online'}(); "
                           f"use the `libkg link` command")

    # ----------------------------------------------------------- the store as a whole
    def export(self, destination: str | os.PathLike[str] | IO[Any], format: str | None = None,
               profile: str | None = None, *, with_text: bool = False, license: str | None = None) -> None:
        """Write the whole graph in a standard RDF format, with its VoID / DCAT description.

        ``format`` is ``trig``, ``nq``, ``jsonld`` (named graphs kept: one per
        article), ``ttl`` or ``nt`` (all graphs merged); by default it follows
        the file's suffix, else TriG.  ``destination`` is a path (written whole
        or not at all) or an open stream, binary or text.  What ``libkg export``
        writes, with the same options:

        * the graph's VoID / DCAT description (licence, what it covers, version,
          counts, example resources, SPARQL endpoint) in ``{base}graph/void``;
        * ``profile="schema"``: the schema.org view (the statements the ontology
          entails) in ``{base}graph/profile/schema``;
        * ``with_text=True``: the articles' full texts too (left out by default:
          they are their publishers'; the digests, quotes and offsets stay);
        * ``license``: the graph's licence, an SPDX id (``"CC0-1.0"``) or an IRI
          (default ``$LIBKG_LICENSE``, else CC BY 4.0); ``ValueError`` otherwise.

        Examples
        --------
        >>> import io
        >>> from rdflib import Graph, URIRef
        >>> with open(MEMORY) as kg:
        ...     buf = io.BytesIO()
        ...     kg.export(buf, format="ttl", license="CC0-1.0")
        >>> g = Graph().parse(data=buf.getvalue(), format="turtle")
        >>> str(g.value(URIRef("https://w3id.org/libkg/dataset"), URIRef("http://purl.org/dc/terms/license")))
        'http://creativecommons.org/publicdomain/zero/1.0/'
        """
        from libkg.query.dataset import export_with_description
        from libkg.rdf.void import license_iri

        license = license or os.environ.get("LIBKG_LICENSE") or None
        license_iri(license)  # a bad licence fails before anything is written

        def write(fmt: str, out: IO[bytes]) -> None:
            export_with_description(self.store, fmt, out, self.base, profile=profile, with_text=with_text,
                                    license=license)

        if isinstance(destination, str | os.PathLike):
            path = Path(destination)
            fmt = (format or _EXPORT_SUFFIXES.get(path.suffix.lower(), "trig")).lower()
            tmp = path.with_name(path.name + ".part")
            try:
                with builtins.open(tmp, "wb") as fh:
                    write(fmt, fh)
                tmp.replace(path)
            finally:
                tmp.unlink(missing_ok=True)
            return
        fmt = (format or "trig").lower()
        if isinstance(destination, io.TextIOBase) or "b" not in getattr(destination, "mode", "b"):
            buf = io.BytesIO()
            write(fmt, buf)
            destination.write(buf.getvalue().decode("utf-8"))
        else:
            write(fmt, destination)

    def stats(self) -> dict[str, int]:
        """Triples, named graphs, articles, persons, organisations, positions, events and places.

        Examples
        --------
        >>> with open(MEMORY) as kg:
        ...     kg.stats()["articles"]
        0
        """
        from libkg.query.stats import store_stats

        return store_stats(self.store)


def _call(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``fn(*args, **kwargs)``, dropping ``base`` when ``fn`` does not take it."""
    import inspect

    params = inspect.signature(fn).parameters
    if "base" not in params and not any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values()):
        kwargs.pop("base", None)
    return fn(*args, **kwargs)


def _article(source: Article | str | os.PathLike[str]) -> Article:
    from libkg.read import ReadError, article_from_text, read_paths

    if isinstance(source, Article):
        return source
    is_path = isinstance(source, os.PathLike)
    if isinstance(source, str):
        one_line = "\n" not in source and len(source) < 1024
        is_path = one_line and (Path(source).suffix.lower() in SUFFIXES or Path(source).exists())
    if not is_path:
        digest = hashlib.blake2b(str(source).encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()
        return article_from_text(str(source), id=f"text-{digest}")
    items = list(read_paths([os.fspath(source)]))
    for item in items:
        if isinstance(item, ReadError):
            raise item
    if len(items) != 1:
        raise ValueError(f"{os.fspath(source)} holds {len(items)} articles; give one, "
                         f"or use libkg.read.read_paths and kg.extract on each")
    return items[0]  # type: ignore[return-value]


def open(store: str | os.PathLike[str] | None = None, *, endpoint: str | None = None,
         update_endpoint: str | None = None, user: str | None = None, password: str | None = None,
         base: str | None = None, create: bool = True) -> KnowledgeGraph:
    """Open a knowledge graph: an embedded store folder, memory, or a SPARQL endpoint.

    Parameters
    ----------
    store
        The embedded store's folder (created if needed, unless ``create=False``);
        ``":memory:"`` for a throw-away store in memory; ``None`` for
        ``$LIBKG_STORE``, else ``./.libkg/store`` (what the commands use).
    create
        ``False`` to only read a store that exists: a mistyped folder raises
        ``FileNotFoundError`` instead of giving an empty store (as the commands
        that only read do).
    endpoint, update_endpoint
        A SPARQL 1.1 server's query and update URLs, instead of ``store``.
    user, password
        HTTP basic authentication for the endpoint.
    base
        The base IRI for entities minted on ingest (default ``$LIBKG_BASE``,
        else ``https://w3id.org/libkg/``).

    Returns
    -------
    KnowledgeGraph
        Close it, or use it in a ``with`` block.

    Raises
    ------
    libkg.store.StoreLockedError
        Another process (or another open graph) holds the embedded store.
    FileNotFoundError
        ``create=False`` and there is no store in the folder.

    Examples
    --------
    >>> import libkg, tempfile, os
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     with libkg.open(os.path.join(tmp, "store")) as kg:
    ...         kg.stats()["triples"]
    0
    """
    from libkg.store import EmbeddedStore, default_store_path, open_store, store_exists

    if endpoint and store is not None:
        raise ValueError("give either store (a folder or ':memory:') or endpoint, not both")
    if store is not None and os.fspath(store) == MEMORY:
        return KnowledgeGraph(EmbeddedStore(None), base=base)
    if not endpoint and not create:
        path = Path(store) if store is not None else default_store_path()
        if not store_exists(path):
            raise FileNotFoundError(f"no store at {path}: ingest articles there first "
                                    f"(libkg ingest ARTICLES... --store {path}, or kg.ingest)")
    st = open_store(store, endpoint=endpoint, update_endpoint=update_endpoint, user=user, password=password)
    return KnowledgeGraph(st, base=base)
