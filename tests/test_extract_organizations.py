"""Organisations and organisation mentions (invented sentences, real institution patterns)."""

from libkg.extract import RuleExtractor
from libkg.extract.pipeline import Doc
from libkg.extract.sentences import run as split
from libkg.read import article_from_text

EX = RuleExtractor(("sentences", "persons", "organizations", "positions"))


def _orgs(text: str) -> dict[str, tuple[str, str | None]]:
    facts = EX(article_from_text(text, id="t1", published="2024-05-01"))
    return {o.name: (o.kind, o.parent) for o in facts.organizations}


def _doc(text: str) -> Doc:
    art = article_from_text(text, id="t1", published="2024-05-01")
    doc = Doc(article=art, text=art.text)
    split(doc)
    from libkg.extract.organizations import run
    run(doc)
    return doc


def test_head_nouns_and_kinds():
    orgs = _orgs("Thư viện tỉnh Quảng Ngãi phối hợp với Hội Khuyến học tỉnh Quảng Ngãi, Nhà xuất bản Trẻ "
                 "và Đồn Biên phòng Sa Huỳnh tổ chức ngày hội tại Trường Trung học cơ sở Phổ Thạnh, "
                 "có đại diện UBND huyện Đức Phổ và Tỉnh đoàn Quảng Ngãi.")
    assert orgs == {
        "Thư viện tỉnh Quảng Ngãi": ("Library", None),
        "Hội Khuyến học tỉnh Quảng Ngãi": ("Association", None),
        "Nhà xuất bản Trẻ": ("Company", None),
        "Đồn Biên phòng Sa Huỳnh": ("MilitaryPolice", None),
        "Trường Trung học cơ sở Phổ Thạnh": ("School", None),
        "UBND huyện Đức Phổ": ("GovernmentBody", None),
        "Tỉnh đoàn Quảng Ngãi": ("PoliticalBody", None),
    }


def test_long_names_with_commas_and_hierarchy():
    orgs = _orgs("Dự hội nghị có đại diện Cục Văn hóa cơ sở, Bộ Văn hoá, Thể thao và Du lịch và "
                 "Sở Văn hóa, Thể thao và Du lịch tỉnh Bình Phước.")
    assert orgs == {
        "Cục Văn hóa cơ sở": ("GovernmentBody", "Bộ Văn hoá, Thể thao và Du lịch"),
        "Bộ Văn hoá, Thể thao và Du lịch": ("GovernmentBody", None),
        "Sở Văn hóa, Thể thao và Du lịch tỉnh Bình Phước": ("GovernmentBody", None),
    }


def test_unit_parent_compounds_and_parentheses():
    orgs = _orgs("Học viên đến từ Trung tâm Thông tin - Thư viện Trường Đại học Vinh, "
                 "Thư viện Nguyễn Thúc Hào - Trường Đại học Vinh và Trường Đại học Kinh tế (Đại học Huế).")
    assert orgs == {
        "Trung tâm Thông tin - Thư viện Trường Đại học Vinh": ("Library", "Trường Đại học Vinh"),
        "Trường Đại học Vinh": ("University", None),
        "Thư viện Nguyễn Thúc Hào - Trường Đại học Vinh": ("Library", "Trường Đại học Vinh"),
        "Trường Đại học Kinh tế": ("University", "Đại học Huế"),
        "Đại học Huế": ("University", None),
    }


def test_abbreviations_are_names_and_merge_with_full_forms():
    orgs = _orgs("Sở VHTTDL tỉnh Trà Vinh phối hợp với Sở GD&ĐT tỉnh Trà Vinh tổ chức cuộc thi. "
                 "Ông Thạch Sô Phol, Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch tỉnh Trà Vinh phát biểu.")
    assert set(orgs) == {"Sở Văn hóa, Thể thao và Du lịch tỉnh Trà Vinh", "Sở GD&ĐT tỉnh Trà Vinh"}


def test_short_mentions_resolve_to_the_full_name():
    doc = _doc("Thư viện tỉnh Tây Ninh phối hợp với Liên hiệp Thư viện các tỉnh Đông Nam Bộ tổ chức hội thảo "
               "tại Trường Tiểu học Thạnh Tân. Thư viện tỉnh trao 300 bản sách cho nhà trường. "
               "Liên hiệp cũng tặng 50 suất quà.")
    assert [o.name for o in doc.organizations] == [
        "Thư viện tỉnh Tây Ninh", "Liên hiệp Thư viện các tỉnh Đông Nam Bộ", "Trường Tiểu học Thạnh Tân"]
    got = {(m.surface, m.name) for m in doc.org_mentions}
    assert ("Thư viện tỉnh", "Thư viện tỉnh Tây Ninh") in got
    assert ("nhà trường", "Trường Tiểu học Thạnh Tân") in got
    assert ("Liên hiệp", "Liên hiệp Thư viện các tỉnh Đông Nam Bộ") in got


def test_not_organisations():
    orgs = _orgs("Các đại biểu nghe tham luận của thư viện các tỉnh Long An, Tiền Giang; "
                 "Luật Thư viện có hiệu lực từ năm 2020. Thư viện số của tỉnh có 9.000 tài liệu. "
                 "Hội nghị diễn ra tại Hội An với chủ đề “Thư viện Xanh Quảng Nam”; lãnh đạo các phòng chuyên môn "
                 "và Trung tâm Văn hóa, Thể thao và Truyền thông các huyện cùng dự.")
    assert orgs == {}


def test_numbers_in_names_but_not_counts():
    orgs = _orgs("Đoàn trao tặng Trường Tiểu học An Bình 2 và Trại giam số 6 - Cục C10, Bộ Công an "
                 "2.000 bản sách; Đồn Biên phòng Cửa khẩu Lệ Thanh 1.500 bản.")
    assert set(orgs) == {"Trường Tiểu học An Bình 2", "Trại giam số 6", "Cục C10", "Bộ Công an",
                         "Đồn Biên phòng Cửa khẩu Lệ Thanh"}
    assert orgs["Trại giam số 6"][1] == "Cục C10"
    assert orgs["Cục C10"][1] == "Bộ Công an"


def test_party_cells_of_an_organisation_and_standalone_bodies():
    orgs = _orgs("Chi bộ Thư viện tỉnh Sơn La trực thuộc Đảng bộ Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La "
                 "tổ chức đại hội. Dự án luật đang được Quốc hội xem xét, Chính phủ đã trình.")
    assert orgs["Chi bộ Thư viện tỉnh Sơn La"][0] == "PoliticalBody"
    assert orgs["Đảng bộ Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La"][0] == "PoliticalBody"
    assert orgs["Quốc hội"][0] == "GovernmentBody" and orgs["Chính phủ"][0] == "GovernmentBody"


def test_numbered_military_units_and_youth_bodies():
    orgs = _orgs("Dự có Đại tá Lê Văn Hùng (Quân khu 9), đại diện Hội đồng Đội tỉnh Sóc Trăng và Tỉnh đoàn.")
    assert orgs["Quân khu 9"][0] == "MilitaryPolice"
    assert orgs["Hội đồng Đội tỉnh Sóc Trăng"][0] == "PoliticalBody"
    assert orgs["Tỉnh đoàn"][0] == "PoliticalBody"


def test_department_names_with_commas():
    orgs = _orgs("Đoàn công tác Cục Văn hóa cơ sở, Gia đình và Thư viện làm việc với Thư viện tỉnh Cao Bằng.")
    assert "Cục Văn hóa cơ sở, Gia đình và Thư viện" in orgs


def test_short_youth_union_mention_takes_the_full_name():
    facts = EX(article_from_text("Tỉnh đoàn Kon Tum phát động cuộc thi. Dự có anh Phan Văn Lực, Phó Bí thư Tỉnh đoàn.",
                                 id="t1", published="2024-05-01"))
    assert {(p.person, p.role, p.organization) for p in facts.positions} == {
        ("Phan Văn Lực", "Phó Bí thư", "Tỉnh đoàn Kon Tum")}


def test_foundations_are_organisations_and_their_name_ends_at_a_verb():
    orgs = _orgs("Ngày 24/10, Trung tâm Học liệu tiếp nhận 2.000 cuốn sách do Quỹ Châu Á tài trợ.")
    assert "Quỹ Châu Á" in orgs


def test_a_school_name_ends_before_the_prize_it_won():
    orgs = _orgs("Em Đoàn Ngọc Hân, học sinh Trường Tiểu học Phú Hòa đoạt giải Nhì cuộc thi.")
    assert "Trường Tiểu học Phú Hòa" in orgs


def test_union_of_provinces_and_cities_of_a_region():
    orgs = _orgs("Ông Ngô Đức Mạnh, Chủ tịch Liên hiệp Thư viện các tỉnh, thành phố đồng bằng sông Hồng phát biểu.")
    assert list(orgs) == ["Liên hiệp Thư viện các tỉnh, thành phố đồng bằng sông Hồng"]


# --- issue 18: families seen failing on real pages (invented sentences) ---

def test_head_words_after_the_first_match_in_any_case():
    orgs = _orgs("Nhà Xuất bản Phú Hòa và Thành Đoàn Vĩnh An cùng tặng sách cho Thư Viện Khoa học Tổng hợp Bình An.")
    assert orgs["Nhà Xuất bản Phú Hòa"][0] == "Company"
    assert orgs["Thành Đoàn Vĩnh An"][0] == "PoliticalBody"
    assert "Thư Viện Khoa học Tổng hợp Bình An" in orgs


def test_lower_case_heads_open_a_name_before_a_proper_name():
    orgs = _orgs("Em Lê Minh Tú, học sinh trường Trung học cơ sở Tân Phước, nhận sách của thư viện tỉnh Bình Định.")
    assert set(orgs) == {"Trường Trung học cơ sở Tân Phước", "Thư viện tỉnh Bình Định"}


