"""The named steps of the extraction layer (bot.extract.*) on short verbatim excerpts of real releases.

Each excerpt names its office. The expected values are what the code does today, including its
misreadings (marked): these tests pin behaviour for the next change, they do not endorse it."""

from __future__ import annotations

import pytest

from bot.extract import lexicon
from bot.extract.lede import lede_descriptors, lede_subject
from bot.extract.mentions import MentionScan, find_mentions, titled_mention, untitled_mention
from bot.extract.quotes import find_quotes
from bot.extract.release import QuoteFinding, headline_subject, read_release
from bot.extract.speakers import clause_subject, speaker_name
from bot.extract.titles import appositive, clean_title, copula_role, title_has_office_word, title_names_office
from bot.extract.tokens import tokenize
from bot.people.person import Person

# -- mentions -------------------------------------------------------------------------------------


def _read(text: str) -> list[tuple[str, str, str]]:
    return [(m.first, m.last, m.title) for m in find_mentions(text)]


def test_titled_mention_gives_a_plural_title_to_each_name_of_the_list():
    # Dallas County DA (Rene Adrian Carillo release)
    text = "A special thank you to Investigators Buddy Evans and John Schingle who assisted prosecutors on"
    assert _read(text) == [("Buddy", "Evans", "Investigators"), ("John", "Schingle", "Investigators")]


def test_titled_mention_walks_back_over_the_whole_title():
    # Orange County DA (7-Eleven robbery and murder spree release)
    text = "“This is a stone-cold serial killer who executed innocent people,” said Orange County District Attorney Todd Spitzer."
    assert _read(text) == [("Todd", "Spitzer", "Orange County District Attorney")]
    # San Diego County DA
    text = ("Deputy District Attorney Miriam Hemming and District Attorney Investigators Ross Umstot and Bryan "
            "Maddox worked relentlessly with SDPD to identify all the attackers")
    assert _read(text) == [("Miriam", "Hemming", "Deputy District Attorney"),
                           ("Ross", "Umstot", "District Attorney Investigators"),
                           ("Bryan", "Maddox", "District Attorney Investigators")]


def test_untitled_full_name_takes_the_role_before_it_and_its_age_appositive():
    # Brooklyn (Kings County) DA (fatal crash release)
    text = ("The District Attorney said that the defendant, Julio Acevedo, 46, of Brooklyn, was convicted last "
            "night of two counts of second-degree manslaughter")
    assert _read(text) == [("Julio", "Acevedo", "defendant"), ("Julio", "Acevedo", "46, of Brooklyn")]
    # Orange County DA (14-year-old charged as an adult)
    text = "Santa Ana – Jose Ignacio Avina, 14, of Anaheim was charged with three counts of sodomy by force"
    assert _read(text) == [("Jose", "Avina", "14, of Anaheim")]


def test_a_plural_role_is_carried_to_every_name_of_the_list_across_ages():
    # Brooklyn (Kings County) DA: ages between the names do not stop the carried role
    text = "The District Attorney identified the defendants as Marcus Sumpter, 25, Joann Bailey, 55 and Jerry Brown, 57."
    assert _read(text) == [("Marcus", "Sumpter", "defendant"), ("Marcus", "Sumpter", ""),
                           ("Joann", "Bailey", "defendant"), ("Joann", "Bailey", ""),
                           ("Jerry", "Brown", "defendant"), ("Jerry", "Brown", "")]


def test_copula_gives_a_lone_surname_its_role():
    # San Diego County DA (burglary ring release)
    text = ("Shively was the ringleader of a group of three other defendants, who burglarized 38 homes from "
            "January 2017 to February 2018.")
    assert _read(text) == [("", "Shively", "ringleader of a group of three other defendants")]
    # Orange County DA (20-year-old murder case solved): 'who was a' + a noun phrase, up to 'and had'
    text = ("The suspect was identified as Benjamin Wayne Watta, who was a registered sex offender in California "
            "and had prior convictions of attempted rape, burglary, use of a firearm and attempted murder against a "
            "police officer.")
    assert _read(text) == [("Benjamin", "Watta", "registered sex offender in California")]


def test_a_capitalized_place_can_be_read_as_a_bare_name():
    # Brooklyn (Kings County) DA: 'Borough Park' is read as a person (a known misreading, pinned)
    text = ("Brooklyn District Attorney Ken Thompson today announced that a Bensonhurst man has been sentenced to "
            "two to four years in prison for burglarizing a Borough Park synagogue which had once employed him as a "
            "waiter at its reception hall.")
    assert _read(text) == [("Ken", "Thompson", "Brooklyn District Attorney"), ("Borough", "Park", "")]


