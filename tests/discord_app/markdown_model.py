"""A small model of Discord's markdown parser, for tests: what a reader sees, and what would still be live.

Discord treats a backslash before any non-alphanumeric character as that character, literally."""

from __future__ import annotations

import re

from bot.safe_text import MARKDOWN_CHARS, ZWSP

LIVE_SEQUENCES = ("<@", "<#", "<t:", "<:", "<a:", "](", "||", "://", "@everyone", "@here", "```")


def unescaped(text: str) -> str:
    """What Discord would still parse: `text` with every backslash escape `\\X` removed."""
    return re.sub(r"\\[^0-9A-Za-z\s]", "", text)


def live_constructs(text: str, allowed: str = "") -> list[str]:
    """Every markdown character (except `allowed`, pressbot's own), mention, link or URL scheme left live
    (empty: the text is inert)."""
    rest = unescaped(text)
    found = [ch for ch in rest if ch in MARKDOWN_CHARS and ch not in allowed]
    found += [s for s in LIVE_SEQUENCES if s in rest]
    found += [f"{m!r}" for m in re.findall(r"[\u202a-\u202e\u2066-\u2069\x1b]", rest)]
    return found


def shown(text: str | None) -> str:
    """What a reader sees: the escapes resolved, the zero-width spaces dropped."""
    return re.sub(r"\\([^0-9A-Za-z\s])", r"\1", text or "").replace(ZWSP, "")
