"""A name a person typed -> the ``lkg:nameKey`` values the store holds, through libkg's one name matcher.

Persons, organisations and places carry their name folded as ``lkg:nameKey`` (tone
placement, case and titles already ignored), so a query finds "Hoàng Thị Thuý Hằng"
by one index lookup of the key computed from what was typed.  A key that no entity
carries ("hoang thi thuy hang" typed without diacritics, "thu vien dien bien" without
"tỉnh") is then matched against the keys of that kind of entity by
:func:`libkg.normalize.match_names` (read once per command, only on such a miss), and
the query runs with the stored key it names.

>>> from rdflib import Graph
>>> from libkg.store import EmbeddedStore
>>> ttl = '''@prefix lkg: <https://w3id.org/libkg/ontology#> .
... <urn:h> a lkg:Person ; lkg:nameKey "hoàng thị thúy hằng" .'''
>>> with EmbeddedStore() as st:
...     _ = st.replace_article("urn:g", Graph().parse(data=ttl, format="turtle"))
...     KeyIndex(st).resolve("hoang thi thuy hang", "lkg:Person")
['hoàng thị thúy hằng']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rdflib import Literal
from rdflib.term import Node

from libkg.normalize import match_names
from libkg.store.base import select_rows

if TYPE_CHECKING:
    from libkg.store.base import Store

__all__ = ["AmbiguousName", "KeyIndex", "KEY_CLASSES", "resolve_bindings"]

#: the class whose entities carry each kind of key (see libkg.query.library.KEYS)
KEY_CLASSES = {"personKey": "lkg:Person", "orgKey": "lkg:Organization", "placeKey": "lkg:Place"}
_NAME_SUFFIXES = {"person": "lkg:Person", "org": "lkg:Organization", "place": "lkg:Place"}

_HAS = "ASK WHERE { ?e lkg:nameKey ?k ; a $CLS }"
_KEYS = "SELECT DISTINCT ?k WHERE { ?e a $CLS ; lkg:nameKey ?k }"


class AmbiguousName(LookupError):
    """A name typed without its diacritics (or its "tỉnh") fits several different stored names."""


class KeyIndex:
    """The stored keys of each class, read when first needed."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._keys: dict[str, list[str]] = {}

    def keys(self, cls: str) -> list[str]:
        if cls not in self._keys:
            self._keys[cls] = [str(r.k) for r in select_rows(self.store.query(_KEYS.replace("$CLS", cls)))]
        return self._keys[cls]

    def resolve(self, key: str, cls: str) -> list[str]:
        """The stored keys ``key`` names: ``[key]`` when an entity of ``cls`` carries it, else its matches."""
        if not key or bool(self.store.query(_HAS.replace("$CLS", cls), bindings={"k": Literal(key)})):
            return [key]
        return match_names(key, ((k, k) for k in self.keys(cls)))


def _key_vars(query: Any) -> dict[str, str]:
    """SPARQL variable -> entity class, for every bound key the query's parameters make."""
    out = {}
    for p in getattr(query, "params", []):
        if p.kind in KEY_CLASSES:
            out[p.var] = KEY_CLASSES[p.kind]
        elif p.kind == "name":
            out.update({f"{p.var}_{suffix}": cls for suffix, cls in _NAME_SUFFIXES.items()})
    return out


def resolve_bindings(store: Store, query: Any, bindings: dict[str, Node]) -> dict[str, Node]:
    """``bindings`` with each key a name parameter made replaced by the stored key it names.

    A key nothing matches is left as it is (the query answers no rows); one that fits
    several stored names raises :class:`AmbiguousName` listing them, rather than
    answering for one picked at random.
    """
    wanted = _key_vars(query)
    out = dict(bindings)
    index = KeyIndex(store)
    for var, cls in wanted.items():
        term = out.get(var)
        if not isinstance(term, Literal):
            continue
        found = index.resolve(str(term), cls)
        if len(found) > 1:
            raise AmbiguousName(f"{str(term)!r} fits {len(found)} different names: {', '.join(found)}; "
                                f"type the name with its diacritics to choose")
        if found:
            out[var] = Literal(found[0])
    return out
