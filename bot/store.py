"""The one reference to the serving snapshot, and reloads that never lose it."""

from __future__ import annotations

import asyncio
import gc
import logging
import multiprocessing
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from bot import cache
from bot.audit import Audit
from bot.cache import CacheProblem
from bot.config import Config
from bot.extract.places import Gazetteer
from bot.fingerprint import corpus_key, fingerprint
from bot.incremental import apply_files, changed_on_disk
from bot.ingest.corpus import Progress
from bot.reload_result import ReloadResult, diff, touched_releases
from bot.saver import BackgroundSaver, refreeze
from bot.snapshot import (
    Snapshot,
    build_snapshot,
    embargoed,
    headline_titles,
    index_rows,
    load_snapshot,
    open_snapshot,
    release_index_rows,
    save_snapshot,
)

log = logging.getLogger("pressbot.store")
_APPLY_TOO_LONG = ("applying the change took longer than {limit:g} s (corpus.reload_timeout_s); the previous "
                   "index keeps serving")


__all__ = ["ReloadError", "ReloadResult", "SnapshotStore", "settle"]


class ReloadError(Exception):
    """A reload that could not produce a usable snapshot; the old one keeps serving."""


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
        self.audit = Audit(cfg.audit_path, cfg.audit.max_mb)  # every reload/add/remove/watch batch, persisted
        self.started = self.loaded_at = time.time()  # process start; when the serving snapshot was swapped in
        self._saver = BackgroundSaver(cfg, self._saved)  # incremental snapshots: saved after the swap
        self._want_full = False  # a waiting reload request asked for a full rebuild

    @classmethod
    def open(cls, cfg: Config, progress: Progress | None = None, use_cache: bool = True,
             warm: bool = True) -> SnapshotStore:
        """The store over the configured corpus; `warm` loads the compiled BM25 kernel and builds the tables
        answers derive on first use before returning (about half a second: a kernel loading in the background
        made the first answers after a load the slow ones), which a one-shot CLI answer does not need."""
        snap, _, problem = open_snapshot(cfg, progress, use_cache)
        if warm:
            snap.index.warm_up()
            snap.release_index.warm_up()
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
            _roots_present(self.cfg)
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

    def apply_files(self, changed: list[Path], removed: list[Path], requested_by: str = "cli",
                    deadline: float | None = None) -> ReloadResult:
        """Apply files added or changed (`changed`) and gone (`removed`) to the serving snapshot without
        reading the other releases (bot/incremental.py; a full rebuild when the change needs one, said in
        `rebuilt`), in this thread, then swap it in. The new snapshot is saved after the swap, in the
        background (`wait_saved`). On any failure, or past `deadline` (time.monotonic()), the old snapshot
        keeps serving (ReloadError)."""
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
            if deadline is not None and time.monotonic() > deadline:  # the caller gave up waiting: never swap
                log.error("applying files for %s passed its time limit; the result was dropped", requested_by)
                raise ReloadError(_APPLY_TOO_LONG.format(limit=self.cfg.corpus.reload_timeout_s))
            if applied.rebuilt is not None:
                result = self._swap(new, requested_by)
            else:  # the garbage collector's pass over the heap runs after the swap, in the saving thread
                touched = set(new.corpus.releases) ^ set(self._snapshot.corpus.releases)
                result = self._swap(new, requested_by, touched | touched_releases(applied.snapshot, self._snapshot),
                                    collect=False)
            result.seconds, result.incremental, result.rebuilt = time.perf_counter() - t0, applied.rebuilt is None, \
                applied.rebuilt
            result.steps = {**applied.seconds, "swap": result.seconds - sum(applied.seconds.values())}
            log.info("applied for %s in %.2f s (%s): %s", requested_by, result.seconds,
                     "incremental" if result.incremental else f"rebuilt: {applied.rebuilt}", applied.seconds)
            self._saver.save_soon(new)
            result.cache_problem = self.cache_problem
            return result

    def _apply_scanned(self, changed: list[Path], removed: list[Path], scan_skipped: list[tuple[str, str]],
                       requested_by: str) -> ReloadResult:
        """A plain reload's files applied (nothing to do when none changed); the entries the folder scan
        skipped (a FIFO, a socket, a symlink loop) are named in the result like a full build's skips."""
        _roots_present(self.cfg)  # a missing corpus folder would look like every file of it removed
        if changed or removed:
            result = self.apply_files(changed, removed, requested_by)
        else:
            t0 = time.perf_counter()
            with self._lock:
                result = diff(self._snapshot, self._snapshot, set())
            result.seconds, result.incremental, result.cache_problem = (time.perf_counter() - t0, True,
                                                                        self.cache_problem)
            log.info("reload by %s: no corpus file changed", requested_by)
        result.skipped += [s for s in scan_skipped if s not in result.skipped]
        return result

    async def aapply_files(self, changed: list[Path], removed: list[Path], requested_by: str) -> ReloadResult:
        """`apply_files` in a worker thread, one at a time with reloads (a failure: ReloadError, the old
        snapshot keeps serving)."""
        if self._alock is None:
            self._alock = asyncio.Lock()
        limit = self.cfg.corpus.reload_timeout_s
        async with self._alock:
            work = asyncio.ensure_future(asyncio.to_thread(self.apply_files, changed, removed, requested_by,
                                                           time.monotonic() + limit))
            try:  # past the limit the thread finishes on its own and drops its result (see `deadline`)
                return await asyncio.wait_for(asyncio.shield(work), limit)
            except TimeoutError:
                work.add_done_callback(lambda f: f.exception())  # its ReloadError is expected: not "never retrieved"
                raise ReloadError(_APPLY_TOO_LONG.format(limit=limit)) from None

    def _saved(self, problem: str | None) -> None:
        self.cache_problem = problem

    def wait_saved(self, timeout: float | None = None) -> str | None:
        """Wait for the background save of the serving snapshot; the cache problem, if any."""
        self._saver.wait(timeout)
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
        log.info("reload requested by %s: %d changed, %d removed file(s)", requested_by, len(found[0]), len(found[1]))
        return await asyncio.to_thread(self._apply_scanned, *found, requested_by)

    async def _areload_once(self, requested_by: str) -> ReloadResult:
        """One reload within `corpus.reload_timeout_s`, whatever path it takes: a build in a worker process
        saved to the cache; with the cache unusable, the same build saved to a private temporary folder;
        failing that, a build in a thread of this process. Past the time limit the build is stopped (a
        thread's is abandoned, its result dropped) and the old snapshot keeps serving. An unusable cache is
        reported in the result."""
        log.info("reload requested by %s", requested_by)
        loop = asyncio.get_running_loop()
        _roots_present(self.cfg)
        limit = self.cfg.corpus.reload_timeout_s
        deadline = loop.time() + limit
        problem = None
        try:
            cache.prepare(self.cfg.cache_dir)
            fp = await self._build_in_process(self.cfg, requested_by, deadline)
            new = await asyncio.to_thread(load_snapshot, self.cfg.cache_dir, fp)
        except CacheProblem as e:  # no usable cache: build beside it, report it
            problem = str(e)
            log.warning("%s; reloading without it", problem)
            new = await self._build_uncached(requested_by, deadline)
        if new is None:
            raise ReloadError("the rebuilt snapshot could not be read back from the cache")
        result = await asyncio.to_thread(self._swap_locked, new, requested_by)
        result.cache_problem = self.cache_problem = problem
        return result

    async def _build_in_process(self, cfg: Config, requested_by: str, deadline: float) -> str:
        """build_and_save(cfg) in a fresh worker process, stopped at `deadline` (loop time); its fingerprint."""
        loop = asyncio.get_running_loop()
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
            try:
                return await asyncio.wait_for(loop.run_in_executor(pool, build_and_save, cfg),
                                              max(0.0, deadline - loop.time()))
            except TimeoutError:
                _terminate(pool)
                raise self._too_long(requested_by) from None
            except (ReloadError, CacheProblem):
                raise
            except Exception as e:  # any failure must leave the old index serving
                log.exception("reload by %s failed; keeping the previous index", requested_by)
                raise ReloadError(f"the new corpus could not be built ({type(e).__name__}: {e})") from e

    async def _build_uncached(self, requested_by: str, deadline: float) -> Snapshot | None:
        """A rebuild that does not touch the cache: in a worker process saving to a private temporary
        folder (read back, then deleted), else in a thread; both within the same deadline."""
        loop = asyncio.get_running_loop()
        try:
            with tempfile.TemporaryDirectory(prefix="pressbot-reload-") as tmp:
                cfg = replace(self.cfg, corpus=replace(self.cfg.corpus, cache_dir=tmp))
                fp = await self._build_in_process(cfg, requested_by, deadline)
                return await asyncio.to_thread(load_snapshot, Path(tmp), fp)
        except (CacheProblem, OSError) as e:
            log.warning("no temporary folder for the reload either (%s); building in a thread", e)
        task = asyncio.ensure_future(asyncio.to_thread(self._build_checked, requested_by))
        try:  # shielded: a thread cannot be stopped, so past the deadline its result is dropped
            return await asyncio.wait_for(asyncio.shield(task), max(0.0, deadline - loop.time()))
        except TimeoutError:
            task.add_done_callback(lambda t: t.cancelled() or t.exception())  # retrieved: no "never retrieved"
            raise self._too_long(requested_by) from None

    def _build_checked(self, requested_by: str) -> Snapshot:
        try:
            return _checked(build_snapshot(self.cfg, None, fingerprint(self.cfg)))
        except ReloadError:
            raise
        except Exception as e:  # any failure must leave the old index serving
            log.exception("reload by %s failed; keeping the previous index", requested_by)
            raise ReloadError(f"the new corpus could not be built ({type(e).__name__}: {e})") from e

    def _too_long(self, requested_by: str) -> ReloadError:
        limit = self.cfg.corpus.reload_timeout_s
        log.error("reload by %s took over %s s; the build was stopped", requested_by, limit)
        return ReloadError(f"the rebuild took longer than {limit:g} s (corpus.reload_timeout_s) and was stopped")

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
    if len(snap.corpus.paragraphs):
        snap.same_text_releases(0)  # copy -> first-printed paragraph
    snap.entities.warm()  # release -> its people, surname parts, the autocomplete list
    index_rows(snap)
    release_index_rows(snap)
    headline_titles(snap)
    embargoed(snap)
    Gazetteer.default()
    if collect:
        refreeze()


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Stop a pool's worker processes (a build past its time budget), so the pool can shut down."""
    for proc in list(getattr(pool, "_processes", {}).values()):
        proc.terminate()


def _roots_present(cfg: Config) -> None:
    """Refuse a reload while a configured corpus folder is missing (unmounted, renamed): rebuilding
    without it would remove every release it holds."""
    missing = [str(p) for p in cfg.corpus_paths if not p.exists()]
    if missing:
        raise ReloadError(f"corpus folder {', '.join(missing)} is missing (restore it, or remove it from "
                          f"corpus.paths and restart)")


def _checked(new: Snapshot) -> Snapshot:
    if not new.corpus.releases:
        reasons = "; ".join(f"{f}: {r}" for f, r in new.report.skipped[:3])
        raise ReloadError("the new corpus has no releases" + (f" ({reasons})" if reasons else ""))
    return new


def build_and_save(cfg: Config) -> str:
    """In a worker process: build, validate and save a snapshot; returns its fingerprint."""
    new = _checked(build_snapshot(cfg, None, fingerprint(cfg)))
    try:
        save_snapshot(new, cfg.cache_dir, corpus_key(cfg), cfg.corpus.cache_keep)
    except OSError as e:  # a cache problem, not a build failure: the caller builds without the cache
        raise CacheProblem(f"the snapshot could not be saved in {cfg.cache_dir}: {e}") from None
    return new.fingerprint
