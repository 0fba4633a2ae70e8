"""Search by name, with diacritics folded: "kieu thuy nga" finds Kiều Thúy Nga.

People type Vietnamese names without tone marks, with the old or the new
tone-mark placement, or only part of the name; SPARQL string functions cannot
fold diacritics.  So every label of every person, organisation, place and
event is read once (per worker process), folded with
:func:`libkg.normalize.ascii_fold`, and searched in memory; the store is read-only
while served, so the index never goes stale (a remote endpoint's index is
rebuilt after ``INDEX_TTL`` seconds).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response

from libkg.normalize import ascii_fold
from libkg.serve.i18n import lang_of
from libkg.serve.links import kind_table
from libkg.serve.reform import era_of
from libkg.store.base import select_rows

if TYPE_CHECKING:
    from libkg.store.base import Store

INDEX_TTL = 300.0
MAX_RESULTS = 50

__all__ = ["Hit", "search", "search_page"]


@dataclass
class Hit:
    iri: str
    label: str
    type: str
    names: list[str] = field(default_factory=list)
    score: int = 9
    era: str = ""  # "before" / "after" the 2025 reform, for provincial units
    within: str | None = None  # the label of the unit a place lies in
    place_kind: tuple[str, str] | None = None  # (vi, en) name of a place's kind


@dataclass
class _Entry:
    iri: str
    type: str
    pref: str | None
    names: set[str] = field(default_factory=set)
    folded: set[str] = field(default_factory=set)
    era: str = ""
    within: str | None = None
    place_kind: tuple[str, str] | None = None


_INDEX: dict[int, tuple[float, dict[str, _Entry]]] = {}


def _index(store: Store) -> dict[str, _Entry]:
    from libkg.serve.pages import page_query

    cached = _INDEX.get(id(store))
    if cached and time.monotonic() - cached[0] < INDEX_TTL:
        return cached[1]
    entries: dict[str, _Entry] = {}
    for r in select_rows(store.query(page_query("search-index"))):
        e = entries.setdefault(str(r.s), _Entry(str(r.s), str(r.type), None))
        if r.pref is not None and e.pref is None:
            e.pref = str(r.pref)
        e.names.add(str(r.label))
        e.era = e.era or era_of(_text(r.vfrom), _text(r.vuntil))
        e.within = e.within or _text(r.inLabel)
        if e.place_kind is None and (r.kindVi is not None or r.kindEn is not None):
            vi, en = _text(r.kindVi) or _text(r.kindEn) or "", _text(r.kindEn) or _text(r.kindVi) or ""
            e.place_kind = (vi[:1].upper() + vi[1:], en[:1].upper() + en[1:])
        e.folded.add(" ".join(ascii_fold(str(r.label)).split()))
    _INDEX[id(store)] = (time.monotonic(), entries)
    return entries


def _text(term) -> str | None:
    return None if term is None else str(term)


def _score(query: str, tokens: list[str], folded: set[str]) -> int | None:
    best = None
    for f in folded:
        words = f.split()
        if f == query:
            s = 0
        elif f.startswith(query):
            s = 1
        elif all(t in words for t in tokens):
            s = 2
        elif all(any(w.startswith(t) for w in words) for t in tokens):
            s = 3
        elif all(t in f for t in tokens):
            s = 4
        else:
            continue
        best = s if best is None else min(best, s)
    return best


def search(store: Store, text: str, limit: int = MAX_RESULTS) -> list[Hit]:
    """Entities whose names contain every word of ``text``, diacritics and case ignored,
    best first (exact name, then name prefix, whole words, word prefixes, substrings)."""
    query = " ".join(ascii_fold(text).split())
    if not query:
        return []
    tokens = query.split()
    order = {iri: i for i, (iri, _, _) in enumerate(kind_table())}
    hits = []
    for e in _index(store).values():
        s = _score(query, tokens, e.folded)
        if s is not None:
            hits.append(Hit(e.iri, e.pref or sorted(e.names)[0], e.type, sorted(e.names), s, e.era, e.within,
                            e.place_kind))
    hits.sort(key=lambda h: (h.score, order.get(h.type, 99), ascii_fold(h.label), h.era != "after", h.iri))
    return hits[:limit]


async def search_page(request: Request) -> Response:
    """``/search?q=``: results rendered on the server (works with JavaScript off)."""
    from libkg.serve.links import local_path
    from libkg.serve.pages import kind_of

    state = request.app.state
    q = request.query_params.get("q", "")[:200]
    hits = (await state.backend.call(search, q, timeout=state.config.query_timeout, lane="page")
            if q.strip() else [])
    rows = [{"hit": h, "path": local_path(h.iri, state.base), "kind": h.place_kind or kind_of([h.type]),
             "others": [n for n in h.names if n != h.label]} for h in hits]
    en = lang_of(request) == "en"
    title = (f"{'Search' if en else 'Tìm'}: {q}") if q else ("Search" if en else "Tìm kiếm")
    return state.templates.TemplateResponse(request, "search.html",
                                            {"title": title, "q": q, "rows": rows, "limit": MAX_RESULTS})
