"""Virtuoso beside the SPARQL protocol: its bulk loader through ``isql``, and a throwaway server.

:class:`RemoteStore` talks to Virtuoso as to any SPARQL 1.1 endpoint (its
``virtuoso`` :class:`~libkg.store.remote.Engine` keeps the union of the article
graphs in the named graph :data:`~libkg.store.remote.UNION_GRAPH`).  Loading a
big corpus by update requests is slow, so this module drives Virtuoso's own
bulk loader over its SQL port, as its documentation does by hand::

    ld_add('/data/graphs.nq', '...');  rdf_loader_run();  checkpoint;

:func:`bulk_load` loads N-Quads of the article graphs (``libkg export --format
nq``) and N-Triples of their union (``libkg export --format nt``) into the
union graph; ``libkg push --bulk`` writes both files from an embedded store and
calls it.  The files must be readable by the server process at the same path,
in a folder of its ``DirsAllowed`` (virtuoso.ini).

:class:`VirtuosoServer` starts a throwaway Virtuoso (Debian's
``virtuoso-opensource``: ``virtuoso-t`` and ``isql-vt``) with its own
database folder, ports and a small buffer pool, grants ``SPARQL_UPDATE`` to the
endpoint's anonymous user, and stops it at the end: what the tests, the
benchmark (``scripts/bench_virtuoso.py``) and a first trial need.
"""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from libkg.store.base import Store, StoreError
from libkg.store.remote import UNION_GRAPH, VIRTUOSO_SYSTEM_GRAPHS, RemoteStore

__all__ = ["Isql", "VirtuosoServer", "bulk_load", "isql_address", "isql_exe", "push_bulk", "virtuoso_exe",
           "virtuoso_missing"]

SERVER_NAMES = ("virtuoso-t",)
ISQL_NAMES = ("isql-vt", "isql")  # Debian's name, then upstream's
INSTALL_HINT = "apt-get install virtuoso-opensource (Debian, Ubuntu)"


def virtuoso_exe() -> str | None:
    """The Virtuoso server binary on the PATH, or None."""
    return next((p for p in map(shutil.which, SERVER_NAMES) if p), None)


def isql_exe() -> str | None:
    """Virtuoso's ``isql`` client on the PATH (``isql-vt`` on Debian), or None."""
    return next((p for p in map(shutil.which, ISQL_NAMES) if p), None)


def virtuoso_missing() -> str | None:
    """Why a Virtuoso server cannot be started here (a message), or None when it can."""
    if virtuoso_exe() is None or isql_exe() is None:
        return f"Virtuoso is not installed (virtuoso-t and isql-vt not on the PATH): {INSTALL_HINT}"
    return None


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@dataclass
class Isql:
    """Virtuoso's SQL port through its ``isql`` client: ``host:port``, a DBA account."""

    address: str = "127.0.0.1:1111"
    user: str = "dba"
    password: str = "dba"
    exe: str | None = None
    timeout: float = 3600

    def run(self, sql: str) -> str:
        """Run ``sql`` (statements ending with ``;``); its output.  An error is a :class:`StoreError`
        naming the address and Virtuoso's message (the first ``*** Error`` line)."""
        exe = self.exe or isql_exe()
        if exe is None:
            raise StoreError(f"Virtuoso's isql client is not installed: {INSTALL_HINT}")
        cmd = [exe, self.address, self.user, self.password, "VERBOSE=OFF", "BANNER=OFF", "PROMPT=OFF"]
        try:
            r = subprocess.run(cmd, input=sql, capture_output=True, text=True, timeout=self.timeout)
        except subprocess.TimeoutExpired:
            raise StoreError(f"isql {self.address}: no answer in {self.timeout:.0f} s") from None
        out = r.stdout + r.stderr
        bad = next((ln.strip() for ln in out.splitlines() if ln.startswith("*** Error")), None)
        if bad or r.returncode:
            raise StoreError(f"isql {self.address} failed: {bad or out.strip()[-300:] or f'exit {r.returncode}'}")
        return r.stdout


