"""One tokenizer for index and queries: normalized, folded, stopwords out, optional Snowball stems."""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
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


def _singular_men(stem: str) -> str:
    """'gunmen' -> 'gunman', 'women' -> 'woman', 'deliverymen' -> 'deliveryman': the plural the stemmer
    leaves apart from its singular ('gunman' and 'gunmen' are one word to a reader). Read on the stem, so
    that the plural and possessive forms the stemmer folds together ('specimens', 'women's') stay one term
    with the word itself."""
    return stem[:-3] + "man" if len(stem) > 4 and stem.endswith("men") else stem


class Tokenizer:
    """Turns text into index terms; identical for paragraphs and queries."""

    def __init__(self, stem: bool = True) -> None:
        self.stem = stem
        self._cache: dict[str, str] = {}
        self._memo: dict[str, tuple[str, ...]] = {}  # short text -> its terms

    def words(self, text: str) -> list[str]:
        """Normalized words without stopwords, before stemming."""
        return self._words_of(normalize(text))

    @staticmethod
    def _words_of(text: str) -> list[str]:
        """`words` of text already normalized."""
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
        if "-" not in text:
            return self(text)
        norm = normalize(text)  # once, for the words and the compounds
        joined = [m.replace("-", "") for m in _COMPOUND.findall(norm)]
        return self._stemmed(self._words_of(norm)) + (self._terms(" ".join(joined)) if joined else [])

    def _terms(self, text: str) -> list[str]:
        return self._stemmed(self.words(text))

    def _stemmed(self, words: list[str]) -> list[str]:
        if not self.stem:
            return words
        cache = self._cache
        out = []
        for w in words:
            s = cache.get(w)
            if s is None:
                s = cache[w] = _singular_men(_stemmer().stemWord(w)) if not w.isdigit() else w
            out.append(s)
        return out

    def __getstate__(self) -> dict:
        return {"stem": self.stem, "_cache": {}}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._memo = {}


TermIds = tuple[list[str], np.ndarray, np.ndarray]  # (terms in order of first use, term ids, per-text counts)


def term_ids_of(stem: bool, chunks: list[list[str]]) -> list[TermIds]:
    """Each chunk of texts as term ids (a build worker's task: module-level, picklable with `stem` bound):
    the chunk's own terms in order of first use, every text's term ids one after the other, and each
    text's term count. Arrays travel back from a worker far cheaper than lists of strings."""
    tok = Tokenizer(stem=stem)
    out: list[TermIds] = []
    for texts in chunks:
        vocab: dict[str, int] = {}
        setdefault = vocab.setdefault
        lengths = np.zeros(len(texts), dtype=np.int32)
        ids: list[int] = []
        for i, text in enumerate(texts):
            terms = tok.document(text)
            lengths[i] = len(terms)
            ids.extend([setdefault(t, len(vocab)) for t in terms])
        out.append((list(vocab), np.asarray(ids, dtype=np.int32), lengths))
    return out


def merge_term_ids(parts: list[TermIds]) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
    """The chunks' term ids (in text order) as one vocabulary (terms numbered in order of first use over
    all the texts, as `BM25Index.build` numbers them), every text's ids in it, and each text's count."""
    vocab: dict[str, int] = {}
    setdefault = vocab.setdefault
    ids, lengths = [], []
    for terms, local, counts in parts:
        to_global = np.fromiter((setdefault(t, len(vocab)) for t in terms), dtype=np.int32, count=len(terms))
        ids.append(to_global[local])
        lengths.append(counts)
    if not parts:
        return vocab, np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32)
    return vocab, np.concatenate(ids), np.concatenate(lengths)
