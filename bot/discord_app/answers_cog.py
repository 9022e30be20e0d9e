"""Hybrid commands (prefix and slash) answering from the command engine."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.render import answer_pages
from bot.discord_app.reply import send_answer
from bot.snapshot import Snapshot

if TYPE_CHECKING:
    from bot.discord_app.client import PressBot

log = logging.getLogger("pressbot.discord")
MAX_CHOICES = 25


class Answers(commands.Cog):
    """who / cities / quote / search / sources / help."""

    def __init__(self, bot: PressBot) -> None:
        self.bot = bot

    async def cog_check(self, ctx: commands.Context) -> bool:  # type: ignore[override]
        return await self.bot.check_request(ctx)

    async def _answer(self, ctx: commands.Context, command: str, argument: str) -> None:
        ans = self.bot.engine.run(command, argument, admin=False, user=str(ctx.author.id))
        await send_answer(ctx, ans, answer_pages(ans), ephemeral=self.bot.cfg.discord.ephemeral)

    @commands.hybrid_command(name="who", description="Who is this person? Full name, titles, organisation, cited.")
    @app_commands.describe(name="A surname or full name, e.g. Garrison")
    async def who(self, ctx: commands.Context, *, name: str) -> None:
        await self._answer(ctx, "who", name)

    @commands.hybrid_command(name="cities", description="Cities named in the releases about a topic.")
    @app_commands.describe(topic="A topic, e.g. Relentless Pursuit")
    async def cities(self, ctx: commands.Context, *, topic: str) -> None:
        await self._answer(ctx, "cities", topic)

    @commands.hybrid_command(name="quote", description="What a person is quoted as saying, cited.")
    @app_commands.describe(name="A surname or full name, e.g. Barr")
    async def quote(self, ctx: commands.Context, *, name: str) -> None:
        await self._answer(ctx, "quote", name)

    @commands.hybrid_command(name="search", description="The best-matching paragraphs, one per release.")
    @app_commands.describe(text="Words to look for")
    async def search(self, ctx: commands.Context, *, text: str) -> None:
        await self._answer(ctx, "search", text)

    @commands.hybrid_command(name="sources", description="The releases loaded, by source.")
    async def sources(self, ctx: commands.Context) -> None:
        await self._answer(ctx, "sources", "")

    @commands.hybrid_command(name="help", description="What pressbot can answer.")
    async def help(self, ctx: commands.Context) -> None:
        await self._answer(ctx, "help", "")

    # -- autocomplete ---------------------------------------------------------------------------
    @who.autocomplete("name")
    @quote.autocomplete("name")
    async def _people(self, _interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return as_choices(self.bot.engine.store.snapshot.entities.suggest(current, MAX_CHOICES))

    @cities.autocomplete("topic")
    @search.autocomplete("text")
    async def _topics(self, _interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return as_choices(topic_suggestions(self.bot.engine.store.snapshot, current))


def topic_suggestions(snap: Snapshot, typed: str) -> list[str]:
    """Titles of the releases most about what was typed (release-level BM25), else the latest ones."""
    tokens = snap.tokenizer(typed)
    if tokens:
        rids = [snap.release_ids[row] for row, _ in snap.release_index.top_k(tokens, MAX_CHOICES * 2)]
    else:
        rids = [r.id for r in sorted(snap.corpus.releases.values(), key=lambda r: r.date or "", reverse=True)]
    return list(dict.fromkeys(snap.corpus.releases[r].title for r in rids))[:MAX_CHOICES]


def as_choices(options: list[str]) -> list[app_commands.Choice[str]]:
    """Discord choices (at most 25; names and values at most 100 characters)."""
    return [app_commands.Choice(name=o[:100], value=o[:100]) for o in options[:MAX_CHOICES]]
