"""`reload` reads only the files changed since the last build (same settings and code); `reload full`
rebuilds every release; both answer as a full rebuild does."""

from __future__ import annotations

import os
import shutil

from bot.commands.engine import Engine
from bot.snapshot import build_snapshot
from bot.store import SnapshotStore
from tests.incremental.compare import corpus_view, people_view
from tests.incremental.test_incremental import corpus_copy


def test_plain_reload_applies_the_changed_files_and_reload_full_rebuilds(sample_dir, tmp_path):
    cfg, held = corpus_copy(sample_dir, tmp_path, hold_every=12)
    engine = Engine(SnapshotStore.open(cfg, use_cache=False, warm=False))
    ans = engine.ask("reload")
    assert ans.found and "0 added, 0 removed, 0 changed" in ans.summary and "only the files changed" in ans.summary
    for f in held:
        shutil.copy2(sample_dir / f.relative_to(tmp_path / "corpus"), f)
    gone = sorted((tmp_path / "corpus" / "dallas_tx").glob("*.txt"))[0]
    gone.unlink()
    ans = engine.ask("reload")
    assert ans.found and f"{len(held)} added, 1 removed" in ans.summary and "only the files changed" in ans.summary
    full = build_snapshot(cfg)
    assert corpus_view(engine.store.snapshot) == corpus_view(full)
    assert people_view(engine.store.snapshot) == people_view(full)
    ans = engine.ask("reload full")
    assert ans.found and "rebuilt in full" in ans.summary and "0 added" in ans.summary
    assert engine.ask("reload everything").error == "usage"


def test_plain_reload_rebuilds_when_the_corpus_folders_change(sample_dir, tmp_path):
    cfg, _ = corpus_copy(sample_dir, tmp_path)
    engine = Engine(SnapshotStore.open(cfg, use_cache=False, warm=False))
    extra = tmp_path / "more"
    extra.mkdir()
    shutil.copy2(sorted((sample_dir / "kings_ny").glob("*.txt"))[0], extra / "x.txt")
    cfg.corpus.paths.append(str(extra))
    ans = engine.ask("reload")
    assert ans.found and "1 added" in ans.summary and "rebuilt in full" in ans.summary


async def test_areload_plain_and_full(sample_dir, tmp_path):
    cfg, held = corpus_copy(sample_dir, tmp_path, hold_every=15)
    store = SnapshotStore.open(cfg, warm=False)
    for f in held:
        shutil.copy2(sample_dir / f.relative_to(tmp_path / "corpus"), f)
    result = await store.areload("test", full=False)
    assert result.incremental and len(result.added) == len(held)
    result = await store.areload("test", full=True)
    assert not result.incremental and not result.added
    assert corpus_view(store.snapshot) == corpus_view(build_snapshot(cfg))


async def test_a_plain_reload_names_a_fifo_the_folder_scan_skipped(sample_dir, tmp_path):
    # a FIFO in a corpus folder is no file to read: a full build names it as skipped, and so must a plain
    # reload, which reads only the changed files (with and without other changes)
    cfg, held = corpus_copy(sample_dir, tmp_path, hold_every=15)
    store = SnapshotStore.open(cfg, warm=False)
    os.mkfifo(tmp_path / "corpus" / "orange_ca" / "pipe.txt")
    result = await store.areload("test", full=False)
    assert result.incremental and not result.added
    assert any(f.endswith("pipe.txt") and "not a regular file" in r for f, r in result.skipped), result.skipped
    for f in held:
        shutil.copy2(sample_dir / f.relative_to(tmp_path / "corpus"), f)
    result = store.reload("test", full=False)
    assert result.incremental and len(result.added) == len(held)
    assert any(f.endswith("pipe.txt") for f, _ in result.skipped)
