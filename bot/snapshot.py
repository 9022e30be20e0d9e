"""A snapshot: corpus + BM25 index + people index, built together, saved and loaded whole."""

from __future__ import annotations

import logging
import pickle
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from bot import cache
from bot.config import Config
from bot.extract.place_context import person_words, release_states
from bot.extract.place_table import ParagraphPlaces, start_place_tables
from bot.fingerprint import corpus_key, fingerprint, settings_key
from bot.index.highlights import HighlightTable, build_parts
from bot.index.retriever import BM25Index
from bot.index.tokenizer import TermIds, Tokenizer, merge_term_ids
from bot.ingest.corpus import Corpus, Progress, load_corpus_parts
from bot.ingest.ledger import Ledger
from bot.ingest.report import LoadReport
from bot.paragraph_pass import chunks_of, merged_words, paragraph_pass
from bot.parallel import PoolJob, SharedPool, chunked, gc_paused, worker_count
from bot.people.build import build_entities
from bot.people.citations import PersonTable
from bot.people.index import EntityIndex
from bot.people.quotations import QuoteTable
from bot.release_tables import RowsJob, release_spans, source_tables

log = logging.getLogger("pressbot.snapshot")
_TOKEN_CHUNK = 2000  # paragraphs per tokenizing task
_TOKEN_MIN_PARALLEL = 20000  # fewer are tokenized in this process
_HIGHLIGHT_CHUNK = 4000  # paragraphs per highlight-table task, at least


@dataclass
class Snapshot:
    """Everything a command needs, immutable once built; a reload swaps in a new one."""

    corpus: Corpus
    index: BM25Index
    release_index: BM25Index  # one document per release: for "which releases are about X"
    release_ids: list[str]  # release_index row -> release id
    entities: EntityIndex
    tokenizer: Tokenizer
    source_states: dict[str, set[str]]  # source -> the states its releases usually name
    home_cities: dict[str, frozenset[str]]  # source -> the city whose police appear in much of it
    person_words: frozenset[str]  # name words used for people (a bare 'Garland' may be one)
    fingerprint: str
    # what an incremental update (bot/incremental.py) re-derives the tables above from, per release
    release_rows: dict[str, dict[str, Any]] = field(default_factory=dict)  # bot/release_tables.py
    people_ops: dict[str, list] = field(default_factory=dict)  # release id -> its resolved findings
    word_counts: Counter[str] = field(default_factory=Counter)  # lowercase words (headline phrases)
    # release id -> what `cities` reads in it (bot.extract.place_table.release_places: one release's)
    places: dict[str, tuple[ParagraphPlaces, ...]] = field(default_factory=dict)
    # answers' query-independent parts (`answer_tables`): who's ranked evidence, quote's groups, search's bold words
    person_table: PersonTable = field(default_factory=PersonTable)
    quote_table: QuoteTable = field(default_factory=QuoteTable)
    highlights: HighlightTable = field(default_factory=HighlightTable)

    @property
    def report(self) -> LoadReport:
        return self.corpus.report

    def search(self, text: str, k: int = 10) -> list[tuple[int, float]]:
        """Best paragraphs for free text: (paragraph id, BM25 score)."""
        return [(self.corpus.index_pids[d], s) for d, s in self.index.top_k(self.tokenizer(text), k)]

    def release_states(self, release_id: str) -> set[str]:
        """The states a release names (paragraphs, dateline) plus its source's usual ones."""
        rel = self.corpus.releases[release_id]
        return release_states((p.text for p in self.paragraphs_of(release_id)), rel.dateline,
                              self.source_states.get(rel.source, set()))

    def text_root(self, pid: int) -> int:
        """The first paragraph printing paragraph `pid`'s words (`pid` itself when no other does)."""
        return copy_roots(self).get(pid, pid)

    def same_text_releases(self, pid: int) -> list[str]:
        """The other releases that print paragraph `pid` word for word."""
        first = self.text_root(pid)
        group = [first] + self.corpus.copies.get(first, [])
        own = self.corpus.paragraphs.release_ids[pid]
        return sorted({self.corpus.paragraphs.release_ids[q] for q in group} - {own})

    def paragraphs_of(self, release_id: str):
        lo, hi = self._ranges()[release_id]
        return self.corpus.paragraphs[lo:hi]

    def _ranges(self) -> dict[str, tuple[int, int]]:
        ranges = self.__dict__.get("_release_ranges")
        if ranges is None:
            ranges = {}
            for pid, rid in enumerate(self.corpus.paragraphs.release_ids):
                if rid:  # '': a paragraph of a release an incremental update removed
                    lo, _hi = ranges.get(rid, (pid, pid))
                    ranges[rid] = (lo, pid + 1)
            self.__dict__["_release_ranges"] = ranges
        return ranges


