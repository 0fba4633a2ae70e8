"""Pipeline component ``positions``: who holds which role at which organisation.

Reads ``doc.person_mentions`` and ``doc.org_mentions``
and the role words of ``data/lexicon/roles.tsv``.  Each pattern is a small
named rule; Vietnamese word lists are lexicon files.  Patterns:

* apposition after a name: "ông A, Giám đốc X", "bà B - Phó Giám đốc phụ
  trách Y", "ông C (Giám đốc X)", another name in brackets skipped; chains
  "Giám đốc X, Chủ tịch Liên hiệp" (two positions), "kiêm" sharing the
  organisation, an organisation the scan missed between two roles taken; a
  department or board named through the role is the organisation, as the text
  writes it (SCHEMA.md: "Trưởng phòng Nghiệp vụ, Thư viện tỉnh Z" -> Trưởng
  phòng @ "phòng Nghiệp vụ", inside Thư viện tỉnh Z; "giảng viên Khoa X"; a
  board of the organisation stays in the role: "Ủy viên Ban Kiểm tra"), a
  unit named again by name as the organisation ("Tổ trưởng Tổ X", "Trưởng
  khoa, Khoa Y"), a party or association board as the organisation ("Trưởng
  ban Tuyên giáo Tỉnh ủy X" -> "ban Tuyên giáo Tỉnh ủy X"), a board of its own
  ("Trưởng ban Quản lý Di tích X", ``own_boards.txt``), a committee seat
  before it on that committee; a diplomat's mission ("Tổng Lãnh sự Ấn Độ tại
  ..."); an acronym or a head word alone standing for an organisation the text
  names ("Phó Giám đốc ĐHQGHN", "Giám đốc Thư viện,"; an acronym the text gave in
  brackets: "Thư viện Trung tâm X (TVTT)" ... "Giám đốc TVTT"); a parent after the
  organisation skipped ("Vụ Thư viện, Bộ ...", "Trưởng ban X của Hội Y, ...");
  a head's role naming its body in lower case ("Viện trưởng Viện văn hóa dân
  gian"); an unread name before a parent ("Hội đồng khoa học, Viện X"); a
  qualifier kept in the role ("Phó Trưởng phòng phụ trách"); a semicolon for
  the comma ("ông A; Phó Giám đốc Sở X;", "bà B; Giám đốc Thư viện Y, cùng ...");
  "nguyên"/"cựu" (status
  former); "nhiệm kỳ 2024 – 2026" (term);
* role and organisation before the name: "Giám đốc Thư viện tỉnh X Nguyễn Văn A",
  "Giám đốc Thư viện X – ông A", a bare role "Phó Chủ tịch nước A"; more roles
  before it after commas or dashes ("Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy X A",
  "UVTV Tỉnh ủy - Phó Chủ tịch UBND tỉnh B"); a chain after one name stops at a role
  and organisation right before the next name; a role right after a party
  membership role without comma ("Tỉnh ủy viên Giám đốc Sở X", ``position_words.tsv``);
* predicates: "giữ chức vụ / được bổ nhiệm / được bầu làm / là ROLE [ORG]" (a
  bare "làm" names a task, not a post)
  for every person of the clause (a clause ends at ";" and at the ":" opening
  reported speech) (status appointed / elected), "A, B lần lượt
  là R1 và R2 ORG" pairing names and roles, a pronoun subject ("bà đã có 8 năm
  giữ cương vị ...", "Bà cũng là ...") taking the last person named; a career
  as a list of posts ("lần lượt giữ các cương vị R1 ORG1 (1982), R2 ORG2 và R3");
* lists: a plural role opening a list of its holders ("Các Phó Chủ tịch gồm: A;
  B", "trong số các ủy viên Ban Chấp hành có A và B"); a staff list under a
  header naming the organisation ("Phòng Nghiệp vụ:" then "• A - Trưởng phòng");
  a note on age or birth after the name passed over ("ông A, 56 tuổi, Giám đốc");
* a role without organisation takes the organisation the role implies
  ("Phó Vụ trưởng" -> the Vụ named in the sentence), the organisation a person
  represents ("Về phía Thư viện X có bà A, Giám đốc và ông B, Phó Giám đốc", "Đại
  diện Thư viện X, bà A, Giám đốc": every person of the list), that of a head or
  deputy listed right after ("A, Giám đốc; B, Phó Giám đốc Thư viện X"), the one
  library of news naming one library (a library head's role), an elected role the
  union or association in context, else None; it is dropped when the same person's
  same role is also given with an organisation, and kept with None only for roles
  that hold without one and a role written right before the name ("Chủ tịch A").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from libkg.extract.facts import Evidence, Organization, Position
from libkg.extract.gazetteer import countries
from libkg.extract.lexicon import (
    Role,
    Tok,
    bare_admin_before,
    committees,
    dept_enders,
    ffold,
    folded_phrases,
    literal_alternation,
    match_admin,
    match_head,
    match_phrase,
    match_role,
    phrase_at,
    phrases,
    pronoun_titles,
    sentence_tokens,
    title_re,
    titles,
    tokenize,
)
from libkg.extract.mentions import OrgMention, PersonMention
from libkg.extract.orgscan import expand, parse_org, place_length
from libkg.extract.pipeline import Doc, component
from libkg.normalize import fold_person
from libkg.resources import read_tsv

_SEPS = {",", "-", "–", "—", ":", "("}
_LEAD_SEPS = {"-", "–", "—", ":"}
_DASHES = frozenset(("-", "–", "—"))
_UNIT_WORDS = {"phòng", "ban", "khoa", "môn"}
_DEPT_HEADS = {"Khoa", "Phòng", "Ban", "Bộ môn", "Tổ"}
_TERM_RE = re.compile(r"^\s*,?\s*nhiệm kỳ\s+(\d{4})\s*[-–—]\s*(\d{4})")


def _role_at(toks: list[Tok], i: int) -> Role | None:
    """The role at token ``i`` (roles.tsv), or a deputy's or acting holder's role the table lists without
    that word (``position_words.tsv`` deputy: "Quyền Chủ tịch", "Phó Trưởng thôn"), else None."""
    r = match_role(toks, i)
    if r is not None or i + 1 >= len(toks) or (ffold(toks[i].text),) not in _words("deputy"):
        return r
    base = match_role(toks, i + 1)
    if base is None:
        return None
    return Role((ffold(toks[i].text), *base.words), f"{toks[i].text} {base.label}", base.en, base.implied)


@lru_cache(maxsize=8)
def _words(use: str) -> frozenset[tuple[str, ...]]:
    """The folded phrases of ``position_words.tsv`` with this use (deputy, list_joiner, library_head, member)."""
    return frozenset(tuple(ffold(row[0]).split()) for row in read_tsv("lexicon", "position_words.tsv")
                     if row[1] == use)


@lru_cache(maxsize=1)
def _pred_re() -> re.Pattern[str]:
    """Group 1: a predicate of ``role_predicates.txt``, not preceded by a word character (tried in the
    file's order)."""
    return re.compile("(" + literal_alternation(phrases("role_predicates.txt")) + r")\s+")


# a title standing alone for a person named before ("bà đã có 8 năm ..."): titles.tsv's "pronoun" rows
_PRONOUNS = (*pronoun_titles(), *(w[0].upper() + w[1:] for w in pronoun_titles()))
_PRONOUN_RE = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, _PRONOUNS)) + r")(?=\s+[a-zđà-ỹ])")


def _trim_orgs(orgs: list[OrgMention], persons: list[PersonMention], text: str) -> list[OrgMention]:
    """Organisation mentions that ran on into a personal name ("Hội Thư viện Việt Nam Trần Thị Hoa cho
    biết") end before the name."""
    starts = sorted(p.start for p in persons)
    out = []
    for m in orgs:
        i = bisect_left(starts, m.start + 1)
        if i < len(starts) and starts[i] < m.end:
            end = len(text[m.start:starts[i]].rstrip(" ,-–")) + m.start
            surface = text[m.start:end]
            m = replace(m, end=end, surface=surface, name=surface if m.name == m.surface else m.name)
        out.append(m)
    return out


class _Ctx:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.persons = doc.person_mentions
        self.orgs = _trim_orgs(doc.org_mentions, self.persons, doc.text)
        self.person_at = {m.start for m in self.persons}
        self.org_at: dict[int, OrgMention] = {}
        for m in self.orgs:
            cur = self.org_at.get(m.start)
            if cur is None or m.end > cur.end:
                self.org_at[m.start] = m
        self.parent_of = {o.name: o.parent for o in doc.organizations if o.parent}
        self.kind_of = {o.name: o.kind for o in doc.organizations}
        self.out: dict[tuple, Position] = {}
        self.board_parent: dict[str, str] = {}  # "Ban Tuyên giáo Tỉnh ủy X" -> "Tỉnh ủy X"
        self.bracketed = _bracket_acronyms(self.text, self.orgs)
        self.delegated: dict[tuple[int, int], tuple[str, int]] = {}  # sentence -> (represented org, end)
        self.bare: set[tuple[str, str]] = set()
        self.sub_parent: dict[str, str] = {}  # "phòng Nghiệp vụ" -> "Thư viện tỉnh X" (named after it)
        self.sub_units: set[str] = set()  # departments read through a role ("phòng Nghiệp vụ")

    def nested(self, m: OrgMention) -> bool:
        """Is the mention inside a longer one ("Đại học Quốc gia X" of "Trường Đại học Y - Đại học Quốc gia X")?"""
        return any(o.start < m.start and m.end <= o.end for o in self.orgs)

    def add(self, person: str, role: str, org: str | None, status: str, term: str | None,
            start: int, end: int, sent: tuple[int, int]) -> None:
        role = re.sub(r"\s+", " ", role).strip(" ,")
        key = (fold_person(person), expand(role), expand(org) if org else "")
        ev = Evidence(start, end, self.text[sent[0]:sent[1]])
        p = self.out.get(key)
        if p is None:
            self.out[key] = Position(person=person, role=role, organization=org,
                                     date=self.doc.article.published, status=status, term=term, evidence=[ev])
        else:
            p.evidence.append(ev)
            if status != "current" and p.status == "current":
                p.status = status
            p.term = p.term or term


def _idx(toks: list[Tok], offset: int) -> int:
    """Index of the first token starting at or after ``offset`` (tokens are sorted by offset)."""
    return bisect_left(toks, offset, key=_tok_start)


def _tok_start(t: Tok) -> int:
    return t.start


@lru_cache(maxsize=1)
def _dept_stops() -> frozenset[str]:
    return frozenset(phrases("dept_stops.txt"))


def _dept_lower_run(toks: list[Tok], j: int) -> int:
    """Index after the lower-case words (at most 4) that go on a capitalised department word at ``j - 1``."""
    n = len(toks)
    enders = dept_enders()  # "Khoa Thư viện - Thông tin học đề xuất ...": the verb ends the name
    low = 0
    while j < n and low < 4 and toks[j].text.islower() and toks[j].text.isalpha() \
            and toks[j].text not in _dept_stops() \
            and not (j + 1 < n and (toks[j].text, toks[j + 1].text) in enders) \
            and not match_admin(toks, j):
        j += 1
        low += 1
    return j


