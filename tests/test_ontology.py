"""The shipped Turtle files parse and hold what code and extractor rely on."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from libkg.rdf.namespaces import EVENT_KIND, LKG, ORG_KIND, PLACE_KIND, ROLE
from libkg.rdf.ontology import ontology, schema_graph, types_of
from libkg.resources import ontology_dir
from libkg.vocab import event_kind, event_kinds, org_kinds, place_kinds, role_for, roles, trigger_words

EVENT_KINDS = ["Congress", "Conference", "Workshop", "Seminar", "Meeting", "Training", "Ceremony", "Festival",
               "Exhibition", "BookDonation", "Visit", "Competition", "SportsEvent", "Launch", "Other"]
ORG_KINDS = ["Library", "LibraryUnion", "Association", "GovernmentBody", "University", "School", "Company",
             "PoliticalBody", "MilitaryPolice", "Other"]
PLACE_KINDS = ["Province", "City", "District", "Commune", "Region", "Country", "Site", "Other"]


@pytest.mark.parametrize("name", ["libkg.ttl", "shapes.ttl", "vocab/roles.ttl", "vocab/event-kinds.ttl",
                                  "vocab/org-kinds.ttl", "vocab/place-kinds.ttl"])
def test_files_parse(name):
    g = Graph().parse(ontology_dir() / name, format="turtle")
    assert len(g) > 20


def test_ontology_classes_aligned_and_labelled_in_both_languages():
    g = ontology()
    classes = set(g.subjects(RDF.type, OWL.Class))
    assert {LKG.Person, LKG.Organization, LKG.Position, LKG.Event, LKG.Place, LKG.PersonMention} <= classes
    for kind in ORG_KINDS[:-1]:
        assert (LKG[kind], RDFS.subClassOf, LKG.Organization) in g
    for cls in (c for c in classes if str(c).startswith(str(LKG))):
        langs = {o.language for o in g.objects(cls, RDFS.label)}
        assert {"en", "vi"} <= langs, cls
    assert "http://xmlns.com/foaf/0.1/Person" in {str(c) for c in types_of(LKG.Person)}
    assert "http://www.w3.org/ns/org#Membership" in {str(c) for c in types_of(LKG.Position)}
    assert {"http://semanticweb.cs.vu.nl/2009/11/sem/Event", "https://schema.org/Event"} <= {
        str(c) for c in types_of(LKG.Event)}


def test_every_event_kind_exists_under_its_kind_name():
    for name in EVENT_KINDS:
        c = event_kinds().concept(name)
        assert c == EVENT_KIND[name]
        assert event_kinds().pref_label(c, "vi") and event_kinds().pref_label(c, "en")
    assert set(event_kinds().local_name(c) for c in event_kinds().concepts) == set(EVENT_KINDS)
    assert event_kind("no such kind") == EVENT_KIND.Other


def test_org_and_place_kinds_exist():
    assert {org_kinds().local_name(c) for c in org_kinds().concepts} == set(ORG_KINDS)
    assert {place_kinds().local_name(c) for c in place_kinds().concepts} == set(PLACE_KINDS)
    assert org_kinds().concept("Library") == ORG_KIND.Library
    assert place_kinds().concept("Province") == PLACE_KIND.Province


def test_each_role_has_vi_and_en_preflabel():
    v = roles()
    assert len(v.concepts) >= 35
    for c in v.concepts:
        assert v.pref_label(c, "vi"), c
        assert v.pref_label(c, "en"), c


def test_role_families_and_abbreviations():
    g = roles().graph
    assert (ROLE.DeputyDirector, SKOS.broader, ROLE["Director-family"]) in g
    assert (ROLE.Director, SKOS.broader, ROLE["Director-family"]) in g
    assert role_for("PGĐ") == ROLE.DeputyDirector
    assert role_for("GĐ") == ROLE.Director
    assert role_for("PCT") == ROLE.ViceChair
    assert role_for("Phó Giám đốc phụ trách") == ROLE.DeputyDirectorInCharge
    assert role_for("Uỷ viên Ban Thường trực") == ROLE.StandingCommitteeMember  # old tone placement
    assert role_for("Trưởng phòng Nghiệp vụ") == ROLE.DivisionHead
    assert role_for("pho giam doc") == ROLE.DeputyDirector
    assert role_for("Kế toán trưởng") is None


def test_labels_are_clean_nfc_single_forms():
    for v in (roles(), event_kinds(), org_kinds(), place_kinds()):
        for p in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
            for o in v.graph.objects(None, p):
                if not (isinstance(o, Literal) and o.language == "vi"):
                    continue
                assert unicodedata.normalize("NFC", str(o)) == str(o)
                assert str(o) == str(o).strip() and "/" not in str(o) and ";" not in str(o)
                assert "," not in str(o)


def test_trigger_words_come_from_the_vocabulary():
    words = trigger_words(event_kinds())
    assert words["Conference"][0] == "hội nghị"
    assert "bồi dưỡng" in words["Training"]
    assert "khai trương" in words["Launch"]


# ------------------------------------------------ OWL 2 DL: a real reasoner and the profile checker

LKG_ONTOLOGY = URIRef("https://w3id.org/libkg/ontology")
BUILTIN = ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://www.w3.org/2000/01/rdf-schema#",
           "http://www.w3.org/2002/07/owl#", "http://www.w3.org/2001/XMLSchema#")
#: xsd:date, xsd:gYearMonth and xsd:gYear are outside the OWL 2 datatype map: HermiT refuses them, so the
#: reasoner reads the data without its date literals (the SHACL shapes check those).
NOT_OWL2_DATATYPES = {XSD.date, XSD.gYearMonth, XSD.gYear}


def _owl_document(graph: Graph, path: Path) -> Path:
    graph.serialize(path, format="xml")
    return path


def _store_data(store) -> Graph:
    """The store's article, run, identity and gazetteer graphs (not the ontology graph) as one graph."""
    g = Graph()
    for s, p, o, c in store.to_dataset().quads((None, None, None, None)):
        if not str(c).endswith("graph/ontology"):
            g.add((s, p, o))
    return g


