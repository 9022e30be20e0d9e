"""A home state per source, for offices that never write their state: from config (`corpus.home_states`)
or inferred from the office's own county and city names. The releases below are verbatim excerpts of
two offices (named at each) with every state name left out of them, as another office might write."""

from __future__ import annotations

import pytest

from bot.commands.engine import Engine
from bot.config import ConfigError, load_config
from bot.extract.place_context import place_states
from bot.extract.places import Gazetteer
from bot.store import SnapshotStore
from tests.helpers import engine_for, write_config


def test_place_states_from_the_offices_own_names():
    gaz = Gazetteer.default()
    # Dallas County DA
    assert place_states("The Grand Prairie Police Department worked tirelessly during the investiga", gaz) == {"TX"}
    assert place_states("Named in honor of the late Mesquite Police Officer Richard Houston who was shot", gaz) == {
        "TX"}
    # Orange County DA
    assert place_states("Tustin Police Department investigated this case", gaz) == {"CA"}
    assert place_states("“On behalf of the Brea Police Department, we would like to offer our sincere th",
                        gaz) == {"CA"}
    # constructed: no place name, and a name of many states with no clear leader, vote for none
    assert place_states("The defendant was arraigned today.", gaz) == set()
    assert place_states("He was arrested in Lancaster on Friday.", gaz) == set()


_DALLAS = {  # Dallas County DA, verbatim lines; no release names Texas
    "a.txt": "Officer honored\n\nNamed in honor of the late Mesquite Police Officer Richard Houston who was shot "
             "and killed in the line of duty.\n",
    "b.txt": "Forfeiture funds\n\nThe Grand Prairie Police Department worked tirelessly during the investigation "
             "of this case.\n",
    "c.txt": "Grillo murder verdict\n\nThe victim, 37-year-old Laura Grillo, was found shot to death in her "
             "Rowlett home in 2019.\n",
}
_ORANGE = {  # Orange County DA, verbatim lines; no release names California
    "a.txt": "Tustin case filed\n\nTustin Police Department investigated this case.\n",
    "b.txt": "Brea arrests\n\n“On behalf of the Brea Police Department, we would like to offer our sincere "
             "thanks,” said Brea Police Chief Adam Hawley.\n",
    "c.txt": "Seal Beach hearing\n\nThe hearing was held in Seal Beach on Tuesday.\n",
}


def _included(answer) -> list[str]:
    return [i.city for i in answer.items if i.status == "included"]


def test_an_office_that_never_writes_its_state_still_resolves_its_towns(tmp_path):
    dallas = engine_for(tmp_path / "d", _DALLAS, source="office_d")
    assert dallas.store.snapshot.source_states["office_d"] == {"TX"}
    assert _included(dallas.ask("!cities Grillo murder verdict")) == ["Rowlett"]  # a Texas-only town
    orange = engine_for(tmp_path / "o", _ORANGE, source="office_o")
    assert orange.store.snapshot.source_states["office_o"] == {"CA"}
    assert _included(orange.ask("!cities Seal Beach hearing")) == ["Seal Beach"]


def test_a_configured_home_state_wins(tmp_path):
    src = tmp_path / "office_x"
    src.mkdir()
    files = {"a.txt": "Hearing\n\nThe hearing was held in Seal Beach on Tuesday.\n",
             "b.txt": "Verdict\n\nThe victim was found in her Rowlett home.\n"}
    for name, text in files.items():
        (src / name).write_text(text, encoding="utf-8")
    cfg = load_config(write_config(tmp_path, [src], "  home_states: {office_x: TX}\n"))
    assert cfg.corpus.home_states == {"office_x": "TX"}
    engine = Engine(SnapshotStore.open(cfg, use_cache=False))
    assert engine.store.snapshot.source_states["office_x"] == {"TX"}
    assert _included(engine.ask("!cities Verdict victim Rowlett home")) == ["Rowlett"]
    assert _included(engine.ask("!cities Hearing Seal Beach Tuesday")) == []  # not a Texas town


def test_a_home_state_must_be_a_state_code(tmp_path):
    src = tmp_path / "office_x"
    src.mkdir()
    with pytest.raises(ConfigError, match="home_states"):
        load_config(write_config(tmp_path, [src], "  home_states: {office_x: Texas}\n"))


def test_a_home_state_is_keyed_by_folder_even_with_a_display_name(tmp_path):
    src = tmp_path / "office_x"
    src.mkdir()
    # Dallas County DA, verbatim line (the state left out)
    (src / "a.txt").write_text(_DALLAS["c.txt"], encoding="utf-8")
    extra = "  sources: {office_x: \"Example County DA\"}\n  home_states: {office_x: TX}\n"
    engine = Engine(SnapshotStore.open(load_config(write_config(tmp_path, [src], extra)), use_cache=False))
    assert engine.store.snapshot.source_states["Example County DA"] == {"TX"}
    assert _included(engine.ask("!cities Grillo murder verdict")) == ["Rowlett"]
