"""Places (invented sentences): kinds, province lookup, names inside organisations."""

from libkg.extract import RuleExtractor
from libkg.extract.gazetteer import province, resolve_unit, units
from libkg.normalize import fold
from libkg.read import article_from_text


def places(body, published="2024-05-01"):
    art = article_from_text("Tiêu đề bài viết\n\n" + body, id="t1", published=published)
    return {(p.name, p.kind, p.within) for p in RuleExtractor()(art).places}


def names(body):
    return {n for n, _, _ in places(body)}


def test_gazetteer_lookups_old_new_and_tone_variants():
    assert province("Hoà Bình").gso_code == province("Hòa Bình").gso_code
    assert province("tỉnh Khánh Hoà") is not None and province("Khánh Hòa") is not None
    assert province("Thừa Thiên Huế").name == "Huế"
    assert province("Hà Giang").successor == "Tuyên Quang"  # merged 2025-07-01
    assert {u.province for u in units("Mường Chà", ("District",))} == {"Điện Biên"}
    assert resolve_unit("Phong Điền", ("District",), (fold("Cần Thơ"),)).province == "Cần Thơ"
    assert resolve_unit("Phong Điền", ("District",), (fold("Huế"),)).province == "Huế"


def test_admin_units_with_prefix_and_within():
    got = places("Sáng 5/3, tại xã Nậm Nhừ, huyện Nậm Pồ, tỉnh Điện Biên, đoàn công tác đã trao tặng 300 bản sách.")
    assert ("Nậm Nhừ", "Commune", "Điện Biên") in got
    assert ("Nậm Pồ", "District", "Điện Biên") in got
    assert ("Điện Biên", "Province", "Việt Nam") in got


def test_tone_mark_variants_in_text():
    assert "Hoà Bình" in names("Đoàn đã đến làm việc tại tỉnh Hoà Bình và tỉnh Khánh Hoà.")
    assert "Khánh Hoà" in names("Đoàn đã đến làm việc tại tỉnh Hoà Bình và tỉnh Khánh Hoà.")


def test_city_and_province_of_the_same_name():
    got = places("Chiều 2/4, tại thành phố Lào Cai, học sinh trên địa bàn tỉnh Lào Cai tham gia.")
    assert ("Lào Cai", "City", "Lào Cai") in got and ("Lào Cai", "Province", "Việt Nam") in got


def test_central_city_without_prefix():
    assert ("Hà Nội", "City", "Việt Nam") in places("Ngày 3/3/2024, tại Hà Nội, Hội Thư viện tổ chức tọa đàm.")


def test_lists_of_provinces_and_districts():
    got = names("Đại diện thư viện các tỉnh Tuyên Quang, Bắc Kạn và Thái Nguyên cùng dự. "
                "Xe sẽ đến các huyện vùng cao Si Ma Cai, Bắc Hà.")
    assert {"Tuyên Quang", "Bắc Kạn", "Thái Nguyên", "Si Ma Cai", "Bắc Hà"} <= got


def test_place_inside_organisation_name_is_not_a_place():
    got = names("Thư viện tỉnh Quảng Ninh phối hợp với Phòng Văn hóa và Thông tin huyện Vân Đồn "
                "và UBND xã Quan Lạn tổ chức chương trình.")
    assert got == set()


def test_quoted_theme_is_not_read():
    assert names("Hội thảo “Phát triển văn hóa đọc vùng Tây Nguyên” thu hút nhiều đại biểu.") == set()


def test_regions():
    got = names("Thư viện chia sẻ kinh nghiệm ở khu vực Đồng bằng sông Cửu Long và vùng Tây Nguyên.")
    assert {"Đồng bằng sông Cửu Long", "Tây Nguyên"} <= got
    # part of a union's name: not a region
    assert names("Liên hiệp Thư viện các tỉnh Nam Trung bộ và Tây Nguyên họp.") == set()


def test_sites_venues_and_villages():
    got = places("Sáng 9/9, đoàn dâng hương tại Khu di tích lịch sử Pác Bó, sau đó đến buôn Kô Siar, "
                 "xã Ea Tu, thành phố Buôn Ma Thuột. Chiều cùng ngày, tại Trường Tiểu học Ea Tu, "
                 "Thư viện trao tặng sách.")
    kinds = {n: k for n, k, _ in got}
    assert kinds["Khu di tích lịch sử Pác Bó"] == "Site"
    assert kinds["buôn Kô Siar"] == "Other"
    assert kinds["Trường Tiểu học Ea Tu"] == "Site"
    assert kinds["Buôn Ma Thuột"] == "City"
    assert ("Ea Tu", "Commune", "Đắk Lắk") in got


