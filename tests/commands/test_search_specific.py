"""A search whose rarest words never meet in one release answers "No release matches", even when each of
its words occurs somewhere (bot/commands/specific.py). Verbatim excerpts from two offices (Orange County CA,
San Diego County CA): Orange names balloons in a crash, San Diego "hot spots" at an "open-air" market, and
no release is about a hot air balloon."""

from __future__ import annotations

from bot.commands.search import search
from bot.commands.specific import holds_specific, specific_units
from tests.helpers import engine_for

# Orange County DA (orange_ca): the nitrous-oxide crash release, lede, plea, the balloons and the crash
ORANGE_NITROUS = (
    "MAN SENTENCED FOR KILLING PASSENGER AND INJURING TWO OTHERS IN FIERY CRASH AFTER INHALING NITROUS OXIDE GAS "
    "WHILE DRIVING\n\nSANTA ANA – An intoxicated driver was convicted and sentenced today for killing a passenger "
    "in his vehicle and injuring two others after inhaling nitrous oxide gas while driving and crashing his car, "
    "causing it to catch on fire.\n\nJose Luis Gomez Nava, 22, Santa Ana, pleaded guilty to a court offer to one "
    "felony count of vehicular manslaughter with gross negligence while intoxicated with a sentencing enhancement "
    "allegation for causing great bodily injury.\n\nNava was inhaling nitrous oxide gas from balloons while "
    "driving. After ingesting the nitrous gas, he dropped his head and released his hands from the steering "
    "wheel. Nava lost control of his vehicle, which went up onto the center median and crashed into a pine "
    "tree.\n\nThe impact of the crash and damage to the front end of the vehicle caused the car to catch fire.\n")
# Orange County DA (orange_ca): a drunk-driving verdict (lede and a charge line) and a hate-crime charge
ORANGE_DRUNK = (
    "SANTA ANA, Calif. – A drunken driver was convicted on Friday of the vehicular manslaughter of two children "
    "and their mother by crashing into them as they crossed the street.\n\n(3) Vehicular manslaughter with gross "
    "negligence while intoxicated\n")
ORANGE_COFFEE = (
    "After two failed attempts to crash into the victim, Tackett is accused of throwing a hot cup of coffee into "
    "the victim’s vehicle, dousing the victim with hot coffee.\n")
# San Diego County DA (san_diego_ca): the East Village drug-market indictment, headline, lede and a quotation
SAN_DIEGO_MARKET = (
    "Grand Jury Indicts 51 Defendants in East Village Open-Air Drug Market Case\n\nSan Diego County District "
    "Attorney Summer Stephan announced today that 51 defendants have been indicted by a grand jury for their roles "
    "in selling cocaine base at an open-air drug market in East Village, an area that over a two-year period "
    "received 56,000 calls for police service.\n\n“The San Diego Police Department is constantly monitoring areas "
    "that may become hot spots for crime,” said San Diego Police Chief David Nisleit. “Calls for service and "
    "resident complaints in this area showed that something had to be done.”\n")


def _engine(tmp_path):
    return engine_for(tmp_path, {"orange_nitrous.txt": ORANGE_NITROUS, "orange_drunk.txt": ORANGE_DRUNK,
                                 "orange_coffee.txt": ORANGE_COFFEE, "sandiego_market.txt": SAN_DIEGO_MARKET})


def test_rarest_words_that_never_meet_match_nothing(tmp_path):
    engine = _engine(tmp_path)
    snap = engine.store.snapshot
    units = specific_units(snap, "hot air balloon crash manslaughter")
    assert units[0].terms == tuple(snap.tokenizer("balloon"))  # the rarest word comes first
    assert {u.terms[0] for u in units} == set(snap.tokenizer("balloon hot air"))
    # Orange names the balloon without 'hot' or 'air'; San Diego names 'hot' and 'air' without a balloon
    nitrous = next(r for r in snap.corpus.releases if "orange_nitrous" in r)
    market = next(r for r in snap.corpus.releases if "sandiego_market" in r)
    assert not holds_specific(snap, nitrous, units) and not holds_specific(snap, market, units)
    # with no relevance floor at all, the rule alone refuses (this tiny corpus's floor refuses it too)
    ans = search(snap, "hot air balloon crash manslaughter", 5, 0.0)
    assert not ans.found and not ans.citations and "'balloon'" in ans.summary
    assert search(snap, "nitrous oxide balloons crash", 5, 0.0).found


def test_a_query_whose_rare_words_meet_is_answered(tmp_path):
    engine = _engine(tmp_path)
    # Orange County: the balloons and the crash are in one release
    ans = engine.ask("search nitrous oxide balloons crash")
    assert ans.found and "balloons" in ans.citations[0].text
    # San Diego County: the hot spots and the open-air market are in one release
    ans = engine.ask("search open-air drug market hot spots")
    assert ans.found and "sandiego_market" in ans.citations[0].release_id
