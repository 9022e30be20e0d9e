"""Reloads: serialized, off the event loop, and never losing the serving snapshot."""

from __future__ import annotations

import asyncio

import pytest

from bot.config import load_config
from bot.store import ReloadError, SnapshotStore
from tests.helpers import ROOT, write_config


@pytest.fixture
def store(tmp_path) -> SnapshotStore:
    return SnapshotStore.open(load_config(write_config(tmp_path, [ROOT / "corpus"])))


async def test_concurrent_reloads_run_one_at_a_time_and_the_loop_keeps_turning(store, tmp_path):
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "n.txt").write_text("Headline\nDetective Sam Hill said the case is closed.\n", encoding="utf-8")
    store.cfg.corpus.paths.append(str(extra))
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.01)

    t = asyncio.create_task(ticker())
    first, second = await asyncio.gather(store.areload("a"), store.areload("b"))
    t.cancel()
    assert first.added == ["more/n"] and second.added == []  # the second saw the first's result
    assert ticks > 10  # the event loop was never blocked for the length of a build
    assert "more/n" in store.snapshot.corpus.releases


def test_failed_reload_keeps_the_old_snapshot(store, tmp_path):
    before = store.snapshot
    empty = tmp_path / "empty"
    empty.mkdir()
    store.cfg.corpus.paths[:] = [str(empty)]
    with pytest.raises(ReloadError, match="no releases"):
        store.reload("test")
    assert store.snapshot is before
