"""SHACL: built graphs and whole stores conform; broken ones are reported in readable English."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import ORG, OWL, PROV, RDF, RDFS, XSD

from libkg.rdf.build import facts_to_graph
from libkg.rdf.namespaces import LKG, SCHEMA, article_graph
from libkg.rdf.validate import validate
from libkg.resolve.iris import Minter


def test_built_graph_conforms(article, facts, base):
    conforms, report = validate(facts_to_graph(article, facts, base))
    assert conforms, report


def test_built_graph_conforms_with_ontology_inference(article, facts, base):
    conforms, report = validate(facts_to_graph(article, facts, base), use_ontology=True)
    assert conforms, report


def test_dataset_is_validated_as_union(article, facts, base):
    ds = Dataset()
    g = ds.graph(article_graph("t1", base))
    for t in facts_to_graph(article, facts, base):
        g.add(t)
    assert validate(ds)[0]


def test_position_without_person_fails(article, facts, base):
    g = facts_to_graph(article, facts, base)
    (pos,) = g.subjects(RDF.type, LKG.Position)
    g.remove((pos, ORG.member, None))
    conforms, report = validate(g)
    assert not conforms
    assert "exactly one person" in report
    assert str(pos) in report


def test_event_dates_out_of_order_fail(article, facts, base):
    g = facts_to_graph(article, facts, base)
    conf = Minter(base).event("t1", "Conference", "2024-05-02", "Hội nghị tổng kết")
    g.set((conf, SCHEMA.endDate, Literal("2024-04-01", datatype=XSD.date)))
    conforms, report = validate(g)
    assert not conforms and "not be after its schema:endDate" in report


def test_mixed_precision_dates_are_not_compared(article, facts, base):
    g = facts_to_graph(article, facts, base)
    conf = Minter(base).event("t1", "Conference", "2024-05-02", "Hội nghị tổng kết")
    g.set((conf, SCHEMA.endDate, Literal("2023", datatype=XSD.gYear)))
    assert validate(g)[0]


def test_person_without_label_and_plain_string_date_fail(article, facts, base):
    g = facts_to_graph(article, facts, base)
    (person,) = g.subjects(RDF.type, LKG.Person)
    g.remove((person, RDFS.label, None))
    conf = Minter(base).event("t1", "Conference", "2024-05-02", "Hội nghị tổng kết")
    g.set((conf, SCHEMA.startDate, Literal("2 May 2024")))
    conforms, report = validate(g)
    assert not conforms
    assert "A Person must have at least one rdfs:label" in report
    assert "xsd:date, xsd:gYearMonth or xsd:gYear" in report


def test_fact_without_article_fails(article, facts, base):
    g = facts_to_graph(article, facts, base)
    g.remove((URIRef(base + "id/article/t1"), RDF.type, SCHEMA.NewsArticle))
    conforms, report = validate(g)
    assert not conforms and "must be a schema:NewsArticle" in report


# ------------------------------------------------ a whole store, through the real CLI

BIN = Path(sys.executable).parent
SSSOM = Namespace("https://w3id.org/sssom/")
DATA = "https://w3id.org/libkg/"
WD = "http://www.wikidata.org/entity/"


def _libkg(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("LIBKG_STORE", "LIBKG_BASE")}
    return subprocess.run([str(BIN / "libkg"), *args], capture_output=True, text=True, env=env, timeout=600)


@pytest.fixture(scope="module")
def linked_store(tmp_path_factory, samples_dir) -> Path:
    """The samples ingested with `libkg ingest`, then `libkg link --offline`: every graph libkg writes."""
    store = tmp_path_factory.mktemp("validate") / "store"
    r = _libkg("ingest", str(samples_dir), "--store", str(store), "-q")
    assert r.returncode == 0, r.stdout + r.stderr
    r = _libkg("link", "--offline", "--store", str(store))
    linked = re.search(r"offline: [1-9]\d* node\(s\) linked", r.stdout)
    assert r.returncode == 0 and linked, r.stdout + r.stderr
    return store


@pytest.fixture(scope="module")
def store_graph(linked_store, tmp_path_factory) -> Graph:
    """The store's union (articles, runs, gazetteer, links, ontology) read back from `libkg export`."""
    out = tmp_path_factory.mktemp("export") / "all.trig"
    r = _libkg("export", "--store", str(linked_store), "--format", "trig", "-o", str(out))
    assert r.returncode == 0, r.stdout + r.stderr
    ds = Dataset()
    ds.parse(out, format="trig")
    families = {re.sub(r"graph/([a-z]+).*", r"\1", str(c.identifier)).rsplit("/", 1)[-1] for c in ds.graphs()}
    assert {"article", "activity", "gazetteer", "links", "ontology"} <= families, families
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def test_cli_validate_a_built_and_linked_store_conforms(linked_store):
    r = _libkg("validate", "--store", str(linked_store))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "conforms: the graph satisfies every shape" in r.stdout


