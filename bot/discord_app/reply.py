"""Sending an answer: embeds, pagination, ephemeral slash replies, mentions never live."""

from __future__ import annotations

import discord
from discord.ext import commands

from bot.discord_app.paginator import PageView


async def send_answer(ctx: commands.Context, pages: list[discord.Embed], ephemeral: bool = False) -> None:
    """Reply with the first page (and page buttons when there are more)."""
    kwargs: dict = {"embed": pages[0], "allowed_mentions": discord.AllowedMentions.none()}
    if ctx.interaction is not None:
        kwargs["ephemeral"] = ephemeral
    if len(pages) > 1:
        view = PageView(pages, ctx.author.id)
        view.message = await ctx.reply(view=view, mention_author=False, **kwargs)
    else:
        await ctx.reply(mention_author=False, **kwargs)
