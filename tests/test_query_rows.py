"""Each bundled query, run on the sample articles, returns what those articles say.

The facts checked here are stated plainly in the sample texts (article ids in
the comments), so a failure means a query or the pipeline behind it broke.
"""

from __future__ import annotations

import pytest

from libkg.normalize import fold, fold_person
from libkg.query.library import bind_params, get_query, list_queries


def rows(store, qname: str, /, **params: str) -> list[dict[str, str]]:
    q = get_query(qname)
    res = store.query(q.text, bindings=bind_params(q, params) or None)
    return [{str(v): (str(r[v]) if r[v] is not None else "") for v in res.vars} for r in res]


def test_positions_of_a_person_any_spelling(sample_store):
    # d01 "Bà Kiều Thuý Nga - Vụ Trưởng Vụ Thư viện", d18 "bà Kiều Thúy Nga, Vụ trưởng Vụ Thư viện"
    got = rows(sample_store, "positions", name="Kiều Thuý Nga")
    assert {(r["role"].lower(), r["organization"]) for r in got} == {("vụ trưởng", "Vụ Thư viện")}
    assert {r["article"] for r in got} >= {"d01", "d18"}


def test_positions_at_an_organization_over_time(sample_store):
    # d02 2019 Phó Giám đốc; d11 2022 appointed Giám đốc ("kể từ ngày 01/3/2022", the date the text
    # states, not the ceremony's 2022-03-09); d23/d30 Giám đốc
    got = rows(sample_store, "positions-at-organization", org="Thư viện tỉnh Yên Bái")
    hang = {r["role"]: r for r in got if fold_person(r["person"]) == fold_person("Hoàng Thị Thúy Hằng")}
    assert hang["Phó Giám đốc"]["first"] == "2019-04-20"
    assert hang["Giám đốc"]["first"] == "2022-03-01" and hang["Giám đốc"]["last"] >= "2025-04-21"


def test_person_timeline_in_date_order(sample_store):
    got = rows(sample_store, "person-timeline", name="Hoàng Thị Thuý Hằng")
    posts = [r["detail"] for r in got if r["what"] == "position"]
    assert posts.index("Phó Giám đốc — Thư viện tỉnh Yên Bái") < posts.index("Giám đốc — Thư viện tỉnh Yên Bái")
    dates = [r["from"] for r in got]
    assert dates == sorted(dates)


def test_events_conference_of_d01(sample_store):
    got = rows(sample_store, "events", kind="Conference")
    d01 = [r for r in got if r["article"] == "d01"]
    assert len(d01) == 1
    assert (d01[0]["start"], d01[0]["end"]) == ("2023-07-06", "2023-07-08")
    assert "Thái Nguyên" in d01[0]["place"]
    assert "Liên hiệp Thư viện các tỉnh miền núi phía Bắc" in d01[0]["organizers"]


def test_events_by_province_and_year(sample_store):
    got = rows(sample_store, "events-by-province-year", province="Thái Nguyên")
    assert any(r["year"] == "2023" and r["kind"] == "Conference" for r in got)
    assert {fold(r["province"]) for r in got} == {fold("Thái Nguyên")}


def test_institution_coparticipation(sample_store):
    # d23: the union's congress was held with Thư viện tỉnh Yên Bái; d01/d23/d30 more joint events
    got = rows(sample_store, "institution-coparticipation", minWeight="2")
    pairs = {frozenset((r["a"], r["b"])): int(r["weight"]) for r in got}
    assert pairs[frozenset(("Liên hiệp Thư viện các tỉnh miền núi phía Bắc", "Thư viện tỉnh Yên Bái"))] >= 2
    assert all(int(r["weight"]) >= 2 for r in got)


def test_people_together(sample_store):
    # d01: both attended the mid-term conference
    got = rows(sample_store, "people-together")
    pairs = {frozenset((fold_person(r["a"]), fold_person(r["b"]))) for r in got}
    assert frozenset((fold_person("Kiều Thúy Nga"), fold_person("Phạm Thị Bích Dung"))) in pairs


def test_organization_hierarchy(sample_store):
    got = {(r["child"], r["parent"]) for r in rows(sample_store, "organization-hierarchy")}
    assert ("Vụ Thư viện", "Bộ Văn hóa, Thể thao và Du lịch") in got  # d01
    assert ("Cục C10", "Bộ Công an") in got  # d01, d27


def test_sub_events_of_the_d01_conference(sample_store):
    got = [r for r in rows(sample_store, "sub-events") if r["start"] == "2023-07-06"]
    kinds = {r["kind"] for r in got}
    assert {"Visit", "Book donation"} <= kinds  # "Trong khuôn khổ Hội nghị ... trao tặng ... tham quan"


