"""Files added, changed or removed, applied to a loaded corpus as a full load would apply them, reading only
those files (and the few others a change concerns).

A document's cleaning depends on its folder only through, for each of its lines, whether that line is in
at least `need` documents of the folder (furniture) and in at least `few` (site-wide; see
`corpus._reposted_body`), and on the folder's site-name suffixes. The ledger keeps every folder's line
counts, so a change recomputes them and cleans again the other documents one of whose lines crosses a
threshold. What cannot be applied so is refused with `NeedsRebuild` and its reason (the caller rebuilds):
a change of a folder's site-name suffixes, more than `MAX_RECLEANED` documents to clean again, a new file
identical to one a full load would then drop, or a release id another file already uses.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bot.config import CorpusConfig
from bot.ingest.cleaning import common_suffixes
from bot.ingest.corpus import _CleanJob, _make_release, _Raw, _read_files
from bot.ingest.files import SourceFile, display_path, root_labels
from bot.ingest.ledger import (
    DocRecord,
    FileRecord,
    FolderCounts,
    Ledger,
    doc_record,
    file_record,
    hashes,
    order_key,
    shown,
)
from bot.ingest.report import LoadReport
from bot.models import Release

MAX_RECLEANED = 2000  # other documents cleaned again in one update; past this a full rebuild is cheaper


class NeedsRebuild(Exception):
    """This change cannot be applied incrementally; the message says why."""


@dataclass
class FileChanges:
    """What changes at the file level: the old files' records replaced, the new documents cleaned."""

    old: dict[str, FileRecord | None]  # path -> its record before (None: a new file)
    new: dict[str, FileRecord | None]  # path -> its record after (None: gone)
    made: list[tuple[Release, list[str]]]  # the releases cleaned, in load order
    folders: dict[Path, FolderCounts]  # the folders whose counts changed
    report: LoadReport  # what reading and cleaning them skipped, copies, boilerplate
    recleaned: list[str] = field(default_factory=list)  # other files cleaned again (a threshold crossed)


def _need(size: int, cfg: CorpusConfig) -> int:
    return max(cfg.boilerplate_min_files, int(size * cfg.boilerplate_min_fraction))


