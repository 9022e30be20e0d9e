"""Config loading: defaults work, and every bad config names the file, the key and the problem."""

from __future__ import annotations

import pytest

from bot.config import ConfigError, load_config
from tests.helpers import ROOT


def test_bundled_config_loads_and_points_at_the_demo_corpus():
    cfg = load_config(ROOT / "config" / "pressbot.yaml")
    assert cfg.corpus_paths == [(ROOT / "corpus").resolve()]
    assert cfg.index.k1 == 1.5 and cfg.index.b == 0.75 and cfg.index.epsilon == 0.25
    assert cfg.discord.prefix == "!"
    assert cfg.corpus.watch.enabled is False and cfg.corpus.watch.interval_s == 2.0
    assert cfg.audit_path == (ROOT / ".pressbot-cache" / "audit.jsonl").resolve()


@pytest.mark.parametrize(
    ("body", "key", "problem"),
    [
        ("corpus:\n  pathz: [x]\n", "corpus.pathz", "unknown key"),
        ("index:\n  k1: fast\n", "index.k1", "expected float"),
        ("answers:\n  max_citations: 2.5\n", "answers.max_citations", "expected an integer"),
        ("corpus:\n  paths: [\"/no/such/folder\"]\n", "corpus.paths", "does not exist"),
        ("index:\n  b: 3\n", "index.b", "between 0 and 1"),
        ("discord:\n  shards: many\n", "discord.shards", "null or 'auto'"),
        ("corpus: [1, 2\n", "(syntax)", "invalid YAML"),
        ("bogus: 1\n", "bogus", "unknown key"),
    ],
)
def test_bad_config_names_file_key_and_problem(tmp_path, body, key, problem):
    f = tmp_path / "bad.yaml"
    if not body.startswith(("corpus", "bogus")):
        body = f'corpus:\n  paths: ["{ROOT / "corpus"}"]\n' + body
    f.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(f)
    assert err.value.key == key
    assert problem in err.value.problem
    assert str(f) in str(err.value)


def test_cli_reports_config_error_without_traceback(tmp_path, capsys):
    from bot.cli import main

    f = tmp_path / "bad.yaml"
    f.write_text("index:\n  k1: fast\n", encoding="utf-8")
    assert main(["ask", "!who Garrison", "--config", str(f)]) == 2
    err = capsys.readouterr().err
    assert "index.k1" in err and "bad.yaml" in err and "Traceback" not in err


TOKEN = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB"  # shaped like a token, not one


@pytest.mark.parametrize(
    ("body", "key", "problem"),
    [  # the footguns of a careless admin: each refused with the key and the reason
        ("corpus:\n  max_file_mb: -5\n", "corpus.max_file_mb", "must be > 0"),
        ("index:\n  k1: .nan\n", "index.k1", "finite number"),
        ("discord:\n  cooldown: {rate: 0}\n", "discord.cooldown.rate", "must be >= 1"),
        ("discord:\n  cooldown: {per_seconds: -1}\n", "discord.cooldown.per_seconds", "must be > 0"),
        ("answers:\n  min_relative_score: 1.5\n", "answers.min_relative_score", "between 0 and 1"),
        ("corpus:\n  watch: {enabled: true, interval_s: 0}\n", "corpus.watch.interval_s", "between 0.05 and 3600"),
        ("corpus:\n  watch: {enabled: yes please}\n", "corpus.watch.enabled", "expected true or false"),
        ("corpus:\n  watch: {interval: 2}\n", "corpus.watch.interval", "unknown key"),
        ("audit:\n  max_mb: 0\n", "audit.max_mb", "must be > 0"),
        ("discord:\n  guild_ids: [123456789012345678]\n  admin_role_ids: [123456789012345678]\n",
         "discord.admin_role_ids", "@everyone"),
        (f"discord:\n  token_env: {TOKEN}\n", "discord.token_env", "looks like a Discord token"),
        (f"discord:\n  token_file: {TOKEN}\n", "discord.token_file", "looks like a Discord token"),
        (f"discord:\n  guild_ids: [\"{TOKEN}\"]\n", "discord.guild_ids[0]", "looks like a Discord token"),
        (f"discord:\n  {TOKEN}: 1\n", "discord (a key)", "looks like a Discord token"),  # pasted as a key
        (f"discord:\n  prefix: x\n  {TOKEN}\n  allow_dms: true\n", "(line 5)", "looks like a Discord token"),  # bad YAML
        (f"discord:\n  token_env: [{TOKEN}\n", "(line 4)", "looks like a Discord token"),  # bad YAML, quoted by PyYAML
        (f"# the token is {TOKEN}\ndiscord: {{}}\n", "(line 3)", "looks like a Discord token"),  # in a comment
    ],
)
def test_footguns_are_refused_and_a_token_is_never_echoed(tmp_path, body, key, problem):
    f = tmp_path / "bad.yaml"
    f.write_text(f'corpus:\n  paths: ["{ROOT / "corpus"}"]\n' + body if not body.startswith("corpus") else
                 body.replace("corpus:\n", f'corpus:\n  paths: ["{ROOT / "corpus"}"]\n', 1), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(f)
    assert err.value.key == key and problem in err.value.problem
    assert TOKEN not in str(err.value) and TOKEN[:20] not in str(err.value)


def test_sources_take_a_display_name_or_a_name_and_a_link_rule(tmp_path):
    f = tmp_path / "ok.yaml"
    f.write_text(f'corpus:\n  paths: ["{ROOT / "corpus"}"]\n  sources:\n    a: "Office A"\n'
                 '    b: {name: "Office B", url: "https://example.org/news/{stem}"}\n', encoding="utf-8")
    cfg = load_config(f)
    assert cfg.corpus.sources["a"].name == "Office A" and cfg.corpus.sources["a"].url is None
    assert cfg.corpus.sources["b"].url == "https://example.org/news/{stem}"
    f.write_text(f'corpus:\n  paths: ["{ROOT / "corpus"}"]\n  sources:\n    b: {{name: B, url: "https://x/{{slug}}"}}\n',
                 encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown placeholder"):
        load_config(f)
