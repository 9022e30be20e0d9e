"""Discord load check: many simulated users send commands while an admin reload runs.

    python benchmarks/bench_discord_load.py [--users 50] [--commands 1000] [--corpus DIR ...] [--json]

Drives the real bot (discord.py command machinery, pressbot cogs) through simcord's offline Discord.
Each command's latency is the time from the user's message to the bot's reply being settled. A reload
(a full snapshot rebuild in a worker process, then load and swap) starts with the first command, and
commands keep coming until both the requested count is sent and the reload has swapped in. Reports errors,
p50/p99 latency, and whether every reply was an answer (no error replies other than cooldowns).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import simcord  # noqa: E402

from bot.commands.engine import Engine  # noqa: E402
from bot.config import load_config  # noqa: E402
from bot.discord_app.client import make_bot  # noqa: E402
from bot.store import SnapshotStore  # noqa: E402

COMMANDS = ["!who Garrison", "!who Barr", "!quote Schmitt", "!cities Relentless Pursuit", "!search violent crime",
            "!who Stephan", "!quote Spitzer", "!search gun trafficking ring", "!who Zorblatt", "!sources"]


async def run(args: argparse.Namespace) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        cfg_file = Path(tmp) / "pressbot.yaml"
        paths = ", ".join(f'"{p}"' for p in args.corpus)
        cfg_file.write_text(f'corpus:\n  paths: [{paths}]\n  cache_dir: "{ROOT / ".pressbot-cache"}"\n'
                            # high enough that the load, not the per-user limit, is what is measured
                            f"discord:\n  cooldown: {{rate: 1000, per_seconds: 1}}\n", encoding="utf-8")
        cfg = load_config(cfg_file)
        store = SnapshotStore.open(cfg)
        bot = make_bot(cfg, Engine(store))
        env = simcord.Env(bot, settle_timeout=120)
        await env.start()
        try:
            guild = env.create_guild("Newsroom")
            channel = guild.create_text_channel("desk")
            users = [guild.add_member(env.create_user(f"reporter{i}")) for i in range(args.users)]
            rng = random.Random(5)
            latencies: list[float] = []
            reload_result: dict = {}

            async def do_reload() -> None:
                t = time.perf_counter()
                result = await store.areload("load-check")
                reload_result.update(seconds=round(time.perf_counter() - t, 2), releases=result.releases)

            reload_task = asyncio.create_task(do_reload())
            t0 = time.perf_counter()
            sent = 0
            while sent < args.commands or not reload_task.done():  # the swap must happen under load too
                sent += 1
                user = rng.choice(users)
                t = time.perf_counter()
                await user.send(channel, rng.choice(COMMANDS))
                latencies.append((time.perf_counter() - t) * 1000)
            wall = time.perf_counter() - t0
            await reload_task
            replies = [m for m in channel.history() if m.author.bot]
            failures = [m for m in replies if m.embeds and "went wrong" in (m.embeds[0].description or "")]
            errors = list(env.errors)
        finally:
            await env.shutdown()
    s = sorted(latencies)
    return {"users": args.users, "commands": sent, "replies": len(replies), "errors": len(errors),
            "error_replies": len(failures), "p50_ms": round(statistics.median(s), 2),
            "p99_ms": round(s[int(0.99 * (len(s) - 1))], 2), "max_ms": round(s[-1], 2),
            "wall_s": round(wall, 2), "reload": reload_result,
            "reload_finished_during_load": reload_result.get("seconds", 1e9) <= wall}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--commands", type=int, default=1000)
    ap.add_argument("--corpus", action="append")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    args.corpus = args.corpus or [str(ROOT / "corpus"), str(ROOT.parent / "shared" / "corpora" / "prosecutors")]
    result = asyncio.run(run(args))
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{result['commands']} commands from {result['users']} users while a reload ran: "
              f"{result['replies']} replies, {result['errors']} errors, {result['error_replies']} error replies")
        print(f"latency p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms, max {result['max_ms']} ms; "
              f"wall {result['wall_s']} s; reload {result['reload']} "
              f"(finished during the load: {result['reload_finished_during_load']})")
    return 0 if result["errors"] == 0 and result["error_replies"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
