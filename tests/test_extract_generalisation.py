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
    # the school is only embedded in the club's name: not listed on its own (SCHEMA.md), kept as its parent
    assert orgs(body) == {"Câu lạc bộ Thơ Trường Đại học Tây Bắc"}


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


# --------------------------------------------------------------------------- code: names, organisations, places


def persons(body):
    return {p["name"] for p in facts(body)["persons"]}


def test_hyphenated_given_names_are_one_syllable():
    # persons._run: a "-" glued to letters on both sides is part of the name ("Lee Min-jung", "Mai-Anh")
    got = persons("Ngày 5/6/2024, bà Lee Min-jung, Giám đốc Thư viện thành phố Busan, và bà Trần Thị Mai-Anh "
                  "đã đến thăm Thư viện tỉnh Nam Định.")
    assert {"Lee Min-jung", "Trần Thị Mai-Anh"} <= got
    assert "Lee Min" not in got
    # spaced dashes still separate: "Nguyễn Văn Bình - Giám đốc"
    got = persons("Cùng dự có ông Nguyễn Văn Bình - Giám đốc Thư viện tỉnh Hà Nam.")
    assert "Nguyễn Văn Bình" in got


def test_organisation_closed_by_an_abbreviated_city():
    # organizations._place_len: "TP." + an abbreviation that place-aliases.tsv knows ("TP.HCM", "Tp.HCM")
    got = orgs("Ngày 2/4/2024, Hội Nhiếp ảnh TP.HCM phối hợp với Trường Đại học Kinh tế Tp.HCM tổ chức "
               "triển lãm ảnh về sách.")
    assert {"Hội Nhiếp ảnh TP.HCM", "Trường Đại học Kinh tế Tp.HCM"} <= got


def test_countries_listed_after_one_and_after_border_words():
    # places step 7: a country listed after an accepted one, and after "giáp" / "với"
    got = places("Ngày 9/9/2024, hội nghị có đại biểu đến từ Thái Lan, Campuchia và Lào. "
                 "Tỉnh có đường biên giới giáp Trung Quốc và hợp tác với Nhật Bản về thư viện.")
    assert {("Thái Lan", "Country"), ("Campuchia", "Country"), ("Lào", "Country"), ("Trung Quốc", "Country"),
            ("Nhật Bản", "Country")} <= got


def test_a_country_name_followed_by_a_capitalised_syllable_is_no_country():
    # places step 7: "Mỹ Tho", "Anh Sơn", "Nga Sơn" open with a country's name
    got = places("Ngày 9/9/2024, đoàn công tác đến làm việc tại Mỹ Tho, sau đó về Anh Sơn và Nga Sơn.")
    assert not [p for p in got if p[1] == "Country"]


def test_unit_after_a_descriptor_word():
    # places step 3 + place_cues.tsv descriptor: "huyện đảo X", "huyện miền núi Y" (known units only)
    got = places("Ngày 6/6/2024, xe thư viện lưu động đến huyện đảo Bạch Long Vĩ, huyện miền núi Mường Lát "
                 "và xã biên giới Hoành Mô.")
    assert {("Bạch Long Vĩ", "District"), ("Mường Lát", "District"), ("Hoành Mô", "Commune")} <= got
    # an unknown name after a descriptor is not a unit
    assert not [p for p in places("Ngày 6/6/2024, huyện miền núi Xyz Abc nhận sách.") if p[0] == "Xyz Abc"]


def test_numbered_urban_units():
    # places step 3: "quận 5", "phường 12" (digits after quận/phường), not a date or a count
    got = places("Ngày 7/7/2024, Thư viện tổ chức ngày hội đọc sách tại phường 12, quận 5.")
    assert {"phường 12", "quận 5"} <= {p[0] for p in got}
    got = places("Ngày 7/7/2024, quận 5.200 cuốn sách được trao.")
    assert not [p for p in got if p[0].startswith("quận")]


def test_reported_speech_word_inside_a_capitalised_name_is_no_report():
    # events._report: "thống nhất" in "Công viên Thống Nhất" is a name, not "agreed" (reported speech)
    assert ("Festival", "2024-05-19") in events("Sáng 19/5/2024, tại Công viên Thống Nhất, Thư viện Hà Nội "
                                                "tổ chức Ngày hội đọc sách.")
    # the verb still marks reported speech
    got = events("Sáng 19/5/2024, các đại biểu thống nhất sẽ tổ chức Hội thảo về văn hóa đọc.")
    assert ("Workshop", "2024-05-19") not in got


def test_day_and_month_joined_by_a_hyphen():
    # dates: "sáng 12-3", "ngày 8-11-2023" (day-month with a hyphen after a part of day or "ngày")
    assert ("Conference", "2024-03-12") in events("Sáng 12-3, Thư viện tỉnh Yên Bái tổ chức Hội nghị "
                                                  "tổng kết công tác năm.")
    assert ("Workshop", "2023-11-08") in events("Ngày 8-11-2023, Hội Thư viện tổ chức Hội thảo về "
                                                "chuyển đổi số, nhiệm kỳ 2020-2025.")


def test_department_name_stops_before_the_next_titled_person():
    # positions._dept: "Trưởng khoa X và ThS. Y" -- "và" followed by a title or a name ends the department
    got = positions("Ngày 4/4/2024, Trường Đại học Văn hóa Hà Nội mở lớp học do TS Lê Văn Nam, Trưởng khoa Khoa học "
                    "Thư viện và ThS. Trần Thị Hoa, Phó Trưởng phòng Nghiệp vụ, Thư viện tỉnh Bắc Giang giảng dạy.")
    # a department named through the role is the post's organisation (SCHEMA.md)
    assert ("Lê Văn Nam", "Trưởng khoa", "khoa Khoa học Thư viện") in got
    assert ("Trần Thị Hoa", "Phó Trưởng phòng", "phòng Nghiệp vụ") in got


def test_a_site_named_after_a_person_is_not_in_the_province_of_that_name():
    # places._resolve_within: "Hồ Chí Minh" after "Chủ tịch" / "Bác" names the person, not the city
    f = facts("Ngày 4/5/2024, đoàn Thư viện tỉnh Nghệ An đến dâng hoa tại Lăng Chủ tịch Hồ Chí Minh ở Hà Nội.")
    within = {p["name"]: p["within"] for p in f["places"]}
    assert within["Lăng Chủ tịch Hồ Chí Minh"] == "Hà Nội"
