"""Answer mechanisms on short verbatim excerpts of real releases: place decoys, namesakes, quotes
split across lines, near-miss names. Each test builds its own tiny corpus so it runs without ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.commands.engine import Engine
from bot.config import load_config
from bot.extract.places import find_places
from bot.store import SnapshotStore
from tests.helpers import ROOT, engine_for, write_config


def names(text: str, states: set[str]) -> list[str]:
    return [p.name for p in find_places(text, states) if not p.excluded]


@pytest.mark.parametrize(("text", "states", "expected"), [
    # counties are not cities; the city of Orange is
    ("The defendant drove the group from a party at Martinez’s house toward the City of Orange.", {"CA"},
     ["Orange"]),
    ("Orange County Sheriff’s Department deputies arrested him in Orange County.", {"CA"}, []),
    # a street named after a town
    ("near Cockrell Hill Road in west Dallas on the evening of Dec. 16, 2023.", {"TX"}, ["Dallas"]),
    # a judge named like a town
    ("served as a law clerk for Chief Judge Merrick B. Garland at the U.S. Court of Appeals", {"TX"}, []),
    ("traffic in an attempt to evade a traffic stop in Garland. He put dozens of motorists", {"TX"}, ["Garland"]),
    # counties listed together
    ("victims in Dallas, Collin, Denton, and Tarrant Counties between 2003-2011.", {"TX"}, []),
    # the state after the name decides: South Boston, Virginia is not Boston
    ("Christopher Hodges, 31, of Walterboro, South Carolina; and Ira Jones, 42, of South Boston, Virginia.",
     {"NY"}, ["Walterboro", "South Boston"]),
    # a mailing address in a footer is not a place of the story
    ("Frank Crowley Courts Building  133 N. Riverfront Blvd., L.B. 19  Dallas, Texas 75207-4399", {"TX"}, []),
    # legislators' districts and compounds are not places of the story
    ("AB 379 by Assemblymember Maggy Krell (D-Sacramento) and the Dallas-Fort Worth Metroplex", {"CA", "TX"}, []),
    # parts of a city: a Brooklyn neighbourhood, a San Diego community, a courthouse's town
    ("Grayling Smith, 52, of 1608 Prospect Place, in Crown Heights, Brooklyn and 4339 Persian Court, in "
     "Snellville, Georgia.", {"NY", "GA"}, ["Snellville"]),
    ("In San Diego County, the defendants primarily targeted homes in the Mira Mesa neighborhood from February",
     {"CA"}, []),
    ("criminal activity centered around Mike’s Market in the Mountain View area of San Diego.", {"CA"},
     ["San Diego"]),
    ("sentencing on Oct. 7, 2016, at 9:00 a.m. in Department C-40, Central Justice Center, Santa Ana.", {"CA"}, []),
])
def test_place_decoys(text, states, expected):
    assert names(text, states) == expected


def test_excluded_cities_are_marked_excluded():
    found = find_places("St. Louis and Springfield are not included in the operation.", {"MO"})
    assert [(p.name, p.excluded) for p in found] == [("St. Louis", True), ("Springfield", True)]


@pytest.fixture(scope="module")
def excerpt_engine(tmp_path_factory) -> Engine:
    """The demo article plus one-paragraph excerpts (verbatim) of three real releases."""
    root = tmp_path_factory.mktemp("excerpts")
    src = root / "releases"
    src.mkdir()
    (src / "dallas_roark.txt").write_text(
        "Andrew Roark Exoneration\n"
        "Thank you to CIU Chief Cynthia Garza, ADA Brittany Dunn and Investigators Doug Garrison and\n"
        "Ryan Rogers for their work on this case, said Dallas County Criminal District Attorney John Creuzot.\n",
        encoding="utf-8")
    (src / "sd_cartel.txt").write_text(
        "Violent Cartel Associates Sentenced to Life in Prison for Kidnapping for Ransom\n"
        "Deputy District Attorney Drew Garrison prosecuted the case.\n", encoding="utf-8")
    (src / "sd_wage.txt").write_text(
        "DA Receives Grant to Fight Wage Theft\n"
        "San Diego County District Attorney\nSummer Stephan\nannounced today a new grant.\n"
        "“Wage theft is oppressive and impacts the livelihood and dignity of hard-working people,”\n"
        "DA Stephan said\n"
        ". “This is why it has been a priority for our office to hold those who steal wages accountable.”\n",
        encoding="utf-8")
    cfg = load_config(write_config(root, [ROOT / "corpus", src]))
    return Engine(SnapshotStore.open(cfg, use_cache=False))


def test_namesakes_are_listed_apart_never_merged(excerpt_engine):
    ans = excerpt_engine.ask("!who Garrison")
    people = {i.name: i.titles for i in ans.items}
    assert set(people) == {"Tim Garrison", "Doug Garrison", "Drew Garrison"}
    assert people["Tim Garrison"] == ["U.S. Attorney"]
    assert people["Drew Garrison"] == ["Deputy District Attorney"]
    assert people["Doug Garrison"] == ["Investigator"]  # 'Investigators Doug Garrison and Ryan Rogers'
    assert "3 people named" in ans.summary


def test_quote_split_across_lines_is_attributed(excerpt_engine):
    ans = excerpt_engine.ask("!quote Stephan")
    assert ans.items[0].speaker == "Summer Stephan"
    texts = [i.text for i in ans.items]
    assert texts[0].startswith("Wage theft is oppressive")
    assert any(t.startswith("This is why it has been a priority") for t in texts)
    assert all(Path(c.path).name == "sd_wage.txt" for c in ans.citations)


def test_near_miss_names_are_not_answered_but_suggested(excerpt_engine):
    ans = excerpt_engine.ask("!who Eric Creuzot")
    assert not ans.found and not ans.citations
    assert ans.suggestions == ["John Creuzot"]
    typo = excerpt_engine.ask("!who Summer Stefan")
    assert typo.found and typo.items[0].name == "Summer Stephan" and "Closest match" in typo.summary


def test_person_mentioned_but_never_quoted(excerpt_engine):
    ans = excerpt_engine.ask("!quote Drew Garrison")
    assert not ans.found and ans.summary == "Drew Garrison is mentioned but never quoted."


def test_titles_from_lists_appositives_and_ledes():
    from bot.extract.lede import lede_descriptors
    from bot.extract.mentions import find_mentions

    text = ("The District Attorney identified the defendants as Marquise Frederick, Quamari McAllister and "
            "Elijah Wells, all 19, from Brooklyn.")
    assert {m.full: m.title for m in find_mentions(text) if m.title} == {
        "Marquise Frederick": "defendant", "Quamari McAllister": "defendant", "Elijah Wells": "defendant"}
    text = ("The District Attorney said that the alleged mastermind of the trafficking ring, Michael Bassier, "
            "boasted on wiretaps")
    assert [m.title for m in find_mentions(text) if m.title] == ["alleged mastermind of the trafficking ring"]
    assert lede_descriptors("Florida Man Indicted for Stealing Approximately $93,000 from", [
        "Brooklyn District Attorney Eric Gonzalez today announced that a Florida man has been charged"]) == [
        "Florida Man", "Florida man"]
    assert lede_descriptors("x", ["SANTA ANA – The 12th-striker “Drifter Bandit” was sentenced yesterday"]) == [
        "12th-striker “Drifter Bandit”"]


def test_topic_takes_a_second_release_only_when_it_names_the_same_people(tmp_path):
    from bot.commands.topic import topic_releases

    files: dict[str, str] = {}
    files["a.txt"] = ("Gun Trafficker Charged\nJohn Quill, 30, of Conway, South Carolina, was charged "
                      "with quill gun trafficking.\n")
    files["b.txt"] = ("Gun Trafficker Sentenced\nJohn Quill, 31, of Conway, South Carolina, was sentenced "
                      "for quill gun trafficking with guns bought in Walterboro.\n")
    files["c.txt"] = ("Another Gun Trafficker Charged\nMary Vale, 40, of Sumter, South Carolina, was "
                      "charged with quill gun trafficking after a long investigation by several "
                      "agencies over many months in the region.\n")
    snap = engine_for(tmp_path, files, source="news").store.snapshot
    chosen = [t.release_id for t in topic_releases(snap, "quill gun trafficking", max_releases=3, ratio=0.0)]
    assert chosen[0] in ("news/a", "news/b") and sorted(chosen) == ["news/a", "news/b"]


def test_nicknames_join_one_official_and_an_exact_given_name_excludes_close_spellings(tmp_path):
    """Verbatim lines of real Orange releases: 'Tony' and 'Anthony J.' Rackauckas are one District
    Attorney; 'Eric Gonzalez' is not 'Erica Gonzalez', even when the surname is misspelled."""
    files: dict[str, str] = {}
    files["oc_gun_crimes.txt"] = (
        "FEDERAL CRACKDOWN IN ORANGE COUNTY NETS OVER 200 PRISON YEARS FOR GUN CRIMES\n\n"
        "Orange County District Attorney Anthony J. Rackauckas\n")
    files["oc_tracks.txt"] = (
        "District Attorney Tony Rackauckas Secures $500,000 for Unsolved Homicide Task Force\n\n"
        "SANTA ANA — Orange County District Attorney Tony Rackauckas was successful in securing federal "
        "funding in the amount of $500,000 for the District Attorney’s TracKRS program.\n")
    files["oc_insurance.txt"] = (
        "SIXTEEN UNINSURED DRIVERS CHARGED WITH INSURANCE FRAUD\n\n"
        "Erica Gonzalez, 24, Santa Ana, is charged with two misdemeanor counts of insurance fraud.\n")
    files["bk_sentence.txt"] = (
        "Brooklyn Man Sentenced to 41 Years in Prison for Fatally Shooting Teenage Girl\n\n"
        "Brooklyn District Attorney Eric Gonzalez today announced that a 26-year-old man was sentenced to "
        "41 years in prison.\n")
    engine = engine_for(tmp_path, files)
    ans = engine.ask("!who Rackauckas")
    assert len(ans.items) == 1 and ans.items[0].name == "Tony Rackauckas"
    assert {Path(c.path).name for c in ans.citations} == {"oc_gun_crimes.txt", "oc_tracks.txt"}
    assert engine.ask("!who Anthony Rackauckas").items[0].name == "Tony Rackauckas"
    assert not engine.ask("!who Antonio Rackauckas").found  # a nickname no release uses is not guessed
    assert [i.name for i in engine.ask("!who Eric Gonzalez").items] == ["Eric Gonzalez"]
    misspelled = engine.ask("!who Eric Gonzales")
    assert [i.name for i in misspelled.items] == ["Eric Gonzalez"] and "Closest match" in misspelled.summary


def test_roles_are_grouped_and_each_role_gets_evidence(tmp_path):
    """Verbatim paragraphs of real releases: one DA wording many times, and an earlier county-supervisor
    role stated twice; a namesake named once takes one citation and leaves the rest."""
    files: dict[str, str] = {}
    da = ("“I am deeply disturbed by the defense attorney’s assertion that this case is not a big deal "
          "because it did not involve a driver under the influence of alcohol,” said Orange County District "
          "Attorney Todd Spitzer, who attended this morning’s arraignment.")
    for n in range(6):
        files[f"oc_da_{n}.txt"] = f"Release {n}\n\n{da}\n"
    files["oc_reward.txt"] = (
        "Escapee reward\n\nNayeri and the third inmate were captured in San Francisco the next day after a man "
        "recognized the two escapees from media reports. Then-Orange County Supervisor Todd Spitzer presented "
        "Matthew Hay-Chapman with a $100,000 reward.\n")
    files["oc_heroes.txt"] = (
        "Librarians honored\n\nDistrict Attorney Tony Rackauckas, County Supervisor Todd Spitzer, state "
        "Assemblyman Lou Correa (D-Santa Ana) and state Sen. Richard Ackerman (R-Irvine) will present "
        "certificates.\n")
    files["bk_gang.txt"] = (
        "Gang member sentenced\n\nThe District Attorney thanked Senior Assistant District Attorney Michelle "
        "Munneke and Paralegal Heidi Spitzer of the District Attorney’s Violent Criminal Enterprises Bureau "
        "for their assistance on the case.\n")
    engine = engine_for(tmp_path, files)
    ans = engine.ask("!who Spitzer")
    todd, heidi = ans.items
    assert todd.name == "Todd Spitzer" and heidi.name == "Heidi Spitzer"
    assert todd.titles[:2] == ["Orange County District Attorney", "Then-Orange County Supervisor"]
    files = [Path(ans.citations[i].path).name for i in todd.citations]
    assert len(files) == 4 and files[0].startswith("oc_da_") and files[1] in ("oc_reward.txt", "oc_heroes.txt")
    assert len(ans.citations[todd.citations[0]].also_in) == 5  # the same words in the other five releases
    assert [Path(ans.citations[i].path).name for i in heidi.citations] == ["bk_gang.txt"]


def test_same_role_and_title_cleaning():
    from bot.extract.titles import clean_title
    from bot.people.person import same_role

    assert same_role("Orange County District Attorney", "DA") and same_role("Then-Orange County Supervisor",
                                                                           "County Supervisor")
    assert not same_role("Deputy District Attorney", "District Attorney")
    assert clean_title("Deputy District Attorneys (HEAT Unit)") == "Deputy District Attorney (HEAT Unit)"
    assert clean_title("Homicide Bureau and Assistant District Attorney") == "Assistant District Attorney"
    assert clean_title("Board of Supervisors") == "Board of Supervisors"
    assert clean_title("whose son") == clean_title("and son") == clean_title("Mrs.") == ""


def test_the_offices_home_police_are_background_not_a_place_of_the_story(tmp_path):
    """Every Brooklyn release credits the 'New York City Police Department'; that names no place of the
    story. A city named for where things happened still counts, and so does another town's police."""
    files: dict[str, str] = {}
    credit = ("The investigation was conducted by New York City Police Department Detective Charles Lennon "
              "of the Firearms Investigations Unit.")
    for n in range(6):
        files[f"case{n}.txt"] = (f"Gun case {n}\n\nDefendant {n} bought guns in Atlanta, Georgia.\n\n"
                                 f"{credit}\n")
    files["bus.txt"] = (
        "Trafficker indicted for busing guns\n\nBassier made 12 trips to Atlanta, Georgia, bringing guns to New "
        "York City, where he sold them.\n\nHe was arrested by Oceanside Police officers.\n\n" + credit + "\n")
    engine = engine_for(tmp_path, files, source="kings_ny")
    snap = engine.store.snapshot
    assert snap.home_cities["kings_ny"] == frozenset({"New York City"})
    case = engine.ask("!cities Gun case 3 Defendant 3")
    assert [i.city for i in case.items if i.status == "included"] == ["Atlanta"]
    bus = engine.ask("!cities Trafficker indicted for busing guns")
    assert {i.city for i in bus.items if i.status == "included"} == {"Atlanta", "New York City", "Oceanside"}


