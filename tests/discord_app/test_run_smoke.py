"""`pressbot run` as a real process against a Discord-compatible fake on 127.0.0.1."""

from __future__ import annotations

import asyncio
import os
import sys

import pytest

from tests.discord_app.fake_discord import FakeDiscord
from tests.discord_app.markdown_model import shown
from tests.helpers import ROOT, write_config

TOKEN = "fake.token.never-logged-0123456789"


async def _wait(event: asyncio.Event, proc: asyncio.subprocess.Process, what: str, timeout: float) -> None:
    try:
        await asyncio.wait_for(event.wait(), timeout)
    except TimeoutError:
        if proc.returncode is None:
            proc.kill()
        out, err = await proc.communicate()
        pytest.fail(f"timed out waiting for {what}; bot stderr:\n{err.decode()[-3000:]}")


async def test_pressbot_run_answers_who_garrison_over_a_fake_discord(tmp_path):
    fake = FakeDiscord()
    await fake.start()
    cfg = write_config(tmp_path, [ROOT / "corpus"])
    env = {**os.environ, "DISCORD_TOKEN": TOKEN, "PRESSBOT_DISCORD_API": fake.api,
           "PRESSBOT_DISCORD_GATEWAY": fake.gateway, "PYTHONUNBUFFERED": "1"}
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "run", "--config", str(cfg),
                                                cwd=ROOT, env=env, stdout=asyncio.subprocess.PIPE,
                                                stderr=asyncio.subprocess.PIPE)
    waiter = asyncio.ensure_future(proc.wait())
    try:
        done, _ = await asyncio.wait([waiter, asyncio.ensure_future(fake.guild_sent.wait())], timeout=60,
                                     return_when=asyncio.FIRST_COMPLETED)
        if waiter in done:
            out, err = await proc.communicate()
            pytest.fail(f"pressbot run exited ({proc.returncode}):\n{err.decode()[-3000:]}")
        await _wait(fake.guild_sent, proc, "IDENTIFY and GUILD_CREATE", 60)
        await asyncio.sleep(0.5)
        await fake.say("!who Garrison")
        await _wait(fake.message_posted, proc, "the bot's reply", 30)
    finally:
        if proc.returncode is None:
            proc.terminate()
        out, err = await proc.communicate()
        await fake.stop()
    reply = fake.posted[-1]
    embed = reply["embeds"][0]
    assert "Tim Garrison" in shown(embed["description"]) and "U.S. Attorney" in shown(embed["description"])
    assert "Federal operation helps Kansas City" in shown(embed["fields"][0]["name"])
    assert reply["allowed_mentions"]["parse"] == []
    logs = out.decode() + err.decode()
    assert TOKEN not in logs
    assert "TEST MODE" in logs


def test_run_without_a_token_exits_with_a_clear_message(tmp_path, capsys, monkeypatch):
    from bot.cli import main

    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    cfg = write_config(tmp_path, [ROOT / "corpus"])
    assert main(["run", "--config", str(cfg)]) == 2
    assert "set the DISCORD_TOKEN environment variable" in capsys.readouterr().err


def test_token_file_from_config(tmp_path, monkeypatch):
    from bot.config import load_config
    from bot.discord_app.runner import TokenError, resolve_token

    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    (tmp_path / "token.txt").write_text(TOKEN + "\n", encoding="utf-8")
    cfg = load_config(write_config(tmp_path, [ROOT / "corpus"], extra='discord:\n  token_file: "token.txt"\n'))
    assert resolve_token(cfg) == TOKEN
    (tmp_path / "token.txt").write_text("", encoding="utf-8")
    with pytest.raises(TokenError, match="is empty"):
        resolve_token(cfg)
