"""`/add` (and `!add` with attachments) and `/remove RELEASE`: a server's admins change its own corpus.

Servers only, Manage Server by default, and checked at run time (`PressBot.is_admin`: Manage Server, the
global admin lists or the server's own `guilds.ID.admins`). Each change is applied by a full background
reload (bot/newsroom.py) and posted to the log channels."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.audit_log import post
from bot.discord_app.cogs.admin import AdminCog, _spec, manage_guild
from bot.discord_app.cogs.answers import as_choices
from bot.discord_app.context import PressContext
from bot.guilds import guild_roots
from bot.models import Answer
from bot.newsroom import add_files, remove_release
from bot.uploads import Refused, check_size

if TYPE_CHECKING:
    from bot.discord_app.client import PressBot

log = logging.getLogger("pressbot.discord")
_ADD, _REMOVE = _spec("add"), _spec("remove")


class Newsroom(AdminCog):
    """add and remove, for the server's admins."""

    async def _read(self, attachments: list[discord.Attachment]) -> tuple[list[tuple[str, bytes]], list[tuple[str, str]]]:
        """The uploads' bytes, and those refused unread (over the size limit: never downloaded)."""
        files, refused = [], []
        for a in attachments:
            try:
                check_size(a.filename, a.size, self.bot.cfg.corpus.max_file_mb)
                files.append((a.filename, await a.read()))
            except Refused as e:
                refused.append((a.filename, str(e)))
            except discord.HTTPException as e:
                refused.append((a.filename, f"could not be downloaded from Discord ({e.status})"))
        return files, refused

    @commands.hybrid_command(name=_ADD.name, description=_ADD.summary)  # type: ignore[arg-type]
    @manage_guild
    @app_commands.describe(file=_ADD.params[0].description, replace=_ADD.params[1].description)
    async def add(self, ctx: PressContext, file: discord.Attachment | None = None, replace: bool = False) -> None:
        attachments = list(ctx.message.attachments) if ctx.interaction is None else [file] if file else []
        if not attachments:
            usage = (f"Usage: attach .txt, .md, .html, .pdf or .jsonl files to {self.bot.cfg.discord.prefix}add "
                     "(or /add file:); they go into this server's own corpus folder.")
            await ctx.send_answer(Answer("add", "", False, usage, error="usage"))
            return
        note = await ctx.reply(f"Adding {len(attachments)} file(s)… the current index keeps answering meanwhile.",
                               mention_author=False, allowed_mentions=discord.AllowedMentions.none())
        files, refused = await self._read(attachments)
        ans, event = await add_files(self.bot.engine.store, ctx.guild.id if ctx.guild else None,
                                     f"{ctx.author} ({ctx.author.id})", files, replace, refused)
        await self._finish(ctx, note, ans)
        await post(self.bot, event)

    @commands.hybrid_command(name=_REMOVE.name, description=_REMOVE.summary)  # type: ignore[arg-type]
    @manage_guild
    @app_commands.describe(release=_REMOVE.params[0].description)
    async def remove(self, ctx: PressContext, *, release: str) -> None:
        note = await ctx.reply("Removing… the current index keeps answering meanwhile.", mention_author=False,
                               allowed_mentions=discord.AllowedMentions.none())
        ans, event = await remove_release(self.bot.engine.store, ctx.guild.id if ctx.guild else None,
                                          f"{ctx.author} ({ctx.author.id})", release)
        await self._finish(ctx, note, ans)
        await post(self.bot, event)

    @remove.autocomplete("release")
    async def _releases(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        """This server's own release ids (never the shared corpora's, which `remove` refuses)."""
        if interaction.guild_id is None or not self.bot.is_admin(interaction.user):
            return []
        roots = guild_roots(self.bot.cfg, interaction.guild_id)
        typed = current.casefold()
        ids = sorted(r.id for r in self.bot.engine.store.snapshot.corpus.releases.values()
                     if r.root in roots and (typed in r.id.casefold() or typed in r.title.casefold()))
        return as_choices(ids)

    async def _finish(self, ctx: PressContext, note: discord.Message, ans: Answer) -> None:
        from bot.discord_app.render import answer_pages

        try:
            await note.edit(content=None, embed=answer_pages(ans)[0])
        except discord.HTTPException:
            await ctx.send_answer(ans)


async def setup(bot: PressBot) -> None:
    await bot.add_cog(Newsroom(bot))
