"""libkg link: link persons, organisations and places to Wikidata, VIAF, ISNI and GeoNames."""

from __future__ import annotations

import click

from libkg.cli.app import cli


@cli.command("link")
@click.option("--store", "store_path", type=click.Path(file_okay=False), envvar="LIBKG_STORE",
              help="Embedded store folder (default: $LIBKG_STORE, else ./.libkg/store).")
@click.option("--endpoint", "store_endpoint", envvar="LIBKG_ENDPOINT", metavar="URL",
              help="Link a SPARQL 1.1 store instead (its query URL), as in every command; "
                   "the authority is --authority-endpoint.")
@click.option("--update-endpoint", "store_update_endpoint", envvar="LIBKG_UPDATE_ENDPOINT", metavar="URL",
              help="That store's SPARQL Update URL (default: the query URL).")
@click.option("--store-endpoint", "old_store_endpoint", hidden=True)  # deprecated spellings of the two above
@click.option("--store-update-endpoint", "old_store_update_endpoint", hidden=True)
@click.option("--user", envvar="LIBKG_USER", help="HTTP basic-auth user for --endpoint.")
@click.option("--password", envvar="LIBKG_PASSWORD", help="HTTP basic-auth password (or $LIBKG_PASSWORD).")
@click.option("--base", envvar="LIBKG_BASE", help="Data base IRI the store was built with.")
@click.option("--offline", is_flag=True, help="Link from the tables shipped with libkg (provinces, institutions); no network.")
@click.option("--authority-endpoint", "authority", envvar="LIBKG_AUTHORITY_ENDPOINT", metavar="URL",
              help="Reconcile online against this SPARQL endpoint shaped like Wikidata "
                   "(https://query.wikidata.org/sparql).")
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.85, show_default=True,
              help="Score from which a link is written without review.")
@click.option("--rate", type=click.FloatRange(0), default=1.0, show_default=True, metavar="SECONDS",
              help="Minimum seconds between two requests to the authority endpoint.")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False),
              help="Cache folder for the authority's answers (default: $LIBKG_CACHE, else ~/.cache/libkg/authority).")
@click.option("--no-cache", is_flag=True, help="Ask the authority every time (not for public endpoints).")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(["org", "person", "place"]),
              help="Reconcile only these kinds of node (repeatable; default: all).")
@click.option("--review", "review_out", type=click.Path(dir_okay=False),
              help="Write the candidates below the threshold (or ambiguous) to this CSV for review.")
@click.option("--accept", "accept_in", type=click.Path(dir_okay=False, exists=True),
              help="Load a reviewed CSV: rows marked yes become links.")
@click.option("--dry-run", is_flag=True, help="Decide and report, write nothing to the store.")
def link(store_path: str | None, store_endpoint: str | None, store_update_endpoint: str | None,
         old_store_endpoint: str | None, old_store_update_endpoint: str | None,
         user: str | None, password: str | None, base: str | None, offline: bool, authority: str | None,
         threshold: float, rate: float, cache_dir: str | None, no_cache: bool, kinds: tuple[str, ...],
         review_out: str | None, accept_in: str | None, dry_run: bool) -> None:
    """Link nodes to authority records (Wikidata ids, VIAF, ISNI, GeoNames) in {base}graph/links.

    Clear matches are written as lkg:wikidataId plus skos:exactMatch (skos:closeMatch when
    the item spans several nodes) with a provenance node; doubtful ones go to --review.

    \b
    Examples:
      libkg link --offline --store out/store
      libkg link --authority-endpoint https://query.wikidata.org/sparql --store out/store --review review.csv
      libkg link --accept review.csv --store out/store
    """
    from libkg.cli.common import open_store_or_fail
    from libkg.link import (
        AuthorityClient,
        AuthorityError,
        QueryCache,
        ReviewError,
        default_cache_dir,
        link_offline,
        link_online,
        read_review,
        write_links,
        write_review,
    )

    store_endpoint, store_update_endpoint = _store_endpoints(store_endpoint, store_update_endpoint,
                                                             old_store_endpoint, old_store_update_endpoint)
    if not (offline or authority or accept_in):
        raise click.UsageError("nothing to do: give --offline, --authority-endpoint URL and/or --accept FILE")
    if review_out and not authority:
        raise click.UsageError("--review needs --authority-endpoint (the candidates come from the authority)")
    failed = False
    with open_store_or_fail(store_path, store_endpoint, store_update_endpoint, user, password,
                            create=False) as store:
        if offline:
            rep = link_offline(store, base, write=not dry_run)
            places = sum(1 for d in rep.decisions if d.kind == "Place")
            click.echo(f"offline: {rep.linked} node(s) linked ({places} place(s), "
                       f"{rep.linked - places} institution(s))")
        if authority:
            cache = None if no_cache else QueryCache(cache_dir or default_cache_dir())
            client = AuthorityClient(authority, cache, min_interval=rate)
            try:
                rep = link_online(store, client, base, threshold, tuple(kinds) or ("org", "person", "place"),
                                  write=not dry_run)
            except AuthorityError as exc:
                raise click.ClickException(str(exc)) from None
            nodes = len({d.node for d in rep.review})
            click.echo(f"online: {rep.linked} node(s) linked, {nodes} node(s) to review "
                       f"({len(rep.review)} candidate(s)), {rep.unmatched} without candidates; "
                       f"{rep.requests} request(s), {rep.cached} answer(s) from the cache")
            if review_out:
                n = write_review(review_out, rep.review)
                click.echo(f"wrote {n} candidate row(s) to {review_out}: mark 'yes' in the accept column, "
                           f"then libkg link --accept {review_out}")
            elif rep.review:
                click.echo("(use --review FILE to write the candidates for review)")
        if accept_in:
            try:
                res = read_review(accept_in)
            except ReviewError as exc:
                raise click.ClickException(str(exc)) from None
            if res.accepted and not dry_run:
                write_links(store, res.accepted, base)
            click.echo(f"review: {len(res.accepted)} link(s) accepted, {res.rejected} rejected, "
                       f"{res.undecided} undecided")
            for p in res.problems:
                click.echo(f"  problem: {p}", err=True)
            failed = bool(res.problems)
    if failed:
        raise SystemExit(1)


def _store_endpoints(endpoint: str | None, update: str | None, old_endpoint: str | None,
                     old_update: str | None) -> tuple[str | None, str | None]:
    """The store's query and update URLs, from --endpoint / --update-endpoint or their old spellings.

    ``--endpoint`` names the store here as in every other command; a URL that looks like an
    authority (Wikidata) is refused with a hint, since it meant the authority in libkg 0.x.
    """
    if old_endpoint or old_update:
        click.echo("warning: --store-endpoint / --store-update-endpoint are deprecated; "
                   "use --endpoint / --update-endpoint", err=True)
        endpoint, update = endpoint or old_endpoint, update or old_update
    if endpoint and "wikidata" in endpoint.lower():
        raise click.UsageError(f"--endpoint {endpoint} looks like an authority, but --endpoint is the store "
                               f"(as in every command): use --authority-endpoint {endpoint}")
    return endpoint, update
