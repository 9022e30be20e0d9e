"""Saving incrementally updated snapshots after the swap, in a background thread, newest only."""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable

from bot.cache import CacheProblem
from bot.config import Config
from bot.fingerprint import corpus_key
from bot.snapshot import Snapshot, save_snapshot

log = logging.getLogger("pressbot.store")


def refreeze() -> None:
    """The previous snapshot's objects become collectable again, then all alive now are frozen
    (`gc.freeze`: a full collection over a loaded snapshot took 100-150 ms)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class BackgroundSaver:
    """Saves the snapshots given to `save_soon` in a thread (not a daemon: a clean exit waits for it); a
    snapshot still waiting when a newer one comes is skipped. `done(problem)` after each save (None: saved).
    The garbage collector's pass over the heap runs there too, before the save, after the swap."""

    def __init__(self, cfg: Config, done: Callable[[str | None], None]) -> None:
        self.cfg, self.done = cfg, done
        self._cond = threading.Condition()
        self._pending: Snapshot | None = None
        self._thread: threading.Thread | None = None

    def save_soon(self, snap: Snapshot) -> None:
        with self._cond:
            self._pending = snap
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="snapshot-save")
                self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until nothing is left to save; False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: self._thread is None, timeout)

    def _run(self) -> None:
        while True:
            with self._cond:
                snap, self._pending = self._pending, None
                if snap is None:
                    self._thread = None
                    self._cond.notify_all()
                    return
            try:
                refreeze()
                save_snapshot(snap, self.cfg.cache_dir, corpus_key(self.cfg), self.cfg.corpus.cache_keep)
                self.done(None)
            except (CacheProblem, OSError) as e:
                problem = f"the snapshot could not be saved in {self.cfg.cache_dir}: {e}"
                log.warning("%s", problem)
                self.done(problem)
            except Exception:  # the serving snapshot is fine; the next start rebuilds
                log.exception("saving the snapshot failed")
