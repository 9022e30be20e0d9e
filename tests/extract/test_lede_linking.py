"""A headline or lede description linked to the named subject: 'arrested' and 'arraigned' are case verbs,
any past participle ends a headline description, a relative clause stays with the noun it describes,
any noun phrase that is the subject of a case verb describes the subject ('An actor was convicted'), never
'The victim'; a quoted nickname is part of a name. Excerpts verbatim; comments name each office."""

from __future__ import annotations

import pytest

from bot.extract.lede import case_subject, lede_descriptors
from bot.extract.mentions import find_mentions


def _mention(text: str, name: str):
    return next(m for m in find_mentions(text) if m.full == name)


@pytest.mark.parametrize("text, name", [
    # dallas_tx (the nickname is part of the name)
    ("William Neil “Doc” Gallagher was arrested on", "William Neil “Doc” Gallagher"),
    # orange_ca
    ("Damian Chavez, 24, of Bellflower, was arrested on April 18, 2020 following a year-long", "Damian Chavez"),
    # orange_ca
    ("Mel Campbell was arrested in Laguna Niguel and Ho was picked up at", "Mel Campbell"),
])
def test_the_person_arrested_is_the_subject_of_the_case(text, name):
    assert case_subject(text, _mention(text, name))


@pytest.mark.parametrize("text, name", [
    # dallas_tx
    ("Charles “Rusty” Taylor was named 2024 DA Investigator of", "Charles “Rusty” Taylor"),
    # san_diego_ca
    ("Asfar “Benny” Shamlou was also ordered to stay away from", "Asfar “Benny” Shamlou"),
    # orange_ca
    ("Marsalee “Marsy” Nicholas was murdered in 1983", "Marsalee “Marsy” Nicholas"),
])
def test_a_quoted_nickname_is_inside_the_name(text, name):
    m = _mention(text, name)
    assert (m.first, m.last) == (name.split()[0], name.split()[-1])


@pytest.mark.parametrize("headline, desc", [
    # san_diego_ca
    ("4S Ranch Man Duped Friends in Ponzi Scheme; Additional Victims Sought", "4S Ranch Man"),
    # kings_ny
    ("Gravesend Man Arraigned on Indictment Charging Him with Assault of Three-Year-Old Boy", "Gravesend Man"),
    # orange_ca
    ("Anaheim Woman Accused of Killing, Decapitating Her Boyfriend of Two Months Arrested in Mexico, Brought Back "
     "to Orange County to Face Murder Charges", "Anaheim Woman"),
])
def test_any_past_participle_ends_a_headline_description(headline, desc):
    assert lede_descriptors(headline, []) == [desc]


@pytest.mark.parametrize("lede, desc", [
    # san_diego_ca
    ("A man who sold heroin to a San Diego woman, leading to her fatal overdose, was sentenced Wednesday to eight "
     "years in local prison.", "man who sold heroin to a San Diego woman"),
    # dallas_tx
    ("A 43-year-old serial killer who fled to Mexico in 2003 was sentenced to life in prison after he",
     "43-year-old serial killer who fled to Mexico in 2003"),
])
def test_a_relative_clause_stays_with_the_lede_description(lede, desc):
    assert desc in lede_descriptors("", [lede])


@pytest.mark.parametrize("lede, desc", [
    # orange_ca: after a dateline's dash
    ("SANTA ANA – An actor was convicted today of the 1990 Christmas Eve gang rape of a woman who was out walking "
     "her dog.", "actor"),
    # orange_ca
    ("A transient has been charged with setting five fires on three occasions in dumpsters", "transient"),
    # kings_ny
    ("Brooklyn District Attorney Eric Gonzalez today announced that an 87-year-old parolee has been convicted of "
     "first-degree murder", "87-year-old parolee"),
    # kings_ny
    ("Brooklyn District Attorney Eric Gonzalez today announced that a youth baseball coach has been indicted for "
     "course of sexual conduct against a child", "youth baseball coach"),
])
def test_any_noun_phrase_subject_of_a_case_verb_describes_the_subject(lede, desc):
    assert desc in lede_descriptors("", [lede])


@pytest.mark.parametrize("lede", [
    # orange_ca (the actor release)
    ["SANTA ANA – An actor was convicted today of the 1990 Christmas Eve gang rape of a woman who was out walking "
     "her dog.", "The victim is expected to make a victim impact statement at the hearing."],
    # san_diego_ca
    ["The victim was a tattoo shop owner in Chula Vista who was found bound"],
])
def test_the_victim_is_never_the_lede_description(lede):
    assert "victim" not in lede_descriptors("", lede)
