"""Two people who share a name but no description are two people (bot/people/merge.py, `split_by_office`):
a person who is no official, described by two offices with nothing in common, is one person per office.
Verbatim excerpts from two offices: Orange County DA (orange_ca, the 2013 janitor hidden-camera releases)
and Kings County DA (kings_ny, the Angel Rojas bus shooting release), plus an Orange and a San Diego release
naming the same official."""

from __future__ import annotations

import pytest

# Orange County DA (orange_ca): press_janitor-faces-trial-for-placing-hidden-video-camera..., paragraph 4
ORANGE_ROJAS = ("JANITOR FACES TRIAL FOR PLACING HIDDEN VIDEO CAMERA INSIDE WOMENS BATHROOM AT AN ELEMENTARY SCHOOL\n\n"
                "Angel Rojas, 25, Corona, is charged with one misdemeanor count each of disorderly conduct for "
                "secretly filming another, and child annoyance.\n")
# Kings County DA (kings_ny): the Angel Rojas bus shooting release
KINGS_ROJAS = ("Brooklyn Man Sentenced for Fatal Bus Shooting\n\n"
               "Angel Rojas, 39, who was married and the father of an 8-year-old daughter and a 12-year-old son, was "
               "sitting in a forward facing seat on the bus, talking on a cell phone.\n")
# Orange (orange_ca, governor signs Umberg price-gouging bill: a line of its list) and San Diego (san_diego_ca,
# service members scammed out of $4.8 million): the same official named by both offices
ORANGE_OFFICIAL = "GOVERNOR SIGNS UMBERG PRICE GOUGING BILL INTO LAW\n\nAttorney General Xavier Becerra\n"
SAN_DIEGO_OFFICIAL = ("Service Members Scammed Out of $4.8 Million\n\n“Service members have given so much to our "
                      "country – they should not have to worry about being targeted and taken advantage of by "
                      "malicious scammers,” said Attorney General Xavier Becerra.\n")
def _engine(base, offices: dict[str, dict[str, str]]):
    from bot.commands.engine import Engine
    from bot.config import load_config
    from bot.store import SnapshotStore
    from tests.helpers import write_config
    for office, files in offices.items():
        folder = base / office
        folder.mkdir()
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
    cfg = load_config(write_config(base, [base / office for office in offices]))
    return Engine(SnapshotStore.open(cfg, use_cache=False))


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return _engine(tmp_path_factory.mktemp("offices"), {
        "orange_ca": {"rojas.txt": ORANGE_ROJAS, "official.txt": ORANGE_OFFICIAL},
        "kings_ny": {"rojas.txt": KINGS_ROJAS},
        "san_diego_ca": {"official.txt": SAN_DIEGO_OFFICIAL}})


def test_namesakes_described_by_two_offices_are_two_people(engine):
    ans = engine.ask("!who Angel Rojas")
    people = [i for i in ans.items if getattr(i, "name", None)]
    assert len(people) == 2, ans.summary
    snap = engine.store.snapshot
    rojas = [p for p in snap.entities.people if p.last == "Rojas"]
    assert len(rojas) == 2
    assert all(len({snap.corpus.releases[r].source for r in p.releases}) == 1 for p in rojas)
    assert {frozenset(p.titles) for p in rojas} >= {frozenset({"25, Corona"})}


def test_an_official_named_by_two_offices_stays_one(engine):
    snap = engine.store.snapshot
    becerra = [p for p in snap.entities.people if p.last == "Becerra"]
    assert len(becerra) == 1 and len({snap.corpus.releases[r].source for r in becerra[0].releases}) == 2
