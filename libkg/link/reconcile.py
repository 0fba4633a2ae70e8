"""Online reconciliation against Wikidata's query service, or any endpoint shaped like it.

For each entity, one SPARQL query finds the items whose label or alias
(``rdfs:label`` / ``skos:altLabel``, Vietnamese or English) is exactly one of
the entity's names in either tone-mark placement (``VALUES``: cheap on
query.wikidata.org), and in the same request fetches what scoring needs:
``P31``/``P279*`` against the classes of the entity's kind, ``P17`` country
(``P27`` for persons), ``P131`` location, ``P39``/``P108``/``P463``/``P749``/
``P361`` context and the external ids ``P214`` (VIAF), ``P213`` (ISNI),
``P1566`` (GeoNames).  Only when that finds nothing, a second query matches
labels case-insensitively among items of the right class in Việt Nam.  The
names are then compared in Python after folding (:func:`libkg.normalize.fold`,
:func:`~libkg.normalize.ascii_fold`).

Scoring (0-1) weighs name similarity (0.5), type (0.2), country (0.15) and
context (0.15): the province an organisation lies in, the posts and employers
of a person.  A candidate of another country is dropped; a person whose
candidate shows none of the person's organisations is capped below any
sensible threshold, because two people may share a name and nothing else.
A link is written when the best candidate reaches the threshold and beats the
second by a margin; otherwise candidates above ``review_floor`` go to review.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from libkg.link.client import AuthorityClient
from libkg.link.model import WIKIDATA, Candidate, Decision, Entity
from libkg.normalize import ascii_fold, fold, fold_person, new_tone, nfc, old_tone
from libkg.resources import read_tsv

__all__ = ["Outcome", "Reconciler", "candidate_query", "name_score", "name_variants", "old_tone", "score"]

VIET_NAM = "Q881"
LANGS = ("vi", "en")
SEP = "\t"
_QID = re.compile(r"^Q[1-9][0-9]*$")


@lru_cache(maxsize=1)
def kind_classes() -> dict[str, tuple[str, ...]]:
    """Kind -> Wikidata classes (``data/authority/types.tsv``)."""
    return {k: tuple(v.split()) for k, v, *_ in read_tsv("authority", "types.tsv")}


def name_variants(labels: Iterable[str]) -> list[str]:
    """Each name in NFC, in both tone-mark placements; order kept, no duplicates.

    >>> name_variants(["Kiều Thuý Nga"])
    ['Kiều Thuý Nga', 'Kiều Thúy Nga']
    """
    out: list[str] = []
    for lbl in labels:
        s = " ".join(nfc(lbl).split())
        for v in (s, new_tone(s), old_tone(s)):
            if v and v not in out:
                out.append(v)
    return out


def _lit(s: str, lang: str | None = None) -> str:
    esc = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("\r", " ")
    return f'"{esc}"' + (f"@{lang}" if lang else "")


_PREFIXES = ("PREFIX wd: <http://www.wikidata.org/entity/>\n"
             "PREFIX wdt: <http://www.wikidata.org/prop/direct/>\n"
             "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
             "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n")

_DETAILS = """SELECT ?item (GROUP_CONCAT(DISTINCT ?name; separator="\\t") AS ?names)
  (GROUP_CONCAT(DISTINCT STR(?type); separator="\\t") AS ?types)
  (GROUP_CONCAT(DISTINCT STR(?want); separator="\\t") AS ?wants)
  (GROUP_CONCAT(DISTINCT STR(?country); separator="\\t") AS ?countries)
  (GROUP_CONCAT(DISTINCT STR(?place); separator="\\t") AS ?places)
  (GROUP_CONCAT(DISTINCT STR(?ctxItem); separator="\\t") AS ?contextItems)
  (GROUP_CONCAT(DISTINCT ?ctx; separator="\\t") AS ?context)
  (SAMPLE(?viaf0) AS ?viaf) (SAMPLE(?isni0) AS ?isni) (SAMPLE(?geonames0) AS ?geonames)
