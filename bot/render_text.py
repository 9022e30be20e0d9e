"""Terminal rendering (plain text with **bold** highlights) and JSON rendering of an Answer."""

from __future__ import annotations

import itertools
import json
import re
import textwrap
from dataclasses import dataclass

from bot.items import TEXT, item_lines
from bot.models import Answer, Citation
from bot.safe_text import terminal


def bold(text: str, words: list[str], mark: str = "**") -> str:
    """Wrap whole-word, case-insensitive occurrences of `words` in `mark`."""
    words = sorted({w for w in words if w.strip()}, key=len, reverse=True)
    if not words:
        return text
    rx = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)
    return rx.sub(lambda m: f"{mark}{m.group(1)}{mark}", text)


class TextFormatter:
    """The terminal: text as written, nothing cut, two-space indents."""

    target = TEXT
    bullet = "  "

    def esc(self, text: str) -> str:
        return terminal(text)

    def strong(self, text: str) -> str:
        return text

    def code(self, text: str) -> str:
        return terminal(text)

    def cut(self, text: str, limit: int) -> str:  # noqa: ARG002 - a terminal has room for everything
        return text

    def entry(self, label: str, text: str) -> str:
        return f"  {label:<22} {text}"


TERMINAL = TextFormatter()


def citation_line(c: Citation) -> str:
    """'Title — Office · 2024-11-18 · ¶11', the order Discord's citation fields use."""
    meta = " · ".join([*(terminal(x) for x in (c.source, c.date) if x), f"¶{c.paragraph}"])
    return f"{terminal(c.title)} — {meta}"


def also_in_line(c: Citation, shown: int = 3) -> str:
    """'same words also in: a, b, c (+4 more)' for a snippet several releases print."""
    more = f" (+{len(c.also_in) - shown} more)" if len(c.also_in) > shown else ""
    return "same words also in: " + ", ".join(terminal(r) for r in c.also_in[:shown]) + more


@dataclass(frozen=True, slots=True)
class TextStyle:
    """How a terminal shows an answer: ANSI bold highlights and dim metadata (`color`), wrapped at `width`."""

    color: bool = False
    width: int | None = None


PLAIN = TextStyle()
BOLD, DIM, RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def _wrap(line: str, width: int | None) -> list[str]:
    """The line wrapped at `width` between words (a word longer than the width stays whole), its indent kept."""
    if width is None or len(line) <= width:
        return [line]
    indent = line[:len(line) - len(line.lstrip())]
    return textwrap.wrap(line, width, initial_indent="", subsequent_indent=indent + "  ",
                         break_long_words=False, break_on_hyphens=False, drop_whitespace=True) or [line]


def _styled(lines: list[tuple[str, bool]], style: TextStyle) -> str:
    """(line, is_metadata) pairs wrapped; with colour, `**` marks become bold and metadata lines dim."""
    out = []
    for text, meta in lines:
        for part in _wrap(text, style.width):
            if style.color and meta:
                part = f"{DIM}{part}{RESET}"
            out.append(part)
    text = "\n".join(out)
    if style.color:
        marks = itertools.count()
        text = re.sub(r"\*\*", lambda _m: BOLD if next(marks) % 2 == 0 else RESET, text)
    return text


def render_text(ans: Answer, style: TextStyle = PLAIN) -> str:
    """What `pressbot ask` prints: summary, the answer's items, then numbered verbatim citations. User and
    corpus text loses control characters, escape sequences and bidi overrides (`safe_text.terminal`)."""
    lines = [(terminal(ans.summary), False), *((x, False) for x in item_lines(ans.items, TERMINAL))]
    for n, c in enumerate(ans.citations, start=1):
        lines.append(("", False))
        lines.append((f"[{n}] “{bold(terminal(c.text), [terminal(h) for h in c.highlights])}”", False))
        lines.append((f"    — {citation_line(c)}", True))
        lines.append((f"      {terminal(c.url or c.path)}", True))
        if c.also_in:
            lines.append((f"      {also_in_line(c)}", True))
    return _styled(lines, style)


# Characters JSON may carry raw that a terminal would act on: C1 controls, bidi controls, lone surrogates.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ud800-\udfff]")


def render_json(ans: Answer) -> str:
    """The answer as JSON; the same data, with anything a terminal would act on written as a \\u escape."""
    text = json.dumps(ans.to_dict(), ensure_ascii=False, indent=2)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
