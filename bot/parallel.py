"""A process pool for the build's per-file and per-release steps, with results in input order.

Workers come from a `forkserver` (a clean single-threaded parent, so forking is safe even from a bot
process with threads), else `spawn`. Small inputs, or `workers: 1`, run in this process: the results
are identical either way (the build's tests compare them)."""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Generic, TypeVar

log = logging.getLogger("pressbot.build")
T = TypeVar("T")
R = TypeVar("R")


def worker_count(setting: str) -> int:
    """`index.workers`: 'auto' (every core) or a number."""
    if setting == "auto":
        return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    return max(1, int(setting))


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


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
        with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
            for results in pool.map(fn, chunks):
                finished += 1
                n += len(results)
                yield from results
                if done:
                    done(n)
    except (BrokenProcessPool, OSError) as e:  # workers could not start (e.g. a script read from stdin)
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
        self.pool: ProcessPoolExecutor | None = None
        self.futures: list[Future[list[R]]] = []
        if workers > 1 and len(items) >= max(min_items, 2 * chunk):
            try:
                self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context())
                self.futures = [self.pool.submit(fn, part) for part in self.chunks]
            except (BrokenProcessPool, OSError) as e:
                log.warning("build workers failed (%s); going on in this process", e)
                self.close()

    def result(self) -> list[R]:
        """Every result, in input order (chunks the pool could not compute are computed here)."""
        out: list[R] = []
        for n, part in enumerate(self.chunks):
            try:
                if n >= len(self.futures):
                    raise BrokenProcessPool("no worker")
                out.extend(self.futures[n].result())
            except (BrokenProcessPool, OSError) as e:
                if self.futures:
                    log.warning("build workers failed (%s); going on in this process", e)
                    self.close()
                out.extend(self.fn(part))
        self.close()
        return out

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool, self.futures = None, []

    def __enter__(self) -> PoolJob[T, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
