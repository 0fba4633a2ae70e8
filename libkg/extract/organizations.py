"""Pipeline component ``organizations``: organisation names and their mentions.

An organisation name opens with a head phrase from ``data/lexicon/org_heads.tsv``
("Thư viện", "Sở", "UBND", "Trường Đại học", "Đồn Biên phòng" ...) and runs on
through name words: capitalised syllables with their lower-case partners
("Văn hóa", "Trung học cơ sở"), known multi-word pieces with commas
("Văn hóa, Thể thao và Du lịch"), abbreviations (VHTTDL, GD&ĐT, C10), numbers,
"và"/"-" joining name words, region words after "các tỉnh" for library unions,
and an administrative part ("tỉnh Lào Cai", "huyện Mường Chà", "TP. Hồ Chí
Minh") that closes the name.  A break word (verbs, prepositions) or a new
organisation head ends it.

Hierarchy: "Vụ Thư viện, Bộ Văn hóa, ..." gives two organisations, the first
with ``parent`` set; "Trung tâm Số - Đại học Thái Nguyên" (a unit joined to
its parent) is kept whole and the parent is listed as well.

Short mentions ("Thư viện tỉnh", "Sở", "Liên hiệp", "Trung tâm", "nhà
trường", "Sở VH,TT&DL" without its province) are resolved to the fullest
matching name in the article; they become ``doc.extras["org_mentions"]``
entries but never new organisations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from libkg.extract.facts import Evidence, Organization
from libkg.extract.gazetteer import alias_names, provinces
from libkg.extract.lexicon import (
    Head,
    Tok,
    abbreviation_rows,
    anaphors,
    anaphors_lower,
    break_words,
    committees,
    ffold,
    lowered,
    match_admin,
    match_head,
    match_phrase,
    region_words,
    sentence_tokens,
    surnames,
)
from libkg.extract.pipeline import Doc, component

_DASHES = {"-", "–", "—"}
_OPEN_QUOTES = {"“", "\"", "«"}
_CLOSE_QUOTES = {"”", "\"", "»"}
_PLURAL = {"các", "những", "mọi"}
_SPACES = re.compile(r"\s+")


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
    children: list[OrgHit] = field(default_factory=list)


@lru_cache(maxsize=1)
def _province_keys() -> frozenset[str]:
    return frozenset(provinces())


@lru_cache(maxsize=1)
def _province_first_words() -> frozenset[str]:
    """First words of the province keys: a token not among them starts no province name."""
    return frozenset(k.split(" ", 1)[0] for k in _province_keys())


@lru_cache(maxsize=1)
def _abbrev_res() -> list[tuple[re.Pattern[str], str]]:
    out = []
    for abbr, exp in sorted(abbreviation_rows(), key=lambda r: -len(r[0])):
        a = ffold(abbr)
        tail = r"(?!\w)" if a[-1].isalnum() else ""
        out.append((re.compile(r"(?<!\w)" + re.escape(a) + tail), ffold(exp)))
    return out


@lru_cache(maxsize=4096)
def expand(name: str) -> str:
    """Folded name with abbreviations expanded and punctuation dropped (for comparisons)."""
    s = ffold(name)
    for pat, exp in _abbrev_res():
        s = pat.sub(exp, s)
    return " ".join(re.findall(r"\w+", s))


def _place_len(toks: list[Tok], i: int, admin_word: str) -> int:
    """Tokens of the place name after an administrative word (0 if none)."""
    n = len(toks)
    if i >= n or not toks[i].cap or toks[i].abbrev and toks[i].text not in ("TP",):
        return _uncapitalised_place_len(toks, i, admin_word)
    k = _province_len(toks, i)
    if k:
        return k
    if admin_word == "tỉnh" or _name_starts(toks, i):
        return 0  # a province is a known name; a capitalised run must not swallow a personal name
    return _capitalised_run_len(toks, i)


def _uncapitalised_place_len(toks: list[Tok], i: int, admin_word: str) -> int:
    """A numbered ward or district ("phường 3") or an abbreviated city ("TP.HCM")."""
    n = len(toks)
    if i < n and toks[i].text.isdigit() and admin_word in ("phường", "quận"):
        return 1
    if i < n and admin_word in ("TP.", "Tp.") and _tp_alias(toks, i):
        return 1  # "TP.HCM", "Tp. HCM": an abbreviated city the gazetteer knows
    return 0


def _province_len(toks: list[Tok], i: int) -> int:
    """Tokens of a province name the gazetteer knows starting at ``i`` (0 if none)."""
    if ffold(toks[i].text) not in _province_first_words():
        return 0
    keys = _province_keys()
    n = len(toks)
    for k in (5, 4, 3, 2, 1):  # "Bà Rịa - Vũng Tàu": five tokens
        if i + k <= n:
            cand = " ".join(t.text for t in toks[i:i + k])
            if all(t.cap or t.text in _DASHES for t in toks[i:i + k]) and ffold(cand) in keys:
                return k
    return 0


def _capitalised_run_len(toks: list[Tok], i: int) -> int:
    """A run of capitalised words (with a number: "Mỹ Khánh 1"), stopping before a head or a person."""
    n = len(toks)
    k = i
    while k < n and toks[k].cap and not toks[k].abbrev and match_head(toks, k) is None:
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
    keys = _province_keys()
    return any(k - m >= 0 and ffold(" ".join(t.text for t in toks[k - m:k])) in keys for m in (2, 3, 5))


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
_SCAN_STOPS: frozenset[str] = frozenset()  # head words and quotes: one set test per token in _scan_tokens


def _init_heads() -> None:
    global _HEAD_FIRST, _SCAN_STOPS
    if not _HEAD_FIRST:
        from libkg.extract.lexicon import org_heads
        _HEAD_FIRST = frozenset(org_heads())
        _SCAN_STOPS = _HEAD_FIRST | _QUOTE_TOKENS


def _name_number(toks: list[Tok], k: int) -> bool:
    """A number that is part of a name ("Mỹ Khánh 1", "Phú Sơn 4"), not a count ("1.500 bản")."""
    t = toks[k]
    if not t.text.isdigit() or len(t.text) > 3:
        return False
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return not (nxt is not None and nxt.text in ".," and nxt.start == t.end and k + 2 < len(toks)
                and toks[k + 2].text.isdigit())


def _is_lower_word(t: Tok) -> bool:
    return t.text[0].islower() and t.text.isalpha()


class _Parse:
    """The state of :func:`parse_org` while it walks the name words after a head."""

    __slots__ = ("toks", "n", "i", "j", "k", "head", "depth", "chunks", "first_ok", "admin", "bare_admin",
                 "early")

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

    def take(self, m: int, ok: bool = True) -> str:
        """Take ``m`` tokens as one name piece; go on."""
        self.k += m
        self.chunks += 1
        self.first_ok = self.first_ok or ok
        return _NEXT


_NEXT, _STOP = "next", "stop"  # a rule's verdict: the name goes on / ends at the cursor


def _rule_admin(p: _Parse, t: Tok) -> str | None:
    """An administrative part ("tỉnh Lào Cai") closes the name; a bare one ("tỉnh") too."""
    a = match_admin(p.toks, p.k)
    if not a:
        return None
    pl = _place_len(p.toks, p.k + a, t.text)
    if pl:
        p.admin = True
        p.k += a + pl
    elif p.chunks == 0:
        p.bare_admin = True
        p.k += a
    return _STOP


def _rule_region(p: _Parse, t: Tok) -> str | None:
    """"... các tỉnh miền núi phía Bắc", "... khu vực phía Nam" after a "region" head."""
    toks, n, k = p.toks, p.n, p.k
    if "region" not in p.head.flags or k + 1 >= n or not (
            t.text == "các" or t.text == "khu" and toks[k + 1].text == "vực"):
        return None
    r = k + 1
    a2 = match_admin(toks, r) if t.text == "các" else 0
    r += a2 if a2 else 1
    if a2 and r + 1 < n and toks[r].text in (",", "và") and (a3 := match_admin(toks, r + 1)):
        r += 1 + a3  # "các tỉnh, thành phố đồng bằng sông Hồng"
    start_r = r
    while r < n and toks[r].text in region_words():
        r += 1
    if r > start_r:
        p.take(r - k)
    return _STOP


def _rule_quoted(p: _Parse, t: Tok) -> str | None:
    """Câu lạc bộ “Bạn yêu sách”: a quoted name right after the head."""
    toks, n, k = p.toks, p.n, p.k
    if t.text not in _OPEN_QUOTES or p.chunks or k + 1 >= n:
        return None
    r = k + 1
    while r < n and toks[r].text not in _CLOSE_QUOTES and r - k < 12:
        r += 1
    if r < n and toks[r].text in _CLOSE_QUOTES and r > k + 1:
        p.take(r + 1 - k)
    return _STOP


def _rule_phrase(p: _Parse, t: Tok) -> str | None:
    """A known multi-word piece ("Văn hóa, Thể thao và Du lịch")."""
    ph = match_phrase(p.toks, p.k)
    if not ph:
        return None
    p.take(ph)
    toks, k = p.toks, p.k
    if (_name_starts(toks, k) and not toks[k + 1].abbrev
            and ffold(" ".join(x.text for x in toks[k:k + 3])) not in _province_keys()):
        return _STOP  # "Bộ Văn hóa, Thể thao và Du lịch Nguyễn Minh Khang": a whole name, then a person
    return _NEXT


def _rule_new_head(p: _Parse, t: Tok) -> str | None:
    """Another organisation's head ends the name ("Thư viện Trường Đại học X": unit, then parent)."""
    toks, k = p.toks, p.k
    if t.text not in _HEAD_FIRST or (k == p.j and t.text == p.head.words[-1]):
        return None
    sub = parse_org(toks, k, p.depth + 1)
    if sub is None or sub.short:
        return None
    if k == p.j and "unit" in p.head.flags and p.depth == 0:
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


