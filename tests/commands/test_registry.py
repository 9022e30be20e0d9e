"""The command registry is the one declaration: help, the slash tree, the cogs and the renderers agree."""

from __future__ import annotations

import dataclasses

import discord
import simcord

from bot.commands.engine import Engine
from bot.commands.registry import REGISTRY, CommandSpec, Param
from bot.discord_app.agreement import disagreements, from_synced, from_tree
from bot.discord_app.client import make_bot
from bot.items import ITEM_TYPES, SearchHit
from bot.models import Answer
from bot.store import SnapshotStore
from tests.discord_app.markdown_model import shown
from tests.helpers import GUILD_ID


def _surfaces(bot, registry=REGISTRY):
    help_answer = Engine(bot.engine.store, registry).run("help", "")
    return help_answer, from_tree(bot.tree.get_commands()), [c.name for c in bot.commands]


async def test_registry_help_slash_tree_and_cogs_agree(env):
    help_answer, tree, prefix = _surfaces(env.bot)
    assert disagreements(REGISTRY, help_answer, tree, prefix) == []
    assert sorted(prefix) == sorted(s.name for s in REGISTRY)
    synced = from_synced(await env.bot.tree.fetch_commands(guild=discord.Object(GUILD_ID)))
    assert disagreements(REGISTRY, help_answer, synced, prefix) == []
    who = next(s for s in synced if s.name == "who")
    assert who.params[0] == ("name", "A surname or full name, e.g. Garrison", True, "string", True) and not who.admin
    for name in ("who", "cities", "quote", "search"):  # the filters are slash options; source completes
        options = {p[0]: p[2:] for p in next(s for s in synced if s.name == name).params}
        assert options["source"] == (False, "string", True), name
        assert options["since"] == options["until"] == (False, "string", False), name
    search = next(s for s in synced if s.name == "search")
    assert [p[0] for p in search.params] == ["text", "source", "since", "until", "all"]
    assert search.params[-1][2:] == (False, "boolean", False)
    assert next(s for s in synced if s.name == "reload").admin


async def test_the_agreement_check_reports_a_command_only_the_registry_has(env):
    extra = CommandSpec("topics", "topics", "the topics covered", "The topics covered.", "topics",
                        lambda r: Answer("topics", "", True, "none"), params=(Param("word", "A word"),))
    registry = REGISTRY.with_command(extra)
    help_answer, tree, prefix = _surfaces(env.bot, registry)
    problems = disagreements(registry, help_answer, tree, prefix)
    assert "topics: declared but no slash command" in problems
    assert "topics: declared but no prefix command" in problems
    # help made from the real registry no longer matches the copy either
    assert any(p.startswith("help lists") for p in disagreements(registry, _surfaces(env.bot)[0], tree, prefix))


async def test_the_agreement_check_reports_changed_parameters_and_admin_flags(env):
    who = REGISTRY.get("who")
    assert who is not None
    changed = REGISTRY.with_command(dataclasses.replace(who, params=(Param("person", "Someone"),), admin=True))
    help_answer, tree, prefix = _surfaces(env.bot, changed)
    problems = disagreements(changed, help_answer, tree, prefix)
    assert any(p.startswith("who: parameters") for p in problems)
    assert any(p.startswith("who: admin True declared") for p in problems)


async def test_a_registry_command_becomes_a_discord_command(demo_config):
    extra = CommandSpec("count", "count WORD", "how many releases use a word", "How many releases use a word.",
                        "count crime", lambda r: Answer("count", r.argument, True, f"counted {r.argument}"),
                        params=(Param("word", "A word"),), needs_argument=True)
    registry = REGISTRY.with_command(extra)
    bot = make_bot(demo_config, Engine(SnapshotStore.open(demo_config), registry))
    env = simcord.Env(bot)
    await env.start()
    try:
        guild = env.create_guild("Newsroom", id=GUILD_ID)
        channel = guild.create_text_channel("desk")
        reporter = guild.add_member(env.create_user("reporter"))
        help_answer, tree, prefix = _surfaces(bot, registry)
        assert disagreements(registry, help_answer, tree, prefix) == []
        result = await reporter.slash(channel, "count", word="crime")
        assert "counted crime" in result.response.embeds[0].description
        await reporter.send(channel, "!count")
        assert shown(channel.last_message.embeds[0].description).startswith("Usage: !count WORD")
    finally:
        await env.shutdown()


