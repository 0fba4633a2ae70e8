"""Places: province-level mentions resolve to gazetteer units valid at the article's date.

The gazetteer (``data/gazetteer/vn-provinces.csv``) holds the 63 provincial
units in force until 2025-06-30 and the 34 in force from 2025-07-01
(Resolution 202/2025/QH15).  Each is a node of its own, because a unit's
extent changed with the reform even where its name did not:

* ``{base}id/place/vn-63/{gso}-{slug}`` -- a pre-reform unit, ``lkg:validUntil 2025-06-30``;
* ``{base}id/place/vn-34/{gso}-{slug}`` -- a post-reform unit, ``lkg:validFrom 2025-07-01``;
* ``{base}id/place/vn`` -- Việt Nam.

GSO codes are reused across the reform (new Lào Cai has old Yên Bái's code
15), hence the era segment.  A mention ("tỉnh Yên Bái", "Yên Bái", "YB")
resolves to the unit of that name valid on the article's date, so a 2023
article's "Lào Cai" is the old province and a 2026 article's the new one.
Other places (districts, communes, sites, regions) get name-based IRIs scoped
by their province, so two districts called Phong Điền stay apart.

Wikidata convention (for later authority linking): every gazetteer unit has
``lkg:wikidataId "Q…"`` (a plain literal, the join key) and a SKOS mapping to
``http://www.wikidata.org/entity/Q…``: ``skos:exactMatch`` when no other unit
of the gazetteer shares the item, ``skos:closeMatch`` when it does (Wikidata
keeps one item for "Lào Cai province" across the reform, so it matches the
old and the new unit only closely).  Never ``owl:sameAs``: through a shared
item it would make two units of different extent one.

>>> g = Gazetteer("https://example.org/")
>>> str(g.province("tỉnh Yên Bái", "2023-05-01").iri)
'https://example.org/id/place/vn-63/15-yen-bai'
>>> str(g.province("Lào Cai", "2025-08-01").iri)
'https://example.org/id/place/vn-34/15-lao-cai'
>>> g.province("Thừa Thiên Huế", "2024-01-01").name
'Huế'
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import URIRef

from libkg.normalize import admin_prefixes, fold, fold_place, slug
from libkg.rdf.namespaces import data_base
from libkg.resolve.keys import new_tone, short_hash, words
from libkg.resources import data_file, read_tsv

__all__ = ["REFORM_DATE", "WIKIDATA", "Gazetteer", "PlaceRef", "Unit", "gazetteer",
           "gazetteer_graph_iri", "place_iri", "place_scope_key"]

REFORM_DATE = "2025-07-01"
WIKIDATA = "http://www.wikidata.org/entity/"
VIET_NAM_WIKIDATA = "Q881"
# the prefixes of units below a province ("huyện", "xã", "thị trấn" ...), from admin_prefixes.tsv
_LOWER_ADMIN = tuple(dict.fromkeys(p.full for p in admin_prefixes()
                                   if p.use == "word" and p.kind in ("District", "Commune")))


@dataclass(frozen=True)
class Unit:
    """One provincial-level unit of one era."""

    era: str  # "vn-63" (until 2025-06-30) | "vn-34" (from 2025-07-01)
    gso: str
    official: str  # "Tỉnh Yên Bái"
    name: str  # "Yên Bái"
    wikidata: str
    valid_from: str | None
    valid_until: str | None
    successor: tuple[str, str] | None = None  # (era, gso) of the unit it became
    change: str | None = None  # replaces | merged_into
    legal_basis: str | None = None
    iri: URIRef = field(default=URIRef(""), compare=False)
    display_official: str = ""  # the official name as the source spells it ("Tỉnh Hoà Bình")

    @property
    def central(self) -> bool:
        """A centrally-run city (thành phố trực thuộc trung ương)."""
        return self.official.startswith("Thành phố ")

    @property
    def kind(self) -> str:
        return "City" if self.central else "Province"


@dataclass(frozen=True)
class PlaceRef:
    """What the graph builder needs to write a place mention."""

    iri: URIRef
    kind: str
    pref_label: str | None = None  # set for gazetteer units: their one display name
    within: PlaceRef | None = None
    gazetteer: bool = False


def _short(official: str) -> str:
    for p in ("Thành phố ", "Tỉnh "):
        if official.startswith(p):
            return official[len(p):]
    return official


@lru_cache(maxsize=1)
def _rows() -> tuple[dict[str, str], ...]:
    with data_file("gazetteer", "vn-provinces.csv").open(encoding="utf-8") as fh:
        return tuple(csv.DictReader(fh))


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    return {fold_place(a): fold_place(c) for a, c, *_ in read_tsv("gazetteer", "place-aliases.tsv")}


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, tuple[str, ...]]:
    out = {}
    for abbr, cands, *_ in read_tsv("identity", "province-abbreviations.tsv"):
        out[fold(abbr)] = tuple(fold_place(c) for c in cands.split("|") if c.strip())
    return out


class Gazetteer:
    """The provincial units under one data base, with lookups by name and date."""

    def __init__(self, base: str | None = None) -> None:
        self.base = data_base(base)
        self.units: list[Unit] = []
        self.by_name: dict[str, list[Unit]] = {}
        seen: set[tuple[str, str]] = set()
        for r in _rows():
            new = ("vn-34", r["successor_gso_code"])
            old = Unit("vn-63", r["gso_code"], r["name"], _short(r["name"]), r["wikidata"], None,
                       r["valid_until"] or None, new, r["change"], r["legal_basis"])
            succ = Unit("vn-34", r["successor_gso_code"], r["successor_name"], _short(r["successor_name"]),
                        r["successor_wikidata"], r["effective"] or REFORM_DATE, None)
            for u in (old, succ):
                # one display spelling (new tone placement, as for persons): "Hòa Bình", not "Hoà Bình"
                u = Unit(**{**u.__dict__, "name": new_tone(u.name), "display_official": u.official})
                u = Unit(**{**u.__dict__, "official": new_tone(u.official)})
                if (u.era, u.gso) not in seen:
                    seen.add((u.era, u.gso))
                    u = Unit(**{**u.__dict__, "iri": self._unit_iri(u)})
                    self.units.append(u)
                    self.by_name.setdefault(fold_place(u.name), []).append(u)
        self.by_code = {(u.era, u.gso): u for u in self.units}
        for alias, canonical in _aliases().items():
            if alias not in self.by_name and canonical in self.by_name:
                self.by_name[alias] = self.by_name[canonical]
        self.viet_nam = PlaceRef(URIRef(f"{self.base}id/place/vn"), "Country", "Việt Nam", gazetteer=True)
        names = sorted(self.by_name, key=lambda n: (-len(n), n))
        self._tail = re.compile(r"(?:^|\s)(?:(tỉnh|thành phố|tp\.?|" + "|".join(_LOWER_ADMIN) + r")\s+)?("
                                + "|".join(re.escape(n) for n in names) + r")$")
        self._inner = re.compile(r"(?<!\w)(?:tỉnh|thành phố|tp\.?)\s+(" + "|".join(re.escape(n) for n in names)
                                 + r")(?!\w)")
        self._named: dict[str, str | None] = {}  # organisation name -> the province name closing it

    def _unit_iri(self, u: Unit) -> URIRef:
        return URIRef(f"{self.base}id/place/{u.era}/{u.gso}-{slug(u.name)}")

    # ------------------------------------------------------------ lookups
    def successor(self, u: Unit) -> Unit | None:
        return self.by_code.get(u.successor) if u.successor else None

    def province(self, name: str, date: str | None = None, context: tuple[str, ...] = ()) -> Unit | None:
        """The unit called ``name`` valid on ``date`` (ISO; none = today), or None.

        ``context`` holds folded province names the article writes in full;
        an ambiguous abbreviation ("TN") resolves only when exactly one of its
        candidates is among them.
        """
        key = fold_place(name)
        cands = self.by_name.get(key)
        if not cands:
            abbr = _abbreviations().get(fold(name).strip()) or _abbreviations().get(key)
            if not abbr:
                return None
            hits = [c for c in abbr if c in context] if len(abbr) > 1 else list(abbr)
            if len(hits) != 1:
                return None
            cands = self.by_name.get(hits[0])
            if not cands:
                return None
        post = not date or date[:10] >= REFORM_DATE
        era = "vn-34" if post else "vn-63"
        for u in cands:
            if u.era == era:
                return u
        return cands[0]

    def in_name(self, org_name: str, date: str | None = None) -> Unit | None:
        """The province an organisation's name places it in ("Thư viện tỉnh Yên Bái" -> Yên Bái).

        Only a province name closing the name counts, and not after a lower
        administrative word ("UBND huyện Điện Biên" says nothing certain).
        """
        name = self._province_named(org_name)
        return None if name is None else self.province(name, date)

    def _province_named(self, org_name: str) -> str | None:
        """The (folded) province name closing ``org_name``, or None; remembered per name, since
        the same organisations recur in every article and the regex is long."""
        if org_name in self._named:
            return self._named[org_name]
        m = self._tail.search(fold(org_name))
        name = None if not m or (m.group(1) and m.group(1) in _LOWER_ADMIN) else m.group(2)
        if len(self._named) >= 65536:
            self._named.clear()
        self._named[org_name] = name
        return name

    def canonical_org_text(self, folded: str) -> str:
        """Drop "tỉnh"/"thành phố" before province-level names inside a folded organisation name.

        The "thành phố" of a provincial city (TP. Lào Cai, a city inside the
        province) is kept: its library is not the provincial one.
        """
        def drop(m: re.Match[str]) -> str:
            head = m.group(0).split()[0]
            units = self.by_name.get(m.group(1), [])
            if head == "tỉnh" or any(u.central for u in units):
                return m.group(1)
            return m.group(0)

        return self._inner.sub(drop, folded)

    def ref(self, u: Unit) -> PlaceRef:
        return PlaceRef(u.iri, u.kind, u.name, self.viet_nam, gazetteer=True)


@lru_cache(maxsize=8)
def gazetteer(base: str | None = None) -> Gazetteer:
    """The :class:`Gazetteer` of a data base, built once per process."""
    return Gazetteer(data_base(base))


def gazetteer_graph_iri(base: str | None = None) -> URIRef:
    """The named graph of the gazetteer reference data, ``{base}graph/gazetteer``."""
    return URIRef(f"{data_base(base)}graph/gazetteer")


def place_scope_key(kind: str, name: str, province: Unit | None) -> str:
    """Identity key of a non-gazetteer place: administrative kind, folded name, province.

    Sites, regions and other places drop the kind (the extractor may call the
    same square a Site once and Other once); administrative units keep it,
    so the district of Điện Biên is not the commune of Điện Biên.
    """
    k = kind if kind in ("City", "District", "Commune") else ""
    scope = f"{province.era}/{province.gso}" if province else ""
    return "\x1f".join((k, words(fold_place(name)), scope))


def place_iri(base: str, kind: str, name: str, province: Unit | None) -> URIRef:
    """``{base}id/place/{slug}-{hash of the scope key}`` (see :func:`place_scope_key`)."""
    return _place_iri(data_base(base), kind, name, province)


@lru_cache(maxsize=65536)
def _place_iri(base: str, kind: str, name: str, province: Unit | None) -> URIRef:
    """:func:`place_iri` under a resolved base, made once per place (places recur across articles)."""
    key = place_scope_key(kind, name, province)
    return URIRef(f"{base}id/place/{slug(fold_place(name)) or 'x'}-{short_hash(key)}")

