"""Positions: person, role, organisation (invented sentences)."""

from libkg.extract import RuleExtractor
from libkg.read import article_from_text

EX = RuleExtractor(("sentences", "persons", "organizations", "positions"))


def _pos(text: str) -> list[tuple[str, str, str | None]]:
    facts = EX(article_from_text(text, id="t1", published="2024-05-01"))
    return [(p.person, p.role, p.organization) for p in facts.positions]


def _facts(text: str):
    return EX(article_from_text(text, id="t1", published="2024-05-01"))


def test_apposition_with_comma_and_dash_and_chained_roles():
    got = _pos("Tham dự có bà Lò Thị Xuân - Giám đốc Thư viện tỉnh Lai Châu, Chủ tịch Liên hiệp; "
               "ông Vũ Minh Tâm, Phó Giám đốc phụ trách Thư viện tỉnh Hà Nam. Trước đó, Liên hiệp Thư viện "
               "các tỉnh miền núi phía Bắc đã họp.")
    assert got == [
        ("Lò Thị Xuân", "Giám đốc", "Thư viện tỉnh Lai Châu"),
        ("Lò Thị Xuân", "Chủ tịch", "Liên hiệp Thư viện các tỉnh miền núi phía Bắc"),
        ("Vũ Minh Tâm", "Phó Giám đốc phụ trách", "Thư viện tỉnh Hà Nam"),
    ]


def test_parent_after_organisation_and_a_department_named_through_the_role():
    got = _pos("Dự có ông Nguyễn Hải Long, Phó Cục trưởng Cục Văn hóa cơ sở, Bộ Văn hóa, Thể thao và Du lịch; "
               "ThS. Trần Thu Trang, Trưởng phòng Tin học, Thư viện tỉnh Hưng Yên; bà Bế Thị Hoa, "
               "Phó Trưởng phòng Văn hóa và Thông tin huyện Trùng Khánh.")
    assert got == [
        ("Nguyễn Hải Long", "Phó Cục trưởng", "Cục Văn hóa cơ sở"),
        ("Trần Thu Trang", "Trưởng phòng", "phòng Tin học"),
        ("Bế Thị Hoa", "Phó Trưởng phòng", "Phòng Văn hóa và Thông tin huyện Trùng Khánh"),
    ]


def test_role_before_name_and_lists():
    got = _pos("Có mặt tại buổi lễ có các đồng chí: Đinh Văn Hùng, Phó Chủ tịch UBND tỉnh Ninh Bình; "
               "Phạm Thị Hạnh, Giám đốc Sở Giáo dục và Đào tạo. Giám đốc Thư viện tỉnh Ninh Bình "
               "Bùi Văn Sơn cho biết sẽ tiếp tục luân chuyển sách.")
    assert got == [
        ("Đinh Văn Hùng", "Phó Chủ tịch", "UBND tỉnh Ninh Bình"),
        ("Phạm Thị Hạnh", "Giám đốc", "Sở Giáo dục và Đào tạo"),
        ("Bùi Văn Sơn", "Giám đốc", "Thư viện tỉnh Ninh Bình"),
    ]


def test_short_organisation_mentions_take_the_full_name():
    got = _pos("Sáng 4/5, Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Trị tổ chức hội nghị. Dự có ông Lê Văn Quý, "
               "Giám đốc Sở; bà Hồ Thị Mai, Phó Giám đốc Sở VHTTDL; thầy Trần Đức Phú, Hiệu trưởng nhà trường "
               "của Trường THPT Đông Hà.")
    assert ("Lê Văn Quý", "Giám đốc", "Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Trị") in got
    assert ("Hồ Thị Mai", "Phó Giám đốc", "Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Trị") in got


def test_implied_organisation_for_a_bare_role():
    got = _pos("Ngày 3/5, Đoàn công tác Vụ Thư viện, Bộ Văn hóa, Thể thao và Du lịch do TS. Đặng Văn Hải, "
               "Phó Vụ trưởng làm trưởng đoàn đã làm việc với Thư viện tỉnh Cà Mau.")
    assert got == [("Đặng Văn Hải", "Phó Vụ trưởng", "Vụ Thư viện")]


def test_appointment_election_and_former_roles():
    facts = _facts("Sở Văn hóa, Thể thao và Du lịch tỉnh Bạc Liêu công bố quyết định bổ nhiệm ông Tô Minh Khải, "
                   "Phó Giám đốc Thư viện tỉnh, giữ chức vụ Giám đốc Thư viện tỉnh Bạc Liêu. "
                   "Đại hội Hội Thư viện tỉnh Bạc Liêu đã bầu Ban Chấp hành nhiệm kỳ 2024 – 2029. "
                   "Bà Quách Thị Lệ, Giám đốc Thư viện tỉnh Bạc Liêu và ông Lâm Văn Út được bầu làm Phó Chủ tịch. "
                   "Dự có ông Lý Văn Tư, nguyên Giám đốc Thư viện tỉnh Bạc Liêu.")
    got = {(p.person, p.role, p.organization): p.status for p in facts.positions}
    assert got == {
        ("Tô Minh Khải", "Phó Giám đốc", "Thư viện tỉnh Bạc Liêu"): "current",
        ("Tô Minh Khải", "Giám đốc", "Thư viện tỉnh Bạc Liêu"): "appointed",
        ("Quách Thị Lệ", "Giám đốc", "Thư viện tỉnh Bạc Liêu"): "current",
        ("Quách Thị Lệ", "Phó Chủ tịch", "Hội Thư viện tỉnh Bạc Liêu"): "elected",
        ("Lâm Văn Út", "Phó Chủ tịch", "Hội Thư viện tỉnh Bạc Liêu"): "elected",
        ("Lý Văn Tư", "nguyên Giám đốc", "Thư viện tỉnh Bạc Liêu"): "former",
    }
    assert all(p.date == "2024-05-01" for p in facts.positions)


def test_term_and_evidence():
    facts = _facts("Dự có bà Mai Thị Hiền, Chủ tịch Liên hiệp Thư viện các tỉnh Tây Nguyên nhiệm kỳ 2024 - 2026.")
    (p,) = facts.positions
    assert (p.person, p.role, p.organization, p.term) == (
        "Mai Thị Hiền", "Chủ tịch", "Liên hiệp Thư viện các tỉnh Tây Nguyên", "2024-2026")
    assert p.evidence and "Mai Thị Hiền" in p.evidence[0].sentence


def test_person_without_role_has_no_position():
    assert _pos("Mọi thắc mắc xin liên hệ chị Nguyễn Thu Hằng hoặc anh Lê Minh Đạt.") == []


def test_the_school_is_the_one_last_named():
    got = _pos("Sáng 12/11, TS. Phạm Ngọc Bích, Trưởng khoa Ngữ văn, Trường Đại học Quy Nhơn trao đổi với cán bộ "
               "thư viện. Chiều cùng ngày, đoàn đến khảo sát thư viện thân thiện tại Trường Tiểu học Lê Lợi. "
               "Cô Rơ Châm Hnga, Hiệu trưởng nhà trường giới thiệu giờ đọc sách.")
    assert ("Rơ Châm Hnga", "Hiệu trưởng", "Trường Tiểu học Lê Lợi") in got


def test_a_board_is_part_of_the_role_and_the_organisation_follows_it():
    facts = _facts("Dự có ThS. Lương Thị Hạnh, Giám đốc Thư viện tỉnh Lâm Đồng, Ủy viên Ban Chấp hành Hội Thư viện "
                   "Việt Nam; đại diện Ban Tuyên giáo Tỉnh ủy Lâm Đồng.")
    got = [(p.person, p.role, p.organization) for p in facts.positions]
    assert ("Lương Thị Hạnh", "Ủy viên Ban Chấp hành", "Hội Thư viện Việt Nam") in got
    names = {o.name for o in facts.organizations}
    assert "Hội Thư viện Việt Nam" in names and not any(n.startswith("Ban Chấp hành") for n in names)
    assert "Ban Tuyên giáo Tỉnh ủy Lâm Đồng" in names  # a board that is an organisation of its own


def test_names_of_regional_branches_and_central_libraries():
    got = _pos("Dự có ThS. Hồ Văn Sơn, Giám đốc Thư viện Trung tâm Đại học Quốc gia TP. Hồ Chí Minh, Chủ tịch "
               "Liên chi hội Thư viện Đại học khu vực phía Nam. TS. Tạ Thị Hương, giảng viên Trường Đại học Văn "
               "hóa Hà Nội phân tích xu hướng đọc.")
    assert got[:2] == [
        ("Hồ Văn Sơn", "Giám đốc", "Thư viện Trung tâm Đại học Quốc gia TP. Hồ Chí Minh"),
        ("Hồ Văn Sơn", "Chủ tịch", "Liên chi hội Thư viện Đại học khu vực phía Nam"),
    ]
    assert got[2][2] == "Trường Đại học Văn hóa Hà Nội"


def test_chief_of_office_and_a_museum_named_again_by_its_head():
    got = _pos("Dự có ông Hà Văn Tâm, Giám đốc Sở Văn hóa và Thể thao tỉnh Quảng Trị; bà Lê Thị Ngân, Chánh Văn "
               "phòng Sở. Ông Trần Văn Vĩnh đến nhận công tác tại Bảo tàng tỉnh Quảng Trị và giữ chức Phó Giám "
               "đốc Bảo tàng.")
    assert ("Lê Thị Ngân", "Chánh Văn phòng", "Sở Văn hóa và Thể thao tỉnh Quảng Trị") in got
    assert ("Trần Văn Vĩnh", "Phó Giám đốc", "Bảo tàng tỉnh Quảng Trị") in got


