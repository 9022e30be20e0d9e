"""The follow-up menu under `search` and `quote` answers: per citation, "More from this release" and "Copy
citation". Each option's value names the citation (`followup.CitationRef`), so the menu works for anyone,
after a timeout or a restart; the replies are ephemeral (only the person who chose sees them)."""

from __future__ import annotations

import asyncio
import re
from typing import TYPE_CHECKING, Any

import discord

from bot.commands.followup import GONE, CitationRef, citation_text, more_from, ref_of
from bot.discord_app.render import answer_pages, cut
from bot.models import Answer
from bot.safe_text import discord_code, discord_plain
from bot.snapshot import Snapshot

if TYPE_CHECKING:
    from bot.discord_app.client import PressBot

COMMANDS = frozenset({"search", "quote"})
MAX_CITED = 12  # two options each, within Discord's 25


def _options(snap: Snapshot, ans: Answer) -> list[discord.SelectOption]:
    out = []
    for n, c in enumerate(ans.citations[:MAX_CITED], start=1):
        ref = ref_of(snap, c).encode()
        title = cut(discord_plain(c.title), 100)
        out.append(discord.SelectOption(label=f"[{n}] More from this release", value=f"m:{ref}", description=title))
        out.append(discord.SelectOption(label=f"[{n}] Copy citation", value=f"c:{ref}", description=title))
    return out


class FollowUp(discord.ui.DynamicItem[discord.ui.Select[Any]], template=r"pressbot:follow"):
    """The menu; its choice is answered from the serving snapshot."""

    def __init__(self, options: list[discord.SelectOption] | None = None) -> None:
        super().__init__(discord.ui.Select(custom_id="pressbot:follow", placeholder="Follow up on a citation…",
                                           options=options or [discord.SelectOption(label="…", value="none")]))

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],  # noqa: ARG003
                             match: re.Match[str], /) -> FollowUp:  # noqa: ARG003
        return cls()

    async def callback(self, interaction: discord.Interaction) -> None:
        bot: PressBot = interaction.client  # type: ignore[assignment]
        data: dict[str, Any] = dict(interaction.data or {})
        values = list(data.get("values") or [""])
        action, _, encoded = str(values[0]).partition(":")
        ref = CitationRef.decode(encoded)
        snap = bot.engine.view(bot.scope_of(interaction.guild_id))  # what this server may see, embargoes now
        if ref is None:
            await interaction.response.send_message(GONE, ephemeral=True)
        elif action == "c":
            text = await asyncio.to_thread(citation_text, snap, ref)
            body = "\n".join(discord_code(line) for line in text.splitlines())
            await interaction.response.send_message(f"```\n{body}\n```", ephemeral=True,
                                                    allowed_mentions=discord.AllowedMentions.none())
        else:
            pages = answer_pages(await asyncio.to_thread(more_from, snap, ref))
            await interaction.response.send_message(embed=pages[0], ephemeral=True,
                                                    allowed_mentions=discord.AllowedMentions.none())


def follow_up(snap: Snapshot, ans: Answer) -> FollowUp | None:
    """The menu for an answer that has one (`search` and `quote` with citations)."""
    if ans.command not in COMMANDS or not ans.citations:
        return None
    return FollowUp(_options(snap, ans))
