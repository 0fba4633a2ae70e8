"""Options and helpers shared by the commands."""

from __future__ import annotations

import click


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


def open_store_or_fail(store_path: str | None, endpoint: str | None = None, update_endpoint: str | None = None,
                user: str | None = None, password: str | None = None):
    from libkg.store import open_store
    from libkg.store.embedded import StoreError

    try:
        return open_store(store_path, endpoint=endpoint, update_endpoint=update_endpoint, user=user,
                          password=password)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


def parse_params(params: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for p in params:
        if "=" not in p:
            raise click.BadParameter(f"{p!r} is not key=value", param_hint="--param")
        k, v = p.split("=", 1)
        out[k.strip().lstrip("?$")] = v
    return out
