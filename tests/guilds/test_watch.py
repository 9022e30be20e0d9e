"""Watched folders (bot/watch.py): new, changed and deleted files are applied after two identical looks,
a burst is one batch, a failed batch keeps the old index serving, hidden/trash/temp files are never seen,
and each batch is audited per server without showing one server's titles to another.

The watcher is driven one `poll` at a time (no sleeping, no timing): each poll is one look at the disk."""

from __future__ import annotations

import asyncio
import signal
import sys

from bot.commands.engine import Engine
from bot.guilds import scope_for
from bot.store import SnapshotStore
from bot.watch import HOLD_POLLS, Watcher, batch_answer, scan
from tests.guilds.newsrooms import GUILD_A, GUILD_B, newsrooms
from tests.helpers import ROOT

NEW = ("---\ntitle: Alpha harbor smuggling case\ndate: 2024-05-02\n---\n"
       "Prosecutors charged two captains with smuggling quokkas through the Alphaville harbor.\n")


def _watched(tmp_path) -> tuple[Engine, Watcher]:
    store = SnapshotStore.open(newsrooms(tmp_path), use_cache=False, warm=False)
    return Engine(store), Watcher(store)


def _search(engine: Engine, text: str, guild: int = GUILD_A) -> str:
    return engine.ask(f"search {text}", scope=scope_for(engine.cfg, guild)).summary


async def test_a_new_changed_then_deleted_file_is_applied_after_two_identical_looks(tmp_path):
    engine, watcher = _watched(tmp_path)
    path = tmp_path / "alpha" / "harbor.md"
    path.write_text(NEW, encoding="utf-8")
    assert await watcher.poll() is None  # seen once: it may still be being written
    added = await watcher.poll()
    assert added is not None and added.ok and added.changed == [path]
    assert added.result is not None and added.result.added == ["alpha/harbor"]
    assert "No release matches" not in _search(engine, "quokkas")
    assert "No release matches" in _search(engine, "quokkas", GUILD_B)  # another server never sees it

    path.write_text(NEW.replace("quokkas", "wombats"), encoding="utf-8")
    assert await watcher.poll() is None
    changed = await watcher.poll()
    assert changed is not None and changed.result is not None and changed.result.changed == ["alpha/harbor"]
    assert "No release matches" not in _search(engine, "wombats")
    assert "No release matches" in _search(engine, "quokkas")

    path.unlink()
    assert await watcher.poll() is None
    removed = await watcher.poll()
    assert removed is not None and removed.removed == [path] and removed.result is not None
    assert removed.result.removed == ["alpha/harbor"]
    assert "No release matches" in _search(engine, "wombats")
    assert await watcher.poll() is None  # nothing left to do


async def test_a_file_still_growing_waits_until_it_is_stable(tmp_path):
    engine, watcher = _watched(tmp_path)
    path = tmp_path / "alpha" / "harbor.md"
    half = NEW[: NEW.index("two captains")]
    path.write_text(half, encoding="utf-8")
    assert await watcher.poll() is None
    path.write_text(NEW, encoding="utf-8")  # the copy goes on: size and mtime changed since the last look
    assert await watcher.poll() is None
    assert "No release matches" in _search(engine, "captains")  # nothing half-written was indexed
    batch = await watcher.poll()
    assert batch is not None and batch.ok
    assert "No release matches" not in _search(engine, "captains smuggling")


async def test_a_burst_of_files_is_applied_as_one_batch(tmp_path):
    engine, watcher = _watched(tmp_path)
    reloads_before = len([e for e in engine.store.audit.events() if e.kind == "watch"])
    names = [f"burst{i}.md" for i in range(5)]
    for name in names[:3]:
        (tmp_path / "alpha" / name).write_text(NEW.replace("quokkas", f"parrots{name[5]}"), encoding="utf-8")
    assert await watcher.poll() is None
    for name in names[3:]:  # more files arrive while the first three are already stable
        (tmp_path / "alpha" / name).write_text(NEW.replace("quokkas", f"parrots{name[5]}"), encoding="utf-8")
    assert await watcher.poll() is None  # the stable three wait for the two still arriving
    batch = await watcher.poll()
    assert batch is not None and [p.name for p in batch.changed] == names
    assert batch.result is not None and len(batch.result.added) == 5
    assert len([e for e in engine.store.audit.events() if e.kind == "watch"]) == reloads_before + 1
    assert await watcher.poll() is None