def test_quotations_attributed_across_lines_appositives_and_interviews(tmp_path):
    """Verbatim excerpts: an attribution cut after 'said' at a line end (San Diego), a speaker followed by
    a description (Dallas PDF), a speaker whose name opens a long appositive (Brooklyn), and a
    Q&A profile whose answers are its subject's (San Diego)."""
    files: dict[str, str] = {}
    files["sd_holidays.txt"] = (
        "Home for the Holidays operation\n\n"
        "“HSI is committed to a victim-centered approach in the fight against human trafficking, prioritizing "
        "both the well-being of victims and the pursuit of justice against those responsible for these crimes,” said\n"
        "Kevin Murphy, (A)Special Agent in Charge for Homeland Security Investigations\nin San Diego.\n")
    files["dallas_delgado.txt"] = (
        "Delgado convicted\n\nanything to do with her anymore. “Envy drove Delgado to kill Kendra Hatcher. Envy "
        "doesn’t just make you want the other thing,” said Prosecutor Glen Fitzmartin one of the three "
        "prosecutors in the trial.\n")
    files["bk_justice2020.txt"] = (
        "Justice 2020 reforms\n\nFormer New York Chief Judge Jonathan Lippman, Launch Committee Co-Chair and "
        "current Counsel at Latham & Watkins LLP said, “Justice 2020 isn’t just an agenda – it’s a "
        "comprehensive roadmap to improve public safety.”\n")
    files["sd_meet_yeh.txt"] = (
        "Meet Deputy District Attorney Jack Yeh\n\nWhy did you choose a career in public service?\n\n"
        "“I’m an immigrant from Taiwan. My mother and my grandparents were all public servants for the "
        "Taiwanese government.”\n\nWhat does AANHPI Month mean to you?\n\n"
        "“Asian American history runs deep in California, but it’s also important to celebrate the impact.”\n")
    engine = engine_for(tmp_path, files)

    def quotes(name: str) -> list[str]:
        return sorted(" ".join(i.text.split()[:4]) for i in engine.ask(f"!quote {name}").items if hasattr(i, "text"))

    assert quotes("Kevin Murphy") == ["HSI is committed to"]
    assert quotes("Fitzmartin") == ["Envy drove Delgado to"]
    assert quotes("Lippman") == ["Justice 2020 isn’t just"]
    assert quotes("Yeh") == ["Asian American history runs", "I’m an immigrant from"]
    assert not engine.ask("!quote Watkins").found


