"""Admin commands with a Discord flow of their own: reload (an instant note, then the outcome) and sync."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import discord
from discord import app_commands
from discord.ext import commands

from bot.commands.registry import REGISTRY, CommandSpec
from bot.discord_app.audit_log import post
from bot.discord_app.context import NotAdmin, PressContext
from bot.discord_app.render import answer_pages

if TYPE_CHECKING:
    from bot.discord_app.client import PressBot

log = logging.getLogger("pressbot.discord")
F = TypeVar("F", bound=Callable[..., Any])
HANDWRITTEN = ("reload", "sync", "add", "remove")  # registry commands this cog defines; the answers cog makes the rest


def manage_guild(func: F) -> F:
    """Manage Server as the default permission (a hint to Discord's client; enforced in cog_check), and
    servers only: an admin command is not offered in DMs (slash) nor run there (prefix)."""
    return commands.guild_only()(app_commands.guild_only()(app_commands.default_permissions(manage_guild=True)(func)))


def _spec(name: str) -> CommandSpec:
    spec = REGISTRY.get(name)
    assert spec is not None and spec.admin, f"{name} must be an admin command in the registry"
    return spec


_RELOAD, _SYNC = _spec("reload"), _spec("sync")


class AdminCog(commands.Cog):
    """A cog of admin commands: every one allowed to Manage Server or the roles/users listed in config
    (checked by the bot on each call; Discord's default permission is only a hint to its client)."""

    def __init__(self, bot: PressBot) -> None:
        self.bot = bot

    async def cog_check(self, ctx: PressContext) -> bool:  # type: ignore[override]
        if not self.bot.is_admin(ctx.author):
            raise NotAdmin("Only server admins (Manage Server, or a role listed in pressbot's config) can do that.")
        return True


class Admin(AdminCog):
    """reload and sync."""

    @commands.hybrid_command(name=_RELOAD.name, description=_RELOAD.summary)  # type: ignore[arg-type]
    @manage_guild
    @app_commands.describe(full=_RELOAD.params[0].description)
    async def reload(self, ctx: PressContext, full: Literal["full"] | None = None) -> None:
        who = f"{ctx.author} ({ctx.author.id})"
        log.info("reload requested by %s", who)
        # answer at once (slash commands must within 3 s), then replace it with the outcome
        note = await ctx.reply("Reloading the corpus… the current index keeps answering meanwhile.",
                               mention_author=False, allowed_mentions=discord.AllowedMentions.none())
        guild_id = ctx.guild.id if ctx.guild else None
        ans = await self.bot.engine.areload(who, scope=self.bot.scope_of(guild_id), full=full == "full")
        event = self.bot.engine.store.audit.last("reload")
        if event is not None:
            await post(self.bot, event)
        try:
            await note.edit(content=None, embed=answer_pages(ans)[0])
        except discord.HTTPException:
            await ctx.send_answer(ans)

    @commands.hybrid_command(name=_SYNC.name, description=_SYNC.summary)  # type: ignore[arg-type]
    @manage_guild
    @app_commands.describe(scope=_SYNC.params[0].description)
    @app_commands.choices(scope=[app_commands.Choice(name="guild", value="guild"),
                                 app_commands.Choice(name="global", value="global")])
    async def sync(self, ctx: PressContext, scope: str = "guild") -> None:
        if scope == "global":
            synced = await self.bot.tree.sync()
        elif ctx.guild is not None:
            self.bot.tree.copy_global_to(guild=discord.Object(ctx.guild.id))
            synced = await self.bot.tree.sync(guild=discord.Object(ctx.guild.id))
        else:
            synced = await self.bot.tree.sync()
        await ctx.reply(f"Synced {len(synced)} slash commands ({scope}).", mention_author=False,
                        allowed_mentions=discord.AllowedMentions.none())


async def setup(bot: PressBot) -> None:
    await bot.add_cog(Admin(bot))
