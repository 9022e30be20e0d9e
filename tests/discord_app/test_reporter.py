"""The reporter's side: citations with office and link, no repeats, quiet refusals, buttons, follow-ups."""

from __future__ import annotations

import re

from bot.discord_app.render import answer_pages, safe
from bot.items import PersonItem
from bot.models import Answer, Citation
from bot.render_text import render_text
from tests.discord_app.test_discord import world

FIELD = re.compile(r"^\[1\] Federal operation helps Kansas City crack down on violent crime — Missourinet · 2019 · ¶5$")


def _cite(rid: str, n: int, url: str | None = "https://da.example/r/1") -> Citation:
    return Citation(rid, f"Title {rid}", "2024-11-18", "Orange County District Attorney", "/x", url, n,
                    f"Quoted words number {n} from {rid}.")


async def test_citation_field_names_title_office_date_and_paragraph(env):
    _guild, channel, reporter, _ = world(env)
    await reporter.send(channel, "!who Garrison")
    field = channel.last_message.embeds[0].fields[0]
    assert FIELD.match(field.name.replace("\\", "")), field.name
    assert not field.value.startswith("[Open the release]")  # the demo release has no URL


def test_a_linked_citation_leads_with_its_link_and_one_release_links_the_embed():
    one = Answer("search", "x", True, "2 results", citations=[_cite("a", 11), _cite("a", 12)])
    page = answer_pages(one)[0]
    assert page.url == "https://da.example/r/1"
    assert page.fields[0].name == "[1] Title a — Orange County District Attorney · 2024\\-11\\-18 · ¶11"
    assert page.fields[0].value.startswith("[Open the release](<https://da.example/r/1>)\n“Quoted")
    two = Answer("search", "x", True, "2 results", citations=[_cite("a", 11), _cite("b", 2, None)])
    page = answer_pages(two)[0]
    assert page.url is None and page.fields[1].value.startswith("“Quoted")


def test_terminal_prints_title_office_date_paragraph_then_link():
    text = render_text(Answer("search", "x", True, "1 result", citations=[_cite("a", 11)]))
    assert text.splitlines()[-2:] == ["    — Title a — Orange County District Attorney · 2024-11-18 · ¶11",
                                      "      https://da.example/r/1"]


def test_quote_shows_each_quotation_once_and_points_only_at_its_page(sample_engine):
    ans = sample_engine.ask("!quote Spitzer")
    assert len(ans.citations) > 5
    pages = answer_pages(ans)
    shown = "\n".join([pages[0].description or ""] + [f.value for p in pages for f in p.fields])
    for c in ans.citations:
        assert shown.count(safe(c.text)[:60]) == 1, c.text
    for page in pages:  # no reference in a description to a citation another page holds
        held = {int(f.name[1:f.name.index("]")]) for f in page.fields}
        refs = {int(r) for r in re.findall(r"\[(\d+)\]", page.description or "")}
        assert refs <= held


def test_namesakes_one_line_over_one_bullet_each():
    people = [PersonItem(f"{first} Garrison", ["Sheriff"], None, 2, n, [i]) for i, (first, n) in
              enumerate((("Doug", 1), ("Drew", 3), ("Tim", 5)))]
    ans = Answer("who", "Garrison", True, "'Garrison' names 3 different people: Doug Garrison: Sheriff | ...",
                 items=list(people), citations=[_cite("a", k) for k in (1, 2, 3)])
    lines = answer_pages(ans)[0].description.splitlines()
    assert lines[0] == "3 people named Garrison"
    office = "Orange County District Attorney"  # no organisation stated: the office of the first citation
    assert lines[1:] == [f"• **Doug Garrison** — Sheriff · {office} · 1 release [1]",
                         f"• **Drew Garrison** — Sheriff · {office} · 3 releases [2]",
                         f"• **Tim Garrison** — Sheriff · {office} · 5 releases [3]"]
    assert "|" not in answer_pages(ans)[0].description


async def test_autocomplete_shows_labels_and_sends_plain_names(env):
    _guild, channel, reporter, _ = world(env)
    choices = await reporter.autocomplete(channel, "who", "name", "Garr")
    assert choices[0]["value"] == "Tim Garrison"
    assert choices[0]["name"].startswith("Tim Garrison — U.S. Attorney · 1 release")


def _member(e, guild, name):
    return guild.add_member(e.create_user(name))


