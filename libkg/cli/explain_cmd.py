"""libkg explain: every fact about an entity, with the sentence and the article it was read in.

The point is trust: a researcher who sees "Hoàng Thị Thúy Hằng, Giám đốc"
in a query result can ask where that came from and read the sentences
themselves, grouped by article (date, URL, publisher), each with its character span in the
text as read (checked against the stored text: the evidence graph's Web Annotations keep
it, with its digest), plus the identity
decisions (spellings merged, "possibly the same" persons) and reference data
(gazetteer validity and successors) that shaped the node.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import click
from rdflib import Literal, URIRef

from libkg.cli.app import cli
from libkg.cli.common import BadInput, read_store_options, read_store_or_fail
from libkg.store.base import select_rows

if TYPE_CHECKING:
    from libkg.store.base import Store

# the name is bound as terms (VALUES), never pasted: the written form and its title-cased form as labels,
# and the stored person, organisation and place keys it names (libkg.query.names), each an index lookup
# (no scan of every label in the store)
_FIND_KEY = """
SELECT DISTINCT ?e WHERE { ?e lkg:nameKey ?k ; a ?t FILTER(?t IN (lkg:Person, lkg:Organization, lkg:Place)) }"""
_FIND_LABEL = """
SELECT DISTINCT ?e WHERE { { ?e rdfs:label ?q } UNION { ?e rdfs:label ?q2 } ?e a ?t .
  FILTER(?t IN (lkg:Person, lkg:Organization, lkg:Place, lkg:Event)) }"""

# facts stated about the entity itself, per article graph
_OWN = """
SELECT ?g ?p ?o WHERE { GRAPH ?g { ?e ?p ?o }
  FILTER(?p NOT IN (rdf:type, rdfs:label, skos:prefLabel, skos:altLabel, prov:wasDerivedFrom, lkg:nameKey))
}"""

# nodes that point at the entity (positions, events), with their own evidence
_POINTING = """
SELECT ?g ?s ?p ?kind WHERE { GRAPH ?g { ?s ?p ?e . ?s a ?kind FILTER(?kind IN (lkg:Position, lkg:Event)) }
  FILTER(?p NOT IN (sem:hasActor, sem:hasPlace)) }"""

# the annotations of an article's evidence graph (not in the union: named) with ?x as a body
_SENTENCES = """
SELECT ?sentence ?start ?end ?text WHERE { GRAPH ?eg { ?ann oa:hasBody ?x ; oa:hasTarget ?t .
  ?t oa:hasSource ?text ; oa:hasSelector ?q , ?p . ?q oa:exact ?sentence . ?p oa:start ?start ; oa:end ?end } }"""

_TEXT = "SELECT ?s WHERE { GRAPH ?eg { ?text schema:text ?s } }"

_EVIDENCE_GRAPHS = "SELECT DISTINCT ?eg WHERE { GRAPH ?eg { ?ann oa:hasBody ?e } }"


def _evidence_graph(article_graph: str) -> URIRef:
    return URIRef(article_graph.replace("/graph/article/", "/graph/evidence/"))

_ARTICLE = """
SELECT ?id ?date ?url ?publisher ?title WHERE { ?a schema:identifier ?id .
  OPTIONAL { ?a schema:datePublished ?date } OPTIONAL { ?a schema:url ?url }
  OPTIONAL { ?a schema:publisher/rdfs:label ?publisher } OPTIONAL { ?a schema:headline ?title } }"""

_LABEL = "SELECT ?l WHERE { ?x skos:prefLabel ?l } LIMIT 1"

_POSITION = """
SELECT ?role ?org ?d ?status ?start ?end ?former ?stated WHERE { GRAPH ?g {
  ?pos lkg:roleLabel ?role . OPTIONAL { ?pos org:organization ?o }
  OPTIONAL { ?pos lkg:attestedOn ?d } OPTIONAL { ?pos lkg:status ?status }
  OPTIONAL { ?pos lkg:startDate ?start } OPTIONAL { ?pos lkg:endDate ?end } OPTIONAL { ?pos lkg:formerOn ?former }
  OPTIONAL { ?pos lkg:dateStated ?stated } }
  OPTIONAL { ?o skos:prefLabel ?org } }"""

# a tenure (one term of a post, in its tenure graph): its post, its dates, the articles it is read from
_TENURE = """
SELECT ?pos ?a ?first ?last WHERE { ?e a lkg:Tenure ; lkg:termOf ?pos ; prov:wasDerivedFrom ?a .
  OPTIONAL { ?e lkg:firstAttestedOn ?first } OPTIONAL { ?e lkg:lastAttestedOn ?last } }"""
_TENURE_ENDS = """
SELECT ?which ?date ?stated WHERE { ?e org:memberDuring ?i . ?i ?which ?instant .
  FILTER(?which IN (time:hasBeginning, time:hasEnd))
  ?instant ?p ?date FILTER(?p IN (time:inXSDDate, time:inXSDgYearMonth, time:inXSDgYear))
  OPTIONAL { ?instant lkg:dateStated ?stated } }"""

_HYPOTHESES = """
SELECT ?other ?score ?reason WHERE { ?h a lkg:IdentityHypothesis ; lkg:candidate ?e , ?other ;
  lkg:score ?score ; lkg:reason ?reason FILTER(?other != ?e) } ORDER BY DESC(?score)"""


@dataclass
class _Article:
    graph: str
    lines: list[str] = field(default_factory=list)


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _when(p) -> str:
    """The dates and status one article gives a post."""
    return ", ".join(f"{k} {v}" for k, v in (("attested", p.d), ("status", p.status), ("start", p.start),
                                              ("end", p.end), ("former on", p.former),
                                              ("date stated", "yes" if p.stated is not None else None))
                     if v is not None)


def find_entities(store: Store, text: str) -> list[URIRef]:
    """IRIs an argument names: the IRI itself, or nodes with that label or name.

    Names go through libkg's one name matcher (:func:`libkg.normalize.match_names`, via
    :mod:`libkg.query.names`): case, tone placement, titles, diacritics and "tỉnh" are
    ignored, so "hoang thi thuy hang" finds Hoàng Thị Thuý Hằng.  A name that fits several
    different stored names finds each of them.
    """
    from libkg.normalize import nfc
    from libkg.query.library import KEYS
    from libkg.query.names import KEY_CLASSES, KeyIndex

    if "://" in text:
        return [URIRef(text.strip("<>"))]
    text = " ".join(nfc(text).split())
    titled = " ".join(w[:1].upper() + w[1:] for w in text.split())
    rows = list(select_rows(store.query(_FIND_LABEL, bindings={"q": Literal(text), "q2": Literal(titled)})))
    index = KeyIndex(store)
    for kind, cls in KEY_CLASSES.items():
        for key in index.resolve(KEYS[kind](text), cls):  # several: every entity so named is explained
            rows += select_rows(store.query(_FIND_KEY, bindings={"k": Literal(key)}))
    found = {r.e for r in rows if isinstance(r.e, URIRef)}  # entities are IRIs
    return sorted(found, key=str)


def explain_entity(store: Store, e: URIRef) -> str:
    """The report for one entity, as text."""
    def label(x) -> str:
        if isinstance(x, Literal):
            return str(x)
        rows = list(select_rows(store.query(_LABEL, bindings={"x": x})))
        return str(rows[0].l) if rows else _local(str(x))

    sentences: dict[tuple[str, str], list[tuple[int, int, str, bool]]] = defaultdict(list)
    texts: dict[str, str | None] = {}
    arts: dict[str, _Article] = {}
    out = [f"{label(e)}  <{e}>"]
    labels = sorted({str(r.l) for r in select_rows(store.query("SELECT ?l WHERE { ?e rdfs:label ?l }",
                                                                bindings={"e": e}))})
    if len(labels) > 1:
        out.append("  written as: " + " | ".join(labels))
    for r in select_rows(store.query(_HYPOTHESES, bindings={"e": e})):
        out.append(f"  possibly the same as {label(r.other)} <{r.other}> (score {r.score}: {r.reason})")

    def article(g: str) -> _Article:
        return arts.setdefault(g, _Article(g))

    def text(eg: URIRef) -> str | None:
        if str(eg) not in texts:
            row = next(select_rows(store.query(_TEXT, bindings={"eg": eg})), None)
            texts[str(eg)] = str(row.s) if row is not None else None
        return texts[str(eg)]

    def said(g: str, x, indent: str = "      ") -> list[str]:
        if (g, str(x)) not in sentences:
            eg = _evidence_graph(g)
            for r in select_rows(store.query(_SENTENCES, bindings={"eg": eg, "x": x})):
                start, end, s = int(r.start), int(r.end), str(r.sentence)
                t = text(eg)
                sentences[(g, str(x))].append((start, end, s, t is not None and t[start:end] == s))
        seen, lines = set(), []
        for start, end, s, checked in sorted(sentences[(g, str(x))]):
            if s not in seen:
                seen.add(s)
                check = "" if checked else ", NOT the stored text there"
                lines.append(f"{indent}« {' '.join(s.split())} »  [characters {start}-{end}{check}]")
        return lines

    for r in select_rows(store.query(_TENURE_ENDS, bindings={"e": e})):
        which = "begins" if str(r.which).endswith("hasBeginning") else "ends"
        how = "as the text states" if r.stated is not None else "the date of the news (no date stated)"
        out.append(f"  term {which} {r.date} ({how})")
    for r in select_rows(store.query(_TENURE, bindings={"e": e})):  # the statements each date rests on
        g = str(r.a).replace("/id/article/", "/graph/article/")
        for p in select_rows(store.query(_POSITION, bindings={"pos": r.pos, "g": URIRef(g)})):
            article(g).lines.append(f"    states the post: {p.role}{' — ' + str(p.org) if p.org else ''} "
                                    f"({_when(p)})")
            break
        article(g).lines.extend(said(g, r.pos))
    for r in select_rows(store.query(_OWN, bindings={"e": e})):
        g = str(r.g)
        if "/graph/article/" in g:
            article(g).lines.append(f"    {_local(str(r.p))}: {label(r.o)}")
        else:
            out.append(f"  {_local(str(r.p))}: {label(r.o)}  [{_local(g)} graph]")
    for r in select_rows(store.query(_POINTING, bindings={"e": e})):
        g = str(r.g)
        if str(r.kind).endswith("#Position"):
            for p in select_rows(store.query(_POSITION, bindings={"pos": r.s, "g": r.g})):
                article(g).lines.append(f"    position: {p.role}{' — ' + str(p.org) if p.org else ''} ({_when(p)})")
                break
        else:
            article(g).lines.append(f"    {_local(str(r.p))} of event: {label(r.s)}")
        article(g).lines.extend(said(g, r.s))
    graphs = {str(r.eg).replace("/graph/evidence/", "/graph/article/")
              for r in select_rows(store.query(_EVIDENCE_GRAPHS, bindings={"e": e}))}
    for g in graphs:
        lines = said(g, e, "    ")
        if lines:
            article(g).lines[:0] = ["    mentioned:", *["  " + x for x in lines]]
    rows = []
    for g, a in arts.items():
        airi = URIRef(g.replace("/graph/article/", "/id/article/"))
        meta = next(select_rows(store.query(_ARTICLE, bindings={"a": airi})), None)
        head = f"  [{meta.id if meta else _local(g)}]"
        if meta is not None:
            head += "".join(f" {v}" for v in (meta.date, meta.url) if v is not None)
            if meta.publisher is not None:
                head += f" ({meta.publisher})"
        rows.append((str(meta.date) if meta is not None and meta.date is not None else "", head, a.lines))
    for _, head, lines in sorted(rows, key=lambda t: (t[0], t[1])):
        out.append(head)
        out.extend(dict.fromkeys(lines))  # keep order, drop repeats
    return "\n".join(out)


@cli.command()
@click.argument("entity")
@read_store_options
def explain(entity: str, store_path: str | None, endpoint: str | None, user: str | None, password: str | None) -> None:
    """Print every fact about an entity (an IRI, or a name in any spelling) with its sentence and article.

    \b
    Examples:
      libkg explain "Hoàng Thị Thuý Hằng" --store out/store     # or "hoang thi thuy hang"
      libkg explain https://w3id.org/libkg/id/place/vn-63/15-yen-bai
    """
    with read_store_or_fail(store_path, endpoint, user, password) as store:
        found = find_entities(store, entity)
        if not found:
            raise BadInput(f"nothing in the store is called {entity!r}")
        click.echo("\n\n".join(explain_entity(store, e) for e in found))
