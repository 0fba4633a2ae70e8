"""Statistical regions: every provincial unit of each era in exactly one region, loaded into the
gazetteer graph, so that "events in the northern midland and mountain provinces" is one query."""

from __future__ import annotations

import csv
from collections import Counter

import pytest
from rdflib.namespace import RDF, SKOS

from libkg.query.library import bind_params, get_query
from libkg.rdf.namespaces import LKG
from libkg.rdf.reference import gazetteer_graph, region_iri
from libkg.rdf.validate import validate
from libkg.resolve.places import gazetteer
from libkg.resources import data_file, read_tsv

BASE = "https://w3id.org/libkg/"


def test_every_unit_of_each_era_is_in_exactly_one_of_the_six_regions():
    regions = {row[0] for row in read_tsv("gazetteer", "vn-regions-statistical.tsv")}
    assert len(regions) == 6
    rows = read_tsv("gazetteer", "vn-region-members.tsv")
    assert {r[0] for r in rows} == regions
    members = Counter((era, gso) for _, era, gso, *_ in rows)
    assert max(members.values()) == 1
    units = {(u.era, u.gso) for u in gazetteer(BASE).units}
    assert set(members) == units and len(units) == 63 + 34
    sizes = Counter((era, key) for key, era, *_ in rows)
    assert sizes[("vn-63", "northern-midlands-mountains")] == 14
    assert sizes[("vn-34", "northern-midlands-mountains")] == 9


def test_a_post_reform_unit_is_in_the_region_of_the_unit_it_continues():
    with data_file("gazetteer", "vn-provinces.csv").open(encoding="utf-8") as fh:
        continues = {r["successor_gso_code"]: r["gso_code"] for r in csv.DictReader(fh) if r["change"] == "replaces"}
    region = {(era, gso): key for key, era, gso, *_ in read_tsv("gazetteer", "vn-region-members.tsv")}
    for new, old in continues.items():
        assert region[("vn-34", new)] == region[("vn-63", old)], new


def test_regions_are_in_the_gazetteer_graph_and_conform():
    g = gazetteer_graph(BASE)
    north = region_iri("vn-63", "northern-midlands-mountains", BASE)
    assert (north, RDF.type, LKG.Region) in g and (north, RDF.type, LKG.Place) in g
    assert str(g.value(north, SKOS.prefLabel)) == "Trung du và miền núi phía Bắc"
    yen_bai = gazetteer(BASE).province("Yên Bái", "2023-01-01").iri
    assert (yen_bai, LKG.inRegion, north) in g
    assert len(set(g.subjects(LKG.inRegion, None))) == 97
    conforms, report = validate(g)
    assert conforms, report


def test_a_unit_in_two_regions_fails_validation():
    g = gazetteer_graph(BASE)
    yen_bai = gazetteer(BASE).province("Yên Bái", "2023-01-01").iri
    g.add((yen_bai, LKG.inRegion, region_iri("vn-63", "red-river-delta", BASE)))
    conforms, report = validate(g)
    assert not conforms and "exactly one lkg:inRegion" in report


@pytest.mark.parametrize("name", ["Trung du và miền núi phía Bắc", "miền núi phía bắc", "Trung du, miền núi phía Bắc"])
def test_events_in_region_returns_the_northern_provinces_events(sample_store, name):
    q = get_query("events-in-region")
    rows = list(sample_store.query(q.text, bindings=bind_params(q, {"region": name})))
    provinces = {str(r.province) for r in rows}
    assert len(rows) > 20
    assert {"Yên Bái", "Lạng Sơn", "Thái Nguyên", "Hà Giang"} <= provinces
    assert not provinces & {"Cần Thơ", "Hà Nội", "Hồ Chí Minh"}
    assert {str(r.region) for r in rows} == {"Trung du và miền núi phía Bắc"}


def test_events_in_region_keeps_regions_apart(sample_store):
    q = get_query("events-in-region")
    rows = list(sample_store.query(q.text, bindings=bind_params(q, {"region": "Đồng bằng sông Cửu Long"})))
    assert rows and {str(r.region) for r in rows} == {"Đồng bằng sông Cửu Long"}
    assert "Yên Bái" not in {str(r.province) for r in rows}


def test_the_api_finds_a_region_typed_without_diacritics(sample_store):
    from libkg.api import KnowledgeGraph

    kg = KnowledgeGraph(sample_store, owns_store=False)
    plain = [tuple(r) for r in kg.query("events-in-region", region="trung du va mien nui phia bac")]
    assert plain and plain == [tuple(r) for r in kg.query("events-in-region", region="Trung du và miền núi phía Bắc")]
