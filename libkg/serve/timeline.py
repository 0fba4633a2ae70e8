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
    from libkg.serve.browse import list_rows

    out = list_rows(store, "events", "")
    for e in out:
        e["kind"] = e.get("kind_vi") or e.get("kind_en")
    return out


MAX_EVENTS = 1000  # events one timeline page shows; past it, a note asks for a province or a year


def timeline_data(store: Store, province: str | None, year: str | None) -> dict[str, Any]:
    """What the page shows, chosen in the worker so only that travels: the events of ``province``
    (and ``year``) grouped by year (at most :data:`MAX_EVENTS`), how many there are, the provinces
    to choose from with their eras, the years, and the chosen province's (label, era)."""
    from libkg.serve.reform import load_lineage

    events = load_events(store)
    eras = {iri: era for e in events for iri, era in e["eras"].items()}
    provinces = sorted({(iri, label, eras.get(iri, "")) for e in events for iri, label in e["provinces"].items()},
                       key=lambda p: (ascii_fold(p[1]), p[2], p[0]))
    years = sorted({(e["start"] or "")[:4] for e in events if (e["start"] or "")[:4]})
    kept = [e for e in events if (not province or province in e["provinces"])
            and (not year or (e["start"] or "").startswith(year))]
    chosen = None
    if province:
        unit = load_lineage(store).units.get(province)
        chosen = (unit.label, unit.era) if unit else next(((lab, era) for iri, lab, era in provinces
                                                          if iri == province), None)
    return {"groups": by_year(kept[:MAX_EVENTS], None), "total": len(kept), "provinces": provinces,
            "years": years, "chosen": chosen}


def by_year(events: list[dict[str, Any]], province: str | None) -> list[tuple[str, list[dict[str, Any]]]]:
    """Events grouped by the year they start in (undated last), kept to one province if asked."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in events:
        if province and province not in e["provinces"]:
            continue
        groups[(e["start"] or "")[:4] or "?"].append(e)
    return sorted(groups.items(), key=lambda kv: (kv[0] == "?", kv[0]))


async def timeline_page(request: Request) -> Response:
    from starlette.exceptions import HTTPException

    from libkg.serve.links import SAFE_IRI, local_path

    state = request.app.state
    chosen = request.query_params.get("province") or None
    year = request.query_params.get("year") or None
    if chosen and not SAFE_IRI.match(chosen):
        raise HTTPException(400, f"`province`: {chosen[:80]!r} is not an IRI")
    if year and not (len(year) == 4 and year.isdigit()):
        raise HTTPException(400, f"`year`: {year[:80]!r} is not a year (YYYY)")
    data = await state.backend.call(timeline_data, chosen, year, timeout=state.config.query_timeout, lane="page")
    marks = {"before": (" (trước 2025)", " (before 2025)"), "after": (" (từ 2025)", " (from 2025)")}
    en = lang_of(request) == "en"
    provinces = [(iri, label + marks.get(era, ("", ""))[en]) for iri, label, era in data["provinces"]]
    for _, evs in data["groups"]:
        for e in evs:
            e["path"] = local_path(e["iri"], state.base)
            e["province_links"] = [(local_path(i, state.base), lab) for i, lab in e["direct_provinces"].items()]
            e["successor_links"] = [(local_path(i, state.base), lab) for i, lab in e["provinces"].items()
                                    if i not in e["direct_provinces"]]
    chosen_label = None
    if chosen:
        label, era = data["chosen"] or (chosen, "")
        chosen_label = label + marks.get(era, ("", ""))[en]
        if chosen not in dict(provinces):
            provinces.append((chosen, chosen_label))
    shown = sum(len(v) for _, v in data["groups"])
    return state.templates.TemplateResponse(
        request, "timeline.html",
        {"title": "Timeline" if en else "Dòng thời gian", "groups": data["groups"], "provinces": provinces,
         "chosen": chosen, "chosen_label": chosen_label, "total": data["total"], "shown": shown,
         "years": data["years"], "year": year})
