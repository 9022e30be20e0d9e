"""The one reference to the serving snapshot, and reloads that never lose it."""

from __future__ import annotations

import asyncio
import logging
import threading
from dataclasses import dataclass, field

from bot.config import Config
from bot.corpus import Progress
from bot.snapshot import Snapshot, build_snapshot, fingerprint, open_snapshot, save_snapshot

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
    def open(cls, cfg: Config, progress: Progress | None = None, use_cache: bool = True) -> SnapshotStore:
        snap, _ = open_snapshot(cfg, progress, use_cache)
        snap.index.warm_up()
        return cls(cfg, snap)

    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    def reload(self, requested_by: str = "cli", progress: Progress | None = None) -> ReloadResult:
        """Rebuild from the corpus folders; on any failure keep serving the old snapshot."""
        with self._lock:
            old = self._snapshot
            log.info("reload requested by %s", requested_by)
            try:
                new = build_snapshot(self.cfg, progress, fingerprint(self.cfg))
            except Exception as e:  # noqa: BLE001 - any failure must leave the old index serving
                log.exception("reload by %s failed; keeping the previous index", requested_by)
                raise ReloadError(f"the new corpus could not be built ({type(e).__name__}: {e})") from e
            if not new.corpus.releases:
                reasons = "; ".join(f"{f}: {r}" for f, r in new.report.skipped[:3])
                raise ReloadError("the new corpus has no releases" + (f" ({reasons})" if reasons else ""))
            new.index.warm_up()
            result = diff(old, new)
            self._snapshot = new  # the swap: one reference assignment
            try:
                save_snapshot(new, self.cfg.cache_dir)
            except OSError:
                log.warning("could not save the snapshot cache in %s", self.cfg.cache_dir)
            log.info("reload by %s: %d releases (+%d -%d ~%d), %d skipped", requested_by, result.releases,
                     len(result.added), len(result.removed), len(result.changed), len(result.skipped))
            return result

    async def areload(self, requested_by: str) -> ReloadResult:
        """reload() in a worker thread, one at a time, so the event loop keeps answering."""
        if self._alock is None:
            self._alock = asyncio.Lock()
        async with self._alock:
            return await asyncio.to_thread(self.reload, requested_by)
