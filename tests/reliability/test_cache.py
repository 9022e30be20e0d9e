"""The snapshot cache never serves a torn or corrupted snapshot, cleans up after killed builds, prunes old
snapshots, never deletes what is not its own, reports an unusable folder, and merges queued reloads."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import numpy as np
import pytest

from bot.commands.engine import Engine
from bot.commands.reload import reload
from bot.config import load_config
from bot.fingerprint import corpus_key
from bot.snapshot import build_snapshot, open_snapshot, save_snapshot
from bot.store import ReloadResult, SnapshotStore
from tests.helpers import ROOT, write_config


@pytest.fixture
def cfg(tmp_path):
    return load_config(write_config(tmp_path, [ROOT / "corpus"]))


def test_a_killed_build_is_cleaned_and_the_last_snapshot_still_loads(cfg):
    snap, cached, problem = open_snapshot(cfg)
    assert not cached and problem is None
    stale = cfg.cache_dir / ".building-999999999-abc"  # a build left by a process that no longer runs
    stale.mkdir()
    (stale / "snapshot.pkl").write_bytes(b"half written")
    again, cached, _ = open_snapshot(cfg)
    assert cached and not stale.exists() and again.fingerprint == snap.fingerprint


def test_a_crash_during_a_save_keeps_the_previous_snapshot(cfg, monkeypatch):
    snap, _, _ = open_snapshot(cfg)

    def boom(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(snap.index, "save", boom)
    with pytest.raises(OSError):
        save_snapshot(snap, cfg.cache_dir, corpus_key(cfg))
    assert not list(cfg.cache_dir.glob(".building-*"))
    _, cached, _ = open_snapshot(cfg)
    assert cached


def test_a_bit_flip_in_an_index_array_is_detected_and_rebuilt(cfg):
    open_snapshot(cfg)
    data = next(cfg.cache_dir.glob("*/bm25/data.npy"))
    arr = np.load(data)
    arr[0] += 1.0  # one changed score: the file still parses
    np.save(data, arr)
    snap, cached, _ = open_snapshot(cfg)
    assert not cached and snap.corpus.releases  # rebuilt, not served from the corrupted copy


def test_old_snapshots_are_pruned_and_foreign_folders_kept(cfg):
    snap = build_snapshot(cfg)
    foreign = cfg.cache_dir / "my-notes"
    foreign.mkdir(parents=True)
    for n in range(4):
        snap.fingerprint = f"{n:020x}"
        save_snapshot(snap, cfg.cache_dir, "one-corpus", keep=2)
    kept = sorted(p.name for p in cfg.cache_dir.glob("*.json"))
    assert kept == [f"{2:020x}.json", f"{3:020x}.json"]
    assert len([p for p in cfg.cache_dir.iterdir() if p.is_dir() and p.name != "my-notes"]) == 2
    assert foreign.is_dir()


def test_an_unusable_cache_is_reported_and_answers_still_come(tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    cfg = load_config(write_config(tmp_path, [ROOT / "corpus"]))
    store = SnapshotStore.open(cfg, warm=False)
    assert store.cache_problem and "cache" in store.cache_problem
    assert store.snapshot.corpus.releases
    assert "Warning" in reload(store, "test").summary  # and the reload reply says so
    status = Engine(store).ask("status")
    assert "Warning" in status.summary and str(cfg.cache_dir) in status.summary  # and `status`, for admins


def test_a_cache_other_users_can_write_is_refused(tmp_path):
    cfg = load_config(write_config(tmp_path, [ROOT / "corpus"]))
    cfg.cache_dir.mkdir()
    os.chmod(cfg.cache_dir, 0o777)
    _, cached, problem = open_snapshot(cfg)
    assert not cached and problem and "other users" in problem


async def test_reloads_queued_behind_a_running_one_are_merged_into_one_build(cfg, monkeypatch):
    store = SnapshotStore.open(cfg, warm=False)
    builds = []

    async def fake_build(requested_by: str) -> ReloadResult:
        builds.append(requested_by)
        await asyncio.sleep(0.05)
        return ReloadResult(releases=len(builds))

    monkeypatch.setattr(store, "_areload_once", fake_build)
    first = asyncio.create_task(store.areload("a"))
    await asyncio.sleep(0.01)  # a is building; b, c and d arrive meanwhile
    results = await asyncio.gather(first, store.areload("b"), store.areload("c"), store.areload("d"))
    assert builds == ["a", "b"]
    assert [r.releases for r in results] == [1, 2, 2, 2]


def test_the_cache_folder_is_private(cfg):
    open_snapshot(cfg)
    assert Path(cfg.cache_dir).stat().st_mode & 0o077 == 0


async def test_a_reload_past_its_time_budget_is_stopped_and_the_old_index_serves(tmp_path):
    cfg = load_config(write_config(tmp_path, [ROOT / "corpus"], extra="  reload_timeout_s: 0.01\n"))
    store = SnapshotStore.open(cfg, warm=False)
    before = store.snapshot
    from bot.store import ReloadError

    with pytest.raises(ReloadError, match="longer than 0.01 s"):
        await store.areload("test")  # starting a fresh interpreter alone takes longer
    assert store.snapshot is before