def test_department_names_end_at_a_verb_and_the_organisation_may_be_in_brackets():
    got = _pos("Bà Nguyễn Thu Hà, Trưởng phòng Thư viện (Cục Văn hóa cơ sở, Gia đình và Thư viện) dự hội nghị. "
               "ThS. Kiều Văn Bình, Trưởng phòng Phát triển thư viện số, Thư viện Quốc gia Việt Nam giới thiệu lộ "
               "trình. TS. Đoàn Minh Khôi, giảng viên Khoa Thư viện - Thông tin học, Trường Đại học Văn hóa Hà "
               "Nội đề xuất giải pháp.")
    assert got == [
        ("Nguyễn Thu Hà", "Trưởng phòng", "phòng Thư viện"),
        ("Kiều Văn Bình", "Trưởng phòng", "phòng Phát triển thư viện số"),
        ("Đoàn Minh Khôi", "Giảng viên", "Khoa Thư viện - Thông tin học"),
    ]


def test_a_library_named_by_its_university():
    facts = _facts("Bà Lê Thị Bích Liên, Phó Giám đốc Thư viện Trường Đại học Quy Nhơn được bầu làm Phó Chủ tịch.")
    assert ("Lê Thị Bích Liên", "Phó Giám đốc", "Thư viện Trường Đại học Quy Nhơn") in [
        (p.person, p.role, p.organization) for p in facts.positions]
    assert "Thư viện Trường Đại học Quy Nhơn" in {o.name for o in facts.organizations}  # the university: only embedded


def test_a_department_named_alone_is_the_organisation():
    got = _pos("Sáng 15/3, Thư viện tỉnh Thái Bình tổ chức hội nghị. Bà Trần Thị Thu Hòa, Trưởng phòng Thông tin - "
               "Thư mục trình bày báo cáo; bà Lương Thị Hằng, Phó Trưởng phòng Phụ trách Phòng Bổ sung - Biên mục "
               "bày tỏ quyết tâm. Ông Cường từng giữ chức Trưởng phòng Nghiệp vụ trước khi được bổ nhiệm.")
    assert got[0] == ("Trần Thị Thu Hòa", "Trưởng phòng", "phòng Thông tin - Thư mục")
    # a qualifier stays in the role and the unit named after it is the organisation (SCHEMA.md)
    assert ("Lương Thị Hằng", "Phó Trưởng phòng Phụ trách", "Phòng Bổ sung - Biên mục") in got


def test_hyphenated_province_and_principal_specialist():
    got = _pos("Dự có bà Lý Thị Ngọc Sương, Phó Giám đốc Thư viện tỉnh Bà Rịa - Vũng Tàu; bà Nguyễn Thị Mỹ Hạnh, "
               "Giám đốc Thư viện tỉnh Bình Dương; ông Nguyễn Hoàng Phương, Chuyên viên chính Vụ Thư viện.")
    assert got == [
        ("Lý Thị Ngọc Sương", "Phó Giám đốc", "Thư viện tỉnh Bà Rịa - Vũng Tàu"),
        ("Nguyễn Thị Mỹ Hạnh", "Giám đốc", "Thư viện tỉnh Bình Dương"),
        ("Nguyễn Hoàng Phương", "Chuyên viên chính", "Vụ Thư viện"),
    ]


def test_appointments_listed_in_one_sentence_share_the_organisation():
    got = _pos("Ông Lê Hùng công bố các quyết định bổ nhiệm bà Đinh Thị Thuý, Giám đốc Thư viện tỉnh Yên Bái trước "
               "hợp nhất, giữ chức Giám đốc Thư viện tỉnh Lào Cai; ông Giàng A Sử, Giám đốc Thư viện tỉnh Lào Cai "
               "trước hợp nhất, giữ chức Phó Giám đốc. Hội nghị bầu bà Hà Thị Mai giữ chức Chủ tịch Liên hiệp Thư "
               "viện các tỉnh miền núi phía Bắc; ông Phạm Ngọc Lâm giữ chức Ủy viên Ban Thường trực.")
    assert ("Giàng A Sử", "Phó Giám đốc", "Thư viện tỉnh Lào Cai") in got
    assert ("Phạm Ngọc Lâm", "Ủy viên Ban Thường trực", "Liên hiệp Thư viện các tỉnh miền núi phía Bắc") in got


def test_a_department_head_written_before_the_name():
    got = _pos("Thư viện tỉnh Hải Dương tổ chức hội nghị. Trưởng phòng Nghiệp vụ Vũ Thị Thu Hà trình bày báo cáo.")
    assert got == [("Vũ Thị Thu Hà", "Trưởng phòng", "phòng Nghiệp vụ")]


def test_offices_read_inside_roles_are_organisations_and_trade_unions():
    facts = _facts("Dự có bà Lê Thị Hoa, Trưởng Phòng Văn hóa - Xã hội xã Chợ Gạo; ông Nguyễn Văn Đông, Chủ tịch Công "
                   "đoàn cơ sở Thư viện tỉnh Hải Dương; PGS.TS. Lê Văn Khuê, Phó Hiệu trưởng phụ trách Trường Đại "
                   "học Vinh.")
    got = [(p.person, p.role, p.organization) for p in facts.positions]
    assert got == [
        ("Lê Thị Hoa", "Trưởng phòng", "Phòng Văn hóa - Xã hội xã Chợ Gạo"),
        ("Nguyễn Văn Đông", "Chủ tịch", "Công đoàn cơ sở Thư viện tỉnh Hải Dương"),
        ("Lê Văn Khuê", "Phó Hiệu trưởng phụ trách", "Trường Đại học Vinh"),
    ]
    kinds = {o.name: o.kind for o in facts.organizations}
    assert kinds["Phòng Văn hóa - Xã hội xã Chợ Gạo"] == "GovernmentBody"
    assert kinds["Công đoàn cơ sở Thư viện tỉnh Hải Dương"] == "PoliticalBody"


def test_role_and_organisation_before_a_dash_and_title():
    got = _pos("Chiều 22/12/2023, Giám đốc Thư viện tỉnh Bình Định – ông Đặng Văn Lực đã tiếp đoàn công tác.")
    assert got == [("Đặng Văn Lực", "Giám đốc", "Thư viện tỉnh Bình Định")]


def test_bare_state_role_right_before_the_name():
    got = _pos("Ngày 3/4/2023, Phó Chủ tịch nước Nguyễn Thị Hồng đến dự lễ kỷ niệm của thư viện.")
    assert got == [("Nguyễn Thị Hồng", "Phó Chủ tịch nước", None)]


def test_a_role_given_once_with_and_once_without_its_organisation_is_one_position():
    got = _pos("Dự lễ có bà Hà Thị Lụa - Phó Giám đốc Thư viện tỉnh Yên Bái. Phát biểu tại buổi lễ, "
               "bà Hà Thị Lụa - Phó Giám đốc cho biết thư viện có 20 nghìn bản sách. Ông Vi Văn Tài - PGĐ "
               "Thư viện tỉnh Yên Bái trao sách; ông Vi Văn Tài - Phó Giám đốc Thư viện tỉnh Yên Bái phát biểu.")
    assert got == [("Hà Thị Lụa", "Phó Giám đốc", "Thư viện tỉnh Yên Bái"),
                   ("Vi Văn Tài", "PGĐ", "Thư viện tỉnh Yên Bái")]


def test_a_role_naming_its_unit_then_the_unit_by_name():
    got = _pos("Dự có ông Đỗ Văn Khang - Trưởng khoa, Khoa Thông tin - Thư viện Trường Đại học Khoa học "
               "Xã hội và Nhân văn; bà Lê Thị Vân, Tổ trưởng Tổ Nghiệp vụ, Thư viện huyện Yên Thế.")
    assert got == [("Đỗ Văn Khang", "Trưởng khoa", "Khoa Thông tin - Thư viện"),
                   ("Lê Thị Vân", "Tổ trưởng", "Tổ Nghiệp vụ")]


def test_a_party_board_is_the_organisation_and_a_committee_seat_takes_its_committee():
    got = _pos("Dự hội nghị có đồng chí Lê Minh Khôi, Ủy viên Ban Thường vụ, Trưởng ban Tuyên giáo Tỉnh ủy "
               "Hà Giang; ông Hà Văn Minh – Phó trưởng ban tuyên giáo huyện ủy; đồng chí Vũ Đức Toàn, "
               "Ủy viên Trung ương Đảng, Trưởng Ban Dân vận Trung ương.")
    assert got == [("Lê Minh Khôi", "Ủy viên Ban Thường vụ", "Tỉnh ủy Hà Giang"),
                   ("Lê Minh Khôi", "Trưởng ban", "ban Tuyên giáo Tỉnh ủy Hà Giang"),
                   ("Hà Văn Minh", "Phó Trưởng ban", "ban tuyên giáo huyện ủy"),
                   ("Vũ Đức Toàn", "Ủy viên Trung ương Đảng", None),
                   ("Vũ Đức Toàn", "Trưởng ban", "Ban Dân vận Trung ương")]


def test_an_association_board_given_with_of_is_the_organisation():
    got = _pos("Tham dự có bà Lò Thị Hoa - Trưởng ban Công tác Hội viên của Hội Thư viện Việt Nam.")
    assert got == [("Lò Thị Hoa", "Trưởng ban", "ban Công tác Hội viên")]


def test_an_acronym_after_a_role_is_the_organisation_with_those_initials():
    got = _pos("Đại học Quốc gia Hà Nội có 10 thư viện. Dự lễ có PGS.TS Trần Văn Hải – Phó Giám đốc ĐHQGHN "
               "và ông Hà Văn Nhã - PGĐ Trung tâm VHTT, cùng đại diện các xã.")
    assert got == [("Trần Văn Hải", "Phó Giám đốc", "Đại học Quốc gia Hà Nội"),
                   ("Hà Văn Nhã", "PGĐ", "Trung tâm VHTT")]


