"""Persons and person mentions (invented names and sentences)."""

from libkg.extract import RuleExtractor
from libkg.extract.pipeline import Doc
from libkg.extract.sentences import run as split
from libkg.read import article_from_text

EX = RuleExtractor(("sentences", "persons", "organizations", "positions"))


def _facts(text: str):
    return EX(article_from_text(text, id="t1", published="2024-05-01"))


def _names(text: str) -> list[str]:
    return [p.name for p in _facts(text).persons]


def test_titles_and_orderings():
    facts = _facts("Dự buổi lễ có ông Trần Quốc Bảo - Giám đốc Sở Văn hóa, Thể thao và Du lịch tỉnh Gia Lai; "
                   "ThS. Lê Thị Ngọc Ánh, Phó Giám đốc Thư viện tỉnh Gia Lai; PGS.TS. Võ Đình Khôi; "
                   "Trung tá Rơ Mah Hlun, Chính trị viên Đồn Biên phòng Ia Nan; NSƯT Đặng Kim Loan.")
    got = {p.name: p.title for p in facts.persons}
    assert got == {"Trần Quốc Bảo": "ông", "Lê Thị Ngọc Ánh": "ThS.", "Võ Đình Khôi": "PGS.TS.",
                   "Rơ Mah Hlun": "Trung tá", "Đặng Kim Loan": "NSƯT"}


def test_lists_without_titles_per_name():
    names = _names("Tới dự có các đồng chí: Hoàng Văn Dũng, Phó Chủ tịch UBND tỉnh Bắc Kạn; "
                   "Nông Thị Bích Hợp, Giám đốc Thư viện tỉnh Bắc Kạn. Dự lễ còn có các ông, bà: "
                   "Lương Minh Tú - Giám đốc Sở Giáo dục và Đào tạo; Triệu Thị Mây - nhà giáo.")
    assert names == ["Hoàng Văn Dũng", "Nông Thị Bích Hợp", "Lương Minh Tú", "Triệu Thị Mây"]


def test_role_before_name():
    names = _names("Giám đốc Thư viện tỉnh Bắc Kạn Hà Thị Thu Hiền cho biết, năm nay đơn vị luân chuyển sách.")
    assert names == ["Hà Thị Thu Hiền"]


def test_minority_names_with_apostrophes_and_single_letters():
    names = _names("Tiếp đoàn có bà H'Nhi Ayun, Phó Chủ tịch UBND huyện Krông Pa và đồng chí Giàng A Sử, "
                   "Bí thư Đoàn xã Pá Vệ Sủ.")
    assert names == ["H'Nhi Ayun", "Giàng A Sử"]


def test_short_mentions_resolve_to_the_full_name():
    text = ("Tham dự có bà Đoàn Thị Hồng Vân, Giám đốc Thư viện tỉnh Ninh Thuận. "
            "Phát biểu tại buổi lễ, bà Vân cảm ơn các đơn vị. Theo bà Hồng Vân, sách sẽ được luân chuyển.")
    art = article_from_text(text, id="t1", published="2024-05-01")
    doc = Doc(article=art, text=art.text)
    split(doc)
    from libkg.extract.persons import run as persons
    persons(doc)
    assert [p.name for p in doc.persons] == ["Đoàn Thị Hồng Vân"]
    ms = doc.person_mentions
    assert [(m.surface, m.name) for m in ms] == [
        ("Đoàn Thị Hồng Vân", "Đoàn Thị Hồng Vân"), ("Vân", "Đoàn Thị Hồng Vân"),
        ("Hồng Vân", "Đoàn Thị Hồng Vân")]
    assert doc.text[ms[1].start:ms[1].end] == "Vân"


def test_two_tone_spellings_are_two_persons():
    names = _names("Dự có bà Phạm Thị Thuý Nga, Giám đốc Thư viện tỉnh Hà Nam. "
                   "Bà Phạm Thị Thúy Nga cho biết thư viện đã số hóa 2.000 tài liệu.")
    assert names == ["Phạm Thị Thuý Nga", "Phạm Thị Thúy Nga"]


def test_names_inside_organisation_and_place_names_are_not_persons():
    names = _names("Thư viện tỉnh trao sách cho Trường THCS Nguyễn Văn Trỗi, Trường Tiểu học Lê Văn Tám, "
                   "Thư viện Lê Quý Đôn và Đoàn TNCS Hồ Chí Minh tại đường Phan Đình Phùng, "
                   "thành phố Hồ Chí Minh. Em Lý Gia Hân đạt giải Nhất.")
    assert names == ["Lý Gia Hân"]