@pytest.fixture(scope="module")
def linked_data(tmp_path_factory, samples_dir) -> Graph:
    """Every graph libkg writes but the ontology's: the samples ingested and `libkg link --offline`ed."""
    from libkg.store import open_store

    store = tmp_path_factory.mktemp("owl") / "store"
    env = {k: v for k, v in os.environ.items() if k not in ("LIBKG_STORE", "LIBKG_BASE")}
    libkg = str(Path(sys.executable).parent / "libkg")
    for args in (["ingest", str(samples_dir), "-q"], ["link", "--offline"]):
        r = subprocess.run([libkg, *args, "--store", str(store)], capture_output=True, text=True, env=env,
                           timeout=600)
        assert r.returncode == 0, r.stdout + r.stderr
    with open_store(store) as st:
        g = _store_data(st)
    assert (None, OWL.annotatedSource, None) in g  # the authority links' graph is there
    return g


def _hermit(graph: Graph, tmp_path: Path) -> list:
    """Run HermiT (owlready2's) on ``graph``; the unsatisfiable classes; raises if inconsistent."""
    owlready2 = pytest.importorskip("owlready2")
    if shutil.which("java") is None:
        pytest.skip("HermiT needs Java: apt-get install default-jre-headless (scripts/setup.sh test does)")
    g = Graph()
    for t in graph:
        if not (isinstance(t[2], Literal) and t[2].datatype in NOT_OWL2_DATATYPES):
            g.add(t)
    doc = tmp_path / "reason.nt"
    g.serialize(doc, format="nt", encoding="utf-8")
    world = owlready2.World()
    # N-Triples named, not guessed: owlready2 guesses from the first 1,000 bytes and takes a first line longer
    # than that (a long literal, in whatever order the graph serialises) for RDF/XML
    world.get_ontology(doc.as_uri()).load(format="ntriples")
    owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    return list(world.inconsistent_classes())


def test_hermit_finds_the_ontology_and_vocabularies_consistent(tmp_path):
    assert _hermit(schema_graph(), tmp_path) == []


def test_hermit_finds_the_linked_sample_store_consistent_with_the_ontology(linked_data, tmp_path):
    g = schema_graph()
    assert len(linked_data) > 10000
    for t in linked_data:
        g.add(t)
    assert _hermit(g, tmp_path) == []


def test_hermit_detects_an_inconsistency(tmp_path):
    """The reasoner test can fail: an individual of two disjoint classes is reported."""
    owlready2 = pytest.importorskip("owlready2")
    g = schema_graph()
    x = URIRef("https://example.org/x")
    g.add((LKG.Person, OWL.disjointWith, LKG.Event))
    g.add((x, RDF.type, LKG.Person))
    g.add((x, RDF.type, LKG.Event))
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        _hermit(g, tmp_path)


