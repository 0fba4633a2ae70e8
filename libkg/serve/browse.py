"""Lists to browse: persons, organisations (by kind), events (by kind, year, province), places
and articles, at ``/browse/{list}``, paged and sortable, rendered on the server.

Every parameter is a plain GET parameter (``sort``, ``order``, ``page``,
``size`` and the list's filters), so the lists work without JavaScript and
every view has its own URL.  A bad value answers 400 naming the parameter.
The work (one query per list, then filtering, sorting and cutting the page)
happens in a page worker, and only the page travels back; a page holds at
most :data:`MAX_SIZE` rows.

The province filter of the events list follows the 2025 reform
(:mod:`libkg.serve.reform`): a post-reform province includes the events in the
units merged into it.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from libkg.normalize import ascii_fold
from libkg.serve.links import SAFE_IRI, kind_table, local_path, shorten
from libkg.serve.reform import era_of, load_lineage

if TYPE_CHECKING:
    from libkg.store.base import Store

__all__ = ["LISTS", "browse", "list_page", "list_rows", "load_events"]

DEFAULT_SIZE = 50
MAX_SIZE = 200
CACHE_TTL = 300.0  # seconds a list's rows are reused (the store is read-only while served)
CACHE_ROWS = 20000  # longer lists are read again for each page rather than held in memory
_YEAR = re.compile(r"^[0-9]{4}$")
_NUMBER = re.compile(r"^[0-9]{1,7}$")  # ASCII digits only, and few: int() of 5,000 digits raises


@dataclass(frozen=True)
class ListSpec:
    name: str
    vi: str
    en: str
    sorts: tuple[str, ...]  # the first is the default
    filters: tuple[str, ...] = ()


LISTS = {s.name: s for s in (
    ListSpec("persons", "Người", "Persons", ("name", "posts", "articles")),
    ListSpec("organizations", "Tổ chức", "Organisations", ("name", "kind", "posts", "events"), ("kind",)),
    ListSpec("events", "Sự kiện", "Events", ("date", "name", "kind"), ("kind", "year", "province")),
    ListSpec("places", "Địa danh", "Places", ("name", "kind", "events"), ("kind", "era")),
    ListSpec("articles", "Bài báo", "Articles", ("date", "name", "publisher")),
)}


def _fold(s: str | None) -> str:
    return ascii_fold(s or "").casefold()


def _int(r: dict[str, str], key: str) -> int:
    try:
        return int(r.get(key, "0"))
    except ValueError:
        return 0


# ------------------------------------------------------------------ rows of each list (in a worker)
def _persons(store: Store, base: str) -> list[dict[str, Any]]:
    from libkg.serve.pages import page_query

    return [{"iri": r["s"], "label": r.get("label") or r["s"].rsplit("/", 1)[-1], "posts": _int(r, "posts"),
             "articles": _int(r, "articles"), "role": r.get("role")}
            for r in store.select_values(page_query("list-persons"))]


def org_kind(types: list[str]) -> tuple[str, str, str]:
    """(type IRI, vi, en) of the most specific organisation kind among ``types``."""
    have = set(types)
    for iri, vi, en in kind_table():
        if iri in have:
            return iri, vi, en
    return "", "Tổ chức", "Organisation"


def _organizations(store: Store, base: str) -> list[dict[str, Any]]:
    from libkg.serve.pages import page_query

    out = []
    for r in store.select_values(page_query("list-organizations")):
        k, vi, en = org_kind(r.get("types", "").split())
        out.append({"iri": r["s"], "label": r.get("label") or r["s"].rsplit("/", 1)[-1], "kind": k,
                    "kind_vi": vi, "kind_en": en, "posts": _int(r, "posts"), "events": _int(r, "events")})
    return out


def _places(store: Store, base: str) -> list[dict[str, Any]]:
    from libkg.serve.pages import page_query

    out = []
    for r in store.select_values(page_query("list-places")):
        era = era_of(r.get("from"), r.get("until")) or era_of(r.get("provinceFrom"), r.get("provinceUntil"))
        out.append({"iri": r["s"], "label": r.get("label") or r["s"].rsplit("/", 1)[-1],
                    "kind": r.get("kind") or "", "kind_vi": r.get("kindVi") or r.get("kindEn") or "",
                    "kind_en": r.get("kindEn") or r.get("kindVi") or "", "within": r.get("within"),
                    "within_label": r.get("withinLabel"), "era": era,
                    "from": r.get("from"), "until": r.get("until"), "events": _int(r, "events")})
    return out


def _articles(store: Store, base: str) -> list[dict[str, Any]]:
    from libkg.serve.pages import page_query

    return [{"iri": r["s"], "label": r.get("label") or r.get("id") or r["s"].rsplit("/", 1)[-1],
             "id": r.get("id"), "date": r.get("published"), "url": r.get("url"),
             "publisher": r.get("publisher"), "publisher_label": r.get("publisherLabel") or ""}
            for r in store.select_values(page_query("list-articles"))]


def load_events(store: Store) -> list[dict[str, Any]]:
    """Every event with its dates, kind, places and provinces: the provinces it lies in and, through
    the gazetteer's lineage, the post-reform provinces those became (``provinces``: IRI -> label)."""
    from libkg.serve.pages import page_query

    lineage = load_lineage(store)
    events: dict[str, dict[str, Any]] = {}
    for r in store.select_values(page_query("list-events")):
        e = events.setdefault(r["e"], {"iri": r["e"], "label": None, "start": None, "end": None, "kind": None,
                                       "kind_vi": None, "kind_en": None, "places": {}, "provinces": {}})
        e["label"] = e["label"] or r.get("label")
        if r.get("start"):
            e["start"] = min(filter(None, [e["start"], r["start"]]))
        if r.get("end"):
            e["end"] = max(filter(None, [e["end"], r["end"]]))
        if r.get("kind"):
            e["kind"], e["kind_vi"] = r["kind"], e["kind_vi"] or r.get("kindVi")
            e["kind_en"] = e["kind_en"] or r.get("kindEn")
        if r.get("place"):
            e["places"][r["place"]] = r.get("placeLabel") or shorten(r["place"])
        if r.get("province"):
            e["provinces"][r["province"]] = r.get("provinceLabel") or shorten(r["province"])
    out = []
    for e in events.values():
        e["label"] = e["label"] or e["iri"].rsplit("/", 1)[-1]
        e["direct_provinces"] = dict(e["provinces"])
        for p in lineage.with_successors(list(e["provinces"])):
            if p not in e["provinces"] and p in lineage.units:
                e["provinces"][p] = lineage.units[p].label
        e["eras"] = {p: lineage.units[p].era if p in lineage.units else "" for p in e["provinces"]}
        out.append(e)
    out.sort(key=lambda e: (e["start"] or "9999", _fold(e["label"])))
    return out


