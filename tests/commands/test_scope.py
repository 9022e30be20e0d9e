"""Filters a reporter types (`source:`, `since:`, `until:`) are split from the query and checked."""

from __future__ import annotations

import pytest

from bot.commands.scope import FilterError, Scope, parse_filters
from bot.models import Release

SOURCES = {"kings_ny": "Brooklyn District Attorney (Kings County)", "dallas_tx": "Dallas County District Attorney"}


def rel(source: str, date: str | None) -> Release:
    return Release(id="x", path="x", title="t", source=SOURCES.get(source, source), source_key=source, date=date)


def test_flags_are_split_from_the_query_in_any_position():
    text, scope = parse_filters("hate crime source:kings_ny since:2025", SOURCES)
    assert text == "hate crime" and scope == Scope(frozenset({"kings_ny"}), "2025", None)
    text, scope = parse_filters("since:2020-3 Garrison until:2021-12-31", SOURCES)
    assert text == "Garrison" and scope.since == "2020-03" and scope.until == "2021-12-31"
    assert parse_filters("the sources of funding", SOURCES) == ("the sources of funding", Scope())


def test_a_source_is_named_by_folder_display_name_or_a_unique_prefix():
    assert parse_filters("x source:\"Dallas County District Attorney\"", SOURCES)[1].sources == {"dallas_tx"}
    assert parse_filters("x source:brooklyn", SOURCES)[1].sources == {"kings_ny"}
    with pytest.raises(FilterError, match="no source called 'orange'"):
        parse_filters("x source:orange", SOURCES)


def test_bad_dates_get_a_one_line_usage_error():
    for bad, words in (("since:yesterday", "expects a date"), ("until:2025-13", "not a real date"),
                       ("since:2025 until:2024", "is after")):
        with pytest.raises(FilterError, match=words):
            parse_filters(f"x {bad}", SOURCES)


def test_the_scope_keeps_releases_by_source_and_date_prefix():
    scope = Scope(frozenset({"kings_ny"}), "2020", "2021-06")
    assert scope.allows(rel("kings_ny", "2020-01-05")) and scope.allows(rel("kings_ny", "2021-06-30"))
    assert not scope.allows(rel("kings_ny", "2019-12-31")) and not scope.allows(rel("kings_ny", "2021-07-01"))
    assert not scope.allows(rel("dallas_tx", "2020-05-05")) and not scope.allows(rel("kings_ny", None))
    assert Scope().allows(rel("dallas_tx", None))
