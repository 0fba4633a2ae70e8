"""Publishing routes of ``libkg serve``: the dataset description, the ontology, the vocabularies and
the named graphs, each at its own IRI's path, by content negotiation.

* ``/.well-known/void`` and ``/dataset`` -- the VoID / DCAT description of the served store
  (licence, version, counts, example resources, this server's SPARQL endpoint).
* ``/ontology`` (the IRI of the ``lkg:`` terms, ``https://w3id.org/libkg/ontology#...``), its
  version IRI ``/ontology/{version}``, ``/ontology.ttl`` ... -- the OWL file; HTML is the
  term reference (:mod:`libkg.rdf.ontodoc`).  ``/shapes`` -- the SHACL shapes.
* ``/vocab/{name}/`` (and ``/vocab/{name}/scheme``) -- a whole SKOS vocabulary;
  ``/vocab/{name}/{concept}`` -- one concept (HTML: the entity page).
* ``/graph/...`` -- a named graph of the store, e.g. an article's ``/graph/article/{id}``: all its
  triples (at most ``--max-rows``); HTML: the entity page of the graph's IRI.

RDF comes as Turtle, JSON-LD, N-Triples or RDF/XML (``Accept``, or a suffix ``.ttl``, ``.jsonld``,
``.nt``, ``.rdf``); a type none of these can give is answered 406, naming the types there are; an
unknown name is 404 in the type asked for (plain text unless the client asks for HTML).  Nothing
here reads more than the files shipped with libkg or one bounded query.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from markupsafe import escape
from rdflib import Graph, URIRef
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from libkg.resources import ontology_dir
from libkg.serve.formats import negotiate, serialize_graph
from libkg.serve.links import SAFE_IRI

if TYPE_CHECKING:
    from libkg.store.base import Store

__all__ = ["RDF_TYPES", "ROUTES", "graph_triples"]

#: media type -> rdflib format, in the order offered (Turtle when the client states nothing)
RDF_TYPES = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/n-triples": "nt",
             "application/rdf+xml": "xml"}
SUFFIXES = {"ttl": "text/turtle", "jsonld": "application/ld+json", "nt": "application/n-triples",
            "rdf": "application/rdf+xml", "owl": "application/rdf+xml", "html": "text/html"}
VOCAB_BASE = "https://w3id.org/libkg/vocab/"


# ------------------------------------------------------------------ negotiation and answers
def _choose(request: Request, html: bool, suffix: str | None = None) -> str | None:
    if suffix is not None:
        return SUFFIXES.get(suffix)
    offered = list(RDF_TYPES) + (["text/html"] if html else [])
    return negotiate(request.headers.get("accept"), offered)


def _not_acceptable(html: bool) -> Response:
    types = ", ".join(list(RDF_TYPES) + (["text/html"] if html else []))
    return PlainTextResponse(f"406 Not Acceptable: this resource is available as {types}\n", status_code=406,
                             headers={"Vary": "Accept"})


async def _not_found(request: Request, what: str) -> Response:
    if negotiate(request.headers.get("accept"), ["text/plain", "text/html"]) == "text/html":
        from libkg.serve import pages

        return await pages.not_found(request, f"Không có {what} ở địa chỉ này. No {what} here.")
    return PlainTextResponse(f"404 Not Found: no {what} at {request.url.path}\n", status_code=404,
                             headers={"Vary": "Accept"})


def _rdf(body: bytes, mt: str, headers: dict[str, str] | None = None) -> Response:
    charset = "; charset=utf-8" if mt != "application/rdf+xml" else ""
    return Response(body, media_type=mt + charset, headers={"Vary": "Accept", **(headers or {})})


def _split_suffix(name: str) -> tuple[str, str | None]:
    stem, dot, suffix = name.rpartition(".")
    return (stem, suffix) if dot and suffix in SUFFIXES else (name, None)


# ------------------------------------------------------------------ the dataset description
def describe_dataset(store: Store, base: str, endpoint: str, license: str | None = None) -> list[tuple]:
    """The store's VoID / DCAT description as triples (runs in a worker), with the operator's
    licence; the store holds the articles' texts (the endpoint answers them), and it says so."""
    from libkg.query.dataset import describe_store

    return list(describe_store(store, base, endpoint, license=license, texts=True))


