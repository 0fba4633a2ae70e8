"""The organisation scanner: where organisation names open and end in a sentence's tokens.

Shared by the components ``organizations`` (which names them and resolves their
mentions), ``persons`` (a personal name never runs into an organisation) and
``positions`` (:func:`expand` keys, :func:`place_length`).  No component is
registered here: components import this module, never each other.

An organisation name opens with a head phrase from ``data/lexicon/org_heads.tsv``
("Thư viện", "Sở", "UBND", "Trường Đại học", "Đồn Biên phòng" ...; its later words in
any case, and in lower case where ``org_lower_heads.tsv`` allows: "trường THCS X")
and runs on through name words.  :func:`parse_org` walks them with a table of small
rules (``_RULES``, tried in order at each token; the first that fires says whether the
name goes on or ends): an administrative part ("tỉnh Lào Cai", "TP. Hồ Chí Minh")
closes the name; region words after "các tỉnh" for library unions; a quoted name;
known multi-word pieces with commas or verbs inside (``org_phrases.txt``: "Văn hóa,
Thể thao và Du lịch", "Khoa học xã hội"); a subject ("về nguồn tin ...",
``org_topic_links.txt``); lower-case descriptors before a name or a parent
(``org_descriptor_heads.txt``); abbreviations (VHTTDL, GD&ĐT, C10); capitalised
syllables with their lower-case partners; numbers; "và"/"-" joining name words.
A break word (``break_words.txt``: verbs, prepositions), a role word in lower case ("...
Hải Dương chủ tịch liên hiệp"), a capitalised break before a number ("- Ảnh 1"), a new
organisation head, a personal name after a province or a country, after an abbreviation
("Bộ VHTTDL Hoàng Văn A") or right after a committee named by its place ("Tỉnh ủy Phan
Văn A"; a place is no person: "Huyện ủy Hoàng Su Phì"), or a role after "và" ends it.  A
personal name after the head of a body named after people stays ("Thư viện Đại học Tôn
Đức Thắng"); a role word ending a role ("Phó đồn trưởng") does not take the organisation
head after it ("đồn biên phòng X").  The words
the rules test ("các", "và", "số", role words ...) are in ``org_context_words.tsv``.
Bodies merged into one name stay one ("Báo và Đài Phát thanh Truyền hình X", "Trung tâm X, Bảo tàng
và Thư viện tỉnh Y", "Thư viện - Bảo tàng tỉnh Z": heads flagged ``merges``), and so do field words listed
with commas and "và" ("Trung tâm Văn hóa, Triển lãm và Điện ảnh"); a unit described in lower case or by two
heads before its parent ("Trung tâm lưu trữ và thư viện Trường Đại học X", ``org_unit_descriptors.txt``)
is one unit of that parent; a department ends before a whole organisation with its place ("Phòng Nghiệp vụ
| Thư viện tỉnh X"); a personal name in a name takes no lower-case partner ("Trường THCS Lê Lợi | đọc").
A body named after a country keeps its seat abroad ("... Việt Nam tại Pháp"), a foreign
one its seat here ("Đại sứ quán Hungary tại Việt Nam"); a dash
opening a piece of an address ("- Huyện X") and "và" after a province or country end
a name.

No organisation: a name alone in a byline ("Thu Hà - Phòng Nghiệp vụ",
``org_byline_cues.txt``), bodies listed before a generic plural ("Phòng X, Trung tâm Y
các huyện"), library models ("Thư viện số X", ``org_not_names.txt``), a name running
into the end of a text cut off mid-word.  Departments ("Phòng X", flag ``dept``) need no
place, but right after a role word they belong to the role (``positions`` reads them).

Hierarchy: "Vụ Thư viện, Bộ Văn hóa, ..." gives two organisations, the first
with ``parent`` set; "Trung tâm Số - Đại học Thái Nguyên" (a unit joined to
its parent) is kept whole and the parent is listed as well; a parent only embedded in the unit's name
("Thư viện Trường Đại học X") is its ``parent``, no organisation of its own (SCHEMA.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from libkg.extract.gazetteer import admin_units, alias_names, countries, provinces, regions
from libkg.extract.lexicon import (
    ADMIN_WORDS,
    Head,
    Tok,
    abbreviation_rows,
    break_words,
    committees,
    ffold,
    folded_phrases,
    match_phrase,
    match_role,
    phrase_at,
    phrases,
    region_words,
    sentence_tokens,
    surnames,
    titles,
    tokenize,
)
from libkg.extract.lexicon import (
    match_admin as lexicon_match_admin,
)
from libkg.extract.pipeline import Doc
from libkg.normalize import ascii_fold
from libkg.resources import read_tsv

_DASHES = {"-", "–", "—"}
_OPEN_QUOTES = {"“", "\"", "«"}
_CLOSE_QUOTES = {"”", "\"", "»"}


@lru_cache(maxsize=32)
def context_words(use: str) -> frozenset[str]:
    """The words of org_context_words.tsv with this use ("plural", "role", "joiner", ...)."""
    return frozenset(r[0] for r in read_tsv("lexicon", "org_context_words.tsv") if r[1] == use)


@lru_cache(maxsize=1)
def _folded_heads() -> dict[str, list[tuple[tuple[str, ...], Head]]]:
    """Folded first word -> (folded words, head), longest first: heads matched in any case."""
    from libkg.extract.lexicon import org_heads
    out: dict[str, list[tuple[tuple[str, ...], Head]]] = {}
    for heads in org_heads().values():
        for h in heads:
            words = tuple(ffold(w) for w in h.words)
            out.setdefault(words[0], []).append((words, h))
    for v in out.values():
        v.sort(key=lambda e: -len(e[0]))
    return out


@lru_cache(maxsize=1)
def _lower_heads() -> dict[str, str]:
    """Folded head -> condition, for the heads org_lower_heads.tsv allows in lower case."""
    return {ffold(r[0]): r[1] for r in read_tsv("lexicon", "org_lower_heads.tsv")}


@lru_cache(maxsize=1)
def _head_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Folded texts of the heads allowed in lower case, with descriptors, and the lower-case first words."""
    lower = frozenset(_lower_heads())
    descr = frozenset(ffold(x) for x in phrases("org_descriptor_heads.txt"))
    firsts = frozenset(x.split(" ", 1)[0] for x in lower)
    return lower, descr, firsts


def _head_at(toks: list[Tok], i: int) -> Head | None:
    """The longest head at ``i``: its later words in any case ("Nhà Xuất bản", "Thành Đoàn", "Liên hiệp
    thư viện"), in lower case only when org_lower_heads.tsv allows it ("trường", "thư viện"); of heads
    of one length, the one written as the text writes it."""
    t = toks[i].text
    if not _HEAD_FIRST:
        _init_heads()
    if t not in _HEAD_FIRST:
        return None
    cands = _folded_heads().get(ffold(t))
    if not cands:
        return None
    return _head_for(tuple([x.text for x in toks[i:i + len(cands[0][0])]]))


@lru_cache(maxsize=8192)
def _head_for(texts: tuple[str, ...]) -> Head | None:
    """:func:`_head_at` for the texts of the tokens from the head's first word on."""
    cands = _folded_heads()[ffold(texts[0])]
    n = len(texts)
    lower = texts[0][0].islower()
    best: Head | None = None
    for words, h in cands:
        m = len(words)
        if best is not None and m < len(best.words):
            break
        if m > n or any(ffold(texts[x]) != words[x] for x in range(1, m)):
            continue
        if lower and not h.words[0][0].islower() and not _lower_ok(h):
            continue
        if texts[:m] == h.words:
            return h  # exactly as written
        best = best or h
    return best


@lru_cache(maxsize=512)
def _lower_ok(h: Head) -> bool:
    return ffold(h.text) in _head_sets()[0]


def _lower_head(toks: list[Tok], i: int, head: Head) -> bool:
    """Is the head at ``i`` written in lower case although the lexicon capitalises it?"""
    return toks[i].text[0].islower() and head.words[0][0].isupper()


@dataclass
class OrgHit:
    start: int  # token index
    end: int  # token index (exclusive)
    head: Head
    admin: bool = False
    short: bool = False  # anaphoric: "Thư viện tỉnh", "Sở"
    bare_admin: bool = False  # ends with an administrative word and no place: "Thư viện tỉnh"
    parent: OrgHit | None = None
    whole: bool = False  # "Unit - Parent" kept whole
    merged: bool = False  # bodies merged into one name: "Báo và Đài Phát thanh - Truyền hình X"
    children: list[OrgHit] = field(default_factory=list)


@lru_cache(maxsize=1)
def province_keys() -> frozenset[str]:
    return frozenset(provinces())


@lru_cache(maxsize=1)
def _province_first_words() -> frozenset[str]:
    """First words of the province keys: a token not among them starts no province name."""
    return frozenset(k.split(" ", 1)[0] for k in province_keys())


@lru_cache(maxsize=1)
def _abbrev_res() -> list[tuple[re.Pattern[str], str]]:
    out = []
    rows = abbreviation_rows() + [(r[0], r[1]) for r in read_tsv("lexicon", "org_abbreviations.tsv")]
    for abbr, exp in sorted(rows, key=lambda r: -len(r[0])):
        a = ffold(abbr)
        tail = r"(?!\w)" if a[-1].isalnum() else ""
        out.append((re.compile(r"(?<!\w)" + re.escape(a) + tail), ffold(exp)))
    return out


@lru_cache(maxsize=16384)  # every position asks again for its role and organisation keys
def expand(name: str) -> str:
    """Folded name with abbreviations expanded and punctuation dropped (for comparisons)."""
    s = ffold(name)
    for pat, exp in _abbrev_res():
        s = pat.sub(exp, s)
    return " ".join(re.findall(r"\w+", s))


def place_length(toks: list[Tok], i: int, admin_word: str) -> int:
    """Tokens of the place name at ``i`` after the administrative word ``admin_word`` ("tỉnh" + "Lào Cai":
    2; "TP." + "HCM": 1); 0 if none."""
    n = len(toks)
    if i >= n or not toks[i].cap or toks[i].abbrev and toks[i].text not in context_words("city"):
        return _uncapitalised_place_len(toks, i, admin_word)
    k = _province_len(toks, i)
    if k:
        return k
    if admin_word in context_words("province") or _name_starts(toks, i):
        return 0  # a province is a known name; a capitalised run must not swallow a personal name
    return _capitalised_run_len(toks, i)




def _uncapitalised_place_len(toks: list[Tok], i: int, admin_word: str) -> int:
    """A numbered ward or district ("phường 3") or an abbreviated city ("TP.HCM")."""
    n = len(toks)
    if i < n and toks[i].text.isdigit() and admin_word in context_words("numbered_unit"):
        return 1
    if i < n and admin_word[:-1] in context_words("city") and admin_word[-1:] == "." and _tp_alias(toks, i):
        return 1  # "TP.HCM", "Tp. HCM": an abbreviated city the gazetteer knows
    return 0


