"""facts_to_graph: stable IRIs, merged spellings, hierarchy, events, evidence."""

from __future__ import annotations

import copy
import random

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV, RDF, RDFS, SKOS, XSD

from libkg.rdf.build import facts_to_graph
from libkg.rdf.namespaces import LKG, ROLE, SCHEMA, SEM
from libkg.resolve.iris import Minter
from libkg.resolve.resolver import local_identity


def _shuffled(facts, seed):
    f = copy.deepcopy(facts)
    rnd = random.Random(seed)
    for name in ("persons", "organizations", "positions", "events", "places"):
        rnd.shuffle(getattr(f, name))
    return f


def test_iris_and_triples_are_stable_and_order_independent(article, facts, base):
    g1 = facts_to_graph(article, facts, base, evidence=True)  # facts and their annotations
    g2 = facts_to_graph(article, facts, base, evidence=True)
    g3 = facts_to_graph(article, _shuffled(facts, 7), base, evidence=True)
    assert set(g1) == set(g2) == set(g3)
    assert len(g1) > 100
    assert all(str(s).startswith(base) for s in g1.subjects() if isinstance(s, URIRef)
               if not str(s).startswith("https://w3id.org/libkg/vocab/"))


def test_two_spellings_become_one_person_with_both_labels(article, facts, base):
    g = facts_to_graph(article, facts, base)
    persons = set(g.subjects(RDF.type, LKG.Person))
    assert len(persons) == 1
    (p,) = persons
    # the only person of that name: the IRI is the folded name's
    assert p == Minter(base).person("Hoàng Thị Thuý") == Minter(base).person("hoàng thị thúy")
    assert str(p).startswith(base + "id/person/hoang-thi-thuy-")
    assert set(g.objects(p, RDFS.label)) == {Literal("Hoàng Thị Thuý"), Literal("Hoàng Thị Thúy")}
    assert list(g.objects(p, SKOS.prefLabel)) == [Literal("Hoàng Thị Thúy")]
    assert list(g.objects(p, SKOS.altLabel)) == [Literal("Hoàng Thị Thuý")]
    assert (p, PROV.wasDerivedFrom, None) not in g  # the record (the graph) is derived, not the person


def test_position_node(article, facts, base):
    g = facts_to_graph(article, facts, base)
    (pos,) = g.subjects(RDF.type, LKG.Position)
    m = Minter(base)
    assert (pos, ORG.member, m.person("Hoàng Thị Thúy")) in g
    assert (pos, ORG.role, ROLE.Director) in g
    assert (pos, ORG.organization, m.org("Thư viện tỉnh Lào Cai")) in g
    assert (pos, LKG.attestedOn, Literal("2024-05-04", datatype=XSD.date)) in g  # publication date
    assert (pos, RDF.type, LKG.Position) in g
    assert (pos, RDF.type, ORG.Membership) not in g  # an alignment of the ontology, not repeated in data


def test_org_hierarchy_and_abbreviation_merge(article, facts, base):
    g = facts_to_graph(article, facts, base)
    m = Minter(base)
    lib, so = m.org("Thư viện tỉnh Lào Cai"), m.org("Sở VH,TT&DL tỉnh Lào Cai")
    assert so == m.org("Sở Văn hóa, Thể thao và Du lịch tỉnh Lào Cai")
    assert (lib, ORG.subOrganizationOf, so) in g
    assert not any(g.triples((None, SCHEMA.parentOrganization, None)))  # one property per relation
    assert (lib, RDF.type, LKG.Library) in g and (lib, RDF.type, LKG.Organization) in g  # libkg superclasses
    assert (lib, RDF.type, ORG.Organization) not in g
    assert (so, RDF.type, LKG.GovernmentBody) in g
    assert len(set(g.objects(so, RDFS.label))) == 2