def test_lower_case_head_of_a_generic_noun_is_not_a_name():
    assert _orgs("Các em đến thư viện đọc sách; trường có phòng đọc mới; các em đến thư viện Trường để mượn "
                 "sách.") == {}


def test_known_name_pieces_with_verbs_and_admin_words_inside():
    orgs = _orgs("Đến dự có đại diện Viện Hàn lâm Khoa học xã hội Việt Nam, Tổng cục Chính trị Quân đội nhân dân "
                 "Việt Nam, Hội Nhà báo tỉnh Quảng Trị và Viện Nghiên cứu và Phát triển Giáo dục Mở.")
    assert set(orgs) == {"Viện Hàn lâm Khoa học xã hội Việt Nam", "Tổng cục Chính trị Quân đội nhân dân Việt Nam",
                         "Hội Nhà báo tỉnh Quảng Trị", "Viện Nghiên cứu và Phát triển Giáo dục Mở"}


def test_faculties_and_dashed_information_library_pieces():
    orgs = _orgs("Ông Trần Văn Bình, Trưởng khoa, Khoa Thông tin - Thư viện, Trường Đại học Văn Lang phát biểu.")
    assert orgs["Khoa Thông tin - Thư viện"] == ("University", "Trường Đại học Văn Lang")


def test_party_army_and_school_kinds():
    orgs = _orgs("Nhân kỷ niệm ngày thành lập Đảng Cộng sản Việt Nam, Đại đoàn 308, Bộ Tổng Tham mưu và các "
                 "trường: Tiểu học Hòa Lạc, Trung học phổ thông Yên Thế nhận sách.")
    assert orgs["Đảng Cộng sản Việt Nam"][0] == "PoliticalBody"
    assert orgs["Đại đoàn 308"][0] == "MilitaryPolice"
    assert orgs["Bộ Tổng Tham mưu"][0] == "MilitaryPolice"
    assert orgs["Tiểu học Hòa Lạc"][0] == "School"
    assert orgs["Trung học phổ thông Yên Thế"][0] == "School"


def test_a_personal_name_after_a_country_or_a_second_school_is_not_in_the_name():
    orgs = _orgs("Phó Chủ tịch Hội Khuyến học Việt Nam Phạm Văn Tâm phát biểu. Giải nhất thuộc về Lê Văn Tú, "
                 "Trường THCS Hòa Bình và Nguyễn Thị Mai, Trường THPT Bắc Sơn.")
    assert set(orgs) == {"Hội Khuyến học Việt Nam", "Trường THCS Hòa Bình", "Trường THPT Bắc Sơn"}


def test_numbered_units_with_their_service_even_after_a_plural():
    orgs = _orgs("Thư viện luân chuyển sách đến các Lữ đoàn 170 Hải quân.")
    assert orgs["Lữ đoàn 170 Hải quân"][0] == "MilitaryPolice"


def test_a_trailing_administrative_word_stays_in_the_name():
    orgs = _orgs("Hội sách khai mạc tại Trung tâm Triển lãm Văn hóa thành phố; Chủ tịch Công đoàn Công an tỉnh dự.")
    assert "Trung tâm Triển lãm Văn hóa thành phố" in orgs
    assert "Công đoàn Công an tỉnh" in orgs


def test_city_abbreviation_without_a_dot_and_a_unit_of_the_provincial_police():
    # a head that needs an administrative part takes none without its word: "Công an Đà Nẵng" alone is no
    # name (round 2: the province-after-police rule held on one tuning page and failed on the fresh set),
    # so a unit named with it stays whole
    orgs = _orgs("Phòng Giáo dục - Đào tạo TP Bảo Lộc phối hợp với Phòng Cảnh sát Giao thông Công an Đà Nẵng "
                 "tổ chức ngày hội.")
    assert set(orgs) == {"Phòng Giáo dục - Đào tạo TP Bảo Lộc", "Phòng Cảnh sát Giao thông Công an Đà Nẵng"}


def test_generic_lists_of_local_police_are_not_organisations():
    assert _orgs("Dự có lãnh đạo Công an quận, huyện, thị xã.") == {}


def test_central_boards_need_no_parent():
    orgs = _orgs("Ông Vũ Văn Hòa, Vụ trưởng Vụ Văn hóa - Văn nghệ, Ban Tuyên giáo Trung ương dự.")
    assert "Ban Tuyên giáo Trung ương" in orgs


def test_a_province_library_is_not_a_commune_library():
    doc = _doc("Lễ ra mắt Thư viện xã An Hòa có ông Lê Văn Tư, Phó Giám đốc Thư viện tỉnh.")
    assert [o.name for o in doc.organizations] == ["Thư viện xã An Hòa", "Thư viện tỉnh"]


def test_lower_case_descriptors_before_a_province_or_a_parent():
    orgs = _orgs("Dự có Trường Cao đẳng y tế Bình Định và Câu lạc bộ đọc sách Trường Đại học Quy Nhơn.")
    assert "Trường Cao đẳng y tế Bình Định" in orgs
    assert "Câu lạc bộ đọc sách Trường Đại học Quy Nhơn" in orgs


def test_organisations_named_in_the_headline():
    orgs = _orgs("Bộ Công an khai mạc triển lãm sách\n\nSáng 20/4, triển lãm sách được khai mạc tại Hà Nội.")
    assert "Bộ Công an" in orgs


def test_an_abbreviation_in_brackets_names_the_organisation_later():
    orgs = _orgs("Viện Phát triển Tri thức Mở (VKO) tổ chức hội thảo. Ông Lê Văn Hà, Viện trưởng Viện VKO, phát biểu.")
    assert set(orgs) == {"Viện Phát triển Tri thức Mở"}


def test_university_of_a_national_university_joined_by_a_dash():
    orgs = _orgs("Ký kết có Trường Đại học Kinh tế - Đại học Quốc gia TP. Hồ Chí Minh.")
    assert set(orgs) == {"Trường Đại học Kinh tế - Đại học Quốc gia TP. Hồ Chí Minh",
                         "Đại học Quốc gia TP. Hồ Chí Minh"}


def test_glued_menu_words_and_newspaper_fairs_are_not_organisations():
    assert _orgs("Vụ Thư ViệnVụ Thư Viện\n\nHội Báo Xuân Quảng Nam 2025 khai mạc sáng nay.") == {}


def test_a_union_named_by_its_subject():
    orgs = _orgs("Hội nghị thường niên của Liên hiệp thư viện Việt Nam về nguồn tin KH&CN diễn ra ở Huế.")
    assert list(orgs) == ["Liên hiệp thư viện Việt Nam về nguồn tin KH&CN"]


def test_unions_of_member_schools_and_capitalised_regions():
    orgs = _orgs("Liên chi hội Thư viện các trường đại học, cao đẳng phía Nam phối hợp với Liên hiệp Thư viện "
                 "các tỉnh Miền Trung tổ chức hội thảo.")
    assert set(orgs) == {"Liên chi hội Thư viện các trường đại học, cao đẳng phía Nam",
                         "Liên hiệp Thư viện các tỉnh Miền Trung"}


def test_a_role_after_and_or_a_place_after_a_dash_ends_the_name():
    orgs = _orgs("Sách viết về Đảng Cộng sản Việt Nam và Chủ tịch Hồ Chí Minh được trưng bày; giải nhất thuộc về "
                 "em Lê Thu Hà, trường THCS Nguyễn Trãi – TP. Long Xuyên.")
    assert set(orgs) == {"Đảng Cộng sản Việt Nam", "Trường THCS Nguyễn Trãi"}


def test_a_school_level_then_a_personal_name_is_one_school():
    orgs = _orgs("Em Võ Minh Quân, lớp 7A1 trường Trung học cơ sở Lý Thường Kiệt, đạt giải nhì.")
    assert set(orgs) == {"Trường Trung học cơ sở Lý Thường Kiệt"}


def test_a_name_without_its_country_or_subject_is_the_fuller_name():
    doc = _doc("Liên hiệp thư viện Việt Nam về nguồn tin KH&CN họp thường niên\n\n"
               "Sáng 16/6, Liên hiệp thư viện họp tại Huế. Ông Lê Văn An, Chủ tịch Liên hiệp thư viện Việt Nam, "
               "và bà Trần Thu Hà, Phó Giám đốc Thư viện Quốc gia, cùng dự. Thư viện Quốc gia Việt Nam tặng sách.")
    assert [o.name for o in doc.organizations] == ["Liên hiệp thư viện Việt Nam về nguồn tin KH&CN",
                                                   "Thư viện Quốc gia Việt Nam"]
    got = {(m.surface, m.name) for m in doc.org_mentions}
    assert ("Liên hiệp thư viện", "Liên hiệp thư viện Việt Nam về nguồn tin KH&CN") in got


def test_a_name_ends_before_giua():
    orgs = _orgs("Hợp tác giữa Thư viện Quốc gia Lào giữa hai nước được ký tại Viêng Chăn.")
    assert set(orgs) == {"Thư viện Quốc gia Lào"}


def test_a_bare_military_command_is_not_another_units_mention():
    orgs = _orgs("Thư viện luân chuyển sách đến Lữ đoàn 162 Hải quân và Bộ Chỉ huy Quân sự tỉnh.")
    assert set(orgs) == {"Lữ đoàn 162 Hải quân", "Bộ Chỉ huy Quân sự tỉnh"}


def test_association_of_member_schools_of_a_country_and_libraries_of_a_country():
    orgs = _orgs("Hiệp hội Các trường đại học, cao đẳng Việt Nam hỗ trợ các cơ quan thông tin thư viện Việt Nam.")
    assert set(orgs) == {"Hiệp hội Các trường đại học, cao đẳng Việt Nam"}


