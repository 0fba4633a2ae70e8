"""Identity for a whole ingest run, decided once, after every article of the run is extracted.

Resolving article by article against the store makes a big ingest slow
twice over: each batch reads back the registry of every name it mentions
(a name that recurs in thousands of articles is read thousands of times),
and when a later article changes an earlier decision -- a second person of
the same name appears -- the articles already written must be rewritten.
A run therefore works in two passes (see :mod:`libkg.ingest`):

1. every article is extracted and its graph built with *local* identity
   (each name is the person of that name, ``Minter.person(key)``); only its
   :class:`~libkg.resolve.persons.Mention` records stay in memory
   (:meth:`RunIdentity.add`);
2. the ingest layer reads the registry of the run's names from the store
   once (:func:`libkg.ingest.write.decide_run`); :meth:`RunIdentity.decide`
   clusters those stored mentions and the new ones together, and says for
   each new article which local person IRIs to rewrite
   (:meth:`RunIdentity.substitutions`), which stored articles to rename
   (:attr:`RunIdentity.stored_renames`), and the names whose identity graph
   to write (:meth:`RunIdentity.identity_clusters`).

The decisions are a function of the set of articles in the store, whatever
their order.  This module never reads or writes a store: it is given the
stored mentions and returns decisions as data.

Example
-------
>>> from libkg.resolve.persons import Mention
>>> run = RunIdentity("https://example.org/")
>>> run.add("a1", [Mention("lê hà", "a1", "2024-01-02", frozenset({"org:x"}))])
>>> run.add("a2", [Mention("lê hà", "a2", "2024-03-04", frozenset({"org:y", "prov:vn-34/01"}))])
>>> run.decide({})  # an empty store: no stored mentions

Two persons named Lê Hà (no shared evidence), so each gets a disambiguated
IRI, and each article's local ``<…/person/le-ha-…>`` is rewritten:

>>> run.person("lê hà", "a1") != run.person("lê hà", "a2") != run.m.person("lê hà")
True
>>> old, new = run.substitutions("a2")[0]
>>> (old, new) == (f"<{run.m.person('lê hà')}>", f"<{run.person('lê hà', 'a2')}>")
True
>>> [(key, len(clusters)) for iri, key, clusters in run.identity_clusters()]  # for the identity graph
[('lê hà', 2)]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from rdflib import URIRef

from libkg.rdf.namespaces import data_base
from libkg.resolve.iris import Minter
from libkg.resolve.persons import Cluster, Mention, cluster
from libkg.resolve.resolver import assign_iris

__all__ = ["RunIdentity", "StoredMentions"]

StoredMentions = Mapping[tuple[str, str], tuple[Mention, URIRef]]
"""Registry entries read from a store: (name key, article id) -> (the mention, the IRI it resolved to)."""


class RunIdentity:
    """The identity decisions of one ingest run (see the module docstring)."""

    def __init__(self, base: str | None = None) -> None:
        self.base = data_base(base)
        self.m = Minter(self.base)
        self.mentions: list[Mention] = []
        self.ids: set[str] = set()
        self._anchors: dict[frozenset[str], frozenset[str]] = {}  # one copy of each anchor set
        self._final: dict[str, dict[str, URIRef]] = {}  # article -> key -> IRI, where not the local one
        self.stored_renames: dict[str, dict[URIRef, URIRef]] = {}  # stored article -> old IRI -> new
        self._clusters: dict[str, list[Cluster]] = {}
        self._keys: set[str] = set()

    def add(self, article_id: str, mentions: Iterable[Mention]) -> None:
        """Record one article's person mentions (a re-read article replaces its earlier mentions)."""
        self.ids.add(article_id)
        for x in mentions:
            anchors = self._anchors.setdefault(x.anchors, x.anchors)
            self.mentions.append(Mention(x.key, x.article, x.date, anchors) if anchors is not x.anchors else x)

    def keys(self) -> set[str]:
        """The folded person names this run mentions."""
        return {x.key for x in self.mentions}

    def decide(self, stored: StoredMentions) -> None:
        """Cluster this run's mentions with the stored ones, for every name involved.

        ``stored`` are the registry entries of the run's names and of the names
        its articles already in the store mentioned last time (a new version
        may drop one), as the ingest layer read them.
        """
        others = {k: v for k, v in stored.items() if k[1] not in self.ids}
        by_key, resolved = assign_iris(self.m, cluster([x for x, _ in others.values()] + self.mentions))
        for (key, aid), (_, old) in others.items():
            if resolved[(key, aid)] != old:
                self.stored_renames.setdefault(aid, {})[old] = resolved[(key, aid)]
        final: dict[str, dict[str, URIRef]] = defaultdict(dict)
        for x in self.mentions:
            iri = resolved[(x.key, x.article)]
            if iri != self.m.person(x.key):
                final[x.article][x.key] = iri
        self._final = dict(final)
        # identity graphs: names with several persons now, and names the store knew (their graph may go)
        self._keys = {k for k, cs in by_key.items() if len(cs) > 1} | {k for k, _ in stored}
        self._clusters = {k: by_key.get(k, []) for k in self._keys}

    def person(self, key: str, article_id: str) -> URIRef:
        """The IRI the mention of ``key`` in ``article_id`` resolves to."""
        return self._final.get(article_id, {}).get(key) or self.m.person(key)

    def persons(self, article_id: str, keys: Iterable[str]) -> dict[str, URIRef]:
        return {k: self.person(k, article_id) for k in keys}

    def substitutions(self, article_id: str) -> list[tuple[str, str]]:
        """Text replacements turning an article's locally-built statements into resolved ones.

        A person IRI and the prefix of the IRIs of its positions (which live
        under the person's), both in N-Triples form; empty for most articles.
        """
        out = []
        for key, iri in sorted(self._final.get(article_id, {}).items()):
            local = self.m.person(key)
            out.append((f"<{local}>", f"<{iri}>"))
            out.append((f"<{self.m.position_prefix(local)}", f"<{self.m.position_prefix(iri)}"))
        return out

    def identity_clusters(self) -> list[tuple[str, str, list[Cluster]]]:
        """(graph IRI, name key, clusters) for each name whose identity graph must be written.

        Names with several persons now, and names the store knew (their graph
        may have to go: one cluster makes an empty graph).
        """
        return [(str(self.m.identity_graph(k)), k, self._clusters[k]) for k in sorted(self._keys)]
