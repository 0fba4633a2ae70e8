"""Finding a SERVICE clause in query text, by tokens (strings, comments and IRIs skipped).

``SERVICE <http://host/...> { ... }`` makes the engine send an HTTP request to
the host: from a public endpoint, that is a request forgery (SSRF) aimed at
whatever the server can reach (its loopback, the intranet).  ``libkg serve``
refuses such queries unless started with ``--allow-service``.

A substring test would refuse ``"service"`` in a string or ``<https://schema.org/Service>``
and could be fooled by neither; instead the text is cut into SPARQL tokens the
way the grammar does (string literals with their escapes and long forms,
comments, IRI references, variables, prefixed names, language tags) and the
keyword is looked for among the bare words and prefixed names.  Oxigraph's
parser matches keywords without a word boundary (``SERVICE:b`` is ``SERVICE``
then the IRI ``:b``, and it sends the request), so any word or prefixed name
that *starts* with the keyword counts (except a prefix being declared).  One
ambiguity of the grammar is handled conservatively too: ``<`` after an
operand may be a less-than sign, so an "IRI" whose text could close an
expression and open a SERVICE clause (``FILTER(1<2)SERVICE?x#>``) counts.  The workers have no network
anyway unless SERVICE is allowed (:mod:`libkg.serve.workers`); this check is
what gives the client a clear 400.

>>> uses_service("SELECT * WHERE { SERVICE <http://127.0.0.1:9999/sparql> { ?s ?p ?o } }")
True
>>> uses_service('SELECT * WHERE { ?s a <https://schema.org/Service> ; ?p "SERVICE <x>" } # SERVICE')
False
"""

from __future__ import annotations

import re

__all__ = ["SERVICE_REFUSED", "uses_service"]

SERVICE_REFUSED = (
    "SERVICE (federated query) is disabled on this endpoint: it would make the server send HTTP requests "
    "to other hosts. Query the other endpoint yourself, or run your own `libkg serve --allow-service` "
    "(see docs/SECURITY.md).")

_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>"{3}(?:[^"\\]|\\.|"(?!""))*"{3}
              | '{3}(?:[^'\\]|\\.|'(?!''))*'{3}
              | "(?:[^"\\\n\r]|\\.)*"
              | '(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$]\w+)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<bnode>_:[\w.\-]*)
  | (?P<pname>[A-Za-z_][\w.\-]*:(?:[\w.\-:%]|\\.)*|:(?:[\w.\-:%]|\\.)*)
  | (?P<word>[A-Za-z_]\w*)
  | (?P<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?)
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)

# what may end an operand, after which ``<`` can be a less-than sign
_OPERAND_END = {"var", "string", "number", "iri", "pname", "lang"}
# inside such an "IRI": the keyword where a clause could start (not after /, #, letters ...) followed
# by what a SERVICE clause can go on with when no space is allowed (SILENT, a variable, a prefixed
# name, a comment)
_HIDDEN = re.compile(r"(?<![\w/#\-~%=&@:+])SERVICE[\w?$#:]", re.IGNORECASE)


def _after_operand(kind: str, text: str) -> bool:
    return kind in _OPERAND_END or text in (")", "]") or text.lower() in ("true", "false")


def uses_service(text: str) -> bool:
    """Whether the SPARQL text ``text`` has a SERVICE clause (the keyword, in any case)."""
    prev_kind, prev_text = "", ""
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "other"
        value = m.group()
        if kind in ("ws", "comment"):
            continue
        if kind in ("word", "pname") and value[:7].upper() == "SERVICE" and prev_text.upper() != "PREFIX":
            return True
        if kind == "iri" and _after_operand(prev_kind, prev_text) and _HIDDEN.search(value):
            return True
        prev_kind, prev_text = kind, value
    return False
