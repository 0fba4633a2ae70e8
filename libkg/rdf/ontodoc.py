"""A reference of the ontology's terms, read from ``ontology/libkg.ttl`` itself.

:func:`terms` lists every ``lkg:`` class and property with its labels, comments and axioms;
:func:`markdown` renders them for the documentation site (``docs/ontology-reference.md``, written
by ``scripts/gen_ontology_docs.py`` and checked to be current by ``tests/test_publish.py``), and
``libkg serve`` renders the same list as the HTML answer at ``/ontology``.

>>> t = {x.curie: x for x in terms()}
>>> t["lkg:Position"].kind, t["lkg:Position"].label_en
('Class', 'Position held')
>>> "org:Membership" in t["lkg:Position"].parents
True
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from libkg.rdf.namespaces import LKG, ONTOLOGY_IRI, PREFIXES
from libkg.rdf.ontology import ontology

__all__ = ["KINDS", "Term", "curie", "header", "markdown", "terms"]

#: the kinds of term, in the order the reference lists them
KINDS = {OWL.Class: "Class", OWL.ObjectProperty: "Object property", OWL.DatatypeProperty: "Datatype property",
         OWL.AnnotationProperty: "Annotation property"}
_MORE = {OWL.TransitiveProperty: "transitive", OWL.SymmetricProperty: "symmetric"}


def curie(iri: Node | str) -> str:
    """``lkg:Person`` for an IRI in a known namespace, else ``<iri>``."""
    s = str(iri)
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if s.startswith(ns) and s != ns:
            return f"{prefix}:{s[len(ns):]}"
    return f"<{s}>"


@dataclass
class Term:
    """One ``lkg:`` term as the reference shows it (IRIs as CURIEs)."""

    curie: str
    iri: str
    kind: str
    label_en: str = ""
    label_vi: str = ""
    comment_en: str = ""
    characteristics: list[str] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)  # rdfs:subClassOf / rdfs:subPropertyOf
    domain: list[str] = field(default_factory=list)
    range: list[str] = field(default_factory=list)
    inverse: list[str] = field(default_factory=list)


def _text(g: Graph, s: Node, p: URIRef, lang: str) -> str:
    return next((str(o) for o in sorted(g.objects(s, p), key=str) if isinstance(o, Literal) and o.language == lang), "")


def _curies(g: Graph, s: Node, p: URIRef) -> list[str]:
    return sorted(curie(o) for o in g.objects(s, p) if isinstance(o, URIRef))


def terms(g: Graph | None = None) -> list[Term]:
    """Every ``lkg:`` class and property of ``g`` (default: the ontology), by kind then name."""
    g = g if g is not None else ontology()
    out = []
    for kind_iri, kind in KINDS.items():
        for s in sorted(x for x in g.subjects(RDF.type, kind_iri)
                        if isinstance(x, URIRef) and str(x).startswith(str(LKG))):
            parents = _curies(g, s, RDFS.subClassOf) + _curies(g, s, RDFS.subPropertyOf)
            out.append(Term(curie(s), str(s), kind, _text(g, s, RDFS.label, "en"), _text(g, s, RDFS.label, "vi"),
                            _text(g, s, RDFS.comment, "en"),
                            sorted(v for k, v in _MORE.items() if (s, RDF.type, k) in g), parents,
                            _curies(g, s, RDFS.domain), _curies(g, s, RDFS.range),
                            _curies(g, s, OWL.inverseOf) + [curie(x) for x in g.subjects(OWL.inverseOf, s)]))
    return out


def header(g: Graph | None = None) -> dict[str, str]:
    """The ontology's IRI, version IRI, version, licence and title."""
    g = g if g is not None else ontology()
    one = lambda p: str(next(g.objects(ONTOLOGY_IRI, p), ""))  # noqa: E731
    return {"iri": str(ONTOLOGY_IRI), "version_iri": one(OWL.versionIRI), "version": one(OWL.versionInfo),
            "license": one(URIRef("http://purl.org/dc/terms/license")),
            "title": _text(g, ONTOLOGY_IRI, URIRef("http://purl.org/dc/terms/title"), "en"),
            "comment": _text(g, ONTOLOGY_IRI, RDFS.comment, "en")}


def _row(t: Term) -> list[str]:
    lines = [f"### `{t.curie}`", "", f"*{t.kind}* · {t.label_en} · {t.label_vi}  ", f"`{t.iri}`", ""]
    if t.comment_en:
        lines += [t.comment_en, ""]
    facts = [("characteristics", t.characteristics), ("sub-class / sub-property of", t.parents),
             ("domain", t.domain), ("range", t.range), ("inverse", t.inverse)]
    lines += [f"- {name}: " + ", ".join(f"`{v}`" for v in vals) for name, vals in facts if vals]
    return lines + [""]


def markdown(g: Graph | None = None) -> str:
    """The reference as Markdown (the page ``docs/ontology-reference.md``)."""
    h = header(g)
    ts = terms(g)
    out = ["# Ontology reference", "",
           "<!-- Generated from ontology/libkg.ttl by scripts/gen_ontology_docs.py: do not edit by hand. -->", "",
           f"**{h['title']}** — {h['comment']}", "",
           "| | |", "|---|---|", f"| IRI | `{h['iri']}` (prefix `lkg:`, namespace `{LKG}`) |",
           f"| version | {h['version']} (`{h['version_iri']}`) |", f"| licence | <{h['license']}> |",
           "| Turtle | [`ontology/libkg.ttl`](https://w3id.org/libkg/ontology.ttl); `libkg serve` answers "
           "`/ontology` as HTML, Turtle, JSON-LD, N-Triples or RDF/XML |", "",
           "The conventions (dates, provenance, identity, the 2025 reform) are in [The ontology](ontology.md) "
           "and the header comment of `libkg.ttl`.", ""]
    for kind in KINDS.values():
        group = [t for t in ts if t.kind == kind]
        if not group:
            continue
        out += [f"## {kind.replace('property', 'properties') if 'property' in kind else kind + 'es'}", "",
                " · ".join(f"[`{t.curie}`](#{t.curie.replace(':', '').lower()})" for t in group), ""]
        for t in group:
            out += _row(t)
    return "\n".join(out).rstrip("\n") + "\n"
