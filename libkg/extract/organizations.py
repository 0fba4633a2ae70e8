"""Pipeline component ``organizations``: organisation names and their mentions.

Where names open and end is :mod:`libkg.extract.orgscan` (the scanner the
``persons`` and ``positions`` components share); this component turns its hits
into organisations and mentions.

Short mentions ("Thư viện tỉnh", "Sở", "Liên hiệp", "Trung tâm", "nhà
trường", "Sở VH,TT&DL" without its province) are resolved to the fullest
matching name in the article; they become ``doc.org_mentions``
entries but never new organisations.  A name without its province, country or
subject ("Hội Thư viện") is the fuller one the article gives ("Hội Thư viện Việt
Nam"); "Viện X (IDK)" makes "Viện IDK" a mention of it.  The headline's
organisations are listed too (they get no mention: the headline is no sentence); a
headline in capitals is read in the case the body writes its words.  "Trường TH X" and
"Trường Tiểu học X" are one school (``org_level_abbrev.tsv``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from libkg.extract.facts import Evidence, Organization
from libkg.extract.gazetteer import countries
from libkg.extract.lexicon import (
    ADMIN_WORDS,
    Head,
    Tok,
    anaphors,
    anaphors_lower,
    ffold,
    folded_phrases,
    lowered,
    phrases,
    tokenize,
)
from libkg.extract.mentions import OrgMention
from libkg.extract.orgscan import (
    OrgHit,
    capital_lines,
    context_words,
    expand,
    org_text,
    province_keys,
    scan,
    scan_tokens,
)
from libkg.extract.pipeline import Doc, component
from libkg.resources import read_tsv

_SPACES = re.compile(r"\s+")


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
    mentions: list[OrgMention] = field(default_factory=list)

    def target(self, k: str) -> Organization:
        return self.full[self.alias.get(k, k)]

    def mention(self, start: int, end: int, org: Organization, surface: str) -> None:
        self.mentions.append(OrgMention(start, end, org.name, org.kind, surface))


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


def _add_bracket_aliases(nm: _Names, text: str, hits: _Hits, surfaces: list[str | None]) -> None:
    """"Viện Nghiên cứu X (IDK)" then "Viện IDK": the head with the abbreviation in brackets names
    the full organisation."""
    for (h, toks, _), name in zip(hits, surfaces, strict=True):
        e = h.end
        if name is None or e + 2 >= len(toks) or toks[e].text != "(" or toks[e + 2].text != ")" \
                or not toks[e + 1].abbrev:
            continue
        k = expand(name)
        for short in (expand(f"{h.head.text} {toks[e + 1].text}"), expand(toks[e + 1].text)):
            if short != k and short in nm.full and short not in nm.alias:
                nm.alias[short] = k  # "Viện IDK", and "IFLA" when the abbreviation is a name of its own


def _add_province_aliases(nm: _Names) -> None:
    """2. names without their province that a fuller name in the article completes."""
    for k in nm.order:
        h = nm.meta[k]
        if h.admin or h.whole or k in nm.alias:
            continue
        fam = _head_family(h.head)
        for k2 in nm.order:
            if k2 != k and k2.startswith(k + " ") and _head_family(nm.meta[k2].head) == fam and (
                    nm.meta[k2].admin or _place_extension(k2[len(k) + 1:])):
                nm.alias[k] = k2
                break
    _alias_same_region(nm)
    _alias_short_tails(nm)
    _alias_same_levels(nm)
    _alias_optional_words(nm)
    _alias_admin_words(nm)
    for k in nm.alias:  # "X" -> "X Việt Nam" -> "X Việt Nam về ...": the fullest
        seen = {k}
        while nm.alias[k] in nm.alias and nm.alias[k] not in seen:
            seen.add(nm.alias[k])
            nm.alias[k] = nm.alias[nm.alias[k]]
    for k, k2 in nm.alias.items():
        nm.full[k2].evidence.extend(nm.full[k].evidence)
    nm.keys = [k for k in nm.order if k not in nm.alias]


@lru_cache(maxsize=1)
def _short_heads() -> frozenset[str]:
    """Expanded texts of the heads that alone are a short mention ("Sở", "Hội", "Liên hiệp")."""
    from libkg.extract.lexicon import org_heads
    return frozenset(expand(h.text) for hs in org_heads().values() for h in hs if "short" in h.flags)


def _alias_short_tails(nm: _Names) -> None:
    """"Đảng ủy Sở" is "Đảng ủy Sở Văn hóa, Thể thao và Du lịch": a body named after its organisation's short
    head is the one of the same head the article names with that organisation in full."""
    shorts = _short_heads()
    for k in nm.order:
        words = k.split()
        if k in nm.alias or nm.meta[k].admin or not any(" ".join(words[-m:]) in shorts for m in (1, 2) if m < len(words)):
            continue
        fam = _head_family(nm.meta[k].head)
        k2 = next((x for x in nm.order if x.startswith(k + " ") and x not in nm.alias
                   and _head_family(nm.meta[x].head) == fam), None)
        if k2 is not None:
            nm.alias[k] = k2


def _add_initials_aliases(nm: _Names, text: str, named: _Hits) -> None:
    """"Liên hiệp Thư viện MĐNB & CNTB": a name whose body is abbreviations is the name with the same
    head whose body words have those initials ("Miền Đông Nam Bộ và cực Nam Trung Bộ")."""
    for h, toks, _ in named:
        letters = _abbreviated_body(toks, h)
        own = expand(_surface(text, toks, h.start, h.end)) if letters else ""
        if not letters or own not in nm.full or own in nm.alias:
            continue
        fam = _head_family(h.head)
        match = next((k for k in nm.order if k != own and k not in nm.alias and _head_family(nm.meta[k].head) == fam
                      and _initials(k, nm.meta[k].head) == letters), None)
        if match is not None:
            nm.alias[own] = match


@lru_cache(maxsize=1)
def _initials_skip() -> frozenset[str]:
    """Words an abbreviated name leaves out ("và", "&", "các", "khu vực")."""
    return context_words("joiner") | context_words("group") | {w for a in context_words("area") for w in a.split()}


def _abbreviated_body(toks: list[Tok], h: OrgHit) -> str:
    """The letters of a name body made of abbreviations ("MĐNB & CNTB" -> "MĐNBCNTB"), else ""."""
    body = [t.text for t in toks[h.start + len(h.head.words):h.end]]
    skip = _initials_skip()
    if h.short or not body or not all(t.isupper() or t in skip for t in body):
        return ""
    letters = "".join(t for t in body if t not in skip).upper()
    return letters if len(letters) >= 3 else ""


def _initials(key: str, head: Head) -> str:
    """Initials of the body words of an expanded name, the words an abbreviation leaves out skipped."""
    skip = {ffold(w) for w in _initials_skip()}
    return "".join(w[0] for w in key[len(expand(head.text)):].split() if w not in skip).upper()


@lru_cache(maxsize=1)
def _level_words() -> dict[str, str]:
    """Folded school-level abbreviation -> its folded words (org_level_abbrev.tsv)."""
    return {ffold(r[0]): ffold(r[1]) for r in read_tsv("lexicon", "org_level_abbrev.tsv")}


def _alias_same_levels(nm: _Names) -> None:
    """"Trường TH Nguyễn Du" is "Trường Tiểu học Nguyễn Du", "ĐH Hồng Đức" is "Trường Đại học Hồng Đức": names
    equal once their school levels and heads are written out are one, named with the most words written out."""
    levels = _level_words()
    groups: dict[str, list[str]] = {}
    for k in nm.order:
        if k not in nm.alias:
            groups.setdefault(_same_head(" ".join(levels.get(w, w) for w in k.split())), []).append(k)
    for ks in groups.values():
        if len(ks) > 1:
            full = max(ks, key=lambda k: len(k.split()))
            nm.alias.update({k: full for k in ks if k != full})


@lru_cache(maxsize=1)
def _same_heads() -> tuple[tuple[str, str], ...]:
    """Expanded head -> the shorter expanded head naming the same body (org_same_heads.tsv)."""
    return tuple((expand(r[0]) + " ", expand(r[1]) + " ") for r in read_tsv("lexicon", "org_same_heads.tsv"))


def _same_head(key: str) -> str:
    """``key`` with its head written as the shorter one of the same body ("trường đại học x" -> "đại học x"), in
    a unit's name too ("thư viện trường đại học x" -> "thư viện đại học x")."""
    out = f" {key}"
    for long, short in _same_heads():
        out = out.replace(f" {long}", f" {short}")
    return out[1:]


