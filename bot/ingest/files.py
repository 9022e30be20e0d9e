"""Finding and reading corpus files: every regular file under the corpus roots, read safely (FIFOs and
devices skipped unopened, size capped, names that are not UTF-8 shown printably), parsed by format."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
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


def discover(paths: Iterable[Path], report: LoadReport) -> list[SourceFile]:
    """Every file under the corpus paths, in order (each folder's files by name, then its subfolders by
    name), hidden names skipped, following symlinks once (loops are reported, not followed)."""
    roots = [Path(p) for p in paths]
    labels = root_labels([r.parent if r.is_file() else r for r in roots])
    found: list[SourceFile] = []
    for root in roots:
        if root.is_file():
            found.append(SourceFile(root, root.parent, root.parent, labels[root.parent]))
            continue
        for folder, files in walk(os.fspath(root), report):
            here = Path(folder)
            found += [SourceFile(here / f.name, root, here, labels[root]) for f in files]
    return found


def walk(root: str, report: LoadReport, seen: set[str] | None = None) -> Iterator[tuple[str, list[os.DirEntry[str]]]]:
    """Each folder under `root` with its files' entries, sorted by name: a folder's files, then its subfolders
    (by name), hidden names skipped, symlinks followed once (os.walk's order and rules, one listing per
    folder). Unreadable folders and symlink loops are reported in `report`."""
    seen = set() if seen is None else seen
    try:
        with os.scandir(root) as it:
            entries = list(it)
    except OSError as e:
        report.skipped.append((display_path(e.filename or root), f"unreadable folder: {e.strerror}"))
        return
    real = os.path.realpath(root)
    if real in seen:
        report.skipped.append((display_path(root), "symlink loop: folder already visited"))
        return
    seen.add(real)
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
    yield root, sorted(files, key=lambda f: f.name)
    for name in sorted(folders):
        yield from walk(os.path.join(root, name), report, seen)


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