def _rule_person_after_province(p: _Parse, t: Tok) -> str | None:
    """"Sở ... Thanh Hóa Trịnh Xuân Quyết": a personal name after the province ends the name."""
    return _STOP if _name_starts(p.toks, p.k) and _ends_province(p.toks, p.k) else None


def _rule_word(p: _Parse, t: Tok) -> str | None:
    """A capitalised word with up to three lower-case partners ("Văn hóa", "Trung học cơ sở")."""
    if not t.cap or not (t.text.isalpha() or "'" in t.text):
        return None
    toks, n = p.toks, p.n
    k = p.k + 1
    low = 0
    brk = break_words()
    while k < n and _is_lower_word(toks[k]) and toks[k].text not in brk and low < 3 and not match_admin(toks, k):
        k += 1
        low += 1
    p.take(k - p.k, ok=low > 0 if p.chunks == 0 else False)
    while p.k < n and _name_number(toks, p.k):
        p.k += 1
    return _NEXT


def _rule_number(p: _Parse, t: Tok) -> str | None:
    """A number after a name piece ("Mỹ Khánh 1")."""
    if not p.chunks or not _name_number(p.toks, p.k):
        return None
    p.k += 1
    return _NEXT


def _rule_so(p: _Parse, t: Tok) -> str | None:
    """"số 2": a numbered body."""
    if t.text != "số" or p.k + 1 >= p.n or not p.toks[p.k + 1].text.isdigit():
        return None
    return p.take(2)


