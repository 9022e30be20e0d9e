"""Military and police ranks are titles before a name, never part of it ('Senior Corporal Mark Nix', not a
person 'Corporal Mark Nix'). Excerpts verbatim; comments name each office."""

from __future__ import annotations

import pytest

from bot.extract.mentions import find_mentions


@pytest.mark.parametrize("text, name, title", [
    # dallas_tx
    ("Ruiz shot and killed 33-year-old Senior Corporal Mark Nix of the Dallas Police Department", "Mark Nix",
     "33-year-old Senior Corporal"),
    # dallas_tx
    ("DPD Senior Corporal Ryan Mabry", "Ryan Mabry", "DPD Senior Corporal"),
    # orange_ca
    ("Corporal Jay Cicinelli is charged with one felony count of", "Jay Cicinelli", "Corporal"),
    # orange_ca: an abbreviated rank keeps its dot
    ("Cpl. Anthony Bertagna", "Anthony Bertagna", "Cpl."),
    # orange_ca
    ("Director of the Sunburst Youth Challenge Academy, Lieutenant Colonel Joel Armstrong", "Joel Armstrong",
     "Lieutenant Colonel"),
])
def test_a_rank_is_a_title_before_the_name(text, name, title):
    found = [(m.full, m.title) for m in find_mentions(text)]
    assert (name, title) in found
    assert not [full for full, _ in found if full.split()[0] in ("Corporal", "Colonel", "Cpl.")]
