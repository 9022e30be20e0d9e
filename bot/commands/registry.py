"""One declaration per command: what it is called, how it is used, its slash parameters, who may run it,
the function that answers it and the kinds of items its answers hold.

`help`, the engine's dispatch and guards, the Discord cogs' commands and both renderers derive from
this list. Adding a command is a module with its answer function plus one `CommandSpec` here (and a
cog method only when its Discord flow is special, as reload's is)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from bot.commands import suggest
from bot.commands.cities import cities
from bot.commands.info import help_answer, sources_answer
from bot.commands.quote import quote
from bot.commands.reload import parse_full, reload
from bot.commands.scope import EVERYTHING, Scope
from bot.commands.search import search
from bot.commands.status import status_answer
from bot.commands.who import who
from bot.config import AnswersConfig
from bot.items import (
    ChangedRelease,
    CityItem,
    HelpEntry,
    LatestReleases,
    PersonItem,
    QuoteItem,
    ReloadDiff,
    SearchHit,
    SkippedFile,
    SourceCount,
    StatusEvent,
    StatusRoot,
    UnquotedPerson,
)
from bot.models import Answer
from bot.snapshot import Snapshot
from bot.store import SnapshotStore


@dataclass(frozen=True, slots=True)
class Param:
    """A slash-command parameter (a prefix command takes it as the rest of the line)."""

    name: str
    description: str
    required: bool = True
    keyword: str = ""  # an optional further parameter the command line writes after this word ("about")
    filter: bool = False  # a filter option the command line writes as 'NAME:VALUE' (source:, since:, until:)
    flag: str = ""  # a yes/no option the command line writes as this flag when yes ("--all")
    kind: str = ""  # the Discord option type when not text or a flag: "attachment", "boolean"


FILTER_PARAMS = (
    Param("source", "Only releases from this source (folder key or office name)", required=False, filter=True),
    Param("since", "Only releases dated on or after this, e.g. 2020 or 2020-03-14", required=False, filter=True),
    Param("until", "Only releases dated on or before this, e.g. 2021-06", required=False, filter=True),
)
"""The slash options of the filters the engine parses from a command line (bot/commands/scope.py)."""


def _line_value(value: str) -> str:
    """A filter value as the command line writes it: quoted when it holds a space ('"Dallas County"')."""
    value = " ".join(value.split())
    if " " not in value:
        return value
    return f'"{value}"' if '"' not in value else "'" + value.replace("'", "") + "'"


@dataclass(frozen=True, slots=True)
class Request:
    """What an answer function gets: the one snapshot read for this request, the argument, settings."""

    snap: Snapshot
    argument: str
    answers: AnswersConfig
    prefix: str
    user: str
    store: SnapshotStore
    registry: Registry
    scope: Scope = EVERYTHING  # the asker's scope (a server's roots, its id), before the line's own filters


Answerer = Callable[[Request], Answer]
Suggester = Callable[[Snapshot, str, int], list[suggest.Choice]]


@dataclass(frozen=True, slots=True)
class CommandSpec:
    name: str
    usage: str  # without the prefix: "who NAME"
    help: str  # the `help` line
    summary: str  # the slash command's description in Discord's command picker
    example: str  # one command line it answers, prefix-less
    answer: Answerer | None  # None: a Discord-only command (its cog method is the whole command)
    params: tuple[Param, ...] = ()
    items: tuple[type, ...] = ()  # the item kinds its answers hold
    admin: bool = False  # refused to non-admins; Discord hides it behind Manage Server by default
    needs_argument: bool = False  # without an argument the answer is its usage line
    suggest: Suggester | None = None  # autocomplete for its parameter

    @property
    def filters(self) -> bool:
        """Takes `source:`, `since:`, `until:` (bot/commands/scope.py): declared by its filter params."""
        return any(p.filter for p in self.params)

    def slash_form(self) -> str:
        """'/who name:', '/quote name: [topic:]': the slash command as typed in Discord (the filter
        options, on every filtering command, are told once under `help`'s list)."""
        opts = [f"{p.name}:" if p.required else f"[{p.name}:]" for p in self.params if not p.filter]
        return " ".join([f"/{self.name}", *opts])

    def line(self, values: Mapping[str, str | bool | None]) -> str:
        """The command line's argument for slash values (parameter name -> value), what the prefix form
        types, so both reach the same answer: name 'Gonzalez' + topic 'ghost guns' + source 'kings_ny' is
        'Gonzalez about ghost guns source:kings_ny'; search's all=True adds '--all'."""
        parts: list[str] = []
        for p in self.params:
            value = values.get(p.name)
            if p.flag:
                parts += [p.flag] if value is True else []
            elif isinstance(value, str) and value.strip():
                text = " ".join(value.split())
                parts.append(f"{p.name}:{_line_value(text)}" if p.filter else f"{p.keyword} {text}".strip())
        return " ".join(parts)


@dataclass(frozen=True)
class Registry:
    """The commands in `help` order; immutable (`with_command` makes a copy)."""

    specs: tuple[CommandSpec, ...]
    _by_name: dict[str, CommandSpec] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {s.name: s for s in self.specs})

    def __iter__(self) -> Iterator[CommandSpec]:
        return iter(self.specs)

    def get(self, name: str) -> CommandSpec | None:
        return self._by_name.get(name)

    def engine_commands(self) -> list[CommandSpec]:
        """The commands the engine answers (every one but the Discord-only ones), in `help` order."""
        return [s for s in self.specs if s.answer is not None]

    def with_command(self, spec: CommandSpec) -> Registry:
        return Registry((*[s for s in self.specs if s.name != spec.name], spec))

    def help(self, prefix: str, note: str | None = None) -> Answer:
        return help_answer(((s.name, s.usage, s.help, s.slash_form(), s.example) for s in self.engine_commands()),
                           prefix, note)


