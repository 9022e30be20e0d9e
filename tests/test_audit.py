"""The audit trail (bot/audit.py) is kept in a JSON lines file: a restart shows the last reload/add/remove,
a corrupt or torn line is skipped, the file rotates at its size limit, and another process's lines are read."""

from __future__ import annotations

import json
import os
import stat

from bot.audit import Audit
from bot.commands.engine import Engine
from bot.config import load_config
from bot.guilds import scope_for
from bot.store import SnapshotStore
from tests.guilds.newsrooms import GUILD_A, GUILD_B, newsrooms


def test_events_survive_a_restart_and_status_shows_them(tmp_path):
    cfg = newsrooms(tmp_path)
    engine = Engine(SnapshotStore.open(cfg, use_cache=False, warm=False))
    engine.ask("reload", user="mark (1)", scope=scope_for(cfg, GUILD_A))
    engine.store.audit.record("add", "ana (2)", 1.25, True, "Added 1 release(s) to alpha", GUILD_A)
    assert cfg.audit_path == tmp_path / "cache" / "audit.jsonl"
    assert stat.S_IMODE(cfg.audit_path.stat().st_mode) == 0o600  # user names and ids: private

    again = Engine(SnapshotStore.open(load_config(cfg.path), use_cache=False, warm=False))  # a new process
    status = again.ask("status", scope=scope_for(again.cfg, GUILD_A))
    lines = {i.event: i.text for i in status.items if i.KIND == "status_event"}
    assert "reload by mark (1)" in lines["reload"] and ": ok in" in lines["reload"]
    assert "add by ana (2) in server 1001: ok in 1.2 s — Added 1 release(s) to alpha" in lines["add"]
    assert lines["remove"] == "none recorded"
    other = again.ask("status", scope=scope_for(again.cfg, GUILD_B))
    assert {i.event: i.text for i in other.items if i.KIND == "status_event"}["add"] == "none recorded"


def test_a_corrupt_or_torn_line_is_skipped_never_fatal(tmp_path):
    path = tmp_path / "audit.jsonl"
    first = Audit(path)
    first.record("reload", "mark", 2.0, True, "Reloaded: 3 releases")
    with open(path, "ab") as f:
        f.write(b"{not json\n")  # a hand-edited line
        f.write(json.dumps({"kind": "explode", "who": "x", "at": "now", "seconds": 1, "ok": True,
                            "outcome": ""}).encode() + b"\n")  # a kind this version does not know
        f.write(b"\xff\xfe garbage\n")
        f.write(b'{"kind": "remove", "who": "ana", "at": "2026-')  # the process died mid-write
    restarted = Audit(path)
    assert [e.kind for e in restarted.events()] == ["reload"]
    assert restarted.skipped_lines == 3
    restarted.record("remove", "ana", 0.5, True, "Removed 'x'")  # never glued onto the torn line
    assert [e.kind for e in Audit(path).events()] == ["reload", "remove"]


def test_the_file_rotates_at_its_limit_and_recent_events_stay_loaded(tmp_path):
    path = tmp_path / "audit.jsonl"
    audit = Audit(path, max_mb=0.001)  # 1,000 bytes: a few lines
    for i in range(30):
        audit.record("reload", f"user{i}", 1.0, True, "Reloaded " + "x" * 60)
    assert path.stat().st_size < 1000 + 300 and (tmp_path / "audit.jsonl.1").is_file()
    assert not (tmp_path / "audit.jsonl.2").exists()  # bounded: one older generation only
    assert [e.who for e in audit.events()][-1] == "user29"
    restarted = Audit(path, max_mb=0.001)
    assert restarted.last("reload").who == "user29"  # type: ignore[union-attr]
    assert 5 < len(restarted.events()) < 30


def test_lines_another_process_appends_are_read(tmp_path):
    path = tmp_path / "audit.jsonl"
    bot, cli = Audit(path), Audit(path)  # `pressbot run` and `pressbot add` beside it
    cli.record("add", "cli (ana)", 3.0, True, "Added 1 release(s) to alpha", GUILD_A)
    assert bot.last("add", GUILD_A) is not None and bot.last("add", GUILD_A).who == "cli (ana)"  # type: ignore[union-attr]
    bot.record("remove", "bot", 1.0, True, "Removed")
    assert [e.kind for e in cli.events()] == ["add", "remove"]


def test_an_unwritable_trail_keeps_events_in_memory(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    os.chmod(folder, 0o500)
    try:
        audit = Audit(folder / "audit.jsonl")
        audit.record("reload", "mark", 1.0, True, "Reloaded")
        writable = os.access(folder, os.W_OK)  # root writes anyway
    finally:
        os.chmod(folder, 0o700)
    assert audit.last("reload") is not None
    assert writable or not (folder / "audit.jsonl").exists()