def _few(need: int, size: int) -> int:
    return min(3 * need, size // 2 + 1)


def source_file(roots: list[Path], path: Path) -> SourceFile | None:
    """The corpus file at `path` as the load's walk finds it; None outside the corpus (or hidden)."""
    labels = root_labels([r.parent if r.is_file() else r for r in roots])
    text = os.path.abspath(path)
    for root in roots:
        base = os.path.abspath(root)
        if root.is_file():
            if text == base:
                return SourceFile(Path(text), root.parent, root.parent, labels[root.parent])
            continue
        if text.startswith(base.rstrip(os.sep) + os.sep):
            rel = Path(os.path.relpath(text, base)).parts
            if any(part.startswith(".") for part in rel):
                return None
            full = Path(os.path.join(os.fspath(root), *rel))
            return SourceFile(full, root, full.parent, labels[root])
    return None


class _Pass:
    """One round of reading and counting; repeated while other documents join (a threshold crossed)."""

    def __init__(self, led: Ledger, cfg: CorpusConfig, read: dict[str, tuple[list[_Raw], LoadReport]]) -> None:
        self.led, self.cfg, self.read = led, cfg, read

    def run(self, touched: dict[str, SourceFile | None]) -> tuple[FileChanges, dict[str, SourceFile]]:
        led, cfg = self.led, self.cfg
        max_bytes = int(cfg.max_file_mb * 1e6)
        for path, sf in touched.items():
            if sf is not None and path not in self.read:
                self.read[path] = _read_files([(sf, max_bytes)])[0]
        report = LoadReport()
        old = {p: led.files.get(p) for p in touched}
        new: dict[str, FileRecord | None] = {}
        texts = {(os.fspath(f.sf.root), d.text_key): p for p, f in led.files.items() if p not in touched
                 for d in f.docs if d.counted}
        kept: list[tuple[FileRecord, DocRecord, _Raw]] = []
        order = sorted((p for p in touched if touched[p] is not None),
                       key=lambda p: order_key(led.roots, Path(p)))
        for path in order:
            sf = touched[path]
            assert sf is not None
            raws, part = self.read[path]
            report.skipped += part.skipped
            report.problems += part.problems
            rec = file_record(sf, led.roots)
            for r in raws:
                doc = doc_record(r.keys, r.lines)
                twin = texts.setdefault((os.fspath(sf.root), doc.text_key), path)
                if twin != path:
                    if led.files.get(twin) is not None and led.files[twin].order > rec.order:
                        raise NeedsRebuild(f"{shown(sf)} is identical to {display_path(twin)}, which a full "
                                           "load would then drop instead")
                    report.identical_files.append((shown(sf), display_path(twin)))
                    continue
                rec.docs.append(doc)
                kept.append((rec, doc, r))
            new[path] = rec
        for path, sf in touched.items():
            if sf is None:
                new[path] = None
        self.kept = kept
        folders, more = self._counts(old, kept)
        extra = {p: self.led.files[p].sf for p in more if p not in touched}
        return FileChanges(old, new, [], folders, report), extra

    def _counts(self, old: dict[str, FileRecord | None], kept: list[tuple[FileRecord, DocRecord, _Raw]]
                ) -> tuple[dict[Path, FolderCounts], set[str]]:
        """The changed folders' new counts, and the other files whose lines cross a threshold."""
        led, cfg = self.led, self.cfg
        minus: dict[Path, list[np.ndarray]] = {}
        plus: dict[Path, list[np.ndarray]] = {}
        for rec in old.values():
            if rec is not None:
                minus.setdefault(rec.sf.group, []).extend(d.lines for d in rec.docs if d.counted)
        for rec, doc, _ in kept:
            plus.setdefault(rec.sf.group, []).append(doc.lines)
        folders: dict[Path, FolderCounts] = {}
        crossing: set[str] = set()
        self.stats: dict[Path, tuple[int, int, set[str]]] = {}
        for group in set(minus) | set(plus):
            others = [(p, d) for p, d in led.group_docs(group) if p not in old]
            before = led.folders.get(group, FolderCounts(np.zeros(0, np.uint64), np.zeros(0, np.int64)))
            after = before.changed(minus.get(group, []), plus.get(group, []))
            folders[group] = after
            size_before = len(others) + len(minus.get(group, []))
            size_after = len(others) + len(plus.get(group, []))
            suffixes = common_suffixes([d.first_line for _, d in others] + [d.first_line for r, d, _ in kept
                                                                             if r.sf.group == group])
            if suffixes != common_suffixes([d.first_line for _, d in led.group_docs(group)]):
                crossing |= {p for p, _ in others}  # every title and first paragraph may change
            need0, need1 = _need(size_before, cfg), _need(size_after, cfg)
            few0, few1 = _few(need0, size_before), _few(need1, size_after)
            self.stats[group] = (need1, size_after, suffixes)
            if (need0, few0) != (need1, few1):
                keys = np.union1d(before.keys, after.keys)
            else:
                keys = np.unique(np.concatenate(minus.get(group, []) + plus.get(group, []) + [np.zeros(0, np.uint64)]))
            c0, c1 = before.get(keys), after.get(keys)
            flipped = keys[((c0 >= need0) != (c1 >= need1)) | ((c0 >= few0) != (c1 >= few1))]
            if len(flipped):
                crossing |= {p for p, d in others if np.isin(d.lines, flipped, assume_unique=True).any()}
        if len(crossing) > MAX_RECLEANED:
            raise NeedsRebuild(f"a furniture threshold changes for {len(crossing)} other files")
        return folders, crossing


def file_changes(led: Ledger, cfg: CorpusConfig, touched: dict[str, SourceFile | None]) -> FileChanges:
    """Read the touched files (None: gone) and recount their folders; files whose furniture a change
    concerns join them, until none does. Then clean every document read."""
    read: dict[str, tuple[list[_Raw], LoadReport]] = {}
    touched = dict(touched)
    recleaned: list[str] = []
    for _ in range(4):
        run = _Pass(led, cfg, read)
        changes, extra = run.run(touched)
        if not extra:
            break
        recleaned += list(extra)
        touched.update(extra)
    else:
        raise NeedsRebuild("furniture thresholds kept moving")
    changes.recleaned = recleaned
    for rec, doc, raw in run.kept:
        need, size, suffixes = run.stats[rec.sf.group]  # every document read counts in its folder
        counts = changes.folders[rec.sf.group]
        distinct = sorted({k for k in raw.keys if k})
        mine = Counter(dict(zip(distinct, counts.get(hashes(distinct)).tolist(), strict=True)))
        part = LoadReport()
        made = _make_release(_CleanJob(raw, mine, need, size, suffixes, cfg), part)
        changes.report.skipped += part.skipped
        changes.report.boilerplate_lines += part.boilerplate_lines
        doc.boilerplate = part.boilerplate_lines
        if made is not None:
            changes.made.append(made)
            doc.release_id = made[0].id
    return changes
