"""Answer -> Discord embeds: the same structured answer the CLI prints, within every Discord limit.

Limits (Discord API): title 256, description 4096, field name 256, field value 1024, 25 fields,
6000 characters per embed in total, message content 2000. Long snippets are cut with '…'; more
citations than fit become further pages.
"""

from __future__ import annotations

import discord

from bot.models import Answer, Citation
from bot.render_text import bold

TITLE_MAX, DESC_MAX, FIELD_NAME_MAX, FIELD_VALUE_MAX, FIELDS_MAX, EMBED_TOTAL_MAX = 256, 4096, 256, 1024, 25, 6000
CONTENT_MAX = 2000
FIELDS_PER_PAGE = 5
COLORS = {True: discord.Color.blue(), False: discord.Color.light_grey()}


def safe(text: str) -> str:
    """User or corpus text made inert: no live mentions, no markdown that could break the layout."""
    text = discord.utils.escape_mentions(text)
    return discord.utils.escape_markdown(text)


def cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _snippet(c: Citation, limit: int) -> str:
    """The verbatim snippet, escaped, highlights in bold, cut to fit with its link."""
    link = f"\n[source]({c.url})" if c.url and c.url.startswith(("http://", "https://")) else ""
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
    meta = " · ".join(x for x in (c.date, f"¶{c.paragraph}") if x)
    return cut(f"[{n}] {safe(c.title)} — {meta}", FIELD_NAME_MAX)


def _description(ans: Answer) -> str:
    lines = [safe(ans.summary)]
    if ans.command == "who":
        for item in ans.items:
            titles = "; ".join(safe(t) for t in item.get("titles", [])[:4]) or "no title stated"
            org = f" ({safe(item['org'])})" if item.get("org") and item["org"] not in "; ".join(item["titles"]) else ""
            refs = "".join(f" [{i + 1}]" for i in item.get("citations", [])[:4])
            named = f" · named in {item['releases']} release(s)" if item.get("releases") else ""
            lines.append(f"• **{safe(item['name'])}** — {titles}{org}{named}{refs}")
    elif ans.command == "cities":
        inc = [safe(i["city"]) for i in ans.items if i.get("status") == "included"]
        exc = [safe(i["city"]) for i in ans.items if i.get("status") == "excluded"]
        if inc:
            lines.append("**Cities:** " + ", ".join(inc))
        if exc:
            lines.append("**Not part of it:** " + ", ".join(exc))
    elif ans.command == "quote":
        lines += [f"• “{cut(safe(i['text']), 300)}” [{i['citation'] + 1}]" for i in ans.items if "text" in i][:6]
    elif ans.command in ("help", "sources", "reload"):
        for i in ans.items:
            if "usage" in i:
                lines.append(f"`{i['usage']}` — {safe(i['description'])}")
            elif "source" in i:
                lines.append(f"• {safe(i['source'])}: {i['releases']} releases")
            elif "skipped" in i:
                lines.append(f"• skipped `{cut(i['skipped'], 120)}`: {safe(i['reason'])}")
    return cut("\n".join(lines), DESC_MAX)


def _title(ans: Answer) -> str:
    query = f" {ans.query}" if ans.query else ""
    return cut(f"{ans.command}{safe(query)}", TITLE_MAX)


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
