"""One error handler for prefix and slash commands: one line to the user, details to the log."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.context import ChannelRefused, DMRefused, NotAdmin, PressContext
from bot.discord_app.render import safe
from bot.models import Answer

if TYPE_CHECKING:
    from bot.discord_app.client import PressBot

log = logging.getLogger("pressbot.discord")
FAILED = "Something went wrong answering that; the error has been logged."


class Errors(commands.Cog):
    """Turns command errors into a one-line answer (the engine's usage/unknown-command text when it has one)."""

    def __init__(self, bot: PressBot) -> None:
        self.bot = bot
        self._previous_tree_handler = bot.tree.on_error

    async def cog_load(self) -> None:
        self.bot.tree.on_error = self.on_app_command_error  # type: ignore[method-assign]

    async def cog_unload(self) -> None:
        self.bot.tree.on_error = self._previous_tree_handler  # type: ignore[method-assign]

    def message(self, ctx: PressContext, error: Exception) -> str:
        if isinstance(error, commands.HybridCommandError):
            error = error.original
        if isinstance(error, commands.CommandInvokeError | app_commands.CommandInvokeError):
            error = error.original
        if isinstance(error, commands.CommandNotFound):
            return self.bot.engine.run((ctx.invoked_with or "").lower(), "").summary
        if isinstance(error, commands.MissingRequiredArgument | commands.BadArgument):
            return self.bot.engine.run(ctx.command.name if ctx.command else "", "").summary
        if isinstance(error, commands.CommandOnCooldown):
            return f"Slow down: try again in {error.retry_after:.0f} s."
        if isinstance(error, commands.NoPrivateMessage):
            return "That command works only in a server, not in direct messages."
        if isinstance(error, NotAdmin | DMRefused | ChannelRefused):
            return str(error)
        if isinstance(error, commands.CheckFailure):
            return "You can't use that command here."
        log.error("command %r from %s failed", ctx.message.content if ctx.message else ctx.command,
                  ctx.author.id, exc_info=error)
        return FAILED

    @commands.Cog.listener()
    async def on_command_error(self, ctx: PressContext, error: Exception) -> None:
        message = self.message(ctx, error)
        ans = Answer(ctx.command.name if ctx.command else "error", "", False, message, error="user_error")
        try:
            await ctx.send_answer(ans, ephemeral=ctx.interaction is not None)
        except discord.HTTPException:
            log.warning("could not deliver an error message: %s", safe(message))

    async def on_app_command_error(self, interaction: discord.Interaction,
                                   error: app_commands.AppCommandError) -> None:
        log.error("slash command failed", exc_info=error)
        if interaction.response.is_done():
            await interaction.followup.send(FAILED, ephemeral=True)
        else:
            await interaction.response.send_message(FAILED, ephemeral=True)


async def setup(bot: PressBot) -> None:
    await bot.add_cog(Errors(bot))
