"""A name word has lower case after its capital, so any office's agency acronym (listed nowhere) is never
read as a name, and the never-a-name list holds no acronym of the dev offices. Verbatim excerpts from
three offices (Dallas County TX, Orange County CA, San Diego County CA)."""

from __future__ import annotations

import pytest

from bot.extract.lexicon import NOT_NAME
from bot.extract.mentions import find_mentions
from bot.extract.tokens import is_name_word


def test_the_never_a_name_list_holds_no_acronym():
    assert not [w for w in NOT_NAME if w.isupper()]


@pytest.mark.parametrize("word", ["NYPD", "OCDA", "SDPD", "HBPD", "SAKI", "CIU", "DA"])
def test_an_acronym_is_no_name_word(word):
    assert not is_name_word(word)


@pytest.mark.parametrize("text, name, title", [
    # dallas_tx: 'SAKI' (a grant's acronym) opens the title, not the name
    ("Dallas County Assistant District Attorney and SAKI Chief Leighton D’Antoni.", "Leighton D’Antoni", "Chief"),
    # dallas_tx: 'CIU' (Conviction Integrity Unit)
    ("CIU Chief Cynthia Garza said the case is a “clear-cut” example of a Brady violation.", "Cynthia Garza",
     "Chief"),
    # san_diego_ca: 'SDPD' is listed nowhere now and still stays out of the name
    ("Deputy District Attorney Miriam Hemming and Deputy District Attorney Michelle Sellwood worked relentlessly "
     "with SDPD and the DEA’s Narcotics Task Force to identify the defendants", "Michelle Sellwood", "Deputy"),
])
def test_names_beside_acronyms_stay_whole(text, name, title):
    found = {m.full: m.title for m in find_mentions(text)}
    assert name in found and title in found[name]
    assert not [n for n in found if any(w.isupper() and len(w) > 1 for w in n.split())]


def test_an_acronym_after_a_name_is_not_a_second_name():
    # orange_ca: 'HBPD' (Huntington Beach Police Department), an acronym no list ever held
    text = ("HBPD, who investigated this case, responded to the scene and discovered Fagan’s body. Brown led "
            "pursuing officers on a high-speed chase, but was ultimately arrested and turned over to HBPD.")
    assert all("HBPD" not in m.full for m in find_mentions(text))