def _alias_same_region(nm: _Names) -> None:
    """"Liên hiệp Thư viện Miền Đông Nam bộ" is "... khu vực Miền Đông Nam Bộ": names equal but for the
    area words are one, written in full (with them)."""
    area = {ffold(w) for a in context_words("area") for w in a.split()}
    groups: dict[str, list[str]] = {}
    for k in nm.order:
        if k not in nm.alias:
            groups.setdefault(" ".join(w for w in k.split() if w not in area), []).append(k)
    for ks in groups.values():
        if len(ks) > 1:
            full = max(ks, key=lambda k: len(k.split()))
            nm.alias.update({k: full for k in ks if k != full})


@lru_cache(maxsize=1)
def _admin_words() -> tuple[str, ...]:
    """Expanded administrative words ("tỉnh", "thành phố", "huyện" ...), padded with spaces, longest first."""
    return tuple(sorted({f" {expand(full)} " for full in ADMIN_WORDS.values()}, key=len, reverse=True))


def _without(key: str, padded: tuple[str, ...]) -> str:
    """``key`` with the phrases ``padded`` (each with a space on both sides) left out."""
    out = f" {key} "
    for w in padded:
        out = out.replace(w, " ")
    return out.strip()


def _alias_admin_words(nm: _Names) -> None:
    """"Thư viện Điện Biên" is "Thư viện tỉnh Điện Biên": a name that is another name of the article but for
    its administrative word is that organisation, written in full -- only when one such fuller name exists
    ("Thư viện Lào Cai" beside both "Thư viện tỉnh Lào Cai" and "Thư viện thành phố Lào Cai" stays apart)."""
    fuller: dict[str, list[str]] = {}
    for k in nm.order:
        if k not in nm.alias and (bare := _without(k, _admin_words())) != k:
            fuller.setdefault(bare, []).append(k)
    for k in nm.order:
        if k not in nm.alias and len(ks := fuller.get(k, [])) == 1:
            nm.alias[k] = ks[0]


