"""The per-release place tables `cities` reads (bot.extract.place_table), computed at build time: what
each paragraph names as the story's and as background, and the phrases counting cities."""

from __future__ import annotations

from bot.config import load_config
from bot.extract.place_context import release_states
from bot.extract.place_table import count_phrase, release_places
from bot.extract.places import find_places, reads_dateline
from bot.snapshot import build_snapshot
from tests.helpers import write_config

# Orange County DA: a dateline written in title case, then the story's own places
ORANGE = [
    "Santa Ana, Calif. – A jury found a San Clemente man guilty today of a felony hate crime for sucker punching an "
    "African American man who was working at a Laguna Beach grocery store.",
    "Deputy District Attorney Mena Guirguis of the TARGET Unit is prosecuting this case.",
    "At approximately 9:20 p.m. on July 26, 2015, Licona is accused of driving eastbound in a Nissan sedan on Highland "
    "Street in Santa Ana at 45 mph in a 25 mph speed limit zone with three passengers.",
]
# Dallas County DA: an all-caps dateline, the city's police as an agency
DALLAS = [
    "DALLAS, TX — Jaime Castro, a former Dallas police officer and past president of the Dallas Police Association, "
    "pleaded guilty Friday to one count of making a false statement to a police officer in connection with a fatal "
    "2025 crash.",
    "The plea comes nearly one year after a crash on March 15, 2025, in northwest Dallas that killed 25-year-old "
    "Atianna Washington.",
]


def test_a_title_case_dateline_is_background_only_orange():
    rows = release_places(ORANGE, "Santa Ana, Calif.", {"CA"}, frozenset())
    assert [r[0] for r in rows] == [0, 2]  # the paragraph naming no place has no row
    (_, story, background, count), (_, story2, background2, _) = rows
    assert [p[0] for p in story] == ["San Clemente", "Laguna Beach"]
    assert [p[0] for p in background] == ["Santa Ana", "San Clemente", "Laguna Beach"]
    assert background[0][1:3] == (0, 9) and count is None
    assert story2 == background2 == (("Santa Ana", 124, 133, False, False),)


def test_agency_marks_and_same_reading_without_a_title_case_dateline_dallas():
    rows = release_places(DALLAS, None, set(), frozenset())
    assert rows[0][1] == (("Dallas", 36, 42, False, False), ("Dallas", 84, 90, False, True))  # 'Dallas Police'
    assert all(story == background for _, story, background, _ in rows)
    assert rows[1][1] == (("Dallas", 77, 83, False, False),)


def test_count_phrase_orange_and_kings():
    # Orange County DA
    text = ("the prior press releases on the County’s Sex Offender Ordinance as well as the 14 other cities that "
            "have enacted the Child Safety Zone Ordinance.")
    assert count_phrase(text) == ("14 other cities", 79, 94)
    # Brooklyn (Kings County) DA: 'three cities' counted; a count of people patrolling is not
    assert count_phrase("brought the two victims to North Carolina to stay at hotels in three cities, where")[0] == \
        "three cities"
    assert count_phrase("130 officers patrolled the cities over the weekend") is None


def test_every_table_is_the_reading_of_every_paragraph(sample_dir, tmp_path):
    """The saved tables equal find_places over each paragraph in both readings, as `cities` did per query."""
    snap = build_snapshot(load_config(write_config(tmp_path, [sample_dir])), fp="test")
    assert set(snap.places) == set(snap.corpus.releases)
    rows_seen = datelines = 0
    for rid, rows in snap.places.items():
        paras = snap.paragraphs_of(rid)
        rel = snap.corpus.releases[rid]
        states = release_states([p.text for p in paras], rel.dateline, snap.source_states.get(rel.source, set()))
        by_index = {r[0]: r for r in rows}
        for i, p in enumerate(paras):
            story = [(m.name, m.start, m.end, m.excluded, m.agency) for m in find_places(p.text, states, snap.person_words)]
            bg = [(m.name, m.start, m.end, m.excluded, m.agency)
                  for m in find_places(p.text, states, snap.person_words, dateline=True)]
            row = by_index.get(i, (i, (), (), None))
            assert (list(row[1]), list(row[2]), row[3]) == (story, bg, count_phrase(p.text))
            rows_seen += bool(story)
            datelines += reads_dateline(p.text)
    assert rows_seen > 100 and datelines > 10