def _rule_joiner(p: _Parse, t: Tok) -> str | None:
    """"-"/"và" joining name words, unless another organisation follows."""
    toks, k = p.toks, p.k
    if not ((t.text in _DASHES or t.text == "và") and p.chunks and k + 1 < p.n and toks[k + 1].cap):
        return None
    nxt = parse_org(toks, k + 1, p.depth + 1) if toks[k + 1].text in _HEAD_FIRST else None
    if nxt is not None and not nxt.short:
        return _STOP
    p.k += 1
    return _NEXT


_RULES = (_rule_admin, _rule_region, _rule_quoted, _rule_phrase, _rule_new_head, _rule_code,
          _rule_person_after_province, _rule_word, _rule_number, _rule_so, _rule_joiner)


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
            return


def _prefix_hit(toks: list[Tok], i: int, head: Head, depth: int) -> OrgHit | None:
    """Heads that take a whole organisation or a number right after them."""
    k = i + len(head.words)
    n = len(toks)
    if "of" in head.flags and k < n and toks[k].text in _HEAD_FIRST:
        # "Chi bộ Thư viện tỉnh X", "Đảng bộ Sở ...": the body of the organisation named right after
        inner = parse_org(toks, k, depth + 1)
        if inner is not None and not inner.short:
            return OrgHit(i, inner.end, head, admin=inner.admin)
    if "numbered" in head.flags and k < n and toks[k].text.isdigit() and len(toks[k].text) <= 3:
        return OrgHit(i, k + 1, head)  # "Quân khu 7", "Sư đoàn 312"
    return None


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