def bulk_load(isql: Isql, quads: Path | None, union: Path | None, union_graph: str = UNION_GRAPH) -> None:
    """Load ``quads`` (N-Quads, the article graphs) and ``union`` (N-Triples, their union, into
    ``union_graph``) with Virtuoso's bulk loader, then checkpoint.

    Each file is taken off the loader's list first, so the same path loads again.  A file the
    loader could not read or parse is an error naming the file and Virtuoso's message.
    """
    files = [(Path(f).resolve(), union_graph) for f in (quads, union) if f is not None]
    if not files:
        return
    sql = []
    for f, g in files:
        sql.append(f"DELETE FROM DB.DBA.LOAD_LIST WHERE ll_file = {_sql_string(str(f))};")
        sql.append(f"ld_add({_sql_string(str(f))}, {_sql_string(g)});")
    sql += ["rdf_loader_run();", "checkpoint;"]
    names = ", ".join(_sql_string(str(f)) for f, _ in files)
    sql.append(f"SELECT ll_file, ll_state, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_file IN ({names}) "
               "AND (ll_state <> 2 OR ll_error IS NOT NULL);")
    out = isql.run("\n".join(sql) + "\n")
    failed = [ln.strip() for ln in out.splitlines() if any(str(f) in ln for f, _ in files)]
    if failed:
        raise StoreError(f"Virtuoso's bulk loader did not load: {' | '.join(failed)[:500]}")


_INI = """[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 60
DirsAllowed = ., {db}, {load}
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
MaxQueryMem = 200M
ThreadsPerQuery = 2
AsyncQueueMaxThreads = 4
CaseMode = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {db}
MaxClientConnections = 4
ServerThreads = 4
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = {max_seconds}
"""


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class VirtuosoServer:
    """A throwaway Virtuoso in ``folder`` (database, ini, log; ``folder/load`` for bulk files) on
    loopback ports of its own, started by :meth:`start` (or ``with``) and stopped by :meth:`stop`.

    ``buffers``: pages of 8 KB in its buffer pool (20,000: about 170 MB); ``MaxDirtyBuffers`` is
    three quarters of it.  ``max_seconds``: a query's time limit (0: none).  Its endpoint (query
    and update) is :attr:`endpoint`; ``SPARQL_UPDATE`` is granted to the anonymous SPARQL user, so
    keep it on loopback.
    """

    def __init__(self, folder: str | Path, *, buffers: int = 20000, http_port: int | None = None,
                 sql_port: int | None = None, max_seconds: int = 60) -> None:
        self.folder = Path(folder).resolve()
        self.load_dir = self.folder / "load"
        self.buffers = buffers
        self.max_seconds = max_seconds
        self.http_port = http_port or _free_port()
        self.sql_port = sql_port or _free_port()
        self.process: subprocess.Popen | None = None
        self.isql = Isql(f"127.0.0.1:{self.sql_port}")

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    @property
    def log_path(self) -> Path:
        return self.folder / "virtuoso.log"

    def log(self) -> str:
        """Virtuoso's own log (it says when the HTTP and SQL servers are online)."""
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def write_ini(self) -> Path:
        self.load_dir.mkdir(parents=True, exist_ok=True)
        ini = self.folder / "virtuoso.ini"
        ini.write_text(_INI.format(db=self.folder, load=self.load_dir, sql_port=self.sql_port,
                                   http_port=self.http_port, buffers=self.buffers, dirty=self.buffers * 3 // 4,
                                   max_seconds=self.max_seconds), encoding="utf-8")
        return ini

    def start(self, timeout: float = 90) -> VirtuosoServer:
        """Start the server and wait until its SPARQL endpoint answers; grant SPARQL_UPDATE."""
        exe = virtuoso_exe()
        if exe is None:
            raise StoreError(virtuoso_missing() or "Virtuoso is not installed")
        ini = self.write_ini()
        with open(self.folder / "stdout.log", "wb") as out:
            self.process = subprocess.Popen([exe, "+foreground", "+configfile", str(ini)], cwd=self.folder,
                                            stdout=out, stderr=subprocess.STDOUT)
        try:
            self._wait(timeout)
            self.isql.run('grant SPARQL_UPDATE to "SPARQL";\n')
        except BaseException:
            self.stop()
            raise
        return self

    def _wait(self, timeout: float) -> None:
        url = self.endpoint + "?query=" + urllib.parse.quote("ASK {}")
        deadline = time.monotonic() + timeout
        while True:
            try:
                urllib.request.urlopen(url, timeout=2).read()
                return
            except OSError:
                if self.process is None or self.process.poll() is not None:
                    raise StoreError(f"Virtuoso exited at start:\n{self.log()[-2000:]}") from None
                if time.monotonic() > deadline:
                    raise StoreError(f"Virtuoso did not answer in {timeout:.0f} s:\n{self.log()[-2000:]}") from None
                time.sleep(0.2)

    def reset(self) -> None:
        """Delete every graph but Virtuoso's own (fast: no transaction log)."""
        keep = ", ".join(f"iri_to_id({_sql_string(g)})" for g in VIRTUOSO_SYSTEM_GRAPHS)
        self.isql.run(f"log_enable(3, 1);\nDELETE FROM DB.DBA.RDF_QUAD WHERE G NOT IN ({keep});\n"
                      "log_enable(1);\ncheckpoint;\n")

    def stop(self) -> None:
        """Stop the server (and kill it if it does not stop in 30 s).  Safe to call twice."""
        proc, self.process = self.process, None
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)

    def __enter__(self) -> VirtuosoServer:
        return self.start() if self.process is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def isql_address(endpoint: str, port: int = 1111) -> str:
    """``host:port`` of the SQL port of the Virtuoso serving ``endpoint`` (its host, Virtuoso's default port).

    >>> isql_address("http://db.example.org:8890/sparql")
    'db.example.org:1111'
    """
    return f"{urllib.parse.urlsplit(endpoint).hostname or '127.0.0.1'}:{port}"


