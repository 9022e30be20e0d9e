"""The dev eval's revised scoring rules (shared/eval/README.md), on hand-made answers."""

from __future__ import annotations

from bot.eval_scoring import (
    is_person,
    item_source,
    score_cities,
    score_quote,
    score_search,
    score_unanswerable,
    score_who,
    states_title,
    title_match,
)


def test_titles_match_on_whole_words_and_a_bare_word_does_not_match_a_longer_title():
    assert title_match("Dallas County DA", "DA")
    assert not title_match("Dallas County Sheriff", "DA")  # 'da' is not inside 'Dallas'
    assert not title_match("Attorney", "Baltimore City State's Attorney")
    assert title_match("State's Attorney", "Baltimore City State's Attorney")  # two words, contained
    assert title_match("U.S. Attorney", "U.S. Attorney")


def test_a_snippet_states_the_title_with_the_full_name_or_the_surname_after_it():
    name, titles = "John Creuzot", ["District Attorney"]
    assert states_title("Dallas County District Attorney John Creuzot said the case was closed.", name, titles)
    assert states_title("“We will not stop,” District Attorney Creuzot said.", name, titles)
    assert not states_title("Creuzot said the case was closed.", name, titles)
    assert not states_title("District Attorney Kim Ogg said it.", name, titles)


def test_the_returned_person_must_carry_the_gold_last_and_first_name():
    assert is_person("Anthony J. Rackauckas", "Anthony Rackauckas")
    assert not is_person("Tony Rackauckas", "Anthony Rackauckas")
    assert is_person("Eric Schmitt", "Schmitt")


def _who_answer(titles, text, path="corpora/x/other.txt"):
    return {"found": True, "summary": "", "items": [{"name": "John Creuzot", "titles": titles, "citations": [0]}],
            "citations": [{"path": path, "text": text}]}


def test_who_passes_on_a_snippet_stating_the_title_even_outside_the_gold_files():
    item = {"query": "Creuzot", "name": "John Creuzot", "titles": ["District Attorney"],
            "sources": [{"file": "corpora/x/gold.txt"}]}
    assert score_who(item, _who_answer(["Dallas County District Attorney"],
                                       "District Attorney John Creuzot announced it."))["pass"]
    assert not score_who(item, _who_answer(["Dallas County District Attorney"], "Creuzot announced it."))["pass"]
    assert score_who(item, _who_answer(["District Attorney"], "Creuzot announced it.", "/a/corpora/x/gold.txt"))["pass"]
    assert not score_who(item, _who_answer(["Attorney"], "District Attorney John Creuzot."))["pass"]


def test_cities_both_empty_scores_one_and_an_excluded_city_scores_zero():
    assert score_cities({"cities": [], "excluded": []}, {"items": []})["f1"] == 1.0
    item = {"cities": ["Dallas"], "excluded": ["Irving"], "also_ok": ["Oak Cliff"]}
    ans = {"items": [{"city": "Dallas", "status": "included"}, {"city": "Oak Cliff", "status": "included"}]}
    assert score_cities(item, ans)["f1"] == 1.0
    ans["items"].append({"city": "Irving", "status": "included"})
    assert score_cities(item, ans)["f1"] == 0.0 and score_cities(item, ans)["violation"]


def test_a_quote_needs_the_gold_opening_and_its_own_citation_in_a_gold_file():
    item = {"quotes": ["We will hold every one of them accountable for what they did to this family."],
            "sources": [{"file": "corpora/x/gold.txt"}]}
    ans = {"items": [{"text": "We will hold every one of them accountable for what they did to this family, "
                              "he said", "citation": 0}], "citations": [{"path": "/s/corpora/x/gold.txt"}]}
    assert score_quote(item, ans)["pass"]
    ans["citations"][0]["path"] = "/s/corpora/x/other.txt"
    assert not score_quote(item, ans)["pass"] and score_quote(item, ans)["text"]


def test_unanswerable_and_sources():
    assert score_unanswerable({}, {"found": False, "citations": []})["pass"]
    assert not score_unanswerable({}, {"found": True, "citations": []})["pass"]
    assert item_source({"sources": [{"file": "corpora/prosecutors/kings_ny/a.txt"}]}) == "kings_ny"
    assert item_source({"relevant": [{"file": "seed/operation-relentless-pursuit.txt"}]}) == "seed"
    assert item_source({"county": "none"}) == "none"


def test_a_search_result_printed_by_several_releases_comes_from_each_of_them():
    shared = "Curfews in Orange County begin at 10:00 p.m. or 11:00 p.m., depending on the city."
    item = {"relevant": [{"file": "corpora/prosecutors/orange_ca/net-51.txt", "evidence": shared}]}
    def answer(path, also_in):
        return {"citations": [{"path": "/x/other.txt", "text": "Some other paragraph about curfew sweeps.", "also_in": []},
                              {"path": path, "text": shared, "also_in": also_in}]}
    assert score_search(item, answer("/s/corpora/prosecutors/orange_ca/net-51.txt", []))["rank"] == 2
    assert score_search(item, answer("/s/corpora/prosecutors/orange_ca/net-26.txt", ["orange_ca/net-29", "orange_ca/net-51"]))["rank"] == 2
    assert score_search(item, answer("/s/corpora/prosecutors/orange_ca/net-26.txt", ["orange_ca/net-29"]))["rank"] == 0
    assert score_search(item, answer("/s/corpora/prosecutors/orange_ca/net-26.txt", ["orange_ca/net-5"]))["rank"] == 0  # whole ids only
