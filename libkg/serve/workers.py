"""Where queries run: worker processes that can be killed, or threads for a remote endpoint.

Oxigraph cannot cancel a running query, and a thread cannot be stopped, so a
query such as a triple cross join would keep a core busy for hours after its
client gave up.  The embedded store is therefore queried in small pools of
worker processes, each holding the store open *read-only*; a job that passes
its time limit gets its worker killed (and replaced), which frees the CPU at
once.

There are two *lanes*, each its own pool: ``query`` runs what clients send to
``/sparql``; ``page`` runs the fixed queries of the entity, search, timeline,
network and home pages, so the pages keep answering while every ``/sparql``
worker is busy with slow queries.  Each pool bounds the work in flight: its
workers run one job each, at most ``max_queue`` wait, and any more are refused
with :class:`Busy` (HTTP 503).

Within a pool, a job running longer than ``long_after`` seconds is *long*; at
most ``size - 1`` long jobs run at once (all of them when ``size`` is 1), so
one worker always stays for quick queries.  A job that turns long when every
long slot is taken is stopped with :class:`Busy`, and its ``key`` (the query
text) is remembered as *heavy*: the next time it comes it waits for a long slot
in a short queue of its own instead of taking a worker from quick queries.

Workers have a memory cap (``RLIMIT_DATA``: heap and anonymous mappings) and,
unless SERVICE is allowed, no network at all: each starts in its own empty
network namespace (Linux user namespaces), so no query can reach another host
even if it got past the SERVICE check of :mod:`libkg.serve.sparql_guard`.

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
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from libkg.store.base import Store

log = logging.getLogger("libkg.serve")

__all__ = ["Backend", "Busy", "JobError", "ProcessBackend", "QuerySyntaxError", "QueryTimeout",
           "ThreadBackend", "UnfinishedLoad", "WorkerDied", "backend_for", "open_read_only"]

HEAVY_MEMORY = 1024  # query texts remembered as heavy (per pool)


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


class UnfinishedLoad(RuntimeError):
    """The store holds a bulk load that was interrupted: it is not served until recovered."""

    def __init__(self, path: Path, journals: list[Path]) -> None:
        super().__init__(
            f"the store at {path} holds an unfinished bulk load (`libkg ingest --bulk` was stopped before "
            f"it ended; journal: {', '.join(j.name for j in journals)}), so some articles may be only partly "
            f"there and it is not served. To recover, run the same `libkg ingest ... --bulk --store {path}` "
            f"again: opening the store for writing removes the partly loaded articles, then the ingest adds "
            f"them again. Then start `libkg serve` again.")
        self.path, self.journals = path, journals


def open_read_only(path: str | Path) -> Store:
    """The embedded store at ``path`` opened read-only (:meth:`~libkg.store.EmbeddedStore.open_read_only`).

    ``EmbeddedStore`` opens read-write and takes the directory lock, which would
    stop ``libkg ingest`` and lets a bug write; a server needs neither.  Every
    query method (and ``libkg.network.institutions``) works on it unchanged.  A
    store whose bulk load was interrupted is refused (:class:`UnfinishedLoad`).
    """
    from libkg.store import store_exists
    from libkg.store.embedded import EmbeddedStore, StoreError, unfinished_loads

    p = Path(path)
    if not store_exists(p):
        raise StoreError(f"no store at {p} (run `libkg ingest ... --store {p}` first)")
    journals = unfinished_loads(p)
    if journals:
        raise UnfinishedLoad(p, journals)
    return EmbeddedStore.open_read_only(p)


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
    # swallow the machine's memory kills only its own worker.  RLIMIT_DATA counts the heap and
    # anonymous writable mappings (what a query allocates), not the address space the allocator
    # and RocksDB merely reserve (a worker reserves ~700 MiB and uses ~110).
    if megabytes > 0:
        with contextlib.suppress(Exception):
            import resource

            cap = megabytes * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_DATA, (cap, cap))


def _cut_network() -> bool:
    """Move this (still single-threaded) process into a new, empty network namespace: no host is
    reachable, not even this one's loopback.  False if the system does not allow it."""
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        clone_newuser, clone_newnet = 0x10000000, 0x40000000
        if libc.unshare(clone_newuser | clone_newnet) == 0 or libc.unshare(clone_newnet) == 0:
            return True
    return False


