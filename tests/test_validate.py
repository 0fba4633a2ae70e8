"""SHACL: built graphs conform; broken ones are reported in readable English."""

from __future__ import annotations

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import ORG, RDF, RDFS, XSD

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