def test_a_national_office_by_its_abbreviation_and_the_short_name_of_a_consortium():
    doc = _doc("Liên hợp thư viện Việt Nam về nguồn tin KH&CN (gọi tắt là Liên hợp) họp tại Huế. Ông Lê Văn Bình, "
               "Cục trưởng Cục Thông tin KH&CN quốc gia, là Chủ tịch Liên hợp.")
    assert [o.name for o in doc.organizations] == ["Liên hợp thư viện Việt Nam về nguồn tin KH&CN",
                                                   "Cục Thông tin KH&CN quốc gia"]
    got = {(m.surface, m.name) for m in doc.org_mentions}
    assert ("Liên hợp", "Liên hợp thư viện Việt Nam về nguồn tin KH&CN") in got


def test_a_capitalised_break_word_before_lower_case_ends_the_name():
    orgs = _orgs("Trường Tiểu học Kim Sơn Nhân dịp khai giảng tặng sách; Công ty Cổ phần Sách Minh An Tổ chức "
                 "chương trình; Thư viện Lương Văn Của - Học viện Nông Lâm dự.")
    assert "Trường Tiểu học Kim Sơn" in orgs and "Công ty Cổ phần Sách Minh An" in orgs
    assert "Thư viện Lương Văn Của - Học viện Nông Lâm" in orgs


def test_a_board_of_a_committee_named_without_its_province():
    orgs = _orgs("Dự có đại diện Ban Tuyên giáo Tỉnh ủy, Ban Dân vận Tỉnh ủy Bình Thuận.")
    assert set(orgs) == {"Ban Tuyên giáo Tỉnh ủy", "Ban Dân vận Tỉnh ủy Bình Thuận"}


def test_border_guards_and_navy_commands():
    orgs = _orgs("Bộ Tư lệnh Vùng Cảnh sát biển 3, Bộ đội Biên phòng tỉnh Quảng Trị và Bộ Chỉ huy Bộ đội Biên phòng "
                 "tỉnh Lai Châu cùng dự; lực lượng Bộ đội Biên phòng góp sách.")
    assert set(orgs) == {"Bộ Tư lệnh Vùng Cảnh sát biển 3", "Bộ đội Biên phòng tỉnh Quảng Trị",
                         "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lai Châu"}


def test_company_forms_two_libraries_joined_by_and_and_a_gifted_school():
    orgs = _orgs("Công ty cổ phần Sách Hòa Bình và Công ty trách nhiệm hữu hạn Phát hành sách An Phú tài trợ; "
                 "Thư viện Tạ Văn Hải và Thư viện Học viện Nông Lâm ký kết với Trường Trung học phổ thông chuyên "
                 "Lê Văn Tám.")
    assert {"Công ty cổ phần Sách Hòa Bình", "Công ty trách nhiệm hữu hạn Phát hành sách An Phú",
            "Thư viện Tạ Văn Hải", "Thư viện Học viện Nông Lâm",
            "Trường Trung học phổ thông chuyên Lê Văn Tám"} <= set(orgs)


def test_a_union_by_its_initials_and_its_region_without_khu_vuc():
    doc = _doc("Liên hiệp Thư viện khu vực Tây Nguyên và cực Nam Trung Bộ tổng kết năm. Ông Lê Văn Tâm, Chủ tịch "
               "Liên hiệp Thư viện TN & CNTB - Giám đốc Thư viện tỉnh Gia Lai, báo cáo; các tỉnh thuộc Liên hiệp "
               "Thư viện Tây Nguyên và cực Nam Trung Bộ cùng dự.")
    assert [o.name for o in doc.organizations] == ["Liên hiệp Thư viện khu vực Tây Nguyên và cực Nam Trung Bộ",
                                                   "Thư viện tỉnh Gia Lai"]


def test_a_district_office_named_without_its_district_and_a_bookshop():
    orgs = _orgs("Thư viện huyện phối hợp với Phòng Giáo dục và Đào tạo huyện và Nhà sách Minh Khai tổ chức "
                 "ngày hội.")
    assert orgs["Phòng Giáo dục và Đào tạo huyện"][0] == "GovernmentBody"
    assert orgs["Nhà sách Minh Khai"][0] == "Company"


def test_abbreviated_district_words_close_a_name():
    orgs = _orgs("Trung tâm Văn hóa Thông tin H.Long Điền trao sách cho Trung tâm Văn hóa Q.5 tại Hà Nội.")
    assert set(orgs) == {"Trung tâm Văn hóa Thông tin H.Long Điền", "Trung tâm Văn hóa Q.5"}


def test_a_lower_case_piece_closed_by_a_district_and_boarding_school_levels():
    orgs = _orgs("Trung tâm Văn hóa - thông tin và thể thao H.Tân Phú trao sách tại trường Dân tộc nội trú THCS "
                 "huyện Cờ Đỏ và Trường Mầm non Sao Mai.")
    assert set(orgs) == {"Trung tâm Văn hóa - thông tin và thể thao H.Tân Phú",
                         "Trường Dân tộc nội trú THCS huyện Cờ Đỏ", "Trường Mầm non Sao Mai"}


def test_place_names_opening_with_a_head_word_and_pieces_with_lower_case_words():
    orgs = _orgs("Đoàn dâng hương tại Nghĩa trang Liệt sĩ Quốc gia Trường Sơn rồi tặng sách cho quân dân huyện đảo "
                 "Trường Sa; Công ty TNHH Giải pháp Thư viện số Nam Việt và Trung tâm Dịch vụ tổng hợp xã Tân Lập "
                 "cùng tham gia.")
    assert set(orgs) == {"Công ty TNHH Giải pháp Thư viện số Nam Việt", "Trung tâm Dịch vụ tổng hợp xã Tân Lập"}


def test_a_library_of_a_university_written_in_lower_case():
    orgs = _orgs("Thư viện trường Đại học Hà Tĩnh tiếp nhận sách.")
    # the university is only embedded in the library's name: its parent, not listed on its own (SCHEMA.md)
    assert orgs == {"Thư viện trường Đại học Hà Tĩnh": ("Library", "Trường Đại học Hà Tĩnh")}


def test_a_boarding_school_level_is_one_piece_of_the_name():
    orgs = _orgs("Xe thư viện phục vụ tại trường Phổ thông dân tộc nội trú THCS và THPT huyện.")
    assert set(orgs) == {"Trường Phổ thông dân tộc nội trú THCS và THPT huyện"}


def test_a_name_ends_before_and_with_a_persons_title():
    orgs = _orgs("Dự có bà Hoàng Thu Lan, Phó Trưởng khoa Trường Đại học Văn hóa Hà Nội và ThS. Lê Văn Hà; "
                 "Thư viện Quốc gia và PGS.TS Trần Văn Bình.")
    assert set(orgs) == {"Trường Đại học Văn hóa Hà Nội", "Thư viện Quốc gia"}


def test_a_persons_name_right_after_an_association_or_department():
    orgs = _orgs("Chủ tịch Hội Khuyến học Nguyễn Văn Bình và Giám đốc Sở Văn hóa Trần Thị Hoa dự lễ tại Thư viện "
                 "Tạ Quang Bửu.")
    assert set(orgs) == {"Hội Khuyến học", "Sở Văn hóa", "Thư viện Tạ Quang Bửu"}


def test_verbs_after_a_name_end_it():
    orgs = _orgs("Thư viện Đà Nẵng tăng cường phục vụ; Trung tâm Văn hóa trực thuộc Sở; Thư viện Hải Dương hiện "
                 "quản lý 20 tủ sách.")
    assert set(orgs) == {"Thư viện Đà Nẵng", "Trung tâm Văn hóa", "Thư viện Hải Dương"}


def test_a_department_without_a_place_is_a_name_but_not_in_a_byline():
    orgs = _orgs("Thư viện huyện Tân Lộc phối hợp với Phòng Giáo dục và Đào tạo tổ chức hội thi kể chuyện; "
                 "đại diện Phòng Nghiệp vụ văn hóa của Sở dự.\n\nMinh Anh - Phòng Thông tin - Thư mục\n\n"
                 "Tin: Phòng Hành chính - Tổng hợp. Ảnh: Lan Chi\n\nPhòng Phục vụ bạn đọc")
    assert set(orgs) == {"Thư viện huyện Tân Lộc", "Phòng Giáo dục và Đào tạo", "Phòng Nghiệp vụ văn hóa"}
    assert set(_orgs("Phòng Phục vụ bạn đọc trưng bày sách mới.")) == {"Phòng Phục vụ bạn đọc"}


def test_a_department_after_a_role_word_belongs_to_the_role():
    # "Trưởng Phòng X": the positions component reads the office; the organisation rules skip it
    from libkg.extract.lexicon import tokenize
    from libkg.extract.orgscan import scan_tokens as _scan_tokens
    toks = tokenize("Bà Lê Thị Hoa, Phó Trưởng phòng phụ trách Phòng Bổ sung - Biên mục, phát biểu.")
    assert _scan_tokens(toks) == []
    toks = tokenize("Ông Trần Văn Minh, Trưởng Phòng Văn hóa và Thông tin, phát biểu.")
    assert _scan_tokens(toks) == []


def test_a_subject_in_lower_case_after_a_topic_link_stays_in_the_name():
    orgs = _orgs("Liên hiệp thư viện Việt Nam về nguồn tin y học và dược học tổ chức hội nghị thường niên.")
    assert set(orgs) == {"Liên hiệp thư viện Việt Nam về nguồn tin y học và dược học"}


def test_place_length_is_public():
    from libkg.extract.lexicon import tokenize
    from libkg.extract.orgscan import place_length
    toks = tokenize("tỉnh Lào Cai tổ chức")
    assert place_length(toks, 1, "tỉnh") == 2
    assert place_length(toks, 3, "tỉnh") == 0