def _verdict(p: _Parse) -> OrgHit | None:
    """The organisation the walk found, if the head's flags accept it."""
    toks, k, flags = p.toks, p.k, p.head.flags
    if k + 1 < p.n and toks[k].text in _PLURAL and match_admin(toks, k + 1):
        return None  # "Trung tâm Văn hóa ... các huyện": a generic plural
    if p.chunks == 0 and not p.admin:
        return _empty_body(p)
    if p.chunks == 0 and "bare" not in flags:
        return None
    if "strict" in flags and p.chunks and not p.first_ok:
        return None
    if "admin" in flags and not p.admin:
        return None
    return OrgHit(p.i, k, p.head, admin=p.admin)


def parse_org(toks: list[Tok], i: int, depth: int = 0) -> OrgHit | None:
    """The organisation whose head starts at token ``i``, or None."""
    head = match_head(toks, i)
    if head is None or depth > 3:
        return None
    hit = _prefix_hit(toks, i, head, depth)
    if hit is not None:
        return hit
    p = _Parse(toks, i, head, depth)
    _walk(p)
    if p.early is not None:
        return p.early
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
    return prev in _PLURAL or prev == "Luật" or (prev in ("Trưởng", "Phó", "trưởng")
                                                 and bool({"parent", "admin"} & hit.head.flags))


def _join_parent(toks: list[Tok], hit: OrgHit) -> tuple[OrgHit | None, int]:
    """"Unit Parent" juxtaposed / "Unit - Parent" compound: the whole hit and where to go on."""
    n = len(toks)
    k = hit.end
    dash = k < n and toks[k].text in _DASHES
    p_at = k + 1 if dash else k
    par = parse_org(toks, p_at) if p_at < n and toks[p_at].text in _HEAD_FIRST else None
    if par is None or par.short or not (dash or not hit.admin):
        return None, 0
    whole = OrgHit(hit.start, par.end, hit.head, admin=par.admin, whole=True)
    whole.parent = par
    # a unit's parent is an organisation of its own; a board's ("Ban ... Tỉnh ủy X") is not
    return whole, (p_at if "unit" in hit.head.flags else par.end)


def _next_hit(toks: list[Tok], i: int) -> tuple[OrgHit | None, int]:
    """The organisation whose head is at ``i`` (or None) and the token to go on from."""
    hit = parse_org(toks, i)
    if hit is None:
        head = match_head(toks, i)
        return None, i + (len(head.words) if head is not None else 1)
    flags = hit.head.flags
    if _skipped(toks, hit):
        return None, hit.end if not hit.short else i + 1
    if "parent" in flags and _is_board(toks, hit):
        return None, hit.start + len(hit.head.words)  # "Ban Chấp hành Hội X": Hội X is the organisation
    if not hit.short and ("parent" in flags or "unit" in flags):
        whole, at = _join_parent(toks, hit)
        if whole is not None:
            return whole, at
        if "parent" in flags:
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


