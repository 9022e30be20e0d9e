"""The context every pressbot command runs in: `await ctx.send_answer(answer)`; and the check failures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from discord.ext import commands

from bot.discord_app.followups import follow_up
from bot.discord_app.render import answer_pages
from bot.discord_app.reply import send_answer
from bot.models import Answer

if TYPE_CHECKING:
    from bot.discord_app.client import PressBot


class NotAdmin(commands.CheckFailure):
    """The member may not run admin commands."""


class DMRefused(commands.CheckFailure):
    """Direct messages are turned off in config."""


class ChannelRefused(commands.CheckFailure):
    """This server answers only in the channels its `channel_ids` lists."""


if TYPE_CHECKING:
    _Context = commands.Context[PressBot]
else:
    _Context = commands.Context


class PressContext(_Context):
    """discord.py's context plus the one way pressbot replies: an Answer as paged embeds."""

    async def send_answer(self, answer: Answer, ephemeral: bool = False) -> None:
        menu = follow_up(self.bot.engine.store.snapshot, answer)
        await send_answer(self, answer_pages(answer), ephemeral=ephemeral, extra=menu)