def test_a_term_after_a_name_is_no_part_of_it_and_a_leadership_board_stays_in_the_role():
    orgs = _orgs("Ban Lãnh đạo Hội Sử học Việt Nam khóa IV họp tại Hà Nội.")
    assert set(orgs) == {"Hội Sử học Việt Nam"}


def test_a_council_of_a_named_body_is_one_name():
    orgs = _orgs("Năm 1976, Hội đồng Chính phủ quyết định thành lập thư viện.")
    assert set(orgs) == {"Hội đồng Chính phủ"}


def test_a_name_cut_off_at_the_end_of_a_fragment_is_no_name():
    orgs = _orgs("Đọc sách mùa hè\n\nThư viện tỉnh Quảng Ngãi phối hợp với Trung tâm Văn hóa Sông Lam và Thư viện Nam Ph")
    assert set(orgs) == {"Thư viện tỉnh Quảng Ngãi", "Trung tâm Văn hóa Sông Lam"}


def test_a_headline_in_capitals_is_read_in_the_bodys_case():
    doc = _doc("CÁN BỘ THƯ VIỆN LÊ QUÝ ĐÔN TỈNH QUẢNG NGÃI THĂM UBND HUYỆN SƠN TỊNH\n\n"
               "Sáng nay, đoàn cán bộ thư viện đến thăm huyện Sơn Tịnh và tặng sách cho các trường.")
    assert {o.name for o in doc.organizations} == {"Thư viện Lê Quý Đôn tỉnh Quảng Ngãi", "UBND huyện Sơn Tịnh"}


def test_an_office_of_a_named_body_is_one_name():
    orgs = _orgs("Theo công văn của Văn phòng Chính phủ, Sở Nội vụ tỉnh Quảng Ngãi rà soát các thư viện.")
    assert set(orgs) == {"Văn phòng Chính phủ", "Sở Nội vụ tỉnh Quảng Ngãi"}


def test_bodies_listed_before_a_generic_plural_are_no_one_organisation():
    orgs = _orgs("Dự lớp có lãnh đạo Phòng Văn hóa - Thông tin, Trung tâm Văn hóa, Thể thao và Truyền thông các "
                 "huyện, thị xã; Thư viện Hà Nội và thư viện các tỉnh Bắc Ninh, Ninh Bình.")
    assert set(orgs) == {"Thư viện Hà Nội"}


def test_a_hotel_is_a_company_and_an_address_after_a_dash_is_no_part_of_the_name():
    orgs = _orgs("Chung kết diễn ra tại Hội trường Khách sạn Hoa Sen - Khu du lịch Bãi Dài - Thị trấn Cam Đức - "
                 "Huyện Cam Lâm; Nhà hát Tuổi trẻ biểu diễn.")
    assert orgs == {"Khách sạn Hoa Sen": ("Company", None), "Nhà hát Tuổi trẻ": ("Other", None)}


def test_a_known_piece_in_lower_case_is_read_whole_after_a_name_word():
    orgs = _orgs("Cục Thông tin khoa học và công nghệ quốc gia tổ chức hội thảo.")
    assert set(orgs) == {"Cục Thông tin khoa học và công nghệ quốc gia"}


def test_a_name_ending_with_a_province_or_country_ends_before_and():
    orgs = _orgs("Bảo tàng Hà Nội và Rạp Tháng Tám phối hợp; Hội Sử học Việt Nam và Nhà văn Lê Minh dự.")
    assert set(orgs) == {"Bảo tàng Hà Nội", "Hội Sử học Việt Nam"}


def test_a_branch_of_a_universitys_library_is_one_name():
    orgs = _orgs("Chi hội Thư viện Trường Đại học Sư phạm Huế họp thường kỳ.")
    assert set(orgs) == {"Chi hội Thư viện Trường Đại học Sư phạm Huế"}


def test_a_body_named_after_a_country_keeps_its_seat_abroad():
    orgs = _orgs("Trung tâm Văn hóa Việt Nam tại nước Cộng hòa Dân chủ Nhân dân Lào và Trung tâm Văn hóa Việt Nam "
                 "tại Pháp trưng bày sách; Hội Sử học Việt Nam tại Hà Nội dự.")
    assert set(orgs) == {"Trung tâm Văn hóa Việt Nam tại nước Cộng hòa Dân chủ Nhân dân Lào",
                         "Trung tâm Văn hóa Việt Nam tại Pháp", "Hội Sử học Việt Nam"}


def test_a_school_named_with_and_without_its_level_abbreviated_is_one():
    orgs = _orgs("Em An (Trường Tiểu học Lê Lợi) và em Bình (Trường TH Lê Lợi) đạt giải; Trường THCS Lê Lợi "
                 "xếp thứ ba.")
    assert set(orgs) == {"Trường Tiểu học Lê Lợi", "Trường THCS Lê Lợi"}


def test_united_nations_youth_union_centre_and_services_are_names():
    orgs = _orgs("Liên Hợp Quốc và Trung ương Đoàn phát động; Quân chủng Phòng không - Không quân và Binh chủng "
                 "Công binh tặng sách.")
    assert set(orgs) == {"Liên Hợp Quốc", "Trung ương Đoàn", "Quân chủng Phòng không - Không quân",
                         "Binh chủng Công binh"}


def test_an_administrative_word_in_a_headline_in_capitals_is_lower_case():
    doc = _doc("ĐOÀN CÔNG TÁC UBND HUYỆN SƠN TỊNH THĂM TRƯỜNG THCS TỊNH HÀ\n\n"
               "Huyện Sơn Tịnh có nhiều trường học. Nhà trường có thư viện đạt chuẩn.\n\nPHÒNG ĐỌC THIẾU NHI MỞ CỬA")
    assert {o.name for o in doc.organizations} == {"UBND huyện Sơn Tịnh", "Trường THCS Tịnh Hà"}


def test_lower_case_descriptors_of_libraries_institutes_and_centres_but_not_a_role():
    orgs = _orgs("Sinh viên mượn sách tại Thư viện cơ sở Hòa An; Viện lịch sử Đảng và Trung tâm dữ liệu Quốc gia "
                 "dự. Ông Lê Văn An, Viện trưởng Viện Sử học, phát biểu.")
    assert set(orgs) == {"Thư viện cơ sở Hòa An", "Viện lịch sử Đảng", "Trung tâm dữ liệu Quốc gia",
                         "Viện Sử học"}


def test_library_models_and_platforms_are_no_organisation():
    orgs = _orgs("Thư viện số Bình An phục vụ bạn đọc; trường nhân rộng mô hình Thư viện Xanh và Thư viện thân thiện; "
                 "Công ty TNHH Giải pháp Thư viện số Nam Việt tài trợ.")
    assert set(orgs) == {"Công ty TNHH Giải pháp Thư viện số Nam Việt"}


def test_a_persons_name_after_a_whole_name_head_is_no_part_of_it():
    orgs = _orgs("Đoàn thăm khu lưu niệm Chủ tịch Hội đồng Bộ trưởng Phạm Văn Đồng và trụ sở Quốc hội.")
    assert set(orgs) == {"Hội đồng Bộ trưởng", "Quốc hội"}


def test_more_verbs_after_a_name_end_it():
    orgs = _orgs("Thư viện Hòa Bình xúc tiến hợp tác; Trung tâm Văn hóa Sông Lam nâng cao chất lượng; Hội Khuyến học "
                 "Tân Lộc khen thưởng học sinh; Trung tâm Xúc tiến Du lịch Hòa Bình dự.")
    assert set(orgs) == {"Thư viện Hòa Bình", "Trung tâm Văn hóa Sông Lam", "Hội Khuyến học Tân Lộc",
                         "Trung tâm Xúc tiến Du lịch Hòa Bình"}


def test_a_name_from_a_headline_in_capitals_is_written_as_the_body_writes_it():
    doc = _doc("ĐOÀN KHÁCH THĂM THƯ VIỆN KHOA HỌC TỔNG HỢP TP. HỒ CHÍ MINH\n\n"
               "Sáng nay, đoàn khách đến Thư viện Khoa học Tổng hợp TP. Hồ Chí Minh. Khách đi Tp. Huế, Tp. Vinh "
               "và Tp. Đà Lạt.")
    assert [o.name for o in doc.organizations] == ["Thư viện Khoa học Tổng hợp TP. Hồ Chí Minh"]


def test_a_name_after_an_abbreviated_body_ends_it():
    orgs = _orgs("Dự lễ có Thứ trưởng Bộ VHTTDL Hoàng Văn Cường và Giám đốc Sở GD&ĐT Lò Thị Sen.")
    assert set(orgs) == {"Bộ VHTTDL", "Sở GD&ĐT"}


def test_a_verb_after_a_name_ends_it():
    orgs = _orgs("Đồn Biên phòng Pa Vây Sử giúp các em đọc sách. Thư viện huyện Mường Tè dâng hương tại đền.")
    assert set(orgs) == {"Đồn Biên phòng Pa Vây Sử", "Thư viện huyện Mường Tè"}


def test_front_youth_and_urban_party_bodies():
    orgs = _orgs("Chủ tịch UBMTTQ xã Nà Hỳ, Bí thư Quận ủy Ba Đình, Bí thư Thị đoàn Sơn Tây và Chủ tịch "
                 "Hội Liên hiệp Thanh niên huyện Yên Thế cùng dự.")
    assert set(orgs) == {"UBMTTQ xã Nà Hỳ", "Quận ủy Ba Đình", "Thị đoàn Sơn Tây",
                         "Hội Liên hiệp Thanh niên huyện Yên Thế"}


def test_a_university_named_after_a_person_and_a_capitalised_branch_association():
    facts = EX(article_from_text("Bà Lò Thị Hoa, Giám đốc Thư viện Trường Đại học Lương Văn Can, dự hội thảo của "
                                 "Liên Chi hội Thư viện các trường đại học khu vực phía Bắc.", id="t1",
                                 published="2024-05-01"))
    assert [p.name for p in facts.persons] == ["Lò Thị Hoa"]
    assert {o.name for o in facts.organizations} == {
        "Thư viện Trường Đại học Lương Văn Can", "Liên Chi hội Thư viện các trường đại học khu vực phía Bắc"}