def _scan_tokens(toks: list[Tok]) -> list[OrgHit]:
    _init_heads()
    hits: list[OrgHit] = []
    in_quote = False
    i = 0
    # only quotes and head words do anything: visit those, in order, from the current position
    stops = _SCAN_STOPS
    for at in [k for k, t in enumerate(toks) if t.text in stops]:
        if at < i:
            continue
        i = at
        text = toks[i].text
        in_quote = _quote_state(text, in_quote)
        if in_quote or text not in _HEAD_FIRST:
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
    cached = doc.extras.get("_org_scan")
    if cached is not None:
        return cached
    out = []
    for s, e in doc.sentences:
        toks = sentence_tokens(doc, (s, e))
        for h in _scan_tokens(toks):
            out.append((h, toks, (s, e)))
    doc.extras["_org_scan"] = out
    return out


def _surface(text: str, toks: list[Tok], a: int, b: int) -> str:
    s = _SPACES.sub(" ", text[toks[a].start:toks[b - 1].end]).strip(" ,;-–")
    return s[:1].upper() + s[1:]


def _head_family(h: Head) -> str:
    return ffold(h.text)


def _anaphor_mentions(doc: Doc) -> list[tuple[int, int, str, frozenset[str]]]:
    rx, kinds = anaphors()
    text = doc.text
    low = lowered(doc)
    if low is not None:  # the same matches, found by a case-sensitive regex on the lower-cased text
        rx, text = anaphors_lower(), low
    out = []
    for s, e in doc.sentences:
        for m in rx.finditer(text, s, e):
            a, b = m.span()
            surface = doc.text[a:b]
            out.append((a, b, surface, kinds[ffold(surface)]))
    return out


@dataclass
class _Names:
    """The organisations of one article while :func:`run` builds them, keyed by expanded name."""

    full: dict[str, Organization] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    first_pos: dict[str, int] = field(default_factory=dict)
    meta: dict[str, OrgHit] = field(default_factory=dict)
    alias: dict[str, str] = field(default_factory=dict)  # a name without its province -> the fuller one
    keys: list[str] = field(default_factory=list)  # the names listed, in order
    extra: list[str] = field(default_factory=list)  # bare names kept as written
    mentions: list[dict] = field(default_factory=list)

    def target(self, k: str) -> Organization:
        return self.full[self.alias.get(k, k)]

    def mention(self, start: int, end: int, org: Organization, surface: str) -> None:
        self.mentions.append({"start": start, "end": end, "name": org.name, "kind": org.kind,
                              "surface": surface})


_Hits = list[tuple[OrgHit, list[Tok], tuple[int, int]]]


def _add_full_names(nm: _Names, text: str, hits: _Hits, surfaces: list[str | None]) -> None:
    """1. full names, their fullest written form and evidence."""
    for (h, toks, (s, e)), name in zip(hits, surfaces, strict=True):
        if name is None:
            continue
        k = expand(name)
        ev = Evidence(toks[h.start].start, toks[h.end - 1].end, text[s:e])
        if k not in nm.full:
            nm.full[k] = Organization(name=name, kind=_kind(h, name), evidence=[ev])
            nm.order.append(k)
            nm.first_pos[k] = ev.start
            nm.meta[k] = h
        else:
            org = nm.full[k]
            if len(name) > len(org.name):
                org.name = name
            org.evidence.append(ev)
        if h.parent is not None:
            nm.full[k].parent = _surface(text, toks, h.parent.start, h.parent.end)


def _add_province_aliases(nm: _Names) -> None:
    """2. names without their province that a fuller name in the article completes."""
    for k in nm.order:
        h = nm.meta[k]
        if h.admin or h.whole:
            continue
        fam = _head_family(h.head)
        for k2 in nm.order:
            if k2 != k and nm.meta[k2].admin and k2.startswith(k + " ") and _head_family(nm.meta[k2].head) == fam:
                nm.alias[k] = k2
                break
    for k, k2 in nm.alias.items():
        nm.full[k2].evidence.extend(nm.full[k].evidence)
    nm.keys = [k for k in nm.order if k not in nm.alias]


