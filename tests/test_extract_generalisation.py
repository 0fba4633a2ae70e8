"""Genre knowledge in the data files (lexicons, gazetteers) that carries to unseen articles.

Every sentence here is invented for the test; none is taken from the dev or held-out corpus.
One test per data improvement, each asserting the facts the rule extractor finds.
"""

from libkg.extract import RuleExtractor
from libkg.read import article_from_text

_EX = RuleExtractor()


def facts(body, published="2024-05-01"):
    art = article_from_text("Tiêu đề bài viết\n\n" + body, id="g1", published=published)
    return _EX(art).to_gold()


def places(body):
    return {(p["name"], p["kind"]) for p in facts(body)["places"]}


def orgs(body):
    return {o["name"] for o in facts(body)["organizations"]}


def positions(body):
    return {(p["person"], p["role"], p["organization"]) for p in facts(body)["positions"]}


def events(body):
    return {(e["kind"], e["start"]) for e in facts(body)["events"]}


# --------------------------------------------------------------------------- gazetteer


def test_province_spellings_with_the_other_tone_placement_without_prefix():
    # place-aliases.tsv: "Thanh Hoá", "Khánh Hoà" (old placement), "Hòa Bình" (new placement)
    got = places("Ngày 3/3/2024, đoàn công tác đã đến làm việc tại Thanh Hoá, tại Khánh Hoà và tại Hòa Bình.")
    assert {("Thanh Hoá", "Province"), ("Khánh Hoà", "Province"), ("Hòa Bình", "Province")} <= got


def test_ho_chi_minh_city_abbreviation_variants():
    # place-aliases.tsv: "Tp.HCM", "Tp. HCM", "Tp HCM" ("TP. HCM" is read after its prefix)
    assert ("Tp.HCM", "City") in places("Ngày 1/6/2024, Hội Thư viện tổ chức hội thảo tại Tp.HCM.")
    assert ("Tp. HCM", "City") in places("Ngày 1/6/2024, Hội Thư viện tổ chức hội thảo tại Tp. HCM.")


def test_countries_beyond_the_neighbours():
    # countries.tsv: the world's countries with Vietnamese names and transliterations
    got = places("Năm 2023, đoàn cán bộ thư viện đã sang Thụy Điển, đến Ba Lan và làm việc tại nước Ý.")
    assert {("Thụy Điển", "Country"), ("Ba Lan", "Country"), ("Ý", "Country")} <= got


def test_country_alias_gives_the_canonical_name():
    assert ("Ý", "Country") in places("Năm 2022, Thư viện tỉnh cử cán bộ sang Italia học tập kinh nghiệm.")


# --------------------------------------------------------------------------- organisations and roles


def test_union_of_associations_and_labour_federation():
    body = ("Ngày 3/3/2024, ông Nguyễn Văn An, Chủ tịch Liên hiệp các Hội Văn học Nghệ thuật tỉnh Nam Định, "
            "và bà Trần Thị Bình, Phó Chủ tịch Liên đoàn Lao động tỉnh Nam Định, dự buổi lễ.")
    got = positions(body)
    assert ("Nguyễn Văn An", "Chủ tịch", "Liên hiệp các Hội Văn học Nghệ thuật tỉnh Nam Định") in got
    assert ("Trần Thị Bình", "Phó Chủ tịch", "Liên đoàn Lao động tỉnh Nam Định") in got


def test_more_institution_heads():
    # org_heads.tsv: Bệnh viện, Hiệp hội, Nhà Thiếu nhi; "Bảo tàng tỉnh X" with an empty body
    body = ("Ngày 4/3/2024, ông Hoàng Văn Em, Giám đốc Nhà Thiếu nhi tỉnh Ninh Bình, ông Đỗ Văn Giang, "
            "Chủ tịch Hiệp hội Du lịch tỉnh Ninh Bình, ông Lê Văn Cường, Giám đốc Bệnh viện Đa khoa tỉnh "
            "Ninh Bình và ông Lò Văn Sơn, Giám đốc Bảo tàng tỉnh Ninh Bình tham dự.")
    got = positions(body)
    assert ("Hoàng Văn Em", "Giám đốc", "Nhà Thiếu nhi tỉnh Ninh Bình") in got
    assert ("Đỗ Văn Giang", "Chủ tịch", "Hiệp hội Du lịch tỉnh Ninh Bình") in got
    assert ("Lê Văn Cường", "Giám đốc", "Bệnh viện Đa khoa tỉnh Ninh Bình") in got
    assert ("Lò Văn Sơn", "Giám đốc", "Bảo tàng tỉnh Ninh Bình") in got


def test_trade_union_and_youth_cell_of_an_organisation():
    # org_heads.tsv: Công đoàn / Chi đoàn followed by the body they belong to
    body = ("Ngày 6/3/2024, bà Đặng Thị Nga, Chủ tịch Công đoàn Thư viện Quốc gia Việt Nam, và ông Lý Văn "
            "Phúc, Bí thư Chi đoàn Thư viện tỉnh Cao Bằng, dự lễ ra mắt.")
    got = positions(body)
    assert ("Đặng Thị Nga", "Chủ tịch", "Công đoàn Thư viện Quốc gia Việt Nam") in got
    assert ("Lý Văn Phúc", "Bí thư", "Chi đoàn Thư viện tỉnh Cao Bằng") in got


def test_party_cell_short_mention_takes_the_full_name():
    # org_heads.tsv: "Chi bộ" alone is a short mention of the cell named before
    body = ("Sáng 12/3/2024, Chi bộ Thư viện tỉnh Điện Biên tổ chức Đại hội lần thứ V. Đồng chí Lò Văn "
            "Phong, Giám đốc Thư viện tỉnh, được bầu giữ chức Bí thư Chi bộ.")
    assert ("Lò Văn Phong", "Bí thư", "Chi bộ Thư viện tỉnh Điện Biên") in positions(body)