def test_reference_data_sources_are_reference_datasets(store_graph):
    sources = set(store_graph.objects(None, PROV.wasDerivedFrom))
    # records are derived (graphs, person mentions), not the places or organisations in them
    derived = set(store_graph.subjects(PROV.wasDerivedFrom, None))
    assert not any((s, RDF.type, t) in store_graph for s in derived for t in (LKG.Place, LKG.Organization,
                                                                              LKG.Person, LKG.Position, LKG.Event))
    reference = {s for s in sources if (s, RDF.type, SCHEMA.NewsArticle) not in store_graph}
    assert {URIRef(DATA + f"id/source/{name}") for name in ("vn-provinces", "vn-regions", "org-lineage")} == reference
    for s in reference:
        assert (s, RDF.type, LKG.ReferenceDataset) in store_graph
    assert (LKG.ReferenceDataset, RDFS.subClassOf, URIRef("http://www.w3.org/ns/dcat#Dataset")) in store_graph


def test_cli_validate_fails_on_a_broken_store_export(store_graph, tmp_path):
    g = Graph()
    for t in store_graph:
        g.add(t)
    g.remove((URIRef(DATA + "id/source/vn-provinces"), RDF.type, None))
    bad = tmp_path / "broken.ttl"
    g.serialize(bad, format="turtle")
    r = _libkg("validate", "--file", str(bad))
    assert r.returncode == 1, r.stdout + r.stderr
    assert "must be a schema:NewsArticle or an lkg:ReferenceDataset" in r.stdout
    assert DATA + "id/source/vn-provinces" in r.stdout


YEN_BAI = URIRef(DATA + "id/place/vn-63/15-yen-bai")
LANG_SON_DV = URIRef(DATA + "id/org/ban-dan-van-tinh-uy-lang-son-b5a99da1")


def _a_link(g: Graph) -> URIRef:
    return next(iter(sorted(g.subjects(OWL.annotatedSource, None))))


BREAKAGES = {
    "two GSO codes": (lambda g: g.add((YEN_BAI, LKG.gsoCode, Literal("151"))), "exactly one lkg:gsoCode"),
    "no validity": (lambda g: g.remove((YEN_BAI, LKG.validUntil, None)), "lkg:validFrom or lkg:validUntil"),
    "unit succeeded by an organisation": (lambda g: g.add((YEN_BAI, LKG.succeededBy, LANG_SON_DV)),
                                          "lkg:succeededBy provincial units only"),
    "lineage date as text": (lambda g: g.set((LANG_SON_DV, LKG.changedIn, Literal("năm 2025"))),
                             "lkg:changedIn must be an xsd:date"),
    "malformed Wikidata id": (lambda g: g.set((YEN_BAI, LKG.wikidataId, Literal("36349"))),
                              "a plain string Q followed by digits"),
    "owl:sameAs to the item": (lambda g: g.add((YEN_BAI, OWL.sameAs, URIRef(WD + "Q36349"))),
                               "never has owl:sameAs"),
    "confidence above 1": (lambda g: g.set((_a_link(g), SSSOM.confidence,
                                            Literal("1.5", datatype=XSD.decimal))),
                           "sssom:confidence, an xsd:decimal in [0, 1]"),
    "link target not a Wikidata item": (lambda g: g.set((_a_link(g), OWL.annotatedTarget,
                                                         URIRef("https://example.org/Q1"))),
                                        "one Wikidata item IRI"),
    "run without its article": (lambda g: g.remove((URIRef(DATA + "id/activity/extract/d01"), PROV.used,
                                                    None)),
                                "must have prov:used the schema:NewsArticle"),
}


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_broken_gazetteer_links_and_runs_fail(store_graph, name):
    breaks, message = BREAKAGES[name]
    g = Graph()
    for t in store_graph:
        g.add(t)
    breaks(g)
    conforms, report = validate(g)
    assert not conforms, name
    assert message in report, report


# ------------------------------------------------ with PROV-O and ORG loaded, RDFS inference on

def test_linked_store_conforms_with_prov_o_and_org_and_rdfs_inference(store_graph):
    conforms, report = validate(store_graph, use_ontology=True)
    assert conforms, report[:3000]


def test_a_successor_as_a_prov_revision_fails_with_inference(store_graph):
    """What 0.2.0 had (lkg:successorOf ⊑ prov:wasRevisionOf): with PROV-O loaded a province becomes
    prov:wasDerivedFrom another province, which the source shape refuses."""
    from libkg.rdf import ontology as onto

    extra = Graph()
    for t in onto.inference_graph():
        extra.add(t)
    extra.add((LKG.successorOf, RDFS.subPropertyOf, PROV.wasRevisionOf))
    g = Graph()
    for t in store_graph:
        g.add(t)
    from pyshacl import validate as shacl

    from libkg.rdf.validate import shapes_graph

    conforms, _, report = shacl(g, shacl_graph=shapes_graph(), ont_graph=extra, inference="rdfs",
                                allow_warnings=True)
    assert not conforms
    assert "must be a schema:NewsArticle or an lkg:ReferenceDataset" in report
    assert str(YEN_BAI) in report
