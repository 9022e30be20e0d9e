"""A title-case headline's verb read as a surname ('Todd Spitzer Issues', 'Eric Gonzalez Moves') is folded
into the person the rest of the name is (bot/people/merge.py::merge_headline_words), unless the word is
someone's surname after a given name ('Anthony Young'). Verbatim headlines and sentences from two offices
(Orange County CA, Kings County NY)."""

from __future__ import annotations

from bot.people.merge import merge_headline_words
from tests.helpers import engine_for

# Orange County DA (orange_ca): a headline and a body sentence of another release
ORANGE = {
    "spitzer_statement.txt": "Orange County District Attorney Todd Spitzer Issues Statement on Protests\n\n"
                             "SANTA ANA – The statement follows.\n",
    "spitzer_car.txt": "Car Thief Sentenced\n\n“This car thief will be held accountable,” said Orange County "
                       "District Attorney Todd Spitzer.\n",
}
# Kings County DA (kings_ny): a headline, a body sentence, and a defendant whose surname is a word
KINGS = {
    "gonzalez_marijuana.txt": "Brooklyn District Attorney Eric Gonzalez Moves to Erase Past Convictions And "
                              "Outstanding Warrants for Low-Level Marijuana Possession\n\nThe motion was filed.\n",
    "gonzalez_justice.txt": "Justice 2020\n\nBrooklyn District Attorney Eric Gonzalez said, “Justice 2020 will "
                            "reshape the Brooklyn District Attorney’s office into a model of progressive "
                            "prosecution.”\n",
    "young.txt": "Man Indicted\n\nThe District Attorney identified the defendant as Anthony Young, a.k.a., Royalty, "
                 "30, of East New York, Brooklyn.\n",
}
# the corpus-wide test (a word the corpus writes in lower case) stands in for the real corpus's counts
COMMON = frozenset({"issues", "moves", "young"})


def _names(people) -> set[str]:
    return {p.name for p in people}


def test_a_headline_verb_after_a_full_name_is_no_surname(tmp_path):
    snap = engine_for(tmp_path, {**ORANGE, **KINGS}).store.snapshot
    people = snap.entities.people
    quotes = [q for qs in snap.entities.quotes_by_person.values() for q in qs]
    assert {"Todd Spitzer Issues", "Eric Gonzalez Moves"} <= {" ".join(n.split()) for p in people for n in p.names}
    merged, _ = merge_headline_words(list(people), list(quotes), COMMON)
    names = _names(merged)
    assert "Todd Spitzer" in names and "Eric Gonzalez" in names  # Orange, Kings: the officials stay
    assert not [n for n in names if n.endswith((" Issues", " Moves"))]
    spitzer = next(p for p in merged if p.name == "Todd Spitzer")
    assert any("Orange County District Attorney" in t for t in spitzer.titles)
    assert len(spitzer.releases) == 2  # the headline's release is his
    # Kings: a surname that is also a word, after a given name, is a surname
    assert "Anthony Young" in names
