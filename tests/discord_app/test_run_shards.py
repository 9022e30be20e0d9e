"""`discord.shards: auto`: the one bot class asks Discord for the shard count and still answers."""

from __future__ import annotations

import asyncio
import os
import sys

from tests.discord_app.fake_discord import FakeDiscord
from tests.helpers import ROOT, write_config


async def test_pressbot_run_with_auto_shards_answers_over_a_fake_discord(tmp_path):
    fake = FakeDiscord()
    await fake.start()
    cfg = write_config(tmp_path, [ROOT / "corpus"], extra="discord:\n  shards: auto\n")
    env = {**os.environ, "DISCORD_TOKEN": "fake.token.0123456789", "PRESSBOT_DISCORD_API": fake.api,
           "PRESSBOT_DISCORD_GATEWAY": fake.gateway}
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "run", "--config", str(cfg),
                                                cwd=ROOT, env=env, stdout=asyncio.subprocess.PIPE,
                                                stderr=asyncio.subprocess.PIPE)
    try:
        await asyncio.wait_for(fake.guild_sent.wait(), 60)
        await asyncio.sleep(0.5)
        await fake.say("!who Garrison")
        await asyncio.wait_for(fake.message_posted.wait(), 30)
    finally:
        if proc.returncode is None:
            proc.terminate()
        await proc.communicate()
        await fake.stop()
    assert ("GET", "gateway/bot") in fake.requests  # the shard count came from Discord
    assert "Tim Garrison" in fake.posted[-1]["embeds"][0]["description"]
