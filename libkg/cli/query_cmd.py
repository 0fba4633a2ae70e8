"""libkg query / queries: SPARQL on the store, the bundled query library."""

from __future__ import annotations

import warnings
from pathlib import Path

import click

from libkg.cli.app import cli
from libkg.cli.common import BadInput, parse_params, read_store_options, read_store_or_fail


@cli.command()
@click.argument("query", required=False)
@read_store_options
@click.option("--sparql", help="A SPARQL query given inline instead of QUERY.")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE",
              help="Bind a query variable to a value (an IRI in <...>, or a literal); repeatable.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="table for people; csv/tsv/json (SPARQL 1.1 results) for programs.")
@click.option("--limit", type=int, help="Print at most this many rows.")
def query(query: str | None, store_path: str | None, endpoint: str | None, user: str | None, password: str | None, sparql: str | None, params: tuple[str, ...],
          fmt: str, limit: int | None) -> None:
    """Run a SPARQL query: a bundled query's name, a .rq file, or --sparql TEXT.

    \b
    Examples:
      libkg query positions --store out/store
      libkg query person-timeline --param name="Kiều Thúy Nga"      # or name="kieu thuy nga"
      libkg query events --param kind=Conference
      libkg query --sparql "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }" --format json
    """
    from libkg.api import KnowledgeGraph, prepare_query
    from libkg.query.library import BundledQuery, get_query
    from libkg.query.names import AmbiguousName

    if bool(query) == bool(sparql):
        raise click.UsageError("give either QUERY (a name or .rq file) or --sparql TEXT")
    try:
        # the same resolution and binding as libkg.open(...).query(name, **params)
        q = get_query(query) if query else BundledQuery("inline", Path("-"), "inline", "", sparql or "")
        with warnings.catch_warnings(record=True) as said:
            warnings.simplefilter("always", FutureWarning)
            q, bindings = prepare_query(q, parse_params(params))
        for w in said:
            click.echo(f"warning: {w.message}", err=True)
    except (KeyError, ValueError) as exc:
        raise BadInput(str(exc.args[0] if exc.args else exc)) from None
    with read_store_or_fail(store_path, endpoint, user, password) as store:
        try:
            res = KnowledgeGraph(store, owns_store=False).execute(q, bindings)
        except AmbiguousName as exc:
            raise BadInput(str(exc)) from None
        except Exception as exc:  # noqa: BLE001 - a bad query is the user's, say so plainly
            raise click.ClickException(f"query {q.name!r} failed: {exc}") from None
    if res.type == "SELECT" and limit is not None:
        res = res.head(limit)
    click.echo(res.format(fmt).rstrip("\n") if res.type == "SELECT" else res.format(fmt))


@cli.command("queries")
def queries_cmd() -> None:
    """List the bundled queries with the question each answers and its parameters."""
    from libkg.query.library import list_queries

    for q in list_queries():
        click.echo(f"{q.name}\n    {q.title}")
        if q.question:
            click.echo(f"    {q.question}")
        for p in q.params:
            ex = f" (e.g. {p.example})" if p.example else ""
            click.echo(f"    --param {p.name}=<{p.kind}>  {p.doc}{ex}")