def _dept_joiner(toks: list[Tok], j: int, k: int, ctx: _Ctx) -> bool:
    """Does a "-" / "và" at ``j`` join two parts of a department name?"""
    t = toks[j]
    if t.text not in ("-", "–", "và") or j <= k or j + 1 >= len(toks) or not toks[j + 1].text[0].isupper():
        return False
    # "Trưởng khoa X và ThS. Y", "... và Nguyễn Văn A": the next person, not the name
    return not (t.text == "và" and _person_next(toks[j + 1], ctx))


def _head_after_dash(toks: list[Tok], j: int, ctx: _Ctx) -> int:
    """"Khoa Thông tin - Thư viện Trường ĐH X": after a dash, the head word of the organisation found at
    ``j`` still belongs to the department's name when a second organisation head follows it."""
    if toks[j - 1].text not in _DASHES or toks[j].start not in ctx.org_at:
        return 0
    h = match_head(toks, j)
    if h is None or match_head(toks, j + len(h.words)) is None:
        return 0
    return len(h.words)


def _dept(toks: list[Tok], k: int, ctx: _Ctx) -> tuple[int, bool]:
    """Tokens of a department name after "Trưởng phòng" & co.; (end index, has an admin part)."""
    n = len(toks)
    j = k
    while j < n:
        t = toks[j]
        if j > k and (t.start in ctx.org_at or t.start in ctx.person_at):
            return j + _head_after_dash(toks, j, ctx), False
        a = match_admin(toks, j) if j > k else 0
        if a:
            # "Trưởng phòng Văn hóa - Thông tin huyện": the district's office
            return j + a + place_length(toks, j + a, t.text), True
        if t.text[0].isupper() and (ph := match_phrase(toks, j)) > 1:
            j = _dept_lower_run(toks, j + ph)  # "Trưởng phòng Văn hóa, Khoa học và Thông tin": a known piece
            continue
        if t.text[0].isupper() and t.text[0].isalpha():
            j = _dept_lower_run(toks, j + 1)
            continue
        if _dept_joiner(toks, j, k, ctx):
            j += 1
            continue
        break
    return j, False


def _person_next(t: Tok, ctx: _Ctx) -> bool:
    """Does a person (a title, or a personal name the persons component found) start at token ``t``?"""
    return t.start in ctx.person_at or title_re().match(ctx.text, t.start) is not None


def _org_here(toks: list[Tok], k: int, ctx: _Ctx) -> tuple[OrgMention | None, int]:
    if k < len(toks):
        m = ctx.org_at.get(toks[k].start)
        if m is not None:
            return m, _idx(toks, m.end)
    return None, k


def _implied(role_implied: tuple[str, ...], toks: list[Tok], before: int, ctx: _Ctx) -> str | None:
    if not role_implied:
        return None
    best = None
    for m in ctx.orgs:
        if m.start >= before or m.start < toks[0].start or ctx.nested(m):
            continue
        for h in role_implied:
            if m.surface.startswith(h + " ") or m.surface == h or m.name.startswith(h + " "):
                best = m.name
    return best


class _Link(NamedTuple):
    """One role of a chain: the role as written, its organisation, term, end token index, implied heads."""

    role: str
    org: str | None
    term: str | None
    end: int
    implied: tuple[str, ...]
    former: str  # the word saying the role was held before ("nguyên", "cựu"), or ""
    joined: bool = False  # joined to the role before by "kiêm": the two share an organisation


_REPEATED_UNITS = frozenset(("tổ", "khoa", "phòng", "ban"))


def _repeated_unit(toks: list[Tok], j: int, ctx: _Ctx, role_words: tuple[str, ...]) -> tuple[str, int] | None:
    """A role naming its unit, then the unit by name: "Tổ trưởng Tổ Nghiệp vụ", "Trưởng khoa, Khoa Văn học":
    the named unit is the organisation (organisation, next index)."""
    n = len(toks)
    jj = j + 1 if j < n and toks[j].text == "," else j
    if not (jj + 1 < n and toks[jj].cap and toks[jj].start not in ctx.org_at and toks[jj + 1].cap):
        return None
    unit = ffold(toks[jj].text)
    if unit not in _REPEATED_UNITS or unit not in role_words:
        return None
    d_end, _ = _dept(toks, jj + 1, ctx)
    return ctx.text[toks[jj].start:toks[d_end - 1].end], d_end


def _union_of(toks: list[Tok], j: int, ctx: _Ctx) -> tuple[str, int] | None:
    """The youth union of an organisation after a role, "Đoàn" then the organisation's name ("Bí thư Đoàn
    Trường Đại học X", "Phó Bí thư Đoàn Sở Y"; ``union_words.txt``): both are the organisation (organisation,
    next index); "Đoàn" is no head on its own (a delegation, a family name)."""
    k = j + phrase_at(toks, j, "union_words.txt") if j < len(toks) and toks[j].cap else j
    if k == j or k >= len(toks) or toks[j].start in ctx.org_at:
        return None
    m = ctx.org_at.get(toks[k].start)
    if m is None:
        return None
    return ctx.text[toks[j].start:m.end], _idx(toks, m.end)


_NAMED_BODIES = frozenset(("viện", "vụ", "cục"))


def _repeated_body(toks: list[Tok], j: int, ctx: _Ctx, role_words: tuple[str, ...]) -> tuple[str, int] | None:
    """A head's role naming its institute, department or agency, then that body by a name the organisation
    scan did not read, maybe in lower case: "Viện trưởng Viện nghiên cứu Hán Nôm", "Cục trưởng Cục bảo tồn
    tỉnh X" (organisation, next index)."""
    n = len(toks)
    if not (j + 1 < n and toks[j].cap and toks[j].start not in ctx.org_at and toks[j + 1].text.isalpha()):
        return None
    unit = ffold(toks[j].text)
    if unit not in _NAMED_BODIES or unit not in role_words:
        return None
    d_end, _ = _dept(toks, j, ctx)  # with its place: "Cục bảo tồn tỉnh X"
    if d_end < j + 2:
        return None
    return ctx.text[toks[j].start:toks[d_end - 1].end], d_end


def _board_end(toks: list[Tok], j: int, ctx: _Ctx) -> int:
    """End index of a board's name after "Trưởng ban": capitalised ("Ban Dân vận Trung ương") or a party
    board in lower case ("ban tuyên giáo"); ``j`` when there is none."""
    if j >= len(toks) or toks[j].start in ctx.org_at:
        return j
    if toks[j].cap:
        d_end, gov = _dept(toks, j, ctx)
        return j if gov else d_end
    return j + phrase_at(toks, j, "party_boards.txt")


def _board(toks: list[Tok], j: int, ctx: _Ctx, last: str) -> tuple[str, int] | None:
    """A board named after "Trưởng ban" is the organisation ("Trưởng ban Tuyên giáo Tỉnh ủy X" -> "ban
    Tuyên giáo Tỉnh ủy X", "Trưởng ban Công tác Hội viên của Hội Y" -> "ban Công tác Hội viên"), unless an
    organisation it belongs to follows that is no party committee (then the board stays in the role)."""
    if last != "ban":
        return None
    d_end = _board_end(toks, j, ctx)
    if d_end == j:
        return None
    n = len(toks)
    start = toks[j - 1].start
    m = ctx.org_at.get(toks[d_end].start) if d_end < n else None
    if m is not None and (m.kind == "PoliticalBody" or phrase_at(toks, d_end, "party_committees.txt")):
        org = ctx.text[start:m.end]
        ctx.board_parent[org] = m.name
        return org, _idx(toks, m.end)
    if m is not None or (d_end + 1 < n and toks[d_end].text == "," and toks[d_end + 1].start in ctx.org_at):
        return None
    k = phrase_at(toks, d_end, "party_committees.txt") if d_end < n else 0
    if not k and not _own_board(toks, j, d_end):
        return None  # "trưởng ban tổ chức cuộc thi", "Trưởng ban Thanh tra nhân dân": the board stays in the role
    return ctx.text[start:toks[d_end + k - 1].end], d_end + k


def _commission(toks: list[Tok], j: int, ctx: _Ctx) -> tuple[str, int] | None:
    """A party committee's inspection commission after a role, then the committee ("Chủ nhiệm Ủy ban Kiểm tra
    Huyện ủy X", "Phó Chủ nhiệm UBKT Đảng ủy Sở": ``party_commissions.txt``): the commission with its committee
    is the organisation, inside that committee."""
    k = phrase_at(toks, j, "party_commissions.txt") if j < len(toks) and toks[j].start not in ctx.org_at else 0
    m = ctx.org_at.get(toks[j + k].start) if k and j + k < len(toks) else None
    if m is None or not (m.kind == "PoliticalBody" or phrase_at(toks, j + k, "party_committees.txt")):
        return None
    org = ctx.text[toks[j].start:m.end]
    ctx.board_parent[org] = m.name
    return org, _idx(toks, m.end)


def _own_board(toks: list[Tok], j: int, d_end: int) -> bool:
    """Is the board named at ``j:d_end`` a body of its own without a party committee after it: a party
    board ("Ban Dân vận Trung ương") or a board "of" an organisation ("Ban Công tác Hội viên của Hội X")?"""
    words = tuple(ffold(t.text) for t in toks[j:d_end])
    if any(words[:len(b)] == b for b in committees()):
        # "Ủy viên Ban Chấp hành": a board of the organisation that follows; "Trưởng Ban Tổ chức cuộc thi":
        # an event's organising board (a party board only before its party committee: "Ban Tổ chức Tỉnh ủy")
        return False
    if toks[j].cap and (phrase_at(toks, j, "party_boards.txt") or phrase_at(toks, j, "own_boards.txt")):
        return True
    return d_end < len(toks) and toks[d_end].text == "của"


@lru_cache(maxsize=1)
def _country_keys() -> frozenset[str]:
    return frozenset(countries())


def _place_run(toks: list[Tok], j: int) -> int:
    """End index of a capitalised place name at ``j`` ("TP. Hồ Chí Minh", "Việt Nam"), at most 5 tokens."""
    k = j
    while k < len(toks) and k - j < 5 and (toks[k].cap or toks[k].text in ("TP.", "Tp.")):
        k += 1
    return k


def _mission(toks: list[Tok], r: int, j: int, ctx: _Ctx, label: str) -> tuple[str, int] | None:
    """A diplomat's mission ("Tổng Lãnh sự Ấn Độ tại TP. Hồ Chí Minh"): a diplomatic role, a country and
    maybe "tại" and a place, as written, is the organisation."""
    if tuple(ffold(w) for w in label.split()) not in folded_phrases("diplomatic_roles.txt"):
        return None
    countries_ = _country_keys()
    k = next((k for k in (3, 2, 1) if ffold(" ".join(t.text for t in toks[j:j + k])) in countries_), 0)
    if not k:
        return None
    end = j + k
    if end + 1 < len(toks) and toks[end].text == "tại":
        end = max(end, _place_run(toks, end + 1))
    return ctx.text[toks[r].start:toks[end - 1].end], end


def _committee_at(toks: list[Tok], j: int) -> bool:
    """Do the words at ``j`` name a board that stays in the role ("Chấp hành" of "Ủy viên Ban Chấp hành",
    "Tổ chức" of "Trưởng Ban Tổ chức"), ``committees.txt``?"""
    words = tuple(ffold(t.text) for t in toks[j:j + 3])
    return any(words[:len(b)] == b for b in committees())


