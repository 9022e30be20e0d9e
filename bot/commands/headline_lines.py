"""Lines that name rather than report: a breadcrumb trail, a date alone, a short unfinished line in title
case (bot/commands/passage.py weighs them down when choosing the passage that answers)."""

from __future__ import annotations

import re

from bot.commands.cues import DATE, WORDS

_WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_BREADCRUMB = re.compile(r"\S\s+(?:>|»|›|/|\|)\s+\S")
_ENDS_SENTENCE = re.compile(r"[.!?][\"”’')\]]*\s*$")
_LABEL = re.compile(r"^[A-Z][A-Za-z ]{2,30}:\s+")  # 'MEDIA RELEASE: ', 'For Immediate Release: '


def headline_like(text: str) -> bool:
    """A line that names rather than reports: a breadcrumb trail ('Home > News > Press Releases'), a date
    alone ('Monday, December 19, 2022'), or a short unfinished line in title case ('206 Weapons Surrendered,
    the Most During a Single Event', 'MEDIA RELEASE: DA Announces ...'). A sentence that ends with a full stop
    reports, whatever its capitals."""
    line = text.strip()
    if len(_BREADCRUMB.findall(line)) >= 2:
        return True
    if _dates_only(line):
        return True
    if _ENDS_SENTENCE.search(line):
        return False
    words = [w for w in WORDS.findall(_LABEL.sub("", line)) if len(w) >= 4]
    return 0 < len(words) <= 25 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


# the words a date or a weekday is written with ('December', 'Sept', '5th', 'Monday')
_DATE_WORDS = frozenset("January February March April May June July August September October November December "
                        "Jan Feb Mar Apr Aug Sep Sept Oct Nov Dec st nd rd th Monday Tuesday Wednesday Thursday "
                        "Friday Saturday Sunday".split())


def _dates_only(line: str) -> bool:
    """`line` has no word outside its dates and weekdays. Most lines start with a word no date is written
    with (letters only, not after a digit, not a month's or a day's name): that word stays when the dates
    are blanked, so the blanking is skipped."""
    m = WORDS.search(line)
    if m is None:
        return True
    first = m.group()
    if first.isalpha() and first not in _DATE_WORDS and not (m.start() and line[m.start() - 1].isdigit()):
        return False
    return not WORDS.search(_WEEKDAY.sub(" ", DATE.sub(" ", line)))
