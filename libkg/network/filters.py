"""Which events a projection looks at: a time window, event kinds, a province.

Every projection of :mod:`libkg.network` selects its events with the same
:class:`EventFilter`, rendered as a SPARQL group pattern binding ``?e`` so the
store does the selecting (and the joining and counting after it) instead of
Python.  Names are resolved against the vocabularies and the store *before*
the query runs, so a typo in a kind or province is an error, not an empty
network.

>>> f = EventFilter(date_from="2023", kinds=("Conference",))
>>> "event-kind/Conference" in f.pattern(None)
True
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Literal

from libkg.normalize import fold_place, match_names, name_key, typed_date
from libkg.store.base import Store

__all__ = ["EventFilter", "date_in_window", "iri_term", "literal_term", "resolve_event_kinds", "resolve_places",
           "rows", "window_filter"]


def iri_term(iri: str) -> str:
    """``<iri>`` for SPARQL; refuses characters that would break out of the term."""
    if any(c in iri for c in '<>"{}|^`\\ \n\t'):
        raise ValueError(f"not an IRI: {iri!r}")
    return f"<{iri}>"


def literal_term(value: str) -> str:
    """A plain SPARQL string literal, escaped (values are never pasted raw into queries)."""
    return Literal(value).n3()


def is_iri(text: str) -> bool:
    """Whether a command-line value names a node by IRI rather than by label."""
    return text.startswith(("http://", "https://", "urn:"))


def kind_of(row: dict[str, str], default: str = "Other", label: str = "kind", iri: str = "kindIri") -> str:
    """A row's kind: the concept's English label, else its local name (vocabularies not loaded), else ``default``.

    >>> kind_of({"kindIri": "https://w3id.org/libkg/vocab/org-kind/Library"})
    'Library'
    """
    if label in row:
        return row[label]
    if iri in row:
        return row[iri].rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return default


def rows(store: Store, sparql: str) -> list[dict[str, str]]:
    """SELECT rows as ``{var: str}`` dicts (unbound variables left out), for projections.

    :meth:`~libkg.store.base.Store.select_values`: on the embedded store the
    query goes straight to pyoxigraph, without making rdflib terms, which
    cost five times the query itself on large networks (see
    ``scripts/bench_network.py``); projections only need the strings.
    """
    return store.select_values(sparql)


def window_filter(var: str, date_from: str | None, date_to: str | None, end_var: str | None = None) -> str:
    """A SPARQL FILTER keeping dates in ``[date_from, date_to]``, compared at the coarser precision.

    Dates in the graph are xsd:date, xsd:gYearMonth or xsd:gYear; an event
    dated "2023-07" overlaps a window starting 2023-07-15, so both sides are
    cut to the shorter length before comparing (plain string order is ISO
    order).  ``end_var`` (optional) is the interval's end for the lower bound.
    """
    parts = []
    date_from = typed_date(date_from) if date_from else None  # ValueError naming a typo such as 2023-13-01
    date_to = typed_date(date_to) if date_to else None
    if date_from:
        lo = f"COALESCE(STR(?{end_var}), STR(?{var}))" if end_var else f"STR(?{var})"
        b = literal_term(date_from)
        parts.append(f"SUBSTR({lo}, 1, STRLEN({b})) >= SUBSTR({b}, 1, STRLEN({lo}))")
    if date_to:
        b = literal_term(date_to)
        parts.append(f"SUBSTR(STR(?{var}), 1, STRLEN({b})) <= SUBSTR({b}, 1, STRLEN(STR(?{var})))")
    return f"FILTER({' && '.join(parts)})" if parts else ""


def date_in_window(date: str, date_from: str | None, date_to: str | None) -> bool:
    """The Python twin of :func:`window_filter`, for dates already fetched.

    >>> date_in_window("2023-07", "2023-07-15", None), date_in_window("2022", "2023", None)
    (True, False)
    """
    if date_from:
        n = min(len(date), len(date_from))
        if date[:n] < date_from[:n]:
            return False
    if date_to:
        n = min(len(date), len(date_to))
        if date[:n] > date_to[:n]:
            return False
    return True


def resolve_event_kinds(kinds: tuple[str, ...] | list[str]) -> list[str]:
    """Event-kind concept IRIs for names ("Conference"), Vietnamese labels ("hội nghị") or IRIs.

    >>> resolve_event_kinds(["hội nghị"])
    ['https://w3id.org/libkg/vocab/event-kind/Conference']
    """
    from libkg.vocab import event_kind_named, event_kind_names

    out = []
    for k in kinds:
        if is_iri(k):
            out.append(k)
            continue
        c = event_kind_named(k)
        if c is None:
            raise ValueError(f"unknown event kind {k!r} (use one of {event_kind_names()})")
        out.append(str(c))
    return out


def resolve_places(store: Store, name: str) -> list[str]:
    """IRIs of the places called ``name``, or ``[name]`` for an IRI.

    Any label of a place is matched by :func:`libkg.normalize.match_names` ("tỉnh"/"TP."
    dropped, tone placement, case and then diacritics ignored: "Lao Cai" is Lào Cai).

    Raises ``LookupError`` when nothing matches, so a misspelt province is
    reported instead of silently giving an empty network.
    """
    if is_iri(name):
        return [name]
    q = """SELECT DISTINCT ?p ?l WHERE { ?p a lkg:Place . { ?p rdfs:label ?l } UNION { ?p skos:prefLabel ?l } }"""
    labelled = [(r["p"], r["l"]) for r in rows(store, q) if "l" in r]
    hits = match_names(name, labelled, fold_place)
    if not hits:
        raise LookupError(f"no place is called {name!r} in the store{_closest(name, [lbl for _, lbl in labelled])}")
    return hits


def _closest(name: str, labels: list[str]) -> str:
    """`` (did you mean 'Lào Cai'?)`` for the place labels closest to a misspelt name, or ``""``."""
    import difflib

    keys: dict[str, str] = {}
    for lbl in sorted(labels, key=lambda x: (-len(x), x)):  # the shortest label of a name is shown
        keys[name_key(fold_place(lbl))] = lbl
    close = difflib.get_close_matches(name_key(fold_place(name)), list(keys), n=3, cutoff=0.75)
    return f" (did you mean {' or '.join(repr(keys[c]) for c in close)}?)" if close else ""


def org_in_province(store: Store, var: str, province: str) -> str:
    """A pattern keeping organisations ``?var`` located in the province or named after it.

    Organisations rarely carry ``schema:location`` in news text, but their
    names do ("Thư viện tỉnh Lào Cai"), so the folded label is matched too.
    """
    places = _places_or_none(store, province)
    located = " ".join(iri_term(x) for x in places)
    alts = []
    if located:
        alts.append(f"{{ VALUES ?_prov {{ {located} }} ?{var} schema:location/lkg:within* ?_prov }}")
    if not is_iri(province):
        # the province's name as the places found spell it ("Lao Cai" typed: "lào cai"), else as typed
        names = sorted({fold_place(r["l"]) for r in rows(store, _PLACE_LABELS.replace("$P", located))
                        if "l" in r} if located else {fold_place(province)})
        test = " || ".join(f"CONTAINS(LCASE(STR(?_ol)), {literal_term(n)})" for n in names)
        alts.append(f"{{ ?{var} skos:prefLabel ?_ol FILTER({test}) }}")
    return "{ SELECT DISTINCT ?" + var + " WHERE { " + " UNION ".join(alts) + " } }" if alts else ""


_PLACE_LABELS = "SELECT DISTINCT ?l WHERE { VALUES ?p { $P } ?p skos:prefLabel ?l }"


def _places_or_none(store: Store, province: str) -> list[str]:
    try:
        return resolve_places(store, province)
    except LookupError:
        return []


@dataclass(frozen=True)
class EventFilter:
    """The events a projection keeps.

    Parameters
    ----------
    date_from, date_to
        ISO dates (or ``YYYY-MM`` / ``YYYY``), inclusive; an event is kept when
        its interval overlaps the window.  Events without a date are dropped
        when a window is given.
    kinds
        Event kinds (local names, Vietnamese labels or IRIs); any of them.
    province
        A place name or IRI; events located in it or in a place ``lkg:within``
        it (transitively) are kept.
    """

    date_from: str | None = None
    date_to: str | None = None
    kinds: tuple[str, ...] = field(default_factory=tuple)
    province: str | None = None

    def is_empty(self) -> bool:
        return not (self.date_from or self.date_to or self.kinds or self.province)

    def pattern(self, store: Store | None, var: str = "e") -> str:
        """A group pattern binding ``?{var}`` to the kept events (place names resolved in ``store``)."""
        p = [f"?{var} a lkg:Event ."]
        if self.kinds:
            vals = " ".join(iri_term(k) for k in resolve_event_kinds(self.kinds))
            p.append(f"VALUES ?_kind {{ {vals} }} ?{var} lkg:eventKind ?_kind .")
        if self.province:
            if store is None:
                raise ValueError(f"the province filter {self.province!r} needs a store to resolve its name")
            vals = " ".join(iri_term(x) for x in resolve_places(store, self.province))
            p.append(f"VALUES ?_prov {{ {vals} }} ?{var} schema:location ?_loc . ?_loc lkg:within* ?_prov .")
        if self.date_from or self.date_to:
            p.append(f"?{var} schema:startDate ?_start . OPTIONAL {{ ?{var} schema:endDate ?_end }}")
            p.append(window_filter("_start", self.date_from, self.date_to, end_var="_end"))
        return "\n  ".join(p)

    def events_subquery(self, store: Store | None, var: str = "e") -> str:
        """``{ SELECT DISTINCT ?e WHERE { ... } }``: the kept events, computed once before any join."""
        return f"{{ SELECT DISTINCT ?{var} WHERE {{\n  {self.pattern(store, var)}\n}} }}"