def _dept_in_role(toks: list[Tok], j: int, ctx: _Ctx, role_text: str, last: str) -> tuple[str, str | None, int]:
    """A department written out after the role is its organisation ("giảng viên Khoa Thông tin - Thư viện,
    Trường ...", "Phó Trưởng phòng phụ trách Phòng X"); a board of an organisation stays in the role ("Ủy
    viên Ban Kiểm tra"): (role, sub-unit, next index)."""
    n = len(toks)
    if (last not in _UNIT_WORDS and j + 1 < n and toks[j].text in _DEPT_HEADS and toks[j].start not in ctx.org_at
            and toks[j + 1].text[0].isupper()):
        d_end, gov = _dept(toks, j + 1, ctx)
        if not gov:
            surface = ctx.text[toks[j].start:toks[d_end - 1].end]
            if toks[j].text == "Ban" and _committee_at(toks, j + 1):
                return role_text + " " + surface, None, d_end
            return role_text, surface, d_end
    return role_text, None, j


def _gov_office(toks: list[Tok], j: int, d_end: int, ctx: _Ctx, last: str, surface: str) -> str:
    """The government office a unit role names ("Trưởng phòng Văn hóa - Thông tin huyện X")."""
    unit = last.capitalize()
    full = f"{unit} {surface}"
    known = [m.name for m in ctx.orgs if expand(m.name) == expand(full)]
    if not known and match_admin(toks, d_end - 1):
        # bare admin word: the office of that name named elsewhere in the article
        stem = expand(f"{unit} {ctx.text[toks[j].start:toks[d_end - 2].end]}") if d_end - 2 >= j else ""
        known = [m.name for m in ctx.orgs if stem and expand(m.name).startswith(stem + " ")]
    return known[0] if known else full


def _unit_start(toks: list[Tok], j: int) -> int:
    """Index of the unit word(s) ending the role before ``j``: "phòng" of "Trưởng phòng", "bộ môn"."""
    if j >= 2 and ffold(toks[j - 1].text) == "môn" and ffold(toks[j - 2].text) == "bộ":
        return j - 2
    return j - 1


def _unit_name(toks: list[Tok], j: int, ctx: _Ctx, role_text: str, last: str) -> tuple[str, str | None, int, bool]:
    """A role ending in a unit word ("Trưởng phòng") and the unit's name: a government office ("Trưởng phòng
    Văn hóa - Thông tin huyện X"), else the unit, as the text writes it through the role ("Phó phòng Nghiệp
    vụ" -> "phòng Nghiệp vụ"; SCHEMA); a board of an organisation stays in the role ("Trưởng Ban Tổ chức"):
    (role, organisation, next index, whether the organisation is a sub-unit of one named next)."""
    if last in _UNIT_WORDS and j < len(toks) and toks[j].lower and (d := phrase_at(toks, j, "role_dept_names.txt")):
        # "Trưởng phòng nghiệp vụ": the department written in lower case
        return role_text, ctx.text[toks[_unit_start(toks, j)].start:toks[j + d - 1].end], j + d, True
    if not (last in _UNIT_WORDS and j < len(toks) and toks[j].text[0].isupper() and toks[j].start not in ctx.org_at):
        return role_text, None, j, False
    d_end, gov = _dept(toks, j, ctx)
    surface = ctx.text[toks[j].start:toks[d_end - 1].end] if d_end > j else ""
    if gov:
        return role_text, _gov_office(toks, j, d_end, ctx, last, surface), d_end, False
    if not surface:
        return role_text, None, d_end, False
    if last == "ban" and _committee_at(toks, j):
        return role_text + " " + surface, None, d_end, False
    return role_text, ctx.text[toks[_unit_start(toks, j)].start:toks[d_end - 1].end], d_end, True


def _event_board(toks: list[Tok], j: int, last: str) -> int:
    """Index after an event's board named after "Trưởng ban" (``position_words.tsv`` event_board: "Trưởng Ban
    Tổ chức cuộc thi", "trưởng ban tổ chức;"), a board of no organisation: no capitalised name follows it
    (a party committee's board "Ban Tổ chức Tỉnh ủy X" is read before, see :func:`_board`); else ``j``."""
    if last != "ban" or j >= len(toks):
        return j
    k = next((j + len(w) for w in _words("event_board") if _folded_at(toks, j, w)), j)
    return k if k > j and (k >= len(toks) or not (toks[k].cap or toks[k].abbrev)) else j


def _folded_at(toks: list[Tok], j: int, words: tuple[str, ...]) -> bool:
    return tuple(ffold(t.text) for t in toks[j:j + len(words)]) == words


def _sub_unit(toks: list[Tok], j: int, ctx: _Ctx, role_text: str, last: str) -> tuple[str, str | None, int]:
    """The department or board a role names after it (see :func:`_dept_in_role`, :func:`_unit_name`); the
    organisation it belongs to, named next, is passed over ("Trưởng phòng Nghiệp vụ, Thư viện tỉnh X")."""
    if (board := _event_board(toks, j, last)) > j:  # "Trưởng ban tổ chức cuộc thi": the role, no organisation
        return role_text + " " + ctx.text[toks[j].start:toks[board - 1].end], None, board
    role, org, k = _dept_in_role(toks, j, ctx, role_text, last)
    sub = org is not None
    if org is None and k == j:
        role, org, k, sub = _unit_name(toks, j, ctx, role_text, last)
    if sub and org is not None:
        ctx.sub_units.add(org)
        parent, k = _org_after_role(toks, k, ctx)
        if parent:
            ctx.sub_parent.setdefault(org, parent)
    return role, org, k


def _skip_parents(toks: list[Tok], j: int, ctx: _Ctx, org_name: str) -> int:
    """Skip the parent named after the organisation: ", Bộ ...", "(Bộ VHTTDL)"."""
    n = len(toks)
    while j < n and toks[j].text in (",", "(", "-", "–"):
        m2, after2 = _org_here(toks, j + 1, ctx)
        if m2 is None or ctx.parent_of.get(org_name) != m2.name:
            break
        j = after2
        if j < n and toks[j].text == ")":
            j += 1
    return j


def _org_after_role(toks: list[Tok], j: int, ctx: _Ctx) -> tuple[str | None, int]:
    """The organisation right after a role ("Giám đốc Thư viện X", "Trưởng phòng ... (Cục ...)")."""
    n = len(toks)
    jj = j
    if jj < n and toks[jj].text in ("của", ",", "(") and jj + 1 < n and toks[jj + 1].start in ctx.org_at:
        jj += 1
    m, after = _org_here(toks, jj, ctx)
    if m is None:
        org, k = _short_org(toks, j, ctx)
        return (org, k) if org else _unread_org(toks, j, ctx) if _lower_org_at(toks, j, ctx) == j \
            else _lower_org(toks, j, ctx)
    j = after
    if toks[jj - 1].text == "(" and j < n and toks[j].text == ")":
        j += 1  # "Trưởng phòng Thư viện (Cục ...)"
    return _bare_head_name(m, ctx), _skip_parents(toks, j, ctx, m.name)


def _bare_head_name(m: OrgMention, ctx: _Ctx) -> str:
    """The name of an organisation mention that is its head word alone ("Phó Giám đốc Sở, Chủ tịch Công đoàn
    Sở X"): the fuller name with that head the text gives (see :func:`_named_with_head`), else as read."""
    head = _bare_head(m.name)
    return (_named_with_head(m.start, head, ctx) or m.name) if head else m.name


@lru_cache(maxsize=1024)
def _bare_head(name: str) -> str | None:
    """The head word(s) an organisation's name consists of alone ("Sở"), else None."""
    mt = tokenize(name)
    h = match_head(mt, 0)
    return h.text if h is not None and len(h.words) == len(mt) else None


def _short_org(toks: list[Tok], j: int, ctx: _Ctx) -> tuple[str | None, int]:
    """An organisation written short after a role: an acronym, or its head word alone ("Giám đốc Thư viện,"
    in news about one library): (the full name the text gives, next index), else (None, ``j``)."""
    if j >= len(toks):
        return None, j
    full = _acronym_org(toks[j], ctx)
    if full:
        return full, j + 1
    h = match_head(toks, j) if toks[j].cap else None
    k = j + len(h.words) if h is not None else j
    if h is None or _name_goes_on(toks, k, h.flags):
        return None, j
    named = _antecedent_with_head(toks[j].start, h.text, ctx)
    return (named, k) if named else (None, j)


def _antecedent_with_head(at: int, head: str, ctx: _Ctx) -> str | None:
    """The one organisation with this head word the text named before ``at``, a head alone after a role
    pointing back to it ("Sở Văn hóa X ... bà A, Phó Giám đốc Sở, cho biết"); None when two are named before
    it (which one is meant is a guess) or when the only ones come after it; the one embedded in another's
    name when the text names none on its own (see :func:`_embedded_with_head`)."""
    cands = _with_head(head, ctx)
    if not cands:
        return _embedded_with_head(at, head, ctx)
    before = {expand(m.name): m.name for m in cands if m.start < at}
    return next(iter(before.values())) if len(before) == 1 else None


_NAME_JOINERS = frozenset(("-", "–", "&", "và"))


def _unread_org(toks: list[Tok], j: int, ctx: _Ctx) -> tuple[str | None, int]:
    """An organisation's name right after a role that the organisation scan did not read, up to a
    punctuation mark: a head word, then capitalised words (places, acronyms, numbers and joiners between them)
    ("Phó Giám đốc Công an Hải Phòng,"; a brand name without a head word, "Giám đốc Viettel X", is left out:
    on unseen pages it was more often wrong).  (name, next index), else (None, ``j``)."""
    n = len(toks)
    h = match_head(toks, j) if j < n and toks[j].cap and toks[j].start not in ctx.person_at else None
    if h is None:
        return None, j
    first = j + len(h.words)
    k = _cap_run(toks, first, ctx, j + 12)
    if k == first or k < n and toks[k].text not in _NAME_ENDS:
        return None, j
    return ctx.text[toks[j].start:toks[k - 1].end], k


def _lower_org_at(toks: list[Tok], j: int, ctx: _Ctx) -> int:
    """Index after a head of ``role_lower_org_heads.txt`` written in lower case at ``j`` with a capitalised
    name after it that is no person's ("sở Văn hóa", "tạp chí Cửa Biển"), else ``j``."""
    k = j + phrase_at(toks, j, "role_lower_org_heads.txt") if j < len(toks) and toks[j].lower else j
    if k == j or k >= len(toks) or not (toks[k].cap or toks[k].abbrev) or toks[k].start in ctx.person_at:
        return j
    return k


def _lower_org(toks: list[Tok], j: int, ctx: _Ctx) -> tuple[str | None, int]:
    """A role's organisation opening with a head written in lower case (see :func:`_lower_org_at`): the name
    the organisation scan reads there when the head is capitalised, as the text writes it."""
    first = toks[j]
    local = [*toks[:j], Tok(first.text[0].upper() + first.text[1:], first.start, first.end), *toks[j + 1:]]
    hit = parse_org(local, j)
    if hit is None or hit.end <= _lower_org_at(toks, j, ctx) or hit.start != j:
        return None, j
    end = hit.end
    while end > j + 1 and toks[end - 1].start in ctx.person_at:
        end -= 1
    name = ctx.text[first.start:toks[end - 1].end]
    if hit.bare_admin:  # "Chủ tịch công đoàn Viên chức tỉnh": the one of the province the text named
        name = _with_province(name, ctx)
    return name, end


_NAME_ENDS = frozenset((",", ";", ".", ")", ":", "("))