def test_mention_steps_one_token_at_a_time():
    # Dallas County DA: the titled step at 'Investigators' reads the whole list and says where it ends
    text = "A special thank you to Investigators Buddy Evans and John Schingle who assisted prosecutors on"
    scan = MentionScan(text, tokenize(text))
    assert scan.toks[5].text == "Investigators" and scan.toks[11].text == "who"
    assert titled_mention(scan, 4) is None
    assert titled_mention(scan, 5) == 11 and scan.used_until == 11
    assert untitled_mention(scan, 6) is None  # already read as part of the titled mention
    assert [m.full for m in scan.out] == ["Buddy Evans", "John Schingle"]
    # San Diego County DA: a lone surname with a copula role is recorded, the scan moves on by one
    text = "Shively was the ringleader of a group of three other defendants, who burglarized 38 homes"
    scan = MentionScan(text, tokenize(text))
    assert titled_mention(scan, 0) is None and untitled_mention(scan, 0) is None
    assert [(m.last, m.title) for m in scan.out] == [("Shively", "ringleader of a group of three other defendants")]
    # Brooklyn (Kings County) DA: an untitled full name returns the index after it
    text = "The District Attorney identified the defendant as Peter Podziewski, 23, of 1818 79"
    scan = MentionScan(text, tokenize(text))
    assert untitled_mention(scan, 7) == 9
    assert [(m.full, m.title) for m in scan.out] == [("Peter Podziewski", "defendant"), ("Peter Podziewski", "")]


# -- titles ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "clean"), [
    ("Investigators", "Investigator"),  # Dallas County DA list above
    ("District Attorney Investigators", "District Attorney Investigator"),  # San Diego County DA list above
    ("the Homicide Bureau and Assistant District Attorney", "Assistant District Attorney"),
    ("and son", ""),
    ("Mr.", ""),
])
def test_clean_title(raw, clean):
    assert clean_title(raw) == clean


def test_appositive_after_a_name():
    # Brooklyn (Kings County) DA: an age and a hometown
    text = "the defendant, Julio Acevedo, 46, of Brooklyn, was convicted last night"
    assert appositive(text, text.index(", 46")) == "46, of Brooklyn"
    # Orange County DA: 'A, 14, of Anaheim was charged'
    text = "Santa Ana – Jose Ignacio Avina, 14, of Anaheim was charged with three counts of sodomy by force"
    assert appositive(text, text.index(", 14")) == "14, of Anaheim"
    # Brooklyn (Kings County) DA: a list of people and their ages is no hometown
    text = "The District Attorney identified the defendants as Marcus Sumpter, 25, Joann Bailey, 55 and Jerry Brown, 57."
    assert appositive(text, text.index(", 25")) == ""


def test_copula_role():
    # San Diego County DA
    assert copula_role(" was the ringleader of a group of three other defendants, who burglarized 38 homes"
                       ) == "ringleader of a group of three other defendants"
    # Brooklyn (Kings County) DA: a copula with no role noun gives nothing
    assert copula_role(" was a fixture of the Clinton Hill community and died protecting Grand Avenue") == ""


def test_the_two_official_tests_differ_on_a_word_containing_da():
    # Brooklyn (Kings County) DA titles 'KCDA Investigative Analyst'; Orange County DA its District Attorney
    assert title_names_office("KCDA Investigative Analyst") is True  # substring: 'DA' inside 'KCDA'
    assert title_has_office_word("KCDA Investigative Analyst") is False
    assert title_names_office("Orange County District Attorney") is True
    assert title_has_office_word("Orange County District Attorney") is True
    analyst = Person(0, "Megan", "Carroll", "kings_ny", titles={"KCDA Investigative Analyst": 1})
    assert analyst.is_official() and not analyst.holds_official_title()


def test_add_title_counts_and_cites():
    p = Person(0, "Todd", "Spitzer", "orange_ca")
    p.add_title("Orange County District Attorney", 7)
    p.add_title("Orange County District Attorney", 9)
    assert p.titles == {"Orange County District Attorney": 2}
    assert p.title_pids == {"Orange County District Attorney": [7, 9]}


# -- speakers -------------------------------------------------------------------------------------


def test_speaker_after_the_quotation():
    # San Diego County DA
    text = "“Ripping off hard working families won’t be tolerated in San Diego County,” said District Attorney Summer Stephan."
    (q,) = find_quotes(text)
    assert (q.speaker, q.intro) == ("District Attorney Summer Stephan", False)
    assert speaker_name(q.speaker) == ("Summer", "Stephan", "District Attorney")
    # Orange County DA
    text = "“This is a stone-cold serial killer who executed innocent people,” said Orange County District Attorney Todd Spitzer."
    (q,) = find_quotes(text)
    assert speaker_name(q.speaker or "") == ("Todd", "Spitzer", "Orange County District Attorney")


