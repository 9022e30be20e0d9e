"""The one reference to the serving snapshot, and reloads that never lose it."""

from __future__ import annotations

import asyncio
import gc
import logging
import multiprocessing
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from bot.audit import Audit
from bot.cache import CacheProblem
from bot.config import Config
from bot.extract.places import Gazetteer
from bot.incremental import apply_files, changed_on_disk
from bot.ingest.corpus import Progress
from bot.snapshot import (
    Snapshot,
    build_snapshot,
    corpus_key,
    fingerprint,
    index_rows,
    load_snapshot,
    open_snapshot,
    save_snapshot,
)

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
    cache_problem: str | None = None  # the snapshot could not be saved: the next start rebuilds
    titles: dict[str, str] = field(default_factory=dict)  # release id -> title, for the ids listed above
    roots: dict[str, str] = field(default_factory=dict)  # release id -> its corpus root, for the same ids
    # corpus root -> (releases, paragraphs) after and before, so a server's reply counts only its corpora
    per_root: dict[str, tuple[int, int]] = field(default_factory=dict)
    per_root_before: dict[str, tuple[int, int]] = field(default_factory=dict)
    incremental: bool = False  # applied by an incremental update (bot/incremental.py), not a rebuild
    rebuilt: str | None = None  # why a change given as files was applied by a full rebuild instead
    steps: dict[str, float] = field(default_factory=dict)  # an incremental update's seconds per step

    def to_dict(self) -> dict:
        return {"added": self.added, "removed": self.removed, "changed": self.changed,
                "releases": self.releases, "paragraphs": self.paragraphs,
                "paragraphs_before": self.paragraphs_before,
                "skipped": [{"file": f, "reason": r} for f, r in self.skipped], "seconds": round(self.seconds, 2),
                "cache_problem": self.cache_problem, "incremental": self.incremental, "rebuilt": self.rebuilt}


def diff(old: Snapshot, new: Snapshot, only: set[str] | None = None) -> ReloadResult:
    """What changed between two snapshots; `only`: the releases that may differ (an incremental update's),
    so the others are not compared."""
    def body(s: Snapshot, rid: str) -> int:
        return hash(tuple(p.text for p in s.paragraphs_of(rid)))

    o, n = old.corpus.releases, new.corpus.releases
    if only is None:
        added, removed = sorted(set(n) - set(o)), sorted(set(o) - set(n))
        changed = [r for r in n if r in o and body(old, r) != body(new, r)]
    else:
        added, removed = sorted(r for r in only if r in n and r not in o), sorted(r for r in only if r in o and r not in n)
        changed = [r for r in only if r in n and r in o and (body(old, r) != body(new, r) or o[r] != n[r])]
    return ReloadResult(added=added, removed=removed, changed=sorted(changed),
                        releases=len(n), paragraphs=new.report.paragraphs,
                        paragraphs_before=old.report.paragraphs, skipped=list(new.report.skipped),
                        seconds=new.report.seconds,
                        titles={rid: (n.get(rid) or o[rid]).title for rid in (set(n) ^ set(o)) | set(changed)},
                        roots={rid: (n.get(rid) or o[rid]).root for rid in (set(n) ^ set(o)) | set(changed)},
                        per_root=root_counts(new), per_root_before=root_counts(old))


def root_counts(snap: Snapshot) -> dict[str, tuple[int, int]]:
    """Corpus root -> (releases, paragraphs) in a snapshot."""
    out: dict[str, tuple[int, int]] = {}
    ranges = snap._ranges()
    for rid, rel in snap.corpus.releases.items():
        r, p = out.get(rel.root, (0, 0))
        lo, hi = ranges.get(rid, (0, 0))
        out[rel.root] = (r + 1, p + hi - lo)
    return out


