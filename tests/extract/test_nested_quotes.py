"""A quoted phrase inside a quotation belongs to it: the whole quotation is one span, cited and attributed
whole ('“This so-called “blessing scam” is ...”'). Excerpts verbatim; comments name each office."""

from __future__ import annotations

import pytest

from bot.extract.quotes import find_quotes
from bot.extract.release import read_release


@pytest.mark.parametrize("text, opening, closing", [
    # kings_ny
    ("District Attorney Thompson said, “This so-called “blessing scam” is unfortunately common in Asian communities "
     "and its targets are usually elderly immigrant women.”", "This so-called", "elderly immigrant women."),
    # san_diego_ca
    ("“Mandated reporters must make a report when there is any reasonable suspicion of abuse, based on facts,” DA "
     "Stephan said. “Mandated reporters typically won’t see the actual sexual abuse, but they often notice "
     "“grooming behaviors” that accompany or precede the sexual abuse.”", "Mandated reporters typically",
     "precede the sexual abuse."),
    # orange_ca
    ("“This “cold case” never went cold for the victims and survivors – it burned them to their very soul. I "
     "respectfully hope today resulted in a step forward in their healing process,” said Santa Barbara County "
     "District Attorney Joyce E. Dudley.", "This “cold case”", "their healing process,"),
])
def test_a_quotation_holding_a_quoted_phrase_is_one_span(text, opening, closing):
    spans = [text[s.start:s.end] for s in find_quotes(text)]
    whole = [q for q in spans if q.startswith(opening)]
    assert len(whole) == 1 and whole[0].endswith(closing)
    assert not [q for q in spans if q in ("blessing scam", "grooming behaviors", "cold case")]


def test_the_whole_quotation_keeps_its_speaker():
    # kings_ny
    text = ("District Attorney Thompson said, “This so-called “blessing scam” is unfortunately common in Asian "
            "communities and its targets are usually elderly immigrant women.”")
    found = read_release("", [(0, text)])
    assert [(q.speaker[1], text[q.start:q.start + 14]) for q in found.quotes] == [("Thompson", "This so-called")]


def test_quotations_side_by_side_stay_two():
    # kings_ny: neither quotation is inside the other
    text = ("The victim was allegedly approached by Hicks in Harlem and told by him “you could be working for me” and "
            "“I could put money in your pocket.”")
    assert [text[q.start:q.end] for q in find_quotes(text)] == ["you could be working for me",
                                                                "I could put money in your pocket."]
