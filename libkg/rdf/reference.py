"""The reference data ingest relies on, as one graph: the gazetteer and the organisation lineage.

It goes into ``{base}graph/gazetteer`` -- which has ``prov:wasDerivedFrom`` each
``lkg:ReferenceDataset`` (table) it is read from; the places and organisations
in it do not (a province is not derived from a table: the record of it is) -- with a digest of its content
(``lkg:contentDigest``), so a loader can tell with one ASK query whether the
stored copy is current (see :func:`libkg.ingest.write.load_reference_data`).

>>> iri, g, digest = reference_graph("https://example.org/")
>>> len(g) > 1000, (iri, None, None) in g, len(digest)
(True, True, 40)
"""

from __future__ import annotations

import hashlib
from collections import Counter

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from libkg.normalize import fold_place, nfc
from libkg.rdf.literals import date_literal, plain_literal
from libkg.rdf.namespaces import LKG, PLACE_KIND, bind_prefixes, data_base
from libkg.rdf.ontology import asserted_types
from libkg.resolve.keys import words
from libkg.resolve.organizations import org_iri, org_key
from libkg.resolve.places import (
    VIET_NAM_WIKIDATA,
    WIKIDATA,
    Gazetteer,
    gazetteer,
    gazetteer_graph_iri,
)
from libkg.resources import read_tsv

__all__ = ["gazetteer_graph", "graph_digest", "org_lineage_graph", "reference_graph", "region_iri"]


def graph_digest(g: Graph) -> str:
    """A SHA-1 of the graph's triples in sorted N-Triples form (blank-node free graphs)."""
    lines = sorted(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in g)
    return hashlib.sha1("\n".join(lines).encode("utf-8")).hexdigest()


def reference_graph(base: str | None = None) -> tuple[URIRef, Graph, str]:
    """(graph IRI, the gazetteer and organisation lineage with their digest, the digest)."""
    gi = gazetteer_graph_iri(base)
    g = gazetteer_graph(base)
    for t in org_lineage_graph(base):
        g.add(t)
    digest = graph_digest(g)
    g.add((gi, LKG.contentDigest, plain_literal(digest)))
    return gi, g, digest


def gazetteer_graph(base: str | None = None) -> Graph:
    """The provincial units, their validity, succession and Wikidata ids, as reference data."""
    gz = gazetteer(base)
    g = Graph()
    bind_prefixes(g)
    src = URIRef(f"{gz.base}id/source/vn-provinces")
    g.add((src, RDF.type, LKG.ReferenceDataset))
    g.add((src, RDFS.label, Literal("libkg gazetteer: vn-provinces.csv")))
    g.add((gazetteer_graph_iri(base), PROV.wasDerivedFrom, src))  # the record, not the places, is derived
    vn = gz.viet_nam.iri
    _typed(g, vn, LKG.Place)
    g.add((vn, LKG.placeKind, PLACE_KIND.Country))
    for lbl in ("Việt Nam",):
        g.add((vn, RDFS.label, Literal(lbl)))
        g.add((vn, SKOS.prefLabel, Literal(lbl)))
    g.add((vn, LKG.nameKey, Literal("việt nam")))
    _wikidata(g, vn, VIET_NAM_WIKIDATA, exact=True)
    shared = Counter(u.wikidata for u in gz.units)
    for u in gz.units:
        i = u.iri
        _typed(g, i, LKG.ProvincialUnit)
        g.add((i, LKG.placeKind, PLACE_KIND[u.kind]))
        g.add((i, SKOS.prefLabel, Literal(u.name)))
        for lbl in {u.name, u.official, u.display_official}:
            g.add((i, RDFS.label, Literal(lbl)))
            if lbl != u.name:
                g.add((i, SKOS.altLabel, Literal(lbl)))
        g.add((i, LKG.nameKey, Literal(words(fold_place(u.name)))))
        g.add((i, LKG.gsoCode, Literal(u.gso)))
        g.add((i, LKG.within, vn))
        _wikidata(g, i, u.wikidata, exact=shared[u.wikidata] == 1)
        if u.valid_until:
            g.add((i, LKG.validUntil, Literal(u.valid_until, datatype=XSD.date)))
        if u.valid_from:
            g.add((i, LKG.validFrom, Literal(u.valid_from, datatype=XSD.date)))
        nxt = gz.successor(u)
        if nxt is not None:
            g.add((i, LKG.succeededBy, nxt.iri))
            g.add((nxt.iri, LKG.successorOf, i))
            if u.change == "merged_into":
                g.add((i, LKG.mergedInto, nxt.iri))
            if u.legal_basis:
                g.add((i, LKG.legalBasis, Literal(u.legal_basis)))
    _regions(g, gz)
    for kind in ("Province", "City", "Country", "Region"):
        g.add((PLACE_KIND[kind], RDF.type, SKOS.Concept))
    return g


