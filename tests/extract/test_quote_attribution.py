"""Quote attribution styles, each on verbatim excerpts from at least two offices (named per excerpt;
PDF line breaks joined to spaces, as ingest joins them)."""

from __future__ import annotations

import pytest

from bot.extract.quotes import attribution_clause, find_quotes
from bot.extract.release import read_release
from bot.extract.speakers import clause_speaker


def speakers(*paragraphs: str) -> list[tuple[str, str, str]]:
    """(first, last, the quotation's first words) for each attributed quotation of the paragraphs."""
    found = read_release("Headline", list(enumerate(paragraphs)))
    return [(q.speaker[0], q.speaker[1], " ".join(paragraphs[q.pid][q.start:q.end].split()[:3]))
            for q in found.quotes]


# -- a title or organisation between the verb and the name, read to the end of the clause ---------------

@pytest.mark.parametrize(("text", "first", "last"), [
    # Orange County: a 12-word title and organisation, the period on the next line
    ("“Our law enforcement personnel and the Office of Spill Prevention and Response led the response to "
     "this incident on behalf of State of California, and also conducted a separate investigation into "
     "potential crimes against our state’s natural resources,” said California Department of Fish and "
     "Wildlife Deputy Director and Chief of Enforcement David Bess . “We consider this plea to be justice "
     "served for the unacceptable oil spill that impacted seabirds, mammals and other wildlife along our "
     "state’s pristine coastline.”", "David", "Bess"),
    # Kings County: an agency, a title with 'of', a middle initial
    ("“NYSIF front-line staff are trained to look for red flags and inaccuracies, which can also result in "
     "stopping fraudulent activity before it starts,” stated NYSIF Director of Confidential Investigations "
     "John W. Dormin.", "John", "Dormin"),
    # San Diego: 'Chief of Police' between the agency and the name
    ("“Abuse and crimes against the elderly come in many forms. It’s sickening to see criminals prey on our "
     "most vulnerable community members,” said SDPD Chief of Police Scott Wahl.", "Scott", "Wahl"),
    # Dallas: two titles joined by 'and'
    ("“Working together, we continue to solve the most difficult cold cases that Dallas has ever seen,” said "
     "Dallas County Assistant District Attorney and SAKI Chief Leighton D’Antoni.", "Leighton", "D’Antoni"),
])
def test_a_title_between_verb_and_name_is_read_to_the_end_of_the_clause(text, first, last):
    assert {(f, la) for f, la, _ in speakers(text)} == {(first, last)}


def test_the_clause_ends_at_the_sentence_not_at_an_initial_or_abbreviation():
    # Kings County ('John W. Dormin.') and San Diego (a space before the period: 'DA Stephan .')
    assert attribution_clause(" stated NYSIF Director John W. Dormin. “In this case") == "NYSIF Director John W. Dormin"
    assert attribution_clause(" said DA Stephan . “We’re currently prosecuting") == "DA Stephan "
    assert attribution_clause(" and then he left.") is None


@pytest.mark.parametrize(("clause", "want"), [
    ("Orange County District Attorney Todd Spitzer", ("Todd", "Spitzer")),  # Orange: county name is no person
    ("Labor Commissioner Lilia García-Brower", ("Lilia", "García-Brower")),  # San Diego
    ("Branden Butler, OLSE Director", ("Branden", "Butler")),  # San Diego: name, then title
    ("Chief of Staff Susan Kang Schroeder", ("Susan", "Schroeder")),  # Orange: 'Staff' ends the title
    ("Assemblywoman Laurie Davies (R- Laguna Niguel)", ("Laurie", "Davies")),  # Orange: a parenthesis
    ("District Attorney Gonzalez and Police Commissioner Sewell", ("", "Gonzalez")),  # Kings: the first of two
    ("a spokesperson for the Dallas Police Department", None),  # no person: an organisation only
])
def test_clause_speaker_finds_the_person_not_the_organisation(clause, want):
    got = clause_speaker(clause)
    assert (got[:2] if got else None) == want


# -- descriptor then name ------------------------------------------------------------------------------

def test_a_descriptor_then_the_name():
    # Dallas: title, comma, name, the name wrapped onto the next PDF line
    dallas = ("“Diane Dancer used her position of authority at Autumn Leaves to exploit elderly residents and "
              "embezzle at least $1.8 million,” said Lead Prosecutor and Chief of the Elder Abuse Unit, Alicia "
              "Patterson. “She preyed upon some of most vulnerable victims in our community- seniors who worked "
              "their entire lives so that they could be financially secure in their golden years.”")
    # Orange County: a relative ('Samantha’s mother'), then the name and another title
    orange = ("“Camille Hill was instrumental in the prosecution of the man who murdered my daughter, Samantha "
              "Runnion,” said Samantha’s mother, Erin Runnion, founder of The Joyful Child Foundation.")
    assert {(f, la) for f, la, _ in speakers(dallas)} == {("Alicia", "Patterson")}
    assert speakers(orange) == [("Erin", "Runnion", "Camille Hill was")]


