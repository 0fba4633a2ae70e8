"""Lexicons and tokenisation shared by the persons, organisations and positions components.

Every word list lives in ``data/lexicon/`` and is loaded once (``lru_cache``):
surnames, titles, organisation heads and name pieces, role words, break words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from libkg.normalize import admin_prefixes, fold, title_flags
from libkg.resources import data_file, read_tsv

if TYPE_CHECKING:
    from libkg.extract.pipeline import Doc

# abbreviations with internal ',' or '&' ("VH,TT&DL", "GD&ĐT"), "TP." and words (with apostrophes:
# "H'Lim"), then single punctuation marks
TOKEN_RE = re.compile(
    r"[A-ZĐ][A-ZĐ0-9]*(?:[,&][A-ZĐ][A-ZĐ0-9]*)+"
    r"|(?:TP|Tp)\."
    r"|[^\W_]+(?:['’][^\W\d_]+)*"
    r"|[^\w\s]"
)


class Tok:
    """A token: its text and character offsets into the article text."""

    __slots__ = ("text", "start", "end")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.start}, {self.end})"

    @property
    def cap(self) -> bool:
        return self.text[0].isupper() and self.text[0].isalpha()

    @property
    def lower(self) -> bool:
        return self.text[0].islower()

    @property
    def abbrev(self) -> bool:
        """An all-capitals abbreviation or code: UBND, VHTTDL, GD&ĐT, C10, ĐH."""
        t = self.text
        return len(t) >= 2 and t[0].isupper() and t.upper() == t and any(c.isalpha() for c in t)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    r"""Tokens of ``text[start:end]`` as :data:`TOKEN_RE` finds them.

    Every alternative of ``TOKEN_RE`` starts on a non-space character and none
    crosses white space, so the text is cut at white space first and the
    (slow, per-position) regex runs only on chunks that are not a plain word:
    most chunks are, and ``str.isalnum`` is exactly ``[^\W_]+`` on them.
    """
    end = len(text) if end is None else end
    out: list[Tok] = []
    app = out.append
    seg = text[start:end]
    pos = 0
    for w in seg.split():
        p = seg.find(w, pos)
        pos = p + len(w)
        if w.isalnum():
            app(Tok(w, start + p, start + pos))
        elif len(w) == 1:
            if w != "_":  # "_" is a word character that no alternative of TOKEN_RE takes alone
                app(Tok(w, start + p, start + pos))
        elif w[-1] in _CLOSING and w[:-1].isalnum() and w[:-1] not in _TP:
            # "word," / "word." (the commonest non-word chunks): the word, then the mark
            app(Tok(w[:-1], start + p, start + pos - 1))
            app(Tok(w[-1], start + pos - 1, start + pos))
        elif w[0] in _OPENING and w[1:].isalnum() and w[1:] not in _TP:
            app(Tok(w[0], start + p, start + p + 1))
            app(Tok(w[1:], start + p + 1, start + pos))
        else:
            for m in TOKEN_RE.finditer(text, start + p, start + pos):
                app(Tok(m.group(), m.start(), m.end()))
    return out


# Marks that TOKEN_RE takes as one token of their own next to a plain word (none is a word
# character; "TP"/"Tp" are left to the regex, which reads "TP." as one token).
_CLOSING = frozenset(",.;:!?)]”\"'’»…")
_OPENING = frozenset("“(\"'‘«[")
_TP = frozenset(("TP", "Tp"))


def sentence_tokens(doc: Doc, span: tuple[int, int]) -> list[Tok]:
    """Tokens of one sentence of ``doc``, computed once and shared by the components."""
    cache = doc.cache.tokens
    toks = cache.get(span)
    if toks is None:
        toks = cache[span] = tokenize(doc.text, span[0], span[1])
    return toks


ffold = lru_cache(maxsize=65536)(fold)


def _lines(*parts: str) -> list[str]:
    raw = data_file(*parts).read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in raw if ln.strip() and not ln.startswith("#")]


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(t.text for t in tokenize(phrase))


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return frozenset(_lines("lexicon", "surnames.txt"))


@lru_cache(maxsize=1)
def break_words() -> frozenset[str]:
    return frozenset(_lines("lexicon", "break_words.txt"))


@lru_cache(maxsize=1)
def committees() -> tuple[tuple[str, ...], ...]:
    """Boards ("Chấp hành" of "Ban Chấp hành") that belong to the organisation named after them."""
    return tuple(tuple(ffold(x) for x in _words(w)) for w in _lines("lexicon", "committees.txt"))


@lru_cache(maxsize=32)
def phrases(name: str) -> tuple[str, ...]:
    """The phrases of the word list ``data/lexicon/<name>`` (one a line, ``#`` comments skipped)."""
    return tuple(_lines("lexicon", name))


@lru_cache(maxsize=32)
def folded_phrases(name: str) -> tuple[tuple[str, ...], ...]:
    """The phrases of the word list ``data/lexicon/<name>`` as folded token tuples, longest first."""
    out = {tuple(ffold(t.text) for t in tokenize(ln)) for ln in phrases(name)}
    return tuple(sorted(out, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=32)
def _phrase_index(name: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Folded first word -> the phrases of the word list ``name`` starting with it, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for words in folded_phrases(name):
        out.setdefault(words[0], []).append(words)
    return {k: tuple(v) for k, v in out.items()}


def phrase_at(toks: list[Tok], k: int, name: str) -> int:
    """Tokens of the longest phrase of the word list ``name`` found at token ``k`` (any case), else 0."""
    cands = _phrase_index(name).get(ffold(toks[k].text)) if k < len(toks) else None
    if not cands:
        return 0
    for words in cands:
        if _follows(words, toks, k, ffold):
            return len(words)
    return 0


@lru_cache(maxsize=1)
def dept_enders() -> frozenset[tuple[str, ...]]:
    """Two-word phrases ("đề xuất", "trước khi") that end a department name in a role."""
    return frozenset(tuple(w.split()) for w in _lines("lexicon", "dept_enders.txt"))


@lru_cache(maxsize=1)
def region_words() -> frozenset[str]:
    return frozenset(_lines("lexicon", "region_words.txt"))


@lru_cache(maxsize=1)
def titles() -> list[tuple[str, str]]:
    """(title, kind), both first-letter cases, longest first."""
    out: dict[str, str] = {}
    for title, kind, *_ in read_tsv("lexicon", "titles.tsv"):
        for variant in (title, title[0].upper() + title[1:], title[0].lower() + title[1:]):
            out.setdefault(variant, kind)
    return sorted(out.items(), key=lambda kv: -len(kv[0]))


@lru_cache(maxsize=1)
def pronoun_titles() -> tuple[str, ...]:
    """Titles that also stand alone for a person named before ("bà đã có 8 năm ..."): the rows of titles.tsv
    flagged "pronoun", as written there (lower case)."""
    return tuple(row[0] for row in read_tsv("lexicon", "titles.tsv") if "pronoun" in title_flags(row))


def literal_alternation(words: list[str] | tuple[str, ...], not_after: str = r"\w") -> str:
    """Regex source matching one of ``words`` (tried in the order given) not preceded by ``not_after``.

    Alternatives are grouped by their first character, each group opening with
    that character as a literal and checking the character before it after the
    fact.  Python's regex engine then knows the set of characters a match can
    start with and skips every other position in C; a leading look-behind
    would make it try the whole alternation at every position of the text.
    Alternatives with different first characters never match at the same
    position, so the grouping keeps the order in which they are tried.
    """
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    parts = [re.escape(first) + r"(?<!" + not_after + r".)(?:" + trie_alternation(rests) + r")"
             for first, rests in groups.items()]
    return r"(?:" + "|".join(parts) + r")"


def trie_alternation(words: list[str] | tuple[str, ...]) -> str:
    """Regex source matching what ``"|".join(map(re.escape, words))`` matches, in the same order, as a trie.

    At one position the engine then compares each character once instead of
    trying every word in turn.  Two literal words both match at a position
    only when one is a prefix of the other, so the trie keeps the order when,
    at each word ending inside a longer one, every branch under it holds only
    words listed before it or only words after it; when that fails the flat
    alternation is returned.
    """
    first: dict[str, int] = {}
    for w in words:
        first.setdefault(w, len(first))
    root: dict[str, Any] = {}
    for w, i in first.items():
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = i  # "" (no character) marks a word's end
    try:
        return _trie_source(root)[2]
    except ValueError:
        return "|".join(re.escape(w) for w in first)


def _trie_source(node: dict[str, Any]) -> tuple[int, int, str]:
    """(first, last) index of the words under ``node`` and its regex source (ValueError: order not kept)."""
    opts: list[tuple[int, int, str]] = []
    end = node.get("")
    for ch, child in node.items():
        if ch == "":
            opts.append((child, child, ""))
            continue
        src = re.escape(ch)
        while len(child) == 1 and "" not in child:  # a chain of single characters
            ((ch2, child),) = child.items()
            src += re.escape(ch2)
        lo, hi, rest = _trie_source(child)
        if end is not None and lo < end < hi:
            raise ValueError("a word between the longer words it starts")
        opts.append((lo, hi, src + rest))
    opts.sort()
    lo, hi = opts[0][0], max(o[1] for o in opts)
    if len(opts) == 1:
        return lo, hi, opts[0][2]
    return lo, hi, "(?:" + "|".join(o[2] for o in opts) + ")"


def finite_strings(pattern: str, limit: int = 5000) -> list[str] | None:
    """Every string a small, finite regex can match, look-arounds ignored (so a superset), or None.

    Lets a prefilter built with :func:`literal_alternation` stand in front of a
    regex written by hand in a lexicon file (event triggers): only positions
    where one of these strings starts need the real pattern.  None when the
    pattern uses anything beyond literals, classes of literals, groups,
    alternation, bounded repetition and look-arounds, or is too large.
    """
    try:
        from re import _constants as c  # type: ignore[attr-defined,unused-ignore]
        from re import _parser as p  # type: ignore[attr-defined,unused-ignore]
    except ImportError:  # pragma: no cover - the private modules moved
        return None

    def expand(items: list[Any]) -> set[str]:
        out = {""}
        for op, av in items:
            if op is c.LITERAL:
                alts = {chr(av)}
            elif op is c.SUBPATTERN:
                alts = expand(list(av[-1]))
            elif op is c.BRANCH:
                alts = set().union(*(expand(list(b)) for b in av[1]))
            elif op is c.IN and all(o is c.LITERAL for o, _ in av):
                alts = {chr(ch) for _, ch in av}
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[1] <= 3:
                body = expand(list(av[2]))
                alts, cur = set(), {""}
                for k in range(av[1] + 1):
                    if k >= av[0]:
                        alts |= cur
                    cur = {a + b for a in cur for b in body}
            elif op in (c.ASSERT, c.ASSERT_NOT):
                alts = {""}
            else:
                raise ValueError(op)
            out = {a + b for a in out for b in alts}
            if len(out) > limit:
                raise ValueError("too many")
        return out

    try:
        found = expand(list(p.parse(pattern)))
    except (ValueError, TypeError, re.error):
        return None
    return None if "" in found else sorted(found)


@lru_cache(maxsize=1)
def title_re() -> re.Pattern[str]:
    """A title before a name: group 1, not preceded by a word character, "/" or "."."""
    return re.compile(r"(" + literal_alternation([t for t, _ in titles()], r"[\w/.]") + r")(?=\s)")


@dataclass(frozen=True)
class Head:
    words: tuple[str, ...]
    kind: str
    flags: frozenset[str]

    @property
    def text(self) -> str:
        return " ".join(self.words)


@lru_cache(maxsize=1)
def org_heads() -> dict[str, list[Head]]:
    """First word -> heads starting with it, longest first."""
    out: dict[str, list[Head]] = {}
    for row in read_tsv("lexicon", "org_heads.tsv"):
        head, kind = row[0], row[1]
        flags = frozenset(f.strip() for f in row[2].split(",")) if len(row) > 2 and row[2] else frozenset()
        words = _words(head)
        out.setdefault(words[0], []).append(Head(words, kind, flags))
    for heads in out.values():
        heads.sort(key=lambda h: -len(h.words))
    return out


def _first_entry(cands, toks: list[Tok], i: int, norm):
    """The first lexicon entry (entries keyed by their first word) whose words follow at ``i``.

    ``norm`` maps a token's text to the form the entries store (identity or folding).
    """
    for entry in cands:
        if _follows(entry.words, toks, i, norm):
            return entry
    return None


def _follows(words: tuple[str, ...], toks: list[Tok], i: int, norm) -> bool:
    """Do ``words`` (their first one already matched at ``i``, the dictionary key) follow at token ``i``?"""
    n = len(words)
    if n > len(toks) - i:
        return False
    k = 1
    while k < n and norm(toks[i + k].text) == words[k]:
        k += 1
    return k == n


def _same(text: str) -> str:
    return text


def match_head(toks: list[Tok], i: int) -> Head | None:
    cands = org_heads().get(toks[i].text)
    return _first_entry(cands, toks, i, _same) if cands else None


@lru_cache(maxsize=1)
def abbreviation_rows() -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in read_tsv("lexicon", "abbreviations.tsv")]


@lru_cache(maxsize=1)
def org_phrases() -> dict[str, list[tuple[str, ...]]]:
    """Folded first word -> multi-word name pieces (folded words), longest first."""
    phrases = set(_lines("lexicon", "org_phrases.txt"))
    phrases.update(exp for _, exp in abbreviation_rows() if " " in exp)
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        words = tuple(fold(w) for w in _words(p))
        out.setdefault(words[0], []).append(words)
    for v in out.values():
        v.sort(key=lambda w: -len(w))
    return out


def match_phrase(toks: list[Tok], i: int) -> int:
    """Number of tokens of a known name piece starting at ``i`` (0 if none)."""
    cands = org_phrases().get(ffold(toks[i].text))
    if not cands:
        return 0
    limit = len(toks) - i
    for words in cands:
        n = len(words)
        if n > limit:
            continue
        k = 1  # the first word is the dictionary key
        while k < n and ffold(toks[i + k].text) == words[k]:
            k += 1
        if k == n:
            return n
    return 0


@dataclass(frozen=True)
class Role:
    words: tuple[str, ...]  # folded
    label: str
    en: str
    implied: tuple[str, ...]


def _vocab_role_labels() -> list[str]:
    """Vietnamese labels of the SKOS roles vocabulary (ontology/vocab/roles.ttl), if it can be read."""
    try:
        from libkg.vocab import roles as role_vocab

        vocab = role_vocab()
        return [lbl for c in vocab.concepts for lbl in vocab.labels(c, lang="vi")]
    except Exception:  # the vocabulary is optional for extraction; roles.tsv is enough
        return []


@lru_cache(maxsize=1)
def roles() -> dict[str, list[Role]]:
    """Role words: ``data/lexicon/roles.tsv`` (with implied organisation heads) plus the
    Vietnamese labels of ``ontology/vocab/roles.ttl``.  A vocabulary label ending in an organisation
    head ("Trưởng Công an") is left out: the organisation is read as such."""
    out: dict[str, list[Role]] = {}
    seen: set[tuple[str, ...]] = set()
    table = read_tsv("lexicon", "roles.tsv")
    excluded = {tuple(fold(w) for w in _words(r[0][1:])) for r in table if r[0].startswith("!")}
    rows = [(r[0], r[1] if len(r) > 1 else "", r[2] if len(r) > 2 else "", True) for r in table
            if not r[0].startswith("!")]
    rows += [(lbl, "", "", False) for lbl in _vocab_role_labels()]
    for label, en, implied_s, curated in rows:
        toks = tokenize(label)
        if not toks or not curated and any((h := match_head(toks, k)) is not None and k + len(h.words) == len(toks)
                                           for k in range(1, len(toks))):
            continue  # the table's own rows stay: "Chánh Văn phòng" (of the Sở), not "Văn phòng" as a body
        words = tuple(fold(t.text) for t in toks)
        if words in seen or words in excluded:
            continue
        seen.add(words)
        implied = tuple(x for x in implied_s.split("|") if x)
        out.setdefault(words[0], []).append(Role(words, label, en, implied))
    for v in out.values():
        v.sort(key=lambda r: -len(r.words))
    return out


def match_role(toks: list[Tok], i: int) -> Role | None:
    if i >= len(toks):
        return None
    cands = roles().get(ffold(toks[i].text))
    return _first_entry(cands, toks, i, ffold) if cands else None


@lru_cache(maxsize=1)
def anaphors() -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    """A regex finding anaphoric organisation mentions and, per folded surface, the kinds they refer to."""
    rows = read_tsv("lexicon", "anaphors.tsv")
    kinds = {fold(r[0]): frozenset(r[1].split("|")) for r in rows}
    alts = "|".join(re.escape(r[0]) for r in sorted(rows, key=lambda r: -len(r[0])))
    return re.compile(first_chars([r[0] for r in rows]) + r"(?<!\w)(?:" + alts + r")(?!\w)", re.I), kinds


@lru_cache(maxsize=1)
def anaphors_lower() -> re.Pattern[str]:
    """:func:`anaphors`' regex for the text :func:`lowered` returns: case-sensitive, so it opens
    with a literal first character the engine scans for in C (under ``re.I`` it cannot)."""
    rows = read_tsv("lexicon", "anaphors.tsv")
    words = [r[0].lower() for r in sorted(rows, key=lambda r: -len(r[0]))]
    assert all(len(w) == len(r[0]) and not _CASE_PARTNERS.search(w) for w, r in zip(words, rows, strict=True))
    return re.compile(r"(?:" + literal_alternation(words) + r")(?!\w)")


# Characters that ``re.I`` equates with "i"/"s" (or whose lower case is two characters) although
# ``str.lower`` does not: on a text without them, a case-sensitive match of a lower-case pattern on
# ``text.lower()`` is exactly a ``re.I`` match on ``text`` (lower-casing keeps \w, \d and \s).
_CASE_PARTNERS = re.compile("[İıſ]")


def casefree(text: str) -> str | None:
    """``text.lower()`` (same offsets) when case-insensitive regexes may run on it as
    case-sensitive ones (no character of :data:`_CASE_PARTNERS` in it), else None.

    The last answer is kept: the sentences, dates and organisations components ask for the same article's.
    """
    global _last_casefree
    last = _last_casefree  # one read: a tuple, so a thread never sees half of another's answer
    if text is last[0]:
        return last[1]
    if "İ" in text or "ı" in text or "ſ" in text:  # str.find runs in C; a class search here does not
        low = None
    else:
        low = text.lower()
        low = low if len(low) == len(text) else None
    _last_casefree = (text, low)
    return low


_last_casefree: tuple[str | None, str | None] = (None, None)  # (text, casefree(text)) of the last call


def lowered(doc: Doc) -> str | None:
    """:func:`casefree` of ``doc.text``, computed once per document."""
    cache = doc.cache
    if not cache.lower_done:
        cache.lower, cache.lower_done = casefree(doc.text), True
    return cache.lower


def first_chars(words: list[str] | tuple[str, ...]) -> str:
    """A look-ahead for the first characters of ``words`` in either case, to open a case-insensitive regex.

    Under ``re.I`` the engine gets no first-character prefix from cased
    literals and tries every alternative at every position; this cheap class
    test fails fast on most positions.  A class under ``re.I`` folds case as
    the literals do, so the matches are exactly the same.
    """
    chars = {c for w in words for c in (w[0], *w[0].lower(), *w[0].upper())}
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"


# administrative words as tokens -> the word they stand for ("TP." -> "thành phố"), from admin_prefixes.tsv
ADMIN_WORDS: dict[tuple[str, ...], str] = {
    tuple(p.prefix.split()): p.full for p in admin_prefixes() if p.use == "word"}


def match_admin(toks: list[Tok], i: int) -> int:
    """Length of an administrative word ("tỉnh", "thành phố", "TP.") at ``i``, else 0."""
    if i >= len(toks) or toks[i].text not in _ADMIN_FIRST:
        return 0
    t = toks[i].text
    nxt = toks[i + 1].text if i + 1 < len(toks) else None
    for words in _ADMIN_SORTED:
        if words[0] == t and (len(words) == 1 or words[1] == nxt):
            return len(words)
    return 0


_ADMIN_SORTED = sorted(ADMIN_WORDS, key=len, reverse=True)
_ADMIN_FIRST = frozenset(w[0] for w in ADMIN_WORDS)


def bare_admin_before(toks: list[Tok], i: int) -> int:
    """Length of an administrative word in lower case ending right before ``i`` with a word before it
    ("UBND huyện | Nguyễn Văn A", "Hội Nhà báo thành phố | X"), else 0."""
    return next((a for a in (1, 2) if i - a >= 1 and match_admin(toks, i - a) == a and toks[i - a].lower), 0)


def head_kind(name: str) -> str | None:
    """The kind an organisation's name gives by its head word ("Trường ĐH X" -> "University"), or None.

    >>> head_kind("Trường ĐH Thủy lợi"), head_kind("Thư viện tỉnh Bắc Giang"), head_kind("Nguyễn Văn A")
    ('University', 'Library', None)
    """
    head = match_head(tokenize(name), 0)
    return head.kind if head is not None else None
