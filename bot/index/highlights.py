"""Which words of a paragraph to show in bold for a query, read from token offsets computed at build time:
per paragraph, the first occurrence of each distinct word (a run of letters, digits, apostrophes and
hyphens) that has index terms, with those terms, in numpy columns (no Python object per word). Each distinct
word of the corpus is tokenized once; the rest is array arithmetic."""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Sequence

import numpy as np

from bot.index.tokenizer import Tokenizer

WORD = re.compile(r"[\w’'-]+")  # a word as search shows it in bold


class HighlightTable:
    """Per paragraph id (CSR `ptr`): for each distinct word that has terms, its ordinal among the
    paragraph's distinct WORD runs in the order they first occur (`word`) and the id (in `vocab`) of each of its terms (`terms`;
    the terms the tokenizer gives the word alone), in the order of the text."""

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}
        self.ptr = np.zeros(1, dtype=np.int64)
        self.word = np.zeros(0, dtype=np.uint16)
        self.terms = np.zeros(0, dtype=np.int32)

    @classmethod
    def build(cls, texts: Sequence[str], stem: bool) -> HighlightTable:
        """The table of `texts` (every paragraph, in paragraph id order)."""
        return cls().extend(texts, stem)

    def extend(self, texts: Iterable[str], stem: bool) -> HighlightTable:
        """A new table: this one with the paragraphs `texts` appended (an incremental update's new ids)."""
        form_of: dict[str, int] = {}  # a distinct word -> its number (words are read once, whole arrays after)
        forms, counts = array("q"), array("q")
        for text in texts:
            words = dict.fromkeys(WORD.findall(text))  # each distinct word once, in the order of the text
            for w in set(words).difference(form_of):
                form_of[w] = len(form_of)
            forms.extend(map(form_of.__getitem__, words))
            counts.append(len(words))
        out = HighlightTable()
        out.vocab = vocab = dict(self.vocab)  # the serving table is never changed
        tok = Tokenizer(stem=stem)  # its own word memo: the snapshot's tokenizer serves queries
        form_terms = [[vocab.setdefault(t, len(vocab)) for t in tok.document(w)] for w in form_of]  # take-down: takedown too
        word, pid, terms = _first_words(np.frombuffer(forms, dtype=np.int64), np.frombuffer(counts, dtype=np.int64),
                                        form_terms)
        kind = np.uint16 if (not len(word) or int(word.max()) < 2 ** 16) and self.word.dtype == np.uint16 else np.int32
        n = len(counts)
        ptr = np.searchsorted(pid, np.arange(1, n + 1), side="left") if n else np.zeros(0, dtype=np.int64)
        out.ptr = np.concatenate([self.ptr, ptr.astype(np.int64) + len(self.terms)])
        out.word = np.concatenate([self.word.astype(kind), word.astype(kind)])
        out.terms = np.concatenate([self.terms, terms.astype(np.int32)])
        return out

    @classmethod
    def concat(cls, parts: Sequence[HighlightTable]) -> HighlightTable:
        """One table of `parts` (built apart, each with its own vocabulary), paragraphs in their order."""
        out = cls()
        vocab: dict[str, int] = {}
        ptrs, words, terms = [out.ptr], [out.word], [out.terms]
        for part in parts:
            remap = np.asarray([vocab.setdefault(t, len(vocab)) for t in part.vocab], dtype=np.int32)
            ptrs.append(part.ptr[1:] + sum(len(t) for t in terms))
            words.append(part.word)
            terms.append(remap[part.terms] if len(part.terms) else part.terms)
        kind = np.uint16 if all(w.dtype == np.uint16 for w in words) else np.int32
        out.vocab, out.ptr = vocab, np.concatenate(ptrs)
        out.word, out.terms = np.concatenate([w.astype(kind) for w in words]), np.concatenate(terms)
        return out

    def words(self, pid: int, text: str, query_terms: Iterable[str]) -> list[str]:
        """The words of paragraph `pid` (`text`) whose terms include one of `query_terms`, as written, each
        once, in the order of the text."""
        ids = [self.vocab[t] for t in query_terms if t in self.vocab]
        if not ids:
            return []
        lo, hi = int(self.ptr[pid]), int(self.ptr[pid + 1])
        wanted = set(ids)
        hits = [i for i, t in zip(self.word[lo:hi].tolist(), self.terms[lo:hi].tolist(), strict=True) if t in wanted]
        if not hits:
            return []
        words = list(dict.fromkeys(WORD.findall(text)))
        return [words[i] for i in dict.fromkeys(hits)]


def build_parts(stem: bool, chunks: list[list[str]]) -> list[HighlightTable]:
    """A table per chunk of paragraph texts (a build worker's task: module-level, picklable with `stem`
    bound); `HighlightTable.concat` joins them."""
    return [HighlightTable.build(texts, stem) for texts in chunks]


def _first_words(forms: np.ndarray, counts: np.ndarray, form_terms: list[list[int]]
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For every paragraph's distinct words (`forms`: each word's number, paragraph after paragraph, `counts`
    per paragraph), one row per term of each word that has terms: (the word's ordinal among its paragraph's
    distinct words, the paragraph's index, the term id), in paragraph then text order."""
    starts = np.repeat(np.cumsum(counts) - counts, counts)
    para = np.repeat(np.arange(len(counts), dtype=np.int64), counts)
    n_terms = np.asarray([len(t) for t in form_terms], dtype=np.int64)
    flat = np.asarray([t for ts in form_terms for t in ts], dtype=np.int64)
    term_ptr = np.cumsum(n_terms) - n_terms
    reps = n_terms[forms]
    rows = np.repeat(np.arange(len(forms), dtype=np.int64), reps)
    within = np.arange(len(rows), dtype=np.int64) - np.repeat(np.cumsum(reps) - reps, reps)
    terms = flat[term_ptr[forms[rows]] + within] if len(rows) else np.zeros(0, dtype=np.int64)
    return rows - starts[rows], para[rows], terms
