"""The command engine: text in ('!who Garrison', '/who name:Garrison', 'who Garrison'), Answer out.

Discord and the CLI both call `Engine.ask` or `Engine.run`, so they show the same answers."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from rapidfuzz import process

from bot.commands import reload
from bot.commands import suggest as completions
from bot.commands.registry import REGISTRY, CommandSpec, Registry, Request
from bot.commands.scope import FilterError, Scope, parse_filters, source_names
from bot.commands.scoped import scoped, visibility_key
from bot.models import Answer
from bot.snapshot import Snapshot
from bot.store import SnapshotStore

_OPTION = re.compile(r"^(?:name|topic|text|query|person):\s*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Parsed:
    command: str
    argument: str


def parse(text: str, prefix: str = "!") -> Parsed:
    """Split a command line into a command word and its argument; prefixes '!', '/' or none."""
    text = (text or "").strip()
    for p in (prefix, "!", "/"):
        if p and text.startswith(p):
            text = text[len(p):].lstrip()
            break
    word, _, arg = text.partition(" ")
    arg = _OPTION.sub("", arg.strip()).strip()
    return Parsed(word.lower(), arg)


def options_as_line(command: str, argument: str, registry: Registry) -> str:
    """A slash option typed as text ('/quote name:Gonzalez topic:ghost guns'): the further parameter's
    value goes after its keyword, as the prefix form writes it ('Gonzalez about ghost guns')."""
    spec = registry.get(command)
    if spec is None:
        return argument
    for p in spec.params[1:]:
        if p.keyword:
            argument = re.sub(rf"\s+{re.escape(p.name)}:\s*", f" {p.keyword} ", argument, count=1, flags=re.IGNORECASE)
        elif p.flag:  # 'all:true' is '--all'; 'all:false' is nothing
            flag = re.compile(rf"(?:(?<=\s)|^){re.escape(p.name)}:\s*(true|yes|false|no)\b", re.IGNORECASE)
            found = [m.group(1).lower() in ("true", "yes") for m in flag.finditer(argument)]
            if found:
                argument = " ".join([*flag.sub(" ", argument).split(), *([p.flag] if found[-1] else [])])
    return argument


class Engine:
    """Answers commands from the store's current snapshot: a registry lookup behind the shared guards."""

    def __init__(self, store: SnapshotStore, registry: Registry = REGISTRY) -> None:
        self.store = store
        self.cfg = store.cfg
        self.registry = registry

    def ask(self, text: str, admin: bool = True, user: str = "cli", scope: Scope | None = None) -> Answer:
        """Parse and answer one command line (`scope`: a server's corpora, as `run` takes it)."""
        parsed = parse(text, self.cfg.discord.prefix)
        argument = options_as_line(parsed.command, parsed.argument, self.registry)
        return self.run(parsed.command, argument, admin=admin, user=user, scope=scope)

    def run(self, command: str, argument: str, admin: bool = True, user: str = "cli",
            scope: Scope | None = None) -> Answer:
        """Answer an already-split command (slash commands arrive this way). `scope`: the releases the
        asker may see (a server's corpora); the command line's own filters narrow it further, and
        embargoes are applied at this instant."""
        argument = " ".join(argument.split())
        spec = self.registry.get(command)
        snap = self.store.snapshot  # one read: a concurrent reload cannot mix two snapshots
        base = replace(scope or Scope(), now=datetime.now(UTC).isoformat(timespec="seconds"))
        if spec is not None and spec.filters:
            visible = scoped(snap, base)
            try:
                argument, filters = parse_filters(argument, lambda: source_names(visible.corpus.releases.values()))
            except FilterError as e:
                return Answer(command, "", False, f"{e} Usage: {self.cfg.discord.prefix}{spec.usage} "
                              f"[source:NAME] [since:DATE] [until:DATE].", error="bad_filter")
            base = replace(base, sources=filters.sources, since=filters.since, until=filters.until)
        refusal = self.refusal(command, argument, admin, spec)
        if refusal is not None or spec is None or spec.answer is None:
            return refusal or self.registry.help(self.cfg.discord.prefix)
        view = scoped(snap, base)
        if spec.suggest is completions.topics:  # a release an autocomplete sent by reference: its full title
            argument = completions.resolve(view, argument)
        ans = spec.answer(Request(view, argument, self.cfg.answers, self.cfg.discord.prefix, user,
                                  self.store, self.registry, base))
        if base.sources or base.since or base.until:
            ans.summary += f" Filtered{base.describe()}."
        return ans

    def refusal(self, command: str, argument: str, admin: bool, spec: CommandSpec | None) -> Answer | None:
        """The shared guards, in order: no command, unknown command (with a fuzzy suggestion), a missing
        argument (the usage line), an over-long query, an admin command from a non-admin."""
        prefix = self.cfg.discord.prefix
        if not command:
            return self.registry.help(prefix, "Ask me something. Commands:")
        if spec is None or spec.answer is None:
            names = [s.name for s in self.registry.engine_commands()]
            guess = process.extractOne(command, names, score_cutoff=60)
            hint = f" Did you mean {prefix}{guess[0]}?" if guess else f" Try {prefix}help."
            return Answer(command, argument, False, f"Unknown command '{command}'.{hint}",
                          error="unknown_command", suggestions=[guess[0]] if guess else [])
        if spec.needs_argument and not argument:
            return Answer(command, "", False, f"Usage: {prefix}{spec.usage} — {spec.help}.", error="usage")
        limit = self.cfg.answers.max_query_chars
        if len(argument) > limit:
            return Answer(command, argument[:limit] + "…", False,
                          f"That query is {len(argument)} characters long; the limit is {limit}.",
                          error="too_long")
        if spec.admin and not admin:
            what = "reload the corpus" if command == "reload" else f"use {prefix}{command}"
            return Answer(command, "", False, f"Only server admins can {what}.", error="forbidden")
        return None

    async def areload(self, user: str, admin: bool = True, scope: Scope | None = None, full: bool = False) -> Answer:
        """`reload` without blocking the event loop (Discord); same guard and replies as `run('reload')`
        (the diff as `scope`'s server sees it; `full`: rebuild every release)."""
        spec = self.registry.get("reload")
        refusal = self.refusal("reload", "", admin, spec)
        scope = scope or Scope()
        return refusal or await reload.areload(self.store, user, scope.roots, scope.guild, full=full)

    def view(self, scope: Scope | None = None) -> Snapshot:
        """The serving snapshot as `scope` sees it at this instant (for Discord follow-ups)."""
        return scoped(self.store.snapshot, replace(scope or Scope(), now=datetime.now(UTC).isoformat(timespec="seconds")))

    def visibility(self, scope: Scope | None = None) -> tuple:
        """Which releases `scope` sees at this instant (filters and embargoes still held): a cache key part,
        so a cached answer never outlives an embargo."""
        base = replace(scope or Scope(), now=datetime.now(UTC).isoformat(timespec="seconds"))
        return visibility_key(self.store.snapshot, base)

    @property
    def releases_loaded(self) -> int:
        """How many releases the serving snapshot holds."""
        return len(self.store.snapshot.corpus.releases)

    def suggest(self, command: str, typed: str, limit: int = 25, scope: Scope | None = None,
                param: str = "") -> list[completions.Choice]:
        """Completions for a command's parameter as typed so far (`param`: its first one by default; none
        for a command without), from the releases `scope` allows (embargoes applied now). A filtering
        command's `source` completes to the sources of those releases."""
        spec = self.registry.get(command)
        if spec is None:
            return []
        base = replace(scope or Scope(), now=datetime.now(UTC).isoformat(timespec="seconds"))
        if param == "source" and spec.filters:
            view = scoped(self.store.snapshot, base)
            return completions.sources(source_names(view.corpus.releases.values()), typed, limit)
        if spec.suggest is None or (param and spec.params and param != spec.params[0].name):
            return []
        return spec.suggest(scoped(self.store.snapshot, base), typed, limit)