def copy_roots(snap: Snapshot) -> dict[int, int]:
    """Paragraph id of a repeated paragraph -> the first printing's (the one indexed); derived once per
    snapshot, never saved."""
    root = snap.__dict__.get("_copy_root")
    if root is None:
        root = snap.__dict__["_copy_root"] = {c: first for first, cs in snap.corpus.copies.items() for c in cs}
    return root


def embargoed(snap: Snapshot) -> list[str]:
    """The releases with an embargo (lifted or not), sorted (derived once per snapshot, never saved)."""
    got = snap.__dict__.get("_embargoed")
    if got is None:
        got = snap.__dict__["_embargoed"] = sorted(rid for rid, r in snap.corpus.releases.items() if r.embargo)
    return got


def index_rows(snap: Snapshot) -> np.ndarray:
    """The index's row -> paragraph id table as an array (derived once per snapshot, never saved)."""
    rows = snap.__dict__.get("_index_pid_array")
    if rows is None:
        rows = snap.__dict__["_index_pid_array"] = np.asarray(snap.corpus.index_pids, dtype=np.int64)
    return rows


def release_index_rows(snap: Snapshot) -> dict[str, int]:
    """Release id -> its row in the release index (derived once per snapshot, never saved)."""
    rows_of = snap.__dict__.get("_release_rows")
    if rows_of is None:
        rows_of = snap.__dict__["_release_rows"] = {rid: i for i, rid in enumerate(snap.release_ids)}
    return rows_of


def headline_titles(snap: Snapshot) -> dict[str, str]:
    """Release titles of six words or more (whitespace-collapsed, casefolded) -> release id, for telling
    a 'related news' link from a paragraph (derived once per snapshot, never saved)."""
    got = snap.__dict__.get("_headline_titles")
    if got is None:
        got = {}
        for rid, rel in snap.corpus.releases.items():
            key = " ".join(rel.title.split()).casefold()
            if len(key.split()) >= 6:
                got.setdefault(key, rid)
        snap.__dict__["_headline_titles"] = got
    return got


def build_snapshot(cfg: Config, progress: Progress | None = None, fp: str | None = None) -> Snapshot:
    """Load the corpus and build both indexes (seconds on 8k releases; run it off the event loop)."""
    workers = worker_count(cfg.index.workers)
    with gc_paused(), SharedPool(workers):  # one set of worker processes for every step
        return _build(cfg, workers, progress, fp)


def _build(cfg: Config, workers: int, progress: Progress | None, fp: str | None) -> Snapshot:
    corpus, ledger = load_corpus_parts(cfg.corpus_paths, cfg.corpus, progress, workers)
    pending = [ledger]  # the only reference to what the ledger reads (every file's lines): freed once made
    del ledger
    with ThreadPoolExecutor(1, thread_name_prefix="pressbot-build") as thread:
        snap = _build_tables(cfg, workers, progress, fp, corpus, thread, pending)
    return snap


