"""How entity pages read, on hand-made views (no store): labels once, in the page's language, and
highlighting that finds names whatever their diacritics, and stays escaped."""

from __future__ import annotations

from libkg.serve.entity_view import fold_chars, highlight_spans, readable_facts, title_of
from libkg.serve.pages import EntityView

HON = "https://schema.org/honorificPrefix"
KIND = "https://w3id.org/libkg/ontology#placeKind"
PK = "https://w3id.org/libkg/vocab/place-kind/Province"


def test_case_duplicates_and_label_languages_collapse():
    v = EntityView("https://w3id.org/libkg/id/person/x")
    v.facts = [(HON, "Bà", {}, False), (HON, "bà", {}, False), (KIND, PK, {"vi": "tỉnh", "en": "Province"}, True)]
    names = {"https://w3id.org/libkg/ontology#placeKind": {"vi": "loại địa danh", "en": "place kind"}}
    vi = readable_facts(v, "vi", names)
    assert [f[1] for f in vi if f[1].lower() == "bà"] == ["Bà"]
    assert ("loại địa danh", PK, "tỉnh", True) in vi
    en = readable_facts(v, "en", names)
    assert ("place kind", PK, "Province", True) in en and len(en) == 2


def test_titles_come_from_labels_not_hashes():
    v = EntityView("https://w3id.org/libkg/id/position/p/5a3c527b2815")
    v.facts = [("https://w3id.org/libkg/ontology#roleLabel", "Giám đốc", {}, False),
               ("http://www.w3.org/ns/org#organization", "https://w3id.org/libkg/id/org/a", {"": "Thư viện A"}, True)]
    assert title_of(v, "vi") == "Giám đốc — Thư viện A"
    bare = EntityView("https://w3id.org/libkg/id/thing/5a3c527b2815")
    assert title_of(bare, "vi") == "5a3c527b2815"  # nothing has a label: the IRI's end


def test_highlight_finds_names_across_tone_placement_and_escapes():
    html = str(highlight_spans("Bà Kiều Thuý Nga <b>và</b> THƯ VIỆN HÀ NỘI.", ["Kiều Thúy Nga", "Thư viện Hà Nội"]))
    assert "<mark>Kiều Thuý Nga</mark>" in html and "<mark>THƯ VIỆN HÀ NỘI</mark>" in html
    assert "&lt;b&gt;và&lt;/b&gt;" in html and "<b>" not in html
    assert len(fold_chars("Đặng Thị Hoà")) == len("Đặng Thị Hoà") and fold_chars("Đặng") == "dang"


def test_lineage_reads_a_succession_stated_either_way():
    from libkg.serve.entity_view import lineage_banner

    lkg = "https://w3id.org/libkg/ontology#"
    old, new = "https://w3id.org/libkg/id/place/vn-63/02-ha-giang", "https://w3id.org/libkg/id/place/vn-34/08-tuyen-quang"
    before = EntityView(old, types=[lkg + "Place"])
    before.facts = [(lkg + "validUntil", "2025-06-30", {}, False)]
    before.incoming = [(new, lkg + "successorOf", "Tuyên Quang")]  # only the new unit says it
    banner = lineage_banner(before, "vi")
    assert banner["era"] == "before" and banner["next"] == [(new, "Tuyên Quang")]
    after = EntityView(new, types=[lkg + "Place"])
    after.facts = [(lkg + "validFrom", "2025-07-01", {}, False)]
    after.incoming = [(old, lkg + "mergedInto", "Hà Giang")]  # only the old unit says it
    banner = lineage_banner(after, "vi")
    assert banner["era"] == "after" and banner["before"] == [(old, "Hà Giang")]
