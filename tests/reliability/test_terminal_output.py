"""`pressbot ask`/`shell` print user and corpus text without letting it drive the terminal."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from bot.items import SkippedFile, SourceCount
from bot.models import Answer, Citation
from bot.render_text import render_json, render_text
from bot.safe_text import terminal
from tests.helpers import ROOT, write_config

HOSTILE = "\x1b[2J\x1b]0;pwned\x07\x9b31m\u202eevil\u2066x\u2069\r\x08\x00"
DANGEROUS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _hostile_answer() -> Answer:
    cite = Citation("r", f"Title {HOSTILE}", "2020-01-01", f"src{HOSTILE}", "/x", f"https://x.org/{HOSTILE}", 4,
                    f"Sheriff Ann Lee {HOSTILE} said so.", ["Ann Lee"], also_in=[f"other{HOSTILE}"])
    return Answer("who", f"Lee{HOSTILE}", True, f"Ann Lee{HOSTILE}: sheriff",
                  items=[SourceCount(f"src{HOSTILE}", 3), SkippedFile(f"bad{HOSTILE}.txt", f"why{HOSTILE}")],
                  citations=[cite])


def test_text_output_has_no_escape_sequences_controls_or_bidi_but_keeps_its_own_layout():
    out = render_text(_hostile_answer())
    assert DANGEROUS.findall(out) == []
    assert "pwned" not in out  # an OSC title sequence is removed whole
    assert out.startswith("Ann Leeevilx: sheriff\n")
    assert "[1] “Sheriff **Ann Lee** evilx said so.”" in out and "    — Title evilx" in out


def test_json_output_escapes_what_a_terminal_would_act_on_and_keeps_the_data():
    out = render_json(_hostile_answer())
    assert DANGEROUS.findall(out) == []
    assert json.loads(out)["query"] == f"Lee{HOSTILE}"


def test_lone_surrogates_show_as_bytes():
    assert terminal("who \udcff") == "who \\xff"


def _pressbot(tmp_path, *args: bytes | str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    cfg = write_config(tmp_path, [ROOT / "corpus"])
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "LC_ALL": "C.UTF-8"}
    return subprocess.run([sys.executable, "-m", "bot", *args, "--config", str(cfg)], cwd=ROOT, env=env,
                          input=stdin, capture_output=True, timeout=120, check=False)


def test_a_non_utf8_argv_byte_answers_without_a_traceback(tmp_path):
    for extra in ((), ("--json",)):
        proc = _pressbot(tmp_path, "ask", b"!who Garr\xffison", *extra)
        assert proc.returncode == 0, proc.stderr.decode(errors="replace")
        assert b"Traceback" not in proc.stderr and b"UnicodeEncodeError" not in proc.stderr
        assert b"\\xff" in proc.stdout or b"\\udcff" in proc.stdout


def test_a_non_utf8_line_in_the_shell_is_answered(tmp_path):
    proc = _pressbot(tmp_path, "shell", stdin=b"!who Garr\xffison\x1b[31m\n!who Garrison\n")
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
    assert b"Traceback" not in proc.stderr and b"\x1b" not in proc.stdout
    assert b"Tim Garrison" in proc.stdout
