"""Page buttons for answers with more citations than one embed holds; only the invoker may press them."""

from __future__ import annotations

import contextlib

import discord


class PageView(discord.ui.View):
    """◀ / ▶ buttons over a list of embeds; disabled when the view times out."""

    def __init__(self, pages: list[discord.Embed], author_id: int, timeout: float = 300.0) -> None:
        super().__init__(timeout=timeout)
        self.pages, self.author_id, self.index = pages, author_id, 0
        self.message: discord.Message | None = None
        self._sync()

    def _sync(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id != self.author_id:
            await interaction.response.send_message("Only the person who asked can turn these pages.",
                                                    ephemeral=True)
            return False
        return True

    @discord.ui.button(label="◀", style=discord.ButtonStyle.secondary)
    async def previous(self, interaction: discord.Interaction, _button: discord.ui.Button) -> None:
        self.index = max(0, self.index - 1)
        self._sync()
        await interaction.response.edit_message(embed=self.pages[self.index], view=self)

    @discord.ui.button(label="▶", style=discord.ButtonStyle.secondary)
    async def next(self, interaction: discord.Interaction, _button: discord.ui.Button) -> None:
        self.index = min(len(self.pages) - 1, self.index + 1)
        self._sync()
        await interaction.response.edit_message(embed=self.pages[self.index], view=self)

    async def on_timeout(self) -> None:
        for child in self.children:
            child.disabled = True  # type: ignore[attr-defined]
        if self.message is not None:
            with contextlib.suppress(discord.HTTPException):  # the message is gone or not editable any more
                await self.message.edit(view=self)