def test_club_names_and_their_parent_school():
    # org_heads.tsv: a club's name may open with a bare capitalised word ("CLB Thơ") and the club
    # belongs to the organisation named right after it
    body = "Ngày 9/3/2024, bà Quàng Thị Mai, Chủ nhiệm Câu lạc bộ Thơ Trường Đại học Tây Bắc, tham dự."
    assert ("Quàng Thị Mai", "Chủ nhiệm", "Câu lạc bộ Thơ Trường Đại học Tây Bắc") in positions(body)
    assert "Trường Đại học Tây Bắc" in orgs(body)


def test_national_assembly_committee_name_with_comma():
    # org_heads.tsv "Ủy ban"; org_phrases.txt "Văn hóa, Giáo dục"
    body = "Ngày 5/3/2024, ông Bùi Văn Minh, Phó Chủ nhiệm Ủy ban Văn hóa, Giáo dục đến thăm Thư viện tỉnh Lào Cai."
    assert ("Bùi Văn Minh", "Phó Chủ nhiệm", "Ủy ban Văn hóa, Giáo dục") in positions(body)


def test_more_role_titles():
    # roles.tsv: Thủ thư, Chi cục trưởng, Tổng cục trưởng
    body = ("Ngày 2/6/2024, bà Mai Thị Xuân, thủ thư Trường Tiểu học Kim Đồng, ông Đinh Văn Tâm, Chi cục "
            "trưởng Chi cục Văn thư - Lưu trữ tỉnh Yên Bái, và bà Ngô Thị Lan, Tổng cục trưởng Tổng cục "
            "Thống kê, dự buổi gặp mặt.")
    got = positions(body)
    assert ("Mai Thị Xuân", "Thủ thư", "Trường Tiểu học Kim Đồng") in got
    assert ("Đinh Văn Tâm", "Chi cục trưởng", "Chi cục Văn thư - Lưu trữ tỉnh Yên Bái") in got
    assert ("Ngô Thị Lan", "Tổng cục trưởng", "Tổng cục Thống kê") in got


def test_verbs_after_an_organisation_end_its_name():
    # break_words.txt: "chọn", "trình" (bày) ... never run into a name
    got = orgs("Ngày 9/3/2024, đây là đơn vị được Đảng ủy Sở chọn làm điểm. "
               "Đại diện Trường Đại học Văn hóa Hà Nội trình bày tham luận.")
    assert "Đảng ủy Sở" in got and "Trường Đại học Văn hóa Hà Nội" in got
    assert not any(o.endswith((" chọn", " trình bày", " trình")) for o in got)


# --------------------------------------------------------------------------- sites and venues


def test_historic_sites():
    # place_cues.tsv site heads: Dinh, Địa đạo, Hoàng thành, Lăng Chủ tịch
    got = places("Chiều 30/4/2024, đoàn công tác đã đến tham quan Dinh Độc Lập và Địa đạo Củ Chi. "
                 "Ngày 4/5/2024, đoàn dâng hoa tại Lăng Chủ tịch Hồ Chí Minh và thăm Hoàng thành Thăng Long.")
    assert {("Dinh Độc Lập", "Site"), ("Địa đạo Củ Chi", "Site"), ("Lăng Chủ tịch Hồ Chí Minh", "Site"),
            ("Hoàng thành Thăng Long", "Site")} <= got


def test_commune_office_as_the_venue_of_an_event():
    # place_cues.tsv venue heads: UBND, Nhà văn hóa ...
    f = facts("Ngày 3/5/2024, tại UBND xã Tân Lập, huyện Đan Phượng, Thư viện Hà Nội trao tặng 200 bản sách.")
    assert ("UBND xã Tân Lập", "Site") in {(p["name"], p["kind"]) for p in f["places"]}
    assert [e["place"] for e in f["events"]] == ["UBND xã Tân Lập"]


# --------------------------------------------------------------------------- event triggers


def test_book_market_and_reading_week_are_festivals():
    assert ("Festival", "2024-10-10") in events("Ngày 10/10/2024, Thư viện tỉnh Cà Mau tổ chức Phiên chợ sách cũ.")
    assert ("Festival", "2024-04-15") in events("Từ ngày 15/4 đến 21/4/2024, Thư viện tỉnh Lạng Sơn tổ chức "
                                                "Tuần lễ Văn hóa đọc.")
    assert ("Festival", "2024-06-01") in events("Ngày 1/6/2024, Thư viện tỉnh Bắc Ninh tổ chức Hội chợ sách thiếu nhi.")


def test_get_together_is_a_meeting():
    assert ("Meeting", "2024-03-08") in events("Ngày 8/3/2024, Hội Thư viện Việt Nam tổ chức buổi gặp mặt "
                                               "kỷ niệm Ngày Quốc tế Phụ nữ.")


def test_a_verb_ends_an_organisation_name_before_a_country():
    # place_cues.tsv breakers: "cử ... sang X" is no part of the name "Thư viện tỉnh ..."
    got = places("Năm 2022, Thư viện tỉnh cử cán bộ sang Nhật Bản học tập kinh nghiệm.")
    assert ("Nhật Bản", "Country") in got


def test_eastern_south_region_with_its_word():
    # vn-regions.tsv: "miền Đông Nam Bộ" (not "miền Đông" + "Nam Bộ")
    got = places("Ngày 30/4/2024, ông kể lại những ngày hành quân từ chiến trường miền Đông Nam Bộ.")
    assert ("miền Đông Nam Bộ", "Region") in got and ("Nam Bộ", "Region") not in got
