"""Several articles' graphs as one rdflib Dataset, each in its own named graph.

For writing RDF files without a store (``libkg extract --format trig``): the
same layout the store holds, so a TriG file can be loaded back as is.

Example
-------
>>> from libkg.testing import EXAMPLE_BASE, example_article, example_facts
>>> ds = facts_to_dataset([(example_article(), example_facts())], base=EXAMPLE_BASE)
>>> sorted(str(g.identifier).rsplit("/", 2)[0] if "/tenure/" in str(g.identifier) else str(g.identifier)
...        for g in ds.graphs() if len(g))  # a tenure graph per post: {base}graph/tenure/{person}/{post}
['https://example.org/kg/graph/activity/t1', 'https://example.org/kg/graph/article/t1', 'https://example.org/kg/graph/evidence/t1', 'https://example.org/kg/graph/tenure']
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Dataset, URIRef

from libkg.extract.facts import Facts
from libkg.rdf.build import facts_to_triples
from libkg.rdf.identity import identity_graph
from libkg.rdf.namespaces import article_graph, bind_prefixes, evidence_graph
from libkg.rdf.provenance import activity_graph
from libkg.rdf.tenures import tenure_graphs
from libkg.read.article import Article
from libkg.resolve.iris import Minter
from libkg.resolve.resolver import resolve_batch

__all__ = ["facts_to_dataset"]


def facts_to_dataset(items: Iterable[tuple[Article, Facts]], base: str | None = None,
                     identity: bool = True) -> Dataset:
    """A Dataset with one named graph ``{base}graph/article/{id}`` per (article, facts) pair.

    Persons are resolved across all the articles given, exactly as ingesting
    them into a store would (same IRIs), and the identity graphs
    (``{base}graph/identity/person/...``) are included unless ``identity`` is
    False, and so are each article graph's description, its activity graph
    ``{base}graph/activity/{id}`` (which article the graph was derived from; no run
    time), its evidence graph ``{base}graph/evidence/{id}`` (Web Annotations), and the tenure graphs
    ``{base}graph/tenure/...`` of the posts they state (the terms, as ingest derives them).  The gazetteer is not: it is not read from these articles.
    """
    items = list(items)
    idents, clusters = resolve_batch(items, base)
    ds = Dataset()
    bind_prefixes(ds)
    for (article, facts), ident in zip(items, idents, strict=True):
        g = ds.graph(article_graph(facts.article_id or article.id, base))
        built = facts_to_triples(article, facts, base, identity=ident)
        for t in built:
            g.add(t)
        aid = facts.article_id or article.id
        ev = ds.graph(evidence_graph(aid, base))
        for t in built.evidence:
            ev.add(t)
        run = ds.graph(Minter(base).activity_graph(aid))
        for t in activity_graph(Article(id=aid, text=""), base, run_time=None):
            run.add(t)
    articles = [(Minter(base).article(f.article_id or a.id), ds.graph(article_graph(f.article_id or a.id, base)))
                for a, f in items]
    for tenure_iri, triples in tenure_graphs(articles).items():  # the terms of the posts, as ingest derives them
        tg = ds.graph(tenure_iri)
        for t in triples:
            tg.add(t)
    if identity:
        m = Minter(base)
        for iri, key in sorted((str(m.identity_graph(k)), k) for k in clusters):
            g = ds.graph(URIRef(iri))
            for t in identity_graph(key, clusters[key], base):
                g.add(t)
    return ds
