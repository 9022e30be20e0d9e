"""One tokenizer for index and queries: normalized, folded, stopwords out, optional Snowball stems."""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

from bot.textnorm import normalize

STOPWORDS = frozenset(
    """a an and are as at be but by for from has have he her his i in into is it its of on or our
    she that the their them they this to was were will with who what which when where how did does
    do said says say""".split()
)
# Apostrophes inside a word are dropped ("O'Neill" -> "oneill"); hyphens split words.
_APOS = re.compile(r"(?<=\w)'(?=\w)")
_ORDINAL = re.compile(r"\b(\d+) (st|nd|rd|th)\b")
_TOKEN = re.compile(r"\w+")
# a compound of letters joined by hyphens, not part of a longer one ('9-year-old' is no 'yearold')
_COMPOUND = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)+(?![\w-])")
_MEMO_CHARS = 80  # texts this short (words, names, phrases) are remembered with their terms ...
_MEMO_SIZE = 100_000  # ... this many at most (then forgotten at once)


@lru_cache(maxsize=4)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


class Tokenizer:
    """Turns text into index terms; identical for paragraphs and queries."""

    def __init__(self, stem: bool = True) -> None:
        self.stem = stem
        self._cache: dict[str, str] = {}
        self._memo: dict[str, tuple[str, ...]] = {}  # short text -> its terms

    def words(self, text: str) -> list[str]:
        """Normalized words without stopwords, before stemming."""
        text = normalize(text)
        if "'" in text:  # (a scan is cheaper than the look-behind pattern on every paragraph)
            text = _APOS.sub("", text)
        text = _ORDINAL.sub(r"\1\2", text)
        return [w for w in _TOKEN.findall(text) if w not in STOPWORDS and w != "_"]

    def __call__(self, text: str) -> list[str]:
        if len(text) <= _MEMO_CHARS:  # answers tokenize the same words and names over and over
            got = self._memo.get(text)
            if got is None:
                if len(self._memo) >= _MEMO_SIZE:
                    self._memo.clear()
                got = self._memo[text] = tuple(self._terms(text))
            return list(got)
        return self._terms(text)

    def document(self, text: str) -> list[str]:
        """A paragraph's index terms: its terms, then the joined word of each hyphenated compound, so
        that a query typing 'takedown' or 'multiagency' finds a release writing 'take-down' or
        'multi-agency'. Queries keep the parts alone (`__call__`): a compound a reporter types
        ('record-breaking') then weighs as its common parts, never as a rare joined word."""
        terms = self(text)
        if "-" in text:
            joined = [m.replace("-", "") for m in _COMPOUND.findall(normalize(text))]
            terms += self._terms(" ".join(joined)) if joined else []
        return terms

    def _terms(self, text: str) -> list[str]:
        words = self.words(text)
        if not self.stem:
            return words
        cache = self._cache
        out = []
        for w in words:
            s = cache.get(w)
            if s is None:
                s = cache[w] = _stemmer().stemWord(w) if not w.isdigit() else w
            out.append(s)
        return out

    def __getstate__(self) -> dict:
        return {"stem": self.stem, "_cache": {}}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._memo = {}


def tokenize_all(stem: bool, texts: list[str]) -> list[list[str]]:
    """Each text's terms (a build worker's task: module-level, picklable with its `stem` bound)."""
    tok = Tokenizer(stem=stem)
    return [tok.document(t) for t in texts]