def test_events_interval_subevent_counts_place(article, facts, base):
    g = facts_to_graph(article, facts, base)
    m = Minter(base)
    conf = m.event("t1", "Conference", "2024-05-02", "Hội nghị tổng kết")
    ws = m.event("t1", "Workshop", "2024-05", "Hội thảo chuyên đề")
    assert (conf, LKG.eventKind, URIRef("https://w3id.org/libkg/vocab/event-kind/Conference")) in g
    assert (conf, SCHEMA.startDate, Literal("2024-05-02", datatype=XSD.date)) in g
    assert (conf, SCHEMA.endDate, Literal("2024-05-03", datatype=XSD.date)) in g
    assert (ws, SCHEMA.startDate, Literal("2024-05", datatype=XSD.gYearMonth)) in g
    assert (conf, SCHEMA.subEvent, ws) in g
    # one property per relation: the synonyms are axioms of the ontology, not data
    for synonym in (SEM.hasSubEvent, SCHEMA.superEvent, SEM.hasPlace, SEM.hasActor):
        assert not any(g.triples((None, synonym, None))), synonym
    assert (conf, LKG.participantCount, Literal(120, datatype=XSD.integer)) in g
    city = local_identity(article, facts, base).place("TP. Lào Cai").iri
    assert (conf, SCHEMA.location, city) in g
    assert (conf, SCHEMA.attendee, m.person("Hoàng Thị Thúy")) in g
    assert (conf, SCHEMA.organizer, m.org("Thư viện tỉnh Lào Cai")) in g
    donation = m.event("t1", "BookDonation", "2024-05-03", "Trao tặng sách")
    assert (donation, LKG.bookCount, Literal(500, datatype=XSD.integer)) in g


def test_place_containment_keeps_city_and_province_apart(article, facts, base):
    g = facts_to_graph(article, facts, base)
    ident = local_identity(article, facts, base)
    city, province = ident.place("TP. Lào Cai", "City", "tỉnh Lào Cai").iri, ident.place("tỉnh Lào Cai").iri
    assert city != province and province == ident.place("Lào Cai", "Province").iri
    assert str(province) == base + "id/place/vn-63/10-lao-cai"  # the gazetteer unit of the article's date
    assert (city, LKG.within, province) in g and (city, SCHEMA.containedInPlace, province) not in g
    assert (city, LKG.placeKind, URIRef("https://w3id.org/libkg/vocab/place-kind/City")) in g


def test_evidence_is_one_web_annotation_per_sentence_with_checkable_offsets(article, facts, base):
    """Evidence: an oa:Annotation per sentence that states facts (not per mention), its bodies the
    facts read there, quote and position selectors into the text as read, that text with its digest."""
    import hashlib

    from libkg.rdf.build import facts_to_triples, text_iri
    from libkg.rdf.namespaces import OA

    built = facts_to_triples(article, facts, base)
    g, ev = facts_to_graph(article, facts, base), Graph()
    for t in built.evidence:
        ev.add(t)
    assert not any(p.startswith(str(OA)) for _, p, _ in g) and (None, LKG.evidence, None) not in g
    assert set(g) == set(built)  # the article graph holds no evidence
    text = text_iri(URIRef(base + "id/article/t1"))
    assert (text, PROV.wasDerivedFrom, URIRef(base + "id/article/t1")) in ev
    assert str(ev.value(text, LKG.contentDigest)) == "sha256:" + hashlib.sha256(article.text.encode()).hexdigest()
    stored = str(ev.value(text, SCHEMA.text))
    assert stored == article.text
    lib = Minter(base).org("Thư viện tỉnh Lào Cai")
    annotations = list(ev.subjects(RDF.type, OA.Annotation))
    sentences = []
    for ann in annotations:
        target = ev.value(ann, OA.hasTarget)
        assert ev.value(target, OA.hasSource) == text
        selectors = {ev.value(s, RDF.type): s for s in ev.objects(target, OA.hasSelector)}
        exact = str(ev.value(selectors[OA.TextQuoteSelector], OA.exact))
        start = ev.value(selectors[OA.TextPositionSelector], OA.start).toPython()
        end = ev.value(selectors[OA.TextPositionSelector], OA.end).toPython()
        assert stored[start:end] == exact  # every offset checks against the text
        sentences.append((start, end))
        assert set(ev.objects(ann, OA.hasBody))
    assert len(sentences) == len(set(sentences))  # one annotation per sentence
    about_lib = [a for a in annotations if (a, OA.hasBody, lib) in ev]
    quoted = {str(q) for a in about_lib for sel in ev.objects(ev.value(a, OA.hasTarget), OA.hasSelector)
              for q in ev.objects(sel, OA.exact)}
    assert about_lib and any("Thư viện tỉnh Lào Cai" in q for q in quoted)
    every_fact = [*g.subjects(RDF.type, LKG.Person), *g.subjects(RDF.type, LKG.Position),
                  *g.subjects(RDF.type, LKG.Event)]
    assert not any((s, PROV.wasDerivedFrom, None) in g for s in every_fact)
    bodies = set(ev.objects(None, OA.hasBody))
    assert all(s in bodies for s in every_fact)  # every fact is traceable to a sentence


