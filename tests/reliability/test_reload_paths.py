"""Every reload path has the whole-build time limit and keeps the old index serving past it; a reload
with an unusable snapshot cache still swaps the new corpus in, off the bot's process, and says why the
cache could not be used."""

from __future__ import annotations

import shutil

import pytest

from bot import store as store_module
from bot.commands.reload import areload
from bot.config import load_config
from bot.store import ReloadError, SnapshotStore
from tests.helpers import ROOT, write_config

# Dallas County District Attorney (2019 gang unit grant), verbatim
NEW_RELEASE = ("Gang Unit Grant\n\n“The additional money will greatly assist in the prosecution of violent "
               "transnational gang members affiliated with groups like MS 13 and 18th Street gangs,” said "
               "Assistant District Attorney Tommy Adams.\n")


@pytest.fixture
def unusable(tmp_path):
    """A store over a copy of the demo corpus whose cache path is a file, and the corpus folder."""
    corpus = tmp_path / "releases"
    shutil.copytree(ROOT / "corpus", corpus)
    (tmp_path / "cache").write_text("a file where the cache folder should be", encoding="utf-8")
    return corpus, load_config(write_config(tmp_path, [corpus], extra="  reload_timeout_s: 120\n"))


async def test_a_reload_with_an_unusable_cache_swaps_in_and_the_reply_says_why(unusable):
    corpus, cfg = unusable
    store = SnapshotStore.open(cfg, warm=False)
    assert store.cache_problem
    (corpus / "grant.txt").write_text(NEW_RELEASE, encoding="utf-8")
    ans = await areload(store, "admin")
    assert ans.error is None and "1 added" in ans.summary
    assert "Warning" in ans.summary and str(cfg.cache_dir) in ans.summary  # the reply names the cache
    assert "releases/grant" in store.snapshot.corpus.releases
    assert store.cache_problem and str(cfg.cache_dir) in store.cache_problem


async def test_a_reload_with_an_unusable_cache_is_stopped_at_its_time_limit(unusable, tmp_path):
    corpus, _ = unusable
    cfg = load_config(write_config(tmp_path, [corpus], extra="  reload_timeout_s: 0.01\n"))
    store = SnapshotStore.open(cfg, warm=False)
    before = store.snapshot
    ans = await areload(store, "admin", full=True)  # `reload full`: a plain reload of an unchanged corpus builds nothing
    assert ans.error == "reload_failed" and "longer than 0.01 s" in ans.summary
    assert "still serving the previous index" in ans.summary and store.snapshot is before


async def test_the_last_resort_thread_build_has_the_time_limit_too(sample_dir, tmp_path, monkeypatch):
    """No temporary folder either: the build runs in a thread, which cannot be stopped, so past the limit
    its result is dropped and the old snapshot keeps serving (≈55 real releases: a build of about a second)."""
    (tmp_path / "cache").write_text("not a folder", encoding="utf-8")
    corpus = sample_dir

    def no_tmp(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_module.tempfile, "TemporaryDirectory", no_tmp)
    cfg = load_config(write_config(tmp_path, [corpus], extra="  reload_timeout_s: 0.01\n"))
    store = SnapshotStore.open(cfg, warm=False)
    before = store.snapshot
    with pytest.raises(ReloadError, match="longer than 0.01 s"):
        await store.areload("admin")
    assert store.snapshot is before


async def test_the_last_resort_thread_build_swaps_in_within_its_limit(unusable, monkeypatch):
    corpus, cfg = unusable

    def no_tmp(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_module.tempfile, "TemporaryDirectory", no_tmp)
    store = SnapshotStore.open(cfg, warm=False)
    (corpus / "grant.txt").write_text(NEW_RELEASE, encoding="utf-8")
    result = await store.areload("admin")
    assert "releases/grant" in result.added and result.cache_problem


async def test_a_reload_with_a_corpus_folder_missing_is_refused_naming_it(unusable, tmp_path):
    corpus, cfg = unusable
    store = SnapshotStore.open(cfg, warm=False)
    before = store.snapshot
    corpus.rename(tmp_path / "unmounted")
    ans = await areload(store, "admin")
    assert ans.error == "reload_failed" and str(corpus) in ans.summary and "missing" in ans.summary
    assert store.snapshot is before and before.corpus.releases
