"""Tokens of a paragraph and the name words among them.

Everything works on the original paragraph text; spans index into it so snippets stay verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.extract.lexicon import ABBREVIATIONS, NOT_NAME, SUFFIXES, TITLE_HEADS
from bot.textnorm import fold_accents

_UP = "A-ZÀ-ÖØ-Þ"
_LO = "a-zß-öø-ÿ"
_NAME_WORD = re.compile(rf"^(?:[{_UP}][’']|Mc|Mac|La|Le|De|Di|Da|Du|Van)?[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?$")
INITIAL = re.compile(rf"^[{_UP}]\.$")
_TOKEN = re.compile(r"[^\s—]+—?|—")  # an em dash ends a word: 'Mrs. Lu-Shawn Thompson—widow of ...'
_TRAIL = "”\"’'),;:.!?]—"
_LEAD = "“\"‘'(["


@dataclass(slots=True)
class Token:
    text: str  # without surrounding punctuation
    start: int
    end: int
    breaks: bool  # punctuation after it ends a phrase (comma, period, quote...)
    opens: bool  # punctuation before it (opening quote, parenthesis)
    quoted: bool = False  # the whole word in quotation marks: 'William Neil “Doc” Gallagher'


def tokenize(text: str) -> list[Token]:
    """Whitespace tokens with their outer punctuation peeled off (abbreviations keep their dots)."""
    out = []
    for m in _TOKEN.finditer(text):
        raw, s, e = m.group(), m.start(), m.end()
        last = raw[-1]
        if raw[0] not in _LEAD and last not in _TRAIL and not (last == "s" and raw[-2:-1] in ("’", "'")):
            out.append(Token(raw, s, e, False, False))  # most words: nothing to peel (the loops below do nothing)
            continue
        opens = False
        while raw and raw[0] in _LEAD:
            raw, s, opens = raw[1:], s + 1, True
        breaks = False
        for poss in ("’s", "'s", "’", "'"):
            if raw.endswith(poss) and len(raw) > len(poss) + 1 and raw[-len(poss) - 1].isalpha() and (
                    poss.endswith("s") or raw[-2] == "s"):
                raw, e, breaks = raw[: -len(poss)], e - len(poss), True
                break
        while raw and raw[-1] in _TRAIL:
            if raw[-1] == "." and (raw in ABBREVIATIONS or INITIAL.match(raw) or re.fullmatch(r"(?:[A-Z]\.)+", raw)):
                break
            raw, e, breaks = raw[:-1], e - 1, True
        if raw:
            quoted = m.group()[:1] in "“\"" and m.group()[-1:] in "”\""
            out.append(Token(raw, s, e, breaks, opens, quoted))
        elif out and m.group()[:1] in ",;:":
            out[-1].breaks = True  # 'Ortega , president of': a re-joined line's stray space before a comma
    return out


def plural_head(word: str) -> bool:
    """'Investigators', 'Attorneys': the plural of a title head."""
    return word.endswith("s") and word[:-1] in TITLE_HEADS


@lru_cache(maxsize=1 << 17)  # asked millions of times per build, of far fewer distinct words
def is_name_word(word: str) -> bool:
    return (bool(_NAME_WORD.match(word)) and word not in NOT_NAME and word not in TITLE_HEADS
            and not plural_head(word))


def take_name(toks: list[Token], i: int) -> int:
    """Index just past the name starting at toks[i] (0 words if none)."""
    j = i
    while j < len(toks) and j - i < 5:
        w = toks[j].text
        if is_name_word(w) or (INITIAL.match(w) and j > i) or (w in SUFFIXES and j > i):
            j += 1
            if j - 1 > i and toks[j - 1].quoted and j < len(toks) and is_name_word(toks[j].text):
                continue  # 'William Neil “Doc” Gallagher': a nickname in quotation marks
            if toks[j - 1].breaks and not (j < len(toks) and toks[j].text in SUFFIXES):
                break
            continue
        break
    while j > i and (toks[j - 1].text in SUFFIXES or INITIAL.match(toks[j - 1].text)):
        j -= 1
    return j


def split_name(words: list[str]) -> tuple[str, str]:
    """(first, last) of a name's words, initials and suffixes left out; ('', last) for one word."""
    core = [w for w in words if w not in SUFFIXES and not INITIAL.match(w)]
    if not core:
        return "", ""
    if len(core) == 1:
        return "", core[0]
    return core[0], core[-1]


_NAME_KEY_DROP = re.compile(r"[’'\-. ]")


def name_key(word: str) -> str:
    """Comparable form of a name word: accents folded, apostrophes and hyphens dropped, casefolded."""
    return _NAME_KEY_DROP.sub("", fold_accents(word)).casefold()