def test_person_names_are_not_places():
    # a surname "Lăng" / "Hồ" or a given name equal to a province is no place
    assert names("Dự có bà Lăng Thị Hoa, ông Hồ Văn Nam và ông Nguyễn Thái Bình.") == set()


def test_country():
    assert ("Việt Nam", "Country", None) in places("Trưng bày tài liệu về chủ quyền biển, đảo Việt Nam.")
    assert names("Hội Thư viện Việt Nam và Ngày Sách và Văn hóa đọc Việt Nam.") == set()


def test_place_mentions_for_other_components():
    art = article_from_text("Tin\n\nNgày 2/2/2024, tại thành phố Vinh, hội nghị diễn ra.", id="t1")
    from libkg.extract.pipeline import _REGISTRY, Doc, _load_components
    _load_components()
    doc = Doc(article=art, text=art.text)
    for step in ("sentences", "persons", "organizations", "places"):
        _REGISTRY[step](doc)
    m = doc.place_mentions[0]
    assert (m.name, m.kind, m.within) == ("Vinh", "City", "Nghệ An")
    assert art.text[m.start:m.end] == "Vinh"


def test_venue_named_as_one_of_its_premises():
    art = article_from_text("Tiêu đề bài viết\n\nSáng 5/8, tại cơ sở 1 của Thư viện tỉnh Đồng Tháp (phường Mỹ Tho), "
                            "Sở Văn hóa, Thể thao và Du lịch tổ chức Hội nghị công bố quyết định.", id="t1",
                            published="2025-08-06")
    facts = RuleExtractor()(art)
    assert ("Thư viện tỉnh Đồng Tháp", "Site") in {(p.name, p.kind) for p in facts.places}
    assert [(e.kind, e.place) for e in facts.events] == [("Conference", "Thư viện tỉnh Đồng Tháp")]


def test_a_venue_named_short_is_the_library_named_in_full():
    got = places("Thư viện tỉnh Tuyên Quang tổ chức hội nghị. Ngày 13/8, đoàn làm việc tại Thư viện tỉnh về chuyển "
                 "đổi số.", published="2025-08-14")
    assert ("Thư viện tỉnh Tuyên Quang", "Site") in {(n, k) for n, k, _ in got}
    assert "Thư viện tỉnh" not in {n for n, _, _ in got}


def test_relic_names_joined_by_va():
    got = places("Ngày 7/10, đoàn đại biểu đã dâng hương và tham quan Khu di tích lịch sử và danh thắng Yên Tử, "
                 "thành phố Uông Bí.", published="2022-10-08")
    assert ("Khu di tích lịch sử và danh thắng Yên Tử", "Site") in {(n, k) for n, k, _ in got}


def test_a_museum_toured_and_a_school_served_are_sites():
    got = {(n, k) for n, k, _ in places("Sáng 14/6, đoàn đại biểu đã dâng hương và tham quan Bảo tàng Quang Trung tại "
                                         "thị trấn Phú Phong. Ngày 19/4, xe thư viện lưu động về phục vụ hơn 600 học "
                                         "sinh Trường Tiểu học Thụy Trường, huyện Thái Thụy.", published="2024-06-15")}
    assert {("Bảo tàng Quang Trung", "Site"), ("Trường Tiểu học Thụy Trường", "Site")} <= got


def test_a_list_of_districts_after_nhu():
    got = names("Thư viện tỉnh sẽ đưa xe thư viện lưu động về các huyện miền núi như Mường Lát, Quan Sơn, Bá Thước.")
    assert {"Mường Lát", "Quan Sơn", "Bá Thước"} <= got


def test_the_home_country_is_a_place_only_where_it_locates_something():
    got = names("Sáng 5/3, Hội Thư viện ngành Y tế Việt Nam góp ý dự thảo văn bản pháp luật Việt Nam "
                "về thư viện, dưới sự lãnh đạo của Đảng Cộng sản Việt Nam.")
    assert "Việt Nam" not in got
    assert "Việt Nam" in names("Đoàn chuyên gia Nhật Bản sang Việt Nam làm việc với Thư viện tỉnh Hà Nam.")
    assert "Việt Nam" in names("Trưng bày 300 tư liệu về chủ quyền biển, đảo Việt Nam.")


def test_a_province_name_after_chu_tich_is_the_person():
    got = names("Trưng bày sách về Chủ tịch Hồ Chí Minh tại tỉnh Nghệ An.")
    assert "Hồ Chí Minh" not in got and "Nghệ An" in got


def test_abbreviated_prefix_glued_to_the_name():
    got = places("Gia đình ông Lê Văn An (đường 30-4, P.Trung Dũng, TP.Biên Hòa) trao tặng 200 bản sách.")
    assert ("Trung Dũng", "Commune", "Đồng Nai") in got
    assert ("Biên Hòa", "City", "Đồng Nai") in got or ("Biên Hòa", "District", "Đồng Nai") in got


def test_larger_units_in_brackets_after_a_listed_unit():
    got = places("Thư viện tỉnh trao sách cho các xã Tùng Ảnh (Đức Thọ), Thiên Lộc (Can Lộc) và Kỳ Tân "
                 "(Kỳ Anh) của tỉnh Hà Tĩnh.")
    assert {"Tùng Ảnh", "Đức Thọ", "Thiên Lộc", "Can Lộc", "Kỳ Tân", "Kỳ Anh"} <= {n for n, _, _ in got}
    assert ("Can Lộc", "District", "Hà Tĩnh") in got
    # a bracket that is no unit ends nothing and adds nothing
    assert names("Đoàn làm việc tại xã Nậm Nhừ (nơi có 300 hộ dân) của huyện Nậm Pồ.") >= {"Nậm Nhừ", "Nậm Pồ"}


def test_villages_named_numbered_and_with_their_units_in_brackets():
    got = places("Thư viện tỉnh trao tủ sách cho thôn Khe Mít (xã Tùng Châu, Đức Thọ) và thôn 5, "
                 "buôn Ea Kmar của tỉnh Hà Tĩnh.")
    got_names = {n for n, _, _ in got}
    assert {"Khe Mít", "thôn 5", "buôn Ea Kmar", "Tùng Châu", "Đức Thọ"} <= got_names
    assert "thôn Khe Mít" not in got_names
    assert not {n for n in names("Thư viện phát hành ấn bản RDA và văn bản Hán Nôm.") if "bản" in n.lower()}


def test_a_known_district_after_tai_without_its_prefix():
    assert "Đồ Sơn" in names("Lớp tập huấn diễn ra ngày 1/10/2024 tại Đồ Sơn, thành phố Hải Phòng.")
    # the start of a longer name, a byline's initial, a count: no place
    assert not names("Phòng đọc mở tại Thánh đường Hồi giáo An Nhơn.") & {"Thánh"}
    assert "Dung" not in names("Các em được tặng sách.\n\nP.Dung")
    assert "thôn 300" not in names("Thư viện tỉnh trao tặng thôn 300 bản sách.")


def test_countries_in_lists_as_subjects_and_after_a_foreign_town():
    got = places("Hội nghị diễn ra tại Rotterdam, Hà Lan. Nhật Bản, Hàn Quốc và Singapore cử đại biểu.")
    assert {("Hà Lan", "Country", None), ("Nhật Bản", "Country", None), ("Hàn Quốc", "Country", None),
            ("Singapore", "Country", None), ("Rotterdam", "City", "Hà Lan")} <= got
    # a country inside a name or used as an adjective is none
    assert not names("Thư viện nhận sách tiếng Hàn từ Quỹ Giao lưu Quốc tế Hàn Quốc.") & {"Hàn Quốc"}


def test_address_parts_after_dashes_and_abbreviated_town_words():
    got = names("Ngày 18/7/2024, tại Hội trường Khách sạn Hoa Sen - Khu du lịch Suối Mơ - Thị trấn Thanh Thủy - "
                "Huyện Thanh Thủy - Tỉnh Phú Thọ diễn ra hội nghị.")
    assert {"Hội trường Khách sạn Hoa Sen", "Khu du lịch Suối Mơ", "Thanh Thủy", "Phú Thọ"} <= got
    got = names("Giải nhất thuộc về em Lê An (lớp 4A, Trường Tiểu học Kim Đồng – TP Long Xuyên) và em Hà Bình "
                "(Trường THPT Chu Văn An, TX Tân Châu).")
    assert {"Long Xuyên", "Tân Châu"} <= got
    # an institution after a dash is part of the name
    assert "Trung tâm Số - Đại học Thái Nguyên" in names("Hội thảo diễn ra tại Trung tâm Số - Đại học Thái Nguyên.")


