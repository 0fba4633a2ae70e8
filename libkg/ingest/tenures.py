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
from libkg.rdf.tenures import Post, position_of_graph, tenure_graph, tenure_triples
from libkg.resolve.tenures import Statement, split_terms
from libkg.store.base import GraphData, Store, select_rows

__all__ = ["refresh_tenures", "touched_posts"]

CHUNK = 400
LKG_NS = "https://w3id.org/libkg/ontology#"
ORG_NS = "http://www.w3.org/ns/org#"

_PREFIXES = "PREFIX lkg: <https://w3id.org/libkg/ontology#>\nPREFIX prov: <http://www.w3.org/ns/prov#>\n"
TOUCHED = _PREFIXES + """SELECT DISTINCT ?pos ?tg WHERE {
  { VALUES ?g { $GRAPHS } GRAPH ?g { ?pos a lkg:Position } }
  UNION
  { VALUES ?a { $ARTICLES } GRAPH ?tg { ?t a lkg:Tenure ; prov:wasDerivedFrom ?a } }
}"""

# one row per value (no OPTIONAL): every statement each article graph makes about the posts
STATEMENTS = _PREFIXES + """SELECT ?pos ?a ?p ?o WHERE {
  VALUES ?pos { $POSTS }
  GRAPH ?g { ?pos ?p ?o }
  FILTER(CONTAINS(STR(?g), "/graph/article/"))
  ?g prov:wasDerivedFrom ?a .
}"""

# a graph stating several statuses for one post: the one that says most about its term
_STATUS_RANK = ("retired", "elected", "appointed", "current", "former")


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
        for r in select_rows(store.query(q)):
            if r.pos is not None:
                out.add(str(r.pos))
            elif r.tg is not None:
                out.add(str(position_of_graph(str(r.tg))))
    return out


def _statement(article: str, values: dict[str, list[str]]) -> Statement:
    """What one article graph says about a post, as one statement."""
    statuses = values.get("status", [])
    status = next((s for s in _STATUS_RANK if s in statuses), "current")
    dates = values.get("attestedOn") or values.get("formerOn") or []
    starts, ends, terms = values.get("startDate", []), values.get("endDate", []), values.get("term", [])
    return Statement(article, min(dates) if dates else (min(starts) if starts else ""), status,
                     start=min(starts) if starts else None, end=max(ends) if ends else None,
                     stated="true" in values.get("dateStated", []), term=min(terms) if terms else None)


def _read(store: Store, posts: list[str]) -> tuple[dict[str, Post], dict[str, list[Statement]]]:
    """The posts' holders, roles and organisations, and each article's statement of each post."""
    seen: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    heads: dict[str, dict[str, str]] = defaultdict(dict)  # the least IRI of each: any order of rows
    for r in select_rows(store.query(STATEMENTS.replace("$POSTS", _values(posts)))):
        pos, prop, value = str(r.pos), str(r.p), str(r.o)
        for ns in (LKG_NS, ORG_NS):
            if prop.startswith(ns):
                local = prop[len(ns):]
                if ns == ORG_NS:
                    heads[pos][local] = min(value, heads[pos].get(local, value))
                else:
                    seen[pos, str(r.a)][local].append(value)
    statements: dict[str, list[Statement]] = defaultdict(list)
    for (pos, article), values in seen.items():
        statements[pos].append(_statement(article, values))
    posts_found = {p: Post(p, h["member"], h["role"], h.get("organization"))
                   for p, h in heads.items() if "member" in h and "role" in h}
    return posts_found, statements


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
