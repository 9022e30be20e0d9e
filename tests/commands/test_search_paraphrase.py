"""A question in plain words finds the sentence written in a release's register: "freed" is answered by
"released", "locked up" by "behind bars", "drop the charges" by "dismissed" (bot/commands/paraphrase.py).
Verbatim excerpts from two offices (Dallas County TX, Kings County NY), each read with and without the
paraphrase weight, so the tests fail when the mechanism does nothing."""

from __future__ import annotations

from dataclasses import replace

from bot.commands.paraphrase import GROUPS, Unit, alternatives_text, query_units
from bot.commands.passage import content_query
from bot.commands.search import search
from bot.commands.weights import WEIGHTS
from bot.index.tokenizer import Tokenizer
from tests.helpers import best_passage_text, engine_for

# Dallas County DA (dallas_tx): the Benjamin Spencer exoneration release, paragraphs 3, 5, 8 and 9
DALLAS_SPENCER = (
    "MEDIA RELEASE: Dallas County DA John Creuzot Announces Exoneration of Benjamin Spencer for 1988 Aggravated "
    "Robbery\n\n(DALLAS) - The Dallas County District Attorney’s Office announces the exoneration of Benjamin "
    "Spencer, 59, for his 1988 aggravated robbery conviction after an extensive re-investigation by the Dallas "
    "County District Attorney’s Office Conviction Integrity Unit (CIU), which concluded that Mr. Spencer is "
    "actually innocent.\n\nBenjamin Spencer was initially convicted of murder in 1987 and sentenced to 35 years in "
    "prison. The court granted Spencer a new trial after it was found that a witness provided false testimony "
    "regarding whether she expected to receive reward money for her role in the case. After his second trial, "
    "Spencer was convicted of aggravated robbery and sentenced to life in prison. He has always maintained his "
    "innocence.\n\nIn March of 2021, the Dallas County DA’s Office announced that Spencer’s conviction should be "
    "vacated on the basis of several constitutional violations including the false testimony of the original "
    "prosecution’s star witness, false testimony from a jailhouse informant, and the suppression of Brady "
    "evidence by the State. Spencer was released on bond after serving 34 years behind bars.\n\nIn May 2024, the "
    "Texas Court of Criminal Appeals overturned Spencer’s conviction. The Court’s decision became final in June "
    "of 2024.\n")
# Kings County DA (kings_ny): the Paul Gatling wrongful-conviction release, its lede and two case paragraphs
KINGS_GATLING = (
    "Brooklyn District Attorney Moves to Vacate 20th Wrongful Conviction\n\nBrooklyn District Attorney Ken "
    "Thompson today announced that, as a result of a thorough investigation by his Conviction Review Unit, he "
    "will move to vacate a second-degree murder conviction against Paul Gatling, 81, who pleaded guilty during "
    "trial to escape a possible death penalty.\n\nGatling’s defense attorney and family urged him to plead guilty "
    "to second-degree murder towards the end of his trial to avoid the death penalty, and fearing the jury "
    "sympathized with the pregnant widow. After getting assurances from his attorneys and family that they "
    "would continue to look for the real killer, the defendant pleaded guilty to escape death row. He was "
    "sentenced to 30 years to life in prison in October 1964 after a hearing on a motion to withdraw his plea "
    "was denied.\n\nIn December 1973, on his last day in office, Governor Nelson Rockefeller commuted the "
    "defendant’s sentence at the urging of the Legal Aid Society, which had taken up his case. Gatling’s "
    "sentence was commuted and he was released from prison in January 1974.\n")
NO_PARAPHRASE = replace(WEIGHTS, paraphrase=0.0)


def _best(engine, release: str, query: str, weights=WEIGHTS) -> str:
    return best_passage_text(engine, release, query, weights)


def test_a_phrase_of_the_query_is_one_unit_with_its_other_wordings():
    tok = Tokenizer(stem=True)
    units = query_units(tok, list(dict.fromkeys(tok(content_query(
        "why did prosecutors drop the charges against the officers")))))
    drop = next(u for u in units if u.terms == tuple(tok("drop charges")))
    assert frozenset(tok("dismissed")) in drop.alternatives  # one unit, said another way
    assert Unit(("offic",)) in units  # a word of no group is a unit of its own
    # a phrase is held by its own words, by another member at the paraphrase share, or in part
    assert drop.held(set(tok("charges were dropped")), 0.8) == 1.0
    assert drop.held(set(tok("dismissed the case")), 0.8) == 0.8
    assert drop.held(set(tok("new charges")), 0.8) == 0.5
    # every member of every group is made of index terms (nothing only stopwords)
    assert all(tok(m) for group in GROUPS for m in group)


def test_freed_and_locked_up_find_released_and_behind_bars(tmp_path):
    engine = engine_for(tmp_path, {"dallas.txt": DALLAS_SPENCER, "kings.txt": KINGS_GATLING})
    # Dallas County: the answer says "released on bond after serving 34 years behind bars"
    query = "how long was Benjamin Spencer locked up before he was freed"
    assert "34 years behind bars" in _best(engine, "dallas", query)
    assert "34 years behind bars" not in _best(engine, "dallas", query, NO_PARAPHRASE)
    # Kings County: the answer says "he was released from prison in January 1974"
    query = "when was Paul Gatling freed"
    assert "released from prison in January 1974" in _best(engine, "kings", query)
    assert "released from prison in January 1974" not in _best(engine, "kings", query, NO_PARAPHRASE)


def test_search_shows_the_paraphrased_answer_first(tmp_path):
    engine = engine_for(tmp_path, {"dallas.txt": DALLAS_SPENCER, "kings.txt": KINGS_GATLING})
    snap = engine.store.snapshot
    # no relevance floor: in a two-release corpus 'freed' and 'locked' are words no paragraph uses, which
    # weigh as the rarest there are; the real corpus has them (tests/commands/test_search_real.py)
    ans = search(snap, "how long was Benjamin Spencer locked up before he was freed", 5, 0.0)
    assert ans.found and "34 years behind bars" in ans.citations[0].text
    ans = search(snap, "when was Paul Gatling freed", 5, 0.0)
    assert ans.found and "released from prison in January 1974" in ans.citations[0].text
    # the one-word other wordings are searched beside the query; a phrase is left to the passage reading
    assert "released" in alternatives_text(snap.tokenizer, "freed").split()
    assert "district" not in alternatives_text(snap.tokenizer, "prosecutors")
