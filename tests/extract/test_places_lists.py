"""Ordinary-word towns ('Jackson', 'Vista', 'Independence') read only with their state written after them or
inside a list of towns, and the gazetteer's coverage (census-designated places, world cities, countries
kept apart from state codes). Excerpts are verbatim and name their office unless marked constructed."""

from __future__ import annotations

from bot.extract.places import Gazetteer, find_places


def _names(text: str, states: set[str]) -> list[str]:
    return [p.name for p in find_places(text, states)]


def test_city_state_overrides_the_common_word_list():
    # Brooklyn (Kings County) DA
    text = ("pany’s destinations, Six Flags Great Adventure in Jackson, New Jersey and Dorney Park in "
            "Allentown, Pennsylvania")
    assert _names(text, {"NY"}) == ["Jackson", "Allentown"]
    # Orange County DA
    text = "On Dec. 3, 2004, Feeney was arrested in Independence, Mo., on a probation violation"
    assert _names(text, {"CA"}) == ["Independence"]
    # constructed, in the style of a Pennsylvania office: the issue's own example
    assert _names("He was arrested at his home in Reading, Pennsylvania, on Monday.", set()) == ["Reading"]


def test_common_word_without_its_state_stays_a_word():
    # Orange County DA: 'Independence' as a word, and a state that is not one of the town's
    assert _names("the victims’ rights march celebrates Independence and Justice", {"CA", "MO"}) == []
    # constructed: a state after it that is not one of its regions
    assert _names("He lived in Vista, Texas, for a year.", {"CA"}) == []


def test_common_word_town_in_a_list_of_towns():
    # San Diego County DA
    text = "two residential care facilities for the elderly in Vista and Escondido have each"
    assert _names(text, {"CA"}) == ["Vista", "Escondido"]
    # constructed, in the style of the Dallas office: 'Commerce' beside another Texas town
    assert _names("burglaries in Greenville, Commerce and Sulphur Springs", {"TX"}) == [
        "Greenville", "Commerce", "Sulphur Springs"]
    # Orange County DA: a county list is still no town list
    assert _names("obtaining permits with cities in Orange and Los Angeles Counties to", {"CA"}) == []


def test_gazetteer_has_census_designated_places_and_world_cities():
    gaz = Gazetteer.default()
    regions = {name: {r for r, _ in gaz.regions(name)} for name in ("Ladera Ranch", "Midway City", "Berlin",
                                                                    "Toronto", "Tegucigalpa")}
    assert "CA" in regions["Ladera Ranch"] and "CA" in regions["Midway City"]  # census-designated places
    assert "country:DE" in regions["Berlin"] and "DE" not in regions["Berlin"]  # Germany is not Delaware
    assert "CA" not in regions["Toronto"]  # Canada is not California
    assert "country:HN" in regions["Tegucigalpa"]  # a capital
    # Orange County DA: a census-designated place of south Orange County
    text = "mph on the toll road. Richard Ernest Caselli, 37, Ladera Ranch, was indicted by the grand ju"
    assert _names(text, {"CA"}) == ["Ladera Ranch"]
    # constructed, in the style of a New Jersey office: a community under 1,000 people needs its state
    assert _names("the defendant, 42, of Allenwood, New Jersey, was arraigned", set()) == ["Allenwood"]
    assert _names("the defendant, 42, of Allenwood, was arraigned", {"NJ"}) == []
    # Brooklyn (Kings County) DA: a town of another state than the one written is not read
    assert _names("The District Attorney identified the defendant as Claudia Banton, 42, of Allenwood, "
                  "Georgia.", {"NY"}) == []


def test_seasons_are_words_unless_a_state_follows():
    # Dallas County DA (Spring, Texas is a town of 54,000)
    assert _names("In the Spring of 2017, Jordan Edwards and a group of teenagers were leaving a party in Balch "
                  "Springs when", {"TX"}) == ["Balch Springs"]
    # Orange County DA
    assert _names("During the Summer of 2005, the defendant", {"CA", "TX"}) == []
    # constructed, in the style of a Houston-area office
    assert _names("The defendant, 31, of Spring, Texas, was arrested", set()) == ["Spring"]


def test_short_state_abbreviations_in_datelines():
    from bot.extract.states import states_in

    # Orange County DA dateline
    assert states_in("SANTA ANA, Ca. (Feb. 18, 2022): Fifty-six suspects were arrested") == {"CA"}
    # San Diego County DA style: 'Calif.'
    assert states_in("SAN DIEGO, Calif. – The District Attorney announced") == {"CA"}


