"""pyoxigraph SELECT solutions as an rdflib ``Result``, at the cost of the terms, not of rdflib's machinery.

A listing query returns thousands of rows; converting them is per-row Python
work that can cost more than Oxigraph's evaluation of the query.  So each
distinct term is converted once (:func:`libkg.store.terms.term_converter`),
columns are read by position, and iterating the result builds its rows
without recomputing the column index for every row (what
``rdflib.query.ResultRow`` does).  The result is an ordinary
``rdflib.query.Result`` otherwise: ``vars``, ``bindings`` (a list of dicts
of the bound variables), rows with ``row.var`` / ``row["var"]`` / ``row[i]``.

Sorting.  Oxigraph's ``ORDER BY`` reads a long string (a label) from disk
again at every comparison, ~n log n reads: sorting 5,000 rows by a label can
cost more than finding them.  The rows are converted to rdflib terms anyway,
so when the query ends with ``ORDER BY`` over projected variables only
(:func:`split_order`), the store runs it without the clause and
:func:`select_result` sorts the converted rows, in SPARQL's order: unbound,
then IRIs (by their text), then literals; literals of one kind per column
(strings by code point, strings of one language tag, numbers by value,
``xsd:date``, ``xsd:gYearMonth`` and ``xsd:gYear`` values on one time line).  Any other column (blank nodes, several languages or
kinds of literal, other datatypes) raises :class:`Unordered` and the store runs the query as written.
Rows with equal keys keep the engine's order (SPARQL leaves it open).

Example
-------
>>> import pyoxigraph as ox
>>> st = ox.Store()
>>> st.add(ox.Quad(ox.NamedNode("urn:x"), ox.NamedNode("urn:p"), ox.Literal("1"), ox.DefaultGraph()))
>>> res = select_result(st.query("SELECT ?s ?none ?o WHERE { ?s ?p ?o }"))
>>> [(r.s, r.none, r["o"], r[2]) for r in res]
[(rdflib.term.URIRef('urn:x'), None, rdflib.term.Literal('1'), rdflib.term.Literal('1'))]
>>> res.bindings
[{rdflib.term.Variable('s'): rdflib.term.URIRef('urn:x'), rdflib.term.Variable('o'): rdflib.term.Literal('1')}]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import cast

import pyoxigraph as ox
from rdflib import Literal, URIRef, Variable
from rdflib.namespace import XSD
from rdflib.query import Result, ResultRow
from rdflib.term import Identifier

from libkg.store.terms import term_converter

__all__ = ["SelectResult", "Unordered", "select_result", "split_order"]


class SelectResult(Result):
    """A SELECT ``Result`` whose rows share one column index (see the module docstring)."""

    def __iter__(self) -> Iterator[ResultRow]:
        if self.type != "SELECT":
            yield from cast(Iterator[ResultRow], super().__iter__())
            return
        columns = list(self.vars or [])
        labels = {str(v): i for i, v in enumerate(columns)}
        new = tuple.__new__
        for b in self.bindings:
            if b:  # as rdflib: a solution binding nothing is no row
                row = new(ResultRow, [b.get(v) for v in columns])
                row.labels = labels
                yield row


class Unordered(ValueError):
    """The rows cannot be sorted here exactly as the SPARQL engine would sort them."""


_KEY = r"(?:(?:ASC|DESC)\s*\(\s*[?$]\w+\s*\)|[?$]\w+)"
# after the query's last "}": GROUP BY / HAVING (no braces, strings or comments in them), then
# ORDER BY over variables, and nothing else (no LIMIT / OFFSET: they would need the order)
_TAIL = re.compile(r"(?P<keep>(?:\s|#[^\n]*\n)*(?:GROUP\s+BY\s[^{}#\"']*?)?(?:HAVING\s*\([^{}#\"']*\)\s*)?)"
                   rf"ORDER\s+BY\s+(?P<keys>{_KEY}(?:\s*{_KEY})*)\s*", re.IGNORECASE)


def split_order(sparql: str) -> tuple[str, list[tuple[str, bool]]] | None:
    """The query without its closing ``ORDER BY`` clause and that clause's (variable, descending)
    keys, when it is the query's last clause and orders by variables only; else None.

    >>> split_order("SELECT ?a ?n WHERE { ?a ?p ?n } GROUP BY ?a ORDER BY DESC(?n) ?a")
    ('SELECT ?a ?n WHERE { ?a ?p ?n } GROUP BY ?a ', [('n', True), ('a', False)])
    >>> split_order("SELECT * WHERE { ?a ?p ?n } ORDER BY ?a LIMIT 3") is None
    True
    """
    end = sparql.rfind("}")
    m = _TAIL.fullmatch(sparql, end + 1) if end >= 0 else None
    if m is None:
        return None
    keys = [(name, (direction or "").upper() == "DESC")
            for direction, name in re.findall(r"(?:(ASC|DESC)\s*\(\s*)?[?$](\w+)", m.group("keys"), re.IGNORECASE)]
    return sparql[: end + 1] + m.group("keep"), keys


_NUMBERS = frozenset(XSD[t] for t in (
    "integer", "decimal", "double", "float", "int", "long", "short", "byte", "nonNegativeInteger",
    "positiveInteger", "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt",
    "unsignedShort", "unsignedByte"))
# dates, months and years without a time zone, on one time line: a year sorts before its first month,
# a month before its first day (Oxigraph's order, checked by tests/test_store_solutions.py)
_TIME = {XSD.date: re.compile(r"(-?\d{4,})-(\d\d)-(\d\d)"), XSD.gYearMonth: re.compile(r"(-?\d{4,})-(\d\d)()"),
         XSD.gYear: re.compile(r"(-?\d{4,})()()")}
_STRING, _NUMBER, _DAY = 0, 1, 2  # kinds of literal (and language tags); SPARQL leaves the order across kinds open


def _sort_key(t):
    """(rank, kind, value) with SPARQL's order within one kind; :class:`Unordered` otherwise."""
    if t is None:
        return (0, 0, "")
    cls = type(t)
    if cls is URIRef:
        return (1, 0, str(t))
    if cls is Literal:
        lang = t.language
        if lang is not None:  # one kind per language: strings in two languages are not ordered here
            return (2, lang, str(t))
        dt = t.datatype
        if dt is None:
            return (2, _STRING, str(t))
        if dt in _NUMBERS:
            v = t.value
            if v is not None and v == v:  # a number, not NaN
                return (2, _NUMBER, v)
        elif dt in _TIME:
            m = _TIME[dt].fullmatch(t)
            if m:
                return (2, _DAY, tuple(int(x or 0) for x in m.groups()))
    raise Unordered(f"cannot order {t!r} as the engine does")