def _events(store: Store, base: str) -> list[dict[str, Any]]:
    rows = load_events(store)
    for e in rows:
        e["date"] = e["start"]
    return rows


LOADERS = {"persons": _persons, "organizations": _organizations, "events": _events, "places": _places,
           "articles": _articles}
_CACHE: dict[tuple[int, str], tuple[float, list[dict[str, Any]]]] = {}


def list_rows(store: Store, name: str, base: str) -> list[dict[str, Any]]:
    """Every row of the list ``name``, read once per worker and reused for :data:`CACHE_TTL` seconds,
    so that the next page or another order costs no query (a remote endpoint's data may change:
    the TTL bounds how stale a list gets)."""
    key = (id(store), name)  # the rows do not depend on the base
    hit = _CACHE.get(key)
    if hit and time.monotonic() - hit[0] < CACHE_TTL:
        return hit[1]
    rows = LOADERS[name](store, base)
    if len(rows) <= CACHE_ROWS:
        _CACHE[key] = (time.monotonic(), rows)
    return rows


# ------------------------------------------------------------------ filter, facets, sort, page
def _keep(spec: ListSpec, row: dict[str, Any], filters: dict[str, str]) -> bool:
    for name, value in filters.items():
        if name == "kind" and row.get("kind") != value:
            return False
        if name == "year" and (row.get("start") or "")[:4] != value:
            return False
        if name == "province" and value not in row.get("provinces", {}):
            return False
        if name == "era" and row.get("era") != value:
            return False
    return True


def _facets(spec: ListSpec, rows: list[dict[str, Any]]) -> dict[str, list[tuple[str, str, str, int]]]:
    """Per filter: (value, vi label, en label, rows) choices, from the rows themselves."""
    counts: dict[str, dict[str, list]] = defaultdict(dict)
    for r in rows:
        if "kind" in spec.filters and r.get("kind"):
            c = counts["kind"].setdefault(r["kind"], [r.get("kind_vi") or r["kind"],
                                                      r.get("kind_en") or r["kind"], 0])
            c[2] += 1
        if "year" in spec.filters and (r.get("start") or "")[:4]:
            y = r["start"][:4]
            counts["year"].setdefault(y, [y, y, 0])[2] += 1
        if "province" in spec.filters:
            for p, label in r.get("provinces", {}).items():
                era = r.get("eras", {}).get(p, "")
                mark = {"before": (" (trước 2025)", " (before 2025)"), "after": (" (từ 2025)", " (from 2025)")}
                vi, en = mark.get(era, ("", ""))
                counts["province"].setdefault(p, [label + vi, label + en, 0])[2] += 1
        if "era" in spec.filters and r.get("era"):
            names = {"before": ("Trước sắp xếp 2025", "Before the 2025 reform"),
                     "after": ("Sau sắp xếp 2025", "After the 2025 reform")}[r["era"]]
            counts["era"].setdefault(r["era"], [*names, 0])[2] += 1
    out = {}
    for name, d in counts.items():
        items = [(v, vi, en, n) for v, (vi, en, n) in d.items()]
        items.sort(key=(lambda x: x[0]) if name == "year" else (lambda x: _fold(x[1])))
        out[name] = items
    return out