async def void_description(request: Request) -> Response:
    state = request.app.state
    mt = _choose(request, html=False)
    if mt is None:
        return _not_acceptable(False)
    endpoint = f"{request.base_url}sparql"  # this server's endpoint, as the client reached it
    triples = await state.backend.call(describe_dataset, state.base, endpoint, state.config.license,
                                       timeout=state.config.query_timeout, lane="page")
    return _rdf(serialize_graph(triples, RDF_TYPES[mt]), mt)


# ------------------------------------------------------------------ ontology and shapes (files)
@cache
def _file_graph(name: str) -> Graph:
    return Graph().parse(ontology_dir() / name, format="turtle")


def _file_answer(name: str, mt: str) -> Response:
    if mt == "text/turtle":  # the file as written, comments and all
        return _rdf((ontology_dir() / name).read_bytes(), mt)
    return _rdf(serialize_graph(_file_graph(name), RDF_TYPES[mt]), mt)


async def ontology_document(request: Request) -> Response:
    """``/ontology``, ``/ontology.{suffix}``, ``/ontology/{version}``."""
    from libkg.rdf.ontodoc import header

    version = request.path_params.get("version")
    suffix = request.path_params.get("suffix")
    if version is not None:
        version, suffix = _split_suffix(version)
        if version != header()["version"]:
            return await _not_found(request, f"version {version} of the ontology")
    elif suffix is not None and suffix not in SUFFIXES:
        return await _not_found(request, "ontology document")
    mt = _choose(request, html=True, suffix=suffix)
    if mt is None:
        return _not_acceptable(True)
    if mt == "text/html":
        return HTMLResponse(ontology_html(), headers={"Vary": "Accept"})
    return _file_answer("libkg.ttl", mt)


async def shapes_document(request: Request) -> Response:
    mt = _choose(request, html=False, suffix=request.path_params.get("suffix"))
    if mt is None or mt == "text/html":
        return _not_acceptable(False)
    return _file_answer("shapes.ttl", mt)


@cache
def ontology_html() -> str:
    """The term reference as one self-contained HTML page."""
    from libkg.rdf.ontodoc import header, terms

    h = header()
    rows = []
    for t in terms():
        facts = [("sub-class/property of", t.parents), ("domain", t.domain), ("range", t.range),
                 ("inverse", t.inverse), ("characteristics", t.characteristics)]
        items = "".join(f"<li>{escape(n)}: {escape(', '.join(v))}</li>" for n, v in facts if v)
        rows.append(f'<section id="{escape(t.iri.rsplit("#", 1)[-1])}"><h3>{escape(t.curie)}</h3>'
                    f"<p><em>{escape(t.kind)}</em> · {escape(t.label_en)} · {escape(t.label_vi)}<br>"
                    f"<code>{escape(t.iri)}</code></p><p>{escape(t.comment_en)}</p><ul>{items}</ul></section>")
    return ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{escape(h['title'])}</title></head><body><h1>{escape(h['title'])}</h1>"
            f"<p>{escape(h['comment'])}</p><p>IRI <code>{escape(h['iri'])}</code> · version "
            f"{escape(h['version'])} (<code>{escape(h['version_iri'])}</code>) · licence "
            f"<a href=\"{escape(h['license'])}\">{escape(h['license'])}</a> · "
            "<a href=\"/ontology.ttl\">Turtle</a> · <a href=\"/ontology.rdf\">RDF/XML</a> · "
            "<a href=\"/ontology.jsonld\">JSON-LD</a></p>" + "".join(rows) + "</body></html>")


# ------------------------------------------------------------------ vocabularies (files)
@cache
def _vocab_file(name: str) -> str | None:
    """``role`` -> ``vocab/roles.ttl`` (the file whose scheme is ``{VOCAB_BASE}{name}/scheme``)."""
    for path in sorted((ontology_dir() / "vocab").glob("*.ttl")):
        g = _file_graph(f"vocab/{path.name}")
        if (URIRef(f"{VOCAB_BASE}{name}/scheme"), None, None) in g:
            return f"vocab/{path.name}"
    return None