def test_another_name_in_brackets_between_the_name_and_the_role():
    got = _pos("Giai đoạn 1980 – 1985: Đ/c Lê Văn Nhất ( Lê Văn Hai ), Tổ trưởng Tổ Thư viện.")
    assert got == [("Lê Văn Nhất", "Tổ trưởng", "Tổ Thư viện")]


def test_former_military_and_ministry_roles():
    got = _pos("Đại tá Nguyễn Hữu Lợi, nguyên Chủ nhiệm Chính trị Sư đoàn 308; Đại tá, PGS, TS Trần Văn Ninh, "
               "nguyên Viện phó Viện Lịch sử Quân sự Việt Nam; ông Tạ Bá Đông – Vụ trưởng, Trợ lý Bộ trưởng.")
    # "Vụ trưởng, Trợ lý Bộ trưởng" name no organisation: roles held at one the text leaves implied are not reported
    assert got == [("Nguyễn Hữu Lợi", "nguyên Chủ nhiệm Chính trị", "Sư đoàn 308"),
                   ("Trần Văn Ninh", "nguyên Viện phó", "Viện Lịch sử Quân sự Việt Nam")]


def test_names_and_roles_paired_respectively():
    got = _pos("Tham dự có các ông: Lê Văn Cường, Nguyễn Văn Dũng, lần lượt là Giám đốc và Phó Giám đốc "
               "Thư viện tỉnh Phú Yên. Bà Lê Thị Na và ông Hồ Văn Bá lần lượt giữ chức Chủ tịch Hội Thư viện "
               "Việt Nam, Giám đốc Thư viện tỉnh Nghệ An.")
    assert got == [("Lê Văn Cường", "Giám đốc", "Thư viện tỉnh Phú Yên"),
                   ("Nguyễn Văn Dũng", "Phó Giám đốc", "Thư viện tỉnh Phú Yên"),
                   ("Lê Thị Na", "Chủ tịch", "Hội Thư viện Việt Nam"),
                   ("Hồ Văn Bá", "Giám đốc", "Thư viện tỉnh Nghệ An")]


def test_roles_joined_by_kiem_share_the_organisation():
    got = _pos("Ông Lê Văn An – Phó Chủ tịch Thường trực kiêm Tổng Thư ký Hội Thư viện Việt Nam phát biểu.")
    assert got == [("Lê Văn An", "Phó Chủ tịch Thường trực", "Hội Thư viện Việt Nam"),
                   ("Lê Văn An", "Tổng Thư ký", "Hội Thư viện Việt Nam")]


def test_an_event_board_stays_in_the_role_and_an_unread_organisation_does_not_end_the_chain():
    got = _pos("Ông Lò Văn Hạnh, Phó Chủ tịch UBND huyện Đắk Hà, trưởng ban tổ chức cuộc thi, trao giải. "
               "Đồng chí Trần Văn Bình - Ủy viên BCH Đảng bộ tỉnh, Giám đốc Sở Văn hóa, Thể thao và Du lịch "
               "tỉnh Kon Tum dự lễ.")
    assert got == [("Lò Văn Hạnh", "Phó Chủ tịch", "UBND huyện Đắk Hà"),
                   ("Lò Văn Hạnh", "Trưởng ban tổ chức", None),
                   ("Trần Văn Bình", "Ủy viên BCH", "Đảng bộ tỉnh"),
                   ("Trần Văn Bình", "Giám đốc", "Sở Văn hóa, Thể thao và Du lịch tỉnh Kon Tum")]


def test_role_and_organisation_before_a_name_the_organisation_scan_ran_on_into():
    got = _pos("Tại hội nghị, Phó Chủ tịch Hội Thư viện Việt Nam Trần Thị Bích Hạnh cho hay, hội đã lớn mạnh.")
    assert got == [("Trần Thị Bích Hạnh", "Phó Chủ tịch", "Hội Thư viện Việt Nam")]


def test_an_organisation_written_by_its_head_word_alone_after_a_role():
    got = _pos("Sáng 3/3/2024, Thư viện tỉnh Bến Tre tổ chức hội nghị. Ông Lê Văn Tâm, Giám đốc Thư viện, "
               "phát biểu khai mạc.")
    assert got == [("Lê Văn Tâm", "Giám đốc", "Thư viện tỉnh Bến Tre")]


def test_a_diplomat_and_the_mission_of_the_country_named_after_the_role():
    got = _pos("Chiều 22/12/2023, ông Bùi Văn Đạt đã tiếp ngài Rajiv Kumar Singh, Tổng lãnh sự Ấn Độ tại "
               "Tp. Hồ Chí Minh đến thăm. Bà Kim Ji Yeon, Đại sứ Hàn Quốc tại Việt Nam, tặng sách.")
    assert got == [("Rajiv Kumar Singh", "Tổng Lãnh sự", "Tổng lãnh sự Ấn Độ tại Tp. Hồ Chí Minh"),
                   ("Kim Ji Yeon", "Đại sứ", "Đại sứ Hàn Quốc tại Việt Nam")]


def test_former_roles_before_the_name_after_a_predicate_and_with_cuu():
    got = _pos("Nguyên Giám đốc Thư viện tỉnh Cà Mau Nguyễn Văn An phát biểu. Ông Trần Văn Bảo, nguyên là Phó "
               "Giám đốc Sở Văn hóa, Thể thao và Du lịch tỉnh Cà Mau, tặng sách. Ông Đỗ Văn Dũng, cựu Giám đốc "
               "Thư viện tỉnh Bạc Liêu, dự.")
    assert got == [("Nguyễn Văn An", "nguyên Giám đốc", "Thư viện tỉnh Cà Mau"),
                   ("Trần Văn Bảo", "nguyên Phó Giám đốc", "Sở Văn hóa, Thể thao và Du lịch tỉnh Cà Mau"),
                   ("Đỗ Văn Dũng", "cựu Giám đốc", "Thư viện tỉnh Bạc Liêu")]
    assert [p.status for p in _facts("Nguyên Giám đốc Thư viện tỉnh Cà Mau Nguyễn Văn An phát biểu.").positions] \
        == ["former"]


def test_a_head_that_never_stands_alone_is_not_a_short_organisation():
    got = _pos("Hội Thư viện tỉnh Bình Phước có 50 hội viên. Bà Trần Thị Quyên - Phó Chủ tịch Hội đồng khoa học, "
               "Viện Nghiên cứu Văn hóa, phát biểu.")
    assert ("Trần Thị Quyên", "Phó Chủ tịch", "Hội Thư viện tỉnh Bình Phước") not in got


def test_abbreviated_roles():
    got = _pos("Đồng chí Lê Văn An – UVBTV Tỉnh ủy, Phó Chủ tịch UBND tỉnh Hà Nam dự. Ông Đỗ Văn Duy, Phó GĐ "
               "Thư viện tỉnh Hà Nam phát biểu.")
    assert got == [("Lê Văn An", "UVBTV", "Tỉnh ủy"), ("Lê Văn An", "Phó Chủ tịch", "UBND tỉnh Hà Nam"),
                   ("Đỗ Văn Duy", "Phó GĐ", "Thư viện tỉnh Hà Nam")]


def test_a_role_given_after_the_organisation_a_person_represents():
    got = _pos("Tham dự lễ ký, đại diện Thư viện tỉnh Hà Nam có bà Trần Thị Lan, Phó Giám đốc; Trường Đại học "
               "Văn hóa Hà Nội có TS. Lê Văn Hòa, Phó Hiệu trưởng.")
    assert got == [("Trần Thị Lan", "Phó Giám đốc", "Thư viện tỉnh Hà Nam"),
                   ("Lê Văn Hòa", "Phó Hiệu trưởng", "Trường Đại học Văn hóa Hà Nội")]


def test_role_and_organisation_then_a_comma_and_a_title_before_the_name():
    got = _pos("Phát biểu tại buổi lễ, Phó Giám đốc Công an tỉnh Gia Lai, Thượng tá Nguyễn Văn Sơn nhấn mạnh vai trò "
               "của sách. Thừa ủy quyền của Chủ tịch UBND tỉnh Gia Lai, ông Lê Văn Tú trao bằng khen. Dự có bà Lê "
               "Thị Hoa - Giám đốc Thư viện tỉnh Gia Lai, ông Trần Văn Tư - Phó Giám đốc Sở Tư pháp.")
    assert ("Nguyễn Văn Sơn", "Phó Giám đốc", "Công an tỉnh Gia Lai") in got
    assert not [p for p in got if p[0] == "Lê Văn Tú"]
    assert ("Trần Văn Tư", "Giám đốc", "Thư viện tỉnh Gia Lai") not in got


def test_a_note_in_brackets_between_the_name_and_the_role_is_skipped():
    got = _pos("Ông Lê Văn An (SN 1960, quê xã Tân Khang), nguyên Giám đốc Thư viện tỉnh Thanh Hóa, tặng sách.")
    assert got == [("Lê Văn An", "nguyên Giám đốc", "Thư viện tỉnh Thanh Hóa")]


def test_a_role_before_a_colon_is_every_listed_persons():
    got = _pos("Ngày 3/3/2024, Sở Văn hóa, Thể thao và Du lịch tỉnh Thanh Hóa tổ chức hội nghị. Dự có các đồng chí "
               "Phó Giám đốc Sở: Đỗ Minh Tâm, Lê Thị Hạnh và Vũ Văn Sáu.")
    org = "Sở Văn hóa, Thể thao và Du lịch tỉnh Thanh Hóa"
    assert got == [("Đỗ Minh Tâm", "Phó Giám đốc", org), ("Lê Thị Hạnh", "Phó Giám đốc", org),
                   ("Vũ Văn Sáu", "Phó Giám đốc", org)]