def _sort_key(sort: str):
    if sort == "name":
        return lambda r: (_fold(r["label"]), r["iri"])
    if sort == "date":
        return lambda r: (r.get("date") or "", _fold(r["label"]))
    if sort == "kind":
        return lambda r: (_fold(r.get("kind_vi") or r.get("kind") or ""), _fold(r["label"]))
    if sort == "publisher":
        return lambda r: (_fold(r.get("publisher_label")), r.get("date") or "")
    return lambda r: (r.get(sort) or 0, _fold(r["label"]))


def browse(store: Store, name: str, base: str, filters: dict[str, str], sort: str, desc: bool,
           page: int, size: int) -> dict[str, Any]:
    """One page of the list ``name``: its rows, the total after filtering and the filter choices."""
    spec = LISTS[name]
    rows = list_rows(store, name, base)
    facets = _facets(spec, rows)
    kept = [r for r in rows if _keep(spec, r, filters)]
    undated = [r for r in kept if sort == "date" and not r.get("date")]  # last, whichever the order
    kept = [r for r in kept if not (sort == "date" and not r.get("date"))]
    kept.sort(key=_sort_key(sort))
    if desc:
        kept.reverse()
    kept += sorted(undated, key=_sort_key("name"))
    start = (page - 1) * size
    return {"rows": kept[start:start + size], "total": len(kept), "all": len(rows), "facets": facets}


# ------------------------------------------------------------------ the HTTP side
def _bad(name: str, value: str, why: str) -> HTTPException:
    return HTTPException(400, f"`{name}`: {value[:80]!r} {why}")


def parse_params(spec: ListSpec, q: Any) -> tuple[dict[str, str], str, bool, int, int]:
    """The list's parameters, each checked (400 naming the parameter and the problem)."""
    sort = q.get("sort") or spec.sorts[0]
    if sort not in spec.sorts:
        raise _bad("sort", sort, f"is not one of {', '.join(spec.sorts)}")
    order = q.get("order") or ("desc" if sort in ("posts", "articles", "events") else "asc")
    if order not in ("asc", "desc"):
        raise _bad("order", order, "is not asc or desc")
    numbers = []
    for key, default, low, high in (("page", 1, 1, 100000), ("size", DEFAULT_SIZE, 1, MAX_SIZE)):
        raw = q.get(key) or str(default)
        if not _NUMBER.match(raw) or not low <= int(raw) <= high:
            raise _bad(key, raw, f"is not a whole number from {low} to {high}")
        numbers.append(int(raw))
    filters = {}
    for f in spec.filters:
        value = (q.get(f) or "").strip()
        if not value:
            continue
        if f == "year" and not _YEAR.match(value):
            raise _bad(f, value, "is not a year (YYYY)")
        if f in ("kind", "province") and not SAFE_IRI.match(value):
            raise _bad(f, value, "is not an IRI")
        if f == "era" and value not in ("before", "after"):
            raise _bad(f, value, "is not before or after")
        filters[f] = value
    return filters, sort, order == "desc", numbers[0], numbers[1]


def _pages(page: int, last: int) -> list[int]:
    """The page numbers the pager shows: the first, the last and two either side of ``page``."""
    return sorted({1, last, *range(max(1, page - 2), min(last, page + 2) + 1)})


async def list_page(request: Request) -> Response:
    state = request.app.state
    name = request.path_params["what"]
    spec = LISTS.get(name)
    if spec is None:
        raise HTTPException(404)
    filters, sort, desc, page, size = parse_params(spec, request.query_params)
    data = await state.backend.call(browse, name, state.base, filters, sort, desc, page, size,
                                    timeout=state.config.query_timeout, lane="page")
    last = max(1, -(-data["total"] // size))
    for r in data["rows"]:
        r["path"] = local_path(r["iri"], state.base)
        for key in ("within", "publisher"):
            if r.get(key):
                r[key + "_path"] = local_path(r[key], state.base)
        direct = r.get("direct_provinces", {})
        r["province_links"] = [(local_path(i, state.base), lab) for i, lab in direct.items()]
        r["successor_links"] = [(local_path(i, state.base), lab) for i, lab in r.get("provinces", {}).items()
                                if i not in direct]
    return state.templates.TemplateResponse(request, "list.html", {
        "title": spec.vi, "spec": spec, "lists": list(LISTS.values()), "data": data, "filters": filters,
        "sort": sort, "desc": desc, "page": page, "size": size, "last": last, "pages": _pages(page, last)})
