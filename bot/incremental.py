"""Files added, changed or removed, applied to the serving snapshot without reading the other releases:
a NEW Snapshot (the serving one is never changed; queries keep answering on it until the store swaps one
reference), equal in its answers to a full rebuild over the same files.

The steps, each over what changed only: the corpus (bot/ingest/update.py: the files read and cleaned with
their folders' furniture statistics, other files cleaned again when a line crosses a threshold;
bot/ingest/assemble.py: releases, paragraphs, copies, listing pages, the report); the two BM25 indexes
(bot/index/merge.py: postings merged, every weight recomputed with the new statistics); the people index
(each release's resolved findings are kept, so only the changed releases are read and the registration,
merges and clean-up run again over the kept findings, in load order); the per-release tables
(bot/release_tables.py) and what is derived from them. A change that cannot be applied so (see
`update.NeedsRebuild`) is applied by a full rebuild, and the result says why.
"""

from __future__ import annotations

import logging
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bot.config import Config
from bot.extract.place_context import person_words
from bot.extract.place_table import updated_places
from bot.fingerprint import files_fingerprint, fingerprint, settings_key
from bot.index.merge import updated
from bot.ingest.assemble import CorpusUpdate, apply_changes
from bot.ingest.files import SourceFile, discover, display_path, special_kind
from bot.ingest.report import LoadReport
from bot.ingest.update import NeedsRebuild, file_changes, source_file
from bot.people.build import people_from_ops, read_people
from bot.people.merge import frequent_words, lower_word_counts
from bot.release_tables import merged_rows, release_rows, source_tables
from bot.snapshot import Snapshot, answer_tables, build_snapshot, home_states

log = logging.getLogger("pressbot.incremental")


@dataclass
class Applied:
    """The new snapshot, and how it was made."""

    snapshot: Snapshot
    rebuilt: str | None = None  # why a full rebuild was run instead of an incremental update
    recleaned: list[str] = field(default_factory=list)  # other files cleaned again (a threshold crossed)
    ignored: list[str] = field(default_factory=list)  # paths outside the corpus folders (or hidden)
    seconds: dict[str, float] = field(default_factory=dict)  # per step


def apply_files(snap: Snapshot, cfg: Config, changed: list[Path], removed: list[Path]) -> Applied:
    """The snapshot with these files added or changed (`changed`) and gone (`removed`), built beside
    `snap` without reading the other releases; a full rebuild when the change needs one (`rebuilt`)."""
    try:
        return _incremental(snap, cfg, changed, removed)
    except NeedsRebuild as e:
        log.info("incremental update refused (%s): rebuilding in full", e)
        t0 = time.perf_counter()
        new = build_snapshot(cfg, None, fingerprint(cfg))
        return Applied(new, rebuilt=str(e), seconds={"rebuild": time.perf_counter() - t0})


MAX_SCANNED_CHANGES = 500  # a plain reload applies at most this many changed files incrementally


def changed_on_disk(snap: Snapshot, cfg: Config) -> tuple[list[Path], list[Path], list[tuple[str, str]]] | None:
    """The corpus files added or changed (size or mtime) and removed since the snapshot was built, and the
    entries the scan itself skipped (a FIFO, a symlink loop: file, reason), for a plain `reload`; None when a
    full rebuild is due instead: no bookkeeping, other settings or code than the snapshot's, or more than
    MAX_SCANNED_CHANGES files."""
    led = snap.corpus.ledger
    if led is None or led.settings != settings_key(cfg) or led.roots != [os.fspath(p) for p in cfg.corpus_paths]:
        return None
    scan = LoadReport()
    seen: set[str] = set()
    changed: list[Path] = []
    for sf in discover(cfg.corpus_paths, scan):
        key = os.fspath(sf.path)
        try:  # one stat per file: its kind, then its size and mtime against the bookkeeping
            st = os.stat(sf.path)
        except OSError:
            st = None  # vanished or a broken link: reading it reports why
        kind = special_kind(st.st_mode) if st is not None else None
        if kind is not None:  # as a full build reports it (bot/ingest/files.py), never opened
            scan.skipped.append((display_path(sf.path), f"not a regular file ({kind})"))
            continue
        seen.add(key)
        rec = led.files.get(key)
        if rec is None or rec.stat is None or st is None or rec.stat != (st.st_size, st.st_mtime_ns):
            changed.append(sf.path)
    removed = [Path(p) for p in led.files if p not in seen]
    return (changed, removed, list(scan.skipped)) if len(changed) + len(removed) <= MAX_SCANNED_CHANGES else None


def touched_files(snap: Snapshot, cfg: Config, paths: list[Path]) -> tuple[dict[str, SourceFile | None], list[str]]:
    """Path -> its corpus file when it is there to be read, None when gone; and the paths ignored."""
    led = snap.corpus.ledger
    assert led is not None
    touched: dict[str, SourceFile | None] = {}
    ignored: list[str] = []
    for p in paths:
        sf = source_file(cfg.corpus_paths, Path(p))
        if sf is None:
            ignored.append(os.fspath(p))
            continue
        key = os.fspath(sf.path)
        if os.path.isfile(key):
            touched[key] = sf
        elif key in led.files:
            touched[key] = None
    # a file kept instead of identical copies: if it changes, the copies may load now
    by_shown = {display_path(f.sf.path): f.sf for f in led.files.values()}
    gone = {display_path(k) for k in touched}
    for copy, original in snap.report.identical_files:
        sf = by_shown.get(copy)
        if original in gone and sf is not None and os.fspath(sf.path) not in touched and sf.path.is_file():
            touched[os.fspath(sf.path)] = sf
    return touched, ignored


