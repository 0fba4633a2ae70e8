"""Entity pages at the entities' own paths, the home page and the query editor.

An entity IRI ``{base}id/person/x`` is answered at ``/id/person/x`` with
Linked Data content negotiation *directly* (no 303): the same URL gives HTML
to a browser, Turtle for ``Accept: text/turtle`` and JSON-LD for
``Accept: application/ld+json`` (also N-Triples), with ``Vary: Accept``; the
documents also have their own URLs (``/id/person/x.ttl``, ``.jsonld``,
``.nt``, ``.html``), named in ``Content-Location`` and ``Link`` headers.
Pages are rendered on the server and need no JavaScript.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from rdflib import Literal, URIRef
from starlette.requests import Request
from starlette.responses import Response

from libkg.rdf.namespaces import LKG, SKOS
from libkg.resources import PACKAGE_DIR
from libkg.serve.entity_view import page_context
from libkg.serve.formats import negotiate, serialize_graph
from libkg.serve.i18n import lang_of
from libkg.serve.links import SAFE_IRI, authority_properties, kind_table, local_path, property_names, shorten
from libkg.store.base import select_rows

if TYPE_CHECKING:
    from libkg.store.base import Store

SPARQL_DIR = PACKAGE_DIR / "serve" / "sparql"

DOC_TYPES = {"text/html": "html", "text/turtle": "ttl", "application/ld+json": "jsonld",
             "application/n-triples": "nt", "application/rdf+xml": "rdf"}
SUFFIX_TYPES = {v: k for k, v in DOC_TYPES.items()}
RDFLIB_FORMAT = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/n-triples": "nt",
                 "application/rdf+xml": "xml"}

_LABEL_PROPS = {str(SKOS.prefLabel), str(SKOS.altLabel), "http://www.w3.org/2000/01/rdf-schema#label"}
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@cache
def page_query(name: str) -> str:
    """A page query from ``libkg/serve/sparql/`` (kept in files so they can be read and tried)."""
    return (SPARQL_DIR / f"{name}.rq").read_text(encoding="utf-8")


def _s(t: Any) -> str | None:
    return None if t is None else str(t)


# ------------------------------------------------------------------ jobs (run in a worker)
@dataclass
class EntityView:
    """All a page shows about one IRI, as plain strings (picklable)."""

    iri: str
    exists: bool = False
    types: list[str] = field(default_factory=list)
    labels: list[tuple[str, str, str]] = field(default_factory=list)  # text, lang, property
    facts: list[tuple[str, str, dict[str, str], bool]] = field(default_factory=list)  # prop, value, labels, is_iri
    incoming: list[tuple[str, str, str | None]] = field(default_factory=list)  # subject, prop, label
    authority: list[tuple[str, str]] = field(default_factory=list)  # prop, url
    positions: list[dict[str, Any]] = field(default_factory=list)
    tenures: list[dict[str, Any]] = field(default_factory=list)  # a person's terms of office
    events: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # what only some kinds show (see load_extras)
    prop_labels: dict[str, dict[str, str]] = field(default_factory=dict)  # property -> {lang: name}


def read_statements(store: Store, view: EntityView) -> None:
    """The entity's own statements, sorted into types, labels, authority links and facts (each
    fact once, with its value's labels per language)."""
    auth = authority_properties()
    facts: dict[tuple[str, str], tuple[str, str, dict[str, str], bool]] = {}
    for r in select_rows(store.query(page_query("entity-out"), {"this": URIRef(view.iri)})):
        view.exists = True
        p, o = str(r.p), r.o
        if p == _RDF_TYPE:
            if str(o) not in view.types:
                view.types.append(str(o))
        elif p in _LABEL_PROPS and isinstance(o, Literal):
            view.labels.append((str(o), o.language or "", shorten(p)))
        elif isinstance(o, URIRef) and (p in auth or "wikidata" in p.lower() or "wikidata.org/" in str(o)):
            view.authority.append((shorten(p), str(o)))
        elif isinstance(o, Literal) and "wikidata" in p.lower():
            view.authority.append((shorten(p), f"https://www.wikidata.org/wiki/{quote(str(o), safe='')}"))
        else:
            fact = facts.setdefault((p, str(o)), (p, str(o), {}, isinstance(o, URIRef)))
            if isinstance(r.olabel, Literal):
                fact[2].setdefault(r.olabel.language or "", str(r.olabel))
    view.facts = list(facts.values())


