"""Two newsrooms whose own corpora share a surname (Garcia) and a topic (ghost guns), beside a shared corpus."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import simcord

from bot.commands.engine import Engine
from bot.config import Config, load_config
from bot.discord_app.client import make_bot
from bot.store import SnapshotStore

GUILD_A, GUILD_B = 1001, 2002
ROLE_A = 3003  # an admin role of server A only

A_TEXT = ("---\ntitle: Alpha ghost gun ring charged\ndate: 2024-02-01\n---\n"
          "District Attorney Maria Garcia today announced charges against three men who built ghost guns "
          "in a garage in Alphaville. \"Untraceable guns have no place here,\" said District Attorney Maria Garcia.\n")
B_TEXT = ("---\ntitle: Beta ghost gun seizure\ndate: 2024-03-01\n---\n"
          "Police Chief Robert Garcia said officers seized twelve ghost guns from a warehouse in Betatown. "
          "\"These weapons are a danger to every family,\" said Police Chief Robert Garcia.\n")
SHARED_TEXT = ("---\ntitle: Statewide ghost gun report\ndate: 2024-01-05\n---\n"
               "Attorney General Lena Ortiz released a statewide report on ghost guns recovered in 2023.\n")


def newsrooms(tmp_path: Path, extra: str = "", top: str = "discord:\n  cooldown: {rate: 100}\n") -> Config:
    for folder, name, text in (("shared", "report.md", SHARED_TEXT), ("alpha", "ring.md", A_TEXT),
                               ("beta", "seizure.md", B_TEXT)):
        (tmp_path / folder).mkdir(exist_ok=True)
        (tmp_path / folder / name).write_text(text, encoding="utf-8")
    cfg = tmp_path / "pressbot.yaml"
    cfg.write_text(f"{top}corpus:\n  paths: [shared]\n  cache_dir: cache\n"
                   f"guilds:\n"
                   f"  {GUILD_A}:\n    name: Alpha Gazette\n    corpus: [alpha]\n    admins: {{role_ids: [{ROLE_A}]}}\n"
                   f"  '{GUILD_B}':\n    name: Beta Times\n    corpus: [beta]\n{extra}", encoding="utf-8")
    return load_config(cfg)


@asynccontextmanager
async def simulated(cfg: Config) -> AsyncIterator[simcord.Env]:
    """The real bot over `cfg`'s corpora in the simcord Discord simulator (no snapshot cache)."""
    e = simcord.Env(make_bot(cfg, Engine(SnapshotStore.open(cfg, use_cache=False))))
    await e.start()
    try:
        yield e
    finally:
        await e.shutdown()
