"""`!add` / `/add` and `/remove` in Discord (simcord): admins of a server change its own folder only; bad uploads
are refused with a reason and change nothing; non-admins are refused both ways; every change is posted to
the log channel."""

from __future__ import annotations

import discord
import pytest
import simcord

from tests.discord_app.markdown_model import shown
from tests.guilds.newsrooms import GUILD_A, GUILD_B, newsrooms, simulated
from tests.guilds.test_uploads import GOOD, HOSTILE_HTML

BAD = [("../../x.txt", GOOD), ("photo.txt", bytes(range(256)) * 4), ("empty.md", b""),
       ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage"), ("big.txt", b"a" * 3000)]


@pytest.fixture
async def env(tmp_path):
    cfg = newsrooms(tmp_path)
    cfg.corpus.max_file_mb = 0.002  # 2 kB: "big.txt" (3 kB) stands for a 50 MB upload
    async with simulated(cfg) as e:
        yield e


def _text(message) -> str:
    parts = [message.content or ""]
    for embed in message.embeds:
        parts += [embed.description or ""] + [f"{f.name} {f.value}" for f in embed.fields]
    return shown(" ".join(parts))


def _folder(env, name):
    return sorted(p.name for p in (env.bot.cfg.path.parent / name).iterdir() if not p.name.startswith("."))


async def setup_servers(env):
    a, b = env.create_guild("Alpha", id=GUILD_A), env.create_guild("Beta", id=GUILD_B)
    desk_a, log_a, desk_b = a.create_text_channel("desk"), a.create_text_channel("log"), b.create_text_channel("desk")
    env.bot.cfg.guilds[GUILD_A].log_channel_id = log_a.id
    editor_role = a.create_role("editor")
    env.bot.cfg.guilds[GUILD_A].admins.role_ids = [editor_role.id]
    editor = a.add_member(env.create_user("editor"), roles=[editor_role])
    reporter = a.add_member(env.create_user("reporter"))
    # the server lets both see /add and /remove (a Discord setting); the bot still checks who may run them
    for command in await env.bot.tree.fetch_commands(guild=discord.Object(GUILD_A)):
        if command.name in ("add", "remove"):
            a.set_command_permissions(command, {editor: True, reporter: True})
    return desk_a, log_a, desk_b, editor, reporter, b.add_member(env.create_user("rb"))


async def test_add_then_remove_in_one_server_only(env):
    desk_a, log_a, desk_b, editor, _reporter, rb = await setup_servers(env)
    await editor.send(desk_a, "!add", attachments=[("Harbor Bridge.md", GOOD), *BAD])
    reply = _text(desk_a.last_message)
    assert "Added 1 release(s) to alpha" in reply and "Harbor bridge reopens" in reply, reply
    assert "2024-05-01" in reply and "1 paragraphs" in reply and "Ann Lee" in reply, reply
    for reason in ("has folders in it", "binary data", "empty (0 bytes)", "broken.pdf", "3.0 kB is over the 0.002 MB limit"):
        assert reason in reply, (reason, reply)
    assert _folder(env, "alpha") == ["Harbor_Bridge.md", "ring.md"]  # nothing else written
    assert "add by editor" in _text(log_a.last_message) and "ok" in _text(log_a.last_message)
    await editor.send(desk_a, "!who Lee")
    assert "Ann Lee" in _text(desk_a.last_message)
    await rb.send(desk_b, "!who Lee")
    assert "Ann Lee" not in _text(desk_b.last_message)  # server B never sees A's upload

    await editor.send(desk_a, "!add", attachments=[("Harbor Bridge.md", GOOD)])
    assert "already exists" in _text(desk_a.last_message)
    await editor.send(desk_a, "!add true", attachments=[("Harbor Bridge.md", GOOD.replace(b"reopened", b"closed"))])
    assert "replaced: **Harbor bridge reopens**" in _text(desk_a.last_message), _text(desk_a.last_message)
    assert b"closed" in (env.bot.cfg.path.parent / "alpha" / "Harbor_Bridge.md").read_bytes()
    result = await editor.slash(desk_a, "add", file=("ruling.html", HOSTILE_HTML))
    final = _text(result.response) + " ".join(_text(m) for m in result.followups)
    await editor.send(desk_a, "!search court upheld the conviction")
    assert "Court ruling" in _text(desk_a.last_message), final
    paragraphs = " ".join(p.text for p in env.bot.engine.store.snapshot.corpus.paragraphs)
    assert "stealCookies" not in paragraphs and "injected" not in paragraphs

    await editor.send(desk_a, "!remove beta/seizure")  # another server's release
    assert "Not removed" in _text(desk_a.last_message)
    await editor.send(desk_a, "!remove alpha/Harbor_Bridge")
    assert "Removed 'Harbor bridge reopens'" in _text(desk_a.last_message)
    assert "Harbor_Bridge.md" not in _folder(env, "alpha")
    assert any(p.name.endswith("Harbor_Bridge.md") for p in (env.bot.cfg.path.parent / "alpha" / ".trash").iterdir())
    await editor.send(desk_a, "!who Lee")
    assert "Ann Lee" not in _text(desk_a.last_message)
    assert "remove by editor" in _text(log_a.last_message)
    await editor.send(desk_a, "!status")
    status = _text(desk_a.last_message)
    assert "last add" in status and "last remove" in status and "alpha" in status and "beta" not in status


async def test_status_is_never_an_old_answer(env):
    desk_a, _log_a, _desk_b, editor, _reporter, _rb = await setup_servers(env)
    await editor.send(desk_a, "!status")
    assert "last add: none recorded" in _text(desk_a.last_message)
    await editor.send(desk_a, "!add", attachments=[("empty.md", b"")])  # refused: the index is unchanged
    await editor.send(desk_a, "!status")
    assert "last add: 20" in _text(desk_a.last_message) and "FAILED" in _text(desk_a.last_message)


async def test_non_admins_cannot_add_or_remove_either_way(env):
    desk_a, _log_a, _desk_b, _editor, reporter, _rb = await setup_servers(env)
    await reporter.send(desk_a, "!add", attachments=[("x.md", GOOD)])
    assert "Only server admins" in _text(desk_a.last_message)
    result = await reporter.slash(desk_a, "add", file=("x.md", GOOD))
    assert "Only server admins" in _text(result.response)
    await reporter.send(desk_a, "!remove alpha/ring")
    assert "Only server admins" in _text(desk_a.last_message)
    result = await reporter.slash(desk_a, "remove", release="alpha/ring")
    assert "Only server admins" in _text(result.response)
    assert _folder(env, "alpha") == ["ring.md"]
    from bot.discord_app.context import NotAdmin

    simcord.assert_error(env, NotAdmin)
