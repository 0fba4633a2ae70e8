"""Between entity IRIs and the server's own paths.

Entities are minted under the data base IRI (``{base}id/person/...``); the
server answers for them at the same path (``/id/person/...``), so deploying it
at the base (or behind a proxy that maps the base onto it) makes the IRIs
resolve.  IRIs outside the base are shown through ``/resource?iri=``.

Links that leave the server are made only from http(s) URLs (:func:`web_url`):
an article ``url`` or an authority link such as ``javascript:...`` or
``data:...`` from the data is shown as text, never as an ``href``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote

from libkg.rdf.namespaces import PREFIXES
from libkg.resources import PACKAGE_DIR

__all__ = ["SAFE_IRI", "authority_properties", "expand", "kind_table", "local_path", "property_names", "shorten",
           "web_url"]

DATA = PACKAGE_DIR / "serve" / "data"

# an absolute IRI made only of URI characters: nothing that could break out of <...> in SPARQL
SAFE_IRI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$")


def local_path(iri: str, base: str) -> str:
    """The path this server shows ``iri`` at.

    >>> local_path("https://w3id.org/libkg/id/person/x", "https://w3id.org/libkg/")
    '/id/person/x'
    >>> local_path("http://www.wikidata.org/entity/Q1", "https://w3id.org/libkg/")
    '/resource?iri=http%3A%2F%2Fwww.wikidata.org%2Fentity%2FQ1'

    A path that a browser would read as another host (``//evil.example/``) is never made:

    >>> local_path("https://w3id.org/libkg//evil.example/x", "https://w3id.org/libkg/")
    '/resource?iri=https%3A%2F%2Fw3id.org%2Flibkg%2F%2Fevil.example%2Fx'
    """
    rest = iri[len(base):]
    if iri.startswith(base) and SAFE_IRI.match(iri) and not rest.startswith(("/", "\\")):
        return "/" + rest
    return "/resource?iri=" + quote(iri, safe="")


_WEB_URL = re.compile(r"^https?://[^/?#\s]+[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$", re.IGNORECASE)


def web_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) URL safe to put in an ``href``, else None (show it as text).

    >>> web_url("https://www.wikidata.org/wiki/Q1")
    'https://www.wikidata.org/wiki/Q1'
    >>> web_url("javascript:alert(document.domain)") is None, web_url(" JavaScript:x") is None
    (True, True)
    >>> web_url("data:text/html,<script>") is None, web_url("//evil.example/") is None
    (True, True)
    """
    if url and _WEB_URL.match(url):
        return url
    return None


def expand(curie: str) -> str:
    """``lkg:Person`` -> the full IRI, by the project's prefixes."""
    p, _, local = curie.partition(":")
    return PREFIXES[p] + local


def shorten(iri: str) -> str:
    """A full IRI as ``prefix:local`` when a project prefix covers it (for readable pages).

    >>> shorten("http://www.w3.org/2004/02/skos/core#prefLabel")
    'skos:prefLabel'
    """
    best = ""
    for p, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(PREFIXES.get(best, "")):
            best = p
    if best and re.fullmatch(r"[A-Za-z0-9_\-.]*", iri[len(PREFIXES[best]):]):
        return f"{best}:{iri[len(PREFIXES[best]):]}"
    return iri


def _rows(name: str) -> list[list[str]]:
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.split("\t"))
    return out


@lru_cache(maxsize=1)
def kind_table() -> list[tuple[str, str, str]]:
    """(type IRI, Vietnamese name, English name), in order of precedence."""
    return [(expand(r[0]), r[1], r[2]) for r in _rows("kinds.tsv")]


@lru_cache(maxsize=1)
def property_names() -> dict[str, dict[str, str]]:
    """Names of properties from outside the ontology, {IRI: {"vi": ..., "en": ...}}."""
    return {expand(r[0]): {"vi": r[1], "en": r[2]} for r in _rows("property-names.tsv")}


@lru_cache(maxsize=1)
def authority_properties() -> frozenset[str]:
    return frozenset(expand(r[0].strip()) for r in _rows("authority-properties.txt"))
