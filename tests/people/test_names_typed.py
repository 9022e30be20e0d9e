"""Names as people type them: a hyphenated or two-part surname typed with a space or by one part, a first
name with one part of a two-part surname, a misspelt part in one release; every namesake on the page; a
nickname the merge folded in stays visible. Release lines are verbatim; comments name each office."""

from __future__ import annotations

import json

from bot.people.person import Person
from bot.render_text import render_json
from tests.helpers import engine_for


def _who(engine, query: str) -> dict:
    return json.loads(render_json(engine.ask(f"who {query}")))


def _names(data: dict) -> list[str]:
    return [i["name"] for i in data["items"]]


def test_surnames_typed_another_way(tmp_path):
    files = {
        # kings_ny
        "kings_petro.txt": ("Long-Sought Suspect Indicted for 2006 Murder of Chanel Petro-Nixon\n\n"
                            "Brooklyn District Attorney Ken Thompson, together with New York City Police Commissioner "
                            "William J. Bratton, today announced the unsealing of a murder indictment charging Veron "
                            "Primus with the June 2006 murder of Brooklyn high school student Chanel Petro-Nixon.\n"),
        # san_diego_ca
        "sd_cold.txt": ("Suspect Arraigned in 33-year-old Cold Case Homicide\n\n"
                        "A 57-year-old Poway man has been charged with murder and rape in connection with the 1987 "
                        "murder of Julia Hernandez-Santiago, whose body was found on an ivy-covered embankment in "
                        "the 2100 block of Alga Road in Carlsbad 33 years ago.\n"),
        # orange_ca: 'Trujillo Puckett' alone, later, is her two-part surname, not another person
        "oc_racing.txt": ("OCDA Unveils Campaign\n\n"
                          "Lili Trujillo Puckett, who founded the non-profit Street Racing Kills to educate young "
                          "people about the dangers of illegal street racing, spoke.\n\n"
                          "“What they have to say this will mean the world to them,” said Trujillo Puckett.\n"),
        # dallas_tx: the release itself misspells one part ('Goana' then 'Gaona')
        "dallas_traffic.txt": ("Defendant Convicted in First Trafficking Offense\n\n"
                               "Karen Goana Villegas, 33, has been convicted in the first trafficking offense.\n\n"
                               "Ms. Gaona Villegas was found guilty of Compelling Prostitution of a Child Under 18 "
                               "Years old.\n"),
    }
    engine = engine_for(tmp_path, files)
    assert _names(_who(engine, "petro nixon")) == ["Chanel Petro-Nixon"]
    assert "victim" in _who(engine, "petro nixon")["items"][0]["titles"]
    assert _names(_who(engine, "hernandez santiago")) == ["Julia Hernandez-Santiago"]
    assert _names(_who(engine, "puckett")) == ["Lili Trujillo Puckett"]
    assert _names(_who(engine, "trujillo puckett")) == ["Lili Trujillo Puckett"]
    assert _names(_who(engine, "Lili Trujillo")) == ["Lili Trujillo Puckett"]  # first name + first part
    assert _names(_who(engine, "gaona villegas")) == ["Karen Goana Villegas"]


def test_a_nickname_folded_in_is_shown_in_quotes():
    # kings_ny: 'Ken Thompson' in most releases, 'Kenneth P. Thompson' in some
    p = Person(0, "Kenneth", "Thompson", "kings_ny", names={"Kenneth P. Thompson": 30, "Ken Thompson": 200})
    assert p.name == "Kenneth P. “Ken” Thompson"
    # orange_ca: 'Tony' and 'Anthony J.' Rackauckas
    p = Person(0, "Anthony", "Rackauckas", "orange_ca", names={"Anthony J. Rackauckas": 40, "Tony Rackauckas": 25})
    assert p.name == "Anthony J. “Tony” Rackauckas"
    # a once-seen form is not shown; a two-part surname's form is not a nickname
    assert Person(0, "Lili", "Puckett", "o", names={"Lili Trujillo Puckett": 2, "Trujillo Puckett": 3}
                  ).name == "Lili Trujillo Puckett"


