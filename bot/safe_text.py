"""User and corpus text made inert for an output: Discord markdown, a plain-text Discord label, a terminal.

Every function here takes text pressbot did not write (a query, a release title, a snippet) and returns
text that displays as written and does nothing else. pressbot's own formatting (its `**` highlights, its
`[source](url)` links) is added after escaping, around already-escaped text.

Discord (`discord_markdown`): one rule, not a regex per construct. Discord's parser treats a backslash
before any ASCII punctuation as "this character, literally", so every character that can start, end or
join a markdown construct is backslash-escaped: masked links `[a](b)`, headings and subtext (`#`, `-#`),
lists (`-`, `*`, `+`, `1.`), block quotes (`>`, `>>>`), spoilers `||`, code spans and fences, bold,
italic, underline and strike (`*`, `_`, `~`), `<...>` mentions, channels, roles, timestamps and custom
emoji, `:shortcodes:` and URL schemes (`https\\://` neither links nor embeds). `@` gets a zero-width space
after it, so `@everyone`, `@here` and `<@id>` never ping even if a message were sent with mentions on.
Control characters and bidi overrides are removed first (they can reorder what an official reply says).

Terminal (`terminal`): control characters, ANSI/VT escape sequences (CSI, OSC, 8-bit C1) and bidi overrides
removed; a lone surrogate (a non-UTF-8 byte in argv) is shown as `\\xNN`.
"""

from __future__ import annotations

import re

# Every ASCII character Discord's markdown gives a meaning to (a backslash makes each one literal).
MARKDOWN_CHARS = frozenset("\\*_~`|<>#-+=[]()!.:/{}")
ZWSP = "\u200b"
# Bidi embeddings/overrides/isolates and the invisible direction marks.
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_BIDI_RX = re.compile(f"[{BIDI}]")
# ANSI/VT escape sequences: CSI (ESC [ or 8-bit 0x9b), OSC (ESC ] ... BEL or ST), other ESC + one char.
_ANSI_RX = re.compile(r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
                      r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
                      r"|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?"
                      r"|\x1b[ -/]*[0-~]?")
# C0 controls except tab and newline, DEL, C1 controls.
_CONTROL_RX = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE_RX = re.compile(r"[\ud800-\udfff]")


def strip_controls(text: str) -> str:
    """Escape sequences, control characters (not tab or newline) and bidi controls removed."""
    text = _ANSI_RX.sub("", text)
    text = _CONTROL_RX.sub("", text)
    return _BIDI_RX.sub("", text)


def _surrogate(m: re.Match[str]) -> str:
    code = ord(m.group(0))
    return f"\\x{code - 0xdc00:02x}" if 0xdc80 <= code <= 0xdcff else f"\\u{code:04x}"


def terminal(text: str) -> str:
    """Text safe to print to a terminal: as written, minus anything the terminal would act on."""
    return _SURROGATE_RX.sub(_surrogate, strip_controls(text))


def defuse_mentions(text: str) -> str:
    """A zero-width space after every `@`: no `@everyone`, `@here` or `<@id>` can ping."""
    return text.replace("@", "@" + ZWSP)


def discord_markdown(text: str) -> str:
    """User or corpus text for Discord markdown (embed titles, descriptions, field names and values):
    every markdown character backslash-escaped, mentions defused, controls removed."""
    text = _SURROGATE_RX.sub("\ufffd", strip_controls(text))
    text = "".join("\\" + ch if ch in MARKDOWN_CHARS else ch for ch in text)
    return defuse_mentions(text)


def discord_plain(text: str) -> str:
    """User or corpus text for a Discord field shown as plain text, never parsed as markdown (autocomplete
    choice names): controls removed and mentions defused; a backslash there would show as a backslash."""
    return defuse_mentions(_SURROGATE_RX.sub("\ufffd", strip_controls(text)))


_URL_SAFE = re.compile(r"[^A-Za-z0-9\-._~:/?#@!$&'+,;=%]")


def discord_url(url: str | None) -> str | None:
    """A corpus URL fit for a link pressbot draws (`[source](url)`): http(s) only, and every character that
    could end the link or start markdown (`)`, `]`, spaces, `<`, `*`, `|`, ...) percent-encoded."""
    if not url or not url.startswith(("http://", "https://")):
        return None
    return _URL_SAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group(0).encode("utf-8", "replace")),
                         strip_controls(url))


def discord_code(text: str) -> str:
    """Text for inside a code span pressbot draws (a file name): no backtick can close the span early."""
    return _SURROGATE_RX.sub("\ufffd", strip_controls(text)).replace("`", "\u02cb").replace("\n", " ")
