"""``/sparql``: the SPARQL 1.1 Protocol, query operation only.

GET ``?query=``, POST ``application/x-www-form-urlencoded`` (``query=``) and
POST ``application/sparql-query`` are answered; an update (``update=``,
``application/sparql-update``, or update text sent as a query) is refused with
403, because the server is a window on the graph, not a way to change it.  The
prefixes of ``libkg.rdf.namespaces.PREFIXES`` are predeclared, as for
``libkg query``.  ``format=json|xml|csv|tsv|turtle|jsonld|nt`` overrides the
Accept header (handy in a browser's address bar).

Answers longer than ``--max-rows`` are cut and say so in the header
``X-LibKG-Truncated: max-rows=N`` and in the body too (a ``"libkg"`` member of
the JSON, a last ``# truncated ...`` line of CSV and TSV, an XML comment).
Any web page may query the endpoint (CORS: ``Access-Control-Allow-Origin: *``
on every answer, and ``OPTIONS`` preflights answered): it is read-only and
takes no credentials.  A query running past ``--query-timeout``
is stopped (504); a full house answers 503 with ``Retry-After``.

A query with a SERVICE clause is refused with 400 unless the server runs with
``--allow-service`` (:mod:`libkg.serve.sparql_guard`): federated query would
let any client make the server send HTTP requests.  ``default-graph-uri`` and
``named-graph-uri`` must be absolute IRIs (else 400, naming the parameter).
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import re
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import Response

from libkg.serve.formats import (
    GRAPH_TYPES,
    RESULT_TYPES,
    SHORT_GRAPH,
    SHORT_RESULT,
    Outcome,
    negotiate,
    serialize_graph,
    serialize_results,
)
from libkg.serve.links import SAFE_IRI
from libkg.serve.sparql_guard import SERVICE_REFUSED, uses_service
from libkg.serve.workers import Busy, JobError, QuerySyntaxError, QueryTimeout, WorkerDied
from libkg.store.base import Store

log = logging.getLogger("libkg.serve")

_COMMENT = re.compile(r"#[^\n]*")
_PROLOGUE = re.compile(r"^\s*(?:(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*", re.I)
_UPDATE_WORD = re.compile(r"^(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.I)


class ProtocolError(Exception):
    """A request the protocol does not allow; ``status`` and a plain message for the client."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


def looks_like_update(text: str) -> bool:
    """Whether ``text`` is SPARQL Update rather than a query (comments and prologue skipped).

    >>> looks_like_update("PREFIX ex: <http://e/> # hi\\nINSERT DATA { ex:a ex:b ex:c }")
    True
    >>> looks_like_update("SELECT * WHERE { ?s ?p ?o }")
    False
    """
    body = _PROLOGUE.sub("", _COMMENT.sub("", text), count=1)
    return bool(_UPDATE_WORD.match(body.lstrip()))


# ------------------------------------------------------------------ the job (runs in a worker)
def run_query(store: Store, sparql: str, max_rows: int, default_graphs: list[str],
              named_graphs: list[str]) -> Outcome:
    """Run one query on ``store`` and read at most ``max_rows`` answers (+1 to know it was cut).

    The answer is read lazily (:meth:`~libkg.store.base.Store.answer`), so a
    huge result costs only the rows kept.  ``default_graphs`` / ``named_graphs``
    need a store that ``supports_graph_selection``.
    """
    if (default_graphs or named_graphs) and not store.supports_graph_selection:
        raise QuerySyntaxError("default-graph-uri / named-graph-uri are not supported over a remote endpoint")
    try:
        res = store.answer(sparql, default_graphs, named_graphs)
    except ValueError as exc:  # a bad graph IRI
        raise QuerySyntaxError(str(exc)) from None
    if res.kind == "ASK":
        return Outcome("ASK", boolean=res.boolean)
    if res.kind == "SELECT":
        rows = list(itertools.islice(res.rows, max_rows + 1))
        return Outcome("SELECT", res.variables, rows[:max_rows], truncated=len(rows) > max_rows, max_rows=max_rows)
    triples = list(itertools.islice(res.triples, max_rows + 1))
    return Outcome("CONSTRUCT", triples=triples[:max_rows], truncated=len(triples) > max_rows, max_rows=max_rows)


# ------------------------------------------------------------------ the HTTP side
async def _read_params(request: Request, max_body: int) -> tuple[dict[str, list[str]], str | None]:
    """Protocol parameters from the URL and (for POST) the body; the query text if POSTed directly."""
    params = {k: list(v) for k, v in parse_qs(request.url.query, keep_blank_values=True).items()}
    if request.method != "POST":
        return params, None
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > max_body:
        raise ProtocolError(413, f"the request body is larger than {max_body} bytes")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > max_body:
            raise ProtocolError(413, f"the request body is larger than {max_body} bytes")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise ProtocolError(400, "the request body is not UTF-8") from None
    if ctype == "application/sparql-update":
        raise ProtocolError(403, "this endpoint is read-only: SPARQL Update is not accepted")
    if ctype == "application/sparql-query":
        return params, text
    if ctype in ("application/x-www-form-urlencoded", ""):
        for k, v in parse_qs(text, keep_blank_values=True).items():
            params.setdefault(k, []).extend(v)
        return params, None
    raise ProtocolError(415, "POST a query as application/sparql-query or application/x-www-form-urlencoded")


