"""An incremental update of a BM25 index: rows dropped, documents appended, every statistic recomputed.

The index keeps each posting's term frequency and each document's length (`BM25Index.tf`, `.lengths`), so
postings are merged with numpy and every weight is recomputed from the new corpus's document count, average
length and document frequencies, by the same expressions as a build (`bm25_idf`, `bm25_weights`): a row's
weights equal those of a full build over the same documents. The one thing that depends on document order,
the mean idf that rank_bm25 gives terms in over half the documents, sums the terms in this index's own
vocabulary order (old terms, then new ones), not in the order a fresh build would meet them: for such terms
only, weights may differ from a fresh build's in the last bits.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from bot.index.retriever import BM25Index, bm25_idf, bm25_weights, length_norms


def _new_pairs(docs: Sequence[Sequence[str]], vocab: dict[str, int]
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The appended documents' distinct (term, document, count), sorted by term then document, with their
    lengths; unseen terms are added to `vocab`."""
    setdefault = vocab.setdefault
    n = len(docs)
    lengths = np.fromiter((len(d) for d in docs), dtype=np.int64, count=n)
    flat = np.fromiter((setdefault(t, len(vocab)) for d in docs for t in d), dtype=np.int64,
                       count=int(lengths.sum()))
    flat = flat * max(n, 1) + np.repeat(np.arange(n, dtype=np.int64), lengths)
    keys, counts = np.unique(flat, return_counts=True)
    terms, in_docs = np.divmod(keys, max(n, 1))
    return terms, in_docs, counts.astype(np.int32), lengths


def updated(index: BM25Index, keep: np.ndarray, docs: Sequence[Sequence[str]],
            positions: np.ndarray | None = None) -> BM25Index:
    """A new index over the rows of `index` where `keep` is true (in order), and `docs` at rows `positions`
    of the new index (ascending; default: appended after the kept rows). `index` is not changed (queries
    may be running on it)."""
    if index.tf is None or index.lengths is None:
        raise ValueError("the index holds no term frequencies (saved by an older version): rebuild it")
    p = index.params
    k1, b, epsilon = float(p["k1"]), float(p["b"]), float(p["epsilon"])
    keep = np.asarray(keep, dtype=bool)
    n_kept = int(keep.sum())
    if positions is not None and len(positions) and int(positions[0]) < n_kept:
        return _interleaved(index, keep, docs, np.asarray(positions, dtype=np.int64))
    indices, tfs, df_old = _kept_postings(index, keep)
    vocab = dict(index.vocab)
    new_terms, new_docs, new_tf, new_lengths = _new_pairs(docs, vocab)
    lengths = np.concatenate([np.asarray(index.lengths)[keep], new_lengths]) if n_kept < len(keep) else \
        np.concatenate([np.asarray(index.lengths), new_lengths])
    n_docs = len(lengths)
    if n_docs == 0:
        return BM25Index.build([], k1, b, epsilon)
    n_terms = len(vocab)
    df_old = np.concatenate([df_old, np.zeros(n_terms - len(df_old), dtype=np.int64)])
    # each appended posting goes after its term's old ones (its row is above every old row)
    ends = np.cumsum(df_old)
    indices = np.insert(indices, ends[new_terms], (n_kept + new_docs).astype(np.int32))
    tfs = np.insert(tfs, ends[new_terms], new_tf)
    df = df_old + np.bincount(new_terms, minlength=n_terms)
    live = df > 0
    compact = np.cumsum(live, dtype=np.int64) - 1  # old term id -> id among the terms still present
    df_live = df[live]
    indptr = np.zeros(len(df_live) + 1, dtype=np.int64)
    np.cumsum(df_live, out=indptr[1:])
    idf = bm25_idf(df_live, n_docs, epsilon)
    avgdl = lengths.sum() / n_docs
    data = bm25_weights(np.repeat(idf, df_live), tfs, length_norms(lengths, avgdl, k1, b)[indices], k1)
    names = sorted(vocab, key=vocab.__getitem__)
    new_vocab = {t: int(compact[i]) for i, t in enumerate(names) if live[i]}
    return BM25Index(new_vocab, indptr, indices, data, idf, n_docs,
                     {"k1": k1, "b": b, "epsilon": epsilon, "avgdl": float(avgdl)}, tf=tfs, lengths=lengths)


def _kept_postings(index: BM25Index, keep: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The postings of the kept rows, renumbered: (rows, term frequencies, per-term counts)."""
    assert index.tf is not None
    indptr, rows, tf = np.asarray(index.indptr), np.asarray(index.indices), np.asarray(index.tf)
    counts = np.diff(indptr)
    if keep.all():
        return rows.copy(), tf.copy(), counts
    alive = keep[rows]
    gone = np.flatnonzero(~alive)  # few: the dropped rows' postings
    counts = counts - np.bincount(np.searchsorted(indptr, gone, side="right") - 1, minlength=len(counts))
    renumber = (np.cumsum(keep, dtype=np.int64) - 1).astype(np.int32)
    return renumber[rows[alive]], tf[alive], counts


def _interleaved(index: BM25Index, keep: np.ndarray, docs: Sequence[Sequence[str]], positions: np.ndarray
                 ) -> BM25Index:
    """`updated` where some new documents go between kept rows: appended, then the rows renumbered and each
    term's postings sorted again by row."""
    assert index.tf is not None
    appended = updated(index, keep, docs)
    n = appended.n_docs
    n_kept = n - len(docs)
    final = np.empty(n, dtype=np.int64)  # appended row -> row in the new order
    final[n_kept:] = positions
    final[:n_kept] = np.setdiff1d(np.arange(n, dtype=np.int64), positions, assume_unique=True)
    assert appended.tf is not None and appended.lengths is not None
    terms = np.repeat(np.arange(len(appended.vocab), dtype=np.int64), np.diff(appended.indptr))
    rows = final[appended.indices]
    order = np.argsort(terms * n + rows, kind="stable")
    lengths = np.empty(n, dtype=np.int64)
    lengths[final] = appended.lengths
    return BM25Index(appended.vocab, appended.indptr, rows[order].astype(np.int32), appended.data[order],
                     appended.idf, n, appended.params, tf=appended.tf[order], lengths=lengths)
