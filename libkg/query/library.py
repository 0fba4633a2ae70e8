"""The bundled SPARQL query library (``queries/*.rq``).

Each file opens with a comment block that documents it::

    # title: Positions at an institution over time
    # question: Who held which post at an organisation, and when was it attested?
    # param: org  IRI  an organisation  example: <https://w3id.org/libkg/id/org/thu-vien-tinh-lao-cai>

Parameters are bound as RDF terms (never pasted into the query text), so a
value cannot change the query's meaning.

Kinds: ``IRI``, ``literal``, ``date`` (a real day, ``YYYY-MM-DD``), ``dateOrCurrent``
(``current`` or such a day), ``integer``, ``eventKind`` (any label of an event kind,
folded like names, given to the query as the kind's local name), and the *key* kinds, whose
value a person types ("Hoàng Thị Thuý Hằng", "TV tỉnh Yên Bái") is folded here,
in Python, with the very function that wrote the entity's ``lkg:nameKey``, so
the query matches one exact term through the store's index instead of
scanning every label with ``FILTER(LCASE(...))`` (a scan grows with the
store; an index lookup does not):

``personKey``
    :func:`libkg.resolve.keys.person_key` (titles, case, tone placement and
    punctuation ignored);
``orgKey``
    :func:`libkg.resolve.organizations.org_key` (abbreviations expanded,
    "tỉnh"/"thành phố" before a province dropped);
``placeKey``
    the gazetteer units' key, ``words(fold_place(name))``;
``name``
    any entity's name: the value as typed (NFC, trimmed) for an exact label
    match, plus the derived variables ``?<param>_person``, ``?<param>_org``
    and ``?<param>_place`` holding the three keys above (see
    :func:`derived_bindings`).

When no entity carries the key so computed (a name typed without diacritics, or
without "tỉnh"), :mod:`libkg.query.names` finds the stored key it names with
:func:`libkg.normalize.match_names`, the one name matcher of libkg, before the
query runs (``KnowledgeGraph.execute``).

A parameter's name is what users type; its SPARQL variable is the same unless the
header adds ``var: V`` (``# param: kind  literal  ...  var: kindName``: ``?kind``
is a result column); the variable's name still works as a deprecated alias.

A query using a key kind can leave the parameter optional: an unbound
variable in ``?x lkg:nameKey ?name`` matches every entity (each carries one
key), a bound one only the named entity.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.term import Node

from libkg.normalize import nfc, typed_date
from libkg.resources import queries_dir

_HEAD = re.compile(r"^#\s*(\w+)\s*:\s*(.*)$")


@dataclass
class Param:
    """One parameter a bundled query declares: ``# param: NAME  KIND  doc  example: X  var: V``.

    ``name`` is what a user types (``--param kind=...``, ``kg.query(q, kind=...)``); ``var`` the
    SPARQL variable it binds (the same unless the header says ``var:``, when the query's
    own variable name is kept, e.g. because ``?kind`` is a result column).  A parameter given
    by its ``var`` still works, with a warning: that was its name before the names were made
    the same across queries (``kindName`` -> ``kind``, ``provinceName`` -> ``province``).
    """

    name: str
    kind: str  # IRI | literal | date | dateOrCurrent | integer | eventKind | personKey | orgKey | placeKey | name
    doc: str = ""
    example: str | None = None
    var: str = ""

    def __post_init__(self) -> None:
        self.var = self.var or self.name


@dataclass
class BundledQuery:
    """A query of the library (``queries/NAME.rq``): its header's title, question and parameters, its text.

    ``variants`` holds texts written for one engine's planner, from ``queries/dialects/ENGINE/NAME.rq``
    (the same question, the same rows; each file says why it exists): :meth:`text_for` picks the one a
    store asks for with its ``sparql_dialect``.
    """

    name: str
    path: Path
    title: str
    question: str
    text: str
    params: list[Param] = field(default_factory=list)
    variants: dict[str, str] = field(default_factory=dict)

    def text_for(self, dialect: str) -> str:
        """The text to send to a store of this ``sparql_dialect``: its own variant, else the standard one.

        >>> q = get_query("libraries-in-province")
        >>> q.text_for("sparql11") == q.text, q.text_for("virtuoso") == q.text
        (True, False)
        """
        return self.variants.get(dialect, self.text)


def parse_header(text: str, name: str, path: Path) -> BundledQuery:
    fields: dict[str, str] = {}
    params: list[Param] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _HEAD.match(line)
        if not m:
            continue
        key, value = m.group(1).lower(), m.group(2).strip()
        if key == "param":
            parts = re.split(r"\s{2,}|\t", value)
            example, var = None, ""
            rest = []
            for p in parts[2:]:
                if p.startswith("example:"):
                    example = p[len("example:"):].strip()
                elif p.startswith("var:"):
                    var = p[len("var:"):].strip().lstrip("?$")
                else:
                    rest.append(p)
            params.append(Param(parts[0].lstrip("?$"), parts[1] if len(parts) > 1 else "literal",
                                " ".join(rest), example, var))
        else:
            fields[key] = value
    return BundledQuery(name, path, fields.get("title", name), fields.get("question", ""), text, params)


def list_queries(folder: Path | None = None) -> list[BundledQuery]:
    """Every bundled query, sorted by name, with its engine variants (``dialects/ENGINE/NAME.rq``)."""
    folder = folder or queries_dir()
    variants: dict[str, dict[str, str]] = {}
    for v in sorted(folder.glob("dialects/*/*.rq")):
        variants.setdefault(v.stem, {})[v.parent.name] = v.read_text(encoding="utf-8")
    out = [parse_header(p.read_text(encoding="utf-8"), p.stem, p) for p in sorted(folder.glob("*.rq"))]
    for q in out:
        q.variants = variants.get(q.name, {})
    return out


def get_query(name_or_path: str) -> BundledQuery:
    """A bundled query by name (file stem), or any ``.rq`` file by path."""
    p = Path(name_or_path)
    if p.suffix == ".rq" and p.exists():
        return parse_header(p.read_text(encoding="utf-8"), p.stem, p)
    for q in list_queries():
        if q.name == name_or_path:
            return q
    names = [q.name for q in list_queries()]
    raise KeyError(f"no bundled query named {name_or_path!r}{did_you_mean(name_or_path, names)} "
                   f"(known: {', '.join(names)})")


def did_you_mean(word: str, choices: list[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest of ``choices`` (difflib), or ``""``.

    >>> did_you_mean("person-timline", ["person-timeline", "positions"])
    " (did you mean 'person-timeline'?)"
    >>> did_you_mean("xyz", ["person-timeline"])
    ''
    """
    import difflib

    close = difflib.get_close_matches(word, choices, n=3, cutoff=0.6)
    return " (did you mean " + " or ".join(repr(c) for c in close) + "?)" if close else ""


