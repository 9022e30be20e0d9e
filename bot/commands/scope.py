"""Which releases an answer may draw on: the filters a reporter types (`source:`, `since:`, `until:`).

Filters are parsed by the engine from the command line, so the CLI and Discord take the same syntax
(`!search hate crime source:kings_ny since:2025`, or the slash options of the same names), and every
command answers only from the releases its scope allows."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from bot.models import Release

_FLAG = re.compile(r"(?:(?<=\s)|^)(?:--)?(source|since|until|from|to)[:=]\s*(\"[^\"]+\"|'[^']+'|\S+)", re.IGNORECASE)
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_ALIASES = {"from": "since", "to": "until"}


class FilterError(ValueError):
    """A filter the engine cannot apply (an unknown source, a date that is not a date): its message is the
    one-line usage error shown to the user."""


@dataclass(frozen=True)
class Scope:
    """The releases an answer may use: from these sources (folder keys; empty = all), dated within
    [since, until] (ISO prefixes: '2025', '2025-03', '2025-03-14'; a release without a date is kept only
    when no date filter is set)."""

    sources: frozenset[str] = field(default_factory=frozenset)
    since: str | None = None
    until: str | None = None
    roots: frozenset[str] | None = None  # the corpus roots this server may see (None: every root)
    now: str | None = None  # ISO instant (UTC) for embargoes; None: no embargo has lifted
    guild: int | None = None  # the server asking (bot/guilds.py), for its audit trail; not a filter

    @property
    def everything(self) -> bool:
        return not self.sources and self.since is None and self.until is None and self.roots is None

    def allows(self, release: Release) -> bool:
        if release.embargo is not None and (self.now is None or release.embargo > self.now):
            return False  # embargoed: in no answer until its instant
        if self.roots is not None and release.root not in self.roots:
            return False
        if self.sources and (release.source_key or release.source) not in self.sources:
            return False
        if self.since is None and self.until is None:
            return True
        if not release.date:
            return False
        if self.since is not None and release.date[:len(self.since)] < self.since:
            return False
        return self.until is None or release.date[:len(self.until)] <= self.until

    def describe(self) -> str:
        """' (source: kings_ny, since 2025)' for summaries; '' when unfiltered."""
        parts = []
        if self.sources:
            parts.append("source: " + ", ".join(sorted(self.sources)))
        if self.since:
            parts.append(f"since {self.since}")
        if self.until:
            parts.append(f"until {self.until}")
        return f" ({'; '.join(parts)})" if parts else ""


EVERYTHING = Scope()


def _date(value: str, name: str) -> str:
    m = _DATE.match(value)
    if not m:
        raise FilterError(f"{name}: expects a date such as 2025, 2025-03 or 2025-03-14, not '{value[:30]}'.")
    year, month, day = m.group(1), m.group(2), m.group(3)
    if month and not 1 <= int(month) <= 12 or day and not 1 <= int(day) <= 31:
        raise FilterError(f"{name}: '{value}' is not a real date.")
    return "-".join([year] + ([f"{int(month):02d}"] if month else []) + ([f"{int(day):02d}"] if day else []))


def resolve_source(value: str, sources: dict[str, str]) -> str:
    """A source given by its folder key or its display name (case-insensitive; a unique prefix will do)
    -> its folder key. `sources`: folder key -> display name."""
    v = value.casefold()
    exact = [k for k, name in sources.items() if v in (k.casefold(), name.casefold())]
    if exact:
        return exact[0]
    prefix = [k for k, name in sources.items() if k.casefold().startswith(v) or name.casefold().startswith(v)]
    if len(prefix) == 1:
        return prefix[0]
    known = ", ".join(sorted(sources)) or "none loaded"
    raise FilterError(f"source: no source called '{value[:40]}' (known: {known}).")


def parse_filters(argument: str, sources: dict[str, str] | Callable[[], dict[str, str]]) -> tuple[str, Scope]:
    """Split `source:`, `since:` and `until:` flags (also `--source=`, `from:`, `to:`) out of a command's
    argument; returns (the argument without them, the scope). Raises FilterError with a usage line.
    `sources` may be a function giving them, called only when a `source:` is given (it reads every
    release)."""
    found: dict[str, list[str]] = {}
    for m in _FLAG.finditer(argument):
        key = _ALIASES.get(m.group(1).lower(), m.group(1).lower())
        found.setdefault(key, []).append(m.group(2).strip("\"'"))
    if not found:
        return argument, EVERYTHING
    rest = " ".join(_FLAG.sub(" ", argument).split())
    names = (sources() if callable(sources) else sources) if "source" in found else {}
    keys = frozenset(resolve_source(v, names) for v in found.get("source", []))
    since = _date(found["since"][-1], "since") if "since" in found else None
    until = _date(found["until"][-1], "until") if "until" in found else None
    if since and until and since[:len(until)] > until:
        raise FilterError(f"since: {since} is after until: {until}.")
    return rest, Scope(keys, since, until)


def source_names(releases: Iterable[Release]) -> dict[str, str]:
    """Folder key -> display name of the sources these releases come from."""
    return {r.source_key or r.source: r.source for r in releases}
