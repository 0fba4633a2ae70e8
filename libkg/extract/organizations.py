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
        if i < n and toks[i].text.isdigit() and admin_word in ("phường", "quận"):
            return 1
        if i < n and admin_word in ("TP.", "Tp.") and _tp_alias(toks, i):
            return 1  # "TP.HCM", "Tp. HCM": an abbreviated city the gazetteer knows
        return 0
    keys = _province_keys()
    if ffold(toks[i].text) in _province_first_words():
        for k in (5, 4, 3, 2, 1):  # "Bà Rịa - Vũng Tàu": five tokens
            if i + k <= n:
                cand = " ".join(t.text for t in toks[i:i + k])
                if all(t.cap or t.text in _DASHES for t in toks[i:i + k]) and ffold(cand) in keys:
                    return k
    if admin_word == "tỉnh":
        return 0
    # a capitalised run, not swallowing a following personal name
    if _name_starts(toks, i):
        return 0
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


def parse_org(toks: list[Tok], i: int, depth: int = 0) -> OrgHit | None:
    """The organisation whose head starts at token ``i``, or None."""
    head = match_head(toks, i)
    if head is None or depth > 3:
        return None
    n = len(toks)
    flags = head.flags
    j = i + len(head.words)
    k = j
    chunks = 0
    first_ok = False
    admin = False
    bare_admin = False
    brk = break_words()
    if "of" in flags and k < n and toks[k].text in _HEAD_FIRST:
        # "Chi bộ Thư viện tỉnh X", "Đảng bộ Sở ...": the body of the organisation named right after
        inner = parse_org(toks, k, depth + 1)
        if inner is not None and not inner.short:
            return OrgHit(i, inner.end, head, admin=inner.admin)
    if "numbered" in flags and k < n and toks[k].text.isdigit() and len(toks[k].text) <= 3:
        return OrgHit(i, k + 1, head)  # "Quân khu 7", "Sư đoàn 312"
    while k < n:
        t = toks[k]
        a = match_admin(toks, k)
        if a:
            pl = _place_len(toks, k + a, toks[k].text)
            if pl:
                admin = True
                k += a + pl
            elif chunks == 0:
                bare_admin = True
                k += a
            break
        if "region" in flags and k + 1 < n and (t.text == "các" or t.text == "khu" and toks[k + 1].text == "vực"):
            # "... các tỉnh miền núi phía Bắc", "... khu vực phía Nam"
            r = k + 1
            a2 = match_admin(toks, r) if t.text == "các" else 0
            r += a2 if a2 else 1
            if a2 and r + 1 < n and toks[r].text in (",", "và") and (a3 := match_admin(toks, r + 1)):
                r += 1 + a3  # "các tỉnh, thành phố đồng bằng sông Hồng"
            start_r = r
            while r < n and toks[r].text in region_words():
                r += 1
            if r > start_r:
                k = r
                chunks += 1
                first_ok = True
                break
            break
        if t.text in _OPEN_QUOTES and chunks == 0 and k + 1 < n:
            # Câu lạc bộ “Bạn yêu sách”
            r = k + 1
            while r < n and toks[r].text not in _CLOSE_QUOTES and r - k < 12:
                r += 1
            if r < n and toks[r].text in _CLOSE_QUOTES and r > k + 1:
                k = r + 1
                chunks += 1
                first_ok = True
            break
        ph = match_phrase(toks, k)
        if ph:
            k += ph
            chunks += 1
            first_ok = True
            if (_name_starts(toks, k) and not toks[k + 1].abbrev
                    and ffold(" ".join(t.text for t in toks[k:k + 3])) not in _province_keys()):
                break  # "Bộ Văn hóa, Thể thao và Du lịch Nguyễn Minh Khang": a whole name, then a person
            continue
        if t.text in _HEAD_FIRST and (k > j or toks[k].text != head.words[-1]):
            sub = parse_org(toks, k, depth + 1)
            if sub is not None and not sub.short:
                if k == j and "unit" in flags and depth == 0:
                    return OrgHit(i, k, head)  # "Thư viện Trường Đại học X": the caller joins unit and parent
                break
        if t.abbrev or (t.cap and any(c.isdigit() for c in t.text)):
            k += 1
            chunks += 1
            first_ok = True
            if (k + 1 < n and _is_lower_word(toks[k]) and toks[k].text not in brk and toks[k + 1].cap
                    and not match_admin(toks, k)):
                k += 1
            continue
        if _name_starts(toks, k) and _ends_province(toks, k):
            break  # "Sở ... Thanh Hóa Trịnh Xuân Quyết": a personal name after the province
        if t.cap and t.text.isalpha() or t.cap and "'" in t.text:
            k += 1
            low = 0
            while (k < n and _is_lower_word(toks[k]) and toks[k].text not in brk and low < 3
                   and not match_admin(toks, k)):
                k += 1
                low += 1
            if chunks == 0:
                first_ok = low > 0
            chunks += 1
            while k < n and _name_number(toks, k):
                k += 1
            continue
        if _name_number(toks, k) and chunks:
            k += 1
            continue
        if t.text == "số" and k + 1 < n and toks[k + 1].text.isdigit():
            k += 2
            chunks += 1
            first_ok = True
            continue
        if (t.text in _DASHES or t.text == "và") and chunks and k + 1 < n and (toks[k + 1].cap):
            nxt = parse_org(toks, k + 1, depth + 1) if toks[k + 1].text in _HEAD_FIRST else None
            if nxt is not None and not nxt.short:
                break
            k += 1
            continue
        break
    # validity
    if k + 1 < n and toks[k].text in _PLURAL and match_admin(toks, k + 1):
        return None  # "Trung tâm Văn hóa ... các huyện": a generic plural
    if chunks == 0 and not admin:
        if "whole" in flags and not bare_admin:
            return OrgHit(i, k, head)  # "Quốc hội", "Chính phủ": the head is the whole name
        if bare_admin and ({"shortadmin", "bare"} & flags):
            return OrgHit(i, k, head, short=True, bare_admin=True)
        if "short" in flags and not bare_admin:
            nxt = toks[k] if k < n else None
            if nxt is None or not _is_lower_word(nxt) or nxt.text in brk:
                return OrgHit(i, k, head, short=True)
        return None
    if chunks == 0 and "bare" not in flags:
        return None
    if "strict" in flags and chunks and not first_ok:
        return None
    if "admin" in flags and not admin:
        return None
    return OrgHit(i, k, head, admin=admin)


