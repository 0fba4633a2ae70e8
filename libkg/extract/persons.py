"""Pipeline component ``persons``: personal names and every mention of them.

A Vietnamese personal name is a run of 2–5 capitalised syllables, family name
first ("Nguyễn Thị Hòa", "Thào A Lử", "H'Lim Byă").  Two ways in:

* after a title or descriptor from ``data/lexicon/titles.tsv`` (Ông, bà,
  đồng chí, đ/c, ThS., PGS.TS., NGƯT, Thiếu tá, nhà văn, các đồng chí: ...):
  any run of two or more syllables is a name; one syllable ("bà Nga") is a
  short mention resolved to the full name it ends;
* without a title (lists "các ông, bà: A - ...; B - ...", "Giám đốc Thư viện
  tỉnh X Nguyễn Văn A"): a run of three or more syllables opening with a family
  name from ``data/lexicon/surnames.txt``.

A run stops before role words and organisation heads ("Giám đốc", "Thư viện");
runs inside organisation names (Trường THCS Lê Quý Đôn, Thư viện Tạ Quang Bửu,
Đoàn TNCS Hồ Chí Minh, "trường Trung học cơ sở X", an untitled name right after
a head that carries names with no role before it: "Thư viện sách X", "Tủ sách
gia đình X"), after an administrative
word (huyện, xã ...) or a house number ("số 05 X": a street), inside quotes
(any mix of quote marks; a closing mark ends the quotation a sentence opened in), in a
byline ("X Sưu tầm"), a signature line at the end ("X - Thư viện Y", "X (tổng hợp)"),
after a credit cue even inside a line ("Tin: X", "(Ảnh: X)"), or equal to a province
name are not persons; a name after the place of an organisation name the scan
ran on into ("Hội Thư viện Việt Nam Trần Thị A") or after "và" still is.
Persons are deduplicated by exact NFC surface, so "Thuý" and "Thúy" spellings
are both kept, and a two-word form after an academic title or rank ("TS. Xuân
Định" beside "Lê Xuân Định") is listed too.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache

from libkg.extract.facts import Evidence, Person
from libkg.extract.gazetteer import countries, place_cues, provinces
from libkg.extract.lexicon import (
    ADMIN_WORDS,
    Tok,
    bare_admin_before,
    ffold,
    folded_phrases,
    match_admin,
    match_head,
    match_role,
    phrases,
    sentence_tokens,
    surnames,
    title_re,
    titles,
)
from libkg.extract.mentions import PersonMention
from libkg.extract.orgscan import scan as scan_orgs
from libkg.extract.pipeline import Doc, component
from libkg.extract.spans import Cover

# words after which a capitalised run is no person ("đường Nguyễn Trãi", "tỉnh Lào Cai"): name_stop_before.txt
# and every word of an administrative prefix (admin_prefixes.tsv, through lexicon.ADMIN_WORDS)
_NAME_STOP_BEFORE = frozenset(phrases("name_stop_before.txt")) | {w for key in ADMIN_WORDS for w in key}


@lru_cache(maxsize=1)
def _title_kind() -> dict[str, str]:
    return dict(titles())


@lru_cache(maxsize=1)
def _memorial_re() -> re.Pattern[str]:
    """A memorial head ("Khu mộ", "Đền thờ") and the words after it, up to the end of the window."""
    heads = "|".join(re.escape(w) for w in place_cues().get("memorial", ()))
    # the words between the head and the name: no clause punctuation, no joining word ("và", "do" ...)
    between = r"(?:(?!\b(?:và|do|với|cùng|của|tại|ông|bà)\b)[^,.;:()“”\"!?])*"
    return re.compile(r"(?<!\w)(?:" + heads + r")(?!\w)" + between + "$")


def _in_memorial(text: str, s: int, start: int) -> bool:
    """Is the name at ``start`` part of a site named after a person ("Khu mộ Đại tướng Võ Nguyên Giáp",
    "Đền thờ Anh hùng dân tộc Nguyễn Trung Trực")?  Such a site is a place, and the person is not a
    participant of the article."""
    return bool(_memorial_re().search(text, max(s, start - 50), start))


@lru_cache(maxsize=1)
def _province_keys() -> frozenset[str]:
    return frozenset(provinces())


def _name_token(t: Tok) -> bool:
    s = t.text
    if not s[0].isupper() or not s[0].isalpha():
        return False
    if len(s) >= 2 and s.upper() == s and "'" not in s:
        return False  # UBND, NGƯT
    return s.isalpha() or s.replace("'", "").replace("’", "").isalpha()  # letters and apostrophes only


_HYPHENS = frozenset("-‐")


def _glued_hyphen(toks: list[Tok], k: int) -> bool:
    """Does token ``k`` go on with a hyphen glued to letters on both sides ("Sung-ho", "Mai-Anh")?  Not when
    a role starts after the hyphen: a dash written without spaces before a role ("Nguyễn Văn A-Giám đốc")."""
    if k + 2 >= len(toks):
        return False
    h, b = toks[k + 1], toks[k + 2]
    return (h.text in _HYPHENS and h.start == toks[k].end and b.start == h.end
            and b.text.isalpha() and match_role(toks, k + 2) is None)


def _stops_run(toks: list[Tok], i: int, k: int) -> bool:
    """Does a role word or an organisation head at token ``k`` end the name run that started at ``i``?"""
    if k - i == 2 and k + 1 < len(toks) and toks[k + 1].cap and match_role(toks, k + 1) is not None:
        return False  # "Lê Văn Thành Ủy viên ...": a given name, then a capitalised role (not "Thành ủy")
    head = match_head(toks, k) if k > i else None
    if head is not None:
        # "... Tuấn Thư viện": an organisation starts here
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        # a one-word head closing a run of two or more syllables is a given name ("Hoàng Xuân Trường,")
        if len(head.words) > 1 or (nxt is None or not nxt.text[0].isupper()) and k - i < 2:
            return True
    role = match_role(toks, k)
    return role is not None and (k + 1 >= len(toks) or not toks[k + 1].text[0].isupper() or len(role.words) > 1)


def _bad_letter(toks: list[Tok], i: int, k: int, titled: bool) -> bool:
    """Single letters only inside ethnic-minority names: "Thào A Lử", "Y Moan Niê"; "A" opens one only after
    a title ("ông A Khuyên")."""
    if len(toks[k].text) != 1:
        return False
    if toks[k].text not in ("A", "Y") or k + 1 >= len(toks) or not _name_token(toks[k + 1]):
        return True
    return toks[k].text == "A" and k == i and not titled


def _run(toks: list[Tok], i: int, limit: int = 5, titled: bool = False) -> tuple[int, int]:
    """Length of the personal-name run starting at token ``i``: (tokens, syllables).

    A syllable joined to the next by a hyphen with no space ("Park Sung-ho", "Nguyễn Thị Mai-Anh")
    is one syllable of three tokens."""
    k = i
    syl = 0
    while k < len(toks) and syl < limit and _name_token(toks[k]):
        if k > i and _glued_initial(toks, k):  # "Nguyễn T.Thanh Lai": the initial of a middle name
            k += 2
            syl += 1
            continue
        if _stops_run(toks, i, k) or _bad_letter(toks, i, k, titled):
            break
        k += 3 if _glued_hyphen(toks, k) else 1
        syl += 1
    return k - i, syl


def _glued_initial(toks: list[Tok], k: int) -> bool:
    """Is token ``k`` one capital letter with a dot glued after it and a name word after that ("T.Thanh",
    "T. Thanh"): a middle name written as its initial, as staff lists do ("Trần T.Mai Anh")?"""
    t = toks[k]
    if len(t.text) != 1 or k + 2 >= len(toks) or toks[k + 1].text != "." or toks[k + 1].start != t.end:
        return False
    nxt = toks[k + 2]
    return (_name_token(nxt) and len(nxt.text) > 1 and nxt.start - toks[k + 1].end <= 1
            and ffold(nxt.text) not in _title_words())


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Folded one-word titles ("ông", "bà"): a name never goes on into one."""
    return frozenset(ffold(t) for t, _ in titles() if " " not in t)