def _province_len(toks: list[Tok], i: int) -> int:
    """Tokens of a province name the gazetteer knows starting at ``i`` (0 if none)."""
    if ffold(toks[i].text) not in _province_first_words():
        return 0
    keys = province_keys()
    n = len(toks)
    for k in (5, 4, 3, 2, 1):  # "Bà Rịa - Vũng Tàu": five tokens
        if i + k <= n:
            cand = " ".join([t.text for t in toks[i:i + k]])
            if all(t.cap or t.text in _DASHES for t in toks[i:i + k]) and ffold(cand) in keys:
                return k
    return 0


def _capitalised_run_len(toks: list[Tok], i: int) -> int:
    """A run of capitalised words (with a number: "Mỹ Khánh 1"), stopping before a head or a person."""
    n = len(toks)
    k = i
    while k < n and toks[k].cap and not toks[k].abbrev and _head_at(toks, k) is None:
        if k - i >= 2 and toks[k].text in surnames():
            break
        k += 1
    if k < n and k > i and _name_number(toks, k):
        k += 1
    return k - i


def _name_starts(toks: list[Tok], k: int) -> bool:
    """Does a personal name seem to start at ``k`` (a family name and two more capitalised words)?"""
    return k + 2 < len(toks) and toks[k].text in surnames() and toks[k + 1].cap and toks[k + 2].cap


def _ends_province(toks: list[Tok], k: int) -> bool:
    """Do the tokens just before ``k`` end with a province's name?"""
    keys = province_keys()
    return any(k - m >= 0 and ffold(" ".join([t.text for t in toks[k - m:k]])) in keys for m in (1, 2, 3, 5))


def _country_len(toks: list[Tok], k: int) -> int:
    """Tokens of a country's name starting at ``k`` (0 if none)."""
    names = countries()
    return next((m for m in (3, 2, 1) if k + m <= len(toks) and toks[k].cap
                 and ffold(" ".join([t.text for t in toks[k:k + m]])) in names), 0)


def _ends_country(toks: list[Tok], k: int, words: tuple[int, ...] = (1, 2, 3)) -> bool:
    """Do the tokens just before ``k`` end with a country's name of so many ``words`` ("... Việt Nam")?"""
    names = countries()
    return any(k - m >= 0 and ffold(" ".join([t.text for t in toks[k - m:k]])) in names for m in words)


@lru_cache(maxsize=1)
def _alias_set() -> frozenset[str]:
    return frozenset(alias_names())


def _tp_alias(toks: list[Tok], i: int) -> bool:
    """Is "TP."/"Tp." (token ``i - 1``) and the abbreviation at ``i`` a province alias ("TP.HCM")?"""
    tp, t = toks[i - 1], toks[i]
    glue = "" if tp.end == t.start else " "
    return tp.text + glue + t.text in _alias_set()


_HEAD_FIRST: frozenset[str] = frozenset()
_QUOTE_TOKENS = frozenset(("“", "«", "”", "»", '"'))
_SCAN_STOPS: frozenset[str] = frozenset()  # head words and quotes: one set test per token in scan_tokens


def _init_heads() -> None:
    global _HEAD_FIRST, _SCAN_STOPS
    if not _HEAD_FIRST:
        from libkg.extract.lexicon import org_heads
        _HEAD_FIRST = frozenset(org_heads()) | _head_sets()[2]
        _SCAN_STOPS = _HEAD_FIRST | _QUOTE_TOKENS


@lru_cache(maxsize=1)
def _not_admin() -> dict[str, frozenset[str]]:
    """Two-word common nouns that open with an administrative word ("xã hội": society, no commune): first
    word -> the second words."""
    out: dict[str, set[str]] = {}
    for w in context_words("not_admin"):
        a, b = w.split()
        out.setdefault(a, set()).add(b)
    return {a: frozenset(b) for a, b in out.items()}


def match_admin(toks: list[Tok], i: int) -> int:
    """:func:`libkg.extract.lexicon.match_admin`, but no administrative word opening a common noun
    ("Ngân hàng Chính sách xã hội": "xã" of "xã hội" is no commune)."""
    a = lexicon_match_admin(toks, i)
    if a == 1 and i + 1 < len(toks) and toks[i + 1].text in _not_admin().get(toks[i].text, ()):
        return 0
    return a


def _name_number(toks: list[Tok], k: int) -> bool:
    """A number that is part of a name ("Mỹ Khánh 1", "Phú Sơn 4"), not a count ("1.500 bản")."""
    t = toks[k]
    if not t.text.isdigit() or len(t.text) > 3:
        return False
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is not None and nxt.text in _count_nouns():  # "... Lý Vạn 500 bản sách": a count
        return False
    return not (nxt is not None and nxt.text in ".," and nxt.start == t.end and k + 2 < len(toks)
                and toks[k + 2].text.isdigit())


@lru_cache(maxsize=1)
def _count_nouns() -> frozenset[str]:
    """Words that count things after a number (org_count_nouns.txt), as written in lower case."""
    return frozenset(phrases("org_count_nouns.txt"))


def _is_lower_word(t: Tok) -> bool:
    return t.text[0].islower() and t.text.isalpha()


class _Parse:
    """The state of :func:`parse_org` while it walks the name words after a head."""

    __slots__ = ("toks", "n", "i", "j", "k", "head", "depth", "chunks", "first_ok", "admin", "bare_admin",
                 "early", "trailing_admin")

    def __init__(self, toks: list[Tok], i: int, head: Head, depth: int) -> None:
        self.toks = toks
        self.n = len(toks)
        self.i = i
        self.j = self.k = i + len(head.words)  # j: first token after the head; k: the cursor
        self.head = head
        self.depth = depth
        self.chunks = 0  # name pieces taken
        self.first_ok = False  # the first piece is a common-noun word (for "strict" heads)
        self.admin = False  # an administrative part with its place closed the name
        self.bare_admin = False  # an administrative word without a place closed it
        self.early: OrgHit | None = None  # a rule's final answer, bypassing the validity checks
        self.trailing_admin = False  # a bare administrative word ended a name with words ("... huyện")

    def take(self, m: int, ok: bool = True) -> str:
        """Take ``m`` tokens as one name piece; go on."""
        self.k += m
        self.chunks += 1
        self.first_ok = self.first_ok or ok
        return _NEXT


_NEXT, _STOP = "next", "stop"
_NAMED_AFTER_PEOPLE = ("School", "University")  # kinds whose names often end with a person's name
# kinds whose names hardly ever hold a person's name (schools, libraries, museums, firms often do)
_NOT_NAMED_AFTER_PEOPLE = ("GovernmentBody", "Association", "PoliticalBody", "MilitaryPolice", "LibraryUnion")  # a rule's verdict: the name goes on / ends at the cursor


def _admin_at(toks: list[Tok], k: int) -> tuple[int, str]:
    """Length and form of an administrative word at ``k``: "tỉnh", "thành phố", "TP." and "TP"
    without its dot before a capitalised name ("TP Đà Lạt")."""
    a = match_admin(toks, k)
    if a:
        return a, toks[k].text
    if toks[k].text in context_words("city") and k + 1 < len(toks) and toks[k + 1].cap:
        return 1, toks[k].text + "."
    if (toks[k].text in context_words("admin_abbrev") and k + 2 < len(toks) and toks[k + 1].text == "."
            and toks[k + 1].start == toks[k].end and (toks[k + 2].cap or toks[k + 2].text.isdigit())):
        return 2, "quận" if toks[k + 2].text.isdigit() else toks[k].text  # "H.Long Thành", "Q.3"
    return 0, ""


def _rule_admin(p: _Parse, t: Tok) -> str | None:
    """An administrative part ("tỉnh Lào Cai") closes the name; a bare one ("tỉnh") too, and stays
    in a name that has words before it ("Trung tâm Triển lãm Mỹ thuật thành phố")."""
    a, word = _admin_at(p.toks, p.k)
    if not a:
        return None
    pl = place_length(p.toks, p.k + a, word)
    if pl:
        p.admin = True
        p.k += a + pl
    elif p.chunks == 0:
        p.bare_admin = True
        p.k += a
    elif p.k + a >= p.n or not p.toks[p.k + a].cap:
        p.k += a
        p.trailing_admin = True
    return _STOP


def _rule_region(p: _Parse, t: Tok) -> str | None:
    """"... các tỉnh miền núi phía Bắc", "... khu vực phía Nam", "... các trường đại học, cao đẳng
    phía Bắc" after a "region" head."""
    toks, n, k = p.toks, p.n, p.k
    if "region" not in p.head.flags or k + 1 >= n:
        return None
    if p.chunks and t.text == "," and (c := _listed_level_end(toks, k)):
        k = c  # "Liên chi hội Thư viện đại học, cao đẳng | các tỉnh phía Nam": one more level, then the members
        t = toks[k]
    cac = t.text in context_words("group")
    if p.chunks == 0 and t.cap and ffold(t.text) in _region_openers():
        r, members = k, False  # "Liên hiệp Thư viện Miền Đông Nam bộ và cực Nam Trung bộ"
    elif cac or f"{t.text} {toks[k + 1].text}" in context_words("area"):
        r, members = _members_end(toks, k + 1, cac)
    else:
        return None
    if members and (c := _country_len(toks, r)):
        p.take(r + c - p.k)  # "Hiệp hội các trường đại học, cao đẳng Việt Nam"
        return _STOP
    if members and r + 1 < n and f"{toks[r].text} {toks[r + 1].text}" in context_words("area"):
        r += 2  # "các trường đại học khu vực phía Bắc"
    end = _region_words_end(toks, r)
    if end > r:
        p.take(end - p.k)
    return _STOP


def _region_words_end(toks: list[Tok], r: int) -> int:
    """End of the region words from ``r`` ("miền núi phía Bắc"), a joiner that joins nothing left out."""
    start_r, n = r, len(toks)
    words = _region_words()
    while r < n and ffold(toks[r].text) in words:
        r += 1
    while r > start_r and toks[r - 1].text in context_words("joiner"):
        r -= 1
    return r


def _listed_level_end(toks: list[Tok], k: int) -> int:
    """After a comma at ``k``: the end of words (at most three, no head) that "các" and a member or an
    administrative word follow (", cao đẳng các tỉnh ..."); 0 if none."""
    r, brk = k + 1, break_words()
    while r < len(toks) and r - k <= 3 and toks[r].text.isalpha() and ffold(toks[r].text) not in brk \
            and (_is_lower_word(toks[r]) or toks[r].cap and toks[r].text not in _HEAD_FIRST):
        r += 1  # "cao đẳng", "Cao đẳng"
    if r == k + 1 or r + 1 >= len(toks) or toks[r].text not in context_words("group"):
        return 0
    return r if match_admin(toks, r + 1) or phrase_at(toks, r + 1, "org_member_nouns.txt") else 0


