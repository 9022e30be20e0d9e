"""A real `pressbot run` over the loopback fake Discord with TWO servers: an upload (`!add` with an
attachment) in server A is answered there and is invisible in server B, and a file dropped into B's
watched folder is answered in B, never in A; each change is posted to its own server's log channel only.

The elapsed times (upload sent -> add reply, -> first search answered; file written -> watch line posted)
are printed (`pytest -s`), not asserted: the project keeps timing out of unit tests."""

from __future__ import annotations

import asyncio
import os
import sys
import time

from tests.discord_app.fake_discord import GUILD_ID, USER_ID, FakeDiscord
from tests.discord_app.markdown_model import shown
from tests.discord_app.test_run_smoke import TOKEN, _wait
from tests.guilds.newsrooms import A_TEXT, B_TEXT, SHARED_TEXT
from tests.helpers import ROOT

GUILD_B = GUILD_ID + 1
DESK_A, LOG_A, DESK_B, LOG_B = 900200, 900202, 900201, 900203
UPLOAD = ("---\ntitle: Alpha marina embezzlement charges\ndate: 2024-06-03\n---\n"
          "District Attorney Maria Garcia charged the marina treasurer with embezzling the quayside "
          "xylophone fund in Alphaville.\n")
DROPPED = ("---\ntitle: Beta zeppelin hangar fire\ndate: 2024-06-04\n---\n"
           "Police Chief Robert Garcia said investigators traced the zeppelin hangar fire in Betatown to "
           "an unattended heater.\n")


def _config(tmp_path) -> str:
    for folder, text in (("shared", SHARED_TEXT), ("alpha", A_TEXT), ("beta", B_TEXT)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "r.md").write_text(text, encoding="utf-8")
    cfg = tmp_path / "pressbot.yaml"
    cfg.write_text(f"corpus:\n  paths: [shared]\n  cache_dir: cache\n  watch: {{enabled: true, interval_s: 0.25}}\n"
                   f"discord:\n  admin_user_ids: [{USER_ID}]\n  cooldown: {{rate: 100}}\n"
                   f"guilds:\n  {GUILD_ID}:\n    corpus: [alpha]\n    log_channel_id: {LOG_A}\n"
                   f"  {GUILD_B}:\n    corpus: [beta]\n    log_channel_id: {LOG_B}\n", encoding="utf-8")
    return str(cfg)


async def _ask(fake: FakeDiscord, proc, line: str, channel: int) -> str:
    """The reply's embed text (description and fields) to `line` typed in `channel`."""
    before = len(fake.posted)
    fake.message_posted.clear()
    await fake.say(line, channel=channel)
    while not any(c == channel and p.get("embeds") for c, p in zip(fake.posted_to[before:], fake.posted[before:],
                                                                   strict=True)):
        await _wait(fake.message_posted, proc, f"the reply to {line}", 60)
        fake.message_posted.clear()
    reply = next(p for c, p in zip(fake.posted_to[before:], fake.posted[before:], strict=True)
                 if c == channel and p.get("embeds"))
    embed = reply["embeds"][0]
    return shown(" ".join([embed.get("description", "")] + [f["name"] + " " + f["value"]
                                                            for f in embed.get("fields", [])]))


async def _log_line(fake: FakeDiscord, proc, channel: int, kind: str) -> str:
    while True:
        lines = [p["content"] for c, p in zip(fake.posted_to, fake.posted, strict=True)
                 if c == channel and f" {kind} by " in (p.get("content") or "")]
        if lines:
            return lines[-1]
        fake.message_posted.clear()
        await _wait(fake.message_posted, proc, f"a {kind} line in log channel {channel}", 60)


async def test_an_upload_in_one_server_is_answered_there_and_invisible_in_the_other(tmp_path):
    cfg = _config(tmp_path)
    fake = FakeDiscord({GUILD_ID: [DESK_A, LOG_A], GUILD_B: [DESK_B, LOG_B]})
    await fake.start()
    env = {**os.environ, "DISCORD_TOKEN": TOKEN, "PRESSBOT_DISCORD_API": fake.api,
           "PRESSBOT_DISCORD_GATEWAY": fake.gateway, "PYTHONUNBUFFERED": "1"}
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "run", "--config", cfg, cwd=ROOT,
                                                env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        await _wait(fake.guild_sent, proc, "IDENTIFY and GUILD_CREATE", 60)
        await asyncio.sleep(0.5)
        t0 = time.perf_counter()
        fake.message_edited.clear()
        await fake.say("!add", channel=DESK_A, attachments={"marina.md": UPLOAD.encode()})
        while not any(e["channel"] == DESK_A and e["body"].get("embeds") for e in fake.edited):
            await _wait(fake.message_edited, proc, "the add reply", 60)
            fake.message_edited.clear()
        added_s = time.perf_counter() - t0
        add_reply = shown(next(e for e in fake.edited if e["channel"] == DESK_A)["body"]["embeds"][0]["description"])
        in_a = await _ask(fake, proc, "!search xylophone fund", DESK_A)
        answered_s = time.perf_counter() - t0
        in_b = await _ask(fake, proc, "!search xylophone fund", DESK_B)
        sources_b = await _ask(fake, proc, "!sources", DESK_B)
        add_log = await _log_line(fake, proc, LOG_A, "add")

        t1 = time.perf_counter()
        (tmp_path / "beta" / "hangar.md").write_text(DROPPED, encoding="utf-8")
        watch_log = await _log_line(fake, proc, LOG_B, "watch")
        watched_s = time.perf_counter() - t1
        zeppelin_b = await _ask(fake, proc, "!search zeppelin hangar", DESK_B)
        zeppelin_a = await _ask(fake, proc, "!search zeppelin hangar", DESK_A)
    finally:
        if proc.returncode is None:
            proc.terminate()
        await proc.communicate()
        await fake.stop()
    load = os.getloadavg()[0]
    print(f"\ntwo servers over `pressbot run` (incremental index; load {load:.2f}): upload -> add reply "
          f"{added_s:.2f} s, -> first search answered {answered_s:.2f} s; file dropped -> watch batch posted "
          f"{watched_s:.2f} s")
    assert "Added 1 release(s) to alpha" in add_reply and "Alpha marina embezzlement charges" in add_reply
    assert "Alpha marina embezzlement charges" in in_a and "xylophone" in in_a
    assert "No release matches" in in_b and "marina" not in in_b.lower()
    assert "marina" not in sources_b.lower()
    assert "add by reporter" in add_log and f"in server {GUILD_ID}" in add_log
    assert "Beta zeppelin hangar fire" in watch_log and f"in server {GUILD_B}" in watch_log
    assert "Beta zeppelin hangar fire" in zeppelin_b
    assert "No release matches" in zeppelin_a and "zeppelin" not in zeppelin_a.replace("zeppelin hangar", "", 1)
    log_a = " ".join(p.get("content") or "" for c, p in zip(fake.posted_to, fake.posted, strict=True) if c == LOG_A)
    log_b = " ".join(p.get("content") or "" for c, p in zip(fake.posted_to, fake.posted, strict=True) if c == LOG_B)
    assert "zeppelin" not in log_a.lower() and "marina" not in log_b.lower()  # each server's lines stay its own