def test_speaker_before_the_quotation():
    # Brooklyn (Kings County) DA
    text = ("District Attorney Thompson said, “This defendant used his position as a former employee to steal from a "
            "house of worship. He will now pay the price for his shameful conduct.”")
    (q,) = find_quotes(text)
    assert (q.speaker, q.intro) == ("District Attorney Thompson", True)
    assert speaker_name(q.speaker or "") == ("", "Thompson", "District Attorney")


@pytest.mark.parametrize(("phrase", "parsed"), [
    # Dallas County DA (Chemirmir verdict): trailing words after the name are dropped
    ("Prosecutor Glen Fitzmartin one of the three prosecutors", ("Glen", "Fitzmartin", "Prosecutor")),
    # Brooklyn (Kings County) DA (PPE donation)
    ("Brooklyn DA Gonzalez", ("", "Gonzalez", "Brooklyn DA")),
    # Brooklyn (Kings County) DA (Justice 2020): a role phrase read as a name (a known misreading, pinned)
    ("Launch Committee Co-Chair", ("Launch", "Co-Chair", "")),
    # phrases naming nobody: Brooklyn (Kings County) DA, Orange County DA, San Diego County DA
    ("The District Attorney", None),
    ("Angels Vice President", None),
    ("The IRS system", None),
    # Brooklyn (Kings County) DA: a name followed by a parenthesis is not read (pinned)
    ("Rep. Nydia M. Velázquez (D-NY)", None),
])
def test_speaker_name(phrase, parsed):
    assert speaker_name(phrase) == parsed


def test_clause_subject_is_the_named_person_opening_the_sentence():
    # Brooklyn (Kings County) DA (Justice 2020): the attribution phrase holds no name, the sentence opening does
    text = ("Former New York Chief Judge Jonathan Lippman, Launch Committee Co-Chair and current Counsel at Latham "
            "& Watkins LLP said, “Justice 2020 isn’t just an agenda – it’s a comprehensive roadmap to improve public "
            "safety")
    (q,) = find_quotes(text)
    assert q.intro and speaker_name(q.speaker or "") is None
    assert clause_subject(text, q.start, find_mentions(text)) == ("Jonathan", "Lippman", "Former New York Chief Judge")
    # Dallas County DA (Chemirmir verdict): no named person before the quotation
    text = "“This is an easy decision,” Lead Prosecutor Glen Fitzmartin told the jury in his closing argument."
    assert clause_subject(text, 1, find_mentions(text)) is None


KINGS_RELEASE = [  # Brooklyn (Kings County) DA, 2015-04-07, reception hall waiter
    (10, "Brooklyn District Attorney Ken Thompson today announced that a Bensonhurst man has been sentenced to two "
         "to four years in prison for burglarizing a Borough Park synagogue which had once employed him as a waiter "
         "at its reception hall."),
    (11, "District Attorney Thompson said, “This defendant used his position as a former employee to steal from a "
         "house of worship. He will now pay the price for his shameful conduct.”"),
    (12, "The District Attorney identified the defendant as Peter Podziewski, 23, of 1818 79"),
]


# -- lede -----------------------------------------------------------------------------------------


def test_lede_descriptors_from_lede_and_headline():
    # Brooklyn (Kings County) DA (reception hall waiter release)
    lede = ["Brooklyn District Attorney Ken Thompson today announced that a Bensonhurst man has been sentenced to "
            "two to four years in prison for burglarizing a Borough Park synagogue which had once employed him as a "
            "waiter at its reception hall."]
    assert lede_descriptors("Former Reception Hall Waiter Sentenced To Prison For Stealing Donation Box From "
                            "Borough Park Synagogue", lede) == ["Bensonhurst man"]
    # Dallas County DA headline
    assert lede_descriptors("Dallas Man Sentenced to 169 Years for Continuous Sexual Abuse of a Child", []) == ["Dallas Man"]
    # Orange County DA headline
    assert lede_descriptors("14-Year-Old Boy Charged as an Adult for Forcibly Raping Two Boys", []) == ["14-Year-Old Boy"]


def test_lede_subject():
    # Orange County DA: the first full name introduced with an age
    text = "Santa Ana – Jose Ignacio Avina, 14, of Anaheim was charged with three counts of sodomy by force"
    m = lede_subject([(1, m) for m in find_mentions(text)], [1], lambda _pid: text)
    assert m is not None and (m.first, m.last) == ("Jose", "Avina")
    # Brooklyn (Kings County) DA: the one person called 'the defendant', even outside the opening
    text_of = dict(KINGS_RELEASE)
    found = [(pid, m) for pid, text in KINGS_RELEASE for m in find_mentions(text)]
    m = lede_subject(found, [10], text_of.__getitem__)
    assert m is not None and (m.first, m.last) == ("Peter", "Podziewski")
    # ... and no subject when nobody is a defendant or introduced with an age
    assert lede_subject(found[:3], [10, 11], text_of.__getitem__) is None


