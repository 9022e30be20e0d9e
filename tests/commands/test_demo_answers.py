"""End to end on the bundled demo article: the answers the product was specified from."""

from __future__ import annotations

import json
import time

from bot.cli import main
from bot.commands.engine import parse
from tests.helpers import ROOT

DEMO_FILE = "operation-relentless-pursuit.txt"


def test_parse_accepts_prefix_slash_and_bare_forms():
    for text in ("!who Garrison", "who Garrison", "/who Garrison", "/who name:Garrison", "  !WHO   Garrison "):
        p = parse(text)
        assert (p.command, p.argument) == ("who", "Garrison")


def test_who_garrison_names_the_us_attorney_with_a_verbatim_citation(demo_engine):
    ans = demo_engine.ask("!who Garrison")
    assert ans.found
    person = ans.items[0]
    assert person.name == "Tim Garrison"
    assert "U.S. Attorney" in person.titles
    assert "Western District of Missouri" in (person.org or "")
    c = ans.citations[0]
    assert c.path.endswith(DEMO_FILE) and c.paragraph == 5
    assert c.title == "Federal operation helps Kansas City crack down on violent crime"
    assert c.text in (ROOT / "corpus" / DEMO_FILE).read_text(encoding="utf-8")


def test_who_barr_and_schmitt(demo_engine):
    barr = demo_engine.ask("!who Barr")
    assert barr.items[0].name == "William P. Barr"
    assert "U.S. Attorney General" in barr.items[0].titles
    schmitt = demo_engine.ask("who Schmitt")
    assert "Missouri Attorney General" in schmitt.items[0].titles
    assert "Schmitt support the enhancements" in schmitt.citations[0].text


def test_cities_separates_excluded_cities(demo_engine):
    ans = demo_engine.ask("!cities Relentless Pursuit")
    included = [i.city for i in ans.items if i.status == "included"]
    excluded = [i.city for i in ans.items if i.status == "excluded"]
    assert included == ["Kansas City"]
    assert sorted(excluded) == ["Springfield", "St. Louis"]
    assert "seven" in ans.summary
    assert any("not included" in c.text for c in ans.citations)


def test_quote_returns_attributed_quotations(demo_engine):
    ans = demo_engine.ask("!quote Barr")
    texts = [i.text for i in ans.items]
    assert texts[0].startswith("Americans deserve to live in safety")
    assert all(i.speaker == "William P. Barr" for i in ans.items)
    schmitt = demo_engine.ask("!quote Schmitt")
    assert schmitt.items[0].text.startswith("The fact that Kansas City consistently ranks")


def test_nothing_found_is_said_plainly(demo_engine):
    for cmd in ("!who Zorblatt", "!quote Zorblatt", "!cities Zorblatt", "!search Zorblatt"):
        ans = demo_engine.ask(cmd)
        assert not ans.found and not ans.citations, cmd
        assert "Zorblatt" in ans.summary
    assert demo_engine.ask("!who Zorblatt").summary.startswith("No release")


def test_empty_unknown_and_huge_queries_get_messages_not_tracebacks(demo_engine):
    assert demo_engine.ask("!who").error == "usage"
    assert demo_engine.ask("").command == "help"
    unknown = demo_engine.ask("!whoo Garrison")
    assert unknown.error == "unknown_command" and "who" in unknown.summary
    t = time.perf_counter()
    huge = demo_engine.ask("!search " + "crime " * 2000)
    assert huge.error == "too_long" and "limit" in huge.summary
    assert time.perf_counter() - t < 1.0


def test_sources_and_help(demo_engine):
    assert demo_engine.ask("!sources").summary.startswith("1 release from 1 source, ")
    assert {i.command for i in demo_engine.ask("!help").items} >= {"who", "cities", "quote", "search"}


def test_cli_ask_json_prints_the_structured_answer(tmp_path, capsys):
    from tests.helpers import write_config

    cfg = write_config(tmp_path, [ROOT / "corpus"])
    assert main(["ask", "!who Garrison", "--json", "--config", str(cfg)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["command"] == "who" and data["found"]
    c = data["citations"][0]
    assert {"release_id", "path", "paragraph", "text", "title", "date"} <= set(c)
    assert c["release_id"] == "corpus/operation-relentless-pursuit"
