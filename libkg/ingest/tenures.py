"""Keeping the tenure graphs current: the terms of every post an ingest run touched, recomputed.

After a run writes (or renames, or a caller removes) articles, :func:`refresh_tenures` finds the
posts those articles state now and the posts whose stored tenures were read from them (an article
that no longer states a post, or was removed), reads what every article says about those posts
(one query per chunk of posts), cuts the terms (:func:`libkg.resolve.tenures.split_terms`) and
replaces their tenure graphs (:func:`libkg.rdf.tenures.tenure_triples`) in one write per chunk; a
post no article states any more loses its graph.  The cost follows the posts touched, not the store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from rdflib import URIRef

from libkg.rdf.namespaces import article_graph, article_iri, data_base
from libkg.rdf.tenures import STATED, Post, position_of_graph, tenure_graph, tenure_triples
from libkg.resolve.tenures import Statement, split_terms, statement_from_values
from libkg.store.base import GraphData, Store

__all__ = ["refresh_tenures", "touched_posts", "write_tenure_graphs"]

CHUNK = 400
LKG_NS = "https://w3id.org/libkg/ontology#"

_PREFIXES = "PREFIX lkg: <https://w3id.org/libkg/ontology#>\nPREFIX prov: <http://www.w3.org/ns/prov#>\n"
TOUCHED = _PREFIXES + """SELECT DISTINCT ?pos ?tg WHERE {
  { VALUES ?g { $GRAPHS } GRAPH ?g { ?pos a lkg:Position } }
  UNION
  { VALUES ?a { $ARTICLES } GRAPH ?tg { ?t a lkg:Tenure ; prov:wasDerivedFrom ?a } }
}"""

# one row per value (no OPTIONAL): what each article graph says about the posts' dates and status
STATEMENTS = _PREFIXES + """SELECT ?pos ?a ?p ?o WHERE {
  VALUES ?pos { $POSTS }
  GRAPH ?g { ?pos ?p ?o }
  FILTER(CONTAINS(STR(?g), "/graph/article/"))
  ?g prov:wasDerivedFrom ?a .
  FILTER(?p IN ($STATED))
}""".replace("$STATED", ", ".join(f"lkg:{p}" for p in STATED))  # a FILTER, not VALUES ?p: Oxigraph then reads each post's quads once (3x faster)
# who holds each post, in which role and organisation (the same in every article: read from the union)
HEADS = _PREFIXES + """PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?pos ?member ?role ?organization WHERE {
  VALUES ?pos { $POSTS }
  ?pos org:member ?member ; org:role ?role .
  OPTIONAL { ?pos org:organization ?organization }
}"""

def _chunks(items: list, n: int = CHUNK) -> Iterator[list]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _values(iris: Iterable[str]) -> str:
    return " ".join(f"<{i}>" for i in iris)


def touched_posts(store: Store, article_ids: Iterable[str], base: str | None = None) -> set[str]:
    """Posts the articles state, and posts whose stored tenures were read from them."""
    base = data_base(base)
    out: set[str] = set()
    for part in _chunks(sorted(set(article_ids))):
        q = (TOUCHED.replace("$GRAPHS", _values(article_graph(a, base) for a in part))
             .replace("$ARTICLES", _values(article_iri(a, base) for a in part)))
        for r in store.select_values(q):  # strings: no rdflib terms to build
            if "pos" in r:
                out.add(r["pos"])
            elif "tg" in r:
                out.add(str(position_of_graph(r["tg"])))
    return out


def _read(store: Store, posts: list[str]) -> tuple[dict[str, Post], dict[str, list[Statement]]]:
    """The posts' holders, roles and organisations, and each article's statement of each post."""
    seen: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for r in store.select_values(STATEMENTS.replace("$POSTS", _values(posts))):  # strings, no rdflib terms
        seen[r["pos"], r["a"]][r["p"][len(LKG_NS):]].append(r["o"])
    statements: dict[str, list[Statement]] = defaultdict(list)
    for (pos, article), values in seen.items():
        statements[pos].append(statement_from_values(article, values))
    heads: dict[str, Post] = {}
    for r in sorted(store.select_values(HEADS.replace("$POSTS", _values(posts))),
                    key=lambda r: (r["member"], r["role"], r.get("organization", ""))):
        heads.setdefault(r["pos"], Post(r["pos"], r["member"], r["role"], r.get("organization")))
    return heads, statements


def refresh_tenures(store: Store, article_ids: Iterable[str], base: str | None = None) -> int:
    """Recompute the tenure graphs of the posts the articles touch (see the module); return the
    tenures written.  Call it after writing, renaming or removing articles, with their ids."""
    posts = sorted(touched_posts(store, article_ids, base))
    written = 0
    for part in _chunks(posts):
        found, statements = _read(store, part)
        graphs: list[tuple[str, GraphData]] = []
        for pos in part:
            post = found.get(pos)
            terms = split_terms(statements.get(pos, [])) if post is not None else []
            triples = tenure_triples(post, terms) if post is not None else set()
            written += len(terms)
            graphs.append((str(tenure_graph(URIRef(pos))), triples))
        store.replace_articles(graphs)
        store.flush()
    return written


def write_tenure_graphs(store: Store, graphs: dict[URIRef, set]) -> int:
    """Write tenure graphs computed from articles at hand (:class:`libkg.rdf.tenures.TenureCollector`:
    a run into a store that held no articles needs no read-back); return the graphs written."""
    items = [(str(g), triples) for g, triples in graphs.items()]
    for part in _chunks(items):
        store.replace_articles(part)
        store.flush()
    return len(items)
