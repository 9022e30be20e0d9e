"""Which words of a paragraph to show in bold for a query, read from offsets computed at build time: per
paragraph, the first occurrence of each distinct word (a run of letters, digits, apostrophes and hyphens)
that has index terms, with those terms, in numpy columns (no Python object per word)."""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Sequence

import numpy as np

from bot.index.tokenizer import Tokenizer

WORD = re.compile(r"[\w’'-]+")  # a word as search shows it in bold


def _first_at(text: str, word: str) -> int:
    """Where `word` first occurs in `text` as a whole WORD run."""
    n = len(word)
    i = text.find(word)
    while (i > 0 and WORD.match(text, i - 1, i)) or WORD.match(text, i + n, i + n + 1):
        i = text.find(word, i + 1)
    return i


class HighlightTable:
    """Per paragraph id (CSR `ptr`): `start`/`end` offsets of words and the id (in `vocab`, terms as the
    tokenizer gives them for a word alone) of each of their terms, in the order of the text."""

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}
        self.ptr = np.zeros(1, dtype=np.int64)
        self.start = np.zeros(0, dtype=np.uint16)
        self.end = np.zeros(0, dtype=np.uint16)
        self.terms = np.zeros(0, dtype=np.int32)

    @classmethod
    def build(cls, texts: Sequence[str], tokenizer: Tokenizer) -> HighlightTable:
        """The table of `texts` (every paragraph, in paragraph id order)."""
        return cls().extend(texts, tokenizer)

    def extend(self, texts: Iterable[str], tokenizer: Tokenizer) -> HighlightTable:
        """A new table: this one with the paragraphs `texts` appended (an incremental update's new ids)."""
        vocab = dict(self.vocab)  # the serving table is never changed
        forms: dict[str, tuple[int, ...]] = {}  # a word -> its term ids
        ptr, start, end, terms = array("q"), array("l"), array("l"), array("l")
        total = len(self.terms)
        for text in texts:
            for w in dict.fromkeys(WORD.findall(text)):
                ids = forms.get(w)
                if ids is None:
                    ids = forms[w] = tuple(vocab.setdefault(t, len(vocab)) for t in tokenizer(w))
                if ids:
                    i = _first_at(text, w)
                    for t in ids:
                        start.append(i)
                        end.append(i + len(w))
                        terms.append(t)
            ptr.append(total + len(terms))
        out = HighlightTable()
        out.vocab = vocab
        wide = max(end, default=0) >= 2 ** 16 or self.start.dtype != np.uint16
        kind = np.int32 if wide else np.uint16
        out.ptr = np.concatenate([self.ptr, np.asarray(ptr, dtype=np.int64)])
        out.start = np.concatenate([self.start.astype(kind), np.asarray(start, dtype=kind)])
        out.end = np.concatenate([self.end.astype(kind), np.asarray(end, dtype=kind)])
        out.terms = np.concatenate([self.terms, np.asarray(terms, dtype=np.int32)])
        return out

    def words(self, pid: int, text: str, query_terms: Iterable[str]) -> list[str]:
        """The words of paragraph `pid` (`text`) whose terms include one of `query_terms`, as written, each
        once, in the order of the text."""
        ids = [self.vocab[t] for t in query_terms if t in self.vocab]
        if not ids:
            return []
        lo, hi = int(self.ptr[pid]), int(self.ptr[pid + 1])
        hits = np.flatnonzero(np.isin(self.terms[lo:hi], ids)) + lo
        out: list[str] = []
        for a, b in zip(self.start[hits].tolist(), self.end[hits].tolist(), strict=True):
            if text[a:b] not in out:
                out.append(text[a:b])
        return out