def test_a_committee_named_by_its_place_ends_before_a_person():
    orgs = _orgs("Dự có Phó Bí thư Tỉnh ủy Phan Văn Lục và Bí thư Thành ủy Huế Phan Thiên Ân; Bí thư Huyện ủy "
                 "Hoàng Su Phì cũng đến dự.")
    assert set(orgs) == {"Tỉnh ủy", "Thành ủy Huế", "Huyện ủy Hoàng Su Phì"}


def test_a_lower_case_role_word_and_a_photo_number_end_a_name():
    orgs = _orgs("Bà Lò Thị Hoa, Giám đốc Thư viện Điện Biên chủ tịch liên hiệp, báo cáo. Bà Lò Thị Hoa được bầu "
                 "làm Chủ tịch Hội Thư viện tỉnh Điện Biên - Ảnh 2.")
    assert set(orgs) == {"Thư viện Điện Biên", "Hội Thư viện tỉnh Điện Biên"}


def test_a_foreign_mission_keeps_its_seat_in_this_country():
    orgs = _orgs("Đại sứ quán Ba Lan tại Việt Nam phối hợp với Hội Thư viện Việt Nam tại Hà Nội tổ chức triển lãm.")
    assert set(orgs) == {"Đại sứ quán Ba Lan tại Việt Nam", "Hội Thư viện Việt Nam"}


def test_the_country_written_short_in_a_name_is_the_name_written_in_full():
    facts = EX(article_from_text("Hội Thư viện Việt Nam tổ chức hội thảo. Ông Lã Văn Tùng, Phó Chủ tịch Hội Thư viện "
                                 "VN phát biểu.", id="t1", published="2024-05-01"))
    assert [o.name for o in facts.organizations] == ["Hội Thư viện Việt Nam"]
    assert [(p.person, p.role, p.organization) for p in facts.positions] == [
        ("Lã Văn Tùng", "Phó Chủ tịch", "Hội Thư viện Việt Nam")]


def test_union_and_youth_branches_named_by_a_lower_case_descriptor():
    orgs = _orgs("Dự đại hội có ông Lê Văn An - Chủ tịch Công đoàn viên chức tỉnh Nam Định, ông Hà Văn Bình - Chủ "
                 "tịch Công đoàn ngành và đại diện BCH Công đoàn cơ sở, BCH Chi đoàn thanh niên.")
    assert set(orgs) == {"Công đoàn viên chức tỉnh Nam Định", "Công đoàn ngành", "Công đoàn cơ sở",
                         "Chi đoàn thanh niên"}
    assert {kind for kind, _ in orgs.values()} == {"PoliticalBody"}


def test_names_of_merged_offices_broadcasters_and_schools_run_through_their_pieces():
    orgs = _orgs("Trung tâm Văn hóa, Truyền thông và Thể thao huyện Yên Lập, Đài Truyền thanh - Truyền hình huyện "
                 "Tam Nông, Sở Nông nghiệp và Môi trường tỉnh Phú Thọ, Trường Sĩ quan Pháo binh và Trường tiểu học "
                 "Hùng Lô cùng tham gia.")
    assert set(orgs) == {"Trung tâm Văn hóa, Truyền thông và Thể thao huyện Yên Lập",
                         "Đài Truyền thanh - Truyền hình huyện Tam Nông", "Sở Nông nghiệp và Môi trường tỉnh Phú Thọ",
                         "Trường Sĩ quan Pháo binh", "Trường tiểu học Hùng Lô"}


def test_a_party_committee_of_a_bloc_of_agencies():
    orgs = _orgs("Ban Thường vụ Đảng ủy Khối cơ quan và Doanh nghiệp tỉnh Hà Nam và Đảng bộ Khối các cơ quan tỉnh "
                 "Nam Định đã ban hành kế hoạch.")
    assert set(orgs) == {"Đảng ủy Khối cơ quan và Doanh nghiệp tỉnh Hà Nam", "Đảng bộ Khối các cơ quan tỉnh Nam Định"}


def test_a_bare_peoples_council_after_a_role_and_no_body_in_a_document_number():
    orgs = _orgs("Ông Quách Văn An - Phó Bí thư Đảng ủy - Chủ tịch HĐND cùng dự. Ủy ban nhân dân tỉnh vừa có văn bản "
                 "số 3841/UBND-VX gửi Sở Nội vụ.")
    assert set(orgs) == {"Đảng ủy", "HĐND", "Ủy ban nhân dân tỉnh", "Sở Nội vụ"}
    orgs = _orgs("UBND xã Tân Phú tổ chức lễ ra mắt. Ông Lò Văn Sáng, Chủ tịch UBND phát biểu.")
    assert set(orgs) == {"UBND xã Tân Phú"}


def test_a_name_word_with_a_typographic_apostrophe():
    orgs = _orgs("Trại giam Đắk P’rông phối hợp với Thư viện tỉnh Đắk Nông tổ chức ngày hội.")
    assert set(orgs) == {"Trại giam Đắk P’rông", "Thư viện tỉnh Đắk Nông"}


def test_society_is_no_commune_inside_a_name():
    orgs = _orgs("Ngân hàng Chính sách xã hội huyện Yên Phong trao 50 suất quà cho bạn đọc nhỏ.")
    assert set(orgs) == {"Ngân hàng Chính sách xã hội huyện Yên Phong"}


def test_a_lower_case_name_closed_by_its_place():
    orgs = _orgs("Bà Đinh Thị Yến, Giám đốc Trung tâm văn hóa thể thao huyện Lục Yên, cùng Ban quản lý di tích "
                 "tỉnh Hà Nam và Phòng giáo dục và đào tạo thị xã Sơn Tây dự lễ.")
    assert set(orgs) == {"Trung tâm văn hóa thể thao huyện Lục Yên", "Ban quản lý di tích tỉnh Hà Nam",
                         "Phòng giáo dục và đào tạo thị xã Sơn Tây"}
    assert _orgs("Hội nghị giao ban huyện Lục Yên diễn ra sáng nay.") == {}


def test_a_firm_named_after_its_legal_form():
    orgs = _orgs("Buổi lễ có sự đồng hành của Công ty cổ phần sách thiết bị Minh Long, Công ty TNHH MTV Văn phòng phẩm "
                 "Hồng Hà và Công ty trách nhiệm hữu hạn in ấn và bao bì Việt Tiến.")
    assert set(orgs) == {"Công ty cổ phần sách thiết bị Minh Long", "Công ty TNHH MTV Văn phòng phẩm Hồng Hà",
                         "Công ty trách nhiệm hữu hạn in ấn và bao bì Việt Tiến"}
    assert _orgs("Anh Tráng A Lử làm kế toán cho một Công ty cổ phần ở Lào Cai.") == {}


def test_organisations_named_in_quoted_speech_but_not_in_a_quoted_title():
    orgs = _orgs("Bà Hà Thị Mơ cho biết: “Thư viện huyện Bảo Lâm sẽ phối hợp với Trường THCS Lý Bôn mở tủ sách”.")
    assert set(orgs) == {"Thư viện huyện Bảo Lâm", "Trường THCS Lý Bôn"}
    assert _orgs("Ngày 3/4 diễn ra hội thảo “Thư viện tỉnh Cao Bằng với bạn đọc nhỏ”.") == {}


def test_a_name_ending_with_a_place_takes_no_lower_case_words_after_it():
    orgs = _orgs("Dịp này, Trung tâm Học liệu Đại học Quốc gia Hà Nội động viên sinh viên đọc sách; Bảo tàng Mỹ thuật "
                 "Việt Nam vận động khách tham quan.")
    assert set(orgs) == {"Trung tâm Học liệu Đại học Quốc gia Hà Nội", "Bảo tàng Mỹ thuật Việt Nam"}


def test_an_abbreviated_mention_that_the_scorer_does_not_expand_is_the_full_name():
    orgs = _orgs("Sở Văn hóa, Thể thao và Du lịch tỉnh Hà Giang tổ chức hội nghị. Ông Vàng Seo Dìn, Phó Giám đốc "
                 "Sở VHTT&DL, phát biểu; đại diện Sở TT-TT cũng dự.")
    assert set(orgs) == {"Sở Văn hóa, Thể thao và Du lịch tỉnh Hà Giang", "Sở TT-TT"}


def test_post_offices_social_insurance_district_military_commands_and_cooperatives():
    orgs = _orgs("Bưu điện tỉnh Cao Bằng, Bảo hiểm xã hội huyện Hòa An, Ban Chỉ huy Quân sự huyện Bảo Lạc và Hợp tác xã "
                 "Chè Khau Sảo cùng trao sách.")
    assert orgs == {"Bưu điện tỉnh Cao Bằng": ("Company", None), "Bảo hiểm xã hội huyện Hòa An": ("GovernmentBody", None),
                    "Ban Chỉ huy Quân sự huyện Bảo Lạc": ("MilitaryPolice", None),
                    "Hợp tác xã Chè Khau Sảo": ("Company", None)}


def test_a_body_named_after_a_city_named_after_a_person_after_an_abbreviation():
    orgs = _orgs("Cuộc thi do Bộ Giáo dục và Đào tạo, Trung ương Đoàn TNCS Hồ Chí Minh phát động.")
    assert set(orgs) == {"Bộ Giáo dục và Đào tạo", "Trung ương Đoàn TNCS Hồ Chí Minh"}


