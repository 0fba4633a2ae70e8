"""The institutions network, interactive (vis-network) with a table for JavaScript-off readers.

The projection is :func:`libkg.network.institutions`, the same one the CLI
exports to Gephi, computed in a worker like every query.  Each node carries
the path of its entity page, so a click opens it, and its kind's colour, fixed
per kind (``libkg/serve/data/network-kinds.tsv``) so that colours mean the same
in every view; the legend lists them.  Institutions with no link in the view
(isolated nodes) are left out unless ``isolated=1``.  A bad filter value
answers 400 naming the parameter and the problem.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from libkg.resources import PACKAGE_DIR

if TYPE_CHECKING:
    from libkg.store.base import Store

__all__ = ["kind_colours", "network_data", "network_json", "network_page"]

OTHER_COLOUR = "#999999"
MAX_WEIGHT = 100000


@lru_cache(maxsize=1)
def kind_colours() -> dict[str, tuple[str, str]]:
    """{kind (English label): (colour, Vietnamese name)}, from ``data/network-kinds.tsv``."""
    out = {}
    for line in (PACKAGE_DIR / "serve" / "data" / "network-kinds.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, colour, vi = line.split("\t")[:3]
            out[kind] = (colour, vi)
    return out


def network_data(store: Store, date_from: str | None, date_to: str | None, min_weight: int,
                 isolated: bool = False) -> dict[str, Any]:
    """Nodes and edges as plain dicts, ready for vis-network; nodes without an edge left out unless
    ``isolated``."""
    from libkg.network import institutions

    g = institutions(store, date_from=date_from, date_to=date_to, min_weight=min_weight)
    colours = kind_colours()
    nodes = []
    for n, d in g.nodes(data=True):
        if not isolated and g.degree(n) == 0:
            continue
        kind = d.get("kind", "Other")
        nodes.append({"id": n, "label": d.get("label", n), "group": kind, "value": g.degree(n, weight="weight"),
                      "color": colours.get(kind, (OTHER_COLOUR, ""))[0], "links": g.degree(n)})
    edges = [{"from": a, "to": b, "value": d.get("weight", 1), "title": str(d.get("weight", 1))}
             for a, b, d in g.edges(data=True)]
    nodes.sort(key=lambda n: (-n["value"], n["label"]))
    edges.sort(key=lambda e: -e["value"])
    return {"nodes": nodes, "edges": edges, "dropped": g.number_of_nodes() - len(nodes)}


def _params(request: Request) -> tuple[str | None, str | None, int, bool]:
    """``from``, ``to`` (dates), ``min_weight`` (a whole number >= 1) and ``isolated`` (0/1), each
    checked: a bad value is a 400 naming the parameter."""
    from libkg.normalize import typed_date

    q = request.query_params
    raw = (q.get("min_weight") or "1").strip()
    if not re.fullmatch(r"[0-9]{1,7}", raw) or not 1 <= int(raw) <= MAX_WEIGHT:
        raise HTTPException(400, f"`min_weight`: {raw[:40]!r} is not a whole number from 1 to {MAX_WEIGHT}")
    isolated = (q.get("isolated") or "0").strip()
    if isolated not in ("0", "1", "on"):
        raise HTTPException(400, f"`isolated`: {isolated[:40]!r} is not 0 or 1")
    dates = []
    for name in ("from", "to"):
        value = q.get(name) or None
        try:
            dates.append(typed_date(value[:40]) if value else None)
        except ValueError as exc:
            raise HTTPException(400, f"`{name}`: {exc}") from None
    if dates[0] and dates[1] and dates[0] > dates[1]:
        raise HTTPException(400, f"`from` ({dates[0]}) is after `to` ({dates[1]})")
    return dates[0], dates[1], int(raw), isolated != "0"


async def _load(request: Request) -> dict[str, Any]:
    from libkg.serve.links import local_path

    state = request.app.state
    data = await state.backend.call(network_data, *_params(request), timeout=state.config.query_timeout,
                                    lane="page")
    labels = {}
    for n in data["nodes"]:
        n["url"] = local_path(n["id"], state.base)
        labels[n["id"]] = (n["label"], n["url"])
    for e in data["edges"]:
        e["fromLabel"], e["fromUrl"] = labels.get(e["from"], (e["from"], ""))
        e["toLabel"], e["toUrl"] = labels.get(e["to"], (e["to"], ""))
    return data


async def network_json(request: Request) -> Response:
    return JSONResponse(await _load(request))


async def network_page(request: Request) -> Response:
    from libkg.serve.i18n import lang_of

    state = request.app.state
    data = await _load(request)
    date_from, date_to, min_weight, isolated = _params(request)
    present = {n["group"] for n in data["nodes"]}
    legend = [(kind, colour, vi, sum(1 for n in data["nodes"] if n["group"] == kind))
              for kind, (colour, vi) in kind_colours().items() if kind in present]
    legend += [(k, OTHER_COLOUR, k, sum(1 for n in data["nodes"] if n["group"] == k))
               for k in sorted(present - set(kind_colours()))]
    en = lang_of(request) == "en"
    return state.templates.TemplateResponse(
        request, "network.html",
        {"title": "Institutions network" if en else "Mạng lưới thư viện", "data": data,
         "date_from": date_from or "", "date_to": date_to or "", "min_weight": min_weight, "isolated": isolated,
         "legend": legend, "kind_vi": {k: vi for k, (_, vi) in kind_colours().items()},
         "static": state.static_files})
