"""The institutions network, interactive (vis-network) with a plain list for JavaScript-off readers.

The projection is :func:`libkg.network.institutions`, the same one the CLI
exports to Gephi, computed in a worker like every query.  Each node carries
the path of its entity page, so a click opens it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

if TYPE_CHECKING:
    from libkg.store.base import Store

__all__ = ["network_data", "network_json", "network_page"]


def network_data(store: Store, date_from: str | None, date_to: str | None, min_weight: int) -> dict[str, Any]:
    """Nodes and edges as plain dicts, ready for vis-network."""
    from libkg.network import institutions

    g = institutions(store, date_from=date_from, date_to=date_to, min_weight=min_weight)
    nodes = [{"id": n, "label": d.get("label", n), "group": d.get("kind", "Other"),
              "value": g.degree(n, weight="weight")} for n, d in g.nodes(data=True)]
    edges = [{"from": a, "to": b, "value": d.get("weight", 1),
              "title": f"{d.get('weight', 1)} sự kiện chung / shared events"} for a, b, d in g.edges(data=True)]
    nodes.sort(key=lambda n: (-n["value"], n["label"]))
    return {"nodes": nodes, "edges": edges}


def _params(request: Request) -> tuple[str | None, str | None, int]:
    """``from``, ``to`` (dates, else 400 naming the parameter) and ``min_weight``."""
    from starlette.exceptions import HTTPException

    from libkg.normalize import typed_date

    q = request.query_params
    try:
        w = max(1, int(q.get("min_weight", "1")))
    except ValueError:
        w = 1
    dates = []
    for name in ("from", "to"):
        value = q.get(name) or None
        try:
            dates.append(typed_date(value[:40]) if value else None)
        except ValueError as exc:
            raise HTTPException(400, f"`{name}`: {exc}") from None
    return dates[0], dates[1], w


async def _load(request: Request) -> dict[str, Any]:
    from libkg.serve.links import local_path

    state = request.app.state
    data = await state.backend.call(network_data, *_params(request), timeout=state.config.query_timeout,
                                    lane="page")
    for n in data["nodes"]:
        n["url"] = local_path(n["id"], state.base)
    return data


async def network_json(request: Request) -> Response:
    return JSONResponse(await _load(request))


async def network_page(request: Request) -> Response:
    state = request.app.state
    data = await _load(request)
    date_from, date_to, min_weight = _params(request)
    return state.templates.TemplateResponse(
        request, "network.html",
        {"title": "Mạng lưới thư viện · Institutions network", "data": data, "date_from": date_from or "",
         "date_to": date_to or "", "min_weight": min_weight, "static": state.static_files})