def _cap_run(toks: list[Tok], k: int, ctx: _Ctx, limit: int) -> int:
    """End index of capitalised words, acronyms, numbers and joiners between them from ``k``."""
    n = min(len(toks), limit)
    while k < n and toks[k].start not in ctx.person_at and (
            toks[k].cap or toks[k].abbrev or toks[k].text.isdigit()
            or toks[k].text in _NAME_JOINERS and k + 1 < n and toks[k + 1].cap):
        k += 1
    return k


def _name_goes_on(toks: list[Tok], k: int, flags: frozenset[str]) -> bool:
    """Does the organisation's name go on after its head at ``k`` ("Thư viện Quốc gia", "Hội đồng khoa học":
    a head that never stands alone), rather than the head standing alone ("Giám đốc Thư viện cho biết")?"""
    if k >= len(toks) or not toks[k].text.isalnum():
        return False
    return toks[k].cap or toks[k].abbrev or "strict" in flags


def _named_with_head(at: int, head: str, ctx: _Ctx) -> str | None:
    """The organisation with this head word the text named last before ``at``, else first after it."""
    cands = _with_head(head, ctx)
    before = [m for m in cands if m.start < at]
    pick = before[-1] if before else (cands[0] if cands else None)
    return pick.name if pick else _embedded_with_head(at, head, ctx)


def _with_head(head: str, ctx: _Ctx) -> list[OrgMention]:
    """The organisations the text names whose name opens with this head word, in text order."""
    key = ffold(head) + " "
    return [m for m in ctx.orgs if ffold(m.name).startswith(key)]


def _embedded_with_head(at: int, head: str, ctx: _Ctx) -> str | None:
    """An organisation with this head named only inside another's name ("Phó Giám đốc Sở, Chủ tịch Công đoàn Sở
    Văn hóa và Thể thao" -> "Sở Văn hóa và Thể thao"): that part of the last such name before ``at``, else of
    the first after it."""
    pat = re.compile(r"\s(" + re.escape(head) + r"\s\S.*)$", re.I)
    found = [(m.start, hit.group(1)) for m in ctx.orgs if (hit := pat.search(m.name))]
    before = [f for f in found if f[0] < at]
    pick = before[-1] if before else (found[0] if found else None)
    return pick[1] if pick else None


def _initials(name: str, skip: frozenset[str]) -> str:
    return "".join(w[0] for w in re.findall(r"\w+", name) if w not in skip).upper()


_CONNECTIVES = frozenset(("và", "của"))


_BRACKET_ACRONYM = re.compile(r"\s*\(\s*([^\W\d_][\w&-]{1,11})\s*\)")


def _bracket_acronyms(text: str, orgs: list[OrgMention]) -> dict[str, str]:
    """Acronyms the text defines in brackets right after an organisation's name ("Thư viện Trung tâm X
    (TVTT)"): acronym -> that name."""
    out: dict[str, str] = {}
    for m in orgs:
        bm = _BRACKET_ACRONYM.match(text, m.end)
        if bm is not None and bm.group(1).isupper():
            out.setdefault(bm.group(1), m.name)
    return out


def _acronym_org(t: Tok, ctx: _Ctx) -> str | None:
    """The organisation an acronym after a role stands for: the name the text gave it in brackets ("Thư
    viện Trung tâm X (TVTT)" ... "Giám đốc TVTT"), else by the initials of a name the text gives ("Phó
    Giám đốc ĐHQGHN" -> "Đại học Quốc gia Hà Nội")."""
    if not t.abbrev or len(t.text) < 2:
        return None
    if t.text in ctx.bracketed:
        return ctx.bracketed[t.text]
    if len(t.text) < 3 or not t.text.isalpha():
        return None
    names = {m.name for m in ctx.orgs
             if t.text in (_initials(m.name, frozenset()), _initials(m.name, _CONNECTIVES))}
    return names.pop() if len(names) == 1 else None


def _term_after(toks: list[Tok], j: int, ctx: _Ctx) -> tuple[str | None, int]:
    """"nhiệm kỳ 2024 – 2026" after a role: (term, next index)."""
    tm = _TERM_RE.match(ctx.text[toks[j - 1].end:toks[-1].end]) if j > 0 else None
    if not tm:
        return None, j
    return f"{tm.group(1)}-{tm.group(2)}", _idx(toks, toks[j - 1].end + tm.end())


@lru_cache(maxsize=1)
def _former_words() -> frozenset[str]:
    return frozenset(ffold(w) for w in phrases("former_words.txt"))


def _former_word(toks: list[Tok], j: int) -> str:
    """The word at ``j`` if it says a role was held before ("nguyên", "cựu"), in lower case, else ""."""
    return toks[j].text.lower() if 0 <= j < len(toks) and ffold(toks[j].text) in _former_words() else ""


def _link_start(toks: list[Tok], k: int, sep_needed: bool) -> tuple[int, int, bool] | None:
    """Where a role may start after token ``k``: past a separator or a joiner ("kiêm"); (index, joiner
    length, glued), or None when a separator is needed and there is none.  ``glued``: a capitalised word
    right after a party membership role with no separator ("Tỉnh ủy viên Giám đốc Sở Y"), a role only when
    its organisation follows (see :func:`_link`)."""
    joined = phrase_at(toks, k, "role_joiners.txt") if sep_needed else 0
    if joined:
        return k + joined, joined, False
    if sep_needed and k + 1 < len(toks) and toks[k].text in _SEPS \
            and (joined := phrase_at(toks, k + 1, "role_joiners.txt")):
        return k + 1 + joined, joined, False  # "Phó Giám đốc Thư viện X, kiêm Trưởng phòng Y"
    if k < len(toks) and toks[k].text in _SEPS:
        return k + 1, 0, False
    if not sep_needed:
        return k, 0, False
    return (k, 0, True) if k < len(toks) and toks[k].cap and _member_role_before(toks, k) else None


def _member_role_before(toks: list[Tok], k: int) -> bool:
    """Does a party membership role end right before ``k`` ("Tỉnh ủy viên", "Huyện ủy viên")?"""
    return any(k >= len(p) and tuple(ffold(t.text) for t in toks[k - len(p):k]) == p for p in _words("member"))


def _role_words(toks: list[Tok], j: int, ctx: _Ctx, role: Role) -> tuple[str, int]:
    """The role matched at ``j`` and the index after it; a role ending in a head word that opens an
    organisation's name is cut before it ("Phụ trách Thư viện huyện X")."""
    end = j + len(role.words)
    cut = next((c for c in range(j + 1, end) if toks[c].cap and toks[c].start in ctx.org_at), None)
    if cut is None:
        q = phrase_at(toks, end, "role_qualifiers.txt") if end < len(toks) else 0
        if q and toks[end].start not in ctx.org_at:
            # "Phó Trưởng phòng phụ trách": a qualifier after the role stays in it, as written
            return role.label + " " + ctx.text[toks[end].start:toks[end + q - 1].end], end + q
        return role.label, end
    if cut == end - 1 and toks[cut].text.lower() in _UNIT_WORDS:
        return role.label, cut  # "Trưởng Khoa X": the unit word is the role's and opens the unit's name
    if not _stands_alone(toks[j:cut]) and _role_tail_read(toks, cut, end, ctx):
        return role.label, end
    return ctx.text[toks[j].start:toks[cut - 1].end], cut


def _stands_alone(words: list[Tok]) -> bool:
    """Are these words a role of their own ("Phụ trách" of "Phụ trách Thư viện X": a qualifier, a role, a head
    word alone, ``position_words.tsv`` bare_role) rather than a role's first words ("Chánh" of "Chánh Văn
    phòng")?"""
    r = _role_at(words, 0)
    return r is not None and len(r.words) == len(words) or phrase_at(words, 0, "role_qualifiers.txt") == len(words) \
        or tuple(ffold(t.text) for t in words) in _words("bare_role")


def _role_tail_read(toks: list[Tok], cut: int, end: int, ctx: _Ctx) -> bool:
    """Did the organisation scan read the last words of a role with the organisation after it as one name
    ("Chánh Văn phòng Hội Nhà văn X" read as "Văn phòng Hội Nhà văn X")?  When another organisation's head
    follows the role inside that name, that rest is the organisation (noted at its first token): True."""
    m = ctx.org_at[toks[cut].start]
    if end >= len(toks) or toks[end].start >= m.end or not toks[end].cap or match_head(toks, end) is None:
        return False
    rest = ctx.text[toks[end].start:m.end]
    ctx.org_at.setdefault(toks[end].start, OrgMention(toks[end].start, m.end, rest, m.kind, rest))
    return True


def _link(toks: list[Tok], k: int, ctx: _Ctx, sep_needed: bool) -> _Link | None:
    """One role of a chain starting at token ``k`` (after an optional separator), or None."""
    start = _link_start(toks, k, sep_needed)
    if start is None:
        return None
    j, joined, glued = start
    former = _former_word(toks, j)
    if former:
        j += 1
    role = _role_at(toks, j)
    if role is None:
        return None
    k_role = j
    label, j = _role_words(toks, j, ctx, role)
    role_text = (former + " " if former else "") + label
    last = label.split()[-1].lower()
    named = _repeated_unit(toks, j, ctx, role.words) or _repeated_body(toks, j, ctx, role.words) \
        or _union_of(toks, j, ctx) \
        or _board(toks, j, ctx, last) or _commission(toks, j, ctx) \
        or _mission(toks, k_role, j, ctx, role.label)
    org_name: str | None
    if named is not None:
        org_name, j = named
    else:
        role_text, org_name, j = _sub_unit(toks, j, ctx, role_text, last)
    if org_name is None:
        org_name, j = _org_after_role(toks, j, ctx)
    if glued and org_name is None:
        return None
    term, j = _term_after(toks, j, ctx)
    return _Link(role_text, org_name, term, j, role.implied, former, bool(joined))


def _unread_tail(toks: list[Tok], j: int, ctx: _Ctx) -> int:
    """End index of an organisation's name the organisation scan did not read, between a role and the next
    role or the organisation it belongs to ("Ủy viên BCH Đảng bộ tỉnh, Giám đốc Sở X", "Phó Chủ tịch Hội
    đồng khoa học, Viện Y"): up to 5 tokens opening with an organisation head, then a separator and a role
    or an organisation; ``j`` when there is none."""
    n = len(toks)
    if j >= n or not toks[j].cap or match_head(toks, j) is None:
        return j
    for c in range(j + 1, min(n - 1, j + 6)):
        t = toks[c]
        if t.start in ctx.person_at or t.start in ctx.org_at:
            return j
        if t.text in _SEPS:
            return c if c + 1 < n and (_role_at(toks, c + 1) is not None or toks[c + 1].start in ctx.org_at) else j
        if not t.text.isalnum():
            return j
    return j


def _owner_after(toks: list[Tok], j: int, ctx: _Ctx) -> int:
    """Index after the organisation a unit belongs to, written "của ORG" after it ("Trưởng ban Công tác Hội
    viên của Hội X, Phó Giám đốc Y": the chain goes on after "Hội X"); ``j`` when there is none."""
    if j + 1 < len(toks) and toks[j].text == "của" and (m := ctx.org_at.get(toks[j + 1].start)) is not None:
        return _skip_parents(toks, _idx(toks, m.end), ctx, m.name)
    return j


