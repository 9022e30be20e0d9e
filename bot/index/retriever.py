"""Exact BM25Okapi retrieval over paragraphs: rank_bm25's scores from a precomputed sparse matrix.

Every (term, paragraph) weight of rank_bm25.BM25Okapi is computed once at build time with the same
float64 expression; a query adds the columns of its terms in query order, so scores are bitwise
equal to `BM25Okapi.get_scores`. The top-k runs in numba (MaxScore: documents that cannot reach the
k best are never scored; see `_top_k`); a numpy full scan answers until the kernel is loaded.

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
_BLOCK = 65536  # documents per building block: bounds the build's temporary arrays
_FORMAT = 1
_kernel = None  # the numba-compiled _top_k once loaded; until then queries use the numpy path
_kernel_lock = threading.Lock()


def _load_kernel():
    """Import numba and compile (or load from cache) the scoring kernel; ~0.4 s, so done in the background."""
    global _kernel
    with _kernel_lock:
        if _kernel is None:
            from numba import njit

            jit = njit(cache=True, nogil=True)
            g = globals()
            for name in ("_slots", "_gallop", "_next_doc", "_insert"):  # compiled before the kernel calling them
                if not hasattr(g[name], "py_func"):
                    g[name] = jit(g[name])
            _kernel = jit(_top_k)
    return _kernel


def _slots(indptr, term_ids, term_max):  # pragma: no cover - compiled by numba
    """The query's distinct terms as slots, weakest bound first: (terms, bound, count, prefix bound,
    query position -> slot, posting cursors, posting ends)."""
    uniq = np.unique(term_ids)
    nu = len(uniq)
    cnt = np.zeros(nu, dtype=np.float64)
    for t in term_ids:
        for s in range(nu):
            if uniq[s] == t:
                cnt[s] += 1.0
    ub = np.empty(nu, dtype=np.float64)
    for s in range(nu):
        ub[s] = term_max[uniq[s]] * cnt[s]
    order = np.argsort(ub, kind="mergesort")
    terms, ub, cnt = uniq[order], ub[order], cnt[order]
    prefix = np.zeros(nu + 1, dtype=np.float64)  # prefix[s]: bound of the slots below s together
    for s in range(nu):
        prefix[s + 1] = prefix[s] + ub[s]
    slot_of = np.empty(len(term_ids), dtype=np.int64)
    for i in range(len(term_ids)):
        for s in range(nu):
            if terms[s] == term_ids[i]:
                slot_of[i] = s
    pos = np.empty(nu, dtype=np.int64)
    end = np.empty(nu, dtype=np.int64)
    for s in range(nu):
        pos[s] = indptr[terms[s]]
        end[s] = indptr[terms[s] + 1]
    return cnt, prefix, slot_of, pos, end


def _gallop(indices, p, e, d):  # pragma: no cover - compiled by numba
    """The first position in [p, e) whose document is >= d (e if none), by galloping from p."""
    if p >= e or indices[p] >= d:
        return p
    lo, step, hi = p, 1, p + 1
    while hi < e and indices[hi] < d:
        lo = hi
        step *= 2
        hi = lo + step
    hi = min(hi, e)
    lo += 1
    while lo < hi:
        mid = (lo + hi) // 2
        if indices[mid] < d:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _next_doc(indices, pos, end, first):  # pragma: no cover - compiled by numba
    """The smallest document under the cursors of the essential slots [first, n), -1 when exhausted."""
    d = -1
    for s in range(first, len(pos)):
        if pos[s] < end[s] and (d < 0 or indices[pos[s]] < d):
            d = indices[pos[s]]
    return d


def _insert(top_d, top_s, m, k, d, sc):  # pragma: no cover - compiled by numba
    """Put (d, sc) among the m best so far (score desc; d comes after every held document); the new m."""
    at = m if m < k else k - 1
    while at > 0 and sc > top_s[at - 1]:
        top_s[at] = top_s[at - 1]
        top_d[at] = top_d[at - 1]
        at -= 1
    top_s[at] = sc
    top_d[at] = d
    return min(m + 1, k)


def _top_k(indptr, indices, data, term_ids, term_max, k):  # pragma: no cover - compiled by numba
    """MaxScore, document at a time: the k best documents without scoring every candidate.

    Slots (distinct terms) are ordered by their largest weight times their count in the query. Once k
    documents are held, the weakest slots whose bounds together cannot beat the k-th score become
    non-essential: only documents of the other slots are visited, and the weak slots' postings are
    searched (galloping) for those documents alone. A visited document's score is added up in query
    order, as a full scan adds it (bitwise rank_bm25's). Documents come in id order, so a later one
    enters only with a strictly higher score: ties stay in paragraph order. Bounds carry a 1e-9 margin
    against rounding."""
    safe = 1.0 + 1e-9
    cnt, prefix, slot_of, pos, end = _slots(indptr, term_ids, term_max)
    w = np.zeros(len(cnt), dtype=np.float64)
    top_d = np.empty(k, dtype=np.int64)
    top_s = np.empty(k, dtype=np.float64)
    m, theta, first = 0, -1.0, 0  # slots [first, n) are essential
    while first < len(cnt):
        d = _next_doc(indices, pos, end, first)
        if d < 0:
            break
        known = 0.0
        for s in range(first, len(cnt)):
            w[s] = 0.0
            if pos[s] < end[s] and indices[pos[s]] == d:
                w[s] = data[pos[s]]
                pos[s] += 1
                known += w[s] * cnt[s]
        skip = False
        for s in range(first - 1, -1, -1):  # non-essential slots, strongest first
            if m == k and (known + prefix[s + 1]) * safe <= theta:
                skip = True
                break
            pos[s] = _gallop(indices, pos[s], end[s], d)
            w[s] = data[pos[s]] if pos[s] < end[s] and indices[pos[s]] == d else 0.0
            known += w[s] * cnt[s]
        if skip:
            continue
        sc = 0.0
        for i in range(len(slot_of)):  # query order: the full scan's sum, bit for bit
            if w[slot_of[i]] != 0.0:
                sc += w[slot_of[i]]
        if m == k and sc <= theta:
            continue
        m = _insert(top_d, top_s, m, k, d, sc)
        if m == k:
            theta = top_s[k - 1]
            while first < len(cnt) and prefix[first + 1] * safe <= theta:
                first += 1
    return top_d[:m], top_s[:m]


def bm25_idf(df: np.ndarray, n_docs: int, epsilon: float) -> np.ndarray:
    """rank_bm25 BM25Okapi._calc_idf, vectorized with the same float64 arithmetic: math.log (not np.log)
    and a left-to-right sum over the terms in vocabulary order, bit-for-bit what rank_bm25 computes."""
    n_terms = len(df)
    distinct, inverse = np.unique(df, return_inverse=True)
    by_df = np.array([math.log(n_docs - f + 0.5) - math.log(f + 0.5) for f in distinct.tolist()])
    idf = by_df[inverse].reshape(-1) if n_terms else np.zeros(0)
    mean_idf = float(np.cumsum(idf)[-1]) / n_terms if n_terms else 0.0
    idf = np.where(idf < 0, epsilon * mean_idf, idf)
    return np.where(idf <= 0, MIN_IDF, idf)


def length_norms(lengths: np.ndarray, avgdl: float, k1: float, b: float) -> np.ndarray:
    """Each document's k1 * (1 - b + b * dl / avgdl), rank_bm25's length normalisation."""
    return k1 * (1 - b + b * lengths / avgdl)


def bm25_weights(idf: np.ndarray, tf: np.ndarray, norm: np.ndarray, k1: float) -> np.ndarray:
    """Each posting's weight from its term's idf, its frequency and its document's `length_norms`: the
    same float64 expression, element by element, for a build and an incremental update."""
    q = tf.astype(np.float64)
    out = q * (k1 + 1)
    q += norm
    out /= q
    out *= idf  # in place, the same operations in the same order: idf * (q * (k1 + 1) / (q + norm))
    return out


class BM25Index:
    """Build from tokenized paragraphs, retrieve top-k with scores, save and load."""

    def __init__(self, vocab: dict[str, int], indptr: np.ndarray, indices: np.ndarray,
                 data: np.ndarray, idf: np.ndarray, n_docs: int, params: dict[str, float],
                 term_max: np.ndarray | None = None, tf: np.ndarray | None = None,
                 lengths: np.ndarray | None = None) -> None:
        self.vocab, self.indptr, self.indices, self.data = vocab, indptr, indices, data
        self.idf, self.n_docs, self.params = idf, n_docs, params
        # each posting's term frequency and each document's length: what an incremental update
        # (bot/index/merge.py) recomputes every weight from, with the statistics of the new corpus
        self.tf, self.lengths = tf, lengths
        # each term's largest weight (the kernel's bound); computed at build, saved beside the postings
        if term_max is None:
            term_max = (np.maximum.reduceat(np.asarray(data), np.asarray(indptr[:-1])) if len(data)
                        else np.zeros(len(vocab), dtype=np.float64))
        self.term_max = term_max
        self._scores = np.zeros(n_docs, dtype=np.float64)  # the numpy path's accumulator
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
        ids = np.fromiter((setdefault(t, len(vocab)) for d in docs for t in d), dtype=np.int64,
                          count=int(lengths.sum()))
        return cls.from_ids(vocab, ids, lengths, k1, b, epsilon)

    @classmethod
    def from_ids(cls, vocab: dict[str, int], ids: np.ndarray, lengths: np.ndarray, k1: float = 1.5,
                 b: float = 0.75, epsilon: float = 0.25) -> BM25Index:
        """`build` from the documents' terms as ids: `ids` every document's term ids one after the other
        (`vocab` numbers the terms in order of first use, as `build` does), `lengths` each document's count."""
        n_docs = len(lengths)
        lengths = np.asarray(lengths, dtype=np.int64)
        offsets = np.zeros(n_docs + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        # pass 1, a block of documents at a time (bounded temporaries): each block's distinct
        # (term, document) pairs, sorted by term then document, with their counts
        blocks: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        for lo in range(0, n_docs, _BLOCK):
            hi = min(n_docs, lo + _BLOCK)
            flat = ids[offsets[lo]:offsets[hi]].astype(np.int64)
            flat *= n_docs
            flat += np.repeat(np.arange(lo, hi, dtype=np.int64), lengths[lo:hi])
            keys, counts = np.unique(flat, return_counts=True)
            del flat
            terms, in_docs = np.divmod(keys, n_docs)
            blocks.append((terms.astype(np.int32), in_docs.astype(np.int32), counts.astype(np.int32)))
        n_terms = len(vocab)
        df = np.zeros(n_terms, dtype=np.int64)
        for terms, _, _ in blocks:
            df += np.bincount(terms, minlength=n_terms)
        indptr = np.zeros(n_terms + 1, dtype=np.int64)
        np.cumsum(df, out=indptr[1:])
        idf = bm25_idf(df, n_docs, epsilon)
        avgdl = lengths.sum() / n_docs if n_docs else 1.0
        # pass 2: each block's pairs go after the earlier blocks' of the same term (documents ascending),
        # with their weights: the same float64 expression, element by element, as over the whole matrix
        indices = np.empty(int(indptr[-1]), dtype=np.int32)
        data = np.empty(int(indptr[-1]), dtype=np.float64)
        tf = np.empty(int(indptr[-1]), dtype=np.int32)
        filled = indptr[:-1].copy()
        norms = length_norms(lengths, avgdl, k1, b)
        while blocks:
            terms, in_docs, counts = blocks.pop(0)
            per_term = np.bincount(terms, minlength=n_terms)
            starts = np.cumsum(per_term) - per_term  # the block's first pair of each term
            at = filled[terms] + (np.arange(len(terms), dtype=np.int64) - starts[terms])
            filled += per_term
            indices[at] = in_docs
            tf[at] = counts
            data[at] = bm25_weights(idf[terms], counts, norms[in_docs], k1)
        return cls(vocab, indptr, indices, data, idf, n_docs,
                   {"k1": k1, "b": b, "epsilon": epsilon, "avgdl": float(avgdl)}, tf=tf, lengths=lengths)

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
                docs, scores = _kernel(self.indptr, self.indices, self.data, ids, self.term_max, int(k))
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
        for name in ("indptr", "indices", "data", "idf", "term_max", "tf", "lengths"):
            if getattr(self, name) is not None:
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
        # plain ndarray views of the mapped files: a memmap's every slice (a term's postings) costs a Python
        # call of its own to make
        arrays = {n: _plain(np.load(folder / f"{n}.npy", mmap_mode=mode)) for n in ("indptr", "indices", "data", "idf")}
        bound = folder / "term_max.npy"
        term_max = np.load(bound) if bound.exists() else None  # small: read whole
        stats = {n: _plain(np.load(folder / f"{n}.npy", mmap_mode=mode)) if (folder / f"{n}.npy").exists() else None
                 for n in ("tf", "lengths")}
        vocab = {t: i for i, t in enumerate(meta["terms"])}
        return cls(vocab, arrays["indptr"], arrays["indices"], arrays["data"], arrays["idf"],
                   meta["n_docs"], meta["params"], term_max, **stats)

    def warm_up(self) -> None:
        """Load the compiled scoring kernel and run it once."""
        _load_kernel()
        if self.n_docs and self.vocab:
            self.top_k([next(iter(self.vocab))], 1)


def _plain(array: np.ndarray) -> np.ndarray:
    """`array` as a plain ndarray (a memmap's view keeps its mapping alive)."""
    return array.view(np.ndarray) if isinstance(array, np.memmap) else array
