"""Loading a corpus: files -> releases and numbered paragraphs, with a report of what was skipped."""

from __future__ import annotations

import hashlib
import os
import re
import stat
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

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
from bot.ingest.formats import SUFFIXES, RawDoc, SkipFile, read_file
from bot.models import ParagraphTable, Release
from bot.textnorm import collapse_ws, ends_sentence

Progress = Callable[[int, int, str], None]
_HAS_LETTER = re.compile(r"[^\W\d_]")


@dataclass
class LoadReport:
    """What a load saw, kept and dropped; shown by `pressbot index` and after a reload."""

    files_seen: int = 0
    releases: int = 0
    paragraphs: int = 0
    duplicate_paragraphs: int = 0
    boilerplate_lines: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    identical_files: list[tuple[str, str]] = field(default_factory=list)  # (copy, the file kept)
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return {
            "files_seen": self.files_seen, "releases": self.releases, "paragraphs": self.paragraphs,
            "duplicate_paragraphs": self.duplicate_paragraphs, "boilerplate_lines": self.boilerplate_lines,
            "skipped": [{"file": f, "reason": r} for f, r in self.skipped],
            "problems": [{"file": f, "problem": p} for f, p in self.problems],
            "identical_files": [{"file": f, "same_as": k} for f, k in self.identical_files],
            "seconds": round(self.seconds, 3),
        }


@dataclass
class Corpus:
    """Releases and their paragraphs; `index_pids` are the distinct paragraphs the index holds."""

    releases: dict[str, Release]
    paragraphs: ParagraphTable
    index_pids: list[int]
    copies: dict[int, list[int]]
    report: LoadReport

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["copies"] = [(k, *v) for k, v in self.copies.items()]  # flat tuples load much faster
        return state

    def __setstate__(self, state: dict) -> None:
        state["copies"] = {t[0]: list(t[1:]) for t in state["copies"]}
        self.__dict__.update(state)

    def release_of(self, pid: int) -> Release:
        return self.releases[self.paragraphs[pid].release_id]


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: Path
    root: Path
    group: Path
    label: str = ""  # the root's name in release ids, unique among the corpus roots


def root_labels(roots: list[Path]) -> dict[Path, str]:
    """A short label per corpus root for release ids: its folder name, or as many trailing folder names
    as it takes to tell apart roots of the same name (/srv/a/releases -> 'a/releases')."""
    labels: dict[Path, str] = {}
    for root in roots:
        parts = root.resolve().parts[1:] or ("",)
        for n in range(1, len(parts) + 1):
            label = "/".join(parts[-n:])
            others = [o for o in roots if o != root and "/".join(o.resolve().parts[1:][-n:]) == label]
            if not others:
                break
        labels[root] = label
    return labels


def discover(paths: Iterable[Path], report: LoadReport) -> list[SourceFile]:
    """Every file under the corpus paths, following symlinks once (loops are reported, not followed)."""
    roots = [Path(p) for p in paths]
    labels = root_labels([r.parent if r.is_file() else r for r in roots])
    found: list[SourceFile] = []
    for root in roots:
        if root.is_file():
            found.append(SourceFile(root, root.parent, root.parent, labels[root.parent]))
            continue
        seen_dirs: set[str] = set()
        for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=lambda e: report.skipped.append(
                (display_path(e.filename), f"unreadable folder: {e.strerror}"))):
            real = os.path.realpath(dirpath)
            if real in seen_dirs:
                report.skipped.append((display_path(dirpath), "symlink loop: folder already visited"))
                dirnames[:] = []
                continue
            seen_dirs.add(real)
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if not name.startswith("."):
                    found.append(SourceFile(Path(dirpath) / name, root, Path(dirpath), labels[root]))
    return found


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as printable text: bytes of a file name that are not UTF-8 (kept by the OS as surrogate
    escapes) are shown as \\xNN, so reports, citations and JSON never fail to encode."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """A regular file's bytes. Opened non-blocking and checked with fstat, so a FIFO, socket or device in a
    corpus folder is skipped at once instead of hanging the load."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        if not path.exists():
            raise SkipFile("broken symlink" if path.is_symlink() else "file vanished while loading") from None
        raise SkipFile(f"unreadable: {e.strerror or e}") from None
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = "FIFO" if stat.S_ISFIFO(st.st_mode) else "socket" if stat.S_ISSOCK(st.st_mode) else "device"
            raise SkipFile(f"not a regular file ({kind})")
        if st.st_size > max_bytes:
            raise SkipFile(f"too large: {st.st_size / 1e6:.1f} MB over the {max_bytes / 1e6:.1f} MB cap")
        return f.read(max_bytes + 1)


