"""Place names the extractor recognises, loaded from the shipped gazetteer files.

* Provinces come from ``data/gazetteer/vn-provinces.csv`` (the 63 units before
  the 1 July 2025 reform and the 34 after it, with Wikidata ids), plus other
  spellings from ``place-aliases.tsv`` ("Thừa Thiên Huế", "TP.HCM").
* Districts, provincial cities and communes (before and after the reform) come
  from ``vn-admin-units.tsv``, generated offline from the PyPI package
  ``vietnamadminunits`` by ``scripts/build_admin_units.py``.
* Regions (``vn-regions.tsv``, ``world-regions.tsv``) and countries (``countries.tsv``).

Lookups are by folded name without the administrative prefix, so "tỉnh Thái
Nguyên", "Thái Nguyên" and "thái nguyên" find the same entry, and "Hoà Bình"
finds "Hòa Bình".  Every file is read once per process.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from libkg.normalize import ascii_fold, fold, fold_place
from libkg.resources import data_file, read_tsv

_PREFIXES = ("Thành phố ", "Tỉnh ")


@dataclass(frozen=True)
class Province:
    name: str  # short name without "Tỉnh"/"Thành phố": "Thái Nguyên"
    official: str  # "Tỉnh Thái Nguyên"
    wikidata: str
    gso_code: str
    valid_until: str | None  # "2025-06-30" for a pre-reform unit, None for one in force
    successor: str | None  # short name of the post-reform unit

    @property
    def central(self) -> bool:
        """A centrally-run city (Hà Nội, Cần Thơ ...): its kind is City, within Việt Nam."""
        return self.official.startswith("Thành phố ")


@dataclass(frozen=True)
class AdminUnit:
    """A district, provincial city or commune."""

    name: str  # short name: "Mường Chà"
    kind: str  # City | District | Commune
    prefix: str  # "Huyện", "Thành phố", "Xã", "Phường", "Thị trấn" ...
    district: str  # short name of the district (legacy communes), else ""
    province: str  # short name of the province
    era: str  # legacy | 2025


@dataclass(frozen=True)
class Region:
    name: str
    within: str | None  # None for a region of the world
    strong: bool


def _short(official: str) -> str:
    for p in _PREFIXES:
        if official.startswith(p):
            return official[len(p):]
    return official


@lru_cache(maxsize=1)
def provinces() -> dict[str, list[Province]]:
    """Folded short name -> the provinces of that name (pre- and post-reform units)."""
    out: dict[str, list[Province]] = {}
    seen = set()
    with data_file("gazetteer", "vn-provinces.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            old = Province(_short(row["name"]), row["name"], row["wikidata"], row["gso_code"],
                           row["valid_until"] or None, _short(row["successor_name"]))
            new = Province(_short(row["successor_name"]), row["successor_name"], row["successor_wikidata"],
                           row["successor_gso_code"], None, None)
            for p in (old, new):
                if (p.wikidata, p.valid_until) not in seen:
                    seen.add((p.wikidata, p.valid_until))
                    out.setdefault(fold_place(p.name), []).append(p)
    for alias, canonical in _aliases().items():
        if alias not in out and fold_place(canonical) in out:
            out[alias] = out[fold_place(canonical)]
    return out


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    return {fold_place(a): c for a, c, *_ in read_tsv("gazetteer", "place-aliases.tsv")}


@lru_cache(maxsize=1)
def alias_names() -> tuple[str, ...]:
    """Other spellings of provinces as written ("Thừa Thiên Huế")."""
    return tuple(a for a, *_ in read_tsv("gazetteer", "place-aliases.tsv"))


@lru_cache(maxsize=8192)
def province(name: str) -> Province | None:
    """The province a name refers to (the pre-reform unit when both exist).

    Memoised: the places component asks for the same few names many times
    per article, and the answer depends on the (static) gazetteer only.

    >>> province("tỉnh Thái Nguyên").official
    'Tỉnh Thái Nguyên'
    >>> province("Hòa Bình").gso_code == province("Hoà Bình").gso_code == "17"
    True
    >>> province("Thừa Thiên Huế").name
    'Huế'
    """
    found = provinces().get(fold_place(name))
    return found[0] if found else None


@lru_cache(maxsize=1)
def admin_units() -> dict[str, list[AdminUnit]]:
    """Folded short name -> districts, cities and communes of that name."""
    out: dict[str, list[AdminUnit]] = {}
    for row in read_tsv("gazetteer", "vn-admin-units.tsv"):
        unit = AdminUnit(*row[:6])
        out.setdefault(fold(unit.name), []).append(unit)
    return out


def units(name: str, kinds: tuple[str, ...] | None = None) -> list[AdminUnit]:
    """Admin units called ``name`` (prefix dropped), optionally of the given kinds.

    >>> [u.province for u in units("Mường Chà", ("District",))]
    ['Điện Biên']
    """
    return list(_units(name, kinds))


@lru_cache(maxsize=8192)
def _units(name: str, kinds: tuple[str, ...] | None) -> tuple[AdminUnit, ...]:
    """:func:`units`, memoised (an immutable answer; :func:`units` hands out a fresh list)."""
    key = fold_place(name)
    found = [u for u in admin_units().get(key, []) if kinds is None or u.kind in kinds]
    if not found:
        found = [u for u in _ascii_units().get(ascii_fold(key), []) if kinds is None or u.kind in kinds]
    return tuple(found)


def resolve_unit(name: str, kinds: tuple[str, ...] | None = None,
                 context: tuple[str, ...] = ()) -> AdminUnit | None:
    """The unit called ``name`` best fitting the provinces/districts named around it.

    ``context`` holds folded names of provinces and districts the article
    mentions, nearest first; legacy units win over post-reform ones on a tie.

    >>> resolve_unit("Phong Điền", ("District",), (fold("Cần Thơ"),)).province
    'Cần Thơ'
    """
    cands = _units(name, kinds)
    if not cands:
        return None
    if len(cands) == 1:
        return cands[0]

    def rank(u: AdminUnit) -> tuple[int, int]:
        best = len(context)
        prov = _fold(u.province)
        dist = _fold(u.district) if u.district else None
        for i, c in enumerate(context):
            if prov == c or dist == c:
                best = i
                break
        return best, 0 if u.era == "legacy" else 1

    return min(cands, key=rank)


_fold = lru_cache(maxsize=16384)(fold)


@lru_cache(maxsize=1)
def _ascii_units() -> dict[str, list[AdminUnit]]:
    """Units by name without diacritics, for variant spellings ("Mù Cang Chải" / "Mù Căng Chải")."""
    out: dict[str, list[AdminUnit]] = {}
    for units_ in admin_units().values():
        for u in units_:
            out.setdefault(ascii_fold(u.name), []).append(u)
    return out


@lru_cache(maxsize=1)
def regions() -> dict[str, Region]:
    """Folded region name -> region."""
    out = {}
    for name, within, strength, *_ in read_tsv("gazetteer", "vn-regions.tsv"):
        out[fold(name)] = Region(name, within, strength == "strong")
    for name, strength, *_ in read_tsv("gazetteer", "world-regions.tsv"):
        out.setdefault(fold(name), Region(name, None, strength == "strong"))
    return out


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """Folded country name or alias -> the country's name."""
    out = {}
    for row in read_tsv("gazetteer", "countries.tsv"):
        name = row[0].strip()
        out[fold(name)] = name
        for alias in (row[1].split(",") if len(row) > 1 else []):
            if alias.strip():
                out[fold(alias.strip())] = name
    return out


@lru_cache(maxsize=1)
def place_cues() -> dict[str, tuple[str, ...]]:
    """Word lists of ``data/lexicon/place_cues.tsv`` by kind (site, venue, locality, org, breaker)."""
    out: dict[str, list[str]] = {}
    for kind, words, *_ in read_tsv("lexicon", "place_cues.tsv"):
        out.setdefault(kind, []).extend(w for w in words.split("|") if w)
    return {k: tuple(sorted(set(v), key=lambda w: (-len(w), w))) for k, v in out.items()}