def test_fact_provenance_gives_the_sentences(sample_store):
    got = rows(sample_store, "fact-provenance", name="Kiều Thúy Nga")
    assert {r["article"] for r in got} >= {"d01", "d18"}
    assert all("Kiều" in r["sentence"] for r in got)


def test_union_events(sample_store):
    got = rows(sample_store, "union-events")
    mien_nui = [r for r in got if r["union"] == "Liên hiệp Thư viện các tỉnh miền núi phía Bắc"]
    assert {"2023-07-06", "2024-05-23"} <= {r["start"] for r in mien_nui}  # d01 conference, d23 congress


def test_organizations_by_kind(sample_store):
    got = {r["organization"]: r for r in rows(sample_store, "organizations")}
    assert got["Thư viện Quốc gia Việt Nam"]["kind"] == "Library"
    assert got["Hội Thư viện Việt Nam"]["kind"] == "Association"
    assert int(got["Hội Thư viện Việt Nam"]["articles"]) >= 2


def test_tenures_of_a_person(sample_store):
    # d02 2019 Phó Giám đốc; d11 appointed Giám đốc "kể từ ngày 01/3/2022" (a term that begins), d23/d30 Giám đốc
    got = rows(sample_store, "tenures", name="Hoàng Thị Thuý Hằng")
    terms = {(r["role"], r["organization"]): r for r in got}
    director = terms["Giám đốc", "Thư viện tỉnh Yên Bái"]
    assert director["begin"] == "2022-03-01" and director["end"] == "" and director["last"] >= "2025-04-21"
    assert terms["Phó Giám đốc", "Thư viện tỉnh Yên Bái"]["first"] == "2019-04-20"


def test_role_changes(sample_store):
    got = rows(sample_store, "role-changes")
    hang = [r for r in got if fold_person(r["person"]) == fold_person("Hoàng Thị Thúy Hằng")]
    assert any(r["before"].startswith("Phó Giám đốc —") and r["after"].startswith("Giám đốc —") for r in hang)


def test_places_and_containment(sample_store):
    got = {r["place"]: r for r in rows(sample_store, "places")}
    assert got["Buôn Ma Thuột"]["within"] == "Đắk Lắk"  # d19


def test_events_in_the_northern_midland_and_mountain_provinces(sample_store):
    # d02 (Yên Bái), d16 (Thái Nguyên), d17 (Hà Giang): provinces of Trung du và miền núi phía Bắc
    got = rows(sample_store, "events-in-region", region="Trung du và miền núi phía Bắc")
    assert {"Yên Bái", "Thái Nguyên", "Hà Giang"} <= {r["province"] for r in got}
    assert "Cần Thơ" not in {r["province"] for r in got}


def test_libraries_in_lao_cai_after_the_reform(sample_store):
    got = {r["library"] for r in rows(sample_store, "libraries-in-province", province="Lào Cai", asOf="current")}
    assert {"Thư viện tỉnh Lào Cai", "Thư viện tỉnh Yên Bái"} <= got


def test_places_merged_in_the_reform(sample_store):
    got = rows(sample_store, "places-merged-in-2025-reform")
    yb = [r for r in got if r["oldUnit"] == "Yên Bái"]
    assert yb and yb[0]["newUnit"] == "Lào Cai" and yb[0]["validUntil"] == "2025-06-30"
    assert "Thư viện tỉnh Yên Bái" in yb[0]["names"]


def test_possibly_same_persons_do_not_list_merged_people(sample_store):
    got = rows(sample_store, "possibly-same-persons")
    names = {fold_person(r["name"]) for r in got}
    assert fold_person("Hoàng Thị Thúy Hằng") not in names and fold_person("Kiều Thúy Nga") not in names


def test_entities_linked_carries_gazetteer_ids(sample_store):
    got = {r["entity"]: r for r in rows(sample_store, "entities-linked")}
    yen_bai = [r for e, r in got.items() if e.endswith("/vn-63/15-yen-bai")]
    assert yen_bai and yen_bai[0]["wikidata"] == "Q36349"  # vn-provinces.csv
    persons = [r for r in got.values() if r["type"] == "Person"]
    assert persons and not any(r["wikidata"] for r in persons)  # never linked on the name alone


def test_name_parameters_are_folded_to_the_stored_keys(sample_store):
    # the key kinds fold what a person types the way the graph folded the names it stores
    assert rows(sample_store, "person-timeline", name="bà HOÀNG THỊ THUÝ HẰNG") == \
        rows(sample_store, "person-timeline", name="Hoàng Thị Thúy Hằng")
    assert rows(sample_store, "positions-at-organization", org="TV tỉnh Yên Bái") == \
        rows(sample_store, "positions-at-organization", org="Thư viện tỉnh Yên Bái")
    assert rows(sample_store, "libraries-in-province", province="tỉnh Lào Cai", asOf="current") == \
        rows(sample_store, "libraries-in-province", province="Lào Cai", asOf="current")


