"""The root ``libkg`` command group; each command lives in a module of this package."""

from __future__ import annotations

import click

from libkg import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="libkg")
def cli() -> None:
    """libkg: turn library-sector news into an RDF knowledge graph and query it.

    Store: --store DIR (else $LIBKG_STORE, else ./.libkg/store), or --endpoint URL for a
    SPARQL 1.1 server.
    """