def test_natural_sites_and_venue_parts():
    got = names("Hội sách diễn ra tại không gian Thư viện tỉnh Quảng Ninh và Quảng trường 30/10 nhìn ra vịnh Hạ Long.")
    assert {"Thư viện tỉnh Quảng Ninh", "Quảng trường 30/10", "vịnh Hạ Long"} <= got
    assert "sông Cửu Long" not in names("Liên hiệp thư viện vùng đồng bằng sông Cửu Long họp tại Cần Thơ.")


def test_a_venue_head_in_lower_case_before_a_name():
    got = {n.lower() for n in names("UBND xã tổ chức Ngày hội đọc sách tại trường Dân tộc nội trú THCS "
                                    "huyện Mỹ Tú.")}
    assert "trường dân tộc nội trú thcs huyện mỹ tú" in got
    assert not names("Học sinh đọc sách tại trường và ở nhà.")


def test_a_place_only_the_headline_names():
    art = article_from_text("Trao tặng sách cho học sinh huyện đảo Cô Tô\n\nSáng 12/3/2024, đoàn công tác "
                            "đã trao 500 bản sách cho học sinh.", id="t2", published="2024-03-12")
    assert "Cô Tô" in {p.name for p in RuleExtractor()(art).places}


def test_a_hall_named_by_the_organisation_it_belongs_to_runs_to_the_end_of_that_name():
    got = names("Ngày 15/3/2024, Hội Thư viện tỉnh Lào Cai tổ chức Đại hội tại Hội trường Sở Văn hóa, Thể thao "
                "và Du lịch tỉnh Lào Cai. Tham dự có ông Lê Văn Tám.")
    assert "Hội trường Sở Văn hóa, Thể thao và Du lịch tỉnh Lào Cai" in got


def test_a_venue_after_o_is_a_site_like_one_after_tai():
    got = places("Sáng 5/6, Thư viện tỉnh Lào Cai tổ chức Hội thi kể chuyện ở sân Trường THCS Kim Tân.")
    assert ("Trường THCS Kim Tân", "Site") in {(n, k) for n, k, _ in got}
    assert names("Ở các xã vùng cao, sách còn thiếu.") == set()


def test_a_commune_the_gazetteer_lacks_keeps_its_whole_name_not_a_known_first_word():
    got = names("Ngày 12/4, Thư viện tỉnh tặng 200 cuốn sách cho tủ sách tư nhân tại xã Thanh Cường (Thanh Hà).")
    assert "Thanh Cường" in got and "Thanh" not in got
    got = names("Sáng 5/6, tại xã Nậm Nhừ Huyện Nậm Pồ, thư viện tổ chức ngày hội.")
    assert "Nậm Nhừ" in got  # (a capitalised prefix after the name ends it)


def test_the_units_an_enumeration_names_after_a_plural_unit_word():
    got = places("Thư viện bàn giao tủ sách cho 12 xã. Các xã được hưởng lợi gồm: Ia Lốp, Ia Hrú, Tơ Tung, Kông Bơ La "
                 "và Ia Dom. Các xã là nơi còn nhiều khó khăn.")
    assert {n for n, k, _ in got if k == "Commune"} == {"Ia Lốp", "Ia Hrú", "Tơ Tung", "Kông Bơ La", "Ia Dom"}


def test_world_regions_after_an_area_word():
    got = places("Ông Lâm Vĩnh, Giám đốc phụ trách khu vực Đông Nam Á của hãng, trình bày tham luận. "
                 "Bà Hạ Thu phụ trách Khu vực Châu Á - Thái Bình Dương.")
    assert ("Đông Nam Á", "Region") in {(n, k) for n, k, _ in got}
    assert ("Châu Á - Thái Bình Dương", "Region") in {(n, k) for n, k, _ in got}
    assert names("Chương trình Sách cho châu Á đã trao 500 cuốn sách.") == set()


def test_a_direction_before_a_province_after_an_area_word_is_a_region():
    got = places("Thư viện vừa bàn giao tủ sách cho 8 xã khu vực Đông Kon Tum.")
    assert ("Đông Kon Tum", "Region") in {(n, k) for n, k, _ in got}
    assert "Kon Tum" not in {n for n, _, _ in got}


