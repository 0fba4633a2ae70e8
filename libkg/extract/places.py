"""Pipeline component ``places``: named places of the article, with kind and province.

What counts as a place (the corpus conventions, README "Annotation conventions" 9):

* administrative units after their prefix: "tỉnh Lạng Sơn" (Province), "thành phố
  Vinh" / "TP. Vinh" (City), "huyện Mường Chà", "quận Hoàn Kiếm", "thị xã ..."
  (District), "xã Sa Lông", "phường Tân Lợi", "thị trấn Đồng Đăng" (Commune), and
  lists: "các tỉnh Điện Biên, Lai Châu và Cao Bằng", "hai huyện miền núi Tân Sơn và
  Yên Lập";
* province and centrally-run city names without prefix ("quê hương Cao Bằng",
  "tại Hà Nội"), regions ("miền núi phía Bắc", "Tây Nguyên", "miền Tây", "xứ
  Nghệ"), countries ("biển, đảo Việt Nam");
* named sites: relics, monuments, squares, tourist sites wherever they occur
  ("Khu di tích Kim Liên", "Quảng trường 3/2"), and an organisation's premises
  when an event happens there ("tại Thư viện tỉnh Phú Thọ", "tại Trường Tiểu học
  Dĩnh Kế");
* villages with their word: "buôn Akô Dhông" (kind Other).

A place name inside an organisation name ("Thư viện tỉnh Lào Cai", "UBND huyện
Mường Chà"), an event name or a quoted title is not a place.  Organisation
spans come from ``doc.org_mentions`` when the organisations component
gives them, and from a left scan for an organisation head word in any case.

``doc.place_mentions``: :class:`~libkg.extract.mentions.PlaceMention` ``(start, end, name, kind, within, venue)``
(``venue`` is True for a site named after "tại").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from libkg.extract import gazetteer as gz
from libkg.extract.facts import Evidence, Place
from libkg.extract.lexicon import break_words, ffold, literal_alternation, trie_alternation
from libkg.extract.mentions import OrgMention, PlaceMention
from libkg.extract.pipeline import Doc, component
from libkg.extract.spans import Cover
from libkg.normalize import admin_prefixes, fold_place

_UP = "A-Z" + "".join(chr(c) for c in range(0xC0, 0x1EFF) if chr(c).isupper() and chr(c).isalpha())
# a capitalised syllable (Vietnamese, Ê Đê names with apostrophes) or a number inside a name
_CAP = r"[" + _UP + r"][\w'’]*"
_CAPWORD = re.compile(r"[" + _UP + r"]")
_TOKEN = re.compile(r"[^\W_][\w'’]*|[^\w\s]")
# a quoted title, its quotes matched or mixed as real pages write them ("70 năm ... Điện Biên”)
_QUOTE = re.compile(r"“[^”\n]{1,200}”|\"[^\"”\n]{1,200}”|\"[^\"\n]{1,200}\"|“[^”“\"\n]{1,200}\"")
# every alternative opens with a literal character and checks the one before it after the fact, so the
# regex engine skips in C every position no prefix starts at (see lexicon.literal_alternation); at one
# position the alternatives are tried in the order "tỉnh"..., "TX."/"Tp.", "P."/"H."/"Q.", "đặc khu"
_ADMIN_WORDS = [c + r"(?<!\w" + c + r")(?:ỉnh|hành phố|P\.|P|uyện|uận|hị xã|hị trấn|ã|hường)" for c in "tThHqQxXpP"]
_ADMIN = re.compile(
    r"(?P<prefix>" + "|".join(_ADMIN_WORDS[:2])
    + r"|T(?<![\w.]T)(?:X\.?|x\.|p\.)(?=\s|[" + _UP + r"])|" + "|".join(_ADMIN_WORDS[2:])
    + "".join(r"|" + c + r"(?<![\w.]" + c + r")\.(?=[" + _UP + r"])" for c in "PHQ")
    + r"|đ(?<!\wđ)ặc khu|Đ(?<!\wĐ)ặc khu)"
    r"(?:\s+|(?<=\.)(?=[" + _UP + r"]))")  # "TP.Biên Hòa", "P.Trung Dũng": the abbreviation glued on
# "(Đức Thọ)", "(xã Tùng Châu, Đức Thọ)": the larger units of the unit just named
_PAREN_OPEN = re.compile(r"\s*\(\s*")
# any administrative prefix of admin_prefixes.tsv ("tỉnh", "TP.", "P." ...), a longer one first
_UNIT_PREFIX = re.compile(
    "(?:" + "|".join(re.escape(p.prefix) for p in sorted(admin_prefixes(), key=lambda p: -len(p.prefix))) + r")\s*",
    re.I)
_PLURAL = re.compile(r"(?<![\w])(?:các|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|\d+)\s+$")
_NAME_RUN = re.compile(r"(?:" + _CAP + r")(?:[ \t]+(?:" + _CAP + r"|\d+))*")
_UNIT_NUMBER = re.compile(r"\d{1,2}(?![\w/])(?![.,]\d)")
_LOWER_WORD = re.compile(r"[a-zà-ỹđ][\w]*")
_PREFIX_KIND = {p.prefix.lower(): p.kind for p in admin_prefixes()}  # "tp." -> City, "p." -> Commune
# the prefixes written in capitals ("TP.", "TX"): any other prefix in capitals past its first letter is none
_CAPITAL_PREFIXES = frozenset(p.prefix for p in admin_prefixes() if p.prefix[1:] != p.prefix[1:].lower())
_LIST_SEP = re.compile(r"\s*(?:,|và|, và)\s+")
_SPACE = re.compile(r"\s")
# region tests (compiled once: an inline re.search looks its pattern up on every call)
_PROVINCES_BEFORE = re.compile(r"tỉnh(?:\s+[^\s,;.]+){0,5}\s+và\s+$|tỉnh\s+$|thành phố\s+$")
# a province name after the 'person' cues is a person's name ("Lăng Chủ tịch Hồ Chí Minh", "tư tưởng Hồ Chí Minh")
_PERSON_BEFORE = re.compile(r"(?:" + "|".join(map(re.escape, gz.place_cues()["person"])) + r")\s+$")
# words after which a province's or a country's name is an adjective ("bạn đọc Hải Phòng", "văn hóa Việt Nam")
_ADJECTIVAL_BEFORE = re.compile(
    r"(?<![\w])(?:" + "|".join(map(re.escape, gz.place_cues()["adjectival"] + gz.place_cues()["people"])) + r")\s+$")
# people of a place, after whom a region's name is an adjective too ("nhà văn xứ Thanh")
_PEOPLE_BEFORE = re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, gz.place_cues()["people"])) + r")\s+$")
_AREA_BEFORE = re.compile(r"(?<![\w])(?:vùng|khu vực|tại|ở)\s+$", re.I)
# words after which a capitalised country name is the country ("sang Nhật Bản", "giáp Lào")
_COUNTRY_BEFORE = frozenset(gz.place_cues()["country"])


def _country_aliases() -> set[str]:
    from libkg.resources import read_tsv
    out: set[str] = set()
    for row in read_tsv("gazetteer", "countries.tsv"):
        out.update(a.strip() for a in (row[1].split(",") if len(row) > 1 else []) if a.strip())
    return out


def _alt(names: list[str] | tuple[str, ...], any_case_first: bool = False) -> str:
    """A fast alternation of whole-word names: grouped by first letter, which is matched first
    (Python's regex engine scans for a leading character class quickly), the rest a trie
    (:func:`~libkg.extract.lexicon.trie_alternation`, longest name first)."""
    groups: dict[str, list[str]] = {}
    for n in sorted(set(names), key=lambda x: (-len(x), x)):
        first = n[0]
        keys = {first.lower(), first.upper()} if any_case_first else {first}
        for k in keys:
            groups.setdefault(k, []).append(n[1:])
    parts = [re.escape(k) + r"(?<!\w." + r")(?:" + trie_alternation(v) + r")" for k, v in sorted(groups.items())]
    return r"(?:" + "|".join(parts) + r")(?![\w])"


def _lead(words: tuple[str, ...] | list[str]) -> str:
    """Whole words at the start of a pattern, each opening with its first letter (a regex scan looks for a
    leading literal fast; a leading look-behind makes it try every position)."""
    return literal_alternation(words)


def _any_case_lower_words(names: list[str] | tuple[str, ...]) -> list[str]:
    """``names`` with each word written in lower case after the first allowed a capital too ("Đồng bằng Sông
    Hồng" for "Đồng bằng sông Hồng"), every spelling of a name next to each other; a capitalised word stays as
    it is ("Tây Bắc", never "tây bắc")."""
    out: list[str] = []
    for name in names:
        spellings = [""]
        for i, c in enumerate(name):
            cases = dict.fromkeys(c + c.upper()) if i > 1 and name[i - 1] == " " and c.islower() else (c,)
            spellings = [x + y for x in spellings for y in cases]
        out.extend(spellings)
    return out


@dataclass(frozen=True)
class _Rules:
    """The compiled cue patterns and word sets of place_cues.tsv and the gazetteers."""

    org_head: re.Pattern[str]
    site: re.Pattern[str]
    natural: re.Pattern[str]
    venue: re.Pattern[str]
    went: re.Pattern[str]
    next_venue: re.Pattern[str]
    described: re.Pattern[str]
    venue_head: re.Pattern[str]
    joined: re.Pattern[str]
    locality: re.Pattern[str]
    village_prefix: frozenset[str]
    breakers: frozenset[str]
    descriptor: re.Pattern[str]
    bare: re.Pattern[str]
    region: re.Pattern[str]
    directional: re.Pattern[str]
    country: re.Pattern[str]


@lru_cache(maxsize=1)
def _res() -> _Rules:
    cues = gz.place_cues()
    word = trie_alternation  # the words in the order given, as a trie
    prov_names = {p.name for ps in gz.provinces().values() for p in ps} | set(gz.alias_names())
    return _Rules(
        org_head=re.compile(r"(?:" + word(cues["org"]) + r")(?![\w])"),
        site=re.compile(_alt(cues["site"]) + r"(?=\s+\S)"),
        # each word opens with its letter (_lead): the engine then scans for those letters in C
        natural=re.compile(_lead(cues["natural"]) + r"\s+(?=[" + _UP + r"])"),
        # "tại Thư viện tỉnh X", "tại sân Trường ...", "tại cơ sở 1 của Thư viện ..."
        venue=re.compile(r"(?:t(?<!\wt)ại|T(?<!\wT)ại|ở(?<!\wở)|Ở(?<!\wỞ)|tham quan|phục vụ[^.;:]{0,40}?học sinh)\s+(?:(?P<list>" + word(cues["venue_list"]) + r")\s*:\s*)?(?:(?:"
                            + word(cues["venue_part"]) + r")(?:\s+\d+)?"
                            r"\s+(?:của\s+)?)?(?P<head>(?:"
                            + word(cues["venue"]) + r")(?=\s)|(?:" + word(cues["venue_lower"])
                            + r")(?=\s+(?:(?:" + word(cues["venue_lower_unit"]) + r")\s+)?[" + _UP + r"]))"),
        # "đưa sách đến Đồn Biên phòng X": a place gone to
        went=re.compile(_lead(cues["venue_motion"]) + r"\s+(?P<head>(?:" + word(cues["venue_gone_to"])
                        + r")(?=\s))"),
        # "Đồn Biên phòng A, Đồn Biên phòng B": the next venue of a list
        next_venue=re.compile(r"(?P<sep>\s*[,;]\s*)(?P<head>(?:" + word(cues["venue"]) + r")(?=\s))"),
        # "tại di tích Lầu X", "tại không gian Y": a lower-case word before a site's own capitalised name
        described=re.compile(_lead(("tại", "ở")) + r"\s+(?:" + word(cues["site_descriptor"]) + r")\s+(?=[" + _UP + r"])"),
        venue_head=re.compile(r"(?:" + word(cues["venue"] + cues["org"]) + r")(?![\w])"),
        joined=re.compile(r"(?:" + word(cues["joined"]) + r")\s"),
        locality=re.compile(r"(?P<w>" + _alt(cues["locality"], any_case_first=True) + r")\s+(?=[" + _UP + r"]|\d)"),
        village_prefix=frozenset(w.lower() for w in cues["village_prefix"]),
        breakers=frozenset(cues["breaker"]),
        descriptor=re.compile(r"(?:" + word(cues["descriptor"]) + r")\s+(?=[" + _UP + r"])"),
        bare=re.compile(_alt(sorted(prov_names))),
        region=re.compile(_alt(_any_case_lower_words([r.name for r in gz.regions().values()]), any_case_first=True)),
        # "khu vực Tây Gia Lai": a compass word before a province's name
        directional=re.compile(_lead(cues["direction"]) + r"\s+" + _alt(sorted(prov_names))),
        country=re.compile(_alt(sorted({*gz.countries().values()} | {a for a in _country_aliases()}))),
    )


# --------------------------------------------------------------------------- spans


def _tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [(m.start() + lo, m.end() + lo, m.group(0)) for m in _TOKEN.finditer(text[lo:hi])]


_TAIL_NEED = 18  # inside_name reads at most the last 17 tokens and the one before them


def _tail_tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """``_tokens(text, lo, hi)`` or a suffix of it holding at least its last ``_TAIL_NEED`` tokens.

    Tokenising from just after a white-space character gives the same tokens
    as tokenising from further left (no token holds white space), so the last
    ~90 characters are tried first and the whole window only when they hold
    too few tokens.
    """
    near = hi - 90
    if near > lo:
        ws = _SPACE.search(text, near, hi)
        if ws is not None:
            toks = _tokens(text, ws.end(), hi)
            if len(toks) >= _TAIL_NEED:
                return toks
    return _tokens(text, lo, hi)


def inside_name(text: str, pos: int, lo: int) -> bool:
    """True when the text just before ``pos`` is the start of an organisation/event name.

    Scans back over the words of a name (capitalised words, their lower-case
    syllables, "và", commas before a capitalised word, " - ") until an
    organisation head ("Thư viện", "Sở", "UBND", "Trường", "Cuộc thi" ...)
    starts one; a function word ("tại", "của", "các" ...) or punctuation ends the scan.
    The scan mostly ends within a few words: the last ~40 characters are read first (their tokens are the
    last ones of the whole window, see :func:`_tail_tokens`), the window only when they do not decide.
    """
    start = max(lo, pos - 160)
    if pos - _NEAR_CHARS > start:
        ws = _SPACE.search(text, pos - _NEAR_CHARS, pos)
        if ws is not None:
            found = _scan_back(text, _tokens(text, ws.end(), pos), pos, partial=True)
            if found is not None:
                return found
    return bool(_scan_back(text, _tail_tokens(text, start, pos), pos, partial=False))


_NEAR_CHARS = 40


def _scan_back(text: str, toks: list[tuple[int, int, str]], pos: int, partial: bool) -> bool | None:
    """:func:`inside_name` over ``toks``, the last tokens before ``pos``; None when ``partial`` (tokens
    before them not given) and the scan reaches the first token undecided."""
    r = _res()
    heads: re.Pattern[str] = r.org_head
    breakers: frozenset[str] = r.breakers
    steps = 0
    for i in range(len(toks) - 1, -1, -1):
        if partial and i == 0:
            return None
        s, e, t = toks[i]
        steps += 1
        if steps > 16:
            return False
        if not t[0].isalnum():
            nxt = toks[i + 1][2] if i + 1 < len(toks) else ""
            if t == "," and nxt[:1].isupper() and nxt not in ("Phó", "Giám", "Chủ", "Trưởng"):
                continue
            if t in "-–" and _starts_part(text, toks[i + 1][0] if i + 1 < len(toks) else pos):
                return False  # "Trường X – TP Long Xuyên": an address after the name, not in it
            if t in "-–&" or (t == "." and i > 0 and toks[i - 1][2] == "TP"):
                continue
            return False
        if t in breakers:
            return False
        if heads.match(text, s):
            return True
    return None if partial else False


def _org_spans(doc: Doc) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in doc.org_mentions]


def _person_spans(doc: Doc) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in doc.person_mentions]


# a bulleted line ("  • Đà Nẵng: Sơ kết ..."): in a run of them, a menu or a list of other news (page chrome)
_BULLET_LINE = re.compile(r"^[ \t]*[•▪►][^\n]*", re.M)
_BULLET_RUN = 3


def _bullet_runs(text: str) -> Cover | None:
    """The spans of runs of at least ``_BULLET_RUN`` bulleted lines (blank lines between them allowed)."""
    if "•" not in text and "▪" not in text and "►" not in text:
        return None
    runs: list[tuple[int, int]] = []
    start = end = -1
    n = 0
    for m in _BULLET_LINE.finditer(text):
        if n and not text[end:m.start()].strip():
            end, n = m.end(), n + 1
            continue
        if n >= _BULLET_RUN:
            runs.append((start, end))
        start, end, n = m.start(), m.end(), 1
    if n >= _BULLET_RUN:
        runs.append((start, end))
    return Cover(runs) if runs else None


def _content_regions(doc: Doc) -> list[tuple[int, int]]:
    regions = list(doc.sentences)
    if doc.title:  # a real page's headline may name a place its excerpt does not repeat
        regions.append(doc.title)
    if not regions:  # no content sentences: every line, but the bulleted lists of the page's chrome
        bullets = _bullet_runs(doc.text)
        pos = 0
        for line in doc.text.split("\n"):
            if line.strip() and (bullets is None or not bullets.covers(pos, pos + len(line))):
                regions.append((pos, pos + len(line)))
            pos += len(line) + 1
    return sorted(regions)


def _starts_part(text: str, pos: int) -> bool:
    """An administrative unit or a site begins at ``pos``: after a dash it is the next part of an
    address ("Khách sạn X - Khu du lịch Y - Thị trấn Z"), not more of the name (an institution
    is: "Trung tâm Số - Đại học Thái Nguyên")."""
    return bool(_ADMIN.match(text, pos) or _res().site.match(text, pos))


def _punct_in_name(text: str, toks: list[tuple[int, int, str]], i: int) -> str | None:
    """How a punctuation token inside a name reads: "skip" (goes on), "keep" (ends a part: "TP."),
    or None (ends the name)."""
    t = toks[i][2]
    nxt = toks[i + 1][2] if i + 1 < len(toks) else ""
    prev = toks[i - 1][2] if i > 0 else ""
    if t in "-–" and nxt[:1].isupper():
        return None if _starts_part(text, toks[i + 1][0]) else "skip"
    if t == "." and prev == "TP":
        return "keep"
    if t == "/" and prev.isdigit() and nxt.isdigit():
        return "skip"
    return None


def _word_ends_name(text: str, toks: list[tuple[int, int, str]], i: int, loose: bool) -> bool | None:
    """True when word ``i`` ends the name, None when it is skipped ("và" in a relic's name)."""
    s, _e, t = toks[i]
    r = _res()
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if i > 0 and t in r.breakers and not (loose and t in ("của", "nơi")):
        return True
    if loose and i > 0 and t in _CLAUSE_WORDS and toks[i - 1][2][:1].isupper():
        return True  # a site's proper name ends on a word that opens a clause ("Vườn hoa Lê Quý Đôn | tạo ...")
    if t != "và":
        return False
    if loose and r.joined.match(text, nxt[0] if nxt else s):
        return None  # "Khu di tích lịch sử và danh thắng Yên Tử"
    return not (nxt is not None and nxt[2][:1].isupper() and not r.site.match(text, nxt[0]))


_CLAUSE_WORDS = break_words() - {"và"}  # "và" is read by _word_ends_name (a relic's joined name)


def _name_extent(text: str, start: int, hi: int, loose: bool, head_end: int = 0) -> int:
    """End of a site/organisation name starting at ``start`` (its head included).

    The name runs over words until punctuation or a function word; ``loose``
    (relics: "Di tích ... nơi hy sinh của 60 liệt sĩ ...") lets "của"/"nơi" in. The words of the head
    (up to ``head_end``) never end it ("Vườn hoa X", "Phố đi bộ Y": "hoa", "đi" end other names).
    """
    toks = _tokens(text, start, hi)
    end = start
    n = 0
    for i, (s, e, t) in enumerate(toks):
        if s < head_end:
            end, n = e, n + 1
            continue
        if not t[0].isalnum():
            how = _punct_in_name(text, toks, i)
            if how is None:
                break
            if how == "keep":
                end = e
            continue
        ends = _word_ends_name(text, toks, i, loose)
        if ends:
            break
        if ends is None:
            continue
        n += 1
        if n > (30 if loose else 22):
            break
        end = e
    # a name does not end on a lower-case function-like word
    while end > start and text[start:end].split()[-1] in ("và", "-", "–"):
        end = start + text[start:end].rstrip().rfind(" ")
    return end


# --------------------------------------------------------------------------- finding


@dataclass
class _Scan:
    """What the finders share while they read one article: the text, the spans that block a
    place (organisations, persons, quotes) and the characters taken so far (one byte each, so
    that a test costs the candidate's length, never the number of mentions)."""

    text: str
    org_at: dict[int, OrgMention]
    org_cover: Cover
    persons: Cover
    out: list[PlaceMention]
    used: bytearray
    lo: int = 0
    hi: int = 0
    blocked: Cover | None = None  # the quotes of the region read

    def free(self, s: int, e: int) -> bool:
        return self.used.find(1, s, e) < 0

    def block(self, s: int, e: int) -> None:
        self.used[s:e] = b"\x01" * (e - s)

    def is_blocked(self, s: int, e: int) -> bool:
        return (self.blocked is not None and self.blocked.covers(s, e)) or self.persons.covers(s, e)

    def ok(self, s: int, e: int, check_org: bool = True) -> bool:
        if self.is_blocked(s, e) or not self.free(s, e):
            return False
        return not (check_org and (self.org_cover.covers(s, e) or inside_name(self.text, s, self.lo)))

    def take(self, m: PlaceMention) -> None:
        self.out.append(m)
        self.block(m.start, m.end)


def _sites(sc: _Scan) -> None:
    """Named sites (relics, monuments, squares ...): "Khu di tích Kim Liên"."""
    text, lo, hi = sc.text, sc.lo, sc.hi
    r = _res()
    for m in r.site.finditer(text, lo, hi):
        s = m.start()
        prev = text[max(lo, s - 30):s].split()
        if prev and prev[-1][:1].isupper() and prev[-1] not in ("Tại",):
            continue  # "Ma Đình Tuấn": a syllable of a name, not a head
        e = _name_extent(text, s, hi, loose=True, head_end=m.end())
        head_len = m.end() - s
        if e - s <= head_len + 1 or not sc.ok(s, e, check_org=False) or sc.org_cover.covers(s - 1, e):
            continue  # "Trung tâm Bảo tồn di tích Cố đô Huế": a site's name inside an organisation's
        after = text[m.end():e].split()
        if not any(w[:1].isupper() or w[:1].isdigit() for w in after):
            continue  # "Công viên nước" is no name
        sc.take(PlaceMention(s, e, text[s:e], "Site"))


def _natural_sites(sc: _Scan) -> None:
    """Natural sites under a lower-case head: "vịnh Hạ Long", "sông Bến Hải" (kind Other)."""
    text = sc.text
    for m in _res().natural.finditer(text, sc.lo, sc.hi):
        prev = text[max(sc.lo, m.start() - 12):m.start()].split()
        if prev and prev[-1].lower() in ("miền", "vùng", "bằng"):
            continue  # "huyện miền núi Tân Sơn", "đồng bằng sông Hồng": a unit's or a region's words
        n = _NAME_RUN.match(text, m.end(), sc.hi)
        if n and sc.ok(m.start(), n.end()):
            sc.take(PlaceMention(m.start(), n.end(), text[m.start():n.end()], "Other"))


def _venue_span(sc: _Scan, m: re.Match[str]) -> tuple[int, int, str] | None:
    """The span and name of the venue whose head ``m`` matched (group "head"), or None when it is no venue."""
    text = sc.text
    s = m.start("head")
    org = sc.org_at.get(s)
    e = org.end if org else _name_extent(text, s, sc.hi, loose=False)
    if org and (code := _SCHOOL_CODE.match(text, e, sc.hi)):
        e = code.end()  # "Trường Tiểu học An Thạnh 3B": the code of one of a commune's schools ends its name
    inner = None if org else sc.org_at.get(m.end("head") + 1)
    if inner is not None and text[m.end("head")] == " " and inner.end > e:
        e = inner.end  # "tại Hội trường Sở Văn hóa, Thể thao và Du lịch": the hall of the organisation
    if e - s <= len(m.group("head")) + 1:
        return None
    # "tại Thư viện tỉnh" (a short mention) is the library the article named in full
    name = org.name if org and e == org.end else text[s:e]
    return s, e, _full_form(text, name) if _SHORT_FORM.search(name) else name


# a number with a letter after a name ("Tiểu học Hòa Tú 2A"): the name's last part
_SCHOOL_CODE = re.compile(r" \d{1,2}[A-ZĐ](?![\w.,]\w)")


# a short mention of an institution: its head and a level word, no name ("Thư viện tỉnh", "Bảo tàng huyện")
_SHORT_FORM = re.compile(r"\s(?:tỉnh|huyện|quận|thị xã|thành phố|xã|phường|TP\.?)$", re.I)


def _full_form(text: str, name: str) -> str:
    """The full name a short mention ("Thư viện tỉnh", "Thư viện Tổng hợp TP") stands for: the same words followed
    by a name the article gives somewhere ("Thư viện tỉnh Bà Rịa – Vũng Tàu", "... TP.HCM", inside a longer name
    too); else ``name``."""
    short, name = name, name.rstrip(".")
    glued = name.endswith(("TP", "Tp"))  # "TP.HCM": the city's name follows the abbreviation's dot
    at = 0
    while (at := text.find(name, at)) >= 0:
        after = at + len(name)
        at = after
        if glued and text[after:after + 1] == "." and (city := _NAME_RUN.match(text, after + 1)):
            return text[after - len(name):city.end()]
        if text[after:after + 1] == " " and _CAPWORD.match(text, after + 1):
            end = _name_extent(text, after + 1, min(len(text), after + 80), loose=False)
            if end > after + 1:
                return text[after - len(name):end]
    return short


def _venue_at(sc: _Scan, m: re.Match[str]) -> int | None:
    """Take the venue whose head ``m`` matched; its end (a site taken already: its end), or None."""
    span = _venue_span(sc, m)
    if span is None:
        return None
    s, e, name = span
    if not sc.free(s, e):  # a site taken already ("tại Nhà văn hóa X; Trường Y"): the list goes on after it
        return next((x.end for x in sc.out if x.start == s and x.kind == "Site"), None)
    sc.take(PlaceMention(s, e, name, "Site", venue=True))
    return e


_LIST_ITEM_END = re.compile(r"\s*(?:[,;.)\n]|và\s|$)")


def _listed_venue(sc: _Scan, nxt: re.Match[str], head: str) -> bool:
    """Is the venue after a separator the next item of a list of venues?  After ";", yes; after a comma
    only one of the same head that ends the clause or goes on with the list ("tại Thư viện A, Thư viện B
    phối hợp ...": B is the subject).  "và" is no list ("tại Thư viện A và Trường B ..." is as often
    the venue and a co-host)."""
    sep = nxt.group("sep").strip()
    if sep == ";":
        return True
    if nxt.group("head") != head:
        return False
    span = _venue_span(sc, nxt)
    return span is not None and _LIST_ITEM_END.match(sc.text, span[1]) is not None


def _venues(sc: _Scan) -> None:
    """Venues: "tại Thư viện tỉnh Phú Thọ", "tại sân Trường Tiểu học Tú Lý", "đến Đồn Biên phòng A, Đồn
    Biên phòng B" (the venues listed after one)."""
    r = _res()
    for m in [*r.venue.finditer(sc.text, sc.lo, sc.hi), *r.went.finditer(sc.text, sc.lo, sc.hi)]:
        end, head = _venue_at(sc, m), m.group("head")
        if m.groupdict().get("list"):
            _venue_list(sc, end if end is not None else m.end())
            continue
        while end is not None and (nxt := r.next_venue.match(sc.text, end, sc.hi)) is not None:
            if not _listed_venue(sc, nxt, head):
                break
            end, head = _venue_at(sc, nxt), nxt.group("head")


def _venue_list(sc: _Scan, pos: int) -> None:
    """The venues of a list announced by a plural noun ("tại các địa điểm: Hội trường UBND phường 2, 3; Trường
    Tiểu học A - phường 6, Trường B"): every venue head after a comma or a semicolon up to the sentence's end,
    whatever the items between them hold (their wards, numbers)."""
    stop = sc.text.find(". ", pos, sc.hi)
    hi = sc.hi if stop < 0 else stop
    for nxt in _res().next_venue.finditer(sc.text, pos, hi):
        _venue_at(sc, nxt)


def _described_sites(sc: _Scan) -> None:
    """A site after a lower-case descriptor, named by its capitalised words: "tại di tích Lầu X" (Site)."""
    text, r = sc.text, _res()
    for m in r.described.finditer(text, sc.lo, sc.hi):
        run = _NAME_RUN.match(text, m.end(), sc.hi)
        if run is None or len(run.group(0).split()) < 2 or r.venue_head.match(text, run.start()):
            continue
        s, e = run.span()
        if _unit_kind(run.group(0)) is None and sc.ok(s, e):
            sc.take(PlaceMention(s, e, run.group(0), "Site", venue=True))


def _after_plural(text: str, pos: int) -> int:
    """Past the descriptors of a plural unit word: "hai huyện miền núi [như] Tân Sơn"."""
    breakers = _res().breakers
    for _ in range(3):
        w = _LOWER_WORD.match(text, pos)
        if not w or not w.group(0)[0].islower() or w.group(0) in breakers:
            break
        nxt = text.find(" ", w.end())
        if nxt < 0:
            break
        pos = nxt + 1
        if _CAPWORD.match(text, pos):
            break
    if text.startswith("như ", pos):  # "các huyện miền núi như Mường Lát, Quan Sơn"
        pos += 4
    return pos


def _admin_units(sc: _Scan) -> None:
    """Administrative units after their prefix, and lists of them: "các tỉnh A, B và C"."""
    text, lo, hi = sc.text, sc.lo, sc.hi
    for m in _ADMIN.finditer(text, lo, hi):
        prefix = m.group("prefix")
        kind = _PREFIX_KIND.get(prefix.lower())
        if kind is None or prefix[1:] != prefix[1:].lower() and prefix not in _CAPITAL_PREFIXES:
            continue
        if _res().bare.match(text, m.start()):  # "Tp.HCM", "TP.HCM": an alias that begins with a prefix
            continue
        plural = bool(_PLURAL.search(text, max(lo, m.start() - 8), m.start()))
        enumerated = bool(_PLURAL.search(text[max(lo, m.start() - 8):m.start()].lower())) and (
            en := _ENUMERATION.match(text, m.end(), min(hi, m.end() + 60))) is not None
        if enumerated:
            pos = en.end()  # type: ignore[union-attr]  # "Các xã được hưởng lợi gồm: A, B và C"
        elif plural:
            pos = _after_plural(text, m.end())
        else:  # "huyện đảo Cô Tô", "xã miền núi Y": a descriptor from place_cues.tsv, then a known unit
            d = _res().descriptor.match(text, m.end())
            pos = d.end() if d else m.end()
        glued = not text[m.end() - 1].isspace()  # "TP.Biên Hòa", but "P.Dung" is a byline
        items = _admin_list(text, pos, hi, kind, strict=not enumerated and (plural or glued or pos != m.end()),
                            loose_items=enumerated)
        if not items and pos == m.end() and prefix.lower() in ("quận", "phường"):
            num = _UNIT_NUMBER.match(text, pos, hi)  # "quận 1", "phường 3"
            if num:
                items = [(m.start(), num.end(), text[m.start():num.end()], kind)]
        if not items or (not plural and not sc.ok(m.start(), items[0][1])):
            continue
        for s, e, name, k in items:
            if not sc.is_blocked(s, e) and sc.free(s, e):
                sc.take(PlaceMention(s, e, name, k))
        sc.block(m.start(), items[-1][1])


# after a plural unit word, the words announcing an enumeration of its names ("các xã được hưởng lợi gồm: ")
_ENUMERATION = re.compile(r"[^.;:\n(]{0,45}?(?<!\w)(?:" + "|".join(map(re.escape, gz.place_cues()["enumeration"]))
                          + r")\s*:?\s+(?=[" + _UP + r"])")
_COUNT = re.compile(r"\d[\d.,]*\d|\d")
# what may follow a village's number ("thôn 3 xã X", "tổ 5 của phường Y"): the first word of a district's or a
# commune's prefix (admin_prefixes.tsv), or a preposition
_AFTER_VILLAGE_NUMBER = frozenset(
    {p.prefix.split()[0] for p in admin_prefixes() if p.use == "word" and p.kind in ("District", "Commune")}
    | {"của", "thuộc", "và"})
_VILLAGE_NUMBER = re.compile(r"\d{1,3}(?![\w/]|[.,]\d)")
# words before "bản" / "khối" ... that make them no village ("xuất bản", "ấn bản", "văn bản")
_NOT_VILLAGE_BEFORE = frozenset(("xuất", "phiên", "văn", "cơ", "nguyên", "tư", "bộ", "ấn", "tái"))


def _village_at(text: str, m: re.Match[str]) -> tuple[int, str] | None:
    """The end and name of the village whose word ``m`` matched: "buôn Akô Dhông", "Văn Khang"
    (after "thôn", an administrative prefix, dropped), "thôn 5" (numbered, the word kept)."""
    word = m.group("w").lower()
    prefix = word in _res().village_prefix
    if text[m.end():m.end() + 1].isdigit():
        num = _VILLAGE_NUMBER.match(text, m.end())
        if not (prefix and num):
            return None
        after = text[num.end():num.end() + 12].split()
        if after and after[0][0].islower() and after[0] not in _AFTER_VILLAGE_NUMBER:
            return None  # "tặng thôn 300 bản sách": a count
        return num.end(), text[m.start():num.end()]
    if not m.group("w")[0].islower():
        return None  # "Bản Giốc", "Làng Sen": the word is part of a capitalised name
    n = _NAME_RUN.match(text, m.end())
    if not n:
        return None
    return n.end(), text[m.end() if prefix else m.start():n.end()]


def _villages(sc: _Scan) -> None:
    """Villages with their word: "buôn Akô Dhông", "thôn Văn Khang (xã Tùng Châu, Đức Thọ)"."""
    text = sc.text
    for m in _res().locality.finditer(text, sc.lo, sc.hi):
        prev = text[max(sc.lo, m.start() - 12):m.start()].split()
        if prev and (prev[-1].lower() in _NOT_VILLAGE_BEFORE or _COUNT.fullmatch(prev[-1])):
            continue  # "xuất bản", "5.280 bản Hán Nôm" (copies)
        found = _village_at(text, m)
        if found is None or not sc.ok(m.start(), found[0]):
            continue
        end, name = found
        sc.take(PlaceMention(end - len(name), end, name, "Other"))
        sc.block(m.start(), end)
        for s, e, unit, kind in _paren_units(text, end, sc.hi)[0]:
            if sc.free(s, e):
                sc.take(PlaceMention(s, e, unit, kind))


def _org_abbreviation(sc: _Scan, s: int, e: int) -> bool:
    """Is ``text[s:e]`` in brackets right after an organisation's name, its short form ("Liên hiệp Thư viện
    Đồng bằng sông Cửu Long (ĐBSCL)")?"""
    text = sc.text
    if text[s - 1:s] != "(" or text[e:e + 1] != ")" or not text[s:e].replace(" ", "").isupper():
        return False
    before = s - 1 - (len(text[:s - 1]) - len(text[:s - 1].rstrip()))
    return sc.org_cover.covers(before - 1, before)


def _directional_regions(sc: _Scan) -> None:
    """A compass word before a province's name after an area word: "các xã khu vực Tây Gia Lai" (Region)."""
    text = sc.text
    for m in _res().directional.finditer(text, sc.lo, sc.hi):
        s, e = m.span()
        if _AREA_BEFORE.search(text, max(sc.lo, s - 12), s) and sc.ok(s, e):
            sc.take(PlaceMention(s, e, m.group(0), "Region", None))


def _union_of_provinces(left: str) -> bool:
    """Does ``left`` (the text before a region) end with an organisation's "các tỉnh" ("Liên hiệp Thư viện các
    tỉnh [miền núi phía Bắc]")?  Not a lower-case group's ("các thư viện các tỉnh miền núi phía Bắc")."""
    m = _PROVINCES_BEFORE.search(left)
    return m is not None and _res().org_head.search(left, max(0, m.start() - 30), m.start()) is not None


def _regions(sc: _Scan) -> None:
    """Regions: "miền núi phía Bắc", "Tây Nguyên" (a weak one only after "vùng", "tại" ...)."""
    text, lo = sc.text, sc.lo
    for m in _res().region.finditer(text, lo, sc.hi):
        s, e = m.span()
        reg = gz.regions().get(ffold(m.group(0)))
        if reg is None or not sc.ok(s, e, check_org=False) or sc.org_cover.covers(s, e) or _org_abbreviation(sc, s, e):
            continue
        left = text[max(lo, s - 60):s]
        if _union_of_provinces(left):
            continue  # "Liên hiệp Thư viện các tỉnh miền núi phía Bắc": part of a name
        if (not reg.strong and not _AREA_BEFORE.search(left)) or inside_name(text, s, lo):
            continue
        if _PEOPLE_BEFORE.search(left):
            continue  # "nhà văn xứ Thanh": the region's name used as an adjective
        sc.take(PlaceMention(s, e, text[s:e], "Region", reg.within))


def _longer_unit(text: str, e: int, name: str) -> bool:
    """Does a province's name at ``e`` go on into a longer known unit's ("Điện Biên Phủ", not Điện Biên)?"""
    nxt = _NAME_RUN.match(text, e + 1) if text[e:e + 1] == " " else None
    if nxt is None:
        return False
    words = nxt.group(0).split()[:2]
    return any(_is_unit(name + " " + " ".join(words[:k])) for k in range(1, len(words) + 1))


@lru_cache(maxsize=8192)
def _is_unit(name: str) -> bool:
    return bool(gz.units(name))


def _bare_provinces(sc: _Scan) -> None:
    """Province and central-city names without prefix: "tại Hà Nội"."""
    text = sc.text
    for m in _res().bare.finditer(text, sc.lo, sc.hi):
        s, e = m.span()
        if not sc.ok(s, e):
            continue
        prev = text[max(sc.lo, s - 30):s].split()
        if prev and prev[-1][:1].isupper() and not prev[-1].endswith((":", ",")):
            continue  # part of a longer capitalised name (a person, a school ...)
        if _PERSON_BEFORE.search(text, max(sc.lo, s - 12), s) or _longer_unit(text, e, m.group(0)):
            continue  # "Chủ tịch Hồ Chí Minh": the person; "Điện Biên Phủ": a longer unit's name
        if _ADJECTIVAL_BEFORE.search(text, max(sc.lo, s - 20), s):
            continue  # "bạn đọc Hải Phòng", "nhân dân Quảng Ngãi": the name used as an adjective
        p = gz.province(m.group(0))
        if p is not None:
            sc.take(PlaceMention(s, e, m.group(0), "City" if p.central else "Province", "Việt Nam"))


# "tại Rotterdam, Hà Lan", "đến thủ đô Tokyo (Nhật Bản)": a town, then its country after a comma or in brackets
_FOREIGN_TOWN = re.compile(r"(?<![\w])(?:tại|ở|đến|sang)\s+(?:thủ đô\s+|thành phố\s+)?(?P<town>" + _CAP
                           + r"(?:[ \t]+" + _CAP + r"){0,2})(?:,|\s*\()\s*$")


def _country_cued(text: str, lo: int, s: int, e: int) -> bool:
    """A word before a country name that makes it the country ("sang Nhật Bản", "của Lào")."""
    prev = text[max(lo, s - 20):s].split()
    if not prev:  # a clause's subject: "Hàn Quốc là ...", "Nhật Bản có ..."
        return True
    if prev[-1].endswith("(") and text[e:e + 1] == ")":
        return True  # "Tokyo (Nhật Bản)": the country of the town before it
    return not prev[-1][:1].isupper() and prev[-1].rstrip(":").lower() in _COUNTRY_BEFORE


def _country_list_head(text: str, e: int, hi: int) -> bool:
    """A country another one follows in a list ("Nhật Bản, Hàn Quốc và Singapore"): a country."""
    sep = _LIST_SEP.match(text, e, hi)
    return sep is not None and bool(_res().country.match(text, sep.end()))


def _foreign_town(sc: _Scan, s: int, country: str) -> bool:
    """"tại Rotterdam, Hà Lan": the town before the country is a city of it (taken here)."""
    m = _FOREIGN_TOWN.search(sc.text, max(sc.lo, s - 60), s)
    if m is None:
        return False
    a, b = m.span("town")
    if sc.free(a, b) and gz.province(m.group("town")) is None and not gz.units(m.group("town")):
        sc.take(PlaceMention(a, b, m.group("town"), "City", country))
    return True


_PAIR_DASH = re.compile(r"[ \t]*[-–][ \t]*")
_PAIR_DASH_BEFORE = re.compile(r"[ \t]*[-–][ \t]*$")


def _country_pair(text: str, lo: int, s: int, e: int, hi: int) -> bool:
    """Is the country at ``text[s:e]`` joined by a dash to another ("Việt Nam - Lào", "Việt Nam – Hàn Quốc")?"""
    after = _PAIR_DASH.match(text, e, hi)
    if after is not None and _res().country.match(text, after.end()):
        return True
    before = _PAIR_DASH_BEFORE.search(text, max(lo, s - 30), s)
    if before is None:
        return False
    return any(m.end() == before.start() for m in _res().country.finditer(text, max(lo, s - 30), before.start()))


# the words of a state's formal name before its short one ("Cộng hòa Peru", "Vương quốc Thái Lan")
_STATE_FORM = re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, gz.place_cues()["state_form"])) + r")\s+$")