async def test_slash_refusals_are_ephemeral_and_titles_echo_little_of_the_query(env):
    _guild, channel, reporter, _ = world(env)
    missing = await reporter.slash(channel, "who", name="Nobodyxyz")
    assert missing.ephemeral and "No release names" in missing.response.embeds[0].description
    found = await reporter.slash(channel, "who", name="Garrison")
    assert not found.ephemeral
    long = await reporter.slash(channel, "search", text="violent crime " + "zzz " * 60)
    assert long.ephemeral and len(long.response.embeds[0].title) <= len("search ") + 60
    await reporter.send(channel, "!who Nobodyxyz")  # a prefix refusal is a reply like any other
    assert "No release names" in channel.last_message.embeds[0].description


async def test_only_the_asker_or_an_admin_deletes_a_reply(env):
    guild, channel, reporter, editor = world(env)
    other = _member(env, guild, "other")
    await reporter.send(channel, "!who Garrison")
    reply = channel.last_message
    refused = await other.click(reply, custom_id=f"pressbot:delete:{reporter.id}")
    assert refused.ephemeral and "Only the person who asked" in refused.response.content
    assert channel.last_message.id == reply.id
    await reporter.click(reply, custom_id=f"pressbot:delete:{reporter.id}")
    assert channel.last_message is None or channel.last_message.id != reply.id
    await reporter.send(channel, "!who Garrison")
    second = channel.last_message
    await editor.click(second, custom_id=f"pressbot:delete:{reporter.id}")  # Manage Server may tidy up
    assert channel.last_message is None or channel.last_message.id != second.id


async def test_page_buttons_after_a_restart_say_expired(env, monkeypatch):
    from bot.discord_app import paginator
    from tests.discord_app.test_discord import _fake_answer

    _guild, channel, reporter, _ = world(env)
    monkeypatch.setattr(type(env.bot.get_cog("Answers")), "_answer", _fake_answer)
    await reporter.send(channel, "!search word")
    msg = channel.last_message
    turned = await reporter.click(msg, label="▶")
    assert not turned.ephemeral and channel.last_message.embeds[0].footer.text.startswith("Page 2/")
    for view in list(paginator.LIVE.values()):  # what a restart leaves: the message, no view behind it
        view.stop()
        env.bot._connection._view_store.remove_view(view)
    paginator.LIVE.clear()
    late = await reporter.click(channel.last_message, label="▶")
    assert late.ephemeral and "expired" in late.response.content


def _menu(message):
    for row in message.components:
        for child in getattr(row, "children", [row]):
            if getattr(child, "custom_id", None) == "pressbot:follow":
                return child
    return None


async def test_follow_ups_copy_a_citation_and_show_more_of_its_release(env):
    _guild, channel, reporter, _ = world(env)
    await reporter.send(channel, "!search violent crime")
    msg = channel.last_message
    menu = _menu(msg)
    assert menu is not None and [o.label for o in menu.options[:2]] == ["[1] More from this release",
                                                                         "[1] Copy citation"]
    copy = await reporter.select(msg, [menu.options[1].value], custom_id="pressbot:follow")
    text = copy.response.content
    assert copy.ephemeral and text.startswith("```\n“") and text.endswith("\n```")
    assert "” — Federal operation helps Kansas City crack down on violent crime — Missourinet · 2019 · ¶" in text
    more = await reporter.select(msg, [menu.options[0].value], custom_id="pressbot:follow")
    embed = more.response.embeds[0]
    assert more.ephemeral and "after ¶" in embed.description and embed.fields
    first = int(menu.options[0].value.split(":")[2])
    assert all(int(f.name.rsplit("¶", 1)[1]) > first for f in embed.fields)
    await reporter.send(channel, "!who Garrison")  # only search and quote answers have the menu
    assert _menu(channel.last_message) is None


async def test_help_shows_both_forms_an_example_each_and_the_filters(env):
    _guild, channel, reporter, _ = world(env)
    await reporter.send(channel, "!help")
    desc = channel.last_message.embeds[0].description
    assert "`!who NAME` · `/who name:` — " in desc and "e.g. `!who Garrison`" in desc
    assert "`!quote NAME [about TOPIC]` · `/quote name: [topic:]`" in desc
    lines = [line for line in desc.splitlines() if line.startswith("• ")]
    from bot.commands.registry import REGISTRY

    assert len(lines) == len(REGISTRY.engine_commands())  # one line per command the engine answers
    assert all(line.count("e.g.") <= 1 for line in lines)
    assert all(f in desc.replace("\\", "") for f in ("source:OFFICE", "since:2024-01", "until:2024-12-31"))