def _build_tables(cfg: Config, workers: int, progress: Progress | None, fp: str | None, corpus: Corpus,
                  thread: ThreadPoolExecutor, pending: list[Callable[[], Ledger]]) -> Snapshot:
    """Everything after the load: the load's bookkeeping and the indexes (in `thread`, while the pool
    works), people, release rows and place tables."""
    if progress:
        progress(0, 1, "people and quotes")
    texts, pids = corpus.paragraphs.texts, corpus.index_pids
    # the workers tokenize and count words first, then compute the release rows, then read people, then
    # the place tables and the highlight offsets; meanwhile a thread here builds the indexes from the terms
    tokens_job = PoolJob(partial(paragraph_pass, cfg.index.stem), chunks_of(texts, pids, _TOKEN_CHUNK), workers,
                         1, _TOKEN_MIN_PARALLEL // _TOKEN_CHUNK)
    rows_job = RowsJob(corpus.releases, corpus.paragraphs, release_spans(corpus.paragraphs.release_ids), workers)
    bookkeeping = thread.submit(lambda: pending.pop()())
    with tokens_job, rows_job:
        passed = tokens_job.result()
        words = merged_words([w for _, w in passed])
        indexes = thread.submit(_build_indexes, cfg, corpus, [t for t, _ in passed])
        del passed  # the chunks' word counts (about 1.5 MB each) are not kept
        ops: dict[str, list] = {}
        entities = build_entities(corpus, workers, ops, words)  # each release read on the pool, registered here in order
        rows = rows_job.result()
        states, homes = source_tables(corpus.releases, rows, home_states(cfg, corpus))
        names = person_words(entities.people, texts.__getitem__)
        order, places_job = start_place_tables(corpus, states, names, workers)
        # few large parts: each part tokenizes its own distinct words (4,000-paragraph parts: 1.6x the CPU)
        part = max(_HIGHLIGHT_CHUNK, -(-len(texts) // (2 * workers)))
        highlights_job = PoolJob(partial(build_parts, cfg.index.stem), chunked(texts, part), workers, 1,
                                 2 if len(texts) >= _TOKEN_MIN_PARALLEL else len(texts) + 1)
        with places_job, highlights_job:
            if progress:
                progress(0, 1, "indexing")
            index, release_index, release_ids, tok = indexes.result()
            if progress:
                progress(0, 1, "places")
            places = dict(zip(order, places_job.result(), strict=True))
            highlights = HighlightTable.concat(highlights_job.result())
    corpus.ledger = bookkeeping.result()
    corpus.ledger.settings = settings_key(cfg)  # an update under other settings rebuilds instead
    snap = Snapshot(corpus, index, release_index, release_ids, entities, tok, states, homes, names,
                    fp or fingerprint(cfg), rows, ops, words, places)
    if progress:
        progress(0, 1, "answer tables")
    answer_tables(snap, highlights)
    return snap


def answer_tables(snap: Snapshot, highlights: HighlightTable, before: PersonTable | None = None) -> None:
    """Store in `snap` what answers need that no query changes (the people tables over its people index;
    `highlights` over its paragraphs): who ranks no evidence, quote groups no quotation at question time.
    `before`: the people table of the snapshot an incremental update started from (its unchanged people kept)."""
    paras = snap.corpus.paragraphs
    snap.person_table = PersonTable(snap.entities.people, paras.texts, paras.release_ids, paras.numbers,
                                    snap.corpus.releases, before)
    snap.quote_table = QuoteTable(snap.entities.quotes_by_person, paras.texts, paras.release_ids, snap.corpus.releases)
    snap.highlights = highlights


def _build_indexes(cfg: Config, corpus: Corpus, parts: list[TermIds]
                   ) -> tuple[BM25Index, BM25Index, list[str], Tokenizer]:
    """The paragraph index over every distinct paragraph's terms (`parts`: term ids of chunks of the
    paragraphs in `index_pids` order) and the release index (one document each)."""
    tok = Tokenizer(stem=cfg.index.stem)
    vocab, ids, lengths = merge_term_ids(parts)
    k1, b, epsilon = cfg.index.k1, cfg.index.b, cfg.index.epsilon
    index = BM25Index.from_ids(vocab, ids, lengths, k1, b, epsilon)
    release_ids = list(corpus.releases)
    release_index = BM25Index.from_ids(*release_terms(corpus, release_ids, vocab, ids, lengths), k1, b, epsilon)
    return index, release_index, release_ids, tok


def release_terms(corpus: Corpus, release_ids: list[str], vocab: dict[str, int], ids: np.ndarray,
                  lengths: np.ndarray) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
    """Each release (of `release_ids`, in that order) as one document: its paragraphs' terms in paragraph
    order, copies included, from the paragraph index's term ids (`ids`, `lengths`: per row of `index_pids`);
    terms renumbered in order of first use over these documents, as `BM25Index.build` numbers them."""
    n = len(corpus.paragraphs)
    row_of = np.zeros(n, dtype=np.int64)
    row_of[np.asarray(corpus.index_pids, dtype=np.int64)] = np.arange(len(corpus.index_pids))
    for first, others in corpus.copies.items():
        row_of[others] = row_of[first]
    rank = {rid: i for i, rid in enumerate(release_ids)}
    owner = np.fromiter((rank[rid] for rid in corpus.paragraphs.release_ids), dtype=np.int64, count=n)
    rows = row_of[np.argsort(owner, kind="stable")]  # every paragraph's row, release by release
    starts = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=starts[1:])
    sizes = lengths[rows].astype(np.int64)
    total = int(sizes.sum())
    flat = ids[np.repeat(starts[rows] - (np.cumsum(sizes) - sizes), sizes) + np.arange(total, dtype=np.int64)]
    doc_lengths = np.bincount(owner, weights=lengths[row_of], minlength=len(release_ids)).astype(np.int64)
    terms, first_at = np.unique(flat, return_index=True)
    used = terms[np.argsort(first_at, kind="stable")]  # the terms in order of first use
    renumber = np.zeros(len(vocab), dtype=np.int32)
    renumber[used] = np.arange(len(used), dtype=np.int32)
    names = list(vocab)
    return {names[t]: i for i, t in enumerate(used.tolist())}, renumber[flat], doc_lengths


def home_states(cfg: Config, corpus: Corpus) -> dict[str, str]:
    """Configured home states by source name (a key may be the folder's name or its display name)."""
    keys = {(r.source, r.source_key) for r in corpus.releases.values()}
    return {src: code for src, folder in keys
            for key, code in cfg.corpus.home_states.items() if key in (src, folder)}


# -- persistence --------------------------------------------------------------------------------
def save_snapshot(snap: Snapshot, cache_dir: Path, key: str = "", keep: int = 3) -> Path:
    """Write the snapshot under cache_dir (bot.cache: checksummed, fsynced, switched in atomically), then
    prune the cache to the `keep` newest snapshots per corpus."""
    def write(folder: Path) -> None:
        snap.index.save(folder / "bm25")
        snap.release_index.save(folder / "bm25-releases")
        state = {k: v for k, v in snap.__dict__.items() if k not in ("index", "release_index")
                 and not k.startswith("_")}
        with open(folder / "snapshot.pkl", "wb") as f:
            pickle.dump(state, f, protocol=pickle.HIGHEST_PROTOCOL)

    final = cache.save(cache_dir, snap.fingerprint, key, write)
    removed = cache.clean(cache_dir, keep)
    if removed:
        log.info("snapshot cache: removed %d old or stale entries", len(removed))
    return final


def load_snapshot(cache_dir: Path, fp: str) -> Snapshot | None:
    """The saved snapshot for this fingerprint, or None (missing, torn or corrupted: it will be rebuilt)."""
    folder = cache.verified(cache_dir, fp)
    if folder is None:
        return None
    try:
        with open(folder / "snapshot.pkl", "rb") as f:
            state = pickle.load(f)
        index = BM25Index.load(folder / "bm25")
        release_index = BM25Index.load(folder / "bm25-releases")
        return Snapshot(index=index, release_index=release_index, **state)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, KeyError, AttributeError, TypeError):
        return None


def open_snapshot(cfg: Config, progress: Progress | None = None, use_cache: bool = True
                  ) -> tuple[Snapshot, bool, str | None]:
    """The snapshot for the configured corpus: loaded from cache when unchanged, else built and saved.

    Returns (snapshot, loaded_from_cache, cache problem or None). An unusable cache costs a rebuild at
    each start, never an answer: the problem is returned (and logged) for the caller to report."""
    fp = fingerprint(cfg)
    cache_dir, problem = cfg.cache_dir, None
    if use_cache:
        try:
            cache.prepare(cache_dir)
            cache.clean(cache_dir, cfg.corpus.cache_keep)
        except (cache.CacheProblem, OSError) as e:
            problem = str(e)
        if problem is None:
            snap = load_snapshot(cache_dir, fp)
            if snap is not None:
                return snap, True, None
    snap = build_snapshot(cfg, progress, fp)
    if use_cache and problem is None:
        try:
            save_snapshot(snap, cache_dir, corpus_key(cfg), cfg.corpus.cache_keep)
        except (cache.CacheProblem, OSError) as e:
            problem = f"the snapshot could not be saved in {cache_dir}: {e}"
    if problem:
        log.warning("snapshot cache unusable: %s", problem)
    return snap, False, problem
