"""The `pressbot` command: ask, shell, index [--watch], add, remove, eval and run (the Discord bot)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time

from bot.commands.engine import Engine
from bot.commands.scope import Scope
from bot.config import Config, ConfigError, load_config
from bot.empty_corpus import empty_corpus_problem
from bot.progress import ProgressBar
from bot.render_text import render_json, render_text
from bot.safe_text import terminal
from bot.store import SnapshotStore


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", help="YAML config file (default: config/pressbot.yaml)")
    common.add_argument("--corpus", action="append", metavar="DIR",
                        help="corpus folder or file to index instead of the config's (repeatable)")
    common.add_argument("--no-cache", action="store_true", help="rebuild instead of loading a saved snapshot")
    common.add_argument("--guild", type=int, metavar="GUILD_ID",
                        help="answer as that server would (its corpora + the shared ones); default: as a DM")
    common.add_argument("-v", "--verbose", action="store_true", help="log progress and details to stderr")

    p = argparse.ArgumentParser(prog="pressbot", description="Cited answers from press releases.")
    sub = p.add_subparsers(dest="cmd", required=True)
    ask = sub.add_parser("ask", parents=[common], help="answer one command, e.g. pressbot ask '!who Garrison'")
    ask.add_argument("text", help="the command, as typed in Discord")
    ask.add_argument("--json", action="store_true", help="print the structured answer as JSON")
    sh = sub.add_parser("shell", parents=[common], help="interactive loop over the same commands")
    sh.add_argument("--json", action="store_true")
    idx = sub.add_parser("index", parents=[common], help="build (or load) the snapshot and print the load report")
    idx.add_argument("--json", action="store_true")
    idx.add_argument("--watch", action="store_true",
                     help="then watch the corpus folders and apply changes until Ctrl-C (corpus.watch.interval_s)")
    add = sub.add_parser("add", parents=[common], help="add release files to a server's corpus folder and index them")
    add.add_argument("files", nargs="+", metavar="FILE", help=".txt, .md, .html, .pdf or .jsonl files")
    add.add_argument("--replace", action="store_true", help="overwrite a file of the same name")
    add.add_argument("--json", action="store_true")
    rm = sub.add_parser("remove", parents=[common], help="move one of a server's releases to the trash and re-index")
    rm.add_argument("release", metavar="RELEASE_ID", help="the release id, as `sources` or search lists it")
    rm.add_argument("--json", action="store_true")
    ev = sub.add_parser("eval", parents=[common], help="score answers against a questions file")
    ev.add_argument("questions", help="questions YAML (see shared/eval/README.md)")
    ev.add_argument("--json", action="store_true")
    ev.add_argument("--show-failures", action="store_true", help="print each failing question")
    ev.add_argument("--by-source", action="store_true", help="also print every section per source (county)")
    sub.add_parser("run", parents=[common], help="run the Discord bot")
    return p


def _open(cfg: Config, args: argparse.Namespace) -> SnapshotStore:
    return SnapshotStore.open(cfg, ProgressBar(enabled=args.verbose or args.cmd == "index"),
                              use_cache=not args.no_cache, warm=args.cmd == "shell")


def _safe_streams() -> None:
    """Undecodable bytes (a non-UTF-8 argv byte arrives as a lone surrogate) are written as `\\xNN`, never a
    UnicodeEncodeError traceback; a non-UTF-8 line typed into the shell is read, not refused."""
    for stream, errors in ((sys.stdout, "backslashreplace"), (sys.stderr, "backslashreplace"),
                           (sys.stdin, "surrogateescape")):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors=errors)


def main(argv: list[str] | None = None) -> int:
    _safe_streams()
    try:
        return _main(argv)
    except BrokenPipeError:  # `pressbot ask ... | head`: the reader went away; not an error
        sys.stderr.close()
        return 0


def _main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose or args.cmd == "run" else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    try:
        if args.cmd == "eval":
            from bot.evaluate import run_eval

            return run_eval(args)
        cfg = load_config(args.config, args.corpus)
        if args.cmd == "run":
            from bot.discord_app.runner import run_bot

            return run_bot(cfg, no_cache=args.no_cache)
        if args.cmd in ("add", "remove"):
            from bot.newsroom_cli import guild_problem

            problem = guild_problem(cfg, args.cmd, args.guild)
            if problem:
                print(problem, file=sys.stderr)
                return 2
        t0 = time.perf_counter()
        store = _open(cfg, args)
        ready_s = time.perf_counter() - t0
    except ConfigError as e:
        print(f"config error: {e}", file=sys.stderr)
        return 2
    empty = empty_corpus_problem(cfg, store.snapshot)
    if empty and args.cmd != "index":
        print(f"pressbot {args.cmd}: WARNING: {empty}; every answer will say nothing was found", file=sys.stderr)
    if args.cmd == "index":
        return _index(args, store, ready_s, empty)
    if args.cmd in ("add", "remove"):
        from bot.newsroom_cli import add_or_remove

        return add_or_remove(store, args)
    engine = Engine(store)
    scope = cli_scope(cfg, args.guild)
    if scope is None:
        print(f"pressbot {args.cmd}: no server {args.guild} in {cfg.path} (guilds:)", file=sys.stderr)
        return 2
    if args.cmd == "ask":
        from bot.shell import style_for

        ans = engine.ask(args.text, scope=scope)
        print(render_json(ans) if args.json else render_text(ans, style_for(sys.stdout)))
        return 0
    from bot.shell import run_shell

    return run_shell(engine, render_json if args.json else None, scope)


def _index(args: argparse.Namespace, store: SnapshotStore, ready_s: float, empty: str | None) -> int:
    """`pressbot index`: the load report; with `--watch`, then the folder watcher until Ctrl-C."""
    snap = store.snapshot
    report = snap.report.to_dict() | {"fingerprint": snap.fingerprint, "people": len(snap.entities.people),
                                      "index_paragraphs": snap.index.n_docs, "ready_seconds": round(ready_s, 3)}
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print(f"files seen {report['files_seen']}, releases {report['releases']}, paragraphs "
              f"{report['paragraphs']} ({report['index_paragraphs']} distinct indexed), duplicates dropped "
              f"{report['duplicate_paragraphs']}, boilerplate lines dropped {report['boilerplate_lines']}, "
              f"people {report['people']}; corpus read in {report['seconds']} s, snapshot ready in "
              f"{report['ready_seconds']} s")
        for s in report["skipped"]:
            print(f"  skipped {terminal(s['file'])}: {terminal(s['reason'])}")
        for s in report["problems"]:
            print(f"  problem {terminal(s['file'])}: {terminal(s['problem'])}")
    if empty:
        print(f"pressbot index: {empty}", file=sys.stderr)
        return 2
    if args.watch:
        from bot.newsroom_cli import watch_terminal

        return watch_terminal(store, args.json)
    return 0


def cli_scope(cfg: Config, guild_id: int | None) -> Scope | None:
    """What `--guild` sees (None: no such server in config); without it, what a DM sees."""
    from bot.guilds import scope_for

    if guild_id is not None and guild_id not in cfg.guilds:
        return None
    return scope_for(cfg, guild_id)


if __name__ == "__main__":
    raise SystemExit(main())