def read_tenures(store: Store, this: dict[str, URIRef]) -> list[dict[str, Any]]:
    """The terms of the person's posts (``lkg:Tenure``), one dict each: the least role label and
    organisation label of each, its begin, end, first and last attestation (None: not known)."""
    out: dict[str, dict[str, Any]] = {}
    for r in select_rows(store.query(page_query("entity-tenures"), this)):
        d = out.setdefault(str(r.t), {"iri": str(r.t), "pos": str(r.pos), "role": _s(r.role), "org": _s(r.org),
                                      "orgLabel": _s(r.orgLabel), "begin": _s(r.begin), "end": _s(r.end),
                                      "first": _s(r.first), "last": _s(r.last)})
        for key in ("role", "orgLabel"):
            v = getattr(r, key)
            if v is not None and (d[key] is None or str(v) < d[key]):
                d[key] = str(v)
    return list(out.values())


def load_entity(store: Store, iri: str) -> EntityView:
    """Everything the entity page needs, in a handful of queries."""
    this = {"this": URIRef(iri)}
    view = EntityView(iri)
    read_statements(store, view)
    for r in select_rows(store.query(page_query("entity-in"), this)):
        view.exists = True
        view.incoming.append((str(r.s), str(r.p), _s(r.slabel)))
    if not view.exists:
        return view
    positions: dict[str, dict[str, Any]] = {}
    for r in select_rows(store.query(page_query("entity-positions"), this)):
        d = positions.setdefault(str(r.pos), {"iri": str(r.pos), "role": _s(r.role), "member": _s(r.member),
                                              "memberLabel": _s(r.memberLabel), "org": _s(r.org),
                                              "orgLabel": _s(r.orgLabel), "dates": set(), "start": _s(r.start),
                                              "end": _s(r.end), "status": _s(r.status)})
        if r.date is not None:
            d["dates"].add(str(r.date))
    for d in positions.values():
        d["dates"] = sorted(d["dates"])
    view.positions = sorted(positions.values(), key=lambda d: (d["dates"][:1] or ["9999"], d["role"] or ""))
    view.tenures = read_tenures(store, this) if view.positions else []
    events: dict[str, dict[str, Any]] = {}
    for r in select_rows(store.query(page_query("entity-events"), this)):
        d = events.setdefault(str(r.e), {"iri": str(r.e), "label": _s(r.label), "start": _s(r.start),
                                         "end": _s(r.end), "how": set()})
        d["how"].add(str(r.how))
    for d in events.values():
        d["how"] = sorted(d["how"])
    view.events = sorted(events.values(), key=lambda d: (d["start"] or "9999", d["label"] or ""))
    seen = set()
    for r in select_rows(store.query(page_query("entity-sources"), this)):
        key = (str(r.sentence), _s(r.article))
        about = "this" if str(r.about) == iri else str(r.about)
        if key in seen:
            for s in view.sources:
                if (s["sentence"], s["article"]) == key and about not in s["about"]:
                    s["about"].append(about)
            continue
        seen.add(key)
        view.sources.append({"sentence": str(r.sentence), "article": _s(r.article), "id": _s(r.id),
                             "url": _s(r.url), "headline": _s(r.headline), "published": _s(r.published),
                             "about": [about]})
    view.sources.sort(key=lambda s: (s["published"] or "", s["id"] or ""))
    load_extras(store, view)
    view.prop_labels = property_labels(store)
    return view


_PROP_LABELS: dict[int, dict[str, dict[str, str]]] = {}


def property_labels(store: Store) -> dict[str, dict[str, str]]:
    """The ontology's names of its properties and classes, per language (read once per store)."""
    if id(store) not in _PROP_LABELS:
        out: dict[str, dict[str, str]] = {}
        for r in select_rows(store.query(page_query("property-labels"))):
            if isinstance(r.l, Literal):
                out.setdefault(str(r.p), {}).setdefault(r.l.language or "", str(r.l))
        for iri, names in property_names().items():
            out.setdefault(iri, names)
        _PROP_LABELS[id(store)] = out
    return _PROP_LABELS[id(store)]


def load_extras(store: Store, view: EntityView) -> None:
    """What the page of an event (its provinces), a place (its province's era) or an article (its
    sentences, each with what was read in it) shows besides its statements."""
    from libkg.serve.reform import era_of

    this = {"this": URIRef(view.iri)}
    types = set(view.types)
    if str(LKG.Event) in types:
        provinces: dict[str, dict[str, Any]] = {}
        for r in select_rows(store.query(page_query("event-provinces"), this)):
            d = provinces.setdefault(str(r.province), {"iri": str(r.province), "label": _s(r.provinceLabel),
                                                       "next": {}})
            if r.next is not None:
                d["next"][str(r.next)] = _s(r.nextLabel)
        view.extra["provinces"] = sorted(provinces.values(), key=lambda d: d["label"] or d["iri"])
        view.extra["articles"] = [(str(r.article), _s(r.headline) or str(r.article).rsplit("/", 1)[-1])
                                  for r in select_rows(store.query(page_query("entity-articles"), this))]
    if str(LKG.Place) in types:
        for r in select_rows(store.query(page_query("place-province"), this)):
            view.extra["province"] = (str(r.province), _s(r.label) or str(r.province))
            view.extra["province_era"] = era_of(_s(r.vfrom), _s(r.vuntil))
            break
    if "https://schema.org/NewsArticle" in types:
        view.extra["sentences"] = article_sentences(store, view.iri)


