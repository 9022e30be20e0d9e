"""`pressbot run` as a real process over the loopback fake Discord: `!search` with `source:` and `since:` answers
only from that source's releases of those dates. Two offices, short verbatim-ish texts with `date:` front matter."""

from __future__ import annotations

import asyncio
import os
import sys

from tests.commands.test_scoped import KINGS, SAN_DIEGO
from tests.discord_app.fake_discord import FakeDiscord
from tests.discord_app.markdown_model import shown
from tests.discord_app.test_run_smoke import TOKEN, _wait
from tests.discord_app.test_slash_filters import GONZALEZ
from tests.helpers import ROOT, write_config

# Kings County DA style, 2019: ghost guns too, so only the date filter can keep it out
OLD_KINGS = ("Brooklyn District Attorney Eric Gonzalez today announced that a Bedford-Stuyvesant man was indicted for "
             "selling ghost guns and high-capacity magazines to an undercover officer. The untraceable ghost guns "
             "were assembled from kits bought online.")


def _corpus(tmp_path):
    kings, san_diego = tmp_path / "newsroom" / "kings_ny", tmp_path / "newsroom" / "san_diego_ca"
    kings.mkdir(parents=True)
    san_diego.mkdir(parents=True)
    (kings / "bushwick.md").write_text(f"---\ntitle: Bushwick man indicted for ghost guns\ndate: 2022-04-22\n---\n"
                                       f"{KINGS}\n\n{GONZALEZ}\n", encoding="utf-8")
    (kings / "bedstuy.md").write_text(f"---\ntitle: Bedford-Stuyvesant ghost gun seller indicted\ndate: 2019-06-12\n"
                                      f"---\n{OLD_KINGS}\n", encoding="utf-8")
    (san_diego / "officers.md").write_text(f"---\ntitle: Suspect with a ghost gun\ndate: 2023-03-01\n---\n"
                                           f"{SAN_DIEGO}\n", encoding="utf-8")
    return write_config(tmp_path, [tmp_path / "newsroom"])


async def _ask(fake: FakeDiscord, proc: asyncio.subprocess.Process, line: str) -> dict:
    fake.message_posted.clear()
    before = len(fake.posted)
    await fake.say(line)
    await _wait(fake.message_posted, proc, f"the reply to {line!r}", 30)
    assert len(fake.posted) == before + 1
    return fake.posted[-1]["embeds"][0]


def _titles(embed: dict) -> list[str]:
    return [shown(f["name"]) for f in embed.get("fields", [])]


async def test_pressbot_run_search_with_source_and_since_cites_only_the_2022_kings_release(tmp_path):
    fake = FakeDiscord()
    await fake.start()
    cfg = _corpus(tmp_path)
    env = {**os.environ, "DISCORD_TOKEN": TOKEN, "PRESSBOT_DISCORD_API": fake.api,
           "PRESSBOT_DISCORD_GATEWAY": fake.gateway, "PYTHONUNBUFFERED": "1"}
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "run", "--config", str(cfg),
                                                cwd=ROOT, env=env, stdout=asyncio.subprocess.PIPE,
                                                stderr=asyncio.subprocess.PIPE)
    try:
        await _wait(fake.guild_sent, proc, "IDENTIFY and GUILD_CREATE", 60)
        await asyncio.sleep(0.5)
        everything = _titles(await _ask(fake, proc, "!search ghost guns"))
        filtered = await _ask(fake, proc, "!search ghost guns source:kings_ny since:2020")
    finally:
        if proc.returncode is None:
            proc.terminate()
        await proc.communicate()
        await fake.stop()
    # unfiltered, the other two releases are candidates: the filters below are what keeps them out
    assert any("2019-06-12" in t for t in everything), everything
    assert any("san_diego_ca" in t for t in everything), everything
    titles = _titles(filtered)
    assert titles, filtered
    assert all("Bushwick man indicted" in t and "kings_ny · 2022-04-22" in t for t in titles), titles
    cited = " ".join(shown(f["value"]) for f in filtered["fields"])
    assert "Bedford-Stuyvesant" not in cited and "Peace officers" not in cited
    assert "kings_ny" in shown(filtered["description"]) and "since 2020" in shown(filtered["description"])
