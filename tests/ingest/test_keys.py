"""bot.ingest.keys: repeated paragraphs and listing pages found by the hashes of their keys (computed where
each release was cleaned) are the ones the texts themselves give; two texts sharing a hash fall back to
comparing the texts."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from bot.ingest import keys as keys_module
from bot.ingest.corpus import _mark_listings, load_corpus
from bot.ingest.keys import dedupe, dedupe_by_hash, listing_hits, paragraph_keys
from bot.ingest.report import LoadReport
from bot.models import ParagraphTable

# Brooklyn (kings_ny) and Dallas County (dallas_tx) paragraphs, verbatim
BROOKLYN = ("Brooklyn District Attorney Eric Gonzalez today announced that a Brooklyn man has been indicted "
            "for sexually assaulting a teenager while pretending to be a police officer.")
DALLAS = "Dallas County District Attorney’s Office"


def test_hashed_keys_find_what_the_texts_find(sample_dir):
    corpus = load_corpus([sample_dir])
    texts = corpus.paragraphs.texts
    keys = paragraph_keys(texts)
    assert keys.shape == (len(texts), 2) and keys.dtype == np.uint64
    by_hash, by_text = LoadReport(), LoadReport()
    found = dedupe_by_hash(texts, keys[:, 0], by_hash)
    assert found is not None and found[1]  # the sample repeats paragraphs
    assert found == dedupe(corpus.paragraphs, by_text)
    assert by_hash.duplicate_paragraphs == by_text.duplicate_paragraphs > 0
    assert (corpus.index_pids, corpus.copies) == found


def test_listing_pages_by_hash_are_those_by_text(sample_dir):
    corpus = load_corpus([sample_dir])
    table = ParagraphTable()
    for p in corpus.paragraphs:
        table.append(p.release_id, p.number, p.text)
    # an index page printing other releases' headlines, from more than one office (one with a language tag)
    heads = [r.title for r in list(corpus.releases.values())[::9]][:6]
    assert len({r.source for r in list(corpus.releases.values())[::9][:6]}) >= 2
    first = next(iter(corpus.releases.values()))
    releases = dict(corpus.releases)
    releases["listing"] = replace(first, id="listing", title="News")
    for n, text in enumerate([heads[0] + " (English)"] + heads[1:] + ["More news"], start=1):
        table.append("listing", n, text)
    plain, hashed = dict(releases), dict(releases)
    _mark_listings(plain, table)
    _mark_listings(hashed, table, paragraph_keys(table.texts)[:, 1])
    assert hashed == plain and hashed["listing"].listing
    assert sum(r.listing for r in hashed.values()) == sum(r.listing for r in plain.values())


def test_texts_sharing_a_hash_are_compared(sample_dir, monkeypatch):
    expected = load_corpus([sample_dir])
    monkeypatch.setattr(keys_module, "stable_hash", lambda text: 1)  # every key collides
    hashes = np.ones(2, dtype=np.uint64)
    assert dedupe_by_hash([BROOKLYN, DALLAS], hashes, LoadReport()) is None
    assert dedupe_by_hash([BROOKLYN, " ".join(BROOKLYN.split(" "))], hashes, LoadReport()) == ([0], {0: [1]})
    assert listing_hits([("k", BROOKLYN), ("d", DALLAS)], ["k", "d"], [BROOKLYN, DALLAS], hashes) is None
    got = load_corpus([sample_dir])  # falls back to the texts: the same load
    assert (got.index_pids, got.copies) == (expected.index_pids, expected.copies)
    assert got.releases == expected.releases
