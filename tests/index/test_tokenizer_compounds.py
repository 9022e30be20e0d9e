"""A hyphenated compound is indexed as its parts and as its joined word, so a reporter typing 'takedown'
or 'multiagency' finds the release that wrote 'take-down' or 'multi-agency' (bot/index/tokenizer.py,
`Tokenizer.document`). Queries keep the parts alone. Verbatim excerpts from two offices: Orange County DA
(orange_ca) and Kings County DA (kings_ny)."""

from __future__ import annotations

import pytest

from bot.index.tokenizer import Tokenizer
from tests.helpers import engine_for

# Orange County DA (orange_ca): press_media-advisory-operation-stormfront, the advisory's body paragraph
ORANGE_STORMFRONT = (
    "Will host a press conference to discuss the outcome of a multi-agency operation, Operation Stormfront, "
    "aimed at the take-down of numerous white supremacist prison and street gang criminal enterprises in Orange "
    "County.")
# Kings County DA (kings_ny): 2025_06_18 joint investigation disrupts cryptocurrency scam, its lede (first sentence)
KINGS_CRYPTO = (
    "Brooklyn District Attorney Eric Gonzalez, together with New York State Attorney General Letitia James and "
    "Superintendent of the New York State Department of Financial Services Adrienne Harris, today announced that "
    "a multi-agency long-term investigation resulted in the disruption of a fraudulent cryptocurrency "
    "investment scam that targeted members of the Russian community in Brooklyn and across the country.")
# Kings County DA (kings_ny): 2017_02_15 ex-boyfriend charged in execution death of correction officer
KINGS_BRYAN = (
    "The Acting District Attorney said that, according to the investigation, on December 4, 2016, at "
    "approximately 9:15 p.m., the victim, Alastasia Bryan, 25, was sitting in her car at the corner of Avenue L "
    "and East 73rd Street, in Bergen Beach, Brooklyn.")


def _release(headline: str, body: str) -> str:
    return f"{headline}\n\n{body}\n"


@pytest.fixture()
def engine(tmp_path):
    return engine_for(tmp_path, {
        "orange-stormfront.txt": _release("MEDIA ADVISORY - OPERATION STORMFRONT", ORANGE_STORMFRONT),
        "kings-crypto.txt": _release("Joint Investigation Disrupts Cryptocurrency Scam", KINGS_CRYPTO),
        "kings-bryan.txt": _release("Ex-Boyfriend Charged in Execution Death of Correction Officer", KINGS_BRYAN),
    })


def test_a_document_adds_the_joined_word_of_each_compound():
    tok = Tokenizer(stem=True)
    assert {"takedown", "multiag"} <= set(tok.document(ORANGE_STORMFRONT))  # Orange
    assert "multiag" in tok.document(KINGS_CRYPTO) and "longterm" in tok.document(KINGS_CRYPTO)  # Kings
    assert "takedown" not in tok(ORANGE_STORMFRONT)  # the parts alone, as a query reads them


def test_a_query_compound_weighs_as_its_common_parts():
    tok = Tokenizer(stem=True)
    # a compound a reporter types (Kings County: 'the record-breaking gun buyback') is read as its parts, never
    # as the rare joined word a paragraph's compounds add
    assert tok("record-breaking December 2022 gun buyback") == tok("record breaking December 2022 gun buyback")
    assert "recordbreak" in tok.document("the record-breaking gun buyback")
    assert not {"recordbreak", "recordbreaking"} & set(tok("record-breaking December 2022 gun buyback"))
    # a compound hanging off a number is no word of its own (Kings: 'a 9-year-old boy')
    assert "yearold" not in tok.document("a 9-year-old boy")


@pytest.mark.parametrize(("query", "releases"), [
    ("takedown", {"orange-stormfront"}),  # Orange
    ("multiagency", {"orange-stormfront", "kings-crypto"}),  # Orange and Kings
])
def test_the_joined_word_finds_the_hyphenated_releases(engine, query, releases):
    ans = engine.ask(f"!search {query}")
    assert ans.found, ans.summary
    assert {c.release_id.split("/")[-1] for c in ans.citations} == releases
    assert all(any("-" in h for h in c.highlights) for c in ans.citations)  # the compound as written is marked


def test_without_joined_words_the_same_queries_miss(monkeypatch, tmp_path):
    monkeypatch.setattr(Tokenizer, "document", Tokenizer.__call__)
    plain = engine_for(tmp_path / "plain", {"orange-stormfront.txt": _release("MEDIA ADVISORY", ORANGE_STORMFRONT),
                                            "kings-crypto.txt": _release("Joint Investigation", KINGS_CRYPTO),
                                            "kings-bryan.txt": _release("Ex-Boyfriend Charged", KINGS_BRYAN)})
    assert not plain.ask("!search takedown").found
    assert not plain.ask("!search multiagency").found


def test_a_plural_in_men_is_its_singular():
    tok = Tokenizer(stem=True)
    # Kings (kings_ny, 2015_04_27 cocaine delivery service): the plural and the singular of one role
    assert set(tok("worked as cocaine deliverymen")) >= set(tok("worked as a deliveryman as needed")) - {"need"}
    assert tok("deliverymen") == tok("deliveryman")
    # Orange (orange_ca, the Phoenix cartel murders) and Kings (a 1990s murder conviction review): 'gunmen' is found
    # by 'gunman' and the other way round
    assert "gunman" in tok("Raul Flores and two other gunmen held the three men hostage")
    assert "gunman" in tok("initial accounts described the gunman as a teenager")
    assert tok("women") == tok("woman") and tok("men") == ["men"]  # too short to be a compound's plural
    # read on the stem: the forms the stemmer folds together stay one term ('specimens' and 'specimen',
    # 'women’s' and 'women'; a word ending in -men that is no plural is read alike in each of its forms)
    for forms in (("specimen", "specimens"), ("women", "women’s", "woman"), ("firemen", "firemen’s", "fireman"),
                  ("abdomen", "abdomens"), ("Carmen", "Carmen’s")):
        assert len({tuple(tok(f)) for f in forms}) == 1, forms
