"""A timeline of events by year, filterable by province.

The province of an event is the province its place is, or lies in
(``lkg:within*``), so an event in a district or a provincial library's city
shows under its province.  Rendered on the server; the filter is a plain GET
form, so it works without JavaScript.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response

from libkg.normalize import ascii_fold
from libkg.serve.i18n import lang_of

if TYPE_CHECKING:
    from libkg.store.base import Store

__all__ = ["load_events", "timeline_data", "timeline_page"]


def load_events(store: Store) -> list[dict[str, Any]]:
    """Every event with its dates, kind, places and provinces, those through the reform's lineage
    included (see :func:`libkg.serve.browse.load_events`)."""
    from libkg.serve.browse import load_events as events

    out = events(store)
    for e in out:
        e["kind"] = e.get("kind_vi") or e.get("kind_en")
    return out


def timeline_data(store: Store) -> dict[str, Any]:
    """The events and every provincial unit's (label, era), so a province without events is named too."""
    from libkg.serve.reform import load_lineage

    units = {u.iri: (u.label, u.era) for u in load_lineage(store).units.values()}
    return {"events": load_events(store), "units": units}


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
    data = await state.backend.call(timeline_data, timeout=state.config.query_timeout, lane="page")
    events, units = data["events"], data["units"]
    eras = {iri: era for e in events for iri, era in e["eras"].items()}
    marks = {"before": (" (trước 2025)", " (before 2025)"), "after": (" (từ 2025)", " (from 2025)")}
    en = lang_of(request) == "en"
    provinces = sorted({(iri, label + marks.get(eras.get(iri, ""), ("", ""))[en])
                        for e in events for iri, label in e["provinces"].items()},
                       key=lambda p: (ascii_fold(p[1]), p[0]))
    chosen = request.query_params.get("province") or None
    groups = by_year(events, chosen)
    for _, evs in groups:
        for e in evs:
            e["path"] = local_path(e["iri"], state.base)
            e["province_links"] = [(local_path(i, state.base), lab) for i, lab in e["direct_provinces"].items()]
            e["successor_links"] = [(local_path(i, state.base), lab) for i, lab in e["provinces"].items()
                                    if i not in e["direct_provinces"]]
    if chosen and chosen not in dict(provinces) and chosen in units:
        label, era = units[chosen]
        provinces.append((chosen, label + marks.get(era, ("", ""))[en]))
    chosen_label = dict(provinces).get(chosen, chosen) if chosen else None
    return state.templates.TemplateResponse(
        request, "timeline.html",
        {"title": "Dòng thời gian" if not en else "Timeline", "groups": groups, "provinces": provinces, "chosen": chosen,
         "chosen_label": chosen_label, "total": sum(len(v) for _, v in groups)})
