"""Typed answer items: one small dataclass per kind, each knowing how to draw itself.

An `Answer` lists items of one or two kinds (a `who` answer lists people, `sources` lists source
counts and then the latest releases). Field names are the JSON field names (`--json`, README).
Renderers never guess a shape from dict keys: they hand each run of same-kind items to that kind's
`lines`, with a `Formatter` that escapes and emphasises for the terminal or for Discord. A kind draws
only for the targets in its `TARGETS` (the terminal prints citations in full, so people, cities and
quotes, which the summary and citations already say, are listed only in Discord's denser embeds)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar, Protocol

from bot.wording import plural

TEXT, DISCORD = "text", "discord"


class Formatter(Protocol):
    """How a target writes text: escaping, emphasis, code, cutting, bullets and `usage — text` entries."""

    target: str  # TEXT or DISCORD
    bullet: str

    def esc(self, text: str) -> str: ...
    def strong(self, text: str) -> str: ...
    def code(self, text: str) -> str: ...
    def cut(self, text: str, limit: int) -> str: ...
    def entry(self, label: str, text: str) -> str: ...


class _Item:
    __slots__ = ()
    KIND: ClassVar[str]
    TARGETS: ClassVar[frozenset[str]] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.KIND, **asdict(self)}  # type: ignore[call-overload]

    @classmethod
    def lines(cls, items: Sequence[Any], fmt: Formatter) -> list[str]:
        """The lines for a run of items of this kind (default: one line each)."""
        return [item.line(fmt) for item in items]

    def line(self, fmt: Formatter) -> str:
        raise NotImplementedError(f"{type(self).__name__} draws its items together")


@dataclass(slots=True)
class PersonItem(_Item):
    """`who`: one person the name refers to; `citations` are indexes into `Answer.citations`."""

    KIND: ClassVar[str] = "person"
    TARGETS: ClassVar[frozenset[str]] = frozenset({TEXT, DISCORD})
    name: str
    titles: list[str]
    org: str | None
    evidence: int
    releases: int
    citations: list[int] = field(default_factory=list)
    match: str = ""  # "close spelling" when listed beside an exact match of the name (in JSON only then)

    def to_dict(self) -> dict[str, Any]:
        out = _Item.to_dict(self)
        if not self.match:
            del out["match"]
        return out

    def line(self, fmt: Formatter) -> str:
        """'Tim Garrison — U.S. Attorney · Western District of Missouri · 5 releases [1] [2]': the most
        stated title, the organisation (unless the title names it), how many releases name them."""
        title = self.titles[0] if self.titles else ""
        parts = [(fmt.esc(title) or "no title stated") + (f" ({self.match})" if self.match else "")]
        if self.org and self.org not in title:
            parts.append(fmt.esc(self.org))
        if self.releases:
            parts.append(plural(self.releases, "release"))
        refs = "".join(f" [{i + 1}]" for i in self.citations[:4])
        return f"{fmt.bullet}{fmt.strong(fmt.esc(self.name))} — {' · '.join(parts)}{refs}"


@dataclass(slots=True)
class CityItem(_Item):
    """`cities`: a city named in the topic's releases, `included` or `excluded` (said not to be part)."""

    KIND: ClassVar[str] = "city"
    TARGETS: ClassVar[frozenset[str]] = frozenset({DISCORD})
    city: str
    status: str
    citation: int | None

    @classmethod
    def lines(cls, items: Sequence[Any], fmt: Formatter) -> list[str]:
        out = []
        for status, label in (("included", "Cities:"), ("excluded", "Not part of it:")):
            names = [fmt.esc(i.city) for i in items if i.status == status]
            if names:
                out.append(f"{fmt.strong(label)} " + ", ".join(names))
        return out


@dataclass(slots=True)
class QuoteItem(_Item):
    """`quote`: one distinct quotation, verbatim, with the index of its citation."""

    KIND: ClassVar[str] = "quote"
    TARGETS: ClassVar[frozenset[str]] = frozenset()  # each quotation's citation shows it, once
    SHOWN: ClassVar[int] = 6
    speaker: str
    text: str
    citation: int

    @classmethod
    def lines(cls, items: Sequence[Any], fmt: Formatter) -> list[str]:
        return [item.line(fmt) for item in items[:cls.SHOWN]]

    def line(self, fmt: Formatter) -> str:
        return f"{fmt.bullet}“{fmt.cut(fmt.esc(self.text), 300)}” [{self.citation + 1}]"


@dataclass(slots=True)
class UnquotedPerson(_Item):
    """`quote`: the person the name refers to is mentioned but never quoted (`quotes` is empty)."""

    KIND: ClassVar[str] = "unquoted"
    name: str
    quotes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class SearchHit(_Item):
    """`search`: a paragraph's combined `score` and its paragraph-only `relative` score."""

    KIND: ClassVar[str] = "hit"
    score: float
    relative: float
    citation: int


@dataclass(slots=True)
class SourceCount(_Item):
    """`sources`: releases loaded from one source."""

    KIND: ClassVar[str] = "source"
    TARGETS: ClassVar[frozenset[str]] = frozenset({TEXT, DISCORD})
    source: str
    releases: int

    def line(self, fmt: Formatter) -> str:
        return f"{fmt.bullet}{fmt.esc(self.source)}: {plural(self.releases, 'release')}"


@dataclass(slots=True)
class ReleaseRef:
    """A release as `sources` lists it."""

    title: str
    date: str | None
    source: str
    id: str
    path: str
    url: str | None


