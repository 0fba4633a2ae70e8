"""The 2025 province reform as the pages show it: each provincial unit's era and lineage.

The gazetteer holds the 63 units in force until 2025-06-30 (``lkg:validUntil``)
and the 34 from 2025-07-01 (``lkg:validFrom``), linked by ``lkg:succeededBy``
/ ``lkg:mergedInto``.  A post-reform province's *territory* is itself and every
unit whose succession chain reaches it, so its page, the timeline and the
lists include what happened there before the merger.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from libkg.store.base import Store

__all__ = ["Lineage", "Unit", "era_of", "load_lineage"]


@dataclass
class Unit:
    iri: str
    label: str
    valid_from: str | None = None
    valid_until: str | None = None
    next: dict[str, str] = field(default_factory=dict)  # successor IRI -> "merged" | "succeeded"
    before: list[str] = field(default_factory=list)  # units it succeeded (filled by load_lineage)

    @property
    def era(self) -> str:
        return era_of(self.valid_from, self.valid_until)


def era_of(valid_from: str | None, valid_until: str | None) -> str:
    """``"before"`` (ended with the 2025 reform), ``"after"`` (made by it) or ``""`` (no era known).

    >>> era_of(None, "2025-06-30"), era_of("2025-07-01", None), era_of(None, None)
    ('before', 'after', '')
    """
    if valid_until:
        return "before"
    if valid_from:
        return "after"
    return ""


@dataclass
class Lineage:
    units: dict[str, Unit] = field(default_factory=dict)

    def successors(self, iri: str) -> list[str]:
        """Every unit reached from ``iri`` by succession, nearest first (not ``iri`` itself)."""
        out: list[str] = []
        todo = list(self.units[iri].next) if iri in self.units else []
        while todo:
            n = todo.pop(0)
            if n not in out and n != iri:
                out.append(n)
                todo.extend(self.units[n].next if n in self.units else ())
        return out

    def territory(self, iri: str) -> set[str]:
        """``iri`` and every unit whose succession chain reaches it (its territory before the reform)."""
        out, todo = {iri}, [iri]
        while todo:
            u = self.units.get(todo.pop())
            for b in u.before if u else ():
                if b not in out:
                    out.add(b)
                    todo.append(b)
        return out

    def with_successors(self, iris: set[str] | list[str]) -> set[str]:
        out = set(iris)
        for i in iris:
            out.update(self.successors(i))
        return out


def load_lineage(store: Store) -> Lineage:
    """The gazetteer's provincial units with their eras and successions (one query)."""
    from libkg.serve.pages import page_query

    lin = Lineage()
    for r in store.select_values(page_query("provincial-units")):
        u = lin.units.setdefault(r["u"], Unit(r["u"], r.get("label") or r["u"].rsplit("/", 1)[-1]))
        u.valid_from = u.valid_from or r.get("from")
        u.valid_until = u.valid_until or r.get("until")
        if "next" in r and r["next"] != r["u"]:
            if u.next.get(r["next"]) != "merged":
                u.next[r["next"]] = r.get("how", "succeeded")
    for u in lin.units.values():
        for n in u.next:
            if n in lin.units and u.iri not in lin.units[n].before:
                lin.units[n].before.append(u.iri)
    for u in lin.units.values():
        u.before.sort(key=lambda i: lin.units[i].label)
    return lin