def _regions(g: Graph, gz: Gazetteer) -> None:
    """The six statistical regions, one node per era, and each provincial unit's ``lkg:inRegion``
    (``data/gazetteer/vn-regions-statistical.tsv``, ``vn-region-members.tsv``).  A region has no
    lkg:validFrom / lkg:validUntil of its own (queries read those as a provincial unit's): its era is
    in its IRI and is that of its units."""
    src = URIRef(f"{gz.base}id/source/vn-regions")
    g.add((src, RDF.type, LKG.ReferenceDataset))
    g.add((src, RDFS.label, Literal("libkg gazetteer: vn-regions-statistical.tsv, vn-region-members.tsv")))
    g.add((gazetteer_graph_iri(gz.base), PROV.wasDerivedFrom, src))
    names = {key: (vi, en, [a for a in rest[:1] for a in a.split("|") if a])
             for key, vi, en, *rest in read_tsv("gazetteer", "vn-regions-statistical.tsv")}
    for key, era, gso, *_ in read_tsv("gazetteer", "vn-region-members.tsv"):
        region = region_iri(era, key, gz.base)
        if (region, RDF.type, LKG.Region) not in g:
            vi, en, other = names[key]
            _typed(g, region, LKG.Region)
            g.add((region, LKG.placeKind, PLACE_KIND.Region))
            g.add((region, SKOS.prefLabel, Literal(vi)))
            g.add((region, RDFS.label, Literal(en, lang="en")))
            for name in (vi, *other):  # every name a user may type finds the region
                g.add((region, RDFS.label, Literal(name)))
                g.add((region, LKG.nameKey, Literal(words(fold_place(name)))))
                if name != vi:
                    g.add((region, SKOS.altLabel, Literal(name)))
            g.add((region, LKG.within, gz.viet_nam.iri))
        g.add((gz.by_code[(era, gso)].iri, LKG.inRegion, region))


def region_iri(era: str, key: str, base: str | None = None) -> URIRef:
    """``{base}id/place/{era}/region/{key}``: a statistical region as it stood in one era."""
    return URIRef(f"{data_base(base)}id/place/{era}/region/{key}")


def _typed(g: Graph, iri: URIRef, cls: URIRef) -> None:
    for t in asserted_types(cls):
        g.add((iri, RDF.type, t))


def _wikidata(g: Graph, iri: URIRef, qid: str, exact: bool) -> None:
    if not qid:
        return
    g.add((iri, LKG.wikidataId, Literal(qid)))
    g.add((iri, SKOS.exactMatch if exact else SKOS.closeMatch, URIRef(WIKIDATA + qid)))


def org_lineage_graph(base: str | None = None) -> Graph:
    """Renamed and merged organisations (reference data, loaded with the gazetteer)."""
    g = Graph()
    bind_prefixes(g)
    src = URIRef(f"{data_base(base)}id/source/org-lineage")
    g.add((src, RDF.type, LKG.ReferenceDataset))
    g.add((src, RDFS.label, Literal("libkg reference data: org-lineage.tsv")))
    g.add((gazetteer_graph_iri(base), PROV.wasDerivedFrom, src))
    for row in read_tsv("identity", "org-lineage.tsv"):
        old_name, rel, new_name, date, *_ = [*row, "", ""]
        old, new = org_iri(old_name, base), org_iri(new_name, base)
        for iri, name in ((old, old_name), (new, new_name)):
            g.add((iri, RDF.type, LKG.Organization))
            g.add((iri, RDFS.label, Literal(nfc(name))))
            g.add((iri, LKG.nameKey, Literal(org_key(name))))
        g.add((old, LKG[rel], new))
        g.add((old, LKG.succeededBy, new))
        g.add((new, LKG.successorOf, old))
        lit = date_literal(date)
        if lit is not None:
            g.add((old, LKG.changedIn, lit))
    return g
