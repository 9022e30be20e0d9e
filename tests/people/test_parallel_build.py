"""A snapshot built on two processes (files cleaned and releases read on the pool) is the one built on
one: people, titles, quotes, BM25 rankings."""

from __future__ import annotations

import numpy as np

from bot import release_tables
from bot import snapshot as snapshot_module
from bot.config import load_config
from bot.extract import place_table
from bot.ingest import corpus as corpus_module
from bot.people import build as build_module
from bot.snapshot import build_snapshot
from tests.helpers import write_config
from tests.incremental.compare import answer_tables_view

QUERIES = ["district attorney", "sentenced prison murder", "grand jury indictment", "restitution victims",
           "human trafficking", "police officer shooting"]


def _snap(folder, sample_dir, workers: int):
    folder.mkdir()
    cfg = load_config(write_config(folder, [sample_dir], f"index:\n  workers: {workers}\n"))
    return build_snapshot(cfg, fp="test")


def test_two_workers_build_the_serial_snapshot(sample_dir, tmp_path, monkeypatch):
    serial = _snap(tmp_path / "serial", sample_dir, 1)
    # many small tasks on both pools, finishing out of order
    monkeypatch.setattr(corpus_module, "_MIN_PARALLEL", 0)
    monkeypatch.setattr(corpus_module, "_CHUNK", 7)
    monkeypatch.setattr(build_module, "_MIN_PARALLEL", 0)
    monkeypatch.setattr(build_module, "_CHUNK", 3)
    monkeypatch.setattr(place_table, "_MIN_PARALLEL", 0)
    monkeypatch.setattr(place_table, "_CHUNK", 5)
    monkeypatch.setattr(snapshot_module, "_TOKEN_MIN_PARALLEL", 0)
    monkeypatch.setattr(snapshot_module, "_TOKEN_CHUNK", 37)
    monkeypatch.setattr(snapshot_module, "_HIGHLIGHT_CHUNK", 60)
    monkeypatch.setattr(release_tables, "_MIN_PARALLEL", 0)
    monkeypatch.setattr(release_tables, "_CHUNK", 4)
    parallel = _snap(tmp_path / "parallel", sample_dir, 2)

    assert len(serial.corpus.releases) > 40 and len(serial.entities.people) > 50
    assert parallel.corpus.paragraphs.texts == serial.corpus.paragraphs.texts
    assert parallel.entities.people == serial.entities.people  # names, titles, title pids, mentions, releases
    assert parallel.entities.quotes_by_person == serial.entities.quotes_by_person
    assert dict(parallel.entities.by_last) == dict(serial.entities.by_last)
    assert parallel.release_ids == serial.release_ids
    for a, b in ((parallel.index, serial.index), (parallel.release_index, serial.release_index)):
        assert a.vocab == b.vocab
        for name in ("indptr", "indices", "data", "idf"):
            assert np.array_equal(getattr(a, name), getattr(b, name))
    for q in QUERIES:
        assert parallel.search(q, 20) == serial.search(q, 20)
        assert parallel.release_index.top_k(parallel.tokenizer(q), 10) == \
            serial.release_index.top_k(serial.tokenizer(q), 10)
    assert parallel.person_words == serial.person_words
    assert parallel.source_states == serial.source_states and parallel.home_cities == serial.home_cities
    assert parallel.places == serial.places and len(serial.places) == len(serial.corpus.releases)
    # the precomputed answers: highlight offsets joined from the workers' parts (term ids renumbered)
    assert answer_tables_view(parallel) == answer_tables_view(serial)
    assert len(parallel.highlights.vocab) == len(serial.highlights.vocab)
    assert list(parallel.word_counts.items()) == list(serial.word_counts.items())
    assert parallel.release_rows == serial.release_rows and list(parallel.release_rows["states"]) == \
        list(serial.corpus.releases)
