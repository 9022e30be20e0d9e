"""SnapshotStore.apply_files / aapply_files: a failure keeps the old snapshot serving; the new snapshot is
saved (atomically, after the swap), a restart loads it, and a kill during that save leaves the previous
complete snapshot loadable, never a torn one."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import replace

import pytest

import bot.incremental
from bot import cache
from bot.commands.engine import Engine
from bot.fingerprint import fingerprint
from bot.snapshot import load_snapshot, open_snapshot
from bot.store import ReloadError, SnapshotStore
from tests.helpers import ROOT
from tests.incremental.compare import corpus_view, people_view
from tests.incremental.test_incremental import corpus_copy


@pytest.fixture
def setup(sample_dir, tmp_path):
    """A store over the sample corpus without some files (saved in its cache), and those files."""
    cfg, held = corpus_copy(sample_dir, tmp_path, hold_every=10)
    store = SnapshotStore.open(cfg, warm=False)

    def put_back() -> list:
        for f in held:
            shutil.copy2(sample_dir / f.relative_to(tmp_path / "corpus"), f)
        return held

    return cfg, store, put_back


def test_a_failure_in_the_middle_keeps_the_old_snapshot(setup, monkeypatch):
    cfg, store, put_back = setup
    old = store.snapshot
    before = corpus_view(old)
    answer = Engine(store).ask("search sentenced").to_dict()

    def broken(*_args, **_kwargs):
        raise RuntimeError("people index exploded")

    monkeypatch.setattr(bot.incremental, "people_from_ops", broken)
    with pytest.raises(ReloadError, match="people index exploded"):
        store.apply_files(put_back(), [], "test")
    assert store.snapshot is old and corpus_view(old) == before
    assert Engine(store).ask("search sentenced").to_dict() == answer
    monkeypatch.undo()
    result = store.apply_files(put_back(), [], "test")  # the same change, working again
    assert result.incremental and len(result.added) == len(put_back())


async def test_aapply_files_fails_cleanly_and_then_applies(setup, monkeypatch):
    cfg, store, put_back = setup
    old = store.snapshot
    monkeypatch.setattr(bot.incremental, "updated", lambda *a, **k: 1 / 0)
    with pytest.raises(ReloadError, match="ZeroDivisionError"):
        await store.aapply_files(put_back(), [], "test")
    assert store.snapshot is old
    monkeypatch.undo()
    result = await store.aapply_files(put_back(), [], "test")
    assert result.incremental and store.snapshot is not old
    assert set(result.added) == set(store.snapshot.corpus.releases) - set(old.corpus.releases)


async def test_an_update_past_the_reload_time_limit_is_dropped_and_the_old_snapshot_serves(setup, monkeypatch):
    cfg, store, put_back = setup
    old = store.snapshot
    real = bot.incremental.updated

    def slow(*args, **kwargs):
        time.sleep(1.5)  # a pathological change: longer than the limit set below
        return real(*args, **kwargs)

    monkeypatch.setattr(bot.incremental, "updated", slow)
    store.cfg = replace(cfg, corpus=replace(cfg.corpus, reload_timeout_s=0.5))
    with pytest.raises(ReloadError, match=r"longer than 0.5 s \(corpus.reload_timeout_s\)"):
        await store.aapply_files(put_back(), [], "test")
    with store._lock:  # the abandoned thread has finished (it holds the lock while it runs)
        assert store.snapshot is old  # ... and dropped its result instead of swapping it in
    monkeypatch.undo()
    store.cfg = cfg
    result = await store.aapply_files(put_back(), [], "test")
    assert result.incremental and store.snapshot is not old


def test_a_restart_loads_the_incrementally_saved_snapshot(setup):
    cfg, store, put_back = setup
    store.apply_files(put_back(), [], "test")
    assert store.wait_saved(60) is None
    loaded, from_cache, problem = open_snapshot(cfg)
    assert from_cache and problem is None
    assert loaded.fingerprint == store.snapshot.fingerprint == fingerprint(cfg)
    assert corpus_view(loaded) == corpus_view(store.snapshot)
    assert people_view(loaded) == people_view(store.snapshot)
    line = "who " + max(loaded.entities.people, key=lambda p: p.evidence).last
    assert Engine(SnapshotStore(cfg, loaded)).ask(line).to_dict() == Engine(store).ask(line).to_dict()


_CHILD = """
import pickle, shutil, sys, time
from pathlib import Path
import bot.snapshot
from bot.config import load_config
from bot.store import SnapshotStore

def torn(obj, f, protocol=None):  # write part of the snapshot, say so, then wait to be killed
    data = pickle.dumps(obj, protocol=protocol)
    f.write(data[: len(data) // 2])
    f.flush()
    Path(sys.argv[2]).write_text("saving")
    time.sleep(120)

cfg = load_config(sys.argv[1])
store = SnapshotStore.open(cfg, warm=False)  # the saved snapshot, without the files added next
pairs = sys.argv[3:]
for src, dest in zip(pairs[::2], pairs[1::2]):
    shutil.copy2(src, dest)
bot.snapshot.pickle.dump = torn
store.apply_files([Path(p) for p in pairs[1::2]], [], "child")
store.wait_saved()
"""


def test_a_kill_during_the_save_leaves_the_previous_snapshot_loadable(setup, sample_dir, tmp_path):
    cfg, store, put_back = setup
    before = store.snapshot.fingerprint
    added = put_back()
    pairs = []
    for f in added:  # the child puts them back, after loading the saved snapshot
        f.unlink()
        pairs += [str(sample_dir / f.relative_to(tmp_path / "corpus")), str(f)]
    marker = tmp_path / "saving"
    child = subprocess.Popen([sys.executable, "-c", textwrap.dedent(_CHILD), str(tmp_path / "pressbot.yaml"),
                              str(marker), *pairs], cwd=ROOT)
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert child.poll() is None and time.monotonic() < deadline, "the child never reached its save"
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)  # in the middle of writing the new snapshot
        child.wait(30)
    finally:
        if child.poll() is None:
            child.kill()
    torn = [p for p in cfg.cache_dir.iterdir() if p.name.startswith(f".building-{child.pid}-")]
    assert torn  # the kill did land inside a save
    assert fingerprint(cfg) != before
    assert load_snapshot(cfg.cache_dir, fingerprint(cfg)) is None  # never the torn one
    previous = load_snapshot(cfg.cache_dir, before)
    assert previous is not None and corpus_view(previous) == corpus_view(store.snapshot)
    reopened, from_cache, _ = open_snapshot(cfg)  # the next start: rebuilt, and the torn folder cleaned
    assert not from_cache and len(reopened.corpus.releases) == len(previous.corpus.releases) + len(added)
    assert not [p for p in cfg.cache_dir.iterdir() if p.name.startswith(f".building-{child.pid}-")]
    assert cache.verified(cfg.cache_dir, before) is not None