def _worker_main(conn, opener: Callable[[], Any], memory_mb: int = 0, offline: bool = True) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent()
    _limit_memory(memory_mb)
    isolated = _cut_network() if offline else False
    try:
        store = opener()
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which fails to start
        conn.send(("error", "internal", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", {"isolated": isolated}))
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

    async def call(self, fn: Callable[..., Any], *args: Any, timeout: float, lane: str = "query",
                   key: Hashable | None = None) -> Any: ...


def _unwrap(reply: tuple) -> Any:
    if reply[0] == "ok":
        return reply[1]
    _, kind, text = reply
    if kind == "syntax":
        raise QuerySyntaxError(text)
    raise JobError(text)


class _Worker:
    def __init__(self, ctx, opener: Callable[[], Any], memory_mb: int = 0, offline: bool = True,
                 name: str = "libkg-query") -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, opener, memory_mb, offline), daemon=True,
                                name=name)
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
    fut: asyncio.Future[bool] = loop.create_future()
    fd = conn.fileno()

    def wake() -> None:
        if not fut.done():
            fut.set_result(True)

    loop.add_reader(fd, wake)
    try:
        return await asyncio.wait_for(fut, max(timeout, 0.001))
    except TimeoutError:
        return False
    finally:
        loop.remove_reader(fd)


def _stopped(timeout: float) -> QueryTimeout:
    return QueryTimeout(f"the query was stopped after {timeout:g} s (the server's time limit)")


