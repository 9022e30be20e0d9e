"""The filters and search's `all` as real slash options, through discord.py's machinery (simcord): they
become the command line the prefix form types, so both forms reach the same answer. Two offices' verbatim
paragraphs (Kings County NY, San Diego County CA)."""

from __future__ import annotations

import pytest
import simcord

from bot.commands.engine import Engine
from bot.config import load_config
from bot.discord_app.client import make_bot
from bot.store import SnapshotStore
from tests.commands.test_scoped import KINGS, SAN_DIEGO
from tests.discord_app.markdown_model import shown
from tests.helpers import write_config

GUILD_ID = 4242
# Kings County DA, 2022-04-22 (bushwick-man-indicted-for-illegal-possession-of-ghost-guns), verbatim
GONZALEZ = ("District Attorney Gonzalez said, “This defendant allegedly acquired a massive arsenal of homemade ghost "
            "guns that are as real and dangerous as traditional firearms. By assembling guns from kits, unfinished "
            "parts, or 3D printed components, those who possess ghost guns evade critically important background "
            "checks and registration requirements, and because they have no serial number they are untraceable. "
            "The surge in ghost guns in our neighborhoods is a major contributor to the violence plaguing our "
            "communities and my Office is working tirelessly to stop their proliferation in Brooklyn.”")
# Kings County DA, 2019-01-09 (brooklyn-man-who-shot-and-killed-young-father-in-gravesend-park...), verbatim
GRAVESEND = ("District Attorney Gonzalez said, “This was a completely brazen and senseless murder of an innocent man. "
             "That it took place during an event meant to honor victims of gun violence and deter further fatalities "
             "is heartbreaking. In Brooklyn, we are committed to ending the cycle of gun violence that is destroying "
             "too many young lives and leaving families devastated.”")
NYPD = ("The District Attorney said that, following an investigation, members of the New York City Police "
        "Department identified Taylor as having ordered numerous ghost gun kits and component parts from various "
        "online retailers that were allegedly shipped to the defendant’s address on Eldert Street in Bushwick, "
        "Brooklyn.")


def _corpus(tmp_path):
    kings, san_diego = tmp_path / "newsroom" / "kings_ny", tmp_path / "newsroom" / "san_diego_ca"
    kings.mkdir(parents=True)
    san_diego.mkdir(parents=True)
    (kings / "bushwick.md").write_text(f"---\ntitle: Bushwick man indicted for ghost guns\ndate: 2022-04-22\n---\n"
                                       f"{KINGS}\n\n{GONZALEZ}\n\n{NYPD}\n", encoding="utf-8")
    (kings / "gravesend.md").write_text(f"---\ntitle: Gravesend park murder sentence\ndate: 2019-01-09\n---\n"
                                        f"{GRAVESEND}\n", encoding="utf-8")
    (san_diego / "officers.md").write_text(f"---\ntitle: Suspect with a ghost gun\ndate: 2023-03-01\n---\n"
                                           f"{SAN_DIEGO}\n", encoding="utf-8")
    extra = f"discord:\n  guild_ids: [{GUILD_ID}]\n"
    return load_config(write_config(tmp_path, [tmp_path / "newsroom"], extra=extra))


@pytest.fixture
async def desk(tmp_path):
    cfg = _corpus(tmp_path)
    bot = make_bot(cfg, Engine(SnapshotStore.open(cfg, use_cache=False)))
    env = simcord.Env(bot)
    await env.start()
    guild = env.create_guild("Newsroom", id=GUILD_ID)
    channel = guild.create_text_channel("desk")
    reporter = guild.add_member(env.create_user("reporter"))
    try:
        yield env, channel, reporter
    finally:
        await env.shutdown()


def _titles(embed) -> list[str]:
    return [shown(f.name) for f in embed.fields]


async def test_slash_source_and_since_keep_only_that_sources_releases_from_that_date(desk):
    _env, channel, reporter = desk
    everything = _titles((await reporter.slash(channel, "search", text="guns violence")).response.embeds[0])
    assert any("san_diego_ca" in t for t in everything) and any("2019-01-09" in t for t in everything)
    result = await reporter.slash(channel, "search", text="guns violence", source="kings_ny", since="2020")
    embed = result.response.embeds[0]
    titles = _titles(embed)
    assert titles and all("Bushwick man indicted" in t and "kings_ny · 2022-04-22" in t for t in titles), titles
    assert "since 2020" in shown(embed.description) and "kings_ny" in shown(embed.description)
    await reporter.send(channel, "!search guns violence source:kings_ny since:2020")
    assert channel.last_message.embeds[0].to_dict() == embed.to_dict()  # the same command line, the same answer


async def test_a_bad_since_gets_an_ephemeral_one_line_usage_error(desk):
    _env, channel, reporter = desk
    result = await reporter.slash(channel, "search", text="ghost guns", since="yesterday")
    assert result.ephemeral
    text = shown(result.response.embeds[0].description)
    assert "\n" not in text and text.startswith("since: expects a date") and "Usage: !search TEXT" in text


async def test_slash_all_returns_several_paragraphs_of_one_release(desk):
    _env, channel, reporter = desk
    one = await reporter.slash(channel, "search", text="ghost guns", source="kings_ny", since="2020")
    assert len(one.response.embeds[0].fields) == 1
    result = await reporter.slash(channel, "search", text="ghost guns", source="kings_ny", since="2020", all=True)
    titles = _titles(result.response.embeds[0])
    assert len(titles) >= 2 and all("Bushwick man indicted" in t for t in titles)
    assert len({t.rsplit("¶", 1)[1] for t in titles}) == len(titles)  # different paragraphs
    await reporter.send(channel, "!search ghost guns source:kings_ny since:2020 --all")
    assert channel.last_message.embeds[0].to_dict() == result.response.embeds[0].to_dict()


async def test_source_completes_from_the_loaded_sources(desk):
    _env, channel, reporter = desk
    assert [c["value"] for c in await reporter.autocomplete(channel, "search", "source", "kin")] == ["kings_ny"]
    for command in ("who", "cities", "quote", "search"):
        values = {c["value"] for c in await reporter.autocomplete(channel, command, "source", "")}
        assert values == {"kings_ny", "san_diego_ca"}, command


async def test_quote_topic_and_source_slash_options_equal_the_prefix_line(desk):
    _env, channel, reporter = desk
    await reporter.send(channel, "!quote Gonzalez about ghost guns source:kings_ny")
    prefix = channel.last_message.embeds[0]
    result = await reporter.slash(channel, "quote", name="Gonzalez", topic="ghost guns", source="kings_ny")
    assert result.response.embeds[0].to_dict() == prefix.to_dict()
    assert "massive arsenal of homemade ghost" in " ".join(shown(f.value) for f in prefix.fields)
    other = await reporter.slash(channel, "who", name="Stephan", source="kings_ny")
    assert other.ephemeral and "Stephan" not in " ".join(_titles(other.response.embeds[0]))


async def test_prefix_filters_work_as_before_and_match_the_slash_options(desk):
    _env, channel, reporter = desk
    await reporter.send(channel, "!who Gonzalez source:kings_ny")
    prefix = channel.last_message.embeds[0]
    assert "Eric Gonzalez" in shown(prefix.description)
    slash = await reporter.slash(channel, "who", name="Gonzalez", source="kings_ny")
    assert slash.response.embeds[0].to_dict() == prefix.to_dict()
    await reporter.send(channel, "!who Gonzalez source:san_diego_ca")
    assert "Eric Gonzalez" not in shown(channel.last_message.embeds[0].description)