# -- the attribution in a sentence of its own, verb first -----------------------------------------------

def test_a_verb_first_attribution_in_its_own_sentence():
    # Dallas: straight quotes, 'Added TITLE, NAME.' after the closing mark
    dallas = ('"Understanding how AI and Data intersect with justice is no longer optional -- it’s essential. '
              "This summit helps prosecutors build the knowledge to lead with innovation, insight, and "
              'accountability, while enhancing the overall effectiveness of their offices." Added President of '
              "APA, David LaBahn.")
    # San Diego: 'Said SDPD Chief Scott Wahl.' after a quotation ending in a period
    sd = ("“Police work is extremely dangerous, yet such a necessary function in our society.” Said SDPD Chief "
          "Scott Wahl. “Every day, San Diego Police Officers take on the challenge of keeping San Diego safe.”")
    assert speakers(dallas) == [("David", "LaBahn", "Understanding how AI")]
    assert {(f, la) for f, la, _ in speakers(sd)} == {("Scott", "Wahl")}


# -- the sentence's subject: a descriptor between name and verb, or a participle ------------------------

def test_a_descriptor_between_the_subject_and_the_verb():
    # Kings County: 'NAME, DESCRIPTOR, said, “…'
    kings = ("Lu-Shawn Thompson, Ken’s widow, said, “There are no words to express how I feel right now. I know "
             "Kenny would have been so proud and happy.”")
    # Orange County: a possessive descriptor first: the father speaks, not the son
    orange = ("Samuel Herr’s father, Steve Herr, stated, “To know we will never see Sam again, never hear his voice "
              "again, and never tough and give him hugs again is a feeling no parent should ever know.”")
    # Kings County: a long organisation in the descriptor must not be taken for the speaker
    kings_org = ("Tina Luongo, Attorney-In-Charge of the Criminal Practice at The Legal Aid Society, said, “We applaud "
                 "New York Attorney General Eric Schneiderman and Acting Brooklyn District Attorney Eric Gonzalez.”")
    assert speakers(kings) == [("Lu-Shawn", "Thompson", "There are no")]
    assert speakers(orange) == [("Steve", "Herr", "To know we")]
    assert speakers(kings_org) == [("Tina", "Luongo", "We applaud New")]


def test_a_participle_introduction_takes_the_sentence_subject():
    # Dallas: 'NAME praised …, stating, “…'
    dallas = ("Dallas County District Attorney John Creuzot praised the teamwork and perseverance behind the "
              "conviction, stating, “This case is a powerful example of what our Cold Case Division was created "
              "to do.”")
    # Orange County: the subject is a surname only, the name before 'stating' is an object: no speaker
    orange = ("Neal-Negrete also expressed gratitude to her victim advocate Esmerelda Gomez and OCDA prosecutor "
              "Senior Deputy District Attorney Jennifer Walker, stating, “I want you to know that you can never "
              "come up with the words to really express your gratitude.”")
    # Kings County: the sentence opens with a place, not a person: no speaker
    kings = ("While inside of Del Liquors, the defendant approached the victim and pointed to her, stating, “What "
             "are you doing here? You’re not supposed to be here?”")
    assert speakers(dallas) == [("John", "Creuzot", "This case is")]
    assert speakers(orange) == []
    assert speakers(kings) == []


# -- mixed quote marks ----------------------------------------------------------------------------------

def test_mixed_quote_marks_close_where_they_close():
    # Dallas: opens curly, closes straight; the next quotation's attribution must not run into it
    dallas = ("“This significant sentencing marks a pivotal moment in our ongoing efforts to combat the "
              "distribution of deadly opioids like fentanyl in Dallas County,” said DA John Creuzot. “My office "
              'remains committed to holding accountable those who profit from spreading such dangerous substances '
              'within our communities." Andrew Anagnostis said it was a good day.')
    # Orange County: a report's name opened curly and closed straight, then more text
    orange = ("MEDIA ADVISORY - Video of OC Grand Jury news conference on report “The Myth of the Orange County "
              'Jailhouse Informant Program" - Orange County District Attorney')
    spans = find_quotes(dallas)
    assert [dallas[s.start:s.end].split()[0] for s in spans] == ["This", "My"]
    assert dallas[spans[1].start:spans[1].end].endswith("communities.")
    assert [orange[s.start:s.end] for s in find_quotes(orange)] == [
        "The Myth of the Orange County Jailhouse Informant Program"]
