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
    got = {(m["surface"], m["name"]) for m in doc.extras["org_mentions"]}
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