@lru_cache(maxsize=1)
def _optional_words() -> tuple[str, ...]:
    """Folded phrases a name may leave out (org_optional_words.txt), padded with spaces, longest first."""
    return tuple(sorted((f" {ffold(w)} " for w in phrases("org_optional_words.txt")), key=len, reverse=True))


def _alias_optional_words(nm: _Names) -> None:
    """"Thư viện tỉnh Kon Tum" is "Thư viện Tổng hợp tỉnh Kon Tum": names of one head equal but for words a name
    may leave out are one, written in full."""
    groups: dict[str, list[str]] = {}
    for k in nm.order:
        if k not in nm.alias:
            groups.setdefault(_without(k, _optional_words()), []).append(k)
    for ks in groups.values():
        if len(ks) > 1:
            full = max(ks, key=lambda k: (-_abbreviated(nm.full[k].name), len(k.split())))
            nm.alias.update({k: full for k in ks if k != full})


def _abbreviated(name: str) -> int:
    """How many words of ``name`` are abbreviations ("Phòng GD-ĐT": the name written out is the fuller one)."""
    return sum(1 for w in name.split()[1:] if sum(c.isupper() for c in w) > 1)


def _place_extension(rest: str) -> bool:
    """Is ``rest`` (the words a fuller name adds) a country, a province or a subject
    ("Hội Thư viện" + "Việt Nam", "Liên hiệp thư viện Việt Nam" + "về nguồn tin ...")?"""
    if rest in countries() or rest in province_keys():
        return True
    return any(rest.startswith(" ".join(w) + " ") for w in folded_phrases("org_topic_links.txt"))


