"""The engine's commands as hybrid (prefix and slash) commands, one per registry entry.

The commands are made from the engine's registry when the extension loads: name, description, the
parameter (renamed and described as declared), Manage Server as the default permission of admin
commands, and autocomplete through `engine.suggest`. Commands whose Discord flow is special are written
out in the admin cog (`HANDWRITTEN`)."""

from __future__ import annotations

import keyword
import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.commands.registry import CommandSpec, Registry
from bot.discord_app.answering import UNCACHED
from bot.discord_app.cogs.admin import HANDWRITTEN
from bot.discord_app.context import PressContext
from bot.safe_text import discord_plain

if TYPE_CHECKING:
    from bot.discord_app.client import PressBot

log = logging.getLogger("pressbot.discord")
MAX_CHOICES = 25


class AnswersBase(commands.Cog):
    """Answers from the engine; the DM policy and cooldown apply to every command."""

    def __init__(self, bot: PressBot) -> None:
        self.bot = bot

    async def cog_check(self, ctx: PressContext) -> bool:  # type: ignore[override]
        return await self.bot.check_request(ctx)

    async def _answer(self, ctx: PressContext, command: str, argument: str) -> None:
        """The engine's answer, computed off the event loop within `answers.timeout_s`."""
        admin = self.bot.is_admin(ctx.author)
        ephemeral = self.bot.cfg.discord.ephemeral
        engine, user = self.bot.engine, str(ctx.author.id)
        guild = getattr(ctx, "guild", None)
        scope = self.bot.scope_of(guild.id if guild is not None else None)

        async def thinking() -> None:  # not ready in 1.5 s: acknowledge the interaction, or show typing
            if ctx.interaction is not None:
                await ctx.defer(ephemeral=ephemeral)
            else:
                await ctx.typing()

        fingerprint = engine.store.snapshot.fingerprint  # a reload mid-answer: the answer is not kept
        key = None if command in UNCACHED else (fingerprint, command, " ".join(argument.split()), admin,
                                                scope.roots, engine.visibility(scope))
        ans = await self.bot.answers.answer(command, argument,
                                            lambda: engine.run(command, argument, admin=admin, user=user,
                                                               scope=scope),
                                            on_slow=thinking, key=key,
                                            current=lambda: engine.store.snapshot.fingerprint == fingerprint)
        # a refusal (not found, usage, too long, a bad filter) is the asker's business only
        await ctx.send_answer(ans, ephemeral=ephemeral or (ctx.interaction is not None and not ans.found))


def _callback(spec: CommandSpec) -> Any:
    """The cog method for one registry entry, with a real signature (discord.py reads the prefix parsing
    and the slash options from it; it must be written out, since discord.py drops a `__signature__`).

    The first parameter is the rest of a prefix line (with a `keyword` option such as quote's topic, the
    first word and the rest, as before); every further parameter is a slash option only: a string, or a
    yes/no for a `flag`. A prefix line is passed on as typed; slash values go through `spec.line`."""
    first, *rest = spec.params
    names = [p.name for p in spec.params]
    assert all(n.isidentifier() and not keyword.iskeyword(n) and n not in ("cog", "ctx") for n in names)
    assert first.required and not any(p.required for p in rest), "one required parameter, then options"
    split = bool(rest) and bool(rest[0].keyword)  # 'Gonzalez about ghost guns': name, then the rest
    head = f"{first.name}: str, *" if split else f"*, {first.name}: str"
    options = [f"{p.name}: {'bool = False' if p.flag else 'str = None'}" for p in rest]
    typed = f"' '.join(filter(None, [{first.name}, {rest[0].name}]))" if split else first.name
    source = (f"async def {spec.name}(cog, ctx, {', '.join([head, *options])}):\n"
              f"    slash = ctx.interaction is not None\n"
              f"    line = SPEC.line({{{', '.join(f'{n!r}: {n}' for n in names)}}}) if slash else {typed}\n"
              f"    await cog._answer(ctx, SPEC.name, line)\n")
    namespace: dict[str, Any] = {"SPEC": spec, "__name__": __name__}  # the command's module: this one
    exec(source, namespace)  # built from the registry's declared names only (asserted above)
    return namespace[spec.name]


def hybrid_command(spec: CommandSpec) -> commands.HybridCommand[Any, ..., Any]:
    """The hybrid command for one registry entry: its parameters named and described as declared
    (the first one the rest of a prefix line, the others slash options), Manage Server as the default
    permission of admin commands, autocomplete for the first parameter and for `source`."""
    if spec.params:
        callback = _callback(spec)
        callback = app_commands.describe(**{p.name: p.description for p in spec.params})(callback)
    else:
        async def without_argument(cog: AnswersBase, ctx: PressContext) -> None:
            await cog._answer(ctx, spec.name, "")

        callback = without_argument
    callback.__qualname__ = f"Answers.{spec.name}"  # a method of the cog: discord.py passes it the cog first
    if spec.admin:  # servers only (no DMs), Manage Server by default; enforced at run time by the engine
        callback = app_commands.guild_only()(app_commands.default_permissions(manage_guild=True)(callback))
    command: commands.HybridCommand[Any, ..., Any] = commands.hybrid_command(
        name=spec.name, description=spec.summary)(callback)
    if spec.params and spec.suggest is not None:
        command.autocomplete(spec.params[0].name)(_completer(spec.name, ""))
    if spec.filters:
        command.autocomplete("source")(_completer(spec.name, "source"))
    if spec.admin:
        command = commands.guild_only()(command)
    return command


def _completer(name: str, param: str) -> Any:
    async def complete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        bot: PressBot = interaction.client  # type: ignore[assignment]
        scope = bot.scope_of(interaction.guild_id)
        key = (bot.engine.store.snapshot.fingerprint, "suggest", name, param, current, scope.roots,
               bot.engine.visibility(scope))
        return as_choices(await bot.answers.suggest(
            lambda: bot.engine.suggest(name, current, MAX_CHOICES, scope=scope, param=param), key))

    return complete


def answers_cog(registry: Registry) -> type[AnswersBase]:
    """A cog class holding a hybrid command for every registry entry not written out by hand."""
    namespace = {spec.name: hybrid_command(spec) for spec in registry if spec.name not in HANDWRITTEN}
    return commands.CogMeta("Answers", (AnswersBase,), namespace)  # type: ignore[return-value]


def as_choices(options: list[str]) -> list[app_commands.Choice[str]]:
    """Discord choices (at most 25; names and values at most 100 characters): a `Choice`'s label as the
    name, its value as sent (the engine never offers a value longer than 100 characters)."""
    return [app_commands.Choice(name=discord_plain(getattr(o, "label", o))[:100] or "?", value=str(o)[:100])
            for o in options[:MAX_CHOICES] if len(o) <= 100]


async def setup(bot: PressBot) -> None:
    await bot.add_cog(answers_cog(bot.engine.registry)(bot))