def to_term(value: str, kind: str = "literal") -> Node:
    """A parameter value as an RDF term.

    >>> to_term("<https://example.org/x>")
    rdflib.term.URIRef('https://example.org/x')
    >>> to_term("2023", "integer")
    rdflib.term.Literal('2023', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))
    >>> to_term("Bà Hoàng Thị Thuý  Hằng", "personKey")
    rdflib.term.Literal('hoàng thị thúy hằng')
    """
    from rdflib.namespace import XSD

    v = value.strip()
    if v.startswith("<") and v.endswith(">"):
        return URIRef(v[1:-1])
    if kind in KEYS:
        return Literal(KEYS[kind](v))
    if kind == "name":
        return Literal(nfc(v))
    if kind.upper() == "IRI":
        if not re.match(r"^[a-z][a-z0-9+.-]*:\S+$", v, re.I):
            raise ValueError(f"{value!r} is not an IRI")
        return URIRef(v)
    if kind == "integer":
        return Literal(int(v), datatype=XSD.integer) if v.lstrip("-").isdigit() else _bad(value, kind)
    if kind == "eventKind":
        return Literal(_event_kind(v))
    if kind == "dateOrCurrent":
        return Literal("current") if v == "current" else Literal(str(to_term(v, "date")))
    if kind == "date":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            _bad(value, kind)
        return Literal(typed_date(v), datatype=XSD.date)  # a real day: 2023-13-01 is refused
    m = re.fullmatch(r'"(.*)"@([A-Za-z-]+)', v, re.S)
    if m:
        return Literal(m.group(1), lang=m.group(2))
    return Literal(v)


