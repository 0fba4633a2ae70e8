"""Time the institution network on a synthetic store of 100k events, against an rdflib baseline.

The triples are generated directly (no extractor): a few hundred
institutions, persons and places, and N events each with a kind, a start
date, a place and 2-5 organising/attending institutions plus a few persons.
They go into an in-memory EmbeddedStore (named graph + union, as ingest
writes them), and ``libkg.network.institutions`` is timed there.  The
baseline projects the same network over an in-memory ``rdflib.Graph`` with
rdflib's SPARQL engine (see ``rdflib_institutions``) on a subset, so the
ratio is measured at that size in the same run.

    .venv/bin/python scripts/bench_network.py                 # 100k events, rdflib baseline at 1k
    .venv/bin/python scripts/bench_network.py --events 20000 --baseline 2000
"""

from __future__ import annotations

import argparse
import random
import sys
import time

import pyoxigraph as ox

from libkg.network import institutions
from libkg.rdf.namespaces import PREFIXES
from libkg.store import EmbeddedStore

LKG = "https://w3id.org/libkg/ontology#"
SCHEMA = "https://schema.org/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
BASE = "https://example.org/bench/"
KINDS = ["Conference", "Workshop", "Seminar", "Meeting", "Training", "Ceremony", "BookDonation", "Visit"]
PROVINCES = ["Lào Cai", "Điện Biên", "Thái Nguyên", "Lạng Sơn", "Hà Giang", "Nghệ An", "Cần Thơ", "Quảng Nam"]


def synthetic_quads(n_events: int, n_orgs: int, n_persons: int, n_places: int, seed: int = 7):
    """Triples (as pyoxigraph quads of one named graph per 1000 events) for a synthetic library sector."""
    rnd = random.Random(seed)
    nn, lit = ox.NamedNode, ox.Literal
    typ = nn(RDF_TYPE)
    label = nn(SKOS + "prefLabel")
    out = []
    g0 = nn(BASE + "graph/entities")
    provs = [nn(f"{BASE}place/p{i}") for i in range(len(PROVINCES))]
    for i, p in enumerate(provs):
        out += [ox.Quad(p, typ, nn(LKG + "Place"), g0), ox.Quad(p, label, lit(PROVINCES[i]), g0)]
    places = [nn(f"{BASE}place/x{i}") for i in range(n_places)]
    for i, p in enumerate(places):
        out += [ox.Quad(p, typ, nn(LKG + "Place"), g0), ox.Quad(p, label, lit(f"Địa điểm {i}"), g0),
                ox.Quad(p, nn(LKG + "within"), provs[i % len(provs)], g0)]
    orgs = [nn(f"{BASE}org/o{i}") for i in range(n_orgs)]
    for i, o in enumerate(orgs):
        out += [ox.Quad(o, typ, nn(LKG + "Organization"), g0),
                ox.Quad(o, label, lit(f"Thư viện số {i} tỉnh {PROVINCES[i % len(PROVINCES)]}"), g0),
                ox.Quad(o, nn(LKG + "orgKind"), nn(f"https://w3id.org/libkg/vocab/org-kind/{'Library'}"), g0)]
    people = [nn(f"{BASE}person/h{i}") for i in range(n_persons)]
    for i, p in enumerate(people):
        out += [ox.Quad(p, typ, nn(LKG + "Person"), g0), ox.Quad(p, label, lit(f"Người {i}"), g0)]
    # a skewed choice of institutions, so some are hubs, as in the real sector
    weights = [1 / (1 + i) ** 0.7 for i in range(n_orgs)]
    for e in range(n_events):
        g = nn(f"{BASE}graph/article/a{e // 1000}")
        ev = nn(f"{BASE}event/e{e}")
        y, m, d = 2015 + e % 10, 1 + rnd.randrange(12), 1 + rnd.randrange(28)
        out += [ox.Quad(ev, typ, nn(LKG + "Event"), g),
                ox.Quad(ev, label, lit(f"Sự kiện {e}"), g),
                ox.Quad(ev, nn(LKG + "eventKind"), nn("https://w3id.org/libkg/vocab/event-kind/" + rnd.choice(KINDS)), g),
                ox.Quad(ev, nn(SCHEMA + "startDate"), lit(f"{y}-{m:02d}-{d:02d}", datatype=nn(XSD + "date")), g),
                ox.Quad(ev, nn(SCHEMA + "location"), rnd.choice(places), g)]
        chosen = set(rnd.choices(orgs, weights=weights, k=rnd.randint(2, 5)))
        for j, o in enumerate(sorted(chosen, key=str)):
            out.append(ox.Quad(ev, nn(SCHEMA + ("organizer" if j == 0 else "attendee")), o, g))
        for p in rnd.sample(people, rnd.randint(1, 4)):
            out.append(ox.Quad(ev, nn(SCHEMA + "attendee"), p, g))
    return out


def load_store(quads) -> EmbeddedStore:
    st = EmbeddedStore()
    # named graphs plus the union default graph, exactly the layout EmbeddedStore keeps
    st.store.bulk_extend(quads)
    st.store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object) for q in quads)
    return st


