"""libkg serve: the web interface and SPARQL endpoint (read-only)."""

from __future__ import annotations

import click

from libkg.cli.app import cli
from libkg.cli.common import BadInput, StoreMissing, missing_store_message, read_store_options


@cli.command("serve")
@read_store_options
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; keep the default and put a reverse proxy in front (docs/SECURITY.md).")
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--base", envvar="LIBKG_BASE", help="Data base IRI the entity paths map onto (default: $LIBKG_BASE, "
              "else https://w3id.org/libkg/).")
@click.option("--query-timeout", type=float, default=10.0, show_default=True,
              help="Seconds a query may run before it is stopped (HTTP 504).")
@click.option("--max-rows", type=int, default=10000, show_default=True,
              help="Most rows (or triples) one answer carries; longer answers are cut.")
@click.option("--workers", type=int, default=2, show_default=True, help="Worker processes for /sparql queries.")
@click.option("--page-workers", type=int, default=1, show_default=True,
              help="Worker processes for the pages' own queries only, so pages answer while /sparql is busy.")
@click.option("--max-queue", type=int, default=32, show_default=True,
              help="Queries that may wait for a worker; beyond, requests get HTTP 503.")
@click.option("--worker-memory", type=int, default=320, show_default=True,
              help="MiB of memory each worker process may use (0: no cap); a query needing more fails alone. "
              "Total for queries: (--workers + 1 spare + --page-workers) x this.")
@click.option("--long-after", type=float, default=2.0, show_default=True,
              help="Seconds after which a query counts as long: at most --workers minus 1 long ones run at once.")
@click.option("--allow-service", is_flag=True,
              help="Let queries use SERVICE (federated query): the server then sends HTTP requests anyone can "
              "aim at any host it reaches. Off by default; see docs/SECURITY.md.")
@click.option("--license", "license_", envvar="LIBKG_LICENSE", metavar="ID|IRI",
              help="The graph's licence in the description at /.well-known/void: an SPDX id (CC-BY-4.0, CC0-1.0, "
                   "ODbL-1.0 ...) or a licence IRI (default: $LIBKG_LICENSE, else CC-BY-4.0). It covers the "
                   "extracted facts, not the articles.")
@click.option("--max-connections", type=int, default=256, show_default=True,
              help="Concurrent connections the HTTP server accepts before answering 503.")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
def serve(store_path: str | None, endpoint: str | None, user: str | None,
          password: str | None, host: str, port: int, base: str | None, query_timeout: float, max_rows: int,
          workers: int, page_workers: int, max_queue: int, worker_memory: int, long_after: float,
          allow_service: bool, license_: str | None, max_connections: int, log_level: str) -> None:
    """Serve the graph read-only: SPARQL endpoint, query editor, entity pages, search, network, timeline.

    The embedded store is opened read-only (ingest into it while the server is stopped, then
    restart); a store whose `ingest --bulk` was interrupted is refused (exit 2). Limits:
    --query-timeout, --max-rows, --workers/--page-workers/--max-queue, --worker-memory; SERVICE
    queries are refused unless --allow-service. See docs/SECURITY.md.

    \b
    Example:
      libkg serve --store out/store            # then open http://127.0.0.1:8000/
      libkg serve --endpoint http://localhost:7878/query --port 8080
    """
    from pathlib import Path

    import uvicorn

    from libkg.serve import ServeConfig, create_app
    from libkg.serve.workers import JobError, UnfinishedLoad
    from libkg.store.embedded import StoreError

    if max_rows < 1 or query_timeout <= 0 or workers < 1 or page_workers < 1 or long_after <= 0:
        raise click.BadParameter("--max-rows, --workers and --page-workers must be >= 1, "
                                 "--query-timeout and --long-after > 0")
    from libkg.rdf.void import license_iri

    try:
        license_iri(license_)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--license") from None
    config = ServeConfig(store_path=Path(store_path) if store_path else None, endpoint=endpoint, user=user,
                         password=password, base=base,
                         query_timeout=query_timeout, max_rows=max_rows, workers=workers, max_queue=max_queue,
                         worker_memory_mb=worker_memory, page_workers=page_workers, long_after=long_after,
                         allow_service=allow_service, license=license_)
    if not endpoint:
        _check_store(store_path)
    sock = _listen(host, port)
    app = create_app(config)
    click.echo(f"libkg serve: http://{_url_host(host)}:{port}/  (SPARQL: /sparql; Ctrl-C stops)", err=True)
    if allow_service:
        click.echo("libkg serve: --allow-service: queries may make this server send HTTP requests", err=True)
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level=log_level,
                                           limit_concurrency=max_connections, server_header=False,
                                           timeout_graceful_shutdown=5, lifespan="on"))
    try:
        server.run(sockets=[sock])
    except (StoreError, JobError, UnfinishedLoad) as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        sock.close()


def _check_store(store_path: str | None) -> None:
    """The store exists and no interrupted bulk load is in it (else a clear message; exit 2 for the latter)."""
    from pathlib import Path

    from libkg.serve.workers import UnfinishedLoad
    from libkg.store import default_store_path, store_exists
    from libkg.store.embedded import unfinished_loads

    path = Path(store_path) if store_path else default_store_path()
    if not store_exists(path):
        raise StoreMissing(missing_store_message(path))
    journals = unfinished_loads(path)
    if journals:
        raise BadInput(str(UnfinishedLoad(path, journals)))


def _listen(host: str, port: int):
    """A socket bound to (host, port) and listening, or a clear error if the address is taken."""
    import errno
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise click.BadParameter(f"cannot use --host {host!r}: {exc}") from None
    family, _, _, _, addr = infos[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn: allows TIME_WAIT, not a listener
    try:
        sock.bind(addr)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        in_use = exc.errno == errno.EADDRINUSE
        reason = "is already in use (another server is listening there)" if in_use else f"failed: {exc}"
        raise click.ClickException(f"cannot listen on {host}:{port}: the address {reason}; stop that "
                                   f"program or choose another --port") from None
    sock.set_inheritable(True)
    return sock


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
