"""Which saved snapshot a corpus and its settings may reuse: hashes of the files, the settings and the code
that shape a snapshot (a snapshot built by other code, or over other files, is never reused)."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from bot import __version__
from bot.config import Config
from bot.ingest.files import discover
from bot.ingest.report import LoadReport

SNAPSHOT_FORMAT = 9  # 6: term frequencies, load ledger, per-release rows and people findings; 7: place tables;
# 8: precomputed answers (ranked evidence per person, grouped quotations, highlight offsets); 9: hyphenated
# compounds also indexed joined

# The code that shapes a snapshot. Commands, renderers, the CLI and Discord code are left out, so
# editing them reuses the saved snapshot; anything listed here forces a rebuild when it changes.
SNAPSHOT_CODE = ("ingest", "extract", "people", "index", "data", "snapshot.py", "models.py", "textnorm.py",
                 "__init__.py", "release_tables.py", "incremental.py", "fingerprint.py", "paragraph_pass.py")


def snapshot_code_files(root: Path | None = None) -> list[Path]:
    """The package files hashed into the fingerprint (see SNAPSHOT_CODE)."""
    root = root or Path(__file__).resolve().parent
    files: list[Path] = []
    for entry in SNAPSHOT_CODE:
        path = root / entry
        files += sorted(f for f in path.rglob("*") if f.is_file() and "__pycache__" not in f.parts
                        and f.suffix != ".pyc") if path.is_dir() else [path]
    return files


def _code_hash(root: Path | None = None) -> str:
    """Hash of the code and data that build snapshots: a snapshot built by other code is never reused."""
    root = root or Path(__file__).resolve().parent
    h = hashlib.sha256()
    for f in snapshot_code_files(root):
        h.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


def fingerprint(cfg: Config) -> str:
    """Hash of every corpus file (path, size, mtime), the settings and the code that shape the snapshot."""
    files: list[tuple[Path, tuple[int, int] | None]] = []
    for sf in discover(cfg.corpus_paths, LoadReport()):
        try:
            st = sf.path.stat()
            files.append((sf.path, (st.st_size, st.st_mtime_ns)))
        except OSError:
            files.append((sf.path, None))
    return files_fingerprint(settings_key(cfg), files)


def files_fingerprint(settings: str, files: Iterable[tuple[Path, tuple[int, int] | None]]) -> str:
    """The fingerprint of these settings (`settings_key`) and files ((path, (size, mtime_ns)) in load order;
    None: unreadable): an incremental update computes it from its bookkeeping, without walking the disk."""
    h = hashlib.sha256(settings.encode())
    for path, st in files:
        h.update(os.fsencode(path) + (f"\0{st[0]}\0{st[1]}\n".encode() if st else b"\0missing\n"))
    return h.hexdigest()[:20]


def settings_key(cfg: Config) -> str:
    """Hash of the settings and the code that shape a snapshot (the fingerprint without the files)."""
    h = hashlib.sha256(_code_hash().encode())
    # settings that change no snapshot (how many processes build it, how long a reload may take, how many
    # saved snapshots are kept, whether an empty corpus may serve) are left out: changing them rebuilds nothing
    index = {k: v for k, v in asdict(cfg.index).items() if k != "workers"}
    corpus = {k: v for k, v in asdict(cfg.corpus).items()
              if k not in ("cache_dir", "cache_keep", "reload_timeout_s", "allow_empty", "watch")}
    h.update(json.dumps({"format": SNAPSHOT_FORMAT, "version": __version__, "corpus": corpus,
                         "index": index, "paths": [str(p) for p in cfg.corpus_paths]},
                        sort_keys=True, default=str).encode())
    return h.hexdigest()


def corpus_key(cfg: Config) -> str:
    """Which corpus a saved snapshot belongs to (for pruning: the newest few are kept per corpus)."""
    return hashlib.sha256("\0".join(sorted(str(p) for p in cfg.corpus_paths)).encode()).hexdigest()[:16]
