"""The terminal side of newsroom administration: `pressbot add FILE... --guild ID [--replace]` and
`pressbot remove RELEASE_ID --guild ID` run the same core functions as Discord's `/add` and `/remove`
(bot/newsroom.py) and print the same answer through the terminal renderer; `pressbot index --watch` runs
the folder watcher (bot/watch.py) in the foreground, printing each batch's outcome until Ctrl-C."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import stat
import sys
from pathlib import Path

from bot.config import Config
from bot.newsroom import add_files, remove_release
from bot.render_text import render_json, render_text
from bot.shell import style_for
from bot.store import SnapshotStore
from bot.uploads import Refused, check_size
from bot.watch import Batch, Watcher, batch_answer

log = logging.getLogger("pressbot.audit")


def guild_problem(cfg: Config, command: str, guild_id: int | None) -> str | None:
    """Why `add`/`remove` cannot run for this `--guild` (None: it can)."""
    if guild_id is None:
        return (f"pressbot {command}: --guild GUILD_ID is required: releases are added to and removed from one "
                f"server's own corpus folder (guilds: in {cfg.path})")
    if guild_id not in cfg.guilds:
        return f"pressbot {command}: no server {guild_id} in {cfg.path} (guilds:)"
    return None


def read_files(paths: list[str], max_mb: float) -> tuple[list[tuple[str, bytes]], list[tuple[str, str]]]:
    """Each file's name and bytes, as an upload would arrive; those refused unread (too large, unreadable)."""
    files: list[tuple[str, bytes]] = []
    refused: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw)
        try:
            st = path.stat()
            if not stat.S_ISREG(st.st_mode):
                raise Refused(f"{path.name}: not a regular file")
            check_size(path.name, st.st_size, max_mb)
            files.append((path.name, path.read_bytes()))
        except Refused as e:
            refused.append((path.name, str(e)))
        except OSError as e:
            refused.append((path.name, f"cannot be read: {e.strerror or e}"))
    return files, refused


def cli_user() -> str:
    try:
        return f"cli ({getpass.getuser()})"
    except (KeyError, OSError):  # no login name (a container without a passwd entry)
        return "cli"


def add_or_remove(store: SnapshotStore, args: argparse.Namespace) -> int:
    """`pressbot add` / `pressbot remove`: the answer Discord would give, printed; exit 1 when nothing changed."""
    user = cli_user()
    if args.cmd == "add":
        files, refused = read_files(args.files, store.cfg.corpus.max_file_mb)
        ans, event = asyncio.run(add_files(store, args.guild, user, files, args.replace, refused))
    else:
        ans, event = asyncio.run(remove_release(store, args.guild, user, args.release))
    log.info("%s", event.line())
    print(render_json(ans) if args.json else render_text(ans, style_for(sys.stdout)))
    return 0 if ans.found else 1


def watch_terminal(store: SnapshotStore, as_json: bool = False) -> int:
    """Watch the corpus folders in the foreground; print every batch (all servers' files) until Ctrl-C."""
    style = style_for(sys.stdout)

    def show(batch: Batch) -> None:
        ans = batch_answer(store, batch)
        print(render_json(ans) if as_json else render_text(ans, style), flush=True)

    watcher = Watcher(store, on_batch=show)
    print(f"watching {len(store.cfg.corpus_paths)} corpus folder(s) every {watcher.interval_s:g} s "
          f"({len(watcher.known)} files); Ctrl-C to stop", file=sys.stderr, flush=True)
    try:
        asyncio.run(watcher.run())
    except KeyboardInterrupt:
        print("stopped watching", file=sys.stderr)
    return 0
