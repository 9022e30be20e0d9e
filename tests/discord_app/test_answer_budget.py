"""Answers run off the event loop: a slow one delays nobody, shows "thinking", and has a time budget."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
import simcord

from bot.commands.engine import Engine
from bot.config import load_config
from bot.discord_app.answering import TOO_LONG
from bot.discord_app.client import make_bot
from bot.discord_app.context import PressContext
from bot.store import SnapshotStore
from tests.discord_app.markdown_model import shown
from tests.helpers import ROOT, write_config

GUILD_ID = 4343
THINKING_S = 0.3  # the "thinking" mark (1.5 s in the bot), shortened for the tests
SLOW_S = 0.6  # past the "thinking" mark, within the budget
BUDGET_S = 1.2


@pytest.fixture
async def slow_env(tmp_path, monkeypatch):
    from bot.discord_app import answering

    monkeypatch.setattr(answering, "DEFER_AFTER_S", THINKING_S)
    cfg = load_config(write_config(tmp_path, [ROOT / "corpus"], extra=f"answers:\n  timeout_s: {BUDGET_S}\n"
                                   f"discord:\n  guild_ids: [{GUILD_ID}]\n"))
    bot = make_bot(cfg, Engine(SnapshotStore.open(cfg)))
    original, release = bot.engine.run, threading.Event()

    def run(command, argument, **kwargs):  # `cities` is slow: SLOW_S, or until released for "stuck"
        if command == "cities":
            release.wait(30 if argument == "stuck" else SLOW_S)
        return original(command, argument, **kwargs)

    monkeypatch.setattr(bot.engine, "run", run)
    replies: list[tuple[float, str]] = []
    send = PressContext.send_answer

    async def recording(self, answer, ephemeral=False):
        replies.append((time.monotonic(), answer.command))
        await send(self, answer, ephemeral=ephemeral)

    monkeypatch.setattr(PressContext, "send_answer", recording)
    env = simcord.Env(bot, settle_timeout=40)
    await env.start()
    guild = env.create_guild("Newsroom", id=GUILD_ID)
    channel = guild.create_text_channel("desk")
    reporter = guild.add_member(env.create_user("reporter"))
    other = guild.add_member(env.create_user("other"))
    try:
        yield env, channel, reporter, other, replies
    finally:
        release.set()
        await env.shutdown()


async def test_a_slow_answer_does_not_delay_a_concurrent_help(slow_env):
    env, channel, reporter, other, replies = slow_env
    # both messages arrive at once (simcord's public send would wait for the first reply before the second)
    t0 = time.perf_counter()
    env.backend.create_message(channel.id, reporter.id, "!cities Relentless Pursuit")
    env.backend.create_message(channel.id, other.id, "!help")
    env._mark_mutation()
    await env.settle()
    assert [cmd for _t, cmd in replies] == ["help", "cities"]  # help did not wait behind cities
    assert replies[0][0] - t0 < SLOW_S and time.perf_counter() - t0 >= SLOW_S, replies
    cities = [m for m in channel.history() if m.author.bot and "Cities" in shown(m.embeds[0].description)]
    assert cities, "the slow answer still arrives, complete"


class FakeContext:
    """Just what AnswersBase._answer touches: an author, typing or defer, send_answer."""

    def __init__(self, slash: bool) -> None:
        self.author = type("Author", (), {"id": 7})()
        self.interaction = object() if slash else None
        self.events: list[str] = []

    async def defer(self, ephemeral: bool = False) -> None:
        self.events.append("defer")

    async def typing(self) -> None:
        self.events.append("typing")

    async def send_answer(self, answer, ephemeral: bool = False) -> None:
        self.events.append(answer.summary)


async def test_a_slow_answer_shows_thinking_and_one_over_budget_gets_the_too_long_reply(slow_env):
    """Real time (simcord's virtual clock counts thread work as instant): the cog's own code path, a prefix
    and a slash command at once."""
    cog = slow_env[0].bot.get_cog("Answers")
    prefix, slash = FakeContext(slash=False), FakeContext(slash=True)
    # SLOW_S: "thinking" first (typing, or a deferred interaction), then the answer
    await asyncio.gather(cog._answer(prefix, "cities", "Relentless Pursuit"),
                         cog._answer(slash, "cities", "Relentless Pursuit"))
    assert prefix.events[0] == "typing" and slash.events[0] == "defer"
    assert "Relentless Pursuit" in prefix.events[1] and "Relentless Pursuit" in slash.events[1]
    prefix, slash = FakeContext(slash=False), FakeContext(slash=True)
    t0 = time.perf_counter()
    await asyncio.gather(cog._answer(prefix, "cities", "stuck"), cog._answer(slash, "cities", "stuck"))
    assert BUDGET_S - 0.1 < time.perf_counter() - t0 < BUDGET_S + 1.0
    assert prefix.events == ["typing", TOO_LONG] and slash.events == ["defer", TOO_LONG]


async def test_pool_never_blocks_the_loop_and_cancels_queued_work_past_the_budget():
    from bot.config import AnswersConfig
    from bot.discord_app.answering import AnswerPool

    pool = AnswerPool(AnswersConfig(timeout_s=0.5, workers=1))
    started: list[int] = []

    def heavy(n: int) -> int:
        started.append(n)
        time.sleep(0.8)
        return n

    try:
        ticks = 0

        async def ticker() -> None:
            nonlocal ticks
            while True:
                await asyncio.sleep(0.05)
                ticks += 1

        tick = asyncio.create_task(ticker())
        results = await asyncio.gather(*(pool.run(lambda n=n: heavy(n)) for n in range(3)))
        tick.cancel()
        assert results == [None, None, None]
        assert started == [0]  # the two queued behind it were cancelled, not run late
        assert ticks >= 6  # the loop kept running while the thread worked
    finally:
        pool.shutdown()


async def test_identical_requests_share_one_computation_and_errors_are_not_kept():
    from bot.config import AnswersConfig
    from bot.discord_app.answering import AnswerPool
    from bot.models import Answer

    pool = AnswerPool(AnswersConfig(timeout_s=5, workers=2))
    calls: list[str] = []

    def answer(q: str, error: str | None = None) -> Answer:
        calls.append(q)
        time.sleep(0.2)
        return Answer("cities", q, True, q, error=error)

    try:
        burst = await asyncio.gather(*(pool.answer("cities", "fraud", lambda: answer("fraud"), key=("fp1", "fraud"))
                                       for _ in range(50)))
        assert calls == ["fraud"] and {a.summary for a in burst} == {"fraud"}
        await pool.answer("cities", "fraud", lambda: answer("fraud"), key=("fp1", "fraud"))
        assert calls == ["fraud"]  # kept
        await pool.answer("cities", "fraud", lambda: answer("fraud"), key=("fp2", "fraud"))
        assert calls == ["fraud", "fraud"]  # a new snapshot: answered afresh
        for _ in range(2):
            await pool.answer("cities", "x", lambda: answer("x", error="usage"), key=("fp1", "x"))
        assert calls.count("x") == 2  # an error answer is not kept
    finally:
        pool.shutdown()


async def test_thinking_through_discord_py_defers_the_slash_interaction_and_types_for_prefix(slow_env, monkeypatch):
    from bot.discord_app.answering import AnswerPool

    env, channel, reporter, _other, _replies = slow_env
    run = AnswerPool.run

    async def always_slow(self, fn, timeout_s=None, on_slow=None, **kwargs):  # simcord's clock: thread work is
        if on_slow is not None:  # instant, so "not ready in 1.5 s" is forced: the real defer/typing path
            await on_slow()
        return await run(self, fn, timeout_s, None, **kwargs)

    monkeypatch.setattr(AnswerPool, "run", always_slow)
    result = await reporter.slash(channel, "who", name="Garrison")
    callbacks = [r.json for r in env.http_requests if r.path.endswith("/callback")]
    assert [c["type"] for c in callbacks] == [5]  # "thinking…" (deferred), then the answer completes it
    assert "Tim Garrison" in shown(result.response.embeds[0].description)
    await reporter.send(channel, "!who Garrison")
    assert any(r.method == "POST" and r.path.endswith("/typing") for r in env.http_requests)
    assert "Tim Garrison" in shown(channel.last_message.embeds[0].description)


async def test_slow_autocomplete_gives_no_choices_in_time(monkeypatch):
    from bot.config import AnswersConfig
    from bot.discord_app import answering

    monkeypatch.setattr(answering, "SUGGEST_TIMEOUT_S", 0.2)
    pool = answering.AnswerPool(AnswersConfig())
    try:
        t0 = time.perf_counter()
        assert await pool.suggest(lambda: time.sleep(1) or ["late"]) == []
        assert time.perf_counter() - t0 < 0.6
        assert await pool.suggest(lambda: ["Tim Garrison"]) == ["Tim Garrison"]
    finally:
        pool.shutdown()
