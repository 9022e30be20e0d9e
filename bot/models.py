"""Plain data shared by every layer: releases, paragraphs, citations and answers."""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any, overload

from bot.items import Item


@dataclass(frozen=True, slots=True)
class Release:
    """One press release as loaded from a file (or a line of a JSONL file)."""

    id: str
    path: str
    title: str
    source: str
    date: str | None = None
    url: str | None = None
    language: str = "en"
    dateline: str | None = None
    listing: bool = False  # an index page listing other releases' headlines, not a release itself
    source_key: str = ""  # the folder (or the file's own `source`) it came from; `source` is how it is shown


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph: text as in the file (whitespace runs collapsed), numbered from 1 within its release."""

    pid: int
    release_id: str
    number: int
    text: str


@dataclass(slots=True)
class Citation:
    """A verbatim snippet pointing at an article and a paragraph."""

    release_id: str
    title: str
    date: str | None
    source: str
    path: str
    url: str | None
    paragraph: int
    text: str
    highlights: list[str] = field(default_factory=list)
    also_in: list[str] = field(default_factory=list)  # other releases printing the same words


@dataclass(slots=True)
class Answer:
    """The structured answer every renderer (terminal, JSON, Discord) draws from."""

    command: str
    query: str
    found: bool
    summary: str
    items: list[Item] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    error: str | None = None
    releases: list[str] = field(default_factory=list)  # `cities`: the releases about the topic

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape (README, `--json`): every field, items as objects with their `kind`."""
        return {"command": self.command, "query": self.query, "found": self.found, "summary": self.summary,
                "items": [item.to_dict() for item in self.items],
                "citations": [asdict(c) for c in self.citations], "suggestions": list(self.suggestions),
                "error": self.error, "releases": list(self.releases)}


class ParagraphTable:
    """All paragraphs as columns (fast to save and load); indexing yields Paragraph objects."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.release_ids: list[str] = []
        self.numbers: list[int] = []

    def append(self, release_id: str, number: int, text: str) -> int:
        self.texts.append(text)
        self.release_ids.append(release_id)
        self.numbers.append(number)
        return len(self.texts) - 1

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, i: int) -> Paragraph: ...
    @overload
    def __getitem__(self, i: slice) -> list[Paragraph]: ...
    def __getitem__(self, i: int | slice) -> Paragraph | list[Paragraph]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self.texts)))]
        if i < 0:
            i += len(self.texts)
        return Paragraph(i, self.release_ids[i], self.numbers[i], self.texts[i])

    def __iter__(self) -> Iterator[Paragraph]:
        for i in range(len(self.texts)):
            yield Paragraph(i, self.release_ids[i], self.numbers[i], self.texts[i])

    def __getstate__(self) -> dict:
        names = list(dict.fromkeys(self.release_ids))
        code = {r: n for n, r in enumerate(names)}
        return {"texts": self.texts, "names": names, "rel": array("i", [code[r] for r in self.release_ids]),
                "numbers": array("i", self.numbers)}

    def __setstate__(self, state: dict) -> None:
        names = state["names"]
        self.texts = state["texts"]
        self.release_ids = [names[i] for i in state["rel"]]
        self.numbers = state["numbers"].tolist()