WHERE {
  { SELECT DISTINCT ?item WHERE { %(find)s } LIMIT %(limit)d }
  OPTIONAL { ?item rdfs:label|skos:altLabel ?name . FILTER(LANG(?name) IN ("vi", "en")) }
  OPTIONAL { ?item wdt:P31 ?type }
  OPTIONAL { ?item wdt:P31/wdt:P279* ?want . VALUES ?want { %(classes)s } }
  OPTIONAL { ?item wdt:P17|wdt:P27 ?country }
  OPTIONAL { ?item wdt:P131+ ?place }
  OPTIONAL { ?item wdt:P39|wdt:P108|wdt:P463|wdt:P749|wdt:P361 ?ctxItem .
             OPTIONAL { ?ctxItem rdfs:label ?ctx . FILTER(LANG(?ctx) IN ("vi", "en")) } }
  OPTIONAL { ?item wdt:P214 ?viaf0 }
  OPTIONAL { ?item wdt:P213 ?isni0 }
  OPTIONAL { ?item wdt:P1566 ?geonames0 }
}
GROUP BY ?item
ORDER BY ?item"""


def candidate_query(entity: Entity, fallback: bool = False, limit: int = 20) -> str:
    """The SPARQL query for ``entity``'s candidates and their details.

    ``fallback=False``: exact labels (``VALUES``, both tone placements, vi and
    en).  ``fallback=True``: labels equal ignoring case (and diacritics, via
    an ASCII-folded spelling) among items of the entity's classes located in
    Việt Nam -- broader, so constrained, and only asked when the first finds nothing.
    """
    classes = kind_classes().get(entity.kind) or kind_classes()["Organization"]
    cls = " ".join(f"wd:{c}" for c in classes)
    names = name_variants(entity.labels)
    if not fallback:
        values = " ".join(_lit(n, lang) for n in names for lang in LANGS)
        find = f"VALUES ?hit {{ {values} }} {{ ?item rdfs:label ?hit }} UNION {{ ?item skos:altLabel ?hit }}"
    else:
        lowered = sorted({n.lower() for n in names} | {ascii_fold(n) for n in names})
        country = "wdt:P27" if entity.kind == "Person" else "wdt:P17"
        find = (f"VALUES ?w0 {{ {cls} }} ?item wdt:P31/wdt:P279* ?w0 ; {country} wd:{VIET_NAM} . "
                f"?item rdfs:label|skos:altLabel ?hit . FILTER(LANG(?hit) IN (\"vi\", \"en\")) "
                f"FILTER(LCASE(STR(?hit)) IN ({', '.join(_lit(n) for n in lowered)}))")
    return _PREFIXES + _DETAILS % {"find": find, "limit": limit, "classes": cls}


def _qid(iri: str) -> str:
    return iri[len(WIKIDATA):] if iri.startswith(WIKIDATA) else iri.rsplit("/", 1)[-1]


def _vals(row: dict[str, str], key: str) -> tuple[str, ...]:
    return tuple(v for v in row.get(key, "").split(SEP) if v)


def parse_candidates(rows: list[dict[str, str]]) -> list[Candidate]:
    """Rows of :func:`candidate_query` as :class:`Candidate` objects (non-item rows dropped)."""
    out = []
    for r in rows:
        q = _qid(r.get("item", ""))
        if not _QID.match(q):
            continue
        out.append(Candidate(q, _vals(r, "names"), tuple(_qid(t) for t in _vals(r, "types")),
                             bool(_vals(r, "wants")), tuple(_qid(c) for c in _vals(r, "countries")),
                             tuple(_qid(p) for p in _vals(r, "places")), _vals(r, "context"),
                             tuple(_qid(c) for c in _vals(r, "contextItems")),
                             r.get("viaf", ""), r.get("isni", ""), r.get("geonames", "")))
    return out


def name_score(ours: Iterable[str], theirs: Iterable[str], person: bool = False) -> float:
    """How well two sets of names agree: 1 when equal after folding, 0.95 when equal without
    diacritics, else 0.9 x the similarity ratio of the ASCII-folded forms.

    >>> name_score(["Thư viện tỉnh Hoà Bình"], ["thư viện tỉnh hòa bình"])
    1.0
    >>> name_score(["Kiều Thúy Nga"], ["Kieu Thuy Nga"], person=True)
    0.95
    """
    f = fold_person if person else fold
    best = 0.0
    theirs = list(theirs)
    for a in ours:
        fa, aa = f(a), ascii_fold(f(a))
        for b in theirs:
            fb = f(b)
            if fa == fb:
                return 1.0
            ab = ascii_fold(fb)
            s = 0.95 if aa == ab else 0.9 * SequenceMatcher(None, aa, ab).ratio()
            best = max(best, s)
    return round(best, 4)


def _corroborates(entity: Entity, cand: Candidate, known: dict[str, str]) -> str | None:
    """Why ``cand`` is this person (a shared organisation or post), or None."""
    ids = set(entity.org_ids) | {known[o] for o in entity.orgs if o in known}
    shared = ids & set(cand.context_ids)
    if shared:
        return f"employer/position {', '.join(sorted(shared))} is one of the person's organisations"
    ctx = [fold(c) for c in cand.context]
    for org in entity.orgs:
        fo = fold(org)
        if any(fo == c or fo in c for c in ctx):
            return f"position/employer on Wikidata names {org!r}"
    return None


def score(entity: Entity, cand: Candidate, known: dict[str, str] | None = None) -> tuple[float, str] | None:
    """Score ``cand`` for ``entity``: ``(score, reason)``, or None when it is excluded
    (another country, the province the entity lies in, or a person candidate that is not a human)."""
    known = known or {}
    person = entity.kind == "Person"
    if cand.countries and VIET_NAM not in cand.countries:
        return None
    if cand.qid in entity.provinces:  # the province a place or body lies in is not that place or body
        return None
    if person and not cand.type_ok and cand.types:
        return None
    name = name_score(entity.labels, cand.names or (cand.qid,), person=person)
    typ = 1.0 if cand.type_ok else (0.5 if not cand.types else 0.0)
    country = 1.0 if cand.countries else 0.5
    why = [f"name {name:.2f}", "type ok" if cand.type_ok else ("type unknown" if not cand.types else "other type"),
           "in Việt Nam" if cand.countries else "country unknown"]
    if person:
        c = _corroborates(entity, cand, known)
        context = 1.0 if c else 0.0
        why.append(c or "no shared organisation or post: name alone")
    elif entity.provinces:
        if set(entity.provinces) & set(cand.places):
            context = 1.0
            why.append("located in the same province")
        elif cand.places:
            context = 0.0
            why.append("located elsewhere")
        else:
            context = 0.5
    else:
        context = 0.5
    total = 0.5 * name + 0.2 * typ + 0.15 * country + 0.15 * context
    if person and context == 0.0:
        total = min(total, 0.6)  # never link a person on the name alone
    return round(total, 3), "; ".join(why)


@dataclass
class Outcome:
    """What reconciliation decided: links to write, candidates for review, entities without any."""

    links: list[Decision] = field(default_factory=list)
    review: list[Decision] = field(default_factory=list)
    unmatched: list[Entity] = field(default_factory=list)


class Reconciler:
    """Reconcile entities against one endpoint.

    Parameters
    ----------
    client
        The (rate-limited, cached) :class:`~libkg.link.client.AuthorityClient`.
    threshold
        The score from which a link is written without review.
    margin
        How far the best candidate must be ahead of the second to count as clear.
    review_floor
        Candidates scoring below this are not worth a reviewer's time.
    """

    def __init__(self, client: AuthorityClient, threshold: float = 0.85, margin: float = 0.05,
                 review_floor: float = 0.45) -> None:
        self.client = client
        self.threshold = threshold
        self.margin = margin
        self.review_floor = review_floor

    def candidates(self, entity: Entity) -> list[Candidate]:
        """Exact-label candidates, else the case-insensitive fallback's."""
        found = parse_candidates(self.client.select(candidate_query(entity)))
        if not found:
            found = parse_candidates(self.client.select(candidate_query(entity, fallback=True)))
        return found

    def run(self, entities: Iterable[Entity], known: dict[str, str] | None = None,
            progress: Callable[[Entity], None] | None = None) -> Outcome:
        """Decide for every entity that has no Wikidata id yet.

        ``known`` maps organisation display names to Wikidata ids already
        decided (offline links, earlier runs); links found for organisations in
        this run are added to it, so that persons are corroborated by them.
        """
        known = dict(known or {})
        out = Outcome()
        for e in entities:
            if progress is not None:
                progress(e)
            if e.wikidata:
                continue
            scored = []
            for c in self.candidates(e):
                s = score(e, c, known)
                if s is not None:
                    scored.append((s[0], s[1], c))
            scored.sort(key=lambda t: (-t[0], t[2].qid))
            if not scored:
                out.unmatched.append(e)
                continue
            best, reason, cand = scored[0]
            second = scored[1][0] if len(scored) > 1 else None
            clear = second is None or best - second >= self.margin
            if best >= self.threshold and clear:
                out.links.append(self._decision(e, cand, best, reason))
                if e.kind != "Person":
                    known[e.label] = cand.qid
            else:
                why = "" if clear else f"; ambiguous: {len(scored)} candidates within {self.margin}"
                out.review.extend(self._decision(e, c, s, r + (why if c is cand else ""))
                                  for s, r, c in scored if s >= self.review_floor)
                if best < self.review_floor:
                    out.unmatched.append(e)
        return out

    def _decision(self, e: Entity, c: Candidate, s: float, reason: str) -> Decision:
        return Decision(e.iri, c.qid, s, "sparql", reason, self.client.endpoint, label=e.label, kind=e.kind,
                        candidate_label=c.label, viaf=c.viaf, isni=c.isni, geonames=c.geonames)