class SnapshotStore:
    """Holds the serving snapshot; reloads build beside it and swap one reference."""

    def __init__(self, cfg: Config, snapshot: Snapshot, cache_problem: str | None = None) -> None:
        self.cfg = cfg
        self._snapshot = snapshot
        self.cache_problem = cache_problem  # why the snapshot cache is unusable, if it is
        self._lock = threading.Lock()
        self._alock: asyncio.Lock | None = None
        self._requests = 0  # reload requests received; a build covers every request made before it began
        self._covered = 0
        self._last: ReloadResult | ReloadError | None = None
        self.audit = Audit()  # every reload/add/remove: who, when, how long, outcome
        self.started = self.loaded_at = time.time()  # process start; when the serving snapshot was swapped in
        self._saves = threading.Condition()  # incremental snapshots are saved after the swap, newest only
        self._unsaved: Snapshot | None = None
        self._saver: threading.Thread | None = None
        self._want_full = False  # a waiting reload request asked for a full rebuild

    @classmethod
    def open(cls, cfg: Config, progress: Progress | None = None, use_cache: bool = True,
             warm: bool = True) -> SnapshotStore:
        """The store over the configured corpus; `warm` loads the compiled BM25 kernel in the background
        (queries use the numpy path until then), which a one-shot CLI answer does not need."""
        snap, _, problem = open_snapshot(cfg, progress, use_cache)
        if warm:
            snap.index.warm_up(background=True)
            snap.release_index.warm_up(background=True)
            settle(snap)
        return cls(cfg, snap, problem)

    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    def reload(self, requested_by: str = "cli", progress: Progress | None = None, full: bool = True) -> ReloadResult:
        """Rebuild from the corpus folders in this thread; on any failure keep serving the old snapshot.
        `full=False` (a plain `reload`): when only some files changed since the serving snapshot was built
        (same settings and code), apply just those (`apply_files`)."""
        if not full:
            found = changed_on_disk(self._snapshot, self.cfg)
            if found is not None:
                return self._apply_scanned(*found, requested_by)
        with self._lock:
            log.info("reload requested by %s", requested_by)
            try:
                new = _checked(build_snapshot(self.cfg, progress, fingerprint(self.cfg)))
            except ReloadError:
                raise
            except Exception as e:  # any failure must leave the old index serving
                log.exception("reload by %s failed; keeping the previous index", requested_by)
                raise ReloadError(f"the new corpus could not be built ({type(e).__name__}: {e})") from e
            problem = None
            try:
                save_snapshot(new, self.cfg.cache_dir, corpus_key(self.cfg), self.cfg.corpus.cache_keep)
            except (CacheProblem, OSError) as e:
                problem = f"the snapshot could not be saved in {self.cfg.cache_dir}: {e}"
                log.warning("%s", problem)
            result = self._swap(new, requested_by)
            result.cache_problem = self.cache_problem = problem
            return result

    def apply_files(self, changed: list[Path], removed: list[Path], requested_by: str = "cli") -> ReloadResult:
        """Apply files added or changed (`changed`) and gone (`removed`) to the serving snapshot without
        reading the other releases (bot/incremental.py; a full rebuild when the change needs one, said in
        `rebuilt`), in this thread, then swap it in. The new snapshot is saved after the swap, in the
        background (`wait_saved`). On any failure the old snapshot keeps serving (ReloadError)."""
        with self._lock:
            t0 = time.perf_counter()
            log.info("%d changed and %d removed file(s) applied for %s", len(changed), len(removed), requested_by)
            collecting = gc.isenabled()
            gc.disable()  # the update allocates ~10^5 objects: full collections over the heap would cost seconds
            try:
                applied = apply_files(self._snapshot, self.cfg, list(changed), list(removed))
                new = _checked(applied.snapshot)
            except ReloadError:
                raise
            except Exception as e:  # any failure must leave the old index serving
                log.exception("applying files for %s failed; keeping the previous index", requested_by)
                raise ReloadError(f"the change could not be applied ({type(e).__name__}: {e})") from e
            finally:
                if collecting:
                    gc.enable()
            if applied.rebuilt is not None:
                result = self._swap(new, requested_by)
            else:  # the garbage collector's pass over the heap runs after the swap, in the saving thread
                touched = set(new.corpus.releases) ^ set(self._snapshot.corpus.releases)
                result = self._swap(new, requested_by, touched | _touched(applied.snapshot, self._snapshot),
                                    collect=False)
            result.seconds, result.incremental, result.rebuilt = time.perf_counter() - t0, applied.rebuilt is None, \
                applied.rebuilt
            result.steps = {**applied.seconds, "swap": result.seconds - sum(applied.seconds.values())}
            log.info("applied for %s in %.2f s (%s): %s", requested_by, result.seconds,
                     "incremental" if result.incremental else f"rebuilt: {applied.rebuilt}", applied.seconds)
            self._save_soon(new)
            result.cache_problem = self.cache_problem
            return result

    def _apply_scanned(self, changed: list[Path], removed: list[Path], requested_by: str) -> ReloadResult:
        """A plain reload's files applied; nothing to do when none changed."""
        if changed or removed:
            return self.apply_files(changed, removed, requested_by)
        t0 = time.perf_counter()
        with self._lock:
            result = diff(self._snapshot, self._snapshot, set())
        result.seconds, result.incremental, result.cache_problem = time.perf_counter() - t0, True, self.cache_problem
        log.info("reload by %s: no corpus file changed", requested_by)
        return result

    async def aapply_files(self, changed: list[Path], removed: list[Path], requested_by: str) -> ReloadResult:
        """`apply_files` in a worker thread, one at a time with reloads (a failure: ReloadError, the old
        snapshot keeps serving)."""
        if self._alock is None:
            self._alock = asyncio.Lock()
        async with self._alock:
            return await asyncio.to_thread(self.apply_files, changed, removed, requested_by)

    def _save_soon(self, snap: Snapshot) -> None:
        """Save `snap` in a background thread (not a daemon: a clean exit waits for it); a save still
        waiting when a newer snapshot comes is skipped."""
        with self._saves:
            self._unsaved = snap
            if self._saver is None:
                self._saver = threading.Thread(target=self._save_pending, name="snapshot-save")
                self._saver.start()

    def _save_pending(self) -> None:
        while True:
            with self._saves:
                snap, self._unsaved = self._unsaved, None
                if snap is None:
                    self._saver = None
                    self._saves.notify_all()
                    return
            try:
                refreeze()
                save_snapshot(snap, self.cfg.cache_dir, corpus_key(self.cfg), self.cfg.corpus.cache_keep)
                self.cache_problem = None
            except (CacheProblem, OSError) as e:
                self.cache_problem = f"the snapshot could not be saved in {self.cfg.cache_dir}: {e}"
                log.warning("%s", self.cache_problem)
            except Exception:  # the serving snapshot is fine; the next start rebuilds
                log.exception("saving the snapshot failed")

    def wait_saved(self, timeout: float | None = None) -> str | None:
        """Wait for the background save of the serving snapshot; the cache problem, if any."""
        with self._saves:
            self._saves.wait_for(lambda: self._saver is None, timeout)
        return self.cache_problem

    def _swap(self, new: Snapshot, requested_by: str, only: set[str] | None = None,
              collect: bool = True) -> ReloadResult:
        new.index.warm_up()
        new.release_index.warm_up()
        settle(new, collect)
        result = diff(self._snapshot, new, only)
        self._snapshot = new  # the swap: one reference assignment
        self.loaded_at = time.time()
        log.info("reload by %s: %d releases (+%d -%d ~%d), %d skipped", requested_by, result.releases,
                 len(result.added), len(result.removed), len(result.changed), len(result.skipped))
        return result

    async def areload(self, requested_by: str, full: bool = True) -> ReloadResult:
        """Reload without stalling the event loop: the build runs in a separate process (no GIL
        contention with the bot) and saves a snapshot, which a worker thread then loads and swaps in.
        One reload at a time; requests arriving while one runs are merged into one follow-up build
        (three `!reload`s during a build cost one more build, not three). A failure leaves the old
        snapshot serving. `full=False` (a plain `reload`): only the files changed since, when few (see
        `reload`); a full request among those merged makes the build full."""
        if self._alock is None:
            self._alock = asyncio.Lock()
        self._requests += 1
        mine = self._requests
        self._want_full = full or self._want_full
        async with self._alock:
            if self._covered < mine:  # no build began after this request: run one for everyone waiting
                began = self._requests
                full, self._want_full = self._want_full, False
                try:
                    self._last = await (self._areload_once(requested_by) if full else self._areload_changed(requested_by))
                except ReloadError as e:
                    self._last = e
                self._covered = began
            else:
                log.info("reload requested by %s merged into the build that just ran", requested_by)
            last = self._last
        if isinstance(last, ReloadError):
            raise last
        assert last is not None
        return last

    async def _areload_changed(self, requested_by: str) -> ReloadResult:
        """A plain reload: the files changed since the last build, applied in a thread; else a full one."""
        found = await asyncio.to_thread(changed_on_disk, self._snapshot, self.cfg)
        if found is None:
            return await self._areload_once(requested_by)
        log.info("reload requested by %s: %d changed, %d removed file(s)", requested_by, *map(len, found))
        return await asyncio.to_thread(self._apply_scanned, *found, requested_by)

    async def _areload_once(self, requested_by: str) -> ReloadResult:
        log.info("reload requested by %s", requested_by)
        loop = asyncio.get_running_loop()
        limit = self.cfg.corpus.reload_timeout_s
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
            try:
                fp = await asyncio.wait_for(loop.run_in_executor(pool, build_and_save, self.cfg), limit)
            except TimeoutError:
                _terminate(pool)
                log.error("reload by %s took over %s s; the build was stopped", requested_by, limit)
                raise ReloadError(f"the rebuild took longer than {limit:g} s (corpus.reload_timeout_s) and "
                                  f"was stopped") from None
            except ReloadError:
                raise
            except (CacheProblem, OSError) as e:  # no usable cache: build in a thread, report it
                log.warning("snapshot cache unusable (%s); rebuilding in a thread", e)
                return await asyncio.to_thread(self.reload, requested_by)
            except Exception as e:  # any failure must leave the old index serving
                log.exception("reload by %s failed; keeping the previous index", requested_by)
                raise ReloadError(f"the new corpus could not be built ({type(e).__name__}: {e})") from e
        new = await asyncio.to_thread(load_snapshot, self.cfg.cache_dir, fp)
        if new is None:
            raise ReloadError("the rebuilt snapshot could not be read back from the cache")
        result = await asyncio.to_thread(self._swap_locked, new, requested_by)
        self.cache_problem = None
        return result

    def _swap_locked(self, new: Snapshot, requested_by: str) -> ReloadResult:
        with self._lock:
            return self._swap(new, requested_by)


