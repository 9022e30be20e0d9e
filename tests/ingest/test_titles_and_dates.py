"""Titles are headlines, never page metadata; dates come from the page or the file name before the story.
Verbatim page openings from two offices (Dallas County TX PDF text, Orange County CA web page)."""

from __future__ import annotations

from bot.ingest.cleaning import find_date, find_title, is_metadata_line, rebuild_paragraphs, title_from_path

# Dallas County DA (dallas_tx, a PDF release): a date + contact line, then phone, e-mail, the headline
DALLAS = """March 10, 2021 Contact: Tasha Tsiaperas
214-653-3756 (Office)
Tasha.Tsiaperas@DallasCounty.org

Dallas County DA’s Office recommends 1988 conviction be vacated

The Dallas County District Attorney’s Office is recommending that a 1988 aggravated robbery
conviction be vacated.
"""
# Orange County DA (orange_ca, a web page): a bare label, then the page's own headline
ORANGE = """MEDIA ADVISORY

Date: January 26, 2026

Santa Ana Gang Member Charged with Attempted Murder in Broad Daylight Drive-By

SANTA ANA – A gang member was charged today with attempted murder.
"""


def test_metadata_lines_are_never_titles():
    for line in ("MEDIA ADVISORY", "Date: January 26, 2026", "Date:\u00a0 June 2, 2022",
                 "May 13, 2021 Contact: Tasha Tsiaperas", "214-653-3756 (Office)", "3 min read", "2 0 2 2"):
        assert is_metadata_line(line), line
    for line in ("Dallas County DA’s Office recommends 1988 conviction be vacated", "May Day rally ends in arrests",
                 "Update: Man charged in killing"):
        assert not is_metadata_line(line), line


def test_the_headline_follows_the_metadata_lines():
    assert find_title(rebuild_paragraphs(DALLAS, False), None, set()) == (
        "Dallas County DA’s Office recommends 1988 conviction be vacated")
    assert find_title(rebuild_paragraphs(ORANGE, False), None, set()) == (
        "Santa Ana Gang Member Charged with Attempted Murder in Broad Daylight Drive-By")


def test_no_headline_falls_back_to_the_file_name():
    blocks = rebuild_paragraphs("MEDIA ADVISORY\n\nDate: May 21, 2009\n", False)
    assert find_title(blocks, None, set(), path="orange_ca/press_media-advisory-18.txt") == "Media advisory 18"
    assert title_from_path("san_diego_ca/news_1-million-in-restitution-ordered.txt") == (
        "1 million in restitution ordered")


def test_compact_and_separated_file_name_dates_beat_story_dates():
    story = ["The murder happened on June 1, 1990."]
    assert find_date(story, None, "kings_ny/2015_09_09_insurance-agent.txt") == "2015-09-09"
    assert find_date(story, None, "newsroom/20230611_officer-honored.txt") == "2023-06-11"
    assert find_date(story, None, "newsroom/20231399_not-a-date.txt") == "1990-06-01"


def test_an_inline_dash_on_its_own_line_is_rejoined_but_a_list_bullet_is_not():
    # Orange County (orange_ca, a web page): an age split around its dash by page markup
    orange = ("At approximately 8:00 p.m. on Nov. 3, 2001,\n19\n–\nyear-old Jane Doe was waiting at a bus stop on "
              "Main Street in Orange.")
    assert [b.text for b in rebuild_paragraphs(orange, False)] == [
        "At approximately 8:00 p.m. on Nov. 3, 2001, 19 – year-old Jane Doe was waiting at a bus stop on Main "
        "Street in Orange."]
    # Kings County (kings_ny, a web page): a compound split around its dash; a name and title around a dash
    kings = "post\n–\nrelease supervision."
    assert [b.text for b in rebuild_paragraphs(kings, False)] == ["post – release supervision."]
    kings_name = ("Michael Jacobson\n–\nExecutive Director of the CUNY Institute for State and Local Governance.")
    assert len(rebuild_paragraphs(kings_name, False)) == 1
    # Orange County: a media advisory's bullets stay separate items
    bullets = ("During this press conference, I will:\n–\nexplain the course and scope of the investigation "
               "conducted by the Orange County District Attorney’s Office;\n–\nexplain the nature and "
               "circumstances of the charges; and\n–\nrequest the public’s help")
    assert len(rebuild_paragraphs(bullets, False)) == 4


def test_a_number_cut_inside_a_digit_group_is_rejoined_but_a_page_number_is_not():
    # the shape: span markup cutting '$1,250' after '$1,2' (no dev office prints one)
    assert len(rebuild_paragraphs("The victim lost $1,2\n50 in the scheme.", False)) == 1
    # Dallas County (dallas_tx, PDF text): a complete amount, then a page number on its own line
    dallas = "of the stolen property or services is $100 or more but less than $750\n10"
    assert len(rebuild_paragraphs(dallas, False)) == 2
    # Orange County (orange_ca, a web page): a date's year is complete; the time after it is its own line
    orange = "Pre-trial, Feb. 8, 2016,\n8:30 a.m.,"
    assert [b.text for b in rebuild_paragraphs(orange, False)] == ["Pre-trial, Feb. 8, 2016, 8:30 a.m.,"]
