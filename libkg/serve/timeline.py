"""A timeline of events by year, filterable by province.

The province of an event is the province its place is, or lies in
(``lkg:within*``), so an event in a district or a provincial library's city
shows under its province.  Rendered on the server; the filter is a plain GET
form, so it works without JavaScript.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from rdflib import Literal
from starlette.requests import Request
from starlette.responses import Response

from libkg.store.base import select_rows

if TYPE_CHECKING:
    from libkg.store.base import Store

__all__ = ["load_events", "timeline_page"]


def load_events(store: Store) -> list[dict[str, Any]]:
    """Every event with its dates, kind names and provinces (one dict per event)."""
    from libkg.serve.pages import page_query

    events: dict[str, dict[str, Any]] = {}
    for r in select_rows(store.query(page_query("timeline"))):
        e = events.setdefault(str(r.e), {"iri": str(r.e), "label": None, "start": None, "end": None,
                                         "kinds": {}, "places": {}, "provinces": {}})
        if r.label is not None and e["label"] is None:
            e["label"] = str(r.label)
        if r.start is not None:
            e["start"] = min(filter(None, [e["start"], str(r.start)]))
        if r.end is not None:
            e["end"] = max(filter(None, [e["end"], str(r.end)]))
        if isinstance(r.kind, Literal):  # a label, in one language
            e["kinds"][r.kind.language or ""] = str(r.kind)
        if r.place is not None:
            e["places"][str(r.place)] = str(r.placeLabel) if r.placeLabel is not None else str(r.place)
        if r.province is not None:
            e["provinces"][str(r.province)] = (str(r.provinceLabel) if r.provinceLabel is not None
                                               else str(r.province))
    out = []
    for e in events.values():
        kinds = e.pop("kinds")
        e["kind"] = kinds.get("vi") or kinds.get("en") or next(iter(kinds.values()), None)
        e["label"] = e["label"] or e["iri"].rsplit("/", 1)[-1]
        out.append(e)
    out.sort(key=lambda e: (e["start"] or "9999", e["label"]))
    return out


def by_year(events: list[dict[str, Any]], province: str | None) -> list[tuple[str, list[dict[str, Any]]]]:
    """Events grouped by the year they start in (undated last), kept to one province if asked."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in events:
        if province and province not in e["provinces"]:
            continue
        groups[(e["start"] or "")[:4] or "?"].append(e)
    return sorted(groups.items(), key=lambda kv: (kv[0] == "?", kv[0]))


async def timeline_page(request: Request) -> Response:
    from libkg.serve.links import local_path

    state = request.app.state
    events = await state.backend.call(load_events, timeout=state.config.query_timeout, lane="page")
    provinces = sorted({(iri, label) for e in events for iri, label in e["provinces"].items()},
                       key=lambda p: p[1])
    chosen = request.query_params.get("province") or None
    groups = by_year(events, chosen)
    for _, evs in groups:
        for e in evs:
            e["path"] = local_path(e["iri"], state.base)
            e["province_links"] = [(local_path(i, state.base), lab) for i, lab in e["provinces"].items()]
    chosen_label = dict(provinces).get(chosen, chosen) if chosen else None
    return state.templates.TemplateResponse(
        request, "timeline.html",
        {"title": "Dòng thời gian · Timeline", "groups": groups, "provinces": provinces, "chosen": chosen,
         "chosen_label": chosen_label, "total": sum(len(v) for _, v in groups)})
