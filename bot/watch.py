"""Watched folders (`corpus.watch`): new, changed and deleted corpus files are applied to the serving index
as they appear on disk, without a reload command.

Every `interval_s` the watcher lists the files the index reads (every corpus folder: the shared
`corpus.paths` and each server's own; hidden names such as `.trash/` and uploads' `.upload-*.tmp`, and
suffixes the index does not read, such as a download's `.part`, are never looked at) with their size and
modification time. A file that differs from what was last applied must look the same on two polls in a row
before it is applied (a file still being copied waits), and everything stable is applied as ONE batch
(`SnapshotStore.aapply_files`) once nothing else is still moving, so a burst of files costs one update.
A failed batch is logged and reported, the previous index keeps serving, and those files are retried when
they change again (or by a `reload`). Each batch that changes the index is audited once per server that
sees the files (`watch` events, which `status` shows and Discord posts to the log channels)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import stat
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.audit import Event
from bot.commands.reload import _visible, changed_items, one_line, relative_skips
from bot.config import Config
from bot.guilds import root_of, scope_for, shared_roots
from bot.ingest.files import display_path, walk
from bot.ingest.formats import SUFFIXES
from bot.ingest.report import LoadReport
from bot.items import Item, SkippedFile
from bot.models import Answer
from bot.store import ReloadError, ReloadResult, SnapshotStore

log = logging.getLogger("pressbot.watch")
Stat = tuple[int, int]  # size in bytes, modification time in ns
HOLD_POLLS = 5  # stable files wait at most this many polls for still-moving ones before they are applied
WHO = "watch"
_GONE = object()


def scan(cfg: Config) -> dict[str, Stat]:
    """Every regular file the index would read under the corpus folders (path as text -> size, mtime): the
    walk of `bot/ingest/files.py::discover` (`walk`: hidden names skipped, symlinks followed once), kept to
    the suffixes the index reads (a corpus path that is a file is kept whatever its suffix). A file that
    cannot be stat'ed counts as deleted until it reads again."""
    out: dict[str, Stat] = {}
    for root in map(os.fspath, cfg.corpus_paths):
        if os.path.isfile(root):
            with contextlib.suppress(OSError):
                _add(out, root, os.stat(root))
            continue
        for _folder, files in walk(root, LoadReport()):
            for f in files:
                if os.path.splitext(f.name)[1].lower() in SUFFIXES:
                    with contextlib.suppress(OSError):  # vanished or unreadable
                        _add(out, f.path, f.stat())
    return out


def _add(out: dict[str, Stat], path: str, st: os.stat_result) -> None:
    if stat.S_ISREG(st.st_mode):
        out[path] = (st.st_size, st.st_mtime_ns)


@dataclass
class Batch:
    """One application of files changed on disk, and how it ended."""

    changed: list[Path]  # new or modified
    removed: list[Path]
    result: ReloadResult | None = None
    error: str | None = None  # one line; the traceback is in the log
    seconds: float = 0.0
    events: list[Event] = field(default_factory=list)  # the audit lines recorded for it (one per server)

    @property
    def ok(self) -> bool:
        return self.error is None


class Watcher:
    """Polls the corpus folders and applies stable changes in batches; `poll` is one look, `run` loops."""

    def __init__(self, store: SnapshotStore, interval_s: float | None = None,
                 on_batch: Callable[[Batch], Awaitable[None] | None] | None = None) -> None:
        self.store, self.cfg = store, store.cfg
        self.interval_s = interval_s if interval_s is not None else store.cfg.corpus.watch.interval_s
        self.on_batch = on_batch
        self.known: dict[str, Stat] = scan(self.cfg)  # as last applied (at start: what the index was built from)
        self.pending: dict[str, Stat | None] = {}  # a change seen once: applied if it looks the same next poll
        self.failed: dict[str, Stat | None] = {}  # a change whose batch failed: retried when it changes again
        self._held = 0  # polls that stable changes have waited for moving ones

    async def poll(self) -> Batch | None:
        """Look once; apply and return a batch when stable changes are ready, else None."""
        current = await asyncio.to_thread(scan, self.cfg)
        ready, moving = self._settle(current)
        if not ready:
            self._held = 0
            return None
        if moving and self._held < HOLD_POLLS:
            self._held += 1
            return None
        self._held = 0
        batch = await self._apply(ready)
        if self.on_batch is not None:
            done = self.on_batch(batch)
            if done is not None:
                await done
        return batch

    async def run(self, stop: asyncio.Event | None = None) -> None:
        """Poll until `stop` is set (or the task is cancelled); no failure ends the loop."""
        log.info("watching %d corpus folder(s) every %g s", len(self.cfg.corpus_paths), self.interval_s)
        stop = stop or asyncio.Event()
        while not stop.is_set():
            try:
                await self.poll()
            except asyncio.CancelledError:
                raise
            except Exception:  # the watcher outlives any one bad poll
                log.exception("watching the corpus folders failed this time; trying again")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self.interval_s)

    def _settle(self, current: dict[str, Stat]) -> tuple[dict[str, Stat | None], bool]:
        """The changes stable since the last poll (None: deleted), and whether others are still moving."""
        ready: dict[str, Stat | None] = {}
        moving = False
        for p in set(current) | set(self.known) | set(self.pending) | set(self.failed):
            now = current.get(p)
            if now == self.known.get(p):  # unchanged, or changed back
                self.pending.pop(p, None)
                self.failed.pop(p, None)
            elif self.failed.get(p, _GONE) == now:
                self.pending.pop(p, None)
            elif p in self.pending and self.pending[p] == now:
                ready[p] = now
            else:
                self.pending[p] = now
                moving = True
        return ready, moving

    async def _apply(self, ready: dict[str, Stat | None]) -> Batch:
        changed = sorted(Path(p) for p, s in ready.items() if s is not None)
        removed = sorted(Path(p) for p, s in ready.items() if s is None)
        batch = Batch(changed, removed)
        t0 = time.perf_counter()
        log.info("applying %d changed and %d deleted file(s)", len(changed), len(removed))
        try:
            batch.result = await self.store.aapply_files(changed, removed, requested_by=WHO)
        except Exception as e:  # any failure: the previous index keeps serving
            if isinstance(e, ReloadError):
                log.warning("watch batch failed; keeping the previous index: %s", e)
            else:
                log.exception("watch batch failed; keeping the previous index")
            batch.error = one_line(e)
        batch.seconds = time.perf_counter() - t0
        for p, s in ready.items():
            self.pending.pop(p, None)
            if batch.ok:
                self.failed.pop(p, None)
                if s is None:
                    self.known.pop(p, None)
                else:
                    self.known[p] = s
            else:
                self.failed[p] = s
        batch.events = self._audit(batch)
        return batch

    def _audit(self, batch: Batch) -> list[Event]:
        """One audit line per server that sees the batch's files (None: the shared corpora's line)."""
        events = []
        # a batch is reported to the servers seeing its files, and to those seeing any release it changed
        # (a full rebuild applies whatever else changed on disk meanwhile)
        changed_roots = set(batch.result.roots.values()) if batch.result else set()
        for gid, roots in targets(self.cfg, batch.changed + batch.removed, changed_roots):
            if batch.ok and not _matters(self.store, batch, roots):
                log.info("watch batch%s: no release added, removed or changed",
                         f" (server {gid})" if gid is not None else "")
                continue
            events.append(self.store.audit.record("watch", WHO, batch.seconds, batch.ok,
                                                  outcome(self.store, batch, roots), gid))
        return events


