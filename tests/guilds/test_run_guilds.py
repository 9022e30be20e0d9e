"""`pressbot run` (a real process, the loopback fake Discord) with a server of its own: the server's corpus
answers there, the shared one too, and a folder configured for another server never does."""

from __future__ import annotations

import asyncio
import os
import sys

from tests.discord_app.fake_discord import GUILD_ID, FakeDiscord
from tests.discord_app.markdown_model import shown
from tests.discord_app.test_run_smoke import TOKEN, _wait
from tests.guilds.newsrooms import A_TEXT, B_TEXT, SHARED_TEXT
from tests.helpers import ROOT


async def test_a_real_run_answers_from_the_servers_own_corpus(tmp_path):
    for folder, text in (("shared", SHARED_TEXT), ("alpha", A_TEXT), ("beta", B_TEXT)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "r.md").write_text(text, encoding="utf-8")
    cfg = tmp_path / "pressbot.yaml"
    cfg.write_text(f"corpus:\n  paths: [shared]\n  cache_dir: cache\nguilds:\n  {GUILD_ID}:\n    corpus: [alpha]\n"
                   f"  77:\n    corpus: [beta]\n", encoding="utf-8")
    fake = FakeDiscord()
    await fake.start()
    env = {**os.environ, "DISCORD_TOKEN": TOKEN, "PRESSBOT_DISCORD_API": fake.api,
           "PRESSBOT_DISCORD_GATEWAY": fake.gateway, "PYTHONUNBUFFERED": "1"}
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "run", "--config", str(cfg), cwd=ROOT,
                                                env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    replies = []
    try:
        await _wait(fake.guild_sent, proc, "IDENTIFY and GUILD_CREATE", 60)
        await asyncio.sleep(0.5)
        for line in ("!who Garcia", "!who Ortiz"):
            fake.message_posted.clear()
            await fake.say(line)
            await _wait(fake.message_posted, proc, f"the reply to {line}", 30)
            replies.append(shown(fake.posted[-1]["embeds"][0]["description"]))
    finally:
        if proc.returncode is None:
            proc.terminate()
        await proc.communicate()
        await fake.stop()
    assert "Maria Garcia" in replies[0] and "Robert" not in replies[0]
    assert "Lena Ortiz" in replies[1]
