"""The faster matchers find exactly what the regex scans they replace find.

Case-insensitive patterns run case-sensitively on the lower-cased text (dates,
page furniture), date windows skipped when they lack a string a pattern needs,
and a first-character look-ahead in front of ``_LABEL_END``.  Each test draws
seeded random texts from the words, marks and characters the rewritten matcher
treats specially (``İ``/``ı`` included, which make the text not lower-casable)
and compares the new matcher with the original.
"""

import random
import re

import pytest

from libkg.extract import dates, sentences
from libkg.extract.lexicon import casefree

MARKS = list(",.;:!?()[]“”\"'‘’«»…-–/&_")
SPACES = [" ", " ", " ", "  ", "\n", "\t", ""]


def _texts(pieces: list[str], n: int, seed: int, size: int = 16) -> list[str]:
    """Deterministic random texts: pieces glued with marks and (sometimes no) white space."""
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        words = []
        for _ in range(rnd.randint(1, size)):
            w = rnd.choice(pieces)
            if rnd.random() < 0.35:
                w = rnd.choice(MARKS) + w if rnd.random() < 0.5 else w + rnd.choice(MARKS)
            words.append(w)
        out.append("".join(w + rnd.choice(SPACES) for w in words))
    return out


def test_date_windows_skipped_for_missing_strings_hold_no_match():
    words = ["ngày", "Ngày", "NGÀY", "tháng", "Tháng", "năm", "Năm", "2023", "17/6", "5", "06-08/7/2023", "từ",
             "đến", "tới", "Đến", "hết", "và", "sáng", "Chiều", "nay", "hôm", "qua", "Hôm", "mai", "cùng", "sau",
             "tiếp", "theo", "(3/10)", "(", ")", "/", "-", "–", "12", "2019", "İ", "ı"]
    for text in _texts(words, 800, seed=8, size=14):
        low = casefree(text)
        if low is None:
            continue
        for (_kind, pat), needs in zip(dates._PATTERNS, dates._NEEDS, strict=True):
            if not all(any(n in low for n in alts) for alts in needs):
                assert pat.search(text) is None, (text, pat.pattern)


DATE_WORDS = ["ngày", "Ngày", "NGÀY", "tháng", "Tháng", "năm", "Năm", "2023", "17/6", "5", "06-08/7/2023", "từ", "Từ",
              "đến", "tới", "Đến", "hết", "và", "sáng", "Chiều", "TỐI", "nay", "hôm", "qua", "Hôm", "mai", "kia", "cùng",
              "sau", "tiếp", "theo", "(3/10)", "(", ")", "/", "-", "–", "12", "2019", "25/01", "số", "x_y"]


def test_date_patterns_on_the_lowered_text_match_as_the_case_insensitive_ones():
    for text in _texts(DATE_WORDS, 800, seed=9, size=14):
        low = casefree(text)
        if low is None:
            continue
        for (_kind, pat), low_pat in zip(dates._PATTERNS, dates._PATTERNS_LOWER, strict=True):
            old = [(m.span(), {k: v and v.lower() for k, v in m.groupdict().items()}) for m in pat.finditer(text)]
            new = [(m.span(), m.groupdict()) for m in low_pat.finditer(low)]
            assert new == old, (text, pat.pattern)


def test_find_dates_with_and_without_the_lowered_text(monkeypatch):
    texts = _texts(DATE_WORDS + ["quyết định", "Kỷ niệm", "THÀNH LẬP", "ban hành", ",", ";"], 400, seed=10, size=20)
    fast = [dates.find_dates(t, "2023-06-18") for t in texts]
    monkeypatch.setattr(dates, "casefree", lambda text: None)
    assert [dates.find_dates(t, "2023-06-18") for t in texts] == fast


def test_lower_literals_refuses_patterns_it_cannot_lower():
    for bad in (r"(?:ab|Cd)", r"[A]x", r"(?=[tT])(?:x|(?P<a>Y))", r"[a-z]", r"[^a]"):
        with pytest.raises(ValueError):
            dates._lower_literals(re.compile(bad, re.I))


def test_furniture_on_the_lowered_lines_as_the_case_insensitive_patterns(monkeypatch):
    words = ["Tin liên quan", "TIN KHÁC", "Chia sẻ", "Share", "Facebook", "zalo", "In bài", "Lượt xem:", "Trang chủ",
             "»", "Từ khóa:", "Đánh giá", "Nguồn:", "Theo:", "Thư viện", "tỉnh", "tổ chức", "hội nghị", "Sáng", "nay",
             "İ", "thống kê", "Hôm nay:", "Tác giả:", "đang online", "liên kết website", "12/3/2024 10:05", "GMT+7"]
    texts = ["\n".join(_texts(words, 12, seed=k, size=6)) for k in range(200)]
    fast = [sentences.content_lines(t) for t in texts]
    monkeypatch.setattr(sentences, "_furniture_lower", lambda: None)
    assert [sentences.content_lines(t) for t in texts] == fast


def test_label_end_look_ahead_changes_no_match():
    from libkg.extract import events

    old = re.compile(events._LABEL_END.pattern.removeprefix(r"(?=[\s.;:(,])"))
    assert old.pattern != events._LABEL_END.pattern
    words = ["Hội nghị", "với", "tại", "cho", "dành cho", "do", "tổ chức", "có", "3.5", "năm", "x", "Tọa đàm", "sẽ"]
    for text in _texts(words, 500, seed=11, size=12):
        for pos in range(0, len(text), 3):
            m, n = old.search(text, pos), events._LABEL_END.search(text, pos)
            assert (m and m.span()) == (n and n.span()), (text, pos)
