"""Two servers on one bot (simcord): each sees its own corpus plus the shared one, never the other's; per-server
admins and channel allow-lists."""

from __future__ import annotations

import discord
import pytest

from tests.discord_app.markdown_model import shown
from tests.guilds.newsrooms import GUILD_A, GUILD_B, ROLE_A, newsrooms, simulated


@pytest.fixture
async def env(tmp_path):
    cfg = newsrooms(tmp_path)
    async with simulated(cfg) as e:
        yield e


def _text(message) -> str:
    parts = [message.content or ""]
    for embed in message.embeds:
        parts += [embed.title or "", embed.description or "", embed.footer.text or ""]
        parts += [f"{f.name} {f.value}" for f in embed.fields]
    return shown(" ".join(parts))


def servers(env):
    a = env.create_guild("Alpha", id=GUILD_A)
    b = env.create_guild("Beta", id=GUILD_B)
    return a, a.create_text_channel("desk"), b, b.create_text_channel("desk")


async def test_a_release_of_server_a_never_reaches_server_b(env):
    a, desk_a, b, desk_b = servers(env)
    ra = a.add_member(env.create_user("ra"))
    rb = b.add_member(env.create_user("rb"))
    for line in ("!who Garcia", "!quote Garcia", "!search ghost guns", "!cities ghost guns", "!sources"):
        await rb.send(desk_b, line)
        seen = _text(desk_b.last_message)
        assert "Maria" not in seen and "Alpha" not in seen, (line, seen)
        await ra.send(desk_a, line)
        seen = _text(desk_a.last_message)
        assert "Robert" not in seen and "Beta" not in seen, (line, seen)
    result = await rb.slash(desk_b, "who", name="Garcia")
    assert "Robert Garcia" in _text(result.response) and "Maria" not in _text(result.response)
    choices = [c["name"] for c in await rb.autocomplete(desk_b, "who", "name", "garc")]
    assert any("Robert" in c for c in choices) and not any("Maria" in c for c in choices)
    choices = [c["name"] for c in await ra.autocomplete(desk_a, "who", "name", "garc")]
    assert any("Maria" in c for c in choices) and not any("Robert" in c for c in choices)


async def test_a_servers_admin_role_is_admin_there_only(env):
    a, desk_a, b, desk_b = servers(env)
    role = a.create_role("editors")
    env.bot.cfg.guilds[GUILD_A].admins.role_ids = [ROLE_A, role.id]
    editor = a.add_member(env.create_user("editor"), roles=[role])
    reporter = a.add_member(env.create_user("reporter"))
    await editor.send(desk_a, "!status")
    seen = _text(desk_a.last_message)
    assert "Only server admins" not in seen and "alpha" in seen and "beta" not in seen, seen
    await reporter.send(desk_a, "!status")
    assert "Only server admins" in _text(desk_a.last_message)
    also_in_b = b.add_member(env.create_user("editor-b"), roles=[b.create_role("editors")])
    await also_in_b.send(desk_b, "!status")  # A's admin role means nothing in B
    assert "Only server admins" in _text(desk_b.last_message)


async def test_the_everyone_role_in_the_global_admin_roles_makes_no_one_admin(env):
    """`discord.admin_role_ids: [<server id>]` with no guild_ids to check it against at load time: the
    @everyone role (whose id is the server's) must not make every member an admin."""
    a, desk_a, _b, _desk_b = servers(env)
    env.bot.cfg.discord.admin_role_ids = [GUILD_A]
    reporter = a.add_member(env.create_user("reporter"))
    await reporter.send(desk_a, "!status")
    assert "Only server admins" in _text(desk_a.last_message)


async def test_channel_allow_list(env):
    b = env.create_guild("Beta", id=GUILD_B)
    allowed, other = b.create_text_channel("pressbot"), b.create_text_channel("general")
    env.bot.cfg.guilds[GUILD_B].channel_ids = [allowed.id]
    reporter = b.add_member(env.create_user("r"))
    await reporter.send(other, "!who Garcia")
    assert "don't answer in this channel" in _text(other.last_message)
    await reporter.send(allowed, "!who Garcia")
    assert "Robert Garcia" in _text(allowed.last_message)


def test_admin_commands_are_guild_only(env):
    tree = {c.name: c for c in env.bot.tree.get_commands()}
    for name in ("reload", "sync", "status", "add", "remove"):
        assert tree[name].guild_only, name
    assert not tree["who"].guild_only
    assert [c.value for c in tree["sync"].parameters[0].choices] == ["guild", "global"]


async def test_admin_commands_refuse_dms_and_reload_is_posted_to_the_log_channel(env):
    a, desk_a, _b, _desk_b = servers(env)
    log_channel = a.create_text_channel("audit")
    env.bot.cfg.discord.log_channel_id = log_channel.id
    user = env.create_user("editor")
    env.bot.cfg.discord.admin_user_ids = [user.id]  # a global admin: admin everywhere, but not in DMs
    editor = a.add_member(user, roles=[a.create_role("ed", permissions=discord.Permissions(manage_guild=True))])
    await editor.send(desk_a, "!reload")
    assert "Reloaded" in _text(desk_a.last_message)
    assert "reload by editor" in _text(log_channel.last_message) and "in server 1001" in _text(log_channel.last_message)
    await user.send_dm("!reload")
    assert "only in a server" in _text(user.dm_channel.last_message)
    assert len([m for m in log_channel.history() if "reload by" in _text(m)]) == 1  # the DM reload never ran
