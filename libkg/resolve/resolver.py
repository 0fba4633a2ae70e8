"""The identity-resolution stage between extraction and the graph.

:class:`ArticleIdentity` answers, for one article, "which node is this
name?" -- the graph builder (:mod:`libkg.rdf.build`) asks it and nothing
else.  Three ways to get one:

* :func:`local_identity` -- the article alone (``libkg extract``, tests);
* :func:`resolve_batch` -- many articles at once, in memory (TriG files);
* :func:`write_article` / :func:`write_articles` -- against a store, the way
  ``libkg ingest`` works.

The store keeps a *registry*: every article's person mentions and their
anchors (``lkg:PersonMention`` nodes in the article's own graph, with the
person each was resolved to, ``lkg:resolvedTo``), and, in one named graph
per folded name with more than one person
(``{base}graph/identity/person/{slug}-{hash}``), the "possibly the same"
hypotheses between them.  Ingesting an article reads the registry entries of the names
it mentions, clusters them with the new mentions, and writes -- in ONE
transaction -- the article's graph, the activity graph of the run, the
identity graphs of those names and, when evidence joined two clusters, the
earlier articles' graphs with the retired person IRI renamed.  The result is
a function of the set of articles ingested, whatever their order.

Writes to one store must be serial (read registry -> write); parallel
ingest may extract in workers but should hand ``(Article, Facts)`` pairs to
:func:`write_articles` in the parent.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import unquote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from libkg import __version__
from libkg.extract.facts import Facts
from libkg.normalize import fold, fold_place, nfc
from libkg.rdf.literals import date_literal, plain_literal
from libkg.rdf.namespaces import LKG, SCHEMA, TermCache, data_base
from libkg.read.article import Article
from libkg.resolve.iris import Minter
from libkg.resolve.keys import person_key
from libkg.resolve.organizations import org_key, org_lineage_graph
from libkg.resolve.persons import Cluster, Mention, cluster, hypothesis, role_families
from libkg.resolve.places import Gazetteer, PlaceRef, Unit, gazetteer, gazetteer_graph, gazetteer_graph_iri

__all__ = ["ArticleIdentity", "article_mentions", "identity_graph", "load_reference_data", "local_identity",
           "person_names", "resolve_batch", "write_article", "write_articles"]

MAX_HYPOTHESES = 40  # clusters of one name beyond this get no pairwise "possibly same" links

# the terms every article's mentions and extraction run are written with, made once (see TermCache)
_RDF, _RDFS, _PROV, _LKG, _DCTERMS, _SCHEMA = map(TermCache, (RDF, RDFS, PROV, LKG, DCTERMS, SCHEMA))


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
        self._places: dict[str, list] = defaultdict(list)
        for p in self.facts.places:
            self._places[fold(p.name)].append(p)
        self.context = tuple(sorted({fold_place(p.name) for p in self.facts.places
                                     if self.gz.by_name.get(fold_place(p.name))}))

    def person(self, name: str) -> URIRef:
        key = person_key(name)
        iri = self.persons.get(key)
        return iri if iri is not None else self.m.person(name)

    def mention_graph(self) -> set[tuple]:
        """The article's person mentions with their anchors and the person each resolved to.

        They are facts of this article (what it says about whom), so they
        live in its graph; the registry the resolver reads is their union.
        A set of triples, not a Graph: it is merged into the article's triples.
        """
        g: set[tuple] = set()
        aid = self.facts.article_id or self.article.id
        src = self.m.article(aid)
        for key, mention in sorted(self.mentions.items()):
            node = self.m.mention(aid, key)
            g.add((node, _RDF.type, _LKG.PersonMention))
            g.add((node, _RDF.type, _PROV.Entity))
            g.add((node, _LKG.nameKey, plain_literal(key)))
            g.add((node, _PROV.wasDerivedFrom, src))
            g.add((node, _LKG.resolvedTo, self.person(key)))
            d = date_literal(mention.date)
            if d is not None:
                g.add((node, _DCTERMS.date, d))
            for a in sorted(mention.anchors):
                g.add((node, _LKG.anchor, plain_literal(a)))
        return g

    def org(self, name: str) -> URIRef:
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
_PREFIX_KINDS = (("tỉnh ", "Province"), ("thành phố ", "City"), ("tp. ", "City"), ("tp ", "City"),
                 ("huyện ", "District"), ("quận ", "District"), ("thị xã ", "District"),
                 ("xã ", "Commune"), ("phường ", "Commune"), ("thị trấn ", "Commune"))


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
    for pos in facts.positions:
        key = person_key(pos.person)
        if pos.organization:
            own[key].add("org:" + org_key(pos.organization))
            u = gz.in_name(pos.organization, date)
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



def _assign(m: Minter, clusters) -> tuple[dict[str, list[Cluster]], dict[tuple[str, str], URIRef]]:
    """Clusters grouped by name key, and the IRI each (name key, article) mention resolves to."""
    by_key: dict[str, list[Cluster]] = defaultdict(list)
    for c in clusters:
        by_key[c.key].append(c)
    resolved: dict[tuple[str, str], URIRef] = {}
    for cs in by_key.values():
        for c, iri in zip(cs, _iris(m, cs), strict=True):
            for x in c.mentions:
                resolved[(x.key, x.article)] = iri
    return by_key, resolved

def _iris(m: Minter, clusters: Sequence[Cluster]) -> list[URIRef]:
    return [_cluster_iri(m, c, alone=len(clusters) == 1) for c in clusters]


# --------------------------------------------------------- identity graphs

def identity_graph(key: str, clusters: Sequence[Cluster], base: str | None = None) -> Graph:
    """The "possibly the same" hypotheses between the clusters of one folded name (empty for one cluster)."""
    m = Minter(base)
    g = Graph()  # no prefix bindings: stored, not serialised (binding costs more than the triples)
    if not 1 < len(clusters) <= MAX_HYPOTHESES:
        return g
    iris = _iris(m, clusters)
    for i in range(len(clusters)):
        for j in range(i + 1, len(clusters)):
            score, reason = hypothesis(clusters[i], clusters[j])
            h = m.hypothesis(iris[i], iris[j])
            g.add((h, RDF.type, LKG.IdentityHypothesis))
            g.add((h, RDF.type, PROV.Entity))
            g.add((h, LKG.candidate, iris[i]))
            g.add((h, LKG.candidate, iris[j]))
            g.add((h, LKG.score, Literal(f"{score:.2f}", datatype=XSD.decimal)))
            g.add((h, LKG.reason, plain_literal(reason)))
            g.add((h, LKG.nameKey, plain_literal(key)))
            g.add((iris[i], LKG.possiblySameAs, iris[j]))
            g.add((iris[j], LKG.possiblySameAs, iris[i]))
    return g


def run_time_setting() -> str | None:
    """The run time to record: ``$LIBKG_RUN_TIME`` ("now" for the clock, or an xsd:dateTime), else none.

    Off by default: a wall-clock time makes two ingests of the same corpus
    differ, and the store is meant to be reproducible (the reliability
    suite compares whole stores across runs).  Deployments that want run
    times set ``LIBKG_RUN_TIME=now``.
    """
    value = os.environ.get("LIBKG_RUN_TIME", "").strip()
    if not value:
        return None
    if value == "now":
        return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    return value


@lru_cache(maxsize=8)
def _software_agent(base: str) -> URIRef:
    return URIRef(f"{base}id/agent/libkg")


def activity_graph(article: Article, base: str | None, run_time: str | None = None) -> set[tuple]:
    """The extraction run of one article as a prov:Activity, in its own graph (kept out of the
    article graph, so that the article graph is a pure function of the text and the software).

    A set of triples, not a Graph (like :meth:`ArticleIdentity.mention_graph`): it is
    written as it is, and an rdflib Graph costs more to fill than the triples to make.
    """
    m = Minter(base)
    aid = article.id
    act, agent, graph = m.activity(aid), _software_agent(m.base), m.graph(aid)
    when = run_time or run_time_setting()
    g = {
        (act, _RDF.type, _PROV.Activity),
        (act, _RDFS.label, Literal(f"libkg extraction of article {aid}")),
        (act, _PROV.used, m.article(aid)),
        (act, _PROV.generated, graph),
        (act, _PROV.wasAssociatedWith, agent),
        (graph, _PROV.wasGeneratedBy, act),
        (agent, _RDF.type, _PROV.SoftwareAgent),
        (agent, _RDFS.label, plain_literal("libkg")),
        (agent, _SCHEMA.softwareVersion, plain_literal(__version__)),
    }
    if when:
        g.add((act, _PROV.endedAtTime, Literal(when, datatype=XSD.dateTime)))
    return g


# ------------------------------------------------------------- in memory

def resolve_batch(items: Iterable[tuple[Article, Facts]], base: str | None = None
                  ) -> tuple[list[ArticleIdentity], dict[str, Graph]]:
    """Resolve many articles together: their identities and the identity graphs (by graph IRI)."""
    base = data_base(base)
    m = Minter(base)
    items = list(items)
    per_article = [article_mentions(a, f, base) for a, f in items]
    by_key, where = _assign(m, cluster(x for ms in per_article for x in ms.values()))
    idents = []
    for (a, f), ms in zip(items, per_article, strict=True):
        ident = ArticleIdentity(a, f, base)
        ident.mentions = ms
        ident.persons = {k: where[(k, x.article)] for k, x in ms.items()}
        idents.append(ident)
    graphs = {str(m.identity_graph(k)): identity_graph(k, cs, base) for k, cs in by_key.items() if len(cs) > 1}
    return idents, graphs


# --------------------------------------------------------------- a store

_MENTIONS = """
SELECT ?m ?key ?a ?date ?anchor ?iri WHERE {
  ?m a lkg:PersonMention ; lkg:nameKey ?key ; prov:wasDerivedFrom ?a ; lkg:resolvedTo ?iri .
  OPTIONAL { ?m dcterms:date ?date }
  OPTIONAL { ?m lkg:anchor ?anchor }
}"""

_KEYS_OF_ARTICLES = """
SELECT DISTINCT ?key WHERE { ?m a lkg:PersonMention ; lkg:nameKey ?key ; prov:wasDerivedFrom ?a . }"""


def _values(var: str, terms: Iterable) -> str:
    return f"VALUES ?{var} {{ {' '.join(t.n3() for t in terms)} }}"


def _with_values(query: str, values: str) -> str:
    i = query.index("WHERE {") + len("WHERE {")
    return query[:i] + " " + values + " " + query[i:]


def _registry(store, keys: set[str], m: Minter) -> dict[tuple[str, str], tuple[Mention, URIRef]]:
    """Stored mentions of ``keys``: (key, article id) -> (mention, the IRI it was resolved to)."""
    if not keys:
        return {}
    rows = store.query(_with_values(_MENTIONS, _values("key", (Literal(k) for k in sorted(keys)))))
    prefix = f"{m.base}id/article/"
    acc: dict[tuple[str, str], dict] = {}
    for r in rows:
        aid = unquote(str(r.a)[len(prefix):]) if str(r.a).startswith(prefix) else str(r.a)
        slot = acc.setdefault((str(r.key), aid), {"date": str(r.date or ""), "anchors": set(), "iri": r.iri})
        if r.anchor is not None:
            slot["anchors"].add(str(r.anchor))
    return {k: (Mention(k[0], k[1], v["date"][:10], frozenset(v["anchors"])), v["iri"]) for k, v in acc.items()}


def _graph_of(store, graph_iri: str) -> Graph:
    g = Graph()
    for r in store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}"):
        g.add((r.s, r.p, r.o))
    return g


def _rename(g: Graph, renames: dict[URIRef, URIRef], m: Minter) -> Graph:
    """``g`` with person IRIs (and the position IRIs under them) renamed."""
    prefixes = [(m.position_prefix(o), m.position_prefix(n)) for o, n in renames.items()]

    def term(t):
        if not isinstance(t, URIRef):
            return t
        if t in renames:
            return renames[t]
        s = str(t)
        for old, new in prefixes:
            if s.startswith(old):
                return URIRef(new + s[len(old):])
        return t

    out = Graph()
    for s, p, o in g:
        out.add((term(s), p, term(o)))
    return out


def _write(store, graphs: list[tuple[str, Graph | set | str]]) -> None:
    """Write graphs, replacing any of the same name (a RemoteStore batches them into few requests)."""
    store.replace_articles(graphs)


def write_articles(store, items: Sequence[tuple[Article, Facts]], base: str | None = None,
                   run_time: str | None = None) -> int:
    """Resolve and store several articles together; return the triples of their article graphs.

    The identity decisions are a :class:`~libkg.resolve.plan.RunIdentity`
    over these articles and the store; stored articles whose person IRIs
    those decisions change are rewritten in the same write.
    """
    from libkg.rdf.build import facts_to_triples
    from libkg.resolve.plan import RunIdentity, existing_articles

    base = data_base(base)
    m = Minter(base)
    items = list(items)
    run = RunIdentity(base)
    new = [article_mentions(a, f, base) for a, f in items]
    for (a, f), ms in zip(items, new, strict=True):
        run.add(f.article_id or a.id, ms.values())
    run.decide(store, existing_articles(store, run.ids, base))
    out: list[tuple[str, Graph | set]] = []
    written = 0
    for (a, f), ms in zip(items, new, strict=True):
        aid = f.article_id or a.id
        ident = ArticleIdentity(a, f, base)
        ident.mentions = ms
        ident.persons = run.persons(aid, ms)
        g = facts_to_triples(a, f, base, identity=ident)
        written += len(g)
        out.append((str(m.graph(aid)), g))
        out.append((str(m.activity_graph(aid)), activity_graph(a, base, run_time)))
    out.extend(renamed_articles(store, run.stored_renames, m))
    out.extend(run.identity_graphs())
    _write(store, out)
    return written


def renamed_articles(store, renames: dict[str, dict[URIRef, URIRef]], m: Minter) -> list[tuple[str, Graph]]:
    """Stored article graphs rewritten with new person IRIs (evidence joined or split a name)."""
    out = []
    for aid, ren in sorted(renames.items()):
        gi = str(m.graph(aid))
        out.append((gi, _rename(_graph_of(store, gi), ren, m)))
    return out


def write_article(store, article: Article, facts: Facts, base: str | None = None,
                  run_time: str | None = None) -> int:
    """Resolve one article's facts against the store and write them (one transaction)."""
    return write_articles(store, [(article, facts)], base, run_time)


# -------------------------------------------------------- reference data

def _digest(g: Graph) -> str:
    lines = sorted(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in g)
    return hashlib.sha1("\n".join(lines).encode("utf-8")).hexdigest()


def load_reference_data(store, base: str | None = None) -> int:
    """Load the gazetteer and the organisation lineage into ``{base}graph/gazetteer``, once.

    The graph carries a digest of its content; when the stored digest
    matches, nothing is written, so calling this before every ingest costs
    one ASK query.  Returns the triples written (0 when up to date).
    """
    gi = gazetteer_graph_iri(base)
    g = gazetteer_graph(base)
    for t in org_lineage_graph(base):
        g.add(t)
    digest = _digest(g)
    g.add((gi, LKG.contentDigest, plain_literal(digest)))
    if bool(store.query(f'ASK {{ GRAPH <{gi}> {{ <{gi}> lkg:contentDigest "{digest}" }} }}')):
        return 0
    _write(store, [(str(gi), g)])
    return len(g)

