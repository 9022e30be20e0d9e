"""'The victim' / 'The defendant' opening a sentence refers back to the one person the sentence before
introduced with an age (bot/extract/release.py::role_references), when the release already names someone
else in the other role. Verbatim excerpts from two offices (Kings County NY, Orange County CA)."""

from __future__ import annotations

from bot.extract.release import read_release


def titles_of(headline: str, paragraphs: list[str]) -> dict[str, set[str]]:
    found = read_release(headline, list(enumerate(paragraphs)))
    out: dict[str, set[str]] = {}
    for _, m in found.mentions:
        out.setdefault(m.full, set()).update({m.title} if m.title else set())
    return out


# Kings County DA (kings_ny): the Pierre-Jacques strangulation sentencing, two body paragraphs
KINGS = [
    "The District Attorney identified the defendant as Tamisha Harper, 45, of East Flatbush, Brooklyn. She was "
    "sentenced today by Brooklyn Supreme Court Justice Jill Konviser to 17 years in prison. She pleaded guilty to "
    "first-degree manslaughter on April 18, 2019.",
    "The District Attorney said that, according to the investigation, at around 9:53 p.m. on February 27, 2017, "
    "Edna Pierre-Jacques, 78, was found in a pool of blood inside her home located on Troy Avenue, in East "
    "Flatbush, Brooklyn. The victim was discovered by her 16-year-old granddaughter, who then, along with her "
    "mother, alerted the victim’s husband, Frederick Pierre-Jacques, 76, who was in another room.",
]
KINGS_HEAD = "Brooklyn Woman Sentenced to 17 Years in Prison for Strangulation Death of Elderly Neighbor"
# Orange County DA (orange_ca): the RV strangling verdict, its lede and the victim's paragraph
ORANGE = [
    "SANTA ANA – A third-striker parolee was convicted today of murdering a 21-year-old woman by strangling her "
    "to death in his recreational vehicle (RV). Ean Keith Brown, 41, was found guilty by a jury of one felony "
    "count of second degree murder. The defendant has two prior strike convictions and serious felony priors for "
    "second degree robbery in 1995 and burglary in 2008.",
    "Victim Dolores “Arias” Fagan, 21, was staying with relatives who lived on the same street as the defendant. "
    "At approximately 5:00 p.m. on Jan. 6, 2012, Fagan left her family’s home and was never seen again.",
]
ORANGE_HEAD = "THIRD-STRIKER PAROLEE CONVICTED OF STRANGLING-MURDER OF WOMAN IN RV"
# Orange County DA (orange_ca): a place, not a person, ends the sentence before 'The defendant'
ORANGE_PLACE = [
    "SANTA ANA – A former Marine sergeant was sentenced to 11 years in state prison today for killing three "
    "friends and fellow Marines by crashing into a tree while driving under the influence of alcohol.",
    "At approximately 10:30 p.m. on Feb. 13, 2012, Hale arrived at Hennessey’s Tavern in Dana Point with three "
    "friends. The defendant and his friends were all Marines stationed at Marine Corp Base Camp Pendleton.",
    "During Hale’s sentencing today, several of the victims’ family members submitted written impact statements.",
]


def test_the_victim_is_the_person_just_introduced_not_the_named_defendant():
    found = titles_of(KINGS_HEAD, KINGS)
    assert "victim" in found["Edna Pierre-Jacques"]  # Kings: 'Edna Pierre-Jacques, 78, ... The victim was'
    assert "victim" not in found["Tamisha Harper"] and "defendant" in found["Tamisha Harper"]
    assert "victim" not in found["Frederick Pierre-Jacques"]  # the victim's husband, named later


def test_the_defendant_is_the_person_just_introduced_when_the_victim_is_named():
    found = titles_of(ORANGE_HEAD, ORANGE)
    assert "defendant" in found["Ean Keith Brown"]  # Orange: 'Ean Keith Brown, 41, ... The defendant has'
    assert "defendant" not in found.get("Dolores “Arias” Fagan", set()) | found.get("Dolores Fagan", set())
    # without the victim's paragraph no one holds the other role: 'The defendant' may be anyone, nothing is read
    assert "defendant" not in titles_of(ORANGE_HEAD, ORANGE[:1]).get("Ean Keith Brown", set())


def test_a_place_before_the_role_takes_no_role():
    found = titles_of("DRUNKEN-DRIVER MARINE SERGEANT SENTENCED", ORANGE_PLACE)
    assert all("defendant" not in titles for titles in found.values())  # 'Dana Point' has no age: no person
