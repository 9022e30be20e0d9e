"""Finding and reading corpus files: every regular file under the corpus roots, read safely (FIFOs and
devices skipped unopened, size capped, names that are not UTF-8 shown printably), parsed by format."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.ingest.formats import SUFFIXES, RawDoc, SkipFile, read_file
from bot.ingest.report import LoadReport


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


Stats = dict[str, os.stat_result | None]  # path as text -> its stat (symlinks followed), None: unreadable


def discover(paths: Iterable[Path], report: LoadReport, stats: Stats | None = None) -> list[SourceFile]:
    """Every file under the corpus paths, in order (each folder's files by name, then its subfolders by
    name), hidden names skipped, following symlinks once (loops are reported, not followed). `stats`, when
    given, receives each file's stat from the folder listing (what `bot.watch` compares)."""
    roots = [Path(p) for p in paths]
    labels = root_labels([r.parent if r.is_file() else r for r in roots])
    found: list[SourceFile] = []
    for root in roots:
        if root.is_file():
            found.append(SourceFile(root, root.parent, root.parent, labels[root.parent]))
            if stats is not None:
                stats[os.fspath(root)] = _stat(os.fspath(root))
            continue
        _walk(os.fspath(root), _Walk(root, labels[root], found, report, set(), stats))
    return found


@dataclass
class _Walk:
    root: Path
    label: str
    found: list[SourceFile]
    report: LoadReport
    seen: set[str]  # real paths of the folders visited
    stats: Stats | None


def _walk(folder: str, w: _Walk) -> None:
    """One folder's files, then its subfolders' (os.walk's order and rules, with one listing per folder)."""
    try:
        with os.scandir(folder) as it:
            entries = list(it)
    except OSError as e:
        w.report.skipped.append((display_path(e.filename or folder), f"unreadable folder: {e.strerror}"))
        return
    real = os.path.realpath(folder)
    if real in w.seen:
        w.report.skipped.append((display_path(folder), "symlink loop: folder already visited"))
        return
    w.seen.add(real)
    folders: list[str] = []
    files: list[os.DirEntry[str]] = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            folders.append(entry.name)
        else:
            files.append(entry)
    here = Path(folder)
    for entry in sorted(files, key=lambda f: f.name):
        w.found.append(SourceFile(here / entry.name, w.root, here, w.label))
        if w.stats is not None:
            w.stats[entry.path] = _entry_stat(entry)
    for name in sorted(folders):
        _walk(os.path.join(folder, name), w)


def _entry_stat(e: os.DirEntry[str]) -> os.stat_result | None:
    try:
        return e.stat()
    except OSError:
        return None


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as printable text: bytes of a file name that are not UTF-8 (kept by the OS as surrogate
    escapes) are shown as \\xNN, so reports, citations and JSON never fail to encode."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def special_kind(mode: int) -> str | None:
    """'FIFO', 'socket' or 'device' for a file mode that is no regular file (never read: it could block)."""
    if stat.S_ISREG(mode):
        return None
    return "FIFO" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "device"


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
        kind = special_kind(st.st_mode)
        if kind is not None:
            raise SkipFile(f"not a regular file ({kind})")
        if st.st_size > max_bytes:
            raise SkipFile(f"too large: {st.st_size / 1e6:.1f} MB over the {max_bytes / 1e6:.1f} MB cap")
        return f.read(max_bytes + 1)


def read_source(sf: SourceFile, max_bytes: int, report: LoadReport) -> list[RawDoc]:
    """The documents of one file (several for JSONL); a bad file is reported in `report` and yields none."""
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