def targets(cfg: Config, paths: list[Path], roots: set[str] | None = None) -> list[tuple[int | None, frozenset[str] | None]]:
    """(server, the roots it sees) for each server seeing one of `paths` or `roots`; None first for the
    shared ones."""
    touched = {found[1] for p in paths if (found := root_of(cfg, p)) is not None} | (roots or set())
    if not cfg.guilds:
        return [(None, None)] if touched else []
    out: list[tuple[int | None, frozenset[str] | None]] = []
    shared = shared_roots(cfg)
    if touched & shared:
        out.append((None, shared))
    for gid in cfg.guilds:
        seen = scope_for(cfg, gid).roots
        if seen is not None and touched & seen:
            out.append((gid, seen))
    return out


def _files(store: SnapshotStore, paths: list[Path], roots: frozenset[str] | None) -> list[Path]:
    return [p for p in paths if roots is None or ((f := root_of(store.cfg, p)) is not None and f[1] in roots)]


def _skipped(store: SnapshotStore, batch: Batch, roots: frozenset[str] | None) -> list[tuple[str, str]]:
    """The batch's own files that the index skipped, as paths inside their corpus."""
    mine = {display_path(p) for p in batch.changed}
    skipped = [(f, r) for f, r in (batch.result.skipped if batch.result else []) if f in mine]
    return relative_skips(store, skipped, roots)


def _matters(store: SnapshotStore, batch: Batch, roots: frozenset[str] | None) -> bool:
    assert batch.result is not None
    seen = _visible(batch.result, roots)
    return bool(seen.added or seen.removed or seen.changed or _skipped(store, batch, roots))


def outcome(store: SnapshotStore, batch: Batch, roots: frozenset[str] | None) -> str:
    """One line: the files seen, then the titles added/removed/changed (10 each, then "N more")."""
    changed, removed = _files(store, batch.changed, roots), _files(store, batch.removed, roots)
    files = f"{len(changed)} new or modified and {len(removed)} deleted file(s) on disk"
    if batch.result is None:
        return f"{files}; not applied ({batch.error}); the previous index keeps serving"
    seen = _visible(batch.result, roots)
    parts = []
    for change, ids in (("added", seen.added), ("removed", seen.removed), ("changed", seen.changed)):
        if ids:
            more = f" and {len(ids) - 10} more" if len(ids) > 10 else ""
            parts.append(f"{change} " + ", ".join(repr(seen.titles.get(i, i)) for i in ids[:10]) + more)
    skipped = _skipped(store, batch, roots)
    if skipped:
        parts.append(f"{len(skipped)} skipped ({skipped[0][0]}: {skipped[0][1]})")
    return f"{files}: " + ("; ".join(parts) if parts else "no release added, removed or changed")


def batch_answer(store: SnapshotStore, batch: Batch, roots: frozenset[str] | None = None) -> Answer:
    """A batch as an answer (the terminal prints it): the summary line, titles changed, files skipped."""
    summary = f"Watch: {outcome(store, batch, roots)} (in {batch.seconds:.1f} s)."
    if batch.result is None:
        return Answer("watch", "", False, summary, error="reload_failed")
    items: list[Item] = changed_items(_visible(batch.result, roots))
    items += [SkippedFile(skipped=f, reason=r) for f, r in _skipped(store, batch, roots)]
    return Answer("watch", "", True, summary, items=items)