def _add_mentions(nm: _Names, text: str, hits: _Hits, surfaces: list[str | None]) -> None:
    """3. mentions, full and short; a bare name nothing completes is kept as written."""
    named = {k: len(nm.full[k].evidence) for k in nm.keys}  # how often the text names each
    for (h, toks, (s_, e_)), name in zip(hits, surfaces, strict=True):
        start, end = toks[h.start].start, toks[h.end - 1].end
        surface = text[start:end]
        if name is not None:
            nm.mention(start, end, nm.target(expand(name)), surface)
            continue
        target = _resolve_short(expand(surface), h, nm.keys, nm.meta, nm.first_pos, start, named)
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
            nm.mentions.append(OrgMention(start, end, name, nm.full[k].kind, surface))


def _add_anaphors(nm: _Names, doc: Doc) -> None:
    """4. "nhà trường" is the school last named before it; else the first of the article."""
    seen: dict[str, list[int]] = {}  # name -> where it is mentioned
    for m in nm.mentions:
        seen.setdefault(m.name, []).append(m.start)
    parents = {nm.full[k].parent for k in nm.keys if nm.full[k].parent}
    for start, end, surface, kinds in _anaphor_mentions(doc):
        cands = [k for k in nm.keys if nm.full[k].kind in kinds]
        # "Trường X, Đại học Y ... Nhà trường": the school, not the body it belongs to
        cands = [k for k in cands if nm.full[k].name not in parents] or cands
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


@component("organizations", requires=("text", "sentences", "title"),
           assigns=("organizations", "org_mentions"))
def run(doc: Doc) -> None:
    hits = scan(doc)
    text = org_text(doc)
    nm = _Names()
    surfaces = [None if h.short else _surface(text, toks, h.start, h.end) for h, toks, _ in hits]
    # the headline's organisations are names like the body's, but the headline is no sentence: no mentions
    head_hits, head_surfaces = _headline_hits(doc)
    line_hits, line_surfaces = _capital_line_hits(doc)
    named = head_hits + line_hits + hits
    named_surfaces: list[str | None] = [*head_surfaces, *line_surfaces, *surfaces]
    _add_full_names(nm, text, named, named_surfaces)
    _add_bracket_aliases(nm, text, named, named_surfaces)
    _add_initials_aliases(nm, text, named)
    _add_province_aliases(nm)
    _add_mentions(nm, text, hits, surfaces)
    _add_anaphors(nm, doc)
    _canonical_parents(nm)
    nm.mentions.sort(key=lambda m: (m.start, -m.end))
    doc.organizations = [nm.full[k] for k in nm.keys + nm.extra]
    doc.org_mentions = nm.mentions


def _headline_hits(doc: Doc) -> tuple[_Hits, list[str]]:
    """Organisations the headline names, and their names, but not a site's banner ("Báo X điện tử") or a
    generic abbreviation ("Thư viện ĐH").  A headline in capitals is read in the body's case."""
    title = doc.title
    if not title:
        return [], []
    text = org_text(doc)
    toks = tokenize(text, title[0], title[1])
    banners = frozenset(ffold(x) for x in phrases("org_banner_heads.txt"))
    out: _Hits = []
    for h in scan_tokens(toks):
        body = toks[h.start + len(h.head.words):h.end]
        if not (h.short or ffold(h.head.text) in banners or all(t.abbrev for t in body)):
            out.append((h, toks, title))
    surfaces = [_surface(text, toks, h.start, h.end) for h, toks, _ in out]
    if text is not doc.text:  # a recased headline: a name the body writes is named as the body writes it
        surfaces = [_body_form(doc.text, title[1], sf) for sf in surfaces]
    return out, surfaces