@dataclass(slots=True)
class LatestReleases(_Item):
    """`sources`: the most recent releases, newest first."""

    KIND: ClassVar[str] = "latest"
    TARGETS: ClassVar[frozenset[str]] = frozenset({TEXT})
    latest: list[ReleaseRef]

    @classmethod
    def lines(cls, items: Sequence[Any], fmt: Formatter) -> list[str]:
        out = []
        for item in items:
            out.append("Latest:")
            out += [f"{fmt.bullet}{r.date or '????'}  {fmt.esc(r.title)}  [{fmt.esc(r.source)}]" for r in item.latest]
        return out


@dataclass(slots=True)
class HelpEntry(_Item):
    """`help`: one command, its usage (with the prefix), its slash form, what it answers, one example."""

    KIND: ClassVar[str] = "help"
    TARGETS: ClassVar[frozenset[str]] = frozenset({TEXT, DISCORD})
    FILTERS: ClassVar[str] = ("Narrow an answer with source:OFFICE, since:2024-01 and until:2024-12-31, typed "
                              "or as slash options (e.g. search hate crime source:kings_ny since:2025).")
    command: str
    usage: str
    description: str
    slash: str = ""  # "/who name:"
    example: str = ""  # "!who Garrison"

    @classmethod
    def lines(cls, items: Sequence[Any], fmt: Formatter) -> list[str]:
        return [item.line(fmt) for item in items] + [fmt.esc(cls.FILTERS)]

    def line(self, fmt: Formatter) -> str:
        forms = fmt.code(self.usage) + (f" · {fmt.code(self.slash)}" if self.slash else "")
        example = f" · e.g. {fmt.code(self.example)}" if self.example else ""
        return f"{fmt.bullet}{forms} — {fmt.esc(self.description)}{example}"


@dataclass(slots=True)
class ReloadDiff(_Item):
    """`reload`: release ids added, removed and changed (at most 20 each)."""

    KIND: ClassVar[str] = "reload"
    added: list[str]
    removed: list[str]
    changed: list[str]


@dataclass(slots=True)
class SkippedFile(_Item):
    """`reload`: a file the new load skipped, and why."""

    KIND: ClassVar[str] = "skipped"
    TARGETS: ClassVar[frozenset[str]] = frozenset({TEXT, DISCORD})
    skipped: str
    reason: str

    def line(self, fmt: Formatter) -> str:
        return f"{fmt.bullet}skipped {fmt.code(fmt.cut(self.skipped, 120))}: {fmt.esc(self.reason)}"


@dataclass(slots=True)
class ChangedRelease(_Item):
    """`reload`, `add`, `remove`: one release added, removed or changed (its title and id, the id being its
    path inside its corpus); `more` > 0 is the "N more" line closing a cut list."""

    KIND: ClassVar[str] = "changed_release"
    TARGETS: ClassVar[frozenset[str]] = frozenset({TEXT, DISCORD})
    change: str  # added, removed, changed
    title: str
    release: str
    more: int = 0
    detail: str = ""  # `add`: date, paragraphs, people found

    def line(self, fmt: Formatter) -> str:
        if self.more:
            return f"{fmt.bullet}… {self.more} more {fmt.esc(self.change)}"
        extra = f" — {fmt.esc(self.detail)}" if self.detail else ""
        return (f"{fmt.bullet}{fmt.esc(self.change)}: {fmt.strong(fmt.cut(self.title, 100))} "
                f"{fmt.code(fmt.cut(self.release, 100))}{extra}")


@dataclass(slots=True)
class StatusRoot(_Item):
    """`status`: one corpus root as served (embargoed releases are counted, never shown)."""

    KIND: ClassVar[str] = "status_root"
    TARGETS: ClassVar[frozenset[str]] = frozenset({TEXT, DISCORD})
    root: str
    releases: int
    paragraphs: int
    embargoed: int

    def line(self, fmt: Formatter) -> str:
        return (f"{fmt.bullet}{fmt.code(self.root)}: {self.releases} releases, {self.paragraphs} paragraphs, "
                f"{self.embargoed} embargoed")


@dataclass(slots=True)
class StatusEvent(_Item):
    """`status`: the last reload, add, remove or watch batch (one audit line)."""

    KIND: ClassVar[str] = "status_event"
    TARGETS: ClassVar[frozenset[str]] = frozenset({TEXT, DISCORD})
    event: str
    text: str

    def line(self, fmt: Formatter) -> str:
        return f"{fmt.bullet}last {fmt.esc(self.event)}: {fmt.esc(self.text)}"


Item = (PersonItem | CityItem | QuoteItem | UnquotedPerson | SearchHit | SourceCount | LatestReleases
        | HelpEntry | ReloadDiff | SkippedFile | ChangedRelease | StatusRoot | StatusEvent)
ITEM_TYPES: tuple[type[_Item], ...] = (PersonItem, CityItem, QuoteItem, UnquotedPerson, SearchHit, SourceCount,
                                       LatestReleases, HelpEntry, ReloadDiff, SkippedFile, ChangedRelease,
                                       StatusRoot, StatusEvent)


def item_lines(items: Sequence[Item], fmt: Formatter) -> list[str]:
    """Every item's lines for `fmt`'s target: runs of one kind drawn together, in order."""
    out: list[str] = []
    start = 0
    while start < len(items):
        kind = type(items[start])
        end = start
        while end < len(items) and type(items[end]) is kind:
            end += 1
        if fmt.target in kind.TARGETS:
            out += kind.lines(items[start:end], fmt)
        start = end
    return out