def _members_end(toks: list[Tok], r: int, cac: bool) -> tuple[int, bool]:
    """After "các" (``cac``) or "khu" at ``r - 1``: where the region words may start, and whether
    member nouns were read ("các tỉnh, thành phố", "các trường đại học, cao đẳng", "khu vực")."""
    n = len(toks)
    a2 = match_admin(toks, r) if cac else 0
    members = phrase_at(toks, r, "org_member_nouns.txt") if cac and not a2 else 0
    r += a2 or members or 1
    if a2 and r + 1 < n and (toks[r].text == "," or toks[r].text in context_words("joiner")) and (
            a3 := match_admin(toks, r + 1)):
        r += 1 + a3  # "các tỉnh, thành phố đồng bằng sông Hồng"
    return r, bool(members)


@lru_cache(maxsize=1)
def _region_openers() -> frozenset[str]:
    """Region words that can open a region's name (lexicon/region_openers.txt)."""
    return frozenset(ffold(w) for w in phrases("region_openers.txt"))


@lru_cache(maxsize=1)
def _region_words() -> frozenset[str]:
    """Region words in any case ("các tỉnh Miền núi phía Bắc")."""
    return frozenset(ffold(w) for w in region_words())


def _rule_quoted(p: _Parse, t: Tok) -> str | None:
    """Câu lạc bộ “Bạn yêu sách”: a quoted name right after the head; after a head flagged ``quoted``, also after
    its field or up to two lower-case descriptors ("Quỹ Khuyến học “Ước mơ” xã X", "Nhóm thiện nguyện “Y”")."""
    toks, n, k = p.toks, p.n, p.k
    if "quoted" in p.head.flags and (r := _quoted_descriptor_end(p)) >= 0:
        p.k = k = r  # the descriptors before the quote
    elif t.text not in _OPEN_QUOTES or p.chunks or k + 1 >= n:
        return None
    r = k + 1
    while r < n and toks[r].text not in _CLOSE_QUOTES and r - k < 12:
        r += 1
    if r < n and toks[r].text in _CLOSE_QUOTES and r > k + 1:
        p.take(r + 1 - k)
        if "quoted" in p.head.flags and p.k < n and match_admin(toks, p.k):
            return _NEXT  # "Quỹ Khuyến học “Ước mơ” | xã X": its place follows
    return _STOP


def _quoted_descriptor_end(p: _Parse) -> int:
    """Where an opening quote stands after up to two lower-case words from the cursor (none when a name piece was
    taken), before a head flagged ``quoted``'s quoted name; -1 if none."""
    toks, k = p.toks, p.k
    r = k
    while r < p.n and r - k < 2 and _is_lower_word(toks[r]) and toks[r].text not in break_words():
        r += 1
    if (r > k or p.chunks) and r + 1 < p.n and toks[r].text in _OPEN_QUOTES:
        return r
    return -1


def _rule_legal_form(p: _Parse, t: Tok) -> str | None:
    """"Công ty cổ phần dịch vụ sách X", "Công ty TNHH MTV Sách Y": a firm's legal form
    (org_legal_forms.txt) right after the head, then its name, in lower-case words too; a legal form
    with no name after it names no firm ("một công ty cổ phần")."""
    toks, k = p.toks, p.k
    if p.chunks or p.head.kind != "Company" or not (m := phrase_at(toks, k, "org_legal_forms.txt")):
        return None
    while (m2 := phrase_at(toks, k + m, "org_legal_forms.txt")) > 0:
        m += m2  # "TNHH MTV"
    r = _lower_words_end(toks, k + m, 8)
    if r == k + m and not (r < p.n and (toks[r].cap or toks[r].abbrev) and not _name_starts(toks, r)
                           and (toks[r].text not in _HEAD_FIRST or parse_org(toks, r, p.depth + 1) is None)):
        p.k = p.j
        return _STOP
    p.take(r - k)
    return _NEXT


def _lower_words_end(toks: list[Tok], k: int, most: int) -> int:
    """End of up to ``most`` lower-case name words and joiners from ``k``: no break or administrative word,
    not ending with a joiner; ``k`` if none."""
    r = k
    brk = break_words()
    joiners = context_words("joiner")
    while r < len(toks) and r - k < most and (toks[r].text in joiners or _is_lower_word(toks[r])
                                              and toks[r].text not in brk) and not match_admin(toks, r):
        r += 1
    while r > k and toks[r - 1].text in joiners:
        r -= 1
    return r


def _rule_phrase(p: _Parse, t: Tok) -> str | None:
    """A known multi-word piece ("Văn hóa, Thể thao và Du lịch")."""
    ph = match_phrase(p.toks, p.k)
    if not ph:
        return None
    if p.chunks and t.text[0].islower() and match_role(p.toks, p.k) is not None:
        return _STOP  # "Thư viện X chủ tịch liên hiệp": a role word in lower case (the expansion of "CT") ends it
    if p.chunks and _parent_after_dept(p, t):
        return _STOP  # "Phòng Nghiệp vụ | Thư viện tỉnh X": the department, then the library it belongs to
    p.take(ph)
    toks, k = p.toks, p.k
    if (_name_starts(toks, k) and not toks[k + 1].abbrev and not (ph > 2 and _ends_head(toks, k))
            and p.head.kind not in _NAMED_AFTER_PEOPLE and not _named_piece(toks, k - ph)
            and ffold(" ".join(x.text for x in toks[k:k + 3])) not in province_keys()):
        return _STOP  # "Bộ Văn hóa, Thể thao và Du lịch Nguyễn Minh Khang": a whole name, then a person
    p.k = _partners_before_name(toks, p.k)
    return _NEXT


def _parent_after_dept(p: _Parse, t: Tok) -> bool:
    """Does a whole organisation with its place open at the cursor after a department's name ("Phòng Nghiệp vụ
    Thư viện tỉnh X"), a known piece as it may be ("Phòng Thư viện")?  Then it is the department's parent."""
    if "dept" not in p.head.flags or t.text not in _HEAD_FIRST:
        return False
    sub = parse_org(p.toks, p.k, p.depth + 1)
    return sub is not None and sub.admin and not sub.short


def _named_piece(toks: list[Tok], k: int) -> bool:
    """Is the piece at ``k`` the head of a body named after people ("Thư viện Đại học | Tôn Đức Thắng")?"""
    h = _head_at(toks, k)
    return h is not None and h.kind in _NAMED_AFTER_PEOPLE


def _partners_before_name(toks: list[Tok], k: int) -> int:
    """After a known piece, lower-case partners that a capitalised name word follows ("Giải pháp
    Thư viện số Phương Nam"); ``k`` itself when there are none."""
    r = k
    brk = break_words()
    while r < len(toks) and r - k < 2 and _is_lower_word(toks[r]) and toks[r].text not in brk \
            and not match_admin(toks, r):
        r += 1
    if r == k or r >= len(toks) or not toks[r].cap or _name_starts(toks, r) or _head_at(toks, r) is not None:
        return k
    return r


def _ends_head(toks: list[Tok], k: int) -> bool:
    """Do the tokens before ``k`` end with an organisation head ("Thông tin - Thư viện", "Trung học cơ sở"
    + a person's name: the library or school is named after the person)?"""
    return any(k - m >= 0 and (h := _head_at(toks, k - m)) is not None and len(h.words) == m
               for m in (1, 2, 3, 4))


def _rule_topic(p: _Parse, t: Tok) -> str | None:
    """"... về nguồn tin KH&CN": a subject tied into the name (org_topic_links.txt)."""
    if not p.chunks or t.text[0].isupper():
        return None
    m = phrase_at(p.toks, p.k, "org_topic_links.txt")
    if not m or p.k + m >= p.n:
        return None
    if p.toks[p.k + m].cap or p.toks[p.k + m].abbrev:
        p.k += m
        return _NEXT
    r = _lower_subject_end(p.toks, p.k + m)  # "... về nguồn tin khoa học và công nghệ"
    if not r:
        return None
    p.k = r
    return _STOP


def _lower_subject_end(toks: list[Tok], k: int) -> int:
    """End of a subject in lower case after a topic link ("khoa học và công nghệ"): up to six lower-case
    words and joiners, no break word, not ending with a joiner; 0 if none."""
    r = k
    brk = break_words()
    joiners = context_words("joiner")
    while r < len(toks) and r - k < 6 and (toks[r].text in joiners or _is_lower_word(toks[r])
                                           and toks[r].text not in brk):
        r += 1
    while r > k and toks[r - 1].text in joiners:
        r -= 1
    return r if r - k >= 2 else 0


def _rule_capital_break(p: _Parse, t: Tok) -> str | None:
    """"Trường X Nhân dịp ...", "Thư viện Y Năm 2024": a capitalised break word before a lower-case
    word or a number (org_capital_breaks.txt) ends the name."""
    if not p.chunks or not t.cap:
        return None
    m = phrase_at(p.toks, p.k, "org_capital_breaks.txt")
    if not m or p.toks[p.k].text[0].islower():
        return None
    nxt = p.toks[p.k + m] if p.k + m < p.n else None
    return _STOP if nxt is not None and (_is_lower_word(nxt) or nxt.text.isdigit()) else None


def _rule_term(p: _Parse, t: Tok) -> str | None:
    """"Quốc hội Khóa XIV", "HĐND tỉnh X Khóa XVI": a term word before a roman numeral or a number ends the name
    (lexicon/org_term_words.txt)."""
    phrases_here = _term_words().get(t.text.lower())
    if phrases_here is None:  # most tokens: one dict lookup
        return None
    toks, k = p.toks, p.k
    for words in phrases_here:
        r = k + len(words)
        if r < p.n and tuple(x.text.lower() for x in toks[k:r]) == words and _TERM_NUMBER.fullmatch(toks[r].text):
            return _STOP
    return None


_TERM_NUMBER = re.compile(r"[IVXL]+|\d{1,4}")


@lru_cache(maxsize=1)
def _term_words() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The term phrases by their first word (lower case)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for x in phrases("org_term_words.txt"):
        words = tuple(x.lower().split())
        out.setdefault(words[0], []).append(words)
    return {w: tuple(v) for w, v in out.items()}


def _rule_glued(p: _Parse, t: Tok) -> str | None:
    """A capitalised word glued to the next ("ViệnVụ", page furniture) ends the name; a foreign name with a
    capital inside ("McGill", "DePaul": its first part no Vietnamese syllable) does not."""
    x = t.text
    if not (t.cap and not t.abbrev and x.isalpha()):
        return None
    inner = next((i for i in range(1, len(x)) if x[i].isupper()), 0)
    return _STOP if inner and not _abbreviation_like(x[:inner].lower()) else None


