"""The bot: cogs loaded in setup_hook, no live mentions, one error handler for prefix and slash."""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.commands.engine import Engine
from bot.config import Config
from bot.discord_app.admin_cog import Admin, NotAdmin
from bot.discord_app.answers_cog import Answers
from bot.discord_app.render import answer_pages, safe
from bot.discord_app.reply import send_answer

log = logging.getLogger("pressbot.discord")


class DMRefused(commands.CheckFailure):
    """Direct messages are turned off in config."""


class PressBotMixin:
    """Everything pressbot adds to discord.py's Bot (shared by the sharded variant)."""

    cfg: Config
    engine: Engine

    def _setup(self, cfg: Config, engine: Engine) -> None:
        self.cfg, self.engine = cfg, engine
        c = cfg.discord.cooldown
        self.cooldowns = commands.CooldownMapping.from_cooldown(c.rate, c.per_seconds, commands.BucketType.user)

    async def setup_hook(self) -> None:
        await self.add_cog(Answers(self))  # type: ignore[arg-type]
        await self.add_cog(Admin(self))  # type: ignore[arg-type]
        self.tree.on_error = self.on_app_command_error  # type: ignore[attr-defined]
        for gid in self.cfg.discord.guild_ids:  # guild sync is instant; global sync is the `sync global` command
            guild = discord.Object(gid)
            self.tree.copy_global_to(guild=guild)  # type: ignore[attr-defined]
            synced = await self.tree.sync(guild=guild)  # type: ignore[attr-defined]
            log.info("synced %d slash commands to guild %s", len(synced), gid)

    async def on_ready(self) -> None:
        user = self.user  # type: ignore[attr-defined]
        snap = self.engine.store.snapshot
        log.info("ready as %s (%s); serving %d releases", user, getattr(user, "id", "?"), len(snap.corpus.releases))

    def is_admin(self, member: discord.abc.User) -> bool:
        """Manage Server, or a user/role id listed in config (checked at run time, not trusted to Discord)."""
        d = self.cfg.discord
        if member.id in d.admin_user_ids:
            return True
        if isinstance(member, discord.Member):
            if member.guild_permissions.manage_guild:
                return True
            return any(r.id in d.admin_role_ids for r in member.roles)
        return False

    async def check_request(self, ctx: commands.Context) -> bool:
        """DM policy and per-user cooldown, for every answering command."""
        if ctx.guild is None and not self.cfg.discord.allow_dms:
            raise DMRefused("I only answer in servers, not in direct messages.")
        bucket = self.cooldowns.get_bucket(ctx.message)
        retry = bucket.update_rate_limit() if bucket else None
        if retry:
            raise commands.CommandOnCooldown(bucket, retry, commands.BucketType.user)  # type: ignore[arg-type]
        return True

    async def on_command_error(self, ctx: commands.Context, error: Exception) -> None:  # type: ignore[override]
        """One line to the user; details to the log."""
        if isinstance(error, commands.HybridCommandError):
            error = error.original
        if isinstance(error, (commands.CommandInvokeError, app_commands.CommandInvokeError)):
            error = error.original  # type: ignore[assignment]
        if isinstance(error, commands.CommandNotFound):
            word = ctx.invoked_with or ""
            ans = self.engine.run(word.lower(), "")
            message = ans.summary
        elif isinstance(error, commands.MissingRequiredArgument | commands.BadArgument):
            name = ctx.command.name if ctx.command else ""
            message = self.engine.run(name, "").summary
        elif isinstance(error, commands.CommandOnCooldown):
            message = f"Slow down: try again in {error.retry_after:.0f} s."
        elif isinstance(error, NotAdmin | DMRefused):
            message = str(error)
        elif isinstance(error, commands.CheckFailure):
            message = "You can't use that command here."
        else:
            log.error("command %r from %s failed", ctx.message.content if ctx.message else ctx.command,
                      ctx.author.id, exc_info=error)
            message = "Something went wrong answering that; the error has been logged."
        await self._tell(ctx, message)

    async def _tell(self, ctx: commands.Context, message: str) -> None:
        from bot.models import Answer

        ans = Answer(ctx.command.name if ctx.command else "error", "", False, message, error="user_error")
        try:
            await send_answer(ctx, ans, answer_pages(ans), ephemeral=ctx.interaction is not None)
        except discord.HTTPException:
            log.warning("could not deliver an error message: %s", safe(message))

    async def on_app_command_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        log.error("slash command failed", exc_info=error)
        text = "Something went wrong answering that; the error has been logged."
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True)
        else:
            await interaction.response.send_message(text, ephemeral=True)


class PressBot(PressBotMixin, commands.Bot):
    def __init__(self, cfg: Config, engine: Engine, **kwargs) -> None:
        super().__init__(**_bot_options(cfg), **kwargs)
        self._setup(cfg, engine)


class ShardedPressBot(PressBotMixin, commands.AutoShardedBot):
    def __init__(self, cfg: Config, engine: Engine, **kwargs) -> None:
        super().__init__(**_bot_options(cfg), **kwargs)
        self._setup(cfg, engine)


def _bot_options(cfg: Config) -> dict:
    intents = discord.Intents.default()
    intents.message_content = True  # privileged: switch it on in the Developer Portal for prefix commands
    return {"command_prefix": commands.when_mentioned_or(cfg.discord.prefix), "intents": intents,
            "allowed_mentions": discord.AllowedMentions.none(), "help_command": None, "case_insensitive": True}


def make_bot(cfg: Config, engine: Engine) -> commands.Bot:
    """A PressBot, or its auto-sharded variant when config says `shards: auto`."""
    cls = ShardedPressBot if cfg.discord.shards == "auto" else PressBot
    return cls(cfg, engine)
