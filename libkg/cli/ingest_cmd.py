"""libkg ingest: articles into the store."""

from __future__ import annotations

import sys

import click

from libkg.cli.app import cli
from libkg.cli.common import open_store_or_fail, store_options


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
        with open_store_or_fail(store_path, endpoint, update_endpoint, user, password) as store:
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