def test_the_writers_organisation_in_brackets_in_a_byline_is_no_organisation():
    orgs = _orgs("Trung tâm Văn hóa huyện Bảo Lạc tổ chức ngày hội đọc sách.\nThu Hà (Nhà văn hóa Thanh niên Bảo Lạc)")
    assert _orgs("Ngày hội diễn ra sôi nổi.\nThu Hà (Trung tâm Văn hóa huyện Bảo Lạc)") == {}
    assert "Trung tâm Văn hóa huyện Bảo Lạc" in orgs


def test_the_provinces_library_is_no_library_of_another_body():
    orgs = _orgs("Nhân dịp này, Thư viện tỉnh đã tặng 300 cuốn sách cho Thư viện Trại giam Nam Hà.")
    assert set(orgs) == {"Thư viện tỉnh", "Thư viện Trại giam Nam Hà"}


def test_a_parent_only_embedded_in_its_units_name_is_not_listed_but_one_after_a_dash_or_comma_is():
    orgs = _orgs("Thư viện Trường Cao đẳng Sư phạm Lạng Sơn, Trung tâm Học liệu - Đại học Thái Nguyên và Vụ Thư viện, "
                 "Bộ Văn hóa, Thể thao và Du lịch dự hội thảo.")
    assert orgs == {"Thư viện Trường Cao đẳng Sư phạm Lạng Sơn": ("Library", "Trường Cao đẳng Sư phạm Lạng Sơn"),
                    "Trung tâm Học liệu - Đại học Thái Nguyên": ("Library", "Đại học Thái Nguyên"),
                    "Đại học Thái Nguyên": ("University", None),
                    "Vụ Thư viện": ("GovernmentBody", "Bộ Văn hóa, Thể thao và Du lịch"),
                    "Bộ Văn hóa, Thể thao và Du lịch": ("GovernmentBody", None)}


def test_a_university_named_with_and_without_trường_is_one():
    orgs = _orgs("Trường Đại học Tây Bắc tổ chức hội thảo. Thư viện ĐH Tây Bắc và sinh viên Đại học Tây Bắc tham gia.")
    assert "Trường Đại học Tây Bắc" in orgs
    assert not {"ĐH Tây Bắc", "Đại học Tây Bắc"} & set(orgs)


def test_a_body_and_the_districts_library_are_two():
    orgs = _orgs("Thư viện xã Tả Van được Trung tâm Văn hóa Thể thao và Thư viện huyện hỗ trợ nghiệp vụ.")
    assert set(orgs) == {"Thư viện xã Tả Van", "Trung tâm Văn hóa Thể thao", "Thư viện huyện"}


def test_a_foreign_name_with_a_capital_inside_is_no_glued_page_furniture():
    orgs = _orgs("Đoàn đã thăm Thư viện Đại học McGill và Đại học McMaster. Trang chủ Thư việnVụ Thư viện")
    assert set(orgs) == {"Thư viện Đại học McGill", "Đại học McMaster"}


def test_international_bodies_named_by_their_acronym():
    orgs = _orgs("Hội thảo có đại diện IFLA, UNESCO và AUN.")
    assert {"IFLA", "UNESCO", "AUN"} <= set(orgs)


def test_a_cultural_house_with_its_name():
    orgs = _orgs("Ngày hội diễn ra tại Nhà văn hóa Thanh niên Lạng Sơn; Nhà văn hóa xã cũng mở tủ sách.")
    assert set(orgs) == {"Nhà văn hóa Thanh niên Lạng Sơn"}


def test_a_broadcaster_named_without_a_dash():
    orgs = _orgs("Đài Phát thanh Truyền hình tỉnh Hà Nam và Đài truyền thanh truyền hình huyện Kim Bảng đưa tin.")
    assert set(orgs) == {"Đài Phát thanh Truyền hình tỉnh Hà Nam", "Đài truyền thanh truyền hình huyện Kim Bảng"}


def test_a_provincial_library_named_with_and_without_its_general_words_is_one():
    orgs = _orgs("Thư viện Tổng hợp tỉnh Ninh Bình mở lớp tập huấn. Giám đốc Thư viện tỉnh Ninh Bình phát biểu.")
    assert set(orgs) == {"Thư viện Tổng hợp tỉnh Ninh Bình"}


def test_a_unit_of_every_member_of_a_group_is_no_organisation():
    orgs = _orgs("Dự hội nghị có lãnh đạo Trung tâm Học liệu các trường đại học phía Nam và Hội Sinh viên tỉnh Cần Thơ.")
    assert set(orgs) == {"Hội Sinh viên tỉnh Cần Thơ"}


def test_an_office_named_without_its_place():
    orgs = _orgs("Bà Lê Thị Thu, Giám đốc Văn phòng Bản quyền tác giả Việt Nam, trình bày tham luận.")
    assert set(orgs) == {"Văn phòng Bản quyền tác giả Việt Nam"}


def test_bodies_merged_into_one_name():
    orgs = _orgs("Sáng 5/3, Trung tâm Văn hóa, Bảo tàng và Thư viện tỉnh Hòa Bình phối hợp với Báo và Đài "
                 "Phát thanh Truyền hình Cà Mau tổ chức trưng bày sách.")
    assert set(orgs) == {"Trung tâm Văn hóa, Bảo tàng và Thư viện tỉnh Hòa Bình",
                         "Báo và Đài Phát thanh Truyền hình Cà Mau"}
    # a list of two named bodies stays two
    orgs = _orgs("Bảo tàng tỉnh Hòa Bình và Thư viện tỉnh Hòa Bình tổ chức trưng bày sách.")
    assert set(orgs) == {"Bảo tàng tỉnh Hòa Bình", "Thư viện tỉnh Hòa Bình"}


def test_a_unit_described_in_lower_case_before_its_university():
    orgs = _orgs("Đoàn đến thăm Trung tâm lưu trữ và thư viện Trường Đại học Sao Mai. Ông Lê Văn Nam, Giám đốc "
                 "Trung tâm thông tin thư viện Trường Cao đẳng Hòa Lạc, phát biểu.")
    assert set(orgs) == {"Trung tâm lưu trữ và thư viện Trường Đại học Sao Mai",
                         "Trung tâm thông tin thư viện Trường Cao đẳng Hòa Lạc"}
    # a verb after the head is no description: "phối hợp với" a university
    assert set(_orgs("Trung tâm Văn hóa Hòa Lạc phối hợp với Trường Đại học Sao Mai.")) == {
        "Trung tâm Văn hóa Hòa Lạc", "Trường Đại học Sao Mai"}


def test_a_unit_of_a_university_named_with_and_without_its_school_word_is_one():
    orgs = _orgs("Trung tâm lưu trữ và thư viện ĐH Sao Mai mở cửa. Trung tâm lưu trữ và thư viện Trường Đại học "
                 "Sao Mai có 5 phòng đọc.")
    assert set(orgs) == {"Trung tâm lưu trữ và thư viện Trường Đại học Sao Mai"}


def test_an_association_of_two_levels_of_libraries_in_a_region():
    orgs = _orgs("Liên chi hội Thư viện đại học, cao đẳng các tỉnh phía Nam tổ chức hội thảo.")
    assert set(orgs) == {"Liên chi hội Thư viện đại học, cao đẳng các tỉnh phía Nam"}
    # no region after the members: the name ends before the comma
    assert set(_orgs("Liên chi hội Thư viện đại học, cao đẳng các tỉnh tổ chức hội thảo.")) == {
        "Liên chi hội Thư viện đại học"}


def test_lower_case_words_after_a_known_piece_up_to_the_place():
    orgs = _orgs("Trung tâm Phát triển quỹ đất tỉnh Hòa Bình, Trung tâm Hoạt động thanh thiếu nhi tỉnh Hòa Bình "
                 "và Học viện Báo chí và Tuyên truyền tổ chức hội nghị.")
    assert set(orgs) == {"Trung tâm Phát triển quỹ đất tỉnh Hòa Bình",
                         "Trung tâm Hoạt động thanh thiếu nhi tỉnh Hòa Bình", "Học viện Báo chí và Tuyên truyền"}


def test_a_school_named_after_a_person_takes_no_verb_after_the_name():
    orgs = _orgs("Học sinh Trường THCS Lê Lợi đọc sách cùng Trường Tiểu học Nguyễn Thị Minh Khai.")
    assert set(orgs) == {"Trường THCS Lê Lợi", "Trường Tiểu học Nguyễn Thị Minh Khai"}


def test_a_provinces_national_assembly_delegation():
    orgs = _orgs("Đoàn đại biểu Quốc hội tỉnh Hòa Bình tiếp xúc cử tri. Sau đó, Đoàn ĐBQH tỉnh Hòa Bình thăm thư viện.")
    assert set(orgs) == {"Đoàn đại biểu Quốc hội tỉnh Hòa Bình"}


def test_a_unit_of_two_heads_joined_by_and_before_its_university():
    orgs = _orgs("Đoàn thăm Trung tâm Thông tin và Thư viện Trường Đại học Sao Mai.")
    assert set(orgs) == {"Trung tâm Thông tin và Thư viện Trường Đại học Sao Mai"}
    # a library named by its district is a body of its own
    assert set(_orgs("Trung tâm Văn hóa và Thư viện huyện Mỹ Đức tặng sách.")) == {
        "Trung tâm Văn hóa", "Thư viện huyện Mỹ Đức"}


def test_field_words_listed_with_commas_and_and_stay_in_the_name():
    orgs = _orgs("Trung tâm Văn hóa, Triển lãm và Điện ảnh tỉnh Hòa Bình phối hợp với Sở Nội vụ, Sở Tư pháp và "
                 "Trường THCS Lê Lợi tổ chức.")
    assert set(orgs) == {"Trung tâm Văn hóa, Triển lãm và Điện ảnh tỉnh Hòa Bình", "Sở Nội vụ", "Sở Tư pháp",
                         "Trường THCS Lê Lợi"}


