"""US states a text names: spelled ('Texas', 'Calif.', 'N.Y.') anywhere in it, or a postal code after a
comma ('Dallas, TX')."""

from __future__ import annotations

import re

from bot.extract.lexicon import STATE_ABBR, STATES

_SPELLED_STATES = list(STATES.items()) + [(abbr, code) for abbr, code in STATE_ABBR.items() if len(abbr) > 2]
# 'Dallas, TX': one pass for every two-letter code (each match is one code: they are all two letters)
_POSTAL_STATE = re.compile(r",\s(" + "|".join(re.escape(a) for a in STATE_ABBR if len(a) == 2) + r")\b")


# every spelled name starting at a position, longest first (a lookahead: names inside or overlapping a
# longer one are found at their own positions); the names it begins with are found there too
_SPELLED = re.compile("(?=[A-Z])(?=(" + "|".join(re.escape(n) for n, _ in sorted(
    _SPELLED_STATES, key=lambda nc: -len(nc[0]))) + "))")
_SPELLED_CODES = {n: frozenset(c for m, c in _SPELLED_STATES if n.startswith(m)) for n, _ in _SPELLED_STATES}


def states_in(text: str) -> set[str]:
    """US state codes a text names ('Texas', 'Calif.', 'N.Y.', ', TX'), a spelled name anywhere in the text
    (as `name in text` finds it)."""
    found: set[str] = set()
    for m in _SPELLED.finditer(text):
        found |= _SPELLED_CODES[m.group(1)]
    found.update(STATE_ABBR[m.group(1)] for m in _POSTAL_STATE.finditer(text))
    return found
