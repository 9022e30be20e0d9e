"""Answer -> Discord embeds: the same structured answer the CLI prints, within every Discord limit.

Limits (Discord API): title 256, description 4096, field name 256, field value 1024, 25 fields,
6000 characters per embed in total, message content 2000. Long snippets are cut with '…'; more
citations than fit become further pages.
"""

from __future__ import annotations

import discord

from bot.items import DISCORD, item_lines
from bot.models import Answer, Citation
from bot.render_text import bold
from bot.safe_text import discord_code, discord_markdown, discord_url

TITLE_MAX, DESC_MAX, FIELD_NAME_MAX, FIELD_VALUE_MAX, FIELDS_MAX, EMBED_TOTAL_MAX = 256, 4096, 256, 1024, 25, 6000
FIELDS_PER_PAGE = 5
COLORS = {True: discord.Color.blue(), False: discord.Color.light_grey()}


def safe(text: str) -> str:
    """User or corpus text made inert: every markdown character escaped, mentions defused (`safe_text`)."""
    return discord_markdown(text)


def cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _snippet(c: Citation, limit: int) -> str:
    """The verbatim snippet, escaped, highlights in bold, cut to fit with its link."""
    url = discord_url(c.url)
    link = f"\n[source]({url})" if url else ""
    if c.also_in:
        link += f"\n_same words in {len(c.also_in)} other release(s)_"
    room = limit - len(link) - 2
    text = c.text if len(c.text) <= room // 2 else cut(c.text, room // 2)
    body = bold(safe(text), [safe(h) for h in c.highlights])
    while len(body) > room and len(text) > 20:  # escaping/bold grew it: shorten the source text
        text = cut(text, len(text) - (len(body) - room) - 5)
        body = bold(safe(text), [safe(h) for h in c.highlights])
    return f"“{cut(body, room)}”{link}"


def _field_name(n: int, c: Citation) -> str:
    meta = " · ".join(x for x in (safe(c.date or ""), f"¶{c.paragraph}") if x)
    return cut(f"[{n}] {safe(c.title)} — {meta}", FIELD_NAME_MAX)


class DiscordFormatter:
    """Embed markdown: user and corpus text escaped, bold, inline code, cut to Discord's limits."""

    target = DISCORD
    bullet = "• "

    def esc(self, text: str) -> str:
        return safe(text)

    def strong(self, text: str) -> str:
        return f"**{text}**"

    def code(self, text: str) -> str:
        return f"`{discord_code(text)}`"

    def cut(self, text: str, limit: int) -> str:
        return cut(text, limit)

    def entry(self, label: str, text: str) -> str:
        return f"`{label}` — {safe(text)}"


EMBED = DiscordFormatter()


def _description(ans: Answer) -> str:
    return cut("\n".join([safe(ans.summary), *item_lines(ans.items, EMBED)]), DESC_MAX)


def _title(ans: Answer) -> str:
    query = f" {ans.query}" if ans.query else ""
    return cut(f"{safe(ans.command)}{safe(query)}", TITLE_MAX)


def answer_pages(ans: Answer, fields_per_page: int = FIELDS_PER_PAGE) -> list[discord.Embed]:
    """One or more embeds (pages) for an answer; every page is within Discord's limits."""
    desc = _description(ans)
    fields = [(_field_name(n, c), _snippet(c, FIELD_VALUE_MAX)) for n, c in enumerate(ans.citations, start=1)]
    pages: list[discord.Embed] = []
    chunk: list[tuple[str, str]] = []

    def new_page(first: bool) -> discord.Embed:
        return discord.Embed(title=_title(ans), description=desc if first else cut(safe(ans.summary), 300),
                             color=COLORS[ans.found])

    page = new_page(True)
    for name, value in fields:
        if len(chunk) >= min(fields_per_page, FIELDS_MAX) or len(page) + len(name) + len(value) > EMBED_TOTAL_MAX - 100:
            pages.append(page)
            page, chunk = new_page(False), []
        page.add_field(name=name, value=value, inline=False)
        chunk.append((name, value))
    pages.append(page)
    if len(pages) > 1:
        for n, p in enumerate(pages, start=1):
            p.set_footer(text=f"Page {n}/{len(pages)} · {len(fields)} citations")
    return pages