class _Pool:
    """``size`` worker processes of one lane, each opening the store with ``opener()``, capped at
    ``memory_mb`` MiB (0: no cap) and cut off from the network when ``offline``; ``spares`` more
    wait ready to take a killed worker's place at once (starting one takes a second or more)."""

    def __init__(self, name: str, opener: Callable[[], Any], size: int, max_queue: int, memory_mb: int,
                 offline: bool, long_after: float, start_timeout: float, spares: int = 0) -> None:
        self.name, self.opener, self.size, self.max_queue = name, opener, max(1, size), max(0, max_queue)
        self.spares = max(0, spares)
        self._spare: list[_Worker] = []
        self.memory_mb, self.offline, self.start_timeout = memory_mb, offline, start_timeout
        self.long_after = long_after
        self.long_slots = max(1, self.size - 1)  # one worker stays for quick jobs
        self.heavy_queue = self.size  # known-heavy jobs that may wait for a long slot
        self._ctx = mp.get_context("spawn")  # never fork a process running an event loop
        self._idle: asyncio.Queue[_Worker] | None = None
        self._long: asyncio.Semaphore | None = None
        self._heavy: OrderedDict[Hashable, None] = OrderedDict()
        self._waiting = self._heavy_waiting = 0
        self._all: set[_Worker] = set()
        self._closing = False
        self.network_cut: bool | None = None  # whether the workers started without network (None: none yet)

    async def _spawn(self) -> _Worker:
        w = await asyncio.to_thread(_Worker, self._ctx, self.opener, self.memory_mb, self.offline,
                                    f"libkg-{self.name}")
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
        was, self.network_cut = self.network_cut, bool(reply[1].get("isolated"))
        if self.offline and not self.network_cut and was is not False:
            log.warning("query workers could not be cut off from the network (no user namespaces here); "
                        "SERVICE is still refused by the query check")
        return w

    async def start(self) -> None:
        self._idle = asyncio.Queue()
        self._long = asyncio.Semaphore(self.long_slots)
        workers = await asyncio.gather(*(self._spawn() for _ in range(self.size + self.spares)),
                                       return_exceptions=True)
        errors = [w for w in workers if isinstance(w, BaseException)]
        for i, w in enumerate(workers):
            if isinstance(w, _Worker):
                (self._idle.put_nowait if i < self.size else self._spare.append)(w)
        if errors:
            await self.stop()
            raise errors[0]

    async def stop(self) -> None:
        self._closing = True
        self._spare.clear()
        for w in list(self._all):
            with contextlib.suppress(Exception):
                w.conn.send(None)
            w.kill()
        self._all.clear()

    async def _replace(self, dead: _Worker) -> None:
        assert self._idle is not None
        self._all.discard(dead)
        if self._spare and not self._closing:
            self._idle.put_nowait(self._spare.pop())  # a ready spare takes its place now ...
            to_spares = True  # ... and the new worker becomes a spare
        else:
            to_spares = False
        await asyncio.to_thread(dead.kill)
        if self._closing:
            return
        for attempt in range(3):
            try:
                w = await self._spawn()
            except Exception:  # noqa: BLE001
                log.exception("could not start a query worker (attempt %d)", attempt + 1)
                await asyncio.sleep(1)
                continue
            (self._spare.append if to_spares else self._idle.put_nowait)(w)
            return

    def _remember_heavy(self, key: Hashable | None) -> None:
        if key is not None:
            self._heavy[key] = None
            self._heavy.move_to_end(key)
            while len(self._heavy) > HEAVY_MEMORY:
                self._heavy.popitem(last=False)

    async def _admit(self, heavy: bool, deadline: float) -> tuple[_Worker, bool]:
        """A free worker (and, for a known-heavy job, a long slot first); :class:`Busy` if none in time."""
        assert self._idle is not None and self._long is not None
        if heavy and self._heavy_waiting >= self.heavy_queue:
            raise Busy("the server is busy: this query ran long before, and enough long queries are "
                       "running or waiting now; retry later")
        if self._waiting >= self.max_queue + self.size:
            raise Busy("the server is busy: too many queries at once")
        self._waiting += 1
        self._heavy_waiting += heavy
        slot = False
        try:
            if heavy:
                await asyncio.wait_for(self._long.acquire(), max(deadline - time.monotonic(), 0.001))
                slot = True
            return await asyncio.wait_for(self._idle.get(), max(deadline - time.monotonic(), 0.001)), slot
        except TimeoutError:
            if slot:
                self._long.release()
            raise Busy("the server is busy: no query worker became free in time") from None
        except BaseException:
            if slot:
                self._long.release()
            raise
        finally:
            self._waiting -= 1
            self._heavy_waiting -= heavy

    async def _wait_reply(self, worker: _Worker, slot: bool, key: Hashable | None, timeout: float,
                          deadline: float) -> tuple[bool, bool]:
        """Wait for the job's reply, taking a long slot once it runs past ``long_after``.
        Returns (ready, slot taken here)."""
        assert self._long is not None
        took = False
        if not slot and deadline - time.monotonic() > self.long_after:
            if await _readable(worker.conn, self.long_after):
                return True, False
            if self._long.locked():
                self._remember_heavy(key)
                raise Busy(f"the server is busy with other long-running queries: this one was stopped after "
                           f"{self.long_after:g} s; retry later")
            await self._long.acquire()
            took = True
        try:
            ready = await _readable(worker.conn, deadline - time.monotonic())
        except BaseException:
            if took:
                self._long.release()
            raise
        if not ready:
            self._remember_heavy(key)
        return ready, took

    async def call(self, fn: Callable[..., Any], args: tuple, timeout: float, key: Hashable | None) -> Any:
        assert self._idle is not None and self._long is not None, "start() the backend first"
        deadline = time.monotonic() + timeout
        worker, slot = await self._admit(key is not None and key in self._heavy, deadline)
        healthy = False
        try:
            worker.conn.send((fn, args))
            ready, took = await self._wait_reply(worker, slot, key, timeout, deadline)
            slot = slot or took
            if not ready:
                raise _stopped(timeout)
            reply = worker.conn.recv()
            healthy = True
            return _unwrap(reply)
        except (EOFError, OSError) as exc:
            log.warning("a query worker ended during a job (%s); replacing it", type(exc).__name__)
            raise WorkerDied("the query stopped its worker, most likely by needing more memory than "
                             "the server allows (--worker-memory)") from None
        finally:
            if slot:
                self._long.release()
            if healthy:
                self._idle.put_nowait(worker)
            else:  # timed out, stopped, cancelled (client gone) or dead: its answer would come too late
                asyncio.get_running_loop().create_task(self._replace(worker))


