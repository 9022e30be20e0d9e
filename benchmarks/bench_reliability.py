"""Reliability under a burst: a real `pressbot run` over the loopback fake Discord, N users at once.

    python benchmarks/bench_reliability.py [--users 200] [--distinct] [--workers N] [--corpus DIR ...]
                                           [--budget-s 2] [--json]

Starts the fake Discord (tests/discord_app/fake_discord.py: REST + gateway on 127.0.0.1), then a real
`pressbot run` process against it. When the bot is ready, every user sends one heavy `!cities TOPIC` at the
same moment (13 heavy topics, so users share queries; `--distinct`: all different), and one more user sends
`!help` right after them. A reply's time is from its message being
pushed on the gateway to the bot's reply (which refers to it) reaching the fake's REST API. Prints
p50/p99/max over all replies, the `!help` reply time, how many replies were "too long", and whether every
reply arrived within --budget-s. Exit status 0 when every reply arrived within the budget.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.discord_app.fake_discord import FakeDiscord  # noqa: E402

# The heaviest `cities` topics found on the four counties' corpus (place names: 30-80 ms each, warm)
TOPICS = ["Brooklyn", "Kings County", "Brooklyn gun", "San Diego County", "Dallas", "Dallas County",
          "Orange County Sheriff", "California", "Brooklyn police", "New York", "San Diego",
          "Orange County District Attorney", "Orange County"]
TOKEN = "fake.token.bench-0123456789"


def _config(tmp: Path, args: argparse.Namespace) -> Path:
    cfg = tmp / "pressbot.yaml"
    paths = ", ".join(f'"{p}"' for p in args.corpus)
    answers = "".join(f"  {k}: {v}\n" for k, v in (("workers", args.workers), ("timeout_s", args.timeout_s)) if v)
    cfg.write_text(f'corpus:\n  paths: [{paths}]\n  cache_dir: "{args.cache}"\n'
                   + (f"answers:\n{answers}" if answers else ""), encoding="utf-8")
    return cfg


def _query(i: int, distinct: bool) -> str:
    """User i's heavy query; with `distinct`, no two users ask the same (a number no release uses)."""
    return f"!cities {TOPICS[i % len(TOPICS)]}" + (f" {1000 + i}" if distinct else "")


async def _start_bot(fake: FakeDiscord, cfg: Path, log) -> asyncio.subprocess.Process:
    env = {**os.environ, "DISCORD_TOKEN": TOKEN, "PRESSBOT_DISCORD_API": fake.api,
           "PRESSBOT_DISCORD_GATEWAY": fake.gateway, "PYTHONUNBUFFERED": "1"}
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "run", "--config", str(cfg),
                                                cwd=ROOT, env=env, stdout=log, stderr=log)
    waiter = asyncio.ensure_future(proc.wait())
    ready = asyncio.ensure_future(fake.guild_sent.wait())
    done, _ = await asyncio.wait([waiter, ready], timeout=600, return_when=asyncio.FIRST_COMPLETED)
    if ready not in done:
        raise RuntimeError(f"pressbot run did not connect (exit {proc.returncode})")
    await asyncio.sleep(1.0)  # setup_hook and on_ready
    return proc


async def run(args: argparse.Namespace) -> dict:
    fake = FakeDiscord()
    await fake.start()
    with tempfile.TemporaryDirectory() as tmp, open(Path(tmp) / "bot.log", "wb") as log:
        cfg = _config(Path(tmp), args)
        t_start = time.perf_counter()
        proc = await _start_bot(fake, cfg, log)
        startup = time.perf_counter() - t_start
        try:
            ids = await asyncio.gather(*(fake.say(_query(i, args.distinct), user=i + 1) for i in range(args.users)))
            help_id = await fake.say("!help", user=args.users + 1)
            deadline = time.perf_counter() + args.wait_s
            while time.perf_counter() < deadline and len(fake.replied_at) < args.users + 1:
                await asyncio.sleep(0.05)
        finally:
            proc.terminate()
            await proc.wait()
            await fake.stop()
    times = sorted((fake.replied_at[i] - fake.sent_at[i]) * 1000 for i in [*ids, help_id] if i in fake.replied_at)
    too_long = sum("taking too long" in (p.get("embeds") or [{}])[0].get("description", "") for p in fake.posted)
    help_ms = (fake.replied_at[help_id] - fake.sent_at[help_id]) * 1000 if help_id in fake.replied_at else None
    return {"users": args.users, "distinct": args.distinct, "sent": args.users + 1, "replies": len(times), "too_long_replies": too_long,
            "p50_ms": round(statistics.median(times), 1) if times else None,
            "p99_ms": round(times[int(0.99 * (len(times) - 1))], 1) if times else None,
            "max_ms": round(times[-1], 1) if times else None,
            "help_ms": round(help_ms, 1) if help_ms is not None else None,
            "budget_s": args.budget_s, "startup_s": round(startup, 1),
            "all_within_budget": len(times) == args.users + 1 and times[-1] <= args.budget_s * 1000}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--users", type=int, default=200)
    ap.add_argument("--corpus", action="append")
    ap.add_argument("--cache", default=str(ROOT / ".pressbot-cache"), help="snapshot cache folder")
    ap.add_argument("--budget-s", type=float, default=2.0, help="every reply must arrive within this")
    ap.add_argument("--wait-s", type=float, default=60.0, help="give up waiting for replies after this")
    ap.add_argument("--distinct", action="store_true", help="every user's query differs (nothing shared)")
    ap.add_argument("--workers", type=int, help="answers.workers (default: the config default)")
    ap.add_argument("--timeout-s", type=float, help="answers.timeout_s (default: the config default)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    args.corpus = [str(Path(p).resolve()) for p in args.corpus or [ROOT / "corpus", ROOT.parent / "shared" / "corpora" / "prosecutors"]]
    result = asyncio.run(run(args))
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{result['users']} users sent a heavy !cities at once (+1 !help) to a real `pressbot run`: "
              f"{result['replies']}/{result['sent']} replies, {result['too_long_replies']} 'too long'")
        print(f"reply time p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms, max {result['max_ms']} ms; "
              f"!help {result['help_ms']} ms; all within {result['budget_s']} s: {result['all_within_budget']}")
    return 0 if result["all_within_budget"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
