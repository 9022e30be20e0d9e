"""The snapshot cache on disk: one immutable folder per saved snapshot, a pointer per fingerprint
replaced atomically, a checksum manifest verified on load, private permissions, stale builds cleaned
and old snapshots pruned.

Layout of `corpus.cache_dir`:
    <fingerprint>.json            the pointer: {"folder", "corpus", "saved"}, replaced by rename-over
    <fingerprint>-<nonce>/        a saved snapshot's files plus manifest.json (sha256 of each file)
    .building-<pid>-<random>/     a save in progress; left behind by a killed process, removed later

The snapshot holds pickled Python objects, so whoever can write the cache can run code in the bot: the
folder is created private (0700) and a folder other users can write to is refused."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("pressbot.cache")
MANIFEST = "manifest.json"
_CHUNK = 1 << 20
_OURS = re.compile(r"^[0-9a-f]{20}(?:-[0-9a-f]{8})?$")  # a saved snapshot's folder (older layouts: no nonce)


class CacheProblem(Exception):
    """The cache folder cannot be used safely; snapshots are rebuilt in memory instead."""


def prepare(cache_dir: Path) -> None:
    """Create the cache folder private to this user; refuse one that other users can write to."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        st = cache_dir.stat()
    except OSError as e:
        raise CacheProblem(f"cannot create the snapshot cache {cache_dir}: {e.strerror or e}") from None
    if not os.access(cache_dir, os.W_OK | os.X_OK):
        raise CacheProblem(f"the snapshot cache {cache_dir} is not writable")
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH) or (hasattr(os, "getuid") and st.st_uid != os.getuid()):
        raise CacheProblem(f"the snapshot cache {cache_dir} can be written by other users (snapshots hold "
                           f"pickled code): make it private (chmod 700) or choose another corpus.cache_dir")


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):  # not every file system lets a folder be fsynced
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST)


def save(cache_dir: Path, fp: str, corpus_key: str, write: Callable[[Path], None]) -> Path:
    """Write a snapshot (`write` fills a fresh folder), checksum and fsync it, then point `fp` at it by an
    atomic rename; the folder it replaces is removed afterwards. A crash at any point leaves the previous
    pointer and folder intact."""
    prepare(cache_dir)
    tmp = Path(tempfile.mkdtemp(prefix=f".building-{os.getpid()}-", dir=cache_dir))
    try:
        write(tmp)
        manifest = {"files": {p.relative_to(tmp).as_posix(): _digest(p) for p in _files(tmp)}}
        (tmp / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
        for p in _files(tmp) + [tmp / MANIFEST]:
            with open(p, "rb+") as f:
                os.fsync(f.fileno())
        for d in sorted({p.parent for p in _files(tmp)} | {tmp}):
            _fsync_dir(d)
        final = cache_dir / f"{fp}-{os.urandom(4).hex()}"
        os.rename(tmp, final)
        old = _pointed(cache_dir, fp)
        pointer = cache_dir / f".{fp}.json.tmp"
        pointer.write_text(json.dumps({"folder": final.name, "corpus": corpus_key, "saved": time.time()}),
                           encoding="utf-8")
        with open(pointer, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(pointer, cache_dir / f"{fp}.json")  # the switch: rename over, atomic
        _fsync_dir(cache_dir)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    if old is not None and old != final:
        shutil.rmtree(old, ignore_errors=True)
    return final


def _pointed(cache_dir: Path, fp: str) -> Path | None:
    try:
        info = json.loads((cache_dir / f"{fp}.json").read_text(encoding="utf-8"))
        folder = cache_dir / str(info["folder"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return folder if folder.is_dir() and folder.parent == cache_dir else None


def verified(cache_dir: Path, fp: str) -> Path | None:
    """The saved folder for `fp` when every file matches its checksum; None (logged) when missing,
    torn or corrupted: the snapshot is then rebuilt."""
    folder = _pointed(cache_dir, fp)
    if folder is None:
        return None
    try:
        prepare(cache_dir)
        expected = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["files"]
        found = {p.relative_to(folder).as_posix() for p in _files(folder)}
        if found != set(expected) or any(_digest(folder / n) != d for n, d in expected.items()):
            log.warning("the saved snapshot %s failed its checksum; rebuilding", folder)
            return None
    except CacheProblem as e:
        log.warning("%s; rebuilding", e)
        return None
    except (OSError, ValueError, KeyError, TypeError):
        log.warning("the saved snapshot %s has no readable manifest; rebuilding", folder)
        return None
    return folder


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean(cache_dir: Path, keep: int) -> list[str]:
    """Remove builds left by dead processes, folders no pointer names, and all but the `keep` newest
    snapshots of each corpus. Returns what was removed (for the log)."""
    if not cache_dir.is_dir():
        return []
    removed: list[str] = []
    pointers: list[tuple[float, str, Path, str]] = []  # (saved, corpus, pointer file, folder name)
    for p in cache_dir.glob("*.json"):
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            info = json.loads(p.read_text(encoding="utf-8"))
            pointers.append((float(info["saved"]), str(info["corpus"]), p, str(info["folder"])))
    by_corpus: dict[str, list[tuple[float, Path, str]]] = {}
    for saved, corpus, p, folder in pointers:
        by_corpus.setdefault(corpus, []).append((saved, p, folder))
    live: set[str] = set()
    for entries in by_corpus.values():
        entries.sort(reverse=True)
        for n, (_saved, p, folder) in enumerate(entries):
            if n < keep:
                live.add(folder)
            else:
                p.unlink(missing_ok=True)
                removed.append(p.name)
    for child in cache_dir.iterdir():
        if child.name.startswith(".building-"):
            pid = child.name.split("-")[1]
            if pid.isdigit() and _alive(int(pid)) and int(pid) != os.getpid():
                continue  # another process is saving right now
            shutil.rmtree(child, ignore_errors=True)
            removed.append(child.name)
        elif child.is_dir() and _OURS.match(child.name) and child.name not in live:
            shutil.rmtree(child, ignore_errors=True)
            removed.append(child.name)
    return removed
