"""The triples of one article: its facts, for the article's named graph, and its evidence.

The evidence -- where each fact was read -- is W3C Web Annotation, one
``oa:Annotation`` per sentence that states facts (:func:`evidence_triples`), in
the article's evidence graph, which stays out of the store's union.

Which node a name is comes from an identity object of :mod:`libkg.resolve`
(:class:`~libkg.resolve.resolver.ArticleIdentity`): by default the article
alone decides (each person is "first seen here"); ingest passes the decision
taken against the whole store.  The article's person mentions (the identity
registry) come from :func:`libkg.rdf.identity.mention_triples`.  Classes and vocabulary concepts come from the
``ontology/`` files.  The result depends only on the facts and the identity
decisions, not on their order, so re-ingesting an article gives the same
graph.  See ``ontology/libkg.ttl`` for the modelling conventions.

Example
-------
>>> from libkg.extract.facts import Facts, Person
>>> from libkg.read.article import Article
>>> art = Article(id="a1", text="Bà Kiều Thúy Nga phát biểu.", published="2024-05-03")
>>> g = facts_to_graph(art, Facts("a1", persons=[Person("Kiều Thúy Nga")]), base="https://example.org/")
>>> len(g) > 5
True
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urlsplit

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG as _ORG
from rdflib.namespace import PROV as _PROV
from rdflib.namespace import RDF as _RDF
from rdflib.namespace import RDFS as _RDFS
from rdflib.namespace import SKOS as _SKOS
from rdflib.namespace import XSD

from libkg.extract.facts import Event, Evidence, Facts, Organization, Person, Place, Position
from libkg.extract.lexicon import head_kind
from libkg.normalize import fold, nfc, squash
from libkg.rdf.identity import mention_triples
from libkg.rdf.literals import date_literal, plain_literal
from libkg.rdf.namespaces import LKG as _LKG
from libkg.rdf.namespaces import OA as _OA
from libkg.rdf.namespaces import SCHEMA as _SCHEMA
from libkg.rdf.namespaces import TermCache, bind_prefixes
from libkg.rdf.ontology import asserted_types, ontology
from libkg.read.article import Article
from libkg.resolve.iris import Minter, label_key, org_key, person_key
from libkg.resolve.keys import new_tone
from libkg.resolve.organizations import is_subunit, org_display
from libkg.resolve.places import PlaceRef
from libkg.resolve.resolver import ArticleIdentity, local_identity
from libkg.vocab import event_kind, event_kinds, org_kind_class, org_kinds, place_kinds, roles

__all__ = ["ArticleTriples", "facts_to_graph", "facts_to_triples", "text_iri"]


ORG, PROV, RDF = TermCache(_ORG), TermCache(_PROV), TermCache(_RDF)
RDFS, SKOS = TermCache(_RDFS), TermCache(_SKOS)
LKG, SCHEMA, OA = TermCache(_LKG), TermCache(_SCHEMA), TermCache(_OA)

@lru_cache(maxsize=1024)
def _site_url(host: str) -> Literal:
    """The home page of a publishing site, made once per site (every article of the site names it)."""
    return Literal(f"https://{host}/", datatype=XSD.anyURI)


def facts_to_graph(article: Article, facts: Facts, base: str | None = None,
                   identity: ArticleIdentity | None = None, evidence: bool = False) -> Graph:
    """All triples read from ``article``, to be stored in its named graph (with ``evidence``, its
    evidence graph's triples too, for a look at both together).

    Parameters
    ----------
    article
        The article the facts were read from (id, url, date, title, text for evidence).
    facts
        What the extractor found; ``facts.article_id`` should equal ``article.id``.
    base
        Data base IRI; default ``$LIBKG_BASE`` or ``https://w3id.org/libkg/``.
    identity
        The identity decisions for this article (person IRIs across articles,
        places at the article's date); default: the article alone.

    The facts are what the article says: no fact node is ``prov:wasDerivedFrom``
    the article (the graph is: :func:`libkg.rdf.provenance.activity_graph`), and no
    fact node carries its evidence: the annotations of the evidence graph have them
    as ``oa:hasBody`` (:class:`ArticleTriples`).  Names mentioned only in passing
    (an organiser, a parent organisation, a ``within`` place) still get a
    typed, labelled node so that the graph is valid on its own.
    """
    g = Graph()
    bind_prefixes(g)
    built = facts_to_triples(article, facts, base, identity)
    g.addN((s, p, o, g) for s, p, o in (built | built.evidence if evidence else built))
    return g


class ArticleTriples(set):
    """The triples of an article's graph (a plain set), with ``.evidence``: those of its evidence graph."""

    evidence: set[tuple]


def facts_to_triples(article: Article, facts: Facts, base: str | None = None,
                     identity: ArticleIdentity | None = None) -> ArticleTriples:
    """The triples of :func:`facts_to_graph` as a plain set of rdflib terms (no Graph: faster for ingest),
    and in ``.evidence`` the article's Web Annotations (for ``{base}graph/evidence/{id}``)."""
    if identity is None:
        identity = local_identity(article, facts, base)
    b = _Builder(article, facts, base, identity)
    out = ArticleTriples(b.build())
    out.evidence = b.evidence_triples()
    return out


def text_iri(article_iri: URIRef) -> URIRef:
    """The text of an article as libkg read it (``{article}/text``): what evidence offsets index."""
    return URIRef(f"{article_iri}/text")


def text_digest(text: str) -> Literal:
    """``sha256:<hex>`` of the UTF-8 text: pins down which text the offsets refer to."""
    return plain_literal("sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest())


@lru_cache(maxsize=4096)
def _role(text: str) -> tuple[URIRef | None, str]:
    """The role concept of a role as written (None if the vocabulary lacks it) and its key.

    Exact (folded) label first, then the longest prefix; the key is the concept's
    local name for an exact match, else the folded text.  Cached: a handful of
    roles recur in every article, and the vocabulary is fixed.
    """
    exact = roles().lookup(text)
    role = exact or roles().lookup_prefix(text)
    return role, (roles().local_name(exact) if exact else label_key(text))


def _pick_pref(forms: set[str]) -> str:
    # deterministic: the new tone placement ("Thúy") wins, then alphabetical order
    return sorted(forms, key=lambda f: (fold(f) != squash(f), f))[0]


@lru_cache(maxsize=65536)
def person_display(name: str) -> str:
    """One display form for every spelling of a name: new tone placement, each word capitalised
    when the text shouted or whispered it ("HOÀNG THỊ THUÝ" -> "Hoàng Thị Thúy").

    It is the person's skos:prefLabel in every article, so the union graph has one.
    """
    s = " ".join(new_tone(nfc(name)).split())
    if s.isupper() or s.islower():
        s = " ".join(w[:1].upper() + w[1:].lower() for w in s.split())
    return s


_FORMER_PREFIXES = ("nguyên ",)
_TYPE = RDF.type
_OFFSET = XSD.integer  # Oxigraph stores xsd:nonNegativeInteger as xsd:integer: write what is read back
_TRUE = Literal(True)  # "true"^^xsd:boolean


class _Builder:
    def __init__(self, article: Article, facts: Facts, base: str | None, identity: ArticleIdentity) -> None:
        self.article = article
        self.facts = facts
        self.aid = facts.article_id or article.id
        self.m = Minter(base)
        self.ident = identity
        self.src = self.m.article(self.aid)
        self.t: set[tuple] = set()  # the triples (a plain set: rdflib's Memory store is slow to fill)
        self._typed: set[tuple[URIRef, URIRef]] = set()
        self._sentences: dict[tuple, tuple[int, int]] = {}  # (start, end, sentence) -> the sentence's span
        self.annotations: dict[tuple[int, int], tuple[str, set[URIRef]]] = {}  # span -> (sentence, bodies)
        self.labels: dict[URIRef, set[str]] = defaultdict(set)
        self.pref: dict[URIRef, set[str]] = defaultdict(set)  # display names fixed by identity, not by forms
        self.events: dict[str, URIRef] = {}
        # names already written (their node, key, location, display name): a name recurs in
        # many facts of an article, and each later mention adds only its evidence
        self._persons: dict[str, URIRef] = {}
        self._orgs: dict[str, URIRef] = {}
        # the organisation each one is inside, as this article names it (scopes "phòng Nghiệp vụ")
        self._org_parent = {o.name: o.parent for o in facts.organizations if o.parent}
        self._org_names = {o.name for o in facts.organizations}
        self._places: dict[tuple[str, str | None, str | None], URIRef] = {}

    # ------------------------------------------------------------ helpers
    def add(self, s: URIRef, p: URIRef, o) -> None:
        if o is not None:
            self.t.add((s, p, o))

    def node(self, iri: URIRef, cls: URIRef, label: str | None, evidence: Iterable[Evidence] = ()) -> URIRef:
        t = self.t
        if (iri, cls) not in self._typed:  # the same triples every time: write them once
            self._typed.add((iri, cls))
            for c in asserted_types(cls):
                t.add((iri, _TYPE, c))
        if label and label.strip():
            self.labels[iri].add(nfc(label.strip()))
        self.add_evidence(iri, evidence)
        return iri

    def add_evidence(self, iri: URIRef, evidence: Iterable[Evidence]) -> None:
        """``iri`` was read in the sentences of ``evidence``: a body of each one's annotation."""
        for ev in evidence:
            span = self.sentence_span(ev)
            self.annotations[span][1].add(iri)

    def sentence_span(self, ev: Evidence) -> tuple[int, int]:
        """The offsets of the sentence an evidence span lies in, in the text as read.

        The extractor gives the mention's offsets and its sentence's text: the sentence is the
        occurrence of that text around the mention (else one it overlaps: a mention may run over a
        sentence's end); if it is not there verbatim, the mention itself.
        """
        key = (ev.start, ev.end, ev.sentence)
        span = self._sentences.get(key)
        if span is None:
            text, sentence, n = self.article.text, ev.sentence, len(ev.sentence)
            at = text.find(sentence, max(0, ev.end - n), ev.start + n) if sentence else -1  # around the mention
            if at < 0 and sentence:  # a mention running over the sentence's end: the sentence it starts in
                at = text.find(sentence, max(0, ev.start - n + 1), ev.end + n - 1)
            span = (at, at + n) if at >= 0 else (ev.start, ev.end)
            self._sentences[key] = span
            self.annotations.setdefault(span, (text[span[0]:span[1]], set()))
        return span

    def evidence_triples(self) -> set[tuple]:
        """The article's Web Annotations: one per sentence that states facts, its bodies the facts
        read there, its target the sentence in the text as read (quote and position selectors);
        that text with its digest, so every offset can be checked."""
        t: set[tuple] = set()
        if not self.annotations:
            return t
        text = text_iri(self.src)
        t.add((text, RDF.type, PROV.Entity))
        t.add((text, PROV.wasDerivedFrom, self.src))
        t.add((text, LKG.contentDigest, text_digest(self.article.text)))
        t.add((text, SCHEMA.text, plain_literal(self.article.text)))
        for (start, end), (sentence, bodies) in self.annotations.items():
            if not bodies:
                continue
            ann = self.m.evidence(self.aid, start, end)
            target, quote, where = URIRef(f"{ann}#target"), URIRef(f"{ann}#quote"), URIRef(f"{ann}#position")
            t.add((ann, RDF.type, OA.Annotation))
            t.add((ann, OA.motivatedBy, OA.describing))
            t.add((ann, OA.hasTarget, target))
            t.update((ann, OA.hasBody, b) for b in bodies)
            t.add((target, RDF.type, OA.SpecificResource))
            t.add((target, OA.hasSource, text))
            t.add((target, OA.hasSelector, quote))
            t.add((target, OA.hasSelector, where))
            t.add((quote, RDF.type, OA.TextQuoteSelector))
            t.add((quote, OA.exact, plain_literal(sentence)))
            t.add((where, RDF.type, OA.TextPositionSelector))
            t.add((where, OA.start, Literal(start, datatype=_OFFSET)))
            t.add((where, OA.end, Literal(end, datatype=_OFFSET)))
        return t

    def person(self, name: str, evidence: Iterable[Evidence] = ()) -> URIRef:
        iri = self._persons.get(name)
        if iri is None:
            iri = self._persons[name] = self.node(self.ident.person(name), LKG.Person, name)
            self.t.add((iri, LKG.nameKey, plain_literal(person_key(name))))
            self.pref[iri].add(person_display(name))
        self.add_evidence(iri, evidence)
        return iri

    def org(self, name: str, evidence: Iterable[Evidence] = ()) -> URIRef:
        iri = self._orgs.get(name)
        if iri is None:
            iri = self._orgs[name] = self.node(self.ident.org(name, self._org_parent.get(name)),
                                               LKG.Organization, name)
            self.t.add((iri, LKG.nameKey, plain_literal(org_key(name))))
            where = self.ident.org_location(name)
            if where is not None:
                self.t.add((iri, SCHEMA.location, self.place_ref(where, None)))
        self.add_evidence(iri, evidence)
        return iri

    def place(self, name: str, kind: str | None = None, within: str | None = None,
              evidence: Iterable[Evidence] = ()) -> URIRef:
        iri = self._places.get((name, kind, within))
        if iri is None:
            iri = self._places[name, kind, within] = self.place_ref(self.ident.place(name, kind, within), name)
        self.add_evidence(iri, evidence)
        return iri

    def place_ref(self, ref: PlaceRef, name: str | None, evidence: Iterable[Evidence] = ()) -> URIRef:
        """Write a resolved place: gazetteer units keep their one display name; others their forms."""
        cls = LKG.ProvincialUnit if ref.gazetteer and ref.kind in ("Province", "City") else LKG.Place
        iri = self.node(ref.iri, cls, name or ref.pref_label, evidence)
        if ref.pref_label:
            self.pref[iri].add(ref.pref_label)
        self.t.add((iri, LKG.placeKind, place_kinds().get(ref.kind)))
        if ref.within is not None and ref.within.iri != iri:
            outer = self.place_ref(ref.within, None)
            self.t.add((iri, LKG.within, outer))
        return iri

    def agent(self, name: str, default_person: bool) -> URIRef:
        """An organiser or participant: a person or organisation of this article, else the default."""
        pk, ok = person_key(name), org_key(name)
        if any(person_key(p.name) == pk for p in self.facts.persons):
            return self.person(name)
        if any(org_key(o.name) == ok for o in self.facts.organizations):
            return self.org(name)
        return self.person(name) if default_person else self.org(name)

    # -------------------------------------------------------------- facts
    def build(self) -> set[tuple]:
        self.article_node()
        for p in self.facts.persons:
            self.add_person(p)
        for o in self.facts.organizations:
            self.add_org(o)
        for pl in self.facts.places:
            self.add_place(pl)
        for pos in self.facts.positions:
            self.add_position(pos)
        for e in self.facts.events:
            self.events.setdefault(label_key(e.label), self.event_iri(e))
        for e in self.facts.events:
            self.add_event(e)
        self.write_labels()
        self.t.update(mention_triples(self.ident))
        return self.t

    def article_node(self) -> None:
        a, s = self.article, self.src
        self.t.add((s, RDF.type, SCHEMA.NewsArticle))
        self.t.add((s, RDF.type, PROV.Entity))
        self.t.add((s, SCHEMA.identifier, plain_literal(self.aid)))
        if a.url:
            self.t.add((s, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI)))
        self.add(s, SCHEMA.datePublished, date_literal(a.published))
        if a.title:
            self.t.add((s, SCHEMA.headline, Literal(nfc(a.title), lang=a.language or None)))
        if a.language:
            self.t.add((s, SCHEMA.inLanguage, plain_literal(a.language)))
        host = urlsplit(a.url).hostname if a.url else None
        if host:  # the publishing site: who stands behind the text
            pub = self.m.publisher(host.removeprefix("www."))
            self.t.add((s, SCHEMA.publisher, pub))
            self.t.add((pub, RDF.type, SCHEMA.Organization))
            self.t.add((pub, RDF.type, PROV.Agent))
            self.t.add((pub, RDFS.label, plain_literal(host.removeprefix("www."))))
            self.t.add((pub, SCHEMA.url, _site_url(host)))

    def add_person(self, p: Person) -> None:
        iri = self.person(p.name, p.evidence)
        if p.title:
            self.t.add((iri, SCHEMA.honorificPrefix, plain_literal(nfc(p.title))))

    def add_org(self, o: Organization) -> None:
        iri = self.org(o.name, o.evidence)
        self.add_kind(iri, o.kind)
        if o.parent and org_key(o.parent) != org_key(o.name):
            parent = self.org(o.parent)
            self.t.add((iri, ORG.subOrganizationOf, parent))
            if o.parent not in self._org_names:  # named only as the parent: its kind from its head word
                self.add_kind(parent, head_kind(o.parent))
        if o.province:
            self.t.add((iri, SCHEMA.location, self.place(o.province, "Province")))

    def add_kind(self, iri: URIRef, kind_name: str | None) -> None:
        """Type an organisation by its kind (a class and an lkg:orgKind concept); None: leave it."""
        if kind_name is None:
            return
        kind = org_kinds().get(kind_name)
        for t in asserted_types(org_kind_class(kind)):
            self.t.add((iri, RDF.type, t))
        self.t.add((iri, LKG.orgKind, kind))

    def add_place(self, pl: Place) -> None:
        self.place(pl.name, pl.kind, pl.within, pl.evidence)

    def add_position(self, pos: Position) -> None:
        """One node per (person, role, organisation); this article adds its dates to it.

        The date (the one the text states, else the article's) is an
        attestation for current/appointed/elected/retired statements, a start
        for appointed/elected (or a date the text states as the start: "từ ngày
        ..."), an end for retired; ``lkg:dateStated true`` when the text
        states it (:mod:`libkg.extract.tenure_dates`); a "former" ("nguyên")
        statement only says the post had ended by then (lkg:formerOn), and
        "nguyên" is not part of the role.
        """
        person = self.person(pos.person)
        text = nfc(pos.role).strip()
        if pos.status in ("former", "retired") and fold(text).startswith(_FORMER_PREFIXES):
            text = text.split(None, 1)[1] if " " in text else text
        role, role_key = _role(text)
        if role is None:  # a role the vocabulary lacks: a concept of the data
            role = self.m.role(text)
            self.t.add((role, RDF.type, SKOS.Concept))
            self.t.add((role, SKOS.prefLabel, Literal(text, lang="vi")))
            self.t.add((role, RDFS.label, Literal(text, lang="vi")))
        org = self.org(pos.organization) if pos.organization else None
        # a department's post is keyed by the department's node: two libraries' "phòng Nghiệp vụ" differ
        org_for_key = str(org) if org is not None and is_subunit(pos.organization or "") else pos.organization
        iri = self.node(self.m.position(person, role_key, org_for_key), LKG.Position, None, pos.evidence)
        self.t.add((iri, ORG.member, person))
        self.t.add((iri, ORG.role, role))
        self.t.add((iri, LKG.roleLabel, plain_literal(text)))
        if org is not None:
            self.t.add((iri, ORG.organization, org))
        when = date_literal(pos.date) or date_literal(self.article.published)
        if pos.status == "former":
            self.add(iri, LKG.formerOn, when)
        else:
            self.add(iri, LKG.attestedOn, when)
        if pos.status == "retired" or pos.date_kind == "end":
            self.add(iri, LKG.endDate, when)
        elif pos.status in ("appointed", "elected") or (pos.date_kind == "start" and pos.status != "former"):
            self.add(iri, LKG.startDate, when)
        if pos.date_stated and pos.date:  # the text states the date: not the publication day
            self.t.add((iri, LKG.dateStated, _TRUE))
        if pos.status:
            self.t.add((iri, LKG.status, plain_literal(pos.status)))
        if pos.term:
            self.t.add((iri, LKG["term"], plain_literal(pos.term)))

    def event_iri(self, e: Event) -> URIRef:
        kind = event_kinds().local_name(event_kind(e.kind))
        return self.m.event(self.aid, kind, e.start, e.label)

    def add_event(self, e: Event) -> None:
        iri = self.node(self.event_iri(e), LKG.Event, e.label, e.evidence)
        self.t.add((iri, LKG.eventKind, event_kind(e.kind)))
        self.add(iri, SCHEMA.startDate, date_literal(e.start))
        self.add(iri, SCHEMA.endDate, date_literal(e.end))
        if e.place:
            self.t.add((iri, SCHEMA.location, self.place(e.place)))
        for name in e.organizers:
            self.t.add((iri, SCHEMA.organizer, self.agent(name, default_person=False)))
        for name in e.participants:
            self.t.add((iri, SCHEMA.attendee, self.agent(name, default_person=True)))
        if e.parent and label_key(e.parent) != label_key(e.label):
            parent = self.events.get(label_key(e.parent))
            if parent is None:  # named but not extracted: a minimal event of kind Other
                parent = self.node(self.m.event(self.aid, "Other", None, e.parent), LKG.Event, e.parent)
                self.t.add((parent, LKG.eventKind, event_kind("Other")))
            self.t.add((parent, SCHEMA.subEvent, iri))
        if e.term:
            self.t.add((iri, LKG["term"], plain_literal(e.term)))
        for key, n in sorted(e.counts.items()):
            prop = LKG[f"{key.rstrip('s')}Count"]  # "participants" -> lkg:participantCount
            if (prop, RDF.type, None) in ontology():
                self.t.add((iri, prop, Literal(int(n), datatype=XSD.integer)))

    def write_labels(self) -> None:
        for iri, forms in self.labels.items():
            if self.pref.get(iri):
                pref = sorted(self.pref[iri])[0]
                forms = forms | {pref}
            elif (iri, RDF.type, LKG.Organization) in self.t:
                pref = _pick_pref({org_display(f) for f in forms})
            else:
                pref = _pick_pref(forms)
            self.t.add((iri, SKOS.prefLabel, plain_literal(pref)))
            for f in forms:
                self.t.add((iri, RDFS.label, plain_literal(f)))
                if f != pref:
                    self.t.add((iri, SKOS.altLabel, plain_literal(f)))
