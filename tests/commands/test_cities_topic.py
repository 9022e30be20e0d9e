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