def test_a_region_in_a_lower_case_union_name_or_the_abbreviation_of_a_name_is_no_place():
    assert names("Các thư viện thành viên trong liên hiệp thư viện khu vực Tây Nguyên họp bàn.") == set()
    got = names("Ngày 3/5, Liên hiệp Thư viện Đồng bằng sông Cửu Long (ĐBSCL) tổ chức hội nghị tại tỉnh Sóc Trăng.")
    assert "ĐBSCL" not in got and "Sóc Trăng" in got


def test_a_venue_after_a_verb_of_going_and_the_venues_listed_after_it():
    got = places("Từ ngày 3 đến 5/4, xe thư viện đưa sách đến Đồn Biên phòng Nậm Khắc, Đồn Biên phòng Sín Pao, "
                 "huyện Mường Tè.")
    sites = {n for n, k, _ in got if k == "Site"}
    assert {"Đồn Biên phòng Nậm Khắc", "Đồn Biên phòng Sín Pao"} <= sites
    got = places("Chiều 2/5, tại Thư viện huyện Ba Chẽ, Thư viện tỉnh Quảng Ninh phối hợp tổ chức ngày hội.")
    assert "Thư viện tỉnh Quảng Ninh" not in {n for n, _, _ in got}
    assert names("Số sách đã được chuyển đến bạn đọc.") == set()


def test_the_venues_a_list_of_places_names():
    got = places("Sách được trưng bày tại các địa điểm: Nhà văn hóa thôn Đông; Trường Tiểu học Kim Đồng - xã Phú Mỹ.")
    assert "Trường Tiểu học Kim Đồng" in {n for n, k, _ in got if k == "Site"}


def test_a_site_after_a_lower_case_descriptor_is_named_by_its_capitalised_words():
    got = places("Sáng 20/4, tại di tích Nhà Cổ Phước Lộc, Hội sách được khai mạc. "
                 "Năm trước, tủ sách được trưng bày tại không gian Văn Thánh Trà Lũ.")
    sites = {n for n, k, _ in got if k == "Site"}
    assert {"Nhà Cổ Phước Lộc", "Văn Thánh Trà Lũ"} <= sites


def test_a_book_street_written_with_capitals():
    got = places("Sáng 21/4, tại Đường Sách Hoa Lư, UBND tỉnh khai mạc Ngày sách.")
    assert ("Đường Sách Hoa Lư", "Site") in {(n, k) for n, k, _ in got}


def test_a_city_prefix_written_tp_with_a_dot_glued_to_the_name():
    got = places("Giải Nhất thuộc về em Lê An, lớp 5A, Trường Tiểu học Kim Đồng – Tp.Long Xuyên.")
    assert ("Long Xuyên", "City") in {(n, k) for n, k, _ in got}


def test_a_foreign_country_under_its_formal_name_keeps_it():
    got = places("Sáng 4/3, Đại sứ nước Cộng hòa Chile thăm Thư viện tỉnh Lạng Sơn.")
    assert ("Cộng hòa Chile", "Country") in {(n, k) for n, k, _ in got}
    got = places("Ngày 2/9, tại nước Cộng hòa Xã hội chủ nghĩa Việt Nam, nhiều hoạt động diễn ra.")
    assert "Cộng hòa Xã hội chủ nghĩa Việt Nam" not in {n for n, _, _ in got}


def test_known_units_in_brackets_after_a_site_or_an_organisation():
    got = places("Thư viện tỉnh luân chuyển sách cho Trại giam Thanh Lâm (Như Thanh) và Trường THCS Lê Lợi (Quảng Xương).")
    assert {("Như Thanh", "District"), ("Quảng Xương", "District")} <= {(n, k) for n, k, _ in got}
    assert names("Cuốn sách (Tái bản lần thứ hai) được giới thiệu.") == set()


def test_a_known_district_without_prefix_after_other_location_words():
    got = places("Năm nay, xe thư viện lưu động phục vụ trên địa bàn Mường Chà. Đoàn cũng về Tam Đường làm việc.")
    assert {("Mường Chà", "District"), ("Tam Đường", "District")} <= {(n, k) for n, k, _ in got}


def test_a_province_name_inside_a_longer_unit_or_a_lower_case_contest_name_is_no_province():
    got = names("Trường tổ chức kỷ niệm 70 năm Chiến thắng Điện Biên Phủ. Em Lan đạt giải trong cuộc thi "
                "Đại sứ văn hóa đọc tỉnh Hòa Bình năm 2024.")
    assert "Điện Biên" not in got and "Hòa Bình" not in got