def _token_at(toks: list[Tok], pos: int) -> int | None:
    """Index of the token starting at ``pos``, or None: a bisection, token starts increase."""
    i = bisect_left(toks, pos, key=_tok_start)
    return i if i < len(toks) and toks[i].start == pos else None


def _tok_start(t: Tok) -> int:
    return t.start


def _inside_quotes(text: str, s: int, pos: int) -> bool:
    """Is ``pos`` inside a quotation opened in the sentence?  Pages mix the marks (an opening '"' closed by
    '”'), so an odd number of quote marks of any kind before it means inside, unless the last one is a closing
    '”' (the sentence began inside a quotation that ends before ``pos``)."""
    seg = text[s:pos]
    if seg.rfind("”") > max(seg.rfind("“"), seg.rfind('"')):
        return False  # the last mark closes a quotation: "... lâu dài”, thượng tướng A nhấn mạnh"
    return (seg.count("“") + seg.count("”") + seg.count('"')) % 2 == 1


class _Scan:
    """What the name rules of one article need: its text, the organisation spans, the lexicons."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc.text
        spans = [(toks[h.start].start, toks[h.end - 1].end) for h, toks, _ in scan_orgs(doc) if not h.short]
        self.orgs = Cover(spans)
        self.org_starts = {e: s for s, e in spans}  # an organisation name's end -> its start
        self.tkind = _title_kind()
        self.sur = surnames()
        self.pkeys = _province_keys()


def _titled_ok(sc: _Scan, s: int, m: re.Match, a: int, b: int) -> bool:
    """May the titled run ``text[a:b]`` after title match ``m`` be a person?"""
    text = sc.text
    if sc.orgs.covers(a, b) or _inside_quotes(text, s, a):
        return False
    prev = text[max(s, m.start() - 12):m.start()].split()
    if prev and prev[-1] in _NAME_STOP_BEFORE:
        return False
    if ffold(text[m.start():b]) in sc.pkeys or ffold(text[a:b]) in sc.pkeys:
        return False
    return sc.tkind.get(m.group(1)) == "honorific" or not _in_memorial(text, s, m.start())


def _titled(sc: _Scan, toks: list[Tok], sent: tuple[int, int], raw: list[dict], taken: set[int]) -> None:
    """Names after a title or descriptor: any run of one or more syllables."""
    text = sc.text
    s, e = sent
    for m in title_re().finditer(text, s, e):
        title = m.group(1)
        j = m.end()
        while j < e and text[j] == " ":
            j += 1
        i = _token_at(toks, j)
        if i is None or title_re().match(text, j) is not None:
            continue  # "Ông Ông A", "đồng chí Thiếu tướng B": the name follows the last title
        nt, n = _run(toks, i, titled=True)
        if n == 0:
            continue
        a, b = toks[i].start, toks[i + nt - 1].end
        if not _titled_ok(sc, s, m, a, b) or _signature(sc.text, m.start(), b) or _credited(sc.text, m.start()):
            continue
        kind = sc.tkind.get(title, "honorific")
        shown = title if kind != "descriptor" and not title.startswith("các ") else None
        raw.append({"start": a, "end": b, "surface": text[a:b], "title": shown, "n": n, "titled": True,
                    "sent": sent})
        taken.update(range(i, i + nt))


def _untitled_start(sc: _Scan, toks: list[Tok], i: int) -> bool:
    """May an untitled name of three syllables start at the family name ``toks[i]``?"""
    if i + 2 >= len(toks) or not (_name_token(toks[i + 1]) and (_name_token(toks[i + 2])
                                                                 or _glued_initial(toks, i + 1))):
        return False  # a run of three needs three name tokens (or an initial): skip the costlier _run
    prev = toks[i - 1].text if i else ""
    # "Bình Dương Nguyễn Thị Mỹ Hạnh": the province's last syllable, then the name
    return not (prev and ffold(f"{prev} {toks[i].text}") in sc.pkeys)


_HOUSE_NUMBER = re.compile(r"\d+[A-Za-z]?(?:/\d+[A-Za-z]?)?")


def _house_number_before(toks: list[Tok], i: int) -> bool:
    """Is the run at ``i`` a street in an address ("số 05 Phạm Hữu Lầu", "địa chỉ 17B Trần Hưng Đạo")?"""
    if i < 1 or not _HOUSE_NUMBER.fullmatch(toks[i - 1].text):
        return False
    if any(c.isalpha() for c in toks[i - 1].text):
        return True  # "17B", "25A"
    for cue in folded_phrases("street_cues.txt"):
        k = i - 1 - len(cue)
        if k >= 0 and tuple(ffold(t.text) for t in toks[k:i - 1]) == cue:
            return True
    return False


def _ends_with_phrase(toks: list[Tok], i: int, name: str) -> bool:
    """Do the tokens before ``i`` end with a phrase of the word list ``name``?"""
    return any(i >= len(p) and tuple(ffold(t.text) for t in toks[i - len(p):i]) == p for p in folded_phrases(name))


def _school_named(toks: list[Tok], i: int) -> bool:
    """Is the run at ``i`` a school's name ("trường Trung học cơ sở Lý Thường Kiệt", "THCS Lê Lợi")?"""
    return _ends_with_phrase(toks, i, "name_prefixes.txt")


