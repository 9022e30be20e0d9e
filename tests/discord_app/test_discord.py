"""The Discord bot driven offline through discord.py's real command machinery (simcord)."""

from __future__ import annotations

import discord
import simcord

from bot.commands.engine import Engine
from bot.discord_app.client import make_bot
from bot.discord_app.render import EMBED_TOTAL_MAX, FIELD_VALUE_MAX, answer_pages
from bot.models import Answer, Citation
from bot.store import SnapshotStore
from tests.discord_app.markdown_model import shown
from tests.helpers import GUILD_ID


def world(env):
    guild = env.create_guild("Newsroom", id=GUILD_ID)
    channel = guild.create_text_channel("desk")
    reporter = guild.add_member(env.create_user("reporter"))
    editor_role = guild.create_role("editor", permissions=discord.Permissions(manage_guild=True))
    editor = guild.add_member(env.create_user("editor"), roles=[editor_role])
    return guild, channel, reporter, editor


async def test_prefix_and_slash_who_give_the_same_cited_embed(env):
    _guild, channel, reporter, _ = world(env)
    await reporter.send(channel, "!who Garrison")
    prefix_embed = channel.last_message.embeds[0]
    result = await reporter.slash(channel, "who", name="Garrison")
    slash_embed = result.response.embeds[0]
    assert prefix_embed.to_dict() == slash_embed.to_dict()
    assert "Tim Garrison" in shown(prefix_embed.description) and "U.S. Attorney" in shown(prefix_embed.description)
    field = prefix_embed.fields[0]
    assert "¶5" in field.name and "Federal operation helps Kansas City" in field.name
    assert "**Tim Garrison**" in field.value


async def test_prefix_and_slash_quote_about_a_topic_give_the_same_embed(env):
    _guild, channel, reporter, _ = world(env)
    await reporter.send(channel, "!quote William P. Barr about violent crime")
    prefix_embed = channel.last_message.embeds[0]
    result = await reporter.slash(channel, "quote", name="William P. Barr", topic="violent crime")
    assert prefix_embed.to_dict() == result.response.embeds[0].to_dict()
    assert "about 'violent crime'" in prefix_embed.description
    plain = await reporter.slash(channel, "quote", name="Barr")  # the topic is optional
    assert "about 'violent crime'" not in plain.response.embeds[0].description


async def test_who_autocomplete_suggests_people(env):
    _guild, channel, reporter, _ = world(env)
    choices = await reporter.autocomplete(channel, "who", "name", "garis")
    names = [c["value"] for c in choices]
    assert "Tim Garrison" in names and len(names) <= 25


async def test_non_admin_reload_is_refused_both_ways(env):
    guild, channel, reporter, _ = world(env)
    await reporter.send(channel, "!reload")
    assert "Only server admins" in channel.last_message.embeds[0].description
    # default_permissions only hides /reload in Discord's client; a server can override that, so the
    # bot must still refuse at run time.
    synced = await env.bot.tree.fetch_commands(guild=discord.Object(GUILD_ID))
    guild.set_command_permissions(next(c for c in synced if c.name == "reload"), {reporter: True})
    result = await reporter.slash(channel, "reload")
    assert "Only server admins" in result.response.embeds[0].description
    from bot.discord_app.context import NotAdmin

    simcord.assert_error(env, NotAdmin)  # handled: the user got the one-line reason above


async def test_admin_reload_reports_a_diff(env, demo_config, tmp_path):
    _guild, channel, _, editor = world(env)
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "new.txt").write_text("County news\nSheriff Ann Lee said the bridge in Garland reopened.\n",
                                   encoding="utf-8")
    demo_config.corpus.paths.append(str(extra))
    await editor.send(channel, "!reload")
    desc = shown(channel.last_message.embeds[0].description)
    assert "Reloaded: 2 releases" in desc and "1 added" in desc
    await editor.send(channel, "!who Lee")
    assert "Ann Lee" in channel.last_message.embeds[0].description


async def test_broken_reload_keeps_answering_from_the_old_index(env, demo_config, tmp_path):
    _guild, channel, reporter, editor = world(env)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "a.txt").write_bytes(b"\x00\x01binary")
    demo_config.corpus.paths[:] = [str(broken)]
    await editor.send(channel, "!reload")
    desc = channel.last_message.embeds[0].description
    assert "Reload failed; still serving the previous index" in desc and "no releases" in desc
    await reporter.send(channel, "!who Garrison")
    assert "Tim Garrison" in channel.last_message.embeds[0].description


async def test_everyone_in_a_query_never_pings(env):
    _guild, channel, reporter, _ = world(env)
    await reporter.send(channel, "!who @everyone <@123456789012345678>")
    posts = [r for r in env.http_requests if r.method == "POST" and r.path.endswith("/messages")]
    payload = posts[-1].json
    assert payload["allowed_mentions"]["parse"] == []
    text = channel.last_message.embeds[0].description + channel.last_message.embeds[0].title
    assert "@everyone" not in text and "<@123456789012345678>" not in text