class ProcessBackend:
    """Worker processes in two lanes, ``query`` and ``page``: ``size`` for ``/sparql`` queries (plus one
    spare, ready to replace a worker killed at the time limit) and ``page_size`` for the page
    queries, each worker capped at ``memory_mb`` MiB (0: no cap).

    At most ``(size + 1 + page_size) * memory_mb`` MiB go to queries, plus the server process itself.
    """

    def __init__(self, opener: Callable[[], Any], size: int = 2, max_queue: int = 32,
                 start_timeout: float = 60, memory_mb: int = 0, page_size: int = 1, page_queue: int = 16,
                 offline: bool = True, long_after: float = 2.0) -> None:
        self.pools = {
            "query": _Pool("query", opener, size, max_queue, memory_mb, offline, long_after, start_timeout,
                           spares=1),
            "page": _Pool("page", opener, page_size, page_queue, memory_mb, offline, long_after, start_timeout),
        }

    async def start(self) -> None:
        """Start every worker and wait until each has opened the store (fails fast if it cannot)."""
        try:
            for pool in self.pools.values():
                await pool.start()
        except BaseException:
            await self.stop()
            raise

    async def stop(self) -> None:
        for pool in self.pools.values():
            await pool.stop()

    @property
    def network_cut(self) -> bool:
        """Whether every worker started so far runs without network (see :func:`_cut_network`)."""
        return all(pool.network_cut for pool in self.pools.values())

    async def call(self, fn: Callable[..., Any], *args: Any, timeout: float, lane: str = "query",
                   key: Hashable | None = None) -> Any:
        """Run ``fn(store, *args)`` in a worker of ``lane``; :class:`QueryTimeout` after ``timeout`` s.
        ``key`` names the job for the heavy-query memory (the query text; None: not remembered)."""
        return await self.pools[lane].call(fn, args, timeout, key)


class ThreadBackend:
    """Jobs in threads, for a store that cannot be opened in another process (a remote endpoint,
    an in-memory store).  A late thread is abandoned, not stopped: RemoteStore's HTTP timeout ends it.
    Each lane has its own threads, so the pages keep answering while queries are slow."""

    def __init__(self, store: Store, size: int = 4, max_queue: int = 32, page_size: int = 2) -> None:
        self.store, self.max_queue = store, max(0, max_queue)
        self.sizes = {"query": max(1, size), "page": max(1, page_size)}
        self._sems = {lane: asyncio.Semaphore(n) for lane, n in self.sizes.items()}
        self._waiting = dict.fromkeys(self.sizes, 0)

    async def start(self) -> None:
        self._sems = {lane: asyncio.Semaphore(n) for lane, n in self.sizes.items()}

    async def stop(self) -> None:
        with contextlib.suppress(Exception):
            self.store.close()

    async def call(self, fn: Callable[..., Any], *args: Any, timeout: float, lane: str = "query",
                   key: Hashable | None = None) -> Any:
        del key
        if self._waiting[lane] >= self.max_queue + self.sizes[lane]:
            raise Busy("the server is busy: too many queries at once")
        self._waiting[lane] += 1
        try:
            async with asyncio.timeout(timeout):
                async with self._sems[lane]:
                    try:
                        return await asyncio.to_thread(fn, self.store, *args)
                    except Exception as exc:  # noqa: BLE001
                        kind, text = _classify(exc)
                        raise QuerySyntaxError(text) if kind == "syntax" else JobError(text) from exc
        except TimeoutError:
            raise _stopped(timeout) from None
        finally:
            self._waiting[lane] -= 1


def backend_for(config) -> Backend:
    """The backend a configuration asks for: processes over an embedded store, threads over an endpoint."""
    if config.endpoint:
        from libkg.store import RemoteStore

        store = RemoteStore(config.endpoint, user=config.user, password=config.password,
                            timeout=max(1.0, config.query_timeout))
        return ThreadBackend(store, size=max(2, config.workers), max_queue=config.max_queue,
                             page_size=max(2, config.page_workers))
    from libkg.store import default_store_path

    path = Path(config.store_path) if config.store_path else default_store_path()
    return ProcessBackend(functools.partial(open_read_only, os.fspath(path)), size=config.workers,
                          max_queue=config.max_queue, memory_mb=config.worker_memory_mb,
                          page_size=config.page_workers, page_queue=config.page_queue,
                          offline=not config.allow_service, long_after=config.long_after)