def _scan_tokens(toks: list[Tok]) -> list[OrgHit]:
    _init_heads()
    hits: list[OrgHit] = []
    n = len(toks)
    in_quote = False
    i = 0
    # only quotes and head words do anything: visit those, in order, from the current position
    stops = _SCAN_STOPS
    for at in [k for k, t in enumerate(toks) if t.text in stops]:
        if at < i:
            continue
        i = at
        t = toks[i]
        if t.text in ("“", "«"):
            in_quote = True
        elif t.text in ("”", "»"):
            in_quote = False
        elif t.text == '"':
            in_quote = not in_quote
        if in_quote or t.text not in _HEAD_FIRST:
            i += 1
            continue
        hit = parse_org(toks, i)
        if hit is None:
            head = match_head(toks, i)
            i += len(head.words) if head is not None else 1
            continue
        prev = toks[i - 1].text if i else ""
        if prev in _PLURAL or prev == "Luật" or (prev in ("Trưởng", "Phó", "trưởng")
                                                   and {"parent", "admin"} & hit.head.flags):
            i = hit.end if not hit.short else i + 1
            continue
        if "parent" in hit.head.flags and _is_board(toks, hit):
            i = hit.start + len(hit.head.words)  # "Ban Chấp hành Hội X": Hội X is the organisation
            continue
        if not hit.short and ("parent" in hit.head.flags or "unit" in hit.head.flags):
            # "Unit Parent" juxtaposed / "Unit - Parent" compound
            k = hit.end
            dash = k < n and toks[k].text in _DASHES
            p_at = k + 1 if dash else k
            par = parse_org(toks, p_at) if p_at < n and toks[p_at].text in _HEAD_FIRST else None
            if par is not None and not par.short and (dash or not hit.admin):
                whole = OrgHit(hit.start, par.end, hit.head, admin=par.admin, whole=True)
                whole.parent = par
                hits.append(whole)
                # a unit's parent is an organisation of its own; a board's ("Ban ... Tỉnh ủy X") is not
                i = p_at if "unit" in hit.head.flags else par.end
                continue
            if "parent" in hit.head.flags:
                i += 1
                continue
        hits.append(hit)
        i = hit.end if hit.end > i else i + 1
    # hierarchy: "A, B" / "A (B)" / "A - B" where B can hold A
    for a, b in zip(hits, hits[1:], strict=False):
        if a.parent is not None or a.short or b.short:
            continue
        gap = [t.text for t in toks[a.end:b.start]]
        if gap in ([","], ["("], ["-"], ["–"]) and "parentable" in b.head.flags and b.head != a.head:
            a.parent = b
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