def _read(sf: SourceFile, max_bytes: int, report: LoadReport) -> list[RawDoc]:
    path = sf.path
    shown = display_path(path)
    try:
        if path.suffix.lower() not in SUFFIXES:
            raise SkipFile(f"unsupported file type '{display_path(path.suffix) or '(none)'}'")
        data = _read_bytes(path, max_bytes)
        if len(data) > max_bytes:
            raise SkipFile(f"too large: over the {max_bytes / 1e6:.1f} MB cap")
        problems: list[str] = []
        docs = read_file(path, data, problems)
        report.problems.extend((shown, p) for p in problems)
        return docs
    except SkipFile as e:
        report.skipped.append((shown, str(e)))
    except OSError as e:
        report.skipped.append((shown, f"unreadable: {e.strerror or e}"))
    return []


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


_LANG_TAG = re.compile(r"\s*\((?:english|spanish|español|vietnamese)\)\s*$", re.IGNORECASE)


def _mark_listings(releases: dict[str, Release], paragraphs: ParagraphTable) -> None:
    """Flag index pages: releases most of whose paragraphs are other releases' headlines."""
    titles: dict[str, str] = {}
    for r in releases.values():
        titles.setdefault(collapse_ws(r.title).casefold(), r.id)
    hits: Counter[str] = Counter()
    sizes: Counter[str] = Counter()
    for rid, text in zip(paragraphs.release_ids, paragraphs.texts, strict=True):
        sizes[rid] += 1
        owner = titles.get(_LANG_TAG.sub("", collapse_ws(text)).casefold())
        if owner is not None and owner != rid:
            hits[rid] += 1
    for rid, n in hits.items():
        if n >= 5 and n >= 0.3 * sizes[rid]:
            releases[rid] = replace(releases[rid], listing=True)