def test_a_field_in_lower_case_after_va_goes_on_with_the_name():
    orgs = _orgs("Phòng Văn hóa và thông tin đã phối hợp với Trung tâm Văn hóa thể thao và truyền thông "
                 "tổ chức ngày hội; Công ty TNHH Sách và thiết bị giáo dục Minh Long tài trợ giải thưởng.")
    assert set(orgs) == {"Phòng Văn hóa và thông tin", "Trung tâm Văn hóa thể thao và truyền thông",
                         "Công ty TNHH Sách và thiết bị giáo dục Minh Long"}
    # a noun of people after "và" is the sentence going on, not a field of the name
    assert set(_orgs("Trung tâm Văn hóa thể thao và người dân cùng dọn vệ sinh.")) == {"Trung tâm Văn hóa thể thao"}


def test_a_library_or_cultural_house_named_in_lower_case_words_up_to_its_place():
    orgs = _orgs("Thư viện cộng đồng xã Tân Lập và Nhà văn hóa cộng đồng xã Vân Sơn được khai trương sáng nay.")
    assert set(orgs) == {"Thư viện cộng đồng xã Tân Lập", "Nhà văn hóa cộng đồng xã Vân Sơn"}
    # the common noun in lower case is no name: the public libraries of a province
    assert _orgs("Cán bộ trong hệ thống thư viện công cộng tỉnh Hòa Bình được tập huấn.") == {}


def test_a_party_body_of_an_office_named_by_its_short_head():
    # kept as written when the article names it no fuller
    assert "Đảng bộ Sở" in _orgs("Đảng bộ Sở đã lãnh đạo hoàn thành các nhiệm vụ năm 2024.")
    # the fuller name the article gives
    orgs = _orgs("Đảng ủy Sở Giáo dục và Đào tạo ban hành kế hoạch. Ban Chấp hành Đảng ủy Sở đã họp phiên thường kỳ.")
    assert set(orgs) == {"Đảng ủy Sở Giáo dục và Đào tạo"}


def test_lower_case_words_after_va_that_a_name_word_closes_go_on_with_the_name():
    assert set(_orgs("Viện Nghiên cứu văn hóa và chuyển giao công nghệ Tây Bắc tổ chức hội thảo.")) == {
        "Viện Nghiên cứu văn hóa và chuyển giao công nghệ Tây Bắc"}
    # another body's head after them: two bodies
    assert set(_orgs("Trường Tiểu học Tân Lập và học sinh Trường THCS Vân Sơn cùng đọc sách.")) == {
        "Trường Tiểu học Tân Lập", "Trường THCS Vân Sơn"}


def test_tv_is_a_library_only_with_its_place_or_the_person_it_is_named_after():
    orgs = _orgs("TV tỉnh Hòa Bình và TV Nguyễn Văn Cừ trao sách cho bà Lê Thị Hoa, TV Hội đồng thẩm định.")
    assert set(orgs) == {"TV tỉnh Hòa Bình", "TV Nguyễn Văn Cừ"}


def test_a_union_of_school_libraries_with_its_members_abbreviated():
    assert set(_orgs("Liên chi hội Thư viện các trường ĐH, CĐ khu vực phía Nam tổ chức hội thảo.")) == {
        "Liên chi hội Thư viện các trường ĐH, CĐ khu vực phía Nam"}


def test_a_memorial_area_and_its_management_board():
    assert set(_orgs("Khu Lưu niệm Phan Bội Châu đón 2.000 lượt khách trong dịp lễ.")) == {"Khu Lưu niệm Phan Bội Châu"}
    assert set(_orgs("Ban Quản lý Khu Lưu niệm Phan Bội Châu phối hợp với Thư viện tỉnh Nghệ An trưng bày sách.")) \
        == {"Ban Quản lý Khu Lưu niệm Phan Bội Châu", "Thư viện tỉnh Nghệ An"}


def test_a_place_opening_with_a_head_word_is_no_organisation_even_with_more_words():
    assert _orgs("Sách được gửi ra Trường Sa Lớn và các đảo của quần đảo Trường Sa và Hoàng Sa.") == {}
    assert "Trường Trung học cơ sở Lê Lợi" in _orgs("Trường Trung học cơ sở Lê Lợi nhận sách.")


def test_a_detention_centre_of_the_police_and_a_boarding_school_abbreviated():
    assert set(_orgs("Trại tạm giam Công an tỉnh Hòa Bình đưa sách đến phạm nhân.")) == {
        "Trại tạm giam Công an tỉnh Hòa Bình"}
    assert set(_orgs("Trường PTDT bán trú Tiểu học và THCS Sà Phìn nhận sách.")) == {
        "Trường PTDT bán trú Tiểu học và THCS Sà Phìn"}


def test_fields_in_lower_case_listed_with_commas_up_to_the_place():
    assert set(_orgs("Trung tâm Văn hóa, thông tin và thể thao huyện Mỹ Đức tổ chức giải cờ tướng.")) == {
        "Trung tâm Văn hóa, thông tin và thể thao huyện Mỹ Đức"}
    assert set(_orgs("Trung tâm Văn hóa, thông tin tỉnh đã tổ chức triển lãm.")) == {"Trung tâm Văn hóa, thông tin tỉnh"}
    # a comma and a word that is no field: the name ends at the comma
    assert set(_orgs("Thư viện tỉnh Hòa Bình, thông tin cho biết.")) == {"Thư viện tỉnh Hòa Bình"}


def test_the_youth_union_cell_of_an_organisation():
    assert set(_orgs("Đoàn thanh niên cơ sở Trung tâm Văn hóa tỉnh Hòa Bình tặng sách cho các em.")) == {
        "Đoàn thanh niên cơ sở Trung tâm Văn hóa tỉnh Hòa Bình"}


def test_one_office_written_with_a_dash_and_abbreviated_is_one_named_in_words():
    orgs = _orgs("Phòng Giáo dục-Đào tạo tổ chức hội thảo. Công văn của Phòng GD-ĐT hướng dẫn các trường.")
    assert set(orgs) == {"Phòng Giáo dục-Đào tạo"}


def test_a_name_without_its_administrative_word_is_the_fuller_name():
    orgs = _orgs("Thư viện tỉnh Cao Bằng tổ chức hội sách. Sau đó, Thư viện Cao Bằng trao sách cho các xã.")
    assert set(orgs) == {"Thư viện tỉnh Cao Bằng"}
    orgs = _orgs("Sở Văn hoá và Thể thao Cao Bằng họp. Ông Lê Văn An, Giám đốc Sở Văn hóa và Thể thao "
                 "tỉnh Cao Bằng, phát biểu.")
    assert set(orgs) == {"Sở Văn hóa và Thể thao tỉnh Cao Bằng"}


def test_a_short_name_between_two_administrative_levels_stays_apart():
    orgs = _orgs("Thư viện tỉnh Cao Bằng và Thư viện thành phố Cao Bằng ký kết hợp tác. "
                 "Thư viện Cao Bằng có 20 nghìn bản sách.")
    assert {"Thư viện tỉnh Cao Bằng", "Thư viện thành phố Cao Bằng"} <= set(orgs)


def test_a_count_after_a_name_is_not_part_of_it():
    orgs = _orgs("Thư viện tỉnh trao tặng Đồn Biên phòng Nà Lừa 300 bản sách và Trường Tiểu học Pác Bó 120 cuốn "
                 "truyện. Trại giam Nam Hà 4 nhận tủ sách.")
    assert {"Đồn Biên phòng Nà Lừa", "Trường Tiểu học Pác Bó", "Trại giam Nam Hà 4"} <= set(orgs)


def test_a_capitalised_proper_name_in_an_organisation_takes_no_lower_case_verb_after_it():
    orgs = _orgs("Học sinh Trường Tiểu học Hoà Lạc Đông đọc sách tại phòng đọc. "
                 "Phạm nhân Trại giam Nam Sơn đọc truyện mỗi tuần. "
                 "Liên chi hội thư viện Nam Trung bộ Tây nguyên họp tại Quy Nhơn.")
    assert "Trường Tiểu học Hoà Lạc Đông" in orgs
    assert "Trại giam Nam Sơn" in orgs
    assert "Liên chi hội thư viện Nam Trung bộ Tây nguyên" in orgs
    assert not any("đọc" in name for name in orgs)


def test_a_library_named_in_lower_case_through_its_institution_is_listed_with_the_institution():
    orgs = _orgs("Mỗi tuần các em đến thư viện Trường THCS Hòa Phong mượn sách. "
                 "Phạm nhân đọc sách tại thư viện Trại giam Bình Sơn.")
    assert {"Thư viện Trường THCS Hòa Phong", "Trường THCS Hòa Phong",
            "Thư viện Trại giam Bình Sơn", "Trại giam Bình Sơn"} <= set(orgs)


def test_the_central_military_commission_and_an_abbreviated_grassroots_union_are_organisations():
    orgs = _orgs("Đồng chí Trần Văn Khải, Ủy viên Quân ủy Trung ương, đến dự. "
                 "Chị Lê Thị Hạnh, Chủ tịch CĐCS, trao quà cho đoàn viên.")
    assert orgs["Quân ủy Trung ương"][0] == "PoliticalBody"
    assert orgs["CĐCS"][0] == "PoliticalBody"


def test_the_association_of_agent_orange_victims_is_read_whole():
    orgs = _orgs("Đại diện Hội Nạn nhân chất độc da cam/dioxin huyện Tam Nông trao quà.")
    assert "Hội Nạn nhân chất độc da cam/dioxin huyện Tam Nông" in orgs


def test_the_party_central_committee_abbreviated_is_an_organisation():
    orgs = _orgs("Đồng chí Hoàng Văn Bình, Ủy viên T.Ư Đảng, Bí thư Tỉnh ủy Hà Giang đến dự. "
                 "Đồng chí Lò Thị Mai, Ủy viên TW Đảng, cũng có mặt.")
    assert orgs["T.Ư Đảng"][0] == "PoliticalBody"
    assert orgs["TW Đảng"][0] == "PoliticalBody"