def _yangs(n: int) -> dict[str, str]:
    # san_diego_ca: Chester Yang's sentencing; the others follow the line of an orange_ca release
    # ('Bryan Song Yang, 37, of Lake Elsinore'), each in a release of their own
    files = {"sd_yang.txt": ("Child Molester Who Fled to Asia Sentenced in Sex Abuse Case\n\n"
                             "Chester Yang, who was extradited from Singapore with the help of Interpol and U.S. "
                             "federal authorities, pleaded guilty in September to forcible lewd acts upon a child.\n")}
    for i, first in enumerate(["Bryan", "Scott", "Debra", "Jun", "Pao", "Alice", "Mark", "Tom", "Ann", "Lee"][:n]):
        files[f"oc_{i}.txt"] = f"Man Charged {i}\n\n{first} Yang, 37, of Lake Elsinore, was charged today.\n"
    return files


def test_every_namesake_of_a_page_is_listed(tmp_path):
    data = _who(engine_for(tmp_path, _yangs(6)), "Yang")
    assert len(data["items"]) == 7 and "Chester Yang" in _names(data)  # past the 4 summarised in full
    chester = next(i for i in data["items"] if i["name"] == "Chester Yang")
    assert "Child Molester" in chester["titles"] and chester["citations"]
    assert "7 people named 'Yang'" in data["summary"]  # the count on top; each person is an item below it


def test_past_a_page_the_answer_says_how_many_more(tmp_path):
    data = _who(engine_for(tmp_path, _yangs(10)), "Yang")
    assert len(data["items"]) == 8 and "+3 more" in data["summary"] and "8 people named" in data["summary"]


def test_an_exact_match_and_a_close_spelling_are_both_listed_and_labelled(tmp_path):
    files = {
        # san_diego_ca
        "sd_charges.txt": ("District Attorney Charges Fugitive Who Fled to Asia in Child Molestation Case\n\n"
                           "San Diego County District Attorney Summer Stephan said today her office has filed child "
                           "molestation charges against Chester Yang, 72, for an April 2017 incident.\n"),
        # kings_ny
        "kings_gang.txt": "Gang Members Indicted\n\nAvante Stephen, 22, of Brooklyn, was charged.\n",
    }
    data = _who(engine_for(tmp_path, files), "Stephen")
    assert _names(data)[0] == "Avante Stephen" and "match" not in data["items"][0]
    stephan = next(i for i in data["items"] if i["name"] == "Summer Stephan")
    assert stephan["match"] == "close spelling" and "1 close spelling" in data["summary"]


def test_a_jr_and_a_sr_are_two_people(tmp_path):
    files = {
        # kings_ny
        "kings_gang.txt": ("Thirty-Five Alleged Gang Members Charged\n\n"
                           "Between December 2015 and May 2016, Felipe Avila Sr. and Felipe Avila Jr. (father and son) allegedly "
                           "used a forg\n\n"
                           "Felipe Avila Sr., 54, of Brownsville, Brooklyn\n"),
        # orange_ca
        "oc_zambia.txt": ("Mother Charged for Abducting Child to Zambia\n\n"
                          "John Cotton Sr. reported the abduction to the Cypress Police Department.\n\n"
                          "John Cotton Jr. and the boy’s maternal grandmother had traveled to the Netherlands.\n"),
    }
    engine = engine_for(tmp_path, files)
    assert sorted(_names(_who(engine, "Avila"))) == ["Felipe Avila Jr.", "Felipe Avila Sr."]
    assert sorted(_names(_who(engine, "Cotton"))) == ["John Cotton Jr.", "John Cotton Sr."]
    sr = next(i for i in _who(engine, "Avila")["items"] if i["name"] == "Felipe Avila Sr.")
    assert any("54" in t for t in sr["titles"])  # the age stays with the one it was stated for
