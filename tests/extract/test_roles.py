"""Roles the text gives a person away from a title: the victim of a crime named before the name, 'a X named
NAME', a contact block's label, a comma-set description opening the sentence, an article-led appositive of
any noun, and an appositive after a lone surname. Every excerpt is verbatim from the corpus; the comment
names its office."""

from __future__ import annotations

import pytest

from bot.extract.mentions import find_mentions
from bot.extract.titles import clean_title


def roles(text: str) -> dict[str, set[str]]:
    """name as written -> titles the mentions give it (cleaned as the people index keeps them)."""
    out: dict[str, set[str]] = {}
    for m in find_mentions(text):
        title = clean_title(m.title, m.free)
        out.setdefault(m.full, set())
        if title:
            out[m.full].add(title)
    return out


@pytest.mark.parametrize("text, name", [
    # kings_ny
    ("the June 2006 murder of Brooklyn high school student Chanel Petro-Nixon.", "Chanel Petro-Nixon"),
    # san_diego_ca
    ("in connection with the 1987 murder of Julia Hernandez-Santiago, whose body was found", "Julia Hernandez-Santiago"),
    # dallas_tx
    ("86-year-old Liborio Canales pleaded guilty to the murder of Barbara Carr Villarreal and received a",
     "Barbara Carr Villarreal"),
    # orange_ca
    ("This bill comes after the tragic murder of Blaze Bernstein, a 19-year-old Ivy League student",
     "Blaze Bernstein"),
])
def test_the_object_of_a_crime_noun_is_its_victim(text, name):
    found = roles(text)
    assert "victim" in found[name]
    assert all("victim" not in t for n, t in found.items() if n != name)  # not the killer: 'Liborio Canales'


@pytest.mark.parametrize("text, name, role", [
    # dallas_tx
    ("Shortly after Spencer’s arrest, a jailhouse informant named Danny Edwards told police that Spencer",
     "Danny Edwards", "jailhouse informant"),
    # kings_ny
    ("Ten days after the incident, a man named Marshall Taylor, who was arrested in East New", "Marshall Taylor", "man"),
    # orange_ca
    ("the naked body of a 27-year-old cardiac care nurse named Georgia Wixted was discovered",
     "Georgia Wixted", "27-year-old cardiac care nurse"),
])
def test_a_noun_phrase_named_name(text, name, role):
    assert role in roles(text)[name]


@pytest.mark.parametrize("text, name", [
    # dallas_tx: the office that follows the name on the same line is not part of it
    ("March 10, 2021 Contact: Tasha Tsiaperas Dallas County District Attorney’s Office", "Tasha Tsiaperas"),
    # san_diego_ca
    ("June 10, 2023 Contact: Steve Walker (619) 531-3890", "Steve Walker"),
    # orange_ca
    ("Contact: Susan Schroeder, Deputy District Attorney", "Susan Schroeder"),
])
def test_a_contact_block_names_a_press_contact(text, name):
    assert "Contact" in roles(text)[name]


@pytest.mark.parametrize("text, name, role", [
    # dallas_tx
    ("The state’s first witness, James Villeda, testified against his former friend, Trevino.",
     "James Villeda", "The state’s first witness"),
    # dallas_tx
    ("Another witness, Jimmie Cotton, testified that he saw Spencer get out of Young’s car", "Jimmie Cotton",
     "Another witness"),
    # san_diego_ca
    ("Groves’ ex-girlfriend, Joann Hoyt, was able to escape the residence with her younger daughters.",
     "Joann Hoyt", "Groves’ ex-girlfriend"),
    # orange_ca
    ("pleaded guilty to one felony count of first degree murder. Vovos’ girlfriend, Debbie Miller, was killed",
     "Debbie Miller", "Vovos’ girlfriend"),
])
def test_a_comma_set_description_opening_the_sentence(text, name, role):
    assert role in roles(text)[name]


@pytest.mark.parametrize("text, name", [
    # orange_ca: a clause ('Five weeks after ...') opening the sentence is not a description
    ("Five weeks after Ms. Cummings’ death, Marion Morgan, 78, who was also a resident o", "Marion Morgan"),
    # kings_ny: 'They left the park and ...' is a clause, not a noun phrase
    ("They left the park and Williams’ companion, Yvette Hopkins, called 911, but the two left", "Yvette Hopkins"),
])
def test_a_clause_before_the_name_is_not_a_description(text, name):
    assert not any("after" in t or "park" in t for t in roles(text)[name])


@pytest.mark.parametrize("text, name, role", [
    # dallas_tx
    ("three medical examiners, including Dr. Nizam Peerwani, a medical examiner hired by the family.",
     "Nizam Peerwani", "medical examiner"),  # up to its first verb
    # orange_ca: a relation to another named person ends in their name
    ("Pat Buchanan, the widow of 67-year-old Gene Harbrecht who was an innocent bystander killed",
     "Pat Buchanan", "widow of 67-year-old Gene Harbrecht"),
    # kings_ny
    ("The sole eyewitness to testify in the case was Jerry Williams, a career criminal who testified that",
     "Jerry Williams", "career criminal"),
])
def test_an_article_led_appositive_of_any_noun(text, name, role):
    assert role in roles(text)[name]


