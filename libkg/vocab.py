"""The SKOS vocabularies of ``ontology/vocab/``: roles, event, organisation and place kinds.

The extractor reads its trigger words from these files and the graph builder
maps what it read to concept IRIs, so both agree on one list that lives in
Turtle, not in Python.  Each file is parsed once per process.

Example
-------
>>> str(roles().lookup("PGĐ"))
'https://w3id.org/libkg/vocab/role/DeputyDirector'
>>> str(event_kinds().concept("Conference"))
'https://w3id.org/libkg/vocab/event-kind/Conference'
>>> roles().pref_label(roles().concept("Director"), "en")
'Director'
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SKOS

from libkg.normalize import ascii_fold, fold
from libkg.rdf.namespaces import EVENT_KIND, LKG, ORG_KIND, PLACE_KIND, ROLE
from libkg.resources import ontology_dir

_WORD = re.compile(r"\w+")


def _key(text: str) -> str:
    """Comparison key of a label: folded, punctuation dropped ("TP." == "tp")."""
    return " ".join(_WORD.findall(fold(text)))


class Vocabulary:
    """One SKOS concept scheme, with lookups by local name and by label.

    Lookups by label fold the text (case, tone placement, spacing, punctuation)
    and fall back to the form without diacritics only where that form is
    unambiguous, so "giam doc" still finds Director but never a wrong role.
    """

    def __init__(self, filename: str, namespace: Namespace) -> None:
        self.filename = filename
        self.namespace = namespace
        self.graph = Graph()
        self.graph.parse(ontology_dir() / "vocab" / filename, format="turtle")

    @cached_property
    def concepts(self) -> list[URIRef]:
        """The concepts of the scheme that are not role families, sorted by IRI."""
        out = []
        for c in set(self.graph.subjects(RDF.type, SKOS.Concept)):
            if isinstance(c, URIRef) and (c, RDF.type, LKG.RoleFamily) not in self.graph:
                out.append(c)
        return sorted(out)

    def concept(self, local_name: str) -> URIRef:
        """The concept with this local name (case-insensitive), e.g. ``"Conference"``.

        Raises ``KeyError`` for an unknown name, so typos in kind names surface.
        """
        c = self._by_local.get(local_name.lower())
        if c is None:
            raise KeyError(f"{local_name!r} is not a concept of {self.filename}")
        return c

    def get(self, local_name: str | None, default: str = "Other") -> URIRef:
        """Like :meth:`concept` but an unknown or empty name gives the ``default`` concept."""
        return self._by_local.get((local_name or "").lower()) or self.concept(default)

    def local_name(self, concept: URIRef) -> str:
        return str(concept)[len(str(self.namespace)):]

    def labels(self, concept: URIRef, lang: str | None = "vi", hidden: bool = False) -> list[str]:
        """prefLabel first, then altLabels (and hiddenLabels if asked), in ``lang`` (None: all)."""
        preds = [SKOS.prefLabel, SKOS.altLabel] + ([SKOS.hiddenLabel] if hidden else [])
        out: list[str] = []
        for p in preds:
            vals = sorted(str(o) for o in self.graph.objects(concept, p)
                          if isinstance(o, Literal) and (lang is None or o.language == lang))
            out.extend(v for v in vals if v not in out)
        return out

    def pref_label(self, concept: URIRef, lang: str = "vi") -> str | None:
        for o in self.graph.objects(concept, SKOS.prefLabel):
            if isinstance(o, Literal) and o.language == lang:
                return str(o)
        return None

    def lookup(self, label: str) -> URIRef | None:
        """The concept one of whose labels equals ``label`` after folding, or None."""
        k = _key(label)
        return self._by_label.get(k) or self._by_ascii.get(ascii_fold(k))

    def lookup_prefix(self, label: str) -> URIRef | None:
        """The concept whose label is the longest word-prefix of ``label``.

        "Trưởng phòng Nghiệp vụ" gives Trưởng phòng; an exact match wins.  If no
        label starts the text, one leading qualifier word is skipped ("nguyên
        Giám đốc" gives Giám đốc).
        """
        words = _key(label).split()
        for skip in (0, 1):
            rest = words[skip:]
            for n in range(len(rest), 0, -1):
                c = self._by_label.get(" ".join(rest[:n]))
                if c is not None:
                    return c
        return None

    @cached_property
    def _by_local(self) -> dict[str, URIRef]:
        return {self.local_name(c).lower(): c for c in self.concepts}

    @cached_property
    def _by_label(self) -> dict[str, URIRef]:
        out: dict[str, URIRef] = {}
        for c in self.concepts:
            for lbl in self.labels(c, lang=None):
                out.setdefault(_key(lbl), c)
        return out

    @cached_property
    def _by_ascii(self) -> dict[str, URIRef]:
        seen: dict[str, set[URIRef]] = {}
        for c in self.concepts:
            for lbl in self.labels(c, lang="vi", hidden=True):
                seen.setdefault(ascii_fold(_key(lbl)), set()).add(c)
        return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


@lru_cache(maxsize=1)
def roles() -> Vocabulary:
    """Roles held in organisations (``ontology/vocab/roles.ttl``)."""
    return Vocabulary("roles.ttl", ROLE)


@lru_cache(maxsize=1)
def event_kinds() -> Vocabulary:
    """Kinds of event (``ontology/vocab/event-kinds.ttl``)."""
    return Vocabulary("event-kinds.ttl", EVENT_KIND)


def event_kind_named(value: str) -> URIRef | None:
    """The event-kind concept a person names: its local name ("Conference"), or a label in any case,
    with or without diacritics ("hội nghị", "hoi nghi", "book donation"); None when none is called so.

    >>> str(event_kind_named("hoi nghi"))
    'https://w3id.org/libkg/vocab/event-kind/Conference'
    """
    v = event_kinds()
    try:
        return v.concept(value)
    except KeyError:
        return v.lookup(value)


def event_kind_names() -> str:
    """The event kinds' local names, for an error message."""
    v = event_kinds()
    return ", ".join(v.local_name(x) for x in v.concepts)


@lru_cache(maxsize=1)
def org_kinds() -> Vocabulary:
    """Kinds of organisation (``ontology/vocab/org-kinds.ttl``)."""
    return Vocabulary("org-kinds.ttl", ORG_KIND)


@lru_cache(maxsize=1)
def place_kinds() -> Vocabulary:
    """Kinds of place (``ontology/vocab/place-kinds.ttl``)."""
    return Vocabulary("place-kinds.ttl", PLACE_KIND)


def role_for(label: str) -> URIRef | None:
    """The role concept for a role as written: exact (folded) label first, then longest prefix."""
    v = roles()
    return v.lookup(label) or v.lookup_prefix(label)


def event_kind(name: str | None) -> URIRef:
    """The event-kind concept for a kind name ("Conference"); unknown names give Other."""
    return event_kinds().get(name)


def org_kind_class(kind: URIRef) -> URIRef:
    """The OWL class organisations of this org-kind concept are typed with."""
    return _org_kind_class(org_kinds(), kind)


@lru_cache(maxsize=256)  # asked for every organisation of every article; the vocabulary is fixed
def _org_kind_class(vocab: Vocabulary, kind: URIRef) -> URIRef:
    cls = next(iter(vocab.graph.objects(kind, LKG.kindClass)), None)
    return cls if isinstance(cls, URIRef) else LKG.Organization


def trigger_words(vocab: Vocabulary, lang: str = "vi") -> dict[str, list[str]]:
    """Local name -> labels (pref first), the form the extractor matches text against.

    >>> trigger_words(event_kinds())["Exhibition"]
    ['triển lãm', 'trưng bày']
    """
    return {vocab.local_name(c): vocab.labels(c, lang) for c in vocab.concepts}


def vocab_graph() -> Graph:
    """All vocabularies in one graph (a fresh copy), e.g. to load into the store."""
    g = Graph()
    for v in (roles(), event_kinds(), org_kinds(), place_kinds()):
        for t in v.graph:
            g.add(t)
    return g
