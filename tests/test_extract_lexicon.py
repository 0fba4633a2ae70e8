"""Shared lexicon helpers: the fast tokenizer and the regex builders behave as their slow originals."""

import re

from libkg.extract.lexicon import TOKEN_RE, finite_strings, literal_alternation, tokenize

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