def _countries(sc: _Scan) -> None:
    """Countries after a word that makes them one ("sang Nhật Bản"), after a town ("tại Rotterdam,
    Hà Lan"), and lists of them."""
    text, lo = sc.text, sc.lo
    last_country = -1  # end of the last country taken: "từ Việt Nam, Hàn Quốc và Lào" lists more
    for m in _res().country.finditer(text, lo, sc.hi):
        s, e = m.span()
        if not _CAPWORD.match(text, s) or not sc.ok(s, e):
            continue
        if text[e:e + 1] == " " and _CAPWORD.match(text, e + 1):
            continue  # "Mỹ Tho", "Anh Sơn": a syllable of a longer Vietnamese name
        if _country_pair(text, lo, s, e, sc.hi):
            continue  # "quan hệ Việt Nam - Lào": the two countries of a relation, an adjective
        name = gz.countries().get(ffold(m.group(0))) or m.group(0)
        form = _STATE_FORM.search(text, max(lo, s - 40), s)
        if form is not None and name != "Việt Nam":  # "nước Cộng hòa Peru": the country under its formal name
            s, name = form.start(), text[form.start():s] + name
            if not sc.ok(s, e):
                continue
        listed = last_country >= 0 and _LIST_SEP.fullmatch(text, last_country, s)
        if _ADJECTIVAL_BEFORE.search(text, max(lo, s - 20), s):
            continue  # "văn hóa Việt Nam", "đất nước Việt Nam tươi đẹp": an adjective
        town = _foreign_town(sc, s, name)  # first: the town before its country is taken whatever cues it
        if not (town or listed or _country_cued(text, lo, s, e) or _country_list_head(text, e, sc.hi)):
            continue  # "Đảng Cộng sản Việt Nam", "pháp luật Việt Nam": a name's or an adjective's
        sc.take(PlaceMention(s, e, name, "Country", None))
        last_country = e


