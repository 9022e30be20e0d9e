"""The audit trail of corpus changes: every reload, add, remove and watched-folder batch, who asked, when,
how long it took and how it ended, as one line each (`/status` shows the last of each; Discord posts each
line to the configured log channels).

The trail is kept in a JSON lines file (`audit.file`, default `audit.jsonl` in the cache folder): one
event per line, appended with a single write and flushed to disk, so a restart loads the recent events
and `/status` still shows the last reload/add/remove. The file is rotated (one older generation, `.1`) at
`audit.max_mb`. A line that cannot be read is skipped (and counted in the log), never fatal; a file that
cannot be written leaves the event in memory only (the change itself already happened). Events another
process appends (`pressbot add` beside a running bot) are read on the next query."""

from __future__ import annotations

import json
import logging
import os
import threading
from collections import deque
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path

KINDS = ("reload", "add", "remove", "watch")
log = logging.getLogger("pressbot.audit")


@dataclass(frozen=True, slots=True)
class Event:
    kind: str  # reload, add, remove, watch
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


_TYPES: dict[str, type | tuple[type, ...]] = {"kind": str, "who": str, "at": str, "seconds": (int, float), "ok": bool, "outcome": str}


def parse_event(line: str) -> Event | None:
    """One JSON line as an Event; None when it is not one (torn, edited, or from an unknown kind)."""
    try:
        data = json.loads(line)
    except ValueError:
        return None
    if not isinstance(data, dict) or set(data) - {f.name for f in fields(Event)}:
        return None
    if any(not isinstance(data.get(k), t) or (t is not bool and isinstance(data.get(k), bool))
           for k, t in _TYPES.items()):
        return None
    gid = data.get("guild_id")
    if data["kind"] not in KINDS or not (gid is None or (isinstance(gid, int) and not isinstance(gid, bool))):
        return None
    return Event(**data)


class Audit:
    """The recent events, newest last, backed by an append-only JSON lines file (None: memory only)."""

    KEEP = 500

    def __init__(self, path: Path | None = None, max_mb: float = 5.0) -> None:
        self.path, self.max_bytes = path, int(max_mb * 1e6)
        self._events: deque[Event] = deque(maxlen=self.KEEP)
        self._lock = threading.Lock()
        self._offset = 0  # bytes of the file already read
        self._inode: int | None = None
        self.skipped_lines = 0  # unreadable lines seen so far
        if path is not None:
            with self._lock:
                self._load_older()
                self._refresh()

    def record(self, kind: str, who: str, seconds: float, ok: bool, outcome: str,
               guild_id: int | None = None) -> Event:
        assert kind in KINDS, kind
        event = Event(kind, who, now_iso(), round(seconds, 2), ok, " ".join(outcome.split())[:300], guild_id)
        with self._lock:
            if self.path is not None and self._append(event):
                self._refresh()  # reads the line back (and any another process appended first)
            else:
                self._events.append(event)
        return event

    def last(self, kind: str, guild_id: int | None = None) -> Event | None:
        """The newest event of a kind; for add/remove/watch, the newest in this server (a reload is global)."""
        with self._lock:
            self._refresh()
            for e in reversed(self._events):
                if e.kind == kind and (kind == "reload" or guild_id is None or e.guild_id == guild_id):
                    return e
        return None

    def events(self) -> list[Event]:
        with self._lock:
            self._refresh()
            return list(self._events)

    def _append(self, event: Event) -> bool:
        """Write one line (rotating first when the file is full); False when the file cannot be written."""
        assert self.path is not None
        line = json.dumps(asdict(event), ensure_ascii=False) + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if self.path.exists() and self.path.stat().st_size >= self.max_bytes:
                os.replace(self.path, self.path.with_name(self.path.name + ".1"))
            fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
            try:
                size = os.fstat(fd).st_size
                if size and os.pread(fd, 1, size - 1) != b"\n":  # a torn last line: never glue onto it
                    line = "\n" + line
                os.write(fd, line.encode())
                os.fsync(fd)
            finally:
                os.close(fd)
            return True
        except OSError as e:
            log.warning("audit trail %s cannot be written (%s); this event is kept in memory only", self.path, e)
            return False

    def _load_older(self) -> None:
        """The rotated generation's events, when the current file alone holds fewer than KEEP."""
        assert self.path is not None
        older = self.path.with_name(self.path.name + ".1")
        try:
            data = older.read_bytes() if older.is_file() else b""
        except OSError:
            return
        self._parse(data)

    def _refresh(self) -> None:
        """Read the lines appended since the last look (all of it again after a rotation)."""
        if self.path is None:
            return
        try:
            with open(self.path, "rb") as f:
                st = os.fstat(f.fileno())
                if st.st_ino != self._inode or st.st_size < self._offset:  # a new or rotated file
                    self._inode, self._offset = st.st_ino, 0
                if st.st_size == self._offset:
                    return
                f.seek(self._offset)
                data = f.read()
        except FileNotFoundError:
            return
        except OSError as e:
            log.warning("audit trail %s cannot be read: %s", self.path, e)
            return
        end = data.rfind(b"\n") + 1  # a line still being written is read next time
        self._offset += end
        self._parse(data[:end])

    def _parse(self, data: bytes) -> None:
        bad = 0
        for raw in data.splitlines():
            if not raw.strip():
                continue
            event = parse_event(raw.decode("utf-8", "replace"))
            if event is None:
                bad += 1
            else:
                self._events.append(event)
        if bad:
            self.skipped_lines += bad
            log.warning("audit trail %s: %d unreadable line(s) skipped", self.path, bad)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
