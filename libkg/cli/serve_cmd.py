"""libkg serve: the web interface and SPARQL endpoint (read-only)."""

from __future__ import annotations

import click

from libkg.cli.app import cli
from libkg.cli.common import store_options


@cli.command("serve")
@store_options
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; keep the default and put a reverse proxy in front (docs/SECURITY.md).")
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--base", envvar="LIBKG_BASE", help="Data base IRI the entity paths map onto (default: $LIBKG_BASE, "
              "else https://w3id.org/libkg/).")
@click.option("--query-timeout", type=float, default=10.0, show_default=True,
              help="Seconds a query may run before it is stopped (HTTP 504).")
@click.option("--max-rows", type=int, default=10000, show_default=True,
              help="Most rows (or triples) one answer carries; longer answers are cut.")
@click.option("--workers", type=int, default=2, show_default=True, help="Query worker processes.")
@click.option("--max-queue", type=int, default=32, show_default=True,
              help="Queries that may wait for a worker; beyond, requests get HTTP 503.")
@click.option("--worker-memory", type=int, default=4096, show_default=True,
              help="MiB of memory each query worker may use (0: no cap); a query needing more fails alone.")
@click.option("--max-connections", type=int, default=256, show_default=True,
              help="Concurrent connections the HTTP server accepts before answering 503.")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
def serve(store_path: str | None, endpoint: str | None, update_endpoint: str | None, user: str | None,
          password: str | None, host: str, port: int, base: str | None, query_timeout: float, max_rows: int,
          workers: int, max_queue: int, worker_memory: int, max_connections: int, log_level: str) -> None:
    """Serve the graph read-only: SPARQL endpoint, query editor, entity pages, search, network, timeline.

    The embedded store is opened read-only (ingest into it while the server is stopped, then
    restart). Limits: --query-timeout, --max-rows, --workers/--max-queue; see docs/SECURITY.md.

    \b
    Example:
      libkg serve --store out/store            # then open http://127.0.0.1:8000/
      libkg serve --endpoint http://localhost:7878/query --port 8080
    """
    import uvicorn

    from libkg.serve import ServeConfig, create_app
    from libkg.serve.workers import JobError
    from libkg.store.embedded import StoreError

    del update_endpoint  # the server never writes
    if max_rows < 1 or query_timeout <= 0 or workers < 1:
        raise click.BadParameter("--max-rows and --workers must be >= 1 and --query-timeout > 0")
    config = ServeConfig(store_path=store_path, endpoint=endpoint, user=user, password=password, base=base,
                         query_timeout=query_timeout, max_rows=max_rows, workers=workers, max_queue=max_queue,
                         worker_memory_mb=worker_memory)
    if not endpoint:
        from pathlib import Path

        from libkg.store import default_store_path

        path = Path(store_path) if store_path else default_store_path()
        if not (path / "CURRENT").exists():
            raise click.ClickException(f"no store at {path}; build one with `libkg ingest ... --store {path}`")
    app = create_app(config)
    click.echo(f"libkg serve: http://{host}:{port}/  (SPARQL: /sparql; Ctrl-C stops)", err=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level=log_level, limit_concurrency=max_connections,
                    server_header=False, timeout_graceful_shutdown=5, lifespan="on")
    except (StoreError, JobError) as exc:
        raise click.ClickException(str(exc)) from None
