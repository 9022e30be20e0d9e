"""Loading a corpus: files -> releases and numbered paragraphs, with a report of what was skipped."""

from __future__ import annotations

import hashlib
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

import numpy as np

from bot.config import CorpusConfig
from bot.ingest.cleaning import (
    Block,
    common_suffixes,
    detect_language,
    find_date,
    find_dateline,
    find_title,
    is_navigation,
    rebuild_paragraphs,
    split_long,
    strip_suffix,
)
from bot.ingest.files import SourceFile, discover, display_path, read_source
from bot.ingest.formats import RawDoc
from bot.ingest.keys import dedupe, dedupe_by_hash, listing_hits, paragraph_keys
from bot.ingest.ledger import Ledger, headline_key, make_ledger, title_key
from bot.ingest.report import LoadReport
from bot.models import ParagraphTable, Release
from bot.parallel import pmap
from bot.textnorm import collapse_ws, ends_sentence

Progress = Callable[[int, int, str], None]
_CHUNK = 64  # files (or documents) per worker task
_MIN_PARALLEL = 400  # fewer files are read and cleaned in this process
_HAS_LETTER = re.compile(r"[^\W\d_]")


@dataclass
class Corpus:
    """Releases and their paragraphs; `index_pids` are the distinct paragraphs the index holds."""

    releases: dict[str, Release]
    paragraphs: ParagraphTable
    index_pids: list[int]
    copies: dict[int, list[int]]
    report: LoadReport
    ledger: Ledger | None = None  # what an incremental update needs (bot/ingest/update.py)

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["copies"] = [(k, *v) for k, v in self.copies.items()]  # flat tuples load much faster
        return state

    def __setstate__(self, state: dict) -> None:
        state["copies"] = {t[0]: list(t[1:]) for t in state["copies"]}
        self.__dict__.update(state)

    def release_of(self, pid: int) -> Release:
        return self.releases[self.paragraphs[pid].release_id]


def _release_id(doc: RawDoc, sf: SourceFile) -> str:
    if doc.meta.get("id"):
        return str(doc.meta["id"])
    try:
        rel = doc.path.relative_to(sf.root)
    except ValueError:
        rel = Path(doc.path.name)
    stem = display_path(rel.with_suffix("").as_posix())
    label = sf.label or sf.root.name
    base = f"{label}/{stem}" if label else stem
    return f"{base}#{doc.line}" if doc.line is not None else base


def _mark_listings(releases: dict[str, Release], paragraphs: ParagraphTable,
                   headline_hashes: np.ndarray | None = None) -> None:
    """Flag index pages: releases most of whose paragraphs are other releases' headlines."""
    found = None if headline_hashes is None else listing_hits(
        [(r.id, r.title) for r in releases.values()], paragraphs.release_ids, paragraphs.texts, headline_hashes)
    if found is not None:
        hits, sizes = found
    else:
        titles: dict[str, str] = {}
        for r in releases.values():
            titles.setdefault(title_key(r.title), r.id)
        hits, sizes = Counter(), Counter()
        for rid, text in zip(paragraphs.release_ids, paragraphs.texts, strict=True):
            sizes[rid] += 1
            owner = titles.get(headline_key(text))
            if owner is not None and owner != rid:
                hits[rid] += 1
    for rid, n in hits.items():
        if n >= 5 and n >= 0.3 * sizes[rid]:
            releases[rid] = replace(releases[rid], listing=True)


def line_keys(lines: list[str]) -> list[str]:
    """Each line as furniture statistics compare it: whitespace collapsed, casefolded ('' for a blank)."""
    return [collapse_ws(x).casefold() if x.strip() else "" for x in lines]