def test_a_delegation_led_by_a_person_and_acting_roles():
    got = _pos("Sáng 4/4/2024, đoàn công tác Thư viện tỉnh Cà Mau do bà Quách Thị Diệu, Phó Giám đốc làm trưởng "
               "đoàn đã đến thăm Thư viện tỉnh Sóc Trăng. Bà Lưu Thị Mến, Phó Trưởng phòng Phục vụ bạn đọc, được "
               "giao giữ chức Quyền Trưởng phòng Phục vụ bạn đọc.")
    assert ("Quách Thị Diệu", "Phó Giám đốc", "Thư viện tỉnh Cà Mau") in got
    assert ("Lưu Thị Mến", "Quyền Trưởng phòng", "phòng Phục vụ bạn đọc") in got


def test_a_board_of_the_organisation_itself_is_named_through_the_role():
    got = _pos("Hội nghị của Hội Khuyến học xã Tân Lập bầu Ban Thanh tra nhân dân gồm 3 thành viên; bà Đỗ Thị "
               "Hoài được bầu làm Trưởng ban Thanh tra nhân dân. Ông Lê Văn Bốn, Trưởng phòng Nghiệp vụ giai đoạn "
               "2015 - 2020 của Thư viện tỉnh Long An, phát biểu.")
    assert got == [("Đỗ Thị Hoài", "Trưởng ban", "ban Thanh tra nhân dân"),
                   ("Lê Văn Bốn", "Trưởng phòng", "phòng Nghiệp vụ")]


def test_a_role_ending_in_a_head_word_that_opens_an_organisation_name():
    got = _pos("Bà Phạm Thị Huế, Phụ trách Thư viện huyện Hải Hậu, cho biết. Cô Lê Thị Na, giáo viên phụ trách "
               "thư viện Trường THCS Lê Lợi, phát biểu.")
    assert got == [("Phạm Thị Huế", "Phụ trách", "Thư viện huyện Hải Hậu"),
                   ("Lê Thị Na", "Giáo viên phụ trách thư viện", "Trường THCS Lê Lợi")]


def test_role_predicates_from_the_lexicon_and_commune_and_border_roles():
    got = _pos("Hội nghị thống nhất; ông Lý Hoàng Nhân, Giám đốc Thư viện tỉnh Kiên Giang đảm nhận vai trò Chủ tịch "
               "Liên hiệp Thư viện các tỉnh Đồng bằng sông Cửu Long năm 2021. Thiếu tá Sùng Mí Sử, Phó Chính trị "
               "viên Đồn Biên phòng Lũng Cú, cho biết. Bà Giàng Thị Dua, công chức văn hóa - xã hội UBND xã Bắc Hà "
               "trình bày.")
    assert ("Lý Hoàng Nhân", "Chủ tịch", "Liên hiệp Thư viện các tỉnh Đồng bằng sông Cửu Long") in got
    assert ("Sùng Mí Sử", "Phó Chính trị viên", "Đồn Biên phòng Lũng Cú") in got
    assert ("Giàng Thị Dua", "Công chức văn hóa - xã hội", "UBND xã Bắc Hà") in got


def test_membership_of_an_association_is_a_position():
    got = _pos("Nhà thơ Lê Tuấn Minh hiện sống tại Hà Nội, là hội viên Hội Nhà văn Việt Nam.")
    assert got == [("Lê Tuấn Minh", "Hội viên", "Hội Nhà văn Việt Nam")]


def test_a_lecturer_of_a_faculty_named_without_its_university_is_the_facultys():
    got = _pos("Ngày 3/3/2024, Trường Đại học Sư phạm Huế tổ chức hội thảo. TS. Đoàn Minh Khải, giảng viên Khoa "
               "Ngữ văn đề xuất giải pháp.")
    assert got == [("Đoàn Minh Khải", "Giảng viên", "Khoa Ngữ văn")]


def test_heads_of_school_libraries_and_libraries_put_in_someones_charge():
    got = _pos("Bà Lê Thị Bé – Trưởng Thư viện Trường THPT Chu Văn An phát biểu. Bà Hà Thị Giang được giao phụ "
               "trách Thư viện huyện Mê Linh từ năm 2020.")
    assert got == [("Lê Thị Bé", "Trưởng", "Thư viện Trường THPT Chu Văn An"),
                   ("Hà Thị Giang", "phụ trách", "Thư viện huyện Mê Linh")]


def test_a_semicolon_between_name_and_role():
    # some pages write ";" for the comma; a role opening the next clause stays with the next name
    got = _pos("Khách mời gồm: ông Đặng Quốc Toản; Phó Giám đốc Sở VHTTDL tỉnh Đắk Nông; bà Hà Thị Lụa, "
               "Trưởng phòng Nghiệp vụ.")
    assert ("Đặng Quốc Toản", "Phó Giám đốc", "Sở VHTTDL tỉnh Đắk Nông") in got
    got = _pos("Dự có ông Đặng Quốc Toản; Giám đốc Sở VHTTDL tỉnh Đắk Nông Vi Thị Hằng.")
    assert got == [("Vi Thị Hằng", "Giám đốc", "Sở VHTTDL tỉnh Đắk Nông")]


def test_a_chain_goes_on_after_the_owner_of_a_board():
    got = _pos("Dự hội thảo có ThS. Lương Thị Nhàn - Trưởng ban Thi đua Khen thưởng của Liên hiệp các Hội "
               "Khoa học tỉnh Yên Bái, Phó Giám đốc Thư viện tỉnh Yên Bái.")
    assert got == [("Lương Thị Nhàn", "Trưởng ban", "ban Thi đua Khen thưởng"),
                   ("Lương Thị Nhàn", "Phó Giám đốc", "Thư viện tỉnh Yên Bái")]


def test_a_head_role_names_its_institute_then_the_institute_in_lower_case():
    got = _pos("Dự có PGS.TS Mạc Văn Khiêm, nguyên Viện trưởng Viện văn hóa dân gian (Học viện "
               "Báo chí). Ông Lò Văn Hải, Cục trưởng Cục bảo tồn di sản tỉnh Sơn La cho biết.")
    assert got == [("Mạc Văn Khiêm", "nguyên Viện trưởng", "Viện văn hóa dân gian"),
                   ("Lò Văn Hải", "Cục trưởng", "Cục bảo tồn di sản tỉnh Sơn La")]


def test_an_unread_council_before_the_organisation_it_belongs_to():
    got = _pos("Dự có TS. Hồ Thị Mận, Phó Chủ tịch Hội đồng khoa học, Viện Nghiên cứu Văn hóa Tây Nguyên.")
    assert got == [("Hồ Thị Mận", "Phó Chủ tịch", "Hội đồng khoa học")]


def test_a_task_given_with_lam_is_no_position():
    # "làm" names a task more often than a post ("làm Trưởng ban giám khảo", "làm chủ tọa")
    assert _pos("Hội thi có 12 đội dự, bà Hà Thị Nụ làm Trưởng ban giám khảo.") == []


def test_a_qualifier_after_any_role_stays_in_it():
    got = _pos("Bà Lò Thị Hoa, Phó Trưởng phòng phụ trách Phòng Nghiệp vụ, Thư viện tỉnh Sơn La; ông Quàng Văn "
               "Định, Ủy viên thường trực Hội Thư viện tỉnh Sơn La.")
    assert got == [("Lò Thị Hoa", "Phó Trưởng phòng phụ trách", "Phòng Nghiệp vụ"),
                   ("Quàng Văn Định", "Ủy viên thường trực", "Hội Thư viện tỉnh Sơn La")]


def test_a_long_role_and_its_organisation_before_the_name():
    got = _pos("Chiều 5/3, Tham tán Thông tin Văn hóa Đại sứ quán Hoa Kỳ Nguyễn Thị Mai Hoa đã đến thăm Thư viện.")
    assert got == [("Nguyễn Thị Mai Hoa", "Tham tán Thông tin Văn hóa", "Đại sứ quán Hoa Kỳ")]


def test_front_and_union_bodies_of_commune_and_district_are_organisations():
    got = _pos("Dự lễ có ông Lò Văn Piềng - Đảng ủy viên, Chủ tịch UBMTTQ xã Nà Hỳ; bà Hà Thu Lan, Bí thư "
               "Quận ủy Ba Đình. Anh Đỗ Minh Khoa – Chủ tịch Hội Liên hiệp Thanh niên huyện Yên Thế trao quà.")
    assert ("Lò Văn Piềng", "Chủ tịch", "UBMTTQ xã Nà Hỳ") in got
    assert ("Hà Thu Lan", "Bí thư", "Quận ủy Ba Đình") in got
    assert ("Đỗ Minh Khoa", "Chủ tịch", "Hội Liên hiệp Thanh niên huyện Yên Thế") in got


def test_abbreviated_deputy_and_army_unit_commanders():
    got = _pos("Có mặt tại buổi lễ có bà Vi Thị Sen – P. Chủ tịch Liên hiệp Thư viện các tỉnh miền núi phía Bắc. "
               "Thượng tá Đinh Công Lực, Phó Trung đoàn trưởng Trung đoàn 101 phát biểu.")
    assert got == [
        ("Vi Thị Sen", "P. Chủ tịch", "Liên hiệp Thư viện các tỉnh miền núi phía Bắc"),
        ("Đinh Công Lực", "Phó Trung đoàn trưởng", "Trung đoàn 101"),
    ]


def test_merged_party_board_in_lower_case():
    got = _pos("Dự có bà Mai Thị Én, Phó trưởng ban tuyên giáo và dân vận huyện ủy.")
    assert got == [("Mai Thị Én", "Phó Trưởng ban", "ban tuyên giáo và dân vận huyện ủy")]


