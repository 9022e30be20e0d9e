"""A profile's subject is the one person its headline names in full, or, when the headline has several
full names (a capitalized phrase read as one), the one it gives a title. Headlines verbatim; comments name
each office."""

from __future__ import annotations

import pytest

from bot.extract.release import headline_subject, read_release


@pytest.mark.parametrize("headline, name", [
    # san_diego_ca: 'Professionals Day' is read as a name, untitled
    ("Happy IT Professionals Day! Meet Senior IT Engineer Dustin Harger - DA NewsCenter", "Dustin Harger"),
    # kings_ny: 'Will Include Parole' is read as a name, untitled
    ("Brooklyn District Attorney Eric Gonzalez Announces Dedicated Post-Conviction Justice Bureau that Will Include "
     "Parole and Clemency Unit, Sealing Unit and Nationally Recognized Conviction Review Unit - The Brooklyn "
     "District Attorney's Office", "Eric Gonzalez"),
])
def test_the_one_titled_full_name_of_a_headline_is_its_subject(headline, name):
    subject = headline_subject(headline)
    assert subject is not None and subject.full == name


def test_two_titled_people_in_a_headline_leave_no_subject():
    # kings_ny
    assert headline_subject("Statement of Brooklyn District Attorney Ken Thompson on the Passing of Honorable Judith "
                            "Kaye - The Brooklyn District Attorney's Office") is None


def test_a_profiles_unattributed_answers_are_its_subjects():
    # san_diego_ca (Q&A profile: answers in quotation marks after question lines)
    headline = "Happy IT Professionals Day! Meet Senior IT Engineer Dustin Harger - DA NewsCenter"
    paragraphs = [
        (0, "What is your favorite part of the job?"),
        (1, "“Working with a great team at SDCDA and finding new, interesting problems to solve every day.”"),
        (2, "Anything else you would like people to know about IT professionals?"),
        (3, "“It is impossible to know everything in IT. We rely on each other as a team to share our expertise to "
            "resolve issues together. Just like in life – remember to reach out when you need help!”"),
    ]
    found = read_release(headline, paragraphs)
    assert found.profile_subject is not None and found.profile_subject.full == "Dustin Harger"
    assert len(found.unattributed) == 2