def test_fact_provenance_finds_organisations_and_places_by_key(sample_store):
    org = rows(sample_store, "fact-provenance", name="TV tỉnh Yên Bái")
    assert org and {r["entity"] for r in org} == {"Thư viện tỉnh Yên Bái"} and {r["type"] for r in org} == {"Organization"}
    place = rows(sample_store, "fact-provenance", name="tỉnh Thái Nguyên")
    assert place and {r["type"] for r in place} == {"Place"}


def test_fact_provenance_with_only_the_name_bound_matches_labels_not_everything(sample_store):
    # a caller passing an rdflib term binds ?name alone (no derived keys): exact labels, never every entity
    from rdflib import Literal

    q = get_query("fact-provenance")
    exact = list(sample_store.query(q.text, bindings={"name": Literal("Kiều Thúy Nga")}))
    assert exact and {str(r.entity) for r in exact} == {"Kiều Thúy Nga"}
    assert not list(sample_store.query(q.text, bindings={"name": Literal("no such name")}))


def test_every_bundled_query_is_checked_here():
    checked = {"positions", "positions-at-organization", "person-timeline", "events", "events-by-province-year",
               "institution-coparticipation", "people-together", "organization-hierarchy", "sub-events",
               "fact-provenance", "union-events", "organizations", "role-changes", "places",
               "libraries-in-province", "places-merged-in-2025-reform", "possibly-same-persons",
               "entities-linked", "events-in-region", "tenures"}
    assert {q.name for q in list_queries()} == checked


@pytest.mark.parametrize("value", ['x" } } SELECT * { ?s ?p ?o } #', "}{", "<urn:x>", "\\u0022"])
def test_hostile_parameter_values_stay_literals(sample_store, value):
    assert rows(sample_store, "positions", name=value) == []


def test_events_kind_by_label_or_name(sample_store):
    # the parameter doc offers "BookDonation" (the kind's name) as well as its label "Book donation"
    by_name = rows(sample_store, "events", kind="BookDonation")
    assert by_name and {r["kind"] for r in by_name} == {"Book donation"}
    assert by_name == rows(sample_store, "events", kind="Book donation")
    assert by_name == rows(sample_store, "events", kind="trao tặng sách") == rows(sample_store, "events", kind="book donation")
    assert rows(sample_store, "events", kind="hoi nghi") == rows(sample_store, "events", kind="Conference") != []
    with pytest.raises(ValueError, match="'no such kind' is not an event kind"):
        rows(sample_store, "events", kind="no such kind")


def _tiny_store(turtle: str):
    from rdflib import Graph

    from libkg.rdf.namespaces import PREFIXES
    from libkg.store import EmbeddedStore

    g = Graph()
    g.parse(data="".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items()) + turtle, format="turtle")
    st = EmbeddedStore()
    st.replace_article("urn:g", g)
    return st


def test_possibly_same_persons_lists_each_sides_posts():
    st = _tiny_store("""
        <urn:h> a lkg:IdentityHypothesis ; lkg:score 0.7 ; lkg:reason "same name" ; lkg:candidate <urn:a> , <urn:b> .
        <urn:h2> a lkg:IdentityHypothesis ; lkg:score 0.2 ; lkg:reason "weak" ; lkg:candidate <urn:a> , <urn:c> .
        <urn:a> skos:prefLabel "Lê Văn A" . <urn:b> skos:prefLabel "Lê Văn A" . <urn:c> skos:prefLabel "Lê Văn A" .
        <urn:x1> org:member <urn:a> ; lkg:roleLabel "Giám đốc" ; org:organization <urn:o> .
        <urn:x2> org:member <urn:a> ; lkg:roleLabel "Phó Giám đốc" .
        <urn:x3> org:member <urn:c> ; lkg:roleLabel "Giám đốc" ; org:organization <urn:o> .
        <urn:o> skos:prefLabel "Thư viện tỉnh X" .
    """)
    with st:
        got = rows(st, "possibly-same-persons", minScore="0")
        assert [(r["b"], r["score"]) for r in got] == [("urn:b", "0.7"), ("urn:c", "0.2")]
        assert sorted(got[0]["postsA"].split("; ")) == ["Giám đốc — Thư viện tỉnh X", "Phó Giám đốc"]
        assert got[0]["postsB"] == ""  # no posts: unbound
        assert got[1]["postsB"] == "Giám đốc — Thư viện tỉnh X"
        assert [r["b"] for r in rows(st, "possibly-same-persons", minScore="0.5")] == ["urn:b"]


