"""Shared fixtures: the bundled demo corpus, and a small sample of the real prosecutors' corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.commands.engine import Engine
from bot.config import load_config
from bot.store import SnapshotStore
from tests.helpers import GUILD_ID, PROSECUTORS, ROOT, sample_files, write_config


@pytest.fixture(scope="session")
def demo_engine(tmp_path_factory) -> Engine:
    folder = tmp_path_factory.mktemp("demo")
    cfg = load_config(write_config(folder, [ROOT / "corpus"]))
    return Engine(SnapshotStore.open(cfg))




@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory) -> Path:
    """≈55 real releases copied into per-county folders (skips when ../shared is absent)."""
    if not PROSECUTORS.is_dir():
        pytest.skip(f"real corpus not found at {PROSECUTORS} (the shared/ folder beside the checkout)")
    folder = tmp_path_factory.mktemp("sample")
    for county, files in sample_files().items():
        (folder / county).mkdir()
        for f in files:
            shutil.copy(f, folder / county / f.name)
    return folder


@pytest.fixture(scope="session")
def sample_engine(sample_dir, tmp_path_factory) -> Engine:
    folder = tmp_path_factory.mktemp("sample-cfg")
    cfg = load_config(write_config(folder, [sample_dir, ROOT / "corpus"]))
    return Engine(SnapshotStore.open(cfg, use_cache=False))


@pytest.fixture
def demo_config(tmp_path):
    """The bundled demo corpus, with slash commands synced to the test guild `GUILD_ID`."""
    return load_config(write_config(tmp_path, [ROOT / "corpus"], extra=f"discord:\n  guild_ids: [{GUILD_ID}]\n"))


@pytest.fixture
async def env(demo_config):
    """A simcord Discord simulator running the real bot over the demo corpus."""
    import simcord

    from bot.discord_app.client import make_bot

    bot = make_bot(demo_config, Engine(SnapshotStore.open(demo_config)))
    e = simcord.Env(bot)
    await e.start()
    try:
        yield e
    finally:
        await e.shutdown()