def test_a_role_right_after_a_party_membership_role_without_separator():
    got = _pos("Đến dự có bà Lò Thị Ủa, Tỉnh ủy viên Giám đốc Sở Văn hóa, Thể thao và Du lịch tỉnh Điện Biên; "
               "ông Quàng Văn Pấng, Huyện ủy viên Phó Ban Tuyên giáo Huyện ủy Mường Chà.")
    assert got == [("Lò Thị Ủa", "Tỉnh ủy viên", None),
                   ("Lò Thị Ủa", "Giám đốc", "Sở Văn hóa, Thể thao và Du lịch tỉnh Điện Biên"),
                   ("Quàng Văn Pấng", "Huyện ủy viên", None),
                   ("Quàng Văn Pấng", "Phó ban", "Ban Tuyên giáo Huyện ủy Mường Chà")]


def test_people_listed_after_their_organisation_share_it():
    got = _pos("Về phía Thư viện tỉnh Lai Châu có bà Tẩn Thị Mẩy, Giám đốc và ông Pờ Xá Gió, Phó Giám đốc. "
               "Thư viện huyện Sìn Hồ có bà Lò Thị Phương (Giám đốc) và ông Vàng A Dơ (Phó Giám đốc) tham dự.")
    assert ("Tẩn Thị Mẩy", "Giám đốc", "Thư viện tỉnh Lai Châu") in got
    assert ("Pờ Xá Gió", "Phó Giám đốc", "Thư viện tỉnh Lai Châu") in got
    assert ("Lò Thị Phương", "Giám đốc", "Thư viện huyện Sìn Hồ") in got
    assert ("Vàng A Dơ", "Phó Giám đốc", "Thư viện huyện Sìn Hồ") in got


def test_representative_after_a_comma_holds_the_role_there():
    got = _pos("Đại diện Thư viện tỉnh Lai Châu, bà Tẩn Thị Mẩy, Giám đốc cho biết thư viện đã luân chuyển sách.")
    assert got == [("Tẩn Thị Mẩy", "Giám đốc", "Thư viện tỉnh Lai Châu")]


def test_a_list_of_a_head_and_deputy_shares_the_organisation_named_last():
    got = _pos("Tham dự có các đồng chí Giàng Thị Dung, Giám đốc; Lý Văn Páo, Phó Giám đốc Thư viện tỉnh Lào Cai.")
    assert got == [("Giàng Thị Dung", "Giám đốc", "Thư viện tỉnh Lào Cai"),
                   ("Lý Văn Páo", "Phó Giám đốc", "Thư viện tỉnh Lào Cai")]


def test_role_and_abbreviated_body_before_an_untitled_name():
    got = _pos("Dự lễ có Thứ trưởng Bộ VHTTDL Hoàng Văn Cường và Chủ tịch Hội LHPN tỉnh Trần Thị Hoài.")
    assert ("Hoàng Văn Cường", "Thứ trưởng", "Bộ VHTTDL") in got


def test_an_acronym_given_in_brackets_stands_for_the_organisation():
    got = _pos("Sáng 9/1, Thư viện Trung tâm Đại học Thái Nguyên (TVTT) tổ chức họp với sự tham dự của bà Lưu Thị "
               "Yến - Giám đốc TVTT và ông Đàm Văn Khải - Phó Giám đốc TVTT.")
    assert got == [("Lưu Thị Yến", "Giám đốc", "Thư viện Trung tâm Đại học Thái Nguyên"),
                   ("Đàm Văn Khải", "Phó Giám đốc", "Thư viện Trung tâm Đại học Thái Nguyên")]


def test_several_roles_before_the_name():
    got = _pos("Tới dự có Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Lào Cai Đặng Xuân Thắm; Phó Bí thư Huyện ủy, "
               "Chủ tịch UBND huyện Bảo Yên Trần Huy Mạnh.")
    assert sorted(got) == sorted([
        ("Đặng Xuân Thắm", "Bí thư", "Tỉnh ủy Lào Cai"),
        ("Đặng Xuân Thắm", "Ủy viên Trung ương Đảng", None),
        ("Trần Huy Mạnh", "Chủ tịch", "UBND huyện Bảo Yên"),
        ("Trần Huy Mạnh", "Phó Bí thư", "Huyện ủy"),
    ])


def test_a_chain_after_a_name_stops_at_the_role_of_the_next_name():
    got = _pos("Ông Lý Văn Páo, Giám đốc Sở Y tế, Chủ tịch UBND tỉnh Hà Giang Nguyễn Văn Sình dự lễ.")
    assert got == [("Lý Văn Páo", "Giám đốc", "Sở Y tế"), ("Nguyễn Văn Sình", "Chủ tịch", "UBND tỉnh Hà Giang")]


def test_a_named_board_of_its_own_is_the_organisation():
    got = _pos("Ông Lò Văn Mừng, Trưởng Ban Quản lý Di tích Nhà tù Sơn La giới thiệu. Bà Lù Thị Dua, Phó Trưởng "
               "ban Dân tộc tỉnh Sơn La dự. Ông Cà Văn Sáng, Trưởng ban tổ chức cuộc thi, phát biểu.")
    assert got == [("Lò Văn Mừng", "Trưởng ban", "Ban Quản lý Di tích Nhà tù Sơn La"),
                   ("Lù Thị Dua", "Phó Trưởng ban", "Ban Dân tộc tỉnh Sơn La"),
                   ("Cà Văn Sáng", "Trưởng ban tổ chức", None)]  # the contest's board: no organisation


def test_roles_before_a_name_joined_by_dashes_and_member_abbreviations():
    got = _pos("Dự lễ có Phó Bí thư Thường trực Tỉnh ủy Lò Văn Pọm; UVTV Tỉnh ủy - Phó Chủ tịch UBND tỉnh "
               "Vàng Văn Chá.")
    assert sorted(got) == sorted([("Lò Văn Pọm", "Phó Bí thư Thường trực", "Tỉnh ủy"),
                                  ("Vàng Văn Chá", "Phó Chủ tịch", "UBND tỉnh"),
                                  ("Vàng Văn Chá", "UVTV", "Tỉnh ủy")])


def test_a_semicolon_for_the_comma_before_a_role_that_a_comma_ends():
    got = _pos("Dự có bà Lò Thị Hoa; Giám đốc Thư viện Đại học Lương Thế Vinh, cùng nhiều đại biểu khác.")
    assert got == [("Lò Thị Hoa", "Giám đốc", "Thư viện Đại học Lương Thế Vinh")]


def test_a_name_after_a_closing_quote_is_read():
    got = _pos("Ông nói: “Đọc sách giúp ta lớn lên. Hãy đọc mỗi ngày”, thượng tướng Lê Văn Tám, Thứ trưởng "
               "Bộ Công an nhấn mạnh.")
    assert got == [("Lê Văn Tám", "Thứ trưởng", "Bộ Công an")]


def test_a_predicate_in_reported_speech_is_not_the_speakers():
    got = _pos("Tại hội thảo, ông Lò Văn Mừng, Giám đốc Thư viện tỉnh Sơn La nhấn mạnh: thời gian tới, Liên hiệp "
               "sẽ động viên các trường là hội viên chia sẻ tài liệu.")
    assert got == [("Lò Văn Mừng", "Giám đốc", "Thư viện tỉnh Sơn La")]


def test_a_library_head_without_organisation_in_news_about_one_library():
    got = _pos("Sáng 3/4, Thư viện tỉnh Kon Tum khai mạc Ngày hội đọc sách. Phát biểu khai mạc, bà Y Vân Niê, Phó "
               "Giám đốc phụ trách, cho biết thư viện đã phục vụ nhiều bạn đọc.")
    assert got == [("Y Vân Niê", "Phó Giám đốc phụ trách", "Thư viện tỉnh Kon Tum")]
    two = _pos("Thư viện tỉnh Kon Tum và Thư viện tỉnh Gia Lai ký kết hợp tác. Bà Y Vân Niê, Giám đốc phát biểu.")
    assert two == []  # two libraries: which one is not said, and a role without organisation is not reported


def test_a_lower_case_unit_after_a_commanders_role_is_the_organisation():
    got = _pos("Thiếu tá Lò Văn Sáu, Phó đồn trưởng đồn biên phòng Mường Nhé cho biết đơn vị đã có tủ sách.")
    assert got == [("Lò Văn Sáu", "Phó Đồn trưởng", "Đồn biên phòng Mường Nhé")]


def test_a_role_without_organisation_is_reported_only_when_it_holds_without_one():
    got = _pos("Dự lễ có ông Hà Văn Khánh, Tỉnh ủy viên; bà Tòng Thị Phóng, nguyên Phó Chủ tịch nước; ông Lò Văn "
               "Piếng, Trưởng ban; bà Quàng Thị Tươi, Giám đốc.")
    assert got == [("Hà Văn Khánh", "Tỉnh ủy viên", None), ("Tòng Thị Phóng", "nguyên Phó Chủ tịch nước", None)]


def test_a_party_committee_of_a_department_is_one_organisation_and_its_bare_mention_resolves():
    got = _pos("Theo kế hoạch của Đảng ủy Sở Nông nghiệp tỉnh Hà Nam, dự hội nghị có đồng chí Lương Văn Tám - Phó Bí "
               "thư Đảng ủy, Phó Giám đốc Sở Nông nghiệp tỉnh Hà Nam.")
    assert ("Lương Văn Tám", "Phó Bí thư", "Đảng ủy Sở Nông nghiệp tỉnh Hà Nam") in got
    assert ("Lương Văn Tám", "Phó Giám đốc", "Sở Nông nghiệp tỉnh Hà Nam") in got


def test_a_heads_unit_word_written_with_a_capital_stays_in_the_role():
    got = _pos("Dự hội thảo có PGS.TS Lê Văn Sơn, Trưởng Khoa Ngữ văn và Báo chí, Trường Đại học Sư phạm Huế.")
    assert ("Lê Văn Sơn", "Trưởng khoa", "Khoa Ngữ văn và Báo chí") in got