def _chain(toks: list[Tok], k: int, ctx: _Ctx, need_sep: bool) -> list[_Link]:
    """Roles (role, org, term, end index, implied, former) following a name at token ``k``."""
    out: list[_Link] = []
    while k < len(toks):
        link = _link(toks, k, ctx, need_sep or bool(out))
        if link is None:
            break
        if link.org is None and (tail := _unread_tail(toks, link.end, ctx)) > link.end:
            link = link._replace(org=ctx.text[toks[link.end].start:toks[tail - 1].end], end=tail)
        elif link.org is not None:
            link = link._replace(end=_owner_after(toks, link.end, ctx))
        if link.end < len(toks) and toks[link.end].start in ctx.person_at:
            break  # "ông A, Giám đốc X, Chủ tịch UBND tỉnh Y Nguyễn Văn B": the last role is B's
        out.append(link)
        k = link.end
    return out


_CLAUSE_ENDS = frozenset((";", "."))


def _semicolon_chain(toks: list[Tok], k: int, ctx: _Ctx) -> list[_Link]:
    """Roles after a name and a semicolon, some pages' comma ("ông A; Phó Giám đốc Sở X; ông B ..."): only
    a role with its organisation that ends the clause (else the role opens the next one: "; Giám đốc Sở X
    ông B")."""
    if k >= len(toks) or toks[k].text != ";":
        return []
    chain = _chain(toks, k + 1, ctx, need_sep=False)
    if not chain or chain[-1].org is None or not _clause_ends(toks, chain[-1].end, ctx):
        return []
    return chain


def _clause_ends(toks: list[Tok], j: int, ctx: _Ctx) -> bool:
    """Does the clause end at token ``j``: the end, ";" or ".", or a comma with no person named after it in
    the clause ("; Giám đốc Thư viện X, cùng ..." but not "; Giám đốc Sở X, ông B" nor "; Phó Bí thư Huyện
    ủy, Chủ tịch UBND huyện Y Trần Văn B": there the roles are the next person's)?"""
    if j >= len(toks) or toks[j].text in _CLAUSE_ENDS:
        return True
    if toks[j].text != ",":
        return False
    end = next((t.start for t in toks[j:] if t.text in _CLAUSE_ENDS), toks[-1].end)
    return not any(toks[j].start < p.start < end for p in ctx.persons)


def _delegation_org(ctx: _Ctx, sent: tuple[int, int], m: PersonMention) -> str | None:
    """The organisation a person represents: "(Đại diện) Thư viện tỉnh X có bà A, Phó Giám đốc", "Đại diện
    Thư viện X, bà A, Giám đốc", or that of the person listed right before ("... có bà A, Giám đốc và ông B,
    Phó Giám đốc")."""
    return _represented_org(ctx, sent, m) or _listed_with(ctx, sent, m) or _list_header_org(ctx.text, ctx.orgs, m)


_LIST_ITEM = re.compile(r"\s*(?:[•●▪◦·*+\-–—]|\d{1,2}[.)])\s*(?:[^\W\d_][\w./]*\s+){0,2}$")
_LIST_LINE = re.compile(r"\s*(?:[•●▪◦·*+\-–—]|\d{1,2}[.)])")
_MAX_LIST_LINES = 30


def _list_header_org(text: str, orgs: list[OrgMention], m: PersonMention) -> str | None:
    """A list of people, one a line, under a header that names their organisation ("Phòng Nghiệp vụ:" then
    "• A - Trưởng phòng", "• B - Thủ thư"; "Về phía Thư viện tỉnh X:" then "- bà C, Phó Giám đốc"): the
    organisation that ends the header, right before its colon; None when the name opens no list item."""
    line = text.rfind("\n", 0, m.start) + 1
    if not _LIST_ITEM.fullmatch(text, line, m.start):
        return None
    end = line - 1
    for _ in range(_MAX_LIST_LINES):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        header = text[start:end].rstrip()
        if header.strip() and not _LIST_LINE.match(header):
            if not header.endswith(":"):
                return None
            colon = start + len(header) - 1
            named = next((o.name for o in orgs if start <= o.start and o.end <= colon
                          and not text[o.end:colon].strip()), None)
            return named or _dept_header(header[:-1].strip())
        end = start - 1
    return None


def _dept_header(header: str) -> str | None:
    """A header that is a department's name the organisation scan did not read ("Phòng tổ chức hành chính"),
    not a board of the organisation ("Ban giám đốc")."""
    toks = tokenize(header)
    if not 2 <= len(toks) <= 8 or toks[0].text not in _DEPT_HEADS or not all(t.text.isalpha() or t.text in _DASHES
                                                                            for t in toks):
        return None
    return None if toks[0].text == "Ban" and _committee_at(toks, 1) else header


def _represented_org(ctx: _Ctx, sent: tuple[int, int], m: PersonMention) -> str | None:
    clause = max(ctx.text.rfind(";", sent[0], m.start), ctx.text.rfind(":", sent[0], m.start), sent[0])
    words = {" ".join(p) for p in folded_phrases("delegation_words.txt")}
    for o in ctx.orgs:
        if not clause <= o.start < m.start or o.end > m.start:
            continue
        gap = _without_title(ctx.text[o.end:m.start]).strip()
        if ffold(gap) in words or gap == "," and _opened(ctx.text, clause, o.start):
            return o.name
    return None


def _without_title(gap: str) -> str:
    """``gap`` without the title that ends it ("có bà " -> "có ")."""
    tm = title_re().search(gap)
    return gap[:tm.start()] if tm is not None and not gap[tm.end():].strip() else gap


def _opened(text: str, clause: int, at: int) -> bool:
    """Do the words right before ``at`` (within the clause) say that a representative follows ("Đại diện",
    "Về phía")?"""
    before = ffold(text[max(clause, at - 20):at]).split()
    return any(len(before) >= len(p) and tuple(before[-len(p):]) == p
               for p in folded_phrases("delegation_openers.txt"))


def _listed_with(ctx: _Ctx, sent: tuple[int, int], m: PersonMention) -> str | None:
    """The organisation of the representative listed right before ``m`` in the sentence, when only
    separators, a joiner ("và") and a title stand between them."""
    prev = ctx.delegated.get(sent)
    if prev is None or prev[1] > m.start:
        return None
    gap = tuple(_GAP_MARKS.sub(" ", ffold(_without_title(ctx.text[prev[1]:m.start]))).split())
    return prev[0] if not gap or gap in _words("list_joiner") else None


_GAP_MARKS = re.compile(r"[,;()]")


_NOTE_REACH = 25  # tokens of a note in brackets after a name ("(quê ở thôn X, xã Y, huyện Z)")


def _skip_alias(toks: list[Tok], k: int, ctx: _Ctx) -> int:
    """Skip a note in brackets after the name that holds no role: another name ("A ( B ), Tổ trưởng ..."),
    a birth year or a place ("A (SN 1960), nguyên Giám đốc ...")."""
    n = len(toks)
    if k + 2 >= n or toks[k].text != "(":
        return _skip_title_note(toks, _skip_age(toks, k))
    for c in range(k + 1, min(n, k + _NOTE_REACH)):
        if toks[c].text == ")":
            return c + 1
        if _role_at(toks, c) is not None or toks[c].text == "(":
            return k
    return k


def _skip_age(toks: list[Tok], k: int) -> int:
    """Skip a note on the person's age or birth between commas ("A, 56 tuổi, Giám đốc ...", "B, sinh năm
    1975, ...": ``age_notes.txt``): the index of the comma after it, else ``k``."""
    n = len(toks)
    if k + 3 >= n or toks[k].text != ",":
        return k
    c = next((c for c in range(k + 2, min(n, k + 6)) if toks[c].text == ","), None)
    if c is None or not any(t.text.isdigit() for t in toks[k + 1:c]):
        return k
    words = {ffold(t.text) for t in toks[k + 1:c] if not t.text.isdigit()}
    notes = folded_phrases("age_notes.txt")
    return c if any(set(p) <= words for p in notes) else k


@lru_cache(maxsize=1)
def _note_titles() -> frozenset[tuple[str, ...]]:
    """Titles that may stand alone between commas after a name: ranks, degrees, professions (not "ông")."""
    return frozenset(tuple(ffold(t.text) for t in tokenize(title)) for title, kind in titles()
                     if kind != "honorific")


def _skip_title_note(toks: list[Tok], k: int) -> int:
    """Skip a rank, degree or profession written between commas after the name ("ông A, Thượng tá, Phó Chính
    ủy ...", "bà B, Tiến sĩ, Giám đốc ..."): the index of the comma after it, else ``k``."""
    n = len(toks)
    if k + 2 >= n or toks[k].text != ",":
        return k
    c = next((c for c in range(k + 2, min(n, k + 6)) if toks[c].text == ","), None)
    if c is None or tuple(ffold(t.text) for t in toks[k + 1:c]) not in _note_titles():
        return k
    return c


def _committee_of(link: _Link, ctx: _Ctx) -> str | None:
    """The party committee a link's organisation is or belongs to."""
    if link.org is None:
        return None
    if link.org in ctx.board_parent:
        return ctx.board_parent[link.org]
    return link.org if ctx.kind_of.get(link.org) == "PoliticalBody" else None


@lru_cache(maxsize=1)
def _seats() -> frozenset[str]:
    return frozenset(ffold(w) for w in phrases("committee_seats.txt"))


def _shared_org(org: str, ctx: _Ctx) -> str | None:
    """The organisation a role joined by "kiêm" to a role at ``org`` is held at: ``org``, or the parent of a
    department read through that role ("Phó Giám đốc kiêm Trưởng phòng Nghiệp vụ Thư viện X": Thư viện X;
    none when no parent is named)."""
    return ctx.sub_parent.get(org) if org in ctx.sub_units else org


def _distribute(chain: list[_Link], ctx: _Ctx) -> list[_Link]:
    """Shared heads: a role joined by "kiêm" to a role at an organisation is held there too; a committee
    seat given without organisation before a role on a party committee takes that committee ("Ủy viên Ban
    Thường vụ, Trưởng ban Tuyên giáo Tỉnh ủy X" -> Ủy viên Ban Thường vụ @ Tỉnh ủy X)."""
    out = list(chain)
    for a in range(len(out) - 2, -1, -1):
        nxt_org = out[a + 1].org
        if out[a].org is None and out[a + 1].joined and nxt_org:
            out[a] = out[a]._replace(org=_shared_org(nxt_org, ctx))  # "Phó Chủ tịch kiêm Tổng Thư ký Hội X"
    for a, link in enumerate(out):
        if link.org is not None or ffold(link.role.split(" ", 1)[-1] if link.former else link.role) not in _seats():
            continue
        committee = next((c for later in out[a + 1:] if (c := _committee_of(later, ctx))), None)
        if committee:
            out[a] = link._replace(org=committee)
    return out


def _appositions(ctx: _Ctx, toks: list[Tok], sent: tuple[int, int], m: PersonMention, retire: bool) -> None:
    """Roles after a name: "ông A, Giám đốc X, Chủ tịch Y"."""
    text = ctx.text
    s = sent[0]
    k = _skip_alias(toks, _idx(toks, m.end), ctx)
    chain = _chain(toks, k, ctx, need_sep=True) or _semicolon_chain(toks, k, ctx) or _unseparated_chain(toks, k, ctx) \
        or _coordinated_chain(ctx, toks, sent, m)
    for role, org, term, j, implied, former, _ in _distribute(chain, ctx):
        end = toks[j - 1].end if j else m.end
        if org is None:
            org = _implied(implied, toks, m.start, ctx) or _department_home(role, ctx, m.start)
        if org is None and (org := _delegation_org(ctx, sent, m)) is not None:
            ctx.delegated[sent] = (org, end)
        if org is None:
            org = _ladder_org(ctx, toks, sent, role, end) or _sole_library(ctx, role)
        status = "former" if former else "current"
        if retire and "nghỉ hưu" in text[s:m.start]:
            status = "retired"
        if ";" in text[m.end:end]:
            status = "current"
        ctx.add(m.name, role, org, status, term, m.start, end, sent)