def test_a_title_quoted_with_mixed_quotes_names_no_place():
    got = names('Buổi tọa đàm "Mãi nhớ Lạng Sơn” thu hút đông đảo bạn đọc tại tỉnh Cao Bằng.')
    assert "Lạng Sơn" not in got and "Cao Bằng" in got


def test_a_province_or_country_used_as_an_adjective_is_no_place():
    got = names("Sách giới thiệu văn hóa Bắc Kạn và pháp luật Việt Nam cho bạn đọc Cao Bằng, tại Thái Nguyên.")
    assert got == {"Thái Nguyên"}


def test_a_guest_house_written_in_lower_case_is_a_venue():
    got = places("Ngày 9/11, tại nhà khách tỉnh Sơn La đã diễn ra hội nghị tổng kết.")
    assert ("nhà khách tỉnh Sơn La", "Site") in {(n, k) for n, k, _ in got}


def test_a_special_zone_of_the_2025_reform_is_a_commune_level_unit():
    got = places("Xe thư viện phục vụ các xã biên giới và 2 đặc khu Côn Đảo, Vân Đồn. Tại đặc khu Bạch Long Vĩ, sách được trao.")
    assert {("Côn Đảo", "Commune"), ("Vân Đồn", "Commune"), ("Bạch Long Vĩ", "Commune")} <= {(n, k) for n, k, _ in got}


def test_a_region_after_the_provinces_of_a_lower_case_group_is_a_place_but_not_in_a_unions_name():
    got = names("Lớp học dành cho cán bộ của các thư viện các tỉnh miền núi phía Bắc và Đồng bằng Sông Hồng.")
    assert {"miền núi phía Bắc", "Đồng bằng Sông Hồng"} <= got
    assert names("Liên hiệp Thư viện các tỉnh miền núi phía Bắc họp tổng kết.") == set()


def test_a_sites_name_ends_before_the_street_its_address_names():
    got = names("Triển lãm diễn ra tại Khu di tích Đồi Cò Xanh đường Lê Lợi, phường 3, thành phố Tân An.")
    assert "Khu di tích Đồi Cò Xanh" in got
    assert not any("Lê Lợi" in n for n in got)


def test_a_province_name_after_doctrine_words_is_no_place():
    """"đạo đức, phong cách Hồ Chí Minh" names his ethics and style, not the city."""
    from libkg.extract import RuleExtractor
    from libkg.read.article import Article

    text = "Thư viện phát động học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh tại Cần Thơ."
    places = {p.name for p in RuleExtractor()(Article(id="t", text=text, published="2024-05-02")).places}
    assert "Hồ Chí Minh" not in places and "Cần Thơ" in places


def test_a_relic_named_inside_a_conservation_centres_name_is_no_place():
    got = names("Sáng 3/4, Trung tâm Bảo tồn Di tích Cố đô Phú Xuân khai mạc trưng bày sách tại Thư viện tỉnh.")
    assert not any("Cố đô" in n for n in got)


def test_a_page_of_bulleted_chrome_only_names_no_place():
    body = ("Skip to content\n  • Loading...\n  • Trang chủ\n  • Giới thiệu\n  • Liên hệ\nTin nổi bật\n\n"
            "  • Cần Thơ: Khai mạc hội báo Xuân tại Thư viện thành phố\n"
            "  • Nghệ An: Thư viện tỉnh tổ chức tập huấn nghiệp vụ\n"
            "  • Bình Định: Trao tặng sách cho học sinh vùng cao\n")
    art = article_from_text(body, id="t1", published="2024-05-01")
    assert RuleExtractor()(art).places == []


def test_a_region_or_province_after_the_writers_of_it_is_an_adjective():
    got = names("Thư viện tỉnh tiếp nhận 200 cuốn sách của các nhà văn xứ Lạng và các tác giả Hà Tĩnh.")
    assert "xứ Lạng" not in got and "Hà Tĩnh" not in got
    assert "xứ Lạng" in names("Đoàn công tác về xứ Lạng tặng sách cho bà con.")


