"""Does Discord show what the registry declares? A check over the registry, the `help` answer, the slash
command tree (local or as synced) and the cogs' commands: same names, same parameters, admin commands
behind Manage Server by default. Used by tests and logged at startup."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import discord

from bot.commands.registry import Registry
from bot.items import HelpEntry
from bot.models import Answer


@dataclass(frozen=True, slots=True)
class Shape:
    """A command as some surface shows it: its name, its parameters (name, description, required, option
    type: 'string' or 'boolean', autocompleted) and whether it is admin-only (declared, or hidden behind
    Manage Server)."""

    name: str
    params: tuple[tuple[str, str, bool, str, bool], ...]
    admin: bool


def _admin(permissions: discord.Permissions | None) -> bool:
    return permissions is not None and permissions.manage_guild


def declared(registry: Registry) -> list[Shape]:
    """What the registry declares: a flag is a yes/no option; the first parameter is autocompleted when the
    command suggests, and a filtering command's `source` always is (from the loaded sources)."""
    return [Shape(s.name, tuple((p.name, p.description, p.required, p.kind or ("boolean" if p.flag else "string"),
                                 (i == 0 and s.suggest is not None) or (p.filter and p.name == "source"))
                                for i, p in enumerate(s.params)), s.admin) for s in registry]


def from_tree(commands: Iterable[discord.app_commands.Command[Any, ..., Any] | Any]) -> list[Shape]:
    """Shapes of `bot.tree.get_commands()`."""
    return [Shape(c.name, tuple((p.display_name, p.description, p.required, p.type.name, bool(p.autocomplete))
                                for p in c.parameters),
                  _admin(c.default_permissions)) for c in commands]


def from_synced(commands: Iterable[discord.app_commands.AppCommand]) -> list[Shape]:
    """Shapes of the commands Discord holds (`await bot.tree.fetch_commands(...)`)."""
    return [Shape(c.name, tuple((o.name, o.description, bool(getattr(o, "required", False)), o.type.name,
                                bool(getattr(o, "autocomplete", False))) for o in c.options),
                  _admin(c.default_member_permissions)) for c in commands]


def disagreements(registry: Registry, help_answer: Answer, slash: list[Shape], prefix_names: Iterable[str]) -> list[str]:
    """Every way the surfaces differ from the registry, one line each; empty when they agree."""
    want = {s.name: s for s in declared(registry)}
    out: list[str] = []
    helped = [i.command for i in help_answer.items if isinstance(i, HelpEntry)]
    engine_names = [s.name for s in registry.engine_commands()]
    if helped != engine_names:
        out.append(f"help lists {helped}, the registry's engine commands are {engine_names}")
    prefix = set(prefix_names)
    out += [f"{n}: declared but no prefix command" for n in want if n not in prefix]
    out += [f"{n}: prefix command not in the registry" for n in sorted(prefix - set(want))]
    got = {s.name: s for s in slash}
    out += [f"{n}: declared but no slash command" for n in want if n not in got]
    out += [f"{n}: slash command not in the registry" for n in got if n not in want]
    for name in want.keys() & got.keys():
        w, g = want[name], got[name]
        if w.params != g.params:
            out.append(f"{name}: parameters {list(g.params)} in Discord, {list(w.params)} declared")
        if w.admin != g.admin:
            out.append(f"{name}: admin {w.admin} declared, Manage Server default {g.admin} in Discord")
    return out
