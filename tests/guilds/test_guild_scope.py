"""A release of server A never appears in server B, through any command, in `ask --guild` and in Discord."""

from __future__ import annotations

import json

import pytest

from bot.cli import main
from bot.commands.engine import Engine
from bot.config import ConfigError, load_config
from bot.guilds import scope_for
from bot.store import SnapshotStore
from tests.guilds.newsrooms import GUILD_A, GUILD_B, newsrooms

LINES = ("who Garcia", "quote Garcia", "quote Garcia about ghost guns", "search ghost guns", "cities ghost guns",
         "sources", "search ghost guns --all")


def _mentions(ans) -> str:
    return json.dumps(ans.to_dict() if hasattr(ans, "to_dict") else str(ans), default=str)


def test_config_reads_guilds_and_indexes_their_folders(tmp_path):
    cfg = newsrooms(tmp_path)
    assert set(cfg.guilds) == {GUILD_A, GUILD_B} and cfg.guilds[GUILD_A].name == "Alpha Gazette"
    assert [p.name for p in cfg.corpus_paths] == ["shared", "alpha", "beta"]
    assert scope_for(cfg, GUILD_A).roots == {"shared", "alpha"} and scope_for(cfg, None).roots == {"shared"}


@pytest.mark.parametrize("extra, key", [
    ("  5:\n    corpus: [missing]\n", "guilds.5.corpus[0]"),
    ("  6:\n    corpus: [shared]\n", "guilds.6.corpus[0]"),
    ("  7:\n    admins: {role_ids: [7]}\n", "guilds.7.admins.role_ids"),
    ("  8:\n    channel_ids: [desk]\n", "guilds.8.channel_ids[0]"),
    ("  nine:\n    name: x\n", "guilds"),
    ("  10:\n    corpus: [alpha/sub]\n", "guilds.1001.corpus[0]"),  # alpha holds alpha/sub
])
def test_bad_guild_config_names_the_key(tmp_path, extra, key):
    newsrooms(tmp_path)
    (tmp_path / "alpha" / "sub").mkdir()
    path = tmp_path / "pressbot.yaml"
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_config(path)
    assert e.value.key == key


def test_no_release_of_one_server_reaches_the_other(tmp_path):
    engine = Engine(SnapshotStore.open(newsrooms(tmp_path), use_cache=False))
    a, b, dm = (scope_for(engine.cfg, g) for g in (GUILD_A, GUILD_B, None))
    for line in LINES:
        in_a, in_b, in_dm = (_mentions(engine.ask(line, scope=s)) for s in (a, b, dm))
        assert "beta/" not in in_a and "Robert" not in in_a and "Betatown" not in in_a, line
        assert "alpha/" not in in_b and "Maria" not in in_b and "Alphaville" not in in_b, line
        assert "alpha/" not in in_dm and "beta/" not in in_dm, line
    assert "Maria Garcia" in _mentions(engine.ask("who Garcia", scope=a))
    assert "Robert Garcia" in _mentions(engine.ask("who Garcia", scope=b))
    assert "Ortiz" in _mentions(engine.ask("who Ortiz", scope=b))  # the shared corpus: every server
    for s, other in ((a, "Robert"), (b, "Maria")):
        assert not any(other in x for x in engine.suggest("who", "Garc", scope=s))
        assert not any("Beta" in x for x in engine.suggest("search", "ghost", scope=a))


def test_ask_guild_answers_as_that_server(tmp_path, capsys):
    cfg = newsrooms(tmp_path)
    conf = str(cfg.path)
    assert main(["ask", "--config", conf, "--guild", str(GUILD_B), "--json", "who Garcia"]) == 0
    out = capsys.readouterr().out
    assert "Robert Garcia" in out and "Maria" not in out
    assert main(["ask", "--config", conf, "--json", "who Garcia"]) == 0  # as a DM: shared corpora only
    out = capsys.readouterr().out
    assert "Robert" not in out and "Maria" not in out
    assert main(["ask", "--config", conf, "--guild", "99", "who Garcia"]) == 2
