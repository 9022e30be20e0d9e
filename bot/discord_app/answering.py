"""Answers off the event loop: a small thread pool owned by the bot, a time budget per answer.

The engine is synchronous and CPU-bound (BM25, passage choice, place reading). Run on the event loop, one
heavy `cities` delays every other user's reply, heartbeat and interaction acknowledgement behind it. Here
each answer runs in one of `answers.workers` threads; the loop only waits. An answer not ready within
`DEFER_AFTER_S` gets Discord's "thinking…" (a deferred interaction, or typing for a prefix command), and
one not ready within `answers.timeout_s` is answered "This is taking too long" (the thread finishes on its
own; its result is dropped; one still queued is cancelled before it starts). Commands that answer from a
precomputed table (`ON_LOOP`) are answered at once, never queued behind heavy ones.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from bot.config import AnswersConfig
from bot.models import Answer

log = logging.getLogger("pressbot.discord")
T = TypeVar("T")
DEFER_AFTER_S = 1.5  # Discord wants an interaction acknowledged within 3 s
SUGGEST_TIMEOUT_S = 2.0  # autocomplete must be answered within 3 s; an empty list beats none
TOO_LONG = "This is taking too long; try a narrower query."
ON_LOOP = frozenset({"help", "sources"})  # microseconds, from tables built at load time


class AnswerPool:
    """The bot's answer threads and the per-answer budget."""

    def __init__(self, cfg: AnswersConfig) -> None:
        self.timeout_s = cfg.timeout_s
        self.executor = ThreadPoolExecutor(max_workers=cfg.workers, thread_name_prefix="pressbot-answer")

    async def run(self, fn: Callable[[], T], timeout_s: float | None = None,
                  on_slow: Callable[[], Awaitable[None]] | None = None) -> T | None:
        """`fn()` in a worker thread; None when it is not done within the budget. `on_slow` is awaited once
        if it is not done within DEFER_AFTER_S (its failure is logged, not raised)."""
        budget = self.timeout_s if timeout_s is None else timeout_s
        loop = asyncio.get_running_loop()
        start = loop.time()
        future = loop.run_in_executor(self.executor, fn)
        if on_slow is not None and budget > DEFER_AFTER_S:
            done, _ = await asyncio.wait({future}, timeout=DEFER_AFTER_S)
            if not done:
                try:
                    await on_slow()
                except Exception:  # a failed "thinking…" must not lose the answer
                    log.warning("could not show that an answer is coming", exc_info=True)
        try:
            return await asyncio.wait_for(future, max(0.0, budget - (loop.time() - start)))
        except TimeoutError:
            return None

    async def answer(self, command: str, argument: str, fn: Callable[[], Answer],
                     on_slow: Callable[[], Awaitable[None]] | None = None) -> Answer:
        """An engine answer within the budget, else the too-long answer."""
        if command in ON_LOOP:
            return fn()
        t0 = time.perf_counter()
        ans = await self.run(fn, on_slow=on_slow)
        if ans is None:
            log.warning("%s %r took longer than %.1f s; answered 'too long'", command, argument[:80],
                        time.perf_counter() - t0)
            return Answer(command, argument, False, TOO_LONG, error="timeout")
        return ans

    async def suggest(self, fn: Callable[[], list[str]]) -> list[str]:
        """Autocomplete choices, or none when they are not ready in time."""
        return await self.run(fn, timeout_s=SUGGEST_TIMEOUT_S) or []

    def shutdown(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
