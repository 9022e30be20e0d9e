"""Buttons under an answer: ◀ / ▶ pages (only the asker may turn them) and 🗑 (the asker or an admin deletes
the reply).

Their custom_ids are fixed (`pressbot:page:prev|next`, `pressbot:delete:<asker id>`) and the bot registers
them as dynamic items, so a press is answered even when no live view holds the message: after the view
timed out or the bot restarted, a page button answers "expired, ask again" instead of failing silently,
and 🗑 keeps working (the asker's id is in its custom_id)."""

from __future__ import annotations

import contextlib
import re
from typing import Any

import discord

EXPIRED = "These page buttons have expired; ask again to page through the answer."
NOT_YOURS_PAGES = "Only the person who asked can turn these pages."
NOT_YOURS_DELETE = "Only the person who asked (or a server admin) can delete this answer."
LIVE: dict[int, PageView] = {}  # message id -> the view turning its pages


class DeleteButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"pressbot:delete:(?P<uid>[0-9]+)"):
    """🗑: deletes the reply when the asker (or an admin) presses it."""

    def __init__(self, author_id: int) -> None:
        super().__init__(discord.ui.Button(emoji="🗑", style=discord.ButtonStyle.secondary,
                                           custom_id=f"pressbot:delete:{author_id}"))
        self.author_id = author_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],  # noqa: ARG003
                             match: re.Match[str], /) -> DeleteButton:
        return cls(int(match["uid"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        is_admin = getattr(interaction.client, "is_admin", lambda _u: False)
        if interaction.user.id != self.author_id and not is_admin(interaction.user):
            await interaction.response.send_message(NOT_YOURS_DELETE, ephemeral=True)
            return
        await interaction.response.defer()
        if interaction.message is not None:
            LIVE.pop(interaction.message.id, None)
            with contextlib.suppress(discord.HTTPException):  # already gone
                await interaction.message.delete()


class ExpiredPage(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"pressbot:page:(?P<way>prev|next)"):
    """A page button no live view answers (timed out, or the bot restarted): says so."""

    def __init__(self, way: str) -> None:
        super().__init__(discord.ui.Button(label="◀" if way == "prev" else "▶", custom_id=f"pressbot:page:{way}"))

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],  # noqa: ARG003
                             match: re.Match[str], /) -> ExpiredPage:
        return cls(match["way"])

    async def callback(self, interaction: discord.Interaction) -> None:
        view = LIVE.get(interaction.message.id) if interaction.message is not None else None
        if view is None or view.is_finished():  # a live view answers the press itself
            await interaction.response.send_message(EXPIRED, ephemeral=True)


class PageView(discord.ui.View):
    """◀ / ▶ over a list of embeds, and 🗑; the page buttons are disabled when the view times out."""

    def __init__(self, pages: list[discord.Embed], author_id: int, timeout: float = 300.0) -> None:
        super().__init__(timeout=timeout)
        self.pages, self.author_id, self.index = pages, author_id, 0
        self.message: discord.Message | None = None
        self.add_item(DeleteButton(author_id))
        self._sync()

    def attach(self, message: discord.Message) -> None:
        self.message = message
        LIVE[message.id] = self

    def _sync(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id != self.author_id:
            await interaction.response.send_message(NOT_YOURS_PAGES, ephemeral=True)
            return False
        return True

    @discord.ui.button(label="◀", style=discord.ButtonStyle.secondary, custom_id="pressbot:page:prev")
    async def previous(self, interaction: discord.Interaction, _button: discord.ui.Button) -> None:
        self.index = max(0, self.index - 1)
        self._sync()
        await interaction.response.edit_message(embed=self.pages[self.index], view=self)

    @discord.ui.button(label="▶", style=discord.ButtonStyle.secondary, custom_id="pressbot:page:next")
    async def next(self, interaction: discord.Interaction, _button: discord.ui.Button) -> None:
        self.index = min(len(self.pages) - 1, self.index + 1)
        self._sync()
        await interaction.response.edit_message(embed=self.pages[self.index], view=self)

    async def on_timeout(self) -> None:
        if self.message is not None:
            LIVE.pop(self.message.id, None)
        self.previous.disabled = self.next.disabled = True
        if self.message is not None:
            with contextlib.suppress(discord.HTTPException):  # the message is gone or not editable any more
                await self.message.edit(view=self)


def single_page_view(author_id: int) -> discord.ui.View:
    """The buttons under a one-page answer: 🗑 only."""
    view = discord.ui.View(timeout=None)
    view.add_item(DeleteButton(author_id))
    return view


DYNAMIC_ITEMS = (DeleteButton, ExpiredPage)