def _many_citations(n: int) -> Answer:
    cites = [Citation("r", "A long title " * 30, "2020-01-01", "src", "/x", "https://example.org", i,
                      "word " * 400, ["word"]) for i in range(1, n + 1)]
    return Answer("search", "word", True, "30 results", citations=cites)


def test_thirty_citations_paginate_within_limits():
    pages = answer_pages(_many_citations(30))
    assert len(pages) >= 6  # at most 5 citations a page, fewer when the 6000-character cap bites
    names = [f.name for p in pages for f in p.fields]
    assert len(names) == 30 and names[0].startswith("[1]") and names[-1].startswith("[30]")
    for p in pages:
        assert len(p) <= EMBED_TOTAL_MAX and len(p.fields) <= 25 and len(p.title) <= 256
        assert all(len(f.value) <= FIELD_VALUE_MAX and len(f.name) <= 256 for f in p.fields)
        # each 2,000-character snippet was cut with "…", after its link (no preview card: angle brackets)
        assert all(f.value.endswith("…”") and f.value.startswith("[Open the release](<https://example.org>)\n")
                   for f in p.fields)


def test_also_in_note_keeps_within_limits():
    ans = _many_citations(10)
    for c in ans.citations[::2]:
        c.also_in = [f"orange_ca/press_a-very-long-release-identifier-{k}" * 3 for k in range(50)]
    for page in answer_pages(ans):
        assert len(page) <= EMBED_TOTAL_MAX
        for f in page.fields:
            assert len(f.value) <= FIELD_VALUE_MAX and "[Open the release](<https://example.org>)" in f.value
    values = [f.value for page in answer_pages(ans) for f in page.fields]
    assert sum("_same words in 50 other releases_" in v for v in values) == 5


async def test_paginated_answer_has_buttons_only_the_invoker_can_press(env, monkeypatch):
    _guild, channel, reporter, editor = world(env)
    # the loaded cog's class (load_extension imports the module afresh, so patch what the bot runs)
    monkeypatch.setattr(type(env.bot.get_cog("Answers")), "_answer", _fake_answer)
    await reporter.send(channel, "!search word")
    msg = channel.last_message
    total = len(answer_pages(_many_citations(30)))
    assert msg.embeds[0].footer.text.startswith(f"Page 1/{total}")
    result = await reporter.click(msg, label="▶")
    assert result.acknowledged
    assert channel.last_message.embeds[0].footer.text.startswith(f"Page 2/{total}")
    other = await editor.click(channel.last_message, label="▶")
    assert other.ephemeral and "Only the person who asked" in other.response.content


async def _fake_answer(self, ctx, command, argument):
    from bot.discord_app.reply import send_answer

    await send_answer(ctx, answer_pages(_many_citations(30)))


async def test_cooldown_unknown_command_and_usage_get_one_line_answers(env):
    _guild, channel, reporter, _ = world(env)
    await reporter.send(channel, "!whoo Garrison")
    assert "Did you mean !who" in shown(channel.last_message.embeds[0].description)
    await reporter.send(channel, "!who")
    assert shown(channel.last_message.embeds[0].description).startswith("Usage: !who NAME")
    for _ in range(5):
        await reporter.send(channel, "!sources")
    assert "Slow down" in channel.last_message.embeds[0].description
    simcord.assert_error(env, discord.ext.commands.CommandOnCooldown)


async def test_direct_messages_refused_when_config_says_so(demo_config):
    demo_config.discord.allow_dms = False
    bot = make_bot(demo_config, Engine(SnapshotStore.open(demo_config)))
    env = simcord.Env(bot)
    await env.start()
    try:
        _guild, _channel, reporter, _ = world(env)
        await reporter.send_dm("!who Garrison")
        dm = [r for r in env.http_requests if r.method == "POST" and r.path.endswith("/messages")][-1]
        assert "only answer in servers" in dm.json["embeds"][0]["description"]
        from bot.discord_app.context import DMRefused

        simcord.assert_error(env, DMRefused)
    finally:
        await env.shutdown()


def test_rendered_user_text_has_no_live_markdown_or_mentions():
    ans = Answer("who", "**x** @everyone <@&123456789012345678> _y_", False, "No release names a person called '**x** @everyone'.")
    page = answer_pages(ans)[0]
    assert "\\*\\*x\\*\\*" in page.title and "@\u200beveryone" in page.title
    assert "<@&123456789012345678>" not in page.title and "\\_y\\_" in page.title
    assert "\\*\\*x\\*\\*" in page.description