def test_byline_and_given_names_only_are_not_persons():
    names = _names("Sáng 2/5, Thư viện tỉnh Bình Định tổ chức ngày hội đọc sách cho học sinh.\n\nThanh Hà - Minh Tú")
    assert names == []


def test_person_named_by_a_memorial_site_is_no_mention():
    names = _names("Chiều cùng ngày, đoàn dâng hương tại Khu mộ Đại tướng Lê Quang Đạo và Đền thờ Anh hùng "
                   "dân tộc Trần Văn Thời; ông Lê Quang Minh, Giám đốc Thư viện tỉnh, đi cùng đoàn.")
    assert names == ["Lê Quang Minh"]


def test_given_name_that_is_also_an_organisation_head():
    # "Trường" closing a name followed by punctuation is a syllable of the name, not a school
    names = _names("Dự có Đại tá Phan Xuân Trường (Bộ Chỉ huy Quân sự tỉnh) và ông Đỗ Minh Trường, Giám đốc Thư viện.")
    assert names == ["Phan Xuân Trường", "Đỗ Minh Trường"]


def test_memorial_check_does_not_swallow_listed_persons():
    # "Lăng" is also a family name; a joining word ends any site name
    names = _names("Lớp học do bà Lăng Thị Hoa và ThS. Mai Văn Tư hướng dẫn; đoàn viếng Đền thờ liệt sĩ và ông Hà Văn Ba dự.")
    assert names == ["Lăng Thị Hoa", "Mai Văn Tư", "Hà Văn Ba"]


def test_a_name_right_after_a_province_ending_in_a_family_name():
    facts = _facts("Dự có Giám đốc Thư viện tỉnh Bình Dương Nguyễn Thị Mỹ Hạnh và ông Lê Văn Thạnh.")
    assert [p.name for p in facts.persons] == ["Nguyễn Thị Mỹ Hạnh", "Lê Văn Thạnh"]
    assert ("Nguyễn Thị Mỹ Hạnh", "Giám đốc", "Thư viện tỉnh Bình Dương") in [
        (p.person, p.role, p.organization) for p in facts.positions]


def test_role_organisation_province_then_the_name():
    facts = _facts("Giám đốc Sở Văn hóa, Thể thao và Du lịch Thanh Hóa Trịnh Xuân Quyết trao quyết định.")
    assert [(p.person, p.role, p.organization) for p in facts.positions] == [
        ("Trịnh Xuân Quyết", "Giám đốc", "Sở Văn hóa, Thể thao và Du lịch Thanh Hóa")]


def test_a_name_after_a_whole_ministry_name_but_not_a_city_named_after_a_person():
    facts = _facts("Dự có Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch Nguyễn Minh Khang; TS. Lê Thu Trang, giảng viên "
                   "Trường Đại học Văn hóa Thành phố Hồ Chí Minh.")
    assert ("Nguyễn Minh Khang", "Thứ trưởng", "Bộ Văn hóa, Thể thao và Du lịch") in [
        (p.person, p.role, p.organization) for p in facts.positions]
    assert "Trường Đại học Văn hóa Thành phố Hồ Chí Minh" in {o.name for o in facts.organizations}


def test_academic_titles_without_the_final_dot_introduce_a_name():
    facts = _facts("Dự hội thảo có PGS.TS Hồng Vân và ThS Lý Thu, cùng GS, TS Mạc Đăng.")
    assert {p.name: p.title for p in facts.persons} == {"Hồng Vân": "PGS.TS", "Lý Thu": "ThS",
                                                         "Mạc Đăng": "GS, TS"}


def test_a_name_after_a_house_number_is_a_street():
    names = _names("Hội thảo diễn ra tại Thư viện tỉnh, số 05 Phạm Hữu Lầu, phường 4. Thư viện chuyển về "
                   "địa chỉ 17B Trương Hán Siêu. Ông Lê Văn Sáu dự hội thảo.")
    assert names == ["Lê Văn Sáu"]


def test_a_quotation_opened_with_one_mark_and_closed_with_another_has_ended():
    names = _names('Buổi tọa đàm "Sách và ký ức” có sự tham gia của Đại tá Đinh Văn Quế, nguyên Chủ nhiệm '
                   "Chính trị Sư đoàn 308.")
    assert names == ["Đinh Văn Quế"]


