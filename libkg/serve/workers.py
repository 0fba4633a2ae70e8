"""Where queries run: worker processes that can be killed, or threads for a remote endpoint.

Oxigraph cannot cancel a running query, and a thread cannot be stopped, so a
query such as a triple cross join would keep a core busy for hours after its
client gave up.  The embedded store is therefore queried in a small pool of
worker processes, each holding the store open *read-only*; a job that passes
its time limit gets its worker killed (and replaced), which frees the CPU at
once.  The pool also bounds the work in flight: ``size`` jobs run, at most
``max_queue`` wait, and any more are refused with :class:`Busy` (HTTP 503).

A job is a module-level function ``fn(store, *args)`` returning something
picklable; the same job functions run unchanged on the :class:`ThreadBackend`
used for a remote SPARQL endpoint (whose own HTTP timeout ends abandoned
threads).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import multiprocessing as mp
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

log = logging.getLogger("libkg.serve")

__all__ = ["Backend", "Busy", "JobError", "ProcessBackend", "QuerySyntaxError", "QueryTimeout",
           "ThreadBackend", "WorkerDied", "backend_for", "open_read_only"]


class Busy(RuntimeError):
    """Too much work in flight: the request is refused rather than queued without end."""


class QueryTimeout(RuntimeError):
    """The job passed its time limit and was stopped."""


class QuerySyntaxError(ValueError):
    """The query text does not parse; the message is the parser's and is safe to show."""


class JobError(RuntimeError):
    """A job failed for another reason (logged in full on the server, never sent to clients)."""


class WorkerDied(RuntimeError):
    """The worker process ended during the job: most likely the query hit the memory limit."""


def open_read_only(path: str | Path):
    """The embedded store at ``path`` opened read-only, behind the usual ``EmbeddedStore`` methods.

    ``EmbeddedStore`` opens read-write and takes the directory lock, which would
    stop ``libkg ingest`` and lets a bug write; a server needs neither.  The
    adapter is built around ``pyoxigraph.Store.read_only`` so every query method
    (and ``libkg.network.institutions``) works on it unchanged.
    """
    import pyoxigraph as ox

    from libkg.store.embedded import EmbeddedStore, StoreError

    p = Path(path)
    if not (p / "CURRENT").exists():
        raise StoreError(f"no store at {p} (run `libkg ingest ... --store {p}` first)")
    st = EmbeddedStore.__new__(EmbeddedStore)
    st.path = None  # nothing to flush on close: the store is never written
    try:
        st._store = ox.Store.read_only(str(p))
    except OSError as exc:
        raise StoreError(f"cannot open the store at {p} read-only: {exc}") from exc
    return st


def _classify(exc: BaseException) -> tuple[str, str]:
    if isinstance(exc, SyntaxError | QuerySyntaxError):
        return "syntax", str(exc)
    text = str(exc)
    if "answered HTTP 400" in text or "QueryBadFormed" in text:  # a remote endpoint's parser said no
        detail = text.split("Response:", 1)[-1].strip()
        if detail.startswith(("b'", 'b"')):
            detail = detail[2:-1].encode("latin-1", "backslashreplace").decode("unicode_escape", "replace")
        return "syntax", f"(from the endpoint; line numbers count its prefix lines) {detail}"
    return "internal", f"{type(exc).__name__}: {exc}"


def _die_with_parent() -> None:
    # A worker busy in a long query would outlive a killed server otherwise.
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _limit_memory(megabytes: int) -> None:
    # Oxigraph aborts the process when an allocation fails: with a cap, a query that would
    # swallow the machine's memory kills only its own worker.
    if megabytes > 0:
        with contextlib.suppress(Exception):
            import resource

            cap = megabytes * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def _worker_main(conn, opener: Callable[[], Any], memory_mb: int = 0) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent()
    _limit_memory(memory_mb)
    try:
        store = opener()
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which fails to start
        conn.send(("error", "internal", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        fn, args = msg
        try:
            conn.send(("ok", fn(store, *args)))
        except Exception as exc:  # noqa: BLE001 - every failure goes back as a message
            kind, text = _classify(exc)
            conn.send(("error", kind, text))


class Backend(Protocol):
    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def call(self, fn: Callable[..., Any], *args: Any, timeout: float) -> Any: ...


def _unwrap(reply: tuple) -> Any:
    if reply[0] == "ok":
        return reply[1]
    _, kind, text = reply
    if kind == "syntax":
        raise QuerySyntaxError(text)
    raise JobError(text)


class _Worker:
    def __init__(self, ctx, opener: Callable[[], Any], memory_mb: int = 0) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, opener, memory_mb), daemon=True,
                                name="libkg-query")
        self.proc.start()
        child.close()

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.proc.kill()
        with contextlib.suppress(Exception):
            self.proc.join(2)
        with contextlib.suppress(Exception):
            self.conn.close()


async def _readable(conn, timeout: float) -> bool:
    """Wait until ``conn`` has a message, without a thread per waiting request."""
    loop = asyncio.get_running_loop()
    fut: asyncio.Future = loop.create_future()
    fd = conn.fileno()
    loop.add_reader(fd, lambda: fut.done() or fut.set_result(True))
    try:
        return await asyncio.wait_for(fut, max(timeout, 0.001))
    except TimeoutError:
        return False
    finally:
        loop.remove_reader(fd)