def _search(r: Request) -> Answer:
    text, every = (r.argument[:-6].strip(), True) if r.argument.endswith(" --all") else (r.argument, False)
    a = r.answers
    return search(r.snap, text, a.search_results, a.min_relative_score, per_release=a.search_results if every else 1)


def _specs() -> Iterable[CommandSpec]:
    yield CommandSpec(
        "who", "who NAME", "who a person is: full name, titles and organisation, with citations",
        "Who is this person? Full name, titles, organisation, cited.", "who Garrison",
        lambda r: who(r.snap, r.argument, r.answers.max_citations),
        params=(Param("name", "A surname or full name, e.g. Garrison"), *FILTER_PARAMS), items=(PersonItem,),
        needs_argument=True, suggest=suggest.people)
    yield CommandSpec(
        "cities", "cities TOPIC", "cities named in the releases about a topic, and those said not to be part",
        "Cities named in the releases about a topic.", "cities Relentless Pursuit",
        lambda r: cities(r.snap, r.argument, r.answers.max_citations, r.answers.min_relative_score),
        params=(Param("topic", "A topic, e.g. Relentless Pursuit"), *FILTER_PARAMS), items=(CityItem,),
        needs_argument=True, suggest=suggest.topics)
    yield CommandSpec(
        "quote", "quote NAME [about TOPIC]",
        "what a person is quoted as saying, most recent first; with `about TOPIC`, on that topic, best first",
        "What a person is quoted as saying (optionally about a topic), cited.", "quote Barr about violent crime",
        lambda r: quote(r.snap, r.argument, r.answers.max_citations),
        params=(Param("name", "A surname or full name, e.g. Barr"),
                Param("topic", "Only quotations in releases about this, e.g. ghost guns", required=False,
                      keyword="about"), *FILTER_PARAMS),
        items=(QuoteItem, UnquotedPerson),
        needs_argument=True, suggest=suggest.people)
    yield CommandSpec(
        "search", "search TEXT [--all]", "the best-matching paragraphs, one per release (--all: several)",
        "The best-matching paragraphs, one per release.", "search violent crime", _search,
        params=(Param("text", "Words to look for"), *FILTER_PARAMS,
                Param("all", "Several paragraphs per release, not just the best one", required=False,
                      flag="--all")), items=(SearchHit,), needs_argument=True,
        suggest=suggest.topics)
    yield CommandSpec(
        "sources", "sources", "the releases loaded, by source", "The releases loaded, by source.", "sources",
        lambda r: sources_answer(r.snap), items=(SourceCount, LatestReleases))
    yield CommandSpec(
        "help", "help", "this list", "What pressbot can answer.", "help",
        lambda r: r.registry.help(r.prefix), items=(HelpEntry,))
    yield from _admin_specs()


def _reload(r: Request) -> Answer:
    full = parse_full(r.argument)
    if full is None:
        return Answer("reload", r.argument, False, f"Usage: {r.prefix}reload [full]", error="usage")
    return reload(r.store, r.user, r.scope.roots, r.scope.guild, full=full)


def _admin_specs() -> Iterable[CommandSpec]:
    """The admin commands (some answered by the engine, some Discord-only)."""
    yield CommandSpec(
        "reload", "reload [full]", "(admins) reload the corpus without stopping the bot",
        "Admins: reload the corpus (the files changed since the last build; `full`: everything); the old index "
        "serves meanwhile.", "reload", _reload, items=(ReloadDiff, ChangedRelease, SkippedFile), admin=True,
        params=(Param("full", "full: rebuild every release (default: read only the files that changed)",
                      required=False),))
    yield CommandSpec(
        "status", "status", "(admins) what is served: releases per corpus, embargoed, last reload/add/remove",
        "Admins: releases per corpus, embargoed count, last reload/add/remove, uptime.", "status",
        status_answer, items=(StatusRoot, StatusEvent), admin=True)
    yield CommandSpec(
        "add", "add (attach files)", "(admins, Discord) add the attached releases to this server's corpus",
        "Admins: add releases (.txt .md .html .pdf .jsonl) to this server's corpus.", "add",
        None,
        params=(Param("file", "A release file: .txt, .md, .html, .pdf or .jsonl", required=False,
                      kind="attachment"),
                Param("replace", "Overwrite a file of the same name", required=False, kind="boolean")),
        items=(ChangedRelease, SkippedFile), admin=True)
    yield CommandSpec(
        "remove", "remove RELEASE", "(admins, Discord) move one of this server's releases to the trash and re-index",
        "Admins: remove one of this server's releases (moved to the trash).", "remove alpha/ring",
        None, params=(Param("release", "A release id, as sources and citations show it"),),
        items=(ChangedRelease,), admin=True, needs_argument=True, suggest=suggest.releases)
    yield CommandSpec(
        "sync", "sync [global]", "(admins, Discord) publish slash commands to this server or all",
        "Admins: publish slash commands to this server (or all).", "sync", None,
        params=(Param("scope", "guild (default) or global", required=False),), admin=True)


REGISTRY = Registry(tuple(_specs()))
