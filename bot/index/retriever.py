"""Exact BM25Okapi retrieval over paragraphs: rank_bm25's scores from a precomputed sparse matrix.

Every (term, paragraph) weight of rank_bm25.BM25Okapi is computed once at build time with the same
float64 expression; a query adds the columns of its terms in query order, so scores are bitwise
equal to `BM25Okapi.get_scores`. The posting-list loop and the top-k selection run in numba.

Deviation from rank_bm25, only on degenerate corpora: where BM25Okapi would give a term an idf
<= 0 (a term in at least half of a tiny corpus, whose mean idf is negative), we use MIN_IDF so a
paragraph that matches always scores above one that does not.
"""

from __future__ import annotations

import json
import math
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import numpy as np

MIN_IDF = 1e-6
_FORMAT = 1
_kernel = None  # the numba-compiled _top_k once loaded; until then queries use the numpy path
_kernel_lock = threading.Lock()


def _load_kernel():
    """Import numba and compile (or load from cache) the scoring kernel; ~0.4 s, so done in the background."""
    global _kernel
    with _kernel_lock:
        if _kernel is None:
            from numba import njit

            _kernel = njit(cache=True, nogil=True)(_top_k)
    return _kernel


def _top_k(indptr, indices, data, term_ids, scores, touched, k):  # pragma: no cover - compiled by numba
    n = 0
    for t in term_ids:
        for j in range(indptr[t], indptr[t + 1]):
            d = indices[j]
            if scores[d] == 0.0:
                touched[n] = d
                n += 1
            scores[d] += data[j]
    top_d = np.empty(k, dtype=np.int64)
    top_s = np.empty(k, dtype=np.float64)
    m = 0
    for i in range(n):
        d = touched[i]
        s = scores[d]
        scores[d] = 0.0
        if m == k:
            # worse than the current k-th (score desc, then paragraph order)?
            if s < top_s[m - 1] or (s == top_s[m - 1] and d > top_d[m - 1]):
                continue
            pos = m - 1
        else:
            pos = m
            m += 1
        while pos > 0 and (s > top_s[pos - 1] or (s == top_s[pos - 1] and d < top_d[pos - 1])):
            top_s[pos] = top_s[pos - 1]
            top_d[pos] = top_d[pos - 1]
            pos -= 1
        top_s[pos] = s
        top_d[pos] = d
    return top_d[:m], top_s[:m]