_OWN_STANDING = frozenset(("profession", "descriptor"))


@lru_cache(maxsize=1)
def _title_kinds() -> dict[str, str]:
    return {ffold(t): kind for t, kind in titles()}


def _title_kind(before: str) -> str | None:
    """The kind (titles.tsv) of the title that ends ``before`` (the text right before a name), else None."""
    tm = next((t for t in reversed(list(title_re().finditer(before)))), None)
    if tm is None or before[tm.end():].strip():
        return None
    return _title_kinds().get(ffold(tm.group(1)))


def _coordinated_chain(ctx: _Ctx, toks: list[Tok], sent: tuple[int, int], m: PersonMention) -> list[_Link]:
    """Roles shared by two names joined by "và" ("bà A và bà B, Phó Giám đốc Thư viện X"): the roles after the
    second name, when only "và" and a title stand between the two and the first is named here first."""
    nxt = next((p for p in ctx.persons if m.end < p.start < sent[1]), None)
    if nxt is None or ffold(_without_title(ctx.text[m.end:nxt.start]).strip()) != "và":
        return []
    who = fold_person(m.name)
    if any(p.start < m.start and fold_person(p.name) == who for p in ctx.persons):
        return []  # "A và B, Phó Giám đốc Sở X" with A introduced before: the role is B's
    if _title_kind(ctx.text[max(0, m.start - 24):m.start]) in _OWN_STANDING:
        return []  # "nhà văn A và ThS. B, giảng viên Trường X": A is presented by the title
    return _chain(toks, _skip_alias(toks, _idx(toks, nxt.end), ctx), ctx, need_sep=True)


def _unseparated_chain(toks: list[Tok], k: int, ctx: _Ctx) -> list[_Link]:
    """Roles written right after a name with no separator, as sloppy pages do ("ông A Chủ tịch Hội X"): only
    when the first role is capitalised and names its organisation."""
    if k >= len(toks) or not toks[k].cap:
        return []
    chain = _chain(toks, k, ctx, need_sep=False)
    return chain if chain and chain[0].org is not None else []


_NEXT_GAP = re.compile(r"\s*[,;]\s*")


def _sole_library(ctx: _Ctx, role: str) -> str | None:
    """A library's or a school's head named without organisation in news that names one library (one school or
    university) only, not counting one named inside another's name: that one (``position_words.tsv``
    library_head, school_head)."""
    words = tuple(ffold(role).split())
    kinds = next((k for use, k in _HOMES if words in _words(use)), None)
    if kinds is None:
        return None
    libs = {m.name for m in ctx.orgs if m.kind in kinds and not ctx.nested(m)}
    return libs.pop() if len(libs) == 1 else None


_HOMES = (("library_head", ("Library",)), ("school_head", ("School", "University")))


def _ladder_org(ctx: _Ctx, toks: list[Tok], sent: tuple[int, int], role: str, end: int) -> str | None:
    """A head and a deputy listed together share the organisation named after the second ("A, Giám đốc;
    B, Phó Giám đốc Thư viện X"): the organisation of the next person's first role, when that role is the
    same post one rung up or down."""
    nxt = next((p for p in ctx.persons if end <= p.start < sent[1]), None)
    if nxt is None or not _NEXT_GAP.fullmatch(_without_title(ctx.text[end:nxt.start])):
        return None
    chain = _chain(toks, _idx(toks, nxt.end), ctx, need_sep=True)
    if not chain or chain[0].org is None or not _same_ladder(role, chain[0].role):
        return None
    return chain[0].org


def _same_ladder(a: str, b: str) -> bool:
    """Are two roles the same post, one of them its deputy ("Giám đốc", "Phó Giám đốc")?"""
    wa, wb = ffold(a).split(), ffold(b).split()
    deputy = {w for (w, *_) in _words("deputy")}
    ba = wa[1:] if wa and wa[0] in deputy else wa
    bb = wb[1:] if wb and wb[0] in deputy else wb
    return bool(ba) and ba == bb and wa != wb


def _with_former(toks: list[Tok], k: int, label: str) -> tuple[str, str]:
    """A role whose first token is ``k``, with the word before it saying it was held before ("Nguyên Giám
    đốc Thư viện X A"): (role as written, status)."""
    former = _former_word(toks, k - 1)
    return (f"{former} {label}", "former") if former else (label, "current")


_LONGEST_ROLE = 7  # tokens of the longest role before an organisation


def _role_before_org(ctx: _Ctx, toks: list[Tok], sent: tuple[int, int], m: PersonMention, prev_org: OrgMention,
                     comma: bool = False) -> None:
    """"Giám đốc Thư viện tỉnh X Nguyễn Văn A": a role, its organisation, then the name.  After a comma
    ("Bí thư Tỉnh ủy X, đồng chí A") only when the role opens a clause with no person named before it (else
    the role is that person's: "ông B, Giám đốc X, ông A ...")."""
    oi = _idx(toks, prev_org.start)
    for back in range(_LONGEST_ROLE, 0, -1):  # "Tham tán Thông tin Văn hóa Đại sứ quán X Nguyễn Văn A"
        r = _role_at(toks, oi - back) if oi - back >= 0 else None
        if comma and r is not None and (_person_in_clause(ctx, sent, toks[oi - back].start)
                                        or oi - back > 0 and _goes_on_word(toks[oi - back - 1])):
            return  # "thừa ủy quyền của Bộ trưởng Bộ X, ông A": the role opens no clause
        if r is not None and oi - back + len(r.words) == oi:
            role, status = _with_former(toks, oi - back, r.label)
            ctx.add(m.name, role, prev_org.name, status, None, toks[oi - back].start, m.end, sent)
            _roles_before(ctx, toks, sent, m, oi - back)
            return


def _goes_on_word(t: Tok) -> bool:
    """Is ``t`` a word the role after it goes on from, so that the role opens no clause ("của Bộ trưởng Bộ X,
    ông A")?  Not a word naming the source of what follows ("Theo Giám đốc Thư viện X, ông A, ...")."""
    return t.text.isalnum() and (ffold(t.text),) not in _words("source")


def _role_ending_at(toks: list[Tok], end: int) -> tuple[int, Role] | None:
    """The role that ends right before token ``end`` and the index of its first token, else None."""
    for back in range(_LONGEST_ROLE, 0, -1):
        r = _role_at(toks, end - back) if end - back >= 0 else None
        if r is not None and len(r.words) == back:
            return end - back, r
    return None


_CHAIN_SEPS = frozenset((",", "-", "–", "—"))


def _roles_before(ctx: _Ctx, toks: list[Tok], sent: tuple[int, int], m: PersonMention, k: int) -> None:
    """More roles of the same person before the role at ``k``, each after a comma or a dash ("Ủy viên Trung
    ương Đảng, Bí thư Tỉnh ủy X Nguyễn Văn A"; "UVTV Tỉnh ủy - Phó Chủ tịch UBND tỉnh Y Trần Văn B"), with their
    organisation when one ends right before the comma; none when a person is named before them in the
    clause (the roles are that person's)."""
    while k >= 2 and toks[k - 1].text in _CHAIN_SEPS:
        end = k - 1
        org = next((o for o in ctx.orgs if o.end == toks[end - 1].end and o.start >= sent[0]), None)
        role_end = _idx(toks, org.start) if org is not None else end
        found = _role_ending_at(toks, role_end)
        if found is None or _person_in_clause(ctx, sent, toks[found[0]].start):
            return
        k = found[0]
        role, status = _with_former(toks, k, found[1].label)
        ctx.add(m.name, role, org.name if org is not None else None, status, None, toks[k].start, m.end, sent)


def _person_in_clause(ctx: _Ctx, sent: tuple[int, int], at: int) -> bool:
    """Is a person named in the clause (after the last ";" of the sentence) before ``at``?"""
    clause = max(ctx.text.rfind(";", sent[0], at), sent[0])
    return any(clause <= p.start < at for p in ctx.persons)


def _dept_head_before(ctx: _Ctx, toks: list[Tok], sent: tuple[int, int], m: PersonMention, i: int) -> None:
    """A department's head before the name: "Trưởng phòng Nghiệp vụ Vũ Thị Hà" (Trưởng phòng @ phòng Nghiệp
    vụ)."""
    for back in range(8, 2, -1):
        r = _role_at(toks, i - back) if i - back >= 0 else None
        j = i - back + len(r.words) if r is not None else 0
        if r is None or r.label.split()[-1].lower() not in _UNIT_WORDS or j >= i \
                or toks[j].start in ctx.org_at:
            continue
        d_end, gov = _dept(toks, j, ctx)
        if d_end == i and not gov:
            if r.label.split()[-1].lower() == "ban" and _committee_at(toks, j):
                role, org = r.label + " " + ctx.text[toks[j].start:toks[i - 1].end], None
            else:  # the department, as written through the role, is the organisation (SCHEMA)
                role, org = r.label, ctx.text[toks[_unit_start(toks, j)].start:toks[i - 1].end]
            ctx.add(m.name, role, org, "current", None, toks[i - back].start, m.end, sent)
            return


def _lead_start(toks: list[Tok], i: int, ctx: _Ctx) -> tuple[int, bool]:
    """Index of the first token of what introduces the name at token ``i``: its title and a dash or colon
    before it ("Giám đốc Thư viện X – ông A": the index of "–"), or a comma before a title ("Bí thư Tỉnh ủy
    X, đồng chí A"); and whether that was a comma."""
    k = _title_before(toks, i, ctx, reach=4)
    titled = k != i
    i = k
    if i > 0 and (toks[i - 1].text in _LEAD_SEPS or titled and toks[i - 1].text == ","):
        return i - 1, toks[i - 1].text == ","
    return i, False


def _bare_role_before(ctx: _Ctx, toks: list[Tok], sent: tuple[int, int], m: PersonMention, i: int) -> None:
    """A role right before the name, with no organisation: "Phó Chủ tịch nước A", "Chủ tịch B"."""
    for back in range(4, 0, -1):
        k = i - back
        r = _role_at(toks, k) if k >= 0 else None
        if r is None or k + len(r.words) != i:
            continue
        role, status = _with_former(toks, k, r.label)
        b = k - 1 if status == "former" else k
        if b > 0 and not (toks[b - 1].text in _SEPS or toks[b - 1].text == ";" or toks[b - 1].text.islower()):
            return  # the role goes on something before it ("... Hội X Giám đốc A"): not a bare role
        org = _implied(r.implied, toks, m.start, ctx) or _department_home(r.label, ctx, m.start) \
            or _header_org(ctx, sent, toks[b].start)
        ctx.add(m.name, role, org, status, None, toks[k].start, m.end, sent)
        if org is not None:
            ctx.delegated[sent] = (org, m.end)
        if org is None:
            ctx.bare.add((fold_person(m.name), expand(role)))
        return


