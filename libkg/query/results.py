"""SELECT results as a small table, printable for people and programs.

One type for results from the embedded store and from remote endpoints, so
every output format is written once.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node


@dataclass
class ResultTable:
    vars: list[str]
    rows: list[list[Node | None]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)

    def column(self, var: str) -> list[Node | None]:
        i = self.vars.index(var)
        return [r[i] for r in self.rows]

    def records(self) -> list[dict[str, str | None]]:
        """Rows as dicts of plain strings (IRIs and literal values)."""
        return [{v: (str(t) if t is not None else None) for v, t in zip(self.vars, r, strict=False)} for r in self.rows]


def _plain(t: Node | None) -> str:
    return "" if t is None else str(t)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1
               for c in s)


def to_table(res: ResultTable, max_width: int = 60) -> str:
    """An aligned text table for people (long cells cut with '…')."""
    cells = [[_plain(t) for t in r] for r in res.rows]
    cells = [[c if _width(c) <= max_width else c[: max_width - 1] + "…" for c in r] for r in cells]
    widths = [max([_width(v)] + [_width(r[i]) for r in cells]) for i, v in enumerate(res.vars)]

    def line(values: list[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=False)).rstrip()

    out = [line(res.vars), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    out.append(f"({len(res.rows)} row{'s' if len(res.rows) != 1 else ''})")
    return "\n".join(out)


def to_csv(res: ResultTable, delimiter: str = ",") -> str:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    w.writerow(res.vars)
    for r in res.rows:
        w.writerow([_plain(t) for t in r])
    return buf.getvalue()


def json_term(t: Node) -> dict[str, str]:
    """One RDF term in the SPARQL 1.1 Query Results JSON shape."""
    if isinstance(t, URIRef):
        return {"type": "uri", "value": str(t)}
    if isinstance(t, BNode):
        return {"type": "bnode", "value": str(t)}
    assert isinstance(t, Literal)
    d = {"type": "literal", "value": str(t)}
    if t.language:
        d["xml:lang"] = t.language
    elif t.datatype:
        d["datatype"] = str(t.datatype)
    return d


def to_json(res: ResultTable) -> str:
    """SPARQL 1.1 Query Results JSON."""
    bindings = [{v: json_term(t) for v, t in zip(res.vars, r, strict=False) if t is not None} for r in res.rows]
    return json.dumps({"head": {"vars": res.vars}, "results": {"bindings": bindings}},
                      ensure_ascii=False, indent=2)


def from_json(data: dict) -> ResultTable:
    """Parse SPARQL 1.1 Query Results JSON (as remote endpoints return it)."""
    vars_ = data["head"]["vars"]
    rows = []
    for b in data["results"]["bindings"]:
        row: list[Node | None] = []
        for v in vars_:
            t = b.get(v)
            if t is None:
                row.append(None)
            elif t["type"] == "uri":
                row.append(URIRef(t["value"]))
            elif t["type"] == "bnode":
                row.append(BNode(t["value"]))
            else:
                row.append(Literal(t["value"], lang=t.get("xml:lang"),
                                   datatype=URIRef(t["datatype"]) if t.get("datatype") else None))
        rows.append(row)
    return ResultTable(vars_, rows)


FORMATS: dict[str, Callable[[ResultTable], str]] = {
    "table": to_table, "csv": to_csv, "tsv": lambda r: to_csv(r, "\t"), "json": to_json}
