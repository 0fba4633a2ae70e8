"""The shipped Turtle files parse and hold what code and extractor rely on."""

from __future__ import annotations

import unicodedata

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from libkg.rdf.namespaces import EVENT_KIND, LKG, ORG_KIND, PLACE_KIND, ROLE
from libkg.rdf.ontology import ontology, types_of
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
    assert {LKG.Person, LKG.Organization, LKG.Position, LKG.Event, LKG.Place, LKG.Evidence} <= classes
    for kind in ORG_KINDS[:-1]:
        assert (LKG[kind], RDFS.subClassOf, LKG.Organization) in g
    for cls in classes:
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
