"""A corpus with no release is never served silently: run refuses (unless allowed), index fails, ask warns."""

from __future__ import annotations

import logging

import pytest

from bot.cli import main
from tests.helpers import write_config


@pytest.fixture
def empty_config(tmp_path, monkeypatch):
    src = tmp_path / "releases"
    src.mkdir()
    (src / "a.txt").write_bytes(b"\x00\x01binary")
    monkeypatch.setenv("DISCORD_TOKEN", "fake.token.never-used")
    return lambda extra="": str(write_config(tmp_path, [src], extra))


def test_run_refuses_an_empty_corpus_naming_paths_and_reasons(empty_config, capsys, monkeypatch):
    from bot.discord_app import client

    monkeypatch.setattr(client, "make_bot", lambda *a: pytest.fail("the bot must not start"))
    assert main(["run", "--config", empty_config()]) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("pressbot run: refusing to start: the corpus has no releases")
    assert "releases" in err and "a.txt: binary data" in err and "corpus.allow_empty" in err


def test_run_starts_on_an_empty_corpus_when_config_allows_with_a_warning(empty_config, monkeypatch, caplog):
    from bot.discord_app import client

    started = []

    class FakeBot:
        def run(self, token, log_handler=None):
            started.append(token)

    monkeypatch.setattr(client, "make_bot", lambda *a: FakeBot())
    with caplog.at_level(logging.WARNING):
        assert main(["run", "--config", empty_config("  allow_empty: true\n")]) == 0
    assert started == ["fake.token.never-used"]
    assert any(r.levelno == logging.WARNING and "EMPTY CORPUS" in r.getMessage() for r in caplog.records)


def test_index_exits_2_on_zero_releases(empty_config, capsys):
    assert main(["index", "--config", empty_config(), "--no-cache"]) == 2
    assert "pressbot index: the corpus has no releases" in capsys.readouterr().err


def test_ask_warns_on_stderr_and_still_answers(empty_config, capsys):
    assert main(["ask", "!who Garrison", "--config", empty_config()]) == 0
    out = capsys.readouterr()
    assert "No release names" in out.out
    assert "pressbot ask: WARNING: the corpus has no releases" in out.err