# the words before a district or commune named without its prefix ("tại Đồ Sơn", "thuộc Cầu Ngang")
_AT = re.compile(_lead(gz.place_cues()["located"]) + r"\s+(?=[" + _UP + r"])")


def _located_units(sc: _Scan) -> None:
    """A known district or commune named without its prefix where something happens: "tại Đồ Sơn,
    thành phố Hải Phòng" (provinces and central cities are read as bare names later)."""
    text = sc.text
    for m in _AT.finditer(text, sc.lo, sc.hi):
        run = _NAME_RUN.match(text, m.end(), sc.hi)
        if not run or not 2 <= len(run.group(0).split()) <= 3 or gz.province(run.group(0)) is not None:
            continue
        after = text[run.end():run.end() + 12].split()
        if after and after[0][0].isalnum() and after[0] not in _res().breakers:
            continue  # "tại Thánh đường ...": the start of a longer name
        kind = _unit_kind(run.group(0))
        if kind in ("District", "Commune") and sc.ok(run.start(), run.end()):
            sc.take(PlaceMention(run.start(), run.end(), run.group(0), kind))


_BRACKET = re.compile(r"\((?<=\s\()")


def _bracketed_units(sc: _Scan) -> None:
    """Known units in brackets after any name, every part of the bracket a unit: "Trại giam X (Chí Linh)",
    "Trường Y (Đức Thọ, Hà Tĩnh)" (a district or commune without its prefix)."""
    for m in _BRACKET.finditer(sc.text, sc.lo, sc.hi):
        for s, e, unit, kind in _paren_units(sc.text, m.start(), sc.hi)[0]:
            if sc.ok(s, e, check_org=False) and not sc.org_cover.covers(s, e):
                sc.take(PlaceMention(s, e, unit, kind))