def push_bulk(src: Store, remote: RemoteStore, isql: Isql, folder: str | Path) -> tuple[int, int]:
    """Copy store ``src`` into the Virtuoso behind ``remote`` with the bulk loader; (graphs, quads) loaded.

    ``src`` is written to ``folder`` (which the server must read at the same path: a folder of its
    ``DirsAllowed``) as N-Quads of its named graphs and N-Triples of their union, loaded by
    :func:`bulk_load`, then removed.  The server must hold none of those graphs yet: a bulk load
    adds, it does not replace (``libkg push`` without ``--bulk`` replaces graphs).
    """
    if remote.engine.name != "virtuoso":
        raise StoreError(f"{remote.endpoint} is not Virtuoso (by its Server header): --bulk drives Virtuoso's "
                         "bulk loader; push without --bulk sends update requests to any server")
    graphs = src.named_graphs()
    held = sorted(remote.contains_graphs(graphs))
    if held:
        raise StoreError(f"{remote.endpoint} holds {len(held)} of these {len(graphs)} graph(s) already "
                         f"(<{held[0]}>...): a bulk load adds and cannot replace them; push without --bulk")
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    quads, union = folder / "libkg-graphs.nq", folder / "libkg-union.nt"
    try:
        with quads.open("wb") as fh:
            src.export("nq", fh)
        with union.open("wb") as fh:
            src.export("nt", fh)
        with quads.open("rb") as fh:
            n = sum(1 for line in fh if line.strip())
        bulk_load(isql, quads, union, remote.engine.union_graph or UNION_GRAPH)
    finally:
        quads.unlink(missing_ok=True)
        union.unlink(missing_ok=True)
    missing = len(graphs) - len(remote.contains_graphs(graphs))
    if missing:
        raise StoreError(f"Virtuoso's bulk loader left out {missing} of {len(graphs)} graph(s); see its log")
    return len(graphs), n