def _capital_line_hits(doc: Doc) -> tuple[_Hits, list[str]]:
    """A line of the body in capitals that is one organisation's name and nothing else ("THƯ VIỆN HUYỆN X" over
    its section), read in the text's case; a line in capitals saying more (a headline, a menu) names nothing."""
    out: _Hits = []
    surfaces: list[str] = []
    for text, a, b in capital_lines(doc):
        toks = tokenize(text, a, b)
        for h in scan_tokens(toks):
            if h.start == 0 and h.end == len(toks) and not h.short:
                out.append((h, toks, (a, b)))
                surfaces.append(_surface(text, toks, h.start, h.end))
    return out, surfaces


def _body_form(text: str, start: int, name: str) -> str:
    """``name`` as the text after ``start`` writes it, in any case ("Tp. Hồ Chí Minh" -> "TP. Hồ Chí Minh");
    ``name`` itself when the text does not."""
    m = re.compile(re.escape(name), re.IGNORECASE).search(text, start)
    return m.group() if m else name


def _short_candidates(skey: str, h: OrgHit, keys: list[str], meta: dict[str, OrgHit]) -> list[str]:
    """The full names a short mention (key ``skey``) may stand for: those its key opens, else those of its head's
    family (for a bare administrative word, only at its level)."""
    cands = [k for k in keys if (k.startswith(skey + " ") or k == skey) and not meta[k].short]
    if cands:
        return cands
    fam = _head_family(h.head)
    if h.bare_admin:  # "Thư viện tỉnh", "Bộ Chỉ huy Quân sự tỉnh": its own kind, its level,
        # not the unit of another body ("Thư viện Trại giam X" is no province's library)
        return [k for k in keys if _head_family(meta[k].head) == fam and _same_level(skey, k) and not meta[k].whole]
    return [k for k in keys if _head_family(meta[k].head) == fam or
            meta[k].head.kind == h.head.kind and h.head.kind in ("LibraryUnion", "MilitaryPolice")]


def _resolve_short(skey: str, h: OrgHit, keys: list[str], meta: dict[str, OrgHit], first_pos: dict[str, int],
                   at: int, named: dict[str, int] | None = None) -> str | None:
    cands = _short_candidates(skey, h, keys, meta)
    if not cands:
        return None
    before = [k for k in cands if first_pos[k] < at] or cands
    # of several, the one the text names most ("Đảng ủy": the department's, named twice, not another once)
    return max(before, key=lambda k: named.get(k, 0)) if named else before[0]


@lru_cache(maxsize=1)
def _admin_keys() -> tuple[str, ...]:
    """Administrative words as they appear in expanded names, two-word ones first."""
    return tuple(sorted({ffold(v) for v in ADMIN_WORDS.values()}, key=lambda w: -len(w)))


def _same_level(short_key: str, key: str) -> bool:
    """May "Thư viện tỉnh" (``short_key``) mean ``key``: not the library of another level
    ("Thư viện xã An Hòa")?"""
    mine = next((w for w in _admin_keys() if short_key.endswith(" " + w)), None)
    padded = f" {key} "
    others = [w for w in _admin_keys() if f" {w} " in padded]
    return not others or mine is not None and f" {mine} " in padded


def _kind(h: OrgHit, name: str) -> str:
    kind = h.head.kind
    if kind == "Other" and h.head.text in context_words("centre") and any(w in name for w in context_words("centre_library")):
        return "Library"
    return kind
