"""The command engine: text in ('!who Garrison', '/who name:Garrison', 'who Garrison'), Answer out.

Discord and the CLI both call `Engine.ask` or `Engine.run`, so they show the same answers."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from rapidfuzz import process

from bot.commands.cities import cities
from bot.commands.info import USAGE, help_answer, sources_answer
from bot.commands.quote import quote
from bot.commands.search import search
from bot.commands.who import who
from bot.items import Item, ReloadDiff, SkippedFile
from bot.models import Answer
from bot.store import ReloadError, SnapshotStore

log = logging.getLogger("pressbot.engine")
NEEDS_ARGUMENT = {"who", "cities", "quote", "search"}
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


class Engine:
    """Answers commands from the store's current snapshot."""

    def __init__(self, store: SnapshotStore) -> None:
        self.store = store
        self.cfg = store.cfg

    def ask(self, text: str, admin: bool = True, user: str = "cli") -> Answer:
        """Parse and answer one command line."""
        parsed = parse(text, self.cfg.discord.prefix)
        return self.run(parsed.command, parsed.argument, admin=admin, user=user)

    def run(self, command: str, argument: str, admin: bool = True, user: str = "cli") -> Answer:
        """Answer an already-split command (slash commands arrive this way)."""
        prefix = self.cfg.discord.prefix
        argument = " ".join(argument.split())
        if not command:
            return help_answer(prefix, "Ask me something. Commands:")
        if command not in USAGE:
            guess = process.extractOne(command, list(USAGE), score_cutoff=60)
            hint = f" Did you mean {prefix}{guess[0]}?" if guess else f" Try {prefix}help."
            return Answer(command, argument, False, f"Unknown command '{command}'.{hint}",
                          error="unknown_command", suggestions=[guess[0]] if guess else [])
        if command in NEEDS_ARGUMENT and not argument:
            usage, desc = USAGE[command]
            return Answer(command, "", False, f"Usage: {prefix}{usage} — {desc}.", error="usage")
        limit = self.cfg.answers.max_query_chars
        if len(argument) > limit:
            return Answer(command, argument[:limit] + "…", False,
                          f"That query is {len(argument)} characters long; the limit is {limit}.",
                          error="too_long")
        snap = self.store.snapshot  # one read: a concurrent reload cannot mix two snapshots
        a = self.cfg.answers
        if command == "who":
            return who(snap, argument, a.max_citations)
        if command == "quote":
            return quote(snap, argument, a.max_citations)
        if command == "cities":
            return cities(snap, argument, a.max_citations, a.min_relative_score)
        if command == "search":
            text, every = (argument[:-6].strip(), True) if argument.endswith(" --all") else (argument, False)
            return search(snap, text, a.search_results, a.min_relative_score, per_release=a.search_results if every else 1)
        if command == "sources":
            return sources_answer(snap)
        if command == "reload":
            return self.reload(admin, user)
        return help_answer(prefix)

    def reload(self, admin: bool, user: str) -> Answer:
        if not admin:
            return Answer("reload", "", False, "Only server admins can reload the corpus.", error="forbidden")
        try:
            result = self.store.reload(requested_by=user)
        except ReloadError as e:
            return Answer("reload", "", False, f"Reload failed; still serving the previous index: {e}",
                          error="reload_failed")
        return reload_answer(result)


def reload_answer(result) -> Answer:
    """The reply to a successful reload: a diff of releases and the files skipped."""
    summary = (f"Reloaded: {result.releases} releases, {result.paragraphs} paragraphs "
               f"(was {result.paragraphs_before}); {len(result.added)} added, {len(result.removed)} removed, "
               f"{len(result.changed)} changed; {len(result.skipped)} file(s) skipped.")
    items: list[Item] = [ReloadDiff(added=result.added[:20], removed=result.removed[:20],
                                    changed=result.changed[:20])]
    items += [SkippedFile(skipped=f, reason=r) for f, r in result.skipped[:20]]
    return Answer("reload", "", True, summary, items=items)
