"""Many articles' facts as one rdflib Dataset, one named graph per article.

Used where no store is wanted: ``libkg extract --format trig`` and the
published sample graph in ``graph/``.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Dataset

from libkg.extract.facts import Facts
from libkg.rdf.build import facts_to_graph
from libkg.rdf.namespaces import article_graph, bind_prefixes
from libkg.read.article import Article


def facts_to_dataset(items: Iterable[tuple[Article, Facts]], base: str | None = None) -> Dataset:
    """A Dataset holding each article's triples in its named graph."""
    ds = Dataset()
    bind_prefixes(ds)
    for article, facts in items:
        g = ds.graph(article_graph(article.id, base))
        for t in facts_to_graph(article, facts, base=base):
            g.add(t)
    return ds
