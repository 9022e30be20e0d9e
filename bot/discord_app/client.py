"""The bot: one class, sharded or not by config; cogs loaded by name; no live mentions."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import discord
from discord.ext import commands

from bot.commands.engine import Engine
from bot.commands.scope import Scope
from bot.config import Config
from bot.discord_app.agreement import disagreements, from_tree
from bot.discord_app.answering import AnswerPool
from bot.discord_app.cogs import EXTENSIONS
from bot.discord_app.context import ChannelRefused, DMRefused, PressContext
from bot.discord_app.followups import FollowUp
from bot.discord_app.paginator import DYNAMIC_ITEMS
from bot.guilds import channel_allowed, is_guild_admin, scope_for

log = logging.getLogger("pressbot.discord")


class PressBot(commands.AutoShardedBot):
    """pressbot on Discord. `discord.shards: auto` lets Discord choose the shard count; otherwise the bot
    runs as a single shard (shard 0 of 1), which is what a plain `commands.Bot` does."""

    def __init__(self, cfg: Config, engine: Engine, **kwargs: Any) -> None:
        intents = discord.Intents.default()
        intents.message_content = True  # privileged: switch it on in the Developer Portal for prefix commands
        kwargs.setdefault("shard_count", None if cfg.discord.shards == "auto" else 1)
        super().__init__(command_prefix=commands.when_mentioned_or(cfg.discord.prefix), intents=intents,
                         allowed_mentions=discord.AllowedMentions.none(), help_command=None, case_insensitive=True,
                         **kwargs)
        self.cfg, self.engine = cfg, engine
        self.answers = AnswerPool(cfg.answers)  # engine answers run in these threads, never on the loop
        c = cfg.discord.cooldown
        self.cooldowns = commands.CooldownMapping.from_cooldown(c.rate, c.per_seconds, commands.BucketType.user)
        self.watching: asyncio.Task[None] | None = None  # the folder watcher (corpus.watch.enabled)

    async def setup_hook(self) -> None:
        for name in EXTENSIONS:
            await self.load_extension(name)
        self.add_dynamic_items(*DYNAMIC_ITEMS, FollowUp)  # 🗑 and "expired" page buttons, also after a restart
        registry = self.engine.registry
        for problem in disagreements(registry, registry.help(self.cfg.discord.prefix),
                                     from_tree(self.tree.get_commands()), (c.name for c in self.commands)):
            log.warning("command registry and Discord disagree: %s", problem)
        # the autocomplete tables take about a second to derive on a large corpus: not on the first keystroke
        self.loop.run_in_executor(self.answers.executor, lambda: self.engine.suggest("who", "", 1))
        for gid in dict.fromkeys([*self.cfg.discord.guild_ids, *self.cfg.guilds]):  # guild sync is instant
            guild = discord.Object(gid)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d slash commands to guild %s", len(synced), gid)
        if self.cfg.corpus.watch.enabled:
            self.watching = asyncio.create_task(self._watch())

    async def _watch(self) -> None:
        """Apply the corpus folders' changes as they land on disk; post each batch's audit lines."""
        from bot.discord_app.audit_log import post
        from bot.watch import Batch, Watcher

        async def posted(batch: Batch) -> None:
            for event in batch.events:
                await post(self, event)

        try:
            watcher = await asyncio.to_thread(Watcher, self.engine.store, None, posted)
            await watcher.run()
        except Exception:  # never silently: the bot answers on, without watching
            log.exception("the corpus folder watcher stopped; changes on disk need a reload now")

    async def close(self) -> None:
        if self.watching is not None:
            self.watching.cancel()
        await super().close()
        self.answers.shutdown()

    async def get_context(self, origin: discord.Message | discord.Interaction, /, *,
                          cls: type[commands.Context[Any]] = PressContext) -> Any:
        return await super().get_context(origin, cls=cls)

    async def on_ready(self) -> None:
        log.info("ready as %s (%s); serving %d releases", self.user, getattr(self.user, "id", "?"),
                 self.engine.releases_loaded)

    def is_admin(self, member: discord.abc.User) -> bool:
        """Manage Server, or a user/role id listed in config, globally or for this server (checked at run
        time, not trusted to Discord)."""
        d = self.cfg.discord
        if member.id in d.admin_user_ids:
            return True
        if isinstance(member, discord.Member):
            if member.guild_permissions.manage_guild:
                return True
            roles = [r.id for r in member.roles if r.id != member.guild.id]  # @everyone: never an admin role
            return (any(r in d.admin_role_ids for r in roles)
                    or is_guild_admin(self.cfg, member.guild.id, member.id, roles))
        return False

    def scope_of(self, guild_id: int | None) -> Scope:
        """The releases a server (None: a DM) may see: the shared corpora plus its own."""
        return scope_for(self.cfg, guild_id)

    async def check_request(self, ctx: commands.Context[Any]) -> bool:
        """DM policy and per-user cooldown, for every answering command."""
        if ctx.guild is None and not self.cfg.discord.allow_dms:
            raise DMRefused("I only answer in servers, not in direct messages.")
        if ctx.guild is not None and not channel_allowed(self.cfg, ctx.guild.id, ctx.channel.id):
            raise ChannelRefused("I don't answer in this channel; ask in one of this server's pressbot channels.")
        bucket = self.cooldowns.get_bucket(ctx.message)
        retry = bucket.update_rate_limit() if bucket else None
        if bucket is not None and retry:
            raise commands.CommandOnCooldown(bucket, retry, commands.BucketType.user)
        return True


def make_bot(cfg: Config, engine: Engine) -> PressBot:
    return PressBot(cfg, engine)
