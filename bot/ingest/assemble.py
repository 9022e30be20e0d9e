"""A new corpus from an old one and the file changes (bot/ingest/update.py), as a full load would number it,
except that paragraph ids stay put: a removed release's paragraphs stay in the table as empty rows that
belong to no release, and new releases' paragraphs are appended. Duplicate paragraphs (the first printing,
in load order, is the one indexed), listing pages and the load report are updated; the old corpus is
never changed (queries may be running on it)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from bot.ingest.corpus import Corpus
from bot.ingest.files import display_path
from bot.ingest.ledger import Ledger, OrderKey, copy_key, hashes, headline_key, title_key
from bot.ingest.report import LoadReport
from bot.ingest.update import FileChanges, NeedsRebuild
from bot.models import ParagraphTable, Release

GONE = ""  # the release id of a removed release's paragraphs


@dataclass
class CorpusUpdate:
    """The new corpus and what changed, for the indexes built over it."""

    corpus: Corpus
    dropped: list[str]  # release ids of the old corpus taken out (removed, changed or cleaned again)
    added: list[str]  # the releases made by this update, in the new corpus's order
    dead: np.ndarray  # paragraph ids of the old corpus that no release holds any more
    keep_rows: np.ndarray  # per row of the old paragraph index: kept
    new_rows: list[int]  # paragraph ids indexed afresh (ascending)
    positions: np.ndarray  # their rows in the new index
    recleaned: list[str]


def _table(old: ParagraphTable, dead: set[int]) -> ParagraphTable:
    table = ParagraphTable()
    table.texts, table.release_ids, table.numbers = list(old.texts), list(old.release_ids), list(old.numbers)
    for pid in dead:
        table.texts[pid], table.release_ids[pid] = "", GONE
    return table


def _releases(corpus: Corpus, ch: FileChanges, dropped: set[str], report: LoadReport) -> tuple[dict[str, Release], list[tuple[Release, list[str]]]]:
    releases = {rid: r for rid, r in corpus.releases.items() if rid not in dropped}
    taken = {s[1].split("duplicate release id ")[-1].strip("'\"") for s in corpus.report.skipped
             if s[1].startswith("duplicate release id")}
    if taken & dropped:
        raise NeedsRebuild("a release id another file also uses is removed: that file would load now")
    made = []
    for rel, kept in ch.made:
        if rel.id in releases:
            if rel.id in corpus.releases:
                raise NeedsRebuild(f"release id {rel.id!r} is used by another file already")
            report.skipped.append((rel.path, f"duplicate release id {rel.id!r}"))
            continue
        releases[rel.id] = rel
        made.append((rel, kept))
    return releases, made


def apply_changes(corpus: Corpus, ch: FileChanges) -> CorpusUpdate:
    """The new corpus: `ch`'s releases in, the touched files' old releases out."""
    led = corpus.ledger
    assert led is not None
    dropped = {d.release_id for rec in ch.old.values() if rec is not None for d in rec.docs if d.release_id}
    order = {rid: k for rid, k in led.order.items() if rid not in dropped}
    for rec in ch.new.values():
        for n, d in enumerate(rec.docs if rec is not None else []):
            if d.release_id:
                order[d.release_id] = (*rec.order, n)  # type: ignore[union-attr]
    report = LoadReport()
    releases, made = _releases(corpus, ch, dropped, report)
    old = corpus.paragraphs
    dead = {pid for pid, rid in enumerate(old.release_ids) if rid in dropped}
    table = _table(old, dead)
    first_new = len(table)
    for rel, kept in made:
        for number, text in enumerate(kept, start=1):
            table.append(rel.id, number, text)
    new_texts = table.texts[first_new:]
    para_copy = np.concatenate([led.para_copy, hashes(copy_key(t) for t in new_texts)])
    para_headline = np.concatenate([led.para_headline, hashes(headline_key(t) for t in new_texts)])
    dead_arr = np.fromiter(sorted(dead), dtype=np.int64, count=len(dead))
    keep_rows, rows, copies, new_rows = _dedupe(corpus, table, para_copy, dead_arr, first_new, order)
    para_copy[dead_arr] = 0
    para_headline[dead_arr] = 0
    _relist(releases, table, para_headline, order,
            {title_key(corpus.releases[r].title) for r in dropped} | {title_key(r.title) for r, _ in made},
            [r.id for r, _ in made])
    files = {p: f for p, f in led.files.items() if p not in ch.new} | {p: f for p, f in ch.new.items() if f}
    ledger = Ledger(led.roots, files, {**led.folders, **ch.folders}, order, para_copy, para_headline, led.settings)
    new_corpus = Corpus(releases, table, rows, copies, _report(corpus, ch, report, releases, table, copies), ledger)
    positions = np.searchsorted(np.asarray(rows, dtype=np.int64), np.asarray(new_rows, dtype=np.int64))
    return CorpusUpdate(new_corpus, sorted(dropped), [r.id for r, _ in made], dead_arr, keep_rows, new_rows,
                        positions, ch.recleaned)


def _dedupe(corpus: Corpus, table: ParagraphTable, para_copy: np.ndarray, dead: np.ndarray, first_new: int,
            order: dict[str, OrderKey]) -> tuple[np.ndarray, list[int], dict[int, list[int]], list[int]]:
    """Copies after the change: each affected group of same-worded paragraphs gets the first in load order
    as its indexed one. Returns (old rows kept, the new index's paragraph ids, copies, paragraphs newly
    indexed)."""
    old_rows = np.asarray(corpus.index_pids, dtype=np.int64)
    new_pids = np.arange(first_new, len(table), dtype=np.int64)
    affected = np.union1d(para_copy[dead], para_copy[new_pids])
    hit_rows = np.flatnonzero(np.isin(para_copy[old_rows], affected))
    dead_set = set(dead.tolist())
    groups: dict[int, list[int]] = {}
    old_rep: dict[int, int] = {}
    for row in hit_rows.tolist():
        rep = int(old_rows[row])
        h = int(para_copy[rep])
        old_rep[h] = row
        groups[h] = [p for p in [rep, *corpus.copies.get(rep, [])] if p not in dead_set]
    for pid in new_pids.tolist():
        groups.setdefault(int(para_copy[pid]), []).append(pid)
    rid_of, number_of = table.release_ids, table.numbers

    def place(pid: int) -> tuple:
        return order[rid_of[pid]], number_of[pid]

    keep = np.ones(len(old_rows), dtype=bool)
    copies = dict(corpus.copies)
    fresh: list[int] = []
    for h, members in groups.items():
        at = old_rep.get(h)
        if at is not None:
            copies.pop(int(old_rows[at]), None)
        if not members:
            if at is not None:
                keep[at] = False
            continue
        members.sort(key=place)
        first = members[0]
        if len(members) > 1:
            copies[first] = members[1:]
        if at is None or int(old_rows[at]) != first:
            if at is not None:
                keep[at] = False
            fresh.append(first)
    fresh.sort()
    rows = sorted(old_rows[keep].tolist() + fresh)
    return keep, rows, copies, fresh


def _relist(releases: dict[str, Release], table: ParagraphTable, para_headline: np.ndarray,
            order: dict[str, OrderKey], titles_changed: set[str], added: list[str]) -> None:
    """Listing pages again, for the releases repeating a headline that came or went, and the new ones."""
    owner: dict[str, str] = {}
    for rid in sorted(releases, key=order.__getitem__):
        owner.setdefault(title_key(releases[rid].title), rid)
    changed = hashes(sorted(titles_changed))
    pids = np.flatnonzero(np.isin(para_headline, changed))
    recheck = {table.release_ids[p] for p in pids.tolist()} | set(added)
    recheck.discard(GONE)
    by_hash = {int(h): k for k, h in zip(owner, hashes(owner), strict=True)}
    spans: dict[str, list[int]] = {rid: [] for rid in recheck}
    for p, r in enumerate(table.release_ids):
        if r in spans:
            spans[r].append(p)
    for rid, mine in spans.items():
        hits = sum(1 for p in mine if (k := by_hash.get(int(para_headline[p]))) is not None
                   and headline_key(table.texts[p]) == k and owner[k] != rid)
        listing = hits >= 5 and hits >= 0.3 * len(mine)
        if releases[rid].listing != listing:
            releases[rid] = replace(releases[rid], listing=listing)


def _report(corpus: Corpus, ch: FileChanges, new: LoadReport, releases: dict[str, Release],
            table: ParagraphTable, copies: dict[int, list[int]]) -> LoadReport:
    old = corpus.report
    names = {display_path(p) for p in [*ch.old, *ch.new]}
    seen = sum(1 for r in ch.old.values() if r is not None)
    now = sum(1 for r in ch.new.values() if r is not None)
    boiler = sum(d.boilerplate for r in ch.old.values() if r for d in r.docs)
    return LoadReport(
        files_seen=old.files_seen - seen + now, releases=len(releases),
        paragraphs=sum(1 for r in table.release_ids if r != GONE),
        duplicate_paragraphs=sum(len(v) for v in copies.values()),
        boilerplate_lines=old.boilerplate_lines - boiler + ch.report.boilerplate_lines,
        skipped=[s for s in old.skipped if s[0] not in names] + ch.report.skipped + new.skipped,
        problems=[s for s in old.problems if s[0] not in names] + ch.report.problems,
        identical_files=[s for s in old.identical_files if s[0] not in names] + ch.report.identical_files,
        seconds=old.seconds)
