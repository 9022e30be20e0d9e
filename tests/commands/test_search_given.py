"""Inside a release, the words of a question that its headline already says point at the release; the
passage answering is the one holding what the question asks beyond them (bot/commands/passage.py, `_given`,
weight `passage_given`), and so do the names of the people the release is about. Verbatim excerpts from two
offices: Kings County DA (kings_ny, 2019_03_21 Data and
Transparency Initiative: headline, lede and the funding and staffing paragraphs) and Orange County DA (orange_ca, the 2009 Peter Nong Le sentencing and the 2015 Gerald Byrne trial notice); for
the names, the Le release and the Kings 2023 Malik Bacchus sentencing.
Each is read with the weight and without it, so the tests fail when the mechanism does nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.commands.passage import best_passage
from bot.commands.weights import WEIGHTS
from tests.helpers import best_passage_text, engine_for

# Kings County DA (kings_ny): 2019_03_21 partners with CUNY ISLG on Data and Transparency Initiative
KINGS_DATA = (
    "Brooklyn District Attorney’s Office Partners with CUNY Institute for State and Local Governance on Data a"
    "nd Transparency Initiative\n\nBrooklyn District Attorney Eric Gonzalez, together with the CUNY Institute "
    "for State and Local Governance (ISLG), today announced a Data and Transparency Initiative that will impro"
    "ve the DA’s Office’s ability to track and analyze its data, allowing for better evaluation of prosecutors"
    "’ decision-making, enhanced transparency and an increased ability to assess the effectiveness of its poli"
    "cies. The partnership represents an important step in fulfilling the recommendation of  DA Gonzalez’s\n\n"
    "The project is being jointly funded by Arnold Ventures through its National Partnership for Pretrial Just"
    "ice and the William T. Grant Foundation.\n\nThe Data and Transparency Initiative is being implemented by "
    "William Power, the District Attorney’s Chief Information Officer, and Jeremy Shockett, First Deputy Chief"
    " of the District Attorney’s Trial Division, under the overall supervision of Jill Harris, Chief of Policy"
    " and Strategy and the Director of Justice 2020.")
# Orange County DA (orange_ca)
ORANGE_LE = (
    "MAN SENTENCED TO LIFE WITHOUT PAROLE FOR SHOOTING AND MURDERING BROTHER’S GIRLFRIEND AND HER 15-YEAR-OLD "
    "DAUGHTER\n\nSANTA ANA – A Santa Ana man was sentenced today to life without the possibility of parole for"
    " shooting and murdering his brother’s live-in girlfriend and her 15-year-old daughter. Peter Nong Le, 64,"
    " was found guilty on Feb. 11, 2008, of two felony counts of murder and sentencing enhancement allegations"
    " for committing multiple murders and the personal discharge of a firearm causing death. The defendant, wh"
    "o had pleaded not guilty by reason of insanity, was found to be sane by a jury on Jan. 15, 2009, in a re-"
    "trial on the sanity phase. In February 2008, a jury was unable to reach a unanimous decision regarding Le"
    "’s case, deadlocking 11 to one supporting a sanity verdict.\n\nVictims Tuyet Le, 46, and her 15-year-old "
    "daughter, Jennifer Cu, were living in Santa Ana with Tuyet Le’s boyfriend and his elderly parents. Defend"
    "ant Le is the brother of Tuyet Le’s boyfriend. The defendant moved into the Santa Ana home with his paren"
    "ts, brother, and the victims one month prior to the murder. He became increasingly angry with Tuyet Le be"
    "cause he believed she was disrespecting him and his parents by calling him messy and unemployed.\n\nOn De"
    "c. 14, 2004, Le used a rifle and a handgun and went into the backyard, where Tuyet Le was working in the "
    "garden, and murdered her by shooting her once in the chest. He then returned to the kitchen and murdered "
    "Jennifer by shooting her multiple times in the head and chest.\n\nAfter shooting the two victims, Le tied"
    " his father’s legs to prevent him from running out of the house. He gathered ammunition and multiple guns"
    " to prepare himself for a shoot-out with the police, but his father was able to convince him not to shoot"
    " at any officers.\n\nLe then called the Santa Ana Police Department and told them he had committed a crim"
    "e and that he wanted to surrender to the police.")
# Other releases where "funded" is an everyday word, as it is across a newsroom's corpus
# Kings County DA (kings_ny): a summer reading program; an apprenticeship pilot
KINGS_FUNDED = [
    "The program is open to third- and fourth-graders in Bedford-Stuyvesant and to grades five through eight in "
    "East New York. Approximately 300 students are expected to take part in the program, which is being funded by "
    "a grant from the Brooklyn District Attorney’s Office.",
    "This apprenticeship is the result of a pilot program from last summer that was funded by the Brooklyn DA’s "
    "Office and BRIC, through $10,000 and $5,000 grants, respectively."]
# Orange County DA (orange_ca): a hard-money lender's sentencing
ORANGE_FUNDED = [
    "The defendant supplied his investors with small interest payments using funds from their investments to "
    "prevent them from discovering that the loans were either no longer preforming or, in several instances, that "
    "the loans had never been funded in the first place."]
# Orange County DA (orange_ca): 2015 Gerald Byrne to face trial for murdering his employer: headline, paragraphs 5-8
ORANGE_BYRNE = (
    "MAN FORMERLY ON SAPD’S MOST WANTED LIST TO FACE TRIAL FOR MURDERING EMPLOYER IN 2009\n\n"
    "SANTA ANA – A man who was on the Santa Ana Police Department’s (SAPD) most wanted list is scheduled to face "
    "trial tomorrow for murdering his employer. Gerald Guy Byrne, 54, is charged with one felony count of murder. If "
    "convicted, he faces a maximum sentence of 60 years to life in state prison.\n\n"
    "At the time of the crime, Byrne was working for 69-year-old Charles Samo.\n\n"
    "Between July 19, 2009, and July 21, 2009, Byrne is accused of entering Samo’s residence in Santa Ana and "
    "strangling him to death. Byrne is accused of fleeing to Washington and was placed on the “Santa Ana Police "
    "Department’s 10 Most Wanted Suspects” list.\n\n"
    "On Oct. 22, 2011, Byrne was arrested in Everett, Wash. by the Everett Police Department on an unrelated "
    "charge. He was identified during the booking process as a wanted parole suspect in California and was "
    "extradited back to Orange County.")
# Kings County DA (kings_ny): 2023_11_03 Brooklyn man sentenced for East New York shooting, paragraphs 6, 8, 10
KINGS_BACCHUS = (
    "Brooklyn Man Sentenced to 23 Years to Life in Prison for East New York Shooting That Killed Gang Rival\n\n"
    "The District Attorney identified the defendant as Malik Bacchus, 22, of Crown Heights, Brooklyn. He was "
    "sentenced today by Brooklyn Supreme Court Justice Danny Chun to 23 years to life in prison.\n\n"
    "Later that day, according to the evidence, the defendant, Malik Bacchus, who had stolen a red Nissan Altima "
    "from a food delivery driver earlier that day, checked into the Sunborn Hotel with three friends.\n\n"
    "The defendant fled from the hotel, according to the evidence, but was linked to the murder via video "
    "surveillance and DNA on a soda can recovered from his hotel room. He was located in Chico, California, and "
    "extradited to Brooklyn four months later.")
# ... and where "arrested", "apprehended", "extradited" are: Kings County DA (kings_ny, 2019 livery-cab murder
# releases) and Orange County DA (orange_ca: a 1995 fugitive, a motel kidnapping, a Tennessee fugitive)
ARRESTS = [
    "Three eyewitnesses who knew the defendant identified him as the shooter. The defendant was arrested in Harlem "
    "on August 22, 2016.",
    "The defendant was apprehended in North Carolina on August 29, 2015 and extradited to Brooklyn.",
    "The case was originally filed by the Orange County District Attorney’s Office in 1995, but the defendant "
    "remained a fugitive until she was arrested in August 2011.",
    "Adame retrieved the victim from the motel and fled the scene. Shortly thereafter, Adame was arrested in a "
    "traffic stop.",
    "Erick Joseph Kristianson, 46, of Antioch, Tennessee, was arrested in 2023 in Fargo, North Dakota on a warrant "
    "in the Orange County case and extradited back to Orange County to be prosecuted.",
    # Kings (a 2018 burglary) and Orange (two school releases): "located" as an everyday word
    "On September 15, at approximately 1:30 a.m., the defendant allegedly burglarized a commercial establishment "
    "located at 4520 18 Avenue.",
    "Russell Elementary is located at 600 South Jackson Street, Santa Ana.",
    "The Boys & Girls Club is located at Rea Elementary School at 661 Hamilton Street in the City of Costa Mesa."]
NOT_GIVEN = replace(WEIGHTS, passage_given=1.0)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    others = {f"other-{n}.txt": f"Release {n}\n\n{text}\n" for n, text in enumerate(KINGS_FUNDED + ORANGE_FUNDED + ARRESTS)}
    return engine_for(tmp_path_factory.mktemp("given"), {"kings-data.txt": KINGS_DATA + "\n",
                                                         "orange-le.txt": ORANGE_LE + "\n",
                                                         "orange-byrne.txt": ORANGE_BYRNE + "\n",
                                                         "kings-bacchus.txt": KINGS_BACCHUS + "\n", **others})


def _best(engine, release: str, query: str, weights=WEIGHTS) -> str:
    return best_passage_text(engine, release, query, weights)


@pytest.mark.parametrize(("release", "query", "answer"), [
    ("kings-data", "who is funding the Data and Transparency Initiative", "jointly funded by Arnold Ventures"),
    ("orange-le", "how did the Santa Ana man who shot his brother's girlfriend surrender",
     "Le then called the Santa Ana Police Department"),
    ("orange-le", "what did the man who murdered his brother's girlfriend do to his father", "Le tied his father’s legs"),
])
def test_the_passage_answers_what_the_headline_does_not_say(engine, release, query, answer):
    assert answer in _best(engine, release, query)
    assert answer not in _best(engine, release, query, NOT_GIVEN)  # the lede, holding the headline's words, wins


def test_how_well_a_release_answers_still_counts_its_headline_words(engine):
    # Kings: the release's score (search's re-ranking) reads every word, so a release whose headline
    # names the question's subject is not pushed below one that merely mentions its words
    snap = engine.store.snapshot
    rid = next(r for r in snap.corpus.releases if "kings-data" in r)
    query = "who is funding the Data and Transparency Initiative"
    found = best_passage(snap, rid, query)
    plain = best_passage(snap, rid, query, NOT_GIVEN)
    assert found is not None and plain is not None
    assert found[1] == pytest.approx(plain[1])


@pytest.mark.parametrize(("release", "query", "named", "other"), [
    ("orange-le", "how did Peter Nong Le surrender", {"peter", "le"}, {"surrend"}),  # Orange
    ("kings-bacchus", "where was Malik Bacchus located", {"malik", "bacchus"}, {"locat"}),  # Kings
])
def test_the_names_of_the_people_a_release_is_about_weigh_as_given(engine, release, query, named, other):
    from bot.commands.passage import _read
    snap = engine.store.snapshot
    rid = next(r for r in snap.corpus.releases if release in r)
    r = _read(snap, rid, query, WEIGHTS)
    assert r is not None
    lowered = {t for u, a, b in zip(r.units, r.weights, r.given, strict=True) if b < a for t in u.terms}
    assert named <= lowered and not other & lowered
    elsewhere = next(x for x in snap.corpus.releases if "orange-byrne" in x)  # names neither person
    r2 = _read(snap, elsewhere, query, WEIGHTS)
    assert r2 is None or not any(t in named for u, a, b in zip(r2.units, r2.weights, r2.given, strict=True)
                                 if b < a for t in u.terms)


def test_the_names_given_are_each_persons_terms(sample_engine):
    """`_given` tokenizes a release's people's names in one call, a bar between two names: on the real
    sample (four offices) the terms equal those of each name tokenized alone, the headline's with them."""
    from bot.commands.paraphrase import Unit
    from bot.commands.passage import _given

    snap = sample_engine.store.snapshot
    people = snap.entities.people
    checked = 0
    for rid, rel in snap.corpus.releases.items():
        expected = set(snap.tokenizer.document(rel.title))
        for i in snap.entities.people_in(rid):
            expected.update(snap.tokenizer(f"{people[i].first} {people[i].last}"))
        checked += bool(snap.entities.people_in(rid))
        units = [Unit((t,)) for t in sorted(expected)] + [Unit(("zzzunsaid",))]
        assert _given(snap, rid, rel.title, units, [1.0] * len(units), 0.5) == [0.5] * (len(units) - 1) + [1.0]
        assert snap.__dict__["_given_terms"][rid] == expected, rid  # nothing joined across two names
    assert checked >= 10