def article_sentences(store: Store, iri: str) -> list[dict[str, Any]]:
    """The article's sentences once each, in reading order, with the entities and posts read in them."""
    kinds = {k for k, _, _ in kind_table()}
    sentences: dict[str, dict[str, Any]] = {}
    for r in select_rows(store.query(page_query("article-sentences"), {"this": URIRef(iri)})):
        text = str(r.sentence)
        d = sentences.setdefault(text, {"sentence": text, "start": None, "facts": {}})
        if r.start is not None and str(r.start).isdigit():
            d["start"] = min(int(str(r.start)), d["start"] if d["start"] is not None else 10**12)
        if r.x is not None:
            f = d["facts"].setdefault(str(r.x), {"iri": str(r.x), "label": _s(r.xlabel), "types": []})
            if r.type is not None and str(r.type) in kinds:
                f["types"].append(str(r.type))
    out = []
    for d in sentences.values():
        d["facts"] = sorted(d["facts"].values(), key=lambda f: (f["label"] or "", f["iri"]))
        out.append(d)
    out.sort(key=lambda d: (d["start"] if d["start"] is not None else 10**12, d["sentence"]))
    return out


def describe(store: Store, iri: str) -> list[tuple]:
    """The triples sent as Turtle / JSON-LD for ``iri``."""
    return list(store.query(page_query("describe"), {"this": URIRef(iri)}).graph or ())


def sparql_dialect(store: Store) -> str:
    """Whose SPARQL the store answers (the editor offers each bundled query in the text for it)."""
    return store.sparql_dialect


def home_stats(store: Store) -> dict[str, int]:
    from libkg.query.stats import STATS_QUERY

    res = store.query(STATS_QUERY)
    row = next(select_rows(res))
    return {str(v): int(row[v]) for v in res.vars or ()}


# ------------------------------------------------------------------ presentation
def kind_of(types: list[str]) -> tuple[str, str]:
    """(Vietnamese, English) name of the entity's most specific known kind."""
    have = set(types)
    for iri, vi, en in kind_table():
        if iri in have:
            return vi, en
    return ("Tài nguyên", "Resource")


def _doc_links(path: str) -> str:
    return ", ".join(f'<{path}.{suffix}>; rel="alternate"; type="{mt}"' for mt, suffix in DOC_TYPES.items())


async def _describe_response(request: Request, iri: str, mt: str, path: str) -> Response:
    state = request.app.state
    triples = await state.backend.call(describe, iri, timeout=state.config.query_timeout, lane="page")
    body = serialize_graph(triples, RDFLIB_FORMAT[mt])
    return Response(body, media_type=mt + ("; charset=utf-8" if "json" in mt or mt.startswith("text/") else ""),
                    headers={"Vary": "Accept", "Content-Location": f"{path}.{DOC_TYPES[mt]}",
                             "Link": _doc_links(path)})


async def resource(request: Request, iri: str, path: str | None, forced: str | None = None) -> Response:
    """Answer for one IRI: HTML page or RDF by negotiation (or by ``forced`` media type); 404 if unknown."""
    state = request.app.state
    if not SAFE_IRI.match(iri):
        return await not_found(request)
    view: EntityView = await state.backend.call(load_entity, iri, timeout=state.config.query_timeout,
                                                lane="page")
    if not view.exists:
        return await not_found(request)
    path = path or local_path(iri, state.base)
    mt = forced or negotiate(request.headers.get("accept"), list(DOC_TYPES))
    if mt is None:  # a type no document of this IRI has
        return Response(f"406 Not Acceptable: {', '.join(DOC_TYPES)}\n", status_code=406, media_type="text/plain",
                        headers={"Vary": "Accept"})
    if mt != "text/html":
        return await _describe_response(request, iri, mt, path)
    ctx = page_context(view, lang_of(request), view.prop_labels)
    headers = {"Vary": "Accept", "Link": _doc_links(path)} if not path.startswith("/resource") else {}
    return state.templates.TemplateResponse(request, "entity.html", ctx, headers=headers)


