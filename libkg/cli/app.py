"""The root ``libkg`` command group; each command lives in a module of this package."""

from __future__ import annotations

import click

from libkg import __version__


class LibkgGroup(click.Group):
    """The root group: a store that fails while a command runs (an endpoint that cannot be reached,
    a store another process holds) is reported as an error naming it, never as a traceback."""

    def invoke(self, ctx: click.Context):
        from libkg.store.embedded import StoreError

        try:
            return super().invoke(ctx)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=LibkgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="libkg")
def cli() -> None:
    """libkg: turn library-sector news into an RDF knowledge graph and query it.

    Store: --store DIR (else $LIBKG_STORE, else ./.libkg/store), or --endpoint URL for a
    SPARQL 1.1 server.  Commands that only read refuse a store that does not exist.
    """