def rdflib_graph(quads):
    from rdflib import Graph, Literal, URIRef

    def term(t):
        if isinstance(t, ox.NamedNode):
            return URIRef(t.value)
        return Literal(t.value, lang=t.language, datatype=URIRef(t.datatype.value) if t.language is None else None)

    g = Graph()
    for q in quads:
        g.add((term(q.subject), term(q.predicate), term(q.object)))
    return g


def rdflib_institutions(g, min_weight: int = 1) -> tuple[int, int]:
    """The institution projection on rdflib: its SPARQL engine reads (event, organisation) rows, Python pairs them.

    rdflib's engine cannot run the aggregated pair query of ``institutions``
    in reasonable time (its join order turns the organiser/attendee
    alternation into a cross product: minutes for 200 events), so the
    baseline is the way libkg projected before -- rows from SPARQL, pairs
    counted in Python -- with each pattern written in the order rdflib
    evaluates fastest.  Returns (nodes, edges).
    """
    from collections import defaultdict
    from itertools import combinations

    ns = dict(PREFIXES)
    members: dict[str, set[str]] = defaultdict(set)
    info: dict[str, tuple[str, str]] = {}
    for prop in ("schema:organizer", "schema:attendee"):
        # one group per pattern: rdflib then joins in this order instead of starting from the rdf:type scans
        q = f"""SELECT ?e ?o ?s ?l WHERE {{ {{ ?e {prop} ?o }} {{ ?o a lkg:Organization }} {{ ?e a lkg:Event }}
                OPTIONAL {{ ?e schema:startDate ?s }} OPTIONAL {{ ?e skos:prefLabel ?l }} }}"""
        for e, o, s, lbl in g.query(q, initNs=ns):
            members[str(e)].add(str(o))
            info[str(e)] = (str(s or ""), str(lbl or ""))
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for e, orgs in members.items():
        for a, b in combinations(sorted(orgs), 2):
            pairs[a, b].append(e)
    nodes = {o for orgs in members.values() for o in orgs}
    return len(nodes), sum(1 for evs in pairs.values() if len(evs) >= min_weight)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--orgs", type=int, default=400)
    ap.add_argument("--persons", type=int, default=600)
    ap.add_argument("--places", type=int, default=200)
    ap.add_argument("--baseline", type=int, default=1_000,
                    help="events in the rdflib baseline subset (0: skip); rdflib needs about a minute per 1,000")
    args = ap.parse_args(argv)
    rows: list[tuple[str, str]] = []

    def row(name: str, value: str) -> None:
        rows.append((name, value))
        print(f"  {name:<52} {value}", file=sys.stderr, flush=True)

    t = time.perf_counter()
    quads = synthetic_quads(args.events, args.orgs, args.persons, args.places)
    row("generate triples", f"{time.perf_counter() - t:7.2f} s  ({len(quads):,} triples)")
    t = time.perf_counter()
    st = load_store(quads)
    row("load into EmbeddedStore (memory)", f"{time.perf_counter() - t:7.2f} s")

    t = time.perf_counter()
    g = institutions(st)
    full = time.perf_counter() - t
    row(f"institutions(), {args.events:,} events (Oxigraph)",
        f"{full:7.2f} s  ({g.number_of_nodes()} nodes, {g.number_of_edges():,} edges)")
    t = time.perf_counter()
    gf = institutions(st, date_from="2020-01-01", date_to="2021-12-31", kinds=["Conference", "Workshop"],
                      province="Lào Cai", min_weight=2)
    row("institutions(), window + 2 kinds + province + min 2", f"{time.perf_counter() - t:7.2f} s  "
        f"({gf.number_of_nodes()} nodes, {gf.number_of_edges():,} edges)")

    if args.baseline:
        sub = [q for q in quads if not q.graph_name.value.startswith(BASE + "graph/article/a")
               or int(q.graph_name.value.rsplit("a", 1)[1]) < (args.baseline + 999) // 1000]
        sub_store = load_store(sub)
        t = time.perf_counter()
        gs = institutions(sub_store)
        ox_small = time.perf_counter() - t
        row(f"institutions(), {args.baseline:,} events (Oxigraph)",
            f"{ox_small:7.2f} s  ({gs.number_of_nodes()} nodes, {gs.number_of_edges():,} edges)")
        t = time.perf_counter()
        rg = rdflib_graph(sub)
        row(f"load {args.baseline:,} events into rdflib Graph", f"{time.perf_counter() - t:7.2f} s")
        t = time.perf_counter()
        nodes, edges = rdflib_institutions(rg)
        rd = time.perf_counter() - t
        row(f"same projection, {args.baseline:,} events (rdflib SPARQL)", f"{rd:7.2f} s  ({nodes} nodes, {edges:,} edges)")
        row(f"speed-up over rdflib at {args.baseline:,} events", f"{rd / ox_small:7.1f} x")
        row(f"rdflib extrapolated to {args.events:,} events (linear)",
            f"{rd * args.events / args.baseline:7.1f} s  (vs {full:.1f} s)")
        assert (nodes, edges) == (gs.number_of_nodes(), gs.number_of_edges()), "engines disagree"

    print("\n| measurement | figure |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value.strip()} |")
    target = "met" if full < 60 else "MISSED"
    print(f"\ntarget (< 60 s for {args.events:,} events): {target}")
    return 0 if full < 60 else 1


if __name__ == "__main__":
    raise SystemExit(main())