def test_a_name_the_organisation_scan_ran_on_into_is_still_a_person():
    names = _names("Phó Chủ tịch Hội Thư viện Việt Nam Trần Thị Bích Hạnh cho hay, hội đã lớn mạnh. Giải nhất "
                   "thuộc về Đoàn Quốc Hưng, Trường THCS Hoàng Văn Thụ và Nguyễn Thị Cẩm Vân, Trường THPT Lê Lợi.")
    assert names == ["Trần Thị Bích Hạnh", "Đoàn Quốc Hưng", "Nguyễn Thị Cẩm Vân"]


def test_school_names_and_bylines_are_not_persons():
    names = _names("Giải nhì thuộc về Lê Thị Mỹ Duyên, lớp 7A, trường Trung học cơ sở Trần Quang Khải. "
                   "Ông Võ Văn Thành trao giải.\n\nPhan Minh Hải Sưu tầm")
    assert names == ["Lê Thị Mỹ Duyên", "Võ Văn Thành"]


def test_a_two_word_form_of_a_longer_name_after_an_academic_title_is_listed_too():
    names = _names("Dự họp có ông Lê Xuân Tín, Cục trưởng Cục Thông tin. Phát biểu khai mạc, TS. Xuân Tín "
                   "cho biết; ông Tín cảm ơn các đại biểu.")
    assert names == ["Lê Xuân Tín", "Xuân Tín"]


def test_a_minority_name_opening_with_a_after_a_title():
    facts = _facts("Phát biểu bế giảng, ông A Khuyên, Giám đốc Thư viện tỉnh Kon Tum, đánh giá cao học viên.")
    assert [(p.name, p.title) for p in facts.persons] == [("A Khuyên", "ông")]


def test_a_name_an_institution_carries_is_not_a_person():
    # a private library, a book cabinet and a lower-case "thư viện" named after someone: no person
    names = _names("Ở xóm 3, Thư viện sách Đinh Văn Khởi của gia đình ông Đinh Văn Lượng mở cửa hằng ngày. "
                   "Tủ sách gia đình Mai Thị Quyên nhận thêm 200 cuốn. Bạn đọc tới thư viện Lò Văn Piệng.")
    assert names == ["Đinh Văn Lượng"]
    # a head ending a longer organisation name after a role: the name is a person
    names = _names("Vụ trưởng Vụ Thư viện Cao Đức Mạnh dự lễ.")
    assert names == ["Cao Đức Mạnh"]


def test_less_common_family_names_open_untitled_names():
    names = _names("Giải Nhì thuộc về các thí sinh Chung Thị Mỹ Duyên, Khưu Văn Lợi và Thiều Quang Minh.")
    assert names == ["Chung Thị Mỹ Duyên", "Khưu Văn Lợi", "Thiều Quang Minh"]


_NEWS = "Sáng 5/3, Thư viện tỉnh Hòa Bình tổ chức hội nghị bạn đọc. Ông Bùi Văn Khởi phát biểu.\n"


def test_a_signature_with_its_unit_at_the_end_is_no_person():
    assert _names(_NEWS + "Đinh Thị Mến - Thư viện Hòa Bình") == ["Bùi Văn Khởi"]
    assert _names(_NEWS + "Quách Thị Lụa (tổng hợp)") == ["Bùi Văn Khởi"]
    assert _names(_NEWS + "Hà Văn Thủy\n(Phòng Nghiệp vụ)") == ["Bùi Văn Khởi"]


def test_names_listed_one_a_line_at_the_end_stay_persons():
    names = _names("Ban tổ chức trao giải cho các em:\nBùi Thị Oanh (Trường THCS Tân Lạc)\n"
                   "Đinh Văn Thắm (Trường THCS Mai Châu)")
    assert names == ["Bùi Thị Oanh", "Đinh Văn Thắm"]
    assert _names("Giải Nhất thuộc về em:\nBùi Thị Oanh (Trường THCS Tân Lạc)") == ["Bùi Thị Oanh"]


def test_professions_honours_and_lower_ranks_as_titles():
    facts = _facts("Buổi nói chuyện có bác sĩ Hà Nhung và nghệ nhân Ưu tú Bùi Chiên. Thượng sĩ Lò Pả trao sách.")
    assert {p.name: p.title for p in facts.persons} == {"Hà Nhung": "bác sĩ", "Bùi Chiên": "nghệ nhân Ưu tú",
                                                          "Lò Pả": "Thượng sĩ"}


def test_a_credit_inside_a_line_is_no_person():
    names = _names("Sách được trao cho Thư viện tỉnh Trà Vinh.Tin: Thạch Thị Sà Rinh\n\nÔng Kim Văn Sóc phát biểu "
                   "(Ảnh: Lâm Thị Bích Vân).")
    assert names == ["Kim Văn Sóc"]