async def entity(request: Request) -> Response:
    """Any path not taken by the application: the IRI ``{base}{path}``, perhaps with a document suffix."""
    state = request.app.state
    raw = request.scope.get("raw_path") or request.url.path.encode()
    try:
        path = raw.decode("ascii").split("?", 1)[0]
    except UnicodeDecodeError:
        return await not_found(request)
    iri = state.base + path.lstrip("/")
    stem, dot, suffix = path.rpartition(".")
    if dot and suffix in SUFFIX_TYPES and "/" not in suffix:
        # /id/person/x.ttl: the document of /id/person/x, unless an IRI really ends that way
        exact: EntityView = await state.backend.call(load_entity, iri, timeout=state.config.query_timeout,
                                                     lane="page")
        if not exact.exists:
            return await resource(request, state.base + stem.lstrip("/"), stem, SUFFIX_TYPES[suffix])
    return await resource(request, iri, path)


async def resource_by_query(request: Request) -> Response:
    iri = request.query_params.get("iri", "")
    return await resource(request, iri, "/resource?iri=" + quote(iri, safe=""))


async def not_found(request: Request, message: str | None = None) -> Response:
    state = request.app.state
    if negotiate(request.headers.get("accept"), ["text/html", "text/plain"]) != "text/html":  # Turtle asked: text
        return Response((message or "not found") + "\n", status_code=404, media_type="text/plain")
    en = lang_of(request) == "en"
    default = "Nothing is known at this address." if en else "Không có trang nào ở địa chỉ này."
    return state.templates.TemplateResponse(request, "error.html",
                                            {"title": "Không tìm thấy · Not found", "status": 404,
                                             "message": message or default}, status_code=404)


async def home(request: Request) -> Response:
    state = request.app.state
    try:
        stats = await state.backend.call(home_stats, timeout=state.config.query_timeout, lane="page")
    except Exception:  # noqa: BLE001 - the home page still renders without its counts
        stats = {}
    return state.templates.TemplateResponse(request, "index.html", {"title": "libkg", "stats": stats})


def bundled_queries(dialect: str = "sparql11") -> list[dict[str, Any]]:
    """The query library for the editor's menu, so that a click gives a query that answers: each in
    the text for the store's ``dialect``; the example values of required parameters are bound (VALUES);
    optional ones are left unbound (the query then lists everything) with the binding written as a
    comment to uncomment."""
    from libkg.query.library import list_queries, to_term

    out = []
    for q in list_queries():
        text = q.text_for(dialect)
        examples = [(p, to_term(p.example, p.kind)) for p in q.params if p.example]
        bound = [(p.var, t) for p, t in examples if not re.search(r"\boptional\b", p.doc)]
        hinted = [(p.var, t) for p, t in examples if re.search(r"\boptional\b", p.doc)]
        m = re.search(r"\bWHERE\s*\{", text, re.IGNORECASE)
        if m and (bound or hinted):
            lines = []
            if bound:
                lines.append(f"  VALUES ({' '.join('?' + n for n, _ in bound)}) "
                             f"{{ ({' '.join(t.n3() for _, t in bound)}) }}  # example value(s)")
            for n, t in hinted:
                lines.append(f"  # VALUES (?{n}) {{ ({t.n3()}) }}  # optional: uncomment to keep to one value")
            text = f"{text[:m.end()]}\n" + "\n".join(lines) + text[m.end():]
        out.append({"name": q.name, "title": q.title, "question": q.question, "text": text})
    return out


async def editor_page(request: Request) -> Response:
    state = request.app.state
    dialect = await state.backend.call(sparql_dialect, timeout=state.config.query_timeout, lane="page")
    queries = bundled_queries(dialect)
    chosen = request.query_params.get("name")
    current = next((q for q in queries if q["name"] == chosen), None)
    return state.templates.TemplateResponse(
        request, "editor.html",
        {"title": "SPARQL", "queries": queries, "current": current, "static": state.static_files,
         "max_rows": state.config.max_rows, "default_query": default_query()})


EDITOR_PREFIXES = ("lkg", "schema", "skos", "rdfs", "org", "prov")


def default_query() -> str:
    """The editor's first query: the project's main prefixes declared (the server predeclares them
    all, but the editor's syntax check wants them written), then a small pattern."""
    from libkg.rdf.namespaces import PREFIXES

    lines = [f"PREFIX {p}: <{PREFIXES[p]}>" for p in EDITOR_PREFIXES if p in PREFIXES]
    return "\n".join(lines) + "\nSELECT ?s ?label WHERE {\n  ?s a lkg:Event ; skos:prefLabel ?label\n}\nLIMIT 20"
