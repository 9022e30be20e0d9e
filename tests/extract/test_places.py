"""Place reading (bot.extract.places, bot.extract.place_context) on short verbatim excerpts of real releases.

Each excerpt names its office. The expected values are what the code does today: they pin behaviour
for the next change."""

from __future__ import annotations

from bot.extract.place_context import person_words, police_cities, release_states
from bot.extract.places import (
    Gazetteer,
    PlaceContext,
    accept,
    candidates,
    decoy_neighbours,
    find_places,
    fits_region,
    inside_other_name,
    never_a_town,
)
from bot.people.person import Person

# -- places ---------------------------------------------------------------------------------------


def _places(text: str, states: set[str]) -> list[tuple[str, bool]]:
    return [(p.name, p.agency) for p in find_places(text, states)]


def test_find_places_and_named_checks_dallas():
    gaz = Gazetteer.default()
    # Dallas County DA
    text = "traffic in an attempt to evade a traffic stop in Garland. He put dozens of motorists in danger, driving"
    assert _places(text, {"TX"}) == [("Garland", False)]
    # Dallas County DA: a school district is not the town
    text = "AIM Program, he got his record expunged and is now employed by Garland Independent School"
    (c,) = candidates(text, gaz)
    assert (c.name, decoy_neighbours(c), inside_other_name(c)) == ("Garland", True, True)
    assert _places(text, {"TX"}) == []


def test_find_places_and_named_checks_orange_and_san_diego():
    gaz = Gazetteer.default()
    # Orange County DA: police forces name their cities (agency)
    text = ("When Rocha attempted to return to the United States to get a new rental car, he was arrested by "
            "Oceanside Police officers who were assisting Newport Beach Police Department (NBPD) detectives.")
    assert _places(text, {"CA"}) == [("Oceanside", True), ("Newport Beach", True)]
    # San Diego County DA: a county and a neighborhood are not towns
    text = ("In San Diego County, the defendants primarily targeted homes in the Mira Mesa neighborhood from "
            "February to May of this year")
    assert [(c.name, decoy_neighbours(c)) for c in candidates(text, gaz)] == [("San Diego", True), ("Mira Mesa", True)]
    assert _places(text, {"CA"}) == []
    # San Diego County DA: given names of people are inside other names
    text = ("Deputy District Attorney Miriam Hemming and District Attorney Investigators Ross Umstot and Bryan "
            "Maddox worked relentlessly with SDPD to identify all the attackers")
    assert [(c.name, inside_other_name(c)) for c in candidates(text, gaz)] == [("Ross", True), ("Bryan", True)]


def test_accept_rejects_a_city_in_a_list_of_counties():
    gaz = Gazetteer.default()
    # Brooklyn (Kings County) DA
    text = ("ribution operation that spanned all of New York City, some upstate New York counties, and Phoenix, "
            "Arizona.")
    assert _places(text, {"NY"}) == [("Phoenix", False)]
    nyc = next(c for c in candidates(text, gaz) if c.name == "New York City")
    assert not never_a_town(nyc.name) and not decoy_neighbours(nyc) and not inside_other_name(nyc)
    assert fits_region(PlaceContext({"NY"}, frozenset(), gaz, []), nyc)
    assert not accept(PlaceContext({"NY"}, frozenset(), gaz, [(0, text.index("counties"))]), nyc)
    assert never_a_town("Arizona") and never_a_town("Commerce") and never_a_town("OCDA")


# -- place context --------------------------------------------------------------------------------


def test_police_cities():
    gaz = Gazetteer.default()
    # Brooklyn (Kings County) DA
    assert police_cities("He was arrested by the New York City Police Department’s Warrant Squad in Pennsylvania "
                         "on March 7, 2013.", gaz) == {"New York City"}
    # Orange County DA
    assert police_cities("he was arrested by Oceanside Police officers who were assisting Newport Beach Police "
                         "Department (NBPD) detectives.", gaz) == {"Oceanside", "Newport Beach"}


def test_release_states():
    # Orange County DA media advisory, with an Orange County dateline
    assert release_states(["WHO: Angela Maria Diaz, 31, Phoenix, Arizona"], "SANTA ANA, Calif.", set()) == {"AZ", "CA"}
    # Brooklyn (Kings County) DA; the source's usual state is added
    assert release_states(["spanned all of New York City, some upstate New York counties, and Phoenix, Arizona."],
                          None, {"NY"}) == {"NY", "AZ"}
    assert release_states([], None, {"TX"}) == {"TX"}


def test_person_words_weighs_mentions():
    garland = Person(0, "Merrick", "Garland", "dallas_tx", mention_pids=[1, 2, 3])
    irving = Person(1, "", "Irving", "dallas_tx", mention_pids=[4, 5])
    assert person_words([garland, irving]) == frozenset({"Merrick", "Garland"})


def test_newspapers_teams_and_companies_are_not_people():
    """A 'person' named like 'the Seattle Mariners' never makes its town a person word."""
    texts = {
        # Orange County DA
        1: "warm up. The game begins at 7:05 p.m. when the Angels face the Seattle Mariners.",
        2: "fficking-fighting wife Deidre Pujols. After the Angels play the Seattle Mariners, the evening will",
        3: "The game begins at 7:05 p.m. when the Angels face the Seattle Mariners.",
        # Dallas County DA
        4: "foundation affiliated with the Dallas Mavericks professional basketball team.",
        5: "the Dallas Mavericks", 6: "the Dallas Mavericks",
        # constructed, in the style of a Massachusetts office: a newspaper
        7: "told the Boston Globe", 8: "Boston Globe reporter", 9: "a Boston Globe story",
        # Dallas County DA: a person whose first name is a town
        10: "Dallas County Judge Clay Jenkins said", 11: "Judge Clay Jenkins", 12: "Clay Jenkins",
    }
    team = Person(0, "Seattle", "Mariners", "orange_ca", names={"Seattle Mariners": 3}, mention_pids=[1, 2, 3])
    mavs = Person(1, "Dallas", "Mavericks", "dallas_tx", names={"Dallas Mavericks": 3}, mention_pids=[4, 5, 6])
    globe = Person(2, "Boston", "Globe", "x", names={"Boston Globe": 3}, mention_pids=[7, 8, 9])
    clay = Person(3, "Clay", "Jenkins", "dallas_tx", names={"Clay Jenkins": 3}, mention_pids=[10, 11, 12])
    words = person_words([team, mavs, globe, clay], texts.__getitem__)
    assert words == frozenset({"Clay", "Jenkins"})
    # without the texts only the no-surname rule applies ('Globe' is a newspaper's word)
    assert person_words([team, globe, clay]) == frozenset({"Seattle", "Mariners", "Clay", "Jenkins"})
    # and a town that is no person word is read bare (constructed)
    assert [p.name for p in find_places("He moved to Seattle in 2015.", {"CA"}, words)] == ["Seattle"]
