"""Admin commands: reload the corpus without downtime, sync slash commands."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.commands.engine import reload_answer
from bot.discord_app.render import answer_pages
from bot.discord_app.reply import send_answer
from bot.models import Answer
from bot.store import ReloadError

if TYPE_CHECKING:
    from bot.discord_app.client import PressBot

log = logging.getLogger("pressbot.discord")


class NotAdmin(commands.CheckFailure):
    """The member may not run admin commands."""


class Admin(commands.Cog):
    """reload and sync, allowed to Manage Server or the roles/users listed in config."""

    def __init__(self, bot: PressBot) -> None:
        self.bot = bot

    async def cog_check(self, ctx: commands.Context) -> bool:  # type: ignore[override]
        if not self.bot.is_admin(ctx.author):
            raise NotAdmin("Only server admins (Manage Server, or a role listed in pressbot's config) can do that.")
        return True

    @commands.hybrid_command(name="reload", description="Admins: reload the corpus; the old index serves meanwhile.")
    @app_commands.default_permissions(manage_guild=True)  # a hint to Discord's client; enforced in cog_check
    async def reload(self, ctx: commands.Context) -> None:
        who = f"{ctx.author} ({ctx.author.id})"
        log.info("reload requested by %s", who)
        # answer at once (slash commands must within 3 s), then replace it with the outcome
        note = await ctx.reply("Reloading the corpus… the current index keeps answering meanwhile.",
                               mention_author=False, allowed_mentions=discord.AllowedMentions.none())
        try:
            result = await self.bot.engine.store.areload(requested_by=who)
        except ReloadError as e:
            ans = Answer("reload", "", False, f"Reload failed; still serving the previous index: {e}",
                         error="reload_failed")
        else:
            ans = reload_answer(result)
        pages = answer_pages(ans)
        try:
            await note.edit(content=None, embed=pages[0])
        except discord.HTTPException:
            await send_answer(ctx, ans, pages)

    @commands.hybrid_command(name="sync", description="Admins: publish slash commands to this server (or all).")
    @app_commands.default_permissions(manage_guild=True)
    async def sync(self, ctx: commands.Context, scope: str = "guild") -> None:
        if scope == "global":
            synced = await self.bot.tree.sync()
        elif ctx.guild is not None:
            self.bot.tree.copy_global_to(guild=discord.Object(ctx.guild.id))
            synced = await self.bot.tree.sync(guild=discord.Object(ctx.guild.id))
        else:
            synced = await self.bot.tree.sync()
        await ctx.reply(f"Synced {len(synced)} slash commands ({scope}).", mention_author=False,
                        allowed_mentions=discord.AllowedMentions.none())