def _event_kind(value: str) -> str:
    """The local name of the event kind a person typed ("hội nghị", "hoi nghi", "book donation")."""
    from libkg.vocab import event_kind_named, event_kind_names, event_kinds

    c = event_kind_named(value)
    if c is None:
        raise ValueError(f"{value!r} is not an event kind (use one of {event_kind_names()})")
    return event_kinds().local_name(c)


def _bad(value: str, kind: str):
    raise ValueError(f"{value!r} is not a valid {kind}")


def find_param(query: BundledQuery, key: str) -> Param | None:
    """The parameter ``key`` names (its name, or its old name with a ``FutureWarning``).

    ``None`` when the query declares no parameters (SPARQL text: any variable may be bound);
    ``KeyError`` naming the query, the key, the closest name and every name it takes otherwise.
    """
    import warnings

    k = key.lstrip("?$")
    for p in query.params:
        if p.name == k:
            return p
    for p in query.params:
        if p.var == k:
            warnings.warn(f"parameter {k!r} of query {query.name!r} is now called {p.name!r} "
                          f"(the old name still works, for now)", FutureWarning, stacklevel=3)
            return p
    if not query.params:
        return None
    names = [p.name for p in query.params]
    raise KeyError(f"query {query.name!r} has no parameter {k!r}{did_you_mean(k, names)} "
                   f"(it takes: {', '.join(names)})")


def bind_params(query: BundledQuery, given: dict[str, str]) -> dict[str, Node]:
    """Turn ``--param key=value`` strings into RDF terms keyed by SPARQL variable, checking names and types."""
    out: dict[str, Node] = {}
    for k, v in given.items():
        p = find_param(query, k)
        var, kind = (p.var, p.kind) if p is not None else (k.lstrip("?$"), "literal")
        try:
            out[var] = to_term(v, kind)
        except ValueError as exc:
            raise ValueError(f"query {query.name!r}, parameter {k!r}: {exc}") from None
        if kind == "name":
            out.update(derived_bindings(var, v))
    return out


def _person_key(name: str) -> str:
    from libkg.resolve.keys import person_key

    return person_key(name)


def _org_key(name: str) -> str:
    from libkg.resolve.organizations import org_key  # loads the gazetteer: only when asked

    return org_key(name)


def _place_key(name: str) -> str:
    from libkg.normalize import fold_place
    from libkg.resolve.keys import words

    return words(fold_place(name))


#: key kinds -> the fold that produced the stored ``lkg:nameKey`` of that kind of entity
KEYS: dict[str, Callable[[str], str]] = {"personKey": _person_key, "orgKey": _org_key, "placeKey": _place_key}


def derived_bindings(param: str, value: str) -> dict[str, Node]:
    """The keys a ``name`` parameter also binds: ``?<param>_person``, ``_org`` and ``_place``.

    One typed name may be a person's, an organisation's or a place's, and each
    kind of entity stores its name folded its own way; binding all three keys
    lets a query look each kind up in the index.  A query should guard these
    variables (``BIND(COALESCE(?name_person, "") AS ...)``): a caller that
    binds only ``?name`` (an rdflib term passed as is) then gets exact-label
    matches, not every entity.

    >>> derived_bindings("name", "TV tỉnh Yên Bái")["name_org"]
    rdflib.term.Literal('thư viện yên bái')
    """
    v = value.strip()
    return {f"{param}_{kind.removesuffix('Key')}": Literal(fold(v)) for kind, fold in KEYS.items()}