# a street's word before its capitalised name ("đường Lê Lợi"), not after a word that makes it another ("thành phố")
_STREET = re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, gz.place_cues()["street"])) + r")\s+(?=[" + _UP + r"])")
_NOT_STREET_AFTER = frozenset(gz.place_cues()["street_not_after"])
_WORD = re.compile(r"\w+")


def _streets(sc: _Scan) -> None:
    """Streets named after their lower-case word: "tại số 5 đường Lê Lợi, phường X" (kind Other, without the word);
    not a province's or a country's name ("nẻo đường Yên Bái" is the province)."""
    text = sc.text
    for m in _STREET.finditer(text, sc.lo, sc.hi):
        prev = _WORD.findall(text, max(sc.lo, m.start() - 12), m.start())
        if prev and prev[-1] in _NOT_STREET_AFTER:
            continue  # "(thành phố X)", "khu phố Y"
        if not sc.free(m.start() - 2, m.start() - 1):
            continue  # "Khu di tích X đường Y": the address of a site named just before, no place of its own
        run = _NAME_RUN.match(text, m.end(), sc.hi)
        if run is None or len(run.group(0).split()) > 4:
            continue
        name = run.group(0)
        if gz.province(name) is not None or _res().country.fullmatch(name):
            continue
        if sc.ok(run.start(), run.end()):
            sc.take(PlaceMention(run.start(), run.end(), name, "Other"))
        sc.block(m.start(), run.end())