def test_a_party_committee_or_union_in_lower_case_after_a_role():
    got = _pos("Ông Hồ Văn Lực – nguyên Phó Bí thư thường trực tỉnh ủy Quảng Trị đã tặng sách; bà Võ Thị Sen - Chủ "
               "tịch công đoàn viên chức tỉnh Quảng Trị cùng dự.")
    assert ("Hồ Văn Lực", "nguyên Phó Bí thư Thường trực", "Tỉnh ủy Quảng Trị") in got
    assert ("Võ Thị Sen", "Chủ tịch", "Công đoàn viên chức tỉnh Quảng Trị") in got


def test_a_role_written_after_a_name_without_separator_when_it_names_its_organisation():
    got = _pos("Đến dự có ông Lê Văn Giỏi Chủ tịch Hội Thư viện Việt Nam và ông Hà Văn Tư phát biểu.")
    assert got == [("Lê Văn Giỏi", "Chủ tịch", "Hội Thư viện Việt Nam")]
    assert _pos("Thư viện trao tặng bà Nguyễn Thị Lành Giấy khen và ông Hà Văn Tư Chủ tịch.") == []


def test_an_events_organising_board_is_no_organisation_but_the_partys_is():
    facts = _facts("Ông Lê Văn Nam, Trưởng Ban Tổ chức hội thi phát biểu; bà Lê Thị Hoa, Trưởng Ban Tổ chức Tỉnh ủy "
                   "Nam Định dự.")
    assert [(p.person, p.role, p.organization) for p in facts.positions] == [
        ("Lê Văn Nam", "Trưởng ban Tổ chức", None), ("Lê Thị Hoa", "Trưởng ban", "Ban Tổ chức Tỉnh ủy Nam Định")]
    assert "Ban Tổ chức hội thi" not in {o.name for o in facts.organizations}


def test_a_short_party_committee_is_the_one_the_text_names_most():
    got = _pos("Thực hiện kế hoạch của Đảng ủy Khối Doanh nghiệp tỉnh Hà Nam và của Đảng ủy Sở Tư pháp tỉnh Hà Nam, "
               "được sự đồng ý của Đảng ủy Sở Tư pháp tỉnh Hà Nam, Chi bộ tổ chức đại hội. Dự đại hội có đồng chí "
               "Lương Văn Tám - Phó Bí thư Đảng ủy.")
    assert got == [("Lương Văn Tám", "Phó Bí thư", "Đảng ủy Sở Tư pháp tỉnh Hà Nam")]


def test_a_sub_unit_named_through_a_role_is_the_organisation_inside_the_one_named_next():
    # SCHEMA.md: "Phó phòng Nghiệp vụ" -> role "Phó phòng", organization "phòng Nghiệp vụ"
    facts = _facts("Dự có bà Mai Thị Lựu, Trưởng bộ môn Lưu trữ học, Trường Đại học Sài Gòn, Phó Chủ tịch Hội Lưu "
                   "trữ Bình Dương; ông Hà Văn Tiến, Ủy viên Ban Kiểm tra Hội Thư viện Việt Nam; ông Lục Văn Kha, "
                   "Phó Trưởng ban Văn hóa - Xã hội HĐND tỉnh Cao Bằng.")
    got = [(p.person, p.role, p.organization) for p in facts.positions]
    assert got == [("Mai Thị Lựu", "Trưởng bộ môn", "bộ môn Lưu trữ học"),
                   ("Mai Thị Lựu", "Phó Chủ tịch", "Hội Lưu trữ Bình Dương"),
                   ("Hà Văn Tiến", "Ủy viên Ban Kiểm tra", "Hội Thư viện Việt Nam"),
                   ("Lục Văn Kha", "Phó Trưởng ban", "ban Văn hóa - Xã hội HĐND tỉnh Cao Bằng")]
    parents = {o.name: o.parent for o in facts.organizations}
    assert parents["bộ môn Lưu trữ học"] == "Trường Đại học Sài Gòn"


def test_a_staff_list_under_a_header_naming_the_organisation():
    got = _pos("Cơ cấu tổ chức của Thư viện tỉnh Yên Bái.\n\nPhòng Nghiệp vụ:\n• Đỗ Thị Mười - Trưởng phòng\n"
               "• Hà Văn Một - Thủ thư\nPhòng tổ chức hành chính:\n• Trần Thị Hai: Phó Trưởng phòng\n\n"
               "Về phía Sở Văn hóa, Thể thao và Du lịch tỉnh Lào Cai:\n- Ông Hoàng Văn Ba, Phó Giám đốc")
    assert ("Đỗ Thị Mười", "Trưởng phòng", "Phòng Nghiệp vụ") in got
    assert ("Hà Văn Một", "Thủ thư", "Phòng Nghiệp vụ") in got
    assert ("Trần Thị Hai", "Phó Trưởng phòng", "Phòng tổ chức hành chính") in got
    assert ("Hoàng Văn Ba", "Phó Giám đốc", "Sở Văn hóa, Thể thao và Du lịch tỉnh Lào Cai") in got


def test_a_career_told_as_a_list_of_posts_and_a_pronoun_subject_of_la():
    got = _pos("Bà Hoàng Thị Mai sinh năm 1950. Gần 35 năm công tác, bà lần lượt giữ các cương vị Trưởng phòng "
               "Nghiệp vụ Thư viện tỉnh Tuyên Quang (1980), Phó Giám đốc Thư viện tỉnh Tuyên Quang (1992) và Giám "
               "đốc Thư viện tỉnh Tuyên Quang từ năm 2000. Bà cũng là Ủy viên Ban Chấp hành Hội Thư viện Việt Nam.")
    assert got == [("Hoàng Thị Mai", "Trưởng phòng", "phòng Nghiệp vụ"),
                   ("Hoàng Thị Mai", "Phó Giám đốc", "Thư viện tỉnh Tuyên Quang"),
                   ("Hoàng Thị Mai", "Giám đốc", "Thư viện tỉnh Tuyên Quang"),
                   ("Hoàng Thị Mai", "Ủy viên Ban Chấp hành", "Hội Thư viện Việt Nam")]


def test_a_plural_role_opens_a_list_of_its_holders():
    got = _pos("Đại hội bầu ông Lê Văn Hai làm Chủ tịch Hội Khuyến học tỉnh Bắc Kạn. Các Phó Chủ tịch gồm: bà Nông "
               "Thị Ba; ông Hà Văn Tư, Giám đốc Thư viện tỉnh Bắc Kạn. Trong số các ủy viên Ban Chấp hành có bà Lý "
               "Thị Năm và ông Ma Văn Sáu. Các giáo viên và em Hoàng Văn Bảy cùng đọc sách.")
    org = "Hội Khuyến học tỉnh Bắc Kạn"
    assert ("Nông Thị Ba", "Phó Chủ tịch", org) in got and ("Hà Văn Tư", "Phó Chủ tịch", org) in got
    assert ("Hà Văn Tư", "Giám đốc", "Thư viện tỉnh Bắc Kạn") in got
    assert ("Lý Thị Năm", "Ủy viên Ban Chấp hành", org) in got and ("Ma Văn Sáu", "Ủy viên Ban Chấp hành", org) in got
    assert not [p for p in got if p[0] == "Hoàng Văn Bảy"]


def test_an_organisation_the_scan_did_not_read_right_after_a_role():
    facts = _facts("Ông Đào Văn Hai, Phó Giám đốc Công an Hải Phòng, phát biểu.")
    assert [(p.person, p.role, p.organization) for p in facts.positions] == [
        ("Đào Văn Hai", "Phó Giám đốc", "Công an Hải Phòng")]
    assert "Công an Hải Phòng" in {o.name for o in facts.organizations}


def test_a_role_right_before_the_name_holds_without_an_organisation_the_text_does_not_name():
    # SCHEMA.md: the organisation is null when the text does not state it; the same role given with an
    # organisation elsewhere in the text still wins
    got = _pos("Hội thảo diễn ra sôi nổi. Phát biểu bế mạc, Chủ tịch Lê Văn Hai nhấn mạnh vai trò của sách. Ông "
               "Hà Văn Ba, Giám đốc Thư viện tỉnh Hà Giang, cũng dự. Giám đốc Hà Văn Ba cảm ơn.")
    assert got == [("Lê Văn Hai", "Chủ tịch", None), ("Hà Văn Ba", "Giám đốc", "Thư viện tỉnh Hà Giang")]


def test_a_note_on_age_or_birth_between_the_name_and_the_role():
    got = _pos("Ông Lê Văn Hai, 56 tuổi, Giám đốc Thư viện tỉnh Hà Nam, cho biết. Bà Lò Thị Ba, sinh năm 1975, "
               "Phó Giám đốc Thư viện tỉnh Sơn La, chia sẻ.")
    assert got == [("Lê Văn Hai", "Giám đốc", "Thư viện tỉnh Hà Nam"),
                   ("Lò Thị Ba", "Phó Giám đốc", "Thư viện tỉnh Sơn La")]


def test_a_department_before_its_library_without_a_comma():
    f = _facts("Dự có bà Lê Thị Hoa, Phó Trưởng phòng phụ trách Phòng Nghiệp vụ Thư viện tỉnh Phú Yên.")
    assert [(p.person, p.role, p.organization) for p in f.positions] == [
        ("Lê Thị Hoa", "Phó Trưởng phòng phụ trách", "Phòng Nghiệp vụ")]
    assert {o.name for o in f.organizations} == {"Phòng Nghiệp vụ", "Thư viện tỉnh Phú Yên"}


def test_merged_bodies_and_a_department_named_with_commas_after_the_role():
    got = _pos("Dự có bà Trần Thị Lan, Giám đốc Thư viện - Bảo tàng tỉnh Hòa Bình; ông Lê Văn Nam, Trưởng phòng "
               "Văn hóa, Khoa học và Thông tin huyện Mỹ Đức.")
    assert got == [
        ("Trần Thị Lan", "Giám đốc", "Thư viện - Bảo tàng tỉnh Hòa Bình"),
        ("Lê Văn Nam", "Trưởng phòng", "Phòng Văn hóa, Khoa học và Thông tin huyện Mỹ Đức"),
    ]