def test_a_counted_head_in_lower_case_names_no_organisation():
    orgs = _orgs("Dự án trao tủ sách cho 12 trường học (9 trường tiểu học, 3 trường THCS) của huyện Mỹ Lộc.")
    assert not any(name.startswith("Trường") for name in orgs)


def test_the_youth_union_of_an_organisation_is_one_name():
    orgs = _orgs("Đoàn Thanh niên Bộ Nội vụ phối hợp với Trường Tiểu học Tân Lạc tặng 500 cuốn sách. "
                 "Đoàn thanh niên Nhà xuất bản Kim Liên cũng góp sách.")
    assert "Đoàn Thanh niên Bộ Nội vụ" in orgs and "Bộ Nội vụ" not in orgs
    assert "Đoàn thanh niên Nhà xuất bản Kim Liên" in orgs


def test_abbreviations_listed_with_commas_and_closed_by_an_ampersand_are_one_name():
    orgs = _orgs("Ông Trần Văn Nam, Bộ trưởng Bộ VH, TT&DL, trao tặng xe sách cho tỉnh Hà Giang. "
                 "Thường trực Ủy ban VH, GD, TN, TN & NĐ tổ chức tọa đàm về sách.")
    assert "Bộ VH, TT&DL" in orgs and "Bộ VH" not in orgs
    assert "Ủy ban VH, GD, TN, TN & NĐ" in orgs


def test_a_department_written_in_lower_case_is_named_but_not_inside_co_so():
    orgs = _orgs("Lễ ký kết diễn ra tại trụ sở Thư viện tỉnh Lạng Sơn giữa sở Văn hóa, Thể thao và Du lịch Lạng Sơn "
                 "và sở Thông tin và Truyền thông. Học sinh đến cơ sở Thư viện tỉnh Lạng Sơn đọc sách.")
    assert {"Sở Văn hóa, Thể thao và Du lịch Lạng Sơn", "Sở Thông tin và Truyền thông"} <= set(orgs)
    assert not any(name.lower().startswith("sở thư viện") for name in orgs)


def test_the_union_of_literature_and_arts_associations_keeps_its_head():
    orgs = _orgs("Nhà thơ Lê Văn Tâm, Chủ tịch Hội Liên hiệp VHNT tỉnh Phú Yên, phát biểu khai mạc.")
    assert orgs.get("Hội Liên hiệp VHNT tỉnh Phú Yên", ("",))[0] == "Association"
    assert "Liên hiệp VHNT tỉnh Phú Yên" not in orgs




def test_a_head_word_closing_a_city_name_opens_no_organisation():
    orgs = _orgs("Buổi gặp mặt diễn ra tại trụ sở Hội Mỹ thuật Hải Phòng số 27 Lê Lợi.")
    assert not any(name.startswith("Phòng") or name.endswith(" Hải") for name in orgs)


def test_a_street_number_after_the_place_ends_the_name():
    orgs = _orgs("Buổi gặp mặt diễn ra tại trụ sở Hội Mỹ thuật Hải Phòng số 27 Lê Lợi.")
    assert "Hội Mỹ thuật Hải Phòng" in orgs
    assert not any("Lê Lợi" in name for name in orgs)


def test_a_lower_case_school_with_only_its_level_is_unnamed():
    orgs = _orgs("Nhóm tình nguyện tặng sách cho học sinh trường Tiểu học tại xã Tân Phú, huyện Đồng Xuân.")
    assert not any(name.lower().startswith("trường") for name in orgs)


def test_an_organisation_of_ho_chi_minh_city_written_tp_space_hcm_keeps_its_city():
    orgs = _orgs("Bà Lê Thị Hoa, Phó Chủ tịch UBND TP. HCM, dự lễ khai mạc do Sở Văn hóa và Thể thao TP. HCM tổ chức.")
    assert {"UBND TP. HCM", "Sở Văn hóa và Thể thao TP. HCM"} <= set(orgs)


def test_an_ethnic_boarding_school_written_in_lower_case_is_read_whole():
    orgs = _orgs("Đoàn trao sách cho Trường phổ thông dân tộc bán trú Tiểu học B Nậm Cang và "
                 "Trường phổ thông dân tộc nội trú THCS huyện Mường Tè.")
    assert {"Trường phổ thông dân tộc bán trú Tiểu học B Nậm Cang",
            "Trường phổ thông dân tộc nội trú THCS huyện Mường Tè"} <= set(orgs)


def test_a_satellite_school_site_is_a_school():
    orgs = _orgs("Đoàn trao sách cho điểm trường Nà Hẩu thuộc Trường Tiểu học Nậm Cang. "
                 "Sách cũng được chuyển tới các điểm trường miền núi.")
    assert orgs.get("Điểm trường Nà Hẩu", orgs.get("điểm trường Nà Hẩu", ("",)))[0] == "School"
    assert "Trường Tiểu học Nậm Cang" in orgs and len(orgs) == 2


def test_a_term_after_a_body_is_not_part_of_its_name():
    orgs = _orgs("Tại Kỳ họp thứ 5, Quốc hội Khóa XV cho ý kiến về dự án luật. "
                 "Bà Hà Thị Lan, Phó Chủ tịch HĐND tỉnh Hà Giang Khóa XVI, đến dự.")
    assert {"Quốc hội", "HĐND tỉnh Hà Giang"} <= set(orgs)
    assert not any("Khóa" in name for name in orgs)


def test_an_office_keeps_the_country_or_province_it_sits_in():
    orgs = _orgs("Văn phòng Tổ chức Hope tại Việt Nam tài trợ 200 cuốn sách. Anh Lê Văn Khoa, phóng viên "
                 "Cơ quan thường trú TTXVN tại Cao Bằng, đưa tin.")
    assert {"Văn phòng Tổ chức Hope tại Việt Nam", "Cơ quan thường trú TTXVN tại Cao Bằng"} <= set(orgs)


def test_a_library_named_after_its_owner_keeps_the_owner_s_name():
    orgs = _orgs("Thư viện tư nhân Trần Văn An ở xã Hòa Bình mở cửa miễn phí. "
                 "Nhiều em nhỏ đến thư viện gia đình Lê Thị Bích đọc truyện.")
    assert {"Thư viện tư nhân Trần Văn An", "Thư viện gia đình Lê Thị Bích"} <= set(orgs)


def test_a_department_of_every_commune_is_no_one_organisation():
    orgs = _orgs("Cán bộ phụ trách thư viện và phòng Văn hóa - Xã hội của các xã dự lớp tập huấn.")
    assert not any(name.lower().startswith("phòng") for name in orgs)


def test_a_line_in_capitals_that_is_one_organisation_s_name_names_it():
    orgs = _orgs("Mạng lưới thư viện cơ sở trong tỉnh\n\nTHƯ VIỆN HUYỆN MƯỜNG TÈ\n\n"
                 "Thư viện được thành lập năm 1995 với 1000 bản sách.\n\nPHÒNG ĐỌC THIẾU NHI\n\nMở cửa từ thứ hai.")
    assert "Thư viện huyện Mường Tè" in orgs
    assert not any("Phòng" in name or "phòng" in name for name in orgs)


def test_an_institute_written_in_lower_case_is_named_but_not_inside_a_hospital_or_library():
    orgs = _orgs("TS. Lê Văn An, giảng viên viện Kinh tế và Quản lý, phát biểu. "
                 "Bệnh nhân ở bệnh viện Bạch Mai và học sinh đến thư viện Trường Tiểu học Kim Đồng đọc sách.")
    assert "Viện Kinh tế và Quản lý" in orgs
    assert not any(name.startswith("Viện Bạch Mai") for name in orgs)


def test_a_quoted_name_after_a_fund_s_field_or_a_group_s_descriptor_is_part_of_the_name():
    orgs = _orgs("Nhóm thiện nguyện “Chia sẻ yêu thương” trao 300 cuốn sách. Quỹ Khuyến học “Ước mơ xanh” "
                 "xã Đông Hòa trao học bổng. Nhóm học sinh lớp 5A đọc sách.")
    assert {"Nhóm thiện nguyện “Chia sẻ yêu thương”", "Quỹ Khuyến học “Ước mơ xanh” xã Đông Hòa"} <= set(orgs)
    assert not any(name.startswith("Nhóm học sinh") for name in orgs)


def test_abbreviated_radio_and_television_stations_are_organisations():
    orgs = _orgs("Phóng viên Đài PTTH Hà Nam và Báo và PTTH Ninh Bình đưa tin. Đài PT-TH huyện Bảo Yên cũng có mặt.")
    assert {"Đài PTTH Hà Nam", "Báo và PTTH Ninh Bình", "Đài PT-TH huyện Bảo Yên"} <= set(orgs)


def test_a_team_of_a_school_or_an_institute_is_an_organisation():
    orgs = _orgs("Tổ Ngôn ngữ học của viện tổ chức hội thảo. Tổ Thư viện - Thiết bị Trường THCS Lê Lợi trưng bày sách. "
                 "Tổ dân phố 5 nhận sách.")
    assert "Tổ Ngôn ngữ học" in orgs and any(name.startswith("Tổ Thư viện - Thiết bị") for name in orgs)
    assert not any(name.startswith("Tổ dân") for name in orgs)


def test_a_national_firm_named_by_its_brand_is_a_company_with_its_province():
    orgs = _orgs("Đại diện VNPT Đắk Nông trao tặng 500 cuốn sách. Ông Lê Văn Tâm, Giám đốc BIDV Hà Giang, trao quà.")
    assert orgs.get("VNPT Đắk Nông", ("",))[0] == "Company" and orgs.get("BIDV Hà Giang", ("",))[0] == "Company"