def graph_params(params: dict[str, list[str]]) -> tuple[list[str], list[str]]:
    """``default-graph-uri`` and ``named-graph-uri``, each checked to be an absolute IRI (else 400).

    >>> graph_params({"named-graph-uri": ["https://w3id.org/libkg/graph/article/d01"]})
    ([], ['https://w3id.org/libkg/graph/article/d01'])
    >>> try:
    ...     graph_params({"default-graph-uri": ["not an iri"]})
    ... except ProtocolError as e:
    ...     print(e.status, e.message)
    400 `default-graph-uri` must be an absolute IRI, not 'not an iri'
    """
    out = []
    for name in ("default-graph-uri", "named-graph-uri"):
        values = params.get(name, [])
        for v in values:
            if not SAFE_IRI.match(v):
                raise ProtocolError(400, f"`{name}` must be an absolute IRI, not {v[:200]!r}")
        out.append(values)
    return out[0], out[1]


def query_key(sparql: str, default_graphs: list[str], named_graphs: list[str]) -> str:
    """What identifies a query for the server's memory of heavy queries (spacing ignored)."""
    text = " ".join(sparql.split()) + "\n" + "\n".join(default_graphs) + "\n\n" + "\n".join(named_graphs)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# The endpoint is read-only and sends no credentials, so any web page may query it (a notebook,
# another YASGUI): every answer, errors included, allows any origin.
CORS_HEADERS = {"Access-Control-Allow-Origin": "*",
                "Access-Control-Expose-Headers": "X-LibKG-Truncated, Content-Type"}
PREFLIGHT_HEADERS = {**CORS_HEADERS, "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                     "Access-Control-Allow-Headers": "Accept, Content-Type", "Access-Control-Max-Age": "86400",
                     "Allow": "GET, POST, OPTIONS"}


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return Response(message.rstrip() + "\n", status_code=status, media_type="text/plain; charset=utf-8",
                    headers={**CORS_HEADERS, **(headers or {})})


async def handle(request: Request) -> Response:
    """Answer one protocol request (never with a stack trace: see ``docs/SECURITY.md``)."""
    state = request.app.state
    cfg = state.config
    if request.method == "OPTIONS":  # a CORS preflight
        return Response(status_code=204, headers=PREFLIGHT_HEADERS)
    try:
        params, direct = await _read_params(request, cfg.max_body)
        if "update" in params:
            raise ProtocolError(403, "this endpoint is read-only: SPARQL Update is not accepted")
        queries = ([direct] if direct is not None else []) + params.get("query", [])
        if not queries:
            if negotiate(request.headers.get("accept"), ["application/sparql-results+json", "text/html"]) \
                    == "text/html" and request.method == "GET":
                from libkg.serve.pages import editor_page

                return await editor_page(request)
            raise ProtocolError(400, "missing the `query` parameter (see the SPARQL 1.1 Protocol)")
        if len(queries) > 1:
            raise ProtocolError(400, "exactly one `query` is allowed per request")
        sparql = queries[0]
        if looks_like_update(sparql):
            raise ProtocolError(403, "this endpoint is read-only: SPARQL Update is not accepted")
        if not cfg.allow_service and uses_service(sparql):
            raise ProtocolError(400, SERVICE_REFUSED)
        default_graphs, named_graphs = graph_params(params)
        outcome: Outcome = await state.backend.call(
            run_query, sparql, cfg.max_rows, default_graphs, named_graphs, timeout=cfg.query_timeout,
            lane="query", key=query_key(sparql, default_graphs, named_graphs))
    except ProtocolError as exc:
        return _error(exc.status, exc.message)
    except QuerySyntaxError as exc:
        return _error(400, f"the query does not parse:\n{exc}")
    except QueryTimeout as exc:
        return _error(504, str(exc))
    except Busy as exc:
        return _error(503, str(exc), {"Retry-After": "2"})
    except WorkerDied as exc:
        return _error(500, str(exc))
    except JobError as exc:
        log.error("query failed: %s", exc)
        return _error(500, "the query failed inside the server; the operator's log has the details")
    return _answer(request, params, outcome, cfg.max_rows)


def _answer(request: Request, params: dict[str, list[str]], outcome: Outcome, max_rows: int) -> Response:
    fmt = (params.get("format") or [""])[0].lower()
    headers = {"Vary": "Accept", **CORS_HEADERS}
    if outcome.truncated:
        headers["X-LibKG-Truncated"] = f"max-rows={max_rows}"
    if outcome.kind == "CONSTRUCT":
        mt = SHORT_GRAPH.get(fmt) or negotiate(request.headers.get("accept"), list(GRAPH_TYPES))
        if mt is None:
            return _error(406, "acceptable graph formats: " + ", ".join(GRAPH_TYPES))
        body = serialize_graph(outcome.triples, GRAPH_TYPES[mt])
    else:
        mt = SHORT_RESULT.get(fmt) or negotiate(request.headers.get("accept"), list(RESULT_TYPES))
        if mt is None:
            return _error(406, "acceptable result formats: " + ", ".join(RESULT_TYPES))
        body = serialize_results(outcome, RESULT_TYPES[mt])
    charset = "; charset=utf-8" if mt.startswith("text/") or "json" in mt or "xml" in mt else ""
    return Response(body, media_type=mt + charset, headers=headers)
