"""Helpers shared by the tests: where the demo and the real corpus live, configs and engines over small corpora."""

from __future__ import annotations

from pathlib import Path

from bot.commands.engine import Engine
from bot.config import load_config
from bot.store import SnapshotStore

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PROSECUTORS = SHARED / "corpora" / "prosecutors"
COUNTIES = ("dallas_tx", "kings_ny", "orange_ca", "san_diego_ca")
# Files the tests read on purpose, plus an even spread of each folder (so boilerplate detection sees
# enough pages of each site to tell furniture from stories).
NAMED = {
    "dallas_tx": ["Assets_uploads_docs_district-attorney_press-release_2019_PR_AmberGuyger_100319_pdf.txt",
                  "Assets_uploads_docs_district-attorney_press-release_2018_PR_FINAL_OliverVerdict-Sentence_082918_pdf.txt"],
    "kings_ny": ["2020_11_12_four-men-including-mta-subway-conductor-indicted-for-trafficking-guns-purchased-in-the-south-to-sell-on-brook.txt"],
    "orange_ca": ["press_orange-county-district-attorney-anonymous-tip-hotline-online-reporting-form-seeks-information-regarding-may-21-202.txt"],
    "san_diego_ca": ["news_1-million-in-restitution-ordered-from-plumbing-contractor.txt",
                     "news_home-for-the-holidays-human-trafficking-operation-recovers-19-victims-in-three-days.txt"],
}
PER_COUNTY = 12
GUILD_ID = 4242  # the guild the Discord tests sync their slash commands to


def write_config(folder: Path, corpus_paths: list[Path], extra: str = "") -> Path:
    cfg = folder / "pressbot.yaml"
    paths = ", ".join(f'"{p}"' for p in corpus_paths)
    cfg.write_text(f"corpus:\n  paths: [{paths}]\n  cache_dir: \"{folder / 'cache'}\"\n{extra}", encoding="utf-8")
    return cfg


def engine_for(folder: Path, releases: dict[str, str], source: str = "releases") -> Engine:
    """An engine over `releases` (file name -> text) written to folder/source; no cache."""
    src = folder / source
    src.mkdir(parents=True, exist_ok=True)
    for name, text in releases.items():
        (src / name).write_text(text, encoding="utf-8")
    return Engine(SnapshotStore.open(load_config(write_config(folder, [src])), use_cache=False))


def sample_files() -> dict[str, list[Path]]:
    chosen: dict[str, list[Path]] = {}
    for county in COUNTIES:
        files = sorted((PROSECUTORS / county).glob("*.txt"))
        step = max(1, len(files) // PER_COUNTY)
        picked = files[::step][:PER_COUNTY]
        picked += [PROSECUTORS / county / n for n in NAMED.get(county, []) if (PROSECUTORS / county / n).exists()]
        chosen[county] = sorted(set(picked))
    return chosen


def best_passage_text(engine: Engine, release: str, query: str, weights=None) -> str:
    """The text of the paragraph `bot.commands.passage.best_passage` chooses for `query` in the release
    whose id contains `release`."""
    from bot.commands.passage import best_passage
    snap = engine.store.snapshot
    rid = next(r for r in snap.corpus.releases if release in r)
    found = best_passage(snap, rid, query, weights)
    assert found is not None
    return snap.corpus.paragraphs[found[0]].text
