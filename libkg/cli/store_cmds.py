"""libkg export / stats / validate / push: the store as a whole."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from libkg.cli.app import cli
from libkg.cli.common import read_store_options, read_store_or_fail
from libkg.store.base import StoreError


@cli.command()
@read_store_options
@click.option("--format", "fmt", type=click.Choice(["ttl", "trig", "nq", "nt", "jsonld"]), default="trig",
              show_default=True, help="ttl/nt: all graphs merged; trig/nq/jsonld: named graphs kept.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Output file (default: stdout).")
@click.option("--profile", type=click.Choice(["schema"]),
              help="Also write a view in another vocabulary, in the graph {base}graph/profile/NAME: schema = "
                   "the schema.org statements the ontology entails (schema:containedInPlace, "
                   "schema:parentOrganization, schema:superEvent, schema:Person ...).")
@click.option("--with-text", is_flag=True,
              help="Also write the articles' full texts (the text the evidence offsets index). Off by default: "
                   "they are their publishers', and you may not have the right to republish them; without "
                   "them the export keeps each text's SHA-256, the quoted sentences, their offsets and the "
                   "articles' URLs, so every offset can be checked against the published article.")
@click.option("--license", "license_", envvar="LIBKG_LICENSE", metavar="ID|IRI",
              help="The graph's licence in its VoID / DCAT description: an SPDX id (CC-BY-4.0, CC0-1.0, "
                   "CC-BY-SA-4.0, ODC-By-1.0, ODbL-1.0, PDDL-1.0) or a licence IRI (default: $LIBKG_LICENSE, "
                   "else CC-BY-4.0). It covers the extracted facts, not the articles.")
def export(store_path: str | None, endpoint: str | None, user: str | None, password: str | None, fmt: str,
           output: str | None, profile: str | None, with_text: bool, license_: str | None) -> None:
    """Write the whole store in a standard RDF format, with its VoID / DCAT description.

    The description (licence, what it covers, version, counts, example resources, SPARQL endpoint)
    is in the named graph {base}graph/void. The articles' full texts are left out unless --with-text.

    \b
    Example:
      libkg export --store out/store --format trig -o out/graph.trig
      libkg export --store out/store --format ttl --profile schema -o out/graph-schema.ttl
      libkg export --store out/store --license CC0-1.0 -o out/graph-cc0.trig
    """
    from libkg.query.dataset import (
        export_with_description,  # + the VoID / DCAT description ({base}graph/void)
    )
    from libkg.rdf.void import license_iri

    try:
        license_iri(license_)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--license") from None
    with read_store_or_fail(store_path, endpoint, user, password) as store:
        if output:
            tmp = Path(output + ".part")
            try:
                with tmp.open("wb") as fh:
                    export_with_description(store, fmt, fh, profile=profile, with_text=with_text, license=license_)
                tmp.replace(output)
            finally:
                tmp.unlink(missing_ok=True)
            click.echo(f"wrote {output}", err=True)
        else:
            export_with_description(store, fmt, sys.stdout.buffer, profile=profile, with_text=with_text,
                                    license=license_)


@cli.command()
@read_store_options
def stats(store_path: str | None, endpoint: str | None,
           user: str | None, password: str | None) -> None:
    """Count triples, articles and entities in the store.

    Two triple counts, which differ on purpose: the quads of all the named graphs (a triple
    stated by three articles is kept three times, once per article graph) and the distinct
    triples of the default graph (their union: what queries see).
    """
    from libkg.query.stats import LABELS, store_stats

    with read_store_or_fail(store_path, endpoint, user, password) as store:
        counts = store_stats(store)
    width = max(len(LABELS.get(k, k)) for k in counts)
    for k, v in counts.items():
        click.echo(f"{LABELS.get(k, k):<{width}}  {v:>10}")


@cli.command()
@read_store_options
@click.option("--file", "files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Validate RDF file(s) (.ttl, .trig, .nq, .jsonld) instead of the store.")
@click.option("--with-imports", is_flag=True,
              help="Load the libkg ontology with the RDFS axioms of W3C PROV-O and W3C ORG (shipped in "
                   "libkg/data/publish/prov-org-rdfs.ttl; nothing is downloaded) and apply RDFS inference "
                   "before checking, as a reviewer who loads those vocabularies would. Slower.")
def validate(store_path: str | None, endpoint: str | None, user: str | None, password: str | None,
             files: tuple[str, ...], with_imports: bool) -> None:
    """Check the graph against the SHACL shapes (ontology/shapes.ttl); exit 1 on violations.

    With --with-imports, what the ontology and PROV-O / ORG imply is inferred first (RDFS), so a
    statement that is fine on its own but implies something the shapes refuse is reported too.

    \b
    Example:
      libkg validate --file graph/sample.trig
      libkg validate --file graph/sample.trig --with-imports
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
        with read_store_or_fail(store_path, endpoint, user, password) as store:
            data = store.to_dataset()
    conforms, report = shacl_validate(data, use_ontology=with_imports)
    how = " (with the libkg ontology, PROV-O and ORG loaded and RDFS inference)" if with_imports else ""
    if conforms:
        click.echo(f"conforms: the graph satisfies every shape{how}")
        return
    click.echo(report)
    click.echo(f"does not conform: {_violations(report)} violation(s) of the shapes{how}", err=True)
    sys.exit(1)


