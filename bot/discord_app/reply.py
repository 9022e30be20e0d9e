"""Sending an answer: embeds, pagination, 🗑, ephemeral slash replies, mentions never live."""

from __future__ import annotations

import discord
from discord.ext import commands

from bot.discord_app.paginator import PageView, single_page_view


async def send_answer(ctx: commands.Context, pages: list[discord.Embed], ephemeral: bool = False,
                      extra: discord.ui.Item | None = None) -> None:
    """Reply with the first page, page buttons when there are more, 🗑 under a reply others see, and
    `extra` (the follow-up menu) last."""
    kwargs: dict = {"embed": pages[0], "allowed_mentions": discord.AllowedMentions.none()}
    private = ephemeral and ctx.interaction is not None
    if ctx.interaction is not None:
        kwargs["ephemeral"] = ephemeral
    if len(pages) > 1:
        view = PageView(pages, ctx.author.id)
        if private:  # nobody else sees it, and the asker can dismiss it: no 🗑
            view.remove_item(view.children[-1])
        if extra is not None:
            view.add_item(extra)
        view.attach(await ctx.reply(view=view, mention_author=False, **kwargs))
        return
    one = discord.ui.View(timeout=None) if private else single_page_view(ctx.author.id)
    if extra is not None:
        one.add_item(extra)
    if one.children:
        kwargs["view"] = one
    await ctx.reply(mention_author=False, **kwargs)
