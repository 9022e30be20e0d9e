"""The audit trail of corpus changes: every reload, add and remove, who asked, when, how long it took
and how it ended, as one line each (`/status` shows the last of each; Discord posts each line to the
configured log channels)."""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime

KINDS = ("reload", "add", "remove")


@dataclass(frozen=True, slots=True)
class Event:
    kind: str  # reload, add, remove
    who: str
    at: str  # ISO instant, UTC
    seconds: float
    ok: bool
    outcome: str  # one line: what changed, or why it failed
    guild_id: int | None = None  # the server it was asked in (None: CLI or a DM)

    def line(self) -> str:
        where = f" in server {self.guild_id}" if self.guild_id is not None else ""
        state = "ok" if self.ok else "FAILED"
        return f"{self.at} {self.kind} by {self.who}{where}: {state} in {self.seconds:.1f} s — {self.outcome}"


class Audit:
    """The recent events, newest last (kept in memory: a restart starts a new trail; the log channel and
    the process log keep the old lines)."""

    KEEP = 500

    def __init__(self) -> None:
        self._events: deque[Event] = deque(maxlen=self.KEEP)
        self._lock = threading.Lock()

    def record(self, kind: str, who: str, seconds: float, ok: bool, outcome: str,
               guild_id: int | None = None) -> Event:
        assert kind in KINDS, kind
        event = Event(kind, who, now_iso(), round(seconds, 2), ok, " ".join(outcome.split())[:300], guild_id)
        with self._lock:
            self._events.append(event)
        return event

    def last(self, kind: str, guild_id: int | None = None) -> Event | None:
        """The newest event of a kind; for add/remove, the newest in this server (a reload is global)."""
        with self._lock:
            for e in reversed(self._events):
                if e.kind == kind and (kind == "reload" or guild_id is None or e.guild_id == guild_id):
                    return e
        return None

    def events(self) -> list[Event]:
        with self._lock:
            return list(self._events)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