_AT_CAPITAL = re.compile(r"(?:t(?<!\wt)ại|T(?<!\wT)ại)\s+(?=[" + _UP + r"])")


_NOT_VENUE = re.compile(r"(?:" + "|".join(map(re.escape, gz.place_cues()["not_venue"])) + r")(?![\w])")


def _event_noun(name: str) -> bool:
    return _NOT_VENUE.match(name.lower()) is not None


def _named_venues(sc: _Scan) -> None:
    """A capitalised name of two words or more after "tại" that nothing else read (no unit, person, organisation or
    event): a venue by its own name ("tại Nhà Điều hành X", "tại Tòa nhà Y")."""
    text = sc.text
    for m in _AT_CAPITAL.finditer(text, sc.lo, sc.hi):
        s = m.end()
        e = _name_extent(text, s, min(sc.hi, s + 120), loose=False)
        words = text[s:e].split()
        if len(words) < 2 or sum(w[:1].isupper() for w in words) < 2:
            continue
        if _event_noun(text[s:e]) or not sc.ok(s, e) or _unit_kind(text[s:e]) is not None:
            continue
        sc.take(PlaceMention(s, e, text[s:e], "Site", venue=True))


# the finders, in the order they claim text (an earlier one's mention blocks a later one)
_FINDERS = (_sites, _venues, _described_sites, _directional_regions, _streets, _admin_units, _villages, _located_units, _bracketed_units, _regions, _natural_sites, _bare_provinces, _countries, _named_venues)