def _dl_profile(graph: Graph, tmp_path: Path) -> subprocess.CompletedProcess:
    owlready2 = pytest.importorskip("owlready2")
    jars = sorted(Path(owlready2.__file__).parent.glob("pellet/owlapi-distribution-*.jar"))
    if not jars or shutil.which("javac") is None:
        pytest.skip("the OWL 2 DL profile check runs the OWL API from owlready2 as a Java source program: "
                    "it needs a JDK (apt-get install default-jdk-headless)")
    doc = _owl_document(graph, tmp_path / "ontology.owl")
    return subprocess.run(["java", "-cp", str(jars[-1]), str(Path(__file__).parent / "owl" / "DLProfile.java"),
                           str(doc)], capture_output=True, text=True, timeout=300)


def test_ontology_vocabularies_and_sample_data_are_in_the_owl2_dl_profile(linked_data, tmp_path):
    g = schema_graph()
    for t in linked_data:
        g.add(t)
    r = _dl_profile(g, tmp_path)
    assert r.returncode == 0 and "OWL 2 DL: in profile" in r.stdout, r.stdout[-3000:] + r.stderr[-2000:]


def test_the_profile_check_reports_a_datatype_property_under_an_annotation_property(tmp_path):
    g = schema_graph()
    g.add((LKG.roleLabel, RDFS.subPropertyOf, RDFS.label))  # what 0.2.0 had
    r = _dl_profile(g, tmp_path)
    assert r.returncode == 1 and "roleLabel" in r.stdout, r.stdout[-3000:]


def test_no_lkg_property_is_a_subproperty_of_another_kind():
    g = schema_graph()
    kinds = {}
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty):
        for p in g.subjects(RDF.type, kind):
            kinds.setdefault(p, set()).add(kind)
    assert all(len(k) == 1 for k in kinds.values()), {p: k for p, k in kinds.items() if len(k) > 1}
    for p, sup in g.subject_objects(RDFS.subPropertyOf):
        assert kinds.get(p) == kinds.get(sup), (p, sup)
    assert (LKG.successorOf, RDFS.subPropertyOf, None) not in g


def test_every_outside_term_used_is_declared(linked_data):
    """Classes and properties of the ontology, the vocabularies and the data are declared with a kind."""
    g = schema_graph()
    declared = set(g.subjects(RDF.type, None))
    used = set()
    for graph in (g, linked_data):
        for s, p, o in graph:
            used.add(p)
            if p == RDF.type or p in (RDFS.subClassOf, RDFS.domain, RDFS.range):
                used.add(o)
            if p in (RDFS.subClassOf, RDFS.subPropertyOf):
                used.add(s)
    missing = sorted(str(t) for t in used if isinstance(t, URIRef) and not str(t).startswith(BUILTIN)
                     and t not in declared)
    assert missing == []


def test_every_term_is_defined_by_its_ontology_or_scheme_and_the_ontology_is_versioned():
    g = schema_graph()
    version = next(g.objects(LKG_ONTOLOGY, OWL.versionIRI))
    info = str(next(g.objects(LKG_ONTOLOGY, OWL.versionInfo)))
    assert str(version) == f"https://w3id.org/libkg/ontology/{info}"
    assert (LKG_ONTOLOGY, URIRef("http://purl.org/dc/terms/license"), None) in g
    terms = {s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(str(LKG))}
    assert len(terms) > 50
    for t in terms:
        assert (t, RDFS.isDefinedBy, LKG_ONTOLOGY) in g, t
    for c in g.subjects(RDF.type, SKOS.Concept):
        (scheme,) = g.objects(c, SKOS.inScheme)
        assert (c, RDFS.isDefinedBy, scheme) in g, c


def test_unused_terms_are_gone():
    g = ontology()
    for name in ("Participation", "hasParticipation", "participant", "participationRole", "topic"):
        assert (LKG[name], None, None) not in g, name
    # OWL-Time only for tenures (org:memberDuring): the interval, its instants and their dates
    time_terms = {str(o) for o in g.objects() if str(o).startswith("http://www.w3.org/2006/time#")}
    assert time_terms <= {"http://www.w3.org/2006/time#" + t for t in ("", "TemporalEntity")}, time_terms
