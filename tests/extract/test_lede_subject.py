"""Who a lede's description belongs to: a headline description before a relative clause, 'that a
46-year-old man, who ...', and the subject of 'was sentenced' / 'found NAME guilty' when no age introduces
them; a date of birth introduces a person like an age. Excerpts verbatim; comments name each office."""

from __future__ import annotations

import pytest

from bot.extract.lede import case_subject, introduces_subject, lede_descriptors
from bot.extract.mentions import find_mentions


@pytest.mark.parametrize("headline, desc", [
    # san_diego_ca
    ("Child Molester Who Fled to Asia Sentenced in Sex Abuse Case - DA NewsCenter", "Child Molester"),
    # kings_ny
    ("Brooklyn Man Who Shot and Paralyzed 11-Year-Old Girl Sentenced To 17 Years in State Prison - The Brooklyn "
     "District Attorney's Office", "Brooklyn Man"),
])
def test_a_headline_description_before_a_relative_clause(headline, desc):
    assert lede_descriptors(headline, []) == [desc]


def test_a_lede_description_set_off_before_who():
    # san_diego_ca
    lede = ("San Diego County District Attorney Summer Stephan announced today that a 46-year-old man, who was "
            "convicted by a jury of killing his father and brother-in-law in Valley Center in June 2022, was sentenced")
    assert lede_descriptors("Defendant who Murdered In-Laws Sentenced to Life Without Parole + 50 Years", [lede]) == [
        "Defendant", "46-year-old man"]


@pytest.mark.parametrize("text, subject, others", [
    # san_diego_ca
    ("A jury found Christian Bobila guilty on March 20 of two counts of first-degree murder", "Christian Bobila", []),
    # san_diego_ca: a long relative clause between the name and its verb
    ("Chester Yang, who was extradited from Singapore with the help of Interpol and U.S. federal authorities, "
     "pleaded guilty in September to forcible lewd acts upon a child", "Chester Yang", []),
    # dallas_tx: the victim, the object of 'the murder of', is not the subject
    ("Glen Richter pleaded guilty Thursday to the murder of Sara Hudson.", "Glen Richter", ["Sara Hudson"]),
    # kings_ny
    ("been convicted for his participation in the kidnapping and murder of Menachem Stark, 39, on January 2, 2014.",
     None, ["Menachem Stark"]),
])
def test_the_subject_of_a_case_verb(text, subject, others):
    ms = {m.full: m for m in find_mentions(text)}
    if subject:
        assert case_subject(text, ms[subject])
    assert not any(case_subject(text, ms[o]) for o in others)


def test_a_date_of_birth_introduces_a_person():
    # kings_ny: the defendants' list of a gun-trafficking indictment
    for text in ("Juan Acevedo, dob: 10-24-89, 184 South 2", "Santo Heredia, dob: 4-9-1993, 160 1"):
        assert introduces_subject(text, find_mentions(text)[0])
    # orange_ca: an age, as before
    text = "Anthony Ray Willis, 37, was sentenced today to 41 years to life in prison"
    assert introduces_subject(text, find_mentions(text)[0])