def _short_org_before(ctx: _Ctx, toks: list[Tok], sent: tuple[int, int], m: PersonMention, i: int) -> bool:
    """A role and its organisation written short, by its head word or an acronym, right before the name
    ("Giám đốc Thư viện Nguyễn Thị A cho biết", "Phó Giám đốc Sở Trần Văn B"): the organisation with that head
    the text names (see :func:`_named_with_head`).  True when one was read."""
    for back in range(_LONGEST_ROLE + 2, 1, -1):
        k = i - back
        r = _role_at(toks, k) if k >= 0 else None
        j = k + len(r.words) if r is not None else i
        if r is None or j >= i or toks[j].start in ctx.org_at or k > 0 and toks[k - 1].text[:1].isupper():
            continue
        h = match_head(toks, j) if toks[j].cap else None
        if h is not None and j + len(h.words) == i:
            org = _own_with_head(ctx, m.name, h.text) or _named_with_head(toks[j].start, h.text, ctx)
        else:
            org = _acronym_org(toks[j], ctx) if j + 1 == i else None
        if org is None:
            continue
        role, status = _with_former(toks, k, r.label)
        ctx.add(m.name, role, org, status, None, toks[k].start, m.end, sent)
        return True
    return False


_ITEM_OPENERS = frozenset((";", ",", ":", ".", "-", "–", "•", "+", "*"))


def _colon_role_before(ctx: _Ctx, toks: list[Tok], sent: tuple[int, int], m: PersonMention, colon: int) -> None:
    """A role, a colon, then its holders, as lists of officials write ("Ban Chấp hành gồm: Chủ tịch: ông A;
    Phó Chủ tịch: bà B, ông C"): the role opens its item; its organisation is the one it implies, the one
    library of the news for a library head, else the union or association in context."""
    found = _role_ending_at(toks, colon)
    if found is None:
        return
    k, r = found
    if _former_word(toks, k - 1):
        k -= 1
    if k > 0 and toks[k - 1].text not in _ITEM_OPENERS:
        return
    role, status = _with_former(toks, found[0], r.label)
    org = _implied(r.implied, toks, m.start, ctx) or _sole_library(ctx, r.label) or _context_union(ctx, m.start)
    ctx.add(m.name, role, org, status, None, toks[found[0]].start, m.end, sent)


def _own_with_head(ctx: _Ctx, person: str, head: str) -> str | None:
    """The organisation with this head word at which the text already gave the person a post ("bà A, Phó
    Giám đốc Sở X; ... Sở Y ... Phó Giám đốc Sở A": Sở X)."""
    key, who = ffold(head) + " ", fold_person(person)
    return next((p.organization for (pk, _, _), p in ctx.out.items()
                 if pk == who and p.organization and ffold(p.organization).startswith(key)), None)


def _header_org(ctx: _Ctx, sent: tuple[int, int], at: int) -> str | None:
    """The organisation that heads a list of its officials, each a role before a name ("Lãnh đạo Thư viện tỉnh
    X: Giám đốc A; Phó Giám đốc B"): the one ending right before a colon that opens the list at ``at``, or
    that of the item right before, only separators between."""
    gap = ctx.text[sent[0]:at].rstrip()
    if gap.endswith(":"):
        end = sent[0] + len(gap[:-1].rstrip())
        return next((o.name for o in ctx.orgs if o.end == end and o.start >= sent[0]), None)
    prev = ctx.delegated.get(sent)
    if prev is not None and prev[1] <= at and not ctx.text[prev[1]:at].strip(" ,;"):
        return prev[0]
    return None


def _list_head(toks: list[Tok], i: int, ctx: _Ctx) -> int:
    """The first name of a list after a colon that the name at ``i`` belongs to ("Phó Giám đốc Sở: A, B"),
    else ``i``: the role before the colon is every member's."""
    first = i
    while (t := _title_before(toks, first, ctx)) >= 2 and toks[t - 1].text in (",", "và"):
        prev = next((p for p in ctx.persons if p.end == toks[t - 2].end), None)
        if prev is None:
            return i
        first = _idx(toks, prev.start)
    return first if first != i and toks[_title_before(toks, first, ctx) - 1].text == ":" else i


def _title_before(toks: list[Tok], i: int, ctx: _Ctx, reach: int = 3) -> int:
    """Index of the title right before the name at token ``i`` ("bà", "TS."), within ``reach`` tokens,
    else ``i``."""
    if i < 1 or not toks[i - 1].text[-1:].isalpha() and toks[i - 1].text[-1:] != ".":
        return i  # a title ends in a letter or a dot
    for back in range(1, reach + 1):
        k = i - back
        if k < 0:
            break
        tm = title_re().match(ctx.text, toks[k].start)
        if tm is not None and not ctx.text[tm.end():toks[i].start].strip():
            return k
    return i


def _org_with_bare_admin(ctx: _Ctx, toks: list[Tok], sent: tuple[int, int], lead: int) -> OrgMention | None:
    """An organisation and a bare administrative word right before ``lead`` (the holder's name), which the
    organisation scan left out of the name ("Chủ tịch Hội Nhà báo tỉnh Nguyễn Văn A": "Hội Nhà báo tỉnh", or
    the province's one the text names in full), else None."""
    a = bare_admin_before(toks, lead)
    if not a:
        return None
    end = toks[lead - a - 1].end
    om = next((o for o in ctx.orgs if o.end == end and sent[0] <= o.start), None)
    if om is None:
        return None
    surface = ctx.text[om.start:toks[lead - 1].end]
    return OrgMention(om.start, toks[lead - 1].end, _with_province(surface, ctx), om.kind, surface)


def _with_province(name: str, ctx: _Ctx) -> str:
    """An organisation's name ending in a bare administrative word ("Hội Nhà báo tỉnh"): the full name of the
    one the text names with its place ("Hội Nhà báo tỉnh Bắc Ninh"), else the name as it is."""
    key = expand(name) + " "
    return next((m.name for m in ctx.orgs if expand(m.name).startswith(key)), name)


def _role_before(ctx: _Ctx, toks: list[Tok], sent: tuple[int, int], m: PersonMention) -> None:
    """Role (and organisation) written before the name, maybe with a title and a dash between."""
    i = _list_head(toks, _idx(toks, m.start), ctx)
    lead, comma = _lead_start(toks, i, ctx)
    if lead < 1:
        return
    prev_org = None
    for om in ctx.orgs:
        if om.end == toks[lead - 1].end and sent[0] <= om.start:
            prev_org = om
    if prev_org is None:
        prev_org = _org_with_bare_admin(ctx, toks, sent, lead)
    if prev_org is not None:
        _role_before_org(ctx, toks, sent, m, prev_org, comma)
    elif lead == i and i >= 2:
        _dept_head_before(ctx, toks, sent, m, i)
    if prev_org is None and lead == i and not _short_org_before(ctx, toks, sent, m, i):
        _bare_role_before(ctx, toks, sent, m, i)
    elif prev_org is None and toks[lead].text == ":":
        _colon_role_before(ctx, toks, sent, m, lead)


def _pred_status(verb: str, former: str, appoint: bool, clause: str) -> str:
    """The status a predicate gives: elected, appointed, former or current."""
    if "bầu" in verb or "đắc cử" in verb:
        return "elected"
    if "bổ nhiệm" in verb or (appoint and verb.startswith("giữ chức")):
        return "appointed"
    if former or "cương vị" in verb and "đã" in clause:
        return "former"
    return "current"


def _pred_subjects(ctx: _Ctx, toks: list[Tok], in_sent: list[PersonMention], clause: tuple[int, int],
                   pm: re.Match) -> list[PersonMention]:
    """The persons a predicate is said of: the clause's names, else the last person before the sentence
    for a pronoun subject ("bà đã có 8 năm giữ cương vị ...")."""
    s, clause_start = clause
    subjects = _subjects([m for m in in_sent if clause_start <= m.start < pm.start()], toks, ctx)
    if subjects:
        return subjects
    if pm.group(1) == "là":
        # "Bà cũng là Ủy viên ...": only a pronoun opening the sentence, with at most two words before "là"
        opened = _PRONOUN_RE.match(ctx.text, s)
        if opened is None or clause_start != s or len(ctx.text[opened.end():pm.start()].split()) > 2:
            return []
    if _PRONOUN_RE.search(ctx.text, clause_start, pm.start()):
        before = [m for m in ctx.persons if m.start < s]
        return before[-1:]
    return []


def _predicates(ctx: _Ctx, toks: list[Tok], sent: tuple[int, int], in_sent: list[PersonMention]) -> None:
    """Predicates: "giữ chức vụ ROLE ORG", "được bầu làm ROLE", "là ROLE" for the clause's subjects."""
    text = ctx.text
    s, e = sent
    appoint = "bổ nhiệm" in text[s:e]
    pred_org = None  # the organisation of the sentence's last appointment that named one
    for pm in _pred_re().finditer(text, s, e):
        k = _idx(toks, pm.end())
        if _role_at(toks, k) is None and not _former_word(toks, k):
            continue
        if "các" in pm.group(1).split():
            _career(ctx, toks, sent, in_sent, pm)
            continue
        chain = _chain(toks, k, ctx, need_sep=False)
        if not chain:
            continue
        role, org, term, j, implied, former, _ = chain[0]
        if not former and (former := _former_word(toks, _idx(toks, pm.start()) - 1)):
            role = f"{former} {role}"  # "ông A, nguyên là Phó Giám đốc ..."
        clause_start = max(text.rfind(";", s, pm.start()) + 1, text.rfind(":", s, pm.start()) + 1, s)
        subjects = _pred_subjects(ctx, toks, in_sent, (s, clause_start), pm)
        verb = pm.group(1)
        status = _pred_status(verb, former, appoint, text[clause_start:pm.start()])
        naming = verb.startswith(("giữ chức", "được bổ nhiệm"))
        if org is None and pred_org is not None and naming:
            org = pred_org  # "A ... giữ chức Giám đốc Thư viện tỉnh X; B ..., giữ chức Phó Giám đốc"
        if org is None:
            org = _implied(implied, toks, pm.start(), ctx) or _department_home(role, ctx, pm.start()) \
                or _context_union(ctx, pm.start()) or _context_party(ctx, pm.start(), role)
        elif naming:
            pred_org = org
        if _respectively(ctx, toks, sent, subjects, pm, status):
            continue
        for m in subjects:
            # names listed with their own roles share the predicate ("A, ... và B, ... được bầu làm")
            ctx.add(m.name, role, org, status, term, m.start, toks[j - 1].end, sent)


