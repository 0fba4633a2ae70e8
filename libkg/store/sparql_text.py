"""SPARQL text shared by the embedded and the remote store.

Both keep the default graph equal to the set union of the article graphs with
the same update patterns, and both bind query parameters the same way, so a
query gives the same rows on either.
"""

from __future__ import annotations

import re
from typing import Any

from rdflib import Literal
from rdflib.term import Node

from libkg.store.terms import to_ox

# remove from the union the triples of graph $G that no other named graph states
DROP_FROM_UNION = (
    "DELETE { ?s ?p ?o } WHERE { GRAPH $G { ?s ?p ?o } "
    "FILTER NOT EXISTS { GRAPH ?h { ?s ?p ?o } FILTER(?h != $G) } }"
)

# add the triples of graph $G to the union
COPY_TO_UNION = "INSERT { ?s ?p ?o } WHERE { GRAPH $G { ?s ?p ?o } }"

_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def inject_values(sparql: str, bindings: dict[str, Any]) -> str:
    """Bind ``bindings`` as a VALUES block of RDF terms at the start of the outer WHERE group."""
    names = " ".join("?" + k.lstrip("?$") for k in bindings)
    values = " ".join(str(to_ox(v if isinstance(v, Node) else Literal(v))) for v in bindings.values())
    m = _WHERE.search(sparql)
    if m is None:
        raise ValueError("bindings need a query with an explicit WHERE { ... } clause")
    return f"{sparql[:m.end()]} VALUES ({names}) {{ ({values}) }} {sparql[m.end():]}"
