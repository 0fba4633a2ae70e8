"""The VoID and DCAT description of a libkg graph: licence, version, counts, examples, endpoint.

The fixed part (title, description, vocabularies) is ``libkg/data/publish/dataset.ttl``; this
module adds the licence (:data:`DEFAULT_LICENSE` unless the publisher chooses another,
:func:`license_iri`) with what it covers (``dcterms:rights``, from ``libkg/data/publish/rights.tsv``:
the extracted facts, not the articles; whether the articles' texts are included) and what depends on
the store, from numbers the caller counted (the rdf layer does not
read stores: :mod:`libkg.query.dataset` does, for ``libkg export`` and ``libkg serve``).
The description goes into its own named graph, ``{base}graph/void``, and describes
``{base}dataset``.

>>> g = dataset_description({"distinct_triples": 10, "persons": 2, "events": 1}, "https://example.org/kg/",
...                         sparql_endpoint="https://example.org/sparql", version="0.1.0")
>>> ds = dataset_iri("https://example.org/kg/")
>>> int(g.value(ds, VOID.triples)), int(g.value(ds, VOID.entities)), str(g.value(ds, VOID.sparqlEndpoint))
(10, 3, 'https://example.org/sparql')
>>> str(g.value(ds, URIRef("http://purl.org/dc/terms/license")))
'https://creativecommons.org/licenses/by/4.0/'
>>> str(license_iri("cc0-1.0"))
'http://creativecommons.org/publicdomain/zero/1.0/'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, VOID, XSD

from libkg.rdf.namespaces import LKG, SCHEMA, bind_prefixes, data_base
from libkg.resources import data_file, read_tsv

__all__ = ["DEFAULT_LICENSE", "ENTITY_CLASSES", "dataset_description", "dataset_iri", "license_iri", "licenses",
           "void_graph_iri"]

DEFAULT_LICENSE = "CC-BY-4.0"
"""The graph's licence unless the publisher chooses another (``--license``, ``$LIBKG_LICENSE``): CC BY
4.0, so that reusers credit the graph, and through its evidence the articles each fact was read in."""

SAFE_LICENSE = re.compile(r"https?://[^\s<>\"{}|\\^`]+")  # an IRI a page may link to
TEMPLATE_DATASET = URIRef("https://w3id.org/libkg/dataset")

#: the count of ``libkg.query.stats.store_stats`` -> the class it counts (one class partition each)
ENTITY_CLASSES: dict[str, URIRef] = {"persons": LKG.Person, "organizations": LKG.Organization,
                                     "positions": LKG.Position, "tenures": LKG.Tenure, "events": LKG.Event,
                                     "places": LKG.Place,
                                     "articles": SCHEMA.NewsArticle}


def dataset_iri(base: str | None = None) -> URIRef:
    """``{base}dataset``: the graph as a dataset (the subject of its VoID / DCAT description)."""
    return URIRef(f"{data_base(base)}dataset")


def void_graph_iri(base: str | None = None) -> URIRef:
    """``{base}graph/void``: the named graph an export writes the description into."""
    return URIRef(f"{data_base(base)}graph/void")


@lru_cache(maxsize=1)
def licenses() -> dict[str, tuple[str, str]]:
    """The licences known by short name: ``{SPDX id: (IRI, name)}`` (``libkg/data/publish/licenses.tsv``)."""
    return {row[0]: (row[1], row[2]) for row in read_tsv("publish", "licenses.tsv")}


def license_iri(value: str | None = None) -> URIRef:
    """The IRI of a licence given by SPDX id (``CC-BY-4.0``, ``CC0-1.0``..., case ignored) or as an
    http(s) IRI; ``None`` gives :data:`DEFAULT_LICENSE`.  Anything else raises ``ValueError`` naming it."""
    value = (value or DEFAULT_LICENSE).strip()
    known = {k.lower(): iri for k, (iri, _) in licenses().items()}
    if value.lower() in known:
        return URIRef(known[value.lower()])
    if SAFE_LICENSE.fullmatch(value):
        return URIRef(value)
    raise ValueError(f"licence {value!r} is neither a licence IRI (http:// or https://) nor one of "
                     f"{', '.join(licenses())}")


@lru_cache(maxsize=1)
def _rights() -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for key, lang, text in read_tsv("publish", "rights.tsv"):
        out.setdefault(key, []).append((lang, text))
    return out


def _add_rights(g: Graph, ds: URIRef, base: str, license: URIRef, texts: bool | None) -> None:
    g.add((ds, DCTERMS.license, license))
    keys = ["scope"] + ([] if texts is None else ["texts-included" if texts else "texts-omitted"])
    for key in keys:
        for lang, text in _rights()[key]:
            text = text.replace("{license}", str(license)).replace("{base}", base)
            g.add((ds, DCTERMS.rights, Literal(text, lang=lang)))


@lru_cache(maxsize=1)
def _template() -> tuple[tuple, ...]:
    return tuple(Graph().parse(data_file("publish", "dataset.ttl"), format="turtle"))


def dataset_description(counts: Mapping[str, int], base: str | None = None, *,
                        sparql_endpoint: str | None = None, examples: Iterable[URIRef] = (),
                        version: str | None = None, modified: str | None = None,
                        license: str | None = None, texts: bool | None = None) -> Graph:
    """The description of a store holding ``counts`` (the keys of ``store_stats``).

    ``sparql_endpoint`` the URL its SPARQL endpoint answers at; ``examples`` entity IRIs for
    ``void:exampleResource``; ``version`` libkg's version (``dcat:version``); ``modified`` an
    ``xsd:dateTime`` for ``dcterms:modified``; ``license`` the graph's licence (see
    :func:`license_iri`; default :data:`DEFAULT_LICENSE`); ``texts`` whether the data described
    carries the articles' texts (``dcterms:rights`` then says so, or says how to check the evidence
    offsets without them; ``None``: says neither).
    """
    base = data_base(base)
    ds = dataset_iri(base)
    g = Graph()
    bind_prefixes(g)
    g.bind("void", VOID)
    g.bind("dcat", DCAT)
    for s, p, o in _template():
        g.add((ds if s == TEMPLATE_DATASET else s, p, ds if o == TEMPLATE_DATASET else o))
    _add_rights(g, ds, base, license_iri(license), texts)
    g.add((ds, VOID.uriSpace, Literal(base)))
    g.add((ds, VOID.rootResource, URIRef(base)))
    if "distinct_triples" in counts:
        g.add((ds, VOID.triples, Literal(int(counts["distinct_triples"]), datatype=XSD.integer)))
    entities = sum(int(counts.get(k, 0)) for k in ENTITY_CLASSES if k != "articles")
    g.add((ds, VOID.entities, Literal(entities, datatype=XSD.integer)))
    for key, cls in ENTITY_CLASSES.items():
        if key in counts:
            part = URIRef(f"{ds}#{key}")
            g.add((ds, VOID.classPartition, part))
            g.add((part, VOID["class"], cls))
            g.add((part, VOID.entities, Literal(int(counts[key]), datatype=XSD.integer)))
    for iri in examples:
        g.add((ds, VOID.exampleResource, iri))
    if sparql_endpoint:
        g.add((ds, VOID.sparqlEndpoint, URIRef(sparql_endpoint)))
        service = BNode()
        g.add((ds, DCAT.accessService, service))
        g.add((service, RDF.type, DCAT.DataService))
        g.add((service, DCAT.endpointURL, URIRef(sparql_endpoint)))
        g.add((service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))
        g.add((service, DCAT.servesDataset, ds))
    if version:
        g.add((ds, URIRef(f"{DCAT}version"), Literal(version)))  # DCAT 3 (rdflib knows DCAT 2)
    if modified:
        g.add((ds, DCTERMS.modified, Literal(modified, datatype=XSD.dateTime)))
    return g
