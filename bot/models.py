"""Plain data shared by every layer: releases, paragraphs, citations and answers."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


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
    translation_of: str | None = None


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


@dataclass(slots=True)
class Answer:
    """The structured answer every renderer (terminal, JSON, Discord) draws from."""

    command: str
    query: str
    found: bool
    summary: str
    items: list[dict[str, Any]] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
