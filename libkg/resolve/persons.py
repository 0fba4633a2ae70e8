"""Persons: when two mentions of the same name are one person.

Vietnamese names repeat, so a name alone never merges two mentions.  Each
article's mention of a person (one per folded name per article: "Thuý" and
"Thúy" in one article are one mention) carries *anchors* read from that
article:

* ``org:<key>``   -- an organisation the person holds a post at (canonical key);
* ``prov:<unit>`` -- the province of such an organisation (gazetteer unit);
* ``role:<family>`` -- the role family of a post (Director-family covers
  Phó Giám đốc, Phó Giám đốc phụ trách and Giám đốc, so promotions keep it);
* ``ctx:<unit>``  -- for a mention without any post: the provinces the article
  names, the only context it gives.

Two mentions of one folded name are linked when they share an organisation
or a province; a shared role family links them too unless their provinces
conflict (both known, none shared); context provinces link only a mention
that has no anchor of its own.  Persons are the connected components of
these links (so d18 naming Trịnh Minh Đức at his faculty and at the
Association joins his faculty-only and Association-only mentions).
Components of one name that stay apart are *possibly the same*: they get an
``lkg:possiblySameAs`` link with a score (see :func:`hypothesis`).

The IRI of a person is ``{base}id/person/{slug}-{hash(key)}`` while it is
the only component of its name, else ``{slug}-{hash(key, first article)}``,
where the first article is the earliest mention of the component (by
publication date, then id).  Either way it depends only on the set of
articles, not on the order they were read in, and an article joining an
existing person never changes it.  It changes only when a second person of
the same name appears or disappears, when evidence joins two components,
or when an article older than all of a split name's mentions is added.

>>> a = Mention("lù thị mai", "d17", "2023-04-18", frozenset({"org:thư viện hà giang", "role:Director-family"}))
>>> b = Mention("lù thị mai", "d22", "2024-02-29", frozenset({"org:thư viện hà giang"}))
>>> c = Mention("lù thị mai", "x9", "2024-01-01", frozenset({"org:trường tiểu học a", "prov:vn-63/01"}))
>>> [len(k.mentions) for k in cluster([a, b, c])]
[2, 1]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import URIRef
from rdflib.namespace import SKOS

__all__ = ["Cluster", "Mention", "cluster", "hypothesis", "link_reason", "role_families"]


@dataclass(frozen=True, order=True, slots=True)
class Mention:
    """One article's mention of one folded name, with the anchors identity compares."""

    key: str
    article: str
    date: str  # the article's date, "" when unknown
    anchors: frozenset[str] = frozenset()

    def kind(self, prefix: str) -> frozenset[str]:
        return frozenset(a for a in self.anchors if a.startswith(prefix + ":"))

    @property
    def order(self) -> tuple[str, str]:
        """Earliest first; undated mentions after dated ones."""
        return (self.date or "9999", self.article)

    @property
    def own(self) -> frozenset[str]:
        """Anchors from the person's own posts (not the article's context)."""
        return frozenset(a for a in self.anchors if not a.startswith("ctx:"))


@dataclass
class Cluster:
    """The mentions judged to be one person."""

    key: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def first(self) -> Mention:
        return min(self.mentions, key=lambda m: m.order)

    @property
    def anchors(self) -> frozenset[str]:
        return frozenset().union(*(m.anchors for m in self.mentions))


def _provinces(m: Mention) -> frozenset[str]:
    return frozenset(a.split(":", 1)[1] for a in m.kind("prov"))


def link_reason(a: Mention, b: Mention) -> str | None:
    """Why two mentions of one name are one person, or None when the evidence does not say so."""
    if a.key != b.key:
        return None
    shared = a.anchors & b.anchors
    if any(s.startswith("org:") for s in shared):
        return "shared organisation"
    if any(s.startswith("prov:") for s in shared):
        return "shared province"
    pa, pb = _provinces(a), _provinces(b)
    conflict = bool(pa and pb and not pa & pb)
    if any(s.startswith("role:") for s in shared) and not conflict:
        return "shared role family"
    if not a.own or not b.own:
        ca = pa | frozenset(x.split(":", 1)[1] for x in a.kind("ctx"))
        cb = pb | frozenset(x.split(":", 1)[1] for x in b.kind("ctx"))
        if ca & cb:
            return "shared province (article context)"
    return None