def _byline(toks: list[Tok], last: int) -> bool:
    """Does the run's last word start a byline phrase with the next word ("Nguyễn Văn A Sưu tầm")?"""
    return last + 1 < len(toks) and _ends_with_phrase(toks, last + 2, "byline_words.txt")


def _province_named(sc: _Scan, toks: list[Tok], i: int, a: int, b: int) -> bool:
    """Is the run at ``i`` (or its first two or three words) a province's name?"""
    return ffold(sc.text[a:b]) in sc.pkeys or any(ffold(" ".join(t.text for t in toks[i:i + k])) in sc.pkeys
                                                  for k in (2, 3))


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Folded names of provinces and countries."""
    return frozenset(countries()) | _province_keys()


def _name_after_org(sc: _Scan, toks: list[Tok], i: int) -> bool:
    """Does a personal name at ``i`` follow an organisation name the scan ran on into it: after its place
    ("Hội Thư viện Việt Nam Trần Thị Hoa cho biết") or after "và" ("Trường THCS Lê Lợi và Đặng Thu Hà")?"""
    if i >= 1 and toks[i - 1].text == "và":
        return True
    places = _place_names()
    return any(i - k >= 0 and ffold(" ".join(t.text for t in toks[i - k:i])) in places for k in (2, 3, 1))


def _role_reaches(toks: list[Tok], hs: int) -> bool:
    """Does a role word end at or run over token ``hs`` ("Giám đốc Thư viện ...", "Hội viên ...")?"""
    for p in range(max(0, hs - 4), hs + 1):
        r = match_role(toks, p)
        if r is not None and p + len(r.words) >= hs:
            return True
    return False


def _carried_by_org(toks: list[Tok], i: int) -> bool:
    """Is the run at ``i`` the name an institution carries ("Thư viện Tạ Quang Bửu", "Tủ sách gia đình
    Lê Văn A", "thư viện Trần Văn B"): a head of ``name_carriers.txt`` opening the name right before it
    and no role word before the head ("Giám đốc Thư viện Nguyễn Văn A" names a person)?"""
    for words in folded_phrases("name_carriers.txt"):
        hs = i - len(words)
        if hs >= 0 and tuple(ffold(t.text) for t in toks[hs:i]) == words:
            # the head opens the name: not the end of a longer one ("Vụ trưởng Vụ Thư viện Lê Văn A")
            return not (hs and toks[hs - 1].cap) and not _role_reaches(toks, hs)
    return False


_SIGNATURE_REST = re.compile(r"[ \t]*(?:[-–—][ \t]*[^\n.!?:;]{2,80}|\([^\n()]{2,80}\))?[ \t]*")
_SIGNATURE_TAIL = re.compile(r"\s*(?:\([^\n()]{2,80}\)\s*)?")  # nothing, or a unit in brackets on the next line
_SENTENCE_END = frozenset('.!?…"”')


def _signature(text: str, a: int, b: int) -> bool:
    """Is the name at ``text[a:b]`` (``a``: its title, if any) the author's signature at the end of the
    article, page furniture: its line opens with it and holds only a unit after a dash or in brackets ("A -
    Thư viện X", "A (tổng hợp)"); it is the last line, or the one before a last line in brackets; and the
    line before ends a sentence (so a list of names, each on its line, is not a signature)."""
    ls = text.rfind("\n", 0, a) + 1
    le = text.find("\n", b)
    le = len(text) if le < 0 else le
    if text[ls:a].strip() or not _SIGNATURE_REST.fullmatch(text, b, le) \
            or not _SIGNATURE_TAIL.fullmatch(text, le):
        return False
    k = ls - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    return k < 0 or text[k] in _SENTENCE_END


@lru_cache(maxsize=1)
def _credit_re() -> re.Pattern[str]:
    """A byline or photo credit cue and its colon, ending where a name starts ("Tin: ", "(Ảnh: ", "Tin, ảnh:")."""
    cues = sorted(phrases("org_byline_cues.txt"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c) for c in cues) + r")\s*:\s*$", re.I)


def _credited(text: str, a: int) -> bool:
    """Is the name at ``a`` a credit, page furniture: right after "Tin:", "Ảnh:", "Bài và ảnh:" even inside a
    line ("... tỉnh Trà Vinh.Tin: A", "(Ảnh: B)")?"""
    return _credit_re().search(text, max(0, a - 16), a) is not None


def _org_head_ending_at(sc: _Scan, toks: list[Tok], end: int) -> int | None:
    """The token index where the organisation name ending at character ``end`` starts, if one does."""
    start = sc.org_starts.get(end)
    return _token_at(toks, start) if start is not None else None


def _holder_after_org(sc: _Scan, toks: list[Tok], i: int) -> bool:
    """Is the run at ``i`` the holder named right after a role and its organisation ("Phó Giám đốc Sở Văn hóa
    Nguyễn Văn A"): an organisation name ends at the word before it, and a role word reaches that name's head?
    Then the name's last word ("hóa") is no word that a name cannot follow."""
    hs = _org_head_ending_at(sc, toks, toks[i - 1].end) if i else None
    return hs is not None and _role_reaches(toks, hs)


def _holder_ending_org(sc: _Scan, toks: list[Tok], i: int, nt: int) -> bool:
    """Is the run at ``i`` the holder named after a role and an organisation the scan ran on into the name
    ("Giám đốc Nhà xuất bản Kim Đồng Bùi Tuấn Nghĩa cho biết"): an organisation name ends with the run, a role
    word reaches its head, two capitalised words of the name stand between its head and the run, and no
    capitalised word follows the run?"""
    hs = _org_head_ending_at(sc, toks, toks[i + nt - 1].end)
    if hs is None or i - hs < 3 or not _role_reaches(toks, hs) or not (toks[i - 1].cap and toks[i - 2].cap):
        return False
    return i + nt >= len(toks) or not toks[i + nt].cap


def _holder_after_admin(sc: _Scan, toks: list[Tok], i: int, nt: int) -> bool:
    """Is the run at ``i`` the holder named after a role, an organisation's head and a bare administrative word
    ("Chủ tịch UBND huyện Nguyễn Văn A phát biểu", "Bí thư Đảng ủy xã Lê Văn B"): the organisation ends with
    the administrative word or the scan ran it on into the run, a role reaches its head, and no capitalised
    word follows the run?"""
    a = bare_admin_before(toks, i)
    if not a or i + nt < len(toks) and toks[i + nt].cap:
        return False
    hs = _org_head_ending_at(sc, toks, toks[i + nt - 1].end)
    if hs is None:  # the head right before the administrative word ("UBND huyện": a short name, not scanned)
        hs = next((k for k in range(max(0, i - a - 4), i - a)
                   if (h := match_head(toks, k)) is not None and k + len(h.words) == i - a), None)
    return hs is not None and hs < i - a and _role_reaches(toks, hs) and not _named_in_org(sc, toks, i, nt)


def _named_in_org(sc: _Scan, toks: list[Tok], i: int, nt: int) -> bool:
    """Does the text name the run at ``i`` elsewhere inside an organisation's name ("Đồn Biên phòng Ma Ly Pho"
    beside "UBND xã Ma Ly Pho"): a place's name, no person's?"""
    a, b = toks[i].start, toks[i + nt - 1].end
    run = sc.text[a:b]
    at = sc.text.find(run)
    while at >= 0:
        if at != a and sc.orgs.covers(at, at + len(run)):
            return True
        at = sc.text.find(run, at + 1)
    return False


def _untitled_ok(sc: _Scan, toks: list[Tok], s: int, i: int, nt: int) -> bool:
    """May the untitled run of ``nt`` tokens at ``i`` be a person (not an organisation, place or quote)?"""
    text = sc.text
    a, b = toks[i].start, toks[i + nt - 1].end
    prev = toks[i - 1].text if i else ""
    # "UBND tỉnh Nguyễn Văn A": after "tỉnh" only a province is a place
    after_tinh = prev == "tỉnh" and ffold(" ".join(t.text for t in toks[i:i + 2])) not in sc.pkeys
    after_admin = _holder_after_admin(sc, toks, i, nt)
    free = after_tinh or after_admin or _holder_after_org(sc, toks, i)
    if (sc.orgs.covers(a, b) and not after_admin and not _name_after_org(sc, toks, i)
            and not _holder_ending_org(sc, toks, i, nt)
            or _inside_quotes(text, s, a)
            or not free and (prev in _NAME_STOP_BEFORE or (i > 0 and match_admin(toks, i - 1)))):
        return False
    if _province_named(sc, toks, i, a, b) or _house_number_before(toks, i) or _school_named(toks, i) \
            or _byline(toks, i + nt - 1) or _carried_by_org(toks, i):
        return False
    return not _in_memorial(text, s, a)


def _thi_middle(toks: list[Tok], k: int) -> bool:
    """Does a woman's name open at ``k`` with a family name the list lacks ("Sơn Thị Hoa", "Danh Thị Út"): a
    capitalised name word, then "Thị"?"""
    return k + 1 < len(toks) and toks[k + 1].text == "Thị" and _name_token(toks[k])


def _untitled_starts(toks: list[Tok], sur: frozenset[str]) -> list[int]:
    """Where an untitled name may open, in order: a listed family name, or a capitalised word before "Thị"
    (a woman's name whose family name the list lacks, see :func:`_thi_middle`)."""
    starts = [k for k, t in enumerate(toks) if t.text in sur]
    more = [k - 1 for k, t in enumerate(toks) if t.text == "Thị" and k and toks[k - 1].text not in sur
            and _thi_middle(toks, k - 1)]
    return sorted(starts + more) if more else starts


def _untitled(sc: _Scan, toks: list[Tok], sent: tuple[int, int], raw: list[dict], taken: set[int]) -> None:
    """Names without a title: runs of three or more syllables opening with a family name."""
    nxt_free = 0  # tokens before it belong to a name found here
    sur = sc.sur  # one attribute lookup, not one per token
    for i in _untitled_starts(toks, sur):
        if i < nxt_free or i in taken or (i + 1 < len(toks) and (i + 1) in taken):
            continue
        if not _untitled_start(sc, toks, i):
            continue
        nt, n = _run(toks, i, 4)
        a, b = toks[i].start, toks[i + nt - 1].end
        if n < 3 or not _untitled_ok(sc, toks, sent[0], i, nt) or _signature(sc.text, a, b) or _credited(sc.text, a):
            continue
        raw.append({"start": a, "end": b, "surface": sc.text[a:b], "title": None, "n": n, "titled": False,
                    "sent": sent})
        taken.update(range(i, i + nt))
        nxt_free = i + nt


def find_mentions(doc: Doc) -> list[dict]:
    """Every personal-name mention of the article, in text order."""
    sc = _Scan(doc)
    raw: list[dict] = []
    for s, e in doc.sentences:
        toks = sentence_tokens(doc, (s, e))
        taken: set[int] = set()
        _titled(sc, toks, (s, e), raw, taken)
        _untitled(sc, toks, (s, e), raw, taken)
    raw.sort(key=lambda m: m["start"])
    return raw


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _longer(m: dict, full_words: list[tuple[list[str], str]]) -> str | None:
    """The fullest name a short mention is part of: "bà Vân" / "bà Hồng Vân" end the full name; Ê Đê
    short forms open it ("ông Y Giang")."""
    words = ffold(m["surface"]).split()
    best = None
    for fw, surface in full_words:
        if len(fw) > len(words) and (fw[-len(words):] == words
                                     or fw[:len(words)] == words and (words[0] == "y" or "'" in words[0])):
            if best is None or len(surface) > len(best):
                best = surface
    return best


_FORMAL = frozenset(("academic", "rank"))


def _mention_name(m: dict, longer: str | None) -> str | None:
    """The canonical name of a mention, or None for a short mention no full name explains."""
    if m["n"] == 1 and not longer and m["title"] and "'" in m["surface"]:
        return _nfc(m["surface"])  # a one-word minority name: "ông K'Bròn"
    if m["n"] == 1 or (m["n"] == 2 and longer and _title_kind().get(m["title"] or "") not in _FORMAL):
        return longer
    # a two-word form of a longer name after an academic title or rank ("TS. Xuân Định" for "Lê Xuân
    # Định") is the text's other spelling, listed too (SCHEMA.md); after "bà", "ông" it is a short mention
    return _nfc(m["surface"])


@component("persons", requires=("text", "sentences", "title"),  # title: via the organisations scan
           assigns=("persons", "person_mentions"))
def run(doc: Doc) -> None:
    raw = find_mentions(doc)
    # full names: titled runs of 2+ syllables, untitled runs of 3+
    full_words = [(ffold(m["surface"]).split(), m["surface"]) for m in raw if m["n"] >= 2]
    persons: dict[str, Person] = {}
    mentions = []
    for m in raw:
        name = _mention_name(m, _longer(m, full_words))
        if name is None:
            continue
        s, e = m["sent"]
        ev = Evidence(m["start"], m["end"], doc.text[s:e])
        mentions.append(PersonMention(m["start"], m["end"], name, m["surface"], m["title"]))
        # a short mention's canonical name: the same spelling when it exists, else the fullest form
        if name == m["surface"] and name not in persons:
            persons[name] = Person(name=name, title=m["title"], evidence=[ev])
        elif name in persons:
            persons[name].evidence.append(ev)
    doc.persons = list(persons.values())
    doc.person_mentions = mentions
