"""Counts and lists in words: "1 release", "2 releases", "a, b and c". Every count pressbot shows goes here."""

from __future__ import annotations

from collections.abc import Sequence

_IRREGULAR = {"person": "people", "city": "cities", "time": "times", "was": "were"}


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 release', '2 releases', '0 releases'; `many` for an irregular plural ('person', 'people')."""
    if n == 1:
        return f"{n} {word}"
    if many is None:
        many = _IRREGULAR.get(word)
    if many is None:
        many = word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"
    return f"{n} {many}"


def human_join(words: Sequence[str], last: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"