def test_a_club_and_a_peoples_committee_written_in_lower_case():
    f = _facts("Bà Trần Thị Lan, Chủ nhiệm câu lạc bộ Đọc sách Mỹ Đức, cảm ơn ủy ban nhân dân xã Mỹ Đức. "
               "Cả câu lạc bộ cùng đọc sách.")
    assert [(p.person, p.role, p.organization) for p in f.positions] == [
        ("Trần Thị Lan", "Chủ nhiệm", "Câu lạc bộ Đọc sách Mỹ Đức")]
    assert {o.name for o in f.organizations} == {"Câu lạc bộ Đọc sách Mỹ Đức", "Ủy ban nhân dân xã Mỹ Đức"}


def test_a_rank_or_degree_between_commas_after_the_name():
    got = _pos("Đồng chí Hà Văn Lực, Trung tá, Phó Chính ủy Bộ đội Biên phòng tỉnh Lai Châu, dự lễ. "
               "Bà Vi Thị Mến, Thạc sĩ, Giám đốc Thư viện tỉnh Bắc Kạn, phát biểu.")
    assert got == [("Hà Văn Lực", "Phó Chính ủy", "Bộ đội Biên phòng tỉnh Lai Châu"),
                   ("Vi Thị Mến", "Giám đốc", "Thư viện tỉnh Bắc Kạn")]


def test_a_post_given_by_a_verb_right_after_the_name():
    f = _facts("Hội Thư viện tỉnh Gia Lai tổ chức đại hội. Đại hội đã bầu ông Rơ Châm Hyin làm Chủ tịch Hội nhiệm "
               "kỳ mới. Bà Đinh Thị Mai hiện làm Giám đốc Thư viện tỉnh Kon Tum. Ông Lê Văn Bé làm Trưởng ban "
               "giám khảo cuộc thi.")
    got = [(p.person, p.role, p.organization, p.status) for p in f.positions]
    assert got == [("Rơ Châm Hyin", "Chủ tịch", "Hội Thư viện tỉnh Gia Lai", "elected"),
                   ("Đinh Thị Mai", "Giám đốc", "Thư viện tỉnh Kon Tum", "current")]


def test_a_role_and_its_organisation_by_head_word_right_before_the_name():
    got = _pos("Sở Văn hóa, Thể thao và Du lịch tỉnh Trà Vinh tổ chức lễ phát động. Phó Giám đốc Sở Thạch Văn "
               "Sang phát biểu. Sở Giáo dục và Đào tạo tỉnh Trà Vinh cũng tham gia. Bà Kim Thị Đa, Giám đốc "
               "Sở Giáo dục và Đào tạo tỉnh Trà Vinh và Giám đốc Sở Kim Thị Đa trao giải.")
    assert got == [
        ("Thạch Văn Sang", "Phó Giám đốc", "Sở Văn hóa, Thể thao và Du lịch tỉnh Trà Vinh"),
        ("Kim Thị Đa", "Giám đốc", "Sở Giáo dục và Đào tạo tỉnh Trà Vinh"),
    ]


def test_central_committee_seats_hold_without_an_organisation():
    got = _pos("Đồng chí Lê Minh Tâm, Ủy viên Ban Chấp hành Trung ương Đảng, Phó Trưởng Ban Thường trực Ban "
               "Tuyên giáo Trung ương, dự hội nghị.")
    assert got == [("Lê Minh Tâm", "Ủy viên Ban Chấp hành Trung ương Đảng", None),
                   ("Lê Minh Tâm", "Phó Trưởng ban Thường trực", "Ban Tuyên giáo Trung ương")]


def test_a_role_joined_by_kiem_to_a_department_head_is_held_at_the_parent():
    got = _pos("Ông Mã Văn Lình - Phó Giám đốc kiêm Trưởng phòng Nghiệp vụ Thư viện tỉnh Lạng Sơn phát biểu.")
    assert got == [("Mã Văn Lình", "Phó Giám đốc", "Thư viện tỉnh Lạng Sơn"),
                   ("Mã Văn Lình", "Trưởng phòng", "phòng Nghiệp vụ")]


def test_lists_of_officials_with_the_role_before_a_colon_or_the_organisation_as_header():
    got = _pos("Ban Chấp hành Hội Thư viện tỉnh Cà Mau gồm: Chủ tịch: ông Lâm Văn Út; Phó Chủ tịch: bà Trần "
               "Thị Sáu, ông Lý Văn Bảy. Lãnh đạo Thư viện tỉnh Bạc Liêu: Giám đốc Tô Thị Hai; Phó Giám đốc "
               "Huỳnh Văn Ba.")
    assert got == [
        ("Lâm Văn Út", "Chủ tịch", "Hội Thư viện tỉnh Cà Mau"),
        ("Trần Thị Sáu", "Phó Chủ tịch", "Hội Thư viện tỉnh Cà Mau"),
        ("Lý Văn Bảy", "Phó Chủ tịch", "Hội Thư viện tỉnh Cà Mau"),
        ("Tô Thị Hai", "Giám đốc", "Thư viện tỉnh Bạc Liêu"),
        ("Huỳnh Văn Ba", "Phó Giám đốc", "Thư viện tỉnh Bạc Liêu"),
    ]


def test_a_role_right_before_the_next_name_is_that_persons_even_after_the_first_name():
    got = _pos("Phó Chủ tịch UBND tỉnh Sóc Trăng Lê Văn Hùng, Giám đốc Sở Văn hóa, Thể thao và Du lịch Trần Thị Mai "
               "đến dự.")
    assert got == [("Lê Văn Hùng", "Phó Chủ tịch", "UBND tỉnh Sóc Trăng"),
                   ("Trần Thị Mai", "Giám đốc", "Sở Văn hóa, Thể thao và Du lịch")]


def test_two_names_joined_by_va_share_the_roles_after_the_second():
    got = _pos("Bà Đào Thị Nhung và bà Lục Thị Vân, Phó Giám đốc Thư viện tỉnh Hà Giang, trao quà. Nhà thơ Y Phương "
               "và ThS. Ma Văn Đức, giảng viên Trường Đại học Tân Trào, giao lưu. Bà Lục Thị Vân và ông Hoàng Văn "
               "Tư, Phó Chủ tịch UBND xã Đông Hà, cắt băng.")
    assert got == [("Đào Thị Nhung", "Phó Giám đốc", "Thư viện tỉnh Hà Giang"),
                   ("Lục Thị Vân", "Phó Giám đốc", "Thư viện tỉnh Hà Giang"),
                   ("Ma Văn Đức", "Giảng viên", "Trường Đại học Tân Trào"),
                   ("Hoàng Văn Tư", "Phó Chủ tịch", "UBND xã Đông Hà")]


def test_an_appointment_or_election_named_with_its_authority_between():
    f = _facts("Bà Vàng Thị Dua được UBND tỉnh bổ nhiệm làm Giám đốc Thư viện tỉnh Điện Biên. Ông Lò Văn Pọm được "
               "Đại hội bầu giữ chức Chủ tịch Hội Thư viện tỉnh Điện Biên.")
    got = [(p.person, p.role, p.organization, p.status) for p in f.positions]
    assert got == [("Vàng Thị Dua", "Giám đốc", "Thư viện tỉnh Điện Biên", "appointed"),
                   ("Lò Văn Pọm", "Chủ tịch", "Hội Thư viện tỉnh Điện Biên", "elected")]


def test_a_school_head_without_organisation_in_news_naming_one_school_or_one_library():
    got = _pos("Trường Tiểu học Na Hang tổ chức ngày hội đọc sách. Cô Ma Thị Lành, Hiệu trưởng, cho biết các em rất "
               "hào hứng. Trung tâm Học liệu - Thư viện Đại học Tây Bắc mở cửa phòng đọc. Ông Cà Văn Chung, Giám đốc, "
               "cho biết phòng đọc có 500 chỗ.")
    assert got == [("Ma Thị Lành", "Hiệu trưởng", "Trường Tiểu học Na Hang"),
                   ("Cà Văn Chung", "Giám đốc", "Trung tâm Học liệu - Thư viện Đại học Tây Bắc")]


def test_a_party_inspection_commission_is_the_organisation_inside_its_committee():
    got = _pos("Dự có ông Lý Văn Páo - Ủy viên Ban Thường vụ - Chủ nhiệm UBKT Đảng ủy Sở; ông Sùng A Lử - Phó Chủ "
               "nhiệm Ủy ban Kiểm tra Huyện ủy Mèo Vạc.")
    assert got == [("Lý Văn Páo", "Ủy viên Ban Thường vụ", "Đảng ủy Sở"),
                   ("Lý Văn Páo", "Chủ nhiệm", "UBKT Đảng ủy Sở"),
                   ("Sùng A Lử", "Phó Chủ nhiệm", "Ủy ban Kiểm tra Huyện ủy Mèo Vạc")]


def test_a_head_word_alone_takes_the_name_given_inside_another_organisations_name():
    got = _pos("Dự có đồng chí Hồ Văn Lành, Phó Giám đốc Sở, Chủ tịch Công đoàn Sở Văn hóa và Thể thao.")
    assert ("Hồ Văn Lành", "Phó Giám đốc", "Sở Văn hóa và Thể thao") in got


def test_a_roles_last_words_read_with_the_organisation_after_it():
    got = _pos("Nhà văn Trịnh Bích Ngân, Chánh Văn phòng Hội Nhà văn Đồng Nai, giao lưu với học sinh. Bà Hồ Thị Út, "
               "Phụ trách Thư viện Trường THCS Tân Phú, giới thiệu sách.")
    assert got == [("Trịnh Bích Ngân", "Chánh Văn phòng", "Hội Nhà văn Đồng Nai"),
                   ("Hồ Thị Út", "Phụ trách", "Thư viện Trường THCS Tân Phú")]



