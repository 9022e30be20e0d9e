"""Answer -> Discord embeds: the same structured answer the CLI prints, within every Discord limit.

Limits (Discord API): title 256, description 4096, field name 256, field value 1024, 25 fields,
6000 characters per embed in total, message content 2000. Long snippets are cut with '…'; more
citations than fit become further pages.
"""

from __future__ import annotations

import dataclasses
import re

import discord

from bot.items import DISCORD, PersonItem, item_lines
from bot.models import Answer, Citation
from bot.render_text import bold
from bot.safe_text import discord_code, discord_markdown, discord_url
from bot.wording import plural

QUERY_SHOWN = 60  # a title echoes at most this much of the query
TITLE_MAX, DESC_MAX, FIELD_NAME_MAX, FIELD_VALUE_MAX, FIELDS_MAX, EMBED_TOTAL_MAX = 256, 4096, 256, 1024, 25, 6000
FIELDS_PER_PAGE = 5
COLORS = {True: discord.Color.blue(), False: discord.Color.light_grey()}


def safe(text: str) -> str:
    """User or corpus text made inert: every markdown character escaped, mentions defused (`safe_text`)."""
    return discord_markdown(text)


def cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _link(c: Citation) -> str:
    """The release's link as the field value's first line (a field name shows markdown literally, so the
    title cannot be the link there); angle brackets: Discord shows no preview card for it."""
    url = discord_url(c.url)
    return f"[Open the release](<{url}>)\n" if url else ""


def _snippet(c: Citation, limit: int) -> str:
    """The release link, then the verbatim snippet, escaped, highlights in bold, cut to fit."""
    head = _link(c)
    note = f"\n_same words in {plural(len(c.also_in), 'other release')}_" if c.also_in else ""
    room = limit - len(head) - len(note) - 2
    text = c.text if len(c.text) <= room // 2 else cut(c.text, room // 2)
    body = bold(safe(text), [safe(h) for h in c.highlights])
    while len(body) > room and len(text) > 20:  # escaping/bold grew it: shorten the source text
        text = cut(text, len(text) - (len(body) - room) - 5)
        body = bold(safe(text), [safe(h) for h in c.highlights])
    return f"{head}“{cut(body, room)}”{note}"


def _field_name(n: int, c: Citation) -> str:
    """'[2] Title — Office · 2024-11-18 · ¶11': the title cut first, so the office, date and ¶ always show."""
    meta = " · ".join(x for x in (safe(c.source), safe(c.date or ""), f"¶{c.paragraph}") if x)
    prefix = f"[{n}] "
    room = FIELD_NAME_MAX - len(prefix) - len(meta) - 3
    return cut(f"{prefix}{cut(safe(c.title), max(room, 20))} — {meta}", FIELD_NAME_MAX)


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


_CLOSEST = re.compile(r"^Closest match for '.*?'\\.(?= )")


def _summary(ans: Answer) -> str:
    """The answer's first line. A `who` answer about several people: one line ('3 people named Garrison')
    over the bullets, not the summary's run-on list of them."""
    people = [i for i in ans.items if isinstance(i, PersonItem)]
    if not people:
        return safe(ans.summary)
    m = _CLOSEST.match(ans.summary)
    lead = m.group(0) if m else ""
    if len(people) > 1:
        return safe(f"{lead} {plural(len(people), 'person')} named {_query(ans.query)}".strip())
    return safe(lead)


def _with_office(ans: Answer) -> list:
    """People without an organisation get the office of their first citation ('Investigator · Dallas County
    District Attorney'): namesakes from different offices told apart at a glance."""
    out = []
    for item in ans.items:
        if (isinstance(item, PersonItem) and (not item.org or item.org in item.titles) and item.citations
                and item.citations[0] < len(ans.citations)):
            office = ans.citations[item.citations[0]].source
            if office and not (item.titles and item.titles[0] in office):  # not 'Brooklyn DA · Brooklyn DA'
                item = dataclasses.replace(item, org=office)
        out.append(item)
    return out


def _description(ans: Answer) -> str:
    lines = [_summary(ans), *item_lines(_with_office(ans), EMBED)]
    return cut("\n".join(x for x in lines if x), DESC_MAX)


def _query(query: str) -> str:
    return cut(query, QUERY_SHOWN)


def _title(ans: Answer) -> str:
    query = f" {_query(ans.query)}" if ans.query else ""
    return cut(f"{safe(ans.command)}{safe(query)}", TITLE_MAX)


def _release_url(ans: Answer) -> str | None:
    """The release's link when every citation is from one release (the embed title then links to it)."""
    if ans.citations and len({c.release_id for c in ans.citations}) == 1:
        return discord_url(ans.citations[0].url)
    return None


def answer_pages(ans: Answer, fields_per_page: int = FIELDS_PER_PAGE) -> list[discord.Embed]:
    """One or more embeds (pages) for an answer; every page is within Discord's limits."""
    desc = _description(ans)
    fields = [(_field_name(n, c), _snippet(c, FIELD_VALUE_MAX)) for n, c in enumerate(ans.citations, start=1)]
    pages: list[discord.Embed] = []
    chunk: list[tuple[str, str]] = []

    def new_page(first: bool) -> discord.Embed:
        return discord.Embed(title=_title(ans), description=desc if first else cut(_summary(ans), 300),
                             color=COLORS[ans.found], url=_release_url(ans))

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
            p.set_footer(text=f"Page {n}/{len(pages)} · {plural(len(fields), 'citation')}")
    return pages