# -- one release ----------------------------------------------------------------------------------


def test_read_release():
    found = read_release("Former Reception Hall Waiter Sentenced To Prison For Stealing Donation Box From Borough "
                         "Park Synagogue", KINGS_RELEASE)
    assert [(pid, m.last, m.title) for pid, m in found.mentions] == [
        (10, "Thompson", "Brooklyn District Attorney"), (10, "Park", ""), (11, "Thompson", "District Attorney"),
        (12, "Podziewski", "defendant"), (12, "Podziewski", "")]
    assert found.quotes == [QuoteFinding(11, 34, 173, ("", "Thompson", "District Attorney"), True)]
    assert found.descriptors == ["Bensonhurst man"] and found.lede_pid == 10
    assert found.subject is not None and found.subject.last == "Podziewski"
    assert found.unattributed == [] and found.profile_subject is None


def test_read_release_continues_a_speaker_into_the_next_paragraph():
    # Dallas County DA (Chemirmir verdict)
    paras = [(1, "“This is an easy decision,” Lead Prosecutor Glen Fitzmartin told the jury in his closing argument."),
             (2, "“This is a just verdict. It is loud, it is proud, and it is of no surprise to Billy Chemirmir. It’s "
                 "what he")]
    found = read_release("Billy Chemirmir Found Guilty", paras)
    speaker = ("Glen", "Fitzmartin", "Lead Prosecutor")
    assert [(q.pid, q.speaker, q.stated) for q in found.quotes] == [(1, speaker, True), (2, speaker, False)]
    # Orange County DA (Thanksgiving gang prevention release)
    paras = [(1, "“Thanksgiving is a time for families to gather and celebrate the year’s blessings. This season, these "
                 "students have every reason to celebrate,” said Sue Klug, president of Albertsons Southern California "
                 "Division."),
             (2, "“We’re excited for their special achievement and thankful for the generosity of Albertsons customers "
                 "who are making this donation possible.”")]
    found = read_release("At-Risk Youth Earn 420 Turkey Dinners", paras)
    assert [(q.pid, q.speaker, q.stated) for q in found.quotes] == [(1, ("Sue", "Klug", ""), True),
                                                                  (2, ("Sue", "Klug", ""), False)]


def test_headline_subject_and_profile_quotes():
    # San Diego County DA profile headlines
    m = headline_subject("Meet Deputy District Attorney Jack Yeh")
    assert m is not None and (m.first, m.last, m.title) == ("Jack", "Yeh", "Deputy District Attorney")
    m = headline_subject("Meet Administrative Analyst Carmen Olut")
    assert m is not None and (m.first, m.last) == ("Carmen", "Olut")
    # Brooklyn (Kings County) DA: surnames only, and 'Help Brooklyn' read as a name (a known misreading, pinned)
    m = headline_subject("Rep. Rose, DA Gonzalez and DA McMahon Announce PPE Donation to Help Protect Brooklyn and "
                         "Staten Island DA Staff")
    assert m is not None and (m.first, m.last) == ("Help", "Brooklyn")
    # Two unattributed opening quotations (San Diego County DA wage theft release) under a profile headline
    paras = [(1, "“Wage theft is oppressive and impacts the livelihood and dignity of hard-working people,”"),
             (2, "“Wage theft is a serious and persistent problem which demands increased collaboration with "
                 "government agencies and community leaders,”")]
    found = read_release("Meet Deputy District Attorney Jack Yeh", paras)
    assert found.quotes == [] and found.unattributed == [(1, 1, 88), (2, 1, 133)]
    assert found.profile_subject is not None and found.profile_subject.last == "Yeh"
    # ... but not when a quotation is attributed
    assert read_release("Meet Deputy District Attorney Jack Yeh", [(0, paras[0][1]), *paras,
                        (3, "“Ripping off hard working families won’t be tolerated in San Diego County,” said "
                            "District Attorney Summer Stephan.")]).profile_subject is None


# -- lexicon --------------------------------------------------------------------------------------


def test_lexicon_holds_the_lists_other_modules_used_to_define():
    assert "Attorney" in lexicon.TITLE_HEADS and "defendant" in lexicon.ROLE_NOUNS
    assert lexicon.MONTHS <= lexicon.NOT_NAME and lexicon.MONTHS <= lexicon.COMMON_WORD_TOWNS
    assert lexicon.STATES["Texas"] == "TX" and lexicon.STATE_ABBR["Calif."] == "CA"
    assert lexicon.SPEECH_VERBS.startswith("(?:said|says|")
    assert "DA" in lexicon.OFFICIAL and "mr." in lexicon.WEAK_TITLES
