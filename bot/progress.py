"""A one-line progress display for long loads (used by the CLI, the eval and the Discord runner)."""

from __future__ import annotations

import sys
import time


class ProgressBar:
    """A one-line progress display on stderr (only when stderr is a terminal, or for long loads)."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.tty = sys.stderr.isatty()
        self.last = 0.0
        self.stage = ""

    def __call__(self, done: int, total: int, stage: str) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if stage == self.stage and now - self.last < (0.1 if self.tty else 2.0) and done < total:
            return
        self.last, self.stage = now, stage
        width = 30
        filled = int(width * done / total) if total else width
        line = f"{stage:<18} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
        if self.tty:
            sys.stderr.write("\r" + line + ("\n" if done >= total else ""))
        else:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()
