"""A real server over a real store, for the web tests (protocol and browser alike).

The tests start ``libkg serve`` as a separate process on a free localhost port,
exactly as an operator would, so that what they check (time limits that kill
workers, 503 under load, no stack traces) is what production does.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["RunningServer", "build_store", "free_port", "running_server"]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_store(path: Path, articles: Path, extra_trig: Iterable[Path] = ()) -> Path:
    """Ingest ``articles`` (a folder or one file) into a new embedded store at ``path``, add the named graphs of the
    ``extra_trig`` files (hand-written facts the tests can rely on), and close it."""
    from rdflib import Dataset

    from libkg.ingest import ingest_paths
    from libkg.store import EmbeddedStore

    with EmbeddedStore(path) as store:
        report = ingest_paths(store, [articles])
        if report.errors:
            raise RuntimeError(f"ingest failed: {report.errors}")
        for trig in extra_trig:
            ds = Dataset()
            ds.parse(trig, format="trig")
            for g in ds.graphs():
                if len(g) and not str(g.identifier).startswith("urn:x-rdflib:"):
                    store.replace_graph(str(g.identifier), g)
    return path


@dataclass
class RunningServer:
    url: str
    process: subprocess.Popen
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


@contextlib.contextmanager
def running_server(store: Path | None, log_path: Path, *extra_args: str,
                   start_timeout: float = 60) -> Iterator[RunningServer]:
    """``libkg serve --store store`` (or, with ``store=None``, whatever ``extra_args`` say, e.g.
    ``--endpoint URL``) on a free port until the block ends (then stopped, and killed if it does
    not stop)."""
    port = free_port()
    source = ["--store", str(store)] if store is not None else []
    cmd = [sys.executable, "-c", "from libkg.cli import main; main()", "serve", *source,
           "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", *extra_args]
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    env.pop("LIBKG_BASE", None)
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
    server = RunningServer(f"http://127.0.0.1:{port}", proc, log_path)
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"libkg serve exited with {proc.returncode}:\n{server.log()}")
            try:
                with urllib.request.urlopen(server.url + "/robots.txt", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"libkg serve did not start in {start_timeout} s:\n{server.log()}")
            time.sleep(0.2)
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
