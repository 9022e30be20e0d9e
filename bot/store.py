"""The one reference to the serving snapshot, and reloads that never lose it."""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from bot.config import Config
from bot.ingest.corpus import Progress
from bot.snapshot import Snapshot, build_snapshot, fingerprint, load_snapshot, open_snapshot, save_snapshot

log = logging.getLogger("pressbot.store")


class ReloadError(Exception):
    """A reload that could not produce a usable snapshot; the old one keeps serving."""


@dataclass
class ReloadResult:
    """What changed between the old and new snapshot."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    releases: int = 0
    paragraphs: int = 0
    paragraphs_before: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return {"added": self.added, "removed": self.removed, "changed": self.changed,
                "releases": self.releases, "paragraphs": self.paragraphs,
                "paragraphs_before": self.paragraphs_before,
                "skipped": [{"file": f, "reason": r} for f, r in self.skipped], "seconds": round(self.seconds, 2)}


def diff(old: Snapshot, new: Snapshot) -> ReloadResult:
    def body(s: Snapshot, rid: str) -> int:
        return hash(tuple(p.text for p in s.paragraphs_of(rid)))

    o, n = old.corpus.releases, new.corpus.releases
    changed = [r for r in n if r in o and body(old, r) != body(new, r)]
    return ReloadResult(added=sorted(set(n) - set(o)), removed=sorted(set(o) - set(n)), changed=sorted(changed),
                        releases=len(n), paragraphs=len(new.corpus.paragraphs),
                        paragraphs_before=len(old.corpus.paragraphs), skipped=list(new.report.skipped),
                        seconds=new.report.seconds)


class SnapshotStore:
    """Holds the serving snapshot; reloads build beside it and swap one reference."""

    def __init__(self, cfg: Config, snapshot: Snapshot) -> None:
        self.cfg = cfg
        self._snapshot = snapshot
        self._lock = threading.Lock()
        self._alock: asyncio.Lock | None = None

    @classmethod
    def open(cls, cfg: Config, progress: Progress | None = None, use_cache: bool = True,
             warm: bool = True) -> SnapshotStore:
        """The store over the configured corpus; `warm` loads the compiled BM25 kernel in the background
        (queries use the numpy path until then), which a one-shot CLI answer does not need."""
        snap, _ = open_snapshot(cfg, progress, use_cache)
        if warm:
            snap.index.warm_up(background=True)
            snap.release_index.warm_up(background=True)
        return cls(cfg, snap)

    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    def reload(self, requested_by: str = "cli", progress: Progress | None = None) -> ReloadResult:
        """Rebuild from the corpus folders in this thread; on any failure keep serving the old snapshot."""
        with self._lock:
            log.info("reload requested by %s", requested_by)
            try:
                new = _checked(build_snapshot(self.cfg, progress, fingerprint(self.cfg)))
            except ReloadError:
                raise
            except Exception as e:  # any failure must leave the old index serving
                log.exception("reload by %s failed; keeping the previous index", requested_by)
                raise ReloadError(f"the new corpus could not be built ({type(e).__name__}: {e})") from e
            try:
                save_snapshot(new, self.cfg.cache_dir)
            except OSError:
                log.warning("could not save the snapshot cache in %s", self.cfg.cache_dir)
            return self._swap(new, requested_by)

    def _swap(self, new: Snapshot, requested_by: str) -> ReloadResult:
        new.index.warm_up()
        new.release_index.warm_up()
        result = diff(self._snapshot, new)
        self._snapshot = new  # the swap: one reference assignment
        log.info("reload by %s: %d releases (+%d -%d ~%d), %d skipped", requested_by, result.releases,
                 len(result.added), len(result.removed), len(result.changed), len(result.skipped))
        return result

    async def areload(self, requested_by: str) -> ReloadResult:
        """Reload without stalling the event loop: the build runs in a separate process (no GIL
        contention with the bot) and saves a snapshot, which a worker thread then loads and swaps in.
        One reload at a time; a failure leaves the old snapshot serving."""
        if self._alock is None:
            self._alock = asyncio.Lock()
        async with self._alock:
            log.info("reload requested by %s", requested_by)
            loop = asyncio.get_running_loop()
            with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
                try:
                    fp = await loop.run_in_executor(pool, build_and_save, self.cfg)
                except ReloadError:
                    raise
                except OSError as e:  # no writable cache: fall back to building in a thread
                    log.warning("snapshot cache unusable (%s); rebuilding in a thread", e)
                    return await asyncio.to_thread(self.reload, requested_by)
                except Exception as e:  # any failure must leave the old index serving
                    log.exception("reload by %s failed; keeping the previous index", requested_by)
                    raise ReloadError(f"the new corpus could not be built ({type(e).__name__}: {e})") from e
            new = await asyncio.to_thread(load_snapshot, self.cfg.cache_dir, fp)
            if new is None:
                raise ReloadError("the rebuilt snapshot could not be read back from the cache")
            return await asyncio.to_thread(self._swap_locked, new, requested_by)

    def _swap_locked(self, new: Snapshot, requested_by: str) -> ReloadResult:
        with self._lock:
            return self._swap(new, requested_by)


def _checked(new: Snapshot) -> Snapshot:
    if not new.corpus.releases:
        reasons = "; ".join(f"{f}: {r}" for f, r in new.report.skipped[:3])
        raise ReloadError("the new corpus has no releases" + (f" ({reasons})" if reasons else ""))
    return new


def build_and_save(cfg: Config) -> str:
    """In a worker process: build, validate and save a snapshot; returns its fingerprint."""
    new = _checked(build_snapshot(cfg, None, fingerprint(cfg)))
    save_snapshot(new, cfg.cache_dir)
    return new.fingerprint