class BM25Index:
    """Build from tokenized paragraphs, retrieve top-k with scores, save and load."""

    def __init__(self, vocab: dict[str, int], indptr: np.ndarray, indices: np.ndarray,
                 data: np.ndarray, idf: np.ndarray, n_docs: int, params: dict[str, float]) -> None:
        self.vocab, self.indptr, self.indices, self.data = vocab, indptr, indices, data
        self.idf, self.n_docs, self.params = idf, n_docs, params
        self._scores = np.zeros(n_docs, dtype=np.float64)
        self._touched = np.zeros(n_docs, dtype=np.int64)
        self._max_idf = float(idf.max()) if len(idf) else 0.0
        self._lock = threading.Lock()  # the score buffers are shared: one query at a time

    # -- building -------------------------------------------------------------------------------
    @classmethod
    def build(cls, docs: Sequence[Sequence[str]], k1: float = 1.5, b: float = 0.75,
              epsilon: float = 0.25) -> BM25Index:
        """Index tokenized documents exactly as rank_bm25.BM25Okapi(docs, k1, b, epsilon) would."""
        vocab: dict[str, int] = {}
        setdefault = vocab.setdefault
        lengths = np.fromiter((len(d) for d in docs), dtype=np.int64, count=len(docs))
        flat = np.fromiter((setdefault(t, len(vocab)) for d in docs for t in d), dtype=np.int64,
                           count=int(lengths.sum()))
        n_docs, n_terms = len(docs), len(vocab)
        doc_of = np.repeat(np.arange(n_docs, dtype=np.int64), lengths)
        keys, tf = np.unique(flat * n_docs + doc_of, return_counts=True)
        term_of, indices = np.divmod(keys, n_docs)
        df = np.bincount(term_of, minlength=n_terms)
        indptr = np.zeros(n_terms + 1, dtype=np.int64)
        np.cumsum(df, out=indptr[1:])
        # rank_bm25 BM25Okapi._calc_idf, vectorized with the same float64 arithmetic
        # math.log (not np.log) and a left-to-right sum: bit-for-bit what rank_bm25 computes
        distinct, inverse = np.unique(df, return_inverse=True)
        by_df = np.array([math.log(n_docs - f + 0.5) - math.log(f + 0.5) for f in distinct.tolist()])
        idf = by_df[inverse] if n_terms else np.zeros(0)
        mean_idf = float(np.cumsum(idf)[-1]) / n_terms if n_terms else 0.0
        idf = np.where(idf < 0, epsilon * mean_idf, idf)
        idf = np.where(idf <= 0, MIN_IDF, idf)
        avgdl = lengths.sum() / n_docs if n_docs else 1.0
        dl = lengths[indices]
        q = tf.astype(np.float64)
        data = idf[term_of] * (q * (k1 + 1) / (q + k1 * (1 - b + b * dl / avgdl)))
        return cls(vocab, indptr, indices.astype(np.int32), data, idf, n_docs,
                   {"k1": k1, "b": b, "epsilon": epsilon, "avgdl": float(avgdl)})

    # -- querying -------------------------------------------------------------------------------
    def term_ids(self, tokens: Sequence[str]) -> np.ndarray:
        ids = [self.vocab[t] for t in tokens if t in self.vocab]
        return np.asarray(ids, dtype=np.int64)

    def postings(self, term: str) -> np.ndarray:
        """The ids of the documents containing `term`, ascending (empty for an unknown term)."""
        t = self.vocab.get(term)
        if t is None:
            return np.zeros(0, dtype=self.indices.dtype)
        return self.indices[self.indptr[t]:self.indptr[t + 1]]

    def top_k(self, tokens: Sequence[str], k: int = 10) -> list[tuple[int, float]]:
        """The k best paragraphs (id, score), best first; ties in paragraph order; only matching ones."""
        ids = self.term_ids(tokens)
        if len(ids) == 0 or k <= 0 or self.n_docs == 0:
            return []
        with self._lock:
            if _kernel is not None:
                docs, scores = _kernel(self.indptr, self.indices, self.data, ids, self._scores, self._touched, int(k))
            else:
                docs, scores = self._top_k_numpy(ids, int(k))
        return list(zip(docs.tolist(), scores.tolist(), strict=True))

    def _top_k_numpy(self, ids: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The same scores as the kernel (terms added in query order), vectorized with numpy."""
        acc, parts = self._scores, []
        for t in ids.tolist():
            lo, hi = int(self.indptr[t]), int(self.indptr[t + 1])
            rows = np.asarray(self.indices[lo:hi])
            acc[rows] += self.data[lo:hi]  # rows are distinct within one term
            parts.append(rows)
        touched = np.unique(np.concatenate(parts))
        got = acc[touched]
        acc[touched] = 0.0
        order = np.lexsort((touched, -got))[:k]
        return touched[order].astype(np.int64), got[order]

    def query_weight(self, tokens: Sequence[str]) -> float:
        """Sum of idfs of the query's tokens (an unknown token counts as the rarest term)."""
        return float(sum(self.idf[self.vocab[t]] if t in self.vocab else self._max_idf for t in tokens))

    # -- persistence ----------------------------------------------------------------------------
    def save(self, folder: str | Path) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        for name in ("indptr", "indices", "data", "idf"):
            np.save(folder / f"{name}.npy", getattr(self, name))
        terms = sorted(self.vocab, key=self.vocab.__getitem__)
        meta = {"format": _FORMAT, "n_docs": self.n_docs, "params": self.params, "terms": terms}
        tmp = folder / "meta.json.tmp"
        tmp.write_text(json.dumps(meta), encoding="utf-8")
        os.replace(tmp, folder / "meta.json")

    @classmethod
    def load(cls, folder: str | Path, mmap: bool = True) -> BM25Index:
        folder = Path(folder)
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        if meta.get("format") != _FORMAT:
            raise ValueError(f"{folder}: index format {meta.get('format')} is not {_FORMAT}")
        mode: Literal["r"] | None = "r" if mmap else None
        arrays = {n: np.load(folder / f"{n}.npy", mmap_mode=mode) for n in ("indptr", "indices", "data", "idf")}
        vocab = {t: i for i, t in enumerate(meta["terms"])}
        return cls(vocab, arrays["indptr"], arrays["indices"], arrays["data"], arrays["idf"],
                   meta["n_docs"], meta["params"])

    def warm_up(self, background: bool = False) -> None:
        """Load the compiled scoring kernel (in a thread when `background`); queries meanwhile use numpy."""
        if background:
            threading.Thread(target=self.warm_up, name="bm25-kernel", daemon=True).start()
            return
        _load_kernel()
        if self.n_docs and self.vocab:
            self.top_k([next(iter(self.vocab))], 1)
