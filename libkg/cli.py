"""The ``libkg`` command line: ingest, extract, query, export, validate, evaluate."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from libkg import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="libkg")
def cli() -> None:
    """libkg: turn library-sector news into an RDF knowledge graph and query it.

    Store location: --store DIR on each command, else $LIBKG_STORE, else ./.libkg/store.
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "ttl", "trig"]), default="jsonl",
              show_default=True, help="json: one object per article (gold shape + id); jsonl: one per line.")
@click.option("--evidence", is_flag=True, help="Include evidence (sentence, offsets) and extra fields.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Output file.")
def extract(paths: tuple[str, ...], fmt: str, evidence: bool, output) -> None:
    """Extract facts from articles without storing them.

    \b
    Example:
      libkg extract samples/articles/d01.json --format json
    """
    from libkg.extract import RuleExtractor
    from libkg.read import ReadError, read_paths

    extractor = RuleExtractor()
    failed = 0
    objects = []
    for item in read_paths(paths):
        if isinstance(item, ReadError):
            click.echo(f"error: {item}", err=True)
            failed += 1
            continue
        facts = extractor(item)
        if fmt in ("json", "jsonl"):
            obj = facts.to_dict() if evidence else {"id": item.id, **facts.to_gold()}
            if fmt == "jsonl":
                output.write(json.dumps(obj, ensure_ascii=False) + "\n")
            else:
                objects.append(obj)
        else:
            objects.append((item, facts))
    if fmt == "json":
        payload = objects[0] if len(objects) == 1 else objects
        output.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    elif fmt in ("ttl", "trig"):
        from libkg.rdf.dataset import facts_to_dataset

        ds = facts_to_dataset(objects)
        output.write(ds.serialize(format="trig" if fmt == "trig" else "turtle"))
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--per-article", is_flag=True, help="Also print each article's scores.")
@click.option("--json", "as_json_", is_flag=True, help="Print the scores as JSON.")
def evaluate(paths: tuple[str, ...], per_article: bool, as_json_: bool) -> None:
    """Score the extractor against annotated articles (corpus format, SCHEMA.md rules).

    Prints precision, recall and F1 per fact type and micro-F1 over all.

    \b
    Example:
      libkg evaluate ../shared/corpus/articles --per-article
    """
    from libkg.evaluate.report import as_json, evaluate_paths, format_per_article, format_table

    totals, micro, arts, errors = evaluate_paths(paths)
    for e in errors:
        click.echo(f"error: {e}", err=True)
    if as_json_:
        click.echo(json.dumps(as_json(totals, micro, arts if per_article else None), indent=2))
    else:
        if per_article:
            click.echo(format_per_article(arts))
            click.echo()
        click.echo(f"{len(arts)} article(s) scored")
        click.echo(format_table(totals, micro))
    if errors:
        sys.exit(1)


def store_options(fn):
    """--store for the embedded store; --endpoint (and friends) for a SPARQL 1.1 server."""
    opts = [
        click.option("--store", "store_path", type=click.Path(file_okay=False), envvar="LIBKG_STORE",
                     help="Embedded store folder (default: $LIBKG_STORE, else ./.libkg/store)."),
        click.option("--endpoint", envvar="LIBKG_ENDPOINT",
                     help="Use a SPARQL 1.1 endpoint instead (query URL), e.g. http://localhost:7878/query."),
        click.option("--update-endpoint", envvar="LIBKG_UPDATE_ENDPOINT",
                     help="The endpoint's SPARQL Update URL (default: the query URL)."),
        click.option("--user", envvar="LIBKG_USER", help="HTTP basic-auth user for the endpoint."),
        click.option("--password", envvar="LIBKG_PASSWORD", help="HTTP basic-auth password (or $LIBKG_PASSWORD)."),
    ]
    for o in reversed(opts):
        fn = o(fn)
    return fn


def _open_store(store_path: str | None, endpoint: str | None = None, update_endpoint: str | None = None,
                user: str | None = None, password: str | None = None):
    from libkg.store import open_store
    from libkg.store.embedded import StoreError

    try:
        return open_store(store_path, endpoint=endpoint, update_endpoint=update_endpoint, user=user,
                          password=password)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@store_options
