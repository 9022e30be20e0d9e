"""The retriever ranks exactly like rank_bm25.BM25Okapi (the reference), and survives tiny corpora."""

from __future__ import annotations

import random

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from bot.index.retriever import BM25Index
from bot.index.tokenizer import Tokenizer
from bot.ingest.corpus import load_corpus


def reference_top(ref: BM25Okapi, query: list[str], k: int) -> tuple[list[int], np.ndarray]:
    scores = ref.get_scores(query)
    order = sorted(range(len(scores)), key=lambda d: (-scores[d], d))
    return [d for d in order[:k] if scores[d] > 0], scores


@pytest.fixture(scope="module")
def real_docs(sample_dir):
    corpus = load_corpus([sample_dir])
    tok = Tokenizer(stem=True)
    return [tok(corpus.paragraphs[pid].text) for pid in corpus.index_pids]


@pytest.fixture(scope="module")
def synthetic_docs() -> list[list[str]]:
    """2,000 documents of Zipf-distributed words: the same check without ../shared (never skipped)."""
    rng = np.random.default_rng(11)
    vocab = [f"w{i}" for i in range(3000)]
    return [[vocab[min(int(r), len(vocab)) - 1] for r in rng.zipf(1.3, size=int(rng.integers(3, 60)))]
            for _ in range(2000)]


def _queries(docs: list[list[str]], n: int, seed: int = 7) -> list[list[str]]:
    rng = random.Random(seed)
    out = []
    while len(out) < n:
        d = rng.choice(docs)
        if len(d) >= 3:
            i = rng.randrange(len(d) - 1)
            out.append(d[i:i + rng.randint(1, 4)])
    return out


@pytest.mark.parametrize("corpus", ["real_docs", "synthetic_docs"])
def test_rankings_and_scores_equal_rank_bm25(corpus, request):
    docs = request.getfixturevalue(corpus)
    assert len(docs) > 500
    ref = BM25Okapi(docs)
    idx = BM25Index.build(docs)
    queries = _queries(docs, 150)
    idx.warm_up()  # the numba kernel
    for q in queries:
        expected, scores = reference_top(ref, q, 10)
        got = idx.top_k(q, 10)
        assert [d for d, _ in got] == expected, q
        assert [s for _, s in got] == [scores[d] for d in expected], q  # bitwise equal
        docs, sc = idx._top_k_numpy(idx.term_ids(q), 10)  # the path used before the kernel is loaded
        assert list(zip(docs.tolist(), sc.tolist(), strict=True)) == got, q


def test_saved_index_answers_the_same(tmp_path, real_docs):
    idx = BM25Index.build(real_docs)
    idx.save(tmp_path / "bm25")
    loaded = BM25Index.load(tmp_path / "bm25")
    for q in _queries(real_docs, 30, seed=3):
        assert loaded.top_k(q, 10) == idx.top_k(q, 10)


@pytest.mark.parametrize("docs", [
    [["garrison", "attorney"]],
    [["garrison"], ["barr"]],
    [["kansas", "city"], ["kansas", "missouri"], ["springfield"]],
    [["crime", "kansas"], ["crime"], ["crime", "barr"]],  # a term present in every paragraph
])
def test_degenerate_corpora_rank_matching_paragraphs_first(docs):
    idx = BM25Index.build(docs)
    vocab = {t for d in docs for t in d}
    for term in vocab:
        hits = idx.top_k([term], 10)
        matching = {i for i, d in enumerate(docs) if term in d}
        assert {d for d, _ in hits} == matching, term
        assert all(s > 0 for _, s in hits)
    assert idx.top_k(["absent"], 10) == []


def test_tokenizer_folds_names_and_accents():
    tok = Tokenizer(stem=True)
    assert tok("O’Neill") == tok("O'Neill") == tok("ONeill")
    assert tok("D’Antoni") == tok("dantoni")
    assert tok("Luján") == tok("lujan")
    assert tok("the 96 th Street") == tok("96th street")
    assert "the" not in Tokenizer(stem=False)("the attorney")


def test_pruned_top_k_equals_the_full_scan():
    """The kernel skips documents that cannot reach the k best (MaxScore): on common-word queries, repeated
    terms, ties (replicated documents) and every k, it returns exactly the full scan's ranking and scores."""
    rng = np.random.default_rng(5)
    vocab = [f"w{i}" for i in range(400)]
    base = [[vocab[min(int(r), len(vocab)) - 1] for r in rng.zipf(1.2, size=int(rng.integers(2, 40)))]
            for _ in range(1500)]
    docs = base * 3  # exact ties: the same paragraph three times
    idx = BM25Index.build(docs)
    idx.warm_up()
    pyrng = random.Random(9)
    common = [f"w{i}" for i in range(1, 8)]
    queries = _queries(docs, 200, seed=13) + [pyrng.sample(common, pyrng.randint(1, 4)) for _ in range(100)]
    queries += [["w1", "w1"], ["w2", "w1", "w2"], ["w1", "w399", "w1"]]
    for q in queries:
        ids = idx.term_ids(q)
        for k in (1, 3, 10, 50):
            want = idx._top_k_numpy(ids, k)
            got = idx.top_k(q, k)
            assert got == list(zip(want[0].tolist(), want[1].tolist(), strict=True)), (q, k)


def test_block_by_block_build_is_the_whole_build(synthetic_docs, monkeypatch):
    """The build works a block of documents at a time (bounded memory): any block size, same arrays."""
    from bot.index import retriever

    whole = BM25Index.build(synthetic_docs)
    monkeypatch.setattr(retriever, "_BLOCK", 7)
    blocks = BM25Index.build(synthetic_docs)
    assert blocks.vocab == whole.vocab and blocks.params == whole.params
    for name in ("indptr", "indices", "data", "idf", "term_max"):
        a, b = getattr(blocks, name), getattr(whole, name)
        assert a.dtype == b.dtype and np.array_equal(a, b), name