def test_a_scoped_search_reads_the_people_of_the_whole_index(sample_engine):
    """Seen through a scope (a server's roots, a `source:` filter), the people a release is about are read
    from the whole index, as the ids `people_in` gives are its ids: every release of one office, seen
    through a filter to that office, weighs its words as unscoped (real sample: Orange County and Kings
    County releases), and a search there answers."""
    from bot.commands.paraphrase import Unit
    from bot.commands.passage import _given
    from bot.commands.scope import Scope
    from bot.commands.scoped import scoped

    snap = sample_engine.store.snapshot
    for office in ("orange_ca", "kings_ny"):
        view = scoped(snap, Scope(sources=frozenset({office})))
        assert len(view.entities.people) < len(snap.entities.people)  # (a shorter list: the case that broke)
        read = 0
        for rid, rel in view.corpus.releases.items():
            people = snap.entities.people
            names = [f"{people[i].first} {people[i].last}" for i in snap.entities.people_in(rid)]
            units = [Unit((t,)) for n in names for t in snap.tokenizer(n)] or [Unit(("zzz",))]
            ones = [1.0] * len(units)
            assert _given(view, rid, rel.title, units, ones, 0.5) == _given(snap, rid, rel.title, units, ones, 0.5)
            read += bool(names)
        assert read
        first = next(iter(view.corpus.releases.values()))
        assert sample_engine.run("search", first.title, scope=Scope(sources=frozenset({office}))).found