@click.option("--base", envvar="LIBKG_BASE", help="Base IRI for minted entities (default https://w3id.org/libkg/).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def ingest(paths: tuple[str, ...], store_path: str | None, endpoint: str | None, update_endpoint: str | None,
           user: str | None, password: str | None, base: str | None, quiet: bool) -> None:
    """Read articles, extract their facts and store them (one named graph per article).

    PATHS are files (.txt, .html, .json, .jsonl) or folders, searched recursively.
    Re-ingesting an article replaces its facts; a bad file is reported and skipped,
    never half-written.

    \b
    Example:
      libkg ingest samples/articles --store out/store
    """
    from tqdm import tqdm

    from libkg.ingest import ingest_paths
    from libkg.read import ReadError

    def bar(files):
        return tqdm(files, desc="ingest", unit="file", disable=quiet, file=sys.stderr)

    try:
        with _open_store(store_path, endpoint, update_endpoint, user, password) as store:
            report = ingest_paths(store, paths, base=base, progress=bar)
            total = store.triple_count()
    except ReadError as exc:
        raise click.ClickException(str(exc)) from None
    for e in report.errors:
        click.echo(f"error: {e}", err=True)
    click.echo(f"ingested {report.articles} article(s), {report.triples_written} triples written, "
               f"{total} triples in the store, {len(report.errors)} error(s)")
    if report.errors:
        sys.exit(1)


