"""The snapshot fingerprint covers only the code that shapes a snapshot: editing a command, a renderer,
the CLI or Discord code reuses the saved snapshot; editing extraction or ingest code rebuilds it."""

from __future__ import annotations

import shutil
from pathlib import Path

import bot
from bot.fingerprint import _code_hash, snapshot_code_files

PACKAGE = Path(bot.__file__).resolve().parent


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "bot"
    shutil.copytree(PACKAGE, root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def _touch(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")


def test_answer_and_discord_code_is_not_hashed(tmp_path):
    root = _copy(tmp_path)
    before = _code_hash(root)
    for rel in ("commands/who.py", "commands/engine.py", "discord_app/render.py", "render_text.py", "cli.py",
                "config.py", "evaluate.py"):
        _touch(root / rel)
    assert _code_hash(root) == before


def test_extraction_ingest_and_index_code_is_hashed(tmp_path):
    root = _copy(tmp_path)
    for sub in ("extract", "people", "ingest", "index"):
        before = _code_hash(root)
        _touch(next(iter(sorted((root / sub).glob("*.py")))))
        assert _code_hash(root) != before, sub


def test_hashed_files_are_the_snapshot_layers():
    parts = {f.relative_to(PACKAGE).parts[0] for f in snapshot_code_files(PACKAGE)}
    assert {"ingest", "extract", "people", "index", "data", "snapshot.py"} <= parts
    assert not parts & {"commands", "discord_app", "cli.py", "render_text.py"}
