"""The build's steps as the pool runs them equal the plain functions: the indexes, made from term ids that
workers send back per chunk (bot.index.tokenizer.term_ids_of), equal `BM25Index.build` over the tokenizer's
terms (the paragraph index over each distinct paragraph, the release index over each release's paragraphs,
copies included, in order); the release rows computed on the pool equal `release_rows`; the word counts
added up from chunks equal `lower_word_counts` over the corpus, words in the same order."""

from __future__ import annotations

import numpy as np

from bot.config import load_config
from bot.index.retriever import BM25Index
from bot.index.tokenizer import Tokenizer, merge_term_ids, term_ids_of
from bot.people.merge import lower_word_counts
from bot.release_tables import release_rows, release_spans
from bot.snapshot import build_snapshot
from tests.helpers import write_config


def _same(a: BM25Index, b: BM25Index) -> None:
    assert a.vocab == b.vocab and list(a.vocab) == list(b.vocab)  # same terms, same ids, same order
    for name in ("indptr", "indices", "data", "idf", "tf", "lengths", "term_max"):
        assert np.array_equal(getattr(a, name), getattr(b, name)), name
    assert a.params == b.params and a.n_docs == b.n_docs


def test_chunked_term_ids_are_the_terms_numbered_in_order_of_first_use():
    # Brooklyn (kings_ny) and Dallas County (dallas_tx) sentences, cut into chunks of two
    texts = ["Brooklyn District Attorney Eric Gonzalez announced the indictment.",
             "The defendant was arraigned in Brooklyn Supreme Court.",
             "Dallas County District Attorney John Creuzot said the defendant was sentenced.",
             "", "The jury deliberated for two hours before the verdict."]
    tok = Tokenizer()
    parts = term_ids_of(True, [texts[:2], texts[2:4], texts[4:]])
    vocab, ids, lengths = merge_term_ids(parts)
    terms = [tok.document(t) for t in texts]
    assert lengths.tolist() == [len(t) for t in terms] and lengths[3] == 0
    names = list(vocab)
    assert [names[i] for i in ids.tolist()] == [w for t in terms for w in t]
    _same(BM25Index.from_ids(vocab, ids, lengths), BM25Index.build(terms))


def test_snapshot_indexes_equal_the_indexes_built_from_terms(sample_dir, tmp_path):
    cfg = load_config(write_config(tmp_path, [sample_dir], "index:\n  workers: 1\n"))
    snap = build_snapshot(cfg, fp="test")
    corpus, tok = snap.corpus, snap.tokenizer
    assert corpus.copies  # the sample repeats paragraphs: the release index must count them again
    _same(snap.index, BM25Index.build([tok.document(corpus.paragraphs.texts[p]) for p in corpus.index_pids]))
    docs: dict[str, list[str]] = {rid: [] for rid in snap.release_ids}
    for p in corpus.paragraphs:
        docs[p.release_id].extend(tok.document(p.text))
    _same(snap.release_index, BM25Index.build([docs[r] for r in snap.release_ids]))
    spans = release_spans(corpus.paragraphs.release_ids)
    assert snap.release_rows == release_rows(corpus.releases, lambda rid: corpus.paragraphs[slice(*spans[rid])],
                                             corpus.releases)
    words = lower_word_counts(corpus.paragraphs.texts)
    assert snap.word_counts == words and list(snap.word_counts) == list(words)