def test_article_node(article, facts, base):
    g = facts_to_graph(article, facts, base)
    a = URIRef(base + "id/article/t1")
    assert (a, RDF.type, SCHEMA.NewsArticle) in g
    assert (a, SCHEMA.datePublished, Literal("2024-05-04", datatype=XSD.date)) in g
    assert str(g.value(a, SCHEMA.url)) == "https://example.vn/tin/1"


def test_base_from_environment(article, facts, monkeypatch):
    monkeypatch.setenv("LIBKG_BASE", "https://env.example/")
    g = facts_to_graph(article, facts)
    assert (URIRef("https://env.example/id/article/t1"), RDF.type, SCHEMA.NewsArticle) in g


def test_terms_are_written(article, facts, base):
    facts.events[0].term = "2024-2029"
    facts.positions[0].term = "2024-2029"
    g = facts_to_graph(article, facts, base)
    assert len(list(g.subjects(LKG["term"], Literal("2024-2029")))) == 2


def test_data_states_libkg_classes_and_other_vocabularies_come_from_the_ontology_graph():
    """Alignment types are not repeated in every article; a property path over the ontology finds them."""
    from libkg.api import MEMORY
    from libkg.api import open as open_kg

    with open_kg(MEMORY) as kg:
        kg.ingest(["samples/articles"])
        def count(where: str) -> int:
            return int(kg.query(f"SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {{ {where} }}").rows[0][0])

        direct = count("?p a schema:Person")
        via = count("?p a/rdfs:subClassOf* schema:Person")
        persons = count("?p a lkg:Person")
    assert direct == 0
    assert via == persons > 10


def test_the_article_graph_not_the_facts_is_derived_from_the_article(article, facts, base):
    """Record vs thing: no person, organisation, place, position or event is prov:wasDerivedFrom;
    the activity graph says the article graph is, and which run generated it when."""
    from libkg.rdf.provenance import activity_graph

    g = facts_to_graph(article, facts, base)
    m = Minter(base)
    derived = set(g.subjects(PROV.wasDerivedFrom, None))
    assert derived and all((s, RDF.type, LKG.PersonMention) in g for s in derived)  # mentions are records
    run = activity_graph(article, base, "2024-05-06T10:00:00+00:00")
    graph, src = m.graph("t1"), m.article("t1")
    assert (graph, PROV.wasDerivedFrom, src) in run and (graph, RDF.type, PROV.Entity) in run
    assert (graph, PROV.wasGeneratedBy, m.activity("t1")) in run
    assert (graph, PROV.generatedAtTime, Literal("2024-05-06T10:00:00+00:00", datatype=XSD.dateTime)) in run
    assert not any(p == PROV.generatedAtTime for _, p, _ in activity_graph(article, base))  # no clock by default
