"""Shared lexicon helpers: the fast tokenizer and the regex builders behave as their slow originals."""

import re

from libkg.extract.lexicon import TOKEN_RE, finite_strings, literal_alternation, phrase_at, tokenize

TEXT = ("Sở VH,TT&DL tỉnh Đắk Lắk phối hợp với TP.HCM, ông H'Lim Byă (UBND) và “Thư viện_số” "
        "tặng 1.200 bản sách... Tp. Vinh; GD&ĐT, C10 - ĐH!")


def test_tokenize_equals_the_token_regex():
    slow = [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(TEXT, 4, len(TEXT) - 3)]
    fast = [(t.text, t.start, t.end) for t in tokenize(TEXT, 4, len(TEXT) - 3)]
    assert fast == slow


def test_literal_alternation_matches_like_a_lookbehind_alternation():
    words = ["đồng chí", "Đồng chí", "ông", "bà", "PGS.TS.", "TS."]
    slow = re.compile(r"(?<![\w/.])(?:" + "|".join(map(re.escape, words)) + ")")
    fast = re.compile(literal_alternation(words, r"[\w/.]"))
    text = "Có đồng chí A, ông B, bàn ghế, PGS.TS. C, xTS. D và Đồng chí E."
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]


def test_finite_strings_of_a_trigger_pattern():
    assert finite_strings("(?:đến |đi )?thăm(?! quan)") == ["thăm", "đi thăm", "đến thăm"]
    assert finite_strings(r"hội \w+") is None


def _random_texts(n: int = 400) -> list[str]:
    """Deterministic random texts over words, marks, spaces and the characters ``re.I`` treats apart."""
    import random

    rnd = random.Random(3)
    pieces = ["TP", "Tp", "TP.", "VH,TT&DL", "GD&ĐT", "H'Lim", "Byă", "nhà", "trường", "Nhà Trường", "NHÀ TRƯỜNG",
              "đơn", "vị", "bạn", "Đơn vị bạn", "cùng", "ngày", "Cùng Ngày", "hôm", "sau", "HÔM SAU", "tiếp", "theo",
              "năm", "Năm", "2023", "17/6", "5", "tháng", "Tháng", "_", "x_y", "İ", "ı", "ſ", "1.200", "C10", "ĐH"]
    marks = list(",.;:!?()[]“”\"'‘’«»…-–/&")
    out = []
    for _ in range(n):
        words = []
        for _ in range(rnd.randint(1, 14)):
            w = rnd.choice(pieces)
            if rnd.random() < 0.4:
                w = rnd.choice(marks) + w if rnd.random() < 0.5 else w + rnd.choice(marks)
            words.append(w)
        out.append("".join(w + rnd.choice([" ", " ", "  ", "\n", "\t", ""]) for w in words))
    return out


def test_tokenize_equals_the_token_regex_on_random_texts():
    for text in _random_texts():
        slow = [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]
        assert [(t.text, t.start, t.end) for t in tokenize(text)] == slow, text


def test_anaphors_on_the_lowered_text_match_as_the_case_insensitive_regex():
    from libkg.extract.lexicon import anaphors, anaphors_lower, casefree

    rx = anaphors()[0]
    for text in _random_texts():
        low = casefree(text)
        if low is None:
            assert any(c in text for c in "İıſ")
            continue
        assert [m.span() for m in anaphors_lower().finditer(low)] == [m.span() for m in rx.finditer(text)], text


def test_phrase_at_finds_the_longest_phrase_of_a_word_list_in_any_case():
    toks = tokenize("Phó trưởng ban Tuyên Giáo huyện ủy; TIN, ẢNH: Lê Văn A")
    assert phrase_at(toks, 3, "party_boards.txt") == 2  # "Tuyên Giáo"
    assert phrase_at(toks, 2, "party_boards.txt") == 0  # "ban" opens no board
    assert phrase_at(toks, 8, "org_byline_cues.txt") == 3  # "TIN , ẢNH", the comma a token
    assert phrase_at(toks, len(toks), "party_boards.txt") == 0  # past the end