def _violations(report: str) -> str:
    import re

    m = re.search(r"Results \((\d+)\)", report)
    return m.group(1) if m else "some"


@cli.command()
@click.option("--store", "store_path", type=click.Path(file_okay=False), envvar="LIBKG_STORE",
              help="Embedded store to copy from (default: $LIBKG_STORE, else ./.libkg/store).")
@click.option("--endpoint", required=True, help="Target SPARQL endpoint (query URL).")
@click.option("--update-endpoint", help="The target's SPARQL Update URL (default: the query URL).")
@click.option("--user", envvar="LIBKG_USER", help="HTTP basic-auth user.")
@click.option("--password", envvar="LIBKG_PASSWORD", help="HTTP basic-auth password (or $LIBKG_PASSWORD).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--bulk", is_flag=True,
              help="Virtuoso: load through its bulk loader (isql: ld_add, rdf_loader_run) instead of update "
                   "requests; into a server holding none of the graphs yet.")
@click.option("--bulk-dir", type=click.Path(file_okay=False),
              help="With --bulk: a folder the Virtuoso server reads at the same path (in its DirsAllowed) "
                   "for the N-Quads files.")
@click.option("--isql", "isql_address", help="With --bulk: Virtuoso's SQL port, HOST:PORT (default: the "
                                              "endpoint's host, port 1111).")
@click.option("--isql-user", default="dba", show_default=True, help="With --bulk: a Virtuoso DBA account.")
@click.option("--isql-password", envvar="LIBKG_ISQL_PASSWORD", default="dba",
              help="With --bulk: its password (or $LIBKG_ISQL_PASSWORD; default: dba).")
def push(store_path: str | None, endpoint: str, update_endpoint: str | None, user: str | None,
         password: str | None, quiet: bool, bulk: bool, bulk_dir: str | None, isql_address: str | None,
         isql_user: str, isql_password: str) -> None:
    """Copy the embedded store to a SPARQL endpoint, one named graph at a time (replacing them there).

    With --bulk (Virtuoso), the store is written as N-Quads into --bulk-dir and loaded by
    Virtuoso's bulk loader through isql: many times faster for a first load of a big store.

    \b
    Example:
      libkg push --store out/store --endpoint http://localhost:7878/query \\
                 --update-endpoint http://localhost:7878/update
    """
    from libkg.store import RemoteStore

    if bulk and not bulk_dir:
        raise click.UsageError("--bulk needs --bulk-dir: a folder the Virtuoso server can read")
    with read_store_or_fail(store_path) as src:
        remote = RemoteStore(endpoint, update_endpoint, user=user, password=password)
        try:
            if bulk_dir and bulk:
                graphs, n = _push_bulk(src, remote, bulk_dir, isql_address, isql_user, isql_password)
            else:
                graphs, n = _push_updates(src, remote, quiet)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from None
    how = " with Virtuoso's bulk loader" if bulk else ""
    click.echo(f"pushed {graphs} graph(s), {n} triples to {update_endpoint or endpoint}{how}")


def _push_updates(src, remote, quiet: bool) -> tuple[int, int]:
    from tqdm import tqdm

    graphs = src.named_graphs()
    n = 0
    for g in tqdm(graphs, desc="push", unit="graph", disable=quiet, file=sys.stderr):
        n += remote.replace_article(g, src.graph(g))
    remote.flush()
    return len(graphs), n


def _push_bulk(src, remote, folder: str, address: str | None, user: str, password: str) -> tuple[int, int]:
    from libkg.store.virtuoso import Isql, isql_address, push_bulk

    isql = Isql(address or isql_address(remote.endpoint), user, password)
    return push_bulk(src, remote, isql, Path(folder))