def _sort(rows: list[Mapping[Variable, Identifier]], order: list[tuple[Variable, bool]]) -> None:
    for var, descending in reversed(order):  # stable sorts, last key first
        known: dict[int, tuple] = {}  # by id: a converted term recurs as the same object (term_converter)
        keys = []
        for r in rows:
            t = r.get(var)
            k = known.get(id(t))
            if k is None:
                k = known[id(t)] = _sort_key(t)
            keys.append(k)
        if len({k[1] for k in keys if k[0] == 2}) > 1:
            raise Unordered(f"?{var} holds literals of several kinds")
        ranked = sorted(range(len(rows)), key=keys.__getitem__, reverse=descending)  # stable either way
        rows[:] = [rows[i] for i in ranked]


def select_result(solutions: ox.QuerySolutions, order: list[tuple[str, bool]] | None = None) -> SelectResult:
    """The solutions of a pyoxigraph SELECT query as a :class:`SelectResult` (read to the end),
    sorted by ``order`` ((variable, descending) pairs, see the module docstring: raises
    :class:`Unordered` before reading any solution if a key is not a projected variable,
    after reading them if a key's values cannot be ordered here)."""
    out = SelectResult("SELECT")
    columns = [Variable(v.value) for v in solutions.variables]
    out.vars = columns
    keys = [(Variable(v), d) for v, d in order or []]
    if any(v not in columns for v, _ in keys):
        raise Unordered("ORDER BY a variable the query does not return")
    convert = term_converter()
    rows: list[Mapping[Variable, Identifier]] = []
    append = rows.append
    for sol in solutions:
        row: dict[Variable, Identifier] = {}
        for v, t in zip(columns, sol, strict=True):
            if t is not None:
                row[v] = convert(t)
        append(row)
    if keys:
        _sort(rows, keys)
    out.bindings = rows
    return out
