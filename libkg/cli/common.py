"""Options and helpers shared by the commands."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click


class BadInput(click.ClickException):
    """What the user gave cannot be used (a mistyped name, a bad value): exit status 2, like a usage error."""

    exit_code = 2


class StoreMissing(BadInput):
    """A command that reads was pointed at a folder holding no store."""


def _store_opts(write: bool) -> list[Callable[[Callable[..., Any]], Callable[..., Any]]]:
    opts: list[Callable[[Callable[..., Any]], Callable[..., Any]]] = [
        click.option("--store", "store_path", type=click.Path(file_okay=False), envvar="LIBKG_STORE",
                     help="Embedded store folder (default: $LIBKG_STORE, else ./.libkg/store)."),
        click.option("--endpoint", envvar="LIBKG_ENDPOINT",
                     help="Use a SPARQL 1.1 endpoint instead (query URL), e.g. http://localhost:7878/query."),
    ]
    if write:
        opts.append(click.option("--update-endpoint", envvar="LIBKG_UPDATE_ENDPOINT",
                                 help="The endpoint's SPARQL Update URL (default: the query URL)."))
    opts += [
        click.option("--user", envvar="LIBKG_USER", help="HTTP basic-auth user for the endpoint."),
        click.option("--password", envvar="LIBKG_PASSWORD", help="HTTP basic-auth password (or $LIBKG_PASSWORD)."),
    ]
    return opts


F = Callable[..., Any]


def _apply(fn: F, opts: list[Callable[[F], F]]) -> F:
    for o in reversed(opts):
        fn = o(fn)
    return fn


def store_options(fn: F) -> F:
    """--store for the embedded store; --endpoint, --update-endpoint and friends for a SPARQL 1.1 server.

    For commands that write (ingest); commands that only read take :func:`read_store_options`.
    """
    return _apply(fn, _store_opts(write=True))


def read_store_options(fn: F) -> F:
    """--store / --endpoint / --user / --password for commands that only read (no --update-endpoint)."""
    return _apply(fn, _store_opts(write=False))


def missing_store_message(path: str | Path) -> str:
    """What a reading command says when ``path`` holds no store."""
    return (f"no store at {path}: nothing has been ingested there (check --store / $LIBKG_STORE); "
            f"create one with: libkg ingest ARTICLES... --store {path}")


def open_store_or_fail(store_path: str | None, endpoint: str | None = None, update_endpoint: str | None = None,
                       user: str | None = None, password: str | None = None, *, create: bool = True):
    """Open the store, turning a store error into a clear command-line error.

    ``create=False`` (every command that only reads): an embedded store that does
    not exist yet is an error (:class:`StoreMissing`, exit 2) instead of a new empty
    store answering "0 rows".
    """
    from libkg.store import default_store_path, open_store, store_exists
    from libkg.store.embedded import StoreError

    if not endpoint and not create:
        path = Path(store_path) if store_path is not None else default_store_path()
        if not store_exists(path):
            raise StoreMissing(missing_store_message(path))
    try:
        return open_store(store_path, endpoint=endpoint, update_endpoint=update_endpoint, user=user,
                          password=password)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


def read_store_or_fail(store_path: str | None, endpoint: str | None = None, user: str | None = None,
                       password: str | None = None):
    """:func:`open_store_or_fail` for commands that only read: the store must exist."""
    return open_store_or_fail(store_path, endpoint, None, user, password, create=False)


def parse_params(params: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for p in params:
        if "=" not in p:
            raise click.BadParameter(f"{p!r} is not key=value", param_hint="--param")
        k, v = p.split("=", 1)
        out[k.strip().lstrip("?$")] = v
    return out


def date_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A click callback refusing an option value that is no date (exit status 2, naming option and value)."""
    from libkg.normalize import typed_date

    if value is None:
        return None
    try:
        return typed_date(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from None
