"""A quotation introduced by a sentence that opens with a person's name and ends in a comma or colon before
it ('Elaine Stillman, President of NCJW Dallas, shared her experiences, “…') is that person's, whatever the
verb; a short quoted name ('“Operation Backlash,”') is no quotation of theirs. Excerpts verbatim; comments
name each office."""

from __future__ import annotations

import pytest

from bot.extract.release import read_release


def _speakers(text: str) -> list[tuple[str, str]]:
    found = read_release("", [(0, text)])
    return [(q.speaker[0], q.speaker[1]) for q in found.quotes]


@pytest.mark.parametrize("text, speaker", [
    # dallas_tx
    ("Elaine Stillman, President of NCJW Dallas, shared her experiences, “I volunteered for Kids in Court for "
     "almost fifteen years and looked forward to it every time.", ("Elaine", "Stillman")),
    # orange_ca
    ("Collene Campbell shared, “I am extremely proud to have been Gary’s wife for 66 years.  We met in the second "
     "grade, went steady at 15 and married at 18.  I can’t imagine life without him.”", ("Collene", "Campbell")),
    # orange_ca
    ("Erin Uselton discussed the permanency of the loss of her father and brother and ended with, “This is for "
     "life to us.”", ("Erin", "Uselton")),
])
def test_the_subject_of_the_introducing_sentence_is_the_speaker(text, speaker):
    assert _speakers(text) == [speaker]


def test_a_short_quoted_name_is_not_the_subjects_quotation():
    # san_diego_ca
    text = ("John Philpott prosecuted a multi-million-dollar life insurance provider fraud ring, “Operation "
            "Backlash,” which began as a collaborative investigation by the San Diego District Attorney’s Office")
    assert _speakers(text) == []
