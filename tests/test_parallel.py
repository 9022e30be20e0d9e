"""bot.parallel: the build's pool keeps input order, is shared by every step inside `SharedPool`, and a
job started early (`PoolJob`) gives the results `pmap` gives; `gc_paused` restores the collector."""

from __future__ import annotations

import gc
import os

import pytest

from bot.parallel import PoolJob, SharedPool, gc_paused, pmap


def _square_with_pid(xs: list[int]) -> list[tuple[int, int]]:
    return [(x * x, os.getpid()) for x in xs]


def test_steps_share_one_pool_and_keep_input_order():
    items = list(range(60))
    with SharedPool(2) as shared:
        first = pmap(_square_with_pid, items, 2, 4)
        pool = shared.pool
        with PoolJob(_square_with_pid, items, 2, 4) as job:
            later = job.result()
        assert shared.pool is pool is not None  # the same workers for both steps
    assert shared.pool is None  # shut down with the block
    assert [v for v, _ in first] == [v for v, _ in later] == [x * x for x in items]
    assert os.getpid() not in {p for _, p in first + later}  # computed on the workers


def test_small_or_single_worker_jobs_run_here():
    with PoolJob(_square_with_pid, [1, 2, 3], 2, 4) as job:  # fewer items than two chunks
        assert job.result() == [(1, os.getpid()), (4, os.getpid()), (9, os.getpid())]
    assert pmap(_square_with_pid, list(range(20)), 1, 4) == [(x * x, os.getpid()) for x in range(20)]


def test_the_collector_is_paused_for_a_build_and_restored_after():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():  # a second build at the same time
            assert not gc.isenabled()
        assert not gc.isenabled()  # the first is still running
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # a caller that had switched it off keeps it off
    finally:
        gc.enable()
    # a failing build restores it too
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()