class ProcessBackend:
    """A pool of ``size`` worker processes, each opening the store with ``opener()`` and capped at
    ``memory_mb`` MiB of address space (0: no cap)."""

    def __init__(self, opener: Callable[[], Any], size: int = 2, max_queue: int = 32,
                 start_timeout: float = 60, memory_mb: int = 0) -> None:
        self.opener, self.size, self.max_queue = opener, max(1, size), max(0, max_queue)
        self.memory_mb = memory_mb
        self.start_timeout = start_timeout
        self._ctx = mp.get_context("spawn")  # never fork a process running an event loop
        self._idle: asyncio.Queue[_Worker] | None = None
        self._waiting = 0
        self._all: set[_Worker] = set()
        self._closing = False

    async def _spawn(self) -> _Worker:
        w = await asyncio.to_thread(_Worker, self._ctx, self.opener, self.memory_mb)
        self._all.add(w)
        if not await _readable(w.conn, self.start_timeout):
            w.kill()
            self._all.discard(w)
            raise JobError("a query worker did not start in time")
        reply = w.conn.recv()
        if reply[0] != "ready":
            w.kill()
            self._all.discard(w)
            raise JobError(reply[2])
        return w

    async def start(self) -> None:
        """Start every worker and wait until each has opened the store (fails fast if it cannot)."""
        self._idle = asyncio.Queue()
        workers = await asyncio.gather(*(self._spawn() for _ in range(self.size)), return_exceptions=True)
        errors = [w for w in workers if isinstance(w, BaseException)]
        for w in workers:
            if isinstance(w, _Worker):
                self._idle.put_nowait(w)
        if errors:
            await self.stop()
            raise errors[0]

    async def stop(self) -> None:
        self._closing = True
        for w in list(self._all):
            with contextlib.suppress(Exception):
                w.conn.send(None)
            w.kill()
        self._all.clear()

    async def _replace(self, dead: _Worker) -> None:
        dead.kill()
        self._all.discard(dead)
        if self._closing:
            return
        for attempt in range(3):
            try:
                w = await self._spawn()
            except Exception:  # noqa: BLE001
                log.exception("could not start a query worker (attempt %d)", attempt + 1)
                await asyncio.sleep(1)
                continue
            assert self._idle is not None
            self._idle.put_nowait(w)
            return

    async def call(self, fn: Callable[..., Any], *args: Any, timeout: float) -> Any:
        """Run ``fn(store, *args)`` in a worker; :class:`QueryTimeout` after ``timeout`` seconds."""
        assert self._idle is not None, "start() the backend first"
        if self._waiting >= self.max_queue + self.size:
            raise Busy("the server is busy: too many queries at once")
        deadline = time.monotonic() + timeout
        self._waiting += 1
        try:
            try:
                worker = await asyncio.wait_for(self._idle.get(), timeout)
            except TimeoutError:
                raise Busy("the server is busy: no query worker became free in time") from None
        finally:
            self._waiting -= 1
        healthy = False
        try:
            worker.conn.send((fn, args))
            if not await _readable(worker.conn, deadline - time.monotonic()):
                raise QueryTimeout(f"the query was stopped after {timeout:g} s (the server's time limit)")
            reply = worker.conn.recv()
            healthy = True
            return _unwrap(reply)
        except (EOFError, OSError) as exc:
            log.warning("a query worker ended during a job (%s); replacing it", type(exc).__name__)
            raise WorkerDied("the query stopped its worker, most likely by needing more memory than "
                             "the server allows (--worker-memory)") from None
        finally:
            if healthy:
                self._idle.put_nowait(worker)
            else:  # timed out, cancelled (client gone) or dead: its answer would come too late
                asyncio.get_running_loop().create_task(self._replace(worker))


class ThreadBackend:
    """Jobs in threads, for a store that cannot be opened in another process (a remote endpoint,
    an in-memory store).  A late thread is abandoned, not stopped: RemoteStore's HTTP timeout ends it."""

    def __init__(self, store: Any, size: int = 4, max_queue: int = 32) -> None:
        self.store, self.size, self.max_queue = store, max(1, size), max(0, max_queue)
        self._sem = asyncio.Semaphore(self.size)
        self._waiting = 0

    async def start(self) -> None:
        self._sem = asyncio.Semaphore(self.size)

    async def stop(self) -> None:
        with contextlib.suppress(Exception):
            self.store.close()

    async def call(self, fn: Callable[..., Any], *args: Any, timeout: float) -> Any:
        if self._waiting >= self.max_queue + self.size:
            raise Busy("the server is busy: too many queries at once")
        self._waiting += 1
        try:
            async with asyncio.timeout(timeout):
                async with self._sem:
                    try:
                        return await asyncio.to_thread(fn, self.store, *args)
                    except Exception as exc:  # noqa: BLE001
                        kind, text = _classify(exc)
                        raise QuerySyntaxError(text) if kind == "syntax" else JobError(text) from exc
        except TimeoutError:
            raise QueryTimeout(f"the query was stopped after {timeout:g} s (the server's time limit)") from None
        finally:
            self._waiting -= 1


def backend_for(config) -> Backend:
    """The backend a configuration asks for: processes over an embedded store, threads over an endpoint."""
    if config.endpoint:
        from libkg.store import RemoteStore

        store = RemoteStore(config.endpoint, user=config.user, password=config.password,
                            timeout=max(1.0, config.query_timeout))
        return ThreadBackend(store, size=max(2, config.workers), max_queue=config.max_queue)
    from libkg.store import default_store_path

    path = Path(config.store_path) if config.store_path else default_store_path()
    return ProcessBackend(functools.partial(open_read_only, os.fspath(path)), size=config.workers,
                          max_queue=config.max_queue, memory_mb=config.worker_memory_mb)
