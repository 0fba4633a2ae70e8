"""The identity-resolution stage between extraction and the graph.

:class:`ArticleIdentity` answers, for one article, "which node is this
name?" -- the graph builder (:mod:`libkg.rdf.build`) asks it and nothing
else.  Two ways to get one here, both in memory:

* :func:`local_identity` -- the article alone (``libkg extract``, tests,
  the first pass of an ingest);
* :func:`resolve_batch` -- many articles at once (TriG files).

Against a store, the decisions of a whole ingest run are a
:class:`~libkg.resolve.plan.RunIdentity`, given the registry entries the
ingest layer read from the store (:mod:`libkg.ingest.write`).

The registry: every article's person mentions and their anchors
(``lkg:PersonMention`` nodes in the article's own graph, with the person each
was resolved to, ``lkg:resolvedTo``; :func:`libkg.rdf.identity.mention_triples`),
and, in one named graph per folded name with more than one person
(``{base}graph/identity/person/{slug}-{hash}``), the "possibly the same"
hypotheses between them (:func:`libkg.rdf.identity.identity_graph`).  The
decisions are a function of the set of articles, whatever their order.

This package decides and returns data; it builds no graph and never touches a
store (see ``docs/architecture.md``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rdflib import URIRef

from libkg.extract.facts import Facts, Place
from libkg.normalize import admin_prefixes, fold, fold_place, nfc
from libkg.rdf.namespaces import data_base
from libkg.read.article import Article
from libkg.resolve.iris import Minter
from libkg.resolve.keys import person_key
from libkg.resolve.organizations import is_subunit, org_key, subunit_iri, subunit_key
from libkg.resolve.persons import Cluster, Mention, cluster, role_families
from libkg.resolve.places import Gazetteer, PlaceRef, Unit, gazetteer

__all__ = ["ArticleIdentity", "article_mentions", "assign_iris", "cluster_iris", "local_identity",
           "person_names", "resolve_batch"]


def _date(article: Article) -> str:
    return (article.published or "")[:10]


# ------------------------------------------------------------ per article

@dataclass
class ArticleIdentity:
    """The identity decisions the graph builder needs for one article."""

    article: Article
    facts: Facts
    base: str
    persons: dict[str, URIRef] = field(default_factory=dict)  # person key -> IRI
    mentions: dict[str, Mention] = field(default_factory=dict)  # person key -> this article's mention

    def __post_init__(self) -> None:
        self.base = data_base(self.base)
        self.m = Minter(self.base)
        self.gz: Gazetteer = gazetteer(self.base)
        self.date = _date(self.article)
        self._places: dict[str, list[Place]] = defaultdict(list)
        for p in self.facts.places:
            self._places[fold(p.name)].append(p)
        self.context = tuple(sorted({fold_place(p.name) for p in self.facts.places
                                     if self.gz.by_name.get(fold_place(p.name))}))

    def person(self, name: str) -> URIRef:
        key = person_key(name)
        iri = self.persons.get(key)
        return iri if iri is not None else self.m.person(name)

    def org(self, name: str, parent: str | None = None) -> URIRef:
        """One node per body; a department or faculty named without a place ("phòng Nghiệp vụ") is
        one node per parent (the organisation this article names it in), else one per article."""
        if is_subunit(name):
            return subunit_iri(name, parent or _subunit_scope(self.facts.article_id or self.article.id), self.base)
        return self.m.org(name)

    def org_location(self, name: str) -> PlaceRef | None:
        """The province an organisation's name places it in, as the unit of the article's date."""
        u = self.gz.in_name(name, self.date)
        return self.gz.ref(u) if u else None

    def _province(self, name: str | None) -> Unit | None:
        if not name:
            return None
        return self.gz.province(name, self.date, self.context)

    def place(self, name: str, kind: str | None = None, within: str | None = None) -> PlaceRef:
        """A place mention: the gazetteer unit for a province-level name, else a scoped data node.

        ``kind`` None means "as the article's place list says, else as the
        administrative prefix says, else a province if the name is one"
        (event places come as bare names).
        """
        if kind is None:
            kind = _prefix_kind(name)
            known = sorted(self._places.get(fold(name), ()), key=lambda p: _SPECIFIC.get(p.kind, 4))
            if kind is None and known:  # the same name as City and Province: the more specific one
                kind, within = known[0].kind, known[0].within
        if fold_place(name) in ("việt nam", "viet nam") and kind in (None, "Country", "Other"):
            return self.gz.viet_nam
        unit = self._province(name)
        if unit is not None and (kind in (None, "Province", "Other") or (kind == "City" and unit.central)):
            return self.gz.ref(unit)
        kind = kind or "Other"
        scope = self._province(within)
        outer: PlaceRef | None = None
        if scope is not None:
            outer = self.gz.ref(scope)
        elif within and fold_place(within) != fold_place(name):
            outer = self.place(within)
        elif kind == "Region":
            outer = self.gz.viet_nam
        pref = None
        if kind == "City" and unit is not None:  # "Thái Nguyên" the city, not the province: say so
            pref = "Thành phố " + _strip_prefix(name)
        return PlaceRef(self.m.place(name, kind, scope), kind, pref, outer)


_SPECIFIC = {"Site": 0, "Commune": 1, "District": 2, "City": 3, "Other": 4, "Region": 5, "Province": 6, "Country": 7}
# folded administrative prefix -> the kind of unit it opens ("tp. " -> City), from admin_prefixes.tsv
_PREFIX_KINDS = tuple(dict.fromkeys((fold(p.prefix) + " ", p.kind) for p in admin_prefixes() if p.use != "abbrev"))


def _strip_prefix(name: str) -> str:
    text = " ".join(nfc(name).split())
    f = fold(text)
    for p, _ in _PREFIX_KINDS:
        if f.startswith(p):
            return text[len(p):].strip()
    return text


def _prefix_kind(name: str) -> str | None:
    f = fold(name)
    return next((k for p, k in _PREFIX_KINDS if f.startswith(p)), None)


def person_names(facts: Facts) -> list[str]:
    """Every name the graph builder will write as a person (mirrors its organiser/participant rule)."""
    pkeys = {person_key(p.name) for p in facts.persons} | {person_key(p.person) for p in facts.positions}
    okeys = {org_key(o.name) for o in facts.organizations}
    names = [p.name for p in facts.persons] + [p.person for p in facts.positions]
    for e in facts.events:
        for n in e.participants:
            if person_key(n) in pkeys or org_key(n) not in okeys:
                names.append(n)
    return [n for n in names if person_key(n)]


def article_mentions(article: Article, facts: Facts, base: str | None = None) -> dict[str, Mention]:
    """One :class:`Mention` per folded person name of the article, with its anchors."""
    gz = gazetteer(data_base(base))
    aid = facts.article_id or article.id
    date = _date(article)
    own: dict[str, set[str]] = defaultdict(set)
    parents = {o.name: o.parent for o in facts.organizations if o.parent}
    for pos in facts.positions:
        key = person_key(pos.person)
        for anchor, org in _anchor_orgs(pos.organization, parents, aid):
            own[key].add("org:" + anchor)
            u = gz.in_name(org, date)
            if u is not None:
                own[key].add(f"prov:{u.era}/{u.gso}")
        own[key].update("role:" + f for f in role_families(pos.role))
    ctx: set[str] = set()
    for p in facts.places:
        if p.kind in ("Province", "City"):
            u = gz.province(p.name, date)
            if u is not None and (p.kind == "Province" or u.central):
                ctx.add(f"ctx:{u.era}/{u.gso}")
    for o in facts.organizations:
        u = gz.in_name(o.name, date)
        if u is not None:
            ctx.add(f"ctx:{u.era}/{u.gso}")
    out = {}
    for name in person_names(facts):
        key = person_key(name)
        if key not in out:
            anchors = own.get(key) or ctx
            out[key] = Mention(key, aid, date, frozenset(anchors))
    return out


def _subunit_scope(article_id: str) -> str:
    """The scope of a department named without its parent: the article that names it."""
    return f"article {article_id}"


def _anchor_orgs(org: str | None, parents: dict[str, str], aid: str) -> list[tuple[str, str]]:
    """The organisations a post anchors its holder to: the body itself, and for a department named
    without a place ("phòng Nghiệp vụ") the department inside its parent, and the parent (a head of
    department there and later its director are one person): (anchor key, name) pairs."""
    if not org:
        return []
    if not is_subunit(org):
        return [(org_key(org), org)]
    parent = parents.get(org)
    scoped = subunit_key(org, parent or _subunit_scope(aid))
    return [(scoped, org)] + ([(org_key(parent), parent)] if parent else [])


def local_identity(article: Article, facts: Facts, base: str | None = None) -> ArticleIdentity:
    """Identity from the article alone: each name is a person first seen in this article."""
    ident = ArticleIdentity(article, facts, data_base(base))
    ident.mentions = article_mentions(article, facts, base)
    for key, m in ident.mentions.items():
        ident.persons[key] = _cluster_iri(ident.m, Cluster(key, [m]), alone=True)
    return ident


def _cluster_iri(m: Minter, c: Cluster, alone: bool) -> URIRef:
    """The name alone when no other person of that name is known, else name + first article.

    So the IRI of a person carries a disambiguator only while the store holds
    another person of the same folded name -- and an article read later in the
    same cluster never changes it.
    """
    return m.person(c.key) if alone else m.person(c.key, c.first.article)


def assign_iris(m: Minter, clusters: Iterable[Cluster]
                ) -> tuple[dict[str, list[Cluster]], dict[tuple[str, str], URIRef]]:
    """Clusters grouped by name key, and the IRI each (name key, article) mention resolves to."""
    by_key: dict[str, list[Cluster]] = defaultdict(list)
    for c in clusters:
        by_key[c.key].append(c)
    resolved: dict[tuple[str, str], URIRef] = {}
    for cs in by_key.values():
        for c, iri in zip(cs, cluster_iris(m, cs), strict=True):
            for x in c.mentions:
                resolved[(x.key, x.article)] = iri
    return by_key, resolved


def cluster_iris(m: Minter, clusters: Sequence[Cluster]) -> list[URIRef]:
    """The person IRI of each cluster of one folded name (disambiguated when there are several)."""
    return [_cluster_iri(m, c, alone=len(clusters) == 1) for c in clusters]


# ------------------------------------------------------------- in memory

def resolve_batch(items: Iterable[tuple[Article, Facts]], base: str | None = None
                  ) -> tuple[list[ArticleIdentity], dict[str, list[Cluster]]]:
    """Resolve many articles together: their identities, and the clusters of each name that has
    several persons (their "possibly the same" graphs: :func:`libkg.rdf.identity.identity_graph`)."""
    base = data_base(base)
    m = Minter(base)
    items = list(items)
    per_article = [article_mentions(a, f, base) for a, f in items]
    by_key, where = assign_iris(m, cluster(x for ms in per_article for x in ms.values()))
    idents = []
    for (a, f), ms in zip(items, per_article, strict=True):
        ident = ArticleIdentity(a, f, base)
        ident.mentions = ms
        ident.persons = {k: where[(k, x.article)] for k, x in ms.items()}
        idents.append(ident)
    return idents, {k: cs for k, cs in by_key.items() if len(cs) > 1}
