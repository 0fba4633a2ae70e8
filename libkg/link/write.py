"""Link decisions -> triples in their own named graph, ``{base}graph/links``, with provenance.

Following the design notes of the ontology, a linked node gets the id as a
plain literal (``lkg:wikidataId "Q…"``) and ``skos:exactMatch`` to the
Wikidata entity when the item denotes exactly this node, ``skos:closeMatch``
when the item is shared by several of our nodes (never ``owl:sameAs``).
External ids are written both ways: as literals under Wikidata's own
properties (``wdt:P214`` VIAF, ``wdt:P213`` ISNI, ``wdt:P1566`` GeoNames) and as
``rdfs:seeAlso`` links to the records.

Each link has a decision node ``{base}id/link/{hash(node, item)}``, a
``prov:Activity`` that says how the link was made: ``dcterms:type`` the
method (``offline`` | ``sparql`` | ``review``), ``sssom:confidence`` the score,
``lkg:reason`` why, ``dcterms:source`` the endpoint or table,
``prov:endedAtTime`` when, and (as in SSSOM's RDF form) ``owl:annotatedSource`` /
``owl:annotatedProperty`` / ``owl:annotatedTarget`` the link itself.

The links live apart from the article graphs so that re-ingesting an article
never loses them and a bad run can be dropped whole (``DROP GRAPH``).  A run
replaces the links of the nodes it decided and keeps the others.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from libkg.link.model import WIKIDATA, Decision
from libkg.rdf.namespaces import LKG, bind_prefixes, data_base
from libkg.resolve.keys import short_hash
from libkg.store.base import select_rows

if TYPE_CHECKING:
    from libkg.store.base import Store

__all__ = ["SSSOM", "WDT", "decision_graph", "links_graph_iri", "write_links"]

WDT = Namespace("http://www.wikidata.org/prop/direct/")
WD = Namespace(WIKIDATA)
SSSOM = Namespace("https://w3id.org/sssom/")
SEMAPV = Namespace("https://w3id.org/semapv/vocab/")
_JUSTIFICATION = {"offline": SEMAPV.ManualMappingCuration, "review": SEMAPV.ManualMappingCuration,
                  "sparql": SEMAPV.LexicalMatching}
_EXTERNAL = (("viaf", WDT.P214, "https://viaf.org/viaf/{}"), ("isni", WDT.P213, "https://isni.org/isni/{}"),
             ("geonames", WDT.P1566, "https://sws.geonames.org/{}/"))


def links_graph_iri(base: str | None = None) -> URIRef:
    """``{base}graph/links``: the named graph of every authority link."""
    return URIRef(f"{data_base(base)}graph/links")


def _source(s: str) -> URIRef | Literal:
    return URIRef(s) if s.startswith(("http://", "https://")) else Literal(s)


def decision_graph(decisions: Iterable[Decision], base: str | None = None, when: str | None = None,
                   shared: Counter[str] | None = None) -> Graph:
    """The triples of ``decisions``.

    A decision without ``match`` is ``exact`` unless its item is linked to
    more than one node (``shared`` counts the nodes per item, over this batch
    and what the store already holds).
    """
    decisions = list(decisions)
    when = when or dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    shared = shared if shared is not None else Counter(d.qid for d in decisions)
    g = Graph()
    bind_prefixes(g)
    g.bind("wd", WD)
    g.bind("wdt", WDT)
    g.bind("sssom", SSSOM)
    g.bind("semapv", SEMAPV)
    b = data_base(base)
    for d in decisions:
        n, item = URIRef(d.node), WD[d.qid]
        match = d.match or ("exact" if shared[d.qid] <= 1 else "close")
        rel = SKOS.exactMatch if match == "exact" else SKOS.closeMatch
        g.add((n, LKG.wikidataId, Literal(d.qid)))
        g.add((n, rel, item))
        for attr, prop, url in _EXTERNAL:
            value = getattr(d, attr).replace(" ", "")
            if not value:
                continue
            if match == "exact":  # the item's ids describe this node only when the item is this node
                g.add((n, prop, Literal(value)))
            g.add((n, RDFS.seeAlso, URIRef(url.format(value))))
        a = URIRef(f"{b}id/link/{short_hash(d.node + ' ' + d.qid, 12)}")
        g.add((a, RDF.type, PROV.Activity))
        g.add((a, RDFS.label, Literal(f"authority link: {d.label or d.node} -> wd:{d.qid}")))
        g.add((a, OWL.annotatedSource, n))
        g.add((a, OWL.annotatedProperty, rel))
        g.add((a, OWL.annotatedTarget, item))
        g.add((a, PROV.used, item))
        g.add((a, DCTERMS.type, Literal(d.method)))
        g.add((a, SSSOM.confidence, Literal(f"{d.score:.3f}", datatype=XSD.decimal)))
        g.add((a, SSSOM.mapping_justification, _JUSTIFICATION.get(d.method, SEMAPV.ManualMappingCuration)))
        g.add((a, LKG.reason, Literal(d.reason)))
        g.add((a, DCTERMS.source, _source(d.source)))
        g.add((a, PROV.endedAtTime, Literal(when, datatype=XSD.dateTime)))
    return g


def _holders(store: Store, qids: set[str], redecided: set[str]) -> Counter[str]:
    """Nodes outside this batch that already carry each item (gazetteer, earlier runs)."""
    if not qids:
        return Counter()
    values = " ".join(f'"{q}"' for q in sorted(qids))
    rows = select_rows(store.query(
        f"SELECT DISTINCT ?n ?q WHERE {{ VALUES ?q {{ {values} }} ?n lkg:wikidataId ?q }}"))
    return Counter(str(r.q) for r in rows if str(r.n) not in redecided)


def write_links(store: Store, decisions: Iterable[Decision], base: str | None = None, when: str | None = None,
                replace_method: str | None = None) -> int:
    """Write ``decisions`` into ``{base}graph/links`` (one transaction); return the triples written.

    The graph keeps the links of nodes not decided now; for a node decided
    again, its old link triples and decision nodes are replaced.  When one
    node gets two decisions (offline and online), the first one wins.
    ``replace_method`` (e.g. ``offline``) also drops the earlier links made
    by that method that this run did not make again: the offline tables are
    the whole truth of offline links, so a row removed from them is unlinked.
    """
    gi = links_graph_iri(base)
    when = when or dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    chosen: dict[str, Decision] = {}
    for d in decisions:
        chosen.setdefault(d.node, d)
    old = store.graph(str(gi))
    redecided = set(chosen)
    if replace_method:
        for a in old.subjects(DCTERMS.type, Literal(replace_method)):
            redecided.update(str(n) for n in old.objects(a, OWL.annotatedSource))
    shared = Counter(d.qid for d in chosen.values())
    shared.update(_holders(store, set(shared), redecided))
    keep = Graph()
    bind_prefixes(keep)
    dropped = {a for a, n in old.subject_objects(OWL.annotatedSource) if str(n) in redecided}
    for s, p, o in old:
        if str(s) in redecided or s in dropped or s == gi:
            continue
        keep.add((s, p, o))
    new = decision_graph(chosen.values(), base, when, shared)
    for t in new:
        keep.add(t)
    keep.add((gi, RDF.type, PROV.Entity))
    keep.add((gi, RDFS.label, Literal("libkg authority links (Wikidata, VIAF, ISNI, GeoNames)")))
    keep.add((gi, DCTERMS.modified, Literal(when, datatype=XSD.dateTime)))
    store.replace_graph(str(gi), keep)
    store.flush()  # a remote store queues writes: send them now
    return len(keep)
