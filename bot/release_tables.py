"""Per-release tables: what a snapshot keeps about each release, so the corpus-wide tables built from them
(each source's states, its home city's police) are re-derived from rows when releases are added or removed
(bot/incremental.py), without reading the other releases again.

To add a table: write `row(release, paragraphs, gazetteer) -> value` (a pure function of one release) and
list it in TABLES; the build computes every release's row, an incremental update the changed releases'
rows only, and `snapshot.release_rows[name]` holds them (release id -> row).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from bot.extract.place_context import homes_from_rows, police_row, state_row, states_from_rows
from bot.extract.places import Gazetteer
from bot.models import Paragraph, ParagraphTable, Release
from bot.parallel import PoolJob

RowFn = Callable[[Release, list[Paragraph], Gazetteer], Any]
Rows = dict[str, dict[str, Any]]  # table name -> release id -> row


def _states(rel: Release, paragraphs: list[Paragraph], gaz: Gazetteer) -> Any:
    return state_row(" ".join(p.text for p in paragraphs if p.number <= 6), rel.dateline, gaz)


def _police(_rel: Release, paragraphs: list[Paragraph], gaz: Gazetteer) -> Any:
    return police_row((p.text for p in paragraphs), gaz)


TABLES: dict[str, RowFn] = {"states": _states, "police": _police}
_CHUNK = 64  # releases per worker task
_MIN_PARALLEL = 400  # fewer releases are read in this process (a pool costs about a second to start)
_Job = tuple[Release, int, list[int], list[str]]  # a release, its first paragraph id, paragraph numbers, texts


def release_rows(releases: Mapping[str, Release], paragraphs_of: Callable[[str], list[Paragraph]],
                 release_ids: Iterable[str]) -> Rows:
    """Every table's rows for these releases."""
    gaz = Gazetteer.default()
    out: Rows = {name: {} for name in TABLES}
    for rid in release_ids:
        paragraphs = paragraphs_of(rid)
        for name, fn in TABLES.items():
            out[name][rid] = fn(releases[rid], paragraphs, gaz)
    return out


def _rows_of(jobs: list[_Job]) -> list[tuple[Any, ...]]:
    """Every table's row (in TABLES order) for a chunk of releases (a build worker's task: module-level,
    picklable; paragraphs travel as columns)."""
    gaz = Gazetteer.default()
    out = []
    for rel, first, numbers, texts in jobs:
        paragraphs = [Paragraph(first + i, rel.id, n, t) for i, (n, t) in enumerate(zip(numbers, texts, strict=True))]
        out.append(tuple(fn(rel, paragraphs, gaz) for fn in TABLES.values()))
    return out


class RowsJob:
    """`release_rows` for every release, computed on `workers` processes while this process does other
    work; `result()` gives the same rows as `release_rows`."""

    def __init__(self, releases: Mapping[str, Release], paragraphs: ParagraphTable,
                 spans: Mapping[str, tuple[int, int]], workers: int) -> None:
        self.order = list(releases)
        jobs: list[_Job] = []
        for rid in self.order:
            lo, hi = spans[rid]
            jobs.append((releases[rid], lo, paragraphs.numbers[lo:hi], paragraphs.texts[lo:hi]))
        self.job = PoolJob(_rows_of, jobs, workers, _CHUNK, _MIN_PARALLEL)

    def result(self) -> Rows:
        out: Rows = {name: {} for name in TABLES}
        for rid, row in zip(self.order, self.job.result(), strict=True):
            for name, value in zip(TABLES, row, strict=True):
                out[name][rid] = value
        return out

    def __enter__(self) -> RowsJob:
        return self

    def __exit__(self, *exc: object) -> None:
        self.job.close()


def release_spans(release_ids: list[str]) -> dict[str, tuple[int, int]]:
    """Release id -> its paragraphs' ids [lo, hi) (a release's paragraphs are numbered together)."""
    spans: dict[str, tuple[int, int]] = {}
    for pid, rid in enumerate(release_ids):
        if rid:  # '': a paragraph of a release an incremental update removed
            spans[rid] = (spans.get(rid, (pid, pid))[0], pid + 1)
    return spans


def merged_rows(old: Rows, dropped: Iterable[str], new: Rows) -> Rows:
    """`old` without the dropped releases' rows, plus `new` (old is not changed)."""
    gone = set(dropped)
    return {name: {**{r: v for r, v in old.get(name, {}).items() if r not in gone}, **new.get(name, {})}
            for name in TABLES}


def source_tables(releases: Mapping[str, Release], rows: Rows, configured: dict[str, str]
                  ) -> tuple[dict[str, set[str]], dict[str, frozenset[str]]]:
    """(source states, home cities) of the corpus from its rows (see bot.extract.place_context)."""
    states = states_from_rows(((releases[rid].source, row) for rid, row in rows["states"].items()), configured)
    homes = homes_from_rows(((rel.source, rows["police"][rid]) for rid, rel in releases.items()))
    return states, homes