def _reposted_body(lines: list[str], counts: Counter[str], need: int, files: int) -> set[int]:
    """Indexes of the lines of a release re-posted in a handful of files of the folder (updated versions,
    copies): repeated lines that few files share (fewer than 3 x `need`, at most half the folder) and that
    make up most of the file's text once the site-wide lines are set aside. Site furniture is printed by a
    large share of the pages instead."""
    few = min(3 * need, files // 2 + 1)
    rare: list[int] = []
    rare_chars = own_chars = 0
    for i, x in enumerate(lines):
        if not x.strip():
            continue
        c = counts[collapse_ws(x).casefold()]
        if c >= few:
            continue  # site-wide: menus, sidebars, footers
        own_chars += len(x.strip())
        if c >= need:
            rare.append(i)
            rare_chars += len(x.strip())
    return set(rare) if rare_chars > 0.5 * max(own_chars, 1) else set()


def furniture_lines(lines: list[str], counts: Counter[str], need: int, files: int = 0) -> set[int]:
    """Indexes of the lines that are site furniture: lines found in at least `need` files of the folder
    (of `files`).

    A repeated sentence that follows the release's own text is kept: offices reuse sentences such as
    "Deputy District Attorney X of the HEAT Unit is prosecuting this case." in dozens of releases, and
    those name real people. Menus, sidebars and footers come in runs of repeated lines instead. Lines that
    few files share and that are most of the file are the release itself, re-posted (see `_reposted_body`)."""
    body = _reposted_body(lines, counts, need, files) if files else set()
    frequent: set[int] = set()
    prev_repeated = True  # the file's first line has no release text before it
    for i, x in enumerate(lines):
        if not x.strip():
            continue
        text = collapse_ws(x)
        repeated = counts[text.casefold()] >= need and i not in body
        if repeated and (prev_repeated or len(text.split()) < 6 or not ends_sentence(text)):
            frequent.add(i)
        prev_repeated = repeated
    return frequent


@dataclass
class _Raw:
    """One document read from a file, with its lines (for furniture statistics and dates)."""

    sf: SourceFile
    doc: RawDoc
    lines: list[str]


@dataclass
class _FolderStats:
    """Per folder (source group): in how many files each line occurs, and the site-name suffixes."""

    line_files: dict[Path, Counter[str]]
    group_size: Counter[Path]
    suffixes: dict[Path, set[str]]

    def need(self, group: Path, cfg: CorpusConfig) -> int:
        """How many files of the folder a line must occur in to count as furniture."""
        return max(cfg.boilerplate_min_files, int(self.group_size[group] * cfg.boilerplate_min_fraction))


def _read_all(files: list[SourceFile], max_bytes: int, report: LoadReport, progress: Progress | None) -> list[_Raw]:
    raw: list[_Raw] = []
    for n, sf in enumerate(files, start=1):
        for doc in _read(sf, max_bytes, report):
            raw.append(_Raw(sf, doc, doc.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")))
        if progress and (n % 200 == 0 or n == len(files)):
            progress(n, len(files), "reading")
    return raw


def _drop_identical(raw: list[_Raw], report: LoadReport) -> list[_Raw]:
    """One document per distinct text within a corpus root: identical files (the same release saved twice)
    are one release, the copies noted in the report, so they neither repeat in answers nor make the
    release's own lines look like site furniture."""
    first: dict[tuple[Path, str], _Raw] = {}
    kept: list[_Raw] = []
    for r in raw:
        key = (r.sf.root, hashlib.blake2b(collapse_ws(r.doc.text).casefold().encode(), digest_size=16).hexdigest())
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
        line_files[group].update({collapse_ws(x).casefold() for x in r.lines if x.strip()})
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


def _make_release(r: _Raw, stats: _FolderStats, cfg: CorpusConfig,
                  report: LoadReport) -> tuple[Release, list[str]] | None:
    """Clean one document into a Release and its paragraph texts; None (reported) when nothing is left."""
    group, doc = r.sf.group, r.doc
    frequent = furniture_lines(r.lines, stats.line_files[group], stats.need(group, cfg), stats.group_size[group])
    blocks = rebuild_paragraphs(doc.text, doc.hard_wrapped)
    if not blocks:
        report.skipped.append((display_path(doc.path), "no text"))
        return None
    suffixes = stats.suffixes[group]
    title = find_title(blocks, doc.meta.get("title"), suffixes,
                       furniture=lambda b: all(i in frequent for i in b.lines), path=display_path(doc.path))
    kept = _body_paragraphs(blocks, frequent, suffixes, cfg.max_paragraph_chars, report)
    if not kept:
        report.skipped.append((display_path(doc.path), "only boilerplate, no release text"))
        return None
    source = cfg.sources.get(group.name) or doc.meta.get("source") or group.name
    rel = Release(
        id=_release_id(doc, r.sf), path=display_path(doc.path), title=title, source=source,
        date=find_date(r.lines, doc.meta.get("date"), str(doc.path)),
        url=doc.meta.get("url"), language=doc.meta.get("language") or detect_language("\n".join(kept)),
        dateline=find_dateline(blocks),
    )
    return rel, kept


def _dedupe(paragraphs: ParagraphTable, report: LoadReport) -> tuple[list[int], dict[int, list[int]]]:
    """The distinct paragraphs to index, and for each the later paragraphs printing the same words."""
    first_of: dict[str, int] = {}
    index_pids: list[int] = []
    copies: dict[int, list[int]] = defaultdict(list)
    for p in paragraphs:
        key = collapse_ws(p.text).casefold()
        first = first_of.setdefault(key, p.pid)
        if first == p.pid:
            index_pids.append(p.pid)
        else:
            copies[first].append(p.pid)
            report.duplicate_paragraphs += 1
    return index_pids, dict(copies)


def load_corpus(paths: Iterable[Path], cfg: CorpusConfig | None = None,
                progress: Progress | None = None) -> Corpus:
    """Read, clean and number every release under `paths`; never raises for a bad file."""
    cfg = cfg or CorpusConfig()
    t0 = time.perf_counter()
    report = LoadReport()
    files = discover(paths, report)
    report.files_seen = len(files) + len(report.skipped)
    raw = _drop_identical(_read_all(files, int(cfg.max_file_mb * 1e6), report, progress), report)
    stats = _folder_stats(raw)
    releases: dict[str, Release] = {}
    paragraphs = ParagraphTable()
    for n, r in enumerate(raw, start=1):
        made = _make_release(r, stats, cfg, report)
        if made is not None:
            rel, kept = made
            if rel.id in releases:
                report.skipped.append((rel.path, f"duplicate release id {rel.id!r}"))
                continue
            releases[rel.id] = rel
            for number, text in enumerate(kept, start=1):
                paragraphs.append(rel.id, number, text)
        if progress and (n % 200 == 0 or n == len(raw)):
            progress(n, len(raw), "cleaning")
    _mark_listings(releases, paragraphs)
    index_pids, copies = _dedupe(paragraphs, report)
    report.releases, report.paragraphs = len(releases), len(paragraphs)
    report.seconds = time.perf_counter() - t0
    return Corpus(releases, paragraphs, index_pids, copies, report)
