"""Answers off the event loop: a small thread pool owned by the bot, a time budget per answer.

The engine is synchronous and CPU-bound (BM25, passage choice, place reading). Run on the event loop, one
heavy `cities` delays every other user's reply, heartbeat and interaction acknowledgement behind it. Here
each answer runs in one of `answers.workers` threads; the loop only waits. An answer not ready within
`DEFER_AFTER_S` gets Discord's "thinking…" (a deferred interaction, or typing for a prefix command), and
one not ready within `answers.timeout_s` is answered "This is taking too long" (the thread finishes on its
own; its result is dropped; one still queued is cancelled before it starts). Commands that answer from a
precomputed table (`ON_LOOP`) are answered at once, never queued behind heavy ones. Identical requests share
one computation, and recent answers are kept (keyed by the snapshot's fingerprint).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from bot.config import AnswersConfig
from bot.models import Answer

log = logging.getLogger("pressbot.discord")
T = TypeVar("T")
DEFER_AFTER_S = 1.5  # Discord wants an interaction acknowledged within 3 s
SUGGEST_TIMEOUT_S = 2.0  # autocomplete must be answered within 3 s; an empty list beats none
TOO_LONG = "This is taking too long; try a narrower query."
UNCACHED = frozenset({"status"})  # answers about the moment (uptime, the last changes): never kept
ON_LOOP = frozenset({"help"})  # microseconds (the registry's list); `sources` sorts every release: ~10 ms


class AnswerPool:
    """The bot's answer threads, the per-answer budget, and the answers already given.

    Identical requests (same snapshot, command, argument, admin or not) are answered once: a burst of users
    asking the same `cities` shares one computation while it runs, and the last `CACHED` answers are kept
    (a reload serves a new snapshot fingerprint, so it never sees an old answer)."""

    CACHED = 512

    def __init__(self, cfg: AnswersConfig) -> None:
        self.timeout_s = cfg.timeout_s
        self.executor = ThreadPoolExecutor(max_workers=cfg.workers, thread_name_prefix="pressbot-answer")
        self._inflight: dict[Hashable, asyncio.Future[Any]] = {}
        self._waiters: dict[Hashable, int] = {}
        self._done: OrderedDict[Hashable, Any] = OrderedDict()

    def _shared(self, key: Hashable, fn: Callable[[], Any], keep: Callable[[Any], bool]) -> asyncio.Future[Any]:
        future = self._inflight.get(key)
        if future is None:
            future = asyncio.get_running_loop().run_in_executor(self.executor, fn)
            self._inflight[key] = future
            future.add_done_callback(lambda f: self._finished(key, f, keep))
        self._waiters[key] = self._waiters.get(key, 0) + 1
        return future

    def _finished(self, key: Hashable, future: asyncio.Future[Any], keep: Callable[[Any], bool]) -> None:
        if self._inflight.get(key) is future:
            del self._inflight[key]
        if not future.cancelled() and future.exception() is None and keep(future.result()):
            self._done[key] = future.result()
            while len(self._done) > self.CACHED:
                self._done.popitem(last=False)

    async def run(self, fn: Callable[[], T], timeout_s: float | None = None,
                  on_slow: Callable[[], Awaitable[None]] | None = None, key: Hashable | None = None,
                  keep: Callable[[Any], bool] = lambda _r: True) -> T | None:
        """`fn()` in a worker thread; None when it is not done within the budget. `on_slow` is awaited once
        if it is not done within DEFER_AFTER_S (its failure is logged, not raised). Requests with the same
        `key` share one computation and, once done, its result (when `keep(result)`)."""
        key = object() if key is None else key
        if key in self._done:
            self._done.move_to_end(key)
            return self._done[key]
        budget = self.timeout_s if timeout_s is None else timeout_s
        loop = asyncio.get_running_loop()
        start = loop.time()
        future = self._shared(key, fn, keep)
        try:
            if on_slow is not None and budget > DEFER_AFTER_S:
                done, _ = await asyncio.wait({future}, timeout=DEFER_AFTER_S)
                if not done:
                    try:
                        await on_slow()
                    except Exception:  # a failed "thinking…" must not lose the answer
                        log.warning("could not show that an answer is coming", exc_info=True)
            remaining = max(0.0, budget - (loop.time() - start))
            return await asyncio.wait_for(asyncio.shield(future), remaining)
        except TimeoutError:
            return None
        finally:
            self._waiters[key] -= 1
            if not self._waiters[key]:
                del self._waiters[key]
                if not future.done():  # nobody waits any more: a queued computation never starts
                    future.cancel()

    async def answer(self, command: str, argument: str, fn: Callable[[], Answer],
                     on_slow: Callable[[], Awaitable[None]] | None = None, key: Hashable | None = None,
                     current: Callable[[], bool] = lambda: True) -> Answer:
        """An engine answer within the budget, else the too-long answer. An answer is kept for `key` only
        when it is not an error and `current()` still holds as it finishes (the snapshot was not swapped)."""
        if command in ON_LOOP:
            return fn()
        t0 = time.perf_counter()
        ans = await self.run(fn, on_slow=on_slow, key=key, keep=lambda a: a.error is None and current())
        if ans is None:
            log.warning("%s %r took longer than %.1f s; answered 'too long'", command, argument[:80],
                        time.perf_counter() - t0)
            return Answer(command, argument, False, TOO_LONG, error="timeout")
        return ans

    async def suggest(self, fn: Callable[[], Sequence[str]], key: Hashable | None = None) -> list[str]:
        """Autocomplete choices, or none when they are not ready in time."""
        return list(await self.run(fn, timeout_s=SUGGEST_TIMEOUT_S, key=key) or [])

    def shutdown(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