def test_a_short_venue_takes_the_full_name_the_article_gives_inside_a_longer_name():
    got = names("Sáng 2/3, tại hội trường Thư viện tỉnh, Chi bộ Thư viện tỉnh Kon Tum tổ chức đại hội lần thứ V.")
    assert "Thư viện tỉnh Kon Tum" in got and "Thư viện tỉnh" not in got


def test_village_halls_and_postal_culture_points_are_venues():
    assert "Đình làng Phú Mỹ" in names("Sáng 4/4, tại Đình làng Phú Mỹ, Thư viện huyện tổ chức ngày hội đọc sách.")
    assert "Nhà rông làng Kon Ktu" in names("Sáng 4/4, tại Nhà rông làng Kon Ktu, Thư viện tỉnh phục vụ sách.")
    assert "Điểm Bưu điện Văn hóa xã Tân Lập" in names(
        "Sáng 4/4, tại Điểm Bưu điện Văn hóa xã Tân Lập, Thư viện huyện luân chuyển 300 bản sách.")


def test_a_country_in_brackets_after_a_foreign_town_and_the_town_after_capital():
    got = places("Tháng 5/2024, đoàn công tác đến thủ đô Seoul (Hàn Quốc) và làm việc tại thủ đô Phnôm Pênh, Campuchia.")
    assert ("Hàn Quốc", "Country", None) in got and ("Campuchia", "Country", None) in got
    assert {"Seoul", "Phnôm Pênh"} <= {n for n, _, _ in got}


def test_a_lower_case_venue_before_its_unit_word_and_a_lower_case_square():
    assert "nhà văn hóa thôn Đồng Tâm" in names("Sáng 6/6, tại nhà văn hóa thôn Đồng Tâm, Thư viện huyện tặng 200 bản sách.")
    assert "quảng trường Lâm Viên" in names("Tối 6/6, tại quảng trường Lâm Viên, Thư viện tỉnh khai mạc hội sách.")


def test_every_venue_of_a_list_announced_by_a_plural_noun():
    got = names("Sách được trưng bày tại các địa điểm: Hội trường UBND phường 4, 7; Trường Tiểu học Hòa Bình - "
                "phường 8, Trường THCS Lê Lợi - phường 9.")
    assert {"Trường Tiểu học Hòa Bình", "Trường THCS Lê Lợi"} <= got


def test_one_unknown_word_after_tp_is_no_city():
    got = names("Kinh phí lấy từ ngân sách TP. Dự án khởi công vào năm 2026 tại phường Tân Định.")
    assert "Dự" not in got and "Tân Định" in got
    assert "Vinh" in names("Ngày 3/3, tại TP. Vinh, Thư viện tỉnh khai mạc hội sách.")


def test_a_street_after_its_lower_case_word_is_a_place_without_the_word():
    got = places("Thư viện mới đặt tại số 12 đường Lê Lợi, phường Bình Minh. Hội sách mở trên phố Hàng Khay, quận Hoàn Kiếm.")
    assert ("Lê Lợi", "Other") in {(n, k) for n, k, _ in got}
    assert ("Hàng Khay", "Other") in {(n, k) for n, k, _ in got}
    # after the city's word "thành phố" it is the city; a province on the road is the province
    got = places("Em Lan (thành phố Thủ Dầu Một) đi khắp nẻo đường Yên Bái và về đường Trường Chinh.")
    assert ("Thủ Dầu Một", "City") in {(n, k) for n, k, _ in got}
    assert ("Yên Bái", "Province") in {(n, k) for n, k, _ in got}
    assert ("Trường Chinh", "Other") in {(n, k) for n, k, _ in got}


def test_a_capitalised_name_after_tai_that_nothing_else_reads_is_a_venue():
    got = places("Tối 19/4, tại Nhà Điều hành, Trường Đại học Cửu Long tổ chức tọa đàm về sách.")
    assert ("Nhà Điều hành", "Site") in {(n, k) for n, k, _ in got}
    got = names("Sáng 2/3, tại Cơ sở cai nghiện Bình Đức, thư viện trưng bày 500 bản sách.")
    assert "Cơ sở cai nghiện Bình Đức" in got
    # an event, a person or a unit after "tại" is none
    got = names("Tại Hội nghị Tổng kết, ông An phát biểu. Tại Thanh Sơn, đoàn tặng sách. Tại Kế hoạch Số 5 có nêu.")
    assert not any(n.startswith(("Hội nghị", "Kế hoạch")) for n in got)


