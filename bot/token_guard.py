"""Anything in a config file shaped like a Discord token, found so that it can be refused by where it is
(a key path or a line), never by quoting it."""

from __future__ import annotations

import re
from typing import Any

# A Discord bot token: three base64url parts joined by dots (user id, timestamp, HMAC).
TOKEN_LIKE = re.compile(r"[A-Za-z0-9_-]{23,30}\.[A-Za-z0-9_-]{5,8}\.[A-Za-z0-9_-]{25,}")
REFUSED = ("this looks like a Discord token; never put it in the config: set it in the environment "
           "(discord.token_env) or a file named by discord.token_file")


def token_key(data: Any, key: str = "") -> str | None:
    """The dotted key of the first value (or key) shaped like a token in parsed YAML; None when there is none."""
    if isinstance(data, dict):
        for k, v in data.items():
            if TOKEN_LIKE.search(str(k)):
                return f"{key} (a key)" if key else "(a top-level key)"
            found = token_key(v, f"{key}.{k}" if key else str(k))
            if found is not None:
                return found
    elif isinstance(data, list):
        for i, v in enumerate(data):
            found = token_key(v, f"{key}[{i}]")
            if found is not None:
                return found
    elif isinstance(data, str) and TOKEN_LIKE.search(data):
        return key
    return None


def token_line(text: str) -> int | None:
    """The line (from 1) of the first token-shaped text anywhere in a file: a comment, a line YAML cannot
    parse (whose error message would quote it); None when there is none."""
    m = TOKEN_LIKE.search(text)
    return None if m is None else text.count("\n", 0, m.start()) + 1