def cluster(mentions: Iterable[Mention]) -> list[Cluster]:
    """Connected components of :func:`link_reason`, per name key, in a deterministic order.

    Linear in the mentions, not quadratic: a name that recurs in thousands of
    articles must not cost millions of comparisons.  Each rule of
    :func:`link_reason` is a bucket of mentions sharing one anchor:

    * an ``org:`` or ``prov:`` anchor links every mention that has it;
    * a ``role:`` anchor links every mention that has it as soon as one of
      them has no province (no conflict is possible with that one, and the
      others reach each other through it); two with provinces link only
      through a shared province, which the ``prov:`` bucket already did;
    * a province in a mention's provinces or context links every mention
      with that province in its own, as soon as one of them has no anchor
      of its own.
    """
    ms = sorted(set(mentions), key=lambda m: (m.key, m.order))
    parent = list(range(len(ms)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(members: list[int]) -> None:
        root = find(members[0])
        for j in members[1:]:
            r = find(j)
            if r != root:
                parent[r] = root

    buckets: dict[tuple[str, str], list[int]] = {}
    for i, m in enumerate(ms):
        provinces = _provinces(m)
        own = bool(m.own)
        for a in m.anchors:
            kind = a.split(":", 1)[0]
            if kind in ("org", "prov"):
                buckets.setdefault((m.key, a), []).append(i)
            elif kind == "role":
                buckets.setdefault((m.key, a), []).append(i)
                if not provinces:
                    buckets.setdefault((m.key, "free:" + a), [])
        for p in provinces | frozenset(x.split(":", 1)[1] for x in m.kind("ctx")):
            buckets.setdefault((m.key, "area:" + p), []).append(i)
            if not own:
                buckets.setdefault((m.key, "free:area:" + p), [])
    for (key, anchor), members in buckets.items():
        if anchor.startswith("free:"):
            continue
        if anchor.startswith(("org:", "prov:")) or (key, "free:" + anchor) in buckets:
            join(members)
    groups: dict[int, Cluster] = {}
    for i, m in enumerate(ms):
        groups.setdefault(find(i), Cluster(m.key)).mentions.append(m)
    return sorted(groups.values(), key=lambda c: (c.key, c.first.order))


def hypothesis(a: Cluster, b: Cluster) -> tuple[float, str]:
    """Score in (0, 1) and reason for "a and b may be the same person" (same name, no link).

    A prior for a reviewer, not a probability: 0.5 for the shared folded
    name, +0.2 when they share a role family, -0.3 when both have provinces
    and none is shared.
    """
    score, why = 0.5, ["same folded name"]
    fam = {x for x in a.anchors & b.anchors if x.startswith("role:")}
    if fam:
        score += 0.2
        why.append("shared role family " + ", ".join(sorted(f[5:] for f in fam)))
    pa = frozenset().union(*(_provinces(m) for m in a.mentions))
    pb = frozenset().union(*(_provinces(m) for m in b.mentions))
    if pa and pb and not pa & pb:
        score -= 0.3
        why.append("different provinces")
    elif not (a.anchors - {x for x in a.anchors if x.startswith("ctx:")}) or \
            not (b.anchors - {x for x in b.anchors if x.startswith("ctx:")}):
        why.append("one has no post to compare")
    else:
        why.append("no shared organisation or province")
    return round(min(0.95, max(0.05, score)), 2), "; ".join(why)


@lru_cache(maxsize=1024)
def role_families(role_label: str) -> tuple[str, ...]:
    """Local names of the role families a role as written belongs to ("Phó Giám đốc" -> Director-family)."""
    from libkg.vocab import roles

    v = roles()
    concept = v.lookup(role_label) or v.lookup_prefix(role_label)
    if concept is None:
        return ()
    out = set()
    todo, seen = [concept], set()
    while todo:
        c = todo.pop()
        if c in seen:
            continue
        seen.add(c)
        local = v.local_name(c)
        if local.endswith("-family"):
            out.add(local)
        todo.extend(b for b in v.graph.objects(c, SKOS.broader) if isinstance(b, URIRef))  # concepts: IRIs
    return tuple(sorted(out))