def _reposted_body(lines: list[str], keys: list[str], counts: Counter[str], need: int, files: int) -> set[int]:
    """Indexes of the lines of a release re-posted in a handful of files of the folder (updated versions,
    copies): repeated lines that few files share (fewer than 3 x `need`, at most half the folder) and that
    make up most of the file's text once the site-wide lines are set aside. Site furniture is printed by a
    large share of the pages instead."""
    few = min(3 * need, files // 2 + 1)
    rare: list[int] = []
    rare_chars = own_chars = 0
    for i, (x, key) in enumerate(zip(lines, keys, strict=True)):
        if not key:
            continue
        c = counts[key]
        if c >= few:
            continue  # site-wide: menus, sidebars, footers
        own_chars += len(x.strip())
        if c >= need:
            rare.append(i)
            rare_chars += len(x.strip())
    return set(rare) if rare_chars > 0.5 * max(own_chars, 1) else set()


def furniture_lines(lines: list[str], counts: Counter[str], need: int, files: int = 0,
                    keys: list[str] | None = None) -> set[int]:
    """Indexes of the lines that are site furniture: lines found in at least `need` files of the folder
    (of `files`).

    A repeated sentence that follows the release's own text is kept: offices reuse sentences such as
    "Deputy District Attorney X of the HEAT Unit is prosecuting this case." in dozens of releases, and
    those name real people. Menus, sidebars and footers come in runs of repeated lines instead. Lines that
    few files share and that are most of the file are the release itself, re-posted (see `_reposted_body`)."""
    keys = line_keys(lines) if keys is None else keys
    body = _reposted_body(lines, keys, counts, need, files) if files else set()
    frequent: set[int] = set()
    prev_repeated = True  # the file's first line has no release text before it
    for i, key in enumerate(keys):
        if not key:
            continue
        repeated = counts[key] >= need and i not in body
        if repeated and (prev_repeated or len(key.split()) < 6 or not ends_sentence(key)):
            frequent.add(i)
        prev_repeated = repeated
    return frequent


@dataclass
class _Raw:
    """One document read from a file, with its lines (for furniture statistics and dates)."""

    sf: SourceFile
    doc: RawDoc
    lines: list[str]
    keys: list[str]  # line_keys(lines)


@dataclass
class _FolderStats:
    """Per folder (source group): in how many files each line occurs, and the site-name suffixes."""

    line_files: dict[Path, Counter[str]]
    group_size: Counter[Path]
    suffixes: dict[Path, set[str]]

    def need(self, group: Path, cfg: CorpusConfig) -> int:
        """How many files of the folder a line must occur in to count as furniture."""
        return max(cfg.boilerplate_min_files, int(self.group_size[group] * cfg.boilerplate_min_fraction))


def _read_files(files: list[tuple[SourceFile, int]]) -> list[tuple[list[_Raw], LoadReport]]:
    """Read each file: its documents with their lines, and what went wrong."""
    out = []
    for sf, max_bytes in files:
        report = LoadReport()
        raws = []
        for doc in read_source(sf, max_bytes, report):
            lines = doc.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            raws.append(_Raw(sf, doc, lines, line_keys(lines)))
        out.append((raws, report))
    return out


def _read_all(files: list[SourceFile], max_bytes: int, report: LoadReport, progress: Progress | None,
              workers: int = 1) -> list[_Raw]:
    """Read every file, on `workers` processes (decoding, formats and line keys cost about twice what
    receiving the documents costs here)."""
    def done(n: int) -> None:
        if progress:
            progress(n, len(files), "reading")

    raw: list[_Raw] = []
    for raws, part in pmap(_read_files, [(sf, max_bytes) for sf in files], workers, _CHUNK * 4, _MIN_PARALLEL,
                           done):
        raw.extend(raws)
        report.skipped.extend(part.skipped)
        report.problems.extend(part.problems)
    return raw


def _drop_identical(raw: list[_Raw], report: LoadReport) -> list[_Raw]:
    """One document per distinct text within a corpus root: identical files (the same release saved twice)
    are one release, the copies noted in the report, so they neither repeat in answers nor make the
    release's own lines look like site furniture."""
    first: dict[tuple[Path, str], _Raw] = {}
    kept: list[_Raw] = []
    for r in raw:
        text = " ".join(k for k in r.keys if k)  # the text, whitespace collapsed and casefolded
        key = (r.sf.root, hashlib.blake2b(text.encode(), digest_size=16).hexdigest())
        original = first.setdefault(key, r)
        if original is r:
            kept.append(r)
        else:
            report.identical_files.append((display_path(r.doc.path), display_path(original.doc.path)))
    return kept


def _folder_stats(raw: list[_Raw]) -> _FolderStats:
    """Lines recurring across many files of the same folder are site furniture (menus, sidebars)."""
    line_files: dict[Path, Counter[str]] = defaultdict(Counter)
    group_size: Counter[Path] = Counter()
    first_lines: dict[Path, list[str]] = defaultdict(list)
    for r in raw:
        group = r.sf.group
        group_size[group] += 1
        line_files[group].update({k for k in r.keys if k})
        first_lines[group].append(next((x.strip() for x in r.lines if x.strip()), ""))
    return _FolderStats(line_files, group_size, {g: common_suffixes(v) for g, v in first_lines.items()})


def _body_paragraphs(blocks: list[Block], frequent: set[int], suffixes: set[str], max_chars: int,
                     report: LoadReport) -> list[str]:
    """The release's own paragraphs: furniture, navigation and repeats dropped, long ones split."""
    kept: list[str] = []
    seen: set[str] = set()
    linked: set[str] = set()  # titles of 'Link to: X' neighbours, whose next line repeats X
    for bi, b in enumerate(blocks):
        text = strip_suffix(b.text, suffixes) if bi == 0 else b.text
        key = collapse_ws(text).casefold()
        if bi > 0 and (all(i in frequent for i in b.lines) or is_navigation(text) or key in linked):
            report.boilerplate_lines += len(b.lines)
            if text[:8].lower() == "link to:":
                linked.add(collapse_ws(text[8:]).casefold())
            continue
        if key in seen or not _HAS_LETTER.search(text):
            continue
        seen.add(key)
        kept.extend(split_long(text, max_chars))
    return kept


@dataclass
class _CleanJob:
    """What cleaning one document needs: the document and its folder's statistics for its own lines."""

    raw: _Raw
    counts: Counter[str]  # in how many files of the folder each of the document's lines occurs
    need: int
    files: int
    suffixes: set[str]
    cfg: CorpusConfig


_Made = tuple[Release, list[str]]


def _clean_docs(jobs: list[_CleanJob]) -> list[tuple[_Made | None, np.ndarray | None, LoadReport]]:
    """Clean each document (in a worker) into a release and its paragraphs, with their keys' hashes
    (`keys.paragraph_keys`) and what was dropped."""
    out = []
    for job in jobs:
        report = LoadReport()
        made = _make_release(job, report)
        out.append((made, None if made is None else paragraph_keys(made[1]), report))
    return out


def _make_release(job: _CleanJob, report: LoadReport) -> tuple[Release, list[str]] | None:
    """Clean one document into a Release and its paragraph texts; None (reported) when nothing is left."""
    r, cfg = job.raw, job.cfg
    group, doc = r.sf.group, r.doc
    frequent = furniture_lines(r.lines, job.counts, job.need, job.files, r.keys)
    blocks = rebuild_paragraphs(doc.text, doc.hard_wrapped)
    if not blocks:
        report.skipped.append((display_path(doc.path), "no text"))
        return None
    title = find_title(blocks, doc.meta.get("title"), job.suffixes,
                       furniture=lambda b: all(i in frequent for i in b.lines), path=display_path(doc.path))
    kept = _body_paragraphs(blocks, frequent, job.suffixes, cfg.max_paragraph_chars, report)
    if not kept:
        report.skipped.append((display_path(doc.path), "only boilerplate, no release text"))
        return None
    key = doc.meta.get("source") or group.name
    shown = cfg.sources.get(group.name) or cfg.sources.get(key)
    rel = Release(
        id=_release_id(doc, r.sf), path=display_path(doc.path), title=title,
        source=(shown.name if shown and shown.name else key), source_key=key,
        date=find_date(r.lines, doc.meta.get("date"), str(doc.path)),
        url=doc.meta.get("url") or release_url(shown.url if shown else None, doc.path),
        language=doc.meta.get("language") or detect_language("\n".join(kept)), dateline=find_dateline(blocks),
        root=r.sf.label or r.sf.root.name, embargo=doc.meta.get("embargo"),
    )
    return rel, kept


def _clean_all(raw: list[_Raw], stats: _FolderStats, cfg: CorpusConfig, report: LoadReport,
               progress: Progress | None, workers: int) -> list[tuple[_Made | None, np.ndarray | None, int]]:
    """Each document cleaned, with its paragraphs' key hashes and the furniture lines it dropped."""
    def done(n: int) -> None:
        if progress:
            progress(n, len(raw), "cleaning")

    jobs = []
    for r in raw:
        counts = stats.line_files[r.sf.group]
        mine = Counter({k: counts[k] for k in set(r.keys) if k})
        jobs.append(_CleanJob(r, mine, stats.need(r.sf.group, cfg), stats.group_size[r.sf.group],
                              stats.suffixes[r.sf.group], cfg))
    made = []
    for result, keys, part in pmap(_clean_docs, jobs, workers, _CHUNK, _MIN_PARALLEL, done):
        made.append((result, keys, part.boilerplate_lines))
        report.skipped.extend(part.skipped)
        report.boilerplate_lines += part.boilerplate_lines
    return made


def release_url(template: str | None, path: Path) -> str | None:
    """A release's link from its source's URL rule (config `corpus.sources.X.url`), or None."""
    if not template:
        return None
    stem = display_path(path.with_suffix("").name)
    return template.format(stem=stem, path=stem.replace("_", "/"), name=display_path(path.name))


def load_corpus(paths: Iterable[Path], cfg: CorpusConfig | None = None,
                progress: Progress | None = None, workers: int = 1) -> Corpus:
    """Read, clean and number every release under `paths`; never raises for a bad file. Reading and
    cleaning run on `workers` processes; the folder statistics cleaning needs and the numbering run here."""
    corpus, ledger = load_corpus_parts(paths, cfg, progress, workers)
    corpus.ledger = ledger()
    return corpus


def load_corpus_parts(paths: Iterable[Path], cfg: CorpusConfig | None = None, progress: Progress | None = None,
                      workers: int = 1) -> tuple[Corpus, Callable[[], Ledger]]:
    """`load_corpus` without its bookkeeping, and the function that makes it (`Corpus.ledger`): the build
    makes it in a thread while the pool reads the paragraphs."""
    cfg = cfg or CorpusConfig()
    paths = [Path(p) for p in paths]
    t0 = time.perf_counter()
    report = LoadReport()
    files = discover(paths, report)
    report.files_seen = len(files) + len(report.skipped)
    raw = _drop_identical(_read_all(files, int(cfg.max_file_mb * 1e6), report, progress, workers), report)
    stats = _folder_stats(raw)
    releases: dict[str, Release] = {}
    paragraphs = ParagraphTable()
    results: list[tuple[str | None, int]] = []  # per document: its release id, furniture lines dropped
    key_parts = [np.zeros((0, 2), dtype=np.uint64)]
    for made, keys, boilerplate in _clean_all(raw, stats, cfg, report, progress, workers):
        results.append((None, boilerplate))
        if made is None or keys is None:
            continue
        rel, kept = made
        if not add_release(releases, paragraphs, rel, kept, report):
            continue
        results[-1] = (rel.id, boilerplate)
        key_parts.append(keys)
    keys = np.concatenate(key_parts)
    _mark_listings(releases, paragraphs, keys[:, 1])
    index_pids, copies = dedupe_by_hash(paragraphs.texts, keys[:, 0], report) or dedupe(paragraphs, report)
    report.releases, report.paragraphs = len(releases), len(paragraphs)
    report.seconds = time.perf_counter() - t0
    return Corpus(releases, paragraphs, index_pids, copies, report), partial(
        make_ledger, paths, files, raw, stats.line_files, results, paragraphs.texts, keys)


def add_release(releases: dict[str, Release], paragraphs: ParagraphTable, rel: Release, kept: list[str],
                report: LoadReport) -> bool:
    """Number a cleaned release's paragraphs; False (reported) when its id is taken already."""
    if rel.id in releases:
        report.skipped.append((rel.path, f"duplicate release id {rel.id!r}"))
        return False
    releases[rel.id] = rel
    for number, text in enumerate(kept, start=1):
        paragraphs.append(rel.id, number, text)
    return True
