"""Offline linking: authority ids shipped with libkg, applied with no network.

Two sources, both in the package:

* the provincial units of the gazetteer (``data/gazetteer/vn-provinces.csv``,
  read through :func:`libkg.resolve.places.gazetteer`, not copied): every
  unit before and after the 2025 reform, and Việt Nam, with its Wikidata id;
* ``data/authority/institutions.csv``: national institutions of the sector,
  with the ids that could be verified (empty ones are skipped, never guessed).

Province nodes are matched by IRI (the gazetteer mints them), institutions by
:func:`~libkg.resolve.organizations.org_key` of their names and aliases, so
"Bộ VHTTDL" and "Bộ Văn hóa, Thể thao và Du lịch" meet.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from libkg.link.model import Decision, Entity
from libkg.resolve.organizations import org_key
from libkg.resolve.places import VIET_NAM_WIKIDATA, gazetteer
from libkg.resources import data_file
from libkg.store.base import select_rows

if TYPE_CHECKING:
    from libkg.store.base import Store

__all__ = ["Institution", "institutions", "offline_decisions", "province_decisions", "institution_decisions"]

_CHECKS = {"wikidata": re.compile(r"^(Q[1-9][0-9]*)?$"), "viaf": re.compile(r"^[0-9]*$"),
           "isni": re.compile(r"^([0-9]{15}[0-9X])?$"), "geonames": re.compile(r"^[0-9]*$")}
GAZETTEER_SOURCE = "libkg:data/gazetteer/vn-provinces.csv"
INSTITUTIONS_SOURCE = "libkg:data/authority/institutions.csv"


@dataclass(frozen=True)
class Institution:
    """One row of ``institutions.csv``."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    wikidata: str
    viaf: str
    isni: str
    geonames: str
    source: str
    note: str

    @property
    def keys(self) -> set[str]:
        return {org_key(n) for n in (self.name, *self.aliases) if n.strip()}


@lru_cache(maxsize=1)
def institutions() -> tuple[Institution, ...]:
    """The rows of ``data/authority/institutions.csv``."""
    out = []
    with data_file("authority", "institutions.csv").open(encoding="utf-8", newline="") as fh:
        for i, r in enumerate(csv.DictReader(fh), start=2):
            r = {k: (v or "").strip() for k, v in r.items()}
            for col, pattern in _CHECKS.items():
                if not pattern.match(r[col].replace(" ", "")):
                    raise ValueError(f"institutions.csv line {i}: {col}={r[col]!r} is not a {col} id")
            if any(r[c] for c in _CHECKS) and not r["source"]:
                raise ValueError(f"institutions.csv line {i}: ids without a source")
            out.append(Institution(r["name"], tuple(a.strip() for a in r["aliases"].split("|") if a.strip()),
                                   r["kind"], r["wikidata"], r["viaf"], r["isni"].replace(" ", ""), r["geonames"],
                                   r["source"], r["note"]))
    return tuple(out)


def province_decisions(nodes: set[str], base: str | None = None) -> list[Decision]:
    """Links for the gazetteer units (and Việt Nam) among ``nodes``.

    A unit whose Wikidata item is shared with another unit (same item before
    and after the reform) gets ``close``, otherwise ``exact``, as the design
    notes of the ontology require.
    """
    gz = gazetteer(base)
    shared = Counter(u.wikidata for u in gz.units if u.wikidata)
    out = []
    for u in gz.units:
        iri = str(u.iri)
        if iri not in nodes or not u.wikidata:
            continue
        era = "until 2025-06-30" if u.era == "vn-63" else "from 2025-07-01"
        match = "exact" if shared[u.wikidata] == 1 else "close"
        out.append(Decision(iri, u.wikidata, 1.0, "offline",
                            f"gazetteer unit {u.official} ({era}, GSO {u.gso})"
                            + ("" if match == "exact" else f"; item shared by {shared[u.wikidata]} units"),
                            GAZETTEER_SOURCE, label=u.name, kind="Place", candidate_label=u.official, match=match))
    vn = str(gz.viet_nam.iri)
    if vn in nodes:
        out.append(Decision(vn, VIET_NAM_WIKIDATA, 1.0, "offline", "gazetteer: the country", GAZETTEER_SOURCE,
                            label="Việt Nam", kind="Place", candidate_label="Việt Nam", match="exact"))
    return out


def institution_decisions(entities: list[Entity]) -> list[Decision]:
    """Links for the organisations whose name or alias is a row of ``institutions.csv`` with an id."""
    by_key: dict[str, Institution] = {}
    for inst in institutions():
        if inst.wikidata:
            for k in inst.keys:
                by_key[k] = inst
    out = []
    for e in entities:
        if e.kind == "Person" or e.kind == "Place":
            continue
        hit = next((by_key[k] for k in (org_key(n) for n in e.labels) if k in by_key), None)
        if hit is None:
            continue
        out.append(Decision(e.iri, hit.wikidata, 1.0, "offline",
                            f"institutions table: {hit.name} (ids verified from {hit.source})",
                            INSTITUTIONS_SOURCE, label=e.label, kind=e.kind, candidate_label=hit.name,
                            viaf=hit.viaf, isni=hit.isni, geonames=hit.geonames))
    return out


def offline_decisions(store: Store, entities: list[Entity], base: str | None = None) -> list[Decision]:
    """Every offline link for the nodes of ``store``: gazetteer units, then institutions."""
    rows = select_rows(store.query("SELECT DISTINCT ?p WHERE { ?p a lkg:Place }"))
    places = {str(r.p) for r in rows}
    return province_decisions(places, base) + institution_decisions(entities)