async def test_a_failing_batch_keeps_the_old_index_serving_and_the_watcher_goes_on(tmp_path, monkeypatch):
    engine, watcher = _watched(tmp_path)
    store = engine.store
    served = store.snapshot
    (tmp_path / "alpha" / "harbor.md").write_text(NEW, encoding="utf-8")

    async def broken(changed, removed, requested_by):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "aapply_files", broken)
    assert await watcher.poll() is None
    failed = await watcher.poll()
    assert failed is not None and not failed.ok and "disk on fire" in (failed.error or "")
    assert store.snapshot is served
    assert "Maria Garcia" in str(engine.ask("who Garcia", scope=scope_for(engine.cfg, GUILD_A)).to_dict())
    event = store.audit.last("watch", GUILD_A)
    assert event is not None and not event.ok and "previous index keeps serving" in event.outcome
    assert await watcher.poll() is None  # the failed state is not retried in a loop
    monkeypatch.undo()
    (tmp_path / "alpha" / "harbor.md").write_text(NEW + "A third captain surrendered.\n", encoding="utf-8")
    assert await watcher.poll() is None
    retried = await watcher.poll()  # changed again: retried, and applied
    assert retried is not None and retried.ok
    assert "No release matches" not in _search(engine, "quokkas")


async def test_an_empty_corpus_is_refused_and_the_previous_index_serves(tmp_path):
    cfg = newsrooms(tmp_path, top="")
    cfg.guilds.clear()
    cfg.corpus.paths = [str(tmp_path / "alpha")]
    store = SnapshotStore.open(cfg, use_cache=False, warm=False)
    watcher = Watcher(store)
    (tmp_path / "alpha" / "ring.md").unlink()  # the only release: applying it would serve nothing
    assert await watcher.poll() is None
    batch = await watcher.poll()
    assert batch is not None and not batch.ok and "no releases" in (batch.error or "")
    assert list(store.snapshot.corpus.releases) == ["alpha/ring"]  # still served
    assert "not applied" in batch_answer(store, batch).summary


async def test_trash_hidden_and_temporary_files_are_never_seen(tmp_path):
    engine, watcher = _watched(tmp_path)
    alpha = tmp_path / "alpha"
    (alpha / ".trash").mkdir()
    (alpha / ".trash" / "20240101T000000-old.md").write_text(NEW, encoding="utf-8")
    (alpha / ".upload-123-456.tmp").write_text(NEW, encoding="utf-8")  # an upload being saved
    (alpha / "harbor.md.part").write_text(NEW, encoding="utf-8")  # a download in progress
    (alpha / ".harbor.md.swp").write_text(NEW, encoding="utf-8")  # an editor's swap file
    assert [p for p in scan(engine.cfg) if p.startswith(str(alpha))] == [str(alpha / "ring.md")]
    assert await watcher.poll() is None and await watcher.poll() is None
    assert not watcher.pending


async def test_each_server_audits_only_what_it_sees(tmp_path):
    engine, watcher = _watched(tmp_path)
    (tmp_path / "alpha" / "harbor.md").write_text(NEW, encoding="utf-8")
    (tmp_path / "shared" / "state.md").write_text(
        "---\ntitle: Statewide audit of evidence rooms\n---\nAttorney General Lena Ortiz ordered an audit.\n",
        encoding="utf-8")
    await watcher.poll()
    batch = await watcher.poll()
    assert batch is not None and batch.ok
    by_server = {e.guild_id: e for e in batch.events}
    assert set(by_server) == {None, GUILD_A, GUILD_B}  # the shared corpus changed: every server sees that
    assert "Alpha harbor smuggling case" in by_server[GUILD_A].outcome
    assert "Alpha harbor" not in by_server[GUILD_B].outcome and "Statewide audit" in by_server[GUILD_B].outcome
    assert "Alpha harbor" not in by_server[None].outcome
    status_b = engine.ask("status", scope=scope_for(engine.cfg, GUILD_B))
    assert "Statewide audit" in str(status_b.to_dict()) and "Alpha harbor" not in str(status_b.to_dict())