def find_places(doc: Doc) -> list[PlaceMention]:
    """Every place mention of the article, in text order, with its ``within`` resolved."""
    text = doc.text
    orgs = _org_spans(doc)
    sc = _Scan(text, {m.start: m for m in doc.org_mentions}, Cover(orgs),
               Cover(_person_spans(doc)), [], bytearray(len(text)))
    for lo, hi in _content_regions(doc):
        sc.lo, sc.hi = lo, hi
        quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(text, lo, hi)]
        sc.blocked = Cover(quotes) if quotes else None
        for finder in _FINDERS:
            finder(sc)
    out = sorted(sc.out, key=lambda x: x.start)
    _resolve_within(doc, out)
    return out


def _admin_list(text: str, pos: int, hi: int, kind: str, strict: bool,
                loose_items: bool = False) -> list[tuple[int, int, str, str]]:
    """The unit name at ``pos`` and the ones listed after it (", B, C và D"), each with the larger
    units given in brackets after it ("các xã A (huyện B), C (D)"); the items after the first must be known
    units unless ``loose_items`` (an enumeration announced by "gồm:")."""
    first = _unit_at(text, pos, hi, kind, strict)
    if not first:
        return []
    items = [(*first, kind)]
    pos = first[1]
    while True:
        inner, pos = _paren_units(text, pos, hi)
        items.extend(inner)
        m = _LIST_SEP.match(text, pos)
        if not m or m.end() >= hi:
            break
        nxt = _unit_at(text, m.end(), hi, kind, strict=not loose_items)
        if not nxt:
            break
        items.append((*nxt, kind))
        pos = nxt[1]
    return items


