"""What there is to link: the organisations, persons and places of a store, with their context.

Reconciliation needs more than a name: an organisation's province (location
evidence), a person's posts and employers (a person is never linked on the
name alone), and whether the node already carries a Wikidata id.  Three
aggregate queries fetch all of it, so the store is read once however many
entities there are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from libkg.link.model import Entity
from libkg.store.base import select_rows

if TYPE_CHECKING:
    from libkg.store.base import Store

__all__ = ["ORG_KINDS", "read_entities"]

# most specific first: a node typed Library and Organization is a Library
ORG_KINDS = ("Library", "University", "GovernmentBody", "Association")
SEP = "\t"

_ORGS = """
SELECT ?n (SAMPLE(?pl) AS ?pref) (GROUP_CONCAT(DISTINCT ?l; separator="\\t") AS ?names)
       (GROUP_CONCAT(DISTINCT STR(?k); separator="\\t") AS ?kinds)
       (GROUP_CONCAT(DISTINCT ?lq; separator="\\t") AS ?provinces) (SAMPLE(?q) AS ?qid)
WHERE {
  ?n a lkg:Organization ; rdfs:label ?l .
  OPTIONAL { ?n skos:prefLabel ?pl }
  OPTIONAL { ?n a ?k . FILTER(STRSTARTS(STR(?k), "https://w3id.org/libkg/ontology#")) }
  OPTIONAL { ?n schema:location ?loc . ?loc lkg:wikidataId ?lq }
  OPTIONAL { ?n lkg:wikidataId ?q }
}
GROUP BY ?n
"""

_PERSONS = """
SELECT ?n (SAMPLE(?pl) AS ?pref) (GROUP_CONCAT(DISTINCT ?l; separator="\\t") AS ?names)
       (GROUP_CONCAT(DISTINCT ?ol; separator="\\t") AS ?orgs)
       (GROUP_CONCAT(DISTINCT ?oq; separator="\\t") AS ?orgIds)
       (GROUP_CONCAT(DISTINCT ?r; separator="\\t") AS ?roles) (SAMPLE(?q) AS ?qid)
WHERE {
  ?n a lkg:Person ; rdfs:label ?l .
  OPTIONAL { ?n skos:prefLabel ?pl }
  OPTIONAL { ?x org:member ?n ; org:organization ?o . ?o skos:prefLabel ?ol .
             OPTIONAL { ?o lkg:wikidataId ?oq } OPTIONAL { ?x lkg:roleLabel ?r } }
  OPTIONAL { ?n lkg:wikidataId ?q }
}
GROUP BY ?n
"""

# non-gazetteer administrative places (cities, districts, communes); provinces are linked offline
_PLACES = """
SELECT ?n (SAMPLE(?pl) AS ?pref) (GROUP_CONCAT(DISTINCT ?l; separator="\\t") AS ?names)
       (GROUP_CONCAT(DISTINCT ?wq; separator="\\t") AS ?provinces) (SAMPLE(?q) AS ?qid)
WHERE {
  ?n a lkg:Place ; rdfs:label ?l ; lkg:placeKind ?k .
  FILTER(?k IN (lkg-pk:City, lkg-pk:District, lkg-pk:Commune))
  FILTER NOT EXISTS { ?n a lkg:ProvincialUnit }
  OPTIONAL { ?n skos:prefLabel ?pl }
  OPTIONAL { ?n lkg:within ?w . ?w lkg:wikidataId ?wq }
  OPTIONAL { ?n lkg:wikidataId ?q }
}
GROUP BY ?n
"""


def _split(value: object) -> tuple[str, ...]:
    return tuple(sorted({v for v in str(value or "").split(SEP) if v.strip()}))


def _labels(row) -> tuple[str, ...]:
    pref = str(row.pref) if row.pref is not None else None
    rest = [x for x in _split(row.names) if x != pref]
    return tuple(([pref] if pref else []) + rest)


def _org_kind(kinds: tuple[str, ...]) -> str:
    local = {k.rsplit("#", 1)[-1] for k in kinds}
    return next((k for k in ORG_KINDS if k in local), "Organization")


def read_entities(store: Store, kinds: tuple[str, ...] = ("org", "person", "place")) -> list[Entity]:
    """The entities of ``store`` to link, organisations first (persons are corroborated by them).

    ``kinds`` picks among ``org``, ``person`` and ``place``.
    """
    out: list[Entity] = []
    if "org" in kinds:
        for r in select_rows(store.query(_ORGS)):
            out.append(Entity(str(r.n), _org_kind(_split(r.kinds)), _labels(r), str(r.qid) if r.qid else None,
                              provinces=_split(r.provinces)))
    if "person" in kinds:
        for r in select_rows(store.query(_PERSONS)):
            out.append(Entity(str(r.n), "Person", _labels(r), str(r.qid) if r.qid else None,
                              orgs=_split(r.orgs), org_ids=_split(r.orgIds), roles=_split(r.roles)))
    if "place" in kinds:
        for r in select_rows(store.query(_PLACES)):
            out.append(Entity(str(r.n), "Place", _labels(r), str(r.qid) if r.qid else None,
                              provinces=_split(r.provinces)))
    order = {"Person": 2, "Place": 1}
    out.sort(key=lambda e: (order.get(e.kind, 0), e.label, e.iri))
    return out
