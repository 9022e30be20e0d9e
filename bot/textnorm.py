"""Text normalization for matching; citations always keep the original text."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201b": "'", "\u02bc": "'", "\u201c": '"',
                         "\u201d": '"', "\u201e": '"', "\u00a0": " ", "\u2013": "-", "\u2014": "-",
                         "\u00ad": ""})
_ASCII_WS = re.compile(r"[ \t\r\n\f\v]+")
_SENTENCE_CLOSE = re.compile(r"[.!?][\"”’)]?$")


def collapse_ws(text: str) -> str:
    """Collapse every whitespace run (NBSP included) into one space."""
    return " ".join(text.split())  # = re.sub(r"\s+", " ", text).strip(), faster


def ends_sentence(text: str) -> bool:
    """Does the text end like a sentence ('… this case.', '… he said.”')?"""
    return bool(_SENTENCE_CLOSE.search(text.rstrip()))


def collapse_ascii_ws(text: str) -> str:
    """Collapse runs of ASCII whitespace only, so NBSPs from the source survive in snippets."""
    if "  " not in text and text.isprintable():  # no tab, newline or double space: nothing to collapse
        return text.strip()
    return _ASCII_WS.sub(" ", text).strip()


# The combining-mark blocks of Unicode: what NFKD splits off accented letters.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold_accents(text: str) -> str:
    """Strip combining marks: 'Luján' -> 'Lujan' (one compiled pattern: this runs on every paragraph)."""
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def normalize(text: str) -> str:
    """NFKC, straight quotes, accents folded, casefolded, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return collapse_ws(fold_accents(text).casefold())


_BOUNDARY = re.compile(r"[.!?]+[”\"’)]*\s+(?=[“\"‘(]?[A-Z0-9])")
_ABBREV = re.compile(r"(?:\b(?:St|Mr|Mrs|Ms|Dr|Jr|Sr|Lt|Sgt|Det|Capt|Gov|Sen|Rep|Rev|Ave|Blvd|Rd|No|Inc|Co|Corp|"
                     r"Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|Calif|Tex|Fla|Ga|Mo|Pa|Va)|"
                     r"\b[A-Z]|(?:[A-Z]\.)+[A-Z])\.$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; abbreviations such as 'St.' and 'U.S.' do not end one."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(text):
        head = text[max(start, m.start() - 12):m.start() + 1]
        if text[m.start()] == "." and _ABBREV.search(head):
            continue
        end = m.end() - len(m.group()) + len(m.group().rstrip())
        spans.append((start, end))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans
