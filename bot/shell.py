"""`pressbot shell`: the same commands in a loop, with readline history and line editing, tab completion of
commands and known names, and (on a terminal) bold highlights, dim metadata and wrapping at its width."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from bot.commands.engine import Engine
from bot.commands.scope import Scope
from bot.render_text import TextStyle, render_text

try:
    import readline
except ImportError:  # Windows without pyreadline: a plain prompt
    readline = None  # type: ignore[assignment]

HISTORY_LENGTH = 1000
NAME_COMMANDS = ("who", "quote")


def history_path(env: dict[str, str] | None = None) -> Path:
    """`$XDG_STATE_HOME/pressbot/history`, else `~/.local/state/pressbot/history`."""
    env = dict(os.environ) if env is None else env
    state = env.get("XDG_STATE_HOME") or str(Path(env.get("HOME") or Path.home()) / ".local" / "state")
    return Path(state) / "pressbot" / "history"


def style_for(stream: TextIO, env: dict[str, str] | None = None) -> TextStyle:
    """ANSI styles only on a terminal and when NO_COLOR is unset (or empty); wrapping at its width."""
    env = dict(os.environ) if env is None else env
    tty = bool(getattr(stream, "isatty", lambda: False)())
    width = shutil.get_terminal_size((100, 24)).columns if tty else None
    return TextStyle(color=tty and not env.get("NO_COLOR"), width=width)


def completions(engine: Engine, line: str) -> list[str]:
    """Whole-line completions: a command word, or a known name after `who`/`quote`."""
    prefix = engine.cfg.discord.prefix
    bare = line.lstrip()
    lead = next((p for p in (prefix, "!", "/") if p and bare.startswith(p)), "")
    word, space, rest = bare[len(lead):].partition(" ")
    if not space:
        names = [s.name for s in engine.registry.engine_commands()]
        return [f"{lead}{n} " for n in names if n.startswith(word.lower())]
    if word.lower() not in NAME_COMMANDS or not rest.strip():
        return []
    return [f"{lead}{word} {c}" for c in engine.suggest(word.lower(), rest, 25)]


def _setup_readline(engine: Engine, path: Path) -> Callable[[], None]:
    """History loaded, completion bound; returns the function that saves the history."""
    if readline is None:
        return lambda: None
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            readline.read_history_file(path)
    readline.set_history_length(HISTORY_LENGTH)
    readline.set_completer_delims("")  # complete the whole line: names have spaces
    matches: list[str] = []

    def complete(_text: str, state: int) -> str | None:
        if state == 0:
            matches[:] = completions(engine, readline.get_line_buffer())
        return matches[state] if state < len(matches) else None

    readline.set_completer(complete)
    readline.parse_and_bind("tab: complete")

    def save() -> None:
        with contextlib.suppress(OSError):  # a read-only home: the session still worked
            readline.write_history_file(path)

    return save


def run_shell(engine: Engine, render: Callable[..., str] | None = None, scope: Scope | None = None,
              read: Callable[[str], str] = input) -> int:
    """The loop; `render` None draws text styled for stdout (`--json` passes its renderer); `scope`: the
    server it answers as (`--guild`), else as a DM."""
    prefix = engine.cfg.discord.prefix
    print(f"pressbot shell: {engine.releases_loaded} releases loaded. Type {prefix}help, or quit; "
          f"Tab completes commands and names.", file=sys.stderr)
    save = _setup_readline(engine, history_path())
    style = style_for(sys.stdout)
    try:
        while True:
            try:
                line = read("pressbot> ")
            except (EOFError, KeyboardInterrupt):
                print(file=sys.stderr)
                return 0
            if line.strip() in ("quit", "exit", ":q"):
                return 0
            if not line.strip():
                continue
            if readline is not None and read is not input:  # input() on a terminal records it itself
                readline.add_history(line)
            ans = engine.ask(line, scope=scope)
            print(render(ans) if render is not None else render_text(ans, style))
            print()
    finally:
        save()