async def test_run_loops_until_stopped(tmp_path):
    engine, watcher = _watched(tmp_path)
    watcher.interval_s = 0.05
    seen = []
    watcher.on_batch = seen.append
    stop = asyncio.Event()
    task = asyncio.create_task(watcher.run(stop))
    (tmp_path / "alpha" / "harbor.md").write_text(NEW, encoding="utf-8")

    async def first_batch() -> None:
        while not seen:
            await asyncio.sleep(0.05)

    await asyncio.wait_for(first_batch(), 120)  # a guard against hanging, not a speed check
    stop.set()
    await task
    assert seen[0].ok and seen[0].result is not None and seen[0].result.added == ["alpha/harbor"]


async def test_pressbot_index_watch_prints_each_batch_until_ctrl_c(tmp_path):
    cfg = newsrooms(tmp_path)
    with open(cfg.path, "a", encoding="utf-8") as f:
        f.write("audit: {file: trail.jsonl}\n")
    text = cfg.path.read_text(encoding="utf-8").replace("  cache_dir: cache\n",
                                                        "  cache_dir: cache\n  watch: {interval_s: 0.2}\n")
    cfg.path.write_text(text, encoding="utf-8")
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "index", "--watch", "--config",
                                                str(cfg.path), cwd=ROOT, stdout=asyncio.subprocess.PIPE,
                                                stderr=asyncio.subprocess.PIPE)
    try:
        assert proc.stdout is not None and proc.stderr is not None
        while b"Ctrl-C to stop" not in (line := await asyncio.wait_for(proc.stderr.readline(), 120)):
            assert line, (await proc.stderr.read()).decode()  # it exited
        (tmp_path / "beta" / "harbor.md").write_text(NEW.replace("Alpha", "Beta"), encoding="utf-8")
        lines = []
        while not any(b"added: Beta harbor smuggling case" in x for x in lines):
            lines.append(await asyncio.wait_for(proc.stdout.readline(), 120))
            assert lines[-1], "pressbot index --watch stopped printing"
        proc.send_signal(signal.SIGINT)
        out, err = await asyncio.wait_for(proc.communicate(), 60)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    assert proc.returncode == 0 and b"stopped watching" in err
    assert b"Watch: 1 new or modified and 0 deleted file(s) on disk: added 'Beta harbor smuggling case'" in b"".join(lines)
    trail = (tmp_path / "trail.jsonl").read_text(encoding="utf-8")  # audited like a reload
    assert '"kind": "watch"' in trail and f'"guild_id": {GUILD_B}' in trail


async def test_a_file_that_never_settles_holds_the_others_back_only_a_few_looks(tmp_path):
    engine, watcher = _watched(tmp_path)
    growing = tmp_path / "alpha" / "growing.md"
    (tmp_path / "alpha" / "harbor.md").write_text(NEW, encoding="utf-8")
    batch = None
    for n in range(HOLD_POLLS + 3):  # a log-like file rewritten before every look
        growing.write_text(NEW.replace("quokkas", "ferrets") + "more\n" * n, encoding="utf-8")
        batch = await watcher.poll()
        if batch is not None:
            break
    assert batch is not None and batch.changed == [tmp_path / "alpha" / "harbor.md"]  # the stable one, alone
    assert n == HOLD_POLLS + 1  # one look to see it, then HOLD_POLLS looks held back
    assert "No release matches" not in _search(engine, "quokkas")
    assert watcher.pending == {str(growing): watcher.pending[str(growing)]}  # still waiting to settle
