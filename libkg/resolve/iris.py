"""Minting IRIs: every IRI libkg writes is made here, from keys (never from ingest order).

* persons   ``{base}id/person/{slug}-{hash(name key)}``, or ``{hash(name key, first article)}`` when
  several persons share the name -- see :mod:`libkg.resolve.persons`;
* orgs      ``{base}id/org/{slug}-{hash(canonical key)}`` -- see :mod:`libkg.resolve.organizations`;
* places    gazetteer units ``{base}id/place/vn-63/…``, ``vn-34/…``; others
  ``{base}id/place/{slug}-{hash(kind, name, province)}`` -- see :mod:`libkg.resolve.places`;
* positions ``{base}id/position/{person local name}/{hash(role, org)}``: under
  the person, so that when identity resolution renames a person, its
  positions follow by a prefix rename;
* events, evidence, mentions: per article.

A readable slug is followed by a short hash of the full key: slugs drop
diacritics, and "Nguyễn Văn Hà" and "Nguyễn Văn Hạ" are different people.

Example
-------
>>> m = Minter("https://example.org/")
>>> m.person("Hoàng Thị Thuý", "d02") == m.person("ông hoàng thị thúy", "d02") != m.person("Hoàng Thị Thúy", "d09")
True
>>> str(m.person("Kiều Thúy Nga"))
'https://example.org/id/person/kieu-thuy-nga-ec6356e4'
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import URIRef

from libkg.normalize import slug
from libkg.rdf.namespaces import article_graph, article_iri, data_base, quote_id, shared_iri
from libkg.resolve.keys import label_key, person_key, short_hash
from libkg.resolve.organizations import org_iri, org_key
from libkg.resolve.places import place_iri

__all__ = ["Minter", "label_key", "org_key", "person_key", "short_hash"]


@lru_cache(maxsize=65536)
def _person_iri(base: str, name: str, anchor: str | None) -> URIRef:
    """:meth:`Minter.person`, made once per name: the builder asks for the same persons again and again."""
    key = person_key(name)
    return URIRef(f"{base}id/person/{slug(key) or 'x'}-{short_hash(key if anchor is None else key + chr(31) + anchor)}")


class Minter:
    """Mints the IRIs of one data base (``{base}id/...``); see :mod:`libkg.rdf.namespaces`."""

    def __init__(self, base: str | None = None) -> None:
        self.base = data_base(base)

    def _iri(self, kind: str, local: str) -> URIRef:
        return shared_iri(f"{self.base}id/{kind}/{local}")

    def _named(self, kind: str, key: str) -> URIRef:
        return self._iri(kind, f"{slug(key) or 'x'}-{short_hash(key)}")

    def person(self, name: str, anchor: str | None = None) -> URIRef:
        """A person: the folded name, disambiguated by the id of the first article of its cluster."""
        return _person_iri(self.base, name, anchor)

    def org(self, name: str) -> URIRef:
        return org_iri(name, self.base)

    def place(self, name: str, kind: str = "", province=None) -> URIRef:
        """A place outside the gazetteer (gazetteer units: :class:`libkg.resolve.places.Gazetteer`)."""
        return place_iri(self.base, kind, name, province)

    def role(self, label: str) -> URIRef:
        """A role the vocabulary lacks, as a concept of the data (``{base}id/role/...``)."""
        return self._named("role", label_key(label))

    def event(self, article_id: str, kind: str, start: str | None, label: str) -> URIRef:
        """Events are per article (identity across articles is a resolution task)."""
        local = f"{slug(kind) or 'other'}-{start or 'undated'}-{short_hash(label_key(label))}"
        return self._iri("event", f"{quote_id(article_id)}/{local}")

    def position(self, person: URIRef, role_key: str, org: str | None) -> URIRef:
        """One node per (person, role, organisation), shared by every article attesting it."""
        local = str(person).rsplit("/", 1)[-1]
        key = "\x1f".join((role_key, org_key(org) if org else ""))
        return self._iri("position", f"{local}/{short_hash(key, 12)}")

    def position_prefix(self, person: URIRef) -> str:
        """What every position IRI of ``person`` starts with."""
        return f"{self.base}id/position/{str(person).rsplit('/', 1)[-1]}/"

    def mention(self, article_id: str, key: str) -> URIRef:
        return self._iri("mention", f"{quote_id(article_id)}/{slug(key) or 'x'}-{short_hash(key)}")

    def hypothesis(self, a: URIRef, b: URIRef) -> URIRef:
        lo, hi = sorted((str(a), str(b)))
        return self._iri("identity", short_hash(lo + " " + hi, 16))

    def evidence(self, article_id: str, start: int, end: int) -> URIRef:
        return self._iri("evidence", f"{quote_id(article_id)}/{start}-{end}")

    def activity(self, article_id: str) -> URIRef:
        return self._iri("activity", f"extract/{quote_id(article_id)}")

    def publisher(self, host: str) -> URIRef:
        return self._iri("publisher", slug(host.replace(".", "-")) or "x")

    def article(self, article_id: str) -> URIRef:
        return article_iri(article_id, self.base)

    def graph(self, article_id: str) -> URIRef:
        return article_graph(article_id, self.base)

    def identity_graph(self, key: str) -> URIRef:
        """The named graph holding the identity decisions about one folded person name."""
        return URIRef(f"{self.base}graph/identity/person/{slug(key) or 'x'}-{short_hash(key)}")

    def activity_graph(self, article_id: str) -> URIRef:
        """The named graph of the extraction run of one article (kept out of the article's graph)."""
        return URIRef(f"{self.base}graph/activity/{quote_id(article_id)}")
