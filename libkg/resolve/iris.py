"""Minting IRIs: the identity decisions of libkg, in one replaceable place.

Every IRI is a pure function of folded names (never of the order facts come
in), so re-reading an article, or reading it in another run, gives the same
nodes.  A readable slug is followed by a short hash of the full folded key:
slugs drop diacritics, and "Nguyễn Văn Hà" and "Nguyễn Văn Hạ" are different
people.  Names that fold to the same key (Thuý / Thúy, "VHTTDL" / "Văn hóa,
Thể thao và Du lịch") are the same node.

Example
-------
>>> m = Minter("https://example.org/")
>>> m.person("Hoàng Thị Thuý") == m.person("ông hoàng thị thúy")
True
>>> str(m.person("Kiều Thúy Nga"))
'https://example.org/id/person/kieu-thuy-nga-ec6356e4'
"""

from __future__ import annotations

import csv
import hashlib
import re
from functools import lru_cache

from rdflib import URIRef

from libkg.normalize import ADMIN_PREFIXES, fold, fold_person, fold_place, slug
from libkg.rdf.namespaces import article_graph, article_iri, data_base, quote_id
from libkg.resources import data_file, read_tsv

_WORD = re.compile(r"\w+")


def short_hash(text: str, n: int = 8) -> str:
    """First ``n`` hex digits of the SHA-1 of ``text`` (stable across runs and machines)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text))


@lru_cache(maxsize=1)
def _abbreviations() -> list[tuple[re.Pattern[str], str]]:
    rows = [r for r in read_tsv("lexicon", "abbreviations.tsv") if len(r) >= 2]
    rows.sort(key=lambda r: -len(r[0]))
    return [(re.compile(r"(?<!\w)" + re.escape(fold(a)) + r"(?!\w)"), fold(b)) for a, b, *_ in rows]


def person_key(name: str) -> str:
    """Identity key of a person: folded, title dropped, punctuation dropped."""
    return _words(fold_person(name))


def org_key(name: str) -> str:
    """Identity key of an organisation: folded, abbreviations expanded, punctuation dropped.

    >>> org_key("Sở VH,TT&DL tỉnh Lào Cai") == org_key("Sở Văn hoá, Thể thao và Du lịch tỉnh Lào Cai")
    True
    """
    s = fold(name)
    for pattern, expansion in _abbreviations():
        s = pattern.sub(expansion, s)
    return _words(s)


@lru_cache(maxsize=1)
def _province_level_cities() -> frozenset[str]:
    with data_file("gazetteer", "vn-provinces.csv").open(encoding="utf-8") as fh:
        names = {row[k] for row in csv.DictReader(fh) for k in ("name", "successor_name")}
    return frozenset(fold_place(n) for n in names if fold(n).startswith("thành phố "))


def place_key(name: str) -> str:
    """Identity key of a place (a gazetteer-based resolver comes later).

    A bare name and "tỉnh X" are the province X; a lower-level prefix is kept,
    so the city of Lào Cai is not the province of Lào Cai.  Province-level
    cities ("TP. Hồ Chí Minh") are provinces.

    >>> place_key("tỉnh Lào Cai") == place_key("Lào Cai") != place_key("TP. Lào Cai")
    True
    >>> place_key("TP. Hồ Chí Minh") == place_key("Thành phố Hồ Chí Minh") == place_key("Hồ Chí Minh")
    True
    """
    s = fold(name)
    for prefix in ADMIN_PREFIXES:
        if s.startswith(prefix + " "):
            rest = s[len(prefix) + 1:].strip()
            if prefix == "tỉnh" or rest in _province_level_cities():
                return _words(rest)
            return _words(("thành phố" if prefix.startswith("tp") else prefix) + " " + rest)
    return _words(s)


def label_key(text: str) -> str:
    """Key for event labels and roles as written."""
    return _words(fold(text))


class Minter:
    """Mints the IRIs of one data base (``{base}id/...``); see :mod:`libkg.rdf.namespaces`."""

    def __init__(self, base: str | None = None) -> None:
        self.base = data_base(base)

    def _iri(self, kind: str, local: str) -> URIRef:
        return URIRef(f"{self.base}id/{kind}/{local}")

    def _named(self, kind: str, key: str) -> URIRef:
        return self._iri(kind, f"{slug(key) or 'x'}-{short_hash(key)}")

    def person(self, name: str) -> URIRef:
        return self._named("person", person_key(name))

    def org(self, name: str) -> URIRef:
        return self._named("org", org_key(name))

    def place(self, name: str) -> URIRef:
        return self._named("place", place_key(name))

    def role(self, label: str) -> URIRef:
        """A role the vocabulary lacks, as a concept of the data (``{base}id/role/...``)."""
        return self._named("role", label_key(label))

    def event(self, article_id: str, kind: str, start: str | None, label: str) -> URIRef:
        """Events are per article (identity across articles is a resolution task)."""
        local = f"{slug(kind) or 'other'}-{start or 'undated'}-{short_hash(label_key(label))}"
        return self._iri("event", f"{quote_id(article_id)}/{local}")

    def position(self, person: str, role_key: str, org: str | None) -> URIRef:
        """One node per (person, role, organisation), shared by every article attesting it."""
        key = "\x1f".join((person_key(person), role_key, org_key(org) if org else ""))
        return self._iri("position", f"{slug(person_key(person))}-{short_hash(key, 16)}")

    def evidence(self, article_id: str, start: int, end: int) -> URIRef:
        return self._iri("evidence", f"{quote_id(article_id)}/{start}-{end}")

    def article(self, article_id: str) -> URIRef:
        return article_iri(article_id, self.base)

    def graph(self, article_id: str) -> URIRef:
        return article_graph(article_id, self.base)