def _paren_units(text: str, pos: int, hi: int) -> tuple[list[tuple[int, int, str, str]], int]:
    """Known units in a bracket right at ``pos`` ("(xã Tùng Châu, Đức Thọ)"), and where it ends;
    nothing (and ``pos``) unless every part of the bracket is a known unit."""
    m = _PAREN_OPEN.match(text, pos, hi)
    close = text.find(")", pos, min(hi, pos + 80))
    if not m or close < 0:
        return [], pos
    out, at = [], m.end()
    for part in text[m.end():close].split(","):
        lead = len(part) - len(part.lstrip())
        p = _UNIT_PREFIX.match(part, lead)
        name = part[p.end() if p else lead:].strip()
        s = at + (p.end() if p else lead)
        kind = _unit_kind(name)
        if kind is None:
            return [], pos
        out.append((s, s + len(name), name, kind))
        at += len(part) + 1
    return out, close + 1


def _unit_kind(name: str) -> str | None:
    """The kind of a known unit called ``name`` (a province first, then a district, a commune)."""
    if not name or not _CAPWORD.match(name):
        return None
    p = gz.province(name)
    if p is not None:
        return "City" if p.central else "Province"
    for kind in ("District", "Commune"):
        if _known(name, kind):
            return kind
    return None


def _unit_at(text: str, pos: int, hi: int, kind: str, strict: bool) -> tuple[int, int, str] | None:
    """A unit name of ``kind`` starting at ``pos``: the longest known one, or (not strict,
    communes and districts) any capitalised run."""
    run = _NAME_RUN.match(text, pos, hi)
    if not run:
        return None
    words = run.group(0).split()
    for n in range(min(len(words), 5), 0, -1):
        name = " ".join(words[:n])
        if _known(name, kind):
            if _whole_run(text, pos, words, n, kind, strict):
                n = len(words)  # "xã Thanh Cường (Thanh Hà)": a name the gazetteer lacks, not its known "Thanh"
            end = pos + len(" ".join(words[:n]))
            # keep the exact surface (spacing) of the text
            return pos, end, text[pos:end]
    if strict or kind in ("Province",):
        return None
    if kind == "City" and not 2 <= len(words) <= 4:
        return None  # "ngân sách TP. Dự án": one unknown word after "TP." opens the next sentence
    n = min(len(words), 4)
    end = pos + len(" ".join(words[:n]))
    return pos, end, text[pos:end]


