"""Who an attribution phrase names: 'DA Stephan' in '…,” said DA Stephan', or the person opening the
sentence that introduces a quotation."""

from __future__ import annotations

import re

from bot.extract.lexicon import CONNECTORS, SUFFIXES
from bot.extract.mentions import Mention
from bot.extract.titles import is_head, title_before
from bot.extract.tokens import INITIAL, is_name_word, split_name, tokenize


def speaker_name(phrase: str) -> tuple[str, str, str] | None:
    """(first, last, title) of the person in an attribution phrase such as 'DA Stephan' or 'said Barr'."""
    toks = list(tokenize(phrase))
    trimmed = False
    while toks and toks[-1].text[:1].islower() and len(toks) > 1:
        toks.pop()  # "said Prosecutor Glen Fitzmartin one of the three prosecutors": trailing words
        trimmed = True
    if trimmed and toks[-1].breaks:
        return None  # "Smith’s attorney": the speaker is not Smith
    # the name is the last run of name words; a title may precede it
    j = len(toks)
    while j > 0 and toks[j - 1].text in SUFFIXES:
        j -= 1
    i = j
    while i > 0 and (is_name_word(toks[i - 1].text) or INITIAL.match(toks[i - 1].text)) and j - i < 4:
        i -= 1
    if i == j:
        return None
    words = [t.text for t in toks[i:j]]
    first, last = split_name(words)
    if not last:
        return None
    title = ""
    if i > 0 and is_head(toks[i - 1]):
        k = title_before(toks, i - 1, 0)
        title = " ".join(t.text for t in toks[k:i])
    elif (i > 1 and toks[i - 1].text not in CONNECTORS and toks[i - 1].text[:1].islower()
          and not toks[i - 1].breaks):
        return None  # "the victim Smith said": a name inside a longer phrase, not the speaker's
    return first, last, title


def clause_subject(text: str, quote_start: int, mentions: list[Mention]) -> tuple[str, str, str] | None:
    """The person opening the sentence that introduces a quotation: 'Former Chief Judge Jonathan Lippman,
    Launch Committee Co-Chair and current Counsel at Latham & Watkins LLP said, “…”'."""
    for m in mentions:
        between = text[m.end:quote_start]
        if m.first and m.end <= quote_start and len(between) <= 200 and not re.search(r"[.!?”]\s", between):
            return m.first, m.last, m.title
    return None