def test_positions_at_an_organization_count_articles_and_dates_apart():
    # three articles and two dates make 3 articles, first and last: not 6 rows' worth of either.
    # Each article's graph states the post; the graph (not the post) is derived from the article.
    from rdflib import Graph

    from libkg.rdf.namespaces import PREFIXES
    from libkg.store import EmbeddedStore

    head = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items())
    common = """
        <urn:o> a lkg:Organization ; lkg:nameKey "thư viện x" ; skos:prefLabel "Thư viện X" .
        <urn:p> skos:prefLabel "Lê Văn A" ."""
    x1 = '<urn:x1> a lkg:Position ; org:organization <urn:o> ; org:member <urn:p> ; lkg:roleLabel "Giám đốc" .'
    x2 = '<urn:x2> a lkg:Position ; org:organization <urn:o> ; org:member <urn:p> ; lkg:roleLabel "Phó Giám đốc" .'
    graphs = {"urn:g1": x1 + ' <urn:x1> lkg:attestedOn "2021-05-01"^^xsd:date .',
              "urn:g2": x1 + ' <urn:x1> lkg:attestedOn "2019-01-02"^^xsd:date .', "urn:g3": x1, "urn:g4": x2}
    st = EmbeddedStore()
    for i, (iri, body) in enumerate(graphs.items(), 1):
        st.replace_article(iri, Graph().parse(data=head + common + body, format="turtle"))
        st.replace_article(f"urn:run{i}", Graph().parse(
            data=head + f"<{iri}> prov:wasDerivedFrom <urn:a{i}> . <urn:a{i}> a schema:NewsArticle .", format="turtle"))
    with st:
        got = {r["role"]: r for r in rows(st, "positions-at-organization", org="Thư viện X")}
        assert (got["Giám đốc"]["first"], got["Giám đốc"]["last"], got["Giám đốc"]["articles"]) == \
            ("2019-01-02", "2021-05-01", "3")
        assert (got["Phó Giám đốc"]["first"], got["Phó Giám đốc"]["last"], got["Phó Giám đốc"]["articles"]) == \
            ("", "", "1")


def test_name_parameters_match_without_diacritics_through_the_api(sample_store):
    from libkg.api import KnowledgeGraph
    from libkg.query.names import AmbiguousName

    kg = KnowledgeGraph(sample_store, owns_store=False)

    def table(query: str, /, **params: str) -> list[tuple]:
        return [tuple(r) for r in kg.query(query, **params)]

    # d02, d11, d23: Hoàng Thị Thuý Hằng
    exact = table("person-timeline", name="Hoàng Thị Thuý Hằng")
    assert len(exact) > 3 and table("person-timeline", name="hoang thi thuy hang") == exact
    assert table("positions", name="HOANG THI THUY HANG") == table("positions", name="Hoàng Thị Thúy Hằng")
    # d01, d23: Thư viện tỉnh Lào Cai, typed without diacritics
    lao_cai = table("positions-at-organization", org="Thư viện tỉnh Lào Cai")
    assert lao_cai and table("positions-at-organization", org="thu vien tinh lao cai") == lao_cai
    assert table("libraries-in-province", province="lao cai", asOf="current") == \
        table("libraries-in-province", province="Lào Cai", asOf="current")
    assert table("events-by-province-year", province="thai nguyen") == \
        table("events-by-province-year", province="Thái Nguyên") != []
    assert table("fact-provenance", name="kieu thuy nga") == table("fact-provenance", name="Kiều Thúy Nga") != []
    assert table("events-in-region", region="mien nui phia bac") == \
        table("events-in-region", region="Trung du và miền núi phía Bắc") != []
    # a name that is nobody's stays nobody's; one that fits two different names is refused, not guessed
    assert table("person-timeline", name="nobody here") == []
    from rdflib import Graph

    ttl = """@prefix lkg: <https://w3id.org/libkg/ontology#> .
    <urn:x:ha> a lkg:Person ; lkg:nameKey "nguyễn thị hà" . <urn:x:ha2> a lkg:Person ; lkg:nameKey "nguyễn thị hạ" ."""
    from libkg.store import EmbeddedStore

    with EmbeddedStore() as st:
        st.replace_article("urn:g", Graph().parse(data=ttl, format="turtle"))
        two = KnowledgeGraph(st, owns_store=False)
        with pytest.raises(AmbiguousName, match="fits 2 different names"):
            two.query("positions", name="nguyen thi ha")
        assert len(two.query("positions", name="Nguyễn Thị Hạ")) == 0  # exact: no ambiguity (and no post)
