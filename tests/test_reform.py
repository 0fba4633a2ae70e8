"""Places through the 2025 province reform: gazetteer graph, resolution by date, queries."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import SKOS

from libkg.extract.facts import Facts, Organization, Place
from libkg.ingest.write import load_reference_data
from libkg.query.library import bind_params, get_query
from libkg.rdf.build import facts_to_graph
from libkg.rdf.namespaces import DEFAULT_BASE, LKG, SCHEMA
from libkg.rdf.reference import gazetteer_graph
from libkg.read.article import Article
from libkg.resolve.organizations import org_key
from libkg.resolve.places import Gazetteer
from libkg.resolve.resolver import local_identity
from libkg.store import EmbeddedStore

OLD_YB = URIRef(DEFAULT_BASE + "id/place/vn-63/15-yen-bai")
OLD_LC = URIRef(DEFAULT_BASE + "id/place/vn-63/10-lao-cai")
NEW_LC = URIRef(DEFAULT_BASE + "id/place/vn-34/15-lao-cai")


def test_gazetteer_graph_models_validity_succession_and_wikidata():
    g = gazetteer_graph()
    assert (OLD_YB, LKG.validUntil, Literal("2025-06-30", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date"))) in g
    assert (OLD_YB, LKG.mergedInto, NEW_LC) in g and (NEW_LC, LKG.successorOf, OLD_YB) in g
    assert (OLD_LC, LKG.succeededBy, NEW_LC) in g and (OLD_LC, LKG.mergedInto, NEW_LC) not in g
    assert (NEW_LC, LKG.validFrom, None) in g
    assert (OLD_YB, LKG.wikidataId, Literal("Q36349")) in g
    # an item only old Yên Bái has is an exact match; Lào Cai's item spans both eras: close match
    assert (OLD_YB, SKOS.exactMatch, URIRef("http://www.wikidata.org/entity/Q36349")) in g
    assert (NEW_LC, SKOS.closeMatch, URIRef("http://www.wikidata.org/entity/Q36446")) in g
    assert len(set(g.subjects(LKG.validUntil, None))) == 63
    assert len(set(g.subjects(LKG.validFrom, None))) == 34


def test_a_name_resolves_to_the_unit_of_the_articles_date():
    gz = Gazetteer()
    assert gz.province("tỉnh Thái Nguyên", "2023-01-01") == gz.province("Thái Nguyên", "2023-01-01")
    assert gz.province("TN", "2023-01-01", context=("thái nguyên",)).name == "Thái Nguyên"
    assert gz.province("TN", "2023-01-01") is None  # Thái Nguyên or Tây Ninh: not without context
    assert gz.province("Lào Cai", "2023-05-26").iri == OLD_LC
    assert gz.province("Lào Cai", "2025-08-01").iri == NEW_LC
    assert gz.province("Yên Bái", "2025-08-01").iri == OLD_YB  # no later unit of that name


def test_org_keys_and_location():
    assert org_key("Thư viện tỉnh Yên Bái") == org_key("Thư viện Yên Bái") == org_key("TV tỉnh Yên Bái")
    assert org_key("Sở VHTTDL tỉnh Lào Cai") == org_key("Sở Văn hoá, Thể thao và Du lịch tỉnh Lào Cai")
    art = Article("r1", "Thư viện tỉnh Yên Bái và TV tỉnh Yên Bái tại tỉnh Thái Nguyên.", published="2023-03-01")
    facts = Facts("r1", organizations=[Organization("Thư viện tỉnh Yên Bái", "Library"),
                                       Organization("TV tỉnh Yên Bái", "Library")],
                  places=[Place("Thái Nguyên", "Province", "Việt Nam")])
    g = facts_to_graph(art, facts)
    (lib,) = set(g.subjects(LKG.orgKind, None))
    assert (lib, SCHEMA.location, OLD_YB) in g
    assert local_identity(art, facts).place("Thái Nguyên").iri == URIRef(DEFAULT_BASE + "id/place/vn-63/19-thai-nguyen")


def test_reference_data_loads_once():
    with EmbeddedStore(None) as st:
        assert load_reference_data(st) > 1000
        n = st.triple_count()
        assert load_reference_data(st) == 0 and st.triple_count() == n


def _rows(store, qname, **params):
    q = get_query(qname)
    return list(store.query(q.text, bindings=bind_params(q, params) or None))


def test_libraries_in_todays_lao_cai_include_the_yen_bai_library(sample_store):
    now = {str(r.library) for r in _rows(sample_store, "libraries-in-province", province="Lào Cai", asOf="current")}
    assert {"Thư viện tỉnh Yên Bái", "Thư viện tỉnh Lào Cai"} <= now
    then = {str(r.library) for r in _rows(sample_store, "libraries-in-province", province="Lào Cai",
                                          asOf="2023-06-01")}
    assert "Thư viện tỉnh Lào Cai" in then and "Thư viện tỉnh Yên Bái" not in then
    yb = {str(r.library) for r in _rows(sample_store, "libraries-in-province", province="Yên Bái",
                                        asOf="2023-06-01")}
    assert yb == {"Thư viện tỉnh Yên Bái"}


def test_places_merged_in_the_reform_list_institutions(sample_store):
    rows = _rows(sample_store, "places-merged-in-2025-reform")
    yb = [r for r in rows if str(r.oldUnit) == "Yên Bái"]
    assert len(yb) == 1 and str(yb[0].newUnit) == "Lào Cai" and str(yb[0].change) == "merged into"
    assert "Thư viện tỉnh Yên Bái" in str(yb[0].names)


def test_person_timeline_is_in_date_order_with_first_and_last(sample_store):
    rows = [r for r in _rows(sample_store, "person-timeline", name="hoàng thị thuý hằng") if str(r.what) == "position"]
    froms = [str(r["from"]) for r in rows]
    assert froms == sorted(froms)
    director = next(r for r in rows if str(r.detail) == "Giám đốc — Thư viện tỉnh Yên Bái")
    assert (str(director.first), str(director.last), str(director.start)) == ("2022-03-01", "2025-04-21", "2022-03-01")