async def vocab_document(request: Request) -> Response:
    """``/vocab/{name}``, ``/vocab/{name}/``, ``/vocab/{name}/scheme``: the whole vocabulary."""
    name, suffix = _split_suffix(request.path_params["name"])
    file = _vocab_file(name) if name.replace("-", "").isalnum() else None
    if file is None:
        return await _not_found(request, "vocabulary")
    mt = _choose(request, html=False, suffix=suffix)
    if mt is None or mt == "text/html":
        return _not_acceptable(False)
    return _file_answer(file, mt)


async def vocab_term(request: Request) -> Response:
    """``/vocab/{name}/{concept}``: the concept's triples; HTML is its entity page."""
    name = request.path_params["name"]
    concept, suffix = _split_suffix(request.path_params["concept"])
    if concept == "scheme":
        return await vocab_document(request)
    file = _vocab_file(name) if name.replace("-", "").isalnum() else None
    iri = URIRef(f"{VOCAB_BASE}{name}/{concept}")
    if file is None or (iri, None, None) not in _file_graph(file):
        return await _not_found(request, "concept")
    mt = _choose(request, html=True, suffix=suffix)
    if mt is None:
        return _not_acceptable(True)
    if mt == "text/html":
        from libkg.serve import pages

        return await pages.entity(request)
    g = Graph()
    for t in _file_graph(file).triples((iri, None, None)):
        g.add(t)
    return _rdf(serialize_graph(g, RDF_TYPES[mt]), mt)


# ------------------------------------------------------------------ named graphs of the store
def graph_triples(store: Store, iri: str, limit: int) -> tuple[list[tuple], bool]:
    """The triples of the named graph ``iri`` (at most ``limit``) and whether there were more."""
    text = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} LIMIT {int(limit) + 1}"
    triples = list(store.query(text, {"g": URIRef(iri)}).graph or ())
    return triples[:limit], len(triples) > limit


async def named_graph(request: Request) -> Response:
    """``/graph/{path}``: the named graph ``{base}graph/{path}`` (HTML: the graph's entity page).

    The path is read as sent (article ids are percent-encoded in graph IRIs); a suffix such as
    ``.ttl`` names a document of the graph, unless a graph's IRI really ends that way.
    """
    state = request.app.state
    raw = request.scope.get("raw_path") or request.url.path.encode()
    try:
        tail = raw.decode("ascii").split("?", 1)[0].removeprefix("/graph/")
    except UnicodeDecodeError:
        return await _not_found(request, "graph")
    stem, suffix = _split_suffix(tail)
    for path, forced in ((stem, suffix), (tail, None)) if suffix else ((tail, None),):
        mt = _choose(request, html=True, suffix=forced)
        if mt is None:
            return _not_acceptable(True)
        if mt == "text/html":
            from libkg.serve import pages

            return await pages.entity(request)
        iri = f"{state.base}graph/{path}"
        if not SAFE_IRI.match(iri):
            continue
        triples, more = await state.backend.call(graph_triples, iri, state.config.max_rows,
                                                 timeout=state.config.query_timeout, lane="page")
        if triples:
            headers = {"Content-Location": f"/graph/{path}.{_suffix_of(mt)}"}
            if more:
                headers["Libkg-Truncated"] = f"the first {state.config.max_rows} triples (--max-rows)"
            return _rdf(serialize_graph(triples, RDF_TYPES[mt]), mt, headers)
    return await _not_found(request, "graph")


def _suffix_of(mt: str) -> str:
    return next(s for s, m in SUFFIXES.items() if m == mt)


ROUTES: list[Any] = [
    Route("/.well-known/void", void_description),
    Route("/dataset", void_description),
    Route("/ontology", ontology_document),
    Route("/ontology.{suffix}", ontology_document),
    Route("/ontology/{version}", ontology_document),
    Route("/shapes", shapes_document),
    Route("/shapes.{suffix}", shapes_document),
    Route("/vocab/{name}", vocab_document),
    Route("/vocab/{name}/", vocab_document),
    Route("/vocab/{name}/{concept}", vocab_term),
    Route("/graph/{path:path}", named_graph),
]