@pytest.mark.parametrize("text, surname, role", [
    # dallas_tx
    ("And Edwards, the jailhouse informant, admitted that he falsely testified", "Edwards", "jailhouse informant"),
    # kings_ny
    ("on October 15, 2015. Li, the principal owner, was present at the prem", "Li", "principal owner"),
    # orange_ca
    ("have pleaded guilty. Pham, the primary perpetrator, was sentenced to 12 yea", "Pham", "primary perpetrator"),
])
def test_an_appositive_after_a_lone_surname(text, surname, role):
    ms = [m for m in find_mentions(text) if m.full == surname]
    assert ms and ms[0].free and clean_title(ms[0].title, True) == role


def test_a_re_joined_lines_stray_space_ends_the_name():
    # orange_ca: 'John Paul Ledesma , Mission Viejo' is the name then the town, not a longer name
    names = roles("Council Memeber John Paul Ledesma , Mission Viejo, Councilwoman Deborah Pauly,")
    assert any(n.endswith("John Paul Ledesma") for n in names)  # ('Memeber', the source's typo, reads as a name)
    # the example: the appositive after the stray space is read
    assert "president of the Hispanic Bar Association" in roles(
        "Juan Ortega , president of the Hispanic Bar Association, said")["Juan Ortega"]


@pytest.mark.parametrize("text, name, role", [
    # orange_ca
    ("and Lili Trujillo Puckett, who founded the non-profit Street Racing Kills to educate young people",
     "Lili Trujillo Puckett", "founder of the non-profit Street Racing Kills"),
    # kings_ny
    ("Vincent Parco, who owns a private investigative firm", "Vincent Parco", "owner of a private investigative firm"),
    # san_diego_ca
    ("Julian Shelby, who leads the DA’s Information Technology Department", "Julian Shelby",
     "leader of the DA’s Information Technology Department"),
])
def test_a_relative_clause_whose_verb_names_the_role(text, name, role):
    assert role in roles(text)[name]


def test_a_relative_clause_with_no_object_gives_no_role():
    # kings_ny: 'operated out of his home' names no business
    assert roles("Warren Appolon, who operated out of his home in Jamaica")["Warren Appolon"] == set()


def _listed(paragraphs: list[str]) -> dict[str, set[str]]:
    from bot.extract.release import read_release

    found = read_release("x", list(enumerate(paragraphs)))
    out: dict[str, set[str]] = {}
    for _pid, m in found.mentions:
        out.setdefault(m.full, set()).add(m.title)
    return out


def test_a_list_headers_role_passes_to_the_names_listed_under_it():
    # san_diego_ca: the suffix stays with the name ('Luis Cardona Jr.,')
    got = _listed(["The defendants include:", "Luis Cardona Jr., 26, of National City", "Michael Cusi, 32, of San Diego",
                   "Villareal will next be in court on April 16 for a readiness conference."])
    assert "defendant" in got["Luis Cardona Jr."] and "defendant" in got["Michael Cusi"]
    # kings_ny
    got = _listed(["Following are the dispositions of Brewer’s five co-defendants:",
                   "Michael Quick, 34, of LaGrange, Georgia. Pleaded guilty to first-degree criminal sale of a firearm",
                   "Aliya Dowell, 34, of LaGrange, Georgia. Pleaded guilty to fourth-degree conspiracy and was "
                   "sentenced to five years’ probation."])
    assert "co-defendant" in got["Michael Quick"] and "co-defendant" in got["Aliya Dowell"]


def test_a_list_ends_at_a_paragraph_that_does_not_open_with_a_name():
    # san_diego_ca (header and first line) then a later paragraph of the same release form
    got = _listed(["The defendants include:", "Michael Cusi, 32, of San Diego",
                   "Villareal will next be in court on April 16 for a readiness conference.",
                   "Deputy District Attorney Leon Schorr, who heads the public corruption unit, said"])
    assert "defendant" not in got["Leon Schorr"]


@pytest.mark.parametrize("text, name, not_role", [
    # san_diego_ca: a pronoun makes it a clause
    ("For Deputy DA Carys Davies, the annual service trips she took every summ", "Carys Davies", "annual service trips"),
    # orange_ca: a verb after the comma, not a description
    ("A baby, 3-month-old Apolline Mong Guillemin, died and her mother sustained serious injuries",
     "Apolline Mong Guillemin", "died"),
])
def test_a_clause_after_the_comma_is_not_a_description(text, name, not_role):
    assert not any(not_role in t for t in roles(text)[name])


@pytest.mark.parametrize("text, name, role", [
    # kings_ny: any noun after the article; and the same with the name's line break before the comma
    ("Romulo Heras, 61, was a nighttime chef at Cornelia Street Café in", "Romulo Heras",
     "nighttime chef at Cornelia Street Café"),
    ("Romulo Heras\n, 61, was a nighttime chef at Cornelia Street Café in", "Romulo Heras",
     "nighttime chef at Cornelia Street Café"),
    # orange_ca
    ("Don Williams, 45, is a fugitive", "Don Williams", "fugitive"),
    # san_diego_ca
    ("Bryan Orr, 34, was the ringleader of the elaborate scheme involv", "Bryan Orr",
     "ringleader of the elaborate scheme involv"),
])
def test_an_age_then_a_copula_description(text, name, role):
    assert role in roles(text)[name]
