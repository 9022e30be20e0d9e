"""A process pool for the build's per-file and per-release steps, with results in input order.

Workers come from a `forkserver` (a clean single-threaded parent, so forking is safe even from a bot
process with threads; it imports the build's modules once, so each worker starts without importing
them), else `spawn`. Inside `with SharedPool(workers):` every step uses the same workers (a pool's
start costs each worker's start-up). Small inputs, or `workers: 1`, run in this process: the results
are identical either way (the build's tests compare them)."""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack, contextmanager
from contextvars import ContextVar, Token
from typing import Generic, TypeVar

log = logging.getLogger("pressbot.build")
T = TypeVar("T")
R = TypeVar("R")
# the modules whose functions the build sends to its workers: imported once by the forkserver
_PRELOAD = ["__main__", "bot.ingest.corpus", "bot.people.build", "bot.extract.place_table", "bot.index.tokenizer",
            "bot.release_tables", "bot.paragraph_pass"]


def worker_count(setting: str) -> int:
    """`index.workers`: 'auto' (every core) or a number."""
    if setting == "auto":
        return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    return max(1, int(setting))


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(_PRELOAD)  # no effect once the server runs
    return ctx


class SharedPool:
    """One pool of `workers` processes for every parallel step run inside `with SharedPool(n):` (started
    on first use, shut down at the end of the block)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None
        self.broken = False
        self._token: Token[SharedPool | None] | None = None

    def get(self) -> ProcessPoolExecutor:
        if self.pool is None:
            self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=_context())
        return self.pool

    def __enter__(self) -> SharedPool:
        self._token = _SHARED.set(self)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._token is not None:
            _SHARED.reset(self._token)
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = None


_SHARED: ContextVar[SharedPool | None] = ContextVar("pressbot_build_pool", default=None)


def _pool(workers: int, stack: ExitStack) -> Executor:
    """The shared pool when one of this size is open (left running), else a new pool closed with `stack`."""
    shared = _SHARED.get()
    if shared is not None and shared.workers == workers:
        if shared.broken:
            raise BrokenProcessPool("the build's workers failed before")
        return shared.get()
    return stack.enter_context(ProcessPoolExecutor(max_workers=workers, mp_context=_context()))


def _mark_broken() -> None:
    shared = _SHARED.get()
    if shared is not None:
        shared.broken = True


def chunked(items: Sequence[T], size: int) -> list[list[T]]:
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def pmap(fn: Callable[[list[T]], list[R]], items: Sequence[T], workers: int, chunk: int,
         min_items: int = 0, done: Callable[[int], None] | None = None) -> list[R]:
    """`fn` over `items` in chunks of `chunk` (fn takes a chunk, returns one result per item), on
    `workers` processes; results flattened in input order; `done(n)` after each chunk with the items
    finished so far. Serial when there is one worker or fewer than `min_items` items (a pool costs
    about a second to start)."""
    return list(pmap_iter(fn, items, workers, chunk, min_items, done))


def pmap_iter(fn: Callable[[list[T]], list[R]], items: Sequence[T], workers: int, chunk: int,
              min_items: int = 0, done: Callable[[int], None] | None = None) -> Iterator[R]:
    """`pmap`, yielding each result in input order as soon as its chunk is back: the caller's own work on
    the results runs while the workers compute the next chunks."""
    n = 0
    if workers <= 1 or len(items) < max(min_items, 2 * chunk):
        for part in chunked(items, chunk):
            results = fn(part)
            n += len(results)
            yield from results
            if done:
                done(n)
        return
    chunks = chunked(items, chunk)
    finished = 0
    try:
        with ExitStack() as stack:
            for results in _pool(workers, stack).map(fn, chunks):
                finished += 1
                n += len(results)
                yield from results
                if done:
                    done(n)
    except (BrokenProcessPool, OSError) as e:  # workers could not start (e.g. a script read from stdin)
        _mark_broken()
        log.warning("build workers failed (%s); going on in this process", e)
        for part in chunks[finished:]:
            results = fn(part)
            n += len(results)
            yield from results
            if done:
                done(n)


class PoolJob(Generic[T, R]):
    """`pmap` started now and collected later: the pool computes while this process does other work
    (`with PoolJob(...) as job: ...; results = job.result()`). Serial, at `result()`, when `pmap` would be."""

    def __init__(self, fn: Callable[[list[T]], list[R]], items: Sequence[T], workers: int, chunk: int,
                 min_items: int = 0) -> None:
        self.fn, self.chunks = fn, chunked(items, chunk)
        self.stack = ExitStack()
        self.futures: list[Future[list[R]]] = []
        if workers > 1 and len(items) >= max(min_items, 2 * chunk):
            try:
                pool = _pool(workers, self.stack)
                self.futures = [pool.submit(fn, part) for part in self.chunks]
            except (BrokenProcessPool, OSError) as e:
                self._failed(e)

    def _failed(self, e: BaseException) -> None:
        _mark_broken()
        log.warning("build workers failed (%s); going on in this process", e)
        self.close()

    def result(self) -> list[R]:
        """Every result, in input order (chunks the pool could not compute are computed here)."""
        out: list[R] = []
        for n, part in enumerate(self.chunks):
            if n < len(self.futures):
                try:
                    out.extend(self.futures[n].result())
                    continue
                except (BrokenProcessPool, OSError) as e:
                    self._failed(e)
            out.extend(self.fn(part))
        self.close()
        return out

    def close(self) -> None:
        for f in self.futures:
            f.cancel()
        self.futures = []
        self.stack.close()

    def __enter__(self) -> PoolJob[T, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_gc_lock = threading.Lock()
_gc_pauses = 0  # builds running with the collector paused (a bot may build in two threads at once)
_gc_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Automatic garbage collection off for the block (restored after the last such block ends). A build
    makes millions of objects that live on, and almost no cycles: the collector's full passes over them
    cost seconds (10% of this process's CPU on the dev corpus) and free a few hundred objects."""
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()
