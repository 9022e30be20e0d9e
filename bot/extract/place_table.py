"""What `cities` reads in each release, computed once at build time and saved in the snapshot: the
places of every paragraph, read as the story's and as background (datelines included), and the first
phrase counting cities ('14 participating cities'). None of it depends on a query.

A release's table depends on its own paragraphs and dateline, on its source's usual states and on the
corpus's person words: `release_places` computes one release's table (an incremental update calls it
for each added or changed release; a change of `Snapshot.source_states` or `person_words` changes
every release's table)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from bot.extract.place_context import release_states
from bot.extract.places import PlaceMention, find_places, reads_dateline
from bot.ingest.corpus import Corpus
from bot.models import Release
from bot.parallel import PoolJob

# A place in a paragraph: (name, start, end, excluded, agency) - PlaceMention's fields as a plain tuple
# (a snapshot holds some 100,000 of them: tuples pickle and load several times faster than objects).
Place = tuple[str, int, int, bool, bool]
# One paragraph of a release that names a place or counts cities:
# (its position in the release, places as the story's, places as background, (phrase, start, end) | None)
ParagraphPlaces = tuple[int, tuple[Place, ...], tuple[Place, ...], tuple[str, int, int] | None]

_COUNT = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})\s+(?:of\s+)?"
                    r"(?:[\w’'-]+\s+){0,4}?(?:cities|towns)\b", re.IGNORECASE)
_PLACES_WORD = re.compile(r"cities|towns", re.IGNORECASE)  # what every _COUNT match ends with


def counts_cities(phrase: str) -> bool:
    """'14 participating cities', 'seven other cities' — not '130 officers patrolled the cities'."""
    middle = phrase.split()[1:-1]
    return not any(w.endswith("ed") or w.lower() in ("the", "officers", "agents", "people", "in") for w in middle)


def count_phrase(text: str) -> tuple[str, int, int] | None:
    """The first phrase of a paragraph that counts cities or towns, with its span."""
    if not _PLACES_WORD.search(text):
        return None  # one quick scan: the counting pattern is slow to fail on every paragraph
    m = next((c for c in _COUNT.finditer(text) if counts_cities(c.group(0))), None)
    return (m.group(0), m.start(), m.end()) if m else None


def _plain(found: list[PlaceMention]) -> tuple[Place, ...]:
    return tuple((m.name, m.start, m.end, m.excluded, m.agency) for m in found)


def release_places(texts: Sequence[str], dateline: str | None, source_states: set[str],
                   person_words: frozenset[str]) -> tuple[ParagraphPlaces, ...]:
    """One release's table: each paragraph (of `texts`, the release's paragraphs in order) that names a
    place or counts cities. `source_states` are the release's source's usual states."""
    states = release_states(texts, dateline, source_states)
    rows: list[ParagraphPlaces] = []
    for i, text in enumerate(texts):
        story = _plain(find_places(text, states, person_words))
        # only a paragraph opening with a dateline reads differently as background (its dateline's city)
        background = _plain(find_places(text, states, person_words, dateline=True)) if reads_dateline(text) else story
        count = count_phrase(text)
        if story or background or count:
            rows.append((i, story, background, count))
    return tuple(rows)


_Job = tuple[list[str], str | None, set[str], frozenset[str]]


def place_tables_of(jobs: list[_Job]) -> list[tuple[ParagraphPlaces, ...]]:
    """`release_places` over a chunk of releases (a build worker's task: module-level, picklable)."""
    return [release_places(texts, dateline, states, words) for texts, dateline, states, words in jobs]


_CHUNK = 64  # releases per worker task
_MIN_PARALLEL = 400  # fewer releases are read in this process (a pool costs about a second to start)


def release_ranges(release_ids: Sequence[str]) -> dict[str, tuple[int, int]]:
    """Release id -> (first paragraph id, last + 1): a release's paragraphs are numbered together."""
    ranges: dict[str, tuple[int, int]] = {}
    for pid, rid in enumerate(release_ids):
        if not rid:
            continue  # '': a paragraph of a release an incremental update removed
        lo, _hi = ranges.get(rid, (pid, pid))
        ranges[rid] = (lo, pid + 1)
    return ranges


def start_place_tables(corpus: Corpus, source_states: dict[str, set[str]], person_words: frozenset[str],
                       workers: int = 1) -> tuple[list[str], PoolJob[_Job, tuple[ParagraphPlaces, ...]]]:
    """Every release's table (`release_places`), started on `workers` processes: (release ids, the job
    whose `result()` gives their tables in that order). The same for any number of workers."""
    texts = corpus.paragraphs.texts
    order: list[str] = []
    jobs: list[_Job] = []
    for rid, (lo, hi) in release_ranges(corpus.paragraphs.release_ids).items():
        rel = corpus.releases[rid]
        order.append(rid)
        jobs.append((texts[lo:hi], rel.dateline, source_states.get(rel.source, set()), person_words))
    return order, PoolJob(place_tables_of, jobs, workers, _CHUNK, _MIN_PARALLEL)


def updated_places(old: dict[str, tuple[ParagraphPlaces, ...]], releases: Mapping[str, Release],
                   texts: Sequence[str], ranges: Mapping[str, tuple[int, int]], dropped: Iterable[str],
                   states: tuple[dict[str, set[str]], dict[str, set[str]]],
                   words: tuple[frozenset[str], frozenset[str]]) -> dict[str, tuple[ParagraphPlaces, ...]]:
    """The tables after an incremental update: `old`'s for the releases kept, unless their source's usual
    states changed (`states`: before, after) or they write a person word that was added or dropped
    (`words`: before, after); the others (new, changed, affected) read again. Equal to a full build's."""
    before_states, after_states = states
    moved = {s for s in set(before_states) | set(after_states) if before_states.get(s) != after_states.get(s)}
    delta = words[0] ^ words[1]
    gone = set(dropped)
    out: dict[str, tuple[ParagraphPlaces, ...]] = {}
    for rid, rel in releases.items():
        lo, hi = ranges[rid]
        kept = old.get(rid) if rid not in gone and rel.source not in moved else None
        if kept is not None and delta:
            body = "\n".join(texts[lo:hi])
            if any(w in body for w in delta):  # a candidate name can be judged a person word differently
                kept = None
        out[rid] = kept if kept is not None else release_places(
            texts[lo:hi], rel.dateline, after_states.get(rel.source, set()), words[1])
    return out
