"""The ``libkg`` command line.

One module per command (or group), like datasette's CLI; importing them
registers the commands on :data:`cli`.
"""

from __future__ import annotations

from libkg.cli import (  # noqa: F401  (imported to register their commands)
    evaluate_cmd,
    explain_cmd,
    extract_cmd,
    ingest_cmd,
    link_cmd,
    network_cmd,
    query_cmd,
    serve_cmd,
    store_cmds,
)
from libkg.cli.app import cli

__all__ = ["cli", "main"]


def main() -> None:
    cli()
