"""`pressbot add` and `pressbot remove` (bot/newsroom_cli.py): the same core as Discord's /add and /remove,
the same answer printed; scoped to `--guild` (a release added for server A is invisible to server B)."""

from __future__ import annotations

import json

from bot.cli import main
from tests.guilds.newsrooms import GUILD_A, GUILD_B, newsrooms

HARBOR = ("---\ntitle: Alpha harbor smuggling case\ndate: 2024-05-02\n---\n"
          "Prosecutors charged two captains with smuggling quokkas through the Alphaville harbor.\n")


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_add_is_seen_by_its_server_only_and_remove_takes_it_back(tmp_path, capsys):
    cfg = newsrooms(tmp_path)
    upload = tmp_path / "inbox" / "Harbor Case (final).MD"
    upload.parent.mkdir()
    upload.write_text(HARBOR, encoding="utf-8")
    conf = str(cfg.path)

    code, out, _ = _cli(capsys, "add", str(upload), "--guild", str(GUILD_A), "--config", conf)
    assert code == 0
    assert "Added 1 release(s) to alpha" in out and "added: Alpha harbor smuggling case alpha/Harbor_Case_final" in out
    assert (tmp_path / "alpha" / "Harbor_Case_final.md").read_text(encoding="utf-8") == HARBOR

    _, seen_a, _ = _cli(capsys, "ask", "search quokkas", "--guild", str(GUILD_A), "--config", conf)
    _, seen_b, _ = _cli(capsys, "ask", "search quokkas", "--guild", str(GUILD_B), "--config", conf)
    _, seen_dm, _ = _cli(capsys, "ask", "search quokkas", "--config", conf)
    assert "Alpha harbor smuggling case" in seen_a
    assert "No release matches" in seen_b and "Alpha harbor" not in seen_b
    assert "No release matches" in seen_dm

    code, out, _ = _cli(capsys, "add", str(upload), "--guild", str(GUILD_A), "--config", conf)  # again
    assert code == 1 and "already exists" in out and "replace" in out

    code, out, _ = _cli(capsys, "remove", "alpha/Harbor_Case_final", "--guild", str(GUILD_B), "--config", conf)
    assert code == 1 and "Not removed" in out  # server B cannot remove server A's release
    code, out, _ = _cli(capsys, "remove", "alpha/Harbor_Case_final", "--guild", str(GUILD_A), "--config", conf,
                        "--json")
    assert code == 0 and json.loads(out)["found"] is True
    assert not (tmp_path / "alpha" / "Harbor_Case_final.md").exists()
    assert list((tmp_path / "alpha" / ".trash").glob("*-Harbor_Case_final.md"))
    _, gone, _ = _cli(capsys, "ask", "search quokkas", "--guild", str(GUILD_A), "--config", conf)
    assert "No release matches" in gone

    _, status, _ = _cli(capsys, "ask", "status", "--guild", str(GUILD_A), "--config", conf)
    assert "last add: " in status and "by cli" in status and "last remove: " in status  # the trail persisted
    _, status_b, _ = _cli(capsys, "ask", "status", "--guild", str(GUILD_B), "--config", conf)
    assert "last add: none recorded" in status_b


def test_cli_add_refuses_bad_files_with_their_reason_and_changes_nothing(tmp_path, capsys):
    cfg = newsrooms(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    before = sorted(p.name for p in (tmp_path / "alpha").iterdir())
    code, out, _ = _cli(capsys, "add", str(empty), str(binary), str(tmp_path / "missing.md"),
                        "--guild", str(GUILD_A), "--config", str(cfg.path))
    assert code == 1
    assert "empty.txt: the file is empty (0 bytes)" in out
    assert "photo.txt: this is binary data" in out
    assert "missing.md" in out and "cannot be read" in out
    assert sorted(p.name for p in (tmp_path / "alpha").iterdir()) == before


def test_cli_add_and_remove_need_a_configured_server(tmp_path, capsys):
    cfg = newsrooms(tmp_path)
    (tmp_path / "x.md").write_text(HARBOR, encoding="utf-8")
    code, _, err = _cli(capsys, "add", str(tmp_path / "x.md"), "--config", str(cfg.path))
    assert code == 2 and "--guild GUILD_ID is required" in err
    code, _, err = _cli(capsys, "remove", "alpha/ring", "--guild", "5", "--config", str(cfg.path))
    assert code == 2 and "no server 5" in err
