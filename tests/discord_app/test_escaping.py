"""User and corpus text in Discord output can never render as markdown, a link, a mention or an embed.

The checker (`markdown_model`) is a small model of Discord's parser: a backslash before any non-alphanumeric
character makes it literal; anything else in `MARKDOWN_CHARS` (or `@everyone`, `<@`, `](`, `||`, a URL
scheme) left over would be live."""

from __future__ import annotations

import re

import discord
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.discord_app.cogs.answers import as_choices
from bot.discord_app.render import FIELD_VALUE_MAX, answer_pages, safe
from bot.items import CityItem, PersonItem, QuoteItem, SourceCount
from bot.models import Answer, Citation
from bot.safe_text import ZWSP, discord_markdown, discord_url, strip_controls
from tests.discord_app.markdown_model import live_constructs, shown

TOKENS = ["[Official DA statement](http://evil.example)", "[a](b)", "[", "]", "(", ")", "](", "||spoiler||",
          "||", "**bold**", "*", "_", "__under__", "~~strike~~", "`", "```py\ncode\n```", "# ", "## ", "### ",
          "-# ", "- ", "* ", "1. ", "> ", ">>> ", "<t:1700000000:R>", "<@123456789012345678>",
          "<@&123456789012345678>", "<#123456789012345678>", "<:emoji:123456789012345678>",
          "<a:wave:123456789012345678>", "@everyone", "@here", "https://evil.example/x", "<https://e.x>",
          "\\", "\n", " ", "Garrison", "U.S. Attorney", "\u202e", "\x1b[31m", ":", "word", "é", "é"]
texts = st.lists(st.sampled_from(TOKENS) | st.text(max_size=4), max_size=25).map("".join)

@settings(max_examples=1000, deadline=None)
@given(texts)
def test_escaped_text_has_no_live_construct_and_reads_as_written(text):
    out = discord_markdown(text)
    assert live_constructs(out) == [], out
    # the reader sees the text as written (a zero-width space is invisible either way)
    assert shown(out) == re.sub(r"[\ud800-\udfff]", "\ufffd", strip_controls(text)).replace(ZWSP, "")


@settings(max_examples=150, deadline=None)
@given(texts, texts, texts, st.lists(texts, max_size=3), st.sampled_from(["https://da.example/r?a=1", "https://x.org/a)[b](c", None]))
def test_rendered_answer_echoes_nothing_live(query, title, snippet, highlights, url):
    cite = Citation("r", title, "2020-01-01", "src", "/x", url, 3, snippet or "x", highlights)
    items = [PersonItem(query, [title, snippet], snippet, 1, 2, [0]), CityItem(title, "included", 0),
             CityItem(query, "excluded", None), QuoteItem(query, snippet, 0), SourceCount(title, 3)]
    ans = Answer("who", query, True, f"No release names a person called '{query}'.", items=items,
                 citations=[cite])
    for page in answer_pages(ans):
        assert live_constructs(page.title or "") == []
        # pressbot's own: **bold**, (org), [1] references, "Cities:" labels
        assert live_constructs((page.description or "").replace("**", ""), allowed="()[]:") == []
        for field in page.fields:
            assert live_constructs(field.name.removeprefix("[1] ")) == []
            value = field.value
            link = f"[Open the release](<{discord_url(url)}>)\n" if discord_url(url) else ""
            assert value.startswith(link) and len(value) <= FIELD_VALUE_MAX
            body = value[len(link):]
            assert live_constructs(body.replace("**", "")) == []  # pressbot's own highlights aside


def test_greedy_masked_link_bypass_of_the_old_escaper_is_closed():
    query = "[a](b) then [Official DA statement](http://evil.example) ||x|| **y**"
    old = discord.utils.escape_markdown(query)
    assert live_constructs(old)  # what discord.py's escaper left live
    assert live_constructs(safe(query)) == []


def test_link_targets_cannot_break_out():
    assert discord_url("https://x.org/a) [Official](http://evil") == "https://x.org/a%29%20%5BOfficial%5D%28http://evil"
    assert discord_url("javascript:alert(1)") is None


def test_autocomplete_labels_are_plain_and_cannot_ping():
    choices = as_choices(["@everyone \u202eevil", "Tim Garrison"])
    assert choices[0].name == f"@{ZWSP}everyone evil" and choices[0].value == "@everyone \u202eevil"
    assert choices[1].name == "Tim Garrison"
