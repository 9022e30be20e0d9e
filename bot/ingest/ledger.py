"""The load's bookkeeping, kept in the snapshot so a file can be added, changed or removed without reading
the others (bot/ingest/update.py): for each file, what its documents contributed (the line keys counted in
its folder's furniture statistics, its first line, its release, what was skipped); for each folder, in how
many documents each line key occurs; for each paragraph, the hashes that find its copies and the headlines
it repeats. Line keys and texts are kept as 64-bit hashes (blake2b), stable across processes.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bot.ingest.cleaning import common_suffixes
from bot.ingest.files import SourceFile, display_path
from bot.textnorm import collapse_ws

LANG_TAG = re.compile(r"\s*\((?:english|spanish|español|vietnamese)\)\s*$", re.IGNORECASE)
OrderKey = tuple  # a file's place in the load's order (see `order_key`)


def stable_hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


def hashes(texts: Iterable[str]) -> np.ndarray:
    return np.fromiter((stable_hash(t) for t in texts), dtype=np.uint64)


def copy_key(text: str) -> str:
    """What two paragraphs printing the same words share (the load's duplicate paragraphs)."""
    return collapse_ws(text).casefold()


def headline_key(text: str) -> str:
    """A paragraph as compared with other releases' headlines (the load's listing pages)."""
    return LANG_TAG.sub("", collapse_ws(text)).casefold()


def title_key(title: str) -> str:
    return collapse_ws(title).casefold()


@dataclass
class DocRecord:
    """One document read from a file (a JSONL file holds several)."""

    release_id: str | None  # the release it made; None when skipped or a copy of another file
    text_key: str  # identical documents (in one corpus root) share it
    lines: np.ndarray  # the distinct line keys' hashes, sorted (uint64)
    first_line: str  # for the folder's site-name suffixes
    boilerplate: int = 0  # furniture lines dropped from it
    counted: bool = True  # in its folder's statistics (a copy of another file is not)


@dataclass
class FileRecord:
    sf: SourceFile
    order: OrderKey
    docs: list[DocRecord] = field(default_factory=list)  # what it skipped is in the load report
    stat: tuple[int, int] | None = None  # (size, mtime_ns) when read: a reload finds the files changed since


@dataclass
class FolderCounts:
    """In how many counted documents of a folder each line key occurs (sorted hashes, counts)."""

    keys: np.ndarray
    counts: np.ndarray

    def get(self, keys: np.ndarray) -> np.ndarray:
        at = np.clip(np.searchsorted(self.keys, keys), 0, max(len(self.keys) - 1, 0))
        found = (self.keys[at] == keys) if len(self.keys) else np.zeros(len(keys), dtype=bool)
        return np.where(found, self.counts[at] if len(self.keys) else 0, 0)

    def changed(self, minus: list[np.ndarray], plus: list[np.ndarray]) -> FolderCounts:
        """New counts with these documents' keys taken out and added (self is not changed)."""
        parts = [self.keys] + plus + minus
        signs = [self.counts] + [np.ones(len(p), dtype=np.int64) for p in plus] + \
                [-np.ones(len(m), dtype=np.int64) for m in minus]
        keys, inverse = np.unique(np.concatenate(parts), return_inverse=True)
        counts = np.bincount(inverse.reshape(-1), weights=np.concatenate(signs), minlength=len(keys))
        counts = counts.astype(np.int64)
        live = counts > 0
        return FolderCounts(keys[live], counts[live])


@dataclass
class Ledger:
    """The bookkeeping of a loaded corpus (see the module docstring)."""

    roots: list[str]  # the corpus paths, in order
    files: dict[str, FileRecord]  # by str(path)
    folders: dict[Path, FolderCounts]
    order: dict[str, OrderKey]  # release id -> its place in the load's order
    para_copy: np.ndarray  # paragraph id -> hash of copy_key (0: a removed release's paragraph)
    para_headline: np.ndarray  # paragraph id -> hash of headline_key
    settings: str = ""  # fingerprint.settings_key of the build: the settings and code it was made with

    def group_docs(self, group: Path) -> list[tuple[str, DocRecord]]:
        return [(path, d) for path, f in self.files.items() if f.sf.group == group for d in f.docs if d.counted]

    def suffixes(self, group: Path, docs: Sequence[DocRecord] | None = None) -> set[str]:
        docs = [d for _, d in self.group_docs(group)] if docs is None else docs
        return common_suffixes([d.first_line for d in docs])


def order_key(roots: Sequence[str], path: Path) -> OrderKey:
    """Where a file comes in the load's walk: roots in order; in a folder, its files by name, then its
    sub-folders by name. A document's place is (its file's key, its index in the file)."""
    text = os.fspath(path)
    for n, root in enumerate(roots):
        if text == root or text.startswith(root.rstrip(os.sep) + os.sep):
            rel = Path(os.path.relpath(text, root)).parts if text != root else (path.name,)
            return (n, tuple((1, d) for d in rel[:-1]) + ((0, rel[-1]),))
    return (len(roots), ((0, text),))


def text_key(keys: list[str]) -> str:
    """Identical documents' shared key: the text, whitespace collapsed and casefolded, hashed."""
    return hashlib.blake2b(" ".join(k for k in keys if k).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def doc_record(keys: list[str], lines: list[str], hashed: dict[str, int] | None = None) -> DocRecord:
    """A document's record before cleaning (its release and boilerplate are filled in after)."""
    distinct = {k for k in keys if k}
    values = [hashed[k] for k in distinct] if hashed is not None else [stable_hash(k) for k in distinct]
    return DocRecord(None, text_key(keys), np.unique(np.asarray(values, dtype=np.uint64)),
                     next((x.strip() for x in lines if x.strip()), ""))


def make_ledger(roots: Sequence[Path], files: Sequence[SourceFile], raw: Sequence, line_files: dict,
                results: Sequence[tuple[str | None, int]], texts: Sequence[str],
                keys: np.ndarray | None = None) -> Ledger:
    """The bookkeeping of a full load: `raw` the documents kept (each with .sf, .keys, .lines), `line_files`
    the folders' Counters of line keys, `results` per document (its release id or None, boilerplate lines),
    `texts` the paragraphs; `keys`: their copy and headline keys' hashes when computed already."""
    names = [os.fspath(r) for r in roots]
    records = {os.fspath(sf.path): file_record(sf, names) for sf in files}
    folders: dict[Path, FolderCounts] = {}
    hashed: dict[Path, dict[str, int]] = {}
    for group, counter in line_files.items():
        hashed[group] = {k: stable_hash(k) for k in counter}
        pairs = sorted((hashed[group][k], c) for k, c in counter.items())
        folders[group] = FolderCounts(np.asarray([h for h, _ in pairs], dtype=np.uint64),
                                      np.asarray([c for _, c in pairs], dtype=np.int64))
    order: dict[str, OrderKey] = {}
    for r, (rid, boilerplate) in zip(raw, results, strict=True):
        rec = records[os.fspath(r.sf.path)]
        doc = doc_record(r.keys, r.lines, hashed[r.sf.group])
        doc.release_id, doc.boilerplate = rid, boilerplate
        if rid is not None:
            order[rid] = (*rec.order, len(rec.docs))
        rec.docs.append(doc)
    if keys is None:
        return Ledger(names, records, folders, order, hashes(copy_key(t) for t in texts),
                      hashes(headline_key(t) for t in texts))
    return Ledger(names, records, folders, order, np.ascontiguousarray(keys[:, 0]),
                  np.ascontiguousarray(keys[:, 1]))


def file_record(sf: SourceFile, roots: Sequence[str]) -> FileRecord:
    return FileRecord(sf, order_key(roots, sf.path), stat=file_stat(sf.path))


def file_stat(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def shown(sf: SourceFile) -> str:
    return display_path(sf.path)
