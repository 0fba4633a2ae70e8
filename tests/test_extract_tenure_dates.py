"""The ``tenure_dates`` component: the date a sentence states for a post (invented sentences)."""

from __future__ import annotations

import pytest

from libkg.extract import extract
from libkg.read.article import Article

PUBLISHED = "2024-05-20"


def positions(text: str):
    return {(p.person, p.role): p for p in extract(Article(id="t", text=text, published=PUBLISHED)).positions}


@pytest.mark.parametrize(("sentence", "person", "date", "kind", "status"), [
    ("Bà Nguyễn Thị Lan được bổ nhiệm giữ chức Giám đốc Thư viện tỉnh Yên Bái từ ngày 01/3/2022.",
     "Nguyễn Thị Lan", "2022-03-01", "start", "appointed"),
    ("Bà Nguyễn Thị Lan giữ chức Giám đốc Thư viện tỉnh Yên Bái kể từ tháng 3/2022.",
     "Nguyễn Thị Lan", "2022-03", "start", None),
    ("Ông Trần Văn Hùng, Phó Giám đốc Thư viện tỉnh Yên Bái nghỉ hưu kể từ ngày 01/02/2023.",
     "Trần Văn Hùng", "2023-02-01", "end", "retired"),
    ("Năm 2019, ông Lê Văn Minh được bầu làm Chủ tịch Hội Thư viện Việt Nam.",
     "Lê Văn Minh", "2019", "start", "elected"),
    ("Ngày 5/1/2024, UBND tỉnh Lào Cai đã bổ nhiệm bà Phạm Thị Thu giữ chức Giám đốc Thư viện tỉnh Lào Cai.",
     "Phạm Thị Thu", "2024-01-05", "start", "appointed"),
    ("Ngày 9/3/2022, Sở Văn hóa công bố quyết định bổ nhiệm bà Nguyễn Thị Lan giữ chức Giám đốc Thư viện "
     "tỉnh Yên Bái, thời hạn bổ nhiệm 05 năm kể từ ngày 01/3/2022.",
     "Nguyễn Thị Lan", "2022-03-01", "start", "appointed"),
])
def test_a_stated_date_replaces_the_publication_day(sentence, person, date, kind, status):
    found = [p for (name, _), p in positions(sentence).items() if name == person]
    assert found, f"no position of {person} in {sentence!r}"
    pos = found[0]
    assert (pos.date, pos.date_stated, pos.date_kind) == (date, True, kind)
    if status:
        assert pos.status == status


def test_no_stated_date_keeps_the_publication_day():
    pos = next(iter(positions("Bà Nguyễn Thị Lan, Giám đốc Thư viện tỉnh Yên Bái, phát biểu khai mạc.").values()))
    assert (pos.date, pos.date_stated, pos.date_kind) == (PUBLISHED, False, None)


def test_a_date_behind_a_comma_or_another_clause_is_not_the_posts():
    text = ("Bà Nguyễn Thị Lan, Giám đốc Thư viện tỉnh Yên Bái, cho biết từ năm 2010 thư viện đã "
            "số hóa 5.000 tài liệu.")
    pos = next(iter(positions(text).values()))
    assert not pos.date_stated and pos.date == PUBLISHED


def test_the_term_of_office_is_not_a_start_date():
    text = "Ông Lê Văn Minh được bầu làm Chủ tịch Hội Thư viện Việt Nam nhiệm kỳ 2021 - 2026."
    pos = next(iter(positions(text).values()))
    assert not pos.date_stated and pos.date == PUBLISHED


def test_two_dates_in_an_appointment_sentence_are_ambiguous():
    text = ("Ngày 5/1/2024, UBND tỉnh Lào Cai trao quyết định ngày 28/12/2023 bổ nhiệm bà Phạm Thị Thu "
            "giữ chức Giám đốc Thư viện tỉnh Lào Cai.")
    found = [p for (name, _), p in positions(text).items() if name == "Phạm Thị Thu"]
    assert found and not found[0].date_stated


def test_a_retirement_from_a_date_ends_the_post():
    text = ("Sở Văn hóa công bố quyết định nghỉ hưu đối với ông Trần Văn Hùng, Giám đốc Thư viện tỉnh Hà Giang, "
            "kể từ ngày 01/3/2024.")
    found = [p for (name, _), p in positions(text).items() if name == "Trần Văn Hùng"]
    assert found and (found[0].status, found[0].date, found[0].date_kind) == ("retired", "2024-03-01", "end")
