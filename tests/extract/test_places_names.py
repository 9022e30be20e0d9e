"""Cities inside longer capitalized phrases: title-case headlines, possessives and business names; and
capitalized phrases that hold a town's name but no town: surnames ('the Campbell family'), businesses
named after people ('Edna’s Soul Food'). Verbatim excerpts name their office; constructed ones say so."""

from __future__ import annotations

from bot.extract.places import find_places


def _names(text: str, states: set[str]) -> list[str]:
    return [p.name for p in find_places(text, states)]


def test_title_case_headlines():
    # Orange County DA
    assert _names("Anaheim Man Sentenced to 25 Years to Life in Prison For Fatal Stabbing of Tustin Man",
                  {"CA"}) == ["Anaheim", "Tustin"]
    # San Diego County DA
    assert _names("Escondido Man Charged with Murder after Victim Dies from Severe Beating", {"CA"}) == ["Escondido"]
    # Brooklyn (Kings County) DA: a big city of another state, placed by the headline noun
    assert _names("Baltimore Man Convicted of Attempted Murder And Other Charges for Shooting Three Individuals "
                  "in Bedford-Stuyvesant", {"NY"}) == ["Baltimore"]
    # constructed, in the style of a Texas office that never writes 'Texas' (home state from elsewhere)
    assert _names("Plano Man Sentenced to Life for Capital Murder", {"TX"}) == ["Plano"]
    # Dallas County DA: a capitalized word that is no headline noun still makes a longer name
    assert _names("AIM Program, he got his record expunged and is now employed by Garland Independent School",
                  {"TX"}) == []


def test_possessives():
    # constructed, in the style of a Massachusetts office
    assert _names("The shooting happened in a parking garage. Boston’s South End was the scene of three", {"MA"}) == [
        "Boston"]
    # Brooklyn (Kings County) DA: a restaurant and a pharmacy named after people, not towns (Edna, Texas;
    # Gardner, Massachusetts), even where those states are the release's
    assert _names("Ken Thompson today announced that a man who owned Edna’s Soul Food Restaurant",
                  {"TX", "NY"}) == []
    assert _names("e indictment, in 2007, Rafael Abreu, the owner of Gardner’s Pharmacy, located at 371 Broadway in W",
                  {"NY", "MA"}) == []
    # Orange County DA: a tavern named after a person (Hennessey, Oklahoma)
    assert _names("tely 10:30 p.m. on Feb. 13, 2012, Hale arrived at Hennessey’s Tavern in Dana Point with three "
                  "frie", {"CA", "OK"}) == ["Dana Point"]


def test_business_names():
    # constructed, in the style of a Fresno office: the example
    assert _names("He robbed a Fresno Target store on Shaw Avenue.", {"CA"}) == ["Fresno"]
    # Orange County DA: a business named with a small town's name is not the town (Mercedes, Texas)
    assert _names("In July 2005, Holt is accused of going to a Mercedes Benz dealership in Orange County and "
                  "writing", {"TX", "CA"}) == []
    # constructed: a big city opening a business name in another office's state
    assert _names("He robbed a Dallas Walmart store.", {"CA"}) == ["Dallas"]
    # Orange County DA: a city with a lowercase business noun was already a place
    assert _names("was arrested at a Newport Beach hotel", {"CA"}) == ["Newport Beach"]
    # Brooklyn (Kings County) DA: a neighbourhood is no city (New York City's parts are not in the gazetteer)
    assert _names("was shot outside a Bay Ridge restaurant", {"NY"}) == []


def test_a_surname_shared_with_a_town_is_not_the_town():
    # Orange County DA (Campbell, California)
    assert _names("The Campbell family further commented, “As a husband, fathe", {"CA"}) == []
    # Brooklyn (Kings County) DA (Kaufman, Texas)
    assert _names("My heart aches for the Kaufman family and my office remains resolute", {"TX", "NY"}) == []
    # Orange County DA: with an indefinite article, the town's family
    assert _names("A Yorba Linda family was targeted", {"CA"}) == ["Yorba Linda"]
    # constructed, the example (Bristol, Tennessee)
    assert _names("the Bristol family sued the county", {"TN"}) == []


def test_the_people_of_a_city_are_the_offices_constituency():
    # Dallas County DA, Liborio Canales conviction (a quotation)
    assert _names("just that for the people of Dallas and will continue for decades to come.”", {"TX"}) == []
    # San Diego County DA, consumer protection
    assert _names("referrals from consumer protection prosecutors in other areas of California, and complaints "
                  "from the citizens of San Diego through the DA’s Consumer Complaint Form process.", {"CA"}) == []
    # ...while residents of a city are people of the story, and the city of the story stays a place
    # (Orange County DA, constructed after 'all residents of San Diego County')
    assert _names("The defendants, all residents of San Diego, were arrested in Laguna Beach.", {"CA"}) == [
        "San Diego", "Laguna Beach"]


def test_a_place_before_a_part_of_a_city_is_a_part_too():
    # Brooklyn (Kings County) DA: a neighbourhood set before a borough (bot/data/city_parts.tsv, from GeoNames)
    assert _names("Edna Pierre-Jacques, 78, was found in a pool of blood inside her home located on Troy "
                  "Avenue, in East Flatbush, Brooklyn.", {"NY"}) == []
    assert _names("Street in Jamaica, Queens, and of Conyers, Georgia.", {"NY", "GA"}) == ["Conyers"]
    # San Diego County DA: a town after the comma is a town of the document's state, not a part of a city
    assert _names("This year’s operation was the sixth annual and was conducted at motels in Chula Vista, National "
                  "City, and San Diego on December 10, 11, and 12.", {"CA"}) == ["Chula Vista", "National City",
                                                                                "San Diego"]
    # the parts are data: every borough the old rule named is among them, with its state
    from bot.extract.places import city_parts
    assert all(city_parts()[b] == {"NY"} for b in ("Brooklyn", "Queens", "The Bronx", "Manhattan", "Staten Island"))


def test_a_part_of_a_city_of_the_documents_state_is_no_small_town_elsewhere():
    # Brooklyn (Kings County) DA: Manhattan's Chinatown and Harlem, not the small Chinatown, Pennsylvania
    text = "Michael Bassier made 12 trips to Atlanta, Georgia, using Chinatown buses for transportation."
    assert _names(text, {"NY", "GA", "PA"}) == ["Atlanta"]
    assert _names("The next day, Charlot drove to Harlem to meet Michel and pick up the gun.", {"NY"}) == []
    # Brooklyn (Kings County) DA: a state written after it makes it the town ('Bloomfield, NJ')
    assert _names("identified the defendant as J. Anthony Ilustrisimo, 28, of 15 Carol Place in Bloomfield, NJ.",
                  {"NY", "NJ"}) == ["Bloomfield"]
    # Orange County DA: a city of the document's state named without it stays the city (Glendale, not Queens)
    assert _names("Co-defendant Rina Arakelian, 62, Glendale, pleaded guilty on Friday, May 14, 2015, to one felony "
                  "count of conspiring to file a false or forged document.", {"CA", "NY"}) == ["Glendale"]
