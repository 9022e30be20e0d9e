"""`cities` for a topic described by the case's key fact rather than its headline: the release that
writes the description's word pairs ('16 victims', 'two juveniles', 'resold on the streets') comes
before one that merely repeats its common words. Excerpts are verbatim and name their office."""

from __future__ import annotations

from dataclasses import replace

from bot.commands.topic import key_pairs, name_runs, topic_releases
from bot.commands.weights import WEIGHTS
from tests.helpers import engine_for

# Orange County DA, 'Operation Red Zone' release (verbatim lede and agency list)
RED_ZONE = (
    "Multi-agency ‘Operation Red Zone’ results in 56 human trafficking arrests\n\n"
    "SANTA ANA, Ca. (Feb. 18, 2022): Fifty-six suspects were arrested and 16 victims were recovered, "
    "including two juveniles under the age of 16, as part of an extensive multi-jurisdictional human "
    "trafficking enforcement operation conducted February 9 through February 12 in Orange County.\n\n"
    "• Anaheim Police Department\n\n• Huntington Beach PD\n\n• Westminster Police Department\n")
# Orange County DA, a pimping sentence (verbatim): sex, sting, victims, four, two, many times over
PIMPING = (
    "MAN SENTENCED TO FOUR YEARS IN STATE PRISON FOR PIMPING THREE WOMEN AFTER POSTING AD ON SEX WEBSITE\n\n"
    "*Defendant was arrested in undercover sting operation\n\n"
    "SANTA ANA – A man was convicted and sentenced yesterday to four years in state prison today following "
    "an undercover sting operation for pimping three women for financial gain after advertising the victims "
    "on a sex website.\n\n"
    "Harvey Rashad McNight, 30, San Diego, pleaded guilty yesterday, April 23, 2014, to three felony counts "
    "of pimping.\n\n"
    "McNight is a pimp/modern-day slave owner who exploits women and/or children for financial gain. In "
    "this case, he pimped three women, ages 20 to 40. Pimps often establish rigid rules that their victims "
    "are expected to follow.\n")
# Brooklyn (Kings County) DA, the Bassier indictment (verbatim lede)
BASSIER = (
    "Eight Defendants Indicted for Trafficking Weapons Across State Lines\n\n"
    "Brooklyn District Attorney Ken Thompson, together with New York City Police Commissioner William J. "
    "Bratton, today announced that eight men and women from three states have been charged in a 541-count "
    "indictment with conspiracy and other charges for trafficking guns purchased in Atlanta, Georgia, and "
    "Pittsburgh, Pennsylvania, and resold on the streets of Brooklyn.\n")
# Brooklyn (Kings County) DA, Citizens' Safety Day (verbatim): guns and streets, many times over
BUYBACK = (
    "Brooklyn District Attorney’s Office Announces Citizens’ Safety Day\n\n"
    "Council Member Mathieu Eugene (D-Flatbush) said, “Virtually every week, people lose their lives "
    "because of gun violence in our city. My district has been the backdrop of too many shootings and so I "
    "am proud to partner with the NYPD, Brooklyn District Attorney Ken Thompson, and City Council Speaker "
    "Melissa Mark-Viverito, to sponsor the 2015 Gun Buyback Program in an effort to make the streets safer "
    "for all residents. No one should have to be afraid to walk down the street.”\n\n"
    "The District Attorney said that the Gun Buyback event will take place on Saturday, December 5, 2015, "
    "at the Lenox Road Baptist Church, located at 1356 Nostrand Avenue, in East Flatbush. The NYPD, "
    "pairing with local DA’s offices, has taken close to 10,000 guns off the street via gun buyback events "
    "since 2008.\n\n"
    "Guns should be unloaded and packaged in a paper or plastic bag or box when brought to the event. "
    "Participants may turn in an unlimited number of guns.\n")

# constructed, in the style of both offices: other cases, so that common words are common here too
FILLER = {f"case{n}.txt": (f"Case {n} sentenced\n\nVictims, including women, testified in the trafficking "
                           f"case {n}; defendant {n} also resold stolen phones.\n") for n in range(8)}

OC_TOPIC = "four-day countywide sex trafficking sting that rescued 16 victims including two juveniles"
KINGS_TOPIC = "guns resold on the streets"


def _first(snap, topic: str, **kw) -> str:
    return topic_releases(snap, topic, **kw)[0].release_id


def test_key_pairs_leave_out_the_pairs_inside_a_name(tmp_path):
    snap = engine_for(tmp_path, {"a.txt": "x\n\ny\n"}, source="office").store.snapshot
    topic = "Los Angeles gang burglary crew that smashed back doors of Orange County homes"
    pairs = key_pairs(snap, topic, name_runs(topic))
    tok = snap.tokenizer
    assert (tok("back")[0], tok("doors")[0]) in pairs and (tok("smashed")[0], tok("back")[0]) in pairs
    assert (tok("Orange")[0], tok("County")[0]) not in pairs and (tok("Los")[0], tok("Angeles")[0]) not in pairs


def test_the_release_writing_the_key_fact_comes_first_orange(tmp_path):
    snap = engine_for(tmp_path, {"redzone.txt": RED_ZONE, "pimping.txt": PIMPING, **FILLER}, source="oc").store.snapshot
    assert _first(snap, OC_TOPIC, weights=replace(WEIGHTS, topic_pair_bonus=0.0)) == "oc/pimping"  # words alone
    assert _first(snap, OC_TOPIC) == "oc/redzone"


def test_the_release_writing_the_key_fact_comes_first_kings(tmp_path):
    snap = engine_for(tmp_path, {"bassier.txt": BASSIER, "buyback.txt": BUYBACK, **FILLER}, source="kings").store.snapshot
    assert _first(snap, KINGS_TOPIC, weights=replace(WEIGHTS, topic_pair_bonus=0.0)) == "kings/buyback"
    assert _first(snap, KINGS_TOPIC) == "kings/bassier"


def test_cities_of_the_key_fact_release(tmp_path):
    engine = engine_for(tmp_path, {"redzone.txt": RED_ZONE, "pimping.txt": PIMPING, "bassier.txt": BASSIER,
                                   "buyback.txt": BUYBACK, **FILLER}, source="office")
    red = engine.ask("!cities " + OC_TOPIC)
    assert red.releases[0] == "office/redzone"
    assert {"Anaheim", "Huntington Beach", "Westminster"} <= {i.city for i in red.items}
    guns = engine.ask("!cities " + KINGS_TOPIC)
    assert guns.releases[0] == "office/bassier"
    assert {"Atlanta", "Pittsburgh"} <= {i.city for i in guns.items}
