"""Descriptions written beside a name: an appositive with any head noun phrase, a possessive description
before the name ('his wife, 32-year-old NAME'), a capitalized plural role heading a list ('Victims A and B'),
and a list after 'identified the defendants as' that passes its role across ages and semicolons.
Excerpts are verbatim; each comment names the office."""

from __future__ import annotations

import pytest

from bot.extract.mentions import find_mentions
from bot.extract.titles import clean_title


def _roles(text: str, name: str) -> list[str]:
    return [m.title for m in find_mentions(text) if m.full == name and m.title]


@pytest.mark.parametrize("text, name, role", [
    # kings_ny: a compound title ending in a title word ('Chief Information Officer') is not 'Chief' + a name
    ("The Data and Transparency Initiative is being implemented by William Power, the District Attorney’s Chief "
     "Information Officer, and Jeremy Shockett, First Deputy Chief", "William Power",
     "District Attorney’s Chief Information Officer"),
    # kings_ny (the only office of the corpus writing such titles after a name)
    ("David Berliner, President and Chief Operating Officer, Brooklyn Museum, said,", "David Berliner",
     "President and Chief Operating Officer"),
    # orange_ca: 'another' opens an age appositive like an article
    ("Anh Nguyen, 37, another perspective fisherman and guest at the party, intervened", "Anh Nguyen",
     "perspective fisherman"),
    # kings_ny: an age appositive after 'a'
    ("The officers discovered the victim, Lawrence Rothbort, 43, a local painter and sculptor, lying face down",
     "Lawrence Rothbort", "local painter"),
])
def test_an_appositive_takes_any_head_noun_phrase(text, name, role):
    assert role in _roles(text, name)


@pytest.mark.parametrize("text, name, role, owner", [
    # kings_ny
    ("Victoria Rivera, who is Mario Frias’ wife, is charged with possession of a controlled substance", "Victoria Rivera",
     "Mario Frias’ wife", "Mario Frias"),
    # orange_ca
    ("Alejandro Duran, who is Nicholas Duran’s brother, had one 1995 prior strike conviction", "Alejandro Duran",
     "Nicholas Duran’s brother", "Nicholas Duran"),
])
def test_a_copula_gives_a_relation_to_a_named_owner(text, name, role, owner):
    assert _roles(text, name) == [role]
    assert not _roles(text, owner)  # the owner is named, not described


@pytest.mark.parametrize("text, name, role", [
    # orange_ca: an age between the comma and the name
    ("Marin called his wife, 32-year-old Felix Mendez, and asked her", "Felix Mendez", "his wife"),
    # san_diego_ca
    ("who was convicted in 1984 for hiring five U.S. Marines to kill her husband, 37-year-old Carlo Troiani. At "
     "the time,", "Carlo Troiani", "her husband"),
    # dallas_tx: no age
    ("Jennifer Faith had deceived him into believing her husband, James Faith, was abusing her", "James Faith",
     "her husband"),
    # dallas_tx: a hyphenated role noun
    ("The defendant and his co-defendant, Danielle Lozano, robbed and beat a 97-year-old man", "Danielle Lozano",
     "his co-defendant"),
    # kings_ny
    ("he and a co-defendant, Vernette Tobierre, his office manager, are variously charged", "Vernette Tobierre",
     "co-defendant"),
])
def test_a_possessive_or_hyphenated_role_before_the_name(text, name, role):
    assert role in _roles(text, name)


def test_a_participle_after_a_determiner_is_an_adjective_of_the_description():
    # orange_ca (no other office of the corpus writes 'the charged defendants, NAME'); the subject is not
    # the person the sentence's verb is about ('Marin called his wife'), so a finite verb still stops it
    text = "One of the charged defendants, Richard Todd Evans, owns Huntington Beach Bodyworks"
    assert "One of the charged defendants" in _roles(text, "Richard Todd Evans")
    # kings_ny: a verb after a noun opens a clause, not a description
    text = "The District Attorney identified the defendant as Glenn Payne, 59, of Los Angeles, California."
    assert "District Attorney identified the defendant" not in _roles(text, "Glenn Payne")


@pytest.mark.parametrize("text, names, role", [
    # orange_ca
    ("Victims Tuyet Le, 46, and her 15-year-old daughter, Jennifer Cu, were living in Santa Ana", ["Tuyet Le"],
     "victim"),
    # orange_ca
    ("Victims Carmen Mendoza, Sheyla Mendoza, and Stephanie Henriquez were crossing the street",
     ["Carmen Mendoza", "Sheyla Mendoza", "Stephanie Henriquez"], "victim"),
    # san_diego_ca: ages between the names
    ("Defendants Ethan Apan, 33, Kristian Apan, 32, and Ismael Betancourt, 25, were convicted last May after a",
     ["Ethan Apan", "Kristian Apan", "Ismael Betancourt"], "defendant"),
    # kings_ny: a hyphenated plural role
    ("Co-defendants Quazeer Farmer, 25, of Brooklyn, and Jashaun Washington, 24, of Brooklyn, were sentenced today by",
     ["Quazeer Farmer"], "co-defendant"),
])
def test_a_capitalized_plural_role_heads_a_list(text, names, role):
    for name in names:
        assert role in _roles(text, name)


@pytest.mark.parametrize("text", [
    # kings_ny: a squad's name in a title-case phrase
    "assigned to the Brooklyn Special Victims Squad on",
    # kings_ny: a title-case subheadline
    "The Victims Were Asleep When the Defendant Attacked Them,",
])
def test_a_plural_role_inside_a_title_case_phrase_heads_nothing(text):
    assert not [m for m in find_mentions(text) if m.title in ("victim", "Victims")]


@pytest.mark.parametrize("text, names", [
    # kings_ny: semicolons and ages
    ("The District Attorney identified the defendants as Yan Chen, 46; Yacheng Chen, 50; and Yuqub Liang, 57.",
     ["Yan Chen", "Yacheng Chen", "Yuqub Liang"]),
    # kings_ny: commas and ages
    ("The District Attorney identified the defendants as Malachi Simms, 19, Quran Smith, 20, and Frantzy "
     "Alexandre, 20, all of Flatbush,", ["Malachi Simms", "Quran Smith", "Frantzy Alexandre"]),
])
def test_a_list_after_identified_the_defendants_as_passes_the_role_to_every_name(text, names):
    for name in names:
        assert "defendant" in _roles(text, name)


@pytest.mark.parametrize("text, name, title", [
    # kings_ny: the appositive after the name survives the title clean-up
    ("he and a co-defendant, Vernette Tobierre, his office manager, are variously charged", "Vernette Tobierre",
     "his office manager"),
    # orange_ca
    ("Marin called his wife, 32-year-old Felix Mendez, and asked her", "Felix Mendez", "his wife"),
    # kings_ny
    ("It is alleged that Francisco Frias was the leader of the crew and that his cousin, Mario Frias, and another "
     "man, Rafael Velasquez,", "Mario Frias", "his cousin"),
])
def test_a_relation_to_someone_named_is_kept_as_the_persons_title(text, name, title):
    assert title in [clean_title(m.title, m.free) for m in find_mentions(text) if m.full == name]