def test_shards_auto_lets_discord_choose_else_one_shard(demo_config):
    engine = Engine(SnapshotStore.open(demo_config))
    assert make_bot(demo_config, engine).shard_count == 1
    demo_config.discord.shards = "auto"
    assert make_bot(demo_config, engine).shard_count is None


def test_every_item_type_is_declared_by_a_command_and_answers_hold_only_declared_kinds(demo_engine):
    declared = {t for spec in REGISTRY for t in spec.items}
    assert declared == set(ITEM_TYPES)
    for spec in REGISTRY.engine_commands():
        ans = demo_engine.ask(spec.example)
        assert ans.found, spec.example
        assert {type(i) for i in ans.items} <= set(spec.items), spec.name
    assert {type(i) for i in demo_engine.ask("quote Garrison").items} <= set(REGISTRY.get("quote").items)


def test_engine_suggests_per_command_and_refuses_reload_to_non_admins(demo_engine):
    assert "Tim Garrison" in demo_engine.suggest("who", "garis")
    assert demo_engine.suggest("cities", "relentless") == ["Federal operation helps Kansas City crack down on violent crime"]
    assert demo_engine.suggest("sources", "x") == [] and demo_engine.suggest("nope", "x") == []
    refused = demo_engine.run("reload", "", admin=False)
    assert (refused.error, refused.summary) == ("forbidden", "Only server admins can reload the corpus.")


async def test_areload_reports_a_diff_or_the_failure(demo_config, tmp_path):
    engine = Engine(SnapshotStore.open(demo_config))
    ok = await engine.areload("tester")
    assert ok.found and ok.summary.startswith("Reloaded: 1 releases")
    broken = tmp_path / "broken"
    broken.mkdir()
    demo_config.corpus.paths[:] = [str(broken)]
    failed = await engine.areload("tester")
    assert failed.error == "reload_failed" and failed.summary.startswith("Reload failed; still serving")
    assert (await engine.areload("someone", admin=False)).error == "forbidden"
    assert engine.ask("who Garrison").found  # the old snapshot still answers


def test_search_hits_serialise_with_their_scores(demo_engine):
    ans = demo_engine.ask("search violent crime")
    assert all(isinstance(i, SearchHit) for i in ans.items)
    items = ans.to_dict()["items"]
    assert items and set(items[0]) == {"kind", "score", "relative", "citation"} and items[0]["kind"] == "hit"


async def test_the_agreement_check_reports_an_option_whose_type_or_completion_changed(env):
    search = REGISTRY.get("search")
    assert search is not None
    text, *filters, every = search.params
    changed = REGISTRY.with_command(dataclasses.replace(search, params=(text, *filters, dataclasses.replace(every, flag=""))))
    help_answer, tree, prefix = _surfaces(env.bot, changed)
    assert any(p.startswith("search: parameters") and "'boolean'" in p for p in disagreements(changed, help_answer, tree, prefix))
    plain = REGISTRY.with_command(dataclasses.replace(search, params=(text, *(dataclasses.replace(f, filter=False) for f in filters), every)))
    assert any(p.startswith("search: parameters") for p in disagreements(plain, *_surfaces(env.bot, plain)))


def test_slash_values_and_typed_options_make_the_prefix_command_line(demo_engine):
    search, quote = REGISTRY.get("search"), REGISTRY.get("quote")
    assert search is not None and quote is not None
    assert search.line({"text": " hate  crime", "source": "kings_ny", "since": "2020", "all": True}) == \
        "hate crime source:kings_ny since:2020 --all"
    assert search.line({"text": "x", "source": "Dallas County District Attorney", "all": False}) == \
        'x source:"Dallas County District Attorney"'
    assert quote.line({"name": "Gonzalez", "topic": "ghost guns", "until": "2021"}) == "Gonzalez about ghost guns until:2021"
    typed = demo_engine.ask("/search text:violent crime all:true")
    assert typed.citations == demo_engine.ask("!search violent crime --all").citations
    assert len({c.paragraph for c in typed.citations}) > 1
    assert demo_engine.ask("/search text:violent crime all:false").citations == demo_engine.ask("!search violent crime").citations
    assert demo_engine.suggest("who", "", param="since") == [] and demo_engine.suggest("sources", "", param="source") == []