@lru_cache(maxsize=1)
def _lower_body_heads() -> frozenset[str]:
    """Folded heads whose name may be lower-case words that an administrative part closes
    (org_lower_body_heads.txt: "Trung tâm văn hóa thể thao huyện X")."""
    return frozenset(ffold(x) for x in phrases("org_lower_body_heads.txt"))


def _lower_body_head(p: _Parse) -> bool:
    """May the name of the head at the cursor be lower-case words (org_lower_body_heads.txt), the head written
    with its capital ("Thư viện cộng đồng xã X"; "hệ thống thư viện công cộng tỉnh Y" is no name)?"""
    return ffold(p.head.text) in _lower_body_heads() and not p.toks[p.i].text[0].islower()


def _rule_lower_admin(p: _Parse, t: Tok) -> str | None:
    """"Trung tâm văn hóa thể thao huyện X", "Phòng giáo dục và đào tạo thị xã Y": a name in lower-case words
    right after the head that an administrative part with its place closes."""
    toks, k = p.toks, p.k
    if not _is_lower_word(t) or t.text in context_words("role") or not p.chunks and not _lower_body_head(p):
        return None  # after a capitalised piece any head: "Trung tâm Phát triển quỹ đất tỉnh X"
    r = _lower_piece_end(toks, k)
    if not r or _head_at(toks, k) is not None:
        return None
    a, word = _admin_at(toks, r)
    if not place_length(toks, r + a, word):
        return None
    p.k = r
    p.chunks += 1
    p.first_ok = True
    return _NEXT


def _rule_descriptor(p: _Parse, t: Tok) -> str | None:
    """Lower-case descriptors after a head before a capitalised name or a parent organisation
    ("Trường Cao đẳng y tế Bình Định", "Câu lạc bộ đọc sách Trường ..."), for the heads
    org_descriptor_heads.txt lists."""
    toks, n = p.toks, p.n
    if p.chunks or not _is_lower_word(t) or ffold(p.head.text) not in _head_sets()[1]:
        return None
    r = _descriptor_end(toks, p.k)
    if toks[p.k].text in context_words("role") or _head_at(toks, p.k) is not None:
        return None  # "Viện trưởng Viện X": a role; "Thư viện trường Đại học X": a head in lower case
    if "unit" in p.head.flags and (r2 := _unit_descriptor_end(toks, p.k)) > r and _whole_org_at(p, r2):
        p.early = OrgHit(p.i, r2, p.head)  # "Trung tâm lưu trữ và thư viện | Trường Đại học X": unit, then parent
        return _STOP
    if (m := _owner_descriptor_end(p)) > p.k:
        r = m  # "Thư viện tư nhân | Trần Văn A"
    elif r == p.k or r >= n or not toks[r].cap or _name_starts(toks, r):
        return None
    if toks[r].text in _HEAD_FIRST and _whole_org_at(p, r):
        if "unit" in p.head.flags:
            p.early = OrgHit(p.i, r, p.head)  # the caller joins unit and parent
            return _STOP
        return None
    p.k = r
    p.first_ok = True
    return _NEXT


def _owner_descriptor_end(p: _Parse) -> int:
    """End of descriptors that say whose library it is, before its owner's personal name ("Thư viện tư nhân Trần
    Văn A", "Thư viện gia đình Lê Thị B"; lexicon/org_owner_descriptors.txt); the cursor if none."""
    m = phrase_at(p.toks, p.k, "org_owner_descriptors.txt") if p.head.kind == "Library" else 0
    return p.k + m if m and _name_starts(p.toks, p.k + m) else p.k


def _descriptor_end(toks: list[Tok], k: int) -> int:
    """End of up to three lower-case descriptor words from ``k`` (no break word, no administrative word)."""
    r, n = k, len(toks)
    brk = break_words()
    while r < n and r - k < 3 and _is_lower_word(toks[r]) and toks[r].text not in brk and not match_admin(toks, r):
        r += 1
    return r


def _whole_org_at(p: _Parse, k: int) -> bool:
    """Does an organisation with a name of its own (not a short mention) start at ``k``?"""
    sub = parse_org(p.toks, k, p.depth + 1)
    return sub is not None and not sub.short


def _unit_descriptor_end(toks: list[Tok], k: int) -> int:
    """End of a unit's longer description in lower case before its parent ("thông tin thư viện", "lưu trữ và
    thư viện": known pieces, org_unit_descriptors.txt, "và" between words; at most five words), where a capitalised head opens; else ``k``."""
    r, n = k, len(toks)
    brk = break_words()
    while r < n and r - k < 5:
        if _is_lower_word(toks[r]) and (ph := match_phrase(toks, r) or phrase_at(toks, r, "org_unit_descriptors.txt")):
            r += ph
        elif _is_lower_word(toks[r]) and toks[r].text not in brk and not match_admin(toks, r):
            r += 1
        elif r > k and toks[r].text in context_words("joiner") and r + 1 < n and _is_lower_word(toks[r + 1]):
            r += 1
        else:
            break
    return r if r > k and r < n and toks[r].cap and toks[r].text in _HEAD_FIRST else k


def _rule_new_head(p: _Parse, t: Tok) -> str | None:
    """Another organisation's head ends the name ("Thư viện Trường Đại học X": unit, then parent)."""
    toks, k = p.toks, p.k
    if t.text not in _HEAD_FIRST or (k == p.j and t.text == p.head.words[-1]) or _closes_place(toks, k):
        return None
    sub = parse_org(toks, k, p.depth + 1)
    if sub is not None and sub.short and _committee_parent(p.head, sub):
        return _STOP  # "Ban Tuyên giáo | Tỉnh ủy": the caller joins board and committee
    if sub is not None and "nested" in sub.head.flags:
        return p.take(len(sub.head.words))  # "Trường Phổ thông Dân tộc nội trú ...": a school level, one piece
    if sub is None or sub.short:
        return None
    if k == p.j and "unit" in p.head.flags:
        p.early = OrgHit(p.i, k, p.head)  # the caller joins unit and parent
    return _STOP


def _rule_code(p: _Parse, t: Tok) -> str | None:
    """An abbreviation or code (VHTTDL, GD&ĐT, C10), maybe with a lower-case partner word."""
    if not (t.abbrev or (t.cap and any(c.isdigit() for c in t.text))):
        return None
    p.take(1)
    toks, k = p.toks, p.k
    if (k + 1 < p.n and _is_lower_word(toks[k]) and toks[k].text not in break_words() and toks[k + 1].cap
            and not match_admin(toks, k)):
        p.k += 1
    return _NEXT


def _rule_code_list(p: _Parse, t: Tok) -> str | None:
    """"Bộ VH, TT&DL", "Ủy ban VH, GD, TN, TN & NĐ": abbreviations listed with commas and closed by "&" are one
    abbreviated name (the fields of a ministry or a committee), written with spaces after the commas."""
    if t.text != "," or not p.chunks or not p.toks[p.k - 1].abbrev:
        return None
    r = _code_list_end(p.toks, p.k)
    if r == p.k:
        return None
    p.k = r
    return _NEXT


def _code_list_end(toks: list[Tok], k: int) -> int:
    """After a comma at ``k``: the end of abbreviations listed with commas when the last one holds "&" or is joined
    by "&" to another; ``k`` if none."""
    r, n = k, len(toks)
    while r + 1 < n and toks[r].text == "," and toks[r + 1].abbrev:
        r += 2
        if "&" in toks[r - 1].text:
            return r
        if r + 1 < n and toks[r].text == "&" and toks[r + 1].abbrev:
            return r + 2
    return k


def _rule_person_after_province(p: _Parse, t: Tok) -> str | None:
    """"Sở ... Thanh Hóa Trịnh Xuân Quyết", "Hội ... Việt Nam Trần Thị Hoa": a personal name after
    a province or a country ends the name."""
    toks, k = p.toks, p.k
    if not _name_starts(toks, k):
        return None
    if _ends_province(toks, k) or _ends_country(toks, k) or not p.chunks and "whole" in p.head.flags:
        return _STOP  # "... Việt Nam Trần Thị Hoa", "Hội đồng Bộ trưởng Phạm Văn A": a whole name, then a person
    if not p.chunks and "bare" in p.head.flags and p.head.kind in _NOT_NAMED_AFTER_PEOPLE \
            and not _place_starts(toks, k):
        return _STOP  # "Phó Bí thư Tỉnh ủy Phan Văn A": a body named by its place, then a person, not a place
    # "Hội Khuyến học Nguyễn Văn Bình", "Bộ VHTTDL Hoàng Văn A": bodies not named after people, a name word
    # with its partner or an abbreviation, then a person
    return _STOP if p.chunks and p.head.kind in _NOT_NAMED_AFTER_PEOPLE \
        and (_is_lower_word(toks[k - 1]) or toks[k - 1].abbrev) and not _place_starts(toks, k) else None


def _place_starts(toks: list[Tok], k: int) -> bool:
    """Does the name of a province or an administrative unit start at ``k`` ("Hoàng Su Phì")?"""
    units = admin_units()
    for m in (2, 3):
        key = ffold(" ".join([t.text for t in toks[k:k + m]]))
        if key in province_keys() or key in units:
            return True
    return False


@lru_cache(maxsize=1)
def _place_last_words() -> frozenset[str]:
    """Last words of the provinces' and countries' names: only after one of them may a place end."""
    return frozenset(k.rsplit(" ", 1)[-1] for k in (*province_keys(), *countries()))


def _rule_word(p: _Parse, t: Tok) -> str | None:
    """A capitalised word with up to three lower-case partners ("Văn hóa", "Trung học cơ sở")."""
    if not t.cap or not (t.text.isalpha() or "'" in t.text or "’" in t.text):  # "Đắk R'lấp", "Đắk P’lao"
        return None
    toks, n = p.toks, p.n
    k = p.k + 1
    low = 0
    brk = break_words()
    if p.chunks and k < n and _is_lower_word(toks[k]) and _ends_proper_name(p, t, k):
        return p.take(1, ok=False)
    while k < n and _is_lower_word(toks[k]) and toks[k].text not in brk and low < 3 and not match_admin(toks, k) \
            and match_phrase(toks, k) < 2:  # "Thông tin | khoa học và công nghệ": a known piece is read whole
        k += 1
        low += 1
    p.take(k - p.k, ok=low > 0 if p.chunks == 0 else False)
    while p.k < n and _name_number(toks, p.k):
        p.k += 1
    return _NEXT


