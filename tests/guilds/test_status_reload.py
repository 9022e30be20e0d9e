"""`status` and `reload` as one server sees them: its corpora only; embargoed releases counted, never shown;
the reload reply lists titles (10, then "N more") with ids inside their corpus; every reload audited."""

from __future__ import annotations

import json

from bot.commands.engine import Engine
from bot.guilds import scope_for
from bot.store import SnapshotStore
from tests.guilds.newsrooms import GUILD_A, GUILD_B, newsrooms

SECRET = "The grand jury returned a sealed indictment against the harbor commissioner."


def _engine(tmp_path) -> Engine:
    cfg = newsrooms(tmp_path)
    (tmp_path / "alpha" / "sealed.md").write_text(
        f"---\ntitle: Sealed harbor indictment\nembargo: 2999-01-01T00:00:00Z\n---\n{SECRET}\n", encoding="utf-8")
    return Engine(SnapshotStore.open(cfg, use_cache=False))


def test_status_counts_embargoed_releases_per_root_without_their_text(tmp_path):
    engine = _engine(tmp_path)
    ans = engine.ask("status", scope=scope_for(engine.cfg, GUILD_A))
    body = json.dumps(ans.to_dict())
    roots = {i.root: i for i in ans.items if i.KIND == "status_root"}
    assert set(roots) == {"alpha", "shared"}
    assert (roots["alpha"].releases, roots["alpha"].embargoed, roots["alpha"].paragraphs) == (1, 1, 1)
    assert "harbor" not in body.lower() and "Sealed" not in body
    assert "pressbot 0.1.0" in ans.summary
    assert [(i.event, i.text) for i in ans.items if i.KIND == "status_event"][0] == ("reload", "none recorded")
    refused = engine.ask("status", admin=False, scope=scope_for(engine.cfg, GUILD_A))
    assert refused.error == "forbidden"


def test_reload_lists_titles_of_this_servers_corpora_only_and_is_audited(tmp_path):
    engine = _engine(tmp_path)
    for i in range(13):
        (tmp_path / "alpha" / f"new{i:02d}.md").write_text(
            f"---\ntitle: Alpha story {i}\n---\nThe Alphaville council met {i} times this spring.\n", encoding="utf-8")
    (tmp_path / "beta" / "secret.md").write_text("---\ntitle: Beta only story\n---\nBetatown news.\n",
                                                 encoding="utf-8")
    ans = engine.ask("reload", user="ed", scope=scope_for(engine.cfg, GUILD_A))
    lines = [i for i in ans.items if i.KIND == "changed_release"]
    assert [i.title for i in lines[:10]] == [f"Alpha story {i}" for i in range(10)]
    assert lines[10].more == 3 and "13 added" in ans.summary
    assert "Reloaded: 16 releases, 16 paragraphs (was 3)" in ans.summary  # alpha (sealed counted) + shared; no beta
    assert all(i.release.startswith("alpha/") for i in lines[:10])  # ids are paths inside their corpus
    assert "Beta only story" not in json.dumps(ans.to_dict())
    beta = engine.ask("sources", scope=scope_for(engine.cfg, GUILD_B))
    assert "Alpha story" not in json.dumps(beta.to_dict())
    event = engine.store.audit.last("reload")
    assert event is not None and event.ok and event.who == "ed" and event.guild_id == GUILD_A
    assert "13 added" in event.line()
    status = engine.ask("status", scope=scope_for(engine.cfg, GUILD_A))
    assert any(i.KIND == "status_event" and "reload by ed" in i.text for i in status.items)


def test_a_failed_reload_gives_a_one_line_reason(tmp_path):
    engine = _engine(tmp_path)
    for p in (tmp_path / "shared", tmp_path / "alpha", tmp_path / "beta"):
        for f in p.iterdir():
            f.unlink()
    ans = engine.ask("reload", scope=scope_for(engine.cfg, GUILD_A))
    assert ans.error == "reload_failed" and "\n" not in ans.summary and "Traceback" not in ans.summary
    assert not engine.store.audit.last("reload").ok
