"""Audit lines to Discord: every reload/add/remove is posted, one line, to `discord.log_channel_id` and to
the asking server's own `guilds.ID.log_channel_id` (a channel that cannot be reached is logged, never
raised: the change itself already happened)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord

from bot.audit import Event
from bot.safe_text import discord_plain

if TYPE_CHECKING:
    from bot.discord_app.client import PressBot

log = logging.getLogger("pressbot.audit")


def log_channels(bot: PressBot, guild_id: int | None) -> list[int]:
    ids = [bot.cfg.discord.log_channel_id]
    g = bot.cfg.guilds.get(guild_id) if guild_id is not None else None
    if g is not None:
        ids.append(g.log_channel_id)
    return list(dict.fromkeys(i for i in ids if i))


async def post(bot: PressBot, event: Event) -> None:
    line = event.line()
    log.info("%s", line)
    for cid in log_channels(bot, event.guild_id):
        try:
            channel = bot.get_channel(cid) or await bot.fetch_channel(cid)
            await channel.send(discord_plain(line)[:1900], allowed_mentions=discord.AllowedMentions.none())  # type: ignore[union-attr]
        except (discord.HTTPException, AttributeError) as e:
            log.warning("could not post to log channel %s: %s", cid, e)
