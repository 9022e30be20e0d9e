"""bot/index/merge.py: an index updated in place of a rebuild (rows dropped, documents appended or put
between rows) holds the rebuild's postings, term frequencies and lengths, and ranks as it does."""

from __future__ import annotations

import numpy as np
import pytest

from bot.index.merge import updated
from bot.index.retriever import BM25Index
from tests.index.test_retriever import _queries


@pytest.fixture(scope="module")
def docs() -> list[list[str]]:
    """2,000 documents of Zipf-distributed words (a few words in most documents: negative idfs too)."""
    rng = np.random.default_rng(5)
    vocab = [f"w{i}" for i in range(3000)]
    return [[vocab[min(int(r), len(vocab)) - 1] for r in rng.zipf(1.2, size=int(rng.integers(3, 60)))]
            for _ in range(2000)]


def assert_same_index(got: BM25Index, want: BM25Index) -> None:
    assert got.n_docs == want.n_docs and set(got.vocab) == set(want.vocab)
    assert np.array_equal(got.lengths, want.lengths) and got.params == want.params
    n = want.n_docs
    for term, i in want.vocab.items():
        j = got.vocab[term]
        a, b = slice(want.indptr[i], want.indptr[i + 1]), slice(got.indptr[j], got.indptr[j + 1])
        assert np.array_equal(got.indices[b], want.indices[a]) and np.array_equal(got.tf[b], want.tf[a])
        df = want.indptr[i + 1] - want.indptr[i]
        if df * 2 < n:  # the idf depends on this term's df alone: bit for bit the rebuild's
            assert np.array_equal(got.data[b], want.data[a]), term
        else:  # rank_bm25's floor for terms in half the documents: a mean summed in another term order
            assert np.allclose(got.data[b], want.data[a], rtol=1e-12, atol=0), term


def assert_same_ranking(got: BM25Index, want: BM25Index, docs: list[list[str]]) -> None:
    for q in _queries(docs, 100):
        a, b = got.top_k(q, 10), want.top_k(q, 10)
        assert [d for d, _ in a] == [d for d, _ in b], q
        assert np.allclose([s for _, s in a], [s for _, s in b], rtol=1e-12, atol=0), q


def test_dropping_and_appending_equals_a_rebuild(docs):
    rng = np.random.default_rng(1)
    base = BM25Index.build(docs[:1600])
    keep = rng.random(1600) > 0.15
    kept = [d for d, k in zip(docs[:1600], keep, strict=True) if k]
    got = updated(base, keep, docs[1600:])
    want = BM25Index.build(kept + docs[1600:])
    assert_same_index(got, want)
    assert_same_ranking(got, want, docs)
    assert base.n_docs == 1600 and len(base.vocab) == len(BM25Index.build(docs[:1600]).vocab)  # unchanged


def test_documents_put_between_rows_equal_a_rebuild(docs):
    rng = np.random.default_rng(2)
    base = BM25Index.build(docs[:1800])
    keep = rng.random(1800) > 0.05
    kept = [d for d, k in zip(docs[:1800], keep, strict=True) if k]
    new = docs[1800:1900]
    n = len(kept) + len(new)
    positions = np.sort(rng.choice(n, len(new), replace=False))
    rows: list[list[str] | None] = [None] * n
    for at, d in zip(positions.tolist(), new, strict=True):
        rows[at] = d
    rest = iter(kept)
    order = [d if d is not None else next(rest) for d in rows]
    got = updated(base, keep, new, positions)
    want = BM25Index.build(order)
    assert_same_index(got, want)
    assert_same_ranking(got, want, docs)


def test_terms_no_document_holds_any_more_leave_the_vocabulary():
    base = BM25Index.build([["alpha", "beta"], ["beta", "gamma"], ["delta"]])
    got = updated(base, np.array([True, False, True]), [["epsilon", "beta"]])
    assert set(got.vocab) == {"alpha", "beta", "delta", "epsilon"}
    assert_same_index(got, BM25Index.build([["alpha", "beta"], ["delta"], ["epsilon", "beta"]]))
    empty = updated(base, np.zeros(3, dtype=bool), [])
    assert empty.n_docs == 0 and empty.top_k(["beta"], 5) == []


def test_saved_index_keeps_what_an_update_needs(tmp_path, docs):
    base = BM25Index.build(docs[:500])
    base.save(tmp_path / "bm25")
    loaded = BM25Index.load(tmp_path / "bm25")
    assert np.array_equal(loaded.tf, base.tf) and np.array_equal(loaded.lengths, base.lengths)
    keep = np.ones(500, dtype=bool)
    assert_same_index(updated(loaded, keep, docs[500:600]), BM25Index.build(docs[:600]))