def _incremental(snap: Snapshot, cfg: Config, changed: list[Path], removed: list[Path]) -> Applied:
    timings: dict[str, float] = {}
    t = time.perf_counter()

    def step(name: str) -> None:
        nonlocal t
        now = time.perf_counter()
        timings[name] = now - t
        t = now

    led = snap.corpus.ledger
    if led is None or snap.index.tf is None or snap.release_index.tf is None:
        raise NeedsRebuild("the serving snapshot keeps no bookkeeping for incremental updates")
    if led.settings != settings_key(cfg):
        raise NeedsRebuild("the settings or the code changed since the serving snapshot was built")
    touched, ignored = touched_files(snap, cfg, [*changed, *removed])
    up = apply_changes(snap.corpus, file_changes(led, cfg.corpus, touched))
    step("corpus")
    new = _indexes(snap, up)
    step("indexes")
    _people(snap, new, up)
    step("people")
    _tables(snap, new, up, cfg)
    step("tables")
    new.fingerprint = ledger_fingerprint(new)
    step("fingerprint")
    return Applied(new, recleaned=up.recleaned, ignored=ignored, seconds=timings)


def ledger_fingerprint(snap: Snapshot) -> str:
    """The fingerprint of the files as the update saw them (`snapshot.fingerprint` walks the disk for the
    same figure): a restart whose files differ from these rebuilds."""
    led = snap.corpus.ledger
    assert led is not None
    records = sorted(led.files.values(), key=lambda r: r.order)
    return files_fingerprint(led.settings, ((r.sf.path, r.stat) for r in records))


def _indexes(snap: Snapshot, up: CorpusUpdate) -> Snapshot:
    """Both BM25 indexes over the new corpus (only the new paragraphs and releases are tokenized)."""
    corpus, tok = up.corpus, snap.tokenizer
    texts = corpus.paragraphs.texts
    tokens = {pid: tok.document(texts[pid]) for pid in up.new_rows}
    index = updated(snap.index, up.keep_rows, [tokens[p] for p in up.new_rows], up.positions)
    dropped = set(up.dropped)
    keep = np.asarray([rid not in dropped for rid in snap.release_ids], dtype=bool)
    release_ids = [r for r, k in zip(snap.release_ids, keep.tolist(), strict=True) if k] + list(up.added)
    new = Snapshot(corpus, index, snap.release_index, release_ids, snap.entities, tok, snap.source_states,
                   snap.home_cities, snap.person_words, snap.fingerprint)
    docs = []
    for rid in up.added:
        words: list[str] = []
        for p in new.paragraphs_of(rid):
            got = tokens.get(p.pid)
            words.extend(got if got is not None else tok.document(p.text))
        docs.append(words)
    new.release_index = updated(snap.release_index, keep, docs)
    return new


def _people(snap: Snapshot, new: Snapshot, up: CorpusUpdate) -> None:
    """The people index again from the kept findings, the new releases read."""
    corpus = new.corpus
    dropped = set(up.dropped)
    words = Counter(snap.word_counts)
    words.subtract(lower_word_counts(snap.corpus.paragraphs.texts[p] for p in up.dead.tolist()))
    spans = {rid: new.paragraphs_of(rid) for rid in up.added}
    words.update(lower_word_counts(p.text for ps in spans.values() for p in ps))
    words = Counter({w: c for w, c in words.items() if c > 0})
    ops = {rid: o for rid, o in snap.people_ops.items() if rid not in dropped}
    ops.update(read_people(corpus, {rid: [p.pid for p in ps] for rid, ps in spans.items()}))
    order = corpus.ledger.order if corpus.ledger is not None else {}
    ranked = sorted((rid for rid in ops if rid in corpus.releases), key=order.__getitem__)
    new.entities = people_from_ops(((rid, corpus.releases[rid].source, ops[rid]) for rid in ranked),
                                   frequent_words(words), corpus.paragraphs.release_ids, corpus.paragraphs.texts)
    new.people_ops, new.word_counts = ops, words


def _tables(snap: Snapshot, new: Snapshot, up: CorpusUpdate, cfg: Config) -> None:
    """The per-release tables of the new releases, and every table derived from them."""
    corpus = new.corpus
    rows = merged_rows(snap.release_rows, up.dropped, release_rows(corpus.releases, new.paragraphs_of, up.added))
    new.release_rows = rows
    new.source_states, new.home_cities = source_tables(corpus.releases, rows, home_states(cfg, corpus))
    new.person_words = person_words(new.entities.people, corpus.paragraphs.texts.__getitem__)
    new.places = updated_places(snap.places, corpus.releases, corpus.paragraphs.texts, new._ranges(), up.dropped,
                                (snap.source_states, new.source_states), (snap.person_words, new.person_words))
    texts = corpus.paragraphs.texts  # paragraph ids only grow: the new ones follow the old
    answer_tables(new, snap.highlights.extend(texts[len(snap.corpus.paragraphs):], new.tokenizer.stem),
                  snap.person_table)