def settle(snap: Snapshot, collect: bool = True) -> None:
    """Make a loaded snapshot ready to serve: build the tables its commands derive on first use (so the
    first answer is not the slow one), then move every object alive now out of the garbage collector's
    reach (`gc.freeze`): a full collection over a loaded snapshot took 100-150 ms and landed inside
    whichever command triggered it."""
    first = next(iter(snap.corpus.releases), None)
    if first is not None:
        snap.paragraphs_of(first)  # release -> paragraph ranges
        snap.entities.people_in(first)  # release -> the people it is about
    if len(snap.corpus.paragraphs):
        snap.same_text_releases(0)  # copy -> first-printed paragraph
    snap.entities.suggest("", 1)
    index_rows(snap)
    Gazetteer.default()
    if collect:
        refreeze()


def refreeze() -> None:
    """The previous snapshot's objects become collectable again, then all alive now are frozen."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _touched(new: Snapshot, old: Snapshot) -> set[str]:
    """The releases an incremental update may have changed: those of the files it read."""
    led = new.corpus.ledger
    before = old.corpus.ledger
    if led is None or before is None:
        return set(new.corpus.releases) | set(old.corpus.releases)
    changed = [p for p, f in led.files.items() if before.files.get(p) is not f]
    changed += [p for p in before.files if p not in led.files]
    return {d.release_id for p in changed for rec in (led.files.get(p), before.files.get(p)) if rec
            for d in rec.docs if d.release_id}


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Stop a pool's worker processes (a build past its time budget), so the pool can shut down."""
    for proc in list(getattr(pool, "_processes", {}).values()):
        proc.terminate()


def _checked(new: Snapshot) -> Snapshot:
    if not new.corpus.releases:
        reasons = "; ".join(f"{f}: {r}" for f, r in new.report.skipped[:3])
        raise ReloadError("the new corpus has no releases" + (f" ({reasons})" if reasons else ""))
    return new


def build_and_save(cfg: Config) -> str:
    """In a worker process: build, validate and save a snapshot; returns its fingerprint."""
    new = _checked(build_snapshot(cfg, None, fingerprint(cfg)))
    save_snapshot(new, cfg.cache_dir, corpus_key(cfg), cfg.corpus.cache_keep)
    return new.fingerprint