def _ends_proper_name(p: _Parse, t: Tok, k: int) -> bool:
    """Does the word ``t`` end a place's or a person's name, so that the lower-case word at ``k`` is no partner of
    it ("... Đại học Quốc gia Hà Nội | động viên", not a one-word country: "Mỹ thuật"; "Trường THCS Lê Lợi | đọc
    sách")?"""
    if ffold(t.text) in _place_last_words() and (_ends_province(p.toks, k) or _ends_country(p.toks, k, (2, 3))):
        return True
    return _ends_personal_name(p.toks, p.j, p.k) or _in_title_case_run(p.toks, p.j, p.k)


def _in_title_case_run(toks: list[Tok], j: int, k: int) -> bool:
    """Is the word at ``k`` the second or later word of a run of capitalised syllables in the name ("Trại giam
    Nà Tấu | đọc sách"): a proper name, whose words take no lower-case partner (a field name capitalises its
    first word only: "Văn hóa cơ sở"), when the lower-case word after it opens a predicate ("đọc", "chính thức")?"""
    prev = toks[k - 1]
    if k + 1 >= len(toks) or toks[k + 1].text not in _name_verbs():
        return False  # "Vùng Cảnh sát biển": a field word after a capitalised common noun
    return k - 1 >= j and prev.cap and not prev.abbrev and prev.text.isalpha()


@lru_cache(maxsize=1)
def _name_verbs() -> frozenset[str]:
    """Words that open a predicate right after a proper name (lexicon/org_name_verbs.txt)."""
    return frozenset(phrases("org_name_verbs.txt"))


def _ends_personal_name(toks: list[Tok], j: int, k: int) -> bool:
    """Does the word at ``k`` end a personal name in an organisation's name: a run of two to four capitalised
    words from ``j`` on that opens with a surname ("Lê Lợi", "Nguyễn Thị Minh Khai")?"""
    r = k
    while r > j and toks[r - 1].cap and not toks[r - 1].abbrev and toks[r - 1].text.isalpha():
        r -= 1
    return 1 <= k - r <= 3 and toks[r].text in surnames()


def _rule_number(p: _Parse, t: Tok) -> str | None:
    """A number after a name piece ("Mỹ Khánh 1")."""
    if not p.chunks or not _name_number(p.toks, p.k):
        return None
    p.k += 1
    return _NEXT


def _rule_so(p: _Parse, t: Tok) -> str | None:
    """"số 2": a numbered body."""
    if t.text not in context_words("number") or p.k + 1 >= p.n or not p.toks[p.k + 1].text.isdigit():
        return None
    if p.chunks and _ends_province(p.toks, p.k):
        return _STOP  # "Hội Nhà văn Hải Phòng | số 19 Trần Phú": an address after the place
    return p.take(2)


def _ends_nested(toks: list[Tok], k: int) -> bool:
    """Do the tokens before ``k`` end with a school level ("... Tiểu học và Trung học cơ sở X": one school)?"""
    for words, _h in _nested_heads():
        m = len(words)
        if k - m >= 0 and all(ffold(toks[k - m + x].text) == w for x, w in enumerate(words)):
            return True
    return False


@lru_cache(maxsize=1)
def _nested_heads() -> tuple[tuple[tuple[str, ...], Head], ...]:
    return tuple(e for v in _folded_heads().values() for e in v if "nested" in e[1].flags)