@component("organizations")
def run(doc: Doc) -> None:
    text = doc.text
    hits = scan(doc)
    full: dict[str, Organization] = {}  # expanded key -> org
    order: list[str] = []
    mentions: list[dict] = []
    first_pos: dict[str, int] = {}
    meta: dict[str, OrgHit] = {}

    surfaces = [None if h.short else _surface(text, toks, h.start, h.end) for h, toks, _ in hits]
    # 1. full names
    for (h, toks, (s, e)), name in zip(hits, surfaces, strict=True):
        if name is None:
            continue
        k = expand(name)
        ev = Evidence(toks[h.start].start, toks[h.end - 1].end, text[s:e])
        if k not in full:
            full[k] = Organization(name=name, kind=_kind(h, name), evidence=[ev])
            order.append(k)
            first_pos[k] = ev.start
            meta[k] = h
        else:
            org = full[k]
            if len(name) > len(org.name):
                org.name = name
            org.evidence.append(ev)
        if h.parent is not None:
            pname = _surface(text, toks, h.parent.start, h.parent.end)
            full[k].parent = pname
    # 2. names without their province that a fuller name in the article completes
    alias: dict[str, str] = {}
    for k in order:
        h = meta[k]
        if h.admin or h.whole:
            continue
        for k2 in order:
            if k2 != k and meta[k2].admin and k2.startswith(k + " ") and _head_family(meta[k2].head) == \
                    _head_family(h.head):
                alias[k] = k2
                break
    for k, k2 in alias.items():
        full[k2].evidence.extend(full[k].evidence)
    keys = [k for k in order if k not in alias]

    def canonical(k: str) -> str:
        return full[alias.get(k, k)].name

    # 3. mentions (full and short)
    extra: list[str] = []
    for (h, toks, (s_, e_)), name in zip(hits, surfaces, strict=True):
        start, end = toks[h.start].start, toks[h.end - 1].end
        surface = text[start:end]
        if name is not None:
            k = expand(name)
            mentions.append({"start": start, "end": end, "name": canonical(k), "kind": full[alias.get(k, k)].kind,
                             "surface": surface})
            continue
        target = _resolve_short(expand(surface), h, keys, meta, first_pos, start)
        if target:
            mentions.append({"start": start, "end": end, "name": full[target].name, "kind": full[target].kind,
                             "surface": surface})
        elif h.bare_admin or "bare" in h.head.flags:
            # nothing fuller in the article: "Bộ Chỉ huy Quân sự tỉnh", "Tỉnh ủy" is the name as written
            name = surface[:1].upper() + surface[1:]
            k = expand(name)
            if k not in full:
                full[k] = Organization(name=name, kind=_kind(h, name),
                                       evidence=[Evidence(start, end, text[s_:e_])])
                extra.append(k)
            mentions.append({"start": start, "end": end, "name": name, "kind": full[k].kind, "surface": surface})
    seen: dict[str, list[int]] = {}  # name -> where it is mentioned
    for m in mentions:
        seen.setdefault(m["name"], []).append(m["start"])
    for start, end, surface, kinds in _anaphor_mentions(doc):
        cands = [k for k in keys if full[k].kind in kinds]
        if cands:
            # "nhà trường" is the school last named before it; else the first of the article
            last = {k: max((p for p in seen.get(full[k].name, ()) if p < start), default=-1) for k in cands}
            k = max(cands, key=lambda c: last[c]) if max(last.values()) >= 0 else cands[0]
            mentions.append({"start": start, "end": end, "name": full[k].name, "kind": full[k].kind,
                             "surface": surface})
    # parents resolved to canonical names
    names = {expand(full[k].name): full[k].name for k in keys}
    for k in keys:
        org = full[k]
        if org.parent:
            pk = expand(org.parent)
            org.parent = full[alias[pk]].name if pk in alias else names.get(pk, org.parent)
    mentions.sort(key=lambda m: (m["start"], -m["end"]))
    doc.organizations = [full[k] for k in keys + extra]
    doc.extras["org_mentions"] = mentions


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
