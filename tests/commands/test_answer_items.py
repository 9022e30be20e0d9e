"""Typed answer items: today's JSON field names, and both renderers draw every kind the registry declares."""

from __future__ import annotations

import json

import pytest

from bot.commands.registry import REGISTRY
from bot.discord_app.render import answer_pages
from bot.items import (
    DISCORD,
    TEXT,
    ChangedRelease,
    CityItem,
    HelpEntry,
    LatestReleases,
    PersonItem,
    QuoteItem,
    ReleaseRef,
    ReloadDiff,
    SearchHit,
    SkippedFile,
    SourceCount,
    StatusEvent,
    StatusRoot,
    UnquotedPerson,
)
from bot.models import Answer
from bot.render_text import render_json, render_text

CITATION_FIELDS = {"release_id", "path", "paragraph", "title", "date", "source", "url", "text", "highlights",
                   "also_in"}


def _json(ans: Answer) -> dict:
    return json.loads(render_json(ans))


def test_who_items_keep_their_json_field_names(demo_engine):
    data = _json(demo_engine.ask("who Garrison"))
    assert set(data) >= {"command", "query", "found", "summary", "items", "citations", "suggestions", "error"}
    person = data["items"][0]
    assert set(person) == {"kind", "name", "titles", "org", "evidence", "releases", "citations"}
    assert (person["kind"], person["name"]) == ("person", "Tim Garrison")
    assert person["org"] == "Western District of Missouri" and "U.S. Attorney" in person["titles"]
    assert person["citations"] == [0] and set(data["citations"][0]) == CITATION_FIELDS
    assert data["citations"][0]["paragraph"] == 5


def test_cities_quote_sources_help_items_keep_their_json_field_names(demo_engine):
    cities = _json(demo_engine.ask("cities Relentless Pursuit"))
    assert all(set(i) == {"kind", "city", "status", "citation"} for i in cities["items"])
    assert {i["city"]: i["status"] for i in cities["items"]}["St. Louis"] == "excluded"
    assert cities["releases"] == ["corpus/operation-relentless-pursuit"]
    quote = _json(demo_engine.ask("quote Barr"))
    assert set(quote["items"][0]) == {"kind", "speaker", "text", "citation"}
    assert quote["items"][0]["text"].startswith("Americans deserve to live in safety")
    sources = _json(demo_engine.ask("sources"))
    assert [i["kind"] for i in sources["items"]] == ["source", "latest"]
    assert set(sources["items"][0]) == {"kind", "source", "releases"}
    assert set(sources["items"][1]["latest"][0]) == {"title", "date", "source", "id", "path", "url"}
    helped = _json(demo_engine.ask("help"))["items"]
    assert [i["command"] for i in helped] == [s.name for s in REGISTRY.engine_commands()]
    assert set(helped[0]) == {"kind", "command", "usage", "description", "slash", "example"}
    assert helped[0]["usage"] == "!who NAME" and helped[0]["slash"] == "/who name:"
    assert helped[0]["example"] == "!who Garrison"


# One item of every kind, each with a marker that must show in exactly the targets its kind draws for.
SAMPLES = {
    PersonItem: PersonItem("Mark Person", ["Chief"], None, 3, 2, [0]),
    CityItem: CityItem("Markville", "included", None),
    QuoteItem: QuoteItem("Someone", "Mark my words.", 0),
    UnquotedPerson: UnquotedPerson("Mark Silent"),
    SearchHit: SearchHit(1.5, 0.9, 0),
    SourceCount: SourceCount("Mark Gazette", 7),
    LatestReleases: LatestReleases([ReleaseRef("Mark headline", "2020-01-02", "src", "src/a", "a.txt", None)]),
    HelpEntry: HelpEntry("mark", "!mark TEXT", "marks things"),
    ReloadDiff: ReloadDiff(["src/mark"], [], []),
    SkippedFile: SkippedFile("mark.bin", "binary file"),
    ChangedRelease: ChangedRelease("added", "Mark headline", "alpha/mark"),
    StatusRoot: StatusRoot("markroot", 3, 9, 1),
    StatusEvent: StatusEvent("reload", "2026-01-01 reload by mark: ok"),
}


@pytest.mark.parametrize("spec", list(REGISTRY), ids=lambda s: s.name)
def test_both_renderers_draw_every_item_kind_of_every_command(spec):
    for kind in spec.items:
        item = SAMPLES[kind]
        ans = Answer(spec.name, "q", True, "summary", items=[item])
        text = render_text(ans).removeprefix("summary")
        embed = answer_pages(ans)[0].description.removeprefix("summary")
        assert ("Mark" in text or "mark" in text) == (TEXT in kind.TARGETS), (kind, text)
        assert ("Mark" in embed or "mark" in embed) == (DISCORD in kind.TARGETS), (kind, embed)
        assert _json(ans)["items"][0]["kind"] == kind.KIND


def test_discord_lines_escape_and_bold_while_the_terminal_prints_as_written():
    people = Answer("who", "x", True, "s", items=[PersonItem("A *star*", ["Chief"], "Police Dept", 1, 1, [0])])
    assert "• **A \\*star\\*** — Chief · Police Dept · 1 release [1]" in answer_pages(people)[0].description
    skipped = Answer("reload", "", True, "s", items=[SkippedFile("dir/x.pdf", "too *large*")])
    assert render_text(skipped) == "s\n  skipped dir/x.pdf: too *large*"
    assert "• skipped `dir/x.pdf`: too \\*large\\*" in answer_pages(skipped)[0].description
    cities = Answer("cities", "x", True, "s", items=[CityItem("A", "included", 0), CityItem("B", "excluded", 0),
                                                      CityItem("C", "included", None)])
    assert answer_pages(cities)[0].description == "s\n**Cities:** A, C\n**Not part of it:** B"