def test_a_head_word_alone_after_a_role_points_back_to_one_organisation_named_before():
    # one library named before: that one
    got = _pos("Thư viện tỉnh Cao Bằng ký kết chương trình phối hợp với các trường. Ông Hà Văn Thụ, Giám đốc Thư viện "
               "cho biết sẽ mở thêm phòng đọc.")
    assert got == [("Hà Văn Thụ", "Giám đốc", "Thư viện tỉnh Cao Bằng")]
    # two libraries named before: which one is meant is a guess, none is taken
    got = _pos("Thư viện tỉnh Cao Bằng và Thư viện huyện Bảo Lạc ký kết chương trình phối hợp. Ông Hà Văn Thụ, Giám "
               "đốc Thư viện cho biết sẽ mở thêm phòng đọc.")
    assert not [p for p in got if p[0] == "Hà Văn Thụ" and p[2]]


def test_the_youth_union_of_an_organisation_after_a_role():
    got = _pos("Anh Quàng Văn Bảo - Bí thư Đoàn Trường Đại học Tây Bắc, cho biết các đoàn viên đã góp 300 cuốn sách. "
               "Chị Lường Thị Hoa, Phó Bí thư Đoàn Thư viện tỉnh Sơn La, phát biểu.")
    assert got == [("Quàng Văn Bảo", "Bí thư", "Đoàn Trường Đại học Tây Bắc"),
                   ("Lường Thị Hoa", "Phó Bí thư", "Đoàn Thư viện tỉnh Sơn La")]


def test_the_holder_named_after_an_organisation_whose_name_the_scan_ran_on_into_his():
    got = _pos("Giám đốc Nhà xuất bản Hồng Lam Đinh Văn Thọ cho biết năm nay có 300 đầu sách mới. Tổng Biên tập "
               "Báo Sông Mã Lê Quốc Hưng tặng sách cho thư viện.")
    assert ("Đinh Văn Thọ", "Giám đốc", "Nhà xuất bản Hồng Lam") in got
    assert ("Lê Quốc Hưng", "Tổng Biên tập", "Báo Sông Mã") in got
    # a school named after a person is no holder
    assert _pos("Hiệu trưởng Trường THCS Lê Quý Đôn phát biểu khai mạc.") == []


def test_a_party_role_given_by_a_predicate_without_organisation_is_held_at_the_party_body_named_before():
    got = _pos("Đại hội Chi bộ Bảo tàng tỉnh Tuyên Quang nhiệm kỳ 2025-2030 đã bầu Ban Chi ủy. Đồng chí Ma Văn Khánh "
               "được bầu giữ chức danh Bí thư, đồng chí Hoàng Thị Dung giữ chức danh Phó Bí thư.")
    assert got == [("Ma Văn Khánh", "Bí thư", "Chi bộ Bảo tàng tỉnh Tuyên Quang"),
                   ("Hoàng Thị Dung", "Phó Bí thư", "Chi bộ Bảo tàng tỉnh Tuyên Quang")]
    # "giữ chức danh" with the organisation after the role
    assert _pos("Bà Nông Thị Yến giữ chức danh Phó Giám đốc Thư viện tỉnh Bắc Kạn từ năm 2020.") == [
        ("Nông Thị Yến", "Phó Giám đốc", "Thư viện tỉnh Bắc Kạn")]
    # no party body named before: no organisation is guessed, the role alone is not reported
    assert _pos("Đồng chí Ma Văn Khánh được bầu giữ chức danh Bí thư.") == []


def test_a_second_role_after_a_comma_and_kiem():
    got = _pos("Bà Lò Thị Hạnh, Phó Giám đốc Thư viện tỉnh Lai Châu, kiêm Trưởng phòng Nghiệp vụ, trao sách cho "
               "các em.")
    assert ("Lò Thị Hạnh", "Phó Giám đốc", "Thư viện tỉnh Lai Châu") in got
    assert ("Lò Thị Hạnh", "Trưởng phòng", "phòng Nghiệp vụ") in got


def test_board_roles_and_abbreviated_vice_chair():
    got = _pos("Ông Tạ Văn Quân - Phó Chủ tịch Hội đồng quản trị Tập đoàn Hòa Lâm, dự lễ. Ông Vi Văn Tám - TUV, "
               "Phó CT UBND tỉnh Lai Châu phát biểu.")
    assert ("Tạ Văn Quân", "Phó Chủ tịch Hội đồng quản trị", "Tập đoàn Hòa Lâm") in got
    assert ("Vi Văn Tám", "Phó CT", "UBND tỉnh Lai Châu") in got


def test_a_role_and_organisation_after_theo_before_the_name():
    got = _pos("Theo Giám đốc Thư viện tỉnh Kon Tum, ông Lưu Văn Ngọc, thư viện đã có 20.000 bạn đọc.")
    assert got == [("Lưu Văn Ngọc", "Giám đốc", "Thư viện tỉnh Kon Tum")]
    # a role going on from a word before it opens no clause: the name after the comma is not its holder
    assert _pos("Thừa ủy quyền của Giám đốc Thư viện tỉnh Kon Tum, ông Lưu Văn Ngọc trao giấy khen.") == []


def test_an_organisation_written_with_a_lower_case_head_after_a_role():
    got = _pos("Dự có ông Trương Văn Hạnh - Phó Giám đốc sở Văn hóa, Thể thao và Du lịch, ông Lê Văn Ất - Phó "
               "Tổng biên tập tạp chí Sông Mã, cùng đại diện Thư viện tỉnh.")
    assert [(p, r, o.lower()) for p, r, o in got] == [
        ("Trương Văn Hạnh", "Phó Giám đốc", "sở văn hóa, thể thao và du lịch"),
        ("Lê Văn Ất", "Phó Tổng Biên tập", "tạp chí sông mã")]
    # a name right after the lower-case head is its holder, not the organisation's name
    assert _pos("Giám đốc sở Nguyễn Văn An phát biểu.") == []


def test_the_head_of_an_events_organising_board_holds_the_role_without_organisation():
    got = _pos("Bà Hà Thị Lan, Phó Giám đốc Sở Y tế, Trưởng ban Tổ chức hội thi, trao giải. Ông Vi Văn Tư - Vụ "
               "trưởng Vụ Thư viện, phó trưởng ban tổ chức; ông Lò Văn Ba, Trưởng Ban Tổ chức Huyện ủy Mường Tè dự.")
    assert ("Hà Thị Lan", "Trưởng ban Tổ chức", None) in got
    assert ("Vi Văn Tư", "Phó Trưởng ban tổ chức", None) in got
    assert ("Lò Văn Ba", "Trưởng ban", "Ban Tổ chức Huyện ủy Mường Tè") in got


def test_a_long_note_in_brackets_between_the_name_and_the_role():
    got = _pos("Đoàn do bà Phạm Thị Lan (quê ở thôn Đông, xã Văn Tố, huyện Tứ Kỳ, tỉnh Hải Dương), Phó Tổng Biên tập "
               "Nhà xuất bản Kim Đồng dẫn đầu.")
    assert got == [("Phạm Thị Lan", "Phó Tổng Biên tập", "Nhà xuất bản Kim Đồng")]


def test_an_acting_or_deputy_holder_of_a_role_the_table_lists_without_that_word():
    got = _pos("Ông Vũ Văn Dũng, Quyền Chủ tịch UBND huyện Kim Bảng, dự. Quyền Chủ tịch UBND tỉnh Hà Nam Lê Văn An "
               "phát biểu.")
    assert got == [("Vũ Văn Dũng", "Quyền Chủ tịch", "UBND huyện Kim Bảng"),
                   ("Lê Văn An", "Quyền Chủ tịch", "UBND tỉnh Hà Nam")]


def test_an_office_read_through_a_role_with_a_bare_admin_word_is_not_listed_again():
    facts = _facts("Ông Lê Văn An, Trưởng Phòng Giáo dục và Đào tạo huyện, phát biểu. Phòng Giáo dục và Đào tạo "
                   "đã tặng sách.")
    names = [o.name for o in facts.organizations]
    assert "Phòng Giáo dục và Đào tạo" in names and "Phòng Giáo dục và Đào tạo huyện" not in names


def test_a_role_and_an_organisation_with_a_bare_province_word_before_the_name():
    got = _pos("Phát biểu tại buổi lễ, Tổng Biên tập Báo Sơn Hà, Chủ tịch Hội Nhà báo tỉnh Hoàng Văn Lục khẳng định "
               "vai trò của sách.")
    assert ("Hoàng Văn Lục", "Chủ tịch", "Hội Nhà báo tỉnh") in got
    assert ("Hoàng Văn Lục", "Tổng Biên tập", "Báo Sơn Hà") in got
    # the province's association named in full elsewhere is the one meant
    assert _pos("Hội Nhà báo tỉnh Sơn La họp. Chủ tịch Hội Nhà báo tỉnh Hoàng Văn Lục phát biểu.") == [
        ("Hoàng Văn Lục", "Chủ tịch", "Hội Nhà báo tỉnh Sơn La")]


def test_a_department_written_in_lower_case_after_a_unit_role():
    got = _pos("Bà Lê Thị An, Trưởng phòng nghiệp vụ, Thư viện tỉnh Hà Nam phát biểu. Ông Hà Văn Bình, Phó phòng tổ "
               "chức hành chính, cho biết.")
    assert got == [("Lê Thị An", "Trưởng phòng", "phòng nghiệp vụ"),
                   ("Hà Văn Bình", "Phó phòng", "phòng tổ chức hành chính")]
    assert _pos("Ông Hà Văn Bình, Trưởng phòng cho biết thư viện có 20.000 bản sách.") == []