def _add_mentions(nm: _Names, text: str, hits: _Hits, surfaces: list[str | None]) -> None:
    """3. mentions, full and short; a bare name nothing completes is kept as written."""
    for (h, toks, (s_, e_)), name in zip(hits, surfaces, strict=True):
        start, end = toks[h.start].start, toks[h.end - 1].end
        surface = text[start:end]
        if name is not None:
            nm.mention(start, end, nm.target(expand(name)), surface)
            continue
        target = _resolve_short(expand(surface), h, nm.keys, nm.meta, nm.first_pos, start)
        if target:
            nm.mention(start, end, nm.full[target], surface)
        elif h.bare_admin or "bare" in h.head.flags:
            # nothing fuller in the article: "Bộ Chỉ huy Quân sự tỉnh", "Tỉnh ủy" is the name as written
            name = surface[:1].upper() + surface[1:]
            k = expand(name)
            if k not in nm.full:
                nm.full[k] = Organization(name=name, kind=_kind(h, name),
                                          evidence=[Evidence(start, end, text[s_:e_])])
                nm.extra.append(k)
            nm.mentions.append({"start": start, "end": end, "name": name, "kind": nm.full[k].kind,
                                "surface": surface})


def _add_anaphors(nm: _Names, doc: Doc) -> None:
    """4. "nhà trường" is the school last named before it; else the first of the article."""
    seen: dict[str, list[int]] = {}  # name -> where it is mentioned
    for m in nm.mentions:
        seen.setdefault(m["name"], []).append(m["start"])
    for start, end, surface, kinds in _anaphor_mentions(doc):
        cands = [k for k in nm.keys if nm.full[k].kind in kinds]
        if cands:
            last = {k: max((p for p in seen.get(nm.full[k].name, ()) if p < start), default=-1) for k in cands}
            k = max(cands, key=lambda c: last[c]) if max(last.values()) >= 0 else cands[0]
            nm.mention(start, end, nm.full[k], surface)


def _canonical_parents(nm: _Names) -> None:
    """5. parents resolved to canonical names."""
    names = {expand(nm.full[k].name): nm.full[k].name for k in nm.keys}
    for k in nm.keys:
        org = nm.full[k]
        if org.parent:
            pk = expand(org.parent)
            org.parent = nm.full[nm.alias[pk]].name if pk in nm.alias else names.get(pk, org.parent)


@component("organizations")
def run(doc: Doc) -> None:
    text = doc.text
    hits = scan(doc)
    nm = _Names()
    surfaces = [None if h.short else _surface(text, toks, h.start, h.end) for h, toks, _ in hits]
    _add_full_names(nm, text, hits, surfaces)
    _add_province_aliases(nm)
    _add_mentions(nm, text, hits, surfaces)
    _add_anaphors(nm, doc)
    _canonical_parents(nm)
    nm.mentions.sort(key=lambda m: (m["start"], -m["end"]))
    doc.organizations = [nm.full[k] for k in nm.keys + nm.extra]
    doc.extras["org_mentions"] = nm.mentions


def _resolve_short(skey: str, h: OrgHit, keys: list[str], meta: dict[str, OrgHit], first_pos: dict[str, int],
                   at: int) -> str | None:
    fam = _head_family(h.head)
    cands = [k for k in keys if (k.startswith(skey + " ") or k == skey) and not meta[k].short]
    if not cands:
        cands = [k for k in keys if _head_family(meta[k].head) == fam or
                 meta[k].head.kind == h.head.kind and h.head.kind in ("LibraryUnion", "MilitaryPolice")]
    if not cands:
        return None
    before = [k for k in cands if first_pos[k] < at]
    return (before or cands)[0]


def _kind(h: OrgHit, name: str) -> str:
    kind = h.head.kind
    if kind == "Other" and h.head.words[0] == "Trung" and re.search(r"Thư viện|Học liệu", name):
        return "Library"
    return kind