@pytest.mark.parametrize(("text", "expected"), [
    ("Much has changed since Assemblyman Eugene Edwards, who served as the first District Attorney from 1889 "
     "and 1890.", [("Eugene Edwards", "Assemblyman"), ("Eugene Edwards", "first District Attorney")]),
    ("said Juan Viramontes, president of the Association of Orange County Deputy Sheriffs.",
     [("Juan Viramontes", "president of the Association of Orange County Deputy Sheriffs")]),
    ("Davis served as the restaurant’s president and ran the day-to-day operations.",
     [("Davis", "restaurant’s president")]),
    ("Carey Gabay, 43, a first deputy counsel for the Empire State Development Corporation and a former "
     "assistant counsel to New York Governor Andrew Cuomo, was walking north",
     [("Carey Gabay", "first deputy counsel"), ("Andrew Cuomo", "New York Governor")]),
])
def test_titles_after_the_name(text, expected):
    """Real sentences: 'who served as', an organisation's president, 'served as', 'NAME, 43, a ...'."""
    from bot.extract.mentions import find_mentions

    assert [(m.full, m.title) for m in find_mentions(text) if m.title] == expected


def test_no_home_city_where_several_police_forces_are_common(tmp_path):
    """In a county of many police forces (Orange: Santa Ana and Anaheim police each in ~11% of
    releases) no city is background: 'Anaheim Police officers' there says where a case happened."""
    files = {f"sa{n}.txt": f"Case {n}\n\nSanta Ana Police Department officers arrested a man.\n" for n in range(6)}
    files |= {f"an{n}.txt": f"Matter {n}\n\nAnaheim Police Department officers arrested a woman.\n" for n in range(6)}
    snap = engine_for(tmp_path, files, source="orange_ca").store.snapshot
    assert snap.home_cities["orange_ca"] == frozenset()


def test_a_hyphenated_surname_answers_to_each_part(tmp_path):
    """'Thompson' names Brooklyn's DA and San Diego's Deputy DA Sherry Thompson-Taylor (verbatim lines)."""
    engine = engine_for(tmp_path, {
        "bk_shopkeepers.txt": "Serial killer convicted\n\nBrooklyn District Attorney Ken Thompson today announced "
                              "that a Staten Island salesman has been convicted.\n",
        "sd_trailblazer.txt": "Deputy DA honored\n\nDeputy District Attorney Sherry Thompson-Taylor was honored on "
                              "Saturday at the Earl B. Gilliam Bar Foundation’s 42nd Annual Scholarship and Awards "
                              "Gala Dinner with a Legal Trailblazer Award.\n"})
    assert {i.name for i in engine.ask("!who Thompson").items} == {"Ken Thompson", "Sherry Thompson-Taylor"}
    assert [i.name for i in engine.ask("!who Taylor").items] == ["Sherry Thompson-Taylor"]
    assert [i.name for i in engine.ask("!who Sherry Thompson").items] == ["Sherry Thompson-Taylor"]
