"""Reliability through a real `pressbot run` over the loopback fake Discord (tests/discord_app/fake_discord.py:
REST + gateway on 127.0.0.1), in two phases.

    python benchmarks/bench_reliability.py [--phase burst|stream|all] [--users 200] [--distinct]
                                           [--corpus DIR ...] [--budget-s 2] [--json]

burst: when the bot is ready, `--users` users each send one heavy `!cities TOPIC` at the same moment (13
heavy topics, so users share queries; `--distinct`: all different), and one more sends `!help` right after.
A reply's time runs from its message being pushed on the gateway to the bot's reply (which refers to it)
reaching the fake's REST API. Prints p50/p99/max, the `!help` time, the "too long" replies, and whether
every reply came within --budget-s.

stream: a continuous stream of queries (`--rate` per second, many users) while an admin runs, one after the
other: a normal reload (a new release), failing ones (an undecodable file, a FIFO, a corpus folder renamed
away, the snapshot cache replaced by a file), then a `kill -9` of the bot and a restart. Each reload
outcome must arrive within corpus.reload_timeout_s and name the file, folder or cache. How queries count:
a query pushed while a bot process is connected and ready is *accepted*; it *failed* when it got no reply
by the end, or an error reply ("went wrong", "too long"). Queries pushed between the kill and the restarted
bot's ready are *not accepted* (Discord does not replay them either); those the killed process had accepted
and not yet answered are counted apart as *lost in the kill* (no process can answer after kill -9).

Exit status 0 when every phase run passes.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

from aiohttp import web

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.discord_app.fake_discord import CHANNEL_ID, FakeDiscord  # noqa: E402

# The heaviest `cities` topics found on the four counties' corpus (place names: 30-80 ms each, warm)
TOPICS = ["Brooklyn", "Kings County", "Brooklyn gun", "San Diego County", "Dallas", "Dallas County",
          "Orange County Sheriff", "California", "Brooklyn police", "New York", "San Diego",
          "Orange County District Attorney", "Orange County"]
STREAM = ["!who Garrison", "!who Barr", "!quote Schmitt", "!cities Relentless Pursuit", "!search violent crime",
          "!who Stephan", "!quote Spitzer", "!search gun trafficking ring", "!who Zorblatt", "!sources",
          "!cities Brooklyn", "!search hate crime source:kings_ny"]
ERRORS = ("went wrong", "taking too long")
TOKEN = "fake.token.bench-0123456789"
ADMIN = 0  # reporter 0 is the fake guild's owner: Manage Server
# Dallas County District Attorney (2019 gang unit grant), verbatim: the release a normal reload adds
FRESH = ("Gang Unit Grant\n\n“The additional money will greatly assist in the prosecution of violent transnational "
         "gang members affiliated with groups like MS 13 and 18th Street gangs,” said Assistant District Attorney "
         "Tommy Adams.\n")


class Recorder(FakeDiscord):
    """The fake, also recording every message the bot posts or edits (the reload note is edited into its
    outcome): (time, the message it refers to, its text)."""

    def __init__(self) -> None:
        super().__init__()
        self.log: list[tuple[float, str | None, str]] = []

    async def _rest(self, request: web.Request) -> web.Response:
        tail = request.match_info["tail"]
        if (tail == f"channels/{CHANNEL_ID}/messages" and request.method == "POST"
                or tail.startswith(f"channels/{CHANNEL_ID}/messages/") and request.method == "PATCH"):
            body = await request.json()
            ref = (body.get("message_reference") or {}).get("message_id")
            text = " ".join([body.get("content") or ""] + [json.dumps(e, ensure_ascii=False)
                                                          for e in body.get("embeds") or []])
            self.log.append((time.perf_counter(), None if ref is None else str(ref), text.replace("\\n", " ").replace("\\", "")))
        return await super()._rest(request)

    @property
    def connected(self) -> bool:
        return self._ws is not None and not self._ws.closed


def _config(tmp: Path, args: argparse.Namespace, corpus: list[str], cache: str, extra: str = "") -> Path:
    cfg = tmp / "pressbot.yaml"
    paths = ", ".join(f'"{p}"' for p in corpus)
    answers = "".join(f"  {k}: {v}\n" for k, v in (("workers", args.workers), ("timeout_s", args.timeout_s)) if v)
    cfg.write_text(f'corpus:\n  paths: [{paths}]\n  cache_dir: "{cache}"\n{extra}'
                   + (f"answers:\n{answers}" if answers else ""), encoding="utf-8")
    return cfg


async def _start_bot(fake: FakeDiscord, cfg: Path, log) -> asyncio.subprocess.Process:
    env = {**os.environ, "DISCORD_TOKEN": TOKEN, "PRESSBOT_DISCORD_API": fake.api,
           "PRESSBOT_DISCORD_GATEWAY": fake.gateway, "PYTHONUNBUFFERED": "1"}
    fake.guild_sent.clear()
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "run", "--config", str(cfg),
                                                cwd=ROOT, env=env, stdout=log, stderr=log)
    waiter = asyncio.ensure_future(proc.wait())
    ready = asyncio.ensure_future(fake.guild_sent.wait())
    done, _ = await asyncio.wait([waiter, ready], timeout=900, return_when=asyncio.FIRST_COMPLETED)
    if ready not in done:
        raise RuntimeError(f"pressbot run did not connect (exit {proc.returncode})")
    await asyncio.sleep(1.0)  # setup_hook and on_ready
    return proc


def _ms(values: list[float]) -> dict[str, float | None]:
    s = sorted(values)
    return {"p50_ms": round(statistics.median(s), 1) if s else None,
            "p99_ms": round(s[int(0.99 * (len(s) - 1))], 1) if s else None, "max_ms": round(s[-1], 1) if s else None}


# -- burst -------------------------------------------------------------------------------------------
def _query(i: int, args: argparse.Namespace) -> str:
    """User i's heavy query; with `distinct`, no two users ask the same (a number no release uses); with
    `same`, every user sends that line (`--same '!help'`: the cost of Discord handling alone)."""
    if args.same:
        return args.same
    return f"!cities {TOPICS[i % len(TOPICS)]}" + (f" {1000 + i}" if args.distinct else "")


async def burst(args: argparse.Namespace) -> dict:
    fake = Recorder()
    await fake.start()
    with tempfile.TemporaryDirectory() as tmp, open(Path(tmp) / "bot.log", "wb") as log:
        cfg = _config(Path(tmp), args, args.corpus, args.cache)
        t_start = time.perf_counter()
        proc = await _start_bot(fake, cfg, log)
        startup = time.perf_counter() - t_start
        await asyncio.sleep(args.warm_s)  # the burst hits a running bot, not one still warming up
        try:
            ids = await asyncio.gather(*(fake.say(_query(i, args), user=i + 1) for i in range(args.users)))
            help_id = await fake.say("!help", user=args.users + 1)
            deadline = time.perf_counter() + args.wait_s
            while time.perf_counter() < deadline and len(fake.replied_at) < args.users + 1:
                await asyncio.sleep(0.05)
        finally:
            proc.terminate()
            await proc.wait()
            await fake.stop()
    times = [(fake.replied_at[i] - fake.sent_at[i]) * 1000 for i in [*ids, help_id] if i in fake.replied_at]
    too_long = sum("taking too long" in text for _t, _ref, text in fake.log)
    help_ms = (fake.replied_at[help_id] - fake.sent_at[help_id]) * 1000 if help_id in fake.replied_at else None
    return {"users": args.users, "distinct": args.distinct, "same": args.same, "sent": args.users + 1, "replies": len(times),
            "too_long_replies": too_long, **_ms(times), "help_ms": round(help_ms, 1) if help_ms is not None else None,
            "budget_s": args.budget_s, "startup_s": round(startup, 1), "warm_s": args.warm_s,
            "all_within_budget": len(times) == args.users + 1 and max(times) <= args.budget_s * 1000}


# -- stream ------------------------------------------------------------------------------------------
class Stream:
    """The continuous queries: (message id, when pushed, the bot generation that accepted it or None)."""

    def __init__(self, fake: Recorder, rate: float) -> None:
        self.fake, self.rate = fake, rate
        self.sent: list[tuple[str | None, float, int | None]] = []
        self.generation, self.live, self.stopped = 0, False, False

    async def run(self) -> None:
        rng = random.Random(7)
        n = 0
        while not self.stopped:
            n += 1
            accepted = self.generation if self.live and self.fake.connected else None
            try:
                mid: str | None = await self.fake.say(rng.choice(STREAM), user=1 + n % 60)
            except Exception:  # the gateway connection of a killed bot: not delivered
                mid, accepted = None, None
            self.sent.append((mid, time.perf_counter(), accepted))
            await asyncio.sleep(1 / self.rate)


async def _reload(fake: Recorder, kind: str, named: list[str], expect: str, timeout_s: float) -> dict:
    """One `!reload` by the admin; its outcome (the first "Reloaded"/"Reload failed" reply after it)."""
    t0 = time.perf_counter()
    seen = len(fake.log)
    await fake.say("!reload", user=ADMIN)
    while time.perf_counter() - t0 < timeout_s + 30:
        for t, _ref, text in fake.log[seen:]:
            if "Reloaded:" in text or "Reload failed" in text:
                outcome = "failed" if "Reload failed" in text else "reloaded"
                ok = outcome == expect and all(n in text for n in named) and t - t0 <= timeout_s
                start = text.find("Reload")
                return {"kind": kind, "seconds": round(t - t0, 1), "outcome": outcome, "expected": expect,
                        "names_it": all(n in text for n in named), "ok": ok, "t0": t0, "t1": t,
                        "reply": text[start:start + 220]}
        await asyncio.sleep(0.2)
    return {"kind": kind, "seconds": None, "outcome": "no reply", "expected": expect, "names_it": False,
            "ok": False, "t0": t0, "t1": time.perf_counter(), "reply": ""}


def _junk(path: Path) -> None:
    path.write_bytes(bytes(random.Random(3).randrange(0x80, 0x100) for _ in range(4096)))


async def _reloads(fake: Recorder, tmp: Path, newsroom: Path, cache: Path, timeout_s: float) -> list[dict]:
    """The normal and failing reloads, each staged, run, then undone."""
    out = []
    (newsroom / "fresh.txt").write_text(FRESH, encoding="utf-8")
    out.append(await _reload(fake, "normal (a new release)", ["1 added"], "reloaded", timeout_s))
    _junk(newsroom / "junk.txt")
    out.append(await _reload(fake, "bad file (undecodable bytes)", ["junk.txt"], "reloaded", timeout_s))
    (newsroom / "junk.txt").unlink()
    os.mkfifo(newsroom / "pipe.txt")
    out.append(await _reload(fake, "FIFO in a corpus folder", ["pipe.txt", "FIFO"], "reloaded", timeout_s))
    (newsroom / "pipe.txt").unlink()
    newsroom.rename(tmp / "newsroom-away")
    out.append(await _reload(fake, "corpus folder missing", [str(newsroom), "missing"], "failed", timeout_s))
    (tmp / "newsroom-away").rename(newsroom)
    cache.rename(tmp / "cache-away")
    cache.write_text("a file where the cache folder should be", encoding="utf-8")
    out.append(await _reload(fake, "snapshot cache unusable", [str(cache), "Warning"], "reloaded", timeout_s))
    cache.unlink()
    (tmp / "cache-away").rename(cache)
    return out


async def stream(args: argparse.Namespace) -> dict:
    fake = Recorder()
    await fake.start()
    with tempfile.TemporaryDirectory() as tmp_name, open(Path(tmp_name) / "bot.log", "wb") as log:
        tmp = Path(tmp_name)
        newsroom, cache = tmp / "newsroom", tmp / "cache"
        newsroom.mkdir()
        extra = (f"  reload_timeout_s: {args.reload_timeout_s}\n"
                 "discord:\n  cooldown: {rate: 1000, per_seconds: 1}\n")  # the load, not the per-user limit
        cfg = _config(tmp, args, [*args.corpus, str(newsroom)], str(cache), extra)
        t = time.perf_counter()
        proc = await _start_bot(fake, cfg, log)
        startup = time.perf_counter() - t
        queries = Stream(fake, args.rate)
        queries.live = True
        task = asyncio.create_task(queries.run())
        try:
            await asyncio.sleep(3)
            reloads = await _reloads(fake, tmp, newsroom, cache, args.reload_timeout_s)
            await asyncio.sleep(2)
            queries.live = False  # from here until the new bot is ready, nothing is accepted
            t_kill = time.perf_counter()
            proc.send_signal(signal.SIGKILL)
            await proc.wait()
            proc = await _start_bot(fake, cfg, log)
            queries.generation += 1
            queries.live = True
            restart_s = time.perf_counter() - t_kill
            await asyncio.sleep(args.tail_s)
        finally:
            queries.stopped = True
            await task
            deadline = time.perf_counter() + 15
            while time.perf_counter() < deadline and any(
                    m not in fake.replied_at for m, _t, g in queries.sent if g == queries.generation):
                await asyncio.sleep(0.1)
            proc.terminate()
            await proc.wait()
            await fake.stop()
    return _stream_figures(fake, queries, reloads, startup, restart_s, args)


def _stream_figures(fake: Recorder, queries: Stream, reloads: list[dict], startup: float, restart_s: float,
                    args: argparse.Namespace) -> dict:
    errors = {ref for _t, ref, text in fake.log if ref is not None and any(e in text for e in ERRORS)}
    accepted = [(m, t, g) for m, t, g in queries.sent if g is not None and m is not None]
    lost = [m for m, _t, g in accepted if g < queries.generation and m not in fake.replied_at]
    failed = [m for m, _t, _g in accepted if m not in lost and (m not in fake.replied_at or m in errors)]
    times = [(fake.replied_at[m] - t) * 1000 for m, t, _g in accepted if m in fake.replied_at]
    during = [(fake.replied_at[m] - t) * 1000 for m, t, _g in accepted if m in fake.replied_at
              and any(r["t0"] <= t <= r["t1"] for r in reloads)]
    for r in reloads:
        del r["t0"], r["t1"]
    return {"queries_sent": len(queries.sent), "accepted": len(accepted), "failed": len(failed),
            "error_replies": len(errors & {m for m, _t, _g in accepted}), "lost_in_kill": len(lost),
            "not_accepted_during_restart": len(queries.sent) - len(accepted), "reply": _ms(times),
            "reply_during_reloads": _ms(during), "queries_during_reloads": len(during),
            "reloads": reloads, "reload_timeout_s": args.reload_timeout_s, "startup_s": round(startup, 1),
            "kill9_restart_s": round(restart_s, 1),
            "passed": not failed and all(r["ok"] for r in reloads)}


def _print(result: dict) -> None:
    b, s = result.get("burst"), result.get("stream")
    if b:
        print(f"burst: {b['users']} users sent {b['same'] or 'a heavy !cities'} at once (+1 !help) to a real `pressbot run`: "
              f"{b['replies']}/{b['sent']} replies, {b['too_long_replies']} 'too long'")
        print(f"  reply time p50 {b['p50_ms']} ms, p99 {b['p99_ms']} ms, max {b['max_ms']} ms; !help {b['help_ms']} ms; "
              f"all within {b['budget_s']} s: {b['all_within_budget']}")
    if s:
        print(f"stream: {s['queries_sent']} queries sent, {s['accepted']} accepted, {s['failed']} failed "
              f"({s['error_replies']} error replies), {s['lost_in_kill']} lost in the kill -9, "
              f"{s['not_accepted_during_restart']} sent while no bot was ready")
        print(f"  reply p50 {s['reply']['p50_ms']} ms, p99 {s['reply']['p99_ms']} ms, max {s['reply']['max_ms']} ms; "
              f"during reloads ({s['queries_during_reloads']} queries) p99 {s['reply_during_reloads']['p99_ms']} ms, "
              f"max {s['reply_during_reloads']['max_ms']} ms")
        for r in s["reloads"]:
            print(f"  reload, {r['kind']}: {r['outcome']} in {r['seconds']} s (limit {s['reload_timeout_s']} s), "
                  f"names it: {r['names_it']}, ok: {r['ok']} — {r['reply'][:140]}")
        print(f"  kill -9 and restart: ready again in {s['kill9_restart_s']} s (first start {s['startup_s']} s); "
              f"passed: {s['passed']}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--phase", choices=("burst", "stream", "all"), default="all")
    ap.add_argument("--users", type=int, default=200)
    ap.add_argument("--corpus", action="append")
    ap.add_argument("--cache", default=str(ROOT / ".pressbot-cache"), help="snapshot cache folder (burst)")
    ap.add_argument("--budget-s", type=float, default=2.0, help="burst: every reply must arrive within this")
    ap.add_argument("--wait-s", type=float, default=60.0, help="burst: give up waiting for replies after this")
    ap.add_argument("--distinct", action="store_true", help="burst: every user's query differs (nothing shared)")
    ap.add_argument("--warm-s", type=float, default=10.0, help="burst: seconds between ready and the burst")
    ap.add_argument("--same", help="burst: every user sends this line instead (e.g. '!help')")
    ap.add_argument("--rate", type=float, default=10.0, help="stream: queries per second")
    ap.add_argument("--tail-s", type=float, default=5.0, help="stream: seconds of queries after the restart")
    ap.add_argument("--reload-timeout-s", type=float, default=600.0, help="stream: corpus.reload_timeout_s")
    ap.add_argument("--workers", type=int, help="answers.workers (default: the config default)")
    ap.add_argument("--timeout-s", type=float, help="answers.timeout_s (default: the config default)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    args.corpus = [str(Path(p).resolve()) for p in args.corpus or [ROOT / "corpus", ROOT.parent / "shared" / "corpora" / "prosecutors"]]
    result: dict = {}
    if args.phase in ("burst", "all"):
        result["burst"] = asyncio.run(burst(args))
    if args.phase in ("stream", "all"):
        result["stream"] = asyncio.run(stream(args))
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        _print(result)
    ok = result.get("burst", {}).get("all_within_budget", True) and result.get("stream", {}).get("passed", True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
