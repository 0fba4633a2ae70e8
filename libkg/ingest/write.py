"""Writing resolved articles to a store: the ingest layer's side of identity resolution.

:mod:`libkg.resolve` decides identities from data and never touches a store;
:mod:`libkg.rdf` builds the graphs.  This module joins them to the store:

* :func:`decide_run` reads the identity registry of a run's names from the
  store and hands it to :meth:`~libkg.resolve.plan.RunIdentity.decide`;
* :func:`identity_graphs` and :func:`renamed_articles` are the graphs those
  decisions ask to (re)write;
* :func:`write_articles` resolves, builds and writes a few articles in one
  store write (what :func:`libkg.ingest.ingest_paths` does for a whole run,
  in two passes);
* :func:`load_reference_data` keeps the gazetteer graph current.

Example
-------
>>> from libkg.store import EmbeddedStore
>>> from libkg.testing import example_article, example_facts
>>> with EmbeddedStore() as st:
...     n = write_article(st, example_article(), example_facts())
...     n > 0, existing_articles(st, ["t1", "t2"]) == {"t1"}
(True, True)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING
from urllib.parse import unquote

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from libkg.extract.facts import Facts
from libkg.ingest.tenures import refresh_tenures
from libkg.rdf.build import facts_to_triples
from libkg.rdf.identity import identity_graph, rename_persons
from libkg.rdf.namespaces import data_base, evidence_graph
from libkg.rdf.provenance import activity_graph
from libkg.rdf.reference import reference_graph
from libkg.read.article import Article
from libkg.resolve.iris import Minter
from libkg.resolve.persons import Mention
from libkg.resolve.plan import RunIdentity
from libkg.resolve.resolver import ArticleIdentity, article_mentions
from libkg.store.base import select_rows

if TYPE_CHECKING:
    from libkg.store.base import GraphData, Store

__all__ = ["decide_run", "existing_articles", "identity_graphs", "load_reference_data", "renamed_articles",
           "stored_mentions", "write_article", "write_articles"]

CHUNK = 500  # terms per VALUES block when reading the store

MENTIONS = """
SELECT ?m ?key ?a ?date ?anchor ?iri WHERE {
  ?m a lkg:PersonMention ; lkg:nameKey ?key ; prov:wasDerivedFrom ?a ; lkg:resolvedTo ?iri .
  OPTIONAL { ?m dcterms:date ?date }
  OPTIONAL { ?m lkg:anchor ?anchor }
}"""

KEYS_OF_ARTICLES = """
SELECT DISTINCT ?key WHERE { ?m a lkg:PersonMention ; lkg:nameKey ?key ; prov:wasDerivedFrom ?a . }"""


def _chunks(items: list[str], n: int = CHUNK) -> Iterator[list[str]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _with_values(query: str, var: str, terms: Iterable[Node]) -> str:
    """``query`` with ``VALUES ?var { terms }`` at the start of its WHERE group."""
    i = query.index("WHERE {") + len("WHERE {")
    return f"{query[:i]} VALUES ?{var} {{ {' '.join(t.n3() for t in terms)} }} {query[i:]}"


# ------------------------------------------------------------ reading the registry

def existing_articles(store: Store, ids: Iterable[str], base: str | None = None) -> set[str]:
    """The ids among ``ids`` whose article graph the store already holds (a re-ingest)."""
    m = Minter(base)
    graphs = {str(m.graph(i)): i for i in sorted(set(ids))}
    return {graphs[g] for g in store.contains_graphs(graphs)}


def stored_mentions(store: Store, keys: Iterable[str], m: Minter) -> dict[tuple[str, str], tuple[Mention, URIRef]]:
    """Stored mentions of ``keys``: (key, article id) -> (mention, the IRI it was resolved to)."""
    out: dict[tuple[str, str], tuple[Mention, URIRef]] = {}
    prefix = f"{m.base}id/article/"
    for part in _chunks(sorted(set(keys))):
        rows = select_rows(store.query(_with_values(MENTIONS, "key", (Literal(k) for k in part))))
        acc: dict[tuple[str, str], tuple[str, set[str], URIRef]] = {}
        for r in rows:
            a = str(r.a)
            aid = unquote(a[len(prefix):]) if a.startswith(prefix) else a
            slot = acc.setdefault((str(r.key), aid), (str(r.date or ""), set(), URIRef(r.iri)))
            if r.anchor is not None:
                slot[1].add(str(r.anchor))
        out.update({k: (Mention(k[0], k[1], date[:10], frozenset(anchors)), iri)
                    for k, (date, anchors, iri) in acc.items()})
    return out


def decide_run(store: Store, run: RunIdentity, reread: Iterable[str] = ()) -> None:
    """Decide the run's identities against the store: read the registry of its names, then decide.

    ``reread`` are the run's articles already in the store: the names they
    mentioned last time are reconsidered too (a new version may drop one).
    """
    keys = run.keys()
    for part in _chunks(sorted(set(reread))):
        q = _with_values(KEYS_OF_ARTICLES, "a", (run.m.article(i) for i in part))
        keys |= {str(r.key) for r in select_rows(store.query(q))}
    run.decide(stored_mentions(store, keys, run.m))


# ------------------------------------------------------------ the graphs decisions ask for

def identity_graphs(run: RunIdentity) -> list[tuple[str, Graph]]:
    """(graph IRI, graph) for each name whose identity graph must be written (empty: dropped)."""
    return [(iri, identity_graph(key, clusters, run.base)) for iri, key, clusters in run.identity_clusters()]


def renamed_articles(store: Store, renames: dict[str, dict[URIRef, URIRef]], m: Minter) -> list[tuple[str, Graph]]:
    """Stored article graphs, and their evidence graphs (whose annotations have the persons as
    bodies), rewritten with new person IRIs (evidence joined or split a name)."""
    out = []
    for aid, ren in sorted(renames.items()):
        for gi in (str(m.graph(aid)), str(evidence_graph(aid, m.base))):
            out.append((gi, rename_persons(store.graph(gi), ren, m)))
    return out


# ------------------------------------------------------------ writing

def write_articles(store: Store, items: Sequence[tuple[Article, Facts]], base: str | None = None,
                   run_time: str | None = None) -> int:
    """Resolve and store several articles together; return the triples of their article graphs.

    The identity decisions are a :class:`~libkg.resolve.plan.RunIdentity`
    over these articles and the store; stored articles whose person IRIs
    those decisions change are rewritten in the same write (one transaction
    on a store that ``supports_transactions``).
    """
    base = data_base(base)
    m = Minter(base)
    items = list(items)
    run = RunIdentity(base)
    new = [article_mentions(a, f, base) for a, f in items]
    for (a, f), ms in zip(items, new, strict=True):
        run.add(f.article_id or a.id, ms.values())
    decide_run(store, run, existing_articles(store, run.ids, base))
    out: list[tuple[str, GraphData]] = []
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
        out.append((str(evidence_graph(aid, base)), g.evidence))
    out.extend(renamed_articles(store, run.stored_renames, m))
    out.extend(identity_graphs(run))
    store.replace_articles(out)
    # the terms of the posts these articles state (and of those whose stored tenures they fed)
    refresh_tenures(store, [*(f.article_id or a.id for a, f in items), *run.stored_renames], base)
    return written


def write_article(store: Store, article: Article, facts: Facts, base: str | None = None,
                  run_time: str | None = None) -> int:
    """Resolve one article's facts against the store and write them (one transaction)."""
    return write_articles(store, [(article, facts)], base, run_time)


def load_reference_data(store: Store, base: str | None = None) -> int:
    """Load the gazetteer and the organisation lineage into ``{base}graph/gazetteer``, once.

    The graph carries a digest of its content (:func:`libkg.rdf.reference.reference_graph`);
    when the stored digest matches, nothing is written, so calling this
    before every ingest costs one ASK query.  Returns the triples written (0
    when up to date).
    """
    gi, g, digest = reference_graph(base)
    if bool(store.query(f'ASK {{ GRAPH <{gi}> {{ <{gi}> lkg:contentDigest "{digest}" }} }}')):
        return 0
    store.replace_articles([(str(gi), g)])
    return len(g)