def _whole_run(text: str, pos: int, words: list[str], n: int, kind: str, strict: bool) -> bool:
    """Is the whole capitalised run after a commune's or district's prefix its name, though only its first ``n``
    words are a known unit?  When the run is short (at most 3 words, a Vietnamese unit's name) and what follows
    the known part is no administrative prefix ("phường Tân Lợi Thành phố ..." keeps "Tân Lợi")."""
    if strict or kind not in ("Commune", "District") or n >= len(words) or len(words) > 3:
        return False
    return not any(_UNIT_PREFIX.match(text, pos + len(" ".join(words[:k])) + 1) for k in range(n, len(words)))


@lru_cache(maxsize=8192)
def _known(name: str, kind: str) -> bool:
    if kind == "Province":
        return gz.province(name) is not None
    if kind == "City":
        p = gz.province(name)
        return bool(gz.units(name, ("City",))) or (p is not None)
    if kind == "District":
        return bool(gz.units(name, ("District", "City")))
    return bool(gz.units(name, ("Commune",)))


_fold_place = lru_cache(maxsize=8192)(fold_place)


@lru_cache(maxsize=1)
def _display() -> dict[str, str]:
    return {ffold(p.name): p.name for ps in gz.provinces().values() for p in ps}


def _article_provinces(text: str) -> list[str]:
    """Provinces the article names anywhere (organisation names included), most frequent first."""
    counts: Counter[str] = Counter()
    for m in _res().bare.finditer(text):
        p = gz.province(m.group(0))
        if p and not _PERSON_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            counts[ffold(p.name)] += 1
    return [k for k, _ in counts.most_common()]


_UNIT_KINDS = {"City": ("City",), "District": ("District", "City"), "Commune": ("Commune",)}


def _unit_within(m: PlaceMention, context: tuple[str, ...]) -> str | Literal[False]:
    """The province of a city, district or commune; False when the gazetteer cannot say."""
    u = gz.resolve_unit(m.name, _UNIT_KINDS[m.kind], context)
    if m.kind == "City":
        p = gz.province(m.name)
        if p is not None and p.central:
            return "Việt Nam"
        if u is None and p is not None:
            return p.name
    if u is not None:
        p = gz.province(u.province)
        return p.name if p else u.province
    return False


def _site_within(m: PlaceMention, context: tuple[str, ...], main: tuple[str, ...]) -> str | None:
    """Sites and villages: a province in the name, else the nearest unit, else the article's."""
    own = _res().bare.search(m.name)
    if own and _PERSON_BEFORE.search(m.name, 0, own.start()):
        own = None  # "Lăng Chủ tịch Hồ Chí Minh": named after a person, not in that province
    p = gz.province(own.group(0)) if own else None
    if p is not None:
        return p.name
    if not context:
        return None
    p = gz.province(context[0])
    if p is not None:
        return p.name
    u = gz.resolve_unit(context[0], None, main)
    up = gz.province(u.province) if u else None
    return up.name if up else None


def _resolve_within(doc: Doc, mentions: list[PlaceMention]) -> None:
    main = tuple(_article_provinces(doc.text))
    display = _display()
    for i, m in enumerate(mentions):
        if m.kind == "Province" and m.within is None:
            m.within = "Việt Nam"
        if m.kind in ("Province", "Region", "Country") or (m.kind == "City" and m.within):
            continue
        near = tuple(ffold(x.name) for x in sorted(mentions[max(0, i - 3):i + 4],
                                                  key=lambda x: abs(x.start - m.start))
                     if x is not m and x.kind in ("Province", "District", "City"))
        context = near + main
        within = _unit_within(m, context) if m.kind in _UNIT_KINDS else False
        m.within = _site_within(m, context, main) if within is False else within or None
        m.within = display.get(ffold(m.within), m.within) if m.within else None


@component("places", requires=("text", "sentences", "title", "org_mentions", "person_mentions"),
           assigns=("places", "place_mentions"))
def run(doc: Doc) -> None:
    mentions = find_places(doc)
    doc.place_mentions = mentions
    seen: dict[tuple[str, str], Place] = {}
    for m in mentions:
        key = (_fold_place(m.name), m.kind)
        s, e = doc.sentence_at(m.start)
        ev = Evidence(m.start, m.end, doc.text[s:e][:300])
        if key in seen:
            seen[key].evidence.append(ev)
            continue
        seen[key] = Place(m.name, m.kind, m.within, [ev])
    doc.places = list(seen.values())
