"""`cities TOPIC` over small corpora: which releases are read, and which of their paragraphs. Excerpts are
verbatim and name their office; constructed ones say so."""

from __future__ import annotations

from tests.helpers import engine_for


def _included(answer) -> list[str]:
    return [i.city for i in answer.items if i.status == "included"]


def test_a_related_news_link_names_another_storys_places(tmp_path):
    # San Diego County DA: a page ends with links to other releases, each printed as its headline
    link = "Man Sentenced for Brutal 2023 Murder and Series of Violent Crimes in El Cajon"
    files = {
        "crew.txt": ("Crew of Five Target FedEx Delivery Trucks Carrying Louis Vuitton Merchandise\n\n"
                     "The thefts happened in Chula Vista and National City, California.\n\nMore news\n\n"
                     "Contact\n\n" + link + "\n"),
        "elcajon.txt": link + "\n\nThe defendant attacked victims in El Cajon, California.\n",
        # Orange County DA: the same kind of link, a headline of a Long Beach story
        "fontana.txt": ("Fontana man arraigned for trafficking minor\n\nA Fontana man was arraigned yesterday for "
                        "trafficking a minor girl from San Bernardino County and pimping the victim in Santa Ana, "
                        "California.\n\nRelated\n\nMore\n\nLong Beach Man with Prior Kidnapping Conviction Charged "
                        "with Multiple Human Trafficking Felonies\n"),
        "longbeach.txt": ("Long Beach Man with Prior Kidnapping Conviction Charged with Multiple Human Trafficking "
                          "Felonies\n\nThe defendant lived in Long Beach, California.\n"),
    }
    engine = engine_for(tmp_path, files, source="office")
    crew = engine.ask("!cities Crew of Five Target FedEx Delivery Trucks")
    assert _included(crew) == ["Chula Vista", "National City"]
    fontana = engine.ask("!cities Fontana man arraigned for trafficking minor")
    assert _included(fontana) == ["Fontana", "Santa Ana"]
    # the linked story itself keeps its places: its own headline is not a link
    assert _included(engine.ask("!cities defendant lived in Long Beach California")) == ["Long Beach"]


def test_every_release_naming_the_topics_phrase_is_kept_even_split_over_lines(tmp_path):
    files = {
        # San Diego County DA: headline verbatim, body constructed
        "micdrop.txt": ("Operation Mic Drop Concludes with Convictions for Dozens of Gang Defendants\n\n"
                        "Gang members Ana Ruiz and Bo Lee sold drugs in Lemon Grove, California.\n"),
        # constructed, in the style of the San Diego office: another case, other people, the name split
        # over a line
        "murder.txt": ("Second-Degree Murder Conviction for Defendant\n\nCal Moss, who was arrested in El Cajon, "
                       "California, during Operation Mic\nDrop, was convicted today of the murder.\n"),
        # Orange County DA: verbatim headline and lede
        "redzone.txt": ("Multi-agency ‘Operation Red Zone’ results in 56 human trafficking arrests\n\n"
                        "The Orange County Intelligence Assessment Center coordinated Operation Red Zone in "
                        "partnership with 11 local law enforcement agencies in Anaheim, California.\n"),
        # constructed, in the style of the Orange office: a later case from the same operation
        "pimp.txt": ("Pimp sentenced\n\nDon Ray, arrested in Fullerton, California, during Operation Red\n"
                     "Zone, was sentenced to six years.\n"),
        # a lowercase phrase is no name: this one is not pulled in
        "other.txt": "Gang case\n\nEd Fox sold drugs, a mic drop moment, in Santee, California.\n",
    }
    engine = engine_for(tmp_path, files, source="office")
    mic = engine.ask("!cities Operation Mic Drop")
    assert sorted(mic.releases) == ["office/micdrop", "office/murder"]
    assert sorted(_included(mic)) == ["El Cajon", "Lemon Grove"]
    red = engine.ask("!cities Operation Red Zone")
    assert sorted(red.releases) == ["office/pimp", "office/redzone"]
    assert sorted(_included(red)) == ["Anaheim", "Fullerton"]


def test_never_none_named_when_the_releases_name_cities(tmp_path):
    files = {
        # Orange County DA: the only city is the dateline's (verbatim lede)
        "redzone.txt": ("Multi-agency operation results in 56 arrests\n\nSANTA ANA, Ca. (Feb. 18, 2022): Fifty-six "
                        "suspects were arrested and 16 victims were recovered, including two juveniles under the "
                        "age of 16.\n"),
    }
    # Brooklyn (Kings County) DA: the only city is the office's own police, credited in every release
    credit = ("The investigation was conducted by New York City Police Department Detective Charles Lennon "
              "of the Firearms Investigations Unit.")
    for n in range(6):
        files[f"case{n}.txt"] = f"Gun case {n}\n\nDefendant {n} sold guns.\n\n{credit}\n"
    engine = engine_for(tmp_path, files, source="office")
    assert _included(engine.ask("!cities Multi-agency operation results in 56 arrests")) == ["Santa Ana"]
    gun = engine.ask("!cities Gun case 2 Defendant 2 sold guns")
    assert _included(gun) == ["New York City"] and "none named" not in gun.summary
