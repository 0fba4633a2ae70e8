"""Query answers as bytes on the wire, and the choice of format from an Accept header.

Written here rather than delegated to pyoxigraph because answers are cut at
the operator's ``--max-rows`` while being read, and because the same code must
serve answers from a remote endpoint (rdflib terms).  The formats follow the
W3C recommendations: SPARQL 1.1 Query Results JSON, XML, CSV and TSV.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from libkg.query.results import json_term as _json_term
from libkg.rdf.namespaces import bind_prefixes

__all__ = ["GRAPH_TYPES", "RESULT_TYPES", "Outcome", "negotiate", "serialize_graph", "serialize_results"]

# media type -> short name; the first entry is the default
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/json": "json-ld",
    "text/plain": "nt",
}
SHORT_RESULT = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                "csv": "text/csv", "tsv": "text/tab-separated-values"}
SHORT_GRAPH = {"turtle": "text/turtle", "ttl": "text/turtle", "json-ld": "application/ld+json",
               "jsonld": "application/ld+json", "nt": "application/n-triples", "rdfxml": "application/rdf+xml"}


@dataclass
class Outcome:
    """A query's answer, cut at the row limit; picklable, so it can come back from a worker."""

    kind: str  # SELECT | ASK | CONSTRUCT
    vars: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[Node, Node, Node]] = field(default_factory=list)
    truncated: bool = False
    max_rows: int = 0  # the limit it was cut at (when truncated)

    def notice(self) -> str:
        """What a truncated answer says about itself, in its body (the header says it too)."""
        return (f"truncated: the answer was cut at {self.max_rows} rows (the server's --max-rows); "
                f"add LIMIT/OFFSET to page through it")


def _parse_accept(accept: str) -> list[tuple[str, float, int]]:
    out = []
    for i, part in enumerate(accept.split(",")):
        bits = [b.strip() for b in part.split(";")]
        if not bits[0]:
            continue
        q = 1.0
        for b in bits[1:]:
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        out.append((bits[0].lower(), q, i))
    return out


def negotiate(accept: str | None, offered: list[str]) -> str | None:
    """The offered media type the client prefers (q-values, then specificity, then our order);
    ``offered[0]`` when the client states nothing; None when it accepts none of them.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+json", ["application/sparql-results+xml",
    ...           "application/sparql-results+json", "text/csv"])
    'application/sparql-results+json'
    >>> negotiate("text/html,*/*;q=0.8", ["text/turtle", "text/html"])
    'text/html'
    """
    if not accept or not accept.strip():
        return offered[0]
    ranges = _parse_accept(accept)
    best: tuple[float, int, int, int] | None = None
    choice = None
    for rank, mt in enumerate(offered):
        major = mt.split("/")[0]
        for rng, q, order in ranges:
            if rng == mt:
                spec = 3
            elif rng == f"{major}/*":
                spec = 2
            elif rng == "*/*":
                spec = 1
            else:
                continue
            if q <= 0:
                continue
            key = (q, spec, -order, -rank)
            if best is None or key > best:
                best, choice = key, mt
            break
    return choice


# ------------------------------------------------------------------ SELECT / ASK
def _to_json(o: Outcome) -> str:
    if o.kind == "ASK":
        return json.dumps({"head": {}, "boolean": bool(o.boolean)})
    bindings = [{v: _json_term(t) for v, t in zip(o.vars, r, strict=False) if t is not None} for r in o.rows]
    doc: dict = {"head": {"vars": o.vars}, "results": {"bindings": bindings}}
    if o.truncated:  # an extra member: SPARQL JSON readers ignore what they do not know
        doc["libkg"] = {"truncated": True, "maxRows": o.max_rows, "message": o.notice()}
    return json.dumps(doc, ensure_ascii=False)


def _xml_term(t: Node) -> str:
    if isinstance(t, URIRef):
        return f"<uri>{escape(str(t))}</uri>"
    if isinstance(t, BNode):
        return f"<bnode>{escape(str(t))}</bnode>"
    attr = ""
    if isinstance(t, Literal) and t.language:
        attr = f" xml:lang={quoteattr(t.language)}"
    elif isinstance(t, Literal) and t.datatype:
        attr = f" datatype={quoteattr(str(t.datatype))}"
    return f"<literal{attr}>{escape(str(t))}</literal>"


def _to_xml(o: Outcome) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    out += [f"<variable name={quoteattr(v)}/>" for v in o.vars]
    out.append("</head>")
    if o.kind == "ASK":
        out.append(f"<boolean>{'true' if o.boolean else 'false'}</boolean>")
    else:
        out.append("<results>")
        for r in o.rows:
            out.append("<result>")
            out += [f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                    for v, t in zip(o.vars, r, strict=False) if t is not None]
            out.append("</result>")
        out.append("</results>")
    if o.truncated:
        out.append(f"<!-- {escape(o.notice().replace('--', ''))} -->")  # "--" may not appear in a comment
    out.append("</sparql>")
    return "\n".join(out) + "\n"


def _csv_cell(t: Node | None) -> str:
    if t is None:
        return ""
    if isinstance(t, BNode):
        return f"_:{t}"
    return str(t)


def _to_csv(o: Outcome) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")  # RFC 4180, as SPARQL 1.1 CSV asks
    if o.kind == "ASK":
        w.writerow(["boolean"])
        w.writerow(["true" if o.boolean else "false"])
        return buf.getvalue()
    w.writerow(o.vars)
    for r in o.rows:
        w.writerow([_csv_cell(t) for t in r])
    if o.truncated:  # a last line a reader skips with comment="#" (pandas) or by its "#"
        buf.write(f"# {o.notice()}\r\n")
    return buf.getvalue()


def _tsv_cell(t: Node | None) -> str:
    if t is None:
        return ""
    text = t.n3()
    return text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _to_tsv(o: Outcome) -> str:
    if o.kind == "ASK":
        return "?boolean\n" + ("true" if o.boolean else "false") + "\n"
    lines = ["\t".join("?" + v for v in o.vars)]
    lines += ["\t".join(_tsv_cell(t) for t in r) for r in o.rows]
    if o.truncated:
        lines.append(f"# {o.notice()}")
    return "\n".join(lines) + "\n"


_WRITERS = {"json": _to_json, "xml": _to_xml, "csv": _to_csv, "tsv": _to_tsv}


def serialize_results(o: Outcome, short: str) -> bytes:
    """A SELECT or ASK answer in ``short`` (json, xml, csv or tsv), UTF-8."""
    return _WRITERS[short](o).encode("utf-8")


def serialize_graph(triples: list[tuple[Node, Node, Node]] | Graph, rdflib_format: str) -> bytes:
    """Triples as Turtle, JSON-LD, N-Triples or RDF/XML, with the project's prefixes."""
    if isinstance(triples, Graph):
        g = triples
    else:
        g = Graph(bind_namespaces="none")  # only the project's prefixes, not rdflib's long default list
        for t in triples:
            g.add(t)
    bind_prefixes(g)
    if rdflib_format == "json-ld":
        data = g.serialize(format="json-ld", auto_compact=True)
        return json.dumps(json.loads(data), ensure_ascii=False, indent=1).encode("utf-8")
    return g.serialize(format=rdflib_format, encoding="utf-8")
