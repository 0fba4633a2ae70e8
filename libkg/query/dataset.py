"""The store's VoID / DCAT description, and exports that carry it (``libkg export``, ``libkg serve``).

Counts come from :func:`libkg.query.stats.store_stats`; example resources are the first person,
organisation, event and place of the store (by IRI, so the same store gives the same ones); the
description itself is built by :func:`libkg.rdf.void.dataset_description`.

An export leaves out the articles' texts (``{article}/text schema:text``, kept in the evidence graphs
as the text the Web Annotations' offsets index) unless asked for them: whoever publishes the graph
may not have the right to republish the articles.  The texts' digests, the quoted sentences and
their offsets stay, and the description says how to check them against the published article.
"""

from __future__ import annotations

import io
import json
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import IO, TYPE_CHECKING

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from libkg import __version__
from libkg.query.stats import store_stats
from libkg.rdf.namespaces import PREFIXES, SCHEMA, bind_prefixes, data_base
from libkg.rdf.profile import schema_rules
from libkg.rdf.void import dataset_description, void_graph_iri
from libkg.store.base import select_rows
from libkg.store.terms import from_ox

if TYPE_CHECKING:
    from libkg.store.base import Store

__all__ = ["PROFILES", "describe_store", "example_resources", "export_with_description", "is_article_text",
           "profile_graph", "profile_graph_iri"]

PROFILES = ("schema",)
"""Views ``libkg export --profile`` can add: ``schema`` (the schema.org statements the ontology entails)."""

EXAMPLES_QUERY = """
PREFIX lkg: <https://w3id.org/libkg/ontology#>
SELECT ?x WHERE {
  { SELECT ?x WHERE { ?x a lkg:Person } ORDER BY ?x LIMIT 1 }
  UNION { SELECT ?x WHERE { ?x a lkg:Organization } ORDER BY ?x LIMIT 1 }
  UNION { SELECT ?x WHERE { ?x a lkg:Event } ORDER BY ?x LIMIT 1 }
  UNION { SELECT ?x WHERE { ?x a lkg:ProvincialUnit } ORDER BY ?x LIMIT 1 }
}
"""


def example_resources(store: Store) -> list[URIRef]:
    """One person, organisation, event and provincial unit of the store (the first by IRI)."""
    return sorted({r[0] for r in select_rows(store.query(EXAMPLES_QUERY)) if isinstance(r[0], URIRef)})


def describe_store(store: Store, base: str | None = None, sparql_endpoint: str | None = None, *,
                   license: str | None = None, texts: bool | None = None) -> Graph:
    """The VoID / DCAT description of ``store`` now; the endpoint defaults to ``{base}sparql``;
    ``license`` and ``texts`` as :func:`libkg.rdf.void.dataset_description` takes them."""
    base = data_base(base)
    return dataset_description(store_stats(store), base, sparql_endpoint=sparql_endpoint or f"{base}sparql",
                               examples=example_resources(store), version=__version__,
                               modified=datetime.now(UTC).replace(microsecond=0).isoformat(),
                               license=license, texts=texts)


def _chunk(description: Graph, fmt: str, graph: URIRef) -> bytes:
    if fmt in ("ttl", "nt"):
        return b"\n" + description.serialize(format="turtle" if fmt == "ttl" else "nt", encoding="utf-8")
    ds = Dataset()
    bind_prefixes(ds)
    named = ds.graph(graph)
    for t in description:
        named.add(t)
    return b"\n" + ds.serialize(format="trig" if fmt == "trig" else "nquads", encoding="utf-8")


def _merge_jsonld(document: bytes, description: Graph, graph: URIRef) -> bytes:
    data = json.loads(document or b"[]")
    extra = json.loads(description.serialize(format="json-ld"))
    node = {"@id": str(graph), "@graph": extra if isinstance(extra, list) else extra.get("@graph", [extra])}
    if isinstance(data, dict) and "@graph" in data:
        data["@graph"].append(node)
    elif isinstance(data, dict):
        data = [data, node]
    else:
        data.append(node)
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def profile_graph_iri(profile: str, base: str | None = None) -> URIRef:
    """``{base}graph/profile/{profile}``: where an export puts a profile's statements."""
    return URIRef(f"{data_base(base)}graph/profile/{profile}")


def _values(pairs: list[tuple[URIRef, URIRef]]) -> str:
    return " ".join(f"({a.n3()} {b.n3()})" for a, b in pairs)