@lru_cache(maxsize=1)
def _name_verbs() -> tuple[tuple[str, ...], ...]:
    return tuple(sorted(_words("name_verb"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _name_verb_starts() -> frozenset[str]:
    return frozenset(w[0] for w in _name_verbs())


def _name_verb(ctx: _Ctx, toks: list[Tok], sent: tuple[int, int], m: PersonMention) -> None:
    """A post given right after the name by a verb ("Đại hội bầu ông A làm Chủ tịch Hội X", "bà B hiện làm
    Giám đốc Thư viện Y": ``position_words.tsv`` name_verb), only when its organisation follows."""
    k = _idx(toks, m.end)
    n = len(toks)
    if k >= n or ffold(toks[k].text) not in _name_verb_starts():
        return
    verb = next((w for w in _name_verbs() if k + len(w) < n and tuple(ffold(t.text) for t in toks[k:k + len(w)]) == w),
                None)
    if verb is None:
        return
    chain = _chain(toks, k + len(verb), ctx, need_sep=False)
    if not chain:
        return
    link = chain[0]
    clause = ctx.text[max(ctx.text.rfind(";", sent[0], m.start) + 1, sent[0]):m.start]
    status = _pred_status(clause, link.former, "bổ nhiệm" in clause, clause)
    org = link.org
    if org is None and status == "elected":  # "Đại hội bầu ông A làm Chủ tịch": the union or association
        org = _implied(link.implied, toks, m.start, ctx) or _context_union(ctx, m.start)
    if org is not None:
        ctx.add(m.name, link.role, org, status, link.term, m.start, toks[link.end - 1].end, sent)


def _career(ctx: _Ctx, toks: list[Tok], sent: tuple[int, int], in_sent: list[PersonMention], pm: re.Match) -> None:
    """A career told as a list of posts ("bà lần lượt giữ các cương vị Trưởng phòng X (1982), Phó Giám đốc Thư
    viện Y (1997) và Giám đốc Thư viện Y"): every post, each with its organisation, is the subject's."""
    s = sent[0]
    clause_start = max(ctx.text.rfind(";", s, pm.start()) + 1, s)
    subjects = _pred_subjects(ctx, toks, in_sent, (s, clause_start), pm)
    k = _idx(toks, pm.end())
    n = len(toks)
    while k < n:
        link = _link(toks, k, ctx, sep_needed=False)
        if link is None:
            break
        org = link.org or _implied(link.implied, toks, pm.start(), ctx) or _department_home(link.role, ctx, pm.start())
        for m in subjects:
            ctx.add(m.name, link.role, org, "former", link.term, m.start, toks[link.end - 1].end, sent)
        k = link.end
        while k < min(n, link.end + 3) and toks[k].cap and toks[k].text.isalpha():
            k += 1  # the rest of a name the organisation scan cut short ("Thư viện tỉnh Hà Nam Ninh")
        k = _skip_bracket(toks, k)
        if k < n and toks[k].text in (",", ";", "và"):
            k += 1
        else:
            break


def _skip_bracket(toks: list[Tok], k: int) -> int:
    """Index after a note in brackets at ``k`` ("(1997)"), else ``k``."""
    if k < len(toks) and toks[k].text == "(":
        close = next((c for c in range(k + 1, min(len(toks), k + 8)) if toks[c].text == ")"), None)
        if close is not None:
            return close + 1
    return k


def _plural_roles(ctx: _Ctx, toks: list[Tok], sent: tuple[int, int], in_sent: list[PersonMention]) -> None:
    """A plural role opening a list of its holders ("Các Phó Chủ tịch gồm: A; bà B, Giám đốc X", "Trong số các
    ủy viên Ban Chấp hành có bà C và ông D"): the role is every listed person's, at the organisation named
    after it, else the one it implies, else the union or association in context."""
    if not in_sent:
        return
    for pm in _plural_re().finditer(ctx.text, sent[0], sent[1]):
        i = _idx(toks, pm.end())
        if _role_at(toks, i) is None:
            continue
        link = _link(toks, i, ctx, sep_needed=False)
        start = _list_intro(toks, link.end) if link is not None else None
        if link is None or start is None:
            continue
        org = link.org or _implied(link.implied, toks, start, ctx) or _context_union(ctx, start)
        for m in in_sent:
            if m.start >= start:
                ctx.add(m.name, link.role, org, "current", link.term, m.start, m.end, sent)


@lru_cache(maxsize=1)
def _plural_re() -> re.Pattern[str]:
    """A plural word of ``position_words.tsv`` ("các", "những") and the space after it, in any case."""
    words = sorted({w for (w,) in _words("plural")} | {w.capitalize() for (w,) in _words("plural")}, key=len,
                   reverse=True)
    return re.compile("(?:" + literal_alternation(words) + r")\s+")


def _list_intro(toks: list[Tok], j: int) -> int | None:
    """Offset where a list starts after a plural role ending at ``j``: after a colon or a list word ("gồm",
    "là", "có") and maybe a colon; None when neither follows."""
    n = len(toks)
    k = j
    for w in sorted(_words("list_intro"), key=len, reverse=True):
        if k + len(w) <= n and tuple(ffold(x.text) for x in toks[k:k + len(w)]) == w:
            k += len(w)
            break
    if k < n and toks[k].text == ":":
        k += 1
    return toks[k].start if k > j and k < n else None


def _role_list(toks: list[Tok], k: int, ctx: _Ctx) -> list[_Link]:
    """Roles listed with "," or "và" ("Giám đốc và Phó Giám đốc Thư viện X")."""
    out: list[_Link] = []
    while k < len(toks):
        link = _link(toks, k, ctx, sep_needed=False)
        if link is None:
            break
        out.append(link)
        k = link.end + 1 if link.end < len(toks) and toks[link.end].text == "và" else link.end
    return out


def _respectively(ctx: _Ctx, toks: list[Tok], sent: tuple[int, int], subjects: list[PersonMention], pm: re.Match,
                  status: str) -> bool:
    """"A, B lần lượt là Giám đốc và Phó Giám đốc Thư viện X": the n-th name holds the n-th role, and roles
    without an organisation share the last one's.  True when the predicate was read so."""
    before = ffold(ctx.text[max(sent[0], pm.start() - 16):pm.start()]).rstrip(" ,")
    if len(subjects) < 2 or not any(before.endswith(ffold(w)) for w in phrases("respectively.txt")):
        return False
    links = _role_list(toks, _idx(toks, pm.end()), ctx)
    if len(links) != len(subjects):
        return False
    shared = links[-1].org
    for m, link in zip(subjects, links, strict=True):
        ctx.add(m.name, link.role, link.org or shared, status, link.term, m.start,
                toks[link.end - 1].end, sent)
    return True


def _placed_first(out: dict[tuple, Position], bare: set[tuple[str, str]]) -> list[Position]:
    """The positions, without a role given with no organisation when the text also gives that person's
    same role at an organisation ("bà A, Giám đốc Thư viện X" ... "Giám đốc A"), nor one that is held at
    an organisation the text does not name: a role without organisation is reported only when it holds
    without one (party membership, national offices: "Tỉnh ủy viên", "Phó Chủ tịch nước") or when it stands
    right before the name (``bare``: "Chủ tịch Lê Văn A nhấn mạnh", nothing naming the organisation)."""
    placed = {(person, role) for person, role, org in out if org}
    return [p for (person, role, org), p in out.items()
            if org or (person, role) not in placed and (_orgless(p.role) or (person, role) in bare)]


def _orgless(role: str) -> bool:
    """Does the role hold without an organisation (``position_words.tsv``: member, orgless)?"""
    words = tuple(ffold(role).split())
    if words and (words[0],) in _words("former"):
        words = words[1:]  # "nguyên Tỉnh ủy viên"
    return words in _words("member") or words in _words("orgless")


def _without_bare_admin(name: str) -> str:
    """``name`` without an administrative word in lower case that ends it ("Hội Nhà báo tỉnh" -> "Hội Nhà báo")."""
    toks = tokenize(name)
    a = bare_admin_before(toks, len(toks))
    return name[:toks[-a].start].rstrip() if a else name


def _add_office_orgs(doc: Doc, parents: dict[str, str]) -> None:
    """A government office or a department read inside a role ("Trưởng Phòng Văn hóa - Xã hội xã X", "Trưởng
    phòng Nghiệp vụ, Thư viện tỉnh Y") is an organisation too, inside the one named after it (``parents``)."""
    known = {expand(o.name) for o in doc.organizations}
    for pos in doc.positions:
        if pos.organization and expand(pos.organization) not in known \
                and expand(_without_bare_admin(pos.organization)) not in known:  # "Hội Nhà báo" + "tỉnh"
            known.add(expand(pos.organization))
            doc.organizations.append(Organization(name=pos.organization, kind=_office_kind(pos.organization),
                                                  parent=parents.get(pos.organization),
                                                  evidence=list(pos.evidence)))


@component("positions", requires=("article", "text", "sentences", "organizations", "person_mentions",
                                "org_mentions"),
           assigns=("positions", "organizations"))  # organizations: adds the government offices roles name
def run(doc: Doc) -> None:
    ctx = _Ctx(doc)
    for s, e in doc.sentences:
        toks = sentence_tokens(doc, (s, e))
        if not toks:
            continue
        sent = (s, e)
        in_sent = [m for m in ctx.persons if s <= m.start < e]
        retire = "nghỉ hưu" in doc.text[s:e]
        for m in in_sent:
            _appositions(ctx, toks, sent, m, retire)
            _role_before(ctx, toks, sent, m)
            _name_verb(ctx, toks, sent, m)
        _predicates(ctx, toks, sent, in_sent)
        _plural_roles(ctx, toks, sent, in_sent)
    doc.positions = _placed_first(ctx.out, ctx.bare)
    _add_office_orgs(doc, ctx.sub_parent)


_COORD_RE = re.compile(r"\s*(?:,|và|cùng)?\s*(?:[^\W\d_]+\.?\s*){0,2}")


def _subjects(cands: list[PersonMention], toks: list[Tok], ctx: _Ctx) -> list[PersonMention]:
    """The subject of a predicate: the last name before it, with names coordinated to it
    ("bà A, Giám đốc X và bà B, Giám đốc Y được bầu làm ...")."""
    if not cands:
        return []
    out = [cands[-1]]
    for prev in reversed(cands[:-1]):
        chain = _chain(toks, _idx(toks, prev.end), ctx, need_sep=True)
        end = toks[chain[-1].end - 1].end if chain else prev.end
        gap = ctx.text[end:out[0].start]
        if not _COORD_RE.fullmatch(gap):
            break
        out.insert(0, prev)
    return out


_DEPT_ROLE = re.compile(r"(?:(?:Phó|Quyền)\s+)?Trưởng\s+(?P<unit>phòng|khoa)\s+\S|.*?\b(?P<unit2>khoa)\s+\S", re.I)
_DEPT_HOMES = {"phòng": ("Library",), "khoa": ("University", "School")}


def _department_home(role: str, ctx: _Ctx, at: int) -> str | None:
    """The institution a department named without it belongs to: "bà A, Trưởng phòng Nghiệp vụ" in news
    about a library is that library's.  The library (for a "phòng") or university (for a "khoa") the text
    last named before ``at``, else the first it names."""
    m = _DEPT_ROLE.match(role)
    if m is None:
        return None
    kinds = _DEPT_HOMES[(m.group("unit") or m.group("unit2")).lower()]
    cands = [o for o in ctx.orgs if o.kind in kinds]
    before = [o for o in cands if o.start < at]
    pick = before[-1] if before else (cands[0] if cands else None)
    return pick.name if pick else None


def _office_kind(name: str) -> str:
    h = match_head(tokenize(name), 0)
    return h.kind if h is not None else "Other"


def _context_party(ctx: _Ctx, at: int, role: str) -> str | None:
    """The party body the text last named before ``at``, for a party committee's role given without one ("Đồng
    chí A được bầu giữ chức danh Bí thư" at the congress of the party cell named before:
    ``position_words.tsv`` party_role)."""
    if tuple(ffold(role).split()) not in _words("party_role"):
        return None
    best = None
    for m in ctx.orgs:
        if m.start < at and m.kind == "PoliticalBody":
            best = m.name
    return best


def _context_union(ctx: _Ctx, at: int) -> str | None:
    """The library union or association the text last named before ``at`` (for elected roles)."""
    best = None
    for m in ctx.orgs:
        if m.start < at and m.kind in ("LibraryUnion", "Association"):
            best = m.name
    return best