@lru_cache(maxsize=1)
def _title_words() -> dict[str, tuple[tuple[str, ...], ...]]:
    """First token -> the token sequences of the titles of persons ("TS.", "PGS.TS", "Thạc sĩ")."""
    out: dict[str, set[tuple[str, ...]]] = {}
    for title, _ in titles():
        words = tuple(t.text for t in tokenize(title))
        out.setdefault(words[0], set()).add(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _title_at(toks: list[Tok], k: int) -> bool:
    """Does a person's title start at ``k`` ("... và TS. Lê Văn A")?"""
    if k >= len(toks):
        return False
    for words in _title_words().get(toks[k].text, ()):
        if tuple(t.text for t in toks[k:k + len(words)]) == words:
            return True
    return False


def _lower_piece_end(toks: list[Tok], k: int) -> int:
    """End of lower-case name words from ``k`` that an administrative part closes, else 0."""
    r = k
    brk = break_words()
    while r < len(toks) and r - k < 6 and (toks[r].text in context_words("joiner") or _is_lower_word(toks[r])
                                           and toks[r].text not in brk) and not _admin_at(toks, r)[0]:
        r += 1
    return r if r > k and r < len(toks) and _admin_at(toks, r)[0] else 0


@lru_cache(maxsize=1)
def _folded_admin_words() -> tuple[tuple[str, ...], ...]:
    return tuple({tuple(ffold(w) for w in key) for key in ADMIN_WORDS})


def _admin_any_case(toks: list[Tok], k: int) -> bool:
    """An administrative word at ``k`` in any case ("Huyện", "Thị trấn" opening a part of an address)."""
    return any(k + len(w) <= len(toks) and all(ffold(toks[k + x].text) == w[x] for x in range(len(w)))
               for w in _folded_admin_words())


def _address_chain(toks: list[Tok], k: int) -> bool:
    """Is the part after a dash at ``k - 1`` a piece of an address: an administrative word in any case
    ("- Huyện Y") or a place whose next dash opens one ("- Khu du lịch X - Thị trấn Y")?"""
    if _admin_any_case(toks, k):
        return True
    for r in range(k + 1, min(len(toks) - 1, k + 8)):
        if toks[r].text in _DASHES:
            return _admin_any_case(toks, r + 1)
        if not (toks[r].cap or _is_lower_word(toks[r])):
            return False
    return False


def _rule_joiner(p: _Parse, t: Tok) -> str | None:
    """"-"/"và" joining name words, unless another organisation follows."""
    toks, k = p.toks, p.k
    joiner = t.text in context_words("joiner")
    if (r := _lower_after_joiner(p, t, joiner)):
        p.k = r
        return _NEXT
    if not ((t.text in _DASHES or joiner) and p.chunks and k + 1 < p.n and toks[k + 1].cap):
        return None
    if _joiner_ends(toks, k, joiner):
        return _STOP
    if joiner and (r := _joined_unit_end(p, k + 1)):
        p.early = OrgHit(p.i, r, p.head)  # "Trung tâm Thông tin và Thư viện | Trường Đại học X": one unit, its parent
        return _STOP
    if _second_body(p, k + 1):
        return _STOP  # "Trung tâm X và Thư viện huyện": two bodies
    p.k += 1
    return _NEXT


def _lower_after_joiner(p: _Parse, t: Tok, joiner: bool) -> int:
    """End of a lower-case part of the name after a joiner at the cursor: a field after "và" ("Phòng Văn hóa và
    thông tin"), a piece after a dash or "và" ("Trung tâm Văn hóa - thông tin và thể thao huyện X"); else 0."""
    if not p.chunks:
        return 0
    if joiner and (r := _lower_field_end(p.toks, p.k + 1)):
        return r
    return _lower_piece_end(p.toks, p.k + 1) if t.text in _DASHES or joiner else 0


def _second_body(p: _Parse, k: int) -> bool:
    """Does another body's name start at ``k``, after a joiner (not a school level nested in this name)?"""
    toks = p.toks
    nxt = parse_org(toks, k, p.depth + 1) if toks[k].text in _HEAD_FIRST else None
    return nxt is not None and (nxt.bare_admin or not nxt.short) \
        and not ("nested" in nxt.head.flags and _ends_nested(toks, k - 1))


def _lower_field_end(toks: list[Tok], k: int) -> int:
    """End of a field of work in lower case at ``k`` after "và" (org_field_words.txt: "thông tin", "truyền
    thông", "thiết bị"), with up to three more lower-case name words or fields ("thiết bị giáo dục"), where the
    lower-case words end; 0 if no field opens at ``k`` or lower-case words run on (the sentence goes on)."""
    if k >= len(toks) or not _is_lower_word(toks[k]):
        return 0
    if not (r := k + phrase_at(toks, k, "org_field_words.txt")) > k:
        return _lower_before_name(toks, k)
    brk = break_words()
    while r < len(toks) and r - k < 5 and _is_lower_word(toks[r]) and not match_admin(toks, r):
        m = phrase_at(toks, r, "org_field_words.txt")
        if not m and toks[r].text in brk:
            return r
        r += m or 1
    return 0 if r < len(toks) and _is_lower_word(toks[r]) and toks[r].text not in brk and not match_admin(toks, r) else r


def _lower_before_name(toks: list[Tok], k: int) -> int:
    """After "và": up to four lower-case words (no break word) that a capitalised name word closes, no head, person or
    title ("... và chuyển giao công nghệ Hòa Bình"): the end of those words; else 0."""
    r, n, brk = k, len(toks), break_words()
    while r < n and r - k < 4 and _is_lower_word(toks[r]) and toks[r].text not in brk and not match_admin(toks, r):
        r += 1
    if r == k or r >= n or not toks[r].cap or toks[r].abbrev or toks[r].text in _HEAD_FIRST or _name_starts(toks, r) \
            or _title_at(toks, r):
        return 0
    return r


def _joined_unit_end(p: _Parse, k: int) -> int:
    """After "và" in a unit's name described by common nouns: the end of a second unit head that a whole parent
    organisation follows ("Trung tâm Lưu trữ và Thư viện | Trường Đại học X"); 0 if none."""
    if "unit" not in p.head.flags or not _is_lower_word(p.toks[k - 2]):
        return 0  # "Thư viện Tạ Văn Hải và Thư viện Học viện X": a name, then another body
    h = _head_at(p.toks, k)
    if h is None or "unit" not in h.flags or _lower_head(p.toks, k, h):
        return 0
    r = k + len(h.words)
    if r >= p.n or p.toks[r].text not in _HEAD_FIRST:
        return 0
    par = parse_org(p.toks, r, p.depth + 1)
    return r if par is not None and not par.short else 0


def _joiner_ends(toks: list[Tok], k: int, joiner: bool) -> bool:
    """Does the "và" (``joiner``) or dash at ``k`` end the name, as what follows is no more of it?"""
    if joiner and (_name_starts(toks, k + 1) or _title_at(toks, k + 1) or _ends_province(toks, k)
                   or _ends_country(toks, k)) or match_role(toks, k + 1) is not None:
        return True  # "Trường THCS X và Nguyễn Thị Y", "Đảng ... và Chủ tịch ...": a person, not more of the name
    # "Trường TH X – TP. Y", "Khách sạn X - Khu Y - Huyện Z": where it is, not more of the name
    return not joiner and (bool(_admin_at(toks, k + 1)[0]) or _address_chain(toks, k + 1))


def _rule_seat(p: _Parse, t: Tok) -> str | None:
    """"Trung tâm Văn hóa Việt Nam tại Lào", "... tại nước Cộng hòa X": a body named after a country that sits
    in another country has that country in its name, and it ends the name."""
    toks, k, n = p.toks, p.k, p.n
    if not p.chunks or t.text not in context_words("seat") or k + 1 >= n or not _ends_country(toks, k):
        return None
    r = k + 1
    if toks[r].text in context_words("seat_country"):  # "tại nước Cộng hòa DCND Lào": a country's long name
        r += 1
        while r < n and (toks[r].cap or toks[r].abbrev) and _head_at(toks, r) is None:
            r += 1
            while r + 1 < n and _is_lower_word(toks[r]) and toks[r + 1].cap:
                r += 1  # "Cộng hòa Dân chủ"
    elif (m := _country_len(toks, r)) and (ffold(" ".join(x.text for x in toks[r:r + m])) not in _own_country()
                                             or not _own_country_before(toks, k)):
        r += m  # "Trung tâm Văn hóa Việt Nam tại Lào", "Đại sứ quán Hungary tại Việt Nam"
    if r == k + 1 or toks[r - 1].text in context_words("seat_country"):
        return None
    p.k = r
    return _STOP


def _rule_office_seat(p: _Parse, t: Tok) -> str | None:
    """"Văn phòng Tổ chức X tại Việt Nam", "Cơ quan thường trú Y tại Yên Bái": an office (head flag ``office``)
    keeps the country or province it sits in, and that ends the name."""
    toks, k = p.toks, p.k
    if "office" not in p.head.flags or not p.chunks or t.text not in context_words("seat") or k + 1 >= p.n:
        return None
    m = _country_len(toks, k + 1) or _province_len(toks, k + 1)
    if not m:
        return None
    p.k = k + 1 + m
    return _STOP


def _own_country_before(toks: list[Tok], k: int) -> bool:
    """Is the country named right before ``k`` the news' own ("Hội X Việt Nam | tại Việt Nam")?"""
    own = _own_country()
    return any(k - m >= 0 and ffold(" ".join([t.text for t in toks[k - m:k]])) in own for m in (1, 2, 3))


@lru_cache(maxsize=1)
def _own_country() -> frozenset[str]:
    """The country the news is from: a place in it is no seat abroad ("Hội X Việt Nam tại Việt Nam")."""
    return frozenset(("việt nam",))


def _field_word_end(toks: list[Tok], k: int) -> int:
    """End of a field's common-noun word at ``k``: a capitalised syllable, not a head, and its lower-case partners
    ("Triển lãm", "Điện ảnh"); ``k`` if none."""
    if k >= len(toks) or not toks[k].cap or toks[k].abbrev or not toks[k].text.isalpha() or _head_at(toks, k):
        return k
    r = k + 1
    while r < len(toks) and r - k <= 2 and _is_lower_word(toks[r]) and toks[r].text not in break_words():
        r += 1
    return r if r > k + 1 else k


def _rule_field_list(p: _Parse, t: Tok) -> str | None:
    """"Trung tâm Văn hóa, Triển lãm và Điện ảnh tỉnh X": after a field word, more field words listed with commas
    and closed by "và" and a last one belong to the name (as "Văn hóa, Thể thao và Du lịch")."""
    toks, k = p.toks, p.k
    if t.text != "," or not p.chunks or not _is_lower_word(toks[k - 1]):
        return None
    if (r := _lower_field_list_end(toks, k)) > k:
        p.k = r  # "Trung tâm Văn hóa, thông tin và thể thao huyện X": fields in lower case
        p.chunks += 1
        return _NEXT
    r = k
    while r < p.n and toks[r].text == "," and (e := _field_word_end(toks, r + 1)) > r + 1:
        r = e
    if r == k or r >= p.n or toks[r].text not in context_words("joiner") or (e := _field_word_end(toks, r + 1)) == r + 1:
        return None
    p.k = e
    p.chunks += 1
    return _NEXT


def _lower_field_list_end(toks: list[Tok], k: int) -> int:
    """After a comma at ``k``: the end of fields of work in lower case (org_field_words.txt) listed with commas, when
    "và" and another field, or an administrative word, follows them (", thông tin và thể thao", ", thông tin
    tỉnh"); ``k`` if none."""
    r = k
    while r < len(toks) and toks[r].text == "," and r + 1 < len(toks) and _is_lower_word(toks[r + 1]) \
            and (m := phrase_at(toks, r + 1, "org_field_words.txt")):
        r += 1 + m
    if r == k or r >= len(toks):
        return k
    if toks[r].text in context_words("joiner") and (e := _lower_field_end(toks, r + 1)):
        return e
    return r if _admin_at(toks, r)[0] else k


def _rule_merged_list(p: _Parse, t: Tok) -> str | None:
    """"Trung tâm Văn hóa, Bảo tàng và Thư viện tỉnh X": a comma before a merged name goes on into it."""
    toks, k = p.toks, p.k
    if t.text != "," or not p.chunks or k + 1 >= p.n or toks[k + 1].text not in _HEAD_FIRST:
        return None
    sub = parse_org(toks, k + 1, p.depth + 1)
    if sub is None or not sub.merged:
        return None
    p.k, p.admin = sub.end, sub.admin
    return _STOP


_RULES = (_rule_admin, _rule_seat, _rule_office_seat, _rule_region, _rule_quoted, _rule_legal_form, _rule_phrase,
          _rule_topic, _rule_capital_break, _rule_term, _rule_glued, _rule_lower_admin, _rule_descriptor,
          _rule_new_head, _rule_code, _rule_code_list, _rule_person_after_province, _rule_word, _rule_number,
          _rule_so, _rule_joiner, _rule_field_list, _rule_merged_list)


def _walk(p: _Parse) -> None:
    """Apply the first rule that fires at the cursor until one ends the name (or none fires)."""
    toks = p.toks
    while p.k < p.n:
        t = toks[p.k]
        for rule in _RULES:
            verdict = rule(p, t)
            if verdict is not None:
                break
        if verdict != _NEXT:
            break
    while p.k > p.j and (toks[p.k - 1].text in context_words("joiner") or toks[p.k - 1].text in _DASHES):
        p.k -= 1  # "Trường X và | ThS. ...": a joiner that joined nothing


def _prefix_hit(toks: list[Tok], i: int, head: Head, depth: int) -> OrgHit | None:
    """Heads that take a whole organisation or a number right after them."""
    k = i + len(head.words)
    n = len(toks)
    if "of" in head.flags and k < n and toks[k].text in _HEAD_FIRST:
        # "Chi bộ Thư viện tỉnh X", "Đảng bộ Sở ...": the body of the organisation named right after
        inner = parse_org(toks, k, depth + 1)
        if inner is not None and inner.short and not inner.bare_admin and inner.head.kind != head.kind:
            return OrgHit(i, inner.end, head)  # "Đảng bộ Sở", "Công đoàn Sở": as written, or the fuller name
        if inner is not None and not inner.short:
            if "unit" in inner.head.flags and (whole := _join_parent(toks, inner)[0]) is not None:
                inner = whole  # "Chi hội Thư viện Trường Đại học X": the body of the university's library
            return OrgHit(i, inner.end, head, admin=inner.admin)
    if (merged := _merged_hit(toks, i, head, depth)) is not None:
        return merged
    if "numbered" in head.flags and k < n and toks[k].text.isdigit() and len(toks[k].text) <= 3:
        return OrgHit(i, _service_end(toks, k + 1), head)  # "Quân khu 7", "Sư đoàn 312", "Lữ đoàn 171 Hải quân"
    return None


def _merged_hit(toks: list[Tok], i: int, head: Head, depth: int) -> OrgHit | None:
    """"Báo và Đài Phát thanh - Truyền hình X", "Bảo tàng và Thư viện tỉnh Y": a head alone (flag ``merges``,
    capitalised) joined by "và" to a whole organisation opens one merged name; by a dash, to another such head
    ("Thư viện - Bảo tàng tỉnh X")."""
    k = i + len(head.words)
    if ("merges" not in head.flags or _lower_head(toks, i, head) or k + 1 >= len(toks)
            or toks[k].text not in context_words("joiner") and toks[k].text not in _DASHES
            or toks[k + 1].text not in _HEAD_FIRST):
        return None
    sub = parse_org(toks, k + 1, depth + 1)
    if sub is None or sub.short or sub.bare_admin or toks[k].text in _DASHES and "merges" not in sub.head.flags:
        return None  # "Thư viện - Bảo tàng tỉnh X", but "Thư viện - Trường Đại học X" is a unit and its parent
    return OrgHit(i, sub.end, head, admin=sub.admin, merged=True)


def _service_end(toks: list[Tok], k: int) -> int:
    """After a unit's number, its service ("Lữ đoàn 171 Hải quân"): a capitalised word and its
    lower-case partners, neither a person nor another organisation."""
    if k >= len(toks) or not toks[k].cap or not toks[k].text.isalpha() or _name_starts(toks, k):
        return k
    if toks[k].text in _HEAD_FIRST and _head_at(toks, k) is not None:
        return k
    r = k + 1
    brk = break_words()
    while r < len(toks) and r - k <= 2 and _is_lower_word(toks[r]) and toks[r].text not in brk \
            and not match_admin(toks, r):
        r += 1
    return r if r > k + 1 else k


def _empty_body(p: _Parse) -> OrgHit | None:
    """A head with no name words after it: a whole name, a short mention, or nothing."""
    flags, k, toks = p.head.flags, p.k, p.toks
    if "whole" in flags and not p.bare_admin:
        return OrgHit(p.i, k, p.head)  # "Quốc hội", "Chính phủ": the head is the whole name
    if p.bare_admin and ({"shortadmin", "bare"} & flags):
        return OrgHit(p.i, k, p.head, short=True, bare_admin=True)
    if "short" in flags and not p.bare_admin:
        nxt = toks[k] if k < p.n else None
        if nxt is None or not _is_lower_word(nxt) or nxt.text in break_words():
            return OrgHit(p.i, k, p.head, short=True)
    return None


def _shares_plural(toks: list[Tok], k: int) -> bool:
    """Does a list of bodies that a generic plural closes go on at ``k`` (", Trung tâm Văn hóa các huyện",
    "và Thư viện các xã")?  Then every body of the list is each district's, no one organisation."""
    n = len(toks)
    if k + 1 >= n or not (toks[k].text == "," or toks[k].text in context_words("joiner")) or toks[k + 1].text not in _HEAD_FIRST:
        return False
    if parse_org(toks, k + 1, 3) is not None:
        return False  # "..., Liên hiệp Thư viện các tỉnh miền núi": the next is one organisation
    brk = break_words()
    for r in range(k + 2, min(n - 1, k + 14)):
        t = toks[r].text
        if t in context_words("plural"):
            return bool(match_admin(toks, r + 1))
        if t in ";:.()" or t in brk and t not in context_words("joiner"):
            return False
    return False


def _lower_head_named(p: _Parse) -> bool:
    """Does a head written in lower case open a name (org_lower_heads.tsv's condition)?"""
    toks, j = p.toks, p.j
    if p.head.kind == "Library" and (m := phrase_at(toks, j, "org_owner_descriptors.txt")) and _name_starts(toks, j + m):
        return True  # "thư viện tư nhân Trần Văn A": named after its owner
    if not (p.admin or p.chunks and (toks[j].cap or toks[j].abbrev)) or _compound_tail(toks, p.i):
        return False
    if not p.admin and _country_len(toks, j) == p.k - j:
        return False  # "thư viện Việt Nam": the libraries of a country, no one library
    if p.k - j == 1 and _head_at(toks, j) is not None:
        return False  # "thư viện Trường": the school's library, unnamed
    if _lower_heads().get(ffold(p.head.text)) != "level":
        return True
    if p.k - j <= 2 and not p.admin and _only_level(toks, j, p.k):
        return False  # "trường tiểu học | tại xã X", "trường THCS": a school of that level, unnamed
    return toks[j].abbrev or (h := _head_at(toks, j)) is not None and "nested" in h.flags


def _only_level(toks: list[Tok], j: int, k: int) -> bool:
    """Are the words from ``j`` to ``k`` a school level alone ("Tiểu học", "THCS"), no name after it?"""
    h = _head_at(toks, j)
    return (h is not None and "nested" in h.flags and j + len(h.words) == k) or (k - j == 1 and toks[j].abbrev)


def _compound_tail(toks: list[Tok], i: int) -> bool:
    """Does the lower-case head at ``i`` end a common two-syllable word ("cơ | sở", "hội | trường";
    lexicon/org_lower_head_compounds.txt)?"""
    return i > 0 and ffold(f"{toks[i - 1].text} {toks[i].text}") in _lower_head_compounds()


@lru_cache(maxsize=1)
def _lower_head_compounds() -> frozenset[str]:
    return frozenset(ffold(x) for x in phrases("org_lower_head_compounds.txt"))


def _generic(p: _Parse) -> bool:
    """Does the walk end where a generic plural or a list of levels makes the name every district's?"""
    toks, k = p.toks, p.k
    if k + 2 < p.n and toks[k].text in context_words("of") and toks[k + 1].text in context_words("plural") \
            and (a := match_admin(toks, k + 2)) and not _name_starts_any(toks, k + 2 + a):
        return True  # "phòng Văn hóa - Xã hội của các xã": each commune's, no one body (not "của các tỉnh X, Y")
    if k + 1 < p.n and toks[k].text in context_words("plural") and (
            match_admin(toks, k + 1) or "unit" in p.head.flags and phrase_at(toks, k + 1, "org_member_nouns.txt")):
        return True  # "Trung tâm Văn hóa ... các huyện", "Trung tâm TT-TV các trường đại học": a generic plural
    if p.bare_admin and k + 1 < p.n and toks[k].text == "," and match_admin(toks, k + 1):
        return True  # "Công an quận, huyện, thị xã": every district's, no one body
    # "Phòng Văn hóa, Trung tâm Văn hóa các huyện": each district's, no one body
    return not p.admin and not _ends_province(toks, k) and _shares_plural(toks, k)


def _name_starts_any(toks: list[Tok], k: int) -> bool:
    """Does a capitalised word stand at ``k``?"""
    return k < len(toks) and toks[k].cap


def _verdict(p: _Parse) -> OrgHit | None:
    """The organisation the walk found, if the head's flags accept it."""
    toks, k, flags = p.toks, p.k, p.head.flags
    if _generic(p):
        return None
    if _lower_head(toks, p.i, p.head) and not _lower_head_named(p):
        return None  # "thư viện", "trường" alone or before lower-case words: a common noun
    if "onlyquoted" in flags and not any(toks[x].text in _OPEN_QUOTES for x in range(p.j, k)):
        return None  # "Nhóm học sinh": a group, named only by a quoted name
    if p.chunks == 0 and not p.admin:
        return _empty_body(p)
    if p.chunks == 0 and "bare" not in flags:
        return None
    if "strict" in flags and p.chunks and not p.first_ok:
        return None
    if "admin" in flags and not (p.admin or p.trailing_admin or _named_after_person(p)):  # "Phòng GD&ĐT huyện"
        return None
    return OrgHit(p.i, k, p.head, admin=p.admin)


def _named_after_person(p: _Parse) -> bool:
    """Is a head flagged ``person`` followed by a personal name ("TV Nguyễn Đình Chiểu": the library named after
    him, though "TV" alone needs a place: "TV Hội đồng" is a member of a council)?"""
    return "person" in p.head.flags and _name_starts(p.toks, p.j)


def parse_org(toks: list[Tok], i: int, depth: int = 0) -> OrgHit | None:
    """The organisation whose head starts at token ``i``, or None."""
    head = _head_at(toks, i)
    if head is None or depth > 3:
        return None
    hit = _prefix_hit(toks, i, head, depth)
    if hit is not None:
        return hit
    p = _Parse(toks, i, head, depth)
    _walk(p)
    if p.early is not None:
        # "trung tâm trường X": a lower-case head joins no parent (the institution's centre, unnamed), but for a
        # library ("thư viện Trại giam X": the library and the institution are both named)
        return None if _lower_head(toks, i, head) and head.kind != "Library" else p.early
    return _verdict(p)


def _quote_state(text: str, in_quote: bool) -> bool:
    """Inside a quotation after the token ``text``?"""
    if text in ("“", "«"):
        return True
    if text in ("”", "»"):
        return False
    if text == '"':
        return not in_quote
    return in_quote


def _skipped(toks: list[Tok], hit: OrgHit) -> bool:
    """A hit that names no organisation: "các Trung tâm ...", "Luật Thư viện", "Trưởng Ban ..."."""
    i = hit.start
    prev = toks[i - 1].text if i else ""
    j = i + len(hit.head.words)
    numbered = "numbered" in hit.head.flags and j < hit.end and toks[j].text.isdigit()
    return (prev in context_words("plural") and not numbered) or prev in context_words("law") or _place_named(toks, hit) \
        or phrase_at(toks, i, "org_not_names.txt") > 0 or _byline(toks, hit) \
        or (prev in context_words("role") and bool({"parent", "admin"} & hit.head.flags)) or _dept_in_role(toks, hit) \
        or ("afterrole" in hit.head.flags and _after_role(toks, i)) or _in_code(toks, i) or _paren_byline(toks, hit) \
        or _counted(toks, hit) or _closes_place(toks, i)


def _counted(toks: list[Tok], hit: OrgHit) -> bool:
    """Is a head written in lower case counted ("4 trường THCS", "12 thư viện huyện"): several bodies, no name?"""
    i = hit.start
    return i > 0 and toks[i - 1].text.isdigit() and _lower_head(toks, i, hit.head)


def _in_code(toks: list[Tok], i: int) -> bool:
    """Is the head at ``i`` part of a document's number, glued after a "/" ("văn bản số 3841/UBND-VX")?"""
    return i >= 2 and toks[i - 1].text == "/" and toks[i - 2].end == toks[i - 1].start == toks[i - 1].end - 1 \
        and toks[i - 1].end == toks[i].start and toks[i - 2].text[-1].isdigit()


def _dept_in_role(toks: list[Tok], hit: OrgHit) -> bool:
    """Does a department's head belong to the role before it ("Phó Trưởng Phòng X", "Trưởng phòng phụ trách
    Phòng Y")?  libkg.extract.positions reads those."""
    i = hit.start
    if "dept" not in hit.head.flags or not i:
        return False
    return toks[i - 1].text in context_words("role") or _after_role(toks, i) or \
        (i >= 2 and f"{toks[i - 2].text} {toks[i - 1].text}" in context_words("in_charge"))


def _byline(toks: list[Tok], hit: OrgHit) -> bool:
    """Is a department-like hit without a place the author of a byline, page furniture: the line alone
    ("Phòng Nghiệp vụ"), after its writer ("Thu Hà - Phòng Nghiệp vụ") or a cue ("Tin: Phòng ...")?"""
    if hit.admin or hit.short:
        return False
    after = toks[hit.end:]
    if after and not (after[0].text in ".;,|" and (len(after) == 1 or _cue_before_colon(after, 1))):
        return False
    before = toks[:hit.start]
    if not before:
        return True
    if before[-1].text in _DASHES:
        return 1 <= len(before) - 1 <= 5 and all(t.cap for t in before[:-1])
    return before[-1].text == ":" and _cue_before_colon(before, 0) and len(before) <= 4


def _paren_byline(toks: list[Tok], hit: OrgHit) -> bool:
    """Is the hit the writer's organisation in a byline, "Minh Trang (Thư viện tỉnh)": a line of a name of up
    to four capitalised words and the organisation in brackets?"""
    i, e = hit.start, hit.end
    if not 2 <= i <= 5 or toks[i - 1].text != "(" or e >= len(toks) or toks[e].text != ")":
        return False
    return len(toks) - e - 1 <= 1 and all(t.cap and t.text.isalpha() for t in toks[:i - 1])


def _cue_before_colon(toks: list[Tok], k: int) -> bool:
    """Does a byline cue ("Tin", "Bài và ảnh") start at ``k`` and end right before a ":"?"""
    m = phrase_at(toks, k, "org_byline_cues.txt")
    return m > 0 and k + m < len(toks) and toks[k + m].text == ":"


def _place_named(toks: list[Tok], hit: OrgHit) -> bool:
    """Is the hit a place's name ("Trường Sa", "Trường Sơn": a head word opening a place), maybe with more words
    ("Trường Sa Lớn", "Trường Sa và Hoàng Sa")?"""
    if hit.admin or hit.short or len(hit.head.words) > 1:
        return False
    for m in (2, 3):
        words = toks[hit.start:hit.start + m]
        if len(words) == m and hit.start + m <= hit.end and all(t.cap for t in words) \
                and not (match_phrase(toks, hit.start + 1) or _head_at(toks, hit.start + 1)):  # "Trường Trung học"
            key = ffold(" ".join([t.text for t in words]))
            if key in admin_units() or key in regions():
                return True
    return False


def _closes_place(toks: list[Tok], i: int) -> bool:
    """Does the head word at ``i`` end a place's name with the words before it ("Hải | Phòng", "Thủ Dầu | Một"):
    no head there?"""
    for m in (1, 2):
        words = toks[i - m:i + 1] if i >= m else []
        if words and all(t.cap and t.text.isalpha() for t in words):
            key = ffold(" ".join(t.text for t in words))
            if key in province_keys() or key in admin_units():
                return True
    return False


def _after_role(toks: list[Tok], i: int) -> bool:
    """Does a role word end right before ``i`` ("Giảng viên Khoa ...", "Phó Trưởng khoa ...")?"""
    return any(i - m >= 0 and (r := match_role(toks, i - m)) is not None and len(r.words) == m for m in (1, 2, 3))


def _join_parent(toks: list[Tok], hit: OrgHit) -> tuple[OrgHit | None, int]:
    """"Unit Parent" juxtaposed / "Unit - Parent" compound: the whole hit and where to go on."""
    n = len(toks)
    k = hit.end
    dash = k < n and toks[k].text in _DASHES
    if not dash and "dashunit" in hit.head.flags and not {"unit", "parent"} & hit.head.flags:
        return None, 0
    p_at = k + 1 if dash else k
    par = parse_org(toks, p_at) if p_at < n and toks[p_at].text in _HEAD_FIRST else None
    # a board of a party committee named without its province: "Ban Tuyên giáo Tỉnh ủy"
    committee = par is not None and par.short and _committee_parent(hit.head, par)
    if par is None or (par.short and not committee) or not (dash or not hit.admin):
        return None, 0
    whole = OrgHit(hit.start, par.end, hit.head, admin=par.admin, whole=True)
    whole.parent = par
    # a unit's parent after a dash is an organisation of its own; a board's ("Ban ... Tỉnh ủy X") is not, nor one
    # only embedded in the unit's name ("Thư viện Trường Đại học X")
    if _lower_head(toks, hit.start, hit.head):
        return whole, p_at  # "thư viện Trại giam X": the institution's library, and the institution itself
    return whole, (par.end if "parent" in hit.head.flags or not dash else p_at)


def _committee_parent(head: Head, par: OrgHit) -> bool:
    """Is ``par`` a party committee named without its province ("Tỉnh ủy") after a board's head?"""
    return "parent" in head.flags and {"bare", "parentable"} <= par.head.flags and not par.bare_admin


def _ends_central(toks: list[Tok], hit: OrgHit) -> bool:
    """Does a board's name end with a word of a central body ("Ban Tuyên giáo Trung ương")?"""
    return any(hit.end - hit.start > len(w) and phrase_at(toks, hit.end - len(w), "org_central.txt") == len(w)
               for w in folded_phrases("org_central.txt"))


def _next_hit(toks: list[Tok], i: int) -> tuple[OrgHit | None, int]:
    """The organisation whose head is at ``i`` (or None) and the token to go on from."""
    if i and toks[i].text[0].islower() and toks[i - 1].text in context_words("role") \
            and (r := match_role(toks, i - 1)) is not None and len(r.words) > 1:
        return None, i + 1  # "Trưởng phòng Nghiệp vụ ...": the head word belongs to the role
    hit = parse_org(toks, i)
    if hit is None:
        head = _head_at(toks, i)
        return None, i + (len(head.words) if head is not None else 1)
    flags = hit.head.flags
    if _skipped(toks, hit):
        return None, hit.end if not hit.short else i + 1
    if "parent" in flags and _is_board(toks, hit):
        return None, hit.start + len(hit.head.words)  # "Ban Chấp hành Hội X": Hội X is the organisation
    if not hit.short and ("parent" in flags or "unit" in flags or "dashunit" in flags):
        whole, at = _join_parent(toks, hit)
        if whole is not None:
            return whole, at
        if "parent" in flags and not _ends_central(toks, hit):
            return None, i + 1
    return hit, hit.end if hit.end > i else i + 1


def _link_parents(toks: list[Tok], hits: list[OrgHit]) -> None:
    """Hierarchy: "A, B" / "A (B)" / "A - B" where B can hold A."""
    for a, b in zip(hits, hits[1:], strict=False):
        if a.parent is not None or a.short or b.short:
            continue
        gap = [t.text for t in toks[a.end:b.start]]
        if gap in ([","], ["("], ["-"], ["–"]) and "parentable" in b.head.flags and b.head != a.head:
            a.parent = b


def scan_tokens(toks: list[Tok]) -> list[OrgHit]:
    _init_heads()
    hits: list[OrgHit] = []
    in_quote = speech = False
    i = 0
    # only quotes and head words do anything: visit those, in order, from the current position
    stops = _SCAN_STOPS
    for at in [k for k, t in enumerate(toks) if t.text in stops]:
        if at < i:
            continue
        i = at
        text = toks[i].text
        was, in_quote = in_quote, _quote_state(text, in_quote)
        if in_quote and not was:  # a quotation opening a sentence or after a colon is speech, no title
            speech = i == 0 or toks[i - 1].text == ":"
        if in_quote and not speech or text not in _HEAD_FIRST:
            i += 1
            continue
        hit, i = _next_hit(toks, i)
        if hit is not None:
            hits.append(hit)
    _link_parents(toks, hits)
    return hits


def _is_board(toks: list[Tok], hit: OrgHit) -> bool:
    at = hit.start + len(hit.head.words)
    words = tuple(ffold(t.text) for t in toks[at:at + 3])
    return any(words[:len(b)] == b for b in committees())


def scan(doc: Doc) -> list[tuple[OrgHit, list[Tok], tuple[int, int]]]:
    """Organisation hits per sentence (cached on the doc)."""
    cached = doc.cache.org_scan
    if cached is not None:
        return cached
    out = []
    cut = _cut_at(doc.text)
    text = org_text(doc)
    for s, e in doc.sentences:
        # a sentence in capitals is read in the text's case, in tokens of its own
        toks = sentence_tokens(doc, (s, e)) if text is doc.text or text[s:e] == doc.text[s:e] else \
            tokenize(text, s, e)
        for h in scan_tokens(toks):
            if toks[h.end - 1].end < cut:
                out.append((h, toks, (s, e)))
    doc.cache.org_scan = out
    return out


def _cut_at(text: str) -> int:
    """Where a text cut off in the middle of a word ends ("... Thư viện Qu"): a name running into that end
    is a fragment, no name; the text's length + 1 when it ends with punctuation or a closed word."""
    end = len(text.rstrip())
    return end if end and text[end - 1].isalnum() and not text[end - 1].isdigit() else len(text) + 1


_WORD = re.compile(r"\w+")


def _in_capitals(text: str, a: int, b: int) -> bool:
    """Is ``text[a:b]`` written in capitals ("THƯ VIỆN TỈNH ...")?"""
    letters = [c for c in text[a:b] if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _case_forms(text: str) -> dict[str, dict[str, int]]:
    """Lower-cased word -> how often the text writes each form of it (words in capitals say nothing)."""
    forms: dict[str, dict[str, int]] = {}
    for m in _WORD.finditer(text):
        w = m.group()
        if not w.isupper() or len(w) == 1:
            f = forms.setdefault(w.lower(), {})
            f[w] = f.get(w, 0) + 1
    return forms


def _recased(text: str, a: int, b: int, forms: dict[str, dict[str, int]]) -> str:
    """``text`` with ``text[a:b]``, written in capitals ("THƯ VIỆN NGUYỄN ĐÌNH CHIỂU TỈNH BẾN TRE"), written as
    the rest of the text writes its words (each in the case used most: "thư viện Nguyễn Đình Chiểu tỉnh Bến
    Tre"); ``text`` itself when that part is not in capitals."""
    if not _in_capitals(text, a, b):
        return text
    brk = break_words()

    def case(m: re.Match[str]) -> str:
        w = m.group()
        f = forms.get(w.lower())
        if w.lower() in _ADMIN_LOWER:
            return w.lower()  # "HUYỆN": an administrative word is lower-case, even if a sentence opens with it
        best = max(f, key=lambda x: (f[x], x[0].islower())) if f else _unseen_case(w, brk)
        return best if len(best) == len(w) else w

    part = _WORD.sub(case, text[a:b])
    return text[:a] + part + text[b:] if len(part) == b - a else text


_ADMIN_LOWER = frozenset(w for key in ADMIN_WORDS for w in key if w.islower())


def org_text(doc: Doc) -> str:
    """The text the organisation rules read: the article's, with a headline in capitals written in the case
    the rest of the text uses (same length, same offsets); cached on the doc.  Sentences in capitals in the
    body stay as they are: they are mostly menus and section heads ("PHÒNG ĐỌC", "GIỜ MỞ CỬA")."""
    cached = doc.cache.org_text
    if cached is not None:
        return cached
    text = doc.text
    title = doc.title
    if title and _in_capitals(text, title[0], title[1]):
        text = _recased(text, title[0], title[1], _case_forms(text))
    doc.cache.org_text = text
    return text


_LINE = re.compile(r"[^\n]+")


def capital_lines(doc: Doc, max_words: int = 12) -> list[tuple[str, int, int]]:
    """Short lines of the body written in capitals, outside the headline ("THƯ VIỆN HUYỆN X" over a section):
    each as (the text with that line written in the text's case, start, end)."""
    text, title = doc.text, doc.title
    out: list[tuple[str, int, int]] = []
    forms: dict[str, dict[str, int]] | None = None
    for m in _LINE.finditer(text):
        a, b = m.span()
        line = m.group()
        if not line.isupper() or (title and a < title[1] and b > title[0]) or len(line.split()) > max_words \
                or not _in_capitals(text, a, b):
            continue
        forms = forms if forms is not None else _case_forms(text)
        recased = _recased(text, a, b, forms)
        if recased is not text:
            out.append((recased, a, b))
    return out


def _unseen_case(w: str, brk: frozenset[str]) -> str:
    """The case of a headline word in capitals that the body never writes: an abbreviation without vowels
    stays ("UBND", "THCS"), a break or administrative word is lower-case ("thăm", "huyện"), any other word
    is a name's ("Sa", "Pa")."""
    low = w.lower()
    if len(w) > 1 and _abbreviation_like(low):
        return w
    if low in brk or low in _lower_words():
        return low
    return w[:1] + low[1:]


_SYLLABLE = re.compile(r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[aăâeêioôơuưy]+(ng|nh|ch|[cmnpt])?")


def _abbreviation_like(low: str) -> bool:
    """Is a lower-cased word no Vietnamese syllable ("ubnd", "thcs", "vhttdl"): an abbreviation?"""
    return _SYLLABLE.fullmatch(ascii_fold(low)) is None


@lru_cache(maxsize=1)
def _lower_words() -> frozenset[str]:
    """Words written in lower case inside names and places: administrative words, the later words of heads."""
    from libkg.extract.lexicon import org_heads
    words = {w for key in ADMIN_WORDS for w in key if w.islower()}
    words |= {w.lower() for heads in org_heads().values() for h in heads for w in h.words[1:]}
    return frozenset(words)