def profile_graph(store: Store, profile: str = "schema") -> Graph:
    """The statements of ``profile`` that the store's graph entails and does not state.

    ``schema``: for each stored property and class, the schema.org terms the ontology makes it
    a sub-property, equivalent, inverse or subclass of (:func:`libkg.rdf.profile.schema_rules`):
    ``lkg:within`` gives ``schema:containedInPlace``, ``org:subOrganizationOf``
    ``schema:parentOrganization``, ``schema:subEvent`` ``schema:superEvent`` backwards,
    ``lkg:Library`` ``schema:Library`` and ``schema:Organization``.
    """
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}; use one of {', '.join(PROFILES)}")
    rules = schema_rules()
    props = [(p, q) for p, qs in rules.properties.items() for q in qs]
    inverses = [(p, q) for p, qs in rules.inverses.items() for q in qs]
    classes = [(c, k) for c, ks in rules.classes.items() for k in ks]
    queries = [
        f"CONSTRUCT {{ ?s ?q ?o }} WHERE {{ VALUES (?p ?q) {{ {_values(props)} }} ?s ?p ?o }}",
        f"CONSTRUCT {{ ?o ?q ?s }} WHERE {{ VALUES (?p ?q) {{ {_values(inverses)} }} ?s ?p ?o }}",
        f"CONSTRUCT {{ ?x a ?k }} WHERE {{ VALUES (?c ?k) {{ {_values(classes)} }} ?x a ?c }}",
    ]
    g = Graph()
    bind_prefixes(g)
    for q in queries:
        for t in store.query(q).graph or ():
            g.add(t)
    return g


_TEXT = ox.NamedNode(str(SCHEMA.text))
_OX_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "trig": ox.RdfFormat.TRIG,
               "nq": ox.RdfFormat.N_QUADS}


def is_article_text(subject: object, predicate: object) -> bool:
    """Whether a statement is an article's text as read (``<{article}/text> schema:text "..."``)."""
    return str(predicate) == str(SCHEMA.text) and str(subject).endswith("/text")


def _without_texts(store: Store, fmt: str, out: IO[bytes]) -> None:
    """``store.export(fmt, out)`` without the articles' texts: the store's own export, as N-Triples
    (ttl / nt: the same triples) or N-Quads, read back in a stream, written again without them."""
    line_fmt = "nt" if fmt in ("ttl", "nt") else "nq"
    with tempfile.TemporaryFile() as tmp:
        store.export(line_fmt, tmp)
        tmp.seek(0)
        kept: Iterator[ox.Quad] = (q for q in ox.parse(tmp, _OX_FORMATS[line_fmt])
                                   if not (q.predicate == _TEXT and is_article_text(q.subject.value, SCHEMA.text)))
        if fmt == "jsonld":
            ds = Dataset()
            bind_prefixes(ds)
            for q in kept:
                gn = q.graph_name
                g = ds.graph(URIRef(gn.value)) if isinstance(gn, ox.NamedNode) else ds.default_graph
                g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
            out.write(ds.serialize(format="json-ld", auto_compact=True).encode("utf-8"))
            return
        if fmt in ("ttl", "trig"):
            ox.serialize(kept, out, _OX_FORMATS[fmt], prefixes=PREFIXES)
        else:
            ox.serialize(kept, out, _OX_FORMATS[fmt])


def export_with_description(store: Store, fmt: str, out: IO[bytes], base: str | None = None,
                            profile: str | None = None, *, with_text: bool = False,
                            license: str | None = None) -> None:
    """``store.export(fmt, out)`` followed by the store's description in the named graph
    ``{base}graph/void`` (merged into the default graph for ``ttl`` / ``nt``), and with
    ``profile`` (one of :data:`PROFILES`) that view's statements in ``{base}graph/profile/{profile}``.

    The articles' texts are left out unless ``with_text`` (see the module's text); ``license`` is
    the graph's licence (:func:`libkg.rdf.void.license_iri`; ``ValueError`` before anything is
    written if it is neither a known name nor an http(s) IRI).
    """
    fmt = {"turtle": "ttl", "ntriples": "nt", "nquads": "nq", "json-ld": "jsonld"}.get(fmt.lower(), fmt.lower())
    if fmt not in (*_OX_FORMATS, "jsonld"):
        raise ValueError(f"unknown export format {fmt!r}; use one of ttl, trig, nq, nt, jsonld")
    description = describe_store(store, base, license=license, texts=with_text)
    graph = void_graph_iri(base)
    extra = [(profile_graph(store, profile), profile_graph_iri(profile, base))] if profile else []

    def body(stream: IO[bytes]) -> None:
        if with_text:
            store.export(fmt, stream)
        else:
            _without_texts(store, fmt, stream)

    if fmt == "jsonld":
        buf = io.BytesIO()
        body(buf)
        document = _merge_jsonld(buf.getvalue(), description, graph)
        for g, iri in extra:
            document = _merge_jsonld(document, g, iri)
        out.write(document)
        return
    body(out)
    out.write(_chunk(description, fmt, graph))
    for g, iri in extra:
        out.write(_chunk(g, fmt, iri))
