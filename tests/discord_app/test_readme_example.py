"""README stays true: its `!who Garrison` embed is what the Discord simulator shows on the demo corpus, and the
Commands section documents every filter and every slash option of search."""

from __future__ import annotations

import re

import simcord

from bot.commands.engine import Engine
from bot.commands.registry import FILTER_PARAMS, REGISTRY
from bot.config import load_config
from bot.discord_app.client import make_bot
from bot.store import SnapshotStore
from tests.discord_app.markdown_model import shown
from tests.helpers import ROOT, write_config

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _readme_embed() -> list[str]:
    m = re.search(r"<!-- readme-embed:who-garrison -->\n\s*```text\n(.*?)\n\s*```", README, re.DOTALL)
    assert m, "README lost its who Garrison example"
    return [line.strip() for line in m.group(1).splitlines()]


def _commands_section() -> str:
    return README.split("\n## Commands\n", 1)[1].split("\n## ", 1)[0]


async def test_the_readme_embed_is_what_the_simulator_shows(tmp_path):
    cfg = load_config(write_config(tmp_path, [ROOT / "corpus"]))
    env = simcord.Env(make_bot(cfg, Engine(SnapshotStore.open(cfg, use_cache=False))))
    await env.start()
    try:
        guild = env.create_guild("Newsroom")
        channel = guild.create_text_channel("desk")
        await guild.add_member(env.create_user("reporter")).send(channel, "!who Garrison")
        embed = channel.last_message.embeds[0]
    finally:
        await env.shutdown()
    field = embed.fields[0]
    assert _readme_embed() == [embed.title, shown(embed.description), shown(field.name), shown(field.value)]


def test_the_commands_section_documents_every_filter_and_slash_option():
    section = _commands_section()
    for p in FILTER_PARAMS:
        assert f"`{p.name}:" in section, p.name  # typed form, e.g. `since:DATE`
        assert f" {p.name}:" in section.split("/search text:", 1)[1], p.name  # and as a slash option
    search = REGISTRY.get("search")
    assert search is not None
    for p in search.params:
        assert re.search(rf"[ `]{p.name}:", section), p.name  # every slash option of search, `all:` too
