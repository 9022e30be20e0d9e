"""`pressbot shell` under a real pseudo-terminal: readline line editing reaches the engine as the edited line
(arrow keys move the cursor; no `^[[D` escape bytes in the query). Demo corpus, tmp config and cache."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time

import pytest

from tests.helpers import ROOT, write_config

pytest.importorskip("readline", reason="readline is not available in this Python: the shell has no line editing")
pty = pytest.importorskip("pty", reason="no pseudo-terminals on this platform")

LEFT = b"\x1b[D"  # what a terminal sends for the left-arrow key (ANSI / xterm)
PROMPT = b"pressbot> "


class _Shell:
    def __init__(self, tmp_path) -> None:
        cfg = write_config(tmp_path, [ROOT / "corpus"])
        env = {**os.environ, "TERM": "xterm", "NO_COLOR": "1", "XDG_STATE_HOME": str(tmp_path / "state"),
               "INPUTRC": os.devnull, "COLUMNS": "200", "LINES": "50"}
        self.master, slave = pty.openpty()
        self.proc = subprocess.Popen([sys.executable, "-m", "bot", "shell", "--config", str(cfg)], cwd=ROOT,
                                     env=env, stdin=slave, stdout=slave, stderr=slave, close_fds=True)
        os.close(slave)
        self.out = b""

    def until(self, needle: bytes, timeout: float = 60) -> bytes:
        """Read until `needle` appears after what was already consumed; fail (never hang) after `timeout`."""
        start, deadline = len(self.out), time.monotonic() + timeout
        while needle not in self.out[start:]:
            left = deadline - time.monotonic()
            try:
                ready = left > 0 and select.select([self.master], [], [], min(left, 0.5))[0]
                chunk = os.read(self.master, 65536) if ready else b""
            except OSError:  # EIO: the shell exited and closed its terminal
                chunk = b""
                left = 0
            if left <= 0:
                pytest.fail(f"no {needle!r} from pressbot shell; output so far:\n{self.out.decode(errors='replace')}")
            self.out += chunk
        return self.out[start:]

    def type(self, keys: bytes) -> None:
        for i in range(len(keys)):  # a key at a time, as a person types
            os.write(self.master, keys[i:i + 1])

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(10)
        os.close(self.master)


@pytest.fixture
def shell(tmp_path):
    sh = _Shell(tmp_path)
    try:
        yield sh
    finally:
        sh.close()


def test_arrow_keys_edit_the_line_before_the_engine_sees_it(shell):
    shell.until(PROMPT)
    # `!who Garrisn`, left twice, `o`: the cursor was before `s`, so the line is `!who Garriosn`
    shell.type(b"!who Garrisn" + LEFT * 2 + b"o\r")
    answer = shell.until(PROMPT, 30)
    text = answer.decode(errors="replace")
    assert "Closest match for 'Garriosn'" in text, text  # the edited query, as the engine read it
    assert "Tim Garrison" in text and "U.S. Attorney" in text
    assert "No release names" not in text and "Garrisno" not in text  # what the raw bytes would have asked
    # one left arrow puts `o` where it belongs: the exact name, no fuzzy match
    shell.type(b"!who Garrisn" + LEFT + b"o\r")
    exact = shell.until(PROMPT, 30).decode(errors="replace")
    assert "Tim Garrison — U.S. Attorney" in exact and "Closest match" not in exact, exact
    shell.type(b"quit\r")
    assert shell.proc.wait(10) == 0