def test_more_venue_heads_in_lower_case_before_a_name():
    got = names("Tối 8/5, tại nhà hát Cải lương Phú Lộc, Thư viện tỉnh tổ chức đêm thơ.")
    assert "nhà hát Cải lương Phú Lộc" in got
    got = names("Sáng 3/4, đoàn trao 200 bản sách tại điểm trường Nà Khoang của Trường Tiểu học Tân Hợp.")
    assert "điểm trường nà khoang" in {n.lower() for n in got}  # an organisation's capitalised form may name it
    # a lower-case head before no capitalised name is none
    assert not names("Các em đọc sách tại nhà hát và tại bảo tàng của huyện.")


def test_a_schools_code_after_its_name_is_part_of_the_venue():
    got = names("Sáng 9/10, xe thư viện lưu động phục vụ tại Trường Tiểu học Phú Mỹ 2B, huyện Tân Phước.")
    assert "Trường Tiểu học Phú Mỹ 2B" in got
    assert "Trường Tiểu học Phú Mỹ" not in got


def test_the_words_of_a_sites_head_never_end_its_name():
    got = names("Sáng 21/4, hội sách mở tại Vườn hoa Con Cóc. Tối 2/9, tại Phố đi bộ Bạch Đằng có đêm thơ.")
    assert {"Vườn hoa Con Cóc", "Phố đi bộ Bạch Đằng"} <= got


def test_a_sites_proper_name_ends_on_a_word_that_opens_the_clause_after_it():
    got = names("Thư viện mới nối liền với Công viên Thống Nhất tạo thêm không gian đọc cho người dân.")
    assert "Công viên Thống Nhất" in got
    # lower-case words inside a relic's name stay ("di tích ... cấp quốc gia")
    got = names("Đoàn dâng hương tại Di tích lịch sử cấp quốc gia Đồi Hồng. Sau đó đoàn tặng sách.")
    assert "Di tích lịch sử cấp quốc gia Đồi Hồng" in got


def test_a_garden_park_or_square_named_after_a_person_is_a_site_not_a_person():
    art = article_from_text("Tiêu đề bài viết\n\nTối 30/4, Thư viện tỉnh khai mạc hội sách tại Vườn hoa Lê Văn Tám "
                            "tạo không gian đọc cho thiếu nhi.", id="t3", published="2024-05-01")
    facts = RuleExtractor()(art)
    assert "Vườn hoa Lê Văn Tám" in {p.name for p in facts.places}
    assert "Lê Văn Tám" not in {p.name for p in facts.persons}


def test_a_venue_cut_at_the_city_abbreviation_takes_the_full_name_the_article_gives():
    got = names("TP.HCM xây nhà sách mới tại khuôn viên Bảo tàng Lịch sử TP, khởi công năm 2026. "
                "Ảnh: Bảo tàng Lịch sử TP.HCM cung cấp.")
    assert "Bảo tàng Lịch sử TP.HCM" in got
    assert "Bảo tàng Lịch sử TP" not in got


def test_a_region_written_with_bo_in_lower_case():
    got = places("Hội thi năm nay thu hút các đội đến từ khu vực Đông Nam bộ và Tây Nam bộ.")
    assert {("Đông Nam bộ", "Region"), ("Tây Nam bộ", "Region")} <= {(n, k) for n, k, _ in got}


def test_the_compound_regions_of_the_genre_are_one_region():
    got = places("Vòng loại diễn ra ở khu vực Nam Trung bộ và Tây Nguyên, sau đó ở khu vực Bắc miền Trung.")
    got = {(n, k) for n, k, _ in got}
    assert {("Nam Trung bộ và Tây Nguyên", "Region"), ("Bắc miền Trung", "Region")} <= got
    assert ("Tây Nguyên", "Region") not in got


def test_two_countries_joined_by_a_dash_are_a_relation_not_places():
    got = names("Nhân dịp kỷ niệm quan hệ hữu nghị giữa hai nước Việt Nam - Campuchia, thư viện trưng bày sách.")
    assert "Việt Nam" not in got and "Campuchia" not in got
    assert "Campuchia" in names("Đoàn cán bộ thư viện sang Campuchia và Lào trao tặng sách.")


def test_a_theatre_of_a_genre_written_in_lower_case_is_a_venue():
    got = names("Trong hai ngày 5 và 6/9, tại nhà hát chèo Ninh Bình, Vụ Thư viện tổ chức lớp tập huấn.")
    assert "nhà hát chèo Ninh Bình" in got
