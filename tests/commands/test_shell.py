"""`pressbot shell`: history file, completion, styles only on a terminal without NO_COLOR, word wrapping."""

from __future__ import annotations

import io
import re
from pathlib import Path

from bot.models import Answer, Citation
from bot.render_text import BOLD, DIM, TextStyle, render_text
from bot.shell import completions, history_path, run_shell, style_for

ANSI = re.compile(r"\x1b\[[0-9;]*m")


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _answer() -> Answer:
    c = Citation("r", "A fairly long release title about several things", "2024-11-18",
                 "Orange County District Attorney", "/x", "https://da.example/r/1", 11,
                 "District Attorney Todd Spitzer said the extraordinarily-long-hyphenated-word case mattered "
                 "to everyone in the county and beyond it.", ["Todd Spitzer"])
    return Answer("search", "x", True, "1 result", citations=[c])


def test_history_lives_in_the_users_state_dir():
    assert history_path({"XDG_STATE_HOME": "/s", "HOME": "/h"}) == Path("/s/pressbot/history")
    assert history_path({"HOME": "/h"}) == Path("/h/.local/state/pressbot/history")


def test_styles_only_on_a_terminal_without_no_color():
    assert style_for(_Tty(), {}).color and style_for(_Tty(), {}).width
    assert not style_for(_Tty(), {"NO_COLOR": "1"}).color
    assert style_for(io.StringIO(), {}) == TextStyle(color=False, width=None)
    styled = render_text(_answer(), TextStyle(color=True))
    assert f"{BOLD}Todd Spitzer\x1b[0m" in styled and "**" not in styled
    assert f"{DIM}    — A fairly long release title" in styled
    assert ANSI.search(render_text(_answer())) is None  # a pipe or NO_COLOR: plain text


def test_wrapping_at_the_width_never_breaks_a_word():
    plain = render_text(_answer())
    wrapped = render_text(_answer(), TextStyle(width=40))
    words = plain.split()
    assert wrapped.split() == words  # same words, none cut or hyphen-split
    for line in wrapped.splitlines():
        assert len(line) <= 40 or " " not in line.strip()  # only a single over-long word may exceed


def test_completion_of_commands_and_names(demo_engine):
    assert completions(demo_engine, "!wh") == ["!who "]
    assert "!quote " in completions(demo_engine, "!q")
    assert completions(demo_engine, "!who Garr")[0] == "!who Tim Garrison"
    assert completions(demo_engine, "search Garr") == []


def test_shell_saves_history(demo_engine, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    lines = iter(["!who Garrison", "quit"])
    assert run_shell(demo_engine, read=lambda _p: next(lines)) == 0
    assert "Tim Garrison" in capsys.readouterr().out
    assert "!who Garrison" in (tmp_path / "pressbot" / "history").read_text(encoding="utf-8")