def test_parks_and_halls_named_after_people_are_no_persons():
    assert _names("Sách được trưng bày tại Công viên Lê Thị Riêng và Nhà văn hóa Trần Văn Ơn.") == []


def test_a_title_written_twice_or_two_titles_before_a_name():
    facts = _facts("Đến dự có Ông Ông Lê Văn Thìn, Giám đốc Sở Văn hóa, Thể thao và Du lịch; đồng chí Thiếu tướng "
                   "Hà Văn Tới, Giám đốc Công an tỉnh.")
    assert {p.name: p.title for p in facts.persons} == {"Lê Văn Thìn": "Ông", "Hà Văn Tới": "Thiếu tướng"}


def test_a_dash_glued_between_a_name_and_a_role_ends_the_name():
    facts = _facts("Dự hội nghị có Đại tá Lê Văn Khải-Cục trưởng Cục Hậu cần; ông Phan Minh Tú-Giám đốc Thư viện "
                   "tỉnh Bến Tre và bà Hồ Thị Mai-Anh.")
    assert [p.name for p in facts.persons] == ["Lê Văn Khải", "Phan Minh Tú", "Hồ Thị Mai-Anh"]
    got = {(p.person, p.role, p.organization) for p in facts.positions}
    assert ("Phan Minh Tú", "Giám đốc", "Thư viện tỉnh Bến Tre") in got


def test_a_given_name_before_a_capitalised_role_is_not_read_as_a_party_committee():
    assert _names("Đồng chí Lê Văn Thành Ủy viên Ban Thường vụ Đảng ủy Sở Nội vụ dự hội nghị.") == ["Lê Văn Thành"]
    assert _names("Đồng chí Lê Văn Nam, Thành ủy viên, Giám đốc Sở Nội vụ dự hội nghị.") == ["Lê Văn Nam"]


def test_titles_spelt_with_sy_introduce_a_name():
    facts = _facts("Dự hội thảo có Tiến sỹ Marta Kowalska, Giám đốc Quỹ Sách Mở (Ba Lan) và Thạc sỹ Amadou Diallo.")
    assert {p.name: p.title for p in facts.persons} == {"Marta Kowalska": "Tiến sỹ", "Amadou Diallo": "Thạc sỹ"}


def test_a_middle_name_written_as_its_initial_is_part_of_the_name():
    """Staff lists write "Trịnh T.Thanh Hà" for Trịnh Thị Thanh Hà; a title after a dot starts anew."""
    from libkg.extract import RuleExtractor
    from libkg.read.article import Article

    text = ("Phòng Phục vụ bạn đọc:\n\n • Đào T.Minh Khuê - Trưởng phòng\n\n"
            "Dự lễ có bà Phùng V. Hải Yến, Giám đốc Thư viện tỉnh Hà Nam.")
    names = {p.name for p in RuleExtractor()(Article(id="t", text=text, published="2024-01-02")).persons}
    assert {"Đào T.Minh Khuê", "Phùng V. Hải Yến"} <= names


def test_the_holder_named_right_after_a_role_and_its_organisation():
    # "hóa" ends the name of the department, not a doctrine ("văn hóa Hồ Chí Minh" names no person)
    assert _names("Phó Giám đốc Sở Văn hóa Nguyễn Văn Bình cho biết sở đã chỉ đạo các thư viện.") == \
        ["Nguyễn Văn Bình"]
    assert _names("Thư viện học tập và làm theo phong cách văn hóa Hồ Chí Minh.") == []


def test_an_untitled_woman_s_name_with_thi_and_a_family_name_the_list_lacks():
    assert "Sơn Thị Mỹ" in _names("Tiếp đó, Giám đốc Thư viện tỉnh Trà Vinh Sơn Thị Mỹ báo cáo kết quả năm 2024.")
    # "Thị" of a town is no middle name
    assert _names("Người dân Thị trấn Phong Điền đến đọc sách.") == []


def test_the_holder_after_a_role_a_head_and_a_bare_administrative_word():
    assert _names("Chủ tịch UBND huyện Nguyễn Văn Bình phát biểu tại lễ khai mạc.") == ["Nguyễn Văn Bình"]
    assert _names("Phó Chủ tịch UBND thành phố Lê Thị Hoa trao giải.") == ["Lê Thị Hoa"]
    # the same words inside an organisation's name elsewhere name a place
    assert _names("Đồn Biên phòng Ma Ly Pho tặng sách. Phó Chủ tịch UBND xã Ma Ly Pho cùng cán bộ dự.") == []