def _parse_params(params: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for p in params:
        if "=" not in p:
            raise click.BadParameter(f"{p!r} is not key=value", param_hint="--param")
        k, v = p.split("=", 1)
        out[k.strip().lstrip("?$")] = v
    return out


@cli.command()
@click.argument("query", required=False)
@store_options
@click.option("--sparql", help="A SPARQL query given inline instead of QUERY.")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE",
              help="Bind a query variable to a value (an IRI in <...>, or a literal); repeatable.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="table for people; csv/tsv/json (SPARQL 1.1 results) for programs.")
@click.option("--limit", type=int, help="Print at most this many rows.")
def query(query: str | None, store_path: str | None, endpoint: str | None, update_endpoint: str | None,
           user: str | None, password: str | None, sparql: str | None, params: tuple[str, ...],
          fmt: str, limit: int | None) -> None:
    """Run a SPARQL query: a bundled query's name, a .rq file, or --sparql TEXT.

    \b
    Examples:
      libkg query positions --store out/store
      libkg query person-timeline --param name="Kiều Thúy Nga"
      libkg query --sparql "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }" --format json
    """
    from libkg.query.library import BundledQuery, bind_params, get_query
    from libkg.query.results import FORMATS, ResultTable

    if bool(query) == bool(sparql):
        raise click.UsageError("give either QUERY (a name or .rq file) or --sparql TEXT")
    try:
        q = get_query(query) if query else BundledQuery("inline", Path("-"), "inline", "", sparql or "")
        bindings = bind_params(q, _parse_params(params))
    except (KeyError, ValueError) as exc:
        raise click.ClickException(str(exc.args[0] if exc.args else exc)) from None
    with _open_store(store_path, endpoint, update_endpoint, user, password) as store:
        try:
            res = store.query(q.text, bindings=bindings or None)
        except Exception as exc:  # noqa: BLE001 - a bad query is the user's, say so plainly
            raise click.ClickException(f"query {q.name!r} failed: {exc}") from None
        if res.type == "ASK":
            click.echo("true" if res.askAnswer else "false")
            return
        if res.type in ("CONSTRUCT", "DESCRIBE"):
            click.echo(res.graph.serialize(format="turtle"))
            return
        rows = []
        for i, row in enumerate(res):
            if limit is not None and i >= limit:
                break
            rows.append(list(row))
        table = ResultTable([str(v) for v in res.vars], rows)
    click.echo(FORMATS[fmt](table).rstrip("\n"))


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


@cli.command()
@store_options
@click.option("--format", "fmt", type=click.Choice(["ttl", "trig", "nq", "nt", "jsonld"]), default="trig",
              show_default=True, help="ttl/nt: all graphs merged; trig/nq/jsonld: named graphs kept.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Output file (default: stdout).")
def export(store_path: str | None, endpoint: str | None, update_endpoint: str | None,
           user: str | None, password: str | None, fmt: str, output: str | None) -> None:
    """Write the whole store in a standard RDF format.

    \b
    Example:
      libkg export --store out/store --format trig -o out/graph.trig
    """
    with _open_store(store_path, endpoint, update_endpoint, user, password) as store:
        if output:
            tmp = Path(output + ".part")
            with tmp.open("wb") as fh:
                store.export(fmt, fh)
            tmp.replace(output)
            click.echo(f"wrote {output}", err=True)
        else:
            store.export(fmt, sys.stdout.buffer)


@cli.command()
@store_options
def stats(store_path: str | None, endpoint: str | None, update_endpoint: str | None,
           user: str | None, password: str | None) -> None:
    """Count triples, articles and entities in the store."""
    from libkg.query.stats import store_stats

    with _open_store(store_path, endpoint, update_endpoint, user, password) as store:
        for k, v in store_stats(store).items():
            click.echo(f"{k:<14}{v:>10}")


@cli.command()
@store_options
@click.option("--file", "files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Validate RDF file(s) (.ttl, .trig, .nq, .jsonld) instead of the store.")
def validate(store_path: str | None, endpoint: str | None, update_endpoint: str | None,
           user: str | None, password: str | None, files: tuple[str, ...]) -> None:
    """Check the graph against the SHACL shapes (ontology/shapes.ttl); exit 1 on violations.

    \b
    Example:
      libkg validate --file graph/sample.trig
    """
    from rdflib import Dataset

    from libkg.rdf.validate import validate as shacl_validate

    if files:
        data = Dataset()
        for f in files:
            try:
                data.parse(f)
            except Exception as exc:  # noqa: BLE001
                raise click.ClickException(f"{f}: cannot be parsed as RDF: {exc}") from None
    else:
        with _open_store(store_path, endpoint, update_endpoint, user, password) as store:
            data = store.to_dataset()
    conforms, report = shacl_validate(data)
    if conforms:
        click.echo("conforms: the graph satisfies every shape")
        return
    click.echo(report)
    sys.exit(1)


@cli.command()
@click.option("--store", "store_path", type=click.Path(file_okay=False), envvar="LIBKG_STORE",
              help="Embedded store to copy from (default: $LIBKG_STORE, else ./.libkg/store).")
@click.option("--endpoint", required=True, help="Target SPARQL endpoint (query URL).")
@click.option("--update-endpoint", help="The target's SPARQL Update URL (default: the query URL).")
@click.option("--user", envvar="LIBKG_USER", help="HTTP basic-auth user.")
@click.option("--password", envvar="LIBKG_PASSWORD", help="HTTP basic-auth password (or $LIBKG_PASSWORD).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def push(store_path: str | None, endpoint: str, update_endpoint: str | None, user: str | None,
         password: str | None, quiet: bool) -> None:
    """Copy the embedded store to a SPARQL endpoint, one named graph at a time (replacing them there).

    \b
    Example:
      libkg push --store out/store --endpoint http://localhost:7878/query \\
                 --update-endpoint http://localhost:7878/update
    """
    from tqdm import tqdm

    from libkg.store import RemoteStore

    with _open_store(store_path) as src:
        graphs = src.named_graphs()
        remote = RemoteStore(endpoint, update_endpoint, user=user, password=password)
        try:
            n = 0
            for g in tqdm(graphs, desc="push", unit="graph", disable=quiet, file=sys.stderr):
                n += remote.replace_article(g, src.graph(g))
            remote.flush()
        except Exception as exc:  # noqa: BLE001
            raise click.ClickException(str(exc)) from None
    click.echo(f"pushed {len(graphs)} graph(s), {n} triples to {update_endpoint or endpoint}")


@cli.group()
def network() -> None:
    """Networks projected from the graph (networkx): metrics and Gephi/Cytoscape files."""


@network.command("institutions")
@store_options
@click.option("--from", "date_from", help="Keep events starting on or after this date (YYYY-MM-DD).")
@click.option("--to", "date_to", help="Keep events starting on or before this date (YYYY-MM-DD).")
@click.option("--min-weight", type=int, default=1, show_default=True, help="Minimum shared events per edge.")
@click.option("-o", "--output", "outputs", multiple=True, type=click.Path(dir_okay=False),
              help="Write the network: .gexf, .graphml or .json (node-link); repeatable.")
@click.option("--metrics", "metrics_csv", type=click.Path(dir_okay=False),
              help="Write per-node metrics (degree, betweenness, PageRank, community) as CSV.")
def network_institutions(store_path: str | None, endpoint: str | None, update_endpoint: str | None,
           user: str | None, password: str | None, date_from: str | None, date_to: str | None,
                         min_weight: int, outputs: tuple[str, ...], metrics_csv: str | None) -> None:
    """Institutions linked by the events they organised or attended together.

    \b
    Example:
      libkg network institutions --store out/store -o out/institutions.gexf --metrics out/metrics.csv
    """
    import csv

    from libkg.network import institutions, node_metrics, write_network

    with _open_store(store_path, endpoint, update_endpoint, user, password) as store:
        g = institutions(store, date_from=date_from, date_to=date_to, min_weight=min_weight)
    metrics = node_metrics(g)
    for out in outputs:
        try:
            write_network(g, out)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(f"wrote {out}", err=True)
    if metrics_csv:
        cols = ["iri", "label", "kind", "degree", "weighted_degree", "betweenness", "pagerank",
                "community", "component"]
        with open(metrics_csv, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(cols)
            for n, m in sorted(metrics.items(), key=lambda kv: -kv[1].get("pagerank", 0)):
                w.writerow([n, g.nodes[n]["label"], g.nodes[n]["kind"]] + [m[c] for c in cols[3:]])
        click.echo(f"wrote {metrics_csv}", err=True)
    top = sorted(g.nodes, key=lambda n: -g.degree(n, weight="weight"))[:10]
    click.echo(f"{g.number_of_nodes()} institutions, {g.number_of_edges()} links")
    for n in top:
        click.echo(f"  {g.degree(n, weight='weight'):>3}  {g.nodes[n]['label']}")


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