def test_state_names_inside_other_names_are_found_as_a_substring_search_finds_them():
    from bot.extract.lexicon import STATE_ABBR, STATES
    from bot.extract.states import states_in

    def by_substring(text: str) -> set[str]:  # the definition: every spelled name anywhere in the text
        names = list(STATES.items()) + [(a, c) for a, c in STATE_ABBR.items() if len(a) > 2]
        return {code for name, code in names if name in text} | ({"CA"} if ", CA" in text else set())

    # Brooklyn DA (kings_ny): 'Virginia' is inside 'West Virginia'
    brooklyn = "Zephir fled the scene and was arrested two and a half months later in West Virginia."
    assert states_in(brooklyn) == by_substring(brooklyn) == {"WV", "VA"}
    # Orange County DA (orange_ca): names in one text, and 'Ca.' at the start of 'Calif.'
    orange = "Around July 2008, Robinson moved to Orange County from New Mexico, then to Santa Ana, Calif."
    assert states_in(orange) == by_substring(orange) == {"NM", "CA"}
    for text in ("Kansas City, Mo.", "N.Y.C.", "W.Va.", "Arkansasville", "NewYork", "no state here"):
        assert states_in(text) == by_substring(text), text


def test_new_york_city_neighbourhoods_out_nassau_and_westchester_towns_in():
    gaz = Gazetteer.default()
    for town in ("Valley Stream", "New Rochelle", "Mount Vernon", "Great Neck", "Elmont"):
        assert "NY" in {r for r, _ in gaz.regions(town)}, town
    for part in ("Rosedale", "Far Rockaway", "Riverdale", "Glen Oaks", "Queens Village", "Wakefield"):
        assert "NY" not in {r for r, _ in gaz.regions(part)}, part
    # Brooklyn (Kings County) DA: a Nassau County village
    text = "g a 2021 Honda Accord that was reported stolen by a Valley Stream dealership eight days earlier"
    assert _names(text, {"NY"}) == ["Valley Stream"]
    # constructed, in the style of a Westchester office
    assert _names("a 23-year-old New Rochelle man was arrested", {"NY"}) == ["New Rochelle"]


def test_a_table_row_of_place_and_count_is_no_dateline():
    # Orange County DA, 'Crime ring suspects arrested for 35 Orange County burglaries', Appendix B rows
    assert _names("Anaheim – 4", {"CA"}) == ["Anaheim"]
    assert _names("Villa Park- 1 attempted", {"CA"}) == ["Villa Park"]
    assert _names("Yorba Linda – 3", {"CA"}) == ["Yorba Linda"]
    # Dallas County DA: datelines followed by a number are still datelines, the lede follows them
    assert "Dallas" not in _names("(DALLAS) – 14 years and eight months after gunning down his own daughters, "
                                  "18-year-old Amina", {"TX"})
    assert "Dallas" not in _names("(Dallas, Texas) – 52-year-old “Sorority Rapist” Jeffrey Wheat was sentenced "
                                  "to 2 life sentences,", {"TX"})
    # Orange County DA: a dateline before the lede
    assert _names("SANTA ANA – A man was convicted and sentenced yesterday to four years in state prison",
                  {"CA"}) == []


def test_a_town_that_is_also_a_persons_name_is_read_in_a_list_of_towns():
    # Orange County DA, 'Crime ring suspects arrested for 35 Orange County burglaries' ('Anaheim' is also
    # read as a name word there: 'Anaheim Hispanic', 'Anaheim Fire')
    text = ("Throughout the 13-month investigation, DET partnered with the Anaheim, Cypress, Fullerton, Laguna "
            "Beach, Orange, Placentia, Torrance and Westminster police departments.")
    people = frozenset({"Anaheim", "Orange", "Westminster"})
    assert [p.name for p in find_places(text, {"CA"}, people)][:3] == ["Anaheim", "Cypress", "Fullerton"]
    assert "Anaheim" in [p.name for p in find_places("Anaheim – 4", {"CA"}, people)]  # Appendix B row
    # Brooklyn (Kings County) DA: a list of people reads no town ('Austin' is a name word)
    text = ("Scott, Austin and Lane were variously convicted today of second-degree murder, second-degree "
            "attempted murder")
    assert [p.name for p in find_places(text, {"NY", "TX"}, frozenset({"Austin", "Scott", "Lane"}))] == []
    text = "Austin and Lane were convicted of second-degree murder in that shooting death"
    assert [p.name for p in find_places(text, {"NY", "TX"}, frozenset({"Austin", "Lane"}))] == []
